"""The Dask backend: the same corpus pipeline over a Dask cluster.

``DaskExecutor(job, address="local", workers=2)`` starts a local cluster
(``distributed.LocalCluster``, one single-threaded process per worker) or connects to a
running scheduler (``address`` such as ``tcp://10.0.0.5:8786``). The client process
reads the input, cuts it into partitions (one store batch each), submits at most
``2 x workers`` at a time, and yields the results in input order; each worker loads the
model once (:class:`~eventscribe.distributed.tasks.CoderPlugin`) and writes its rows as
Parquet parts into ``parts_dir``. The runner then merges each result's parts into the
store with one writer and deletes them.

With a remote scheduler the workers must be able to write ``parts_dir`` and the client
to read it (a shared folder), and the workers need eventscribe and the model installed.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pyarrow as pa
import pyarrow.parquet as pq

from eventscribe.distributed.tasks import CoderPlugin, code_partition
from eventscribe.errors import ConfigError
from eventscribe.runner.executors import Batch, in_order
from eventscribe.runner.work import BatchResult, Job

LOCAL = "local"


class DaskExecutor:
    """Code partitions on a Dask cluster; a context manager like the other executors."""

    def __init__(self, job: Job, *, address: str, workers: int, parts_dir: Path) -> None:
        self.job, self.address, self.workers = job, address, workers
        self.parts_dir = Path(parts_dir)
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> Self:
        from distributed import Client, LocalCluster

        # parts left by an interrupted run were never committed: they are re-coded
        shutil.rmtree(self.parts_dir, ignore_errors=True)
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        try:
            if self.address == LOCAL:
                self._cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )  # fmt: skip
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.address, timeout="5s")
                self.workers = max(1, len(self._client.scheduler_info()["workers"]))
        except OSError as exc:
            self.__exit__(type(exc), exc, None)
            raise ConfigError(
                f"cannot reach the Dask scheduler at {self.address}: {exc}",
                fix="check the address (e.g. tcp://HOST:8786) or use --dask local",
            ) from exc
        self._client.register_plugin(CoderPlugin(self.job.settings), name=CoderPlugin.name)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
        if exc_type is None:
            shutil.rmtree(self.parts_dir, ignore_errors=True)

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        assert self._client is not None, "use DaskExecutor in a with block"
        client, job, parts = self._client, self.job, str(self.parts_dir)
        return in_order(
            batches,
            lambda i, a: client.submit(code_partition, job, i, a, parts, pure=False),
            lambda future: future.result(),
            ahead=2 * self.workers - 1,
        )


def load_parts(result: BatchResult) -> dict[str, pa.Table]:
    """The tables of a Dask result, read back from its Parquet parts."""
    tables = dict(result.tables)
    for part in result.parts:
        name = Path(part).stem.split("-", 2)[2]
        tables[name] = pq.read_table(part)
    return tables


def remove_parts(result: BatchResult) -> None:
    """Delete a result's parts once they are committed to the store."""
    for part in result.parts:
        Path(part).unlink(missing_ok=True)
