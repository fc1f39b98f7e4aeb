"""The hostile corpus through everything Marsad publishes (docs/notes/security.md).

One `marsad -v run` (the marsad-pipeline flow, its own temporary Prefect API) and one
`marsad report` read tests/security/fixtures/hostile/ under an audit hook (conftest.py);
then each output is checked the way an analyst would open it: the report in a real
headless Chromium, the artifacts' markdown through a markdown parser, every CSV cell as a
spreadsheet reads it, the logs as a terminal shows them, and every path touched.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

import pytest
from hostile_kit import CANARIES, SECRET, HostileRun
from markdown_it import MarkdownIt

pytestmark = pytest.mark.slow

HOSTILE_TITLE = "<script>document.documentElement.setAttribute('data-pwned','title-script')</script>"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _resolved(path: str) -> Path:
    return Path(path).resolve()


def _under(path: Path, root: Path) -> bool:
    root = root.resolve()
    return path == root or path.is_relative_to(root)


# =======================================================================================
# Files and paths


def test_hostile_files_source_reads_nothing_outside_its_folder(hostile_run: HostileRun):
    """Symlinks leading out of src/ (a file, an absolute file, a directory) are never opened
    nor listed; the article behind them is nowhere in the warehouse or the outputs."""
    touched = sorted({p for _, p, _ in hostile_run.events if _under(_resolved(p), hostile_run.outside)})
    assert touched == [], f"opened or listed outside the source folder: {touched}"
    assert "skipped, it leads outside" in hostile_run.run.stderr
    import duckdb

    con = duckdb.connect(str(hostile_run.db), read_only=True)
    try:
        urls = [row[0] for row in con.execute("select url from stg_articles").fetchall()]
        leaked = con.execute(
            "select count(*) from stg_articles where text like ?", [f"%{SECRET}%"]
        ).fetchone()[0]
    finally:
        con.close()
    assert leaked == 0 and not any("secret.example" in url for url in urls)
    for path in [*hostile_run.export_dir.rglob("*"), *hostile_run.report_dir.rglob("*")]:
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_hostile_nothing_written_outside_the_work_and_prefect_folders(hostile_run: HostileRun):
    """Every file Marsad's Python code creates, writes, renames or removes is under work/
    (warehouse, exports, report), PREFECT_HOME, or a private temporary folder it made."""
    import tempfile

    allowed = [hostile_run.work, hostile_run.prefect_home]
    temp = Path(tempfile.gettempdir()).resolve()
    bad = []
    for event, path, wrote in hostile_run.events:
        if not wrote or path == "/dev/null" or "__pycache__" in path:
            continue
        target = _resolved(path)
        if any(_under(target, root) for root in allowed):
            continue
        # tempfile.mkdtemp()/TemporaryDirectory() folders directly under the temp dir
        # (Prefect's, DuckDB staging), never the workspace, the sources or outside/
        if _under(target, temp) and not _under(target, hostile_run.root):
            continue
        bad.append((event, path))
    assert bad == [], f"written outside the allowed folders: {bad[:20]}"
    assert not any(_under(_resolved(p), hostile_run.src) for _, p, wrote in hostile_run.events if wrote)


def test_hostile_output_names_never_come_from_article_content(hostile_run: HostileRun):
    """Export and report file names are Marsad's constants; the raw store names bodies by
    their sha256 only."""
    for folder in (hostile_run.export_dir, hostile_run.report_dir):
        for path in folder.rglob("*"):
            name = path.relative_to(folder).as_posix()
            assert re.fullmatch(r"[A-Za-z0-9_.\-/]+", name), name
            assert not re.search(r"pwned|script|evil|HYPERLINK|SUM|cmd", name, re.I), name
    raw = hostile_run.work / "raw"
    for path in raw.rglob("*") if raw.exists() else []:
        if path.is_file():
            assert re.fullmatch(r"[0-9a-f]{2}/[0-9a-f]{64}\.gz", path.relative_to(raw).as_posix()), path


# =======================================================================================
# CSV


def _csv_files(run: HostileRun) -> list[Path]:
    return sorted(p for folder in (run.export_dir, run.report_dir) for p in folder.rglob("*.csv"))


def test_hostile_every_csv_cell_is_neutralized(hostile_run: HostileRun):
    """No cell of any exported CSV starts with = + - @ tab or CR unless it is a plain number;
    the hostile titles and evidence are there, quoted."""
    files = _csv_files(hostile_run)
    names = {p.name for p in files}
    assert {"faction_month.csv", "incidents_acled.csv"} <= names, names
    cells = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                cells += [(path.name, cell) for cell in row]
    live = [
        (name, cell)
        for name, cell in cells
        if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell)
    ]
    assert live == []
    # a payload reached the export, neutralized (else this test proves nothing): the ACLED
    # `source` column is the URL's host, and one hostile URL's host is "=1+2.example"
    acled = [cell for name, cell in cells if name == "incidents_acled.csv"]
    assert "'=1+2.example" in acled, sorted(set(acled))[:60]


def test_hostile_article_text_csv_is_neutralized(hostile_run: HostileRun, tmp_path):
    """The exports' CSV writer (interchange.write_query_csv) on the hostile titles, texts and
    URLs themselves: every cell neutralized, and numbers of every sign unchanged."""
    import duckdb

    from marsad.warehouse.interchange import write_query_csv

    target = tmp_path / "articles.csv"
    query = "select title, text, url, -3 as minus, 2.5 as plus, '-4' as text_number from stg_articles"
    con = duckdb.connect(str(hostile_run.db), read_only=True)
    try:
        write_query_csv(con, query, target)
    finally:
        con.close()
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert any(cell.startswith("'@SUM") for cell in cells)
    assert not [c for c in cells if c.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(c)]
    assert {tuple(row[-3:]) for row in rows[1:]} == {("-3", "2.5", "-4")}


def test_hostile_csv_numbers_are_unchanged(hostile_run: HostileRun):
    """faction_month.csv equals faction_month.parquet cell for cell (numbers not quoted)."""
    import polars as pl

    frame = pl.read_parquet(hostile_run.export_dir / "faction_month.parquet")
    with (hostile_run.export_dir / "faction_month.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == frame.columns
    assert len(rows) - 1 == frame.height
    for written, expected in zip(rows[1:], frame.iter_rows(), strict=True):
        for cell, value in zip(written, expected, strict=True):
            if isinstance(value, int | float) and not isinstance(value, bool):
                assert float(cell) == value
            elif value is None:
                assert cell == ""
            else:
                assert cell in (str(value), "'" + str(value)), (cell, value)
    # and in the ACLED file, numeric cells are never quoted
    with (hostile_run.export_dir / "incidents_acled.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            assert not [c for c in row if c.startswith("'") and PLAIN_NUMBER.fullmatch(c[1:])]


def test_hostile_sql_csv_output_is_neutralized(hostile_run: HostileRun):
    """`marsad sql --format csv` on the hostile titles and evidence: every cell neutralized."""
    import duckdb

    from marsad.cli import format_rows

    con = duckdb.connect(str(hostile_run.db), read_only=True)
    try:
        cursor = con.execute("select title, text, url, -3 as n from stg_articles")
        columns, rows = [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        con.close()
    parsed = list(csv.reader(format_rows(columns, rows, "csv").splitlines(keepends=True)))
    cells = [cell for row in parsed[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not [c for c in cells if c.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(c)]
    assert all(row[-1] == "-3" for row in parsed[1:])


# =======================================================================================
# Prefect artifacts and logs


def _prefect_db(run: HostileRun) -> sqlite3.Connection:
    path = run.prefect_home / "prefect.db"
    if not path.exists():
        pytest.fail(f"no Prefect database at {path}: the run did not use its own PREFECT_HOME")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _markdown_artifacts(run: HostileRun) -> list[str]:
    con = _prefect_db(run)
    try:
        rows = con.execute("select data from artifact where type = 'markdown'").fetchall()
    finally:
        con.close()
    texts = []
    for (data,) in rows:
        value = json.loads(data) if isinstance(data, str) and data[:1] in '"{[' else data
        texts.append(value if isinstance(value, str) else json.dumps(value))
    return texts


def _strip_code_and_targets(markdown: str) -> str:
    """The markdown without backslash-escaped marks, code spans and <...> link targets: the
    syntax a renderer would act on."""
    markdown = re.sub(r"\\[!-/:-@\[-`{-~]", "_", markdown)
    markdown = re.sub(r"(`+)(?:(?!\1).)+?\1", " ", markdown)
    return re.sub(r"\]\(<[^>\n]*>\)", "]", markdown)


def test_hostile_artifact_markdown_has_no_live_link_or_image_from_articles(hostile_run: HostileRun):
    artifacts = _markdown_artifacts(hostile_run)
    assert artifacts, "the run published no markdown artifact"
    markdown = "\n".join(artifacts)
    assert "forged" in markdown or "onerror" in markdown or "HYPERLINK" in markdown, (
        "no article text reached the artifact"
    )
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = []
    for token in parser.parse(markdown):
        tokens.append(token)
        tokens += token.children or []
    assert [t for t in tokens if t.type == "image"] == []
    hrefs = [t.attrs.get("href", "") for t in tokens if t.type == "link_open"]
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert not [h for h in hrefs if "evil.example" in h or "javascript" in h.lower()], hrefs
    html = [t.content for t in tokens if t.type in ("html_inline", "html_block")]
    assert set(html) <= {"<br>"}, html
    prose = _strip_code_and_targets(markdown)
    for trigger in ("://", "www.", "![", "](", "<script", "<img", "<svg", "<iframe", "<a ", "\x1b", "\r"):
        assert trigger not in prose, trigger


def test_hostile_logs_cannot_be_forged(hostile_run: HostileRun):
    """The hostile URL (CR/LF + a fake ERROR line + ANSI) is logged on one line, visibly
    escaped, on the console and in the flow run's logs on the Prefect API."""
    for stream in (hostile_run.run.stderr, hostile_run.run.stdout):
        assert "\x1b" not in stream and "\r" not in stream
        assert not [
            line
            for line in stream.splitlines()
            if line.lstrip().startswith(("ERROR: forged", "WARNING: forged", "INFO: forged"))
        ]
    assert "forged-url-line" in hostile_run.run.stderr, (
        "the hostile URL was not logged: the test proves nothing"
    )
    assert "\\r\\nERROR: forged-url-line \\x1b[31m" in hostile_run.run.stderr
    con = _prefect_db(hostile_run)
    try:
        messages = [row[0] for row in con.execute("select message from log").fetchall()]
    finally:
        con.close()
    assert not [m for m in messages if "\x1b" in m or "\r" in m or "\nERROR: forged" in m]


