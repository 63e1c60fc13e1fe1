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

import mmap
import os
import threading
import time
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
import pyarrow as pa

from eventscribe.errors import StoreError
from eventscribe.web.indexbuild import BREAKDOWN_IDS, PAGE_COLUMNS, TEXT_COLUMN, read_meta
from eventscribe.web.textindex import SortedStrings, TextIndex, sorted_unique

_EMPTY = np.zeros(0, dtype=np.int32)
T = TypeVar("T")
# madvise(MADV_DONTNEED) where the platform has it (Linux, macOS)
_DONTNEED: int | None = getattr(mmap, "MADV_DONTNEED", None)
# What the index keeps of arrays it worked out (a dyad's positions), at most.
CACHE_BYTES = 64 << 20
# Requests between two releases of the index pages they touched (see Maps).
RELEASE_EVERY = 16
# Mapped bytes computations may touch between two releases (see Maps.touched).
RELEASE_BYTES = 64 << 20
# What reading one event's numbers touches, and one event's row (a page per column), at most.
NUMBERS_BYTES, ROW_BYTES = 48, len(PAGE_COLUMNS) * 4096


@dataclass
class Postings:
    """Sorted positions per key: ``positions[offsets[k]:offsets[k + 1]]`` for key id k."""

    keys: SortedStrings
    offsets: np.ndarray
    positions: np.ndarray

    @classmethod
    def open(cls, maps: Maps, space: str) -> Postings:
        return cls(
            SortedStrings(maps.array(f"{space}.keys.arrow")),
            maps.npy(f"{space}.offsets"),
            maps.npy(f"{space}.positions"),
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


def typed_search(values: np.ndarray, keys: Any, side: Literal["left", "right"] = "left") -> Any:
    """``np.searchsorted`` with ``keys`` in the dtype of ``values``: given Python ints or
    another dtype, NumPy first converts all of ``values`` (milliseconds, and every page
    of a mapped array touched, for ten million positions)."""
    return np.searchsorted(values, np.asarray(keys, dtype=values.dtype), side)


def _within(positions: np.ndarray, lo: int, hi: int) -> np.ndarray:
    a, b = typed_search(positions, (lo, hi))
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
                hi, int(typed_search(self.neg_rank, -bisect_left(self.sorted, start), "right"))
            )
        if end:  # dates ranked < bisect_right(end + U+FFFF) qualify: a suffix
            stop = bisect_right(self.sorted, end + "\uffff")
            lo = int(typed_search(self.neg_rank, -stop, "right"))
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
        self.maps = maps = Maps(folder)
        page = pa.ipc.open_file(maps.buffer("page.arrow"))
        self._batches = [page.get_batch(i) for i in range(page.num_record_batches)]
        self._schema = page.schema
        mapped = {
            name: maps.npy(name)
            for name in ("neg_rank", "negated", "quad", "intensity", "goldstein")
        }
        self.dates = DateIndex(
            maps.array("dates.arrow").to_pylist(),
            mapped["neg_rank"],
            int(meta["n_dated"]),  # type: ignore[call-overload]
            bool(meta["ordered"]),
        )
        self.by_country, self.by_source, self.by_target, self.by_actor = (
            Postings.open(maps, space) for space in ("country", "source", "target", "actor")
        )
        self.by_type, self.by_quad, self.by_doc = (
            Postings.open(maps, space) for space in ("type", "quad", "doc")
        )
        self.negated, self.quad = mapped["negated"], mapped["quad"]
        self.any_negated = bool(meta["any_negated"])
        self.intensity, self.goldstein = mapped["intensity"], mapped["goldstein"]
        self.buckets = {by: maps.npy(f"{by}_bucket") for by in ("day", "week", "month")}
        tokens = Postings.open(maps, "tokens")
        self.text = TextIndex(
            lowered=self.column(TEXT_COLUMN),
            vocab=tokens.keys,
            reversed_vocab=SortedStrings(maps.array("tokens.reversed.arrow")),
            reversed_ids=maps.npy("tokens.reversed_ids"),
            offsets=tokens.offsets,
            positions=tokens.positions,
            batch_rows=self._batch_rows,
            touched=maps.touched,
        )
        self._documents = maps.table("documents.arrow")
        self._doc_ids = SortedStrings(self._documents.column("doc_id"))
        self.ids_of = {name: maps.npy(name) for name in BREAKDOWN_IDS}
        self.type_names: list[str] = maps.table("types.arrow").column("key").to_pylist()
        self.country_names: list[str] = maps.table("countries.arrow").column("key").to_pylist()
        self.actors = maps.table("actors.arrow")  # name, country, code; read when shown
        self.location_keys = {
            part: maps.table(f"loc_{part}.arrow").column("key").to_pylist()
            for part in ("names", "countries", "precisions")
        }
        self.lat, self.lon = maps.npy("lat"), maps.npy("lon")
        self.cache = ArrayCache(CACHE_BYTES)
        self._ids = SortedStrings(maps.array("ids.arrow"))
        self._id_positions = maps.npy("ids.positions")

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

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The document with this id, its columns as :data:`DOCUMENT_COLUMNS` names them."""
        at = self._doc_ids.find(doc_id)
        return None if at is None else self._documents.slice(at, 1).to_pylist()[0]

    def rows(self, positions: np.ndarray | list[int]) -> list[dict[str, Any]]:
        """The event rows (columns of :data:`PAGE_COLUMNS`) at ``positions``, in that order."""
        wanted = np.asarray(positions, dtype=np.int64)
        if len(wanted) == 0:
            return []
        self.maps.touched(len(wanted) * ROW_BYTES)
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


class Memo:
    """The breakdowns and series computed from one index that took a while (it never
    changes, so neither do they), the most recently used kept: the dashboard's front page
    breaks down every event, a dyad's page its dyad, and both are asked for again and
    again. Requests asking for one result at once wait for the first to compute it."""

    def __init__(self, size: int = 512, worth_seconds: float = 0.005) -> None:
        self._size, self._worth = size, worth_seconds
        self._rows: OrderedDict[Hashable, Any] = OrderedDict()
        self._pending: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The rows of ``key``, computed by ``compute`` unless known or being computed."""
        with self._lock:
            if key in self._rows:
                self._rows.move_to_end(key)
                known: T = self._rows[key]
                return known
            waiting = self._pending.get(key)
            if waiting is None:
                self._pending[key] = threading.Event()
        if waiting is not None:  # another request computes it: wait, then read
            waiting.wait()
            with self._lock:
                if key in self._rows:
                    waited: T = self._rows[key]
                    return waited
            return compute()  # it failed or was quick: compute it here
        try:
            began = time.perf_counter()
            rows = compute()
            if time.perf_counter() - began >= self._worth:
                with self._lock:
                    self._rows[key] = rows
                    if len(self._rows) > self._size:
                        self._rows.popitem(last=False)  # the least recently used
            return rows
        finally:
            with self._lock:
                done = self._pending.pop(key)
            done.set()


