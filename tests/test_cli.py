"""The `marsad` command: run, build, export, sql; clear errors with exit codes, never a traceback."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from marsad import pipeline
from marsad.cli import main

REPO = Path(__file__).resolve().parents[1]
ARTICLES = [
    {"url": "https://news.example/1", "published": "2024-01-05", "text": "قصف صاروخي"},
    {"url": "https://news.example/2", "published": "2024-02-07", "text": "هجوم بطائرة مسيرة"},
]


def write_corpus(path: Path) -> Path:
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    lines.insert(1, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def python(*args: str, timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    """This checkout's Python in a process of its own, as a user runs `marsad`."""
    env = dict(os.environ if env is None else env)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**env, "PYTHONPATH": str(REPO)},
        timeout=timeout,
    )


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus.jsonl")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One warehouse built by the engine's stages (what `marsad run` runs, without starting a
    Prefect API), shared by the read-only tests of this module."""
    root = tmp_path_factory.mktemp("cli")
    db, out = root / "w.duckdb", root / "export"
    corpus = write_corpus(root / "corpus.jsonl")
    pipeline.run(db, out, inputs=[corpus])
    return db, out


@pytest.fixture
def warehouse(built, tmp_path):
    """A private copy of the built warehouse, for tests that change it."""
    db = tmp_path / "w.duckdb"
    shutil.copy(built[0], db)
    return db, tmp_path / "export"


def test_run_prints_summary_and_rejected_lines(tmp_path, corpus, capsys, monkeypatch):
    """The real `marsad run` (through the Prefect flow), with --db and --export-dir from the environment."""
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.duckdb"))
    monkeypatch.setenv("MARSAD_EXPORT_DIR", str(tmp_path / "env-export"))
    assert main(["run", "--input", str(corpus)]) == 0
    captured = capsys.readouterr()
    for label in (
        "articles read",
        "new",
        "rejected lines",
        "mentions stored",
        "incidents",
        "fetch",
        "export",
    ):
        assert label in captured.out
    assert f"{corpus}:2: broken JSON" in captured.out
    assert (tmp_path / "env.duckdb").exists()
    assert (tmp_path / "env-export" / "manifest.json").exists()


def test_build_and_export_commands(warehouse, tmp_path, capsys):
    db, _ = warehouse
    capsys.readouterr()
    assert main(["build", "--db", str(db)]) == 0
    assert "data tests passed" in capsys.readouterr().out
    other = tmp_path / "other"
    assert main(["export", "--db", str(db), "--export-dir", str(other)]) == 0
    assert "incidents.parquet" in capsys.readouterr().out
    assert (other / "faction_month.csv").exists()


QUERY = "select actor_id, name_ar, umbrella from actors where actor_id in ('badr', 'isis') order by actor_id"


# Modules `marsad build` and `marsad export` must not import: each command is a process of
# its own, and these cost start-up on every run (the sources' HTTP client and config
# reader, the extractor's engine; Polars and pyarrow where only DuckDB is needed).
_NOT_FOR_BUILD = (
    "httpx",
    "yaml",
    "rich",
    "marsad.sources.config",
    "marsad.extract.pipeline",
    "prefect",
    "flows",
)
_NOT_FOR_EXPORT = (*_NOT_FOR_BUILD, "polars", "pyarrow", "marsad.warehouse.cluster")


@pytest.mark.parametrize("command", ["build", "export"])
def test_build_and_export_import_only_what_they_need(warehouse, tmp_path, command):
    db, _ = warehouse
    argv = [command, "--db", str(db)] + (
        ["--export-dir", str(tmp_path / "out")] if command == "export" else []
    )
    unwanted = _NOT_FOR_BUILD if command == "build" else _NOT_FOR_EXPORT
    code = (
        "import json, sys\n"
        "from marsad.cli import main\n"
        f"code = main({argv!r})\n"
        f"print(json.dumps([code, [m for m in {unwanted!r} if m in sys.modules]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [0, []]


def test_sql_table_format(built, capsys):
    db, _ = built
    capsys.readouterr()
    assert main(["sql", QUERY, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "actor_id" in out and "منظمة بدر" in out and "NULL" in out and "2 row(s)" in out


def test_sql_csv_format(built, capsys):
    db, _ = built
    capsys.readouterr()
    assert main(["sql", QUERY, "--db", str(db), "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == [
        ["actor_id", "name_ar", "umbrella"],
        ["badr", "منظمة بدر", "pmf"],
        ["isis", "تنظيم داعش", ""],
    ]


def test_sql_csv_format_quotes_a_lone_carriage_return(built, capsys):
    # csv leaves a cell with a lone "\r" unquoted (only "\n" is its line end here), and a
    # reader splits the row there: such a row is written quoted
    db, _ = built
    capsys.readouterr()
    query = "select 'a' || chr(13) || 'b' as x, 2 as n"
    assert main(["sql", query, "--db", str(db), "--format", "csv"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out, newline=""))) == [["x", "n"], ["a\rb", "2"]]


def test_sql_json_format_to_file(built, tmp_path, capsys):
    db, _ = built
    target = tmp_path / "q" / "out.json"
    query = "select date '2024-01-01' as month, ['a', 'b'] as urls, 1.5::double as x, null as nothing"
    assert main(["sql", query, "--db", str(db), "--format", "json", "--out", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == [
        {"month": "2024-01-01", "urls": ["a", "b"], "x": 1.5, "nothing": None}
    ]
    assert "1 row(s) written" in capsys.readouterr().err


def test_sql_is_read_only(built, capsys):
    db, _ = built
    assert main(["sql", "delete from articles", "--db", str(db)]) == 1
    assert "read-only" in capsys.readouterr().err.lower()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["sql", "select * from nope"], "query failed"),
        (["export"], "no warehouse"),
        (["run", "--input", "/nonexistent/x.jsonl"], "input not found"),
        (["run", "--config", "/nonexistent/sources.yaml"], "config not found"),
    ],
)
def test_errors_are_one_line_with_exit_1(tmp_path, capsys, argv, message):
    if "--db" not in argv:
        argv = [*argv, "--db", str(tmp_path / ("w.duckdb" if argv[0] == "sql" else "absent.duckdb"))]
    if argv[0] == "sql":
        pipeline.run(Path(argv[-1]), tmp_path / "e", inputs=[_tiny(tmp_path)])
        capsys.readouterr()
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def _tiny(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps(ARTICLES[0]) + "\n")
    return path


def test_newer_schema_refused_by_every_command(warehouse, capsys):
    db, _ = warehouse
    raw = duckdb.connect(str(db))
    raw.execute("update schema_info set schema_version = 99")
    raw.close()
    for argv in (["build"], ["export"], ["sql", "select 1"]):
        assert main([*argv, "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert "schema version 99" in err and "upgrade Marsad" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["sql", "select 1", "--format", "xml"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main([])
    assert exit_.value.code == 2


def test_entry_point_reports_a_locked_warehouse_without_traceback(warehouse):
    db, _ = warehouse
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ok', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        done = python("-m", "marsad.cli", "sql", "select 1", "--db", str(db), timeout=60)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert done.returncode == 1
    assert f"process {holder.pid}" in done.stderr
    assert "Traceback" not in done.stderr


def test_entry_point_run_keeps_valid_articles_and_names_each_rejected_line(tmp_path):
    """`marsad run` as a user starts it (its own process, a temporary Prefect API) on a messy
    JSONL file: the valid articles are stored, every bad line is named with its number, and
    with stderr not a terminal the progress is one plain line per stage."""
    messy = tmp_path / "messy.jsonl"
    lines = [
        json.dumps(ARTICLES[0], ensure_ascii=False),  # 1: valid
        '{"url": "https://news.example/broken", "text": "قصف',  # 2: broken JSON
        json.dumps({"published": "2024-01-05", "text": "قصف صاروخي"}, ensure_ascii=False),  # 3: no url
        json.dumps({"url": "https://news.example/empty", "text": "  "}),  # 4: empty text
        json.dumps({"url": "https://news.example/huge", "text": "x" * 5_000_000}),  # 5: 5 MB of text
        json.dumps(ARTICLES[1], ensure_ascii=False),  # 6: valid
    ]
    messy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # a temporary API of its own
    done = python(
        "-m", "marsad.cli", "run", "--input", str(messy), "--db", str(db), "--export-dir", str(out),
        timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stderr

    rejected = [line.strip() for line in done.stdout.splitlines() if line.startswith(f"  {messy}:")]
    assert rejected[1:] == [
        f"{messy}:3: missing url",
        f"{messy}:4: empty text",
        f"{messy}:5: text too large (5,000,000 characters, limit 1,000,000)",
    ]
    assert rejected[0].startswith(f"{messy}:2: broken JSON (")
    assert "rejected (4):" in done.stdout

    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = [row[0] for row in con.execute("select url from articles order by url").fetchall()]
    finally:
        con.close()
    assert stored == ["https://news.example/1", "https://news.example/2"]
    assert (out / "manifest.json").exists()

    # flows/progress.py's LineReporter: one line per stage, in order, each with its note
    stages = re.findall(r"^marsad: (\w+) done in \d+\.\d\d s: (.+)$", done.stderr, re.MULTILINE)
    assert [stage for stage, _ in stages] == ["fetch", "extract", "load", "build", "export"], done.stderr
    notes = dict(stages)
    assert notes["fetch"] == "2 articles, 4 rejected"
    assert notes["extract"] == "2 articles, 0 failed"
    assert notes["load"].startswith("2 new, 0 changed")
    assert "\x1b[" not in done.stderr  # no terminal codes: plain lines only


def test_serve_without_a_server_says_how_to_start_one(tmp_path):
    """`marsad serve` refuses at once, in one line, when no Prefect server answers (a served
    deployment itself needs a real server: tests/flows/test_deployments.py)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    api = f"http://127.0.0.1:{port}/api"
    done = python("-m", "marsad.cli", "serve", "--api-url", api, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"marsad serve: error: no Prefect server answers at {api}: start one with `marsad server` "
        "(or set PREFECT_API_URL to yours)"
    ]


def test_quick_exit_keeps_exit_code_output_and_exit_hooks(tmp_path):
    """The `marsad` command skips dismantling the interpreter, but not what exit must do:
    buffered output, threads' exit hooks (Prefect drains its queues there), atexit handlers
    (the temporary API stops there), in that order, and the exit code."""
    log = tmp_path / "hooks.txt"
    script = f"""
import atexit, threading, time
from marsad.cli import quick_exit
log = open({str(log)!r}, "a", buffering=1)
threading._register_atexit(lambda: log.write("thread hook\\n"))
atexit.register(lambda: log.write("atexit\\n"))
worker = threading.Thread(target=lambda: (time.sleep(0.3), log.write("worker done\\n")))
worker.start()
print("to stdout", end="")  # no newline: stays in the buffer until flushed
quick_exit(3)
print("never")
"""
    done = python("-c", script, timeout=60)
    assert done.returncode == 3
    assert done.stdout == "to stdout"
    lines = log.read_text().splitlines()
    assert sorted(lines[:2]) == ["thread hook", "worker done"] and lines[2:] == ["atexit"]
