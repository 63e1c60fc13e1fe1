"""PETRARCH discard lists: phrases whose sentence (or, marked ``+``, whose whole story)
codes no event ("BASEBALL", "+World Golf Championships"). Matched as whole words,
whatever the case; ``_`` joins the words of a phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventscribe.errors import DataFileError


@dataclass(frozen=True)
class Discards:
    """Compiled discard phrases; ``where`` names each phrase's file and line."""

    sentence: re.Pattern[str] | None
    story: re.Pattern[str] | None
    where: dict[str, str]

    def reason(self, text: str, *, story: bool) -> str | None:
        """Why ``text`` (a sentence, or with ``story`` the whole article) codes nothing."""
        pattern = self.story if story else self.sentence
        found = pattern.search(text) if pattern is not None else None
        if found is None:
            return None
        phrase = found.group(0)
        kind = "story" if story else "sentence"
        return f"{kind} discarded: '{phrase}' ({self.where.get(phrase.lower(), 'discard list')})"


def read_discards(paths: list[Path] | tuple[Path, ...]) -> Discards:
    """The discard phrases of PETRARCH discard files."""
    sentence: list[str] = []
    story: list[str] = []
    where: dict[str, str] = {}
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read discard list ({exc})") from exc
        for number, raw in enumerate(lines, start=1):
            line = raw.split("#", 1)[0].split(";", 1)[0].strip()
            if not line or line.startswith("<!--"):
                continue
            target = story if line.startswith("+") else sentence
            phrase = " ".join(line.lstrip("+").replace("_", " ").split())
            if phrase:
                target.append(phrase)
                where[phrase.lower()] = f"{Path(path).name}:{number}"
    return Discards(_compile(sentence), _compile(story), where)


def _compile(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
