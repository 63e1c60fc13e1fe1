"""Reading the dependency parse: arguments, negation and modality of a trigger.

Pure functions of a document's :class:`~eventscribe.coding.tree.Tree` and token
positions (the coder makes no spaCy ``Token`` for them); they encode English syntax,
not event knowledge. The word lists they need (negators, modal verbs, control verbs)
are passed in from the coder's settings file so they can be read and changed as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from eventscribe.coding.tree import Tree

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class WordLists:
    """Closed-class words the syntax rules depend on (see coding/data/syntax.yaml)."""

    negators: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    intent_verbs: frozenset[str]
    failure_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    request_verbs: frozenset[str]
    demand_verbs: frozenset[str]
    deliberation_verbs: frozenset[str]
    condition_markers: frozenset[str]
    background_markers: frozenset[str]
    speech_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    opposing_verbs: frozenset[str]
    observer_verbs: frozenset[str]
    owned_nouns: frozenset[str]
    negative_quantifiers: frozenset[str]
    negative_determiners: frozenset[str]
    known_determiners: frozenset[str]
    object_intent_verbs: frozenset[str]
    object_request_verbs: frozenset[str]
    object_deliberation_verbs: frozenset[str]
    negative_adverbial_nouns: frozenset[str]
    contrast_conjunctions: frozenset[str]
    natural_forces: frozenset[str]
    message_nouns: frozenset[str]
    condition_heads: frozenset[str]
    means_verbs: frozenset[str]
    obligation_aux: frozenset[str]
    force_moving_verbs: frozenset[str]
    subject_control_verbs: frozenset[str]
    joint_objects: frozenset[str]
    locative_prepositions: frozenset[str]
    deep_prepositions: frozenset[str]
    own_possessives: frozenset[str]
    reporting_gerunds: frozenset[str]
    attack_sense_verbs: frozenset[str]
    intransitive_sense_verbs: frozenset[str]
    two_sided_types: frozenset[str]
    opinion_verbs: frozenset[str]
    gerund_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    capacity_prepositions: frozenset[str]
    unit_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    destination_verbs: frozenset[str]
    charge_verbs: frozenset[str]
    adjunct_gerund_prepositions: frozenset[str]
    release_sense_verbs: frozenset[str]
    released_things: frozenset[str]
    people_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    no_one_entities: frozenset[str]
    physical_targets: frozenset[str]
    several_states_nouns: frozenset[str]
    several_states_words: frozenset[str]
    requirement_verbs: frozenset[str]
    negating_prepositions: frozenset[str]
    attackable_entities: frozenset[str]
    storm_name_prefixes: frozenset[str]
    cause_prepositions: frozenset[str]
    past_auxiliaries: frozenset[str]
    owner_prepositions: frozenset[str]
    deadline_words: frozenset[str]
    occurrence_verbs: frozenset[str]
    double_negative_verbs: frozenset[str]
    object_verbs: frozenset[str]
    force_sense_verbs: frozenset[str]
    military_things: frozenset[str]
    currency_words: frozenset[str]
    stative_participles: frozenset[str]
    verbal_sense_verbs: frozenset[str]
    implication_verbs: frozenset[str]
    comment_verbs: frozenset[str]
    agreement_nouns: frozenset[str]
    verdict_words: frozenset[str]
    contest_sense_verbs: frozenset[str]
    contest_entities: frozenset[str]
    released_entities: frozenset[str]
    inability_words: frozenset[str]
    ability_words: frozenset[str]


PASSIVE_MARKS = frozenset({"nsubjpass", "auxpass"})
CLAUSE_OF_NOUN = frozenset({"acl", "ccomp", "advcl"})
ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def to_infinitive(t: Tree, token: int) -> bool:
    """The token has an infinitive's "to" ("to land", "to begin")."""
    dep, lower = t.dep, t.lower
    return any(dep[c] == "aux" and lower[c] == "to" for c in t.children[token])


