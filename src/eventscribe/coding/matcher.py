"""Event matching: lexicon entries against one sentence's dependency parse.

``EventMatcher.match(sent, actors)`` returns candidate events and touches nothing; the
coder turns kept candidates into :class:`~eventscribe.records.Event` records. Each
candidate carries the entry that fired and, when dropped, the reason, so ``explain``
can show why.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.attrs import LEMMA, POS
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from eventscribe.actors.tagger import ActorIndex
from eventscribe.coding import passes, recipients, syntax
from eventscribe.coding.lexicon import Lexicon, LexiconEntry
from eventscribe.records import Actor

# PLOVER: cooperative actions reported in the future are coded as AGREE, with the
# CAMEO "express intent to ..." code that matches the action.
# RETREAT and CONCEDE in the future are coded as AGREE too, with CAMEO 035 "express intent
# to yield": the PLOVER 2.0 manual leaves this open (a draft note says they may stay as
# they are), and both PLOVER and ConfliBERT gold records code them as intent (AGREE).
FUTURE_AS_AGREE = {
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "RETREAT": "035",
    "CONCEDE": "035",
}
# Material conflict announced for the future is a threat (CAMEO 13x), as the PLOVER gold
# records code "will withdraw its force unless ...", "would boycott", "will extend the
# curfew": type -> (THREATEN mode, CAMEO code).
FUTURE_AS_THREAT = {
    "PROTEST": ("relations", "133"),
    "SANCTION": ("relations", "131"),
    "MOBILIZE": ("violence", "138"),
    "COERCE": ("restrict", "132"),
    "ASSAULT": ("violence", "138"),
}
# Modalities under which the act itself did not happen, with the reason shown by explain.
NOT_HAPPENED = {
    "threat": "threatened, not done (the threat is coded instead)",
    "requested": "asked for, not done (the request is coded instead)",
    "content": "the content of a proposal or plan, not an event",
    "conditional": "only on a condition ('if', 'unless')",
    "purpose": "a purpose ('to press demands'), not an act",
    "deliberation": "under consideration, not decided",
    "description": "a participle describing an actor, not a reported act",
    "denied": "denied by the one who reports it, not asserted",
}


VERB_POS = frozenset({VERB, AUX})
NOUN_POS = frozenset({NOUN, PROPN})


@dataclass(frozen=True)
class Candidate:
    """A possible event in one sentence, before dates and ids are attached."""

    entry: LexiconEntry
    trigger: tuple[int, int]  # token range [start, end) of the trigger words
    anchor: int  # token index of the trigger's head word (for dates and explanations)
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    type: str
    mode: str | None
    cameo: str
    negated: str | None = None
    modality: str | None = None
    dropped: str | None = None
    notes: tuple[str, ...] = field(default=())


MOVED_FORCES = frozenset({"MOBILIZE"})  # types whose direct object is what the actor moves
NAME_ONLY = "name only"  # an actor named in the text whom no data places ("Ingabire was arrested")


class EventMatcher:
    """Finds candidate events in a sentence. One matcher serves many documents."""

    def __init__(self, lexicon: Lexicon, words: syntax.WordLists) -> None:
        self.lexicon = lexicon
        self.words = words
        self._verbs = lexicon.verb_lemmas
        self._nouns = lexicon.noun_lemmas
        self._positions: tuple[Doc, list[int], list[int]] | None = None

    def match(self, sent: Span, actors: ActorIndex) -> list[Candidate]:
        found: list[Candidate] = []
        consumed: set[int] = set()
        doc = sent.doc
        verbs, nouns = self._candidate_positions(doc)
        for i in verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]:
            candidate = self._verb_candidate(doc[i], actors)
            if candidate is not None:
                found.append(candidate)
                consumed.update(range(*candidate.trigger))
        triggers = {c.anchor for c in found}
        for i in nouns[bisect_left(nouns, sent.start) : bisect_left(nouns, sent.end)]:
            if i in consumed:
                continue
            token = doc[i]
            for word in _noun_forms(token):
                if word in self._nouns:
                    candidate = self._noun_candidate(token, word, actors, triggers)
                    if candidate is not None:
                        found.append(candidate)
                    break
        found = passes.share_conjoined_targets(passes.resolve_intents(found, sent), sent)
        return passes.fold_consequences(passes.share_purpose_targets(found, sent), sent)

    def _candidate_positions(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Positions of the doc's possible verb triggers (a verb whose lemma has an entry)
        and of its nouns, read from the doc's arrays once per document: building a
        Token for every word of every sentence was most of the matcher's time."""
        if self._positions is None or self._positions[0] is not doc:
            strings = doc.vocab.strings
            pos_ids, lemma_ids = doc.to_array([POS, LEMMA]).T.tolist() if len(doc) else ([], [])
            verbs = [
                i for i, (pos, lemma) in enumerate(zip(pos_ids, lemma_ids))
                if pos in VERB_POS and strings[lemma].lower() in self._verbs
            ]  # fmt: skip
            nouns = [i for i, pos in enumerate(pos_ids) if pos in NOUN_POS]
            self._positions = (doc, verbs, nouns)
        return self._positions[1], self._positions[2]

    # -- verbs ------------------------------------------------------------------

    def _verb_candidate(self, verb: Token, actors: ActorIndex) -> Candidate | None:
        negated = syntax.is_negated(verb, self.words)
        best: tuple[LexiconEntry, list[Token]] | None = None
        nearby: set[str] | None = None  # particle words, read once per verb when needed
        objects_words: list[tuple[Token, set[str], str]] | None = None  # likewise its objects
        for entry in self.lexicon.verb_entries(verb.lemma_.lower()):
            if entry.when == "negated" and not negated:
                continue
            if entry.when == "failed" and not syntax.is_failed(verb, self.words):
                continue
            if entry.tail:
                nearby = _particle_words(verb) if nearby is None else nearby
                if not all(word in nearby for word in entry.tail):
                    continue
            objects: list[Token] = []
            if entry.objects:
                objects_words = _object_words(verb) if objects_words is None else objects_words
                wanted = _wanted(entry.objects)
                objects = [obj for obj, words, phrase in objects_words if words & wanted or phrase in wanted]
                if not objects:
                    continue
            if best is None or entry.specificity > best[0].specificity:
                best = (entry, objects)
        if best is None:
            return None
        entry, objects = best
        span_end = max([verb.i, *(o.i for o in objects)]) + 1
        if verb.dep_ == "aux" and entry.lemma in syntax.OBLIGATION_AUX:
            # a modal entry ("Libya must hand over the suspects, the minister said"): the
            # speaker demands it of the clause's subject; without a speaker it is no event
            return self._obligation(verb, entry, actors)
        sources = self._sources(verb, entry, actors)
        targets = self._targets(verb, entry, actors, objects, sources)
        if not targets and entry.type == "THREATEN":
            targets = recipients.actors_of(self._condition_subjects(verb), actors)
        modality = syntax.modality_of(verb, self.words)
        return self._finish(
            entry,
            (verb.i, span_end if objects else verb.i + 1),
            verb.i,
            sources,
            targets,
            None if entry.when != "always" else negated,
            modality,
        )

    def _condition_subjects(self, verb: Token) -> list[Token]:
        """The one a threat's condition is put to: "threatened to launch an offensive
        unless Baghdad accepted its terms" threatens Baghdad."""
        found: list[Token] = []
        for token in [verb, *(t for t in verb.subtree if t.dep_ == "xcomp")]:
            for clause in token.children:
                if clause.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in self.words.condition_markers for c in clause.children
                ):
                    found += syntax.subjects_of(clause)
        return found

    def _obligation(self, modal: Token, entry: LexiconEntry, actors: ActorIndex) -> Candidate | None:
        clause = modal.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.words.speech_verbs:
            return None
        sources = recipients.actors_of(syntax.subjects_of(clause.head), actors)
        # "Turkey and Greece should work together, the Turkish minister said": a demand on
        # Greece; what a government says its own state should do is no request (rebels
        # saying their government must resign still make one)
        own = {a.country for a in sources if a.country and a.sector in {"GOV", "MIL", "LEG"}}
        targets = tuple(
            a for a in recipients.actors_of(syntax.subjects_of(clause), actors)
            if not (a.country in own and a.sector in {None, "GOV"})
        )  # fmt: skip
        if not sources or not targets:
            return None
        return self._finish(entry, (modal.i, modal.i + 1), modal.i, sources, targets, None, None)

    def _sources(self, verb: Token, entry: LexiconEntry, actors: ActorIndex) -> tuple[Actor, ...]:
        if entry.source == "speaker":
            heads = syntax.speaker_of(verb, self.words) or syntax.subjects_of(verb)
        elif syntax.is_passive(verb):
            # "were ambushed and killed by rebels": conjoined passives share the agent
            heads = syntax.agent_of(verb) or [
                a for c in verb.conjuncts if syntax.is_passive(c) for a in syntax.agent_of(c)
            ]
        else:
            heads = syntax.subjects_of(verb)
            if not heads and verb.dep_ == "csubj":
                # "lifting the ban is out of the question, officials said": who says so
                heads = syntax.speaker_of(verb.head, self.words)
        return recipients.actors_of(heads, actors)

    def _targets(
        self,
        verb: Token,
        entry: LexiconEntry,
        actors: ActorIndex,
        objects: list[Token],
        sources: tuple[Actor, ...] = (),
    ) -> tuple[Actor, ...]:
        direct = objects or syntax.objects_of(verb)
        # the words kept when no actor is found: the direct object (not a light verb's
        # own object, which is part of the trigger), else a slot's object; never the
        # actor's own forces or things ("withdraw its troops from Abyei" is aimed at Abyei)
        first_heads = [] if objects else [d for d in direct if d.pos_ in {"NOUN", "PROPN"} and not recipients.own(d)]
        for slot in entry.targets:
            if slot == "none":
                return ()
            if slot == "subj":
                heads = syntax.subjects_of(verb)
            elif slot == "dobj":
                heads = [o for o in syntax.objects_of(verb) if not recipients.own(o)]
            elif slot == "iobj":
                heads = syntax.dative_of(verb)
            elif slot == "poss_of_object":
                # "rejected Iraq's demand": the whole object phrase, whose country is the
                # possessor's, when the tagger resolved it; else the possessor itself
                whole = recipients.actors_of(direct, actors)
                if whole and all(a.country for a in whole):
                    return whole
                heads = [c for o in direct for c in o.children if c.dep_ in {"poss", "compound", "amod"}]
            elif slot.startswith("prep:"):
                word = slot.split(":", 1)[1]
                heads = syntax.prep_objects(verb, word) + [
                    p for o in direct for p in syntax.prep_objects(o, word)
                ]
                if not heads:
                    # "provided $3 million in funding to Lebanon": the phrase hangs lower
                    heads = [p for t in recipients.object_phrase_nouns(direct) for p in syntax.prep_objects(t, word)]
                if word in recipients.DEEP_PREPOSITIONS:
                    deep = recipients.clause_steps(verb, recipients.FALLBACK_DEPTH + 2)
                    heads += [t for t in deep if recipients.is_object_of(t, word) and t not in heads]
            else:
                heads = []
            found = recipients.actors_of(heads, actors) or recipients.owners_of(heads, actors, self.words.owned_nouns, sources)
            if found:
                return found
            if slot != "poss_of_object":
                # the light verb's own object ("provides $45m support") is the act, not its recipient
                first_heads = first_heads or [h for h in heads if h.pos_ in {"NOUN", "PROPN"} and h not in objects]
        skip: frozenset[int] = frozenset()
        if entry.type in MOVED_FORCES:
            # "sent 200 troops", "mobilised the army": the forces moved are not whom it is aimed at
            skip = frozenset(t.i for t in syntax.with_conjuncts(syntax.objects_of(verb)))
            first_heads = [h for h in first_heads if h.i not in skip]
        return (
            recipients.nearest_object_actor(verb, actors, self.words.owned_nouns, sources, tuple(objects), skip)
            or recipients.owners_of(first_heads, actors, self.words.owned_nouns, sources)
            or recipients.unresolved(first_heads)
        )

    # -- nouns ------------------------------------------------------------------

    def _noun_candidate(
        self, noun: Token, word: str, actors: ActorIndex, triggers: set[int]
    ) -> Candidate | None:
        entries = [e for e in self.lexicon.noun_entries(word) if _has_modifiers(noun, e.tail)]
        if not entries:
            return None
        entry = max(entries, key=lambda e: e.specificity)
        source_heads = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}]
        source_heads += syntax.prep_objects(noun, "by")
        sources = recipients.actors_of(source_heads, actors)
        if not sources and source_heads and noun.dep_ not in {"dobj", "pobj"}:
            # "Palestinian riots continued": the tagger read the noun phrase as the actor
            sources = actors.actors_at(noun)
        if (
            not sources
            and noun.dep_ == "dobj"
            and noun.head.i not in triggers
            and noun.head.lemma_.lower() not in self.words.opposing_verbs
        ):
            # "Ghani announced a ceasefire": the noun's actor is the announcing subject,
            # unless that verb is an event of its own ("Russia condemned the attack") or
            # works against the act ("imposed a curfew to stop demonstrations")
            sources = recipients.actors_of(syntax.subjects_of(noun.head), actors)
        targets: tuple[Actor, ...] = ()
        between = False
        for slot in entry.targets:
            if slot.startswith("prep:"):
                heads = syntax.prep_objects(noun, slot.split(":", 1)[1])
                targets = tuple(a for a in recipients.actors_of(heads, actors) if a not in sources)
                targets = targets or recipients.owners_of(heads, actors, self.words.owned_nouns, sources)
            if targets:
                between = slot == "prep:between"
                break
        if not targets and "none" not in entry.targets:
            targets = recipients.nearest_object_actor(noun, actors, self.words.owned_nouns, sources)
        if not sources and len(targets) >= 2 and between:
            sources, targets = targets, ()  # "talks between Serbia and Kosovo"
        candidate = self._finish(entry, (noun.i, noun.i + 1), noun.i, sources, targets, None, None)
        if candidate.dropped is None and noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.i in triggers:
            # "US drone attacks killed eight leaders": one event, coded at the verb
            return replace(candidate, dropped=f"subject of the event verb '{noun.head.text}'")
        if not sources and candidate.dropped is None:
            return replace(candidate, dropped="event noun without an actor of its own")
        return candidate

    # -- shared -----------------------------------------------------------------

    def _finish(
        self,
        entry: LexiconEntry,
        trigger: tuple[int, int],
        anchor: int,
        sources: tuple[Actor, ...],
        targets: tuple[Actor, ...],
        negated: str | None,
        modality: str | None,
    ) -> Candidate:
        type_, mode, cameo, notes = entry.type, entry.mode, entry.cameo, []
        if modality == "future" and type_ in FUTURE_AS_AGREE:
            notes.append(f"future {type_} coded as AGREE (PLOVER rule)")
            type_, mode, cameo = "AGREE", None, FUTURE_AS_AGREE[entry.type]
        elif modality == "future" and type_ in FUTURE_AS_THREAT:
            notes.append(f"future {type_} coded as THREATEN")
            type_ = "THREATEN"
            mode, cameo = FUTURE_AS_THREAT[entry.type]
        dropped = None
        if negated:
            dropped = negated
        elif modality in NOT_HAPPENED:
            dropped = NOT_HAPPENED[modality]
        elif not sources and not any(t.country or t.sector or t.evidence == NAME_ONLY for t in targets):
            dropped = "no actor found"
        return Candidate(
            entry=entry,
            trigger=trigger,
            anchor=anchor,
            sources=sources,
            targets=targets,
            type=type_,
            mode=mode,
            cameo=cameo,
            negated=negated,
            modality=modality,
            dropped=dropped,
            notes=tuple(notes),
        )


