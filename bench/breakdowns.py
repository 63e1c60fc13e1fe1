"""The dashboard's breakdowns (top dyads, top actors, type mix) on a large store, timed.

Usage:
    .venv/bin/python bench/breakdowns.py --store /tmp/big10m.duckdb [--sql]

Opens the store as `eventscribe serve` does (building its event index first if needed)
and times each breakdown for a few filters, one request at a time: from the index (the
server's path), and with ``--sql`` also through the SQL the server used before it had
breakdowns in its index (over the live copy's Parquet; minutes on 10M events). Prints one
JSON object: milliseconds per filter and breakdown.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from eventscribe.analysis import EventFilter, top_actors, top_dyads, type_mix
from eventscribe.web.db import CursorReader, ServedStore

FILTERS = {
    "every event": EventFilter(),
    "dyad SRB-XKX": EventFilter(dyad=(("SRB",), ("XKX",))),
    "dyad USA-CHN": EventFilter(dyad=(("USA",), ("CHN",))),
    "country RUS in 2019": EventFilter(countries=("RUS",), start="2019-01-01", end="2019-12-31"),
}


class SqlOnly:
    """The server's reader without its index answers: the breakdowns run their SQL."""

    def __init__(self, reader: CursorReader) -> None:
        self.fetch, self.source_for = reader.fetch, reader.source_for


def _time(reader: Any, flt: EventFilter) -> dict[str, float]:
    out = {}
    for name, run in (("top_dyads", lambda: top_dyads(reader, flt, limit=25)),
                      ("top_actors", lambda: top_actors(reader, flt, limit=25)),
                      ("type_mix", lambda: type_mix(reader, flt))):  # fmt: skip
        began = time.perf_counter()
        run()
        out[name] = round((time.perf_counter() - began) * 1000, 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--sql", action="store_true", help="also time the SQL path")
    args = parser.parse_args()
    served = ServedStore(args.store)
    result: dict[str, Any] = {"events": served.index.size}
    with served.reader() as reader:
        for label, flt in FILTERS.items():
            row = {"index_first_ms": _time(reader, flt), "index_again_ms": _time(reader, flt)}
            if args.sql:
                row["sql_ms"] = _time(SqlOnly(reader), flt)
            result[label] = row
    served.close()
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
