"""Actor tagging: resolve every nominal head in an article to an actor, with coreference.

Reads: a parsed spaCy ``Doc`` and the actor knowledge tables.
Writes: an :class:`ActorIndex` mapping head tokens to actors, consulted by the coder.

Resolution uses, in order: the words of the noun phrase itself (titles, names, country
names, demonyms, organisations), then the article's memory of who was introduced how
("Serbian President Aleksandar Vucic" makes a later "Vucic", "President Vucic" or "the
president" the same actor), then pronoun and "both sides" rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import compress

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from eventscribe.actors.building import (
    capital_alone,
    compose_actor,
    member_body,
    relocate,
    unresolved_actor,
)
from eventscribe.actors.heads import (
    TaggerIds,
    clue_counts,
    may_name_an_actor,
    person_segments,
    plausible,
    role_describes_head,
)
from eventscribe.actors.knowledge import ActorKnowledge, KnownActor, Role
from eventscribe.actors.memory import (
    KIND_RANK,
    NONSTATE,
    ActorIndex,
    ArticleMemory,
    Clue,
)
from eventscribe.actors.names import NameReader, recall
from eventscribe.actors.naming import names_no_one, organisation_name
from eventscribe.actors.phrasecache import phrase_splits
from eventscribe.actors.phrases import (
    PhraseIds,
    conjuncts,
    head_candidate_flags,
    is_pronoun_at,
    locative_indexes,
    mention_range,
    modifier_indexes,
    phrase_range,
)
from eventscribe.actors.registry import ActorRegistry
from eventscribe.actors.titles import merge_shared_titles
from eventscribe.actors.words import ActorWords, load_actor_words
from eventscribe.nlp.view import DocView
from eventscribe.records import Actor

__all__ = ["ActorIndex", "ActorTagger", "unresolved_actor"]

# Phrases whose knowledge lookups a tagger remembers before it starts afresh.
_CACHE_SIZE = 100_000


class ActorTagger:
    """Builds the :class:`ActorIndex` of a document. One tagger serves many documents."""

    def __init__(
        self,
        knowledge: ActorKnowledge,
        tokenizer: Tokenizer,
        registry: ActorRegistry | None = None,
        *,
        words: ActorWords | None = None,
        ordinary_words: frozenset[str] | None = None,
        pipeline: str | None = None,
    ) -> None:
        """``tokenizer`` is the pipeline's own, so that patterns split the way text does
        ("People's" -> "People", "'s"). ``registry`` answers for bare names ("Putin") and
        has what earlier runs learned from the store. ``words`` are the lists of
        words.yaml (the bundled ones by default). ``ordinary_words`` are the English words
        a misspelt country name must not be; without them no spelling is corrected.
        ``pipeline`` names the pipeline the tokenizer is from (:func:`pipeline_id`): the
        phrases' splits are then kept in the cache folder (:mod:`.phrasecache`)."""
        self.knowledge = knowledge
        self.registry = registry or ActorRegistry()
        self.names = NameReader(
            knowledge,
            self.registry,
            words or load_actor_words(sectors=knowledge.sectors),
            ordinary_words,
        )
        self._lower = PhraseMatcher(tokenizer.vocab, attr="LOWER")
        self._exact = PhraseMatcher(tokenizer.vocab, attr="ORTH")
        self._add_patterns(knowledge, tokenizer, pipeline)
        # what the (read-only) knowledge says about a matched phrase, by its text: the
        # same country, title and organisation names come back in every article
        self._known: dict[str, tuple[KnownActor, ...]] = {}
        self._roles: dict[str, Role | None] = {}
        self._cached_for = knowledge
        self._ids: TaggerIds | None = None
        self._labels: dict[int, str] = {}  # matcher label id -> label

    def _add_patterns(
        self, knowledge: ActorKnowledge, tokenizer: Tokenizer, pipeline: str | None
    ) -> None:
        """Every phrase of ``knowledge`` as a pattern of its tokens' keys: lower case by
        kind ("actor", "role", "ethnic"), and the case-sensitive ones as written."""
        lower_patterns: dict[str, set[str]] = {}
        for phrase, kind in knowledge.phrases():
            lower_patterns.setdefault(kind, set()).add(phrase.lower())
        groups = [(kind, sorted(phrases)) for kind, phrases in lower_patterns.items()]
        exact = sorted({p for p, _kind in knowledge.case_sensitive_phrases()})
        everything = [p for _kind, phrases in groups for p in phrases] + exact
        splits = iter(phrase_splits(everything, tokenizer, pipeline))
        strings = tokenizer.vocab.strings
        # A pattern given as its tokens' keys (LOWER, ORTH) rather than a Doc: the form
        # in which a PhraseMatcher keeps its patterns and re-adds them when unpickled.
        for kind, phrases in groups:
            keys = [[strings.add(t.lower()) for t in next(splits)] for _ in phrases]
            self._lower.add(kind, [k for k in keys if k])  # type: ignore[misc]
        keys = [[strings.add(t) for t in next(splits)] for _ in exact]
        if exact:
            self._exact.add("actor", [k for k in keys if k])  # type: ignore[misc]

    def tag(
        self,
        doc: Doc,
        *,
        published: date | None = None,
        doc_id: str = "",
        view: DocView | None = None,
    ) -> ActorIndex:
        """The actors of ``doc``. ``view`` is the document's :class:`DocView` when the
        caller has one (the place tagger reads the same)."""
        view = DocView(doc) if view is None else view
        ids = self._ids_of(view)
        wids = self.names.word_ids(view)
        clues = self._clues(view, ids, published)
        memory = ArticleMemory(
            published=published, doc_id=doc_id, person_names=_person_names(view, ids)
        )
        index = ActorIndex(by_head=memory.resolved, metonyms=memory.metonyms)
        candidates = _with_named_slots(view, ids, head_candidate_flags(view, ids.phrase))
        clues_before = clue_counts(len(view), clues)
        sentence_ends = iter([end for _start, end in view.sentences()])
        sentence_end = 0
        first_person: list[int] = []
        for i in compress(range(len(candidates)), candidates):
            if i >= sentence_end:
                # the first head of a sentence: what the sentences before it named
                # (nothing is resolved between a sentence start and its first head)
                while sentence_end <= i:
                    sentence_end = next(sentence_ends)
                    memory.sentence += 1
                memory.countries_before_sentence = list(memory.countries)
            if view.lower[i] in ids.phrase.first_person and view.pos[i] == ids.phrase.pron:
                first_person.append(i)
            if not may_name_an_actor(view, ids, i, clues, clues_before) or names_no_one(
                view, wids, i, clues
            ):
                continue
            actors = self._resolve(view, ids, i, clues, memory) or self._taken_for_a_word(
                view, ids, i, memory
            )
            if actors:
                index.by_head[i] = actors
                _note_subject(view, ids, i, actors[0], memory)
        for i in first_person:  # once the speakers after them are resolved too
            speakers = _speakers(view, ids, i, index.by_head)
            if speakers:
                index.by_head[i] = tuple(relocate(a, view.char_range(i, i + 1)) for a in speakers)
        merge_shared_titles(view, ids, index.by_head, clues, self._names_a_body)
        return index

    def _taken_for_a_word(
        self, view: DocView, ids: TaggerIds, head: int, memory: ArticleMemory
    ) -> tuple[Actor, ...]:
        """A capitalised word the tagger took for an ordinary noun or verb ("Trump did
        it anyway", "Trump on April 5 threatened": "trump" is both) that names a person
        the article named before ("Donald Trump") or the registry knows by that name:
        that person."""
        if not view.is_title[head] or view.pos[head] == ids.propn:
            return ()
        text = view.token_text(head)
        span = view.char_range(head, head + 1)
        person = recall(text, [], memory)
        if person is not None and _is_person(person, memory):
            return (relocate(person, span),)
        knowns, name = self.names.named(view, ids, [head], [text], text, memory, head)
        if not knowns or knowns[0].kind != "registry":
            return ()
        return (compose_actor(head, span, text, name, [], knowns, [], person=True),)

    def _names_a_body(self, word: str) -> bool:
        """The word is a role noun of a body ("government", "police"), never a title."""
        role = self.knowledge.role(word)
        return role is not None and role.kind == "noun"

    def _ids_of(self, view: DocView) -> TaggerIds:
        """The label ids of the document's vocabulary (the same for every document)."""
        if self._ids is None or self._ids.vocab is not view.doc.vocab:
            self._ids = TaggerIds(view, self.names.words)
        return self._ids

    # -- evidence -------------------------------------------------------------------

    def _check_cache(self) -> None:
        """Forget remembered answers if the knowledge was swapped or they grew large."""
        if (
            self._cached_for is not self.knowledge
            or len(self._known) + len(self._roles) > _CACHE_SIZE
        ):
            self._known.clear()
            self._roles.clear()
            self._cached_for = self.knowledge

    def _clues(self, view: DocView, ids: TaggerIds, published: date | None) -> dict[int, Clue]:
        """Longest known phrase covering each token (token index -> clue); a phrase the
        user's own dictionary defines has that meaning, not the built-in one."""
        user_lookup = self.registry.user_lookup if self.registry.has_user_entries else None
        found: list[Clue] = []
        doc = view.doc
        labels = self._labels
        self._check_cache()  # once per document: the lookups below read the caches directly
        known_by_text, roles_by_text = self._known, self._roles
        for match_id, start, end in list(self._lower(doc)) + list(self._exact(doc)):
            text = view.span_text(start, end)
            label = labels.get(match_id)
            if label is None:
                label = labels[match_id] = doc.vocab.strings[match_id]
            if label == "role":
                if text in roles_by_text:
                    role = roles_by_text[text]
                else:
                    role = roles_by_text[text] = self.knowledge.role(text)
                if role is not None:
                    found.append(
                        Clue(start, end, "role", text, None, role.sector or None, role.code or None)
                    )
                continue
            knowns = known_by_text.get(text)
            if knowns is None:
                knowns = known_by_text[text] = tuple(self.knowledge.lookup(text))
            answer = (
                user_lookup(text, published)
                if user_lookup is not None and label != "ethnic"
                else None
            )
            if answer is not None and not any(
                k.country == answer.country and _same_code(answer.code, k.code) for k in knowns
            ):
                # the user's dictionary means another actor by it, or codes it in more
                # detail ("THE_AU [IGOAFR]"): theirs, not ours
                known = KnownActor(answer.name, answer.country, answer.sector, "registry",
                                   answer.evidence, answer.code)  # fmt: skip
                found.append(Clue(start, end, "registry", text, known=known))
                continue
            if label == "ethnic":
                ethnic = [k for k in knowns if k.kind == "ethnic"]
                found.append(Clue(start, end, "ethnic", text, known=ethnic[0] if ethnic else None))
                continue
            for known in knowns:
                if plausible(view, ids, start, end, known.kind):
                    found.append(Clue(start, end, known.kind, text, known=known))
        covered = {i for c in found if c.kind != "role" for i in range(c.start, c.end)}
        found = [c for c in found if c.kind != "role" or not _a_surname(view, ids, c, covered)]
        by_token: dict[int, Clue] = {}
        for clue in sorted(found, key=lambda c: (c.end - c.start, -KIND_RANK.get(c.kind, 5))):
            for i in range(clue.start, clue.end):
                by_token[i] = clue  # longer (and better-ranked) phrases win
        return by_token

    # -- resolution -----------------------------------------------------------------

    def _resolve(
        self,
        view: DocView,
        ids: TaggerIds,
        head: int,
        clues: dict[int, Clue],
        memory: ArticleMemory,
    ) -> tuple[Actor, ...]:
        phrase = ids.phrase
        if (
            view.pos[head] == phrase.pron and view.lower[head] in phrase.pronoun_words
        ):  # is_pronoun_at
            actor = self._pronoun(view, ids, head, memory)
            return (relocate(actor, view.char_range(head, head + 1)),) if actor else ()
        children = view.children[head]
        if not children:
            # a word alone ("Vucic", "Serbia", "officials"): the phrase is the word
            actors = self._describe(
                view, ids, head, [head], None, view.token_text(head), clues, memory, all_actors=True
            )
            return actors if isinstance(actors, tuple) else ((actors,) if actors else ())
        if (
            view.lower[head] in ids.pair_words
            and any(view.lower[c] in ids.both_two and not view.children[c] for c in children)
            # "both the Labour and Nationalist parties" name their own
            and not any(
                c < head
                and view.token_text(c)[:1].isupper()
                and view.lower[c] not in ids.both_two
                and view.dep[c] != ids.det
                for c in children
            )
        ):  # "the two countries", not "two dozen countries"
            return self._both_sides(view, ids, head, memory)
        described = modifier_indexes(view, phrase, head)
        first, last = phrase_range(view, phrase, head, described)
        if first == described[0] and last == described[-1] + 1:
            tokens = described
        else:
            tokens = [i for i in described if first <= i < last]
        segments = person_segments(view, ids, tokens)
        if len(segments) > 1:
            # "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti"
            # parsed as one phrase: one actor per person
            found = []
            for segment in segments:
                part = view.char_range(segment[0], segment[-1] + 1)
                person = self._describe(
                    view, ids, segment[-1], segment, part, part[2], clues, memory
                )
                if isinstance(person, Actor):
                    found.append(person)
            return tuple(found)
        short = view.span_text(first, last)
        actors = self._describe(
            view, ids, head, tokens, None, short, clues, memory, all_actors=True
        )
        return actors if isinstance(actors, tuple) else ((actors,) if actors else ())

    def _describe(
        self,
        view: DocView,
        ids: TaggerIds,
        head: int,
        tokens: list[int],
        span: tuple[int, int, str] | None,
        short: str,
        clues: dict[int, Clue],
        memory: ArticleMemory,
        *,
        all_actors: bool = False,
    ) -> Actor | tuple[Actor, ...] | None:
        """The actor described by ``tokens`` (or, with ``all_actors``, the tuple of
        actors for conjoined countries), remembered for later mentions. ``span`` is
        the mention's (start_char, end_char, text); None for ``mention_range(head)``,
        read only when the phrase does describe an actor. ``short`` is the text of the
        phrase without its leading determiners (the name when nothing better is known)."""
        earlier = _acronym_of_earlier(view, head, memory) or _surname_of_earlier(
            view, ids, head, tokens, memory
        )
        if earlier is not None:  # "The FSA" after its name; "Bishop" after "Julie Bishop"
            span = span or view.char_range(*mention_range(view, ids.phrase, head))
            return relocate(earlier, span)
        roles, knowns, ethnic, covered = _phrase_clues(view, ids, head, tokens, clues)
        roles, covered, surname = _surname_not_role(view, ids, head, tokens, roles, covered, memory)
        knowns = _institutions_in_context(view, tokens, head, knowns, roles, clues)
        names_of = self.names
        organisation = names_of.organisation_clues(
            view, head, tokens, short, roles, knowns, covered
        )
        if organisation is not None:
            first, last = phrase_range(view, ids.phrase, head, tokens)
            short = organisation_name(view, names_of.word_ids(view), head, first, last)
        if organisation is not None or (not knowns and any(c.start <= head < c.end for c in roles)):
            roles, knowns, short = self._owned_by(
                view, ids, head, clues, memory, (roles, knowns, short), covered, organisation
            )
        if not knowns and (roles or ethnic or view.lower[head] in ids.group_nouns):
            knowns = self._borrowed_country(view, ids, head, clues, memory)
        naming = names_of.name_words(
            view, ids, head, tokens, covered, roles, knowns, organisation, short, memory
        )
        if naming is None:
            return None
        names, words, name, knowns = naming
        if not name and not (roles or knowns or ethnic):
            return None
        defined = memory.abbreviations.get(name) if name and not knowns else None
        if defined is not None:  # "BA" after "British Airways (BA)": no person to recall
            span = span or view.char_range(*mention_range(view, ids.phrase, head))
            return relocate(defined, span)
        remembered = recall(name, roles, memory) if not knowns else None
        if (
            remembered is None
            and words
            and not (knowns or roles or ethnic or surname)
            and names_of.common_word(view, ids, names)
        ):
            return None
        if span is None:
            span = view.char_range(*mention_range(view, ids.phrase, head))
        if remembered is not None:
            memory.remember(remembered, names=[], titles=[c.text for c in roles], person=True)
            return relocate(remembered, span)
        if name and not knowns:
            knowns, name = names_of.named(view, ids, names, words, name, memory, head)
        body = member_body(roles, knowns, lambda i: view.lower[i] in ids.member_nouns)
        actor = compose_actor(
            head, span, short, name, roles, knowns, ethnic, person=bool(words), body=body
        )
        lent = _without_borrowed_sector(view, ids, head, actor, knowns, roles, short, clues)
        if lent is None or (
            lent.country is None and lent.sector is None and not name and not ethnic
        ):
            return None
        actor = lent
        if (
            knowns
            and knowns[0].kind == "capital"
            and capital_alone(head, knowns[0], span[2])  # not "the Washington Post"
            and view.dep[head] in ids.subject_or_owner
        ):
            memory.metonyms.add((knowns[0].start, knowns[0].end))

        partners = _conjoined_clues(view.doc, knowns) if len(knowns) > 1 else []
        if all_actors and partners and not name:
            # one actor per conjoined country: "Senior Hungarian and Romanian officials"
            return tuple(
                compose_actor(head, span, short, name, roles, [clue], ethnic, body=body)
                for clue in [knowns[0], *partners]
            )
        titles = [c.text for c in roles] if name else []
        # a name the model takes for a place or an organisation ("California", "Toronto",
        # "Liverpool said it ..."), or one nothing identifies after "in", "at", "near" (a
        # town the model took for a person), is no one a later "he" or "she" stands for
        person = (
            bool(words)
            and view.ent_type[head] not in ids.group_ents
            and not (actor.code is None and _placed(view, ids, head))
        )
        short_form = defined_abbreviation(view, head, span[2])
        if short_form:
            memory.abbreviations[short_form] = actor  # "British Airways (BA)": "BA" is the airline
        elif not person and actor.code:
            skipped = self.names.words.initials_skipped
            for letters in _initials(view, head, clues, skipped):  # "Financial Services Agency"
                memory.abbreviations.setdefault(letters, actor)
        memory.remember(
            actor,
            names=_name_keys(words),
            titles=titles,
            person=person,
            placed=_placed(view, ids, head),
        )
        return actor

    def _owned_by(
        self,
        view: DocView,
        ids: TaggerIds,
        head: int,
        clues: dict[int, Clue],
        memory: ArticleMemory,
        described: tuple[list[Clue], list[Clue], str],
        covered: set[int],
        organisation: Clue | None,
    ) -> tuple[list[Clue], list[Clue], str]:
        """(roles, knowns, short) of an organisation or role a named person owns: "Prime
        Minister Albin Kurti's government" is the government of his country, so named;
        "Putin's spokesman" and "Biden administration officials" are of the owner's
        country, named as written. ``covered`` gains the owner's tokens."""
        roles, knowns, short = described
        owned = self.names.owned(view, ids, head, clues, memory)
        if owned is None:
            return described
        owner_tokens, owner_clue, name = owned
        if organisation is None and owner_clue is None:
            return described
        covered.update(owner_tokens)
        roles = [c for c in roles if c.start not in owner_tokens]
        if owner_clue is not None:
            knowns = [owner_clue]
        else:
            knowns = [c for c in knowns if c.start not in owner_tokens]
        return roles, knowns, name if organisation is not None else short

    def _borrowed_country(
        self,
        view: DocView,
        ids: TaggerIds,
        head: int,
        clues: dict[int, Clue],
        memory: ArticleMemory,
    ) -> list[Clue]:
        """Country evidence from outside the name: a possessive pronoun ("their forces"),
        the places the group is in or from ("opposition groups in Zimbabwe", one clue per
        conjoined place: "lawmakers in Arnor and Gondor"), or what its conjoined noun
        shares with it ("Danish media and government"; "lawmakers and officials in
        Arnor")."""
        phrase = ids.phrase
        for child in view.children[head]:
            if view.dep[child] == phrase.poss and is_pronoun_at(view, phrase, child):
                actor = self._pronoun(view, ids, child, memory)
                if actor is not None and actor.country:
                    text = view.token_text(child)
                    known = KnownActor(
                        actor.name, actor.country, None, "country", f"'{text}' = {actor.name}"
                    )
                    return [Clue(child, child + 1, "country", text, known=known)]
        found = _place_clues(view, phrase, head, clues)
        if found:
            return found
        first = head
        while view.dep[first] == phrase.conj and view.head[first] != first:
            first = view.head[first]
        apart = any(view.lower[c] in ids.other_words for c in view.children[head])
        if first != head and not apart:
            # "Danish media and government": the first noun's country; none for "other"
            # ones ("the United States and other governments")
            shared = [
                clues[i]
                for i in modifier_indexes(view, phrase, first)
                if i < first and _country_clue(clues.get(i))
            ]
            if shared:
                return shared[:1]
        for other in (first, *conjuncts(view, phrase, first)):  # "lawmakers and officials in Arnor"
            if other != head:
                found = _place_clues(view, phrase, other, clues)
                if found:
                    return found
        return []

    def _pronoun(
        self, view: DocView, ids: TaggerIds, head: int, memory: ArticleMemory
    ) -> Actor | None:
        """The actor the pronoun at ``head`` stands for. A subject pronoun never stands
        for an actor its own clause names ("He hailed President Buhari", "He said Buhari
        would win": Principle C of binding theory); then the other person in mind, if
        any, else no one. Persons only: a group's name shares words with others ("the
        US" in "the US Justice Department")."""
        actor = self._antecedent(view, ids, head, memory)
        if (
            actor is None
            or view.dep[head] not in ids.subjects
            or view.lower[head] not in ids.phrase.person_pronouns
        ):
            return actor
        clause = view.subtree(view.head[head]) - view.subtree(head)
        if not _named_in(view, ids.propn, clause, actor):
            return actor
        others = (memory.subject_person, memory.last_person)
        return next(
            (
                a
                for a in others
                if a is not None and a != actor and not _named_in(view, ids.propn, clause, a)
            ),
            None,
        )

    def _antecedent(
        self, view: DocView, ids: TaggerIds, head: int, memory: ArticleMemory
    ) -> Actor | None:
        """The actor the pronoun at ``head`` refers back to."""
        wants_person = view.lower[head] in ids.phrase.person_pronouns
        dep, heads = view.dep, view.head
        governor = heads[head]
        # a plural pronoun is no place named as where someone is ("lived in Moscow")
        plural = view.lower[head] in ids.phrase.plural_pronouns
        group = memory.last_unplaced_group if plural else memory.last_group

        def subject_of(verb: int, not_this: int) -> Actor | None:
            for child in view.children[verb]:
                if dep[child] in ids.subjects and child < head and child != not_this:
                    actor = _memory_subject(view.idx[child], child, memory, wants_person, group)
                    if actor is not None and wants_person == _is_person(actor, memory):
                        return actor
            return None

        if dep[governor] == ids.relative_clause and heads[heads[governor]] != heads[governor]:
            # "the workers whom they kidnapped": "they" are not the workers (a pronoun
            # in a relative clause never stands for the noun the clause describes); the
            # subject of the verb the noun depends on is ("the rebels will free ...")
            noun = heads[governor]
            governor = heads[noun]
            for _ in range(4):  # "will release X and 30 members of his government, whom"
                if view.pos[governor] in ids.verbs or heads[governor] == governor:
                    break
                governor = heads[governor]
            actor = subject_of(governor, noun)
            if actor is not None:
                return actor
        # Reported speech: "Vucic said he ..." -> the speaker of the governing verb.
        for speaker_verb in _reported_under(view, ids, governor):
            actor = subject_of(speaker_verb, -1)
            if actor is not None:
                return actor
        if not wants_person:
            return group
        if (
            dep[head] in ids.subjects
            and memory.subject_person is not None
            and memory.sentence - memory.subject_sentence <= 1
        ):
            return memory.subject_person
        return memory.last_person

    def _both_sides(
        self, view: DocView, ids: TaggerIds, head: int, memory: ArticleMemory
    ) -> tuple[Actor, ...]:
        # "the two sides" are the last two countries of earlier sentences, not the
        # speaker of this one ("Russia urged both sides ...")
        countries = memory.countries_before_sentence
        if len(countries) < 2:
            return ()
        start, end, text = view.char_range(*mention_range(view, ids.phrase, head))
        return tuple(
            Actor(
                text=text,
                start=start,
                end=end,
                name=self.knowledge.country_name(code),
                country=code,
                sector=None,
                code=code,
                evidence=f"'{text}' = the two countries named earlier",
            )
            for code in countries[-2:]
        )


