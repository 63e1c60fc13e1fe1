"""The offline gazetteer: its sources load, names fold, and the data files are sound."""

from __future__ import annotations

import json

import pytest

from eventscribe.errors import DataFileError
from eventscribe.places.cities import cities_file, read_cities
from eventscribe.places.gazetteer import ALTERNATE, DEMONYM, PRIMARY, QUALIFIER, Gazetteer, fold
from eventscribe.places.words import load_place_words, place_words


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_fold_meets_case_accents_and_dots() -> None:
    assert fold("BEIRUT") == fold("Beirut") == fold("Béirut")
    assert fold("U.S.") == fold("US")


def test_clipped_abbreviation_keeps_its_dot() -> None:
    # the Catholic "Mass" must not look like "Mass." (Massachusetts)
    assert fold("Mass.") != fold("Mass")


def test_every_actor_country_has_a_point(gaz: Gazetteer) -> None:
    countries = {e.country for e in gaz.entries if e.feature == "country"}
    for iso3 in ("USA", "RUS", "CHN", "XKX", "PSE", "SRB", "UKR", "GBR", "FRA"):
        assert iso3 in countries


def test_country_carries_geonames_id_and_point(gaz: Gazetteer) -> None:
    ((serbia, how),) = [(e, h) for e, h in gaz.lookup("Serbia") if e.feature == "country"]
    assert how == PRIMARY and serbia.geonameid is not None
    assert 42 < serbia.lat < 46 and 19 < serbia.lon < 23


def test_demonyms_name_their_country_or_region(gaz: Gazetteer) -> None:
    assert any(e.country == "SRB" and h == DEMONYM for e, h in gaz.lookup("Serbian"))
    assert any(e.name == "Kurdistan" and h == DEMONYM for e, h in gaz.lookup("Kurdish"))


def test_cities_come_with_alternate_spellings(gaz: Gazetteer) -> None:
    kyiv = [
        (e, h) for e, h in gaz.lookup("Kiev") if e.country == "UKR" and e.population > 1_000_000
    ]
    assert kyiv and kyiv[0][1] == ALTERNATE


def test_bare_state_name_is_only_a_qualifier(gaz: Gazetteer) -> None:
    states = [h for e, h in gaz.lookup("Washington") if e.feature == "admin1"]
    assert states == [QUALIFIER]


def test_us_states_have_postal_codes_for_qualifiers(gaz: Gazetteer) -> None:
    ((texas, _),) = [(e, h) for e, h in gaz.lookup("Texas") if e.feature == "admin1"]
    assert texas.admin1 == "TX" and texas.geonameid is not None


def test_small_places_are_loaded_but_only_by_their_own_name(tmp_path) -> None:
    raw = {
        "1": {
            "geonameid": 1,
            "name": "Smallby",
            "latitude": 1.0,
            "longitude": 2.0,
            "countrycode": "GB",
            "population": 800,
            "admin1code": "ENG",
            "alternatenames": ["Smallby-on-Sea"],
        },
        "2": {
            "geonameid": 2,
            "name": "Bigton",
            "latitude": 3.0,
            "longitude": 4.0,
            "countrycode": "GB",
            "population": 90000,
            "admin1code": "ENG",
            "alternatenames": ["Bigtown", "\u5927\u9547"],
        },
    }
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    rows = {row[0]: (row, alternates) for row, alternates in read_cities(path, {"GB": "GBR"}, 5000)}
    assert rows["Smallby"][1] == []  # a village: its own name only
    assert rows["Bigton"][1] == ["Bigtown"]  # a town: Latin-script alternates
    assert rows["Bigton"][0][1] == "GBR" and rows["Bigton"][0][5] == 90000


def test_bundled_gazetteer_has_villages_and_compact_lookups(gaz: Gazetteer) -> None:
    villages = [e for e, h in gaz.lookup("Portsoy") if e.country == "GBR"]
    assert villages and villages[0].population < 5000 and villages[0].feature == "city"


def test_only_shipped_city_files_can_be_asked_for() -> None:
    with pytest.raises(DataFileError, match="700"):
        cities_file(700)


def test_word_list_file_errors_name_the_list(tmp_path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text("place_labels: GPE\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="place_labels"):
        load_place_words(path)


def test_bundled_word_lists_load() -> None:
    words = place_words()
    assert "GPE" in words.place_labels and "county" in words.area_words
    assert "in" in words.locative_prepositions and "union" in words.generic_words


def test_lookup_answers_the_same_again_and_sees_names_added_later() -> None:
    from eventscribe.places.gazetteer import ALIAS, Entry

    small = Gazetteer()
    number = small.add(
        Entry("Ruritania", "RUR", 1.0, 2.0, None, "country", 1000), {"Ruritania": PRIMARY}
    )
    first = small.lookup("RURITANIA")
    assert [(e.name, how) for e, how in first] == [("Ruritania", PRIMARY)]
    first.clear()  # the caller's list is its own
    assert small.lookup("Ruritania") == small.lookup("ruritania") != []
    assert small.lookup("Ruritanian Republic") == []
    small.add_name(fold("Ruritanian Republic"), number, ALIAS)
    assert [how for _, how in small.lookup("Ruritanian Republic")] == [ALIAS]
