"""Kill a corpus run midway, run the same command again: the store equals an unbroken run's."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_runs import EVENTSCRIBE, StderrWatcher, make_corpus, snapshot

pytestmark = pytest.mark.slow

DOCS = 400  # 7 batches of 64: the last is never fed before the interruption
BATCH = 64
NAME = "news.jsonl"  # run from the corpus's folder: origins ("news.jsonl:12") match


PEOPLE = (("Spanish", "Defence Minister", "Carla Ortizbal"), ("French", "Foreign Minister", "Luc Demarnay"),
          ("German", "Interior Minister", "Jonas Weitbrecht"), ("Polish", "President", "Anna Zelawska"))  # fmt: skip
NAMED = 60  # documents about these people: introduced first, then named by surname only


def named_documents() -> tuple[list[str], list[str]]:
    """Documents that teach names ("Spanish Defence Minister Carla Ortizbal ...": the
    store learns Ortizbal is ESP) and documents that only say "Ortizbal". A run learns
    from the store as it was before the run; a resumed run must not learn from its own
    interrupted part, or the surname-only documents would be coded differently."""
    intro = [json.dumps({"id": f"intro-{i}", "date": "2023-03-01", "text": f"{dem} {title} {name} accused "
                         f"Russia of provocations on Monday."}) + "\n" for i, (dem, title, name) in enumerate(PEOPLE)]  # fmt: skip
    later = [json.dumps({"id": f"later-{i}", "date": "2023-03-08", "text": f"{PEOPLE[i % 4][2].split()[-1]} accused "
                         f"Iran of provocations on Tuesday, officials said."}) + "\n" for i in range(NAMED - 4)]  # fmt: skip
    return intro, later


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_corpus(tmp_path_factory.mktemp("corpus") / NAME, DOCS - NAMED)
    intro, later = named_documents()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(intro + lines + later), encoding="utf-8")  # taught early, used late
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    store = tmp_path_factory.mktemp("reference") / "whole.duckdb"
    done = rerun(corpus.parent, store, "-q")
    assert done.returncode == 0, done.stderr
    return snapshot(store)


# Started from a non-interactive shell (`nohup make test &`) the tests inherit an ignored
# SIGINT, and a Python started with SIGINT ignored installs no handler: Ctrl-C would
# never reach the run. The child restores Python's handler before running the CLI.
WITH_CTRL_C = [sys.executable, "-c", ("import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
               "runpy.run_module('eventscribe.cli', run_name='__main__', alter_sys=True)")]  # fmt: skip


def interrupt(
    corpus: Path, folder: Path, store: Path, sig: signal.Signals, *extra: str
) -> tuple[int, str]:
    """Run over a pipe fed a batch at a time until two batches are committed, then send
    ``sig``. The run cannot finish first (the last batch is never fed) and cannot be
    caught between batches by chance: it waits for input when the signal comes, and
    only committed batches are counted (the progress line after each commit).
    Leaves the whole corpus file in ``folder`` for the rerun."""
    folder.mkdir(exist_ok=True)
    pipe = folder / NAME
    os.mkfifo(pipe)
    process = subprocess.Popen(
        [*WITH_CTRL_C, "code", NAME, "--store", str(store), *extra], cwd=folder,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    watcher = StderrWatcher(process)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    with pipe.open("w", encoding="utf-8") as feed:
        for start in range(0, len(lines) - BATCH, BATCH):  # never the last batch
            feed.writelines(lines[start : start + BATCH])
            feed.flush()
            if watcher.wait_for(2 * BATCH, timeout=5):
                break
        assert watcher.wait_for(2 * BATCH, timeout=240), watcher.stderr()  # two batches committed
        process.send_signal(sig)
        code = process.wait(timeout=180)  # generous: a loaded machine is slow, not wrong
    pipe.unlink()
    shutil.copy(corpus, pipe)
    return code, watcher.stderr()


def rerun(folder: Path, store: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*EVENTSCRIBE, "code", NAME, "--store", store, *extra], cwd=folder,
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip


def test_sigkill_then_rerun_gives_the_uninterrupted_store(corpus, reference, tmp_path) -> None:
    store = tmp_path / "killed.duckdb"
    code, _ = interrupt(corpus, tmp_path / "in", store, signal.SIGKILL)
    assert code == -signal.SIGKILL
    partial = snapshot(store)
    assert 128 <= len(partial["progress"]) < DOCS  # it really stopped midway
    assert len(partial["documents"]) == len(partial["progress"])  # done == rows committed

    again = rerun(tmp_path / "in", store)
    assert again.returncode == 0, again.stderr
    assert "continuing the unfinished run" in again.stderr
    assert f"{len(partial['progress'])} documents were already in the store" in again.stderr
    assert snapshot(store) == reference


# EVENTSCRIBE_RESUME_ROUNDS=20 repeats the Ctrl-C test in one session (to show it is
# not flaky: 20 rounds in a row, once under `nohup ... &`, are in the README)
ROUNDS = range(int(os.environ.get("EVENTSCRIBE_RESUME_ROUNDS", "1")))


@pytest.mark.parametrize("round_", ROUNDS)
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_stops_cleanly_and_resumes(
    corpus, reference, tmp_path, workers: str, round_: int
) -> None:
    store = tmp_path / "interrupted.duckdb"
    code, stderr = interrupt(corpus, tmp_path / "in", store, signal.SIGINT, "--workers", workers)
    assert code == 130, stderr
    assert "re-run the same command to continue" in stderr
    assert "Traceback" not in stderr
    partial = snapshot(store)
    assert len(partial["documents"]) == len(partial["progress"]) < DOCS  # done == committed

    again = rerun(tmp_path / "in", store, "--workers", workers, "-q")
    assert again.returncode == 0, again.stderr
    assert snapshot(store) == reference
    assert rerun(tmp_path / "in", store, "-q").returncode == 0  # a third run changes nothing
    assert snapshot(store) == reference
