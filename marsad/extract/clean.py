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
        page holding several stories; splits sentences on . ! ? ، ؛ ؟ and line breaks,
        respecting quotes “ ” « ». Offsets always index the ORIGINAL text.
"""
