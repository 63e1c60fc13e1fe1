"""The disambiguation rules of eventscribe.places.resolve, on hand-made entries."""

from __future__ import annotations

from eventscribe.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry
from eventscribe.places.resolve import choose, context_weights

CAPITAL = Entry("Washington", "USA", 38.9, -77.0, 1, "city", 690_000, "DC")
SMALL_WASHINGTON = Entry("Washington", "GBR", 54.9, -1.5, 2, "city", 67_000)
PARIS_FR = Entry("Paris", "FRA", 48.86, 2.35, 3, "city", 2_100_000)
PARIS_TX = Entry("Paris", "USA", 33.66, -95.56, 4, "city", 25_000, "TX")
TEXAS = Entry("Texas", "USA", 31.25, -99.25, None, "admin1", 30_000_000, "TX")
GEORGIA_STATE = Entry("Georgia", "USA", 32.75, -83.5, 5, "admin1", 10_700_000, "GA")
GEORGIA_COUNTRY = Entry("Georgia", "GEO", 42.0, 43.5, 6, "country", 3_700_000)
UK = Entry("United Kingdom", "GBR", 54.76, -2.70, 7, "country", 66_000_000)
ENGLAND = Entry("England", "GBR", 52.5, -1.5, None, "admin1", 56_000_000)


def test_bigger_place_wins_without_context() -> None:
    assert choose([(SMALL_WASHINGTON, PRIMARY), (CAPITAL, PRIMARY)], {}) is CAPITAL


def test_article_country_outweighs_a_small_size_gap() -> None:
    town = Entry("Springfield", "USA", 39.8, -89.6, 8, "city", 110_000)
    namesake = Entry("Springfield", "AUS", -27.7, 152.9, 9, "city", 160_000)
    assert choose([(namesake, PRIMARY), (town, PRIMARY)], {}) is namesake
    assert choose([(namesake, PRIMARY), (town, PRIMARY)], context_weights(["USA"])) is town


def test_world_capital_survives_a_us_story() -> None:
    # "Paris" in an American article is still Paris, France
    assert choose([(PARIS_TX, PRIMARY), (PARIS_FR, PRIMARY)], context_weights(["USA"])) is PARIS_FR


def test_qualifier_keeps_only_places_inside_it() -> None:
    assert choose([(PARIS_FR, PRIMARY), (PARIS_TX, PRIMARY)], {}, qualifier=TEXAS) is PARIS_TX


def test_country_name_without_context_is_the_country() -> None:
    assert choose([(GEORGIA_STATE, PRIMARY), (GEORGIA_COUNTRY, PRIMARY)], {}) is GEORGIA_COUNTRY


def test_us_context_makes_georgia_the_state() -> None:
    found = choose([(GEORGIA_STATE, PRIMARY), (GEORGIA_COUNTRY, PRIMARY)], context_weights(["USA"]))
    assert found is GEORGIA_STATE


def test_region_own_name_beats_a_country_alias() -> None:
    assert choose([(UK, ALIAS), (ENGLAND, PRIMARY)], {}) is ENGLAND


def test_alternate_name_counts_less_than_an_own_name() -> None:
    renamed = Entry("Big City", "ZZZ", 0.0, 0.0, 10, "city", 300_000)
    town = Entry("Oldtown", "YYY", 1.0, 1.0, 11, "city", 60_000)
    assert choose([(renamed, ALTERNATE), (town, PRIMARY)], {}) is town


def test_context_weights_rank_countries() -> None:
    weights = context_weights(["SRB", "XKX", "USA", "SRB"])
    assert weights["SRB"] > weights["XKX"] > weights["USA"] > 0


def test_no_candidates_gives_none() -> None:
    assert choose([], {}) is None
