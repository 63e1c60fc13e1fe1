"""The server's event index, opened memory-mapped from the folder :mod:`indexbuild` wrote.

Every event has a *position*: its place in the newest-first order the API lists events
in (event date, else its document's date, descending, nulls last; ties by document,
sentence, trigger and event id). Then:

- the events' columns (plus their document's title, date, url, source) are rows of an
  Arrow IPC file in that order, so a page of events is read by position;
- the dates are ranked, so a date range (``start``/``end``, compared as strings like the
  SQL filter) is one contiguous range of positions, found by binary search;
- posting lists (sorted position arrays) exist per country or actor code (as source,
  as target and either), per PLOVER type, quad class, lower-cased actor name and
  document; an inverted token index serves text search (:mod:`~eventscribe.web.textindex`);
- event ids map to positions through the ids sorted.

:mod:`~eventscribe.web.indexed` answers filters with these. Nothing is read into Python
memory at start-up beyond the list of distinct dates: the operating system pages in
what a query touches and shares those pages between processes, so opening an index of
ten million events takes a fraction of a second and the server's memory does not grow
with the store.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from eventscribe.errors import StoreError
from eventscribe.web.indexbuild import NO_BUCKET, PAGE_COLUMNS, TEXT_COLUMN, read_meta
from eventscribe.web.textindex import SortedStrings, TextIndex, sorted_unique

_EMPTY = np.zeros(0, dtype=np.int32)


@dataclass
class Postings:
    """Sorted positions per key: ``positions[offsets[k]:offsets[k + 1]]`` for key id k."""

    keys: SortedStrings
    offsets: np.ndarray
    positions: np.ndarray

    @classmethod
    def open(cls, folder: Path, space: str) -> Postings:
        return cls(
            SortedStrings(open_array(folder / f"{space}.keys.arrow")),
            np.load(folder / f"{space}.offsets.npy", mmap_mode="r"),
            np.load(folder / f"{space}.positions.npy", mmap_mode="r"),
        )

    def get(self, key: Any) -> np.ndarray:
        """The positions listed under ``key`` (keys are compared as strings)."""
        k = self.keys.find(str(key))
        if k is None:
            return _EMPTY
        return np.asarray(self.positions[self.offsets[k] : self.offsets[k + 1]])

    def any_of(self, keys: tuple[Any, ...], lo: int, hi: int) -> np.ndarray:
        """Sorted, distinct positions in [lo, hi) having any of ``keys``."""
        pieces = [_within(self.get(k), lo, hi) for k in keys]
        pieces = [p for p in pieces if len(p)]
        if len(pieces) <= 1:
            return pieces[0] if pieces else _EMPTY
        return sorted_unique(np.concatenate(pieces))


def _within(positions: np.ndarray, lo: int, hi: int) -> np.ndarray:
    a, b = np.searchsorted(positions, (lo, hi))
    return positions[a:b]


class DateIndex:
    """Event dates ranked as strings: a ``start``/``end`` filter is a range of positions."""

    def __init__(self, dates: list[str], neg_rank: np.ndarray, n_dated: int, ordered: bool) -> None:
        self.sorted = dates  # the distinct dates, sorted
        self.neg_rank = neg_rank  # minus each position's rank in ``sorted`` (1: no date)
        self.n_dated = n_dated
        # the build orders by date descending, nulls last; string ranks keep that order
        self.ordered = ordered

    def bounds(self, start: str | None, end: str | None) -> tuple[int, int]:
        """Positions [lo, hi) whose date is >= start and <= end + U+FFFF (as the SQL filter)."""
        lo, hi = 0, len(self.neg_rank)
        if start or end:
            hi = self.n_dated  # a null date passes no date test
        if start:  # dates ranked >= bisect_left(start) qualify: a prefix of the positions
            hi = min(
                hi, int(np.searchsorted(self.neg_rank, -bisect_left(self.sorted, start), "right"))
            )
        if end:  # dates ranked < bisect_right(end + U+FFFF) qualify: a suffix
            stop = bisect_right(self.sorted, end + "\uffff")
            lo = int(np.searchsorted(self.neg_rank, -stop, side="right"))
        return lo, max(lo, hi)


class EventIndex:
    """Everything the indexed paths read, opened from an index folder; see the module
    docstring."""

    def __init__(self, folder: Path) -> None:
        meta = read_meta(folder)
        if meta is None:
            raise StoreError(f"{folder} is not a finished event index of this version")
        self.size = int(meta["events"])  # type: ignore[call-overload]
        self._batch_rows = int(meta["batch_rows"])  # type: ignore[call-overload]
        page = pa.ipc.open_file(pa.memory_map(str(folder / "page.arrow")))
        self._batches = [page.get_batch(i) for i in range(page.num_record_batches)]
        self._schema = page.schema
        mapped = {
            name: np.load(folder / f"{name}.npy", mmap_mode="r")
            for name in ("neg_rank", "negated", "quad", "intensity", "goldstein")
        }
        self.dates = DateIndex(
            open_array(folder / "dates.arrow").to_pylist(),
            mapped["neg_rank"],
            int(meta["n_dated"]),  # type: ignore[call-overload]
            bool(meta["ordered"]),
        )
        self.by_country, self.by_source, self.by_target, self.by_actor = (
            Postings.open(folder, space) for space in ("country", "source", "target", "actor")
        )
        self.by_type, self.by_quad, self.by_doc = (
            Postings.open(folder, space) for space in ("type", "quad", "doc")
        )
        self.negated, self.quad = mapped["negated"], mapped["quad"]
        self.any_negated = bool(meta["any_negated"])
        self.intensity, self.goldstein = mapped["intensity"], mapped["goldstein"]
        self.buckets = {
            by: np.load(folder / f"{by}_bucket.npy", mmap_mode="r") for by in ("day", "week", "month")
        }
        tokens = Postings.open(folder, "tokens")
        self.text = TextIndex(
            lowered=self.column(TEXT_COLUMN),
            vocab=tokens.keys,
            reversed_vocab=SortedStrings(open_array(folder / "tokens.reversed.arrow")),
            reversed_ids=np.load(folder / "tokens.reversed_ids.npy", mmap_mode="r"),
            offsets=tokens.offsets,
            positions=tokens.positions,
            batch_rows=self._batch_rows,
        )
        self._ids = SortedStrings(open_array(folder / "ids.arrow"))
        self._id_positions = np.load(folder / "ids.positions.npy", mmap_mode="r")

    def column(self, name: str) -> pa.ChunkedArray:
        """One column of the events by position (chunks of the index's batch size)."""
        return pa.chunked_array(
            [batch.column(name) for batch in self._batches],
            type=self._schema.field(name).type,
        )

    def event_position(self, event_id: str) -> int | None:
        """The position of the event with this id, or None."""
        at = self._ids.find(event_id)
        return None if at is None else int(self._id_positions[at])

    def rows(self, positions: np.ndarray | list[int]) -> list[dict[str, Any]]:
        """The event rows (columns of :data:`PAGE_COLUMNS`) at ``positions``, in that order."""
        wanted = np.asarray(positions, dtype=np.int64)
        if len(wanted) == 0:
            return []
        order = np.argsort(wanted, kind="stable")
        batch_of = wanted[order] // self._batch_rows
        pieces = []
        for b in np.unique(batch_of):
            local = wanted[order][batch_of == b] - b * self._batch_rows
            pieces.append(self._batches[int(b)].select(list(PAGE_COLUMNS)).take(pa.array(local)))
        taken = pa.Table.from_batches(pieces)
        columns = [column.to_pylist() for column in taken.columns]
        in_order = [dict(zip(PAGE_COLUMNS, values)) for values in zip(*columns)]
        rows: list[dict[str, Any]] = [{}] * len(wanted)
        for k, i in enumerate(order.tolist()):
            rows[i] = in_order[k]
        return rows


def open_array(path: Path) -> pa.Array:
    """A one-column Arrow IPC file written by the index build, memory-mapped."""
    table = pa.ipc.open_file(pa.memory_map(str(path))).read_all()
    column = table.column("value")
    return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