def is_passive(t: Tree, verb: int, words: WordLists) -> bool:
    """A passive verb, a participle conjoined with one ("was tortured and killed"), or a
    headline's passive (:func:`headline_passive`); not a stative one
    (:func:`stative_participle`)."""
    dep, kids = t.dep, t.children
    for c in kids[verb]:  # loops, not any(): this is asked several times per trigger
        if dep[c] in PASSIVE_MARKS:
            return not stative_participle(t, verb, words) and not _has_read_as_is(t, verb)
    if headline_passive(t, verb, words):
        return True
    if dep[verb] == "acomp" and t.tag[verb] in ("VBN", "VBD") and t.lemma[t.head[verb]] == "be":
        # "was earlier this year granted permission", parsed as an adjective after "was":
        # a participle that keeps a direct object is a passive (an adjective takes none)
        return any(dep[c] == "dobj" for c in kids[verb])
    if dep[verb] != "conj" or t.tag[verb] != "VBN":
        return False
    head = t.head[verb]  # "was tortured and killed"; "leader detained and beaten in Minsk"
    passive_head = any(dep[c] in PASSIVE_MARKS for c in kids[head])
    return (passive_head or headline_passive(t, head, words)) and not any(
        dep[c] in SUBJECT_DEPS
        # "is not engaged ..., but has supported the coalition": a perfect, not a passive
        or (dep[c] == "aux" and t.lemma[c].lower() == "have")
        for c in kids[verb]
    )


_CLITIC_S = frozenset({"'s", "’s"})


def _has_read_as_is(t: Tree, verb: int) -> bool:
    """ "He's also instructed his secretary to ...": the parser reads the clitic as "is"
    (a passive), but a participle that keeps its direct object after it is a perfect
    ("has instructed")."""
    kids, dep = t.children[verb], t.dep
    clitic = [c for c in kids if dep[c] == "auxpass" and t.lower[c] in _CLITIC_S]
    others = [c for c in kids if dep[c] == "auxpass" and t.lower[c] not in _CLITIC_S]
    return bool(clitic) and not others and any(dep[c] == "dobj" for c in kids)


def stative_participle(t: Tree, verb: int, words: WordLists) -> bool:
    """ "Israel is opposed to French mediation": a participle of ``words.stative_participles``
    with a "to" phrase and no "by" agent says where its subject stands; the subject is
    the one who opposes."""
    if t.lemma[verb].lower() not in words.stative_participles:
        return False
    kids, dep, lower = t.children[verb], t.dep, t.lower
    return any(dep[c] == "prep" and lower[c] == "to" for c in kids) and not any(
        dep[c] == "agent" for c in kids
    )


