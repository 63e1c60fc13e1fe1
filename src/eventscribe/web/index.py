"""In-memory indexes over a store's events, built once at start-up, for the hot API paths.

Every event gets a *position*: its place in the newest-first order the API lists events
in (event date, else its document's date, descending, nulls last; ties by document,
sentence, trigger and event id). Then:

- the events' columns (plus their document's title, date, url, source) are held in an
  Arrow table in that order, so a page of events is read by position;
- the dates are ranked, so a date range (``start``/``end``, compared as strings like the
  SQL filter) is one contiguous range of positions, found by binary search;
- posting lists (sorted position arrays) exist per country or actor code (as source,
  as target and either), per PLOVER type, quad class, lower-cased actor name and
  document; an inverted token index serves text search (:mod:`~eventscribe.web.textindex`);
- event ids map to positions through a sorted array of their hashes.

:mod:`~eventscribe.web.indexed` answers filters with these. Building costs a few seconds
and a few hundred MB for 1M events; the store file itself is never changed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventscribe.web.rows import ACTOR_LISTS, DOC_FIELDS, EVENT_COLUMNS, EVENT_FIELDS
from eventscribe.web.textindex import TextIndex, sorted_unique

# Bucket value of an event whose date is too coarse (or not a date) for that period size.
NO_BUCKET = -(2**31)
EVENT_DATE = "COALESCE(e.event_date, CAST(d.date AS VARCHAR))"
ORDER = f"{EVENT_DATE} DESC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
_DAY = "CASE WHEN length({d}) = 10 THEN TRY_CAST({d} AS DATE) END"
_EPOCH = "DATE '1970-01-01'"
# Period starts as days since 1970-01-01 (as analysis.series buckets them), or NO_BUCKET.
_BUCKETS = (
    f"COALESCE(CAST(({_DAY}) - {_EPOCH} AS INTEGER), {NO_BUCKET}) AS day_bucket, "
    f"COALESCE(CAST(CAST(date_trunc('week', {_DAY}) AS DATE) - {_EPOCH} AS INTEGER), "
    f"{NO_BUCKET}) AS week_bucket, "
    f"COALESCE(CAST(CASE WHEN length({{d}}) >= 7 THEN TRY_CAST(left({{d}}, 7) || '-01' AS DATE) END "
    f"- {_EPOCH} AS INTEGER), {NO_BUCKET}) AS month_bucket"
)
_BUILD_SQL = f"""
SELECT {EVENT_DATE} AS ev_date, {EVENT_COLUMNS},
       d.title AS doc_title, CAST(d.date AS VARCHAR) AS doc_date, d.url AS doc_url,
       d.source AS doc_source,
       lower(e.sentence_text) AS text_lower, {_BUCKETS.format(d=EVENT_DATE)}
FROM store.main.events AS e LEFT JOIN store.main.documents AS d ON d.doc_id = e.doc_id
ORDER BY {ORDER}
"""
PAGE_COLUMNS = (
    tuple(c.strip().removeprefix("e.") for c in f"{EVENT_FIELDS}, {DOC_FIELDS}".split(","))
    + ACTOR_LISTS
)
_EMPTY = np.zeros(0, dtype=np.int32)


@dataclass
class Postings:
    """Sorted positions per key: ``positions[offsets[k]:offsets[k + 1]]`` for key id k."""

    keys: dict[Any, int]
    offsets: np.ndarray
    positions: np.ndarray

    def get(self, key: Any) -> np.ndarray:
        k = self.keys.get(key)
        return _EMPTY if k is None else self.positions[self.offsets[k] : self.offsets[k + 1]]

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


def _codes(column: pa.ChunkedArray, keys: dict[Any, int]) -> np.ndarray:
    """Each value's id in ``keys`` (new values are added), -1 for nulls."""
    encoded = pc.dictionary_encode(column.combine_chunks())
    remap = np.array([keys.setdefault(v, len(keys)) for v in encoded.dictionary.to_pylist()] + [-1])
    indices = pc.fill_null(encoded.indices, -1).to_numpy()
    codes: np.ndarray = remap[indices].astype(np.int32)
    return codes


def build_postings(columns: list[pa.ChunkedArray]) -> Postings:
    """Postings over one key space: a position is listed under every key any of ``columns``
    holds there (once, even when two columns hold the same key). A list column lists the
    position under each of its values there."""
    keys: dict[Any, int] = {}
    n = len(columns[0])
    codes: list[np.ndarray] = []
    for column in columns:
        if pa.types.is_list(column.type):
            codes.extend(_list_codes(column, keys, n))  # one row of n codes per list slot
        else:
            codes.append(_codes(column, keys))
    if len(codes) == 1:
        key_of = codes[0]
        order = np.argsort(key_of, kind="stable").astype(np.int32)
        key_of = key_of[order]
    else:
        packed = np.concatenate([c.astype(np.int64) * n + np.arange(n) for c in codes])
        packed = sorted_unique(packed[packed >= 0])
        key_of, order = packed // n, (packed % n).astype(np.int32)
    start = np.searchsorted(key_of, 0)
    key_of, order = key_of[start:], order[start:]
    offsets = np.searchsorted(key_of, np.arange(len(keys) + 1)).astype(np.int64)
    return Postings(keys, offsets, order)


