"""The event coder: candidates from the matcher become dated, scored Event records.

Reads: the parsed ``Doc``, its :class:`ActorIndex`, its time expressions and the article.
Writes: a tuple of :class:`Event` (kept) and a list of :class:`Decision` (every
candidate with the reason it was kept or dropped, for ``explain`` and the store).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import product
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventscribe.actors.building import UNRESOLVED_EVIDENCE
from eventscribe.actors.phrases import PRONOUNS_GROUP, PRONOUNS_PERSON
from eventscribe.actors.tagger import ActorIndex
from eventscribe.coding.dates import DateResolver, EventDate
from eventscribe.coding.matcher import Candidate, EventMatcher
from eventscribe.ontology import Ontology
from eventscribe.places import Place, event_location
from eventscribe.records import Actor, Article, Event, Span, TimeExpression, stable_id

NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"})


@dataclass(frozen=True)
class Decision:
    """What happened to one candidate: kept as events, or dropped and why."""

    sentence_index: int
    trigger: str
    entry: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    kept: bool
    reason: str

    def as_row(self) -> dict[str, Any]:
        """The row of the store's ``decisions`` table."""
        return {
            "sentence_index": self.sentence_index,
            "trigger": self.trigger,
            "entry": self.entry,
            "plover_type": self.type,
            "sources": "; ".join(self.sources),
            "targets": "; ".join(self.targets),
            "kept": self.kept,
            "reason": self.reason,
        }


class EventCoder:
    """Codes the events of a document. Build once; call :meth:`code` per document."""

    def __init__(self, matcher: EventMatcher, ontology: Ontology, *, min_confidence: float = 0.0) -> None:
        self.matcher = matcher
        self.ontology = ontology
        self.min_confidence = min_confidence

    def code(
        self,
        doc: Doc,
        article: Article,
        actors: ActorIndex,
        times: tuple[TimeExpression, ...],
        places: Sequence[Place] = (),
    ) -> tuple[tuple[Event, ...], list[Decision]]:
        dates = DateResolver(doc, times, article.date, article.text)
        events: list[Event] = []
        decisions: list[Decision] = []
        for sentence_index, sent in enumerate(doc.sents):
            dates.for_sentence(sent)
            named = _countries_named(sent, actors, places)
            for candidate in self.matcher.match(sent, actors):
                trigger_text = doc[candidate.trigger[0] : candidate.trigger[1]].text
                decision = Decision(
                    sentence_index=sentence_index,
                    trigger=trigger_text,
                    entry=f"{candidate.entry.phrase} ({candidate.entry.origin})",
                    type=candidate.type,
                    sources=tuple(a.name for a in candidate.sources),
                    targets=tuple(a.name for a in candidate.targets),
                    kept=candidate.dropped is None,
                    reason=candidate.dropped or "; ".join(candidate.notes) or "matched",
                )
                decisions.append(decision)
                if candidate.dropped is not None:
                    continue
                event_date = dates.date_of(doc[candidate.anchor], sent)
                where = event_location(doc[candidate.anchor], places)
                location = where.to_contract() if where is not None else None
                events.extend(self._events(candidate, doc, article, sent, event_date, location, named, actors))
        kept = [e for e in _merge_repeats(events) if e.confidence >= self.min_confidence]
        return tuple(kept), decisions

    def _events(
        self,
        candidate: Candidate,
        doc: Doc,
        article: Article,
        sent,
        when: EventDate,
        location: dict | None,
        named: Sequence[tuple[int, int, str]] = (),
        actors: ActorIndex | None = None,
    ) -> Iterable[Event]:
        start_tok, end_tok = candidate.trigger
        trigger = Span(doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1]), "")
        trigger = replace(trigger, text=article.text[trigger.start : trigger.end])
        sentence = Span(sent.start_char, sent.end_char, "")
        sources: tuple[Actor | None, ...] = candidate.sources or (None,)
        targets: tuple[Actor | None, ...] = candidate.targets or (None,)
        pairs = []
        if _reciprocal(candidate):
            # "Serbia and Kosovo reached an agreement": each side acts towards the other
            shared = _on_shared_deal(candidate)
            pairs = [(a, b) for a in candidate.sources for b in candidate.sources if _counterparts(a, b, shared)]
        for source, target in ([] if pairs else product(sources, targets)):
            if source is not None and target is not None and source.same_as(target):
                target = None  # "X agreed with itself" is X agreed
            if (source, target) not in pairs:
                pairs.append((source, target))
        coded = [(source, target, candidate.cameo, "") for source, target in pairs]
        if candidate.entry.paired:
            coded = _with_paired(coded, candidate)
        for source, target, cameo, note in coded:
            source, target = _place_ethnic_groups(source, target)
            source, target = _assume_domestic(source, target, {c for *_, c in named})
            source, target = _assume_local(source, named), _assume_local(target, named)
            source, target = _as_named(source, sent, actors), _as_named(target, sent, actors)
            yield Event(
                event_id=stable_id(
                    article.doc_id, trigger.start, trigger.end, _key(source), _key(target),
                    candidate.type, candidate.mode, cameo,
                ),
                doc_id=article.doc_id,
                type=candidate.type,
                mode=candidate.mode,
                cameo=cameo,
                quad=self.ontology.quad(candidate.type),
                intensity=self.ontology.intensity(candidate.type, candidate.mode),
                goldstein=self.ontology.goldstein(cameo),
                date=when.value,
                date_precision=when.precision,
                negated=False,
                source=source,
                target=target,
                trigger=trigger,
                sentence=sentence,
                location=location,
                timing=_timing(candidate, when),
                confidence=_confidence(candidate, source, target),
                explanation=_explain(candidate, when) + note,
            )


