"""What the actor stage knows about one article while it reads it, and what it hands on.

:class:`Clue` is one piece of evidence in a phrase; :class:`ArticleMemory` remembers who
was introduced how, in document order; :class:`ActorIndex` is the stage's output: the
actors of each head token, which the coder and the places and quotes stages consult.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from spacy.tokens import Token

from eventscribe.actors.knowledge import KnownActor
from eventscribe.records import Actor

# Kinds of knowledge in order of preference when a phrase holds several.
KIND_RANK = {
    "registry": 0,
    "organisation": 0,
    "institution": 0,
    "country": 1,
    "partial": 1,
    "region": 1,
    "capital": 2,
    "demonym": 3,
    "ethnic": 4,
}
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
# codes of actors that are no state: what is assumed of a state never applies to them
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})


class Clue(NamedTuple):
    """One piece of evidence found inside a phrase: a known actor or a role word.

    A named tuple rather than a dataclass: the tagger makes one for every known phrase
    of every article, and a tuple is several times quicker to make."""

    start: int  # token index
    end: int
    kind: str  # KnownActor.kind or "role"
    text: str
    known: KnownActor | None = None
    sector: str | None = None
    code: str | None = None  # a role's agent-dictionary code (Role.code)


@dataclass
class ArticleMemory:
    """Who the article has introduced so far; filled in document order."""

    by_name: dict[str, Actor] = field(default_factory=dict)
    by_title: dict[str, Actor] = field(default_factory=dict)
    # abbreviations defined in brackets after a name ("British Airways (BA)"): who "BA" is
    abbreviations: dict[str, Actor] = field(default_factory=dict)
    last_person: Actor | None = None
    # the person who was the subject of a main clause last, and in which sentence: a
    # subject pronoun of this or the next sentence stands for them before anyone named
    # since (the subject preference of centering theory: "AMLO has avoided sparring with
    # Donald Trump ... he called for ...")
    subject_person: Actor | None = None
    subject_sentence: int = -1
    sentence: int = 0
    last_group: Actor | None = None
    # the last group not named as a place something is in ("lived in Moscow"): what a
    # plural pronoun may stand for ("when they were attacked" is not Moscow)
    last_unplaced_group: Actor | None = None
    persons: set[str] = field(default_factory=set)  # names of the actors taken for people
    countries: list[str] = field(default_factory=list)
    countries_before_sentence: list[str] = field(default_factory=list)
    resolved: dict[int, tuple[Actor, ...]] = field(default_factory=dict)  # head index -> actors
    published: date | None = None
    doc_id: str = ""
    metonyms: set[tuple[int, int]] = field(default_factory=set)  # token spans of "Belgrade said"
    # (last but one, last word) of the full names the model labels people in the article
    person_names: frozenset[tuple[str, str]] = frozenset()

    def remember(
        self,
        actor: Actor,
        *,
        names: list[str],
        titles: list[str],
        person: bool,
        placed: bool = False,
    ) -> None:
        for name in names:
            self.by_name[name.lower()] = actor
        if person:
            self.persons.add(actor.name)
            for title in titles:
                # "Secretary of State Blinken" is later "the Secretary"
                self.by_title[title.lower()] = actor
                self.by_title.setdefault(title.lower().split()[0], actor)
            self.last_person = actor
        elif actor.country:
            self.last_group = actor
            if not placed:
                self.last_unplaced_group = actor
        if (
            actor.country
            and actor.country not in self.countries
            and actor.sector is None
            and not person
        ):
            self.countries.append(actor.country)


@dataclass
class ActorIndex:
    """Actors of one document, by head token index. Built by :class:`ActorTagger`."""

    by_head: dict[int, tuple[Actor, ...]] = field(default_factory=dict)
    metonyms: set[tuple[int, int]] = field(default_factory=set)  # capitals acting as governments

    def countries_by_frequency(self) -> list[str]:
        """ISO3 codes of the article's actors, most frequent first (ties: first seen)."""
        counts: dict[str, int] = {}
        for actors in self.by_head.values():
            for actor in actors:
                if actor.country and len(actor.country) == 3 and actor.country not in NONSTATE:
                    counts[actor.country] = counts.get(actor.country, 0) + 1
        return sorted(counts, key=lambda code: -counts[code])

    def actors_at(self, token: Token) -> tuple[Actor, ...]:
        return self.by_head.get(token.i, ())

    def all_actors(self) -> tuple[Actor, ...]:
        seen: dict[tuple[int, int], Actor] = {}
        for actors in self.by_head.values():
            for actor in actors:
                seen.setdefault((actor.start, actor.end), actor)
        return tuple(seen[key] for key in sorted(seen))
