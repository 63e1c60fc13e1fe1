"""Pre-tokenised text (spaces around punctuation, as in many research corpora)."""

from __future__ import annotations

import pytest


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
