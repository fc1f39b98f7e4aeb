"""The `marsad` command: a thin layer over the engine (marsad.pipeline) and the warehouse.

    marsad run [--input PATH ...] [--config FILE] [--db PATH] [--export-dir DIR]
    marsad build [--db PATH]
    marsad export [--db PATH] [--export-dir DIR]
    marsad sql "SELECT ..." [--db PATH] [--format table|csv|json] [--out FILE]
    marsad report [--db PATH] [--out DIR] [--png] [--top N]
    marsad server | deploy | worker | serve     (Prefect: marsad.orchestrate, prefect.yaml)
    marsad sources check [--config FILE]

Exit codes: 0 done, 1 the job failed (message on stderr, no traceback), 2 bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import decimal
import gc
import io
import json
import logging
import os
import sys
from pathlib import Path

from marsad import settings

log = logging.getLogger("marsad")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress (INFO)")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_db(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--db", type=Path, default=None, help="warehouse file (default: $MARSAD_DB or data/marsad.duckdb)"
        )

    def with_export_dir(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--export-dir",
            type=Path,
            default=None,
            help="export directory (default: $MARSAD_EXPORT_DIR or data/export)",
        )

    run = commands.add_parser("run", help="fetch -> extract -> load -> build -> export")
    run.add_argument(
        "--input",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="JSONL file or directory of them; replaces the config's sources (repeatable)",
    )
    run.add_argument("--config", type=Path, default=None, help="sources config (default: sources.yaml)")
    with_db(run)
    with_export_dir(run)

    def with_lock_timeout(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--lock-timeout",
            type=float,
            default=None,
            metavar="SECONDS",
            help="wait at most this long for another run writing the warehouse (default 600)",
        )

    with_lock_timeout(run)

    build = commands.add_parser("build", help="run the SQL models and their data tests")
    with_db(build)
    with_lock_timeout(build)

    export = commands.add_parser("export", help="write Parquet, CSV and manifest.json")
    with_db(export)
    with_export_dir(export)
    with_lock_timeout(export)

    sql = commands.add_parser("sql", help="run one SQL query on the warehouse (read-only)")
    sql.add_argument("query", help='e.g. "select * from faction_month limit 5"')
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument("--out", type=Path, default=None, help="write the result to FILE instead of stdout")
    with_db(sql)

    report = commands.add_parser("report", help="write the analysts' HTML report (and --png figures)")
    with_db(report)
    report.add_argument(
        "--out", type=Path, default=None, help="report directory (default: $MARSAD_REPORT_DIR or data/report)"
    )
    report.add_argument("--png", action="store_true", help="also write the main figures as PNG (Chromium)")
    report.add_argument("--top", type=int, default=8, metavar="N", help="factions shown by default (8)")

    sources = commands.add_parser("sources", help="the sources of sources.yaml")
    sources_commands = sources.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    check = sources_commands.add_parser(
        "check", help="validate the config, then probe each source once (reachable? parses?)"
    )
    check.add_argument("--config", type=Path, default=None, help="sources config (default: sources.yaml)")
    from marsad.orchestrate import add_commands

    PREFECT_COMMANDS.update(add_commands(commands))
    return parser


def _db(args: argparse.Namespace) -> Path:
    return args.db or settings.default_db()


def _export_dir(args: argparse.Namespace) -> Path:
    return args.export_dir or settings.default_export_dir()


def _console(stream=None):
    from rich.console import Console

    return Console(file=stream or sys.stdout, soft_wrap=False)


def cmd_run(args: argparse.Namespace) -> int:
    from rich.table import Table

    from marsad import pipeline
    from marsad.orchestrate import TemporaryServer, prefect_environment
    from marsad.sources import SourceError

    # A bad config or a missing --input fails here, at once and in one line, before a
    # Prefect API starts (which takes seconds and would log the error with a traceback).
    pipeline.resolve_sources(args.config, args.input)
    for path in args.input:
        if not path.exists():
            raise SourceError(f"input not found: {path}")

    # Through the marsad-pipeline flow (a temporary Prefect API unless PREFECT_API_URL is
    # set); Prefect reads its settings once, so they are set before it is imported.
    prefect_environment()
    server = None
    if not os.environ.get("PREFECT_API_URL") and "prefect" not in sys.modules:
        # the temporary API boots in a subprocess while this one imports and warms up
        # (once Prefect is imported it has read its settings: it starts its own, as before)
        server = TemporaryServer().start()
        os.environ["PREFECT_API_URL"] = server.api_url
    if sys.stderr.isatty() and not args.verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")  # the bars say it
    # The cyclic garbage collector is off while Prefect is imported and the vocabulary built:
    # both make hundreds of thousands of objects that live as long as the process, and every
    # collection on the way walked all of them again (measured: imports and vocabulary 3.2 s
    # of CPU with it on, 2.0 s off). On again before the flow runs.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from flows.local import run_pipeline

        if server is not None:
            # While the API boots: the modules a flow's first call imports (the engines:
            # 121 modules; fastapi.encoders, which serializes the flow's parameters, 0.14 s;
            # prefect.utilities.visualization, with graphviz, 0.03 s), and the vocabulary
            # (the extract stage builds it otherwise, and a run with nothing new never
            # does; it ends with gc.freeze(), which takes the imports' objects too).
            import fastapi.encoders  # noqa: F401
            import prefect.flow_engine  # noqa: F401
            import prefect.task_engine  # noqa: F401
            import prefect.utilities.visualization  # noqa: F401

            from marsad.extract import warm

            warm()
    finally:
        if collecting:
            gc.enable()
    if server is not None:
        server.wait(float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or 90))
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    # No flow-run heartbeats for a run in the foreground: they serve a lasting server's
    # automations that mark silent runs as crashed (the deployments' runs, started by a
    # worker, keep Prefect's default), and a synchronous flow's end waits for the
    # heartbeat thread's one-second sleep to end (0.5 s a run on average).
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        summary = run_pipeline(
            _db(args),
            _export_dir(args),
            config=args.config,
            inputs=args.input,
            lock_timeout=args.lock_timeout,
            tracebacks=args.debug,
        )
    table = Table(title="marsad run", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("articles read", str(summary.articles_read))
    table.add_row("  new", str(summary.articles_new))
    table.add_row("  changed", str(summary.articles_updated))
    table.add_row("  already seen", str(summary.articles_seen))
    table.add_row("rejected lines", str(summary.rejected))
    table.add_row("articles extracted", str(summary.extracted))
    if summary.reextracted_stored:
        table.add_row("  stored, new extractor", str(summary.reextracted_stored))
    table.add_row("mentions stored", str(summary.mentions))
    table.add_row("incidents", str(summary.incidents))
    stages = Table(title="seconds per stage", show_header=True, header_style="bold")
    for stage in summary.seconds:
        stages.add_column(stage, justify="right")
    stages.add_column("total", justify="right")
    stages.add_row(*(f"{s:.2f}" for s in summary.seconds.values()), f"{sum(summary.seconds.values()):.2f}")
    console = _console()
    console.print(table)
    console.print(stages)
    if getattr(summary, "sources", None):
        console.print(_sources_table(summary.sources))
    if summary.rejections:
        print(f"rejected ({len(summary.rejections)}):")
        for rejection in summary.rejections:
            print(f"  {rejection}")
    print(f"warehouse: {_db(args)}")
    print(f"export:    {summary.export_dir}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from marsad import pipeline
    from marsad.orchestrate import warehouse_lock

    # the same one-writer lock as the flows: a build never lands between a run's stages
    with warehouse_lock(_db(args), args.lock_timeout):
        result = pipeline.build(_db(args))
    print(f"built {len(result.models)} models, {len(result.tests)} data tests passed")
    for name in ("fct_incidents", "faction_month", "governorate_month", "actor_pair_month", "dim_actors"):
        print(f"  {name}: {result.row_counts.get(name, 0)} rows")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from marsad import pipeline
    from marsad.orchestrate import warehouse_lock

    with warehouse_lock(_db(args), args.lock_timeout):
        result = pipeline.export(_db(args), _export_dir(args))
    for path in result.files:
        print(path)
    return 0


def _plain(value):
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    value = _plain(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """A query result as text: an aligned table, CSV with a header, or a JSON array of objects."""
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(columns, map(_plain, row), strict=True)) for row in rows],
                ensure_ascii=False,
                indent=1,
            )
            + "\n"
        )
    if fmt == "csv":
        buffer = io.StringIO()
        # a spreadsheet must not run article text as a formula (=, +, -, @ ...): quoted
        from marsad.warehouse.interchange import neutralize_cell, write_csv_rows

        write_csv_rows(buffer, [list(columns)], ([neutralize_cell(_cell(v)) for v in row] for row in rows))
        return buffer.getvalue()
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", caption=f"{len(rows)} row(s)")
    for index, column in enumerate(columns):
        numeric = bool(rows) and all(
            isinstance(row[index], int | float | decimal.Decimal | None) and not isinstance(row[index], bool)
            for row in rows
        )
        table.add_column(column, overflow="fold", justify="right" if numeric else "left")
    from marsad.safety import log_safe

    for row in rows:  # article text on a terminal: escape sequences shown, never run
        table.add_row(*(log_safe(_cell(v)) if v is not None else "NULL" for v in row))
    buffer = io.StringIO()
    console = _console(buffer)
    console.width = 200 if not sys.stdout.isatty() else console.width
    console.print(table, markup=False, highlight=False)
    return buffer.getvalue()


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from marsad.warehouse import WarehouseError, connect

    con = connect(_db(args), read_only=True)
    try:
        try:
            cursor = con.execute(args.query)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall() if columns else []
        except duckdb.Error as exc:
            raise WarehouseError(f"query failed: {exc}") from None
    finally:
        con.close()
    text = format_rows(columns, rows, args.format)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(rows)} row(s) written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _sources_table(reports):
    """Per source: articles, skipped, failures and, when the whole source failed, why."""
    from rich.table import Table

    table = Table(title="sources", show_header=True, header_style="bold")
    for column, justify in (("source", "left"), ("kind", "left"), ("articles", "right"),
                            ("skipped", "right"), ("failures", "right"), ("status", "left")):  # fmt: skip
        table.add_column(column, justify=justify, overflow="fold")
    for report in reports:
        status = f"FAILED: {report.error}" if report.failed else "ok"
        counts = (report.articles, report.skipped, len(report.failures))
        table.add_row(report.name, report.kind, *map(str, counts), status)
    return table


def cmd_sources(args: argparse.Namespace) -> int:
    """`marsad sources check`: validate sources.yaml, then probe each source (the only command
    that touches the network on request). Exit 1 when a source is unreachable."""
    from rich.table import Table

    from marsad.sources.config import load_settings
    from marsad.sources.fetch import check_sources

    config = load_settings(args.config or settings.DEFAULT_CONFIG)
    print(f"{config.path}: valid, {len(config.sources)} source(s)")
    results = check_sources(config.sources, config.http)
    table = Table(show_header=True, header_style="bold")
    for column in ("source", "kind", "reachable", "detail"):
        table.add_column(column, overflow="fold")
    for result in results:
        table.add_row(result.name, result.kind, "yes" if result.ok else "NO", result.detail)
    _console().print(table)
    return 0 if all(result.ok for result in results) else 1


def cmd_report(args: argparse.Namespace) -> int:
    """`marsad report`: the HTML report (marsad.report) from the warehouse, read-only."""
    from marsad.report import build_report
    from marsad.report.png import PngError

    try:
        result = build_report(_db(args), args.out, png=args.png, top=args.top)
    except PngError as exc:
        print(f"marsad report: error: {exc}", file=sys.stderr)
        return 1
    for path in result.files:
        print(path)
    return 0


PREFECT_COMMANDS: dict = {}  # server, deploy, worker, serve: marsad.orchestrate
COMMANDS = {"run": cmd_run, "build": cmd_build, "export": cmd_export, "sql": cmd_sql, "sources": cmd_sources}
COMMANDS["report"] = cmd_report


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from marsad.safety import install_log_guard

    install_log_guard()  # article text in a log line: no forged lines, no terminal escapes
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    from marsad.orchestrate import OrchestrationError
    from marsad.sources import SourceError
    from marsad.warehouse import WarehouseError

    try:
        return {**COMMANDS, **PREFECT_COMMANDS}[args.command](args)
    except (WarehouseError, SourceError, OrchestrationError) as exc:
        print(f"marsad {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"marsad {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"marsad {args.command}: unexpected error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
            file=sys.stderr,
        )
        return 1


def entry() -> None:
    """The `marsad` command: main(), then a quick exit (see quick_exit)."""
    quick_exit(main())


def quick_exit(code: int) -> None:
    """Exit with `code` without dismantling the interpreter.

    Everything that must happen at exit happens as at a normal exit, in the same order:
    the threads' exit hooks (Prefect drains its queues of logs and events to the API
    there), then the atexit handlers (the temporary API stops, logging flushes, the
    vocabulary is unfrozen). What is skipped is freeing every module's objects one by one,
    which the operating system does at once: with Prefect imported that took 0.4-0.7 s
    of every command (`marsad run` on 10,000 articles: 0.7 s between its last atexit
    handler and the end of the process). Every file Marsad writes is closed by then.
    """
    import atexit
    import threading

    shutdown = getattr(threading, "_shutdown", None)  # CPython's own first step at exit
    if shutdown is None:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code if isinstance(code, int) else 1)


if __name__ == "__main__":
    entry()
