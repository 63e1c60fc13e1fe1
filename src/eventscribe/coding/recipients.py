"""Who an event is aimed at: the recipient search of the event matcher.

The lexicon entry names where a recipient usually is (a direct object, a preposition);
these rules find it when it is elsewhere: the owner of a thing ("rejected an offer from
Kabul"), an "against" phrase deeper in the clause, the nearest actor among the trigger's
own objects, never the actor's own forces ("withdrew its troops") and never inside a
subordinate clause that is an event of its own. Tokens are positions in the document's
:class:`~eventscribe.coding.tree.Tree`.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventscribe.actors.building import named_as_place
from eventscribe.actors.phrases import PhraseIds
from eventscribe.actors.tagger import ActorIndex, unresolved_actor
from eventscribe.coding import syntax
from eventscribe.coding.syntax import WordLists
from eventscribe.coding.tree import Tree
from eventscribe.records import Actor

# Prepositions that name the one an act is aimed at wherever they hang in the trigger's
# clause ("staged a hunger strike in protest against the decree", "mobilised reservists
# for a possible war against Iraq").
# Words that say what was done or proposed, not who: their owner is the actor meant
# ("rejected an offer from Kabul", "denounced Serbia's crackdown", "protested against
# violations by the police", "a demonstration staged by students").
OWNER_DEPTH = 2


def object_phrase_nouns(t: Tree, direct: list[int]) -> list[int]:
    """Nouns inside the direct objects' phrases, one or two prepositions down ("$3
    million in funding", "vehicles and a team of paratroopers"), not inside clauses."""
    found: list[int] = []
    dep = t.dep
    frontier = [(o, 0) for o in syntax.with_conjuncts(t, direct)]
    while frontier:
        token, depth = frontier.pop(0)
        for prep in (c for c in t.children[token] if dep[c] == "prep" and depth < 2):
            for noun in (c for c in t.children[prep] if dep[c] == "pobj"):
                found.append(noun)
                frontier.append((noun, depth + 1))
        found.extend(c for c in t.conjuncts(token) if c not in found)
    return found


OWN_DEPS = frozenset({"poss", "amod"})


def own(t: Tree, obj: int, words: WordLists) -> bool:
    """An object the actor owns ("its troops", "their weapons"): what it acts with, not on."""
    dep = t.dep
    if dep[obj] != "dobj":
        return False
    lower = t.lower
    for c in t.children[obj]:
        if lower[c] in words.own_possessives and dep[c] in OWN_DEPS:
            return True
    return False


def is_object_of(t: Tree, token: int, word: str) -> bool:
    return t.dep[token] == "pobj" and t.lower[t.head[token]] == word


OWNER_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def hung_on_verb(t: Tree, head: int, words: WordLists) -> list[int]:
    """ "denied charges by the Chamber of Commerce": a "by" phrase after the direct object
    of an active verb, which the parser hung on the verb, names who made the charges (an
    active verb has its doer in its subject, so the phrase cannot be its agent)."""
    verb = t.head[head]
    if t.dep[head] != "dobj" or syntax.is_passive(t, verb, words):
        return []
    return [p for p in syntax.prep_objects(t, verb, "by") if p > head]


def owners_of(
    t: Tree,
    heads: list[int],
    actors: ActorIndex,
    words: WordLists,
    exclude: tuple[Actor, ...] = (),
    depth: int = OWNER_DEPTH,
) -> tuple[Actor, ...]:
    """The actors who own what ``heads`` name when those heads are things said, done or
    proposed (``words.owned_nouns``): a possessor, a "by" or "from" phrase, the agent of a
    participle, or a nationality word in the phrase ("Israeli military policies").
    The event's own source (``exclude``: "pressed their demands") is no owner."""
    if not heads:
        return ()
    found: list[Actor] = []
    dep, kids = t.dep, t.children
    for head in syntax.with_conjuncts(t, heads):
        if t.lemma[head].lower() not in words.owned_nouns:
            continue
        owners = [c for c in kids[head] if dep[c] == "poss"]
        for word in words.owner_prepositions:
            owners += syntax.prep_objects(t, head, word)
        owners += hung_on_verb(t, head, words)
        owners += [a for c in kids[head] if dep[c] == "acl" for a in syntax.agent_of(t, c)]
        owners += [c for c in kids[head] if dep[c] in OWNER_MODIFIERS]
        for actor in actors_of(t, owners, actors):
            if actor not in found and not any(actor.same_as(x) for x in exclude):
                found.append(actor)
        if not found and depth > 1:
            # "demands for greater freedom from the government": one more step into the phrase
            inner = [p for c in kids[head] if dep[c] == "prep" for p in kids[c] if dep[p] == "pobj"]
            found.extend(
                a for a in owners_of(t, inner, actors, words, exclude, depth - 1) if a not in found
            )
    return tuple(found)