HEADLINE_BLOCKERS = frozenset({"dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "dative"})


def headline_passive(t: Tree, verb: int, words: WordLists) -> bool:
    """ "Opposition leader detained in Minsk": a verb in -ed whose active use always has
    an object (``words.object_verbs``), with a subject but no object and no auxiliary, is
    a headline's passive: its subject is whom it befell. So is such a participle on a
    noun with no verb above it ("Kurdish mayor detained by Turkish police")."""
    if t.lemma[verb].lower() not in words.object_verbs or t.tag[verb] not in {"VBD", "VBN"}:
        return False
    labels = [t.dep[c] for c in t.children[verb]]
    if HEADLINE_BLOCKERS.intersection(labels) or shared_objects(t, verb):
        return False  # "Gunmen killed and wounded dozens": the object is shared
    if t.dep[verb] == "acl":
        noun = t.head[verb]
        return t.dep[noun] == "ROOT" and t.pos[noun] in {"NOUN", "PROPN"}
    return t.dep[verb] in {"ROOT", "conj", "ccomp"} and "nsubj" in labels


def children(t: Tree, token: int, *deps: str) -> list[int]:
    dep = t.dep
    return [c for c in t.children[token] if dep[c] in deps]


def with_conjuncts(t: Tree, tokens: Iterable[int]) -> list[int]:
    """Each token and the tokens conjoined with it ("Serbia and Kosovo")."""
    out: list[int] = []
    pos, conjuncts = t.pos, t.conjuncts
    for token in tokens:
        if token not in out and pos[token] in ARGUMENT_POS:
            out.append(token)
        for x in conjuncts(token):
            if x not in out and pos[x] in ARGUMENT_POS:
                out.append(x)
    return out


def agent_of(t: Tree, verb: int) -> list[int]:
    """The "by" phrase of a passive verb ("attacked by rebels" -> rebels)."""
    return [p for a in children(t, verb, "agent") for p in children(t, a, "pobj")]


def counted(t: Tree, head: int, words: WordLists) -> int:
    """What a number or partitive head counts: "thousands of protesters" -> protesters,
    "a number of positions" -> positions; else ``head`` itself."""
    of = prep_objects(t, head, "of")
    if of and (t.pos[head] == "NUM" or t.lemma[head].lower() in words.partitive_nouns):
        return of[0]
    return head


def _charge_gerund(t: Tree, preposition: int, words: WordLists) -> bool:
    """The preposition's gerund names a charge or what something is of, not an act done:
    "arrested for collaborating", "the crime of attacking", "charged with aiding"."""
    word = t.lower[preposition]
    verdict = t.head[preposition]
    if word == "of" and t.lemma[verdict].lower() in words.verdict_words:
        # "guilty of violating the ceasefire", "convicted of killing": done; "not guilty
        # of killing" is not
        return any(t.dep[c] == "neg" for c in t.children[verdict])
    if word in words.gerund_prepositions:
        return True
    if word in words.topic_prepositions and t.pos[t.head[preposition]] in NOUN_POS:
        return True  # "pronouncements on accepting imports": the noun's topic
    return word == "with" and t.lemma[t.head[preposition]].lower() in words.charge_verbs


def subjects_of(t: Tree, verb: int, words: WordLists) -> list[int]:
    """The grammatical subject, looked up through control and coordination.

    "Serbia agreed to stop" gives "stop" the subject Serbia; "urged both sides to
    embark" gives "embark" the object "both sides"; "X met Y and signed" shares X.
    """
    dep, head, pos = t.dep, t.head, t.pos
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        own = t.kids(current, SUBJECT_DEPS)
        if own:  # "thousands of protesters marched": the protesters did
            return [counted(t, antecedent(t, s, words), words) for s in own if dep[s] != "csubj"]
        if dep[current] == "relcl" and pos[head[current]] in {"NOUN", "PROPN"}:
            return [head[current]]
        if dep[current] == "xcomp":
            objects = children(t, head[current], "dobj")
            if objects and t.lemma[head[current]] not in words.subject_control_verbs:
                return objects
            current = head[current]
            continue
        if dep[current] in {"conj", "advcl", "pcomp", "acomp"} or (
            dep[current] == "acl" and t.tag[current] == "VBG"
        ):
            if (
                dep[current] == "acl"
                and dep[head[current]] == "dobj"
                and t.lemma[head[current]] in words.message_nouns
            ):
                current = head[current]  # "X issued a statement calling on Y": X calls
            current = head[current]
            continue
        if (
            dep[current] == "prep"
            and pos[head[current]] in VERB_POS
            and t.lower[current] in words.adjunct_gerund_prepositions
        ):
            # "By recalling its ambassador, Slovenia made ...": a gerund after a
            # preposition of the clause is done by the clause's subject
            current = head[current]
            continue
        if (
            dep[current] == "prep"
            and t.lower[current] == "of"
            and t.lemma[head[current]].lower() in words.verdict_words
        ):
            current = head[current]  # "X are guilty of violating": X violated
            if dep[current] == "oprd":
                current = head[current]  # "X was found guilty of killing"
            continue
        return []
    return []


RELATIVE_PRONOUN_TAGS = frozenset({"WDT", "WP"})  # who, whom, which, that
RELATIVE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})


def antecedent(t: Tree, token: int, words: WordLists) -> int:
    """What the relative pronoun of a clause that reports an act stands for ("the
    rebels who attacked" -> rebels); any other word is itself."""
    clause: int = t.head[token]
    if t.tag[token] in RELATIVE_PRONOUN_TAGS and reported_relative(t, clause, words):
        noun: int = t.head[clause]
        return noun
    return token


def objects_of(t: Tree, verb: int, words: WordLists) -> list[int]:
    """Direct objects; for a passive verb, its grammatical subject."""
    if is_passive(t, verb, words):
        found = (
            children(t, verb, "nsubjpass")
            # a headline's passive, or a passive whose auxiliary is gapped: "11 people were
            # killed and 9 wounded" (the 9 were wounded, not the 11)
            or children(t, verb, "nsubj")
            or (_passive_subjects(t, t.head[verb], words) if t.dep[verb] == "conj" else [])
            # "Mayor detained by police", "diplomats being expelled from the US": the noun
            # a passive participle describes is what was done
            or ([t.head[verb]] if t.dep[verb] == "acl" else [])
            or _adjunct_patients(t, verb, words)
        )
        return [antecedent(t, o, words) for o in found]
    found = [antecedent(t, o, words) for o in children(t, verb, "dobj", "attr")]
    if not found:
        # "started harassing X": the object of an xcomp gerund chain is not ours
        found = [x for x in children(t, verb, "ccomp") if t.pos[x] == "NOUN"]
    if not found:
        # "declared a state of siege to begin at midnight", "found the official guilty":
        # the parser makes the object the subject of the infinitive or adjective after it
        found = [
            s
            for x in children(t, verb, "ccomp")
            if t.pos[x] == "ADJ" or to_infinitive(t, x)  # "found the official guilty"
            for s in children(t, x, "nsubj")
            if t.pos[s] in NOUN_POS
        ]
    if not found:
        found = _shifted_objects(t, verb)
    if not found:
        found = [antecedent(t, o, words) for o in shared_objects(t, verb)]
    return found


