"""What the coder assumes about an event's actors from the rest of its sentence.

An actor the text gives no country takes the one its sentence names, or its
counterpart's for a domestic event; an ethnic group acted on by a state's organs lives
in that state; a pronoun is shown with the name it stands for. Each assumption says so
in the actor's evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from eventscribe.actors.building import UNRESOLVED_EVIDENCE
from eventscribe.actors.memory import NONSTATE
from eventscribe.actors.phrases import PRONOUNS_GROUP, PRONOUNS_PERSON
from eventscribe.actors.tagger import ActorIndex
from eventscribe.places import Place
from eventscribe.records import Actor, Span

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP


def place_ethnic_groups(
    source: Actor | None, target: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """An ethnic group acted on by a state's organs lives in that state (PLOVER codes
    "local Serbs" fined by Kosovo's police as Kosovo civilians)."""

    def place(group: Actor | None, other: Actor | None) -> Actor | None:
        if group is None or not group.ethnicity or group.country or other is None:
            return group
        if other.country and other.sector in STATE_SECTORS:
            return replace(
                group, country=other.country, code=f"{other.country}{group.sector or ''}"
            )
        return group

    return place(source, target), place(target, source)


DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "ELI"})


def assume_domestic(
    source: Actor | None, target: Actor | None, named: AbstractSet[str] = frozenset()
) -> tuple[Actor | None, Actor | None]:
    """An office holder or group the text gives no country ("President Mugabe", "Darfur
    rebels") in an event with a party of known country is taken to be of that country:
    most such events are domestic, unless the sentence names another state too ("police
    fired at Syrian refugees at the Turkish border"). The evidence says it was assumed."""

    def assume(actor: Actor | None, other: Actor | None) -> Actor | None:
        if actor is None or actor.country or other is None or not other.country:
            return actor
        if named - {other.country}:
            return actor
        if (
            actor.sector not in DOMESTIC_SECTORS
            or len(other.country) != 3
            or other.country in NONSTATE
        ):
            return actor
        return replace(
            actor,
            country=other.country,
            code=f"{other.country}{actor.sector}",
            evidence=f"{actor.evidence}; country assumed from the other party ({other.name})",
        )

    return assume(source, target), assume(target, source)


StateMention = tuple[int, int, int, str]  # (token or character position, start, end, country)


def states_named(
    actors: ActorIndex, places: Sequence[Place]
) -> tuple[list[StateMention], list[StateMention]]:
    """The document's mentions of states: by the actor tagger (at their head token) and
    as places (at their first character), in the order :func:`countries_named` reads them."""
    by_actor = [
        (i, actor.start, actor.end, actor.country)
        for i, heads in actors.by_head.items()
        for actor in heads
        if actor.country and len(actor.country) == 3 and actor.country not in NONSTATE
    ]
    by_place = [
        (place.start, place.start, place.end, place.country)
        for place in places
        if place.country
        and place.country not in NONSTATE
        # "Kurdish", "Tamil", "Punjabi": a region's adjective names a people that may
        # live in several states, no clue to which one; "Syrian" names its state
        and not (place.demonym and place.feature != "country")
    ]
    return by_actor, by_place


def countries_named(
    start: int, end: int, sent: Span, by_actor: list[StateMention], by_place: list[StateMention]
) -> list[tuple[int, int, str]]:
    """(start, end, country) of every state named in the sentence (tokens ``start`` to
    ``end``, characters ``sent``), by the actor tagger or as a place ("in Kirkuk" is
    Iraq even where no actor table knows Kirkuk)."""
    found = [(first, last, country) for i, first, last, country in by_actor if start <= i < end]
    found += [
        (first, last, country)
        for at, first, last, country in by_place
        if sent.start <= at < sent.end
    ]
    return found


def assume_local(actor: Actor | None, named: Sequence[tuple[int, int, str]]) -> Actor | None:
    """An actor the text gives no country ("Some 500,000 workers", a person the registry
    does not know) takes the one state its own words name ("protesters in Kirkuk"), else
    the only state the sentence names; with two or more candidates it stays unknown.
    The evidence says the country was assumed."""
    if actor is None or actor.country:
        return actor
    if actor.evidence == UNRESOLVED_EVIDENCE and not any(
        w[:1].isupper() for w in actor.name.split()
    ):
        return actor  # common words the tagger did not take for an actor ("the convoy")
    inside = {c for start, end, c in named if actor.start <= start and end <= actor.end}
    countries = inside or {c for _, _, c in named}
    if len(countries) != 1:
        return actor
    country = countries.pop()
    where = "its own words" if inside else "the sentence"
    return replace(
        actor,
        country=country,
        code=f"{country}{actor.sector or ''}",
        evidence=f"{actor.evidence}; country assumed: the only state named in {where}",
    )


def named_apart(
    named: Sequence[tuple[int, int, str]], others: Sequence[Actor]
) -> Sequence[tuple[int, int, str]]:
    """No state at all when every state the sentence names only says where one of the
    event's other parties is, a party of another state or organisation ("visited NATO
    headquarters in Brussels"): Brussels is where NATO sits, no clue to the visitor's
    country. Otherwise ``named`` as it is ("clashed with police in Kirkuk": the police
    are Iraqi, and so, the sentence says, are the protesters)."""
    placed = [o for o in others if o.country]
    for start, end, country in named:
        if not any(o.start <= start and end <= o.end and country != o.country for o in placed):
            return named
    return ()


def as_named(actor: Actor | None, start: int, end: int, actors: ActorIndex | None) -> Actor | None:
    """A pronoun whose actor this sentence (tokens ``start`` to ``end``) names before it
    ("The union said it will refuse ...") is quoted with that name: the event shows
    who, in the sentence's words."""
    if actor is None or actors is None or actor.text.lower() not in PRONOUNS:
        return actor
    by_head = actors.by_head
    named = [
        mention
        for i in range(start, end)
        for mention in by_head.get(i, ())
        if mention.end <= actor.start
        and mention.same_as(actor)
        and mention.text.lower() not in PRONOUNS
    ]
    if not named:
        return actor
    nearest = max(named, key=lambda m: m.start)
    return replace(actor, text=nearest.text, start=nearest.start, end=nearest.end)
