"""Polars types of the incident fields of spec section 2, in contract order.

One definition for every frame that carries them: the loader's staged mentions, the
clustering's input mentions and its output incidents.
"""

from __future__ import annotations

import polars as pl

# when, where and what: event_date ... weapon
WHEN_WHERE_WHAT: dict[str, pl.DataType] = {
    "event_date": pl.Date,
    "date_precision": pl.String,
    "country": pl.String,
    "governorate": pl.String,
    "location": pl.String,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
    "event_type": pl.String,
    "sub_event_type": pl.String,
    "weapon": pl.String,
}

# killed_low ... wounded_high (NULL = not reported)
CASUALTIES: dict[str, pl.DataType] = {
    f"{what}_{bound}": pl.Int32 for what in ("killed", "wounded") for bound in ("low", "best", "high")
}
