"""Arabic normalization for matching only: evidence always keeps the original text.

`normalize(text)` folds the variation that does not change meaning for matching:
diacritics (tashkeel) and tatweel are dropped, alef/hamza forms fold to bare alef,
ta marbuta to ha, alef maqsura to ya, Arabic-Indic and Eastern digits to ASCII,
zero-width and bidi marks are dropped, whitespace runs become one space.

`normalize_with_map(text)` also returns, for every character of the normalized
string, the index of the original character it came from, so a match found in the
normalized text maps back to an exact span of the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# Characters removed outright: tashkeel U+064B-U+0652, superscript alef U+0670,
# Quranic marks U+0610-U+061A and U+06D6-U+06ED, tatweel U+0640,
# zero-width and bidi controls.
_DROP = set(
    [chr(c) for c in range(0x064B, 0x0653)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u061c", "\u00ad"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ک": "ك",
    "ڪ": "ك",
    "ھ": "ه",
    "ۀ": "ه",
    "٫": ".",
    "٬": ",",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic ٠-٩
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Eastern (Persian/Urdu) ۰-۹

_SPACE = re.compile(r"\s")
_TABLE = str.maketrans({**{c: None for c in _DROP}, **_FOLD})
_SPACES = re.compile(r"\s+")

# str.translate looks every character up in a dict (slow on Arabic text); a text holds
# only a handful of distinct characters that change, so find them with one C-level
# scan and replace each one everywhere with str.replace (same result: no replacement
# produces a character that is itself replaced).
_REPLACE = {c: "" for c in _DROP} | _FOLD
_CHANGING = re.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACE)) + "]")
_FOLDING = re.compile("[" + "".join(re.escape(c) for c in sorted(_FOLD)) + "]")


def _replace_all(text: str, search, table: dict[str, str]) -> str:
    m = search(text)
    while m is not None:
        ch = m.group()
        pos = m.start()
        text = text.replace(ch, table[ch])
        m = search(text, pos)
    return text


def contains_any(text: str, needles: tuple[str, ...]) -> bool:
    """Does `text` hold any of these literals? (`in` is a fast C scan; the stages test the
    literals every match of a pattern holds before running the pattern.)"""
    for needle in needles:
        if needle in text:
            return True
    return False


def normalize(text: str) -> str:
    """Fold `text` for matching (see module docstring). Idempotent."""
    # str.split() and re's \s agree on what whitespace is: same as
    # _SPACES.sub(" ", text.translate(_TABLE)).strip()
    return " ".join(_replace_all(text, _CHANGING.search, _REPLACE).split())


def fold(text: str) -> str:
    """The one-to-one folds of normalize() only (no character dropped, no whitespace
    collapsed): the result has the length of `text`, offsets are shared."""
    return _replace_all(text, _FOLDING.search, _FOLD)


# ----------------------------------------------------------------------------------
# Normalized text with a piecewise offset map (shared by the entity finders)

_DROP_CHARS = frozenset(_DROP)
_DROP_CLASS = "".join(re.escape(c) for c in sorted(_DROP))
_RUN_CLASS = f"[{_DROP_CLASS}\\s]"
# A run of whitespace/dropped characters that is not exactly one plain space between words
# (the reference definition; Normalized scans with _RUN_SEEK).
_RUN = re.compile(f"^{_RUN_CLASS}+|{_RUN_CLASS}+$|(?! (?=[^{_DROP_CLASS}\\s])){_RUN_CLASS}+")
# Speed: the same matches as _RUN.finditer, written to open with a character class so that
# sre skips in a tight C loop to the next whitespace / dropped character (instead of trying
# a match at every position; 3x faster on news sentences). A run starts at any such
# character, except a single plain space with text on both sides. \s is spelled out (every
# str.isspace() character is below U+3001) so that the class is one bitmap.
SPACE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_RUN_CHARS = "[" + _DROP_CLASS + re.escape(SPACE_CHARS) + "]"
_RUN_SEEK = re.compile(f"{_RUN_CHARS}(?:(?<! )|(?={_RUN_CHARS})|(?<=\\A )|\\Z){_RUN_CHARS}*")
# Speed: _RUN_SEEK stops at every space of a sentence (each may start a run). It finds no
# run at all in a text whose only whitespace / dropped characters are single plain spaces
# between other characters, which is most sentences: a scan for the other characters of
# the class (none of them a plain space, so sre does not stop until it finds one) tells.
_RUN_NOT_SPACE = re.compile("[" + _DROP_CLASS + re.escape(SPACE_CHARS.replace(" ", "")) + "]")
_WS = re.compile(r"\s")


class Normalized:
    """normalize(text) with a piecewise map back to original offsets.

    `norm` is normalize(text) exactly. Between runs of whitespace / dropped characters
    the normalized text is the folded original, character for character: piece k
    starts at `_nstarts[k]` in `norm` and at `_ostarts[k]` in `text`. `orig(i)` equals
    normalize_with_map(text)[1][i]. (`_index` is always None; kept for readers that
    test it.)
    """

    __slots__ = ("norm", "text", "_nstarts", "_ostarts", "_index")

    def __init__(self, text: str):
        self.text = text
        self._index: list[int] | None = None
        folded = fold(text)
        if (
            _RUN_NOT_SPACE.search(text) is None
            and "  " not in text
            and not text.startswith(" ")
            and not text.endswith(" ")
        ):
            # no run (see _RUN_NOT_SPACE): the loop below would make one piece of it all
            self.norm = folded
            self._nstarts = [0] if text else []
            self._ostarts = [0] if text else []
            return
        norm_parts: list[str] = []
        nstarts: list[int] = []
        ostarts: list[int] = []
        npos = 0
        opos = 0
        n = len(text)
        ws_search = _WS.search
        for m in _RUN_SEEK.finditer(text):
            ms, me = m.span()
            if ms > opos:
                nstarts.append(npos)
                ostarts.append(opos)
                norm_parts.append(folded[opos:ms])
                npos += ms - opos
            if ms > 0 and me < n and npos > 0:
                ws = ws_search(text, ms, me)
                if ws is not None:
                    nstarts.append(npos)
                    ostarts.append(ws.start())
                    norm_parts.append(" ")
                    npos += 1
            opos = me
        if opos < n:
            nstarts.append(npos)
            ostarts.append(opos)
            norm_parts.append(folded[opos:] if opos else folded)
        self.norm = "".join(norm_parts)
        self._nstarts = nstarts
        self._ostarts = ostarts

    def orig(self, npos: int) -> int:
        """The original offset of normalized character `npos`."""
        k = bisect_right(self._nstarts, npos) - 1
        return self._ostarts[k] + (npos - self._nstarts[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of norm[start:end], with any diacritics that end its last word."""
        nstarts, ostarts = self._nstarts, self._ostarts  # orig(), inlined: one call per hit
        k = bisect_right(nstarts, end - 1) - 1
        oend = ostarts[k] + (end - 1 - nstarts[k]) + 1
        text = self.text
        size = len(text)
        while oend < size and text[oend] in _DROP_CHARS and not text[oend].isspace():
            oend += 1
        k = bisect_right(nstarts, start) - 1
        return ostarts[k] + (start - nstarts[k]), oend

    def index(self) -> list[int]:
        """normalize_with_map(text)[1]: every normalized character's original offset."""
        out: list[int] = []
        if not self._nstarts:
            return out
        ends = self._nstarts[1:] + [len(self.norm)]
        for ns, ne, os_ in zip(self._nstarts, ends, self._ostarts, strict=True):
            out.extend(range(os_, os_ + ne - ns))
        return out


@lru_cache(maxsize=512)
def prepare(text: str) -> Normalized:
    """Normalized(text), cached: the sentence an article's finders all read is folded once."""
    return Normalized(text)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalize `text` and map each output character to its source index."""
    t = prepare(text)
    return t.norm, t.index()


def span_to_original(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of normalized text back to a span of the original string."""
    if end <= start:
        pos = index[start] if start < len(index) else (index[-1] + 1 if index else 0)
        return pos, pos
    return index[start], index[end - 1] + 1
