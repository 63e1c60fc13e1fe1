"""Noun-phrase anatomy: which tokens describe the actor a head noun stands for.

The coder asks about argument heads (the subject, the object); an actor is described by
the head's modifiers ("Serbian President Aleksandar Vucic", "Kosovo's authorities", "the
head of the EU delegation"). These helpers pick those tokens out of the parse.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventscribe.actors.memory import NOMINAL_POS
from eventscribe.nlp.view import DocView

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
# Plural pronouns: a place named as where someone is ("lived in Moscow") is none of them
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# First-person pronouns: in a reported clause they stand for its speaker, not for whoever
# was named last
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_NAME_PARTS = frozenset({"compound", "flat"})
_CONJUNCTS = frozenset({"conj", "cc"})
# Leading words trimmed from a name ("the", "'s" markers, punctuation).
_LEADING = frozenset({"det", "punct", "case"})
SEPARATE_DEPS = frozenset({"conj", "cc", "preconj"})
# Clauses hanging off a noun say something about it, they do not name it ("the plan to
# recognise Jerusalem", "a journalist who had been sentenced"): outside the mention.
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl"})
# Prepositional phrases that still say who or where the actor is ("head of", "people
# from", "forces in"); others ("request for revocation") are outside the mention.
NAMING_PREPOSITIONS = frozenset(
    {"of", "in", "from", "at", "near", "outside", "inside", "throughout"}
)
LOCATIVE_PREPOSITIONS = frozenset({"in", "from", "throughout", "across", "inside"})
# Dependency labels of a noun that modifies another noun rather than heading a phrase.
_MODIFIER_DEPS = frozenset({"compound", "flat", "amod", "poss", "nmod"})


# The helpers read the parse through a DocView (token indexes, not spaCy Token objects):
# the tagger calls them for every head it resolves. tests/actors/test_view_phrases.py
# compares each with a Token-based reference on parsed articles.


class PhraseIds:
    """The label and word sets above as the integer ids of one vocabulary."""

    def __init__(self, view: DocView, owner_participles: Iterable[str] = ()) -> None:
        """``owner_participles``: words.yaml's participles after a name whose phrase is
        that name's ("Saudi-led"); without them such a name is not part of the phrase."""
        self.vocab = view.doc.vocab
        self.owners = view.ids(owner_participles)
        self.dash = view.id("-")
        self.left_modifiers = view.ids(LEFT_MODIFIERS)
        self.descriptive = view.ids(DESCRIPTIVE_PREPOSITIONS)
        self.name_parts = view.ids(_NAME_PARTS)
        self.conjuncts = view.ids(_CONJUNCTS)
        self.leading = view.ids(_LEADING)
        self.separate = view.ids(SEPARATE_DEPS)
        self.clauses = view.ids(CLAUSE_DEPS)
        self.naming = view.ids(NAMING_PREPOSITIONS)
        self.dates = view.ids({"DATE", "TIME"})
        self.pronoun_words = view.ids(PRONOUNS_PERSON | PRONOUNS_GROUP)
        self.prep, self.pobj, self.case = view.id("prep"), view.id("pobj"), view.id("case")
        self.pcomp = view.id("pcomp")
        self.conj = view.id("conj")
        self.pron, self.propn = view.id("PRON"), view.id("PROPN")
        self.nominal = view.ids(NOMINAL_POS)
        self.noun_modifiers = view.ids(_MODIFIER_DEPS)
        self.poss = view.id("poss")
        self.locative = view.ids(LOCATIVE_PREPOSITIONS)
        self.person_pronouns = view.ids(PRONOUNS_PERSON)
        self.first_person = view.ids(FIRST_PERSON)
        self.plural_pronouns = view.ids(PLURAL_PRONOUNS)
        # a token whose lower-case form is ")" is the text ")": no case to fold
        self.close_paren = view.id(")")


def modifier_indexes(view: DocView, ids: PhraseIds, head: int) -> list[int]:
    """The head and the tokens that modify it as part of its description, as sorted
    token indexes.

    Follows compounds, adjectives, possessives and "of" phrases, but not relative
    clauses, appositions or other prepositions ("to Serbia", "in Brussels").
    """
    children = view.children
    if not children[head]:
        return [head]  # most heads: a bare noun or name
    found: set[int] = set()
    stack = [head]
    first = True
    dep, lower, ent = view.dep, view.lower, view.ent_type
    left, name_parts, conjuncts = ids.left_modifiers, ids.name_parts, ids.conjuncts
    prep, pobj, descriptive = ids.prep, ids.pobj, ids.descriptive
    # "On Monday Macron criticised": a date the parser hung on a name is not part of it
    # (a date before a common noun is: "a 46-year-old man", "the 2011 intervention")
    dated = view.pos[head] == ids.propn and ent[head] not in ids.dates
    while stack:
        at = stack.pop()
        found.add(at)
        for child in children[at]:
            label = dep[child]
            if label in left and child < at:
                if not (dated and at == head and ent[child] in ids.dates):
                    stack.append(child)
            elif label == prep and lower[child] in descriptive:
                stack.extend(c for c in children[child] if dep[c] == pobj)
                found.add(child)
            elif label in name_parts or label in conjuncts and not first:
                stack.append(child)
            elif child == at - 2 and lower[at] in ids.owners and lower[at - 1] == ids.dash:
                stack.append(child)  # "Saudi" of "the Saudi-led coalition"
        first = False
    return sorted(found)


