"""Clustering on the dev gold: multi-outlet events become one incident, distinct events stay apart.

The extractor is tested against the gold elsewhere; here every gold line is turned into
the mentions a perfect extractor would read from each of its articles (undated articles
give undated mentions, outlets disagree on vague actors and on counts the gold leaves
open), and the clustered result goes through ../shared/eval/score.py. This isolates the
clustering from extraction errors.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import polars as pl
import pytest

from marsad.model import SUB_EVENT_TYPES
from marsad.warehouse.cluster import MENTION_SCHEMA, cluster_mentions, load_actors

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXTRA_TYPES = {
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Looting/property destruction": "Strategic developments",
}


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared/ ships with CI, not with clones")
    return path


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def dev():
    corpus = _jsonl(_shared("eval", "dev", "articles.jsonl"))
    gold = _jsonl(_shared("eval", "dev", "gold.jsonl"))
    spec = importlib.util.spec_from_file_location("marsad_eval_score", _shared("eval", "score.py"))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    scorer.load_umbrellas(_shared("spec", "actors.csv"))
    return corpus, gold, scorer


def _perpetrator_of_outlet(ids: list[str], n: int) -> str:
    """The first outlet names the gold's first actor; the others an acceptable vaguer one if any."""
    if not ids:
        return "unknown"
    if n == 0:
        return ids[0]
    umbrella = load_actors().umbrella
    vaguer = [i for i in ids[1:] if i == "unknown" or umbrella.get(ids[0]) == i]
    return vaguer[(n - 1) % len(vaguer)] if vaguer else ids[0]


def oracle_mentions(corpus: list[dict], gold: list[dict]) -> pl.DataFrame:
    articles = {a["id"]: a for a in corpus}
    rows = []
    for g in gold:
        sub = g["sub_event_type"][0]
        date_min = dt.date.fromisoformat(g["date_min"]) if g.get("date_min") else None
        date_max = dt.date.fromisoformat(g["date_max"]) if g.get("date_max") else date_min
        if date_min is None:
            precision = None
        elif (date_max - date_min).days <= 1:
            precision = "day"
        else:
            precision = "month"
        for n, art_id in enumerate(g["articles"]):
            art = articles[art_id]
            published = dt.datetime.fromisoformat(art["published"]) if art.get("published") else None
            dated = published is not None and date_min is not None
            killed = g["killed"] if isinstance(g["killed"], int) else None
            wounded = g["wounded"] if isinstance(g["wounded"], int) else None
            if g["killed"] == "any" and n == 1:
                killed = 5  # one outlet gives a toll the others do not
            rows.append(
                {
                    "mention_id": f"{art_id}#{g['gold_id']}",
                    "article_url": art["url"],
                    "published": published,
                    "event_date": date_min if dated else None,
                    "date_precision": precision if dated else None,
                    "country": g.get("country"),
                    "governorate": g.get("governorate"),
                    "location": g.get("location"),
                    "latitude": None,
                    "longitude": None,
                    "event_type": SUB_EVENT_TYPES.get(sub) or EXTRA_TYPES[sub],
                    "sub_event_type": sub,
                    "weapon": None,
                    "perpetrator_id": _perpetrator_of_outlet(g["perpetrator"], n),
                    "target_id": (g["target"] or [None])[0],
                    "claimed": False,
                    "killed_low": killed,
                    "killed_best": killed,
                    "killed_high": killed,
                    "wounded_low": wounded,
                    "wounded_best": wounded,
                    "wounded_high": wounded,
                    "evidence": g.get("note", ""),
                    "confidence": 0.6,
                }
            )
    return pl.DataFrame(rows, schema=MENTION_SCHEMA)


# Undated reports of one kind at one place (Katyushas on the Green Zone, US strikes on
# al-Qaim) cannot be told apart by their fields: a perfect extractor's undated mentions
# of these distinct required events merge. Real evidence sentences often name a weekday,
# which keeps them apart (see docs/notes/clustering.md); the gold notes used as evidence
# here rarely do. Any other merge of two required events is a regression.
KNOWN_UNDATED_COLLISIONS = {
    frozenset({"a002-2", "a003-3"}),  # a002 undated ("same Saturday"); a003-3 dated 23 Aug 2021
    frozenset({"a006-1", "a011-1"}),  # both undated US strikes on al-Qaim
    frozenset({"a019-1", "a020-1"}),  # both undated Katyushas on the Green Zone
}


def _incident_golds(incidents: pl.DataFrame) -> list[tuple[frozenset[str], list[str]]]:
    return [
        (frozenset(mid.split("#", 1)[1] for mid in ids), ids) for ids in incidents["mention_ids"].to_list()
    ]


def test_cluster_dev_multi_outlet_events_come_out_whole(dev):
    corpus, gold, _ = dev
    incidents, _ = cluster_mentions(oracle_mentions(corpus, gold))
    holders: dict[str, list[list[str]]] = {}
    for golds, ids in _incident_golds(incidents):
        for gid in golds:
            holders.setdefault(gid, []).append(ids)
    multi = [g for g in gold if len(g["articles"]) > 1]
    assert len(multi) >= 15
    for g in multi:
        parts = holders[g["gold_id"]]
        assert len(parts) == 1, f"{g['gold_id']} split over {len(parts)} incidents: {parts}"


