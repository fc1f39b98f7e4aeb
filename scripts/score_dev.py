#!/usr/bin/env python3
"""Score the engine on a gold corpus: the tuning loop and the quality gate's measurement.

Runs the engine's own main job on a JSON Lines corpus (marsad.pipeline.run: load ->
extract -> cluster -> build -> export, into a temporary warehouse, no Prefect), then
../shared/eval/score.py on the exported incidents.parquet -- so the figures are those of
what `marsad run` publishes, not of a re-implementation.

    .venv/bin/python scripts/score_dev.py                 # dev set, table of figures
    .venv/bin/python scripts/score_dev.py --show 30       # plus missed / unmatched lists
    .venv/bin/python scripts/score_dev.py --json          # one JSON object (the quality gate)
    .venv/bin/python scripts/score_dev.py --corpus samples/corpus/articles.jsonl \
        --gold samples/gold.jsonl
    .venv/bin/python scripts/score_dev.py --dump          # print every mention read

Exit status is the scorer's (0 whatever the figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from marsad.extract import EXTRACTOR_VERSION, extract  # noqa: E402


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def parse_published(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(str(value)[:10]), dt.time())
        except ValueError:
            return None


def article_text(row: dict) -> str:
    """The text the engine reads for a JSONL record (html through the files source's reader)."""
    if row.get("text"):
        return row["text"]
    from marsad.sources.files import html_to_text

    return html_to_text(row.get("html") or "")


def dump(articles: list[dict]) -> None:
    for art in articles:
        for m in extract(article_text(art), parse_published(art.get("published")), art.get("title")):
            r = m.as_dict()
            print(
                f"[{art.get('id') or art['url']}] {r['event_date']}/{r['date_precision']} "
                f"{r['country']}/{r['governorate']}/{r['location']} {r['perpetrator_id']}->{r['target_id']} "
                f"{r['sub_event_type']} w={r['weapon']} k={r['killed_best']} wd={r['wounded_best']} "
                f"c={r['confidence']:.2f} claimed={r['claimed']} notes={r['notes']}\n      {r['evidence'][:300]!r}"
            )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "eval" / "dev" / "articles.jsonl")
    ap.add_argument("--gold", type=Path, default=None, help="default: gold.jsonl beside the corpus")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=None, help="keep the incidents Parquet here")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--dump", action="store_true", help="print every mention (article, fields, evidence)")
    a = ap.parse_args(argv)
    gold = a.gold or a.corpus.with_name("gold.jsonl")
    if not gold.exists() and a.corpus.parent.name == "corpus":
        gold = a.corpus.parent.parent / "gold.jsonl"
    if a.dump:
        dump(load_jsonl(a.corpus))

    from marsad import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = pipeline.run(Path(tmp) / "w.duckdb", Path(tmp) / "export", inputs=[a.corpus])
        parquet = Path(tmp) / "export" / "incidents.parquet"
        if not a.json:
            print(
                f"extractor {EXTRACTOR_VERSION}: {summary.articles_read} articles -> {summary.mentions} "
                f"mentions -> {summary.incidents} incidents in {time.perf_counter() - t0:.1f} s "
                f"(marsad.pipeline.run; extract {summary.seconds.get('extract', 0):.2f} s)",
                file=sys.stderr,
            )
        if a.out:
            shutil.copyfile(parquet, a.out)
        cmd = [
            sys.executable,
            str(a.scorer),
            "--pred",
            str(parquet),
            "--corpus",
            str(a.corpus),
            "--gold",
            str(gold),
        ]
        if a.json:
            cmd.append("--json")
        if a.show:
            cmd += ["--show", str(a.show)]
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
