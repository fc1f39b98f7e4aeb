"""The extraction vocabulary (actors, places, cue words), loaded once from data files.

CONTRACT (other modules code against these signatures; keep them):

    Data files in marsad/extract/data/: actors.yaml, places.csv, cues.yaml.

    @dataclass(frozen=True)
    class ActorHit:
        actor_id: str        # an id of actors.csv
        start: int           # span on the string given
        end: int
        surface: str         # the matched original text
        kind: str            # "name" | "short" | "leader" | "generic" | "member"
                             # member: a person/unit that belongs to the actor
                             # ("عناصر الحشد", "القوات الأمريكية", "قاعدة أمريكية" -> us_forces)

    @dataclass(frozen=True)
    class PlaceHit:
        name_en: str         # "Ain al-Asad Air Base", "Amarah", "Baghdad"
        governorate: str | None   # one of governorates.csv, None outside Iraq
        country: str         # English: Iraq, Syria, Jordan, ...
        latitude: float | None
        longitude: float | None
        kind: str            # "governorate" | "city" | "district" | "base" | "airport" |
                             # "crossing" | "landmark" | "region" (spans governorates:
                             # no governorate) | "country"
        start: int
        end: int

    @dataclass(frozen=True)
    class CueHit:
        category: str        # see cues.yaml: "sub_event:<Sub event type>", "weapon:<weapon>",
                             # "claim", "denial", "interception", "accident", "aggregate",
                             # "threat", "statement", "foreign_war", ...
        start: int
        end: int
        surface: str

    find_actors(text: str) -> list[ActorHit]     # longest match wins, no overlaps
    find_places(text: str) -> list[PlaceHit]
    find_cues(text: str) -> list[CueHit]
    actor_umbrella(actor_id: str) -> str | None  # from actors.csv

AS IMPLEMENTED (additions that keep the contract):

    find_actors(text, known=()) -> list[ActorHit]
        `known`: actor ids named earlier in the article (most recent last) so that a bare
        "الكتائب", "حزب الله", "الفصيل", "السرايا" in a later sentence resolves.
    ActorHit.kind may also be "source": a body that issues statements (خلية الإعلام الأمني,
        قيادة العمليات المشتركة, البنتاغون); it names who *reports*, not who acts.
    PlaceHit also carries `surface` (the matched original text) as a last field.
    CueHit.category: the same span may carry several categories (one hit each), e.g.
        "طائرة مسيرة" -> "weapon:drone" and "sub_event:Air/drone strike". Categories of
        different layers (cues.yaml `layers`) may overlap; within a layer, longest wins.
    load_places() -> list[Place]            every gazetteer row (for dim_places)
    governorate_by_name(name) -> str | None Arabic or English, any spelling -> English name
    actor_ids() -> list[str]; actor_aliases(actor_id) -> list[tuple[str, str]]

Matching runs on normalized text (normalize.py) with a trie-shaped regular expression
(one per vocabulary, longest match first, leftmost non-overlapping), so a lookup is one
C-level scan; spans are mapped back to the original string. Every alias accepts the
proclitics و ف ب ل ك and the article (وبال، لل، فال، كال ...), and only whole words
match. Rules for ambiguous names are in docs/notes/vocab.md and beside the data.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from marsad.extract import normalize as _normalize_module
from marsad.extract.normalize import normalize

_DATA = Path(__file__).resolve().parent / "data"
_PROJECT_DATA = Path(__file__).resolve().parents[1] / "data"


# --------------------------------------------------------------------------- records


# Hit records are made by the hundred per article: slots, and not frozen, since a frozen
# dataclass's __init__ (object.__setattr__ per field) cost 2.4 % of a warm extraction's
# instructions (callgrind). Hashable by value as before; nothing assigns to them.
@dataclass(unsafe_hash=True, slots=True)
class ActorHit:
    """An actor named in the text (kinds: name, short, leader, member, generic, source)."""

    actor_id: str
    start: int
    end: int
    surface: str
    kind: str


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class PlaceHit:
    """A gazetteer place named in the text, with its governorate and coordinates."""

    name_en: str
    governorate: str | None
    country: str
    latitude: float | None
    longitude: float | None
    kind: str
    start: int
    end: int
    surface: str = ""


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class CueHit:
    """A cue phrase of one category (event type, weapon, stance, context...) in the text."""

    category: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class Place:
    """One gazetteer row of places.csv."""

    name_en: str
    name_ar: str
    aliases_ar: tuple[str, ...]
    kind: str
    governorate: str | None
    country: str
    latitude: float | None
    longitude: float | None
    requires_prefix: frozenset[str]  # normalized words; empty = matches anywhere


# --------------------------------------------------------------------------- normalization with offsets


_DROP_CHARS = _normalize_module._DROP_CHARS
# Quotation marks and brackets may stand between the words of a name, as a space does:
# news writes كتائب "حزب الله" العراقية, هيئة «الحشد الشعبي». The normalized text keeps them
# (it is normalize() exactly, shared with other stages); the matchers skip them.
# A category, not a character set: a set of non-ASCII quotes in each of thousands of
# alternatives made compiling the pattern take seconds.
QUOTES = "\"'«»“”„‟‘’‚‹›()[]{}`´"
_WORD_GAP = r"\W{1,3}"
_NON_WORD = re.compile(r"[^\w#]+")
_CLAUSE = re.compile(r"[;؛:!?؟]|(?<!\d)[،,.]|[،,.](?!\d)")  # not a decimal point


# Normalized text with a piecewise map back to original offsets: normalize.py's shared,
# cached object (find_cues, find_actors, find_places, find_dates and the assembler all
# read the same sentence; it is folded once).
_Text = _normalize_module.Normalized
_prepare = _normalize_module.prepare


# --------------------------------------------------------------------------- alias expansion

_GROUP = re.compile(r"\[([^\[\]]*)\]")


def _expand(pattern: str) -> list[str]:
    """Expand "[a|b] c[|d]" into every combination; whitespace is collapsed after."""
    parts = _GROUP.split(pattern)
    # split gives literal, group, literal, group, ...
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    out = []
    for combo in itertools.product(*choices):
        s = " ".join("".join(combo).split())
        if s:
            out.append(s)
    return out


_ABU = re.compile(r"(?:^|(?<= ))ابو(?= )")


def _variants(norm_alias: str, pairs: list[tuple[str, str]]) -> set[str]:
    forms = {norm_alias}
    for a, b in pairs:
        for f in list(forms):
            if a in f:
                forms.add(f.replace(a, b))
            if b in f:
                forms.add(f.replace(b, a))
    for f in list(forms):
        if "ابو " in f:
            # "أبو" declines (one of the five nouns): "ناحية أبي صيدا", "رأيت أبا ..."
            forms.add(_ABU.sub("ابي", f))
            forms.add(_ABU.sub("ابا", f))
    return forms


# --------------------------------------------------------------------------- the matcher

_AL = "ال"


_NUMBER = "#"  # in a phrase: any number written in digits ("منذ # أكتوبر")
_WORD_CHAR = re.compile(r"\w")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


class _EscapeTable(dict):
    """str.translate table: regex-escape every character; space and # are patterns."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch == _NUMBER:
            out = r"\d+(?:[.,]\d+)?"
        elif ch == " ":
            out = _WORD_GAP
        else:
            out = re.escape(ch)
        self[code] = out
        return out


