"""Running the SQL models of sql/ in dependency order, then their data tests.

A model is one file `sql/<layer>/<name>.sql` whose header comments say

    -- grain: one row per ...           (required)
    -- materialized: view | table       (default: view in staging, table elsewhere)
    -- snapshot: build                  (optional, views only; see below)

and whose body is one query. Dependencies are inferred: a model depends on every other
model (or Python step) its body reads (`from NAME` / `join NAME`, its own CTEs aside), so the order is derived, never
maintained by hand; ties break by layer, then name, so the order is deterministic.

Seeds (reference CSVs) are loaded as `seed_*` tables first; the clustering step
(marsad.warehouse.cluster, issue "one event, many reports") runs as a Python model that
produces `int_incidents__clustered` from `stg_incident_mentions`.

Two materializations exist for the build's duration only, so that a large relation is
neither written nor computed more often than its readers need:

- *ephemeral*, which a Python model (`materialized == "python"`) always is: its frame is
  registered under the model's name (DuckDB scans it in place through Arrow) until the
  build ends, and never written to the warehouse. Only tables may read it (checked by `discover`): a view over it would
  dangle once the build is over. So `int_incidents__clustered` is read once, by
  `fct_incidents` (and by the small `int_months__covered`), and the incidents are written
  once, not twice. A table of that name left by an older build is dropped.
- *snapshot: build* (a view read by several steps): after the view is created, its rows
  are held in memory as an Arrow table registered under the same name, which shadows
  the view (DuckDB resolves temporary objects first) for the rest of the build: the data
  tests and the row count read it instead of re-running the view's joins each time, and
  a Python model that depends on it is handed the Arrow table itself (no second copy
  through DuckDB: at 1M mentions, fetching the view once into Arrow and handing it over
  cost 0.4 s less than a temporary table read back by the clustering step). Where
  pyarrow is missing, the rows are held in a temporary table of the same name instead.
  The rows are the view's, because the build is one transaction under the writer lock:
  the raw tables cannot change under it. The snapshot is released when the build ends;
  the warehouse keeps the view.

A data test is `sql/tests/<name>.sql`, a query returning the rows that break a rule; the
build fails naming every test that returned rows, and rolls back to the previous state.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from marsad import settings
from marsad.model import DATE_PRECISIONS, SUB_EVENT_TYPES, WEAPONS
from marsad.warehouse.db import WarehouseError, scannable

log = logging.getLogger(__name__)

LAYERS = ("staging", "intermediate", "marts", "views")
CLUSTERED = "int_incidents__clustered"


class BuildError(WarehouseError):
    """The build stopped: a model failed or data tests returned rows."""


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str  # body without comments
    materialized: str  # view | table | python (ephemeral: module docstring)
    grain: str
    path: Path | None = None
    depends_on: tuple[str, ...] = ()
    # a Python model: run(con, inputs) returns its rows (a Polars frame), which the build
    # registers; `inputs` maps each dependency held in memory (a snapshot) to its Arrow table
    run: Callable[[duckdb.DuckDBPyConnection, Mapping[str, object]], object] | None = None
    snapshot: bool = False  # a view held in memory for the build (module docstring)


@dataclass(frozen=True)
class DataTest:
    name: str
    sql: str
    path: Path


@dataclass
class BuildResult:
    models: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)


_COMMENT = re.compile(r"--[^\n]*")
_HEADER = re.compile(r"^\s*--\s*(grain|materialized|snapshot)\s*:\s*(.+?)\s*$", re.MULTILINE)
# A relation a query reads: the name after `from` or `join` (CTE names are removed after).
_RELATION = re.compile(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)
_CTE = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s+as\s*\(", re.IGNORECASE)


def strip_comments(sql: str) -> str:
    return _COMMENT.sub("", sql).strip().rstrip(";").strip()


def parse_model(path: Path, layer: str) -> Model:
    text = path.read_text(encoding="utf-8")
    headers = {key: value for key, value in _HEADER.findall(text)}
    if "grain" not in headers:
        raise BuildError(f"{path}: header comment `-- grain: one row per ...` is missing")
    materialized = headers.get("materialized", "view" if layer in ("staging", "views") else "table")
    if materialized not in ("view", "table"):
        raise BuildError(f"{path}: materialized must be view or table, not {materialized!r}")
    snapshot = headers.get("snapshot")
    if snapshot not in (None, "build") or (snapshot and materialized != "view"):
        raise BuildError(f"{path}: `-- snapshot: build` is the only snapshot, and for views only")
    return Model(
        path.stem, layer, strip_comments(text), materialized, headers["grain"], path, snapshot=bool(snapshot)
    )


def cluster_step(con: duckdb.DuckDBPyConnection, inputs: Mapping[str, object] | None = None):
    """The clustering step (issue "one event, many reports"): stg_incident_mentions -> the
    incidents of int_incidents__clustered (a frame; the registry is written as it runs).
    The mentions are the build's snapshot of the view when `inputs` holds it."""
    from marsad.warehouse.cluster import build_incident_clusters

    return build_incident_clusters(con, (inputs or {}).get("stg_incident_mentions"))


