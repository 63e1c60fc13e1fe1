"""What the actor tagger asks about single tokens, answered from a :class:`DocView`.

Whether a head may name an actor at all, which words of its phrase are a name, where
a phrase holds two people, whether a role word describes the head, and whether a
matched country or name is plausible where it stands. These run for every nominal
head of every article, so they read token indexes and integer label ids instead of
making spaCy ``Token`` objects.
"""

from __future__ import annotations

from itertools import accumulate

from spacy.tokens import Doc

from eventscribe.actors.memory import Clue
from eventscribe.actors.phrases import PhraseIds
from eventscribe.actors.words import ActorWords
from eventscribe.nlp.view import DocView


class TaggerIds:
    """The tagger's label and word sets as integer ids of one vocabulary."""

    def __init__(self, view: DocView, words: ActorWords) -> None:
        self.vocab = view.doc.vocab
        self.phrase = PhraseIds(view, words.owner_participles)
        self.propn, self.noun = view.id("PROPN"), view.id("NOUN")
        self.nominal_name = frozenset({self.propn, self.noun})
        self.propn_pron = view.ids({"PROPN", "PRON"})
        self.pair_words = view.ids(words.pair_words)
        self.group_nouns = view.ids(words.group_nouns)
        self.member_nouns = view.ids(words.member_nouns)
        self.opposing_nouns = view.ids(words.opposing_nouns)
        self.other_words = view.ids(words.other_words)
        self.relation_nouns = view.ids(words.relation_nouns)
        self.appos = view.id("appos")
        self.place_prepositions = view.ids(words.place_prepositions)
        self.both_two = view.ids({"both", "two"})
        self.cc, self.compound = view.id("cc"), view.id("compound")
        self.and_words = view.ids({"and", "&"})
        self.person = view.id("PERSON")
        self.det, self.of = view.id("det"), view.id("of")
        self.not_names = view.ids({"det", "case", "poss"})
        self.name_ents = view.ids({"PERSON", "ORG", "GPE", "NORP"}) | {0}  # 0: no entity
        self.plain_or_person = frozenset({0, self.person})
        self.group_ents = view.ids({"GPE", "LOC", "FAC", "ORG"})  # names of no he or she
        self.plural_tags = view.ids({"NNS", "NNPS"})
        self.subject_or_owner = view.ids({"nsubj", "nsubjpass", "poss"})
        self.not_actor_pos = view.ids({"VERB", "AUX", "ADP"})
        self.verbs = view.ids({"VERB", "AUX"})
        self.stance = view.ids(words.stance_prefixes)
        self.backing = view.ids(words.backing_words)
        self.continent = view.ids(words.continent_prefixes)
        self.subjects = view.ids({"nsubj", "nsubjpass"})
        # where a name stands though the tagger took it for a verb ("Trump threatened")
        self.named_slots = view.ids({"nsubj", "nsubjpass", "dobj", "pobj"})
        # clauses whose speaker a pronoun in them may be ("Vucic said he ...")
        self.reported = view.ids({"ccomp", "xcomp", "conj", "advcl"})
        self.relative_clause = view.id("relcl")
        self.dash = view.id("-")  # lower-case "-" is the text "-"


def may_name_an_actor(
    view: DocView, ids: TaggerIds, i: int, clues: dict[int, Clue], clues_before: list[int]
) -> bool:
    """A cheap test before resolving: the phrase holds a known word, a name, a pronoun,
    or a word that can borrow a country ("groups in Zimbabwe", "both sides").
    ``clues_before[k]`` is the number of tokens before ``k`` that have a clue
    (:func:`clue_counts`)."""
    if view.pos[i] in ids.propn_pron or view.is_title[i] or view.lower[i] in ids.pair_words:
        return True
    if view.lower[i] in ids.group_nouns or i in clues:
        return True  # a token lies between its own left and right edges
    if not view.children[i]:
        return False  # its edges are itself
    # a clue between spaCy's left and right edges (after a non-projective parse not
    # always the first and last of the subtree): two Token objects are cheaper than
    # the subtree ends of every token, and ``clues_before`` counts the range at once
    token = view.doc[i]
    return clues_before[token.right_edge.i + 1] != clues_before[token.left_edge.i]


def clue_counts(n: int, clues: dict[int, Clue]) -> list[int]:
    """For k in 0..n, how many of the tokens before k have a clue: whether a range of
    tokens holds one is then a subtraction."""
    return list(accumulate(map(clues.__contains__, range(n)), initial=0))


