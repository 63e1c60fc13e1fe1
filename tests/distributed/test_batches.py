"""What a coded batch leaves behind: a Dask worker's Parquet parts give the writer back
exactly the tables it coded, the model's vocabulary does not grow with the corpus, and
the batches coded before an input breaks off are still written."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eventscribe.config import Settings
from eventscribe.distributed import load_parts, remove_parts
from eventscribe.distributed.tasks import write_parts
from eventscribe.pipeline import Coder
from eventscribe.records import Article
from eventscribe.runner import CorpusOptions, run_corpus
from eventscribe.runner.corpus import make_job
from eventscribe.runner.work import code_batch
from eventscribe.store import EventStore, RunInfo


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.build(Settings())


@pytest.fixture(scope="module")
def coded(coder: Coder):
    job = make_job(coder, CorpusOptions(), store=True, lines=False, run_id="parts")
    articles = [
        Article("a", "Serbia condemned Kosovo on Monday. The EU praised the agreement."),
        Article("b", "Rebels attacked a police station in northern Mali, killing six officers."),
    ]
    return code_batch(coder, articles, job, 7)


def test_parts_are_parquet_files_that_give_back_the_coded_tables(coded, tmp_path: Path) -> None:
    handed = write_parts(coded, tmp_path / "parts")
    assert handed.tables == {} and handed.coded == coded.coded
    assert sorted(Path(p).name for p in handed.parts) == sorted(
        f"part-000000007-{name}.parquet" for name in coded.tables
    )
    for part in handed.parts:  # each a Parquet file holding one table's rows
        name = Path(part).stem.split("-", 2)[2]
        assert pq.ParquetFile(part).metadata.num_rows == coded.tables[name].num_rows
    back = load_parts(handed)
    assert back.keys() == coded.tables.keys()
    for name, table in coded.tables.items():
        assert back[name].equals(table), name
    assert back["events"].num_rows >= 2  # the condemnation, the praise, the attack

    remove_parts(handed)
    assert not any((tmp_path / "parts").iterdir())


def test_a_batch_leaves_no_new_words_in_the_model_vocabulary(coder: Coder) -> None:
    job = make_job(coder, CorpusOptions(), store=True, lines=False, run_id="zone")
    strings = coder.nlp.vocab.strings
    before = len(strings)
    text = "Zqvarian rebels attacked Xolotport on Monday, the Qwelvan army said."
    result = code_batch(coder, [Article("z", text)], job, 0)
    assert "Zqvarian" not in strings and "Xolotport" not in strings
    assert len(strings) == before  # a worker coding millions of articles stays the same size
    assert result.coded == (("z", result.coded[0][1]),) and result.events >= 1
    texts = result.tables["documents"].column("text").to_pylist()
    assert texts == [text]  # what was coded is intact after the zone is gone


class _Quiet:
    def problem(self, problem) -> None: ...
    def quarantined(self, item) -> None: ...
    def skipped_done(self, count: int) -> None: ...
    def batch(self, result) -> None: ...


@pytest.mark.parametrize("workers", [1, 2])
def test_input_that_breaks_off_keeps_the_batches_coded_before(
    coder: Coder, tmp_path: Path, workers: int
) -> None:
    def items():
        for i in range(70):
            yield Article(f"d{i}", f"Serbia condemned Kosovo on day {i}.")
        raise OSError("the input folder went away")

    with EventStore(tmp_path / "s.duckdb") as store:
        run = RunInfo("broken", "2024-01-01T00:00:00+00:00", "", "", "", "")
        with pytest.raises(OSError, match="went away"):
            run_corpus(
                items(), coder, CorpusOptions(workers=workers), _Quiet(), store=store, run=run
            )
        assert store.counts()["progress"] == 64  # the first full batch is committed


def test_columns_sent_back_by_a_worker_make_the_same_tables(coder: Coder, coded) -> None:
    from dataclasses import replace

    from eventscribe.runner.work import add_signatures, with_tables

    job = make_job(coder, CorpusOptions(), store=True, lines=False, run_id="parts")
    articles = [
        Article("a", "Serbia condemned Kosovo on Monday. The EU praised the agreement."),
        Article("b", "Rebels attacked a police station in northern Mali, killing six officers."),
    ]
    plain = code_batch(coder, articles, replace(job, signatures=False, arrow=False), 7)
    assert plain.tables == {} and plain.columns["events"]["event_id"]
    rebuilt = add_signatures(with_tables(plain), articles, job)
    assert rebuilt.columns == {} and rebuilt.tables.keys() == coded.tables.keys()
    for name, table in coded.tables.items():
        assert rebuilt.tables[name].equals(table), name


def test_a_coding_worker_process_never_loads_pyarrow() -> None:
    """Workers hand back plain columns (pyarrow costs each about 50 MB); the main process
    makes the Arrow tables."""
    import multiprocessing

    from worker_probe import code_in_fresh_worker  # a module that imports no pyarrow

    from eventscribe.runner.executors import _start_worker

    with multiprocessing.get_context("spawn").Pool(1, initializer=_start_worker) as pool:
        events, loaded = pool.apply(code_in_fresh_worker, (Settings(),))
    assert events >= 1
    assert not loaded
