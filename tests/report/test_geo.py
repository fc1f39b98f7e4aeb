"""The shipped governorate outlines: complete, well-formed, and roughly where the gazetteer's places are."""

from __future__ import annotations

import csv

from marsad import settings
from marsad.report.outlines import governorate_at, load_outlines, outlines


def _signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def test_outlines_file_is_the_generated_one():
    assert load_outlines() == outlines()  # regenerate: python -m marsad.report.outlines


def test_outlines_cover_the_19_governorates_with_closed_counterclockwise_rings():
    with settings.GOVERNORATES_CSV.open(encoding="utf-8") as handle:
        names = {row["governorate"] for row in csv.DictReader(handle)}
    features = load_outlines()["features"]
    assert {f["properties"]["governorate"] for f in features} == names
    for feature in features:
        ring = feature["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1] and len(ring) >= 4
        assert _signed_area(ring) > 0  # RFC 7946: exterior rings counter-clockwise


def test_gazetteer_places_fall_in_their_governorate():
    collection = load_outlines()
    with settings.PLACES_CSV.open(encoding="utf-8") as handle:
        places = [r for r in csv.DictReader(handle) if r["governorate"] and r["country"] == "Iraq"]
    wrong = [
        (
            p["name_en"],
            p["governorate"],
            governorate_at(float(p["longitude"]), float(p["latitude"]), collection),
        )
        for p in places
        if governorate_at(float(p["longitude"]), float(p["latitude"]), collection) != p["governorate"]
    ]
    # Hand-drawn outlines: a few places on disputed or wiggly borders may fall next door.
    assert len(wrong) <= max(3, len(places) // 50), wrong


def test_governorates_do_not_overlap_at_their_capitals():
    with settings.GOVERNORATES_CSV.open(encoding="utf-8") as handle:
        capitals = {row["governorate"]: row["capital_en"] for row in csv.DictReader(handle)}
    with settings.PLACES_CSV.open(encoding="utf-8") as handle:
        coordinates = {
            r["name_en"]: (float(r["longitude"]), float(r["latitude"]))
            for r in csv.DictReader(handle)
            if r["country"] == "Iraq" and r["kind"] == "city"
        }
    collection = load_outlines()
    for governorate, capital in capitals.items():
        if capital in coordinates:
            assert governorate_at(*coordinates[capital], collection) == governorate, capital
