"""Well-known named sites found without their town in the text (real spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

from eventscribe.errors import DataFileError
from eventscribe.places import PlaceTagger
from eventscribe.places.gazetteer import PRIMARY, Entry, Gazetteer
from eventscribe.places.landmarks import Landmarks
from eventscribe.places.location import event_location


def _places(nlp, tagger, sentence: str) -> dict[str, tuple[str, str | None]]:
    return {p.text: (p.feature, p.country) for p in tagger.tag(nlp(sentence))}


def test_a_march_to_the_white_house_happened_in_washington(nlp, tagger) -> None:
    doc = nlp("Thousands of teachers marched to the White House on Saturday.")
    found = event_location(next(t for t in doc if t.text == "marched"), tagger.tag(doc))
    assert found is not None and found.text == "White House"
    assert found.place is not None and found.place.country == "USA"
    assert abs(found.place.lat - 38.9) < 0.5 and abs(found.place.lon + 77.0) < 0.5


def test_a_diplomatic_venue_is_a_place_of_its_city(nlp, tagger) -> None:
    places = _places(nlp, tagger, "The envoys met again at the Palais des Nations on Friday.")
    assert places["Palais des Nations"] == ("facility", "CHE")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kremlin said on Monday that the talks had failed.",
        "Two White House aides left the administration this week.",
    ],
)
def test_a_seat_of_government_standing_for_its_government_is_no_place(
    nlp, tagger, sentence: str
) -> None:
    assert not {"Kremlin", "White House"} & set(_places(nlp, tagger, sentence))


def test_a_landmark_is_matched_as_written(nlp, tagger) -> None:
    # "the west wing of the hospital" is a wing, not the White House's West Wing
    assert not _places(nlp, tagger, "Nurses moved patients to the west wing of the hospital.")


def test_a_landmark_whose_town_is_unknown_names_its_line(tagger, tmp_path: Path) -> None:
    table = tmp_path / "landmarks.csv"
    table.write_text(
        "name,aliases,town,country,metonym\nOld Fort,,Lima,PER,\nHarbour Gate,,Atlantis,GRC,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"landmarks\.csv:3: no city 'Atlantis'"):
        Landmarks.load(tagger.gazetteer, table)


def test_a_gazetteer_of_ones_own_without_the_towns_tags_without_the_landmarks(nlp) -> None:
    # a caller's gazetteer need not know Washington: the White House is left out, the
    # places it knows are found, and tagging never fails for the bundled table
    small = Gazetteer()
    small.add(Entry("Ruritania", "RUR", 1.0, 2.0, None, "country", 1000), {"Ruritania": PRIMARY})
    doc = nlp("Envoys from Ruritania marched to the White House on Monday.")
    assert [p.text for p in PlaceTagger(small).tag(doc)] == ["Ruritania"]
