"""Nouns of a relation between states (sentences written for these tests): the state
named before "ally" or "rival" is the other side, and a name in apposition is the actor
("US ally Israel" is Israel, "US allies" are not the US); an organisation named before
them codes them ("NATO allies" are NATO)."""

from __future__ import annotations

import pytest

from tests.support import code_texts

pytestmark = pytest.mark.slow

SENTENCES = [
    "Washington criticised US ally Israel.",
    "The US imposed sanctions on its NATO ally Turkey.",
    "Russia criticised US allies.",
    "China warned regional rival Japan.",
    "NATO allies criticised Russia.",
]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    docs = [(f"s{i}", None, text) for i, text in enumerate(SENTENCES)]
    lines = code_texts(tmp_path_factory.mktemp("relations"), docs)
    return [line["events"][0] for line in lines]


def test_a_name_in_apposition_is_the_ally(events: list) -> None:
    assert [a["country"] for a in events[0]["targets"]] == ["ISR"]
    assert [a["country"] for a in events[1]["targets"]] == ["TUR"]
    assert [a["country"] for a in events[3]["targets"]] == ["JPN"]


def test_a_states_allies_are_not_that_state(events: list) -> None:
    assert [a["country"] for a in events[2]["sources"]] == ["RUS"]
    assert all(a["country"] != "USA" for a in events[2]["targets"])


def test_an_organisations_allies_are_coded_as_it(events: list) -> None:
    assert [a["country"] for a in events[4]["sources"]] == ["IGO"]