_ESCAPE = _EscapeTable()


def _escape(literal: str) -> str:
    return literal.translate(_ESCAPE)


def _trie_regex(keys: list[str]) -> str:
    """A regex equivalent to the alternation of `keys`, longest alternative tried first.

    A key ending in "*" matches its stem followed by any word characters.
    """
    trie: dict = {}
    for key in keys:
        node = trie
        wild = key.endswith("*")
        stem = key[:-1] if wild else key
        for ch in stem:
            node = node.setdefault(ch, {})
        node["*" if wild else ""] = True

    def render(node: dict) -> str:
        children = [(ch, sub) for ch, sub in node.items() if ch not in ("", "*")]
        alts = []
        for ch, sub in sorted(children, key=lambda kv: kv[0]):
            # compress single-child chains into a literal
            lit = ch
            while True:
                kids = [k for k in sub if k not in ("", "*")]
                if len(kids) == 1 and "" not in sub and "*" not in sub:
                    lit += kids[0]
                    sub = sub[kids[0]]
                else:
                    break
            alts.append(_escape(lit) + render(sub))
        if "*" in node:
            alts.append(r"\w*")
        if not alts:
            return ""
        if "" in node and "*" not in node:
            # a key ends here: the longer keys first, then nothing. "(?:...|)" rather than
            # "(?:...)?": sre runs a non-single-character "?" as a REPEAT, whose context makes
            # every alternation inside it save and restore the marks (same matches)
            if len(alts) == 1 and len(alts[0]) == 1:
                return alts[0] + "?"
            return "(?:" + "|".join(alts) + "|)"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return render(trie)


