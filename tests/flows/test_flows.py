"""The flows against a temporary Prefect API: what they store, what they skip, what they publish."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from pathlib import Path

import duckdb
import pytest
from conftest import warehouse_state

from flows.backfill import marsad_backfill
from flows.build import marsad_build
from flows.pipeline import marsad_pipeline
from marsad import pipeline
from marsad.orchestrate import warehouse_lock
from marsad.warehouse import WarehouseBusy

pytestmark = pytest.mark.usefixtures("prefect_api")

ARTICLES = [
    {
        "url": "https://news.example/a",
        "published": "2024-03-05",
        "text": "قصف صاروخي على قاعدة في الأنبار أسفر عن مقتل جنديين",
    },
    {"url": "https://news.example/b", "published": "2024-03-07", "text": "هجوم بطائرة مسيرة في نينوى"},
]


def write_corpus(path: Path, articles=ARTICLES) -> Path:
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", encoding="utf-8")
    return path


def read_artifacts(key: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    # newest first: every flow run of the session publishes under the same key
    with get_client(sync_client=True) as client:
        return client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])), sort=ArtifactSort.CREATED_DESC
        )


# --- marsad-pipeline ----------------------------------------------------------------------


def test_pipeline_stores_the_bundled_corpus_like_the_engine(tmp_path, reference):
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    report = marsad_pipeline(db=str(db), export_dir=str(out))
    state = warehouse_state(db)
    assert state["incidents"] == reference["incidents"]
    assert state["mentions"] == reference["mentions"]
    assert report.counts["fetch"]["articles read"] == reference["articles"]
    assert report.counts["build"]["new incidents"] == len(reference["incidents"])
    assert (out / "manifest.json").exists()


def test_pipeline_publishes_report_and_faction_month_artifacts(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl")
    report = marsad_pipeline(
        inputs=[str(corpus)], db=str(tmp_path / "w.duckdb"), export_dir=str(tmp_path / "e")
    )
    markdown = read_artifacts("marsad-pipeline-report")
    assert markdown, "no markdown artifact"
    text = markdown[0].data
    assert "Counts per stage" in text and "New incidents" in text and "Failures per source" in text
    for incident in report.new_incidents:
        for url in incident["source_urls"]:
            assert url in text
    assert read_artifacts("marsad-pipeline-faction-month-changes")


def faction_month_cells(db: Path) -> dict[tuple, tuple]:
    """(actor, month YYYY-MM, role) -> (incidents, killed_best, wounded_best), every cell."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "select actor_id, strftime(month, '%Y-%m'), role, incidents, killed_best, wounded_best "
            "from faction_month"
        ).fetchall()
    finally:
        con.close()
    return {(a, m, r): tuple(v or 0 for v in values) for a, m, r, *values in rows}


def changes_table() -> list[dict]:
    """The rows of the newest faction-month table artifact."""
    newest = read_artifacts("marsad-pipeline-faction-month-changes")[0]
    assert newest.type == "table"
    return json.loads(newest.data)


def as_changes(rows: list[dict]) -> dict[tuple, tuple]:
    """(actor, month, role) -> ((before), (after)) of each row of the table artifact."""
    return {
        (r["actor_id"], r["month"], r["role"]): (
            (r["incidents_before"], r["killed_best_before"], r["wounded_best_before"]),
            (r["incidents_after"], r["killed_best_after"], r["wounded_best_after"]),
        )
        for r in rows
    }


# an article whose evidence sentence holds markdown marks (emphasis, parentheses, a period)
MARKED = {
    "url": "https://news.example/c",
    "published": "2024-03-09",
    "text": "أعلنت *فصائل المقاومة* أن قصفاً صاروخياً استهدف قاعدة عين الأسد في الأنبار (غرب العراق) "
    "وأسفر عن مقتل جنديين.",
}
# two more months and four more factions: more cells to list
OTHERS = [
    {
        "url": "https://news.example/d",
        "published": "2024-01-20",
        "text": "تبنت كتائب حزب الله هجوماً بطائرة مسيرة على قاعدة عين الأسد الجوية في الأنبار "
        "أسفر عن إصابة ثلاثة جنود أمريكيين.",
    },
    {
        "url": "https://news.example/e",
        "published": "2024-02-02",
        "text": "قصفت طائرة مسيرة تركية مواقع لحزب العمال الكردستاني في سنجار ما أدى إلى مقتل ثلاثة مسلحين.",
    },
]


