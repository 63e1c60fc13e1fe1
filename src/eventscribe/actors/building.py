"""Building actor records from the evidence a phrase gives (used by the tagger)."""

from __future__ import annotations

from spacy.tokens import Token

from eventscribe.actors.memory import Clue
from eventscribe.actors.phrases import mention_span, phrase_span
from eventscribe.records import Actor


def compose_actor(
    head: int,
    span,
    short_name: str,
    name: str,
    roles: list[Clue],
    knowns: list[Clue],
    ethnic: list[Clue],
) -> Actor:
    """The actor of the phrase whose head is token ``head`` (an index), from its evidence;
    ``span`` (anything with ``text``, ``start_char``, ``end_char``) is where it is named."""
    best = knowns[0].known if knowns else None
    country = best.country if best else None
    sector = roles[-1].sector if roles else None
    if sector is None and best is not None:
        if best.kind == "registry":
            sector = best.sector
        elif best.kind == "capital" and knowns[0].start <= head < knowns[0].end:
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
    evidence = "; ".join(
        c.known.evidence if c.kind == "registry" and c.known else
        f"'{c.text}' -> {c.known.country if c.known else c.sector}"
        for c in (knowns + roles)
    )
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        name=canonical,
        country=country,
        sector=sector,
        code=(country or "") + (sector or "") or None,
        evidence=_with_person(evidence, name) or (f"ethnic group '{ethnicity}'" if ethnicity else NAME_ONLY_EVIDENCE),
        ethnicity=ethnicity,
    )


def _with_person(evidence: str, name: str) -> str:
    """Evidence that also says the actor is a person named in the text (the store's
    registry learns only from those)."""
    if not name or not evidence:
        return evidence
    return f"{evidence}; person named in the text"


def relocate(actor: Actor, head: Token, span=None) -> Actor:
    """The remembered actor, placed at this mention's text and offsets."""
    span = span if span is not None else head.doc[head.i : head.i + 1]
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        code=actor.code,
        evidence=f"same as '{actor.text}'",
        ethnicity=actor.ethnicity,
    )


# an actor named in the text whom no data places ("Ingabire was arrested")
NAME_ONLY_EVIDENCE = "name only"
UNRESOLVED_EVIDENCE = "named in the text; no country or sector found"


def unresolved_actor(head: Token) -> Actor:
    """An actor the text names but no evidence places (no country, no sector)."""
    span = mention_span(head)
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        name=phrase_span(head).text,
        country=None,
        sector=None,
        code=None,
        evidence=UNRESOLVED_EVIDENCE,
    )
