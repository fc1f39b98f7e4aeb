"""The engine's stages end to end on real files: bad input lines are reported, not fatal."""

from __future__ import annotations

import datetime as dt
import json
import logging

import duckdb
import polars as pl
import pytest

import marsad.extract
from marsad import pipeline
from marsad.model import Mention
from marsad.sources import SourceError
from marsad.sources.config import load_config

GOOD = [
    {
        "id": "a1",
        "url": "https://news.example/1",
        "published": "2024-01-05",
        "title": "قصف",
        "text": "قصف صاروخي على قاعدة عين الأسد",
    },
    {"url": "https://news.example/2", "published": "2024-01-16T09:30:00+03:00", "text": "هجوم بطائرة مسيرة"},
    {"url": "https://news.example/3", "text": "خبر بلا تاريخ"},
]


def write_corpus(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def messy(tmp_path):
    """A JSONL with a broken line, a line missing url, an empty text and a 5 MB text."""
    lines = [
        json.dumps(GOOD[0], ensure_ascii=False),
        '{"url": "https://news.example/broken", "text": "نص',
        json.dumps({"title": "no url", "text": "نص"}, ensure_ascii=False),
        json.dumps({"url": "https://news.example/empty", "text": "   "}),
        json.dumps(
            {"url": "https://news.example/huge", "text": "ن" * 2_600_000}, ensure_ascii=False
        ),  # ~5 MB
        "",
        json.dumps(GOOD[1], ensure_ascii=False),
        json.dumps(GOOD[2], ensure_ascii=False),
        json.dumps(GOOD[0], ensure_ascii=False),  # the same article twice
    ]
    path = write_corpus(tmp_path / "messy.jsonl", lines)
    assert path.stat().st_size > 5_000_000
    return path


@pytest.fixture
def one_mention_per_article(monkeypatch):
    """A stand-in extractor (the real one is tested in tests/extract): one dated mention per article."""

    def extract(text, published, title=None):
        if "بلا تاريخ" in text:
            return [Mention(evidence=text)]
        return [
            Mention(
                event_date=(published or dt.datetime(2024, 1, 1)).date(),
                date_precision="day",
                country="Iraq",
                governorate="Anbar",
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                weapon="drone",
                perpetrator_id="islamic_resistance_iraq",
                target_id="us_forces",
                killed_low=1,
                killed_best=1,
                killed_high=1,
                evidence=text,
                confidence=0.7,
            )
        ]

    monkeypatch.setattr(marsad.extract, "extract", extract)


def test_load_inputs_reports_each_rejected_line_with_its_number(messy, caplog):
    with caplog.at_level(logging.WARNING):
        inputs = pipeline.load_inputs(pipeline.resolve_sources(inputs=[messy]))
    assert [a.url for a in inputs.articles] == [g["url"] for g in GOOD]
    assert [(r.line, r.reason.split(" (")[0]) for r in inputs.rejections] == [
        (2, "broken JSON"),
        (3, "missing url"),
        (4, "empty text"),
        (5, "text too large"),
    ]
    for rejection in inputs.rejections:
        assert f"messy.jsonl:{rejection.line}:" in caplog.text
    assert inputs.articles[1].published == dt.datetime(2024, 1, 16, 6, 30)  # naive UTC


def test_run_finishes_on_bad_lines_and_stores_every_valid_article(messy, tmp_path, one_mention_per_article):
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    summary = pipeline.run(db, out, inputs=[messy])
    assert (summary.articles_read, summary.articles_new, summary.rejected) == (3, 3, 4)
    assert (summary.extracted, summary.mentions, summary.incidents) == (3, 3, 3)
    assert set(summary.seconds) == {"fetch", "extract", "load", "build", "export"}
    con = duckdb.connect(str(db), read_only=True)
    assert sorted(r[0] for r in con.execute("select url from articles").fetchall()) == [
        g["url"] for g in GOOD
    ]
    con.close()
    incidents = pl.read_parquet(out / "incidents.parquet")
    assert incidents.height == 3
    assert incidents["event_date"].null_count() == 1
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["undated_incidents"] == 1
    assert manifest["articles"] == 3


def test_second_run_extracts_nothing_and_keeps_ids(messy, tmp_path, one_mention_per_article):
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    pipeline.run(db, out, inputs=[messy])
    first = pl.read_parquet(out / "incidents.parquet")
    summary = pipeline.run(db, out, inputs=[messy])
    assert (summary.articles_new, summary.articles_seen, summary.extracted, summary.mentions) == (0, 3, 0, 0)
    assert (
        pl.read_parquet(out / "incidents.parquet")["incident_id"].to_list() == first["incident_id"].to_list()
    )


def test_extractor_failure_on_one_article_is_retried_next_run(tmp_path, monkeypatch, caplog):
    corpus = write_corpus(tmp_path / "c.jsonl", [json.dumps(g, ensure_ascii=False) for g in GOOD])

    def flaky(text, published, title=None):
        if "مسيرة" in text:
            raise ValueError("extractor bug")
        return []

    monkeypatch.setattr(marsad.extract, "extract", flaky)
    with caplog.at_level(logging.WARNING):
        summary = pipeline.run(tmp_path / "w.duckdb", tmp_path / "out", inputs=[corpus])
    assert (summary.articles_new, summary.extracted) == (3, 2)
    assert "extraction failed for https://news.example/2" in caplog.text
    monkeypatch.setattr(marsad.extract, "extract", lambda text, published, title=None: [])
    assert pipeline.run(tmp_path / "w.duckdb", tmp_path / "out", inputs=[corpus]).extracted == 1


def test_input_directory_is_read_recursively(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    write_corpus(tmp_path / "in" / "a.jsonl", [json.dumps(GOOD[0])])
    write_corpus(tmp_path / "in" / "sub" / "b.jsonl", [json.dumps(GOOD[1])])
    (tmp_path / "in" / "notes.txt").write_text("not an input")
    inputs = pipeline.load_inputs(pipeline.resolve_sources(inputs=[tmp_path / "in"]))
    assert [a.url for a in inputs.articles] == [GOOD[0]["url"], GOOD[1]["url"]]


def test_missing_input_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="input not found"):
        pipeline.load_inputs(pipeline.resolve_sources(inputs=[tmp_path / "absent.jsonl"]))


def test_html_only_record_is_turned_into_text(tmp_path):
    html = (
        "<html><body><article><p>"
        + "انفجار عبوة ناسفة استهدف رتلا في بغداد. " * 5
        + "</p></article></body></html>"
    )
    path = write_corpus(
        tmp_path / "h.jsonl", [json.dumps({"url": "https://h.example/1", "html": html}, ensure_ascii=False)]
    )
    inputs = pipeline.load_inputs(pipeline.resolve_sources(inputs=[path]))
    assert not inputs.rejections
    assert "عبوة ناسفة" in inputs.articles[0].text


# ---------------------------------------------------------------------------------------
# sources.yaml


def test_default_config_reads_the_bundled_corpus():
    (source,) = load_config(pipeline.settings.DEFAULT_CONFIG)
    assert (source.name, source.kind) == ("bundled", "files")
    assert source.path == pipeline.settings.REPO_DIR / "samples" / "corpus"


@pytest.mark.parametrize(
    "text, key",
    [
        ("sources: []", "the list is empty"),
        ("nothing: 1", "sources: required"),
        ("sources:\n  - {name: a, kind: carrier_pigeon, path: x}", "sources[0].kind"),
        ("sources:\n  - {kind: files, path: x}", "sources[0].name"),
        ("sources:\n  - {name: a, kind: files}", "sources[0].path"),
        ("sources:\n  - {name: a, kind: files, path: x, url: y}", "unknown key 'url'"),
        ("sources:\n  - {name: a, kind: files, path: x}\n  - {name: a, kind: files, path: y}", "used twice"),
        ("sources: [", "not valid YAML"),
    ],
)
def test_bad_config_fails_naming_the_key(tmp_path, text, key):
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(SourceError) as failure:
        load_config(path)
    assert key in str(failure.value)


def test_config_paths_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "conf").mkdir()
    path = tmp_path / "conf" / "sources.yaml"
    path.write_text("sources:\n  - {name: local, kind: files, path: ../corpus}\n")
    assert load_config(path)[0].path == tmp_path / "conf" / ".." / "corpus"


