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
from typing import Any

from eventscribe.nlp.view import DocView
from eventscribe.places.gazetteer import (
    ALIAS,
    ALTERNATE,
    DEMONYM,
    PRIMARY,
    QUALIFIER,
    Entry,
    PlaceLookup,
)
from eventscribe.places.gazetteer import folded as fold
from eventscribe.places.words import PlaceWords, place_words, plural

AREA_FEATURES = frozenset({"country", "admin1", "region", "continent", "water"})
_BIG_CITY = 100_000
_MILLION_CITY = 1_000_000
_KNOWN_TOWN = 10_000
# a town found only weakly must have this many people: fewer when the model said
# the name is a place or a name of some kind, more when it took it for a person
_WEAK_TOWN = {"PROPN": 1_000, "PERSON": 5_000}
_WEAK_TOWN_OTHER = 1_000
_MAX_WINDOW = 6
# names the model labelled as something other than a place that are looked up as places
# when they stand in a locative phrase ("in Hama", "in the town of X"), under this label
LOCATIVE = "LOCATIVE"
# the same for a name the model labelled a person, as the object of a verb of taking a place
TAKEN_PERSON = "TAKEN_PERSON"
ADJ_BEFORE_PLACE = "ADJ_BEFORE_PLACE"
_RELABELLED = frozenset({"PERSON", "ORG", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


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
    if label == TAKEN_PERSON:  # "stormed Palmyra", the model's person
        known = area or entry.population >= _KNOWN_TOWN
        return whole and how in (PRIMARY, ALIAS) and known
    if label == LOCATIVE:  # a name the model mislabelled, in a locative phrase
        big_enough = area or entry.population >= _WEAK_TOWN_OTHER
        town = whole and how in (PRIMARY, ALIAS) and big_enough
        return town or _acceptable(entry, how, "ORG", whole, words)
    if label == "DEMONYM":
        return how == DEMONYM
    if label in ("NORP", "ADJ"):
        return area and how != ALTERNATE
    if label == ADJ_BEFORE_PLACE:  # "the southern Aleppo districts": a town too
        town = entry.feature == "city" and entry.population >= _KNOWN_TOWN
        return how != ALTERNATE and (area or (town and how in (PRIMARY, ALIAS)))
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
    not a translation or an old name ("Salisbury" for Harare). Marks before the first
    letter do not count: GeoNames writes the Arabic ayn as a turned comma ("‘Afrīn"),
    which news leaves out ("Afrin")."""
    return _first_letter(fold(text)) == _first_letter(fold(entry.name))


def _first_letter(name: str) -> str:
    return next((c for c in name if c.isalnum()), "")


def case_ok(text: str) -> bool:
    """A name is written with a capital (or in capitals)."""
    return bool(text) and (text[0].isupper() or text.isupper())


def _plural_people(gaz: PlaceLookup, plural: bool, text: str) -> bool:
    """ "Mexicans", "Nigerians": people, not the place (the adjective is kept).
    ``plural``: the name's last token is tagged NNS or NNPS; ``text`` the whole name."""
    if plural:
        return True
    return text.endswith("s") and any(how == DEMONYM for _, how in gaz.lookup(text[:-1]))


def _candidates(
    gaz: PlaceLookup, text: str, plural: bool, label: str, whole: bool, words: PlaceWords
) -> tuple[tuple[Entry, str], ...]:
    """Acceptable entries for the name ``text`` (a span of the document whose last
    token is tagged plural when ``plural``)."""
    if not case_ok(text) or (label == LOCATIVE and fold(text) in words.generic_words):
        return ()
    found = [
        (e, how)
        for e, how in gaz.lookup(text)
        if _acceptable(e, how, label, whole, words) and (how != ALTERNATE or _spelling(text, e))
    ]
    if not found:
        return ()
    if any(how == DEMONYM for _, how in found) and _plural_people(gaz, plural, text):
        found = [(e, how) for e, how in found if how != DEMONYM]
    if len(fold(text).replace(" ", "")) <= 3:
        # "US", "EU", "B.C.": an abbreviation must look like one
        abbreviation = text.isupper() or "." in text
        found = [
            (e, how) for e, how in found if how != ALTERNATE and (abbreviation or how == PRIMARY)
        ]
    return tuple(found)


def _towns(
    gaz: PlaceLookup, text: str, label: str, words: PlaceWords
) -> tuple[tuple[Entry, str], ...]:
    """Towns known by exactly the name ``text``, big enough for a weak mention labelled
    ``label``; none when the name is an ordinary word ("Union", "Hope")."""
    if not text[:1].isupper() or len(text) < 4:
        return ()
    if fold(text) in words.generic_words:
        return ()
    least = _WEAK_TOWN.get(label, _WEAK_TOWN_OTHER)
    return tuple(
        (e, how)
        for e, how in gaz.lookup(text)
        if e.feature == "city" and how == PRIMARY and e.population >= least
    )


class WordIds:
    """The place word lists as the ids of a document's vocabulary (see DocView.ids)."""

    def __init__(self, view: DocView, words: PlaceWords) -> None:
        self.leading = view.ids(words.leading_words)
        self.trailing = view.ids(words.trailing_words)
        self.area = view.ids(words.area_words)
        self.town_areas = view.ids(words.town_area_words)
        self.plural = view.ids(("NNS", "NNPS"))
        self.noun = view.id("NOUN")
        self.place = view.ids(words.place_nouns | {plural(w) for w in words.place_nouns})
        self.locative = locative_ids(view)
        self.occupied = (view.ids(words.occupation_verbs), view.ids(_NAME_LINKS), view.id("dobj"))
        # "in Riverdale", "at Riverdale": where someone is, whoever else bears the name
        self.strictly = (view.ids(words.locative_prepositions), *self.locative[1:])
        # where someone is or goes: "at the Kremlin", "marched to the White House"
        self.whereto = (
            view.ids(words.locative_prepositions | {"to", "from"}),
            *self.locative[1:],
        )


def _trim(view: DocView, ids: WordIds, start: int, end: int) -> tuple[int, int]:
    while start < end and view.lower[start] in ids.leading:
        start += 1
    while end > start and (view.lower[end - 1] in ids.trailing or view.is_punct[end - 1]):
        end -= 1
    return start, end


def _demonym_before_noun(view: DocView, ids: WordIds, start: int, end: int) -> bool:
    """ "Slovak architect", "the English city": a one-word name followed by a common noun."""
    return (
        end - start == 1
        and end < len(view)
        and view.pos[end] == ids.noun
        and bool(view.is_lower[end])
    )


# Filtered candidates remembered per gazetteer (in Gazetteer.derived, under this key):
# the same names come back in every article. Emptied when it reaches _MEMO_SIZE.
_MEMO_KEY = "places.mentions"
_MEMO_SIZE = 1 << 16


def _memo(gaz: PlaceLookup, words: PlaceWords) -> dict[Any, Any]:
    """The gazetteer's remembered answers of :func:`_candidates` and :func:`_towns`
    for the word lists ``words``."""
    held = gaz.derived.get(_MEMO_KEY)
    if held is None or held[0] is not words:
        held = gaz.derived[_MEMO_KEY] = (words, {})
    memo: dict[Any, Any] = held[1]
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    return memo


def scan(
    gaz: PlaceLookup,
    view: DocView,
    start: int,
    end: int,
    label: str,
    people: set[str],
    ids: WordIds | None = None,
) -> Iterator[Mention]:
    """Longest gazetteer names inside a span, left to right.

    A window's name is sliced from the document's text rather than built from a new
    Span for every window tried, and its filtered candidates are remembered (see
    :func:`_memo`). ``ids`` is ``WordIds(view, place_words())`` when the caller has it.
    """
    words = place_words()
    ids = WordIds(view, words) if ids is None else ids
    start, end = _trim(view, ids, start, end)
    if start >= end:
        return
    memo = _memo(gaz, words)
    text, idx, length, tag = view.text, view.idx, view.length, view.tag
    # "the Nenagh district", "Kasserine governorate": the name before an area word taken
    # into the span is the whole name the model labelled (not before "County" or
    # "State": "Hamilton County" is no town Hamilton, "Benue State" is known whole)
    named_end = end - 1 if end - start > 1 and view.lower[end - 1] in ids.town_areas else end
    plural = ids.plural
    may_be_weak = label == "PROPN" or label in words.other_name_labels
    person_at: int | None = None
    i = start
    while i < end:
        # after another name word only a country or region name counts ("Air France"),
        # not "York" in "New York Times" nor "American" in "North American"
        inner = (i > start and case_ok(view.token_text(i - 1))
                 and not view.is_punct[i - 1])  # fmt: skip
        for j in range(min(end, i + _MAX_WINDOW), i, -1):
            whole = (i, j) == (start, end) or (i, j) == (start, named_end)
            name = text[idx[i] : idx[j - 1] + length[j - 1]]  # == doc[i:j].text
            key = (name, tag[j - 1] in plural, label, whole)
            found = memo.get(key)
            if found is None:
                found = memo[key] = _candidates(gaz, name, key[1], label, whole=whole, words=words)
            weak = False
            if not found and may_be_weak and i == start:
                if person_at is None:  # the first word of the span a named person bears
                    person_at = next(
                        (k for k in range(start, end) if view.token_text(k) in people), end
                    )
                weak = j <= person_at
            if weak:
                town_key = (name, label)
                found = memo.get(town_key)
                if found is None:
                    found = memo[town_key] = _towns(gaz, name, label, words)
            if inner:
                found = tuple(
                    (e, how)
                    for e, how in found
                    if e.feature in AREA_FEATURES and how in (PRIMARY, ALIAS)
                )
            if found and j == i + 1 and _acronym_in_running_text(view, i):
                found = tuple(
                    (e, how)
                    for e, how in found
                    if e.feature in AREA_FEATURES or e.population >= _ACRONYM_CITY
                )
            if found:
                yield Mention(i, j, label, found, weak)
                i = j
                break
        else:
            i += 1


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";"})
# A city written in capitals in running text is taken for itself only when it is this
# big ("By NAIROBI, Kenya"): smaller towns spelt like an acronym are the acronym.
_ACRONYM_CITY = 1_000_000
_LOOK_BACK = 6  # tokens looked back over for the word before a word in capitals