def python_models() -> list[Model]:
    return [
        Model(
            CLUSTERED,
            "intermediate",
            "",
            "python",
            "one row per incident (mentions of one event merged)",
            depends_on=("stg_incident_mentions",),
            run=cluster_step,
        )
    ]


def discover(sql_dir: Path = settings.SQL_DIR) -> tuple[list[Model], list[DataTest]]:
    """Every model, in dependency order, and every data test, sorted by name."""
    found: dict[str, Model] = {model.name: model for model in python_models()}
    for layer in LAYERS:
        for path in sorted((sql_dir / layer).glob("*.sql")):
            model = parse_model(path, layer)
            if model.name in found:
                raise BuildError(f"{path}: model name {model.name!r} is defined twice")
            found[model.name] = model
    names = set(found)
    resolved = {}
    for name, model in found.items():
        if model.run is not None:
            deps = set(model.depends_on)
            missing = sorted(deps - names)
            if missing:
                raise BuildError(
                    f"{name} (a Python step) needs {', '.join(missing)}, which {sql_dir} does not define"
                )
        else:
            ctes = set(_CTE.findall(model.sql))
            read = set(_RELATION.findall(model.sql)) - ctes
            deps = {token for token in read if token in names and token != name}
        resolved[name] = replace(model, depends_on=tuple(sorted(deps)))
    for name, model in resolved.items():
        ephemeral = [dep for dep in model.depends_on if resolved[dep].materialized == "python"]
        if ephemeral and model.materialized == "view":
            raise BuildError(
                f"{model.path or name}: a view cannot read {', '.join(ephemeral)}, which exists only "
                "while the build runs (ephemeral); make it a table"
            )
    tests = [
        DataTest(path.stem, strip_comments(path.read_text(encoding="utf-8")), path)
        for path in sorted((sql_dir / "tests").glob("*.sql"))
    ]
    return topological(resolved), tests


def topological(models: dict[str, Model]) -> list[Model]:
    order: list[Model] = []
    done: set[str] = set()
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    pending = dict(models)
    while pending:
        ready = [m for m in pending.values() if all(dep in done for dep in m.depends_on)]
        if not ready:
            raise BuildError(f"models depend on each other in a cycle: {', '.join(sorted(pending))}")
        ready.sort(key=lambda m: (rank[m.layer], m.name))
        chosen = ready[0]
        order.append(chosen)
        done.add(chosen.name)
        del pending[chosen.name]
    return order


def _read_csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [row + [""] * (len(rows[0]) - len(row)) for row in rows[1:] if any(row)]


def _seed(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: Iterable[list]) -> None:
    column_list = ", ".join(f'"{column}" varchar' for column in columns)
    con.execute(f"create or replace table {table} ({column_list})")
    rows = [[value if value != "" else None for value in row] for row in rows]
    if rows and all(len(row) == len(columns) for row in rows):
        # one statement, a list per column, unnested side by side in row order: executemany
        # runs one INSERT per row (0.15 s for the ~430 rows of the seeds, on every build)
        unnested = ", ".join(f"unnest(${n}::varchar[])" for n in range(1, len(columns) + 1))
        con.execute(
            f"insert into {table} select {unnested}", [list(column) for column in zip(*rows, strict=True)]
        )
    elif rows:  # a row of another width: DuckDB's own error, as before
        con.executemany(f"insert into {table} values ({', '.join('?' for _ in columns)})", rows)


PLACE_COLUMNS = [
    "name_en",
    "name_ar",
    "aliases_ar",
    "kind",
    "governorate",
    "country",
    "latitude",
    "longitude",
]


def load_seeds(con: duckdb.DuckDBPyConnection) -> None:
    """Reference data as seed_* tables (all VARCHAR; the staging models type them)."""
    for table, path in (
        ("seed_actors", settings.ACTORS_CSV),
        ("seed_governorates", settings.GOVERNORATES_CSV),
    ):
        columns, rows = _read_csv_rows(path)
        _seed(con, table, columns, rows)
    if settings.PLACES_CSV.exists():
        columns, rows = _read_csv_rows(settings.PLACES_CSV)
        _seed(con, "seed_places", columns, rows)
    else:
        _seed(con, "seed_places", PLACE_COLUMNS, [])
    codes = [["sub_event_type", sub, event] for sub, event in SUB_EVENT_TYPES.items()]
    codes += [["weapon", weapon, None] for weapon in WEAPONS]
    codes += [["date_precision", precision, None] for precision in DATE_PRECISIONS]
    _seed(con, "seed_codes", ["field", "code", "parent"], codes)