def _with_paired(
    coded: list[tuple[Actor | None, Actor | None, str, str]], candidate: Candidate
) -> list[tuple[Actor | None, Actor | None, str, str]]:
    """Add the same act seen from the recipient's side, for entries with a paired code
    (CAMEO's paired codes, as in TABARI's "[042:043]"): "X visited Y" is also "Y hosted
    X", "X held talks with Y" is also "Y held talks with X". Both sides must be actors
    with a country or sector; a pair already coded is not repeated."""
    entry = candidate.entry
    # a future meeting is coded as intent (AGREE 036), which holds for both sides alike
    reverse_code = entry.paired if candidate.cameo == entry.cameo else candidate.cameo
    note = f"; paired event: the recipient's side of '{entry.phrase}' (CAMEO {entry.cameo}:{entry.paired})"
    out = []
    have = {(source, target) for source, target, *_ in coded}
    for source, target, cameo, text in coded:
        out.append((source, target, cameo, text))
        if _resolved(source) and _resolved(target) and (target, source) not in have:
            have.add((target, source))
            out.append((target, source, reverse_code, note))
    return out


def _resolved(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country or actor.sector)


PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# "China and Russia signed an agreement" (CAMEO 057, a SUPPORT in PLOVER) is joint too,
# as is any act on a shared deal ("Armenia and Azerbaijan failed to reach an agreement").
RECIPROCAL_CAMEO = frozenset({"057"})
JOINT_OBJECTS = frozenset({"agreement", "deal", "accord", "treaty", "pact", "truce", "settlement", "compromise", "consensus"})


def _reciprocal(candidate: Candidate) -> bool:
    """A joint act of two or more sides with no other recipient."""
    resolved_targets = [t for t in candidate.targets if t.country or t.sector]
    joint = (
        candidate.type in RECIPROCAL_TYPES
        or candidate.cameo in RECIPROCAL_CAMEO
        or bool(JOINT_OBJECTS.intersection(candidate.entry.objects))
    )
    return (
        joint
        and not resolved_targets
        and any(_counterparts(a, b, _on_shared_deal(candidate)) for a in candidate.sources for b in candidate.sources)
    )


def _on_shared_deal(candidate: Candidate) -> bool:
    """An act on a deal, which always has two sides ("reached an agreement")."""
    return bool(JOINT_OBJECTS.intersection(candidate.entry.objects))


def _counterparts(a: Actor, b: Actor, shared_deal: bool = False) -> bool:
    """Two sides of a joint act: different actors, not of one known country ("Ukraine and
    the separatists failed to agree"; "Putin and his foreign minister agreed" is one side),
    unless the act is on a deal between them ("the House and the Senate failed to reach
    an agreement")."""
    return (
        _resolved(a)
        and _resolved(b)
        and not a.same_as(b)
        and (a.country != b.country or a.country is None or shared_deal)
    )


def _timing(candidate: Candidate, when: EventDate) -> str:
    if candidate.modality == "future" or candidate.type == "THREATEN" and candidate.notes:
        return "future"
    if when.deadline:
        return "deadline"
    if candidate.modality == "background":
        return "background"
    return "reported"


def _confidence(candidate: Candidate, source: Actor | None, target: Actor | None) -> float:
    """A 0-1 score from what supported the event (not a calibrated probability)."""
    score = 0.4
    if source is not None and source.country:
        score += 0.25
    elif source is not None:
        score += 0.1
    wants_target = candidate.entry.targets != ("none",)
    if target is not None and target.country:
        score += 0.15
    elif not wants_target:
        score += 0.1
    if candidate.entry.specificity:
        score += 0.1
    if candidate.modality == "hypothetical":
        score -= 0.2
    if candidate.modality == "background":
        score -= 0.15
    if any(a is not None and "country assumed" in a.evidence for a in (source, target)):
        score -= 0.1
    return round(max(0.0, min(1.0, score)), 2)