def _adjunct_patients(t: Tree, verb: int, words: WordLists) -> list[int]:
    """Whom a passive clause of time or manner with no subject of its own befell: the
    subject of the clause it modifies ("was detained after being beaten by police", "were
    captured before being shot": the one detained was beaten; subject control into an
    adjunct clause)."""
    head = t.head[verb]
    if t.dep[verb] == "pcomp" and t.dep[head] == "prep":
        governor = t.head[head]
    elif t.dep[verb] == "advcl":
        governor = head
    else:
        return []
    if t.pos[governor] not in VERB_POS:
        return []
    return subjects_of(t, governor, words)


def _passive_subjects(t: Tree, verb: int, words: WordLists) -> list[int]:
    """Whom the passive ``verb`` befell, shared with a participle joined to it: "11
    people were killed and 9 wounded"; a headline's "leader detained and beaten"."""
    return children(t, verb, "nsubjpass") or (
        children(t, verb, "nsubj") if headline_passive(t, verb, words) else []
    )


def shared_objects(t: Tree, verb: int) -> list[int]:
    """The objects of the next verb joined to ``verb`` by "and" or "or", when ``verb``
    has no object or complement of its own and that verb no subject of its own: "killed
    and wounded dozens of people", "arrested and charged two men" (right node raising:
    the object follows the last of the coordinated verbs and belongs to each)."""
    kids, dep = t.children, t.dep
    if any(dep[c] in SHARED_OBJECT_BLOCKERS for c in kids[verb]):
        return []  # a use of its own ("fought with rebels and killed two soldiers")
    if not any(dep[c] == "cc" and t.lower[c] in {"and", "or"} for c in kids[verb]):
        return []
    for c in kids[verb]:
        if dep[c] == "conj" and t.pos[c] == "VERB" and c > verb:
            if any(dep[x] in SUBJECT_DEPS for x in kids[c]):
                return []  # "three were killed and 20 wounded"
            return children(t, c, "dobj")
    return []


# what gives a verb a use of its own, without the object of the verb joined to it
SHARED_OBJECT_BLOCKERS = frozenset(
    {"dobj", "attr", "prep", "dative", "ccomp", "xcomp", "prt", "agent", "auxpass", "nsubjpass"}
)


def _shifted_objects(t: Tree, verb: int) -> list[int]:
    """Heavy-NP shift: "denounced as an ugly crime Serbia's suppression of the unrest".
    The long object follows the short "as" phrase, and the parser hangs it on that
    phrase as an apposition; one set off by a comma is a real apposition."""
    found = []
    for a in (a for p in prep_objects(t, verb, "as") for a in children(t, p, "appos")):
        first = min(t.subtree(a))
        if first > 0 and t.lower[first - 1] not in {",", "(", "-", "--"}:
            found.append(a)
    return found


PREPOSITION_DEPS = frozenset({"prep", "agent", "dative"})
PREP_OBJECT_DEPS = frozenset({"pobj", "pcomp"})


def prep_objects(t: Tree, token: int, word: str) -> list[int]:
    """Objects of the preposition ``word`` attached to ``token`` ("on Iran")."""
    found: list[int] = []
    dep, lower, kids = t.dep, t.lower, t.children
    for prep in kids[token]:
        if dep[prep] in PREPOSITION_DEPS and lower[prep] == word:
            found.extend([c for c in kids[prep] if dep[c] in PREP_OBJECT_DEPS])
    return found


OCCURRENCE_PHRASE_DEPS = frozenset({"prt", "dobj", "advmod"})


