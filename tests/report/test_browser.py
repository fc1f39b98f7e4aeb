"""The report in a real headless Chromium, used as an analyst would: it loads clean, every chart
draws, filters change what is shown; a screenshot is kept. Also the --png figures.

Needs Debian's chromium + chromium-driver (`make browser`); skipped without them, failed in CI.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest
from report_kit import chromium_or_skip

from marsad.report import INDEX_NAME, PNG_FIGURES, build_report

pytestmark = pytest.mark.slow

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / ".pytest_cache" / "marsad-report"
# STACK.md: without the background-networking flags Chromium's many outbound connections are refused.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)


@pytest.fixture(scope="module")
def browser():
    chromium, chromedriver = chromium_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="marsad-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def _visible(driver, selector: str) -> int:
    return driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll(arguments[0]), function (el) {"
        "  var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;",
        selector,
    )


def _select(driver, element_id: str, value: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, element_id)).select_by_value(value)


def test_report_loads_without_errors_draws_every_chart_and_filters(browser, report_dir):
    from selenium.webdriver.common.by import By

    browser.get((report_dir / INDEX_NAME).as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    assert _errors(browser) == []  # no script error, no CSP violation, no blocked load

    # every chart rendered: a laid-out SVG with drawn marks
    for chart_id, marks in (
        ("chart-heatmap", "rect.cell"),
        ("chart-stacked", "rect.seg"),
        ("chart-casualties", "rect.bar"),
        ("chart-map", "circle.pt"),
    ):
        box = browser.find_element(By.ID, chart_id).rect
        assert box["width"] > 100 and box["height"] > 100, chart_id
        assert _visible(browser, f"#{chart_id} {marks}") > 0, chart_id
    assert _visible(browser, "#chart-map path.gov") == 19
    assert _visible(browser, "#pairs tbody tr") > 0
    assert _visible(browser, "#incidents tbody tr") > 0
    # Arabic rendered as text beside English, right to left
    assert (
        browser.execute_script(
            "return getComputedStyle(document.querySelector('#incidents td.evidence')).direction"
        )
        == "rtl"
    )

    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT_DIR / "report.png"))

    # a faction filter changes what is shown
    before = {
        "rows": _visible(browser, "#chart-heatmap g.row"),
        "points": _visible(browser, "#chart-map circle.pt"),
        "incidents": browser.find_element(By.ID, "sum-incidents").text,
    }
    _select(browser, "f-faction", "kataib_hezbollah")
    after = {
        "rows": _visible(browser, "#chart-heatmap g.row"),
        "points": _visible(browser, "#chart-map circle.pt"),
        "incidents": browser.find_element(By.ID, "sum-incidents").text,
    }
    assert after["rows"] == 1 and before["rows"] > 1
    assert after["incidents"] == "1" != before["incidents"]  # one incident perpetrated by KH in the fixture
    assert after["points"] == 1
    heatmap_label = browser.find_element(By.CSS_SELECTOR, "#chart-heatmap g.row:not([display='none']) text")
    assert heatmap_label.text == "Kata'ib Hezbollah"

    # role: as target, KH appears in one incident too (a US strike)
    _select(browser, "f-role", "target")
    assert browser.find_element(By.ID, "sum-incidents").text == "1"
    assert _visible(browser, "#incidents tbody tr") == 1

    # a date range narrows the months drawn
    browser.find_element(By.ID, "f-reset").click()
    columns_before = _visible(browser, "#chart-heatmap g.row:not([display='none']) rect.cell")
    _select(browser, "f-from", "2")
    _select(browser, "f-to", "3")
    columns_after = _visible(browser, "#chart-heatmap g.row:not([display='none']) rect.cell")
    assert 0 < columns_after < columns_before
    months = browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#chart-heatmap > g.col:not([display=\"none\"])'),"
        " function (g) { return g.textContent; });"
    )
    assert months == ["2024-03", "2024-04"]
    browser.save_screenshot(str(SCREENSHOT_DIR / "report-filtered.png"))
    assert _errors(browser) == []


def test_report_with_the_bundled_top_n_on_an_empty_range_shows_a_message(browser, report_dir):
    from selenium.webdriver.common.by import By

    browser.get((report_dir / INDEX_NAME).as_uri())
    _select(browser, "f-faction", "pkk")  # PKK is only ever a target in the fixture
    empty = browser.find_element(By.CSS_SELECTOR, "#chart-heatmap text.empty")
    assert empty.is_displayed()
    assert _errors(browser) == []


def test_casualty_bands_span_low_to_high(browser, report_dir):
    """The light band of a casualty cell runs from its low to its high: drawn with a height
    when low < high, flat when they are equal; the best-estimate bar rises to best inside it."""
    browser.get((report_dir / INDEX_NAME).as_uri())
    assert _visible(browser, "#chart-casualties rect.band") > 0

    def cell(actor: str, month_index: int, what: str) -> dict:
        # the band and the bar of one cell, as laid out on the page (CSS pixels, y downwards)
        return browser.execute_script(
            "var g = document.querySelector('#chart-casualties g.row[data-actor=\"' + arguments[0] +"
            ' \'"][data-role="perpetrator"] g.col[data-mi="\' + arguments[1] + \'"]\');'
            "if (!g) { return null; }"
            "var bar = g.querySelector('rect.bar.' + arguments[2]);"
            "if (!bar) { return null; }"
            "var band = bar.previousElementSibling, a = band.getBoundingClientRect(), b = bar.getBoundingClientRect();"
            "return {cls: band.getAttribute('class'), top: a.top, bottom: a.bottom, height: a.height,"
            " bar_top: b.top, bar_bottom: b.bottom};",
            actor,
            month_index,
            what,
        )

    # Kata'ib Hezbollah, January 2024: wounded low 3, best 3, high 5 (report_kit incident 2)
    wounded = cell("kataib_hezbollah", 0, "wounded")
    assert wounded is not None and wounded["cls"] == "band"
    assert wounded["height"] > 5
    assert wounded["top"] < wounded["bar_top"] - 5  # the band reaches above the bar: high > best
    assert abs(wounded["bottom"] - wounded["bar_top"]) < 1  # and starts at low = best
    # ... its killed: 2, 2, 2: a flat band at the bar's top
    killed = cell("kataib_hezbollah", 0, "killed")
    assert killed is not None and killed["cls"] == "band"
    assert killed["height"] < 1 and abs(killed["top"] - killed["bar_top"]) < 1
    # ISIS, March 2024: wounded low 2, best 3, no high (open): band from 2 up to best, below the bar's top
    isis = cell("isis", 2, "wounded")
    assert isis is not None and isis["height"] > 1
    assert abs(isis["top"] - isis["bar_top"]) < 1 and isis["bottom"] > isis["bar_top"] + 1
    assert _errors(browser) == []


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_png_figures_for_slides(warehouse, tmp_path):
    chromium_or_skip()
    fonts = subprocess.run(
        ["fc-list", ":lang=ar", "family"], capture_output=True, text=True, check=False
    ).stdout
    assert fonts.strip(), "no font with Arabic glyphs: install fonts-dejavu-core"
    result = build_report(warehouse, tmp_path, png=True)
    for name, _ in PNG_FIGURES.values():
        width, height = _png_size(tmp_path / name)
        assert width > 800 and height > 300, name
        assert tmp_path / name in result.files


def _valid_png(path: Path) -> tuple[int, int]:
    """(width, height) of a PNG file after checking it whole: signature, every chunk's CRC,
    IHDR first, IEND last, and image data that inflates to exactly the size IHDR declares."""
    import zlib

    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    offset, chunks, idat = 8, [], b""
    while offset < len(data):
        assert offset + 12 <= len(data), f"{path.name}: truncated"
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        assert offset + 12 + length <= len(data), f"{path.name}: truncated"
        kind, body = data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"{path.name}: bad CRC in {kind!r}"
        chunks.append(kind)
        idat += body if kind == b"IDAT" else b""
        offset += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND" and offset == len(data), path.name
    ihdr = data[16:29]
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    assert depth == 8 and interlace == 0, (depth, interlace)
    pixels = zlib.decompress(idat)
    assert len(pixels) == height * (1 + width * channels), "image data does not match IHDR"
    assert len(set(pixels)) > 32, f"{path.name} looks blank"
    return width, height


def test_report_png_through_the_cli(warehouse, tmp_path):
    import sys

    chromium_or_skip()
    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "slides"
    done = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "report", "--db", str(warehouse), "--out", str(out), "--png"],
        capture_output=True,
        text=True,
        cwd=repo,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    names = [name for name, _ in PNG_FIGURES.values()]
    assert done.stdout.split() == [str(out / INDEX_NAME), *(str(out / name) for name in names)]
    assert sorted(p.name for p in out.iterdir()) == sorted([INDEX_NAME, *names])  # no temporary left
    for name in names:
        width, height = _valid_png(out / name)
        assert width > 800 and height > 300, name
        assert 20_000 < (out / name).stat().st_size < 5_000_000, name
