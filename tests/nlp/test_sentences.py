"""Sentence boundaries set before parsing: blank lines and wire datelines."""

from __future__ import annotations

import pytest

from eventscribe.errors import ModelError
from eventscribe.nlp import load_pipeline


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_blank_line_ends_a_sentence(nlp):
    text = "date 2023-03-19 (sample)\n\nSerbia and Kosovo agreed on Saturday."
    assert sentences(nlp, text) == [
        "date 2023-03-19 (sample)",
        "Serbia and Kosovo agreed on Saturday.",
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "OHRID, March 19 (Wire) - Serbia and Kosovo agreed on Saturday.",
            "OHRID, March 19 (Wire) -",
        ),
        ("NEW YORK, May 2 (Wire) - The council met on Friday.", "NEW YORK, May 2 (Wire) -"),
        ("WASHINGTON (Wire) The United States praised Japan.", "WASHINGTON (Wire)"),
    ],
)
def test_a_wire_dateline_is_not_part_of_the_first_sentence(nlp, text, first):
    assert sentences(nlp, text)[0] == first


def test_capitals_that_are_no_dateline_stay_in_the_sentence(nlp):
    text = "ISIS - held areas were shelled by Iraqi troops on Monday."
    assert sentences(nlp, text) == [text]


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("en_no_such_model")
