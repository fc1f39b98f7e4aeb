"""A seeded synthetic corpus of Arabic news articles whose incidents are known.

    corpus = generate(n, seed=7)        # Corpus: articles (JSON Lines records) + events
    corpus.write_jsonl(path)
    corpus.expected                     # counts a correct run must produce

What it is for: benchmarking (throughput, scaling, memory) on inputs the size of a
multi-year backfill, and checking at the same time that the output counts are right.
It is not a quality corpus: the sentences are composed from a few dozen templates
written for this file, so a reader tuned on them learns nothing about real news.

How an article is composed (1-6 KB of UTF-8 text):

- a title, a dateline, 0-3 event paragraphs (each one incident, reported the way Iraqi
  outlets report them: actors, places, counts and dates in every written form), trap
  paragraphs that must give no incident (aggregate tolls, another war's casualties, an
  accident, condemnations, a meeting, an "اقرأ أيضاً" headline list) and neutral filler
  (economy, services, weather) until the drawn length is reached;
- vocabulary comes from the project's own data: actor names from marsad/data/actors.csv,
  places (with their governorate) from marsad/extract/data/places.csv, cue words from
  the lists the extractor reads (marsad/extract/data/cues.yaml);
- about one event in six is reported again by another outlet within two days (another
  URL, other wording, same facts): spec section 5 merges those into one incident.

Known answer: each event is one incident (spec section 1). Distinct events are kept
apart on the keys the merge step uses: two events with the same governorate, actors and
type are at least `MIN_DAYS_APART` days apart, and one article's events lie in different
governorates. So a correct run yields `expected["incidents"]` incidents,
`expected["mentions"]` mentions (one per event report) and `expected["killed_best"]`
killed in total.

Reproducible: one `random.Random(seed)` stream, articles drawn one after another, so
`generate(n + k, seed).articles[:n] == generate(n, seed).articles` (the incremental
benchmark adds 1% new articles this way). No dependency beyond the standard library
and PyYAML-free CSV reading.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ACTORS_CSV = REPO / "marsad" / "data" / "actors.csv"
PLACES_CSV = REPO / "marsad" / "extract" / "data" / "places.csv"

# Publication dates are spread over these years (a multi-year backfill).
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 10, 31)
# Events sharing governorate, actors and type are kept this far apart, well beyond the
# one-day window within which spec section 5 merges reports of one event.
MIN_DAYS_APART = 4
# Article length in UTF-8 bytes of `text` (the issue: realistic length, 1-6 KB).
MIN_BYTES = 1000
MAX_BYTES = 6000
# Share of event reports that repeat an earlier event from another outlet.
REREPORT_SHARE = 0.16
# Events per article: 0 (politics, economy, trap-only pieces), 1, 2 or 3.
EVENTS_PER_ARTICLE = ((0, 0.18), (1, 0.62), (2, 0.15), (3, 0.05))

OUTLETS = ("akhbar", "alrased", "baghdad-today", "furat", "sumer", "dijla", "nahrain", "rafidain", "zawraa")

# ----------------------------------------------------------------------------- numbers

DIGIT_SCRIPTS = {
    "ascii": "0123456789",
    "arabic_indic": "٠١٢٣٤٥٦٧٨٩",
    "eastern": "۰۱۲۳۴۵۶۷۸۹",
}
# Cardinal 3-10 before a masculine plural (the counted noun takes the feminine numeral).
NUMBER_WORDS = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}


def digits(n: int, script: str) -> str:
    """n written with the digits of one script ("ascii", "arabic_indic", "eastern")."""
    return str(n).translate(str.maketrans("0123456789", DIGIT_SCRIPTS[script]))


def number_form(n: int, rng: random.Random) -> str:
    """A count in one of the forms news uses: words for 3-10, digits in three scripts."""
    if n in NUMBER_WORDS and rng.random() < 0.4:
        return NUMBER_WORDS[n]
    return digits(n, rng.choice(("ascii", "ascii", "arabic_indic", "eastern")))


@dataclass(frozen=True)
class Noun:
    singular: str
    dual: str
    plural: str


SOLDIERS = Noun("جندي", "جنديين", "جنود")
MEMBERS = Noun("عنصر", "عنصرين", "عناصر")
FIGHTERS = Noun("مسلح", "مسلحين اثنين", "مسلحين")
PEOPLE = Noun("شخص", "شخصين", "أشخاص")


def killed_phrase(n: int, noun: Noun, rng: random.Random) -> str:
    if n == 1:
        return f"مقتل {noun.singular}"
    if n == 2:
        return f"مقتل {noun.dual}"
    if n >= 5 and rng.random() < 0.2:
        return f"مقتل ما لا يقل عن {number_form(n, rng)} {noun.plural}"
    return f"مقتل {number_form(n, rng)} {noun.plural}"


def wounded_phrase(n: int, rng: random.Random, after_killed: bool) -> str:
    others = " آخرين" if after_killed else ""
    if n == 1:
        return "وإصابة آخر" if after_killed else f"إصابة {PEOPLE.singular}"
    if n == 2:
        return f"وإصابة اثنين{others}" if after_killed else f"إصابة {PEOPLE.dual}"
    head = "وإصابة" if after_killed else "إصابة"
    return (
        f"{head} {number_form(n, rng)}{others}"
        if after_killed
        else f"{head} {number_form(n, rng)} {PEOPLE.plural}"
    )


NO_CASUALTIES = ("دون وقوع إصابات", "دون أن يسفر عن إصابات", "من دون تسجيل خسائر بشرية")


def casualty_clause(killed: int, wounded: int, noun: Noun, rng: random.Random) -> str:
    """The result clause of an event sentence: killed and wounded, or explicit none."""
    if killed == 0 and wounded == 0:
        return rng.choice(NO_CASUALTIES)
    lead = rng.choice(("ما أسفر عن", "ما أدى إلى", "وأسفر عن"))
    if killed and wounded:
        return f"{lead} {killed_phrase(killed, noun, rng)} {wounded_phrase(wounded, rng, True)}"
    if killed:
        return f"{lead} {killed_phrase(killed, noun, rng)}"
    return f"{lead} {wounded_phrase(wounded, rng, False)}"


# ----------------------------------------------------------------------------- dates

WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # Monday=0
MONTHS_GREGORIAN = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
MONTHS_LEVANTINE = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)


def explicit_date(day: dt.date, published: dt.date, rng: random.Random) -> str:
    """ "12 تشرين الثاني 2025", "٣ أيار/ مايو", "5 يناير": both month sets, doubled, digits in
    any script; the year is left out only when it is the publication year (spec section 3)."""
    script = rng.choice(("ascii", "ascii", "arabic_indic", "eastern"))
    month = day.month - 1
    style = rng.random()
    if style < 0.4:
        name = MONTHS_GREGORIAN[month]
    elif style < 0.8:
        name = MONTHS_LEVANTINE[month]
    else:
        name = f"{MONTHS_LEVANTINE[month]}/ {MONTHS_GREGORIAN[month]}"
    text = f"{digits(day.day, script)} {name}"
    if day.year != published.year or rng.random() < 0.5:
        text += f" {digits(day.year, script)}"
    return text


def date_phrase(event_day: dt.date, published: dt.date, rng: random.Random) -> str:
    """How an article published on `published` dates an event of `event_day`."""
    delta = (published - event_day).days
    wd = WEEKDAYS[event_day.weekday()]
    if delta == 0 and rng.random() < 0.85:
        return rng.choice(("اليوم", "صباح اليوم", "مساء اليوم", f"فجر اليوم {wd}", f"اليوم {wd}"))
    if delta == 1 and rng.random() < 0.85:
        return rng.choice(("أمس", "مساء أمس", f"يوم أمس {wd}", "صباح أمس"))
    if 2 <= delta <= 6 and rng.random() < 0.7:
        return rng.choice((f"يوم {wd}", f"مساء {wd}", f"فجر {wd}", f"صباح يوم {wd}"))
    return "في " + explicit_date(event_day, published, rng)


# ----------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Place:
    name_en: str
    surface: str  # as the article writes it: "قضاء الطارمية", "قاعدة عين الأسد"
    governorate: str
    gov_ar: str
    kind: str


_ADMIN_WORDS = ("قضاء ", "ناحية ", "مدينة ", "حي ", "بلدة ", "منطقة ")
_BASE_WORDS = ("قاعدة ", "معسكر ", "مطار ")
# Bases that hosted US or coalition troops: rocket and drone attacks on them target us_forces.
US_BASES = (
    "Ain al-Asad Air Base",
    "Harir Air Base",
    "Victory Base (Baghdad Airport)",
    "Union III",
    "Erbil International Airport",
    "Balad Air Base",
    "K1 Air Base",
)


def load_places(path: Path = PLACES_CSV) -> tuple[list[Place], list[Place]]:
    """Iraqi towns/districts and US-hosting bases of the gazetteer, each with a surface form
    that names its kind ("قضاء X"), so it reads as a place and not as a common word."""
    towns, bases = [], []
    gov_ar: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    for r in rows:
        if r["kind"] == "governorate" and r["country"] == "Iraq":
            gov_ar[r["governorate"]] = r["name_ar"]
    for r in rows:
        if r["country"] != "Iraq" or not r["governorate"]:
            continue
        forms = [r["name_ar"], *[a for a in (r["aliases_ar"] or "").split("|") if a]]
        gov = gov_ar.get(r["governorate"], r["governorate"])
        if r["kind"] in ("city", "district"):
            surface = next((f for f in forms if f.startswith(_ADMIN_WORDS)), None)
            if surface is None and r["kind"] == "city" and not r["requires_prefix"]:
                surface = "مدينة " + r["name_ar"]
            if surface:
                towns.append(Place(r["name_en"], surface, r["governorate"], gov, r["kind"]))
        elif r["kind"] in ("base", "airport") and r["name_en"] in US_BASES:
            surface = next((f for f in forms if f.startswith(_BASE_WORDS)), None)
            if surface:
                bases.append(Place(r["name_en"], surface, r["governorate"], gov, r["kind"]))
    return towns, bases


def load_actor_names(path: Path = ACTORS_CSV) -> dict[str, str]:
    """actor id -> its Arabic name in actors.csv."""
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r["name_ar"] for r in csv.DictReader(fh)}


# Factions that claim rocket and drone attacks on US bases (ids of actors.csv).
CLAIMING_FACTIONS = (
    "islamic_resistance_iraq",
    "kataib_hezbollah",
    "nujaba",
    "kataib_sayyid_al_shuhada",
    "ashab_al_kahf",
    "usbat_al_thairin",
    "qasim_al_jabbarin",
    "saraya_awliya_al_dam",
    "rab_allah",
    "saraya_thawrat_al_ishrin",
)
# Factions whose sites US strikes hit.
STRUCK_FACTIONS = ("kataib_hezbollah", "nujaba", "kataib_sayyid_al_shuhada", "pmf")
KURDISTAN = ("Duhok", "Erbil", "Sulaymaniyah", "Nineveh")


# ----------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Event:
    """One incident as the generator planted it (the answer key)."""

    event_id: int
    template: str
    date: str  # ISO day
    sub_event_type: str
    perpetrator_id: str
    target_id: str | None
    governorate: str
    location: str
    killed: int
    wounded: int
    claimed: bool


@dataclass
class _Plan:
    template: str
    sub_event_type: str
    perpetrator_id: str
    target_id: str | None
    place: Place
    killed: int
    wounded: int
    claimed: bool
    extra: dict = field(default_factory=dict)


class Vocab:
    def __init__(self) -> None:
        self.towns, self.bases = load_places()
        self.actor = load_actor_names()
        self.kurdish_towns = [p for p in self.towns if p.governorate in KURDISTAN]


def _cas(rng: random.Random, p_zero: float, k_max: int, w_max: int) -> tuple[int, int]:
    if rng.random() < p_zero:
        return 0, 0
    killed = rng.choice([0, 1, 1, 2, 2, 3, *range(1, k_max + 1)])
    wounded = rng.choice([0, 1, 2, *range(0, w_max + 1)])
    if killed == 0 and wounded == 0:
        wounded = 1
    return killed, wounded


def _plan_rocket(v: Vocab, rng: random.Random) -> _Plan:
    claimed = rng.random() < 0.7
    perp = rng.choice(CLAIMING_FACTIONS) if claimed else "unknown"
    kind = rng.random()
    sub = "Air/drone strike" if kind < 0.45 else "Shelling/artillery/missile attack"
    killed, wounded = (0, 0) if rng.random() < 0.75 else (0, rng.randint(1, 4))
    return _Plan(
        "base_attack",
        sub,
        perp,
        "us_forces",
        rng.choice(v.bases),
        killed,
        wounded,
        claimed,
        {"mortar": kind > 0.85},
    )


def _plan_ied(v: Vocab, rng: random.Random) -> _Plan:
    killed, wounded = _cas(rng, 0.2, 4, 6)
    return _Plan(
        "ied_patrol",
        "Remote explosive/landmine/IED",
        "unknown",
        "iraqi_security_forces",
        rng.choice(v.towns),
        killed,
        wounded,
        False,
    )


def _plan_isis(v: Vocab, rng: random.Random) -> _Plan:
    killed, wounded = _cas(rng, 0.05, 9, 8)
    return _Plan(
        "isis_attack",
        "Armed clash",
        "isis",
        "iraqi_security_forces",
        rng.choice(v.towns),
        killed,
        wounded,
        False,
    )


def _plan_us_strike(v: Vocab, rng: random.Random) -> _Plan:
    killed, wounded = _cas(rng, 0.15, 8, 5)
    return _Plan(
        "us_strike",
        "Air/drone strike",
        "us_forces",
        rng.choice(STRUCK_FACTIONS),
        rng.choice(v.towns),
        killed,
        wounded,
        False,
    )


def _plan_assassination(v: Vocab, rng: random.Random) -> _Plan:
    return _Plan("assassination", "Attack", "unknown", "civilians", rng.choice(v.towns), 1, 0, False)


def _plan_turkish(v: Vocab, rng: random.Random) -> _Plan:
    killed, wounded = _cas(rng, 0.2, 6, 3)
    return _Plan(
        "turkish_strike",
        "Air/drone strike",
        "turkish_forces",
        "pkk",
        rng.choice(v.kurdish_towns),
        killed,
        wounded,
        False,
    )


def _plan_arrest(v: Vocab, rng: random.Random) -> _Plan:
    return _Plan(
        "arrest",
        "Arrests",
        "iraqi_security_forces",
        "isis",
        rng.choice(v.towns),
        0,
        0,
        False,
        {"n": rng.randint(2, 9)},
    )


PLANNERS: tuple[tuple[Callable[[Vocab, random.Random], _Plan], float], ...] = (
    (_plan_rocket, 0.22),
    (_plan_ied, 0.18),
    (_plan_isis, 0.22),
    (_plan_us_strike, 0.08),
    (_plan_assassination, 0.1),
    (_plan_turkish, 0.1),
    (_plan_arrest, 0.1),
)


def _weighted(rng: random.Random, items):
    x = rng.random() * sum(w for _, w in items)
    for item, w in items:
        x -= w
        if x <= 0:
            return item
    return items[-1][0]


# ----------------------------------------------------------------------------- paragraphs


def event_paragraph(e: Event, plan: _Plan, published: dt.date, v: Vocab, rng: random.Random) -> str:
    """One paragraph (1-3 sentences) reporting one event."""
    when = date_phrase(dt.date.fromisoformat(e.date), published, rng)
    place = plan.place.surface
    gov = plan.place.gov_ar
    t = plan.template
    if t == "base_attack":
        drone = plan.sub_event_type == "Air/drone strike"
        if drone:
            weapon = rng.choice(("بطائرة مسيرة", "بطائرتين مسيرتين", "بطائرات مسيرة مفخخة"))
        elif plan.extra.get("mortar"):
            weapon = rng.choice(("بقذائف الهاون", "بقذيفتي هاون"))
        else:
            weapon = rng.choice(("بصواريخ كاتيوشا", "بثلاثة صواريخ", "بصاروخين من نوع غراد"))
        result = casualty_clause(e.killed, e.wounded, PEOPLE, rng)
        fem = plan.place.surface.startswith("قاعدة")
        hit, which, hosts = ("تعرضت", "التي", "تستضيف") if fem else ("تعرض", "الذي", "يستضيف")
        s1 = rng.choice(
            (
                f"{hit} {place} {which} تضم قوات أمريكية في محافظة {gov}، {when}، لهجوم {weapon}، {result}.",
                f"أفاد مصدر أمني بأن {place} {which} {hosts} قوات أمريكية {hit} {when} لهجوم {weapon}، {result}.",
            )
        )
        s2 = ""
        if e.claimed:
            s2 = " " + rng.choice(
                (
                    f"وأعلنت {v.actor[e.perpetrator_id]} في بيان مسؤوليتها عن الهجوم.",
                    f"وتبنت {v.actor[e.perpetrator_id]} الهجوم في بيان نشرته على قناتها في تطبيق تلغرام.",
                )
            )
        return s1 + s2
    if t == "ied_patrol":
        result = casualty_clause(e.killed, e.wounded, SOLDIERS, rng)
        return rng.choice(
            (
                f"انفجرت عبوة ناسفة {when} على دورية للجيش العراقي في {place} بمحافظة {gov}، {result}.",
                f"استهدفت عبوة ناسفة {when} عجلة تابعة للجيش العراقي كانت تسير على طريق زراعي في {place}، {result}، "
                "بحسب ما أفاد مصدر أمني.",
            )
        )
    if t == "isis_attack":
        result = casualty_clause(e.killed, e.wounded, SOLDIERS, rng)
        return rng.choice(
            (
                f"شن عناصر من تنظيم داعش {when} هجوماً مسلحاً على نقطة للجيش العراقي في {place} بمحافظة {gov}، "
                f"{result}، واندلع اشتباك استمر نحو ساعة.",
                f"هاجم مسلحون من تنظيم داعش {when} نقطة مراقبة تابعة للجيش العراقي في {place}، {result}، "
                "قبل أن يلوذ المهاجمون بالفرار.",
            )
        )
    if t == "us_strike":
        result = casualty_clause(e.killed, e.wounded, MEMBERS, rng)
        target = v.actor[e.target_id]
        return rng.choice(
            (
                f"استهدفت غارة جوية أمريكية {when} مقراً لـ{target} في {place} بمحافظة {gov}، {result}.",
                f"شنت طائرة مسيرة أمريكية {when} ضربة جوية على عجلة تقل عناصر من {target} قرب {place}، {result}.",
            )
        )
    if t == "assassination":
        return rng.choice(
            (
                f"اغتال مسلحون مجهولون {when} ناشطاً مدنياً في {place} بمحافظة {gov}، بعد أن أطلقوا النار عليه "
                "قرب منزله ولاذوا بالفرار.",
                f"أقدم مسلحون مجهولون يستقلون دراجة نارية {when} على اغتيال صحفي في {place} بإطلاق النار عليه "
                "من مسدسات كاتمة للصوت.",
            )
        )
    if t == "turkish_strike":
        result = casualty_clause(e.killed, e.wounded, FIGHTERS, rng)
        return rng.choice(
            (
                f"قصفت طائرة مسيرة تركية {when} موقعاً لحزب العمال الكردستاني في {place} بمحافظة {gov}، {result}.",
                f"شن الطيران التركي {when} غارات على مواقع لمسلحي حزب العمال الكردستاني في {place}، {result}.",
            )
        )
    if t == "arrest":
        n = plan.extra["n"]
        return rng.choice(
            (
                f"ألقت القوات الأمنية {when} القبض على {number_form(n, rng)} من عناصر تنظيم داعش في {place} "
                f"بمحافظة {gov}، بعملية استندت إلى معلومات استخبارية دقيقة.",
                f"نفذت قوة من الجيش العراقي {when} عملية دهم في {place} أسفرت عن اعتقال {number_form(n, rng)} "
                "مطلوبين ينتمون إلى تنظيم داعش.",
            )
        )
    raise ValueError(t)


def title_for(e: Event, plan: _Plan, v: Vocab, rng: random.Random) -> str:
    gov = plan.place.gov_ar
    t = plan.template
    if t == "base_attack":
        return rng.choice(
            (f"هجوم على {plan.place.surface} في {gov}", f"استهداف قاعدة تضم قوات أمريكية في {gov}")
        )
    if t == "ied_patrol":
        return f"انفجار عبوة ناسفة على دورية للجيش في {gov}"
    if t == "isis_attack":
        return f"هجوم لداعش على نقطة عسكرية في {gov}"
    if t == "us_strike":
        return f"غارة أمريكية على مقر لـ{v.actor[e.target_id]} في {gov}"
    if t == "assassination":
        return f"اغتيال ناشط مدني في {gov}"
    if t == "turkish_strike":
        return f"قصف تركي على مواقع حزب العمال في {gov}"
    return f"اعتقال عناصر من داعش في {gov}"


def _trap_aggregate(v: Vocab, pub: dt.date, rng: random.Random) -> str:
    n = rng.randint(40, 190)
    return rng.choice(
        (
            f"ويرتفع بذلك عدد الهجمات التي استهدفت القوات الأمريكية في العراق وسوريا إلى أكثر من "
            f"{number_form(n, rng)} هجوماً منذ منتصف تشرين الأول الماضي.",
            f"وتشير إحصاءات رسمية إلى مقتل أكثر من {number_form(n, rng)} شخصاً في حوادث عنف متفرقة في عموم "
            "البلاد خلال الأشهر الماضية.",
        )
    )


def _trap_foreign(v: Vocab, pub: dt.date, rng: random.Random) -> str:
    n = rng.randint(1000, 40000)
    return rng.choice(
        (
            f"وفي سياق آخر، أعلنت وزارة الصحة في غزة ارتفاع حصيلة القتلى إلى {digits(n, 'ascii')} منذ بدء الحرب.",
            f"وعلى صعيد آخر، قتل {number_form(rng.randint(3, 10), rng)} أشخاص في غارة إسرائيلية على جنوب لبنان.",
        )
    )


def _trap_accident(v: Vocab, pub: dt.date, rng: random.Random) -> str:
    place = rng.choice(v.towns).surface
    return rng.choice(
        (
            f"وفي حادث منفصل، سقطت طائرة مسيرة تابعة لطيران الجيش في {place} إثر خلل فني، دون وقوع إصابات.",
            f"وقتل {number_form(rng.randint(2, 6), rng)} أشخاص في حادث سير على الطريق الدولي قرب {place}.",
        )
    )


def _trap_statement(v: Vocab, pub: dt.date, rng: random.Random) -> str:
    faction = v.actor[rng.choice(CLAIMING_FACTIONS)]
    return rng.choice(
        (
            "وأدانت وزارة الخارجية العراقية في بيان ما وصفته بالاعتداءات المتكررة على السيادة العراقية، "
            "محذرة من تداعياتها على أمن المنطقة.",
            f"وهددت {faction} في بيان بالرد على ما وصفته بالتصعيد، مؤكدة أنها لن تقف مكتوفة الأيدي.",
            "والتقى رئيس الوزراء قادة الأجهزة الأمنية في بغداد لبحث الخطط الأمنية وتعزيز التنسيق بين الوزارات.",
        )
    )


def _trap_headlines(v: Vocab, pub: dt.date, rng: random.Random) -> str:
    a, b, c = rng.sample(v.towns, 3)
    n = number_form(rng.randint(2, 9), rng)
    return (
        "اقرأ أيضاً:\n"
        f"مقتل {n} جنود بهجوم لداعش في {a.gov_ar}\n"
        f"غارة أمريكية على مقر للحشد الشعبي قرب {b.surface}\n"
        f"انفجار عبوة ناسفة على رتل للتحالف في {c.gov_ar}"
    )


TRAPS = (_trap_aggregate, _trap_foreign, _trap_accident, _trap_statement, _trap_headlines)


def _filler(v: Vocab, pub: dt.date, rng: random.Random) -> str:
    """A paragraph with no event in it: economy, services, weather, politics."""
    town = rng.choice(v.towns)
    x = number_form(rng.randint(3, 950), rng)
    y = digits(rng.randint(2, 99), rng.choice(tuple(DIGIT_SCRIPTS)))
    options = (
        f"وبلغت صادرات العراق من النفط الخام خلال الشهر الماضي نحو {x} مليون برميل، بمعدل يومي تجاوز "
        f"{y} ألف برميل، وفق بيانات وزارة النفط التي أشارت إلى ارتفاع الإيرادات مقارنة بالشهر الذي سبقه.",
        f"وأعلنت مديرية الكهرباء في {town.surface} عن إضافة {x} ميغاواط إلى الشبكة الوطنية، مع بدء "
        "ساعات الذروة في فصل الصيف، داعية المواطنين إلى ترشيد الاستهلاك خلال ساعات النهار.",
        f"وتوقعت هيئة الأنواء الجوية أن تسجل درجات الحرارة في محافظة {town.gov_ar} ارتفاعاً يصل إلى {y} "
        "درجة مئوية خلال الأيام المقبلة، مع رياح نشطة تثير الغبار في المناطق الغربية.",
        f"ويعاني سكان {town.surface} من شح مياه الشرب منذ أسابيع، وقال أحد الأهالي إن الصهاريج لا تصل إلا "
        f"مرة واحدة كل {y} أيام، مطالباً الحكومة المحلية بإيجاد حلول عاجلة لمشكلة الإسالة.",
        f"وصوت مجلس النواب في جلسته على {x} فقرة من مشروع قانون الموازنة العامة، فيما أرجأ التصويت على "
        "الفقرات المتبقية إلى جلسة لاحقة بسبب الخلافات بين الكتل بشأن حصص المحافظات.",
        f"وسجل سعر صرف الدولار في أسواق بغداد {digits(rng.randint(1300, 1600), 'ascii')} ديناراً للدولار "
        "الواحد، وسط ترقب التجار لقرارات البنك المركزي بشأن تمويل التجارة الخارجية.",
        f"وافتتحت وزارة الصحة مستشفى جديداً في {town.surface} بسعة {x} سرير، يضم صالات للعمليات ووحدة "
        "للعناية المركزة، ضمن خطة لتحسين الخدمات الصحية في المحافظات.",
        f"وأكدت وزارة الزراعة أن المساحات المزروعة بالحنطة في محافظة {town.gov_ar} بلغت {x} ألف دونم هذا "
        "الموسم، متوقعة إنتاجاً وفيراً إذا استمرت الإطلاقات المائية بالمعدلات الحالية.",
        f"وتشهد المدارس في {town.surface} اكتظاظاً كبيراً، إذ يتجاوز عدد التلاميذ في بعض الصفوف {y} "
        "تلميذاً، بحسب مسؤولين في مديرية التربية طالبوا بتخصيص مبالغ لبناء مدارس جديدة.",
        "وتتواصل أعمال تأهيل الطريق الدولي الرابط بين بغداد والمحافظات الجنوبية، وقالت وزارة الإعمار إن "
        f"نسبة الإنجاز بلغت {y} بالمئة، على أن يفتتح الطريق أمام حركة السير مطلع العام المقبل.",
        "وقال مصدر مطلع إن القوات الأمنية باشرت التحقيق في الحادث، وإن فرق الأدلة الجنائية رفعت الآثار "
        "من المكان، مشيراً إلى أن النتائج ستعلن فور استكمالها.",
        "ويرى مراقبون أن تكرار مثل هذه الحوادث يعكس هشاشة الوضع الأمني في المناطق المتنازع عليها، "
        "ويستدعي مراجعة شاملة لخطط الانتشار والتنسيق بين الأجهزة المختلفة.",
    )
    return rng.choice(options)


FOOTERS = (
    "جميع الحقوق محفوظة © 2026",
    "تابعونا على تلغرام ليصلكم كل جديد",
    "شارك هذا الخبر",
)
DATELINES = ("بغداد - مراسل الموقع", "بغداد – أخبار العراق", "متابعة - الموقع", "{gov} - مراسلنا")


# ----------------------------------------------------------------------------- corpus


@dataclass
class Corpus:
    seed: int
    articles: list[dict]  # spec section 8 records + "_events": event ids reported
    events: dict[int, Event]

    @property
    def expected(self) -> dict:
        mentions = sum(len(a["_events"]) for a in self.articles)
        reported = {i for a in self.articles for i in a["_events"]}
        text_bytes = sum(len(a["text"].encode("utf-8")) for a in self.articles)
        return {
            "articles": len(self.articles),
            "mentions": mentions,
            "incidents": len(reported),
            "killed_best": sum(self.events[i].killed for i in reported),
            "wounded_best": sum(self.events[i].wounded for i in reported),
            "text_bytes": text_bytes,
        }

    def records(self) -> Iterator[dict]:
        """The articles as spec section 8 records (without the answer key)."""
        for a in self.articles:
            yield {k: v for k, v in a.items() if not k.startswith("_")}

    def write_jsonl(self, path: Path, articles: slice | None = None) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        records = list(self.records())
        if articles is not None:
            records = records[articles]
        with open(path, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False))
                fh.write("\n")
        return path

    def write_key(self, path: Path) -> Path:
        """The answer key: one JSON line per event."""
        with open(path, "w", encoding="utf-8") as fh:
            for e in self.events.values():
                fh.write(json.dumps(asdict(e), ensure_ascii=False) + "\n")
        return path


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.v = Vocab()
        self.events: dict[int, Event] = {}
        self.plans: dict[int, _Plan] = {}
        self.taken: dict[tuple, set[int]] = {}  # merge key -> day ordinals used
        self.span = (LAST_DAY - FIRST_DAY).days

    def _free(self, key: tuple, day: dt.date) -> bool:
        used = self.taken.get(key)
        if not used:
            return True
        o = day.toordinal()
        return not any(o + d in used for d in range(-MIN_DAYS_APART + 1, MIN_DAYS_APART))

    def new_event(self, published: dt.date, avoid_govs: set[str]) -> Event | None:
        rng = self.rng
        for _ in range(50):
            plan = _weighted(rng, PLANNERS)(self.v, rng)
            if plan.place.governorate in avoid_govs:
                continue
            back = rng.choices((0, 1, rng.randint(2, 6), rng.randint(7, 40)), weights=(35, 35, 22, 8))[0]
            day = published - dt.timedelta(days=back)
            key = (plan.place.governorate, plan.perpetrator_id, plan.target_id, plan.sub_event_type)
            if not self._free(key, day):
                continue
            self.taken.setdefault(key, set()).add(day.toordinal())
            eid = len(self.events)
            e = Event(
                eid,
                plan.template,
                day.isoformat(),
                plan.sub_event_type,
                plan.perpetrator_id,
                plan.target_id,
                plan.place.governorate,
                plan.place.name_en,
                plan.killed,
                plan.wounded,
                plan.claimed,
            )
            self.events[eid] = e
            self.plans[eid] = plan
            return e
        return None

    def article(self, index: int) -> dict:
        rng = self.rng
        n_events = _weighted(rng, EVENTS_PER_ARTICLE)
        rereport = n_events >= 1 and self.events and rng.random() < REREPORT_SHARE
        if rereport:
            first = self.events[rng.randrange(len(self.events))]
            published = dt.date.fromisoformat(first.date) + dt.timedelta(days=rng.randint(0, 2))
            reported = [first]
            n_events = 1
        else:
            published = FIRST_DAY + dt.timedelta(days=rng.randrange(self.span))
            reported = []
        govs = {e.governorate for e in reported}
        while len(reported) < n_events:
            e = self.new_event(published, govs)
            if e is None:
                break
            reported.append(e)
            govs.add(e.governorate)
        reported.sort(key=lambda e: e.date, reverse=True)  # freshest first, as news leads

        target = int(rng.triangular(MIN_BYTES, MAX_BYTES - 700, 2200))
        paras: list[str] = []
        for i, e in enumerate(reported):
            p = event_paragraph(e, self.plans[e.event_id], published, self.v, rng)
            if i:
                p = rng.choice(("وفي حادث منفصل، ", "وفي تطور آخر، ", "إلى ذلك، ")) + p
            paras.append(p)
            # a neutral paragraph after each event keeps the next one out of its window
            paras.append(_filler(self.v, published, rng))
        if rng.random() < 0.45 or not reported:
            paras.append(rng.choice(TRAPS)(self.v, published, rng))
            paras.append(_filler(self.v, published, rng))
        footer = rng.choice(FOOTERS)
        size = sum(len(p.encode()) + 2 for p in paras) + len(footer.encode())
        while size < target:
            p = _filler(self.v, published, rng)
            paras.append(p)
            size += len(p.encode()) + 2
        if reported:
            title = title_for(reported[0], self.plans[reported[0].event_id], self.v, rng)
            gov = self.plans[reported[0].event_id].place.gov_ar
        else:
            title = rng.choice(
                (
                    "الحكومة تناقش ملف الموازنة والخدمات",
                    "أسعار النفط ترتفع في الأسواق العالمية",
                    "البرلمان يعقد جلسة لمناقشة القوانين المعطلة",
                )
            )
            gov = "بغداد"
        dateline = rng.choice(DATELINES).format(gov=gov)
        text = "\n\n".join([title, dateline, *paras, footer])
        hour = rng.randint(6, 23)
        outlet = rng.choice(OUTLETS)
        url = f"https://{outlet}.example.iq/{published:%Y/%m/%d}/news-{index:07d}"
        return {
            "id": f"s{index:07d}",
            "url": url,
            "published": f"{published.isoformat()}T{hour:02d}:{rng.randint(0, 59):02d}:00",
            "title": title,
            "text": text,
            "_events": [e.event_id for e in reported],
        }


def generate(n: int, seed: int = 7) -> Corpus:
    """n articles with their answer key; the same (n, seed) always gives the same corpus."""
    g = _Generator(seed)
    articles = [g.article(i) for i in range(n)]
    return Corpus(seed=seed, articles=articles, events=g.events)


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="write a synthetic corpus as JSON Lines")
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--key", type=Path, default=None, help="also write the answer key (JSON Lines)")
    args = parser.parse_args(argv)
    corpus = generate(args.n, args.seed)
    corpus.write_jsonl(args.out)
    if args.key:
        corpus.write_key(args.key)
    print(json.dumps(corpus.expected))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
