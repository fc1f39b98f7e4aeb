"""Arabic text -> incident mentions. Pure functions: no I/O, no Prefect, no httpx.

Entry point: `extract(text, published, title=None) -> list[Mention]`
(see pipeline.py). `EXTRACTOR_VERSION` changes whenever the output may change, so that
stored articles are re-extracted by `marsad-backfill`.
"""

EXTRACTOR_VERSION = "0.3.12"

from marsad.extract.pipeline import extract  # noqa: E402

__all__ = ["EXTRACTOR_VERSION", "extract"]
