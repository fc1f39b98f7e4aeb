"""Date expressions in Arabic news text (spec section 3).

Every phrase here is written for the tests; none is taken from the evaluation articles.
Most rows are read against one publication day, Thursday 16 November 2023.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract import dates as dates_module
from marsad.extract.dates import DateRef, find_dates, resolve_weekday
from marsad.extract.normalize import normalize_with_map, span_to_original

THU = dt.date(2023, 11, 16)  # a Thursday
SAT = dt.date(2024, 1, 13)  # a Saturday
JAN = dt.date(2024, 1, 4)  # a Thursday early in the year


def _one(text: str, published: dt.date | None = THU) -> DateRef:
    refs = find_dates(text, published)
    assert len(refs) == 1, f"{text!r} -> {refs}"
    return refs[0]


def _check(text, published, expected, precision, surface, relative=None):
    ref = _one(text, published)
    assert ref.date == dt.date.fromisoformat(expected), (text, ref)
    assert ref.precision == precision, (text, ref)
    assert text[ref.start : ref.end] == surface, (text, ref, text[ref.start : ref.end])
    if relative is not None:
        assert ref.relative is relative, (text, ref)


# ---------------------------------------------------------------------------
# Today, yesterday, the day before

DAY_WORDS = [
    ("قصفت الطائرات المواقع اليوم", "2023-11-16", "اليوم"),
    ("سقطت القذائف صباح اليوم قرب المطار", "2023-11-16", "صباح اليوم"),
    ("انفجرت العبوة مساء هذا اليوم", "2023-11-16", "مساء هذا اليوم"),
    ("هاجم المسلحون الموقع أمس", "2023-11-15", "أمس"),
    ("هاجم المسلحون الموقع امس", "2023-11-15", "امس"),
    ("جرى الاشتباك بالأمس قرب السيطرة", "2023-11-15", "الأمس"),
    ("قُتل جنديان البارحة في كمين", "2023-11-15", "البارحة"),
    ("وقع الانفجار يوم أمس في السوق", "2023-11-15", "يوم أمس"),
    ("استهدف صاروخان القاعدة مساء أمس", "2023-11-15", "مساء أمس"),
    ("سمعت انفجارات ليلة أمس في المدينة", "2023-11-15", "ليلة أمس"),
    ("اندلعت المواجهات الليلة الماضية", "2023-11-15", "الليلة الماضية"),
    ("أُحبط هجوم أول أمس", "2023-11-14", "أول أمس"),
    ("أُحبط هجوم أول من أمس على الرتل", "2023-11-14", "أول من أمس"),
    ("اغتيل الناشط أمس الأول", "2023-11-14", "أمس الأول"),
    ("وهاجم مسلحون أمسِ مقراً", "2023-11-15", "أمسِ"),
    ("قصفت الطائرات يوم أمس الأول", "2023-11-14", "يوم أمس الأول"),
    ("انفجرت عبوة ظهر أمس", "2023-11-15", "ظهر أمس"),
]


@pytest.mark.parametrize("text,expected,surface", DAY_WORDS)
def test_find_dates_day_words(text, expected, surface):
    _check(text, THU, expected, "day", surface, relative=True)


# ---------------------------------------------------------------------------
# Weekdays: the most recent such day on or before publication

WEEKDAYS = [
    ("استهدفت مسيرة القاعدة الخميس", "2023-11-16", "الخميس"),
    ("استهدفت مسيرة القاعدة يوم الخميس", "2023-11-16", "يوم الخميس"),
    ("قصف فجر اليوم الخميس مواقع الفصيل", "2023-11-16", "فجر اليوم الخميس"),
    ("سقط صاروخ اليوم الخميس", "2023-11-16", "اليوم الخميس"),
    ("وقع الهجوم الأربعاء", "2023-11-15", "الأربعاء"),
    ("وقع الهجوم مساء الأربعاء", "2023-11-15", "مساء الأربعاء"),
    ("انفجرت عبوة ظهر الثلاثاء", "2023-11-14", "ظهر الثلاثاء"),
    ("انفجرت عبوة عصر الثلثاء", "2023-11-14", "عصر الثلثاء"),
    ("اشتباكات عنيفة صباح الاثنين", "2023-11-13", "صباح الاثنين"),
    ("اشتباكات عنيفة يوم الإثنين", "2023-11-13", "يوم الإثنين"),
    ("هجوم بطائرة مسيرة فجر الأحد", "2023-11-12", "فجر الأحد"),
    ("غارة جوية ليل السبت", "2023-11-11", "ليل السبت"),
    ("غارة جوية ليلة السبت", "2023-11-11", "ليلة السبت"),
    ("قُتل متظاهرون بعد صلاة الجمعة", "2023-11-10", "الجمعة"),
    ("وصباح الجمعة سقطت قذيفة", "2023-11-10", "صباح الجمعة"),
    ("قصف بعد ظهر الجمعة", "2023-11-10", "بعد ظهر الجمعة"),
    ("سقطت صواريخ في وقت متأخر الأربعاء", "2023-11-15", "وقت متأخر الأربعاء"),
    ("سقطت صواريخ في وقت متأخر من مساء أمس الأربعاء", "2023-11-15", "وقت متأخر من مساء أمس الأربعاء"),
    ("هاجم مسلحون مساء أمس الأربعاء نقطة تفتيش", "2023-11-15", "مساء أمس الأربعاء"),
    ("وقع الهجوم يوم أمس الأربعاء", "2023-11-15", "يوم أمس الأربعاء"),
    ("وقعت مواجهات ليل الجمعة/السبت", "2023-11-10", "ليل الجمعة/السبت"),
    ("وقعت مواجهات ليل الجمعة - السبت", "2023-11-10", "ليل الجمعة - السبت"),
    ("وقعت مواجهات ليلة الجمعة على السبت", "2023-11-10", "ليلة الجمعة على السبت"),
    ("اقتحم أنصار التيار المقر بعيد منتصف ليل الجمعة السبت", "2023-11-10", "بعيد منتصف ليل الجمعة السبت"),
    (
        "هجوم في ساعة متأخرة من ليلة الجمعة على السبت",
        "2023-11-10",
        "ساعة متأخرة من ليلة الجمعة على السبت",
    ),
    ("في وقت متأخر من ليل الجمعة/السبت", "2023-11-10", "وقت متأخر من ليل الجمعة/السبت"),
    ("قُصف المعسكر الخميس الماضي", "2023-11-09", "الخميس الماضي"),
    ("قُصف المعسكر الأربعاء الماضي", "2023-11-15", "الأربعاء الماضي"),
    ("انتهت المهمة الجمعة الماضي", "2023-11-10", "الجمعة الماضي"),
    ("انتهت المهمة يوم الجمعة الماضية", "2023-11-10", "يوم الجمعة الماضية"),
    ("وقع الانفجار يوم الأحد الفائت", "2023-11-12", "يوم الأحد الفائت"),
    ("قُصف الموقع أول أمس الثلاثاء", "2023-11-14", "أول أمس الثلاثاء"),
    ("سقطت القذائف في ساعة متأخرة من ليل الثلاثاء", "2023-11-14", "ساعة متأخرة من ليل الثلاثاء"),
    ("اشتباكات ليلة الأربعاء إلى الخميس", "2023-11-15", "ليلة الأربعاء إلى الخميس"),
    ("اشتباكات منتصف ليل الاثنين", "2023-11-13", "منتصف ليل الاثنين"),
    # "قبل الماضي": the one before the last one, a week earlier
    ("قُصف المعسكر الخميس قبل الماضي", "2023-11-02", "الخميس قبل الماضي"),
    ("انفجرت العبوة يوم الاثنين قبل الماضي", "2023-11-06", "يوم الاثنين قبل الماضي"),
    ("اشتباكات مساء الجمعة ما قبل الماضية", "2023-11-03", "مساء الجمعة ما قبل الماضية"),
]


@pytest.mark.parametrize("text,expected,surface", WEEKDAYS)
def test_find_dates_weekdays(text, expected, surface):
    _check(text, THU, expected, "day", surface, relative=True)


def test_find_dates_two_weekdays_give_two_refs():
    refs = find_dates("دارت معارك الاثنين والثلاثاء في المنطقة", THU)
    assert [r.date for r in refs] == [dt.date(2023, 11, 13), dt.date(2023, 11, 14)]


def test_find_dates_weekday_without_publication_is_skipped():
    assert find_dates("قصفت مسيرة القاعدة الخميس", None) == []


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("اليوم الخميس", dt.date(2023, 11, 17), "2023-11-16"),  # stamped after midnight
        ("اليوم الخميس", dt.date(2023, 11, 15), "2023-11-16"),  # stamped in UTC, before local midnight
        ("أمس الخميس", dt.date(2023, 11, 16), "2023-11-16"),
        ("أمس الأربعاء", dt.date(2023, 11, 16), "2023-11-15"),
        ("أمس الأربعاء", dt.date(2023, 11, 20), "2023-11-15"),
    ],
)
def test_find_dates_day_word_and_weekday_disagreeing_trust_the_weekday(text, published, expected):
    assert _one(text, published).date == dt.date.fromisoformat(expected)


def test_find_dates_weekday_named_on_publication_day_is_that_day():
    assert _one("قصف الثلاثاء", dt.date(2023, 11, 14)).date == dt.date(2023, 11, 14)
    assert _one("قصف الثلاثاء الماضي", dt.date(2023, 11, 14)).date == dt.date(2023, 11, 7)


# ---------------------------------------------------------------------------
# Explicit dates: both month-name sets, ordinals, numeric forms

EXPLICIT = [
    # year first, the day in one digit
    ("صدر البيان بتاريخ 2023/11/9", THU, "2023-11-09", "2023/11/9"),
    ("بتاريخ ٢٠٢٣/١١/٩", THU, "2023-11-09", "٢٠٢٣/١١/٩"),
    # day and month with no year, after a word that makes them a date: the most recent one
    ("قتل جندي يوم 3/11", THU, "2023-11-03", "3/11"),
    ("هاجم مسلحون القرية مساء 25/ 10", THU, "2023-10-25", "25/ 10"),
    ("بتاريخ 20/12", THU, "2022-12-20", "20/12"),
    ("هاجمت الطائرات في 13 تشرين الثاني 2023", THU, "2023-11-13", "13 تشرين الثاني 2023"),
    ("في 13 نوفمبر 2023 قصفت", THU, "2023-11-13", "13 نوفمبر 2023"),
    ("بتاريخ ١٣ تشرين الثاني ٢٠٢٣", THU, "2023-11-13", "١٣ تشرين الثاني ٢٠٢٣"),
    ("في ۱۳ نوفمبر ۲۰۲۳", THU, "2023-11-13", "۱۳ نوفمبر ۲۰۲۳"),
    ("في 2 كانون الثاني 2022", THU, "2022-01-02", "2 كانون الثاني 2022"),
    ("في 2 يناير 2022", THU, "2022-01-02", "2 يناير 2022"),
    ("في 14 شباط 2021", THU, "2021-02-14", "14 شباط 2021"),
    ("في 14 فبراير 2021", THU, "2021-02-14", "14 فبراير 2021"),
    ("في 3 آذار 2021", THU, "2021-03-03", "3 آذار 2021"),
    ("في 3 مارس 2021", THU, "2021-03-03", "3 مارس 2021"),
    ("في 9 نيسان 2020", THU, "2020-04-09", "9 نيسان 2020"),
    ("في 9 أبريل 2020", THU, "2020-04-09", "9 أبريل 2020"),
    ("في 9 إبريل 2020", THU, "2020-04-09", "9 إبريل 2020"),
    ("في 9 ابريل 2020", THU, "2020-04-09", "9 ابريل 2020"),
    ("في 20 أيار 2020", THU, "2020-05-20", "20 أيار 2020"),
    ("في 20 مايو 2020", THU, "2020-05-20", "20 مايو 2020"),
    ("في 30 حزيران 2019", THU, "2019-06-30", "30 حزيران 2019"),
    ("في 30 يونيو 2019", THU, "2019-06-30", "30 يونيو 2019"),
    ("في 30 يونيه 2019", THU, "2019-06-30", "30 يونيه 2019"),
    ("في 4 تموز 2019", THU, "2019-07-04", "4 تموز 2019"),
    ("في 4 يوليو 2019", THU, "2019-07-04", "4 يوليو 2019"),
    ("في 4 يوليه 2019", THU, "2019-07-04", "4 يوليه 2019"),
    ("في 15 آب 2018", THU, "2018-08-15", "15 آب 2018"),
    ("في 15 أغسطس 2018", THU, "2018-08-15", "15 أغسطس 2018"),
    ("في 11 أيلول 2018", THU, "2018-09-11", "11 أيلول 2018"),
    ("في 11 سبتمبر 2018", THU, "2018-09-11", "11 سبتمبر 2018"),
    ("في 25 تشرين الأول 2019", THU, "2019-10-25", "25 تشرين الأول 2019"),
    ("في 25 تشرين أول 2019", THU, "2019-10-25", "25 تشرين أول 2019"),
    ("في 25 أكتوبر 2019", THU, "2019-10-25", "25 أكتوبر 2019"),
    ("في 8 تشرين الثاني 2019", THU, "2019-11-08", "8 تشرين الثاني 2019"),
    ("في 31 كانون الأول 2019", THU, "2019-12-31", "31 كانون الأول 2019"),
    ("في 31 ديسمبر 2019", THU, "2019-12-31", "31 ديسمبر 2019"),
    # doubled month names
    ("في 7 أيار/ مايو 2022", THU, "2022-05-07", "7 أيار/ مايو 2022"),
    ("في 7 (مايو) أيار 2022", THU, "2022-05-07", "7 (مايو) أيار 2022"),
    ("في 7 مايو (أيار) 2022", THU, "2022-05-07", "7 مايو (أيار) 2022"),
    ("في 5 كانون الثاني / يناير 2020", THU, "2020-01-05", "5 كانون الثاني / يناير 2020"),
    ("في 5 تشرين الأول/أكتوبر 2020", THU, "2020-10-05", "5 تشرين الأول/أكتوبر 2020"),
    # ordinal words
    ("الثالث عشر من نوفمبر", THU, "2023-11-13", "الثالث عشر من نوفمبر"),
    ("في الأول من أيلول", THU, "2023-09-01", "الأول من أيلول"),
    ("في العاشر من تشرين الأول", THU, "2023-10-10", "العاشر من تشرين الأول"),
    ("في الحادي والعشرين من حزيران", THU, "2023-06-21", "الحادي والعشرين من حزيران"),
    ("في التاسع والعشرين من آب", THU, "2023-08-29", "التاسع والعشرين من آب"),
    ("في الثلاثين من أيار", THU, "2023-05-30", "الثلاثين من أيار"),
    ("في العاشر من أكتوبر من العام الماضي", THU, "2022-10-10", "العاشر من أكتوبر من العام الماضي"),
    # the month of publication "الماضي" is last year's (this year's would be "الجاري");
    # another month "الماضي" is its most recent one
    ("في الثالث من تشرين الثاني الماضي", THU, "2022-11-03", "الثالث من تشرين الثاني الماضي"),
    ("في 3 تشرين الأول الماضي", THU, "2023-10-03", "3 تشرين الأول الماضي"),
    # numeric forms, day first with slashes
    ("بتاريخ 13/11/2023", THU, "2023-11-13", "13/11/2023"),
    ("بتاريخ 2023-11-13", THU, "2023-11-13", "2023-11-13"),
    ("بتاريخ 2023/11/13", THU, "2023-11-13", "2023/11/13"),
    ("بتاريخ 3/4/2021", THU, "2021-04-03", "3/4/2021"),
    ("بتاريخ ١٣/١١/٢٠٢٣", THU, "2023-11-13", "١٣/١١/٢٠٢٣"),
    ("بتاريخ 13.11.2023", THU, "2023-11-13", "13.11.2023"),
    ("بتاريخ 13 / 11 / 2023", THU, "2023-11-13", "13 / 11 / 2023"),
    ("بتاريخ ١٣\u200f/١١\u200f/٢٠٢٣", THU, "2023-11-13", "١٣\u200f/١١\u200f/٢٠٢٣"),
    ("بتاريخ 13/11/2023م", THU, "2023-11-13", "13/11/2023"),
    ("في 13 ت2 2023", THU, "2023-11-13", "13 ت2 2023"),
    ("في الـ13 من تشرين الثاني", THU, "2023-11-13", "الـ13 من تشرين الثاني"),
    ("غارات ليلة 14 على 15 تشرين الثاني", THU, "2023-11-14", "ليلة 14 على 15 تشرين الثاني"),
    ("غارات ليلة 14/15 نوفمبر", THU, "2023-11-14", "ليلة 14/15 نوفمبر"),
    # a year left out: the most recent one not after publication
    ("في 13 نوفمبر", THU, "2023-11-13", "13 نوفمبر"),
    ("في 20 نوفمبر", THU, "2022-11-20", "20 نوفمبر"),
    ("في 28 كانون الأول", JAN, "2023-12-28", "28 كانون الأول"),
    ("في 2 كانون الثاني", JAN, "2024-01-02", "2 كانون الثاني"),
    ("منذ 17 تشرين الأول/أكتوبر الماضي", THU, "2023-10-17", "17 تشرين الأول/أكتوبر الماضي"),
    ("في 30 يوليو الماضي", THU, "2023-07-30", "30 يوليو الماضي"),
]


@pytest.mark.parametrize("text,published,expected,surface", EXPLICIT)
def test_find_dates_explicit(text, published, expected, surface):
    _check(text, published, expected, "day", surface)


def test_find_dates_explicit_with_year_is_not_relative_and_needs_no_publication():
    ref = _one("في 13 تشرين الثاني 2023", None)
    assert ref.date == dt.date(2023, 11, 13) and ref.relative is False


def test_find_dates_explicit_without_year_needs_publication():
    assert find_dates("في 13 تشرين الثاني", None) == []


# ---------------------------------------------------------------------------
# This month and last month: الجاري / الحالي / الماضي

THIS_MONTH = [
    ("في 5 من الشهر الجاري", THU, "2023-11-05", "5 من الشهر الجاري"),
    ("في الخامس من الشهر الحالي", THU, "2023-11-05", "الخامس من الشهر الحالي"),
    ("يوم 3 من الشهر الماضي", THU, "2023-10-03", "3 من الشهر الماضي"),
    ("يوم 3 من الشهر المنصرم", JAN, "2023-12-03", "3 من الشهر المنصرم"),
    ("يوم 3 من الشهر قبل الماضي", THU, "2023-09-03", "3 من الشهر قبل الماضي"),
    ("في العشرين من الشهر ما قبل الماضي", JAN, "2023-11-20", "العشرين من الشهر ما قبل الماضي"),
    ("في 10 الجاري", THU, "2023-11-10", "10 الجاري"),
    ("في العاشر من الجاري", THU, "2023-11-10", "العاشر من الجاري"),
    ("في 28 الماضي", THU, "2023-10-28", "28 الماضي"),
    ("في 11 يوليو الجاري", dt.date(2023, 7, 20), "2023-07-11", "11 يوليو الجاري"),
    ("في 11 أيار/ مايو الجاري", dt.date(2023, 5, 20), "2023-05-11", "11 أيار/ مايو الجاري"),
]


@pytest.mark.parametrize("text,published,expected,surface", THIS_MONTH)
def test_find_dates_this_and_last_month(text, published, expected, surface):
    _check(text, published, expected, "day", surface, relative=True)


# ---------------------------------------------------------------------------
# A weekday joined to an explicit date is one reference dated by the explicit date

JOINED = [
    (
        "مساء أمس السبت 13 كانون الثاني/ يناير 2024 اندلعت",
        SAT,
        "2024-01-13",
        "مساء أمس السبت 13 كانون الثاني/ يناير 2024",
    ),
    ("وفي يوم الأربعاء 12 أكتوبر قصفت", THU, "2023-10-12", "يوم الأربعاء 12 أكتوبر"),
    ("أعلن الثلاثاء (24 آب 2021) مقتل", THU, "2021-08-24", "الثلاثاء (24 آب 2021"),
    ("قالت الشرطة الخميس الأول من سبتمبر (أيلول) إن", THU, "2023-09-01", "الخميس الأول من سبتمبر (أيلول)"),
    (
        "اشتباكات يوم الاثنين في التاسع والعشرين من آب",
        THU,
        "2023-08-29",
        "يوم الاثنين في التاسع والعشرين من آب",
    ),
    ("بيان الخميس 2022/09/01", THU, "2022-09-01", "الخميس 2022/09/01"),
    ("هاجموا يوم الخميس الموافق 9/11/2023", THU, "2023-11-09", "يوم الخميس الموافق 9/11/2023"),
    ("فجر الأحد، 12 تشرين الثاني", THU, "2023-11-12", "فجر الأحد، 12 تشرين الثاني"),
]


@pytest.mark.parametrize("text,published,expected,surface", JOINED)
def test_find_dates_weekday_joined_to_explicit_date(text, published, expected, surface):
    _check(text, published, expected, "day", surface)


# ---------------------------------------------------------------------------
# Periods: week, month, year precision (the first day of the period)

PERIODS = [
    # weeks start on Saturday: the week of Thu 16 Nov 2023 is Sat 11 .. Fri 17
    ("تعرضت القواعد لهجمات الأسبوع الماضي", THU, "2023-11-04", "week", "الأسبوع الماضي"),
    ("في الأسبوع المنصرم", THU, "2023-11-04", "week", "الأسبوع المنصرم"),
    ("تعرضت القواعد لهجمات الأسبوع قبل الماضي", THU, "2023-10-28", "week", "الأسبوع قبل الماضي"),
    # "this week" is the seven days up to publication (Fri 10 .. Thu 16), never days after it
    ("هذا الأسبوع", THU, "2023-11-10", "week", "هذا الأسبوع"),
    ("الأسبوع الجاري", THU, "2023-11-10", "week", "الأسبوع الجاري"),
    ("في مطلع الأسبوع الحالي", THU, "2023-11-11", "week", "مطلع الأسبوع الحالي"),
    # (its middle, told on the week's first day, is still to come: the seven days just past)
    ("منتصف الأسبوع الجاري", SAT, "2024-01-07", "week", "منتصف الأسبوع الجاري"),
    ("مطلع الأسبوع الجاري", SAT, "2024-01-13", "week", "مطلع الأسبوع الجاري"),
    ("نهاية الأسبوع الماضي", THU, "2023-11-04", "week", "نهاية الأسبوع الماضي"),
    ("في الأسبوع الأول من تشرين الثاني", THU, "2023-11-01", "week", "الأسبوع الأول من تشرين الثاني"),
    ("الأسبوع الثالث من أكتوبر 2020", THU, "2020-10-15", "week", "الأسبوع الثالث من أكتوبر 2020"),
    ("الأسبوع الأخير من شهر تشرين الأول", THU, "2023-10-25", "week", "الأسبوع الأخير من شهر تشرين الأول"),
    ("قبل ثلاثة أسابيع", THU, "2023-10-21", "week", "قبل ثلاثة أسابيع"),
    ("أواخر ديسمبر", JAN, "2023-12-01", "month", "أواخر ديسمبر"),
    ("أواخر ديسمبر", THU, "2022-12-01", "month", "أواخر ديسمبر"),
    ("في مطلع يناير", THU, "2023-01-01", "month", "مطلع يناير"),
    ("في أوائل آذار", THU, "2023-03-01", "month", "أوائل آذار"),
    ("منتصف تشرين الأول", THU, "2023-10-01", "month", "منتصف تشرين الأول"),
    ("في يناير", THU, "2023-01-01", "month", "يناير"),
    ("في شهر أيار", THU, "2023-05-01", "month", "شهر أيار"),
    ("في يناير 2020", THU, "2020-01-01", "month", "يناير 2020"),
    ("في أيلول/سبتمبر 2022", THU, "2022-09-01", "month", "أيلول/سبتمبر 2022"),
    ("في يناير الماضي", THU, "2023-01-01", "month", "يناير الماضي"),
    ("في نوفمبر الماضي", THU, "2022-11-01", "month", "نوفمبر الماضي"),
    ("في الشهر الماضي", THU, "2023-10-01", "month", "الشهر الماضي"),
    ("الشهر الماضي", JAN, "2023-12-01", "month", "الشهر الماضي"),
    ("خلال الشهر ما قبل الماضي", THU, "2023-09-01", "month", "الشهر ما قبل الماضي"),
    ("الشهر قبل الماضي", JAN, "2023-11-01", "month", "الشهر قبل الماضي"),
    ("مطلع الشهر الجاري", THU, "2023-11-01", "month", "مطلع الشهر الجاري"),
    # the month's part with no month named: the current one's
    ("وقعت الهجمات مطلع الشهر", THU, "2023-11-01", "month", "مطلع الشهر"),
    ("منتصف الشهر", THU, "2023-11-01", "month", "منتصف الشهر"),
    ("أواخر الشهر", dt.date(2023, 11, 27), "2023-11-01", "month", "أواخر الشهر"),
    ("هذا الشهر", THU, "2023-11-01", "month", "هذا الشهر"),
    ("العام الماضي", THU, "2022-01-01", "year", "العام الماضي"),
    ("السنة الماضية", THU, "2022-01-01", "year", "السنة الماضية"),
    ("العام قبل الماضي", THU, "2021-01-01", "year", "العام قبل الماضي"),
    ("في السنة ما قبل الماضية", JAN, "2022-01-01", "year", "السنة ما قبل الماضية"),
    ("العام الحالي", THU, "2023-01-01", "year", "العام الحالي"),
    ("هذا العام", THU, "2023-01-01", "year", "هذا العام"),
    ("في عام 2019", THU, "2019-01-01", "year", "عام 2019"),
    ("خلال العام 2014", THU, "2014-01-01", "year", "العام 2014"),
    ("نهاية العام الحالي", THU, "2023-01-01", "year", "نهاية العام الحالي"),
    ("في عام ٢٠١٩", THU, "2019-01-01", "year", "عام ٢٠١٩"),
]


@pytest.mark.parametrize("text,published,expected,precision,surface", PERIODS)
def test_find_dates_periods(text, published, expected, precision, surface):
    _check(text, published, expected, precision, surface)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_this_week_never_runs_past_publication(published):
    ref = _one("هذا الأسبوع", published)
    assert ref.precision == "week"
    assert ref.date + dt.timedelta(days=6) <= published  # the week's seven days are all told days
    assert ref.date >= published - dt.timedelta(days=6)


def test_find_dates_explicit_year_alone_resolves_without_publication():
    assert _one("في عام 2019", None).date == dt.date(2019, 1, 1)


# ---------------------------------------------------------------------------
# Time words alone, and counted days back

AGO = [
    ("تعرضت القاعدة منذ ساعات لهجوم", "2023-11-16", "day", "منذ ساعات"),
    ("سقطت قذيفة قبل قليل", "2023-11-16", "day", "قبل قليل"),
    ("قبل ساعات قليلة تعرض الرتل", "2023-11-16", "day", "قبل ساعات قليلة"),
    ("منذ ساعتين", "2023-11-16", "day", "منذ ساعتين"),
    ("قبل 48 ساعة", "2023-11-14", "day", "قبل 48 ساعة"),
    ("قُتل منذ يومين", "2023-11-14", "day", "منذ يومين"),
    ("قُتل قبل يومين", "2023-11-14", "day", "قبل يومين"),
    ("قبل ثلاثة أيام", "2023-11-13", "day", "قبل ثلاثة أيام"),
    ("قبل 3 أيام", "2023-11-13", "day", "قبل 3 أيام"),
    ("قبل ٥ أيام", "2023-11-11", "day", "قبل ٥ أيام"),
    ("منذ يوم واحد", "2023-11-15", "day", "منذ يوم"),
    ("قبل أسبوع", "2023-11-04", "week", "قبل أسبوع"),
    ("قبل نحو أسبوعين", "2023-10-28", "week", "قبل نحو أسبوعين"),
    ("قبل شهرين", "2023-09-01", "month", "قبل شهرين"),
    ("منذ 10 أعوام", "2013-01-01", "year", "منذ 10 أعوام"),
    # the act "a day after" which the news comes: that many days before it
    ("ناشد الأهالي بعد يوم من الهجوم", "2023-11-15", "day", "بعد يوم"),
    ("عثر على جثته بعد يومين من اختطافه", "2023-11-14", "day", "بعد يومين"),
    ("وبعد ثلاثة أيام على التفجير", "2023-11-13", "day", "بعد ثلاثة أيام"),
    ("بعد ساعات من القصف", "2023-11-16", "day", "بعد ساعات"),
]


@pytest.mark.parametrize("text,expected,precision,surface", AGO)
def test_find_dates_time_ago(text, expected, precision, surface):
    _check(text, THU, expected, precision, surface, relative=True)


def test_find_dates_since_marks_running_periods():
    assert _one("قُتل أكثر من عشرين منذ 17 أكتوبر", THU).since is True
    assert _one("منذ الإثنين الماضي تدور اشتباكات", THU).since is True
    assert _one("قُتل في 17 أكتوبر", THU).since is False


def test_find_dates_the_same_month_as_the_date_before():
    got = find_dates("ففي الخامس من كانون الثاني قصفت، وفي العشرين من الشهر نفسه أسقطت", THU)
    assert [(d.date.month, d.date.day) for d in got] == [(1, 5), (1, 20)]
    assert find_dates("قتل في العشرين من الشهر نفسه", THU) == []  # no month told before


def test_find_dates_until_marks_the_end_of_a_range():
    assert _one("بقيت الجثتان في المكان حتى صباح اليوم", THU).until is True
    assert _one("استمر القصف لغاية مساء أمس", THU).until is True
    assert _one("قصفت الطائرات الموقع صباح اليوم", THU).until is False


# ---------------------------------------------------------------------------
# Not dates, and the future

NOT_DATES = [
    "بلغت نسبة الإنجاز في 3/4 من المشاريع",  # a fraction, no day and month
    "كتاب رقم 12/3/5",
    "وصل الوفد بعد أيام من المفاوضات",
    "قال بعد يوم طويل من العمل",
    "قال الأمين العام للأمم المتحدة",
    "استطلاع للرأي العام",
    "أعلن المدعي العام",
    "القائد العام للقوات المسلحة",
    "مارس سياسة التوازن بين الطرفين",
    "تظاهر المحتجون في ساحة تموز",
    "تجمع المتظاهرون قرب جسر 14 تموز",
    "ذكرى ثورة 14 تموز",
    "قرار مجلس الأمن 2334",
    "يبلغ من العمر 45 عاما",
    "تبلغ المسافة 12 كيلومترا",
    "في اليوم التالي للهجوم",
    "في اليوم الأول من العملية",
    "وفي صباح اليوم التالي انسحبت القوات",
    "في مثل هذا اليوم من عام",
    "الفصل الثاني الحالي",
    "غداة الهجوم",
    "أمسية شعرية",
    "اندلعت حرب تموز",
    "نقلت صحيفة اليوم السابع",
    "نتيجة المباراة 3 - 1",
    "نصف ساعة 1/2",
    "استقل سيارة نيسان بيضاء",
    "بيان قوى 14 آذار",
    "سيصل الوفد بعد غد",
    "الأحد المقبل",
    "الأحد عشر لاعبا",
    "حتى اليوم لم تعلن أي جهة",
    "سيعقد الاجتماع غداً",
    "غداً الجمعة تنطلق المباحثات",
    "سيزور بغداد الخميس المقبل",
    "خلال الأسبوع المقبل",
    "الشهر القادم",
    "العام المقبل",
    "قبل أيام",
    "قبل يومين من الانتخابات",
    "خلال الأيام الماضية",
    "خلال الأسابيع الماضية",
    "في 25 نوفمبر الجاري",  # after publication
    "مهلة حتى نهاية سبتمبر 2025",  # a deadline, after publication
    "احتفالات يوم القدس",
    "أسعار النفط بلغت 1.5 دولار",
    "رقم الهاتف 12-10-23",
    "",
    "   ",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_find_dates_not_dates(text):
    assert find_dates(text, THU) == []


# ---------------------------------------------------------------------------
# Several dates, proclitics, spans on the original text


def test_find_dates_left_to_right_with_spans_on_original():
    text = "قصف فجرَ اليومِ الخميسِ، بعد هجوم أمس وآخر في 3 تشرين الثاني"
    refs = find_dates(text, THU)
    assert [text[r.start : r.end] for r in refs] == ["فجرَ اليومِ الخميسِ", "أمس", "3 تشرين الثاني"]
    assert [r.date for r in refs] == [THU, dt.date(2023, 11, 15), dt.date(2023, 11, 3)]
    assert [r.start for r in refs] == sorted(r.start for r in refs)


def test_find_dates_proclitic_stays_outside_span():
    text = "وصباح الثلاثاء وبالأمس"
    refs = find_dates(text, THU)
    assert [text[r.start : r.end] for r in refs] == ["صباح الثلاثاء", "الأمس"]


def test_find_dates_accepts_datetime_publication():
    assert _one("قصف أمس", dt.datetime(2023, 11, 16, 23, 10)).date == dt.date(2023, 11, 15)


def test_find_dates_accepts_iso_string_publication():
    assert _one("قصف أمس", "2023-11-16T08:00:00").date == dt.date(2023, 11, 15)
    assert find_dates("قصف أمس", "not a date") == []


def test_resolve_weekday_examples():
    assert resolve_weekday(THU, 3) == THU
    assert resolve_weekday(THU, 4) == dt.date(2023, 11, 10)
    assert resolve_weekday(THU, 0) == dt.date(2023, 11, 13)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=list("ابأة x٣") + ["\n", "\t", "\xa0", "\u064e", "\u0651", "\u200b", "\u0640"], max_size=40
    )
)
def test_offset_map_agrees_with_normalize_with_map(text):
    norm, index = normalize_with_map(text)
    to_original = dates_module._offset_map(text, norm)
    assert to_original is not None
    for start in range(len(norm)):
        for end in (start + 1, len(norm)):
            if end > start and norm[start] != " " and norm[end - 1] != " ":
                assert to_original(start, end) == span_to_original(index, start, end)


def test_patterns_use_normalized_spelling_only():
    # matching runs on normalize(text): a hamza or ta marbuta in a pattern never matches
    for name, value in vars(dates_module).items():
        if name.startswith("_RE"):
            assert not re.search("[ىةأإآؤئ]", value.pattern), name


# ---------------------------------------------------------------------------
# Properties

_DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))
_WEEKDAY_WORDS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_PREFIXES = ["", "يوم ", "مساء ", "فجر ", "صباح ", "ليلة ", "ظهر "]
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_EASTERN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@settings(max_examples=60, deadline=None)
@given(_DATES, st.integers(0, 6))
def test_resolve_weekday_never_after_and_within_six_days(published, weekday):
    d = resolve_weekday(published, weekday)
    assert d.weekday() == weekday
    assert dt.timedelta(0) <= published - d <= dt.timedelta(days=6)


@settings(max_examples=60, deadline=None)
@given(_DATES, st.sampled_from(list(enumerate(_WEEKDAY_WORDS))), st.sampled_from(_PREFIXES))
def test_find_dates_weekday_phrase_within_last_week(published, day, prefix):
    weekday, word = day
    ref = _one(f"هاجم مسلحون {prefix}{word} نقطة", published)
    assert ref.date.weekday() == weekday
    assert dt.timedelta(0) <= published - ref.date <= dt.timedelta(days=6)
    past = _one(f"هاجم مسلحون {prefix}{word} الماضي", published)
    assert dt.timedelta(days=1) <= published - past.date <= dt.timedelta(days=7)


_MONTH_NAMES = [
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
]


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.sampled_from(["{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d} {name} {y}"]),
)
def test_find_dates_digits_in_any_script_same_date(day, form):
    text = "وقع الهجوم في " + form.format(
        d=day.day, m=day.month, y=day.year, name=_MONTH_NAMES[day.month - 1]
    )
    published = dt.date(2031, 1, 1)
    expected = _one(text, published).date
    assert expected == day
    for table in (_ARABIC_INDIC, _EASTERN):
        assert _one(text.translate(table), published).date == day


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), _DATES))
def test_find_dates_never_raises_on_junk(text, published):
    for ref in find_dates(text, published):
        assert 0 <= ref.start <= ref.end <= len(text)
        assert ref.precision in {"day", "week", "month", "year"}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "أمس",
                "الخميس",
                "في",
                "13",
                "تشرين",
                "الثاني",
                "من",
                "الشهر",
                "الماضي",
                "/",
                "2023",
                "ليل",
                "السبت",
                "،",
                "منذ",
                "يومين",
                "عام",
                "الأسبوع",
                "غداً",
            ]
        ),
        max_size=30,
    ),
    _DATES,
)
def test_find_dates_word_salad_spans_in_order_and_not_future(words, published):
    text = " ".join(words)
    refs = find_dates(text, published)
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    for ref in refs:
        assert ref.date <= published + dt.timedelta(days=1)
        assert text[ref.start : ref.end].strip() == text[ref.start : ref.end]


def test_find_dates_long_line_is_fast_and_safe():
    import time

    line = ("هاجم مسلحون مساء الأربعاء نقطة تفتيش في 3 تشرين الثاني وقتلوا جنديين. " * 150)[:10_000]
    t0 = time.perf_counter()
    refs = find_dates(line, THU)
    assert time.perf_counter() - t0 < 1.0
    assert len(refs) > 100
    assert find_dates("x" * 10_000, THU) == []
    assert find_dates("٣" * 10_000, THU) == []
    assert find_dates("/" * 5000 + "1" * 5000, THU) == []


def test_find_dates_a_part_of_the_month_not_yet_reached_is_no_date():
    # "أواخر الشهر" told on the 16th: still to come, no past event's day
    assert find_dates("تنتهي المهلة أواخر الشهر", THU) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # since the year, not a year ago
        ("منذ عام 2014", "2014-01-01"),
        ("منذ سنة 2003", "2003-01-01"),
        ("منذ عام ٢٠١٤", "2014-01-01"),
        # (a year ago, with no year after it)
        ("منذ عام", "2022-01-01"),
    ],
)
def test_find_dates_since_a_named_year_is_that_year(text, expected):
    got = find_dates(text, THU)
    assert [(d.date.isoformat(), d.precision) for d in got] == [(expected, "year")]
