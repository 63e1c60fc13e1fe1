"""Event dates: the time expression that governs a trigger in the parse.

An event takes, in order: the time expression of its own sentence nearest to the trigger
in the dependency tree; else the date carried by the previous sentences of the same
paragraph (news narrates a scene: "On November 23, Borrell announced ... Serbia agreed
..."); else the publication date. The ``basis`` says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventscribe.coding.syntax import tree_distance
from eventscribe.coding.tree import Tree
from eventscribe.records import TimeExpression

USABLE_PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class EventDate:
    value: str | None
    precision: str | None
    basis: str  # "text: <expression>", "paragraph: <expression>", "publication date", "none"
    deadline: bool = False  # the governing expression is a deadline ("by November 21")


class DateResolver:
    """Dates for the events of one document; built per document, used sentence by sentence.

    Sentences are token ranges ``start``-``end`` (exclusive) of the document's
    :class:`~eventscribe.coding.tree.Tree`; a trigger is a token position.
    """

    def __init__(
        self,
        t: Tree,
        times: tuple[TimeExpression, ...],
        published: date | None,
        text: str | None,
        deadline_words: frozenset[str],
    ) -> None:
        """``text`` is the text the doc was parsed from, or None: Doc.text
        joins every token, which costs more than the rest of the dating.
        ``deadline_words`` are the words before a date that make it a deadline ("by",
        "no later than"; the word lists' ``deadline_words``)."""
        doc = t.doc
        self.tree = t
        self.text = text if text is not None and _is_text_of(t, text) else doc.text
        self.published = published
        self.deadline_words = deadline_words
        self._anchors: list[tuple[TimeExpression, int]] = []
        for time in times:
            if time.precision not in USABLE_PRECISIONS:
                continue
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is not None and len(span):
                self._anchors.append((time, span.root.i))
        self._paragraph_date: EventDate | None = None
        self._date_before: EventDate | None = None  # the paragraph's date before this sentence
        self._last_sentence_end = 0
        # the times of the current sentence, read by for_sentence and every date_of
        self._own: tuple[int, int, list[tuple[TimeExpression, int]]] = (0, 0, [])

    def for_sentence(self, start: int, end: int) -> None:
        """Call once per sentence in document order, before :meth:`date_of`."""
        t = self.tree
        space = t.view.is_space
        # the first and last words that are not white space (nearly always the ends)
        first: int | None
        last: int | None
        if start < end and not space[start] and not space[end - 1]:
            first, last = start, end - 1
        else:
            first = next((i for i in range(start, end) if not space[i]), None)
            last = next((i for i in range(end - 1, start - 1, -1) if not space[i]), None)
        begins = t.idx[first] if first is not None else t.idx[start]
        if self.text.find("\n", self._last_sentence_end, begins) != -1:
            self._paragraph_date = None  # a new paragraph starts a new scene
        own = self._in_sentence(start, end)
        self._date_before = self._paragraph_date  # for acts whose sentence's times are not theirs
        if own:
            root = _root(t, start, end)
            time, _anchor = min(own, key=lambda pair: tree_distance(t, root, pair[1]))
            self._paragraph_date = EventDate(
                time.value, time.precision, f"paragraph: '{time.text}'"
            )
        self._last_sentence_end = t.end_char(last) if last is not None else t.end_char(end - 1)

    def date_of(
        self, trigger: int, start: int, end: int, unsearched: frozenset[int] = frozenset()
    ) -> EventDate:
        """The date of the event at token ``trigger`` of the sentence ``start``-``end``;
        a time inside the phrases headed by ``unsearched`` is theirs, not the event's
        ("criticised NATO's 2011 intervention")."""
        own = self._in_sentence(start, end)
        paragraph = self._paragraph_date
        if own and unsearched:
            inside = {i for head in unsearched for i in self.tree.subtree(head)}
            own = [(time, anchor) for time, anchor in own if anchor not in inside]
            paragraph = self._date_before
        if own:
            time, _anchor = min(own, key=lambda pair: tree_distance(self.tree, trigger, pair[1]))
            before = self.text[max(0, time.start - 16) : time.start].lower().split()
            deadline = any(" ".join(before[-n:]) in self.deadline_words for n in (1, 2, 3))
            return EventDate(time.value, time.precision, f"text: '{time.text}'", deadline)
        if paragraph is not None:
            return paragraph
        if self.published is not None:
            return EventDate(self.published.isoformat(), "day", "publication date")
        return EventDate(None, None, "none")

    def _in_sentence(self, start: int, end: int) -> list[tuple[TimeExpression, int]]:
        own_start, own_end, own = self._own
        if own_start != start or own_end != end:
            own = [(t, a) for t, a in self._anchors if start <= a < end] if self._anchors else []
            self._own = (start, end, own)
        return own


def _root(t: Tree, start: int, end: int) -> int:
    """``Span.root`` of a sentence: its first token that is its own head."""
    head = t.head
    found = next((i for i in range(start, end) if head[i] == i), None)
    return found if found is not None else t.doc[start:end].root.i


def _is_text_of(t: Tree, text: str) -> bool:
    """A cheap check that ``doc`` was parsed from ``text`` (same length, same last word)."""
    doc = t.doc
    if not len(doc):
        return not text
    last = doc[-1]
    return len(text) == last.idx + len(last.text_with_ws) and text.endswith(last.text_with_ws)
