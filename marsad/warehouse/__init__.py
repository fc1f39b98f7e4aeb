"""The DuckDB warehouse: raw tables, idempotent atomic loads, the SQL models of sql/, exports."""

from marsad.warehouse.db import WarehouseBusy, WarehouseError, connect
from marsad.warehouse.exports import export
from marsad.warehouse.loader import ExtractedArticle, LoadStats, load
from marsad.warehouse.models import BuildError, BuildResult, build
from marsad.warehouse.schema import SCHEMA_VERSION

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
