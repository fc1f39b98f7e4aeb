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
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "ھ": "ه", "ۀ": "ه",
    "٫": ".", "٬": ",",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic ٠-٩
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Eastern (Persian/Urdu) ۰-۹

_SPACE = re.compile(r"\s")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalize `text` and map each output character to its source index."""
    out: list[str] = []
    index: list[int] = []
    prev_space = True  # drops leading whitespace
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        if _SPACE.match(ch):
            if prev_space:
                continue
            out.append(" ")
            index.append(i)
            prev_space = True
            continue
        out.append(_FOLD.get(ch, ch))
        index.append(i)
        prev_space = False
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


_TABLE = str.maketrans({**{c: None for c in _DROP}, **_FOLD})
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Fold `text` for matching (see module docstring). Idempotent."""
    return _SPACES.sub(" ", text.translate(_TABLE)).strip()


def span_to_original(index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of normalized text back to a span of the original string."""
    if end <= start:
        pos = index[start] if start < len(index) else (index[-1] + 1 if index else 0)
        return pos, pos
    return index[start], index[end - 1] + 1
