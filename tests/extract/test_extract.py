"""Behaviour of the staged extractor, on short invented Arabic texts (none copied from a corpus)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import extract
from marsad.model import SUB_EVENT_TYPES

PUB = dt.date(2024, 3, 10)  # a Sunday


def one(text: str, published=PUB, title=None):
    ms = extract(text, published, title)
    assert len(ms) == 1, [(m.sub_event_type, m.perpetrator_id, m.target_id, m.evidence) for m in ms]
    return ms[0]


# ---------------------------------------------------------------------------------------
# sub-event types, one invented report each

SUB_EVENTS = [
    (
        "انفجرت عبوة ناسفة صباح اليوم الأحد على رتل للتحالف الدولي قرب مدينة الديوانية دون وقوع إصابات.",
        "Remote explosive/landmine/IED",
    ),
    (
        "سقطت ثلاثة صواريخ كاتيوشا فجر اليوم على قاعدة عين الأسد الجوية التي تضم قوات أمريكية غربي الأنبار.",
        "Shelling/artillery/missile attack",
    ),
    (
        "شنت طائرة مسيرة أمريكية غارة على مقر لكتائب حزب الله في منطقة القائم، ما أسفر عن مقتل ثلاثة عناصر.",
        "Air/drone strike",
    ),
    (
        "اندلعت اشتباكات مسلحة بين سرايا السلام وعصائب أهل الحق في مدينة البصرة أسفرت عن مقتل شخصين.",
        "Armed clash",
    ),
    ("اغتال مسلحون مجهولون ناشطا مدنيا وسط مدينة الناصرية مساء أمس السبت.", "Attack"),
    ("أسقطت الدفاعات الجوية طائرة مسيرة مفخخة حاولت استهداف قاعدة حرير في أربيل.", "Disrupted weapons use"),
    ("اعتقلت القوات الأمنية خمسة عناصر من تنظيم داعش في كركوك.", "Arrests"),
]


@pytest.mark.parametrize(("text", "sub_event"), SUB_EVENTS)
def test_extract_sub_event_type(text, sub_event):
    m = one(text)
    assert m.sub_event_type == sub_event
    assert m.event_type == SUB_EVENT_TYPES[sub_event]


def test_extract_riot_storming_and_burning():
    m = one("اقتحم محتجون غاضبون مقر حزب سياسي في مدينة الكوت وأضرموا النار فيه مساء الأحد.")
    assert m.event_type == "Riots"
    assert m.perpetrator_id == "protesters"


# ---------------------------------------------------------------------------------------
# perpetrator / target

ROLES = [
    # verb-subject-object: the subject attacks
    ("شنت القوات الأمريكية غارات جوية على مواقع لكتائب حزب الله في القائم.", "us_forces", "kataib_hezbollah"),
    # the attacked site names its owner; no attacker named
    ("استهدفت طائرة مسيرة مجهولة مقرا للحشد الشعبي في قضاء القائم.", "unknown", "pmf"),
    # a claim names the perpetrator
    (
        "أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن استهداف قاعدة عين الأسد التي تضم قوات أمريكية بطائرة مسيرة.",
        "islamic_resistance_iraq",
        "us_forces",
    ),
    # على يد
    (
        "قتل عنصران من سرايا السلام على يد مسلحين من عصائب أهل الحق في البصرة.",
        "asaib_ahl_al_haq",
        "saraya_al_salam",
    ),
    # a convoy hit by an IED: nobody named as perpetrator
    (
        "تعرض رتل دعم لوجستي للتحالف الدولي لانفجار عبوة ناسفة على الطريق السريع في بابل.",
        "unknown",
        "coalition",
    ),
]


@pytest.mark.parametrize(("text", "perp", "target"), ROLES)
def test_extract_perpetrator_and_target(text, perp, target):
    m = one(text)
    assert (m.perpetrator_id, m.target_id) == (perp, target)


def test_extract_claim_flag():
    m = one("تبنت كتائب حزب الله الهجوم بالطائرات المسيرة على قاعدة حرير في أربيل مساء السبت.")
    assert m.perpetrator_id == "kataib_hezbollah"
    assert m.claimed is True


def test_extract_faction_over_umbrella():
    m = one(
        "أعلنت حركة النجباء التابعة للحشد الشعبي مسؤوليتها عن قصف قاعدة فيكتوريا في مطار بغداد بالصواريخ."
    )
    assert m.perpetrator_id == "nujaba"


# ---------------------------------------------------------------------------------------
# not incidents

NOTHING = [
    # a military exercise with live ammunition
    "نفذت قطعات من الجيش العراقي اليوم مناورات عسكرية بالذخيرة الحية في صحراء البصرة بمشاركة الدبابات والمدفعية.",
    # running total
    "أحصت واشنطن أكثر من 150 هجوما ضد قواتها في العراق وسوريا منذ منتصف أكتوبر.",
    # another war's toll
    "ارتفع عدد الشهداء في قطاع غزة إلى 40 ألفا منذ بدء العدوان الإسرائيلي.",
    # accident
    "سقطت طائرة مسيرة تابعة للجيش العراقي إثر خلل فني قرب تكريت.",
    # threat
    "هددت كتائب حزب الله باستهداف القواعد الأمريكية في حال تعرض مواقعها لأي قصف.",
    # condemnation / statement
    "أدان رئيس الوزراء الهجمات على البعثات الدبلوماسية ودعا إلى ملاحقة المسؤولين عنها.",
    # deployment
    "وصلت تعزيزات عسكرية من الجيش إلى محافظة ميسان لضبط الأمن.",
    # a period's tally, with no site of one act
    "كشفت إحصائية رسمية أن عدد ضحايا الألغام في العراق بلغ أكثر من 300 قتيل وجريح خلال العام الماضي، معظمهم"
    " في محافظات الأنبار ونينوى وصلاح الدين.",
    "أعلنت مديرية شؤون المتفجرات تفكيك أكثر من 500 عبوة ناسفة ومقذوف غير منفلق خلال الشهر الماضي في مناطق"
    " متفرقة من محافظة الأنبار.",
    # a suicide
    "أقدم منتسب في الشرطة على الانتحار بإطلاق النار على نفسه من سلاحه الشخصي داخل منزله في قضاء الشطرة.",
    # what earlier strikes led to, debated
    "ناقش مجلس النواب العراقي، اليوم، تداعيات الضربات الأمريكية الأخيرة التي استهدفت مواقع للحشد الشعبي في"
    " الأنبار وبابل وأسفرت عن مقتل 16 شخصا.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_extract_not_an_incident(text):
    assert extract(text, PUB) == []


# ---------------------------------------------------------------------------------------
# dates


def test_extract_fresh_report_dated_by_weekday():
    m = one("انفجرت عبوة ناسفة مساء الخميس على رتل للتحالف الدولي في محافظة بابل.")
    assert m.event_date == dt.date(2024, 3, 7)
    assert m.date_precision == "day"


def test_extract_undated_report_gets_publication_day():
    m = one("انفجرت عبوة ناسفة على رتل للتحالف الدولي في محافظة بابل دون وقوع إصابات.")
    assert m.event_date == PUB


def test_extract_no_publication_date_leaves_date_null():
    m = one("انفجرت عبوة ناسفة اليوم الأحد على رتل للتحالف الدولي في محافظة بابل.", published=None)
    assert m.event_date is None


def test_extract_background_event_keeps_its_own_date():
    text = (
        "انفجرت عبوة ناسفة اليوم الأحد على رتل للتحالف الدولي في محافظة بابل دون وقوع إصابات. "
        "وكانت طائرة مسيرة قد استهدفت مقرا للحشد الشعبي في محافظة الأنبار في الثالث من شباط الماضي."
    )
    ms = extract(text, PUB)
    dates = sorted(m.event_date for m in ms)
    assert PUB in dates
    assert all(d in (PUB, dt.date(2024, 2, 3)) for d in dates)


# ---------------------------------------------------------------------------------------
# one mention per event


def test_extract_two_foiled_attacks_are_two_mentions():
    ms = extract("أحبطت الدفاعات الجوية هجومين بطائرات مسيرة على قاعدة عين الأسد الليلة الماضية.", PUB)
    assert len(ms) == 2


def test_extract_follow_up_sentence_adds_casualties_to_the_same_event():
    text = (
        "استهدفت طائرة مسيرة سيارة تقل عناصر من الحشد الشعبي قرب قضاء القائم اليوم الأحد. "
        "وأضاف المصدر أن الضربة أسفرت عن مقتل ثلاثة عناصر وإصابة اثنين آخرين."
    )
    m = one(text)
    assert (m.killed_best, m.wounded_best) == (3, 2)


def test_extract_separate_incident_marker_splits():
    text = (
        "انفجرت عبوة ناسفة على رتل للتحالف الدولي في محافظة بابل. "
        "وفي حادث منفصل، انفجرت عبوة ناسفة أخرى على رتل في محافظة الديوانية."
    )
    ms = extract(text, PUB)
    assert sorted(m.governorate for m in ms) == ["Babil", "Qadisiyyah"]


def test_extract_explicit_none_is_zero():
    m = one("سقط صاروخ كاتيوشا قرب السفارة الأمريكية في المنطقة الخضراء ببغداد دون وقوع إصابات.")
    assert (m.killed_best, m.wounded_best) == (0, 0)
    assert m.target_id == "us_forces"


# ---------------------------------------------------------------------------------------
# evidence


def test_extract_evidence_is_verbatim_with_exact_offsets():
    text = (
        "عنوان الخبر\n\nأفاد مصدر أمني بأن عبوة ناسفة انفجرت على رتل للتحالف الدولي في محافظة بابل. "
        "وتحدث المحافظ عن مشاريع الإعمار في المدينة."
    )
    m = one(text)
    assert text[m.evidence_start : m.evidence_end] == m.evidence
    assert "عبوة ناسفة" in m.evidence
    assert "الإعمار" not in m.evidence


# ---------------------------------------------------------------------------------------
# bad input: quick, no exception

BAD = [
    "",
    "   \n\t  ",
    "The quick brown fox jumps over the lazy dog. Rockets hit a base.",
    "\x00\x01\x02\ufffd\ud7ff" * 500,
    "انفجار " * 1500,  # one 10,000-char line without punctuation
    ("انفجرت عبوة ناسفة على رتل في بابل. " * 40 + "\n") * 3600,  # ~5 MB
]


@pytest.mark.parametrize("text", BAD, ids=["empty", "whitespace", "english", "binary", "long-line", "5mb"])
def test_extract_bad_input_is_quick_and_safe(text):
    t0 = time.perf_counter()
    out = extract(text, PUB)
    assert isinstance(out, list)
    assert time.perf_counter() - t0 < 5.0


def test_extract_accepts_bytes_and_none_published():
    assert isinstance(extract("انفجرت عبوة ناسفة في بابل.".encode(), None), list)


# ---------------------------------------------------------------------------------------
# clashes between two named groups: both sides, whatever words frame them

CLASH_SIDES = [
    # the clash named only by the preposition that governs it ("في مواجهات")
    "قتل ثلاثة مقاتلين من سرايا السلام وعصائب أهل الحق في مواجهات ليلية في مدينة العمارة، غداة معارك في بغداد.",
    # "بين جماعة X ... ومسلحي Y": group words before each side, the conjunction inside the hit
    "قتل خمسة أشخاص في الاشتباكات بين جماعة سرايا السلام، الذراع المسلح للتيار الصدري، ومسلحي عصائب أهل الحق في العمارة.",
    # quotation marks around the second side's name
    "اندلعت اشتباكات الليلة الماضية بين مسلحي سرايا السلام وميليشيا “عصائب أهل الحق” الموالية لإيران في العمارة.",
    # the parent movement of the first side is not a third party
    "اندلعت اشتباكات بين عناصر من سرايا السلام التابعة للتيار الصدري وآخرين من عصائب أهل الحق في العمارة.",
]


@pytest.mark.parametrize("text", CLASH_SIDES)
def test_extract_clash_names_both_sides_and_its_place(text):
    m = one(text)
    assert m.sub_event_type == "Armed clash"
    assert {m.perpetrator_id, m.target_id} == {"saraya_al_salam", "asaib_ahl_al_haq"}
    assert m.governorate == "Maysan"


def test_extract_named_faction_beats_unnamed_gunmen_of_equal_weight():
    m = one(
        "اندلعت اشتباكات بين جماعة سرايا السلام وعصائب أهل الحق في العمارة، "
        "بعد استهداف سيارة تقل مسلحين قرب مقر العصائب."
    )
    assert m.perpetrator_id != "unknown"


# ---------------------------------------------------------------------------------------
# who was hit: reporters as the audience, a faction named with its umbrella


def test_extract_reporters_spoken_to_are_not_the_target():
    m = one(
        "قتل عنصران من الحشد الشعبي بقصف بطائرة مسيرة استهدف مقرا للحشد في القائم. "
        "ولم يعلق مسؤول عسكري على الضربة ردا على أسئلة صحفيين. وقال المتحدث للصحفيين إن التحقيق جار."
    )
    assert m.target_id == "pmf"


def test_extract_member_faction_takes_the_umbrellas_place_as_target():
    m = one(
        "استهدفت طائرة مسيرة أمريكية مقرا للحشد الشعبي في بغداد اليوم ما أسفر عن مقتل عنصرين. "
        "وأعلنت حركة النجباء في بيان مقتل أحد قادتها في الضربة."
    )
    assert (m.perpetrator_id, m.target_id) == ("us_forces", "nujaba")


def test_extract_fuller_toll_of_this_operation_supersedes_a_partial_one():
    m = one(
        "استهدفت طائرة مسيرة أمريكية مقرا للحشد الشعبي في بغداد اليوم، وقتلت قياديا فيه. "
        "وقال مصدر أمني إن ثلاثة من عناصر الحشد على الأقل قتلوا في هذه العملية."
    )
    assert m.killed_best == 3


def test_extract_direction_from_a_city_leaves_the_governorate_open_but_not_from_a_governorate():
    near_city = one("سقطت ثلاثة صواريخ على قاعدة عسكرية للحشد الشعبي جنوبي بغداد اليوم.")
    assert near_city.governorate is None
    in_governorate = one("سقطت ثلاثة صواريخ على قاعدة عسكرية للحشد الشعبي شمال محافظة بابل اليوم.")
    assert in_governorate.governorate == "Babil"


def test_extract_peak_of_a_series_keeps_its_own_toll():
    ms = extract(
        "وتبنت المقاومة الإسلامية في العراق سلسلة من الهجمات على القوات الأمريكية، بلغت ذروتها "
        "بمقتل ثلاثة جنود أمريكيين بطائرة مسيرة في موقع عسكري بالأردن أواخر يناير.",
        PUB,
    )
    assert [m.killed_best for m in ms if m.country == "Jordan"] == [3]


def test_extract_running_total_of_a_series_is_no_count():
    ms = extract(
        "وقال البنتاغون إن أكثر من 150 هجوما نفذت ضد القوات الأمريكية منذ أكتوبر أسفرت عن إصابة 70 جنديا.",
        PUB,
    )
    assert all(m.wounded_best is None for m in ms)


@pytest.mark.parametrize(
    "phrase",
    ["جماعات متشددة مدعومة من إيران", "ميليشيات مدعومة إيرانيا", "فصائل مسلحة موالية لإيران"],
)
def test_extract_unnamed_iran_backed_groups_are_the_generic_actor(phrase):
    from marsad.extract.vocab import find_actors

    assert [a.actor_id for a in find_actors(f"وقال إن الهجوم نفذته {phrase} تعمل في المنطقة.")] == [
        "iran_aligned_militias"
    ]


def test_extract_country_wide_summary_gives_way_to_the_named_bases():
    ms = extract(
        "أعلنت فصائل مسلحة موالية لإيران هذا الأسبوع مسؤوليتها عن هجمات بطائرات مسيرة على قواعد أمريكية في العراق. "
        "وشنت الفصائل هجمات استهدفت قاعدة عين الأسد في الأنبار وقاعدة حرير في أربيل.",
        PUB,
    )
    assert sorted(m.location for m in ms) == ["Ain al-Asad Air Base", "Harir Air Base"]
    # each named base: the summary's kind of attack, the groups that launched it, the US hosts
    assert {(m.sub_event_type, m.perpetrator_id, m.target_id) for m in ms} == {
        ("Air/drone strike", "iran_aligned_militias", "us_forces")
    }


def test_extract_the_militia_named_again_is_the_storys_faction():
    m = one(
        "حاول أنصار حركة ثأر الله استعادة مقرهم في البصرة. "
        "وهاجم العشرات من أنصار الحركة القوة الأمنية التي تحرس المقر في منطقة المعقل مساء أمس، ما أدى إلى إصابة شرطي."
    )
    assert m.perpetrator_id == "thar_allah"


def test_extract_the_faction_denying_a_link_is_not_made_the_attacker():
    ms = extract(
        "عثرت قوة أمنية على منصة صواريخ معدة للإطلاق قرب مطار بغداد اليوم. "
        "ونفى متحدث باسم كتائب حزب الله أي صلة للفصيل بالمنصة.",
        PUB,
    )
    assert all(m.perpetrator_id != "kataib_hezbollah" for m in ms)


def test_extract_who_holds_someone_responsible_is_not_the_attacker():
    m = one(
        "قتل عنصران من الحشد الشعبي بضربة جوية استهدفت مقرا للحشد في بغداد اليوم. "
        "وحمّل مجلس الوزراء العراقي التحالف الدولي مسؤولية الهجوم."
    )
    assert m.perpetrator_id == "coalition"


def test_extract_after_a_quiet_night_the_renewed_clash_is_the_news_not_background():
    m = one("بعد ليلة هادئة تجددت صباح اليوم المواجهات بين سرايا السلام وعصائب أهل الحق في البصرة.")
    assert m.event_date == PUB and m.sub_event_type == "Armed clash"


def test_extract_aircraft_belonging_to_a_force_make_it_the_attacker():
    m = one(
        "أعلنت خلية الإعلام الأمني مقتل عشرة من عناصر داعش بضربات جوية نفذتها طائرات إف-16 "
        "التابعة للقوة الجوية العراقية في وادي حوران اليوم."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 10)


def test_extract_subject_of_a_that_clause_is_not_the_target():
    m = one(
        "قصفت طائرات مسيرة مقرا للحشد الشعبي في قاعدة كالسو اليوم. "
        "وقالت مصادر إن ذلك يدل على أن الولايات المتحدة تنتهك سيادة العراق."
    )
    assert m.target_id == "pmf"


def test_extract_the_operation_of_an_army_names_its_agent():
    m = one("استهدفت عملية للجيش الأمريكي اليوم مقرا للحشد الشعبي في القائم، وقتلت قياديا فيه.")
    assert (m.perpetrator_id, m.target_id) == ("us_forces", "pmf")


def test_extract_an_attack_of_no_known_kind_is_no_incident():
    # every incident has a type (spec 2): "the first attack the embassy has suffered" alone is not one
    assert (
        extract("يذكر أن هذا هو الهجوم الأول الذي تتعرض له السفارة الأمريكية في بغداد منذ أشهر.", PUB) == []
    )


def test_extract_an_armed_group_striking_from_the_air_uses_a_drone():
    # "a strike" with no word for the weapon: a faction has no aircraft
    m = one("أعلنت المقاومة الإسلامية في العراق تنفيذ ضربة على قاعدة التنف في سوريا اليوم.")
    assert m.sub_event_type == "Air/drone strike" and m.weapon == "drone"


def test_extract_the_bodies_of_the_dead_are_no_killing_of_their_own():
    ms = extract(
        "قتل ثمانية من عناصر داعش بضربات جوية للقوة الجوية العراقية في وادي حوران اليوم. "
        "وتقدمت قوة بعد الضربات إلى موقع الاستهداف وعثرت على جثث القتلى ومعدات اتصال.",
        PUB,
    )
    assert [m.sub_event_type for m in ms] == ["Air/drone strike"]


def test_extract_attackers_using_bad_weather_is_no_accident():
    m = one(
        "قالت وزارة البيشمركة إن مسلحين من داعش حاولوا التسلل إلى موقع في قضاء مخمور مستغلين سوء الأحوال "
        "الجوية، فاندلع اشتباك عنيف أسفر عن مقتل عنصر من البيشمركة."
    )
    assert m.sub_event_type == "Armed clash" and m.killed_best == 1
    # the weather named as the cause of a crash still makes it an accident
    assert extract("سقطت طائرة مسيرة قرب قاعدة عين الأسد اليوم بسبب سوء الأحوال الجوية.", PUB) == []


def test_extract_a_place_that_only_describes_another_is_not_a_second_site():
    m = one(
        "قتل عشرة مقاتلين من كتائب حزب الله بغارات شنتها طائرات أمريكية ليل السبت على مواقع للفصيل "
        "في ريف مدينة البوكمال السورية المحاذية لقضاء القائم العراقي."
    )
    assert (m.location, m.country, m.killed_best) == ("Albu Kamal", "Syria", 10)


WARM = """
import datetime as dt, gc, sys
import duckdb
from marsad.extract import extract, warm
con = duckdb.connect()
con.execute("select 1").fetchall()  # a binding with objects alive while frozen
text = "قصف صاروخي استهدف قاعدة بلد الجوية في صلاح الدين يوم الثلاثاء وأسفر عن إصابة جنديين."
before = extract(text, dt.date(2024, 5, 2))
warm()
assert gc.get_freeze_count() > 10_000, gc.get_freeze_count()
after = extract(text, dt.date(2024, 5, 2))
assert repr(after) == repr(before) and len(after) == 1, (before, after)
frozen, garbage = gc.get_freeze_count(), [object() for _ in range(1000)]
warm()  # only the first call does anything
assert gc.get_freeze_count() == frozen, (frozen, gc.get_freeze_count())
print("ok")
"""

STAGE_WARMS = """
import gc
from marsad import pipeline
from marsad.model import Article
assert gc.get_freeze_count() == 0
done = pipeline.extract_articles([Article(url="https://news.example/1", text="قصف صاروخي على قاعدة بلد")])
assert len(done) == 1 and gc.get_freeze_count() > 10_000, gc.get_freeze_count()
print("ok")
"""


def test_the_extract_stage_warms_once_before_its_first_article():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", STAGE_WARMS], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_warm_builds_the_tables_and_freezes_them_out_of_gc_scans():
    """warm(): same output after it; the objects alive then are out of the collector's scans
    (a subprocess: gc.freeze is process-wide)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", WARM], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
    assert "leaked" not in done.stderr  # unfrozen at exit: shutdown frees what it froze


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["انكر", "وانكرت", "ينكر", "إنكار", "تنكر", "انكروا", "نكر", "منكر", "انكار"])
        | st.sampled_from(list("ابتنكرو ") + [" ", "\n", "،"]),
        max_size=30,
    ).map("".join)
)
def test_denial_shortcut_answers_like_the_pattern(text: str) -> None:
    from marsad.extract import assemble
    from marsad.extract.normalize import normalize

    norm = normalize(text)
    assert assemble._denied(norm) == (assemble.DENIED.search(norm) is not None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["وقال", "قالت", "أفاد", "بحسب", "وفقا ل", "اعلنت", "المصدر", "إن", "أن", "عن", "انه"]
        )
        | st.sampled_from(["خلية", "الإعلام", "الأمني", "الجيش", " ", "  ", "،", "قصف", "حسبما"]),
        max_size=16,
    ).map(" ".join)
)
def test_speaker_shortcut_finds_the_pattern_spans(text: str) -> None:
    from marsad.extract import assemble
    from marsad.extract.normalize import prepare

    t = prepare(text)

    class F:  # the two members _speaker_spans reads
        norm = t.norm
        orig = staticmethod(t.orig)

    expected = [(t.orig(m.start()), t.orig(m.end())) for m in assemble.SPEAKER.finditer(t.norm)]
    assert assemble._speaker_spans(F) == expected


# ---------------------------------------------------------------------------------------
# rules found by reading fresh invented reports (each a general pattern of news Arabic)


def test_extract_closing_no_casualties_two_sentences_on_is_zero():
    m = one(
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة حرير في أربيل بطائرة مسيرة فجر اليوم. "
        "وقالت في بيانها إن العملية تأتي ردا على الاعتداءات. "
        "ولم يصدر أي تعليق من الجانب الأمريكي حتى الآن، فيما أكد مسؤول محلي عدم وقوع إصابات."
    )
    assert (m.killed_best, m.wounded_best) == (0, 0)


def test_extract_no_casualties_of_a_crash_told_later_is_not_the_attacks():
    ms = extract(
        "قتل جنديان بانفجار عبوة ناسفة على دورية للجيش في قضاء الطارمية صباح اليوم. "
        "وفي حادث منفصل، سقطت طائرة مسيرة تابعة للجيش في محافظة دهوك إثر خلل فني، دون وقوع إصابات.",
        PUB,
    )
    assert [(m.location, m.killed_best, m.wounded_best) for m in ms] == [("Tarmiyah", 2, None)]


def test_extract_a_border_strip_describes_the_district_it_is_near():
    m = one("قصفت طائرات أمريكية فجر اليوم مواقع لكتائب حزب الله في قضاء القائم قرب الحدود السورية.")
    assert (m.location, m.governorate) == ("Al-Qaim", "Anbar")


def test_extract_leader_with_a_rank_adjective_is_the_factions_member():
    m = one(
        "أفادت مصادر أمنية اليوم بمقتل قيادي بارز في حركة النجباء ومرافقه بضربة جوية استهدفت سيارتهما في بغداد."
    )
    assert m.target_id == "nujaba"


def test_extract_tribal_fight_with_its_dead_is_one_armed_clash():
    m = one("قتل أربعة أشخاص وأصيب ستة آخرون في نزاع عشائري اندلع اليوم في قضاء الرفاعي بمحافظة ذي قار.")
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 4, 6)


def test_extract_arrest_of_unnamed_suspects_is_no_incident():
    # spec section 4: an arrest is an incident when members of an armed group are arrested
    assert extract("اعتقلت الشرطة عددا من المطلوبين في حملة دهم في مدينة الكوت صباح اليوم.", PUB) == []


def test_extract_one_of_two_drones_shot_down_is_still_the_strike():
    m = one("تعرضت قاعدة عين الأسد الجوية فجر اليوم لهجوم بطائرتين مسيرتين، أسقطت الدفاعات الجوية إحداهما.")
    assert (m.sub_event_type, m.weapon) == ("Air/drone strike", "drone")


def test_extract_a_group_calling_itself_a_name_claims_the_attack():
    m = one(
        "سقط صاروخان على قاعدة فكتوريا قرب مطار بغداد الدولي فجر اليوم. "
        'وتبنت جماعة تطلق على نفسها "أصحاب الكهف" الهجوم في بيان على تلغرام.'
    )
    assert (m.perpetrator_id, m.claimed) == ("ashab_al_kahf", True)


def test_extract_another_development_does_not_lend_the_previous_kind():
    ms = extract(
        "انفجرت عبوة ناسفة على رتل للجيش العراقي في قضاء المحمودية صباح اليوم دون إصابات. "
        "وفي تطور آخر، هاجم مسلحون من تنظيم داعش نقطة تفتيش للجيش العراقي في قضاء الدور، "
        "ما أسفر عن مقتل جندي وإصابة ثلاثة آخرين.",
        PUB,
    )
    assert [m.sub_event_type for m in ms] == ["Remote explosive/landmine/IED", "Armed clash"]


def test_extract_subjected_to_shelling_after_a_long_place_phrase():
    m = one(
        "تعرضت قرى حدودية تابعة لناحية سيدكان في قضاء سوران شمال شرقي محافظة أربيل صباح اليوم "
        "لقصف مدفعي من قبل الجيش التركي، دون تسجيل خسائر بشرية."
    )
    assert (m.perpetrator_id, m.governorate, m.killed_best) == ("turkish_forces", "Erbil", 0)


def test_extract_a_force_announcing_it_struck_is_the_claiming_attacker():
    m = one("أعلن الجيش التركي، مساء اليوم، أنه قصف مواقع لحزب العمال الكردستاني في جبال متينا بمحافظة دهوك.")
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("turkish_forces", "pkk", True)


def test_extract_security_forces_firing_on_protesters_are_the_perpetrator():
    m = one("قتل متظاهران إثر إطلاق القوات الأمنية الرصاص الحي على المحتجين في مدينة الكوت مساء اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
    )


def test_extract_the_weapons_of_most_attacks_in_a_series_are_no_attack():
    ms = extract(
        "قالت القيادة المركزية الأمريكية إن قواتها تعرضت لأكثر من 40 هجوما منذ مطلع العام. "
        "وأوضحت أن معظم الهجمات نفذت بطائرات مسيرة وصواريخ قصيرة المدى.",
        PUB,
        "هجمات متكررة على القواعد الأمريكية في العراق",
    )
    assert ms == []


def test_extract_a_claim_verb_with_its_conjunction_names_the_claimant():
    m = one(
        "أصيب جنديان أمريكيان بهجوم بطائرة مسيرة على قاعدة حرير في أربيل فجر اليوم. "
        "وتبنت كتائب حزب الله الهجوم في بيان مقتضب."
    )
    assert (m.perpetrator_id, m.claimed) == ("kataib_hezbollah", True)


def test_extract_without_losses_is_zero_but_without_material_losses_is_no_count():
    m = one("سقط صاروخان قرب قاعدة عين الأسد الجوية فجر اليوم دون خسائر.")
    assert (m.killed_best, m.wounded_best) == (0, 0)
    m = one("انفجرت عبوة ناسفة على رتل للجيش العراقي في قضاء الطارمية فجر اليوم دون خسائر مادية.")
    assert (m.killed_best, m.wounded_best) == (None, None)


def test_extract_abu_names_decline_abi_after_a_noun():
    # "ناحية أبي صيدا" (Diyala), not Sidon in Lebanon
    m = one("سقطت قذائف هاون على قرية في ناحية أبي صيدا مساء اليوم، ما أسفر عن مقتل ثلاثة مدنيين.")
    assert (m.location, m.governorate, m.killed_best) == ("Abu Saida", "Diyala", 3)


def test_extract_the_day_a_source_speaks_gives_way_to_the_events_date():
    m = one(
        "كشف مصدر أمني، اليوم الأحد، تفاصيل الهجوم الذي استهدف رتلا للجيش العراقي في قضاء الرطبة "
        "في 14 شباط 2024، مؤكدا أن عبوة ناسفة انفجرت على الرتل دون وقوع إصابات."
    )
    assert (m.event_date, m.date_precision) == (dt.date(2024, 2, 14), "day")


def test_extract_an_rpg_shell_is_a_shelling():
    m = one(
        "استهدف مسلحون مجهولون منزل قيادي في منظمة بدر بقذيفة آر بي جي في مدينة الكوت ليلة أمس دون إصابات."
    )
    assert (m.sub_event_type, m.weapon, m.target_id) == ("Shelling/artillery/missile attack", "other", "badr")


def test_extract_warplanes_with_their_flag_after_an_adjective_are_the_attacker():
    m = one(
        "شنت طائرات حربية أمريكية، فجر اليوم الأحد، غارات جوية على مقار لحركة النجباء في منطقة "
        "القائم، أسفرت عن مقتل اثنين من عناصر الحركة."
    )
    assert (m.perpetrator_id, m.target_id, m.weapon, m.killed_best) == ("us_forces", "nujaba", "airstrike", 2)


def test_extract_the_assassinated_member_names_the_target_and_his_companions_count():
    m = one(
        "اغتيل القيادي في حركة النجباء أبو حسين الموسوي، مساء أمس السبت، بضربة جوية استهدفت سيارته "
        "في منطقة البلديات شرقي بغداد، ما أسفر عن مقتله مع اثنين من مرافقيه."
    )
    assert (m.target_id, m.killed_best, m.sub_event_type) == ("nujaba", 3, "Air/drone strike")


def test_extract_a_group_some_victims_belong_to_is_the_target_and_the_cited_body_no_attacker():
    m = one(
        "سقطت أربعة صواريخ على معسكر في ناحية جرف النصر، ما أدى إلى مقتل خمسة أشخاص بينهم "
        "قياديون في الحشد الشعبي، وفق بيان لهيئة الحشد."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "pmf", 5)


def test_extract_a_claim_of_both_attacks_names_the_attacker_of_the_one_told():
    m = one(
        "تعرضت قاعدة حرير الجوية شمالي أربيل، مساء الجمعة، لهجوم بطائرتين مسيرتين دون إصابات.\n"
        "ويأتي الهجوم بعد أيام من قصف صاروخي استهدف قاعدة عين الأسد، فيما تبنت المقاومة "
        "الإسلامية في العراق الهجومين."
    )
    assert (m.perpetrator_id, m.claimed, m.target_id) == ("islamic_resistance_iraq", True, "us_forces")


def test_extract_the_toll_in_a_where_clause_belongs_to_the_act_it_goes_on_telling():
    m = one(
        "اقتحم مسلحون مجهولون محلا لبيع الهواتف في قضاء الزبير اليوم، حيث أطلقوا النار على صاحبه، "
        "مما أدى إلى مقتله."
    )
    assert (m.perpetrator_id, m.killed_best) == ("unknown", 1)


def test_extract_a_base_named_with_its_flag_is_that_forces_target():
    m = one("سقط صاروخان على قاعدة زليكان التركية قرب ناحية بعشيقة مساء اليوم دون وقوع إصابات.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "turkish_forces", 0)


def test_extract_an_assault_repelled_is_a_clash_launched_by_its_group():
    m = one(
        "صدت قطعات الجيش العراقي، ليلة أمس، تعرضا لعناصر داعش على نقطة عسكرية في قضاء خانقين، "
        "ما أسفر عن مقتل ثلاثة من المهاجمين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Armed clash",
        "isis",
        "iraqi_security_forces",
        3,
    )


def test_extract_the_police_a_source_speaks_for_are_no_party_even_with_a_clitic():
    m = one("قتل رجل وأصيب اثنان في نزاع عشائري بقضاء الزبير اليوم، وفقا لمصدر في الشرطة.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Armed clash", None, 1)


def test_extract_an_arrest_with_no_one_named_making_it_is_the_security_forces():
    m = one(
        "أعلنت خلية الإعلام الأمني اليوم اعتقال أربعة متهمين بإطلاق صواريخ في قضاء أبو غريب، "
        "ينتمون إلى أحد الفصائل المسلحة."
    )
    assert (m.sub_event_type, m.perpetrator_id) == ("Arrests", "iraqi_security_forces")


def test_extract_iraqi_jets_named_by_their_model_strike():
    m = one("قتل أربعة إرهابيين اليوم بضربة جوية نفذتها طائرات F-16 العراقية في وادي حوران.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 4)


def test_extract_counted_operations_at_far_apart_sites_are_one_event_each():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق، اليوم الأحد، تنفيذ ثلاث عمليات بالطيران المسير ضد "
        "أهداف في إيلات وحيفا وطبريا.",
        PUB,
    )
    assert sorted(m.location for m in ms) == ["Eilat", "Haifa", "Tiberias"]
    assert {(m.perpetrator_id, m.country, m.sub_event_type, m.target_id) for m in ms} == {
        ("islamic_resistance_iraq", "Israel", "Air/drone strike", "israel_forces")
    }


def test_extract_the_group_the_attackers_belong_to_is_the_attacker():
    ms = extract(
        "كشف مصدر أمني اليوم عن تفاصيل الهجوم الذي استهدف نقطة للجيش في ناحية العظيم في الخامس من "
        "الشهر الجاري، وأسفر عن استشهاد جنديين.\nوأوضح المصدر أن المهاجمين ينتمون إلى خلية نائمة "
        "لتنظيم داعش.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best, m.event_date) for m in ms] == [
        ("isis", "iraqi_security_forces", 2, dt.date(2024, 3, 5))
    ]


def test_extract_gunmen_believed_to_belong_to_a_group_make_it_the_attacker():
    m = one(
        "قتل مختار قرية وابنه ليلة أمس بهجوم لمسلحين يعتقد أنهم ينتمون لتنظيم داعش على منزلهما في "
        "ناحية القيارة."
    )
    assert (m.perpetrator_id, m.killed_best) == ("isis", 2)


def test_extract_the_body_a_spokesman_speaks_for_is_no_attacker():
    m = one(
        "سقط صاروخ كاتيوشا اليوم قرب السفارة الأمريكية في بغداد، بحسب إشارة المتحدث باسم الشرطة "
        "العراقية إلى سقوطه على مسافة كيلومترين من السفارة."
    )
    assert (m.perpetrator_id, m.target_id) == ("unknown", "us_forces")


def test_extract_an_attack_told_in_a_condemnation_with_its_toll_and_site_is_an_event():
    m = one(
        "أدان محافظ ديالى الهجوم الذي استهدف مجلس عزاء في قضاء الخالص مساء أمس، وأسفر عن مقتل "
        "أربعة أشخاص وإصابة تسعة آخرين."
    )
    assert (m.location, m.killed_best, m.wounded_best, m.event_date) == ("Khalis", 4, 9, dt.date(2024, 3, 9))


def test_extract_an_attack_a_faction_denies_with_its_toll_and_site_is_still_an_event():
    m = one(
        "نفت كتائب حزب الله اليوم أي علاقة لها بالهجوم الذي استهدف قاعدة حرير فجر الجمعة، وأسفر "
        "عن إصابة ثلاثة جنود أمريكيين."
    )
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("unknown", "us_forces", 3)


def test_extract_a_threat_is_still_no_event():
    assert (
        extract("هددت حركة النجباء اليوم باستهداف القواعد الأمريكية في العراق إذا لم تنسحب القوات.", PUB)
        == []
    )


def test_extract_the_one_a_relative_clause_says_was_killed_is_the_target_not_the_mourners():
    m = one(
        "شيع أهالي مدينة العمارة اليوم جثمان الضابط في الشرطة الذي اغتيل أمس على يد مسلحين مجهولين "
        "أمام منزله."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "iraqi_security_forces", 1)


def test_extract_an_earlier_attack_the_same_day_is_its_own_event_dated_that_day():
    ms = extract(
        "تعرضت قاعدة حرير شمالي أربيل، مساء اليوم، لهجوم بطائرة مسيرة دون إصابات.\nوفي وقت سابق من "
        "اليوم نفسه، استهدف هجوم صاروخي قاعدة عين الأسد في الأنبار، وأسفر عن إصابة جنديين أمريكيين.",
        PUB,
    )
    got = sorted((m.location, m.event_date, m.wounded_best) for m in ms)
    assert got == [("Ain al-Asad Air Base", PUB, 2), ("Harir Air Base", PUB, 0)]


def test_extract_another_convoy_belongs_to_the_owner_of_the_one_told():
    ms = extract(
        "انفجرت عبوة ناسفة اليوم على رتل لنقل معدات التحالف الدولي في قضاء المحمودية، دون وقوع "
        "إصابات.\nوكان رتل آخر قد تعرض قبل ساعات لانفجار عبوة ناسفة قرب مدينة الديوانية.",
        PUB,
    )
    assert sorted((m.governorate, m.target_id) for m in ms) == [
        ("Baghdad", "coalition"),
        ("Qadisiyyah", "coalition"),
    ]


def test_extract_a_foiled_attack_on_a_hosting_base_targets_its_host_not_the_defenders():
    m = one(
        "أحبطت القوات الأمنية فجر اليوم هجوما بطائرتين مسيرتين كانتا تستهدفان قاعدة حرير، بعد "
        "إسقاطهما بواسطة منظومة الدفاع الجوي."
    )
    assert (m.sub_event_type, m.target_id) == ("Disrupted weapons use", "us_forces")


def test_extract_killed_in_a_forces_strike_makes_it_the_attacker_not_the_victim():
    m = one("قتل ثلاثة أشخاص اليوم في قصف تركي على قرية في قضاء زاخو.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "civilians", 3)
    m = one("مقتل مدنيين اثنين اليوم في غارة أمريكية على قضاء القائم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "civilians", 2)


def test_extract_the_dead_an_army_announces_as_the_enemys_are_not_its_own():
    m = one(
        "أعلن جهاز مكافحة الإرهاب اليوم مقتل ما يسمى والي كركوك في تنظيم داعش وثلاثة من مساعديه "
        "خلال عملية إنزال جوي في قضاء الحويجة."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 4)


def test_extract_an_air_forces_aircraft_strike_in_a_province_named_only_by_its_dateline():
    m = one(
        "الأنبار - دمرت طائرات القوة الجوية العراقية، اليوم، مضافة لعصابات داعش في واد صحراوي، ما "
        "أسفر عن مقتل ثلاثة إرهابيين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.governorate, m.killed_best) == (
        "Air/drone strike",
        "iraqi_security_forces",
        "isis",
        "Anbar",
        3,
    )


def test_extract_a_blast_set_off_by_a_named_group_is_its_bombing():
    m = one("فجر عناصر من تنظيم داعش، ليلة أمس، برجين لنقل الطاقة الكهربائية في قضاء الحويجة.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Remote explosive/landmine/IED", "isis")


def test_extract_a_depot_of_one_of_a_groups_brigades_is_the_groups():
    m = one(
        "هز انفجار اليوم مخزنا للأسلحة والأعتدة تابعا لأحد ألوية الحشد الشعبي في ناحية المسيب، "
        "دون تسجيل خسائر بشرية."
    )
    assert (m.perpetrator_id, m.target_id) == ("unknown", "pmf")


def test_extract_a_faction_announcing_a_strike_beside_another_wars_toll_claims_it_without_that_toll():
    ms = extract(
        "استشهد 25 فلسطينيا في غارات إسرائيلية على مخيم النصيرات وسط قطاع غزة، اليوم، فيما أعلنت "
        "المقاومة الإسلامية في العراق استهداف ميناء حيفا بالطيران المسير.",
        PUB,
    )
    assert [(m.location, m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("Haifa", "islamic_resistance_iraq", "israel_forces", None)
    ]


def test_extract_the_people_a_vehicle_struck_carried_are_the_target():
    m = one(
        "استهدفت طائرة مسيرة مجهولة اليوم سيارة تقل ثلاثة من عناصر حزب العمال الكردستاني قرب "
        "قضاء مخمور، ما أدى إلى مقتلهم جميعا."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "pkk", 3)


def test_extract_who_retaliated_with_a_strike_is_its_attacker():
    ms = extract(
        "قصفت فصائل مسلحة قاعدة حرير بطائرة مسيرة أمس.\nوردت الولايات المتحدة اليوم بضربة جوية "
        "استهدفت عجلة تقل مسلحين في قضاء القائم، ما أدى إلى مقتل اثنين منهم.",
        PUB,
    )
    qaim = [m for m in ms if m.location == "Al-Qaim"]
    assert [(m.perpetrator_id, m.sub_event_type) for m in qaim] == [("us_forces", "Air/drone strike")]


def test_extract_security_forces_killing_two_protesters_is_excessive_force():
    m = one("قتل متظاهران وأصيب العشرات اليوم بنيران قوات الأمن خلال مواجهات قرب ساحة الاعتصام في الكوت.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        2,
    )


def test_extract_warning_shots_over_a_crowd_are_no_force_on_anyone():
    ms = extract(
        "تجمع مئات المحتجين اليوم أمام مبنى محافظة واسط، وأطلقت قوات مكافحة الشغب الرصاص في الهواء "
        "لتفريق المحتجين.",
        PUB,
    )
    assert [m for m in ms if m.sub_event_type == "Excessive force against protesters"] == []


def test_extract_gunmen_and_security_forces_firing_are_two_acts():
    ms = extract(
        "أصيب ناشطان مدنيان اليوم بهجوم مسلح نفذه مجهولون في حي الجمهورية بالبصرة.\n"
        "وفي وقت لاحق، ردت قوات مكافحة الشغب بإطلاق الرصاص الحي على محتجين غاضبين قرب مبنى المحافظة.",
        PUB,
    )
    by_perp = {m.perpetrator_id: m for m in ms}
    assert by_perp["unknown"].wounded_best == 2
    assert by_perp["iraqi_security_forces"].target_id == "protesters"


def test_extract_a_large_open_toll_in_the_clause_before_its_cause_is_the_acts():
    m = one(
        "قتل أربعة متظاهرين وأصيب أكثر من مئة آخرين، مساء اليوم، إثر إطلاق قوات مكافحة الشغب "
        "الرصاص الحي لتفريق المحتجين في ساحة التحرير."
    )
    assert (m.killed_best, m.wounded_low, m.wounded_best, m.wounded_high) == (4, 100, 100, None)


def test_extract_a_clash_fought_with_mortars_is_still_a_clash():
    m = one(
        "قتل خمسة أشخاص اليوم في اشتباكات مسلحة اندلعت بين سرايا السلام وعصائب أهل الحق في مدينة "
        "البصرة، استخدمت فيها الأسلحة المتوسطة وقذائف الهاون."
    )
    assert (m.sub_event_type, m.killed_best) == ("Armed clash", 5)
    assert {m.perpetrator_id, m.target_id} == {"saraya_al_salam", "asaib_ahl_al_haq"}


def test_extract_turkish_bombardment_is_shelling_and_american_an_air_strike():
    m = one("تعرضت قرية في قضاء زاخو اليوم لقصف تركي دون وقوع إصابات.")
    assert (m.sub_event_type, m.weapon, m.perpetrator_id) == (
        "Shelling/artillery/missile attack",
        "other",
        "turkish_forces",
    )
    m = one("قصف أمريكي يستهدف اليوم مقرا لكتائب حزب الله في قضاء القائم.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Air/drone strike", "us_forces")
    m = one("قصف جوي تركي يستهدف اليوم قرى في ناحية شيلادزي.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Air/drone strike", "turkish_forces")


def test_extract_artillery_shelling_fires_no_rockets():
    m = one("قصفت المدفعية التركية، صباح اليوم الأحد، قرى في قضاء زاخو، ما أدى إلى إصابة مدنيين اثنين.")
    assert (m.sub_event_type, m.weapon, m.perpetrator_id, m.wounded_best) == (
        "Shelling/artillery/missile attack",
        "other",
        "turkish_forces",
        2,
    )


def test_extract_a_military_base_with_its_nationality_after_the_adjective_is_that_force():
    m = one(
        "قتل جندي وأصيب اثنان بهجوم شنه مسلحو حزب العمال الكردستاني على قاعدة عسكرية تركية قرب زاخو اليوم."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == ("pkk", "turkish_forces", "Armed clash")


def test_extract_no_casualties_in_the_two_attacks_covers_both():
    ms = extract(
        "استهدفت طائرة مسيرة قاعدة عين الأسد الجوية فجر اليوم، فيما سقط صاروخان على قاعدة حرير في أربيل بعد ساعات. "
        "ولم ترد تقارير عن وقوع إصابات في الهجومين.",
        PUB,
    )
    assert [(m.location, m.killed_best, m.wounded_best) for m in ms] == [
        ("Ain al-Asad Air Base", 0, 0),
        ("Harir Air Base", 0, 0),
    ]


def test_extract_a_security_source_is_not_where_the_rockets_came_from():
    m = one("أفاد مصدر أمني بسقوط صاروخين من نوع كاتيوشا داخل المنطقة الخضراء وسط بغداد مساء اليوم.")
    assert m.location == "Green Zone"


def test_extract_what_an_arrested_suspect_is_accused_of_is_no_event():
    ms = extract("اعتقلت قوة من الشرطة متهما بإطلاق صواريخ على مطار بغداد الدولي، صباح اليوم.", PUB)
    assert ms == []


def test_extract_an_attack_with_no_named_victim_targets_civilians():
    m = one("أطلق مجهولون النار على صاحب محل في منطقة العشار وسط البصرة مساء اليوم فأردوه قتيلا.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 1)


def test_extract_gunmen_of_a_named_group_make_it_the_attacker():
    m = one("هاجم مسلحون من تنظيم داعش نقطة للجيش العراقي في قضاء الدور مساء اليوم، ما أسفر عن مقتل جنديين.")
    assert m.perpetrator_id == "isis"


def test_extract_a_claim_of_the_attack_does_not_spread_to_a_separate_incident():
    ms = extract(
        "تعرضت قاعدة حرير التي تضم قوات أمريكية فجر اليوم لهجوم بطائرة مسيرة دون إصابات. "
        "وتبنت كتائب حزب الله الهجوم في بيان. "
        "وفي حادث منفصل، انفجرت عبوة ناسفة على دورية للجيش العراقي في قضاء التنومة بالبصرة دون إصابات. "
        "وفي سياق آخر، اعتقلت القوات الأمنية خمسة عناصر من تنظيم داعش في كركوك.",
        PUB,
    )
    assert [(m.location, m.perpetrator_id, m.claimed) for m in ms] == [
        ("Harir Air Base", "kataib_hezbollah", True),
        ("Tanuma", "unknown", False),
        ("Kirkuk", "iraqi_security_forces", False),
    ]


def test_extract_a_lede_closed_by_an_agency_credit_is_no_caption():
    m = one(
        "تعرض مقر للحزب الديمقراطي الكردستاني في قضاء كلار لهجوم بقنبلة يدوية مساء اليوم، "
        "ما أدى إلى أضرار في واجهة المبنى دون إصابات. (AFP)"
    )
    assert (m.sub_event_type, m.target_id, m.location) == (
        "Remote explosive/landmine/IED",
        "political_parties",
        "Kalar",
    )


def test_extract_the_dead_of_a_brigade_in_a_faction_are_its_loss():
    m = one("استشهد مقاتلان اثنان من اللواء 30 في الحشد الشعبي بقصف لطائرة مسيرة مجهولة في سهل نينوى اليوم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "pmf", 2)


def test_extract_what_belongs_to_a_group_makes_it_the_target_or_the_attacker():
    m = one("استهدفت طائرة مسيرة مخزنا للعتاد تابعا للحشد الشعبي في قاعدة الصقر جنوبي بغداد فجر اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "pmf")
    m = one("قصفت طائرة مسيرة تابعة للجيش التركي قرية في قضاء العمادية بمحافظة دهوك ظهر اليوم.")
    assert m.perpetrator_id == "turkish_forces"


def test_extract_a_base_abroad_hosting_us_forces_is_their_target():
    m = one(
        "أعلنت سرايا أولياء الدم مسؤوليتها عن إطلاق طائرتين مسيرتين باتجاه قاعدة عريفجان في الكويت فجر اليوم."
    )
    assert (m.perpetrator_id, m.target_id, m.country) == ("saraya_awliya_al_dam", "us_forces", "Kuwait")


def test_extract_a_launcher_found_ready_to_fire_is_a_disrupted_attack():
    m = one(
        "أعلنت خلية الإعلام الأمني، اليوم الأحد، العثور على منصة لإطلاق الصواريخ معدة للإطلاق "
        "في منطقة الدورة جنوبي بغداد وتفكيكها."
    )
    assert (m.sub_event_type, m.location) == ("Disrupted weapons use", "Dora")


def test_extract_victims_named_by_their_trade_are_counted():
    m = one("قتل صياد وأصيب آخر بانفجار عبوة ناسفة استهدفت زورق صيد في شط العرب بالبصرة صباح اليوم.")
    assert (m.killed_best, m.wounded_best) == (1, 1)


def test_extract_an_armed_brawl_with_its_dead_is_a_clash():
    m = one("قتل شخصان وأصيب ثالث في شجار مسلح بين عائلتين في قضاء الصويرة بمحافظة واسط ظهر اليوم.")
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 2, 1)


def test_extract_briefs_split_at_colon_datelines_each_with_its_own_toll():
    ms = extract(
        "بغداد: أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في قضاء أبو غريب صباح اليوم.\n"
        "وأوضحت مصادر الشرطة أن المصابين نقلوا إلى المستشفى.\n\n"
        "■ كركوك: قتل صاحب محل بنيران مسلحين مجهولين في حي الواسطي جنوبي مدينة كركوك مساء أمس.",
        PUB,
    )
    assert [(m.governorate, m.sub_event_type, m.target_id, m.killed_best, m.wounded_best) for m in ms] == [
        ("Baghdad", "Remote explosive/landmine/IED", "civilians", None, 3),
        ("Kirkuk", "Attack", "civilians", 1, None),
    ]


def test_extract_a_concurrent_clause_of_more_casualties_adds_them():
    m = one(
        "اغتال مسلحون مجهولون مرشحا للانتخابات أمام مقره في مدينة الرمادي مساء اليوم، فيما أصيب اثنان من حراسه."
    )
    assert (m.killed_best, m.wounded_best) == (1, 2)


def test_extract_a_ground_attack_repelled_with_its_dead_is_a_clash():
    m = one(
        "أعلن الحشد الشعبي إحباط هجوم لتنظيم داعش على قطعاته في جزيرة سامراء اليوم، وقتل اثنين من المهاجمين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Armed clash",
        "isis",
        "pmf",
        2,
    )


def test_extract_who_found_a_body_is_not_its_target():
    m = one(
        "عثرت الأجهزة الأمنية صباح اليوم على جثة رجل مصابة بطلقات نارية في منطقة صحراوية غربي قضاء الزبير."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 1)


# ---------------------------------------------------------------------------------------
# the literal prechecks in front of the role patterns never hide a match


def _precheck_pairs():
    from marsad.extract import assemble as asm

    return [
        (asm.FINDER_VERB, asm.FINDER_STEMS),
        (asm.ANNOUNCER_VERB, asm.ANNOUNCER_STEMS),
        (asm.GUNMEN_OF, asm.GUNMEN_STEMS),
        (asm.VICTIMS_OF, asm.VICTIM_STEMS),
        (asm.NAMED_AS, asm.NAMED_STEMS),
        (asm.OWNED_BY, ("تابع",)),
        (asm.SELF_CLAIM, asm.SELF_CLAIM_STEMS),
    ]


@pytest.mark.parametrize("index", range(7))
@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_role_pattern_prechecks_are_necessary(index, data):
    import re

    from marsad.extract.normalize import contains_any

    pattern, stems = _precheck_pairs()[index]
    # words of the pattern itself (so matches are likely: most of these patterns are
    # anchored at the end, so the text ends with a few of them), clitics and filler
    own = sorted(set(re.findall(r"[\u0621-\u064a]{2,}", pattern.pattern))) + ["و", "ل", "ال", "ب"]
    filler = ["عن", "30", "مسلحون", "الحشد", "قطعاته", "نقطه", "مراقبه", "قال", "مصدر"]
    head = data.draw(st.lists(st.sampled_from(own + filler), max_size=5))
    tokens = head + data.draw(st.lists(st.sampled_from(own), min_size=1, max_size=4))
    glue = data.draw(
        st.lists(st.sampled_from([" ", "", "  ", "، "]), min_size=len(tokens), max_size=len(tokens))
    )
    text = "".join(t + g for t, g in zip(tokens, glue, strict=True)).strip()
    if pattern.search(text):
        assert contains_any(text, stems), (text, pattern.pattern[:60])


def test_extract_companions_of_his_join_the_toll_after_a_long_title():
    m = one(
        "قتل القيادي في كتائب حزب الله أبو باقر الساعدي ومرافقان له بضربة لطائرة مسيرة أمريكية "
        "استهدفت سيارتهم شرقي بغداد مساء اليوم."
    )
    assert (m.killed_best, m.perpetrator_id, m.target_id) == (3, "us_forces", "kataib_hezbollah")


def test_extract_a_faction_announcing_its_fighters_struck_claims_it():
    m = one(
        "أعلنت المقاومة الإسلامية في العراق، فجر اليوم، أن مجاهديها استهدفوا قاعدة حرير في أربيل بطائرة مسيرة."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("islamic_resistance_iraq", "us_forces", True)


def test_extract_clash_sides_after_a_time_phrase():
    m = one(
        "اندلع اشتباك مسلح، صباح اليوم الأحد، بين قوة من الجيش العراقي وعناصر من البيشمركة في قضاء مخمور."
    )
    assert {m.perpetrator_id, m.target_id} == {"iraqi_security_forces", "peshmerga"}


def test_extract_the_statement_day_gives_way_after_a_dateline_too():
    m = one(
        "كركوك - كشف مصدر أمني، اليوم الأحد، تفاصيل الهجوم الذي شنه مسلحو داعش أول أمس الجمعة على قرية "
        "في قضاء الحويجة، مبينا أنه أسفر عن مقتل مدنيين اثنين."
    )
    assert m.event_date == dt.date(2024, 3, 8)


def test_extract_a_rising_toll_of_an_attack_is_that_attack():
    m = one(
        "ارتفعت حصيلة الهجوم الذي استهدف حفل زفاف في قرية بقضاء المقدادية، مساء أمس، إلى 11 قتيلا و15 جريحا."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best, m.wounded_best) == ("Attack", "civilians", 11, 15)


def test_extract_soldiers_with_no_army_named_are_the_security_forces():
    m = one("قتل ثلاثة جنود وأصيب اثنان آخران فجر اليوم بهجوم شنه مسلحو تنظيم داعش على ثكنة في ناحية العظيم.")
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == (
        "isis",
        "iraqi_security_forces",
        "Armed clash",
    )
    m = one("أصيب ثلاثة جنود أمريكيين بهجوم بطائرة مسيرة على قاعدة عين الأسد الجوية فجر اليوم.")
    assert m.target_id == "us_forces"


def test_extract_a_dateline_keeps_the_governorate_of_a_city_named_by_direction():
    # (an area the gazetteer does not hold: the city it is placed by)
    m = one("ذي قار/ لقي شخصان حتفهما وأصيب أربعة آخرون اليوم بنزاع عشائري في منطقة أبو شامة غربي الناصرية.")
    assert (m.governorate, m.location) == ("Dhi Qar", "Nasiriyah")
    # a district it holds is the most specific place
    m = one("ذي قار/ لقي شخصان حتفهما وأصيب أربعة آخرون اليوم بنزاع عشائري في ناحية البطحاء غربي الناصرية.")
    assert (m.governorate, m.location) == ("Dhi Qar", "Batha")


def test_extract_a_faction_shooting_a_drone_down_is_its_target():
    m = one(
        "أعلنت هيئة الحشد الشعبي أن دفاعاتها الجوية أسقطت طائرة مسيرة مجهولة حاولت الاقتراب من مقر "
        "للواء 40 في ناحية جرف النصر شمالي بابل اليوم.",
        title="الحشد يعلن إسقاط مسيرة مجهولة",
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Disrupted weapons use", "unknown", "pmf")


def test_extract_forces_that_found_the_launcher_are_not_the_target():
    m = one(
        "سقط صاروخان من نوع كاتيوشا قرب مطار بغداد الدولي اليوم دون خسائر. "
        "وأضافت أن القوات الأمنية عثرت على منصة الإطلاق في منطقة الرضوانية."
    )
    assert m.target_id != "iraqi_security_forces"


@pytest.mark.parametrize(
    ("text", "perp", "target"),
    [
        # masculine verbs are spelled as their verbal nouns are: the actor after is the subject
        ("استهدفت كتائب حزب الله قاعدة عين الأسد بثلاثة صواريخ مساء اليوم.", "kataib_hezbollah", "us_forces"),
        (
            "دهوك - قصف الجيش التركي، فجر اليوم، مواقع لحزب العمال الكردستاني في ناحية كاني ماسي.",
            "turkish_forces",
            "pkk",
        ),
        (
            "واستهدف الطيران الأمريكي مقرا لحركة النجباء قرب الحلة اليوم، ما أسفر عن مقتل عنصرين.",
            "us_forces",
            "nujaba",
        ),
        (
            "ضرب الحرس الثوري الإيراني بصواريخ باليستية مقرات حزب كردي معارض في كويسنجق اليوم.",
            "iran_forces",
            "political_parties",
        ),
        # ... unless the verb is passive: its agent is unknown or introduced by "من قبل"
        (
            "استهدف الحشد الشعبي بطائرة مسيرة مجهولة قرب القائم اليوم، ما أسفر عن مقتل عنصرين.",
            "unknown",
            "pmf",
        ),
    ],
)
def test_extract_the_actor_right_after_a_clause_opening_attack_verb_is_its_subject(text, perp, target):
    m = one(text)
    assert (m.perpetrator_id, m.target_id) == (perp, target)


def test_extract_a_body_announcing_what_it_carried_out_is_the_attacker():
    m = one(
        "أعلنت وزارة الدفاع التركية، اليوم الأحد، تحييد خمسة من عناصر حزب العمال الكردستاني "
        "بغارات جوية على منطقة الزاب شمالي العراق."
    )
    assert (m.perpetrator_id, m.target_id) == ("turkish_forces", "pkk")
    m = one("أعلنت قيادة العمليات المشتركة تنفيذ ضربة جوية على وكر لداعش في وادي الشاي اليوم.")
    assert (m.perpetrator_id, m.target_id, m.governorate) == ("iraqi_security_forces", "isis", "Kirkuk")
    # a reporting body that tells of another's attack stays no party
    m = one("أعلنت خلية الإعلام الأمني استهداف رتل للتحالف الدولي بعبوة ناسفة قرب الديوانية اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "coalition")


def test_extract_whose_supplies_a_convoy_carries_is_the_target():
    m = one(
        "انفجرت عبوة ناسفة صباح اليوم على رتل لشركة عراقية تنقل معدات للتحالف الدولي قرب "
        "الناصرية، ما أدى إلى إصابة سائق إحدى الشاحنات."
    )
    assert (m.target_id, m.wounded_best) == ("coalition", 1)


def test_extract_the_body_a_source_speaks_from_is_no_party():
    m = one(
        "أفاد مصدر في شرطة البصرة اليوم بمقتل أربعة أشخاص وإصابة سبعة آخرين بنزاع عشائري "
        "اندلع بين عشيرتين في قضاء القرنة."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Armed clash", None, 4)


def test_extract_an_operations_command_is_no_campaign_of_attacks():
    m = one(
        "قال مصدر أمني في قيادة عمليات الأنبار إن عبوة ناسفة انفجرت على دورية للجيش في "
        "الرطبة اليوم، ما أسفر عن إصابة جنديين."
    )
    assert (m.sub_event_type, m.target_id, m.wounded_best) == (
        "Remote explosive/landmine/IED",
        "iraqi_security_forces",
        2,
    )


def test_extract_the_district_a_village_is_said_to_lie_in_gives_its_governorate():
    # "الرشاد" is also a subdistrict of Kirkuk; the district named after it is right
    m = one("قتل ثلاثة مدنيين بهجوم مسلح على قرية الرشاد بقضاء المقدادية مساء اليوم.")
    assert (m.governorate, m.location) == ("Diyala", "Muqdadiyah")
    m = one("انفجرت عبوة ناسفة في ناحية الرشاد جنوب كركوك اليوم، ما أدى إلى إصابة جنديين.")
    assert m.governorate == "Kirkuk"


def test_extract_an_assault_by_a_named_side_with_no_toll_is_still_an_event():
    m = one("هاجم مسلحون مجهولون نقطة تفتيش للشرطة في قضاء المقدادية مساء اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Armed clash",
        "unknown",
        "iraqi_security_forces",
    )
    assert m.killed_best is None


def test_extract_a_passive_assassination_counts_its_victim():
    m = one("اغتيل ضابط في جهاز المخابرات برصاص مسلحين مجهولين أمام منزله في حي المنصور اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.killed_best, m.weapon) == (
        "Attack",
        "unknown",
        1,
        "small_arms",
    )
    m = one("أفادت مصادر محلية بأن ناشطين اثنين اغتيلا على يد مسلحين في مدينة العمارة اليوم.")
    assert m.killed_best == 2


def test_extract_an_assassination_on_a_monday_counts_one_victim():
    # "الاثنين" is the weekday here, not the numeral "اثنين" of "ناشطين اثنين"
    m = one("اغتال مسلحون مجهولون، ليلة أمس الاثنين، الناشط المدني علي الحسناوي أمام منزله في الناصرية.")
    assert (m.sub_event_type, m.killed_best) == ("Attack", 1)


def test_extract_storming_by_gunmen_is_an_attack_and_by_a_crowd_a_riot():
    m = one("اقتحم مسلحون مجهولون منزل مختار إحدى القرى في قضاء الخالص فجر اليوم.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Attack", "unknown")
    m = one("اقتحم أنصار فصائل مسلحة مقر قناة تلفزيونية في بغداد وأحرقوه مساء اليوم.")
    assert m.sub_event_type == "Violent demonstration"


def test_extract_whose_fire_killed_is_the_attacker():
    m = one("قتل ثلاثة من عناصر الحشد الشعبي بنيران قناص من تنظيم داعش في قضاء الطارمية اليوم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "pmf", 3)
    # the attacker's nationality is not the victims': an unnamed soldier is Iraq's
    m = one("قتل جندي بنيران القوات التركية في قضاء زاخو اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("turkish_forces", "iraqi_security_forces")


def test_extract_friendly_fire_and_stray_bullets_are_no_attack():
    assert extract("أصيب شرطي بنيران صديقة خلال تدريب في معسكر التاجي اليوم.", PUB) == []
    assert extract("قتل شاب برصاص طائش خلال حفل زفاف في حي الشعلة ببغداد اليوم.", PUB) == []


def test_extract_a_member_hurt_with_his_group_named_makes_it_the_target():
    m = one(
        "أصيب قيادي في عصائب أهل الحق ونجله بجروح خطيرة إثر انفجار عبوة لاصقة وضعت أسفل سيارته "
        "في منطقة الكرادة مساء اليوم."
    )
    assert (m.target_id, m.wounded_best) == ("asaib_ahl_al_haq", 2)


def test_extract_people_or_places_of_daily_life_hit_are_civilians():
    m = one("قتل سبعة عشر شخصا على الأقل وأصيب العشرات بتفجير انتحاري استهدف سوقا شعبية في بغداد اليوم.")
    assert (m.target_id, m.killed_best, m.wounded_best) == ("civilians", 17, 10)
    m = one("قتل ثلاثة أشخاص فجر اليوم بهجوم مسلح على قرية في قضاء الحويجة.")
    assert (m.sub_event_type, m.target_id) == ("Attack", "civilians")
    # two sides fighting: no one-sided attack
    m = one("قتل أربعة أشخاص وأصيب سبعة آخرون بنزاع عشائري في قضاء القرنة اليوم.")
    assert (m.sub_event_type, m.target_id) == ("Armed clash", None)


def test_extract_iraqi_factions_striking_a_us_base_abroad_are_in_scope():
    m = one("فصائل عراقية تستهدف قاعدة التنف الأمريكية في سوريا بطائرتين مسيرتين اليوم.")
    assert (m.perpetrator_id, m.target_id, m.country) == ("iran_aligned_militias", "us_forces", "Syria")
    m = one("استهدفت مليشيات مسلحة قاعدة عين الأسد بثلاثة صواريخ اليوم.")
    assert m.perpetrator_id == "iran_aligned_militias"


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("قصف مدفعي تركي", "turkish_forces"),
        ("غارة جوية تركية", "turkish_forces"),
        ("قصف صاروخي إيراني", "iran_forces"),
        ("قصف جوي أمريكي", "us_forces"),
    ],
)
def test_extract_a_bombardment_named_by_its_kind_and_nationality_is_that_force(phrase, actor):
    m = one(f"قتل مدني وأصيب اثنان آخران جراء {phrase} طال قرية في قضاء العمادية اليوم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == (actor, "civilians", 1)


def test_extract_a_name_after_la_and_tatweel_keeps_its_article():
    m = one("استهدفت غارة جوية أمريكية اليوم مقراً لـالحشد الشعبي في قضاء القائم.")
    assert (m.perpetrator_id, m.target_id) == ("us_forces", "pmf")


def test_extract_companions_counted_after_a_title_with_a_unit_number_join_the_toll():
    m = one(
        "قتل آمر الفوج الثاني في اللواء 51 بالحشد الشعبي واثنان من مرافقيه صباح اليوم بانفجار "
        "عبوة ناسفة استهدفت عجلتهم على طريق سامراء."
    )
    assert (m.killed_best, m.target_id) == (3, "pmf")


def test_extract_a_tally_of_many_operations_is_no_event():
    text = (
        "أعلنت قيادة العمليات المشتركة اليوم حصيلة العمليات الأمنية خلال الأسبوع الماضي، مشيرة إلى "
        "قتل 12 إرهابيا واعتقال 30 مطلوبا في عمليات متفرقة بمحافظات نينوى وكركوك وديالى. وفي سياق "
        "منفصل، أصيب جنديان بانفجار عبوة ناسفة مساء أمس استهدفت دوريتهما في قضاء الطارمية."
    )
    m = one(text)
    assert (m.sub_event_type, m.wounded_best, m.location) == ("Remote explosive/landmine/IED", 2, "Tarmiyah")


def test_extract_how_a_survived_attempt_was_made_is_that_attempt():
    m = one(
        "نجا محافظ نينوى مساء اليوم من محاولة اغتيال بعد استهداف موكبه بعبوة ناسفة على طريق "
        "الموصل دهوك، ما أسفر عن إصابة اثنين من أفراد حمايته."
    )
    assert (m.killed_best, m.wounded_best, m.weapon) == (0, 2, "ied")


def test_extract_a_site_owned_by_a_unit_of_a_group_makes_the_group_the_target():
    m = one("استهدفت طائرة مسيرة مقرا تابعا للواء 30 في الحشد الشعبي في سهل نينوى اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "pmf")
    m = one("استهدفت طائرة مسيرة تابعة للجيش التركي سيارة في قضاء سنجار اليوم.")
    assert m.perpetrator_id == "turkish_forces"


def test_extract_soldiers_an_army_announces_dead_are_its_own():
    m = one("أعلنت وزارة الدفاع التركية مقتل جنديين في هجوم لحزب العمال الكردستاني في منطقة الزاب اليوم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "pkk",
        "turkish_forces",
        2,
        "Duhok",
    )


def test_extract_an_announced_own_action_may_be_quoted():
    m = one('أعلنت وزارة الدفاع التركية اليوم "تحييد" ستة من عناصر حزب العمال في غارات على منطقة هاكورك.')
    assert (m.perpetrator_id, m.target_id, m.governorate) == ("turkish_forces", "pkk", "Erbil")


def test_extract_rockets_on_the_green_zone_with_no_target_named_target_the_us_embassy_compound():
    m = one("سقط صاروخا كاتيوشا داخل المنطقة الخضراء وسط بغداد مساء اليوم دون خسائر.")
    assert (m.target_id, m.location) == ("us_forces", "Green Zone")
    # a target named in the text stands
    m = one("سقطت قذيفة هاون على مقر حكومي داخل المنطقة الخضراء اليوم وأصابت اثنين من الحراس العراقيين.")
    assert m.target_id != "us_forces"


def test_extract_an_attribution_of_an_act_told_with_its_toll_and_site_is_its_report():
    m = one(
        "يعتقد أن تنظيم داعش يقف وراء الهجوم الذي استهدف نقطة للجيش في قضاء الطارمية فجر اليوم "
        "وأسفر عن مقتل جنديين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "iraqi_security_forces", 2)
    # an accusation about attacks in general stays no event
    assert extract("اتهمت الحكومة فصائل مسلحة بالوقوف وراء الهجمات الأخيرة.", PUB) == []


def test_extract_a_raid_that_kills_the_raided_is_a_clash_and_an_arrest_for_a_killing_no_event():
    m = one("قتل 5 من عناصر داعش وأصيب جندي بعملية إنزال جوي نفذتها قوات مكافحة الإرهاب في وادي حوران اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Armed clash",
        "iraqi_security_forces",
        "isis",
        5,
    )
    assert extract("ألقت القوات الأمنية القبض على متهم بقتل شخصين في قضاء الزبير اليوم.", PUB) == []


def test_extract_a_city_inside_an_actors_name_is_not_the_site():
    m = one(
        "هاجمت طائرة مسيرة تركية عجلة تقل مقاتلين من وحدات مقاومة سنجار قرب سنوني اليوم، ما أسفر "
        "عن مقتل ثلاثة منهم."
    )
    assert (m.location, m.perpetrator_id, m.killed_best) == ("Snune", "turkish_forces", 3)
    # alone, it still places the event
    m = one("استهدف هجوم مسلح دورية لشرطة البصرة اليوم ما أسفر عن إصابة شرطيين.")
    assert m.governorate == "Basra"


def test_extract_more_than_n_people_hurt_are_civilians():
    m = one("أصيب أكثر من 20 شخصا بانفجار عبوة ناسفة في ساحة الطيران وسط بغداد اليوم.")
    assert (m.target_id, m.wounded_best) == ("civilians", 20)


def test_extract_a_claim_inside_a_recalled_event_claims_that_event_only():
    ms = extract(
        "سقطت ثلاثة صواريخ مساء اليوم داخل قاعدة عين الأسد الجوية دون إصابات. وفي كانون الثاني "
        'الماضي، أصيب خمسة جنود أمريكيين بهجوم صاروخي على القاعدة ذاتها تبنته "المقاومة الإسلامية في العراق".',
        PUB,
    )
    by_date = {m.event_date: m for m in ms}
    assert by_date[PUB].perpetrator_id == "unknown" and not by_date[PUB].claimed
    recalled = by_date[dt.date(2024, 1, 1)]
    assert (recalled.perpetrator_id, recalled.target_id, recalled.wounded_best) == (
        "islamic_resistance_iraq",
        "us_forces",
        5,
    )


def test_extract_the_dead_said_to_belong_to_a_group_make_it_the_target():
    m = one(
        "قتل ثلاثة أشخاص مساء اليوم بغارة لطائرة مسيرة تركية استهدفت سيارة قرب مطار السليمانية. "
        "وقالت المديرية في بيان إن القتلى ينتمون إلى حزب العمال الكردستاني."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "pkk", 3)


def test_extract_an_assassinated_officer_named_after_the_killers_is_the_security_forces():
    m = one("اغتال مسلحون مجهولون فجر اليوم ضابطاً برتبة نقيب أمام منزله في مدينة العمارة.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "iraqi_security_forces", 1)
    m = one("اغتال مسلحون مجهولون فجر اليوم صحفيا أمام منزله في مدينة العمارة.")
    assert m.target_id == "civilians"


def test_extract_a_large_open_toll_of_a_named_act_is_kept_and_a_running_one_is_not():
    m = one(
        "قتل أكثر من 30 شخصا وأصيب أكثر من 100 آخرين بتفجير انتحاري مزدوج استهدف سوقا شعبية في "
        "ساحة الطيران وسط بغداد صباح اليوم."
    )
    assert (m.killed_low, m.killed_best, m.killed_high, m.wounded_best) == (30, 30, None, 100)
    m = one(
        "تجددت صباح اليوم الاشتباكات بين أنصار الصدر وعناصر من الحشد الشعبي في المنطقة الخضراء، "
        "وأدت إلى مقتل أكثر من 30 شخصا حتى الآن."
    )
    assert m.killed_best is None


def test_extract_a_ministry_named_again_whose_aircraft_struck_is_that_states_forces():
    ms = extract(
        "أقرت وزارة الدفاع التركية بمقتل جنديين في اشتباك مع مسلحي حزب العمال الكردستاني. "
        'وأعلنت الوزارة اليوم أن طائراتها "حيدت 9 إرهابيين" في غارات على منطقة هاكورك الحدودية.',
        PUB,
    )
    strike = next(m for m in ms if m.location == "Hakurk")
    assert (strike.perpetrator_id, strike.target_id, strike.sub_event_type) == (
        "turkish_forces",
        "pkk",
        "Air/drone strike",
    )


def test_extract_people_hit_by_a_turkish_strike_stay_civilians_though_the_pkk_is_named():
    ms = extract(
        "قصفت طائرات مسيرة تركية اليوم مواقع في مخيم مخمور للاجئين، ما أسفر عن مقتل ثلاثة أشخاص "
        "بينهم امرأة. وتقول أنقرة إن المخيم يؤوي عناصر من حزب العمال الكردستاني.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("turkish_forces", "civilians", 3)
    ]


def test_extract_a_clash_whose_both_sides_count_losses_keeps_both_sides():
    m = one(
        "اندلعت اشتباكات بين قوات الجيش العراقي والبيشمركة في قضاء مخمور اليوم، أسفرت عن إصابة "
        "جنديين من الجيش وعنصر من البيشمركة."
    )
    assert {m.perpetrator_id, m.target_id} == {"iraqi_security_forces", "peshmerga"}
    assert m.wounded_best == 3


def test_extract_a_denial_clears_the_denier_only():
    m = one(
        "قتل ثلاثة من مقاتلي الحشد الشعبي فجر اليوم بقصف جوي مجهول استهدف مقرا للحشد في قضاء "
        'القائم. وحمّلت هيئة الحشد الشعبي في بيان "الكيان الصهيوني" مسؤولية الهجوم، فيما نفت '
        "القيادة المركزية الأمريكية أي علاقة لها بالضربة."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("israel_forces", "pmf", 3)
    m = one(
        "سقط صاروخان على قاعدة حرير مساء اليوم. ونفت كتائب حزب الله أي علاقة لها بالهجوم، وقال "
        'المتحدث باسمها إن "الكتائب لا تخفي عملياتها وتعلنها بوضوح".'
    )
    assert m.perpetrator_id == "unknown"


def test_extract_a_shepherd_hit_is_a_civilian():
    m = one("قتل راعٍ وأصيب آخر بانفجار لغم أرضي في قضاء الحويجة اليوم.")
    assert (m.target_id, m.killed_best, m.wounded_best) == ("civilians", 1, 1)


def test_extract_the_killing_a_riot_protests_is_no_toll_of_the_riot():
    m = one("أحرق محتجون غاضبون مقر حزب الدعوة في الديوانية مساء اليوم احتجاجا على مقتل ناشط.")
    assert (m.sub_event_type, m.perpetrator_id, m.killed_best) == (
        "Violent demonstration",
        "protesters",
        None,
    )


def test_extract_the_attackers_dead_told_after_the_victims_add_to_the_toll():
    m = one(
        "قتل جنديان بهجوم لداعش على نقطة للجيش في قضاء الطارمية اليوم. وتمكنت القوات من صد الهجوم "
        "وقتل اثنين من المهاجمين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "iraqi_security_forces", 4)
    # counted once when the lead already counted them
    m = one(
        "قتل جنديان واثنان من المهاجمين بهجوم لداعش على نقطة للجيش في قضاء الطارمية اليوم. وتمكنت "
        "القوات من صد الهجوم وقتل اثنين من المهاجمين."
    )
    assert m.killed_best == 4


def test_extract_an_attack_launched_by_a_named_side_and_a_security_raid():
    m = one("شن تنظيم داعش هجوما على قرية في قضاء خانقين فجر اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Attack", "isis", "civilians")
    m = one("اقتحمت قوة أمنية مقرا لكتائب حزب الله في بغداد واعتقلت عددا من عناصرها اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Arrests",
        "iraqi_security_forces",
        "kataib_hezbollah",
    )
    # attacks launched over weeks stay a series
    assert extract("شنت الفصائل هجمات على قواعد أمريكية خلال الأسابيع الماضية.", PUB) == []


def test_extract_a_state_official_or_employee_is_the_target_named():
    # a state department's director is an official (iraqi_government); a government
    # employee is a civilian, so the gunmen's attack on them is violence against civilians
    m = one("انفجرت عبوة لاصقة بسيارة مدير دائرة الزراعة في محافظة واسط وسط مدينة الكوت ظهر اليوم.")
    assert (m.sub_event_type, m.target_id) == ("Remote explosive/landmine/IED", "iraqi_government")
    m = one("قتل موظفان حكوميان بهجوم مسلح استهدف سيارتهما على طريق الموصل - تلعفر مساء اليوم.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 2)
    m = one("اغتال مسلحون مجهولون عضو مجلس محافظة البصرة بإطلاق النار على سيارته مساء اليوم.")
    assert (m.target_id, m.killed_best) == ("iraqi_government", 1)


def test_extract_a_depot_blast_whose_cause_is_told_next_is_an_accident():
    lead = "وقع انفجار كبير، عصر اليوم، في مخزن للعتاد تابع للجيش في قضاء المسيب شمالي بابل، دون إصابات."
    ms = extract(
        lead + " وقال مصدر في الدفاع المدني إن الانفجار ناجم عن سوء الخزن وارتفاع درجات الحرارة.", PUB
    )
    assert ms == []
    # the cause denied, or nothing said of it: the blast stays an event
    ms = extract(lead + " واستبعد مصدر أمني أن يكون الانفجار ناجما عن ارتفاع درجات الحرارة.", PUB)
    assert len(ms) == 1
    assert len(extract(lead, PUB)) == 1
    # a cause in dispute: the blast stays an event (here a strike by an unnamed aircraft)
    ms = extract(
        lead + " وقال الجيش إن الانفجار ناجم عن ارتفاع درجات الحرارة، فيما لم يستبعد مصدر أمني"
        " أن يكون المخزن تعرض لضربة جوية.",
        PUB,
    )
    assert [m.sub_event_type for m in ms] == ["Air/drone strike"]


def test_extract_a_tally_keeps_the_toll_of_the_one_act_it_singles_out():
    m = one(
        "شهدت محافظة ديالى خلال الشهر الماضي 12 هجوما لتنظيم داعش، أبرزها تفجير عبوة ناسفة على"
        " عجلة عسكرية في قضاء المقدادية أودى بحياة ثلاثة جنود وإصابة اثنين آخرين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Remote explosive/landmine/IED",
        "isis",
        "iraqi_security_forces",
    )
    assert (m.killed_best, m.wounded_best, m.location) == (3, 2, "Muqdadiyah")
    # the tally's own count is still no event's
    ms = extract("شهدت محافظة ديالى خلال الشهر الماضي 12 هجوما لتنظيم داعش أسفرت عن مقتل 20 شخصا.", PUB)
    assert all(m.killed_best is None for m in ms)


def test_extract_the_act_a_relative_clause_recalls_is_its_own_earlier_event():
    ms = extract(
        "أعلنت قيادة العمليات المشتركة، اليوم الأحد، مقتل ثلاثة إرهابيين كانوا قد شاركوا في الهجوم"
        " على نقطة للشرطة في قضاء الشرقاط الأربعاء الماضي، بضربة جوية لطائرات القوة الجوية العراقية"
        " في جبال مكحول. وكان الهجوم قد أسفر عن استشهاد شرطيين اثنين.",
        PUB,
    )
    got = sorted(
        (str(m.event_date), m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) for m in ms
    )
    assert got == [
        ("2024-03-06", "Armed clash", "isis", "iraqi_security_forces", 2),  # the attack they took part in
        ("2024-03-10", "Air/drone strike", "iraqi_security_forces", "isis", 3),  # the strike that killed them
    ]


def test_extract_gunmen_of_both_sides_arrested_belong_to_the_clash_told_before():
    ms = extract(
        "اندلعت اشتباكات مسلحة بين عناصر من سرايا السلام وآخرين من عصائب أهل الحق في مدينة الكوت مساء أمس."
        " وأعلنت قيادة الشرطة، اليوم الأحد، اعتقال خمسة مسلحين من الطرفين شاركوا في الاشتباكات.",
        PUB,
    )
    arrest = [m for m in ms if m.sub_event_type == "Arrests"]
    assert [(m.perpetrator_id, m.target_id) for m in arrest] == [("iraqi_security_forces", "saraya_al_salam")]


def test_extract_briefs_at_far_apart_districts_are_separate_acts():
    ms = extract(
        "وفي حادث منفصل، عثرت قوات الشرطة على جثة رجل مقتولا بطلقات نارية في حي الشعلة غربي بغداد اليوم."
        " كما أصيب منتسب في الشرطة بجروح إثر هجوم مسلح استهدف دوريته في قضاء الطارمية شمالي العاصمة.",
        PUB,
    )
    got = sorted((m.location, m.target_id, m.killed_best, m.wounded_best) for m in ms)
    assert got == [("Shula", "civilians", 1, None), ("Tarmiyah", "iraqi_security_forces", None, 1)]


def test_extract_rockets_partly_intercepted_stay_an_attack():
    m = one(
        "أطلقت أربعة صواريخ كاتيوشا باتجاه المنطقة الخضراء فجر اليوم، تمكنت منظومة سي رام من اعتراض"
        " ثلاثة منها، فيما سقط الرابع قرب مبنى سكني."
    )
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    m = one("أطلقت أربعة صواريخ كاتيوشا باتجاه المنطقة الخضراء فجر اليوم، وتمكنت منظومة سي رام من اعتراضها.")
    assert m.sub_event_type == "Disrupted weapons use"


def test_extract_a_claim_that_answers_another_war_still_claims_the_attack():
    m = one(
        "استهدفت قاعدة حرير في أربيل بطائرتين مسيرتين فجر اليوم دون إصابات."
        " وتبنت المقاومة الإسلامية في العراق الهجوم، مؤكدة أنه جاء نصرة لأهلنا في غزة."
    )
    assert (m.perpetrator_id, m.claimed, m.location) == ("islamic_resistance_iraq", True, "Harir Air Base")


def test_extract_a_foreign_force_announcing_its_strike_on_what_it_calls_a_base():
    m = one(
        "أعلن الحرس الثوري الإيراني، فجر اليوم، استهداف ما وصفه بمقرات للجماعات الإرهابية في"
        " كويسنجق بصواريخ بالستية، ما أدى إلى مقتل امرأة وطفلين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iran_forces", "civilians", 3)


def test_extract_an_armed_body_announcing_its_own_dead_is_the_target():
    ms = extract(
        "أعلن الجيش الأمريكي أنه نفذ، مساء الخميس، ضربات جوية على أهداف في العراق وسوريا."
        " ونعت كتائب حزب الله ثلاثة من مقاتليها قتلوا في الضربات الأمريكية على مواقعها في منطقة عكاشات.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best, str(m.event_date)) for m in ms] == [
        ("us_forces", "kataib_hezbollah", 3, "2024-03-07")  # the summary's Thursday
    ]


def test_extract_the_named_victim_of_a_relative_clause_after_his_name():
    m = one(
        "شيع المئات اليوم جثمان القيادي في حركة النجباء أبو حسين الكعبي، الذي قتل بضربة مسيرة"
        " استهدفت سيارته في بغداد مساء أمس."
    )
    assert m.target_id == "nujaba"


def test_extract_near_a_city_in_the_province_the_story_is_filed_from():
    m = one(
        "ديالى - خاص\n\nاستشهد جندي برصاص قناص من تنظيم داعش مساء أمس في بساتين الهويدر شمال شرقي بعقوبة."
    )
    assert (m.governorate, m.location) == ("Diyala", "Baqubah")
    m = one("استشهد جندي برصاص قناص من تنظيم داعش مساء أمس غربي بعقوبة.")
    assert m.governorate is None  # near the city: maybe over the provincial line (Tarmiyah, Baghdad's)
    m = one("استشهد جندي برصاص قناص من تنظيم داعش مساء أمس شمال شرقي بعقوبة.")
    assert m.governorate == "Diyala"  # no other governorate's place on that side within 50 km


def test_extract_a_faction_claims_past_its_umbrella_in_apposition():
    m = one(
        "أعلنت كتائب سيد الشهداء، إحدى فصائل المقاومة الإسلامية في العراق، مسؤوليتها عن هجوم"
        ' بطائرة مسيرة استهدف فجر اليوم هدفا في إيلات، مؤكدة أنه يأتي "نصرة لأهلنا في غزة".'
    )
    assert (m.perpetrator_id, m.location, m.country) == ("kataib_sayyid_al_shuhada", "Eilat", "Israel")


def test_extract_an_earlier_act_of_the_same_faction_on_a_similar_convoy():
    ms = extract(
        "تبنت عصبة الثائرين استهداف رتل للقوات الأمريكية بعبوة ناسفة في محافظة المثنى مساء اليوم."
        " وكان الفصيل نفسه قد أعلن الخميس مسؤوليته عن تفجير عبوة استهدفت رتلا مماثلا قرب"
        " ناحية جبلة شمالي بابل، من دون أن ترد معلومات عن خسائر.",
        PUB,
    )
    got = sorted((str(m.event_date), m.perpetrator_id, m.target_id, m.killed_best) for m in ms)
    assert got == [
        ("2024-03-07", "usbat_al_thairin", "us_forces", None),
        ("2024-03-10", "usbat_al_thairin", "us_forces", None),
    ]


def test_extract_a_state_that_lasted_until_today_is_no_day_of_the_strike():
    ms = extract(
        "قتل مسلحان من حزب العمال الكردستاني بغارة جوية تركية أول أمس الجمعة على موقع في ناحية"
        " سيدكان. وقال مسؤول محلي إن الطائرات التركية قصفت كهفا، وإن جثتي القتيلين بقيتا في المكان"
        " حتى صباح اليوم.",
        PUB,
    )
    assert [(str(m.event_date), m.killed_best) for m in ms] == [("2024-03-08", 2)]


def test_extract_a_claim_by_a_group_named_for_iraq_places_no_act_in_iraq():
    ms = extract(
        "أصيب ثلاثة جنود أمريكيين بهجوم بطائرة مسيرة على قاعدة التنف في سوريا فجر اليوم."
        " وتبنت المقاومة الإسلامية في العراق الهجوم في بيان قالت فيه إنها استهدفت قاعدة الاحتلال"
        " الأمريكي عند الحدود بطائرة مسيرة.",
        PUB,
    )
    assert [(m.location, m.perpetrator_id, m.claimed) for m in ms] == [
        ("Al-Tanf", "islamic_resistance_iraq", True)
    ]


def test_extract_where_the_dead_were_taken_and_when_is_not_the_strike():
    ms = extract(
        "قتل سبعة من مقاتلي كتائب حزب الله بغارات أمريكية ليل السبت على مواقع للفصيل قرب البوكمال السورية."
        " وقالت المصادر إن الغارات استهدفت مقرا ومستودعا للطائرات المسيرة، وإن جثامين القتلى نقلت عبر"
        " منفذ القائم الحدودي إلى العراق صباح الأحد.",
        dt.date(2024, 3, 11),
    )
    assert [(str(m.event_date), m.location, m.weapon, m.killed_best) for m in ms] == [
        ("2024-03-09", "Albu Kamal", "airstrike", 7)
    ]


def test_extract_strikes_over_past_years_recalled_are_no_event():
    ms = extract(
        "ويعيد الهجوم إلى الأذهان ضربات مشابهة نفذها الحرس الثوري على أربيل خلال السنوات الماضية،"
        " تسببت كل مرة بأزمة دبلوماسية بين بغداد وطهران.",
        PUB,
    )
    assert ms == []


def test_extract_a_businessmans_house_is_a_civilian_target():
    m = one(
        "استهدف قصف بصواريخ باليستية منزلا لرجل أعمال قرب مطار أربيل الدولي مساء اليوم، ما أدى إلى مقتله."
    )
    assert m.target_id == "civilians"


def test_extract_to_head_off_terror_blocks_no_road():
    ms = extract(
        "أعلن المحافظ الحداد في الناحية، داعيا إلى تكثيف الجهد الاستخباري لقطع الطريق على فلول الإرهاب.",
        PUB,
    )
    assert ms == []


def test_extract_an_angry_crowd_assaulting_medical_staff():
    m = one(
        "تعرض مستشفى الكوت التعليمي مساء اليوم لاعتداء من قبل حشد غاضب من ذوي مريض توفي في قسم"
        " الطوارئ، أسفر عن إصابة ثلاثة من الأطباء والممرضين بجروح."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "protesters",
        "civilians",
        None,
        3,
    )


def test_extract_neither_of_the_two_drones_hurt_anyone():
    ms = extract(
        "أسقطت الدفاعات الجوية في حقل كورمور طائرتين مسيرتين في هجومين منفصلين مساء اليوم."
        " وقال الجهاز إن المسيرة الأولى أسقطت قرابة العاشرة مساء والثانية بعد منتصف الليل، ولم تسفر أي"
        " منهما عن إصابات.",
        PUB,
    )
    assert [(m.sub_event_type, m.killed_best, m.wounded_best) for m in ms] == [
        ("Disrupted weapons use", 0, 0),
        ("Disrupted weapons use", 0, 0),
    ]


@pytest.mark.parametrize(
    "text,location",
    [
        # verb - weapon - installation: the drone is the subject, the refinery what it hit
        ("هاجمت طائرة مسيرة مصفاة بيجي في محافظة صلاح الدين فجر اليوم.", "Baiji refinery"),
        # a field named between "حقل" and its adjective, hit with no target named
        ("سقطت طائرتان مسيرتان على حقل نفطي في محافظة دهوك مساء أمس.", "Duhok Governorate"),
        ("قصفت طائرة مسيرة مجهولة حقل طاوكي النفطي في قضاء زاخو الليلة الماضية.", "Tawke oil field"),
        # the workers wounded are civilians, not the subject of the passive verb
        ("تعرض حقل كورمور الغازي لهجوم بصاروخين فجر اليوم، وأصيب عاملان بجروح.", "Khor Mor gas field"),
    ],
)
def test_extract_an_energy_installation_hit_targets_civilians(text, location):
    m = one(text)
    assert (m.perpetrator_id, m.target_id, m.location) == ("unknown", "civilians", location)


def test_extract_a_named_target_near_an_oil_field_stays_the_target():
    m = one(
        "استهدفت طائرة مسيرة مقرا للحشد الشعبي قرب حقل الرميلة في البصرة مساء اليوم، ما أسفر عن مقتل عنصرين."
    )
    assert (m.target_id, m.killed_best) == ("pmf", 2)
    m = one("انفجرت عبوة ناسفة على رتل للجيش قرب حقل عكاز في الأنبار اليوم، وأصيب جنديان.")
    assert (m.target_id, m.location, m.wounded_best) == ("iraqi_security_forces", "Akkas gas field", 2)


def test_extract_an_area_named_on_a_side_of_baghdad_is_in_baghdad():
    # an area the gazetteer lacks, told as part of the city's east side: inside its
    # governorate; a bare side of the city may lie beyond it (Kalsu, south of Baghdad, is Babil)
    m = one("استهدفت غارة أمريكية سيارة في منطقة الشاكرية شرقي بغداد مساء أمس، ما أدى إلى مقتل ثلاثة.")
    assert (m.governorate, m.location) == ("Baghdad", "Baghdad")
    # an area it holds is the place
    m = one("استهدفت غارة أمريكية سيارة في منطقة المشتل شرقي بغداد مساء أمس، ما أدى إلى مقتل ثلاثة.")
    assert (m.governorate, m.location) == ("Baghdad", "Mashtal")
    m = one("انفجرت عبوة ناسفة جنوبي بغداد مساء أمس، ما أدى إلى مقتل ثلاثة.")
    assert m.governorate is None


def test_extract_a_final_toll_said_later_supersedes_the_first():
    m = one(
        "أسفر هجوم شنه عناصر من تنظيم داعش على نقطة عسكرية في قضاء طوزخورماتو فجر اليوم عن سقوط"
        " 4 شهداء و7 جرحى من منتسبي الجيش، وفق حصيلة أولية. وذكر مصدر أمني لاحقا أن الحصيلة"
        " النهائية ارتفعت إلى 6 شهداء."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "iraqi_security_forces", 6)


def test_extract_the_unit_that_repelled_an_assault_was_attacked():
    m = one(
        "صدت قوات اللواء 30 في الحشد الشعبي، فجر اليوم، تعرضا لعناصر تنظيم داعش في حوض الميتة"
        " شمال شرقي ديالى، وقتلت اثنين من المهاجمين، فيما أصيب ثلاثة من مقاتلي اللواء."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "Armed clash",
        "isis",
        "pmf",
        2,
        3,
    )


def test_extract_an_assassinated_officer_outranks_the_passers_by_hit():
    m = one(
        "اغتال مسلحون مجهولون ظهر اليوم ضابطا في مديرية الاستخبارات بإطلاق النار عليه في سوق"
        " الكوت، ما أدى إلى مقتله وإصابة اثنين من المارة."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best, m.wounded_best) == (
        "Attack",
        "iraqi_security_forces",
        1,
        2,
    )


def test_extract_a_terrorist_detachment_is_isis_and_the_desert_of_a_district_is_there():
    m = one("هاجمت مفرزة إرهابية ليلة أمس نقطة مرابطة تابعة للواء 35 في الحشد الشعبي بجزيرة سامراء.")
    assert (m.perpetrator_id, m.target_id, m.location) == ("isis", "pmf", "Samarra")
    m = one(
        "أعلن جهاز مكافحة الإرهاب اليوم مقتل ما يسمى والي كركوك في تنظيم داعش خلال عملية إنزال جوي"
        " في صحراء القائم غربي الأنبار."
    )
    assert (m.perpetrator_id, m.target_id, m.location) == ("iraqi_security_forces", "isis", "Al-Qaim")


def test_extract_a_clause_opened_by_its_own_day_is_another_act():
    ms = extract(
        "ففي الخامس من شباط، استهدفت ثلاثة صواريخ قاعدة عين الأسد دون إصابات، وفي العشرين من الشهر"
        " نفسه أسقطت الدفاعات الجوية طائرة مسيرة قرب مطار أربيل.",
        PUB,
    )
    assert sorted((str(m.event_date), m.location, m.sub_event_type) for m in ms) == [
        ("2024-02-05", "Ain al-Asad Air Base", "Shelling/artillery/missile attack"),
        ("2024-02-20", "Erbil International Airport", "Disrupted weapons use"),
    ]


def test_extract_a_riot_with_a_protester_killed_is_the_crowds():
    m = one(
        "قتل متظاهر وأصيب 12 آخرون مساء اليوم خلال مواجهات بين محتجين يطالبون بالكهرباء وقوات"
        " مكافحة الشغب أمام مبنى ديوان محافظة البصرة، بعدما حاول المحتجون اقتحام المبنى."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.killed_best, m.wounded_best) == (
        "Violent demonstration",
        "protesters",
        1,
        12,
    )


def test_extract_what_the_arrested_are_charged_with_is_neither_party_nor_site():
    m = one(
        "اعتقلت قوة من جهاز مكافحة الإرهاب فجر اليوم أربعة عناصر من عصائب أهل الحق بتهمة إطلاق صواريخ"
        " على السفارة الأمريكية، في عملية نفذت في قضاء المحمودية."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.location) == (
        "Arrests",
        "iraqi_security_forces",
        "asaib_ahl_al_haq",
        "Mahmudiyah",
    )


def test_extract_a_drone_shot_down_near_a_base_and_an_earlier_attack_on_the_base():
    ms = extract(
        "تعرضت قاعدة فكتوري العسكرية قرب مطار بغداد الدولي، فجر اليوم، لهجوم بطائرة مسيرة مفخخة،"
        " أسقطتها منظومة الدفاع الجوي قبل وصولها إلى هدفها. وهذا الهجوم هو الثالث من نوعه على"
        " القاعدة خلال أسبوع، إذ كانت قد تعرضت يوم الخميس الماضي لهجوم بصاروخين.",
        PUB,
    )
    assert sorted((str(m.event_date), m.location, m.sub_event_type) for m in ms) == [
        ("2024-03-07", "Victory Base (Baghdad Airport)", "Shelling/artillery/missile attack"),
        ("2024-03-10", "Victory Base (Baghdad Airport)", "Disrupted weapons use"),
    ]


def test_extract_an_operation_hunting_the_attackers_is_its_own_clash_with_them():
    ms = extract(
        "قتل جندي بهجوم مسلح شنه عناصر من داعش على دورية للجيش في قضاء الطارمية مساء اليوم."
        " وعلى إثر الهجوم، شنت القوات الأمنية عملية تمشيط أسفرت عن مقتل اثنين من المهاجمين واعتقال ثالث.",
        PUB,
    )
    assert sorted((m.perpetrator_id, m.target_id, m.killed_best, m.location) for m in ms) == [
        ("iraqi_security_forces", "isis", 2, "Tarmiyah"),
        ("isis", "iraqi_security_forces", 1, "Tarmiyah"),
    ]


def test_extract_supporters_of_factions_gathered_are_protesters():
    m = one(
        "تجمع المئات من أنصار الفصائل المسلحة عصر اليوم أمام السفارة الأمريكية في بغداد، وحاول بعضهم"
        " اقتحام البوابة ورشقها بالحجارة."
    )
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "protesters")


def test_extract_a_deniers_counter_charge_does_not_replace_the_reports_attacker():
    ms = extract(
        "قتل ثلاثة مدنيين وأصيب خمسة آخرون اليوم بقصف مدفعي تركي استهدف منتجعا سياحيا في قضاء زاخو."
        " ونفت وزارة الدفاع التركية مسؤوليتها عن القصف، متهمة حزب العمال الكردستاني بتنفيذه.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("turkish_forces", "civilians", 3)
    ]


def test_extract_a_street_named_after_a_city_is_no_place_and_a_candidate_is_counted():
    m = one("انفجرت سيارة مفخخة صباح اليوم قرب مطعم في شارع بغداد وسط مدينة كركوك، ما أسفر عن سقوط 4 قتلى.")
    assert (m.governorate, m.location) == ("Kirkuk", "Kirkuk")
    m = one("اغتيل المرشح للانتخابات البرلمانية بانفجار عبوة لاصقة في سيارته في قضاء الطارمية مساء اليوم.")
    assert m.killed_best == 1


def test_extract_a_member_of_the_body_that_speaks_is_its_own():
    m = one(
        "اتهمت هيئة الحشد الشعبي إسرائيل بالوقوف وراء الضربة الجوية التي استهدفت فجر اليوم مقرا"
        " للواء 13 في معسكر الصقر جنوبي بغداد، وأسفرت عن مقتل منتسب وإصابة اثنين آخرين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("israel_forces", "pmf", 1)
    m = one("قتل منتسب وأصيب آخر بهجوم مسلح على نقطة تفتيش في قضاء المقدادية مساء اليوم.")
    assert m.target_id == "iraqi_security_forces"


def test_extract_a_clash_told_with_its_cause_in_passing():
    m = one(
        "اندلعت اشتباكات بالأسلحة الخفيفة والمتوسطة ليلة أمس بين عناصر من سرايا السلام وآخرين من عصائب"
        " أهل الحق في مدينة الكوت، على خلفية اغتيال أحد قادة السرايا قبل يومين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Armed clash",
        "saraya_al_salam",
        "asaib_ahl_al_haq",
    )


def test_extract_fire_exchanged_with_mortars_is_the_clash_and_a_fired_rocket_is_no_foiled_one():
    ms = extract(
        "قتل 12 شخصا في اشتباكات اندلعت داخل المنطقة الخضراء ظهر اليوم. وتبادل عناصر من سرايا السلام"
        " وقوات أمنية إطلاق النار بالأسلحة الرشاشة وقذائف الهاون طوال الليل.",
        PUB,
    )
    assert [(m.sub_event_type, m.killed_best) for m in ms] == [("Armed clash", 12)]
    m = one(
        "سقط صاروخ كاتيوشا مساء اليوم قرب السفارة الأمريكية في المنطقة الخضراء، وفق خلية الإعلام الأمني"
        " التي أشارت إلى العثور على منصة الإطلاق في منطقة البلديات."
    )
    assert m.sub_event_type == "Shelling/artillery/missile attack"


def test_extract_the_angry_ones_storming_a_channel_are_rioters():
    m = one("اقتحم العشرات من الغاضبين مساء اليوم مقر قناة فضائية في حي الكرادة وحطموا محتوياته.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Violent demonstration",
        "protesters",
        "civilians",
    )


def test_extract_a_war_remnant_shell_goes_off_as_a_mine():
    m = one(
        "قتل طفلان وأصيب ثالث اليوم بانفجار قذيفة من مخلفات الحرب كانوا يعبثون بها قرب منزلهم في قضاء سنجار."
    )
    assert (m.sub_event_type, m.weapon, m.target_id, m.killed_best) == (
        "Remote explosive/landmine/IED",
        "ied",
        "civilians",
        2,
    )


def test_extract_a_ground_assault_with_small_arms_and_rocket_propelled_shells_is_a_clash():
    m = one(
        "قالت مصادر أمنية إن ثلاثة جنود قتلوا وأصيب اثنان آخران في هجوم شنه مسلحون من تنظيم داعش على"
        " موقع للجيش قرب بلدة الرشاد الليلة الماضية. وأضافت أن المسلحين استخدموا أسلحة خفيفة وقذائف"
        " صاروخية في الهجوم."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "Armed clash",
        "isis",
        "iraqi_security_forces",
        3,
        2,
    )


def test_extract_strikes_on_far_apart_bases_in_one_clause_are_one_event_each():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق مساء اليوم استهداف قاعدة عين الأسد وقاعدة حرير بطائرات"
        " مسيرة، مؤكدة أن الطائرات أصابت أهدافها.",
        PUB,
    )
    assert sorted(m.location for m in ms) == ["Ain al-Asad Air Base", "Harir Air Base"]


def test_extract_a_members_of_parliament_office_is_the_governments():
    m = one(
        "تعرض مكتب النائب عن محافظة البصرة لهجوم بعبوة صوتية ليلة أمس، ما ألحق أضرارا بواجهته دون إصابات."
    )
    assert m.target_id == "iraqi_government"


def test_extract_who_condemns_an_attack_is_no_party_to_it():
    m = one("أدان رئيس الوزراء الهجوم الذي استهدف مطار أربيل الدولي مساء أمس بثلاث طائرات مسيرة.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Air/drone strike", "unknown")


def test_extract_an_attack_told_in_a_demand_or_an_accusation_with_its_site_is_an_event():
    m = one(
        "طالب محافظ نينوى بكشف منفذي الهجوم الذي استهدف سوقا في الموصل مساء أمس وأسفر عن مقتل ثلاثة مدنيين."
    )
    assert (m.sub_event_type, m.location, m.killed_best) == ("Attack", "Mosul", 3)
    m = one("حمّلت عصائب أهل الحق الولايات المتحدة مسؤولية القصف الذي استهدف مقرا لها في بغداد اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("us_forces", "asaib_ahl_al_haq")


def test_extract_a_body_mourning_its_fighters_killed_by_a_named_strike():
    m = one("نعت هيئة الحشد الشعبي ثلاثة من مقاتليها استشهدوا بقصف تركي على موقعهم في سنجار فجر اليوم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "pmf", 3)


def test_extract_who_welcomes_a_foiled_attack_is_no_party_and_the_air_force_is_iraqs():
    m = one("رحبت الحكومة بنجاح القوات الأمنية في إحباط هجوم بطائرة مسيرة على قضاء المقدادية فجر اليوم.")
    assert m.target_id != "iraqi_government"
    m = one(
        "أكدت وزارة الدفاع أن طائرات القوة الجوية قصفت أوكارا لداعش في جبال حمرين اليوم وقتلت أربعة إرهابيين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 4)


def test_extract_a_force_announcing_its_own_strike_claims_it_and_turkeys_terrorists_are_the_pkk():
    m = one("أعلنت المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة فجر اليوم.")
    assert (m.perpetrator_id, m.claimed) == ("islamic_resistance_iraq", True)
    m = one("أعلنت وزارة الدفاع التركية اليوم تحييد ستة إرهابيين بضربة جوية في منطقة متينا شمالي العراق.")
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("turkish_forces", "pkk", True)
    m = one("قصفت طائرات تركية مواقع لعناصر داعش قرب سنجار اليوم.")
    assert m.target_id == "isis"  # named as such


def test_extract_the_masculine_claim_verb_names_the_claimant():
    m = one(
        "قتل خمسة أشخاص في تفجير انتحاري استهدف مجلس عزاء في قضاء المقدادية مساء أمس، وتبنى تنظيم داعش"
        " التفجير."
    )
    assert (m.perpetrator_id, m.claimed) == ("isis", True)


def test_extract_who_foils_a_named_groups_assault_is_its_other_side():
    # "هجوما لتنظيم داعش": the attack OF the group (its agent); the force that foiled it
    # fought it, so a clash, not an attack on the village's civilians
    m = one(
        "أفشلت قوات الجيش العراقي هجوما لعناصر داعش على قرية في ناحية السعدية بمحافظة ديالى"
        " ليلة أمس، وقتلت ثلاثة من المهاجمين."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == (
        "isis",
        "iraqi_security_forces",
        "Armed clash",
    )
    assert m.killed_best == 3
    # a time set off by commas between the force and the assault
    m = one(
        "أفشلت قوات الجيش العراقي، مساء الأحد، هجوما لعناصر داعش على قرية في ناحية السعدية"
        " بمحافظة ديالى، وقتلت اثنين من المهاجمين."
    )
    assert (m.perpetrator_id, m.target_id) == ("isis", "iraqi_security_forces")


def test_extract_a_checkpoint_or_patrol_of_an_actor_is_what_was_hit():
    m = one("هاجم مسلحون من داعش سيطرة للحشد الشعبي قرب بحيرة حمرين، ما أدى إلى استشهاد مقاتل.")
    assert (m.perpetrator_id, m.target_id) == ("isis", "pmf")
    m = one("انفجرت عبوة ناسفة على دورية للبيشمركة في قضاء مخمور، ما أسفر عن إصابة عنصرين.")
    assert m.target_id == "peshmerga"
    # control, not a checkpoint: "سيطرة" without the possessive lam names no site
    ms = extract("تحدث المسؤول عن سيطرة الحشد الشعبي على المنطقة منذ سنوات.", PUB)
    assert ms == []


def test_extract_turkeys_neutralized_fighters_are_an_operation_with_no_death_count():
    m = one(
        "أعلنت وزارة الدفاع التركية، يوم الجمعة، تحييد ثلاثة من عناصر حزب العمال الكردستاني في منطقة زاب."
    )
    assert (m.perpetrator_id, m.target_id) == ("turkish_forces", "pkk")
    assert m.killed_best is None


def test_extract_aircraft_named_by_type_strike_only_when_they_act():
    m = one("دمرت مقاتلات سوخوي العراقية وكرا لعصابات داعش في سلسلة جبال حمرين، اليوم الأحد.")
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == (
        "iraqi_security_forces",
        "isis",
        "Air/drone strike",
    )
    # aircraft delivered, flying over a parade, in maintenance: no strike
    for text in (
        "تسلمت القوة الجوية العراقية دفعة جديدة من طائرات إف-16 في قاعدة بلد الجوية اليوم.",
        "حلقت طائرات حربية عراقية فوق ساحة الاحتفالات في بغداد ضمن استعراض عيد الجيش.",
        "قال قائد القوة الجوية إن مقاتلات سوخوي تخضع لصيانة في قاعدة الإمام علي الجوية.",
    ):
        assert extract(text, PUB) == [], text


def test_extract_who_proceeded_to_kill_is_the_attacker_and_a_command_name_is_no_series():
    # "أقدم ... على قتل": a killing by the named group; "قيادة عمليات نينوى" is a command's
    # name, not a plural of operations that would make the act a generic series
    m = one(
        "أقدم مسلحون من تنظيم داعش على قتل أربعة صيادين في بادية الحضر جنوبي الموصل،"
        " بحسب ضابط في قيادة عمليات نينوى."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "isis",
        "civilians",
        "Attack",
        4,
    )


def test_extract_what_the_arrested_were_involved_in_is_the_charge():
    m = one(
        "أعلن جهاز الأمن الوطني اعتقال ثلاثة عناصر من عصائب أهل الحق متورطين بتفجير عبوة ناسفة"
        " على رتل للدعم اللوجستي، خلال عملية في قضاء الزبير."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Arrests",
        "iraqi_security_forces",
        "asaib_ahl_al_haq",
    )


def test_extract_a_period_count_of_operations_is_a_tally():
    ms = extract(
        "أعلنت قيادة العمليات المشتركة أن القطعات نفذت خلال الشهر الماضي 48 عملية ضد خلايا داعش"
        " في عدة محافظات، أسفرت عن مقتل 9 إرهابيين واعتقال 31 آخرين.",
        PUB,
    )
    assert ms == []


def test_extract_villages_shelled_are_civilians_hit():
    m = one(
        "قصفت المدفعية الإيرانية قرى حدودية في قضاء بنجوين بمحافظة السليمانية، صباح اليوم، دون خسائر بشرية."
    )
    assert (m.perpetrator_id, m.target_id) == ("iran_forces", "civilians")


def test_extract_a_verb_after_a_background_link_takes_the_narrative_back():
    # "على خلفية <act>، و<plural verb>": the crowd of the opening clause acts again, where
    # the opening clause put it; the cause is told in passing
    m = one(
        "تجمع المئات من المحتجين في مدينة الديوانية على خلفية اختطاف ناشط مدني قبل أيام،"
        " وأحرقوا مقر حزب الدعوة، ما أدى إلى إصابة 5 من عناصر الشرطة."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.governorate, m.wounded_best) == (
        "Violent demonstration",
        "protesters",
        "Qadisiyyah",
        5,
    )


def test_extract_a_brawl_with_firearms_is_a_clash_not_an_attack_on_civilians():
    # (the dead are "أشخاص", the people word of the civilians-hit fallback; a brawl is
    # fought on both sides)
    m = one(
        "قتل شخصان وأصيب ثلاثة آخرون في مشاجرة بالأسلحة النارية بين عائلتين في ناحية الحمزة"
        " جنوبي الديوانية، مساء أمس."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best, m.wounded_best) == ("Armed clash", None, 2, 3)


def test_extract_those_who_met_their_death_belong_to_the_group_named_with_them():
    # (an armed faction named with no role word reads as the attacker: "لقي" tells its dead)
    m = one("لقي ثلاثة مقاتلين من كتائب سيد الشهداء حتفهم بانفجار لغم أرضي في قضاء القائم، يوم الأحد.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "kataib_sayyid_al_shuhada", 3)


def test_extract_a_strike_named_after_the_victims_among_them_is_the_attackers():
    # "بينهم امرأتان بقصف مدفعي إيراني": the women are among the wounded; the shelling that
    # follows is Iran's attack, not a group the women belong to
    m = one("أصيب ستة أشخاص بينهم امرأتان بقصف مدفعي إيراني على قرى ناحية سيدكان في أربيل، صباح اليوم.")
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("iran_forces", "civilians", 6)


def test_extract_a_large_open_toll_of_one_act_named_by_its_singular_noun_is_kept():
    m = one("ارتفعت حصيلة ضحايا الانفجار الذي هز سوقا في مدينة الحلة، أمس، إلى 31 قتيلا وأكثر من 60 جريحا.")
    assert (m.killed_best, m.wounded_best, m.wounded_high) == (31, 60, None)
    # a running toll of many acts stays out
    ms = extract("خلفت أعمال العنف منذ بداية الشهر أكثر من 60 جريحا في محافظة بابل.", PUB)
    assert all(m.wounded_best is None for m in ms)


def test_extract_no_event_in_a_drill_a_conviction_or_settling_scores():
    for text in (
        # a drill with live ammunition, told with its artillery and rockets
        "أجرت قطعات الجيش العراقي تمرينا تعبويا بالذخيرة الحية في ميدان الرمي شمالي تكريت،"
        " استخدمت فيه المدفعية الثقيلة وراجمات الصواريخ.",
        # a court convicts for a bombing of years ago: the charge, not an event of the day
        "قضت محكمة الجنايات المركزية بالسجن المؤبد على مدان بتفجير عبوة ناسفة في سوق ببغداد"
        " عام 2017 أسفرت عن مقتل خمسة أشخاص.",
        # "تصفية الحسابات": settling scores, no killing
        "حذر رئيس الوزراء، اليوم، من تحويل المحافظة إلى ساحة لتصفية الحسابات بين الكتل السياسية.",
    ):
        assert extract(text, PUB) == [], text


def test_extract_a_unit_commander_of_a_faction_is_its_member_and_his_assassination_kills_one():
    # "آمر فوج في الحشد": the unit word links the member word to its body
    m = one("اغتال مسلحون مجهولون آمر لواء في الحشد الشعبي أمام منزله في ناحية العظيم، مساء أمس.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "pmf", 1)


def test_extract_a_related_context_opens_another_act():
    ms = extract(
        "قتل مدنيان بانفجار عبوة ناسفة في سوق بقضاء الشرقاط صباح اليوم.\n\n"
        "وفي سياق متصل، أصيب جندي بنيران قناص استهدف نقطة عسكرية في ناحية الزاب.",
        PUB,
    )
    assert sorted((m.target_id, m.killed_best, m.wounded_best) for m in ms) == [
        ("civilians", 2, None),
        ("iraqi_security_forces", None, 1),
    ]


def test_extract_a_suicide_bomber_among_the_dead_is_no_suicide_bombing():
    m = one(
        "قتل أربعة إرهابيين بينهم انتحاري يرتدي حزاما ناسفا خلال عملية أمنية نفذتها قوات الرد"
        " السريع في صحراء الحضر جنوبي الموصل."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == (
        "iraqi_security_forces",
        "isis",
        "Armed clash",
    )


def test_extract_a_tribal_fight_written_definite_and_a_stabbing_are_events():
    m = one("تجدد النزاع العشائري بين عشيرتين في قضاء الرفاعي، ما أسفر عن سقوط ثلاثة قتلى وجريحين.")
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 3, 2)
    m = one("أقدم شاب على طعن امرأة بسكين داخل منزلها في حي الأمير بمدينة النجف، ما أدى إلى مقتلها.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 1)
    # a legal appeal is no stabbing
    assert extract("طعن أربعة نواب بنتائج الانتخابات أمام المحكمة الاتحادية في بغداد اليوم.", PUB) == []


def test_extract_the_next_sentence_telling_how_the_act_was_done_is_the_same_act():
    # an ambush, then a quote on how it went (a bomb, then gunfire): one event, not an
    # extra bombing with no attacker
    ms = extract(
        "قتل ثلاثة جنود بكمين نصبه مسلحو داعش لدورية في قضاء الحضر جنوبي الموصل، ليلة أمس.\n\n"
        'وقال ضابط في قيادة عمليات نينوى إن "المهاجمين فجروا عبوة ناسفة على العجلة ثم فتحوا النار'
        ' على الجنود".',
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("isis", "iraqi_security_forces", 3)
    ]


def test_extract_a_feud_with_a_bystander_among_the_wounded_stays_a_clash():
    m = one(
        "اندلعت اشتباكات مسلحة بين عشيرتين في ناحية الدير شمالي البصرة، ما أدى إلى مقتل شخص"
        " وإصابة ثلاثة آخرين بينهم طفل."
    )
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 1, 3)


def test_extract_a_cell_of_the_group_is_its_people_and_an_official_hurt_is_the_government():
    # "خلية تابعة لتنظيم داعش": the cell is ISIS's own (not ISIS under the arresting force)
    m = one("ألقت قوات الأمن القبض على خلية تابعة لتنظيم داعش مؤلفة من خمسة أشخاص في قضاء الحويجة.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Arrests", "iraqi_security_forces", "isis")
    # an official named by his office, hurt by the blast told after "إثر"
    m = one("أصيب قائممقام قضاء بجروح إثر انفجار عبوة لاصقة أسفل سيارته في مدينة الرمادي.")
    assert m.target_id == "iraqi_government"


def test_extract_the_war_an_act_protests_is_no_site_of_it():
    m = one(
        "اقتحم العشرات من أنصار الفصائل مطعما في منطقة المنصور ببغداد وحطموا محتوياته،"
        " احتجاجا على الحرب في غزة، مساء أمس."
    )
    assert (m.governorate, m.location, m.perpetrator_id) == ("Baghdad", "Mansour", "protesters")


def test_extract_irans_terrorists_in_the_kurdistan_region_are_not_isis():
    # in Iran's statements the "terrorist groups" it strikes in the Kurdistan Region are the
    # Iranian Kurdish opposition parties, as Turkey's "terrorists" are the PKK
    m = one(
        "أعلن الحرس الثوري الإيراني، اليوم، أنه قصف بالصواريخ والطائرات المسيرة مقرات لجماعات"
        " إرهابية في قضاء كويسنجق بمحافظة أربيل."
    )
    assert (m.perpetrator_id, m.target_id) == ("iran_forces", "political_parties")


def test_extract_the_act_they_were_involved_in_is_an_earlier_one_not_this_ones_count_or_day():
    # "المتورطين في اغتيال ضابط ... الشهر الماضي": a relative clause about an earlier act; its
    # victim and its month are not this clash's
    ms = extract(
        "قتل ثلاثة من المسلحين المتورطين في اغتيال ضابط في الشرطة الشهر الماضي، خلال اشتباك مع"
        " قوة أمنية في قضاء المقدادية اليوم.",
        PUB,
    )
    today = [m for m in ms if m.event_date == PUB]
    assert [(m.location, m.killed_best) for m in today] == [("Muqdadiyah", 3)]


# ---- 0.4.7: killings told by the force that made them, security operations, new places


def test_extract_a_force_that_kills_named_as_the_subject_is_the_perpetrator():
    for text in (
        "قتلت القوات الأمنية ثلاثة إرهابيين في الرمادي.",
        "قال المتحدث باسم العمليات المشتركة إن القوات الأمنية قتلت ثلاثة إرهابيين في الرمادي.",
    ):
        m = one(text)
        assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 3), text
    m = one("قتلت عصابات داعش الإرهابية مختار قرية وولده في قضاء الدور.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "civilians", 2)
    # a passive with its victim is no killer named
    assert extract("قتلت امرأة وأصيب طفلها في الرمادي.", PUB) == []


def test_extract_a_force_that_announces_enemy_fighters_dead_killed_them():
    m = one("أعلنت قيادة العمليات المشتركة مقتل ثلاثة إرهابيين في صحراء الأنبار.")
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.claimed) == (
        "iraqi_security_forces",
        "isis",
        3,
        False,
    )
    m = one("أعلنت وزارة الدفاع التركية مقتل 12 من عناصر حزب العمال في غارات جوية على منطقة متينا.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "pkk", 12)
    # not the dead others killed: "مقتل مدني برصاص إرهابيين"
    m = one("أعلنت خلية الإعلام الأمني مقتل مدني برصاص إرهابيين في ديالى.")
    assert m.perpetrator_id != "iraqi_security_forces"
    # nor a running total
    assert extract("أعلنت قيادة العمليات المشتركة مقتل أكثر من 200 إرهابي منذ بداية العام الجاري.", PUB) == []


def test_extract_a_security_operation_is_the_security_forces_act():
    m = one("أسفرت عملية أمنية في قضاء الطارمية عن مقتل إرهابيين اثنين واعتقال ثالث.")
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "iraqi_security_forces",
        "isis",
        2,
        "Baghdad",
    )
    # a sweep with nothing happening is no incident
    assert extract("نفذت القوات الأمنية عملية أمنية واسعة في قضاء الطارمية لتفتيش البساتين.", PUB) == []


def test_extract_a_tribal_fight_in_the_accusative_is_a_clash():
    m = one("شهدت ناحية الحيرة في النجف نزاعا عشائريا أسفر عن مقتل شخص وإصابة اثنين.")
    assert (m.sub_event_type, m.governorate, m.killed_best, m.wounded_best) == ("Armed clash", "Najaf", 1, 2)


def test_extract_a_base_name_that_begins_with_bid_is_no_passive_agent():
    # "بيدر" begins with "بيد" (by the hand of): the faction still did it
    m = one("استهدفت المقاومة الإسلامية في العراق بطائرة مسيرة قاعدة تل بيدر في سوريا.")
    assert (m.perpetrator_id, m.target_id, m.country) == ("islamic_resistance_iraq", "us_forces", "Syria")


@pytest.mark.parametrize(
    "text, governorate, location",
    [
        ("قتل جنديان بهجوم لداعش على نقطة للجيش في صحراء الثرثار.", None, "Lake Tharthar"),
        (
            "أصيب ثلاثة منتسبين بانفجار عبوة ناسفة في منطقة جسر ديالى جنوب شرقي بغداد.",
            "Baghdad",
            "Jisr Diyala",
        ),
        ("اغتال مسلحون مجهولون مختار قرية في ناحية العباسي بمحافظة كركوك.", "Kirkuk", "Abbasi"),
        ("قتل مدني بانفجار عبوة ناسفة في ناحية بني سعد جنوب بعقوبة.", "Diyala", "Bani Saad"),
        (
            "أعلنت هيئة الحشد الشعبي مقتل خمسة من عناصر داعش خلال تصديها لهجوم في صحراء الحضر.",
            "Nineveh",
            "Hatra",
        ),
    ],
)
def test_extract_places_added_to_the_gazetteer(text, governorate, location):
    m = one(text)
    assert (m.governorate, m.location) == (governorate, location)


def test_extract_a_short_place_name_is_not_read_in_a_common_word():
    # "وانة" (a Nineveh district) is "وأنه" once normalized
    m = one("قال مصدر إن مسلحين اغتالوا ناشطا في الناصرية، وأنه فارق الحياة في المستشفى.")
    assert m.location == "Nasiriyah"


# ---- 0.4.8: a force that managed to kill, a unit of a force as the killer, sector names


def test_extract_a_force_that_managed_to_kill_is_the_perpetrator():
    for text, killed in (
        ("تمكنت قوة من جهاز مكافحة الإرهاب من قتل أربعة إرهابيين في جبال مكحول.", 4),
        ("تمكنت القوات الأمنية من قتل اثنين من عناصر داعش في وادي حوران.", 2),
        ("نجحت قوة من الشرطة الاتحادية في قتل إرهابي بارز جنوبي سامراء.", 1),
    ):
        m = one(text)
        assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", killed), (
            text
        )
    # managing something else is no killing
    assert extract("تمكنت القوات الأمنية من فتح الطريق الدولي في قضاء الرطبة.", PUB) == []


def test_extract_a_unit_of_a_force_that_kills_is_the_force():
    m = one("قتلت قوة من الجيش العراقي ستة من عناصر داعش في كمين شمالي تكريت.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 6)
    m = one("قتلت طائرات التحالف الدولي ثلاثة من قادة داعش في غارة على وادي الشاي.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("coalition", "isis", 3)


def test_extract_a_military_sector_is_no_plural_of_attacks():
    # "قاطع عمليات سامراء" names a command's sector, not many operations
    m = one("قتل منتسب في الحشد الشعبي وأصيب آخر بهجوم لداعش على نقطة في قاطع عمليات الجزيرة.")
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == ("isis", "pmf", 1, 1)


def test_extract_gunmen_suspected_of_belonging_to_a_group_are_that_group():
    for text in (
        "هاجم مسلحون يعتقد أنهم من داعش نقطة للشرطة في قضاء الحويجة ما أدى إلى مقتل شرطيين.",
        "هاجم مسلحون يشتبه بانتمائهم إلى تنظيم داعش نقطة للشرطة في قضاء الحويجة ما أدى إلى مقتل شرطيين.",
    ):
        m = one(text)
        assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "iraqi_security_forces", 2), text
    # gunmen who went to a site of a force are no part of it
    m = one("تسلل مسلحون إلى مقر الحشد الشعبي في قضاء الطارمية وقتلوا اثنين من حراسه.")
    assert m.perpetrator_id != "pmf"


def test_extract_the_shooter_between_the_verb_and_the_fire():
    m = one("فتح مسلح النار على حفل زفاف في قرية تابعة لقضاء بيجي ما أسفر عن مقتل ثلاثة أشخاص.")
    assert (m.perpetrator_id, m.target_id, m.weapon, m.killed_best) == (
        "unknown",
        "civilians",
        "small_arms",
        3,
    )


def test_extract_a_resort_and_shepherds_are_civilians():
    m = one("قتل خمسة سياح بقصف مدفعي تركي استهدف مصيفا في قضاء العمادية.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "civilians", 5)
    m = one("قتل راعيان بانفجار لغم أرضي في صحراء النخيب.")
    assert (m.target_id, m.killed_best) == ("civilians", 2)


# ---- 0.4.9: multi-sentence reports (recaps, mourning units, both attacks), a day after


def test_extract_an_announcer_only_tells_a_strike_another_force_made():
    m = one(
        "أعلن جهاز مكافحة الإرهاب في إقليم كردستان مقتل اثنين من عناصر حزب العمال الكردستاني بغارة"
        " لطائرة مسيرة تركية استهدفت عجلتهما في قضاء دوكان."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "pkk", 2)


def test_extract_in_al_sadr_is_no_muqtada_al_sadr():
    # "في الصدر": the chest, or Sadr City for short -- never the Sadrist leader
    m = one("أصيب شاب بطلق ناري في الصدر خلال هجوم مسلح على محل لبيع الهواتف في حي الجامعة ببغداد.")
    assert m.perpetrator_id == "unknown"
    m = one(
        "ارتفعت حصيلة ضحايا الانفجار الذي استهدف سوقا شعبيا في مدينة الصدر، اليوم، إلى سبعة قتلى.",
        title="ارتفاع حصيلة انفجار سوق في الصدر",
    )
    assert (m.perpetrator_id, m.killed_best) == ("unknown", 7)


def test_extract_a_pluperfect_right_after_a_toll_tells_how_that_event_happened():
    ms = extract(
        "ارتفعت حصيلة ضحايا الانفجار الذي ضرب سوقا شعبيا في قضاء الخالص، مساء أمس، إلى تسعة قتلى و25"
        " جريحا.\nوكانت عبوة ناسفة قد انفجرت وسط السوق المكتظ بالمتبضعين.\nوتبنى تنظيم داعش الهجوم في بيان.",
        PUB,
    )
    assert [
        (m.event_date, m.sub_event_type, m.perpetrator_id, m.claimed, m.killed_best, m.wounded_best)
        for m in ms
    ] == [(PUB - dt.timedelta(days=1), "Remote explosive/landmine/IED", "isis", True, 9, 25)]
    # a pluperfect with its own earlier day is still an earlier event
    ms = extract(
        "ارتفعت حصيلة ضحايا الانفجار الذي ضرب سوقا شعبيا في قضاء الخالص إلى تسعة قتلى.\nوكانت عبوة"
        " ناسفة قد انفجرت في السوق ذاته في كانون الثاني الماضي.",
        PUB,
    )
    assert sorted(str(m.event_date) for m in ms)[-1] == str(PUB)


def test_extract_a_sentence_about_many_acts_names_no_party_of_this_one():
    ms = extract(
        "أعلن جهاز مكافحة الإرهاب مقتل إرهابي بارز يدعى أبو حمزة بعملية نوعية في قضاء الطارمية.\nوأضاف"
        " البيان أن الإرهابي كان متورطا في تنفيذ عدة هجمات ضد المدنيين والقوات الأمنية.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("iraqi_security_forces", "isis", 1)
    ]


def test_extract_a_mourned_unit_is_the_mourners_own_and_the_statement_day_is_not_the_events():
    m = one(
        "نعت هيئة الحشد الشعبي، اليوم الأحد، اثنين من منتسبي اللواء 22 استشهدا بهجوم لداعش على موقعهم"
        " في قضاء الطارمية فجر أمس."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.event_date) == (
        "isis",
        "pmf",
        2,
        PUB - dt.timedelta(days=1),
    )


def test_extract_who_is_charged_with_both_attacks_did_each():
    ms = extract(
        "تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة صباح اليوم، فيما سقط صاروخان قرب قاعدة فكتوريا في"
        " مطار بغداد بعد ساعات.\nواتهمت الحكومة العراقية كتائب حزب الله بالوقوف وراء الهجومين.",
        PUB,
    )
    assert sorted((m.location, m.perpetrator_id) for m in ms) == [
        ("Ain al-Asad Air Base", "kataib_hezbollah"),
        ("Victory Base (Baghdad Airport)", "kataib_hezbollah"),
    ]
    # outlaw groups unnamed are unknown, and the accuser is no party
    ms = extract(
        "تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة صباح اليوم.\nواتهمت الحكومة العراقية جماعات خارجة"
        " عن القانون بالوقوف وراء الهجوم.",
        PUB,
    )
    assert [m.perpetrator_id for m in ms] == ["unknown"]


def test_extract_an_act_a_day_before_the_news_is_dated_so():
    m = one(
        "دعا زعيم التيار الصدري مقتدى الصدر، اليوم، أنصاره إلى الهدوء، بعد يوم من اشتباكات دامية في"
        " المنطقة الخضراء أسفرت عن مقتل 12 شخصا."
    )
    assert (m.location, m.killed_best, m.event_date) == ("Green Zone", 12, PUB - dt.timedelta(days=1))


def test_a_country_wide_summary_gives_way_to_its_named_site_under_an_umbrella():
    # "غارات ضد كتائب حزب الله في العراق", then a strike on a PMF site at al-Qaim: Kata'ib
    # Hezbollah is a PMF faction, so the named strike is one the summary sums up
    from marsad.extract import assemble, vocab

    iraq, qaim = vocab.find_places("في العراق وفي منطقة القائم")
    strike = "Air/drone strike"
    summary = assemble.Event(
        frames=[],
        sub_event=strike,
        place=iraq,
        roles=[
            assemble.Role("us_forces", "perp", 3.0, 0),
            assemble.Role("kataib_hezbollah", "target", 2.5, 1),
        ],
    )
    named = assemble.Event(
        frames=[],
        sub_event=strike,
        place=qaim,
        roles=[assemble.Role("us_forces", "perp", 2.5, 0), assemble.Role("pmf", "target", 2.5, 1)],
    )
    assert [e is named for e in assemble._drop_country_summaries([summary, named])] == [True]
    # another party's strike elsewhere is no part of the summary
    named.roles[1] = assemble.Role("isis", "target", 2.5, 1)
    assert len(assemble._drop_country_summaries([summary, named])) == 2


# ---- 0.5.0: a faction's own voice, another target, members of parliament, opposition parties


def test_extract_a_factions_fighters_as_the_subject_tell_its_claim():
    m = one(
        "نصرة لأهلنا في غزة، استهدف مجاهدو المقاومة الإسلامية في العراق، فجر اليوم، قاعدة الاحتلال"
        " الأمريكي في حقل العمر بسوريا بالطيران المسير."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.country) == (
        "islamic_resistance_iraq",
        "us_forces",
        True,
        "Syria",
    )


def test_extract_another_target_is_another_act():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق أن مجاهديها استهدفوا بالطيران المسير هدفا حيويا في إيلات،"
        " وهدفا آخر في الجولان المحتل.",
        PUB,
    )
    assert sorted(m.location for m in ms) == ["Eilat", "Golan Heights"]


def test_extract_the_kind_of_rocket_is_not_where_it_came_from():
    m = one(
        "أطلق مسلحون مجهولون صاروخين من نوع كاتيوشا على السفارة الأمريكية في بغداد، تمكنت منظومة"
        " الدفاع الجوي من اعتراض أحدهما."
    )
    assert (m.location, m.target_id) == ("US Embassy Baghdad", "us_forces")


def test_extract_a_member_of_parliament_an_opposition_party_and_truffle_hunters():
    m = one("تعرض النائب عن محافظة صلاح الدين لمحاولة اغتيال بإطلاق نار على سيارته في قضاء بيجي.")
    assert m.target_id == "iraqi_government"
    m = one(
        "قصفت طائرة مسيرة إيرانية مخيما لحزب كوملة الكردي المعارض في قضاء كويسنجق ما أدى إلى إصابة ثلاثة."
    )
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("iran_forces", "political_parties", 3)
    m = one("قتل أربعة من جامعي الكمأ بانفجار لغم أرضي في صحراء النخيب.")
    assert (m.target_id, m.killed_best) == ("civilians", 4)


# ---- 0.5.1: neutralized fighters, thrown bombs, where a drone flew to


def test_extract_the_fighters_a_force_neutralized_are_the_target():
    m = one("أعلنت وزارة الدفاع التركية تحييد ثلاثة من عناصر حزب العمال الكردستاني في منطقة غارا.")
    assert (m.perpetrator_id, m.target_id, m.governorate, m.location) == (
        "turkish_forces",
        "pkk",
        "Duhok",
        "Gara Mountain",
    )


def test_extract_a_bomb_thrown_at_a_party_office_is_an_explosive_attack():
    m = one("تعرض مكتب حزب الفضيلة في حي العسكري بالناصرية لهجوم بقنبلة صوتية أسفر عن أضرار مادية.")
    assert (m.sub_event_type, m.target_id, m.governorate) == (
        "Remote explosive/landmine/IED",
        "political_parties",
        "Dhi Qar",
    )


def test_extract_where_a_drone_flew_to_is_no_launch_site():
    m = one("أسقطت الدفاعات الجوية طائرة مسيرة أطلقت من منطقة مجهولة باتجاه قاعدة حرير شمالي أربيل.")
    assert (m.sub_event_type, m.location) == ("Disrupted weapons use", "Harir Air Base")


def test_extract_an_arrested_terror_suspect_is_isis():
    m = one("ألقت قوة من الشرطة القبض على مطلوبين بقضايا إرهابية في ناحية العلم شرقي تكريت.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Arrests", "iraqi_security_forces", "isis")
    m = one("اعتقلت القوات الأمنية متهما بالإرهاب في قضاء بيجي.")
    assert m.target_id == "isis"


def test_extract_two_bodies_found_in_the_construct_dual():
    m = one("عثر على جثتي شابين مقتولين بطلقات نارية في منطقة زراعية بقضاء الخالص.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 2)


# ---- 0.5.2: acts denied, repeated, confessed


def test_extract_an_act_whose_report_is_denied_did_not_happen():
    text = (
        "نفت خلية الإعلام الأمني، اليوم، الأنباء التي تحدثت عن سقوط صواريخ على قاعدة بلد الجوية،"
        " مؤكدة أن الأصوات ناجمة عن تفجير مسيطر عليه لمخلفات حربية."
    )
    assert extract(text, PUB) == []
    assert (
        extract("وأكد المتحدث أن لا صحة لما تداولته مواقع عن تعرض رتل للتحالف لهجوم في الناصرية.", PUB) == []
    )
    # a denial of who did it still leaves the act
    m = one("نفت كتائب حزب الله مسؤوليتها عن الهجوم بطائرة مسيرة على قاعدة حرير فجر اليوم.")
    assert m.location == "Harir Air Base"


def test_extract_acts_repeated_over_a_period_are_a_series():
    text = (
        "بحث مجلس النواب تكرار القصف التركي على قرى إقليم كردستان، الذي أسفر منذ مطلع العام عن مقتل"
        " أكثر من 15 مدنيا."
    )
    assert extract(text, PUB) == []
    # continuing clashes with their own toll are an event
    m = one("أدى استمرار الاشتباكات العشائرية في قضاء الشطرة إلى مقتل شخصين.")
    assert m.killed_best == 2


def test_extract_what_a_convict_confessed_to_is_no_new_act():
    text = "وقال مجلس القضاء الأعلى إن المدان اعترف بنقل السيارة المفخخة إلى موقع التفجير في منطقة الكرادة."
    assert extract(text, PUB) == []


@pytest.mark.parametrize(
    "text, governorate, location",
    [
        ("قتل ثلاثة من البيشمركة بهجوم لداعش في سلسلة جبال قرة جوخ.", "Nineveh", "Qara Chokh Mountain"),
        ("انفجرت عبوة ناسفة على رتل للدعم اللوجستي في ناحية جبلة شمالي الحلة.", "Babil", "Jibla"),
        ("قتل مدني برصاص مسلحين مجهولين في قضاء الميمونة جنوبي العمارة.", "Maysan", "Maimouna"),
        ("اندلع نزاع عشائري في ناحية سيد دخيل أسفر عن مقتل شخصين.", "Dhi Qar", "Sayyid Dakhil"),
    ],
)
def test_extract_places_added_to_the_gazetteer_in_0_5_3(text, governorate, location):
    m = one(text)
    assert (m.governorate, m.location) == (governorate, location)


def test_extract_a_common_word_is_no_new_place():
    # "المدينة" (the city) and "الإصلاح" (reform) name districts only after قضاء / ناحية
    m = one("قتل جنديان بهجوم لداعش قرب المدينة القديمة في الموصل من أجل الإصلاح.")
    assert m.location == "Mosul"


# ---- 0.5.4


def test_extract_a_toll_that_rose_in_a_later_sentence_supersedes_the_first():
    ms = extract(
        "قتل ثلاثة أشخاص وأصيب ستة آخرون بقصف مدفعي تركي على قرية في ناحية باطوفة، اليوم.\nوأفاد"
        " مصدر طبي لاحقا بارتفاع حصيلة القتلى إلى خمسة بعد وفاة اثنين من المصابين.",
        PUB,
    )
    assert [m.killed_best for m in ms] == [5]


def test_extract_a_named_force_that_opened_fire_on_people_attacked_them():
    m = one(
        "فتحت قوات حرس الحدود الإيرانية النار على عتالين أكراد قرب الحدود في قضاء سيدكان ما أدى إلى مقتل ثلاثة منهم."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "iran_forces",
        "civilians",
        3,
        "Erbil",
    )


def test_extract_a_raid_on_a_criminal_den_is_the_forces_act_not_an_attack_on_civilians():
    m = one("داهمت قوة من الشرطة وكرا لتجار المخدرات في قضاء الزبير واشتبكت معهم ما أسفر عن مقتل أحدهم.")
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == ("iraqi_security_forces", None, "Armed clash")


def test_extract_a_booby_trapped_car_and_stones_thrown_by_protesters():
    m = one("انفجرت سيارة ملغمة قرب سيطرة للجيش في قضاء الطارمية ما أدى إلى مقتل جنديين.")
    assert (m.sub_event_type, m.weapon, m.perpetrator_id, m.target_id) == (
        "Remote explosive/landmine/IED",
        "ied",
        "unknown",
        "iraqi_security_forces",
    )
    m = one("هاجم عشرات المتظاهرين مبنى مجلس المحافظة في الحلة ورشقوه بالحجارة.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "protesters")


# ---- 0.5.5: a repelled "terrorist assault", machine guns, 'terrorist' attacks on US sites


def test_extract_who_repelled_a_terrorist_assault_was_attacked_by_isis():
    m = one("تصدت قطعات الجيش العراقي لتعرض إرهابي على قرية في قضاء الدبس وأجبرت المهاجمين على الفرار.")
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == (
        "isis",
        "iraqi_security_forces",
        "Armed clash",
    )


def test_extract_machine_guns_with_the_article_are_small_arms():
    m = one("شن مسلحو داعش هجوما بالأسلحة الرشاشة على نقطة للبيشمركة في ناحية قرة تبة دون وقوع إصابات.")
    assert (m.perpetrator_id, m.target_id, m.weapon, m.killed_best) == ("isis", "peshmerga", "small_arms", 0)


def test_extract_a_terrorist_attack_on_us_led_forces_is_not_isis_unless_named():
    m = one("أدانت وزارة الخارجية الاعتداء الإرهابي الذي استهدف قاعدة حرير بطائرة مسيرة فجر اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "us_forces")
    m = one("هاجم عناصر من تنظيم داعش رتلا للتحالف الدولي في صحراء الأنبار.")
    assert (m.perpetrator_id, m.target_id) == ("isis", "coalition")


def test_extract_the_strikes_of_a_summary_named_again_at_a_site_are_its_makers():
    ms = extract(
        "نفذت القوات الأمريكية، فجر اليوم، غارات جوية على عشرات الأهداف في العراق وسوريا.\nوقالت"
        " الحكومة العراقية إن الغارات استهدفت مواقع للحشد الشعبي في قضاء القائم، ما أسفر عن مقتل"
        " ستة أشخاص.",
        PUB,
    )
    assert [(m.location, m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("Al-Qaim", "us_forces", "pmf", 6)
    ]


def test_extract_a_faction_that_announces_its_own_fighters_dead_was_the_target():
    m = one("أعلنت حركة النجباء، اليوم، مقتل ثلاثة من مقاتليها بقصف أمريكي استهدف مقرا لها في قضاء القائم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "nujaba", 3)


# ---- 0.5.7


def test_extract_a_command_that_announces_its_operations_results_made_them():
    m = one(
        "أعلنت قيادة العمليات المشتركة، اليوم، عن نتائج عملية «ثأر الشهداء» في صحراء الحضر، مبينة أن"
        " العملية أسفرت عن قتل تسعة إرهابيين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 9)


def test_extract_the_act_suspects_are_charged_with_after_a_count_is_no_new_act():
    assert (
        extract(
            "أعلنت قيادة شرطة ذي قار اعتقال متهمين اثنين بتنفيذ عملية اغتيال ناشط في الناصرية الشهر الماضي.",
            PUB,
        )
        == []
    )


@pytest.mark.parametrize(
    "text, governorate, location",
    [
        ("قتل راع بانفجار عبوة ناسفة في ناحية العبارة شمال شرقي بعقوبة.", "Diyala", "Abbara"),
        ("أصيب منتسب في الشرطة بهجوم مسلح في ناحية الرشيد جنوبي بغداد.", "Baghdad", "Rashid (Baghdad)"),
        ("قتل مدني بانفجار لغم في ناحية الرمانة غربي الأنبار.", "Anbar", "Rummana"),
    ],
)
def test_extract_places_added_to_the_gazetteer_in_0_5_7(text, governorate, location):
    m = one(text)
    assert (m.governorate, m.location) == (governorate, location)


# ---- 0.5.8


def test_extract_what_an_attempted_arrest_led_to_is_the_clashs_toll():
    m = one(
        "اندلعت اشتباكات بين قوات الشرطة ومسلحين في قضاء الرفاعي بعد محاولة اعتقال مطلوب، ما أسفر عن"
        " مقتل شرطي ومسلحين اثنين."
    )
    assert (m.sub_event_type, m.killed_best) == ("Armed clash", 3)
    # (0.5.9) the unidentified gunmen are its other side; a clash with no clear initiator
    # may be coded either way round (spec section 2)
    assert {m.perpetrator_id, m.target_id} == {"iraqi_security_forces", "unknown"}


def test_extract_villages_shelled_by_a_three_word_subject_are_civilian():
    m = one("قصفت مدفعية الجيش التركي قرى في ناحية كاني ماسي دون وقوع خسائر بشرية.")
    assert (m.perpetrator_id, m.target_id) == ("turkish_forces", "civilians")


# ---- 0.5.9


def test_extract_an_officer_assassinated_with_a_sticky_bomb_was_killed():
    m = one("اغتال مسلحون مجهولون ضابطا في الشرطة بتفجير عبوة لاصقة بسيارته في منطقة الغزالية.")
    assert (m.sub_event_type, m.killed_best) == ("Remote explosive/landmine/IED", 1)
    # an attempt is no death
    m = one("نجا ضابط في الشرطة من محاولة اغتيال بعبوة لاصقة استهدفت سيارته في منطقة الغزالية.")
    assert m.killed_best in (None, 0)


def test_extract_rockets_near_baghdad_airport_hit_its_us_led_hosts_but_not_a_us_strike_there():
    m = one("سقطت ثلاثة صواريخ كاتيوشا في محيط مطار بغداد الدولي دون أن تسفر عن إصابات.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "us_forces")
    m = one("قصفت طائرة مسيرة أمريكية سيارة قرب مطار بغداد الدولي.")
    assert (m.perpetrator_id, m.target_id) == ("us_forces", None)


def test_extract_an_accuser_before_its_verb_is_no_party():
    ms = extract(
        "تعرضت قاعدة فكتوريا قرب مطار بغداد لهجوم بطائرة مسيرة، فجر اليوم.\nولم تتبن أي جهة الهجوم، إلا أن"
        " واشنطن تتهم عادة فصائل مسلحة موالية لإيران بشن مثل هذه الهجمات.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id) for m in ms] == [("iran_aligned_militias", "us_forces")]


# ---- 0.6.0


def test_extract_a_launch_site_owned_by_a_faction_is_what_was_hit():
    m = one(
        "أعلن الجيش الأمريكي أن قواته نفذت ضربة في العراق استهدفت موقعا لإطلاق الطائرات المسيرة تابعا"
        " لكتائب حزب الله في ناحية جرف النصر."
    )
    assert (m.perpetrator_id, m.target_id) == ("us_forces", "kataib_hezbollah")
    # the drones of a faction are still its weapon
    m = one("أسقطت الدفاعات الجوية طائرة مسيرة تابعة لكتائب حزب الله قرب قاعدة حرير.")
    assert m.target_id != "kataib_hezbollah"


def test_extract_no_one_claimed_it_is_no_claim():
    ms = extract(
        "استهدف قصف جوي مجهول، فجر اليوم، مقرا للواء 13 في الحشد الشعبي في قضاء القائم، ما أسفر عن مقتل"
        " منتسب.\nولم تعلن أي جهة مسؤوليتها عن القصف، فيما اتهمت فصائل مسلحة إسرائيل بالوقوف وراءه.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.claimed) for m in ms] == [("israel_forces", "pmf", False)]
    # a claim told after the negation still claims
    m = one(
        "لم تعلن أي جهة مسؤوليتها في البداية، ثم تبنت المقاومة الإسلامية في العراق الهجوم على قاعدة حرير."
    )
    assert (m.perpetrator_id, m.claimed) == ("islamic_resistance_iraq", True)


# ---- 0.6.2


def test_extract_a_speakers_forces_in_the_first_person_were_attacked():
    m = one(
        "قال مسؤول في البيشمركة إن مسلحي داعش هاجموا مواقع لقواتنا في منطقة كرميان ليلة أمس وتمكنا من صد"
        " الهجوم دون خسائر."
    )
    assert (m.perpetrator_id, m.target_id, m.governorate, m.killed_best) == (
        "isis",
        "peshmerga",
        "Sulaymaniyah",
        0,
    )


def test_extract_a_judges_house_is_the_states():
    m = one("تعرض منزل قاضي محكمة الجنايات في الكوت لهجوم بعبوة صوتية فجر اليوم دون إصابات.")
    assert (m.target_id, m.governorate) == ("iraqi_government", "Wasit")


def test_extract_a_body_that_announces_an_enemy_leader_dead_through_its_media_arm_killed_him():
    m = one(
        "أعلن الإعلام الحربي للحشد الشعبي عن مقتل قيادي في داعش خلال اشتباكات مع قوة من اللواء 52 في"
        " صحراء تكريت."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("pmf", "isis", 1)


def test_extract_gunmen_who_killed_a_villager_with_an_active_verb():
    m = one("قتل مسلحون مجهولون مزارعا في قرية تابعة لقضاء الدبس شمال غربي كركوك.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("unknown", "civilians", 1)


# ---- 0.6.5


def test_extract_a_rocket_that_fell_before_its_launcher_was_found_is_an_attack():
    m = one(
        "قالت خلية الإعلام الأمني إن صاروخاً سقط داخل مطار بغداد الدولي دون وقوع إصابات، مشيرة إلى أن"
        " القوات الأمنية عثرت على منصة الإطلاق في منطقة البياع."
    )
    assert (m.sub_event_type, m.weapon, m.killed_best) == ("Shelling/artillery/missile attack", "rocket", 0)
    # rockets found ready to launch were stopped, and the phrase names the weapon
    m = one("عثرت القوات الأمنية على منصة صواريخ معدة للإطلاق قرب مطار بغداد الدولي.")
    assert (m.sub_event_type, m.weapon) == ("Disrupted weapons use", "rocket")
    m = one("عثرت القوات الأمنية على صواريخ معدة للإطلاق في منطقة البياع.")
    assert (m.sub_event_type, m.weapon) == ("Disrupted weapons use", "rocket")
    m = one("تم العثور على عبوة ناسفة وتفكيكها في قضاء الطارمية.")
    assert (m.sub_event_type, m.weapon) == ("Disrupted weapons use", "ied")


def test_extract_the_unnamed_pro_iran_factions_describing_the_named_coalition():
    ms = extract(
        "تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة. وتبنت المقاومة الإسلامية في العراق، وهي تحالف فصائل"
        " مسلحة موالية لإيران، الهجوم في بيان.",
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.claimed) for m in ms] == [
        ("islamic_resistance_iraq", "us_forces", True)
    ]
    # unnamed alone, they stay unnamed
    m = one("تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة تبنته فصائل مسلحة موالية لإيران.")
    assert m.perpetrator_id == "iran_aligned_militias"


def test_extract_a_units_commander_killed_is_of_the_security_forces():
    m = one("أسفر الهجوم عن مقتل آمر الفوج ونائبه واثنين من حمايته في ناحية العظيم.")
    assert (m.target_id, m.sub_event_type, m.killed_best) == ("iraqi_security_forces", "Armed clash", 4)
    # a commander of a named body is that body's
    m = one("قتل آمر اللواء 30 في الحشد الشعبي بهجوم لداعش في قضاء الطوز.")
    assert (m.perpetrator_id, m.target_id) == ("isis", "pmf")


def test_extract_the_crowd_that_stormed_not_the_forces_that_dispersed_it():
    m = one(
        "اقتحم المئات من أنصار التيار الصدري القصر الجمهوري في المنطقة الخضراء ببغداد، فيما أطلقت القوات"
        " الأمنية الغاز المسيل للدموع لتفريقهم."
    )
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "saraya_al_salam")
    # with no crowd named as acting, the forces that fired stay the event's side
    m = one(
        "أطلقت قوات مكافحة الشغب النار على محتجين حاولوا اقتحام مبنى مجلس محافظة البصرة، ما أدى إلى إصابة"
        " سبعة منهم."
    )
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("iraqi_security_forces", "protesters", 7)


def test_extract_a_reply_at_another_place_is_another_event():
    ms = extract(
        "أعلنت وزارة الدفاع الأمريكية أن ثلاثة جنود أمريكيين أصيبوا بجروح طفيفة في هجوم بطائرة مسيرة استهدف"
        " قاعدة عين الأسد أمس.\nوتبنت المقاومة الإسلامية في العراق الهجوم.\nوفي وقت لاحق، شنت طائرات"
        " أمريكية غارة على موقع لكتائب حزب الله في منطقة القائم، ما أدى إلى مقتل اثنين من عناصرها.",
        PUB,
    )
    got = sorted((m.perpetrator_id, m.target_id, m.location, m.killed_best, m.wounded_best) for m in ms)
    assert got == [
        ("islamic_resistance_iraq", "us_forces", "Ain al-Asad Air Base", None, 3),
        ("us_forces", "kataib_hezbollah", "Al-Qaim", 2, None),
    ]


def test_extract_who_the_dead_were_said_after_and_the_headlines_attacker():
    m = one("قتل شخصان بغارة تركية في قضاء جمجمال. وقالت الأسايش إن القتيلين من عناصر حزب العمال الكردستاني.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "pkk", 2)
    # the headline names the attacker the body leaves out, though the body names the dead
    ms = extract(
        "استهدفت طائرة مسيرة، مساء أمس، سيارة على طريق قضاء جمجمال في محافظة السليمانية، ما أدى إلى مقتل"
        " شخصين كانا بداخلها.\nوقالت مديرية الأسايش في بيان إن القتيلين من عناصر حزب العمال الكردستاني.",
        PUB,
        "غارة تركية تستهدف سيارة في السليمانية",
    )
    assert [(m.perpetrator_id, m.target_id) for m in ms] == [("turkish_forces", "pkk")]


def test_extract_the_act_itself_denied_is_no_event():
    assert (
        extract(
            "نفى الحشد الشعبي تعرض مقاره في قاعدة الصقر لأي قصف جوي، مؤكدا أن الانفجار نجم عن سوء تخزين"
            " للأعتدة.",
            PUB,
        )
        == []
    )
    assert extract("نفت وزارة الدفاع وقوع أي هجوم على قاعدة بلد الجوية.", PUB) == []
    # a denied toll is no denied act
    m = one("تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة، ونفت القيادة وقوع إصابات.")
    assert (m.sub_event_type, m.target_id) == ("Air/drone strike", "us_forces")


def test_extract_shelling_of_a_kind_then_its_group_is_the_groups():
    m = one(
        "قتل عنصر في البيشمركة وأصيب اثنان آخران بقصف مدفعي لحزب العمال الكردستاني على مواقعهم في منطقة"
        " خليفان."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == ("pkk", "peshmerga", 1, 2)


# ---- 0.6.6


def test_extract_others_killed_told_after_add_to_the_named_dead():
    ms = extract(
        "قتل قائد فيلق القدس في الحرس الثوري الإيراني قاسم سليماني ونائب رئيس هيئة الحشد الشعبي أبو مهدي"
        " المهندس، فجر اليوم، بضربة جوية أمريكية قرب مطار بغداد الدولي.\nوأفادت مصادر بأن الضربة أسفرت عن"
        " مقتل ثمانية أشخاص آخرين كانوا برفقتهما.",
        PUB,
    )
    assert [(m.perpetrator_id, m.killed_best) for m in ms] == [("us_forces", 10)]
    # a fuller toll of the same dead, without "others", still supersedes
    m = one("قتل قيادي في داعش بضربة جوية في وادي حوران.\nوأكدت خلية الإعلام الأمني أن الضربة قتلت ثلاثة.")
    assert m.killed_best == 3


def test_extract_more_of_the_salvo_and_both_sites_said_together():
    ms = extract(
        "أعلن الحرس الثوري الإيراني استهداف قاعدة عين الأسد الجوية التي تتمركز فيها قوات أمريكية بعشرات"
        " الصواريخ البالستية.\nكما استهدفت صواريخ أخرى قاعدة للتحالف في أربيل.\nوقال الجيش العراقي إن 22"
        " صاروخاً سقطت على القاعدتين دون وقوع إصابات.",
        PUB,
    )
    got = sorted((m.perpetrator_id, m.target_id, m.governorate, m.killed_best) for m in ms)
    assert got == [("iran_forces", "coalition", "Erbil", 0), ("iran_forces", "us_forces", "Anbar", 0)]
    assert {m.weapon for m in ms if m.governorate == "Anbar"} == {"missile"}


def test_extract_a_third_countrys_border_and_the_site_named_after():
    ms = extract(
        "أعلن الرئيس الأمريكي مقتل ثلاثة جنود أمريكيين في هجوم بطائرة مسيرة استهدف قاعدة عسكرية في شمال"
        " شرقي الأردن قرب الحدود السورية، متهما جماعات مسلحة مدعومة من إيران بتنفيذه.\nوتعرف القاعدة باسم"
        " البرج 22.",
        PUB,
    )
    assert [(m.country, m.location, m.killed_best) for m in ms] == [("Jordan", "Tower 22", 3)]


def test_extract_a_blast_put_down_to_poor_storage_is_an_accident():
    assert (
        extract(
            "هزت انفجارات عنيفة معسكر الصقر التابع للحشد الشعبي جنوبي بغداد، ما أدى إلى مقتل شخص وإصابة 29"
            " آخرين. فيما رجحت مصادر أن تكون الانفجارات ناجمة عن سوء الخزن.",
            PUB,
        )
        == []
    )


def test_extract_ballistic_missiles_named_after_the_rocket_attack():
    m = one(
        "أعلن الحرس الثوري مسؤوليته عن قصف صاروخي استهدف مدينة أربيل. وسقطت 12 صاروخاً باليستياً قرب"
        " القنصلية الأمريكية، وأصيب مدني بجروح."
    )
    assert (m.weapon, m.wounded_best) == ("missile", 1)


# ---- 0.6.7


def test_extract_an_attack_of_a_force_after_the_preposition_la():
    # "لهجوم للجيش التركي": the noun carries the ل that "تعرض" governs; the next ل is its agent
    m = one(
        "تعرض مقر لقوات البيشمركة في قضاء سيدكان لهجوم للجيش التركي بطائرة مسيرة، ما أدى إلى مقتل عنصرين."
    )
    assert (m.perpetrator_id, m.target_id, m.weapon, m.killed_best) == (
        "turkish_forces",
        "peshmerga",
        "drone",
        2,
    )
    m = one("تعرض مطار أربيل الدولي لقصف صاروخي للمقاومة الإسلامية في العراق.")
    assert m.perpetrator_id == "islamic_resistance_iraq"


def test_extract_an_attack_of_a_groups_fighters_is_a_clash():
    m = one("أصيب أربعة من منتسبي الشرطة الاتحادية إثر هجوم لمسلحي داعش على نقطة تفتيش في قضاء الطارمية.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.wounded_best) == (
        "Armed clash",
        "isis",
        "iraqi_security_forces",
        4,
    )


def test_extract_one_unnamed_faction_allied_to_iran():
    m = one("استهدف هجوم بطائرة مسيرة لفصيل مسلح موال لإيران قاعدة فكتوريا قرب مطار بغداد، دون وقوع إصابات.")
    assert (m.perpetrator_id, m.weapon, m.killed_best) == ("iran_aligned_militias", "drone", 0)


def test_extract_the_charge_of_the_arrested_names_no_target():
    m = one("اعتقلت قوة أمنية ثلاثة عناصر من فصيل مسلح متهمين بإطلاق صواريخ على السفارة الأمريكية في بغداد.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Arrests",
        "iraqi_security_forces",
        "iran_aligned_militias",
    )


def test_extract_a_dispersal_with_the_riot_police_named_before_the_crowd():
    m = one("أصيب ستة متظاهرين بجروح خلال تفريق قوات مكافحة الشغب اعتصاما أمام مبنى مجلس محافظة البصرة.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        6,
    )


def test_extract_a_remnant_of_the_war_that_blows_up():
    # ("الحرب" alone is a war talked about, not an act)
    m = one(
        "لقي شقيقان مصرعهما وأصيب ثالث بانفجار مقذوف من مخلفات الحرب أثناء جمعهم الخردة في صحراء الأنبار."
    )
    assert (m.sub_event_type, m.governorate, m.killed_best, m.wounded_best) == (
        "Remote explosive/landmine/IED",
        "Anbar",
        2,
        1,
    )


def test_extract_a_civilian_car_is_a_civilian_target():
    m = one("انفجرت عبوة لاصقة بسيارة مدنية في منطقة الكرادة وسط بغداد، ما أدى إلى إصابة سائقها بجروح.")
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("unknown", "civilians", 1)


def test_extract_a_later_sentence_without_an_act_does_not_outweigh_the_leads_target():
    m = one(
        "انفجرت عبوة ناسفة مستهدفة رتلا تابعا للتحالف الدولي على الطريق السريع في قضاء أبو غريب.\nوأضاف"
        " المصدر أن الرتل لم يتضرر، فيما تضررت سيارة مدنية كانت تقل عائلة أصيب اثنان من أفرادها."
    )
    assert (m.target_id, m.wounded_best) == ("coalition", 2)


def test_extract_a_bomber_stopped_before_he_set_off_his_belt():
    m = one("قتلت قوة من الجيش انتحاريا يرتدي حزاما ناسفا قبل أن يفجر نفسه قرب نقطة تفتيش في قضاء الطارمية.")
    assert (m.sub_event_type, m.killed_best) == ("Disrupted weapons use", 1)


def test_extract_a_separate_operation_told_in_the_same_sentence():
    ms = extract(
        "انفجرت عبوة ناسفة على دورية للشرطة في قضاء الدبس شمال غربي كركوك ما أدى إلى إصابة شرطيين، فيما"
        " قتلت القوات الأمنية ثلاثة إرهابيين في عملية منفصلة بوادي الشاي.",
        PUB,
    )
    got = sorted((m.sub_event_type, m.target_id, m.killed_best, m.wounded_best) for m in ms)
    assert len(got) == 2
    assert ("Remote explosive/landmine/IED", "iraqi_security_forces", None, 2) in got
    assert [(g[1], g[2]) for g in got if g[0] != "Remote explosive/landmine/IED"] == [("isis", 3)]


def test_extract_who_is_responsible_for_an_act_is_not_a_speaker():
    m = one(
        "أعلنت قيادة شرطة ديالى اعتقال الإرهابي المسؤول عن تفجير عبوة ناسفة في سوق بعقوبة، وذلك بكمين محكم"
        " في قضاء المقدادية."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.governorate) == (
        "Arrests",
        "iraqi_security_forces",
        "isis",
        "Diyala",
    )


def test_extract_stones_thrown_with_the_crowd_named_between():
    m = one("رشق العشرات من المحتجين، مساء اليوم، مبنى ديوان محافظة ميسان في العمارة بالحجارة وقناني المياه.")
    assert (m.sub_event_type, m.perpetrator_id, m.governorate) == (
        "Violent demonstration",
        "protesters",
        "Maysan",
    )


def test_extract_the_shooters_named_between_the_noun_of_firing_and_the_fire():
    m = one("أسفر إطلاق عناصر أمنية النار على محتجين قرب مبنى المحافظة في كربلاء عن مقتل اثنين منهم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.weapon, m.killed_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        "small_arms",
        2,
    )


# ---- 0.6.9


def test_extract_fire_exchanged_with_both_sides_named_between():
    m = one(
        "تبادلت قوة من الشرطة ومسلحون مطلوبون للقضاء إطلاق النار في قضاء أبي الخصيب، ما أدى إلى مقتل أحد المسلحين."
    )
    assert (m.sub_event_type, m.killed_best) == ("Armed clash", 1)


def test_extract_a_road_blocked_with_burning_tyres_is_a_violent_demonstration():
    m = one("قطع محتجون غاضبون الطريق الرئيس في قضاء الشطرة بالإطارات المحترقة احتجاجا على انقطاع الكهرباء.")
    assert (m.sub_event_type, m.perpetrator_id, m.governorate) == (
        "Violent demonstration",
        "protesters",
        "Dhi Qar",
    )


def test_extract_a_blast_claimed_by_isis_on_an_armed_side_is_a_bomb():
    m = one(
        "أعلن تنظيم داعش مسؤوليته عن تفجير استهدف تجمعا لقوات البيشمركة في قضاء مخمور، أسفر عن مقتل جنديين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Remote explosive/landmine/IED",
        "isis",
        "peshmerga",
        2,
    )
    # (a blast at an armed group's site told with no attacker stays a strike on it)
    m = one("هز انفجار عنيف مقرا للحشد الشعبي في قاعدة كالسو شمالي بابل، ما أسفر عن مقتل عنصر.")
    assert m.sub_event_type == "Air/drone strike"


def test_extract_the_base_as_subject_of_an_earlier_attack_is_the_base_told_before():
    ms = extract(
        "تعرض مطار أربيل الدولي، مساء اليوم، لهجوم بطائرتين مسيرتين دون وقوع إصابات.\nوكان المطار قد تعرض في"
        " الثالث من الشهر الجاري لهجوم صاروخي أسفر عن إصابة جندي أمريكي.",
        PUB,
    )
    got = sorted((str(m.event_date), m.location, m.sub_event_type, m.wounded_best) for m in ms)
    assert got == [
        ("2024-03-03", "Erbil International Airport", "Shelling/artillery/missile attack", 1),
        ("2024-03-10", "Erbil International Airport", "Air/drone strike", 0),
    ]


def test_extract_a_similar_strike_of_a_foreign_force_is_its_own_in_the_area():
    ms = extract(
        "أصيب ثلاثة مدنيين بقصف مدفعي إيراني استهدف قرية في ناحية سيدكان، صباح اليوم.\nوهذا القصف هو الثالث"
        " على المنطقة خلال الشهر، إذ قتل مزارع في قصف مماثل يوم الخميس الماضي.",
        PUB,
    )
    got = sorted((str(m.event_date), m.perpetrator_id, m.weapon, m.location, m.killed_best) for m in ms)
    assert got == [
        ("2024-03-07", "iran_forces", "other", "Sidakan", 1),
        ("2024-03-10", "iran_forces", "other", "Sidakan", None),
    ]
    # a similar strike with a perpetrator of its own keeps it
    ms = extract(
        "قصفت طائرة مسيرة تركية سيارة في قضاء سنجار، صباح اليوم.\nوفي هجوم مماثل، استهدفت طائرة أمريكية مقرا"
        " للكتائب في القائم.",
        PUB,
    )
    assert sorted(m.perpetrator_id for m in ms) == ["turkish_forces", "us_forces"]


def test_extract_a_strike_thought_to_be_a_states_is_that_states():
    m = one(
        "قصفت طائرة مسيرة يرجح أنها أمريكية سيارة تقل قياديا في حركة النجباء شرقي بغداد، ما أدى إلى مقتله."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "nujaba", 1)
    m = one("استهدفت ضربة جوية يعتقد أنها إسرائيلية مقرا للحشد الشعبي في قضاء القائم.")
    assert (m.perpetrator_id, m.target_id) == ("israel_forces", "pmf")


def test_extract_the_attack_of_a_series_just_named_is_not_the_storys_own():
    ms = extract(
        "سقط صاروخ قرب مطار بغداد الدولي، فجر اليوم، دون وقوع إصابات.\nوتعرضت القوات الأمريكية في العراق"
        " لأربع هجمات بالصواريخ هذا الشهر، منها هجوم طال قاعدة جوية تستضيفها.\nوأصيب جنديان أمريكيان في الهجوم.",
        PUB,
    )
    assert [(m.location, m.killed_best, m.wounded_best) for m in ms] == [
        ("Baghdad International Airport", 0, 0)
    ]


# ---- 0.6.11


def test_extract_a_states_shelling_in_the_accusative_and_its_statement_as_announcer():
    m = one("أفادت مصادر محلية بأن قصفا مدفعيا تركيا استهدف قرى في ناحية كاني ماسي، دون خسائر بشرية.")
    assert (m.perpetrator_id, m.killed_best) == ("turkish_forces", 0)
    m = one("أكد بيان للحرس الثوري الإيراني استهداف مقرات الجماعات الإرهابية في قضاء كويسنجق بالصواريخ.")
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("iran_forces", "political_parties", True)


def test_extract_isis_or_the_pkk_announcing_its_own_strike_claims_it():
    m = one("أعلن تنظيم داعش في بيان استهداف دورية للجيش العراقي بعبوة ناسفة في قضاء الطارمية.")
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("isis", "iraqi_security_forces", True)
    m = one("أعلن حزب العمال الكردستاني استهداف قاعدة تركية في منطقة الزاب بطائرة مسيرة.")
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("pkk", "turkish_forces", True)


def test_extract_weapons_found_with_the_finder_named_are_no_attack():
    m = one("عثرت قوة من الحشد الشعبي على كدس للعتاد يحتوي على 12 صاروخا وعبوات ناسفة في صحراء النخيب.")
    assert (m.sub_event_type, m.killed_best) == ("Disrupted weapons use", None)
    m = one(
        "أعلنت قيادة العمليات أن قوة أمنية عثرت فجر اليوم على منصة محملة بثلاثة صواريخ معدة للإطلاق باتجاه"
        " قاعدة عين الأسد."
    )
    assert m.sub_event_type == "Disrupted weapons use"


def test_extract_rockets_that_fell_counted_before_their_noun_then_the_launcher_found():
    m = one(
        "سقطت أربعة صواريخ كاتيوشا قرب قاعدة فكتوريا، وعثرت القوات الأمنية على منصة الإطلاق في منطقة الرضوانية."
    )
    assert (m.sub_event_type, m.weapon) == ("Shelling/artillery/missile attack", "rocket")


# ---- 0.6.12


def test_extract_an_earlier_act_in_the_same_area_is_placed_where_the_lead_was():
    ms = extract(
        "أصيب جنديان بانفجار عبوة ناسفة في ناحية العظيم، صباح اليوم.\nوكانت عبوة مماثلة قد انفجرت الأسبوع"
        " الماضي في المنطقة ذاتها ما أسفر عن مقتل جندي.",
        PUB,
    )
    got = sorted((m.date_precision, m.location, m.killed_best, m.wounded_best) for m in ms)
    assert got == [("day", "Udhaim", None, 2), ("week", "Udhaim", 1, None)]


def test_extract_rockets_found_by_count_are_disrupted_but_bodies_found_were_killed():
    m = one("عثرت القوات الأمنية على 20 صاروخا في صحراء الأنبار.")
    assert (m.sub_event_type, m.weapon) == ("Disrupted weapons use", "rocket")
    m = one("عثر على جثتي شخصين قتلا بقصف صاروخي في قضاء البعاج.")
    assert (m.sub_event_type, m.killed_best) == ("Shelling/artillery/missile attack", 2)


def test_extract_an_assassination_counts_its_victim_past_the_killers_description():
    m = one(
        "اغتال مسلحون مجهولون يستقلون سيارة حديثة الصنع الكاتب والباحث علي الحسيني قرب منزله في حي"
        " الجامعة بالموصل."
    )
    assert (m.sub_event_type, m.killed_best) == ("Attack", 1)
    # the attempt is still no death
    m = one("نجا الباحث علي الحسيني من محاولة اغتيال نفذها مسلحون مجهولون في حي الجامعة بالموصل.")
    assert m.killed_best == 0


def test_extract_civilians_among_the_dead_do_not_displace_the_faction_struck():
    m = one(
        "شنت طائرات أمريكية غارات على مخازن أسلحة لفصائل مسلحة قرب الحدود في القائم.\n"
        "وقال مصدر محلي إن الغارات أسفرت عن مقتل ستة أشخاص بينهم مدنيون."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "iran_aligned_militias", 6)
    # with nobody else hit, the civilians among the dead are the target
    m = one("قتل خمسة أشخاص بينهم مدنيون بانفجار عبوة ناسفة في سوق شعبي بالموصل.")
    assert (m.target_id, m.killed_best) == ("civilians", 5)


def test_extract_the_guards_of_a_factions_office_firing_on_protesters_are_the_faction():
    m = one(
        "أصيب سبعة محتجين بجروح بعد أن أطلق حراس مقر منظمة بدر في الكوت النار على المتظاهرين الذين تجمعوا"
        " أمام المقر."
    )
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("badr", "protesters", 7)
    # the office attacked with its guards is what was hit
    m = one("أصيب اثنان من حراس مقر منظمة بدر في الكوت بهجوم بقنبلة يدوية.")
    assert m.target_id == "badr"


def test_extract_a_factions_men_falling_on_protesters_is_their_attack_not_a_riot():
    for text in (
        "أقدم مسلحون من سرايا السلام على مهاجمة ساحة الاعتصام وإحراق خيام المعتصمين في الناصرية، ما أدى"
        " إلى مقتل ثلاثة متظاهرين.",
        # (the attack told by its verbal noun alone)
        "أقدم أنصار التيار الصدري على مهاجمة خيام المعتصمين في ساحة الحبوبي وإحراقها، ما أدى إلى مقتل"
        " ثلاثة متظاهرين.",
    ):
        m = one(text)
        assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
            "Attack",
            "saraya_al_salam",
            "protesters",
            3,
        )
    # protesters storming an office stay rioters
    m = one("اقتحم محتجون غاضبون مقر حزب الدعوة في الناصرية وأضرموا النار فيه.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "protesters")


def test_extract_strikes_carried_out_on_counted_sites_are_one_act_besides_the_attack_they_answer():
    ms = extract(
        "قال الجيش الأمريكي إن قواته نفذت ضربات انتقامية على أربعة مواقع تستخدمها حركة النجباء في العراق،"
        " ردا على هجوم صاروخي استهدف قاعدة عين الأسد الأسبوع الماضي.",
        PUB,
    )
    got = sorted((m.sub_event_type, m.perpetrator_id, m.target_id, m.date_precision) for m in ms)
    assert got == [
        ("Air/drone strike", "us_forces", "nujaba", "day"),
        ("Shelling/artillery/missile attack", "unknown", "us_forces", "week"),
    ]
    # strikes summed over months are no one act
    assert extract("نفذت القوات الأمريكية ضربات على مواقع للفصائل خلال الأشهر الماضية.", PUB) == []


def test_extract_a_factions_claimed_strike_on_a_base_without_its_weapon_is_a_strike():
    m = one("أعلنت المقاومة الإسلامية في العراق، مساء اليوم، استهداف قاعدة عين الأسد غربي الأنبار.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.claimed) == (
        "Air/drone strike",
        "islamic_resistance_iraq",
        "us_forces",
        True,
    )
    # the series a side is accused of is no strike
    assert (
        extract(
            "وتتعرض القواعد التي تستضيف قوات أمريكية لهجمات متكررة، وتتهم واشنطن فصائل موالية لإيران"
            " بالوقوف وراء هذه العمليات.",
            PUB,
        )
        == []
    )


def test_extract_a_direction_from_a_city_far_from_other_governorates_keeps_its_governorate():
    m = one("انفجرت عبوة ناسفة على دورية للجيش في قرية شرق الرمادي، ما أسفر عن إصابة جنديين.")
    assert (m.governorate, m.wounded_best) == ("Anbar", 2)
    # south of Baghdad may be Babil's (Kalsu): not said
    m = one("انفجرت عبوة ناسفة على دورية للجيش في قرية جنوب بغداد، ما أسفر عن إصابة جنديين.")
    assert m.governorate is None


def test_extract_protesters_confronting_forces_that_fire_on_them_is_excessive_force():
    m = one(
        "أصيب 9 متظاهرين و4 من عناصر الشرطة خلال مواجهات قرب مبنى المحافظة في الكوت، بعد أن أطلقت"
        " القوات الأمنية الرصاص الحي لتفريق المتظاهرين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        13,
    )


def test_extract_the_same_clashes_told_in_the_pluperfect_give_the_lead_its_day():
    m = one(
        "ارتفعت حصيلة ضحايا الاشتباكات بين عشيرتين في قضاء الشطرة إلى 5 قتلى و11 جريحا.\n"
        "وكانت الاشتباكات قد اندلعت مساء الخميس بسبب خلاف على أرض زراعية."
    )
    assert (m.event_date, m.killed_best, m.wounded_best) == (dt.date(2024, 3, 7), 5, 11)
    # an act of another kind told in the pluperfect stays an earlier event of its own
    ms = extract(
        "ارتفعت حصيلة ضحايا الاشتباكات بين عشيرتين في قضاء الشطرة إلى 5 قتلى.\n"
        "وكانت عبوة ناسفة قد انفجرت الشهر الماضي في القضاء ذاته دون إصابات.",
        PUB,
    )
    assert sorted(m.date_precision for m in ms) == ["day", "month"]


def test_extract_a_blast_in_the_accusative_is_a_blast_and_a_sources_pluperfect_no_earlier_act():
    m = one("قالت مصادر محلية إن انفجارا قويا هز مخزنا للعتاد في قضاء بلد، ما أسفر عن إصابة ثلاثة أشخاص.")
    assert m.wounded_best == 3
    m = one(
        "هز انفجار مقرا للحشد الشعبي في قضاء بلد مساء أمس.\n"
        "وكان مصدر أمني قال، في وقت سابق، إن انفجارا وقع في مقر للحشد الشعبي في بلد وأسفر عن إصابة عنصرين."
    )
    assert (m.target_id, m.wounded_best) == ("pmf", 2)


def test_extract_another_states_authorities_are_not_iraqs_government():
    m = one(
        "اقتحم مئات المحتجين مبنى السفارة الدنماركية في بغداد وأضرموا النار فيه، احتجاجا على سماح"
        " السلطات الدنماركية بحرق نسخة من المصحف."
    )
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "protesters")
    assert m.target_id != "iraqi_government"


def test_extract_sites_counted_in_each_country_are_one_act_per_country():
    ms = extract(
        "أعلن البنتاغون أن طائرات أمريكية شنت، فجر اليوم، ضربات على منشآت تستخدمها كتائب سيد الشهداء،"
        " في موقع بسوريا وموقعين في العراق.\n"
        "وأعلنت هيئة الحشد الشعبي مقتل ثلاثة من مقاتليها في قضاء القائم.",
        PUB,
    )
    got = sorted((m.country, m.governorate, m.perpetrator_id, m.killed_best) for m in ms)
    assert got == [("Iraq", "Anbar", "us_forces", 3), ("Syria", None, "us_forces", None)]
    # strikes summed up over two countries with no count in each stay a summary
    assert extract("شنت القوات الأمريكية ضربات على مواقع للفصائل في العراق وسوريا.", PUB) == []


def test_extract_a_dual_base_noun_is_the_prefix_of_both_names():
    ms = extract("أطلقت إيران فجر اليوم صواريخ باليستية على قاعدتي عين الأسد في الأنبار وحرير في أربيل.", PUB)
    assert sorted(m.location for m in ms) == ["Ain al-Asad Air Base", "Harir Air Base"]
    # "حرير" alone is silk, no base
    assert [m.location for m in extract("أحرق مسلحون محلا لبيع الحرير في سوق الموصل.", PUB)] in (
        [],
        ["Mosul"],
    )


def test_extract_two_targets_in_two_places_are_two_acts():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق أنها استهدفت بالطيران المسير موقعين عسكريين في حيفا وفي"
        " الجولان المحتل، فجر اليوم.",
        PUB,
    )
    assert sorted(m.location for m in ms) == ["Golan Heights", "Haifa"]


def test_extract_a_tie_between_targets_goes_to_the_side_named_most():
    m = one(
        "سقطت صواريخ على مطار أربيل الدولي وقاعدة للتحالف الدولي، ما أدى إلى مقتل متعاقد مدني وإصابة"
        " خمسة آخرين بينهم جندي أمريكي."
    )
    assert (m.target_id, m.killed_best, m.wounded_best) == ("us_forces", 1, 5)


def test_extract_each_site_after_its_own_projectile_is_its_own_act():
    ms = extract(
        "سقطت قذيفتا هاون داخل المنطقة الخضراء في بغداد، وثلاثة صواريخ على قاعدة عين الأسد، مساء"
        " أمس، دون إصابات.",
        PUB,
    )
    got = sorted((m.governorate, m.weapon, m.killed_best) for m in ms)
    assert got == [("Anbar", "rocket", 0), ("Baghdad", "mortar", 0)]
    # one salvo on two named sites of one governorate stays one act
    assert len(extract("سقطت ثلاثة صواريخ على المنطقة الخضراء، قرب السفارة الأمريكية في بغداد.", PUB)) == 1


def test_extract_the_accused_cells_of_a_group_are_that_group():
    m = one(
        "أصيب ثلاثة مدنيين بسقوط قذيفة هاون على قرية في قضاء خانقين.\n"
        "ووجهت الشرطة أصابع الاتهام إلى خلايا تابعة لتنظيم داعش."
    )
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("isis", "civilians", 3)


def test_extract_a_charge_of_no_place_leaves_the_arrest_its_place():
    m = one("اعتقلت القوات الأمنية خمسة متهمين بالإرهاب في قضاء المقدادية.")
    assert (m.sub_event_type, m.governorate) == ("Arrests", "Diyala")
    # the place of a charged act is that act's, not the arrest's
    m = one("اعتقلت القوات الأمنية عنصرين من كتائب حزب الله متهمين بإطلاق صواريخ على قاعدة عين الأسد.")
    assert (m.sub_event_type, m.location) == ("Arrests", None)


def test_extract_a_lists_heading_day_dates_its_items():
    ms = extract(
        "أبرز الأحداث الأمنية يوم الخميس:\n"
        "- نينوى: قتل راع بانفجار عبوة ناسفة في قضاء البعاج.\n"
        "- الأنبار: أصيب جندي بهجوم لداعش على نقطة في قضاء الرطبة.",
        PUB,
    )
    assert sorted((m.governorate, m.event_date) for m in ms) == [
        ("Anbar", dt.date(2024, 3, 7)),
        ("Nineveh", dt.date(2024, 3, 7)),
    ]


def test_extract_fire_that_burned_is_no_arson_and_an_accusative_shelling_is_shelling():
    m = one(
        "قال رئيس بلدية ناحية كاني ماسي إن قصفا إيرانيا استهدف أطراف الناحية وأدى إلى إصابة راعيين، فيما"
        " أحرقت النيران مساحات من المراعي."
    )
    assert (m.sub_event_type, m.weapon, m.perpetrator_id, m.wounded_best) == (
        "Shelling/artillery/missile attack",
        "other",
        "iran_forces",
        2,
    )


def test_extract_the_dead_said_to_be_a_groups_cadres_are_its_own():
    m = one(
        "قتل شخصان بضربة لطائرة مسيرة تركية استهدفت سيارة في قضاء مخمور، قالت مصادر كردية إنهما من"
        " مقاتلي حزب العمال الكردستاني."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("turkish_forces", "pkk", 2)


def test_extract_a_companys_staff_are_no_security_forces():
    m = one("أصيب أربعة من منتسبي شركة الحفر العراقية بانفجار عبوة ناسفة على طريق في قضاء الرطبة.")
    assert (m.target_id, m.wounded_best) == ("civilians", 4)
    m = one("أصيب أربعة منتسبين بانفجار عبوة ناسفة على طريق في قضاء الرطبة.")
    assert m.target_id == "iraqi_security_forces"


def test_extract_the_border_forces_are_iraqs_security_forces():
    m = one(
        "أحبطت قوات الحدود محاولة تسلل لعناصر من داعش عبر الحدود السورية قرب قضاء القائم، وقتلت اثنين منهم."
    )
    assert (m.sub_event_type, {m.perpetrator_id, m.target_id}, m.killed_best) == (
        "Armed clash",
        {"isis", "iraqi_security_forces"},
        2,
    )


def test_extract_the_dead_named_in_a_clause_before_the_clash_are_its_side():
    m = one(
        "لقي شرطي مصرعه وأصيب ثلاثة من زملائه، فيما قتل أحد المهاجمين، خلال اشتباك مع مسلحين من داعش في"
        " قضاء الدبس."
    )
    assert ({m.perpetrator_id, m.target_id}, m.killed_best, m.wounded_best) == (
        {"isis", "iraqi_security_forces"},
        2,
        3,
    )


def test_extract_a_square_is_a_civilian_site_and_gunfire_at_an_official_is_an_attack():
    m = one("انفجرت عبوة ناسفة في ساحة عامة وسط مدينة الموصل، ما أسفر عن إصابة أربعة أشخاص.")
    assert m.target_id == "civilians"
    m = one("أطلق مسلحون مجهولون النار على سيارة قائممقام قضاء الزبير، ما أدى إلى إصابته بجروح.")
    assert (m.sub_event_type, m.target_id) == ("Attack", "iraqi_government")


def test_extract_the_survivor_is_the_target_and_who_shot_the_drones_down_no_attacker():
    m = one(
        "نجا محافظ نينوى من محاولة اغتيال بطائرة مسيرة مفخخة استهدفت منزله في الموصل فجر اليوم.\n"
        "وقال مصدر أمني إن طائرتين شاركتا في الهجوم، أسقطت القوات الأمنية إحداهما، فيما أصابت الأخرى"
        " المنزل، ما أدى إلى إصابة ثلاثة من أفراد الحماية."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "Air/drone strike",
        "unknown",
        "iraqi_government",
        0,
        3,
    )


def test_extract_a_fuller_toll_of_the_same_act_later_supersedes_the_leads():
    m = one(
        "قتل قيادي بارز في كتائب حزب الله بضربة جوية أمريكية استهدفت سيارته في منطقة جرف النصر.\n"
        "وأكدت مصادر في الحشد الشعبي مقتل أربعة أشخاص في الغارة بينهم القيادي."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "kataib_hezbollah", 4)


def test_extract_the_act_an_arrested_man_is_accused_of_is_no_act_of_the_arrest():
    m = one("اعتقلت قوة أمنية عنصرا في عصائب أهل الحق متهما باغتيال ناشط مدني في الناصرية.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Arrests", "asaib_ahl_al_haq", None)
    # an arrest of the unnamed accused is no incident (spec section 4: members of a group)
    assert extract("اعتقلت قوة أمنية المتهم باغتيال الناشط المدني في الناصرية.", PUB) == []


def test_extract_a_large_open_toll_of_an_attack_told_by_its_verb_is_its_own():
    m = one(
        "قتل 12 متظاهرا على الأقل وأصيب أكثر من 150 آخرين، عندما هاجم مسلحون مجهولون المحتجين في ساحة"
        " الحبوبي بالناصرية."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_low, m.wounded_high) == (
        "unknown",
        "protesters",
        12,
        150,
        None,
    )


def test_extract_a_crowds_riot_over_a_killing_is_its_own_act_not_the_killers():
    ms = extract(
        "اغتال مسلحون مجهولون ناشطا مدنيا أمام منزله في الديوانية فجر اليوم.\n"
        "وخرج العشرات من المحتجين وأحرقوا إطارات السيارات في الشوارع تنديدا بالاغتيال.",
        PUB,
    )
    got = sorted((m.sub_event_type, m.perpetrator_id, m.killed_best) for m in ms)
    assert got == [("Attack", "unknown", 1), ("Violent demonstration", "protesters", None)]


def test_extract_the_strikes_named_again_after_a_recalled_attack_are_the_storys_strikes():
    m = one(
        "شنت طائرات أمريكية غارات جوية على مواقع لكتائب حزب الله في منطقة جرف الصخر، فجر اليوم، ردا على"
        " الهجوم الصاروخي الذي استهدف قاعدة عين الأسد.\n"
        "وقالت مصادر إن الغارات أسفرت عن مقتل أربعة عناصر وإصابة سبعة آخرين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "us_forces",
        "kataib_hezbollah",
        4,
        7,
    )


def test_extract_a_units_headquarters_with_its_number_belongs_to_the_body():
    m = one("انفجرت عبوة ناسفة قرب مقر للواء 52 في الحشد الشعبي في قضاء طوزخورماتو دون إصابات.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "pmf")


def test_extract_irans_security_forces_named_so_are_irans():
    m = one("قتل عتال بنيران قوات الأمن الإيرانية على الحدود في قضاء بنجوين.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iran_forces", "civilians", 1)


def test_extract_a_bombing_in_a_square_hits_civilians_and_a_districts_desert_names_it():
    m = one("انفجرت عبوة ناسفة في ساحة عامة وسط مدينة كركوك دون إصابات.")
    assert m.target_id == "civilians"
    m = one("صد مقاتلو الحشد الشعبي تعرضا لعناصر داعش في صحراء العظيم دون خسائر.")
    assert (m.governorate, m.location) == ("Diyala", "Udhaim")


def test_extract_a_salvo_mostly_intercepted_that_hurt_people_is_the_attack_and_its_claim_sticks():
    m = one(
        "أصيب ثلاثة جنود أمريكيين بهجوم صاروخي استهدف قاعدة حرير مساء أمس، وقال مسؤول إن معظم الصواريخ"
        " اعترضتها الدفاعات الجوية.\n"
        "وتبنت المقاومة الإسلامية في العراق الهجوم."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.claimed, m.wounded_best) == (
        "Shelling/artillery/missile attack",
        "islamic_resistance_iraq",
        True,
        3,
    )


def test_extract_the_forces_that_arrested_the_killer_are_no_target_and_a_family_is_civilian():
    m = one("أقدم رجل على قتل ثلاثة من أفراد أسرته بسلاح ناري في قضاء الزبير، قبل أن تعتقله القوات الأمنية.")
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 3)


def test_extract_the_rest_of_a_salvo_counted_gives_the_act_its_none():
    m = one(
        "هاجمت ثلاث طائرات مسيرة مطار السليمانية الدولي فجر اليوم، وقال مصدر إن إحداها سقطت دون أن"
        " تنفجر، فيما انفجرت اثنتان في محيط المطار دون إصابات."
    )
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Air/drone strike", 0, 0)


def test_extract_security_men_named_without_the_article_are_the_security_forces():
    m = one("سقطت ثلاثة صواريخ على قضاء الزبير، ما أدى إلى إصابة خمسة أشخاص بينهم عناصر أمن.")
    assert (m.target_id, m.wounded_best) == ("iraqi_security_forces", 5)


def test_extract_a_force_arresting_after_a_tribal_fight_is_no_side_of_it():
    m = one(
        "قتل شخصان وأصيب ثلاثة آخرون في نزاع عشائري بقضاء الزبير، وأفاد مصدر أمني بأن النزاع اندلع بين"
        " عشيرتين وأن قوة أمنية طوقت المنطقة واعتقلت عددا من المتورطين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.killed_best, m.wounded_best) == (
        "Armed clash",
        "unknown",
        2,
        3,
    )


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("اشتبك مقاتلو الحشد الشعبي مع مسلحين من داعش في جبال حمرين.", {"pmf", "isis"}),
        (
            "اندلعت اشتباكات بين قوة من الجيش ومسلحين من داعش في وادي الشاي جنوبي كركوك.",
            {"iraqi_security_forces", "isis"},
        ),
        # a civilian killed in their fight is its toll, not its target
        (
            "اشتبكت قوات الجيش مع مسلحين من داعش قرب قرية في قضاء الدبس، ما أسفر عن مقتل مدني.",
            {"iraqi_security_forces", "isis"},
        ),
        (
            "اندلعت اشتباكات بين قوات الجيش وعناصر من داعش قرب قرية في قضاء الدبس، ما أسفر عن مقتل مدني.",
            {"iraqi_security_forces", "isis"},
        ),
    ],
)
def test_extract_the_subject_of_clashed_and_gunmen_of_a_group_are_the_two_sides(text, sides):
    m = one(text)
    assert m.sub_event_type == "Armed clash"
    assert {m.perpetrator_id, m.target_id} == sides


@pytest.mark.parametrize(
    "text",
    [
        "قتل مسلحون مجهولون صاحب محل للصيرفة في منطقة الأعظمية ببغداد.",
        "قتل مسلحون مجهولون، مساء أمس، مختار قرية في قضاء المقدادية.",
        # the arrest of the accused afterwards is no act of its own
        "قتل مسلحون مجهولون صاحب محل للصيرفة في منطقة الأعظمية ببغداد، وقالت الشرطة إنها اعتقلت أحد"
        " المتهمين.",
    ],
)
def test_extract_gunmen_killing_one_named_by_his_trade_or_office(text):
    m = one(text)
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Attack",
        "unknown",
        "civilians",
        1,
    )


def test_extract_a_leader_with_an_adjective_in_the_accusative_is_his_factions():
    m = one(
        "استهدفت غارة أمريكية بطائرة مسيرة سيارة تقل قياديا بارزا في كتائب حزب الله في منطقة المشتل شرقي"
        " بغداد، ما أدى إلى مقتله ومرافقيه الاثنين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "kataib_hezbollah", 3)


def test_extract_a_killing_with_plunder_is_an_attack():
    m = one("أقدم عناصر من تنظيم داعش على قتل راعيين اثنين وسرقة مواشيهما في منطقة مطيبيجة شرقي صلاح الدين.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Attack",
        "isis",
        "civilians",
        2,
    )


def test_extract_none_said_of_the_two_attacks_in_the_nominative_covers_both():
    ms = extract(
        "تعرضت قاعدة حرير في محافظة أربيل، مساء السبت، لهجوم بطائرتين مسيرتين، فيما سقط صاروخ كاتيوشا قرب"
        " قاعدة فكتوريا في محيط مطار بغداد الدولي في الليلة نفسها.\nولم يسفر الهجومان عن أي خسائر.",
        PUB,
    )
    assert sorted((m.governorate, m.killed_best, m.wounded_best) for m in ms) == [
        ("Baghdad", 0, 0),
        ("Erbil", 0, 0),
    ]


def test_extract_an_arrest_after_a_clash_was_made_where_the_clash_was():
    m = one(
        "اعتقلت قوة من الاستخبارات العسكرية أربعة من عناصر عصائب أهل الحق بعد اشتباك قصير في منطقة"
        " الهارثة شمالي البصرة."
    )
    assert (m.sub_event_type, m.target_id, m.governorate) == ("Arrests", "asaib_ahl_al_haq", "Basra")


def test_extract_an_anniversary_marked_today_is_no_act_of_today():
    assert not extract(
        "أحيا المئات في بغداد، اليوم الثلاثاء، الذكرى السنوية الرابعة لاغتيال قائد فيلق القدس قاسم سليماني"
        " ونائب رئيس هيئة الحشد الشعبي أبو مهدي المهندس بضربة أمريكية قرب مطار بغداد.",
        PUB,
    )
    # (an act on the day of an anniversary keeps its day)
    m = one("سقطت ثلاثة صواريخ على قاعدة عين الأسد، مساء أمس، تزامنا مع الذكرى السنوية لاغتيال سليماني.")
    assert (m.location, m.event_date) == ("Ain al-Asad Air Base", dt.date(2024, 3, 9))


def test_extract_dawn_today_is_no_verb_of_setting_off():
    m = one(
        "اختطف مسلحون مجهولون يرتدون زيا عسكريا، فجر اليوم، الناشط المدني علي حسين من منزله في منطقة"
        " الشعلة ببغداد، واقتادوه إلى جهة مجهولة."
    )
    assert (m.perpetrator_id, m.target_id) == ("unknown", "civilians")


def test_extract_a_sniper_of_a_group_and_a_wanted_man_killed():
    m = one("قتل جندي بنيران قناص من داعش في ناحية العيث بمحافظة صلاح الدين.")
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "iraqi_security_forces", 1)
    m = one(
        "قتل مطلوب خطير بتبادل لإطلاق النار مع قوة من شرطة ميسان حاولت إلقاء القبض عليه في قضاء الميمونة،"
        " فيما أصيب منتسب بجروح طفيفة."
    )
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 1, 1)


def test_extract_the_toll_and_place_told_before_the_act_after_the_link():
    m = one(
        "قتل متظاهر وأصيب 15 آخرون خلال تظاهرة أمام مبنى محافظة البصرة للمطالبة بتوفير الكهرباء، بعد أن"
        " أطلقت القوات الأمنية النار لتفريق المحتجين."
    )
    assert (m.sub_event_type, m.governorate, m.killed_best, m.wounded_best) == (
        "Excessive force against protesters",
        "Basra",
        1,
        15,
    )


def test_extract_a_facility_for_storing_drones_of_a_faction_is_what_was_hit():
    m = one(
        "أعلنت القيادة المركزية الأمريكية أن قواتها نفذت ضربة ضد منشأة لتخزين الطائرات المسيرة تابعة لكتائب"
        " حزب الله في منطقة القائم غربي الأنبار، مؤكدة أن الضربة جاءت ردا على الهجمات الأخيرة ضد القوات"
        " الأمريكية."
    )
    assert (m.perpetrator_id, m.target_id, m.governorate) == ("us_forces", "kataib_hezbollah", "Anbar")


def test_extract_each_site_followed_by_its_own_weapon_is_an_act_of_that_weapon():
    ms = extract(
        "تبنت المقاومة الإسلامية في العراق، مساء السبت، هجومين منفصلين استهدفا قاعدة عين الأسد غربي الأنبار"
        " بصواريخ، وقاعدة حرير في أربيل بطائرتين مسيرتين.",
        PUB,
    )
    assert sorted((m.governorate, m.sub_event_type, m.claimed) for m in ms) == [
        ("Anbar", "Shelling/artillery/missile attack", True),
        ("Erbil", "Air/drone strike", True),
    ]


def test_extract_a_blast_that_shook_a_square_hit_civilians():
    m = one("سقط عشرات القتلى والجرحى في تفجير مزدوج هز ساحة الطيران وسط بغداد، في هجوم تبناه تنظيم داعش.")
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("isis", "civilians", True)


def test_extract_the_toll_another_voice_gives_in_a_while_clause_is_the_acts():
    m = one(
        "أعلن الحرس الثوري الإيراني أنه استهدف بصواريخ باليستية ما وصفه بمقر لجهاز الموساد في أربيل، فيما"
        " أكد مجلس أمن إقليم كردستان مقتل أربعة مدنيين وإصابة ستة آخرين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "iran_forces",
        "civilians",
        4,
        6,
    )


def test_extract_police_hurt_by_stones_of_protesters_is_their_riot_whatever_the_response():
    m = one(
        "أصيب خمسة من عناصر الشرطة بجروح إثر رشقهم بالحجارة من قبل محتجين غاضبين من تأخر صرف الرواتب في"
        " مدينة السليمانية، فيما ردت قوات الأمن بالغاز المسيل للدموع."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.governorate, m.wounded_best) == (
        "Violent demonstration",
        "protesters",
        "iraqi_security_forces",
        "Sulaymaniyah",
        5,
    )


def test_extract_a_side_of_a_city_is_its_governorate_when_no_other_lies_on_that_side():
    # (Chamchamal, Sulaymaniyah's, lies 40 km east of Kirkuk: not south-west)
    m = one(
        "تعرضت مواقع للحشد الشعبي في قرية البو محمد جنوب غربي كركوك لقصف بقذائف الهاون من قبل عناصر داعش،"
        " ما أسفر عن إصابة مقاتلين اثنين."
    )
    assert (m.perpetrator_id, m.target_id, m.governorate, m.wounded_best) == ("isis", "pmf", "Kirkuk", 2)
    # (Kalsu, Babil's, lies 50 km south of Baghdad)
    m = one("سقطت قذيفتا هاون جنوبي بغداد دون إصابات.")
    assert m.governorate is None


def test_extract_a_hostage_freed_is_no_act_of_taking_him():
    assert not extract(
        "تمكنت القوات الأمنية من تحرير مختطف بعد أيام من اختطافه في منطقة الشعب شمالي بغداد، واعتقال"
        " الخاطفين.",
        PUB,
    )
    # (the freeing verb with its subject, the hostage named by a noun before the participle)
    assert not extract(
        "أفرجت القوات الأمنية عن مواطن مختطف وألقت القبض على خاطفيه الثلاثة في منطقة الشعلة ببغداد.", PUB
    )
    assert not extract("حررت قوة من الشرطة طفلا مختطفا في منطقة الشعلة ببغداد.", PUB)
    assert one("اختطف مسلحون مجهولون مواطنا في منطقة الشعلة ببغداد.").sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "تعرضت القوات الأمريكية في العراق لأكثر من 70 هجوما منذ السابع عشر من تشرين الأول، أغلبها بالطائرات"
        " المسيرة.",
        "تعرضت القوات الأمريكية في العراق وسوريا لأكثر من 170 هجوماً منذ منتصف تشرين الأول، أغلبها بالطائرات"
        " المسيرة والصواريخ.",
    ],
)
def test_extract_a_count_of_attacks_since_a_day_is_no_attack_of_that_day(text):
    assert not extract(text, PUB)


def test_extract_hideouts_of_a_group_after_the_subject_are_what_was_hit():
    m = one("قصفت مدفعية الجيش العراقي، اليوم الخميس، أوكارا لعناصر داعش في وادي زغيتون جنوب غربي كركوك.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Shelling/artillery/missile attack",
        "iraqi_security_forces",
        "isis",
    )


def test_extract_the_dead_said_to_include_a_factions_men_make_it_the_target_and_no_attacker_elsewhere():
    ms = extract(
        "أعلنت الحكومة العراقية، السبت، مقتل 16 شخصا، بينهم مدنيون، وإصابة 25 آخرين جراء الضربات الجوية"
        " الأمريكية التي استهدفت، ليل الجمعة، مواقع في منطقة القائم غربي الأنبار.\n"
        "وقال المتحدث باسم الحكومة إن الضربات تمثل انتهاكا للسيادة، مشيرا إلى أن من بين القتلى عناصر في"
        " الحشد الشعبي.\n"
        "وكانت القيادة المركزية الأمريكية قد أعلنت أنها ضربت أهدافا في العراق وسوريا، ردا على الهجوم الذي أدى"
        " إلى مقتل ثلاثة جنود أمريكيين في الأردن في 28 كانون الثاني الماضي.",
        dt.date(2024, 2, 4),
    )
    # (the attack in Jordan is pinned on no faction: the PMF's men were the story's dead)
    assert [(m.perpetrator_id, m.target_id, m.killed_best, m.governorate) for m in ms] == [
        ("us_forces", "pmf", 16, "Anbar")
    ]


def test_extract_a_second_device_at_another_place_is_another_act():
    ms = extract(
        "أصيب شخصان بانفجار عبوة ناسفة في منطقة الدورة جنوبي بغداد، صباح اليوم.\n"
        "كما انفجرت عبوة ثانية في منطقة الزعفرانية دون أن تسفر عن إصابات.",
        PUB,
    )
    assert sorted((m.location, m.killed_best, m.wounded_best) for m in ms) == [
        ("Dora", None, 2),
        ("Zafaraniya", 0, 0),
    ]
    # (a second device at the same place, for the responders, is the same attack)
    m = one(
        "انفجرت عبوة ناسفة قرب دورية للشرطة في منطقة الدورة، وعند وصول قوة أمنية انفجرت عبوة ثانية في"
        " المكان نفسه، ما أسفر عن إصابة ثلاثة منتسبين."
    )
    assert (m.location, m.wounded_best) == ("Dora", 3)


@pytest.mark.parametrize(
    "text",
    [
        "قال المتحدث باسم حركة النجباء إن الحركة استهدفت قاعدة التنف الأمريكية في سوريا بالطائرات المسيرة.",
        "قال المتحدث العسكري باسم حركة النجباء إن مقاتلي الحركة استهدفوا، فجر اليوم، قاعدة التنف الأمريكية في"
        " سوريا بالطائرات المسيرة.",
    ],
)
def test_extract_a_spokesman_telling_what_the_group_did_is_its_claim(text):
    m = one(text)
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("nujaba", "us_forces", True)


def test_extract_a_faction_denying_any_link_to_an_attack_of_today_still_tells_the_attack():
    m = one(
        "نفت كتائب حزب الله أي علاقة لها بالهجوم الصاروخي الذي استهدف السفارة الأمريكية في بغداد فجر اليوم،"
        " مؤكدة أنها ملتزمة بالهدنة."
    )
    assert (m.perpetrator_id, m.target_id, m.location, m.claimed) == (
        "unknown",
        "us_forces",
        "US Embassy Baghdad",
        False,
    )


def test_extract_the_people_a_force_dispersed_are_the_protesters():
    m = one(
        "أصيب أكثر من 30 متظاهرا بحالات اختناق جراء استخدام القوات الأمنية الغاز المسيل للدموع لتفريق تظاهرة"
        " للخريجين قرب ساحة التحرير وسط بغداد."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        30,
    )


def test_extract_the_police_who_then_arrested_the_killer_are_no_target():
    m = one(
        "أقدم رجل على قتل زوجته وابنته بسلاح ناري إثر خلافات عائلية في قضاء الخالص بمحافظة ديالى، وقد ألقت"
        " الشرطة القبض عليه."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best) == ("Attack", "civilians", 2)


def test_extract_a_verb_after_the_link_has_its_own_subject_and_goes_on_after_a_toll_only_clause():
    m = one(
        "أصيب 12 منتسبا في قوات حفظ القانون بعد أن اقتحم محتجون غاضبون مبنى مجلس محافظة واسط في الكوت،"
        " وأضرموا النار في أجزاء منه."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.governorate, m.location, m.wounded_best) == (
        "Violent demonstration",
        "protesters",
        "Wasit",
        "Kut",
        12,
    )


def test_extract_a_shop_targeted_in_the_accusative_is_a_civilian_site():
    m = one(
        "استهدف تفجير بعبوة ناسفة محلا لبيع المشروبات الكحولية في شارع فلسطين شرقي بغداد، فجر اليوم، ما أسفر"
        " عن أضرار مادية فقط."
    )
    assert (m.sub_event_type, m.target_id, m.location) == (
        "Remote explosive/landmine/IED",
        "civilians",
        "Palestine Street",
    )


def test_extract_the_dead_of_a_forces_operation_are_its_act():
    m = one(
        "قتل ثلاثة من عناصر داعش في عملية مشتركة لقوات البيشمركة والجيش العراقي في سلسلة جبال قرجوغ قرب مخمور."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("peshmerga", "isis", 3)


def test_extract_gunfire_with_a_long_subject_and_a_victim_named_by_pronoun():
    m = one(
        "أطلق مسلحون يستقلون سيارة رباعية الدفع النار على مواطن أثناء قيادته سيارته في قضاء الحويجة، ما أدى"
        " إلى مقتله على الفور."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "Attack",
        "unknown",
        "civilians",
        1,
        "Kirkuk",
    )


def test_extract_the_headlines_toll_is_the_one_events_when_the_body_tells_none():
    ms = extract(
        "نفذت طائرات القوة الجوية العراقية ضربة جوية استهدفت مضافة لعناصر داعش في سلسلة جبال حمرين، بناء على"
        " معلومات استخبارية دقيقة.",
        PUB,
        title="مقتل 4 عناصر من داعش بضربة جوية في حمرين",
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("iraqi_security_forces", "isis", 4)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "قتل مختار القرية على يد مسلحين مجهولين في محافظة ديالى.",
        "لقي مواطن حتفه على يد مسلحين في ديالى.",
    ],
)
def test_extract_a_killing_at_the_hands_of_gunmen_with_only_a_governorate_is_an_attack(text):
    m = one(text)
    assert (m.sub_event_type, m.perpetrator_id, m.governorate, m.killed_best) == (
        "Attack",
        "unknown",
        "Diyala",
        1,
    )


def test_extract_met_his_death_is_no_event_in_an_accident():
    assert extract("لقي مواطن حتفه غرقا في نهر دجلة ببغداد.", PUB) == []


def test_extract_the_attacks_just_told_as_the_subject_of_their_toll():
    told = (
        "قصفت طائرات مسيرة إيرانية مقرات لأحزاب كردية معارضة في قضاء كويسنجق بمحافظة أربيل. وقالت مديرية"
        " صحة أربيل إن الهجمات {} عن مقتل 13 شخصا وإصابة 58 آخرين."
    )
    m = one(told.format("أسفرت"))
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "iran_forces",
        "political_parties",
        13,
        58,
    )
    # a running series (its span told) is no toll of this one
    m = one(told.format("على الإقليم أسفرت منذ بداية العام"))
    assert (m.killed_best, m.wounded_best) == (None, None)


@pytest.mark.parametrize(
    "text, target",
    [
        (
            "هاجم عناصر من تنظيم داعش، فجر اليوم الأحد، مفرزة للحشد الشعبي في ناحية العظيم، ما أدى إلى"
            " استشهاد اثنين من المقاتلين.",
            "pmf",
        ),
        ("هاجم عناصر من داعش، مساء أمس، دورية للحشد الشعبي في ناحية العظيم.", "pmf"),
    ],
)
def test_extract_the_object_after_the_subject_of_an_attack_verb_is_the_target(text, target):
    m = one(text)
    assert (m.perpetrator_id, m.target_id, m.sub_event_type) == ("isis", target, "Armed clash")


def test_extract_after_they_fired_on_him_tells_how_the_victim_was_killed():
    m = one(
        "اغتال مسلحون مجهولون، ليلة أمس، ضابطا برتبة مقدم في جهاز الاستخبارات، بعد أن أطلقوا عليه النار أمام"
        " منزله في حي الجهاد غربي بغداد، وفق مصدر أمني."
    )
    assert (m.sub_event_type, m.weapon, m.governorate, m.event_date) == (
        "Attack",
        "small_arms",
        "Baghdad",
        PUB - dt.timedelta(days=1),
    )


def test_extract_the_coalition_announcing_us_soldiers_dead_mourns_its_own_side():
    m = one(
        "أعلن التحالف الدولي، اليوم الخميس، مقتل جنديين أمريكيين وجندي بريطاني، وإصابة 12 آخرين، في هجوم"
        " صاروخي استهدف قاعدة التاجي شمالي بغداد مساء أمس."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == ("unknown", "coalition", 3, 12)


def test_extract_the_authorities_a_report_closes_on_are_its_source_not_its_target():
    m = one(
        "شنت القوات الأمريكية ضربات جوية على مواقع في القائم، ما أدى إلى مقتل 16 شخصا بينهم مدنيون، بحسب"
        " الحكومة العراقية."
    )
    assert (m.perpetrator_id, m.killed_best) == ("us_forces", 16)
    assert m.target_id != "iraqi_government"


def test_extract_a_claim_in_the_groups_words_after_a_long_subject_and_the_day():
    ms = extract(
        "قالت جماعة المقاومة الإسلامية في العراق، في بيان اليوم الاثنين، إنها هاجمت قاعدة الشدادي الأمريكية في"
        " سوريا بطائرة مسيرة، إضافة إلى قاعدة التنف على الحدود السورية الأردنية.",
        PUB,
    )
    assert [(m.location, m.perpetrator_id, m.target_id, m.claimed) for m in ms] == [
        ("Al-Shaddadi", "islamic_resistance_iraq", "us_forces", True),
        ("Al-Tanf", "islamic_resistance_iraq", "us_forces", True),
    ]


def test_extract_an_activist_kidnapped_and_found_dead_is_one_killed():
    m = one(
        "اختطف مسلحون مجهولون، مساء أمس، ناشطا مدنيا في مدينة الناصرية، وعثر على جثته صباح اليوم مرمية قرب"
        " أحد الأنهر وعليها آثار إطلاق نار."
    )
    assert (m.sub_event_type, m.target_id, m.governorate, m.killed_best) == (
        "Attack",
        "civilians",
        "Dhi Qar",
        1,
    )


def test_extract_the_subject_before_a_verb_that_ends_its_clause_is_the_perpetrator():
    m = one(
        "وكانت القوات الأمريكية قد نفذت، في الرابع من كانون الثاني الماضي، ضربة بطائرة مسيرة في شارع فلسطين"
        " ببغداد أسفرت عن مقتل القيادي في حركة النجباء مشتاق طالب السعيدي ومرافقه."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.event_date) == (
        "us_forces",
        "nujaba",
        2,
        dt.date(2024, 1, 4),
    )


def test_extract_the_others_its_result_killed_add_to_the_named_dead_but_not_another_clauses():
    m = one(
        "قتل قائد فيلق القدس قاسم سليماني ونائب رئيس هيئة الحشد الشعبي أبو مهدي المهندس، فجر الجمعة، بضربة"
        " جوية أمريكية استهدفت موكبهما قرب مطار بغداد الدولي، ما أدى أيضا إلى مقتل ثمانية آخرين."
    )
    assert (m.perpetrator_id, m.killed_best) == ("us_forces", 10)
    m = extract("قتل جندي بانفجار عبوة ناسفة في الطارمية، فيما قتل آخر في هجوم منفصل في المشاهدة.", PUB)[0]
    assert (m.location, m.killed_best) == ("Tarmiyah", 1)


def test_extract_the_two_attacks_told_before_are_no_two_new_ones():
    ms = extract(
        "تعرضت قاعدة عين الأسد لهجوم بطائرتين مسيرتين، أسقطت إحداهما، فيما تعرضت قاعدة حرير في أربيل لهجوم"
        " مماثل بطائرة مسيرة، صباح اليوم الأحد، دون أن يسفر الهجومان عن خسائر.",
        PUB,
    )
    assert [(m.location, m.killed_best) for m in ms] == [("Ain al-Asad Air Base", 0), ("Harir Air Base", 0)]


def test_extract_the_guards_a_fire_came_from_are_its_side():
    m = one(
        "قتل متظاهر وأصيب آخرون، ليل الأحد، بإطلاق نار من قبل حراس مقر حركة ثأر الله في البصرة، بعد أن تجمع"
        " المحتجون أمام المقر وحاولوا اقتحامه."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "thar_allah",
        "protesters",
        "Attack",
        1,
    )


def test_extract_two_of_the_drones_downed_in_the_nominative_is_a_strike_that_got_through():
    m = one(
        "استهدفت ثلاث طائرات مسيرة مفخخة منزل رئيس الوزراء في المنطقة الخضراء ببغداد، أسقطت اثنتان منها، ما أدى"
        " إلى إصابة عدد من أفراد حمايته."
    )
    assert (m.sub_event_type, m.weapon, m.target_id, m.wounded_best) == (
        "Air/drone strike",
        "drone",
        "iraqi_government",
        3,
    )


def test_extract_the_force_subjected_to_an_attack_is_its_target():
    m = one(
        "أفاد مصدر أمني في محافظة كركوك، اليوم الأحد، بتعرض قوة من الجيش العراقي لهجوم مسلح. وقال المصدر إن"
        " عناصر من تنظيم داعش هاجموا القوة في قرية الزركة التابعة لناحية الرياض جنوب غربي كركوك. وأضاف أن"
        " الهجوم أسفر عن استشهاد ضابط وجنديين، فيما أصيب جنديان آخران بجروح متفاوتة."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best, m.wounded_best) == (
        "isis",
        "iraqi_security_forces",
        "Armed clash",
        3,
        2,
    )


def test_extract_soldiers_in_a_later_sentences_toll_are_the_security_forces_not_the_villages_civilians():
    m = one(
        "هاجم عناصر من تنظيم داعش نقطة في قرية الزركة التابعة لناحية الرياض جنوب غربي كركوك. وأضاف المصدر أن"
        " الهجوم أسفر عن استشهاد ضابط برتبة ملازم أول وجنديين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "iraqi_security_forces", 3)


def test_extract_an_air_operation_is_a_strike_from_the_air():
    m = one(
        "أعلنت وزارة الدفاع التركية، اليوم الأحد، تحييد خمسة من عناصر حزب العمال الكردستاني في منطقة غارا شمالي"
        " العراق، في عملية جوية."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.weapon) == (
        "turkish_forces",
        "pkk",
        "Air/drone strike",
        "airstrike",
    )


def test_extract_late_last_night_is_the_acts_time_not_a_concurrent_clause():
    m = one("قتل جندي بانفجار عبوة ناسفة في قضاء الطارمية، في وقت متأخر من ليل أمس.")
    assert (m.event_date, m.killed_best) == (PUB - dt.timedelta(days=1), 1)


def test_extract_a_cell_of_the_group_that_proceeded_to_kill_is_the_perpetrator():
    m = one(
        "أقدمت خلية نائمة لتنظيم داعش على قتل ثلاثة رعاة أغنام وسرقة مواشيهم في صحراء الأنبار الغربية قرب قضاء"
        " الرطبة، بحسب مصدر أمني."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "isis",
        "civilians",
        "Attack",
        3,
    )


def test_extract_an_attack_with_a_ballistic_missile_is_a_missile_not_a_rocket():
    m = one(
        "استهدف هجوم بصاروخ باليستي قاعدة عين الأسد الجوية غربي الأنبار، مساء أمس، وأسفر عن إصابات طفيفة."
    )
    assert (m.sub_event_type, m.weapon, m.target_id) == (
        "Shelling/artillery/missile attack",
        "missile",
        "us_forces",
    )


def test_extract_the_object_told_again_for_a_second_site_is_another_act_with_its_own_toll():
    ms = extract(
        "شن الحرس الثوري الإيراني، صباح اليوم الأحد، هجمات بالصواريخ والطائرات المسيرة على مقرات أحزاب كردية"
        " إيرانية معارضة في محافظتي أربيل والسليمانية. وقال مصدر أمني كردي إن القصف طال مقرا للحزب الديمقراطي"
        " الكردستاني الإيراني في منطقة كويسنجق، ومقرا لحزب كوملة في منطقة زركويز قرب السليمانية، ما أدى إلى"
        " مقتل شخصين وإصابة ثلاثة آخرين في زركويز.",
        PUB,
    )
    assert [(m.governorate, m.perpetrator_id, m.killed_best, m.wounded_best) for m in ms] == [
        ("Erbil", "iran_forces", None, None),
        ("Sulaymaniyah", "iran_forces", 2, 3),
    ]


def test_extract_a_repelled_infiltration_is_a_clash_with_its_dead():
    m = one(
        "صدت قطعات الحشد الشعبي محاولة تسلل لعناصر داعش على قاطع اللواء 52 في ناحية العظيم، وقتلت اثنين من"
        " المتسللين فيما فر الباقون."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "isis",
        "pmf",
        "Armed clash",
        2,
    )


def test_extract_caught_in_the_act_of_setting_up_a_launcher_is_an_arrest():
    m = one(
        "ألقت القوات الأمنية القبض على أحد عناصر كتائب حزب الله متلبسا بنصب منصة صواريخ في منطقة الدورة"
        " جنوبي بغداد."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.location) == (
        "Arrests",
        "iraqi_security_forces",
        "kataib_hezbollah",
        "Dora",
    )


def test_extract_a_us_strike_in_response_to_an_attack_of_yesterday_is_todays_air_strike():
    ms = extract(
        "قصفت القوات الأمريكية مواقع للفصائل في جرف الصخر، ردا على هجوم بطائرة مسيرة استهدف قاعدة عين الأسد"
        " أمس وأسفر عن إصابة جنديين أمريكيين.",
        PUB,
    )
    assert [(m.location, m.event_date, m.perpetrator_id, m.sub_event_type) for m in ms] == [
        ("Jurf al-Sakhar", PUB, "us_forces", "Air/drone strike"),
        ("Ain al-Asad Air Base", PUB - dt.timedelta(days=1), "unknown", "Air/drone strike"),
    ]


def test_extract_a_district_and_a_base_far_beyond_it_are_two_acts():
    ms = extract(
        "استهدفت طائرة مسيرة مقرا لكتائب حزب الله في منطقة القائم غربي الأنبار، فجر اليوم الأحد، فيما قصفت"
        " فصائل مسلحة قاعدة عين الأسد بعدة صواريخ بعد ساعات.",
        PUB,
    )
    assert [(m.location, m.target_id, m.weapon) for m in ms] == [
        ("Al-Qaim", "kataib_hezbollah", "drone"),
        ("Ain al-Asad Air Base", "us_forces", "rocket"),
    ]


def test_extract_rockets_that_fell_told_as_a_noun_then_the_launcher_found_is_a_rocket_attack():
    m = one(
        "أعلنت خلية الإعلام الأمني، اليوم الأحد، سقوط عشرة صواريخ على قاعدة عين الأسد الجوية في محافظة الأنبار،"
        " مبينة أن القوات الأمنية عثرت على منصة الإطلاق في منطقة البيادر بناحية البغدادي."
    )
    assert (m.sub_event_type, m.weapon, m.target_id) == (
        "Shelling/artillery/missile attack",
        "rocket",
        "us_forces",
    )


def test_extract_a_factions_supporters_who_burned_the_sit_in_tents_attacked_the_protesters():
    m = one(
        "هاجم أنصار التيار الصدري ساحة الاعتصام في النجف وأحرقوا خيام المعتصمين، ما أدى إلى مقتل ثمانية"
        " متظاهرين."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "saraya_al_salam",
        "protesters",
        "Attack",
        8,
    )


def test_extract_each_act_of_a_sentence_keeps_the_toll_told_in_its_own_clause():
    ms = extract(
        "أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في قضاء المقدادية، كما قتل جندي وأصيب آخر بهجوم لداعش في ناحية"
        " العظيم.",
        PUB,
    )
    assert [(m.location, m.killed_best, m.wounded_best) for m in ms] == [
        ("Muqdadiyah", None, 3),
        ("Udhaim", 1, 1),
    ]


def test_extract_forces_that_liquidated_an_insurgent_groups_men_fought_it():
    m = one("تمت تصفية ثلاثة إرهابيين من داعش على يد قوات جهاز مكافحة الإرهاب في صحراء الحضر جنوب الموصل.")
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "iraqi_security_forces",
        "isis",
        "Armed clash",
        3,
    )
    m = one("تمت تصفية ناشط مدني على يد مسلحين مجهولين في البصرة.")
    assert (m.target_id, m.sub_event_type) == ("civilians", "Attack")


def test_extract_an_earlier_attack_recalled_with_its_own_day_lends_neither_its_day_nor_its_dead():
    m = one(
        "قتل جنديان بهجوم لداعش على نقطة في قضاء الطارمية، وهو الهجوم الثاني من نوعه خلال أسبوع، بعد هجوم مماثل"
        " الأربعاء الماضي أسفر عن مقتل ضابط."
    )
    assert (m.event_date, m.killed_best, m.location) == (PUB, 2, "Tarmiyah")


def test_extract_the_site_of_an_act_the_sentence_itself_tells_is_that_acts_report():
    m = one(
        "زار وزير الداخلية موقع التفجير الذي استهدف سوقا شعبيا في مدينة الصدر، أمس، وأسفر عن مقتل خمسة أشخاص،"
        " ووجه بتشكيل لجنة تحقيقية."
    )
    assert (m.location, m.event_date, m.killed_best, m.target_id) == (
        "Sadr City",
        PUB - dt.timedelta(days=1),
        5,
        "civilians",
    )


def test_extract_an_act_told_after_the_groups_own_statement_is_claimed():
    m = one(
        "استهدفت المقاومة الإسلامية في العراق، بطائرتين مسيرتين، قاعدة التنف الأمريكية في سوريا، وأصابت أهدافها"
        " بشكل مباشر، بحسب بيان للمقاومة."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("islamic_resistance_iraq", "us_forces", True)


def test_extract_a_village_hit_after_the_subject_and_its_time_is_a_civilian_site():
    m = one(
        "قصفت طائرات تركية، الليلة الماضية، قرية كشان التابعة لناحية ديرلوك في قضاء العمادية، ما أسفر عن تدمير"
        " منزلين دون وقوع خسائر بشرية."
    )
    assert (m.perpetrator_id, m.target_id, m.governorate, m.killed_best) == (
        "turkish_forces",
        "civilians",
        "Duhok",
        0,
    )


def test_extract_an_attack_then_who_launched_it_is_one_act_with_the_toll_told_before_it():
    m = one(
        "أصيب أربعة من عناصر الحشد الشعبي بجروح متفاوتة، إثر هجوم شنه مسلحو داعش على موقع للواء 22 في قضاء"
        " الطارمية، فجر اليوم الأحد."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.wounded_best, m.location) == (
        "isis",
        "pmf",
        "Armed clash",
        4,
        "Tarmiyah",
    )


def test_extract_the_side_a_clash_was_with_fought_the_dead_told_before_it():
    m = one(
        "أعلنت وزارة الدفاع التركية، اليوم، مقتل جنديين تركيين وإصابة ثالث في اشتباك مع مسلحي حزب العمال"
        " الكردستاني في منطقة متينا شمالي العراق. وأضافت الوزارة أن قواتها ردت على الهجوم وحيدت خمسة من"
        " المسلحين."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best, m.wounded_best) == (
        "pkk",
        "turkish_forces",
        "Armed clash",
        2,
        1,
    )
    m = one("قتل ثلاثة من عناصر داعش خلال اشتباكات مع القوات الأمنية في وادي حوران.")
    assert (m.perpetrator_id, m.target_id) == ("iraqi_security_forces", "isis")


def test_extract_a_neighbourhood_said_to_lie_in_a_city_of_another_governorate_is_that_citys():
    m = one(
        "اغتال مسلحون يستقلون دراجة نارية الناشط المدني حسين العطار أمام منزله في منطقة الجمهورية بمدينة"
        " الناصرية، مساء أمس."
    )
    assert (m.governorate, m.location, m.target_id) == ("Dhi Qar", "Nasiriyah", "civilians")


def test_extract_an_attack_attributed_with_its_source_between_the_verb_and_the_object():
    m = one(
        "قتل خمسة أشخاص من عائلة واحدة في هجوم شنه مسلحون على منزلهم في قرية بقضاء المقدادية، الليلة الماضية،"
        " ونسبت مصادر محلية الهجوم إلى خلايا داعش."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "civilians", 5)


def test_extract_the_side_that_mourns_one_of_its_fighters_was_hit():
    m = one(
        "نعت هيئة الحشد الشعبي، اليوم، أحد مقاتليها الذي استشهد بقصف طائرة مسيرة مجهولة استهدف عجلة تابعة"
        " للواء 45 قرب منفذ القائم الحدودي."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.weapon) == ("unknown", "pmf", 1, "drone")


def test_extract_an_arrest_on_terrorism_charges_is_located_where_it_was_made():
    m = one("اعتقلت قوة من الشرطة ثلاثة مطلوبين بتهم إرهابية في قضاء هيت بمحافظة الأنبار، اليوم.")
    assert (m.sub_event_type, m.location, m.governorate) == ("Arrests", "Hit", "Anbar")


def test_extract_a_toll_told_with_also_is_the_acts_and_leaves_its_target():
    ms = extract(
        "تعرضت قاعدة عين الأسد الجوية في محافظة الأنبار، مساء أمس، لهجوم بصواريخ باليستية. وقال البيان إن معظم"
        " الصواريخ اعترضتها الدفاعات الجوية، فيما أصابت صواريخ أخرى القاعدة، كما أصيب عنصر من القوات العراقية.",
        PUB,
    )
    assert [(m.location, m.target_id, m.wounded_best) for m in ms] == [
        ("Ain al-Asad Air Base", "us_forces", 1)
    ]


def test_extract_days_after_the_act_count_back_from_its_own_day():
    ms = extract(
        "تعرضت قاعدة عين الأسد في محافظة الأنبار، مساء أمس، لهجوم صاروخي تبنته المقاومة الإسلامية في العراق."
        " ويأتي الهجوم بعد يومين من ضربة أمريكية استهدفت مقرا لحركة النجباء في بغداد أسفرت عن مقتل قيادي.",
        PUB,
    )
    by_place = {m.location: m.event_date for m in ms}
    assert by_place == {
        "Ain al-Asad Air Base": PUB - dt.timedelta(days=1),
        "Baghdad": PUB - dt.timedelta(days=3),
    }


def test_extract_the_riot_police_named_is_no_riot_and_a_sit_in_dispersed_by_force_is_excessive_force():
    m = one(
        "فرقت قوات مكافحة الشغب بالقوة اعتصاما لحملة الشهادات العليا أمام مبنى محافظة ذي قار، واعتقلت عددا"
        " منهم، بحسب ناشطين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.governorate) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        "Dhi Qar",
    )
    assert extract("انتشرت قوات مكافحة الشغب في شوارع مدينة الناصرية تحسبا لتظاهرات مرتقبة.", PUB) == []


def test_extract_a_unit_of_the_force_that_foiled_a_groups_assault_was_its_target():
    m = one(
        "أحبطت قوة من الفرقة الخامسة في الجيش العراقي هجوما لعناصر داعش على قرية في حوض حمرين، وأجبرتهم على"
        " الانسحاب بعد اشتباك استمر نصف ساعة."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Armed clash",
        "isis",
        "iraqi_security_forces",
    )


def test_extract_the_force_that_stepped_in_to_end_a_feud_is_no_party_to_it():
    m = one(
        "شهدت ناحية الإصلاح في محافظة ذي قار نزاعا عشائريا استمر لساعات، وأسفر عن مقتل ثلاثة أشخاص وإصابة سبعة،"
        " قبل أن تتمكن قوة من الجيش من فضه."
    )
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 3, 7)
    assert "iraqi_security_forces" not in (m.perpetrator_id, m.target_id)


def test_extract_a_later_sentences_since_date_is_when_a_spell_began_not_the_acts_day():
    m = one(
        "قال مصدر في البيشمركة إن المدفعية التركية قصفت محيط قرية بيدوهي في ناحية كاني ماسي التابعة لقضاء"
        " العمادية، من دون أن تسجل خسائر بشرية. وأضاف أن القصف التركي على المنطقة متواصل منذ أسبوع."
    )
    assert (m.event_date, m.date_precision, m.location) == (PUB, "day", "Kani Masi")


def test_extract_a_military_sector_names_its_district():
    m = one(
        "أعلنت قيادة قوات الحدود إحباط محاولة تسلل لمجموعة من الإرهابيين من الأراضي السورية عبر الشريط الحدودي"
        " في قاطع القائم، مبينة أن القوات اشتبكت مع المتسللين وأجبرتهم على التراجع."
    )
    assert (m.location, m.governorate, m.target_id) == ("Al-Qaim", "Anbar", "iraqi_security_forces")


def test_extract_many_acts_over_a_period_are_a_tally_not_an_incident():
    assert (
        extract(
            "كشفت بعثة الأمم المتحدة في العراق أن 53 مدنيا قتلوا وأصيب 120 آخرون في أعمال عنف خلال شهر نيسان"
            " الماضي.",
            PUB,
        )
        == []
    )
    assert extract("قتل 12 شخصا في هجمات خلال الأسبوع الماضي في محافظة ديالى.", PUB) == []
    m = one("قتل ثلاثة جنود بهجوم لداعش على نقطة عسكرية في وادي الشاي، وهو الهجوم الثاني خلال الشهر الجاري.")
    # (an act's place in a series: no tally, and the period is not its day)
    assert (m.perpetrator_id, m.killed_best, m.event_date, m.date_precision) == ("isis", 3, PUB, "day")


def test_extract_the_group_the_arrested_are_charged_as_members_of_is_theirs():
    m = one("أعلنت قيادة شرطة بابل اعتقال متهم بالانتماء لتنظيم داعش في ناحية جرف النصر.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.location) == (
        "Arrests",
        "iraqi_security_forces",
        "isis",
        "Jurf al-Sakhar",
    )


def test_extract_where_the_attackers_withdrew_to_is_not_the_site():
    m = one(
        "أفاد مصدر أمني بإصابة ثلاثة جنود بهجوم شنه عناصر تنظيم داعش على ربيئة عسكرية في قرية تابعة لناحية"
        " الرشاد جنوبي كركوك. وقال المصدر إن عناصر التنظيم استخدموا الأسلحة المتوسطة في الهجوم، قبل أن ينسحبوا"
        " إلى عمق وادي الشاي."
    )
    assert (m.location, m.wounded_best) == ("Rashad", 3)


def test_extract_a_pages_heading_for_the_day_dates_the_items_that_name_none():
    ms = extract(
        "موجز الأخبار الأمنية ليوم الأحد\n\nديالى - قتل مدني وأصيب اثنان آخران بهجوم مسلح استهدف منزلا في قرية"
        " تابعة لقضاء المقدادية، مساء السبت.\n\nالأنبار - انفجرت عبوة ناسفة على عجلة تابعة للحشد الشعبي في"
        " صحراء الرطبة، دون تسجيل إصابات.",
        dt.date(2024, 6, 10),
    )
    assert [(m.governorate, m.event_date) for m in ms] == [
        ("Diyala", dt.date(2024, 6, 8)),
        ("Anbar", dt.date(2024, 6, 9)),
    ]


def test_extract_the_reports_own_attribution_stands_when_the_named_side_denies():
    m = one(
        "قتل مدنيان وأصيب ثالث جراء قصف تركي استهدف منتجعا سياحيا في قرية برخ بقضاء زاخو، وفق ما أعلنت حكومة"
        " إقليم كوردستان، فيما نفت أنقرة مسؤوليتها عن القصف."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.killed_best) == (
        "turkish_forces",
        "civilians",
        False,
        2,
    )


def test_extract_an_attack_denounced_by_marchers_is_an_earlier_act_and_marches_are_no_drones():
    ms = extract(
        "خرج أنصار الصدر بمسيرات في شوارع مدينة البصرة، منددين بالهجوم المسلح الذي تعرض له منزل جبر الخراساني،"
        ' أحد قياديي "سرايا السلام"، وحمّلوا من أسموهم "مليشيات وقحة" مسؤولية الهجوم.',
        PUB,
    )
    # (the attack they denounced is an earlier act with no day of its own: no row, and never the
    # marches' day; the marches are no drones; the commander's group is not who attacked)
    assert [(m.perpetrator_id, m.weapon, m.event_date) for m in ms] == []


def test_extract_responsibility_laid_on_another_after_its_own_verb_is_not_the_first_actors():
    m = one(
        'أصيب اثنان من حراس منزل جبر الخراساني، أحد قياديي "سرايا السلام"، وحمّلوا من أسموهم "مليشيات وقحة"'
        " مسؤولية الهجوم على المنزل في البصرة مساء أمس."
    )
    assert (m.perpetrator_id, m.wounded_best) == ("iran_aligned_militias", 2)


def test_extract_an_announcer_named_in_quotes_claims_its_own_strike():
    ms = extract(
        'أعلنت "المقاومة الإسلامية في العراق"، مساء اليوم، استهداف قاعدة عين الأسد غربي العراق بطائرة مسيرة.',
        PUB,
    )
    assert [(m.perpetrator_id, m.target_id, m.claimed) for m in ms] == [
        ("islamic_resistance_iraq", "us_forces", True)
    ]


def test_extract_a_side_said_to_be_absent_is_no_party():
    m = one(
        "قصفت المدفعية التركية بأكثر من 20 قذيفة محيط ناحية باطوفة، وسط حالة من الهلع بين الأهالي، في حين أكد"
        " مسؤول محلي عدم وجود عناصر لحزب العمال في المنطقة."
    )
    assert (m.perpetrator_id, m.governorate) == ("turkish_forces", "Duhok")
    assert m.target_id != "pkk"


def test_extract_a_group_that_proceeded_to_execute_captives_attacked_civilians_a_court_did_not():
    # (the days-ago of a relative clause after the act, its verb carrying its object, is the
    # kidnapping's, not the execution's)
    m = one(
        "أقدم عناصر من تنظيم داعش على إعدام ثلاثة مواطنين اختطفوهم قبل أيام من قرية في صحراء الحضر، وفق"
        " مصادر محلية."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "Attack",
        "isis",
        "civilians",
        3,
        "Nineveh",
    )
    assert extract("نفذت وزارة العدل حكم الإعدام بحق 11 مدانا بالإرهاب في سجن الناصرية.", PUB) == []


def test_extract_targets_counted_at_sites_of_two_governorates_are_two_strikes():
    ms = extract(
        "قصفت الطائرات التركية 12 هدفا لحزب العمال الكردستاني في مناطق متينا وهاكورك شمال العراق، مساء أمس، وفق"
        " وزارة الدفاع التركية.",
        PUB,
    )
    assert sorted((m.governorate, m.location, m.perpetrator_id, m.target_id) for m in ms) == [
        ("Duhok", "Metina", "turkish_forces", "pkk"),
        ("Erbil", "Hakurk", "turkish_forces", "pkk"),
    ]


def test_extract_a_weapon_of_another_kind_found_elsewhere_in_the_same_sentence_is_another_act():
    ms = extract(
        "سقطت طائرة مسيرة مفخخة في محيط مطار بغداد الدولي، فجر اليوم، فيما عثرت القوات الأمنية على منصة إطلاق"
        " صواريخ في منطقة الرضوانية القريبة.",
        PUB,
    )
    assert sorted((m.sub_event_type, m.weapon, m.location) for m in ms) == [
        ("Air/drone strike", "drone", "Baghdad International Airport"),
        ("Disrupted weapons use", "rocket", "Radwaniyah"),
    ]
    # (a rocket attack's own launcher, found nearby, is the same act)
    m = one(
        "سقطت ثلاثة صواريخ كاتيوشا على محيط مطار بغداد الدولي فجر اليوم، فيما عثرت القوات الأمنية على منصة"
        " الإطلاق في منطقة الرضوانية."
    )
    assert (m.sub_event_type, m.weapon) == ("Shelling/artillery/missile attack", "rocket")


def test_extract_targets_counted_in_words_at_named_sites_are_so_many_strikes():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق استهداف ثلاثة أهداف في إيلات والجولان وحيفا بالطائرات المسيرة، فجر"
        " اليوم.",
        PUB,
    )
    assert sorted(m.location for m in ms) == ["Eilat", "Golan Heights", "Haifa"]
    assert {(m.perpetrator_id, m.target_id, m.claimed) for m in ms} == {
        ("islamic_resistance_iraq", "israel_forces", True)
    }


def test_extract_protesters_shot_by_forces_named_while_storming_suffered_excessive_force():
    m = one(
        "قتل متظاهران وأصيب سبعة آخرون بنيران القوات الأمنية أثناء محاولة محتجين اقتحام مبنى مجلس محافظة ذي"
        " قار، مساء أمس."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        2,
        7,
    )
    # (storming with no one named as firing stays the crowd's riot)
    m = one("قتل متظاهر خلال مواجهات بين محتجين وقوات مكافحة الشغب، بعدما حاولوا اقتحام مبنى ديوان المحافظة.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "protesters")


def test_extract_the_attackers_description_of_a_site_over_several_words_names_no_target():
    m = one(
        "أعلن الحرس الثوري الإيراني، فجر اليوم، أنه استهدف بصواريخ باليستية ما وصفه بمقر للتجسس تابع للموساد في"
        " أربيل، ما أسفر عن مقتل أربعة مدنيين."
    )
    assert (m.perpetrator_id, m.target_id, m.governorate, m.killed_best) == (
        "iran_forces",
        "civilians",
        "Erbil",
        4,
    )


def test_extract_the_owner_of_the_site_hit_is_the_target_over_a_civilian_among_the_dead():
    m = one(
        "هز انفجار عنيف مخزنا للأعتدة تابعا للحشد الشعبي في معسكر الصقر جنوبي بغداد، مساء أمس، ما أسفر عن"
        " مقتل مدني وإصابة 29 آخرين."
    )
    assert (m.target_id, m.location, m.killed_best, m.wounded_best) == ("pmf", "Camp Saqr", 1, 29)


def test_extract_a_vehicle_used_in_the_launch_found_later_is_no_other_act():
    m = one(
        "قالت وزارة داخلية إقليم كردستان إن ستة صواريخ أطلقت باتجاه مطار أربيل الدولي مساء أمس. ونشرت السلطات"
        " صورا لعجلة استخدمت في إطلاق الصواريخ عثر عليها في برطلة."
    )
    assert (m.sub_event_type, m.location) == (
        "Shelling/artillery/missile attack",
        "Erbil International Airport",
    )
    assert (
        one("وعثرت القوات الأمنية على عجلة مفخخة معدة للتفجير في برطلة.").sub_event_type
        == "Disrupted weapons use"
    )


def test_extract_no_one_hurt_told_in_a_later_clause_with_no_act_of_its_own_is_the_acts_toll():
    m = one("سقطت ثلاثة صواريخ على قاعدة بلد الجوية فجر اليوم، فيما لم تسجل أي إصابات.")
    assert (m.location, m.killed_best, m.wounded_best) == ("Balad Air Base", 0, 0)
    # (a later clause with an act of its own keeps its none)
    ms = extract("سقطت ثلاثة صواريخ على قاعدة بلد الجوية، فيما انفجرت عبوة ناسفة في تكريت دون إصابات.", PUB)
    assert sorted((m.location, m.killed_best) for m in ms) == [("Balad Air Base", None), ("Tikrit", 0)]


def test_extract_officers_counted_by_their_ranks_and_a_barracks_are_the_security_forces():
    m = one(
        "استشهد ضابطان برتبة نقيب وملازم وثلاثة جنود، اليوم، بهجوم لعناصر داعش استهدف ثكنة عسكرية في منطقة"
        " مطيبيجة."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "isis",
        "iraqi_security_forces",
        5,
        "Salah al-Din",
    )
    assert one("استشهد ضابطان بهجوم لعناصر داعش في مطيبيجة.").target_id == "iraqi_security_forces"
    m = one("هاجم عناصر داعش ثكنة عسكرية في منطقة مطيبيجة، فجر اليوم.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Armed clash",
        "isis",
        "iraqi_security_forces",
    )


def test_extract_a_civilian_contractor_of_the_us_forces_is_on_their_side():
    m = one(
        "قتل متعاقد مدني أمريكي وأصيب أربعة جنود أمريكيين، مساء أمس، جراء هجوم صاروخي استهدف قاعدة K1 العسكرية في"
        " محافظة كركوك."
    )
    assert (m.target_id, m.killed_best, m.wounded_best, m.governorate) == ("us_forces", 1, 4, "Kirkuk")


def test_extract_a_claim_verb_with_its_subject_dropped_goes_on_with_the_claimant_before():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق، مساء أمس، استهداف هدف حيوي في منطقة غور الأردن بالطائرات المسيرة."
        " كما أعلنت في بيان ثان استهداف قاعدة عسكرية في الجولان المحتل.",
        PUB,
    )
    assert sorted((m.location, m.perpetrator_id, m.target_id, m.claimed, m.sub_event_type) for m in ms) == [
        ("Golan Heights", "islamic_resistance_iraq", "israel_forces", True, "Air/drone strike"),
        ("Jordan Valley", "islamic_resistance_iraq", "israel_forces", True, "Air/drone strike"),
    ]
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة فجر اليوم. كما أعلنت استهداف"
        " قاعدة عين الأسد بالصواريخ.",
        PUB,
    )
    assert {(m.location, m.perpetrator_id, m.claimed) for m in ms} == {
        ("Harir Air Base", "islamic_resistance_iraq", True),
        ("Ain al-Asad Air Base", "islamic_resistance_iraq", True),
    }


def test_extract_crowds_that_fought_each_other_or_the_police_rioted_and_a_grievance_names_no_party():
    m = one(
        "قتل أربعة أشخاص وأصيب 15 آخرون، مساء أمس، خلال مواجهات بين متظاهرين كرد وعرب في مدينة كركوك، إثر"
        " احتجاجات على قرار تسليم مقر قيادة العمليات للحزب الديمقراطي الكردستاني."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.killed_best, m.wounded_best) == (
        "Violent demonstration",
        "protesters",
        4,
        15,
    )
    assert m.target_id != "political_parties"
    m = one("اندلعت مواجهات بين متظاهرين وقوات مكافحة الشغب في الناصرية أسفرت عن إصابة 20 شخصا.")
    assert (m.sub_event_type, m.perpetrator_id) == ("Violent demonstration", "protesters")
    # (a faction's armed men against another's fought a battle)
    m = one("اندلعت اشتباكات بين أنصار التيار الصدري وعناصر من عصائب أهل الحق في البصرة أسفرت عن مقتل أربعة.")
    assert m.sub_event_type == "Armed clash"


def test_extract_the_act_named_again_with_the_day_it_occurred_dates_it_over_the_statements_day():
    m = one(
        "أفاد مصدر أمني في محافظة كركوك، اليوم، بمقتل جنديين بهجوم لعناصر داعش على نقطة للجيش. وقال المصدر إن"
        ' "الهجوم وقع في ساعة متأخرة من ليلة أمس".'
    )
    assert (m.event_date, m.killed_best, m.target_id) == (
        PUB - dt.timedelta(days=1),
        2,
        "iraqi_security_forces",
    )
    m = one(
        "أفاد مصدر أمني في محافظة كركوك بمقتل جنديين بهجوم لعناصر داعش على نقطة للجيش. وقال المصدر إن الهجوم"
        " وقع فجر أمس."
    )
    assert m.event_date == PUB - dt.timedelta(days=1)


def test_extract_a_faction_that_managed_a_strike_in_its_own_words_claimed_it():
    m = one(
        "بعون الله وتوفيقه، تمكن مجاهدو سرايا أولياء الدم من استهداف رتل للاحتلال الأمريكي بعبوة ناسفة على"
        " الطريق الدولي في منطقة الديوانية، ظهر اليوم، وتحقيق إصابة مباشرة."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.governorate) == (
        "saraya_awliya_al_dam",
        "us_forces",
        True,
        "Qadisiyyah",
    )
    m = one("استطاع أبطال المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة.")
    assert m.perpetrator_id == "islamic_resistance_iraq"


def test_extract_the_force_that_stepped_in_and_arrested_took_no_part_in_the_feud():
    m = one(
        "شهدت محافظة البصرة، مساء أمس، نزاعا عشائريا في منطقة كرمة علي استخدمت فيه الأسلحة الخفيفة والمتوسطة،"
        " أسفر عن إصابة شخصين، قبل أن تتدخل القوات الأمنية وتعتقل عددا من المتورطين."
    )
    assert (m.sub_event_type, m.location, m.wounded_best) == ("Armed clash", "Karmat Ali", 2)
    assert m.target_id != "iraqi_security_forces"


def test_extract_the_other_sides_answer_is_its_own_clause_and_a_sites_country_is_no_other_site():
    ms = extract(
        "تصاعدت المواجهة بين الفصائل المسلحة الموالية لإيران والقوات الأمريكية. وكانت أعنف تلك الهجمات في 28"
        " كانون الثاني الماضي، حين قتل ثلاثة جنود أمريكيين بهجوم بطائرة مسيرة على البرج 22 في الأردن، وهو ما"
        " ردت عليه واشنطن في الثاني من شباط بضربات على 85 هدفا في العراق وسوريا.",
        PUB,
    )
    assert [(m.location, m.event_date, m.killed_best, m.perpetrator_id, m.target_id) for m in ms] == [
        ("Tower 22", dt.date(2024, 1, 28), 3, "iran_aligned_militias", "us_forces")
    ]


def test_extract_the_commands_own_forces_that_managed_a_killing_did_it():
    m = one("قال الناطق باسم القائد العام: قواتنا البطلة تمكنت من تصفية 5 إرهابيين في وادي حوران فجر اليوم.")
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == (
        "iraqi_security_forces",
        "isis",
        5,
        "Anbar",
    )


def test_extract_a_drowning_is_no_killing():
    assert extract("انتشال جثة غريق من نهر دجلة في منطقة الكريعات شمالي بغداد.", PUB) == []
    assert extract("غرق ثلاثة أطفال في نهر الفرات بمدينة الفلوجة، أمس.", PUB) == []
    m = one("عثرت القوات الأمنية على جثة شاب مقتول بطلقات نارية في منطقة النهروان.")
    assert (m.sub_event_type, m.killed_best) == ("Attack", 1)


def test_extract_the_last_of_a_list_of_bullets_is_no_briefs_headline():
    ms = extract(
        "• مقتل شخصين بقصف تركي على قرية في قضاء العمادية\n• إصابة ثلاثة مدنيين بانفجار في السليمانية\n"
        "• اعتقال مطلوب بتهمة الإرهاب في بابل\n\nدهوك – أعلنت سلطات قضاء العمادية، اليوم، مقتل شخصين بقصف"
        " مدفعي تركي استهدف قرية كاني بلافي.",
        PUB,
    )
    assert {(m.location, m.target_id) for m in ms if m.perpetrator_id == "turkish_forces"} == {
        ("Amadiya", "civilians")
    }


def test_extract_the_side_of_a_city_a_named_place_lies_on_only_locates_it():
    ms = extract(
        "نفذت واشنطن اليوم ضربات على مواقع لكتائب حزب الله في منطقة جرف النصر جنوب بغداد، أسفرت عن مقتل ثمانية"
        " من عناصر الكتائب.",
        PUB,
    )
    assert [(m.location, m.governorate, m.perpetrator_id, m.target_id, m.killed_best) for m in ms] == [
        ("Jurf al-Sakhar", "Babil", "us_forces", "kataib_hezbollah", 8)
    ]


def test_extract_a_raid_that_killed_the_groups_men_is_a_fight():
    m = one(
        "نفذت قوة من جهاز مكافحة الإرهاب إنزالا جويا في صحراء الحضر، أسفر عن قتل ثلاثة من الدواعش واعتقال"
        " اثنين آخرين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Armed clash",
        "iraqi_security_forces",
        "isis",
        3,
    )


def test_extract_people_hurt_by_a_states_attack_are_not_its_members():
    m = one(
        "ارتفع عدد الجنود الأمريكيين المصابين جراء الهجوم الصاروخي الإيراني على قاعدة عين الأسد في الثامن من"
        " آذار الجاري إلى 109 جنود."
    )
    assert (m.perpetrator_id, m.target_id, m.location) == ("iran_forces", "us_forces", "Ain al-Asad Air Base")
    m = one("أصيب جنود بالهجوم الصاروخي الإيراني على قاعدة عين الأسد فجر اليوم.")
    assert (m.perpetrator_id, m.target_id) == ("iran_forces", "us_forces")


def test_extract_a_headlines_second_story_names_no_party_to_its_first():
    ms = extract(
        "أعلنت حركة النجباء مسؤوليتها عن هجوم بطائرة مسيرة استهدف فجر اليوم هدفا حيويا في مدينة إيلات.",
        PUB,
        "النجباء تعلن استهداف إيلات بمسيرة.. وكتائب حزب الله تنفي علاقتها بقصف حرير",
    )
    assert [(m.location, m.perpetrator_id, m.target_id) for m in ms] == [("Eilat", "nujaba", "israel_forces")]


def test_extract_a_group_that_says_it_stood_behind_the_attack_claimed_it():
    m = one(
        "قالت سرايا أولياء الدم، في بيان نشرته قنوات على تطبيق تلغرام، إنها تقف وراء الهجوم الصاروخي الذي"
        " استهدف مطار أربيل مساء أمس."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.sub_event_type) == (
        "saraya_awliya_al_dam",
        "us_forces",
        True,
        "Shelling/artillery/missile attack",
    )


def test_extract_a_one_way_attack_drone_is_no_suicide_bomber():
    m = one(
        "أصيب ثلاثة عسكريين أمريكيين في هجوم بطائرة مسيرة انتحارية استهدف قاعدة حرير الجوية في إقليم كردستان،"
        " صباح اليوم."
    )
    assert (m.sub_event_type, m.weapon, m.target_id, m.wounded_best) == (
        "Air/drone strike",
        "drone",
        "us_forces",
        3,
    )
    m = one("فجر انتحاري نفسه وسط سوق شعبي في مدينة الصدر، فيما حلقت طائرة مسيرة فوق المكان.")
    assert m.sub_event_type == "Suicide bomb"


def test_extract_acts_counted_then_told_one_by_one_with_their_places_are_so_many_acts():
    ms = extract(
        "شهدت محافظة ديالى، اليوم، انفجار عبوتين ناسفتين، الأولى في المقدادية أسفرت عن إصابة ثلاثة مدنيين،"
        " والثانية في خانقين أسفرت عن مقتل جندي وإصابة آخر.",
        PUB,
    )
    assert sorted((m.location, m.target_id, m.killed_best, m.wounded_best) for m in ms) == [
        ("Khanaqin", "iraqi_security_forces", 1, 1),
        ("Muqdadiyah", "civilians", None, 3),
    ]
    # (an ordinal that is a unit's name opens no item)
    m = one("هاجم عناصر داعش مقر الفرقة الثانية في الجيش قرب المقدادية، ما أسفر عن مقتل جنديين.")
    assert (m.location, m.killed_best) == ("Muqdadiyah", 2)


def test_extract_a_ministrys_own_forces_named_before_the_verb_struck_the_men_named_after_it():
    m = one(
        "قالت وزارة الدفاع التركية إن قواتها حيدت 7 إرهابيين من حزب العمال الكردستاني في مناطق عمليات المخلب"
        " شمالي العراق، بعد رصدهم وهم يستعدون لشن هجوم على القواعد التركية."
    )
    assert (m.perpetrator_id, m.target_id, m.country) == ("turkish_forces", "pkk", "Iraq")
    m = one("قالت وزارة الدفاع التركية إن قواتها حيدت 7 إرهابيين في منطقة متينا شمالي العراق.")
    assert (m.perpetrator_id, m.target_id, m.governorate) == ("turkish_forces", "pkk", "Duhok")


def test_extract_the_next_day_and_days_later_count_from_the_act_just_told():
    ms = extract(
        "تعرضت قاعدة حرير لهجوم بطائرة مسيرة يوم الأحد 3 آذار. وفي اليوم التالي، سقطت ثلاثة صواريخ على قاعدة"
        " عين الأسد، من دون إصابات.",
        PUB,
    )
    assert sorted((m.location, m.event_date) for m in ms) == [
        ("Ain al-Asad Air Base", dt.date(2024, 3, 4)),
        ("Harir Air Base", dt.date(2024, 3, 3)),
    ]
    ms = extract(
        "قتل جنديان في هجوم لداعش على نقطة للجيش في وادي الشاي في 2 آذار، وبعد ثلاثة أيام قتل ضابط بانفجار"
        " عبوة في المنطقة ذاتها.",
        PUB,
    )
    assert sorted((m.event_date, m.sub_event_type, m.killed_best) for m in ms) == [
        (dt.date(2024, 3, 2), "Armed clash", 2),
        (dt.date(2024, 3, 5), "Remote explosive/landmine/IED", 1),
    ]


def test_extract_the_victims_kin_who_rioted_after_an_armed_attack_did_another_act():
    ms = extract(
        "قتل 11 شخصا من أهالي قرية الهواشة في قضاء المقدادية، وأصيب آخرون، بهجوم شنه مسلحو داعش على القرية ليل"
        " السبت، فيما أقدم ذوو الضحايا لاحقا على إحراق منازل في قرية نهر الإمام المجاورة.",
        PUB,
    )
    by_type = {m.sub_event_type: m for m in ms}
    attack = by_type["Attack"]
    assert (attack.perpetrator_id, attack.target_id, attack.killed_best) == ("isis", "civilians", 11)
    assert set(by_type) == {"Attack", "Violent demonstration"}
    assert by_type["Violent demonstration"].perpetrator_id != "isis"


def test_extract_a_site_near_which_a_district_lies_only_locates_it():
    m = one(
        "قتل خمسة مدنيين، بينهم ثلاثة أطفال، بسقوط صاروخ كاتيوشا على منزلهم في منطقة الرضوانية قرب مطار بغداد"
        " الدولي، مساء أمس."
    )
    assert (m.location, m.target_id, m.killed_best) == ("Radwaniyah", "civilians", 5)
    m = one("سقطت ثلاثة صواريخ على قاعدة فكتوري العسكرية قرب مطار بغداد الدولي، فجر اليوم.")
    assert m.location == "Victory Base (Baghdad Airport)"


def test_extract_the_force_that_carried_out_the_operation_feminine_object_did_it():
    m = one(
        "قتل ثلاثة من عناصر داعش، اليوم، في عملية نفذتها قوة من جهاز مكافحة الإرهاب بإسناد من طيران التحالف"
        " الدولي في وادي الشاي جنوب غربي كركوك."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.location) == (
        "iraqi_security_forces",
        "isis",
        3,
        "Wadi al-Shay",
    )


def test_extract_two_rockets_seized_ready_to_fire_stopped_an_attack():
    m = one("ضبطت القوات الأمنية صاروخين معدين للإطلاق في منطقة الرضوانية جنوب غربي بغداد.")
    assert (m.sub_event_type, m.weapon, m.location) == ("Disrupted weapons use", "rocket", "Radwaniyah")


def test_extract_an_attack_on_a_us_base_with_its_toll_and_no_weapon_named_is_a_strike_from_afar():
    m = one(
        "قال مسؤول عسكري أمريكي إن جنديا أمريكيا أصيب بجروح طفيفة في الهجوم الذي استهدف قاعدة عين الأسد فجر"
        " اليوم."
    )
    assert (m.sub_event_type, m.target_id, m.wounded_best) == ("Air/drone strike", "us_forces", 1)
    # ("a number of them" hurt counts as a vague few)
    m = one(
        "أطلقت قوات الأمن الغاز المسيل للدموع لتفريق متظاهرين حاولوا اقتحام السفارة الأمريكية في بغداد، ما أدى"
        " إلى إصابة عدد منهم بحالات اختناق."
    )
    assert (m.sub_event_type, m.wounded_low, m.wounded_best) == ("Excessive force against protesters", 2, 3)


def test_extract_a_country_named_after_its_border_is_no_party():
    m = one(
        "استشهد منتسب في قيادة قوات الحدود وأصيب آخر بهجوم شنه مهربون على مخفر حدودي في منطقة الشيب قرب"
        " الحدود مع إيران، في محافظة ميسان."
    )
    assert (m.perpetrator_id, m.target_id, m.governorate) == ("unknown", "iraqi_security_forces", "Maysan")


def test_extract_a_clash_told_by_one_sides_dead_then_the_others_adds_both_and_names_the_soldiers_side():
    m = one(
        "أكدت خلية الإعلام الأمني استشهاد ضابط وجنديين في اشتباك مع عناصر داعش في جبل قرة جوخ، فيما أسفرت"
        " الاشتباكات عن مقتل أربعة من الإرهابيين."
    )
    assert (m.sub_event_type, m.killed_best) == ("Armed clash", 7)
    assert {m.perpetrator_id, m.target_id} == {"iraqi_security_forces", "isis"}


def test_extract_a_side_named_before_clashed_is_one_side_and_gunmen_counted_dead_are_none():
    m = one(
        "صرح آمر لواء في البيشمركة بأن قوة من البيشمركة اشتبكت مع عناصر من داعش على سفوح جبل قرة جوخ، فجر"
        " اليوم، ما أسفر عن مقتل اثنين من المسلحين وإصابة عنصر من البيشمركة."
    )
    assert {m.perpetrator_id, m.target_id} == {"peshmerga", "isis"}
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 2, 1)


def test_extract_a_bomber_amid_a_gathering_of_a_groups_men_targets_the_group():
    m = one(
        "فجر انتحاري يرتدي حزاما ناسفا نفسه وسط تجمع لعناصر الحشد العشائري في منطقة الحامضية شمالي الرمادي،"
        " ظهر الأربعاء، ما أسفر عن مقتل خمسة منهم وإصابة تسعة آخرين."
    )
    assert (m.target_id, m.killed_best, m.wounded_best) == ("pmf", 5, 9)


def test_extract_reporters_assaulted_while_covering_a_protest_is_an_attack_not_a_riot():
    m = one(
        "اعتدى عناصر من فصيل مسلح على فريق قناة محلية أثناء تغطيتهم تظاهرة في ساحة التحرير وسط بغداد، ما أدى"
        " إلى إصابة مصور القناة بجروح وتحطيم معداتهم."
    )
    assert (m.sub_event_type, m.target_id, m.wounded_best) == ("Attack", "civilians", 1)
    m = one("تعرض مراسل قناة الشرقية للاعتداء من قبل عناصر أمن أثناء تغطيته تظاهرات البصرة، أمس.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Attack",
        "iraqi_security_forces",
        "civilians",
    )
    m = one("اعتدى مسلحون مجهولون على صاحب محل في سوق الشورجة ببغداد وأصابوه بجروح.")
    assert (m.sub_event_type, m.perpetrator_id, m.wounded_best) == ("Attack", "unknown", 1)


def test_extract_a_none_told_after_a_salvo_on_two_bases_and_its_cause_counts_for_both_sites():
    ms = extract(
        "أطلقت إيران فجر اليوم الأربعاء أكثر من 15 صاروخا باليستيا على قاعدتي عين الأسد في الأنبار وحرير في"
        " أربيل، اللتين تستضيفان قوات أمريكية، ردا على اغتيال قائد فيلق القدس قاسم سليماني. وقالت وزارة"
        " الدفاع الأمريكية إنه لم تقع إصابات في صفوف جنودها.",
        PUB,
    )
    assert sorted((m.location, m.killed_best, m.wounded_best) for m in ms) == [
        ("Ain al-Asad Air Base", 0, 0),
        ("Harir Air Base", 0, 0),
    ]


def test_extract_forces_firing_on_a_crowd_that_blocked_roads_over_a_kidnapping_is_excessive_force():
    # (the kidnapping protested is no act here, and neither is the force's fire named "the" live
    # rounds after it: another act, not the one protested)
    m = one(
        "أغلق محتجون غاضبون الطرق الرئيسية في الناصرية بالإطارات المحترقة، احتجاجا على اختطاف ناشط، واستخدمت"
        " القوات الأمنية الرصاص الحي لتفريقهم ما أدى إلى إصابة أربعة منهم."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.weapon, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        "small_arms",
        4,
    )


def test_extract_power_towers_and_an_oil_pipeline_blown_up_hit_civilians():
    m = one(
        "فجر مجهولون برجين لنقل الطاقة الكهربائية بعبوات ناسفة في قضاء الطارمية شمالي بغداد، ما أدى إلى انقطاع"
        " خطوط نقل الطاقة."
    )
    assert (m.sub_event_type, m.target_id) == ("Remote explosive/landmine/IED", "civilians")
    m = one("تعرض أنبوب ناقل للنفط الخام في قضاء الشرقاط لتفجير بعبوة ناسفة، ما أدى إلى اندلاع حريق فيه.")
    assert m.target_id == "civilians"


def test_extract_a_us_strike_on_men_who_threatened_its_forces_then_the_pmf_tells_its_dead():
    m = one(
        "قالت القيادة المركزية الأمريكية (سنتكوم) إن قواتها نفذت، مساء الثلاثاء، ضربة دفاعية في منطقة المسيب"
        " بمحافظة بابل، استهدفت مقاتلين كانوا يحاولون إطلاق طائرات مسيرة هجومية شكلت تهديدا للقوات الأمريكية"
        " وقوات التحالف. وأفادت مصادر في الحشد الشعبي بمقتل أربعة من عناصره في الضربة."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best, m.governorate) == ("us_forces", "pmf", 4, "Babil")


def test_extract_an_air_strike_on_a_convoy_is_no_roadside_bomb_and_a_denied_toll_is_none():
    m = one(
        "أكد مصدر في الحشد الشعبي أن ضربة جوية مجهولة استهدفت رتلا للحشد على الطريق الدولي قرب منفذ القائم،"
        " مساء الأحد، ما أسفر عن تدمير عجلتين، نافيا وقوع إصابات في صفوف المقاتلين."
    )
    assert (m.sub_event_type, m.target_id, m.killed_best, m.wounded_best) == ("Air/drone strike", "pmf", 0, 0)


def test_extract_a_force_that_stepped_in_and_dispersed_protesters_used_force_on_them():
    m = one(
        "خرج المئات من أهالي قضاء الزبير في تظاهرة غاضبة احتجاجا على انقطاع التيار الكهربائي، وقطعوا الطريق"
        " المؤدي إلى حقول النفط، قبل أن تتدخل قوات مكافحة الشغب وتفرق المحتجين بالهراوات والغاز المسيل للدموع،"
        " ما أدى إلى إصابة ستة متظاهرين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        6,
    )


def test_extract_a_crowd_that_stormed_then_was_fired_on_to_disperse_it_is_the_forces_fire():
    m = one(
        "أقدم متظاهرون غاضبون على اقتحام مبنى القنصلية الإيرانية في كربلاء وإضرام النار في بوابتها، مساء أمس،"
        " فيما أطلقت قوات الأمن النار لتفريقهم، ما أسفر عن مقتل ثلاثة متظاهرين وإصابة 19 آخرين."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best, m.wounded_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        3,
        19,
    )


def test_extract_a_protester_dead_of_wounds_from_a_confrontation_with_the_forces():
    m = one(
        "شيع أهالي الديوانية، اليوم، جثمان المتظاهر حسن علي الذي توفي متأثرا بجروح أصيب بها خلال مواجهات مع"
        " القوات الأمنية الأسبوع الماضي."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        1,
    )


def test_extract_arrests_at_places_listed_together_are_one_act_at_each():
    ms = extract(
        "أعلن جهاز الأمن الوطني اعتقال ستة إرهابيين من داعش في عمليات منفصلة بمحافظات كركوك ونينوى وصلاح الدين.",
        PUB,
    )
    assert sorted(m.governorate for m in ms) == ["Kirkuk", "Nineveh", "Salah al-Din"]
    assert {m.sub_event_type for m in ms} == {"Arrests"}
    ms = extract("اعتقلت القوات الأمنية ثلاثة متهمين بالإرهاب في الموصل واثنين في كركوك.", PUB)
    assert sorted(m.location for m in ms) == ["Kirkuk", "Mosul"]


def test_extract_where_attacks_were_planned_is_no_site_of_the_arrest():
    m = one("اعتقلت القوات الأمنية في كركوك إرهابيا كان يخطط لتنفيذ هجمات في بغداد.")
    assert (m.sub_event_type, m.governorate) == ("Arrests", "Kirkuk")


def test_extract_a_tribal_dakka_on_a_house_is_an_attack():
    m = one(
        "تعرض منزل مواطن في منطقة الحسينية شمالي بغداد إلى دكة عشائرية بالأسلحة النارية والرمانات اليدوية،"
        " فجر اليوم، دون وقوع إصابات."
    )
    assert (m.sub_event_type, m.weapon, m.target_id, m.killed_best) == (
        "Attack",
        "small_arms",
        "civilians",
        0,
    )


def test_extract_the_day_of_a_charged_act_dates_no_arrest_and_no_later_story():
    ms = extract(
        "وفي سياق منفصل، أعلنت قيادة عمليات بغداد اعتقال متهم بتفجير عبوة ناسفة في منطقة الدورة الأسبوع الماضي."
        "\n\nمن جهة أخرى، قتل شاب وأصيب آخر بنيران مجهولين في منطقة الشعلة غربي بغداد.",
        PUB,
    )
    shula = [m for m in ms if m.location == "Shula"]
    assert [(m.event_date, m.date_precision, m.killed_best) for m in shula] == [(PUB, "day", 1)]
    # (a charge that names no act leaves the day to the arrest)
    m = one("اعتقلت القوات الأمنية متهمين بالإرهاب أمس في منطقة الطارمية.")
    assert m.event_date == PUB - dt.timedelta(days=1)


def test_extract_a_charge_in_a_later_clause_names_the_side_of_the_act_told_before_it():
    m = one(
        "نفت كتائب حزب الله أي علاقة لها بالهجوم الصاروخي الذي استهدف السفارة الأمريكية في بغداد فجر اليوم، فيما"
        " اتهمت واشنطن فصائل مدعومة من إيران بالوقوف وراءه."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("iran_aligned_militias", "us_forces", False)


def test_extract_the_side_held_responsible_for_a_death_did_it_and_the_dead_is_a_civilian():
    m = one(
        "حملت عشيرة البو محمد الحكومة المحلية مسؤولية مقتل أحد أبنائها برصاص حماية مسؤول في قضاء قلعة صالح."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_government", "civilians", 1)


def test_extract_the_toll_of_those_of_a_salvo_that_fell_after_most_were_intercepted():
    m = one(
        "تعرضت قاعدة عين الأسد الجوية غربي الأنبار، مساء اليوم، لهجوم بعدد من الصواريخ الباليستية. وقالت"
        " القيادة الأمريكية إن معظم الصواريخ اعترضتها الدفاعات الجوية للقاعدة، فيما سقط عدد منها داخل القاعدة،"
        " ما أدى إلى إصابة عدد من الجنود الأمريكيين بجروح طفيفة وجندي عراقي واحد."
    )
    assert (m.sub_event_type, m.wounded_low, m.wounded_best, m.wounded_high) == (
        "Shelling/artillery/missile attack",
        3,
        4,
        None,
    )


def test_extract_a_claim_verb_with_its_subject_dropped_in_a_later_clause_goes_on_with_the_claimant():
    ms = extract(
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة حرير في أربيل بطائرة مسيرة، فجر اليوم، كما أعلنت في"
        " بيان ثان استهداف قاعدة عين الأسد بالصواريخ.",
        PUB,
    )
    assert sorted((m.location, m.perpetrator_id, m.claimed) for m in ms) == [
        ("Ain al-Asad Air Base", "islamic_resistance_iraq", True),
        ("Harir Air Base", "islamic_resistance_iraq", True),
    ]


def test_extract_a_body_that_mourns_its_men_who_died_by_a_bomb_was_hit():
    m = one(
        "نعت هيئة الحشد الشعبي ثلاثة من مقاتليها قضوا بانفجار عبوة ناسفة في قضاء الطارمية أمس السبت، متهمة بقايا"
        " داعش بزرعها."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "pmf", 3)


def test_extract_a_drone_shot_down_abroad_that_an_iraqi_faction_claims_in_a_later_clause():
    m = one(
        "أعلن الجيش الإسرائيلي اعتراض طائرة مسيرة أطلقت من العراق باتجاه إيلات، فيما تبنت المقاومة الإسلامية في"
        " العراق الهجوم."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.claimed, m.location) == (
        "Disrupted weapons use",
        "islamic_resistance_iraq",
        "israel_forces",
        True,
        "Eilat",
    )


def test_extract_unknown_aircraft_strike_from_the_air_and_a_drone_seen_flying_is_no_strike():
    m = one(
        "قصفت طائرات مجهولة مواقع لفصائل عراقية مسلحة في منطقة البوكمال السورية قرب الحدود مع العراق، ما أسفر"
        " عن مقتل سبعة مقاتلين عراقيين."
    )
    assert (m.sub_event_type, m.weapon, m.killed_best) == ("Air/drone strike", "airstrike", 7)
    assert extract("حلقت طائرة مسيرة مجهولة فوق المنطقة الخضراء ببغداد، مساء اليوم.", PUB) == []
    assert (
        extract("رصدت القوات الأمنية تحليق طائرات مسيرة فوق قاعدة عين الأسد دون أن تنفذ أي هجوم.", PUB) == []
    )
    # (a drone that flew over, then struck, struck)
    m = one("حلقت طائرة مسيرة فوق مقر للحشد في قضاء بلد قبل أن تقصفه بصاروخين، ما أدى إلى إصابة مقاتل.")
    assert (m.sub_event_type, m.wounded_best) == ("Air/drone strike", 1)


def test_extract_a_later_toll_with_the_one_told_before_among_them_is_the_whole_toll():
    # (and where the one killed was in charge of is no place of the act)
    m = one(
        "قتل قيادي بارز في كتائب حزب الله العراقية، مساء الأربعاء، في ضربة بطائرة مسيرة أمريكية استهدفت سيارته"
        ' في حي المشتل شرقي العاصمة بغداد. وقال مصدر أمني إن "ثلاثة أشخاص كانوا داخل السيارة قتلوا، بينهم'
        ' القيادي أبو باقر الساعدي المسؤول عن ملف العمليات في سوريا".'
    )
    assert (m.location, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Mashtal",
        "us_forces",
        "kataib_hezbollah",
        3,
    )


def test_extract_shots_of_no_one_named_after_a_riot_stay_the_riots_toll():
    m = one(
        "أحرق متظاهرون القنصلية الإيرانية في النجف مساء أمس، فيما أصيب عشرات المحتجين بالرصاص الحي قرب ضريح"
        " الحكيم."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.wounded_best) == ("Violent demonstration", "protesters", 10)


def test_extract_a_fresh_act_tied_to_an_anniversary_is_no_act_of_the_past():
    # (and the act remembered, told after the anniversary, lends it no toll and no side)
    m = one(
        "أطلق مجهولون صاروخي كاتيوشا سقطا في محيط مطار بغداد، ويعتقد أن الهجوم مرتبط بالذكرى السنوية الثانية"
        " لمقتل سليماني والمهندس."
    )
    assert (m.sub_event_type, m.location, m.perpetrator_id, m.killed_best) == (
        "Shelling/artillery/missile attack",
        "Baghdad International Airport",
        "unknown",
        None,
    )
    assert m.target_id != "iran_forces"
    # (an anniversary named first is of an act of the past)
    assert (
        extract(
            "أحيا العراقيون، اليوم، الذكرى السنوية الثامنة لتفجير الكرادة الذي راح ضحيته مئات المدنيين.", PUB
        )
        == []
    )


def test_extract_a_place_named_only_as_the_neighbour_locates_the_act():
    m = one("قتل راعيان بهجوم لداعش في قرية محاذية لناحية العظيم.")
    assert (m.governorate, m.location, m.killed_best) == ("Diyala", "Udhaim", 2)
    # (never over a place named as the site, nor a governorate named as the neighbour)
    m = one("هاجم داعش قرية في مطيبيجة المحاذية لمحافظة ديالى.")
    assert (m.governorate, m.location) == ("Salah al-Din", "Mutaibija")


def test_extract_someone_subjected_to_gunfire_by_unknown_men_was_attacked():
    m = one(
        "تعرض مرشح للانتخابات البرلمانية في البصرة لإطلاق نار من قبل مجهولين أثناء جولة انتخابية، دون أن يصاب"
        " بأذى."
    )
    assert (m.sub_event_type, m.weapon, m.perpetrator_id, m.killed_best, m.wounded_best) == (
        "Attack",
        "small_arms",
        "unknown",
        0,
        0,
    )


def test_extract_a_faction_telling_its_act_in_the_first_person_claims_it():
    m = one(
        "المقاومة الإسلامية في العراق: استهدفنا قاعدة الاحتلال الأمريكي في عين الأسد بدفعة من الصواريخ، وذلك ضمن"
        " المرحلة الثانية من عمليات مقاومة الاحتلال."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("islamic_resistance_iraq", "us_forces", True)
    # (a statement from the group, its act in the first person; the war it supports is no site)
    m = one(
        "بيان صادر عن المقاومة الإسلامية في العراق: بعون الله تعالى، وضمن عملياتنا لنصرة غزة، ضربنا صباح اليوم"
        " هدفا حيويا في ميناء حيفا المحتل بواسطة الطيران المسير."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.location) == (
        "islamic_resistance_iraq",
        "israel_forces",
        True,
        "Haifa",
    )


def test_extract_a_companys_vehicle_hit_is_a_civilian_target_unless_a_side_contracts_it():
    m = one(
        "تعرضت عجلة تابعة لشركة أمنية عراقية متعاقدة مع السفارة البريطانية لانفجار عبوة ناسفة على طريق مطار"
        " بغداد الدولي، ما أسفر عن إصابة سائقها."
    )
    assert (m.sub_event_type, m.target_id, m.wounded_best) == (
        "Remote explosive/landmine/IED",
        "civilians",
        1,
    )
    m = one("انفجرت عبوة ناسفة على رتل شاحنات تابعة لشركة متعاقدة مع التحالف الدولي في الديوانية.")
    assert m.target_id == "coalition"


def test_extract_a_base_in_iraq_hosting_no_us_led_force_is_its_holders():
    # (the village where the launcher was found is no civilian site hit)
    m = one(
        "ذكرت مصادر أمنية أن ثلاث قذائف هاون سقطت في معسكر سبايكر شمال تكريت من دون خسائر، وأن الجهد"
        " الاستخباري تعقب مكان الإطلاق في قرية مجاورة."
    )
    assert (m.location, m.target_id) == ("Camp Speicher", "iraqi_security_forces")
    m = one("سقطت ثلاثة صواريخ على قاعدة زليكان في ناحية بعشيقة دون وقوع إصابات.")
    assert m.target_id == "turkish_forces"
    # (the town around a base is no base: people hit there are civilians)
    m = one("قتل مدنيان بانفجار عبوة ناسفة في سوق ناحية الحبانية.")
    assert m.target_id == "civilians"


def test_extract_the_side_whose_men_died_before_the_verb_is_the_target():
    m = one(
        "قال مصدر في قيادة العمليات إن أربعة مقاتلين من الحشد الشعبي استشهدوا بهجوم لداعش على موقع"
        " متقدم في جزيرة سامراء."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("isis", "pmf", 4)


def test_extract_one_nights_series_of_blasts_is_an_event_with_its_toll():
    m = one(
        "شهدت مدينة الرمادي، مساء أمس، سلسلة انفجارات بعبوات ناسفة زرعت قرب محال تجارية، أسفرت عن إصابة"
        " خمسة مدنيين.",
        published=dt.date(2023, 5, 10),
    )
    assert (m.sub_event_type, m.governorate, m.wounded_best, m.event_date) == (
        "Remote explosive/landmine/IED",
        "Anbar",
        5,
        dt.date(2023, 5, 9),
    )
    # (a series over a period stays a running series)
    assert (
        extract("شهدت الرمادي خلال الشهر الماضي سلسلة تفجيرات أودت بحياة 20 شخصا.", dt.date(2023, 5, 10))
        == []
    )


def test_extract_a_quarter_told_after_another_governorates_city_is_that_citys_namesake():
    m = one("شهدت مدينة البصرة، فجر اليوم، انفجار عبوة ناسفة في حي الجامعة أدى إلى إصابة مدنيين اثنين.")
    assert (m.governorate, m.location) == ("Basra", "Basra")
    # (with no other city named the gazetteer's quarter stands)
    m = one("انفجرت عبوة ناسفة في حي الجامعة غربي بغداد، ما أدى إلى إصابة مدنيين اثنين.")
    assert m.governorate == "Baghdad"


def test_extract_the_body_announcing_an_arrest_made_it():
    m = one("أعلنت هيئة الحشد الشعبي، اليوم، اعتقال أربعة متهمين بالانتماء إلى داعش في قضاء الشرقاط.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Arrests", "pmf", "isis")


def test_extract_the_side_named_later_for_the_attack_did_it_at_every_site():
    ms = extract(
        "قالت مصادر أمنية إن صواريخ عدة سقطت فجر اليوم على قاعدتي عين الأسد في الأنبار وحرير في أربيل دون"
        " إصابات.\nوتبنت كتائب حزب الله الهجوم في بيان نشرته على قناتها.",
        PUB,
    )
    assert sorted((m.location, m.perpetrator_id, m.claimed) for m in ms) == [
        ("Ain al-Asad Air Base", "kataib_hezbollah", True),
        ("Harir Air Base", "kataib_hezbollah", True),
    ]


def test_extract_an_initial_toll_told_after_the_final_one_adds_no_others():
    m = one(
        "ارتفعت حصيلة ضحايا انفجار العبوة الناسفة في سوق مدينة الحلة إلى ستة قتلى و20 جريحا.\nوكانت"
        " حصيلة أولية قد تحدثت عن مقتل ثلاثة أشخاص وإصابة 11 آخرين."
    )
    assert (m.killed_best, m.wounded_best) == (6, 20)


def test_extract_an_act_in_a_relative_clause_is_at_the_place_its_sentence_names():
    m = one(
        "شيع المئات في مدينة الديوانية، اليوم، جثمان الصحفي الذي فارق الحياة متأثرا بجراحه بعد أيام من"
        " تعرضه لمحاولة اغتيال قرب مكتبه."
    )
    assert (m.governorate, m.killed_best) == ("Qadisiyyah", 1)


def test_extract_a_hostage_set_free_is_no_attack():
    # (the released man is no attacker's victim of the day, and "أطلق" is no attack verb)
    assert extract("أطلق سراح الطبيب المختطف في كركوك بعد دفع فدية لخاطفيه، بحسب مصدر في الشرطة.", PUB) == []
    # (the raid that freed him is the act the sentence tells)
    m = one(
        "أطلق سراح التاجر المختطف في الموصل، إثر عملية نفذتها قوة من الاستخبارات العسكرية أسفرت عن مقتل"
        " اثنين من عناصر داعش الخاطفين."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("iraqi_security_forces", "isis", 2)


def test_extract_factions_backed_by_iran_then_named_by_their_claim_are_the_named_one():
    m = one(
        "قال مسؤول عسكري أمريكي إن فصائل مسلحة مدعومة من إيران استهدفت قاعدة حرير الجوية بطائرة مسيرة"
        " مفخخة فجر اليوم.\nوأضاف أن الهجوم لم يسفر عن إصابات.\nوتبنت حركة النجباء الهجوم في بيان."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed) == ("nujaba", "us_forces", True)


def test_extract_rockets_on_a_us_led_site_hit_its_forces_whoever_else_was_hurt():
    m = one(
        "قتل متعاقد مدني وأصيب أربعة آخرون بينهم جندي أمريكي بسقوط صواريخ على قاعدة عين الأسد الجوية.\nوسقطت"
        " صواريخ أخرى على منازل قريبة من القاعدة، ما أسفر عن إصابة ثلاثة مدنيين."
    )
    assert (m.sub_event_type, m.target_id) == ("Shelling/artillery/missile attack", "us_forces")


def test_extract_a_group_telling_its_fighters_attacked_claims_it():
    m = one(
        "قال حزب العمال الكردستاني في بيان إن مقاتليه هاجموا موقعا للجيش التركي في منطقة الزاب، ما أسفر عن"
        " مقتل ثلاثة جنود أتراك."
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.killed_best) == ("pkk", "turkish_forces", True, 3)


def test_extract_two_crowds_that_fought_are_each_others_side_not_what_they_disputed():
    m = one(
        "قتل ثلاثة أشخاص وأصيب عشرة في مواجهات بين متظاهرين عرب ومتظاهرين كرد في مدينة كركوك، إثر خلاف حول"
        " تسليم مقر أمني للحزب الديمقراطي الكردستاني، قبل أن تفرض السلطات حظرا للتجوال."
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("protesters", "protesters", 3)


def test_extract_the_object_after_a_day_told_between_commas_is_the_target():
    m = one(
        "وقصفت طائرة مسيرة أمريكية، في الثامن من آذار الماضي، القيادي في كتائب حزب الله أبو باقر الساعدي"
        " بضربة استهدفت سيارته في منطقة المشتل شرقي بغداد.",
        published=dt.date(2024, 4, 2),
    )
    assert (m.perpetrator_id, m.target_id, m.event_date) == (
        "us_forces",
        "kataib_hezbollah",
        dt.date(2024, 3, 8),
    )
    # (VSO, the day between the subject and the object)
    m = one(
        "اغتالت طائرة مسيرة أمريكية، في الرابع من كانون الثاني، القيادي في حركة النجباء مشتاق السعيدي"
        " بضربة في بغداد.",
        published=dt.date(2024, 2, 10),
    )
    assert (m.perpetrator_id, m.target_id, m.killed_best) == ("us_forces", "nujaba", 1)


def test_extract_a_weapon_that_came_down_unexploded_or_was_blown_up_by_the_bomb_squad_is_disrupted():
    m = one("سقطت طائرة مسيرة مجهولة قرب مطار أربيل الدولي دون أن تنفجر، وباشرت فرق الهندسة بتفكيكها.")
    assert (m.sub_event_type, m.weapon) == ("Disrupted weapons use", "drone")
    m = one("فجرت مفارز مكافحة المتفجرات عبوة ناسفة تحت السيطرة عثر عليها قرب طريق زراعي في قضاء الخالص.")
    assert m.sub_event_type == "Disrupted weapons use"
    # (one went off: the act happened)
    m = one("سقط صاروخان على قاعدة بلد الجوية، انفجر أحدهما ولم ينفجر الآخر، دون وقوع إصابات.")
    assert m.sub_event_type == "Shelling/artillery/missile attack"


def test_extract_celebratory_gunfire_is_no_attack():
    assert extract("أصيب طفلان بإطلاق نار عشوائي خلال حفل زفاف في قضاء الزبير.", PUB) == []
    assert extract("أصيب شاب برصاصة أطلقها مجهول ابتهاجا بفوز المنتخب في البصرة.", PUB) == []


def test_extract_a_crowd_storming_an_office_with_no_side_named_is_the_protesters():
    m = one("اقتحم العشرات من أنصار أحد المرشحين مبنى مفوضية الانتخابات في الناصرية وحطموا محتوياته.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Violent demonstration",
        "protesters",
        "iraqi_government",
    )


def test_extract_the_forces_that_opened_an_inquiry_took_no_part():
    m = one(
        "أصيب حارسان لمقر حزب الاتحاد الوطني الكردستاني في قضاء رانية جراء استهدافه بقذيفة صاروخية، وفتحت"
        " الأجهزة الأمنية تحقيقا في الحادث."
    )
    assert (m.perpetrator_id, m.target_id, m.wounded_best) == ("unknown", "political_parties", 2)


def test_extract_an_earlier_act_recounted_with_its_own_month_lends_no_toll():
    m = one(
        "أصيب جندي بانفجار عبوة ناسفة استهدفت دورية للجيش قرب ناحية العظيم، صباح اليوم.\nوكانت المنطقة قد"
        " شهدت في آذار الماضي هجوما مماثلا أسفر عن مقتل ثلاثة من الرعاة.",
        published=dt.date(2023, 7, 10),
    )
    assert (m.killed_best, m.wounded_best, m.target_id) == (None, 1, "iraqi_security_forces")


def test_extract_protesters_dead_in_confrontations_with_no_side_named_are_the_forces_force():
    m = one("قتل متظاهر وأصيب 14 آخرون في مواجهات قرب ساحة التحرير وسط بغداد.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        1,
    )


def test_extract_the_authorities_that_imposed_a_curfew_after_a_riot_are_no_party():
    m = one(
        "أحرق محتجون غاضبون مبنى القنصلية الإيرانية في كربلاء ليلة أمس، ما دفع السلطات إلى إعلان حظر"
        " التجوال في المدينة."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Violent demonstration", "protesters", None)


def test_extract_a_weeks_tally_announced_today_is_no_event_but_the_acts_it_details_are():
    ms = extract(
        "أعلنت قيادة العمليات المشتركة، اليوم الأحد، نتائج عملياتها خلال الأسبوع الماضي، مبينة أن القوات"
        " الأمنية تمكنت من قتل 7 إرهابيين واعتقال 19 مطلوبا.\nوأوضحت أن أبرز العمليات كانت في صحراء"
        " الحضر بنينوى، حيث نفذت طائرات إف-16 ضربة جوية يوم الخميس أسفرت عن مقتل ثلاثة إرهابيين.\nكما"
        " اعتقلت قوة من جهاز مكافحة الإرهاب ما يسمى والي كركوك في عملية إنزال جوي بقضاء الحويجة يوم الجمعة.",
        dt.date(2023, 4, 2),
    )
    assert sorted(
        (m.sub_event_type, m.governorate, m.target_id, m.event_date, m.killed_best) for m in ms
    ) == [
        ("Air/drone strike", "Nineveh", "isis", dt.date(2023, 3, 30), 3),
        ("Arrests", "Kirkuk", "isis", dt.date(2023, 3, 31), None),
    ]


def test_extract_the_other_sides_far_site_does_not_replace_where_the_act_was_told():
    m = one(
        "قتل مدنيان بقصف جوي تركي استهدف سيارة في ناحية شيلادزي بمحافظة دهوك مساء أمس.\nفي المقابل، قالت"
        " وزارة الدفاع التركية إنها حيدت إرهابيين اثنين في منطقة متينا بغارة جوية."
    )
    assert (m.location, m.perpetrator_id, m.killed_best) == ("Sheladze", "turkish_forces", 2)


def test_extract_the_one_attack_a_us_hosting_base_suffered_today_is_a_strike_from_afar():
    m = one("تعرضت قاعدة حرير الجوية في أربيل لهجوم مساء اليوم، بحسب مصدر أمني، من دون تفاصيل إضافية.")
    assert (m.location, m.sub_event_type, m.target_id) == ("Harir Air Base", "Air/drone strike", "us_forces")
    # (not a warning, nor attacks in the plural)
    assert extract("حذر مسؤولون من أن تتعرض قاعدة حرير لهجوم في الأيام المقبلة.", PUB) == []
    assert extract("تتعرض القواعد التي تستضيف قوات أمريكية لهجمات متكررة منذ أشهر.", PUB) == []


def test_extract_the_dead_of_an_act_a_day_before_are_not_the_renewed_fights():
    m = one(
        "تجددت الاشتباكات، صباح اليوم، بين الجيش العراقي ومسلحين في ناحية سنوني، بعد يوم من مواجهات مماثلة"
        " أسفرت عن مقتل جندي وإصابة أربعة آخرين."
    )
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", None, None)


def test_extract_an_assault_then_arrests_of_the_assaulted_is_an_attack():
    m = one(
        "اعتدت عناصر من قوات الأسايش على عدد من الصحفيين خلال تغطيتهم وقفة احتجاجية في مدينة دهوك،"
        " واعتقلت اثنين منهم."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Attack", "peshmerga", "civilians")


def test_extract_a_risen_toll_another_voice_gives_replaces_the_first():
    m = one(
        "أصيب أربعة مدنيين بقصف مدفعي تركي على قرية في قضاء زاخو، فيما أكدت دائرة الصحة ارتفاع عدد"
        " الضحايا إلى قتيلين و11 جريحا."
    )
    assert (m.perpetrator_id, m.killed_best, m.wounded_best) == ("turkish_forces", 2, 11)


def test_extract_one_strike_carried_out_in_answer_to_attacks_is_one_act_on_its_target():
    m = one(
        "أعلنت القيادة المركزية الأمريكية، الأربعاء، أنها نفذت ضربة في العراق ردا على الهجمات على القوات"
        " الأمريكية، ما أسفر عن مقتل قيادي في حركة النجباء مسؤول عن التخطيط للهجمات على القوات الأمريكية.",
        published=dt.date(2024, 2, 8),
    )
    assert (m.perpetrator_id, m.target_id, m.event_date, m.killed_best) == (
        "us_forces",
        "nujaba",
        dt.date(2024, 2, 7),
        1,
    )


def test_extract_who_a_site_houses_gives_way_to_whose_men_were_hit():
    m = one(
        "قتل منتسب في الحشد الشعبي وأصيب خمسة آخرون بانفجار هز معسكر الصقر جنوبي بغداد، الذي يضم مقرات"
        " للجيش والشرطة والحشد."
    )
    assert (m.target_id, m.killed_best) == ("pmf", 1)
    # (a lone host is still the target)
    m = one("تعرضت قاعدة حرير الجوية التي تستضيف قوات أمريكية لهجوم صاروخي مساء اليوم.")
    assert m.target_id == "us_forces"


def test_extract_a_strike_announced_with_its_own_pronoun_is_claimed():
    # "استهدافها" / "قصفه": the announcer's own targeting or shelling (its pronoun), a claim
    m = one(
        "أعلنت المقاومة الإسلامية في العراق، مساء الجمعة، استهدافها قاعدة الاحتلال الأمريكي في مطار أربيل"
        " الدولي بطائرة مسيرة.",
        published=dt.date(2024, 7, 5),
    )
    assert (m.perpetrator_id, m.target_id, m.claimed, m.sub_event_type) == (
        "islamic_resistance_iraq",
        "us_forces",
        True,
        "Air/drone strike",
    )
    m = one("أعلن الحرس الثوري الإيراني قصفه مقرات لجماعات كردية معارضة في قضاء كويسنجق بأربيل.")
    assert (m.perpetrator_id, m.claimed, m.sub_event_type, m.governorate) == (
        "iran_forces",
        True,
        "Shelling/artillery/missile attack",
        "Erbil",
    )


def test_extract_a_long_speakers_statement_day_gives_way_to_the_night_it_tells():
    # "أعلنت وزارة شؤون البيشمركة في إقليم كوردستان، السبت، ... الليلة الماضية": Saturday is
    # the statement's day (its speaker is six words long), the attack was the night before
    m = one(
        "أعلنت وزارة شؤون البيشمركة في إقليم كوردستان، السبت، أن قواتها تصدت لهجوم شنه مسلحو داعش على"
        " أحد مواقعها في منطقة مخمور، الليلة الماضية.",
        published=dt.date(2025, 2, 8),
    )
    assert (m.perpetrator_id, m.target_id, m.event_date) == ("isis", "peshmerga", dt.date(2025, 2, 7))


def test_extract_a_deadly_armed_dispute_between_two_families_is_a_clash():
    m = one(
        "قتل شقيقان وأصيب ثالث بجروح خطيرة، عصر اليوم الأحد، إثر نزاع مسلح بين عائلتين على قطعة أرض"
        " زراعية في ناحية جرف النصر شمالي بابل."
    )
    assert (m.sub_event_type, m.governorate, m.killed_best, m.wounded_best) == ("Armed clash", "Babil", 2, 1)
    # (armed conflict talked about, no act, stays nothing)
    assert not extract("دعا الوزير إلى إنهاء النزاع المسلح في البلاد عبر الحوار.", PUB)


def test_extract_a_foiled_attempt_to_strike_is_disrupted_weapons_use():
    # "أحبطت ... محاولة لاستهداف": the attempt was what was stopped (not an intent told in
    # passing); the launcher "found" after it is how, not an earlier act
    m = one(
        "أحبطت القوات الأمنية، فجر اليوم الجمعة، محاولة لاستهداف مطار بغداد الدولي، بعد العثور على منصة"
        " تحتوي على أربعة صواريخ معدة للإطلاق في منطقة أبو غريب غربي العاصمة.",
        published=dt.date(2025, 11, 21),
    )
    assert (m.sub_event_type, m.weapon, m.governorate, m.event_date) == (
        "Disrupted weapons use",
        "rocket",
        "Baghdad",
        dt.date(2025, 11, 21),
    )
    # (a call to foil any attempt is no act)
    assert not extract("دعا الوزير إلى إحباط أي محاولة لاستهداف البعثات الدبلوماسية.", PUB)


def test_extract_a_clause_opened_by_its_own_month_tells_another_act():
    got = extract(
        "ففي تشرين الأول الماضي، قتل أربعة من عناصر الشرطة الاتحادية بكمين في وادي الشاي، وفي آب من العام"
        " نفسه هاجم مسلحون مخفرا للشرطة في ناحية الرشاد وقتلوا ضابطا.",
        dt.date(2025, 2, 20),
    )
    assert [(m.event_date, m.date_precision, m.location, m.killed_best) for m in got] == [
        (dt.date(2024, 10, 1), "month", "Wadi al-Shay", 4),
        (dt.date(2024, 8, 1), "month", "Rashad", 1),
    ]


def test_extract_the_parties_of_a_relation_are_no_site():
    # "التنسيق بين بغداد وأربيل": the two governments, not where the placeless act was
    got = extract(
        "هاجم مسلحون مخفرا للشرطة وقتلوا ضابطا، ليلة أمس.\n\nويقول الخبير الأمني إن الحل يكمن في التنسيق"
        " بين بغداد وأربيل.",
        dt.date(2025, 2, 20),
    )
    assert [(m.governorate, m.location, m.killed_best) for m in got] == [(None, None, 1)]


def test_extract_the_organizations_gunmen_are_isis_in_a_story_that_named_it():
    got = extract(
        "تسلل عناصر من تنظيم داعش إلى قرية في ناحية الرشاد جنوب كركوك. وأضاف المصدر أن مسلحي التنظيم"
        " هاجموا مخفرا للشرطة، ما أسفر عن مقتل ضابط.",
        dt.date(2025, 2, 20),
    )
    assert [(m.perpetrator_id, m.target_id, m.killed_best) for m in got] == [
        ("isis", "iraqi_security_forces", 1)
    ]


def test_extract_a_claim_at_that_time_of_a_remembered_bombing_is_no_fresh_act():
    got = extract(
        "يستذكر العراقيون في مثل هذه الأيام ذكرى تفجير الكرادة الذي وقع في الثالث من تموز عام 2016 وراح"
        " ضحيته أكثر من 300 شخص، في واحد من أكثر الهجمات دموية منذ عام 2003.\n\nوقد تبنى تنظيم داعش"
        " التفجير حينها.",
        dt.date(2025, 5, 3),
    )
    assert all(m.event_date != dt.date(2025, 5, 3) for m in got)
    # ("حينها" in a fresh report's follow-up is that moment: its wounded still count)
    m = one("انفجرت عبوة ناسفة على دورية للجيش في قضاء الطارمية اليوم. وأصيب حينها ثلاثة جنود بجروح.")
    assert (m.event_date, m.wounded_best) == (PUB, 3)


def test_extract_bodies_a_hospital_received_are_no_killing_of_their_own():
    got = extract(
        "وصول جثث إلى مستشفى الحلة\n\nقال مصدر طبي في مستشفى الحلة التعليمي إن المستشفى استقبل جثث سبعة"
        " أشخاص واثني عشر جريحا جراء انفجار سيارة مفخخة في سوق الحلة المركزي ظهر اليوم.",
        PUB,
    )
    assert [(m.sub_event_type, m.killed_best, m.wounded_best) for m in got] == [
        ("Remote explosive/landmine/IED", 7, 12)
    ]
    # (bodies found are still a killing)
    m = one("عثرت القوات الأمنية على ثلاث جثث مجهولة الهوية مصابة بطلقات نارية قرب قضاء المدائن.")
    assert (m.sub_event_type, m.killed_best) == ("Attack", 3)


def test_extract_a_headline_figure_the_body_tells_as_dead_and_wounded_together_is_neither():
    got = extract(
        "10 ضحايا بتفجير في الموصل\n\nسقط عشرة ضحايا بين قتيل وجريح بانفجار عبوة ناسفة في سوق النبي يونس"
        " بالجانب الأيسر من الموصل ظهر اليوم.",
        PUB,
    )
    assert [(m.sub_event_type, m.killed_best, m.wounded_best) for m in got] == [
        ("Remote explosive/landmine/IED", None, None)
    ]
    # (a headline's toll over a body that tells none is still the event's)
    m = one(
        "مقتل 4 عناصر من داعش بضربة جوية في حمرين\n\nنفذت طائرات القوة الجوية ضربة على مخبأ في جبال حمرين."
    )
    assert m.killed_best == 4


def test_extract_of_two_governorates_its_clause_names_the_headlines_is_where():
    # a road between two cities of two governorates: the headline says which end
    m = one(
        "تفكيك عبوة ناسفة قرب كربلاء\n\nعثرت مفرزة لمكافحة المتفجرات على عبوة ناسفة مزروعة على طريق"
        " النجف - كربلاء وفككتها قبل انفجارها.",
    )
    assert (m.sub_event_type, m.governorate) == ("Disrupted weapons use", "Karbala")
    # (within one governorate the body's more precise place stays)
    m = one(
        "قصف تركي في العمادية\n\nقتل عنصران من حزب العمال الكردستاني بقصف تركي على ناحية ديرلوك التابعة"
        " لقضاء العمادية في دهوك."
    )
    assert (m.governorate, m.location) == ("Duhok", "Deraluk")


def test_extract_a_factions_statement_with_its_fighters_after_the_verb_claims_the_strike():
    # the faction's own statement: the cause first, "ضرب مجاهدو المقاومة" (nominative: the
    # subject) -- the enemy of the massacres answered is no party to it
    text = (
        "بسم الله الرحمن الرحيم\n\nاستمرارا بنهجنا في مقاومة قوات الاحتلال الأمريكي في العراق والمنطقة، وردا على"
        " مجازر العدو بحق أهلنا في غزة، ضرب مجاهدو المقاومة الإسلامية في العراق، فجر اليوم الاثنين"
        " 20-11-2023، قاعدة الاحتلال الأمريكي (عين الأسد) غربي العراق، بطائرتين مسيرتين.\n\nالمقاومة"
        " الإسلامية في العراق"
    )
    got = extract(text, dt.date(2023, 11, 20))
    assert [(m.perpetrator_id, m.target_id, m.claimed, m.event_date) for m in got] == [
        ("islamic_resistance_iraq", "us_forces", True, dt.date(2023, 11, 20))
    ]
    m = one("ردا على المجازر ضرب مجاهدو المقاومة الإسلامية في العراق قاعدة عين الأسد بطائرتين مسيرتين.")
    assert (m.perpetrator_id, m.target_id) == ("islamic_resistance_iraq", "us_forces")


def test_extract_whom_an_act_only_planned_aimed_at_is_no_party():
    # "الإرهابيين الذين كانوا يستعدون لشن هجوم على القواعد التركية": Turkey, whose bases a
    # forestalled attack aimed at, is still the one that struck; its "terrorists" are the PKK
    got = extract(
        "أعلنت وزارة الدفاع التركية، السبت، تحييد 5 إرهابيين من تنظيم بي كا كا في منطقتي متينا وهاكورك"
        " شمالي العراق. وقالت الوزارة في بيان إن العملية نفذت بعد رصد تحركات الإرهابيين الذين كانوا"
        " يستعدون لشن هجوم على القواعد التركية.",
        dt.date(2025, 5, 10),
    )
    assert [(m.perpetrator_id, m.target_id) for m in got] == [("turkish_forces", "pkk")]


def test_extract_force_on_protesters_with_security_men_among_the_hurt_is_the_forces():
    m = one(
        "قتل ثلاثة متظاهرين وأصيب أكثر من أربعين آخرين، بينهم عناصر أمن، في مواجهات اندلعت مساء الخميس بين"
        " محتجين غاضبين على انقطاع الكهرباء والقوات الأمنية أمام مبنى محافظة البصرة."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        3,
    )


def test_extract_a_crowd_that_rioted_then_faced_the_forces_is_a_riot_not_a_battle():
    m = one(
        "قتل ثلاثة متظاهرين وأصيب أكثر من أربعين آخرين، بينهم عناصر أمن، في مواجهات اندلعت مساء الخميس بين"
        " محتجين غاضبين على انقطاع الكهرباء والقوات الأمنية أمام مبنى محافظة البصرة، بعد أن أضرم المحتجون"
        " النار في البوابة الرئيسية للمبنى."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.killed_best) == ("Violent demonstration", "protesters", 3)


def test_extract_a_warning_of_acts_to_come_is_no_act():
    for text in (
        "حذرت السفارة الأمريكية من أن القواعد قد تتعرض لهجمات بطائرات مسيرة خلال الأيام المقبلة.",
        "هددت الفصائل باستهداف القواعد الأمريكية بالصواريخ في حال عدم انسحابها.",
    ):
        assert extract(text, PUB) == [], text
    # (a warning issued after an act that happened reports the act)
    m = one("حذرت السفارة الأمريكية رعاياها بعد أن تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة مساء اليوم.")
    assert (m.sub_event_type, m.target_id) == ("Air/drone strike", "us_forces")


def test_extract_who_blew_himself_up_is_a_suicide_bomber_of_no_side_named():
    # "بعد محاصرته من قبل القوات الأمنية": the forces besieged him, they set nothing off
    m = one(
        "أقدم شخص على تفجير نفسه داخل منزله في الرمادي بعد محاصرته من قبل القوات الأمنية، دون أن تسجل"
        " إصابات في صفوف القوات."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (
        "Suicide bomb",
        "unknown",
        "iraqi_security_forces",
    )
    # the woman who blew herself up is the bomber, not the civilians hit
    m = one("فجرت امرأة نفسها قرب نقطة تفتيش في تلعفر ما أدى إلى إصابة ثلاثة جنود.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.wounded_best) == (
        "Suicide bomb",
        "unknown",
        "iraqi_security_forces",
        3,
    )


def test_extract_protesters_shot_in_confrontations_with_the_forces_beside_a_riot_are_its_toll():
    m = one(
        "أغلق متظاهرون، اليوم، عددا من الطرق والجسور الرئيسية في بغداد بالإطارات المحترقة، فيما قتل"
        " متظاهران بالرصاص الحي خلال مواجهات مع قوات الأمن قرب ساحة الطيران."
    )
    assert (m.sub_event_type, m.perpetrator_id, m.target_id, m.killed_best) == (
        "Excessive force against protesters",
        "iraqi_security_forces",
        "protesters",
        2,
    )


def test_extract_then_and_was_telling_the_scene_of_a_fresh_act_keep_it():
    # "كانت حينها تؤدي واجبها", "وكان السوق آنذاك مكتظا": the moment and the scene of the act
    # told, not an earlier time (only "وكان" opening a sentence recalls one)
    m = one(
        "انفجرت عبوة ناسفة على دورية للجيش كانت حينها تؤدي واجبها في الطارمية، ما أسفر عن إصابة ثلاثة جنود."
    )
    assert (m.sub_event_type, m.wounded_best, m.event_date) == ("Remote explosive/landmine/IED", 3, PUB)
    m = one("قتل مدنيان بانفجار عبوة ناسفة في سوق الخالص، وكان السوق آنذاك مكتظا بالمتسوقين.")
    assert (m.killed_best, m.governorate, m.location) == (2, "Diyala", "Khalis")
    # (a sentence opened by it recalls an earlier act: nothing of today's)
    assert all(
        m.event_date != PUB for m in extract("وكانت عبوة ناسفة قد انفجرت في سوق الخالص الشهر الماضي.", PUB)
    )


@pytest.mark.parametrize(
    "text,sub_event,killed",
    [
        # a victim's past, told after the act
        ("اغتال مسلحون مجهولون ناشطا مدنيا في البصرة سبق أن تعرض لمحاولة اغتيال.", "Attack", 1),
        # the place's past
        (
            "قتل مدني بانفجار عبوة ناسفة في قضاء المقدادية الذي شهد هجمات مماثلة في السابق.",
            "Remote explosive/landmine/IED",
            1,
        ),
        # the anniversary the act coincides with
        ("قتل شرطي بهجوم مسلح في كركوك تزامنا مع ذكرى تأسيس الشرطة العراقية.", "Armed clash", 1),
    ],
)
def test_extract_an_earlier_time_told_after_the_act_is_not_the_acts(text, sub_event, killed):
    m = one(text)
    assert (m.sub_event_type, m.killed_best, m.event_date) == (sub_event, killed, PUB)


def test_extract_an_earlier_time_before_the_act_still_recalls_it():
    got = extract("في عام 2014 قتل تنظيم داعش مئات الجنود في قاعدة سبايكر.", PUB)
    assert all(m.event_date != PUB for m in got)


def test_extract_a_date_in_a_relative_clause_on_another_thing_is_not_the_acts():
    # the movement's start, not the killing's day
    m = one("اغتيل ناشط بارز في الحراك الاحتجاجي الذي انطلق في تشرين الأول 2019، أمام منزله في العمارة.")
    assert (m.sub_event_type, m.event_date, m.date_precision) == ("Attack", PUB, "day")
    # (a relative clause on the act itself dates it)
    got = extract(
        "يستذكر العراقيون تفجير الكرادة الذي وقع في الثالث من تموز عام 2016 وأودى بحياة المئات.", PUB
    )
    assert [m.event_date for m in got] == [dt.date(2016, 7, 3)]


def test_extract_the_period_of_a_series_told_with_its_pronoun_is_not_the_acts_date():
    # "في حادثة هي الثانية من نوعها هذا الشهر": the series' month; the act is today's
    m = one("قتل مدني برصاص مجهولين في البصرة، في حادثة هي الثانية من نوعها هذا الشهر.")
    assert (m.event_date, m.date_precision) == (PUB, "day")


@pytest.mark.parametrize(
    "text",
    [
        # two days after the announcement: the act is today's
        "قتل جنديان بهجوم لداعش في الطارمية، بعد يومين من إعلان الحكومة انتهاء العمليات العسكرية.",
        # the channel's founding year
        "قتل صحفي كان يعمل في قناة افتتحت عام 2015 برصاص مجهولين في كركوك.",
        # the killings the act recalls
        "قتل ضابط بنيران مسلحين في ميسان، في حادث يعيد للأذهان اغتيالات عام 2020.",
    ],
)
def test_extract_a_date_of_something_else_told_beside_a_fresh_act_is_not_its_day(text):
    m = one(text)
    assert (m.event_date, m.date_precision) == (PUB, "day")


def test_extract_a_year_told_with_the_act_still_dates_it():
    got = extract("قتل ثلاثة جنود في هجوم لداعش عام 2014 على قاعدة سبايكر.", PUB)
    assert [(m.event_date, m.date_precision) for m in got] == [(dt.date(2014, 1, 1), "year")]


@pytest.mark.parametrize(
    "text,perp",
    [
        ("شنت مقاتلات تركية غارات على مخيم مخمور، ما أسفر عن مقتل ثلاثة من سكان المخيم.", "turkish_forces"),
        ("قصفت مروحيات تركية مواقع في منطقة الزاب.", "turkish_forces"),
        ("قصفت مسيرة إيرانية مقرا لحزب معارض في كويسنجق.", "iran_forces"),
        ("قصفت مقاتلات إيرانية مواقع في جبال قنديل.", "iran_forces"),
        # (Iranian-made is no Iranian strike)
        ("استهدفت طائرة مسيرة إيرانية الصنع قاعدة حرير الجوية.", "unknown"),
    ],
)
def test_extract_aircraft_named_by_nationality_alone_name_the_state(text, perp):
    assert one(text).perpetrator_id == perp


def test_extract_an_accusers_post_of_its_forces_hit_makes_its_forces_the_target():
    m = one(
        "اتهمت وزارة البيشمركة حزب العمال الكردستاني بتنفيذ الهجوم الذي استهدف نقطة لقواتها في شيلادزي"
        " وأسفر عن مقتل عنصرين."
    )
    assert (m.perpetrator_id, m.target_id, m.sub_event_type, m.killed_best) == (
        "pkk",
        "peshmerga",
        "Armed clash",
        2,
    )


def test_extract_the_one_attack_on_a_us_hosted_site_today_told_in_a_denial_is_reported():
    # a denial or a condemnation of "the attack that targeted the US embassy at dawn today"
    # reports that attack (its weapon unnamed: a strike from afar, as "تعرضت ... لهجوم")
    for text in (
        "نفت كتائب حزب الله أي علاقة لها بالهجوم الذي استهدف السفارة الأمريكية في بغداد فجر اليوم.",
        "أدانت الحكومة العراقية الهجوم الذي استهدف السفارة الأمريكية في بغداد فجر اليوم.",
    ):
        m = one(text)
        assert (m.target_id, m.event_date, m.location, m.perpetrator_id) == (
            "us_forces",
            PUB,
            "US Embassy Baghdad",
            "unknown",
        ), text


def test_extract_another_act_told_in_the_same_sentence_is_its_own_incident():
    got = extract(
        "أصيب ثلاثة مدنيين بسقوط قذيفة هاون على قرية في خانقين، وفي حادث آخر قتل راع بانفجار لغم في بدرة.",
        PUB,
    )
    assert [(m.sub_event_type, m.governorate, m.killed_best, m.wounded_best) for m in got] == [
        ("Shelling/artillery/missile attack", "Diyala", None, 3),
        ("Remote explosive/landmine/IED", "Wasit", 1, None),
    ]
    # another victim at a town of its own; the gunmen killed an activist (not "the
    # activists' gunmen": an indefinite accusative owns no one)
    got = extract("اغتال مسلحون ناشطا في الناصرية، فيما نجا آخر من محاولة اغتيال في الشطرة.", PUB)
    assert [(m.perpetrator_id, m.target_id, m.location, m.killed_best) for m in got] == [
        ("unknown", "civilians", "Nasiriyah", 1),
        ("unknown", "civilians", "Shatrah", 0),
    ]
    # (the same act's other wounded stay its own)
    assert len(extract("قتل جندي وأصيب آخر بهجوم لداعش في الطارمية.", PUB)) == 1


def test_extract_gunmen_with_their_nun_are_no_construct_head():
    # "هاجم مسلحون نقطة للجيش": the gunmen attacked the army's post (a sound plural keeps its
    # ن, heading no construct: "مسلحو داعش", "مسلحين من داعش" are the group's)
    m = one("هاجم مسلحون نقطة للجيش في الطارمية.")
    assert (m.perpetrator_id, m.target_id) == ("unknown", "iraqi_security_forces")
    from marsad.extract.vocab import find_actors

    assert [(a.actor_id, a.kind) for a in find_actors("مسلحو داعش")] == [("isis", "member")]
    assert [(a.actor_id, a.kind) for a in find_actors("مسلحين من داعش")] == [("isis", "member")]


@pytest.mark.parametrize(
    "text,sub_event,perp,target",
    [
        # who fired or planted the weapon, named after it
        (
            "استهدفت نقطة للحشد الشعبي بقذائف هاون أطلقها عناصر داعش من منطقة مطيبيجة.",
            "Shelling/artillery/missile attack",
            "isis",
            "pmf",
        ),
        (
            "قتل جندي بانفجار عبوة ناسفة زرعها مسلحو داعش على طريق زراعي في الطارمية.",
            "Remote explosive/landmine/IED",
            "isis",
            "iraqi_security_forces",
        ),
        # an attack "by" a named side: an assault
        (
            "تعرضت دورية للشرطة الاتحادية لهجوم من قبل عناصر داعش في قضاء الطارمية، ما أسفر عن إصابة منتسبين.",
            "Armed clash",
            "isis",
            "iraqi_security_forces",
        ),
    ],
)
def test_extract_who_fired_planted_or_attacked_named_after_it(text, sub_event, perp, target):
    m = one(text)
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == (sub_event, perp, target)


def test_extract_a_raid_the_forces_were_hurt_in_was_fought():
    m = one("أصيب ثلاثة عناصر من الشرطة بجروح خلال مداهمة لاعتقال مطلوبين في حي الحسين بالبصرة.")
    assert (m.sub_event_type, m.target_id, m.wounded_best) == ("Armed clash", "iraqi_security_forces", 3)
    m = one("أصيب منتسب في الشرطة خلال عملية اعتقال متهم بالإرهاب في الموصل، فيما قتل المتهم.")
    assert (m.sub_event_type, m.killed_best, m.wounded_best) == ("Armed clash", 1, 1)
    # (an arrest with no one hurt stays an arrest)
    m = one("اعتقلت القوات الأمنية ثلاثة من عناصر داعش في كركوك.")
    assert (m.sub_event_type, m.perpetrator_id, m.target_id) == ("Arrests", "iraqi_security_forces", "isis")


def test_extract_a_series_named_in_an_aside_after_the_act_leaves_its_toll():
    m = one("أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في سوق الخالص، يذكر أن المنطقة تشهد هجمات متكررة.")
    assert (m.sub_event_type, m.wounded_best, m.location) == ("Remote explosive/landmine/IED", 3, "Khalis")
    # (a period's tally is still no act)
    assert extract("قتل 40 شخصا في هجمات متفرقة خلال الشهر الماضي في ديالى.", PUB) == []


@pytest.mark.parametrize(
    "text,perp",
    [
        # a stance held since a year, and the foe it opposes: neither the act's day nor its side
        ("اغتيل شيخ عشيرة معروف بمواقفه المناهضة لداعش منذ عام 2014 في قضاء الشرقاط.", "unknown"),
        # the day of what the victim had survived before
        ("قتل ضابط في الشرطة كان قد نجا من محاولة اغتيال العام الماضي، برصاص مسلحين في البصرة.", "unknown"),
    ],
)
def test_extract_a_victims_past_told_beside_the_act_neither_dates_it_nor_names_its_side(text, perp):
    m = one(text)
    assert (m.event_date, m.date_precision, m.perpetrator_id) == (PUB, "day", perp)


def test_extract_html_character_references_read_as_their_characters():
    # a scraper's "&nbsp;" between the verb and its count hid the toll; offsets still index
    # the text as given (each reference is read as its character padded with spaces)
    text = (
        "قتل&nbsp;ثلاثة&nbsp;جنود وأصيب&nbsp;اثنان بهجوم مسلح استهدف نقطة للجيش في&nbsp;قضاء "
        "الطارمية شمالي بغداد، اليوم&nbsp;الأحد، بحسب ما أفاد مصدر في &quot;قيادة العمليات&quot;."
    )
    m = one(text)
    plain = one(text.replace("&nbsp;", " ").replace("&quot;", '"'))
    assert (m.killed_best, m.wounded_best, m.governorate, m.event_date) == (3, 2, "Baghdad", PUB)
    assert (m.killed_best, m.wounded_best, m.perpetrator_id, m.target_id) == (
        plain.killed_best,
        plain.wounded_best,
        plain.perpetrator_id,
        plain.target_id,
    )
    assert len(m.evidence) == m.evidence_end - m.evidence_start
    assert text[m.evidence_start : m.evidence_end].startswith("قتل&nbsp;ثلاثة")
    assert "&nbsp;" not in m.evidence


def test_extract_an_ampersand_that_is_no_reference_stays():
    from marsad.extract.options import DEFAULT_OPTIONS
    from marsad.extract.pipeline import _guard

    got = _guard("R&D وشركة A&B؛ &bogus; &#x627;", DEFAULT_OPTIONS)
    assert got == "R&D وشركة A&B؛ &bogus; " + "ا" + " " * 6  # (7 characters, as "&#x627;")


def test_extract_a_later_act_told_in_the_same_sentence_keeps_its_dead():
    # "في اشتباك لاحق": another act (a later one), with its own dead; the sentence's toll
    # adds both, each act keeps its own
    got = extract(
        "قتل جنديان بهجوم لداعش على نقطة عسكرية في قضاء الطارمية شمالي بغداد، فيما قتل إرهابيان "
        "في اشتباك لاحق مع القوات الأمنية.",
        PUB,
    )
    assert [(m.killed_best, m.location) for m in got] == [(2, "Tarmiyah"), (2, None)]
    assert got[0].perpetrator_id == "isis"
    # (the clause of a separate incident with its own wounded: the first act keeps its count)
    m = one("قتل ثلاثة جنود وأصيب اثنان بهجوم في الطارمية، فيما أصيب مدني في حادث منفصل بالمنطقة.")
    assert (m.killed_best, m.wounded_best) == (3, 2)


@pytest.mark.parametrize(
    "text",
    [
        "قتل مدني بهجوم مسلح في قضاء المقدادية، وتمكنت قوات الحشد من قتل اثنين من المهاجمين.",
        "قتل مدني بهجوم مسلح في قضاء المقدادية، فيما قتل اثنان من المهاجمين في اشتباك مع قوات الحشد.",
        "قتل مدني بهجوم مسلح في قضاء المقدادية، بينما لقي اثنان من المهاجمين حتفهما في اشتباك مع قوات الحشد.",
        "هاجم مسلحون مجهولون منزل مختار قرية في قضاء المقدادية ما أدى إلى مقتله، واشتبكت قوة من الجيش "
        "مع المهاجمين وقتلت اثنين منهم.",
    ],
)
def test_extract_who_fought_back_the_attackers_did_not_do_the_act(text):
    # the side that killed or fought the attackers in the act's own sentence is neither its
    # perpetrator nor (over the civilian the attack killed) its target
    m = one(text)
    assert (m.perpetrator_id, m.target_id, m.governorate) == ("unknown", "civilians", "Diyala")