# The proclitics a key may carry, as alternations sre can skip one by one with a single
# character test (a "?" on a character is a repeat that sre enters and backtracks out of
# at every word). The order is that of the greedy [وف]?(?:[بكل]?ال|لل) and [وف]?[بلك]?,
# so the same clitic wins: alternatives that begin with different letters never both match,
# their order among themselves is free. Each alternative opens with a literal letter, not a
# class: sre's branch skips an alternative whose first literal differs from the text with
# one compare, while a class costs a call to its set test (callgrind: the scanning patterns
# ran 5-7 % fewer instructions). Within و and ف too the alternatives differ in their second
# or third letter, so their order is free.
_CLITIC_AL = "و(?:ال|لل|بال|كال|لال)|ف(?:ال|لل|بال|كال|لال)|ال|ل(?:ال|ل)|بال|كال"  # and the article
_CLITIC = "و(?:ب|ل|ك|)|ف(?:ب|ل|ك|)|ب|ل|ك|"


class _Matcher:
    """Whole-word, clitic-aware, leftmost-longest lookup of normalized keys."""

    def __init__(self, keys: set[str]):
        exact = {k for k in keys if not k.endswith("*")}
        wild = {k[:-1] for k in keys if k.endswith("*")}
        self.exact = exact
        self.wild = wild
        self.has_numbers = any(_NUMBER in k for k in keys)
        al_stems = [k[2:] for k in keys if k.startswith(_AL) and len(k.rstrip("*")) > 3]
        plain = [k for k in keys if not (k.startswith(_AL) and len(k.rstrip("*")) > 3)]
        al_trie = _trie_regex(al_stems) if al_stems else ""
        plain_trie = _trie_regex(plain) if plain else ""
        branches = []
        if al_stems:
            branches.append(f"(?P<ca>{_CLITIC_AL})(?P<a>{al_trie})")
        if plain:
            branches.append(f"(?P<cb>{_CLITIC})(?P<b>{plain_trie})")
        self._has_al = bool(al_stems)
        self._has_plain = bool(plain)
        # \b rather than a lookbehind: sre scans for it much faster (measured 0.14 vs 0.24 ms/KB)
        body = "(?:" + "|".join(branches) + r")(?!\w)"
        self.regex = re.compile(r"\b" + body) if branches else None
        # Speed: the scan runs `_seek` over " " + norm. When every match starts with a word
        # character (clitics, the article and every key but the al- stems do), a match at
        # a word boundary is one preceded by a non-word character or the start of the
        # text, and \W consumes that character (the added space at the start). A pattern
        # opening with a character class lets sre skip to the next non-word character in a
        # tight C loop instead of trying a match at every position. Match k of `_seek` on
        # " " + norm is then match k of `regex` on norm, one character earlier (a match
        # ends before a non-word character, so the next one cannot start right there).
        # `_seek` captures no group (the marks cost sre time at every word): the matched
        # text alone tells which key it is (see scan).
        word_start = all(k[:1] == _NUMBER or _WORD_CHAR.match(k) for k in plain)
        seek_branches = []
        if al_stems:
            seek_branches.append(f"(?:{_CLITIC_AL}){al_trie}")
        if plain:
            seek_branches.append(f"(?:{_CLITIC}){plain_trie}")
        seek = r"\W(?:" + "|".join(seek_branches) + r")(?!\w)"
        self._seek = re.compile(seek) if branches and word_start else None
        # matched text -> (its length as kept, key, clitic), or None: not a hit (see scan)
        self._found: dict[str, tuple[int, str, str] | None] = {}

    def scan(self, norm: str):
        """Yield (start, end, key, clitic) over normalized text; key is a vocabulary key."""
        if self.regex is None:
            return
        if self._seek is None:
            for m in self.regex.finditer(norm):
                hit = self._hit(norm, m.start(), m.end())
                if hit is not None:
                    yield m.start(), m.start() + hit[0], hit[1], hit[2]
            return
        # What a match stands for depends on its text alone: the regex tries the clitics
        # and keys in a fixed order, and the first that fits the text with a word end after
        # it is the one taken wherever the text stands (a match always starts at a word
        # boundary); so does the clause cut below. Texts recur (the same names, the same
        # cue words), so each is worked out once.
        found = self._found
        for m in self._seek.finditer(" " + norm):
            start, end = m.start(), m.end() - 1  # on norm (see _seek)
            matched = norm[start:end]
            hit = found.get(matched, found)
            if hit is found:
                hit = self._hit(norm, start, end)
                if len(found) >= 100_000:
                    found.clear()
                found[matched] = hit
            if hit is not None:
                yield start, start + hit[0], hit[1], hit[2]

    def _hit(self, norm: str, start: int, end: int) -> tuple[int, str, str] | None:
        """(length, key, clitic) of the match norm[start:end], or None if it is no hit."""
        m = self.regex.match(norm, start, end)  # the same match, with its groups
        key, clitic = self._key_of(m)
        if key not in self.exact:
            clause = _CLAUSE.search(norm, start, end)
            if clause is not None:
                # a word gap ran over a comma or full stop: keep what comes before it
                m = self.regex.match(norm, start, clause.start())
                if m is None:
                    return None
                key, clitic = self._key_of(m)
                end = m.end()
            if key not in self.exact:
                key = self._fallback_key(key)
                if key is None:
                    return None
        return end - start, key, clitic

    def _key_of(self, m: re.Match) -> tuple[str, str]:
        if self._has_al and (not self._has_plain or m.group("a") is not None):
            return _AL + m.group("a"), m.group("ca")
        return m.group("b"), m.group("cb")

    def _fallback_key(self, matched: str) -> str | None:
        """The key a match stands for when it is not written exactly as the key is."""
        if self.has_numbers:
            matched = _DIGITS.sub(_NUMBER, matched)
            if matched in self.exact:
                return matched
        canon = _NON_WORD.sub(" ", matched).strip()  # quotes between the words
        if canon in self.exact:
            return canon
        return self._wild_key(canon)

    def _wild_key(self, matched: str) -> str | None:
        for i in range(len(matched), 0, -1):
            if matched[:i] in self.wild:
                return matched[:i] + "*"
        return None


