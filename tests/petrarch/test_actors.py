"""PETRARCH/TABARI actor dictionaries: read, checked, and used in coding (dictionaries
written for these tests: a fictional country and a dated office)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.petrarch.actors import CodeReader, read_actor_dictionary, registry_entries

from .support import code_texts

DICTIONARY = """# test actors
<!-- a comment block line -->
ARNOR_  [ARN]
+ARNORIAN_
ELENDIL_STONEWRIGHT_  # a dated office
+STONEWRIGHT_
\t[ARNGOV >20200101]
\t[ARNELI <20200101]
GONDOR_ [GON]
BROKEN_ENTRY
\t[ARNGOV 2020-]
"""


@pytest.fixture
def dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "test.actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


def test_every_line_is_read_or_reported_with_file_and_line(dictionary: Path) -> None:
    read = read_actor_dictionary(dictionary)
    assert [a.name for a in read.actors] == [
        "Arnor",
        "Elendil Stonewright",
        "Gondor",
        "Broken Entry",
    ]
    assert read.actors[1].aliases == ["Stonewright"]
    assert [str(s) for s in read.skipped] == ["test.actors.txt:11: unreadable code [ARNGOV 2020-]"]


def test_codes_become_country_and_sector_with_dates(dictionary: Path) -> None:
    entries, skipped = registry_entries(read_actor_dictionary(dictionary), CodeReader.bundled())
    office = next(e for e in entries if e.sector == "GOV")
    assert (office.name, office.country, office.valid_from) == (
        "Elendil Stonewright",
        "ARN",
        date(2020, 1, 1),
    )
    assert any("'Broken Entry' has no code" in str(s) for s in skipped)


def test_check_dictionary_prints_counts(dictionary: Path) -> None:
    result = CliRunner().invoke(main, ["check-dictionary", str(dictionary)])
    assert result.exit_code == 0
    assert "actors 4" in result.output and "converted" in result.output
    assert "test.actors.txt:11: unreadable code" in result.output


@pytest.mark.slow
def test_a_dated_office_and_a_fictional_country_change_the_coding(
    dictionary: Path, tmp_path: Path
) -> None:
    text = "Stonewright accused Gondor of provocations."
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "".join(
            json.dumps({"id": d, "date": d, "text": text}) + "\n"
            for d in ("2019-06-01", "2021-06-01")
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    args = [
        "code",
        str(docs),
        "--format",
        "jsonl",
        "-o",
        str(out),
        "-q",
        "--petrarch-actors",
        str(dictionary),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    sources = {line["id"]: line["events"][0]["source"] for line in lines}
    assert (sources["2021-06-01"]["country"], sources["2021-06-01"]["sector"]) == ("ARN", "GOV")
    assert (sources["2019-06-01"]["country"], sources["2019-06-01"]["sector"]) == ("ARN", "ELI")
    assert all(line["events"][0]["target"]["country"] == "GON" for line in lines)


def test_a_narrower_dated_code_overrides_a_wider_one(tmp_path: Path) -> None:
    """PETRARCH's dictionaries let a short dated code override a longer one it lies in
    (whatever their order in the file); outside it the longer one holds."""
    from eventscribe.actors.registry import ActorRegistry

    path = tmp_path / "nested.actors.txt"
    path.write_text(
        "SAMWISE_HILL_\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n"
        "\t[HOBMIL 20080120-20121109]\n",
        encoding="utf-8",
    )
    entries, _ = registry_entries(read_actor_dictionary(path), CodeReader.bundled())
    registry = ActorRegistry(entries)

    def code_on(day: date) -> str | None:
        answer = registry.lookup("Samwise Hill", day)
        return answer.code if answer else None

    assert code_on(date(2010, 1, 10)) == "ORCHOB"
    assert code_on(date(2011, 5, 1)) == "HOBMIL"
    assert code_on(date(2005, 5, 1)) == "HOBCIV"


@pytest.mark.slow
def test_cameo_conventions_keep_an_actor_dictionarys_code_as_written(tmp_path: Path) -> None:
    lines = _coded_with_actors(
        tmp_path,
        "GONDOR_ [GON]\nBERGIL_HORNBLOWER_ [GONREBXYZ]\n",
        [("a", "2023-02-02", "Bergil Hornblower attacked Gondor.")],
    )
    event = lines[0]["events"][0]
    assert (event["source"]["code"], event["source"]["sector"]) == ("GONREBXYZ", "REB")


@pytest.mark.slow
def test_a_users_dictionary_replaces_the_built_in_meaning_of_a_name(tmp_path: Path) -> None:
    """ "Zimbabwe" is ZWE in the built-in table; a PETRARCH dictionary that codes it RHO
    before independence and ZBW after is followed, by the article's date."""
    text = "Zimbabwe accused Gondor of smuggling."
    lines = _coded_with_actors(
        tmp_path,
        "ZIMBABWE_\n\t[RHO <19800418]\n\t[ZBW >19800418]\nGONDOR_ [GON]\n",
        [("old", "1975-03-01", text), ("new", "2023-03-01", text)],
    )
    assert [x["events"][0]["source"]["code"] for x in lines] == ["RHO", "ZBW"]


@pytest.mark.slow
def test_an_organisation_named_after_the_is_found_in_the_dictionary(tmp_path: Path) -> None:
    """News writes "the Harbour Guild" where the dictionary has HARBOUR_GUILD_, or writes
    "KU" where it has THE_KU: both are the dictionary's actor, coded as it codes them."""
    lines = _coded_with_actors(
        tmp_path,
        "GONDOR_ [GON]\nARNOR_ [ARN]\nHARBOUR_GUILD_ [GONBUS]\nTHE_KU [ARNEDU]\nTHE_AU [IGOAFR]\n",
        [
            ("a", "2023-02-02", "The Harbour Guild accused Arnor of smuggling."),
            ("b", "2023-02-02", "KU accused Gondor of smuggling."),
            # the built-in tables know the AU (IGO); the user's dictionary codes it IGOAFR
            ("c", "2023-02-02", "The AU accused Gondor of smuggling."),
        ],
    )
    codes = [x["events"][0]["source"]["code"] for x in lines]
    assert codes == ["GONBUS", "ARNEDU", "IGOAFR"]


def test_a_country_the_recogniser_takes_for_a_person_is_still_the_country(
    tmp_path: Path,
) -> None:
    """The model labels "Ithilen" in "Ithilen's president" a person; a country's name
    standing alone is the country all the same (not inside a person's longer name)."""
    lines = _coded_with_actors(
        tmp_path,
        "ITHILEN_ [ITH]\nARNOR_ [ARN]\n",
        [("a", "2023-02-02", "Ithilen's president met Arnor's president in Minas Tirith.")],
    )
    event = lines[0]["events"][0]
    assert event["source"]["code"] == "ITHGOV"


def _coded_with_actors(
    tmp_path: Path, dictionary: str, docs: list[tuple[str, str, str]]
) -> list[dict]:
    """The JSONL lines of ``docs`` (id, date, text) coded under CAMEO conventions with the
    PETRARCH actor dictionary ``dictionary``."""
    path = tmp_path / "test.actors.txt"
    path.write_text(dictionary, encoding="utf-8")
    return code_texts(tmp_path, docs, "--conventions", "cameo", "--petrarch-actors", str(path))
