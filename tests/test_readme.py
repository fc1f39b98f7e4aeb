"""README.md's pasted query results stay true.

Every fenced ```sql block of README.md followed by a bare fenced block (its pasted output)
is run with `marsad sql QUERY --db DB` (the command the README says produced it) on a
warehouse built from the bundled corpus, and the output must equal the pasted one.

The warehouse is built by the engine (`marsad.pipeline.run`, no Prefect API): its tables
are those `marsad run` writes on the default sources.yaml (the bundled corpus), except
`articles.source_name` ('input', not 'bundled') and the load timestamps, which no README
query may read (checked below).

How an output is compared:
- trailing whitespace of every line and blank lines around the block are ignored;
- the table's `N row(s)` caption is left out of the README (the README says so);
- a block cut short ends with the line `… (N more rows)`: the lines above it must be the
  first lines of the output and exactly N more rows must follow them;
- a query heading saying "first K of M" must end with `limit K`, and the query without
  that limit must return M rows.

After the extractor changes, refresh the README with

    .venv/bin/python tests/test_readme.py --write

(rewrites the outputs of the README's query blocks, keeping each block's cut; the words
around them are yours to check), then read the diff.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
CORPUS = REPO / "samples" / "corpus" / "articles.jsonl"
QUERIES_SECTION = "### Ten ready queries"

# "… (12 more rows)" as the last line of a pasted output: the output was cut there.
MORE_ROWS = re.compile(r"^(?:…|\.\.\.) \((\d+) more rows?\)$")
CAPTION = re.compile(r"^(\d+)row\(s\)$")  # spaces removed
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
FIRST_OF = re.compile(r"\bfirst (\d+) of (\d+)\b")
LIMIT = re.compile(r"\s+limit\s+(\d+)\s*;?\s*$", re.IGNORECASE)
# the only columns in which the engine's warehouse differs from `marsad run`'s
RUN_SPECIFIC_COLUMNS = ("source_name", "fetched_at", "extracted_at", "created_at")


# ---------------------------------------------------------------- README parsing


@dataclass
class Block:
    info: str  # the fence's info string ("sql", "" ...)
    start: int  # index of the opening fence line
    end: int  # index of the closing fence line
    lines: list[str]


@dataclass
class Example:
    """A ```sql block and the output block right after it."""

    query: str
    output: Block
    heading: str  # the bold line (`**3. ...**`) above the query, or ""
    section: str  # the nearest markdown heading above the query
    line: int  # 1-based line of the query's opening fence

    @property
    def label(self) -> str:
        number = re.match(r"\*\*(\d+)\.", self.heading)
        return f"query-{number.group(1)}" if number else f"line-{self.line}"


def fenced_blocks(lines: list[str]) -> list[Block]:
    blocks, index = [], 0
    while index < len(lines):
        opening = re.match(r"^```(.*)$", lines[index])
        if not opening:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end].rstrip() != "```":
            end += 1
        if end == len(lines):
            raise ValueError(f"README.md:{index + 1}: fenced block never closed")
        blocks.append(Block(opening.group(1).strip(), index, end, lines[index + 1 : end]))
        index = end + 1
    return blocks


def examples(text: str) -> list[Example]:
    """Every ```sql block directly followed (blank lines aside) by a bare ``` block."""
    lines = text.splitlines()
    blocks = fenced_blocks(lines)
    found = []
    for query, output in zip(blocks, blocks[1:], strict=False):
        between = lines[query.end + 1 : output.start]
        if query.info != "sql" or output.info != "" or any(line.strip() for line in between):
            continue
        above = lines[: query.start]
        heading = next((line for line in reversed(above) if line.startswith("**")), "")
        section = next((line for line in reversed(above) if line.startswith("#")), "")
        found.append(Example("\n".join(query.lines), output, heading, section, query.start + 1))
    return found


def section_lines(text: str, title: str) -> list[str]:
    """The lines of one section, up to the next heading of the same or a higher level."""
    lines = text.splitlines()
    start = lines.index(title)
    level = len(title) - len(title.lstrip("#"))
    heading = re.compile(rf"^#{{1,{level}}} ")
    end = next((i for i in range(start + 1, len(lines)) if heading.match(lines[i])), len(lines))
    return lines[start:end]


