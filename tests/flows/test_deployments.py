"""Against a real Prefect server on 127.0.0.1 (temporary PREFECT_HOME, SQLite, telemetry
off): deploy prefect.yaml, run a deployment on a worker, the cron schedule, two runs at
once, a run killed during its load, a worker stopped by SIGTERM, a backfill split over
two workers. Every process is started in its own process group and stopped even on failure.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import warehouse_state
from prefect_procs import REPO, descendants, free_port, parent_of, start, stop, stop_tree, wait_for

from marsad.orchestrate import read_holder, wait_healthy

pytestmark = pytest.mark.slow

PY = sys.executable
DRIVER = str(Path(__file__).with_name("run_driver.py"))
PIPELINE = "marsad-pipeline/pipeline-every-15-min"
CORPUS = REPO / "samples" / "corpus" / "articles.jsonl"  # sources.yaml's bundled source


class Server:
    def __init__(self, root: Path, api: str, env: dict):
        self.root, self.api, self.env = root, api, env

    def client(self):
        from prefect.client.orchestration import SyncPrefectClient

        return SyncPrefectClient(self.api)

    def env_for(self, tmp: Path, **extra) -> dict:
        """The server's environment with a warehouse and exports of this test."""
        return {
            **self.env,
            "MARSAD_DB": str(tmp / "w.duckdb"),
            "MARSAD_EXPORT_DIR": str(tmp / "export"),
            **extra,
        }


@contextlib.contextmanager
def running_server(root: Path):
    """`marsad server` on a free port of 127.0.0.1 with its own PREFECT_HOME under root."""
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(root / "home"),
        PREFECT_API_URL=api,
        MARSAD_PREFECT_PORT=str(port),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
        PREFECT_WORKER_QUERY_SECONDS="1",  # workers look for runs every second, not every 10
        PYTHONPATH=str(REPO),
    )
    process = start([PY, "-m", "marsad.cli", "server"], env, root / "server.log")
    try:
        wait_healthy(api, timeout=240, process=process)
        yield Server(root, api, env)
    finally:
        stop_tree(process)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("prefect-server")) as running:
        yield running


@pytest.fixture(scope="module")
def deployed(server):
    done = subprocess.run(
        [PY, "-m", "marsad.cli", "deploy"],
        env=server.env,
        cwd=server.root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return server


def marsad(*args: str, env: dict, timeout: float = 300, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, "-m", "marsad.cli", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def same_data(state: dict, reference: dict) -> None:
    for key in ("articles", "extractions", "mentions", "incidents"):
        assert state[key] == reference[key], key
    assert state["article_ids"] == state["articles"] and state["mention_ids"] == state["mentions"], (
        "duplicates"
    )


# --- the deployments ------------------------------------------------------------------------


def test_deployed_pipeline_completes_on_a_worker_and_cron_runs_are_scheduled(deployed, reference, tmp_path):
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    env = deployed.env_for(tmp_path)
    triggered = subprocess.run(
        [PY, "-m", "prefect", "deployment", "run", PIPELINE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert triggered.returncode == 0, triggered.stderr
    run_id = re.search(r"UUID:\s*([0-9a-f-]{36})", triggered.stdout).group(1)
    # a worker started elsewhere than the checkout: the pull step finds the checkout itself
    worker = marsad("worker", "--run-once", env=env, cwd=tmp_path, timeout=600)
    assert worker.returncode == 0, worker.stdout[-3000:] + worker.stderr[-3000:]

    with deployed.client() as client:
        flow_run = client.read_flow_run(run_id)
        assert flow_run.state.is_completed(), flow_run.state
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id]))
        )
        assert {a.key for a in artifacts} >= {
            "marsad-pipeline-report",
            "marsad-pipeline-faction-month-changes",
        }

        deployment = client.read_deployment_by_name(PIPELINE)
        assert deployment.pull_steps == [{"marsad.orchestrate.enter_checkout": {}}]
        assert str(REPO) not in json.dumps(deployment.model_dump(mode="json")), (
            "a path of this machine was deployed"
        )

        def scheduled():
            return client.read_flow_runs(
                deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])),
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
                ),
            )

        upcoming = wait_for(scheduled, timeout=120, what="scheduled runs of the cron deployment", interval=2)
        assert all(run.expected_start_time.minute % 15 == 0 for run in upcoming)

    same_data(warehouse_state(tmp_path / "w.duckdb"), reference)


