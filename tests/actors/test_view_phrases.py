"""The tagger's index-based phrase helpers give what the Token-based ones give.

The tagger reads noun phrases through :class:`eventscribe.nlp.view.DocView` (for speed);
the coder still calls the Token versions. Both must describe the same mentions.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventscribe.actors.heads import TaggerIds, may_name_an_actor
from eventscribe.actors.phrases import (
    PhraseIds,
    head_candidate_flags,
    is_head_candidate,
    is_pronoun,
    is_pronoun_at,
    locative_indexes,
    locative_objects,
    mention_range,
    mention_span,
    modifier_indexes,
    modifier_tokens,
    phrase_range,
    phrase_span,
)
from eventscribe.nlp.view import DocView

TEXTS = [
    "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti met in Brussels.",
    ("The head of the EU delegation to North Korea (DPRK), who arrived on June 19, said "
    "opposition groups in Zimbabwe and senior Hungarian and Romanian officials agreed."),
    "They said the plan to recognise Jerusalem, announced by the US on Monday, was a mistake.",
    "Police in Kyiv detained a journalist who had been sentenced, while both sides talked.",
]


@pytest.fixture(scope="module")
def docs(nlp) -> list[Doc]:
    return list(nlp.pipe(TEXTS))


def test_index_helpers_match_token_helpers(docs: list[Doc]) -> None:
    for doc in docs:
        view = DocView(doc)
        ids = PhraseIds(view)
        assert head_candidate_flags(view, ids) == [is_head_candidate(t) for t in doc]
        for token in doc:
            i = token.i
            assert is_pronoun_at(view, ids, i) == is_pronoun(token)
            described = modifier_indexes(view, ids, i)
            assert described == [t.i for t in modifier_tokens(token)]
            short = phrase_span(token)
            assert phrase_range(view, ids, i, described) == (short.start, short.end)
            mention = mention_span(token)
            assert mention_range(view, ids, i) == (mention.start, mention.end)


def test_locative_indexes_match_locative_objects(docs: list[Doc]) -> None:
    found = 0
    for doc in docs:
        view = DocView(doc)
        ids = PhraseIds(view)
        for token in doc:
            objects = [t.i for t in locative_objects(token)]
            assert locative_indexes(view, ids, token.i) == objects
            found += len(objects)
    assert found  # "groups in Zimbabwe", "Police in Kyiv"


def test_may_name_an_actor_reads_the_edges_spacy_gives(docs: list[Doc]) -> None:
    """The subtree shortcut answers what the clues between spaCy's edges answer."""
    for doc in docs:
        view = DocView(doc)
        ids = TaggerIds(view)
        # clues at every third token, then at none: both answers must occur
        for clues in ({i: None for i in range(0, len(doc), 3)}, {}):
            for token in doc:
                quick = (view.pos[token.i] in ids.propn_pron or view.is_title[token.i]
                         or view.lower[token.i] in ids.pair_words | ids.group_nouns)
                spacy_answer = quick or any(
                    j in clues for j in range(token.left_edge.i, token.right_edge.i + 1)
                )
                assert may_name_an_actor(view, ids, token.i, clues) == spacy_answer, token.text
