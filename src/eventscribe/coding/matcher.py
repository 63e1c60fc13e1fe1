"""Event matching: lexicon entries against one sentence's dependency parse.

``EventMatcher.match(tree, start, end, actors)`` (a sentence's token range) returns candidate events and touches nothing; the
coder turns kept candidates into :class:`~eventscribe.records.Event` records. Each
candidate carries the entry that fired and, when dropped, the reason, so ``explain``
can show why.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import compress
from typing import NamedTuple

from eventscribe.actors.building import NAME_ONLY_EVIDENCE, UNRESOLVED_PEOPLE_EVIDENCE
from eventscribe.actors.phrases import PhraseIds
from eventscribe.actors.tagger import ActorIndex
from eventscribe.coding import forms, passes, recipients, syntax
from eventscribe.coding.lexicon import Lexicon, LexiconEntry
from eventscribe.coding.tree import Tree
from eventscribe.records import CAMEO_ONLY, Actor

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
    "background": "background to the sentence's own event ('after ...', 'when ...')",
    "relative": "a relative clause describing an actor or place, not the sentence's event",
    "implied": "what something would mean or need, not an act",
    "obliged": "what someone should or must do, not done",
    "generic": "an activity spoken of in general ('Killing civilians is a crime'), not an act",
}


# what a verb may not have done yet without its object's act being any less its own
OPEN_MODALITIES = frozenset({"future", "hypothetical"})


# Types of acts done in words: a "from" phrase of their noun names who says them
# ("condemnation from the EU", "a demand from Serbia").
VERBAL_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})

VERB_TAGS = syntax.VERB_POS
# (lemma, form) -> lexicon verb answers an EventMatcher keeps before starting afresh
VERB_FORMS_KEPT = 100_000
NOUN_TAGS = forms.NOUN_TAGS
POSSESSOR_DEPS = frozenset({"poss", "compound", "amod"})
SOURCE_MODIFIERS = POSSESSOR_DEPS


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
    # dropped as another word for the act of the candidate at this anchor ("shelled the
    # town, killing 20": the killing), which lists it among its mentions
    mention_of: int | None = None


MOVED_FORCES = frozenset({"MOBILIZE"})
# PLOVER quad class 4: acts of force a text may report with no one named
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
ANY_OBJECT = "@any"  # the lexicon's object word for any direct object
MATERIAL_COOPERATION = frozenset(
    {"AID", "RETREAT", "COOPERATE"}
)  # PLOVER quad class 2  # types whose direct object is what the actor moves


def _has_complement(t: Tree, obj: int, needs: tuple[str, ...]) -> bool:
    """The verb's object has one of ``needs``, its own or right after it ("condemned an
    attack by X", "welcomed memos from X")."""
    if forms.has_complement(t, obj, needs):
        return True
    after = forms.preposition_after(t, obj)
    return after is not None and t.lower[after] in needs


def _matched_words(
    objects_words: list[tuple[int, set[str], bool]],
    objects: list[int],
    wanted: frozenset[str] | None,
) -> int:
    """How many words the longest object phrase an entry matched has (0 with none)."""
    if not wanted:
        return 0
    return max(
        (
            len(w.split())
            for obj, words, _ in objects_words
            if obj in objects
            for w in words & wanted
        ),
        default=0,
    )


def _happened_unattributed(candidate: Candidate) -> bool:
    """An act of force the text says took place, with no one named ("The attack took
    place in the village", "clashes broke out near the border"): an event of unknown
    actors, as conflict event data records one. Not an act in words or of cooperation,
    which is nothing without who said or gave it, nor one that did not happen."""
    return (
        candidate.dropped == "no actor found"
        and candidate.type in MATERIAL_CONFLICT
        and candidate.modality is None
        and not candidate.negated
    )


class NegatedCode(NamedTuple):
    """What a negated act is coded as under PETRARCH's conventions (see
    :mod:`eventscribe.petrarch.negations`): its CAMEO code and PLOVER type and mode."""

    cameo: str
    type: str | None
    mode: str | None


