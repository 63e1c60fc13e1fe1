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

from spacy.tokens import Token

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