def test_worker_stops_cleanly_on_sigterm_even_with_sigint_ignored(server, tmp_path):
    # what `marsad worker &` from a non-interactive shell inherits: SIGINT ignored
    worker = start(
        [PY, "-m", "marsad.cli", "worker", "--name", "sigterm-test"],
        server.env,
        tmp_path / "worker.log",
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        wait_for(lambda: b"started" in worker.log_path.read_bytes(), 120, "the worker to start")
        below = descendants(worker.pid)
        os.kill(worker.pid, signal.SIGTERM)
        assert worker.wait(timeout=45) == 0
        assert not [pid for pid in below if Path(f"/proc/{pid}").exists()], "the worker left processes behind"
    finally:
        stop_tree(worker)


# --- one writer ----------------------------------------------------------------------------


def test_two_runs_at_once_second_waits_or_fails_naming_the_first(server, reference, tmp_path):
    env = server.env_for(tmp_path)
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    marker, release = tmp_path / "in-load", tmp_path / "release"
    first = start(
        [PY, DRIVER, "--db", str(db), "--export-dir", str(out), "--hold-in-load", str(marker), str(release)],
        env,
        tmp_path / "first.log",
    )
    impatient = patient = None
    try:
        wait_for(marker.exists, 300, "the first run to be inside its load")
        holder = read_holder(db)
        assert holder["pid"] == first.pid and "marsad-pipeline/" in holder["flow_run"]

        # a reader meanwhile: told the warehouse is busy, by whom
        query = marsad("sql", "select count(*) from articles", "--db", str(db), env=env)
        assert query.returncode == 1 and f"process {first.pid}" in query.stderr, query.stderr

        impatient = start(
            [PY, "-m", "marsad.cli", "run", "--lock-timeout", "1"], env, tmp_path / "impatient.log"
        )
        patient = start(
            [PY, "-m", "marsad.cli", "run", "--lock-timeout", "300"], env, tmp_path / "patient.log"
        )
        assert impatient.wait(timeout=300) == 1
        message = impatient.log_path.read_text()
        assert (
            "is being written by flow run marsad-pipeline/" in message and f"process {first.pid}" in message
        )
        assert "Traceback" not in message
        assert patient.poll() is None, "the patient run must be waiting for the first"

        release.write_text("go")
        assert first.wait(timeout=300) == 0, first.log_path.read_text()[-3000:]
        assert patient.wait(timeout=300) == 0, patient.log_path.read_text()[-3000:]
    finally:
        release.write_text("go")
        for process in (first, impatient, patient):
            if process is not None:
                stop(process)
    same_data(warehouse_state(db), reference)
    query = marsad("sql", "select count(*) as n from articles", "--db", str(db), "--format", "csv", env=env)
    assert query.returncode == 0 and query.stdout.split() == ["n", str(reference["articles"])]


def _half_committed(server, tmp_path):
    """A warehouse holding the first half of the corpus, run to the end (a committed
    previous state), with a TMPDIR of its own for the runs' staging areas."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = server.env_for(tmp_path, TMPDIR=str(temporary))
    db, out = tmp_path / "w.duckdb", tmp_path / "export"
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    part = tmp_path / "part.jsonl"
    part.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    first = marsad("run", "--input", str(part), env=env)
    assert first.returncode == 0, first.stderr[-3000:]
    exported = {p.name: p.read_bytes() for p in out.iterdir()}
    return env, db, out, temporary, warehouse_state(db), exported


def _kill_when(env, db, out, tmp_path, marker, what, *options, inspect=lambda: None):
    """Run the whole corpus through the driver, SIGKILL it once `marker` exists (the
    driver holds there); `inspect()` runs in between. Returns the killed process."""
    killed = start(
        [
            PY,
            DRIVER,
            "--db",
            str(db),
            "--export-dir",
            str(out),
            *options,
            str(marker),
            str(tmp_path / "never"),
        ],
        env,
        tmp_path / "killed.log",
    )
    try:
        wait_for(marker.exists, 300, what)
        inspect()
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
    finally:
        stop(killed)
    return killed


def test_run_killed_during_load_loses_and_duplicates_nothing(server, reference, tmp_path):
    env, db, out, _, committed, exported = _half_committed(server, tmp_path)
    assert 0 < committed["articles"] < reference["articles"] and committed["incidents"]

    # the whole corpus, killed inside its load's transaction (new rows written, not committed)
    marker = tmp_path / "in-load"
    killed = _kill_when(env, db, out, tmp_path, marker, "the run to be inside its load", "--hold-in-load")
    assert read_holder(db)["pid"] == killed.pid  # its lock file stays; the lock itself died with it
    # nothing of the killed run is stored, nothing of the first run is lost, the exports are untouched
    assert warehouse_state(db) == committed
    assert {p.name: p.read_bytes() for p in out.iterdir()} == exported

    # the next run stores exactly what one clean run over the whole corpus does
    after = marsad("run", "--lock-timeout", "5", env=env)
    assert after.returncode == 0, after.stderr[-3000:]
    same_data(warehouse_state(db), reference)


def test_run_killed_while_staging_its_extractions_stores_nothing(server, reference, tmp_path):
    env, db, out, temporary, committed, exported = _half_committed(server, tmp_path)

    # the whole corpus in batches of 10, killed once two batches are staged on disk
    marker = tmp_path / "in-extract"
    staged: list[Path] = []

    def two_batches_staged() -> None:
        staging = Path(marker.read_text(encoding="utf-8"))
        assert sorted(p.name for p in staging.glob("extractions-*")) == [
            "extractions-000000.parquet",
            "extractions-000001.parquet",
        ]
        staged.append(staging)

    _kill_when(
        env, db, out, tmp_path, marker, "the run to have staged two extraction batches",
        "--batch-size", "10", "--hold-in-extract", inspect=two_batches_staged,
    )  # fmt: skip
    staging = staged[0]
    # the staged batches are not in the warehouse, nothing of the first run is lost
    assert warehouse_state(db) == committed
    assert {p.name: p.read_bytes() for p in out.iterdir()} == exported
    assert staging.exists()  # a killed run cannot clean up after itself...

    # ...the next run's staging area removes it once it is old enough (its process is gone),
    # and that run stores exactly what one clean run over the whole corpus does
    old = time.time() - 7200
    os.utime(staging, (old, old))
    after = marsad("run", "--lock-timeout", "5", env=env)
    assert after.returncode == 0, after.stderr[-3000:]
    same_data(warehouse_state(db), reference)
    assert not staging.exists()
    assert list(temporary.glob("marsad-staging-*")) == []


# --- scale-out -----------------------------------------------------------------------------


def test_backfill_is_split_over_two_workers_and_loaded_once(deployed, reference, tmp_path):
    from flows.shards import read_done_shard
    from marsad import pipeline
    from marsad.extract import EXTRACTOR_VERSION

    db, shards = tmp_path / "w.duckdb", tmp_path / "shards"
    shutil.copy(reference["db"], db)
    con = duckdb.connect(str(db))
    con.execute("delete from incident_mentions")
    con.execute("delete from extractions")  # as after an upgrade: every stored article awaits extraction
    con.close()

    env = deployed.env_for(tmp_path, MARSAD_SHARDS_DIR=str(shards))
    workers = [
        start(
            [PY, "-m", "marsad.cli", "worker", "--limit", "1", "--name", f"w{i}"], env, tmp_path / f"w{i}.log"
        )
        for i in (1, 2)
    ]
    try:
        backfill = subprocess.run(
            [
                PY,
                "-c",
                "from flows.backfill import marsad_backfill; "
                "marsad_backfill(batch_size=10, shard_runs=4, shard_timeout=600)",
            ],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert backfill.returncode == 0, backfill.stdout[-3000:] + backfill.stderr[-3000:]
        done = shards / EXTRACTOR_VERSION / "done"
        who = [json.loads(p.read_text()) for p in sorted(done.glob("*.json"))]
        assert len(who) == -(-reference["articles"] // 10)  # one shard per batch of 10
        worker_pids = {w["worker_pid"] for w in who}
        assert len(worker_pids) == 2, who
        assert {parent_of(pid) for pid in worker_pids} == {w.pid for w in workers}
    finally:
        for worker in workers:
            stop_tree(worker)
    same_data(warehouse_state(db), reference)

    # loading the same shards again changes nothing (content-addressed ids, insert-or-ignore)
    keys = [p.name.split(".")[0] for p in done.glob("*.extractions.parquet")]
    again = pipeline.load(db, [], [item for key in keys for item in read_done_shard(done, key)])
    assert again.extractions == 0 and again.mentions == 0
    same_data(warehouse_state(db), reference)


# --- marsad serve -------------------------------------------------------------------------


SERVED = [  # prefect.yaml's deployments
    ("marsad-pipeline", "pipeline-every-15-min"),
    ("marsad-build", "build-daily"),
    ("marsad-backfill", "backfill"),
    ("marsad-extract-shards", "extract-shards"),
]


@pytest.fixture
def fresh_server(tmp_path):
    """A server of its own: `marsad serve` updating deployments that `marsad deploy` made
    leaves them without their pull step and with no path (Prefect 3.8's
    RunnerDeployment._update), and their runs then crash loading the flow."""
    with running_server(tmp_path / "prefect-server") as running:
        yield running


def test_serve_runs_its_deployments_and_stops_on_sigterm(fresh_server, reference, tmp_path):
    server = fresh_server
    env = server.env_for(tmp_path, PREFECT_RUNNER_POLL_FREQUENCY="1")
    served = start([PY, "-m", "marsad.cli", "serve"], env, tmp_path / "serve.log")
    try:
        wait_for(lambda: b"being served" in served.log_path.read_bytes(), 180, "marsad serve to start")
        with server.client() as client:
            deployment = client.read_deployment_by_name(PIPELINE)
            assert not deployment.paused
            assert [s.schedule.cron for s in deployment.schedules] == ["*/15 * * * *"]
            flow_run = client.create_flow_run_from_deployment(deployment.id)

            def finished():
                state = client.read_flow_run(flow_run.id).state
                return state if state.is_final() else None

            state = wait_for(finished, 300, "the served run to finish", interval=1)
            assert state.is_completed(), state
        os.kill(served.pid, signal.SIGTERM)
        assert served.wait(timeout=60) == 0
        with server.client() as client:  # stopping it paused its schedules (docs/notes/prefect.md)
            names = [f"{flow}/{name}" for flow, name in SERVED]
            assert [client.read_deployment_by_name(name).paused for name in names] == [True] * len(names)
    finally:
        stop(served)
    # (Prefect's runner exits from its SIGTERM handler and may log an asyncio traceback on
    # the way out; the exit code, the paused schedules and the last line are what count)
    assert (
        served.log_path.read_text()
        .rstrip()
        .endswith("marsad serve: stopped (its deployments are paused until it runs again)")
    )
    same_data(warehouse_state(tmp_path / "w.duckdb"), reference)
