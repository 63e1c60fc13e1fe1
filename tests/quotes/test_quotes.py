"""Quotes: direct and reported statements, their speakers and the events inside them."""

from __future__ import annotations

import pytest

from eventscribe.config import Settings
from eventscribe.pipeline import Coder
from eventscribe.records import Article


@pytest.fixture(scope="module")
def quotes_of():
    coder = Coder.build(Settings())

    def run(text: str) -> list[dict]:
        coded = coder.analyse_text(text, Article(doc_id="q", text=text)).coded
        return [q.to_contract() for q in coded.quotes]  # as the output contract has them

    return run


def speaker(quote: dict) -> tuple[str | None, str | None, str | None]:
    who = quote["speaker"] or {}
    return who.get("name"), who.get("country"), who.get("sector")


def test_direct_quote_with_speaker_after_the_verb(quotes_of):
    text = '"We will never accept this plan as it stands," said Serbian President Aleksandar Vucic.'
    (quote,) = quotes_of(text)
    assert quote["kind"] == "direct"
    assert quote["text"] == "We will never accept this plan as it stands,"
    assert speaker(quote) == ("Aleksandar Vucic", "SRB", "GOV")
    assert text[quote["start"] : quote["end"]] == quote["text"]


def test_direct_quote_by_a_speaker_named_earlier(quotes_of):
    text = (
        "State Department spokesman Ned Price spoke on Monday. "
        '"The talks were frank and useful for both sides," Price said.'
    )
    quotes = [q for q in quotes_of(text) if q["kind"] == "direct"]
    assert [speaker(q) for q in quotes] == [("Ned Price", "USA", "GOV")]


def test_according_to_attribution(quotes_of):
    text = '"The border will stay closed until further notice," according to the Kosovo police.'
    (quote,) = quotes_of(text)
    assert quote["cue"] == "according to"
    assert speaker(quote)[1:] == ("XKX", "COP")


def test_continued_quote_keeps_its_speaker(quotes_of):
    text = (
        '"We thanked our partners for their support," Greek Foreign Minister Nikos Dendias said. '
        '"Our two countries will keep working together on rescue efforts."'
    )
    quotes = [q for q in quotes_of(text) if q["kind"] == "direct"]
    assert len(quotes) == 2
    assert {speaker(q)[:2] for q in quotes} == {("Nikos Dendias", "GRC")}


def test_reported_statement_and_the_event_inside_it(quotes_of):
    text = "Vucic said the proposal does not respect Serbia's interests."
    (quote,) = quotes_of(text)
    assert quote["kind"] == "indirect"
    assert quote["text"] == "the proposal does not respect Serbia's interests"
    # a bare surname: the built-in registry gives his full name, country and office
    assert speaker(quote)[0].startswith("Aleksandar Vu")
    assert speaker(quote)[1:] == ("SRB", "GOV")
    assert len(quote["events"]) == 1


def test_short_scare_quotes_are_not_statements(quotes_of):
    assert quotes_of('Police dispersed the "Enough" movement in Cairo.') == []


def test_subtree_ends_match_spacy_subtree_order(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventscribe.coding.tree import Tree
    from eventscribe.quotes.finder import SubtreeEnds

    doc = nlp("Vucic said that Kurti had told reporters that Serbia, which he accused, attacked Kosovo "
              "before shooting it down, a claim that Moscow rejects.")  # fmt: skip
    tree = Tree.of(doc)
    shared = SubtreeEnds(tree)  # asked of every token in turn: remembers the chains
    for token in doc:
        order = list(token.subtree)
        expected = (order[0].i, order[-1].i)
        fresh = SubtreeEnds(tree)
        assert (fresh.first(token.i), fresh.last(token.i)) == expected
        assert (shared.first(token.i), shared.last(token.i)) == expected


def test_nested_reported_speech_stays_bounded(quotes_of) -> None:  # type: ignore[no-untyped-def]
    from eventscribe.quotes.finder import MAX_INDIRECT_CHARS

    names = ["Vucic", "Kurti", "Borrell", "Scholz", "Macron"]
    text = " ".join(f"{names[i % 5]} said that" for i in range(200)) + " Serbia attacked Kosovo."
    quotes = quotes_of(text)
    assert quotes and all(len(q["text"]) <= MAX_INDIRECT_CHARS for q in quotes)
