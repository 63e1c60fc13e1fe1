"""The word lists of actors/data/words.yaml: loaded, checked, and errors with file and line."""

from __future__ import annotations

import pytest

from eventscribe.actors.knowledge import load_actor_knowledge
from eventscribe.actors.spelling import CountrySpelling
from eventscribe.actors.tagger import ActorTagger
from eventscribe.actors.words import default_words_path, load_actor_words
from eventscribe.errors import DataFileError

SECTORS = load_actor_knowledge().sectors


def test_bundled_lists_load():
    words = load_actor_words(sectors=SECTORS)
    assert "CST" in words.time_zones and "cst" not in words.time_zones  # zones keep their case
    assert "week" in words.time_words and "percent" in words.units  # other lists are lower case
    assert words.organisation_types["council"] == "GOV"
    assert "caribbean" in words.regions


def _edited(tmp_path, old: str, new: str):
    text = default_words_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "words.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text[: text.index(old)].count("\n") + 1


def test_unknown_sector_names_file_and_line(tmp_path):
    path, line = _edited(tmp_path, "  council: GOV", "  council: XYZ")
    with pytest.raises(
        DataFileError, match=rf"words\.yaml:{line}: unknown sector 'XYZ' for 'council'"
    ):
        load_actor_words(path, sectors=SECTORS)


def test_nested_entry_names_file_and_line(tmp_path):
    path, line = _edited(tmp_path, "time_zones: [GMT,", "time_zones: [[GMT],")
    with pytest.raises(
        DataFileError, match=rf"words\.yaml:{line}: 'time_zones' holds an empty or nested entry"
    ):
        load_actor_words(path, sectors=SECTORS)


def test_missing_list_is_named(tmp_path):
    path, _line = _edited(tmp_path, "regions:", "region_names:")
    with pytest.raises(DataFileError, match="missing word list\\(s\\) regions"):
        load_actor_words(path, sectors=SECTORS)


def test_spelling_needs_exactly_one_country_one_edit_away():
    spelling = CountrySpelling(load_actor_knowledge(), ordinary={"sedan"})
    assert spelling.correct("Afganistan").country == "AFG"  # a deletion
    assert spelling.correct("Isreal").country == "ISR"  # two letters swapped
    assert spelling.correct("Sedan") is None  # an ordinary word
    assert spelling.correct("afganistan") is None  # not capitalised
    assert spelling.correct("Chaad").country == "TCD"  # five letters: long enough
    assert spelling.correct("Chana") is None  # one edit from China and from Ghana
    assert spelling.correct("Irak") is None  # fewer than five letters
    assert spelling.correct("Americas") is None  # a plural: "the Americas", not the US


def test_the_rules_read_the_lists_of_the_file(tmp_path, nlp):
    # "anti": a side taken, so the protesters are not Syrian; a file without that prefix
    # (a researcher's edit) makes them so
    knowledge = load_actor_knowledge()
    doc = nlp("Anti-Syria protesters marched on Sunday.")
    head = next(t.i for t in doc if t.text == "protesters")

    def country(words) -> str | None:
        actors = ActorTagger(knowledge, nlp.tokenizer, words=words).tag(doc).by_head[head]
        return actors[0].country

    assert country(load_actor_words(sectors=SECTORS)) != "SYR"
    path, _line = _edited(tmp_path, "stance_prefixes: [anti, pro]", "stance_prefixes: [pro]")
    assert country(load_actor_words(path, sectors=SECTORS)) == "SYR"