# ---------------------------------------------------------------- running and comparing


def tidy(lines: list[str]) -> list[str]:
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def sql_output(db: Path, query: str) -> tuple[list[str], int]:
    """`marsad sql QUERY --db DB` as the README shows it: its lines without the `N row(s)`
    caption, and that N."""
    import contextlib
    import io

    from marsad.cli import main

    buffer = io.StringIO()  # not a terminal: rich renders 200 columns wide, no colours
    saved = {name: os.environ.pop(name, None) for name in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    try:
        with contextlib.redirect_stdout(buffer):
            code = main(["sql", query, "--db", str(db)])
    finally:
        os.environ.update({name: value for name, value in saved.items() if value is not None})
    assert code == 0, f"marsad sql failed on:\n{query}"
    lines = tidy(ANSI.sub("", buffer.getvalue()).splitlines())
    # the caption: the lines under the bottom border (a narrow table wraps it)
    bottom = max((i for i, line in enumerate(lines) if line.startswith("└")), default=None)
    caption = CAPTION.match("".join(lines[bottom + 1 :]).replace(" ", "")) if bottom is not None else None
    assert caption, f"no `N row(s)` caption under the table of:\n{query}"
    return lines[: bottom + 1], int(caption.group(1))


def header_end(lines: list[str]) -> int | None:
    """Index just past a rich table's header (its `┡━━━┩` line), None when there is none."""
    return next((i + 1 for i, line in enumerate(lines) if line.startswith("┡")), None)


def mismatch(pasted: list[str], actual: list[str], rows: int) -> str | None:
    """Why a pasted output is not the actual one (None when it is)."""
    pasted = tidy(pasted)
    more = MORE_ROWS.match(pasted[-1].strip()) if pasted else None
    if more is None:
        if pasted == actual:
            return None
        return "pasted output differs from the actual one:\n" + diff(pasted, actual)
    shown = pasted[:-1]
    if actual[: len(shown)] != shown:
        return "shown rows differ from the actual output's first lines:\n" + diff(shown, actual[: len(shown)])
    start = header_end(shown)
    if start is None or len(shown) == start:
        return "a cut output must show the header and at least one row above the `… (N more rows)` line"
    if len(actual) - header_end(actual) - 1 != rows:  # rows + the bottom border
        return f"a cell of this table wraps over several lines: do not cut it ({rows} rows)"
    left = rows - (len(shown) - start)
    if left != int(more.group(1)):
        return f"the marker says {more.group(1)} more rows, the output has {left} more"
    return None


def diff(expected: list[str], actual: list[str]) -> str:
    return "\n".join(difflib.unified_diff(expected, actual, "README.md", "marsad sql", lineterm=""))


def build_warehouse(root: Path) -> Path:
    """The bundled corpus through the engine (what `marsad run` does, without Prefect)."""
    from marsad import pipeline

    db = root / "w.duckdb"
    pipeline.run(db, root / "export", inputs=[CORPUS])
    return db


# ---------------------------------------------------------------- tests

TEXT = README.read_text(encoding="utf-8")
EXAMPLES = examples(TEXT)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("readme"))


def test_readme_queries_section_pairs_every_query_with_an_output():
    section = section_lines(TEXT, QUERIES_SECTION)
    in_section = [e for e in EXAMPLES if e.section == QUERIES_SECTION]
    sql_blocks = [b for b in fenced_blocks(section) if b.info == "sql"]
    assert len(in_section) == len(sql_blocks) == 10, (
        f"{len(sql_blocks)} ```sql blocks in '{QUERIES_SECTION}', {len(in_section)} with an output block"
    )
    assert [e.label for e in in_section] == [f"query-{n}" for n in range(1, 11)]
    for example in EXAMPLES:
        read = [c for c in RUN_SPECIFIC_COLUMNS if re.search(rf"\b{c}\b", example.query)]
        assert not read, f"{example.label} reads {read}, which differ between the engine and `marsad run`"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.label)
def test_readme_query_output_matches_pasted(db, example):
    actual, rows = sql_output(db, example.query)
    problem = mismatch(example.output.lines, actual, rows)
    if problem:
        pytest.fail(
            f"README.md:{example.line} ({example.heading or example.section}): {problem}\n"
            "refresh with: .venv/bin/python tests/test_readme.py --write",
            pytrace=False,
        )


