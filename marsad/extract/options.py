"""The one options object that travels down the extraction stages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractOptions:
    """Knobs of the staged extractor. Defaults are tuned on ../shared/eval/dev together."""

    # input guards: longer articles are cut (a news story is < 30 KB; 5 MB pages are junk)
    max_chars: int = 120_000
    max_sentence_chars: int = 3_000
    max_sentences: int = 600
    # a sentence with no event cue may still add casualties / a claim / a perpetrator to
    # the event reported just before it, up to this many sentences later (dev-tuned)
    follow_window: int = 2
    # sentences of one story that report the same event merge while no new place, date,
    # target or "another attack" marker intervenes, up to this many sentences apart
    merge_window: int = 8
    # recounted earlier events (background) are extracted with their own date; without a
    # date they are kept only when the article itself is undated (their date is NULL anyway)
    include_background: bool = True
    # the article title lends its place / actors to the first event when the body lacks them
    title_context: bool = True


DEFAULT_OPTIONS = ExtractOptions()
