"""How the actor phrases split into tokens, kept once per pipeline and set of phrases.

The tagger's PhraseMatchers match about 2,400 names and role words on their tokens as
the pipeline's own tokenizer splits them ("People's Liberation Army" -> People, 's,
Liberation, Army). Splitting them costs about 0.1 s at every start, because spaCy makes
a Doc of each; that was the largest part of what eventscribe adds to spaCy's own
start-up. A PhraseMatcher also takes a pattern as the keys of its tokens, so the splits
are kept in the user's cache folder (:func:`eventscribe.arraycache.cache_root`) and
opening them makes no Doc.

A folder's name holds a digest of the format, the package version, the pipeline (name,
version and spaCy version, :func:`pipeline_id`) and the phrases: the bundled tables have
one, the tables with a user's dictionaries another (each a few dozen kilobytes, none
removed when another is made, so switching between them rebuilds nothing). A missing or
unreadable folder is rebuilt with one line on stderr; when it cannot be written the
phrases are split in memory, as without a cache.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import numpy as np
from spacy.about import __version__ as spacy_version
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from eventscribe import __version__
from eventscribe.arraycache import cache_root, open_arrays, open_cached, write_arrays

FORMAT = 1
_TOKEN_END = "\x1f"  # unit separator: between the tokens of a phrase
_PHRASE_END = "\x1e"  # record separator: between phrases

Split = tuple[str, ...]


def pipeline_id(nlp: Language) -> str:
    """What decides how a pipeline splits text: its name and version and spaCy's."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} spacy {spacy_version}"


def phrase_splits(
    phrases: Sequence[str], tokenizer: Tokenizer, pipeline: str | None, root: Path | None = None
) -> list[Split]:
    """The tokens of each of ``phrases`` as ``tokenizer`` splits them: from the cache
    under ``root`` (the user's cache folder by default) when ``pipeline`` names the
    pipeline the tokenizer is from (:func:`pipeline_id`); split now when it is None."""
    if pipeline is None or not phrases:
        return split_now(phrases, tokenizer)
    digest = hashlib.sha1(f"{FORMAT} {__version__} {pipeline}{_PHRASE_END}".encode())
    digest.update(_PHRASE_END.join(phrases).encode("utf-8"))
    folder = (root or cache_root()) / f"phrases-{digest.hexdigest()[:16]}"
    opened = open_cached(folder, partial(_read, count=len(phrases)), "actor phrase")
    if opened is not None:
        return opened
    splits = split_now(phrases, tokenizer)
    try:
        _write(folder, splits)
    except (OSError, ValueError) as exc:  # a read-only home, a full disk: split each time
        print(f"eventscribe: cannot write the actor phrase cache ({exc}); splitting the "
              "phrases at each start (set EVENTSCRIBE_CACHE_DIR to a writable folder)",
              file=sys.stderr)  # fmt: skip
    return splits


def split_now(phrases: Sequence[str], tokenizer: Tokenizer) -> list[Split]:
    """The tokens of each phrase, split by ``tokenizer``."""
    return [tuple(token.text for token in doc) for doc in tokenizer.pipe(phrases)]


def _write(folder: Path, splits: Sequence[Split]) -> None:
    text = _PHRASE_END.join(_TOKEN_END.join(split) for split in splits)
    blob = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    # no glob of stale folders: each set of phrases keeps its own
    write_arrays(folder, {"splits": blob}, {"format": FORMAT, "phrases": len(splits)})


def _read(folder: Path, count: int) -> list[Split]:
    meta, arrays = open_arrays(folder, ("splits",), FORMAT)
    records = bytes(arrays["splits"]).decode("utf-8").split(_PHRASE_END)
    if meta.get("phrases") != count or len(records) != count:
        raise ValueError(f"{len(records)} phrases, expected {count}")
    return [tuple(record.split(_TOKEN_END)) if record else () for record in records]