def _acronym_in_running_text(view: DocView, i: int) -> bool:
    """A word in capitals in the middle of ordinary text ("the COAS also met", "in WA")
    is an acronym: it may stand for a country or region ("FATA", "UAE") or a big city,
    but not for a town spelt with those letters (Coaș, Romania). Capitals at the start
    of a sentence (datelines: "KABUL, May 3") or after another word in capitals
    (headlines) are names as usual."""
    word = view.token_text(i)
    if len(word) < 2 or not word.isupper() or not word.isalpha() or view.sent_start[i]:
        return False
    before = i - 1
    while before >= 0 and not view.token_text(before).isalpha():
        if view.sent_start[before] or view.token_text(before) in _SENTENCE_ENDS:
            return False  # "(NEW YORK)", "Reuters. KABUL": a dateline after punctuation
        if i - before > _LOOK_BACK:
            return False  # a run of numbers or marks (a table): no running text to judge
        before -= 1
    return before >= 0 and not view.token_text(before).isupper()


def surnames(view: DocView) -> set[str]:
    """Words of the people named in full ("Jordan" after "Michael Jordan" is him)."""
    person = view.id("PERSON")
    return {
        view.token_text(i)
        for start, end, label in view.entities()
        if label == person and end - start > 1
        for i in range(start, end)
    }


