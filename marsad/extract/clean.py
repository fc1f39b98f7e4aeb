"""Cleaning and segmentation: page furniture out, stories and sentences out.

CONTRACT (other modules code against these signatures; keep them):

    @dataclass(frozen=True)
    class Sentence:
        text: str     # verbatim slice of the article text: article_text[start:end]
        start: int
        end: int

    @dataclass(frozen=True)
    class Story:
        title: str | None
        sentences: list[Sentence]

    split_stories(text: str, title: str | None = None) -> list[Story]
        Strips bylines, "Source:" credits, captions, share/subscribe lines, "اقرأ أيضاً" /
        "مقالات مشابهة" / "كلمات دلالية" lists, embedded tweets, English fragments; splits a
        page holding several stories; splits sentences on . ! ? ؟ ؛ and line breaks,
        respecting quotes “ ” « » " and decimal points / one-letter abbreviations.
        Offsets always index the ORIGINAL text.

    split_clauses(sentence: Sentence) -> list[Sentence]
        Optional finer cut of one sentence on ، ؛ , ; (outside quotes), same offsets.

How it works (three passes over the lines, each linear in the text):

1. every line is classified on its own (furniture kinds, headline candidate, body);
2. context fixes: embedded tweet bodies, title repeats, headline units (a short line
   with no final punctuation directly followed by a body paragraph);
3. a walk cuts stories and sentences.

Story cuts are deliberately conservative, because a wrong cut loses the date and actor
carry-over of the assembler while a wrong merge costs little. A new story starts at:
a separator line (*** --- •); a paragraph (or a standalone line) opening with a
dateline ("بغداد - شفق نيوز/", "(المدى)", "السومرية نيوز/") once the current story had
its own dateline or two paragraphs; body text after the article's footer (byline or
"المصدر:" after two paragraphs, an end-of-page block such as "مقالات مشابهة" or
"كلمات دلالية"); and headline lines, only on pages with at least two headline units
after the first paragraph, at least half of them over a fresh lead (news briefs). A lone
sub-heading inside an article stays part of it and keeps its sentences. A detected
headline is the Story's title and is not repeated among its sentences; standalone
dateline lines are kept as sentences (they may name the place). See docs/notes/clean.md.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from marsad.extract.normalize import SPACE_CHARS, contains_any, normalize, prepare


# slots, not frozen: made by the hundred per article (see vocab.ActorHit)
@dataclass(unsafe_hash=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Story:
    title: str | None
    sentences: list[Sentence] = field(default_factory=list)


# --------------------------------------------------------------------------------------
# Vocabulary of page furniture. Matched against `normalize(line)` (alef/ya/ta marbuta
# folded, diacritics dropped), so entries are written in folded form.
# --------------------------------------------------------------------------------------

# Headers of related-headline / tag blocks: the header line and the list under it go.
_LIST_HEADERS = (
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرأ المزيد",
    "اقرا اكثر",
    "اقرا ايضاً",
    "مقالات مشابهه",
    "مقالات ذات صله",
    "مقالات متعلقه",
    "مقالات اخرى",
    "اخبار ذات صله",
    "اخبار متعلقه",
    "اخبار مشابهه",
    "الاخبار ذات الصله",
    "مواضيع ذات صله",
    "مواضيع متعلقه",
    "مواضيع مشابهه",
    "روابط ذات صله",
    "كلمات دلاليه",
    "الكلمات الدلاليه",
    "الكلمات المفتاحيه",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "الاكثر تداولا",
    "قد يعجبك ايضا",
    "قد يهمك ايضا",
    "قد يهمك",
    "قد يعجبك",
    "شاهد ايضا",
    "طالع ايضا",
    "اخترنا لك",
    "المزيد من الاخبار",
    "المزيد من المقالات",
    "ذات صله",
    "الوسوم",
    "وسوم",
    "تاغات",
    "اقرا ايضا في",
    "اخر الاخبار",
    "احدث الاخبار",
    "تابع ايضا",
)
_LIST_HEADER_RE = re.compile(
    r"^[\s\-–—•●▪*>#|:]*(?:"
    + "|".join(sorted((re.escape(h) for h in set(_LIST_HEADERS)), key=len, reverse=True))
    + r")(?![\w])\s*[:：\-–—.|]*\s*"
)

# Headers of blocks that only close a page (never inline in the middle of an article).
_END_LIST_RE = re.compile(
    r"^[\s\-–—•●▪*>#|:]*(?:(?:مقالات|اخبار|الاخبار|مواضيع|روابط)\s+(?:ذات صله|مشابهه|متعلقه|اخرى)|"
    r"كلمات دلاليه|الكلمات الدلاليه|الكلمات المفتاحيه|الاكثر|الوسوم|وسوم|تاغات|اخر الاخبار|"
    r"احدث الاخبار|المزيد من)"
)

# Bylines: "كتب: ..." "بقلم ..." "المحرر" ...
# Words that are also common nouns ("تحرير الموصل", "متابعة الأوضاع") need a ':' / '-'.
_BYLINE_RE = re.compile(
    r"^[\s\-–—•*]*(?:(?:كتب|كتبت|كتبه|بقلم|by)(?![\w])|"
    r"(?:اعداد وتحرير|اعداد|تحرير|ترجمه|المحرر|محرر|مراسل|متابعه|حوار|رئيس التحرير|"
    r"مدير التحرير)\s*[:：/\-–—])",
    re.IGNORECASE,
)
# Credits: "المصدر: ..." "Source: ..." "مصدر الصوره"
_CREDIT_RE = re.compile(
    r"^[\s\-–—•*|]*(?:المصدر|مصدر الصوره|مصدر الخبر|source|credit)\s*[:：/|\-–]",
    re.IGNORECASE,
)
# "المصدر كونا" is a credit; "المصدر الأمني أكد ..." is a sentence that lost its stop
_CREDIT_BARE_RE = re.compile(
    r"^[\s\-–—•*|]*المصدر(?![\w])(?!\s+(?:الامني|الطبي|ذاته|نفسه|المطلع|المسؤول|الذي|العسكري|"
    r"الحكومي|الرسمي|الاستخباري|المحلي|ان|الى|ايضا|اكد|قال|اضاف|اشار|اوضح|افاد)(?!\w))"
)
_SOURCE_INLINE_RE = re.compile(
    r"\|\s*(?:source|المصدر|photo|credit)\b|courtesy image|getty images|\bAFP photo\b",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(
    r"©|\(c\)\s*\d{4}|copyright|جميع الحقوق محفوظه|حقوق النشر|الحقوق محفوظه|all rights reserved",
    re.IGNORECASE,
)
_BOILERPLATE_RE = re.compile(
    r"ملفات تعريف الارتباط|الكوكيز|سياسه الخصوصيه|شروط الاستخدام|exit mobile version|"
    r"view all result|no result|يرجي تفعيل|جافا ?سكريبت|javascript|اضغط هنا|انقر هنا|"
    r"لمشاهده الفيديو|تحميل التطبيق|النشره البريديه|البريد الالكتروني",
    re.IGNORECASE,
)
_SHARE_START_RE = re.compile(
    r"^[\s\-–—•*]*(?:شارك|شاركها|شاركوا|مشاركه|تابعونا|تابعوا|تابعنا|اشترك|اشتركوا|"
    r"للاشتراك|انضم|انضموا|لمتابعه|ارسل|طباعه|share|follow|subscribe|join)(?![\w])",
    re.IGNORECASE,
)
_SOCIAL_RE = re.compile(
    r"فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تليغرام|تلجرام|تيليجرام|انستغرام|انستجرام|"
    r"يوتيوب|لينكدان|تيك توك|قناتنا|صفحتنا|حسابنا|النشره|facebook|twitter|whatsapp|"
    r"telegram|instagram|youtube|linkedin|tiktok|\bX\b",
    re.IGNORECASE,
)
_VIEWS_RE = re.compile(
    r"^[\s\-–—•*]*(?:\d+\s*)?(?:المشاهدات|مشاهده|مشاهدات|عدد المشاهدات|عدد القراءات|"
    r"القراءات|قراءه|views?|تعليق|تعليقات|comments?)(?:\s*[:：]?\s*\d*)?\s*$",
    re.IGNORECASE,
)
# Caption: a short line closed by an agency / archive credit in brackets.
_CAPTION_END_RE = re.compile(
    r"[(\[](?:\s*(?:صوره\s*)?(?:ارشيف|ارشيفيه|رويترز|ا ف ب|اف ب|فرانس برس|الاناضول|"
    r"اسوشيتد برس|ا ب|getty|afp|reuters|ap|epa|انترنت|مواقع التواصل|تعبيريه|"
    r"صوره تعبيريه|صوره ارشيفيه|ارشيفيه)[^()\[\]]{0,30})[)\]]\s*$",
    re.IGNORECASE,
)


def _credited_lede(norm: str) -> bool:
    """Not a caption: a line ending in an agency credit is a caption unless the credit
    closes a whole sentence of 12 words or more ("... ما أدى إلى أضرار في المبنى. (AFP)")."""
    m = _CAPTION_END_RE.search(norm)
    if m is None:
        return True
    before = norm[: m.start()].rstrip()
    return before.endswith(".") and before.count(" ") >= 11


_CAPTION_START_RE = re.compile(
    r"^[\s\-–—•*|]*(?:صوره|الصوره|صور|لقطه|فيديو|شاهد|بالفيديو|بالصور|انفوغراف|"
    r"انفوجراف|تصوير|مصدر الصوره|حقوق الصوره|photo|image)(?![\w])"
)
_PAREN_ONLY_RE = re.compile(r"^\s*[(\[][^()\[\]]{1,40}[)\]]\s*$")
_URL_ONLY_RE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.IGNORECASE)
_TWEET_LINK_RE = re.compile(r"pic\.twitter\.com|twitter\.com/\w+/status|x\.com/\w+/status", re.IGNORECASE)
_TWEET_SIGNATURE_RE = re.compile(r"^\s*[—–-]\s*[^\n]{0,80}?\(@\w{1,30}\)")
_HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_]{2,30}")
_SEPARATOR_RE = re.compile(r"^\s*(?:[*\-–—_=~•●▪◆■#]\s*){1,}$")

# Speed: the case-insensitive patterns above cost a slow scan of every line (sre cannot
# skip ahead to a possible first character when some alternatives are cased). Their
# Latin alternatives can only match a text holding a character that case-folds to an
# ASCII letter (A-Z, a-z, and for sre also İ ı ſ K); a text without one is searched
# with the Arabic alternatives alone, in the same order (same matches, same findall).
_LATINISH_RE = re.compile(r"[A-Za-z\u0130\u0131\u017f\u212a]")
# The Arabic alternatives of _COPYRIGHT_RE and _BOILERPLATE_RE are plain phrases and only
# their presence counts: `in` finds each one faster than sre scans for the alternation
# (which tries a match at every alef). "جميع الحقوق محفوظه" holds "الحقوق محفوظه".
_COPYRIGHT_AR = ("©", "حقوق النشر", "الحقوق محفوظه")
_BOILERPLATE_AR = (
    "ملفات تعريف الارتباط", "الكوكيز", "سياسه الخصوصيه", "شروط الاستخدام", "يرجي تفعيل",
    "جافا سكريبت", "جافاسكريبت", "اضغط هنا", "انقر هنا", "لمشاهده الفيديو", "تحميل التطبيق",
    "النشره البريديه", "البريد الالكتروني",
)  # fmt: skip
_SOURCE_INLINE_AR = re.compile(r"\|\s*(?:المصدر)\b")
_SOCIAL_AR = re.compile(
    r"فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تليغرام|تلجرام|تيليجرام|انستغرام|انستجرام|"
    r"يوتيوب|لينكدان|تيك توك|قناتنا|صفحتنا|حسابنا|النشره"
)
# every tweet link holds ".com" (a literal the scan can jump to); a handle holds "@"
_DOTCOM_RE = re.compile(r"\.com", re.IGNORECASE)
_ALNUM_RE = re.compile(r"[^\W_]")  # str.isalnum() of one character, as sre's \w less "_"


def _tweet_link(probe: str) -> bool:
    return _DOTCOM_RE.search(probe) is not None and _TWEET_LINK_RE.search(probe) is not None


def _copyright(norm: str, latin: bool, arabic: tuple[str, ...] = _COPYRIGHT_AR) -> bool:
    """`arabic` is () on a page whose lines hold none of _COPYRIGHT_AR (see _Page)."""
    return _COPYRIGHT_RE.search(norm) is not None if latin else contains_any(norm, arabic)


# a word holding no letter or digit ("-", "|", "__"), after its space (the first word aside)
_LONE_MARK_RE = re.compile(r" (?:[^\w ]|_)+(?= |\Z)")
# where one can start: most lines have no word opening with a mark, and this search (no
# match, no list) tells it sooner than findall
_MARK_AFTER_SPACE_RE = re.compile(r" (?:[^\w ]|_)")


def _count_words(norm: str) -> int:
    """len([w for w in norm.split() if any(c.isalnum() for c in w)]) of a normalize()d
    text (words are cut by exactly one plain space), without splitting it."""
    if not norm:
        return 0
    marks = len(_LONE_MARK_RE.findall(norm)) if _MARK_AFTER_SPACE_RE.search(norm) else 0
    # (_ALNUM_RE is str.isalnum(): a first word opening with a letter or digit has one)
    if not norm[0].isalnum():
        first_end = norm.find(" ")
        if _ALNUM_RE.search(norm, 0, first_end if first_end >= 0 else len(norm)) is None:
            marks += 1
    return norm.count(" ") + 1 - marks


_MONTHS = (
    "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر "
    "كانون الثاني شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين الاول "
    "jan feb mar apr may jun jul aug sep oct nov dec january february march april june "
    "july august september october november december"
).split()
_TIME_WORDS = (
    "السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه ص م صباحا مساء الساعه "
    "am pm gmt utc بتوقيت نشر في تاريخ النشر اخر تحديث تحديث منذ ساعه ساعات دقيقه دقائق "
    "يوم date sat sun mon tue wed thu fri saturday sunday monday tuesday wednesday "
    "thursday friday"
).split()
_TIME_WORD_SET = frozenset(w.lower() for w in _MONTHS + _TIME_WORDS)

# Datelines opening a paragraph: "بغداد - شفق نيوز/", "شفق نيوز/", "السومرية نيوز/ بغداد",
# "(المدى)", "بغداد – ". At most four words before the mark, none of them digits.
_DATELINE_SLASH_RE = re.compile(r"^[\s\-–—•*]*(?:[^\s\d/]{1,20}\s+){0,3}?([^\s\d/]{1,20})\s*/(?!/)")
_DATELINE_PAREN_RE = re.compile(r"^\s*[(\[]\s*[^\d()\[\]]{2,25}[)\]]\s*[-–—:]?\s*\S")
_DATELINE_DASH_RE = re.compile(
    r"^\s*(?:[^\s\d\-–—:،,.\"«“(]{2,20}\s+)?[^\s\d\-–—:،,.\"«“(]{2,20}"
    r"\s*(?:[-–—]{1,4}|(?<=\s)ـ+|ـ{2,})\s+\S"
)
_DATELINE_LINE_RE = re.compile(r"^[^\W\d][^/ـ\-–—]{0,40}?\s*(?:/|ـ+|[-–—]+)\s*\S{0,12}\s*$")
_DATE_PREFIX_RE = re.compile(r"\s*date\s+\d{4}(?:-\d{1,2}){0,2}\s*", re.IGNORECASE)
_BULLET_RE = re.compile(r"^[\s\-–—•●▪◆■*>·]+")
# what a _BULLET_RE match starts with; other text is left as it is, without a call to sre
_BULLET_FIRST = frozenset("-–—•●▪◆■*>·" + SPACE_CHARS)

# a full stop inside the line ("قتل شخص. وأصيب آخر") makes it a paragraph; ".." does not
_INNER_STOP_RE = re.compile(r"(?<!\.)\.(?!\.)\s+\S|[!?؟؛]\s+\S")
# a line opening with a reporting verb is a lede that lost its full stop, not a headline
_LEDE_VERB_RE = re.compile(
    r"^(?:افاد|افادت|اعلن|اعلنت|قال|قالت|ذكر|ذكرت|اكد|اكدت|اوضح|اوضحت|اشار|اشارت|"
    r"نقلت|نقل|صرح|صرحت|كشف|كشفت|اضاف|اضافت|تابع|تابعت|بين|بينت|افاد|شهدت|شهد)\s"
)
_FINAL_PUNCT = ".!?؟…:;؛"
_CONJ_START = ("و", "ف")

# Line kinds.
BLANK, DROP, FOOTER, LIST_HEADER, LIST_INLINE, SEPARATOR = range(6)
DATELINE, SHORT, HEADLINE, BODY = range(6, 10)

_MAX_HEADLINE_WORDS = 18  # longer lines read as paragraphs even without a full stop
_MAX_HEADLINE_CHARS = 160
_MAX_FURNITURE_CHARS = 400  # longer lines are never furniture (cheap guard too)


_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
_OTHER_LETTER_RE = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F]")

# Speed: the checks for Latin script (English fragments, tweet links, URLs, the cased
# patterns that _LATINISH_RE gates) cannot match a line without a letter of this class,
# and 97% of the lines of real Arabic news (96% of the dev set's) hold none. One scan of
# the page finds its Latin letters; a line or sentence without one skips those checks
# (same kinds, same sentences). The class holds both _LATIN_LETTER_RE's and
# _LATINISH_RE's letters; ".com", "http", "www" need ASCII letters (IGNORECASE adds
# only ſ and K, both in the class).
_ANY_LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u212a]")


class _LatinIndex:
    """Where a text's Latin letters are: does text[start:end] hold one?"""

    __slots__ = ("_at",)

    def __init__(self, text: str) -> None:
        self._at = [m.start() for m in _ANY_LATIN_RE.finditer(text)]

    def any(self, start: int, end: int) -> bool:
        at = self._at
        if not at:
            return False
        i = bisect_left(at, start)
        return i < len(at) and at[i] < end


