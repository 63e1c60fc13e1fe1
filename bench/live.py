"""Serving while coding: what the store's live copy costs and how soon new events show.

Usage:
    .venv/bin/python bench/make_big_store.py --out /tmp/big.duckdb      # 1M events, once
    .venv/bin/python bench/live.py --store /tmp/big.duckdb

On a copy of ``--store`` (the original is not changed) it measures:

- ``copy_seconds``, ``copy_mb``, ``store_mb``: writing one base copy of the served
  tables as Parquet (what every run that changes the store pays when it closes), and the
  sizes on disk (``copy_mb``: the whole folder,
  the superseded generation kept for readers included; ``copy_mb_served_generation``:
  the current one);
- ``serve_open_seconds``: opening the copy for serving (views, event index, SQL copy);
- ``code_seconds_one_article``: ``eventscribe code`` of one bundled article into the
  served store (start-up, coding, a part for its batch, a new base at close);
- ``visible_after_seconds``: from that run's exit to the served store showing its
  document (refresh polled every 0.1 s; ``serve`` polls every ``--refresh`` seconds,
  default 5, so add that).

Prints one JSON object and saves it as bench/results/live-<YYYY-MM-DD>.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from eventscribe.store import EventStore
from eventscribe.store.live import live_dir, read_catalog, write_base
from eventscribe.web.db import ServedStore

ROOT = Path(__file__).resolve().parents[1]


def _mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 1e6, 1)


def _code(store: Path, article: Path) -> float:
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "eventscribe.cli",
            "code",
            str(article),
            "--store",
            str(store),
            "-q",
        ],
        check=True,
    )
    return time.monotonic() - started


def _documents(served: ServedStore) -> int:
    with served.reader() as reader:
        return int(reader.fetch("SELECT count(*) AS n FROM documents")[0]["n"])


def _copy_seconds(store: Path, work: Path) -> float:
    """Writing one base copy of ``store`` (what each changing run pays at its close)."""
    with EventStore(store, read_only=True) as opened:
        started = time.monotonic()
        write_base(opened.connection, work / "timed-copy")
        return time.monotonic() - started


def measure(original: Path, work: Path) -> dict[str, float]:
    store = work / "store.duckdb"
    articles = sorted((ROOT / "examples").glob("*.txt"))
    shutil.copyfile(original, store)
    (work / "timed-copy").mkdir()
    copied = _copy_seconds(store, work)
    _code(store, articles[2])  # warms the disk caches; its close writes the live copy
    started = time.monotonic()
    served = ServedStore(store)
    opened = time.monotonic() - started
    before = _documents(served)
    coded = _code(store, articles[1])  # a part for its batch (a server reads) + a new base
    finished = time.monotonic()
    while not (served.refresh() and _documents(served) > before):
        time.sleep(0.1)
    catalog = read_catalog(live_dir(store))
    assert catalog is not None
    generation = live_dir(store) / f"g{catalog.generation}"
    return {
        "store_mb": _mb(store),
        "copy_mb": _mb(live_dir(store)),
        "copy_mb_served_generation": _mb(generation),
        "copy_seconds": round(copied, 2),
        "serve_open_seconds": round(opened, 2),
        "code_seconds_one_article": round(coded, 2),
        "visible_after_seconds": round(time.monotonic() - finished, 2),
        "events": served.info.counts["events"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="es-live-") as folder:
        result = {"date": date.today().isoformat(), "store": str(args.store)}
        result.update(measure(args.store, Path(folder)))
    print(json.dumps(result, indent=1))
    out = ROOT / "bench" / "results" / f"live-{date.today().isoformat()}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
