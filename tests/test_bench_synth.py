"""The benchmark's synthetic corpus (bench/synth.py): reproducible, well-formed, and with
an answer key that holds together. No timings here: those live in `make bench`."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import pytest

from bench import synth

N = 400


@pytest.fixture(scope="module")
def corpus() -> synth.Corpus:
    return synth.generate(N, seed=11)


# ---------------------------------------------------------------------------- reproducibility


def test_generate_same_seed_same_corpus(corpus):
    again = synth.generate(N, seed=11)
    assert again.articles == corpus.articles
    assert again.events == corpus.events


def test_generate_other_seed_other_corpus(corpus):
    other = synth.generate(N, seed=12)
    assert [a["text"] for a in other.articles] != [a["text"] for a in corpus.articles]


def test_generate_is_prefix_stable(corpus):
    # the incremental benchmark adds 1% new articles by generating a longer corpus
    longer = synth.generate(N + 25, seed=11)
    assert longer.articles[:N] == corpus.articles


# ---------------------------------------------------------------------------- records


def test_urls_unique(corpus):
    urls = [a["url"] for a in corpus.articles]
    assert len(set(urls)) == len(urls)
    assert all(u.startswith("https://") and ".example." in u for u in urls)


def test_text_lengths_in_range(corpus):
    sizes = [len(a["text"].encode("utf-8")) for a in corpus.articles]
    assert min(sizes) >= synth.MIN_BYTES
    assert max(sizes) <= synth.MAX_BYTES
    # realistic spread, not all one size
    assert max(sizes) - min(sizes) > 2000


def test_publication_dates_span_years(corpus):
    days = [dt.datetime.fromisoformat(a["published"]).date() for a in corpus.articles]
    assert min(days) >= synth.FIRST_DAY - dt.timedelta(days=1)
    assert max(days) <= synth.LAST_DAY + dt.timedelta(days=3)
    assert len({d.year for d in days}) >= 5


def test_records_follow_the_input_format(corpus, tmp_path):
    path = corpus.write_jsonl(tmp_path / "a.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == N
    for line in lines:
        record = json.loads(line)
        assert set(record) == {"id", "url", "published", "title", "text"}
        assert record["text"].strip() and record["title"].strip()


def test_text_is_arabic_with_numbers_in_every_script(corpus):
    text = "\n".join(a["text"] for a in corpus.articles)
    assert re.search("[٠-٩]", text) and re.search("[۰-۹]", text) and re.search("[0-9]", text)
    assert any(w in text for w in synth.NUMBER_WORDS.values())
    for month in ("تشرين الثاني", "كانون الثاني", "يناير"):
        assert month in text
    for trap in ("اقرأ أيضاً", "إثر خلل فني", "وزارة الصحة في غزة"):
        assert trap in text


# ---------------------------------------------------------------------------- the answer key


def test_expected_counts_add_up(corpus):
    exp = corpus.expected
    reported = [e for a in corpus.articles for e in a["_events"]]
    assert exp["articles"] == N
    assert exp["mentions"] == len(reported)
    assert exp["incidents"] == len(set(reported)) == len(corpus.events)
    assert exp["killed_best"] == sum(e.killed for e in corpus.events.values())
    # some events are reported by two outlets, some articles report none
    assert exp["mentions"] > exp["incidents"]
    assert any(not a["_events"] for a in corpus.articles)
    assert any(len(a["_events"]) >= 2 for a in corpus.articles)


def test_each_event_is_written_in_its_articles(corpus):
    towns, bases = synth.load_places()
    surface = {p.name_en: p.surface for p in towns + bases}
    for a in corpus.articles:
        for eid in a["_events"]:
            e = corpus.events[eid]
            assert surface[e.location] in a["text"]
            assert dt.date.fromisoformat(e.date) <= dt.datetime.fromisoformat(a["published"]).date()


def test_distinct_events_never_share_merge_keys_within_window(corpus):
    by_key: dict[tuple, list[dt.date]] = {}
    for e in corpus.events.values():
        key = (e.governorate, e.perpetrator_id, e.target_id, e.sub_event_type)
        by_key.setdefault(key, []).append(dt.date.fromisoformat(e.date))
    for days in by_key.values():
        days.sort()
        gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
        assert all(g >= synth.MIN_DAYS_APART for g in gaps)


def test_one_articles_events_lie_in_different_governorates(corpus):
    for a in corpus.articles:
        govs = [corpus.events[i].governorate for i in a["_events"]]
        assert len(govs) == len(set(govs))


def test_rereports_are_published_after_their_event(corpus):
    reports = Counter(e for a in corpus.articles for e in a["_events"])
    repeated = [e for e, n in reports.items() if n > 1]
    assert repeated
    for a in corpus.articles:
        for eid in a["_events"]:
            if eid in repeated:
                gap = dt.datetime.fromisoformat(a["published"]).date() - dt.date.fromisoformat(
                    corpus.events[eid].date
                )
                assert dt.timedelta(0) <= gap <= dt.timedelta(days=42)


# ---------------------------------------------------------------------------- number forms


@pytest.mark.parametrize(
    ("n", "script", "text"),
    [(25, "ascii", "25"), (25, "arabic_indic", "٢٥"), (25, "eastern", "۲۵"), (2019, "arabic_indic", "٢٠١٩")],
)
def test_digits_scripts(n, script, text):
    assert synth.digits(n, script) == text


def test_date_phrase_never_names_a_later_day():
    import random

    rng = random.Random(3)
    pub = dt.date(2025, 3, 18)
    for back in range(0, 30):
        phrase = synth.date_phrase(pub - dt.timedelta(days=back), pub, rng)
        assert phrase
        if back == 0:
            assert "أمس" not in phrase