class ArrayCache:
    """Arrays worked out from the index, kept up to a number of bytes (oldest out first)."""

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._arrays: dict[Hashable, np.ndarray] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        with self._lock:
            found = self._arrays.get(key)
        if found is not None:
            return found
        found = compute()
        if found.nbytes <= self._max:
            with self._lock:
                while self._arrays and self._bytes + found.nbytes > self._max:
                    self._bytes -= self._arrays.pop(next(iter(self._arrays))).nbytes
                if key not in self._arrays:
                    self._arrays[key] = found
                    self._bytes += found.nbytes
        return found


class Maps:
    """The index folder's files, memory-mapped read-only, and a way to give their pages back.

    A mapped page a query touched stays in the process's resident set until the process
    unmaps it, so a server that pages through ten million events would grow to the size
    of its index. :meth:`release` (called every :data:`RELEASE_EVERY` requests, and every
    :data:`RELEASE_BYTES` a computation may have touched) tells the
    kernel the process no longer needs the pages it touched (``MADV_DONTNEED``): they stay
    in the OS page cache, and the next access maps them again without reading the disk.
    The files never change, so nothing a reader holds can differ afterwards.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._maps: list[mmap.mmap] = []
        self._lock = threading.Lock()
        self._requests = 0
        self._touched = 0

    def buffer(self, name: str) -> pa.Buffer:
        """The whole file as an Arrow buffer over its mapping (empty files: an empty buffer)."""
        with open(self.folder / name, "rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:
                return pa.py_buffer(b"")
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        self._maps.append(mapped)
        return pa.py_buffer(mapped)

    def npy(self, name: str) -> np.ndarray:
        """A ``.npy`` file's array over its mapping."""
        with open(self.folder / f"{name}.npy", "rb") as handle:
            version = np.lib.format.read_magic(handle)
            read_header = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            shape, fortran, dtype = read_header(handle)
            offset = handle.tell()
        if fortran or len(shape) != 1:
            raise StoreError(f"{self.folder / name}.npy is not a flat array")
        if shape[0] == 0:
            return np.zeros(0, dtype=dtype)
        data = np.frombuffer(self.buffer(f"{name}.npy"), dtype=dtype, count=shape[0], offset=offset)
        return data

    def table(self, name: str) -> pa.Table:
        """An Arrow IPC file as a table over its mapping."""
        return pa.ipc.open_file(self.buffer(name)).read_all()

    def array(self, name: str) -> pa.Array:
        """A one-column Arrow IPC file written by the index build (column ``value``)."""
        column = pa.ipc.open_file(self.buffer(name)).read_all().column("value")
        return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()

    def request_done(self) -> None:
        """Count a request; every :data:`RELEASE_EVERY` of them, release the touched pages."""
        with self._lock:
            self._requests += 1
            due = self._requests % RELEASE_EVERY == 0
        if due:
            self.release()

    def touched(self, nbytes: int) -> None:
        """Count bytes of mapped pages a computation may have touched (a breakdown of
        every event touches whole arrays; a text search a page per sentence it checks);
        every :data:`RELEASE_BYTES` of them, release the touched pages."""
        with self._lock:
            self._touched += nbytes
            due = self._touched >= RELEASE_BYTES
            if due:
                self._touched = 0
        if due:
            self.release()

    def release(self) -> None:
        """Give the touched pages back (where the system can: not on Windows)."""
        if _DONTNEED is None:
            return
        for mapped in self._maps:
            mapped.madvise(_DONTNEED)
