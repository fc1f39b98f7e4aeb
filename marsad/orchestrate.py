"""Running Marsad under Prefect: environment, the warehouse write lock, and the
server / deploy / worker / serve helpers behind `marsad server|deploy|worker|serve`.

Importable without Prefect: every Prefect import is inside the function that needs it,
and the environment must be set (`prefect_environment`) before Prefect is imported,
because Prefect reads its settings once per process.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from marsad import settings
from marsad.safety import redact_url
from marsad.warehouse import WarehouseBusy

# The process work pool of prefect.yaml (`definitions.work_pools.process`).
WORK_POOL = "marsad-process"
# `marsad server` listens here (Prefect's own default port); MARSAD_PREFECT_PORT overrides.
DEFAULT_PORT = 4200
# How long a second writer waits for the first before failing. A scheduled run of the
# bundled corpus takes seconds and a large backfill's load a few minutes; ten minutes
# covers both without letting runs of a 15-minute schedule pile up behind a stuck one.
LOCK_TIMEOUT_SECONDS = 600.0
LOCK_POLL_SECONDS = 0.2
# A worker asked to stop gets this long to finish its current run before being killed.
WORKER_STOP_GRACE_SECONDS = 30.0


def prefect_home() -> Path:
    """Where Marsad keeps Prefect's state: $PREFECT_HOME, else data/prefect/ in the checkout."""
    return Path(os.environ.get("PREFECT_HOME") or settings.REPO_DIR / "data" / "prefect")


def server_port() -> int:
    return int(os.environ.get("MARSAD_PREFECT_PORT") or DEFAULT_PORT)


def local_api_url(port: int | None = None) -> str:
    return f"http://127.0.0.1:{port or server_port()}/api"


