"""An inverted token index over the event sentences, for the ``q`` (text) filter.

``q`` keeps its meaning: the sentence contains ``q`` as a substring, ignoring case (as
``sentence_text ILIKE '%q%'`` in SQL). The index only narrows the search to candidates
that are then checked exactly:

- the sentences are lowered once, by DuckDB's ``lower()`` (the function ILIKE uses), and
  cut into tokens, the maximal runs of ``[0-9a-z]``; each token keeps the sorted event
  positions it occurs at (a posting list);
- ``q`` is lowered the same way and cut into runs of ``[0-9a-z]``. A run with other
  characters of ``q`` on both sides must be a whole token of any matching sentence; the
  first run (text follows it) must end a token, the last run (text precedes it) must
  start one, and a ``q`` that is a single run must occur inside a token. The candidates
  are the events holding such tokens, for every run (prefix and suffix ranges come from
  the sorted vocabulary and the sorted reversed vocabulary);
- every candidate is then checked with a plain substring test on its lowered sentence,
  so the answer is exactly the SQL one. A ``q`` without such runs, or whose runs match
  too many different tokens to be worth merging, is answered by that check alone, over
  the events the other filters leave.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_RUN = re.compile(r"[0-9a-z]+")
# A run matching more different tokens than this is not used to narrow the candidates.
MAX_TOKENS_PER_RUN = 256
_EMPTY = np.zeros(0, dtype=np.int32)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``values`` sorted, duplicates dropped (like np.unique, which is much slower on large int arrays)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def simple_lower(text: str) -> str:
    """``text`` lowered per character, like DuckDB's ``lower()`` (Unicode simple case
    mapping): Python's ``str.lower`` differs only for dotted capital I and final sigma."""
    return text.replace("\u0130", "i").replace("\u03a3", "\u03c3").lower()


class SortedStrings:
    """Binary search over a sorted Arrow string array without turning it into Python."""

    def __init__(self, values: pa.Array) -> None:
        self.values = values

    def _first_at_least(self, key: str) -> int:
        lo, hi = 0, len(self.values)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.values[mid].as_py() < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def find(self, key: str) -> int | None:
        """The index of ``key``, or None when it is not a value."""
        at = self._first_at_least(key)
        return at if at < len(self.values) and self.values[at].as_py() == key else None

    def exact(self, key: str) -> np.ndarray:
        """The index of ``key`` (an empty array when it is not a value)."""
        at = self.find(key)
        return np.array([] if at is None else [at], dtype=np.int64)

    def prefix_range(self, prefix: str) -> tuple[int, int]:
        """Indexes [lo, hi) of the values starting with ``prefix`` (ASCII tokens only)."""
        return self._first_at_least(prefix), self._first_at_least(prefix + "\x7f")


@dataclass
class TextIndex:
    """Lowered sentences by position, and a token -> positions index over them."""

    lowered: pa.ChunkedArray  # DuckDB-lowered sentence per position (null: no sentence)
    vocab: SortedStrings  # tokens, sorted; a token's id is its index here
    reversed_vocab: SortedStrings  # tokens reversed, sorted
    reversed_ids: np.ndarray  # token id of each reversed_vocab entry
    offsets: np.ndarray  # positions of token i: positions[offsets[i]:offsets[i + 1]]
    positions: np.ndarray
    batch_rows: int  # positions per chunk of ``lowered`` (every chunk but the last)
    touched: Callable[[int], None]  # told how many mapped bytes a check may have touched

    def candidates(self, pattern: str, lo: int, hi: int) -> list[np.ndarray] | None:
        """For a lowered ``pattern``: one sorted position array per usable run of it (a
        matching event in [lo, hi) is in all of them), or None when no run narrows."""
        found: list[np.ndarray] = []
        for run in _RUN.finditer(pattern):
            at_start, at_end = run.start() == 0, run.end() == len(pattern)
            word = run.group()
            if at_start and at_end:
                ids = self._containing(word)
            elif at_start:
                a, b = self.reversed_vocab.prefix_range(word[::-1])
                ids = self.reversed_ids[a:b] if b - a <= MAX_TOKENS_PER_RUN else None
            elif at_end:
                a, b = self.vocab.prefix_range(word)
                ids = np.arange(a, b) if b - a <= MAX_TOKENS_PER_RUN else None
            else:
                ids = self.vocab.exact(word)
            if ids is not None:
                found.append(self._positions(ids, lo, hi))
        return found or None

    def _containing(self, word: str) -> np.ndarray | None:
        """Ids of the tokens containing ``word`` (None if too many to merge)."""
        hits = pc.match_substring(self.vocab.values, word).to_numpy(zero_copy_only=False)
        ids = np.flatnonzero(hits)
        return ids if len(ids) <= MAX_TOKENS_PER_RUN else None

    def _positions(self, ids: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """Sorted, distinct positions in [lo, hi) of any of the tokens ``ids``."""
        pieces = []
        for i in ids:
            got = self.positions[self.offsets[i] : self.offsets[i + 1]]
            a, b = np.searchsorted(got, np.asarray((lo, hi), dtype=got.dtype))
            if b > a:
                pieces.append(got[a:b])
        if not pieces:
            return _EMPTY
        if len(pieces) == 1:
            return pieces[0]
        return sorted_unique(np.concatenate(pieces))

    def contains(self, positions: np.ndarray, pattern: str) -> np.ndarray:
        """Boolean mask: does the lowered sentence at each of ``positions`` contain ``pattern``."""
        if len(positions) == 0:
            return np.zeros(0, dtype=bool)
        first, last = int(positions[0]), int(positions[-1]) + 1
        if last - first == len(positions):  # a contiguous run: slice, no copy
            texts = self.lowered.slice(first, last - first)
        else:  # ascending positions, taken chunk by chunk (the column is memory-mapped)
            self.touched(len(positions) * 4096)  # a page per sentence, at most
            chunk_of = positions // self.batch_rows
            bounds = np.flatnonzero(np.diff(chunk_of)) + 1
            texts = pa.chunked_array(
                [
                    self.lowered.chunk(int(group[0] // self.batch_rows)).take(
                        pa.array(group % self.batch_rows)
                    )
                    for group in np.split(positions, bounds)
                ],
                type=self.lowered.type,
            )
        hits = pc.match_substring(texts, pattern)
        found: np.ndarray = pc.fill_null(hits, False).to_numpy(zero_copy_only=False)
        return found
