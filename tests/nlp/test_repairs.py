"""Repairs made after parsing: lemmas English spelling rules out, lists of names the
parser read as appositions, and names read into a fronted date."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Russia hopes to sign a deal.", "hopes", "hope"),
        ("He hoped to win the vote.", "hoped", "hope"),
        ("They were staging a protest.", "staging", "stage"),
        # left as they are: spelling allows them
        ("The rabbit hops around.", "hops", "hop"),
        ("He stopped the car.", "stopped", "stop"),
        ("They visited Paris.", "visited", "visit"),
        ("They fixed it.", "fixed", "fix"),
        ("The army needed more troops.", "needed", "need"),
        ("She goes home.", "goes", "go"),
    ],
)
def test_a_lemma_spelling_rules_out_gets_its_e(nlp, text, word, lemma):
    (token,) = [t for t in nlp(text) if t.text == word]
    assert token.lemma_ == lemma


def test_a_list_with_an_article_inside_is_a_list(nlp):
    doc = nlp("Mexico, the Philippines, Brazil and Chile welcomed the agreement.")
    assert {t.text: t.dep_ for t in doc}["Philippines"] == "conj"
    described = nlp("Police arrested Ahmed, the driver, and two others.")
    assert {t.text: t.dep_ for t in described}["driver"] == "appos"


def test_a_fronted_date_without_a_comma_leaves_the_name_the_verbs_subject(nlp):
    doc = nlp("In March Erdogan accused Greece of provocations.")
    deps = {t.text: (t.dep_, t.head.text) for t in doc}
    assert deps["Erdogan"] == ("nsubj", "accused")
    assert deps["March"] == ("pobj", "In")
    # a date or place the parser hung on the subject after an object-less preposition
    for text, name, fronted, preposition in (
        ("In Belgrade Vucic accused Kosovo of provocations.", "Vucic", "Belgrade", "In"),
        ("On 1 February Macron criticised NATO.", "Macron", "February", "On"),
    ):
        deps = {t.text: (t.dep_, t.head.text) for t in nlp(text)}
        assert deps[name][0] == "nsubj", text
        assert deps[fronted] == ("pobj", preposition), text
    # a verb with a subject of its own is left as it is
    doc = nlp("In March the army accused Greece of provocations.")
    assert {t.text: t.dep_ for t in doc}["army"] == "nsubj"


def test_a_subordinator_read_as_a_preposition_introduces_its_clause_again(nlp):
    # "as" read as a preposition with "the Government" its object left "launched" with no
    # subject; the object is the verb's subject and "as" its marker
    text = (
        "Tunisia worked with the United States as the Government of National Accord "
        "launched an offensive."
    )
    deps = {t.text: (t.dep_, t.head.text) for t in nlp(text)}
    assert deps["Government"] == ("nsubj", "launched")
    assert deps["as"] == ("mark", "launched")
    # a true preposition before a verb with its own subject is left as it is
    deps = {t.text: (t.dep_, t.head.text) for t in nlp("After the talks, Serbia agreed.")}
    assert deps["talks"] == ("pobj", "After")


def test_a_broken_grammar_word_file_names_itself(tmp_path):
    from eventscribe.errors import DataFileError
    from eventscribe.nlp.loader import subordinating_prepositions

    path = tmp_path / "grammar.yaml"
    path.write_text("subordinating_prepositions: as\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="grammar.yaml: subordinating_prepositions"):
        subordinating_prepositions(path)
    assert "as" in subordinating_prepositions()