def _named_in(view: DocView, propn: int, tokens: set[int], actor: Actor) -> bool:
    """A proper noun among ``tokens`` is a word of the actor's name or of its mention."""
    words = {w for w in f"{actor.name} {actor.text}".split() if len(w) > 1 and w[0].isupper()}
    return any(view.pos[i] == propn and view.token_text(i) in words for i in tokens)


def _a_surname(view: DocView, ids: TaggerIds, clue: Clue, covered: set[int]) -> bool:
    """A capitalised title word that ends a person's name after a given name no table
    knows is the surname ("Stephen King", "Martin Luther King Jr.", "Jaime King"); a title
    comes before the name it goes with ("King Abdullah", "Serbian President Vucic")."""
    before, after, pos = clue.start - 1, clue.end, view.pos
    if before < 0 or before in covered or not view.token_text(clue.start)[:1].isupper():
        return False
    if pos[before] != ids.propn or view.ent_type[before] != ids.person:
        return False
    n = len(pos)
    while after < n and view.token_text(after).rstrip(".") in _NAME_SUFFIXES:
        after += 1  # "Jr."
    return after >= n or pos[after] != ids.propn


_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


def _country_clue(clue: Clue | None) -> bool:
    return clue is not None and clue.known is not None and bool(clue.known.country)