def occurrence_verb(t: Tree, noun: int, words: WordLists) -> tuple[int, int] | None:
    """For an event noun that is the subject of a verb of occurrence ("clashes broke out",
    "the protest took place"; ``words.occurrence_verbs``), that verb and the last token
    of its phrase ("place", "out"); else None."""
    verb = t.head[noun]
    if t.dep[noun] != "nsubj" or verb == noun or t.pos[verb] not in {"VERB", "AUX"}:
        return None
    lemma = t.lemma[verb].lower()
    later = {
        t.lemma[c].lower(): c
        for c in t.children[verb]
        if c > verb and t.dep[c] in OCCURRENCE_PHRASE_DEPS
    }
    ends = [
        max([verb, *(later[w] for w in rest)])
        for first, *rest in (phrase.split() for phrase in words.occurrence_verbs)
        if first == lemma and all(w in later for w in rest)
    ]
    return (verb, max(ends)) if ends else None  # the longest phrase: "flare up", not "flare"


FOR_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp"})


def for_clause(t: Tree, verb: int) -> int | None:
    """The infinitive of a "for ... to" clause on ``verb`` ("called for Israel to halt
    construction": "halt"), or None."""
    dep, kids, lower = t.dep, t.children, t.lower
    for clause in kids[verb]:
        if dep[clause] not in FOR_CLAUSE_DEPS or clause < verb:
            continue
        marks = [lower[c] for c in kids[clause] if dep[c] == "mark"]
        if "for" in marks and to_infinitive(t, clause):
            return clause
    return None


def dative_of(t: Tree, verb: int) -> list[int]:
    dep, pos = t.dep, t.pos
    return [c for c in t.children[verb] if dep[c] == "dative" and pos[c] != "ADP"]


def is_negated(t: Tree, token: int, words: WordLists) -> str | None:
    """The reason ``token`` is negated ("not", "neither ... nor", "failed to"), or None."""
    dep, kids = t.dep, t.children
    for child in kids[token]:
        if dep[child] == "neg" or (dep[child] == "advmod" and t.lower[child] in words.negators):
            return f"negated by '{t.text(child)}'"
        if dep[child] == "preconj" and t.lower[child] == "neither":
            return "negated by 'neither'"
        if dep[child] == "prep" and (reason := _negative_adverbial(t, child, words)):
            return reason
        if dep[child] == "aux":  # "At no time did they ...": hung on the inverted auxiliary
            for prep in kids[child]:
                if dep[prep] == "prep" and (reason := _negative_adverbial(t, prep, words)):
                    return reason
        if dep[child] == "advmod":  # "did not even try": the parser hangs "not" on "even"
            for grandchild in kids[child]:
                if dep[grandchild] == "neg":
                    return f"negated by '{t.text(grandchild)}'"
    if dep[token] == "pcomp" and t.lower[t.head[token]] in words.negating_prepositions:
        return f"negated by '{t.text(t.head[token])}'"  # "without consulting Russia"
    if dep[token] == "conj":
        head = t.head[token]
        if any(dep[c] == "cc" and t.lower[c] == "nor" for c in kids[head]):
            return "negated by 'nor'"
        contrast = any(
            dep[c] == "cc" and t.lower[c] in words.contrast_conjunctions for c in kids[head]
        )  # "could not comment but noted": the second verb is not denied
        if (
            not contrast
            and not children(t, token, *SUBJECT_DEPS, "aux")
            and (reason := is_negated(t, head, words))
        ):
            return reason
    if dep[token] == "xcomp" and (
        t.lemma[t.head[token]] in words.failure_verbs
        or t.lower[t.head[token]] in words.inability_words  # "were unable to arrest him"
    ):
        return f"negated by '{t.text(t.head[token])}'"
    if dep[token] == "xcomp" and (reason := _negated_governor(t, t.head[token], words)):
        return reason
    if (
        dep[token] == "ccomp"
        and to_infinitive(t, token)
        and (reason := _negated_governor(t, t.head[token], words))
    ):
        return reason  # "refused to allow the planes to land": an infinitive with its subject
    if _ruled_out(t, token):
        return "ruled out"
    for obj in children(t, token, "dobj", "nsubjpass"):
        if any(dep[c] == "det" and t.lower[c] == "no" for c in kids[obj]):
            return f"negated by 'no {t.text(obj)}'"
    for subject in children(t, token, "nsubj"):
        if any(
            dep[c] in {"det", "preconj"} and t.lower[c] in {"no", "neither"} for c in kids[subject]
        ):
            return f"negated by its subject '{t.text(subject)}'"
    for argument in children(t, token, "nsubj", "nsubjpass", "dobj"):
        if t.lower[argument] in words.negative_quantifiers:
            return f"negated by '{t.text(argument)}'"  # "signed nothing", "neither of them signed"
    return None