def _is_latin_line(line: str) -> bool:
    """True when most letters of the line are Latin script (an English fragment)."""
    latin = len(_LATIN_LETTER_RE.findall(line))
    if latin < 3:
        return False
    return latin > 1.5 * len(_OTHER_LETTER_RE.findall(line))


# the words of a line, between runs of separators
_TIMESTAMP_WORD_RE = re.compile(r"[^\s/:\-–—.,،|()\[\]•●]+")
_NUMERIC_DATE_RE = re.compile(r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4}")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")
_MONTH_SET = frozenset(_MONTHS)


def _is_timestamp_line(norm: str) -> bool:
    """Only dates, times, weekdays and counters: '12:33 24-08-2021', 'الخميس 2022/09/01'."""
    if len(norm) > 80:
        return False
    # words read one at a time (most lines fail at their first): every word not in
    # _TIME_WORD_SET is a number, and some digit is there unless all words are such words
    rest = False
    for m in _TIMESTAMP_WORD_RE.finditer(norm.lower()):
        if m.group() not in _TIME_WORD_SET:
            if not m.group().isdigit():
                return False
            rest = True
    return any(ch.isdigit() for ch in norm) or not rest


def _has_date(norm: str) -> bool:
    if _NUMERIC_DATE_RE.search(norm):
        return True
    return bool(_FOUR_DIGITS_RE.search(norm)) and not _MONTH_SET.isdisjoint(norm.lower().split())


