"""The offline gazetteer: its sources load, names fold, and the data files are sound."""

from __future__ import annotations

import pytest

from eventscribe.places.gazetteer import ALTERNATE, DEMONYM, PRIMARY, QUALIFIER, Gazetteer, fold


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
    (serbia, how), = [(e, h) for e, h in gaz.lookup("Serbia") if e.feature == "country"]
    assert how == PRIMARY and serbia.geonameid is not None
    assert 42 < serbia.lat < 46 and 19 < serbia.lon < 23


def test_demonyms_name_their_country_or_region(gaz: Gazetteer) -> None:
    assert any(e.country == "SRB" and h == DEMONYM for e, h in gaz.lookup("Serbian"))
    assert any(e.name == "Kurdistan" and h == DEMONYM for e, h in gaz.lookup("Kurdish"))


def test_cities_come_with_alternate_spellings(gaz: Gazetteer) -> None:
    kyiv = [(e, h) for e, h in gaz.lookup("Kiev")
            if e.country == "UKR" and e.population > 1_000_000]
    assert kyiv and kyiv[0][1] == ALTERNATE


def test_bare_state_name_is_only_a_qualifier(gaz: Gazetteer) -> None:
    states = [h for e, h in gaz.lookup("Washington") if e.feature == "admin1"]
    assert states == [QUALIFIER]


def test_us_states_have_postal_codes_for_qualifiers(gaz: Gazetteer) -> None:
    (texas, _), = [(e, h) for e, h in gaz.lookup("Texas") if e.feature == "admin1"]
    assert texas.admin1 == "TX" and texas.geonameid is not None
