"""The staged extractor: normalize -> split -> find entities -> assemble -> resolve.

PLACEHOLDER until the assembly lands: returns no mentions. Signature is the contract:

    extract(text: str, published: datetime.date | datetime.datetime | None,
            title: str | None = None) -> list[Mention]
"""

from __future__ import annotations

import datetime as dt

from marsad.model import Mention


def extract(text: str, published: dt.date | dt.datetime | None, title: str | None = None) -> list[Mention]:
    return []
