"""Knowledge compiled once into NumPy arrays in the user's cache folder, opened mapped.

The place gazetteer (``places/compiled.py``) and the Phoenix people table
(``actors/compiled.py``) are built into folders of ``.npy`` files with a ``meta.json``.
This module holds what they share: where the cache lives, writing a folder atomically
(and removing the folders of earlier sources), opening one memory-mapped, and reading
strings stored back to back in one byte array.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np


def cache_root() -> Path:
    """``$EVENTSCRIBE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventscribe``, else
    ``~/.cache/eventscribe``."""
    if os.environ.get("EVENTSCRIBE_CACHE_DIR"):
        return Path(os.environ["EVENTSCRIBE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventscribe"


def write_arrays(
    folder: Path, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any], stale: str
) -> Path:
    """Write ``arrays`` and ``meta.json`` into ``folder``, atomically (a temporary folder
    renamed into place; a concurrent writer's folder is kept), then remove the other
    folders whose names match the glob ``stale`` (caches of earlier sources)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    try:
        for name, values in arrays.items():
            np.save(temp / f"{name}.npy", values, allow_pickle=False)
        (temp / "meta.json").write_text(json.dumps(dict(meta)), encoding="utf-8")
        try:
            os.replace(temp, folder)
        except OSError:  # another process wrote it first: theirs is the same
            pass
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    for old in folder.parent.glob(stale):
        if old.is_dir() and old.name != folder.name and "." not in old.name:
            shutil.rmtree(old, ignore_errors=True)  # a process still mapping one keeps its pages
    return folder


def open_arrays(
    folder: Path, names: Sequence[str], format_: int
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The ``meta.json`` and the memory-mapped arrays ``names`` of a folder written by
    :func:`write_arrays`; ValueError when its format is not ``format_``."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != format_:
        raise ValueError(f"format {meta.get('format')!r}, expected {format_}")
    return meta, {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in names}


def offsets(groups: Sequence[Sequence[Any] | bytes]) -> np.ndarray:
    """Where each group starts in the groups laid end to end, and where the last ends."""
    return np.concatenate([[0], np.cumsum([len(g) for g in groups])]).astype(np.int64)


class StringBlobs(Sequence[str]):
    """UTF-8 strings stored back to back in one byte array, decoded one at a time (a
    sorted one can be searched with bisect)."""

    def __init__(self, blob: np.ndarray, ends: np.ndarray) -> None:
        self._blob, self._offsets = blob, ends

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        start, end = self._offsets[i], self._offsets[i + 1]
        return bytes(self._blob[start:end]).decode("utf-8")
