"""Tests for marsad.extract.clean: furniture out, stories and sentences out, offsets exact."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.clean import Sentence, Story, split_clauses, split_stories

# Invented texts (not taken from any corpus article).
LEAD = "أفاد مصدر في الشرطة بانفجار عبوة ناسفة على طريق زراعي قرب قضاء الدجيل مساء الأحد."
SECOND = "وأضاف المصدر أن الانفجار أسفر عن إصابة مزارعين اثنين نقلا إلى المستشفى."
THIRD = "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن."


def all_sentences(stories: list[Story]) -> list[str]:
    return [s.text for story in stories for s in story.sentences]


def joined(stories: list[Story]) -> str:
    return "\n".join(all_sentences(stories))


def assert_offsets(text: str, stories: list[Story]) -> None:
    for story in stories:
        for s in story.sentences:
            assert text[s.start : s.end] == s.text


# ============================================================================ furniture
FURNITURE = [
    # (kind, furniture line, a word only the furniture line holds)
    ("byline", "كتب: سامر الجبوري", "الجبوري"),
    ("byline_pen", "بقلم ليلى الحسني", "الحسني"),
    ("editor", "المحرر: قسم الأخبار المحلية", "المحلية"),
    ("prepared_by", "إعداد - قسم الرصد", "الرصد"),
    ("credit_source", "المصدر: وكالة الأنباء الوطنية", "الوطنية"),
    ("credit_english", "Source: Local News Agency", "Agency"),
    ("caption_courtesy", "دورية أمنية في الشارع | Source: Courtesy Image", "دورية"),
    ("caption_archive", "عناصر من الشرطة الاتحادية في نقطة تفتيش (أرشيف)", "تفتيش"),
    ("caption_agency_alone", "(رويترز)", "رويترز"),
    # a caption with a full stop before its credit (a lede of 12 words or more is no caption)
    ("caption_sentence", "عناصر من الشرطة الاتحادية في موقع الانفجار وسط المدينة. (رويترز)", "الاتحادية"),
    ("caption_photo", "صورة من موقع الانفجار", "موقع"),
    ("share", "شارك الخبر عبر فيسبوك وتويتر", "فيسبوك"),
    ("follow", "تابعونا على قناتنا في تلغرام", "قناتنا"),
    ("subscribe", "اشترك في النشرة البريدية اليومية", "النشرة"),
    ("join", "انضم إلى قناتنا على تلغرام", "قناتنا"),
    ("copyright", "جميع الحقوق محفوظة لموقع المرصد 2024 ©", "لموقع"),
    ("timestamp", "الخميس 2023/05/11 - 10:45 ص", "10:45"),
    ("timestamp_digits", "14-03-2022, 09:12", "09:12"),
    ("views", "المشاهدات 1520", "1520"),
    ("meta_date", "● أخبار محلية ١٢ أيار ٢٠٢٣", "محلية"),
    ("url", "https://example.com/news/12345", "example"),
    ("english", "Security forces patrol the area after the blast on Sunday", "patrol"),
    ("tweet_signature", "— Local Reporter (@local_rep) March 3, 2022", "Reporter"),
    ("tweet_link", "انفجار قرب السوق الشعبي pic.twitter.com/AbCdEf123", "الشعبي"),
    ("handle", "تابع مراسلنا عبر @reporter_iq للمزيد", "مراسلنا"),
    ("cookies", "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك", "تجربتك"),
    ("enable_notice", "يرجى تفعيل الإشعارات لتصلك آخر المستجدات", "المستجدات"),
    ("tags_inline", "كلمات دلالية: الدجيل عبوة ناسفة", "كلمات"),
    ("read_inline", "اقرأ أيضاً: تشييع جثمان شرطي في الناصرية", "تشييع"),
    ("site_name", "موقع المرصد", "المرصد"),
    ("separator_number", "-  873", "873"),
]


@pytest.mark.parametrize("kind,line,marker", FURNITURE, ids=[f[0] for f in FURNITURE])
def test_clean_furniture_line_gives_no_sentence(kind: str, line: str, marker: str) -> None:
    text = f"{LEAD}\n\n{line}\n\n{SECOND}\n{THIRD}"
    stories = split_stories(text)
    out = joined(stories)
    assert marker not in out
    assert LEAD in out and SECOND in out and THIRD in out
    assert_offsets(text, stories)


def test_clean_furniture_at_top_and_bottom() -> None:
    text = (
        "الرئيسية\nأخبار محلية\nكتب: محرر الشؤون الأمنية\n10:30 2023-06-01\n\n"
        f"{LEAD}\n{SECOND}\n\n"
        "شارك\nتابعونا على فيسبوك\nجميع الحقوق محفوظة"
    )
    stories = split_stories(text)
    assert len(stories) == 1
    assert all_sentences(stories) == [LEAD, SECOND]


def test_clean_embedded_tweet_body_dropped() -> None:
    text = (
        f"{LEAD}\n"
        "هجوم جبان استهدف أبناء شعبنا في الدجيل ولن يمر دون حساب\n"
        "— Some Official (@some_official) June 5, 2023\n"
        f"{SECOND}"
    )
    out = joined(split_stories(text))
    assert "جبان" not in out
    assert LEAD in out and SECOND in out


def test_clean_a_tweet_that_is_all_the_text_is_the_report() -> None:
    tweet = "الناطق باسم القائد العام: قواتنا البطلة تمكنت من قتل 5 إرهابيين في وادي حوران فجر اليوم"
    text = f"{tweet}\n— Some Official (@some_official) June 5, 2023"
    assert all_sentences(split_stories(text)) == [tweet]


def test_clean_furniture_glued_inside_one_line_page() -> None:
    text = (
        f"{LEAD} اقرأ أيضاً: مقتل راعٍ بانفجار لغم في الأنبار. {SECOND} "
        "The attack happened at night. جميع الحقوق محفوظة للمرصد 2024."
    )
    stories = split_stories(text)
    assert all_sentences(stories) == [LEAD, SECOND]


def test_clean_share_buttons_row_dropped_but_sentence_naming_networks_kept() -> None:
    naming = "وتداول ناشطون على تلغرام وواتساب مقطعا مصورا للهجوم"
    text = f"{LEAD}\nفيسبوك تويتر واتساب تلغرام\n{naming}\n{SECOND}"
    assert all_sentences(split_stories(text)) == [LEAD, naming, SECOND]


@pytest.mark.parametrize("line", ["تحرير الموصل من التنظيم عام 2017", "متابعة الأوضاع الأمنية في القضاء"])
def test_clean_byline_words_as_nouns_are_text(line: str) -> None:
    text = f"{LEAD}\n{SECOND}\n{line}\n{THIRD}"
    stories = split_stories(text)
    assert len(stories) == 1
    assert line in all_sentences(stories)


def test_clean_short_dated_sentence_without_stop_is_text() -> None:
    line = "قتل شخصان في 12 مايو 2023 ببغداد"
    text = f"{LEAD}\n{line}\n{SECOND}"
    assert all_sentences(split_stories(text)) == [LEAD, line, SECOND]


def test_clean_source_sentence_without_stop_is_not_a_credit() -> None:
    truncated = "المصدر الأمني أكد مقتل شخصين"
    text = f"{LEAD}\n{SECOND}\n{truncated}"
    assert all_sentences(split_stories(text)) == [LEAD, SECOND, truncated]


def test_clean_english_fragment_inside_page_dropped() -> None:
    text = f"{LEAD}\nA file photo shows a police vehicle, June 2022.\n{SECOND}"
    assert all_sentences(split_stories(text)) == [LEAD, SECOND]


# ============================================================================ lists
@pytest.mark.parametrize(
    "header",
    [
        "اقرأ أيضاً",
        "إقرأ أيضا:",
        "اقرأ المزيد",
        "مقالات مشابهة",
        "أخبار ذات صلة",
        "كلمات دلالية",
        "الأكثر قراءة",
        "مواضيع ذات صلة",
        "قد يعجبك أيضا",
    ],
)
def test_clean_related_list_dropped(header: str) -> None:
    text = (
        f"{LEAD}\n{SECOND}\n\n{header}\n"
        "  • مقتل راعٍ بانفجار لغم في صحراء الأنبار\n"
        "  • اعتقال متهم بإطلاق النار على محل تجاري في الكوت\n"
        "سقوط قذيفة هاون على بستان في ديالى\n"
    )
    stories = split_stories(text)
    assert all_sentences(stories) == [LEAD, SECOND]
    assert len(stories) == 1


def test_clean_related_list_then_other_article_is_a_new_story() -> None:
    # page footer, then a "read also" headline with the other article's body glued on
    text = (
        f"عبوة ناسفة تستهدف دورية للشرطة\n{LEAD}\n{SECOND}\n"
        "بقلم سامر الجبوري\nالمصدر: وكالة محلية\n"
        "اقرأ أيضاً:\n"
        "وزير الزراعة يفتتح معرضا للتمور في البصرة\n"
        "افتتح وزير الزراعة اليوم معرضا للتمور في محافظة البصرة بمشاركة عشرات الشركات.\n"
        "وقال الوزير إن المعرض يهدف إلى دعم المزارعين المحليين.\n"
    )
    stories = split_stories(text)
    assert len(stories) == 2
    assert stories[0].title == "عبوة ناسفة تستهدف دورية للشرطة"
    assert all_sentences([stories[0]]) == [LEAD, SECOND]
    assert stories[1].title == "وزير الزراعة يفتتح معرضا للتمور في البصرة"
    assert stories[1].sentences[0].text.startswith("افتتح وزير الزراعة")


def test_clean_inline_read_also_keeps_article_whole() -> None:
    text = f"{LEAD}\nاقرأ أيضا: مقتل راعٍ بانفجار لغم في صحراء الأنبار\n{SECOND}\n{THIRD}"
    stories = split_stories(text)
    assert len(stories) == 1
    assert all_sentences(stories) == [LEAD, SECOND, THIRD]


def test_clean_standalone_read_also_mid_article_keeps_one_story() -> None:
    text = f"{LEAD}\n{SECOND}\n\nاقرأ أيضاً\nمقتل راعٍ بانفجار لغم في صحراء الأنبار\n\n{THIRD}\n"
    stories = split_stories(text)
    assert len(stories) == 1
    assert all_sentences(stories) == [LEAD, SECOND, THIRD]


def test_clean_byline_after_lede_keeps_one_story() -> None:
    text = (
        "عبوة ناسفة تستهدف دورية للشرطة\n"
        "الهجوم هو الثالث في المنطقة خلال شهر.\n"
        "كتب: سامر الجبوري\n"
        f"{LEAD}\n{SECOND}\n"
    )
    stories = split_stories(text)
    assert len(stories) == 1
    assert "الجبوري" not in joined(stories)


def test_clean_photo_credit_mid_article_keeps_one_story() -> None:
    text = f"{LEAD}\n{SECOND}\nتصوير: علي الساعدي\n{THIRD}"
    stories = split_stories(text)
    assert len(stories) == 1
    assert all_sentences(stories) == [LEAD, SECOND, THIRD]


def test_clean_unpunctuated_paragraphs_inside_text_are_kept() -> None:
    lines = [
        "العبوة كانت مزروعة على جانب الطريق",
        "الشرطة فتحت تحقيقا في الحادث",
        "المنطقة شهدت هجمات مماثلة",
    ]
    text = f"{LEAD}\n" + "\n".join(lines) + f"\n{SECOND}"
    assert all_sentences(split_stories(text)) == [LEAD, *lines, SECOND]


def test_clean_headline_list_without_header_dropped() -> None:
    text = (
        f"{LEAD}\n{SECOND}\n"
        "مقتل راعٍ بانفجار لغم في صحراء الأنبار\n"
        "اعتقال متهم بإطلاق النار على محل تجاري\n"
        "سقوط قذيفة هاون على بستان في ديالى\n"
    )
    assert all_sentences(split_stories(text)) == [LEAD, SECOND]


# ============================================================================ titles
def test_clean_repeated_title_removed_and_used() -> None:
    title = "انفجار عبوة ناسفة قرب الدجيل"
    text = f"{title}\n{title} | Source: Courtesy Image\n\n{LEAD}\n{SECOND}"
    stories = split_stories(text, title=title)
    assert len(stories) == 1
    assert stories[0].title == title
    assert all_sentences(stories) == [LEAD, SECOND]


def test_clean_title_detected_without_title_argument() -> None:
    text = f"انفجار عبوة ناسفة قرب الدجيل\n\n{LEAD}\n{SECOND}"
    stories = split_stories(text)
    assert stories[0].title == "انفجار عبوة ناسفة قرب الدجيل"
    assert all_sentences(stories) == [LEAD, SECOND]


def test_clean_lede_used_as_title_is_kept() -> None:
    # a scraper that took the first paragraph as the title must not lose the lede
    text = f"{LEAD}\n{SECOND}"
    assert all_sentences(split_stories(text, title=LEAD)) == [LEAD, SECOND]


def test_clean_date_prefix_stripped() -> None:
    text = f" date 2023-04-02 {LEAD}\n{SECOND}"
    assert all_sentences(split_stories(text)) == [LEAD, SECOND]


# ============================================================================ stories
def test_clean_single_article_with_paragraphs_is_one_story() -> None:
    text = (
        "عبوة ناسفة تستهدف دورية للشرطة\n\n"
        f"بغداد - وكالة المرصد/ {LEAD}\n\n{SECOND}\n\n"
        "تفاصيل الحادث\n\n"
        f"{THIRD}\n\n"
        "وكانت المنطقة قد شهدت هجوما مماثلا الشهر الماضي.\n"
    )
    stories = split_stories(text)
    assert len(stories) == 1
    assert stories[0].title == "عبوة ناسفة تستهدف دورية للشرطة"


def test_clean_subtitle_then_dateline_is_one_story() -> None:
    text = (
        "اشتباك مسلح في الكوت\n"
        "نزاع عشائري يتحول إلى اشتباك بالأسلحة المتوسطة وسط المدينة.\n"
        "مراسلنا في الكوت\n"
        "الكوت - اندلع اشتباك مسلح بين عشيرتين وسط المدينة فجر اليوم.\n"
        "وقال مصدر إن الاشتباك أسفر عن مقتل شخص.\n"
    )
    assert len(split_stories(text)) == 1


BRIEFS_HEADLINES = (
    "انفجار عبوة ناسفة في الدجيل\n"
    f"{LEAD}\n{SECOND}\n\n"
    "اعتقال مطلوب في كركوك\n"
    "اعتقلت قوة أمنية متهما بتفجير محل تجاري في كركوك صباح الاثنين.\n"
    "وقال بيان أمني إن المتهم اعترف بالتفجير.\n\n"
    "سقوط قذيفة على بستان في ديالى\n"
    "سقطت قذيفة هاون على بستان في قضاء المقدادية دون إصابات.\n"
)


def test_clean_brief_page_split_on_headlines() -> None:
    stories = split_stories(BRIEFS_HEADLINES)
    assert [s.title for s in stories] == [
        "انفجار عبوة ناسفة في الدجيل",
        "اعتقال مطلوب في كركوك",
        "سقوط قذيفة على بستان في ديالى",
    ]
    assert [len(s.sentences) for s in stories] == [2, 2, 1]
    assert_offsets(BRIEFS_HEADLINES, stories)


def test_clean_ledes_without_full_stop_are_not_headlines() -> None:
    # truncated scrapes lose final stops; reporting-verb ledes must stay sentences
    text = (
        f"{LEAD}\nأفاد مصدر أمني بمقتل شخصين في كركوك\n{SECOND}\nأعلنت الشرطة اعتقال متهمين اثنين\n{THIRD}\n"
    )
    stories = split_stories(text)
    assert len(stories) == 1
    assert "أفاد مصدر أمني بمقتل شخصين في كركوك" in all_sentences(stories)
    assert "أعلنت الشرطة اعتقال متهمين اثنين" in all_sentences(stories)


@pytest.mark.parametrize("sep", ["***", "---", "•", "* * *", "———"])
def test_clean_split_on_separator(sep: str) -> None:
    text = f"{LEAD}\n{SECOND}\n{sep}\nاعتقلت قوة أمنية متهما بتفجير محل تجاري في كركوك صباح الاثنين.\n"
    stories = split_stories(text)
    assert len(stories) == 2
    assert stories[1].sentences[0].text.startswith("اعتقلت")


@pytest.mark.parametrize(
    "dateline",
    ["بغداد - شفق نيوز/ ", "(المدى) ", "السومرية نيوز/ كركوك ", "كركوك/ المرصد: "],
)
def test_clean_split_on_dateline(dateline: str) -> None:
    text = (
        f"بغداد/ المرصد: {LEAD}\n{SECOND}\n\n"
        f"{dateline}اعتقلت قوة أمنية متهما بتفجير محل تجاري في كركوك صباح الاثنين.\n"
        "وقال بيان أمني إن المتهم اعترف بالتفجير.\n"
    )
    stories = split_stories(text)
    assert len(stories) == 2
    assert stories[1].sentences[0].text.startswith(dateline.strip())


@pytest.mark.parametrize(
    "opening",
    [
        "قصفت طائرات مسيرة ليل الجمعة/ السبت",
        "الناطق باسم الجيش - اللواء الركن - قال",
        "وقال المصدر - الذي طلب عدم ذكر اسمه -",
    ],
)
def test_clean_dateline_lookalikes_do_not_split(opening: str) -> None:
    text = f"{LEAD}\n{SECOND}\n{opening} إن الهجوم استهدف مخزنا للعتاد.\n{THIRD}"
    assert len(split_stories(text)) == 1


def test_clean_standalone_dateline_line_kept_without_split() -> None:
    # kept: a dateline line may name the place ("وكالة المرصد/ كركوك")
    text = f"وكالة المرصد/ كركوك\n{LEAD}\n{SECOND}"
    stories = split_stories(text)
    assert len(stories) == 1
    assert all_sentences(stories) == ["وكالة المرصد/ كركوك", LEAD, SECOND]


def test_clean_standalone_dateline_line_starts_next_brief() -> None:
    text = (
        f"وكالة المرصد/ كركوك\n{LEAD}\n{SECOND}\n"
        "وكالة المرصد/ ديالى\nسقطت قذيفة هاون على بستان في قضاء المقدادية.\n"
    )
    stories = split_stories(text)
    assert len(stories) == 2
    assert stories[1].sentences[0].text == "وكالة المرصد/ ديالى"


def test_clean_same_dateline_line_twice_splits_briefs() -> None:
    text = (
        f"وكالة المرصد/ بغداد\n{LEAD}\n{SECOND}\n"
        "وكالة المرصد/ بغداد\nسقطت قذيفة هاون على منزل في حي الشعب شرقي العاصمة.\n"
    )
    stories = split_stories(text)
    assert len(stories) == 2
    assert [len(s.sentences) for s in stories] == [3, 2]


def test_clean_a_bulleted_headline_before_a_briefs_dateline_titles_that_brief() -> None:
    text = (
        "• مقتل راع بانفجار لغم في صحراء النخيب\n"
        "الأنبار - قتل راع وأصيب شقيقه بانفجار لغم أرضي في صحراء النخيب، صباح اليوم.\n"
        "• إصابة جنديين بقصف هاون في سامراء\n"
        "صلاح الدين - أصيب جنديان بسقوط قذيفة هاون على موقع عسكري في جزيرة سامراء، مساء أمس.\n"
    )
    stories = split_stories(text)
    assert [s.title for s in stories][1:] == ["إصابة جنديين بقصف هاون في سامراء"]
    assert all("سامراء" not in s.text for s in stories[0].sentences)


def test_clean_report_with_subheadings_stays_one_story() -> None:
    text = (
        "الفصائل والطائرات المسيرة: قراءة في المشهد\n"
        "تتناول هذه القراءة تطور استخدام المسيرات في المنطقة منذ سنوات.\n"
        "تطور القدرات\n"
        "طورت الفصائل قدراتها تدريجيا بحسب تقديرات الباحثين.\n"
        "ردود الفعل الرسمية\n"
        "أدانت الحكومة الهجمات وتعهدت بملاحقة المنفذين.\n"
    )
    stories = split_stories(text)
    assert len(stories) == 1
    assert "ردود الفعل الرسمية" in all_sentences(stories)


def test_clean_non_string_title_ignored() -> None:
    text = f"{LEAD}\n{SECOND}"
    assert all_sentences(split_stories(text, title=float("nan"))) == [LEAD, SECOND]  # type: ignore[arg-type]


def test_clean_bidi_marks_do_not_change_classes() -> None:
    text = f"\u200f{LEAD}\u200f\n\u200fوالحادث هو الثاني\u200f\n\u200fاقرأ أيضاً\u200f\nعنوان خبر آخر هنا\n"
    stories = split_stories(text)
    assert len(stories) == 1
    assert all_sentences(stories) == [LEAD, "والحادث هو الثاني"]
    assert_offsets(text, stories)


def test_clean_duplicate_paragraph_dropped() -> None:
    text = f"{LEAD}\n{SECOND}\n{LEAD}"
    assert all_sentences(split_stories(text)) == [LEAD, SECOND]


# ============================================================================ sentences
SENTENCE_CASES = [
    (
        "plain",
        "قتل شخص. وأصيب آخر! هل انتهى؟ لا؛ لم ينته",
        ["قتل شخص.", "وأصيب آخر!", "هل انتهى؟", "لا؛", "لم ينته"],
    ),
    (
        "no_comma_split",
        "انفجرت عبوة، وأصيب شخصان، ثم فر المهاجمون.",
        ["انفجرت عبوة، وأصيب شخصان، ثم فر المهاجمون."],
    ),
    (
        "decimal",
        "سقطت القذيفة على بعد 1.5 كيلومتر من المطار. وتضرر مبنى.",
        ["سقطت القذيفة على بعد 1.5 كيلومتر من المطار.", "وتضرر مبنى."],
    ),
    (
        "abbrev",
        "قال د. أحمد إن الوضع مستقر. وأكد م. علي ذلك.",
        ["قال د. أحمد إن الوضع مستقر.", "وأكد م. علي ذلك."],
    ),
    (
        "guillemets",
        "وقال المصدر «انفجرت العبوة. وأصيب اثنان» ثم غادر.",
        ["وقال المصدر «انفجرت العبوة. وأصيب اثنان» ثم غادر."],
    ),
    (
        "curly",
        "وقال إن “الهجوم وقع ليلا. ولا إصابات” بحسب البيان.",
        ["وقال إن “الهجوم وقع ليلا. ولا إصابات” بحسب البيان."],
    ),
    (
        "straight",
        'وقال إن "الهجوم وقع ليلا. ولا إصابات" بحسب البيان.',
        ['وقال إن "الهجوم وقع ليلا. ولا إصابات" بحسب البيان.'],
    ),
    ("quote_ends_sentence", 'وقال "انتهى الهجوم." ثم غادر.', ['وقال "انتهى الهجوم."', "ثم غادر."]),
    ("unclosed_quote", 'وقال "انفجرت عبوة. وأصيب شخص.', ['وقال "انفجرت عبوة.', "وأصيب شخص."]),
    ("ellipsis", "تصاعد التوتر... ثم اندلع اشتباك.", ["تصاعد التوتر...", "ثم اندلع اشتباك."]),
    ("dotted_name", "بحسب موقع العربية.نت فقد وقع الهجوم.", ["بحسب موقع العربية.نت فقد وقع الهجوم."]),
    ("latin_abbrev", "نشرت U.S. Army بيانا. وانتهى.", ["نشرت U.S. Army بيانا.", "وانتهى."]),
    ("bullet", "- استهدف صاروخ القاعدة.\n- لا إصابات.", ["استهدف صاروخ القاعدة.", "لا إصابات."]),
    ("line_break", f"{LEAD}\nسطر في وسط النص دون نقطة\n{SECOND}", [LEAD, "سطر في وسط النص دون نقطة", SECOND]),
    (
        "only_headlines",
        "انفجار في كركوك\nمقتل شخصين بانفجار عبوة في كركوك",
        ["مقتل شخصين بانفجار عبوة في كركوك"],
    ),
    ("single_line", "انفجار عبوة في كركوك", ["انفجار عبوة في كركوك"]),
]


@pytest.mark.parametrize("name,text,expected", SENTENCE_CASES, ids=[c[0] for c in SENTENCE_CASES])
def test_clean_sentence_split(name: str, text: str, expected: list[str]) -> None:
    stories = split_stories(text)
    assert all_sentences(stories) == expected
    assert_offsets(text, stories)


def test_clean_clauses_split_on_comma_keep_offsets() -> None:
    text = f"{LEAD}\nانفجرت عبوة، وأصيب شخصان، ثم فر المهاجمون."
    stories = split_stories(text)
    sentence = stories[0].sentences[-1]
    clauses = split_clauses(sentence)
    assert [c.text for c in clauses] == ["انفجرت عبوة،", "وأصيب شخصان،", "ثم فر المهاجمون."]
    for c in clauses:
        assert text[c.start : c.end] == c.text


def test_clean_clauses_respect_quotes() -> None:
    s = Sentence("قال «نعم، حدث ذلك»، وغادر", 10, 35)
    assert [c.text for c in split_clauses(s)] == ["قال «نعم، حدث ذلك»،", "وغادر"]


# ============================================================================ offsets
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_clean_offsets_property_arbitrary_text(text: str) -> None:
    for story in split_stories(text):
        for s in story.sentences:
            assert text[s.start : s.end] == s.text
            assert s.text and s.text == s.text.strip()
            for c in split_clauses(s):
                assert text[c.start : c.end] == c.text


_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ")
    + list(' \n\n.،؛؟!:"“”«»()-/*•@')
    + ["اقرأ أيضاً", "كتب:", "المصدر:", "Source", "بغداد - ", "***", "(أرشيف)", "2023", "1.5", "د."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=200).map("".join), st.none() | st.text(max_size=30))
def test_clean_offsets_property_arabic_like(text: str, title: str | None) -> None:
    stories = split_stories(text, title)
    for story in stories:
        assert story.sentences
        for s in story.sentences:
            assert text[s.start : s.end] == s.text
    starts = [s.start for story in stories for s in story.sentences]
    assert starts == sorted(starts)


# ============================================================================ robustness
@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\x00\x01\x02\ufffd", "...", "؟؟؟", "«", "“"])
def test_clean_degenerate_inputs(text: str) -> None:
    stories = split_stories(text)
    assert isinstance(stories, list)
    assert_offsets(text, stories)


def test_clean_binary_junk() -> None:
    junk = bytes(range(256)).decode("latin-1") * 50 + "\ud7ff\ue000"
    assert_offsets(junk, split_stories(junk))


def test_clean_long_single_line_is_fast() -> None:
    line = ("هجوم " * 2000)[:10000]
    t0 = time.perf_counter()
    stories = split_stories(line + '"' + line)
    assert time.perf_counter() - t0 < 2
    assert_offsets(line + '"' + line, stories)


def test_clean_large_text_is_linear() -> None:
    para = f"{LEAD} {SECOND}\nكتب: فلان\nاقرأ أيضا\nعنوان قصير هنا\n{THIRD}\n***\n"
    big = para * (5_000_000 // len(para))
    t0 = time.perf_counter()
    stories = split_stories(big)
    elapsed = time.perf_counter() - t0
    assert stories
    assert elapsed < 60  # shared 2-core box; linear work is a few seconds


def test_clean_overlong_sentence_capped_at_comma() -> None:
    clause = "انفجرت عبوة في الطريق العام قرب السوق الشعبي وسط المدينة، "
    text = clause * 200
    stories = split_stories(text)
    assert_offsets(text, stories)
    sentences = stories[0].sentences
    assert len(sentences) > 1
    assert all(len(s.text) <= 1500 for s in sentences)
    assert all(s.text.endswith("،") for s in sentences[:-1])


def test_clean_many_quotes_no_blowup() -> None:
    text = ('"' + "كلمة. " * 50) * 400
    t0 = time.perf_counter()
    assert_offsets(text, split_stories(text))
    assert time.perf_counter() - t0 < 5


# --------------------------------------------------------------------------------------
# pages flattened without a space after the full stop


GLUED = [
    ("قتل شخصان في الهجوم.وقال مصدر أمني إن المهاجمين فروا.", 2),
    ("من هو قائد الفصيل؟من يقف وراء الضربة؟", 2),
    ("استهدف القصف مقرا للفصيل!وأكدت مصادر سقوط قتلى.", 2),
    # a site name written with a dot, and a decimal, are no boundary
    ("وقال موقع العربية.نت إن الانفجار وقع فجرا.", 1),
    ("بلغت قوة الانفجار 1.5 طن من المتفجرات.", 1),
]


@pytest.mark.parametrize(("text", "count"), GLUED)
def test_clean_glued_full_stop_between_arabic_words_splits(text: str, count: int) -> None:
    sentences = [s for story in split_stories(text) for s in story.sentences]
    assert len(sentences) == count, [s.text for s in sentences]
    for s in sentences:
        assert text[s.start : s.end] == s.text


# ============================================================================ speed shortcuts
# A line or sentence without a Latin letter skips the Latin-script checks
# (clean._LatinIndex): the kinds and the furniture verdicts must be those of the full checks.
_LINE_PIECES = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ ٠١٢")
    + list(" .،:|-—()[]@/*•")
    + ["http://", "www.", ".com", "pic.twitter.com/x", "Source", "AFP", "ſ", "K", "İ", "ı", "é", "©"]
    + ["اقرأ أيضاً", "المصدر:", "كتب:", "شارك", "فيسبوك", "حقوق النشر", "(رويترز)", "2023"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=60).map("".join))
def test_latin_shortcut_gives_the_full_checks_verdict(line: str) -> None:
    from marsad.extract import clean

    index = clean._LatinIndex(line)
    has = index.any(0, len(line))
    assert has == (clean._ANY_LATIN_RE.search(line) is not None)
    norm = clean._norm_line(line)
    assert clean._classify(line, norm, has) == clean._classify(line, norm)
    assert clean._furniture_sentence(line, has) == clean._furniture_sentence(line)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=80).map("".join), st.data())
def test_latin_index_answers_for_any_span(text: str, data) -> None:
    from marsad.extract import clean

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert clean._LatinIndex(text).any(start, end) == (
        clean._ANY_LATIN_RE.search(text, start, end) is not None
    )


_VIEWS_LINES = st.tuples(
    st.sampled_from(["", "-", "• ", "* - ", "  "]),
    st.sampled_from(["", "12", "٣٤٥ ", "7 "]),
    st.sampled_from(
        ["عدد المشاهدات", "المشاهدات", "مشاهدة", "قراءة", "Views", "comment", "تعليقات", "عدد القراءات"]
    ),
    st.sampled_from(["", ":", " : ", "：", " "]),
    st.sampled_from(["", "12", " 3", "٤٥"]),
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    _VIEWS_LINES
    | st.lists(st.sampled_from(["-", "•", " ", "12", ":", "المشاهدات", "خبر"]), max_size=10).map("".join)
)
def test_a_views_counter_is_at_most_four_words(line: str) -> None:
    # _classify tests the views pattern only on lines of up to four words
    from marsad.extract import clean

    norm = clean._norm_line(line)
    if clean._VIEWS_RE.match(norm):
        assert clean._count_words(norm) <= 4


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_LINE_PIECES | st.sampled_from(["- ", "• ", "\u3000", "\xa0", "* ", "·", ">"]), max_size=20).map(
        "".join
    )
)
def test_dup_key_shortcut_strips_bullets_like_the_pattern(line: str) -> None:
    from marsad.extract import clean

    norm = clean._norm_line(line)
    key = norm[:300].split(" | ", 1)[0]
    assert clean._dup_key(line, norm) == clean._BULLET_RE.sub("", key).strip(" .:،-–—")


def test_clean_a_title_that_is_all_the_text_is_the_report() -> None:
    title = "المقاومة الإسلامية في العراق تستهدف قاعدة التنف بالطيران المسير"
    assert "قاعدة التنف" in joined(split_stories(title, title))
    # (a title repeated above a body is dropped there)
    text = title + "\n\nأعلنت المقاومة الإسلامية في العراق استهداف قاعدة التنف في سوريا بطائرة مسيرة."
    out = joined(split_stories(text, title))
    assert out.count("قاعدة التنف") == 1


def test_clean_furniture_phrases_are_written_as_the_lines_they_are_looked_for_in() -> None:
    # the phrases are searched in normalized lines: one written with "ى" or "ة" never matched
    # ("يرجى تفعيل" did not, until written "يرجي تفعيل")
    from marsad.extract import clean
    from marsad.extract.normalize import normalize

    phrases = clean._COPYRIGHT_AR + clean._BOILERPLATE_AR
    assert [p for p in phrases if normalize(p) != p] == []