_WORD_TAIL = re.compile(r"\w+$")


def _prev_word_at(norm: str, start: int) -> tuple[str | None, int]:
    """The word before `start` (across at most 3 non-word characters) and where it starts."""
    j = start
    lo = max(0, start - 4)
    while j > lo and not (norm[j - 1].isalnum() or norm[j - 1] == "_"):
        j -= 1
    if j == 0 or not (norm[j - 1].isalnum() or norm[j - 1] == "_"):
        return None, -1
    k = norm.rfind(" ", max(0, j - 40), j) + 1 if j > 40 else norm.rfind(" ", 0, j) + 1
    m = _WORD_TAIL.search(norm, k, j)
    if m is None:
        return None, -1
    return m.group(), m.start()


def _prev_word(norm: str, start: int) -> str | None:
    return _prev_word_at(norm, start)[0]


def _bare_forms(word: str) -> set[str]:
    """The word with its proclitics and article stripped, every way (and the word itself)."""
    forms = {word}
    stack = [word]
    while stack:
        w = stack.pop()
        cands = []
        if len(w) > 3 and w[0] in "وف":
            cands.append(w[1:])
        if len(w) > 3 and w[0] in "بلك":
            cands.append(w[1:])
        if len(w) > 4 and w.startswith("لل"):
            cands.append(w[2:])
        if len(w) > 4 and w.startswith(_AL):
            cands.append(w[2:])
        for c in cands:
            if c not in forms:
                forms.add(c)
                stack.append(c)
    return forms


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class _ActorEntry:
    actor_id: str | None  # None: a blocker
    kind: str
    anaphora: tuple[str, ...] = ()