def _negative_adverbial(t: Tree, prep: int, words: WordLists) -> str | None:
    """ "At no time did they provide help", "under no circumstances will it attack": a
    phrase of "no" and a noun of time, manner or condition
    (``words.negative_adverbial_nouns``) negates its verb."""
    for pobj in t.children[prep]:
        if (
            t.dep[pobj] == "pobj"
            and (
                t.lemma[pobj].lower() in words.negative_adverbial_nouns
                or t.lower[pobj] in words.negative_adverbial_nouns  # "means" (lemma "mean")
            )
            and any(t.lower[c] in words.negative_determiners for c in t.children[pobj])
        ):
            return f"negated by '{t.text(prep)} no {t.text(pobj)}'"
    return None


def negated_noun(t: Tree, noun: int, words: WordLists) -> str | None:
    """ "there has been no request by Washington": an event noun whose determiner is a
    negative one (``words.negative_determiners``) did not happen."""
    for child in t.children[noun]:
        if t.dep[child] == "det" and t.lower[child] in words.negative_determiners:
            return f"negated by '{t.text(child)} {t.text(noun)}'"
    return None


def object_modality(t: Tree, verb: int, noun: int, words: WordLists) -> str | None:
    """What the verb makes of the event noun that is its object, as it would of an
    infinitive in the same place: "planned an attack" is an intent ("planned to attack"),
    "wants sanctions" a request, "is considering sanctions" under deliberation, "were
    denied asylum" denied. A noun the text presents as known ("planned the attack",
    "discussed Serbia's offer") is an act referred to, not one proposed: None."""
    for child in t.children[noun]:
        if t.dep[child] == "poss" or (
            t.dep[child] == "det" and t.lower[child] in words.known_determiners
        ):
            return None
    lemma = t.lemma[verb].lower()
    if lemma in words.object_request_verbs:
        return "requested"
    if lemma in words.denial_verbs:
        return "denied"  # "have been denied asylum", "denied any attack"
    if lemma in words.object_intent_verbs:
        return "future"
    if lemma in words.object_deliberation_verbs:
        return "deliberation"
    return None


def _negated_governor(t: Tree, head: int, words: WordLists) -> str | None:
    """The reason the verb or adjective an infinitive depends on is negated ("did not try
    to", "were not able to", "never managed to"), unless its negation asserts the
    infinitive ("did not hesitate to")."""
    if t.lemma[head].lower() in words.double_negative_verbs:
        return None
    reason = is_negated(t, head, words)
    if reason is None and t.dep[head] == "acomp":  # "were not able to": "not" is the copula's
        reason = is_negated(t, t.head[head], words)
    return reason


def natural_cause(t: Tree, verb: int, words: WordLists) -> str | None:
    """The natural force, disease or accident that does what ``verb`` says ("Hurricane
    Betsy destroyed the church", "killed by floods", "were killed in the earthquake"),
    or None: such a cause is no actor, so the act is no event."""
    if is_passive(t, verb, words):
        heads = agent_of(t, verb) + [
            p for word in words.cause_prepositions for p in prep_objects(t, verb, word)
        ]
    else:
        heads = subjects_of(t, verb, words)
    for head in heads:
        # a gerund names its verb's act: "in firing" is gunfire, "in flooding" is listed
        lemma = t.lower[head] if t.tag[head] == "VBG" else t.lemma[head].lower()
        if lemma in words.natural_forces or t.lower[head] in words.natural_forces:
            return t.text(head)
        for prefix in t.children[head]:  # "Hurricane Betsy"
            if t.dep[prefix] == "compound" and t.lower[prefix] in words.storm_name_prefixes:
                return t.text(prefix)
    return None


def is_failed(t: Tree, token: int, words: WordLists) -> bool:
    """ "failed to reach a deal", "refused to agree": the act was tried or asked and not
    done, which PLOVER codes as a rejection. So is an act ruled out ("lifting the
    sanctions is out of the question", "ruled out talks")."""
    if _ruled_out(t, token):
        return True
    head = t.head[token]
    return (
        t.dep[token] == "xcomp"
        and t.lemma[head].lower() in words.failure_verbs
        and not is_negated(t, head, words)
    )


def _ruled_out(t: Tree, token: int) -> bool:
    """ "lifting the ban is out of the question", "ruled out lifting the ban"."""
    head = t.head[token]
    dep, kids, lower = t.dep, t.children, t.lower
    if dep[token] == "csubj":
        return any(
            lower[c] == "out"
            and any(
                lower[o] == "of" and any(lower[q] == "question" for q in kids[o]) for o in kids[c]
            )
            for c in kids[head]
        )
    if dep[token] in {"dobj", "xcomp", "pcomp"} and t.lemma[head].lower() == "rule":
        return any(dep[c] == "prt" and lower[c] == "out" for c in kids[head])
    return False