_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\ufeff\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _strip(raw: str) -> str:
    """Strip whitespace and the invisible bidi / zero-width marks pages put at line ends."""
    return raw.strip().strip(_INVISIBLE).strip()


def _ends_with_punct(stripped: str) -> bool:
    s = stripped.rstrip("\"'”“»«)]’ " + _INVISIBLE)
    return bool(s) and s[-1] in _FINAL_PUNCT


def _classify(raw: str, norm: str, latin_letters: bool = True) -> int:
    """Kind of one line, judged on the line alone; `norm` is `_norm_line(raw)`.
    `latin_letters` False says the line holds no letter of _ANY_LATIN_RE (skips checks)."""
    return _kind(_strip(raw), norm, latin_letters)


def _kind(
    stripped: str,
    norm: str,
    latin_letters: bool,
    copyright_ar: tuple[str, ...] = _COPYRIGHT_AR,
    boilerplate_ar: tuple[str, ...] = _BOILERPLATE_AR,
) -> int:
    """_classify of a line already stripped (_Page strips each line once, for all passes).
    The phrase sets are () on a page whose lines hold none of them (see _Page)."""
    if not stripped or _ALNUM_RE.search(stripped) is None:
        if (
            stripped
            and _SEPARATOR_RE.match(stripped)
            and (len(stripped.replace(" ", "")) >= 3 or stripped in "•●▪◆■")
        ):
            return SEPARATOR
        return BLANK
    long_line = len(stripped) > _MAX_FURNITURE_CHARS
    probe = stripped if not long_line else stripped[:_MAX_FURNITURE_CHARS]

    # (a mark that every match of a pattern holds is tested first: `in` is a fast scan)
    if "(@" in probe and _TWEET_SIGNATURE_RE.match(probe):
        return DROP
    if latin_letters and (_tweet_link(probe) or _URL_ONLY_RE.match(stripped) or _is_latin_line(probe)):
        return DROP
    if long_line:
        return BODY
    # (each test below reads the cheap word count first; the result is the same)
    n_words = _count_words(norm)
    latin = latin_letters and _LATINISH_RE.search(norm) is not None
    if n_words <= 25 and _copyright(norm, latin, copyright_ar):
        return FOOTER
    if n_words <= 40:
        if _BOILERPLATE_RE.search(norm) if latin else contains_any(norm, boilerplate_ar):
            return DROP
        if _SOURCE_INLINE_RE.search(norm) if latin else "|" in norm and _SOURCE_INLINE_AR.search(norm):
            return DROP
        if "@" in probe and _HANDLE_RE.search(probe):
            return DROP
    social_re = _SOCIAL_RE if latin else _SOCIAL_AR
    # alone only: "المزيد من القوات..." is text (and a line without the word is no header)
    if "المزيد" in norm and norm.strip(" :.-–—|•") in ("المزيد", "المزيد من"):
        return LIST_HEADER
    m = _LIST_HEADER_RE.match(norm) if n_words <= 40 else None
    if m:
        # header alone on its line (maybe with ':'), or with headline/tags after it
        return LIST_HEADER if not norm[m.end() :].strip() else LIST_INLINE
    # (a views counter is at most four words: a count, a two-word label, a count)
    if _is_timestamp_line(norm) or n_words <= 4 and _VIEWS_RE.match(norm):
        return DROP
    if n_words <= 8 and _BYLINE_RE.match(norm) and not _ends_with_punct(stripped):
        return FOOTER
    if n_words <= 15 and _CREDIT_RE.match(norm):
        return FOOTER
    if n_words <= 8 and _CREDIT_BARE_RE.match(norm) and not _ends_with_punct(stripped):
        return FOOTER
    if n_words <= 20 and _SHARE_START_RE.match(norm) and (social_re.search(norm) or n_words <= 3):
        return DROP
    socials = len(social_re.findall(norm)) if n_words <= 12 else 0
    if socials >= 2 and n_words <= 2 * socials + 1:  # a row of network names / share buttons
        return DROP
    if stripped[0] in "([" and _PAREN_ONLY_RE.match(stripped):
        return DROP
    # (the credit's bracket ends the line: a normalized line has no trailing space)
    if n_words <= 30 and norm.endswith((")", "]")) and not _credited_lede(norm):
        return DROP
    if n_words <= 12 and _CAPTION_START_RE.match(norm) and not _ends_with_punct(stripped):
        return DROP
    if n_words <= 8 and _has_date(norm) and not _ends_with_punct(stripped):
        # "● أخبار سورية 17 مايو 2022": a date with at most two other words is page meta
        words = [w for w in norm.split() if w.isalnum() or _ALNUM_RE.search(w)]
        other = [w for w in words if not w.isdigit() and w.lower() not in _TIME_WORD_SET]
        if len(other) <= 2:
            return DROP
    # standalone dateline: "سكاي برس /", "مركز الاخبار ـ", "بغداد - IQ"
    if n_words <= 4 and _DATELINE_LINE_RE.match(stripped) and not _ends_with_punct(stripped):
        return DATELINE
    if n_words <= 2 and not _ends_with_punct(stripped):
        return SHORT
    if (
        n_words <= _MAX_HEADLINE_WORDS
        and len(stripped) <= _MAX_HEADLINE_CHARS
        and not _INNER_STOP_RE.search(stripped)
        and not _ends_with_punct(stripped)
        and not _BULLET_RE.match(stripped)
        and not stripped.startswith(_CONJ_START)
        and not _LEDE_VERB_RE.match(norm)
    ):
        return HEADLINE
    return BODY