def prefect_environment(env: dict | os._Environ | None = None, api_url: str | None = None) -> dict:
    """Prefect settings Marsad runs with (set only where the user set nothing):
    offline and quiet (STACK.md: zero outbound connections with these two), state under
    data/prefect/, a start-up timeout a cold temporary server needs (21-25 s measured),
    and the engine's own loggers shipped to the Prefect API with the flow run's logs."""
    env = os.environ if env is None else env
    defaults = {
        "PREFECT_HOME": str(prefect_home()),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "PREFECT_LOGGING_EXTRA_LOGGERS": "marsad",
    }
    if api_url:
        defaults["PREFECT_API_URL"] = api_url
    for key, value in defaults.items():
        if not env.get(key):
            env[key] = value
    # Prefect creates its home without parents: on a fresh clone data/ does not exist yet
    # and the temporary server then fails to open its SQLite file.
    Path(env["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    return dict(env)


# ---------------------------------------------------------------------------------------
# The warehouse write lock


def lock_path(db: Path) -> Path:
    return Path(str(db) + ".lock")


def describe_holder() -> dict:
    """Who holds the lock: process, host, and the Prefect flow run when there is one."""
    holder = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": " ".join(sys.argv)[:200],
    }
    if "prefect" in sys.modules:
        try:
            from prefect.runtime import flow_run

            if flow_run.id:
                holder["flow_run"] = f"{flow_run.flow_name}/{flow_run.name} ({flow_run.id})"
        except Exception:  # noqa: BLE001 - naming the run is a courtesy, never a failure
            pass
    return holder


def holder_text(holder: dict) -> str:
    if not holder:
        return "another process (it left no name)"
    run = f"flow run {holder['flow_run']}, " if holder.get("flow_run") else ""
    return f"{run}process {holder.get('pid')} on {holder.get('host')} since {holder.get('since')}"


@contextlib.contextmanager
def warehouse_lock(db: Path, timeout: float | None = None, holder: dict | None = None) -> Iterator[None]:
    """Hold the right to write `db` (an flock on `<db>.lock`); wait at most `timeout`
    seconds for another writer, then raise WarehouseBusy naming it.

    An flock, not a Prefect concurrency limit: it works the same with or without a
    server, and the kernel releases it when its process dies, even by SIGKILL, so a
    killed run never leaves the warehouse locked (a stale lock file is harmless).
    """
    timeout = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{db} is being written by {holder_text(read_holder(db))}; waited {timeout:.0f} s "
                        "for it to finish. Try again when it is done (or stop it)."
                    ) from None
                time.sleep(LOCK_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder or describe_holder()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def read_holder(db: Path) -> dict:
    try:
        return json.loads(lock_path(db).read_text() or "{}")
    except (OSError, ValueError):
        return {}


# ---------------------------------------------------------------------------------------
# Prefect's deployment pull step


def enter_checkout() -> dict:
    """prefect.yaml's pull step: work from the checkout this Marsad is installed from.

    The worker imports `marsad` from its own virtualenv (an editable install of one
    checkout), so the checkout is known without any path written into prefect.yaml or
    baked in at deploy time: the same deployment runs from /home/a/marsad or /srv/marsad.
    """
    os.chdir(settings.REPO_DIR)
    return {"directory": str(settings.REPO_DIR)}


# ---------------------------------------------------------------------------------------
# Server, deploy, worker, serve


def _prefect(*args: str) -> list[str]:
    return [sys.executable, "-m", "prefect", *args]


def server_database_url(home: Path | None = None) -> str:
    return f"sqlite+aiosqlite:///{(home or prefect_home()) / 'server.db'}"


LOOPBACK = "127.0.0.1"


def server_command(port: int, host: str = LOOPBACK) -> list[str]:
    return _prefect("server", "start", "--host", host, "--port", str(port))


def server_environment(port: int, env: dict | None = None) -> dict:
    env = prefect_environment(dict(os.environ if env is None else env))
    env.setdefault("PREFECT_SERVER_DATABASE_CONNECTION_URL", server_database_url(Path(env["PREFECT_HOME"])))
    env["PREFECT_API_URL"] = local_api_url(port)
    env["PREFECT_UI_API_URL"] = local_api_url(port)
    return env


def wait_healthy(
    api_url: str, timeout: float = 90.0, process: subprocess.Popen | None = None, interval: float = 0.5
) -> None:
    """Block until the Prefect API answers /health (STACK.md: 6-16 s from cold)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"the Prefect server exited with code {process.returncode} before it was healthy"
            )
        try:
            with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(interval)
    raise TimeoutError(f"the Prefect API at {api_url} was not healthy after {timeout:.0f} s")


# The temporary API's process: what `uvicorn --factory prefect.server.api.server:create_app
# --host H --port P --log-level error --lifespan on` runs (Prefect's own command for its
# temporary server; uvicorn.run is what that command calls, with the same defaults and
# exit code 3 when the port is taken), with the cyclic garbage collector off while Prefect's
# server modules are imported and the app is built. Those leave ~430,000 objects that
# all live as long as the server, and every collection on the way walked the ones made so
# far (import and create_app: 2.3-2.5 s of CPU with the collector off, 3.3-4.3 s on). The
# collector is switched back on before the server starts, with what the imports made
# moved out of its scans (gc.freeze, as marsad.extract.warm does for the vocabulary).
_SERVE_TEMPORARY_API = """
import gc, sys
gc.disable()
import uvicorn
from prefect.server.api.server import create_app

def app():
    built = create_app()
    gc.freeze()
    gc.enable()
    return built

uvicorn.run(app, factory=True, host=sys.argv[1], port=int(sys.argv[2]), log_level="error", lifespan="on")
"""


class TemporaryServer:
    """Prefect's temporary API for one `marsad run`, started before Prefect is imported.

    Without PREFECT_API_URL, Prefect itself would start this server on the first flow
    call: it imports the whole server stack in the calling process (most of the ~4 s
    `import prefect.server.api.server`), then starts the same server in a subprocess and
    waits for it (~5 s more, mostly the same imports again). Started here first, the
    subprocess boots on the second core while this process imports the client and warms
    the extractor, and this process never imports the server. The same uvicorn server, app
    factory and settings as prefect.server.api.server.SubprocessASGIServer (no UI, the
    ephemeral set of services, the database under PREFECT_HOME), started with the garbage
    collector off during its imports (_SERVE_TEMPORARY_API). Stopped by `stop()` (also at
    exit, without waiting there).
    """

    def __init__(self, env: dict | None = None) -> None:
        self.env = dict(os.environ if env is None else env)
        self.port: int | None = None
        self.process: subprocess.Popen | None = None
        self._stderr = None
        atexit.register(self.stop, wait=False)

    @property
    def api_url(self) -> str:
        return local_api_url(self.port)

    def command(self) -> list[str]:
        return [sys.executable, "-c", _SERVE_TEMPORARY_API, LOOPBACK, str(self.port)]

    def start(self) -> TemporaryServer:
        with socket.socket() as sock:  # a free port (uvicorn exits with 3 if it is taken since)
            sock.bind((LOOPBACK, 0))
            self.port = sock.getsockname()[1]
        env = {
            **self.env,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
        }
        env.pop("PREFECT_API_URL", None)
        if self._stderr is None:
            self._stderr = tempfile.TemporaryFile()  # read only if it fails (a pipe could fill up)
        self.process = subprocess.Popen(
            self.command(),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - no threads yet; a killed run leaves no server
        )
        return self

    def wait(self, timeout: float = 90.0) -> None:
        """Until /health answers; a server that exits first is restarted once on a new port."""
        assert self.process is not None, "start() first"
        for attempt in range(2):
            try:
                wait_healthy(self.api_url, timeout, self.process, interval=0.05)
                return
            except RuntimeError:
                if attempt or self.process.returncode != 3:  # 3: the port was taken meanwhile
                    self._stderr.seek(0)
                    err = self._stderr.read().decode("utf-8", "replace").strip()
                    raise OrchestrationError(
                        f"the temporary Prefect API exited with code {self.process.returncode}"
                        + (f": {err[-2000:]}" if err else "")
                    ) from None
                self.start()
            except TimeoutError as exc:
                self.stop()
                raise OrchestrationError(
                    f"{exc} (PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS sets the limit)"
                ) from None

    def stop(self, wait: bool = True) -> None:
        """Ask the server to stop (SIGTERM: uvicorn's graceful shutdown, which lets Prefect
        write what it has received and stop its services) and, with `wait`, wait for it
        (killed after 5 s), as Prefect's own temporary server does.

        At exit (atexit) it does not wait: by then the run has sent everything (the threads'
        exit hooks drained Prefect's log and event queues to it), and the server's shutdown
        (0.16-0.27 s of a `marsad run`, measured) ends on its own after the process; it would
        get the same SIGTERM from the kernel when its parent exits (_die_with_parent)."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            if wait:
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the parent dies (Linux), so no server outlives it."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def deploy_commands(pool: str = WORK_POOL) -> list[list[str]]:
    """Create (or update) the process work pool, then every deployment of prefect.yaml."""
    return [
        _prefect("work-pool", "create", pool, "--type", "process", "--overwrite"),
        _prefect("--no-prompt", "deploy", "--all", "--prefect-file", str(settings.REPO_DIR / "prefect.yaml")),
    ]


def worker_command(
    pool: str = WORK_POOL, name: str | None = None, run_once: bool = False, limit: int | None = None
):
    command = _prefect("worker", "start", "--pool", pool)
    if name:
        command += ["--name", name]
    if run_once:
        command.append("--run-once")
    if limit:
        command += ["--limit", str(limit)]
    return command


def _restore_default_signals() -> None:
    # A process started with `&` from a non-interactive shell inherits SIGINT ignored;
    # Prefect's worker turns SIGTERM into a SIGINT to itself, which then does nothing
    # (STACK.md: the worker ignored SIGTERM for 30 s+). Restore the defaults in the child.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def supervise(command: list[str], env: dict, grace: float = WORKER_STOP_GRACE_SECONDS) -> int:
    """Run a long-lived Prefect process (server, worker) in the foreground; on SIGTERM or
    SIGINT ask it to stop (SIGINT), kill its process group after `grace` seconds; exit 0
    when it stopped because it was asked to."""
    child = subprocess.Popen(command, env=env, start_new_session=True, preexec_fn=_restore_default_signals)
    asked = {"signal": None}

    def stop(signum, _frame):
        if asked["signal"] is not None:  # a second signal: stop now
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            return
        asked["signal"] = signum
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGINT)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            try:
                code = child.wait(timeout=grace if asked["signal"] is not None else None)
                break
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        # the child's own children (a flow run, uvicorn workers) go with it
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signal.SIGTERM)
    if asked["signal"] is not None:
        return 0
    return code