class EventMatcher:
    """Finds candidate events in a sentence. One matcher serves many documents."""

    def __init__(
        self,
        lexicon: Lexicon,
        words: syntax.WordLists,
        *,
        conventions: str = "plover",
        negations: Mapping[str, NegatedCode] | None = None,
    ) -> None:
        self.words = words
        # verbs whose subject is not the actor of the event noun they take: they work
        # against it, watch, tell of or weigh it, or deny it
        self._not_doers = words.opposing_verbs | words.observer_verbs | words.denial_verbs
        # CAMEO code -> the code of its negation (PETRARCH: "did not clash over" 110 is
        # 050); empty under PLOVER's conventions, where a negated act is dropped
        self.negations: Mapping[str, NegatedCode] = negations or {}
        # PLOVER codes announced cooperation as AGREE and announced conflict as THREATEN,
        # and only what happened ("could provide support" is not done); CAMEO (and
        # PETRARCH) code the act with its own code whatever its tense or modal
        self.plover = conventions == "plover"
        # PETRARCH takes the first actor of the verb phrase as the target, a place too
        # ("arrived in Gondor"), however deep in the phrase ("welcomed a resumption of
        # ties with Osgiliath"); PLOVER's coder reads "in Kosovo" as where, not whom
        self.conventions = conventions
        if conventions != "cameo" and not all(e.type or e.null for e in lexicon.entries):
            # an entry with a CAMEO code alone (a public statement) codes nothing here,
            # and as the best match of its phrase keeps a broader entry from coding it
            # ("denied the charges" is CAMEO 016, not a rejection)
            lexicon = Lexicon(
                tuple(e if e.type or e.null else replace(e, null=True) for e in lexicon.entries),
                lexicon.fingerprint,
            )
        self.lexicon = lexicon
        self._reach = recipients.Reach.petrarch() if conventions == "cameo" else recipients.Reach()
        self._verbs = lexicon.verb_lemmas
        self._nouns = lexicon.noun_lemmas
        # per verb lemma, its entries with what the match asks of each (read once here,
        # not per verb of every sentence): (entry, when, tail, wanted objects), the most
        # specific first (a stable sort, so among equals the lexicon's order stays): the
        # first entry whose conditions hold is the one the match takes
        self._verb_table = {
            lemma: tuple(
                (e, e.when, e.tail, forms.wanted(e.objects) if e.objects else None)
                for e in sorted(lexicon.verb_entries(lemma), key=lambda e: -e.specificity)
            )
            for lemma in self._verbs
        }
        self._positions: tuple[Tree, list[int], list[str], list[int], list[str]] | None = None
        self._verb_forms: dict[tuple[str, str], str | None] = {}  # see _verb_lemma
        self._phrases: PhraseIds | None = None  # see _phrase_ids

    def match(self, t: Tree, start: int, end: int, actors: ActorIndex) -> list[Candidate]:
        """Candidates of the sentence of tokens ``start`` to ``end`` (exclusive)."""
        found: list[Candidate] = []
        consumed: set[int] = set()
        verbs, verb_lemmas, nouns, noun_words = self._candidate_positions(t)
        for k in range(bisect_left(verbs, start), bisect_left(verbs, end)):
            candidate = self._verb_candidate(t, verbs[k], verb_lemmas[k], actors)
            if candidate is not None:
                found.append(candidate)
                consumed.update(range(*candidate.trigger))
        found = _inside_other_triggers(found, t)
        first, last = bisect_left(nouns, start), bisect_left(nouns, end)
        if first == last and not found:
            return found
        triggers = {c.anchor for c in found}
        for k in range(first, last):
            i = nouns[k]
            if i not in consumed:
                candidate = self._noun_candidate(t, i, noun_words[k], actors, triggers)
                if candidate is not None:
                    found.append(candidate)
        if len(found) < 2:
            # the passes relate candidates to each other: one is left as it is
            return self._two_sided(t, start, end, found)
        found = passes.share_conjoined_targets(passes.resolve_intents(found, t), t)
        found = passes.fold_consequences(passes.share_purpose_targets(found, t), t)
        found = passes.drop_protest_topics(passes.refusal_targets(found, t), t)
        return self._two_sided(t, start, end, _statements_yield(found))

    def _two_sided(self, t: Tree, start: int, end: int, found: list[Candidate]) -> list[Candidate]:
        """An act of two sides (a consultation: talks, meetings, discussions) with one side
        and no one it acts with is something said, not an event: "we talked about the
        program", "the firm discussed six trends"; "the ministers discussed trade",
        "Serbia and Kosovo held talks" and "talked with Kosovo" have both sides. And one
        side that agrees with a clause states an opinion (``_an_opinion``)."""
        kept: list[Candidate] = []
        for c in found:
            one = len(c.sources) == 1 and not _several(t, start, end, c.sources[0])
            aside = t.dep[c.anchor] == "parataxis"  # "winning them over, both agree, has been"
            if c.dropped is None and (one or aside or not c.sources) and self._an_opinion(t, c):
                # ("I agree with those remarks": a speaker no table names is one side too)
                who = f"'{c.sources[0].text}'" if c.sources else "its subject"
                c = replace(c, dropped=f"{who} states an opinion, no act")
            elif (
                c.dropped is None
                and c.type.lower() in self.words.two_sided_types
                and all(a.evidence == UNRESOLVED_PEOPLE_EVIDENCE for a in c.sources)
            ):
                # "4.5 million passengers travelled between London and Amsterdam": no one
                # known meets or visits anyone
                c = replace(c, dropped=f"a {c.type} with no one known on its acting side")
            elif (
                c.dropped is None
                and one
                and c.type.lower() in self.words.two_sided_types
                and not c.targets
            ):
                c = replace(
                    c, dropped=f"a {c.type} needs two sides: no one '{c.sources[0].text}' acts with"
                )
            kept.append(c)
        return kept

    def _an_opinion(self, t: Tree, c: Candidate) -> bool:
        """One side "agrees that" (or "agrees" plus a clause), "agrees with" a thing or,
        for an agreement, just "agrees": it shares a view ("the officer agreed that there
        was a need", "I agree with those remarks", "the psychologist agrees."), it makes
        no agreement; "agreed to withdraw", "the two sides agreed that talks resume" are
        agreements, and "agreed with the Senate that ..." sides with another actor. "X
        and Y agree," put inside another clause comments on it."""
        entry = c.entry
        if entry.pos != "verb" or entry.objects or entry.tail or entry.when != "always":
            return False
        if entry.lemma not in self.words.opinion_verbs:
            return False
        if t.dep[c.anchor] == "parataxis":
            return True  # a comment on the sentence it interrupts, as "he said" is
        kids = t.children[c.anchor]
        withs = [
            o for x in kids if t.dep[x] == "prep" and t.lower[x] == "with" for o in t.children[x]
        ]
        if withs:  # with an actor it sides with someone; with a thing it shares a view
            sided = (a for a in c.targets if _an_actor(a))
            return not any(a.start <= t.idx[o] < a.end for a in sided for o in withs)
        if any(t.dep[x] == "ccomp" for x in kids):
            return True
        bare = not any(t.dep[x] in _COMPLEMENTS for x in kids)
        return bare and entry.type == "AGREE"  # "conceded" alone concedes (defeat)

    def _phrase_ids(self, t: Tree) -> PhraseIds:
        """The phrase labels as ids of the document's vocabulary, made once per
        vocabulary (not per unresolved recipient: a few dozen string lookups each)."""
        if self._phrases is None or self._phrases.vocab is not t.doc.vocab:
            self._phrases = PhraseIds(t.view)
        return self._phrases

    def _candidate_positions(self, t: Tree) -> tuple[list[int], list[str], list[int], list[str]]:
        """Positions of the doc's possible verb triggers (a verb whose lemma has an entry)
        with that lexicon verb, and of its possible noun triggers (a noun with a form
        that has an entry) with that form, read from the doc's arrays once per document:
        building a Token for every word of every sentence was most of the matcher's
        time, and asking each noun's forms in every sentence most of the rest."""
        if self._positions is None or self._positions[0] is not t:
            # the tree's parts of speech: the tagger's, mended where the parse says
            # otherwise ("the accused" a noun, a headline's "hand over" a verb)
            tree_pos, lemma, lower = t.pos, t.lemma, t.lower
            verbs: list[int] = []
            verb_lemmas: list[str] = []
            every = range(len(tree_pos))
            for i in compress(every, map(VERB_TAGS.__contains__, tree_pos)):
                verb = self._verb_lemma(lemma[i], lower[i])
                if verb is not None:
                    verbs.append(i)
                    verb_lemmas.append(verb)
            nouns: list[int] = []
            words: list[str] = []
            for i in compress(every, map(NOUN_TAGS.__contains__, tree_pos)):
                word = forms.noun_word(t, i, self._nouns)
                if word is not None:
                    nouns.append(i)
                    words.append(word)
            self._positions = (t, verbs, verb_lemmas, nouns, words)
        return self._positions[1:]

    # -- verbs ------------------------------------------------------------------

    def _verb_lemma(self, lemma: str, lower: str) -> str | None:
        """The lexicon verb of a token with this lemma and lower-case form: its lemma,
        or, when the lemmatizer made one the lexicon lacks, the verb its form inflects
        (forms.deinflected). The same in every document, so remembered (a bounded
        number of words)."""
        known = self._verb_forms
        key = (lemma, lower)
        if key in known:
            return known[key]
        if len(known) > VERB_FORMS_KEPT:
            known.clear()
        folded = lemma.lower()
        verb: str | None
        if lower != folded and lower in self._verbs and folded in self._verbs:
            # a form with entries of its own beside its verb's is that verb: a PETRARCH
            # dictionary's "LEFT [042:043]" block beside "LEAVE [012]", as PETRARCH
            # matches the written form
            verb = lower
        elif folded in self._verbs:
            verb = folded
        else:
            verb = forms.deinflected(lower, self._verbs)
        known[key] = verb
        return verb

    def _verb_sources(
        self, t: Tree, verb: int, entry: LexiconEntry, actors: ActorIndex
    ) -> tuple[Actor, ...]:
        """The entry's sources of the verb; a passive with no agent is done by the two
        sides "between" together ("a memorandum would be signed between the chamber of
        Abuja and that of Ukraine"; not "passengers travelled between Lisbon and Madrid")."""
        sources = self._sources(t, verb, entry, actors)
        if not sources and syntax.is_passive(t, verb, self.words):
            between = recipients.actors_of(t, syntax.prep_objects(t, verb, "between"), actors)
            sources = between if len(between) >= 2 else ()
        return sources

    def _verb_candidate(
        self, t: Tree, verb: int, lemma: str, actors: ActorIndex
    ) -> Candidate | None:
        """The event of ``verb``, whose lexicon verb is ``lemma``, if an entry holds."""
        # of the most specific entries whose conditions hold, the one whose object phrase
        # matched has the most words wins ("austrian gold florin" over "florin", as
        # PETRARCH takes the longest match), else the first; the checks are pure, so each
        # is made only when an entry needs it
        negated: str | None | bool = False  # False: not read yet
        best: tuple[LexiconEntry, list[int]] | None = None
        best_words = 0  # the words of the best entry's matched object phrase
        fallback: tuple[LexiconEntry, list[int]] | None = None  # matched by an "of" object
        nearby: set[str] | None = None  # particle words, read once per verb when needed
        objects_words: list[tuple[int, set[str], bool]] | None = None  # likewise
        for entry, when, tail, wanted in self._verb_table.get(lemma, ()):
            if best is not None and entry.specificity < best[0].specificity:
                break  # every entry as specific as the best has been weighed
            if when == "negated":
                if negated is False:
                    negated = syntax.is_negated(t, verb, self.words)
                if not negated:
                    continue
            elif when == "failed" and not syntax.is_failed(t, verb, self.words):
                continue
            if tail:
                nearby = forms.particle_words(t, verb) if nearby is None else nearby
                if not all(word in nearby for word in tail):
                    continue
            if (
                wanted is None
                and entry.needs
                and not forms.verb_has_complement(t, verb, entry.needs)
            ):
                continue
            objects: list[int] = []
            if wanted is not None:
                objects_words = (
                    forms.object_words(t, verb, self.words)
                    if objects_words is None
                    else objects_words
                )
                matched = [
                    (obj, of_only)
                    for obj, words, of_only in objects_words
                    if words & wanted and (not entry.needs or _has_complement(t, obj, entry.needs))
                ]
                if not matched:
                    continue
                objects = [obj for obj, _ in matched]
                if all(of_only for _, of_only in matched):
                    # "announced a suspension of aid": an entry of the direct object
                    # itself comes first; the "of" object only when none has one
                    fallback = fallback or (entry, objects)
                    continue
            if not self._context_holds(t, verb, entry, actors):
                continue
            words = _matched_words(objects_words or [], objects, wanted)
            if best is None or words > best_words:
                best, best_words = (entry, objects), words
        best = best or fallback
        if best is None or best[0].null:
            return None  # no entry, or one that says the phrase codes nothing
        entry, objects = best
        span_end = max([verb, *objects]) + 1
        if entry.lemma in self.words.obligation_aux:
            # a modal entry ("Libya must hand over the suspects, the minister said"): the
            # speaker demands it of the clause's subject; without a speaker it is no event,
            # nor without its verb ("That won't happen, and it shouldn't")
            if t.dep[verb] != "aux":
                return None
            return self._obligation(t, verb, entry, actors)
        sources = self._verb_sources(t, verb, entry, actors)
        targets = self._targets(t, verb, entry, actors, objects, sources)
        if not targets and entry.type == "THREATEN":
            targets = recipients.actors_of(t, self._condition_subjects(t, verb), actors)
        modality = syntax.modality_of(t, verb, self.words)
        if entry.when == "always" and negated is False:
            negated = syntax.is_negated(t, verb, self.words)
        candidate = self._finish(
            entry,
            (verb, span_end if objects else verb + 1),
            verb,
            sources,
            targets,
            negated
            if entry.when == "always" and isinstance(negated, str) and not self._says_not(entry)
            else None,
            modality,
        )
        if entry.subject and _happened_unattributed(candidate):
            # "a bomb exploded outside a police college": used by someone unnamed
            notes = (*candidate.notes, "a weapon went off with no one named: doer unknown")
            candidate = replace(candidate, dropped=None, notes=notes)
        if candidate.dropped is None:
            reason = self._wrong_sense(t, verb, entry, actors) or self._requirement(
                t, verb, entry, actors, sources
            )
            if reason is not None:
                return replace(candidate, dropped=reason)
            if entry.type == "REJECT" and self._declined_comment(t, verb):
                return self._as_declined_comment(candidate)
        return candidate

    def _context_holds(self, t: Tree, verb: int, entry: LexiconEntry, actors: ActorIndex) -> bool:
        """The entry's doer sectors ("troops entered the town", not "Russia entered the
        conflict"), its two or more doers and its words before the verb ("did n't clash")
        are there."""
        if entry.subject and not any(
            t.lemma[s].lower() in entry.subject for s in syntax.children(t, verb, "nsubj")
        ):
            return False  # "a car bomb exploded", not "the crowd exploded in anger"
        if entry.by or entry.compound:
            doers = self._sources(t, verb, entry, actors)
            if entry.by and not any(a.sector in entry.by for a in doers):
                return False
            if entry.compound and len(doers) < 2:
                return False  # "- % * TALKS": "Serbia and Kosovo held talks", not "Serbia held"
        return not entry.before or forms.words_before(t, verb, entry.before)

    def _says_not(self, entry: LexiconEntry) -> bool:
        """The entry's words before the verb hold its negation ("- &NEGATVAUXVRB *"): the
        negation is the entry's, not a reason to drop it."""
        negators = self.words.negators
        return any(
            word in negators
            for group in entry.before
            for choice in group.split("|")
            for word in choice.split()
        )

    def _declined_comment(self, t: Tree, verb: int) -> bool:
        """ "declined to comment", "refused to elaborate": a refusal to speak."""
        words = self.words
        return t.lemma[verb].lower() in words.failure_verbs and any(
            t.lemma[c].lower() in words.comment_verbs for c in syntax.children(t, verb, "xcomp")
        )

    def _as_declined_comment(self, candidate: Candidate) -> Candidate:
        """A refusal to speak is CAMEO 011 (decline comment), a statement: coded under
        CAMEO's conventions, not under PLOVER's, which code no statement."""
        if self.conventions == "cameo":
            return replace(candidate, type=CAMEO_ONLY, mode=None, cameo="011")
        return replace(candidate, dropped="declining to comment: a statement (CAMEO 011)")

    def _wrong_sense(
        self, t: Tree, verb: int, entry: LexiconEntry, actors: ActorIndex
    ) -> str | None:
        """Why the verb, though its entry matched, names no political act: its doer is a
        natural force or accident; or, for an entry without object words, what it acts on
        shows another sense: a message handed over ("handed over a petition"), no one to
        attack ("hit its highest level"), no one set free ("released a statement"), an object
        at all for a verb whose event takes none ("demonstrates the risk")."""
        cause = syntax.natural_cause(t, verb, self.words)
        if cause is not None:
            return f"'{cause}' is a natural force or accident, not an actor"
        if entry.objects and ANY_OBJECT not in entry.objects:
            return None  # the entry names its objects: the sense is the entry's
        words = self.words
        if entry.lemma in words.verbal_sense_verbs:
            sides = syntax.subjects_of(t, verb, words) + syntax.prep_objects(t, verb, "with")
            if len(sides) >= 2 and all(_a_person(t, x) for x in sides):
                return f"a quarrel in words between people: '{t.text(verb)}' has another sense here"
        if entry.lemma in words.intransitive_sense_verbs:
            for obj in syntax.children(t, verb, "dobj"):
                return f"'{t.text(obj)}' is its object: '{t.text(verb)}' has another sense here"
            for subject in syntax.children(t, verb, "nsubj"):
                # "Modi's pledge to create jobs appealed to them": a thing that appeals
                # attracts; only someone asks
                if self._a_thing(t, subject, actors):
                    return f"'{t.text(subject)}' is no one: '{t.text(verb)}' has another sense here"
        acted_on = syntax.objects_of(t, verb, words)
        if not acted_on and t.dep[verb] == "acl":
            # "a prototype deployed off the coast", "the data released by the agency"
            acted_on = [t.head[verb]]
        if entry.lemma in words.force_sense_verbs:
            for obj in acted_on:
                if not self._a_force(t, obj, actors):
                    return f"'{t.text(obj)}' is no force: '{t.text(verb)}' has another sense here"
        for obj in acted_on:
            lemma = t.lemma[obj].lower()
            if entry.type in MATERIAL_COOPERATION and lemma in words.message_nouns:
                return f"'{t.text(obj)}' is a message: handing it over is no {entry.type}"
            if entry.lemma in words.attack_sense_verbs and not self._attackable(t, obj, actors):
                return f"'{t.text(obj)}' is nothing one attacks: '{t.text(verb)}' has another sense here"
            if entry.lemma in words.contest_sense_verbs and self._contestant(t, obj):
                return f"'{t.text(obj)}' is a team, party or place: '{t.text(verb)}' won a contest"
            # "withdrew its complaint" yields (CONCEDE): only setting free or pulling back
            # (done or refused) needs someone or a force as its object
            if (
                entry.lemma in words.release_sense_verbs
                and entry.type != "CONCEDE"
                and (
                    lemma in words.released_things | words.message_nouns
                    or t.lower[obj] in words.released_things  # "data" (lemma "datum")
                    or self._named_thing(t, obj)
                )
            ):
                return (
                    f"'{t.text(obj)}' is a thing, no one set free or pulled back: "
                    f"'{t.text(verb)}' has another sense here"
                )
        return None

    def _named_thing(self, t: Tree, obj: int) -> bool:
        """The object is a sum of money, or the bare name of a product, work or firm
        ("releasing Smart Sync"; ``released_entities``); "the tanker Stena Impero" names
        what it is, and a tanker is released as property is."""
        label = t.ent[obj]
        if label not in self.words.released_entities:
            return False
        return label == "MONEY" or not any(t.pos[i] == "NOUN" for i in t.subtree(obj))

    def _requirement(
        self,
        t: Tree,
        verb: int,
        entry: LexiconEntry,
        actors: ActorIndex,
        sources: tuple[Actor, ...],
    ) -> str | None:
        """Why a verb of requiring with no doer found codes nothing: its subject is a
        thing ("the law requires", "legislation that would require ...")."""
        if entry.lemma not in self.words.requirement_verbs or sources:
            return None
        for subject in syntax.children(t, verb, "nsubj"):
            if self._a_rule(t, verb, subject, actors):
                return f"'{t.text(subject)}' is no one: a requirement, not a request"
        return None

    def _a_rule(self, t: Tree, verb: int, subject: int, actors: ActorIndex) -> bool:
        """The subject of a verb of requiring is a thing ("the law requires", "US
        legislation that would require"): a common noun that names no people, no entity
        and no body with a sector (a country before it does not make it someone)."""
        if t.tag[subject] in syntax.RELATIVE_PRONOUN_TAGS and t.dep[verb] == "relcl":
            subject = t.head[verb]  # the noun the clause describes
        return (
            t.pos[subject] == "NOUN"
            and not t.ent[subject]
            and not any(a.sector for a in actors.by_head.get(subject, ()))
            and not recipients.names_people(t, subject, self.words)
        )

    def _a_thing(self, t: Tree, noun: int, actors: ActorIndex) -> bool:
        """A common noun that names no actor, no people and no entity ("the pledge")."""
        return (
            t.pos[noun] == "NOUN"
            and not t.ent[noun]
            and not actors.by_head.get(noun)
            and not recipients.names_people(t, noun, self.words)
        )

    def _attackable(self, t: Tree, obj: int, actors: ActorIndex) -> bool:
        """An actor, a named person, group or place, people, or a physical target."""
        people, things = self.words.people_nouns, self.words.physical_targets
        measured = syntax.prep_objects(t, obj, "of")
        if measured and t.lemma[obj].lower() in people:
            obj = measured[0]  # "dozens of people": what is counted
        obj = syntax.counted(t, obj, self.words)  # "thousands of jobs", "a number of positions"
        if obj in actors.by_head or t.ent[obj] in self.words.attackable_entities:
            return True
        if t.pos[obj] in {"PRON", "PROPN", "NUM"}:
            return True  # "shot him", "killed dozens", a name the parser did not label
        lemma = t.lemma[obj].lower()
        return lemma in people or lemma in things or t.lower[obj] in people | things

    def _contestant(self, t: Tree, obj: int) -> bool:
        """A team, party or place named as the object: an organisation's or a place's
        entity, or a name the recogniser did not label a person ("beat Sunderland")."""
        label = t.ent[obj]
        return label in self.words.contest_entities or (t.pos[obj] == "PROPN" and not label)

    def _a_force(self, t: Tree, obj: int, actors: ActorIndex) -> bool:
        """An actor, people, or a military thing ("deployed 300 troops", "warships")."""
        obj = syntax.counted(t, obj, self.words)  # "a number of warships"
        if obj in actors.by_head or t.pos[obj] in {"PRON", "PROPN"}:
            return True
        words = self.words
        lemma, lower = t.lemma[obj].lower(), t.lower[obj]
        return any(w in words.people_nouns or w in words.military_things for w in (lemma, lower))

    def _condition_subjects(self, t: Tree, verb: int) -> list[int]:
        """The one a threat's condition is put to: "threatened to launch an offensive
        unless Baghdad accepted its terms" threatens Baghdad."""
        found: list[int] = []
        dep, kids = t.dep, t.children
        for token in [verb, *(x for x in t.subtree(verb) if dep[x] == "xcomp")]:
            for clause in kids[token]:
                if dep[clause] == "advcl" and any(
                    dep[c] == "mark" and t.lower[c] in self.words.condition_markers
                    for c in kids[clause]
                ):
                    found += syntax.subjects_of(t, clause, self.words)
        return found

    def _obligation(
        self, t: Tree, modal: int, entry: LexiconEntry, actors: ActorIndex
    ) -> Candidate | None:
        clause = t.head[modal]
        if (
            t.dep[clause] != "ccomp"
            or t.lemma[t.head[clause]].lower() not in self.words.speech_verbs
        ):
            return None
        sources = recipients.actors_of(t, syntax.subjects_of(t, t.head[clause], self.words), actors)
        # "Turkey and Greece should work together, the Turkish minister said": a demand on
        # Greece; what a government says its own state should do is no request (rebels
        # saying their government must resign still make one)
        own = {a.country for a in sources if a.country and a.sector in {"GOV", "MIL", "LEG"}}
        targets = tuple(
            a for a in recipients.actors_of(t, syntax.subjects_of(t, clause, self.words), actors)
            if not (a.country in own and a.sector in {None, "GOV"})
        )  # fmt: skip
        if not sources or not targets:
            return None
        return self._finish(entry, (modal, modal + 1), modal, sources, targets, None, None)

    def _sources(
        self, t: Tree, verb: int, entry: LexiconEntry, actors: ActorIndex
    ) -> tuple[Actor, ...]:
        if entry.source == "speaker":
            heads = syntax.speaker_of(t, verb, self.words) or syntax.subjects_of(
                t, verb, self.words
            )
        elif entry.source != "subj":  # a PETRARCH pattern's source marker: "(FROM $)"
            heads = _marked_source(t, verb, entry.source, self.words)
        elif syntax.is_passive(t, verb, self.words):
            # "were ambushed and killed by rebels": conjoined passives share the agent
            heads = syntax.agent_of(t, verb) or [
                a
                for c in t.conjuncts(verb)
                if syntax.is_passive(t, c, self.words)
                for a in syntax.agent_of(t, c)
            ]
        else:
            heads = syntax.subjects_of(t, verb, self.words)
            if not heads and t.dep[verb] == "csubj":
                # "lifting the ban is out of the question, officials said": who says so
                heads = syntax.speaker_of(t, t.head[verb], self.words)
        found = recipients.actors_of(t, heads, actors)
        if not found and entry.source == "subj":
            # "a man stabbed two people", "dozens of villagers marched": people no table
            # places are still who did it (a name the tables lack is the tagger's to read)
            people = [
                h
                for h in heads
                if t.pos[h] != "PROPN"
                and t.ent[h] != "PERSON"
                and recipients.names_people(t, h, self.words)
            ]
            found = recipients.unresolved(t, people, self.words, self._phrase_ids(t))
        return found[:1] if entry.source == "after" else found  # the first actor after it

    def _targets(
        self,
        t: Tree,
        verb: int,
        entry: LexiconEntry,
        actors: ActorIndex,
        objects: list[int],
        sources: tuple[Actor, ...] = (),
    ) -> tuple[Actor, ...]:
        direct = objects or syntax.objects_of(t, verb, self.words)
        pos = t.pos
        # the words kept when no actor is found: the direct object (not a light verb's
        # own object, which is part of the trigger), else a slot's object; never the
        # actor's own forces or things ("withdraw its troops from Abyei" is aimed at Abyei)
        first_heads = (
            []
            if objects
            else [
                d
                for d in direct
                if (pos[d] in NOUN_TAGS or recipients.counted_people(t, verb, d, self.words))
                and not recipients.own(t, d, self.words)
            ]
        )
        for slot in entry.targets:
            if slot == "none":
                return ()
            if slot == "subj":
                heads = syntax.subjects_of(t, verb, self.words)
            elif slot == "dobj":
                heads = [
                    o
                    for o in syntax.objects_of(t, verb, self.words)
                    if not recipients.own(t, o, self.words)
                ]
                if not recipients.actors_of(t, heads, actors):
                    # "wounded dozens of people in Kabul": those the number counts
                    heads += [c for o in heads if (c := syntax.counted(t, o, self.words)) != o]
            elif slot == "iobj":
                heads = syntax.dative_of(t, verb)
            elif slot == "poss_of_object":
                # "rejected Iraq's demand": the whole object phrase, whose country is the
                # possessor's, when the tagger resolved it; else the possessor itself
                whole = recipients.actors_of(t, direct, actors)
                if whole and all(a.country for a in whole):
                    return whole
                heads = [c for o in direct for c in t.kids(o, POSSESSOR_DEPS)]
            elif slot.startswith("prep:"):
                word = slot.split(":", 1)[1]
                heads = syntax.prep_objects(t, verb, word) + [
                    p for o in direct for p in syntax.prep_objects(t, o, word)
                ]
                if not heads:
                    # "provided $3 million in funding to Lebanon": the phrase hangs lower
                    heads = [
                        p
                        for x in recipients.object_phrase_nouns(t, direct)
                        for p in syntax.prep_objects(t, x, word)
                    ]
                if word in self.words.deep_prepositions:
                    deep = recipients.clause_steps(
                        t, verb, self.words, recipients.FALLBACK_DEPTH + 2
                    )
                    heads += [
                        x for x in deep if recipients.is_object_of(t, x, word) and x not in heads
                    ]
            else:
                heads = []
            found = recipients.actors_of(t, heads, actors) or recipients.owners_of(
                t, heads, actors, self.words, sources
            )
            if found:
                return found
            if slot != "poss_of_object":
                # the light verb's own object ("provides $45m support") is the act, not its recipient
                first_heads = first_heads or [
                    h
                    for h in heads
                    if pos[h] in NOUN_TAGS
                    and h not in objects
                    # a bare singular noun after a preposition is an idiom ("still in
                    # force", "on hold", "at risk"), no one acted on
                    and not (t.tag[h] == "NN" and not t.children[h])
                ]
        # "condemned the attack by Osgiliath soldiers", "is investigating crimes by
        # extremists": the doer of the act named as the object is whom it is aimed at
        doers = recipients.actors_of(
            t,
            [
                p
                for o in direct
                if t.dep[o] == "dobj" and pos[o] in NOUN_TAGS
                for p in syntax.prep_objects(t, o, "by")
            ],
            actors,
        )
        if doers:
            return doers
        clause = syntax.for_clause(t, verb)
        if clause is not None:
            # "called for Israel to halt construction": Israel is asked to act; "called for
            # the prisoners to be released by Iran" asks Iran, not the prisoners
            asked = (
                syntax.agent_of(t, clause)
                if syntax.is_passive(t, clause, self.words)
                else syntax.children(t, clause, "nsubj")
            )
            found = recipients.actors_of(t, asked, actors)
            if found:
                return found
        if entry.type == "REQUEST" and syntax.is_passive(t, verb, self.words):
            # "Anyone with information is asked to call police": the one asked is the
            # subject; what they are asked to do (and to whom) is no recipient
            return recipients.unresolved(t, first_heads, self.words, self._phrase_ids(t))
        skip: frozenset[int] = frozenset()
        if entry.type in MOVED_FORCES or entry.lemma in self.words.force_moving_verbs:
            # "sent 200 troops", "mobilised the army", "withdrew troops from X": the forces
            # moved are not whom it is aimed at
            skip = frozenset(syntax.with_conjuncts(t, syntax.objects_of(t, verb, self.words)))
            first_heads = [h for h in first_heads if h not in skip]
        nearest = recipients.nearest_object_actor(
            t, verb, actors, self.words, sources, tuple(objects), skip, self._reach
        )
        people = [h for h in first_heads if recipients.names_people(t, h, self.words)]
        if people and nearest and not recipients.within(t, people, nearest):
            # "arrested the man in connection with the killing of a Serbian policeman",
            # "accused the officer of torturing prisoners": the people the verb acts on
            # are its recipients, though no table places them; an actor elsewhere in the
            # clause (the victim of the crime charged) is not. Their own phrase may place
            # them ("arrested a man from Kosovo").
            return recipients.unresolved(t, people, self.words, self._phrase_ids(t))
        return (
            nearest
            or recipients.owners_of(t, first_heads, actors, self.words, sources)
            or recipients.unresolved(t, first_heads, self.words, self._phrase_ids(t))
        )

    # -- nouns ------------------------------------------------------------------

    def _noun_candidate(
        self, t: Tree, noun: int, word: str, actors: ActorIndex, triggers: set[int]
    ) -> Candidate | None:
        entries = [
            e
            for e in self.lexicon.noun_entries(word)
            if forms.has_modifiers(t, noun, e.tail)
            and (not e.needs or forms.has_complement(t, noun, e.needs))
        ]
        if not entries:
            return None
        entry = max(entries, key=lambda e: e.specificity)
        if entry.null:
            return None  # a phrase that codes nothing ("cardiac arrest")
        dep, head = t.dep, t.head[noun]
        # "clashes broke out between X and Y": the verb's phrases are the noun's
        occurred = None if head in triggers else syntax.occurrence_verb(t, noun, self.words)
        heads_of = (noun,) if occurred is None else (noun, occurred[0])
        sources, received_by, mover = self._noun_sources(t, noun, entry, actors, triggers)
        targets: tuple[Actor, ...] = ()
        between = False
        for slot in entry.targets:
            if slot.startswith("prep:"):
                preposition = slot.split(":", 1)[1]
                heads = [h for x in heads_of for h in syntax.prep_objects(t, x, preposition)]
                targets = tuple(
                    a for a in recipients.actors_of(t, heads, actors) if a not in sources
                )
                targets = targets or recipients.owners_of(t, heads, actors, self.words, sources)
            if targets:
                between = slot == "prep:between"
                break
        if not targets and received_by:
            targets = tuple(a for a in received_by if a not in sources)
        if not targets and "none" not in entry.targets:
            targets = recipients.nearest_object_actor(
                t, noun, actors, self.words, sources, reach=self._reach
            )
        if not sources and len(targets) >= 2 and between:
            sources, targets = targets, ()  # "talks between Serbia and Kosovo"
        # a hyphenated noun ("sit-in", "cease-fire") is the trigger as a whole
        first = noun - 2 if "-" in word and noun >= 2 and t.text(noun - 1) == "-" else noun
        if occurred is not None:
            # coded at the verb: its dates, places, negation and modality are the event's
            verb, last = occurred
            candidate = self._finish(
                entry,
                (min(first, verb), max(noun, last) + 1),
                verb,
                sources,
                targets,
                syntax.is_negated(t, verb, self.words),
                syntax.modality_of(t, verb, self.words),
            )
            if _happened_unattributed(candidate):
                notes = (*candidate.notes, "took place with no one named: actors unknown")
                return replace(candidate, dropped=None, notes=notes)
        elif dep[noun] == "dobj" and head not in triggers:
            # "unless the president arranged a ceasefire", "did not declare a ceasefire":
            # what the governing verb does not assert, its object's act is not either (a
            # future or possible verb keeps the noun's own type: "we know these talks")
            modality = (
                "implied"  # "it means sanctions", "the plan requires a ceasefire"
                if t.lemma[head].lower() in self.words.implication_verbs
                else syntax.modality_of(t, head, self.words)
            )
            if modality not in NOT_HAPPENED:
                # "planned an attack", "is considering sanctions": as "planned to attack";
                # "would like to announce an agreement": what the verb will do, so will it
                modality = syntax.object_modality(t, head, noun, self.words) or (
                    modality if modality in OPEN_MODALITIES else None
                )
            candidate = self._finish(
                entry,
                (first, noun + 1),
                noun,
                sources,
                targets,
                syntax.is_negated(t, head, self.words) or syntax.negated_noun(t, noun, self.words),
                modality,
            )
        else:
            negated = syntax.negated_noun(t, noun, self.words)
            modality = None
            if mover is not None:  # "will gather for a meeting": as the gathering is
                negated = negated or syntax.is_negated(t, mover, self.words)
                modality = syntax.modality_of(t, mover, self.words)
            candidate = self._finish(
                entry, (first, noun + 1), noun, sources, targets, negated, modality
            )
        if (
            candidate.dropped is None
            and entry.type in MATERIAL_COOPERATION
            and t.lemma[noun].lower() in self.words.message_nouns
            and not syntax.prep_objects(t, noun, "of")
        ):
            # "issued a release": the document, not "the release of the prisoners"
            return replace(candidate, dropped=f"'{t.text(noun)}' names a message here, not an act")
        if candidate.dropped is None and dep[noun] in {"nsubj", "nsubjpass"} and head in triggers:
            # "US drone attacks killed eight leaders": one event, coded at the verb
            return replace(candidate, dropped=f"subject of the event verb '{t.text(head)}'")
        if not sources and candidate.dropped is None and occurred is None:
            return replace(candidate, dropped="event noun without an actor of its own")
        return candidate

    def _noun_sources(
        self, t: Tree, noun: int, entry: LexiconEntry, actors: ActorIndex, triggers: set[int]
    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...], int | None]:
        """The event noun's doers, who receive it when the verb governing it says so
        ("Serbia faced condemnation from the EU"), and the verb of motion whose purpose
        it is (:meth:`_purpose_of`), if its doers are that verb's subject."""
        dep, head = t.dep, t.head[noun]
        source_heads = t.kids(noun, SOURCE_MODIFIERS)
        source_heads += syntax.prep_objects(t, noun, "by")
        sources = recipients.actors_of(t, source_heads, actors)
        if not sources and source_heads and dep[noun] not in {"dobj", "pobj"}:
            # "Palestinian riots continued": the tagger read the noun phrase as the actor
            sources = actors.by_head.get(noun, ())
        received_by: tuple[Actor, ...] = ()
        if (
            not sources
            and entry.type in VERBAL_TYPES
            and dep[noun] == "dobj"
            and head not in triggers
        ):
            # "Serbia faced condemnation from the EU", "the plan drew criticism from
            # Trump": who says it is in the "from" phrase and the subject of the verb
            # receives it ("rejected the demand from Serbia" is the rejection's, as
            # "rejected Serbia's demand" is)
            sources = recipients.actors_of(t, syntax.prep_objects(t, noun, "from"), actors)
            if sources:
                received_by = recipients.actors_of(
                    t, syntax.subjects_of(t, head, self.words), actors
                )
        if (
            not sources
            and dep[noun] == "dobj"
            and head not in triggers
            and t.lemma[head].lower() not in self._not_doers
        ):
            # "Ghani announced a ceasefire": the noun's actor is the announcing subject,
            # unless that verb is an event of its own ("Russia condemned the attack"),
            # works against the act ("imposed a curfew to stop demonstrations"),
            # watches, tells of or weighs it ("Ranger filmed the assaults") or denies it
            # ("Russia denied the attack on the convoy")
            subjects = recipients.actors_of(t, syntax.subjects_of(t, head, self.words), actors)
            if syntax.is_passive(t, head, self.words):
                # "the journalist was granted asylum by Sweden": the agent acts, the
                # subject receives it
                agents = syntax.agent_of(t, head) or syntax.prep_objects(t, head, "by")
                sources = recipients.actors_of(t, agents, actors)
                received_by = received_by or subjects
            else:
                sources = subjects
        mover = None if sources else self._purpose_of(t, noun, triggers)
        if mover is not None:
            sources = recipients.actors_of(t, syntax.subjects_of(t, mover, self.words), actors)
        return sources, received_by, mover

    def _purpose_of(self, t: Tree, noun: int, triggers: set[int]) -> int | None:
        """The verb of motion or gathering whose "for" phrase the event noun is: what
        its subject set out to do, and did by those means ("converged on Lagos for a
        rally", as "to protest" after such a verb), or None."""
        prep = t.head[noun]
        if t.dep[noun] != "pobj" or t.lower[prep] != "for":
            return None
        mover = t.head[prep]
        if mover in triggers or t.lemma[mover].lower() not in self.words.means_verbs:
            return None
        return mover

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
        if modality == "generic" and entry.when == "negated":
            modality = None  # "lifting the ban is out of the question": the refusal is the act
        if modality == "future" and self.plover and type_ in FUTURE_AS_AGREE:
            notes.append(f"future {type_} coded as AGREE (PLOVER rule)")
            type_, mode, cameo = "AGREE", None, FUTURE_AS_AGREE[entry.type]
        elif modality == "future" and self.plover and type_ in FUTURE_AS_THREAT:
            notes.append(f"future {type_} coded as THREATEN")
            type_ = "THREATEN"
            mode, cameo = FUTURE_AS_THREAT[entry.type]
        # "cannot accept": a refusal, done whatever the modal
        refusal = (bool(negated) and cameo in self.negations) or entry.when == "negated"
        if negated and cameo in self.negations:
            opposite = self.negations[cameo]
            notes.append(
                f"negated ({negated}): coded as {opposite.cameo}, PETRARCH's {cameo} negated"
            )
            cameo, mode, negated = opposite.cameo, opposite.mode, None
            type_ = opposite.type or CAMEO_ONLY  # a code PLOVER drops keeps its CAMEO code
        dropped = None
        if negated:
            dropped = negated
        elif modality in NOT_HAPPENED:
            dropped = NOT_HAPPENED[modality]
        elif modality == "hypothetical" and self.plover and not refusal:
            # "could provide support", "can sign deals": possible, not done
            dropped = "only possible ('could', 'may', 'can'), not done"
        elif not sources and not any(_an_actor(t) for t in targets):
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