def _place_clues(view: DocView, phrase: PhraseIds, head: int, clues: dict[int, Clue]) -> list[Clue]:
    """Country clues of the places the head is in or from, one per place."""
    found: list[Clue] = []
    for place in locative_indexes(view, phrase, head):
        clue = next(
            (
                clues[i]
                for i in modifier_indexes(view, phrase, place)
                if _country_clue(clues.get(i))
            ),
            None,
        )
        if clue is not None and clue not in found:
            found.append(clue)
    return found


def _conjoined_clues(doc: Doc, knowns: list[Clue]) -> list[Clue]:
    """Known clues conjoined with the best one and naming another country."""
    best = knowns[0]
    if len(knowns) < 2 or best.known is None:
        return []
    family = {t.i for i in range(best.start, best.end) for t in (doc[i], *doc[i].conjuncts)}
    partners = []
    countries = {best.known.country}
    for clue in knowns[1:]:
        country = clue.known.country if clue.known else None
        if country and country not in countries and family & set(range(clue.start, clue.end)):
            partners.append(clue)
            countries.add(country)
    return partners


def _without_borrowed_sector(
    view: DocView,
    ids: TaggerIds,
    head: int,
    actor: Actor,
    knowns: list[Clue],
    roles: list[Clue],
    short: str,
    clues: dict[int, Clue],
) -> Actor | None:
    """The actor without a sector its words lend but it does not have: people against a
    body ("Kremlin critics", "government opponents") are of its country, not the body; a
    capital in a phrase of place ("marched in Moscow") is the city, not the government.
    A noun of a relation is what :func:`_related` says ("US ally Israel" is Israel)."""
    if view.lower[head] in ids.relation_nouns:
        return _related(view, ids, head, actor, clues)
    if view.lower[head] in ids.opposing_nouns and actor.sector is not None:
        return replace(actor, name=short or actor.name, sector=None, code=actor.country)
    if knowns and knowns[0].kind == "capital" and not roles and _placed(view, ids, head):
        return replace(actor, sector=None, code=actor.country)
    return actor