def test_cluster_dev_required_events_never_mix(dev):
    corpus, gold, _ = dev
    required = [g for g in gold if g["required"]]
    incidents, _ = cluster_mentions(oracle_mentions(corpus, required))
    mixed = {golds for golds, _ in _incident_golds(incidents) if len(golds) > 1}
    assert mixed <= KNOWN_UNDATED_COLLISIONS, sorted(map(sorted, mixed - KNOWN_UNDATED_COLLISIONS))
    dated = {g["gold_id"] for g in required if g.get("date_min")}
    corpus_dated = {a["id"] for a in corpus if a.get("published")}
    for golds in mixed:
        # never two events that both carry dates
        assert (
            sum(
                1
                for gid in golds
                if gid in dated
                and any(a in corpus_dated for a in next(g for g in gold if g["gold_id"] == gid)["articles"])
            )
            <= 1
        )


def test_cluster_dev_scores_with_the_shared_scorer(dev):
    corpus, gold, scorer = dev
    incidents, _ = cluster_mentions(oracle_mentions(corpus, gold))
    urls = {a["id"]: a["url"] for a in corpus}
    undated = {a["url"] for a in corpus if not a.get("published")}
    golds = [scorer.Gold(g, urls, undated) for g in gold]
    preds = [{**r, "source_urls": set(r["source_urls"])} for r in incidents.to_dicts()]
    metrics, matches = scorer.evaluate(golds, preds)
    assert metrics["faction_month_incidents_wape"] <= 0.15
    assert metrics["precision"] >= 0.95
    # no gold incident matched by two predictions: none left over that fits it alone
    matched = set(matches.values())
    for g in golds:
        twins = [
            pi
            for pi, p in enumerate(preds)
            if pi not in matched and p["source_urls"] <= g.urls and g.compatible(p)
        ]
        assert not twins, f"{g.id} matched by more than one prediction"


# ---------------------------------------------------------------------------------------
# the bundled corpus (samples/): its three-outlet event

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _samples() -> tuple[list[dict], list[dict]]:
    corpus, gold = SAMPLES / "corpus" / "articles.jsonl", SAMPLES / "gold.jsonl"
    if not (corpus.exists() and gold.exists()):
        pytest.skip("samples/ corpus or gold absent")
    return _jsonl(corpus), _jsonl(gold)


def test_cluster_samples_three_outlet_event_is_one_incident():
    corpus, gold = _samples()
    mentions = oracle_mentions(corpus, gold)
    # the three outlets' own tolls (samples/README.md): 3, ٤, أربعة
    tolls = {"c01#g01": 3, "c02#g01": 4, "c03#g01": 4}
    mentions = mentions.with_columns(
        pl.when(pl.col("mention_id").is_in(list(tolls)))
        .then(pl.col("mention_id").replace_strict(tolls, default=None, return_dtype=pl.Int64))
        .otherwise(pl.col(c))
        .alias(c)
        for c in ("killed_low", "killed_best", "killed_high")
    )
    incidents, _ = cluster_mentions(mentions)
    g01 = [r for r in incidents.to_dicts() if any(m.endswith("#g01") for m in r["mention_ids"])]
    assert len(g01) == 1
    inc = g01[0]
    assert inc["mention_ids"] == ["c01#g01", "c02#g01", "c03#g01"]
    assert inc["source_count"] == 3
    assert (inc["killed_low"], inc["killed_best"], inc["killed_high"]) == (3, 4, 4)
    assert inc["wounded_best"] == 2
    assert inc["event_date"] == dt.date(2025, 3, 18)


def test_cluster_samples_required_events_never_mix():
    corpus, gold = _samples()
    incidents, _ = cluster_mentions(oracle_mentions(corpus, [g for g in gold if g["required"]]))
    mixed = [sorted(golds) for golds, _ in _incident_golds(incidents) if len(golds) > 1]
    assert not mixed


def test_cluster_samples_with_the_extractor():
    """When the extractor reads the Kirkuk attack from each of c01-c03, the three reports merge."""
    corpus, _ = _samples()
    try:
        from marsad.extract import extract  # noqa: PLC0415
    except Exception as exc:  # the extractor is built in parallel
        pytest.skip(f"extractor not importable: {exc}")
    rows = []
    for art in corpus:
        if art["id"] not in ("c01", "c02", "c03"):
            continue
        published = dt.datetime.fromisoformat(art["published"]) if art.get("published") else None
        for n, m in enumerate(extract(art["text"], published, art.get("title"))):
            row = {k: v for k, v in m.as_dict().items() if k in MENTION_SCHEMA}
            rows.append(
                {**row, "mention_id": f"{art['id']}#{n}", "article_url": art["url"], "published": published}
            )
    # "south-west of Kirkuk" leaves the governorate open (a direction from a city may cross
    # a border): the location still names the place
    kirkuk = [
        r
        for r in rows
        if (r["governorate"] == "Kirkuk" or (r["location"] or "").startswith("Kirkuk"))
        and r["event_type"] == "Battles"
    ]
    assert sorted({r["mention_id"].split("#")[0] for r in kirkuk}) == ["c01", "c02", "c03"]
    incidents, _ = cluster_mentions(pl.DataFrame(rows, schema=MENTION_SCHEMA))
    holders = {
        tuple(ids) for ids in incidents["mention_ids"].to_list() for r in kirkuk if r["mention_id"] in ids
    }
    assert len(holders) == 1, holders