def _inside_other_triggers(found: list[Candidate], t: Tree) -> list[Candidate]:
    """A verb inside another verb's trigger phrase is a word of that phrase, not an act
    of its own: "would not meet hostage-takers demands", its object "demands" tagged as
    a verb (as a noun there it is already left to the phrase)."""
    out = []
    for c in found:
        phrase = next(
            (
                o
                for o in found
                if o is not c and o.anchor != c.anchor and o.trigger[0] <= c.anchor < o.trigger[1]
            ),
            None,
        )
        if phrase is not None and c.dropped is None:
            c = replace(c, dropped=f"a word of the phrase '{t.text(phrase.anchor)} ...'")
        out.append(c)
    return out


def _statements_yield(found: list[Candidate]) -> list[Candidate]:
    """A public statement coded by its CAMEO code alone ("X said", 01x) is an event only
    when its sentence codes nothing else: "Arnor will restore ties with Gondor, an
    official said" is the restoration, the way PETRARCH codes reported speech."""
    if not any(c.dropped is None and not _a_statement(c) for c in found):
        return found
    return [
        replace(c, dropped="a statement whose sentence codes another event")
        if c.dropped is None and _a_statement(c)
        else c
        for c in found
    ]


def _a_statement(candidate: Candidate) -> bool:
    """A public statement coded by its CAMEO code alone (01x), not a code of a user's
    dictionary's own that CAMEO and PLOVER lack ("[212]")."""
    return candidate.type == CAMEO_ONLY and candidate.cameo.startswith(STATEMENT_ROOT)


