"""Where the place tagger looks for toponyms, read from the document's DocView."""

from __future__ import annotations

from spacy.tokens import Span

from eventscribe.nlp.view import DocView
from eventscribe.places import PlaceTagger
from eventscribe.places.gazetteer import ALIAS, PRIMARY, Entry, Gazetteer, fold
from eventscribe.places.mentions import surnames

TEXT = (
    "Michael Jordan met Jordan's foreign minister in Amman, and officials from "
    "Ruritania said the Zenda talks would go on."
)


def test_surnames_are_the_words_of_people_named_in_full(nlp) -> None:
    doc = nlp(TEXT)
    expected = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    assert surnames(DocView(doc)) == expected
    assert "Jordan" in expected


def test_remembered_candidates_follow_names_added_to_the_gazetteer(nlp) -> None:
    small = Gazetteer()
    small.add(Entry("Ruritania", "RUR", 1.0, 2.0, None, "country", 1000), {"Ruritania": PRIMARY})
    zenda = small.add(
        Entry("Zenda", "RUR", 1.5, 2.5, None, "admin1", 500), {"Zenda Province": PRIMARY}
    )
    tagger = PlaceTagger(small)
    doc = nlp(TEXT)

    def found() -> list[str]:
        return [doc[m.start : m.end].text for m in tagger.mentions(doc)]

    assert found() == ["Ruritania"]
    assert found() == ["Ruritania"]  # the same again, from what the gazetteer remembers
    small.add_name(fold("Zenda"), zenda, ALIAS)
    assert found() == ["Ruritania", "Zenda"]


def test_a_place_name_the_recogniser_cut_in_two_is_one_toponym(nlp) -> None:
    # the recogniser sometimes reads "Boa Vista" as a place "Boa" and an organisation
    # "Vista": the two touching names are looked up together
    small = Gazetteer()
    small.add(Entry("Boa Vista", "BRA", 2.8, -60.7, None, "city", 419652), {"Boa Vista": PRIMARY})
    doc = nlp("Thousands of migrants are living in Boa Vista, the state capital.")
    boa = next(t.i for t in doc if t.text == "Boa")
    doc.set_ents([Span(doc, boa, boa + 1, "GPE"), Span(doc, boa + 1, boa + 2, "ORG")])
    found = [
        (doc[m.start : m.end].text, m.candidates[0][0].name)
        for m in PlaceTagger(small).mentions(doc)
    ]
    assert found == [("Boa Vista", "Boa Vista")]


def test_a_place_and_the_organisation_after_a_comma_stay_apart(nlp) -> None:
    small = Gazetteer()
    small.add(Entry("Boa Vista", "BRA", 2.8, -60.7, None, "city", 419652), {"Boa Vista": PRIMARY})
    small.add(Entry("Boa", "XXX", 1.0, 1.0, None, "city", 5000), {"Boa": PRIMARY})
    doc = nlp("They met in Boa, Vista officials said.")
    boa = next(t.i for t in doc if t.text == "Boa")
    doc.set_ents([Span(doc, boa, boa + 1, "GPE"), Span(doc, boa + 2, boa + 3, "ORG")])
    found = [doc[m.start : m.end].text for m in PlaceTagger(small).mentions(doc)]
    assert found == ["Boa"]
