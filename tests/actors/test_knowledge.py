"""The actor knowledge tables: what a user sees when a phrase is looked up."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscribe.actors.knowledge import ActorKnowledge, load_actor_knowledge, normalise
from eventscribe.errors import DataFileError

UN_MEMBERS = 193


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return load_actor_knowledge()


def countries(kb: ActorKnowledge, phrase: str) -> list[tuple[str | None, str]]:
    return [(a.country, a.kind) for a in kb.lookup(phrase)]


def write(tmp_path: Path, text: str, name: str = "mine.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_un_member_and_the_special_cases_are_there(kb: ActorKnowledge) -> None:
    iso = {
        code
        for code in kb.country_codes
        if code not in {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
    }
    assert len(iso) >= UN_MEMBERS + 3
    assert {"XKX", "PSE", "TWN", "VAT", "HKG"} <= iso
    assert kb.country_name("SRB") == "Serbia"
    assert kb.country_name("EUR") == "European Union"


def test_kosovo_and_serbia(kb: ActorKnowledge) -> None:
    assert countries(kb, "Kosovo") == [("XKX", "country")]
    assert countries(kb, "Pristina") == [("XKX", "capital")]
    assert countries(kb, "Kosovars") == [("XKX", "demonym")]
    assert countries(kb, "Belgrade") == [("SRB", "capital")]
    assert countries(kb, "Serbian") == [("SRB", "demonym")]
    assert countries(kb, "Serbia's") == [("SRB", "country")]
    assert "Belgrade" in kb.lookup("Belgrade")[0].evidence
    assert "countries.csv:" in kb.lookup("Belgrade")[0].evidence


def test_serbs_are_an_ethnic_group_not_the_country(kb: ActorKnowledge) -> None:
    assert countries(kb, "Serbs") == [(None, "ethnic")]
    assert kb.ethnicity("Serbs") == "Serb"
    assert kb.ethnicity("Serbian") is None
    assert countries(kb, "Kosovo Serbs") == [("XKX", "ethnic")]
    assert set(countries(kb, "Albanians")) == {("ALB", "demonym"), (None, "ethnic")}


def test_us_matches_only_in_capitals_but_dotted_forms_are_normalised(kb: ActorKnowledge) -> None:
    assert countries(kb, "US") == [("USA", "country")]
    assert kb.lookup("us") == []
    for form in ("U.S.", "the U.S.", "U.S.A.", "United States of America", "america"):
        assert countries(kb, form) == [("USA", "country")], form
    assert kb.lookup("WHO")[0].country == "UNO"
    assert kb.lookup("who") == []
    assert kb.lookup("turkey") == [] and kb.lookup("Turkey")[0].country == "TUR"


def test_spelling_variants_are_normalised(kb: ActorKnowledge) -> None:
    assert normalise("  The  Côte d’Ivoire ") == "cote d'ivoire"
    assert kb.lookup("COTE D'IVOIRE")[0].country == "CIV"
    assert kb.lookup("al Qaeda")[0].country == kb.lookup("Al-Qaeda")[0].country == "IMG"


def test_organisations(kb: ActorKnowledge) -> None:
    eu, un, nato = kb.lookup("EU")[0], kb.lookup("UN Security Council")[0], kb.lookup("NATO")[0]
    assert (eu.country, eu.kind) == ("EUR", "organisation")
    assert un.country == "UNO" and kb.lookup("U.N. Security Council")[0] == un
    assert nato.country == "IGO"
    assert (kb.lookup("Hamas")[0].country, kb.lookup("Hamas")[0].sector) == ("PSE", "REB")
    assert kb.broader_code("UNO") == "IGO" and kb.broader_code("IGO") is None
    assert len(kb.lookup("UNICEF")) == 1  # "UNICEF" and "Unicef" are one organisation


def test_institutions_and_partial_entities(kb: ActorKnowledge) -> None:
    pentagon = kb.lookup("the Pentagon")[0]
    assert (pentagon.country, pentagon.sector, pentagon.kind) == ("USA", "MIL", "institution")
    assert (kb.lookup("Kremlin")[0].country, kb.lookup("Kremlin")[0].sector) == ("RUS", "GOV")
    assert kb.lookup("Kosovo Police")[0].sector == "COP"
    abkhazia = kb.lookup("Abkhazia")[0]
    assert (abkhazia.country, abkhazia.sector, abkhazia.kind) == ("GEO", "PRE", "partial")


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("President", "GOV"),
        ("ministers", "GOV"),
        ("Foreign Minister", "GOV"),
        ("secretary of state", "GOV"),
        ("secretaries of state", "GOV"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("police", "COP"),
        ("policemen", "COP"),
        ("rebels", "REB"),
        ("protesters", "CVL"),
        ("residents", "CVL"),
        ("judges", "JUD"),
        ("lawmakers", "LEG"),
        ("refugees", "REF"),
        ("journalists", "JRN"),
        ("gunmen", "UAF"),
    ],
)
def test_roles(kb: ActorKnowledge, word: str, sector: str) -> None:
    role = kb.role(word)
    assert role is not None and role.sector == sector


def test_role_kinds_and_unknown_words(kb: ActorKnowledge) -> None:
    assert kb.role("President").kind in {"title", "both"}  # type: ignore[union-attr]
    assert kb.role("army").kind == "noun"  # type: ignore[union-attr]
    assert kb.role("table") is None
    assert set(kb.sectors) >= {"GOV", "MIL", "COP", "REB", "CVL", "PRE"}


def test_phrases_split_by_case_sensitivity(kb: ActorKnowledge) -> None:
    loose = set(kb.phrases())
    exact = set(kb.case_sensitive_phrases())
    assert ("Belgrade", "actor") in loose and ("Serbs", "ethnic") in loose
    assert ("soldiers", "role") in loose and ("secretaries of state", "role") in loose
    assert ("US", "actor") in exact and ("U.S.", "actor") in exact
    assert ("US", "actor") not in loose and ("Côte d'Ivoire", "actor") in loose


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    mine = write(
        tmp_path,
        "name,aliases,country,sector\n"
        "Kremlin,,UKR,GOV\n"
        "Narodni Front,NF,SRB,PTY\n"
        "Friends of Rivers,,NGO,SOC\n",
    )
    kb = load_actor_knowledge([mine])
    assert [(a.country, a.sector) for a in kb.lookup("Kremlin")] == [("UKR", "GOV")]
    front = kb.lookup("Narodni Front")[0]
    assert (front.country, front.sector, front.kind) == ("SRB", "PTY", "institution")
    assert [a.name for a in kb.lookup("NF")] == ["Narodni Front"] and kb.lookup("nf") == []
    assert kb.lookup("Friends of Rivers")[0].kind == "organisation"
    assert ("Narodni Front", "actor") in set(kb.phrases())


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        ("Somebody,,SERBIA,GOV", "unknown country code 'SERBIA'"),
        ("Somebody,,SRB,BOSS", "unknown sector 'BOSS'"),
        (",Alias,SRB,GOV", "empty 'name'"),
        ("Somebody,,,GOV", "empty 'country'"),
    ],
)
def test_invalid_rows_name_file_and_line(tmp_path: Path, row: str, complaint: str) -> None:
    mine = write(tmp_path, f"name,aliases,country,sector\nFine,,SRB,GOV\n{row}\n")
    with pytest.raises(DataFileError) as caught:
        load_actor_knowledge([mine])
    assert f"{mine}:3" in str(caught.value) and complaint in str(caught.value)


def test_one_alias_for_two_countries_is_rejected(tmp_path: Path) -> None:
    mine = write(
        tmp_path,
        "name,aliases,country,sector\nParty A,The Front,SRB,PTY\nParty B,the front,XKX,PTY\n",
    )
    with pytest.raises(DataFileError, match=r"mine\.csv:3: 'the front' names XKX.*mine\.csv:2"):
        load_actor_knowledge([mine])


def test_missing_columns_and_missing_file(tmp_path: Path) -> None:
    mine = write(tmp_path, "name,country\nX,SRB\n")
    with pytest.raises(DataFileError, match=r"mine\.csv:1: missing column\(s\) aliases, sector"):
        load_actor_knowledge([mine])
    with pytest.raises(DataFileError, match="cannot be read"):
        load_actor_knowledge([tmp_path / "absent.csv"])
