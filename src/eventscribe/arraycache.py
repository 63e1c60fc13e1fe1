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
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")


def cache_root() -> Path:
    """``$EVENTSCRIBE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventscribe``, else
    ``~/.cache/eventscribe``."""
    if os.environ.get("EVENTSCRIBE_CACHE_DIR"):
        return Path(os.environ["EVENTSCRIBE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventscribe"


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """A temporary folder next to ``target`` to fill; when the block ends without an
    error it is renamed to ``target`` (a ``target`` another process wrote first is kept:
    theirs is the same), and it is removed in every case. Its name starts with a dot, so
    no glob of finished folders matches it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield temp
        try:
            os.replace(temp, target)
        except OSError:
            pass
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def open_cached(
    folder: Path, opener: Callable[[Path], T], what: str, cost: str = "once"
) -> T | None:
    """The cache ``folder`` opened by ``opener``, or None when it has to be built: it is
    missing (one line on stderr says it is being built, ``cost`` in brackets) or
    unreadable (removed; one line on stderr says so)."""
    if folder.is_dir():
        try:
            return opener(folder)
        except (OSError, ValueError, KeyError) as exc:
            print(f"eventscribe: the {what} cache {folder} is unreadable ({exc}); "
                  "rebuilding it", file=sys.stderr)  # fmt: skip
            shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"eventscribe: building the {what} cache in {folder} ({cost})", file=sys.stderr)
    return None


def write_arrays(
    folder: Path, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any], stale: str = ""
) -> Path:
    """Write ``arrays`` and ``meta.json`` into ``folder``, atomically (:func:`atomic_folder`),
    then remove the other folders whose names match the glob ``stale`` (caches of earlier
    sources), if one is given."""
    with atomic_folder(folder) as temp:
        for name, values in arrays.items():
            np.save(temp / f"{name}.npy", values, allow_pickle=False)
        (temp / "meta.json").write_text(json.dumps(dict(meta)), encoding="utf-8")
    for old in folder.parent.glob(stale) if stale else ():
        if old.is_dir() and old.name != folder.name and "." not in old.name:
            shutil.rmtree(old, ignore_errors=True)  # a process still mapping one keeps its pages
    return folder


def open_arrays(
    folder: Path, names: Sequence[str], format_: int
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The ``meta.json`` and the memory-mapped arrays ``names`` of a folder written by
    :func:`write_arrays`; ValueError when its format is not ``format_``. Each array is a
    plain ndarray over the mapped file: indexing NumPy's ``memmap`` subclass runs
    Python code on every access (five times slower for one item or slice)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != format_:
        raise ValueError(f"format {meta.get('format')!r}, expected {format_}")
    return meta, {
        name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in names
    }


def offsets(groups: Sequence[Sequence[Any] | bytes]) -> np.ndarray:
    """Where each group starts in the groups laid end to end, and where the last ends."""
    return np.concatenate([[0], np.cumsum([len(g) for g in groups])]).astype(np.int64)


class StringBlobs(Sequence[str]):
    """UTF-8 strings stored back to back in one byte array, decoded one at a time (a
    sorted one can be searched with bisect)."""

    def __init__(self, blob: np.ndarray, ends: np.ndarray) -> None:
        # slices of the buffer (a memoryview) are bytes at C speed; a NumPy slice is an array
        self._blob, self._offsets = blob.data, ends

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        start, end = self._offsets[i], self._offsets[i + 1]
        return bytes(self._blob[start:end]).decode("utf-8")
