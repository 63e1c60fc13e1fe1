"""Reading the dependency parse: arguments, negation and modality of a trigger.

Pure functions of spaCy tokens; they encode English syntax, not event knowledge. The
word lists they need (negators, modal verbs, control verbs) are passed in from the
coder's settings file so they can be read and changed as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Nouns of messages whose participle says what they do ("a statement calling on Kabul to
# ...", "a letter urging ..."): the message's sender acts.
MESSAGE_NOUNS = frozenset(
    {"statement", "letter", "resolution", "message", "communique", "declaration", "report", "motion", "petition"}
)
# Modals that, in a reported clause, put an obligation on its subject.
OBLIGATION_AUX = frozenset({"must", "should"})


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
    owned_nouns: frozenset[str]


def is_passive(verb: Token) -> bool:
    """A passive verb, or a participle conjoined with one ("was tortured and killed")."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.head.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Each token and the tokens conjoined with it ("Serbia and Kosovo")."""
    out: list[Token] = []
    for token in tokens:
        for t in (token, *token.conjuncts):
            if t not in out and t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "X"}:
                out.append(t)
    return out


def agent_of(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb ("attacked by rebels" -> rebels)."""
    return [p for a in children(verb, "agent") for p in children(a, "pobj")]


def subjects_of(verb: Token) -> list[Token]:
    """The grammatical subject, looked up through control and coordination.

    "Serbia agreed to stop" gives "stop" the subject Serbia; "urged both sides to
    embark" gives "embark" the object "both sides"; "X met Y and signed" shares X.
    """
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        own = children(current, *SUBJECT_DEPS)
        if own:
            return [s for s in own if s.dep_ != "csubj"]
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}:
            return [current.head]
        if current.dep_ == "xcomp":
            objects = children(current.head, "dobj")
            if objects and current.head.lemma_ not in {"promise"}:
                return objects
            current = current.head
            continue
        if current.dep_ in {"conj", "advcl", "pcomp", "acomp"} or (current.dep_ == "acl" and current.tag_ == "VBG"):
            if current.dep_ == "acl" and current.head.dep_ == "dobj" and current.head.lemma_ in MESSAGE_NOUNS:
                current = current.head  # "X issued a statement calling on Y": X calls
            current = current.head
            continue
        return []
    return []


def objects_of(verb: Token) -> list[Token]:
    """Direct objects; for a passive verb, its grammatical subject."""
    if is_passive(verb):
        return children(verb, "nsubjpass") or (children(verb.head, "nsubjpass") if verb.dep_ == "conj" else [])
    found = children(verb, "dobj", "attr")
    if not found:
        # "started harassing X": the object of an xcomp gerund chain is not ours
        found = [o for x in children(verb, "ccomp") if x.pos_ == "NOUN" for o in [x]]
    return found


def prep_objects(token: Token, word: str) -> list[Token]:
    """Objects of the preposition ``word`` attached to ``token`` ("on Iran")."""
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ == word:
            found.extend(children(prep, "pobj", "pcomp"))
    return found


def dative_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]


def is_negated(token: Token, words: WordLists) -> str | None:
    """The reason ``token`` is negated ("not", "neither ... nor", "failed to"), or None."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in words.negators):
            return f"negated by '{child.text}'"
        if child.dep_ == "preconj" and child.lower_ == "neither":
            return "negated by 'neither'"
    if token.dep_ == "conj":
        head = token.head
        if any(c.dep_ == "cc" and c.lower_ == "nor" for c in head.children):
            return "negated by 'nor'"
        if not children(token, *SUBJECT_DEPS, "aux") and (reason := is_negated(head, words)):
            return reason
    if token.dep_ == "xcomp" and token.head.lemma_ in words.failure_verbs:
        return f"negated by '{token.head.text}'"
    if _ruled_out(token):
        return "ruled out"
    for obj in children(token, "dobj", "nsubjpass"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            return f"negated by 'no {obj.text}'"
    for subject in children(token, "nsubj"):
        if any(c.dep_ in {"det", "preconj"} and c.lower_ in {"no", "neither"} for c in subject.children):
            return f"negated by its subject '{subject.text}'"
    return None


def is_failed(token: Token, words: WordLists) -> bool:
    """"failed to reach a deal", "refused to agree": the act was tried or asked and not
    done, which PLOVER codes as a rejection. So is an act ruled out ("lifting the
    sanctions is out of the question", "ruled out talks")."""
    if _ruled_out(token):
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in words.failure_verbs and not is_negated(token.head, words)


def _ruled_out(token: Token) -> bool:
    """"lifting the ban is out of the question", "ruled out lifting the ban"."""
    head = token.head
    if token.dep_ == "csubj":
        return any(
            c.lower_ == "out" and any(o.lower_ == "of" and any(q.lower_ == "question" for q in o.children) for o in c.children)
            for c in head.children
        )
    if token.dep_ in {"dobj", "xcomp", "pcomp"} and head.lemma_.lower() == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    return False


def modality_of(token: Token, words: WordLists) -> str | None:
    """"future" ("will meet", "agreed to meet"), "hypothetical" ("could"), "threat" or None."""
    for child in token.children:
        if (
            child.dep_ == "aux"
            and child.lower_ in OBLIGATION_AUX
            and token.dep_ == "ccomp"
            and token.head.lemma_.lower() in words.speech_verbs
        ):
            return "requested"  # "China must drop barriers, Washington declared"
        if child.dep_ == "aux" and child.lower_ in words.future_aux:
            return "future"
        if child.dep_ == "aux" and child.lower_ in words.hypothetical_aux:
            return "hypothetical"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ == "acl" and infinitive:
        return "content"  # "a proposal to normalise relations": what is proposed, not done
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.lemma_ not in MESSAGE_NOUNS:
        return "description"  # "the coalition fighting the rebels declared a truce"
    if token.dep_ == "advcl" and infinitive and not children(token, *SUBJECT_DEPS):
        return "purpose"  # "students blocked roads to press their demands"
    if any(c.dep_ == "mark" and c.lower_ in words.condition_markers for c in token.children):
        return "conditional"  # "unless Baghdad accepted its conditions"
    if token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words.background_markers for c in token.children
    ):
        return "background"  # "after crowds trashed its embassy": coded, as an earlier event
    if token.dep_ == "pcomp" and token.head.lower_ in {"for", "of"} and token.tag_ == "VBG":
        return "description"  # "arrested for collaborating with rebels": the charge, not an act
    if token.dep_ == "xcomp":
        head_lemma = token.head.lemma_
        if head_lemma in words.threat_verbs:
            return "threat"
        if head_lemma in words.request_verbs:
            return "requested"
        if head_lemma in words.deliberation_verbs:
            return "deliberation"
        if head_lemma in words.intent_verbs:
            return "future"
    if token.dep_ == "ccomp" and token.head.lemma_ in words.demand_verbs:
        return "requested"  # "demanded that Japan cancel the sale": asked for, not done
    if token.dep_ == "ccomp" and token.head.lemma_ in words.denial_verbs:
        return "denied"  # "denied that the army had shelled the town": not asserted
    if token.dep_ == "conj":
        return modality_of(token.head, words)
    return None


def speaker_of(token: Token, words: WordLists) -> list[Token]:
    """The subject of the speech verb this clause is reported under, if any."""
    current = token
    for _ in range(4):
        if current.dep_ not in {"ccomp", "conj", "xcomp", "advcl"} or current.head is current:
            return []
        current = current.head
        if current.lemma_ in words.speech_verbs:
            return children(current, "nsubj")
    return []


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    ancestors_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in ancestors_a:
            return n + ancestors_a[t.i]
    return 10_000