def _unlabelled(view: DocView, i: int, text: str, noun: int) -> bool:
    """A capitalised common noun the tagger missed: a dateline word or a mid-sentence name.
    ``text`` is the token's text, ``noun`` the id of the NOUN tag."""
    return view.pos[i] == noun and (text.isupper() or not view.sent_start[i]) and len(text) > 2


def _with_area_word(view: DocView, ids: WordIds, end: int) -> int:
    """Take in a following "region", "province", ... ("the Donetsk region")."""
    if end < len(view) and view.lower[end] in ids.area:
        return end + 1
    return end


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _joined_names(view: DocView) -> Iterator[tuple[int, int, int]]:
    """The entities, with a place name the recogniser cut in two put back together:
    "Boa Vista" read as "Boa" (a place) and "Vista" (an organisation). Two names that
    touch (no word, mark or line between them) and start with a place are one name."""
    spans = list(view.entities())
    place_ids = view.ids(PLACE_LABELS)
    k = 0
    while k < len(spans):
        start, end, label_id = spans[k]
        if (
            k + 1 < len(spans)
            and spans[k + 1][0] == end
            and label_id in place_ids
            and view.text[view.idx[end - 1] + view.length[end - 1] : view.idx[end]] == " "
            and view.token_text(end)[:1].isupper()
        ):
            yield start, spans[k + 1][1], label_id
            k += 2
            continue
        yield start, end, label_id
        k += 1


