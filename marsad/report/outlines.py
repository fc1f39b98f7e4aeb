"""Simplified outlines of Iraq's 19 governorates: how data/iraq_governorates.geojson is made.

There is no network to download boundaries from, so the outlines are drawn by hand from
geographic knowledge: ~80 named vertices (longitude, latitude) on the national border
and at the meeting points of governorates, each governorate a ring of those names. A
shared border is the same vertices in both rings, so neighbours never overlap or leave
gaps. Accuracy is about 10-30 km: SIMPLIFIED OUTLINES, NOT FOR MEASUREMENT. They place
incident points in context on the report's map; the governorate of an incident is the
extractor's, never computed from these shapes. tests/report/test_geo.py checks the
gazetteer's places (marsad/extract/data/places.csv) fall in their own governorate.

    python -m marsad.report.outlines   # rewrite data/iraq_governorates.geojson
"""

from __future__ import annotations

import json
from pathlib import Path

OUTLINES_PATH = Path(__file__).resolve().parent / "data" / "iraq_governorates.geojson"

# Vertices: B* on the border with Turkey and Iran, K*/S* Kuwait and Saudi Arabia, T*
# tripoints, Y* the borders with Jordan and Syria, I* inside Iraq where governorates meet.
V = {
    # north: Syria-Turkey tripoint, then the Turkish border eastward
    "T1": (42.36, 37.11),
    "B1": (43.00, 37.36),
    "B2": (43.60, 37.26),
    "B3": (44.30, 37.25),
    "T2": (44.79, 37.15),  # Turkey-Iran-Iraq
    # the Iranian border southward
    "B4": (45.00, 36.75),
    "B5": (45.10, 36.60),
    "B6": (46.10, 35.80),
    "B7": (46.15, 35.38),
    "B8": (46.00, 34.95),
    "B9": (45.65, 34.55),
    "B10": (45.60, 33.90),
    "B11": (46.00, 33.35),
    "B12": (46.45, 32.95),
    "B13": (47.40, 32.40),
    "B14": (47.70, 31.60),
    "B15": (47.70, 31.15),
    "B16": (48.10, 30.45),
    "B16a": (48.35, 30.30),
    "B17": (48.55, 29.95),  # Fao, the Shatt al-Arab mouth
    # the Kuwaiti border
    "K1": (47.95, 30.00),
    "K2": (47.15, 30.05),
    "T3": (46.55, 29.10),  # Kuwait-Saudi Arabia-Iraq
    # the Saudi border westward
    "S1": (45.40, 29.15),
    "S2": (44.00, 29.60),
    "S3": (43.00, 30.35),
    "S4": (42.30, 31.00),
    "S5": (41.40, 31.40),
    "S6": (40.40, 31.95),
    "T4": (39.20, 32.15),  # Saudi Arabia-Jordan-Iraq
    "T5": (38.80, 33.38),  # Jordan-Syria-Iraq
    # the Syrian border northward
    "Y1": (41.00, 34.42),
    "Y2": (41.25, 34.95),
    "Y3": (41.35, 35.60),
    "Y4": (41.30, 36.20),
    "Y5": (41.85, 36.60),
    "Y6": (42.25, 37.00),
    # inside
    "I1": (42.70, 36.75),
    "I2": (43.30, 36.60),
    "I3": (43.65, 36.45),
    "I4": (44.20, 36.95),
    "I5": (43.30, 35.95),
    "I6": (42.60, 35.00),
    "I7": (43.35, 35.65),
    "I8": (43.55, 35.55),
    "I9": (44.30, 35.85),
    "I11": (44.75, 35.90),
    "I12": (44.75, 36.30),
    "I13": (44.80, 35.15),
    "I14": (45.00, 34.85),
    "I15": (45.45, 34.50),
    "I16": (43.75, 35.10),
    "I17": (44.30, 35.05),
    "I18": (45.80, 35.05),
    "I19": (45.85, 35.33),
    "I20": (44.45, 34.45),
    "I21": (44.45, 33.90),
    "I22": (43.20, 34.30),
    "I23": (43.90, 33.65),
    "I24": (44.20, 33.78),
    "I25": (44.75, 33.35),
    "I26": (44.70, 32.95),
    "I27": (44.00, 33.00),
    "I28": (43.95, 33.30),
    "I29": (45.50, 33.40),
    "I30": (45.00, 32.45),
    "I31": (45.65, 32.00),
    "I32": (46.50, 32.20),
    "I33": (47.20, 31.00),
    "I34": (46.40, 30.40),
    "I35": (45.55, 31.70),
    "I36": (44.70, 31.40),
    "I37": (44.55, 32.15),
    "I38": (44.38, 32.20),
    "I39": (44.10, 32.95),
    "I40": (43.50, 32.75),
    "I41": (43.35, 32.25),
    "I42": (42.60, 31.60),
}

