"""Where toponyms are in a parsed document: spans and their gazetteer candidates.

- spaCy entities labelled GPE, LOC or FAC (``place_labels`` in ``data/words.yaml``):
  any gazetteer name inside them, longest first ("Damascus countryside" gives
  Damascus); a whole span may be a place of any size;
- NORP entities and capitalised adjectives: demonyms and country/region names only
  ("Syrian" is Syria; "Catholic" is nothing); a demonym the model labelled a person
  or a language counts when a common noun follows ("Slovak architect", "the English
  city");
- other names (``other_name_labels``: ORG, PERSON, ...): a country, region or big city,
  or, as a *weak* mention, a town that begins the name ("Cavan County Council",
  "Dewsbury" taken for a person);
- proper-noun runs the model left unlabelled (a dateline "BEIRUT"): a country, region
  or demonym, a city of 100,000+ people, or, weakly, a town.

A weak mention is kept only when it resolves to a place in one of the article's main
countries (see :class:`eventscribe.places.tagger.PlaceTagger`). A word after another
capitalised word counts only as a country or region ("York" in "New York Times" is not
a place, "France" in "Air France" is).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventscribe.places.gazetteer import (
    ALIAS,
    ALTERNATE,
    DEMONYM,
    PRIMARY,
    QUALIFIER,
    Entry,
    Gazetteer,
)
from eventscribe.places.gazetteer import folded as fold
from eventscribe.places.words import PlaceWords, place_words

AREA_FEATURES = frozenset({"country", "admin1", "region", "continent", "water"})
_BIG_CITY = 100_000
_MILLION_CITY = 1_000_000
_KNOWN_TOWN = 10_000
# a town found only weakly must have this many people: fewer when the model said
# the name is a place or a name of some kind, more when it took it for a person
_WEAK_TOWN = {"PROPN": 1_000, "PERSON": 5_000}
_WEAK_TOWN_OTHER = 1_000
_MAX_WINDOW = 6


@dataclass(frozen=True)
class Mention:
    """A span of tokens that may be a toponym, with its candidate entries."""

    start: int  # token indexes
    end: int
    label: str
    candidates: tuple[tuple[Entry, str], ...]
    weak: bool = False  # kept only when it resolves inside one of the article's countries


def _acceptable(entry: Entry, how: str, label: str, whole: bool, words: PlaceWords) -> bool:
    """Whether a candidate may be used for a span the model labelled ``label``.

    ``whole``: the name is the whole entity span, not a part of a longer name.
    """
    if how == QUALIFIER:
        return whole and label in words.place_labels  # kept; used only by _regional()
    area = entry.feature in AREA_FEATURES
    if label == "DEMONYM":
        return how == DEMONYM
    if label in ("NORP", "ADJ"):
        return area and how != ALTERNATE
    if label in words.place_labels and whole:
        return how != ALTERNATE or entry.population >= _KNOWN_TOWN
    if how == DEMONYM and (whole or label == "PERSON"):
        return False
    if label == "PERSON" and not whole:
        return False
    if area:
        return how != ALTERNATE
    if how == ALTERNATE:
        return entry.population >= _MILLION_CITY
    return entry.population >= _BIG_CITY


def _spelling(text: str, entry: Entry) -> bool:
    """An alternate name that is a spelling of the entry's name ("Kiev", "New York"),
    not a translation or an old name ("Salisbury" for Harare)."""
    return fold(text)[:1] == fold(entry.name)[:1]


def case_ok(text: str) -> bool:
    """A name is written with a capital (or in capitals)."""
    return bool(text) and (text[0].isupper() or text.isupper())


def _plural_people(gaz: Gazetteer, last: Token, text: str) -> bool:
    """"Mexicans", "Nigerians": people, not the place (the adjective is kept).
    ``last`` is the name's last token, ``text`` the whole name."""
    if last.tag_ in ("NNS", "NNPS"):
        return True
    return text.endswith("s") and any(how == DEMONYM for _, how in gaz.lookup(text[:-1]))


def _candidates(gaz: Gazetteer, text: str, last: Token | None, label: str, whole: bool,
                words: PlaceWords) -> tuple[tuple[Entry, str], ...]:
    """Acceptable entries for the name ``text`` (a span of the document ending in the
    token ``last``)."""
    if not case_ok(text):
        return ()
    found = [(e, how) for e, how in gaz.lookup(text)
             if _acceptable(e, how, label, whole, words)
             and (how != ALTERNATE or _spelling(text, e))]
    if not found:
        return ()
    if any(how == DEMONYM for _, how in found) and _plural_people(gaz, last, text):
        found = [(e, how) for e, how in found if how != DEMONYM]
    if len(fold(text).replace(" ", "")) <= 3:
        # "US", "EU", "B.C.": an abbreviation must look like one
        abbreviation = text.isupper() or "." in text
        found = [(e, how) for e, how in found
                 if how != ALTERNATE and (abbreviation or how == PRIMARY)]
    return tuple(found)