def _list_codes(column: pa.ChunkedArray, keys: dict[Any, int], n: int) -> np.ndarray:
    """Key ids of a list column, one row of ``n`` per list slot: a position whose list
    is shorter holds -1 there (skipped like a null)."""
    array = column.combine_chunks()
    values, parents = pc.list_flatten(array), pc.list_parent_indices(array).to_numpy()
    codes = _codes(pa.chunked_array([values]), keys)
    slot = np.arange(len(parents)) - np.searchsorted(parents, parents)  # place within its list
    width = int(slot.max()) + 1 if len(slot) else 1
    out = np.full(width * n, -1, dtype=np.int32)
    out[slot * n + parents] = codes
    return out.reshape(width, n)


class DateIndex:
    """Event dates ranked as strings: a ``start``/``end`` filter is a range of positions."""

    def __init__(self, dates: pa.ChunkedArray) -> None:
        encoded = pc.dictionary_encode(dates.combine_chunks())
        values = encoded.dictionary.to_pylist()
        self.sorted = sorted(values)
        rank_of = {v: i for i, v in enumerate(self.sorted)}
        remap = np.array([rank_of[v] for v in values] + [-1], dtype=np.int32)
        rank = remap[pc.fill_null(encoded.indices, -1).to_numpy()]
        self.n_dated = int(np.count_nonzero(rank >= 0))
        # the build orders by date descending, nulls last; string ranks keep that order
        self.ordered = bool(np.all(rank[:-1] >= rank[1:])) if len(rank) else True
        self.neg_rank = -rank

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


def _actor_fields(actors: pa.ChunkedArray) -> list[pa.ChunkedArray]:
    """Lists of the countries, codes and lower-cased names of a list-of-actors column."""
    array = actors.combine_chunks()
    values = pc.list_flatten(array)
    offsets = array.offsets
    lists = [
        pc.struct_field(values, "country"),
        pc.struct_field(values, "code"),
        pc.utf8_lower(pc.struct_field(values, "name")),
    ]
    return [pa.chunked_array([pa.ListArray.from_arrays(offsets, field)]) for field in lists]


def load_events(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """The events of the store attached to ``con`` as ``store``, newest first, with the
    columns :class:`EventIndex` needs and ``rn`` (position + 1) for SQL copies."""
    table = con.sql(_BUILD_SQL).to_arrow_table()
    return table.append_column("rn", pa.array(np.arange(1, table.num_rows + 1, dtype=np.int64)))


class EventIndex:
    """Everything the indexed paths read; see the module docstring."""

    def __init__(self, table: pa.Table) -> None:
        self.size = table.num_rows
        self.dates = DateIndex(table["ev_date"])
        # every actor of each role, not only the first: "aid for Chad and Niger" is found
        # under Niger too
        role = {r: _actor_fields(table[f"{r}s"]) for r in ("source", "target")}
        self.by_country = build_postings([*role["source"][:2], *role["target"][:2]])
        self.by_source = build_postings(role["source"][:2])
        self.by_target = build_postings(role["target"][:2])
        self.by_actor = build_postings([role["source"][2], role["target"][2]])
        self.by_type = build_postings([table["plover_type"]])
        self.by_quad = build_postings([table["quad_class"]])
        self.by_doc = build_postings([table["doc_id"]])
        self.negated = pc.fill_null(table["negated"], False).to_numpy()
        self.any_negated = bool(self.negated.any())
        self.quad = pc.fill_null(table["quad_class"], 0).to_numpy()
        self.intensity = pc.fill_null(table["intensity"], np.nan).to_numpy()
        self.goldstein = pc.fill_null(table["goldstein"], np.nan).to_numpy()
        self.buckets = {by: table[f"{by}_bucket"].to_numpy() for by in ("day", "week", "month")}
        self.text = TextIndex.build(table["text_lower"].combine_chunks())
        # one contiguous batch: taking rows from a table of many chunks is far slower
        self._page = pa.RecordBatch.from_arrays(
            [table[c].combine_chunks() for c in PAGE_COLUMNS], names=list(PAGE_COLUMNS)
        )
        self.event_ids = self._page.column("event_id")
        hashes = np.fromiter(map(hash, self.event_ids.to_pylist()), dtype=np.int64, count=self.size)
        self._id_order = np.argsort(hashes).astype(np.int32)
        self._id_hashes = hashes[self._id_order]

    def event_position(self, event_id: str) -> int | None:
        """The position of the event with this id, or None."""
        h = hash(event_id)
        a = int(np.searchsorted(self._id_hashes, h, side="left"))
        b = int(np.searchsorted(self._id_hashes, h, side="right"))
        for k in range(a, b):
            pos = int(self._id_order[k])
            if self.event_ids[pos].as_py() == event_id:
                return pos
        return None

    def rows(self, positions: np.ndarray | list[int]) -> list[dict[str, Any]]:
        """The event rows (columns of :data:`PAGE_COLUMNS`) at ``positions``, in that order."""
        wanted = np.asarray(positions, dtype=np.int64)
        if len(wanted) == 0:
            return []
        part = self._page.take(pa.array(wanted))
        columns = [column.to_pylist() for column in part.columns]
        return [dict(zip(PAGE_COLUMNS, values)) for values in zip(*columns)]
