"""Serve while coding: the server reads the store's live copy, never the store file, so a
coding run can write the store meanwhile and the server shows what it commits."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import duckdb
import pytest

from eventscribe.errors import StoreError
from eventscribe.store import EventStore
from eventscribe.store.live import KEEP_OLD_SECONDS, live_dir, read_catalog
from eventscribe.web.db import ServedStore

# A coding run's store writer, held open across commits: each line on stdin is a factory
# name whose document it writes in one batch; it answers "ok" after each commit.
HOLDER = """
import sys
from eventscribe.store import EventStore
from factories import RUN, accusation_doc, aid_doc
docs = {"aid": aid_doc, "accusation": accusation_doc}
with EventStore(sys.argv[1]) as store:
    print("ready", flush=True)
    for line in sys.stdin:
        store.write([docs[line.strip()]()], run=RUN)
        print("ok", flush=True)
"""


def _doc_ids(served: ServedStore) -> list[str]:
    with served.reader() as reader:
        rows = reader.fetch("SELECT doc_id FROM events ORDER BY doc_id, event_id")
    return [row["doc_id"] for row in rows]


def test_a_committed_batch_is_served_before_the_run_ends(
    store_path: Path, factories: ModuleType
) -> None:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    served = ServedStore(store_path)
    assert _doc_ids(served) == ["doc-a", "doc-a"]
    with EventStore(store_path) as writer:  # a coding run, mid-way
        writer.write([factories.aid_doc()], run=factories.RUN)
        assert served.refresh()
        assert _doc_ids(served) == ["doc-a", "doc-a", "doc-b"]
        assert served.info.counts["documents"] == 2
        again = factories.accusation_doc()
        writer.write([replace(again, events=again.events[:1])], run=factories.RUN)
        assert served.refresh()
        # the re-coded document's new rows replace its old ones: no copies
        assert _doc_ids(served) == ["doc-a", "doc-b"]
    assert served.refresh()  # closing folded the parts into a new base
    assert _doc_ids(served) == ["doc-a", "doc-b"]
    catalog = read_catalog(live_dir(store_path))
    assert catalog is not None and len(catalog.parts) == 1
    assert not served.refresh()  # nothing new


def _holder(store_path: Path, repo_root: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(repo_root / "tests" / "store")}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def _tell(holder: subprocess.Popen[str], line: str) -> None:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(line + "\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "ok"


def _stop(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0


def test_serve_starts_while_a_run_holds_the_store(
    store_path: Path, factories: ModuleType, repo_root: Path
) -> None:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    ServedStore(store_path)  # the first serve makes the live copy
    holder = _holder(store_path, repo_root)
    try:
        served = ServedStore(store_path)  # the store is locked: the copy is read as it is
        assert _doc_ids(served) == ["doc-a", "doc-a"]
        _tell(holder, "aid")
        assert served.refresh() and "doc-b" in _doc_ids(served)
    finally:
        _stop(holder)


def test_serve_waits_for_a_running_coder_to_write_the_first_copy(
    store_path: Path, factories: ModuleType, repo_root: Path
) -> None:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    shutil.rmtree(live_dir(store_path))  # a store an older version wrote: no live copy
    holder = _holder(store_path, repo_root)  # and the store is locked
    try:
        with pytest.raises(StoreError, match="being written by another process"):
            ServedStore(store_path, wait_seconds=0.2)
        opened: list[ServedStore] = []
        waiting = threading.Thread(target=lambda: opened.append(ServedStore(store_path)))
        waiting.start()
        # serve asks for the copy with a lease; the coder writes it at its next commit
        deadline = time.monotonic() + 30
        while not list(live_dir(store_path).glob(".reader-*")):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        _tell(holder, "aid")
        waiting.join(timeout=60)
        assert opened and _doc_ids(opened[0]) == ["doc-a", "doc-a", "doc-b"]
    finally:
        _stop(holder)


def _get(url: str) -> dict:  # type: ignore[type-arg]
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read())  # type: ignore[no-any-return]


@pytest.mark.slow
def test_serve_and_code_on_one_store_at_once(repo_root: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    articles = sorted((repo_root / "examples").glob("*.txt"))
    (first / articles[0].name).write_bytes(articles[0].read_bytes())
    (second / articles[1].name).write_bytes(articles[1].read_bytes())
    store = tmp_path / "events.duckdb"
    cli = [sys.executable, "-m", "eventscribe.cli"]
    subprocess.run([*cli, "code", str(first), "--store", str(store), "-q"], check=True)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [*cli, "serve", "--store", str(store), "--port", str(port), "--refresh", "1"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api/documents"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                before = _get(url)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert before["total"] == 1
        coding = subprocess.run(
            [*cli, "code", str(second), "--store", str(store), "-q"],
            check=False,
            capture_output=True,
            text=True,
        )
        assert coding.returncode == 0, coding.stderr  # no "locked by another process"
        deadline = time.monotonic() + 60
        while _get(url)["total"] == 1:  # the same URL: the cached answer must not stick
            assert time.monotonic() < deadline, "the new document never showed up"
            time.sleep(0.5)
        assert _get(url)["total"] == 2
        assert server.poll() is None  # the same server process, no restart
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_copy_a_server_reads_is_kept_until_its_lease_runs_out(
    store_path: Path, factories: ModuleType
) -> None:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    served = ServedStore(store_path)
    catalog = read_catalog(live_dir(store_path))
    assert catalog is not None
    served_copy = live_dir(store_path) / f"g{catalog.generation}"
    long_ago = time.time() - 2 * KEEP_OLD_SECONDS
    os.utime(served_copy, (long_ago, long_ago))  # old, but the server's lease is fresh
    with EventStore(store_path) as writer:
        writer.write([factories.aid_doc()], run=factories.RUN)
    assert served_copy.is_dir() and _doc_ids(served) == ["doc-a", "doc-a"]
    for lease in live_dir(store_path).glob(".reader-*"):
        os.utime(lease, (long_ago, long_ago))  # the server stopped renewing it
    os.utime(served_copy, (long_ago, long_ago))  # (the first writer added a part to it)
    with EventStore(store_path) as writer:
        writer.write([factories.mutual_doc()], run=factories.RUN)
    assert not served_copy.exists()


def test_the_copy_is_a_dataset_other_tools_read(store_path: Path, factories: ModuleType) -> None:
    import dask.dataframe as dd
    import pyarrow.dataset as ds

    with EventStore(store_path) as store:
        store.write([factories.accusation_doc(), factories.aid_doc()], run=factories.RUN)
        expected = sorted(r["event_id"] for r in store.fetch("SELECT event_id FROM events"))
    events = live_dir(store_path) / "current" / "events"
    months = sorted(p.name for p in events.iterdir())
    assert months == ["month=2022-11"]  # by event date, else the article's
    table = ds.dataset(events, format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("event_id").to_pylist()) == expected
    frame = dd.read_parquet(str(events)).compute()
    assert sorted(frame["event_id"]) == expected
    con = duckdb.connect()
    found = con.execute(
        "SELECT month, count(*) FROM read_parquet(?, hive_partitioning = true) GROUP BY month",
        [str(events / "*" / "*.parquet")],
    ).fetchall()
    assert found == [("2022-11", len(expected))]


def test_without_a_reader_a_run_writes_no_parts(store_path: Path, factories: ModuleType) -> None:
    with EventStore(store_path) as writer:
        writer.write([factories.accusation_doc()], run=factories.RUN)
        writer.write([factories.aid_doc()], run=factories.RUN)
    catalog = read_catalog(live_dir(store_path))
    assert catalog is not None and len(catalog.parts) == 1  # one base, written at close


def test_a_notebook_reads_a_store_a_run_holds(
    store_path: Path, factories: ModuleType, repo_root: Path
) -> None:
    import eventscribe

    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    holder = _holder(store_path, repo_root)  # a coding run, mid-way
    try:
        ServedStore(store_path)  # a server asks for the run's batches as they commit
        _tell(holder, "aid")
        with eventscribe.open_store(store_path) as opened:
            assert opened.live
            found = opened.events(arrow=True)
            assert sorted(set(found.column("doc_id").to_pylist())) == ["doc-a", "doc-b"]
            dyads = opened.events(rows="dyads", country="XKX", arrow=True)
            assert dyads.num_rows >= 1
            with pytest.raises(StoreError, match="one runs now"):
                opened.events(rows="clusters", arrow=True)
    finally:
        _stop(holder)


def test_a_damaged_catalog_is_written_again_by_the_next_run(
    store_path: Path, factories: ModuleType
) -> None:
    with EventStore(store_path) as store:
        store.write([factories.accusation_doc()], run=factories.RUN)
    (live_dir(store_path) / "catalog.json").write_text("{not json", encoding="utf-8")
    with EventStore(store_path) as store:
        store.write([factories.aid_doc()], run=factories.RUN)
    assert read_catalog(live_dir(store_path)) is not None
    assert _doc_ids(ServedStore(store_path)) == ["doc-a", "doc-a", "doc-b"]