def test_hostile_no_secret_in_logs_artifacts_or_manifest(hostile_run: HostileRun):
    """Credentials in the environment of the run (PREFECT_API_KEY, MARSAD_*_TOKEN) appear in
    no output: console, logs and artifacts on the API, exports, manifest, report."""
    outputs = [hostile_run.run.stdout, hostile_run.run.stderr]
    if hostile_run.report is not None:
        outputs += [hostile_run.report.stdout, hostile_run.report.stderr]
    con = _prefect_db(hostile_run)
    try:
        for table in ("log", "artifact", "flow_run", "task_run", "deployment", "block_document"):
            try:
                outputs += [
                    json.dumps(row, default=str) for row in con.execute(f"select * from {table}").fetchall()
                ]
            except sqlite3.OperationalError:
                continue
    finally:
        con.close()
    for folder in (hostile_run.export_dir, hostile_run.report_dir):
        outputs += [
            p.read_bytes().decode("utf-8", "replace")
            for p in folder.rglob("*")
            if p.is_file() and p.suffix != ".parquet"
        ]
    manifest = json.loads((hostile_run.export_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest
    for name, value in CANARIES.items():
        assert not [text for text in outputs if value in text], f"{name}'s value leaked"


# =======================================================================================
# The HTML report in a real browser

CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  var t = e.target && e.target.nodeType === 1 ? e.target : null;
  window.__csp.push({directive: e.violatedDirective, blocked: e.blockedURI || '',
                     tag: t ? t.tagName : '', text: t ? (t.textContent || '').slice(0, 200) : ''});
}, true);
"""

PAGE_FACTS = """
var all = Array.prototype.slice.call(document.querySelectorAll('*'));
return {
  pwned: document.documentElement.getAttribute('data-pwned'),
  scripts: Array.prototype.map.call(document.scripts, function (s) { return s.src || s.textContent; }),
  handlers: all.filter(function (el) {
    return Array.prototype.some.call(el.attributes, function (a) { return /^on/i.test(a.name); });
  }).map(function (el) { return el.outerHTML.slice(0, 120); }),
  injected: Array.prototype.map.call(
    document.querySelectorAll('img, iframe, object, embed, base, link, meta[http-equiv="refresh"], style:not(head > style)'),
    function (el) { return el.outerHTML.slice(0, 120); }),
  links: Array.prototype.map.call(document.querySelectorAll('a[href]'), function (a) { return a.href; }),
  csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '',
  text: document.body.innerText,
  violations: window.__csp || []
};
"""


def test_hostile_report_runs_no_injected_script_in_chromium(hostile_run: HostileRun, chromium):
    if hostile_run.report is None:
        pytest.skip("`marsad report` is absent: the report's browser test cannot run")
    index = hostile_run.report_dir / "index.html"
    assert index.exists(), sorted(p.name for p in hostile_run.report_dir.iterdir())
    chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    chromium.get_log("browser"), chromium.get_log("performance")  # drop the start page's
    chromium.get(index.as_uri())
    facts = chromium.execute_script(PAGE_FACTS)
    console = chromium.get_log("browser")
    network = [json.loads(entry["message"])["message"] for entry in chromium.get_log("performance")]

    # no injected script ran, no injected element or handler exists in the page
    assert facts["pwned"] is None, f"an injected script ran: {facts['pwned']}"
    assert facts["handlers"] == [], facts["handlers"]
    assert facts["injected"] == [], facts["injected"]
    assert all(not s.startswith(("http", "data:", "javascript:")) for s in facts["scripts"])
    # the hostile text is shown as text (escaped, not dropped)
    assert "onerror=" in facts["text"] and "<script>" in facts["text"]
    # links are http(s) only; javascript: and data: URLs are plain text
    assert all(link.startswith(("http://", "https://")) for link in facts["links"]), facts["links"]
    assert "javascript:document.documentElement" in facts["text"]
    # the CSP allows the page's own inline scripts by hash, and nothing from the network
    csp = dict(d.strip().split(" ", 1) for d in facts["csp"].split(";") if d.strip())
    assert csp.get("default-src") == "'none'", facts["csp"]
    assert "'unsafe-inline'" not in csp.get("script-src", "") and "'unsafe-eval'" not in facts["csp"]
    own_scripts = [s for s in facts["scripts"] if s.strip()]
    assert own_scripts, "the report has no script of its own"
    from marsad.safety import script_hash

    for source in own_scripts:
        assert script_hash(source) in csp.get("script-src", ""), "an own script is not allowed by the CSP"
    # the page's own scripts were not blocked: any violation is an injected one
    own = [
        v
        for v in facts["violations"]
        if v["tag"] == "SCRIPT" and any(s.startswith(v["text"][:200]) for s in own_scripts) and v["text"]
    ]
    assert own == [], own
    errors = [e["message"] for e in console if e["level"] == "SEVERE"]
    assert not [m for m in errors if "Content Security Policy" not in m], errors
    # the report works with no network: nothing but the file itself (and data: URIs) loaded
    requested = [
        m["params"]["request"]["url"] for m in network if m.get("method") == "Network.requestWillBeSent"
    ]
    assert index.as_uri() in requested
    assert [u for u in requested if u.split(":", 1)[0].lower() in ("http", "https", "ws", "wss", "ftp")] == []
