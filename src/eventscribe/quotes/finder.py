"""Finding direct and reported quotes and their speakers in a parsed article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress
from typing import Any

from spacy.tokens import Doc, Token

from eventscribe.actors.tagger import ActorIndex
from eventscribe.coding.tree import Tree
from eventscribe.records import Actor, Event, actor_to_contract

QUOTE_MARKS = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]")
OPENING = {"\u201c", "\u00ab"}
CLOSING = {"\u201d", "\u00bb"}
# A direct quote must be at least this long to be a statement, not a scare quote ("Enough").
MIN_DIRECT_WORDS = 4
# Speech verbs looked for on either side of a direct quote, in tokens (a news sentence
# is far shorter; a text that parses as one sentence is not scanned whole per quote).
ATTRIBUTION_WINDOW = 200
# A reported statement longer than this is not a statement but a parse of run-on text;
# nested ones ("A said B said C said ...") would otherwise repeat the text per verb.
MAX_INDIRECT_CHARS = 3_000


@dataclass(frozen=True)
class Quote:
    """A statement attributed to a speaker: its span, the verb that attributes it, and
    the events coded inside it."""

    start: int
    end: int
    text: str
    kind: str  # "direct" or "indirect"
    cue: str  # "said", "according to", ...
    speaker: Actor | None
    event_ids: tuple[str, ...]

    def to_contract(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "speaker": actor_to_contract(self.speaker),
            "events": list(self.event_ids),
        }


class QuoteFinder:
    """Finds quotes in a document. ``speech_verbs`` are lemmas ("say", "tell", ...)."""

    def __init__(self, speech_verbs: Iterable[str]) -> None:
        self.speech_verbs = frozenset(speech_verbs)

    def find(
        self, doc: Doc, actors: ActorIndex, events: Iterable[Event], tree: Tree | None = None
    ) -> tuple[Quote, ...]:
        """The quotes of ``doc``. ``tree`` is the document's parse by token position when
        the caller built one: the speech verbs are found in it without a spaCy ``Token``
        for every word."""
        events = tuple(events)
        tree = Tree.of(doc) if tree is None else tree
        text = tree.view.text  # Doc.text joins every token
        direct = self._direct(doc, text, actors, events, tree)
        starts, ends = [q.start for q in direct], [q.end for q in direct]  # sorted, disjoint
        indirect = [
            q
            for q in self._indirect(doc, actors, events, tree)
            if not _overlaps(starts, ends, q.start, q.end)
        ]
        return tuple(sorted(direct + indirect, key=lambda q: q.start))

    # -- direct quotes -------------------------------------------------------------

    def _direct(
        self, doc: Doc, text: str, actors: ActorIndex, events: tuple[Event, ...], tree: Tree
    ) -> list[Quote]:
        quotes: list[Quote] = []
        previous: Quote | None = None
        sentence_of = _sentence_finder(tree)
        for start, end in _quoted_spans(text):
            if len(text[start:end].split()) < MIN_DIRECT_WORDS:
                continue
            cue, speaker = self._attribution(doc, start, end, actors, tree, sentence_of)
            if speaker is None and previous is not None and "\n" not in text[previous.end : start]:
                cue, speaker = previous.cue, previous.speaker  # a quote continued
            quote = Quote(
                start=start,
                end=end,
                text=text[start:end],
                kind="direct",
                cue=cue,
                speaker=speaker,
                event_ids=_events_inside(events, start, end),
            )
            quotes.append(quote)
            previous = quote
        return quotes

    def _attribution(
        self,
        doc: Doc,
        start: int,
        end: int,
        actors: ActorIndex,
        tree: Tree,
        sentence_of: Callable[[int], tuple[int, int]],
    ) -> tuple[str, Actor | None]:
        """The speech verb outside the quote nearest to it in the sentences it touches
        (``sentence_of(k)``: the token range of token ``k``'s sentence, ``Token.sent``)."""
        first = doc.char_span(start, end, alignment_mode="expand")
        if first is None:
            return "", None
        # only the tokens of the sentences the quote touches, within a window of the
        # quote: in a text that parses as one huge sentence, scanning it all per quote
        # was quadratic
        sentences = dict.fromkeys((sentence_of(first.start), sentence_of(first.end - 1)))
        idx, lemma, pos, lower = tree.idx, tree.lemma, tree.pos, tree.lower
        last = len(tree) - 1
        candidates: list[tuple[int, int]] = []
        for sent_start, sent_end in sentences:  # in text order
            low = max(sent_start, first.start - ATTRIBUTION_WINDOW)
            high = min(sent_end, first.end + ATTRIBUTION_WINDOW)
            for k in range(low, high):
                at = idx[k]
                if start <= at < end:
                    continue
                if (lemma[k] in self.speech_verbs and pos[k] in {"VERB", "AUX"}) or (
                    lower[k] == "according" and k < last and lower[k + 1] == "to"
                ):
                    candidates.append((start - at if at < start else at - end, k))
        for _distance_, k in sorted(candidates, key=lambda pair: pair[0]):
            token = doc[k]
            speaker = self._speaker(token, actors)
            if speaker is not None:
                cue = "according to" if token.lower_ == "according" else token.text
                return cue, speaker
        return "", None

    def _speaker(self, verb: Token, actors: ActorIndex) -> Actor | None:
        if verb.lower_ == "according":
            heads = [
                p
                for prep in verb.children
                if prep.lower_ == "to"
                for p in prep.children
                if p.dep_ == "pobj"
            ]
            heads += [p for p in verb.nbor(1).children if p.dep_ == "pobj"]
        else:
            heads = _subjects(verb)
        for head in heads:
            found = actors.actors_at(head)
            if found:
                return found[0]
        return None

    # -- reported statements -------------------------------------------------------

    def _indirect(
        self, doc: Doc, actors: ActorIndex, events: tuple[Event, ...], tree: Tree
    ) -> list[Quote]:
        quotes = []
        lemma, pos, dep, children = tree.lemma, tree.pos, tree.dep, tree.children
        ends = SubtreeEnds(tree)
        for i in compress(range(len(tree)), map("VERB".__eq__, pos)):  # verbs, found in C
            if lemma[i] not in self.speech_verbs:
                continue
            clauses = [c for c in children[i] if dep[c] == "ccomp" and c > i]
            if not clauses:
                continue
            token = doc[i]
            speaker = self._speaker(token, actors)
            for clause in clauses:
                start_char, end_char, text = tree.view.char_range(*_clause_span(clause, tree, ends))
                if end_char - start_char > MAX_INDIRECT_CHARS:
                    continue
                quotes.append(
                    Quote(
                        start=start_char,
                        end=end_char,
                        text=text,
                        kind="indirect",
                        cue=token.text,
                        speaker=speaker,
                        event_ids=_events_inside(events, start_char, end_char),
                    )
                )
        return quotes


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or the subject it shares ("welcomed X and said ...",
    "explained ..., adding that ...")."""
    current = verb
    for _ in range(4):
        own = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if own or current.dep_ not in {"conj", "advcl", "xcomp"} or current.head is current:
            return own
        current = current.head
    return []


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans between matching quotation marks (the marks excluded)."""
    spans = []
    open_at: int | None = None
    for match in QUOTE_MARKS.finditer(text):
        mark = match.group()
        if open_at is None and mark not in CLOSING:
            open_at = match.end()
        elif open_at is not None and mark not in OPENING:
            spans.append((open_at, match.start()))
            open_at = None
    return spans


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) starts or ends inside one of the sorted, disjoint spans."""
    k = bisect_right(starts, start) - 1
    if k >= 0 and start < ends[k]:
        return True
    k = bisect_left(starts, end) - 1
    return k >= 0 and starts[k] < end <= ends[k]


class SubtreeEnds:
    """The first and the last token of a token's ``subtree`` (in spaCy's order: left
    children's subtrees, the token, right children's subtrees): the end of its chain of
    leftmost (rightmost) children. Few clauses ask, so the chains are walked on demand
    instead of for every token; each answer is remembered, so nested reported speech
    ("A said B said C said ...") walks every token once, not once per clause.
    ``left_edge``/``right_edge`` differ from these ends on non-projective parses."""

    __slots__ = ("_children", "_first", "_last")

    def __init__(self, tree: Tree) -> None:
        self._children = tree.children
        self._first: dict[int, int] = {}
        self._last: dict[int, int] = {}

    def first(self, i: int) -> int:
        return self._walk(i, self._first, 0)

    def last(self, i: int) -> int:
        return self._walk(i, self._last, -1)

    def _walk(self, i: int, known: dict[int, int], side: int) -> int:
        """Follow child ``side`` (0 the first, -1 the last) while it lies on that side."""
        kids, path, j = self._children, [], i
        while j not in known:
            below = kids[j]
            if not below or (below[side] > j if side == 0 else below[side] < j):
                known[j] = j
                break
            path.append(j)
            j = below[side]
        end = known[j]
        for k in path:
            known[k] = end
        return end


def _clause_span(i: int, tree: Tree, ends: SubtreeEnds) -> tuple[int, int]:
    """The token range of clause ``i``'s subtree without the clause's own marker ("that")
    and trailing punctuation."""
    marks = {c for c in tree.children[i] if tree.dep[c] == "mark" and not tree.children[c]}
    lefts = [c for c in tree.children[i] if c < i]
    rights = [c for c in tree.children[i] if c > i]
    while lefts and lefts[0] in marks:
        lefts.pop(0)
    while rights and rights[-1] in marks:
        rights.pop()
    start = ends.first(lefts[0]) if lefts else i
    end = (ends.last(rights[-1]) if rights else i) + 1
    punct, space = tree.view.is_punct, tree.view.is_space
    while end - 1 > start and (punct[end - 1] or space[end - 1]):
        end -= 1
    return start, end


def _sentence_finder(tree: Tree) -> Callable[[int], tuple[int, int]]:
    """For a token index, the (start, end) token range of its sentence as ``Token.sent``
    gives it, found by bisection in the document's sentences (``Token.sent`` walks the
    sentence from the token each time)."""
    sentences = tree.view.sentences()
    starts = [start for start, _end in sentences]
    return lambda k: sentences[bisect_right(starts, k) - 1]


def _events_inside(events: tuple[Event, ...], start: int, end: int) -> tuple[str, ...]:
    """Events with a mention (the first trigger or a repeated one) inside the span."""
    return tuple(
        e.event_id for e in events if any(start <= m.start < end for m in (e.trigger, *e.mentions))
    )
