"""The bundled corpus (samples/corpus/articles.jsonl) and its gold (samples/gold.jsonl).

They are the default input of `make run` and the project's own oracle, so they are checked
like code: valid JSON Lines in the spec section 8 shape, gold lines that reference real
articles, real actor ids, real governorates and real sub-event types, and the coverage the
corpus promises in samples/README.md (casualty phrasings, date forms, traps, page shapes).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from marsad.model import SUB_EVENT_TYPES

REPO = Path(__file__).resolve().parents[1]
ARTICLES = REPO / "samples" / "corpus" / "articles.jsonl"
GOLD = REPO / "samples" / "gold.jsonl"
README = REPO / "samples" / "README.md"
DATA = REPO / "marsad" / "data"

GOLD_KEYS = {
    "gold_id",
    "articles",
    "required",
    "date_min",
    "date_max",
    "country",
    "governorate",
    "perpetrator",
    "target",
    "sub_event_type",
    "killed",
    "wounded",
    "note",
}


def _jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            assert line.strip(), f"{path.name}:{n}: blank line"
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return _jsonl(ARTICLES)


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return _jsonl(GOLD)


@pytest.fixture(scope="module")
def by_id(articles) -> dict[str, dict]:
    return {a["id"]: a for a in articles}


@pytest.fixture(scope="module")
def corpus_text(articles) -> str:
    return "\n".join((a.get("title") or "") + "\n" + (a.get("text") or a.get("html") or "") for a in articles)


def _published(article: dict) -> dt.date | None:
    p = article.get("published")
    return dt.datetime.fromisoformat(p).date() if p else None


def _ids(filename: str, column: str) -> set[str]:
    with (DATA / filename).open(encoding="utf-8") as fh:
        return {row[column] for row in csv.DictReader(fh)}


# ---------------------------------------------------------------- articles


def test_articles_file_is_utf8_jsonl_without_ascii_escapes():
    raw = ARTICLES.read_text(encoding="utf-8")
    assert "\\u06" not in raw, "write with ensure_ascii=False so the Arabic stays readable"
    assert raw.endswith("\n")


def test_articles_have_spec_section_8_shape(articles):
    assert len(articles) >= 44
    for a in articles:
        assert set(a) <= {"id", "url", "published", "title", "text", "html"}, a.get("id")
        assert a["id"] and a["url"].startswith("https://"), a.get("id")
        assert ("text" in a) != ("html" in a), f"{a['id']}: exactly one of text / html"
        if "published" in a:
            dt.datetime.fromisoformat(a["published"])  # ISO date or datetime


def test_articles_ids_and_urls_are_unique(articles):
    for key in ("id", "url"):
        dupes = [k for k, n in Counter(a[key] for a in articles).items() if n > 1]
        assert not dupes, f"duplicate {key}: {dupes}"


def test_articles_urls_are_fictional_outlets(articles):
    for a in articles:
        host = a["url"].split("/")[2]
        assert ".example." in host, f"{a['id']}: {host} is not a fictional outlet"


def test_articles_text_is_arabic_news_length(articles):
    for a in articles:
        body = a.get("text") or re.sub(r"<[^>]+>", " ", a["html"])
        assert 600 <= len(a.get("text") or a["html"]) <= 3000, a["id"]
        arabic = sum(1 for ch in body if "\u0600" <= ch <= "\u06ff")
        assert arabic > 0.5 * len(body.replace(" ", "")), f"{a['id']}: not mostly Arabic"
        assert body.count("\n\n") >= 2 or "html" in a, f"{a['id']}: several paragraphs"


def test_articles_include_undated_and_html_pages(articles):
    assert sum("published" not in a for a in articles) >= 2
    html = [a for a in articles if "html" in a]
    assert len(html) >= 2
    assert all("<article" in a["html"] or "<p>" in a["html"] for a in html)


# ---------------------------------------------------------------- gold


def test_gold_lines_have_the_eval_format(gold):
    for g in gold:
        assert GOLD_KEYS <= set(g), f"{g.get('gold_id')}: missing {GOLD_KEYS - set(g)}"
        assert isinstance(g["required"], bool)
        assert isinstance(g["articles"], list) and g["articles"]
        for field in ("perpetrator", "target", "sub_event_type"):
            assert isinstance(g[field], list), f"{g['gold_id']}: {field} is a list"
        for field in ("killed", "wounded"):
            v = g[field]
            assert v is None or v == "any" or (isinstance(v, int) and v >= 0), (
                f"{g['gold_id']}: {field}={v!r}"
            )
    dupes = [k for k, n in Counter(g["gold_id"] for g in gold).items() if n > 1]
    assert not dupes


def test_gold_articles_exist(gold, by_id):
    for g in gold:
        missing = [a for a in g["articles"] if a not in by_id]
        assert not missing, f"{g['gold_id']}: {missing}"


def test_gold_actor_ids_are_in_actors_csv(gold):
    actors = _ids("actors.csv", "id")
    for g in gold:
        bad = [a for a in g["perpetrator"] + g["target"] if a not in actors]
        assert not bad, f"{g['gold_id']}: {bad}"
        assert g["perpetrator"], f"{g['gold_id']}: a perpetrator list (at least 'unknown')"


def test_gold_governorates_are_the_19(gold):
    governorates = _ids("governorates.csv", "governorate")
    assert len(governorates) == 19
    for g in gold:
        assert g["governorate"] is None or g["governorate"] in governorates, g["gold_id"]
        if g["governorate"] is not None:
            assert g["country"] == "Iraq", g["gold_id"]


def test_gold_sub_event_types_are_the_model_ones(gold):
    for g in gold:
        assert g["sub_event_type"], g["gold_id"]
        bad = [t for t in g["sub_event_type"] if t not in SUB_EVENT_TYPES]
        assert not bad, f"{g['gold_id']}: {bad}"


def test_gold_dates_are_ordered_and_not_after_publication(gold, by_id):
    for g in gold:
        if g["date_min"] is None:
            assert g["date_max"] is None, g["gold_id"]
            # only an undated report leaves the date unjudged
            assert all("published" not in by_id[a] for a in g["articles"]), g["gold_id"]
            continue
        lo, hi = dt.date.fromisoformat(g["date_min"]), dt.date.fromisoformat(g["date_max"])
        assert lo <= hi, g["gold_id"]
        latest = max(d for a in g["articles"] if (d := _published(by_id[a])) is not None)
        assert hi <= latest, f"{g['gold_id']}: event after its report"


def test_gold_symmetric_is_only_true_when_given(gold):
    for g in gold:
        assert g.get("symmetric", True) is True, g["gold_id"]


def test_gold_size_and_multi_source_event(gold):
    required = [g for g in gold if g["required"]]
    assert 50 <= len(required) <= 80
    assert any(not g["required"] for g in gold), "background events are optional gold"
    assert any(len(g["articles"]) >= 3 for g in gold), "one event reported by three outlets"


def test_gold_every_sub_event_type_is_required_somewhere(gold):
    first = {g["sub_event_type"][0] for g in gold if g["required"]}
    assert first == set(SUB_EVENT_TYPES)


def test_gold_every_article_is_gold_or_a_known_trap(gold, articles):
    """An article with no required incident must be one of the trap pages."""
    traps = {"c35", "c36", "c37", "c38", "c60"}
    covered = {a for g in gold if g["required"] for a in g["articles"]}
    assert {a["id"] for a in articles} - covered == traps


# ---------------------------------------------------------------- coverage (samples/README.md)

CASUALTY_PHRASES = [
    # digits in three scripts
    "مقتل 3 جنود",
    "٤ قتلى",
    "قتل ۳",
    # number words and duals
    "ثلاثة",
    "سبعة آخرين",
    "عشرة",
    "خمسة عشر",
    "عنصرين",
    "جنديين",
    "قتيلين",
    "جريحين",
    "شخصين",
    "قيادي في كتائب حزب الله ومرافقه",
    # bounds and vague words
    "أكثر من 20",
    "ما لا يقل عن 4",
    "نحو 6",
    "حوالي 120",
    "بين 4 و6",
    "عدة إرهابيين",
    "عدد من",
    "بضعة",
    "العشرات",
    # explicit none and unknown
    "دون وقوع إصابات",
    "لم يسفر عن ضحايا",
    "خسائر بشرية لم يعرف حجمها",
    "قتلى وجرحى",
]

DATE_PHRASES = [
    "اليوم",
    "أمس",
    "أول أمس",
    "البارحة",
    "هذا الأسبوع",
    "فجر اليوم الأحد",
    "مساء الثلاثاء",
    "ليل الجمعة/السبت",
    "ليل السبت",
    "الأربعاء 14 شباط الجاري",
    "8 يناير 2026",
    "11 أيار/ مايو",
    "في 9 نيسان",
    "الأحد 6 تموز",
    "كانون الثاني الماضي",
    "الأسبوع الماضي",
    "أواخر كانون الأول",
    "في حزيران 2024",
]

TRAP_PHRASES = [
    "اقرأ أيضاً",
    "مقالات مشابهة",
    "كلمات دلالية",  # headline lists
    "أكثر من 160 هجوماً منذ",
    "أكثر من 170 هجوماً",  # running totals
    "حصيلة الشهداء",
    "الضاحية الجنوبية لبيروت",  # other wars
    "إثر خلل فني",  # accident
    "هجومين منفصلين",  # two foiled attacks = two rows
    "استقبل رئيس مجلس الوزراء",
    "إرسال تعزيزات عسكرية",  # meeting, deployment
    "توعد",
    "دان",
    "نفت",  # threats, condemnations, denials
    "تبنت",
    "مسؤوليته عن",
    "أعلنت حركة النجباء",  # claims
]

PLACE_AND_ACTOR_PHRASES = [
    "عين الأسد",
    "حرير",
    "فيكتوري",
    "التاجي",
    "بلد الجوية",
    "المنطقة الخضراء",
    "جرف الصخر",
    "القائم",
    "الشدادي",
    "التنف",
    "حقل العمر",
    "البرج 22",
    "البوكمال",
    "كتائب حزب الله",
    "عصائب أهل الحق",
    "حركة النجباء",
    "كتائب سيد الشهداء",
    "منظمة بدر",
    "سرايا السلام",
    "المقاومة الإسلامية في العراق",
    "فصائل مسلحة موالية لإيران",
    "الحشد الشعبي",
    "داعش",
    "العمال الكردستاني",
    "تركية",
    "الحرس الثوري",
    "أمريكية",
    "البيشمركة",
    "مسلحون مجهولون",
    "قيس الخزعلي",
    "أكرم الكعبي",
    "هادي العامري",
    "أصحاب الكهف",
    "ربع الله",
]


@pytest.mark.parametrize("phrase", CASUALTY_PHRASES + DATE_PHRASES + TRAP_PHRASES + PLACE_AND_ACTOR_PHRASES)
def test_corpus_covers_phrase(corpus_text, phrase):
    assert phrase in corpus_text


def test_corpus_has_all_three_digit_scripts(corpus_text):
    assert re.search(r"[0-9]", corpus_text)
    assert re.search(r"[\u0660-\u0669]", corpus_text), "Arabic-Indic digits"
    assert re.search(r"[\u06f0-\u06f9]", corpus_text), "Eastern (Persian) digits"


def test_corpus_has_both_month_name_sets(corpus_text):
    assert re.search(
        r"\d+ (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)", corpus_text
    )
    assert re.search(r"\d+ (شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول)", corpus_text)


def test_readme_checklist_names_existing_articles(by_id):
    text = README.read_text(encoding="utf-8")
    named = set(re.findall(r"\bc\d\d\b", text))
    assert named, "the checklist maps items to article ids"
    assert named <= set(by_id), sorted(named - set(by_id))
    assert set(by_id) <= named, f"articles absent from the checklist: {sorted(set(by_id) - named)}"
