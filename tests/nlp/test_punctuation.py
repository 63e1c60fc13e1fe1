"""Long punctuation runs: tokenized in linear time, offsets into the original text."""

from __future__ import annotations

import pytest

from eventscribe.nlp.punctuation import KEEP, blank_long_runs


@pytest.mark.parametrize("run", ["!" * 12_000, "(" * 5_000, "-?" * 3_000])
def test_a_long_run_is_a_few_tokens_over_the_original_text(nlp, run: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Serbia accused Kosovo {run} of provocations."
    doc = nlp(text)
    assert doc.text == text  # every offset still points into the text as given
    assert len(doc) < 40  # spaCy split the run mark by mark (12,000 tokens, quadratic time)
    assert [t.text for t in doc][:3] == ["Serbia", "accused", "Kosovo"]
    assert doc[-1].text == "." and doc[-2].text == "provocations"


def test_short_runs_and_ordinary_text_are_untouched(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'He said: "No!!!" ... -- and left?!'
    assert blank_long_runs(text) == text
    assert nlp(text).text == text


def test_blanking_keeps_length_and_the_first_marks() -> None:
    out = blank_long_runs("a " + "!" * 100 + " b")
    assert len(out) == 104 and out.startswith("a " + "!" * KEEP + " ") and out.endswith(" b")