def test_new_extractor_version_rereads_stored_articles_too(tmp_path, monkeypatch, one_mention_per_article):
    first = write_corpus(tmp_path / "a.jsonl", [json.dumps(GOOD[0], ensure_ascii=False)])
    second = write_corpus(tmp_path / "b.jsonl", [json.dumps(GOOD[1], ensure_ascii=False)])
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    pipeline.run(db, out, inputs=[first])
    pipeline.run(db, out, inputs=[second])
    monkeypatch.setattr(marsad.extract, "EXTRACTOR_VERSION", "9.9.9")
    summary = pipeline.run(db, out, inputs=[first])
    assert (summary.extracted, summary.reextracted_stored, summary.articles_seen) == (2, 1, 1)
    con = duckdb.connect(str(db), read_only=True)
    versions = con.execute("select distinct extractor_version from stg_incident_mentions").fetchall()
    con.close()
    assert versions == [("9.9.9",)]
    assert json.loads((out / "manifest.json").read_text())["extractor_versions_in_data"] == ["9.9.9"]


def test_bundled_corpus_runs_end_to_end_with_the_real_extractor(tmp_path):
    """`make run`'s job: the default config, the real extractor, every data test passing."""
    corpus = pipeline.settings.REPO_DIR / "samples" / "corpus"
    if not any(corpus.glob("*.jsonl")):
        pytest.skip("the bundled corpus is absent")
    summary = pipeline.run(tmp_path / "w.duckdb", tmp_path / "export")
    assert summary.rejected == 0
    assert summary.articles_new == summary.articles_read >= 40
    manifest = json.loads((tmp_path / "export" / "manifest.json").read_text())
    assert manifest["row_counts"]["incidents"] == summary.incidents
    assert manifest["articles"] == summary.articles_read
