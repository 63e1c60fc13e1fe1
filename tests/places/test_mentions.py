"""Where the place tagger looks for toponyms, read from the document's DocView."""

from __future__ import annotations

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
