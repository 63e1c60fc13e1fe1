"""Throughput benchmark: spaCy parsing alone versus the full eventscribe pipeline.

Both measurements run in the same process on the same synthetic articles
(:mod:`corpus`), with the same loaded model and batch size, so their ratio says how
much the stages after parsing (actors, time, event coding) cost on top of spaCy.
Absolute speeds depend on the machine; the ratio is the figure to compare.

Prints one JSON object and saves it as ``bench/results/<YYYY-MM-DD>.json``::

    .venv/bin/python bench/run.py --docs 1000   # the default size

The top-level figures come from one process (each measurement a *runner*, a function
``(coder, articles) -> Counts``); ``--workers`` and Dask add corpus runs on worker
processes (:mod:`parallel`), each against spaCy alone on the same workers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import spacy

from corpus import generate
from parallel import backend
from startup import CORPUS_DOCS, startup_figures
from eventscribe.config import Settings
from eventscribe.pipeline import Coder, code_documents
from eventscribe.records import Article

RESULTS_DIR = Path(__file__).resolve().parent / "results"
WARMUP_DOCS = 3


@dataclass(frozen=True)
class Counts:
    """What one pass over the articles processed and found."""

    docs: int
    sentences: int | None = None
    events: int | None = None


@dataclass(frozen=True)
class Timing:
    """One timed pass: wall-clock and CPU seconds, and what it counted."""

    seconds: float
    cpu_seconds: float
    counts: Counts


Runner = Callable[[Coder, Sequence[Article]], Counts]


def parse_only(coder: Coder, articles: Sequence[Article]) -> Counts:
    """spaCy alone: ``nlp.pipe`` over the texts with the pipeline's own batch size."""
    batch_size = coder.settings.batch_size
    docs = sum(1 for _ in coder.nlp.pipe((a.text for a in articles), batch_size=batch_size))
    return Counts(docs=docs)


def full_pipeline(coder: Coder, articles: Sequence[Article]) -> Counts:
    """The whole library path: :func:`code_documents` (parse, actors, time, coding)."""
    docs = sentences = events = 0
    for coded in code_documents(articles, coder):
        docs += 1
        sentences += len(coded.sentences)
        events += len(coded.events)
    return Counts(docs=docs, sentences=sentences, events=events)


def timed(runner: Runner, coder: Coder, articles: Sequence[Article]) -> Timing:
    """Run ``runner`` once and time it (wall clock and this process's CPU time)."""
    wall, cpu = time.perf_counter(), time.process_time()
    counts = runner(coder, articles)
    return Timing(time.perf_counter() - wall, time.process_time() - cpu, counts)


def read_articles(paths: Sequence[str]) -> list[Article]:
    """Your own articles (files or folders eventscribe reads: .jsonl, .txt, .html ...),
    for the ratio on real news; a document that cannot be read is reported and skipped."""
    from eventscribe.ingest import read_inputs
    from eventscribe.records import InputProblem

    articles: list[Article] = []
    for item in read_inputs(list(paths)):
        if isinstance(item, InputProblem):
            print(f"skipped: {item}", file=sys.stderr)
        else:
            articles.append(item)
    if not articles:
        raise SystemExit(f"no article could be read from {', '.join(paths)}")
    return articles


def make_articles(docs: int, seed: int) -> list[Article]:
    """The benchmark corpus as :class:`Article` records (ids, dates and text)."""
    return [
        Article(
            doc_id=record["id"],
            text=record["text"],
            date=date.fromisoformat(record["date"]),
            origin=f"bench/corpus.py:seed={seed}:{index}",
        )
        for index, record in enumerate(generate(docs, seed))
    ]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS reports bytes
    return round(peak / scale, 1)


def rates(timing: Timing, words: int) -> dict[str, object]:
    """A timing as seconds, docs/s and words/s, plus whatever it counted."""
    result: dict[str, object] = {
        "seconds": round(timing.seconds, 3),
        "cpu_seconds": round(timing.cpu_seconds, 3),
        "docs_per_s": round(timing.counts.docs / timing.seconds, 2),
        "words_per_s": round(words / timing.seconds, 1),
    }
    result.update({k: v for k, v in asdict(timing.counts).items() if k != "docs" and v is not None})
    return result


