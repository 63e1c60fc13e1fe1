"""A real local Dask cluster (two worker processes) codes a corpus into the same store."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_runs import make_corpus, snapshot

from eventscribe.cli import main

pytestmark = pytest.mark.slow


def code(*args: str | Path):
    return CliRunner().invoke(main, ["code", *map(str, args)], catch_exceptions=False)


def test_dask_cluster_with_two_workers_writes_the_single_process_store(tmp_path: Path) -> None:
    from distributed import LocalCluster

    corpus = make_corpus(tmp_path / "news.jsonl", 100)
    single = code(corpus, "--store", tmp_path / "single.duckdb", "-q")
    assert single.exit_code == 0, single.stderr

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:  # fmt: skip
        assert len(cluster.workers) == 2
        store = tmp_path / "dask.duckdb"
        result = code(corpus, "--store", store, "--dask-scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.stderr
    assert "coded 100 documents" in result.stderr
    assert snapshot(store) == snapshot(tmp_path / "single.duckdb")
    assert not Path(f"{store}.parts").exists()  # merged parts are cleaned up


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "news.jsonl", 2)
    result = code(corpus, "--store", tmp_path / "s.duckdb", "--dask-scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 3
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