def reported_relative(t: Tree, clause: int, words: WordLists) -> bool:
    """A relative clause that tells of an act that happened: its relative pronoun is
    the verb's subject or object ("the rebels, who attacked the base", "an attack that
    killed 17 people", "Tolu, who was arrested last year") and the verb is in the simple
    past or the perfect. A relative clause in the present or with a modal describes
    ("a group which controls the city"), and one without a pronoun may be a noun's
    content misread ("charges that it tortured a priest")."""
    if t.dep[clause] != "relcl":
        return False
    kids, dep, tag = t.children[clause], t.dep, t.tag
    if not any(tag[c] in RELATIVE_PRONOUN_TAGS and dep[c] in RELATIVE_ROLES for c in kids):
        return False
    if tag[clause] == "VBD":
        return True
    if tag[clause] != "VBN":
        return False
    auxiliaries = [t.lower[c] for c in kids if dep[c] in {"aux", "auxpass"}]
    if not auxiliaries:  # "which the government blamed on Russia", tagged as a participle
        return any(dep[c] == "nsubj" for c in kids)
    return any(a in words.past_auxiliaries for a in auxiliaries)


# Modalities under which a verb's act was not (yet) done; an infinitive or gerund chain
# under such a verb shares it.
UNREALISED = frozenset(
    {"requested", "threat", "content", "purpose", "deliberation", "future", "hypothetical",
     "conditional", "denied", "implied", "obliged", "generic"}
)  # fmt: skip


def _perfect(t: Tree, token: int) -> bool:
    return any(t.dep[c] == "aux" and t.lemma[c].lower() == "have" for c in t.children[token])


# a clause as the subject of a verb ("Imposing tariffs is a dead end")
CLAUSAL_SUBJECTS = frozenset({"csubj", "csubjpass"})