FALLBACK_TARGET_DEPS = frozenset({"dobj", "pobj", "dative", "attr", "clause_subject", "poss"})
FALLBACK_DEPTH = 4


@dataclass(frozen=True)
class Reach:
    """How far the fallback recipient search goes: ``depth`` arcs from the verb, and
    whether the object of a locative preposition on the verb ("in Kosovo") may be the
    recipient (PETRARCH's convention: the first actor of the verb phrase)."""

    depth: int = FALLBACK_DEPTH
    places: bool = False

    @classmethod
    def petrarch(cls) -> Reach:
        return cls(depth=FALLBACK_DEPTH + 2, places=True)


def nearest_object_actor(
    t: Tree,
    verb: int,
    actors: ActorIndex,
    words: WordLists,
    exclude: tuple[Actor, ...] = (),
    trigger_objects: tuple[int, ...] = (),
    skip: frozenset[int] = frozenset(),
    reach: Reach = Reach(),
) -> tuple[Actor, ...]:
    """When no slot of the entry names a recipient, the nearest actor that is an object
    inside the trigger's own clause ("promised to continue aid to Mozambique"), or the
    owner of a thing there ("refused to respond to a demand from the US President")."""
    subjects: set[int] | None = None  # the verb's subject phrases, read when first needed

    def acts_on() -> bool:
        return bool(syntax.objects_of(t, verb, words))

    best: tuple[tuple[bool, int], tuple[Actor, ...]] | None = None
    dep, head, lower, by_head = t.dep, t.head, t.lower, actors.by_head
    for token, distance in clause_steps(t, verb, words, reach.depth).items():
        up = head[token]
        label = "clause_subject" if dep[token] == "nsubj" and dep[up] == "ccomp" else dep[token]
        if label not in FALLBACK_TARGET_DEPS or token in skip or lower[up] == "by":
            continue
        if dep[token] == "pobj" and lower[up] in words.capacity_prepositions:
            continue  # "As foreign minister, Lavrov criticised ...": a role, not whom
        if dep[token] == "pobj" and lower[up] in words.unit_prepositions:
            continue  # "offered $69 per prisoner": a unit counted in, not whom
        if subjects is None:
            subjects = {x for s in syntax.subjects_of(t, verb, words) for x in t.subtree(s)}
        if token in subjects:
            continue
        if own(t, token, words) and token not in trigger_objects:
            continue  # "withdraw its troops": what it acts with, unless part of the trigger
        if (
            not reach.places
            and _where(t, token, verb, words)
            and (token < verb or not exclude or acts_on())
        ):
            # "arrested two men in Kosovo", "at an event in Ohio": where, not whom; after a
            # verb with no object, the place is the first actor of the verb phrase of an
            # act with a doer ("troops remained on alert in Paris")
            continue
        if dep[token] == "pobj" and lower[head[up]] == "according":
            continue  # "according to military statements": who says, not whom
        found = by_head.get(token, ())
        if not found:
            found = owners_of(t, [token], actors, words, exclude, depth=1)
            distance += 1
        if not found:
            continue
        # prefer actors whose country is known (from the actor tables: a town or region
        # known only as a place ranks as before, "held civilians as shields in Raqqa"),
        # then the nearest in the tree
        rank = (not any(a.country and not named_as_place(a) for a in found), distance)
        if best is None or rank < best[0]:
            best = (rank, actors_of(t, [token], actors) or found)
    return best[1] if best else ()


def _where(t: Tree, token: int, verb: int, words: WordLists) -> bool:
    """The token is the object of a locative preposition on the verb ("arrested two
    men in Kosovo"), or anywhere in such a phrase set before the verb ("At an event in
    West Virginia, the president called for ..."): where the act took place, not whom
    it was aimed at. (A place deeper in a phrase after the verb is PETRARCH's first
    actor of the verb phrase: "rioted in the town of X".)"""
    head, dep, lower = t.head, t.dep, t.lower
    if dep[token] == "pobj" and head[head[token]] == verb:
        return lower[head[token]] in words.locative_prepositions
    if token > verb:
        return False
    while head[token] != verb and head[token] != token:
        token = head[token]
    return dep[token] == "prep" and lower[token] in words.locative_prepositions


# Arcs the target search does not follow: other subjects, conjoined verbs (their own
# events), parentheticals and punctuation. A "that" clause is entered only to its subject.
CLAUSE_PATH_BLOCKED = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "conj",
        "cc",
        "parataxis",
        "punct",
        "appos",
        "mark",
        "aux",
        "neg",
    }
)
_OWN_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OWN_CLAUSE_MARKS = frozenset({"mark", "nsubj", "nsubjpass"})
_CLAUSE_LABELS = frozenset({"acl", "relcl", "advcl"})  # the only ones _own_event_clause can refuse