# Governorate (the names of marsad/data/governorates.csv) -> its ring of vertices.
RINGS = {
    "Duhok": ["Y6", "T1", "B1", "B2", "B3", "I4", "I3", "I2", "I1"],
    "Erbil": ["B3", "T2", "B4", "B5", "I12", "I11", "I9", "I8", "I7", "I5", "I3", "I4"],
    "Sulaymaniyah": ["B5", "B6", "B7", "I19", "I18", "B8", "B9", "I15", "I14", "I13", "I11", "I12"],
    "Halabja": ["B7", "B8", "I18", "I19"],
    "Nineveh": ["Y2", "Y3", "Y4", "Y5", "Y6", "I1", "I2", "I3", "I5", "I7", "I6"],
    "Kirkuk": ["I8", "I9", "I11", "I13", "I17", "I16"],
    "Salah al-Din": ["I6", "I7", "I8", "I16", "I17", "I13", "I14", "I20", "I21", "I24", "I23", "I22"],
    "Diyala": ["I14", "I15", "B9", "B10", "B11", "I29", "I25", "I21", "I20"],
    "Baghdad": ["I23", "I24", "I21", "I25", "I26", "I27", "I28"],
    "Anbar": [
        "I22",
        "I23",
        "I28",
        "I27",
        "I39",
        "I40",
        "I41",
        "I42",
        "S4",
        "S5",
        "S6",
        "T4",
        "T5",
        "Y1",
        "Y2",
        "I6",
    ],
    "Wasit": ["I25", "I29", "B11", "B12", "I32", "I31", "I30", "I26"],
    "Babil": ["I27", "I26", "I30", "I37", "I38", "I39"],
    "Karbala": ["I39", "I38", "I41", "I40"],
    "Najaf": ["I37", "I36", "S2", "S3", "S4", "I42", "I41", "I38"],
    "Qadisiyyah": ["I30", "I31", "I35", "I36", "I37"],
    "Muthanna": ["I35", "I34", "T3", "S1", "S2", "I36"],
    "Dhi Qar": ["I31", "I32", "I33", "I34", "I35"],
    "Maysan": ["I32", "B12", "B13", "B14", "B15", "I33"],
    "Basra": ["I33", "B15", "B16", "B16a", "B17", "K1", "K2", "T3", "I34"],
}


def _signed_area(ring: list[tuple[float, float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def outlines() -> dict:
    """The outlines as a GeoJSON FeatureCollection; rings counter-clockwise (RFC 7946)."""
    features = []
    for name, names in RINGS.items():
        ring = [V[n] for n in names]
        if _signed_area(ring) < 0:
            ring.reverse()
        ring.append(ring[0])
        features.append(
            {
                "type": "Feature",
                "properties": {"governorate": name},
                "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]},
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "iraq_governorates_simplified",
        "note": "simplified outlines, not for measurement: hand-drawn, accurate to ~10-30 km "
        "(marsad/report/outlines.py)",
        "features": features,
    }


def load_outlines(path: Path = OUTLINES_PATH) -> dict:
    """The shipped outlines file."""
    return json.loads(path.read_text(encoding="utf-8"))


def point_in_polygon(longitude: float, latitude: float, ring: list[list[float]]) -> bool:
    """Ray casting: whether a point lies inside a closed ring."""
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > latitude) != (y1 > latitude):
            x = x0 + (latitude - y0) * (x1 - x0) / (y1 - y0)
            if longitude < x:
                inside = not inside
    return inside


def governorate_at(longitude: float, latitude: float, collection: dict | None = None) -> str | None:
    """The governorate whose simplified outline holds the point, if any."""
    for feature in (collection or load_outlines())["features"]:
        if point_in_polygon(longitude, latitude, feature["geometry"]["coordinates"][0]):
            return feature["properties"]["governorate"]
    return None


if __name__ == "__main__":
    OUTLINES_PATH.parent.mkdir(parents=True, exist_ok=True)
    OUTLINES_PATH.write_text(json.dumps(outlines(), indent=1) + "\n", encoding="utf-8")
    print(OUTLINES_PATH)
