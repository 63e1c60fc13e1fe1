"""The actor registry: dated offices, user dictionaries, and learning across articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventscribe.actors.registry import ActorRegistry, read_entries
from eventscribe.config import Settings
from eventscribe.errors import DataFileError
from eventscribe.pipeline import Coder
from eventscribe.records import Article

DICTIONARY = """name,aliases,country,sector,office,office_country,valid_from,valid_to
Maria Example,Example,ESP,GOV,foreign minister,,2015-01-10,2019-06-30
Jan Testperson,Testperson,POL,GOV,EU trade commissioner,EUR,2020-02,
Pat Double,Double,CAN,GOV,prime minister,,1990,1993
Lee Double,Double,AUS,GOV,prime minister,,2001,2004
"""


@pytest.fixture()
def registry(tmp_path: Path) -> ActorRegistry:
    path = tmp_path / "mine.csv"
    path.write_text(DICTIONARY, encoding="utf-8")
    return ActorRegistry(read_entries(path))


def test_office_inside_its_dates_gives_country_and_sector(registry):
    answer = registry.lookup("Example", date(2017, 5, 1))
    assert (answer.name, answer.country, answer.sector) == ("Maria Example", "ESP", "GOV")
    assert "mine.csv:2" in answer.evidence


def test_after_the_office_only_nationality_and_former_official(registry):
    answer = registry.lookup("Maria Example", date(2021, 1, 1))
    assert (answer.country, answer.sector) == ("ESP", "ELI")
    assert "does not cover" in answer.evidence


def test_office_of_an_international_body_gives_its_code(registry):
    assert registry.lookup("Testperson", date(2022, 3, 1)).country == "EUR"


def test_shared_surname_is_chosen_by_date_and_refused_without_one(registry):
    assert registry.lookup("Double", date(1991, 6, 1)).name == "Pat Double"
    assert registry.lookup("Double", date(2003, 6, 1)).name == "Lee Double"
    assert registry.lookup("Double", date(1997, 6, 1)) is None


def test_bad_row_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "- name: Someone\n  country: SRB\n- name: Other\n  country: Serbia\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=r"bad\.yaml:3: field 'country'"):
        read_entries(path)


@pytest.mark.slow
def test_a_name_introduced_with_a_title_is_known_in_later_runs(tmp_path):
    from click.testing import CliRunner

    from eventscribe.cli import main

    store = tmp_path / "s.duckdb"
    first = tmp_path / "first.jsonl"
    first.write_text(
        '{"id": "one", "date": "2022-06-01", "text": "Montenegrin Prime Minister Petar Invencic visited Skopje."}\n',
        encoding="utf-8",
    )
    later = tmp_path / "later.jsonl"
    later.write_text(
        '{"id": "two", "date": "2022-06-09", "text": "Invencic criticised Serbia."}\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(main, ["code", str(first), "--store", str(store), "-q"]).exit_code == 0
    result = runner.invoke(
        main, ["code", str(later), "--store", str(store), "--format", "jsonl", "-q"]
    )
    assert result.exit_code == 0, result.output
    import json

    (line,) = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    sources = [(e["source"]["country"], e["source"]["sector"]) for e in line["events"]]
    assert sources == [("MNE", "GOV")]


@pytest.mark.slow
def test_user_dictionary_resolves_a_bare_name(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- name: Ivo Invented\n  aliases: [Invented]\n  country: HRV\n  sector: MIL\n  valid_from: 2020\n",
        encoding="utf-8",
    )
    coder = Coder.build(Settings(actor_files=(path,)))
    text = "Invented threatened Bosnia."
    events = coder.analyse_text(
        text, Article(doc_id="u", text=text, date=date(2023, 1, 5))
    ).coded.events
    assert [(e.source.name, e.source.country, e.source.sector) for e in events] == [
        ("Ivo Invented", "HRV", "MIL")
    ]


def test_shared_surname_of_one_country_gives_the_country(tmp_path):
    path = tmp_path / "same.csv"
    path.write_text(
        "name,aliases,country,sector,office,office_country,valid_from,valid_to\n"
        "Ann Same,Same,NOR,GOV,prime minister,,1990,1993\n"
        "Bo Same,Same,NOR,GOV,prime minister,,2001,2004\n",
        encoding="utf-8",
    )
    answer = ActorRegistry(read_entries(path)).lookup("Same", date(1997, 1, 1))
    assert (answer.country, answer.sector) == ("NOR", None)


@pytest.mark.slow
def test_undated_article_reads_offices_on_the_latest_day_it_states(tmp_path):
    path = tmp_path / "offices.csv"
    path.write_text(
        "name,aliases,country,sector,office,office_country,valid_from,valid_to\n"
        "Ivo Branimir,Branimir,HRV,GOV,president,,2014-06-07,2019-05-20\n"
        "Ivo Branimir,Branimir,HRV,OPP,opposition leader,,2019-05-20,\n",
        encoding="utf-8",
    )
    coder = Coder.build(Settings(actor_files=(path,)))

    def source_of(text: str) -> tuple[str | None, str | None]:
        (event,) = coder.analyse_text(text, Article(doc_id="u", text=text)).coded.events
        return event.source.country, event.source.sector

    # no publication date: the report says when it was written
    assert source_of(
        "Branimir criticised Bosnia on Monday. On March 28, 2018, parliament met."
    ) == ("HRV", "GOV")
    # nothing says when: only the office still held counts, as before
    assert source_of("Branimir criticised Bosnia on Monday.") == ("HRV", "OPP")
