"""The index-based phrase helpers give what the same rules written over spaCy Token
objects give (the references below, which the helpers replaced for speed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span, Token

from eventscribe.actors.heads import TaggerIds, clue_counts, may_name_an_actor
from eventscribe.actors.memory import NOMINAL_POS
from eventscribe.actors.phrases import (
    _CONJUNCTS,
    _LEADING,
    _MODIFIER_DEPS,
    _NAME_PARTS,
    CLAUSE_DEPS,
    DESCRIPTIVE_PREPOSITIONS,
    LEFT_MODIFIERS,
    LOCATIVE_PREPOSITIONS,
    NAMING_PREPOSITIONS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    SEPARATE_DEPS,
    PhraseIds,
    head_candidate_flags,
    is_pronoun_at,
    locative_indexes,
    mention_range,
    modifier_indexes,
    phrase_range,
)
from eventscribe.actors.words import load_actor_words
from eventscribe.nlp.view import DocView

TEXTS = [
    "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti met in Brussels.",
    (
        "The head of the EU delegation to North Korea (DPRK), who arrived on June 19, said "
        "opposition groups in Zimbabwe and senior Hungarian and Romanian officials agreed."
    ),
    "They said the plan to recognise Jerusalem, announced by the US on Monday, was a mistake.",
    "Police in Kyiv detained a journalist who had been sentenced, while both sides talked.",
]


# -- the rules over spaCy Tokens, as the tagger first had them ---------------------------


def modifier_tokens(head: Token) -> list[Token]:
    """The head and the tokens that modify it as part of its description, in text order.

    Follows compounds, adjectives, possessives and "of" phrases, but not relative
    clauses, appositions or other prepositions ("to Serbia", "in Brussels").
    """
    found: dict[int, Token] = {}  # by index: a token reached twice is kept once
    stack = [head]
    first = True
    # "On Monday Macron": not his name ("a 46-year-old man" keeps its age)
    dated = head.pos_ == "PROPN" and head.ent_type_ not in ("DATE", "TIME")
    while stack:
        token = stack.pop()
        found.setdefault(token.i, token)
        at = token.i
        for child in token.children:
            dep = child.dep_
            if dep in LEFT_MODIFIERS and child.i < at:
                if not (dated and token is head and child.ent_type_ in ("DATE", "TIME")):
                    stack.append(child)
            elif dep == "prep" and child.lower_ in DESCRIPTIVE_PREPOSITIONS:
                stack.extend(c for c in child.children if c.dep_ == "pobj")
                found.setdefault(child.i, child)
            elif dep in _NAME_PARTS:
                stack.append(child)
            elif dep in _CONJUNCTS and not first:
                # "Hungarian and Romanian officials": conjoined modifiers
                stack.append(child)
        first = False
    return [found[i] for i in sorted(found)]


def phrase_span(head: Token, tokens: list[Token] | None = None) -> Span:
    """The contiguous span from the first to the last descriptive token of ``head``.

    Leading determiners and punctuation are trimmed so the span reads as a name.
    ``tokens`` is ``modifier_tokens(head)`` when the caller already has it.
    """
    tokens = tokens if tokens is not None else modifier_tokens(head)
    start, end = tokens[0].i, tokens[-1].i + 1
    doc = head.doc
    at = head.i
    while start < at:
        token = doc[start]
        if not (token.dep_ in _LEADING or token.is_space):
            break
        start += 1
    while end - 1 > at:
        token = doc[end - 1]
        if not (token.is_punct or token.is_space):
            break
        end -= 1
    return doc[start:end]


def mention_span(head: Token) -> Span:
    """The noun phrase of ``head`` as a reader would quote it to say who: its modifiers,
    appositions and naming phrases ("of", "in", "from" ...), without clauses about it,
    conjoined actors (mentions of their own) or edge punctuation."""
    excluded: set[int] = set()
    for child in head.children:
        dep = child.dep_
        if (
            (
                child.i < head.i
                and child.ent_type_ in ("DATE", "TIME")
                and head.ent_type_ not in ("DATE", "TIME")
                and head.pos_ == "PROPN"
            )
            or dep in SEPARATE_DEPS
            or dep in CLAUSE_DEPS
            or (dep == "prep" and child.lower_ not in NAMING_PREPOSITIONS)
            or _is_time_phrase(child)
        ):
            excluded.update(t.i for t in child.subtree)
    for token in head.subtree:
        # a clause deeper down (about an apposition or a naming phrase's noun), or a
        # preposition with a gerund ("from holding office"), is outside the mention too
        if token.i in excluded or token.i == head.i:
            continue
        if token.dep_ in CLAUSE_DEPS:
            excluded.update(t.i for t in token.subtree)
        elif token.dep_ == "pcomp" and token.head.i != head.i:
            excluded.update(t.i for t in token.head.subtree)
    indexes = {t.i for t in head.subtree}
    indexes.difference_update(excluded)
    # keep the run around the head contiguous
    start = end = head.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    doc = head.doc
    at = head.i
    while start < at:
        token = doc[start]
        if not (token.is_punct or token.is_space or token.dep_ == "case"):
            break
        start += 1
    while end > at:
        token = doc[end]
        if not (token.is_punct or token.is_space):
            break
        end -= 1
    span = doc[start : end + 1]
    text = span.text
    if text.count("(") > text.count(")") and end + 1 < len(doc) and doc[end + 1].text == ")":
        span = doc[start : end + 2]  # keep "(DPRK)" whole
    return span


def locative_objects(head: Token) -> list[Token]:
    """Places the head is said to be in or from ("rebels in Ivory Coast")."""
    return [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPOSITIONS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _is_time_phrase(token: Token) -> bool:
    """ "on June 19" hanging off a noun is when, not who."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children
    )


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP


def is_head_candidate(token: Token) -> bool:
    """A noun, proper noun or pronoun that is not a modifier of another noun ("Serbian
    President Vucic": only "Vucic"); a possessive of a non-noun counts."""
    if token.pos_ not in NOMINAL_POS:
        return False
    return (
        token.dep_ not in _MODIFIER_DEPS
        or token.dep_ == "poss"
        and token.head.pos_ not in NOMINAL_POS
    )


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
        ids = TaggerIds(view, load_actor_words())
        # clues at every third token, then at none: both answers must occur
        for clues in ({i: None for i in range(0, len(doc), 3)}, {}):
            for token in doc:
                quick = (
                    view.pos[token.i] in ids.propn_pron
                    or view.is_title[token.i]
                    or view.lower[token.i] in ids.pair_words | ids.group_nouns
                )
                spacy_answer = quick or any(
                    j in clues for j in range(token.left_edge.i, token.right_edge.i + 1)
                )
                before = clue_counts(len(doc), clues)
                answer = may_name_an_actor(view, ids, token.i, clues, before)
                assert answer == spacy_answer, token.text