def _entity_spans(
    view: DocView, ids: WordIds, people: set[str], words: PlaceWords
) -> Iterator[tuple[int, int, str]]:
    locative, strictly = ids.locative, ids.strictly
    for start, end, label_id in _joined_names(view):
        label = view.string(label_id)
        if (
            label == "PERSON"
            and view.span_text(start, end) in people
            and not in_locative_phrase(view, start, end, strictly)
        ):
            continue
        if label in ("PERSON", "LANGUAGE") and _demonym_before_noun(view, ids, start, end):
            label = "DEMONYM"  # "Slovak architect", "the English city"
        elif label in _RELABELLED and in_locative_phrase(view, start, end, locative):
            label = LOCATIVE  # "in Hama" taken for an organisation, "in Aleppo" for a language
        elif label in _RELABELLED and taken_place(view, start, end, ids.occupied):
            # "captured Birao" taken for an organisation: a town; one taken for a person
            # ("seized Smith") only if it is a known town
            label = TAKEN_PERSON if label == "PERSON" else LOCATIVE
        elif label in words.skipped_labels:
            continue
        yield start, _with_area_word(view, ids, end), label


def regions(
    view: DocView, people: set[str] | None = None, ids: WordIds | None = None
) -> Iterator[tuple[int, int, str]]:
    """Token ranges worth looking up, with the label that sets what may match.
    ``people`` is ``surnames(view)`` and ``ids`` ``WordIds(view, place_words())``
    when the caller has them."""
    words = place_words()
    ids = WordIds(view, words) if ids is None else ids
    size = len(view)
    taken = [False] * size
    people = surnames(view) if people is None else people
    for start, end, _label in view.entities():
        for i in range(start, end):
            taken[i] = True
    yield from _entity_spans(view, ids, people, words)
    adj, propn, noun = view.id("ADJ"), view.id("PROPN"), view.id("NOUN")
    text, idx, length, pos, is_lower = view.text, view.idx, view.length, view.pos, view.is_lower
    i = 0
    while i < size:
        if taken[i] or is_lower[i]:  # a lower-case word has no capital: not case_ok
            i += 1
            continue
        word = text[idx[i] : idx[i] + length[i]]
        if not case_ok(word):
            i += 1
            continue
        if pos[i] == adj:
            # a name the tagger took for an adjective before a kind of place ("the Hama
            # countryside", "the southern Aleppo districts") may be a town's
            yield i, i + 1, ADJ_BEFORE_PLACE if view.lower[view.head[i]] in ids.place else "ADJ"
            i += 1
        elif pos[i] == propn or _unlabelled(view, i, word, noun):
            j = i + 1
            while j < size and not taken[j]:
                if pos[j] != propn or not case_ok(view.token_text(j)):
                    break
                j += 1
            yield i, _with_area_word(view, ids, j), "PROPN"
            i = j
        else:
            i += 1


_NAME_LINKS = ("compound", "amod", "appos", "nmod", "flat")


def locative_ids(view: DocView) -> tuple[frozenset[int], frozenset[int], int]:
    """For :func:`in_locative_phrase`: the ids of the locative prepositions (and "of"),
    of the links inside a name, and of the "pobj" label."""
    words = place_words()
    preps = view.ids(words.locative_prepositions | words.target_prepositions | {"of", "from"})
    return preps, view.ids(_NAME_LINKS), view.id("pobj")


def in_locative_phrase(
    view: DocView, start: int, end: int, ids: tuple[frozenset[int], frozenset[int], int]
) -> bool:
    """Whether the name at tokens ``start:end`` heads (or names the head of) the object
    of a locative preposition: "in Hama", "in the Hama countryside", "the town of X"."""
    preps, links, pobj = ids
    token = _phrase_head(view, end - 1, links)
    head = view.head[token]
    return view.dep[token] == pobj and head != token and view.lower[head] in preps


def taken_place(
    view: DocView, start: int, end: int, ids: tuple[frozenset[int], frozenset[int], int]
) -> bool:
    """Whether the name at tokens ``start:end`` heads (or names the head of) the direct
    object of a verb of taking or striking a place: "captured Birao", "stormed the
    Palmyra citadel" (``occupation_verbs``)."""
    verbs, links, dobj = ids
    token = _phrase_head(view, end - 1, links)
    head = view.head[token]
    return view.dep[token] == dobj and head != token and view.lemma[head] in verbs


def _phrase_head(view: DocView, token: int, links: frozenset[int]) -> int:
    """The head of the phrase a name's last word is part of, up to three links up."""
    for _ in range(3):
        if view.dep[token] not in links or view.head[token] == token:
            break
        token = view.head[token]
    return token
