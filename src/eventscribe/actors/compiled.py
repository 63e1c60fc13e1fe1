"""The people table converted from the Phoenix dictionary, compiled once and memory-mapped.

``data/phoenix_people.csv`` holds about 27,000 dated offices of 18,000 people. Read into
Python objects at every start, it would cost each process about a quarter of a second
and 25 MB. Compiled once into the user's cache folder (next to the gazetteer's, see
:func:`eventscribe.arraycache.cache_root`), it is a few NumPy arrays: the sorted
lookup keys of every name and alias, the offices each key names, and each office as one
tab-separated line of text. Opening it maps the files; a lookup decodes only the offices
of the name asked for, and worker processes share the pages the operating system keeps.

The folder's name holds a digest of the table and the package version: a changed table
makes a new folder, built on first use. A missing, stale or unreadable cache is rebuilt
with one line on stderr; when it cannot be written the table is read into memory.
"""

from __future__ import annotations

import hashlib
import sys
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import numpy as np

from eventscribe import __version__
from eventscribe.actors.knowledge import normalise
from eventscribe.actors.registry import RegistryEntry, read_entries
from eventscribe.arraycache import StringBlobs, offsets, open_arrays, open_cached, write_arrays

FORMAT = 1
_ARRAYS = ("key_bytes", "key_offsets", "post_offsets", "posts", "row_bytes", "row_offsets")
_FIELDS = 10  # name, aliases, country, sector, office, from, to, source, code, office country


class CompiledPeople:
    """The offices of a people table, looked up by the normalised form of a name."""

    def __init__(self, folder: Path) -> None:
        meta, self._a = open_arrays(folder, _ARRAYS, FORMAT)
        self.folder = folder
        if len(self._a["key_offsets"]) != meta["keys"] + 1:
            raise ValueError("the name index does not match meta.json")
        if len(self._a["row_offsets"]) != meta["rows"] + 1:
            raise ValueError("the office rows do not match meta.json")
        self._keys = StringBlobs(self._a["key_bytes"], self._a["key_offsets"])
        self._rows = StringBlobs(self._a["row_bytes"], self._a["row_offsets"])
        self._found: dict[str, tuple[RegistryEntry, ...]] = {}

    def offices(self, key: str) -> tuple[RegistryEntry, ...]:
        """The offices whose name or alias has the lookup key ``key`` (normalised)."""
        answer = self._found.get(key)
        if answer is None:
            if len(self._found) >= 1 << 14:
                self._found.clear()
            answer = self._found[key] = self._offices(key)
        return answer

    def _offices(self, key: str) -> tuple[RegistryEntry, ...]:
        at = bisect_left(self._keys, key)
        if at == len(self._keys) or self._keys[at] != key:
            return ()
        offsets = self._a["post_offsets"]
        rows = self._a["posts"][offsets[at] : offsets[at + 1]].tolist()
        return tuple(_decode(self._rows[row]) for row in rows)

    def __iter__(self) -> Iterator[RegistryEntry]:
        for i in range(len(self._rows)):
            yield _decode(self._rows[i])


class MemoryPeople:
    """The same answers from entries in memory (when the cache cannot be written)."""

    def __init__(self, entries: Sequence[RegistryEntry]) -> None:
        self._entries = tuple(entries)
        self._by_key: dict[str, list[RegistryEntry]] = {}
        for entry in self._entries:
            for key in dict.fromkeys(normalise(form) for form in entry.forms):
                self._by_key.setdefault(key, []).append(entry)

    def offices(self, key: str) -> tuple[RegistryEntry, ...]:
        return tuple(self._by_key.get(key, ()))

    def __iter__(self) -> Iterator[RegistryEntry]:
        return iter(self._entries)


def open_people(table: Path, root: Path) -> CompiledPeople | MemoryPeople:
    """The compiled form of the people table ``table``, built into ``root`` first when it
    is missing, stale or unreadable (one line on stderr)."""
    digest = hashlib.sha1(f"{FORMAT} {__version__} ".encode() + table.read_bytes())
    folder = root / f"people-{digest.hexdigest()[:16]}"
    opened = open_cached(folder, CompiledPeople, "people table")
    if opened is not None:
        return opened
    entries = read_entries(table)
    try:
        return CompiledPeople(write_people(entries, folder))
    except (OSError, ValueError) as exc:  # a read-only home, a full disk: code without it
        print(f"eventscribe: cannot write the people table cache ({exc}); reading the "
              "table into memory (set EVENTSCRIBE_CACHE_DIR to a writable folder)",
              file=sys.stderr)  # fmt: skip
        return MemoryPeople(entries)


def write_people(entries: Sequence[RegistryEntry], folder: Path) -> Path:
    """Write the entries as the arrays of a compiled table into ``folder``, atomically (a
    temporary folder renamed into place; a concurrent writer's folder is kept)."""
    posts: dict[str, list[int]] = {}
    for row, entry in enumerate(entries):
        for key in dict.fromkeys(normalise(form) for form in entry.forms):
            posts.setdefault(key, []).append(row)
    keys = sorted(posts)
    key_blobs = [k.encode("utf-8") for k in keys]
    row_blobs = [_encode(e).encode("utf-8") for e in entries]
    arrays = {
        "key_bytes": np.frombuffer(b"".join(key_blobs), dtype=np.uint8),
        "key_offsets": offsets(key_blobs),
        "post_offsets": offsets([posts[k] for k in keys]),
        "posts": np.array([r for k in keys for r in posts[k]], dtype=np.int32),
        "row_bytes": np.frombuffer(b"".join(row_blobs), dtype=np.uint8),
        "row_offsets": offsets(row_blobs),
    }
    meta = {"format": FORMAT, "keys": len(keys), "rows": len(row_blobs)}
    return write_arrays(folder, arrays, meta, "people-*")


def _encode(entry: RegistryEntry) -> str:
    fields = (
        entry.name,
        "|".join(entry.aliases),
        entry.country,
        entry.sector or "",
        entry.office,
        entry.valid_from.isoformat() if entry.valid_from else "",
        entry.valid_to.isoformat() if entry.valid_to else "",
        entry.source,
        entry.code or "",
        entry.office_country or "",
    )
    if any("\t" in field for field in fields):
        raise ValueError(f"{entry.source}: a tab inside a field")
    return "\t".join(fields)


def _decode(line: str) -> RegistryEntry:
    fields = line.split("\t")
    if len(fields) != _FIELDS:
        raise ValueError(f"a compiled office row has {len(fields)} fields, not {_FIELDS}")
    name, aliases, country, sector, office, start, end, source, code, office_country = fields
    return RegistryEntry(
        name=name,
        aliases=tuple(aliases.split("|")) if aliases else (),
        country=country,
        sector=sector or None,
        office=office,
        office_country=office_country or None,
        valid_from=date.fromisoformat(start) if start else None,
        valid_to=date.fromisoformat(end) if end else None,
        source=source,
        code=code or None,
    )
