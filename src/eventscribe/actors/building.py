"""Building actor records from the evidence a phrase gives (used by the tagger)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from eventscribe.actors.memory import ActorIndex, Clue
from eventscribe.actors.phrases import PhraseIds, mention_range, modifier_indexes, phrase_range
from eventscribe.nlp.view import DocView
from eventscribe.records import Actor

if TYPE_CHECKING:
    from eventscribe.places.tagger import Place


def compose_actor(
    head: int,
    span: tuple[int, int, str],
    short_name: str,
    name: str,
    roles: list[Clue],
    knowns: list[Clue],
    ethnic: list[Clue],
    *,
    person: bool = True,
    body: Clue | None = None,
) -> Actor:
    """The actor of the phrase whose head is token ``head`` (an index), from its evidence;
    ``span`` is where it is named: (start_char, end_char, text), as
    :meth:`~eventscribe.nlp.view.DocView.char_range` gives it. ``person``: ``name``
    is a person's (not an organisation's or place's). ``body``: the role or organisation
    a member noun's holder serves ("police" in "police captain"), whose sector is the
    actor's (:func:`member_body`)."""
    best = knowns[0].known if knowns else None
    country = best.country if best else None
    if body is not None:
        sector = body.known.sector if body.known is not None else body.sector
    else:
        sector = roles[-1].sector if roles else None
    role_code = _role_code(roles, best.code if best is not None else None)
    if sector is None and best is not None:
        if best.kind == "registry":
            sector = best.sector
        elif best.kind == "capital" and capital_alone(head, knowns[0], span[2]):
            sector = "GOV"  # "Belgrade said": the capital stands for the government
        elif best.kind in {"organisation", "institution", "partial"}:
            sector = best.sector
    ethnicity = ethnic[0].text if ethnic else None
    if ethnicity and sector is None:
        sector = "CVL"
    if name:
        canonical = name
    elif best is not None and not roles:
        canonical = best.name
    else:
        canonical = short_name
    clues = knowns + roles if roles else knowns
    if len(clues) == 1:  # most phrases: one piece of evidence
        evidence = _evidence(clues[0])
    else:
        evidence = "; ".join(_evidence(c) for c in clues)
    start, end, text = span
    return Actor(
        text=text,
        start=start,
        end=end,
        name=canonical,
        country=country,
        sector=sector,
        code=(country or "") + (sector or "") or None,
        evidence=_with_person(evidence, name if person else "")
        or (f"ethnic group '{ethnicity}'" if ethnicity else NAME_ONLY_EVIDENCE),
        ethnicity=ethnicity,
        role_code=role_code,
    )


# kinds of known actor that are a body a member noun's holder can serve (not a country)
_BODY_KINDS = frozenset({"registry", "organisation", "institution"})


def member_body(
    roles: Sequence[Clue], knowns: Sequence[Clue], is_member: Callable[[int], bool]
) -> Clue | None:
    """When the phrase's last role word is a member noun (``is_member`` of its last
    token: "captain", "spokesman", "official"), the body named before it: a role
    ("police captain", "army spokesman") or else a known organisation with a sector
    ("Taliban commander", "Google spokesman"). None otherwise: the role's own sector."""
    if not roles or not is_member(roles[-1].end - 1):
        return None
    member = roles[-1].start
    for clue in reversed(roles[:-1]):
        if clue.end <= member and clue.sector:
            return clue
    for clue in knowns:
        known = clue.known
        if clue.end <= member and known is not None and known.sector and known.kind in _BODY_KINDS:
            return clue
    return None


def _role_code(roles: list[Clue], literal: str | None) -> str | None:
    """The agent-dictionary codes of a phrase's role words in text order, around one
    "~" for the country ("MSF Arnor diplomat": "NGO~" and "~GOV" make "NGO~GOV"); with
    the actor's own code from a PETRARCH actor dictionary (``literal``) in place of the
    "~": a whole code ("ORCHOB")."""
    codes = [c.code for c in roles if c.code]
    if not codes:
        return literal
    before = "".join(c[:-1] for c in codes if c.endswith("~"))
    after = "".join(c.lstrip("~") for c in codes if not c.endswith("~"))
    if not literal:
        return f"{before}~{after}"
    own = {literal[i : i + 3] for i in range(0, len(literal), 3)}
    added = "".join(c for c in _chunks(after) if c not in own)  # "QUIBBLER" is HGWGOVMED
    return f"{before if before not in own else ''}{literal}{added}"


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


# clues whose known actor says itself why it was chosen
_OWN_EVIDENCE = frozenset({"registry", "spelling", "region"})


def _evidence(clue: Clue) -> str:
    """What one clue says, as the actor's evidence reads it."""
    if clue.kind in _OWN_EVIDENCE and clue.known:
        return clue.known.evidence
    return f"'{clue.text}' -> {clue.known.country if clue.known else clue.sector}"


def _with_person(evidence: str, name: str) -> str:
    """Evidence that also says the actor is a person named in the text (the store's
    registry learns only from those)."""
    if not name or not evidence:
        return evidence
    return f"{evidence}; person named in the text"


def relocate(actor: Actor, span: tuple[int, int, str]) -> Actor:
    """The remembered actor, placed at this mention's (start_char, end_char, text)."""
    start, end, text = span
    return Actor(
        text=text,
        start=start,
        end=end,
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        code=actor.code,
        evidence=f"same as '{actor.text}'",
        ethnicity=actor.ethnicity,
        role_code=actor.role_code,
    )