# "بغداد: أصيب ...", "■ كركوك: قتل ...": a colon dateline (news-brief pages), only after a
# governorate or its capital (marsad/data/governorates.csv) or one of a few other large
# cities ("المصدر:", "كلمات دلالية:" are no datelines)
def _colon_dateline_places() -> list[str]:
    with open(Path(__file__).resolve().parents[1] / "data" / "governorates.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = {row[column] for row in rows for column in ("name_ar", "capital_ar")}
    return sorted(names | {"الفلوجة", "سامراء", "سنجار", "تلعفر", "الحويجة"})


_DATELINE_COLON_RE = re.compile(
    r"^[\s\-–—•●▪◆■*>·]*(?:" + "|".join(normalize(p) for p in _colon_dateline_places()) + r")\s*:\s*\S"
)


def _starts_with_dateline(stripped: str) -> bool:
    head = stripped[:80]
    # (each pattern needs its mark in the head: a cheap test spares most lines a match)
    if ("(" in head or "[" in head) and _DATELINE_PAREN_RE.match(head):
        return True
    if ":" in head[:25] and _DATELINE_COLON_RE.match(normalize(head[:40])):
        return True
    m = _DATELINE_SLASH_RE.match(head) if "/" in head else None
    if m:
        # "ليل الجمعة/ السبت", "أيار/ مايو" are dates, not datelines
        return normalize(m.group(1)).lower() not in _TIME_WORD_SET
    # one of these dashes is in every _DATELINE_DASH_RE match
    if not ("-" in head or "–" in head or "—" in head or "ـ" in head):
        return False
    m = _DATELINE_DASH_RE.match(head)
    if m:
        # "وقال ... - " is a sentence, not a dateline; واسط is a governorate starting with و
        first = head.lstrip()
        return not first.startswith(_CONJ_START) or first.startswith("واسط")
    return False


_TIME_CUE_RE = re.compile(
    r"(?<!\w)(?:اليوم|امس|البارحه|الليله|فجر|صباح|ظهر|عصر|مساء|ليل|ليله|السبت|الاحد|"
    r"الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)(?!\w)"
)


def _fresh_lead(stripped: str, norm: str) -> bool:
    """Does this paragraph open like a news lead (dateline, or a day/time word early on)?"""
    return _starts_with_dateline(stripped) or bool(_TIME_CUE_RE.search(norm[:160]))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, line-break characters excluded."""
    if contains_any(text, _OTHER_BREAKS):
        return [m.span() for m in _LINE_RE.finditer(text)]
    # (speed: most texts break lines with "\n" alone, which str.split finds faster)
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if end > pos:
            spans.append((pos, end))
        pos = end + 1
    return spans


_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x85\v\f]+")
_OTHER_BREAKS = ("\r", "\u2028", "\u2029", "\x85", "\v", "\f")  # _LINE_RE's, "\n" aside


_NORM_LINE_CHARS = _MAX_FURNITURE_CHARS + 100  # a longer line is folded up to here only


def _norm_line(raw: str) -> str:
    # Most lines are one whole sentence: a line folded whole is folded through
    # normalize.prepare, the cached object that the sentence's finders read next.
    limit = _NORM_LINE_CHARS
    return prepare(raw).norm if len(raw) <= limit else normalize(raw[:limit])


def _dup_key(stripped: str, norm: str | None = None) -> str:
    """Key for spotting repeats: folded text before any " | " suffix, bullets dropped."""
    key = (norm if norm is not None else _norm_line(stripped))[:300]
    key = key.split(" | ", 1)[0]
    return (_BULLET_RE.sub("", key) if key[:1] in _BULLET_FIRST else key).strip(" .:،-–—")


def _clean_title(raw: str) -> str | None:
    cleaned = _DATE_PREFIX_RE.sub("", _BULLET_RE.sub("", _strip(raw)), count=1).strip()
    return cleaned or None


def _same_title(key: str, title_key: str) -> bool:
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    if key[0] != title_key[0]:  # (neither opens the other: most lines end here)
        return False
    short, long_ = (key, title_key) if len(key) <= len(title_key) else (title_key, key)
    return len(short) >= 0.7 * len(long_) and long_.startswith(short)


# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

_TERMINATORS = frozenset(".!?؟؛;…")
_CLAUSE_TERMINATORS = _TERMINATORS | frozenset("،,")
_CLOSERS = frozenset("\"'”’»)]")
_SINGLE_LETTER_ABBR = re.compile(r"(?:^|[\s(«\"“.])[\u0621-\u064A\u0671-\u06D3A-Za-z]$")


def _sentence_spans(text: str, start: int, end: int, clause: bool = False) -> list[tuple[int, int]]:
    """Cut text[start:end] into spans ending at terminators outside quotes."""
    terms = _CLAUSE_TERMINATORS if clause else _TERMINATORS
    # Speed: most lines hold no terminator or quote mark but their closing one, and are
    # one span whether or not it is a boundary (no quote is opened before it)
    m = _finder(terms, True)(text, start, end)
    if m is None or (m.start() == end - 1 and text[end - 1] in terms):
        return [(start, end)] if end > start else []
    cuts, stop = _scan(text, start, end, terms, respect_quotes=True)
    if stop < end:  # a quote never closed (or ran on too long): no protection after it
        tail, _ = _scan(text, stop, end, terms, respect_quotes=False)
        cuts.extend(tail)
    spans: list[tuple[int, int]] = []
    i = start
    for c in cuts + [end]:
        if c > i:
            spans.append((i, c))
            i = c
    return spans


_MAX_QUOTE_CHARS = 600  # a longer "quotation" is a stray quote mark, not a quotation


_QUOTE_CHARS = '«»“”„"'
_QUOTE_FIND = re.compile("[" + re.escape(_QUOTE_CHARS) + "]").search
_FINDERS: dict[tuple[frozenset, bool], object] = {}


def _finder(terms: frozenset, respect_quotes: bool):
    """search() for the next character the scan must look at: a terminator (or a quote)."""
    key = (terms, respect_quotes)
    found = _FINDERS.get(key)
    if found is None:
        chars = "".join(sorted(terms)) + (_QUOTE_CHARS if respect_quotes else "")
        found = _FINDERS[key] = re.compile("[" + re.escape(chars) + "]").search
    return found


def _scan(text: str, pos: int, end: int, terms: frozenset, respect_quotes: bool):
    """Return (cut positions, where an unclosed quote opened, or `end`).

    Walks from one terminator or quote mark to the next (C-level search) instead of
    character by character; the cuts are those of a character walk."""
    cuts: list[int] = []
    guillemet = 0
    curly = straight = False
    open_at = -1
    search = _finder(terms, respect_quotes)
    i = pos
    while i < end:
        if guillemet > 0 or curly or straight:
            # inside a quotation: only quote marks count; a quotation longer than
            # _MAX_QUOTE_CHARS (at its first other character past the limit) is a stray mark
            m = _QUOTE_FIND(text, i, end)
            nxt = m.start() if m is not None else end
            if max(i, open_at + _MAX_QUOTE_CHARS + 1) < nxt:
                return [c for c in cuts if c <= open_at], open_at + 1
            if m is None:
                break
            i = nxt
            inside = True
        else:
            m = search(text, i, end)
            if m is None:
                break
            i = m.start()
            inside = False
        ch = text[i]
        if respect_quotes and ch in _QUOTE_CHARS:
            if ch == "«":
                guillemet += 1
            elif ch == "»":
                guillemet = max(0, guillemet - 1)
            elif ch == '"':
                straight = not straight
            else:
                curly = not curly
            now_inside = guillemet > 0 or curly or straight
            if now_inside and not inside:
                open_at = i
            elif inside and not now_inside:
                # `قال "انتهى."` : a quote closing right after a full stop ends the sentence
                if text[i - 1] in _TERMINATORS and (i + 1 >= end or text[i + 1].isspace()):
                    cuts.append(i + 1)
            i += 1
            continue
        # a terminator outside quotes
        j = i + 1
        while j < end and text[j] in terms:
            j += 1
        if _is_boundary(text, i, j, end):
            cuts.append(j)
        i = j
    if guillemet > 0 or curly or straight:
        return [c for c in cuts if c <= open_at], open_at + 1
    return cuts, end


def _is_boundary(text: str, i: int, j: int, end: int) -> bool:
    """Is the terminator run text[i:j] a sentence boundary?"""
    ch = text[i]
    nxt = text[j] if j < end else ""
    if nxt and not nxt.isspace() and nxt not in _CLOSERS:
        if ch in "،,":
            return True
        if _glued_sentence(text, i, j, end):
            return True
        # "1.5", "العربية.نت", "..ميليشيات": no boundary without a following space
        return False
    # (the abbreviation's letter is a word of its own: the character before it is no
    # letter, or there is none; a letter then "\n" before the dot is the pattern's too)
    if ch == "." and j - i == 1 and (i < 2 or not text[i - 2].isalpha() or text[i - 1] == "\n"):
        before = text[max(0, i - 2) : i]
        if _SINGLE_LETTER_ABBR.search(before):  # "د." "م." "U.S."
            return False
    return True


def _arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


# site names written with a dot: "العربية.نت"
_DOMAIN_TAILS = ("نت", "كوم", "انفو", "أنفو", "اورغ")


def _glued_sentence(text: str, i: int, j: int, end: int) -> bool:
    """Pages flattened without spaces: "قتلت قائدا له.وصرح مسؤول", "...؟من هو": one
    terminator between two Arabic words is a boundary, unless it joins a site name."""
    if j - i != 1 or i == 0 or not _arabic_letter(text[i - 1]) or not _arabic_letter(text[j]):
        return False
    if text[i] in "؟!":
        return True
    k = j
    while k < end and not text[k].isspace() and text[k] not in ".،,؟!:؛":
        k += 1
    word = text[j:k]
    return len(word) >= 3 and word not in _DOMAIN_TAILS


_LEADING_JUNK = "-–—•●▪◆■*>·" + _INVISIBLE


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a span past bullets, invisible marks and a "date 2023-04-02" prefix."""
    while s < e and (text[s].isspace() or text[s] in _LEADING_JUNK):
        s += 1
    # (every "date ..." prefix opens with d or D: other spans are spared the match)
    m = _DATE_PREFIX_RE.match(text, s, e) if s < e and text[s] in "dD" else None
    if m:
        s = m.end()
        while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
            s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
        e -= 1
    return s, e


_MAX_SENTENCE_CHARS = 1500  # evidence stays readable; real sentences are far shorter


def _cap(text: str, s: int, e: int):
    """Cut an over-long span at its last ، / , / space before the limit (junk, lists)."""
    while e - s > _MAX_SENTENCE_CHARS:
        window = text[s : s + _MAX_SENTENCE_CHARS]
        cut = max(window.rfind("،"), window.rfind(","))
        if cut < _MAX_SENTENCE_CHARS // 3:
            cut = window.rfind(" ")
        cut = s + (cut + 1 if cut >= _MAX_SENTENCE_CHARS // 3 else _MAX_SENTENCE_CHARS)
        yield s, cut
        s = cut
    yield s, e


def _furniture_sentence(
    sentence: str, latin_letters: bool = True, copyright_ar: tuple[str, ...] = _COPYRIGHT_AR
) -> bool:
    """Furniture glued inside a paragraph (pages flattened to one line). `latin_letters`
    False says the sentence holds no letter of _ANY_LATIN_RE; `copyright_ar` () that
    its page holds none of _COPYRIGHT_AR."""
    head = sentence[:_MAX_FURNITURE_CHARS]
    if latin_letters and (_tweet_link(head) or _is_latin_line(head)):
        return True
    # a sentence of up to 200 characters is folded through normalize.prepare: the same
    # cached object every finder of pipeline.py reads next (normalize(sentence) exactly)
    norm = prepare(sentence).norm if len(sentence) <= 200 else normalize(head[:200])
    if _LIST_HEADER_RE.match(norm):
        return True
    return _copyright(norm, latin_letters and _LATINISH_RE.search(norm) is not None, copyright_ar)


def _make_sentences(
    text: str,
    start: int,
    end: int,
    clause: bool = False,
    latin: _LatinIndex | None = None,
    copyright_ar: tuple[str, ...] = _COPYRIGHT_AR,
) -> list[Sentence]:
    out: list[Sentence] = []
    for span in _sentence_spans(text, start, end, clause):
        # (only a span over _MAX_SENTENCE_CHARS needs _cap, which yields any other whole)
        for s, e in _cap(text, *span) if span[1] - span[0] > _MAX_SENTENCE_CHARS else (span,):
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            sentence = text[s:e]
            # (a trimmed span opens with no whitespace: only one opening with a bracket can
            # be _PAREN_ONLY_RE's; most open with a letter, which any() would find first)
            if (sentence[0].isalpha() or any(ch.isalpha() for ch in sentence)) and not (
                sentence[0] in "([" and _PAREN_ONLY_RE.match(sentence)
            ):
                if not clause and _furniture_sentence(
                    sentence, latin is None or latin.any(s, e), copyright_ar
                ):
                    continue
                out.append(Sentence(sentence, s, e))
    return out


def split_clauses(sentence: Sentence) -> list[Sentence]:
    """Cut one sentence at ، ؛ , ; (outside quotes); offsets stay those of the article."""
    text = sentence.text
    parts = _make_sentences(text, 0, len(text), clause=True)
    return [Sentence(p.text, sentence.start + p.start, sentence.start + p.end) for p in parts]


# --------------------------------------------------------------------------------------
# Stories
# --------------------------------------------------------------------------------------


def split_stories(text: str, title: str | None = None) -> list[Story]:
    """Strip page furniture from `text` and return its stories, each with its sentences."""
    if not text or not isinstance(text, str):
        return []
    page = _Page(text, title if isinstance(title, str) else None)
    _drop_tweet_bodies(page)
    _drop_title_repeats(page)
    first_body = _first_body(page)
    story_title = _page_title(page, first_body)
    units, brief_page = _headline_units(page, first_body)
    return _cut(page, first_body, story_title, units, brief_page)


class _Page:
    """The lines of one text, with their spans, folded forms and kinds."""

    def __init__(self, text: str, title: str | None) -> None:
        self.text = text
        self.title = title
        self.title_key = _dup_key(title) if title else ""
        self.spans = _lines(text)
        self.raws = [text[s:e] for s, e in self.spans]
        self.strips = [_strip(r) for r in self.raws]
        self.norms = [_norm_line(r) for r in self.raws]
        # Speed: the Arabic copyright and boilerplate phrases are looked for once in all
        # the folded lines (no phrase holds the "\n" between them); on a page holding
        # none of a set (most pages), no line is searched for it. A sentence's folded form
        # lies within its line's (normalize() folds each character on its own and
        # collapses spaces), unless the line is longer than _norm_line folds.
        folded = "\n".join(self.norms)
        copyright_ar = _COPYRIGHT_AR if contains_any(folded, _COPYRIGHT_AR) else ()
        boilerplate_ar = _BOILERPLATE_AR if contains_any(folded, _BOILERPLATE_AR) else ()
        whole = all(len(r) <= _NORM_LINE_CHARS for r in self.raws)
        self.copyright_ar = copyright_ar if whole else _COPYRIGHT_AR  # (for sentences)
        self.latin = latin = _LatinIndex(text)
        self.kinds = [
            _kind(t, m, latin.any(s, e), copyright_ar, boilerplate_ar)
            for t, m, (s, e) in zip(self.strips, self.norms, self.spans, strict=True)
        ]
        self.n = len(self.kinds)
        self._keys: list[str | None] = [None] * self.n

    def key(self, k: int) -> str:
        """_dup_key of line k (read up to three times: title repeats, title, repeats)."""
        key = self._keys[k]
        if key is None:
            key = self._keys[k] = _dup_key(self.raws[k], self.norms[k])
        return key

    def next_content(self, k: int) -> int:
        """Index of the next line after k that is neither blank nor dropped (or n)."""
        k += 1
        while k < self.n and self.kinds[k] in (BLANK, DROP):
            k += 1
        return k


def _drop_tweet_bodies(page: _Page) -> None:
    """Embedded tweet: the line right above a "— Name (@handle) date" signature is its body."""
    kinds, raws, spans = page.kinds, page.raws, page.spans
    bodies = []
    for k in range(1, page.n):
        if kinds[k] == DROP and _TWEET_SIGNATURE_RE.match(raws[k][:200]):
            p = k - 1  # adjacent (no blank line between) and tweet-sized
            gap = page.text[spans[p][1] : spans[k][0]].replace("\r\n", "\n")
            if kinds[p] in (BODY, HEADLINE, SHORT) and len(raws[p]) <= 320 and gap.count("\n") <= 1:
                bodies.append(p)
    dropped = set(bodies)
    if bodies and not any(kinds[k] == BODY and k not in dropped for k in range(page.n)):
        return  # the tweet is all the text there is: it is the report, not furniture in one
    for p in bodies:
        kinds[p] = DROP


def _drop_title_repeats(page: _Page) -> None:
    """The given title, wherever the page repeats it (with or without a " | ..." suffix)."""
    if not page.title_key:
        return
    content = (HEADLINE, BODY, SHORT, DATELINE)
    repeats = []
    for k, raw in enumerate(page.raws):
        if page.kinds[k] not in content or len(raw) > 600:
            continue
        # a repeat ending in a full stop is the lede that a scraper took as the title
        if _same_title(page.key(k), page.title_key) and not raw.rstrip().endswith("."):
            repeats.append(k)
    if repeats and all(page.kinds[k] not in content for k in range(page.n) if k not in repeats):
        # the title is all the text ("المقاومة الإسلامية في العراق تستهدف قاعدة التنف" as an item's
        # title and its body): the report itself, kept once
        repeats = repeats[1:]
    for k in repeats:
        page.kinds[k] = DROP


def _first_body(page: _Page) -> int:
    """Index of the first body paragraph; lines above it are navigation and headlines."""
    kinds = page.kinds
    first = next((k for k in range(page.n) if kinds[k] == BODY), page.n)
    if first == page.n:
        # no paragraph at all (short or truncated text): headline-like lines are the
        # text; the first of several is its title
        heads = [k for k in range(page.n) if kinds[k] == HEADLINE]
        for k in heads[1:] if len(heads) > 1 else heads:
            kinds[k] = BODY
        first = next((k for k in range(page.n) if kinds[k] == BODY), page.n)
    return first


def _page_title(page: _Page, first_body: int) -> str | None:
    """The given title when the page shows it, else the headline right above the body."""
    top_title = None
    for k in range(first_body):
        if page.kinds[k] == HEADLINE and page.next_content(k) == first_body:
            top_title = _clean_title(page.raws[k])
    given = _clean_title(page.title) if page.title else None
    given_on_page = bool(page.title_key) and any(
        _same_title(page.key(k), page.title_key) for k in range(min(page.n, 12)) if len(page.raws[k]) <= 600
    )
    # a scraped site name ("رئيس التحرير") loses to the headline the page itself shows
    if given and top_title and given_on_page and len(page.title_key.split()) > 3:
        return given
    return top_title or given


def _headline_units(page: _Page, first_body: int) -> tuple[set[int], bool]:
    """Headlines directly followed by a paragraph, after the first one; is it a briefs page?"""
    kinds = page.kinds
    last_body = max((k for k in range(page.n) if kinds[k] == BODY), default=-1)
    units = []
    k = first_body + 1
    while k < page.n:
        if kinds[k] == HEADLINE:
            # a run of headline lines with no body between them is a headline list
            run_end = k
            j = page.next_content(k)
            while j < page.n and kinds[j] in (HEADLINE, SHORT):
                run_end = j
                j = page.next_content(j)
            if j < page.n and kinds[j] in (BODY, DATELINE) and run_end == k:
                units.append(k)
            elif run_end >= k + 2 and run_end > last_body:
                # three or more after the last paragraph: related headlines with no header
                # (inside the text they are paragraphs that lost their full stops)
                for r in range(k, run_end + 1):
                    if kinds[r] == HEADLINE:
                        kinds[r] = DROP
                k = run_end
        k += 1
    # news briefs, not a report with sub-headings: 2+ headline units, at least half of
    # them opening a fresh lead (a dateline, or a day/time word in the first words)
    leads = [page.next_content(k) for k in units]
    fresh = sum(1 for j in leads if _fresh_lead(page.strips[j], page.norms[j]))
    return set(units), len(units) >= 2 and fresh >= 1 and 2 * fresh >= len(units)


def _bullet_line(page: _Page, k: int) -> bool:
    """Is line k a kept bullet line ("• ...")?"""
    return 0 <= k < page.n and page.kinds[k] == BODY and bool(_BULLET_RE.match(page.strips[k]))


def _cut(page: _Page, first_body: int, story_title: str | None, unit_set: set[int], brief_page: bool):
    """Walk the lines once: cut stories, make sentences of the kept lines."""
    text, n, kinds, strips, norms, spans = page.text, page.n, page.kinds, page.strips, page.norms, page.spans
    next_content = page.next_content
    stories: list[Story] = []
    cur_title = story_title
    cur: list[Sentence] = []
    pending_break = False
    pending_title: str | None = None
    cur_paragraphs = 0
    cur_has_dateline = False
    footer_seen = False
    in_list = False
    seen: set[str] = set()
    last_bullet: tuple[int, str | None] | None = None  # (sentences, title) of a bullet line just kept

    def flush() -> None:
        nonlocal cur, cur_title
        if cur:
            stories.append(Story(cur_title, cur))
        cur = []

    for k in range(n):
        kind = kinds[k]
        if kind == BLANK:
            continue
        s, e = spans[k]
        stripped = strips[k]
        if in_list and kind not in (LIST_INLINE, LIST_HEADER, FOOTER, SEPARATOR):
            is_item = kind in (HEADLINE, SHORT, DROP, DATELINE) or (
                kind == BODY
                and len(stripped) <= 300
                and (_BULLET_RE.match(stripped) or not _ends_with_punct(stripped))
                and len(stripped.split()) <= 30
            )
            if is_item:
                if kind in (HEADLINE, BODY):
                    pending_title = _BULLET_RE.sub("", stripped).strip() or None
                continue
            in_list = False
        if kind in (DROP, SHORT):
            continue
        if kind == SEPARATOR:
            in_list = False
            if cur:
                pending_break, pending_title = True, None
            continue
        if kind in (FOOTER, LIST_HEADER, LIST_INLINE):
            # the article's footer (byline, credit, tags, "related" block) ends it: body
            # text after it is another story. An inline "اقرأ أيضاً" is not a footer.
            end_of_page = kind == FOOTER or bool(_END_LIST_RE.match(norms[k]))
            footer_seen = footer_seen or end_of_page
            if cur and footer_seen and (cur_paragraphs >= 2 or kind != FOOTER):
                pending_break, pending_title = True, None
            if kind == LIST_HEADER:
                in_list = True
            continue
        if kind == HEADLINE:
            if k < first_body:
                continue
            if k in unit_set:
                nxt = next_content(k)
                dated = nxt < n and (
                    kinds[nxt] == DATELINE or (kinds[nxt] == BODY and _starts_with_dateline(strips[nxt]))
                )
                if brief_page or (dated and (cur_has_dateline or cur_paragraphs >= 2)):
                    pending_break, pending_title = True, stripped
                    continue
            # a lone sub-heading inside an article: keep its words as a sentence
        if kind == BODY and len(stripped) >= 30:  # repeated paragraph (short lines may repeat)
            key = page.key(k)  # (from norms[k] alone, as _dup_key(stripped, norms[k]))
            if key in seen:
                continue
            seen.add(key)
        # a standalone dateline line ("السومرية نيوز/ ديالى") is kept: it may name the place
        dateline = kind == DATELINE or _starts_with_dateline(stripped)
        # a dateline after a lone lede/subtitle is the same story's real start; after a
        # story that had its own dateline, or two paragraphs, it opens a new story
        if cur and not pending_break and dateline and (cur_has_dateline or cur_paragraphs >= 2):
            pending_break = True
            if last_bullet is not None:
                # "• إصابة جنديين بقصف هاون في سامراء" then "صلاح الدين - أصيب جنديان ...": the
                # bullet line just before a brief's dateline is that brief's headline
                del cur[len(cur) - last_bullet[0] :]
                pending_title = last_bullet[1]
        if not pending_break:
            pending_title = None  # a headline seen in a mid-article list titles nothing
        if pending_break:
            flush()
            cur_title = pending_title
            pending_break, pending_title = False, None
            cur_paragraphs, cur_has_dateline = 0, False
        sentences = _make_sentences(text, s, e, latin=page.latin, copyright_ar=page.copyright_ar)
        last_bullet = None
        if sentences:
            cur.extend(sentences)
            cur_paragraphs += kind == BODY  # a kept sub-heading is not a paragraph
            cur_has_dateline = cur_has_dateline or dateline
            footer_seen = False
            if (
                kind == BODY
                and not dateline
                and _BULLET_RE.match(stripped)
                and not _ends_with_punct(stripped)
                and len(stripped.split()) <= 20
                # (the last of a list of bullet lines is no one brief's headline: "• مقتل شخصين
                # ...\n• إصابة ...\n• اعتقال ..." then "دهوك – أعلنت ...")
                and not _bullet_line(page, k - 1)
                and not _bullet_line(page, k + 1)
            ):
                last_bullet = (len(sentences), _BULLET_RE.sub("", stripped).strip() or None)
    flush()
    return stories
