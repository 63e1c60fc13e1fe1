"""Noun-phrase anatomy: which tokens describe the actor a head noun stands for.

The coder asks about argument heads (the subject, the object); an actor is described by
the head's modifiers ("Serbian President Aleksandar Vucic", "Kosovo's authorities", "the
head of the EU delegation"). These helpers pick those tokens out of the parse.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# Dependency labels of left modifiers that belong to the actor description.
LEFT_MODIFIERS = frozenset(
    {"compound", "amod", "nmod", "poss", "det", "flat", "nummod", "case", "punct", "quantmod"}
)
# Prepositions whose object still describes the same actor ("head of the EU delegation").
DESCRIPTIVE_PREPOSITIONS = frozenset({"of"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PRONOUNS_GROUP = frozenset(
    {"they", "them", "their", "theirs", "it", "its", "itself", "themselves", "we", "us", "our"}
)


def modifier_tokens(head: Token) -> list[Token]:
    """The head and the tokens that modify it as part of its description, in text order.

    Follows compounds, adjectives, possessives and "of" phrases, but not relative
    clauses, appositions or other prepositions ("to Serbia", "in Brussels").
    """
    found: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        found.append(token)
        for child in token.children:
            if child.dep_ in LEFT_MODIFIERS and child.i < token.i:
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ in DESCRIPTIVE_PREPOSITIONS:
                stack.extend(c for c in child.children if c.dep_ == "pobj")
                found.append(child)
            elif child.dep_ in {"compound", "flat"}:
                stack.append(child)
            elif child.dep_ in {"conj", "cc"} and token is not head:
                # "Hungarian and Romanian officials": conjoined modifiers
                stack.append(child)
    return sorted(set(found), key=lambda t: t.i)


def phrase_span(head: Token) -> Span:
    """The contiguous span from the first to the last descriptive token of ``head``.

    Leading determiners and punctuation are trimmed so the span reads as a name.
    """
    tokens = modifier_tokens(head)
    start, end = tokens[0].i, tokens[-1].i + 1
    doc = head.doc
    while start < head.i and (doc[start].dep_ in {"det", "punct", "case"} or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


SEPARATE_DEPS = frozenset({"conj", "cc", "preconj"})
# Clauses hanging off a noun say something about it, they do not name it ("the plan to
# recognise Jerusalem", "a journalist who had been sentenced"): outside the mention.
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl"})
# Prepositional phrases that still say who or where the actor is ("head of", "people
# from", "forces in"); others ("request for revocation") are outside the mention.
NAMING_PREPOSITIONS = frozenset({"of", "in", "from", "at", "near", "outside", "inside", "throughout"})


def mention_span(head: Token) -> Span:
    """The noun phrase of ``head`` as a reader would quote it to say who: its modifiers,
    appositions and naming phrases ("of", "in", "from" ...), without clauses about it,
    conjoined actors (mentions of their own) or edge punctuation."""
    excluded = {
        t.i
        for child in head.children
        if child.dep_ in SEPARATE_DEPS
        or child.dep_ in CLAUSE_DEPS
        or (child.dep_ == "prep" and child.lower_ not in NAMING_PREPOSITIONS)
        or _is_time_phrase(child)
        for t in child.subtree
    }
    indexes = [t.i for t in head.subtree if t.i not in excluded]
    # keep the run around the head contiguous
    start = end = head.i
    while start - 1 in indexes:
        start -= 1
    while end + 1 in indexes:
        end += 1
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "case"):
        start += 1
    while end > head.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    span = doc[start : end + 1]
    if span.text.count("(") > span.text.count(")") and end + 1 < len(doc) and doc[end + 1].text == ")":
        span = doc[start : end + 2]  # keep "(DPRK)" whole
    return span


LOCATIVE_PREPOSITIONS = frozenset({"in", "from", "throughout", "across", "inside"})


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
    """"on June 19" hanging off a noun is when, not who."""
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children
    )


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP


def pronoun_wants_person(token: Token) -> bool:
    return token.lower_ in PRONOUNS_PERSON
