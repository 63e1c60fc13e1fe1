"""A parsed document read once into plain lists, for the hot loops after parsing.

The actor tagger asks about every nominal head of an article (its part of speech, its
dependency, its children, the text of a span), the place tagger about every word (is
it capitalised, a proper noun). Through spaCy each answer makes a ``Token`` or
``Span`` object, and most are thrown away at once. :class:`DocView` reads the columns it needs with one
``Doc.to_array`` call and answers from Python lists, with the same answers spaCy
would give (children in text order, span text and character offsets as ``Span``
computes them). Labels stay integer ids (compare them with :meth:`DocView.ids`), so
no string is looked up per token.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress, islice

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Doc

_LABELS = [POS, DEP, LOWER, LEMMA, ENT_TYPE, TAG]  # ids of strings
_COLUMNS = [*_LABELS, IDX, LENGTH, IS_PUNCT, IS_SPACE, IS_TITLE, IS_LOWER]
_SIGNED = [HEAD, SENT_START]
_WIDTH = len(_COLUMNS) + len(_SIGNED) + 1  # and ENT_IOB, read by entities()


class DocView:
    """Per-token columns of one parsed ``Doc`` (see the module docstring).

    ``pos``, ``dep``, ``lower``, ``lemma``, ``ent_type``, ``tag``: label ids as spaCy
    stores them;
    ``head``: absolute head index; ``children``: child indexes in text order (a tuple
    per token);
    ``sent_start``: True where a sentence starts (``Token.is_sent_start`` is True).
    """

    __slots__ = (
        "_entities", "_iob", "_sentences", "_subtrees", "children", "dep", "doc", "ent_type", "head", "idx", "is_lower",
        "is_punct", "is_space", "is_title", "lemma", "length", "lower", "pos", "sent_start", "tag",
        "text",
    )  # fmt: skip

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text`` is ``doc.text`` when the caller has it (spaCy keeps text exactly)."""
        self.doc = doc
        self.text = doc.text if text is None else text
        n = len(doc)
        # one read of every column; the head offsets and sentence starts are signed
        # (spaCy returns them wrapped into unsigned numbers)
        array = (
            doc.to_array([*_COLUMNS, *_SIGNED, ENT_IOB]) if n else np.zeros((0, _WIDTH), "uint64")
        )
        columns = array[:, : len(_COLUMNS)].T.tolist()
        (self.pos, self.dep, self.lower, self.lemma, self.ent_type, self.tag, self.idx,
         self.length, punct, space, title, lower) = columns  # fmt: skip
        # flags stay 1 or 0: true and false alike, without a list of bools made
        self.is_punct, self.is_space, self.is_title, self.is_lower = punct, space, title, lower
        self._iob = array[:, -1]
        signed = array[:, len(_COLUMNS) : -1].astype("int64")
        heads = signed[:, 0] + np.arange(n)
        self.head: list[int] = heads.tolist()
        self.sent_start: list[bool] = (signed[:, 1] == 1).tolist()  # -1 and 0 are not starts
        self.children = _children(heads, signed[:, 0] == 0)
        self._subtrees: dict[int, set[int]] = {}
        self._entities: list[tuple[int, int, int]] | None = None
        self._sentences: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.pos)

    def ids(self, labels: Iterable[str]) -> frozenset[int]:
        """The ids of ``labels`` in this document's string store."""
        strings = self.doc.vocab.strings
        return frozenset(strings[label] for label in labels)

    def id(self, label: str) -> int:
        return self.doc.vocab.strings[label]

    def string(self, value: int) -> str:
        return self.doc.vocab.strings[value]

    def token_text(self, i: int) -> str:
        start = self.idx[i]
        return self.text[start : start + self.length[i]]

    def char_range(self, start: int, end: int) -> tuple[int, int, str]:
        """(start_char, end_char, text) of tokens ``start`` to ``end`` (exclusive)."""
        first = self.idx[start]
        last = self.idx[end - 1] + self.length[end - 1]
        return first, last, self.text[first:last]

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.idx[start] : self.idx[end - 1] + self.length[end - 1]]

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) token ranges of the sentences, as ``doc.sents`` cuts them (found
        once: each stage asks; a new list each time, the caller's to keep)."""
        if self._sentences is None:
            n = len(self.pos)
            starts = [0, *compress(range(1, n), islice(self.sent_start, 1, None))]
            self._sentences = list(zip(starts, [*starts[1:], n], strict=True)) if n else []
        return list(self._sentences)

    def subtree(self, i: int) -> set[int]:
        """Indexes of ``i`` and every token below it (``Token.subtree``), remembered."""
        found = self._subtrees.get(i)
        if found is None:
            found = {i}
            stack = list(self.children[i])
            while stack:
                child = stack.pop()
                found.add(child)
                stack.extend(self.children[child])
            self._subtrees[i] = found
        return found

    def subtree_bounds(self, i: int) -> tuple[int, int]:
        """The lowest and the highest index in ``subtree(i)`` (asked of a few tokens:
        the nominal heads ask spaCy's edges instead, see ``may_name_an_actor``)."""
        below = self.subtree(i)
        return min(below), max(below)

    def entities(self) -> list[tuple[int, int, int]]:
        """(start, end, label id) of each named entity, as ``doc.ents`` gives them.

        Read once per document from the entity IOB column (several stages ask, and
        ``doc.ents`` makes a ``Span`` per entity every time); the runs are cut as
        spaCy cuts them (a "B" after a "B" starts a new entity, an entity without a
        label is dropped).
        """
        if self._entities is None:
            self._entities = self._read_entities()
        return self._entities

    def _read_entities(self) -> list[tuple[int, int, int]]:
        n = len(self.pos)
        if not n:
            return []
        iob = self._iob
        inside = (iob != 2).nonzero()[0].tolist()  # "O" tokens (2) end entities, nothing else
        iob_of, types = iob.tolist(), self.ent_type
        found: list[tuple[int, int, int]] = []
        start, label, previous = -1, 0, -2
        for i in inside:
            if start != -1 and i != previous + 1:  # an "O" token came in between
                found.append((start, previous + 1, label))
                start, label = -1, 0
            previous = i
            code = iob_of[i]
            if code == 1:  # "I"
                if start == -1:
                    return [(e.start, e.end, e.label) for e in self.doc.ents]  # spaCy's error
            elif code == 0 or types[i] == 0:  # missing, or "B" without a label
                if start != -1:
                    found.append((start, i, label))
                start, label = -1, 0
            else:  # "B"
                if start != -1:
                    found.append((start, i, label))
                start, label = i, types[i]
        if start != -1:
            found.append((start, previous + 1, label))
        return [entity for entity in found if entity[2] != 0]


def _children(heads: np.ndarray, roots: np.ndarray) -> list[tuple[int, ...]]:
    """The children of each token in text order, from the tokens' ``heads`` (``roots``:
    where a token is its own head). Tuples, a leaf's the empty one: tuples of ints leave
    the garbage collector's sight once it has looked at them, where a list per token
    was most of what each of its collections went through during an article."""
    n = len(heads)
    keyed = np.where(roots, n, heads)  # a root in a group of its own, after every token's
    order = tuple(np.argsort(keyed, kind="stable").tolist())  # by head, then in text order
    ends = np.cumsum(np.bincount(keyed, minlength=n)[:n]).tolist()
    return [order[start:end] for start, end in zip([0, *ends], ends)]