def prefect_yaml() -> dict:
    import yaml

    return yaml.safe_load((settings.REPO_DIR / "prefect.yaml").read_text(encoding="utf-8"))


def serve_deployments() -> None:
    """`marsad serve`: prefect.yaml's deployments and schedules, run by this process
    (no work pool, no worker) against the server at PREFECT_API_URL."""
    from prefect import serve
    from prefect.flows import load_flow_from_entrypoint

    os.chdir(settings.REPO_DIR)
    deployments = []
    for spec in prefect_yaml()["deployments"]:
        if spec.get("serve") is False:
            continue
        flow = load_flow_from_entrypoint(spec["entrypoint"])
        crons = [s["cron"] for s in spec.get("schedules") or [] if s.get("cron")]
        deployments.append(
            flow.to_deployment(
                name=spec["name"],
                cron=crons[0] if crons else None,
                parameters=spec.get("parameters") or {},
                description=spec.get("description"),
                tags=spec.get("tags") or [],
            )
        )
    try:
        serve(*deployments)
    finally:
        # Stopping pauses the schedules. Prefect's runner pauses them as it shuts down, but
        # on SIGTERM it exits from its signal handler and that can be cut short after the
        # first deployment (Prefect 3.8.8), so every one is paused here as well.
        _pause_deployments([f"{d.flow_name}/{d.name}" for d in deployments])


