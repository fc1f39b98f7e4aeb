"""The DuckDB warehouse: raw tables, idempotent atomic loads, the SQL models of sql/, exports.

`connect`, the errors and SCHEMA_VERSION are imported with the package; the rest when
first used (PEP 562), so that a command that only exports never imports Polars and the
loader (`marsad export` pays Python's start-up on every run: ~0.1 s less).
"""

from importlib import import_module

from marsad.warehouse.db import WarehouseBusy, WarehouseError, connect
from marsad.warehouse.schema import SCHEMA_VERSION

# name -> the module that defines it, imported on first access
_LAZY = {
    "export": "marsad.warehouse.exports",
    "ExtractedArticle": "marsad.warehouse.loader",
    "LoadStats": "marsad.warehouse.loader",
    "load": "marsad.warehouse.loader",
    "BuildError": "marsad.warehouse.models",
    "BuildResult": "marsad.warehouse.models",
    "build": "marsad.warehouse.models",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # once: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "SCHEMA_VERSION",
    "BuildError",
    "BuildResult",
    "ExtractedArticle",
    "LoadStats",
    "WarehouseBusy",
    "WarehouseError",
    "build",
    "connect",
    "export",
    "load",
]