COUNTED = [e for e in EXAMPLES if FIRST_OF.search(e.heading)]


@pytest.mark.parametrize("example", COUNTED, ids=lambda e: e.label)
def test_readme_first_k_of_m_heading_matches(db, example):
    shown, total = map(int, FIRST_OF.search(example.heading).groups())
    limit = LIMIT.search(example.query)
    assert limit and int(limit.group(1)) == shown, f"{example.label}: says first {shown}, query: {limit}"
    _, rows = sql_output(db, example.query[: limit.start()])
    assert rows == total, f"{example.label}: heading says first {shown} of {total}, there are {rows}"


def test_readme_corpus_summary_matches(db):
    import duckdb

    from marsad.extract import EXTRACTOR_VERSION

    section = "\n".join(section_lines(TEXT, QUERIES_SECTION))
    claim = re.search(r"`samples/corpus/articles\.jsonl`: (\d+) articles", section)
    version = re.search(r"with extractor ([\w.]+): (\d+) incidents", section)
    assert claim and version, "the corpus summary sentence of the queries section moved"
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("select count(*) from articles").fetchone()[0]
        incidents = con.execute("select count(*) from incidents").fetchone()[0]
    finally:
        con.close()
    assert (int(claim.group(1)), version.group(1), int(version.group(2))) == (
        articles,
        EXTRACTOR_VERSION,
        incidents,
    )


def test_readme_wrong_pasted_number_fails(db):
    """The check is not vacuous: one digit changed in a pasted output is caught."""
    example = next(e for e in EXAMPLES if e.label == "query-1")
    actual, rows = sql_output(db, example.query)
    row = next(i for i, line in enumerate(actual) if re.search(r"│\s+\d", line))
    wrong = list(actual)
    wrong[row] = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), wrong[row], count=1)
    assert mismatch(actual, actual, rows) is None
    assert "differs" in mismatch(wrong, actual, rows)
    assert "shown rows differ" in mismatch(wrong + ["… (0 more rows)"], actual, rows)


def test_readme_cut_output_compares_shown_rows_and_count():
    table = [
        "┏━━━┓",
        "┃ n ┃",
        "┡━━━┩",
        "│ 1 │",
        "│ 2 │",
        "│ 3 │",
        "└───┘",
    ]
    assert mismatch(table[:4] + ["… (2 more rows)"], table, 3) is None
    assert mismatch(table[:5] + ["... (1 more row)  "], table, 3) is None
    assert "2 more" in mismatch(table[:4] + ["… (3 more rows)"], table, 3)
    assert "shown rows differ" in mismatch(table[:3] + ["│ 9 │", "… (2 more rows)"], table, 3)
    assert "header" in mismatch(table[:3] + ["… (3 more rows)"], table, 3)
    assert "differs" in mismatch(table[:4], table, 3)  # cut without saying so


# ---------------------------------------------------------------- refreshing the README


def refresh(text: str, db: Path) -> str:
    """README text with each pasted output replaced by the current one; a cut block keeps
    its number of shown rows, with the marker's count updated."""
    lines = text.splitlines()
    for example in sorted(examples(text), key=lambda e: e.output.start, reverse=True):
        actual, rows = sql_output(db, example.query)
        pasted = tidy(example.output.lines)
        more = MORE_ROWS.match(pasted[-1].strip()) if pasted else None
        new = actual
        if more:
            start = header_end(actual)
            shown = min(len(pasted) - 1 - header_end(pasted), rows)
            if shown < rows:
                left = rows - shown
                new = actual[: start + shown] + [f"… ({left} more row{'s' if left != 1 else ''})"]
        lines[example.output.start + 1 : example.output.end] = new
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


if __name__ == "__main__":
    import tempfile

    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/test_readme.py --write   (rewrites README.md's pasted query outputs)")
    with tempfile.TemporaryDirectory() as root:
        warehouse = build_warehouse(Path(root))
        updated = refresh(TEXT, warehouse)
    if updated != TEXT:
        README.write_text(updated, encoding="utf-8")
        print("README.md: outputs rewritten; check the words around them (git diff README.md)")
    else:
        print("README.md: outputs already current")
