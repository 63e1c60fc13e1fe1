"""What a phrase's words say about whom it names: a person's name, an organisation's.

Used by :class:`~eventscribe.actors.tagger.ActorTagger` for each phrase it resolves:
which words are a person's name (not "Health" in "the Health Minister"), what the
registry or a misspelt country name says about a name no table holds, which head nouns
type an organisation the tables lack ("the Caribbean Fisheries Council"), and whose
institution a possessive names ("Prime Minister Albin Kurti's government").
"""

from __future__ import annotations

from eventscribe.actors.heads import TaggerIds, is_name
from eventscribe.actors.knowledge import ActorKnowledge, KnownActor
from eventscribe.actors.memory import ArticleMemory, Clue
from eventscribe.actors.naming import WordIds, organisation_sector, region_body
from eventscribe.actors.phrases import modifier_indexes, phrase_range
from eventscribe.actors.registry import ActorRegistry
from eventscribe.actors.spelling import CountrySpelling
from eventscribe.actors.words import ActorWords
from eventscribe.nlp.view import DocView
from eventscribe.records import Actor


class NameReader:
    """Reads names with the actor tables, the registry and the words.yaml lists."""

    def __init__(
        self,
        knowledge: ActorKnowledge,
        registry: ActorRegistry,
        words: ActorWords,
        ordinary_words: frozenset[str] | None,
    ) -> None:
        """``ordinary_words`` are the English words a misspelt country name must not be;
        without them (None) no spelling is corrected."""
        self.knowledge = knowledge
        self.registry = registry
        self.words = words
        self.ordinary = ordinary_words or frozenset()
        self.spelling = (
            None if ordinary_words is None else CountrySpelling(knowledge, ordinary_words)
        )
        self._word_ids: WordIds | None = None

    def word_ids(self, view: DocView) -> WordIds:
        """The ids of the words.yaml lists in the document's vocabulary."""
        if self._word_ids is None or self._word_ids.vocab is not view.doc.vocab:
            self._word_ids = WordIds(view, self.words)
        return self._word_ids

    def name_words(
        self,
        view: DocView,
        ids: TaggerIds,
        head: int,
        tokens: list[int],
        covered: set[int],
        roles: list[Clue],
        knowns: list[Clue],
        organisation: Clue | None,
        short: str,
        memory: ArticleMemory,
    ) -> tuple[list[int], list[str], str, list[Clue]] | None:
        """(name tokens, their words, the name, knowns) of the phrase; the name is a
        person's when there are name words. None when the phrase names no one."""
        wids = self.word_ids(view)
        names = [
            i
            for i in tokens
            if i not in covered
            and is_name(view, ids, i, head)
            and (i == head or not wids.is_generic(view, i))
            and not wids.in_no_name(view, i)
        ]  # portfolio and institution words are no part of a person's name ("the Health Minister")
        if not names:
            return [], [], "", knowns
        if names == [head] and view.lower[head] in wids.institution:
            if roles or knowns:
                return [], [], "", knowns  # "the President's Office"
            # "Kansas City" is a name; "Industry" alone is not
            return ([], [], short, knowns) if longer_name(view, ids, head, tokens, roles) else None
        words = [view.token_text(i) for i in names]
        is_lower, pos, particles = view.is_lower, view.pos, self.words.name_particles
        name = " ".join(
            w if not is_lower[i] or w in particles or pos[i] not in ids.nominal_name else w.title()
            for i, w in zip(names, words)
        )
        if organisation is not None and not knowns:
            # "the Trump administration" borrows the person's country; "the National
            # Democratic Party" is the name of the organisation, not of a person
            knowns, name = self.named(view, ids, names, words, name, memory)
            return (names, words, name, knowns) if knowns else ([], [], "", knowns)
        if names == [head] and longer_name(view, ids, head, tokens, roles):
            return (
                [],
                [],
                short,
                knowns,
            )  # "the Emergency Medical Service": the head alone is no name
        return names, words, name, knowns

    def named(
        self,
        view: DocView,
        ids: TaggerIds,
        names: list[int],
        words: list[str],
        name: str,
        memory: ArticleMemory,
        head: int | None = None,
    ) -> tuple[list[Clue], str]:
        """Evidence for a name no table holds: the registry (the full name, the name
        without its dynasty part, the surname), else a misspelt country name. With no
        person's name tokens (``names``), the registry by the whole name, on ``head``."""
        on = memory.published
        if not names:
            # an organisation's name ("the Harbour Guild"): the registry by the whole
            # name only, pinned on its head
            answer = self.registry.lookup(name, on) if name and head is not None else None
            if answer is None or head is None:
                return [], name
            names = [head]
        else:
            answer = self.registry.lookup(name, on)
        if answer is None and len(names) > 1 and not _hyphen_before(view, names[-1]):
            dynasty = next(
                (
                    k
                    for k, w in enumerate(words)
                    if k >= 2 and w.lower() in self.words.dynasty_particles
                ),
                0,
            )
            answer = (self.registry.lookup(" ".join(words[:dynasty]), on) if dynasty else None) or (
                self.registry.lookup(words[-1], on)
            )
        if answer is not None and self._title_missing(view, names, answer.name):
            answer = None  # "her son Leo" is no Pope Leo
        if answer is not None:
            known = KnownActor(
                answer.name, answer.country, answer.sector, "registry", answer.evidence, answer.code
            )
            name = answer.name if len(answer.name) >= len(name) else name
            return [Clue(names[0], names[-1] + 1, "registry", name, known=known)], name
        if self.spelling is not None and len(names) == 1 and view.ent_type[names[0]] != ids.person:
            country = self.spelling.correct(words[0])
            if country is not None:
                return [Clue(names[0], names[0] + 1, "spelling", words[0], known=country)], ""
        return [], name

    def _title_missing(self, view: DocView, names: list[int], found: str) -> bool:
        """A one-word name found as a registry person whose name begins with a regnal
        title ("Pope Leo XIV"), without that title right before it in the text."""
        title = found.split()[0].lower()
        if len(names) != 1 or title not in self.words.regnal_titles:
            return False
        before = names[0] - 1
        return before < 0 or view.token_text(before).lower() != title

    def common_word(self, view: DocView, ids: TaggerIds, names: list[int]) -> bool:
        """A capitalised common noun alone ("Design", "Children" in a heading) that no
        earlier mention introduced and no table or registry knows: no one's name."""
        if len(names) != 1:
            return False
        i = names[0]
        return (
            view.pos[i] == ids.noun
            and view.ent_type[i] != ids.person
            and view.string(view.lower[i]) in self.ordinary
            and self.registry.lookup(view.token_text(i), None) is None
        )

    def organisation_clues(
        self,
        view: DocView,
        head: int,
        tokens: list[int],
        short: str,
        roles: list[Clue],
        knowns: list[Clue],
        covered: set[int],
    ) -> Clue | None:
        """When the head types an organisation ("Council", "Party"): its role clue (from
        roles.csv, else from words.yaml, which ``roles`` gains), with a region making
        the body an IGO (added to ``knowns``). None for other heads."""
        wids = self.word_ids(view)
        if view.lower[head] not in wids.organisation:
            return None
        own = next((c for c in roles if c.start <= head < c.end), None)
        if own is None:
            if any(c.start <= head < c.end for c in knowns):
                return None  # a known organisation ("the African Union")
            sector = organisation_sector(view, wids, head)
            if not view.is_title[head] or roles:
                # "the prime minister's office" names no organisation; in "the Metro
                # Police Department" the role word says more than the head
                return None
            own = Clue(head, head + 1, "role", view.token_text(head), sector=sector)
            roles.append(own)
            covered.add(head)
        if not any(c.known is not None and c.known.country for c in knowns):
            body = region_body(view, wids, head, tokens, short)
            if body is not None:
                knowns.insert(0, body)
                covered.update(range(body.start, body.end))
        return own

    def owned(
        self,
        view: DocView,
        ids: TaggerIds,
        head: int,
        clues: dict[int, Clue],
        memory: ArticleMemory,
    ) -> tuple[set[int], Clue | None, str] | None:
        """For an institution owned by a named person ("Kurti's government", "the Kurti
        government", ``leader_bodies``): the owner's tokens, a clue for the owner's
        country (None if unknown) and the institution's name ("government of Kosovo").
        None when the owner is no person's name."""
        phrase = ids.phrase
        owner = self._owner(view, ids, head)
        if owner is None or view.pos[owner] != ids.propn or (owner in clues and clues[owner].known):
            return None
        tokens = modifier_indexes(view, phrase, owner)
        names = [i for i in tokens if view.pos[i] == ids.propn and i not in clues]
        words = [view.token_text(i) for i in names]
        name = " ".join(words)
        first = phrase_range(view, phrase, owner, tokens)[0]
        # the person as introduced earlier ("Prime Minister Albin Kurti of Kosovo"), else the registry
        person = recall(name, [], memory) if name else None
        if person is not None:
            code = person.country
        else:
            found = self.named(view, ids, names, words, name, memory)[0] if name else []
            code = found[0].known.country if found and found[0].known else None
        if not code or code not in self.knowledge.country_codes:
            return set(tokens), None, view.span_text(first, head + 1)
        country = self.knowledge.country_name(code)
        known = KnownActor(country, code, None, "country", f"'{name}' is of {country}")
        clue = Clue(owner, owner + 1, "country", name, known=known)
        return set(tokens), clue, f"{view.token_text(head).lower()} of {country}"

    def _owner(self, view: DocView, ids: TaggerIds, head: int) -> int | None:
        """The name that owns the head: its possessive ("Kurti's government", "Putin's
        spokesman"), the leader's name before a body of ``leader_bodies`` ("the Kurti
        government"), or before such a body the head's words name ("Biden
        administration officials")."""
        wids = self.word_ids(view)
        before = [c for c in view.children[head] if c < head]
        owner = next((c for c in before if view.dep[c] == ids.phrase.poss), None)
        if owner is not None:
            return owner
        compounds = [c for c in before if view.dep[c] == wids.compound]
        if view.lower[head] in wids.leader_bodies:
            return compounds[0] if compounds else None
        body = next((c for c in compounds if view.lower[c] in wids.leader_bodies), None)
        if body is None:
            return None
        # the parser hangs the name on the body or, beside it, on the head
        return next(
            (
                c
                for c in (*view.children[body], *compounds)
                if c < body and view.dep[c] == wids.compound
            ),
            None,
        )


