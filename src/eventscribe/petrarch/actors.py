"""PETRARCH actor dictionaries (``Phoenix.Countries.actors.txt`` and the like).

An entry is a name line ``HAMID_KARZAI_  # comment`` (``_`` joins words; a trailing ``_``
marks the end of a word), optionally with its code on the same line (``ISRAEL [ISR]``),
then ``+ALIAS`` lines and indented code lines, each ``[CODE]``, ``[CODE >YYMMDD]`` (from
that day), ``[CODE <YYMMDD]`` (until that day) or ``[CODE YYMMDD-YYMMDD]``. A code is a
country (3 letters) followed by role codes (``AFGGOV``, ``ARGGOVDEV``). Comments start
with ``#``; ``<!-- ... -->`` lines are comments too.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path

from eventscribe.actors.knowledge import ExtraCountry
from eventscribe.actors.registry import RegistryEntry
from eventscribe.errors import DataFileError
from eventscribe.records import InputProblem

_CODE = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(
    r"^([A-Za-z~]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?$"
)
NONSTATE = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "EUR", "ISM"})


@dataclass(frozen=True)
class DatedCode:
    """One code of an actor, valid between two days (None: open)."""

    code: str
    start: date | None
    end: date | None


@dataclass
class PetrarchActor:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)


@dataclass(frozen=True)
class ActorDictionary:
    path: Path
    actors: tuple[PetrarchActor, ...]
    skipped: tuple[InputProblem, ...]
    lines: int


def read_actor_dictionary(path: Path) -> ActorDictionary:
    """Every entry of a PETRARCH actor dictionary; unusable lines in ``skipped``."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read actor dictionary ({exc})") from exc
    actors: list[PetrarchActor] = []
    skipped: list[InputProblem] = []
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--") or line.endswith("-->"):
            continue
        where = f"{path.name}:{number}"
        if line.startswith("+"):
            _alias(actors, line[1:], where, skipped)
        elif line.startswith("["):
            _codes(actors[-1] if actors else None, line, where, skipped)
        else:
            name = _CODE.split(line, 1)[0].strip()
            actor = PetrarchActor(name=words(name), line=number)
            actors.append(actor)
            if "[" in line:
                _codes(actor, line[line.index("[") :], where, skipped)
    return ActorDictionary(path, tuple(actors), tuple(skipped), len(lines))


def words(token: str) -> str:
    """``HAMID_KARZAI_`` -> ``Hamid Karzai`` (a name as text reads it)."""
    parts = [p for p in re.split(r"[_\s]+", token.strip()) if p]
    return " ".join(p.capitalize() if p.isupper() else p for p in parts)


def _alias(actors: list[PetrarchActor], text: str, where: str, skipped: list[InputProblem]) -> None:
    if not actors:
        skipped.append(InputProblem(where, "alias before any actor"))
        return
    alias = words(_CODE.split(text, 1)[0])
    if alias:
        actors[-1].aliases.append(alias)


def _codes(actor: PetrarchActor | None, text: str, where: str, skipped: list[InputProblem]) -> None:
    if actor is None:
        skipped.append(InputProblem(where, "code before any actor"))
        return
    for inside in _CODE.findall(text):
        if inside.strip() == "---":
            continue  # PETRARCH's null code: the name is known and coded as nobody
        match = _DATED.match(inside.strip())
        if match is None:
            skipped.append(InputProblem(where, f"unreadable code [{inside}]"))
            continue
        code, mark, day, start, end = match.groups()
        if mark == ">":
            actor.codes.append(DatedCode(code.upper(), _day(day), None))
        elif mark == "<":
            actor.codes.append(DatedCode(code.upper(), None, _day(day)))
        else:
            actor.codes.append(DatedCode(code.upper(), _day(start), _day(end)))


def _day(value: str | None) -> date | None:
    """YYMMDD (years before 30 are 20xx) or YYYYMMDD; an impossible day gives None."""
    if not value:
        return None
    if len(value) == 6:
        year = int(value[:2])
        value = f"{2000 + year if year < 30 else 1900 + year}{value[2:]}"
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def _table(name: str, key: str, value: str) -> dict[str, str]:
    path = Path(str(resources.files("eventscribe.petrarch") / "data" / name))
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row[key]: row[value] for row in rows}


