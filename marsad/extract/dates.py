"""Event dates in Arabic news text resolved against the publication date (spec section 3).

CONTRACT (other modules code against these signatures; keep them):

    @dataclass(frozen=True)
    class DateRef:
        date: datetime.date       # first day of the period for week/month/year precision
        precision: str            # "day" | "week" | "month" | "year"
        start: int                # span of the expression in the string given
        end: int
        relative: bool            # True for اليوم/أمس/weekday/الأسبوع الماضي..., False for explicit dates

    find_dates(text: str, published: datetime.date | None) -> list[DateRef]
        Every date expression in `text`, left to right. Relative expressions need
        `published`; without it they are skipped (explicit dates with a year still resolve).

    resolve_weekday(published: datetime.date, weekday: int) -> datetime.date
        The most recent such weekday on or before publication (weekday: Monday=0).

Extension (backwards compatible): `DateRef.since` is True when the expression opens a
range ("منذ 17 أكتوبر", "منذ الإثنين الماضي"): the date is where a running period
starts, a hint for the assembler that the sentence may be an aggregate. `DateRef.until`
is True when it closes one ("حتى صباح اليوم"): how long a state lasted, no day of an act.

Conventions (see docs/notes/dates.md):

- Matching runs on `normalize(text)`; spans map back to `text` with the offset map of
  normalize.prepare(text) (normalize_with_map's; the sentence is folded once, shared
  with vocab.py).
- Weeks start on Saturday (`WEEK_START`), the first day of the week on Iraqi and most
  Arab calendars; `الأسبوع الماضي` is the Saturday-to-Friday week before the one that
  holds the publication day; `هذا الأسبوع` is the seven days up to publication (its
  calendar week would run on past it).
- Future expressions (غداً، الخميس المقبل، الشهر القادم, explicit dates after the
  publication day) are not returned: events are not in the future.
- A weekday joined to an explicit date ("الأربعاء 12 أكتوبر") is one reference, dated
  by the explicit date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import filterfalse

from marsad.extract.normalize import normalize, prepare

__all__ = ["DateRef", "find_dates", "resolve_weekday", "WEEK_START"]

# Saturday (Python weekday 5) opens the week on Iraqi calendars; the working week is
# Sunday-Thursday with a Friday-Saturday weekend.
WEEK_START = 5


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class DateRef:
    """One date expression found in a text, resolved to a calendar date."""

    date: dt.date
    precision: str  # "day" | "week" | "month" | "year"
    start: int
    end: int
    relative: bool
    since: bool = False
    until: bool = False


def resolve_weekday(published: dt.date, weekday: int) -> dt.date:
    """The most recent `weekday` (Monday=0) on or before `published`."""
    if isinstance(published, dt.datetime):
        published = published.date()
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


# ---------------------------------------------------------------------------
# Vocabulary, in normalized spelling (alef/hamza -> ا, ة -> ه, ى -> ي, digits ASCII).

_WEEKDAYS = {
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الثلثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

# fmt: off
_MONTHS = {
    # Gregorian (Egyptian/Gulf) names
    "يناير": 1, "فبراير": 2, "فبرابر": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "اغسطس": 8, "اغسطوس": 8,
    "سبتمبر": 9, "اكتوبر": 10, "اوكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Syriac (Levantine/Iraqi) names
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5,
    "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين اول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11, "كانون الاول": 12, "كانون اول": 12,
    # the short forms of Iraqi and Lebanese print: 13 ت2 2023
    "ك2": 1, "ت1": 10, "ت2": 11, "ك1": 12,
}

_UNITS = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4,
    "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8,
    "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}

# Ordinal day words: الأول .. الحادي والثلاثين.
_ORD_UNITS = {
    "الاول": 1, "الحادي": 1, "الواحد": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4,
    "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9,
}
# fmt: on
_ORD_DAYS: dict[str, int] = {}
for _w, _n in _ORD_UNITS.items():
    if _w not in ("الحادي", "الواحد"):
        _ORD_DAYS[_w] = _n
    if _w != "الاول":
        _ORD_DAYS[f"{_w} عشر"] = 10 + _n
        _ORD_DAYS[f"{_w} والعشرين"] = 20 + _n
        _ORD_DAYS[f"{_w} والعشرون"] = 20 + _n
    if _n == 1 and _w != "الاول":
        _ORD_DAYS[f"{_w} والثلاثين"] = 31
        _ORD_DAYS[f"{_w} والثلاثون"] = 31
_ORD_DAYS.update({"العاشر": 10, "العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30})


def _alt(words) -> str:
    """A regex alternation, longest first so the longest spelling wins."""
    return (
        "(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + ")"
    )


_WD = _alt(_WEEKDAYS)
_MON = _alt(_MONTHS)
_ORD = _alt(_ORD_DAYS)
_NUMW = _alt(_UNITS)

# Proclitics (و، ف، ب، ل) may stick to the expression; they stay outside its span.
_PRE = r"(?<!\w)(?:[وف]?[بل]?)"
_END = r"(?!\w)"

_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته|السابق|السابقه|الاخير|الاخيره)"
_CURRENT = r"(?:الجاري|الجاريه|الحالي|الحاليه)"
_FUTURE = r"(?:المقبل|المقبله|القادم|القادمه|التالي|التاليه)"
# "الاثنين قبل الماضي", "الأسبوع ما قبل الماضي": the one before the last one
_BEFORE_PAST = r"(?:ما\s+)?قبل\s+(?:الماضي|الماضيه|المنصرم|المنصرمه)"

# Time-of-day words put before a day: فجر الخميس، في وقت متأخر من مساء أمس.
_TOD = (
    r"(?:(?:(?:بعيد|قبيل|بعد|قبل)\s+)?(?:منتصف\s+)?"
    r"(?:فجر|صباح|صبيحه|ضحي|ظهر|ظهيره|عصر|مساء|عشيه|ليل|ليله|نهار)"
    r"|(?:(?:وقت|ساعه|ساعات)\s+متاخره?(?:\s+من)?(?:\s+(?:ليل|ليله|مساء|نهار|صباح))?))"
)
_NIGHT = r"(?:(?:(?:بعيد|قبيل|بعد|قبل)\s+)?(?:منتصف\s+)?(?:ليل|ليله|ليلتي))"

_POS = r"(?:مطلع|اوايل|بدايه|بدايات|منتصف|اواسط|اواخر|نهايه|اخر|اول)"

# A month name, possibly doubled: "أيار/ مايو", "تشرين الأول (أكتوبر)", "(مايو) أيار".
_MONX = (
    rf"(?:\(\s*(?P<{{g}}p>{_MON})\s*\)\s*/?\s*(?P<{{g}}q>{_MON})"
    rf"|(?P<{{g}}a>{_MON})(?:\s*(?:[/\\|\-–—]\s*\(?|\(|\s)\s*(?P<{{g}}b>{_MON})(?:\s*\))?)?)"
)
_YEAR = r"(?:19[5-9]\d|2[01]\d\d)"


def _monx(group: str) -> str:
    return _MONX.replace("{g}", group)


_RE_WEEKDAY = re.compile(
    _PRE + rf"(?P<m>(?:(?P<tod>{_TOD})\s+)?"
    r"(?:(?P<rel>اليوم|هذا\s+اليوم|(?:يوم\s+)?اول\s+(?:من\s+)?امس|(?:يوم\s+)?امس\s+الاول|يوم\s+امس|امس|الامس|البارحه|يوم|نهار)\s+)?"
    rf"(?P<wd>{_WD})(?!\s+عشر)"
    rf"(?:\s+(?P<dir>(?P<before>{_BEFORE_PAST})|{_PAST}|{_FUTURE}))?)" + _END
)

_RE_NIGHT_PAIR = re.compile(
    _PRE
    + rf"(?P<m>(?:(?:وقت|ساعه|ساعات)\s+متاخره?\s+من\s+)?{_NIGHT}\s+(?:يوم\s+)?(?P<wd>{_WD})\s*(?:[/\\\-–—،,]|علي|الي|و)?\s*"
    rf"(?:يوم\s+)?(?P<wd2>{_WD}))" + _END
)

_RE_DAYWORD = re.compile(
    _PRE + rf"(?P<m>(?:(?P<tod>{_TOD})\s+)?(?:"
    r"(?P<dby>(?:يوم\s+)?(?:اول\s+(?:من\s+)?امس|امس\s+الاول))"
    r"|(?P<yday>(?:يوم\s+)?(?:ال)?امس|البارحه|الليله\s+الماضيه|ليله\s+امس|ليل\s+امس)"
    r"|(?P<today>(?:هذا\s+)?اليوم|هذه\s+الليله))" + ")" + _END
)

# Expressions that look like a date but are not one (or are in the future): matched
# so that they shadow the shorter date-like pieces inside them, then dropped.
_RE_BLOCK_DAY = re.compile(
    _PRE + r"(?P<m>"
    r"(?:حتي|الي|لغايه|لحد|منذ\s+ذلك)\s+(?:هذا\s+)?اليوم"
    r"|(?:مثل|ذلك|ذات)\s+(?:هذا\s+)?اليوم"
    rf"|(?:(?:{_TOD})\s+)?(?:هذا\s+|في\s+)?اليوم\s+(?:الذي|التالي|السابق|نفسه|ذاته|عينه|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الاخير|الوطني|العالمي|الدولي|المحدد|الموعود)"
    r")" + _END
)
_RE_BLOCK_FUTURE = re.compile(
    _PRE + r"(?P<m>"
    rf"(?:(?:{_TOD})\s+)?(?:غدا|يوم\s+غد|بعد\s+غد|الغد|صباح\s+الغد)(?:\s+{_WD})?"
    rf"|(?:(?:{_POS})\s+)?(?:الاسبوع|الشهر|العام|السنه)\s+{_FUTURE}"
    r")" + _END
)
# Squares, streets, movements named after a date: ساحة 14 تموز، ثورة تموز.
_RE_BLOCK_PLACE = re.compile(
    _PRE + r"(?P<m>"
    rf"(?:ساحه|شارع|جسر|حي|ميدان|قاعده|معسكر|لواء|ثوره|انتفاضه|حراك|قوي|تيار|حركه|مدينه|قصر|مطار)\s+(?:ال\s*)?(?:\d{{1,2}}\s+)?{_MON}"
    r")" + _END
)

_RE_EXPLICIT = re.compile(
    _PRE + r"(?P<m>"
    r"(?:(?P<wom>الاسبوع\s+(?P<wk>الاول|الثاني|الثالث|الرابع|الاخير))"
    rf"|(?:(?P<night>ليل|ليله|ليلتي)\s+)?(?:ال\s*)?(?P<day>\d{{1,2}}|{_ORD})"
    r"(?(night)(?:\s*(?:علي|الي|[/\-–])\s*\d{1,2})?))"
    r"(?:\s+(?P<min>من|في))?(?:\s+شهر)?\s+"
    rf"(?:{_monx('m')}|(?P<thism>هذا\s+الشهر)|الشهر\s+(?P<mrel>{_BEFORE_PAST}|{_PAST}|{_CURRENT}|{_FUTURE})"
    r"|الشهر\s+(?P<same>نفسه|ذاته|عينه)"
    r"|(?P<bare>الجاري|الحالي|الماضي|المنصرم))"
    rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه|لعام|لسنه)\s+)?(?P<year>{_YEAR})(?:\s*م(?!\w))?)?"
    rf"(?:\s+(?P<rel>{_PAST}|{_CURRENT}|{_FUTURE}))?"
    rf"(?:\s+(?:من|في)\s+(?P<yrel>(?:العام|السنه)\s+(?:{_PAST}|{_CURRENT})|هذا\s+العام|هذه\s+السنه))?"
    r")" + _END
)

_RE_MONTH = re.compile(
    _PRE + r"(?P<m>"
    rf"(?:(?P<pos>{_POS})\s+)?(?:(?P<shahr>شهر)\s+)?{_monx('m')}"
    rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه|لعام|لسنه)\s+)?(?P<year>{_YEAR})(?:\s*م(?!\w))?)?"
    rf"(?:\s+(?P<rel>{_PAST}|{_CURRENT}|{_FUTURE}))?"
    rf"(?:\s+(?:من|في)\s+(?P<yrel>(?:العام|السنه)\s+(?:{_PAST}|{_CURRENT})|هذا\s+العام|هذه\s+السنه))?"
    r")" + _END
)

_RE_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?P<m>(?P<a>\d{4}|\d{1,2})(?P<sep>[\-.]|\s?/\s?)(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{1,2}))"
    r"(?![\d]|\s?[/.\-]\s?\d)"
)

# "يوم 3/11", "بتاريخ 25/ 10": day and month with no year, after a word that makes it a date
_RE_DAY_MONTH = re.compile(
    r"(?:^|\s)[وف]?(?:يوم|بتاريخ|تاريخ|ليله|مساء|صباح|فجر)\s+"
    r"(?P<m>(?P<d>\d{1,2})\s?/\s?(?P<mo>\d{1,2}))(?![\d]|\s?/\s?\d)"
)

_RE_PERIOD = re.compile(
    _PRE + rf"(?P<m>(?:(?P<pos>{_POS})\s+)?(?:"
    rf"(?P<week>الاسبوع\s+(?P<wrel>{_BEFORE_PAST}|{_PAST}|{_CURRENT})|هذا\s+الاسبوع)"
    rf"|(?P<month>الشهر\s+(?P<mrel>{_BEFORE_PAST}|{_PAST}|{_CURRENT})|هذا\s+الشهر)"
    rf"|(?P<yearrel>(?:العام|السنه)\s+(?P<yrel>{_BEFORE_PAST}|{_PAST}|{_CURRENT})|هذا\s+العام|هذه\s+السنه)"
    rf"|(?P<yearabs>(?:عام|العام|سنه|السنه|لعام|لسنه)\s+(?P<year>{_YEAR})(?:\s*م(?!\w))?)"
    r"|(?P<weekpos>الاسبوع)"
    # "مطلع الشهر", "أواخر الشهر": the current month's (with its part named only)
    r"|(?P<monthpos>الشهر)"
    r"))" + _END
)

_RE_AGO = re.compile(
    _PRE + r"(?P<m>(?P<since>منذ|قبل)\s+(?:نحو\s+|حوالي\s+|قرابه\s+|اكثر\s+من\s+|اقل\s+من\s+)?"
    rf"(?:(?P<n>\d{{1,3}}|{_NUMW})\s+)?"
    r"(?P<unit>يوم|يوما|ايام|يومين|اسبوع|اسبوعا|اسبوعين|اسابيع|شهر|شهرا|شهرين|اشهر|شهور|"
    r"عام|عاما|عامين|اعوام|سنه|سنوات|سنتين|ساعه|ساعتين|ساعات|دقيقه|دقايق|قليل)"
    r"(?:\s+(?:قليله|معدوده|فقط))?)" + _END + r"(?!\s+(?:من|علي)\s)"
    # ("منذ عام 2014": since the year 2014, not a year ago)
    rf"(?!\s*{_YEAR}(?!\d))"
)

# "دعا الصدر أنصاره اليوم ... بعد يوم من اشتباكات دامية": the act "a day after" which the
# news comes was that many days before it (hours after: the same day)
_RE_DAYS_AFTER = re.compile(
    _PRE + r"(?P<m>بعد\s+(?:(?P<n>\d{1,2}|" + _NUMW + r")\s+)?"
    r"(?P<unit>يوم|يومين|ايام|ساعه|ساعتين|ساعات))\s+(?:فقط\s+)?(?:من|علي)\s"
)

_RE_YEAR_PREP = re.compile(
    r"(?<!\w)(?:[وف]?(?:في|منذ|خلال|حتي))\s+(?P<m>(?P<year>"
    + _YEAR
    + r"))(?=\s*(?:[،,.:;)\]\"»]|$|\s+(?:و|قبل|بعد|عندما|حين|حيث|اثر|حتي)\s))"
)

# Anchors: a date expression always holds one of these words (or a digit). Sentences
# without one are skipped after one C-level tokenization; with one, each pattern runs
# only on windows around the anchors of its kind, not over the whole text.
_A_WD, _A_DAY, _A_FUT, _A_MON, _A_NUM, _A_YEAR, _A_PER, _A_CUR, _A_AGO, _A_AFTER = (1 << i for i in range(10))
_ANCHOR_WORDS = {
    _A_WD: list(_WEEKDAYS),
    _A_DAY: ["امس", "الامس", "البارحه", "اليوم", "الليله"],
    _A_FUT: ["غدا", "غد", "الغد"],
    _A_MON: sorted({w.split()[0] for w in _MONTHS}),
    _A_PER: ["الاسبوع", "الشهر", "العام", "السنه", "عام", "سنه"],
    _A_CUR: ["الجاري", "الحالي", "الماضي", "المنصرم"],
    _A_AGO: ["منذ", "قبل"],
    _A_AFTER: ["بعد"],
}
_ANCHORS: dict[str, int] = {}
for _kind, _words in _ANCHOR_WORDS.items():
    for _w in _words:
        for _p in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "لل", "ولل"):
            _ANCHORS[_p + _w] = _ANCHORS.get(_p + _w, 0) | _kind
_ANCHOR_KEYS = frozenset(_ANCHORS)
_TOKEN = re.compile(r"\w+")
# (\d+, spelled to open with a character class: sre then skips in a tight loop to the next
# digit instead of trying a match at every position)
_DIGITS = re.compile(r"\d\d*")
_WINDOW_BEFORE, _WINDOW_AFTER = 60, 90  # chars: longer than any prefix / suffix a pattern allows

# A weekday (or اليوم/أمس) directly followed by an explicit date is one reference.
_JOIN_GAP = re.compile(r"\s*[،,(\-–]?\s*(?:(?:في|الموافق|المصادف)\s+)?\(?\s*")


# ---------------------------------------------------------------------------


def _month_num(m: re.Match, g: str) -> int | None:
    for key in (g + "a", g + "p"):
        name = m.group(key)
        if name:
            return _MONTHS.get(re.sub(r"\s+", " ", name))
    return None


def _month_doubled(m: re.Match, g: str) -> bool:
    return bool(m.group(g + "b") or m.group(g + "q"))


def _prev_month(d: dt.date, n: int = 1) -> dt.date:
    y, mo = divmod(d.year * 12 + d.month - 1 - n, 12)
    return dt.date(y, mo + 1, 1)


# the first day of the month on which its middle or its end has come
_MONTH_PART_REACHED = {"منتصف": 10, "اواسط": 10, "اواخر": 20, "نهايه": 20, "اخر": 20}


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=(d.weekday() - WEEK_START) % 7)


def _safe_date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date) -> dt.date | None:
    """The most recent `day`/`month` not after publication."""
    for y in range(published.year, published.year - 8, -1):
        d = _safe_date(y, month, day)
        if d is not None and d <= published:
            return d
    return None


def _rel_word_year(yrel: str | None, published: dt.date) -> int | None:
    if not yrel:
        return None
    return published.year - 1 if re.search(_PAST, yrel) else published.year


class _Cand:
    __slots__ = ("start", "end", "date", "prec", "relative", "kind", "since")

    def __init__(self, start, end, date, prec, relative, kind="", since=False):
        self.start, self.end = start, end
        self.date, self.prec, self.relative, self.kind, self.since = date, prec, relative, kind, since


def _nearest_weekday(day: dt.date, weekday: int, published: dt.date) -> dt.date:
    """The `weekday` nearest `day` (ties go back); a later one only within 2 days of `day`
    and never after publication + 1 day."""
    back = resolve_weekday(day, weekday)
    ahead = back + dt.timedelta(days=7)
    if (ahead - day).days > 2 or (ahead - day) >= (day - back) or ahead > published + dt.timedelta(days=1):
        return back
    return ahead


def _weekday_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_WEEKDAY):
        s, e = m.span("m")
        d = m.group("dir") or ""
        if d and re.fullmatch(_FUTURE, d):
            out.append(_Cand(s, e, None, "", True, "block"))
            continue
        if pub is None:
            out.append(_Cand(s, e, None, "", True, "wd"))
            continue
        wd = _WEEKDAYS[m.group("wd")]
        rel = re.sub(r"\s+", " ", m.group("rel") or "")
        if d:  # الخميس الماضي: strictly before publication
            date = resolve_weekday(pub - dt.timedelta(days=1), wd)
            if m.group("before"):  # الخميس قبل الماضي: a week before that
                date -= dt.timedelta(days=7)
        elif rel and rel not in ("يوم", "نهار"):
            # اليوم الخميس / أمس الأربعاء: the day word and the weekday name say the same
            # thing; when they disagree by a day or two the publication date is the one
            # that is off (time zones, late stamps), so take the named weekday nearest it.
            back = 2 if "اول" in rel else (0 if "اليوم" in rel else 1)
            date = _nearest_weekday(pub - dt.timedelta(days=back), wd, pub)
        else:
            date = resolve_weekday(pub, wd)
        out.append(_Cand(s, e, date, "day", True, "wd"))
    for m in scan(_RE_NIGHT_PAIR):
        s, e = m.span("m")
        date = resolve_weekday(pub, _WEEKDAYS[m.group("wd")]) if pub else None
        out.append(_Cand(s, e, date, "day", True, "wd"))


def _dayword_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_DAYWORD):
        s, e = m.span("m")
        if m.group("today"):
            back = 0
        elif m.group("yday"):
            back = 1
        else:
            back = 2
        date = pub - dt.timedelta(days=back) if pub else None
        out.append(_Cand(s, e, date, "day", True, "wd"))


_WEEK_OF_MONTH = {"الاول": 0, "الثاني": 1, "الثالث": 2, "الرابع": 3}


def _week_of_month(m: re.Match, s: int, e: int, pub: dt.date | None, out: list) -> None:
    """الأسبوع الأول/الأخير من تشرين الثاني: week precision from day 1, 8, 15, 22 or the last 7."""
    month = _month_num(m, "m")
    if month is None:
        return
    year = int(m.group("year")) if m.group("year") else None
    if year is None and m.group("yrel") and pub:
        year = _rel_word_year(m.group("yrel"), pub)
    if year is None:
        if pub is None:
            return
        year = pub.year if month <= pub.month else pub.year - 1
    first = dt.date(year, month, 1)
    k = _WEEK_OF_MONTH.get(m.group("wk"))
    if k is None:  # الأخير
        date = _prev_month(first, -1) - dt.timedelta(days=7)
    else:
        date = first + dt.timedelta(days=7 * k)
    out.append(_Cand(s, e, date, "week", not m.group("year"), "period"))


def _explicit_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_EXPLICIT):
        s, e = m.span("m")
        if m.group("wom"):
            _week_of_month(m, s, e, pub, out)
            continue
        raw = re.sub(r"\s+", " ", m.group("day"))
        day = int(raw) if raw.isdigit() else _ORD_DAYS.get(raw)
        if not day or day > 31:
            continue
        rel = m.group("rel") or ""
        year = int(m.group("year")) if m.group("year") else None
        yrel = _rel_word_year(m.group("yrel"), pub) if pub and m.group("yrel") else None
        if m.group("bare") and not (raw.isdigit() or m.group("min")):
            continue  # "الفصل الثاني الحالي": an ordinal, not a day of this month
        if m.group("same"):
            # "وفي العشرين من الشهر نفسه": the month of the date told just before
            prev = next((c for c in reversed(out) if c.date is not None and c.end <= s), None)
            if prev is not None:
                out.append(
                    _Cand(
                        s,
                        e,
                        _safe_date(prev.date.year, prev.date.month, day),
                        "day",
                        prev.relative,
                        "explicit",
                    )
                )
            continue
        if m.group("thism") or m.group("mrel") or m.group("bare"):
            mrel = m.group("mrel") or m.group("bare") or "الجاري"
            if pub is None or re.fullmatch(_FUTURE, mrel):
                out.append(_Cand(s, e, None, "", True, "block"))
                continue
            base = (
                _prev_month(pub, 2)
                if re.fullmatch(_BEFORE_PAST, mrel)
                else _prev_month(pub)
                if re.fullmatch(_PAST, mrel)
                else pub.replace(day=1)
            )
            out.append(_Cand(s, e, _safe_date(base.year, base.month, day), "day", True, "explicit"))
            continue
        month = _month_num(m, "m")
        if month is None:
            continue
        if re.fullmatch(_FUTURE, rel):
            out.append(_Cand(s, e, None, "", False, "block"))
            continue
        relative = False
        if year is not None:
            date = _safe_date(year, month, day)
        elif yrel is not None:
            date = _safe_date(yrel, month, day)
            relative = True
        elif pub is None:
            date = None
        elif rel and re.fullmatch(_CURRENT, rel):
            date = _safe_date(pub.year, month, day)
            relative = True
        elif rel and re.fullmatch(_PAST, rel) and month == pub.month:
            # "الثامن من آب الماضي" written in August: last year's (this month's is "الجاري")
            date = _safe_date(pub.year - 1, month, day)
            relative = True
        else:
            date = _year_for(month, day, pub)
        out.append(_Cand(s, e, date, "day", relative, "explicit"))
    for m in scan(_RE_NUMERIC):
        a, b, c = m.group("a"), m.group("b"), m.group("c")
        if len(a) == 4:  # (year first, the day maybe in one digit: "2026/3/8")
            date = _safe_date(int(a), int(b), int(c)) if len(c) <= 2 else None
        else:
            if len(c) == 1:
                continue  # "3/3/6": no year
            if len(c) == 2 and m.group("sep") != "/":
                continue  # 12-10-23 is as likely a code or a score as a date
            y = int(c) if len(c) == 4 else 2000 + int(c)
            date = _safe_date(y, int(b), int(a))
        if date is None or not (1950 <= date.year <= 2199):
            continue
        s, e = m.span("m")
        out.append(_Cand(s, e, date, "day", False, "explicit"))
    if pub is not None:
        for m in scan(_RE_DAY_MONTH):
            day, month = int(m.group("d")), int(m.group("mo"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            date = _year_for(month, day, pub)
            if date is None:
                continue
            s, e = m.span("m")
            out.append(_Cand(s, e, date, "day", False, "explicit"))


_CONTEXT_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:في|منذ|حتي|خلال|بحلول|قبل|بعد|منتصف|مطلع|اواخر|اوايل|نهايه|بدايه|وفي)\s*$"
)


def _month_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_MONTH):
        s, e = m.span("m")
        month = _month_num(m, "m")
        if month is None:
            continue
        rel = m.group("rel") or ""
        year = int(m.group("year")) if m.group("year") else None
        context = bool(
            m.group("pos") or m.group("shahr") or year or rel or m.group("yrel") or _month_doubled(m, "m")
        )
        if not context and not _CONTEXT_BEFORE.search(n, max(0, s - 12), s):
            # A bare month name with no date word around it: a verb (مارس), a noun
            # (آب "father"), a name or a place.
            continue
        if rel and re.fullmatch(_FUTURE, rel):
            out.append(_Cand(s, e, None, "", False, "block"))
            continue
        relative = False
        if year is not None:
            date = dt.date(year, month, 1)
        elif pub is None:
            date = None
        elif m.group("yrel"):
            date = dt.date(_rel_word_year(m.group("yrel"), pub), month, 1)
            relative = True
        elif rel and re.fullmatch(_CURRENT, rel):
            date = dt.date(pub.year, month, 1)
            relative = True
        elif rel:  # الماضي: the last such month before the current one
            date = dt.date(pub.year if month < pub.month else pub.year - 1, month, 1)
            relative = True
        else:
            date = dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1)
        out.append(_Cand(s, e, date, "month", relative, "month"))


def _period_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_PERIOD):
        s, e = m.span("m")
        if m.group("yearabs"):
            out.append(_Cand(s, e, dt.date(int(m.group("year")), 1, 1), "year", False, "year"))
            continue
        if pub is None:
            out.append(_Cand(s, e, None, "", True, "period"))
            continue
        if m.group("week") or m.group("weekpos"):
            if m.group("weekpos") and not m.group("pos"):
                continue
            this = _week_start(pub)
            past = m.group("wrel") and re.fullmatch(_PAST, m.group("wrel"))
            before = m.group("wrel") and re.fullmatch(_BEFORE_PAST, m.group("wrel"))
            # "this week" told on a Wednesday is the seven days up to publication, not the
            # calendar week running on past it (events are not in the future)
            # ("مطلع الأسبوع الحالي", its start, stays the calendar week's first day)
            # ("منتصف الأسبوع الجاري" told on the week's first day: its middle is still to
            # come, so the writer means the seven days just past, as for "this week")
            late = m.group("pos") and not re.fullmatch(r"مطلع|اوايل|بدايه|بدايات|اول", m.group("pos"))
            date = (
                this - dt.timedelta(days=14)
                if before
                else this - dt.timedelta(days=7)
                if past
                else min(this, pub - dt.timedelta(days=6))
                if late and this + dt.timedelta(days=3) > pub
                else this
                if m.group("pos")
                else min(this, pub - dt.timedelta(days=6))
            )
            out.append(_Cand(s, e, date, "week", True, "period"))
        elif m.group("monthpos"):
            pos = m.group("pos")
            # (a part of the month not yet reached is no past event's: "أواخر الشهر" told on
            # the 13th)
            if not pos or pub.day < _MONTH_PART_REACHED.get(pos, 1):
                continue
            out.append(_Cand(s, e, pub.replace(day=1), "month", True, "period"))
        elif m.group("month"):
            past = m.group("mrel") and re.fullmatch(_PAST, m.group("mrel"))
            before = m.group("mrel") and re.fullmatch(_BEFORE_PAST, m.group("mrel"))
            date = _prev_month(pub, 2) if before else _prev_month(pub) if past else pub.replace(day=1)
            out.append(_Cand(s, e, date, "month", True, "period"))
        elif m.group("yearrel"):
            past = m.group("yrel") and re.fullmatch(_PAST, m.group("yrel"))
            before = m.group("yrel") and re.fullmatch(_BEFORE_PAST, m.group("yrel"))
            back = 2 if before else 1 if past else 0
            out.append(_Cand(s, e, dt.date(pub.year - back, 1, 1), "year", True, "period"))
    for m in scan(_RE_YEAR_PREP):
        s, e = m.span("m")
        out.append(_Cand(s, e, dt.date(int(m.group("year")), 1, 1), "year", False, "year"))


_DUAL_UNITS = frozenset(("يومين", "اسبوعين", "شهرين", "عامين", "سنتين", "ساعتين"))
_ONE_UNITS = frozenset(
    ("يوم", "يوما", "اسبوع", "اسبوعا", "شهر", "شهرا", "عام", "عاما", "سنه", "ساعه", "دقيقه")
)


def _unit_count(unit: str, raw: str | None) -> int | None:
    """How many of the time unit: the number before it ("3 أيام", "ثلاثة أيام"), a dual
    ("يومين") or a singular ("يوم") alone; None for a bare plural ("أيام")."""
    if unit in _DUAL_UNITS:
        return 2
    count = (int(raw) if raw.isdigit() else _UNITS.get(raw)) if raw else None
    if count is None and unit in _ONE_UNITS:
        return 1
    return count


def _ago_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_AGO):
        s, e = m.span("m")
        unit = m.group("unit")
        count = _unit_count(unit, m.group("n"))
        hours = unit in ("ساعه", "ساعتين", "ساعات", "دقيقه", "دقايق", "قليل")
        if count is None and not hours:
            # "قبل أيام", "منذ أشهر": too vague to place.
            out.append(_Cand(s, e, None, "", True, "block"))
            continue
        if pub is None:
            out.append(_Cand(s, e, None, "", True, "ago"))
            continue
        since = m.group("since") == "منذ"
        if hours:  # "قبل ساعات": today; "قبل 48 ساعة": whole days back
            back = (count or 0) // 24 if unit.startswith("ساع") else 0
            out.append(_Cand(s, e, pub - dt.timedelta(days=back), "day", True, "ago", since))
        elif unit.startswith("يوم") or unit == "ايام":
            out.append(_Cand(s, e, pub - dt.timedelta(days=count), "day", True, "ago", since))
        elif unit.startswith("اسبوع") or unit == "اسابيع":
            out.append(
                _Cand(s, e, _week_start(pub - dt.timedelta(days=7 * count)), "week", True, "ago", since)
            )
        elif unit.startswith("شهر") or unit in ("اشهر", "شهور"):
            out.append(_Cand(s, e, _prev_month(pub, count), "month", True, "ago", since))
        else:
            out.append(_Cand(s, e, dt.date(pub.year - count, 1, 1), "year", True, "ago", since))


def _days_after_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for m in scan(_RE_DAYS_AFTER):
        s, e = m.span("m")
        unit = m.group("unit")
        # (hours after: the same day; "بعد أيام من": too vague to place)
        back = 0 if unit.startswith("ساع") else _unit_count(unit, m.group("n"))
        if back is None or pub is None:
            out.append(_Cand(s, e, None, "", True, "block"))
            continue
        out.append(_Cand(s, e, pub - dt.timedelta(days=back), "day", True, "ago"))


def _block_cands(n: str, pub: dt.date | None, out: list, scan) -> None:
    for pattern in (_RE_BLOCK_DAY, _RE_BLOCK_FUTURE, _RE_BLOCK_PLACE):
        for m in scan(pattern):
            s, e = m.span("m")
            out.append(_Cand(s, e, None, "", False, "block"))


_SINCE_BEFORE = re.compile(r"(?:^|\s)[وف]?منذ\s+(?:(?:يوم|مساء|صباح|فجر|ليل|ليله)\s+)?$")
# the end of a range: "بقيتا في المكان حتى صباح اليوم" is no day of an act
_UNTIL_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:حتي|لغايه)\s+(?:(?:يوم|مساء|صباح|فجر|ليل|ليله)\s+)?$")
# Tashkeel, superscript alef and tatweel: dropped by normalize, kept inside a span.
_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"])
_SELECTORS = (
    _block_cands,
    _weekday_cands,
    _dayword_cands,
    _explicit_cands,
    _month_cands,
    _period_cands,
    _ago_cands,
    _days_after_cands,
)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Leftmost-longest non-overlapping candidates; blockers win ties."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.kind != "block"))
    chosen: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


def _join(n: str, chosen: list[_Cand]) -> list[_Cand]:
    """Merge a weekday / اليوم / أمس with the explicit date right after it."""
    out: list[_Cand] = []
    for c in chosen:
        if out:
            p = out[-1]
            if p.kind == "wd" and c.kind == "explicit":
                gap = _JOIN_GAP.fullmatch(n, p.end, c.start)
                if gap is not None:
                    out[-1] = _Cand(p.start, c.end, c.date, "day", c.relative, "explicit", p.since)
                    continue
        out.append(c)
    return out


# Which anchors each pattern needs, and how far (chars) a match can reach before and
# after its anchor: the longest prefix (وقت متأخر من مساء أمس) and suffix (a doubled
# month, a year and من العام الماضي) each pattern allows, with a margin.
_PATTERN_ANCHORS = {
    _RE_BLOCK_DAY: (_A_DAY, 40, 20),
    _RE_BLOCK_FUTURE: (_A_FUT | _A_PER, 40, 20),
    _RE_BLOCK_PLACE: (_A_MON, 30, 10),
    _RE_WEEKDAY: (_A_WD, 50, 20),
    _RE_NIGHT_PAIR: (_A_WD, 40, 30),
    _RE_DAYWORD: (_A_DAY, 45, 20),
    _RE_EXPLICIT: (_A_MON | _A_PER | _A_CUR, 45, 70),
    _RE_NUMERIC: (_A_NUM, 5, 12),
    _RE_DAY_MONTH: (_A_NUM, 12, 8),
    _RE_MONTH: (_A_MON, 30, 70),
    _RE_PERIOD: (_A_PER, 20, 25),
    _RE_YEAR_PREP: (_A_YEAR, 12, 12),
    _RE_AGO: (_A_AGO, 5, 50),
    _RE_DAYS_AFTER: (_A_AFTER, 5, 30),
}


# the same, by the pattern's id (a compiled pattern's hash is computed over all its code,
# on every lookup: thousands of instructions for the longer patterns)
_PATTERN_ANCHORS_BY_ID = {id(pattern): anchors for pattern, anchors in _PATTERN_ANCHORS.items()}


# Speed: each selector with the patterns it scans; every candidate it makes comes from a
# match of one of them, so a sentence with none of their anchors is not given to it.
_SELECTOR_PATTERNS = {
    _block_cands: (_RE_BLOCK_DAY, _RE_BLOCK_FUTURE, _RE_BLOCK_PLACE),
    _weekday_cands: (_RE_WEEKDAY, _RE_NIGHT_PAIR),
    _dayword_cands: (_RE_DAYWORD,),
    _explicit_cands: (_RE_EXPLICIT, _RE_NUMERIC, _RE_DAY_MONTH),
    _month_cands: (_RE_MONTH,),
    _period_cands: (_RE_PERIOD, _RE_YEAR_PREP),
    _ago_cands: (_RE_AGO,),
    _days_after_cands: (_RE_DAYS_AFTER,),
}
# (the patterns each selector's code names, all of them)
assert tuple(_SELECTOR_PATTERNS) == _SELECTORS
assert all(
    {globals()[name] for name in find.__code__.co_names if name.startswith("_RE_")} == set(pats)
    for find, pats in _SELECTOR_PATTERNS.items()
)
_SELECTOR_MASKS: list[tuple] = []
for _find, _pats in _SELECTOR_PATTERNS.items():
    _mask = 0
    for _p in _pats:
        _mask |= _PATTERN_ANCHORS[_p][0]
    _SELECTOR_MASKS.append((_find, _mask))


def _anchors(n: str) -> list[tuple[int, int, int]]:
    """(start, end, kind) of every anchor word or digit run in normalized text."""
    found: list[tuple[int, int, int]] = []
    # Speed: the \w+ tokens of the text are those of its whitespace-separated chunks; a
    # chunk all of word characters is one token, whole (str.split and isalnum are C-level
    # and cheaper than a regex scan), only the others (a word and its comma) are cut.
    chunks = n.split()
    hits = _ANCHOR_KEYS.intersection(chunks)
    others = list(filterfalse(str.isalnum, chunks))
    if others:
        hits |= _ANCHOR_KEYS.intersection(_TOKEN.findall(" ".join(others)))
    size = len(n)
    for word in hits:
        kind, w = _ANCHORS[word], len(word)
        i = n.find(word)
        while i >= 0:
            j = i + w
            if (i == 0 or not (n[i - 1].isalnum() or n[i - 1] == "_")) and (
                j == size or not (n[j].isalnum() or n[j] == "_")
            ):
                found.append((i, j, kind))
            i = n.find(word, j)
    for m in _DIGITS.finditer(n):
        s, e = m.span()
        if e - s == 4:
            found.append((s, e, _A_YEAR))
        if (n[e : e + 1] in ("-", ".") and n[e + 1 : e + 2].isdigit()) or "/" in n[e : e + 2]:
            found.append((s, e, _A_NUM))
    return found


def _windows(
    n: str, anchors: list[tuple[int, int, int]], mask: int, before: int, after: int
) -> list[tuple[int, int]]:
    """Merged [pos, endpos) windows around the anchors of `mask`, cut at spaces."""
    spans = sorted((s, e) for s, e, kind in anchors if kind & mask)
    out: list[tuple[int, int]] = []
    size = len(n)
    for s, e in spans:
        lo = s - before
        lo = 0 if lo <= 0 else n.rfind(" ", 0, lo) + 1
        hi = n.find(" ", e + after) if e + after < size else -1
        hi = size if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _candidates(n: str, published: dt.date | None) -> list[_Cand]:
    anchors = _anchors(n)
    if not anchors:
        return []
    present = 0
    for anchor in anchors:
        present |= anchor[2]

    def scan(pattern: re.Pattern):
        mask, before, after = _PATTERN_ANCHORS_BY_ID[id(pattern)]
        if not mask & present:
            return
        for lo, hi in _windows(n, anchors, mask, before, after):
            yield from pattern.finditer(n, lo, hi)

    cands: list[_Cand] = []
    for find, mask in _SELECTOR_MASKS:
        if mask & present:  # (a selector with none of its patterns' anchors finds nothing)
            find(n, published, cands, scan)
    return cands


def find_dates(text: str, published: dt.date | None) -> list[DateRef]:
    """Every date expression in `text`, left to right, resolved against `published`."""
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    elif isinstance(published, str):  # an ISO string straight from a JSON Lines corpus
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    # the sentence's shared, cached normalization (vocab.find_cues already folded it);
    # its offset map is normalize_with_map's
    t = prepare(text)
    n = t.norm
    cands = _candidates(n, published)
    if not cands:
        return []
    chosen = [c for c in _join(n, _select(cands)) if c.kind != "block" and c.date is not None]
    if not chosen:
        return []
    orig = t.orig
    return _emit(text, n, lambda s, e: (orig(s), orig(e - 1) + 1), chosen, published)


# An independent offset map (find_dates uses normalize.prepare's; tests check the two
# agree). Characters normalize() drops (marks, tatweel, invisible controls), found by
# asking it; a span is mapped back by skipping over them. Should normalize() ever drop
# something outside these blocks, the length check in _offset_map returns None.
_DROPPED = "".join(
    ch
    for ch in map(chr, [0x00AD, *range(0x0600, 0x0700), *range(0x2000, 0x2070), 0xFEFF])
    if not ch.isspace() and normalize(f"ا{ch}ا") == "اا"
)
# Whitespace as re's \s knows it (what normalize() collapses), and the runs of dropped
# characters and whitespace other than one plain space: the only places where
# normalized and original offsets drift apart.
_WHITESPACE = "".join(chr(c) for c in range(0x3001) if re.match(r"\s", chr(c)))
_EDGE = _WHITESPACE + _DROPPED
_DRIFT = re.compile(
    "["
    + re.escape(_EDGE)
    + "]["
    + re.escape(_EDGE)
    + "]+|["
    + re.escape(_DROPPED + _WHITESPACE.replace(" ", ""))
    + "]"
)


def _offset_map(text: str, n: str):
    """Map normalized [start, end) spans back to `text`: normalize_with_map, walking
    only the few places where offsets drift instead of every character."""
    size = len(text)
    lead = size - len(text.lstrip(_EDGE))
    inner_end = max(len(text.rstrip(_EDGE)), lead)
    breaks = [0]  # from normalized offset breaks[k] on, original = normalized + shifts[k]
    shifts = [lead]
    shift = lead
    for m in _DRIFT.finditer(text, lead, inner_end):
        s, e = m.span()
        kept = 1 if text[s:e].strip(_DROPPED) else 0  # whitespace in the run: one space stays
        breaks.append(s - shift + kept)
        shift += e - s - kept
        shifts.append(shift)
    if inner_end - shift != len(n):
        return None

    def orig(p: int) -> int:
        k = bisect_right(breaks, p) - 1
        return p + shifts[k]

    def to_original(start: int, end: int) -> tuple[int, int]:
        return orig(start), orig(end - 1) + 1

    return to_original


def _emit(text: str, n: str, to_original, chosen: list[_Cand], published: dt.date | None) -> list[DateRef]:
    refs: list[DateRef] = []
    for c in chosen:
        if published is not None and c.date > published + dt.timedelta(days=1):
            continue  # the future: deadlines, plans, not events
        since = c.since or bool(_SINCE_BEFORE.search(n, max(0, c.start - 20), c.start))
        until = bool(_UNTIL_BEFORE.search(n, max(0, c.start - 20), c.start))
        start, end = to_original(c.start, c.end)
        while end < len(text) and text[end] in _MARKS:  # keep a last letter's vowel marks
            end += 1
        refs.append(DateRef(c.date, c.prec, start, end, c.relative, since, until))
    return refs
