"""Building the server's event index on disk, once per copy of the store it serves.

The index (what :class:`~eventscribe.web.index.EventIndex` opens, memory-mapped) is a
folder next to the live copy's parts, ``g<generation>/index-<last part>/``:

- ``page.arrow``: the events newest first (their position is their row), the columns a
  page of events shows plus the lowered sentence, as an Arrow IPC file of fixed-size
  record batches;
- ``.npy`` arrays by position: date rank, negated, quad class, intensity, Goldstein and
  the day/week/month bucket of each event;
- posting lists per key space (country, source, target, actor name, type, quad,
  document): the sorted keys (``<space>.keys.arrow``), where each key's positions start
  (``<space>.offsets.npy``) and the positions (``<space>.positions.npy``);
- the event ids sorted with their positions, and the token index of the sentences;
- what the breakdowns and the map group by: each position's type, first source's and
  target's country and actor, and its location's name, country and precision, as ids
  into sorted tables (``types``, ``countries``, ``actors``, ``loc_*``), and its
  location's coordinates (``lat``, ``lon``; NaN when it has none);
- ``documents.arrow``: the documents as the API shows one, sorted by id;
- ``sql.duckdb``: ``ev_dyad``, a narrow copy of the events ordered by the unordered
  country pair, for what is still SQL (breakdowns of too many countries for the index);
- ``meta.json``: the format, the number of events and the catalog it was built from.

It is built by DuckDB out of core (sorts spill into the folder under a 1 GB memory
limit; no aggregate that cannot spill) and written batch by batch, so memory stays
bounded: 1.2 GB at 1M events, 1.8 GB at 10M, in a process of its own. A folder is
written under a temporary name and renamed into place, so a reader never sees half of
one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventscribe.arraycache import atomic_folder
from eventscribe.errors import StoreError
from eventscribe.store.live import LiveCatalog, catalog_from_json, catalog_to_json, create_views
from eventscribe.store.schema import quote_literal
from eventscribe.web.rows import ACTOR_LISTS, DOC_FIELDS, EVENT_FIELDS

FORMAT = 4
# Rows per record batch of page.arrow: position p is row p % BATCH_ROWS of batch p // it.
BATCH_ROWS = 65_536
# When a newer index is built, the earlier ones of the generation at least this old go.
KEEP_OLD_INDEX_SECONDS = 60.0
# DuckDB's memory while building; the rest spills to the folder.
BUILD_MEMORY = "1GB"
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
# The order first (sorting only the keys), then the actors and the events by position:
# sorts and joins DuckDB runs out of core (a list aggregate per event would not be)
_ORDER_SQL = f"""
CREATE TABLE work.main.ord AS SELECT e.event_id
FROM store.main.events AS e LEFT JOIN store.main.documents AS d ON d.doc_id = e.doc_id
ORDER BY {ORDER}
"""
_ACTORS_SQL = """
CREATE TABLE work.main.acts AS
SELECT o.rowid AS pos, a.role = 'target' AS is_target, a.position,
       struct_pack(name := a.name, country := a.country, sector := a.sector, code := a.code,
                   text := a.text, start := a.start, "end" := a."end") AS actor
FROM store.main.event_actors AS a JOIN work.main.ord AS o ON o.event_id = a.event_id
ORDER BY pos, is_target, a.position
"""
_EVENTS_SQL = f"""
CREATE TABLE work.main.ev AS
SELECT o.rowid AS pos, {EVENT_DATE} AS ev_date, {EVENT_FIELDS},
       d.title AS doc_title, CAST(d.date AS VARCHAR) AS doc_date, d.url AS doc_url,
       d.source AS doc_source,
       lower(e.sentence_text) AS text_lower, {_BUCKETS.format(d=EVENT_DATE)},
       e.lat AS loc_lat, e.lon AS loc_lon, e.location_name AS loc_name,
       e.location_country AS loc_country, e.location_precision AS loc_precision