def machine_info(coder: Coder) -> dict[str, object]:
    """Where the figures came from: hardware, Python, spaCy and the model used."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not available on macOS
        usable = os.cpu_count()
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        **coder.provenance(),
    }


def fastest(timings: list[Timing]) -> Timing:
    return min(timings, key=lambda t: t.seconds)


def corpus_runs(
    coder: Coder,
    articles: list[Article],
    words: int,
    workers: Sequence[int],
    dask: bool,
    repeat: int,
) -> dict[str, object]:
    """The corpus pipeline on each backend, each against spaCy alone on the same workers."""
    runs = [backend(coder, articles, words, workers=n, dask=False, repeat=repeat) for n in workers]
    if dask:
        runs.append(backend(coder, articles, words, workers=2, dask=True, repeat=repeat))
    result: dict[str, object] = {"backends": runs}
    by_workers = {r["workers"]: r for r in runs if r["backend"] != "dask"}
    if 1 in by_workers and 2 in by_workers:
        one, two = by_workers[1], by_workers[2]
        result["speedup_2_vs_1_workers"] = {
            key: round(two[key]["words_per_s"] / one[key]["words_per_s"], 3)
            for key in ("parse", "full")
        }
    return result


def benchmark(
    docs: int, seed: int, repeat: int, settings: Settings,
    workers: Sequence[int] = (), dask: bool = False, own: Sequence[str] = (),
) -> dict[str, object]:  # fmt: skip
    """Load, warm up, then time parse-only and full pipeline passes ``repeat`` times each
    (on the generated corpus, or on the articles read from ``own``)."""
    articles = read_articles(own) if own else make_articles(docs, seed)
    words = sum(len(a.text.split()) for a in articles)
    load_start = time.perf_counter()
    coder = Coder.build(settings)
    load_seconds = time.perf_counter() - load_start
    full_pipeline(
        coder, make_articles(WARMUP_DOCS, seed + 1)
    )  # a different seed: not the timed text
    rss_after_load = peak_rss_mb()

    parse_runs: list[Timing] = []
    full_runs: list[Timing] = []
    for _ in range(repeat):  # interleaved, so machine load drifts hit both alike
        parse_runs.append(timed(parse_only, coder, articles))
        full_runs.append(timed(full_pipeline, coder, articles))
    parse, full = fastest(parse_runs), fastest(full_runs)

    parse_rates, full_rates = rates(parse, words), rates(full, words)
    peak_single = peak_rss_mb()
    runs = corpus_runs(coder, articles, words, workers, dask, repeat) if workers or dask else None
    return {
        "benchmark": "eventscribe parse vs full pipeline",
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": {
            **({"articles": list(own)} if own else {"generator": "bench/corpus.py", "seed": seed}),
            "docs": len(articles),
            "words": words,
            "chars": sum(len(a.text) for a in articles),
        },
        "settings": {"batch_size": settings.batch_size, "workers": 1, "repeat": repeat},
        "load_seconds": round(load_seconds, 2),
        "parse": parse_rates,
        "full": full_rates,
        "ratio_full_to_parse_words_per_s": round(
            float(full_rates["words_per_s"]) / float(parse_rates["words_per_s"]), 3
        ),
        "peak_memory_mb": peak_single,
        "memory_after_load_mb": rss_after_load,
        "machine": machine_info(coder),
        **({"corpus_runs": runs} if runs else {}),
    }


def save(result: dict[str, object], out: Path | None) -> Path:
    """Write ``result`` to ``out`` or to ``bench/results/<today>.json``."""
    path = out or RESULTS_DIR / f"{date.today().isoformat()}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time spaCy parsing alone and the full pipeline.")
    parser.add_argument(
        "--docs", type=int, default=1000, help="articles to generate (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument(
        "--articles",
        action="append",
        default=[],
        metavar="PATH",
        help="time on these articles instead of the generated corpus (files or folders "
        "eventscribe reads, e.g. real news as .jsonl); may repeat",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="passes of each (default 3); the fastest counts"
    )
    parser.add_argument(
        "--batch-size", type=int, default=Settings.batch_size, help="nlp.pipe batch size"
    )
    parser.add_argument("--model", default=Settings.model, help="spaCy pipeline to load")
    parser.add_argument("--out", type=Path, help="result file (default bench/results/<date>.json)")
    parser.add_argument(
        "--workers",
        default="1,2",
        help="worker counts for the corpus runs (default 1,2; '' for none)",
    )
    parser.add_argument(
        "--no-dask", action="store_true", help="skip the Dask local (2 workers) run"
    )
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1:
        parser.error("--docs and --repeat must be at least 1")
    settings = Settings(model=args.model, batch_size=args.batch_size)
    workers = [int(n) for n in args.workers.split(",") if n.strip()]
    result = benchmark(
        args.docs, args.seed, args.repeat, settings, workers, not args.no_dask, args.articles
    )
    result["startup"] = startup_figures([a.text for a in make_articles(CORPUS_DOCS, args.seed + 2)])
    path = save(result, args.out)
    print(json.dumps(result, indent=2))
    print(f"saved to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
