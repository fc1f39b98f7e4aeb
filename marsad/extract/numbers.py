"""Counts in Arabic news text (spec section 6) and their binding to killed / wounded.

CONTRACT (other modules code against these signatures; keep them):

    @dataclass(frozen=True)
    class Count:
        low: int | None
        best: int | None
        high: int | None
        start: int          # span of the count phrase in the string given
        end: int

    parse_count(phrase: str) -> Count | None
        A phrase that is wholly a count: "20", "٢٠", "۲۰", "1,200", "ثلاثة", "سبعة آخرين",
        "عنصرين", "أكثر من 20", "ما لا يقل عن خمسة", "نحو 30", "بين 3 و5", "عدة", "عشرات".

    find_counts(text: str) -> list[Count]
        Every count expression in a sentence, left to right, spans on `text`.

    @dataclass(frozen=True)
    class Casualties:
        killed: Count | None       # None = not reported in this text
        wounded: Count | None
        # spans are on the sentence given

    find_casualties(sentence: str) -> Casualties
        Killed and wounded counts a sentence reports, each bound to the verb or noun it
        governs (قتل، مقتل، قتلى، شهداء، لقي حتفه / أصيب، إصابة، جرحى، جريح), explicit
        none (دون وقوع إصابات -> 0), mentioned-but-uncounted (قتلى وجرحى -> Count with
        low=best=high=None is NOT used; return None).

How it works: the sentence is cut into tokens on the original string (so spans need no
mapping), each token normalized (normalize.normalize), and read by a small grammar:

- a *count expression* is [qualifier] number|vague word|dual person noun [range]
  (أكثر من / ما لا يقل عن / نحو / بين N و M / N إلى M / عدة / عشرات / عنصرين);
- a count binds to killed or wounded through (a) the result noun right after it
  (5 قتلى، 14 جريحا), (b) the casualty verb or verbal noun before it (مقتل 3، أصيب نحو
  380), (c) a plural or dual verb after it (10 متظاهرين قتلوا), (d) a toll head
  (ارتفع عدد القتلى إلى 30); a bare singular person noun after a cue counts 1, a dual
  ending on a verb (قتلا، أصيبا) or pronoun (لمقتلهما) counts 2;
- a negator followed closely by an indefinite casualty noun is an explicit zero.

Vocabulary (person nouns, blocking nouns, cue words) lives in data/numbers.yaml; the
number words are a closed grammatical class and stay in this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import yaml

from marsad.extract.normalize import normalize, prepare

__all__ = ["Count", "Casualties", "parse_count", "find_counts", "find_casualties"]


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class Count:
    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class Casualties:
    killed: Count | None
    wounded: Count | None
    # a figure of the dead and the wounded together ("عشرة ضحايا بين قتيل وجريح"): neither
    # count, but what a headline's "10 ضحايا" was
    joint: Count | None = None


_N = normalize

# ----------------------------------------------------------------- number words
# Normalized spellings (ة->ه, أ/إ/آ->ا, ى->ي, ئ->ي).
_UNITS: dict[str, int] = {}
for _v, _forms in {
    1: "واحد واحده واحدا احد احدي",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي ثنتان ثنتين",
    3: "ثلاثه ثلاث",
    4: "اربعه اربع",
    5: "خمسه خمس",
    6: "سته ست",
    7: "سبعه سبع",
    8: "ثمانيه ثماني ثمان",
    9: "تسعه تسع",
}.items():
    for _f in _forms.split():
        _UNITS[_f] = _v
# Definite forms of 3..10 ("الجنود الثلاثه"); not احد/اثنين (Sunday/Monday).
_DEF_UNITS = {"ال" + f: v for f, v in _UNITS.items() if v >= 3}
_THE_TWO = frozenset({"الاثنين", "الاثنان", "الاثنتين", "الاثنتان"})
# "قرابة العشرين شخصا": the tens, definite, after a word of approximation
_DEFINITE_TENS = {
    _N("ال" + w): n
    for w, n in (
        ("عشرين", 20),
        ("عشرون", 20),
        ("ثلاثين", 30),
        ("ثلاثون", 30),
        ("اربعين", 40),
        ("اربعون", 40),
        ("خمسين", 50),
        ("خمسون", 50),
        ("ستين", 60),
        ("ستون", 60),
        ("سبعين", 70),
        ("سبعون", 70),
        ("ثمانين", 80),
        ("ثمانون", 80),
        ("تسعين", 90),
        ("تسعون", 90),
        ("مئه", 100),
        ("مائه", 100),
    )
}
# a nickname in apposition ("، المعروف بـ"أبو تقوى"،")
_KNOWN_AS = frozenset(_N(w) for w in "المعروف المعروفة الملقب الملقبة المكنى المكناة الشهير".split())
# "ضابطان برتبة نقيب وملازم", "برتبتي رائد ونقيب": the ranks of the people counted, no one more
_RANK_OF = frozenset(_N(w) for w in "برتبة برتبتي برتب".split())
_RANKS = frozenset(
    _N(w) for w in "نقيب ملازم اول أول ثان ثاني عريف نائب رائد عقيد مقدم عميد لواء ركن مفوض".split()
)
_AMONG_THEM = frozenset({"بينهم", "بينهما", "منهم", "منهما", "بضمنهم", "ضمنهم", "بينهن"})
# "others" besides those counted ("وإصابة خمسة آخرين"; not "أحدهم", one of them)
_MORE_OTHERS = frozenset(_N(w) for w in "آخر آخرا آخران آخرين آخرون أخرى أخريان أخريين أخريات".split())
# the verbs that tell an act's result ("ما أدى إلى", "أسفرت عن", "خلف")
_RESULT_VERBS = frozenset(_N(w) for w in "أدى أدت أسفر أسفرت خلف خلفت أوقع أوقعت".split())
_TEN = {"عشره": 10, "عشر": 10, "العشره": 10}
_TENS: dict[str, int] = {}
for _v, _stem in {
    20: "عشر",
    30: "ثلاث",
    40: "اربع",
    50: "خمس",
    60: "ست",
    70: "سبع",
    80: "ثمان",
    90: "تسع",
}.items():
    _TENS[_stem + "ون"] = _v
    _TENS[_stem + "ين"] = _v
_HUNDRED_WORDS = {"ميه", "مايه", "ماه"}
_HUNDREDS: dict[str, int] = {w: 100 for w in _HUNDRED_WORDS}
for _f in ("ميتان", "ميتين", "مايتان", "مايتين", "ميتا", "ميتي", "مايتا", "مايتي"):
    _HUNDREDS[_f] = 200
for _v, _stems in {3: "ثلاث", 4: "اربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان ثماني", 9: "تسع"}.items():
    for _s in _stems.split():
        for _h in ("ميه", "مايه"):
            _HUNDREDS[_s + _h] = _v * 100
_THOUSAND_MULT = {
    "الف": 1000,
    "الفا": 1000,
    "الاف": 1000,
    "الفان": 2000,
    "الفين": 2000,
    "مليون": 10**6,
    "مليونا": 10**6,
    "ملايين": 10**6,
}
_THOUSAND_ALONE = {"الف": 1000, "الفان": 2000, "الفين": 2000, "الفي": 2000, "الفا": 1000}

# vague words (ACLED, spec 6): (low, best)
_VAGUE_SEVERAL = (2, 3)
_VAGUE_TENS = {"عشرات": 10, "العشرات": 10, "ميات": 100, "الميات": 100, "الاف": 1000, "الالاف": 1000}

# qualifiers, normalized token sequences
_AT_LEAST = [
    tuple(s.split())
    for s in (
        "اكثر من",
        "ما لا يقل عن",
        "لا يقل عن",
        "ما لايقل عن",
        "ما لا يقل علي",
        "ما يزيد عن",
        "ما يزيد علي",
        "يزيد عن",
        "يزيد علي",
        "علي الاقل",
        "ما يربو علي",
        "يربو علي",
        "ما يفوق",
        "يفوق",
        "تجاوز",
        "يتجاوز",
        "تجاوزت",
        "تخطي",
        "ازيد من",
        "اكثر",
        "ما ينوف علي",
    )
]
_APPROX = [
    tuple(s.split())
    for s in (
        "نحو",
        "حوالي",
        "قرابه",
        "زهاء",
        "ما يقارب",
        "يقارب",
        "ما يناهز",
        "يناهز",
        "في حدود",
        "ما يقرب من",
        "يقرب من",
        "ما يقارب من",
        "ما قرابته",
        "تقريبا",
    )
]
_AT_LEAST.sort(key=len, reverse=True)
_APPROX.sort(key=len, reverse=True)


def _seq_index(seqs) -> dict[str, list[tuple[list[str], int, int]]]:
    """First word (bare or with a clitic) -> [(the words after it, sequence length, clitic
    length)], longest first (the rest as a list: one C-level comparison with a slice)."""
    index: dict[str, list[tuple[list[str], int, int]]] = {}
    for seq in seqs:
        index.setdefault(seq[0], []).append((list(seq[1:]), len(seq), 0))
        for c in ("و", "ب", "ل", "ف", "وب", "ول"):
            index.setdefault(c + seq[0], []).append((list(seq[1:]), len(seq), len(c)))
    return index


_AT_LEAST_IX = _seq_index(_AT_LEAST)
_APPROX_IX = _seq_index(_APPROX)

_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[\u0621-\u064a\u066e-\u06d3]+|\S")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u066e-\u06d3]+\Z")
_STRONG_PUNCT = set(".!?؟؛;:\n")
_CLAUSE_PUNCT = _STRONG_PUNCT | set("،,")
_QUOTES = set("\"'«»“”‘’()[]{}<>")

# ------------------------------------------------------------------ vocabulary
_DATA = Path(__file__).with_name("data") / "numbers.yaml"


def _load() -> dict:
    with _DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_V = _load()


def _norm_list(items) -> list[str]:
    return [_N(str(x)) for x in items or []]


# person nouns: form -> (number, definite)   number: 1, 2, or None (plural)
_PERSON: dict[str, int | None] = {}


def _add_person(form: str, number: int | None) -> None:
    for f in (form, "ال" + form):
        if f not in _PERSON or (_PERSON[f] is None and number is not None and number != 2):
            _PERSON.setdefault(f, number)


# the singulars whose plural is sound (مرافق -> مرافقين): "Xيه" is their plural with a pronoun;
# of the others (طفل -> أطفال) it can only be the dual ("وطفليه": his two children)
_SOUND_PLURAL: set[str] = set()
for _entry in _V["person_nouns"]:
    _s = _N(_entry["singular"])
    _sound = bool(_entry.get("sound_plural"))
    if _sound:
        _SOUND_PLURAL.add(_s)
    _add_person(_s, 1)
    if _s.endswith("ه"):  # feminine: امراه -> امراتين
        _stem = _s[:-1]
        _add_person(_stem + "تان", 2)
        _add_person(_stem + "تين", 2)
        _add_person(_stem + "ات", None)
    else:
        _add_person(_s + "ا", 1)
        _add_person(_s + "ان", 2)
        if _sound:
            _add_person(_s + "ين", None)
            _add_person(_s + "ون", None)
            _add_person(_s + "ي", None)  # construct plural: مقاتلي الحشد
        else:
            _add_person(_s + "ين", 2)
            if _s.endswith("ي"):
                # the dual in construct, genitive: "مقتل راعيي أغنام" (a noun with no sound
                # plural: "Xي" is no construct plural of it)
                _add_person(_s + "ي", 2)
    for _p in _norm_list(_entry.get("plural")):
        _add_person(_p, None)
for _p in _norm_list(_V.get("person_plurals")):
    _PERSON.setdefault(_p, None)

_OTHERS: dict[str, int | None] = {}
for _f in _norm_list(_V["others"]["one"]):
    _OTHERS[_f] = 1
for _f in _norm_list(_V["others"]["two"]):
    _OTHERS[_f] = 2
for _f in _norm_list(_V["others"]["many"]):
    _OTHERS[_f] = None

_BLOCK = set(_norm_list(_V["blocking_nouns"]))
_BLOCK |= {"ال" + b for b in list(_BLOCK)}
_LABEL = set(_norm_list(_V["label_nouns"]))
_MONTHS = set(_norm_list(_V["months"]))

# casualty cues: form -> (cls, kind, hint)
#   kind: "event" (verbal noun), "verb_s", "verb_d", "verb_p"
#   hint: number fixed by a pronoun suffix (1, 2) or "many" (plural pronoun) or None
_CUE: dict[str, tuple[str, str, object]] = {}
_PRON = {"ه": 1, "ها": 1, "هما": 2, "هم": "many", "هن": "many"}


def _add_cue(form: str, cls: str, kind: str, hint: object = None) -> None:
    _CUE.setdefault(form, (cls, kind, hint))


for _cls, _key in (("k", "killed"), ("w", "wounded")):
    _sec = _V[_key]
    for _base in _norm_list(_sec["event_nouns"]):
        _add_cue(_base, _cls, "event")
        _stem = _base[:-1] + "ت" if _base.endswith("ه") else _base
        for _suf, _hint in _PRON.items():
            _add_cue(_stem + _suf, _cls, "event", _hint)
    for _f in _norm_list(_sec["verbs_singular"]):
        _add_cue(_f, _cls, "verb_s")
    for _f in _norm_list(_sec["verbs_dual"]):
        _add_cue(_f, _cls, "verb_d")
    for _f in _norm_list(_sec["verbs_plural"]):
        _add_cue(_f, _cls, "verb_p")
for _cls, _key in (("k", "killed"), ("w", "wounded")):
    for _base in _norm_list(_V[_key].get("verbs_object_pronoun")):
        for _suf, _hint in _PRON.items():
            if _base + _suf != "قتله":
                _add_cue(_base + _suf, _cls, "event", _hint)
for _base in _norm_list(_V["killed"]["met_death_nouns"]):
    for _suf, _hint in _PRON.items():
        _add_cue(_base + _suf, "k", "event", _hint)
# قتله is also "killers" (قتلة): never a cue by itself.
_CUE.pop("قتله", None)
# the lives a verb took ("أودى بحياة"): form -> pronoun hint; a cue only after such a verb
_LIFE: dict[str, object] = {}
for _base in _norm_list(_V["killed"]["life_nouns"]):
    _LIFE[_base] = None
    _stem = _base[:-1] + "ت" if _base.endswith("ه") else _base
    for _suf, _hint in _PRON.items():
        _LIFE[_stem + _suf] = _hint
_TOOK_LIFE = set(_norm_list(_V["killed"]["took_life_verbs"]))


def _verb_kinds(forms: list[str]) -> dict[str, str]:
    """Verb form -> its cue kind, by the number its ending marks (وا plural, ا dual)."""
    return {f: ("verb_p" if f.endswith("وا") else "verb_d" if f.endswith("ا") else "verb_s") for f in forms}


# "فارق الحياة": verb form -> its cue kind; a cue only with the noun a few words after it
_LEFT_LIFE = _verb_kinds(_norm_list(_V["killed"]["left_life_verbs"]))
_LEFT_LIFE_NOUNS = frozenset(_norm_list(_V["killed"]["left_life_nouns"]))
_PASSED = set(_norm_list(_V["killed"]["passed_verbs"]))
# "تعرض ثلاثة من منتسبيها لإصابات": verb form -> its cue kind; a cue only with a count of
# people right after it and the noun a few words on
_SUFFERED = _verb_kinds(_norm_list(_V["wounded"]["suffered_verbs"]))
_SUFFERED_NOUNS = frozenset(_norm_list(_V["wounded"]["suffered_nouns"]))
# the dual and plural of "قضى" (died), a cue only before the manner of death
_PASSED_MANY = {_N("قضوا"): "verb_p", _N("قضيا"): "verb_d", _N("قضين"): "verb_p"}
# "راح ضحيته", "ذهب ضحيتها", "راح ضحية الهجوم": fell victim to it (the dead follow)
_WENT_AS = frozenset(_norm_list(["راح", "ذهب", "وراح", "وذهب"]))
_THEIR_VICTIM = frozenset(_norm_list(["ضحيته", "ضحيتها", "ضحيتهما", "ضحيتهم", "ضحية"]))
_THE_ACT = frozenset(
    _norm_list(["العملية", "الهجوم", "الغارة", "الضربة", "الاشتباكات", "الاشتباك", "القصف", "المواجهات"])
)
_WHO_ONE = frozenset(_norm_list(["الذي", "التي"]))
_ONE_OF = frozenset(_norm_list(["أحد", "إحدى", "احدى"]))
_OF_THEM = frozenset(_norm_list(["منهم", "منهما", "منهن"]))
# "العثور على جثث ثلاثة من رعاة الأغنام", "انتشال جثامين 4 مدنيين": the bodies, then their count
_BODIES = frozenset(_norm_list(["جثث", "جثامين", "رفات"]))
# any body noun ("جثة شاب مصاب بطلق ناري": the wound of the dead)
_BODY_WORDS = _BODIES | frozenset(_norm_list(["جثة", "جثمان", "جثتي", "جثتا"]))
_DIRECT_HIT = frozenset(_norm_list(["مباشرة", "مباشر"]))
# the titles of leaders, one person each ("ونائب رئيس الهيئة" after "قائد الفيلق")
_TITLE_WORDS = frozenset(_norm_list(_V["title_words"]))
# a patient who died (its verb right after): "ذوو مريض توفي", "المريضة التي توفيت" aside
_PATIENT = frozenset(p + w for w in _norm_list(_V["killed"]["patient_words"]) for p in ("", "ال", "ل", "لل"))

# result nouns: form -> (cls, number, definite)
_RESULT: dict[str, tuple[str, int | None, bool]] = {}
for _cls, _key in (("k", "killed"), ("w", "wounded")):
    _sec = _V[_key]
    for _s in _norm_list(_sec["result_nouns_singular"]):
        forms = {_s: 1}
        if _s.endswith("ه"):
            forms[_s[:-1] + "تان"] = 2
            forms[_s[:-1] + "تين"] = 2
            forms[_s[:-1] + "تي"] = 2  # the dual in construct: "جثتي شقيقين"
        else:
            forms[_s + "ا"] = 1
            forms[_s + "ان"] = 2
            forms[_s + "ين"] = 2
        for _f, _num in forms.items():
            _RESULT.setdefault(_f, (_cls, _num, False))
            _RESULT.setdefault("ال" + _f, (_cls, None, True))
    for _p in _norm_list(_sec["result_nouns_plural"]):
        _RESULT.setdefault(_p, (_cls, None, False))
        _RESULT.setdefault("ال" + _p, (_cls, None, True))
# مصابين is plural (sound) as much as dual: uncounted when alone
_RESULT["مصابين"] = ("w", None, False)

_TOLL_HEADS = set(_norm_list(_V["toll_heads"]))
_TOLL_LINKS = set(_norm_list(_V["toll_links"]))

_Z = _V["zero"]
_NEGATORS = set(_norm_list(_Z["negators"]))
_ZERO_STOP = set(_norm_list(_Z["stop"]))


def _phrases(items) -> list[tuple[str, ...]]:
    out = [tuple(_N(x).split()) for x in items]
    return sorted(out, key=len, reverse=True)


_ZERO_NOUNS = (
    [(p, "kw") for p in _phrases(_Z["both"])]
    + [(p, "k") for p in _phrases(_Z["killed"])]
    + [(p, "w") for p in _phrases(_Z["wounded"])]
)
_ZERO_NOUNS.sort(key=lambda x: len(x[0]), reverse=True)
_HURT_PASSIVE = {_N(v) for v in ("يصاب", "تصاب", "يصابوا", "يصابا")}
_UNHARMED = {_N(v) for v in ("بأذى", "باذى", "بسوء", "بأذي", "باذي")}
_ZERO_VERBS = {**{_N(v): "k" for v in _Z["verbs_killed"]}, **{_N(v): "w" for v in _Z["verbs_wounded"]}}
_BARE_LOSSES = (_N("خسائر"),)
_PROPERTY_LOSSES = {_N(w) for w in ("مادية", "بالممتلكات", "كبيرة", "فادحة")}
_OF_HIM = {"له", "لها", "لهم", "لهما"}
# a unit's number in a victim's title ("اللواء 51"), and the companions "of his"
_UNIT_WORDS = frozenset(
    {"اللواء", "لواء", "الفوج", "فوج", "الفرقه", "فرقه", "الكتيبه", "كتيبه", "السريه", "رقم"}
)
_COMPANIONS_OF_HIS = re.compile(r"^(?:مرافقي|حراس|حمايت|حراست|اشقائ|ابنائ|اقارب|عائلت)(?:ه|ها|هم|هما)$")
# the head of "one of" a group after "و" ("وأحد أفراد حمايته", "وأحد منتسبي الشرطة")
_ONE_OF_HEADS = frozenset(
    {
        "افراد",
        "عناصر",
        "منتسبي",
        "مرافقي",
        "حراس",
        "اعضاء",
        "ابناء",
        "اقارب",
        "اشقاء",
        "مقاتلي",
        "جنود",
        "ضباط",
    }
)
_ZERO_FILLER = {"وقوع", "سقوط", "حدوث", "تسجيل", "اي", "ايه", "اية", "باي", "بايه", "عن", "في", "الي"}

# tokens that may sit between a cue and its count without breaking the link
_FILLERS = set(
    _N(w)
    for w in (
        "أيضا أيضاً كذلك أمس اليوم فيها فيه فيهما فيهم خلاله خلالها بدوره جميعا "
        "ال الـ حينها حينه فورا بالحال الليلة البارحة"
    ).split()
)
# the words of a time told between commas right after a casualty verb ("استشهد، فجر
# اليوم الخميس، جنديان")
_TIME_ASIDE = set(
    _N(w)
    for w in (
        "اليوم أمس الأول أول البارحة مساء صباح فجر ظهر عصر ليل ليلة منتصف يوم الماضي الفائت "
        "الجاري السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة الساعات الأولى من ساعة "
        "متأخرة وقت مبكر في"
        # (a day of the month by its ordinal: "، في الرابع من كانون الثاني الماضي،")
        " الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي عشر العشرين"
        " والعشرين الثلاثين والثلاثين كانون تشرين الشهر"
        # (and how the victim died: "توفي، اليوم، متأثرا بجراحه، شاب")
        " متأثرا متأثرة بجراحه بجروحه بإصابته بجراحها بجروحها"
    ).split()
)
_SO_CALLED = {_N(w) for w in ("يسمى", "يسمي", "تسمى", "يعرف", "تعرف", "يدعى")}
_ALL_OF_THEM = {_N(w) for w in ("جميعا", "جميعاً", "كلهم", "جميعهم")}
# tokens after which a singular verb alone means one victim (قتل بالرصاص، أصيب بجروح)
_MANNER = set(
    _N(w)
    for w in (
        "بجروح بجراح بالرصاص برصاص بنيران إثر اثر جراء في خلال على متأثرا بانفجار بقصف بغارة "
        "بضربة بهجوم بإطلاق بطلق بعيار عندما أثناء بعد نتيجة بسبب بشظايا بإصابات بكدمات بحروق "
        # (the act told before, named again: "الشاب الذي استشهد بالقصف")
        "بالقصف بالغارة بالضربة بالهجوم بالانفجار بالتفجير بالاشتباكات بالعبوة"
    ).split()
)
_CAUSE_BEFORE = set(_N(w) for w in "إثر اثر جراء متأثرا متاثرا نتيجة بسبب بعد".split())
_ATTEMPT = set(_N(w) for w in "محاولة محاولات نجا نجاة لمحاولة".split())
_FUNCTION = set(
    _N(w)
    for w in (
        "في من على عن إلى الى مع بين ضد عند بعد قبل خلال إثر اثر جراء نتيجة بسبب أو او ثم "
        "أن إن انه أنه الذي التي الذين هذا هذه ذلك تلك هناك هنا ما لا لم لن قد كان كانت "
        "وهو وهي هو هي أحد شخص عدد نحو حوالي أكثر اكثر جميع كل كافة معظم بعض غالبية أغلب"
    ).split()
)
_KUNYA = {"ابو", "ام", "ابي", "ابا"}
_SENTENCING = set(_N(w) for w in "حكم حكما أحكام احكام عقوبة بعقوبة قرار تنفيذ قضى قضت يقضي تقضي".split())
# verbal nouns after which an unknown word is read as a victim's name (مقتل سليماني)
_NAME_CUES = set(_N(w) for w in "مقتل مصرع اغتيال تصفية".split())
_GENERIC_EVENT = set(
    _N(w)
    for w in (
        "عمليات عملية حوادث حادثة حالات حالة جرائم جريمة سلسلة موجة ملف قضية قضايا ظاهرة أعمال "
        "بعمليات لعمليات وعمليات عمليتي"
    ).split()
)


_EXPANDED: dict[int, dict] = {}


def _expand(table) -> dict:
    """`table` with every clitic-prefixed form precomputed: form -> (value, prefix_len)."""
    ex = _EXPANDED.get(id(table))
    if ex is None:
        ex = {}
        items = table.items() if isinstance(table, dict) else ((k, k) for k in table)
        for form, value in items:
            for c in _CLITICS:
                ex.setdefault(c + form, (value, len(c)))
        for form, value in table.items() if isinstance(table, dict) else ((k, k) for k in table):
            ex[form] = (value, 0)  # the bare form wins over a clitic reading
        _EXPANDED[id(table)] = ex
    return ex


def _strip(tok: str, table) -> tuple[object, int] | None:
    """Look `tok` up in `table`, allowing one clitic prefix; returns (value, prefix_len)."""
    return _expand(table).get(tok)


def _strip_set(tok: str, table: set) -> str | None:
    hit = _expand(table).get(tok)
    return None if hit is None else hit[0]


# the tables looked up on every token, expanded once
_CUE_X = _expand(_CUE)
_RESULT_X = _expand(_RESULT)
_PERSON_X = _expand(_PERSON)
_BLOCK_X = _expand(_BLOCK)
# a definite word, clitics on ("الجيش", "للجيش", "وبالجيش")
_DEFINITE = re.compile(_N("^(?:[وف]?[بكل]?ال|[وف]?لل)"))
# gunmen in the nominative, the subject of an active "قتل" when a victim follows them
_GUNMEN_SUBJECT = frozenset(
    _N(w) for w in ("مسلحون", "مسلحان", "مجهولون", "مجهولان", "ملثمون", "مسلح", "مجهول")
)
# a dual noun or its nisba adjective ("جنديان أمريكيان", "مدنيين عراقيين")
_DUAL_NISBA = re.compile(r"^\S{2,}(?:يان|يين)$")
# one and two follow the noun they count, as its adjective ("مقتل مسلح واحد", "مسلحين اثنين")
_NUMERAL_AFTER_NOUN = frozenset(_N(w) for w in ("واحد", "واحدا", "اثنان", "اثنين", "اثنتان", "اثنتين"))
# the active killing verbs a force is the subject of (assemble.KILLER_VERB)
_KILLER_VERBS = {c + v for c in ("", "و", "ف") for v in (_N("قتلت"), _N("قتلوا"))}
_LABEL_X = _expand(_LABEL)
_MONTHS_X = _expand(_MONTHS)
_TOLL_HEADS_X = _expand(_TOLL_HEADS)
_LIFE_X = _expand(_LIFE)
_TOOK_LIFE_X = _expand(_TOOK_LIFE)
_LEFT_LIFE_X = _expand(_LEFT_LIFE)
_PASSED_X = _expand(_PASSED)
_SUFFERED_X = _expand(_SUFFERED)
_PASSED_MANY_X = _expand(_PASSED_MANY)
_BODIES_X = _expand(_BODIES)


def _positions(words: list[str], word: str) -> list[int]:
    """Every index of `word` in `words` (list.index: a C-level scan to each)."""
    out: list[int] = []
    if word in words:
        k = words.index(word)
        while True:
            out.append(k)
            try:
                k = words.index(word, k + 1)
            except ValueError:
                return out
    return out


def _took_life_before(words: list[str], i: int) -> bool:
    """A verb that takes lives in the 4 words before `i`, within the clause: "أودى بحياة",
    "أودى الانفجار بحياة" (its subject between them)."""
    for k in range(i - 1, max(-1, i - 5), -1):
        if words[k] in _TOOK_LIFE_X:
            return True
        if not words[k][0].isalpha():
            return False  # punctuation: another clause
    return False


def _left_life_after(words: list[str], i: int) -> bool:
    """ "فارق جندي الحياة": the noun within the 4 words after the verb at `i`, in its clause."""
    for w in words[i + 1 : i + 5]:
        if w in _LEFT_LIFE_NOUNS:
            return True
        if not w[0].isalpha():
            return False
    return False


def _suffered_after(words: list[str], i: int) -> bool:
    """ "تعرض ثلاثة من منتسبيها لإصابات": the noun within the 5 words after the verb at `i`, in
    its clause, and no direct hit ("لإصابة مباشرة" is a building's)."""
    for k in range(i + 2, min(len(words), i + 7)):
        w = words[k]
        if w in _SUFFERED_NOUNS:
            return k + 1 >= len(words) or words[k + 1] not in _DIRECT_HIT
        if not w[0].isalpha():
            return False
    return False


# ------------------------------------------------------------------ tokens
_WORD_CHARS = "\u0621-\u065f\u0670-\u06d3\u0640\u200c\u200d"
_DIGIT_CHARS = "0-9\u0660-\u0669\u06f0-\u06f9"
# Tokens are cut from the ORIGINAL string (spans need no mapping) and normalized one by
# one: words (with their diacritics and tatweel), digit groups, single other characters.
_RAW_TOKEN = re.compile(rf"[{_DIGIT_CHARS}]+(?:[.,\u066b\u066c][{_DIGIT_CHARS}]+)*|[{_WORD_CHARS}]+|\S")
_CHUNK = re.compile(r"\S+")  # (the chunks str.split() gives: \s is its whitespace)


class _Toks:
    __slots__ = ("w", "s", "e", "n", "text")

    def __init__(self, text: str):
        self.text = text
        # Speed: a token never holds whitespace, so the tokens of a sentence are those of its
        # whitespace-separated chunks, each cut once and cached (_chunk_tokens): most are one
        # word, whole (_WHOLE_CHUNK). When every gap is one whitespace character (most
        # sentences), str.split gives the chunks and each starts one past the end of the one
        # before; otherwise their places are searched for.
        chunks = text.split()
        if sum(map(len, chunks)) + len(chunks) - 1 == len(text):
            placed = zip(accumulate((len(c) + 1 for c in chunks[:-1]), initial=0), chunks, strict=True)
        else:
            placed = ((m.start(), m.group()) for m in _CHUNK.finditer(text))
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for pos, chunk in placed:
            w = _WHOLE_CHUNK.get(chunk)
            if w is not None:
                words.append(w)
                starts.append(pos)
                ends.append(pos + len(chunk))
            else:
                cw, cs, ce = _chunk_tokens(chunk)
                words += cw
                starts += [pos + x for x in cs]
                ends += [pos + x for x in ce]
        self.w, self.s, self.e, self.n = words, starts, ends, len(words)

    def get(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def span(self, i: int, j: int, lead: int = 0) -> tuple[int, int]:
        """Original-text span of tokens [i, j), dropping `lead` clitic letters of token i."""
        start = self.s[i]
        if lead:
            text, k, seen = self.text, start, 0
            while seen < lead and k < self.e[i]:
                if _norm_token(text[k]):
                    seen += 1
                k += 1
            while k < self.e[i] and not _norm_token(text[k]):
                k += 1  # marks that belong to the clitic
            start = k
        return start, self.e[j - 1]


_NORM_CACHE: dict[str, str] = {}
# a whitespace-free chunk of text -> (normalized tokens, starts, ends) of its tokens (but
# those that normalize to nothing); a chunk that is one token, whole -> that token only
_CHUNK_TOKENS: dict[str, tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]] = {}
_WHOLE_CHUNK: dict[str, str] = {}


def _chunk_tokens(chunk: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """The tokens of a whitespace-free chunk, as _RAW_TOKEN cuts them (cached)."""
    toks = _CHUNK_TOKENS.get(chunk)
    if toks is None:
        found = [
            (norm, m.start(), m.end()) for m in _RAW_TOKEN.finditer(chunk) if (norm := _norm_token(m.group()))
        ]
        toks = tuple(map(tuple, zip(*found, strict=True))) if found else ((), (), ())
        if len(_CHUNK_TOKENS) < 200_000:
            _CHUNK_TOKENS[chunk] = toks
            if len(found) == 1 and found[0][1:] == (0, len(chunk)):
                _WHOLE_CHUNK[chunk] = found[0][0]
    return toks


def _norm_token(raw: str) -> str:
    v = _NORM_CACHE.get(raw)
    if v is None:
        v = normalize(raw).replace(" ", "")
        if len(_NORM_CACHE) < 200_000:
            _NORM_CACHE[raw] = v
    return v


@dataclass
class _CE:
    low: int | None
    best: int | None
    high: int | None
    i: int  # first token
    j: int  # one past the last token
    lead: int = 0  # clitic chars to drop from token i in the span
    exact_num: bool = True
    range_from: bool = False  # "من N إلى M"
    dual_noun: bool = False


def _digits_value(tok: str) -> int | None:
    if tok.isdecimal():
        return int(tok) if len(tok) <= 12 else None
    parts = re.split(r"[.,]", tok)
    if all(p.isdecimal() for p in parts) and all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3:
        return int("".join(parts))
    return None  # a decimal (1.5) or a malformed group: not a head count


class _Parser:
    """The count grammar over one token list."""

    def __init__(self, t: _Toks):
        self.t = t

    # -- words below one thousand
    def _word(self, i: int, table, first: bool, waw: bool):
        """Token i looked up in `table` (with a clitic if `first`, with a و if `waw`)."""
        t = self.t
        if i >= t.n:
            return None
        tok = t.w[i]
        if waw:
            if tok == "و" and i + 1 < t.n and t.w[i + 1] in table:
                return table[t.w[i + 1]], i + 2, 0
            if tok.startswith("و") and tok[1:] in table:
                return table[tok[1:]], i + 1, 0
            return None
        if tok in table:
            return table[tok], i + 1, 0
        if first:
            hit = _strip(tok, table)
            if hit is not None:
                return hit[0], i + 1, hit[1]
        return None

    def _lt100(self, i: int, first: bool, waw: bool):
        t = self.t
        u = self._word(i, _UNITS, first, waw)
        if u is not None:
            val, j, lead = u
            if t.get(j) in ("عشر", "عشره"):
                return val + 10, j + 1, lead
            tens = self._word(j, _TENS, False, True)
            if tens is not None:
                return val + tens[0], tens[1], lead
            return val, j, lead
        for table in (_TEN, _TENS):
            hit = self._word(i, table, first, waw)
            if hit is not None:
                return hit
        if first and not waw:
            hit = self._word(i, _DEF_UNITS, False, False)
            if hit is not None:
                return hit
        return None

    def _lt1000(self, i: int, first: bool, waw: bool):
        t = self.t
        h = self._word(i, _HUNDREDS, first, waw)
        if h is None:
            u = self._word(i, _UNITS, first, waw)
            if u is not None and u[0] >= 3 and t.get(u[1]) in _HUNDRED_WORDS:
                h = (u[0] * 100, u[1] + 1, u[2])
        if h is not None:
            val, j, lead = h
            rest = self._lt100(j, False, True)
            if rest is not None:
                return val + rest[0], rest[1], lead
            return val, j, lead
        return self._lt100(i, first, waw)

    def number(self, i: int):
        """(value, j, lead) of a number at token i, or None."""
        t = self.t
        if i >= t.n:
            return None
        tok = t.w[i]
        lead = 0
        if tok[0].isdecimal():
            val = _digits_value(tok)
            if val is None:
                return None
            j = i + 1
        elif tok not in _NUMBER_WORD_FORMS:
            return None  # (speed: no table below holds it, with or without a clitic)
        else:
            hit = self._lt1000(i, True, False)
            if hit is not None:
                val, j, lead = hit
                # احد alone is "anyone" unless a noun follows (أحد عناصر)
                if val == 1 and j == i + 1 and t.w[i][lead:] in ("احد", "احدي"):
                    nxt = t.get(j)
                    if not nxt or not _ARABIC_WORD.match(nxt) or nxt in _FUNCTION:
                        return None
            else:
                alone = self._word(i, _THOUSAND_ALONE, True, False)
                if alone is None or alone[0] == 1000 and t.w[i][alone[2] :] == "الفا":
                    return None
                val, j, lead = alone
                return self._thousand_tail(val, j, lead)
        mult = _THOUSAND_MULT.get(t.get(j))
        if mult is not None and val < 1000:
            return self._thousand_tail(val * mult, j + 1, lead)
        return val, j, lead

    def _thousand_tail(self, val: int, j: int, lead: int):
        """After ألف/آلاف: an optional "و" + a number below one thousand (10 آلاف و518)."""
        t = self.t
        tok = t.get(j)
        if tok == "و" and t.get(j + 1)[:1].isdecimal():
            v = _digits_value(t.w[j + 1])
            if v is not None and v < 1000:
                return val + v, j + 2, lead
        if len(tok) == 3 and tok.isdecimal() and val % 1000 == 0:
            return val + int(tok), j + 1, lead  # "44 ألفا 532", the و left out
        rest = self._lt1000(j, False, True)
        if rest is not None:
            return val + rest[0], rest[1], lead
        return val, j, lead

    def vague(self, i: int):
        """(low, best, j, lead) of a vague quantity word at token i, or None."""
        t = self.t
        tok = t.get(i)
        if tok not in _VAGUE_FORMS:
            return None  # (speed: none of the words below, with or without a clitic)
        for table_tok, lead in ((tok, 0),) + tuple(
            (tok[len(c) :], len(c)) for c in _CLITICS if tok.startswith(c) and len(tok) > len(c) + 2
        ):
            if table_tok in ("عده", "بضعه", "بضع"):
                nxt = t.get(i + 1)
                tens = _VAGUE_TENS.get(nxt) if nxt else None
                if tens is not None and tens < 1000:
                    # "بضع عشرات", "عدة مئات": several (3, low 2) of tens or hundreds
                    return 2 * tens, 3 * tens, i + 2, lead
                if nxt and _ARABIC_WORD.match(nxt):
                    return 2, 3, i + 1, lead
            if table_tok in ("العديد",) and t.get(i + 1) == "من":
                return 2, 3, i + 2, lead
            if table_tok in ("عدد", "عددا", "اعداد", "اعدادا"):
                nxt = t.get(i + 1)
                if nxt == "من":
                    return 2, 3, i + 2, lead
                if nxt in ("منهم", "منهن"):
                    return 2, 3, i + 2, lead  # "إصابة عدد منهم": a number of them
                if nxt in ("اخر", "اخرا", "اخرين"):
                    return 2, 3, i + 2, lead
                if nxt in ("كبير", "كبيرا", "كبيره", "غير"):
                    j = i + 2
                    if nxt == "غير" and t.get(j) in ("قليل", "قليلا"):
                        j += 1
                    if t.get(j) == "من":
                        j += 1
                    return 2, 3, j, lead
            if table_tok in _VAGUE_TENS:
                val = _VAGUE_TENS[table_tok]
                j = i + 1
                if val < 1000 and t.get(j) in ("الاف", "الالاف"):
                    val *= 1000
                    j += 1
                return val, val, j, lead
        return None

    def _seq(self, i: int, index) -> tuple[int, int] | None:
        """Match one of the indexed token sequences at i (a clitic allowed on the first)."""
        t = self.t
        hit = index.get(t.get(i))
        if hit is None:
            return None
        words = t.w
        for rest, size, lead in hit:
            # (a slice past the last token is short: no match, as t.get's "" never is a word)
            if words[i + 1 : i + size] == rest:
                return i + size, lead
        return None

    def count(self, i: int) -> _CE | None:
        """A count expression starting at token i."""
        t = self.t
        if i >= t.n:
            return None
        qual = None
        k, lead = i, 0
        w = t.w[i]
        m = self._seq(i, _AT_LEAST_IX) if w in _QUALIFIER_STARTS else None
        if m is not None:
            qual, (k, lead) = "min", m
        elif w in _QUALIFIER_STARTS:
            m = self._seq(i, _APPROX_IX)
            if m is not None and t.w[i] != "تقريبا":
                qual, (k, lead) = "approx", m
            elif t.w[i] in ("بين", "وبين") or (t.w[i] == "ما" and t.get(i + 1) == "بين"):
                qual, k = "between", i + (2 if t.w[i] == "ما" else 1)
                lead = 1 if t.w[i] == "وبين" else 0
            elif t.w[i] == "من" and t.get(i + 1)[:1].isdecimal():
                qual, k = "from", i + 1
        if qual is None and not (w[0].isdecimal() or w in _VALUE_STARTS):
            return None  # (speed: no number, vague word or dual noun below reads it)
        if qual is not None:
            while t.get(k) in _QUOTES or t.get(k) == "ال":
                k += 1
        num = self.number(k)
        if num is None and qual == "approx" and t.get(k) in _DEFINITE_TENS:
            # "قرابة العشرين", "زهاء الثلاثين": about the twenty (the tens take the article)
            num = (_DEFINITE_TENS[t.get(k)], k + 1, 0)
        if num is not None:
            val, j, nlead = num
            if qual is None:
                lead = nlead
            ce = _CE(val, val, val, i, j, lead)
        else:
            vg = self.vague(k)
            if vg is not None:
                low, best, j, vlead = vg
                ce = _CE(low, best, None, i, j, lead if qual else vlead, exact_num=False)
                if qual in ("between", "from"):
                    return None
                return ce
            dual = self.dual_person(k)
            if dual is None:
                return None
            j, dlead = dual
            ce = _CE(2, 2, 2, i, j, lead if qual else dlead, dual_noun=True)
            if qual in ("between", "from"):
                return None
        # ranges and qualifiers
        if qual in ("between", "from"):
            link = t.get(ce.j)
            other = None
            if qual == "between" and link == "و":
                other = self.number(ce.j + 1)
            elif qual == "between" and link.startswith("و") and len(link) > 1:
                sub = self.number(ce.j)
                if sub is not None:  # "وخمسة" fused
                    other = sub
            elif link in ("الي", "حتي"):  # (also "ما بين أربعة إلى ستة")
                other = self.number(ce.j + 1)
            if other is None or other[0] < ce.best:
                if qual == "from":
                    return None
                ce.i = k
                ce.lead = 0
                return ce
            ce.high = other[0]
            ce.j = other[1]
            ce.range_from = qual == "from"
            return ce
        if qual == "min":
            ce.high = None
        elif qual is None and not ce.dual_noun:
            link = t.get(ce.j)
            if link in ("الي", "او", "-", "–") and t.get(ce.j + 1)[:1].isdecimal() == t.w[k][:1].isdecimal():
                other = self.number(ce.j + 1)
                if other is not None and other[0] > ce.best and other[0] <= max(ce.best * 10, 10):
                    ce.high = other[0]
                    ce.j = other[1]
        # postposed: "خمسة على الأقل", "30 تقريبا"
        if t.get(ce.j) == "علي" and t.get(ce.j + 1) == "الاقل":
            ce.high = None
            ce.j += 2
        elif t.get(ce.j) == "تقريبا":
            ce.j += 1
        # a dual noun may be confirmed by اثنين: "عنصرين اثنين"
        return ce

    def dual_person(self, i: int):
        """(j, lead) of a dual person noun (عنصرين، جنديان، امرأتين) at token i."""
        t = self.t
        hit = _PERSON_X.get(t.get(i))
        if hit is None:
            return None
        if hit[0] != 2:
            # "مدنيين اثنين": a sound plural form made a dual by the numeral after it
            if not (hit[0] is None and t.get(i).endswith("ين") and t.get(i + 1) in ("اثنين", "اثنتين")):
                return None
        j = i + 1
        if t.get(j) in ("اثنين", "اثنان", "اثنتين", "اثنتان"):
            j += 1
        return j, hit[1]


# ------------------------------------------------------------------ find_counts
def _is_label(t: _Toks, ce: _CE) -> bool:
    """A number that is a date, a time, a percentage, a year or a unit label."""
    prev = t.get(ce.i - 1)
    nxt = t.get(ce.j)
    first = t.w[ce.i]
    if not ce.exact_num or ce.dual_noun:
        return False
    if prev in _LABEL_X or nxt in ("%", "٪"):
        return True
    # times and numeric dates: 11:50, 5/3/2024
    if prev in (":", "/") and t.get(ce.i - 2)[:1].isdecimal():
        return True
    if nxt in (":", "/") and t.get(ce.j + 1)[:1].isdecimal():
        return True
    if nxt in _MONTHS_X or prev in _MONTHS:
        return True
    if nxt == "من" and (t.get(ce.j + 1) in ("شهر", "الشهر") or t.get(ce.j + 1) in _MONTHS_X):
        return True  # "11 من شهر أيار"
    p = ce.i - 1
    if t.get(p) == "ال":
        p -= 1
    if t.get(p).startswith("ال") and t.get(p) in _BLOCK and _RESULT.get(nxt) is None and nxt not in _PERSON:
        return True  # "الساعات الـ24", "الأيام الثلاثة"
    if first.isdecimal() and len(first) == 4 and 1900 <= int(first) <= 2100 and ce.i + 1 == ce.j:
        return True
    return False


def _build_starters() -> frozenset[str]:
    """Every normalized token that can open a count expression (cheap pre-filter)."""
    words: set[str] = set()
    for table in (
        _UNITS,
        _DEF_UNITS,
        _TEN,
        _TENS,
        _HUNDREDS,
        _THOUSAND_ALONE,
        _VAGUE_TENS,
        _AT_LEAST_IX,
        _APPROX_IX,
    ):
        words.update(table)
    words.update(
        ("عده", "بضعه", "بضع", "العديد", "عدد", "عددا", "اعداد", "اعدادا", "بين", "وبين", "ما", "من")
    )
    words.update(f for f, n in _PERSON.items() if n == 2 or (n is None and f.endswith("ين")))
    return frozenset(words | {c + w for w in words for c in _CLITICS})


_STARTERS: frozenset[str] = frozenset()
# Speed: every token Parser.number reads as a number word (the number tables' forms, a
# clitic on or not, and the definite units it takes bare), and every token Parser.vague
# reads as a vague word; a token outside them is no number / vague word, so the table
# lookups are skipped.
_NUMBER_WORD_FORMS: frozenset[str] = frozenset()
_VAGUE_WORDS = ("عده", "بضعه", "بضع", "العديد", "عدد", "عددا", "اعداد", "اعدادا", *_VAGUE_TENS)
_VAGUE_FORMS = frozenset(_VAGUE_WORDS) | {c + w for w in _VAGUE_WORDS for c in _CLITICS}
# the first word of every qualifier Parser.count reads (a token outside it opens none)
_QUALIFIER_STARTS = frozenset(_AT_LEAST_IX).union(_APPROX_IX, ("بين", "وبين", "ما", "من"))
# the tokens a count with no qualifier may open with (but digits): Parser.number's,
# Parser.vague's and Parser.dual_person's
_VALUE_STARTS: frozenset[str] = frozenset()


def _scan_counts(t: _Toks) -> list[_CE]:
    p = _Parser(t)
    out: list[_CE] = []
    starters = _STARTERS
    after = 0  # the scan goes on after the last count found
    words = t.w
    for i in [k for k, w in enumerate(words) if w in starters or w[0].isdecimal()]:
        if i < after:
            continue
        second = _QUALIFIER_SECOND.get(words[i])
        if second is not None and t.get(i + 1) not in second:
            if not (words[i] == "من" and t.get(i + 1)[:1].isdecimal()):  # ("من 3 إلى 5")
                continue  # (speed: see _QUALIFIER_SECOND)
        ce = p.count(i)
        if ce is not None:
            if not _is_label(t, ce):
                out.append(ce)
            after = ce.j
    return out


def _to_count(t: _Toks, ce: _CE) -> Count:
    start, end = t.span(ce.i, ce.j, ce.lead)
    return Count(ce.low, ce.best, ce.high, start, end)


def find_counts(text: str) -> list[Count]:
    """Every count expression in a sentence, left to right, spans on `text`."""
    if not text or not isinstance(text, str):
        return []
    t = _Toks(text)
    return [_to_count(t, ce) for ce in _scan_counts(t)]


_PARSE_TAIL = set(_OTHERS) | {"من", "علي", "الاقل", "تقريبا"}


def parse_count(phrase: str) -> Count | None:
    """A phrase that is wholly a count ("20", "سبعة آخرين", "أكثر من 20", "عدة") -> Count."""
    if not phrase or not isinstance(phrase, str):
        return None
    t = _Toks(phrase)
    if t.n == 0:
        return None
    p = _Parser(t)
    ce = p.count(0)
    if ce is None:
        # a lone singular / dual casualty or person noun: "قتيل", "جريحين"
        res = _strip(t.w[0], _RESULT)
        if t.n == 1 and res is not None and res[0][1] is not None and not res[0][2]:
            n = res[0][1]
            s, e = t.span(0, 1, res[1])
            return Count(n, n, n, s, e)
        return None
    # the rest may only be the counted noun(s) and "others"
    for k in range(ce.j, t.n):
        w = t.w[k]
        if w in _QUOTES or w in ".،,":
            continue
        if w in _PARSE_TAIL or _strip(w, _PERSON) is not None or _strip(w, _RESULT) is not None:
            continue
        if _ARABIC_WORD.match(w) and k > ce.j:
            continue  # adjectives after the noun: "جنود أمريكيين"
        if k == ce.j and _ARABIC_WORD.match(w) and w not in _BLOCK:
            continue  # an unknown counted noun
        return None
    return _to_count(t, ce)


# ------------------------------------------------------------------ casualties
_PRECHECK_STEMS = (
    "قتل قتيل شهيد شهدا شهاد استشهد حتف مصرع صاب صيب جرح جريح ضحا ضحي خساير وفاه "
    "وفيات وفات توفي توفو جثث جثه جثت غتال غتيال غتيل اعدمو اعدمت اعدمه اعدام اردوه اردته ارداه ارداها "
    "مقتول صبن تصفي يصب اودي اودت يودي تودي حصد ازهق يزهق فارق قضي قضت قضو جروح جراح"
).split()
_PRECHECK_MARKS = "\u064b-\u0652\u0670\u0640"
_PRECHECK_FOLD = {"ا": "اأإآٱ", "ه": "هة", "ي": "يىئی", "و": "وؤ"}


def _build_precheck() -> re.Pattern:
    """One regex over the RAW sentence for any casualty stem, tolerant of diacritics,
    tatweel and hamza / ta marbuta spellings, so most sentences cost one scan."""
    marks = f"[{_PRECHECK_MARKS}]*"
    fold = {ch: f"[{chars}]" for ch, chars in _PRECHECK_FOLD.items()}
    return re.compile("|".join(marks.join(fold.get(ch, ch) for ch in stem) for stem in _PRECHECK_STEMS))


def _trie(words: list[str]) -> str:
    """The alternation of literal `words` as a trie (sre tries one branch per letter)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    alts = [re.escape(ch) + _trie(rest) for ch, rest in sorted(groups.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in groups else body


_CUE_PRECHECK = _build_precheck()
# Speed: normalize() drops every mark the raw precheck skips and folds every spelling it
# accepts to the bare letter, so a sentence the precheck matches holds a bare stem in its
# normalized form. That scan (a literal trie over the sentence that vocab.find_cues has
# already folded and normalize.prepare cached) rules most sentences out first; the raw
# precheck still decides for the others (same answer, fewer scans).
_STEM_PRECHECK = re.compile(_trie(_PRECHECK_STEMS))
assert all(normalize(stem) == stem for stem in _PRECHECK_STEMS)
assert all(normalize(f"ا{c}ا") == "اا" for c in map(chr, [*range(0x064B, 0x0653), 0x0670, 0x0640]))
assert all(normalize(c) == ch for ch, chars in _PRECHECK_FOLD.items() for c in chars)


class _Binder:
    def __init__(self, t: _Toks):
        self.t = t
        self.p = _Parser(t)
        self.ces = _scan_counts(t)
        self.ce_at: dict[int, _CE] = {}
        self.cover: dict[int, _CE] = {}
        for ce in self.ces:
            self.ce_at[ce.i] = ce
            for k in range(ce.i, ce.j):
                self.cover[k] = ce
        self.cues: dict[int, tuple[str, str, object, int]] = {}
        words = t.w
        for i in [k for k, w in enumerate(words) if w in _CUE_FORMS]:  # (speed: see _CUE_FORMS)
            w = words[i]
            hit = _CUE_X.get(w)
            if hit is not None:
                if i and t.w[i - 1] in _PATIENT and hit[0][1] != "event":
                    continue  # "ذوو مريض توفي في قسم الطوارئ": a patient's death, no violence
                cls, kind, hint = hit[0]
                self.cues[i] = (cls, kind, hint, hit[1])
            elif i and w in _LIFE_X and _took_life_before(t.w, i):
                life = _LIFE_X[w]
                self.cues[i] = ("k", "event", life[0], life[1])  # "أودى بحياة": as مقتل
            elif w in _LEFT_LIFE_X and _left_life_after(t.w, i):
                kind, lead = _LEFT_LIFE_X[w]
                self.cues[i] = ("k", kind, None, lead)  # "فارق جندي الحياة": as قتل
            elif (
                w in _PASSED_X
                and (ce := self.ce_at.get(i + 1)) is not None
                and (
                    self._head(ce)[0] == "person"
                    # ("قضى ثلاثة وأصيب اثنان": the count alone, the wounded's verb after it)
                    or (t.get(ce.j).startswith("و") and (_CUE_X.get(t.get(ce.j)) or (("",),))[0][0] == "w")
                )
            ):
                self.cues[i] = ("k", "verb_s", None, _PASSED_X[w][1])  # "قضى أربعة من عناصر الشرطة"
            elif (
                w in _SUFFERED_X
                and (ce := self.ce_at.get(i + 1)) is not None
                and (self._head(ce)[0] == "person" or t.get(ce.j) in _OF_THEM)
                and _suffered_after(t.w, i)
            ):
                kind, lead = _SUFFERED_X[w]
                self.cues[i] = ("w", kind, None, lead)  # "تعرض ثلاثة أشخاص لإصابات": as أصيب
            elif w in _PASSED_X and t.get(i - 1) in _WHO_ONE and _strip_set(t.get(i + 1), _MANNER):
                self.cues[i] = ("k", "verb_s", None, _PASSED_X[w][1])  # "الذي قضى بغارة": died
            elif w in _THEIR_VICTIM and i and t.get(i - 1) in _WENT_AS:
                # "هجوم راح ضحيته ثلاثة أشخاص", "ذهب ضحيتها": fell its victims, as مقتل
                self.cues[i] = ("k", "event", None, 0)
            elif w in _PASSED_MANY_X and _strip_set(t.get(i + 1), _MANNER):
                # "ثلاثة من مقاتليها قضوا بانفجار عبوة": died, its subject before it
                self.cues[i] = ("k", _PASSED_MANY_X[w][0], None, _PASSED_MANY_X[w][1])
            elif (
                w in _BODIES_X and (ce := self.ce_at.get(i + 1)) is not None and self._head(ce)[0] == "person"
            ):
                self.cues[i] = ("k", "event", None, _BODIES_X[w][1])  # "جثث ثلاثة رعاة": as مقتل
        # bindings: cls -> list of (token position, Count | None); None = uncounted mention
        self.found: dict[str, list[tuple[int, Count | None]]] = {"k": [], "w": []}
        self.used: set[int] = set()
        self.joint: set[int] = set()  # count starts that are killed + wounded together
        self.joint_count: Count | None = None  # the first of them

    # --- helpers
    def _ce_count(self, ce: _CE, extra: int = 0, extra_many: bool = False) -> Count:
        start, end = self.t.span(ce.i, ce.j, ce.lead)
        if extra_many:
            low = (ce.low or 0) + extra
            return Count(low, low, None, start, end)
        high = ce.high + extra if ce.high is not None else None
        return Count(
            ce.low + extra if ce.low is not None else None,
            ce.best + extra if ce.best is not None else None,
            high,
            start,
            end,
        )

    def _fixed(self, n: int | None, i: int, j: int, lead: int = 0, open_high: bool = False) -> Count:
        start, end = self.t.span(i, j, lead)
        return Count(n, n, None if open_high else n, start, end)

    def _widen(self, c: Count, extra: int, chain_end: int) -> Count:
        """Stretch a count's span over the people chained to it ("قيادي ... ومرافقه")."""
        if not extra or chain_end <= 0:
            return c
        return Count(c.low, c.best, c.high, c.start, max(c.end, self.t.e[chain_end - 1]))

    def _head(self, ce: _CE) -> tuple[str, int]:
        """What a count counts: ("block"|"person"|"others"|"k"|"w"|"kdef"|"wdef"|"other"|"none", index)."""
        t = self.t
        h = ce.j
        if ce.dual_noun:
            return "person", ce.i
        while t.get(h) in _QUOTES:
            h += 1
        w = t.get(h)
        if not w:
            return "none", h
        if w == "من":
            nxt = t.get(h + 1)
            res = _RESULT.get(nxt)
            if res is not None and res[2]:
                return "partitive", h + 1
            return "person", h + 1
        if w in _BLOCK or w in ("%", "٪"):
            return "block", h
        res = _RESULT.get(w)
        if res is not None:
            if res[2] and t.w[ce.i] in _ONE_OF:
                # "وفاة أحد الجرحى": one of the wounded (as "اثنين من المصابين"), no count of them
                return "partitive", h
            return res[0], h
        if w in _OTHERS:
            return "others", h
        if w in _PERSON:
            return "person", h
        if _is_label(t, ce):
            return "block", h
        if w in _CLAUSE_PUNCT:
            return "none", h
        return "other", h

    def _chain(self, e: int) -> tuple[int, bool, int]:
        """People added by "و" after a victim phrase ending at token e: (extra, many, end)."""
        t = self.t
        extra, many, end = 0, False, e
        k = e
        gap = 0
        # a companion named by a possessive (ومرافقه) may come after a long title;
        # any other "and X" must be close
        while k < t.n and gap <= 14:
            w = t.w[k]
            if w in ("،", ",") and t.get(k + 1) in _KNOWN_AS:
                # "مشتاق السعيدي، المعروف بـ"أبو تقوى"، ومرافقه": his nickname between commas
                close = next((i for i in range(k + 2, min(t.n, k + 9)) if t.w[i] in ("،", ",")), None)
                if close is not None:
                    k = close + 1
                    continue
            if w in _RANK_OF and (w != _N("برتبة") or self._counted_many(e)):
                # "استشهد ضابطان برتبة نقيب وملازم": the two officers' ranks
                k += 1
                while k < t.n and (t.w[k] in _RANKS or (t.w[k][:1] == "و" and t.w[k][1:] in _RANKS)):
                    k += 1
                end = k
                continue
            if w in ("،", ",") and self._companion_set_off(k + 1):
                k += 1  # "اغتيال مختار قرية ... في قضاء الحويجة، ونجله،": his own, after a comma
                continue
            if w in _CLAUSE_PUNCT or k in self.cues or w in _AMONG_THEM:
                # ("مقتل أربعة مدنيين بينهم رجل الأعمال ... وطفلته": who is among the four
                # is no one more)
                break
            # "مع" (with) joins only the victim's own people: "مقتله مع اثنين من مرافقيه",
            # "مع ثلاثة آخرين", "مع زوجته" (not "في اشتباك مع ثلاثة مسلحين")
            with_ = w == "مع"
            if w == "و" or with_ or (w.startswith("و") and len(w) > 2):
                lone = w in ("و", "مع")
                rest_start = k + 1 if lone else k
                ce = self.ce_at.get(k) or (self.ce_at.get(k + 1) if lone else None)
                if ce is not None and not lone and ce.lead == 0:
                    nxt = t.get(k + 1) or ""
                    if w == "واحد" and (nxt.startswith("ال") or nxt in _ONE_OF_HEADS) and gap <= 5:
                        # "إصابة صاحب المحل وأحد المارة", "وأحد أفراد حمايته": "and one of
                        # them" (أحد normalized is واحد; the numeral takes no noun after it)
                        extra += 1
                        k = end = k + 2
                        gap = 0
                        continue
                    break  # "واحد" is a numeral, not "and ..."
                if ce is not None and (
                    gap <= 5
                    or self._companions_of_his(ce)
                    # "... أبو مهدي المهندس وثمانية آخرون": "others" adds after a long title too
                    or (self._head(ce)[0] == "others" and not with_)
                ):
                    kind, h = self._head(ce)
                    if with_ and not ((kind == "others" and gap == 0) or self._companions_of_his(ce)):
                        break
                    if kind in ("person", "others", "other") and ce.best is not None:
                        extra += ce.best
                        end = max(ce.j, h + 1 if kind != "other" else ce.j)
                        k = end
                        gap = 0
                        continue
                    break
                word = t.w[rest_start] if lone else w[1:]
                if lone and rest_start >= t.n:
                    break
                n = (1, False) if word in _KUNYA else self._person_word(word)
                if n is None and _OTHERS.get(word) and gap <= 5:
                    # "أصيب ثلاثة عسكريين بجروح بليغة وآخر بجروح طفيفة": one more
                    extra += _OTHERS[word]
                    k = end = rest_start + 1
                    gap = 0
                    continue
                if n is None:
                    if lone:
                        break
                    # no person after a glued و: a word of the title whose و is its own
                    # ("قيادي في وحدات مقاومة سنجار ومرافقه"), read on as any other word
                    gap += 1
                    k += 1
                    continue
                num, is_plural = n
                # also a kunya (وأبو مهدي), and "ومرافقان له": companions "of his"
                possessive = word not in _PERSON or t.get(rest_start + 1) in _OF_HIM
                # "قائد فيلق القدس في الحرس الثوري قاسم سليماني ونائب رئيس الهيئة": a title after
                # a title, each with its long name
                titled = word in _TITLE_WORDS and any(x in _TITLE_WORDS for x in t.w[max(0, e - 2) : e])
                if (
                    (gap > 5 and not possessive and not titled)
                    or (is_plural and not possessive)
                    or (with_ and not possessive)
                ):
                    break
                k = rest_start + 1
                if is_plural and t.get(k) in _DEF_UNITS:
                    # "وأطفالها الثلاثة": her children, counted
                    extra += _DEF_UNITS[t.get(k)]
                    k += 1
                elif is_plural and t.get(k) in _THE_TWO:
                    # "ومرافقيه الاثنين": his two companions (not Monday, after them)
                    extra += 2
                    k += 1
                elif is_plural:
                    many = True
                    extra += 3
                else:
                    extra += num
                if t.get(k) in _OTHERS and _OTHERS[t.get(k)] == 1:
                    k += 1
                end = k
                gap = 0
                continue
            if k == e and k in self.cover and _DUAL_NISBA.match(w) and _DUAL_NISBA.match(t.get(k - 1) or ""):
                # "جنديان أمريكيان وجندية بريطانية": the dual's adjective, no count of its own
                k += 1
                end = k
                continue
            if (w[:1].isdecimal() and t.get(k - 1) not in _UNIT_WORDS) or k in self.cover:
                break  # (a unit's number in a title goes on: "آمر الفوج الثاني في اللواء 51")
            if w not in _QUOTES:
                gap += 1
            k += 1
        return extra, many, end

    def _companion_set_off(self, k: int) -> bool:
        """Is token k "and his X" (a possessive: "ونجله", "ومرافقه") set off by commas, the
        clause going on after it ("، ونجله، بعد أن ...", not "، وشقيقه أصيب")?"""
        t = self.t
        w = t.get(k)
        if len(w) <= 3 or not w.startswith("و") or k in self.cues:
            return False
        word = w[1:]
        nxt = t.get(k + 1)
        return (
            word not in _PERSON and self._person_word(word) is not None and (not nxt or nxt in _CLAUSE_PUNCT)
        )

    def _companions_of_his(self, ce) -> bool:
        """ "واثنان من مرافقيه", "وثلاثة من أفراد حمايته": a count of the victim's own
        companions, which may follow a long title as "ومرافقه" does."""
        t = self.t
        if t.get(ce.j) != "من":
            return False
        w = t.get(ce.j + 1) or ""
        if w in ("افراد", "عناصر", "منتسبي"):
            w = t.get(ce.j + 2) or ""
        return bool(_COMPANIONS_OF_HIS.match(w))

    def _counted_many(self, e: int) -> bool:
        """Does the victim phrase ending at token e count two or more (a dual or a number)?"""
        n = self._person_word(self.t.w[e - 1]) if e > 0 else None
        if n is not None:
            return n[1] or n[0] >= 2
        return any(ce.j == e and (ce.best or 0) >= 2 for ce in self.ce_at.values())

    def _person_word(self, w: str) -> tuple[int, bool] | None:
        """A person noun, possibly with a possessive suffix: (number, is_plural)."""
        if w in _PERSON:
            n = _PERSON[w]
            return (n, False) if n is not None else (0, True)
        for suf in ("هما", "ها", "ه", "هم"):
            if w.endswith(suf) and len(w) > len(suf) + 1:
                base = w[: -len(suf)]
                if base[-2:] in ("او", "اي") and _PERSON.get(base[:-1] + "ء", 0) is None:
                    return 0, True  # "أبناؤه", "أبنائهم": the hamza sits on و / ي before a suffix
                if base.endswith("ي") and base[:-1] in _PERSON:  # مرافقيه: his companions
                    if (
                        _PERSON[base[:-1]] == 1
                        and base[:-1] not in _SOUND_PLURAL
                        and not base[:-1].endswith("ي")
                    ):
                        return 2, False  # "وطفليه": his two children (the plural is أطفاله)
                    return 0, True
                if base[-1:] in ("ا", "و") and _PERSON.get(base[:-1]) == 1:
                    # the nominative before a pronoun: "ومرافقاه" his two companions (the
                    # dual's ن falls), "ومرافقوه" his companions (the plural's)
                    return (2, False) if base.endswith("ا") else (0, True)
                if base.endswith("ي"):
                    continue  # عراقيه is "Iraqi (f.)", not "his Iraqi"
                for cand in (base, base[:-1] + "ه" if base.endswith("ت") else None):
                    if cand and cand in _PERSON and _PERSON[cand] == 1:
                        return 1, False
                if suf in ("ها", "ه", "هم", "هما") and _PERSON.get(base, 0) is None and len(base) > 3:
                    return 0, True  # "أطفالها", "أبناؤهم": their people, a plural
        return None

    def _bind(self, cls: str, pos: int, c: Count | None) -> None:
        self.found[cls].append((pos, c))

    # --- patterns
    def result_nouns(self) -> None:
        """5 قتلى، 14 جريحا، مئات الجرحى; a bare قتيل = 1, قتيلين = 2."""
        t = self.t
        # "25 ضحية بين قتيل وجريح": one joint figure, neither a killed nor a wounded count
        for k in _positions(t.w, "بين"):
            first, second = _RESULT.get(t.get(k + 1)), t.get(k + 2)
            res2 = _RESULT.get(second[1:]) if second.startswith("و") else None
            if first is None or res2 is None or res2[0] == first[0]:
                continue
            self.used.update((k + 1, k + 2))
            for ce in self.ces:
                if ce.j <= k <= ce.j + 2:
                    self.joint.add(ce.i)
                    self.used.update(range(ce.i, k + 3))
        for ce in self.ces:
            if ce.i in self.joint:
                self._bind("k", ce.i, None)
                self._bind("w", ce.i, None)
                if self.joint_count is None:
                    self.joint_count = self._ce_count(ce)
                continue
            kind, h = self._head(ce)
            if kind in ("k", "w"):
                other = t.get(h + 1)
                if other.startswith("و") and len(other) > 1:
                    res2 = _RESULT.get(other[1:])
                    # (not a dual, which counts itself: "ثلاثة قتلى وجريحين" is 3 and 2)
                    if res2 is not None and res2[0] != kind and res2[1] != 2 and h + 2 not in self.ce_at:
                        # "عشرات القتلى والجرحى": a joint figure, not a killed count
                        self._bind("k", ce.i, None)
                        self._bind("w", ce.i, None)
                        if self.joint_count is None:
                            self.joint_count = self._ce_count(ce)
                        self.used.update(range(ce.i, h + 2))
                        continue
                c = self._ce_count(ce)
                if t.get(h + 1) == "علي" and t.get(h + 2) == "الاقل":
                    c = Count(c.low, c.best, None, c.start, c.end)
                self._bind(kind, ce.i, c)
                self.used.update(range(ce.i, h + 1))
            elif kind == "partitive":
                self.used.update(range(ce.i, h + 1))
        # (speed: only the indefinite result nouns, the others are passed over)
        for i in [k for k, w in enumerate(t.w) if w in _INDEFINITE_RESULT_X]:
            if i in self.used or i in self.cover or i in self.cues:
                continue
            (cls, num, _definite), lead = _RESULT_X[t.w[i]]
            if cls == "w" and any(_strip_set(t.get(i - k), _BODY_WORDS) for k in (1, 2, 3) if i - k >= 0):
                continue  # "جثة شاب مصاب بطلق ناري": the wound of the dead, no one hurt
            if cls == "w" and num is not None and _strip_set(t.get(i - 1), _DIED_OF_WOUNDS):
                cls = "k"  # "توفي جريح متأثرا بجروحه", "فارق جريح الحياة": the wounded one died
            if num is None:
                self._bind(cls, i, None)
            else:
                self._bind(cls, i, self._fixed(num, i, i + 1, lead))
            self.used.add(i)

    def cue_forward(self, i: int, cls: str, kind: str) -> bool:
        """Look after a cue for its victims. True when something (even uncounted) bound."""
        t = self.t
        k = i + 1
        immediate = True
        quoted = t.get(k) in _QUOTES  # "مشروع “استشهاد”": a word in quotes, not an event
        # "قتلت قوة من الجيش خمسة من عناصر داعش": an active killing verb, its subject (a
        # force, a weapon) first, then the dead it made
        killer = cls == "k" and t.w[i] in _KILLER_VERBS
        steps = 0
        while k < t.n and steps <= 4:
            w = t.w[k]
            if w in _STRONG_PUNCT or (w in "،," and not immediate):
                return False
            if w in "،,":
                aside = self._time_aside(k) if k == i + 1 else None
                if aside is None:
                    return False
                # "قتل، اليوم السبت، شاب": a time told between commas, then the subject
                k = aside
                continue
            if k in self.cues and k != i:
                c2 = self.cues[k]
                if (
                    immediate
                    and kind not in ("verb_p", "verb_d")
                    # ("جندي قتل وأصيب اثنان": the verb's subject came before it)
                    and not (kind == "verb_s" and _strip(t.get(i - 1), _PERSON) is not None)
                    and c2[0] != cls
                    and c2[1] in ("event", "verb_s")
                    and t.w[k].startswith("و")
                ):
                    # "مقتل وإصابة 5": a joint figure, neither is counted (not after a plural
                    # verb, whose subject came before it: "ثلاثة جنود قتلوا وأصيب اثنان")
                    self._bind(cls, i, None)
                    self._bind(c2[0], k, None)
                    self.used.add(k)
                    return True
                return False
            if w in _QUOTES or w in _FILLERS:
                k += 1
                continue
            if w == "ما" and t.get(k + 1) in _SO_CALLED:
                k += 2  # "مقتل ما يسمى والي نينوى": the so-called title, then the victim
                continue
            ce = self.ce_at.get(k)
            if ce is not None and ce.i in self.joint:
                self._bind("k", k, None)
                self._bind("w", k, None)
                return True
            if ce is not None:
                hkind, h = self._head(ce)
                if hkind == "block" or (hkind in ("k", "w") and hkind != cls):
                    return False
                if hkind == "partitive" and not immediate and not killer:
                    return False  # "توفي اثنان من المصابين" binds; a far partitive does not
                if not immediate and hkind not in ("person", "others", cls):
                    return False
                end = max(ce.j, h + 1) if hkind in ("person", "others") else ce.j
                if hkind == "person" and not ce.dual_noun:
                    end = h + 1
                extra, many, cend = self._chain(end)
                c = self._widen(self._ce_count(ce, extra, many), extra, cend)
                if t.get(end) == "علي" and t.get(end + 1) == "الاقل":
                    c = Count(c.low, c.best, None, c.start, c.end)
                self._bind(cls, k, c)
                self.used.update(range(ce.i, ce.j))
                return True
            if k in self.cover:
                return False
            if w in _BLOCK_X and (cls == "w" or not (w.startswith("ال") or killer)):
                # "إصابة سيارة", "أصيبت خلاله قاعدة": things were hit; but a weapon may be
                # the subject of an active verb: "قتلت الغارة ثلاثة", "قتلت طائرات التحالف"
                return False
            pw = self._person_word(w) if _ARABIC_WORD.match(w) else None
            if pw is None:
                st = _PERSON_X.get(w)
                if st is not None:
                    pw = (st[0], False) if st[0] is not None else (0, True)
            if pw is not None and pw[0] == 1 and w.startswith("ال") and _DEFINITE.match(t.get(k - 1)):
                # "الجيش العراقي", "الجانب التركي": a definite nisba after a definite noun is
                # its adjective, no one person
                pw = None
            if pw is not None and immediate and cls == "k" and w in _GUNMEN_SUBJECT:
                # "قتل مسلحون مجهولون مواطنا": gunmen (nominative) and then an accusative
                # victim or a count are the active verb's subject and object
                k2 = k + 1 + (t.get(k + 1) in _GUNMEN_SUBJECT)
                if t.get(k2) in ("،", ","):
                    k2 = self._time_aside(k2) or k2  # "قتل مسلحون مجهولون، مساء أمس، مختار"
                k2 = self._instrument_or_time(k2)
                obj = t.get(k2)
                # (the victim in the accusative, "مواطنا", or heading a construct, which
                # shows no case: "صاحب محل", "مختار قرية"; the subject was told before it)
                if (k2 in self.ce_at and not (k2 == k + 1 and obj in _NUMERAL_AFTER_NOUN)) or (
                    self._person_word(obj) == (1, False)
                    and (obj.endswith("ا") or _ARABIC_WORD.match(t.get(k2 + 1)) is not None)
                ):
                    immediate = False
                    k = k2
                    continue
            if pw is not None:
                num, plural = pw
                if plural:
                    nxt = t.get(k + 1)
                    if nxt in _DEF_UNITS or nxt in ("الاثنين", "الاثنان", "الاثنتين"):
                        n = _DEF_UNITS.get(nxt, 2)
                        self._bind(cls, k + 1, self._fixed(n, k + 1, k + 2))
                        return True
                    self._bind(cls, k, None)
                    return True
                extra, many, cend = self._chain(k + 1)
                c = self._widen(self._fixed(num + extra, k, k + 1), extra, cend)
                if many:
                    c = Count(c.low, c.best, None, c.start, c.end)
                self._bind(cls, k, c)
                return True
            if w in _OTHERS:
                n = _OTHERS[w]
                self._bind(cls, k, self._fixed(n, k, k + 1) if n else None)
                return True
            if immediate:
                if w in _KUNYA and k + 1 < t.n and _ARABIC_WORD.match(t.w[k + 1]):
                    extra, many, cend = self._chain(k + 2)
                    self._bind(cls, k, self._widen(self._fixed(1 + extra, k, k + 2), extra, cend))
                    return True
                if (
                    cls == "k"
                    and kind == "event"
                    and _ARABIC_WORD.match(w)
                    and not quoted
                    # ("أودى بحياة مهدي": the life a verb took, then the name)
                    and (t.w[i][(_strip(t.w[i], _CUE) or (None, 0))[1] :] in _NAME_CUES or t.w[i] in _LIFE_X)
                    and w not in _FUNCTION
                    and not w.startswith("ال")
                    and not w.startswith("و")
                    and w not in _BLOCK
                    and not w.endswith(("ات", "ون", "يين"))
                    and _strip(w, _RESULT) is None
                    and len(w) >= 3
                ):
                    # a name: "مقتل سليماني" = 1
                    extra, many, cend = self._chain(k + 1)
                    c = self._widen(self._fixed(1 + extra, k, k + 1), extra, cend)
                    self._bind(cls, k, c)
                    return True
            immediate = False
            steps += 1
            k += 1
        return False

    def _time_aside(self, k: int) -> int | None:
        """After the comma at k, a time between commas ("، مساء أمس الجمعة،"): the index
        after its closing comma, else None."""
        t = self.t
        j = k + 1
        while j < t.n and j - k <= 8:
            w = t.w[j]
            if w in "،,":
                if j == k + 1:
                    return None
                return self._time_aside(j) or j + 1  # (asides in a row)
            if not (w in _TIME_ASIDE or w in _MONTHS_X or w.isdecimal()):
                return None
            j += 1
        return None

    def _chain_left(self, ce: _CE) -> int:
        """People joined by "و" before a subject count: "امرأة وطفلين أصيبوا" -> +1."""
        t = self.t
        first = t.w[ce.i]
        k = ce.i - 1
        if first.startswith("و") and ce.lead == 1:
            pass
        elif t.get(k) == "و":
            k -= 1
        else:
            return 0
        w = t.get(k)
        other = self.cover.get(k)
        if other is not None and other is not ce and other.best is not None:
            return other.best
        pw = self._person_word(w) if w else None
        if pw is not None and not pw[1]:
            return pw[0]
        return 0

    def cue_backward(self, i: int, cls: str, reach: int = 7) -> bool:
        """A plural verb after its subject: "10 متظاهرين قتلوا"."""
        t = self.t
        k = i - 1
        words = 0
        while k >= 0 and words < reach:
            w = t.w[k]
            if w in _STRONG_PUNCT:
                return False
            if k in self.cues:
                return False
            ce = self.cover.get(k)
            if ce is not None:
                hkind, h = self._head(ce)
                if hkind in ("person", "others", "other", "none") and ce.best is not None:
                    self._bind(cls, ce.i, self._ce_count(ce, self._chain_left(ce)))
                    return True
                return False
            if w not in _QUOTES:
                words += 1
            k -= 1
        return False

    def cues_pass(self) -> None:
        t = self.t
        for i, (cls, kind, hint, lead) in sorted(self.cues.items()):
            if i in self.used:
                continue
            prev = t.get(i - 1)
            if (
                cls == "w"
                and hint is not None
                and (prev in _CAUSE_BEFORE or t.w[i][:lead] in ("ب",) and prev in _CAUSE_BEFORE)
            ):
                continue  # "إثر إصابته": the wound that killed, not a wounded count
            if prev in _ATTEMPT or prev in _GENERIC_EVENT:
                continue  # "محاولة اغتيال", "عمليات اغتيال", "جرائم قتل": not one event's toll
            if t.w[i][lead:].startswith(("اعدام", "الاعدام")) and (
                # (the court between: "قضت المحكمة الجنائية بإعدامه")
                any(t.get(i - k) in _SENTENCING for k in (1, 2, 3)) or t.w[i].startswith("بال")
            ):
                continue  # "تنفيذ حكم الإعدام بحق 11 مدانا", "قضت بالإعدام": a court's sentence
            if cls == "w" and t.w[i][lead:].startswith("اصابت") and hint is not None and prev in _MANNER:
                continue
            if hint in (1, 2):
                extra, many, cend = self._chain(i + 1)
                c = self._widen(self._fixed(hint + extra, i, i + 1, lead), extra, cend)
                if many:
                    c = Count(c.low, c.best, None, c.start, c.end)
                self._bind(cls, i, c)
                continue
            if hint == "many":
                # "سيارة تقل ثلاثة من عناصر الحزب ...، ما أدى إلى مقتلهم جميعا": "all of
                # them" points back to a count told earlier in the sentence
                reach = 20 if t.get(i + 1) in _ALL_OF_THEM else 7
                if not self.cue_backward(i, cls, reach):
                    self._bind(cls, i, None)
                continue
            if kind == "verb_d":
                # a dual verb ("قتلا", "أصيبا") has its two subjects before it (a verb before
                # its subject stays singular): what follows it is not who died, unless a count
                before = len(self.found[cls])
                if self.cue_forward(i, cls, kind) and any(c is not None for _, c in self.found[cls][before:]):
                    continue
                del self.found[cls][before:]
                self._bind(cls, i, self._fixed(2, i, i + 1, lead))
                continue
            if kind == "verb_p" and self.cue_backward(i, cls):
                continue  # "ثلاثة من مقاتليها استشهدوا بقصف تركي": its subject came before it
            if self.cue_forward(i, cls, kind):
                continue
            if kind == "verb_d":
                self._bind(cls, i, self._fixed(2, i, i + 1, lead))
            elif kind == "verb_p":
                self._bind(cls, i, None)  # (its subject before it was looked for first)
            elif kind == "verb_s":
                after = i + 2 if t.get(i + 1) in _LEFT_LIFE_NOUNS else i + 1  # "فارق الحياة"
                nxt = t.get(after)
                # (or the next cue right after it: "جندي قتل وأصيب اثنان")
                if (
                    not nxt
                    or nxt in _STRONG_PUNCT
                    or _strip_set(nxt, _MANNER)
                    or nxt in _MANNER
                    or after in self.cues
                ):
                    if not self.cue_backward(i, cls):
                        self._bind(cls, i, self._fixed(1, i, i + 1, lead))
            else:
                self._bind(cls, i, None)

    def tolls(self) -> None:
        """عدد القتلى ... إلى 30؛ حصيلة الشهداء بلغت 12؛ تجاوز عدد الجرحى 700؛ والإصابات 197."""
        t = self.t
        if _TOLL_FORMS.isdisjoint(t.w):
            return  # (speed: one C-level scan for most sentences)
        # (only the tokens the two branches below read, see _TOLL_FORMS)
        for i, w in [(k, w) for k, w in enumerate(t.w) if w in _TOLL_FORMS]:
            if w in _TOLL_HEADS_X:
                r = i + 1
                if t.get(r) in ("عدد", "حصيله"):
                    r += 1
                res = _RESULT.get(t.get(r))
                if res is None:
                    continue
                window = 12
            else:
                # a definite result noun that is itself the subject: "والإصابات 197"
                hit = _RESULT_X.get(w)
                if hit is None or not hit[0][2] or i in self.used:
                    continue
                r, res, window = i, hit[0], 3
            cls = res[0]
            nxt = t.get(r + 1)
            if nxt.startswith("و") and _RESULT.get(nxt[1:], ("", 0, 0))[0] not in ("", cls):
                self.used.add(r + 1)
                continue  # "حصيلة القتلى والجرحى": a joint toll, split unknown
            at_least = t.get(i - 1) in ("تجاوز", "تخطي", "يتجاوز", "فاق", "تجاوزت")
            chosen = None
            for k in range(r + 1, min(t.n, r + window)):
                if t.w[k] in _STRONG_PUNCT:
                    break
                ce = self.ce_at.get(k)
                if ce is None:
                    continue
                hkind, _h = self._head(ce)
                if hkind in ("block", "partitive") or (hkind in ("k", "w") and hkind != cls):
                    continue
                prev = t.get(k - 1)
                linked = prev in _TOLL_LINKS or prev in ("ال", "الي") or k == r + 1
                if linked:
                    chosen = ce
                    break
                if chosen is None:
                    chosen = ce  # fallback: the first plain count in the window
            if chosen is None:
                continue
            ce = chosen
            if ce.range_from:
                c = self._fixed(ce.high, ce.i, ce.j)
            else:
                c = self._ce_count(ce)
            if at_least:
                c = Count(c.low, c.best, None, c.start, c.end)
            self._bind(cls, ce.i, c)

    def zeros(self) -> dict[str, Count]:
        """Explicit none: دون وقوع إصابات، لم يسفر عن ضحايا، لا قتلى، لم يصب أحد."""
        t = self.t
        out: dict[str, Count] = {}
        if _NEGATORS.isdisjoint(t.w):
            return out  # (speed: one C-level scan for most sentences)
        for i in [k for k, w in enumerate(t.w) if w in _NEGATORS]:
            k = i + 1
            budget = 6
            while k < t.n and budget > 0:
                tok = t.w[k]
                if tok in _CLAUSE_PUNCT or tok in _ZERO_STOP or tok[:1].isdecimal() or k in self.cover:
                    break
                verb = _ZERO_VERBS.get(tok)
                if verb is not None and t.get(k + 1) in ("احد", "اي"):
                    c = self._fixed(0, i, k + 2)
                    out.setdefault(verb, c)
                    break
                if (verb == "w" or tok in _HURT_PASSIVE) and t.get(k + 1) in _UNHARMED:
                    # "دون أن يصاب بأذى", "لم يصب بسوء": unharmed, no one hurt or killed
                    c = self._fixed(0, i, k + 2)
                    out.setdefault("w", c)
                    out.setdefault("k", c)
                    break
                matched = None
                for phrase, classes in _ZERO_NOUNS:
                    first = phrase[0]
                    if tok != first and not (tok[:1] in ("ب", "ل") and tok[1:] == first):
                        continue
                    if all(t.get(k + m) == phrase[m] for m in range(1, len(phrase))):
                        matched = (phrase, classes)
                        break
                if matched is not None:
                    phrase, classes = matched
                    end = k + len(phrase)
                    if t.get(end) in ("اخري", "اخرين"):  # "لم تسجل إصابات أخرى": not a zero
                        break
                    if phrase == _BARE_LOSSES and t.get(end) in _PROPERTY_LOSSES:
                        break  # "دون خسائر مادية": property, not people
                    c = self._fixed(0, i, end)
                    for cls in classes:
                        out.setdefault(cls, c)
                    break
                if k in self.cues:
                    if t.get(k + 1) in ("احد", "اي"):  # "لم يسفر عن مقتل أحد"
                        out.setdefault(self.cues[k][0], self._fixed(0, i, k + 2))
                    break
                if tok in _RELATIVE_PRONOUNS and budget < 12:
                    # "لم يسفر الهجوم الذي استهدف نقطة للجيش في الطارمية عن قتلى": the subject's
                    # relative clause stands between the negated verb and what it says of none
                    budget += 8
                budget -= 1
                k += 1
        return out

    def _two_sides(self, first: int, second: int) -> bool:
        """Are the counts at tokens `first` and `second` the dead of two sides: the attackers
        (militants, gunmen) on one, anyone else on the other, the second told by a casualty
        verb of its own joined to the first ("وقتل ثلاثة", "فيما استشهد منتسب"; not a share,
        "بينهم", nor the victims of an earlier act, "المتورطين في اغتيال ضابط")? Or are they
        more dead told in so many words ("فضلا عن", "إضافة إلى")?"""
        w = self.t.w
        if self._in_addition(second):
            # "مقتل جندي ...، فضلا عن سقوط قتيلين من المسلحين": more dead, said to be more
            return True
        cue = self.cues.get(second - 1)  # the casualty verb or noun right before the count
        if cue is None:
            return False
        joined = cue[3] > 0 and w[second - 1].startswith("و")  # "وقتل", "ومقتل"
        if not joined and not self._while_clause(second - 1):  # "فيما استشهد"
            return False
        return _is_attackers(_own_words(w[first : min(first + 5, second)])) != _is_attackers(
            _own_words(w[second : second + 5])
        )

    def _while_clause(self, cue: int) -> bool:
        """Does a "while" open the clause of the cue at token `cue`, right before it or a few
        words before with no punctuation between ("فيما استشهد", "فيما تمكن المقاتلون من قتل")?"""
        w = self.t.w
        for k in range(cue - 1, max(-1, cue - 6), -1):
            if w[k] in _WHILE_WORDS:
                return True
            if not w[k][0].isalpha() or k in self.cues:
                return False
        return False

    def _instrument_or_time(self, k: int) -> int:
        """Past what may stand between an active verb's subject and its object, unmarked by
        commas: the weapon ("بمسدسات كاتمة للصوت", "بأسلحة خفيفة") or the time ("مساء أمس");
        the object's position when one of them is there and a person follows within a few
        words, else `k`."""
        t = self.t
        w = t.get(k)
        if w in _TIME_ASIDE and w != "في":
            nxt = k + 1
            while nxt < t.n and nxt - k < 4 and t.w[nxt] in _TIME_ASIDE:
                nxt += 1
        elif w.startswith("ب") and len(w) > 3 and self._person_word(w) is None:
            nxt = k + 1
        else:
            return k
        for j in range(nxt, min(t.n, nxt + 3)):
            if j in self.ce_at or self._person_word(t.get(j)) == (1, False):
                return j
            if not _ARABIC_WORD.match(t.get(j)):
                break
        return k

    def _in_the_act(self, pos: int) -> bool:
        """Is the count at token `pos` told "in the operation / attack / strike" right after its
        verb ("15 من عناصر التنظيم قتلوا في العملية")?"""
        w = self.t.w
        for k in range(pos + 1, min(len(w) - 1, pos + 8)):
            if w[k] in _STRONG_PUNCT:
                return False
            if w[k] in ("في", "خلال", "جراء", "اثر") and w[k + 1] in _THE_ACT:
                return True
        return False

    def _in_addition(self, pos: int) -> bool:
        """Is the count at token `pos` told "in addition to" those before it ("فضلا عن سقوط
        قتيلين", "إضافة إلى مقتل اثنين", "علاوة على إصابة ثلاثة")?"""
        w = self.t.w
        k = pos - 1
        if k in self.cues or self.t.get(k) == "سقوط":  # (the verb or noun of the count)
            k -= 1
        return k >= 1 and (w[k - 1], w[k]) in _ADDITION

    def _raised_to(self, pos: int) -> bool:
        """Is the count at token `pos` what a toll rose to ("ارتفعت الحصيلة إلى ستة قتلى")?"""
        words = self.t.w[max(0, pos - 8) : pos]
        if "الي" not in words[-2:]:
            return False
        rose = next((k for k, w in enumerate(words[:-1]) if _ROSE_RE.match(w)), None)
        # (not a running total: "ليرتفع عدد القتلى منذ بداية الشهر إلى 40")
        return rose is not None and _RUNNING_TOTAL.isdisjoint(words[rose:])

    def _said_again(self, cls: str, before: Count, second: int) -> bool:
        """Is the count at token `second` told by its own casualty word, joined by "و" and
        following the count `before` with nothing between ("مقتله ومقتل سائقه")?"""
        t, k = self.t, second - 1
        cue = self.cues.get(k)
        if cue is None or k <= 0 or cue[0] != cls or cue[3] <= 0 or not t.w[k].startswith("و"):
            return False
        return before.end <= t.s[k] and not t.text[before.end : t.s[k]].strip()

    def _more_others(self, before: Count, c: Count) -> bool:
        """Is the count one of "others" ("ثمانية آخرين") the same act killed besides those
        counted before it (its result told: "ما أدى أيضا إلى مقتل"), not among them ("بينهم
        ثلاثة آخرون") nor in another clause ("فيما قتل آخر في هجوم منفصل")?"""
        t = self.t
        if c.best is None:
            return False
        last = next((k for k in range(t.n) if t.s[k] < c.end <= t.e[k]), None)
        first = next((k for k in range(t.n) if t.s[k] <= c.start < t.e[k]), None)
        if last is None or first is None or t.get(first - 1) in _AMONG_THEM:
            return False
        between = {w for k, w in enumerate(t.w) if before.end <= t.s[k] and t.e[k] <= c.start}
        if between & _WHILE_WORDS or not between & _RESULT_VERBS:
            return False
        return t.get(last) in _MORE_OTHERS or t.get(last + 1) in _MORE_OTHERS

    def result(self) -> Casualties:
        self.result_nouns()
        self.tolls()
        self.cues_pass()
        zeros = self.zeros()
        picked: dict[str, Count | None] = {}
        for cls in ("k", "w"):
            counted = sorted(((pos, c) for pos, c in self.found[cls] if c is not None), key=lambda x: x[0])
            if counted:
                picked[cls] = first = counted[0][1]
                raised = [c for pos, c in counted[1:] if self._raised_to(pos)]
                if raised:
                    # "قتل 4 جنود ... ثم ارتفعت الحصيلة إلى ستة قتلى": the toll as it rose
                    picked[cls] = raised[-1]
                    continue
                if len(counted) == 2 and (
                    # "قتل خمسة إرهابيين ... فيما استشهد منتسبان": the dead of both sides
                    # (spec section 6: killed counts all sides)
                    self._two_sides(counted[0][0], counted[1][0])
                    # "قتل سليماني والمهندس بضربة ...، ما أدى أيضا إلى مقتل ثمانية آخرين":
                    # the others were killed besides the ones counted first
                    or self._more_others(first, counted[1][1])
                    # "مقتل جندي ومقتل مدنيين اثنين", "ما أسفر عن مقتله ومقتل سائقه": the word
                    # said again right after the first count, one list of the dead
                    or self._said_again(cls, first, counted[1][0])
                ):
                    second = counted[1][1]
                    picked[cls] = Count(
                        (first.low or 0) + (second.low or 0),
                        (first.best or 0) + (second.best or 0),
                        None if first.high is None or second.high is None else first.high + second.high,
                        first.start,
                        first.end,
                    )
                    continue
                if (
                    len(counted) == 2
                    and (counted[1][1].best or 0) > (first.best or 0) > 0
                    and self._in_the_act(counted[1][0])
                ):
                    # "قتلت قياديا بارزا ...، مضيفا أن 15 من عناصر التنظيم قتلوا في العملية": the
                    # act's whole toll, named by the act, over the one singled out before it
                    picked[cls] = counted[1][1]
                    continue
                for pos, c in counted[1:]:
                    cue = self.cues.get(pos)
                    # "اغتيل القيادي ... ما أسفر عن مقتله مع اثنين من مرافقيه": the pronoun is
                    # the victim counted first; the later count adds his companions to him
                    if (
                        cue is not None
                        and cue[0] == cls
                        and cue[2] in (1, 2)
                        and first.best == cue[2]
                        and c.best is not None
                        and c.best > first.best
                    ):
                        picked[cls] = c
                        break
            else:
                picked[cls] = zeros.get(cls)
        return Casualties(killed=picked["k"], wounded=picked["w"], joint=self.joint_count)


# the verbs of dying right before a wounded one ("توفي جريح", "فارق جريح الحياة")
_DIED_OF_WOUNDS = frozenset(_N(w) for w in ("توفي", "توفيت", "فارق", "فارقت", "توفى"))
_STARTERS = _build_starters()
for _table in (
    _CUE,
    _PERSON,
    _RESULT,
    _LABEL,
    _MONTHS,
    _MANNER,
    _TOLL_HEADS,
    _UNITS,
    _TEN,
    _TENS,
    _HUNDREDS,
    _THOUSAND_ALONE,
    _DEF_UNITS,
    _DIED_OF_WOUNDS,
):
    _expand(_table)  # built once at import, not on the first sentence
_NUMBER_WORD_FORMS = frozenset(_DEF_UNITS).union(
    *(_expand(table) for table in (_UNITS, _TEN, _TENS, _HUNDREDS, _THOUSAND_ALONE))
)
_VALUE_STARTS = _NUMBER_WORD_FORMS | _VAGUE_FORMS | frozenset(_PERSON_X)


def _qualifier_second() -> dict[str, frozenset[str]]:
    """The first word of a qualifier of two words or more ("في حدود", "على الأقل", "ما لا
    يقل عن"; "ما بين"; "من" before a digit) that is no number: -> the second words of
    its qualifiers. Parser.count reads a count there only when one of them follows."""
    out: dict[str, frozenset[str]] = {}
    for w in _QUALIFIER_STARTS - _VALUE_STARTS - {"بين", "وبين"}:
        rests = [rest for rest, _size, _lead in _AT_LEAST_IX.get(w, []) + _APPROX_IX.get(w, [])]
        if all(rests):  # (a one-word qualifier, "نحو", may have the number right after it)
            out[w] = frozenset(rest[0] for rest in rests) | ({"بين"} if w == "ما" else set())
    return out


_QUALIFIER_SECOND = _qualifier_second()
assert _QUALIFIER_SECOND["من"] == frozenset()  # (its one count: "من" and digits, the range)
_EMPTY = Casualties(None, None)
_INDEFINITE_RESULT_X = frozenset(form for form, hit in _RESULT_X.items() if not hit[0][2])
# the tokens _Binder.tolls reads: a toll head, or a definite result noun (the subject)
_TOLL_FORMS = frozenset(_TOLL_HEADS_X).union(form for form, hit in _RESULT_X.items() if hit[0][2])
# Speed: every token a branch of _Binder's cue loop can make a cue of (the loop skips the
# others: each branch tests its token against one of these tables first)
_CUE_FORMS = frozenset(_CUE_X).union(
    _LIFE_X, _LEFT_LIFE_X, _PASSED_X, _SUFFERED_X, _THEIR_VICTIM, _PASSED_MANY_X, _BODIES_X
)
_RELATIVE_PRONOUNS = frozenset(("الذي", "التي", "الذين", "اللذين", "اللتين"))
_DISEASE = frozenset(_norm_list(_V.get("disease_words")))
# every token form _strip_set(w, _DISEASE) answers truthily for (with or without a clitic)
_DISEASE_FORMS = frozenset(form for form, (word, _lead) in _expand(_DISEASE).items() if word)
_VIOLENT_RE = re.compile(r"قتل|مقتل|استشهد|استشهاد|هجوم|انفجار|اشتباك|قصف|اغتيال|عبوه|مسلح|رصاص|غاره|صاروخ")


def _raw_cue(sentence: str, text) -> bool:
    """`_CUE_PRECHECK.search(sentence)`, tried only where the normalized text holds a stem.

    A raw match is a stem whose letters may carry marks (dropped by normalize) and hamza /
    ta marbuta spellings (folded to the bare letter), so the normalized text holds that
    stem from the match's first letter on; every position where a stem starts there is
    tried (overlaps too), so the answer is the raw search's, without scanning the whole
    raw sentence (`text` is prepare(sentence))."""
    search, match, norm = _STEM_PRECHECK.search, _CUE_PRECHECK.match, text.norm
    m = search(norm)
    while m is not None:
        if match(sentence, text.orig(m.start())):
            return True
        m = search(norm, m.start() + 1)
    return False


# who the count is of: militants or gunmen (the attackers' side), in the words after it
_ATTACKERS_RE = re.compile(
    r"(?:^|\s)(?:من\s+)?(?:ال)?(?:ارهابي\S*|مسلح\S*|مهاجم\S*|دواعش|انتحاري\S*|"
    # outlaws the forces fought ("فيما قتل أحد المتهمين", "مطلوبين", "الخاطفين", "المهربين")
    r"متهم\S*|مطلوب\S*|خاطف\S*|مهرب\S*|"
    r"(?:عناصر|مسلحي|افراد)\s+(?:من\s+)?(?:تنظيم\s+)?(?:داعش|التنظيم))(?:\s|$)"
)
_WHILE_WORDS = frozenset({"فيما", "بينما", "حين", "كما"})
_ADDITION = frozenset({("فضلا", "عن"), ("اضافه", "الي"), ("بالاضافه", "الي"), ("علاوه", "علي")})


# where a count's own words end: the circumstances follow ("ضابط خلال اشتباك مسلح")
_CIRCUMSTANCE = frozenset({"خلال", "اثناء", "اثر", "جراء", "عند", "بعد", "في", "بسبب", "نتيجه"})


def _own_words(words: list[str]) -> list[str]:
    """The words of a counted group before the circumstances of its death."""
    for k, w in enumerate(words):
        if k and w in _CIRCUMSTANCE:
            return words[:k]
    return words


def _is_attackers(words: list[str]) -> bool:
    return _ATTACKERS_RE.search(" ".join(words)) is not None


_ROSE_RE = re.compile(r"(?:و|ف|ل)?(?:ارتفع|يرتفع|ترتفع)\S*$")
_RUNNING_TOTAL = frozenset({"منذ", "خلال", "مطلع", "بدايه", "الاجمالي", "اجمالي", "الكلي", "الكليه"})


def find_casualties(sentence: str) -> Casualties:
    """Killed and wounded counts one sentence reports (spec section 6)."""
    if not sentence or not isinstance(sentence, str):
        return _EMPTY
    text = prepare(sentence)
    norm = text.norm
    if not _raw_cue(sentence, text):
        return _EMPTY
    toks = _Toks(sentence)
    if not _DISEASE_FORMS.isdisjoint(toks.w) and not _VIOLENT_RE.search(norm):
        return _EMPTY  # infections and deaths from a disease, not casualties of violence
    return _Binder(toks).result()