def test_faction_month_table_artifact_lists_exactly_the_cells_each_run_changed(tmp_path):
    from marsad.safety import md_text

    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    corpus = tmp_path / "c.jsonl"

    # first run: the warehouse was empty, so the changed cells are the non-zero ones
    first = marsad_pipeline(
        inputs=[str(write_corpus(corpus, [*ARTICLES, MARKED, *OTHERS]))], db=str(db), export_dir=str(out)
    )
    cells = faction_month_cells(db)
    rows = changes_table()
    assert len(rows) == first.counts["build"]["faction-month cells changed"] >= 6
    assert as_changes(rows) == {key: ((0, 0, 0), value) for key, value in cells.items() if value != (0, 0, 0)}
    # the markdown artifact shows each new incident with its evidence, escaped
    text = read_artifacts("marsad-pipeline-report")[0].data
    assert first.new_incidents and f"## New incidents ({len(first.new_incidents)} of " in text
    for incident in first.new_incidents:
        assert incident["evidence"] and md_text(incident["evidence"]) in text, incident["evidence"]
    marked = [i["evidence"] for i in first.new_incidents if "https://news.example/c" in i["source_urls"]]
    assert marked and "*" in marked[0]
    assert md_text(marked[0]) in text and marked[0] not in text  # shown escaped, never as markdown

    # a changed article (three wounded more): only the cells whose numbers moved are listed
    changed = [
        ARTICLES[0],
        {**ARTICLES[1], "text": ARTICLES[1]["text"] + " وإصابة ثلاثة مدنيين"},
        MARKED,
        *OTHERS,
    ]
    second = marsad_pipeline(inputs=[str(write_corpus(corpus, changed))], db=str(db), export_dir=str(out))
    now = faction_month_cells(db)
    expected = {
        key: (cells.get(key, (0, 0, 0)), now.get(key, (0, 0, 0)))
        for key in set(cells) | set(now)
        if cells.get(key, (0, 0, 0)) != now.get(key, (0, 0, 0))
    }
    assert expected, "the changed article must change some faction-month cell"
    rows = changes_table()
    assert as_changes(rows) == expected
    assert len(rows) == second.counts["build"]["faction-month cells changed"]
    text = read_artifacts("marsad-pipeline-report")[0].data
    for incident in second.new_incidents:
        assert md_text(incident["evidence"]) in text

    # nothing new: no cell changed, the table holds only its empty placeholder row
    third = marsad_pipeline(inputs=[str(corpus)], db=str(db), export_dir=str(out))
    assert third.skipped == ["extract", "load", "build", "export"]
    assert changes_table() == [
        {"actor_id": None, "month": None, "role": None, "incidents_before": None, "incidents_after": None}
    ]
    assert "## New incidents (0 of " in read_artifacts("marsad-pipeline-report")[0].data


def test_second_run_with_nothing_new_does_only_the_cheap_checks(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "c.jsonl")
    args = dict(inputs=[str(corpus)], db=str(tmp_path / "w.duckdb"), export_dir=str(tmp_path / "e"))
    marsad_pipeline(**args)
    before = warehouse_state(tmp_path / "w.duckdb")

    def must_not_run(*_args, **_kwargs):
        raise AssertionError("a run with nothing new must not extract, load or build")

    for name in ("extract_articles", "load", "load_staged", "build", "export"):
        monkeypatch.setattr(pipeline, name, must_not_run)
    report = marsad_pipeline(**args)
    assert report.skipped == ["extract", "load", "build", "export"]
    assert report.incidents_total == len(before["incidents"])
    assert warehouse_state(tmp_path / "w.duckdb") == before


def test_changed_article_alone_is_extracted_again(tmp_path):
    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    marsad_pipeline(inputs=[str(write_corpus(tmp_path / "c.jsonl"))], db=str(db), export_dir=str(out))
    changed = [ARTICLES[0], {**ARTICLES[1], "text": ARTICLES[1]["text"] + " وإصابة ثلاثة مدنيين"}]
    report = marsad_pipeline(
        inputs=[str(write_corpus(tmp_path / "c.jsonl", changed))], db=str(db), export_dir=str(out)
    )
    assert report.counts["extract"]["to extract"] == 1
    assert report.counts["load"]["articles changed"] == 1
    assert "build" not in report.skipped


def test_failed_extraction_is_named_with_its_source_and_retried_next_run(tmp_path, monkeypatch, caplog):
    import marsad.extract

    real = marsad.extract.extract

    def flaky(text, *args, **kwargs):
        if "نينوى" in text:
            raise ValueError("boom")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(marsad.extract, "extract", flaky)
    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    corpus = write_corpus(tmp_path / "c.jsonl")
    report = marsad_pipeline(inputs=[str(corpus)], db=str(db), export_dir=str(out))
    assert report.counts["extract"]["failed"] == 1
    assert report.failures == {"input": ["extraction failed: https://news.example/b"]}
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("https://news.example/b" in m and "'input'" in m for m in warnings), warnings
    monkeypatch.setattr(marsad.extract, "extract", real)
    again = marsad_pipeline(inputs=[str(corpus)], db=str(db), export_dir=str(out))
    assert again.counts["extract"]["to extract"] == 1 and again.counts["extract"]["failed"] == 0


