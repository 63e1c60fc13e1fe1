"""Turn the paths a user typed (files, folders, glob patterns) into a list of sources.

The order is deterministic so that two runs over the same inputs give the same output:
arguments in the order given, glob matches sorted, folders walked depth first in sorted
name order (which is the same as sorting the relative paths part by part).
Ids come from the paths, so they are stable across runs and machines.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from eventscribe.records import InputProblem

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".warc": "warc",
    ".warc.gz": "warc",
}
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Source:
    """One file to read: where it is, its format, and the id (or id prefix) it gives.

    ``doc_id`` is the document id for text and HTML files and the prefix for records
    without an ``id`` in JSONL and CSV files.
    """

    path: Path
    format: str
    doc_id: str


def format_of(path: PurePath, *, named: bool) -> str | None:
    """The reader for ``path`` by extension (case-insensitive).

    A file the user named directly is read as plain text whatever its extension; inside
    folders only the known extensions are read, so stray files are left alone.
    """
    fmt = FORMATS.get("".join(path.suffixes[-2:]).lower()) or FORMATS.get(path.suffix.lower())
    if fmt is None and named:
        return "text"
    return fmt


def discover(paths: Iterable[str | Path]) -> Iterator[Source | InputProblem]:
    """Expand each argument in turn into sources, or an InputProblem if it matches nothing."""
    for arg in paths:
        yield from _expand_argument(arg)


def _expand_argument(arg: str | Path) -> Iterator[Source | InputProblem]:
    path = Path(arg)
    try:
        exists = path.exists()
    except OSError as exc:  # e.g. a parent folder that may not be entered
        yield InputProblem(str(arg), f"cannot read ({exc.strerror or exc})")
        return
    if exists:
        yield from _expand_existing(path, base=None)
    elif _is_pattern(str(arg)):
        yield from _expand_glob(str(arg))
    else:
        yield InputProblem(str(arg), "no such file or folder")


def _expand_glob(pattern: str) -> Iterator[Source | InputProblem]:
    """Glob matches in sorted order; ids are relative to the pattern's fixed leading folder.

    So ``data/*.txt`` gives ids like ``plates`` and ``data/**/*.txt`` gives
    ``2022/plates``, which keeps files of the same name in different folders apart.
    """
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputProblem(pattern, "no such file or folder (the pattern matches nothing)")
        return
    base = _glob_base(pattern)
    for match in matches:
        yield from _expand_existing(Path(match), base=base)


def _expand_existing(path: Path, *, base: Path | None) -> Iterator[Source | InputProblem]:
    """A named file becomes one source; a folder is walked.

    Ids are relative to ``base`` (the fixed part of a glob) or to the folder named.
    """
    if not path.is_dir():
        fmt = format_of(path, named=True) or "text"
        stem = _relative_id(path, path.parent)
        yield Source(path, fmt, stem if base is None else _relative_id(path, base))
        return
    if base is not None:  # a folder matched by a glob: quietly read what is there
        yield from _walk_folder(path, root=base)
        return
    empty = True
    for item in _walk_folder(path, root=path):
        empty = False
        yield item
    if empty:
        known = " ".join(sorted(FORMATS))
        yield InputProblem(str(path), f"folder has no files to read (looked for {known})")


def _walk_folder(folder: Path, *, root: Path) -> Iterator[Source | InputProblem]:
    """Files with a known extension under ``folder``, depth first in sorted name order.

    Hidden files and folders (names starting with ".") are skipped, and symlinked
    folders are not followed (they could loop).
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputProblem(str(folder), f"cannot read folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if _is_real_dir(entry):
            yield from _walk_folder(path, root=root)
            continue
        fmt = format_of(path, named=False)
        if fmt is not None:
            yield Source(path, fmt, _relative_id(path, root))


def _is_real_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _relative_id(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` without its suffix, with '/' separators."""
    try:
        relative = path.relative_to(base)
    except ValueError:
        return path.stem
    if "".join(relative.suffixes[-2:]).lower() in FORMATS:  # crawl.warc.gz -> crawl
        relative = relative.with_suffix("")
    return relative.with_suffix("").as_posix()


def _is_pattern(text: str) -> bool:
    return any(char in GLOB_CHARS for char in text)


def _glob_base(pattern: str) -> Path:
    """The leading folders of ``pattern`` that contain no wildcard."""
    fixed: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if _is_pattern(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")