def _same_code(theirs: str | None, ours: str | None) -> bool:
    """A user's code says no more than the built-in meaning: none, a bare country code
    ("ITH"), or the same code."""
    return theirs is None or len(theirs) <= 3 or theirs == ours


def _related(
    view: DocView, ids: TaggerIds, head: int, actor: Actor, clues: dict[int, Clue]
) -> Actor | None:
    """A noun of a relation ("ally", "rival") is the state named in apposition to it
    ("its NATO ally Turkey"); otherwise a state its words name is the other side ("US
    allies" are not the US): no actor. An organisation named before it codes it ("NATO
    allies")."""
    for child in view.children[head]:
        clue = clues.get(child)
        if view.dep[child] == ids.appos and clue is not None and _country_clue(clue):
            known = clue.known
            assert known is not None  # _country_clue
            return replace(
                actor,
                name=known.name,
                country=known.country,
                sector=known.sector,
                code=f"{known.country}{known.sector or ''}",
                evidence=f"{actor.evidence}; '{clue.text}' in apposition names it",
            )
    return None if actor.country and actor.country not in NONSTATE else actor


def _speakers(
    view: DocView, ids: TaggerIds, pronoun: int, by_head: dict[int, tuple[Actor, ...]]
) -> tuple[Actor, ...]:
    """Whom a first-person pronoun stands for: the subject of the verb its clause is
    reported under, before or after it ('"We condemn the attack," the minister said';
    "I thank her," said Rubio), or no one."""
    for governor in _reported_under(view, ids, view.head[pronoun]):
        for child in view.children[governor]:
            if view.dep[child] in ids.subjects and by_head.get(child):
                return by_head[child]
    return ()