def test_each_batch_is_staged_as_extracted_and_none_is_kept_in_memory(tmp_path, monkeypatch):
    import tempfile

    from flows import tasks
    from marsad.warehouse.staging import Staging

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    staged, results = [], []
    real_add, real_load = Staging.add_extracted, pipeline.load_staged

    def add_extracted(self, batch, part):
        staged.append((part, len(batch), sorted(p.name for p in self.path.iterdir())))
        return real_add(self, batch, part)

    def load_staged(db, staging):
        # the load finds every batch on disk, and no batch result carried its mentions
        assert len(staging.files("extractions")) == 2
        results.append(staging.articles)
        return real_load(db, staging)

    monkeypatch.setattr(Staging, "add_extracted", add_extracted)
    monkeypatch.setattr(pipeline, "load_staged", load_staged)
    real_batch = tasks.extract_batch.fn

    @functools.wraps(real_batch)
    def spy_batch(*args, **kwargs):
        result = real_batch(*args, **kwargs)
        assert result.extracted == [] and result.count == 1
        return result

    monkeypatch.setattr(tasks.extract_batch, "fn", spy_batch)
    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    report = marsad_pipeline(
        inputs=[str(write_corpus(tmp_path / "c.jsonl"))], db=str(db), export_dir=str(out), batch_size=1
    )
    assert [(part, n) for part, n, _ in staged] == [(0, 1), (1, 1)]
    assert staged[1][2] == ["extractions-000000.parquet", "mentions-000000.parquet"]  # batch 0 on disk
    assert results == [2]
    assert report.counts["extract"]["extracted"] == 2 and report.counts["load"]["articles new"] == 2
    assert warehouse_state(db)["extractions"] == 2
    assert list((tmp_path / "tmp").iterdir()) == []  # the staging area is gone after the run


def test_run_failing_mid_extraction_changes_nothing(tmp_path, monkeypatch):
    import tempfile

    from marsad.warehouse.staging import Staging

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    marsad_pipeline(
        inputs=[str(write_corpus(tmp_path / "c.jsonl", ARTICLES[:1]))], db=str(db), export_dir=str(out)
    )
    before = warehouse_state(db)
    exported = {p.name: p.read_bytes() for p in out.iterdir()}
    real_add = Staging.add_extracted

    def full_disk(self, batch, part):
        if part == 1:
            raise OSError(28, "No space left on device")
        return real_add(self, batch, part)

    monkeypatch.setattr(Staging, "add_extracted", full_disk)
    changed = [{**ARTICLES[0], "text": ARTICLES[0]["text"] + " وإصابة ثلاثة"}, ARTICLES[1]]
    with pytest.raises(OSError, match="No space"):
        marsad_pipeline(
            inputs=[str(write_corpus(tmp_path / "c.jsonl", changed))],
            db=str(db),
            export_dir=str(out),
            batch_size=1,
        )
    assert warehouse_state(db) == before  # batch 0 was staged, none of it is stored
    assert {p.name: p.read_bytes() for p in out.iterdir()} == exported
    assert list((tmp_path / "tmp").iterdir()) == []


def test_second_writer_waits_then_fails_naming_the_holder(tmp_path):
    db = tmp_path / "w.duckdb"
    held, release = threading.Event(), threading.Event()

    def hold():
        with warehouse_lock(
            db, holder={"pid": 4242, "host": "elsewhere", "since": "now", "flow_run": "x/y (1)"}
        ):
            held.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(10)
        corpus = write_corpus(tmp_path / "c.jsonl")
        with pytest.raises(WarehouseBusy, match=r"flow run x/y \(1\), process 4242 on elsewhere.*waited 1 s"):
            marsad_pipeline(inputs=[str(corpus)], db=str(db), export_dir=str(tmp_path / "e"), lock_timeout=1)
    finally:
        release.set()
        holder.join()
    assert not db.exists(), "the waiting run must not have touched the warehouse"


# --- marsad-backfill and marsad-build -----------------------------------------------------


def test_backfill_reextracts_stored_articles_without_refetching(tmp_path, monkeypatch, reference):
    import marsad.extract

    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    shutil.copy(reference["db"], db)
    monkeypatch.setattr(marsad.extract, "EXTRACTOR_VERSION", "next")
    monkeypatch.setattr(pipeline, "load_inputs", lambda *a, **k: pytest.fail("a backfill must not fetch"))
    report = marsad_backfill(db=str(db), export_dir=str(out), batch_size=20)
    assert report.counts["extract"]["extracted"] == reference["articles"]
    con = duckdb.connect(str(db), read_only=True)
    versions = dict(con.execute("select extractor_version, count(*) from extractions group by 1").fetchall())
    con.close()
    assert versions["next"] == reference["articles"]
    assert (out / "manifest.json").exists()
    # nothing left for this version: a second backfill extracts nothing
    assert (
        marsad_backfill(db=str(db), export_dir=str(out)).counts["extract"]["stored articles to extract"] == 0
    )


def test_build_flow_rebuilds_models_and_exports(tmp_path, reference):
    db, out = tmp_path / "w.duckdb", tmp_path / "e"
    shutil.copy(reference["db"], db)
    report = marsad_build(db=str(db), export_dir=str(out))
    assert report.counts["build"]["incidents"] == len(reference["incidents"])
    assert report.counts["build"]["new incidents"] == 0
    assert (out / "faction_month.csv").exists()
    assert read_artifacts("marsad-build-report")
