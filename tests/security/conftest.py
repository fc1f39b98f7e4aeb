"""Fixtures of the hostile end-to-end tests: one audited `marsad run` + `marsad report` over
the hostile corpus (hostile_kit.py), and a headless Chromium driven by Selenium."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hostile_kit import HostileRun, run_hostile


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory) -> HostileRun:
    """`marsad -v run` over the hostile corpus through the marsad-pipeline flow, then
    `marsad report`, each in its own process under the audit hook."""
    return run_hostile(tmp_path_factory.mktemp("hostile"))


# ---------------------------------------------------------------------------------------
# Headless Chromium: the report helper's paths and skip/fail policy (tests/report/report_kit.py:
# skipped without Chromium, failed on CI), plus the network log the hostile test reads.

REPORT_TESTS = Path(__file__).resolve().parents[1] / "report"


def chromium_paths() -> tuple[str, str]:
    """(chromium, chromedriver) from tests/report's kit, or skip/fail as it decides."""
    if str(REPORT_TESTS) not in sys.path:
        sys.path.append(str(REPORT_TESTS))
    from report_kit import chromium_or_skip

    return chromium_or_skip()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """A Selenium-driven headless Chromium with console and network logs, offline flags."""
    found = chromium_paths()
    from selenium import webdriver

    from marsad.report.png import CHROMIUM_FLAGS

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for flag in CHROMIUM_FLAGS:
        options.add_argument("--headless=new" if flag == "--headless" else flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=found[1]))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