def _reported_under(view: DocView, ids: TaggerIds, clause: int) -> Iterator[int]:
    """The verbs the clause headed by ``clause`` is reported under, nearest first
    ("Vucic said he would ...": "said")."""
    dep, heads = view.dep, view.head
    while dep[clause] in ids.reported and heads[clause] != clause:
        clause = heads[clause]
        yield clause


def _with_named_slots(view: DocView, ids: TaggerIds, flags: list[bool]) -> list[bool]:
    """The head candidates, and the capitalised words the tagger took for a verb or an
    adjective where a name stands: a subject or object ("Trump on April 5 threatened":
    "trump" is also a verb), which :meth:`ActorTagger._taken_for_a_word` may resolve."""
    slots = ids.named_slots
    nominal = ids.phrase.nominal
    return [
        flag or (view.is_title[i] and view.dep[i] in slots and view.pos[i] not in nominal)
        for i, flag in enumerate(flags)
    ]


def _is_person(actor: Actor, memory: ArticleMemory) -> bool:
    return actor.name in memory.persons


def _memory_subject(
    char: int, subject: int, memory: ArticleMemory, wants_person: bool, group: Actor | None
) -> Actor | None:
    """The actor already resolved for the token ``subject`` (resolution runs left to
    right), which starts at character ``char``; else the last person, or ``group``."""
    if memory.resolved.get(subject):
        return memory.resolved[subject][0]
    for actor in list(memory.by_name.values())[::-1]:
        if actor.start <= char < actor.end:
            return actor
    return memory.last_person if wants_person else group


