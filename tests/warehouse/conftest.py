"""Warehouse test fixtures: real DuckDB files under tmp_path."""

from __future__ import annotations

import pytest
from warehouse_kit import MARTS, STAGING, insert_incidents

from marsad.warehouse import connect
from marsad.warehouse.models import load_seeds, run_models


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "marsad.duckdb"


@pytest.fixture
def con(db_path):
    connection = connect(db_path)
    yield connection
    connection.close()


@pytest.fixture
def staged(con):
    """A warehouse with seeds and the staging views, ready for int_incidents__clustered rows."""
    load_seeds(con)
    run_models(con, STAGING)
    return con


@pytest.fixture
def marts_from():
    """Given clustered incident rows, build the marts on `staged` and return the connection."""

    def build(con, incidents: list[dict]):
        insert_incidents(con, incidents)
        run_models(con, MARTS)
        return con

    return build
