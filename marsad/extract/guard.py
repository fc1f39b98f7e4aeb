r"""Regexes run only on a text that holds a literal every one of their matches holds.

Most of the assembler's patterns open with `(?:^|\s)` (a word start), which sre tries at
every position of the text it searches, and most searches find nothing: the sentence holds
no word of the pattern. `in`, a C scan, tells that for a fraction of the cost. `guarded`
reads the literals off the pattern itself (or off the word list it was built from), so a
guard cannot drift from its pattern; a pattern whose opening is not simple enough to read
stays bare.

Measured (callgrind, 200 synthetic articles of 1-4 KB, as `make bench` counts them):
the assembler's patterns guarded (every module-level one and those of its vocabulary),
10.68 -> 9.80 M instructions per article for the whole extractor; 88 % of their searches
(272k of 308k over 2,119 articles) end at the guard.
"""

from __future__ import annotations

import re


class Guarded:
    """A compiled pattern every match of which holds one of `stems`, run only on a text that
    holds one (search, match and finditer give what the bare pattern gives)."""

    __slots__ = ("bare", "stems")

    def __init__(self, pattern: re.Pattern, stems: tuple[str, ...]) -> None:
        self.bare, self.stems = pattern, stems

    def search(self, text: str, *bounds):
        for stem in self.stems:
            if stem in text:
                return self.bare.search(text, *bounds)
        return None

    def match(self, text: str, *bounds):
        for stem in self.stems:
            if stem in text:
                return self.bare.match(text, *bounds)
        return None

    def finditer(self, text: str, *bounds):
        for stem in self.stems:
            if stem in text:
                return self.bare.finditer(text, *bounds)
        return iter(())

    def __getattr__(self, name: str):
        return getattr(self.bare, name)


def search_in(pattern: re.Pattern | Guarded, window: str, text: str, pos: int, endpos: int):
    """pattern.search(text, pos, endpos), its guard read on `window`, the text[pos:endpos]
    the caller already holds (a match lies in it, and so do the literals it holds), not on
    the whole text. A bare pattern is searched as it is."""
    if not isinstance(pattern, Guarded):
        return pattern.search(text, pos, endpos)
    for stem in pattern.stems:
        if stem in window:
            return pattern.bare.search(text, pos, endpos)
    return None


def guarded(pattern: re.Pattern, words: list[str] | None = None) -> re.Pattern | Guarded:
    """`pattern` guarded by the literals it requires: those of `words` (the word list it was
    built from, one of which every match holds) or, without them, of the pattern itself.
    The bare pattern when they cannot be read."""
    stems: set[str] = set()
    for word in [pattern.pattern] if words is None else words:
        got = required_literals(word)
        if not got:
            return pattern
        stems.update(got)
    if min(map(len, stems)) < 2:
        return pattern  # (a one-letter stem is in nearly every text: no guard)
    # (a stem holding a shorter one is found whenever the shorter one is)
    kept = tuple(sorted(x for x in stems if not any(y != x and y in x for y in stems)))
    return Guarded(pattern, kept)


def compile_guarded(source: str) -> re.Pattern | Guarded:
    pattern = re.compile(source)
    if source.startswith("^"):
        return pattern  # (anchored: sre tries it at one position only, the guard costs more)
    return guarded(pattern)


_META = frozenset("\\()[].?*+{}|^$")
_LOOKAROUND = ("(?<!", "(?<=", "(?!", "(?=")


def _skip_class(rx: str, i: int) -> int | None:
    """The index after the character class opening at rx[i] ("[")."""
    j = i + 1
    if j < len(rx) and rx[j] == "^":
        j += 1
    if j < len(rx) and rx[j] == "]":
        j += 1  # a "]" first is a member
    while j < len(rx):
        if rx[j] == "\\":
            j += 2
            continue
        if rx[j] == "]":
            return j + 1
        j += 1
    return None