def _name_keys(words: list[str]) -> list[str]:
    """What later mentions may call a person named by ``words``: the full name, the last word."""
    if not words:
        return []
    full = " ".join(words)
    return [full, words[-1]] if len(words) > 1 else [full]


STATE_KINDS = frozenset({"country", "partial", "capital", "demonym"})


def _another_states_body(knowns: list[Clue], head: int) -> Clue | None:
    """The first known clue when it is a one-word institution name heading the phrase
    ("Congress") and a modifier before it names another state ("Philippine",
    "Colombia's"); else None."""
    top = knowns[0]
    if top.kind != "institution" or top.start != head or top.end != head + 1:
        return None
    if top.known is None:
        return None
    country, sector = top.known.country, top.known.sector
    for clue in knowns[1:]:
        other = clue.known.country if clue.known is not None else None
        if clue.kind in STATE_KINDS and clue.end <= top.start and other not in (None, country):
            return top if sector else None
    return None


def _inside_another_name(
    view: DocView, tokens: list[int], head: int, clue: Clue, clues: dict[int, Clue]
) -> bool:
    """``clue`` is a one-word institution name heading the phrase ("Congress") right
    after a capitalised word of it that no table knows ("National", "Africanist")."""
    if clue.kind != "institution" or clue.start != head or clue.end != head + 1:
        return False
    before = clue.start - 1
    return (
        before in tokens
        and before not in clues
        and view.token_text(before)[:1].isupper()
        and view.doc[before].pos_ in NAME_WORD_POS  # not "The Congress"
    )


