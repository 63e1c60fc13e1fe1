"""The data model: typed, immutable records that flow between stages.

Every offset is a character offset into ``Article.text`` exactly as given (no
normalisation), so a user can slice the original text with it. Ids are deterministic
hashes, so re-running the same input gives the same ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # records of later stages, each with its own contract form
    from eventscribe.coding.coder import Decision
    from eventscribe.places.located import EventLocation
    from eventscribe.places.tagger import Place
    from eventscribe.quotes.finder import Quote


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of ``parts``: the same parts give the same id on any machine."""
    joined = "\x1f".join(["" if p is None else str(p) for p in parts])
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One input document as read by :mod:`eventscribe.ingest`.

    ``doc_id`` is given by the input (JSONL/CSV ``id``) or derived from the file name,
    so it is stable across runs. ``origin`` says where it came from ("file.jsonl:12").
    ``warnings``: what the reader could not use but coded the article anyway (an
    unreadable date, tables cut before extraction), each reported once by the run.
    """

    doc_id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputProblem:
    """An input that was skipped, with a one-line reason naming the file and line."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Span:
    """A piece of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """An actor mention resolved to a country and sector.

    ``country`` is ISO 3166 alpha-3 or a PLOVER non-state code (IGO, UNO, EUR, NGO, ISM,
    IMG, MNC); ``sector`` a PLOVER sector code; ``code`` the CAMEO-style actor code
    (country + sector, e.g. "SRBGOV"). ``name`` is the canonical name ("Aleksandar
    Vucic", "Serbia"). ``evidence`` is the text that justified the resolution.
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    code: str | None
    evidence: str = ""
    ethnicity: str | None = None
    # the codes PETRARCH dictionaries give the actor, as written there: an agent's role
    # codes around a "~" for the country code ("~MOP": after it, "NGO~": before it), or a
    # whole code from an actor dictionary ("ORCHOB", "ARNGOVMED" with an agent's "~MED");
    # kept as the actor's CAMEO code under --conventions cameo
    role_code: str | None = None

    @property
    def placed(self) -> bool:
        """Data placed the actor: it has a country or a sector, not only words."""
        return bool(self.country or self.sector)

    def same_as(self, other: Actor) -> bool:
        """The same actor, whatever words name it here ("their" for "the rebels")."""
        return (
            self.name == other.name
            and self.country == other.country
            and self.sector == other.sector
        )


@dataclass(frozen=True)
class TimeExpression:
    """A date expression normalised to a TimeML value against the publication date.

    ``value`` is "2022-11-23", "2022-12", "2022", "2023-W04", ...; ``precision`` is
    "day", "week", "month", "year" or "other" (for values such as "PRESENT_REF").
    """

    start: int
    end: int
    text: str
    value: str
    precision: str


# The ``type`` of an event coded by its CAMEO code alone, one PLOVER has no type for (a
# public statement, CAMEO 01x, under ``--conventions cameo``): ``null`` in the contract.
CAMEO_ONLY = ""


@dataclass(frozen=True)
class Event:
    """One coded event: one act (one trigger, one type) with all its actors, when, and
    the words that say so.

    ``sources`` and ``targets`` hold every actor of each role, in text order ("aid for
    Chad and Niger" is one AID event with two targets). A ``mutual`` act ("Serbia and
    Kosovo agreed") has both sides as sources and as targets. ``paired_cameo`` is the
    CAMEO code of the same act seen from the target's side (CAMEO's paired codes: "X
    visited Y" is 042, "Y hosted X" 043). :func:`dyads` gives the event's rows in the
    one-row-per-dyad layout GDELT and ICEWS users count.
    """

    event_id: str
    doc_id: str
    type: str
    mode: str | None
    cameo: str
    quad: int
    intensity: float
    goldstein: float | None
    date: str | None
    date_precision: str | None
    negated: bool
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    trigger: Span
    sentence: Span
    location: EventLocation | None = None  # where the sentence says it happened
    confidence: float = 1.0
    explanation: str = ""
    mentions: tuple[Span, ...] = ()  # other statements of the same event in the article
    # "reported" (it happened), "future" (announced or intended), "deadline" (dated by a
    # deadline: "by November 21"), "background" (an earlier event in a subordinate clause)
    timing: str = "reported"
    mutual: bool = False
    paired_cameo: str | None = None

    @property
    def source(self) -> Actor | None:
        """The first source actor (the one a single-dyad table shows)."""
        return self.sources[0] if self.sources else None

    @property
    def target(self) -> Actor | None:
        """The first target actor; for a mutual act, the first side other than the
        first source ("Serbia and Kosovo agreed": Serbia -> Kosovo)."""
        first = self.source
        for actor in self.targets:
            if not (self.mutual and first is not None and actor.same_as(first)):
                return actor
        return None


@dataclass(frozen=True)
class Dyad:
    """One row of the dyad layout: a source, a target and the CAMEO code between them."""

    source: Actor | None
    target: Actor | None
    cameo: str


def dyads(event: Event) -> list[Dyad]:
    """The event as dyad rows: each source with each target (a mutual act's sides each
    way, never an actor with itself), and, for an act with a paired code, each target
    back to each source with that code. An event without targets (or sources) gives one
    row per source (target) with the other side empty."""
    sources: tuple[Actor | None, ...] = event.sources or (None,)
    targets: tuple[Actor | None, ...] = event.targets or (None,)
    rows = [
        Dyad(source, target, event.cameo)
        for source in sources
        for target in targets
        if not (
            event.mutual and source is not None and target is not None and source.same_as(target)
        )
    ]
    if event.paired_cameo is not None:
        rows += [
            Dyad(target, source, event.paired_cameo)
            for source in event.sources
            for target in event.targets
            if not source.same_as(target)
        ]
    return rows


@dataclass(frozen=True)
class CodedDocument:
    """The result of coding one article: everything the store and the output need."""

    article: Article
    sentences: tuple[Span, ...]
    events: tuple[Event, ...]
    times: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = field(default=())
    # what the coder considered and why it kept or dropped it (store table "decisions")
    decisions: tuple[Decision, ...] = field(default=())
    conventions: str = "plover"  # the coding conventions used: "plover" or "cameo"

    def to_contract(self) -> dict[str, Any]:
        """The output contract: one JSON object per document (see README)."""
        return {
            "id": self.article.doc_id,
            "date": self.article.date.isoformat() if self.article.date else None,
            "conventions": self.conventions,
            "events": [event_to_contract(e) for e in self.events],
            "times": [
                {"start": t.start, "end": t.end, "text": t.text, "value": t.value}
                for t in self.times
            ],
            "places": [p.to_contract() for p in self.places],
            "quotes": [q.to_contract() for q in self.quotes],
        }


def actor_to_contract(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
    }


def location_to_contract(event: Event) -> dict[str, Any] | None:
    """The event's ``location`` as the output contract carries it (None: not said)."""
    return None if event.location is None else event.location.to_contract()


def event_to_contract(event: Event) -> dict[str, Any]:
    return {
        "id": event.event_id,
        "type": event.type or None,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad": event.quad,
        "intensity": event.intensity,
        "goldstein": event.goldstein,
        "date": event.date,
        "date_precision": event.date_precision,
        "timing": event.timing,
        "negated": event.negated,
        "confidence": event.confidence,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in event.mentions],
        "source": actor_to_contract(event.source),
        "target": actor_to_contract(event.target),
        "sources": [actor_to_contract(a) for a in event.sources],
        "targets": [actor_to_contract(a) for a in event.targets],
        "mutual": event.mutual,
        "paired_cameo": event.paired_cameo,
        "trigger": {
            "start": event.trigger.start,
            "end": event.trigger.end,
            "text": event.trigger.text,
        },
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "location": location_to_contract(event),
    }
