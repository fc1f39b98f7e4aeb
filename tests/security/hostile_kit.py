"""The hostile workspace and its audited run, shared by conftest.py and test_hostile.py.

The workspace (a temporary folder):

    src/            the hostile corpus (fixtures/hostile/) and symlinks made here:
      alias.jsonl     -> articles.jsonl          inside the folder: read
      escape.jsonl    -> ../outside/secret.jsonl leads out: must not be read
      escape.txt      -> <abs>/outside/secret.txt
      linkdir/        -> ../outside              a directory leading out
    outside/        fixtures/outside/: an article carrying SECRET, never to be read
    sources.yaml    one `kind: files` source: src/
    work/           the warehouse, exports and report: the only place Marsad may write
    prefect/        PREFECT_HOME of the run (its database holds the run's artifacts and logs)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SECRET = "OUTSIDE-SECRET-7f3a9c"
# Credentials in the environment of the run: none may show up in anything Marsad writes.
CANARIES = {
    "PREFECT_API_KEY": "pnu_CANARYKEY0123456789abcdefghijklmnop",
    "MARSAD_SOURCE_TOKEN": "tok-CANARY-5e1f9b2d",
    "MARSAD_GDELT_API_KEY": "key-CANARY-77aa01",
}
RUN_TIMEOUT = 300


@dataclass
class HostileRun:
    root: Path
    src: Path
    outside: Path
    work: Path
    db: Path
    export_dir: Path
    report_dir: Path
    prefect_home: Path
    run: subprocess.CompletedProcess
    report: subprocess.CompletedProcess | None
    events: list = field(default_factory=list)  # [event, path, wrote] of both processes
    seconds: dict = field(default_factory=dict)


def make_workspace(root: Path) -> dict[str, Path]:
    src, outside = root / "src", root / "outside"
    shutil.copytree(FIXTURES / "hostile", src)
    shutil.copytree(FIXTURES / "outside", outside)
    (src / "alias.jsonl").symlink_to("articles.jsonl")
    (src / "escape.jsonl").symlink_to(Path("..") / "outside" / "secret.jsonl")
    (src / "escape.txt").symlink_to(outside / "secret.txt")
    (src / "linkdir").symlink_to(Path("..") / "outside", target_is_directory=True)
    config = root / "sources.yaml"
    config.write_text("sources:\n  - name: hostile\n    kind: files\n    path: src/\n", encoding="utf-8")
    work = root / "work"
    work.mkdir()
    return {"src": src, "outside": outside, "config": config, "work": work}


def _audited(events: Path, *args: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HERE / "audited.py"), str(events), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )


def run_hostile(root: Path) -> HostileRun:
    """`marsad -v run` over the hostile corpus through the marsad-pipeline flow, then
    `marsad report`, each in its own process under the audit hook."""
    paths = make_workspace(root)
    work = paths["work"]
    db, export_dir, report_dir = work / "marsad.duckdb", work / "export", work / "report"
    prefect_home = root / "prefect"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API_URL", "MARSAD_"))}
    env.update(CANARIES)
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120",
        MARSAD_RAW_DIR=str(work / "raw"),
        MARSAD_REPORT_DIR=str(report_dir),
        COLUMNS="200",
    )
    seconds = {}
    clock = time.perf_counter()
    run = _audited(
        root / "run-events.json",
        "-v", "run", "--config", str(paths["config"]), "--db", str(db), "--export-dir", str(export_dir),
        env=env, cwd=root,
    )  # fmt: skip
    seconds["run"] = time.perf_counter() - clock
    assert run.returncode == 0, f"marsad run failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    events = json.loads((root / "run-events.json").read_text(encoding="utf-8"))
    report = None
    from marsad import cli

    if "report" in cli.COMMANDS:
        clock = time.perf_counter()
        report = _audited(
            root / "report-events.json",
            "report",
            "--db",
            str(db),
            "--out",
            str(report_dir),
            env=env,
            cwd=root,
        )
        seconds["report"] = time.perf_counter() - clock
        assert report.returncode == 0, (
            f"marsad report failed:\n{report.stdout[-2000:]}\n{report.stderr[-2000:]}"
        )
        events += json.loads((root / "report-events.json").read_text(encoding="utf-8"))
    return HostileRun(
        root=root,
        src=paths["src"],
        outside=paths["outside"],
        work=work,
        db=db,
        export_dir=export_dir,
        report_dir=report_dir,
        prefect_home=prefect_home,
        run=run,
        report=report,
        events=events,
        seconds=seconds,
    )
