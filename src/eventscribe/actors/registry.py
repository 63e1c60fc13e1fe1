"""The actor registry: named people and bodies with their country and office over time.

Sources, in order of trust: the user's dictionaries (``--actors FILE``, CSV or YAML),
entries learned from the articles already in the store ("Serbian President Aleksandar
Vucic" on 2023-02-02 teaches that a later bare "Vucic" is SRB GOV; see
:mod:`eventscribe.actors.learned`), and the built-in ``data/people.csv``. Learning is
read from the store when a run starts and fixed for that run, so a run's output does
not depend on how its documents are split into batches or workers.

Offices change, nationality does not: inside an entry's dates the registry gives the
office's country and sector; outside them it gives only the person's nationality, with
sector ELI (a former official) after the office ended. Every answer says which entry it
came from, so the output can show where a code came from.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import yaml

from eventscribe import yamlio
from eventscribe.actors.knowledge import normalise
from eventscribe.errors import DataFileError

COLUMNS = (
    "name",
    "aliases",
    "country",
    "sector",
    "office",
    "office_country",
    "valid_from",
    "valid_to",
    "case_sensitive_aliases",
    "code",
)
REQUIRED = ("name", "country")
# the people converted from the Phoenix actor dictionary (tools/build_phoenix_people.py),
# below people.csv, the table written here: compiled once and memory-mapped (compiled.py)
PHOENIX_PEOPLE = "phoenix_people.csv"


@dataclass(frozen=True)
class RegistryEntry:
    """One office (or one identity) of one actor, valid between two dates."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    office: str
    office_country: str | None
    valid_from: date | None
    valid_to: date | None
    source: str  # "people.csv:12", "my_actors.yaml:4", "learned from doc-7"
    seen_to: date | None = None  # learned entries: the last article that showed them
    code: str | None = None  # the CAMEO code a PETRARCH dictionary gives, as written

    @property
    def learned(self) -> bool:
        return self.source.startswith("learned")

    def covers(self, day: date | None) -> bool:
        if day is None:
            return self.valid_to is None  # undated text: only offices still held
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class RegistryAnswer:
    """What the registry says about a name on a date, and why."""

    name: str
    country: str
    sector: str | None
    evidence: str
    code: str | None = None  # the entry's CAMEO code as its dictionary writes it


class OfficeTable(Protocol):
    """A table of offices read by lookup key (the compiled Phoenix people table)."""

    def offices(self, key: str) -> tuple[RegistryEntry, ...]: ...

    def __iter__(self) -> Iterator[RegistryEntry]: ...


