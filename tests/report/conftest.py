"""Report and interchange fixtures: a small real warehouse file with hostile text in it (report_kit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_kit import build_warehouse


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("report-db") / "marsad.duckdb")


@pytest.fixture(scope="session")
def report_dir(warehouse, tmp_path_factory) -> Path:
    from marsad.report import build_report

    out = tmp_path_factory.mktemp("report")
    build_report(warehouse, out)
    return out