def _towns(gaz: Gazetteer, text: str, label: str,
           words: PlaceWords) -> tuple[tuple[Entry, str], ...]:
    """Towns known by exactly the name ``text``, big enough for a weak mention labelled
    ``label``; none when the name is an ordinary word ("Union", "Hope")."""
    if not text[:1].isupper() or len(text) < 4:
        return ()
    if fold(text) in words.generic_words:
        return ()
    least = _WEAK_TOWN.get(label, _WEAK_TOWN_OTHER)
    return tuple((e, how) for e, how in gaz.lookup(text)
                 if e.feature == "city" and how == PRIMARY and e.population >= least)


def _trim(doc: Doc, start: int, end: int, words: PlaceWords) -> tuple[int, int]:
    while start < end and doc[start].lower_ in words.leading_words:
        start += 1
    while end > start and (doc[end - 1].lower_ in words.trailing_words or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _demonym_before_noun(doc: Doc, span: Span) -> bool:
    """"Slovak architect", "the English city": a one-word name followed by a common noun."""
    end = span.end
    return len(span) == 1 and end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower


def scan(gaz: Gazetteer, doc: Doc, start: int, end: int, label: str,
         people: set[str]) -> Iterator[Mention]:
    """Longest gazetteer names inside a span, left to right.

    A window's name is sliced from the span's text, made once, rather than built from
    a new Span for every window tried.
    """
    words = place_words()
    start, end = _trim(doc, start, end, words)
    if start >= end:
        return
    tokens = [doc[k] for k in range(start, end)]
    words_of = [t.text for t in tokens]
    text = "".join(t.text_with_ws for t in tokens)  # == doc[start:end].text_with_ws
    offset = tokens[0].idx
    begins = [t.idx - offset for t in tokens]
    ends = [b + len(w) for b, w in zip(begins, words_of)]
    may_be_weak = label == "PROPN" or label in words.other_name_labels
    i = start
    while i < end:
        # after another name word only a country or region name counts ("Air France"),
        # not "York" in "New York Times" nor "American" in "North American"
        inner = (i > start and case_ok(words_of[i - 1 - start])
                 and not tokens[i - 1 - start].is_punct)  # fmt: skip
        for j in range(min(end, i + _MAX_WINDOW), i, -1):
            whole = (i, j) == (start, end)
            name = text[begins[i - start] : ends[j - 1 - start]]  # == doc[i:j].text
            found = _candidates(gaz, name, tokens[j - 1 - start], label, whole=whole, words=words)
            weak = (not found and may_be_weak and i == start
                    and not any(w in people for w in words_of[i - start : j - start]))
            if weak:
                found = _towns(gaz, name, label, words)
            if inner:
                found = tuple((e, how) for e, how in found
                              if e.feature in AREA_FEATURES and how in (PRIMARY, ALIAS))
            if found:
                yield Mention(i, j, label, found, weak)
                i = j
                break
        else:
            i += 1


def surnames(doc: Doc, ents: tuple[Span, ...] | None = None) -> set[str]:
    """Words of the people named in full ("Jordan" after "Michael Jordan" is him).
    ``ents`` is ``doc.ents`` when the caller has it."""
    ents = doc.ents if ents is None else ents
    return {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _unlabelled(token: Token) -> bool:
    """A capitalised common noun the tagger missed: a dateline word or a mid-sentence name."""
    return token.pos_ == "NOUN" and (token.is_upper or not token.is_sent_start) and len(token) > 2


def _with_area_word(doc: Doc, end: int, words: PlaceWords) -> int:
    """Take in a following "region", "province", ... ("the Donetsk region")."""
    if end < len(doc) and doc[end].lower_ in words.area_words:
        return end + 1
    return end


def _entity_spans(doc: Doc, ents: tuple[Span, ...], people: set[str], words: PlaceWords
                  ) -> Iterator[tuple[int, int, str]]:
    for ent in ents:
        label = ent.label_
        if label == "PERSON" and ent.text in people:
            continue
        if label in ("PERSON", "LANGUAGE") and _demonym_before_noun(doc, ent):
            label = "DEMONYM"  # "Slovak architect", "the English city"
        elif label in words.skipped_labels:
            continue
        yield ent.start, _with_area_word(doc, ent.end, words), label


def regions(doc: Doc, people: set[str] | None = None) -> Iterator[tuple[int, int, str]]:
    """Token ranges worth looking up, with the label that sets what may match.
    ``people`` is ``surnames(doc)`` when the caller has it."""
    words = place_words()
    size = len(doc)
    taken = [False] * size
    ents = doc.ents
    people = surnames(doc, ents) if people is None else people
    for ent in ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
    yield from _entity_spans(doc, ents, people, words)
    i = 0
    while i < size:
        if taken[i]:
            i += 1
            continue
        token = doc[i]
        if not case_ok(token.text):
            i += 1
            continue
        pos = token.pos_
        if pos == "ADJ":
            yield i, i + 1, "ADJ"
            i += 1
        elif pos == "PROPN" or _unlabelled(token):
            j = i + 1
            while j < size and not taken[j]:
                following = doc[j]
                if following.pos_ != "PROPN" or not case_ok(following.text):
                    break
                j += 1
            yield i, _with_area_word(doc, j, words), "PROPN"
            i = j
        else:
            i += 1
