"""What runs inside a Dask worker: a plugin that holds the Coder, and the partition task.

The plugin builds the Coder once when the worker registers it, so every partition a
worker codes reuses the loaded model. The task writes the partition's store rows as
Parquet parts (one file per table) in the parts folder and returns only their paths and
counts; the single writer in the client process merges the parts into DuckDB.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pyarrow.parquet as pq
from distributed import WorkerPlugin, get_worker

from eventscribe.config import Settings
from eventscribe.pipeline import Coder
from eventscribe.records import Article
from eventscribe.runner.work import BatchResult, Job, code_batch

PLUGIN_NAME = "eventscribe-coder"
PART_SUFFIX = ".parquet"
PART_COMPRESSION = "snappy"


class CoderPlugin(WorkerPlugin):
    """Loads the Coder in each worker process at registration (once per worker)."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coder: Coder | None = None

    def setup(self, worker: Any) -> None:
        self.coder = Coder.build(self.settings).warmed_up()


def worker_coder() -> Coder:
    """The Coder of the worker this task runs on."""
    plugin = cast(CoderPlugin, get_worker().plugins[PLUGIN_NAME])
    if plugin.coder is None:  # registered before this worker started: build it now
        plugin.coder = Coder.build(plugin.settings).warmed_up()
    return plugin.coder


def code_partition(job: Job, index: int, articles: list[Article], parts_dir: str) -> BatchResult:
    """Code one partition and write its tables to ``parts_dir`` as Parquet parts."""
    return write_parts(code_batch(worker_coder(), articles, job, index), Path(parts_dir))


def write_parts(result: BatchResult, folder: Path) -> BatchResult:
    """``result`` with its tables written to ``folder`` as Parquet files (one per table,
    named after the batch and the table) in place of the tables themselves."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = []
    for name, table in sorted(result.tables.items()):
        path = folder / f"part-{result.index:09d}-{name}{PART_SUFFIX}"
        tmp = path.with_suffix(".tmp")
        pq.write_table(table, tmp, compression=PART_COMPRESSION)
        tmp.replace(path)  # a part is either complete or absent
        parts.append(str(path))
    return replace(result, tables={}, parts=tuple(parts))
