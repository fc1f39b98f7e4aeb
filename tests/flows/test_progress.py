"""flows/progress.py without a Prefect API: the stage tasks' own functions (`.fn`) report to
the installed reporter, a plain line per finished stage (logs, CI, pipes) or a bar per
stage on a terminal. `marsad run` end to end, stderr a pipe: tests/test_cli.py."""

from __future__ import annotations

import io
import json
import re

from flows import progress, tasks
from marsad import pipeline
from marsad.warehouse.staging import Staging

ARTICLES = [
    {
        "url": "https://news.example/a",
        "published": "2024-03-05",
        "text": "قصف صاروخي على قاعدة في الأنبار أسفر عن مقتل جنديين",
    },
    {"url": "https://news.example/b", "published": "2024-03-07", "text": "هجوم بطائرة مسيرة في نينوى"},
]
LINE = re.compile(r"marsad: (\w+) done in (\d+\.\d\d) s(?:: (.*))?")


def run_stages(tmp_path):
    """fetch, extract, load, build and export of a small corpus through the tasks' functions."""
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES] + ["{broken"]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    from prefect.logging import disable_run_logger

    fetched = tasks.read_sources.fn(pipeline.resolve_sources(None, [corpus]), db)
    # extract_all maps extract_batch (which needs Prefect); its reporting, done by hand here
    reporter = progress.current()
    reporter.start("extract", total=1)
    with Staging() as staging:
        with disable_run_logger():  # Prefect's own switch for calling a task's function outside a run
            count = tasks.extract_batch.fn(fetched.articles, 0, staging).count
        reporter.finish("extract", f"{count} articles, 0 failed")
        staging.add_articles(fetched.articles)
        tasks.load_staging.fn(db, staging)
    tasks.build_models.fn(db)
    tasks.export_tables.fn(db, out)
    return out


def test_plain_lines_one_per_stage_in_order(tmp_path):
    stream = io.StringIO()
    with progress.reporting(progress.LineReporter(stream)) as reporter:
        assert progress.current() is reporter
        out = run_stages(tmp_path)
    assert type(progress.current()) is progress.Reporter  # the silent default is back

    lines = stream.getvalue().splitlines()
    matched = [LINE.fullmatch(line) for line in lines]
    assert all(matched), lines
    assert [m.group(1) for m in matched] == ["fetch", "extract", "load", "build", "export"]
    notes = {m.group(1): m.group(3) for m in matched}
    assert notes["fetch"] == "2 articles, 1 rejected"
    assert notes["extract"] == "2 articles, 0 failed"
    assert notes["load"].startswith("2 new, 0 changed, ")
    assert re.fullmatch(r"\d+ models, \d+ tests passed", notes["build"])
    assert notes["export"] == f"9 files in {out}"
    assert "\x1b" not in stream.getvalue()  # plain text: no terminal codes


def test_plain_line_times_its_stage():
    import time

    stream = io.StringIO()
    reporter = progress.LineReporter(stream)
    reporter.start("build")
    reporter.advance("build")  # a plain line per stage: steps print nothing
    time.sleep(0.2)
    reporter.finish("build")
    ((stage, seconds, note),) = [LINE.fullmatch(line).groups() for line in stream.getvalue().splitlines()]
    assert (stage, note) == ("build", None) and 0.2 <= float(seconds) < 2


def test_bars_on_a_terminal_one_per_stage(tmp_path):
    from rich.console import Console

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system="standard")
    with progress.reporting(progress.BarReporter(console)) as reporter:
        run_stages(tmp_path)
        assert [task.description for task in reporter.progress.tasks] == [
            "fetch",
            "extract",
            "load",
            "build",
            "export",
        ]
        assert all(task.finished for task in reporter.progress.tasks)
    assert not reporter.progress.live.is_started  # closed with the block
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # the terminal codes, dropped
    assert "\x1b[" in screen.getvalue()  # drawn for a terminal
    last = {}
    for line in text.replace("\r", "\n").splitlines():
        words = line.split()
        if words and words[0] in ("fetch", "extract", "load", "build", "export"):
            last[words[0]] = line
    assert list(last) == ["fetch", "extract", "load", "build", "export"]
    assert "1/1" in last["fetch"] and "2 articles, 1 rejected" in last["fetch"]
    assert "━" in last["export"] and "9 files in" in last["export"]