def modality_of(t: Tree, token: int, words: WordLists) -> str | None:
    """ "future" ("will meet", "agreed to meet"), "hypothetical" ("could"), "obliged" ("should
    release them"), "threat" or None."""
    dep, kids, lower, head = t.dep, t.children, t.lower, t.head[token]
    infinitive = False  # an auxiliary "to"
    marks: list[str] = []  # the words of the "mark" children ("if", "after")
    for child in kids[token]:  # one pass reads the auxiliaries and the marks
        label = dep[child]
        if label == "mark":
            marks.append(lower[child])
        if label != "aux":
            continue
        word = lower[child]
        if (
            word in words.obligation_aux
            and dep[token] == "ccomp"
            and t.lemma[head].lower() in words.speech_verbs
        ):
            return "requested"  # "China must drop barriers, Washington declared"
        if word in words.obligation_aux:
            return "obliged"  # "Azerbaijan should release them": owed, not done
        if word in words.future_aux:
            return "future"
        if word in words.hypothetical_aux and not _perfect(t, token):
            return "hypothetical"  # "may have launched": a past act told with doubt, reported
        infinitive = infinitive or word == "to"
    if dep[token] == "acl" and infinitive:
        return "content"  # "a proposal to normalise relations": what is proposed, not done
    if dep[token] == "acl" and t.tag[token] == "VBG" and t.lemma[head] not in words.message_nouns:
        return "description"  # "the coalition fighting the rebels declared a truce"
    if dep[token] == "advcl" and infinitive and not t.kids(token, SUBJECT_DEPS):
        if t.lemma[head].lower() in words.means_verbs:
            # "dispatched envoys to mediate": done by those means, as far as the means are
            # ("should use the money to support people" supports no one yet)
            return modality_of(t, head, words)
        return "purpose"  # "students blocked roads to press their demands"
    if marks and not words.condition_markers.isdisjoint(marks):
        return "conditional"  # "unless Baghdad accepted its conditions"
    if dep[token] in CLAUSE_OF_NOUN and t.lemma[head].lower() in words.condition_heads:
        return "conditional"  # "on condition that Serbia withdraws its troops"
    if dep[token] == "relcl":
        # "the rebels, who attacked the base": a past act, told as background ("recalled");
        # "a group which controls the city": describes, not reports
        return "recalled" if reported_relative(t, token, words) else "relative"
    if marks and dep[token] == "advcl" and not words.background_markers.isdisjoint(marks):
        return "background"  # "after crowds trashed its embassy": coded, as an earlier event
    if dep[token] == "pcomp" and t.tag[token] == "VBG" and _charge_gerund(t, head, words):
        return "description"  # "arrested for collaborating with rebels": the charge, not an act
    if dep[token] == "xcomp":
        head_lemma = t.lemma[head]
        if head_lemma in words.threat_verbs:
            return "threat"
        if head_lemma in words.implication_verbs:
            return "implied"  # "we need to have cooperation", "risks losing its aid"
        if head_lemma in words.request_verbs and (
            head_lemma not in words.intent_verbs or children(t, head, "dobj", "dative")
        ):
            return "requested"
        if head_lemma in words.deliberation_verbs:
            return "deliberation"
        if head_lemma in words.intent_verbs or lower[head] in words.intent_verbs:
            # "if you wish to reach agreements": the intent itself may be undone; "are
            # poised to support" (the adjective's form: its lemma is the verb "poise")
            inherited = modality_of(t, head, words) if head != token else None
            return inherited if inherited in UNREALISED and inherited != "future" else "future"
    if (
        dep[token] == "ccomp"
        and infinitive
        and t.lemma[head] in words.request_verbs | words.intent_verbs
    ):
        return "requested"  # "wants Serbia to withdraw its troops": wanted of another
    if (
        infinitive
        and "for" in marks
        and dep[token] in FOR_CLAUSE_DEPS
        and t.lemma[head] in words.request_verbs | words.intent_verbs
    ):
        return "requested"  # "called for the prisoners to be released": asked for, not done
    if dep[token] == "ccomp" and t.lemma[head] in words.demand_verbs:
        return "requested"  # "demanded that Japan cancel the sale": asked for, not done
    if dep[token] == "ccomp" and t.lemma[head] in words.denial_verbs:
        return "denied"  # "denied that the army had shelled the town": not asserted
    if dep[token] == "ccomp" and t.lemma[head] in words.speech_verbs and is_negated(t, head, words):
        return "denied"  # "none of them said 'he raped me'", "did not say that X attacked"
    if (
        dep[token] in CLAUSE_OF_NOUN
        and dep[head] == "dobj"
        and t.lemma[t.head[head]] in words.denial_verbs
    ):
        return "denied"  # "denied charges that it tortured a priest": what is denied
    if (
        dep[token] in CLAUSAL_SUBJECTS
        and t.tag[token] == "VBG"
        and not any(dep[c] in SUBJECT_DEPS or dep[c] == "poss" for c in kids[token])
    ):
        return "generic"  # "Killing civilians is a war crime": an activity spoken of
    if dep[token] == "conj":
        return modality_of(t, head, words)
    if dep[token] == "xcomp" and lower[head] in words.ability_words and head != token:
        return _ability(t, head, words)
    if dep[token] == "xcomp" and head != token:
        # "called on the UN to continue to provide aid": what the chain's governor leaves
        # undone is undone ("admitted murdering them", in a relative clause, still happened)
        inherited = modality_of(t, head, words)
        return inherited if inherited in UNREALISED else None
    return None


def _ability(t: Tree, adjective: int, words: WordLists) -> str | None:
    """ "was able to arrest him" says he was arrested; "will be able to visit", "could
    be able to" only that it is possible: the infinitive after an adjective of ability
    is as done as the clause of its copula, a future or a doubt making it possible."""
    governor = t.head[adjective] if t.dep[adjective] == "acomp" else adjective
    inherited = modality_of(t, governor, words) if governor != adjective else None
    if inherited in ("future", "hypothetical"):
        return "hypothetical"
    return inherited if inherited in UNREALISED else None


def speaker_of(t: Tree, token: int, words: WordLists) -> list[int]:
    """The subject of the speech verb this clause is reported under, if any."""
    current = token
    for _ in range(4):
        if t.dep[current] not in {"ccomp", "conj", "xcomp", "advcl"} or t.head[current] == current:
            return []
        current = t.head[current]
        if t.lemma[current] in words.speech_verbs:
            return children(t, current, "nsubj")
    return []


def tree_distance(t: Tree, a: int, b: int) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    ancestors_a = {x: n for n, x in enumerate([a, *t.ancestors(a)])}
    for n, x in enumerate([b, *t.ancestors(b)]):
        if x in ancestors_a:
            return n + ancestors_a[x]
    return 10_000
