"""How every data file in YAML is parsed: with libyaml's C parser when PyYAML has it
(about ten times faster than the pure-Python one, which start-up would otherwise pay for
each word list), else with PyYAML's own. Both build the same values and report the
same line numbers.

A file read at every start can keep what its parse gave in the user's cache folder
(:func:`parsed_once`): libyaml still spends about 30 ms on the 100 kB event lexicon,
reading the kept value as JSON takes under 2 ms."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import yaml

from eventscribe import __version__

T = TypeVar("T")
# bump when what a kept parse holds changes for the same text
CACHE_FORMAT = 2

if TYPE_CHECKING:
    SafeLoader = yaml.SafeLoader
else:
    SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """The value of a YAML document (plain types only, as :func:`yaml.safe_load`)."""
    return yaml.load(text, Loader=SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML document, with the line of every node."""
    return yaml.compose(text, Loader=SafeLoader)


def compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the value of a YAML document, parsed once (for files whose
    errors name the line of a value)."""
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()


def parsed_once(text: str, parse: Callable[[str], T], source: str) -> T:
    """``parse(text)``, kept in the user's cache folder by ``source`` (what the text is
    read from, e.g. its path) and the text's digest, and read from there while the text
    is the same. ``parse`` must depend on the text alone and give plain JSON values
    (dicts with string keys, lists, strings, numbers, booleans, None): a value that JSON
    would change (a date, a tuple, an integer key) is not kept, nor is an error. When
    ``source``'s text changes, its kept parse is replaced. A kept file that does not read
    as written (truncated, edited: it carries its value's digest) is parsed again, with
    one line on stderr. A cache folder that cannot be read or written is passed by: the
    text is parsed each time."""
    from eventscribe.arraycache import cache_root

    stem = hashlib.sha1(f"{CACHE_FORMAT} {__version__} {source}".encode()).hexdigest()[:12]
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    kept = cache_root() / "parsed" / f"{stem}-{digest}.json"
    try:
        stored = kept.read_text(encoding="utf-8")
    except OSError:
        stored = None  # not kept yet (or not readable): parse it
    if stored is not None:
        found = _checked(stored)
        if found is not None:
            return cast(T, found[0])
        print(f"eventscribe: {kept} is corrupt; parsing {source} again", file=sys.stderr)
    value = parse(text)
    _keep(kept, value, stale=f"{stem}-*.json")
    return value


def _checked(stored: str) -> tuple[Any] | None:
    """The value a kept file holds, in a 1-tuple, when it reads as written (its own
    digest matches), else None."""
    try:
        kept = json.loads(stored)
        value = kept["value"]
        intact = kept["digest"] == _digest(value)
    except (ValueError, TypeError, KeyError):
        return None
    return (value,) if intact else None


def _digest(value: Any) -> str:
    return hashlib.sha1(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _keep(path: Path, value: Any, stale: str) -> None:
    """Write ``value`` as JSON to ``path`` (atomically) if it reads back equal, then
    remove the other files matching ``stale`` (the parses of earlier texts)."""
    try:
        plain = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    if json.loads(plain) != value:
        return
    text = json.dumps({"digest": _digest(value), "value": value}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
        for old in path.parent.glob(stale):
            if old.name != path.name:
                old.unlink(missing_ok=True)
    except OSError:
        pass