def _pause_deployments(names: list[str]) -> None:
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            for name in names:
                client.pause_deployment(client.read_deployment_by_name(name).id)
    except Exception as exc:  # the server is gone: nothing to pause, and not this command's failure
        print(f"marsad serve: could not pause {', '.join(names)}: {exc}", file=sys.stderr)


# ---------------------------------------------------------------------------------------
# `marsad server|deploy|worker|serve` (wired into marsad.cli)


class OrchestrationError(Exception):
    """A user-facing problem starting Prefect processes: the message says what to do."""


def _api_url(args) -> str:
    return getattr(args, "api_url", None) or os.environ.get("PREFECT_API_URL") or local_api_url()


def _require_server(api_url: str) -> None:
    try:
        wait_healthy(api_url, timeout=5)
    except TimeoutError:
        raise OrchestrationError(
            f"no Prefect server answers at {api_url}: start one with `marsad server` "
            "(or set PREFECT_API_URL to yours)"
        ) from None


def cmd_server(args) -> int:
    port = args.port or server_port()
    env = server_environment(port)
    Path(env["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    host = getattr(args, "host", None) or LOOPBACK
    database = redact_url(env["PREFECT_SERVER_DATABASE_CONNECTION_URL"])  # never print a password
    print(f"Prefect server on {local_api_url(port)} (database {database})")
    if host == LOOPBACK:
        print(f"listening on {LOOPBACK} only: other machines cannot reach it (--host to change that)")
    else:
        print(f"listening on {host}: reachable from other machines, and Prefect's API has no login")
    print(
        f"in another shell: marsad deploy && marsad worker   (or: export PREFECT_API_URL={local_api_url(port)})"
    )
    sys.stdout.flush()
    return supervise(server_command(port, host), env)


def cmd_deploy(args) -> int:
    api_url = _api_url(args)
    env = prefect_environment(dict(os.environ), api_url=api_url)
    env["PREFECT_API_URL"] = api_url
    _require_server(api_url)
    for command in deploy_commands(args.pool):
        done = subprocess.run(command, env=env, cwd=settings.REPO_DIR)
        if done.returncode != 0:
            raise OrchestrationError(f"`{' '.join(command[2:])}` failed (exit {done.returncode}); see above")
    print(f"deployed prefect.yaml to {api_url}; start a worker with `marsad worker`")
    return 0


def cmd_worker(args) -> int:
    api_url = _api_url(args)
    env = prefect_environment(dict(os.environ), api_url=api_url)
    env["PREFECT_API_URL"] = api_url
    _require_server(api_url)
    command = worker_command(args.pool, name=args.name, run_once=args.run_once, limit=args.limit)
    return supervise(command, env)


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def cmd_serve(args) -> int:
    api_url = _api_url(args)
    os.environ["PREFECT_API_URL"] = api_url
    prefect_environment(api_url=api_url)
    _require_server(api_url)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # see _restore_default_signals
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        # Prefect's runner installs its own handlers once it starts: on SIGINT serve()
        # returns, on SIGTERM it raises SystemExit(0), both after pausing the deployments
        serve_deployments()
    except KeyboardInterrupt:
        pass
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise
    print("marsad serve: stopped (its deployments are paused until it runs again)", file=sys.stderr)
    return 0


def add_commands(commands) -> dict:
    """The Prefect subcommands, added to marsad's argparse subparsers; returns name -> handler."""
    server = commands.add_parser(
        "server", help="start a local Prefect server (SQLite under data/prefect, 127.0.0.1)"
    )
    server.add_argument(
        "--port", type=int, default=None, help=f"default $MARSAD_PREFECT_PORT or {DEFAULT_PORT}"
    )
    server.add_argument(
        "--host", default=LOOPBACK, help="address to listen on (default 127.0.0.1: this machine only)"
    )

    def with_api(sub) -> None:
        sub.add_argument("--api-url", default=None, help=f"default $PREFECT_API_URL or {local_api_url()}")

    deploy = commands.add_parser("deploy", help="create the work pool and deploy prefect.yaml")
    deploy.add_argument("--pool", default=WORK_POOL)
    with_api(deploy)
    worker = commands.add_parser(
        "worker", help="run the deployments' flow runs (stops cleanly on SIGTERM/SIGINT)"
    )
    worker.add_argument("--pool", default=WORK_POOL)
    worker.add_argument("--name", default=None, help="worker name (default: Prefect picks one)")
    worker.add_argument("--run-once", action="store_true", help="run what is due, then exit")
    worker.add_argument("--limit", type=int, default=None, help="flow runs at once (default: no limit)")
    with_api(worker)
    serve = commands.add_parser(
        "serve", help="run prefect.yaml's schedules in this process, no worker needed"
    )
    with_api(serve)
    return {"server": cmd_server, "deploy": cmd_deploy, "worker": cmd_worker, "serve": cmd_serve}
