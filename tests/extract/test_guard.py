"""Guarded patterns: a literal read off a regex must be one every match holds, or the guard
would hide a match the bare pattern finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import assemble
from marsad.extract.guard import Guarded, compile_guarded, guarded, required_literals, search_in
from marsad.extract.normalize import normalize

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("rx", "literals"),
    [
        ("استهدفت?", ["استهدف"]),  # the quantified last letter is left out
        (r"ب?تورطه(?:م|ا)? في", ["تورطه"]),  # an optional first letter is passed
        (r"(?:^|\s)عبر\s+(?:\S+\s+)?", ["عبر"]),  # anchors and classes are passed
        (r"(?<!عن )بعد(?: \S+){0,3}? من", ["بعد"]),  # lookarounds are zero-width
        (r"(?:ال)?(?:مقر|منزل)\S*", ["مقر", "منزل"]),  # an optional group passed, a group's alternatives
        (r"ال(?:هجوم|قصف)ين", ["الهجومين", "القصفين"]),  # plain alternatives joined to what follows
        (r"ال(?:هجوم|قصف)?ين", ["ال"]),  # ... not an optional group
        (r"قبل (?:ايام|يومين)", ["قبل ايام", "قبل يومين"]),
        (r"abc?d", ["ab"]),
        (r"a{2}b", ["b"]),
        (r"a{0,2}bc", ["bc"]),
        (r"[\x22“]abc", ["abc"]),
        (r"\x22abc", ["abc"]),  # (a character by its code is one atom, not "x22abc")
        (r"\u00bbabc", ["abc"]),
        (r"(?:x|y)+z", ["x", "y"]),
        (r"ab|c?d", ["ab", "d"]),
        (r"\d+\s*قتيل", ["قتيل"]),
        (r"(?P<n>قتل)ى", ["قتلى"]),
        # nothing every match must hold, or too hard to read: no guard
        (r"(?:ab|\s)c?", None),
        (r"x?y?", None),
        (r"(?i)abc", None),
        (r"(a)\1", ["a"]),
        (r"\1a", None),
        (r"^$", None),
    ],
)
def test_required_literals(rx, literals):
    assert required_literals(rx) == literals


def test_a_one_letter_stem_guards_nothing():
    # "(?:^|\s)و" holds "و", which nearly every Arabic sentence holds: the bare pattern
    assert isinstance(compile_guarded(r"(?:^|\s)و(?:قال)"), Guarded)
    assert isinstance(compile_guarded(r"(?:^|\s)و\S+"), re.Pattern)


def test_a_guarded_pattern_answers_as_the_bare_one():
    g = compile_guarded(r"(?:^|\s)(?:و|ف)?(?:استهدف|قصف)\S*\s+(\S+)")
    assert isinstance(g, Guarded)
    text = "وقصفت الطائرات موقعا، واستهدف مسلحون نقطة"
    assert g.search(text).span() == g.bare.search(text).span()
    assert g.search(text, 8).group(1) == "مسلحون"
    assert [m.span() for m in g.finditer(text)] == [m.span() for m in g.bare.finditer(text)]
    assert g.match("قصف المدينة").group(1) == "المدينة"
    assert g.search("لا شيء هنا") is None
    assert list(g.finditer("لا شيء هنا")) == []
    assert g.pattern == g.bare.pattern  # (the pattern's attributes are reached through it)
    assert g.groups == 1


# Patterns of the shapes the assembler writes, over texts from a small alphabet that holds
# their letters: whatever the guard reads off them, it never hides a match.
SHAPES = [
    r"(?:^|\s)(?:و|ب)?(?:ال)?(?:ab|ac)d?(?:\s|$)",
    r"a?bc+|(?:^|\s)d",
    r"(?<!a )b(?: \S+){0,2}? c",
    r"(?:a|b)(?:c|d)e",
    r"a{1,2}b",
    r"[ab]?c(?:d|e)?f$",
    r"^(?:\S+\s+){0,3}?(?:a\s+)?(?:ab|ba)",
    r"(?:ab)?(?:cd)e",
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdef ", max_size=24), st.sampled_from(SHAPES))
def test_the_guard_never_hides_a_match(text, rx):
    pattern = re.compile(rx)
    g = guarded(pattern)
    found = pattern.search(text)
    assert (g.search(text) is None) == (found is None)


def test_every_assembler_pattern_answers_as_its_bare_one_on_the_samples():
    # the guards the assembler compiles, read off its own patterns, over every sentence of
    # the bundled sample corpus
    sentences = []
    for line in (REPO / "samples" / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text = json.loads(line).get("text") or ""
            sentences += [normalize(s) for s in re.split(r"[.\n،؛]", text) if s.strip()]
    guards = [v for v in vars(assemble).values() if isinstance(v, Guarded)]
    guards += [v for v in vars(assemble.vocab()).values() if isinstance(v, Guarded)]
    assert len(guards) > 200
    hidden = []
    for g in guards:
        for s in sentences:
            found = g.bare.search(s)
            if found is not None and g.search(s) is None:
                hidden.append((g.pattern[:60], s[:60]))
    assert hidden == []


def test_a_window_search_reads_a_bare_pattern_too():
    # search_in guards a search on the window its caller already holds; a pattern whose literals
    # cannot be read stays bare and is searched as it is
    text = "قال مصدر ان مسلحين هاجموا نقطة"
    bare = re.compile(r"\S{6}(?=\s)")
    assert isinstance(compile_guarded(bare.pattern), re.Pattern)
    assert search_in(bare, text[10:], text, 10, len(text)).group() == "مسلحين"
    guarded_one = compile_guarded(r"هاجم\S*")
    assert search_in(guarded_one, text[10:], text, 10, len(text)).group() == "هاجموا"
    assert search_in(guarded_one, text[:10], text, 0, 10) is None
