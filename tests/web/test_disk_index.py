"""The server's event index lives on disk next to the live copy: built once per copy,
built again when damaged, opened memory-mapped, and the pages a query touched are given
back so the server's memory does not grow with the store."""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import duckdb
import numpy as np
import pyarrow as pa
import pytest

from eventscribe.analysis import EventFilter
from eventscribe.store import EventStore
from eventscribe.store.live import live_dir, read_catalog
from eventscribe.web import indexbuild, queries
from eventscribe.web.db import ServedStore
from eventscribe.web.index import Memo
from eventscribe.web.indexbuild import index_folder


def _events(served: ServedStore) -> list[str]:
    with served.reader() as reader:
        page = queries.list_events(reader, EventFilter(), limit=50, offset=0)
    return [item["event_id"] for item in page["items"]]


def _index_of(store_path: Path) -> Path:
    folder = live_dir(store_path)
    catalog = read_catalog(folder)
    assert catalog is not None
    return index_folder(folder, catalog)


def _served_events_of_two_documents(store_path: Path, factories: ModuleType) -> list[str]:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc(), factories.aid_doc()], run=factories.RUN)
    return _events(ServedStore(store_path))


def test_the_index_is_built_once_per_copy(
    store_path: Path, factories: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _served_events_of_two_documents(store_path, factories)
    assert "indexing the events" in capsys.readouterr().err
    built = (_index_of(store_path) / "page.arrow").stat().st_ino
    again = ServedStore(store_path)
    assert _events(again) == first and len(first) == 3
    assert "indexing" not in capsys.readouterr().err
    assert (_index_of(store_path) / "page.arrow").stat().st_ino == built


def test_a_damaged_index_is_built_again(
    store_path: Path, factories: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _served_events_of_two_documents(store_path, factories)
    index = _index_of(store_path)
    (index / "page.arrow").write_bytes(b"not an arrow file")
    (index / "doc.positions.npy").unlink()
    capsys.readouterr()
    assert _events(ServedStore(store_path)) == first
    assert "is damaged" in capsys.readouterr().err


def test_a_coding_run_gets_an_index_of_its_own(store_path: Path, factories: ModuleType) -> None:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    served = ServedStore(store_path)
    before = _index_of(store_path)
    with EventStore(store_path) as writer:  # a coding run, mid-way: a part after a commit
        writer.write([factories.aid_doc()], run=factories.RUN)
        assert served.refresh()
        assert len(_events(served)) == 3
        assert _index_of(store_path) != before


def _resident_kb(name: str) -> int:
    """Resident KB of this process's mappings of files called ``name`` (Linux)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and ":" not in head[0]:
            inside = line.rstrip().endswith("/" + name)
        elif inside and line.startswith("Rss:"):
            total += int(head[1])
    return total


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/smaps")
def test_pages_a_query_touched_are_given_back(generated_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(generated_store, path)
    served = ServedStore(path)
    index = served.index
    rows = index.rows(list(range(0, index.size, 3)))  # every third event: all of page.arrow
    assert len(rows) == len(range(0, index.size, 3))
    touched = _resident_kb("page.arrow")
    assert touched > 1000  # about 7 MB of rows for 12,000 events
    index.maps.release()
    assert _resident_kb("page.arrow") < touched / 10
    assert index.rows([0])[0]["event_id"] == rows[0]["event_id"]  # still readable


def test_posting_lists_list_each_position_once_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexbuild, "BATCH_ROWS", 3)  # repeats and keys straddle batches
    # batches: a1 a1 a4 | a5 a6 a7 (all one key) | a7 b0 b0 | b0 b2 c5
    rows = [("a", 1), ("a", 1), ("a", 4), ("a", 5), ("a", 6), ("a", 7)]
    rows += [("a", 7), ("b", 0), ("b", 0), ("b", 0), ("b", 2), ("c", 5)]
    con = duckdb.connect(":memory:")
    con.execute("ATTACH ':memory:' AS work")
    con.execute("CREATE TABLE work.main.src (key VARCHAR, pos BIGINT)")
    con.executemany("INSERT INTO work.main.src VALUES (?, ?)", rows)
    indexbuild._write_postings(con, tmp_path, "t", "SELECT key, pos FROM work.main.src")
    keys = pa.ipc.open_file(str(tmp_path / "t.keys.arrow")).read_all().column("value").to_pylist()
    assert keys == ["a", "b", "c"]
    assert np.load(tmp_path / "t.offsets.npy").tolist() == [0, 5, 7, 8]
    assert np.load(tmp_path / "t.positions.npy").tolist() == [1, 4, 5, 6, 7, 0, 2, 5]


def test_a_breakdown_asked_for_twice_at_once_is_computed_once() -> None:
    entered, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow(index: object, kind: str, flt: EventFilter, limit: int | None) -> list[dict]:
        calls.append(kind)
        entered.set()
        release.wait(timeout=30)
        return [{"plover_type": "ACCUSE", "events": 3}]

    memo = Memo(worth_seconds=0.0)
    got: list[object] = []
    first = threading.Thread(
        target=lambda: got.append(
            memo.get(("types", EventFilter()), lambda: slow(None, "types", EventFilter(), None))
        )
    )
    first.start()
    assert entered.wait(timeout=30)  # the first request is computing
    second = threading.Thread(
        target=lambda: got.append(
            memo.get(("types", EventFilter()), lambda: slow(None, "types", EventFilter(), None))
        )
    )
    second.start()
    release.set()
    first.join(timeout=30)
    second.join(timeout=30)
    assert calls == ["types"]
    assert got == [[{"plover_type": "ACCUSE", "events": 3}]] * 2


def test_a_new_index_removes_the_earlier_ones_of_its_generation(tmp_path: Path) -> None:
    generation = tmp_path / "g1"
    for name in ("index-000001", "index-000002", "index-000003"):
        (generation / name).mkdir(parents=True)
        (generation / name / "page.arrow").write_bytes(b"x")
    old = time.time() - 2 * indexbuild.KEEP_OLD_INDEX_SECONDS
    os.utime(generation / "index-000001", (old, old))
    indexbuild._remove_older(generation / "index-000003")
    left = sorted(p.name for p in generation.iterdir())
    assert left == ["index-000002", "index-000003"]  # 2 is too recent to go yet
