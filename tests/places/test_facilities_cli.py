"""Where it happened, through the CLI. Named sites the gazetteer lacks (buildings, roads,
lakes) are places at the point of the town the text puts them in: in the document's
places with feature "facility", and an event's location when the event happened there.
Then the rules that find a place or an event's place in more constructions: a surname in
a locative phrase, a participle sharing its verb's place, a clause of the same time, a
town tagged as an adjective, a currency's country, a name hung on "village" as nmod."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow


def _coded(tmp_path: Path, text: str) -> dict[str, Any]:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "f", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["code", str(docs), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    coded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    return coded


def _places(coded: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["text"]: p for p in coded["places"]}


def test_a_school_in_a_town_is_a_place_at_that_town(tmp_path: Path) -> None:
    coded = _coded(
        tmp_path, "Police arrested two protesters at Oakfield Elementary School in Denver."
    )
    places = _places(coded)
    school, town = places["Oakfield Elementary School"], places["Denver"]
    assert school["feature"] == "facility" and school["geonameid"] is None
    assert (school["lat"], school["lon"], school["country"]) == (
        town["lat"],
        town["lon"],
        "USA",
    )
    (event,) = coded["events"]  # where it happened: the phrase as written, the town's point
    assert event["location"]["text"] == "Oakfield Elementary School in Denver"
    assert event["location"]["lat"] == town["lat"]


def test_an_event_at_a_site_named_again_has_its_town_point(tmp_path: Path) -> None:
    text = (
        "The fight was held at Brooklyn's Harbourview Arena on Saturday. "
        "Police arrested two protesters at Harbourview Arena on Sunday."
    )
    coded = _coded(tmp_path, text)
    brooklyn = _places(coded)["Brooklyn"]
    (event,) = coded["events"]
    location = event["location"]
    assert location["text"] == "Harbourview Arena"
    assert (location["lat"], location["lon"]) == (brooklyn["lat"], brooklyn["lon"])
    assert location["precision"] == "city"


def test_a_possessive_town_places_the_site(tmp_path: Path) -> None:
    places = _places(_coded(tmp_path, "The rally was held at Brooklyn's Harbourview Arena."))
    assert places["Harbourview Arena"]["lat"] == places["Brooklyn"]["lat"]


def test_a_road_and_a_lake_in_their_town(tmp_path: Path) -> None:
    text = (
        "The suspects fled along Dunmore Avenue West in Toronto. "
        "Their car was later found near Lake Wendover in Toronto."
    )
    places = _places(_coded(tmp_path, text))
    toronto = places["Toronto"]
    for site in ("Dunmore Avenue West", "Lake Wendover"):
        assert places[site]["feature"] == "facility"
        assert (places[site]["lat"], places[site]["country"]) == (toronto["lat"], "CAN")


def test_a_site_with_no_town_is_not_listed(tmp_path: Path) -> None:
    """Without a town of its own there is no point to give it: the town named before
    it is not guessed, and an event there has the name without coordinates."""
    coded = _coded(tmp_path, "The two ministers met at Harbourview Arena on Tuesday.")
    assert coded["places"] == []
    text = "Police in Toronto said officers arrested two protesters at Harbourview Arena."
    coded = _coded(tmp_path, text)
    assert [p["text"] for p in coded["places"]] == ["Toronto"]
    (event,) = coded["events"]
    assert (event["location"]["text"], event["location"]["lat"]) == ("Harbourview Arena", None)


def test_a_person_or_an_ordinary_phrase_is_no_site(tmp_path: Path) -> None:
    coded = _coded(
        tmp_path,
        "In Denver, Mayor John Street spoke at the school. The hospital reopened in Denver.",
    )
    assert {p["feature"] for p in coded["places"]} == {"city"}


def test_a_surname_in_a_locative_phrase_is_still_the_town(tmp_path: Path) -> None:
    """ "Riverdale" after "Paul Riverdale" is him, unless the text puts someone in it."""
    text = "Singer Paul Riverdale owns a farm. He buys his tickets in Riverdale, he said."
    places = _places(_coded(tmp_path, text))
    assert places["Riverdale"]["country"] == "USA"
    assert places["Riverdale"]["start"] == text.rindex("Riverdale")


def test_a_participle_shares_the_place_its_verb_took(tmp_path: Path) -> None:
    """ "struck the Idlib governorate, killing 50": the killing happened there too."""
    coded = _coded(
        tmp_path, "Government aircraft struck the Idlib governorate, killing 50 civilians."
    )
    (event,) = coded["events"]
    assert event["trigger"]["text"] == "killing"
    assert event["location"]["name"].startswith("Idlib")


def test_what_happened_at_the_same_time_happened_in_the_same_place(tmp_path: Path) -> None:
    coded = _coded(tmp_path, "A police officer was shot dead as he left his home in Denver.")
    (event,) = coded["events"]
    assert event["location"]["name"] == "Denver"


def test_a_town_the_tagger_took_for_an_adjective_before_a_kind_of_place(
    tmp_path: Path,
) -> None:
    """ "the southern Aleppo districts": the model tags "Aleppo" ADJ; before a kind of
    place it is still the town."""
    coded = _coded(
        tmp_path, "Government forces shelled villages in the southern Aleppo districts on Monday."
    )
    assert _places(coded)["Aleppo"]["country"] == "SYR"
    (event,) = coded["events"]
    assert event["location"]["name"] == "Aleppo"


def test_the_country_of_a_currency_is_a_toponym(tmp_path: Path) -> None:
    coded = _coded(tmp_path, "The ministry paid 40 million US dollars to the contractor.")
    assert _places(coded)["US"]["country"] == "USA"
    assert coded["events"] == [] or all(e["location"] is None for e in coded["events"])


def test_a_named_village_is_where_it_happened_not_the_city_near_it(tmp_path: Path) -> None:
    """ "attacks on Akida village ... near the city of Maiduguri": the parser hangs the
    name on "village" as nmod as often as compound; either way the village is the place."""
    coded = _coded(
        tmp_path,
        "At least 21 people were killed in two separate Boko Haram attacks on Akida village "
        "and Mbuta village near the key city of Maiduguri.",
    )
    (event,) = coded["events"]
    assert event["location"]["text"] == "Akida"


def test_a_site_named_again_keeps_its_town(tmp_path: Path) -> None:
    text = (
        "The fight was held at Brooklyn's Harbourview Arena. Fans later gathered in "
        "Toronto, and the promoter returned to Harbourview Arena on Sunday."
    )
    places = [p for p in _coded(tmp_path, text)["places"] if p["text"] == "Harbourview Arena"]
    brooklyn = _places(_coded(tmp_path, text))["Brooklyn"]
    assert len(places) == 2
    assert all((p["lat"], p["lon"]) == (brooklyn["lat"], brooklyn["lon"]) for p in places)


def test_a_site_whose_name_starts_with_a_short_code_is_where_it_happened(
    tmp_path: Path,
) -> None:
    # "T4" alone looks like an abbreviation; it is the start of the named site
    coded = _coded(
        tmp_path,
        "The rebels launched a massive attack on the strategic T4 (Tiyas) Military Airport "
        "in Homs.",
    )
    homs = _places(coded)["Homs"]
    (event,) = coded["events"]
    assert event["location"]["text"] == "T4 (Tiyas) Military Airport"
    assert (event["location"]["lat"], event["location"]["lon"]) == (homs["lat"], homs["lon"])