NAME_WORD_POS = frozenset({"PROPN", "ADJ", "NOUN"})


def _institutions_in_context(
    view: DocView,
    tokens: list[int],
    head: int,
    knowns: list[Clue],
    roles: list[Clue],
    clues: dict[int, Clue],
) -> list[Clue]:
    """The known clues of a phrase once a one-word institution name heading it is read
    in its context: the end of another organisation's name ("the African National
    Congress") is not the institution; said of another state ("the Philippine Congress",
    "Colombia's Congress") it is that state's body of the same sector (added to
    ``roles``)."""
    if knowns and _inside_another_name(view, tokens, head, knowns[0], clues):
        return knowns[1:]
    body = _another_states_body(knowns, head) if len(knowns) > 1 else None
    if body is not None and body.known is not None:
        roles.append(Clue(body.start, body.end, "role", body.text, None, body.known.sector))
        return [c for c in knowns if c is not body]
    return knowns


# kinds of known actor that name a state itself (not its capital or demonym)
_STATE_NAME_KINDS = frozenset({"country", "partial"})


def _phrase_clues(
    view: DocView, ids: TaggerIds, head: int, tokens: list[int], clues: dict[int, Clue]
) -> tuple[list[Clue], list[Clue], list[Clue], set[int]]:
    """The clues of the phrase's ``tokens``, sorted out: the roles that describe its head,
    the known actors (best kind first, then nearest the head), the ethnic groups, and the
    tokens any clue covers."""
    phrase_clues: list[Clue] = []
    for i in tokens:
        clue = clues.get(i)
        if clue is not None and clue not in phrase_clues:
            phrase_clues.append(clue)
    roles: list[Clue] = []
    knowns: list[Clue] = []
    ethnic: list[Clue] = []
    covered: set[int] = set()
    for clue in phrase_clues:
        kind = clue.kind
        if kind == "role" and role_describes_head(view, ids, clue, head):
            roles.append(clue)
        if clue.known is not None:
            knowns.append(clue)
        if kind == "ethnic":
            ethnic.append(clue)
        covered.update(range(clue.start, clue.end))
    if len(knowns) > 1:
        # a phrase whose head is a country's name is that country, whatever body its
        # modifiers name ("NATO-member Norway", "EU member Croatia", "US ally Israel")
        knowns.sort(
            key=lambda c: (
                not (c.kind in _STATE_NAME_KINDS and c.start <= head < c.end),
                KIND_RANK.get(c.kind, 5),
                abs(head - c.end),
            )
        )
    return roles, knowns, ethnic, covered


