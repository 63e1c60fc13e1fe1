"""Which language a document is in, offline: the share of its first words that are
function words of each language (word lists in ``data/stopwords.yaml``).

The coder's model is English; a French or Spanish article yields few or no events.
This check only tells the user so (a warning line, the run summary and the store's
``documents.language`` column); every document is still coded. It is deterministic
and needs no model: the first ``SAMPLE_WORDS`` words, lower-cased; the language with
the most function words wins if they are at least ``MIN_SHARE`` of the words, else
"und" (undetermined: too short, or not in the lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventscribe import yamlio
from eventscribe.errors import DataFileError

DATA_FILE = Path(__file__).resolve().parent / "data" / "stopwords.yaml"
SAMPLE_WORDS = 300
MIN_WORDS = 8
MIN_SHARE = 0.12
UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class StopwordLists:
    """Function words per language code."""

    words: dict[str, frozenset[str]]

    def guess(self, text: str) -> str:
        """The language code of ``text`` (see the module docstring)."""
        sample = [m.group().lower() for _, m in zip(range(SAMPLE_WORDS), _WORD.finditer(text))]
        if len(sample) < MIN_WORDS:
            return UNDETERMINED
        counts = {code: sum(w in words for w in sample) for code, words in self.words.items()}
        best = max(sorted(counts), key=lambda code: counts[code])  # ties: alphabetical
        return best if counts[best] >= MIN_SHARE * len(sample) else UNDETERMINED


@lru_cache(maxsize=1)
def stopword_lists(path: Path = DATA_FILE) -> StopwordLists:
    """The lists in ``path``, checked: a mapping of language codes to word lists."""
    data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    languages = data.get("languages") if isinstance(data, dict) else None
    if not isinstance(languages, dict) or not languages:
        raise DataFileError(f"{path}: expected 'languages:' mapping language codes to word lists")
    words: dict[str, frozenset[str]] = {}
    for code, items in languages.items():
        if not isinstance(items, list) or not all(isinstance(w, str) for w in items):
            raise DataFileError(f"{path}: language {code!r} must map to a list of words")
        words[str(code)] = frozenset(w.lower() for w in items)
    return StopwordLists(words)


def guess_language(text: str) -> str:
    """The language code of ``text`` by the bundled lists, or "und"."""
    return stopword_lists().guess(text)
