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
"""
