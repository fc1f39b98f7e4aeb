"""Arabic text -> incident mentions. Pure functions: no I/O, no Prefect, no httpx.

Entry point: `extract(text, published, title=None) -> list[Mention]`
(see pipeline.py). `EXTRACTOR_VERSION` changes whenever the output may change, so that
stored articles are re-extracted by `marsad-backfill`.
"""

EXTRACTOR_VERSION = "0.6.172"

_warmed = False


def __getattr__(name: str):
    """`extract` is imported on first use (PEP 562, as marsad.warehouse does): a command
    that only needs EXTRACTOR_VERSION (`marsad export`'s manifest) does not import the
    engine and its rule tables (~0.1 s of start-up)."""
    if name == "extract":
        from marsad.extract.pipeline import extract

        globals()["extract"] = extract  # once: later lookups do not come here
        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def warm() -> None:
    """Build the vocabulary and rule tables now; the first extract() call otherwise pays
    for them (~1 s). The extract stage (marsad.pipeline.extract_articles) calls it before
    its first article; `marsad run` calls it earlier while a temporary Prefect API boots.

    Then `gc.freeze()`: every object alive now (the vocabulary's hundreds of thousands,
    the imported modules) moves out of the collector's scans for the life of the process;
    extraction allocates heavily and each collection would walk them again (callgrind:
    -1.5 % instructions per article); they are unfrozen at exit. Only the first call
    does anything."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    import atexit
    import datetime as dt
    import gc

    from marsad.extract import pipeline  # the engine itself, whatever stands in for `extract`

    pipeline.extract(
        "قصفت طائرة مسيرة مجهولة قاعدة عين الأسد في الأنبار يوم الأحد، ما أسفر عن مقتل جنديين وإصابة ثلاثة.",
        dt.date(2024, 1, 1),
        "قصف قاعدة عين الأسد",
    )
    gc.freeze()
    # back under the collector at exit, so that interpreter shutdown frees them as usual
    # (else DuckDB's nanobind bindings report "leaked instances" on stderr)
    atexit.register(gc.unfreeze)


__all__ = ["EXTRACTOR_VERSION", "extract", "warm"]
