"""Kill a corpus run midway, run the same command again: the store equals an unbroken run's."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from corpus_runs import EVENTSCRIBE, StderrWatcher, make_corpus, snapshot

pytestmark = pytest.mark.slow

DOCS = 224


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl", DOCS)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    store = tmp_path_factory.mktemp("reference") / "whole.duckdb"
    done = subprocess.run([*EVENTSCRIBE, "code", corpus, "--store", store, "-q"],
                          capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return snapshot(store)


def start(corpus: Path, store: Path, *extra: str) -> tuple[subprocess.Popen, StderrWatcher]:
    process = subprocess.Popen(
        [*EVENTSCRIBE, "code", str(corpus), "--store", str(store), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    return process, StderrWatcher(process)


def interrupt(corpus: Path, store: Path, sig: signal.Signals, *extra: str) -> tuple[int, str]:
    process, watcher = start(corpus, store, *extra)
    assert watcher.wait_for(128, timeout=240), watcher.stderr()  # two batches committed
    process.send_signal(sig)
    code = process.wait(timeout=60)
    return code, watcher.stderr()


def rerun(corpus: Path, store: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*EVENTSCRIBE, "code", corpus, "--store", store, *extra],
                          capture_output=True, text=True, timeout=300, check=False)  # fmt: skip


def test_sigkill_then_rerun_gives_the_uninterrupted_store(corpus, reference, tmp_path) -> None:
    store = tmp_path / "killed.duckdb"
    code, _ = interrupt(corpus, store, signal.SIGKILL)
    assert code == -signal.SIGKILL
    partial = snapshot(store)
    assert 128 <= len(partial["progress"]) < DOCS  # it really stopped midway
    assert len(partial["documents"]) == len(partial["progress"])  # done == rows committed

    again = rerun(corpus, store)
    assert again.returncode == 0, again.stderr
    assert "continuing the unfinished run" in again.stderr
    assert f"{len(partial['progress'])} documents were already in the store" in again.stderr
    assert snapshot(store) == reference


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_cleanly_and_resumes(corpus, reference, tmp_path, workers: str) -> None:
    store = tmp_path / "interrupted.duckdb"
    code, stderr = interrupt(corpus, store, signal.SIGINT, "--workers", workers)
    assert code == 130, stderr
    assert "re-run the same command to continue" in stderr
    assert "Traceback" not in stderr
    partial = snapshot(store)
    assert len(partial["documents"]) == len(partial["progress"]) < DOCS  # done == committed

    again = rerun(corpus, store, "--workers", workers, "-q")
    assert again.returncode == 0, again.stderr
    assert snapshot(store) == reference
    assert rerun(corpus, store, "-q").returncode == 0  # a third run changes nothing
    assert snapshot(store) == reference
