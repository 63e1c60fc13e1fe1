"""Start-up and footprint as a user meets them: separate processes of the installed CLI.

- ``code_seconds``: process start to exit of ``eventscribe code`` on a one-sentence file
  written as JSONL (the first document coded is the only one), best of ``repeat``;
- ``explain_seconds``: the same for one ``eventscribe explain``;
- ``rss_after_startup_mb``: the peak resident memory of that ``code`` process;
- ``added_rss_per_worker_mb``: the peak resident memory of the worker processes of
  ``code --workers 2`` on a corpus of :data:`CORPUS_DOCS` articles (enough batches that
  both workers code: with fewer, one worker idles and the figure flatters), per worker
  (pages the OS shares between
  processes, such as the memory-mapped gazetteer, are counted in each process here, so
  this is an upper bound); ``rss_workers_1_mb`` / ``rss_workers_2_mb``: the whole
  process tree with one worker (the main process codes) and with two.

The compiled gazetteer cache is built before timing (its one-time build is reported as
``cache_build_seconds``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

SENTENCE = "Serbia and Kosovo reached an agreement in Brussels on Wednesday."
# Four store batches of 64: both workers of `--workers 2` code.
CORPUS_DOCS = 200


def _cli() -> str:
    found = shutil.which("eventscribe", path=str(Path(sys.executable).parent))
    return found or "eventscribe"


def _user_env() -> dict[str, str]:
    """This environment as a user's installation runs: with the bytecode cache that pip
    writes at install (and Python at first import). Under PYTHONDONTWRITEBYTECODE every
    module changed since the cache was written is compiled again at every start (about
    0.07 s here)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _peak(args: list[str], poll: float = 0.02) -> tuple[float, float, float]:
    """(wall seconds, peak summed RSS in MB of the process and its children, peak summed
    RSS in MB of the children alone)."""
    started = time.perf_counter()
    process = psutil.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_user_env()
    )
    peak = peak_children = 0
    while process.poll() is None:
        try:
            children = sum(p.memory_info().rss for p in process.children(recursive=True))
            peak_children = max(peak_children, children)
            peak = max(peak, children + process.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(poll)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {process.returncode}")
    return time.perf_counter() - started, peak / 2**20, peak_children / 2**20


def startup_figures(corpus: list[str], repeat: int = 5) -> dict[str, float]:
    cli = _cli()
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(SENTENCE + "\n", encoding="utf-8")
        code = [cli, "code", str(one), "--format", "jsonl", "-o", str(Path(tmp) / "o.jsonl"), "-q"]
        build = _peak(code)[0]  # builds the gazetteer cache if it is not there yet
        runs = [_peak(code) for _ in range(repeat)]
        explain = min(_peak([cli, "explain", SENTENCE])[0] for _ in range(repeat))
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for i, text in enumerate(corpus):
            (docs / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        store = Path(tmp) / "w1.duckdb"
        alone = _peak([cli, "code", str(docs), "--store", str(store), "-q"])[1]
        store = Path(tmp) / "w2.duckdb"
        _, total, workers = _peak(
            [cli, "code", str(docs), "--store", str(store), "-q", "--workers", "2"]
        )
    return {
        "cache_build_seconds": round(build, 2),
        "code_seconds": round(min(r[0] for r in runs), 2),
        "explain_seconds": round(explain, 2),
        "rss_after_startup_mb": round(min(r[1] for r in runs), 1),
        "rss_workers_1_mb": round(alone, 1),
        "rss_workers_2_mb": round(total, 1),
        "added_rss_per_worker_mb": round(workers / 2, 1),
    }


if __name__ == "__main__":  # python bench/startup.py: the start-up figures alone
    import json

    sys.path.insert(0, str(Path(__file__).parent))
    from run import make_articles

    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5  # python bench/startup.py [REPEAT]
    corpus = [a.text for a in make_articles(CORPUS_DOCS, 0)]
    print(json.dumps(startup_figures(corpus, repeat), indent=2))
