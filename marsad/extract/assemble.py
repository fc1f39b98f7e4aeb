"""Assemble incident mentions from the entities found in one story's sentences.

The stage between "find entities" and "resolve" in pipeline.extract. Input: the
sentences of one story, each with the cues, actors, places, dates and casualties the
entity finders read in it. Output: one `Event` per real-world occurrence the story
reports; pipeline turns Events into `Mention`s.

How (every rule is about Arabic news grammar and the domain, none about one article):

1. An *event frame* is read from each sentence holding an occurrence cue (attack,
   strike, explosion, clash, assassination, arson, storming, shot down, arrest) that is
   not governed by a threat / intent / condition / negation word, not a generic series
   ("الهجمات") and not in a sentence about another war, an accident or a running total.
   A clause opened by "بعد / إثر / عقب / ردا على + event noun" holds an EARLIER event:
   it becomes its own background frame. "هجومين" and lists of distinct sites under a
   plural attack noun give one frame per event.
2. Roles: an actor after a target word (على، ضد، استهداف، مقر، قاعدة، رتل، عناصر، مقتل ...)
   is the target; after على يد / من قبل / نفذته / تبنى / نسب إلى, or before مسؤوليته /
   بالوقوف وراء, or subject of an active attack verb, the perpetrator; else a prior by
   actor kind and weapon (air strikes are flown by states, rockets and IEDs are fired at
   them). The most specific actor wins (a faction over its umbrella).
3. Frames of one story merge into one event while they agree (place, date, sub-event
   family, actors) and no "another attack" marker or background opening intervenes;
   sentences without a cue right after an event may add its casualties, claim or
   perpetrator.
4. Each event takes the nearest date expression of its own sentences (a recounted event
   keeps its own date), else the date of the fresh report it belongs to, else the
   publication date; the most specific place; the casualties bound in its sentences.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

import yaml

from marsad.extract.guard import compile_guarded, guarded, search_in
from marsad.extract.normalize import contains_any, normalize, normalize_with_map, prepare
from marsad.extract.options import DEFAULT_OPTIONS, ExtractOptions

DATA = Path(__file__).resolve().parent / "data"

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ئ": "ي", "ؤ": "و"})


def _n(pattern: str) -> str:
    """A regex written in plain Arabic, folded like normalize() folds the text it runs on."""
    return pattern.translate(_FOLD)


# Sub-event types ranked for a frame holding several cues: the most specific mechanism
# wins (an IED blast reported with "attack" and "clash" words is an IED attack).
# the IED cue "استهداف رتل" (a convoy targeted, cues.yaml), normalized
CONVOY_TARGETED = compile_guarded(
    _n(r"(?:و|ب|ل)?(?:ال)?(?:استهداف|استهدف)\S*\s+(?:رتل|رتلا|ارتال|قافله|شاحنات|رتلين)$")
)
SUB_EVENT_RANK = {
    "Disrupted weapons use": 9,
    "Remote explosive/landmine/IED": 8,
    "Suicide bomb": 8,
    "Air/drone strike": 7,
    "Shelling/artillery/missile attack": 6,
    "Excessive force against protesters": 5,
    "Attack": 4,
    "Mob violence": 3,
    "Violent demonstration": 3,
    "Looting/property destruction": 3,
    "Armed clash": 2,
    "Arrests": 1,
}
WEAPON_SUB_EVENT = {
    "drone": "Air/drone strike",
    "airstrike": "Air/drone strike",
    "rocket": "Shelling/artillery/missile attack",
    "mortar": "Shelling/artillery/missile attack",
    "missile": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "small_arms": "Armed clash",
    "arson": "Mob violence",
}
SUB_EVENT_WEAPON = {
    "Air/drone strike": "airstrike",
    "Shelling/artillery/missile attack": "rocket",
    "Remote explosive/landmine/IED": "ied",
}
# place kinds from most to least specific
PLACE_RANK = {
    "base": 6,
    "airport": 6,
    "crossing": 6,
    "landmark": 5,
    "district": 4,
    "city": 3,
    "governorate": 2,
    "region": 1,
    "country": 0,
}

UMBRELLA_OF = {
    "kataib_hezbollah": "pmf",
    "asaib_ahl_al_haq": "pmf",
    "nujaba": "pmf",
    "kataib_sayyid_al_shuhada": "pmf",
    "badr": "pmf",
    "kataib_imam_ali": "pmf",
    "ansar_allah_al_awfiya": "pmf",
    "kataib_jund_al_imam": "pmf",
    "saraya_khorasani": "pmf",
    "saraya_ashura": "pmf",
    "iran_aligned_militias": "islamic_resistance_iraq",
}
# Iraqi armed factions, their umbrellas and the unnamed pro-Iran groups: what makes an
# event abroad part of this dataset (spec section 1)
IRAQI_FACTIONS = set(UMBRELLA_OF) | {
    "pmf",
    "islamic_resistance_iraq",
    "saraya_al_salam",
    "thar_allah",
    "rab_allah",
    "ashab_al_kahf",
    "saraya_awliya_al_dam",
    "usbat_al_thairin",
    "qasim_al_jabbarin",
    "saraya_thawrat_al_ishrin",
}
STATE_ATTACKERS = {"us_forces", "coalition", "israel_forces", "turkish_forces", "iran_forces"}
# the state's own armed forces (and the PMF, by law one of them)
FORCES_OF_STATE = frozenset({"iraqi_security_forces", "peshmerga", "pmf"})
# the forces whose strikes on Iraq come from the air, whatever word tells them
AIR_POWERS = frozenset({"us_forces", "coalition", "israel_forces"})
# the foreign forces Iraqi factions strike at, in their bases and abroad
FOREIGN_FORCES = frozenset({"us_forces", "coalition", "israel_forces", "turkish_forces"})
# who announces a strike of its own by naming it ("أعلن الحرس الثوري استهداف ...")
# the insurgencies the state fights (not factions of its own forces)
INSURGENTS = frozenset({"isis", "pkk"})
SELF_ANNOUNCERS = frozenset(IRAQI_FACTIONS | STATE_ATTACKERS | INSURGENTS)
FACTIONS_UMBRELLAS = {"pmf", "islamic_resistance_iraq", "iran_aligned_militias"}
CIVILIAN = {"civilians", "protesters", "political_parties"}
# who can be "arrested" in an Arrests incident (spec §4: members of an armed group)
NOT_ARRESTED = CIVILIAN | {"unknown", "iraqi_security_forces", "iraqi_government", "peshmerga"}
IRAQI_SIDES = {"pmf", "islamic_resistance_iraq", "iran_aligned_militias"}
SHARE_OF_SERIES = compile_guarded(
    _n(
        r"(?:^|\s)(?:معظم|اغلب|غالبيه|بعض|كل|جميع|اكثريه)\s+(?:هذه\s+|تلك\s+)?(?:ال)?"
        r"(?:هجمات|عمليات|اعتداءات|ضربات|غارات|استهدافات)(?:\s|$)"
    )
)
CAMPAIGN = compile_guarded(
    # (not "قيادة عمليات الأنبار", a command's name; a complementizer ends the phrase)
    _n(
        r"(?:^|\s)(?<!قياده\s)(?<!غرفه\s)(?:عمليات|حوادث|سلسله|موجه|حملات|حمله|جرائم|هجمات منسقه)"
        r"(?:\s+(?!(?:ان|انه|انها|بان)(?:\s|$))\S+){0,3}?\s*(?:و)?$"
    )
)
# one act carried out ("نفذت ضربة", "شنت غارة جوية")
ONE_ACT_CARRIED_OUT = compile_guarded(
    _n(r"(?:^|\s)(?:و)?(?:نفذت|نفذ|نفذوا|شنت|شن|شنوا)\s+(?:\S+\s+)?(?:ضربه|غاره|هجوما|عمليه)(?=\s|$|[،.])")
)
# "نفذت قواتها ضربات": an act carried out, however generic its noun
ACT_CARRIED_OUT = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:نفذ|نفذت|نفذوا|شن|شنت|شنوا)\s+(?:\S+\s+){0,2}?(?:ال)?"
        r"(?:ضربات|ضربه|ضربتين|هجمات|هجوما|هجومين|غارات|غاره|غارتين)(?:\s|$)"
    )
)
# "ويأتي الحادث بعد ...", "وجاء ذلك عقب ...": the main clause points back at the story's
# event, so the linked clause is an earlier one
COMES_AFTER = compile_guarded(_n(r"(?:^|\s)(?:و)?(?:ياتي|تاتي|جاء|جاءت|يعد|يعتبر|تعد)(?:\s|$)"))
BETWEEN_FIRST = compile_guarded(
    _n(
        r"(?:اشتباك\S*|مواجهات|المواجهات|مواجهه|معارك|المعارك|اقتتال|قتال|تبادل\S*|صدامات|مناوشات|المناوشات)(?:\s+\S+){0,6}?\s+بين(?:\s+(?:عناصر|مسلحين|مسلحي|انصار|افراد|مقاتلي|قوه|قوات|جماعه|ميليشيا|مليشيا|فصيل|حركه|تنظيم)(?:\s+من)?)?[\s\x22\u201c\u201d\u00ab\u00bb()']*(?:ال)?$"
    )
)
BETWEEN_SECOND = compile_guarded(
    _n(
        r"(?:اشتباك\S*|مواجهات|المواجهات|مواجهه|معارك|المعارك|اقتتال|قتال|تبادل\S*|صدامات|مناوشات|المناوشات)(?:\s+\S+){0,6}?\s+بين\s+(?:\S+\s+){1,10}?(?:و|ومن جهه|وبين)(?:\s*(?:عناصر|مسلحين|مسلحي|انصار|افراد|مقاتلي|اخرين|قوه|قوات|جماعه|ميليشيا|مليشيا|فصيل|حركه|تنظيم)(?:\s+من)?)?[\s\x22\u201c\u201d\u00ab\u00bb()']*(?:ال)?$"
    )
)
# the places a group hides or holds, told as what was hit: "أوكارا لعناصر داعش"
HIDEOUTS_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)(?:ال)?(?:اوكار|اوكارا|وكر|وكرا|مضافه|مضافات|مضافتين|مخابئ|مخبا|مخبئا|مواقع|موقعا|"
        r"مقرات|مقرا|تجمعات|تجمعا|معاقل|معقلا|ملاذات|ملاذا|تحصينات|خنادق|انفاق|نفقا)\s*$"
    )
)
_CLASHED = r"(?:اشتبك|اشتبكت|اشتبكوا|اشتبكا|تشتبك|يشتبك)"
# "اشتبكت قوة من الجيش مع مسلحين من داعش": the subject of "clashed" is one side ...
# the side named before its verb: "قوة من البيشمركة اشتبكت مع عناصر من داعش"
CLASHED_AFTER = compile_guarded(_n(r"\s*(?:قد\s+)?" + _CLASHED + r"(?:\s|$)"))
CLASHED_SUBJECT = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?" + _CLASHED + r"\s+"
        r"(?:(?:قوه|قوات|مفرزه|مفارز|دوريه|عناصر|افراد)\s+(?:من\s+)?)?(?:ال)?$"
    )
)
# the words that may head the party a side clashed with ("مع مسلحين من داعش", "مع قوة من الجيش")
_CLASH_PARTY = r"(?:\s+(?:عناصر|مسلحين|مسلحي|افراد|مقاتلي|قوه|قوات|مجموعه|جماعه|خليه)(?:\s+من)?)?[\s\x22\u201c\u201d\u00ab\u00bb()']*(?:ال)?$"
# ... and who it clashed "with" is the other (either order is right, spec section 2; the
# verb only: after "خلال اشتباك مع مسلحين" the dead told before are the other side)
CLASHED_WITH = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?" + _CLASHED + r"(?:\s+\S+){0,8}?\s+مع" + _CLASH_PARTY))
# ... and after the noun, whom the side whose dead were told fought ("مقتل جنديين في
# اشتباك مع مسلحي حزب العمال")
CLASH_WITH_NOUN = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف|ب|في|خلال|اثر|جراء)?\s*(?:ال)?(?:اشتباك|اشتباكات|مواجهات|مواجهه|معارك|معركه)"
        r"(?:\s+(?:مسلح|مسلحه|عنيف|عنيفه|عنيفا|ضاري|ضاريه))?\s+مع" + _CLASH_PARTY
    )
)
# an actor said to be absent ("عدم وجود عناصر لحزب العمال", "نفى وجود أي مقرات للحشد", "خلو
# المنطقة من عناصر داعش")
ABSENT = compile_guarded(
    _n(
        r"(?:^|\s)(?:عدم|لا|نفي|نفت|نفى|ينفي|تنفي|نافيا|نافيه)\s+(?:وجود|تواجد)\s+(?:اي\s+)?(?:\S+\s+)?(?:ل|لل|ال)?$"
        r"|(?:^|\s)خلو\s+(?:\S+\s+){0,2}من\s+(?:\S+\s+)?(?:ال)?$"
    )
)


def _said_absent(f: Facts, a) -> bool:
    ns = f.npos(a.start)
    return _absent_before(f.norm[max(0, ns - 40) : ns])


def _absent_before(before: str) -> bool:
    """`before` (the 40 normalized characters before an actor) says it is not there."""
    return ("وجود" in before or "خلو" in before) and bool(ABSENT.search(before))


_DENIAL_WORDS = ("انكار", "انكر", "انكرت", "ينكر", "تنكر", "انكروا")
DENIED = compile_guarded(_n(r"(?:^|\s)(?:و)?(?:" + "|".join(_DENIAL_WORDS) + r")(?:\s|$)"))
# Speed: sre tries a pattern opening with (?:^|\s) at every position of the sentence;
# every denial word holds this stem, which `in` finds (or not) in one fast scan.
_DENIAL_STEMS = ("نك",)
assert all(contains_any(word, _DENIAL_STEMS) for word in _DENIAL_WORDS)


def _denied(norm: str) -> bool:
    return contains_any(norm, _DENIAL_STEMS) and DENIED.search(norm) is not None


RESULT = compile_guarded(
    _n(r"(?:اسفر|اسفرت|ادي|ادت|خلف|خلفت|حصيله|جراء|اثر|نتيجه|اصيب|اصيبوا|قتل|قتلوا|لقي|لقوا|مقتل)")
)
# the speaker's group named again by its kind, definite: "إن الحركة استهدفت"
_THE_GROUP = r"ال(?:حركه|كتائب|مقاومه|فصيل|تنظيم|جماعه|عصائب|سرايا)"
OWN_FORCES = compile_guarded(
    _n(
        r"^\S*(?:\s+\S+){0,4}?\s+(?:ان|بان)?\s*(?:قواتها|قواته|قواتنا|عناصرها|عناصره|مقاتليها|مقاتلوها|مقاتليه|مقاتلوه|مقاتلينا|مجاهديها|مجاهدوها|مجاهديه|مجاهدوه|مجاهدينا|مجاهدونا"
        # (its fighters by the group's definite noun: "قال المتحدث باسم حركة النجباء إن مقاتلي
        # الحركة استهدفوا")
        r"|(?:مقاتلي|مقاتلو|مجاهدي|مجاهدو|عناصر)\s+" + _THE_GROUP + r")\s+(\S+)"
    )
)
OWN_ATTACK_VERB = compile_guarded(_n(r"(?:قد\s+)?(?:استهدف|قصف|هاجم|ضرب|نفذ|شن|دك)\S*$"))
# an attack noun right before its adjective ("هجوما إرهابيا", "لتعرض إرهابي")
ATTACK_ADJECTIVE = compile_guarded(
    _n(r"(?:^|\s)(?:و|ل|ب|ال|لل|بال)?(?:هجوم|هجوما|تعرض|تعرضا|اعتداء|هجمات|اعتداءات|تفجير|تفجيرا)\s+$")
)
REPEL_STEMS = ("صد", "تصد")
# a word of the subject between the verb and the actor, not the assault itself
_NOT_THE_ASSAULT = r"(?!(?:ل|ب|ال|لل)?(?:هجوم|تعرض|اعتداء|تسلل|محاوله)\S*\s)"
# the repelling verb, then its subject (a unit of the actor), the actor right after (not
# "أحبطت القوات هجوما كانت تستهدف قاعدة حرير": who foils an attack need not be its target)
REPELLER = compile_guarded(
    # (not the attacker named after the assault: "تصدت قطعات الحشد لتعرض إرهابي")
    _n(
        r"(?:^|\s)(?:و|ف)?(?:صدت|صد|صدوا|تصدت|تصدي|تصدوا)\s+"
        r"(?:" + _NOT_THE_ASSAULT + r"\S+\s+){0,4}?(?:من\s+|في\s+)?(?:ال|لل|ل)?$"
    )
)
REPELLED = compile_guarded(_n(r"(?:صدت|تصدت|صد|احبطت|افشلت|اسقطت|تعرضت|تصدي)"))
# "أحبطت قوات الحشد هجوما لتنظيم داعش على قرية": who foils a named group's assault fights
# it (a drone or a rocket foiled is shot down, not fought: those are written without the
# attacker's "ل")
FOIL_STEMS = ("حبط", "فشل")
FOILER = compile_guarded(
    # (the actor's unit may come between: "أحبطت قوة من الفرقة الخامسة في الجيش العراقي هجوما")
    _n(
        r"(?:^|\s)(?:و|ف)?(?:احبطت|احبط|احبطوا|افشلت|افشل|افشلوا)\s+"
        r"(?:" + _NOT_THE_ASSAULT + r"\S+\s+){0,5}?(?:من\s+|في\s+)?(?:ال|لل|ل)?$"
    )
)
FOILED_ASSAULT_OF = compile_guarded(
    # (a time set off by commas may come first: "أحبطت قوات الحشد، فجر اليوم، هجوما لداعش")
    _n(
        r"^\s*(?:[،,][^،,.]{1,40}[،,]\s*)?(?:هجوما|هجوم|هجمات|هجمه|تعرضا|تعرض|محاوله تسلل|تسللا)\s+"
        r"(?:\S+\s+)?(?:ل|لل)(?!ا?ستهداف)"
    )
)
# "أعلن الحرس الثوري، ليل الاثنين، أنه استهدف ...": the speaker says it did the act itself
# (SELF_CLAIM: such a sentence is a claim)
_ANNOUNCE = r"(?:اعلن|اعلنت|اكد|اكدت|ذكر|ذكرت|افاد|افادت)"
# (also its statement: "أكد بيان للحرس الثوري استهداف مقرات ...")
ANNOUNCER_VERB = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?" + _ANNOUNCE + r"(?:\s+(?:في\s+)?بيان\s*(?:ل|لل)?)?\s*[\"“«]?\s*$")
)
# ... or says, or admits ("أقرت وزارة الدفاع التركية بمقتل جنديين")
SAYS = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?(?:" + _ANNOUNCE + r"|قال|قالت|اقر|اقرت)\s*$"))
# "أعلنت وزارة الدفاع التركية، الأحد، تحييد ستة", "أعلنت القيادة المركزية تنفيذ ضربة":
# what a body announces it carried out itself (these verbal nouns are never a report of
# another's act; "استهداف" and "قصف" are, when a reporting body speaks)
_OWN_ACTION_LEAD = (
    # (the name may close its quotes first: 'أعلنت "المقاومة الإسلامية في العراق"، مساء اليوم،')
    r"^[\s،,\"”»]*(?:\([^)]{0,40}\)[\s،,]*)?(?:[^\s،,.]+(?:\s+[^\s،,.]+){0,2}\s*،\s*"
    r"|(?:اليوم|امس|مساء|صباح|فجر|ليل|ليله|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)"
    r"(?:\s+(?:اليوم|امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت))?\s+)?(?:في بيان\s+(?:\S+\s+)?)?"
    r"(?:عن\s+)?[\"“«]?"
)
# the enemy fighters a force reports dead ("مقتل ثلاثة إرهابيين", "مقتل اثنين من عناصر داعش")
_TERRORISTS = r"ارهابي|الارهابيين|ارهابيين|ارهابيا|الدواعش|دواعش"
_TERRORISTS_DEAD = (
    r"مقتل\s+(?:(?!(?:بنيران|برصاص|بيد|علي|بهجوم|باستهداف|جراء|اثر|في|خلال)\s)[^\s،.]+\s+){0,3}?(?:من\s+)?"
    r"(?:" + _TERRORISTS + r"|(?:عناصر|مسلحي|مقاتلي|ارهابيي|فلول|بقايا)\s+(?:تنظيم\s+|عصابات\s+)?"
    r"(?:داعش|الدواعش|حزب العمال|بي كا كا)"
    # ("مقتل قيادي في داعش", "مقتل ما يسمى والي كركوك في تنظيم داعش": a leader of them)
    r"|(?:ما\s+يسمي\s+)?(?:قيادي|قياديين|قياديا|قائد|امير|والي|مسوول)\s+(?:\S+\s+){0,2}?(?:في|ب)\s+"
    r"(?:تنظيم\s+|عصابات\s+)?(?:داعش|حزب العمال))"
)
# (a force that announces enemy fighters dead killed them: "أعلنت قيادة العمليات المشتركة
# مقتل ثلاثة إرهابيين"; not "مقتل مدني برصاص إرهابيين", killed by them)
# ("أعلنت القيادة عن نتائج عملية ثأر الشهداء": the results of its own operation)
OWN_ACTION_AFTER = compile_guarded(
    _n(_OWN_ACTION_LEAD + r"(?:تحييد|تدمير|تنفيذ|شن|القضاء علي|قتل|نتائج\s+(?:ال)?عمليه)[\s\"”»]")
)
# ... or the enemy fighters it killed (its act, told by its toll; no claim of it)
KILLS_ANNOUNCED = compile_guarded(_n(_OWN_ACTION_LEAD + _TERRORISTS_DEAD))
# "استهدفت" with an object after it is active, its subject the actor before it ("فصائل مسلحة
# مدعومة من إيران استهدفت قاعدة حرير"); the passive takes none ("استهدفت بطائرة مسيرة")
TARGETED_AN_OBJECT = compile_guarded(
    _n(
        r"^[\s»\"”)]*(?:\S+\s+){0,3}?(?:و|ف|قد\s)?استهدف(?:ت|وا|تا)\s+"
        r"(?!(?:ب|ل|في|من|خلال|مساء|صباح|فجر|ليل|ليله|الليله|ظهر|عصر|اليوم|امس|يوم|عبر|اثناء|بعد|قبل|مجددا|ايضا|مره)(?:\s|$))"
        r"(?![بل]\S)(?:ال)?[^\s،,.]{2,}"
    )
)
# ... or an arrest ("أعلنت هيئة الحشد الشعبي اعتقال ثلاثة متهمين")
ARREST_STEMS = ("اعتقال", "قبض")
ARREST_ANNOUNCED = compile_guarded(_n(_OWN_ACTION_LEAD + r"(?:اعتقال|القاء\s+القبض|القبض\s+علي)[\s\"”»]"))
OWN_ACTION_STEMS = ("تحييد", "تدمير", "تنفيذ", "شن", "القضاء", "قتل", "نتا")
# ... and an armed faction announcing "استهداف" / "قصف" claims its own strike ("فيما أعلنت
# المقاومة الإسلامية في العراق استهداف ميناء حيفا"): it is no reporting body
# (with its own pronoun: "أعلنت المقاومة ... استهدافها قاعدة", "أعلن الحرس الثوري قصفه مقرات")
FACTION_STRIKE_AFTER = compile_guarded(_n(_OWN_ACTION_LEAD + r"(?:استهداف|قصف|ضرب)(?:ها|ه|هم)?[\s\"”»]"))
FACTION_STRIKE_STEMS = ("استهداف", "قصف", "ضرب")
# "رتل لشركة عراقية تنقل معدات للتحالف الدولي": whose supplies a convoy carries is who
# the attack on it targets (ahead of the driver hurt, a victim named by his trade)
# "استهدفت طائرة مسيرة سيارة تقل ثلاثة من عناصر الحزب": the people a vehicle that was hit
# carried (not "سيارة تقل مسلحين هاجمت نقطة": the vehicle must be what was struck)
PASSENGERS_OF_HIT = compile_guarded(
    _n(
        r"(?:استهدف\S*|قصف\S*|ضرب\S*|استهداف|غاره\s+علي|هجوم\s+علي)\s+(?:\S+\s+){0,6}?"
        r"(?:سياره|عجله|مركبه|شاحنه|حافله|موكب|سيارتين|عجلتين)\s+(?:\S+\s+)?(?:كانت\s+|كان\s+)?"
        r"(?:تقل|يقل|تنقل|ينقل|تحمل|يحمل)\s+(?:\S+\s+){0,2}?(?:من\s+)?$"
    )
)
CARGO_OF = compile_guarded(
    _n(
        r"(?:تنقل|ينقل|تحمل|يحمل|محمل\S*|ناقل\S*|تقل|يقل)\s+(?:\S+\s+){0,3}?"
        r"(?:معدات|مواد|امدادات|تجهيزات|شحنات|شحنه|اسلحه|اعتده|وقود|مؤن|ارزاق|عجلات|اليات|معدات\S*)"
        r"(?:\s+\S+){0,2}?\s+(?:ل|لل|إلى|تابعه\s+ل|تعود\s+ل)?$"
    )
)
SOURCE_STEMS = ("مصدر", "مصادر", "مسؤول", "متحدث", "ناطق", "اعلام")
CARGO_STEMS = ("نقل", "حمل", "ناقل", "تقل", "يقل")
BELONG_STEMS = ("ينتم", "تنتم")
# "أفاد مصدر في شرطة البصرة", "قال متحدث باسم الحشد": the body a source speaks from
# reports; it is no party (its own losses are read by VICTIMS_OF, its acts by the verbs)
SOURCE_IN = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:ل|ب)?(?:مصدر|مصادر|مسؤول|مسؤولون|مسؤولين|متحدث|المتحدث|الناطق|ناطق|مكتب اعلام|اعلام)"
        r"(?:\s+(?:امني|امنيه|امنيون|رسمي|رسميه|محلي|محليه|مطلع|مطلعه|رفيع|عسكري|اعلامي))?"
        r"\s+(?:في|من|باسم|داخل)\s+(?:\S+\s+)?$"
    )
)
OWN_UNITS_HIT = compile_guarded(
    _n(
        r"(?:هجوم|هجوما|هجمات|اعتداء|تعرض\S*)\s+(?:\S+\s+){0,3}?(?:علي|ضد|استهدف)\s+(?:\S+\s+)?(?:قطعاته|قطعاتها|مواقعه|مواقعها|قواته|قواتها|نقاطه|نقاطها|مقراته|مقراتها|عناصره|عناصرها)(?:\s|$|[،.])"
        # (a speaker in the first person: "إن مسلحي داعش هاجموا مواقع لقواتنا")
        r"|(?:هاجم\S*|استهدف\S*|قصف\S*)\s+(?:\S+\s+){0,4}?(?:مواقع|مقرات|نقاط|قطعات)?\s*(?:ل)?"
        r"(?:قواتنا|قطعاتنا|مواقعنا|نقاطنا|مقراتنا|عناصرنا|مقاتلينا)(?:\s|$|[،.])"
    )
)
# what a speaker says it did itself ("أنه استهدف", "أن مجاهديها قصفوا")
_DID_IT = (
    r"(?:قد\s+)?(?:استهدف|استهدفت|استهدفوا|قصف|قصفت|قصفوا|نفذ|نفذت|نفذوا|شن|شنت|شنوا|هاجم|هاجمت|هاجموا|ضرب|ضربت|ضربوا"
    # ("قالت سرايا أولياء الدم إنها تقف وراء الهجوم": it stood behind it)
    r"|تقف\s+وراء|يقف\s+وراء|يقفون\s+وراء|وقفت\s+وراء|وقف\s+وراء)(?:[\s،,]|$)"
)
SELF_CLAIM_STEMS = ("انه", "مجاهد", "مقاتل", "قوات", "ان ال", "بان ال")
SELF_CLAIM = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:اعلن|اعلنت|اعلنوا|قال|قالت|اكد|اكدت)\s+(?:[^\s.؛:]+\s+){1,10}?(?:انه|انها|انهم|بانه|بانها|بانهم|"
        r"(?:ان|بان)\s+(?:مجاهديها|مجاهدوها|مجاهدينا|مجاهدونا|مقاتليها|مقاتلوها|قواتها|قواته|قواتنا|"
        r"(?:(?:مقاتلي|مقاتلو|مجاهدي|مجاهدو)\s+)?" + _THE_GROUP + r"))"
        r"\s+" + _DID_IT
    )
)
SPEAKER_DID_IT = compile_guarded(
    _n(
        r"^\S*(?:\s+[^\s.؛:]+){0,8}?\s+(?:انه|انها|انهم|بانه|بانها|بانهم|(?:ان|بان)\s+"
        + _THE_GROUP
        + r")\s+"
        + _DID_IT
    )
)
NAMED_STEMS = ("اسم", "مسما", "مسمي", "تسمي", "يسمي", "يسمو", "تدعي", "يدعي", "طلق")
FINDER_STEMS = ("عثر", "انتشل", "وجدت", "تسلمت", "نقلت")
ANNOUNCER_STEMS = ("اعلن", "اكد", "ذكر", "افاد")
GUNMEN_STEMS = ("مسلح", "مجهول", "مهاجم")
# the casualty words before a victim: VICTIMS_OF and SOLDIER_VICTIMS, and the literal precheck
VICTIM_STEMS = (
    "استشهد",
    "استشهاد",
    "قتل",
    "مقتل",
    "اصيب",
    "اصابه",
    "جرح",
    "مصرع",
    "اغتيل",
    "اغتيال",
    "بحياه",
    # "لقي عنصران من الحشد مصرعهما": met their death
    "لقي",
    "لقوا",
)
_VICTIM_WORD = "(?:" + "|".join(VICTIM_STEMS) + ")"
FINDER_AFTER = compile_guarded(_n(r"^\s*(?:قد\s+)?(?:عثرت|عثر|عثروا|انتشلت|انتشل|وجدت)(?:\s|$)"))
FINDER_VERB = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?(?:عثرت|عثر|عثروا|انتشلت|انتشل|وجدت|تسلمت|نقلت)\s*$"))
# "مسلحون من تنظيم داعش", "مسلحون ينتمون إلى ...": the gunmen's group
GUNMEN_OF = compile_guarded(
    _n(
        # ("مسلحون يعتقد أنهم من داعش", "يشتبه بانتمائهم إلى": the group suspected)
        r"(?:مسلحون|مسلحين|مسلحو|مجهولون|مهاجمون|المهاجمون|المسلحون)\s+"
        r"(?:من|ينتمون\s+(?:الي|ل)|تابعون\s+(?:ل|لل)?"
        r"|(?:يعتقد|يرجح|يشتبه)\s+(?:انهم\s+من|بانهم\s+من|انهم\s+ينتمون\s+(?:الي|ل)|بانتمائهم\s+(?:الي|ل)))"
        r"\s*(?:ال)?$"
    )
)
# ... named with them as one actor, "مسلحين من داعش" (the member words of actors.yaml)
GUNMEN_OF_LEAD = compile_guarded(_n(r"(?:و|ف|ب|ل)?(?:ال)?(?:مسلحون|مسلحين|مسلحو)\s+من\s"))
# "استشهد مقاتلان من ... في", "مقتل ثلاثة من عناصر": the dead belong to the actor named next
VICTIMS_OF = compile_guarded(
    _n(
        # ("مقتل ما يسمى والي كركوك في تنظيم داعش": the so-called title first)
        r"(?:^|\s)(?:و|ف)?" + _VICTIM_WORD + r"\S*\s+(?:ما\s+(?:يسمي|يعرف|تسمي)\s+(?:ب)?)?(?:\S+\s+){0,3}?"
        r"(?:من|في)\s+(?:(?:ال)?(?:لواء|فوج|كتيبه|سريه|قوات|عناصر|مقاتلي|منتسبي)\s+(?:\d+\s+)?(?:في|من|ب)?\s*)?(?:ال)?$"
    )
)
_THE_DEAD = r"(?:القتلي|الضحايا|الجرحي|المصابين|القتيلين|القتيلان|الضحيتين|الضحيتان|المستهدفين|المستهدفون|القتيل|الضحيه)"
DEAD_BELONG_TO = compile_guarded(
    _n(_THE_DEAD + r"\s+(?:\S+\s+)?(?:ينتمون|ينتمي|ينتميان|تنتمي)\s+(?:إلى|ل|لل)?\s*(?:ال)?$")
)
# "مشيرا إلى أن من بين القتلى عناصر في الحشد الشعبي": some of the dead were its own
AMONG_THE_DEAD = compile_guarded(_n(r"(?:^|\s)(?:من\s+)?(?:بين|ضمن|بضمن)\s+" + _THE_DEAD + r"\s+(?:ال)?$"))
# "إن القتيلين من عناصر حزب العمال", "القتلى هم من مقاتلي ...": who the dead were
DEAD_ARE_OF = compile_guarded(
    _n(
        r"(?:^|\s)(?:ان|بان|وان)?\s*" + _THE_DEAD + r"\s+(?:(?:هم|هما|كانا|كانوا)\s+)?من\s+"
        r"(?:(?:ال)?(?:عناصر|مقاتلي|اعضاء|منتسبي|افراد)\s+)?(?:ال)?$"
    )
)
THE_DEAD_STEMS = ("القتل", "القتي", "الضحي", "الجرح", "المصاب", "المستهدف")
# "مقتل ثلاثة أشخاص قالت وسائل إعلام تركية إنهم من كوادر حزب العمال": the dead, by pronoun
THEY_ARE_OF = compile_guarded(
    _n(
        r"(?:^|\s)(?:ان|بان|وان)(?:هم|هما)\s+(?:كانوا\s+|كانا\s+)?من\s+"
        r"(?:(?:ال)?(?:عناصر|مقاتلي|اعضاء|منتسبي|افراد|كوادر|قيادات|قياديي)\s+)?(?:ال)?$"
    )
)
THEY_STEMS = ("انهم", "انهما")
# "مقتل ثمانية أشخاص بينهم قياديون في الحشد": the group some of the victims belong to
AMONG_STEMS = ("بينهم", "بينهما", "ضمنهم", "منهم")
AMONG_VICTIMS = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?"
        + _VICTIM_WORD
        + r"\S*\s+(?:\S+\s+){0,4}?(?:و)?(?:من\s+)?(?:بينهم|بينهما|بضمنهم|ضمنهم|منهم)"
        r"\s+(?:\S+\s+){0,2}?(?:(?:في|من)\s+)?(?:ال)?$"
    )
)
VICTIM_RELATIVE = compile_guarded(
    _n(
        # (after his name set off by a comma: "القيادي في كتائب حزب الله أبو باقر الساعدي، الذي قتل")
        r"(?:(?:\s+[^\s،,.]+){1,4}\s*[،,])?"
        r"\s*(?:الذي|التي|الذين|اللذين|اللذان|اللتين)\s+(?:قد\s+)?(?:اغتيل|قتل|استشهد|اصيب|جرح|توفي|لقي)"
    )
)
# "وفق بيان لهيئة الحشد.": the body whose statement the report cites, at its end
# "according to", its article or clitic after it ("بحسب البيان", "وفقا لبيان")
_ACCORDING_TO = r"(?:^|\s)(?:(?:وفق|بحسب|حسب|نقلا\s+عن|استنادا\s+الي)\s+(?:ال)?|(?:وفقا|طبقا)\s+(?:ل|لل))"
CITED_STATEMENT = compile_guarded(_n(_ACCORDING_TO + r"(?:بيان|بلاغ|تصريح|تصريحات|احصائيه)\s*$"))
# ... and the body cited itself ("بحسب الحكومة العراقية")
CITED_BODY = compile_guarded(_n(_ACCORDING_TO + r"$"))
ATTACKERS_BELONG_TO = compile_guarded(
    _n(
        # ("لمسلحين يعتقد أنهم ينتمون لتنظيم داعش")
        r"(?:المهاجمين|المهاجمون|مهاجمين|مهاجمون|المنفذين|المنفذون|منفذي|منفذو|الجناه|المسلحين|المسلحون"
        r"|مسلحين|مسلحون)\s+(?:\S+\s+){0,2}?(?:ينتمون|ينتمي|ينتميان)\s+(?:الي\s+)?(?:\S+\s+){0,2}?"
        r"(?:ل|لل|الي\s+)?(?:ال)?$"
    )
)
# "أصيب قيادي في عصائب أهل الحق": a member named with his group, right after the casualty
# word (the member word is part of the actor found)
VICTIM_BEFORE_MEMBER = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?" + _VICTIM_WORD + r"\S*\s+(?:\S+\s+)?$"))
MEMBER_PERSON = compile_guarded(
    _n(
        r"^(?:ال)?(?:قيادي|قياديين|قياديان|عنصر|عنصرين|عنصران|عناصر|مقاتل|مقاتلين|مقاتلي|امر|قائد|منتسب|منتسبي|افراد|احد"
        r"|شرطي|شرطيا|شرطيين|شرطيان|جندي|جنديا|جنديين|جنديان|جنود|ضابط|ضابطا|ضباط"
        # (an official named by his office: "أصيب مدير ناحية", "مقتل قائممقام قضاء")
        r"|مدير|مديره|معاون|قائممقام|قائمقام|محافظ|نائب)"
    )
)
# "<thing> (<its complement>) تابع(ة) لـ": the thing is the actor's
_OWNED = r"\s+(?:ال)?(?:تابع|تابعه|تابعا|تابعين|تابعتين)"
# ... directly ("تابعة للجيش") or through one of its units ("تابعا للواء 52 في الحشد")
_OWNER = (
    r"(?:\s*(?:ل|لل)?|\s+(?:ل|لل)(?:لواء|فوج|فرقه|كتيبه|سريه|قياده|قوات)\S*(?:\s+\d+)?(?:\s+(?:في|من))?\s*"
    # ("تابعا لأحد ألوية الحشد الشعبي": one of its units)
    r"|\s+لاحد(?:\s+(?:الويه|افواج|فصائل|تشكيلات|قطعات|كتائب))?\s*(?:ال)?)$"
)
# (the thing is the word right before "تابع", or the one before its complement of one or
# two words, "مخزنا للأسلحة والأعتدة تابعا لـ": the nearest is tried first, "طائرة مسيرة
# مقرا تابعا لـ" owns the site, not the drone)
OWNED_BY_GAPS = tuple(
    re.compile(_n(r"(?:^|\s)(\S+)" + r"\s+\S+" * gap + _OWNED + _OWNER)) for gap in range(3)
)
OWNED_BY = OWNED_BY_GAPS[0]
# "موقعا لإطلاق الطائرات المسيرة تابعا لـ X" (the alias "المسيرة تابعا لـ X" follows): a site
# for the weapons, owned, was hit
SITE_FOR_WEAPONS_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)(?:ال)?(?:موقع|موقعا|مواقع|مقر|مقرا|مقرات|منصه|منصات|مخزن|مخزنا|مخازن|قاعده|منشاه|منشات|مستودع|مستودعا|مصنع|مصنعا|معسكر|معسكرا)\s+"
        r"(?:ل|لل)(?:اطلاق|تخزين|تصنيع|تجميع|انطلاق|تسيير)\S*(?:\s+\S+){0,2}\s*$"
    )
)
# "مستودعا للطائرات المسيرة", "مخزن للصواريخ": the store the weapons were kept in (what was hit)
STORED_IN = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:ال)?(?:مستودع|مستودعات|مخزن|مخازن|مصنع|مصانع|ورشه|ورش|معمل|معامل)(?:ا|ين)?\s+(?:\S+\s+)?(?:ل|لل)?$"
    )
)
# weapons found, or what a found cache holds: the finder may stand between the verb and "على"
# ("عثرت قوة من الحشد على 20 صاروخا", "كدس للعتاد يحتوي على صواريخ")
FOUND_HELD = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:عثر|عثرت|عثروا|العثور)(?:\s+[^\s،.]+){0,5}?\s+علي\s+(?:[^\s،.]+\s+){0,3}$"
        r"|(?:^|\s)(?:يحتوي|تحتوي|يحوي|تحوي|تضم|يضم)\s+علي\s+(?:[^\s،.]+\s+){0,3}$"
    )
)
FOUND_DEAD = compile_guarded(_n(r"جث|قتل|مقتل|قتيل|شهيد|ضحي"))
POSSESSION = compile_guarded(
    # ("انتحاري يرتدي حزاما ناسفا": worn, not set off; "قتل خمسة إرهابيين بينهم انتحاري": a
    # bomber among the dead is a person, not the act)
    _n(r"(?:بحوزه|بحوزت\S*|عثر\S* علي|عثرت علي|ضبط\S*|مخبا\S*|يرتدي\S*|مرتدي\S*|(?:بينهم|بضمنهم|ضمنهم)\s+$)")
)
# "عصائب أهل الحق، أحد فصائل الحشد الشعبي": a description of the actor just named
APPOSITIVE = compile_guarded(
    _n(
        r"(?:(?:^|\s)(?:احد|احدي|اكبر|ابرز|اقوي)(?:\s+(?:ابرز|اكبر|اقوي|اهم))?\s+(?:فصائل|الفصائل|الوية|تشكيلات|مكونات)"
        r"|الجناح\s+(?:العسكري|المسلح)\s+(?:ل|لل)?|ذراع\S*\s+(?:العسكري|المسلح)\s+(?:ل|لل)?)\s*(?:ال|لل|ل)?$"
    )
)
# "إحدى فصائل المقاومة" named as one word group: the apposition's "one of"
GROUP_WORDS = (_n("فصائل"), _n("الفصائل"))
ONE_OF = compile_guarded(_n(r"[،,]\s*(?:احد|احدي)(?:\s+(?:ابرز|اكبر|اقوي|اهم))?\s*$"))
# "، إحدى فصائل المقاومة الإسلامية في العراق،": an apposition set off by commas
APPOSITION_AFTER = compile_guarded(_n(r"\s*،\s*(?:وهي\s+|وهو\s+)?(?:احد|احدي|ابرز|اكبر)\s+[^،.]{3,70}،\s*"))
# an ambush word ("وذلك بكمين محكم"), and an act told as separate ("في عملية منفصلة")
AMBUSH = compile_guarded(_n(r"^(?:و|ف|ب)?(?:ال)?(?:كمين|كمينا)"))
# (or a later one: "فيما قتل إرهابيان في اشتباك لاحق مع القوات الأمنية")
_ANOTHER_ACT = r"(?:عمليه|هجوم|حادث|حادثه|اشتباك|ضربه|غاره|اعتداء)\s+(?:منفصل|منفصله|اخر|اخري|ثان|ثاني|ثانيه|لاحق|لاحقه)(?=[\s،,.]|$)"
SEPARATE_ACT = compile_guarded(_n(_ANOTHER_ACT))
# "...، وفي حادث منفصل قتل راع ...", "، وفي حادث آخر": another act told in the same sentence
ANOTHER_ACT_CLAUSE = compile_guarded(_n(r"[،,]\s*(?:و|ف)?(?:في\s+)?" + _ANOTHER_ACT))
# (not the riot police, "قوات مكافحة الشغب", named in a dispersal phrase)
VAGUE = compile_guarded(_n(r"(?:اعمال|عنف|(?<!مكافحه ال)شغب|معارك|المعارك|اقتتال|الاقتتال|نزاع|نزاعات)"))
TRIBAL = compile_guarded(_n(r"عشائري"))
# a fight between kin ("نزاع مسلح بين عائلتين على قطعة أرض"), a tribal fight by another name
KIN_FIGHT = compile_guarded(
    _n(
        r"(?:^|\s)(?:بين\s+)?(?:عائلتين|عائلتان|اسرتين|اسرتان|عشيرتين|عشيرتان|فخذين|ابناء\s+عمومه|ذوي\s+قربي)(?:\s|$)"
    )
)
SHOT_AT = compile_guarded(_n(r"^\s*(?:\S+\s+){0,2}?(?:على|علي|ضد|باتجاه|صوب|نحو)\s"))
# (also "لقطع الطريق على فلول الإرهاب": to head off, no road blocked)
PURPOSE = compile_guarded(_n(r"ل(?:استهداف|مهاجمه|ضرب|قصف|اغتيال|اقتحام|تنفيذ|شن|قطع)"))
# ... unless the attempt is what was foiled ("أحبطت القوات الأمنية، فجر اليوم، محاولة لاستهداف
# مطار بغداد"): the foiled attack itself
FOILED_ATTEMPT = compile_guarded(
    _n(r"(?:احبط|افشل|احباط|افشال)\S*\s+(?:[^.؛]*\s)?(?:محاوله|محاولات|مخطط|مخططا|مخططات)\s*$")
)
# "تعرضت <what, where, when: a place list and a time can take 20 words> لقصف": subjected to
SUFFERED = compile_guarded(_n(r"(?:تعرض\S*|يتعرض\S*|تتعرض\S*)(?:\s+[^\s.؛:]+){0,20}\s*$"))
SUBJECTED_TO = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?(?:تعرض|تعرضت|تعرضوا|تعرضا|يتعرض|تتعرض)\s+(?:\S+\s+){0,6}?$")
)
NOT_ON_ITS_OWN = compile_guarded(_n(r"(?:و|ف)?(?:تعرض|يتعرض|تتعرض|شن|يشن|تشن)"))
STANCE = {"threat", "condemnation", "statement", "denial", "deployment", "attribution"}
# what is still to come: "قد تتعرض", "سوف", "خلال الأيام المقبلة", "مستقبلا", or only on a
# condition ("في حال عدم انسحابها", "ما لم", "إذا")
FUTURE_MARK = compile_guarded(
    _n(
        r"(?:^|\s)(?:قد\s+(?:تت|يت|تست|يست|تن|ين|تق|يق)\S+|سوف|مستقبلا|في\s+المستقبل|في\s+حال|ما\s+لم|اذا"
        r"|(?:خلال|في)\s+(?:الايام|الاسابيع|الساعات|الفتره|المرحله|الاشهر)\s+(?:المقبله|القادمه))(?=\s|$|[،.])"
    )
)
# "<speech verb> <speaker, up to ~8 words> إن/أن": the speaker span
_SPEECH_WORDS = (
    "قال", "قالت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت", "اضاف", "اضافت", "اوضح", "اوضحت",
    "صرح", "صرحت", "نقل", "نقلت", "اشار", "اشارت", "كشف", "كشفت", "اعلن", "اعلنت", "بحسب", "وفق",
    "وفقا ل", "حسب",
)  # fmt: skip
SPEAKER = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:"
        + "|".join(_SPEECH_WORDS)
        # (not who is "responsible for" it: "أعلن الجهاز اعتقال الإرهابي المسؤول عن تفجير")
        + r")(?:\s+\S+){0,10}?\s+(?:ب|ل)?(?:ان|انه|انها|(?<!مسوول )(?<!مسوولين )(?<!مسوولون )(?<!مسووله )عن)(?=\s)"
    )
)
# a place named after an affiliation word is not where the event happened ("الموالية لإيران")
AFFILIATION = compile_guarded(
    _n(
        r"(?:تدعم\S*|يدعم\S*|محسوب\S*|المحسوب\S*|موال\S*|متحالف\S*|مرتبط\S*|مدعوم\S*|حليف\S*|الحليف\S*|المقرب\S*|مقرب\S*|تابع\S*|"
        r"المدعوم\S*|الموالي\S*|المرتبط\S*|المتحالف\S*|وكلاء|داعم\S*|الحدوديه|الحدودي|الحدود|حدود)"
        r"\s+(?:مع\s+|من\s+|علي\s+|ل|ب)?$"
    )
)
# "التحالف الدولي لمحاربة داعش": the fought enemy in a coalition's name is no party
# ("بهجوم لداعش", "في غارة للتحالف": the noun may carry its preposition)
AGENT_NOUN = compile_guarded(
    # ("صد تعرض لداعش": the assault repelled, in Iraqi military usage, is the group's)
    _n(
        r"(?:^|\s)(?:ب|و|ف|وب|ل|ول|فل)?(?:عمليه|ضربه|غاره|هجوم|هجوما|هجمات|هجمه|غارات|ضربات|تعرضا|(?:صد|صدت|صدوا|افشال|افشلت|احباط|احبطت)\s+تعرض"
        # ("بقصف مدفعي لحزب العمال على مواقعهم": the shelling, with its kind, is the group's)
        r"|قصف\s+(?:مدفعي|صاروخي))"
        r"(?:\s+(?:جويه|عسكريه))?\s*(?:ل)?$"
    )
)
WEAPON_OF = compile_guarded(
    _n(
        r"(?:طائرات|طائره|طيران|مسيره|مسيرات|مروحيات|مروحيه|صواريخ|مدفعيه|راجمات|دبابات|زوارق)"
        r"(?:\s+\S+){0,2}\s+(?:ال)?تابع\S*\s+(?:ل|لل)?$"
    )
)
VICTIMS_BODIES = compile_guarded(
    _n(r"(?:ال)?جث\S*\s+(?:ال)?(?:قتلي|ضحايا|الضحايا|المسلحين|الارهابيين|المهاجمين|عناصر|الانتحاري)")
)
# bodies a hospital or a morgue received ("وصول جثث إلى مستشفى الحلة", "استقبل المستشفى جثث
# سبعة أشخاص"): the dead of an act told by its own words, no killing of their own
BODIES_RECEIVED = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:وصول|وصلت|وصل|استقبل|استقبلت|استقبال|استلم|استلمت|استلام|تسلم|تسلمت|نقل|نقلت|ايصال)"
        r"\s+(?:\S+\s+)?$"
    )
)
# Verb - subject - object: an actor right after a clause-opening attack verb is its
# subject ("استهدفت كتائب حزب الله قاعدة عين الأسد", "السليمانية - قصف الحرس الثوري
# مواقع"); the masculine forms are written as their verbal nouns are ("قصف", "استهدف")
# a unit of a force before the force's name ("قوة من الجيش", "مفرزة من الشرطة"): the verbs
# whose subject a force is (VSO_VERB, KILLER_VERB, MANAGED_VERB) also take it
_UNIT_OF = r"(?:قوه|مفرزه|دوريه|وحده|سريه)\s+من\s+"
# the agent of a siege, a chase or an arrest ("بعد محاصرته من قبل القوات الأمنية")
SIEGED_BY = compile_guarded(
    _n(
        r"(?:^|\s)(?:ب|ل)?(?:(?:محاصر|ملاحق|مطارد)(?:ه|ته|تهم|تها|تهما)|(?:تطويق|اعتقال)(?:ه|هم|ها|هما)?)"
        r"\s+(?:من\s+قبل|علي\s+يد|علي\s+ايدي)\s+$"
    )
)
# "ردا على المجازر ضرب مجاهدو المقاومة ...": "مجاهدو" (nominative) after an attack verb is
# its subject, the verb opening a clause or not
FIGHTERS_DID = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?(?:استهدفت?|قصفت?|ضربت?|هاجمت?|دكت?|اغارت?|نفذت?|شنت?)\s+(?:مجاهدو|مقاتلو)\s+$")
)
VSO_VERB = compile_guarded(
    _n(
        r"(?:^|[-–—:،؛.]\s*|\s(?:ثم|كما|حيث|فيما|بينما|وقد|قد|لقد|اليوم|امس)\s+)(?:و|ف)?"
        r"(?:استهدفت?|قصفت?|ضربت?|هاجمت?|اغتالت?|اقتحمت?|فجرت?|دمرت?|حيدت?|اطلقت?|فتحت?|داهمت?)\s+"
        # (its fighters, in the nominative: "استهدف مجاهدو المقاومة الإسلامية قاعدة"; a unit
        # of it: "داهمت قوة من الشرطة")
        r"(?:(?:مجاهدو|مقاتلو)\s+|" + _UNIT_OF + r")?$"
    )
)
OPENED = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?فتحت?\s+(?:\S+\s+)?$"))
FIRE_OPENED = compile_guarded(_n(r"^\s*(?:\S+\s+){0,4}?(?:ال)?(?:نار|نيران|رصاص)"))
# "قتلت القوات الأمنية ثلاثة إرهابيين": a killing verb in the active voice, its subject a
# force named right after it, or a unit of it ("قتلت قوة من الجيش"); masculine "قتل"
# before a name is mostly the passive
OWN_FIGHTERS = tuple(_n(w) + " " for w in ("مجاهدو", "مقاتلو"))
KILLER_VERB = compile_guarded(_n(r"(?:^|[\s،])(?:و|ف)?(?:قتلت|قتلوا)\s+(?:" + _UNIT_OF + r")?$"))
# ... or right after it ("إن القوات الأمنية قتلت ثلاثة إرهابيين")
# (or managed it: "قواتنا البطلة تمكنت من قتل 5 إرهابيين")
KILLER_AFTER = compile_guarded(
    _n(
        r"^\s*(?:قد\s+)?(?:قتلت|قتلوا|(?:تمكنت|تمكنوا)\s+من\s+(?:قتل|تصفيه)|(?:نجحت|نجحوا)\s+في\s+(?:قتل|تصفيه))\s"
    )
)
# "تمكنت قوة من جهاز مكافحة الإرهاب من قتل إرهابيين اثنين", "نجحت الشرطة في قتل ...": the
# force managed to kill
_MANAGED = r"تمكنت|تمكن|تمكنوا|نجحت|نجح|نجحوا"
MANAGED_VERB = compile_guarded(_n(r"(?:^|[\s،])(?:و|ف)?(?:" + _MANAGED + r")\s+(?:" + _UNIT_OF + r")?$"))
MANAGED_KILL = compile_guarded(_n(r"^(?:\s+\S+){0,3}?\s+(?:من|في)\s+(?:قتل|تصفيه|اغتيال)\s"))
# "إن قواتها حيدت", "أن طائراته قصفت": a body's own forces (a pronoun names the body) as the
# subject right before the verb
_OWN_FORCES = r"قواتها|قواته|قواتنا|طائراتها|طائراته|مقاتلاتها|مسيراتها|مدفعيتها|وحداتها|قطعاتها"
OWN_FORCES_DID = compile_guarded(
    _n(r"(?:^|\s)(?:ان|بان|و)?\s*(?:" + _OWN_FORCES + r")\s+(?:قد\s+)?\S+\s+(?:\S+\s+)?$")
)
# "تمكن مجاهدو سرايا أولياء الدم من استهداف رتل", "استطاع أبطال المقاومة استهداف قاعدة": the
# side that managed the strike (its own fighters: its claim)
MANAGED_BY = compile_guarded(
    _n(
        r"(?:^|[\s،])(?:و|ف)?(?:" + _MANAGED + r"|استطاعت|استطاع|استطاعوا)\s+"
        r"(?:(?:مجاهدو|مقاتلو|ابطال)\s+|" + _UNIT_OF + r")?$"
    )
)
MANAGED_STRIKE = compile_guarded(
    _n(r"^(?:\s+\S+){0,3}?\s+(?:(?:من|في)\s+)?(?:استهداف|قصف|ضرب|مهاجمه|تفجير|اسقاط|دك)(?=\s)")
)


def _force(f: Facts, a) -> bool:
    """An armed body named as such or as its band ("عصابات داعش"), not one of its people,
    not a civilian or the state."""
    if a.actor_id in CIVILIAN or a.actor_id in ("unknown", "iraqi_government"):
        return False
    kind = getattr(a, "kind", "")
    return kind in ("name", "short", "generic") or (
        kind == "member" and f.norm.startswith(BANDS, f.npos(a.start))
    )


# the band words of a group ("عصابات داعش", "خلية لداعش")
BANDS = tuple(_n(w) for w in ("عصابات", "فلول", "بقايا", "خلايا", "خليه", "مفارز"))


# ... unless the verb is passive: "استُهدف الحشد بطائرة مسيرة مجهولة", "... من قبل مسلحين"
PASSIVE_AFTER = compile_guarded(
    _n(r"^[^،.]{0,30}?(?<!\S)(?:من قبل|على يدي?|بيدي?)(?!\S)|^\s*(?:\S+\s+){0,2}?ب\S+(?:\s+\S+){0,2}\s+مجهول")
)
# "يدل على أن الولايات المتحدة ...", "أشار إلى أن": a clause opens; its subject is no object
COMPLEMENTIZER = compile_guarded(_n(r"(?:^|\s)(?:علي|على|الي|إلى)\s+(?:ان|انه|انها)\s*$"))
# the people of the body that speaks ("مقاتليها", "منتسبيه"): OWN_DEAD, MOURNER_AFTER, ITS_OWN_SITE
_ITS_PEOPLE = r"(?:مقاتلي|منتسبي|عناصر|ابناء|مجاهدي|افراد)(?:ها|ه|هم)"
# a site or people of the one who speaks ("مقرا لها", "مقراتها", "عناصرها")
ITS_OWN_SITE = compile_guarded(
    _n(
        r"(?:^|\s)(?:ب|ل)?(?:ال)?(?:مقر|مقرا|مقرات|موقع|موقعا|مواقع|مخزن|مخزنا|نقطه|قاعده|رتل|رتلا|دوريه|ثكنه)\s+(?:ل|تابعا\s+ل|تابعه\s+ل)"
        # (or of its forces: "نقطة لقواتها")
        r"(?:(?:قوات|عناصر|مقاتلي|منتسبي|جنود)?(?:ها|ه|هم))(?=[\s،.]|$)"
        r"|(?:^|\s)(?:ب|ل)?(?:(?:مقر|مقرات|مواقع)(?:ها|ه)|" + _ITS_PEOPLE + r")(?=[\s،.]|$)"
    )
)
# whom a neighbour's "terrorists" in Iraq are, in its own statements
STATE_TERRORISTS = {"turkish_forces": "pkk", "iran_forces": "political_parties"}
ISIS_NAMED = compile_guarded(_n(r"داعش|الدوله الاسلاميه|تنظيم الدوله|دواعش|الداعشي"))
CONDEMNER = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:ادان|ادانت|يدين|تدين|استنكر|استنكرت|شجب|شجبت|ندد|نددت|استهجن|استهجنت"
        # (and who welcomes or praises: "رحبت الحكومة بنجاح القوات الأمنية في إحباط هجوم")
        r"|رحب|رحبت|يرحب|ترحب|ثمن|ثمنت|اشاد|اشادت|بارك|باركت)\s*(?:ال|لل)?$"
    )
)
# "حمّل X Y مسؤولية ...", "اتهم X Y بـ...": X (right after the verb) accuses, Y is accused
ACCUSER_AFTER = compile_guarded(
    # (not "يحمل": "انتحاري من داعش يحمل حزاما ناسفا" carries)
    _n(r"\s+(?:\S+\s+)?(?:تتهم|يتهم|اتهمت|اتهم|اتهموا|يتهمون)\s")
)
_ACCUSE = r"(?:حمل|حملت|حملوا|يحمل|تحمل|اتهم|اتهمت|اتهموا|يتهم|تتهم)"
ACCUSER_VERB = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?" + _ACCUSE + r"\s*$"))
# a verb that lays or takes the responsibility ("حمّلوا X مسؤولية", "أعلنت X مسؤوليتها")
OWNER_VERB = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?(?:" + _ACCUSE + r"|يحملون|اعلن|اعلنت|اعلنوا|تبنت|تبني|تبنى)(?=\s|$)")
)
# the accused after a denier's participle ("نفت مسؤوليتها، متهمة حزب العمال بتنفيذه")
COUNTER_ACCUSED = compile_guarded(_n(r"(?:^|\s)(?:و)?(?:متهمه|متهما|متهمين|اتهمت|اتهم|واتهمت)\s+(?:ال|لل)?$"))
# up to three title words between a link word and a name ("للزعيم الشيعي مقتدى الصدر")
TITLES = r"(?:(?:ال|لل|ل)?(?:زعيم|سيد|رجل|دين|شيعي|امين|عام|قائد|مرجع)\S*\s+){0,3}"
# "سرايا السلام التابعة للتيار الصدري": the parent of a group named just before; (a base
# "تابعة للحشد" is not a group: its owner is the one attacked, read as usual)
BELONGS = compile_guarded(_n(r"(?:تابع\S*|التابع\S*)\s+(?:ل|لل)?" + TITLES + "$"))
# a band of the group's own people right before "تابعة ل" (not a faction under an umbrella)
CELL_OWNED = compile_guarded(
    _n(r"(?:^|\s)(?:ال)?(?:خليه|خلايا|مفرزه|مفارز|مجموعه|مجموعات|شبكه|عصابه|عناصر|مسلحين|افراد)\s*$")
)
# reporters as the audience, not the victims: "قال للصحفيين", "ردا على أسئلة صحفيين"
PRESS = compile_guarded(_n(r"(?:صحف|صحاف|مراسل|اعلاميين)"))
AUDIENCE_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:اسئله|سؤال|ل?قال|قالت|ابلغ|ابلغت|صرح|صرحت|اكد|اكدت|اوضح|اوضحت|افاد|افادت|"
        r"تحدث|تحدثت|امام|مع|اخبر|اخبرت)(?:\s+\S+){0,2}\s*$"
    )
)
FOUGHT = compile_guarded(_n(r"(?:ل|ال)?(?:محاربه|مكافحه|قتال|المناهض|مناهض|لمواجهه)\s+(?:ل|لل)?$"))
# "أعلنت/أقرت/نعت X مقتل ...": X announces its own loss (the attacked side)
# "أعلن جهاز مكافحة الإرهاب مقتل ما يسمى والي نينوى في تنظيم داعش": the dead the
# announcer names as another group's, or as terrorists, are not its own
ENEMY_DEAD = compile_guarded(_n(_TERRORISTS + r"|المسلحين|مسلحين|الخارجين عن القانون"))


def _dead_are_others(f: Facts, a, npos: int) -> bool:
    window = f.norm[npos : npos + 50]
    if ENEMY_DEAD.search(window):
        return True
    # (its umbrella or its member named with the dead is still its own side: "نعت النجباء
    # مقتل المعاون العسكري ... في الحشد")
    # (so are the US forces for the coalition they lead: "أعلن التحالف الدولي مقتل جنديين أمريكيين")
    family = {a.actor_id, "unknown", UMBRELLA_OF.get(a.actor_id)}
    return any(
        o.actor_id not in family
        and _family_of(o.actor_id) != _family_of(a.actor_id)
        and UMBRELLA_OF.get(o.actor_id) != a.actor_id
        and 0 <= f.npos(o.start) - npos <= 50
        for o in f.actors
    )


OWN_DEAD = compile_guarded(_n(r"(?:^|\s)(?:من\s+)?" + _ITS_PEOPLE + r"(?=[\s،.]|$)"))
MOURNER_BEFORE = compile_guarded(_n(r"(?:اعلنت?|اقرت?|نعت?|نعي|اكدت?|اعترفت?)\s+$"))
MOURNER_AFTER = compile_guarded(
    _n(
        r"^\S*(?:\s+\S+){0,16}?\s+(?:ب)?(?:مقتل|استشهاد|سقوط|اصابه)\s"
        # "نعت هيئة الحشد ثلاثة من مقاتليها استشهدوا": its own people, counted, then the verb
        # (one of them: "نعت هيئة الحشد أحد مقاتليها الذي استشهد")
        r"|^\s*(?:\S+\s+){0,3}?(?:من\s+)?" + _ITS_PEOPLE + r"\s+(?:(?:الذين|الذي|اللذين|اللذان)\s+)?"
        r"(?:استشهدوا|قتلوا|سقطوا|ارتقوا|استشهد|قتل|سقط|ارتقي|استشهدا|قتلا|سقطا|ارتقيا|قضوا|قضيا|قضي)(?![^\s،.])"
    )
)
# ... or the people of one of its units, after the day: "نعت هيئة الحشد، الثلاثاء، ثلاثة من
# مقاتلي اللواء 35 استشهدوا" (its own, unless another side is named among them)
UNIT_DEAD = compile_guarded(
    _n(
        r"^[\s،,]*(?:(?:اليوم|امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)[\s،,]+){0,2}"
        r"(?:\S+\s+){0,2}?(?:من\s+)?(?:مقاتلي|منتسبي|عناصر|ابناء|افراد|مجاهدي)\s+(?:\S+\s+){1,3}?"
        r"(?:الذين\s+|اللذين\s+|اللذان\s+)?(?:استشهدوا|قتلوا|سقطوا|ارتقوا|استشهدا|قتلا|سقطا|ارتقيا|قضوا|قضيا)"
    )
)
# a second clause opened by "while / as / also": a concurrent, separate statement
# "..., فيما أصيب اثنان من حراسه", "كما أصيب عنصر": a concurrent clause that only adds the event's other
# casualties (it opens with the casualty verb, and has no event cue of its own)
CONCURRENT_TOLL = compile_guarded(
    _n(
        r"^[\s،,]*(?:و)?(?:فيما|بينما|في حين|كما)\s+(?:اصيب|اصيبت|اصيبوا|جرح|جرحت|قتل|قتلت|لقي|لقيت|استشهد|استشهدت)(?:\s|$)"
        # the rest of the same salvo: "أسقطت القوات اثنتين منها، فيما أصابت الثالثة المنزل"
        r"|^[\s،,]*(?:و)?(?:فيما|بينما|في حين)\s+(?:اصابت|اصاب|سقطت|سقط|انفجرت|انفجر|ضربت|استهدفت)\s+"
        r"(?:(?:ال)?(?:ثالثه|ثالث|ثانيه|ثاني|اخري|اخر|اخيره|اخير|رابعه|رابع)"
        r"|اثنتان|اثنتين|اثنان|اثنين|احداها|احداهما|احدها|احدهما"
        # ("فيما سقط عدد منها داخل القاعدة", "بعضها", "البقية")
        r"|عدد\s+منها|بعضها|البقيه|الباقي|الباقيه)(?:\s|$)"
        # the toll another voice gives: "فيما أكد مجلس أمن إقليم كردستان مقتل أربعة مدنيين"
        r"|^[\s،,]*(?:و)?(?:فيما|بينما|في حين)\s+(?:اكد|اكدت|اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|اوضح|اوضحت)"
        r"\s+(?:\S+\s+){0,6}?(?:ب)?(?:مقتل|اصابه|استشهاد|جرح|سقوط"
        # (or the toll risen: "فيما أكدت وزارة الصحة ارتفاع عدد الضحايا إلى 13 قتيلا")
        r"|ارتفاع\s+(?:عدد|حصيله)|ارتفعت\s+(?:حصيله|الحصيله)|ارتفع\s+عدد)(?:\s|$)"
    )
)
RISEN_STEMS = ("ارتفاع", "ارتفع")
TOLL_RISEN = compile_guarded(
    _n(r"(?:^|\s)(?:ارتفاع\s+(?:عدد|حصيله)|ارتفعت\s+(?:ال)?حصيله|ارتفع\s+عدد)(?:\s|$)")
)
ALSO = compile_guarded(_n(r"^[\s،,]*(?:و)?كما\s"))
# "اقتحموا مقر الشركة، حيث أطلقوا النار عليه، مما أدى إلى مقتله": a clause telling how
# the same act went on (with no event cue of its own) gives that act's figures
WHEREUPON = compile_guarded(_n(r"^[\s،,]*(?:و)?حيث\s"))
BACKGROUND_OF = compile_guarded(_n(r"علي\s+خلفيه"))
RESULT_CLAUSE = compile_guarded(_n(r"[،,]\s*(?:ما|مما|و)\s*(?:اسفر|ادي|خلف)"))
NEW_DAY_CLAUSE = compile_guarded(r"[،,]\s*و(?:في\s+|ب)?$")
# (cheap test first: "، وفي" then a word a date can open with)
NEW_DAY_AHEAD = compile_guarded(
    _n(
        r"[،,]\s*و(?:في\s+|ب)?(?:\d|ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي|عشرين|ثلاثين)"
        r"|يوم|اليوم|امس|صباح|مساء|فجر|ليل|ليله|ظهر|عصر|منتصف|مطلع|اواخر|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه"
        # (a month: "ففي تشرين الأول الماضي قتل ...، وفي آب من العام نفسه هاجم ...")
        r"|شهر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|اب\s|ايلول|تشرين|يناير|فبراير|مارس|ابريل|مايو|يونيو"
        r"|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر)"
    )
)
CONCURRENT = compile_guarded(
    _n(
        # ("، في وقت متأخر من ليل أمس": a time of the act, not "meanwhile")
        r"(?:[،,]\s*(?:و)?(?:في وقت(?!\s+(?:متاخر|مبكر|سابق|لاحق|واحد))|فيما|بينما|في حين|كما|وسط|حيث)|\s(?:و)?(?:في وقت(?=\s+[يت]\S+)|في ظل|بالتزامن مع|تزامنا مع|يتزامن مع|تتزامن مع))\s"
    )
)
# "، وهو ما ردت عليه واشنطن في الثاني من شباط بضربات على ...": the other side's answer, an
# act of its own after the one told
ANSWERED_WITH = compile_guarded(
    _n(r"[،,]\s*(?:وهو ما|وهو الهجوم الذي|الامر الذي|ما)\s+(?:ردت|رد|ردوا)\s+(?:عليه|عليها)\s")
)
# "قاعدة فكتوري العسكرية قرب مطار بغداد": a site after "near" that locates the one before
NEAR_LOCATOR = compile_guarded(_n(r"(?:^|\s)(?:قرب|بالقرب\s+من|المحاذيه\s+ل|المجاوره\s+ل)\s*$"))
TAKEN_STEMS = ("نقل", "اعيد")
# taking people or things somewhere ("نقلت الجثامين", "تم نقل الجرحى"): TAKEN_TO, TAKEN_ON
_TAKEN_VERB = r"(?:نقل|نقلت|نقلوا|نقلها|نقله|نقلهم|نقلتها|تم\s+نقل|اعيدت|اعيد)"
# what the arrested are charged with ("بتهمة إطلاق صواريخ على السفارة الأمريكية")
CHARGE_STEMS = ("تهم", "تورط", "ضلوع")
CHARGED_WITH = compile_guarded(
    _n(
        r"(?:^|\s)(?:بتهمه|بتهم|بتهمة|(?:ال)?متهم(?:ين|ان|ون|ا)?\s+ب\S*|لتورطهم|لتورطه|بتورطهم|لضلوعهم|لضلوعه)\s+[^،.؛]{0,50}$"
    )
)
# a charge of membership right before the group's name ("متهم بالانتماء لتنظيم داعش")
MEMBERSHIP_CHARGED = compile_guarded(
    _n(
        r"(?:بتهمه|بتهم|متهم\S*)\s+(?:ب)?(?:ال)?انتماء\s+(?:(?:الي|إلى)\s+)?(?:ل|لل)?(?:(?:تنظيم|عصابات|جماعه)\s+)?(?:ال|لل|ل)?$"
    )
)
# a charge that names no act of a place ("متهمين بالإرهاب في منطقة الطارمية": arrested there)
SITELESS_CHARGE = compile_guarded(
    _n(
        r"(?:بتهمه|بتهم|متهم\S*)\s+(?:ب)?(?:ال)?(?:ارهاب(?:يه|ي)?|انتماء|الانتماء|تزوير|فساد|ابتزاز|مخدرات|تجاره)(?:\s|$)"
        r"|متهم\S*\s+ب(?:ال)?(?:ارهاب(?:يه|ي)?|انتماء|تزوير|فساد|ابتزاز|مخدرات|تجاره)(?:\s|$)"
    )
)
# "نقلت ... إلى العراق صباح الأحد": the day the dead or the wounded were taken somewhere
TAKEN_ON = compile_guarded(_n(r"(?:^|\s)(?:و)?" + _TAKEN_VERB + r"\s+[^،,.؛]{0,70}$"))


def _taken_on(f: Facts, d) -> bool:
    ns = f.npos(d.start)
    before = f.norm[max(0, ns - 80) : ns]
    return contains_any(before, TAKEN_STEMS) and TAKEN_ON.search(before) is not None


# "أحيا المئات، اليوم الثلاثاء، الذكرى السنوية الرابعة لاغتيال ...": the anniversary of an act
# (marked or come round: not "تزامنا مع الذكرى", the day of a fresh act that coincided with it)
ANNIVERSARY = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:احيا|احيت|احيوا|يحيي|تحيي|يحيون|احياء|لاحياء|استذكر\S*|احتفل\S*|احتفال\S*|"
        r"تمر|يمر|تحل|حلت|مرور|بمرور)\s+(?:\S+\s+){0,6}?(?:و|ب|ل)?(?:ال)?ذكري\s+(?:\S+\s+){0,3}?(?:ل|لل)"
    )
)


def _commemorated_on(f: Facts, d) -> bool:
    """The day `d` is the day an anniversary of the act was marked, not the act's: "أحيا
    المئات، اليوم الثلاثاء، الذكرى السنوية الرابعة لاغتيال ..."."""
    if "ذكري" not in f.norm:
        return False
    ns = f.npos(d.start)
    m = ANNIVERSARY.search(f.norm, max(0, ns - 60))
    return m is not None and m.start() <= ns and f.npos(d.end) <= m.end()


# a relative clause about something other than an act, up to a date in it ("في الحراك الاحتجاجي
# الذي انطلق في تشرين الأول 2019"): its head, the pronoun, up to four words
THING_RELATIVE = compile_guarded(
    _n(
        r"(?:^|\s)([^\s،,.]+)(?:\s+[^\s،,.]+)?\s+(?:الذي|التي|الذين)\s+(?:[^\s،,.]+\s+){1,4}?"
        r"(?:في\s+|منذ\s+|عام\s+|مطلع\s+)?$"
    )
)
ACT_HEAD = compile_guarded(
    _n(
        r"^(?:و|ب|ل)?(?:ال)?(?:هجوم|هجمات|هجمه|تفجير|تفجيرات|انفجار|قصف|اعتداء|عمليه|اغتيال|حادث|حادثه|ضربه|غاره"
        r"|كمين|اشتباك|اشتباكات|مجزره|استهداف|مواجهات|معركه|معارك)$"
    )
)


# a thing founded, opened or formed, or an earlier time the act recalls, up to a date told
# after the act ("قتل صحفي كان يعمل في قناة افتتحت عام 2015", "في حادث يعيد للأذهان اغتيالات
# عام 2020")
FOUNDED_OR_RECALLED = compile_guarded(
    _n(
        r"(?:^|\s)(?:(?:افتتحت|افتتح|تاسست|تاسس|اسست|اسس|تشكلت|تشكل|شكلت|انشئت|انشئ|بنيت|بني)"
        r"|يعيد\s+(?:لل|الي\s+ال)اذهان|يذكر\s+ب\S*|يستذكر|علي\s+غرار|اسوه\s+ب\S*|كما\s+حدث)"
        r"\s+(?:[^\s،,.]+\s+){0,3}?(?:في\s+|عام\s+|منذ\s+)?$"
    )
)


PLUPERFECT_BEFORE = compile_guarded(_n(r"(?:^|\s)(?:و)?(?:كان|كانت|كانوا)\s+قد\s+(?:[^\s،,.]+\s+){0,6}?$"))


def _act_word_in(f: Facts, lo: int, hi: int, occurrences: bool = True) -> bool:
    """Does an act word (a sub-event cue, or any occurrence cue) start in [lo, hi)?"""
    return any(
        lo <= c.start < hi
        and (c.category.startswith("sub_event:") or (occurrences and c.category in OCCURRENCE_CATEGORIES))
        for c in f.cues
    )


def _dates_another_thing(f: Facts, d, cue_pos: int, prior: bool = False) -> bool:
    """The day `d`, told beside the act, is another thing's: a relative clause on another
    thing than an act ("في الحراك الاحتجاجي الذي انطلق في تشرين الأول 2019": the movement's
    start, not the killing's day; "التفجير الذي وقع في الثالث من تموز" dates the act), a
    founding or a recalled time, a state of years, a recalled pluperfect act, or the other
    thing a main clause's act came days after."""
    ns = f.npos(d.start)
    if FOUNDED_OR_RECALLED.search(f.norm, max(0, ns - 50), ns):
        return True  # (wherever the act's word stands: "في قناة افتتحت عام 2015 برصاص ...")
    if d.start <= cue_pos:
        return False
    if not prior and f.text.startswith(("بعد", "عقب"), d.start):
        # "قتل جنديان ...، بعد يومين من إعلان الحكومة انتهاء العمليات": two days after the
        # announcement is the act's day, the day read (two days back) the announcement's
        return True
    if d.since and d.precision == "year":
        return True  # "شيخ عشيرة معروف بمواقفه ... منذ عام 2014": a state of years, no act's day
    if ("كان" in f.norm or "كانت" in f.norm) and PLUPERFECT_BEFORE.search(f.norm, max(0, ns - 60), ns):
        # "قتل ضابط كان قد نجا من محاولة اغتيال العام الماضي": the recalled act's day -- not
        # when the pluperfect tells the act itself ("إذ كانت قد تعرضت يوم الخميس الماضي لهجوم")
        comma = _CLAUSE_COMMA.search(f.text, d.end)
        if not _act_word_in(f, d.end, comma.start() if comma is not None else len(f.text), occurrences=False):
            return True
    if "الذي" not in f.norm and "التي" not in f.norm and "الذين" not in f.norm:
        return False
    m = THING_RELATIVE.search(f.norm, max(0, ns - 60), ns)
    if m is None or f.npos(cue_pos) >= m.start() or ACT_HEAD.match(m.group(1)):
        return False
    # (no act word between: "قاعدة حرير التي تستضيف قوات أمريكية تعرضت مساء أمس لهجوم" -- the
    # relative clause ended, the main verb's day follows)
    return not _act_word_in(f, f.orig(m.start()), d.start)


# "وإن جثامين القتلى نقلت عبر منفذ القائم الحدودي إلى العراق": where people or things were
# taken afterwards, not where the act was
TAKEN_TO = compile_guarded(
    _n(r"(?:^|\s)(?:و)?" + _TAKEN_VERB + r"\s+(?:\S+\s+){0,8}?(?:الي|عبر|نحو)\s+(?:\S+\s+){0,3}?$")
)
LAUNCHED_FROM = compile_guarded(
    # (the source of the fire, not "مصدر أمني بسقوط صاروخين من نوع كاتيوشا داخل ...")
    _n(
        r"(?:اطلق\S*|انطلق\S*|مصدر\s+(?:ال)?(?:نيران|اطلاق|القصف|النار|الصواريخ|القذائف)|منصه)"
        # ("صاروخين من نوع كاتيوشا على السفارة": the kind of rocket, not where it came from)
        # (nor where it flew to: "أطلقت من الأراضي العراقية باتجاه قاعدة زليكان")
        r"\s+(?:\S+\s+){0,6}?(?:من(?!\s+(?:نوع|طراز)\s)|عبر)\s+(?:(?!(?:باتجاه|نحو|صوب|الي|علي)\s)\S+\s+){0,4}$"
    )
)
# a place that only describes another ("البوكمال المحاذية لقضاء القائم"), a route ("نقلت
# عبر منفذ القائم") or a street named after it ("في شارع بغداد وسط مدينة كركوك"): not where
# the event happened
NOT_THE_SITE = compile_guarded(
    _n(
        r"(?:(?:ال)?(?:محاذي|مجاور|متاخم|مقابل)\S*\s+(?:ل|لل)?(?:\S+\s+)?"
        r"|(?:^|\s)عبر\s+(?:\S+\s+)?"
        # what a person is in charge of ("القيادي المسؤول عن ملف العمليات في سوريا")
        r"|(?:^|\s)(?:ب|ل)?(?:ال)?ملف\s+(?:\S+\s+){0,2}"
        r"|(?:^|\s)(?:ال)?(?:مسوول|مسووله|مسوولا|مسوولي|مسوولين)\s+عن\s+(?:\S+\s+){0,3}"
        r"|(?:^|\s)(?:و|ب|في\s+)?(?:شارع|ساحه|جسر|نفق|تقاطع)\s*"
        # the parties of a relation ("التنسيق بين بغداد وأربيل": the two governments)
        r"|(?:^|\s)(?:ال)?(?:تنسيق|علاقات|علاقه|خلاف|خلافات|حوار|مفاوضات|اتفاق|تعاون|مباحثات|تفاهم)"
        r"\s+(?:\S+\s+)?بين\s+(?:\S+\s+و?)?"
        # where the attackers withdrew or fled to afterwards ("قبل أن ينسحبوا إلى عمق وادي الشاي")
        r"|(?:^|\s)(?:و|ف)?(?:انسحب|ينسحب|تنسحب|فر|فروا|يفرون|هرب|هربوا|يهربون|لاذ|لاذوا|فرار|انسحاب|هروب|فرارهم|انسحابهم|هروبهم)\S*"
        r"(?:\s+(?:بالفرار|منها|منه))?\s+(?:الي|إلى|نحو|باتجاه|صوب)\s+(?:(?:عمق|داخل|مناطق|منطقه|جهه)\s+)?)$"
    )
)
# acts planned, not done ("كان يخطط لتنفيذ هجمات في بغداد", "ينوي شن هجوم على")
PLAN_STEMS = ("خطط", "ينوي", "تنوي", "ينوون", "يعتزم", "تعتزم", "يعتزمون", "يستعد", "تستعد", "بصدد")
PLANNED_ACT = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:يخطط|يخططون|تخطط|خطط|خططت|خططوا|التخطيط|بالتخطيط|للتخطيط|ينوي|تنوي|ينوون|يعتزم|تعتزم|يعتزمون"
        # (getting ready: "الإرهابيين الذين كانوا يستعدون لشن هجوم على القواعد التركية")
        r"|يستعد|يستعدون|تستعد|كانوا\s+بصدد|كان\s+بصدد)"
        r"\s+(?:ل|الي\s+)?(?:تنفيذ|شن|القيام\s+ب|استهداف|تفجير|ارتكاب)\S*\s+(?:\S+\s+){0,3}?(?:في|علي|ب|داخل|ضد)\s*$"
    )
)
ADJACENT_TO = compile_guarded(_n(r"(?:ال)?(?:محاذي|مجاور|متاخم)\S*\s+(?:ل|لل)?(?:\S+\s+)?$"))
# "ما وصفه بمقر للموساد", "ما وصفته بأوكار الإرهابيين", "ما وصفه بمقر للتجسس تابع للموساد":
# what the speaker called the place
DESCRIBED_AS = compile_guarded(
    _n(
        r"(?:^|\s)ما\s+(?:وصفه|وصفته|وصفوه|وصفها|وصفتها|وصفاه|يصفه|تصفه|تصفها|يصفها)\s+(?:ب|بان|بانه|بانها)?\S*\s*(?:\S+\s+){0,2}$"
    )
)
# what an attack answers or supports, a few words before a place abroad
ANSWERED_STEMS = ("رد", "انتقام", "ثار", "تضامن", "نصر", "اسناد", "دعم")
ANSWERED = compile_guarded(
    _n(
        r"(?:^|[\s\"“«(])(?:و)?(?:ل)?(?:ردا|رد|انتقاما|ثارا|تضامنا|نصره|اسنادا|دعما)\s+(?:علي|ل|مع)?\s*"
        r"(?:[^\s،.]+\s+){0,5}?(?:في\s+|ب|علي\s+)?$"
    )
)
# what a site houses, up to whom ("التي تضم مقرات للجيش والشرطة و", "التي تستضيف قوات")
HOUSES = compile_guarded(
    _n(r"(?:التي|الذي|والتي|والذي)\s+(?:تضم|يضم|تستضيف|يستضيف|تاوي|ياوي)\s+(?:[^\s،.]+\s+){0,5}$")
)
# the acts a strike answered, up to whom they hit ("ردا على الهجمات على ...")
# (and the massacres or crimes a strike answers: "ردا على مجازر العدو بحق أهلنا في غزة")
ACT_WORD = compile_guarded(
    _n(r"(?:هجمات|هجوم|هجمه|اعتداءات|اعتداء|استهداف|ضربات|قصف|مجازر|مجزره|جرائم|جريمه)")
)
# the acts a person is charged with having planned, up to whom they hit
RESPONSIBLE_FOR_ACTS = compile_guarded(
    _n(
        r"(?:^|\s)(?:ال)?(?:مسوول|مسوولا|مسوولين)\s+عن\s+(?:\S+\s+){0,6}?(?:ال)?(?:هجمات|هجوم|اعتداءات|استهداف)"
        r"\s+(?:\S+\s+){0,2}?(?:علي|ضد)\s+(?:\S+\s+)?$"
    )
)
LOCATIVE = compile_guarded(
    _n(r"(?:^|\s)(?:في|داخل|الي|نحو|باتجاه|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|وسط|اراضي|عمق)\s*$")
)
LOCATIVE_CLITIC = compile_guarded(_n(r"^(?:ب|وب|فب|و)"))
DIRECTION = compile_guarded(_n(r"(?:^|\s)(?:جنوب|جنوبي|شمال|شمالي|شرق|شرقي|غرب|غربي)\s*$"))
# "في حي الواسطي جنوبي مدينة كركوك", "في منطقة المشتل شرقي بغداد": a neighbourhood, area
# or district named (one the gazetteer lacks) as a part of the city's side, so inside its
# governorate; a bare side ("جنوبي بغداد", "50 كم جنوب بغداد") may lie beyond it
IN_A_HOOD = compile_guarded(
    _n(
        r"(?:^|\s)(?:في|ب|و)?(?:ال)?(?:حي|منطقه|ناحيه|قضاء)\s+(?:\S+\s+){1,2}"
        r"(?:جنوب|جنوبي|شمال|شمالي|شرق|شرقي|غرب|غربي)\s*$"
    )
)
NAMED_AS = compile_guarded(
    _n(
        # (whole words: "اسم" is not the tail of "باسم"; "المتحدث باسم الشرطة" is SOURCE_IN's)
        r"(?:^|(?<=\s))(?:اسم|باسم|المسماه|المسمي|تسميه|(?:يسمي|تسمي|يسمون)(?:\s+(?:نفسها|نفسه|انفسهم))?|تدعي|يدعي|"
        r"(?:يطلق|تطلق|يطلقون)\s+(?:علي\s+(?:نفسها|نفسه|انفسهم)|عليها|عليه|عليهم))\s*[“\"«]?$"
    )
)
DATELINE = compile_guarded(_n(r"\s*[-–—:/(]"))
# an actor named after one of these backs the party, it does not take part ("المدعومة من طهران")
BACKER = compile_guarded(
    _n(
        r"(?:موال\S*|الموالي\S*|متحالف\S*|المتحالف\S*|مرتبط\S*|المرتبط\S*|مدعوم\S*|المدعوم\S*|"
        r"حليف\S*|الحليف\S*|مقرب\S*|المقرب\S*|تدعم\S*|يدعم\S*|وكلاء|وكيل\S*|المحسوب\S*|محسوب\S*"
        # ... or opposed to it ("شيخ عشيرة معروف بمواقفه المناهضة لداعش"): a stance, no party
        r"|مناهض\S*|المناهض\S*|معادي\S*|المعادي\S*|مناوئ\S*|المناوئ\S*|مناوي\S*|المناوي\S*)"
        r"\s+(?:مع\s+|من\s+|من قبل\s+|على\s+|ل|ب)?" + TITLES + "$"
        # "التابعة للزعيم الشيعي مقتدى الصدر": a title or two between the link and the name
    )
)
# the side a threat was to ("طائرات مسيرة شكلت تهديدا للقوات الأمريكية"): why a strike was
# made, no party to it
THREAT_TO = compile_guarded(
    _n(
        r"(?:^|\s)(?:تشكل|يشكل|شكلت|شكل|تمثل|يمثل|مثلت)?\s*(?:تهديدا|تهديد|خطرا|خطر)\s+"
        r"(?:مباشرا\s+|وشيكا\s+|مباشر\s+|وشيك\s+)?(?:علي\s+|ل|لل)?"
        # (and the side joined to the first: "للقوات الأمريكية وقوات التحالف")
        r"(?:\S+(?:\s+\S+){0,2}\s+و)?"
        r"$"
    )
)
# a country named after its border is where, not who ("قرب الحدود مع إيران", "حدود تركيا")
BORDER_WITH = compile_guarded(
    _n(r"(?:^|\s)(?:ب|و|ل|عل)?(?:ال)?(?:حدود|حدودي|حدوديه)(?:\s+(?:ال)?\S+يه)?\s+(?:مع\s+)?$")
)
# the first word of a "member" actor hit (vocab: "غارة أمريكية", "مقر الحشد"), normalized
MEMBER_WEAPON = compile_guarded(_n(r"^(?:ال)?(?:طائر|مسير|صاروخ|صواريخ|غار|قصف|ضرب|قذيف|مدفعي|عمليه)"))
ATTACK_HEADS = frozenset(
    _n(w) for w in ("هجوم", "الهجوم", "عدوان", "العدوان", "توغل", "التوغل", "عمليه", "العمليه")
)
# the men who guard a site ("حراس مقر", "عناصر حماية مكتب"), right before it
_GUARDS = r"(?:ال)?(?:حراس|حرس|حمايه|عناصر\s+حمايه|افراد\s+حمايه|منتسبي\s+حمايه)\s*$"
SITE_GUARDS = compile_guarded(_n(r"(?:^|\s)" + _GUARDS))
# ... as the subject of a verb of force ("أطلق حراس", "اعتدى عناصر حماية")
GUARDS_ACTED = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:اطلق|اطلقوا|فتح|فتحوا|اعتدي|اعتدوا|هاجم|هاجموا|قام|قاموا|اقدم|اقدموا)\s+"
        + _GUARDS
    )
)
MEMBER_SITE = compile_guarded(
    _n(
        r"^(?:ال)?(?:مقر|مكتب|مكاتب|رتل|ارتال|قافل|موكب|سيار|عجل|مركب|شاحن|مخز|مخاز|مستودع|"
        r"معسكر|موقع|مواقع|قاعد|قواعد|نقط|نقاط|ثكن|منزل|بيت|مبن|مبان|سفار|قنصلي|منشا|سيطر|حاجز|حواجز)"
    )
)


# ---------------------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class Vocab:
    target_before: re.Pattern
    perp_before: re.Pattern
    perp_after: re.Pattern
    attack_verb_before: re.Pattern
    attack_verb_after: re.Pattern
    attack_verb_in: re.Pattern  # one of them anywhere before ("قصفت مدفعية الجيش ... أوكارا لـ")
    # one carrying its plural subject ("وأحرقوا"), then a thing and the actor owning it
    plural_verb_object: re.Pattern
    target_subject_after: re.Pattern
    background_start: re.Pattern
    background_anywhere: re.Pattern
    prior_link: re.Pattern
    prior_relative: re.Pattern
    new_event: re.Pattern
    not_occurrence: re.Pattern
    series: re.Pattern
    two_events: re.Pattern
    anaphora: re.Pattern


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def us_hosting_sites() -> frozenset[str]:
    raw = yaml.safe_load((DATA / "assembly.yaml").read_text(encoding="utf-8"))
    return frozenset(raw.get("us_hosting_sites") or [])


@lru_cache(maxsize=1)
def foreign_held_bases() -> dict[str, str]:
    raw = yaml.safe_load((DATA / "assembly.yaml").read_text(encoding="utf-8"))
    return dict(raw.get("foreign_held_bases") or {})


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = yaml.safe_load(_n((DATA / "assembly.yaml").read_text(encoding="utf-8")))
    raw.pop("us_hosting_sites", None)
    raw.pop("foreign_held_bases", None)
    w = {k: _alt(v) for k, v in raw.items()}
    tail = r"(?:و|ف)?(?:ب|ل|لل|ك)?(?:ال)?$"  # clitics glued to the actor's first word
    # "فجر اليوم": the dawn, not the verb "set off"
    # ("أطلق سراح المهندس": set free, no attack)
    verbs = rf"(?!فجر\s+(?:اليوم|امس|يوم|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)(?:\s|،|$))(?!اطلق\S*\s+سراح){w['attack_verbs']}"
    g = guarded
    return Vocab(
        # marker, then up to two words (a site's name: "مقر الدعم اللوجستي لـ"), then the actor
        target_before=g(
            re.compile(
                rf"(?:^|[\s(«\"“])(?:ال)?(?:و|ب|ل|لل)?{w['target_before']}(?:[\s،]+\S+){{0,2}}[\s«\"“(]*{tail}"
            ),
            raw["target_before"],
        ),
        perp_before=g(
            re.compile(
                # (the group's men or cells between: "أصابع الاتهام إلى خلايا تابعة لتنظيم داعش")
                rf"(?:^|[\s(«\"“])(?:و|ف)?{w['perp_before']}(?:\s+(?:مسلحين|مسلحون|مسلحو|مسلحي|عناصر|افراد|مجموعه|مجموعات|جماعه|جماعات|قوه|قوات|خلايا|خليه)(?:\s+(?:من|تابعه|التابعه|تابعين))?)?[\s«\"“(]*{tail}"
            ),
            raw["perp_before"],
        ),
        perp_after=g(re.compile(rf"^[\s»\"”)]*(?:\S+\s+){{0,6}}?{w['perp_after']}"), raw["perp_after"]),
        attack_verb_before=g(
            re.compile(rf"(?:^|[\s،])(?:و|ف)?{verbs}[\s،]*(?:\S+[\s،]+){{0,2}}?{tail}"), raw["attack_verbs"]
        ),
        # (the verb may end its clause: "وكانت القوات الأمريكية قد نفذت، في الرابع من ...، ضربة")
        attack_verb_after=g(
            re.compile(rf"^[\s»\"”)]*(?:\S+\s+){{0,3}}?(?:و|ف|قد )?{verbs}(?:[\s،,]|$)"), raw["attack_verbs"]
        ),
        attack_verb_in=g(re.compile(rf"(?:^|[\s،])(?:و|ف)?{verbs}\s"), raw["attack_verbs"]),
        plural_verb_object=g(
            re.compile(
                rf"(?:^|[\s،])(?:و|ف)?{_alt([x for x in raw['attack_verbs'] if x.endswith('وا')])}"
                rf"[\s،]*(?:[^\s،.]+\s+){{1,2}}?{tail}"
            ),
            raw["attack_verbs"],
        ),
        target_subject_after=g(
            re.compile(rf"^[\s»\"”)]*(?:\S+\s+){{0,3}}?(?:و|ف|قد )?{w['target_subject_verbs']}(?:\s|$)"),
            raw["target_subject_verbs"],
        ),
        background_start=re.compile("|".join(raw["background_start"])),
        background_anywhere=g(
            re.compile(rf"(?:^|\s)(?:و)?{w['background_anywhere']}(?:\s|$)"), raw["background_anywhere"]
        ),
        prior_link=g(
            re.compile(
                rf"(?:^|[\s،(])(?:و|ف)?{w['prior_event_links']}(?:\s+(?:ان|من|ساعات|ساعه|ايام|يومين|يوم|ذلك|قليل|قليله|نحو|\S+\s+من))*\s+"
            ),
            raw["prior_event_links"],
        ),
        # (a verbal noun may come between: "متورطين بإطلاق صواريخ على قاعدة عين الأسد")
        prior_relative=g(
            re.compile(rf"(?:^|\s)(?:و)?{w['prior_relative_links']}\s*(?:ال)?(?:\S+\s+)?$"),
            raw["prior_relative_links"],
        ),
        new_event=g(re.compile(rf"(?:^|\s)(?:و)?{w['new_event']}"), raw["new_event"]),
        not_occurrence=g(
            re.compile(rf"(?:^|[\s،])(?:و|ف|ب|ل)?{w['not_occurrence_before']}(?:\s+\S+){{0,2}}\s*$"),
            raw["not_occurrence_before"],
        ),
        series=g(re.compile(rf"(?:^|\s)(?:و|ب|ل|لل)?{w['series_words']}(?:\s|$)"), raw["series_words"]),
        two_events=g(re.compile(rf"(?:^|\s)(?:و|ب|ل)?(?:ال)?{w['two_events']}(?:\s|$)"), raw["two_events"]),
        anaphora=g(
            re.compile(rf"(?:^|\s)(?:و|ب|ل|لل|ف)?{w['anaphora']}(?=[\s،؛:.,!؟)\x22\u201d\u00bb]|$)"),
            raw["anaphora"],
        ),
    )


# ---------------------------------------------------------------------------------------
# normalized text with offsets both ways


class _MapText:
    """normalize_with_map's result with both directions of the offset map."""

    __slots__ = ("norm", "_index")

    def __init__(self, text: str):
        self.norm, self._index = normalize_with_map(text)

    def npos(self, orig: int) -> int:
        return bisect.bisect_left(self._index, orig)

    def orig(self, npos: int, length: int) -> int:
        return self._index[npos] if npos < len(self._index) else length


class _PiecewiseText:
    """A view over vocab's cached piecewise normalization (same folding, cheaper)."""

    __slots__ = ("norm", "_n", "_o")

    def __init__(self, t):
        self.norm, self._n, self._o = t.norm, t._nstarts, t._ostarts

    def npos(self, orig: int) -> int:
        k = bisect.bisect_right(self._o, orig) - 1
        if k < 0:
            return 0
        seg_end = self._n[k + 1] if k + 1 < len(self._n) else len(self.norm)
        return min(self._n[k] + (orig - self._o[k]), seg_end)

    def orig(self, npos: int, length: int) -> int:
        if npos >= len(self.norm):
            return length
        k = bisect.bisect_right(self._n, npos) - 1
        return self._o[k] + (npos - self._n[k]) if k >= 0 else 0


def _normalized(text: str):
    try:
        from marsad.extract import vocab as _vocab_module

        t = _vocab_module._prepare(text)
        if getattr(t, "_index", None) is None and hasattr(t, "_nstarts"):
            return _PiecewiseText(t)
    except Exception:  # noqa: BLE001 - the vocab internals may change: fall back
        pass
    return _MapText(text)


# ---------------------------------------------------------------------------------------
# per-sentence facts


class _lazy:
    """functools.cached_property without its lock (Python 3.11 takes an RLock on every first
    read; a sentence is read by one thread): computed on first read, then an instance
    attribute."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass
class Facts:
    """Everything the entity finders read in one sentence (spans on `text`)."""

    index: int
    start: int  # offset of the sentence in the article text
    end: int
    text: str
    cues: list = field(default_factory=list)
    is_title: bool = False
    # The entity finders (pipeline.find_entities) are attached here and run on first read:
    # a sentence's dates or places are often never read (measured on the synthetic corpus:
    # dates 25 %, places 60 %, casualties 72 % of the sentences near an event). The finders
    # are pure functions of the sentence, so reading late gives what reading early gave. A
    # sentence with no finders (made outside the pipeline) has no entities.
    finders: object = field(default=None, repr=False)
    # spans (original offsets) of the periods of a series the act is counted in ("وهو الهجوم
    # الثاني خلال الشهر الجاري"): no day of the act (series_places)
    series: list = field(default_factory=list, repr=False)

    _flags: frozenset = frozenset()
    _flags_of: object = None
    # readings of this sentence that several rules ask for (event_places, read_roles)
    _memo: dict = field(default_factory=dict, repr=False)

    @_lazy
    def bodies(self) -> list:
        """Every actor the sentence names, the bodies that only report included (a ministry,
        a command: kind "source"); read once, for actors and for coreference."""
        return self.finders.bodies(self.text) if self.finders else []

    @_lazy
    def actors(self) -> list:
        return self.finders.acting(self.text, self.bodies) if self.finders else []

    @_lazy
    def places(self) -> list:
        return self.finders.places(self.text) if self.finders else []

    @_lazy
    def _all_dates(self) -> tuple[list, list]:
        if not self.finders:
            return [], []
        dates, refs = self.finders.dates(self.text)
        series = self.series
        if series:
            # "وهو الهجوم الثاني خلال الشهر الجاري": the span of a series, not this act's day
            def told(d) -> bool:
                return not any(lo <= d.start and d.end <= hi for lo, hi in series)

            dates, refs = [d for d in dates if told(d)], [d for d in refs if told(d)]
        return dates, refs

    @property
    def dates(self) -> list:
        return self._all_dates[0]

    @property
    def ref_dates(self) -> list:
        """Dates against a stand-in day when the article is undated."""
        return self._all_dates[1]

    @_lazy
    def casualties(self):
        return self.finders.casualties(self.text) if self.finders else None

    # (norm and npos are read hundreds of times per article: after the first read each is a
    # plain instance attribute, npos the offset map's own bound method)
    @_lazy
    def _nt(self):
        """The normalized sentence with its offset map, computed on first use and shared
        with the vocabulary matchers (vocab caches one normalization per string)."""
        return _normalized(self.text)

    @_lazy
    def norm(self) -> str:
        return self._nt.norm

    @_lazy
    def npos(self):
        """npos(orig): index in `norm` of the first normalized character at or after
        original offset `orig`."""
        return self._nt.npos

    def orig(self, npos: int) -> int:
        return self._nt.orig(npos, len(self.text))

    def flags(self) -> frozenset[str]:
        # read many times per sentence: computed once per cue list
        if self._flags_of is not self.cues:
            self._flags = frozenset(c.category for c in self.cues if ":" not in c.category)
            self._flags_of = self.cues
        return self._flags


@dataclass
class Role:
    actor_id: str
    role: str  # "perp" | "target"
    strength: float
    pos: int


@dataclass
class Frame:
    """One event as read from one sentence (or one clause of it)."""

    facts: Facts
    lo: int  # span of the frame's clause in the sentence (original offsets)
    hi: int
    cue_pos: int
    sub_event: str | None
    weapon: str | None
    roles: list[Role]
    place: object | None
    places: list
    date: object | None
    killed: object | None
    wounded: object | None
    ref_date: object | None = None
    claimed: bool = False
    background: bool = False
    new_event: bool = False
    interception: bool = False
    notes: list[str] = field(default_factory=list)
    # where the victims of the act are told, when before the frame's clause ("أصيب منتسب في
    # الشرطة بجروح إثر هجوم مسلح": the act's clause after the main one that has none)
    victims_lo: int | None = None


@dataclass
class Event:
    frames: list[Frame]
    sub_event: str | None = None
    weapon: str | None = None
    roles: list[Role] = field(default_factory=list)
    place: object | None = None
    date: object | None = None
    ref_date: object | None = None
    inherited_date: object | None = None
    killed: object | None = None
    wounded: object | None = None
    claimed: bool = False
    background: bool = False
    follow: list[Facts] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # the next sentence told its cause: heat, a short circuit, bad storage (no attack)
    accident: bool = False

    @property
    def last_index(self) -> int:
        idx = [f.facts.index for f in self.frames] + [f.index for f in self.follow]
        return max(idx)


# ---------------------------------------------------------------------------------------
# helpers over hits


def _in(span_start: int, lo: int, hi: int) -> bool:
    return lo <= span_start < hi


def _family_of(actor_id: str) -> str:
    """The US and the coalition it leads are one side (the scorer's family too)."""
    return "us_forces" if actor_id == "coalition" else actor_id


def actor_specificity(actor_id: str) -> int:
    if actor_id in (None, "unknown"):
        return 0
    if actor_id == "iran_aligned_militias":
        return 1
    if actor_id in ("pmf", "islamic_resistance_iraq", "coalition"):
        return 2
    return 3


OCCURRENCE_CATEGORIES = ("attack", "explosion", "interception", "foiled")


def _event_cues(f: Facts) -> list:
    # sub-event types outside the dataset (peaceful protests...) are no incident cue
    return [
        c
        for c in f.cues
        if (c.category.startswith("sub_event:") and c.category[10:] in SUB_EVENT_RANK)
        or c.category.startswith("weapon:")
        or c.category in OCCURRENCE_CATEGORIES
    ]


def _speaker_spans(f: Facts) -> list[tuple[int, int]]:
    """Spans naming who REPORTS (قالت خلية الإعلام الأمني ... إن): their actors are not participants."""
    orig = f.orig
    # (SPEAKER is guarded: a sentence with none of its speech words is not scanned)
    return [(orig(m.start()), orig(m.end())) for m in SPEAKER.finditer(f.norm)]


# "نفت الكتائب أي علاقة لها بالهجوم": "any" is of the link denied, not of the act
ANY_LINK_TO = compile_guarded(
    _n(r"(?:^|\s)(?:اي|ايه)\s+(?:علاقه|صله|دور|مسؤوليه)\s+(?:لها|له|لهم|لهما)?\s*$")
)


def occurrence_cues(f: Facts, lo: int = 0, hi: int | None = None) -> list:
    """The sub-event / weapon cues of a span that report an occurrence (not a threat, call, series)."""
    if lo == 0 and hi is None:
        # the whole sentence's, asked for by several steps: read once
        got = f._memo.get("occurrence cues")
        if got is None:
            got = f._memo["occurrence cues"] = _occurrence_cues(f, 0, len(f.text))
        return list(got)
    return _occurrence_cues(f, lo, len(f.text) if hi is None else hi)


def _occurrence_cues(f: Facts, lo: int, hi: int) -> list:
    v = vocab()
    out = []
    aggregates = [c for c in f.cues if c.category == "aggregate"]
    for c in _event_cues(f):
        if not _in(c.start, lo, hi):
            continue
        if any(a.start - 15 <= c.start <= a.end + 15 for a in aggregates):
            continue  # "أكثر من مئة هجوم", "الهجمات شبه اليومية": a running series
        ns = f.npos(c.start)
        if c.category == "attack" and NOT_ON_ITS_OWN.match(f.norm[ns : ns + 8]):
            continue  # "تعرض"/"شن" carry the event noun that follows; alone they are no event
        if (
            PURPOSE.match(f.norm[ns : ns + 9])
            and not SUFFERED.search(f.norm[max(0, ns - 180) : ns])
            and not FOILED_ATTEMPT.search(f.norm[max(0, ns - 90) : ns])
        ):
            continue  # "لاستهداف", "لمهاجمة": in order to attack (intent), not an attack
        before = f.norm[max(0, ns - 40) : ns]
        if (
            v.not_occurrence.search(before)
            and not ANY_LINK_TO.search(before)
            and not _site_of_act_told(f, c, before)
        ):
            continue
        surface_n = f.norm[ns : f.npos(c.end)]
        if (
            (
                c.category.startswith("weapon:")
                or c.category in ("sub_event:Suicide bomb", "sub_event:Remote explosive/landmine/IED")
            )
            and POSSESSION.search(f.norm[max(0, ns - 60) : ns])
            and not any(x.category == "foiled" for x in f.cues)
        ):
            continue  # "الأسلحة التي عثر عليها بحوزتهم ... وأحزمة ناسفة": weapons held, not used
        if (
            c.category
            in (
                "sub_event:Suicide bomb",
                "sub_event:Remote explosive/landmine/IED",
                "sub_event:Shelling/artillery/missile attack",
                "sub_event:Air/drone strike",
            )
            and (found := FOUND_HELD.search(f.norm[max(0, ns - 60) : ns]))
            # (not the bodies found of people a weapon killed: "عثر على جثتي شخصين قتلا بقصف")
            and not FOUND_DEAD.search(found.group())
        ):
            # "عثرت قوة على كدس للعتاد يحتوي على 20 صاروخا": weapons found, none fired (spec
            # section 4: rockets found are disrupted weapons use; the weapon cue stays)
            out.append(type(c)("sub_event:Disrupted weapons use", c.start, c.end, c.surface))
            continue
        if c.category.startswith(("weapon:", "sub_event:")) and STORED_IN.search(before[-25:]):
            continue  # "استهدفت مقرا ومستودعا للطائرات المسيرة": the drones' store was hit
        campaign = CAMPAIGN.search(before[-30:])
        if (
            campaign is not None
            and not (COUNTED_OPERATIONS.search(before[-30:]) and _named_site_count(f) >= 2)
            # (not one night's burst: "شهدت المدينة ليلة أمس سلسلة تفجيرات", see one_day_burst)
            and not (not aggregates and BURST.match(campaign.group().lstrip()) and ONE_DAY.search(f.norm))
        ):
            # "عمليات اغتيال", "موجة تفجيرات": a campaign, not one act ("ثلاث عمليات بالطيران
            # المسير ضد أهداف في الجولان وإيلات وحيفا": counted, at named sites, so many acts)
            continue
        if SHARE_OF_SERIES.search(before):
            continue  # "معظم الهجمات نفذت بطائرات مسيرة وصواريخ": the weapons of a series
        if (
            c.category in ("foiled", "sub_event:Disrupted weapons use")
            and UNEXPLODED.search(surface_n)
            and any(x.category == "explosion" and not c.start <= x.start < c.end for x in f.cues)
        ):
            continue  # "انفجر أحدهما ولم ينفجر الآخر": one went off, the act happened
        if c.category == "sub_event:Attack" and (
            VICTIMS_BODIES.match(f.norm[ns : ns + 40])
            or (f.norm.startswith("جث", ns) and BODIES_RECEIVED.search(f.norm[max(0, ns - 24) : ns]))
        ):
            continue  # "جثث القتلى": the bodies of an event already told, not a killing of its own
        if c.category == "sub_event:Attack" and LIQUIDATED_THING.match(f.norm, f.npos(c.end)):
            continue  # "ساحة لتصفية الحسابات", "تصفية الشركة": settling, winding up, no killing
        if (
            v.series.search(" " + surface_n + " ")
            and not v.two_events.search(" " + surface_n + " ")
            # ("مقذوف من مخلفات الحرب": a remnant of the war is a thing that blows up, not the war)
            and "مخلفات" not in surface_n
        ):
            continue
        out.append(c)
    if any(c.category == "sub_event:Air/drone strike" for c in out) and not _aircraft_acts(f, out):
        # "وصلت طائرات إف-16 إلى قاعدة بلد", "حلقت طائرات حربية": aircraft, no strike; a drone
        # too, when told flying ("حلقت طائرة مسيرة مجهولة فوق المنطقة الخضراء")
        flew = contains_any(f.norm, FLIGHT_STEMS) and DRONE_FLEW.search(f.norm) is not None
        out = [
            c
            for c in out
            if not (c.category == "sub_event:Air/drone strike" and (flew or _manned_aircraft(f, c)))
        ]
    return out


UNEXPLODED = compile_guarded(_n(r"تنفجر|ينفجر|منفجر"))


# what "تصفية" winds up when it is no killing: accounts, scores, a firm, a case, debts
LIQUIDATED_THING = compile_guarded(
    _n(r"\s+(?:ال)?(?:حسابات|حساب|شركه|شركات|قضيه|قضايا|ديون|اموال|ممتلكات|تركه|ملف|ملفات|مياه)(?:\s|$|[،.])")
)


# a manned aircraft named (not a strike noun: "غارة", "ضربة جوية", "قصف جوي" are acts)
MANNED_AIRCRAFT = compile_guarded(_n(r"^(?:و|ف|ب|ل)?(?:ال|لل)?(?:طائر|طيران|مقاتل|مروحي)"))
DRONE_WORD = compile_guarded(_n(r"مسير|درون|طيار"))


def _manned_aircraft(f: Facts, c) -> bool:
    surface = f.norm[f.npos(c.start) : f.npos(c.end)]
    return bool(MANNED_AIRCRAFT.match(surface)) and not DRONE_WORD.search(surface)


def _aircraft_acts(f: Facts, occurring: list) -> bool:
    """Does the sentence say the aircraft did something: an attack or blast word that
    reports an occurrence, or a toll?"""
    return any(x.category in ("attack", "explosion") for x in occurring) or _has_count(f)


def _has_count(f: Facts) -> bool:
    """Does the sentence read a killed or a wounded figure (a number, a zero, or an
    uncounted "قتلى وجرحى")?"""
    cas = f.casualties
    return cas is not None and (cas.killed is not None or cas.wounded is not None)


# operations counted: "35 عملية", "ثلاث عمليات"; right before a cue (COUNTED_OPERATIONS) or
# anywhere in the sentence (OPERATIONS_COUNTED)
_OPERATIONS_COUNT = r"(?:^|\s)(?:\d+|ثلاث|اربع|خمس|ست|سبع|ثماني|تسع|عشر|عشرات)\s+(?:عمليه|عمليات)"
COUNTED_OPERATIONS = compile_guarded(_n(_OPERATIONS_COUNT + r"(?:\s+\S+)?\s*$"))
OPERATIONS_COUNTED = compile_guarded(_n(_OPERATIONS_COUNT + r"(?:\s|$)"))


def _named_site_count(f: Facts) -> int:
    return len({p.name_en for p in f.places if PLACE_RANK.get(p.kind, 1) >= 3})


PROJECTILE_WORD = compile_guarded(_n(r"صاروخ|صواريخ|منص|راجم|مسير|عبو|قذيف|طائر"))
# the weapon a phrase of stopping names, by its stem
STOPPED_WEAPON = (
    ("drone", re.compile(_n(r"مسير|طائر"))),
    ("rocket", re.compile(_n(r"صاروخ|صواريخ|منص|راجم"))),
    ("ied", re.compile(_n(r"عبو"))),
    ("mortar", re.compile(_n(r"هاون"))),
)


_STOPS = ("interception", "foiled", "sub_event:Disrupted weapons use")


def _sub_event_of(cues: list, f: Facts | None = None) -> tuple[str | None, str | None, bool]:
    """(sub-event, weapon, interception) of one clause's cues; `f`, the clause's sentence,
    tells a weapon partly stopped and a foiled attack that left dead (read only then)."""
    cues = [c for c in cues if not c.category.startswith("sub_event:") or c.category[10:] in SUB_EVENT_RANK]
    subs = [c.category.split(":", 1)[1] for c in cues if c.category.startswith("sub_event:")]
    weapons = [c.category.split(":", 1)[1] for c in cues if c.category.startswith("weapon:")]
    interception = any(c.category == "interception" for c in cues)
    if "drone" in weapons or "rocket" in weapons:
        # "طائرة مسيرة مفخخة", "صاروخ مفخخ": the charge of a drone/rocket is no roadside bomb
        ied = ("sub_event:Remote explosive/landmine/IED", "weapon:ied")
        rigged = {c.start for c in cues if "مفخخ" in c.surface.replace("ّ", "") and c.category in ied}
        if rigged:
            cues = [c for c in cues if not (c.start in rigged and c.category in ied)]
    if "drone" in weapons and "Suicide bomb" in subs:
        # "بطائرة مسيرة انتحارية": a one-way attack drone, no suicide bomber
        suicide = ("sub_event:Suicide bomb", "weapon:ied")
        drone_ends = [c.end for c in cues if c.category == "weapon:drone"]
        kamikaze = {
            c.start
            for c in cues
            if c.category in suicide
            and "انتحار" in c.surface
            and any(0 <= c.start - e <= 2 for e in drone_ends)
        }
        if kamikaze:
            cues = [c for c in cues if not (c.start in kamikaze and c.category in suicide)]
    if {"drone", "airstrike", "missile", "rocket", "mortar"} & set(weapons):
        # "ضربة جوية استهدفت رتلا للحشد": a convoy targeted is a roadside bomb's mark only
        # when nothing else names how it was hit
        convoy = [
            c
            for c in cues
            if c.category == "sub_event:Remote explosive/landmine/IED"
            and CONVOY_TARGETED.match(normalize(c.surface))
        ]
        if convoy:
            cues = [c for c in cues if c not in convoy]
    subs = [c.category.split(":", 1)[1] for c in cues if c.category.startswith("sub_event:")]
    weapons = [c.category.split(":", 1)[1] for c in cues if c.category.startswith("weapon:")]
    weapon = weapons[0] if weapons else None
    # the most specific weapon mentioned: drones over rockets over generic
    for w in ("ied", "drone", "airstrike", "missile", "rocket", "mortar", "arson", "small_arms"):
        if w in weapons:
            weapon = w
            break
    cands = list(subs)
    if weapon and weapon in WEAPON_SUB_EVENT:
        cands.append(WEAPON_SUB_EVENT[weapon])
    projectile = bool({"drone", "rocket", "missile", "mortar", "ied"} & set(weapons)) or any(
        # "الصواريخ معدة للإطلاق": the foiled phrase itself names the weapon (and the event
        # layer's longest phrase hid the weapon cue inside it)
        PROJECTILE_WORD.search(normalize(c.surface))
        for c in cues
        if c.category in ("foiled", "sub_event:Disrupted weapons use")
    )
    # a weapon shot down, defused or found before use: the verb says so ("أسقطت",
    # "تفكيك", "معدة للإطلاق"); an air-defence system merely named does not
    foiled = any(c.category == "foiled" for c in cues) or "Disrupted weapons use" in subs
    if (
        foiled
        and not any(c.category in ("foiled", "interception") for c in cues)
        and (
            any(c.category.startswith("sub_event:") and LANDED.match(normalize(c.surface)) for c in cues)
            # "صاروخا سقط داخل المطار": the noun, then its verb ("سقطت ثلاثة صواريخ": the
            # verb, a count, then the noun)
            or (
                f is not None
                and any(
                    c.category.startswith(("sub_event:", "weapon:"))
                    and c.category != "sub_event:Disrupted weapons use"
                    and (
                        FELL_AFTER.match(f.norm, f.npos(c.end))
                        or FELL_BEFORE.search(f.norm[max(0, f.npos(c.start) - 25) : f.npos(c.start)])
                    )
                    for c in cues
                )
            )
        )
    ):
        # "سقط صاروخ قرب السفارة ... وأشارت إلى العثور على منصة الإطلاق": the rocket was fired
        # and fell; the launcher found afterwards stopped nothing
        foiled = False
    if not projectile or not foiled:
        cands = [c for c in cands if c != "Disrupted weapons use"]
    else:
        cands.append("Disrupted weapons use")
    sub = max(cands, key=lambda s: SUB_EVENT_RANK.get(s, 0)) if cands else None
    if (
        sub is None
        and any(c.category in ("foiled", "interception") for c in cues)
        and any(c.category == "attack" for c in cues)
    ):
        sub = "Disrupted weapons use"  # "إحباط هجومين": foiled attacks
    if sub == "Disrupted weapons use" and weapon is None:
        # "عثرت القوات على منصة صواريخ", "صواريخ معدة للإطلاق": the phrase that says the
        # weapon was stopped names it (and hid the weapon cue inside it)
        weapon = next(
            (
                w
                for c in cues
                if c.category in ("foiled", "sub_event:Disrupted weapons use")
                for w, stem in STOPPED_WEAPON
                if stem.search(normalize(c.surface))
            ),
            None,
        )
    if f is not None and sub == "Disrupted weapons use":
        if _partly_stopped(f, cues):
            # "لهجوم بطائرتين مسيرتين، أسقطت إحداهما الدفاعات": one got through, so the
            # attack happened; the interception is part of it
            return _sub_event_of([c for c in cues if c.category not in _STOPS])
        if weapon is None and _killed_some(f):
            # "إحباط هجوم لداعش وقتل اثنين من المهاجمين": a ground attack repelled with its
            # dead is a clash (Disrupted weapons use is a weapon shot down or found)
            sub = "Armed clash"
    if sub == "Excessive force against protesters" and weapon == "arson" and "small_arms" in weapons:
        # "أغلق محتجون الطرق بالإطارات المحترقة ... واستخدمت القوات الأمنية الرصاص الحي": the
        # force's fire is the act's weapon, not the crowd's burning tyres
        weapon = "small_arms"
    return sub, weapon, interception


# ---------------------------------------------------------------------------------------
# roles


def read_roles(f: Facts, lo: int, hi: int) -> list[Role]:
    """Perpetrator / target evidence for every actor named in [lo, hi) of the sentence."""
    key = ("roles", lo, hi)
    got = f._memo.get(key)
    if got is None:
        got = f._memo[key] = _read_roles(f, lo, hi)
    return list(got)


# ... or through its media arm ("أعلن الإعلام الحربي للحشد الشعبي")
MEDIA_ARM_ANNOUNCER = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?" + _ANNOUNCE + r"\s+(?:الاعلام\s+الحربي|المكتب\s+الاعلامي|خليه\s+الاعلام|اعلام)"
        r"\s*(?:ل|لل|في\s+)?$"
    )
)


def _clash_side(f: Facts, ns: int) -> bool:
    """The actor at normalized offset `ns` is the second side of a clash: "اشتبكت قوة من
    الجيش مع مسلحين من داعش", "اشتباكات بين قوة من الجيش ومسلحين من داعش"."""
    wide = f.norm[max(0, ns - 160) : ns]
    return bool(
        (" مع" in wide and CLASHED_WITH.search(wide))
        # (the hit may carry the conjunction itself: "ومسلحي عصائب أهل الحق")
        or BETWEEN_SECOND.search(wide + ("و" if f.norm.startswith("و", ns) else ""))
    )


# the attackers ("المهاجمين", "منفذي الهجوم") as the object of a side's fighting back: after
# the side ("من قتل اثنين من المهاجمين", "مع المهاجمين") or before it ("المهاجمين حتفهما في
# اشتباك مع")
_ATTACKERS = r"(?:ال)?(?:مهاجمين|مهاجمون|مهاجمان)"
FOUGHT_ATTACKERS_AFTER = compile_guarded(
    _n(
        r"^\s+(?:\S+\s+){0,3}?(?:"
        r"(?:من\s+)?(?:و)?(?:قتل|قتلت|قتلوا|مقتل|اعتقال|اعتقلت|اعتقلوا|اصابه|اصابت|قنص|ملاحقه|لاحقت|طاردت|مطارده|صد|صدت)"
        r"\s+(?:\S+\s+){0,3}?(?:من\s+)?" + _ATTACKERS + r"|مع\s+" + _ATTACKERS + r")(?=[\s،,.]|$)"
    )
)
FOUGHT_ATTACKERS_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)"
        + _ATTACKERS
        + r"\s+(?:\S+\s+){0,6}?(?:اشتباك|اشتباكات|مواجهه|مواجهات|معركه)\s+مع\s+(?:\S+\s+)?$"
    )
)


def _fought_the_attackers(norm: str, ns: int, ne: int, before: str) -> bool:
    """The actor at [ns, ne) is the side that fought or killed the attackers of the act."""
    return bool(FOUGHT_ATTACKERS_AFTER.match(norm[ne : ne + 90]) or FOUGHT_ATTACKERS_BEFORE.search(before))


def _announces(f: Facts, ns: int) -> bool:
    """The body named at normalized offset `ns` is the subject of an announcing verb."""
    return _announcing(f.norm[max(0, ns - 40) : ns])


def _announcing(before: str) -> bool:
    """... read on `before`, the 40 normalized characters before the body."""
    return bool(ANNOUNCER_VERB.search(before[-12:])) or (
        "اعلام" in before and bool(MEDIA_ARM_ANNOUNCER.search(before))
    )


def _own_act_announced(f: Facts, ns: int, ne: int) -> bool:
    """The body announces what it did itself: "أعلنت وزارة الدفاع التركية تحييد ستة",
    "أعلنت القيادة عن نتائج عملية ..." (normalized offsets of the body's name)."""
    after = f.norm[ne : ne + 70]
    return (
        contains_any(after, OWN_ACTION_STEMS)
        and bool(OWN_ACTION_AFTER.match(after))
        and bool(ANNOUNCER_VERB.search(f.norm[max(0, ns - 12) : ns]))
    )


def _own_units_attacked(f: Facts, after: int) -> bool:
    """ "أعلن الحشد إحباط هجوم لداعش على قطعاته": the announcer's own units were attacked."""
    return OWN_UNITS_HIT.search(f.norm[after:]) is not None


def _owned_thing(wide: str) -> str | None:
    """ "weapon" or "site" when `wide` ends with a thing owned ("مقرا تابعا لـ", "طائرة
    مسيرة تابعة لـ", "مخزنا للعتاد تابعا للواء 52 في"), else None."""
    for pattern in OWNED_BY_GAPS:
        m = pattern.search(wide)
        if m is None:
            continue
        if MEMBER_WEAPON.search(m.group(1)):
            return "weapon"
        if MEMBER_SITE.search(m.group(1)):
            return "site"
    return None


def _denies(f: Facts, a) -> bool:
    """Is `a` the one a denial speaks for? The denier follows its verb ("نفت القيادة
    المركزية أي علاقة لها"), or the sentence words it "تم إنكار ... من قبل X"; an actor
    named before the denial ("حمّلت الهيئة الكيان الصهيوني مسؤولية الهجوم، فيما نفت
    القيادة الأمريكية ...") is not."""
    cues = [c for c in f.cues if c.category == "denial"]
    if not cues:
        return True  # (the "من قبل" wording: _denied)
    # (the denier named again later in the sentence is still the denier: "نفت كتائب حزب
    # الله ... وقال المتحدث باسمها إن الكتائب لا تخفي عملياتها")
    # (a hit before every denial is the report's own telling: "جراء قصف تركي ...، فيما نفت
    # أنقرة مسؤوليتها")
    return any(c.end <= a.start for c in cues) and any(
        c.end <= b.start and b.start - c.end < 60 for c in cues for b in f.actors if b.actor_id == a.actor_id
    )


def _owned_by_another(f: Facts, a, ne: int, end: int) -> bool:
    """Is the responsibility word that follows actor `a` (normalized offsets ne..end) owned
    by another actor named between, or denied ("وفق ما أعلنت حكومة الإقليم، فيما نفت أنقرة
    مسؤوليتها")?"""
    if any(c.category == "denial" and ne <= f.npos(c.start) < end for c in f.cues):
        return True
    # (another actor after a verb of its own that takes the responsibility: "سرايا السلام"،
    # وحمّلوا من أسموهم "مليشيات وقحة" مسؤولية الهجوم"; not one in apposition: "أعلنت حركة
    # النجباء، إحدى فصائل المقاومة الإسلامية في العراق، مسؤوليتها")
    return any(
        o is not a and ne <= (os_ := f.npos(o.start)) < end and OWNER_VERB.search(f.norm, ne, os_)
        for o in f.actors
    )


CURFEW_AFTER = compile_guarded(
    _n(
        r"^\s*(?:\S+\s+){0,2}?(?:الي\s+)?(?:اعلان|فرض|تفرض|فرضت|اعلنت|تعلن)\s+(?:ال)?(?:حظر|حظرا|منع)\s+(?:لل|ال)?تجو"
    )
)
CURFEW_BEFORE = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?(?:فرضت|فرض|اعلنت|اعلن)\s+$"))
CURFEW_NOUN = compile_guarded(_n(r"^\s*(?:\S+\s+){0,2}?(?:ال)?(?:حظر|حظرا)\s+(?:لل|ال)?تجو"))


def _imposed_curfew(f: Facts, ns: int, ne: int) -> bool:
    """The actor imposed a curfew (after the act): "فرضت السلطات حظرا للتجوال", "ما دفع
    السلطات إلى إعلان حظر التجوال"."""
    after = f.norm[ne : ne + 50]
    return bool(CURFEW_AFTER.match(after)) or (
        bool(CURFEW_BEFORE.search(f.norm[max(0, ns - 10) : ns])) and bool(CURFEW_NOUN.match(after))
    )


def _read_roles(f: Facts, lo: int, hi: int) -> list[Role]:
    roles: list[Role] = []
    if not any(lo <= a.start < hi for a in f.actors):
        return roles  # (the clause names no actor)
    v = vocab()
    speakers = f._memo.get("speaker spans")
    if speakers is None:  # (read once per sentence: its clauses ask again)
        speakers = f._memo["speaker spans"] = _speaker_spans(f)
    # "نفت", "تم إنكار المسؤولية ... من قبل X": X did not do it
    denial = "denial" in f.flags() or _denied(f.norm)
    base = (f.index + 1) * 100_000  # positions comparable across the sentences of a story
    norm, npos = f.norm, f.npos
    for a in f.actors:
        if not lo <= a.start < hi:
            continue
        if any(s0 < a.start < s1 for s0, s1 in speakers) and "مسوولي" not in norm:
            # the body that reports ("قالت خلية الإعلام الأمني إن ..."), not a party --
            # unless it speaks of its own forces ("أعلنت وزارة البيشمركة أن قواتها صدت هجوما")
            own = OWN_FORCES.search(norm[npos(a.end) :])
            if own and a.actor_id not in ("unknown",) and getattr(a, "kind", "") != "source":
                repelled = bool(REPELLED.match(own.group(1)))
                # "أعلنت المقاومة أن مجاهديها استهدفوا ...": its own attack, told as a claim
                claims = not repelled and bool(OWN_ATTACK_VERB.match(own.group(1)))
                roles.append(
                    Role(a.actor_id, "target" if repelled else "perp", 3.0 if claims else 2.0, base + a.start)
                )
                if claims:
                    f._memo["own_act_announced"] = True
            elif a.actor_id != "unknown" and SPEAKER_DID_IT.match(norm[npos(a.end) :]):
                roles.append(Role(a.actor_id, "perp", 3.0, base + a.start))  # a claim in its own words
            elif a.actor_id != "unknown" and _own_units_attacked(f, npos(a.end)):
                # "أعلن الحشد إحباط هجوم لداعش على قطعاته": its own units were attacked
                roles.append(Role(a.actor_id, "target", 2.0, base + a.start))
            elif a.actor_id != "unknown" and _announced_kill(f, a):
                roles.append(Role(a.actor_id, "perp", 3.0, base + a.start))  # the enemy it killed
            elif a.actor_id != "unknown" and _own_act_announced(f, npos(a.start), npos(a.end)):
                # "أعلنت القيادة عن نتائج عملية ...، مبينة أن ...": its own act, told before
                # what it says about it
                roles.append(Role(a.actor_id, "perp", 3.0, base + a.start))
                f._memo["own_act_announced"] = True
            continue
        ns, ne = npos(a.start), npos(a.end)
        # the text before the actor, which the rules below read at several widths (w40 is
        # norm[max(0, ns - 40) : ns]), sliced once
        w90 = norm[max(0, ns - 90) : ns]
        w60 = w90[-60:]
        w40 = w60[-40:]
        w12 = w40[-12:]
        if "وصف" in norm and DESCRIBED_AS.search(w60[-45:]):
            continue  # "استهداف ما وصفه بمقر للموساد": the attacker's word for what it hit
        # (a protest or dispute pattern holds its noun: no sentence-wide test before it)
        if GRIEVANCE.search(w90[-70:]):
            # "إثر احتجاجات على قرار تسليم مقر قيادة العمليات للحزب الديمقراطي": what was
            # protested names no party to the act
            continue
        if DISPUTED_OVER.search(w90[-70:]):
            continue  # "إثر خلاف حول تسليم المقر للحزب الديمقراطي": what the dispute is over
        if "مهاجم" in norm and _fought_the_attackers(norm, ns, ne, w90):
            # "وتمكنت قوات الحشد من قتل اثنين من المهاجمين", "لقي اثنان من المهاجمين حتفهما
            # في اشتباك مع قوات الحشد": who fought back or killed the attackers did not do
            # the act; at most it was the side attacked (weaker than the victims told)
            roles.append(Role(a.actor_id, "target", 1.0, base + a.start))
            continue
        if contains_any(w60, CHARGE_STEMS) and CHARGED_WITH.search(w60):
            if "انتماء" in w60 and MEMBERSHIP_CHARGED.search(w60):
                # "اعتقال متهم بالانتماء لتنظيم داعش": the group the arrested is charged as a
                # member of is theirs
                roles.append(Role(a.actor_id, "target", 2.5, base + a.start))
            continue  # "اعتقال أربعة عناصر بتهمة إطلاق صواريخ على السفارة": the charge, not a party
        if a.actor_id in IRAQI_FACTIONS and contains_any(norm, WE_STEMS) and _says_we_did(f, ns, ne):
            # "المقاومة الإسلامية في العراق: استهدفنا قاعدة ...", "بيان صادر عن المقاومة ...:
            # ضربنا هدفا ...": the group whose own words tell the act in the first person did it
            roles.append(Role(a.actor_id, "perp", 3.0, base + a.start))
            f._memo["own_act_announced"] = True
            continue
        announcer = a.actor_id != "unknown" and _announcing(w40)
        if announcer and (
            _own_act_announced(f, ns, ne)
            or (
                # (a faction, ISIS or the PKK, or a foreign force: "أعلن الحرس الثوري الإيراني
                # استهداف", "أعلن تنظيم داعش في بيان استهداف رتل")
                a.actor_id in SELF_ANNOUNCERS
                and getattr(a, "kind", "") in ("name", "short")
                and contains_any(norm[ne : ne + 70], FACTION_STRIKE_STEMS)
                and FACTION_STRIKE_AFTER.match(norm[ne : ne + 70])
            )
        ):
            roles.append(Role(a.actor_id, "perp", 3.0, base + a.start))  # its own act, announced
            f._memo["own_act_announced"] = True  # (a claim: "أعلنت المقاومة استهداف قاعدة حرير")
            continue
        if announcer and _announced_kill(f, a):
            roles.append(Role(a.actor_id, "perp", 3.0, base + a.start))  # the enemy it killed
            continue
        if (
            announcer
            and contains_any(norm[ne : ne + 70], ARREST_STEMS)
            and ARREST_ANNOUNCED.match(norm[ne : ne + 70])
        ):
            # "أعلنت هيئة الحشد الشعبي، في بيان، اعتقال ثلاثة متهمين": the body announcing an
            # arrest made it (no claim: an arrest is no act to claim; weak: the arrested's
            # own act told in the sentence, "شاركوا في الاشتباكات", keeps its sides)
            roles.append(Role(a.actor_id, "perp", 1.4, base + a.start))
            continue
        if denial and a.actor_id in STATE_ATTACKERS | IRAQI_FACTIONS and _denies(f, a):
            continue
        if _absent_before(w40):
            continue  # "أكد مسؤول محلي عدم وجود عناصر لحزب العمال في المنطقة": no party there
        if CONDEMNER.search(w12):
            continue  # "أدان رئيس الوزراء الهجوم": who condemns (or welcomes) it is no party to it
        if contains_any(w60, PLAN_STEMS) and PLANNED_ACT.search(w60):
            continue  # "كانوا يستعدون لشن هجوم على القواعد التركية": whom an act only planned aimed at
        if (
            (
                ANSWERED.search(w60)
                and ACT_WORD.search(w60)
                # (not who struck back, named after its verb: "ردا على المجازر ضرب مجاهدو المقاومة")
                and not FIGHTERS_DID.search(w60[-30:])
            )
            or RESPONSIBLE_FOR_ACTS.search(w90)
        ):
            # "نفذت ضربة ردا على الهجمات على أفراد الخدمة الأمريكيين", "قائد مسؤول عن ... الهجمات
            # على القوات الأمريكية": the side hit by the acts answered or charged is no party
            continue
        if a.actor_id == "iraqi_government" and "تجو" in norm and _imposed_curfew(f, ns, ne):
            # "ما دفع السلطات إلى إعلان حظر التجوال": the authorities that imposed a curfew
            # after it (not the forces that enforced it: they may have been in the fight)
            continue
        if denial and COUNTER_ACCUSED.search(w40[-14:]):
            # "ونفت وزارة الدفاع التركية مسؤوليتها، متهمة حزب العمال بتنفيذه": the denier's
            # counter-charge, weaker than the report's own telling
            roles.append(Role(a.actor_id, "perp", 1.2, base + a.start))
            continue
        if (
            BACKER.search(w60[-50:])
            or (a.kind == "generic" and "حدود" in w40[-30:] and BORDER_WITH.search(w40[-30:]))
            or (
                ("تهديد" in norm or "خطر" in norm)
                and THREAT_TO.search(norm[max(0, ns - 40) : ns + (1 if norm.startswith("و", ns) else 0)])
            )
            or FOUGHT.search(w40[-20:])
            or APPOSITIVE.search(w40)
            or (
                # "حركة النجباء، إحدى فصائل المقاومة": the umbrella in apposition to a faction
                norm.startswith(GROUP_WORDS, ns)
                and ONE_OF.search(w40[-20:])
                and any(o is not a and o.end <= a.start and a.start - o.end <= 12 for o in f.actors)
            )
        ):
            continue
        if a.actor_id == "civilians" and PRESS.search(norm[ns:ne]):
            surface = norm[ns:ne]
            if surface.startswith(("لل", "ل")) or AUDIENCE_BEFORE.search(w40):
                continue
        # (each pattern below sits behind a literal it cannot match without: most actor
        # hits skip the regular expressions)
        if contains_any(w12, FINDER_STEMS) and FINDER_VERB.search(w12):
            continue  # "عثرت الأجهزة الأمنية على جثة": who found the body, not a party
        if contains_any(norm[ne : ne + 14], FINDER_STEMS) and FINDER_AFTER.match(norm[ne : ne + 14]):
            continue  # "القوات الأمنية عثرت على منصة الإطلاق": the finder again (SVO)
        if ANNOUNCER_VERB.search(w12) and _own_units_attacked(f, ne):
            # "أعلن الحشد الشعبي إحباط هجوم لداعش على قطعاته": its own units were attacked
            roles.append(Role(a.actor_id, "target", 2.0, base + a.start))
            continue
        # (every accusing verb holds "تهم")
        if (
            "تهم" in norm
            and ACCUSER_AFTER.match(norm, ne)
            and any(o.start >= a.end and 0 <= npos(o.start) - ne < 40 for o in f.actors if o is not a)
        ):
            continue  # "إلا أن واشنطن تتهم عادة فصائل موالية لإيران بشن ...": the accuser (SVO)
        if ACCUSER_VERB.search(w40[-15:]) and any(
            o.start >= a.end and 0 <= npos(o.start) - ne < 40 for o in f.actors if o is not a
        ):
            if a.actor_id in ARMED_BODIES and ITS_OWN_SITE.search(norm, ne):
                # "حمّلت العصائب واشنطن مسؤولية القصف الذي استهدف مقرا لها": its own site was hit
                roles.append(Role(a.actor_id, "target", 2.0, base + a.start))
            continue  # "حمّل مجلس الوزراء التحالف الدولي مسؤولية": the accuser, not a party
        owned = _owned_thing(w40) if "تابع" in w40 else None
        if owned is not None and not v.perp_before.search(w60):
            # "نقطة مراقبة تابعة للجيش", "مخزنا للعتاد تابعا للحشد": what was hit is the
            # group's; "طائرة مسيرة تابعة للجيش التركي" is the group's weapon (a site or a
            # weapon owned, not a faction under its umbrella: BELONGS below)
            roles.append(
                Role(
                    a.actor_id,
                    "perp" if owned == "weapon" else "target",
                    2.2 if owned == "weapon" else 2.6,
                    base + a.start,
                )
            )
            continue
        belongs = BELONGS.search(w60[-50:])
        if belongs and CELL_OWNED.search(norm[max(0, ns - 50) : ns - len(belongs.group())]):
            belongs = None  # "القبض على خلية تابعة لتنظيم داعش": the cell is the group's own people
        if belongs and any(
            o is not a
            and o.end <= a.start
            and 0 <= ns - belongs.end() + belongs.start() - npos(o.end) < 25
            # a member faction named as the owner of PMF brigades is the more specific actor
            and actor_specificity(a.actor_id) <= actor_specificity(o.actor_id)
            for o in f.actors
        ):
            continue
        before = w60
        # "قال مصدر في شرطة البصرة", "المتحدث باسم الشرطة": the body a source speaks from
        spoken_for = contains_any(w40, SOURCE_STEMS) and SOURCE_IN.search(
            w40 + (" " if norm.startswith("ب", ns) else "")
        )
        named = w40[-30:]
        if not spoken_for and NAMED_AS.search(named):
            # "تطلق على نفسها (اسم) X": the subject's own name, so the subject's role; in a
            # claim ("تبنت جماعة تطلق على نفسها X الهجوم") the group named so is the claimant
            roles.append(Role(a.actor_id, "perp", 3.0 if "claim" in f.flags() else 2.2, base + a.start))
            continue
        after = norm[ne : ne + 60]
        if after.startswith(("،", " ،", ",")) and (apposed := APPOSITION_AFTER.match(norm, ne)):
            # "أعلنت حركة النجباء، إحدى فصائل المقاومة الإسلامية في العراق، مسؤوليتها": what
            # the actor did is told after its apposition
            after = norm[apposed.end() : apposed.end() + 60]
        aid = a.actor_id
        if aid == "unknown":
            if not VICTIMS_OF.search(before[-50:]):
                roles.append(Role(aid, "perp", 2.0, base + a.start))
            # ("مقتل اثنين من المسلحين": the gunmen counted dead are one side's losses)
            continue
        if (
            GUNMEN_OF.search(before[-30:])
            and any(o.actor_id == "unknown" and o.end <= a.start and a.start - o.end <= 30 for o in f.actors)
        ) or (a.kind == "member" and GUNMEN_OF_LEAD.match(norm, ns) and not _clash_side(f, ns)):
            # "هاجم مسلحون من تنظيم داعش": the group the gunmen belong to did it
            roles.append(Role(aid, "perp", 2.5, base + a.start))
            continue
        if SURVIVOR.search(before[-12:]):
            # "نجا رئيس الوزراء من محاولة اغتيال": who survived was the one attacked
            roles.append(Role(aid, "target", 2.5, base + a.start))
            continue
        if (
            PROCEEDED.search(before[-36:])
            and contains_any(after[:90], PROCEEDED_STEMS)
            and PROCEEDED_TO_ACT.match(norm, ne, ne + 90)
        ):
            # "أقدم أنصار التيار الصدري، ذوو القبعات الزرقاء، على مهاجمة ساحة الاعتصام":
            # who proceeded to the violent act did it
            roles.append(Role(aid, "perp", 3.0, base + a.start))
            continue
        if spoken_for:
            continue
        if contains_any(before, CARGO_STEMS) and CARGO_OF.search(
            before + ("ل" if norm.startswith(("ل", "لل"), ns) else "")
        ):
            roles.append(Role(aid, "target", 2.6, base + a.start))
            continue
        if contains_any(before[-40:], CARGO_STEMS) and PASSENGERS_OF_HIT.search(norm[max(0, ns - 120) : ns]):
            roles.append(Role(aid, "target", 2.6, base + a.start))
            continue
        if contains_any(before, BELONG_STEMS) and ATTACKERS_BELONG_TO.search(before):
            # "وأوضح المصدر أن المهاجمين ينتمون إلى خلية نائمة لتنظيم داعش"
            roles.append(Role(aid, "perp", 3.0, base + a.start))
            continue
        if (
            (contains_any(before[-40:], BELONG_STEMS) and DEAD_BELONG_TO.search(before[-40:]))
            or (
                contains_any(before[-40:], THE_DEAD_STEMS)
                and (DEAD_ARE_OF.search(before[-40:]) or AMONG_THE_DEAD.search(before[-40:]))
            )
            or (THEY_ARE_OF.search(before[-40:]) and _has_toll(f))
        ):
            # "وقالت المديرية إن القتلى ينتمون إلى حزب العمال": the dead were its own (said
            # outright: strong enough for a later sentence to add it to the event)
            roles.append(Role(aid, "target", 3.0, base + a.start))
            continue
        if (
            (ne + 1 >= len(norm) or "." in norm[ne : ne + 3])
            and (
                CITED_STATEMENT.search(before[-40:])
                # "... ما أدى إلى مقتل 16 شخصا بينهم مدنيون، بحسب الحكومة العراقية.": the
                # authorities a report closes on are its source
                or (aid in NOT_ARRESTED and CITED_BODY.search(before[-20:]))
            )
        ):
            continue
        head = _head_of(norm[ns:ne])
        # "قتل ثلاثة أشخاص في قصف تركي", "مقتل مدنيين في غارة أمريكية", "بينهم امرأتان بقصف
        # مدفعي تركي": killed IN the force's strike, which is its attack (its weapon, read
        # below), not its loss
        weapon_head = bool(MEMBER_WEAPON.search(head))
        strike_head = weapon_head or head in ATTACK_HEADS
        if not strike_head and contains_any(w40, AMONG_STEMS) and AMONG_VICTIMS.search(w90):
            # (civilians among the dead say the others were not: "غارات على مواقع لفصائل
            # مسلحة ... استشهاد 16 شخصا بينهم مدنيون" hit the factions; alone they stand)
            roles.append(Role(aid, "target", 1.5 if aid == "civilians" else 2.5, base + a.start))
            continue
        if contains_any(after[:40], VICTIM_STEMS) and VICTIM_RELATIVE.match(after):
            # "جثمان الضابط في الشرطة الذي اغتيل أمس": the one the relative clause says was
            # killed belongs to the actor
            roles.append(Role(aid, "target", 2.5, base + a.start))
            continue
        if (contains_any(before[-50:], VICTIM_STEMS) and not strike_head) and (
            (VICTIMS_OF.search(before[-50:]) and not _killer(f, a))
            or (
                # (or a name that is a person of it: "لقي منتسب في الشرطة مصرعه")
                getattr(a, "kind", "") in ("member", "leader", "name", "short")
                and MEMBER_PERSON.match(norm[ns:ne])
                and VICTIM_BEFORE_MEMBER.search(before[-30:])
            )
        ):
            # "استشهد مقاتلان اثنان من اللواء 30 في الحشد الشعبي": the dead were its own
            roles.append(Role(aid, "target", 2.5, base + a.start))
            continue
        if head:
            # the hit includes the word that makes it a member: a weapon or raid of the
            # actor is its attack; a site, unit or person of it is what was hit
            if weapon_head:
                # ("موقعا لإطلاق الطائرات المسيرة تابعا لـ X": X's site was hit)
                hit = SITE_FOR_WEAPONS_BEFORE.search(before)
                roles.append(Role(aid, "target" if hit else "perp", 2.5, base + a.start))
                continue
            if head in ATTACK_HEADS and ne - ns > len(head) + 2:
                # "جراء الهجوم الصاروخي الإيراني": the attack named by its maker's adjective
                roles.append(Role(aid, "perp", 2.5, base + a.start))
                continue
            if MEMBER_SITE.search(head) and not v.perp_before.search(before):
                if guards := SITE_GUARDS.search(before[-24:]):
                    # "أطلق حراس مقر العصائب النار على المحتجين": the guards of its office
                    # are its own men, and do what the clause says they did (also as the agent
                    # of the fire: "بإطلاق نار من قبل حراس مقر")
                    acted = GUARDS_ACTED.search(before[-40:]) or v.perp_before.search(
                        before[: len(before) - len(guards.group())]
                    )
                    roles.append(Role(aid, "perp" if acted else "target", 2.5, base + a.start))
                    continue
                roles.append(Role(aid, "target", 2.5, base + a.start))
                continue
        if getattr(a, "kind", "") == "generic" and ATTACK_ADJECTIVE.search(before[-14:]):
            # "هجوم إرهابي", "لتعرض إرهابي": the act's own adjective names who made it
            roles.append(Role(aid, "perp", 2.2, base + a.start))
            continue
        if AGENT_NOUN.search(before) and (norm.startswith("ل", ns, ne) or before.rstrip().endswith(" ل")):
            # "استهدفت عملية للجيش الأميركي مقرا": the operation OF the army (its agent)
            roles.append(Role(aid, "perp", 2.2, base + a.start))
            continue
        if WEAPON_OF.search(before):
            # "طائرات إف-16 التابعة للقوة الجوية": the aircraft's owner flew the strike
            roles.append(Role(aid, "perp", 2.5, base + a.start))
            continue
        if (
            contains_any(before[-50:], FOIL_STEMS)
            and FOILER.search(before[-50:])
            and FOILED_ASSAULT_OF.match(after)
        ):
            roles.append(Role(aid, "target", 2.0, base + a.start))
            continue
        if contains_any(before[-45:], REPEL_STEMS) and REPELLER.search(before[-45:]):
            # "صدت قوات اللواء 23 في الحشد الشعبي ... تعرضا لعناصر داعش": who repelled the
            # assault was attacked
            roles.append(Role(aid, "target", 2.2, base + a.start))
            continue
        others_before = any(o is not a and o.end <= a.start and a.start - o.end <= 30 for o in f.actors)
        mourner = MOURNER_BEFORE.search(before[-12:])
        mourned = mourner and MOURNER_AFTER.search(after)
        if mourner and not mourned and (unit := UNIT_DEAD.match(after)):
            family = {aid, UMBRELLA_OF.get(aid)}
            if not any(o.actor_id not in family and ne <= npos(o.start) < ne + unit.end() for o in f.actors):
                roles.append(Role(aid, "target", 3.0, base + a.start))  # its own dead
                continue
        if (
            mourned
            # (its own people named right after the death noun: "مقتل اثنين من مقاتليها")
            and not OWN_DEAD.search(after[: mourned.end() + 25])
            and _dead_are_others(f, a, ne + mourned.end())
        ):
            # ("نعت هيئة الحشد ثلاثة من مقاتليها استشهدوا بقصف تركي": its own fighters)
            # "أعلن جهاز مكافحة الإرهاب مقتل ما يسمى والي كركوك في تنظيم داعش": the force
            # announcing the enemy's dead killed them
            roles.append(Role(aid, "perp", 2.0, base + a.start))
        elif mourned:
            roles.append(Role(aid, "target", 3.0, base + a.start))
        elif SIEGED_BY.search(before[-30:]):
            # "فجر نفسه بعد محاصرته من قبل القوات الأمنية": who besieged or hunted him, not who
            # set the blast off (whom it was aimed at, at most)
            roles.append(Role(aid, "target", 1.5, base + a.start))
        elif v.perp_before.search(before):
            roles.append(Role(aid, "perp", 3.0, base + a.start))
        elif (owned := v.perp_after.search(after)) and not _owned_by_another(f, a, ne, ne + owned.end()):
            roles.append(Role(aid, "perp", 3.5, base + a.start))
        elif (
            before.endswith(OWN_FIGHTERS)
            and FIGHTERS_DID.search(before[-30:])
            and not PASSIVE_AFTER.search(after)
        ):
            # (its fighters named as the verb's subject: the faction's own voice, its claim)
            roles.append(Role(aid, "perp", 3.0, base + a.start))
        elif (
            not others_before
            and search_in(VSO_VERB, w40, norm, max(0, ns - 40), ns)
            and not norm.startswith(("ل", "بال"), ns)
            and not PASSIVE_AFTER.search(after)
            # ("وفتحت الأجهزة الأمنية تحقيقا": "opened" fires only with the fire after it)
            and not (OPENED.search(before[-14:]) and not FIRE_OPENED.match(after))
        ):
            # (told in the faction's own voice, "استهدف مجاهدو المقاومة": its claim)
            roles.append(Role(aid, "perp", 3.0 if before.endswith(OWN_FIGHTERS) else 2.8, base + a.start))
        elif (
            not others_before
            and search_in(MANAGED_BY, w40, norm, max(0, ns - 40), ns)
            and MANAGED_STRIKE.match(after)
            and not PASSIVE_AFTER.search(after)
        ):
            # "تمكن مجاهدو سرايا أولياء الدم من استهداف رتل": who managed the strike did it
            own = before.endswith(OWN_FIGHTERS + (_n("ابطال") + " ",))
            roles.append(Role(aid, "perp", 3.0 if own else 2.8, base + a.start))
        elif _killer(f, a):
            roles.append(Role(aid, "perp", 2.8, base + a.start))
        elif others_before and any(
            o is not a and o.end <= a.start and a.start - o.end <= 40 and _killer(f, o) for o in f.actors
        ):
            # its object, the dead: "قتلت القوات الأمنية ثلاثة إرهابيين"
            roles.append(Role(aid, "target", 2.5, base + a.start))
        elif others_before and _object_after_subject(f, a):
            # "هاجم عناصر من تنظيم داعش، فجر اليوم الأحد، مفرزة للحشد الشعبي": verb, subject,
            # object (the time between them)
            roles.append(Role(aid, "target", 2.5, base + a.start))
        elif v.target_before.search(before) and not COMPLEMENTIZER.search(before):
            roles.append(Role(aid, "target", 2.5, base + a.start))
        elif v.plural_verb_object.search(before[-40:]):
            # "وأحرقوا خيام المعتصمين": a verb that carries its plural subject takes an
            # object after it (an explicit subject follows a singular verb: "أحرق المحتجون");
            # read here where the object is a thing of the actor's
            roles.append(Role(aid, "target", 2.0, base + a.start))
        elif (
            not others_before
            and OWN_FORCES_DID.search(before[-40:])
            and v.attack_verb_before.search(before[-12:])
        ):
            # "إن قواتها حيدت 7 إرهابيين": the forces told before the verb are its subject,
            # the ones after it its object
            roles.append(Role(aid, "target", 2.5, base + a.start))
        elif (not others_before or LINKED_VERB_BEFORE.search(before[-24:])) and v.attack_verb_before.search(
            before[-12:]
        ):
            # "وشنت الفصائل هجمات استهدفت ...": the subject right after an active attack verb
            # (a later "استهدفت" belongs to the attacks, not to a passive of this actor)
            roles.append(Role(aid, "perp", 2.0, base + a.start))
        elif v.target_subject_after.search(after) and not (
            "استهدف" in after[:60] and TARGETED_AN_OBJECT.match(after)
        ):
            roles.append(Role(aid, "target", 2.0, base + a.start))
        elif v.attack_verb_before.search(before):
            # verb - subject - object: a second actor after the verb is its object
            roles.append(
                Role(
                    aid, "target" if others_before else "perp", 1.5 if others_before else 2.0, base + a.start
                )
            )
        elif v.attack_verb_after.search(after):
            roles.append(Role(aid, "perp", 2.0, base + a.start))
        elif ("شتبك" in before[-40:] and CLASHED_SUBJECT.search(before[-40:])) or (
            not others_before and CLASHED_AFTER.match(after)
        ):
            roles.append(Role(aid, "perp", 1.8, base + a.start))
        elif BETWEEN_FIRST.search(before):
            # "اشتباكات بين X و Y": no initiator; read X as one side, Y as the other
            roles.append(Role(aid, "perp", 1.8, base + a.start))
        elif _clash_side(f, ns):
            # (Y, or whom X "clashed with")
            roles.append(Role(aid, "target", 1.8, base + a.start))
        elif (
            " مع" in before[-40:]
            and any(r.role == "target" for r in roles)
            and CLASH_WITH_NOUN.search(before[-40:])
        ):
            # "مقتل جنديين تركيين في اشتباك مع مسلحي حزب العمال": the side the dead told
            # before fought is the other one
            roles.append(Role(aid, "perp", 1.8, base + a.start))
        elif (
            others_before
            and norm.startswith("ل", ns)
            and HIDEOUTS_BEFORE.search(before[-24:])
            and v.attack_verb_in.search(before[-90:])
        ):
            # "قصفت مدفعية الجيش العراقي أوكارا لعناصر داعش": the object after the subject,
            # the group's hideouts or positions
            roles.append(Role(aid, "target", 2.0, base + a.start))
        elif _operation_by(f, a):
            # "في عملية مشتركة لقوات البيشمركة": whose operation it was
            roles.append(Role(aid, "perp", 2.5, base + a.start))
        elif (
            aid in ("iraqi_security_forces", "peshmerga")
            and (
                ARRESTER_BEFORE.search(before[-24:])
                # "وقد ألقت الشرطة القبض عليه": the verb before the force, its object after it
                or (ARREST_VERB_BEFORE.search(before[-14:]) and norm.startswith(" القبض", ne))
            )
        ):
            # "قتل أربعة من أفراد عائلته ... قبل أن تعتقله القوات الأمنية": who arrested the
            # killer afterwards took no part in the act
            continue
        elif (
            aid in ("iraqi_security_forces", "peshmerga")
            and INTERVENER_BEFORE.search(before[-30:])
            and (TO_END_IT.match(after) or INTERVENED_AND.match(after))
            # (not one that stepped in to disperse protesters: "قبل أن تتدخل قوات مكافحة الشغب
            # وتفرق المحتجين بالهراوات", force used on them, spec section 4)
            and not any(
                c.category == "sub_event:Excessive force against protesters" and 0 <= c.start - a.end <= 12
                for c in f.cues
            )
        ):
            continue  # (who stepped in to end the fight took no part in it)
        elif (
            "،" in before
            and any(o is not a and o.end <= a.start and a.start - o.end <= 60 for o in f.actors)
            and not v.attack_verb_before.search(before)
            and f.dates  # (read last: the dates are found on first read)
            and v.attack_verb_before.search(_without_days(f, ns, before))
        ):
            # "وكانت طائرة مسيرة أمريكية قد اغتالت، في الرابع من كانون الثاني الماضي، القيادي في
            # حركة النجباء": the verb's object, the day told between them
            roles.append(Role(aid, "target", 1.5, base + a.start))
        else:
            roles.append(Role(aid, "?", 0.5, base + a.start))
    if "تضم" in norm or "يضم" in norm or "تستضيف" in norm or "يستضيف" in norm:
        # "قاعدة كالسو التي تضم مقرات للجيش والشرطة والحشد": who a site houses may be whom the
        # act hit, less surely than the victims told (a lone host still is the target)
        roles = [
            Role(r.actor_id, r.role, min(r.strength, 2.0), r.pos)
            if r.role == "target" and _housed(f, r.pos - base)
            else r
            for r in roles
        ]
    return roles


def _housed(f: Facts, start: int) -> bool:
    ns = f.npos(start)
    return HOUSES.search(f.norm[max(0, ns - 45) : ns]) is not None


def _without_days(f: Facts, ns: int, before: str) -> str:
    """`before` (the normalized text ending at `ns`) with the days told in it, their
    prepositions and commas, set aside."""
    lo = ns - len(before)
    cut = before
    for d in reversed(f.dates):
        ds, de = f.npos(d.start), f.npos(d.end)
        if lo <= ds and de <= ns:
            cut = cut[: ds - lo] + " " + cut[de - lo :]
    if cut == before:
        return before
    return re.sub(r"\s+", " ", DAY_PREPOSITION.sub(" ", cut.replace("،", " ")))


def decide_roles(roles: list[Role], sub_event: str | None, weapon: str | None) -> tuple[str, str | None]:
    """(perpetrator_id, target_id) from role evidence plus a prior by actor kind and weapon."""
    if sub_event == "Disrupted weapons use":
        # who shoots a drone down defends against it: the target side; the attacker is
        # who launched it (named only by a claim or an attribution, strength >= 3)
        # (weaker than what the attack was aimed at: "أحبطت القوات الأمنية هجوما بمسيرتين
        # كانتا تستهدفان قاعدة عين الأسد" targeted the base's host)
        roles = [
            Role(r.actor_id, "target", min(r.strength, 0.9), r.pos)
            if r.role == "perp" and r.strength < 3.0 and r.actor_id != "unknown"
            else r
            for r in roles
        ]
    if sub_event == "Suicide bomb":
        # "فجرت امرأة نفسها قرب نقطة تفتيش": the woman who blew herself up is the bomber, of no
        # side named -- neither the civilians' act nor their loss
        roles = [r for r in roles if not (r.role == "perp" and r.strength < 3.0 and r.actor_id in CIVILIAN)]
    if _family(sub_event) == "remote":
        # civilians, protesters and unarmed parties launch no drone, rocket or bomb: one read
        # as the attack verb's subject by word order alone ("هاجمت طائرة مسيرة مصفاة بيجي":
        # the drone is the subject) is what was hit; a claim or an attribution (>= 3) stands
        roles = [
            Role(r.actor_id, "target", r.strength, r.pos)
            if r.role == "perp" and r.strength < 3.0 and r.actor_id in CIVILIAN
            else r
            for r in roles
        ]
    perps = [r for r in roles if r.role == "perp"]
    targets = [r for r in roles if r.role == "target"]
    loose = [r for r in roles if r.role == "?"]
    remote = sub_event in (
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Disrupted weapons use",
    ) or weapon in ("rocket", "mortar", "ied")
    air = sub_event == "Air/drone strike" and weapon in ("airstrike", None)
    for r in loose:
        a = r.actor_id
        if a in CIVILIAN:
            if (
                sub_event in ("Violent demonstration", "Mob violence", "Looting/property destruction")
                and a == "protesters"
            ):
                perps.append(Role(a, "perp", 0.8, r.pos))
            else:
                targets.append(Role(a, "target", 0.8, r.pos))
        elif a in STATE_ATTACKERS:
            if air and a != "iran_forces":
                perps.append(Role(a, "perp", 0.8, r.pos))
            else:
                targets.append(Role(a, "target", 0.7, r.pos))
        elif a in ("iraqi_security_forces", "peshmerga", "iraqi_government"):
            # spec section 4: security forces arrest, and fire on demonstrators
            if sub_event in ("Arrests", "Excessive force against protesters"):
                perps.append(Role(a, "perp", 0.8, r.pos))
            else:
                targets.append(Role(a, "target", 0.5, r.pos))
        else:  # armed factions and their umbrellas
            same_side_hit = any(t.actor_id in IRAQI_FACTIONS for t in targets) and a in IRAQI_FACTIONS
            # (a faction named around a drone shot down defends against it)
            if (
                air
                or sub_event in ("Arrests", "Disrupted weapons use")
                or (sub_event == "Air/drone strike" and same_side_hit)
            ):
                targets.append(Role(a, "target", 0.7, r.pos))
            elif remote:
                perps.append(Role(a, "perp", 0.6, r.pos))
            else:
                perps.append(Role(a, "perp", 0.4, r.pos))

    def best(rs: list[Role], exclude: set[str]) -> str | None:
        rs = [r for r in rs if r.actor_id not in exclude]
        if not rs:
            return None
        # a faction named with its umbrella: the faction (spec section 2), with the weight
        # of the umbrella's role ("strike on a PMF HQ ... Nujaba mourns its commander")
        members: dict[str, Role] = {}
        for r in rs:
            umbrella = UMBRELLA_OF.get(r.actor_id)
            if r.actor_id == "iran_aligned_militias":
                # "المقاومة الإسلامية في العراق، وهي تحالف فصائل موالية لإيران": the unnamed
                # factions describe the coalition named; they are no member more specific
                umbrella = None
            if umbrella and (umbrella not in members or r.strength > members[umbrella].strength):
                members[umbrella] = r
        rs = [
            Role(members[r.actor_id].actor_id, r.role, max(r.strength, members[r.actor_id].strength), r.pos)
            if r.actor_id in members
            else r
            for r in rs
        ]
        top = max(r.strength for r in rs)
        strong = [r for r in rs if r.strength >= top - 0.5]
        # "unknown" (gunmen, "مسلحين") is a last resort: a faction named with about as strong
        # a role is the more specific answer (spec section 2: name the most specific actor)
        named = [r for r in strong if r.actor_id != "unknown"]
        strong = named or strong
        # ... and so are the factions "backed by Iran" left unnamed, against one a claim or
        # the text names ("ميليشيات مدعومة من إيران" then "وتبنت المقاومة الإسلامية في العراق
        # الهجوم"): the same side, named
        named = [r for r in strong if r.actor_id != "iran_aligned_militias"]
        if named and all(r.actor_id in IRAQI_FACTIONS for r in named):
            strong = named
        # on a tie, the side named most often as such ("مطار أربيل وقاعدة للتحالف ... بينهم
        # جندي أمريكي" against one civilian contractor: the US-led forces, one family)
        votes = Counter(_family_of(r.actor_id) for r in strong)
        # (rockets or drones on a site of the US-led forces hit them, civilians hurt around
        # them as strongly told or not: "قتل متعاقد مدني وأصيب ستة بينهم جندي أمريكي جراء سقوط
        # صواريخ على مطار أربيل ... وسقطت صواريخ أخرى على أحياء سكنية")
        hosts = (
            _family(sub_event) == "remote"
            and any(r.role == "target" for r in strong)
            and all(r.actor_id in HOSTS or r.actor_id in CIVILIAN for r in strong)
        )
        return max(
            strong,
            key=lambda r: (
                r.strength,
                hosts and r.actor_id in HOSTS,
                votes[_family_of(r.actor_id)],
                actor_specificity(r.actor_id),
                -r.pos,
            ),
        ).actor_id

    target = best(targets, set())
    perp = best(perps, {target} if target else set())
    if (
        sub_event in ("Violent demonstration", "Mob violence")
        and target == "protesters"
        and any(r.actor_id == "protesters" for r in perps)
    ):
        # "قتل متظاهر ... خلال مواجهات بين محتجين وقوات مكافحة الشغب، بعدما حاولوا اقتحام
        # مبنى ديوان المحافظة": the crowd is the riot's side, its dead aside
        # (two crowds that fought each other stay each other's target: "اشتباكات بين متظاهرين
        # عرب وتركمان ... ومتظاهرين أكراد", the authorities' curfew after it no side)
        other = best([r for r in targets if r.strength >= 1.0], {"protesters"})
        perp, target = "protesters", other or best(targets, {"protesters"})
        if other is None and any(r.actor_id == "protesters" and r.strength >= 1.5 for r in targets):
            target = "protesters"
    elif sub_event in ("Violent demonstration", "Mob violence") and perp == "iraqi_security_forces":
        # "اقتحم أنصار التيار الصدري القصر الجمهوري ...، فيما أطلقت القوات الأمنية الغاز
        # لتفريقهم": the crowd that stormed is the riot's side; the forces that dispersed it
        # are not (they stay its side when no crowd is named as acting)
        rioters = best([r for r in perps if r.strength >= 1.0], {perp, target} - {None})
        if rioters is not None:
            perp = rioters
    if perp is None and sub_event == "Arrests" and target != "iraqi_security_forces":
        # spec section 4: arrests are made by the security forces, named or not
        # ("أعلنت خلية الإعلام الأمني اعتقال ثلاثة متهمين")
        perp = "iraqi_security_forces"
    if perp is None and sub_event == "Excessive force against protesters" and target in ("protesters", None):
        # ... and so is force on demonstrators (spec section 4), no other side named
        perp = "iraqi_security_forces"
    if sub_event in ("Attack", "Excessive force against protesters") and target not in CIVILIAN:
        # violence against civilians: the civilians are the target, the armed side the attacker
        # (not a crowd merely named near the act, "شيع أهالي الكوت جثمان الضابط في الشرطة
        # الذي اغتيل", against the side the text says was hit)
        top = max((r.strength for r in targets if r.actor_id == target), default=0.0)
        civ = [
            r
            for r in targets
            if r.actor_id in CIVILIAN
            and (sub_event != "Attack" or not (r.strength < 1.0 <= top - 1.0 and r.actor_id == "civilians"))
        ]
        if civ:
            armed = target
            target = best(civ, set())
            # (never the civilians' own side: "قتل ثلاثة متظاهرين ...، بينهم عناصر أمن، في مواجهات
            # بين محتجين والقوات الأمنية" -- the forces hurt among them are the armed side)
            if (perp is None or perp == target) and armed is not None:
                perp = armed
    if sub_event == "Excessive force against protesters" and target == "civilians":
        # "شيع أهالي الديوانية جثمان المتظاهر": force on protesters, the protesters named as
        # strongly as the townsfolk are whom it was used on
        civ = max((r.strength for r in targets if r.actor_id == "civilians"), default=0.0)
        if any(r.actor_id == "protesters" and r.strength >= civ for r in targets):
            target = "protesters"
    if perp is None and sub_event == "Armed clash" and target is not None:
        # "اشتباكات بين الجيش والبيشمركة أسفرت عن إصابة جنديين من الجيش وعنصر من البيشمركة":
        # both sides counted their losses; the other side of a clash is its other party
        other = [
            r
            for r in perps + targets
            if r.actor_id not in (target, "unknown", "iraqi_government")
            and r.actor_id not in CIVILIAN  # (armed parties only)
            and r.strength >= 1.5
        ]
        if other:
            perp = best(other, {target})
    if (
        sub_event == "Armed clash"
        and target is None
        and perp not in (None, "unknown")
        and any(r.actor_id == "unknown" and r.role == "perp" and r.strength >= 2.0 for r in roles)
    ):
        # "اشتباكات بين قوات الأمن ومسلحين": the unidentified gunmen are its other side
        target = "unknown"
    if perp is None:
        perp = "unknown"
    return perp, target


# ---------------------------------------------------------------------------------------
# frames


def _pick_place(places: list, cue_pos: int):
    if not places:
        return None
    # the most specific; among equals the first after the cue, else the nearest before it
    top = max(PLACE_RANK.get(p.kind, 1) for p in places)
    best = [p for p in places if PLACE_RANK.get(p.kind, 1) == top]
    after = [p for p in best if p.start >= cue_pos]
    chosen = after[0] if after else best[-1]
    if chosen.governorate is None and chosen.country == "Iraq":
        # borrow a governorate from a less specific place in the same clause
        govs = {p.governorate for p in places if p.governorate}
        if len(govs) == 1:
            chosen = _with_governorate(chosen, govs.pop())
    return chosen


def _replace(place, **kw):
    try:
        return replace(place, **kw)
    except Exception:  # noqa: BLE001
        return place


def _with_governorate(place, gov):
    try:
        return replace(place, governorate=gov)
    except Exception:  # noqa: BLE001
        return place


# "كشف مصدر أمني، اليوم السبت، تفاصيل الهجوم الذي ... في 12 تشرين الثاني": the day said
# right after a speech verb and its speaker dates the statement
STATEMENT_DAY = compile_guarded(
    _n(
        # (after a dateline: "كركوك - كشف مصدر أمني، اليوم الأربعاء، ...")
        r"^\s*(?:\S+(?:\s+\S+)?\s*[-–—/:]\s+)?(?:\S+\s+)?(?:و|ف)?(?:قال|قالت|كشف|كشفت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت|نعت|نعي)"
        r"(?:\s+[^\s.؛:،]+){1,8}[\s،]*$"
    )
)


def _event_dates(f: Facts, dates: list) -> list:
    """The dates of a clause that can date its event: the statement's own day (a relative
    day right after "قال مصدر") gives way when the clause says another date."""
    if len(dates) < 2:
        return dates
    kept = [d for d in dates if not (d.relative and STATEMENT_DAY.match(f.norm[: f.npos(d.start)]))]
    return kept or dates


# a drone or an aircraft seen flying ("حلقت طائرة مسيرة فوق", "رصد تحليق طائرات")
FLIGHT_STEMS = ("حلق", "تحليق", "رصد", "شوهد")
DRONE_FLEW = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:حلقت|حلق|تحلق|يحلق|تحليق|بتحليق|رصد|رصدت|شوهدت|شوهد)\s+"
        r"(?:\S+\s+){0,2}?(?:ال)?(?:طائره|طائرات|مسيره|مسيرات|طيران)"
    )
)


ANNIVERSARY_WORD = compile_guarded(_n(r"(?:ب|في|و)?(?:ال)?ذكري(?:\s+(?:ال)?سنويه)?$"))


def _occasion_at(f: Facts) -> int | None:
    """Where the anniversary a fresh act is tied to begins, when the sentence's only background
    words are that anniversary, named after its act ("أطلق مجهولون صاروخي كاتيوشا ...، ويعتقد أن
    الهجوم مرتبط بالذكرى السنوية الثانية لمقتل سليماني"): the occasion, not an act of the past
    ("أحيا العراقيون الذكرى السنوية لتفجير الكرادة" names the anniversary first); what follows it
    tells the act remembered."""
    marks = [c for c in f.cues if c.category == "background"]
    if not marks or not all(ANNIVERSARY_WORD.match(normalize(c.surface)) for c in marks):
        return None
    first_act = min((c.start for c in f.cues if c.category.startswith("sub_event:")), default=None)
    if first_act is None or not all(c.start > first_act for c in marks):
        return None
    return min(c.start for c in marks)


# an act told in the first person plural ("استهدفنا", "ضربنا", "قصفنا")
WE_STEMS = ("فنا", "بنا", "منا", "ذنا", "طنا")
WE_DID = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف|ثم\s+)?(?:استهدفنا|ضربنا|قصفنا|هاجمنا|نفذنا|اسقطنا|دكدكنا|دككنا|قصفنا|استطعنا|تمكنا)(?=\s|$|[،.])"
    )
)
# the group a statement is from ("بيان صادر عن", "في بيان لـ"), right before its name
STATEMENT_OF = compile_guarded(_n(r"(?:^|\s)(?:في\s+)?بيان(?:\s+(?:صادر|صدر))?\s*(?:عن|من|ل)?\s*(?:ال)?$"))


def _says_we_did(f: Facts, ns: int, ne: int) -> bool:
    """The group named at [ns, ne) (normalized) heads its own words, a colon after its name or
    "a statement from" before it, and those words tell an act in the first person plural."""
    heads = f.norm[ne : ne + 3].lstrip().startswith(":") or STATEMENT_OF.search(f.norm[max(0, ns - 25) : ns])
    if not heads:
        return False
    colon = f.norm.find(":", ne)
    return colon != -1 and WE_DID.search(f.norm, colon) is not None


def _faction_claims_it(f: Facts) -> bool:
    """Does an Iraqi faction claim, or stand charged with, an act in the sentence?"""
    if not ({"claim", "attribution"} & f.flags()):
        return False
    return any(
        r.role == "perp" and r.strength >= 3.0 and r.actor_id in IRAQI_FACTIONS
        for r in read_roles(f, 0, len(f.text))
    )


def _charge_of_clause(f: Facts, frames: list[Frame], lo: int, hi: int) -> None:
    """A clause with no act of its own that charges or claims the act told before it in the
    sentence ("نفت كتائب حزب الله أي علاقة لها بالهجوم ...، فيما اتهمت واشنطن فصائل مدعومة من
    إيران بالوقوف وراءه"): its side did that act, when no side is named for it."""
    stance = {c.category for c in f.cues if _in(c.start, lo, hi)} & {"attribution", "claim"}
    if not stance:
        return
    told = [fr for fr in frames if fr.hi <= lo + 1 and not fr.background]
    if not told:
        return
    near = told[-1]
    if any(r.role == "perp" and r.strength >= 2.0 and r.actor_id != "unknown" for r in near.roles):
        return
    strong = [
        r for r in read_roles(f, lo, hi) if r.role == "perp" and r.strength >= 3.0 and r.actor_id != "unknown"
    ]
    if strong:
        near.roles = near.roles + strong
        near.claimed = near.claimed or "claim" in stance


def _charged_on(f: Facts, d) -> bool:
    """The day is of the act the arrested are charged with ("اعتقال متهم بتفجير عبوة ناسفة في
    منطقة الدورة الأسبوع الماضي"), not of the arrest (a charge naming no act, "متهمين بالإرهاب
    أمس", leaves the day to the arrest)."""
    ns = f.npos(d.start)
    before = f.norm[max(0, ns - 70) : ns]
    if not contains_any(before, CHARGE_STEMS):
        return False
    charged = CHARGED_WITH.search(before)
    return charged is not None and not SITELESS_CHARGE.search(charged.group())


def _pick_date(dates: list, cue_pos: int):
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - cue_pos))


CULMINATION = compile_guarded(_n(r"(?:ذروته|ذروتها|ذروتهما|اوجها|اوجه)\s+(?:ب|في|مع)?\S*\s*$"))


# "12 هجوما، أبرزها تفجير عبوة ... أودى بحياة ثلاثة جنود": the one act a tally singles out,
# told with its own toll in the same clause
HIGHLIGHTED = compile_guarded(
    _n(
        r"(?:^|\s)(?:ابرزها|ابرزهم|اعنفها|اخطرها|اشدها|اكثرها دمويه|اكثرها دمويه)\s+"
        r"(?:ب|في)?(?:تفجير|انفجار|هجوم|الهجوم|استهداف|قصف|اغتيال|اعتداء|كمين|عمليه)\s+[^،,.؛;:]*$"
    )
)


def _culmination(f: Facts, count) -> bool:
    """The count is the peak act a series 'culminated in', right after the word for it,
    or the toll of the one act a tally singles out ("أبرزها تفجير ... أودى بحياة ثلاثة")."""
    if count is None:
        return False
    ns = f.npos(count.start)
    return bool(CULMINATION.search(f.norm[max(0, ns - 30) : ns])) or bool(
        HIGHLIGHTED.search(f.norm[max(0, ns - 160) : ns])
    )


def _bind_casualties(f: Facts, lo: int, hi: int):
    cas = f.casualties
    if cas is None:
        return None, None
    k = cas.killed if cas.killed is not None and _in(cas.killed.start, lo, hi) else None
    w = cas.wounded if cas.wounded is not None and _in(cas.wounded.start, lo, hi) else None
    if k is None and _later_none(f, hi, cas.killed):
        k = cas.killed
    if w is None and _later_none(f, hi, cas.wounded):
        w = cas.wounded
    if (
        (k is None and cas.killed is not None) or (w is None and cas.wounded is not None)
    ) and _other_act_counted(f, lo, hi, cas):
        # "أصيب ثلاثة مدنيين بانفجار عبوة في المقدادية، كما قتل جندي وأصيب آخر بهجوم في
        # العظيم": the sentence's first count of a kind is another act's; this clause's own
        own = _clause_casualties(f, lo, hi)
        if own is not None:
            k = own.killed if k is None and cas.killed is not None else k
            w = own.wounded if w is None and cas.wounded is not None else w
    if (k is not None or w is not None) and hi < len(f.text) and SEPARATE_ACT.search(f.norm, f.npos(hi)):
        # "قتل جنديان بهجوم ...، فيما قتل إرهابيان في اشتباك لاحق": the sentence's toll adds
        # up the acts its clauses tell; a later clause telling another act has its own, so
        # this clause's count is its act's
        own = _clause_casualties(f, lo, hi)
        if own is not None:
            k = own.killed if k is not None and own.killed is not None else k
            w = own.wounded if w is not None and own.wounded is not None else w
    if _open_large(k) or _open_large(w):
        # "قتل أكثر من 30 شخصا بتفجير انتحاري مزدوج استهدف سوقا": a large open toll is one
        # act's when the clause names the act (not "أعمال عنف خلفت أكثر من 600 قتيل")
        named_act = any(
            (_specific(c) or SINGLE_ACT.match(f.norm, f.npos(c.start), f.npos(c.end)))
            and _in(c.start, lo, hi)
            and not VAGUE.search(f.norm[f.npos(c.start) : f.npos(c.end)])
            for c in occurrence_cues(f)
        )
        if (
            named_act
            and "aggregate" not in f.flags()
            and not vocab().series.search(f.norm)
            and not SO_FAR.search(f.norm)  # "أكثر من 30 قتيلا حتى الآن": days of fighting
        ):
            return k, w
    return _not_a_toll(k), _not_a_toll(w)


def _later_none(f: Facts, hi: int, c) -> bool:
    """An explicit "no one hurt" in a later clause with no act of its own ("سقطت ثلاثة صواريخ
    على قاعدة بلد، فيما لم تسجل أي إصابات"): the act's toll, told after a cut."""
    return (
        c is not None
        and c.best == 0
        and c.start >= hi
        and not any(hi <= x.start < c.start for x in occurrence_cues(f))
    )


def _other_act_counted(f: Facts, lo: int, hi: int, cas) -> bool:
    """Is a count of the sentence outside [lo, hi) told on the side of another act (an
    occurrence cue before the clause for a count before it, after it for one after)? Not
    "لقي شرطي مصرعه، فيما قتل أحد المهاجمين، خلال اشتباك": the dead told first are the
    clash's."""
    cues = [c.start for c in occurrence_cues(f) if not _in(c.start, lo, hi)]
    for c in (cas.killed, cas.wounded):
        if c is None or _in(c.start, lo, hi):
            continue
        if any(p < lo for p in cues) if c.start < lo else any(p >= hi for p in cues):
            return True
    return False


def _clause_casualties(f: Facts, lo: int, hi: int):
    """The counts of the clause [lo, hi) read on their own, at the sentence's offsets."""
    key = ("clause casualties", lo, hi)
    if key not in f._memo:
        got = f.finders.casualties(f.text[lo:hi]) if f.finders else None
        if got is not None:
            got = type(got)(
                *(
                    None if c is None else replace(c, start=c.start + lo, end=c.end + lo)
                    for c in (got.killed, got.wounded)
                )
            )
        f._memo[key] = got
    return f._memo[key]


# "زار الوزير موقع التفجير الذي استهدف سوقا شعبيا أمس، وأسفر عن مقتل خمسة أشخاص": the site
# of an act the sentence itself tells (what it hit, its toll) is that act's report
SITE_OF = compile_guarded(_n(r"(?:^|\s)(?:و|ب|ل|في)?(?:ال)?(?:موقع|مكان)\s*$"))
RELATIVE_ACT_TOLD = compile_guarded(
    _n(r"\s*(?:الذي|التي)\s+(?:استهدف|استهدفت|وقع|وقعت|طال|طالت|هز|هزت|ضرب|ضربت)(?=\s)")
)


def _site_of_act_told(f: Facts, c, before: str) -> bool:
    return (
        bool(SITE_OF.search(before)) and bool(RELATIVE_ACT_TOLD.match(f.norm, f.npos(c.end))) and _has_toll(f)
    )


# "ارتفعت حصيلة ضحايا التفجير إلى 23 قتيلا وأكثر من 50 جريحا": one act named by its
# singular noun (not "الهجمات", "أعمال عنف")
# (or its past-tense verb: "عندما هاجم مسلحون مجهولون المحتجين")
SINGLE_ACT = compile_guarded(
    _n(
        r"(?:و|ف|ب|ل)?(?:ال|لل)?(?:تفجير|انفجار|هجوم|اعتداء|قصف|استهداف)$|(?:و|ف)?(?:هاجم|هاجمت|هاجموا|استهدف|استهدفت)$"
    )
)
SO_FAR = compile_guarded(_n(r"حتى الان|حتى اللحظه|لغايه الان|لحد الان|حتى الساعه|الى الان"))


# "أحرق محتجون مقر الحزب احتجاجا على مقتل ناشط": the death protested is the cause of
# this event, not one of its casualties
# the words a protest names its grievance with ("احتجاجا على", "تنديدا ب", "رفضا ل")
_PROTEST_WORD = r"احتجاجا|احتجاج|تنديدا|رفضا|غضبا|استنكارا"
PROTESTED_CAUSE = compile_guarded(
    _n(r"(?:" + _PROTEST_WORD + r")\s+(?:على|ب|ل)?\s*(?:\S+\s+)?$|على خلفيه\s+(?:\S+\s+)?$")
)


def _not_the_cause(f: Facts, count):
    if count is None or not contains_any(f.norm, PROTEST_STEMS + ("خلفيه",)):
        return count
    ns = f.npos(count.start)
    return None if PROTESTED_CAUSE.search(f.norm[max(0, ns - 30) : ns]) else count


def _open_large(count) -> bool:
    return count is not None and count.high is None and (count.low or 0) >= OPEN_TOLL_MIN


# "أكثر من 40 قتيلا" with no upper bound and this large is a running toll across events
# (spec section 1 aggregates), not one incident's count; tuned on dev with the set below
OPEN_TOLL_MIN = 30


def _not_a_toll(count):
    if count is not None and count.high is None and (count.low or 0) >= OPEN_TOLL_MIN:
        return None
    return count


TIME_GAP = compile_guarded(_n(r"ساعات|ساعه|ساعتين|ايام|يومين|يوم|اسبوع|اسابيع|شهر|اشهر|دقائق|قليل|فتره"))


# "اغتال مسلحون ضابطا، بعد أن أطلقوا عليه النار أمام منزله": the link tells how the victim
# of the main clause (a pronoun) was shot, not an earlier act
FIRED_ON_HIM = compile_guarded(
    _n(
        r"[\s،(]*\S+\s+(?:ان\s+)?(?:اطلق|اطلقوا|اطلقت|فتح|فتحوا|فتحت)\s+(?:\S+\s+){0,3}?"
        r"(?:(?:النار|الرصاص|النيران)\s+)?(?:عليه|عليها|عليهم|عليهما)(?=[\s،.]|$)"
    )
)


RELATIVE = "relative"  # a prior clause inside the main one ("شاركوا في الهجوم على ...")
RELATIVE_STEMS = ("شارك", "متورط", "ضالع", "مسوول", "منفذي", "المخططين", "متهم")
_CLAUSE_COMMA = compile_guarded(r"[،,؛;]")
RELATIVE_GOES_ON = compile_guarded(r"\s*(?:و)?(?:الذي|التي|اللذين|اللذان|اللتين|الذين)\s")


# "واقتحموا", "وأضرموا": "و" and a verb in the plural past (not a verbal noun of a list)
RESUMED_VERB = compile_guarded(_n(r"و(?:ا|ال)?[^\sا]\S*وا(?=\s|$)"))
# "بعد أن اقتحم محتجون": the verb right after a link opens a clause of its own, whose
# subject follows it (the actor told before the link is no subject of it)
LINKED_VERB_BEFORE = compile_guarded(_n(r"(?:^|\s)(?:بعد|قبل|عقب|اثر)\s+(?:ان\s+)?\S+\s+$"))
# a sentence opening with the passive of being hurt or killed
SUFFERED_FIRST = compile_guarded(
    _n(r"(?:اصيب|اصيبت|اصيبوا|جرح|جرحت|قتل|قتلت|قتلوا|استشهد|استشهدت|استشهدوا)\s")
)


# "أحبطت القوات محاولة لاستهداف المطار، بعد العثور على منصة صواريخ": how the act was foiled
FOUND_HOW = compile_guarded(
    _n(r"[\s،,]*(?:و|ف)?(?:بعد|اثر|عقب)\s+(?:ان\s+)?(?:العثور|عثرت|عثر|ضبط|ضبطت)(?=\s)")
)


def _clause_bounds(f: Facts, cues: list) -> list[tuple[int, int, bool]]:
    """Split a sentence into (lo, hi, prior) clauses at 'بعد/إثر/ردا على + event' links."""
    v = vocab()
    cuts = []
    for m in v.prior_link.finditer(f.norm):
        if SURVIVED.search(f.norm, 0, m.start()) and not TIME_GAP.search(m.group()):
            continue  # "نجا من محاولة اغتيال بعد استهداف موكبه": how the attempt was made
        if FIRED_ON_HIM.match(f.norm, m.start()):
            continue  # "اغتال مسلحون ضابطا، بعد أن أطلقوا عليه النار": how he was killed
        if FOUND_HOW.match(f.norm, m.start()) and any(
            c.category == "foiled" and c.end <= f.orig(m.start()) for c in f.cues
        ):
            continue  # "أحبطت ... محاولة لاستهداف المطار، بعد العثور على منصة": how it was foiled
        o = f.orig(m.end())
        # the link governs an event noun only when an occurrence cue starts right after it
        # (a few words at most: "بعد ليلة هادئة تجددت المواجهات" is a time, not an event)
        if any(0 <= c.start - o <= 40 and len(f.text[o : c.start].split()) <= 3 for c in cues):
            cuts.append((f.orig(m.start()), o))
            if BACKGROUND_OF.search(m.group()) or f.norm.startswith(("محاوله", "لمحاوله"), m.end()):
                # (also after an attempt that led to it: "اشتباكات ... بعد محاولة اعتقال مطلوب،
                # ما أدى إلى مقتل منتسب ومسلحين اثنين")
                # "على خلفية اغتيال أحد قادتها قبل يومين، ما أسفر عن مقتل اثنين": the cause is
                # told in passing; the result clause after it is the main act's again
                result = RESULT_CLAUSE.search(f.norm, m.end())
                if result is not None:
                    cuts.append((f.orig(result.start()), f.orig(result.start()) + 1, False))
            # "على خلفية اغتيال ناشط الأسبوع الماضي، واقتحموا مبنى المحافظة": a verb of the
            # main subject, after a comma and "و", takes the narrative back from the link
            resumed = next(
                (
                    c
                    for c in cues
                    if c.start > o
                    and RESUMED_VERB.match(f.norm, f.npos(c.start))
                    and f.text[max(0, c.start - 3) : c.start].strip().endswith(("،", ","))
                ),
                None,
            )
            if resumed is not None and SUFFERED_FIRST.match(f.norm):
                # "أصيب 12 منتسبا بعد أن اقتحم محتجون مبنى المجلس، وأضرموا النار فيه": a main
                # clause that only tells who was hurt has no subject to resume; the verb goes
                # on with the link's
                resumed = None
            if resumed is not None:
                cuts.append((resumed.start, resumed.start, False))
    for m in CONCURRENT.finditer(f.norm):
        cuts.append((f.orig(m.start()), f.orig(m.start()) + 1, None))  # None: concurrent
    if "رد" in f.norm:
        for m in ANSWERED_WITH.finditer(f.norm):
            cuts.append((f.orig(m.start()), f.orig(m.start()) + 1, None))
    if "منفصل" in f.norm or "اخر" in f.norm or "ثان" in f.norm or "لاحق" in f.norm:
        for m in ANOTHER_ACT_CLAUSE.finditer(f.norm):
            cuts.append((f.orig(m.start()), f.orig(m.start()) + 1, None))
    if "بعد" in f.norm or "التالي" in f.norm:
        for m in DAYS_LATER.finditer(f.norm):
            if f.norm[m.start()] in "،,":
                # "...، وبعد ثلاثة أيام قتل ضابط ...": a later day's act, a clause of its own
                cuts.append((f.orig(m.start()), f.orig(m.start()) + 1, None))
    if NEW_DAY_AHEAD.search(f.norm):
        for d in f.dates:
            # "استهدفت ثلاثة صواريخ قاعدة عين الأسد، وفي العشرين من الشهر نفسه أسقطت ...":
            # a clause opened by its own day tells another act
            m = NEW_DAY_CLAUSE.search(f.text, max(0, d.start - 8), d.start)
            if m is not None:
                cuts.append((m.start(), m.start() + 1, None))
    for cue in cues:
        # (only an act right after the link: the cue's few characters before it are read)
        ns = f.npos(cue.start)
        before = f.norm[max(0, ns - 28) : ns]
        m = v.prior_relative.search(before) if contains_any(before, RELATIVE_STEMS) else None
        if m is not None:
            o = f.orig(ns - len(before) + m.end())
            start = f.orig(ns - len(before) + m.start())
            # "الذين شاركوا في الهجوم على ... الخميس الماضي، بضربة جوية": the act they took
            # part in, to the next comma (then the main clause again)
            comma = _CLAUSE_COMMA.search(f.text, cue.end)
            while comma is not None and RELATIVE_GOES_ON.match(f.text, comma.end()):
                comma = _CLAUSE_COMMA.search(f.text, comma.end())  # "، والذي أسفر عن ..."
            cuts.append((start, o, RELATIVE))
            if comma is not None:
                cuts.append((comma.start(), comma.end(), False))
            break
    if not cuts:
        return [(0, len(f.text), False)]
    cuts = [(c[0], c[1], c[2] if len(c) > 2 else True) for c in cuts]
    cuts.sort()
    out = []
    pos = 0
    prior = False
    for s, e, is_prior in cuts:
        if s > pos:
            out.append((pos, s, prior))
        pos, prior = e, is_prior
    out.append((pos, len(f.text), prior))
    # a prior clause runs until the next comma-free main clause; good enough: to the next cut
    return out


def event_places(f: Facts) -> list:
    """The places of a sentence that can be where something happened.

    A country named after an affiliation word ("الموالية لإيران", "المدعومة من إيران",
    "الحدودية مع سوريا") is who backs whom or a border, not the event's location.
    """
    got = f._memo.get("places")
    if got is None:
        got = f._memo["places"] = _event_places(f)
    return list(got)


# one or some of them, right after the verb that stopped them (or its subject)
# "معظم الصواريخ اعترضتها الدفاعات": the share stopped, named before the stopping
PARTLY_BEFORE = compile_guarded(_n(r"(?:^|\s)(?:معظم|اغلب|غالبيه|بعض)\s+(?:ال)?\S+\s+(?:\S+\s+)?$"))
PARTLY = compile_guarded(
    _n(
        r"^\s*(?:\S+\s+){0,3}?(?:احداهما|احدهما|احداها|احدها|بعضها|بعضهما|معظمها|اغلبها|"
        r"(?:احدي|احد)\s+(?:ال)?\S+(?:تين|ين|تان|ان)|"
        # "اعتراض اثنين منها، فيما سقط الثالث": a count of them
        r"(?:اثنين|اثنتين|اثنان|اثنتان|ثلاثه|ثلاث|اربعه|اربع|خمسه|خمس|سته|ست|سبعه|سبع|ثمانيه|ثماني|\d+)\s+منها)(?=[\s،.]|$)"
    )
)


def _partly_stopped(f: Facts, cues: list) -> bool:
    stops = [c for c in cues if c.category in _STOPS]
    return any(
        PARTLY.match(f.norm[f.npos(c.end) : f.npos(c.end) + 60])
        or PARTLY_BEFORE.search(f.norm[max(0, f.npos(c.start) - 30) : f.npos(c.start)])
        for c in stops
    )


def _killed_some(f: Facts) -> bool:
    cas = f.casualties
    return cas is not None and cas.killed is not None and bool(cas.killed.best)


def _has_toll(f: Facts) -> bool:
    cas = f.casualties
    return cas is not None and any(c is not None and c.best for c in (cas.killed, cas.wounded))


# "قرية الرشاد بقضاء المقدادية": the district a place is said to lie in
CONTAINED_IN = compile_guarded(
    _n(r"\s*،?\s*(?:ب|في\s+|التابعه\s+ل|التابع\s+ل|ضمن\s+)?(?:قضاء|ناحيه|محافظه|مدينه)\s")
)


def _contained_elsewhere(f: Facts, p) -> bool:
    """Is `p` said to lie in a district or governorate of another governorate? (a village
    that shares its name with a place of the gazetteer: the district named is right)"""
    if p.governorate is None:
        return False
    pe = f.npos(p.end)
    for q in f.places:
        if q.start >= p.end and q.governorate is not None and q.governorate != p.governorate:
            qs = f.npos(q.start)
            # (the place found may begin with the district word: "بقضاء المقدادية")
            if qs - pe <= 16 and CONTAINED_IN.match(f.norm, pe, qs + 8):
                return True
    return False


# a quarter's word before its name, and a city's or a governorate's before the scene's name
QUARTER_WORD = compile_guarded(_n(r"(?:^|\s)(?:و|ب|في\s+)?(?:حي|منطقه|محله|سوق|شارع|ساحه)\s+$"))
QUARTER_NAMED = compile_guarded(_n(r"(?:و|ب)?(?:حي|منطقه|محله|سوق|شارع|ساحه)\s"))
SCENE_WORD = compile_guarded(_n(r"(?:^|\s)(?:و|ب|ل|في\s+)?(?:مدينه|محافظه)\s+$"))
SCENE_NAMED = compile_guarded(_n(r"(?:و|ب|ل)?(?:مدينه|محافظه)\s"))


def _quarter_of_city_named(f: Facts, p) -> bool:
    """Is `p` a quarter told after the city of another governorate, none of its own named
    ("شهدت مدينة كركوك ... في منطقة الواسطي وحي الشورجة")? The quarter is that city's
    namesake (quarters' names recur from city to city), not the gazetteer's."""
    if p.kind not in ("landmark", "district") or p.governorate is None:
        return False
    ps = f.npos(p.start)
    if not (QUARTER_WORD.search(f.norm[max(0, ps - 12) : ps]) or QUARTER_NAMED.match(f.norm, ps)):
        return False
    if any(q.governorate == p.governorate and q is not p for q in f.places):
        return False
    for q in f.places:
        if (
            q.end <= p.start
            and p.start - q.end <= 150
            and q.kind in ("city", "governorate")
            and q.country == "Iraq"
            and q.governorate is not None
        ):
            qs = f.npos(q.start)
            if SCENE_WORD.search(f.norm[max(0, qs - 14) : qs]) or SCENE_NAMED.match(f.norm, qs):
                return True
    return False


def _event_places(f: Facts) -> list:
    out = []
    beside = []
    places = f.places
    if places and f.actors:
        # "وحدات مقاومة سنجار", "شرطة البصرة": a place inside an actor's name is no site
        # of the event when another place is named
        # (a foreign place stays: "طهران" named as an actor still tells an event abroad)
        inside = [
            p
            for p in places
            if p.country == "Iraq"
            and p.kind in ("city", "district", "governorate", "country")  # (an embassy or a base is the site)
            and any(
                a.start <= p.start
                and p.end <= a.end
                # a country inside a group's own name ("المقاومة الإسلامية في العراق"), not
                # where forces are ("قوات أمريكية في العراق وسوريا")
                and (p.kind != "country" or getattr(a, "kind", "") == "name")
                for a in f.actors
            )
        ]
        if inside and len(inside) < len(places):
            places = [p for p in places if p not in inside]
        elif any(p.kind == "country" for p in inside):
            # "المقاومة الإسلامية في العراق" alone: its name places no act in Iraq (a
            # city in a name may still be where: "قتل شرطي من شرطة البصرة")
            places = [p for p in places if not (p in inside and p.kind == "country")]
    if places and any(p.country == "Iraq" for p in places) and "foreign_war" in f.flags():
        # "هاجموا مطعما في الكرادة ببغداد ... احتجاجا على الحرب في غزة": the other war the
        # act protests is no site of it
        wars = [c for c in f.cues if c.category == "foreign_war"]
        places = [
            p
            for p in places
            if p.country == "Iraq" or not any(c.start <= p.start and p.end <= c.end for c in wars)
        ]
    dateline = None
    for p in places:
        if (p.start <= 2 or f.text[max(0, p.start - 1)] == "\n") and DATELINE.match(
            f.text[p.end : p.end + 4]
        ):
            dateline = p
            continue  # "بغداد - ...": where the wire story was filed
        ns = f.npos(p.start)
        before = f.norm[max(0, ns - 50) : ns]
        if LAUNCHED_FROM.search(before):
            continue  # "أطلق من منطقة ...": where the rockets came from, not where they hit
        if contains_any(before, TAKEN_STEMS) and TAKEN_TO.search(before):
            continue  # "نقلت ... إلى العراق": where the dead were taken afterwards
        if (
            NEAR_LOCATOR.search(before[-16:])
            and PLACE_RANK.get(p.kind, 1) >= 5
            and any(
                q is not p
                and q.end <= p.start
                and p.start - q.end <= 40
                # (or a district: "في منطقة الرضوانية قرب مطار بغداد الدولي")
                and (
                    PLACE_RANK.get(q.kind, 1) >= 5
                    or (q.kind == "district" and q.governorate == p.governorate)
                )
                for q in places
            )
        ):
            continue  # "قاعدة فكتوريا العسكرية قرب مطار بغداد": the airport tells where the base is
        if (
            contains_any(before, CHARGE_STEMS)
            and (charged := CHARGED_WITH.search(before))
            and not SITELESS_CHARGE.search(charged.group())
        ):
            continue  # "بتهمة إطلاق صواريخ على السفارة": where the charged act was, not the arrest
        if NOT_THE_SITE.search(before[-30:]):
            if (
                ADJACENT_TO.search(before[-30:])
                and p.country == "Iraq"
                and p.kind not in ("governorate", "country", "region")
            ):
                beside.append(p)  # "في قرية محاذية لناحية العظيم": near it, when nothing else is named
            continue
        if contains_any(before[-50:], PLAN_STEMS) and PLANNED_ACT.search(before[-50:]):
            continue  # "إرهابيا كان يخطط لتنفيذ هجمات في بغداد": where acts were planned for
        if p.country != "Iraq" and contains_any(before, ANSWERED_STEMS) and ANSWERED.search(before):
            continue  # "ردا على الجرائم في غزة", "نصرة لأهلنا في غزة": the cause, not the site
        if _contained_elsewhere(f, p) or _quarter_of_city_named(f, p):
            continue
        if p.name_en.endswith(" border") and any(
            q.kind == "country"
            and q.country not in p.name_en.removesuffix(" border").split("-")
            and q.end <= p.start
            and p.start - q.end <= 25
            for q in places
        ):
            continue  # "في شمال شرقي الأردن قرب الحدود السورية": a third country's border
        if p.kind == "country" or p.governorate is None:
            if AFFILIATION.search(before[-30:]):
                continue
            if (
                p.kind == "country"
                and not LOCATIVE.search(before[-12:])
                and not LOCATIVE_CLITIC.match(f.norm[ns : ns + 2])
                and not re.search(r"(?:^|\s)(?:و|ف)?(?:ب|و)$", before)
            ):
                continue  # "اعترفت إسرائيل", "رد إيران": a state acting, not a location
        if (
            p.kind in ("city", "governorate")
            and DIRECTION.search(before[-12:])
            and any(
                q is not p
                and q.country == "Iraq"
                and q.governorate
                and q.kind in ("district", "city", "base", "airport", "landmark", "crossing")
                and q.end <= p.start
                and len(f.text[q.end : p.start].split()) <= 2
                for q in places
            )
        ):
            # "في منطقة جرف النصر جنوب بغداد", "قضاء الدبس شمال غربي كركوك": the side of a city
            # a named place lies on locates that place (its governorate is its own)
            continue
        if (
            p.kind == "city"
            and DIRECTION.search(before[-12:])
            and not IN_A_HOOD.search(before[-40:])
            and _near_another_governorate(p.name_en, _bearing_of(before[-24:]))
            # "ذي قار/ ... غربي الناصرية": the lead's dateline names the city's governorate
            and not any(q.start <= 2 and q.governorate == p.governorate for q in f.places if q is not p)
        ):
            # "جنوبي بغداد": somewhere near the city, maybe in another governorate (Kalsu,
            # "50 km south of Baghdad", is in Babil); "شمال محافظة بابل" stays in Babil
            p = _replace(p, governorate=None, kind="region")
        out.append(p)
    if not out and beside:
        # the place an unnamed village or area lies next to locates it (its governorate is
        # most likely that place's; a governorate or a border named as the neighbour does not)
        out.append(beside[0])
    if not out and dateline is not None and dateline.governorate not in (None, "Baghdad"):
        # "صلاح الدين - دمرت طائرات القوة الجوية مضافة لداعش في وادي الثرثار" (a valley the
        # gazetteer lacks): a provincial dateline and no other place is the province (the
        # capital's datelines head national reports: ministries, agencies)
        out.append(_replace(dateline, kind="governorate") if dateline.kind != "governorate" else dateline)
    return out


# "أقدم", "قام": proceeded to (an act, told after "على" or "ب")
_PROCEEDED_VERB = r"(?:^|\s)(?:و|ف)?(?:اقدم|اقدمت|اقدموا|قام|قامت|قاموا)\s+"
# "أقدم عناصر من داعش على قتل ثلاثة رعاة", "قام مسلحون بإعدام": who proceeded to kill
KILLING_DONE = compile_guarded(
    _n(_PROCEEDED_VERB + r"(?:\S+\s+){0,5}?(?:علي\s+|ب)(?:قتل|اعدام|اغتيال|تصفيه|ذبح)")
)
# the forces as the subject of an arrest verb with the arrested as its pronoun ("تعتقله")
ARRESTER_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)(?:ان\s+|و)?(?:تعتقله|تعتقلهم|تعتقلهما|اعتقلته|اعتقلتهم|اعتقلتهما|يعتقله|تلقي\s+القبض\s+عليه)\s+$"
    )
)
# the forces that stepped in to end the fight ("قبل أن تتمكن قوة من الجيش من فضه", "تدخلت قوة
# أمنية لفض النزاع"): no party to it
INTERVENER_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:تدخلت|تدخل|تتدخل|يتدخل|تمكنت|تتمكن|تمكن|يتمكن|هرعت|سارعت)\s+"
        r"(?:(?:قوه|قوات|مفرزه|مفارز|دوريه|دوريات|وحدات)\s+(?:من\s+)?)?(?:ال)?$"
    )
)
TO_END_IT = compile_guarded(
    _n(r"^\s*(?:\S+\s+){0,3}?(?:ل|من\s+)(?:فض|فضه|فضها|احتواء|احتوائه|تطويق|انهاء|ايقاف|وقف)(?:\s|$|[،.])")
)
# "قبل أن تتدخل القوات الأمنية وتعتقل عددا من المتورطين": what the force that stepped in did
INTERVENED_AND = compile_guarded(
    _n(
        r"^\s*(?:\S+\s+){0,2}?و(?:تعتقل|اعتقلت|تطوق|طوقت|تفرض|فرضت|تلقي|القت|تسيطر|سيطرت|تفض|فضت|تفرق|فرقت)"
        r"(?:\s|$)"
    )
)
ARREST_VERB_BEFORE = compile_guarded(_n(r"(?:^|\s)(?:و|ف|وقد\s+|قد\s+)?(?:القت|القي|تلقي|يلقي)\s+$"))
# who survived an attempt ("نجا X من", "نجاة X من"): right before the actor
SURVIVOR = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?(?:نجا|نجت|نجيا|نجوا|ينجو|تنجو|نجاه)\s+$"))
# "أقدم X على مهاجمة ...", "قام X بإحراق ...": X proceeded to the act (its subject, right
# after the verb; its appositions and up to six words between)
# (or a band of the group's: "أقدمت خلية نائمة لتنظيم داعش على قتل")
PROCEEDED = compile_guarded(
    _n(
        _PROCEEDED_VERB
        + r"(?:(?:خليه|خلايا|مجموعه|مجموعات|عصابه|مفرزه|زمره)(?:\s+(?!ل)\S+)?\s+(?:ل|لل|من\s+)?)?(?:ال)?$"
    )
)
_PROCEEDED_ACTS = (
    "مهاجمه",
    "الهجوم",
    "الاعتداء",
    "اقتحام",
    "احراق",
    "حرق",
    "قتل",
    "اغتيال",
    "اطلاق",
    "استهداف",
    "تفجير",
    "خطف",
    "اختطاف",
    "اعدام",
    "تصفيه",
    "ضرب",
    "رشق",
    "قصف",
)
PROCEEDED_STEMS = tuple(_n(w) for w in _PROCEEDED_ACTS)
PROCEEDED_TO_ACT = compile_guarded(
    _n(r"(?:[\s،,]+\S+){0,6}?[\s،,]+(?:علي\s+|ب)(?:ال)?(?:" + "|".join(_PROCEEDED_ACTS) + r")(?:\s|$)")
)


# "أطلقت قوات حرس الحدود الإيرانية النار على مجموعة من العتالين": a named force opened fire
# on people (its subject between the verb and the fire)
FORCE_FIRED_ON = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?(?:اطلق|اطلقت|اطلقوا|فتح|فتحت|فتحوا)\s+(?:\S+\s+){1,5}?النار\s+(?:علي|باتجاه|صوب)\s")
)


# the first verb after a force (up to three words between) is one of arresting: "قوة أمنية
# طوقت المنطقة واعتقلت ..."; a verb of another act before it ("اشتبكت ... واعتقلت") is not
ARRESTER_AFTER = compile_guarded(
    _n(
        r"^[\s»\"”)]*(?:(?!(?:و|ف)?(?:اشتبك|هاجم|استهدف|قصف|قتل|اطلق|فتح)\S*\s)\S+\s+){0,3}?(?:و|ف|قد\s+)?"
        r"(?:اعتقلت|اعتقلوا|اعتقل|القت\s+القبض|القوا\s+القبض|قبضت)(?:\s|$)"
    )
)


def _arrester(f: Facts, r: Role) -> bool:
    """The force of role `r` is read as the subject of an arrest verb (read_roles counts
    the arrester a perpetrator, as a raid's is)."""
    if r.role != "perp" or r.actor_id not in ("iraqi_security_forces", "peshmerga") or r.strength >= 3.0:
        return False
    start = r.pos % 100_000
    for a in f.actors:
        if a.start == start and a.actor_id == r.actor_id:
            ne = f.npos(a.end)
            return ARRESTER_AFTER.match(f.norm[ne : ne + 80]) is not None
    return False


# whom an arrest took, told right after its verb: the ones accused of the act just told
ARRESTED_KILLERS = compile_guarded(
    _n(
        r"\s*(?:على\s+)?(?:(?:احد|اثنين|اثنان|عدد|بعض|جميع|كل)\s+(?:من\s+)?)?(?:ال)?"
        r"(?:متهم|متهمين|متهمون|جاني|جناه|قاتل|قتله|متورط\S*|منفذي|منفذ|مشتبه)(?:\s|$|[،,.])"
    )
)


def _arrest_of_killers(f: Facts, cues: list) -> bool:
    """The sentence's only acts are arrests that took the accused of a killing told before
    them ("قتل مسلحون مجهولون صاحب محل ...، وقالت الشرطة إنها اعتقلت أحد المتهمين")."""
    if not all(c.category == "sub_event:Arrests" for c in cues):
        return False
    first = min(c.start for c in cues)
    return any(c.category == "casualties" and c.start < first for c in f.cues) and all(
        ARRESTED_KILLERS.match(f.norm, f.npos(c.end)) for c in cues
    )


def _two_armed_sides(roles: list[Role]) -> bool:
    """The roles name two armed sides, one read as each side of a fight (at the strength
    the clash grammar gives, "اشتباكات بين X و Y", "اشتبك X مع Y")."""
    perps = {
        r.actor_id for r in roles if r.role == "perp" and r.actor_id in CLASH_SIDES and r.strength >= 1.8
    }
    targets = {
        r.actor_id for r in roles if r.role == "target" and r.actor_id in CLASH_SIDES and r.strength >= 1.8
    }
    return bool(perps) and bool(targets - perps)


def _killers_tell(f: Facts) -> bool:
    """A force tells the dead it made: "قتلت القوات الأمنية ثلاثة إرهابيين", "أعلنت قيادة
    العمليات المشتركة مقتل ثلاثة إرهابيين" (no attack word: the killing is the act)."""
    for a in f.actors:
        if a.actor_id == "unknown":
            continue
        if _killer(f, a):
            return True
        if _announces_dead(f, a):
            return True
        if _own_act_announced(f, f.npos(a.start), f.npos(a.end)):
            return True  # "أعلنت القيادة عن نتائج عملية ... أسفرت عن قتل تسعة إرهابيين"
        if _operation_by(f, a):
            return True  # "قتل ثلاثة من عناصر داعش في عملية مشتركة لقوات البيشمركة والجيش"
    return False


def _operation_by(f: Facts, a) -> bool:
    """The force `a` is whose operation the sentence tells ("في عملية مشتركة لقوات البيشمركة":
    the "ل" may be the name's own clitic)."""
    if not _force(f, a):
        return False
    ns = f.npos(a.start)
    if "عملي" not in f.norm[max(0, ns - 50) : ns]:
        return False
    op = OPERATION_OF.search(f.norm[max(0, ns - 50) : ns])
    return op is not None and bool(op.group(1) or f.norm.startswith("ل", ns))


# the force whose operation it was: "في عملية مشتركة لقوات البيشمركة", "خلال عملية نفذتها"
OPERATION_OF = compile_guarded(
    _n(
        r"(?:^|\s)(?:في|خلال|اثناء|ب)\s*(?:ال)?(?:عمليه|عمليات)\s+(?:\S+\s+){0,2}?"
        r"(ل|لل|نفذتها|نفذها|تنفذها|قامت\s+بها|شنتها)?\s*(?:ال)?$"
    )
)


# "استهدفت المقاومة الإسلامية قاعدة التنف ...، بحسب بيان للمقاومة": the act told after the
# group's own statement (named in full, or by the first word of its name)
OWN_STATEMENT = compile_guarded(_n(_ACCORDING_TO + r"(?:بيان|بلاغ)\s+(?:لل|ل|ال)?(\S+)"))


def _told_in_its_own_statement(f: Facts, roles: list[Role]) -> bool:
    """Is the act's named perpetrator the one whose statement the sentence cites?"""
    if "بيان" not in f.norm and "بلاغ" not in f.norm:
        return False
    perps = {r.actor_id for r in roles if r.role == "perp" and r.strength >= 2.5 and r.actor_id != "unknown"}
    if not perps:
        return False
    heads = set()
    for a in f.actors:
        if a.actor_id in perps:
            heads.update(w.removeprefix("ال") for w in f.norm[f.npos(a.start) : f.npos(a.end)].split()[:1])
    for m in OWN_STATEMENT.finditer(f.norm):
        if m.group(1).removeprefix("ال").rstrip("،.,") in heads or any(
            a.actor_id in perps and abs(f.npos(a.start) - m.start(1)) <= 3 for a in f.actors
        ):
            return True
    return False


def _supporters_of(r: Role, roles: list[Role]) -> bool:
    """A crowd role read from "أنصار X" where X, a faction, is read as acting right after it."""
    return any(q.role == "perp" and q.actor_id in IRAQI_FACTIONS and 0 < q.pos - r.pos <= 12 for q in roles)


DAY_PREPOSITION = compile_guarded(
    _n(r"(?:^|(?<=[\s،,]))(?:في|يوم|مساء|صباح|فجر|ليله|ليل|ظهر|عصر)(?=[\s،,]|$)")
)


def _object_after_subject(f: Facts, a) -> bool:
    """Does the actor follow the subject of a clause-opening verb of force (VSO_VERB) with
    nothing but a time between them? It is then the verb's object."""
    prev = max((o for o in f.actors if o is not a and o.end <= a.start), key=lambda o: o.end, default=None)
    if prev is None or f.text.startswith("و", a.start):
        return False  # (and the next of a list: "عناصر من داعش والقاعدة")
    ps = f.npos(prev.start)
    if not VSO_VERB.search(f.norm, max(0, ps - 40), ps):
        return False
    gap = f.text[prev.end : a.start]
    for d in f.dates:
        if prev.end <= d.start and d.end <= a.start:
            gap = gap.replace(f.text[d.start : d.end], " ")
    if not any(ch.isalnum() for ch in gap):
        return True
    # (with its preposition: "، في الرابع من كانون الثاني،")
    words = [w for w in gap.split() if any(ch.isalnum() for ch in w)]
    return len(words) <= 2 and not any(ch.isalnum() for ch in DAY_PREPOSITION.sub(" ", normalize(gap)))


def _killer(f: Facts, a) -> bool:
    """The force is the subject of an active killing verb right before or after it."""
    ns, ne = f.npos(a.start), f.npos(a.end)
    if not _force(f, a):
        return False
    before = f.norm[max(0, ns - 26) : ns]
    return bool(
        KILLER_VERB.search(before)
        or KILLER_AFTER.match(f.norm[ne : ne + 24])
        or (MANAGED_VERB.search(before) and MANAGED_KILL.match(f.norm[ne : ne + 50]))
    )


def _announces_dead(f: Facts, a) -> bool:
    """The body announces enemy fighters dead ("أعلنت القيادة مقتل ثلاثة إرهابيين")."""
    ne = f.npos(a.end)
    return _announces(f, f.npos(a.start)) and _kills_after(f.norm[ne : ne + 70])


def _announced_kill(f: Facts, a) -> bool:
    """... dead that no other actor's strike killed: it killed them."""
    return _announces_dead(f, a) and not _struck_by_another(f, a)


def _head_word(f: Facts, a) -> str:
    """The first word of an actor's hit, clitics off ("غارة" of "غارة أمريكية", "مقر" of
    "مقر الحشد")."""
    return _head_of(f.norm[f.npos(a.start) : f.npos(a.end)])


def _head_of(hit: str) -> str:
    """... of the normalized hit."""
    return hit.split(" ", 1)[0].lstrip("وفبلك")


def _struck_by_another(f: Facts, a) -> bool:
    """Another actor's strike is named after `a`: "أعلنت مديرية مكافحة الإرهاب في الإقليم
    مقتل ثلاثة من عناصر حزب العمال بغارة لطائرة مسيرة تركية" (the announcer only tells it)."""
    for o in f.actors:
        if o.start >= a.end and o.actor_id not in (a.actor_id, "unknown"):
            head = _head_word(f, o)
            if MEMBER_WEAPON.search(head) or head in ATTACK_HEADS:
                return True
    return False


# a report of an act denied ("نفت ... الأنباء التي تحدثت عن تعرض قاعدة ... لهجوم", "لا صحة
# لما تداولته بعض المواقع عن سقوط صواريخ")
OCCURRENCE_DENIED = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:نفي|نفت|ينفي|تنفي|نفوا)\s+(?:\S+\s+){0,6}?"
        r"(?:الانباء|الاخبار|التقارير|الشائعات|المعلومات|الادعاءات|ما\s+تداولته|ما\s+تناقلته|ما\s+اشيع|صحه)"
        r"|(?:^|\s)لا\s+صحه\s+(?:ل|لل|لما)|عار(?:يه)?\s+عن\s+الصحه"
        # the act itself denied: "نفى الحشد الشعبي تعرض مقاره لأي قصف جوي", "نفت الوزارة وقوع
        # أي هجوم" (not its toll: "نفت وقوع إصابات")
        r"|(?:^|\s)(?:و)?(?:نفي|نفت|ينفي|تنفي|نفوا)\s+(?:\S+\s+){0,6}?(?:تعرض|وقوع|حدوث)\s+"
        r"(?!(?:اي\s+)?(?:اصابات|اصابه|ضحايا|خسائر|قتلي|جرحي|اضرار)(?:\s|$))"
    )
)
OCCURRENCE_DENIED_STEMS = ("نفي", "نفت", "نفوا", "ينفي", "تنفي", "صحه")
# "تكرار القصف", "استمرار الهجمات": acts repeated, a series
REPEATED_ACT = compile_guarded(_n(r"(?:^|\s)(?:و|ب|ل)?(?:تكرار|تكرر|استمرار|تواصل|توالي)\s+$"))
REPEATED_STEMS = ("تكر", "استمرار", "تواصل", "توالي")


# "ولم تعلن أي جهة مسؤوليتها عن القصف": no one claimed it
NO_CLAIM = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:لم|لا)\s+(?:تعلن|يعلن|تتبن|يتبن|تتبني|يتبني)\s+(?:اي|ايه)\s+"
        r"(?:جهه|طرف|فصيل|جماعه|مجموعه)\s+(?:\S+\s+){0,2}?(?:مسووليتها|مسووليته|المسووليه|تبنيها|الهجوم|القصف|العمليه)?"
    )
)


def without_denied_claims(text: str, cues: list) -> list:
    """The cues of a sentence without the claim cues a negation takes back ("لم تعلن أي جهة
    مسؤوليتها": the claim stems are there, the claim is not)."""
    if not any(c.category == "claim" for c in cues) or ("لم" not in text and "لا" not in text):
        return cues
    try:
        t = prepare(text)
        spans = [(t.orig(m.start()), t.orig(m.end() - 1) + 1) for m in NO_CLAIM.finditer(t.norm)]
    except Exception:  # noqa: BLE001 - a filter must not lose the sentence's cues
        return cues
    if not spans:
        return cues
    return [c for c in cues if not (c.category == "claim" and any(lo <= c.start < hi for lo, hi in spans))]


# an act's place in a series, told after it ("وهو الهجوم الثاني خلال الشهر الجاري", "في
# الهجوم الثالث من نوعه خلال أسبوع"): the period that follows is the series', not a tally
SERIES_PLACE = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف|ب|في\s+)?(?:ال)?(?:هجوم|هجمات|استهداف|تفجير|حادث|حادثه|عمليه|اعتداء|قصف|ضربه|غاره)"
        # (or "في حادثة هي الثانية من نوعها هذا الشهر")
        r"\s+(?:(?:هي|هو)\s+)?(?:ال)?(?:ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|اول|اخير|احدث)(?:ه)?"
        r"\s+(?:من\s+نوع(?:ه|ها)\s+)?(?=(?:خلال|في|منذ|ضمن|هذا|هذه)\s)"
    )
)
SERIES_STEMS = ("ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر", "اول", "اخير", "احدث")
# the period told right after the series word: up to the clause's end
SERIES_PERIOD = compile_guarded(r"[^،,.؛;]{1,30}")


def series_places(text: str, cues: list) -> tuple[list, list[tuple[int, int]]]:
    """(cues, spans): the cues of a sentence but the aggregate ones that only give the period
    of a series the act is counted in, and the spans of those periods (original offsets;
    a date in one is the series', not the act's: "في حادثة هي الثانية من نوعها هذا الشهر")."""
    if not cues:
        return cues, []
    try:
        t = prepare(text)
        if not contains_any(t.norm, SERIES_STEMS):
            return cues, []
        found = [m.end() for m in SERIES_PLACE.finditer(t.norm)]
        ends = [t.orig(e) for e in found]
        tails = [
            (t.orig(e), t.orig(e + len(p.group()))) for e in found if (p := SERIES_PERIOD.match(t.norm, e))
        ]
    except Exception:  # noqa: BLE001 - a filter must not lose the sentence's cues
        return cues, []
    if not ends:
        return cues, []
    periods = [c for c in cues if c.category == "aggregate" and c.start in ends]
    return [c for c in cues if c not in periods], [(c.start, c.end) for c in periods] + tails


# a burst of acts named as a series ("سلسلة تفجيرات"), and the one night or day it happened in
BURST = compile_guarded(_n(r"^(?:ال)?(?:سلسله|موجه)\s"))
ONE_DAY = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|في\s+)?(?:ليله|ليل|مساء|صباح|فجر|ظهر|عصر|ظهيره|الليله|يوم)\s+"
        r"(?:امس|البارحه|اليوم|(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه))(?=\s|$|[،,.])"
    )
)


# an aircraft's model before its number ("طائرات إف-16 ضربة جوية": no "16 strikes")
MODEL_BEFORE = compile_guarded(r"(?:إف|اف|أف|ف|F|f|سو|ميغ|ام|إم|MQ|mq)\s*-?\s*$")


def model_numbers(text: str, cues: list) -> list:
    """The cues of a sentence but a count of acts whose number is an aircraft's model."""
    if not any(c.category == "aggregate" for c in cues):
        return cues
    return [
        c
        for c in cues
        if not (
            c.category == "aggregate"
            and c.surface[:1].isdigit()
            and MODEL_BEFORE.search(text[max(0, c.start - 6) : c.start])
        )
    ]


def one_day_burst(text: str, cues: list) -> list:
    """The cues of a sentence but a series noun that names acts of one night or day ("شهدت
    المدينة، ليلة أمس، سلسلة تفجيرات ... أسفرت عن إصابة أربعة"): one burst is an event, with its
    toll, not a running series -- when the sentence names no other aggregate."""
    aggregates = [c for c in cues if c.category == "aggregate"]
    if len(aggregates) != 1 or not BURST.match(normalize(aggregates[0].surface)):
        return cues  # (most sentences: no aggregate at all)
    if not ONE_DAY.search(normalize(text)):
        return cues
    return [c for c in cues if c is not aggregates[0]]


# a verb carrying its object's pronoun right before "قبل أيام" ("ثلاثة مواطنين اختطفوهم قبل أيام")
OBJECT_VERB_BEFORE = compile_guarded(_n(r"\S{3,}(?:هم|هما|ها|ه)\s+$"))


def _earlier_anywhere(f: Facts, v, cues: list, until: int | None = None) -> bool:
    """An earlier time anywhere in the sentence ("قبل أيام", "في وقت سابق") makes its act a
    recounted one -- unless the time qualifies a relative clause told after the act, its verb
    carrying its object ("أقدم عناصر من داعش على إعدام ثلاثة مواطنين اختطفوهم قبل أيام": the
    kidnapping was days ago, the execution is the news). `until`: read the sentence up to
    there only (the occasion it names after its act)."""
    m = v.background_anywhere.search(f.norm, 0, len(f.norm) if until is None else until)
    if m is None:
        return False
    at = m.start() + (m.group()[:1].isspace())
    if not OBJECT_VERB_BEFORE.search(f.norm, max(0, at - 20), at):
        return True
    return not any(f.npos(c.start) < at - 20 and _specific(c) for c in cues)


def _kills_after(after: str) -> bool:
    """What an announcing body says next is the enemy fighters it killed."""
    return "قتل" in after and bool(KILLS_ANNOUNCED.match(after))


def frames_of(f: Facts, published: dt.date | None, opts: ExtractOptions) -> list[Frame]:
    """The event frames one sentence reports (usually 0 or 1)."""
    if not f.cues:
        return []  # every frame hangs on a cue: most sentences end here
    v = vocab()
    flags = f.flags()
    cues = occurrence_cues(f)
    if (
        # (an arrest of the accused after the killing told is no act of its own; a hostage
        # freed is none: "أطلق سراح التاجر المختطف، إثر عملية أسفرت عن مقتل اثنين من الخاطفين")
        (not cues or _arrest_of_killers(f, cues) or all(_freed(f, c) for c in cues))
        and not flags & ({"aggregate", "foreign_war"} | STANCE)
        and any(c.category == "casualties" for c in f.cues)
        and _has_count(f)
        and (
            "perpetrator" in flags
            or any(a.actor_id == "unknown" for a in f.actors)
            or (f.actors and KILLING_DONE.search(f.norm))
            or _killers_tell(f)
            or ("النار" in f.norm and FORCE_FIRED_ON.search(f.norm))
        )
    ):
        # "قتل عنصران على يد مسلحين", "أطلق مسلحون مجهولون النار ... ما أسفر عن مقتل": a
        # killing by named attackers is an event even without an attack noun
        cues = [c for c in f.cues if c.category == "casualties"][:1]
        if cues:
            cues = [_as_attack(cues[0])]
    if not cues:
        return []  # every frame is cut from a cue of its clause (the loop below needs one)
    if not any(c.category.startswith("sub_event:") or c.category in OCCURRENCE_CATEGORIES for c in cues):
        # weapons named alone ("يحملون الأسلحة الخفيفة") are no event; fired AT someone, or
        # with casualties, they are
        fired = any(
            SHOT_AT.match(f.norm[f.npos(c.end) : f.npos(c.end) + 25])
            # "تعرض مرشح للانتخابات لإطلاق نار من قبل مجهولين": someone subjected to the fire
            or (
                "تعرض" in f.norm
                and normalize(c.surface).startswith("لا")
                and SUBJECTED_TO.search(f.norm[max(0, f.npos(c.start) - 70) : f.npos(c.start)])
            )
            for c in cues
        )
        if not fired and not _has_count(f):
            return []
    if "accident" in flags and not _strike_suspected(f):
        return []
    if contains_any(f.norm, OCCURRENCE_DENIED_STEMS) and (denied := OCCURRENCE_DENIED.search(f.norm)):
        # "نفت قيادة العمليات الأنباء التي تحدثت عن تعرض قاعدة عين الأسد لهجوم": what is
        # denied did not happen
        cues = [c for c in cues if f.npos(c.start) < denied.start()]
        if not cues:
            return []
    if (
        contains_any(f.norm, REPEATED_STEMS)
        and ("aggregate" in flags or (not f.dates and not _has_count(f)))
        and all(REPEATED_ACT.search(f.norm[max(0, f.npos(c.start) - 16) : f.npos(c.start)]) for c in cues)
    ):
        # "ناقش البرلمان تكرار القصف التركي ... الذي أسفر منذ بداية العام عن مقتل": a series
        return []
    if "aggregate" in flags and contains_any(f.norm, TALLY_STEMS) and TALLY.search(f.norm):
        return []  # "حصيلة العمليات خلال الأسبوع الماضي ... في عمليات متفرقة": a tally of many
    if (
        "aggregate" in flags
        and "عملي" in f.norm
        and OPERATIONS_COUNTED.search(f.norm)
        and _named_site_count(f) < 2
    ):
        # "نفذت خلال الأسبوع الماضي 35 عملية ضد بقايا داعش في عدة محافظات": a period's
        # count of operations (counted at two named sites or more, they are told one by one)
        return []
    frames: list[Frame] = []
    occasion = _occasion_at(f) if "background" in flags else None
    sentence_background = (
        bool(v.background_start.search(f.norm))
        # (the anniversary a fresh act coincides with is its occasion, no earlier time of it:
        # "قتل شرطي بهجوم مسلح تزامنا مع ذكرى تأسيس الشرطة")
        or _earlier_anywhere(f, v, cues, None if occasion is None else f.npos(occasion))
        or ("background" in flags and occasion is None and _recalls(f))
        # "وقد تبنى تنظيم داعش التفجير حينها": "then", of the act named again ("the bombing")
        # and nothing new: the act recalled
        or ("then" in flags and _all_definite(f, cues))
    ) and not (
        # "وكان مصدر أمني قال، في وقت سابق من الجمعة، إن انفجارا وقع في القاعدة": what was
        # said earlier, not an earlier act (the act told has its own day, if any)
        f.norm.startswith(("وكان", "كان")) and SAID_EARLIER.match(f.norm)
    )
    new_event = bool(v.new_event.search(f.norm))
    all_places = event_places(f)
    clauses = _clause_bounds(f, cues)
    if occasion is not None:
        # (the act remembered, told after its anniversary, is none of the fresh act's)
        clauses = [(lo, min(hi, occasion), prior) for lo, hi, prior in clauses if lo < occasion]
        all_places = [p for p in all_places if p.start < occasion]
    # a clause "بعد / إثر / ردا على <event>" holds an earlier event only when the main
    # clause itself reports one; after a threat or a statement it IS the news
    main_has_event = any(
        prior is False  # (not a concurrent clause: "فيما ردت قوات الأمن بالغاز")
        and (
            # (a hostage freed is no act: "أطلق سراح المهندس المختطف ... إثر عملية نوعية")
            any(_in(c.start, lo, hi) and _specific(c) and not _freed(f, c) for c in cues)
            or COMES_AFTER.search(f.norm[f.npos(lo) : f.npos(hi)])
            # ("نفذت قواتها ضربات على ثلاث منشآت، ردا على هجوم بطائرة مسيرة": strikes carried
            # out are an act of their own, however generic the word)
            or ACT_CARRIED_OUT.search(f.norm[f.npos(lo) : f.npos(hi)])
            # ("قصفت القوات الأمريكية مواقع للفصائل، ردا على هجوم ...": an attack verb with
            # its subject named is an act too)
            or (
                any(_in(c.start, lo, hi) and c.category == "attack" for c in cues)
                and any(r.role == "perp" and r.strength >= 2.8 for r in read_roles(f, lo, hi))
            )
        )
        for lo, hi, prior in clauses
    )
    for lo, hi, prior in clauses:
        ccues = [
            c
            for c in cues
            if _in(c.start, lo, hi)
            and not _fire_burned(f, c)
            and not _protested(f, c)
            and not _freed(f, c)
            and not _instrument_of(f, c)
        ]
        if not ccues:
            continue
        sub, weapon, interception = _sub_event_of(ccues, f)
        if (
            sub == "Armed clash"
            and any(a.actor_id == "protesters" and _in(a.start, lo, hi) for a in f.actors)
            and not any(a.actor_id in ARMED_PERPS - {"unknown"} for a in f.actors)
            and (
                any(c.category == "sub_event:Excessive force against protesters" for c in cues)
                # "جثمان المتظاهر الذي توفي متأثرا بجروح أصيب بها خلال مواجهات مع القوات الأمنية":
                # a protester's toll in a confrontation with the forces, no armed side besides
                or (
                    any(a.actor_id == "iraqi_security_forces" and _in(a.start, lo, hi) for a in f.actors)
                    and not any(c.category == "sub_event:Violent demonstration" for c in cues)
                    and any(c is not None and c.best for c in _bind_casualties(f, lo, hi))
                    # (the toll is the protesters': not "مواجهات بين متظاهرين وقوات مكافحة الشغب
                    # أسفرت عن إصابة 20 شخصا", a fight of the two)
                    and PROTESTER_VICTIM.search(f.norm[f.npos(lo) : f.npos(hi)]) is not None
                )
                # "قتل متظاهران وأصيب 22 آخرون في مواجهات قرب جسر الأحرار": protesters' dead in
                # confrontations with no side named, no second crowd (the forces they faced)
                or (
                    not any(a.actor_id != "protesters" and _in(a.start, lo, hi) for a in f.actors)
                    and CONFRONTATIONS.search(f.norm[f.npos(lo) : f.npos(hi)]) is not None
                    and PROTESTER_VICTIM.search(f.norm[f.npos(lo) : f.npos(hi)]) is not None
                    and CROWDS_CLASHED.search(f.norm) is None
                    and any(c is not None and c.best for c in _bind_casualties(f, lo, hi))
                )
            )
        ):
            # "أصيب 13 متظاهرا و7 من عناصر الأمن خلال مواجهات ...، بعد أن أطلقت القوات الأمنية
            # الرصاص الحي لتفريق المتظاهرين": the confrontation of a crowd with the forces that
            # fired on it is their excessive force, not a battle of two armed sides
            sub = "Excessive force against protesters"
        elif (
            sub == "Armed clash"
            and any(a.actor_id == "protesters" and _in(a.start, lo, hi) for a in f.actors)
            and not any(a.actor_id in ARMED_PERPS - {"unknown"} for a in f.actors)
            and any(c.category == "sub_event:Violent demonstration" for c in cues)
        ):
            # "... في مواجهات بين محتجين والقوات الأمنية، بعد أن أضرم المحتجون النار في بوابة
            # المبنى": a crowd that rioted and then faced the forces -- a riot (spec section 4),
            # not a battle of two armed sides
            sub = "Violent demonstration"
        if (
            sub == "Arrests"
            and "اعتد" in f.norm
            and (assault := ASSAULTED_ON.search(f.norm, f.npos(lo), f.npos(hi)))
        ):
            if all(f.npos(c.start) > assault.start() for c in ccues if c.category == "sub_event:Arrests"):
                # "اعتدت قوات الأسايش على عدد من الصحفيين ...، واعتقلت ثلاثة منهم": the
                # assault is the act, the arrest part of it
                sub = "Attack"
        if (
            sub == "Armed clash"
            and all(AMBUSH.match(normalize(c.surface)) for c in ccues if c.category.startswith("sub_event:"))
            and any(c.category == "sub_event:Arrests" and c.start < lo for c in cues)
            and not any(c is not None and c.best for c in _bind_casualties(f, lo, hi))
        ):
            # "اعتقال الإرهابي ...، وذلك بكمين محكم": the trap the arrest was made in, no fight
            continue
        sub_texts = [
            f.norm[f.npos(c.start) : f.npos(c.end)] for c in ccues if c.category.startswith("sub_event:")
        ]
        if (
            sub is not None
            and all(VAGUE.search(t) for t in sub_texts)
            # "قتل ثلاثة ... في نزاع عشائري": a tribal fight with its dead is one clash (and a
            # fight "بين عائلتين", one of kin)
            and not (
                (
                    any(TRIBAL.search(t) for t in sub_texts)
                    or KIN_FIGHT.search(f.norm[f.npos(lo) : f.npos(hi)])
                )
                and _has_toll(f)
            )
        ):
            sub = None  # "أعمال عنف", "شغب": violence talked about, no one act
        if _family(sub) == "remote" and (
            any(c.category == "sub_event:Armed clash" for c in ccues)
            or ("تبادل" in f.norm and EXCHANGED_FIRE.search(f.norm[f.npos(lo) : f.npos(hi)]))
            or (contains_any(f.norm, USE_STEMS) and SMALL_ARMS_USED.search(f.norm[f.npos(lo) : f.npos(hi)]))
        ):
            # "اشتباكات مسلحة ... استخدمت فيها الأسلحة المتوسطة وقذائف الهاون": the weapons the
            # clash was fought with
            used = [
                c
                for c in ccues
                if c.category.startswith("sub_event:")
                and c.category != "sub_event:Armed clash"
                and (
                    USED_IN_IT.search(f.norm[max(0, f.npos(c.start) - 50) : f.npos(c.start)])
                    # "تبادلوا إطلاق النار بالأسلحة الرشاشة وقذائف الهاون": the fire exchanged
                    or EXCHANGED_WITH.search(f.norm[max(0, f.npos(c.start) - 130) : f.npos(c.start)])
                    # "استخدموا أسلحة خفيفة وقذائف صاروخية في الهجوم": a ground assault's arms
                    or SMALL_ARMS_AND.search(f.norm[max(0, f.npos(c.start) - 60) : f.npos(c.start)])
                )
            ]
            if used and all(
                c in used
                for c in ccues
                if c.category.startswith("sub_event:") and c.category != "sub_event:Armed clash"
            ):
                sub = "Armed clash"
        if (
            sub == "Excessive force against protesters"
            and "الهواء" in f.norm
            and WARNING_SHOTS.search(f.norm[f.npos(lo) : f.npos(hi)])
            and not OTHER_FORCE.search(f.norm[f.npos(lo) : f.npos(hi)])
            and not any(c is not None and c.best for c in _bind_casualties(f, lo, hi))
        ):
            # "بإطلاق الرصاص في الهواء لتفريق المحتجين": warning shots, no force on anyone
            # (not "استخدمت الهراوات والغاز المسيل للدموع، وأطلقت الرصاص الحي في الهواء")
            continue
        generic_only = sub is None
        cue_pos = ccues[0].start
        if (
            "threat" in flags
            and any(c.category == "threat" and c.start < cue_pos and cue_pos - c.end < 80 for c in f.cues)
            and FUTURE_MARK.search(f.norm[f.npos(lo) : f.npos(hi)])
        ):
            continue  # "حذرت السفارة من أن القواعد قد تتعرض لهجمات خلال الأيام المقبلة": acts to come
        # a prior clause after a main clause with no event ("دعا ... لحماية القوات الأميركية
        # بعد إحباط هجومين"): the main clause names the parties too
        roles = read_roles(f, lo, hi)
        if (
            sub == "Arrests"
            and any(r.role == "target" and r.actor_id in FORCES_OF_STATE and r.strength >= 2.0 for r in roles)
            and not any(r.role == "target" and r.actor_id in CIVILIAN for r in roles)
            and any(c is not None and c.best for c in _bind_casualties(f, lo, hi))
        ):
            # "أصيب ثلاثة عناصر من الشرطة خلال مداهمة لاعتقال مطلوبين": the forces' own hurt in
            # a raid -- it was fought (the wanted men its other side), not an arrest of a group
            sub = "Armed clash"
        lender = None  # a main clause with no act of its own that lends this frame its parties or place
        k = next(i for i, c in enumerate(clauses) if c[0] == lo)
        if k >= 2 and clauses[k - 1][2] == RELATIVE and not clauses[k - 2][2]:
            # "مقتل إرهابيين اثنين [كانا قد شاركا في الهجوم ...]، بضربة جوية": the main clause
            # resumed after the relative one names its victims before it
            roles += read_roles(f, clauses[k - 2][0], clauses[k - 2][1])
        elif (
            k >= 2
            and not prior
            and clauses[k - 1][2] is True
            and clauses[k - 2][2] is False
            and not any(_in(c.start, clauses[k - 2][0], clauses[k - 2][1]) for c in cues)
        ):
            # "خرج المئات من المتظاهرين في الناصرية [على خلفية اغتيال ناشط]، واقتحموا مبنى
            # المحافظة": the opening clause, with no act of its own, names who acts and where
            lender = clauses[k - 2]
            roles += read_roles(f, lender[0], lender[1])
        elif prior == RELATIVE and k >= 1 and not clauses[k - 1][2]:
            # those who took part in the act are the main clause's victims (its antecedent)
            roles += [
                Role(r.actor_id, "perp", min(r.strength, 2.0), r.pos)
                for r in read_roles(f, clauses[k - 1][0], clauses[k - 1][1])
                if r.role == "target" and r.actor_id != "unknown"
            ]
        if (
            sub in ("Violent demonstration", "Mob violence")
            and not any(r.role == "perp" for r in roles)
            and CROWD.search(f.norm, f.npos(lo), f.npos(hi))
        ):
            # "اقتحم العشرات من أنصار أحد المرشحين مبنى المفوضية": a crowd with no side named
            # is the protesters (spec section 4: riots are protesters storming or burning)
            roles.append(Role("protesters", "perp", 1.5, (f.index + 1) * 100_000 + lo))
        if (
            sub in ("Violent demonstration", "Mob violence")
            and "protest" not in flags
            and not any(a.actor_id == "protesters" for a in f.actors)
            and not CROWD.search(f.norm)
            and any(r.role == "perp" and r.actor_id in ARMED_PERPS for r in roles)
        ):
            # "اقتحم مسلحون منزل مختار", "أضرم مسلحون النار في شاحنات": storming or burning by
            # gunmen or an armed group, with no crowd, is their attack, not a riot
            sub = "Attack"
        elif (
            sub == "Looting/property destruction"
            and any(r.role == "perp" and r.actor_id in ARMED_PERPS for r in roles)
            and (dead := _bind_casualties(f, lo, hi)[0]) is not None
            and dead.best
        ):
            # "أقدم عناصر من داعش على قتل راعيين وسرقة مواشيهما": the killing is the act, the
            # plunder goes with it
            sub = "Attack"
        elif (
            sub in ("Violent demonstration", "Mob violence")
            and any(r.role == "perp" and r.actor_id in IRAQI_FACTIONS and r.strength >= 2.5 for r in roles)
            and any(r.role == "target" and r.actor_id == "protesters" and r.strength >= 2.0 for r in roles)
            # (the faction's supporters named with it, "هاجم أنصار التيار الصدري", are its men,
            # not a crowd of protesters)
            and not any(
                r.role == "perp" and r.actor_id == "protesters" and not _supporters_of(r, roles)
                for r in roles
            )
        ):
            # "أقدم أنصار التيار الصدري على مهاجمة ساحة الاعتصام وإحراق خيام المعتصمين، ما
            # أدى إلى مقتل ثمانية متظاهرين": a faction's men fell on the protesters, who died:
            # its attack on them, not their riot (spec section 4: killing protesters)
            sub = "Attack"
        elif (
            sub == "Armed clash"
            and CROWDS_CLASHED.search(f.norm[f.npos(lo) : f.npos(hi)])
            and not any(r.actor_id in ARMED_PERPS and r.strength >= 1.0 for r in roles)
        ):
            # "مواجهات بين متظاهرين كرد وعرب في كركوك": two crowds fought, no armed side --
            # a riot (spec section 4), not a battle
            sub = "Violent demonstration"
        elif (
            sub in ("Violent demonstration", "Mob violence")
            and any(
                r.role == "perp" and r.actor_id == "iraqi_security_forces" and r.strength >= 3.0
                for r in roles
            )
            and any(r.role == "target" and r.actor_id == "protesters" and r.strength >= 2.0 for r in roles)
            and any(c is not None and c.best for c in _bind_casualties(f, lo, hi))
        ):
            # "مقتل ثلاثة متظاهرين برصاص قوات الأمن ...، حين حاول محتجون اقتحام مبنى": the
            # crowd stormed, but its toll is the fire of the forces named as firing it (spec
            # section 4: security forces firing on demonstrators)
            sub = "Excessive force against protesters"
        elif (
            sub == "Attack"
            and any(r.role == "perp" and r.actor_id in FORCES_OF_STATE and r.strength >= 2.5 for r in roles)
            and any(r.role == "target" and r.actor_id in INSURGENTS and r.strength >= 2.5 for r in roles)
            and not any(r.role == "target" and r.actor_id in CIVILIAN for r in roles)
        ):
            # "تمت تصفية ثلاثة إرهابيين من داعش على يد قوات جهاز مكافحة الإرهاب": forces that
            # killed an insurgent group's men fought it (Attack is violence against civilians)
            sub = "Armed clash"
        elif (
            sub in ("Violent demonstration", "Mob violence")
            and any(r.role == "perp" and r.actor_id == "iraqi_security_forces" for r in roles)
            and any(c.category == "sub_event:Arrests" for c in f.cues)
        ):
            sub = "Arrests"  # "اقتحمت قوة أمنية مقرا للكتائب واعتقلت عددا من عناصرها": a raid
        if sub not in ("Arrests", "Disrupted weapons use") and roles:
            # "النزاع اندلع بين عشيرتين ... وأن قوة أمنية طوقت المنطقة واعتقلت عددا من
            # المتورطين": who arrested people after a fight or a blast responded to it
            roles = [r for r in roles if not _arrester(f, r)]
        if sub == "Armed clash" and _two_armed_sides(roles):
            # "اندلعت اشتباكات بين قوات الجيش ومسلحين من داعش ... ما أسفر عن مقتل مدني": a
            # civilian killed in a fight of two armed sides is its toll, not its target
            roles = [r for r in roles if not (r.role == "target" and r.actor_id == "civilians")]
        if prior and not main_has_event and not any(r.role == "target" for r in roles):
            roles += [
                Role(r.actor_id, r.role, min(r.strength, 1.0), r.pos)
                for r in read_roles(f, 0, len(f.text))
                if r.role == "target" and not _in(r.pos % 100_000, lo, hi)
            ]
        if (
            lender is None
            and not prior
            and k + 2 < len(clauses)
            and clauses[k + 1][2] == RELATIVE
            and clauses[k + 2][2] is False
            and not any(_in(c.start, clauses[k + 2][0], clauses[k + 2][1]) for c in cues)
        ):
            # "اعتقال خمسة عناصر [متورطين بإطلاق صواريخ على عين الأسد]، خلال عملية في أبو
            # غريب": the main clause goes on after the relative one with where it happened
            lender = clauses[k + 2]
        elif (
            lender is None
            and sub == "Arrests"
            and k + 1 < len(clauses)
            and clauses[k + 1][2] is True
            and any(c.category == "sub_event:Armed clash" and _in(c.start, *clauses[k + 1][:2]) for c in cues)
        ):
            # "اعتقلت قوة أربعة من عناصر العصائب بعد اشتباك قصير في منطقة الهارثة": the arrest
            # was made where the fight it followed was
            lender = clauses[k + 1]
        elif (
            lender is None
            and prior
            and not main_has_event
            and k >= 1
            and not clauses[k - 1][2]
            and any(c.category == "casualties" and _in(c.start, *clauses[k - 1][:2]) for c in f.cues)
        ):
            # "قتل متظاهر ... خلال تظاهرة أمام مبنى محافظة البصرة، بعد أن أطلقت القوات الأمنية
            # النار": the act is told after the link, its toll and place before it (not the
            # places of a statement or a calm: "عودة الهدوء إلى الناصرية بعد اشتباكات")
            lender = clauses[k - 1]
        elif (
            lender is None
            and k >= 1
            and WHEREUPON.match(f.norm[f.npos(lo) : f.npos(hi)])
            and not any(
                _in(c.start, *clauses[k - 1][:2])
                and (c.category.startswith("sub_event:") or c.category in OCCURRENCE_CATEGORIES)
                for c in cues
            )
        ):
            # "أبرز العمليات كانت في وادي الشاي بكركوك، حيث نفذت طائرات ضربة جوية": "where"
            # refers to the place the clause before it named
            lender = clauses[k - 1]
        places = [
            p for p in all_places if _in(p.start, lo, hi) or (lender and _in(p.start, lender[0], lender[1]))
        ]
        if generic_only and not roles and not places:
            continue  # "الهجوم" alone: nothing to anchor a new event on (follow-ups merge below)
        if (
            "foreign_war" in flags
            and not any(p.country == "Iraq" for p in places)
            and not any(r.actor_id in IRAQI_FACTIONS and r.strength >= 2.0 for r in roles)
        ):
            continue  # Gaza, Lebanon, Israel-Iran: another war unless an Iraqi faction acts in it
        if (
            places
            and all(p.country != "Iraq" and p.name_en not in us_hosting_sites() for p in places)
            and not any(r.actor_id in IRAQI_FACTIONS and r.strength >= 1.5 for r in roles)
            and not any(r.actor_id in ("us_forces", "coalition") and r.role == "target" for r in roles)
            # (the claimant of the statement before, its subject dropped: resolved by the story)
            and not (not f.actors and CLAIMANT_DROPPED.match(f.norm))
            # (nor one an Iraqi faction claims in a later clause: "أعلن الجيش الإسرائيلي اعتراض
            # طائرة مسيرة أطلقت من العراق باتجاه إيلات، فيما تبنت المقاومة الإسلامية الهجوم")
            and not _faction_claims_it(f)
        ):
            continue  # an event abroad with no Iraqi faction and no US/coalition target: out of scope
        named_sites = [p for p in _distinct_sites(places) if PLACE_RANK.get(p.kind, 1) >= 3]
        # "عدة هجمات استهدفت عين الأسد ... وحرير": a list of named sites makes a plural concrete
        plural_generic = (
            generic_only
            and bool(PLURAL_GENERIC.search(f.norm[f.npos(lo) : f.npos(hi)]))
            and len(named_sites) < 2
            # ("نفذت ضربة أحادية في العراق ردا على الهجمات على ...": one act carried out, the
            # attacks it answered or its target is charged with are no run of its own)
            and not ONE_ACT_CARRIED_OUT.search(f.norm[f.npos(lo) : f.npos(hi)])
            # ("نفذت ضربات على ثلاث منشآت تستخدمها كتائب حزب الله": the sites of one
            # operation counted, not a run of acts)
            and not (COUNTED_SITES.search(f.norm[f.npos(lo) : f.npos(hi)]) and "aggregate" not in flags)
            # ("نفذت واشنطن اليوم ضربات على مواقع للكتائب في منطقة جرف النصر، أسفرت عن مقتل
            # ثمانية": the strikes of one day at one named place, with their toll, are one act)
            and not (
                len(named_sites) == 1
                and "aggregate" not in flags
                and _has_toll(f)
                and any(_in(d.start, lo, hi) and d.precision == "day" and not d.since for d in f.dates)
                and any(r.role == "perp" and r.strength >= 2.0 and r.actor_id != "unknown" for r in roles)
            )
        )
        governed = any(
            c.category in STANCE
            and c.start < cue_pos
            and cue_pos - c.end < 60
            # "يعتقد أن داعش يقف وراء الهجوم الذي استهدف نقطة ... وأسفر عن مقتل جنديين": an
            # attribution of an act told with its toll and site is that act's report (so is a
            # condemnation or a denial of "the attack that targeted X and killed N")
            and not (
                # (or a demand about it: "طالب المحافظ بكشف منفذي الهجوم الذي استهدف سوقا ...
                # وأسفر عن مقتل ثلاثة"; or the act told with its own day: "حمّلت العصائب
                # واشنطن مسؤولية القصف الذي استهدف مقرا لها في بغداد اليوم")
                c.category in ("attribution", "condemnation", "denial", "statement")
                and (
                    _has_toll(f)
                    or (
                        c.category in ("attribution", "denial", "condemnation")
                        and any(_in(d.start, lo, hi) for d in f.dates)
                    )
                )
                and any(PLACE_RANK.get(p.kind, 1) >= 3 for p in places)
            )
            for c in f.cues
        )
        weak = generic_only and (
            governed
            or plural_generic
            or not (
                any(r.role == "target" and r.strength >= 2.0 for r in roles)
                or any(PLACE_RANK.get(p.kind, 1) >= 3 for p in places)
                # "قتل صاحب محل بنيران مسلحين مجهولين": a weapon and its dead make it one act
                or (weapon is not None and _has_toll(f))
                # "قتل مختار قرية على يد مسلحين في ديالى": so do its dead at the hands of a side,
                # when they tell the act (not "الهجوم ... الذي أسفر عن مقتل 3 نفذته جماعات": the
                # attack named is one told before)
                or (
                    _has_toll(f)
                    and any(c.category == "perpetrator" and _in(c.start, lo, hi) for c in f.cues)
                    and not any(
                        c.category in ("attack", "explosion") and _in(c.start, lo, hi) for c in f.cues
                    )
                    and any(r.role == "perp" and r.strength >= 2.0 for r in roles)
                )
                # "فجر عناصر من تنظيم داعش برجين لنقل الطاقة": a blast set off by a named group
                or (
                    any(c.category == "explosion" for c in ccues)
                    and any(r.role == "perp" and r.strength >= 2.5 and r.actor_id != "unknown" for r in roles)
                )
            )
        )
        # (a prior clause's link may carry its day: "بعد يوم من اشتباكات دامية")
        days = [
            d
            for d in f.dates
            if (
                _in(d.start, lo, hi) or (prior and 0 <= lo - d.end <= 5 and f.text.startswith("بعد", d.start))
            )
            and not _taken_on(f, d)
            and not _commemorated_on(f, d)
            and not (sub == "Arrests" and _charged_on(f, d))
            and not _dates_another_thing(f, d, cue_pos, bool(prior))
        ]
        dates = _event_dates(f, days)
        # (the same dates when the article has its publication day: read once)
        ref_dates = (
            dates
            if f.ref_dates is f.dates
            else _event_dates(f, [d for d in f.ref_dates if _in(d.start, lo, hi) and not _taken_on(f, d)])
        )
        toll_hi = hi
        if "بعد" in f.norm or "عقب" in f.norm:
            earlier = DAYS_BEFORE_ACT.search(f.norm, f.npos(cue_pos), f.npos(hi))
            if earlier is not None:
                # "تجددت الاشتباكات ...، بعد يوم من مواجهات مماثلة أسفرت عن مقتل جندي": the
                # dead told after the earlier act are its own
                toll_hi = f.orig(earlier.start())
        killed, wounded = _bind_casualties(f, lo, toll_hi)
        if sub in ("Violent demonstration", "Mob violence"):
            # a riot's cause is no toll of the riot
            killed, wounded = _not_the_cause(f, killed), _not_the_cause(f, wounded)
        if "aggregate" in flags and not _aggregate_only_aside(f):
            # a running total is no one event's count -- unless the series "culminated in"
            # one named act ("بلغت ذروتها بمقتل ثلاثة جنود في موقع بالأردن")
            killed = killed if _culmination(f, killed) else None
            wounded = wounded if _culmination(f, wounded) else None
        claimed = (
            (
                "claim" in flags
                or f._memo.get("own_act_announced", False)
                or (contains_any(f.norm, SELF_CLAIM_STEMS) and bool(SELF_CLAIM.search(f.norm)))
            )
            and any(r.role == "perp" and r.strength >= 3.0 for r in roles)
        ) or _told_in_its_own_statement(f, roles)
        prior = bool(prior)
        background = (prior and main_has_event) or sentence_background
        base = dict(
            facts=f,
            lo=lo,
            hi=hi,
            cue_pos=cue_pos,
            sub_event=sub,
            weapon=weapon,
            roles=roles,
            date=_pick_date(dates, cue_pos),
            ref_date=_pick_date(ref_dates, cue_pos),
            claimed=claimed,
            background=background,
            new_event=new_event
            or (prior and main_has_event)
            # "..., فيما قتلت القوات إرهابيين اثنين في عملية منفصلة": a later clause's own act
            or (lo > clauses[0][0] and bool(SEPARATE_ACT.search(f.norm[f.npos(lo) : f.npos(hi)])))
            # "اغتال مسلحون ناشطا في الناصرية، فيما نجا آخر من محاولة اغتيال في الشطرة": another
            # victim at another town of its own
            or (lo > clauses[0][0] and _another_victim_elsewhere(f, lo, hi, places, all_places)),
            interception=interception,
            victims_lo=0 if prior and not main_has_event else None,
        )
        # several distinct sites under a plural / dual attack noun: one event per site
        sites = _distinct_sites(places)
        clause_norm = f.norm[f.npos(lo) : f.npos(hi)]
        plural = bool(v.two_events.search(clause_norm)) or bool(PLURAL_ATTACK.search(clause_norm))
        if plural and "aggregate" in flags and not dates and PAST_PERIOD.search(clause_norm):
            continue  # "ضربات مشابهة نفذها الحرس الثوري خلال السنوات الماضية": a series
        if (
            "aggregate" in flags
            and dates
            # (the statement's own day aside: "أعلنت القيادة، اليوم الأحد، نتائج عملياتها خلال
            # الأسبوع الماضي")
            and all(
                d.precision != "day" and DURING.search(f.norm[max(0, f.npos(d.start) - 12) : f.npos(d.start)])
                for d in dates
            )
            and not any(PLACE_RANK.get(p.kind, 1) >= 3 for p in places)
        ):
            # "بلغ عدد ضحايا الألغام أكثر من 300 قتيل وجريح خلال العام الماضي", "تفكيك أكثر من
            # 500 عبوة خلال الشهر الماضي في الأنبار": a period's tally, no site of one act
            continue
        if (
            plural
            and "aggregate" in flags
            and days
            and all(SINCE.search(f.norm[max(0, f.npos(d.start) - 8) : f.npos(d.start)]) for d in days)
        ):
            continue  # "تعرضت لأكثر من 70 هجوما منذ السابع عشر من تشرين الأول": a count since a day
        countries = {p.country for p in places if p.kind == "country"}
        if (
            plural
            and len(countries) >= 2
            and not any(PLACE_RANK.get(p.kind, 1) >= 3 for p in places)
            and "claim" not in flags
            # ("في موقعين بسوريا وموقع في العراق": the sites of one operation counted in each
            # country are its acts there, one per country, not a summary)
            and not _counted_per_country(f, places)
        ):
            if base["date"] is not None:
                f._memo["summary_date"] = base["date"]  # the day of the strikes it sums up
            # ... and who made them
            f._memo["summary_perps"] = [
                r for r in roles if r.role == "perp" and r.strength >= 2.0 and r.actor_id != "unknown"
            ]
            continue  # "attacks on US bases in Iraq and Syria": a summary, not one event
        if (
            len(sites) >= 2
            and not plural
            and (
                ANOTHER_TARGET.search(clause_norm)
                or TWO_TARGETS.search(clause_norm)
                or REPEATED_OBJECT.search(clause_norm)
            )
        ):
            # "هدفا حيويا في إيلات، وهدفا آخر في الجولان", "هدفين حيويين في إيلات وفي
            # الجولان": another target, another act
            plural = True
        if len(sites) >= 2 and not plural and sub == "Arrests" and _listed_sites(f, sites):
            # "اعتقال ستة إرهابيين في عمليات منفصلة بمحافظات كركوك ونينوى وصلاح الدين",
            # "ثلاثة متهمين في الموصل واثنين في كركوك": arrests at places listed together are
            # one act at each (spec section 1: one place)
            plural = True
        if len(sites) >= 2 and not plural:
            bases = [p for p in sites if p.kind in ("base", "airport")]
            if len(bases) >= 2 and _far_bases(bases):
                # "استهداف قاعدة عين الأسد وقاعدة حرير بطائرات مسيرة، إضافة إلى قاعدة التنف في
                # سوريا": one act hits no two bases hundreds of km apart; each base is one
                plural, sites = True, bases
        armed_with = {}
        if len(sites) >= 2:
            # "سقطت قذيفة هاون داخل المنطقة الخضراء في بغداد، وصاروخان على قاعدة بلد": each
            # site after its own projectile is its own act, of that weapon (and of acts told
            # as several, "هجومين استهدفا قاعدة عين الأسد بصواريخ، وقاعدة حرير بطائرتين
            # مسيرتين", each one's weapon is the one told with its site)
            armed_with = _projectile_per_site(ccues, sites)
            plural = plural or bool(armed_with)
        if told_apart := _ordinal_sites(f, lo, hi, places):
            # "انفجار عبوتين ناسفتين، الأولى في المقدادية أسفرت عن إصابة ثلاثة مدنيين،
            # والثانية في خانقين أسفرت عن مقتل جندي": each told with its own place and toll
            for slo, shi, p in told_apart:
                cas = _clause_casualties(f, slo, shi)
                own = dict(base)
                # (whom each hit is its own item's to say)
                own["roles"] = [r for r in base["roles"] if r.role != "target"] + [
                    r for r in read_roles(f, slo, shi) if r.role == "target"
                ]
                own["victims_lo"] = slo
                frames.append(
                    Frame(
                        place=p,
                        places=[p],
                        killed=cas.killed if cas is not None else None,
                        wounded=cas.wounded if cas is not None else None,
                        notes=["ordinal split"],
                        **own,
                    )
                )
            continue
        if len(sites) >= 2 and plural and (not generic_only or len(named_sites) >= 2):
            for p in sites:
                # a count belongs to the site named nearest before... or after it
                # "لم تخلف إصابات، الأول قرب ... والثاني قرب ...": an explicit none covers every
                # site; a number belongs to the site named nearest to it
                k = (
                    killed
                    if killed is not None and (killed.best == 0 or _nearest_site(sites, killed.start) is p)
                    else None
                )
                w = (
                    wounded
                    if wounded is not None and (wounded.best == 0 or _nearest_site(sites, wounded.start) is p)
                    else None
                )
                own = dict(base)
                if p.name_en in armed_with:
                    own["weapon"] = armed_with[p.name_en]
                    own["sub_event"] = WEAPON_SUB_EVENT.get(own["weapon"], own["sub_event"])
                frames.append(Frame(place=p, places=[p], killed=k, wounded=w, notes=["site split"], **own))
            continue
        # (two acts told here, not "the two" told before: "دون أن يسفر الهجومان عن خسائر")
        n = (
            2
            if any(
                not m.group().lstrip().startswith(("ال", "وال", "بال"))
                for m in v.two_events.finditer(clause_norm)
            )
            else 1
        )
        place = _pick_place(places, cue_pos)
        for _ in range(n):
            frames.append(
                Frame(
                    place=place,
                    places=places,
                    killed=killed,
                    wounded=wounded,
                    notes=(["dual"] if n == 2 else [])
                    + (["generic"] if generic_only else [])
                    + (["weak"] if weak else [])
                    + (["many acts"] if plural_generic else []),
                    **base,
                )
            )
    if frames and len(clauses) > 1:
        relative = {c_lo for c_lo, _hi, kind in clauses if kind == RELATIVE}
        # counts and dates said in a clause without an event cue ("قتل قياديان ... إثر قصف")
        # belong to the sentence's nearest event
        for lo, hi, _prior in clauses:
            if any(fr.lo == lo for fr in frames):
                continue
            _charge_of_clause(f, frames, lo, hi)
            if any(_in(c.start, lo, hi) and c.category.startswith("sub_event:") for c in cues):
                # a clause of its own act, left out (another war, out of scope): its figures
                # are that act's ("استشهد 25 فلسطينيا في غارات إسرائيلية على غزة، فيما أعلنت
                # المقاومة الإسلامية في العراق استهداف ميناء حيفا")
                continue
            if _prior is True and DAYS_BEFORE_ACT.search(f.norm[f.npos(lo) : f.npos(hi)]):
                # "تجددت الاشتباكات ...، بعد يوم من مواجهات مماثلة أسفرت عن مقتل جندي": an act
                # a day (or hours, days) before the one told, its dead its own
                continue
            if (
                _prior is True
                and any(_in(c.start, lo, hi) for c in cues)
                and any(_in(d.start, lo, hi) for d in f.dates)
            ):
                # "قتل جنديان بهجوم ...، بعد هجوم مماثل الأربعاء الماضي أسفر عن مقتل ضابط": an
                # earlier act told with its own day; its day and dead are not this one's
                continue
            clause = f.norm[f.npos(lo) : f.npos(hi)]
            whereupon = _prior is None and bool(WHEREUPON.match(clause))
            if _prior is None and not (CONCURRENT_TOLL.match(clause) or whereupon):
                continue  # a concurrent clause ("، في وقت ...") reports its own figures
            # (a main clause's dead are not those of the act its relative clause recalls)
            pool = [fr for fr in frames if fr.lo not in relative] if not _prior else frames
            if not _prior:
                # (nor those of an earlier act the sentence recalls, when it tells one of its own)
                pool = [fr for fr in pool if not fr.background] or pool
            if not pool:
                continue
            near = min(pool, key=lambda fr: abs(fr.lo - lo))
            k, w = _bind_casualties(f, lo, hi)
            if (k is None or w is None) and near.sub_event is not None:
                # "قتل أربعة وأصيب أكثر من مئة ... إثر إطلاق الرصاص الحي": a large open toll
                # said in the clause of the act it reports (read with that act's clause)
                k2, w2 = _bind_casualties(f, min(lo, near.lo), max(hi, near.hi))
                k = k if k is not None or k2 is None or not _in(k2.start, lo, hi) else k2
                w = w if w is not None or w2 is None or not _in(w2.start, lo, hi) else w2
            if "aggregate" not in flags:
                if contains_any(clause, RISEN_STEMS) and TOLL_RISEN.search(clause):
                    # "فيما أكدت وزارة الصحة ارتفاع عدد الضحايا إلى 13 قتيلا و58 جريحا": the
                    # risen toll replaces the first one told
                    near.killed, near.wounded = k or near.killed, w or near.wounded
                near.killed = near.killed or k
                near.wounded = near.wounded or w
                if (
                    (k is not None or w is not None)
                    and not _prior
                    and not any(r.role == "target" for r in near.roles)
                    # ("كما أصيب عنصر من القوات العراقية": hurt too, besides who was hit)
                    and not ALSO.match(clause)
                ):
                    # "لقي منتسب في الشرطة مصرعه وأصيب اثنان من زملائه، فيما قتل اثنان من
                    # المهاجمين، خلال اشتباك مع مسلحين من داعش": whose the dead it names are
                    near.roles = near.roles + [
                        Role(r.actor_id, r.role, min(r.strength, 2.0), r.pos)
                        for r in read_roles(f, lo, hi)
                        if r.role == "target" and r.actor_id != "unknown"
                    ]
            if whereupon:
                continue  # (its figures only: "، حيث رشق المتظاهرون ... أمس" may be another act's day)
            if near.date is None:
                near.date = _pick_date([d for d in f.dates if _in(d.start, lo, hi)], near.cue_pos)
            if near.ref_date is None:
                near.ref_date = _pick_date([d for d in f.ref_dates if _in(d.start, lo, hi)], near.cue_pos)
    return frames


# the adjective right after a base's name ("قاعدة زليكان التركية"), maybe after "العسكرية"
BASE_ADJECTIVE = compile_guarded(_n(r"\s*(?:(?:العسكريه|الجويه)\s+)?(ال\S+يه)(?=[\s،,.]|$)"))


@lru_cache(maxsize=64)
def _base_of(adjective: str) -> str | None:
    """The force whose base "القاعدة <adjective>" is, by the actor vocabulary ("القاعدة
    التركية" is a turkish_forces alias), or None (the adjective names no force)."""
    from marsad.extract import vocab as entity_vocab

    text = "القاعدة " + adjective
    hits = entity_vocab.find_actors(text)
    return hits[0].actor_id if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text) else None


# a place named as a base, not as the town around it ("قاعدة الحبانية", not "ناحية الحبانية")
BASE_NAMED = compile_guarded(_n(r"قاعد|معسكر|مطار|كامب"))


def _flag_after_base(e) -> str | None:
    if e.place.kind not in ("base", "airport"):
        return None
    for fr in e.frames:
        if any(p is e.place for p in fr.places) or fr.place is e.place:
            m = BASE_ADJECTIVE.match(fr.facts.norm, fr.facts.npos(e.place.end))
            if m is not None:
                return _base_of(m.group(1))
    return None


# "خلال السنوات الماضية", "على مدى الأشهر الأخيرة": acts spread over a past period
SINCE = compile_guarded(_n(r"(?:^|\s)(?:و)?منذ\s*$"))
# a period's whole span, right before its name ("خلال الشهر الماضي")
DURING = compile_guarded(_n(r"(?:^|\s)(?:خلال|طيله|طوال|علي\s+مدي|علي\s+مدار)\s*$"))
PAST_PERIOD = compile_guarded(
    _n(
        r"(?:خلال|في|طيله|طوال|علي\s+مدي|علي\s+مدار)\s+(?:ال)?(?:سنوات|اعوام|اشهر|شهور|اسابيع)\s+(?:ال)?(?:ماضيه|اخيره|سابقه)"
    )
)
PLURAL_GENERIC = compile_guarded(
    # (not a command's name: "وفق مصدر في قيادة عمليات الأنبار", "غرفة العمليات", "المتحدث
    # باسم العمليات المشتركة", "في قاطع عمليات سامراء")
    _n(
        # (nor an operations zone: "في مناطق عمليات المخلب شمالي العراق")
        r"(?:^|\s)(?<!قياده\s)(?<!غرفه\s)(?<!قائد\s)(?<!مركز\s)(?<!قاطع\s)(?<!منطقه\s)(?<!مناطق\s)(?<!مسرح\s)(?:و|ب|ل|لل)?(?:ال)?"
        r"(?:هجمات|عمليات|اعتداءات|ضربات|استهدافات)(?:\s|$)(?!المشتركه)"
    )
)
# "على ثلاث منشآت", "استهدفت 4 مواقع": the sites one operation hit, counted
COUNTED_SITES = compile_guarded(
    _n(
        r"(?:^|\s)(?:علي|استهدفت|استهدف|طالت)\s+(?:\d+|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|تسع|تسعه|عشر|عشره)\s+"
        r"(?:منشات|مواقع|اهداف|مقرات|مخازن|معسكرات|نقاط|قواعد)(?:\s|$)"
    )
)
# two targets, a dual noun ("هدفين حيويين", "موقعين", "قاعدتي")
TWO_TARGETS = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب|ل)?(?:ال)?(?:هدفين|هدفان|موقعين|موقعان|مقرين|مقران|قاعدتين|قاعدتي|قاعدتا|منشاتين|مطارين|مطاري)(?:\s|$)"
    )
)
# a count of sites right before a country ("موقعين بسوريا", "وموقع في العراق")
SITES_COUNTED_IN = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:موقع|موقعا|موقعين|موقعان|مواقع|منشاه|منشاتين|منشات|هدف|هدفا|هدفين|اهداف|مقر|مقرين)"
        r"(?:\s+(?:\S+|\d+))?\s+(?:في\s+|داخل\s+)?$"
    )
)


# "أحرقت النيران مساحات من الغابات": the fire (of a shelling) burned, no one set it
FIRE_AS_SUBJECT = compile_guarded(_n(r"\s*(?:ال)?(?:نيران|نار|حرائق)(?=[\s،,.]|$)"))


def _fire_burned(f: Facts, c) -> bool:
    return c.category in (
        "weapon:arson",
        "sub_event:Violent demonstration",
        "sub_event:Mob violence",
    ) and bool(FIRE_AS_SUBJECT.match(f.norm, f.npos(c.end)))


# "أحرقوا إطارات السيارات تنديدا بالاغتيال": the act protested is the cause, not an act here
# (also by the protesters' participle: "خرجوا بمسيرات ... منددين بالهجوم المسلح")
PROTEST_STEMS = ("احتجاج", "تنديد", "رفض", "غضب", "استنكار", "ندد", "مستنكر")
PROTESTED_BEFORE = compile_guarded(
    _n(
        r"(?:^|\s)(?:" + _PROTEST_WORD + r"|منددين|منددا|منددون|مندده|مستنكرين|مستنكرا|مستنكره)"
        r"\s+(?:علي\s+|ل\s*|ب\s*)?$"
    )
)


# protesters counted as the dead or hurt ("مقتل متظاهر", "جثمان المتظاهر ... الذي توفي")
PROTESTER_VICTIM = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب)?(?:قتل|مقتل|استشهاد|اصابه|اصيب|جرح|جثمان|جثه|تشييع)\S*\s+(?:\S+\s+){0,2}?(?:ال)?(?:متظاهر|محتج|معتصم)"
        r"|(?:ال)?(?:متظاهر|محتج|معتصم)\S*\s+(?:\S+\s+){0,3}?(?:الذي\s+|التي\s+|الذين\s+)?"
        r"(?:توفي|قتل|استشهد|اصيب|قضي|فارق)"
    )
)
CONFRONTATIONS = compile_guarded(
    _n(r"(?:^|\s)(?:في|خلال|اثناء|اثر|جراء|ب)?\s*(?:ال)?(?:مواجهات|صدامات)(?=\s|$|[،.])")
)
# "مواجهات بين متظاهرين كرد وعرب", "صدامات بين أنصار الطرفين": the sides are crowds
CROWDS_CLASHED = compile_guarded(
    _n(
        r"(?:مواجهات|اشتباكات|صدامات|اشتباك|شجار|عراك)\s+(?:\S+\s+){0,2}?بين\s+"
        r"(?:ال)?(?:متظاهرين|محتجين|انصار|مناصري|مؤيدي|المتظاهرين|المحتجين)(?=\s|$)"
    )
)
# the grievance a protest was about, up to the actor named in it (no comma between)
GRIEVANCE = compile_guarded(
    _n(r"(?:^|\s)(?:" + _PROTEST_WORD + r"|احتجاجات)\s+(?:علي|ب|ل)\s*(?:[^\s،,.؛]+\s+){0,6}(?:ل|لل|ب)?$")
)


# what a dispute is over ("خلاف حول تسليم المقر للحزب"), not between whom ("خلاف بين ... و")
DISPUTE_STEMS = ("خلاف", "نزاع")
DISPUTED_OVER = compile_guarded(
    _n(
        r"(?:^|\s)(?:ال)?(?:خلاف|خلافات|نزاع)\s+(?:حول|علي|بشان|بخصوص)\s+"
        r"(?:(?!(?:بين|مع)\s)[^\s،,.؛]+\s+){0,6}(?:ل|لل|ب)?$"
    )
)


def _protested(f: Facts, c) -> bool:
    if c.category not in OCCURRENCE_CATEGORIES and not c.category.startswith("sub_event:"):
        return False
    if _protested_here(f, c):
        return True
    # "منددين بالهجوم المسلح ...، وحمّلوا ... مسؤولية الهجوم": the act named again, definite,
    # is the one protested (named by its kind again or by an attack word: not "واستخدمت القوات
    # الأمنية الرصاص الحي" after "احتجاجا على اختطاف ناشط", another act)
    return (
        contains_any(f.norm, PROTEST_STEMS)
        and DEFINITE.match(normalize(c.surface)) is not None
        and any(
            o.start < c.start
            and (o.category == c.category or c.category in ("attack", "explosion"))
            and _protested_here(f, o)
            for o in f.cues
        )
    )


def _protested_here(f: Facts, c) -> bool:
    if c.category not in OCCURRENCE_CATEGORIES and not c.category.startswith("sub_event:"):
        return False
    ns = f.npos(c.start)
    before = f.norm[max(0, ns - 16) : ns]
    return contains_any(before, PROTEST_STEMS) and bool(PROTESTED_BEFORE.search(before))


# "تحرير مختطف", "الإفراج عن الرهائن": the hostage freed, no act of taking him
FREED_HOSTAGE = compile_guarded(
    _n(
        r"(?:(?:تحرير|تحرر|انقاذ|اطلا?ق(?:ت|وا)?\s+سراح|الافراج\s+عن|افرج\s+عن|افرجت\s+عن)"
        # "أفرجت القوات الأمنية عن مواطن مختطف", "حررت قوة من الشرطة طفلا مختطفا"
        r"|(?:افرجت|افرج|حررت|حرر|انقذت|انقذ)(?:\s+[^\s،.]+){1,4}?\s+(?:عن)?)"
        # (the one freed named: "أطلق سراح المهندس المختطف")
        r"(?:\s+(?:ال)?(?:مواطن|مواطنا|مواطنه|شخص|شخصا|طفل|طفلا|طفله|امراه|شاب|شابا|فتاه|رجل|رجلا|[^\s،.]{3,}))?\s+(?:ال)?$"
    )
)
HOSTAGE_WORD = compile_guarded(_n(r"(?:ال)?(?:مختطف|مختطفه|مختطفين|مختطفان|مخطوف|مخطوفين|رهينه|رهائن)$"))


# "عجلة استخدمت في إطلاق الصواريخ", "السيارة المستخدمة في الهجوم": an instrument of the act
USED_FOR = compile_guarded(
    _n(
        r"(?:^|\s)(?:استخدم|استعمل|المستخدم|المستعمل)\S*\s+(?:في|ل|خلال)?\s*(?:(?:ب|ل)?(?:اطلاق|تنفيذ|شن)\s+)?$"
    )
)


def _instrument_of(f: Facts, c) -> bool:
    """The cue is the definite act a found thing was used in ("ونشرت السلطات صورا لعجلة استخدمت
    في إطلاق الصواريخ عثر عليها في برطلة"): the act told before, not another one."""
    ns = f.npos(c.start)
    return (
        f.norm.startswith(("ال", "لل"), ns)
        and ("استخدم" in f.norm or "استعمل" in f.norm)
        and USED_FOR.search(f.norm[max(0, ns - 30) : ns]) is not None
    )


def _freed(f: Facts, c) -> bool:
    if not c.category.startswith("sub_event:"):
        return False
    ns = f.npos(c.start)
    return (
        HOSTAGE_WORD.match(f.norm[ns : f.npos(c.end)]) is not None
        and FREED_HOSTAGE.search(f.norm[max(0, ns - 50) : ns]) is not None
    )


PROJECTILES = ("rocket", "mortar", "missile", "drone")


def _projectile_per_site(cues: list, sites: list) -> dict[str, str]:
    """{site: weapon} when each of two or more named sites follows its own projectile cue
    (a distinct cue nearest before each) or is followed by one (before the next site), else
    {}."""
    shots = sorted(
        (c for c in cues if c.category.startswith("weapon:") and c.category[7:] in PROJECTILES),
        key=lambda c: c.start,
    )
    if len(shots) < 2 or any(PLACE_RANK.get(p.kind, 1) < 3 for p in sites):
        return {}
    ordered = sorted(sites, key=lambda p: p.start)
    out, used = {}, set()
    for p in ordered:
        before = [c for c in shots if c.end <= p.start]
        if not before or before[-1].start in used:
            break
        used.add(before[-1].start)
        out[p.name_en] = before[-1].category[7:]
    else:
        return out
    # or each site followed by its own, before the next site: "قاعدة عين الأسد بصواريخ،
    # وقاعدة حرير بطائرتين مسيرتين"
    out = {}
    for p, nxt in zip(ordered, ordered[1:] + [None], strict=True):
        after = [c for c in shots if c.start >= p.end and (nxt is None or c.end <= nxt.start)]
        if not after:
            return {}
        out[p.name_en] = after[0].category[7:]
    return out


def _counted_per_country(f: Facts, places: list) -> bool:
    """Every country of the clause follows a count of the sites hit in it."""
    countries = [p for p in places if p.kind == "country"]
    return len(countries) >= 2 and all(
        SITES_COUNTED_IN.search(f.norm[max(0, f.npos(p.start) - 24) : f.npos(p.start)]) for p in countries
    )


# the object told again for the second site ("طال مقرا للحزب في كويسنجق، ومقرا لحزب كوملة في
# زركويز"): another target, another act
REPEATED_OBJECT = compile_guarded(
    _n(r"(?:^|\s)(مقرا|موقعا|هدفا|منزلا|مخزنا|معسكرا|مقرات|مواقع)\s[^.]*?[،,]\s*و\1(?=\s)")
)
ANOTHER_TARGET = compile_guarded(
    _n(r"(?:^|\s)(?:و|ل|ب)?(?:هدفا|هدف|موقعا|موقع|قاعده|مقرا|مقر)\s+(?:اخر|اخري|ثانيا|ثانيه)(?=[\s،.]|$)")
)
PLURAL_ATTACK = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب)?(?:ال)?(?:هجمات|ضربات|غارات|استهدافات|هجومين|استهدافين|غارتين|ضربتين"
        r"|(?<=ثلاث\s)عمليات|(?<=اربع\s)عمليات|(?<=خمس\s)عمليات|(?<=\d\s)عمليات"
        # (a figure and the singular noun it counts: "تعرضت لأكثر من 170 هجوما")
        r"|(?<=\d\s)(?:هجوما|هجوم|ضربه|غاره|اعتداء)"
        # (the targets counted: "قصفت الطائرات التركية 12 هدفا ... في مناطق متينا وهاكورك")
        r"|(?<=\d\s)(?:هدفا|اهداف|موقعا|مواقع)"
        r"|(?<=ثلاثه\s)(?:اهداف|مواقع)|(?<=اربعه\s)(?:اهداف|مواقع)|(?<=خمسه\s)(?:اهداف|مواقع)"
        r"|(?<=عده\s)(?:اهداف|مواقع))(?:\s|$)"
    )
)


def _as_attack(c):
    try:
        return replace(c, category="attack")
    except Exception:  # noqa: BLE001
        return c


def _specific(c) -> bool:
    return c.category.startswith("sub_event:") or c.category.startswith("weapon:")


def _nearest_site(sites: list, pos: int):
    return min(sites, key=lambda p: abs(p.start - pos))


def _far_bases(sites: list) -> bool:
    """Bases or airports each far from every other (DISTINCT_SITES_KM)."""
    return all((_km(a, b) or 0.0) > DISTINCT_SITES_KM for i, a in enumerate(sites) for b in sites[i + 1 :])


# what lies between two places listed together: "كركوك ونينوى", "الموصل، وكركوك", "في الموصل
# واثنين في كركوك" (a count and its preposition before the next)
LIST_GAP = compile_guarded(_n(r"\s*(?:،\s*)?و?\s*(?:\S+\s+(?:\S+\s+)?(?:في|ب)\s*)?"))


def _listed_sites(f: Facts, sites: list) -> bool:
    """Are the sites named one after another as a list ("كركوك ونينوى وصلاح الدين")?"""
    spans = sorted((p.start, p.end) for p in sites)
    for (_s1, e1), (s2, _e2) in pairwise(spans):
        gap = f.norm[f.npos(e1) : f.npos(s2) + 1]
        if "و" not in gap and "،" not in gap:
            return False
        if not LIST_GAP.fullmatch(
            f.norm, f.npos(e1), f.npos(s2) + (1 if f.norm.startswith("و", f.npos(s2)) else 0)
        ):
            return False
    return True


def _distinct_sites(places: list) -> list:
    """One place per distinct site (governorate or foreign country), most specific kept."""
    by_key: dict = {}
    foreign = any(p.country != "Iraq" for p in places)
    in_a_governorate = any(q.country == "Iraq" and q.governorate for q in places)
    for p in places:
        if (
            p.kind == "country"
            and p.country == "Iraq"
            and (not foreign or any(q.country == "Iraq" and q.kind != "country" for q in places))
        ):
            continue
        if p.kind == "country" and any(q.country == p.country and q.kind != "country" for q in places):
            continue  # "البرج 22 في الأردن": the country of a site named is that site
        if p.kind == "region" and p.country == "Iraq" and in_a_governorate:
            continue  # "القائم قرب الحدود السورية": the border or the Kurdistan Region describes it
        key = p.governorate or (p.country if p.kind == "country" else f"{p.country}:{p.name_en}")
        if key is None:
            continue
        cur = by_key.get(key)
        if cur is None or PLACE_RANK.get(p.kind, 1) > PLACE_RANK.get(cur.kind, 1):
            by_key[key] = p
    return list(by_key.values())


# ---------------------------------------------------------------------------------------
# merging frames into events


# a tally of many operations: "حصيلة العمليات الأمنية", "في عمليات متفرقة"
TALLY_STEMS = ("حصيل", "احصائي", "متفرق", "منفصل", "متعدد")
TALLY = compile_guarded(
    _n(
        r"(?:حصيله|احصائيه)\s+(?:\S+\s+){0,2}?(?:العمليات|عمليات|الاسبوع|الشهر|الاسبوعيه|الشهريه|الضربات)"
        r"|(?:عمليات|حملات|ضربات|غارات|هجمات)\s+(?:امنيه\s+|عسكريه\s+)?(?:متفرقه|منفصله|متعدده)"
    )
)
ARMED_PERPS = frozenset({"unknown", "isis"}) | IRAQI_FACTIONS
# the armed sides a fight can have (the civilians and the protesters are none)
CLASH_SIDES = ARMED_PERPS | {
    "pkk",
    "iraqi_security_forces",
    "peshmerga",
    "us_forces",
    "coalition",
    "iran_forces",
    "turkish_forces",
    "israel_forces",
}
# the crowd words of a riot ("اقتحم أنصار الفصائل مقر القناة", "جموع غاضبة")
CROWD = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب|ل|لل)?(?:ال)?(?:انصار|مناصر\S*|مؤيد\S*|جموع|حشود|جمهور|غاضب\S*|محتج\S*|متظاهر\S*|مشيع\S*)(?:\s|$)"
    )
)


def _family(sub: str | None) -> str:
    if sub in (
        "Shelling/artillery/missile attack",
        "Air/drone strike",
        "Remote explosive/landmine/IED",
        "Disrupted weapons use",
        "Suicide bomb",
    ):
        return "remote"
    if sub in (
        "Armed clash",
        "Attack",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
        "Looting/property destruction",
    ):
        return "street"
    return sub or ""


WARNING_SHOTS = compile_guarded(
    _n(
        r"(?:الرصاص|النار|النيران|العيارات الناريه|عيارات ناريه|اطلاقات ناريه|الاطلاقات)(?:\s+\S+)?\s+في\s+الهواء"
    )
)


# "استخدموا أسلحة خفيفة وقذائف صاروخية": the small arms an assault was fought with
USE_STEMS = ("استخدم", "مستخدم", "استعمل")
_SMALL_ARMS_USED = r"(?:استخدم\S*|مستخدمين|مستخدما|استعمل\S*)\s+(?:ال)?اسلحه\s+(?:ال)?(?:خفيفه|رشاشه|متوسطه)"
SMALL_ARMS_USED = compile_guarded(_n(_SMALL_ARMS_USED))
SMALL_ARMS_AND = compile_guarded(
    _n(_SMALL_ARMS_USED + r"(?:\s+و(?:ال)?متوسطه)?\s*(?:و)?$")
)  # ... and (the cue)
LANDED = compile_guarded(_n(r"(?:و|ف)?(?:سقط|سقوط|سقطت|سقطا)\s"))
FELL_AFTER = compile_guarded(
    _n(r"\s*(?:قد\s+)?(?:سقط|سقطت|سقطا|سقطتا)\s")
)  # "صاروخا سقط": the noun, then its verb
# "the area" of an act told before ("على المنطقة"); "the same" place when "same" is said
# ("في المنطقة ذاتها", "في المكان نفسه")
THE_AREA = compile_guarded(
    _n(
        r"(?:^|\s)(?:في|ب|علي|قرب)\s*ال(?:منطقه|مكان|موقع|قريه|ناحيه|قضاء)"
        r"(?P<same>\s+(?:ذاتها|نفسها|ذاته|نفسه))?(?=[\s،.]|$)"
    )
)
FELL_BEFORE = compile_guarded(_n(r"(?:^|\s)(?:و|ف)?(?:سقط|سقطت|سقطا|سقطتا|سقوط)\s+(?:[^\s،.]+\s+)?$"))
# "وتبادل عناصر من سرايا السلام وقوات أمنية إطلاق النار": the exchange, its sides between
_EXCHANGED = r"تبادل\S*\s+(?:\S+\s+){0,10}?(?:اطلاق\s+)?(?:النار|النيران)"
EXCHANGED_FIRE = compile_guarded(_n(_EXCHANGED))
EXCHANGED_WITH = compile_guarded(_n(_EXCHANGED + r"\s+(?:ب|باستخدام\s+)[^،.]{0,50}$"))  # ... with (the cue)
USED_IN_IT = compile_guarded(
    _n(r"(?:استخدمت|استخدم|استعملت|استعمل)\s+(?:فيها|فيه|خلالها|خلاله)\s+(?:\S+\s+){0,4}?(?:و)?(?:ب)?$")
)
OTHER_FORCE = compile_guarded(_n(r"الغاز|الهراوات|هراوات|خراطيم|المطاطي|الدخانيه|قنابل|الصجم|بنادق الصيد"))


ANOTHER_OF_THE_KIND = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:ال)?(?:رتل|رتلا|قافله|قاعده|نقطه|موقع|موقعا|دوريه|عجله|شاحنه)\s+"
        r"(?:ال)?(?:اخر|اخرا|اخري|ثان|ثانيه|ثانيا|مماثل|مماثلا|مماثله|مشابه|مشابها|مشابهه)(?=[\s،,.]|$)"
    )
)
SAME_DAY = compile_guarded(
    _n(
        r"(?:من|في|خلال)\s+(?:ال)?(?:يوم|ليله|مساء|صباح|نهار)\s+(?:نفسه|نفسها|ذاته|ذاتها)"
        r"|(?:في|خلال)\s+(?:نفس|ذات)\s+(?:ال)?(?:يوم|ليله|المساء|الصباح)"
    )
)


# the victims' kin or mourners as the ones who rioted ("فيما أقدم ذوو الضحايا لاحقا على إحراق منازل")
KIN_CROWD = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?(?:ذوو|ذوي|اهالي|اقارب|عشائر|مشيعو|مشيعون|المشيعين|المشيعون)\s")
)


def _crowd_after_gunmen(e: Event, fr: Frame) -> bool:
    """A riot of protesters (or of the victims' kin) told after an armed side's attack (not
    the riot it answered)."""
    if fr.sub_event not in ("Violent demonstration", "Mob violence"):
        return False
    if e.sub_event in ("Violent demonstration", "Mob violence", "Excessive force against protesters"):
        return False
    if not any(r.role == "perp" and r.actor_id in ARMED_PERPS and r.strength >= 2.0 for r in e.roles):
        return False
    if e.sub_event is not None and any(
        r.role == "perp" and r.actor_id == "protesters" and r.strength >= 2.0 for r in fr.roles
    ):
        return True
    f = fr.facts
    return not any(r.role == "perp" and r.actor_id in ARMED_PERPS for r in fr.roles) and bool(
        KIN_CROWD.search(f.norm, f.npos(fr.lo), f.npos(fr.hi))
    )


def _gunmen_vs_forces(a: list, b: list) -> bool:
    return any(r.role == "perp" and r.actor_id == "unknown" and r.strength >= 2.0 for r in a) and any(
        r.role == "perp" and r.actor_id in ("iraqi_security_forces", "peshmerga") and r.strength >= 2.0
        for r in b
    )


def _places_conflict(a, b) -> bool:
    if a is None or b is None:
        return False
    if a.country != b.country and a.kind != "country" and b.kind != "country":
        return True
    if a.country != b.country:
        return True
    if a.governorate and b.governorate and a.governorate != b.governorate:
        return True
    ra, rb = PLACE_RANK.get(a.kind, 1), PLACE_RANK.get(b.kind, 1)
    if ra >= 5 and rb >= 5 and a.name_en != b.name_en:
        km = _km(a, b)
        # two names of one site ("the embassy" in "the Green Zone", a base at an airport)
        return km is None or km > SAME_SITE_KM
    return False


# "the base", "the airport" named again with the article, as where an act happened
SITE_AGAIN = compile_guarded(
    _n(
        r"(?:^|\s)(?:علي|في|داخل|محيط|قرب)\s+(?:ال)(?:قاعده|مطار|معسكر|سفاره|قنصليه|حقل)(?=[\s،.]|$)"
        # ("وكانت القاعدة قد تعرضت لهجوم": the site the subject of what it suffered)
        r"|(?:^|\s)(?:و)?(?:كانت|كان)\s+ال(?:قاعده|مطار|معسكر|سفاره|قنصليه|حقل)\s+(?:قد\s+)?(?:تعرض|تعرضت)\s"
    )
)


# "the attackers" of the act just told ("أسفرت عن مقتل اثنين من المهاجمين واعتقال ثالث")
HUNTERS = frozenset({"iraqi_security_forces", "peshmerga", "pmf", "us_forces", "coalition", "turkish_forces"})
THE_ATTACKERS = compile_guarded(
    _n(r"(?:^|\s)(?:من\s+)?(?:ال|لل)(?:مهاجمين|مهاجمون|منفذين)(?=[\s،.]|$)|منفذي\s+الهجوم")
)


def _attackers_hunted(events: list[Event]) -> None:
    """ "وعلى إثر الهجوم، شنت القوات الأمنية عملية تمشيط أسفرت عن مقتل اثنين من المهاجمين":
    the attackers a later operation hit are the last act's attackers (its named side), not
    unnamed gunmen acting."""
    for k, e in enumerate(events):
        if not k or any(r.role == "target" and r.actor_id != "unknown" for r in e.roles):
            continue
        words = _frames_text(e)
        if not THE_ATTACKERS.search(words):
            continue
        if not any(r.role == "perp" and r.actor_id in HUNTERS for r in e.roles):
            continue  # (the forces went after them)
        last = events[k - 1]
        perps = [r for r in last.roles if r.role == "perp" and r.actor_id != "unknown" and r.strength >= 1.5]
        if not perps:
            continue
        e.roles = [r for r in e.roles if r.actor_id != "unknown"]
        e.roles.append(Role(max(perps, key=lambda r: r.strength).actor_id, "target", 1.5, 9_000_000))
        e.notes.append("target: the attackers of the act before")
        if e.place is None and last.place is not None:
            e.place = last.place  # (hunted where they struck, unless told elsewhere)


def _the_site_again(events: list[Event]) -> None:
    """ "إذ كانت قد تعرضت يوم الثلاثاء لهجوم بصاروخين ... على القاعدة": an act placed only at
    "the base" happened at the base the story told before."""
    for k, e in enumerate(events):
        if e.place is not None or not k:
            continue
        words = _frames_text(e)
        # ("في المنطقة ذاتها", "في المكان نفسه": the same place, whatever its kind)
        same = any(m.group("same") for m in THE_AREA.finditer(words))
        if not same and not SITE_AGAIN.search(words):
            continue
        site = next(
            (
                x.place
                for x in reversed(events[:k])
                if x.place is not None and (same or PLACE_RANK.get(x.place.kind, 1) >= 5)
            ),
            None,
        )
        if site is not None:
            e.place = site
            e.notes.append("place: the site named before")


def _near_city_in_dateline_province(events: list[Event], facts: list[Facts]) -> None:
    """ "شمال شرقي بعقوبة" is somewhere near the city, maybe in another province (its
    governorate was left out); a story filed from the city's own province ("ديالى - خاص" on
    a line of its own) says it is there."""
    near = [
        e for e in events if e.place is not None and e.place.kind == "region" and e.place.governorate is None
    ]
    if not near:
        return
    from marsad.extract import vocab as entity_vocab

    provinces = {
        p.governorate
        for f in facts[:3]
        if not f.is_title and len(f.text) <= 40  # a dateline line ("ديالى - خاص"), read here
        for p in entity_vocab.find_places(f.text)
        # (the capital's datelines head national reports: ministries, agencies)
        if p.start <= 2
        and p.governorate not in (None, "Baghdad")
        and DATELINE.match(f.text[p.end : p.end + 4])
    }
    if len(provinces) != 1:
        return
    for e in near:
        named = next(
            (
                p
                for fr in e.frames
                for p in fr.facts.places
                if p.name_en == e.place.name_en and p.kind == "city"
            ),
            None,
        )
        if named is not None and named.governorate in provinces:
            e.place = _replace(e.place, governorate=named.governorate)
            e.notes.append("governorate: the dateline's province")


# "كما انفجرت عبوة ثانية في منطقة الزعفرانية": another device (not a projectile of one salvo)
ANOTHER_DEVICE = compile_guarded(
    _n(
        r"(?:^|\s)(?:ب|و)?(?:ال)?(?:عبوه|عبوات|سياره\s+مفخخه|دراجه\s+مفخخه|انفجار|تفجير|انتحاري)"
        r"(?:\s+(?:ناسفه|لاصقه|صوتيه))?\s+(?:ال)?(?:ثانيه|ثاني|ثالثه|ثالث|اخري|اخر)(?=[\s،.]|$)"
    )
)


def _another_device_elsewhere(e: Event, fr: Frame) -> bool:
    """The frame tells another device set off at another named place than the event's."""
    a, b = e.place, fr.place
    if a is None or b is None or a.name_en == b.name_en:
        return False
    if PLACE_RANK.get(a.kind, 1) < 4 or PLACE_RANK.get(b.kind, 1) < 4:
        return False
    words = fr.facts.norm[fr.facts.npos(fr.lo) : fr.facts.npos(fr.hi)]
    return ("ثان" in words or "اخر" in words or "ثالث" in words) and ANOTHER_DEVICE.search(words) is not None


def _other_weapon_found_elsewhere(e: Event, fr: Frame) -> bool:
    """A weapon of another kind found or foiled at another named place ("سقطت طائرة مسيرة في
    محيط مطار بغداد، فيما عثرت القوات على منصة إطلاق صواريخ في منطقة الرضوانية"): another act,
    not the event's own launcher (a rocket attack's launcher found nearby is). Within one
    sentence only: a later sentence may tell the same drones shot down."""
    return (
        fr.sub_event == "Disrupted weapons use"
        and any(x.facts is fr.facts for x in e.frames)
        and e.sub_event not in (None, "Disrupted weapons use")
        and e.weapon is not None
        and fr.weapon is not None
        and e.weapon != fr.weapon
        and e.place is not None
        and fr.place is not None
        and e.place.name_en != fr.place.name_en
    )


# "الأولى في المقدادية ...، والثانية في خانقين ...": the acts of a count told one by one
ORDINAL_ITEM = compile_guarded(
    # (an item opens after a comma or a colon, or with "و": not "الفرقة الثانية في ...")
    _n(r"(?:[،,:]\s*(?:و|ف)?|\sو)(?:الاول|الاولي|الثاني|الثانيه|الثالث|الثالثه|الرابع|الرابعه)(?=\s)")
)


def _ordinal_sites(f: Facts, lo: int, hi: int, places: list) -> list[tuple[int, int, object]]:
    """(lo, hi, place) of each ordinal item of the clause ("الأولى في X ...، والثانية في Y
    ..."), when there are two or more and each names its own specific place; else []."""
    if "الاول" not in f.norm and "الثاني" not in f.norm:
        return []
    nlo, nhi = f.npos(lo), f.npos(hi)
    starts = [f.orig(m.start() + 1) for m in ORDINAL_ITEM.finditer(f.norm, nlo, nhi)]
    if len(starts) < 2:
        return []
    bounds = starts + [hi]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        own = [p for p in places if a <= p.start < b and PLACE_RANK.get(p.kind, 1) >= 3]
        if len(own) != 1:
            return []
        out.append((a, b, own[0]))
    if len({p.name_en for _, _, p in out}) != len(out):
        return []
    return out


def _far_districts(e: Event, fr: Frame) -> bool:
    """Two districts or neighbourhoods far apart ("حي الشعلة", "قضاء الطارمية": 31 km) are
    two acts -- not when the event's own sentences named both ("ناحية باطوفة التابعة لقضاء
    زاخو": the sub-district and the district around it)."""
    a, b = e.place, fr.place
    if a is None or b is None or a.name_en == b.name_en:
        return False
    ranks = sorted((PLACE_RANK.get(a.kind, 1), PLACE_RANK.get(b.kind, 1)))
    if ranks == [4, 4]:
        limit = DISTINCT_DISTRICTS_KM
    elif ranks[0] in (3, 4) and ranks[1] >= 5:
        # a district or city and a site beyond it ("مقرا للكتائب في القائم" and "قاعدة عين
        # الأسد", 140 km apart; "قاعدة بلد" and "تكريت", 90 km): a site may lie farther from
        # its district's centre than a village
        limit = DISTINCT_SITES_KM
    else:
        return False
    km = _km(a, b)
    if km is None or km <= limit:
        return False
    named_by_event = {p.name_en for x in e.frames for p in x.places}
    return b.name_en not in named_by_event and a.name_en not in {p.name_en for p in fr.places}


# Sites listed in one clause farther apart than this are distinct (a city and the field
# "in its countryside" are ~15 km apart; two cities of one country usually > 50 km)
DISTINCT_SITES_KM = 50.0

# Two specific places closer than this are one site under two names (tuned on dev: the
# embassy / Green Zone, Victory base / Baghdad airport are 1-5 km apart; two cities > 30 km)
SAME_SITE_KM = 8.0

# Two districts / neighbourhoods this far apart are two places (a district is at most
# ~30 km across: its centre and a village in it are closer than this)
DISTINCT_DISTRICTS_KM = 20.0


# "جنوب تكريت" lies in Salah al-Din: no place of another governorate within this of Tikrit;
# "جنوبي بغداد" may not (Kalsu, in Babil, is 50 km south; Bani Saad, Diyala's, 34 km east)
BORDER_KM = 50.0


# the sides a place is said to lie on, as compass bearings ("جنوب غربي كركوك": 225)
_SIDES = {"شمال": 0.0, "شرق": 90.0, "جنوب": 180.0, "غرب": 270.0}
SIDE_WORDS = compile_guarded(_n(r"(?:^|\s)(شمال|جنوب|شرق|غرب)(?:ي)?(?=\s)"))


def _bearing_of(before: str) -> float | None:
    """The bearing the trailing side words name ("جنوب غربي": 225, "شرقي": 90), or None."""
    sides = [_SIDES[m.group(1)] for m in SIDE_WORDS.finditer(before + " ")][-2:]
    if not sides:
        return None
    if len(sides) == 2 and _angle(sides[0], sides[1]) == 90.0:
        return 315.0 if set(sides) == {0.0, 270.0} else (sides[0] + sides[1]) / 2
    return sides[-1]


@cache
def _near_another_governorate(name_en: str, bearing: float | None = None) -> bool:
    """A gazetteer place of another Iraqi governorate lies within BORDER_KM of the city (on
    the side `bearing` names, within 67.5 degrees, when given: Chamchamal, Sulaymaniyah's,
    is 40 km east of Kirkuk, so "جنوب غربي كركوك" is still Kirkuk's)."""
    from marsad.extract.vocab import load_places

    places = [q for q in load_places() if q.country == "Iraq" and q.governorate is not None]
    city = next((q for q in places if q.name_en == name_en), None)
    if city is None:
        return True
    return any(
        q.governorate != city.governorate
        and (d := _km(city, q)) is not None
        and d <= BORDER_KM
        and (bearing is None or _angle(_bearing(city, q), bearing) <= 67.5)
        for q in places
    )


def _bearing(a, b) -> float:
    """The compass bearing from a to b, in degrees (0 north, 90 east)."""
    dx = (b.longitude - a.longitude) * math.cos(math.radians(a.latitude))
    return math.degrees(math.atan2(dx, b.latitude - a.latitude)) % 360.0


def _angle(x: float, y: float) -> float:
    d = abs(x - y) % 360.0
    return min(d, 360.0 - d)


def _km(a, b) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    import math

    dy = (a.latitude - b.latitude) * 111.0
    dx = (a.longitude - b.longitude) * 111.0 * math.cos(math.radians((a.latitude + b.latitude) / 2))
    return math.hypot(dx, dy)


def _period(d):
    if d.precision == "week":
        return d.date, d.date + dt.timedelta(days=6)
    if d.precision == "month":
        nxt = dt.date(d.date.year + (d.date.month == 12), d.date.month % 12 + 1, 1)
        return d.date, nxt - dt.timedelta(days=1)
    if d.precision == "year":
        return dt.date(d.date.year, 1, 1), dt.date(d.date.year, 12, 31)
    return d.date, d.date


def _other_day(a, b) -> bool:
    """Within one story, "أمس الأحد" and "يوم الاثنين" are two days: two events."""
    return (
        a is not None and b is not None and a.precision == "day" and b.precision == "day" and a.date != b.date
    )


def _targets_conflict(e: Event, fr: Frame) -> bool:
    """Both name who was attacked, and they are unrelated actors: two events."""

    def strong(roles):
        return {r.actor_id for r in roles if r.role == "target" and r.strength >= 2.0}

    a, b = strong(e.roles), strong(fr.roles)
    if not a or not b or a & b:
        return False
    fam = lambda ids: {UMBRELLA_OF.get(i, i) for i in ids} | ids  # noqa: E731
    if fam(a) & fam(b):
        return False
    civilian = lambda ids: ids <= CIVILIAN  # noqa: E731
    # violence against civilians next to an attack on officials or armed men: two events
    return civilian(a) != civilian(b) and "Attack" in (e.sub_event, fr.sub_event)


# "كما استهدفت صواريخ أخرى قاعدة للتحالف في أربيل": more of the same salvo
OTHER_PROJECTILES = compile_guarded(
    _n(
        r"(?:صواريخ|صاروخ|صاروخين|قذائف|قذيفه|قذيفتين|طائره|طائرات|مسيره|مسيرات|مسيرتين)\s+(?:\S+\s+)?"
        r"(?:اخري|اخر|اخرين|اخريين|الاخري|الاخر)(?=[\s،.]|$)"
    )
)


def _more_of_the_salvo(e: Event, fr: Frame, events: list[Event]) -> None:
    """Other projectiles of the salvo just told, at another site, with no attacker named:
    the last event's attacker fired them too."""
    if e.background or any(r.role == "perp" and r.actor_id != "unknown" for r in e.roles):
        return
    last = next((x for x in reversed(events) if not x.background), None)
    if last is None or fr.facts.index - last.last_index > 1:
        return
    if not OTHER_PROJECTILES.search(fr.facts.norm[fr.facts.npos(fr.lo) : fr.facts.npos(fr.hi)]):
        return
    perps = [r for r in last.roles if r.role == "perp" and r.strength >= 2.0 and r.actor_id != "unknown"]
    if perps:
        top = max(perps, key=lambda r: r.strength)
        e.roles.append(Role(top.actor_id, "perp", 1.6, top.pos))
        e.claimed = e.claimed or last.claimed
        e.notes.append("perpetrator: the salvo's, told before")


def _roles_reversed(e: Event, fr: Frame) -> bool:
    """Who attacked in one is who was attacked in the other, each at its own place: a reply,
    two events ("هجوم بطائرة مسيرة استهدف قاعدة عين الأسد" then "شنت طائرات أمريكية غارة على
    موقع لكتائب حزب الله في منطقة القائم"); in a clash each side is both."""
    if "Armed clash" in (e.sub_event, fr.sub_event) or e.sub_event is None or fr.sub_event is None:
        return False
    if e.place is None or fr.place is None or e.place.name_en == fr.place.name_en:
        return False  # (at one site, the reply is told with the act: "ردت القوات بإطلاق النار")

    def strong(roles, role):
        return {r.actor_id for r in roles if r.role == role and r.strength >= 2.0} - {"unknown"}

    return bool(
        strong(e.roles, "perp") & strong(fr.roles, "target")
        or strong(e.roles, "target") & strong(fr.roles, "perp")
    )


def _dates_conflict(a, b) -> bool:
    """The periods two date expressions stand for lie more than a day apart."""
    if a is None or b is None:
        return False
    (a0, a1), (b0, b1) = _period(a), _period(b)
    return a1 < b0 - dt.timedelta(days=1) or b1 < a0 - dt.timedelta(days=1)


# a cue written with the article ("القصف", "بالهجوم"): the act told before
DEFINITE = compile_guarded(r"(?:و|ف|ب|ل)?(?:ال|لل)")


def _definite(f: Facts, c) -> bool:
    return DEFINITE.match(f.norm, f.npos(c.start)) is not None


PAST_BE = frozenset(("وكان", "وكانت", "كان", "كانت"))


def _recalls(f: Facts) -> bool:
    """A background mark of the sentence tells an earlier time of its act: opening the
    sentence, or before its first act word ("في عام 2014 قتل ..."). One after the act told
    is about something else -- its scene ("، وكان السوق مكتظا"), a victim's past ("ناشطا سبق
    أن تعرض لمحاولة اغتيال"), the place's ("الذي شهد هجمات مماثلة في السابق", "يذكر أن المنطقة
    تشهد هجمات متكررة") -- and "وكان" is the pluperfect of a recalled act only opening it."""
    first_act = min(
        (
            c.start
            for c in f.cues
            if c.category.startswith("sub_event:") or c.category in OCCURRENCE_CATEGORIES
        ),
        default=None,
    )
    return any(
        c.category == "background"
        and (
            c.start <= 2
            or (normalize(c.surface) not in PAST_BE and (first_act is None or c.start < first_act))
        )
        for c in f.cues
    )


# "فيما نجا آخر", "وقتل آخرون": another one (not "وأصيب آخر", the same act's wounded, unless
# told at a town of its own)
ANOTHER_VICTIM = compile_guarded(
    _n(
        r"^[\s،,]*(?:و|ف)?(?:فيما|بينما)?\s*(?:نجا|قتل|اغتيل|اصيب|جرح|خطف|اختطف)\s+(?:اخر|اخرون|اخران|اخري)(?=[\s،,]|$)"
    )
)


def _another_victim_elsewhere(f: Facts, lo: int, hi: int, places: list, all_places: list) -> bool:
    """The clause tells another victim at a town of its own, not the first clause's."""
    if "اخر" not in f.norm or not ANOTHER_VICTIM.match(f.norm[f.npos(lo) : f.npos(hi)]):
        return False
    own = [p for p in places if _in(p.start, lo, hi) and PLACE_RANK.get(p.kind, 1) >= 3]
    before = [p for p in all_places if p.start < lo and PLACE_RANK.get(p.kind, 1) >= 3]
    return bool(own) and bool(before) and all(p.name_en != q.name_en for p in own for q in before)


# an aside the writer adds after the act ("، يذكر أن المنطقة تشهد هجمات متكررة")
ASIDE = compile_guarded(
    _n(r"[،,]\s*(?:و)?(?:يذكر\s+ان|يشار\s+الي\s+ان|الجدير\s+بالذكر\s+ان|علما\s+ان|علما\s+بان)\s")
)


def _aggregate_only_aside(f: Facts) -> bool:
    """Every aggregate word of the sentence stands in an aside after the act told: the
    series it names is not the act's toll ("أصيب ثلاثة مدنيين بانفجار عبوة ...، يذكر أن
    المنطقة تشهد هجمات متكررة")."""
    if "يذكر" not in f.norm and "يشار" not in f.norm and "الجدير" not in f.norm and "علما" not in f.norm:
        return False
    m = ASIDE.search(f.norm)
    if m is None:
        return False
    at = f.orig(m.start())
    return all(c.start > at for c in f.cues if c.category == "aggregate")


def _all_definite(f: Facts, cues: list) -> bool:
    """Every act word among `cues` is a definite noun ("القصف", "الهجوم"): it refers back."""
    acts = [c for c in cues if c.category in OCCURRENCE_CATEGORIES or _specific(c)]
    return bool(acts) and all(_definite(f, c) for c in acts)


def _anaphoric(fr: Frame) -> bool:
    """Every cue of the frame is a definite noun ("القصف", "الهجوم"): it refers back."""
    return _all_definite(fr.facts, [c for c in fr.facts.cues if _in(c.start, fr.lo, fr.hi)])


def _names_an_earlier_kind(fr: Frame, current: Event, events: list[Event]) -> bool:
    """The frame's kind of act is not the recalled one's but a fresh event's of the story."""
    return (
        fr.sub_event is not None
        and current.sub_event is not None
        and fr.sub_event != current.sub_event
        and any(not e.background and e.sub_event == fr.sub_event for e in events)
    )


def _tells_how_it_happened(e: Event, fr: Frame, opts: ExtractOptions) -> bool:
    """ "ارتفعت حصيلة التفجير الذي استهدف سوقا ... إلى 18 قتيلا. وكانت سيارة مفخخة قد انفجرت
    داخل السوق": right after a report that names no act, a pluperfect with no day or place
    of its own tells how that event happened; it recounts no earlier one."""
    if e.background or not fr.background or e.sub_event is not None or fr.sub_event is None:
        return False
    if fr.date is not None or fr.ref_date is not None or fr.new_event or "dual" in fr.notes:
        return False
    if fr.facts.index - e.last_index != 1 or not (fr.place is None or _same_anchor(e, fr)):
        return False
    return _compatible_as_told(e, fr, opts)


def _compatible_as_told(e: Event, fr: Frame, opts: ExtractOptions) -> bool:
    """`compatible` with the pluperfect frame read as the reported event itself."""
    fr.background = False
    try:
        return compatible(e, fr, opts)
    finally:
        fr.background = True


# "وكان مصدر أمني عراقي قال": the source's pluperfect, a statement made earlier (not "وكانت
# القوات قد أعلنت اعتقال": an act announced is that act, told again)
SAID_EARLIER = compile_guarded(
    _n(
        r"^(?:و)?(?:كان|كانت|كانا|كانوا)\s+(?:\S+\s+){0,4}?(?:قد\s+)?"
        r"(?:قال|قالت|ذكر|ذكرت|افاد|افادت|صرح|صرحت|اوضح|اوضحت|نقل|نقلت|افادوا|قالوا)(?=[\s،,]|$)"
    )
)
# the verbs of an act that broke out or took place (OCCURRED, ACT_OCCURRED_WHEN)
_OCCURRED_VERB = r"وقع|وقعت|اندلع|اندلعت|اندلعا|بدا|بدات|جري|جرت|حدث|حدثت|انطلقت|انطلق"
# "وكانت الاشتباكات قد اندلعت أمس": when the act told broke out or took place
OCCURRED = compile_guarded(_n(r"(?:^|\s)قد\s+(?:" + _OCCURRED_VERB + r")(?:\s|$)"))


def _tells_when_it_happened(e: Event, fr: Frame, opts: ExtractOptions) -> bool:
    """ "ارتفعت حصيلة ضحايا الاشتباكات ... إلى 30 قتيلا. وكانت الاشتباكات قد اندلعت أمس
    الاثنين": right after an undated report, the same act named again (a definite noun) in
    the pluperfect of "broke out / took place", with a day and no other place, dates that
    event; it recounts no earlier one."""
    if e.background or not fr.background or e.date is not None or fr.date is None:
        return False
    if fr.new_event or "dual" in fr.notes or fr.sub_event is None or fr.sub_event != e.sub_event:
        return False
    if fr.facts.index - e.last_index != 1 or not (fr.place is None or _same_anchor(e, fr)):
        return False
    f = fr.facts
    if not OCCURRED.search(f.norm[f.npos(fr.lo) : f.npos(fr.hi)]) or not _anaphoric(fr):
        return False
    return _compatible_as_told(e, fr, opts)


def compatible(e: Event, fr: Frame, opts: ExtractOptions) -> bool:
    if fr.new_event:
        return False
    if fr.background and not e.background:
        # a recounted earlier event ("وكانت ... قد", "بعد ... من اغتيال") is another event
        return False
    if fr.background and e.background and not _anaphoric(fr):
        return False  # two recounted events ("وكانت ...", "الذكرى السنوية لـ ...") are two
    if fr.facts.index - e.last_index > opts.merge_window:
        return False
    if _places_conflict(e.place, fr.place) or _far_districts(e, fr):
        return False
    if _another_device_elsewhere(e, fr) or _other_weapon_found_elsewhere(e, fr):
        return False
    if _dates_conflict(e.ref_date, fr.ref_date) or _other_day(e.ref_date, fr.ref_date):
        return False
    if _targets_conflict(e, fr) or _roles_reversed(e, fr):
        return False
    if "dual" in fr.notes or "dual" in e.notes:
        return False
    if "site split" in fr.notes and e.place is None:
        return False
    if _crowd_after_gunmen(e, fr):
        # "اغتيل الناشط بإطلاق نار من مسلحين" then "وأحرق المحتجون إطارات السيارات تنديدا
        # بالاغتيال": the crowd's riot is its own act, not the killers'
        return False
    if _gunmen_vs_forces(e.roles, fr.roles) or _gunmen_vs_forces(fr.roles, e.roles):
        # unidentified gunmen are never the security forces, who are named as such: "تعرضا
        # لهجوم من قبل مجهولين" and "ردت قوات مكافحة الشغب بإطلاق الرصاص" are two acts
        return False
    if "site split" in fr.notes and any(
        "site split" in o.notes
        and o.facts is fr.facts
        and o.lo == fr.lo
        and (_km(o.place, fr.place) or 0.0) > DISTINCT_SITES_KM
        for o in e.frames
    ):
        # the far-apart sites one clause lists ("في الجولان وإيلات وحيفا") are so many
        # events; a near one describes another ("حقل كونيكو في ريف دير الزور")
        return False
    if "ordinal split" in fr.notes and any(
        "ordinal split" in o.notes and o.facts is fr.facts and o.lo == fr.lo for o in e.frames
    ):
        return False  # "الأولى في ...، والثانية في ...": two acts, each told apart
    if fr.sub_event is None or e.sub_event is None or _anaphoric(fr):
        return True
    if fr.sub_event == "Arrests" or e.sub_event == "Arrests":
        return fr.sub_event == e.sub_event
    if _family(e.sub_event) != _family(fr.sub_event) and not _tells_how(e, fr):
        # a remote attack and a street fight are two events -- unless the same attacker hit
        # the same named site (shelled, then stormed)
        perps = lambda rs: {r.actor_id for r in rs if r.role == "perp" and r.actor_id != "unknown"}  # noqa: E731
        same_site = (
            e.place is not None
            and fr.place is not None
            and e.place.name_en == fr.place.name_en
            and PLACE_RANK.get(fr.place.kind, 1) >= 5
        )
        return same_site and bool(perps(e.roles) & perps(fr.roles))
    return True


def _tells_how(e: Event, fr: Frame) -> bool:
    """The sentence right after an act tells how it was done, with nothing of its own: no
    day, no count, no other place, no other attacker ("كمين نصبه داعش" then "فجروا عبوة
    ناسفة على عجلة القوة ثم فتحوا النار على أفرادها": one ambush)."""
    if fr.facts.index - e.last_index != 1 or fr.date is not None or fr.background:
        return False
    if fr.killed is not None or fr.wounded is not None:
        return False
    if fr.place is not None and (
        e.place is None
        # (the province a speaker's title names holds the act's district: no other place;
        # compatible() has ruled out a conflict)
        or (
            fr.place.name_en != e.place.name_en
            and PLACE_RANK.get(fr.place.kind, 1) > PLACE_RANK.get(e.place.kind, 1)
        )
    ):
        return False
    named = {r.actor_id for r in e.roles if r.role == "perp"}
    return all(r.actor_id in named or r.actor_id == "unknown" for r in fr.roles if r.role == "perp")


def _km_apart(a, b) -> float:
    """Great-circle distance between two gazetteer places (0 when either has no coordinates)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return 0.0
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def merge(e: Event, fr: Frame) -> None:
    if fr.facts.index != e.frames[-1].facts.index:
        # a later sentence's count of the attackers' dead adds to the victims' (spec 6)
        _attackers_dead_added(e, fr.facts, fr.killed)
    e.frames.append(fr)
    if e.sub_event is None:
        e.sub_event = fr.sub_event
    elif (
        fr.sub_event
        and _family(e.sub_event) == "remote"
        and e.weapon is None
        and fr.sub_event != "Disrupted weapons use"
        and e.sub_event != "Disrupted weapons use"
        and SUB_EVENT_RANK.get(fr.sub_event, 0) > SUB_EVENT_RANK.get(e.sub_event, 0)
    ):
        # a more specific mechanism of the same strike (the lead said "rockets", a later
        # sentence "drone"); whether it was shot down is the lead's reading, and a street
        # fight keeps the lead's reading too
        e.sub_event = fr.sub_event
    elif (
        e.sub_event in ("Violent demonstration", "Mob violence")
        and fr.sub_event == "Excessive force against protesters"
        and e.killed is None
        and e.wounded is None
        and any(c is not None and c.best for c in (fr.killed, fr.wounded))
        # (the force named as firing, or as whom the crowd faced, "قتل متظاهران بالرصاص الحي خلال
        # مواجهات مع قوات الأمن": shots of no one named stay the riot's toll)
        and any(r.role == "perp" and r.actor_id in FORCES_OF_STATE and r.strength >= 1.5 for r in fr.roles)
    ):
        # "اقتحم متظاهرون القنصلية ...، فيما أطلقت قوات الأمن النار لتفريقهم، ما أسفر عن مقتل
        # ثلاثة متظاهرين": the toll is of the forces' fire on the crowd (spec section 4)
        e.sub_event = fr.sub_event
        e.weapon = fr.weapon or e.weapon
        e.notes.append("the crowd's toll is the forces' fire")
    if (
        e.weapon is None
        or (fr.weapon in ("ied", "drone") and e.weapon not in ("ied", "drone"))
        # "قصف صاروخي" then "12 صاروخاً باليستياً": the rockets were ballistic missiles
        or (fr.weapon == "missile" and e.weapon == "rocket")
    ):
        e.weapon = fr.weapon or e.weapon
    # (a sentence about many acts, "كان مسؤولا عن تنفيذ عدة هجمات ضد القوات الأمنية
    # والمدنيين", names their parties, not this one's; only a claim or a charge is kept)
    later = [r for r in fr.roles if "many acts" not in fr.notes or r.strength >= 3.0]
    if fr.sub_event is None and fr.facts.index != e.frames[0].facts.index:
        # a later sentence with no act of its own tells more of the parties; on a tie the
        # lead's own telling stands ("استهدفت عبوة رتلا للتحالف" then "تضرر عجلة مدنية")
        later = [Role(r.actor_id, r.role, r.strength - 0.05, r.pos) for r in later]
    e.roles.extend(later)
    if e.place is None or (
        fr.place is not None
        and PLACE_RANK.get(fr.place.kind, 1) > PLACE_RANK.get(e.place.kind, 1)
        and not _places_conflict(e.place, fr.place)
        # (not a site far from the district the act was told in: "قصف ... في ناحية شيلادزي" then
        # "حيدت ثلاثة إرهابيين في منطقة متينا", the other side's telling of where)
        and not (
            PLACE_RANK.get(e.place.kind, 1) >= PLACE_RANK["district"] and _km_apart(e.place, fr.place) > 15
        )
    ):
        e.place = fr.place or e.place
    # (a later sentence's "منذ أسبوع" is when a running spell began, "القصف متواصل منذ أسبوع":
    # not the day of the act told before it)
    since_later = fr.facts.index != e.frames[0].facts.index and getattr(fr.date, "since", False)
    if e.date is None and fr.date is not None and not since_later:
        e.date = fr.date
    elif (
        e.date is not None
        and fr.date is not None
        and _reporting_date(e.frames[0])
        and not getattr(fr.date, "relative", True)
        and fr.date.date < e.date.date
        and fr.date.precision == "day"
    ):
        # "أعلن ... اليوم الثلاثاء اعتقال ..." then "في 9 نيسان": the lead's date is the
        # announcement's, the explicit earlier day is the event's
        e.date = fr.date
    if e.ref_date is None and fr.ref_date is not None and not since_later:
        e.ref_date = fr.ref_date

    # a later sentence naming the same act again ("مقتل عشرة أشخاص في الغارة") with a fuller
    # toll than the lead's (the two leaders named) tells the whole of it
    # (not over an explicit none: "دون وقوع إصابات" is no partial toll)
    def fuller(old, new) -> bool:
        return (
            (new.best or 0) > (old.best or 0) > 0
            and fr.facts.index != e.frames[0].facts.index
            and (
                _anaphoric(fr)
                # ("ثلاثة أشخاص كانوا داخل السيارة قتلوا، بينهم القيادي": the one told before among them)
                or ("بين" in fr.facts.norm and AMONG_THEM_THE_ONE.search(fr.facts.norm) is not None)
            )
        )

    if fr.killed is not None and (e.killed is None or fuller(e.killed, fr.killed)):
        e.killed = fr.killed
    if fr.wounded is not None and (e.wounded is None or fuller(e.wounded, fr.wounded)):
        e.wounded = fr.wounded
    e.claimed = e.claimed or fr.claimed


def _joint_figure(fr: Frame):
    """The figure of the dead and the wounded together the frame's clause tells, if any."""
    joint = fr.facts.casualties.joint if fr.facts.finders and fr.facts.casualties else None
    return joint if joint is not None and _in(joint.start, fr.lo, fr.hi) else None


def _reporting_date(fr: Frame) -> bool:
    """The frame's date sits right after a reporting verb ("أعلن X، اليوم الثلاثاء، ...")."""
    d = fr.date
    if d is None:
        return False
    f = fr.facts
    return (
        any(c.category == "reporting" and 0 <= d.start - c.end <= 40 and c.start < d.start for c in f.cues)
        and d.start < fr.cue_pos
    )


def new_event(fr: Frame) -> Event:
    e = Event(
        frames=[fr],
        sub_event=fr.sub_event,
        weapon=fr.weapon,
        roles=list(fr.roles),
        place=fr.place,
        date=fr.date,
        ref_date=fr.ref_date,
        killed=fr.killed,
        wounded=fr.wounded,
        claimed=fr.claimed,
        background=fr.background,
    )
    e.notes.extend(fr.notes)
    return e


# "نافيا أن يكون الانفجار ناجما عن ...", "استبعد أن يكون ...": the accident denied
ACCIDENT_DENIED = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:نفى|نفت|نافيا|نافيه|استبعد|استبعدت|مستبعدا|مستبعده|ليس|لم يكن|لا)\s+(?:\S+\s+){0,6}$"
    )
)

SUSPECTED_STEMS = ("رجح", "ترجيح", "يستبعد", "تستبعد", "احتمال", "فرضي", "يشتبه", "شكوك", "ربما")
SUSPECTED = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:مرجحا|مرجحه|رجح|رجحت|يرجح|ترجح|ترجيحات|(?:لم|لا)\s+(?:ي|ت)ستبعد|احتمال|"
        r"فرضيه|يشتبه|شكوك|ربما)\s+(?:\S+\s+){0,7}$"
    )
)


def _accident_of(e: Event, f: Facts) -> bool:
    """Does sentence `f` say the event just told was an accident ("وقال مصدر إن الانفجار نجم
    عن ارتفاع درجات الحرارة وسوء الخزن")? Only of a blast or fire that no one is named as
    setting off, and only when the sentence speaks of it (right after it, or naming it
    "the explosion", "the incident")."""
    if e.background or (e.sub_event is not None and e.weapon is not None):
        return False  # "انفجرت عبوة ناسفة": a bomb is set off by someone
    if any(r.role == "perp" and r.strength >= 2.0 and r.actor_id != "unknown" for r in e.roles):
        return False
    if f.index - e.last_index > 1 and not vocab().anaphora.search(f.norm):
        return False
    cues = [c for c in f.cues if c.category == "accident"]
    return any(
        not ACCIDENT_DENIED.search(f.norm[max(0, f.npos(c.start) - 60) : f.npos(c.start)]) for c in cues
    ) and not _strike_suspected(f)


def _strike_suspected(f: Facts) -> bool:
    """A cause in dispute: the sentence that tells an accident's cause also puts forward an
    attack ("مرجحا أن يكون المعسكر تعرض لقصف جوي", "لم يستبعد أن يكون تعرض لضربة جوية");
    the blast then stays an event (not "نافيا وجود أي استهداف بطائرة مسيرة")."""
    if not contains_any(f.norm, SUSPECTED_STEMS):
        return False
    return any(
        SUSPECTED.search(f.norm[max(0, f.npos(c.start) - 60) : f.npos(c.start)])
        for c in _event_cues(f)
        if c.category not in ("explosion", "interception", "foiled")  # the blast itself
    )


BOTH_SIDES = compile_guarded(
    _n(r"(?:^|\s)(?:من\s+)?(?:كلا\s+)?(?:الطرفين|الجانبين|الطرفان|الفريقين)(?=[\s،,.]|$)")
)


def _arrested_of_both_sides(e: Event, earlier: list[Event]) -> None:
    """ "اعتقال ستة مسلحين من الطرفين شاركوا في الاشتباكات": the arrested belong to the two
    sides of the clash the story told before; the first side named stands for them (and the
    arrested gunmen are no attacker)."""
    words = _frames_text(e)
    if not BOTH_SIDES.search(words):
        return
    clash = next((x for x in reversed(earlier) if x.sub_event == "Armed clash" and not x.background), None)
    if clash is None:
        return
    sides = [
        r for r in clash.roles if r.role in ("perp", "target") and r.actor_id in IRAQI_FACTIONS | {"isis"}
    ]
    if len({r.actor_id for r in sides}) < 2:
        return
    first = min(sides, key=lambda r: r.pos)
    e.roles = [r for r in e.roles if not (r.role == "perp" and r.actor_id == "unknown")]
    e.roles.append(Role(first.actor_id, "target", 1.0, 9_000_000))
    e.notes.append("target: the sides of the clash told before")


# "وقالت مديرية الصحة إن الهجمات أسفرت عن مقتل 13 شخصا", right after the strikes were told:
# those strikes, the subject of their result (a running series is told with its span or its
# object: "الهجمات على القواعد الأمريكية منذ ...", "الهجمات الأخيرة")
THE_ATTACKS_RESULTED = compile_guarded(_n(r"(?:^|\s)(?:ان|وان|فان)?\s*الهجمات\s+(?:اسفرت|ادت|خلفت)(?=\s)"))


def _series_named(e: Event, f: Facts) -> bool:
    """Does the sentence speak of a series of acts, not of the event just told?"""
    v = vocab()
    if not v.series.search(f.norm):
        return False
    if f.index - e.last_index > 1 or not THE_ATTACKS_RESULTED.search(f.norm):
        return True
    return bool(v.series.search(THE_ATTACKS_RESULTED.sub(" ", f.norm)))


# "الهجوم وقع في ساعة متأخرة من ليلة أمس": the act named again (definite) and when it occurred
ACT_OCCURRED_WHEN = compile_guarded(
    _n(
        r"(?:^|[\s\"“«])(?:ال)(?:هجوم|انفجار|تفجير|قصف|اعتداء|حادث|حادثه|استهداف|اشتباك|اشتباكات|كمين)\s+"
        r"(?:قد\s+)?(?:" + _OCCURRED_VERB + r"|نفذ)(?=\s)"
    )
)


def _dates_the_act(e: Event, f: Facts) -> bool:
    """Does the sentence right after an undated act (or one dated by the statement's own day)
    tell, with one day, when that act happened?"""
    # (the words first: the sentence's dates and places are read only when they tell it)
    if e.background or f.index - e.last_index > 2 or not ACT_OCCURRED_WHEN.search(f.norm):
        return False
    if len(f.dates) != 1 or f.dates[0].precision != "day" or event_places(f):
        return False
    if e.date is None:
        return True
    first = e.frames[0].facts
    return (
        e.date.relative
        and e.date.date != f.dates[0].date
        and any(d is e.date for d in first.dates)
        and STATEMENT_DAY.match(first.norm[: first.npos(e.date.start)]) is not None
    )


# a headline's break between two of its stories ("النجباء تعلن استهداف إيلات بمسيرة.. وكتائب حزب
# الله تنفي علاقتها بقصف حرير")
TITLE_BREAK = compile_guarded(r"\.{2,}|…|\s[|–—]\s")


def _title_parts(title: Facts) -> list[Facts]:
    """A headline cut at its breaks, each part read on its own (its cues carried over)."""
    cuts = [m.span() for m in TITLE_BREAK.finditer(title.text)]
    if not cuts:
        return [title]
    bounds = [0] + [x for c in cuts for x in c] + [len(title.text)]
    parts = []
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        if hi <= lo:
            continue
        part = Facts(index=title.index, start=-1, end=-1, text=title.text[lo:hi], is_title=True)
        part.cues = [
            replace(c, start=c.start - lo, end=c.end - lo)
            for c in title.cues
            if lo <= c.start and c.end <= hi
        ]
        part.finders = title.finders
        parts.append(part)
    return parts


def follow_up(e: Event, f: Facts) -> None:
    """A sentence without an occurrence cue right after an event: casualties, claim, perpetrator."""
    flags = f.flags()
    if "aggregate" in flags or "foreign_war" in flags:
        return
    v = vocab()
    if "accident" in flags and _accident_of(e, f):
        e.accident = True
        e.notes.append("an accident: its cause told after it")
        e.follow.append(f)
        return
    if _dates_the_act(e, f):
        # "وقال المصدر إن الهجوم وقع في ساعة متأخرة من ليلة أمس": when the act told happened
        # (over the statement's own day: "أفاد مصدر، يوم الثلاثاء، بمقتل جنديين")
        e.date = f.dates[0]
        e.ref_date = f.ref_dates[0] if f.ref_dates else e.ref_date
        e.notes.append("date: when the act happened, told after it")
    added = False
    cas = f.casualties
    refers_back = f.index - e.last_index <= 1 or bool(v.anaphora.search(f.norm))
    if (
        not refers_back
        and cas is not None
        and f.index - e.last_index <= 2
        and not v.new_event.search(f.norm)
        and not any(
            c.category in OCCURRENCE_CATEGORIES or c.category.startswith("sub_event:") for c in f.cues
        )
    ):
        # "... فيما أكد مصدر أمني عدم وقوع إصابات": a closing "no one was hurt" two sentences
        # on (a quote or a reaction in between) still speaks of the event just reported --
        # not the "دون وقوع إصابات" of a crash or another act that sentence reports itself
        counts = [c for c in (cas.killed, cas.wounded) if c is not None]
        refers_back = bool(counts) and all(c.best == 0 for c in counts)
    # (whether the toll refers back matters only when there is one: the sentence's places
    # are read for it then, and otherwise only when the event has no site yet, below)
    if cas is not None and refers_back:
        fplaces = event_places(f)
        if (
            fplaces
            and e.place is not None
            and not any(
                not _places_conflict(e.place, p) and (p.kind != "country" or e.place.kind == "country")
                for p in fplaces
            )
        ):
            refers_back = False  # a toll for the whole country or another city: not this event
        if (
            e.place is not None
            and e.place.kind != "country"
            and any(p.kind == "country" for p in f.places)
            and not any(p.kind != "country" for p in fplaces)
        ):
            refers_back = False  # "شهد العراق ... قتل أكثر من 40": a national toll
    series = cas is not None and refers_back and _series_named(e, f)
    if cas is not None and refers_back and not series:
        if _not_a_toll(cas.killed) is None and cas.killed is not None:
            cas = None  # "أكثر من 600 قتيل": a running toll, never one event's count
    others = toll_told = False
    if cas is not None and refers_back and not series:
        for name in ("killed", "wounded"):
            others = _others_added(e, f, name, getattr(cas, name)) or others
        added = added or others
        if e.killed is None and cas.killed is not None:
            e.killed = cas.killed
            added = toll_told = True
        if e.wounded is None and cas.wounded is not None:
            e.wounded = cas.wounded
            added = toll_told = True
        if _attackers_dead_added(e, f, cas.killed):
            added = True
        if not others and (
            v.anaphora.search(f.norm)
            or (contains_any(f.norm, RAISED_STEMS) and TOLL_RAISED.search(f.norm))
            # "ثلاثة أشخاص كانوا داخل السيارة قتلوا، بينهم القيادي": the one told before among them
            or ("بين" in f.norm and AMONG_THEM_THE_ONE.search(f.norm))
        ):
            # "قتلت قياديا" then "اثنان على الأقل قتلا في هذه العملية": a later, fuller toll
            # of the same event (named by "this operation") supersedes a partial one; so does
            # a toll that rose ("وأفاد مصدر طبي لاحقا بارتفاع عدد القتلى إلى سبعة")
            for name in ("killed", "wounded"):
                old, new = getattr(e, name), getattr(cas, name)
                if old is not None and new is not None and (new.best or 0) > (old.best or 0):
                    setattr(e, name, new)
                    added = True
    roles = read_roles(f, 0, len(f.text))
    # a later sentence may name who did it (claim, attribution) or whose loss it was
    strong = [r for r in roles if r.strength >= 3.0]
    if strong:
        e.roles.extend(strong)
        added = True
        if "claim" in flags:
            e.claimed = True
    if e.place is not None and e.place.kind != "country":
        # (a site told: no place of this sentence changes it)
        if added:
            e.follow.append(f)
        return
    places = event_places(f)
    if places and e.place is None and v.prior_link.search(f.norm):
        # not the site of an earlier act the sentence recalls ("ردا على هجمات شنتها الكتائب،
        # بما في ذلك الهجوم على قاعدة عين الأسد")
        priors = [(lo, hi) for lo, hi, prior in _clause_bounds(f, occurrence_cues(f)) if prior]
        places = [p for p in places if not any(_in(p.start, lo, hi) for lo, hi in priors)]
    if e.place is not None and e.place.kind == "country":
        # "هجوم استهدف قاعدة عسكرية في الأردن" then "وتعرف القاعدة باسم البرج 22": the site
        # in that country the next sentence names is where; so is the town where it tells the
        # event's dead ("في موقع في العراق" then "مقتل أربعة من مقاتليها في القائم")
        rank = 3 if toll_told else 5
        places = [p for p in places if p.country == e.place.country and PLACE_RANK.get(p.kind, 1) >= rank]
        if places and not (flags & {"accident", "foreign_war"}) and not vocab().new_event.search(f.norm):
            e.place = _pick_place(places, 0)
            added = True
    elif (
        e.place is None
        and places
        and not (flags & {"accident", "foreign_war"})
        and not vocab().new_event.search(f.norm)
    ):
        e.place = _pick_place(places, 0)
        added = added or e.place is not None
    if added:
        e.follow.append(f)


# "بينهم القيادي", "من بينهم الضابط": a definite person, the one the story told before
AMONG_THEM_THE_ONE = compile_guarded(
    _n(
        r"(?:^|\s)(?:من\s+)?بينهم(?:ا)?\s+(?:ال)(?:قيادي|ضابط|مسوول|امر|قائد|مدير|نائب|شيخ|ناشط|صحفي|مختار|"
        r"مستشار|معاون|عميد|عقيد|لواء|مقدم|رائد|نقيب|مراسل|طبيب|قاضي|محافظ)(?=[\s،.]|$)"
    )
)
RAISED_STEMS = ("ارتفع", "ارتفا")
TOLL_RAISED = compile_guarded(
    _n(r"(?:^|\s)(?:و|ب)?(?:ارتفع|ارتفعت|ارتفاع)\s+(?:\S+\s+){0,3}?(?:ال)?(?:عدد|حصيله)(?:\s|$)")
)


# "وتمكنت القوة من صد الهجوم وقتل أحد المهاجمين": the attackers' dead, told after the
# victims' (spec section 6: killed counts the dead of all sides)
ATTACKERS_DEAD = compile_guarded(
    _n(r"^(?:\S+\s+){0,3}?(?:من\s+)?(?:ال)?(?:مهاجمين|المهاجمين|مهاجم|المهاجم|مهاجمان|انتحاري|الانتحاري)")
)
ATTACKER_WORD = compile_guarded(_n(r"مهاجم|انتحاري"))


def _sum(old, more) -> ReadCount:
    """Two counts of different people together (an open high stays open)."""
    return ReadCount(
        (old.low or 0) + (more.low or 0),
        (old.best or 0) + (more.best or 0),
        None if old.high is None or more.high is None else old.high + more.high,
    )


# a count of "others": "مقتل ثمانية أشخاص آخرين كانوا برفقتهما"
OTHERS_COUNTED = compile_guarded(_n(r"\S+\s+(?:\S+\s+)?(?:اخرين|اخرون|اخريين|اخريات)(?=[\s،.]|$)"))


# a toll told before the one that replaces it ("حصيلة أولية", "الحصيلة السابقة")
FIRST_TOLL = compile_guarded(_n(r"(?:حصيله|احصائيه|حصيلتها|حصيلته)\s+(?:ال)?(?:اوليه|سابقه|اولي)"))


def _others_added(e: Event, f: Facts, name: str, count) -> bool:
    """A later sentence's count of others killed (or wounded) with those the event counted
    adds to them ("قتل سليماني والمهندس" then "مقتل ثمانية أشخاص آخرين كانوا برفقتهما": 10)."""
    old = getattr(e, name)
    if count is None or not count.best or old is None or not old.best or count is old:
        return False
    if "اخر" not in f.norm or not OTHERS_COUNTED.match(f.norm, f.npos(count.start)):
        return False
    if vocab().background_start.search(f.norm) or FIRST_TOLL.search(f.norm):
        # "وكانت حصيلة أولية قد أشارت إلى مقتل خمسة وإصابة 15 آخرين": an earlier telling of
        # the same toll, which the later one replaces
        return False
    setattr(e, name, _sum(old, count))
    e.notes.append(f"{name}: others counted after")
    return True


def _attackers_dead_added(e: Event, f: Facts, killed) -> bool:
    if killed is None or not killed.best or e.killed is None or killed is e.killed:
        return False
    if "مهاجم" not in f.norm and "انتحاري" not in f.norm:
        return False
    ns = f.npos(killed.start)
    if not ATTACKERS_DEAD.match(f.norm[ns : ns + 40]):
        return False
    # (not when the event's own sentences already counted attackers)
    if any(ATTACKER_WORD.search(fr.facts.norm) for fr in e.frames):
        return False
    e.killed = _sum(e.killed, killed)
    e.notes.append("killed: the attackers' dead added")
    return True


def _its_men_dead(e: Event) -> None:
    """ "وأفادت مصادر في الحشد الشعبي بمقتل أربعة من عناصره في الضربة": the dead are the men of
    the armed body the sentence names before them (its sources or itself speaking), in the
    event's sentences or a toll told after it."""
    for f in [fr.facts for fr in e.frames] + e.follow:
        if "من" not in f.norm:
            continue
        dead = ITS_MEN_DEAD.search(f.norm)
        if dead is None:
            continue
        at = f.orig(dead.start())
        body = next(
            (
                a.actor_id
                for a in reversed(_named_bodies(f))
                if a.end <= at and a.actor_id in ARMED_BODIES | STATE_ATTACKERS | {"iraqi_security_forces"}
            ),
            None,
        )
        if body is not None and not any(
            r.role == "perp" and r.actor_id == body and r.strength >= 2.0 for r in e.roles
        ):
            e.roles.append(Role(body, "target", 1.2, 9_500_000))
            e.notes.append("target: the named body's own dead")
        return


def _soldiers_side(e: Event) -> None:
    """A fight told by one side's dead ("استشهاد ضابط وجنديين في اشتباك مع عناصر داعش"): the
    soldiers with no other army named are Iraq's forces (or the announcing army's), the side
    that fought the one named (spec 2: in a clash either order is right; "unknown" is no side)."""
    if any(r.role == "perp" and r.actor_id != "unknown" for r in e.roles):
        return
    named = {r.actor_id for r in e.roles if r.role == "target" and r.strength >= 2.0}
    if not named or named & {"iraqi_security_forces", "peshmerga", "pmf"} or named & CIVILIAN:
        return
    for fr in e.frames:
        text = _victims_text(fr)
        soldiers = SOLDIER_VICTIMS.search(text)
        if soldiers is None:
            continue
        # (as the target's reading: the announcing army's own, "أعلنت وزارة الدفاع التركية مقتل
        # ثلاثة جنود", else Iraq's unless the soldiers are told foreign)
        side = _announcing_state(fr.facts, _victims_at(fr, soldiers))
        if side is None:
            if FOREIGN_TROOPS.search(_victims_tail(text, soldiers.end())):
                continue
            side = "iraqi_security_forces"
        if side in named:
            return
        e.roles.append(Role(side, "perp", 1.2, 9_500_000))
        e.notes.append("clash: the soldiers' side")
        return


SOLDIER_VICTIMS = compile_guarded(
    _n(
        _VICTIM_WORD + r"\S*\s+(?:\S+\s+){0,2}?"
        # (not the staff of a company or an office: "منتسبي شركة نفطية" are its employees)
        r"(?:جندي|جنديا|جنديين|جنديان|جنود|ضابط|ضابطا|ضابطان|ضابطين|ضباط|شرطي\S*|عسكري|عسكريين|عسكريان"
        r"|منتسب\S*(?!\s+(?:في\s+)?(?:ال)?(?:شركه|شركات|دائره|دوائر|معمل|مصنع|جامعه|مستشفي|نقابه|مصفي|حقل|مديريه\s+(?:ال)?(?:كهرباء|صحه|تربيه|بلديه|ماء|مجاري)))"
        # a unit's commander: "مقتل آمر الفوج ونائبه", "آمر سرية في اللواء الخامس"
        r"|امر\s+(?:ال)?(?:فوج|لواء|سريه|كتيبه|مفرزه))(?=[\s،.]|$)"
    )
)


CIVILIAN_VICTIMS = compile_guarded(
    _n(
        _VICTIM_WORD + r"\S*\s+(?:\S+\s+){0,3}?"
        r"(?:اشخاص|شخص|شخصا|شخصين|شخصان|مدني\S*|مواطن\S*|شاب|شابا|شبان|شابين|شابان|طفل|طفلا|اطفال|طفلين|طفلان|امراه|نساء|"
        r"رجل|رجلا|رعاه|راع|راعي|راعيين|مزارع\S*|عامل|عاملا|عمال|طالب|طلاب|زائر\S*|حجاج|مصلين"
        # a company's staff ("أصيب أربعة من منتسبي شركة الحفر", "موظفين في شركة نفطية")
        r"|(?:منتسب|موظف)\S*\s+(?:في\s+)?(?:ال)?(?:شركه|شركات)"
        # one's own family ("قتل أربعة من أفراد عائلته")
        r"|عائلته|عائلتها|اسرته|اسرتها|اقاربه|اقاربها)(?=[\s،.]|$)"
    )
)
# two sides fighting (a tribal fight, a brawl): its dead are no one-sided attack's victims
CLASH_WORD = compile_guarded(
    _n(r"اشتباك|نزاع|شجار|مشاجر|عراك|معارك|مواجهات|اقتتال|تبادل\S* (?:ل|ال)?(?:اطلاق|النار)|عشائري")
)
CIVILIAN_SITE = compile_guarded(
    _n(
        # (what was hit, or where the blast went off: "قصفت المدفعية قرى", "قرب مطعم شعبي")
        # (a subject of three words between, "قصفت مدفعية الجيش التركي قرية", or a subject and its
        # time: "قصفت طائرات تركية، الليلة الماضية، قرية")
        # (and the act as the subject of "targeted": "استهدف تفجير بعبوة ناسفة محلا")
        r"(?:(?:استهدف\S*|قصف\S*|هاجم\S*)\s+(?:\S+\s+){0,5}?|(?:على|طال\S*|داخل|ضرب|ضربت|في|هز|هزت)\s+(?:\S+\s+)?"
        r"|(?:قرب|بالقرب من|امام|وسط)\s+)(?:ال)?"
        r"(?:سوق\S*|اسواق|مسجد\S*|جامع|حسينيه|كنيسه|مدرسه|مستشف\S*|مقهي|مطعم|حفل|عرس|زفاف|مجلس عزاء|سرادق|"
        r"ملعب|مخيم|حافله|باص|قريه|قري|منزل|منازل|مزرعه|محل|محال|متجر|مصيف|منتجع|متنزه|منتزه|ساحه|ساحات)"
        # (the accusative of an indefinite object: "محلا", "منزلا", "مطعما")
        r"(?:ا)?(?=[\s،.]|$)"
    )
)

HOSTS = ("us_forces", "coalition")
# an energy or power installation hit (a field, a refinery, a power station, a pipeline):
# the companies and workers that run it are who was attacked. A minefield is no such field.
ENERGY_SITE = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب|ل|لل|ف)?(?:ال)?(?:"
        r"(?:حقل|حقلا|حقول)\s+(?:\S+\s+){0,2}?(?:ال)?(?:نفط|نفطي|نفطيا|نفطيه|غاز|غازي|غازيا|غازيه)|"
        r"مصفاه|مصفي|مصافي|"
        r"(?:محطه|محطات)\s+(?:ل)?(?:ال)?(?:كهرباء|توليد|طاقه|غاز|كهربائيه)|"
        r"(?:انبوب|انابيب)\s+(?:ل)?(?:ال)?(?:نفط|غاز|نفطي|خام)|"
        # "أنبوب ناقل للنفط", "أنبوب ناقل للنفط الخام"
        r"(?:انبوب|انابيب|خط|خطوط)\s+(?:ال)?(?:ناقل|نقل)\S*\s+(?:ل|لل)?(?:ال)?(?:نفط|غاز|خام|طاقه)|"
        # power lines and their towers ("برجين لنقل الطاقة الكهربائية", "أبراج الكهرباء")
        r"(?:برج|برجا|برجين|برجي|ابراج)\s+(?:ل|لل)?(?:ال)?(?:نقل\s+(?:ال)?)?(?:طاقه|كهرباء|ضغط\s+(?:ال)?عالي)|"
        r"(?:منشاه|منشات)\s+(?:ال)?(?:نفطيه|غازيه|نفط|طاقه))(?=[\s،.]|$)"
    )
)
# a company's vehicle or convoy ("عجلة تابعة لشركة أمنية عراقية", "شاحنات تعود لشركة نقل"): who
# was hit is no armed party (a contractor of the US forces is theirs: an actor, read first)
COMPANY_ASSET = compile_guarded(
    _n(
        r"(?:^|\s)(?:ال)?(?:عجله|عجلات|سياره|سيارات|رتل|قافله|شاحنه|شاحنات|حافله|صهريج|صهاريج)\s+"
        r"(?:\S+\s+)?(?:تابعه|التابعه|تعود|يعود|مملوكه)\s+(?:ل|الي\s+)(?:ال)?(?:شركه|شركات)"
    )
)
# gazetteer names of such installations (places.csv name_en)
ENERGY_PLACE = compile_guarded(r"\b(?:oil field|gas field|refinery|power station)$")


def _announcing_state(f: Facts, before: int, bodies=STATE_ATTACKERS) -> str | None:
    """The foreign state whose ministry, command or army speaks right before `before`
    ("أعلنت وزارة الدفاع التركية مقتل ..."), from the vocabulary's actors and sources
    (or another of `bodies`)."""
    for a in _named_bodies(f):
        if a.actor_id in bodies and a.end <= before:
            ns = f.npos(a.start)
            if SAYS.search(f.norm[max(0, ns - 12) : ns]):
                return a.actor_id
    return None


# the victims' word with a pronoun of the body that speaks: "منتسبيها", "مقاتليه"
OWN_PEOPLE = compile_guarded(_n(r"(?:ها|هم|ه)$"))
# "مقتل أربعة من عناصره": dead counted among "its" men, the body named before in the sentence
ITS_MEN_DEAD = compile_guarded(
    _n(
        _VICTIM_WORD + r"\S*\s+(?:\S+\s+){0,2}?من\s+"
        r"(?:عناصر|منتسبي|مقاتلي|افراد|ابناء|جنود|قادت|كوادر)(?:ه|ها|هم)(?=[\s،.]|$)"
    )
)
ARMED_BODIES = frozenset(IRAQI_FACTIONS | FACTIONS_UMBRELLAS | {"peshmerga"})
# the dead of a raid are the raided group's: "قتل 5 من عناصر داعش", "مقتل ثلاثة إرهابيين"
RAID_DEAD = compile_guarded(
    _n(
        r"(?:قتل|مقتل|تحييد|مصرع)\s+(?:\S+\s+){0,2}?(?:من\s+)?(?:ال)?(?:عناصر|عنصر|ارهابي\S*|مسلح\S*|"
        r"انتحاري\S*|داعشي\S*|دواعش|مطلوب\S*|قيادي\S*|امير|والي|مهاجم\S*)"
    )
)
SECURITY_PERSON = compile_guarded(
    _n(
        r"^(?:ال)?(?:ضابط|ضابطا|ضباط|جندي|جنديا|شرطي|شرطيا|منتسب\S*|عسكري|عسكريا|نقيب|ملازم|عقيد|رائد|عميد|مقدم|مفوض)$"
    )
)
ACCUSED_OF = compile_guarded(_n(r"متهم|بتهمه|بتهم|مطلوب|قاتل|المتورط|متورط|الجاني|الجناه|لضلوعه|بالضلوع"))


def _victims_tail(text: str, end: int) -> str:
    """The words that may still describe the victims counted before `end` (up to the next
    phrase: "بنيران ...", "في ...", "إثر ...")."""
    seg = text[end : end + 24]
    cut = VICTIMS_TAIL_END.search(seg)
    return seg[: cut.start()] if cut else seg


VICTIMS_TAIL_END = compile_guarded(_n(r"\s(?:ب|في\s|اثر|جراء|خلال|عند|قرب)"))
FOREIGN_TROOPS = compile_guarded(
    _n(r"(?:امريك|اميرك|تركي|اتراك|ايراني|اسرائيلي|بريطاني|فرنسي|ايطالي|اجنبي|اجانب|التحالف|البيشمركه|سوري)")
)
# "وتبنت كتائب حزب الله الهجوم": a claim of the one event just told
ONE_EVENT_CLAIMED = compile_guarded(
    _n(r"(?:^|\s)(?:و|ب)?ال(?:هجوم|هجمه|استهداف|قصف|عمليه|ضربه|تفجير|اعتداء)(?=[\s،.]|$)")
)
# "ولم ترد تقارير عن وقوع إصابات في الهجومين": the attacks just told, every one of them
BOTH_EVENTS = compile_guarded(
    _n(
        # (the subject in the nominative: "ولم يسفر الهجومان عن أي خسائر")
        r"(?:^|\s)(?:في|عن|من)?\s*(?:ال|لل|بال)?(?:هجوم|هجمت|اعتداء|حادث|قصف|ضربت|غارت|استهداف)(?:ين|ان)"
        r"(?:\s+(?:الاخيرين|المذكورين|كليهما|الاخيران|المذكوران|كلاهما))?(?=[\s،.]|$)"
        # the two sites just told: "سقطت 22 صاروخا على القاعدتين"
        r"|(?:^|\s)(?:علي|في|داخل)?\s*(?:ال|بال)(?:قاعدت|موقع|معسكر|مقر|هدف)(?:ين|ان)(?=[\s،.]|$)"
        r"|(?:^|\s)(?:اي|ايا|كل)\s+منهما(?=[\s،.]|$)"
    )
)


def _of_both_told(events: list[Event], f: Facts) -> bool:
    """The sentence speaks of the two sites or attacks just told, naming no site of its own."""
    fresh = [e for e in events if not e.background]
    return (
        len(fresh) >= 2
        and fresh[-1] is events[-1]
        and f.index - fresh[-1].last_index <= 1
        and BOTH_EVENTS.search(f.norm) is not None
        and not any(PLACE_RANK.get(p.kind, 1) >= 3 for p in f.places)
        and not f.dates
    )


def _zero_for_all(events: list[Event], f: Facts) -> None:
    """An explicit none said of "the two attacks" (a dual) covers each fresh event still uncounted."""
    if len(events) < 2 or not BOTH_EVENTS.search(f.norm):
        return
    cas = f.casualties  # read after the cheap tests: the finder runs on first read
    if cas is None:
        return
    counts = [c for c in (cas.killed, cas.wounded) if c is not None]
    if not counts or any(c.best != 0 for c in counts) or "aggregate" in f.flags():
        return
    for e in events:
        if not e.background and e.killed is None and e.wounded is None:
            e.killed, e.wounded = cas.killed, cas.wounded


def _zero_for_sites(events: list[Event], told: Event) -> None:
    """An explicit none told after one salvo split by its sites ("أكثر من 15 صاروخا على قاعدتي
    عين الأسد وحرير" then "لم تقع إصابات") is every site's: it goes to the last, then to each
    sibling read from the same sentence and still uncounted."""
    if "site split" not in told.notes or told.killed is None or told.killed.best != 0:
        return
    if told.wounded is not None and told.wounded.best != 0:
        return
    facts = told.frames[0].facts
    for e in events:
        if (
            e is not told
            and not e.background
            and "site split" in e.notes
            and e.frames[0].facts is facts
            and e.killed is None
            and e.wounded is None
        ):
            e.killed, e.wounded = told.killed, told.wounded


PAST_OPENERS = ("كان", "سبق")  # (the literals vocab's background_start opens with)


def _recounts_another_day(e: Event, f: Facts, published: dt.date | None) -> bool:
    """Does the sentence open as the past ("وكانت ... قد") and date what it tells to a day or a
    period other than the event's (its own, or the publication's when it has none)?"""
    if e.background or not contains_any(f.text[:12], PAST_OPENERS):
        return False
    if not vocab().background_start.search(f.norm) or not f.dates:
        return False
    day = e.date.date if e.date is not None else published
    return day is not None and all(d.date is not None and d.date != day for d in f.dates)


def _perpetrator_of_both(events: list[Event], f: Facts) -> None:
    """ "واتهمت حكومة الإقليم فصائل مسلحة بالوقوف وراء الهجومين": who is named for "the two
    attacks" did each of the two just told (a claim or a charge, as follow_up reads it)."""
    if len(events) < 2 or not BOTH_EVENTS.search(f.norm):
        return
    strong = [
        r
        for r in read_roles(f, 0, len(f.text))
        if r.role == "perp" and r.strength >= 3.0 and r.actor_id != "unknown"
    ]
    if not strong:
        return
    for e in [e for e in events if not e.background][-2:]:
        if not any(r.role == "perp" and r.strength >= 1.5 and r.actor_id != "unknown" for r in e.roles):
            e.roles.extend(strong)
            if "claim" in f.flags():
                e.claimed = True


# acts counted as a series ("في ثلاثة هجمات بالصواريخ هذا الشهر، منها هجوم ..."), or one of them
SERIES_COUNTED = compile_guarded(
    _n(
        r"(?:^|\s)(?:\d+|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|عده|عشرات|سلسله)\s+"
        r"(?:هجمات|ضربات|غارات|اعتداءات|عمليات\s+استهداف)(?=\s|$|[،.])"
        r"|(?:^|[\s،])(?:منها|بينها|احدها|اخرها)\s+(?:هجوم|ضربه|غاره|قصف)"
    )
)


# an act some time before the one told ("بعد يوم من مواجهات مماثلة", "عقب ساعات من هجوم")
DAYS_BEFORE_ACT = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:بعد|عقب)\s+(?:\S+\s+)?(?:يوم|يومين|ايام|ساعات|ساعتين|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر)"
        r"\s+(?:\S+\s+)?(?:من|علي)\s"
    )
)
# "ويأتي الهجوم بعد يومين من ضربة أمريكية": the days counted back from the act just told
COMES_DAYS_AFTER = compile_guarded(_n(r"(?:^|\s)(?:و)?(?:ياتي|تاتي|جاء|جاءت)(?:\s+\S+){0,3}\s+$"))


def _days_after_the_act(frs: list[Frame], f: Facts, current: Event, published: dt.date) -> None:
    """An earlier act "N days before" the one just told, when that one has a day of its own
    other than the publication's ("تعرضت القاعدة، مساء السبت، لهجوم ... ويأتي الهجوم بعد
    يومين من ضربة"): N days before that day (the date reader counts from publication)."""
    lead = current.date
    if current.background or lead is None or lead.precision != "day" or lead.date == published:
        return
    for fr in frs:
        d = fr.date
        if (
            d is not None
            and d.relative
            and d.precision == "day"
            and f.norm.startswith("بعد", f.npos(d.start))
            and COMES_DAYS_AFTER.search(f.norm[max(0, f.npos(d.start) - 40) : f.npos(d.start)])
        ):
            fr.date = replace(d, date=d.date + (lead.date - published))


# "وفي اليوم التالي، سقطت ...", "وبعد ثلاثة أيام قتل ...": a day counted from the act just told
DAYS_LATER = compile_guarded(
    _n(
        r"(?:^|[،,]\s*|\s)(?:و|ف)?(?:(?:في|صباح|مساء|فجر|ظهر|عصر)\s+)?(?P<next>اليوم\s+التالي|الليله\s+التاليه|صباح\s+اليوم\s+التالي)(?=[\s،,.]|$)"
        r"|(?:^|[،,]\s*|\s)(?:و|ف)?بعد\s+(?P<n>يوم|يومين|ثلاثه\s+ايام|اربعه\s+ايام|خمسه\s+ايام|سته\s+ايام|\d\s+ايام)"
        r"(?=[\s،,])(?!\s*(?:من|علي|فقط)\s)"
    )
)
_DAYS_LATER_N = {"يوم": 1, "يومين": 2, "ثلاثه ايام": 3, "اربعه ايام": 4, "خمسه ايام": 5, "سته ايام": 6}


def _days_later(frs: list[Frame], f: Facts, current: Event | None, published: dt.date | None) -> None:
    """An undated act told as "the next day" or "N days later" after one with a day of its own
    ("تعرضت قاعدة حرير لهجوم يوم الأحد 16 نيسان. وفي اليوم التالي، سقطت صواريخ على عين الأسد";
    "قتل جنديان ... في 12 نيسان، وبعد ثلاثة أيام قتل ضابط"): that day plus N, another act."""
    if "بعد" not in f.norm and "التالي" not in f.norm:
        return
    lead = current.date if current is not None and not current.background else None
    for fr in frs:
        if fr.date is not None:
            lead = fr.date if not fr.background else lead
            continue
        if lead is None or lead.precision != "day" or fr.background:
            continue
        m = DAYS_LATER.search(f.norm, f.npos(fr.lo), f.npos(fr.hi))
        if m is None:
            continue
        n = 1 if m.group("next") else _DAYS_LATER_N.get(m.group("n")) or int(m.group("n")[0])
        day = lead.date + dt.timedelta(days=n)
        if published is not None and day > published:
            continue
        start, end = f.orig(m.start()), f.orig(m.end())
        fr.date = fr.ref_date = replace(
            lead, date=day, start=start, end=end, relative=True, since=False, until=False
        )
        fr.new_event = True


def assemble_story(
    facts: list[Facts], opts: ExtractOptions = DEFAULT_OPTIONS, published: dt.date | None = None
) -> list[Event]:
    """Events of one story from its sentences' facts, in reading order."""
    events: list[Event] = []
    current: Event | None = None
    title = next((f for f in facts if f.is_title), None)
    untold = -10  # the last sentence that named acts of a series it tells none of
    for f in facts:
        if f.is_title:
            continue
        frs = frames_of(f, published, opts)
        if frs and current is not None and published is not None:
            _days_after_the_act(frs, f, current, published)
        if frs:
            _days_later(frs, f, current, published)
        if f.index == untold + 1 and frs and all(fr.sub_event is None and _anaphoric(fr) for fr in frs):
            # "في ثلاثة هجمات هذا الشهر، منها هجوم أصيبت خلاله قاعدة ... وأصيب جنديان في الهجوم":
            # "the attack" is the one of the series just named, not the story's own
            continue
        if (
            not frs
            and _event_cues(f)  # (before any test of the normalized text: most need none)
            and ("aggregate" in f.flags() or SERIES_COUNTED.search(f.norm))
            and occurrence_cues(f)
        ):
            untold = f.index
        if frs and _of_both_told(events, f):
            # "وقال الجيش إن 22 صاروخاً سقطت على القاعدتين دون وقوع إصابات": the two events
            # just told, said again together, and neither one of them alone
            _zero_for_all(events, f)
            _perpetrator_of_both(events, f)
            continue
        if not frs:
            told = current
            if current is not None and not current.background:
                # "وكان الهجوم قد أسفر عن ...": the earlier act the last sentence recalled
                last = current.frames[-1].facts
                recalled = next(
                    (e for e in reversed(events) if e.background and e.frames[-1].facts is last), None
                )
                if recalled is not None and vocab().background_start.search(f.norm):
                    told = recalled
            elif current is not None and not vocab().background_start.search(f.norm):
                # "... على قاعدتي عين الأسد وحرير، ردا على اغتيال سليماني." then "لم تقع
                # إصابات": the cause recalled inside the act's own sentence is not what the next
                # one tells of (unless it opens as the past: "وكان ...")
                fresh = next((e for e in reversed(events) if not e.background), None)
                if fresh is not None and fresh.frames[-1].facts is current.frames[0].facts:
                    told = fresh
            if (
                told is not None
                and f.index - told.last_index <= opts.follow_window
                # "وكانت القرية قد شهدت في أيار الماضي هجوما مماثلا أسفر عن مقتل أربعة": an
                # earlier act with its own day, too vague to stand alone, is no follow-up
                and not _recounts_another_day(told, f, published)
            ):
                follow_up(told, f)
                _zero_for_all(events, f)
                _zero_for_sites(events, told)
                _perpetrator_of_both(events, f)
            continue
        for fr in frs:
            target = None
            if current is not None and current.background == fr.background and compatible(current, fr, opts):
                target = current
            elif current is not None and (
                _tells_how_it_happened(current, fr, opts) or _tells_when_it_happened(current, fr, opts)
            ):
                fr.background = False  # the reported event itself, told in the pluperfect
                target = current
            elif (
                current is not None
                and current.background
                and not fr.background
                # ("الغارات" after a recalled rocket attack names the story's strikes again)
                and not _names_an_earlier_kind(fr, current, events)
                and (
                    _anaphoric(fr)
                    or (
                        fr.date is None
                        and fr.ref_date is None
                        and (fr.place is None or _same_anchor(current, fr))
                    )
                )
            ):
                # "the attack" right after a recounted one, or the same act named again
                # with no new day or place ("وأثار اغتيال أسامة غضب ..."): still that one
                saved, fr.background = fr.background, True
                fr_new, fr.new_event = fr.new_event, False
                if compatible(current, fr, opts) or _same_target(current, fr):
                    target = current
                fr.background, fr.new_event = saved, fr_new
            if target is None and not fr.new_event and "dual" not in fr.notes:
                # a later sentence may return to an earlier event of the story (after a
                # recounted background event, or one site of a list)
                for e in reversed(events):
                    if e is current or e.background != fr.background:
                        continue
                    if compatible(e, fr, opts) and (
                        _same_anchor(e, fr) or fr.place is None or e.place is None
                    ):
                        target = e
                        break

            if target is not None:
                merge(target, fr)
                current = target
            elif "weak" in fr.notes:
                if current is not None and f.index - current.last_index <= opts.follow_window:
                    follow_up(current, f)
            else:
                current = new_event(fr)
                _more_of_the_salvo(current, fr, events)
                events.append(current)
        # "المسيرة الأولى أسقطت ... والثانية ...، ولم تسفر أي منهما عن إصابات": both
        _zero_for_all(events, f)
    if title is not None and events and not events[0].background:
        # the headline names the lead event's place / actors when the body does not
        first = events[0]
        if first.place is None:
            if title.places:
                first.place = _pick_place(title.places, 0)
        else:
            # "تفكيك عبوة ... في كربلاء" over "على طريق النجف - كربلاء": of the places of two
            # governorates its own clause names, the one the headline names (within one
            # governorate the body's own pick stays: it is the more precise, "ناحية ديرلوك
            # التابعة لقضاء العمادية"); the headline's places are read only when its clause
            # names a place of another governorate
            fr = first.frames[0]
            elsewhere = [
                p
                for p in event_places(fr.facts)
                if p.governorate is not None
                and p.governorate != first.place.governorate
                and _in(p.start, fr.lo, fr.hi)
                and PLACE_RANK.get(p.kind, 1) >= PLACE_RANK.get(first.place.kind, 1)
            ]
            named = {p.name_en for p in title.places} if elsewhere else set()
            also = [p for p in elsewhere if p.name_en in named]
            if also and first.place.name_en not in named and len({p.name_en for p in also}) == 1:
                first.place = also[0]
                first.notes.append("place: the one of its clause the headline names")
        if first.date is None and title.dates:
            first.date = title.dates[0]
        if (
            first.killed is None
            and first.wounded is None
            and sum(1 for e in events if not e.background) == 1
            and "aggregate" not in title.flags()
            and (cas := title.casualties) is not None
            # ("10 ضحايا بتفجير" over "سقط عشرة ضحايا بين قتيل وجريح": the dead and the
            # wounded together, which the body tells as neither count)
            and not any(_joint_figure(fr) is not None for fr in first.frames)
        ):
            # "مقتل 4 عناصر من داعش بضربة جوية في حمرين" over a body that tells the strike
            # without its toll: the headline's toll is the story's one event's
            first.killed, first.wounded = cas.killed, cas.wounded
        # (each side on its own: "غارة تركية تستهدف سيارة" names the attacker of a strike whose
        # dead the body names "من عناصر حزب العمال")
        told = {r.role for r in first.roles if r.role in ("perp", "target") and r.strength >= 2.0}
        if len(told) < 2:
            first.roles.extend(
                Role(r.actor_id, r.role, min(r.strength, 1.5), 10_000 + r.pos)
                for part in _title_parts(title)
                for r in read_roles(part, 0, len(part.text))
                if r.role not in told
            )
    for e in events:
        if e.place is None and not e.background:
            _place_of_its_sentence(e, events)
    story_actors: list[str] | None = None  # read below only for a base's host (finders run on first read)
    # a claim in the story ("أعلنت المقاومة الإسلامية تنفيذ ثلاث عمليات"; its detail
    # sentences say "استهدفوا", "ضربت") names the perpetrator of its unattributed events
    # -- not a claim of "the attack" (one event, already read as its follow-up), and never
    # for an arrest
    claimants = [
        r.actor_id
        for f in facts
        if "claim" in f.flags()
        and not f.is_title
        # (a claim of "the two attacks" claims each of them)
        and (not ONE_EVENT_CLAIMED.search(f.norm) or BOTH_EVENTS.search(f.norm))
        # a claim inside the report of one event of its own ("أصيب خمسة جنود بهجوم صاروخي
        # ... تبنته المقاومة") claims that event only ("تبنت أربع هجمات" claims several)
        and not (
            f.dates
            and any(_specific(c) for c in occurrence_cues(f))
            and not PLURAL_GENERIC.search(f.norm)
            and not vocab().two_events.search(f.norm)
        )
        for r in read_roles(f, 0, len(f.text))
        if r.role == "perp" and r.strength >= 3.0 and r.actor_id != "unknown"
    ]
    if claimants:
        for e in events:
            if e.sub_event == "Arrests":
                continue
            if not e.background and not any(
                r.role == "perp" and r.strength >= 1.5 and r.actor_id != "unknown" for r in e.roles
            ):
                e.roles.append(Role(claimants[0], "perp", 1.6, 8_000_000))
                e.claimed = True
                e.notes.append("perpetrator: the story's claimant")
    _near_city_in_dateline_province(events, facts)
    _the_site_again(events)
    _attackers_hunted(events)
    _resolve_group_anaphora(events, facts)
    _claimant_goes_on(events)
    _claim_of_the_salvo(events, facts)
    _resolve_ministry_forces(events, facts)
    for e in events:
        if any(r.role == "target" for r in e.roles) or e.place is None:
            continue
        if _family(e.sub_event) == "remote" or e.sub_event is None:
            # an attack on a base that hosts US-led forces hits them (the text or, for the
            # well-known hosting bases, domain knowledge says so: assembly.yaml us_hosting_sites)
            if story_actors is None:
                story_actors = [a.actor_id for f in facts for a in f.actors]
            if e.place.country in ("Israel", "Palestine"):
                # an Iraqi faction's drone or missile on a site in Israel ("هدفا حيويا في
                # إيلات", "موقعا عسكريا في الجولان"): Israel's forces are who was attacked
                e.roles.append(Role("israel_forces", "target", 1.0, 9_000_000))
                e.notes.append("target: a site in Israel")
                continue
            flag = _flag_after_base(e)
            if flag is not None:
                # "قاعدة زليكان التركية": the base's own adjective says whose it is
                e.roles.append(Role(flag, "target", 1.0, 9_000_000))
                e.notes.append("target: the base's flag")
                continue
            hosts = [a for a in story_actors if a in ("us_forces", "coalition")]
            if any(r.role == "perp" and r.actor_id in HOSTS and r.strength >= 2.5 for r in e.roles):
                continue  # the host's own strike near its site ("غارة أمريكية قرب مطار بغداد")
            if e.place.name_en in us_hosting_sites() or (hosts and e.place.kind in ("base", "airport")):
                host = hosts[0] if hosts else "us_forces"
                e.roles.append(Role(host, "target", 1.0, 9_000_000))
                e.notes.append("target: host of the base")
    for e in events:
        if (
            any(r.role == "target" and r.actor_id in ("us_forces", "coalition") for r in e.roles)
            and any(r.actor_id == "isis" and r.role in ("perp", "?") and r.strength < 3.0 for r in e.roles)
            and not any(ISIS_NAMED.search(fr.facts.norm) for fr in e.frames)
        ):
            # "أدانت الحكومة الاعتداء الإرهابي على السفارة الأمريكية": "terrorist" is a word
            # for the rockets and drones on US-led forces' sites, whose makers are the armed
            # factions (unnamed: unknown), not ISIS unless named as such
            e.roles = [r for r in e.roles if not (r.actor_id == "isis" and r.role in ("perp", "?"))]
            e.notes.append("perpetrator: 'terrorist' is no name")
    for k, e in enumerate(events):
        if e.sub_event == "Arrests" and not any(
            r.role == "target" and r.actor_id != "unknown" for r in e.roles
        ):
            _arrested_of_both_sides(e, events[:k])
    for e in events:
        settle_counts(e)
        if e.sub_event == "Arrests" and e.killed is not None and e.killed.best:
            # "قتل 5 من عناصر داعش بعملية إنزال جوي": a raid that kills is a fight, not an
            # arrest (unless the dead are what the arrested are accused of: "بتهمة قتل")
            words = _frames_text(e)
            if RAID_DEAD.search(words) and not ACCUSED_OF.search(words):
                e.sub_event = "Armed clash"
                e.notes.append("raid with dead: a clash")
        if (
            e.sub_event == "Attack"
            and any(r.role == "target" and r.actor_id == "civilians" for r in e.roles)
            and not any(r.role == "target" and r.actor_id == "iraqi_security_forces" for r in e.roles)
            and any(_officer_assassinated(_victims_text(fr)) for fr in e.frames)
        ):
            # "اغتال مسلحون ضابطا في الاستخبارات ... وإصابة اثنين من المارة": the one
            # assassinated is whom the attack was on, not the passers-by it also hit
            e.roles = [
                Role(r.actor_id, r.role, 0.5, r.pos)
                if r.role == "target" and r.actor_id == "civilians"
                else r
                for r in e.roles
            ]
            e.roles.append(Role("iraqi_security_forces", "target", 2.6, 9_500_000))
            e.notes.append("target: the officer assassinated")
        if not any(r.role == "target" for r in e.roles):
            # "قتل ثلاثة جنود ... بهجوم لداعش": soldiers, police, officers with no other
            # army named are Iraq's security forces (foreign troops are named as such)
            for fr in e.frames:
                text = _victims_text(fr)
                soldiers = SOLDIER_VICTIMS.search(text)
                if soldiers is None:
                    if _officer_assassinated(text):
                        e.roles.append(Role("iraqi_security_forces", "target", 1.2, 9_500_000))
                        e.notes.append("target: the security forces' own")
                        break
                    continue
                # "أعلنت وزارة الدفاع التركية مقتل ثلاثة جنود": the announcing army's own
                at = _victims_at(fr, soldiers)
                army = _announcing_state(fr.facts, at)
                if army is None and OWN_PEOPLE.search(soldiers.group()):
                    # "أعلنت هيئة الحشد الشعبي مقتل 16 من منتسبيها": the announcer's own people
                    army = _announcing_state(fr.facts, at, ARMED_BODIES)
                if army is not None:
                    e.roles.append(Role(army, "target", 1.2, 9_500_000))
                    e.notes.append("target: the announcing army's own")
                    break
                # (the victims' nationality follows them: "جنود أمريكيين", "جنديين من التحالف";
                # "بنيران القوات التركية" names who fired)
                if not FOREIGN_TROOPS.search(_victims_tail(text, soldiers.end())):
                    body = _members_body(e, fr, soldiers.group())
                    if body is not None:
                        e.roles.append(Role(body, "target", 1.2, 9_500_000))
                        e.notes.append("target: the named body's members")
                        break
                    e.roles.append(Role("iraqi_security_forces", "target", 1.2, 9_500_000))
                    e.notes.append("target: the security forces' own")
                    break
            else:
                # "وأضاف أن الهجوم أسفر عن استشهاد ضابط وجنديين": the toll a later sentence told
                for f in e.follow:
                    soldiers = SOLDIER_VICTIMS.search(f.norm)
                    if (
                        soldiers is not None
                        and f.casualties is not None
                        and not FOREIGN_TROOPS.search(_victims_tail(f.norm, soldiers.end()))
                        and _announcing_state(f, f.orig(soldiers.start())) is None
                    ):
                        e.roles.append(Role("iraqi_security_forces", "target", 1.2, 9_500_000))
                        e.notes.append("target: the security forces' own (a later toll)")
                        break
        if not any(r.role == "target" for r in e.roles):
            _its_men_dead(e)
        if e.sub_event == "Armed clash":
            _soldiers_side(e)
        if (
            not any(r.role == "target" for r in e.roles)
            and _family(e.sub_event) in ("remote", "")
            and e.place is not None
            and e.place.kind == "base"
            and e.place.country == "Iraq"
            and BASE_NAMED.search(normalize(e.place.surface))
            and not any(CIVILIAN_VICTIMS.search(_victims_text(fr)) for fr in e.frames)
        ):
            # "سقط صاروخا كاتيوشا داخل قاعدة بلد الجوية": a base in Iraq hosting no US-led
            # forces (those were read above) is the Iraqi forces', or the foreign force's that
            # holds it (assembly.yaml foreign_held_bases)
            owner = foreign_held_bases().get(e.place.name_en, "iraqi_security_forces")
            e.roles.append(Role(owner, "target", 1.0, 9_000_000))
            e.notes.append("target: the force the base belongs to")
        if not any(r.role == "target" for r in e.roles) and _family(e.sub_event) in ("remote", "street", ""):
            # "قتل ثلاثة أشخاص بهجوم مسلح على قرية", "تفجير انتحاري استهدف سوقا شعبية": people
            # or a place of daily life hit, with no armed party named, are civilians
            for fr in e.frames:
                text = _victims_text(fr)
                if (
                    CIVILIAN_VICTIMS.search(text)
                    or CIVILIAN_SITE.search(text)
                    or ENERGY_SITE.search(text)
                    or (
                        # (not a contractor of a side named: "لشركة متعاقدة مع التحالف الدولي")
                        COMPANY_ASSET.search(text)
                        and not any(r.actor_id not in CIVILIAN | {"unknown"} for r in e.roles)
                    )
                    or (fr.place is not None and ENERGY_PLACE.search(fr.place.name_en))
                ) and not CLASH_WORD.search(text):
                    if e.sub_event == "Excessive force against protesters":
                        # (the people a force dispersed are the protesters, named or not)
                        e.roles.append(Role("protesters", "target", 1.1, 9_500_000))
                        e.notes.append("target: the protesters dispersed")
                        break
                    e.roles.append(Role("civilians", "target", 1.1, 9_500_000))
                    e.notes.append("target: civilians hit")
                    if e.sub_event == "Armed clash":
                        e.sub_event = "Attack"  # no second armed side: violence against civilians
                    break
    for e in events:
        # Turkey's strikes in Iraq are on the PKK ("حيدت 9 إرهابيين" in its words): its
        # adversary when the story names it and the event names no target (people
        # or places of daily life hit were read as civilians just above)
        if not any(r.role == "target" for r in e.roles) and any(
            r.role == "perp" and r.actor_id == "turkish_forces" and r.strength >= 1.5 for r in e.roles
        ):
            # (not a PKK said to be absent: "عدم وجود عناصر لحزب العمال في المنطقة")
            if any(a.actor_id == "pkk" and not _said_absent(f, a) for f in facts for a in f.actors):
                e.roles.append(Role("pkk", "target", 1.0, 9_000_000))
                e.notes.append("target: Turkey's adversary named in the story")
        state = next(
            (
                r.actor_id
                for r in e.roles
                if r.role == "perp" and r.actor_id in STATE_TERRORISTS and r.strength >= 2.0
            ),
            None,
        )
        if (
            state is not None
            and any(r.role in ("target", "?") and r.actor_id == "isis" for r in e.roles)
            # (the state itself is no target of its own strike: "الإرهابيين الذين كانوا
            # يستعدون لشن هجوم على القواعد التركية" is an attack it says it forestalled)
            and not any(r.role == "target" and r.actor_id not in ("isis", state) for r in e.roles)
            and not any(ISIS_NAMED.search(fr.facts.norm) for fr in e.frames)
        ):
            # "أعلنت وزارة الدفاع التركية تحييد ستة إرهابيين في متينا": in Turkey's words the
            # "terrorists" it strikes in Iraq are the PKK's, in Iran's ("مقرات لجماعات
            # إرهابية في إقليم كردستان") the Iranian Kurdish opposition parties' -- not ISIS
            # (named as such)
            e.roles = [r for r in e.roles if r.actor_id != "isis"]
            e.roles.append(Role(STATE_TERRORISTS[state], "target", 1.0, 9_000_000))
            e.notes.append(f"target: {state}'s 'terrorists'")
    for k, e in enumerate(events):
        if e.sub_event is None:
            e.sub_event = infer_sub_event(e, events[k - 1] if k else None) or _sibling_sub_event(e, events)
            e.notes.append("sub-event inferred")
    events = _drop_country_summaries([e for e in events if not e.accident])
    _similar_strike(events)
    for k, e in enumerate(events):
        if k and not any(r.role == "target" for r in e.roles):
            # "وكان رتل آخر قد تعرض ... لانفجار عبوة": another convoy (base, checkpoint) of
            # the owner of the one just told
            words = _frames_text(e)
            if ANOTHER_OF_THE_KIND.search(words):
                hit = [r for r in events[k - 1].roles if r.role == "target" and r.strength >= 1.0]
                if hit:
                    best = max(hit, key=lambda r: r.strength)
                    e.roles.append(Role(best.actor_id, "target", 1.0, 9_000_000))
                    e.notes.append("target: another of the same owner's")
    for e in events:
        if e.background and e.date is None and any(SAME_DAY.search(fr.facts.norm) for fr in e.frames):
            # "وفي وقت سابق من اليوم نفسه، استهدف هجوم صاروخي قاعدة عين الأسد": earlier, but
            # on the day of the story's event: its own event, dated with it
            e.background = False
            e.notes.append("the same day as the story's event")
    # a fresh event without its own date expression happened when the story's dated
    # fresh report did (the lead's "اليوم الأحد" covers the follow-up paragraphs)
    last_date = next((e.date for e in events if e.date is not None and not e.background), None)
    for e in events:
        if e.date is not None and not e.background:
            last_date = e.date
        elif e.date is None and not e.background:
            e.inherited_date = last_date or _summary_date(facts, e)
    for e in events:
        if not e.background and not any(
            r.role == "perp" and r.strength >= 1.5 and r.actor_id != "unknown" for r in e.roles
        ):
            # "نفذت القوات الأمريكية غارات على 85 هدفا في العراق وسوريا", then "الغارات
            # استهدفت مواقع ... في القائم": who made the strikes summed up made this one
            perps = _summarized(facts, e, "summary_perps")
            if perps:
                e.roles.extend(Role(r.actor_id, "perp", 1.6, 8_000_000 + r.pos) for r in perps)
                e.notes.append("perpetrator: the summary's")
    return events


def _summary_date(facts: list[Facts], e: Event):
    """The day of a summary told before the event ("نفذت، مساء الجمعة، ضربات على أكثر من 85
    هدفا في العراق وسوريا", then "في القصف الأمريكي الذي استهدف مواقعها في القائم"): the
    strike the event names with the article is one of those."""
    return _summarized(facts, e, "summary_date")


def _summarized(facts: list[Facts], e: Event, key: str):
    """What the last summary before the event said (its `key`), when the event names its
    strike with the article (one of those the summary told)."""
    first = e.frames[0]
    f = first.facts
    if not any(_specific(c) and _in(c.start, first.lo, first.hi) and _definite(f, c) for c in f.cues):
        return None
    told = [g._memo[key] for g in facts if key in g._memo and g.index < first.facts.index]
    return told[-1] if told else None


# "أنصار الميليشيا", "مقر الحركة": a definite singular group noun points back to the one
# armed faction the story has named
GROUP_ANAPHOR = compile_guarded(
    _n(r"(?:^|\s)(?:و|ب|ل)?(?:ال|لل)(?:ميليشيا|مليشيا|فصيل|حركه|جماعه|كتائب|عصائب|سرايا)(?=[\s،.]|$)")
)
NAMED_FACTIONS = IRAQI_FACTIONS - FACTIONS_UMBRELLAS
SAME_ONE = compile_guarded(_n(r"\s+(?:ذاته|ذاتها|نفسه|نفسها|عينه|عينها)(?=[\s،.]|$)"))
# the word before it makes the group what was hit: its site, leader or convoy
ANAPHOR_HIT = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب|ل)?(?:مقر|مقرات|مقري|مكتب|مكاتب|موقع|مواقع|مخزن|مخازن|قياده|قائد|قادة|قيادي|"
        r"رتل|ارتال|سياره|استهداف|استهدف|استهدفت|قصف|ضرب)\s*$"
    )
)


def _named_bodies(f: Facts) -> list:
    """Every actor the sentence names, the bodies that only report included (a ministry, a
    command: kind "source"), for coreference only (never roles): `Facts.bodies`, the one
    reading `Facts.actors` is filtered from."""
    return f.bodies


# "كما أعلنت في بيان ثان استهداف قاعدة عسكرية في الجولان": the claim verb's subject dropped,
# the claimant of the statement before goes on (Arabic drops a subject it keeps)
CLAIMANT_DROPPED = compile_guarded(
    _n(
        r"^(?:كما|و|ثم)\s*(?:اعلنت|اعلن|اعلنوا|تبنت|تبني|اكدت|اكد)\s+(?:ايضا\s+)?"
        r"(?:(?:،\s*)?(?:في|عبر)\s+بيان(?:\s+(?:ثان|ثاني|اخر|لاحق|منفصل))?\s*(?:،\s*)?)?"
        r"(?:عن\s+)?(?:استهداف|مسؤوليتها|مسؤوليته|قصف|ضرب)"
    )
)


def _place_of_its_sentence(e: Event, events: list[Event]) -> None:
    """An event whose own clause names no place is at the one place its sentence names
    outside it ("شيع المئات في مدينة الناصرية جثمان الناشط الذي قضى ... بعد تعرضه لمحاولة
    اغتيال أمام منزله"), when no other act of the sentence is there."""
    f = e.frames[0].facts
    if not f.places or any(o is not e and o.frames[0].facts is f for o in events):
        return
    places = [p for p in event_places(f) if p.country == "Iraq" and p.kind != "country"]
    if len({p.name_en for p in places}) != 1:
        return
    e.place = places[0]
    e.notes.append("place: the one its sentence names")


def _claim_of_the_salvo(events: list[Event], facts: list[Facts]) -> None:
    """The sites of one act told in one sentence ("سقط 22 صاروخا على قاعدتي عين الأسد وحرير")
    share the side a later sentence names for "the attack" without naming a site ("وتبنى
    الحرس الثوري الإيراني الهجوم"): it was read onto the site told last only."""
    by_sentence: dict[int, list[Event]] = {}
    for e in events:
        if not e.background and "site split" in e.frames[0].notes:
            by_sentence.setdefault(id(e.frames[0].facts), []).append(e)
    index = {f.index: f for f in facts}
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        told = group[0].frames[0].facts.index
        sites = {e.place.name_en for e in group if e.place is not None}
        later = [
            (e, r)
            for e in group
            for r in e.roles
            if r.role == "perp"
            and r.strength >= 2.5
            and r.actor_id != "unknown"
            and r.pos // 100_000 - 1 > told
            and (g := index.get(r.pos // 100_000 - 1)) is not None
            and not any(p.name_en in sites for p in g.places)
        ]
        if len({r.actor_id for _e, r in later}) != 1:
            continue
        source, role = later[0]
        for e in group:
            if e is source or any(
                r.role == "perp" and r.strength >= 1.5 and r.actor_id != "unknown" for r in e.roles
            ):
                continue
            e.roles.append(role)
            e.claimed = e.claimed or source.claimed
            e.notes.append("perpetrator: named later for the act at all its sites")


def _claimant_goes_on(events: list[Event]) -> None:
    """An event with no actor whose sentence opens with a claim verb with its subject
    dropped ("كما أعلنت في بيان ثان استهداف ...") is claimed by the claimant of the claimed
    event right before it."""
    for k, e in enumerate(events):
        if k == 0 or any(r.role == "perp" for r in e.roles):
            continue
        fr = e.frames[0]
        f = fr.facts
        # (the sentence's, or its clause's: "أعلنت المقاومة استهداف قاعدة حرير ...، كما أعلنت في
        # بيان ثان استهداف قاعدة عين الأسد")
        clause = f.norm[f.npos(fr.lo) :].lstrip(" ،,")
        if any(_in(a.start, fr.lo, fr.hi) for a in f.actors) or not CLAIMANT_DROPPED.match(clause):
            continue
        before = events[k - 1]
        perps = [r for r in before.roles if r.role == "perp" and r.strength >= 2.5]
        if not before.claimed or not perps or f.index - before.last_index > 2:
            continue
        claimant = max(perps, key=lambda r: r.strength)
        e.roles.append(Role(claimant.actor_id, "perp", 2.6, (f.index + 1) * 100_000))
        e.claimed = True
        e.notes.append("actor: the claimant before, its subject dropped")


# "مسلحو التنظيم", "عناصر التنظيم": the organization's men, in a story that named ISIS
ORG_MEN = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب|ل)?(?:مسلحو|مسلحي|عناصر|مقاتلو|مقاتلي|ارهابيو|ارهابيي|فلول|بقايا|خلايا|خليه|انتحاريو|انتحاريي)"
        r"\s+التنظيم(?=[\s،.]|$)"
    )
)


def _resolve_group_anaphora(events: list[Event], facts: list[Facts]) -> None:
    """An event with no named attacker whose own words say "the militia" / "the movement"
    gets the one faction the story named before it (none when the story named several);
    "the organization's gunmen" are ISIS's when ISIS is the one armed group it named."""
    for e in events:
        if any(r.role == "perp" and r.strength >= 1.5 and r.actor_id != "unknown" for r in e.roles):
            continue
        for fr in e.frames:
            f = fr.facts
            if "denial" in f.flags() or _denied(f.norm):
                continue  # "نفى ... أي صلة للفصيل": the faction says it was not them
            text = f.norm[f.npos(fr.lo) : f.npos(fr.hi)]
            if "تنظيم" in text and ORG_MEN.search(text) and not any(r.actor_id == "isis" for r in e.roles):
                named = {
                    a.actor_id
                    for g in facts
                    if g.is_title or g.index <= e.last_index
                    for a in g.actors
                    if a.actor_id in NAMED_FACTIONS or a.actor_id in INSURGENTS
                }
                if named == {"isis"}:
                    e.roles.append(Role("isis", "perp", 1.6, (f.index + 1) * 100_000 + fr.lo))
                    e.notes.append("actor: the story's ISIS, named again as 'the organization'")
                    break
            m = GROUP_ANAPHOR.search(text)
            if m is None:
                continue
            if e.background and not SAME_ONE.match(text, m.end()):
                continue  # an earlier act: only "الفصيل ذاته" ("the same faction") names it
            named = {
                a.actor_id
                for g in facts
                if g.is_title or g.index <= e.last_index
                for a in g.actors
                if a.actor_id in NAMED_FACTIONS
            }
            if len(named) != 1:
                break
            faction = named.pop()
            if any(r.actor_id == faction and r.role == "target" and r.strength >= 2.0 for r in e.roles):
                break
            role = "target" if ANAPHOR_HIT.search(text[: m.start() + 1]) else "perp"
            e.roles.append(Role(faction, role, 1.6, (f.index + 1) * 100_000 + fr.lo))
            e.notes.append("actor: the story's faction, named again as 'the militia'")
            break


# "أعلنت الوزارة أمس أن طائراتها حيدت 9 إرهابيين": a ministry named again, whose forces did it
MINISTRY_FORCES = compile_guarded(
    _n(
        r"(?:اعلنت|قالت|اكدت|ذكرت|افادت)\s+(?:الوزاره|وزاره الدفاع|رئاسه الاركان|هيئه الاركان|القياده)\s+"
        r"(?:[^\s.؛:]+\s+){0,4}?(?:ان|بان)\s+(?:" + _OWN_FORCES + r")(?:\s|$)"
    )
)


def _resolve_ministry_forces(events: list[Event], facts: list[Facts]) -> None:
    """An event with no named attacker told as "the ministry said its aircraft ..." gets the
    one foreign state whose ministry or command the story named before (a source otherwise:
    marsad.extract.vocab kind "source")."""
    for e in events:
        if any(r.role == "perp" and r.strength >= 1.5 and r.actor_id != "unknown" for r in e.roles):
            continue
        for fr in e.frames:
            f = fr.facts
            if "وزاره" not in f.norm and "الاركان" not in f.norm and "القياده" not in f.norm:
                continue
            if not MINISTRY_FORCES.search(f.norm):
                continue
            states = {
                a.actor_id
                for g in facts
                if g.index <= f.index
                for a in _named_bodies(g)
                if a.kind == "source" and a.actor_id in STATE_ATTACKERS
            }
            if len(states) == 1:
                e.roles.append(Role(states.pop(), "perp", 2.6, (f.index + 1) * 100_000 + fr.lo))
                e.notes.append("perpetrator: the ministry's own forces")
            break


def _sibling_sub_event(e: Event, events: list[Event]) -> str | None:
    """'Attacks targeted Ain al-Asad and Harir': the sites of one listed clause were hit by
    the same kind of attack; a site whose event learned its kind lends it to the others."""
    if "site split" not in e.notes:
        return None
    mine = {(fr.facts.index, fr.lo) for fr in e.frames if "site split" in fr.notes}
    for o in events:
        if o is not e and o.sub_event is not None and mine & {(fr.facts.index, fr.lo) for fr in o.frames}:
            if e.weapon is None:
                e.weapon = o.weapon
            return o.sub_event
    return None


def _drop_country_summaries(events: list[Event]) -> list[Event]:
    """'Attacks on three US bases in Iraq' and then the bases by name: the country-wide
    event summarizes the named ones. An uncounted event placed only in a country is
    dropped when the story holds an event of the same kind at a named place in that
    country, with the same attacked party."""

    def targets(e: Event) -> set[str]:
        # (a faction and its umbrella are one attacked party: "غارات ضد كتائب حزب الله في
        # العراق", then "مواقع للحشد الشعبي في القائم")
        ids = {r.actor_id for r in e.roles if r.role == "target" and r.strength >= 1.0}
        return ids | {UMBRELLA_OF[i] for i in ids if i in UMBRELLA_OF}

    kept = []
    for e in events:
        named = [
            o
            for o in events
            if o is not e
            and not o.background
            and o.place is not None
            and PLACE_RANK.get(o.place.kind, 1) >= 3
            and o.place.country == (e.place.country if e.place is not None else None)
            and (o.sub_event is None or _family(o.sub_event) == _family(e.sub_event))
            and targets(o) & targets(e)
        ]
        summary = (
            not e.background
            and e.place is not None
            and e.place.kind == "country"
            and e.killed is None
            and e.wounded is None
            and named
        )
        if not summary:
            kept.append(e)
            continue
        for o in named:
            # the summary said what kind of attack the named ones were ("بطائرات مسيرة")
            if o.sub_event is None and e.sub_event is not None:
                o.sub_event, o.weapon = e.sub_event, o.weapon or e.weapon
    return kept


def _same_target(e: Event, fr: Frame) -> bool:
    """The frame names the same attacked party as the event, with the same kind of act."""
    a = {r.actor_id for r in e.roles if r.role == "target" and r.strength >= 2.0}
    b = {r.actor_id for r in fr.roles if r.role == "target" and r.strength >= 2.0}
    return bool(a & b) and e.sub_event == fr.sub_event and not _places_conflict(e.place, fr.place)


def _same_anchor(e: Event, fr: Frame) -> bool:
    """An earlier event is resumed when the frame names its site (or its governorate)."""
    if e.place is None or fr.place is None:
        return False
    if e.place.name_en == fr.place.name_en:
        return True
    return bool(e.place.governorate) and e.place.governorate == fr.place.governorate


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class ReadCount:
    """A count the assembler reads from the event's wording (same fields as numbers.Count)."""

    low: int | None
    best: int | None
    high: int | None
    start: int = 0
    end: int = 0


SURVIVED = compile_guarded(_n(r"(?:^|\s)(?:ب|و)?(?:نجاه|نجا|نجت|نجيا|نجوا|ينجو|تنجو)(?:\s|$)"))
ASSASSINATED = compile_guarded(
    _n(
        r"(?<!محاوله )(?<!محاولات )(?:^|\s)(?:و|ف)?(?:اغتالوا|اغتالت|اغتال|اغتيلا|اغتيلوا|اغتيل|اغتيلت|باغتيال|اغتيال)((?:\s+\S+){1,10})"
    )
)
PERSON_NOUN = compile_guarded(
    _n(
        r"^(?:ال)?(?:ناشط|ناشطه|صحفي|صحافي|مصور|طبيب|طبيبه|قيادي|قائد|مسؤول|ضابط|شيخ|محامي|مرشح|نائب|عضو|مدير|موظف|مواطن|شاب|امراه|رجل"
        # (a unit's commander, a village head, a judge, a trader, a serviceman)
        r"|امر|معاون|زعيم|مختار|قاضي|تاجر|استاذ|منتسب|شرطي|جندي|مقاتل|عنصر|محافظ"
        # (an expert, a researcher, a writer, a broadcaster, an engineer, a teacher, a preacher; not "امام", also "in front of")
        r"|خبير|باحث|كاتب|اعلامي|مذيع|مهندس|مدرس|معلم|خطيب|محلل|مستشار|رئيس|اكاديمي|مقدم)(?:ا|ين|ان|تين|تان|ات|ون)?$"
    )
)

# the number two as a word of its own ("ناشطين اثنين"), not the weekday "الاثنين"
TWO_WORD = compile_guarded(_n(r"(?:^|\s)(?:و)?(?:اثنين|اثنان|اثنتين|اثنتان)(?=[\s،,.]|$)"))


def _members_body(e: Event, fr: Frame, victims: str) -> str | None:
    """ "اتهمت هيئة الحشد إسرائيل بالضربة التي ... أسفرت عن مقتل منتسب": "منتسب" is also the
    PMF's (or the Peshmerga's) word for its members; with that body named, not as the
    attacker, and no other force, they are its own."""
    if "منتسب" not in victims:
        return None
    named = [a for a in fr.facts.actors if a.actor_id in ARMED_BODIES]
    if not named or any(a.actor_id == "iraqi_security_forces" for a in fr.facts.actors):
        return None
    body = min(named, key=lambda a: a.start).actor_id
    if any(r.role == "perp" and r.actor_id == body and r.strength >= 2.0 for r in e.roles):
        return None
    return body


def _officer_assassinated(text: str) -> bool:
    """ "اغتال مسلحون مجهولون، فجر اليوم، ضابطاً برتبة نقيب": an officer of Iraq's forces
    named as the one assassinated (after the killers; not "جنديا أمريكيا")."""
    hit = ASSASSINATED.search(text)
    return (
        hit is not None
        and any(SECURITY_PERSON.match(w.strip('،,.«»"“”')) for w in hit.group(1).split())
        and not FOREIGN_TROOPS.search(hit.group(1))
    )


def _frames_text(e: Event) -> str:
    """The normalized clauses the event was read from, joined."""
    return " ".join(fr.facts.norm[fr.facts.npos(fr.lo) : fr.facts.npos(fr.hi)] for fr in e.frames)


def _victims_text(fr: Frame) -> str:
    """The normalized text that tells a frame's victims: its clause, or from `victims_lo`."""
    lo = fr.lo if fr.victims_lo is None else fr.victims_lo
    return fr.facts.norm[fr.facts.npos(lo) : fr.facts.npos(fr.hi)]


def _victims_at(fr: Frame, victims: re.Match) -> int:
    """Where, in the sentence's original text, the victims matched in `_victims_text(fr)` are."""
    lo = fr.lo if fr.victims_lo is None else fr.victims_lo
    return fr.facts.orig(fr.facts.npos(lo) + victims.start())


def settle_counts(e: Event) -> None:
    """Counts the wording implies: "نجا من محاولة اغتيال" -> 0 killed; "اغتال الناشط" -> 1."""
    if e.killed is not None:
        return
    words = _frames_text(e)
    if SURVIVED.search(words):
        e.killed = ReadCount(0, 0, 0)
        e.notes.append("killed 0: survived")
        return
    m = ASSASSINATED.search(words)
    if not m:
        return
    if e.sub_event != "Attack" and "اغتيال" in m.group(0):
        # (the verb says it was done: "اغتال مسلحون ضابطا بتفجير عبوة لاصقة بسيارته" is an
        # IED that killed; the noun may be the attempt's or the threat's)
        return
    nouns = [w.strip('،,.«»"“”') for w in m.group(1).split()]
    if "اغتيل" in m.group(0):
        # the passive names its victim before it: "بأن ناشطا في الحراك الشعبي أغتيل على يد"
        nouns = [w.strip('،,.«»"“”') for w in words[: m.start()].split()[-6:]] + nouns
    noun = next((w for w in nouns if PERSON_NOUN.match(w)), None)
    if noun is None:
        return
    if re.search(r"(?:ين|ان|تين|تان)$", noun) or TWO_WORD.search(m.group(1)):
        e.killed = ReadCount(2, 2, 2)
    elif re.search(r"(?:ات|ون)$", noun):
        return  # a plural without a number: not counted (spec section 6)
    else:
        e.killed = ReadCount(1, 1, 1)
    e.notes.append("killed read from the assassination wording")


# "هجوم مماثل", "ضربة ثانية", "بالطريقة نفسها": the kind of the attack just reported (not
# "في تطور آخر", nor the "others" of "وإصابة سبعة آخرين")
SAME_KIND = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ب|ل)?(?:ال)?(?:هجوم|هجوما|هجمه|اعتداء|استهداف|عمليه|ضربه|قصف|انفجار|تفجير)\s+"
        r"(?:ال)?(?:مماثل|مماثله|مشابه|اخر|ثان|ثاني|ثانيه)(?:\s|$|[،.])|(?:بالطريقه|بالاسلوب)\s+(?:نفسها|ذاتها|نفسه|ذاته)"
    )
)


# an assault on someone ("اعتدت قوات الأسايش على الصحفيين")
ASSAULTED_ON = compile_guarded(
    _n(r"(?:^|\s)(?:و|ف)?(?:اعتدي|اعتدت|اعتدوا|تعتدي|يعتدي|يعتدون)\s+(?:\S+\s+){0,4}?علي\s")
)
ASSAULT_WORD = compile_guarded(
    _n(
        r"(?:^|\s)(?:و|ف)?(?:هاجم|هاجمت|هاجموا|اقتحم|اقتحمت|اقتحموا)(?:\s|$)|(?:^|\s)(?:ب|ل)?(?:ال)?هجوما?\s+(?:ال)?مسلحا?(?:\s|$)"
        # assaulted ("اعتدى عناصر أمن على مراسل", "تعرض مراسل للاعتداء من قبل")
        r"|(?:^|\s)(?:و|ف)?(?:اعتدي|اعتدت|اعتدوا|يعتدي|تعتدي|يعتدون)(?:\s|$)|(?:^|\s)(?:ل|ب|لل)?(?:ال)?اعتداء(?:\s|$)"
        # "شن تنظيم داعش هجوما على قرية": one attack launched by a named side ("إثر هجوم شنه
        # مسلحو داعش على موقع": the attack, then who launched it)
        r"|(?:^|\s)(?:و|ف)?(?:شن|شنت|شنوا|نفذ|نفذت|نفذوا)\s+(?:\S+\s+){0,3}?هجوما(?:\s|$)"
        r"|(?:^|\s)(?:ب|ل)?(?:ال)?هجوما?\s+(?:شنه|شنته|شنها|نفذه|نفذته|نفذها|من\s+قبل|علي\s+يد|علي\s+ايدي)(?:\s|$)"
        # "شاركا في الهجوم على نقطة للجيش": the attack on a site, its side named
        r"|(?:^|\s)(?:ب|ل|في\s+)?(?:ال)?هجوما?\s+علي(?:\s|$)"
        # "أعلنت وزارة الدفاع التركية تحييد 4 من عناصر حزب العمال": its side's operation
        r"|(?:^|\s)(?:و|ف)?(?:تحييد|حيدت|حيدنا|حيد)(?:\s|$)"
    )
)


def _similar_strike(events: list[Event]) -> None:
    """ "قتل مدنيان بقصف مدفعي تركي ...، إذ قتل راع في قصف مماثل على المنطقة": a strike "like
    it" by a foreign state's forces is that force's, with its weapon, in the area just told."""
    for k in range(1, len(events)):
        e, before = events[k], events[k - 1]
        if e.sub_event != before.sub_event or e.sub_event not in (
            "Air/drone strike",
            "Shelling/artillery/missile attack",
        ):
            continue
        words = _frames_text(e)
        if not SAME_KIND.search(words):
            continue
        state = [
            r
            for r in before.roles
            if r.role == "perp" and r.actor_id in STATE_ATTACKERS and r.strength >= 1.0
        ]
        if not state or any(r.role == "perp" and r.strength >= 1.0 for r in e.roles):
            continue
        e.roles.append(Role(max(state, key=lambda r: r.strength).actor_id, "perp", 1.0, 9_000_000))
        e.notes.append("perpetrator: the similar strike's")
        if not any(fr.weapon for fr in e.frames):
            e.weapon = before.weapon  # (no weapon of its own named)
        if e.place is None and THE_AREA.search(words):
            e.place = before.place


# the one attack a site suffered ("تعرضت قاعدة عين الأسد لهجوم")
SUFFERED_ONE_ATTACK = compile_guarded(
    _n(
        r"(?:^|\s)(?:و)?(?:تعرضت|تعرض)\s+(?:\S+\s+){1,8}?(?:ل|ال)?(?:هجوم|اعتداء)(?=\s|$|[،.])"
        # ... or one attack that targeted it ("الهجوم الذي استهدف السفارة الأمريكية فجر اليوم")
        r"|(?:^|\s)(?:ب|و)?(?:ال)?(?:هجوم|اعتداء)\s+(?:الذي\s+)?استهدف(?=\s)|(?:^|\s)(?:و)?استهدف\s+(?:هجوم|اعتداء)(?=\s)"
    )
)


def infer_sub_event(e: Event, previous: Event | None) -> str | None:
    """A sub-event type for an event read from generic words only ("هجوم", "انفجار", "ضربة")."""
    if e.sub_event is not None:
        return e.sub_event
    if e.weapon in WEAPON_SUB_EVENT:
        if e.weapon == "small_arms" and not any(
            r.role == "target" and r.actor_id not in CIVILIAN | {"iraqi_government"} for r in e.roles
        ):
            # gunfire at no armed party (civilians, an official: "أطلقوا النار على سيارة مدير
            # ناحية"): violence against civilians
            return "Attack"
        return WEAPON_SUB_EVENT[e.weapon]
    words = _frames_text(e)
    if previous is not None and previous.sub_event not in (None, "Arrests") and SAME_KIND.search(words):
        if previous.sub_event == "Disrupted weapons use" and previous.weapon in WEAPON_SUB_EVENT:
            # "another attack" after one that was shot down: an attack of that weapon
            return WEAPON_SUB_EVENT[previous.weapon]
        return previous.sub_event  # "هجوم مماثل": the same kind as the one just reported
    if re.search(r"(?:^|\s)(?:و|ب|ل)?(?:ال)?(?:ضربه|ضربات|ضربتين)(?:\s|$)", words):
        return "Air/drone strike"
    # (with its pronoun: "أعلن الحرس الثوري قصفه مقرات", "قصفها مواقع")
    if re.search(r"(?:^|\s)(?:و|ب|ل)?(?:ال)?(?:قصف|قصفا|قصفت|قصفوا|قصفه|قصفها|قصفهم)(?:\s|$)", words):
        if any(r.role == "perp" and r.strength >= 2.0 and r.actor_id in AIR_POWERS for r in e.roles):
            # "قصفت القوات الأمريكية مواقع للفصائل": the US, the coalition and Israel strike
            # Iraq from the air (their guns are not in range of it)
            return "Air/drone strike"
        return "Shelling/artillery/missile attack"
    targets = [r.actor_id for r in e.roles if r.role == "target"]
    if (
        any(t in ("us_forces", "coalition") for t in targets)
        # (with its toll: the reading below would make it a fight; or the one attack, told
        # on its own day, a site of theirs suffered: "تعرضت قاعدة عين الأسد لهجوم مساء اليوم")
        and (
            any(fr.killed is not None or fr.wounded is not None for fr in e.frames)
            or (
                not e.background
                and e.date is not None
                and e.date.precision == "day"
                and any(SUFFERED_ONE_ATTACK.search(fr.facts.norm) for fr in e.frames)
            )
        )
        and not any(r.role == "perp" and r.actor_id not in IRAQI_FACTIONS | {"unknown"} for r in e.roles)
        and e.place is not None
        and (e.place.kind in ("base", "airport") or e.place.name_en in us_hosting_sites())
        and not re.search(r"اشتباك|اشتباكات|مواجهات|تسلل|اقتحام|اقتحم|النار|رصاص|انفجار|تفجير|عبوه", words)
        and not PLURAL_GENERIC.search(words)
    ):
        # "أصيب جندي أمريكي في الهجوم الذي استهدف قاعدة عين الأسد": an attack on a base of the
        # US-led forces, its weapon unnamed, is a strike from afar (drones and rockets are how
        # the factions hit them), not a ground fight
        return "Air/drone strike"
    if (
        any(fr.killed is not None or fr.wounded is not None for fr in e.frames)
        and re.search(
            _n(r"قتل|مقتل|قتيل|قتلي|استشهد|استشهاد|اغتيال|اصيب|اصاب|جريح|جرحي|رصاص|النار|حتف|مصرع"), words
        )
        and not re.search(_n(r"انفجار|تفجير|قصف|ضربه"), words)
    ):
        if any(t in CIVILIAN for t in targets) or not targets:
            return "Attack"
        return "Armed clash"
    if (
        e.claimed
        and any(t in FOREIGN_FORCES for t in targets)
        and any(r.role == "perp" and r.actor_id in IRAQI_FACTIONS and r.strength >= 2.5 for r in e.roles)
        and (
            e.place is None
            or e.place.kind in ("base", "airport")
            or e.place.name_en in us_hosting_sites()
            # ("استهداف قاعدة عسكرية في الجولان المحتل": a site in Israel, out of their guns' range)
            or e.place.country in ("Israel", "Palestine")
        )
        and not re.search(r"اشتباك|اشتباكات|مواجهات|تسلل|اقتحام|اقتحم|النار|رصاص", words)
        # (not the attacks a side is accused of: "تتهم واشنطن فصائل الحشد بالوقوف وراء هذه العمليات")
        and not PLURAL_GENERIC.search(words)
    ):
        # "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة حرير": a faction's claimed strike
        # on a foreign force's base, its weapon unnamed, is a drone or a rocket strike -- not a
        # ground assault; the drone, the factions' weapon of these claims (spec section 4)
        return "Air/drone strike"
    if (
        targets
        and any(r.role == "perp" for r in e.roles)
        and ASSAULT_WORD.search(words)
        and not re.search(r"انفجار|تفجير|انفجرت|انفجر", words)
    ):
        # "هاجم مسلحون مجهولون نقطة تفتيش للشرطة": an assault by a named side, told with
        # no casualty and no weapon, is still an event
        return "Attack" if all(t in CIVILIAN for t in targets) else "Armed clash"
    if e.weapon == "other" and re.search(
        _n(r"(?:^|\s)(?:و|ب)?(?:ال)?(?:قنبله|قنابل|رمانه|رمانات)(?:\s|$)"), words
    ):
        # "تعرض مقر حزب لهجوم بقنبلة صوتية / يدوية": a bomb thrown is an explosive attack
        return "Remote explosive/landmine/IED"
    if re.search(r"انفجار|تفجير|انفجرت|انفجر|(?:^|\s)و?فجر(?:ت|وا)?\s+(?!اليوم|امس)", words):
        # a blast AT a base or an armed group's site is a strike on it; elsewhere a bomb
        armed_target = any(r.role == "target" and r.actor_id not in CIVILIAN for r in e.roles)
        # (not a blast set off by a group that fights with bombs on the ground: "أعلن داعش
        # مسؤوليته عن تفجير استهدف تجمعا للحشد")
        bombers = any(r.role == "perp" and r.actor_id == "isis" and r.strength >= 1.0 for r in e.roles)
        if not bombers and (armed_target or (e.place is not None and e.place.kind in ("base", "airport"))):
            return "Air/drone strike"
        return "Remote explosive/landmine/IED"
    return None
