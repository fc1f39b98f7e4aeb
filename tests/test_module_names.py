"""Every module-level name of the package is bound once.

A second `NAME = re.compile(...)` further down a long module silently replaces the first for
every function that reads it, including those written against the first (0.6.103 found two:
an anniversary pattern added under a name already in use, which changed how dates were read,
and a pattern that had been dead since it was shadowed). Ruff flags redefined functions and
imports, not rebound constants.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "marsad"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        # (an annotated placeholder filled in later, "_STARTERS: frozenset[str] = frozenset()"
        # before the tables it is built from, declares the name: the later binding is its value)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_module_level_names_are_bound_once(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    twice = sorted(name for name, n in Counter(_top_level_names(tree)).items() if n > 1 and name != "__all__")
    assert twice == [], f"{path.name} binds these names more than once: {twice}"


def test_the_check_finds_a_rebound_name():
    tree = ast.parse("A = 1\ndef f():\n    return A\nA = 2\n")
    assert [n for n, k in Counter(_top_level_names(tree)).items() if k > 1] == ["A"]
