"""Actor knowledge: the tables that say which words name which actors.

The data lives in ``eventscribe/actors/data/*.csv`` (see the README there). This module
reads and validates it and answers three questions for the actor tagger:

* :meth:`ActorKnowledge.lookup` - which country, organisation or group does a phrase
  name ("Belgrade" -> Serbia, capital; "U.S." -> United States; "Serbs" -> Serb people)?
* :meth:`ActorKnowledge.role` - which PLOVER sector does a noun or title give
  ("troops" -> MIL, "President" -> GOV)?
* :meth:`ActorKnowledge.phrases` - every surface form, to build a spaCy PhraseMatcher.

Lookups are normalised (case, a leading "the", dots, hyphens, curly quotes, accents)
except for short capitalised forms such as "US" or "WHO", which match case-sensitively
so that the words "us" and "who" never become actors.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from eventscribe.errors import DataFileError

KINDS = (
    "country", "capital", "demonym", "organisation", "institution", "partial", "region", "ethnic",
)  # fmt: skip
ROLE_KINDS = ("title", "noun", "both")
ENTITY_COLUMNS = ("name", "aliases", "country", "sector")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
    }
)
_ASCII_QUOTES = tuple(chr(k) for k in _QUOTES if k < 128)  # the backtick
_CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class KnownActor:
    """What a phrase names: ``country`` is ISO alpha-3 or a PLOVER non-state code
    (``None`` for an ethnic group without a home country); ``evidence`` says which
    data row matched, so a user can see and fix it."""

    name: str
    country: str | None
    sector: str | None
    kind: str
    evidence: str
    code: str | None = None  # a registry entry's CAMEO code as its dictionary writes it


@dataclass(frozen=True)
class Role:
    """A noun or title that gives a sector: ``kind`` is "title" (before a name:
    "President Vucic"), "noun" (heads a phrase: "the army") or "both"."""

    word: str
    sector: str  # "" when only ``code`` says what the role is
    kind: str
    code: str = ""  # an agent dictionary's role code as written ("~MOP", "NGO~"); see Actor


@dataclass(frozen=True)
class ExtraCountry:
    """A country (or non-state body) named by a user's dictionary, e.g. a PETRARCH actor
    entry whose code is a bare country code (``GONDOR [GON]``): its names are matched
    like the built-in country names and replace their meaning."""

    name: str
    forms: tuple[str, ...]
    code: str
    source: str


@dataclass(frozen=True)
class _Entry:
    surface: str
    case_sensitive: bool
    actor: KnownActor
    source: str


def normalise(phrase: str, *, fold_case: bool = True) -> str:
    """The lookup key of ``phrase``: straight quotes, no accents, no dots, hyphens as
    spaces, single spaces, no leading "the", and casefolded unless ``fold_case`` is off."""
    # str.translate looks every character up: skipped when no mapped mark is there
    plain = phrase.isascii() and not any(mark in phrase for mark in _ASCII_QUOTES)
    text = phrase if plain else phrase.translate(_QUOTES)
    if not text.isascii():  # ASCII has no accents to strip
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace(".", "").replace("-", " ")
    text = " ".join(text.split()).strip(' ,;:"')
    if text.casefold().startswith("the "):
        text = text[4:]
    return text.casefold() if fold_case else text


def is_short_acronym(surface: str) -> bool:
    """True for forms like "US", "U.N." or "WHO": at most three letters, all capitals.
    These always match case-sensitively, even when listed among ordinary aliases."""
    bare = surface.replace(".", "").replace("-", "").strip()
    return 0 < len(bare) <= 3 and bare.isupper()


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _data_dir() -> Path:
    return Path(str(resources.files("eventscribe.actors") / "data"))


def _read_rows(path: Path, required: Sequence[str]) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of a UTF-8 CSV file as ("file:line", row); skips blank and "#" rows."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(
            f"{path}: cannot be read as UTF-8 text ({exc})",
            fix="check the path and save the file as UTF-8 CSV",
        ) from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(
            f"{path}:1: missing column(s) {', '.join(missing)}",
            fix=f"the header must contain: {', '.join(required)}",
        )
    for row in reader:
        where = f"{path}:{reader.line_num}"
        if None in row:
            raise DataFileError(
                f"{where}: more cells than header columns",
                fix='quote cells that contain commas ("a, b")',
            )
        values = {k: (v or "").strip() for k, v in row.items()}
        first = next(iter(values.values()), "")
        if any(values.values()) and not first.startswith("#"):
            yield where, values


def _need(row: dict[str, str], column: str, where: str) -> str:
    value = row.get(column, "")
    if not value:
        raise DataFileError(f"{where}: empty {column!r}", fix=f"fill in the {column} column")
    return value


class _Checker:
    """Validates codes against sectors.csv, nonstate_codes.csv and countries.csv."""

    def __init__(
        self, sectors: Mapping[str, str], countries: Iterable[str], nonstate: Iterable[str]
    ) -> None:
        self.sectors = sectors
        self.countries = frozenset(countries)
        self.codes = self.countries | frozenset(nonstate)

    def sector(self, value: str, where: str, *, required: bool = False) -> str | None:
        if not value and not required:
            return None
        if value not in self.sectors:
            raise DataFileError(
                f"{where}: unknown sector {value!r}",
                fix=f"use one of {', '.join(sorted(self.sectors))}",
            )
        return value

    def country(self, value: str, where: str, *, required: bool = True) -> str | None:
        if not value and not required:
            return None
        if value not in self.codes:
            raise DataFileError(
                f"{where}: unknown country code {value!r}",
                fix="use an ISO alpha-3 code listed in countries.csv or a "
                "non-state code from nonstate_codes.csv (IGO, UNO, EUR...)",
            )
        return value


def _read_sectors(data: Path) -> dict[str, str]:
    sectors: dict[str, str] = {}
    for where, row in _read_rows(data / "sectors.csv", ("code", "description")):
        code = _need(row, "code", where)
        if not _CODE.fullmatch(code):
            raise DataFileError(f"{where}: sector code {code!r} is not 3 capital letters")
        sectors[code] = row["description"]
    return sectors


def _read_nonstate(data: Path) -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    broader: dict[str, str] = {}
    for where, row in _read_rows(data / "nonstate_codes.csv", ("code", "name")):
        code = _need(row, "code", where)
        if not _CODE.fullmatch(code):
            raise DataFileError(f"{where}: code {code!r} is not 3 capital letters")
        names[code] = _need(row, "name", where)
        if row.get("broader"):
            broader[code] = row["broader"]
    return names, broader


def _forms(cells: Iterable[str], marked: set[str]) -> Iterator[tuple[str, bool]]:
    for surface in cells:
        yield surface, surface in marked or is_short_acronym(surface)


def _country_entries(path: Path, names: dict[str, str]) -> Iterator[_Entry]:
    """Entries from countries.csv; fills ``names`` (iso3 -> canonical name)."""
    required = ("iso3", "name", "aliases", "case_sensitive_aliases", "demonyms", "capitals")
    for where, row in _read_rows(path, required):
        iso3, name = _need(row, "iso3", where), _need(row, "name", where)
        if not _CODE.fullmatch(iso3):
            raise DataFileError(
                f"{where}: iso3 {iso3!r} is not 3 capital letters",
                fix="use the ISO 3166 alpha-3 code, e.g. SRB",
            )
        if iso3 in names:
            raise DataFileError(f"{where}: {iso3} is listed twice", fix="merge the two rows")
        names[iso3] = name
        marked = set(_split(row["case_sensitive_aliases"]))
        columns = {
            "country": [name, *_split(row["aliases"])],
            "demonym": _split(row["demonyms"]),
            "capital": _split(row["capitals"]),
        }
        columns["country"] += sorted(marked - {s for v in columns.values() for s in v})
        says = {
            "country": f"names {name}",
            "demonym": f"is a demonym of {name}",
            "capital": f"is the capital of {name}",
        }
        for kind, cells in columns.items():
            for surface, exact in _forms(cells, marked):
                evidence = f"{surface!r} {says[kind]} ({where})"
                yield _Entry(surface, exact, KnownActor(name, iso3, None, kind, evidence), where)


def _entity_entries(path: Path, kind: str, check: _Checker) -> Iterator[_Entry]:
    """Entries from a name/aliases/country/sector table (organisations, institutions,
    partial entities, a user's file). In a user's file non-state codes make the row
    an organisation, other codes an institution."""
    for where, row in _read_rows(path, ENTITY_COLUMNS):
        name = _need(row, "name", where)
        country = check.country(_need(row, "country", where), where)
        sector = check.sector(row["sector"], where)
        row_kind = kind or ("institution" if country in check.countries else "organisation")
        marked = set(_split(row.get("case_sensitive_aliases", "")))
        cells = [name, *_split(row["aliases"])]
        cells += sorted(marked - set(cells))
        for surface, exact in _forms(cells, marked):
            evidence = f"{surface!r} names the {row_kind} {name} ({where})"
            yield _Entry(
                surface, exact, KnownActor(name, country, sector, row_kind, evidence), where
            )


def _ethnic_entries(path: Path, check: _Checker, ethnic: dict[str, str]) -> Iterator[_Entry]:
    for where, row in _read_rows(path, ("word", "ethnicity", "country")):
        word, canonical = _need(row, "word", where), _need(row, "ethnicity", where)
        country = check.country(row["country"], where, required=False)
        ethnic[normalise(word)] = canonical
        evidence = f"{word!r} names the {canonical} ethnic group ({where})"
        yield _Entry(word, False, KnownActor(canonical, country, None, "ethnic", evidence), where)


def _read_roles(path: Path, check: _Checker) -> dict[str, tuple[Role, str]]:
    roles: dict[str, tuple[Role, str]] = {}
    for where, row in _read_rows(path, ("word", "sector", "kind")):
        word = _need(row, "word", where)
        sector = check.sector(_need(row, "sector", where), where, required=True)
        kind = _need(row, "kind", where)
        if kind not in ROLE_KINDS:
            raise DataFileError(f"{where}: kind {kind!r} is not one of {', '.join(ROLE_KINDS)}")
        key = normalise(word)
        if key in roles and roles[key][0].sector != sector:
            raise DataFileError(
                f"{where}: {word!r} already has sector {roles[key][0].sector} at {roles[key][1]}",
                fix="keep one row per word",
            )
        roles.setdefault(key, (Role(word, sector or "", kind), where))  # sector is required
    return roles


def _index(entries: Iterable[_Entry]) -> dict[tuple[str, bool], list[_Entry]]:
    """Group entries by (key, case_sensitive); one key naming two countries is an error."""
    index: dict[tuple[str, bool], list[_Entry]] = {}
    for entry in entries:
        key = (normalise(entry.surface, fold_case=not entry.case_sensitive), entry.case_sensitive)
        bucket = index.setdefault(key, [])
        for other in bucket:
            a, b = entry.actor.country, other.actor.country
            if a and b and a != b:
                raise DataFileError(
                    f"{entry.source}: {entry.surface!r} names {a}, but {other.source} "
                    f"already maps it to {b}",
                    fix="remove the ambiguous alias from one of the rows",
                )
        same = (entry.actor.name, entry.actor.country, entry.actor.kind)
        if all((o.actor.name, o.actor.country, o.actor.kind) != same for o in bucket):
            bucket.append(entry)
    return index


def _singulars(word: str) -> Iterator[str]:
    word = word.removesuffix("'s")
    yield word
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("men"):
        yield word[:-3] + "man"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s"):
        yield word[:-1]


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh")):
        return word + "es"
    return word if word.endswith("s") else word + "s"


def _head_variants(phrase: str, change: Callable[[str], Iterable[str]]) -> Iterator[str]:
    """Apply ``change`` (a word -> words function) to the head noun of ``phrase``:
    the word before " of " ("secretaries of state") or else the last word."""
    head, sep, rest = phrase.partition(" of ")
    before, _, last = head.rpartition(" ")
    for variant in change(last):
        yield f"{before} {variant}".strip() + (f"{sep}{rest}" if sep else "")


class ActorKnowledge:
    """Read-only view of the actor tables; build it with :func:`load_actor_knowledge`."""

    def __init__(
        self,
        entries: Sequence[_Entry],
        index: dict[tuple[str, bool], list[_Entry]],
        roles: dict[str, tuple[Role, str]],
        ethnic: dict[str, str],
        names: dict[str, str],
        sectors: dict[str, str],
        broader: dict[str, str],
    ) -> None:
        self._index = {k: tuple(v) for k, v in index.items()}
        self._surfaces = frozenset(
            (e.surface, "ethnic" if e.actor.kind == "ethnic" else "actor", e.case_sensitive)
            for e in entries
        )
        self._roles = {k: v[0] for k, v in roles.items()}
        self._country_forms = tuple(
            (e.surface, e.actor) for e in entries if e.actor.kind == "country"
        )
        self._ethnic = dict(ethnic)
        self._names = dict(names)
        self._broader = dict(broader)
        self._sectors: Mapping[str, str] = MappingProxyType(dict(sectors))

    @property
    def sectors(self) -> Mapping[str, str]:
        """The allowed PLOVER sector codes and their descriptions (sectors.csv)."""
        return self._sectors

    def lookup(self, phrase: str) -> list[KnownActor]:
        """Every actor ``phrase`` may name, best first: case-sensitive matches, then
        normalised ones. A trailing possessive ("Serbia's") is ignored. Empty if none."""
        found: dict[tuple[str, str | None, str | None, str], KnownActor] = {}
        for text in (phrase, re.sub(r"['\u2019]s?$", "", phrase.strip())):
            for key in ((normalise(text, fold_case=False), True), (normalise(text), False)):
                for entry in self._index.get(key, ()):
                    actor = entry.actor
                    found.setdefault((actor.name, actor.country, actor.sector, actor.kind), actor)
            if found:
                break
        return list(found.values())

    def role(self, word_or_phrase: str) -> Role | None:
        """The role a noun or title gives ("Ministers", "secretaries of state"), or None."""
        key = normalise(word_or_phrase)
        for candidate in (key, *_head_variants(key, _singulars)):
            if candidate in self._roles:
                return self._roles[candidate]
        return None

    def ethnicity(self, word: str) -> str | None:
        """The canonical ethnic group a word names ("Serbs" -> "Serb"), or None."""
        return self._ethnic.get(normalise(word))

    def phrases(self) -> Iterator[tuple[str, str]]:
        """(surface form, "actor" | "role" | "ethnic") for every case-insensitive form,
        role plurals included; match these on lower case. Case-sensitive forms are in
        :meth:`case_sensitive_phrases` and must be matched on the exact text."""
        seen = {(surface, what) for surface, what, exact in self._surfaces if not exact}
        for role in self._roles.values():
            words = [role.word]
            if role.word.count(" ") == 1:
                # a two-word role is as often written with a hyphen ("vice-president",
                # "think-tank"); its key is the same (normalise reads hyphens as spaces)
                words.append(role.word.replace(" ", "-"))
            for word in words:
                seen.add((word, "role"))
                seen.update((p, "role") for p in _head_variants(word, lambda w: [_plural(w)]))
        yield from sorted(seen)

    def case_sensitive_phrases(self) -> Iterator[tuple[str, str]]:
        """(surface form, "actor") for forms that only match with this exact case ("US")."""
        yield from sorted({(surface, what) for surface, what, exact in self._surfaces if exact})

    def country_forms(self) -> tuple[tuple[str, KnownActor], ...]:
        """(surface form, country) for every name and alias of a country in countries.csv."""
        return self._country_forms

    def country_name(self, iso3: str) -> str:
        """The canonical name of a country or non-state code ("SRB" -> "Serbia")."""
        try:
            return self._names[iso3]
        except KeyError:
            raise KeyError(f"unknown country code {iso3!r}") from None

    @property
    def country_codes(self) -> frozenset[str]:
        """All known codes: ISO alpha-3 countries and PLOVER non-state codes."""
        return frozenset(self._names)

    def broader_code(self, code: str) -> str | None:
        """The more general non-state code, if any ("UNO" -> "IGO", "EUR" -> "IGO"),
        for comparing with data that codes UN and EU bodies as IGO."""
        return self._broader.get(code)


def load_actor_knowledge(
    extra_files: Sequence[Path] = (),
    extra_roles: Sequence[Role] = (),
    extra_countries: Sequence[ExtraCountry] = (),
    *,
    bundled_roles: bool = True,
) -> ActorKnowledge:
    """Read and validate the built-in tables, then merge the user's ``extra_files``
    over them (CSV with columns name, aliases, country, sector; optional
    case_sensitive_aliases, note). A phrase defined in a user file replaces the
    built-in meaning of that phrase; so do a word of ``extra_roles`` (the roles of
    PETRARCH agent dictionaries) and a name of ``extra_countries``. With
    ``bundled_roles`` false the role words are those of ``extra_roles`` only. Raises
    DataFileError naming the file and line."""
    data = _data_dir()
    sectors = _read_sectors(data)
    nonstate, broader = _read_nonstate(data)
    names: dict[str, str] = {}
    entries = list(_country_entries(data / "countries.csv", names))
    check = _Checker(sectors, names, nonstate)
    names.update(nonstate)
    for file, kind in (
        ("organisations.csv", "organisation"),
        ("institutions.csv", "institution"),
        ("partial_entities.csv", "partial"),
        ("regions.csv", "region"),
    ):
        entries += _entity_entries(data / file, kind, check)
    ethnic: dict[str, str] = {}
    entries += _ethnic_entries(data / "ethnic_groups.csv", check, ethnic)
    index = _index(entries)
    user: list[_Entry] = []
    for path in extra_files:
        user += _entity_entries(Path(path), "", check)
    index.update(_index(user))
    countries = [
        _Entry(form, False, KnownActor(c.name, c.code, None, "country", f"{form!r} names "
               f"{c.name} ({c.source})"), c.source)
        for c in extra_countries
        for form in c.forms
    ]  # fmt: skip
    index.update(_index(countries))
    names.update({c.code: c.name for c in extra_countries if c.code not in names})
    roles = _read_roles(data / "roles.csv", check) if bundled_roles else {}
    for role in extra_roles:
        if role.sector or not role.code:
            check.sector(role.sector, role.word, required=True)
        roles[normalise(role.word)] = (role, "agent dictionary")
    return ActorKnowledge(entries + user + countries, index, roles, ethnic, names, sectors, broader)
