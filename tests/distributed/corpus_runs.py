"""Helpers for the corpus-run tests: a generated corpus, store snapshots, a stderr watcher.

(This folder has no ``__init__.py`` on purpose: as a package it would be named
``distributed`` and shadow Dask's.)
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from pathlib import Path

from dedupe.syndicated import syndicated_corpus, write_corpus

from eventscribe.store import EventStore

EVENTSCRIBE = [sys.executable, "-m", "eventscribe.cli"]

# every table a corpus run fills, with the columns that do not depend on the run
SNAPSHOT = {
    "documents": "doc_id, date, title, url, source, origin, text, n_sentences, n_events",
    "sentences": "*",
    "events": "* EXCLUDE (run_id)",
    "actors": "*",
    "times": "*",
    "doc_minhash": "*",
    "doc_bands": "*",
    "progress": "doc_id, content_hash, settings_fingerprint",
    "quarantine": "doc_id, origin, reason, content_hash",
    "stories": "*",
    "story_members": "*",
    "event_clusters": "*",
}


def make_corpus(path: Path, docs: int) -> Path:
    return write_corpus(path, syndicated_corpus(docs, share=0.3, seed=11))


def snapshot(store_path: Path) -> dict[str, list[tuple]]:
    """Every run-independent row of the store, sorted, table by table."""
    with EventStore(store_path, read_only=True) as store:
        return {
            table: sorted(tuple(r.values()) for r in store.fetch(f"SELECT {cols} FROM {table}"))
            for table, cols in SNAPSHOT.items()
        }


class StderrWatcher:
    """Reads a child's stderr in a thread; knows the highest 'NNNdoc' progress count seen."""

    _COUNT = re.compile(rb"(\d+)doc")

    def __init__(self, process: subprocess.Popen) -> None:
        self.text = b""
        self.done = threading.Event()
        self._reached: dict[int, threading.Event] = {}
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen) -> None:
        while chunk := process.stderr.read1(4096):
            self.text += chunk
            counts = [int(m) for m in self._COUNT.findall(self.text[-4096:])]
            for target, event in self._reached.items():
                if counts and max(counts) >= target:
                    event.set()
        self.done.set()

    def wait_for(self, documents: int, timeout: float) -> bool:
        event = self._reached.setdefault(documents, threading.Event())
        return event.wait(timeout)

    def stderr(self) -> str:
        self.done.wait(30)
        return self.text.decode("utf-8", "replace")