def _structure(rx: str, i: int = 0):
    """(index, character) of the characters of rx[i:] that shape it (escapes and character
    classes passed over); raises ValueError on an unclosed class."""
    while i < len(rx):
        ch = rx[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            end = _skip_class(rx, i)
            if end is None:
                raise ValueError(rx)
            i = end
            continue
        yield i, ch
        i += 1


def _alternatives(rx: str) -> list[str] | None:
    """The top-level alternatives of a regex (None when a bracket is unbalanced)."""
    parts, depth, start = [], 0, 0
    try:
        for i, ch in _structure(rx):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    return None
            elif ch == "|" and depth == 0:
                parts.append(rx[start:i])
                start = i + 1
    except ValueError:
        return None
    return None if depth else [*parts, rx[start:]]


def _group_end(rx: str, i: int) -> int | None:
    """The index after the group opening at rx[i] ("(")."""
    depth = 0
    try:
        for j, ch in _structure(rx, i):
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
    except ValueError:
        return None
    return None


def _quantifier_end(rx: str, j: int) -> tuple[int, bool]:
    """(index after the quantifier at rx[j], if any; whether the atom may be absent)."""
    if j < len(rx) and rx[j] in "?*+":
        optional = rx[j] != "+"
        j += 1
    elif j < len(rx) and rx[j] == "{":
        close = rx.find("}", j)
        if close < 0:
            return j, True
        optional = rx[j + 1 : close].split(",")[0].strip() in ("", "0")
        j = close + 1
    else:
        return j, False
    if j < len(rx) and rx[j] in "?+":
        j += 1  # lazy or possessive
    return j, optional


def required_literals(rx: str) -> list[str] | None:
    """Literals one of which every match of `rx` holds, read off its opening: its atoms are
    passed (lookarounds, anchors, classes, escapes, optional parts, groups that give no
    literal) up to the first literal run or group that gives one; None when there is none
    or the pattern is not that simple (inline flags, backreferences)."""
    alternatives = _alternatives(rx)
    if alternatives is None:
        return None
    if len(alternatives) > 1:
        out: list[str] = []
        for alt in alternatives:
            got = required_literals(alt)
            if not got:
                return None
            out += got
        return out
    i = 0
    while i < len(rx):
        ch = rx[i]
        if ch == "(":
            j = _group_end(rx, i)
            if j is None:
                return None
            group = rx[i:j]
            if group.startswith(_LOOKAROUND):
                i = j  # zero-width
                continue
            if group.startswith("(?:"):
                inner = group[3:-1]
            elif group.startswith("(?P<"):
                inner = group[group.index(">") + 1 : -1]
            elif group.startswith("(?"):
                return None  # inline flags, a conditional, a named backreference
            else:
                inner = group[1:-1]
            i, optional = _quantifier_end(rx, j)
            if not optional and (got := required_literals(inner)):
                if i == j and _pure(inner):
                    return _joined(got, rx, i)
                return got
            continue
        if ch == "[" or ch == "\\" or ch == ".":
            if ch == "[":
                end = _skip_class(rx, i)
                if end is None:
                    return None
            elif ch == "\\":
                nxt = rx[i + 1 : i + 2]
                if nxt.isdigit() or nxt in ("g", "k"):
                    return None  # a backreference
                # (a character by its code: \x22, \u00bb, \U0001f4a5, \N{...})
                end = i + {"x": 4, "u": 6, "U": 10}.get(nxt, 2)
                if nxt == "N":
                    end = rx.find("}", i) + 1 or len(rx)
            else:
                end = i + 1
            i, _ = _quantifier_end(rx, end)
            continue
        if ch == "^":
            i += 1
            continue
        if ch in _META:  # "$", or a quantifier with nothing to quantify
            return None
        k = i
        while k < len(rx) and rx[k] not in _META:
            k += 1
        end, optional = _quantifier_end(rx, k)
        literal = rx[i:k]
        if end != k:
            literal = literal[:-1]  # the quantifier is of its last character
            if not literal:
                i = end  # an optional first letter ("ب?تورطه"): read on after it
                continue
            return [literal]
        return _joined([literal], rx, k)
    return None


def _pure(rx: str) -> bool:
    """Is every alternative of `rx` a plain literal?"""
    return not any(ch in _META for ch in rx.replace("|", ""))


def _joined(literals: list[str], rx: str, i: int) -> list[str]:
    """`literals` (each a whole alternative, ending at rx[i]) with what rx[i:] requires right
    after them: a literal run, or a group of plain alternatives ("ال(?:هجوم|قصف)"), that
    may not be absent (at most 16 joined literals: each is one more `in` scan)."""
    while i < len(rx):
        if rx[i] == "(" and rx.startswith("(?:", i):
            j = _group_end(rx, i)
            if j is None:
                return literals
            inner = rx[i + 3 : j - 1]
            end, optional = _quantifier_end(rx, j)
            if optional or end != j or not _pure(inner):
                return literals
            options = inner.split("|")
            if len(literals) * len(options) > 16:
                return literals
            literals = [a + b for a in literals for b in options]
            i = j
            continue
        k = i
        while k < len(rx) and rx[k] not in _META:
            k += 1
        if k == i:
            return literals
        end, _ = _quantifier_end(rx, k)
        run = rx[i:k] if end == k else rx[i : k - 1]
        literals = [a + run for a in literals]
        if end != k:
            return literals
        i = k
    return literals
