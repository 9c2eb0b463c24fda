"""Rebuild the web UI's offline assets from npm package tarballs (no network at run time).

The events map draws countries from Natural Earth (public domain) as packaged by ``world-atlas``
(ISC), and uses Leaflet (BSD-2-Clause) and Leaflet.markercluster (MIT). Fetch the tarballs with
the ordinary npm client, then run this script::

    npm pack world-atlas@2.0.2 leaflet@1.9.4 leaflet.markercluster@1.5.3
    .venv/bin/python scripts/build_basemap.py world-atlas-2.0.2.tgz leaflet-1.9.4.tgz \\
        leaflet.markercluster-1.5.3.tgz

It writes ``src/newsgraph/web/static/basemap/countries-110m.geojson`` (the 1:110m TopoJSON
decoded to GeoJSON, coordinates rounded to 0.01°, rings that cross the antimeridian unwrapped
east of 180°, deterministic key order) and copies the
libraries' minified files and licences into ``src/newsgraph/web/static/vendor/``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tarfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "newsgraph" / "web" / "static"

VENDOR_FILES = {
    "leaflet": {
        "package/dist/leaflet.js": "leaflet/leaflet.js",
        "package/dist/leaflet.css": "leaflet/leaflet.css",
        "package/dist/images/layers.png": "leaflet/images/layers.png",
        "package/dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
        "package/LICENSE": "leaflet/LICENSE",
    },
    "leaflet.markercluster": {
        "package/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
        "package/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
        "package/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
        "package/MIT-LICENCE.txt": "markercluster/LICENSE",
    },
}


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded TopoJSON arcs → absolute lon/lat points."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * scale_x + shift_x, 2), round(y * scale_y + shift_y, 2)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A ring from arc indexes (a negative index ~i is arc i reversed); shared ends dropped."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return _unwrapped([[x, y] for x, y in deduped])


def _unwrapped(ring: list[list[float]]) -> list[list[float]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) with its western points moved
    east by 360°, so that the map draws it whole instead of an edge across the world; a ring
    that girdles the globe (Antarctica) keeps its seam."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(ring)):
        return ring
    shifted = [[x + 360 if x < 0 else x, y] for x, y in ring]
    xs = [x for x, _ in shifted]
    return ring if max(xs) - min(xs) > 180 else shifted


def countries_geojson(topology: dict[str, Any]) -> dict[str, Any]:
    """The ``countries`` object of a world-atlas topology as a GeoJSON FeatureCollection."""
    arcs = _decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates: Any = [_ring(r, arcs) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": {"name": geometry["properties"]["name"]},
                "geometry": {"type": geometry["type"], "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(name)
    if handle is None:
        raise SystemExit(f"{name} is not a file in the tarball")
    return handle.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("world_atlas", type=Path, help="world-atlas-2.0.2.tgz")
    parser.add_argument("leaflet", type=Path, help="leaflet-1.9.4.tgz")
    parser.add_argument("markercluster", type=Path, help="leaflet.markercluster-1.5.3.tgz")
    args = parser.parse_args()
    with tarfile.open(args.world_atlas) as archive:
        topology = json.loads(_member(archive, "package/countries-110m.json"))
        licence = _member(archive, "package/LICENSE").decode("utf-8")
    out = STATIC / "basemap"
    out.mkdir(parents=True, exist_ok=True)
    (out / "countries-110m.geojson").write_text(
        json.dumps(countries_geojson(topology), separators=(",", ":")) + "\n", "utf-8"
    )
    (out / "LICENSE-world-atlas").write_text(licence, "utf-8")
    for package, tarball in (
        ("leaflet", args.leaflet),
        ("leaflet.markercluster", args.markercluster),
    ):
        with tarfile.open(tarball) as archive:
            for member, target in VENDOR_FILES[package].items():
                path = STATIC / "vendor" / target
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(_member(archive, member))


if __name__ == "__main__":
    main()
