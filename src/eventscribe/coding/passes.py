"""Passes over one sentence's candidates: what one candidate tells about another.

"agreed to stop issuing plates" is one event at "stop"; conjoined verbs share the
recipient only one names; an act done for a purpose is aimed where the purpose is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from eventscribe.coding import syntax
from eventscribe.coding.tree import Tree
from eventscribe.records import Actor

if TYPE_CHECKING:
    from eventscribe.coding.matcher import Candidate

XCOMP = frozenset({"xcomp"})


def resolve_intents(found: list[Candidate], t: Tree) -> list[Candidate]:
    """Drop the bare "agreed"/"promised" event when its complement was coded itself,
    and the bare "refused" when its complement is coded as the refusal.

    "Serbia agreed to stop issuing plates" is one CONCEDE event, not AGREE + CONCEDE;
    "he refused to resign" one REJECT (1231), not two.
    """
    coded_heads = {c.anchor for c in found if c.dropped is None or c.negated}
    kept_heads = {c.anchor for c in found if c.dropped is None}
    result = []
    for candidate in found:
        complements = t.kids(candidate.anchor, XCOMP)
        if (candidate.type == "AGREE" and any(i in coded_heads for i in complements)) or (
            # "refused to resign": the refusal coded at the complement (CAMEO 1231), once
            candidate.type == "REJECT" and candidate.dropped is None
            and any(i in kept_heads and _refused(found, i) for i in complements)
        ):  # fmt: skip
            candidate = replace(candidate, dropped="its complement is coded as the event")
        result.append(candidate)
    return result


def _refused(found: list[Candidate], anchor: int) -> bool:
    """The candidate at ``anchor`` is a refusal itself (an entry for the negated verb)."""
    return any(c.anchor == anchor and c.type == "REJECT" for c in found)


def share_conjoined_targets(found: list[Candidate], t: Tree) -> list[Candidate]:
    """ "began harassing and issuing fines to Serbs": conjoined verbs of one type share
    the target that only one of them names."""
    by_anchor = {c.anchor: c for c in found}
    result = []
    for candidate in found:
        if not candidate.targets:
            for other in t.conjuncts(candidate.anchor):
                partner = by_anchor.get(other)
                if partner is not None and partner.type == candidate.type and partner.targets:
                    candidate = replace(
                        candidate, targets=partner.targets, dropped=candidate.dropped
                    )
                    break
        result.append(candidate)
    return result


def share_purpose_targets(found: list[Candidate], t: Tree) -> list[Candidate]:
    """ "staged a hunger strike to protest the government's decision": an act without a
    recipient of its own is aimed at the recipient of the purpose it was done for."""
    purposes = {
        c.anchor: c
        for c in found
        if c.targets and (c.modality == "purpose" or (not c.sources and _in_protest(t, c.anchor)))
    }
    if not purposes:
        return found
    result = []
    for candidate in found:
        if not _resolved(candidate.targets) and candidate.dropped is None:
            anchor = candidate.anchor
            dep = t.dep
            # the purpose hangs off the trigger verb, or off the light verb of a trigger
            # noun ("staged demonstrations to demand reforms")
            heads = [anchor] + ([t.head[anchor]] if dep[anchor] == "dobj" else [])
            for child in (c for h in heads for c in t.children[h]):
                if dep[child] == "prep":  # "staged a hunger strike in protest against X"
                    child = next((c for c in t.children[child] if dep[c] == "pobj"), child)
                purpose = purposes.get(child)
                if purpose is not None and dep[child] in {"advcl", "pobj"}:
                    candidate = replace(candidate, targets=purpose.targets)
                    break
        result.append(candidate)
    return result


def refusal_targets(found: list[Candidate], t: Tree) -> list[Candidate]:
    """ "Pakistan refused to deploy peacekeepers in Iraq": a refusal is aimed at whom the
    act refused would have been (Iraq), not at the words of its complement (the
    peacekeepers). The refused act is the refusing verb's clausal complement, dropped
    as negated by it."""
    refused = {
        t.head[c.anchor]: c
        for c in found
        if c.targets
        and c.dropped is not None
        and c.negated
        and t.dep[c.anchor] == "xcomp"
        and _resolved(c.targets)
    }
    if not refused:
        return found
    return [
        replace(c, targets=refused[c.anchor].targets)
        if c.anchor in refused and c.type == "REJECT" and c.dropped is None
        else c
        for c in found
    ]


def drop_protest_topics(found: list[Candidate], t: Tree) -> list[Candidate]:
    """ "Thousands demonstrated in Kirkuk, calling for independence": what protesters
    demand in a participle clause of the protest is its topic, not an event of its own
    (the PLOVER manual's PROTEST: "the topic of the protest, which will typically be a
    REQUEST, is not coded as a separate event")."""
    dep, head, tag = t.dep, t.head, t.tag
    protests = {c.anchor for c in found if c.type == "PROTEST" and c.dropped is None}
    # a protest noun's light verb carries the clause ("staged rallies ..., saying ...")
    protests |= {head[a] for a in protests if dep[a] == "dobj"}
    if not protests:
        return found
    result = []
    for candidate in found:
        if candidate.type == "REQUEST" and candidate.dropped is None:
            x = candidate.anchor
            while head[x] != x:
                if (
                    dep[x] == "advcl"
                    and tag[x] == "VBG"
                    and head[x] in protests
                    and not any(dep[c] in {"nsubj", "nsubjpass"} for c in t.children[x])
                ):
                    verb = t.text(head[x])
                    candidate = replace(candidate, dropped=f"what the protest ('{verb}') demands")
                    break
                x = head[x]
        result.append(candidate)
    return result


def fold_consequences(found: list[Candidate], t: Tree) -> list[Candidate]:
    """ "Rebels shelled the town, killing 20 people": the killing is what the shelling
    did, one event (as PLOVER and CAMEO coders code it). A participle clause after the
    event verb, with no subject of its own and of the same type, adds no event; when the
    main verb has no recipient at all, it takes the participles'."""
    by_anchor = {c.anchor: c for c in found if c.dropped is None}
    folded: dict[int, tuple[str, int]] = {}  # anchor -> (why, anchor of the act it tells of)
    gained: dict[int, tuple[Actor, ...]] = {}
    dep, tag, head = t.dep, t.tag, t.head
    for candidate in by_anchor.values():
        verb = candidate.anchor
        clause = head[verb] if dep[verb] == "conj" else verb  # "killing five and injuring 22"
        main = by_anchor.get(head[clause])
        if (
            main is None
            or main is candidate
            or tag[verb] != "VBG"
            or tag[clause] != "VBG"
            or dep[clause] != "advcl"
            or clause < head[clause]
            or main.type != candidate.type
            or any(dep[c] in {"nsubj", "nsubjpass"} for c in t.children[verb])
        ):
            continue
        folded[candidate.anchor] = (f"what '{t.text(head[clause])}' did: one event", main.anchor)
        # an act with no one named at all ("a bomb exploded, killing four shoppers")
        # takes whom its participle names, placed or not
        unnamed = not main.sources or main.anchor in gained
        if not main.targets and (_resolved(candidate.targets) or unnamed):
            # "exploded, killing 35 people and wounding 62": every participle's recipients
            known = gained.get(main.anchor, ())
            gained[main.anchor] = known + tuple(a for a in candidate.targets if a not in known)
    _fold_conjoined_attacks(by_anchor, t, folded, gained)
    if not folded:
        return found
    # the folded verb is a mention of the event it tells of
    return [
        replace(c, dropped=folded[c.anchor][0], mention_of=folded[c.anchor][1])
        if c.anchor in folded and c.dropped is None
        else replace(c, targets=gained[c.anchor])
        if c.anchor in gained and c.dropped is None
        else c
        for c in found
    ]


def _fold_conjoined_attacks(
    by_anchor: dict[int, Candidate],
    t: Tree,
    folded: dict[int, tuple[str, int]],
    gained: dict[int, tuple[Actor, ...]],
) -> None:
    """ "A roadside bomb killed one soldier and wounded two others": the second verb,
    conjoined to an attack verb and sharing its subject, tells what the same attack did:
    one event, whose recipients are both verbs' ("a second verb describing the same act
    is a mention of that event"); so does a verb of the same type sharing the first
    one's object ("donated and delivered goods to the school")."""
    dep, head = t.dep, t.head
    for candidate in by_anchor.values():
        verb = candidate.anchor
        main = by_anchor.get(head[verb])
        if (
            main is None
            or main is candidate
            or dep[verb] != "conj"
            or not _one_act(t, main, candidate)
            or candidate.anchor in folded
            or main.anchor in folded
            or (
                any(dep[c] in {"nsubj", "nsubjpass"} for c in t.children[verb])
                and not _patients_only(t, main.anchor, verb)
            )
            or not set(candidate.sources) <= set(main.sources)
        ):
            continue
        folded[verb] = (f"what '{t.text(main.anchor)}' did too: one event", main.anchor)
        targets = gained.get(main.anchor, main.targets)
        gained[main.anchor] = targets + tuple(a for a in candidate.targets if a not in targets)


def _one_act(t: Tree, main: Candidate, candidate: Candidate) -> bool:
    """Two conjoined verbs tell of one act: attacks ("killed one soldier and wounded two
    others"), or two verbs of one type sharing their object ("donated and delivered
    goods to the school": right node raising)."""
    if main.type == "ASSAULT" and candidate.type == "ASSAULT":
        return True
    return main.type == candidate.type and bool(syntax.shared_objects(t, main.anchor))


def _patients_only(t: Tree, main: int, verb: int) -> bool:
    """The subject of a verb conjoined to a passive attack verb says to whom it was done,
    not who did it: a passive of its own ("six were killed and nine were wounded") or the
    same passive with its auxiliary gapped ("five were killed and 77 others wounded")."""
    kids, dep = t.children, t.dep
    own = {dep[c] for c in kids[verb]}
    if "auxpass" not in {dep[c] for c in kids[main]} or ("nsubj" in own and "nsubjpass" in own):
        return False
    if "nsubjpass" in own:
        return True
    return t.tag[verb] == "VBN" and not own & {"aux", "auxpass"}


def _in_protest(t: Tree, noun: int) -> bool:
    """ "in protest against ...", "in response to ...": an event noun saying why."""
    return t.dep[noun] == "pobj" and t.lower[t.head[noun]] == "in"


def _resolved(actors: tuple[Actor, ...]) -> bool:
    return any(a.placed for a in actors)