def _particle_words(verb: Token) -> set[str]:
    """Particle and preposition words after the verb, for phrasal verbs ("pull out of",
    "take into account")."""
    # particles follow the verb: "On Nov. 2 X called Y" is not "call on"
    nearby = {
        c.lower_
        for c in verb.children
        if c.dep_ in {"prt", "prep", "advmod", "dobj", "agent"} and c.i > verb.i and not _is_when(c)
    }
    nearby |= {
        g.lemma_.lower()
        for c in verb.children
        if c.dep_ in {"prep", "prt"}
        for g in c.children
        if g.dep_ == "pobj"
    }
    return nearby


def _is_when(prep: Token) -> bool:
    """"on Monday", "in December": a time phrase, not a phrasal verb's particle."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


@lru_cache(maxsize=4096)
def _wanted(objects: tuple[str, ...]) -> frozenset[str]:
    return frozenset(objects)


def _object_words(verb: Token) -> list[tuple[Token, set[str], str]]:
    """The verb's possible objects, each with the words a lexicon object list is matched
    against (lemma, form, "@money", "@any") and its modifier phrase ("hunger strike")."""
    direct = syntax.objects_of(verb)
    # a direct object the tagger took for a verb ("meet hostage-takers demands") still counts
    candidates = syntax.with_conjuncts(direct) + [o for o in direct if o.pos_ == "VERB"]
    if any(c.dep_ == "oprd" for c in verb.children):
        candidates = []  # "called the president a murderer": a naming, not an act on the object
    candidates += syntax.with_conjuncts([p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"])
    # "25,000 tons of food aid": the measure's "of" object is the real object
    candidates += [p for o in list(candidates) for p in syntax.prep_objects(o, "of")]
    found = []
    for obj in candidates:
        words = {obj.lemma_.lower(), obj.lower_}
        if obj.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in obj.children):
            words.add("@money")  # lexicon object word for a sum of money ("gave $2 million")
        if obj.dep_ == "dobj":
            words.add("@any")  # lexicon object word for any direct object
        if obj.pos_ == "PROPN" and obj.dep_ == "dobj":
            # a name with its title ("called President Milei"): the title counts as the object word
            words.update(t.lemma_.lower() for t in obj.lefts if t.dep_ == "compound" and t.pos_ in {"NOUN", "PROPN"})
        phrase = " ".join(t.lower_ for t in obj.lefts if t.dep_ in {"amod", "compound"}) + " " + obj.lower_
        found.append((obj, words, phrase.strip()))
    return found


def _noun_forms(token: Token) -> list[str]:
    """Lemma and surface form, and the hyphenated compound it ends ("cease-fire"),
    also written solid ("ceasefire"); longest forms first."""
    forms = [token.lemma_.lower(), token.lower_]
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        forms += [f"{doc[token.i - 2].lower_}{token.lower_}", f"{doc[token.i - 2].lower_}-{token.lower_}"]
    return forms[::-1]


def _has_modifiers(noun: Token, tail: tuple[str, ...]) -> bool:
    lefts = {t.lower_ for t in noun.lefts}
    return all(word in lefts for word in tail)