class _Vocab:
    def __init__(self) -> None:
        self._load_actors()
        self._load_places()
        self._load_cues()

    # ---- actors
    def _load_actors(self) -> None:
        with open(_PROJECT_DATA / "actors.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        self.actor_rows = {r["id"]: r for r in rows}
        doc = yaml.safe_load((_DATA / "actors.yaml").read_text(encoding="utf-8"))
        pairs = [tuple(normalize(x) for x in p) for p in doc.get("spelling_variants", [])]
        self.variant_pairs = pairs
        table: dict[str, _ActorEntry] = {}
        aliases: dict[str, list[tuple[str, str]]] = {}

        def add(alias_pattern: str, entry: _ActorEntry) -> None:
            for raw in _expand(alias_pattern):
                for form in _variants(normalize(raw), pairs):
                    # first declaration wins (the YAML is ordered by specificity), so a
                    # blocker never hides an alias that an actor declares
                    table.setdefault(form, entry)
                if entry.actor_id:
                    aliases.setdefault(entry.actor_id, []).append((raw, entry.kind))

        for actor_id, spec in (doc.get("actors") or {}).items():
            if actor_id not in self.actor_rows:
                raise ValueError(f"actors.yaml: unknown actor id {actor_id!r} (not in actors.csv)")
            for kind in ("name", "short", "leader", "member", "generic", "source"):
                for alias in spec.get(kind) or []:
                    add(alias, _ActorEntry(actor_id, kind))
        for alias in doc.get("blockers") or []:
            add(alias, _ActorEntry(None, "blocker"))
        for item in doc.get("anaphora") or []:
            for alias in _expand(item["alias"]):
                entry = _ActorEntry(None, item.get("kind", "short"), tuple(item["candidates"]))
                table.setdefault(normalize(alias), entry)
        self.actor_table = table
        self.actor_alias_list = aliases
        self.member_words = {normalize(w) for w in doc.get("member_words") or []}
        self.member_links = {normalize(w) for w in doc.get("member_links") or []}
        self.member_words_of = {normalize(w) for w in doc.get("member_words_of") or []}
        self.given_names = {normalize(w) for w in doc.get("given_names") or []}
        self.actor_matcher = _Matcher(set(table))

    # ---- places
    def _load_places(self) -> None:
        with open(_PROJECT_DATA / "governorates.csv", encoding="utf-8") as fh:
            govs = list(csv.DictReader(fh))
        self.governorates = [g["governorate"] for g in govs]
        gov_lookup: dict[str, str] = {}
        for g in govs:
            gov_lookup[normalize(g["governorate"]).lower()] = g["governorate"]
            gov_lookup[normalize(g["name_ar"])] = g["governorate"]
        cues = yaml.safe_load((_DATA / "cues.yaml").read_text(encoding="utf-8"))
        prefix_sets = {
            name: {normalize(w) for w in words} for name, words in (cues.get("place_contexts") or {}).items()
        }
        places: list[Place] = []
        with open(_DATA / "places.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                req: set[str] = set()
                for w in (row.get("requires_prefix") or "").split("|"):
                    w = w.strip()
                    if not w:
                        continue
                    if w.startswith("@"):
                        req |= prefix_sets[w[1:]]
                    else:
                        req.add(normalize(w))
                aliases = tuple(a.strip() for a in (row.get("aliases_ar") or "").split("|") if a.strip())
                lat = row.get("latitude") or ""
                lon = row.get("longitude") or ""
                places.append(
                    Place(
                        name_en=row["name_en"].strip(),
                        name_ar=row["name_ar"].strip(),
                        aliases_ar=aliases,
                        kind=row["kind"].strip(),
                        governorate=(row.get("governorate") or "").strip() or None,
                        country=row["country"].strip(),
                        latitude=float(lat) if lat.strip() else None,
                        longitude=float(lon) if lon.strip() else None,
                        requires_prefix=frozenset(req),
                    )
                )
        self.places = places
        table: dict[str, list[tuple[Place | None, bool]]] = {}
        for p in places:
            if p.kind == "governorate":
                gov_lookup.setdefault(normalize(p.name_en).lower(), p.governorate or p.name_en)
            for raw in (p.name_ar, *p.aliases_ar):
                for pat in _expand(raw):
                    for form in _variants(normalize(pat), self.variant_pairs):
                        guarded = bool(p.requires_prefix) and " " not in form
                        table.setdefault(form, []).append((p, guarded))
                        if p.kind == "governorate" and p.governorate:
                            gov_lookup.setdefault(form, p.governorate)
        for pattern in cues.get("place_blockers") or []:
            for raw in _expand(pattern):
                for form in _variants(normalize(raw), self.variant_pairs):
                    table.setdefault(form, []).insert(0, (None, False))
        self.place_table = table
        self.gov_lookup = gov_lookup
        self.gov_words = {normalize(w) for w in cues.get("governorate_words") or ["محافظة"]}
        self.place_matcher = _Matcher(set(table))

    # ---- cues
    def _load_cues(self) -> None:
        doc = yaml.safe_load((_DATA / "cues.yaml").read_text(encoding="utf-8"))
        layer_of_prefix: dict[str, str] = {}
        for layer, prefixes in (doc.get("layers") or {}).items():
            for p in prefixes:
                layer_of_prefix[p] = layer
        self.cue_layer_of = {}
        table: dict[str, list[str]] = {}
        no_article = set(doc.get("no_article") or [])
        for category, phrases in (doc.get("cues") or {}).items():
            prefix = category.split(":", 1)[0]
            with_article = category not in no_article and prefix not in no_article
            self.cue_layer_of[category] = layer_of_prefix.get(category.split(":", 1)[0], "other")
            for phrase in phrases or []:
                for raw in _expand(str(phrase)):
                    wild = raw.endswith("*")
                    base = normalize(raw[:-1] if wild else raw)
                    for form in _variants(base, self.variant_pairs):
                        # nouns take the article; for other words the extra form is inert
                        forms = (form,) if form.startswith(_AL) or not with_article else (form, _AL + form)
                        for f in forms:
                            cats = table.setdefault(f + ("*" if wild else ""), [])
                            if category not in cats:
                                cats.append(category)
        # two-part phrases split by a few words: (category, pattern from the first part on).
        # The first parts are keys of the one scan (category "gap:<rule>", never a hit of
        # their own), so a sentence without one costs nothing more.
        self.gapped_cues: list[tuple[str, re.Pattern]] = []
        for i, (category, first, second, gap) in enumerate(doc.get("gapped") or []):
            firsts = sorted({normalize(x) for x in _expand(first)}, key=len, reverse=True)
            seconds = sorted({normalize(x) for x in _expand(second)}, key=len, reverse=True)
            pattern = re.compile(
                rf"(?:[وف]?[بلك]?)(?:{'|'.join(map(re.escape, firsts))})"
                rf"(?:\s+[^\s.؟!؛]+){{1,{int(gap)}}}?\s+(?:{'|'.join(map(re.escape, seconds))})(?!\w)"
            )
            self.gapped_cues.append((category, pattern))
            self.cue_layer_of[f"gap:{i}"] = "gap"
            for form in firsts:
                for f in _variants(form, self.variant_pairs):
                    cats = table.setdefault(f, [])
                    if f"gap:{i}" not in cats:
                        cats.append(f"gap:{i}")
        self.cue_table = table
        self.cue_matcher = _Matcher(set(table))
        self._inner_cache: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}

    def cue_categories(self, key: str) -> list[str]:
        return self.cue_table[key]

    def inner_cues(self, matched: str, outer: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Cue phrases nested in a longer matched cue, in layers the outer phrase lacks.

        One scan serves every layer: the longest phrase wins the scan, and the shorter
        phrases inside it (other layers only: "قصف" inside "قصف صاروخي") are recovered here.
        """
        cached = self._inner_cache.get(matched)
        if cached is not None:
            return cached
        out: list[tuple[int, int, tuple[str, ...]]] = []
        outer_layers = {self.cue_layer_of[c] for c in outer}
        bounds = [0] + [k + 1 for k, ch in enumerate(matched) if ch == " "]
        ends = [k for k, ch in enumerate(matched) if ch == " "] + [len(matched)]
        taken: dict[str, list[tuple[int, int]]] = {}
        for bi, b in enumerate(bounds):
            for e in reversed(ends[bi:]):
                if b == 0 and e == len(matched):
                    continue
                sub = matched[b:e]
                for form in _clitic_forms(sub):
                    key = form if form in self.cue_table else self.cue_matcher._wild_key(form)
                    if key is None or key not in self.cue_table:
                        continue
                    cats = tuple(c for c in self.cue_table[key] if self.cue_layer_of[c] not in outer_layers)
                    if not cats:
                        continue
                    layer_spans = taken.setdefault(self.cue_layer_of[cats[0]], [])
                    if any(not (e <= s0 or b >= e0) for s0, e0 in layer_spans):
                        continue
                    layer_spans.append((b, e))
                    out.append((b, e, cats))
                    break
        if len(self._inner_cache) < 50_000:
            self._inner_cache[matched] = out
        return out


def _clitic_forms(word_seq: str) -> list[str]:
    """The phrase as written and with the first word's proclitics removed (lookup keys)."""
    forms = [word_seq]
    w = word_seq
    if w[:1] in ("و", "ف") and len(w) > 3:
        w = w[1:]
        forms.append(w)
    if w.startswith("لل") and len(w) > 4:
        forms.append(_AL + w[2:])
    if w[:1] in ("ب", "ك", "ل") and len(w) > 3:
        forms.append(w[1:])
    return forms


@functools.lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    return _Vocab()


# --------------------------------------------------------------------------- public API


def find_actors(text: str, known: Sequence[str] = ()) -> list[ActorHit]:
    """Actors named in `text`: leftmost-longest, non-overlapping, spans on `text`.

    `known`: actor ids named before `text` (earlier sentences of the same article, most
    recent last); they resolve a bare "الكتائب"/"حزب الله"/"الفصيل" at the start of `text`.
    """
    if not text:
        return []
    v = _vocab()
    t = _prepare(text)
    norm = t.norm
    hits: list[ActorHit] = []
    for start, end, key, clitic in v.actor_matcher.scan(norm):
        entry = v.actor_table[key]
        actor_id = entry.actor_id
        kind = entry.kind
        if entry.anaphora:
            # a bare "الكتائب"/"الفصيل": the most recent earlier hit among the candidates
            actor_id = next((h.actor_id for h in reversed(hits) if h.actor_id in entry.anaphora), None)
            if actor_id is None:
                actor_id = next((k for k in reversed(known) if k in entry.anaphora), None)
        if actor_id is None:
            continue
        if kind == "leader" and " " not in key and _bare_forms(_prev_word(norm, start) or "") & v.given_names:
            continue  # "الشيخ عباس الكعبي": another man of the leader's family or tribe
        # (a name after a preposition other than the possessive "ل" is no member's owner:
        # "أصيب جنود بالهجوم الصاروخي الإيراني" -- the soldiers are not Iran's)
        if (
            kind in ("name", "short")
            and not any(c in (clitic or "") for c in "بوفك")
            # (an indefinite accusative, "ناشطا", "مدنيا", is no owner in a construct: "اغتال
            # مسلحون ناشطا" -- the gunmen killed an activist, they are not the activists' men)
            and not (norm.endswith("ا", start, end) and not norm.startswith("ال", start) and " " not in key)
        ):
            mstart, mkind = _member_extension(v, norm, start, kind)
            if (
                mstart != start
                and hits
                and hits[-1].actor_id in ("unknown", "isis")
                and hits[-1].kind == "generic"
                and hits[-1].start >= t.orig(mstart)
            ):
                # "مسلحين من داعش": the gunmen are the group's, no unknown side; "إرهابيين من حزب
                # العمال": the "terrorists" are the PKK's, not ISIS
                hits.pop()
            if mstart != start and (not hits or t.orig(mstart) >= hits[-1].end):
                start, kind = mstart, mkind
        ostart, oend = t.span(start, end)
        hits.append(ActorHit(actor_id, ostart, oend, text[ostart:oend], kind))
    return hits


def _member_extension(v: _Vocab, norm: str, start: int, kind: str) -> tuple[int, str]:
    """'مقر الحشد', 'قيادي في النجباء': extend the span to the member word, kind member."""
    word, wstart = _prev_word_at(norm, start)
    if word is None:
        return start, kind
    forms = _bare_forms(word)
    # (a sound plural or a dual keeps its ن: no construct head, "هاجم مسلحون نقطة للجيش" -- the
    # gunmen attacked the post; "مسلحو داعش", "مسلحين من داعش" are the group's)
    construct = not word.endswith(("ون", "ين", "ان")) or len(word) <= 4
    if (construct and forms & v.member_words) or (forms & v.member_words_of and norm.startswith("ل", start)):
        return wstart, "member"
    # "قيادي في", "قيادي بارز في", "مقر للواء 30 في" (a unit and its number between)
    for _ in range(4):
        # (a link word may carry a clitic, "للواء"; a unit's number may follow it)
        if not (word in v.member_links or word.isdigit() or forms & v.member_links):
            break
        word, wstart = _prev_word_at(norm, wstart)
        if word is None:
            break
        forms = _bare_forms(word)
        if forms & v.member_words:
            return wstart, "member"
    return start, kind


def find_places(text: str) -> list[PlaceHit]:
    """Gazetteer places named in `text`; ambiguous short names only after a context word."""
    if not text:
        return []
    v = _vocab()
    t = _prepare(text)
    norm = t.norm
    out: list[PlaceHit] = []
    for start, end, key, clitic in v.place_matcher.scan(norm):
        cands = v.place_table[key]
        if len(cands) == 1 and not cands[0][1]:
            place = cands[0][0]  # the common case: one unguarded place (or a blocker)
        else:
            prev = _prev_word(norm, start)
            place = _choose_place(v, cands, clitic, _bare_forms(prev) if prev else set())
            if place is None and clitic == "و" and _BASES_BEFORE.search(norm, max(0, start - 60), start):
                # "على قاعدتي عين الأسد في الأنبار وحرير في أربيل": the dual head noun is the
                # second name's prefix too
                place = next((p for p, _g in cands if p is not None and p.kind in ("base", "airport")), None)
            elif (
                place is None
                and clitic == "و"
                and cands[0][0] is not None
                and _AREAS_BEFORE.search(norm, max(0, start - 60), start)
            ):
                # "في مناطق هاكورك وقنديل وغارا": the plural head noun is each name's prefix
                place = cands[0][0]
        if place is None:
            continue
        ostart, oend = t.span(start, end)
        out.append(
            PlaceHit(
                place.name_en,
                place.governorate,
                place.country,
                place.latitude,
                place.longitude,
                place.kind,
                ostart,
                oend,
                text[ostart:oend],
            )
        )
    return out


# a dual or plural of "base" / "airport" heading a list of names, in the same clause
_BASES_BEFORE = re.compile(
    r"(?:^|\s)(?:ب|ل|و)?(?:ال)?(?:قاعدتي|قاعدتين|قاعدتا|قواعد|مطاري|مطارين|مطارا)\s[^.،؛,]*$"
)


# a plural of "area" / "district" heading a list of names, in the same clause
_AREAS_BEFORE = re.compile(
    r"(?:^|\s)(?:ب|ل|و|في\s+)?(?:ال)?(?:مناطق|مدن|قري|اقضيه|نواحي|بلدات|جبال)\s[^.،؛,]*$"
)


def _choose_place(
    v: _Vocab, cands: list[tuple[Place | None, bool]], clitic: str, prev_forms: set[str]
) -> Place | None:
    if cands[0][0] is None:  # a blocker ("الموالية لإيران", "فيلق القدس")
        return None
    usable = []
    for place, guarded in cands:
        if guarded:
            if clitic not in ("", _AL) or not (prev_forms & place.requires_prefix):
                continue
        usable.append(place)
    if not usable:
        return None
    if len(usable) == 1:
        return usable[0]
    after_gov_word = bool(prev_forms & v.gov_words)
    for place in usable:
        if (place.kind == "governorate") == after_gov_word:
            return place
    return usable[0]


def find_cues(text: str) -> list[CueHit]:
    """Cue phrases in `text`, one hit per (span, category); sorted by position."""
    if not text:
        return []
    v = _vocab()
    t = _prepare(text)
    norm = t.norm
    out: list[CueHit] = []
    gaps: list[tuple[int, str]] = []  # (normalized start, category) of first parts found
    for start, end, key, _clitic in v.cue_matcher.scan(norm):
        ostart, oend = t.span(start, end)
        surface = text[ostart:oend]
        cats = v.cue_table[key]
        for cat in cats:
            if cat[:4] == "gap:":
                gaps.append((start, cat))
            else:
                out.append(CueHit(cat, ostart, oend, surface))
        matched = norm[start:end]
        if " " in matched:
            for b, e, inner in v.inner_cues(matched, cats):
                istart, iend = t.span(start + b, start + e)
                for cat in inner:
                    if cat[:4] == "gap:":
                        gaps.append((start + b, cat))
                    else:
                        out.append(CueHit(cat, istart, iend, text[istart:iend]))
    for start, gap in gaps:
        category, pattern = v.gapped_cues[int(gap[4:])]
        m = pattern.match(norm, start)
        if m is None:
            continue
        ostart, oend = t.span(m.start(), m.end())
        if any(h.category == category and h.start < oend and ostart < h.end for h in out):
            continue  # (the adjacent phrase already found it)
        out.append(CueHit(category, ostart, oend, text[ostart:oend]))
    out.sort(key=lambda h: (h.start, -h.end, h.category))
    return out


def actor_umbrella(actor_id: str) -> str | None:
    """The umbrella of an actor per actors.csv (kataib_hezbollah -> pmf), or None."""
    row = _vocab().actor_rows.get(actor_id)
    if row is None:
        return None
    return row.get("umbrella") or None


def actor_ids() -> list[str]:
    """Every actor id of actors.csv, in file order."""
    return list(_vocab().actor_rows)


def actor_aliases(actor_id: str) -> list[tuple[str, str]]:
    """(alias, kind) pairs declared for an actor (expanded, not normalized)."""
    return list(_vocab().actor_alias_list.get(actor_id, []))


def load_places() -> list[Place]:
    """Every gazetteer row (governorates, cities, bases, crossings, countries...)."""
    return list(_vocab().places)


def governorate_by_name(name: str) -> str | None:
    """The English governorate name for an Arabic or English name or alias, else None."""
    if not name:
        return None
    v = _vocab()
    n = normalize(name)
    hit = v.gov_lookup.get(n) or v.gov_lookup.get(n.lower())
    if hit:
        return hit
    for form in _bare_forms(n):
        if form in v.gov_lookup:
            return v.gov_lookup[form]
    return None