def _explain(candidate: Candidate, when: EventDate) -> str:
    parts = [f"entry '{candidate.entry.phrase}' at {candidate.entry.origin}"]
    parts.extend(candidate.notes)
    if candidate.modality:
        parts.append(f"modality: {candidate.modality}")
    parts.append(f"date from {when.basis}")
    return "; ".join(parts)


def _key(actor: Actor | None) -> str:
    return "" if actor is None else f"{actor.name}|{actor.country}|{actor.sector}|{actor.start}"


def _place_ethnic_groups(source: Actor | None, target: Actor | None) -> tuple[Actor | None, Actor | None]:
    """An ethnic group acted on by a state's organs lives in that state (PLOVER codes
    "local Serbs" fined by Kosovo's police as Kosovo civilians)."""

    def place(group: Actor | None, other: Actor | None) -> Actor | None:
        if group is None or not group.ethnicity or group.country or other is None:
            return group
        if other.country and other.sector in STATE_SECTORS:
            return replace(group, country=other.country, code=f"{other.country}{group.sector or ''}")
        return group

    return place(source, target), place(target, source)


DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "ELI"})


def _assume_domestic(
    source: Actor | None, target: Actor | None, named: set[str] = frozenset()
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
        if actor.sector not in DOMESTIC_SECTORS or len(other.country) != 3 or other.country in NONSTATE:
            return actor
        return replace(
            actor,
            country=other.country,
            code=f"{other.country}{actor.sector}",
            evidence=f"{actor.evidence}; country assumed from the other party ({other.name})",
        )

    return assume(source, target), assume(target, source)


def _countries_named(sent: SpacySpan, actors: ActorIndex, places: Sequence[Place]) -> list[tuple[int, int, str]]:
    """(start, end, country) of every state named in the sentence, by the actor
    tagger or as a place ("in Kirkuk" is Iraq even where no actor table knows Kirkuk)."""
    found = []
    for i, heads in actors.by_head.items():
        if not sent.start <= i < sent.end:
            continue
        for actor in heads:
            if actor.country and len(actor.country) == 3 and actor.country not in NONSTATE:
                found.append((actor.start, actor.end, actor.country))
    for place in places:
        if sent.start_char <= place.start < sent.end_char and place.country and place.country not in NONSTATE:
            found.append((place.start, place.end, place.country))
    return found


def _assume_local(actor: Actor | None, named: Sequence[tuple[int, int, str]]) -> Actor | None:
    """An actor the text gives no country ("Some 500,000 workers", a person the registry
    does not know) takes the one state its own words name ("protesters in Kirkuk"), else
    the only state the sentence names; with two or more candidates it stays unknown.
    The evidence says the country was assumed."""
    if actor is None or actor.country:
        return actor
    if actor.evidence == UNRESOLVED_EVIDENCE and not any(w[:1].isupper() for w in actor.name.split()):
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


def _as_named(actor: Actor | None, sent: SpacySpan, actors: ActorIndex | None) -> Actor | None:
    """A pronoun whose actor this sentence names before it ("The union said it will
    refuse ...") is quoted with that name: the event shows who, in the sentence's words."""
    if actor is None or actors is None or actor.text.lower() not in PRONOUNS:
        return actor
    named = [
        mention
        for i in range(sent.start, sent.end)
        for mention in actors.actors_at(sent.doc[i])
        if mention.end <= actor.start and mention.same_as(actor) and mention.text.lower() not in PRONOUNS
    ]
    if not named:
        return actor
    nearest = max(named, key=lambda m: m.start)
    return replace(actor, text=nearest.text, start=nearest.start, end=nearest.end)


def _merge_repeats(events: list[Event]) -> list[Event]:
    """The same event stated twice in one article is kept once, with its other mentions.

    Same type, CAMEO code, source and target (by name and country) within one document:
    the first mention is the event; later ones are listed in ``mentions`` (their trigger
    spans), and the most specific date any mention gives wins.
    """
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for event in events:
        key = (
            event.type,
            event.cameo,
            event.source and (event.source.name, event.source.country),
            event.target and (event.target.name, event.target.country),
        )
        if key not in best:
            best[key] = event
            order.append(key)
            continue
        kept = replace(best[key], mentions=(*best[key].mentions, event.trigger))
        if _date_rank(event) > _date_rank(kept):
            kept = replace(
                kept,
                date=event.date,
                date_precision=event.date_precision,
                explanation=kept.explanation + f"; date from a later mention ({event.explanation.split('; ')[-1]})",
            )
        best[key] = kept
    return [best[key] for key in order]


def _date_rank(event: Event) -> int:
    basis = event.explanation.rsplit("date from ", 1)[-1]
    if basis.startswith("text"):
        return 3
    if basis.startswith("paragraph"):
        return 2
    return 1 if event.date else 0
