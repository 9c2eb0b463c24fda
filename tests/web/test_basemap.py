"""The events map's shipped basemap (scripts/build_basemap.py)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

BASEMAP = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "newsgraph"
    / "web"
    / "static"
    / "basemap"
    / "countries-110m.geojson"
)


def test_no_country_edge_runs_across_the_map() -> None:
    """Fiji and Chukotka cross the antimeridian: drawn as decoded, an edge from -180° to 180°
    ran across the whole events map at their latitudes (seen on the demo's /events page). Only
    a ring that girdles the globe (Antarctica) may keep its seam."""
    crossing = []
    for feature in json.loads(BASEMAP.read_text("utf-8"))["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for ring in (ring for polygon in polygons for ring in polygon):
            longitudes = [x for x, _ in ring]
            jumps = any(abs(b - a) > 180 for a, b in itertools.pairwise(longitudes))
            if jumps and max(longitudes) - min(longitudes) < 359:
                crossing.append(feature["properties"]["name"])
    assert crossing == []
    assert BASEMAP.read_text("utf-8").count('"Fiji"') == 1
