"""The records that travel between the stages: raw articles in, incident mentions out.

Sources yield `Article`s; the extraction engine turns one article's text into
`Mention`s (one per event it reports); the warehouse stores both and the build step
clusters mentions into incidents (spec section 5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Article:
    """One raw article as a source yields it (spec section 8)."""

    url: str
    text: str
    title: str | None = None
    published: dt.datetime | None = None  # naive UTC, or None when the page gives none
    source_name: str = "files"
    canonical_url: str | None = None
    html: str | None = None


@dataclass
class Mention:
    """One incident as read from one article: every field of spec section 2 for that report."""

    event_date: dt.date | None = None
    date_precision: str | None = None  # day | week | month | year
    country: str | None = None
    governorate: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    weapon: str | None = None
    perpetrator_id: str = "unknown"
    target_id: str | None = None
    claimed: bool = False
    killed_low: int | None = None
    killed_best: int | None = None
    killed_high: int | None = None
    wounded_low: int | None = None
    wounded_best: int | None = None
    wounded_high: int | None = None
    evidence: str = ""
    # character offsets of the evidence in the article text given to the extractor
    evidence_start: int = 0
    evidence_end: int = 0
    confidence: float = 0.5
    # free-form reasons the assembler recorded (for debugging and the artifacts)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Attack": "Violence against civilians",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Disrupted weapons use": "Strategic developments",
    "Arrests": "Strategic developments",
}

WEAPONS = ("rocket", "mortar", "drone", "missile", "ied", "small_arms", "airstrike", "arson", "other")
DATE_PRECISIONS = ("day", "week", "month", "year")
