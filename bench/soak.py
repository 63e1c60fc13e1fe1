"""Soak test of resuming: kill a corpus run N times at random moments, resume, compare.

    .venv/bin/python bench/soak.py --kills 20 --workers 2

Codes a generated corpus (syndicated copies plus people introduced by title and later
named by surname only, so the store has names to learn) once uninterrupted, then runs
the same command again and again on a second store, killing it (SIGKILL, or SIGINT
with --signal int) after a random delay (seeded, up to half the clean run's time: a
resumed run has less left to do) until a run finishes by itself or
--kills kills were made; then finishes it. Prints one JSON object: kills made, how
many left a partial store, and whether every table of the resumed store equals the
clean one (the tables and columns tests/distributed compares).
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "distributed"), str(ROOT)]

from corpus_runs import EVENTSCRIBE, make_corpus, snapshot
from test_resume import NAME, named_documents


def build_corpus(folder: Path, docs: int) -> Path:
    path = make_corpus(folder / NAME, docs)
    intro, later = named_documents()
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(intro + lines + later), encoding="utf-8")
    return path


def run(folder: Path, store: Path, workers: int) -> subprocess.Popen:
    return subprocess.Popen([*EVENTSCRIBE, "code", NAME, "--store", str(store), "--workers", str(workers), "-q"],
                            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def soak(docs: int, kills: int, workers: int, sig: signal.Signals, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_corpus(folder, docs)
        started = time.monotonic()
        clean = run(folder, folder / "clean.duckdb", workers)
        assert clean.wait() == 0, "the uninterrupted run failed"
        clean_seconds = time.monotonic() - started
        store, made, partial = folder / "killed.duckdb", 0, 0
        while made < kills:
            process = run(folder, store, workers)
            try:
                process.wait(timeout=rng.uniform(0.5, clean_seconds / 2))
                break  # it finished before the kill
            except subprocess.TimeoutExpired:
                process.send_signal(sig)
                process.wait()
                made += 1
                partial += store.exists()
        final = run(folder, store, workers).wait()
        expected, got = snapshot(folder / "clean.duckdb"), snapshot(store)
        differing = sorted(t for t in expected if expected[t] != got[t])
        return {"docs": docs + len(named_documents()[0]) + len(named_documents()[1]), "workers": workers,
                "signal": sig.name, "kills": made, "stores_left_partial": partial, "final_exit": final,
                "equal": not differing, "differing_tables": differing, "seed": seed,
                "clean_seconds": round(clean_seconds, 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--docs", type=int, default=340, help="syndicated documents (plus 60 with names)"
    )
    parser.add_argument("--signal", choices=["kill", "int"], default="kill")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sig = signal.SIGKILL if args.signal == "kill" else signal.SIGINT
    result = soak(args.docs, args.kills, args.workers, sig, args.seed)
    print(json.dumps(result))
    sys.exit(0 if result["equal"] else 1)


if __name__ == "__main__":
    main()
