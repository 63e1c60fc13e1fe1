"""Where an event happened: the place its sentence puts it in, or nothing.

An event's location is a place the parse attaches to the event by a locative
preposition: "clashed in northern Kosovo", "met at the summit in Brussels",
"protested outside the embassy in Paris". The preposition must hang from the trigger
itself or from its object ("attacked a convoy near Aleppo"); a place inside another
actor's description ("officials in Brussels said") is only mentioned, not where the
event happened, and a place in a subordinate clause belongs to that clause. When the
sentence gives no place, the answer is None: never a guessed country centroid.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Token

from eventscribe.nlp.view import DocView
from eventscribe.places.tagger import Place
from eventscribe.places.words import place_words

_OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "nsubjpass"})
_NAME_LINKS = frozenset({"compound", "amod", "appos", "nmod", "poss"})


def _locative_preps(trigger: Token) -> Iterator[Token]:
    """Locative prepositions attached to the trigger or to its object, in text order."""
    locative = place_words().locative_prepositions
    heads = [trigger] + [c for c in trigger.children if c.dep_ in _OBJECTS]
    # "clashed with protesters in Kosovo": the parser often hangs the place on the
    # object of a non-locative preposition of the trigger
    heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ not in locative
              for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "agent":
        heads.append(trigger.head.head)
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in locative:
                yield child


def _place_tokens(pobj: Token) -> Iterator[Token]:
    """The object of the preposition and the words that name it: "the city of Aleppo"."""
    yield pobj
    for child in pobj.children:
        if child.dep_ in _NAME_LINKS:
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of":
            yield from (g for g in child.children if g.dep_ == "pobj")
            for g in child.children:
                if g.dep_ == "pobj":
                    yield from (c for c in g.children if c.dep_ in _NAME_LINKS)


def _place_at(token: Token, places: Sequence[Place]) -> Place | None:
    start, end = token.idx, token.idx + len(token.text)
    return next((p for p in places if p.start < end and start < p.end), None)


def event_location(trigger: Token, places: Sequence[Place]) -> Place | None:
    """The place where the event of ``trigger`` happened, or None when the text says none.

    ``places`` are the document's resolved places (:meth:`PlaceTagger.tag`).
    """
    for prep in _locative_preps(trigger):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for token in _place_tokens(pobj):
                place = _place_at(token, places)
                if place is not None:
                    return place
    return None


# The same search on a document's DocView by token position (the event coder's path,
# which makes no spaCy Token): labels and words compared as spaCy's string ids.
def _ids(*labels: str) -> frozenset[int]:
    return frozenset(get_string_id(label) for label in labels)


_OBJECT_IDS = _ids(*_OBJECTS)
_NAME_LINK_IDS = _ids(*_NAME_LINKS)
_PREP, _POBJ, _AGENT = get_string_id("prep"), get_string_id("pobj"), get_string_id("agent")
_OF = get_string_id("of")


@lru_cache(maxsize=1)
def _locative_ids() -> frozenset[int]:
    return _ids(*place_words().locative_prepositions)


def _locative_preps_at(view: DocView, trigger: int) -> Iterator[int]:
    """:func:`_locative_preps` by token position."""
    locative = _locative_ids()
    dep, lower, kids, head = view.dep, view.lower, view.children, view.head
    heads = [trigger] + [c for c in kids[trigger] if dep[c] in _OBJECT_IDS]
    heads += [g for c in kids[trigger] if dep[c] == _PREP and lower[c] not in locative
              for g in kids[c] if dep[g] == _POBJ]
    if dep[trigger] == _POBJ and dep[head[trigger]] == _AGENT:
        heads.append(head[head[trigger]])
    for h in heads:
        for child in kids[h]:
            if dep[child] == _PREP and lower[child] in locative:
                yield child


def _place_tokens_at(view: DocView, pobj: int) -> Iterator[int]:
    """:func:`_place_tokens` by token position."""
    dep, kids = view.dep, view.children
    yield pobj
    for child in kids[pobj]:
        if dep[child] in _NAME_LINK_IDS:
            yield child
        elif dep[child] == _PREP and view.lower[child] == _OF:
            yield from (g for g in kids[child] if dep[g] == _POBJ)
            for g in kids[child]:
                if dep[g] == _POBJ:
                    yield from (c for c in kids[g] if dep[c] in _NAME_LINK_IDS)


def event_location_at(view: DocView, trigger: int, places: Sequence[Place]) -> Place | None:
    """:func:`event_location` of the token at position ``trigger`` of ``view``'s document."""
    if not places:
        return None
    dep, kids = view.dep, view.children
    for prep in _locative_preps_at(view, trigger):
        for pobj in (c for c in kids[prep] if dep[c] == _POBJ):
            for token in _place_tokens_at(view, pobj):
                start = view.idx[token]
                end = start + view.length[token]
                place = next((p for p in places if p.start < end and start < p.end), None)
                if place is not None:
                    return place
    return None
