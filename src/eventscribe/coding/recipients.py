"""Who an event is aimed at: the recipient search of the event matcher.

The lexicon entry names where a recipient usually is (a direct object, a preposition);
these rules find it when it is elsewhere: the owner of a thing ("rejected an offer from
Kabul"), an "against" phrase deeper in the clause, the nearest actor among the trigger's
own objects, never the actor's own forces ("withdrew its troops") and never inside a
subordinate clause that is an event of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventscribe.actors.tagger import ActorIndex, unresolved_actor
from eventscribe.coding import syntax
from eventscribe.records import Actor

# Prepositions that name the one an act is aimed at wherever they hang in the trigger's
# clause ("staged a hunger strike in protest against the decree", "mobilised reservists
# for a possible war against Iraq").
DEEP_PREPOSITIONS = frozenset({"against"})
# Words that say what was done or proposed, not who: their owner is the actor meant
# ("rejected an offer from Kabul", "denounced Serbia's crackdown", "protested against
# violations by the police", "a demonstration staged by students").
OWNER_PREPOSITIONS = ("by", "from")
OWNER_DEPTH = 2


def object_phrase_nouns(direct: list[Token]) -> list[Token]:
    """Nouns inside the direct objects' phrases, one or two prepositions down ("$3
    million in funding", "vehicles and a team of paratroopers"), not inside clauses."""
    found: list[Token] = []
    frontier = [(o, 0) for o in syntax.with_conjuncts(direct)]
    while frontier:
        token, depth = frontier.pop(0)
        for prep in (c for c in token.children if c.dep_ == "prep" and depth < 2):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                found.append(noun)
                frontier.append((noun, depth + 1))
        found.extend(c for c in token.conjuncts if c not in found)
    return found


OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "own"})


def own(obj: Token) -> bool:
    """An object the actor owns ("its troops", "their weapons"): what it acts with, not on."""
    return obj.dep_ == "dobj" and any(
        c.lower_ in OWN_POSSESSIVES and c.dep_ in {"poss", "amod"} for c in obj.children
    )


def is_object_of(token: Token, word: str) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ == word