class ActorRegistry:
    """Lookups by name or alias, dated. Learned entries can be added while coding.
    ``base``: a table below every entry added (the people converted from the Phoenix
    dictionary): for a name and a day both know, an added entry answers."""

    def __init__(
        self, entries: Iterable[RegistryEntry] = (), base: OfficeTable | None = None
    ) -> None:
        self._base = base
        self._entries: list[RegistryEntry] = []
        self._by_form: dict[str, list[int]] = {}
        self._user: set[int] = set()  # entries from the user's own dictionaries
        self._keys: dict[str, str] = {}  # form -> lookup key: a person's offices repeat it
        for entry in entries:
            self.add(entry)

    def add(self, entry: RegistryEntry, *, user: bool = False) -> None:
        """Add ``entry``; ``user``: it comes from the user's own dictionary, whose meaning
        of a phrase replaces the built-in one (see :meth:`user_lookup`)."""
        index = len(self._entries)
        self._entries.append(entry)
        if user:
            self._user.add(index)
        keys = self._keys
        for form in entry.forms:
            key = keys.get(form)
            if key is None:
                key = keys[form] = normalise(form)
            self._by_form.setdefault(key, []).append(index)

    @property
    def has_user_entries(self) -> bool:
        return bool(self._user)

    def user_lookup(self, name: str, on: date | None) -> RegistryAnswer | None:
        """What the user's own dictionaries say ``name`` is on that date, or None: asked
        for a phrase the built-in tables also know ("Zimbabwe" coded ZBW or RHO by date in
        a PETRARCH dictionary), whose built-in meaning the user's replaces."""
        indexes = self._by_form.get(normalise(name), ())
        valid = [self._entries[i] for i in indexes if i in self._user]
        valid = [e for e in valid if e.covers(on)]
        return self._answer(_narrowest(valid)) if valid else None

    def _answer(self, entry: RegistryEntry) -> RegistryAnswer:
        where = f"{entry.office} " if entry.office else ""
        span = (
            f"seen {_dates(replace(entry, valid_to=entry.seen_to))}"
            if entry.learned
            else _dates(entry)
        )
        return RegistryAnswer(
            name=entry.name,
            country=entry.office_country or entry.country,
            sector=entry.sector,
            evidence=f"registry: {entry.name}, {where}{span} ({entry.source})",
            code=entry.code,
        )

    @property
    def entries(self) -> tuple[RegistryEntry, ...]:
        """Every entry, the base table's first."""
        return (*(self._base or ()), *self._entries)

    def lookup(self, name: str, on: date | None) -> RegistryAnswer | None:
        """The entry for ``name`` valid ``on`` that date; else the person's nationality."""
        key = normalise(name)
        candidates = [self._entries[i] for i in self._by_form.get(key, [])]
        if self._base is not None:
            candidates = [*self._base.offices(key), *candidates]
        if not candidates:
            return None
        valid = [e for e in candidates if e.covers(on)]
        if valid:
            return self._answer(_narrowest(valid))
        people = {e.name for e in candidates}
        if len(people) > 1:
            countries = {e.country for e in candidates}
            if len(countries) > 1:
                return None  # two people of two countries: no way to choose
            country = countries.pop()  # "Bush" in 2000: one of two Americans
            return RegistryAnswer(
                name=name,
                country=country,
                sector=None,
                evidence=f"registry: '{name}' is one of {len(people)} people of {country}, "
                f"none in office on {on}",
            )
        entry = max(candidates, key=lambda e: e.valid_to or date.max)
        ended = on is not None and entry.valid_to is not None and entry.valid_to < on
        return RegistryAnswer(
            name=entry.name,
            country=entry.country,
            sector="ELI" if ended and entry.sector in {"GOV", "MIL", "LEG", "JUD"} else None,
            evidence=f"registry: {entry.name}, nationality only; {entry.office or 'entry'} "
            f"{_dates(entry)} does not cover {on} ({entry.source})",
        )


def _narrowest(valid: list[RegistryEntry]) -> RegistryEntry:
    """The entry that answers among those valid on a day: user and learned entries were
    added after the built-in ones, so the last source wins; within it, the office with
    the narrowest dates (a dated office inside a longer one overrides it, as PETRARCH's
    dictionaries intend), the later one among equals."""
    source = valid[-1].source.rsplit(":", 1)[0]
    same = [e for e in valid if e.source.rsplit(":", 1)[0] == source]
    return min(reversed(same), key=_days_valid)


def _days_valid(entry: RegistryEntry) -> int:
    return ((entry.valid_to or date.max) - (entry.valid_from or date.min)).days


def load_registry(
    user_files: Sequence[Path] = (),
    learned: Iterable[RegistryEntry] = (),
    petrarch_files: Sequence[Path] = (),
) -> ActorRegistry:
    """The people converted from the Phoenix dictionary (compiled, see compiled.py), the
    hand-written people table, then what earlier runs learned from articles, then the
    user's dictionaries (PETRARCH-format ones, then CSV/YAML ones): for a name valid in
    several, the later source wins."""
    data = resources.files("eventscribe.actors") / "data"
    converted = Path(str(data / PHOENIX_PEOPLE))
    base = None
    if converted.is_file():
        from eventscribe.actors.compiled import open_people
        from eventscribe.arraycache import cache_root

        base = open_people(converted, cache_root())
    registry = ActorRegistry(base=base)
    builtin = Path(str(data / "people.csv"))
    if builtin.is_file():
        for entry in read_entries(builtin):
            registry.add(entry)
    for entry in learned:
        registry.add(entry)
    if petrarch_files:
        from eventscribe.petrarch.actors import CodeReader, read_actor_dictionary, registry_entries

        codes = CodeReader.bundled()
        for path in petrarch_files:
            for entry in registry_entries(read_actor_dictionary(Path(path)), codes)[0]:
                registry.add(entry, user=True)
    for path in user_files:
        for entry in read_entries(Path(path)):
            registry.add(entry, user=True)
    return registry


