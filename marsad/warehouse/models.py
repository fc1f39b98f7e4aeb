"""Running the SQL models of sql/ in dependency order, then their data tests.

A model is one file `sql/<layer>/<name>.sql` whose header comments say

    -- grain: one row per ...           (required)
    -- materialized: view | table       (default: view in staging, table elsewhere)

and whose body is one query. Dependencies are inferred: a model depends on every other
model (or Python step) its body reads (`from NAME` / `join NAME`, its own CTEs aside), so the order is derived, never
maintained by hand; ties break by layer, then name, so the order is deterministic.

Seeds (reference CSVs) are loaded as `seed_*` tables first; the clustering step
(marsad.warehouse.cluster, issue "one event, many reports") runs as a Python model that
produces `int_incidents__clustered` from `stg_incident_mentions`.

A data test is `sql/tests/<name>.sql`, a query returning the rows that break a rule; the
build fails naming every test that returned rows, and rolls back to the previous state.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb

from marsad import settings
from marsad.model import DATE_PRECISIONS, SUB_EVENT_TYPES, WEAPONS
from marsad.warehouse.db import WarehouseError

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
    materialized: str  # view | table | python
    grain: str
    path: Path | None = None
    depends_on: tuple[str, ...] = ()
    run: Callable[[duckdb.DuckDBPyConnection], None] | None = None


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
_HEADER = re.compile(r"^\s*--\s*(grain|materialized)\s*:\s*(.+?)\s*$", re.MULTILINE)
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
    return Model(path.stem, layer, strip_comments(text), materialized, headers["grain"], path)


def cluster_step(con: duckdb.DuckDBPyConnection) -> None:
    """The clustering step (issue "one event, many reports"): stg_incident_mentions -> int_incidents__clustered."""
    from marsad.warehouse.cluster import build_incident_clusters

    build_incident_clusters(con)


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
        if model.materialized == "python":
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
    if rows:
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


def run_model(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    try:
        if model.run is not None:
            model.run(con)
        elif model.materialized == "view":
            con.execute(f"create or replace view {model.name} as\n{model.sql}")
        else:
            con.execute(f"create or replace table {model.name} as\n{model.sql}")
    except duckdb.Error as exc:
        where = model.path or model.name
        raise BuildError(f"model {model.name} failed ({where}): {exc}") from None


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
    for model in models:
        if model.name in wanted:
            run_model(con, model)


def build(con: duckdb.DuckDBPyConnection, sql_dir: Path = settings.SQL_DIR, test: bool = True) -> BuildResult:
    """Seeds, every model in order, then the data tests; all in one transaction."""
    models, tests = discover(sql_dir)
    result = BuildResult()
    con.begin()
    try:
        load_seeds(con)
        for model in models:
            run_model(con, model)
            result.models.append(model.name)
        if test:
            result.tests = run_tests(con, tests)
        for model in models:
            result.row_counts[model.name] = con.execute(f"select count(*) from {model.name}").fetchone()[0]
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return result
