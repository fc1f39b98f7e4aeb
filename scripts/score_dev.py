#!/usr/bin/env python3
"""Score the extraction engine on a gold corpus in a few seconds (the inner loop of tuning).

Runs `extract()` on every article of a JSON Lines corpus, turns the mentions into an
`incidents` Parquet file with the contract columns (spec section 2), clustering
multi-outlet reports with marsad.warehouse.cluster when that module offers its pure
function (else one incident per mention), then runs ../shared/eval/score.py on it.

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
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from marsad.extract import EXTRACTOR_VERSION, extract  # noqa: E402

COLUMNS = [
    "incident_id",
    "event_date",
    "date_precision",
    "country",
    "governorate",
    "location",
    "latitude",
    "longitude",
    "event_type",
    "sub_event_type",
    "weapon",
    "perpetrator_id",
    "target_id",
    "claimed",
    "killed_low",
    "killed_best",
    "killed_high",
    "wounded_low",
    "wounded_best",
    "wounded_high",
    "source_urls",
    "source_count",
    "evidence",
    "confidence",
]

_TAG = re.compile(r"<[^>]+>")


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
    text = row.get("text")
    if text:
        return text
    html = row.get("html") or ""
    # scoring-only fallback; the sources module owns real HTML extraction
    return _TAG.sub("\n", html)


def mention_rows(articles: list[dict]) -> tuple[list[dict], float]:
    rows = []
    t0 = time.perf_counter()
    for art in articles:
        published = parse_published(art.get("published"))
        for n, m in enumerate(extract(article_text(art), published, art.get("title"))):
            row = m.as_dict()
            row["url"] = art["url"]
            row["article_id"] = art.get("id") or art["url"]
            row["published"] = published
            row["mention_no"] = n
            rows.append(row)
    return rows, time.perf_counter() - t0


def incident_id(urls: list[str], evidence: str) -> str:
    key = "\x1f".join(sorted(urls)) + "\x1e" + evidence
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def one_per_mention(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        inc = {c: r.get(c) for c in COLUMNS if c in r}
        inc["source_urls"] = [r["url"]]
        inc["source_count"] = 1
        inc["incident_id"] = incident_id([r["url"]], r.get("evidence", "") + str(r.get("evidence_start")))
        out.append(inc)
    return out


def clustered(rows: list[dict]) -> tuple[list[dict], str]:
    """Use the warehouse's pure clustering function when it exists; else one per mention."""
    try:
        from marsad.warehouse import cluster  # noqa: PLC0415
    except Exception as exc:  # the module may not have landed yet
        return one_per_mention(rows), f"one incident per mention (no cluster module: {type(exc).__name__})"
    import polars as pl  # noqa: PLC0415

    fn = getattr(cluster, "cluster_mentions", None)
    if not callable(fn) or not rows:
        return one_per_mention(rows), "one incident per mention (cluster module has no cluster_mentions)"
    frame_rows = []
    for r in rows:
        fr = {k: v for k, v in r.items() if k not in ("notes", "url")}
        fr["article_url"] = r["url"]
        fr["mention_id"] = incident_id([r["url"]], str(r["mention_no"]))
        fr["article_id"] = str(r["article_id"])
        frame_rows.append(fr)
    try:
        frame = pl.DataFrame(frame_rows, infer_schema_length=None)
        result = fn(frame)
        if isinstance(result, tuple):
            result = result[0]
        if isinstance(result, pl.LazyFrame):
            result = result.collect()
        incidents = result.to_dicts()
    except Exception as exc:  # keep the loop usable while the teammate's module evolves
        print(
            f"cluster.{fn.__name__} failed ({type(exc).__name__}: {exc}); one incident per mention",
            file=sys.stderr,
        )
        return one_per_mention(rows), "one incident per mention (cluster failed)"
    if not incidents or "source_urls" not in incidents[0]:
        return one_per_mention(rows), "one incident per mention (cluster output lacks source_urls)"
    for inc in incidents:
        inc.setdefault("source_count", len(inc["source_urls"] or []))
        inc.setdefault("incident_id", incident_id(inc["source_urls"] or [], str(inc.get("evidence"))))
    return incidents, f"clustered by marsad.warehouse.cluster.{fn.__name__}"


def write_parquet(incidents: list[dict], path: Path) -> None:
    import polars as pl  # noqa: PLC0415

    schema = {
        "incident_id": pl.Utf8,
        "event_date": pl.Date,
        "date_precision": pl.Utf8,
        "country": pl.Utf8,
        "governorate": pl.Utf8,
        "location": pl.Utf8,
        "latitude": pl.Float64,
        "longitude": pl.Float64,
        "event_type": pl.Utf8,
        "sub_event_type": pl.Utf8,
        "weapon": pl.Utf8,
        "perpetrator_id": pl.Utf8,
        "target_id": pl.Utf8,
        "claimed": pl.Boolean,
        "killed_low": pl.Int64,
        "killed_best": pl.Int64,
        "killed_high": pl.Int64,
        "wounded_low": pl.Int64,
        "wounded_best": pl.Int64,
        "wounded_high": pl.Int64,
        "source_urls": pl.List(pl.Utf8),
        "source_count": pl.Int64,
        "evidence": pl.Utf8,
        "confidence": pl.Float64,
    }
    data = {c: [inc.get(c) for inc in incidents] for c in schema}
    pl.DataFrame(data, schema=schema).write_parquet(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "eval" / "dev" / "articles.jsonl")
    ap.add_argument("--gold", type=Path, default=None, help="default: gold.jsonl beside the corpus")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=None, help="keep the incidents Parquet here")
    ap.add_argument("--no-cluster", action="store_true", help="one incident per mention")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--dump", action="store_true", help="print every mention (article, fields, evidence)")
    a = ap.parse_args(argv)
    gold = a.gold or a.corpus.with_name("gold.jsonl")
    if not gold.exists() and a.corpus.parent.name == "corpus":
        gold = a.corpus.parent.parent / "gold.jsonl"

    articles = load_jsonl(a.corpus)
    rows, seconds = mention_rows(articles)
    if a.dump:
        for r in rows:
            print(
                f"[{r['article_id']}] {r['event_date']}/{r['date_precision']} {r['country']}/{r['governorate']}/"
                f"{r['location']} {r['perpetrator_id']}->{r['target_id']} {r['sub_event_type']} "
                f"w={r['weapon']} k={r['killed_best']} wd={r['wounded_best']} c={r['confidence']:.2f} "
                f"claimed={r['claimed']} notes={r['notes']}\n      {r['evidence'][:300]!r}"
            )
    if a.no_cluster:
        incidents, how = one_per_mention(rows), "one incident per mention (--no-cluster)"
    else:
        incidents, how = clustered(rows)
    if not a.json:
        size = sum(len(article_text(x)) for x in articles)
        print(
            f"extractor {EXTRACTOR_VERSION}: {len(articles)} articles ({size / 1024:.0f} KB) -> "
            f"{len(rows)} mentions -> {len(incidents)} incidents; extract {seconds:.2f}s "
            f"({len(articles) / max(seconds, 1e-9):.0f} articles/s); {how}",
            file=sys.stderr,
        )

    with tempfile.TemporaryDirectory() as tmp:
        out = a.out or Path(tmp) / "incidents.parquet"
        write_parquet(incidents, out)
        cmd = [
            sys.executable,
            str(a.scorer),
            "--pred",
            str(out),
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
