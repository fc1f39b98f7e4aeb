"""Writes dates.tsv and counts.tsv: labelled Arabic phrases for the peer benchmarks.

The phrases and their labels are composed here from the coding rules of
docs/spec.md (sections 3 and 6), independently of Marsad's readers: run
`python -m bench.phrases.make_phrases` to rewrite the two files (seeded, so the same).

dates.tsv:  phrase, published (ISO day), expected (ISO day), precision, kind
counts.tsv: phrase, low, best, high (empty = none), kind
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from bench.synth import MONTHS_GREGORIAN, MONTHS_LEVANTINE, WEEKDAYS

HERE = Path(__file__).resolve().parent

# the same hand-written month and weekday names as the synthetic corpus (never the engine's)
GREG, LEV = MONTHS_GREGORIAN, MONTHS_LEVANTINE
SCRIPTS = {"ascii": "0123456789", "indic": "٠١٢٣٤٥٦٧٨٩", "eastern": "۰۱۲۳۴۵۶۷۸۹"}


def digits(n: int, script: str) -> str:
    return str(n).translate(str.maketrans("0123456789", SCRIPTS[script]))


def most_recent(month: int, day: int, pub: dt.date) -> dt.date:
    """A date whose year is left out: the most recent one not after publication."""
    d = dt.date(pub.year, month, day)
    return d if d <= pub else dt.date(pub.year - 1, month, day)


def date_rows(rng: random.Random) -> list[tuple]:
    rows: list[tuple] = []
    pubs = [dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2800)) for _ in range(60)]
    # relative days
    for pub in pubs[:12]:
        rows += [
            ("اليوم", pub, pub, "day", "relative"),
            ("أمس", pub, pub - dt.timedelta(1), "day", "relative"),
            ("أول أمس", pub, pub - dt.timedelta(2), "day", "relative"),
        ]
    for pub in pubs[12:18]:
        rows += [
            ("مساء أمس", pub, pub - dt.timedelta(1), "day", "relative"),
            ("صباح اليوم", pub, pub, "day", "relative"),
        ]
    # weekdays: the most recent such day on or before publication
    for i, pub in enumerate(pubs[:35]):
        back = rng.randint(1, 6)
        day = pub - dt.timedelta(back)
        wd = WEEKDAYS[day.weekday()]
        form = (f"يوم {wd}", f"{wd}", f"مساء {wd}", f"فجر {wd}", f"يوم {wd} الماضي")[i % 5]
        rows.append((form, pub, day, "day", "weekday"))
    # explicit dates, both month sets, three digit scripts, with and without year
    for i, pub in enumerate(pubs * 2):
        day = pub - dt.timedelta(days=rng.randint(0, 300))
        script = ("ascii", "indic", "eastern")[i % 3]
        style = i % 4
        name = GREG[day.month - 1] if style in (0, 2) else LEV[day.month - 1]
        if style == 3:
            name = f"{LEV[day.month - 1]}/ {GREG[day.month - 1]}"
        with_year = i % 2 == 0 or day.year != pub.year
        phrase = f"{digits(day.day, script)} {name}"
        if with_year:
            phrase += f" {digits(day.year, script)}"
            expected = day
        else:
            expected = most_recent(day.month, day.day, pub)
        rows.append((phrase, pub, expected, "day", f"explicit_{script}"))
    # month precision: the first day of the month
    for i, pub in enumerate(pubs[:30]):
        m = dt.date(pub.year, pub.month, 1) - dt.timedelta(days=rng.randint(1, 250))
        first = dt.date(m.year, m.month, 1)
        name = (GREG, LEV)[i % 2][m.month - 1]
        phrase = (f"في {name} {m.year}", f"أواخر {name} {m.year}", f"مطلع {name} {m.year}")[i % 3]
        rows.append((phrase, pub, first, "month", "month"))
    # numeric day/month/year (Arab order)
    for i, pub in enumerate(pubs[:20]):
        day = pub - dt.timedelta(days=rng.randint(0, 200))
        script = ("ascii", "indic")[i % 2]
        sep = "/" if i % 3 else "-"
        phrase = sep.join(digits(x, script) for x in (day.day, day.month, day.year))
        rows.append((phrase, pub, day, "day", "numeric"))
    return rows


UNITS = {
    1: "واحد",
    2: "اثنان",
    3: "ثلاثة",
    4: "أربعة",
    5: "خمسة",
    6: "ستة",
    7: "سبعة",
    8: "ثمانية",
    9: "تسعة",
    10: "عشرة",
}
TENS_NOM = {
    20: "عشرون",
    30: "ثلاثون",
    40: "أربعون",
    50: "خمسون",
    60: "ستون",
    70: "سبعون",
    80: "ثمانون",
    90: "تسعون",
}
TENS_OBL = {k: v[:-2] + "ين" for k, v in TENS_NOM.items()}
TEENS = {
    11: "أحد عشر",
    12: "اثنا عشر",
    13: "ثلاثة عشر",
    14: "أربعة عشر",
    15: "خمسة عشر",
    16: "ستة عشر",
    17: "سبعة عشر",
    18: "ثمانية عشر",
    19: "تسعة عشر",
}


def words(n: int, oblique: bool) -> str:
    tens = TENS_OBL if oblique else TENS_NOM
    if n <= 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n]
    if n < 100:
        t, u = divmod(n, 10)
        return tens[t * 10] if u == 0 else f"{UNITS[u]} و{tens[t * 10]}"
    if n == 100:
        return "مئة"
    if 100 < n < 200:
        return f"مئة و{words(n - 100, oblique)}"
    raise ValueError(n)


def count_rows(rng: random.Random) -> list[tuple]:
    rows: list[tuple] = []

    def exact(phrase, n, kind):
        rows.append((phrase, n, n, n, kind))

    for n in range(3, 11):
        exact(UNITS[n], n, "words")
    for n in (11, 12, 13, 14, 15, 16, 17, 18, 19):
        exact(TEENS[n], n, "words")
    for n in (20, 21, 23, 25, 27, 30, 34, 40, 45, 50, 58, 60, 66, 70, 80, 90, 99, 100, 120, 150):
        exact(words(n, rng.random() < 0.5), n, "words")
    for n in (22, 28, 33, 47, 51, 64, 72, 88, 95, 110, 175):
        exact(words(n, rng.random() < 0.5), n, "words")
    for phrase, n in (
        ("مئتين", 200),
        ("مئتان", 200),
        ("ثلاثمئة", 300),
        ("خمسمئة", 500),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("مائة", 100),
        ("اثنين", 2),
        ("اثني عشر", 12),
        ("إحدى عشرة", 11),
    ):
        exact(phrase, n, "words")
    for n in (3, 5, 7, 10, 12, 25):
        exact(f"{words(n, True)} آخرين", n, "words")
    for noun in (
        "عنصرين",
        "جنديين",
        "قتيلين",
        "جريحين",
        "شخصين",
        "مدنيين اثنين",
        "جنديان",
        "قتيلان",
        "شرطيين",
        "ضابطين",
    ):
        exact(noun, 2, "dual")
    for i, n in enumerate(
        (
            1,
            2,
            3,
            4,
            5,
            7,
            9,
            12,
            15,
            20,
            24,
            31,
            48,
            75,
            100,
            130,
            250,
            380,
            1200,
            2500,
            6,
            8,
            11,
            13,
            17,
            19,
            26,
            42,
            57,
            63,
            81,
            96,
            140,
            215,
            600,
        )
    ):
        script = ("ascii", "indic", "eastern")[i % 3]
        text = digits(n, script)
        if n >= 1000 and script == "ascii":
            text = f"{n:,}"
        exact(text, n, f"digits_{script}")
    for i, n in enumerate((5, 10, 20, 30, 40, 100, 3, 8, 15, 60)):
        d = digits(n, ("ascii", "indic")[i % 2])
        rows.append((f"أكثر من {d}", n, n, None, "bound"))
        rows.append((f"ما لا يقل عن {d}", n, n, None, "bound"))
        rows.append((f"نحو {d}", n, n, n, "approx"))
        rows.append((f"حوالي {d}", n, n, n, "approx"))
    for n in (5, 7, 10, 20):
        w = words(n, True)
        rows.append((f"أكثر من {w}", n, n, None, "bound_words"))
        rows.append((f"نحو {w}", n, n, n, "approx_words"))
    for a, b in ((3, 5), (10, 15), (20, 30), (2, 4), (5, 8), (40, 50)):
        rows.append((f"بين {a} و{b}", a, a, b, "range"))
    for a, b in ((3, 5), (5, 7)):
        rows.append((f"بين {words(a, False)} و{words(b, False)}", a, a, b, "range_words"))
    rows += [
        ("عدة", 2, 3, None, "vague"),
        ("عدد من", 2, 3, None, "vague"),
        ("بضعة", 2, 3, None, "vague"),
        ("عشرات", 10, 10, None, "vague"),
        ("مئات", 100, 100, None, "vague"),
        ("آلاف", 1000, 1000, None, "vague"),
    ]
    return rows


def main() -> None:
    rng = random.Random(20261121)
    dates = date_rows(rng)
    with open(HERE / "dates.tsv", "w", encoding="utf-8") as fh:
        fh.write("phrase\tpublished\texpected\tprecision\tkind\n")
        for phrase, pub, exp, prec, kind in dates:
            fh.write(f"{phrase}\t{pub.isoformat()}\t{exp.isoformat()}\t{prec}\t{kind}\n")
    counts = count_rows(rng)
    with open(HERE / "counts.tsv", "w", encoding="utf-8") as fh:
        fh.write("phrase\tlow\tbest\thigh\tkind\n")
        for phrase, low, best, high, kind in counts:
            cell = lambda v: "" if v is None else str(v)  # noqa: E731
            fh.write(f"{phrase}\t{cell(low)}\t{cell(best)}\t{cell(high)}\t{kind}\n")
    print(len(dates), "date phrases,", len(counts), "count phrases")


if __name__ == "__main__":
    main()