def _own_event_clause(t: Tree, token: int, words: WordLists) -> bool:
    """A subordinate clause with its own subject or conjunction ("after a jet shot down a
    helicopter", "an admission that Soviet forces murdered ...") or a reporting gerund
    ("citing domestic opposition") is an event or circumstance of its own, not where the
    trigger's recipient is; a purpose clause ("to help Ethiopia") or a result ("killing
    six soldiers") stays in."""
    dep = t.dep
    label = dep[token]
    if label == "acl" or label == "relcl":
        return any(dep[c] in _OWN_SUBJECTS for c in t.children[token])
    if label != "advcl":
        return False
    if any(dep[c] in _OWN_CLAUSE_MARKS for c in t.children[token]):
        return True
    return t.tag[token] == "VBG" and t.lemma[token].lower() in words.reporting_gerunds


def clause_steps(
    t: Tree, verb: int, words: WordLists, limit: int = FALLBACK_DEPTH
) -> dict[int, int]:
    """Tokens reachable from the verb through its complements, objects and modifiers
    within ``limit`` steps (a preposition and its object are one step), not through
    subjects, conjoined verbs, subordinate clauses (a "that" clause is entered only as
    far as its subject: "demanded that Japan cancel ..."), time phrases ("after a fire
    at the embassy", as "after a fire broke out") or an act that did not happen ("without
    consulting Russia"), each with its number of arcs from the verb."""
    found: dict[int, int] = {}
    dep, kids = t.dep, t.children
    frontier = [(verb, 0)]
    while frontier:
        token, depth = frontier.pop()
        if depth + 1 > limit:
            continue  # every child would be too far
        for child in kids[token]:
            label = dep[child]
            if (
                label in CLAUSE_PATH_BLOCKED
                or (label in _CLAUSE_LABELS and _own_event_clause(t, child, words))
                or (label == "prep" and t.lower[child] in words.background_markers)
                or (label == "prep" and t.lower[child] in words.negating_prepositions)
            ):
                continue
            if label == "ccomp":
                found.update((c, depth + 1) for c in kids[child] if dep[c] == "nsubj")
                continue
            found[child] = depth + 1
            frontier.append((child, depth + 1))
    return found


def unresolved(
    t: Tree, heads: list[int], words: WordLists, ids: PhraseIds | None = None
) -> tuple[Actor, ...]:
    """The recipient the text names when no country or sector can be found for it
    ("rejected the council decision"): kept with its words, so a user sees whom the
    event was aimed at and can teach the registry. Marked when it names people ("a man",
    "dozens of civilians"): then it is an actor of the event even so. ``ids``: the
    caller's ``PhraseIds`` of the document's vocabulary, if it keeps one."""
    named = [h for h in heads if t.ent[h] not in words.no_one_entities][:1]  # not "on Sunday"
    return tuple(
        unresolved_actor(t.view, h, people=names_people(t, h, words), ids=ids) for h in named
    )


def names_people(t: Tree, head: int, words: WordLists) -> bool:
    """The phrase headed by ``head`` names people: a person or group entity, or a people
    noun, also as what a number or partitive counts ("dozens of civilians")."""
    head = syntax.counted(t, head, words)
    return (
        t.ent[head] in PEOPLE_ENTITIES
        or t.lemma[head].lower() in words.people_nouns
        or t.pos[head] == "NUM"  # kept as a head only by counted_people
    )


def counted_people(t: Tree, verb: int, head: int, words: WordLists) -> bool:
    """A number standing alone for the people a verb of harm or custody acts on (a
    fused-head numeral: "four people died and 22 were injured", "the seven were arrested"):
    ``verb`` is one of ``object_verbs``, whose object is always someone."""
    return (
        t.pos[head] == "NUM"
        and syntax.counted(t, head, words) == head
        and t.lemma[verb].lower() in words.object_verbs
    )


PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})
_NOUN_CLAUSES = frozenset({"acl", "relcl"})


def within(t: Tree, heads: list[int], found: tuple[Actor, ...]) -> bool:
    """Every actor of ``found`` lies inside the phrase of one of ``heads``, not counting
    the clauses about it ("a man from Kosovo" places him; in "a youth charged with the
    murder of a Japanese man" the victim does not)."""
    spans = []
    for head in heads:
        clauses = {i for c in t.children[head] if t.dep[c] in _NOUN_CLAUSES for i in t.subtree(c)}
        tokens = [i for i in t.subtree(head) if i not in clauses]
        last = max(tokens)
        spans.append((t.idx[min(tokens)], t.idx[last] + len(t.text(last))))
    return all(any(s <= a.start and a.end <= e for s, e in spans) for a in found)


def actors_of(t: Tree, heads: list[int], actors: ActorIndex) -> tuple[Actor, ...]:
    if not heads:
        return ()
    found: list[Actor] = []
    by_head = actors.by_head
    for head in syntax.with_conjuncts(t, heads):
        for actor in by_head.get(head, ()):
            if actor not in found:
                found.append(actor)
    return tuple(found)