def person_segments(view: DocView, ids: TaggerIds, tokens: list[int]) -> list[list[int]]:
    """Split a phrase at "and" when each side names a person; else one segment."""
    cc, and_words, dep, lower = ids.cc, ids.and_words, view.dep, view.lower
    for i in tokens:
        if dep[i] == cc and lower[i] in and_words:
            break
    else:
        return [tokens]  # nothing to split at (most phrases)
    segments: list[list[int]] = [[]]
    for i in tokens:
        if view.dep[i] == ids.cc and view.lower[i] in ids.and_words:
            segments.append([])
        else:
            segments[-1].append(i)
    with_names = [
        seg for seg in segments if seg and any(view.ent_type[i] == ids.person for i in seg)
    ]
    return with_names if len(with_names) > 1 and len(with_names) == len(segments) else [tokens]


def role_describes_head(view: DocView, ids: TaggerIds, role: Clue, head: int) -> bool:
    """A role word makes the phrase an actor only as its head or as a title before a
    name: "military aid" is not an actor, "army reservists", "police chief" (a member
    noun) and "President Obama" are."""
    if role.start <= head < role.end:
        return True
    if view.pos[head] == ids.propn:
        return True
    last = role.end - 1
    if (
        view.lower[head] in ids.member_nouns
        and _of_object(view, ids, last, head)
        and not any(view.dep[c] == ids.compound for c in view.children[head])
    ):
        # "four members of his family", "leaders of the protesters"; not "family members
        # of detained lawyers", whose own compound says whose members they are
        return True
    if view.dep[last] != ids.compound or view.pos[head] != ids.noun:
        return False
    if view.lower[head] in ids.group_nouns or view.tag[head] in ids.plural_tags:
        return True
    # "police chief": the body a member noun's holder serves, right before it
    return view.lower[head] in ids.member_nouns and view.head[last] == head


def _of_object(view: DocView, ids: TaggerIds, token: int, head: int) -> bool:
    """``token`` heads the object of an "of" phrase on ``head`` ("members of the police")."""
    prep = view.head[token]
    phrase = ids.phrase
    return (
        view.dep[token] == phrase.pobj
        and view.dep[prep] == phrase.prep
        and view.lower[prep] in phrase.descriptive  # "of"
        and view.head[prep] == head
    )


def is_name(view: DocView, ids: TaggerIds, i: int, head: int) -> bool:
    """Whether token ``i`` of the phrase of ``head`` is part of a person's or group's name."""
    if view.is_punct[i] or view.is_space[i] or view.dep[i] in ids.not_names:
        return False
    ent = view.ent_type[i]
    if ent == ids.person:
        return True
    if view.pos[i] == ids.propn and ent in ids.name_ents:
        # an unknown proper noun next to the head: part of a person's or group's name
        return ent in ids.plain_or_person or i == head
    if i != head or view.pos[i] != ids.noun:
        return False
    if view.is_title[i] and not view.sent_start[i]:
        return True  # "Price said": a surname the tagger took for a common noun
    # "Ned price": a lower-case surname after a first name compounded with it
    prev = i - 1
    return bool(
        prev >= 0
        and view.head[prev] == i
        and view.dep[prev] == ids.compound
        and view.pos[prev] == ids.propn
        and view.is_title[prev]
        and view.ent_type[prev] in ids.plain_or_person
    )


def plausible(view: DocView, ids: TaggerIds, start: int, end: int, kind: str) -> bool:
    """Filter matches that are common words in this context ("Chad" the name, "us"), and
    countries an actor is only for, against or backed by ("an anti-Syria journalist",
    "pro-Russian separatists", "US-backed fighters")."""
    if kind in {"country", "capital"}:
        root = start if end - start == 1 else _root(view.doc, start, end)
        if view.ent_type[root] == ids.person and _part_of_a_name(view, ids, start, end):
            return False
    lower = view.lower
    if start >= 2 and lower[start - 1] == ids.dash and lower[start - 2] in ids.stance:
        return False
    if end + 1 < len(lower) and lower[end] == ids.dash and lower[end + 1] in ids.backing:
        return False
    if (
        start >= 1
        and view.lower[start - 1] in ids.continent
        and view.string(view.lower[start]).startswith("america")
    ):
        return False
    return not (end - start == 1 and view.pos[start] in ids.not_actor_pos)


def _part_of_a_name(view: DocView, ids: TaggerIds, start: int, end: int) -> bool:
    """The words ``start:end``, which the recogniser labels a person, are part of a
    person's name: here ("Chad Johnson") or in a longer name of the document ("Michael
    Jordan", then "Jordan"). A person label on a country's name standing alone ("Chad's
    president", "Ithilen's president") is the recogniser's mistake."""
    words = {view.lower[i] for i in range(start, end)}
    for first, last, label in view.entities():
        if label != ids.person:
            continue
        if first <= start and end <= last and (first, last) != (start, end):
            return True
        if last - first > end - start and words & {view.lower[i] for i in range(first, last)}:
            return True
    return False


def _root(doc: Doc, start: int, end: int) -> int:
    return doc[start:end].root.i