def phrase_range(view: DocView, ids: PhraseIds, head: int, tokens: list[int]) -> tuple[int, int]:
    """The (start, end) token range from the first to the last of ``tokens`` (the
    head's :func:`modifier_indexes`), without leading determiners and punctuation, so
    that it reads as a name."""
    start, end = tokens[0], tokens[-1] + 1
    while start < head and (view.dep[start] in ids.leading or view.is_space[start]):
        start += 1
    while end - 1 > head and (view.is_punct[end - 1] or view.is_space[end - 1]):
        end -= 1
    return start, end


def mention_range(view: DocView, ids: PhraseIds, head: int) -> tuple[int, int]:
    """The (start, end) token range of the noun phrase of ``head`` as a reader would
    quote it to say who: its modifiers, appositions and naming phrases ("of", "in",
    "from" ...), without clauses about it, conjoined actors (mentions of their own),
    time phrases ("on June 19") or edge punctuation."""
    dep = view.dep
    start = end = head
    children = view.children
    if children[head]:
        excluded: set[int] = set()
        separate, clauses, prep, naming = ids.separate, ids.clauses, ids.prep, ids.naming
        ent, dates = view.ent_type, ids.dates
        named = view.pos[head] == ids.propn and ent[head] not in dates
        for child in children[head]:
            label = dep[child]
            if (
                (child < head and ent[child] in dates and named)  # "On Monday Macron"
                or label in separate
                or label in clauses
                or label == prep
                and (view.lower[child] not in naming or _is_time_phrase_at(view, ids, child))
            ):
                excluded.update(view.subtree(child))
        for i in view.subtree(head) - excluded:
            # a clause deeper down, about an apposition or a naming phrase's noun ("al-
            # Shabab, an al-Qaeda-affiliated group seeking to overthrow ...", "a member
            # from holding office"), is outside the mention too
            if i != head and dep[i] in clauses:
                excluded.update(view.subtree(i))
            elif dep[i] == ids.pcomp and view.head[i] != head:
                excluded.update(view.subtree(view.head[i]))  # the preposition with it
        indexes = view.subtree(head) - excluded if excluded else view.subtree(head)
        while start - 1 in indexes:
            start -= 1
        while end + 1 in indexes:
            end += 1
        punct, space = view.is_punct, view.is_space
        while start < head and (punct[start] or space[start] or dep[start] == ids.case):
            start += 1
        while end > head and (punct[end] or space[end]):
            end -= 1
    text = view.span_text(start, end + 1)
    if (
        text.count("(") > text.count(")")
        and end + 1 < len(view)
        and view.lower[end + 1] == ids.close_paren
    ):
        return start, end + 2  # keep "(DPRK)" whole
    return start, end + 1


def _is_time_phrase_at(view: DocView, ids: PhraseIds, i: int) -> bool:
    return view.dep[i] == ids.prep and any(
        view.dep[c] == ids.pobj and view.ent_type[c] in ids.dates for c in view.children[i]
    )


def locative_indexes(view: DocView, ids: PhraseIds, head: int) -> list[int]:
    """Places the head is said to be in or from ("rebels in Ivory Coast"), as token
    indexes, conjoined places each ("lawmakers in Arnor and Gondor")."""
    dep, children = view.dep, view.children
    places = [
        obj
        for prep in children[head]
        if dep[prep] == ids.prep and view.lower[prep] in ids.locative
        for obj in children[prep]
        if dep[obj] == ids.pobj
    ]
    return [p for place in places for p in (place, *conjuncts(view, ids, place))]


def conjuncts(view: DocView, ids: PhraseIds, head: int) -> list[int]:
    """The tokens conjoined to ``head`` after it ("Arnor, Rohan and Gondor"), in order."""
    found: list[int] = []
    frontier = [head]
    while frontier:
        token = frontier.pop()
        for child in view.children[token]:
            if view.dep[child] == ids.conj and child not in found:
                found.append(child)
                frontier.append(child)
    return sorted(found)


def is_pronoun_at(view: DocView, ids: PhraseIds, i: int) -> bool:
    """A personal pronoun that can stand for an actor ("he", "they", "its")."""
    return view.pos[i] == ids.pron and view.lower[i] in ids.pronoun_words


def head_candidate_flags(view: DocView, ids: PhraseIds) -> list[bool]:
    """For every token: a noun, proper noun or pronoun that is not a modifier of
    another noun ("Serbian President Vucic": only "Vucic"); a possessive of a non-noun
    counts."""
    pos, nominal, modifiers, poss = view.pos, ids.nominal, ids.noun_modifiers, ids.poss
    return [
        p in nominal and (d not in modifiers or d == poss and pos[h] not in nominal)
        for p, d, h in zip(pos, view.dep, view.head, strict=True)
    ]
