"""Generate a large eventscribe store (default 1,000,000 events) for the API load benchmark.

Usage:
    .venv/bin/python bench/make_big_store.py --out /tmp/big.duckdb [--events 1000000]

The store is created by :class:`eventscribe.store.EventStore` (same schema and indexes as
a real one) and filled with generated rows in DuckDB SQL: 10 events per document,
dates spread over 2015-2024, 40 countries with a few busy dyads (SRB-XKX among them),
every PLOVER type with its quad class and a Goldstein score. Values come from
``hash(row number)``, so the same ``--events`` gives the same store.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eventscribe.ontology import bundled_ontology
from eventscribe.store import EventStore
from eventscribe.store.schema import first_actor_statements

COUNTRIES = ("SRB XKX USA RUS UKR CHN TWN IRN ISR PSE EUR DEU FRA GBR TUR GRC ALB MKD BIH HRV "
             "IND PAK AFG IRQ SYR EGY ETH SDN NGA ZAF BRA VEN COL MEX JPN KOR PRK UNO IGO NGO").split()  # fmt: skip
EVENTS_PER_DOC = 10

_DOCS_SQL = """
INSERT INTO documents BY NAME
SELECT 'doc-' || d AS doc_id,
       DATE '2015-01-01' + CAST(hash(d, 'date') % 3650 AS INTEGER) AS date,
       'Generated report ' || d AS title, 'https://example.org/' || d AS url,
       'Bench Wire' AS source, 'bench:' || d AS origin,
       'Generated article ' || d || '. One sentence per event follows.' AS text,
       11 AS n_sentences, 10 AS n_events, 'bench' AS run_id
FROM range(?) AS t(d)
"""

_EVENTS_SQL = """
INSERT INTO events BY NAME
WITH base AS (
  SELECT i, i // {per_doc} AS d,
         hash(i, 'src') % 100 AS r_src, hash(i, 'tgt') % 100 AS r_tgt,
         hash(i, 'type') % (SELECT count(*) FROM _types) AS r_type,
         hash(i, 'day') % 7 AS r_day
  FROM range($1) AS t(i)
), picked AS (
  SELECT b.*, ty.plover_type, ty.quad_class, ty.intensity, ty.goldstein, ty.cameo_code,
         -- a third of events are between Serbia and Kosovo's busiest neighbours
         CASE WHEN b.r_src < 8 THEN 'SRB' WHEN b.r_src < 16 THEN 'XKX'
              ELSE list_extract($2, 1 + CAST(hash(b.i, 'c1') % {n} AS INTEGER)) END AS src,
         CASE WHEN b.r_src < 8 THEN 'XKX' WHEN b.r_src < 16 THEN 'SRB'
              ELSE list_extract($2, 1 + CAST(hash(b.i, 'c2') % {n} AS INTEGER)) END AS tgt
  FROM base AS b JOIN _types AS ty ON ty.k = b.r_type
)
SELECT 'ev-' || i AS event_id, 'doc-' || d AS doc_id,
       CAST(i % {per_doc} + 1 AS INTEGER) AS sentence_index,
       CAST(DATE '2015-01-01' + CAST(hash(d, 'date') % 3650 AS INTEGER)
            - CAST(r_day AS INTEGER) AS VARCHAR) AS event_date,
       'day' AS date_precision, plover_type, cameo_code, quad_class, intensity, goldstein,
       FALSE AS negated, 0.9 AS confidence,
       src || ' leader' AS source_text, 0 AS source_start, length(src) + 7 AS source_end,
       src || ' leader' AS source_name, src AS source_country, 'GOV' AS source_sector,
       src || 'GOV' AS source_code,
       CASE WHEN r_tgt < 90 THEN tgt || ' government' END AS target_text,
       CASE WHEN r_tgt < 90 THEN length(src) + 9 + length(plover_type) END AS target_start,
       CASE WHEN r_tgt < 90 THEN length(src) + 23 + length(plover_type) END AS target_end,
       CASE WHEN r_tgt < 90 THEN tgt || ' government' END AS target_name,
       CASE WHEN r_tgt < 90 THEN tgt END AS target_country,
       CASE WHEN r_tgt < 90 THEN 'GOV' END AS target_sector,
       CASE WHEN r_tgt < 90 THEN tgt || 'GOV' END AS target_code,
       lower(plover_type) AS trigger_text, length(src) + 8 AS trigger_start,
       length(src) + 8 + length(plover_type) AS trigger_end,
       0 AS sentence_start, 200 AS sentence_end,
       src || ' leader ' || lower(plover_type) || ' ' || tgt || ' government over event '
         || i || '.' AS sentence_text,
       'generated' AS explanation, 'bench' AS run_id
FROM picked
"""


def _types_table(store: EventStore) -> None:
    onto = bundled_ontology()
    rows = []
    for k, (name, kind) in enumerate(sorted(onto.event_types.items())):
        cameo = onto.default_cameo(name)
        rows.append((k, name, kind.quad, kind.intensity, onto.goldstein(cameo), cameo))
    con = store._con  # noqa: SLF001 - bench-only bulk fill through the store's connection
    con.execute("CREATE TEMP TABLE _types (k INTEGER, plover_type VARCHAR, quad_class INTEGER, "
                "intensity DOUBLE, goldstein DOUBLE, cameo_code VARCHAR)")  # fmt: skip
    con.executemany("INSERT INTO _types VALUES (?, ?, ?, ?, ?, ?)", rows)


def build(path: Path, events: int) -> None:
    """Create ``path`` and fill it with ``events`` generated events."""
    if path.exists():
        path.unlink()
    docs = -(-events // EVENTS_PER_DOC)
    with EventStore(path) as store:
        _types_table(store)
        con = store._con  # noqa: SLF001
        con.execute(
            "INSERT INTO runs (run_id, command) VALUES ('bench', 'bench/make_big_store.py')"
        )
        con.execute(_DOCS_SQL, [docs])
        sql = _EVENTS_SQL.format(per_doc=EVENTS_PER_DOC, n=len(COUNTRIES))
        con.execute(sql, [events, list(COUNTRIES)])
        for statement in first_actor_statements():  # one source and one target per event
            con.execute(statement)
        con.execute("CHECKPOINT")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.monotonic()
    build(args.out, args.events)
    print(
        f"wrote {args.events} events to {args.out} in {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