STATEMENT_ROOT = "01"  # CAMEO's root code of public statements


# what an agreement may be to or about: an infinitive, an object, a preposition, a clause
_COMPLEMENTS = frozenset({"xcomp", "dobj", "prep", "advcl", "ccomp", "acomp", "attr", "oprd"})


def _several(t: Tree, start: int, end: int, actor: Actor) -> bool:
    """The actor's phrase names more than one party: a plural noun ("the ministers",
    "the two sides") or a conjunction; pronouns do not count ("we talked about it")."""
    inside = [
        i for i in range(start, end) if t.idx[i] >= actor.start and t.end_char(i) <= actor.end
    ]
    for i in inside:
        outside = t.head[i] == i or not actor.start <= t.idx[t.head[i]] < actor.end
        if outside and (t.tag[i] in {"NNS", "NNPS"} or "conj" in {t.dep[c] for c in t.children[i]}):
            return True
    return False


PERSON_NAME_DEPS = frozenset({"appos", "compound"})


def _a_person(t: Tree, token: int) -> bool:
    """A person's name, or a title with one ("the finance minister Olaf Brandt")."""
    ent = t.ent
    return ent[token] == "PERSON" or any(
        ent[c] == "PERSON" and t.dep[c] in PERSON_NAME_DEPS for c in t.children[token]
    )


def _an_actor(actor: Actor) -> bool:
    """Placed, named, or people the text names ("a man was shot dead"); not a thing."""
    return actor.placed or actor.evidence in (NAME_ONLY_EVIDENCE, UNRESOLVED_PEOPLE_EVIDENCE)


def _marked_source(t: Tree, verb: int, source: str, words: syntax.WordLists) -> list[int]:
    """The heads a PETRARCH pattern's source marker points at: the objects of its
    preposition ("prep:from") on the verb or its object, or ("after") of the prepositions
    after the verb, in text order ("received money from X")."""
    nodes = [verb, *syntax.objects_of(t, verb, words)]
    if source.startswith("prep:"):
        word = source.partition(":")[2]
        return [o for node in nodes for o in syntax.prep_objects(t, node, word)]
    after = [
        o
        for node in nodes
        for prep in t.children[node]
        if t.dep[prep] in syntax.PREPOSITION_DEPS and prep > verb
        for o in t.children[prep]
        if t.dep[o] in syntax.PREP_OBJECT_DEPS
    ]
    return sorted(after)