@dataclass(frozen=True)
class CodeReader:
    """PETRARCH actor codes as country + PLOVER sector (data/roles.csv, countries.csv)."""

    roles: dict[str, str]
    countries: dict[str, str]

    @classmethod
    def bundled(cls) -> CodeReader:
        return cls(
            _table("roles.csv", "role", "sector"), _table("countries.csv", "petrarch", "iso3")
        )

    def split(self, code: str) -> tuple[str, str | None]:
        """``AFGGOVDEV`` -> ("AFG", "GOV"); ``IGOUNOREF`` -> ("UNO", "REF"); a role not in
        the table gives no sector."""
        country = self.countries.get(code[:3], code[:3])
        if country == "IGO" and code[3:6] in {"UNO", "EUR"}:
            country, code = code[3:6], code[3:]
        roles = [code[i : i + 3] for i in range(3, len(code) - 2, 3)]
        sector = next((self.roles[r] for r in roles if r in self.roles), None)
        return country, sector

    def join(self, country: str | None, sector: str | None) -> str | None:
        """The CAMEO actor code of a country and PLOVER sector, the inverse of
        :meth:`split`: ("XKX", "JRN") -> "KSVMED" (the first code listed for each)."""
        first_country, first_role = self._inverse
        head = first_country.get(country or "", country or "")
        if head in {"UNO", "EUR"}:
            head = "IGO" + head
        return head + (first_role.get(sector or "", sector or "")) or None

    @cached_property
    def _inverse(self) -> tuple[dict[str, str], dict[str, str]]:
        """(ISO3 -> first PETRARCH country code, PLOVER sector -> first role code)."""
        return (
            {iso: code for code, iso in reversed(self.countries.items())},
            {plover: role for role, plover in reversed(self.roles.items())},
        )


def registry_entries(
    dictionary: ActorDictionary, codes: CodeReader, *, people_only: bool = False
) -> tuple[list[RegistryEntry], list[InputProblem]]:
    """Registry entries of the dictionary's actors: one per code, undated codes first (a
    dated office then wins inside its dates). ``people_only`` keeps actors whose codes
    give a sector (people and institutions), leaving out bare country names."""
    entries: list[RegistryEntry] = []
    skipped: list[InputProblem] = []
    for actor in dictionary.actors:
        where = f"{dictionary.path.name}:{actor.line}"
        usable = [
            c for c in actor.codes if len(c.code) >= 3 and c.code[:3].isalpha() and c.code != "---"
        ]
        if not usable:
            skipped.append(InputProblem(where, f"'{actor.name}' has no code"))
            continue
        if people_only and not any(
            codes.split(c.code)[1] or codes.split(c.code)[0] in NONSTATE for c in usable
        ):
            skipped.append(
                InputProblem(where, f"'{actor.name}' is a country name, not a person or body")
            )
            continue
        for dated in sorted(usable, key=lambda c: c.start is not None or c.end is not None):
            country, sector = codes.split(dated.code)
            entry = RegistryEntry(
                name=actor.name, aliases=_aliases(actor), country=country, sector=sector,
                office=dated.code, office_country=None, valid_from=dated.start,
                valid_to=dated.end, source=where, code=dated.code,
            )  # fmt: skip
            entries.append(entry)
    return entries, skipped


def _aliases(actor: PetrarchActor) -> tuple[str, ...]:
    """The actor's aliases, and each form that begins with "The" without it: a dictionary
    writes THE_SHIRE or THE_UNITED_NATIONS_ where the text's "the" is no part of the name
    the tagger looks up."""
    forms = [actor.name, *actor.aliases]
    bare = [f[4:] for f in forms if f.lower().startswith("the ") and len(f) > 4]
    return tuple(dict.fromkeys(f for f in (*actor.aliases, *bare) if f != actor.name))


def country_entries(dictionary: ActorDictionary, codes: CodeReader) -> list[ExtraCountry]:
    """The dictionary's entries that name a country: every code a bare country code
    (``GONDOR [GON]``, ``HERMIT_KINGDOM [PRK]``), matched like built-in country names.
    A name listed under two countries keeps the first."""
    found = []
    claimed: set[str] = set()
    for actor in dictionary.actors:
        bare = {c.code for c in actor.codes if c.start is None and c.end is None}
        if len(bare) != 1 or not actor.codes or any(c.code not in bare for c in actor.codes):
            continue
        code = bare.pop()
        if len(code) != 3 or not code.isalpha() or code in NONSTATE:
            continue
        where = f"{dictionary.path.name}:{actor.line}"
        forms = tuple(f for f in dict.fromkeys((actor.name, *_aliases(actor))) if f not in claimed)
        claimed.update(forms)
        found.append(ExtraCountry(actor.name.title(), forms, codes.split(code)[0], where))
    return found


def summary_lines(dictionary: ActorDictionary, codes: CodeReader) -> list[str]:
    """What ``check-dictionary`` prints for an actor dictionary: counts, then the skipped
    lines (the first ten) with file, line and reason."""
    entries, unused = registry_entries(dictionary, codes)
    skipped = [*dictionary.skipped, *unused]
    dated = sum(e.valid_from is not None or e.valid_to is not None for e in entries)
    reasons: dict[str, int] = {}
    for item in skipped:
        key = item.reason.split("'")[-1].strip() or item.reason
        reasons[key] = reasons.get(key, 0) + 1
    lines = [
        f"{dictionary.path}: actors dictionary, {dictionary.lines} lines read",
        f"  actors {len(dictionary.actors)}, aliases {sum(len(a.aliases) for a in dictionary.actors)}",
        f"  converted {len(entries)} registry entries ({dated} with dates)",
        f"  skipped {len(skipped)}"
        + "".join(f"\n    {n} {why}" for why, n in sorted(reasons.items())),
    ]
    lines += [f"  {item}" for item in skipped[:10]]
    return lines