def owners_of(
    heads: list[Token],
    actors: ActorIndex,
    owned: frozenset[str],
    exclude: tuple[Actor, ...] = (),
    depth: int = OWNER_DEPTH,
) -> tuple[Actor, ...]:
    """The actors who own what ``heads`` name when those heads are things said, done or
    proposed (``owned``): a possessor, a "by" or "from" phrase, the agent of a
    participle, or a nationality word in the phrase ("Israeli military policies").
    The event's own source (``exclude``: "pressed their demands") is no owner."""
    found: list[Actor] = []
    for head in syntax.with_conjuncts(heads):
        if head.lemma_.lower() not in owned:
            continue
        owners = [c for c in head.children if c.dep_ == "poss"]
        for word in OWNER_PREPOSITIONS:
            owners += syntax.prep_objects(head, word)
        owners += [a for c in head.children if c.dep_ == "acl" for a in syntax.agent_of(c)]
        owners += [c for c in head.children if c.dep_ in {"amod", "compound", "nmod"}]
        for actor in actors_of(owners, actors):
            if actor not in found and not any(actor.same_as(x) for x in exclude):
                found.append(actor)
        if not found and depth > 1:
            # "demands for greater freedom from the government": one more step into the phrase
            inner = [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            found.extend(a for a in owners_of(inner, actors, owned, exclude, depth - 1) if a not in found)
    return tuple(found)


FALLBACK_TARGET_DEPS = frozenset({"dobj", "pobj", "dative", "attr", "clause_subject", "poss"})
FALLBACK_DEPTH = 4
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around"})


def nearest_object_actor(
    verb: Token,
    actors: ActorIndex,
    owned: frozenset[str] = frozenset(),
    exclude: tuple[Actor, ...] = (),
    trigger_objects: tuple[Token, ...] = (),
    skip: frozenset[int] = frozenset(),
) -> tuple[Actor, ...]:
    """When no slot of the entry names a recipient, the nearest actor that is an object
    inside the trigger's own clause ("promised to continue aid to Mozambique"), or the
    owner of a thing there ("refused to respond to a demand from the US President")."""
    subjects = {t.i for s in syntax.subjects_of(verb) for t in s.subtree}
    best: tuple[tuple[bool, int], tuple[Actor, ...]] | None = None
    for token, distance in clause_steps(verb).items():
        dep = "clause_subject" if token.dep_ == "nsubj" and token.head.dep_ == "ccomp" else token.dep_
        if token.i in subjects or token.i in skip or dep not in FALLBACK_TARGET_DEPS or token.head.lower_ == "by":
            continue
        if own(token) and token not in trigger_objects:
            continue  # "withdraw its troops": what it acts with, unless part of the trigger
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE and token.head.head.i == verb.i:
            continue  # "arrested two men in Kosovo": where, not whom
        if token.dep_ == "pobj" and token.head.head.lower_ == "according":
            continue  # "according to military statements": who says, not whom
        found = actors.actors_at(token)
        if not found:
            found = owners_of([token], actors, owned, exclude, depth=1)
            distance += 1
        if not found:
            continue
        # prefer actors whose country is known, then the nearest in the tree
        rank = (not any(a.country for a in found), distance)
        if best is None or rank < best[0]:
            best = (rank, actors_of([token], actors) or found)
    return best[1] if best else ()


# Arcs the target search does not follow: other subjects, conjoined verbs (their own
# events), parentheticals and punctuation. A "that" clause is entered only to its subject.
CLAUSE_PATH_BLOCKED = frozenset({"nsubj", "nsubjpass", "csubj", "conj", "cc", "parataxis", "punct", "appos", "mark", "aux", "neg"})
# Gerunds that report or justify ("..., citing domestic opposition", "saying ...").
REPORTING_GERUNDS = frozenset({"say", "cite", "add", "claim", "note", "insist", "argue", "accuse", "blame"})


def _own_event_clause(token: Token) -> bool:
    """A subordinate clause with its own subject or conjunction ("after a jet shot down a
    helicopter", "an admission that Soviet forces murdered ...") or a reporting gerund
    ("citing domestic opposition") is an event or circumstance of its own, not where the
    trigger's recipient is; a purpose clause ("to help Ethiopia") or a result ("killing
    six soldiers") stays in."""
    if token.dep_ in {"acl", "relcl"}:
        return any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    if token.dep_ != "advcl":
        return False
    if any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in token.children):
        return True
    return token.tag_ == "VBG" and token.lemma_.lower() in REPORTING_GERUNDS


def own_clause(verb: Token) -> list[Token]:
    """Tokens reachable from the verb through its complements, objects and modifiers
    within FALLBACK_DEPTH steps (a preposition and its object are one step), not through
    subjects, conjoined verbs or subordinate clauses; a "that" clause is entered only as
    far as its subject ("demanded that Japan cancel ...")."""
    return list(clause_steps(verb))


def clause_steps(verb: Token, limit: int = FALLBACK_DEPTH) -> dict[Token, int]:
    """The tokens of :func:`_own_clause` (up to ``limit`` arcs away), each with its number
    of arcs from the verb."""
    found: dict[Token, int] = {}
    frontier = [(verb, 0)]
    while frontier:
        token, depth = frontier.pop()
        for child in token.children:
            if child.dep_ in CLAUSE_PATH_BLOCKED or depth + 1 > limit or _own_event_clause(child):
                continue
            if child.dep_ == "ccomp":
                found.update((c, depth + 1) for c in child.children if c.dep_ == "nsubj")
                continue
            found[child] = depth + 1
            frontier.append((child, depth + 1))
    return found


def unresolved(heads: list[Token]) -> tuple[Actor, ...]:
    """The recipient the text names when no country or sector can be found for it
    ("rejected the council decision"): kept with its words, so a user sees whom the
    event was aimed at and can teach the registry."""
    return tuple(unresolved_actor(head) for head in heads[:1])


def actors_of(heads: list[Token], actors: ActorIndex) -> tuple[Actor, ...]:
    found: list[Actor] = []
    for head in syntax.with_conjuncts(heads):
        for actor in actors.actors_at(head):
            if actor not in found:
                found.append(actor)
    return tuple(found)