def read_entries(path: Path) -> list[RegistryEntry]:
    """Entries of a CSV or YAML dictionary; a bad row raises naming file and line."""
    if path.suffix.lower() in {".yaml", ".yml"}:
        rows = _yaml_rows(path)
    else:
        rows = _csv_rows(path)
    return [_entry(row, f"{path.name}:{line}") for line, row in rows]


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(row for row in handle if not row.startswith("#"))
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError(
                    f"{path}: missing column(s) {', '.join(missing)}",
                    fix=f"columns are {', '.join(COLUMNS)}",
                )
            return [(reader.line_num, dict(row)) for row in reader]
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read actor dictionary ({exc})") from exc


def _yaml_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
        root, data = yamlio.compose_and_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read actor dictionary ({exc})") from exc
    if not isinstance(data, list) or root is None:
        raise DataFileError(
            f"{path}: expected a list of actors",
            fix="each item: name, aliases, country, sector, valid_from, valid_to",
        )
    return [(node.start_mark.line + 1, item) for item, node in zip(data, root.value, strict=True)]


def _entry(row: dict[str, Any], where: str) -> RegistryEntry:
    if not isinstance(row, dict):
        raise DataFileError(f"{where}: an actor must be a mapping of fields")
    name = str(row.get("name") or "").strip()
    country = str(row.get("country") or "").strip().upper()
    if not name:
        raise DataFileError(f"{where}: field 'name' is empty")
    if len(country) != 3 or not country.isalpha():
        raise DataFileError(f"{where}: field 'country' must be a 3-letter code, got '{country}'")
    aliases = _forms(row.get("aliases")) + _forms(row.get("case_sensitive_aliases"))
    office_country = str(row.get("office_country") or "").strip().upper() or None
    return RegistryEntry(
        name=name,
        aliases=tuple(str(a) for a in aliases),
        country=country,
        sector=(str(row.get("sector") or "").strip().upper() or None),
        office=str(row.get("office") or "").strip(),
        office_country=office_country,
        valid_from=_date(row.get("valid_from"), where, "valid_from", start=True),
        valid_to=_date(row.get("valid_to"), where, "valid_to", start=False),
        source=where,
        code=str(row.get("code") or "").strip() or None,
    )


def _forms(value: object) -> list[str]:
    """A |-separated cell or a YAML list of names. (Names are only looked up for
    proper-noun tokens, so "Bush" the surname never meets "bush" the plant.)"""
    if not value:
        return []
    if isinstance(value, str):
        return [a.strip() for a in value.split("|") if a.strip()]
    if isinstance(value, list | tuple):
        return [str(a) for a in value]
    return [str(value)]


def _date(value: object, where: str, field: str, *, start: bool) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for its first or last day."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)  # the usual YYYY-MM-DD, read at C speed
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1) if start else date(parts[0], 12, 31)
        if len(parts) == 2:
            if start:
                return date(parts[0], parts[1], 1)
            following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise DataFileError(
            f"{where}: field '{field}' is not a date: '{text}'", fix="use YYYY-MM-DD"
        ) from exc


def _dates(entry: RegistryEntry) -> str:
    start = entry.valid_from.isoformat() if entry.valid_from else "?"
    end = entry.valid_to.isoformat() if entry.valid_to else "now"
    return f"{start}..{end}"
