"""`marsad build` and `marsad export` write the warehouse: they take the runs' one-writer lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from marsad import pipeline
from marsad.cli import main

HOLD = """
import sys, time
from pathlib import Path
from marsad.orchestrate import warehouse_lock
with warehouse_lock(Path(sys.argv[1]), 5):
    print("held", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def warehouse(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"url": "https://news.example/1", "published": "2024-01-05", "text": "قصف صاروخي على قاعدة عين الأسد"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    pipeline.run(db, tmp_path / "export", inputs=[corpus])
    return db


@pytest.mark.parametrize("command", ["build", "export"])
def test_writing_command_waits_for_a_run_then_names_it(warehouse: Path, tmp_path, capsys, command):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(warehouse)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        extra = ["--export-dir", str(tmp_path / "e2")] if command == "export" else []
        code = main([command, "--db", str(warehouse), "--lock-timeout", "0.5", *extra])
        err = capsys.readouterr().err
        assert code == 1
        assert f"process {holder.pid}" in err and "Traceback" not in err
    finally:
        holder.communicate("", timeout=30)
    # once the writer is gone the same command goes through
    extra = ["--export-dir", str(tmp_path / "e2")] if command == "export" else []
    assert main([command, "--db", str(warehouse), "--lock-timeout", "0.5", *extra]) == 0
