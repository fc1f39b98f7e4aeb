"""Counts in Arabic news text (spec section 6) and their binding to killed / wounded.

CONTRACT (other modules code against these signatures; keep them):

    @dataclass(frozen=True)
    class Count:
        low: int | None
        best: int | None
        high: int | None
        start: int          # span of the count phrase in the string given
        end: int

    parse_count(phrase: str) -> Count | None
        A phrase that is wholly a count: "20", "٢٠", "۲۰", "1,200", "ثلاثة", "سبعة آخرين",
        "عنصرين", "أكثر من 20", "ما لا يقل عن خمسة", "نحو 30", "بين 3 و5", "عدة", "عشرات".

    find_counts(text: str) -> list[Count]
        Every count expression in a sentence, left to right, spans on `text`.

    @dataclass(frozen=True)
    class Casualties:
        killed: Count | None       # None = not reported in this text
        wounded: Count | None
        # spans are on the sentence given

    find_casualties(sentence: str) -> Casualties
        Killed and wounded counts a sentence reports, each bound to the verb or noun it
        governs (قتل، مقتل، قتلى، شهداء، لقي حتفه / أصيب، إصابة، جرحى، جريح), explicit
        none (دون وقوع إصابات -> 0), mentioned-but-uncounted (قتلى وجرحى -> Count with
        low=best=high=None is NOT used; return None).
"""
