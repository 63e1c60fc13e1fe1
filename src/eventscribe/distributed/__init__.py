"""Dask backend: run the corpus pipeline on a Dask cluster (``--dask local`` or
``--dask-scheduler ADDRESS``); see :mod:`.backend`."""

from eventscribe.distributed.backend import LOCAL, DaskExecutor, load_parts, remove_parts

__all__ = ["LOCAL", "DaskExecutor", "load_parts", "remove_parts"]
