"""The people table converted from the Phoenix actor dictionary: the conversion's rules
(tools/build_phoenix_people.py, run on a small dictionary written here), the compiled
cache (built once, rebuilt when unreadable, read into memory when it cannot be written),
its place below the hand-written people table, and a name only it knows, coded."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.actors.compiled import CompiledPeople, MemoryPeople, open_people
from eventscribe.actors.knowledge import normalise
from eventscribe.actors.registry import ActorRegistry, RegistryEntry, read_entries
from eventscribe.cli import main

ROOT = Path(__file__).resolve().parents[2]

DICTIONARY = """\
# Generated at: Thu Jan 30 16:06:18 2014
#
SERBIA_  [SRB]
+BELGRADE_
MILAN_PETROVIC_  # CountryInfo.txt
+PETROVIC_
\t[SRBELI]
\t[SRBGOV 050101-080101]
\t[SRBGOV >120601]
BROWN_  # CountryInfo.txt
\t[GBRGOV 900101-950101]
JOHN_CAYMAN_  # CountryInfo.txt
\t[CYMGOV 900101-950101]
HANS_MUELLER_  # CountryInfo.txt
\t[DDRGOV 800101-891231]
"""


def test_the_conversion_keeps_people_with_their_offices(tmp_path: Path) -> None:
    source = tmp_path / "Phoenix.Countries.actors.txt"
    source.write_text(DICTIONARY, encoding="utf-8")
    out = tmp_path / "people.csv"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_phoenix_people.py"), str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    offices = [(r["name"], r["country"], r["sector"], r["valid_from"], r["valid_to"]) for r in rows]
    assert offices == [
        ("Milan Petrovic", "SRB", "ELI", "", ""),
        ("Milan Petrovic", "SRB", "GOV", "2005-01-01", "2008-01-01"),
        # open at its end: closed on the day the dictionary was generated
        ("Milan Petrovic", "SRB", "GOV", "2012-06-01", "2014-01-30"),
        ("Hans Mueller", "DEU", "GOV", "1980-01-01", "1989-12-31"),  # East Germany is DEU
    ]
    assert rows[0]["aliases"] == "Petrovic" and rows[0]["code"] == "SRBELI"
    # the country block is no person; "Brown" is an ordinary word; Cayman no country
    assert "the name is an ordinary English word" in result.stdout
    assert "country code CYM" in result.stdout


def _table(tmp_path: Path) -> Path:
    table = tmp_path / "phoenix_people.csv"
    table.write_text(
        "name,aliases,country,sector,office,valid_from,valid_to,code\n"
        "Milan Petrovic,Petrovic,SRB,ELI,SRBELI,,,SRBELI\n"
        "Milan Petrovic,Petrovic,SRB,GOV,SRBGOV,2005-01-01,2008-01-01,SRBGOV\n"
        "Ana Kovac,,HRV,GOV,HRVGOV,2010-01-01,2012-01-01,HRVGOV\n",
        encoding="utf-8",
    )
    return table


def test_the_compiled_table_is_built_once_and_answers_as_the_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _table(tmp_path)
    first = open_people(table, tmp_path / "cache")
    assert isinstance(first, CompiledPeople)
    assert "building the people table cache" in capsys.readouterr().err
    again = open_people(table, tmp_path / "cache")
    assert isinstance(again, CompiledPeople) and capsys.readouterr().err == ""
    expected = [e for e in read_entries(table) if e.name == "Milan Petrovic"]
    assert list(again.offices(normalise("PETROVIC"))) == expected
    assert list(again.offices(normalise("Milan Petrović"))) == expected  # accents folded
    assert again.offices(normalise("Nobody Known")) == ()
    assert list(again) == read_entries(table)


def test_a_changed_or_unreadable_cache_is_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _table(tmp_path)
    built = open_people(table, tmp_path / "cache")
    assert isinstance(built, CompiledPeople)
    (built.folder / "meta.json").write_text(json.dumps({"format": 99}), encoding="utf-8")
    capsys.readouterr()
    rebuilt = open_people(table, tmp_path / "cache")
    assert "unreadable" in capsys.readouterr().err
    assert [e.name for e in rebuilt.offices(normalise("Ana Kovac"))] == ["Ana Kovac"]
    table.write_text(table.read_text(encoding="utf-8").replace("Ana Kovac", "Ana Horvat"))
    changed = open_people(table, tmp_path / "cache")
    assert isinstance(changed, CompiledPeople) and changed.folder != built.folder
    assert changed.offices(normalise("Ana Kovac")) == ()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [changed.folder.name]


def test_an_unwritable_cache_folder_reads_the_table_into_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _table(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    people = open_people(table, blocked)
    assert isinstance(people, MemoryPeople)
    assert "cannot write the people table cache" in capsys.readouterr().err
    assert [e.sector for e in people.offices(normalise("Petrovic"))] == ["ELI", "GOV"]


def test_the_hand_written_table_answers_where_both_know_the_day(tmp_path: Path) -> None:
    registry = ActorRegistry(base=MemoryPeople(read_entries(_table(tmp_path))))
    registry.add(
        RegistryEntry(
            name="Milan Petrovic", aliases=("Petrovic",), country="SRB", sector="MIL",
            office="army chief",
            office_country=None, valid_from=date(2006, 1, 1), valid_to=date(2007, 1, 1),
            source="people.csv:9",
        )
    )  # fmt: skip
    assert registry.lookup("Petrovic", date(2006, 6, 1)).sector == "MIL"  # type: ignore[union-attr]
    assert registry.lookup("Petrovic", date(2005, 6, 1)).sector == "GOV"  # type: ignore[union-attr]
    answer = registry.lookup("Milan Petrovic", date(2020, 1, 1))
    assert answer is not None and (answer.country, answer.sector) == ("SRB", "ELI")
    assert "phoenix_people.csv:2" in answer.evidence
    assert len(registry.entries) == 4  # the base table's offices are listed too


@pytest.mark.slow
def test_a_person_only_the_converted_table_knows_is_placed(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    text = "Ranil Wickremasinghe criticised the opposition."
    source.write_text(json.dumps({"id": "a", "date": "2018-03-01", "text": text}) + "\n")
    out = tmp_path / "out.jsonl"
    args = ["code", str(source), "--format", "jsonl", "-o", str(out), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    sources = [a for e in doc["events"] for a in e["sources"]]
    assert [(a["text"], a["country"]) for a in sources] == [("Ranil Wickremasinghe", "LKA")]