FROM work.main.ord AS o JOIN store.main.events AS e ON e.event_id = o.event_id
LEFT JOIN store.main.documents AS d ON d.doc_id = e.doc_id
ORDER BY pos
"""
PAGE_COLUMNS = (
    tuple(c.strip().removeprefix("e.") for c in f"{EVENT_FIELDS}, {DOC_FIELDS}".split(","))
    + ACTOR_LISTS
)
TEXT_COLUMN = "text_lower"
# A document as the API shows one (and queries.get_document reads without an index).
DOCUMENT_COLUMNS = (
    "doc_id, CAST(date AS VARCHAR) AS date, title, url, source, origin, text, n_sentences, n_events"
)
_DYAD_SQL = """
CREATE TABLE idx.main.ev_dyad AS
SELECT pos + 1 AS rn, ev_date, least(source_country, target_country) AS pair_lo,
       greatest(source_country, target_country) AS pair_hi,
       event_id, doc_id, negated, plover_type, quad_class, intensity, goldstein,
       source_name, source_country, source_code, target_name, target_country, target_code,
       sentence_text
FROM work.main.ev ORDER BY pair_lo, pair_hi, rn
"""
# Key spaces: where a position's keys come from (an actor's country or code, its name
# lowered, or a column of the event); a key is listed once per position.
_ACTOR_POSTINGS = {
    "country": ("country", "code"),
    "source": ("country", "code"),
    "target": ("country", "code"),
    "actor": ("lower(actor.name)",),
}
_EVENT_POSTINGS = {
    "type": "plover_type",
    "quad": "CAST(quad_class AS VARCHAR)",
    "doc": "doc_id",
}
BUCKETS = ("day_bucket", "week_bucket", "month_bucket")


def index_folder(folder: Path, catalog: LiveCatalog) -> Path:
    """Where the index of ``catalog`` (a catalog of the live copy in ``folder``) lives."""
    return folder / f"g{catalog.generation}" / f"index-{catalog.parts[-1].seq:06d}"


def read_meta(target: Path) -> dict[str, object] | None:
    """The meta.json of a finished index folder of this format, or None."""
    try:
        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("format") == FORMAT else None


def ensure_index(folder: Path, catalog: LiveCatalog) -> Path:
    """The index folder of ``catalog``, built first if missing (one line on stderr)."""
    target = index_folder(folder, catalog)
    if read_meta(target) is not None:
        return target
    print(f"eventscribe serve: indexing the events of {folder} (once per copy)", file=sys.stderr)
    with atomic_folder(target) as temp:
        _build_elsewhere(folder, catalog, temp)
        if target.exists() and read_meta(target) is None:  # unfinished, or an older format
            shutil.rmtree(target, ignore_errors=True)
    _remove_older(target)
    return target


def _build_elsewhere(folder: Path, catalog: LiveCatalog, out: Path) -> None:
    """:func:`build` in a process of its own: the serving process keeps none of its memory."""
    done = subprocess.run(
        [sys.executable, "-m", "eventscribe.web.indexbuild", str(folder), str(out)],
        input=json.dumps(catalog_to_json(catalog)),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        said = [line for line in done.stderr.splitlines() if line.strip()]
        raise StoreError(
            f"indexing the events of {folder} failed: {said[-1] if said else done.returncode}",
            fix="see that the machine has a few GB of memory and disk space to spare",
        )


def main(argv: list[str]) -> int:
    """``python -m eventscribe.web.indexbuild FOLDER OUT`` with the catalog as JSON on stdin."""
    catalog = catalog_from_json(json.loads(sys.stdin.read()))
    if catalog is None or len(argv) != 2:
        print(
            "usage: python -m eventscribe.web.indexbuild FOLDER OUT < catalog.json", file=sys.stderr
        )
        return 2
    try:
        build(Path(argv[0]), catalog, Path(argv[1]))
    except (duckdb.Error, OSError) as exc:
        print(f"{type(exc).__name__}: {exc}".replace("\n", " "), file=sys.stderr)
        return 1
    return 0


def _remove_older(target: Path, keep_seconds: float = KEEP_OLD_INDEX_SECONDS) -> None:
    """Remove the earlier indexes of the same generation (each is about 0.8 GB per million
    events) that are older than ``keep_seconds``: a server still reading one keeps its
    open files until it swaps in the newer one, which it does at its next refresh."""
    cutoff = time.time() - keep_seconds
    for old in target.parent.glob("index-*"):
        try:
            if old.name < target.name and old.stat().st_mtime < cutoff:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue


def build(folder: Path, catalog: LiveCatalog, out: Path) -> None:
    """Write the index of the live copy ``catalog`` of ``folder`` into the empty ``out``."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute(f"SET memory_limit = '{BUILD_MEMORY}'")
        con.execute(f"SET temp_directory = {quote_literal(str(out / 'spill'))}")
        con.execute("SET preserve_insertion_order = true")
        con.execute(f"ATTACH {quote_literal(str(out / 'work.duckdb'))} AS work")
        con.execute(f"ATTACH {quote_literal(str(out / 'sql.duckdb'))} AS idx")
        con.execute("ATTACH ':memory:' AS store")
        con.execute("USE store")
        create_views(con, folder, catalog, dyads=False)
        for sql in (_ORDER_SQL, _ACTORS_SQL, _EVENTS_SQL):
            con.execute(sql)  # CREATE TABLE ... ORDER BY: ord's rowid is the position
        size = int(con.execute("SELECT count(*) FROM work.main.ev").fetchall()[0][0])
        stats = _write_page(con, out, size)
        for space, fields in _ACTOR_POSTINGS.items():
            _write_actor_postings(con, out, space, fields)
        for space, column in _EVENT_POSTINGS.items():
            _write_postings(con, out, space, f"SELECT {column} AS key, pos FROM work.main.ev")
        _write_ids(con, out)
        _write_documents(con, out)
        _write_breakdown_ids(con, out, size)
        _write_tokens(con, out)
        con.execute(_DYAD_SQL)
        con.execute("DETACH idx")
        con.execute("DETACH work")
    finally:
        con.close()
    (out / "work.duckdb").unlink(missing_ok=True)
    shutil.rmtree(out / "spill", ignore_errors=True)
    meta = {"format": FORMAT, "events": size, "generation": catalog.generation,
            "parts": len(catalog.parts), "batch_rows": BATCH_ROWS, **stats}  # fmt: skip
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _batches(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[pa.RecordBatch]:
    reader = con.sql(sql).to_arrow_reader(BATCH_ROWS)
    yield from reader


def _exact_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The rows of ``batches`` again, in batches of exactly BATCH_ROWS (the last shorter)."""
    held: list[pa.RecordBatch] = []
    count = 0
    for batch in batches:
        held.append(batch)
        count += batch.num_rows
        while count >= BATCH_ROWS:
            table = pa.Table.from_batches(held)
            yield table.slice(0, BATCH_ROWS).combine_chunks().to_batches()[0]
            rest = table.slice(BATCH_ROWS)
            held, count = rest.combine_chunks().to_batches(), rest.num_rows
    if count:
        yield pa.Table.from_batches(held).combine_chunks().to_batches()[0]


def _write_page(con: duckdb.DuckDBPyConnection, out: Path, size: int) -> dict[str, object]:
    """page.arrow, the date ranks and the number arrays, one batch at a time; returns what
    the index's meta.json says of them."""
    dates = sorted(
        str(row[0])
        for row in con.execute(
            "SELECT DISTINCT ev_date FROM work.main.ev WHERE ev_date IS NOT NULL"
        ).fetchall()
    )
    _write_strings(out / "dates.arrow", dates)
    rank_of = {value: i for i, value in enumerate(dates)}
    arrays = {
        "neg_rank": _new_array(out, "neg_rank", np.int32, size),
        "negated": _new_array(out, "negated", np.bool_, size),
        "quad": _new_array(out, "quad", np.int32, size),
        "intensity": _new_array(out, "intensity", np.float64, size),
        "goldstein": _new_array(out, "goldstein", np.float64, size),
        **{b: _new_array(out, b, np.int32, size) for b in BUCKETS},
        "lat": _new_array(out, "lat", np.float64, size),
        "lon": _new_array(out, "lon", np.float64, size),
    }
    flat = [c for c in PAGE_COLUMNS if c not in ACTOR_LISTS]
    columns = ", ".join([*flat, TEXT_COLUMN, "ev_date", *BUCKETS, "loc_lat", "loc_lon", "pos"])
    # read alongside the events: a cursor of its own (one connection streams one result)
    actors = _ByPosition(_batches(con.cursor(), "SELECT * FROM work.main.acts"))
    actor_type = pa.list_(
        con.sql("SELECT actor FROM work.main.acts LIMIT 0").to_arrow_table().schema[0].type
    )
    at = 0
    with pa.ipc.new_file(str(out / "page.arrow"), _page_schema(con, columns, actor_type)) as writer:
        for batch in _exact_batches(_batches(con, f"SELECT {columns} FROM work.main.ev")):
            n = batch.num_rows
            pos = batch.column("pos").to_numpy(zero_copy_only=False)
            if n and (pos[0] != at or pos[-1] != at + n - 1):
                raise RuntimeError("the events came back out of order while indexing")
            held = actors.before(at + n)
            lists = [
                _actor_list(held, at, n, role == "targets", actor_type) for role in ACTOR_LISTS
            ]
            page = pa.RecordBatch.from_arrays(
                [*batch.select([*flat, TEXT_COLUMN]).columns, *lists],
                names=[*flat, TEXT_COLUMN, *ACTOR_LISTS],
            )
            writer.write_batch(page.select([*PAGE_COLUMNS, TEXT_COLUMN]))
            _fill_numbers(arrays, slice(at, at + n), batch, rank_of)
            at += n
    for values in arrays.values():
        values.flush()
    neg_rank = arrays["neg_rank"]
    return {
        "n_dated": int(np.count_nonzero(neg_rank <= 0)),
        # dates descending: minus the ranks ascending, nulls (1) last
        "ordered": bool(np.all(neg_rank[:-1] <= neg_rank[1:])) if size else True,
        "any_negated": bool(arrays["negated"].any()),
    }


def _page_schema(
    con: duckdb.DuckDBPyConnection, columns: str, actor_type: pa.DataType
) -> pa.Schema:
    flat = con.sql(f"SELECT {columns} FROM work.main.ev LIMIT 0").to_arrow_table().schema
    fields = {f.name: f for f in flat}
    fields.update({role: pa.field(role, actor_type) for role in ACTOR_LISTS})
    return pa.schema([fields[c] for c in (*PAGE_COLUMNS, TEXT_COLUMN)])


def _fill_numbers(
    arrays: dict[str, np.memmap], part: slice, batch: pa.RecordBatch, rank_of: dict[str, int]
) -> None:
    """The number arrays' values for the positions ``part`` (the rows of ``batch``)."""
    encoded = pc.dictionary_encode(batch.column("ev_date"))
    remap = np.array([rank_of[v] for v in encoded.dictionary.to_pylist()] + [-1], np.int32)
    arrays["neg_rank"][part] = -remap[_numpy(pc.fill_null(encoded.indices, -1))]
    arrays["negated"][part] = _numpy(pc.fill_null(batch.column("negated"), False))
    arrays["quad"][part] = _numpy(pc.fill_null(batch.column("quad_class"), 0))
    for name in ("intensity", "goldstein"):
        values = pc.cast(batch.column(name), pa.float64())
        arrays[name][part] = _numpy(pc.fill_null(values, np.nan))
    for name in BUCKETS:
        arrays[name][part] = _numpy(batch.column(name))
    for name in ("lat", "lon"):
        values = pc.cast(batch.column(f"loc_{name}"), pa.float64())
        arrays[name][part] = _numpy(pc.fill_null(values, np.nan))


def _numpy(values: pa.Array) -> np.ndarray:
    found: np.ndarray = values.to_numpy(zero_copy_only=False)
    return found


class _ByPosition:
    """Rows ordered by ``pos`` (the actors), handed out in step with the events."""

    def __init__(self, batches: Iterator[pa.RecordBatch]) -> None:
        self._batches = batches
        self._held: pa.Table | None = None
        self._done = False

    def before(self, end: int) -> pa.Table:
        """The rows not yet handed out whose ``pos`` is below ``end``."""
        while not self._done and (self._held is None or self._last_pos() < end):
            batch = next(self._batches, None)
            if batch is None:
                self._done = True
            else:
                fresh = pa.Table.from_batches([batch])
                self._held = fresh if self._held is None else pa.concat_tables([self._held, fresh])
        if self._held is None:
            return pa.table({"pos": pa.array([], pa.int64())})
        held = self._held.combine_chunks()
        k = int(np.searchsorted(_numpy(held.column("pos").chunk(0)), end)) if held.num_rows else 0
        self._held = held.slice(k)
        return held.slice(0, k)

    def _last_pos(self) -> int:
        held = self._held
        return int(held.column("pos")[-1].as_py()) if held is not None and held.num_rows else -1


def _actor_list(
    actors: pa.Table, at: int, n: int, targets: bool, list_type: pa.DataType
) -> pa.Array:
    """The list of one role's actors of each of the ``n`` positions from ``at`` (null for
    none, as the SQL ``list()`` of no rows)."""
    if actors.num_rows == 0:
        return pa.nulls(n, list_type)
    chosen = actors.filter(pc.equal(actors.column("is_target"), targets))
    counts = np.bincount(_numpy(chosen.column("pos").combine_chunks()) - at, minlength=n)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    values = chosen.column("actor").combine_chunks()
    if len(values) == 0:
        return pa.nulls(n, list_type)
    return pa.ListArray.from_arrays(pa.array(offsets), values, mask=pa.array(counts == 0))


def _new_array(out: Path, name: str, dtype: type, size: int) -> np.memmap:
    array: np.memmap = np.lib.format.open_memmap(
        str(out / f"{name}.npy"), mode="w+", dtype=dtype, shape=(size,)
    )
    return array


def _write_actor_postings(
    con: duckdb.DuckDBPyConnection, out: Path, space: str, fields: tuple[str, ...]
) -> None:
    """Posting lists keyed by the actors' ``fields`` (of every actor, or of one role)."""
    role = {"source": " WHERE NOT is_target", "target": " WHERE is_target"}.get(space, "")
    selects = [
        f"SELECT {f if '(' in f else f'actor.{f}'} AS key, pos FROM work.main.acts{role}"
        for f in fields
    ]
    _write_postings(con, out, space, " UNION ALL ".join(selects))


def _write_postings(con: duckdb.DuckDBPyConnection, out: Path, space: str, rows: str) -> pa.Array:
    """The posting lists of one key space from ``rows`` (SQL giving key, pos): sorted keys,
    offsets and positions; returns the keys."""
    # sorted only: DISTINCT over the tokens of ten million sentences does not fit in the
    # memory limit, so repeats are dropped while writing (they sit side by side)
    con.execute(
        f"CREATE OR REPLACE TABLE work.main.p AS SELECT key, pos FROM ({rows}) "
        "WHERE key IS NOT NULL AND key <> '' ORDER BY key, pos"
    )
    return _write_grouped(con, out, space)


def _write_grouped(con: duckdb.DuckDBPyConnection, out: Path, name: str) -> pa.Array:
    """From ``work.p`` (key, pos, ordered by both, repeats allowed): the sorted distinct
    keys, where each key's positions start, and the positions, each listed once."""
    total = int(con.execute("SELECT count(*) FROM work.main.p").fetchall()[0][0])
    scratch = _new_array(out, f"{name}.scratch", np.int32, total)
    keys: list[pa.Array] = []
    firsts: list[np.ndarray] = []
    last: tuple[object, int] = (None, -1)
    at = 0
    for batch in _batches(con, "SELECT key, pos FROM work.main.p"):
        key, pos = batch.column(0), _numpy(batch.column(1))
        n = len(pos)
        if n == 0:
            continue
        same_key = np.empty(n, dtype=bool)
        same_key[0] = key[0].as_py() == last[0]
        same_key[1:] = _numpy(pc.equal(key.slice(1), key.slice(0, n - 1)))
        previous = np.concatenate([[last[1]], pos[:-1]])
        keep = ~(same_key & (pos == previous))
        kept = pos[keep]
        scratch[at : at + len(kept)] = kept
        firsts.append(at + np.flatnonzero(~same_key[keep]))  # kept rows that begin a key
        at += len(kept)
        keys.append(key.filter(pa.array(~same_key)))
        last = (key[n - 1].as_py(), int(pos[-1]))
    strings = pa.concat_arrays(keys) if keys else pa.array([], pa.large_string())
    _write_array(out / f"{name}.keys.arrow", strings)
    offsets = np.concatenate([*firsts, [at]]).astype(np.int64)
    np.save(out / f"{name}.offsets.npy", offsets, allow_pickle=False)
    positions = _new_array(out, f"{name}.positions", np.int32, at)
    step = 1 << 24
    for start in range(0, at, step):
        stop = min(at, start + step)
        positions[start:stop] = scratch[start:stop]
    positions.flush()
    del scratch
    (out / f"{name}.scratch.npy").unlink()
    return strings


def _write_ids(con: duckdb.DuckDBPyConnection, out: Path) -> None:
    """Event ids sorted, with the position of each."""
    con.execute(
        "CREATE OR REPLACE TABLE work.main.p AS SELECT event_id AS key, pos "
        "FROM work.main.ev ORDER BY key"
    )
    ids = con.sql("SELECT key FROM work.main.p").to_arrow_table().column(0)
    _write_array(out / "ids.arrow", ids.combine_chunks())
    del ids
    size = int(con.execute("SELECT count(*) FROM work.main.p").fetchall()[0][0])
    positions = _new_array(out, "ids.positions", np.int32, size)
    at = 0
    for batch in _batches(con, "SELECT pos FROM work.main.p"):
        values = batch.column(0).to_numpy(zero_copy_only=False)
        positions[at : at + len(values)] = values
        at += len(values)
    positions.flush()


# Per position, what the breakdowns group by: the type, the first source's and target's
# country and actor (name, country, code), as ids into sorted tables (-1: none).
_BREAKDOWN_TABLES = """
CREATE OR REPLACE TABLE work.main.types AS
SELECT key, row_number() OVER (ORDER BY key) - 1 AS id
FROM (SELECT DISTINCT plover_type AS key FROM work.main.ev WHERE plover_type IS NOT NULL);
CREATE OR REPLACE TABLE work.main.countries AS
SELECT key, row_number() OVER (ORDER BY key) - 1 AS id FROM (
  SELECT source_country AS key FROM work.main.ev WHERE source_country IS NOT NULL
  UNION SELECT target_country FROM work.main.ev WHERE target_country IS NOT NULL);
CREATE OR REPLACE TABLE work.main.loc_names AS
SELECT key, row_number() OVER (ORDER BY key) - 1 AS id
FROM (SELECT DISTINCT loc_name AS key FROM work.main.ev WHERE loc_name IS NOT NULL);
CREATE OR REPLACE TABLE work.main.loc_countries AS
SELECT key, row_number() OVER (ORDER BY key) - 1 AS id
FROM (SELECT DISTINCT loc_country AS key FROM work.main.ev WHERE loc_country IS NOT NULL);
CREATE OR REPLACE TABLE work.main.loc_precisions AS
SELECT key, row_number() OVER (ORDER BY key) - 1 AS id
FROM (SELECT DISTINCT loc_precision AS key FROM work.main.ev WHERE loc_precision IS NOT NULL);
CREATE OR REPLACE TABLE work.main.actors AS
SELECT name, country, code, row_number() OVER (ORDER BY name, country, code) - 1 AS id FROM (
  SELECT source_name AS name, source_country AS country, source_code AS code
  FROM work.main.ev WHERE source_name IS NOT NULL
  UNION SELECT target_name, target_country, target_code
  FROM work.main.ev WHERE target_name IS NOT NULL);
"""
_SAME_ACTOR = (
    "{a}.name = e.{role}_name AND {a}.country IS NOT DISTINCT FROM e.{role}_country "
    "AND {a}.code IS NOT DISTINCT FROM e.{role}_code"
)
_BREAKDOWN_IDS = f"""
SELECT e.pos, coalesce(ty.id, -1) AS type_id,
       coalesce(sc.id, -1) AS source_country_id, coalesce(tc.id, -1) AS target_country_id,
       coalesce(sa.id, -1) AS source_actor_id, coalesce(ta.id, -1) AS target_actor_id,
       coalesce(ln.id, -1) AS loc_name_id, coalesce(lc.id, -1) AS loc_country_id,
       coalesce(lp.id, -1) AS loc_precision_id
FROM work.main.ev AS e
LEFT JOIN work.main.loc_names AS ln ON ln.key = e.loc_name
LEFT JOIN work.main.loc_countries AS lc ON lc.key = e.loc_country
LEFT JOIN work.main.loc_precisions AS lp ON lp.key = e.loc_precision
LEFT JOIN work.main.types AS ty ON ty.key = e.plover_type
LEFT JOIN work.main.countries AS sc ON sc.key = e.source_country
LEFT JOIN work.main.countries AS tc ON tc.key = e.target_country
LEFT JOIN work.main.actors AS sa ON {_SAME_ACTOR.format(a="sa", role="source")}
LEFT JOIN work.main.actors AS ta ON {_SAME_ACTOR.format(a="ta", role="target")}
ORDER BY e.pos
"""
BREAKDOWN_IDS = (
    "type_id",
    "source_country_id",
    "target_country_id",
    "source_actor_id",
    "target_actor_id",
    "loc_name_id",
    "loc_country_id",
    "loc_precision_id",
)


def _write_breakdown_ids(con: duckdb.DuckDBPyConnection, out: Path, size: int) -> None:
    """The tables of types, countries and actors (sorted as the breakdowns break ties) and
    each position's ids in them."""
    con.execute(_BREAKDOWN_TABLES)
    for table, columns in (("types", "key"), ("countries", "key"), ("loc_names", "key"),
                           ("loc_countries", "key"), ("loc_precisions", "key"),
                           ("actors", "name, country, code")):  # fmt: skip
        rows = con.sql(f"SELECT {columns} FROM work.main.{table} ORDER BY id").to_arrow_table()
        with pa.ipc.new_file(str(out / f"{table}.arrow"), rows.schema) as writer:
            writer.write_table(rows)
    arrays = {name: _new_array(out, name, np.int32, size) for name in BREAKDOWN_IDS}
    at = 0
    for batch in _batches(con, _BREAKDOWN_IDS):
        n = batch.num_rows
        for name in BREAKDOWN_IDS:
            arrays[name][at : at + n] = _numpy(batch.column(name))
        at += n
    for values in arrays.values():
        values.flush()


def _write_documents(con: duckdb.DuckDBPyConnection, out: Path) -> None:
    """documents.arrow: the documents as the API shows one, sorted by id."""
    sql = f"SELECT {DOCUMENT_COLUMNS} FROM store.main.documents ORDER BY doc_id"
    con.execute(f"CREATE OR REPLACE TABLE work.main.p AS {sql}")
    schema = con.sql("SELECT * FROM work.main.p LIMIT 0").to_arrow_table().schema
    with pa.ipc.new_file(str(out / "documents.arrow"), schema) as writer:
        for batch in _exact_batches(_batches(con, "SELECT * FROM work.main.p")):
            writer.write_batch(batch)


def _write_tokens(con: duckdb.DuckDBPyConnection, out: Path) -> None:
    """The token index: tokens (maximal runs of [0-9a-z] of the lowered sentences) sorted,
    their posting lists, and the tokens reversed and sorted with the id of each."""
    split = f"regexp_split_to_array({TEXT_COLUMN}, '[^0-9a-z]+')"
    vocab = _write_postings(
        con, out, "tokens", f"SELECT unnest({split}) AS key, pos FROM work.main.ev"
    )
    reversed_tokens = pc.utf8_reverse(vocab)
    order = pc.array_sort_indices(reversed_tokens)
    _write_array(out / "tokens.reversed.arrow", reversed_tokens.take(order))
    np.save(
        out / "tokens.reversed_ids.npy",
        order.to_numpy(zero_copy_only=False).astype(np.int32),
        allow_pickle=False,
    )


def _write_strings(path: Path, values: list[str]) -> None:
    _write_array(path, pa.array(values, pa.large_string()))


def _write_array(path: Path, values: pa.Array) -> None:
    """One array as a one-column Arrow IPC file (``value``), large strings for text."""
    if pa.types.is_string(values.type):
        values = values.cast(pa.large_string())
    table = pa.table({"value": values})
    with pa.ipc.new_file(str(path), table.schema) as writer:
        writer.write_table(table)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
