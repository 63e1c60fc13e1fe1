"""A tokenizer wrapper that keeps long punctuation runs from costing quadratic time.

spaCy's tokenizer splits a run of one punctuation mark ("!!!!…", "((((…") one character
at a time, re-scanning the rest each time: 4,000 marks take about 1.5 s and 12 KB about
24 s. :class:`TamedTokenizer` tokenizes a copy of the text in which every run of more
than ``MAX_RUN`` punctuation marks keeps its first ``KEEP`` marks and has the rest
blanked, then rebuilds the ``Doc`` over the original text: the blanked part becomes one
token with the original characters. Same length, so every offset still points into the
text as given; text without such runs goes through the tokenizer untouched.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

MAX_RUN = 32
KEEP = 8
_RUN = re.compile(rf"[^\w\s]{{{MAX_RUN + 1},}}")


def blank_long_runs(text: str) -> str:
    """``text`` with each long punctuation run cut to KEEP marks plus spaces (same length)."""
    return _RUN.sub(lambda m: m.group()[:KEEP] + " " * (len(m.group()) - KEEP), text)


class TamedTokenizer:
    """Wraps a spaCy tokenizer (see the module docstring); everything else is delegated."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, text: str) -> Doc:
        tamed = blank_long_runs(text)
        if tamed == text:
            doc: Doc = self.inner(text)
            return doc
        return _over_original(self.inner(tamed), text)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)


def _over_original(tamed: Doc, text: str) -> Doc:
    """A Doc with ``tamed``'s token boundaries over ``text``; a stretch between tokens
    that is not the single space the tokenizer left (a blanked run) is one token."""
    words: list[str] = []
    spaces: list[bool] = []
    bounds = [(t.idx, t.idx + len(t.text)) for t in tamed]
    for k, (start, end) in enumerate(bounds):
        following = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        gap = text[end:following]
        words.append(text[start:end])
        spaces.append(gap == " ")
        if gap and gap != " ":
            words.append(gap)
            spaces.append(False)
    return Doc(tamed.vocab, words=words, spaces=spaces)