def recall(name: str, roles: list[Clue], memory: ArticleMemory) -> Actor | None:
    """The person or office holder an earlier mention introduced by this name or title."""
    if name:
        for key in (name.lower(), name.split()[-1].lower()):
            if key in memory.by_name:
                return memory.by_name[key]
        return None
    for role in roles:
        if role.text.lower() in memory.by_title:
            return memory.by_title[role.text.lower()]
    return None


def longer_name(
    view: DocView, ids: TaggerIds, head: int, tokens: list[int], roles: list[Clue]
) -> bool:
    """Whether capitalised words that are no person's name stand in the head's phrase
    ("Kansas City", "the Chamber of Commerce"): then the phrase, not the head, is the name."""
    if len(tokens) == 1 and tokens[0] == head:
        return False  # the head alone (most phrases asked)
    in_roles = {i for clue in roles for i in range(clue.start, clue.end)}
    return any(
        i != head
        and i not in in_roles
        and (view.is_title[i] or view.pos[i] == ids.propn)
        and view.dep[i] not in ids.not_names
        and not view.is_punct[i]
        for i in tokens
    )


def _hyphen_before(view: DocView, i: int) -> bool:
    """Token ``i`` ends a hyphenated name ("Mazar-i-Sharif"): it is no surname of its own."""
    return i > 0 and view.token_text(i - 1) == "-" and view.idx[i - 1] + 1 == view.idx[i]
