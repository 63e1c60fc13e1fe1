"""Who is an actor, and what a name says (issue 14, parts 3 and 4), through the real pipeline.

Sentences are written for these tests; each checks what a user sees in the actors list.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.config import Settings
from eventscribe.pipeline import Coder
from eventscribe.records import Actor, Article


@pytest.fixture(scope="module")
def actors_in():
    coder = Coder.build(Settings())

    def run(text: str) -> dict[str, Actor]:
        """mention text -> actor."""
        analysis = coder.analyse_text(text, Article(doc_id="a", text=text, date=date(2023, 2, 2)))
        return {a.text: a for a in analysis.coded.actors}

    return run


# -- never an actor: times, time zones, amounts, bare generic nouns ---------------------


def test_times_time_zones_and_amounts_are_no_actors(actors_in):
    found = actors_in(
        "The airline carried 4.5 million passengers last Week, officials said at 10 a.m. CST."
    )
    assert set(found) == {"officials"}


@pytest.mark.parametrize(
    ("text", "not_actor"),
    [
        ("The Department said it would review the case.", "The Department"),
        ("The Office announced new rules on Tuesday.", "The Office"),
        ("Monday brought more talks between the parties.", "Monday"),
        ("The survey found 30 percent of voters backed the plan.", "30 percent"),
        ("The Ministry of Health of Ghana thanked China.", "Health of Ghana"),
        ("Dr said nothing more.", "Dr"),
    ],
)
def test_generic_nouns_and_amounts_name_no_one(actors_in, text, not_actor):
    assert not_actor not in actors_in(text)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("TORONTO — A young man and his mother sued the city police.", "TORONTO"),
        ("Hanoi (VNA) – Vietnam supports a greater role for Russia.", "Hanoi (VNA)"),
        ("A photo by a reporter. MANILA, Philippines – The archbishop urged calm.", "MANILA"),
        ("SEOUL, South Korea (CNN) - A court sentenced the former president.", "SEOUL"),
    ],
)
def test_the_place_of_a_dateline_is_no_actor(actors_in, text, dateline):
    found = actors_in(text)
    assert not [m for m in found if m.startswith(dateline.split()[0])]
    assert not [m for m in found if m.startswith(("Philippines", "South Korea"))]


def test_a_country_before_a_dash_in_a_sentence_stays_an_actor(actors_in):
    found = actors_in("Kosovo — a former Serbian province — declared independence in 2008.")
    assert any(m.startswith("Kosovo") and a.country == "XKX" for m, a in found.items())


def test_a_role_word_alone_stays_an_actor(actors_in):
    # roles.csv lists "ministry": the bare word is the government sector
    assert (
        actors_in("The ministry said on Monday that it would appeal.")["The ministry"].sector
        == "GOV"
    )


def test_counted_people_stay_actors(actors_in):
    found = actors_in("Police detained 1,200 protesters in Nairobi.")
    assert found["1,200 protesters"].sector == "CVL"


# -- full names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        (
            "Crown Prince Mohammed bin Salman Al Saud met the envoy.",
            "Crown Prince Mohammed bin Salman Al Saud",
            "Mohammed bin Salman Al Saud",
            "SAU",
        ),
        (
            "Ursula von der Leyen praised the deal.",
            "Ursula von der Leyen",
            "Ursula von der Leyen",
            "EUR",
        ),
        ("Charles de Gaulle left Algiers.", "Charles de Gaulle", "Charles de Gaulle", None),
        (
            "Abu Bakr al-Baghdadi called on followers to fight.",
            "Abu Bakr al-Baghdadi",
            "Abu Bakr al-Baghdadi",
            "IRQ",
        ),
    ],
)
def test_a_full_name_is_one_actor_with_its_particles(actors_in, text, mention, name, country):
    found = actors_in(text)
    assert found[mention].name == name
    assert found[mention].country == country
    assert [a for a in found if a != mention and a in mention] == []  # no second actor inside it


# -- possessives ------------------------------------------------------------------------


def test_a_leaders_government_is_the_government_of_his_country(actors_in):
    found = actors_in("Prime Minister Albin Kurti's government fined Serb drivers.")
    actor = found["Prime Minister Albin Kurti's government"]
    assert (actor.country, actor.sector, actor.name) == ("XKX", "GOV", "government of Kosovo")


@pytest.mark.parametrize(
    ("text", "mention", "code", "name"),
    [
        (
            "The Kurti government fined drivers.",
            "The Kurti government",
            "XKXGOV",
            "government of Kosovo",
        ),
        (
            "The Vucic government protested.",
            "The Vucic government",
            "SRBGOV",
            "government of Serbia",
        ),
        ("The Assad regime shelled Idlib.", "The Assad regime", "SYRGOV", "regime of Syria"),
    ],
)
def test_a_leaders_name_before_a_government_names_his_countrys(
    actors_in, text, mention, code, name
):
    # "the Kurti government" is "Kurti's government": the body, not the leader
    actor = actors_in(text)[mention]
    assert (actor.code, actor.name) == (code, name)


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Putin's spokesman criticised Kyiv.", "Putin's spokesman", "RUSGOV"),
        ("Vucic's spokesman criticised Pristina.", "Vucic's spokesman", "SRBGOV"),
        (
            "Obama administration officials criticised Russia.",
            "Obama administration officials",
            "USAGOV",
        ),
    ],
)
def test_a_leaders_aide_is_of_the_leaders_country(actors_in, text, mention, code):
    # the holder of a role a leader owns, by possessive or through his administration, is
    # of the leader's country (and not the leader himself)
    actor = actors_in(text)[mention]
    assert (actor.code, actor.name) == (code, mention)


def test_the_owners_country_is_learned_from_an_earlier_mention(actors_in):
    found = actors_in(
        "Prime Minister Zoran Novak of Kosovo arrived in Pristina. "
        "Prime Minister Zoran Novak's government then fined drivers."
    )
    assert found["Prime Minister Zoran Novak's government"].code == "XKXGOV"


def test_a_countrys_army(actors_in):
    assert actors_in("Serbia's army shelled the village.")["Serbia's army"].code == "SRBMIL"


# -- misspelt country names -------------------------------------------------------------


def test_a_misspelt_country_resolves_with_spelling_evidence(actors_in):
    actor = actors_in("Afganistan accused Pakistan of shelling its border.")["Afganistan"]
    assert (actor.country, actor.name) == ("AFG", "Afghanistan")
    assert actor.evidence.startswith("spelling")


@pytest.mark.parametrize(
    "text",
    [
        "Nigel Farage met voters in Kent.",  # a person, one edit from Niger
        "Workers at the Sedan plant met Chinese buyers.",  # an English word, one edit from Sudan
    ],
)
def test_names_and_words_near_a_country_are_not_corrected(actors_in, text):
    assert {"NER", "SDN"}.isdisjoint(a.country for a in actors_in(text).values())


# -- organisations the tables lack ------------------------------------------------------


def test_a_regional_council_is_an_igo(actors_in):
    actor = actors_in("The Caribbean Fisheries Council criticised Japan.")[
        "The Caribbean Fisheries Council"
    ]
    assert (actor.country, actor.sector, actor.name) == (
        "IGO",
        "GOV",
        "Caribbean Fisheries Council",
    )


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        (
            "A Kenyan farmers' union protested against the government.",
            "A Kenyan farmers' union",
            "KENLAB",
        ),
        (
            "The Ministry of Health of Ghana thanked China.",
            "The Ministry of Health of Ghana",
            "GHAGOV",
        ),
        (
            "The Kenya Fisheries Council criticised the ban.",
            "The Kenya Fisheries Council",
            "KENGOV",
        ),
        (
            "The National Democratic Party criticised the government.",
            "The National Democratic Party",
            "PTY",
        ),
    ],
)
def test_organisations_get_a_sector_and_country_from_their_words(actors_in, text, mention, code):
    assert actors_in(text)[mention].code == code


def test_an_organisation_name_is_not_a_person(actors_in):
    actor = actors_in("The National Democratic Party criticised the government.")[
        "The National Democratic Party"
    ]
    assert actor.name == "National Democratic Party"
    assert "person" not in actor.evidence


def test_advisers_and_emissaries_of_the_phoenix_agents_have_their_sector(actors_in):
    found = actors_in("Russian military advisers trained Malian troops.")
    assert found["Russian military advisers"].code == "RUSMIL"
    found = actors_in("A Serbian presidential aide met a Kosovo emissary.")
    assert found["A Serbian presidential aide"].code == "SRBGOV"
