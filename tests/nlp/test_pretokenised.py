"""Pre-tokenised text (spaces around punctuation, as in many research corpora)."""

from __future__ import annotations

import pytest

from tests.cli.helpers import coded_events


@pytest.mark.parametrize("mark", ["\u2019", "'"])
def test_a_possessive_written_apart_is_one_token_and_the_text_is_unchanged(nlp, mark):
    text = f"Chile {mark} s foreign minister met Argentina {mark} s president ."
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc].count(f"{mark} s") == 2
    assert all(t.norm_ == "'s" for t in doc if t.text == f"{mark} s")


def test_an_apostrophe_s_in_ordinary_text_is_left_alone(nlp):
    doc = nlp("Chile's foreign minister met the president.")
    assert [t.text for t in doc][:2] == ["Chile", "'s"]


@pytest.mark.parametrize("mark", ["\u2019", "'"])
def test_a_possessive_written_apart_is_parsed_as_one(nlp, mark):
    doc = nlp(f"Biden defended Japan {mark} s right to administer the islands .")
    japan, marker, right = doc[2], doc[3], doc[4]
    assert (marker.tag_, marker.dep_, marker.head.i) == ("POS", "case", japan.i)
    assert (japan.dep_, japan.head.i) == ("poss", right.i)


def test_the_phrase_a_possessive_written_apart_opens_is_the_target(tmp_path):
    (event,) = coded_events(
        tmp_path,
        "The UN has called on Libya \u2019 s internationally recognized government "
        "to crack down on armed groups .",
    )
    assert event["type"] == "REQUEST"
    assert [t["text"] for t in event["targets"]] == [
        "Libya \u2019 s internationally recognized government"
    ]
    assert event["targets"][0]["sector"] == "GOV"
