"""The event coder: candidates from the matcher become dated, scored Event records.

Reads: the parsed ``Doc`` (through its :class:`~eventscribe.nlp.view.DocView`, as a
:class:`~eventscribe.coding.tree.Tree`), its :class:`ActorIndex`, its time expressions
and the article.
Writes: a tuple of :class:`Event` (kept) and a list of :class:`Decision` (every
candidate with the reason it was kept or dropped, for ``explain`` and the store).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import product
from typing import Any

from spacy.tokens import Doc

from eventscribe.actors.tagger import ActorIndex
from eventscribe.coding.assumptions import (
    as_named,
    assume_domestic,
    assume_local,
    countries_named,
    named_apart,
    place_ethnic_groups,
    states_named,
)
from eventscribe.coding.dates import DateResolver, EventDate
from eventscribe.coding.matcher import Candidate, EventMatcher
from eventscribe.coding.recipients import within
from eventscribe.coding.tree import Tree
from eventscribe.nlp.view import DocView
from eventscribe.ontology import Ontology, OntologyLookupError
from eventscribe.petrarch.actors import CodeReader
from eventscribe.petrarch.discards import Discards
from eventscribe.places import EventLocation, Place
from eventscribe.places.location import event_location_at
from eventscribe.records import (
    CAMEO_ONLY,
    Actor,
    Article,
    Event,
    Span,
    TimeExpression,
    stable_id,
)


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

    def __init__(
        self,
        matcher: EventMatcher,
        ontology: Ontology,
        *,
        min_confidence: float = 0.0,
        discards: Discards | None = None,
    ) -> None:
        self.matcher = matcher
        self.ontology = ontology
        self.min_confidence = min_confidence
        self.discards = discards  # PETRARCH discard phrases (--petrarch-discards)
        # the ontology's answers, remembered: (type, mode) -> (quad, intensity), and
        # CAMEO code -> Goldstein score (the same few codes come back in every document)
        self._type_scores: dict[tuple[str, str | None], tuple[int, float]] = {}
        self._goldstein: dict[str, float | None] = {}
        # CAMEO conventions write CAMEO actor codes ("DNKMED" for Danish media, not DNKJRN)
        self._cameo_codes = CodeReader.bundled() if matcher.conventions == "cameo" else None

    def code(
        self,
        doc: Doc,
        article: Article,
        actors: ActorIndex,
        times: tuple[TimeExpression, ...],
        places: Sequence[Place] = (),
        tree: Tree | None = None,
    ) -> tuple[tuple[Event, ...], list[Decision]]:
        """The events of ``doc`` and every decision taken. ``tree`` is the document's
        :class:`Tree` when the caller built one (else it is built here)."""
        if tree is None:
            tree = Tree(DocView(doc, article.text))
        dates = DateResolver(
            tree, times, article.date, article.text, self.matcher.words.deadline_words
        )
        events: list[Event] = []
        decisions: list[Decision] = []
        states = states_named(actors, places)
        span_text = tree.view.span_text
        story = self.discards.reason(article.text, story=True) if self.discards else None
        for sentence_index, (start, end) in enumerate(tree.view.sentences()):
            dates.for_sentence(start, end)
            named: list[tuple[int, int, str]] | None = None  # read when an event is kept
            discarded: str | None | bool = story or (False if self.discards else None)
            candidates = self.matcher.match(tree, start, end, actors)
            described = _described(tree, candidates)
            for candidate in candidates:
                if discarded is False:  # read once per sentence, when it has a candidate
                    discarded = self.discards.reason(span_text(start, end), story=False)  # type: ignore[union-attr]
                if discarded and candidate.dropped is None:
                    candidate = replace(candidate, dropped=str(discarded))
                entry = candidate.entry
                decisions.append(
                    Decision(
                        sentence_index=sentence_index,
                        trigger=span_text(*candidate.trigger),
                        entry=f"{entry.phrase} ({entry.origin})",
                        type=candidate.type,
                        sources=tuple([a.name for a in candidate.sources]),
                        targets=tuple([a.name for a in candidate.targets]),
                        kept=candidate.dropped is None,
                        reason=candidate.dropped or "; ".join(candidate.notes) or "matched",
                    )
                )
                if candidate.dropped is not None:
                    continue
                said_of = self._said_of(tree, candidate)
                event_date = dates.date_of(candidate.anchor, start, end, said_of)
                location = event_location_at(
                    tree.view, candidate.anchor, places, unsearched=said_of
                )
                if named is None:
                    sentence = Span(tree.idx[start], tree.end_char(end - 1), "")
                    named = countries_named(start, end, sentence, *states)
                coded = list(
                    self._events(
                        candidate,
                        tree,
                        article,
                        (start, end, sentence),
                        event_date,
                        location,
                        named,
                        actors,
                    )
                )
                if not coded:
                    decisions[-1] = replace(decisions[-1], kept=False, reason=BOTH_ACTORS)
                if candidate.anchor in described:
                    coded = [replace(e, mentions=described[candidate.anchor]) for e in coded]
                events.extend(coded)
        kept = [e for e in _merge_repeats(events) if e.confidence >= self.min_confidence]
        return tuple(kept), decisions

    def _domestic(
        self,
        tree: Tree,
        candidate: Candidate,
        source: Actor | None,
        target: Actor | None,
        countries: set[str],
    ) -> tuple[Actor | None, Actor | None]:
        """:func:`assume_domestic`, except that where the act goes lends the doer no
        country ("deployed to Afghanistan", "flew to Moscow")."""
        domestic, target = assume_domestic(source, target, countries)
        going = target is not None and self._destination(tree, target.end, candidate)
        return (source if going else domestic), target

    def _of_states(self, actor: Actor | None) -> bool:
        """The actor names several states ("Western countries", "other governments") or
        people of a region or of no state in particular ("Arab leaders", "foreign
        diplomats"): it is no one state, and none is assumed for it."""
        if actor is None:
            return False
        words = self.matcher.words
        tokens = actor.text.split()
        if any(w in words.several_states_nouns for w in tokens if w.islower()):
            return True
        return any(
            " ".join(tokens[i:j]) in words.several_states_words and tokens[j][:1].islower()
            for i in range(len(tokens))
            for j in (i + 1, i + 2)
            if j < len(tokens)
        )

    def _destination(self, tree: Tree, end: int, candidate: Candidate) -> bool:
        """Whether the name ending at character ``end`` is where the act goes ("Sgt
        Tonroe deployed on operations to Afghanistan"), on its verb or the verb's object,
        or the object of a verb of going ("visited South Africa"): no clue to the doer's
        country."""
        token = bisect_right(tree.idx, end - 1) - 1  # the token of its last character
        while tree.dep[token] in {"compound", "amod", "flat"} and tree.head[token] != token:
            token = tree.head[token]
        prep = tree.head[token]
        words = self.matcher.words
        if tree.dep[token] == "dobj" and prep == candidate.anchor:
            # "she visited South Africa", "troops entered Syria"
            return tree.lemma[prep].lower() in words.destination_verbs
        if tree.dep[token] != "pobj" or tree.lower[prep] not in words.destination_prepositions:
            return False
        node = tree.head[prep]  # up to the verb through its objects and their phrases
        for _ in range(_DESTINATION_DEPTH):
            if node == candidate.anchor:
                return True
            if tree.dep[node] not in _DESTINATION_PATH or tree.head[node] == node:
                return False
            node = tree.head[node]
        return node == candidate.anchor

    def _goldstein_of(self, cameo: str) -> float | None:
        """The Goldstein score of a CAMEO code; None for a code of a user's own that CAMEO
        lacks (a PETRARCH dictionary's "[212]"), which has none."""
        try:
            return self.ontology.goldstein(cameo)
        except OntologyLookupError:
            return None

    def _scores(self, candidate: Candidate) -> tuple[int, float]:
        """The candidate's quad class and PLOVER intensity, worked out once per (type,
        mode); a code PLOVER has no type for takes CAMEO's quad and no intensity."""
        type_, mode = candidate.type, candidate.mode
        if type_ == CAMEO_ONLY:
            return cameo_quad(candidate.cameo), 0.0
        scores = self._type_scores.get((type_, mode))
        if scores is None:
            scores = self._type_scores[type_, mode] = (
                self.ontology.quad(type_),
                self.ontology.intensity(type_, mode),
            )
        return scores

    def _said_of(self, tree: Tree, candidate: Candidate) -> frozenset[int]:
        """For an act in words (quad 1 or 3: criticism, demand, support ...; not a
        meeting or visit, which happens where its object is), its object and clausal
        complement outside the trigger: what was said of, asked or threatened
        ("criticised NATO's intervention in Libya", "ordered the convicts sent to a
        prison in Muntinlupa", "threatened to send troops into Kosovo"), and the phrase
        of whom it was said to ("called on Pristina"), whose places are not where it
        was said."""
        quad, _intensity = self._scores(candidate)
        if quad not in VERBAL_QUADS or candidate.type in PLACED_VERBAL_TYPES:
            return frozenset()
        start, end = candidate.trigger
        objects = {
            c
            for c in tree.children[candidate.anchor]
            if tree.dep[c] in _SAID_OF and not start <= c < end
        }
        # and whom it was said to: "called on the Verkhovna Rada to repeal the law"
        objects.update(
            c
            for c in tree.children[candidate.anchor]
            if tree.dep[c] == "prep" and any(within(tree, [c], (a,)) for a in candidate.targets)
        )
        return frozenset(objects)

    def _events(
        self,
        candidate: Candidate,
        tree: Tree,
        article: Article,
        sent: tuple[int, int, Span],
        when: EventDate,
        location: EventLocation | None,
        named: Sequence[tuple[int, int, str]] = (),
        actors: ActorIndex | None = None,
    ) -> Iterable[Event]:
        start_tok, end_tok = candidate.trigger
        trigger_start, trigger_end = tree.idx[start_tok], tree.end_char(end_tok - 1)
        trigger = Span(trigger_start, trigger_end, article.text[trigger_start:trigger_end])
        sent_start, sent_end, sentence = sent
        joint = self.matcher.words.joint_objects
        mutual = _reciprocal(candidate, joint, any_type=self.matcher.conventions == "cameo")
        countries = {c for *_, c in named}
        sources: list[Actor] = []
        targets: list[Actor] = []
        apart = named_apart(named, candidate.targets)
        for_sources = [n for n in apart if not self._destination(tree, n[1], candidate)]
        for_targets = named_apart(named, candidate.sources)
        for source, target in _pairs(candidate, mutual, joint):
            source, target = place_ethnic_groups(source, target)
            several = {a for a in (source, target) if self._of_states(a)}
            placed = self._domestic(tree, candidate, source, target, countries)
            source, target = (
                s if s in several else assume_local(p, n)
                for s, p, n in zip((source, target), placed, (for_sources, for_targets))
            )
            source = as_named(source, sent_start, sent_end, actors)
            target = as_named(target, sent_start, sent_end, actors)
            for actor, role in ((source, sources), (target, [] if mutual else targets)):
                if actor is not None and not any(
                    actor.same_as(a) or (role is targets and _adds_no_actor(tree, actor, a))
                    for a in role
                ):
                    role.append(actor)
        if self._cameo_codes is not None:
            sources, targets = (
                _recoded(sources, self._cameo_codes),
                _recoded(targets, self._cameo_codes),
            )
        if mutual:
            targets = list(sources)  # "Serbia and Kosovo agreed": each side acts towards the other
        if self._cameo_codes is not None:
            # PETRARCH writes an event only with both its actors coded (see code())
            sources, targets = [a for a in sources if a.code], [a for a in targets if a.code]
            if not (sources and targets):
                return
        paired, note = _paired(candidate, sources, targets, mutual)
        # what the event's parts share, worked out once per (type, mode) and CAMEO code
        type_, mode, doc_id, cameo = candidate.type, candidate.mode, article.doc_id, candidate.cameo
        scores = self._scores(candidate)
        if cameo in self._goldstein:
            goldstein = self._goldstein[cameo]
        else:
            goldstein = self._goldstein[cameo] = self._goldstein_of(cameo)
        first_source = sources[0] if sources else None
        first_target = targets[0] if targets else None
        yield Event(
            event_id=stable_id(
                doc_id,
                trigger_start,
                trigger_end,
                *map(_key, sources),
                "->",
                *map(_key, targets),
                type_,
                mode,
                cameo,
            ),
            doc_id=doc_id,
            type=type_,
            mode=mode,
            cameo=cameo,
            quad=scores[0],
            intensity=scores[1],
            goldstein=goldstein,
            date=when.value,
            date_precision=when.precision,
            negated=False,
            sources=tuple(sources),
            targets=tuple(targets),
            trigger=trigger,
            sentence=sentence,
            location=location,
            confidence=_confidence(candidate, first_source, first_target),
            explanation=_explain(candidate, when) + note,
            mentions=(),
            timing=_timing(candidate, when),
            mutual=mutual,
            paired_cameo=paired,
        )


# verbal cooperation and verbal conflict; of these, meetings and visits happen where
# their object is ("visited the court in Beijing")
VERBAL_QUADS = frozenset({1, 3})
PLACED_VERBAL_TYPES = frozenset({"CONSULT"})


# the links from a destination's preposition up to the verb ("deployed on operations to
# Afghanistan", "sent troops into Syria"), and how many
_DESTINATION_PATH = frozenset({"pobj", "prep", "dobj"})
_DESTINATION_DEPTH = 4


# under CAMEO conventions, as PETRARCH 2 writes its events (its story filter) and ICEWS
# codes them: an event needs a source and a target with an actor code
BOTH_ACTORS = "under CAMEO conventions an event needs both a source and a target with a code"


def cameo_quad(cameo: str) -> int:
    """CAMEO's quad class of a code by its root: 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict; 0 for a code of a user's
    own under no CAMEO root."""
    root = int(cameo[:2]) if cameo[:2].isdigit() else 0
    if not 1 <= root <= CAMEO_ROOTS:
        return 0
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


CAMEO_ROOTS = 20  # CAMEO's root codes run from 01 to 20


# what an act in words is about: its object, and what it asks, promises or states
# ("ordered Britain to reduce its staff at the embassy in Moscow")
_SAID_OF = frozenset({"dobj", "xcomp", "ccomp"})


def _adds_no_actor(tree: Tree, actor: Actor, earlier: Actor) -> bool:
    """ "release Prime Minister Chaudhry and more than 30 members of his government",
    "killed two Iraqi youths and wounded five others": a later recipient that names no
    one (no proper noun) and has the code (country and sector) of a recipient the event
    already has adds no actor to it (PETRARCH codes one event per pair of codes, and a
    dyad row per pair is what GDELT/ICEWS users count); two named people with one code
    stay two ("met Putin and Lavrov")."""
    if actor.country is None or (actor.country, actor.sector) != (earlier.country, earlier.sector):
        return False
    first, end = bisect_left(tree.idx, actor.start), bisect_left(tree.idx, actor.end)
    return not any(tree.pos[i] == "PROPN" for i in range(first, end))


def _recoded(actors: list[Actor], codes: CodeReader) -> list[Actor]:
    """The actors with their codes written as CAMEO codes (country and role codes)."""
    return [replace(a, code=_cameo_code(a, codes)) if a.placed else a for a in actors]


def _cameo_code(actor: Actor, codes: CodeReader) -> str | None:
    """The actor's CAMEO code: its country's, then the role codes an agent dictionary
    gave its words as written there ("Gondor's main opposition group" -> GONMOP), else
    the code of its PLOVER sector."""
    if not actor.role_code:
        return codes.join(actor.country, actor.sector)
    if "~" not in actor.role_code:
        return actor.role_code  # the whole code a PETRARCH actor dictionary gives
    before, _, after = actor.role_code.rpartition("~")
    return before + (codes.join(actor.country, None) or "") + after or None


def _pairs(
    candidate: Candidate, mutual: bool, joint: frozenset[str]
) -> list[tuple[Actor | None, Actor | None]]:
    """The (source, target) pairs of a candidate, each read in its own context: a mutual
    act pairs its sides with each other; "X agreed with itself" is X agreed."""
    if mutual:
        shared = _on_shared_deal(candidate, joint)
        return [
            (a, b)
            for a in candidate.sources
            for b in candidate.sources
            if _counterparts(a, b, shared)
        ]
    pairs: list[tuple[Actor | None, Actor | None]] = []
    for source, target in product(candidate.sources or (None,), candidate.targets or (None,)):
        if source is not None and target is not None and source.same_as(target):
            target = None
        if (source, target) not in pairs:
            pairs.append((source, target))
    return pairs


def _paired(
    candidate: Candidate, sources: list[Actor], targets: list[Actor], mutual: bool
) -> tuple[str | None, str]:
    """The CAMEO code of the act seen from the target's side, for entries with a paired
    code (CAMEO's paired codes, as in TABARI's "[042:043]": "X visited Y" is also "Y
    hosted X"), when both sides are actors with a country or sector; with the note for
    the explanation. A mutual act already runs both ways."""
    entry = candidate.entry
    if (
        mutual
        or not entry.paired
        or not any(_resolved(a) for a in sources)
        or not any(_resolved(a) for a in targets)
    ):
        return None, ""
    # a future meeting is coded as intent (AGREE 036), which holds for both sides alike
    code = entry.paired if candidate.cameo == entry.cameo else candidate.cameo
    return code, f"; paired: the recipient's side of '{entry.phrase}' is CAMEO {code}"


def _resolved(actor: Actor | None) -> bool:
    return actor is not None and actor.placed


RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# "China and Russia signed an agreement" (CAMEO 057, a SUPPORT in PLOVER) is joint too,
# as is any act on a shared deal ("Armenia and Azerbaijan failed to reach an agreement").
RECIPROCAL_CAMEO = frozenset({"057"})


def _reciprocal(
    candidate: Candidate, joint_objects: frozenset[str], *, any_type: bool = False
) -> bool:
    """A joint act of two or more sides with no other recipient. ``any_type``: whatever
    the act (PETRARCH's convention: "Gondor and Osgiliath postponed their meeting" is
    coded both ways)."""
    resolved_targets = [t for t in candidate.targets if t.placed]
    joint = (
        any_type
        or candidate.type in RECIPROCAL_TYPES
        or candidate.cameo in RECIPROCAL_CAMEO
        or _on_shared_deal(candidate, joint_objects)
    )
    return (
        joint
        and not resolved_targets
        and any(
            _counterparts(a, b, _on_shared_deal(candidate, joint_objects))
            for a in candidate.sources
            for b in candidate.sources
        )
    )


def _on_shared_deal(candidate: Candidate, joint_objects: frozenset[str]) -> bool:
    """An act on a deal, which always has two sides ("reached an agreement")."""
    return bool(joint_objects.intersection(candidate.entry.objects))


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
    if candidate.modality in {"background", "recalled"}:
        return "background"  # "recalled": a past act told in a relative clause
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
    if (source is not None and "country assumed" in source.evidence) or (
        target is not None and "country assumed" in target.evidence
    ):
        score -= 0.1
    return round(max(0.0, min(1.0, score)), 2)


def _explain(candidate: Candidate, when: EventDate) -> str:
    parts = [f"entry '{candidate.entry.phrase}' at {candidate.entry.origin}"]
    parts.extend(candidate.notes)
    if candidate.modality:
        parts.append(f"modality: {candidate.modality}")
    parts.append(f"date from {when.basis}")
    return "; ".join(parts)


def _described(tree: Tree, candidates: list[Candidate]) -> dict[int, tuple[Span, ...]]:
    """The trigger spans of the candidates folded into another's act ("shelled the town,
    killing 20"), by the anchor of that act: its mentions."""
    found: dict[int, tuple[Span, ...]] = {}
    for c in candidates:
        if c.mention_of is not None:
            start, end = tree.idx[c.trigger[0]], tree.end_char(c.trigger[1] - 1)
            span = Span(start, end, tree.view.text[start:end])
            found[c.mention_of] = (*found.get(c.mention_of, ()), span)
    return found


def _key(actor: Actor | None) -> str:
    return "" if actor is None else f"{actor.name}|{actor.country}|{actor.sector}|{actor.start}"


def _merge_repeats(events: list[Event]) -> list[Event]:
    """The same event stated twice in one article is kept once, with its other mentions.

    Same type, CAMEO code, source and target (by name and country) within one document:
    the first mention is the event; later ones are listed in ``mentions`` (their trigger
    spans), and the most specific date any mention gives wins.
    """
    best: dict[tuple[object, ...], Event] = {}
    order: list[tuple[object, ...]] = []
    for event in events:
        key = (
            event.type,
            event.cameo,
            tuple((a.name, a.country) for a in event.sources),
            tuple((a.name, a.country) for a in event.targets),
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
                explanation=kept.explanation
                + f"; date from a later mention ({event.explanation.split('; ')[-1]})",
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