# an actor named in the text whom no data places ("Ingabire was arrested")
NAME_ONLY_EVIDENCE = "name only"
UNRESOLVED_EVIDENCE = "named in the text; no country or sector found"


# Said of an unresolved mention whose head names people ("a man", "dozens of civilians").
UNRESOLVED_PEOPLE_EVIDENCE = "named in the text as people; no country or sector found"


def unresolved_actor(
    view: DocView, head: int, *, people: bool = False, ids: PhraseIds | None = None
) -> Actor:
    """An actor the text names but no evidence places (no country, no sector): token
    ``head``'s mention, named by its short phrase; ``people``: its head names people.
    ``ids``: ``PhraseIds(view)`` when the caller keeps one (a few dozen string lookups)."""
    ids = PhraseIds(view) if ids is None else ids
    start, end, text = view.char_range(*mention_range(view, ids, head))
    return Actor(
        text=text,
        start=start,
        end=end,
        name=view.span_text(*phrase_range(view, ids, head, modifier_indexes(view, ids, head))),
        country=None,
        sector=None,
        code=None,
        evidence=UNRESOLVED_PEOPLE_EVIDENCE if people else UNRESOLVED_EVIDENCE,
    )


def placed_by(index: ActorIndex, places: Sequence[Place], view: DocView) -> ActorIndex:
    """The actors of ``index`` with what the place stage knows of the countries and
    first-level regions they name (as CAMEO's country dictionaries code US states):

    - a name-only actor with no country that is such a place takes its country
      ("California sued ...": USA);
    - a region's name with a group's or another country's name in it is the region
      ("Tamil Nadu" is IND, not Tamil people; "New Mexico" is USA, not MEX);
    - a body or office with no country named with regions of one country takes it
      ("Maryland State Police": USA COP).

    A town counts only when it is a city of 100,000 people or more that the entity
    recogniser labels a GPE: too many names of people, storms and shops are towns
    somewhere ("Harvey", "Noma", "Zara")."""
    gpe = view.id("GPE")
    regions: dict[tuple[int, int], tuple[str, str]] = {}
    states: dict[tuple[int, int], tuple[str, str]] = {}  # with the big cities
    for p in places:
        city = (
            p.feature == "city"
            and p.population >= _CITY_POPULATION
            and view.ent_type[bisect_left(view.idx, p.start)] == gpe
        )
        if p.country and not p.demonym and (p.feature in _REGIONS or city):
            regions[(p.start, p.end)] = (p.country, p.name)
            if p.feature == "admin1" or city:
                states[(p.start, p.end)] = (p.country, p.name)
    if not regions:
        return index
    by_head = {
        head: tuple(_placed(actor, regions, states) for actor in actors)
        for head, actors in index.by_head.items()
    }
    return ActorIndex(by_head=by_head, metonyms=index.metonyms)


_REGIONS = frozenset({"country", "admin1"})
# the evidence of an actor that is a place the text names ("'California' is the place ...")
PLACE_EVIDENCE = " is the place "


def named_as_place(actor: Actor) -> bool:
    """The actor is a country, region or city known from the place stage, not from the
    actor tables: a place as much as an actor ("held civilians in Raqqa")."""
    return PLACE_EVIDENCE in actor.evidence


_CITY_POPULATION = 100_000


def _placed(
    actor: Actor,
    regions: dict[tuple[int, int], tuple[str, str]],
    states: dict[tuple[int, int], tuple[str, str]],
) -> Actor:
    found = regions.get((actor.start, actor.end))
    if found is None:
        return _body_of_region(actor, states)
    country, name = found
    evidence = f"'{actor.text}'{PLACE_EVIDENCE}{name}"
    bare = actor.text[4:] if actor.text.lower().startswith("the ") else actor.text
    if actor.country not in (None, country) and actor.name != bare:
        # "New Mexico", "New South Wales": a country's name inside a region's of another
        return replace(actor, country=country, code=country + (actor.sector or ""),
                       name=name, evidence=evidence)  # fmt: skip
    if actor.country is not None:
        return actor
    if actor.ethnicity is not None:
        # "Tamil Nadu" is the state, not Tamil people: the group's word is part of the name
        return replace(actor, country=country, sector=None, code=country, ethnicity=None,
                       evidence=evidence)  # fmt: skip
    if actor.evidence != NAME_ONLY_EVIDENCE and not actor.evidence.startswith("same as "):
        return actor
    return replace(actor, country=country, code=country + (actor.sector or ""), evidence=evidence)


def _body_of_region(actor: Actor, states: dict[tuple[int, int], tuple[str, str]]) -> Actor:
    """A body or office the tagger found no country for, named with first-level regions
    of one country (``states``: "Maryland State Police", "the University of California",
    "Florida officials"): that country. A country's name the tagger passed over is not
    used ("people due to be expelled to Turkey")."""
    if actor.country is not None or actor.sector is None:
        return actor
    inside = {
        (country, name)
        for (start, end), (country, name) in states.items()
        if actor.start <= start and end <= actor.end
    }
    if len({country for country, _name in inside}) != 1:
        return actor
    country, name = min(inside)
    return replace(actor, country=country, code=country + actor.sector,
                   evidence=f"{actor.evidence}; '{name}' is in {country}")  # fmt: skip


def capital_alone(head: int, clue: Clue, text: str) -> bool:
    """The phrase is the capital's name alone, its head ("Belgrade said"), so it may stand
    for the government; "northern Belgrade", "central Washington" are parts of the city."""
    bare = text[4:] if text.lower().startswith("the ") else text
    return clue.start <= head < clue.end and bare.startswith(clue.text)