def defined_abbreviation(view: DocView, head: int, text: str) -> str | None:
    """The abbreviation a name defines in brackets right after it ("British Airways
    (BA)", "the National Bureau of Investigation (NBI)"): capital letters whose first is
    the name's first capital and whose others follow in the name's capitals in order (the
    abbreviation-definition rule of Schwartz and Hearst, on capitals); else None."""
    if (
        head + 3 >= len(view.idx)
        or view.token_text(head + 1) != "("
        or view.token_text(head + 3) != ")"
    ):
        return None
    short = view.token_text(head + 2)
    letters = short.replace("&", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
        return None
    words = text.split("(")[0].replace("-", " ").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    capitals = [w[0] for w in words if w[:1].isupper()]
    if not capitals or capitals[0] != letters[0]:
        return None
    rest = iter(capitals[1:])
    return short if all(letter in rest for letter in letters[1:]) else None


def _placed(view: DocView, ids: TaggerIds, head: int) -> bool:
    """The phrase is the object of a preposition of place ("in Ciudad Juarez")."""
    return (
        view.dep[head] == ids.phrase.pobj and view.lower[view.head[head]] in ids.place_prepositions
    )


def _note_subject(
    view: DocView, ids: TaggerIds, head: int, actor: Actor, memory: ArticleMemory
) -> None:
    """Remember ``actor`` as the last main-clause subject person when the phrase at
    ``head`` is the subject of its sentence's root verb and names a person (a name just
    remembered as one, or a personal pronoun)."""
    verb = view.head[head]
    if view.dep[head] not in ids.subjects or view.head[verb] != verb:
        return
    if actor is memory.last_person or view.lower[head] in ids.phrase.person_pronouns:
        memory.subject_person = actor
        memory.subject_sentence = memory.sentence


def _initials(
    view: DocView, head: int, clues: dict[int, Clue], skipped: frozenset[str]
) -> list[str]:
    """The initials of the name around the phrase's head, when it has three capitalised
    words or more ("Financial Services Agency": FSA, "National Bureau of Investigation":
    NBI), with and without a country word that opens it ("Japanese ...")."""
    text = view.token_text
    if not text(head)[:1].isupper():
        return []  # "the scanner of ...": the head is no name
    first = head
    while first > 0 and text(first - 1)[:1].isupper() and text(first - 1).lower() != "the":
        first -= 1
    last = head  # the name goes on after "of"
    while last + 2 < len(view) and text(last + 1) == "of" and text(last + 2)[:1].isupper():
        last += 2
        while last + 1 < len(view) and text(last + 1)[:1].isupper():
            last += 1
    words = [
        i
        for i in range(first, last + 1)
        if text(i)[:1].isupper() and text(i).lower() not in skipped
    ]
    letters = "".join(text(i)[0] for i in words)
    if words and _country_clue(clues.get(words[0])):
        return [x for x in (letters, letters[1:]) if len(x) >= 3]
    return [letters] if len(letters) >= 3 else []


def _surname_of_earlier(
    view: DocView, ids: TaggerIds, head: int, tokens: list[int], memory: ArticleMemory
) -> Actor | None:
    """The person an earlier mention named in full when a capitalised word alone is
    their surname, though it is also a role word ("Jaime King ... King said", "Julie
    Bishop ... Bishop added")."""
    if not _bare_name(view, ids, head, tokens):
        return None
    key = view.token_text(head).lower()
    earlier = memory.by_name.get(key)
    if earlier is None or earlier.name not in memory.persons or " " not in earlier.name:
        return None
    if earlier.name.lower().split()[-1] != key:
        return None
    memory.remember(earlier, names=[], titles=[], person=True)  # the last person named
    return earlier


def _surname_not_role(
    view: DocView,
    ids: TaggerIds,
    head: int,
    tokens: list[int],
    roles: list[Clue],
    covered: set[int],
    memory: ArticleMemory,
) -> tuple[list[Clue], set[int], bool]:
    """The role clues without those that are a person's surname, the covered words
    without them, and whether one was dropped. A surname is a word the model labels the
    end of a full name somewhere in the article (``memory.person_names``), standing
    alone ("Jaime King ... King said": her name, not a king) or after the same first
    name ("Actress Jaime King's son", where the model labelled nothing)."""
    names = memory.person_names
    if not roles or not names:
        return roles, covered, False
    bare = _bare_name(view, ids, head, tokens)
    kept = [
        c
        for c in roles
        if c.end - c.start != 1
        or not (
            (c.start == head and bare and any(last == c.text for _, last in names))
            or (c.start > 0 and (view.token_text(c.start - 1), c.text) in names)
        )
    ]
    surnames = {c.start for c in roles if c not in kept}
    return kept, covered - surnames, bool(surnames)


def _person_names(view: DocView, ids: TaggerIds) -> frozenset[tuple[str, str]]:
    """(last but one, last word) of each full name the model labels a person anywhere in
    the article ("Jaime King": ("Jaime", "King")), read once per article."""
    found = set()
    for start, end, label in view.entities():
        while end > start and view.token_text(end - 1) in _POSSESSIVE_MARKS:
            end -= 1  # "Jaime King's"
        if label == ids.person and end - start > 1:
            found.add((view.token_text(end - 2), view.token_text(end - 1)))
    return frozenset(found)


def _bare_name(view: DocView, ids: TaggerIds, head: int, tokens: list[int]) -> bool:
    """A capitalised word standing alone as a name: no title or first name before it
    ("King Abdullah", "Dr King"), no article and no "of" phrase ("the Bishop of London"
    is a bishop)."""
    if view.pos[head] != ids.propn or not view.token_text(head)[:1].isupper():
        return False
    if any(i < head and view.token_text(i)[:1].isupper() for i in tokens):
        return False
    return not any(
        view.dep[c] == ids.det or (view.dep[c] == ids.phrase.prep and view.lower[c] == ids.of)
        for c in view.children[head]
    )


_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def _acronym_of_earlier(view: DocView, head: int, memory: ArticleMemory) -> Actor | None:
    """The actor an acronym stands for in this article: one it defined in brackets, or
    a name named before whose initials it is."""
    text = view.token_text(head)
    if not (3 <= len(text) <= 6 and text.isalpha() and text.isupper()):
        return None
    return memory.abbreviations.get(text)
