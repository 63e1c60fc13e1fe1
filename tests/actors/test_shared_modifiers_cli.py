"""Conjoined actors share what the sentence says of them once (sentences written for
these tests): "Danish media and government" are both Danish, "lawmakers in Chile and
Peru" are two actors, one per country, "lawmakers and officials in Chile" are both
Chilean; "Serbian police and other forces" are not said to be Serbian."""

from __future__ import annotations

import pytest

from tests.support import code_texts

pytestmark = pytest.mark.slow

SENTENCES = [
    "Danish media and government warned Sweden about the plan.",
    "Lawmakers in Chile and Peru welcomed the agreement with Bolivia.",
    "Lawmakers and officials in Chile welcomed the agreement with Bolivia.",
    "Serbian police and soldiers attacked Kosovo villages.",
    "Serbian police and other forces attacked Kosovo villages.",
]


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    docs = [(f"s{i}", None, text) for i, text in enumerate(SENTENCES)]
    lines = code_texts(tmp_path_factory.mktemp("shared"), docs)
    return [[a["code"] for a in line["events"][0]["sources"]] for line in lines]


def test_a_nationality_before_the_first_noun_holds_for_the_second(sources: list) -> None:
    assert sources[0] == ["DNKJRN", "DNKGOV"]
    assert sources[3] == ["SRBCOP", "SRBMIL"]


def test_a_group_in_two_countries_is_two_actors(sources: list) -> None:
    assert sources[1] == ["CHLLEG", "PERLEG"]


def test_a_place_after_two_nouns_holds_for_both(sources: list) -> None:
    assert sources[2] == ["CHLLEG", "CHLGOV"]


def test_other_ones_share_no_nationality(sources: list) -> None:
    assert sources[4][0] == "SRBCOP" and not sources[4][1].startswith("SRB")