def run_model(con: duckdb.DuckDBPyConnection, model: Model, held: BuildScope | None = None) -> None:
    """Materialize one model. What lasts only for the build (an ephemeral model's
    registration, a snapshot) is released by `held`; without it, there is no snapshot,
    and an ephemeral model is refused."""
    try:
        if model.run is not None:
            if held is None:
                raise BuildError(f"model {model.name} is ephemeral: it exists only within a build")
            # a table of this name is a previous build's (before it was ephemeral): stale
            _drop_if_kind(con, model.name, "BASE TABLE")
            inputs = {dep: held.snapshots[dep] for dep in model.depends_on if dep in held.snapshots}
            held.enter_context(scannable(con, model.run(con, inputs), model.name))
        elif model.materialized == "view":
            _drop_if_kind(con, model.name, "BASE TABLE")
            con.execute(f"create or replace view {model.name} as\n{model.sql}")
            if model.snapshot and held is not None:
                _snapshot(con, model.name, held)
        else:
            _drop_if_kind(con, model.name, "VIEW")
            con.execute(f"create or replace table {model.name} as\n{model.sql}")
    except duckdb.Error as exc:
        where = model.path or model.name
        raise BuildError(f"model {model.name} failed ({where}): {exc}") from None


def _drop_if_kind(con: duckdb.DuckDBPyConnection, name: str, kind: str) -> None:
    """Drop `name` where an older build made it a `kind` (VIEW or BASE TABLE) and this one
    makes it the other: `create or replace` cannot change an object's kind."""
    found = con.execute(
        "select table_type from information_schema.tables "
        "where table_catalog = current_database() and table_schema = 'main' and table_name = ?",
        [name],
    ).fetchall()
    if found and found[0][0] == kind:
        con.execute(f"drop {'view' if kind == 'VIEW' else 'table'} {name}")


class BuildScope(contextlib.ExitStack):
    """What lasts only for one build (module docstring), released when it closes;
    `snapshots` maps each view held in memory to its rows (an Arrow table)."""

    def __init__(self) -> None:
        super().__init__()
        self.snapshots: dict[str, object] = {}


def _snapshot(con: duckdb.DuckDBPyConnection, view: str, held: BuildScope) -> None:
    """Hold the rows of `view` under its name until `held` closes: an Arrow table registered
    under that name (kept in `held.snapshots` for the Python models), or without pyarrow a
    temporary table."""
    database = con.execute("select current_database()").fetchall()[0][0]
    qualified = f'"{database.replace(chr(34), chr(34) * 2)}".main.{view}'
    try:
        rows = con.sql(f"select * from {qualified}").to_arrow_table()
        con.register(view, rows)
    except ModuleNotFoundError:  # no pyarrow: DuckDB holds the rows itself
        con.execute(f"create or replace temp table {view} as select * from {qualified}")
        held.callback(con.execute, f"drop table if exists temp.main.{view}")
        return
    held.callback(con.unregister, view)
    held.snapshots[view] = rows


def run_tests(con: duckdb.DuckDBPyConnection, tests: Iterable[DataTest]) -> list[str]:
    """Run data tests; raises BuildError naming every failing one, returns the names that passed."""
    passed, failures = [], []
    for test in tests:
        try:
            count = con.execute(f"select count(*) from ({test.sql})").fetchone()[0]
            sample = con.execute(f"select * from ({test.sql}) limit 3").fetchall() if count else []
        except duckdb.Error as exc:
            failures.append(f"{test.name}: error: {exc}")
            continue
        if count:
            failures.append(f"{test.name}: {count} row(s), e.g. {sample}")
        else:
            passed.append(test.name)
    if failures:
        raise BuildError("data tests failed:\n  " + "\n  ".join(failures))
    return passed


def run_models(
    con: duckdb.DuckDBPyConnection, names: Iterable[str], sql_dir: Path = settings.SQL_DIR
) -> None:
    """Run the named models only, in dependency order (for tests and partial rebuilds)."""
    wanted = set(names)
    models, _ = discover(sql_dir)
    with BuildScope() as held:
        for model in models:
            if model.name in wanted:
                run_model(con, model, held)


def build(con: duckdb.DuckDBPyConnection, sql_dir: Path = settings.SQL_DIR, test: bool = True) -> BuildResult:
    """Seeds, every model in order, then the data tests; all in one transaction.

    Ephemeral models and snapshots (module docstring) last until the row counts are
    taken; on failure they are released after the rollback (an aborted transaction
    accepts no statement but ROLLBACK)."""
    models, tests = discover(sql_dir)
    result = BuildResult()
    held = BuildScope()
    con.begin()
    try:
        load_seeds(con)
        for model in models:
            run_model(con, model, held)
            result.models.append(model.name)
        if test:
            result.tests = run_tests(con, tests)
        for model in models:
            # fetchall: a result left unfinished blocks the unregistering below
            result.row_counts[model.name] = con.execute(f"select count(*) from {model.name}").fetchall()[0][0]
        held.close()
        con.commit()
    except BaseException:
        con.rollback()
        with contextlib.suppress(Exception):
            held.close()
        raise
    return result
