"""Cut an event's sentence into plain and highlighted pieces (trigger, source, target).

Offsets in the store are into the article text; the sentence starts at
``sentence_start``. The pieces are plain strings with a role, so the page template can
escape every piece (article text is never trusted as HTML).
"""

from __future__ import annotations

from typing import Any

ROLES = ("trigger", "source", "target")


def evidence_segments(row: dict[str, Any]) -> list[dict[str, str | None]]:
    """``[{"text": ..., "role": None|"trigger"|"source"|"target"}, ...]`` covering the sentence.

    A span outside the sentence (an actor resolved from an earlier mention) or one that
    overlaps an earlier-placed span is not highlighted; the trigger wins over actors.
    """
    sentence = row.get("sentence_text") or ""
    base = row.get("sentence_start") or 0
    spans = _spans(row, base, len(sentence))
    pieces: list[dict[str, str | None]] = []
    cursor = 0
    for start, end, role in sorted(spans):
        if start > cursor:
            pieces.append({"text": sentence[cursor:start], "role": None})
        pieces.append({"text": sentence[start:end], "role": role})
        cursor = end
    if cursor < len(sentence):
        pieces.append({"text": sentence[cursor:], "role": None})
    return pieces


def _spans(row: dict[str, Any], base: int, length: int) -> list[tuple[int, int, str]]:
    placed: list[tuple[int, int, str]] = []
    for role in ROLES:
        start, end = row.get(f"{role}_start"), row.get(f"{role}_end")
        if start is None or end is None:
            continue
        rel_start, rel_end = start - base, end - base
        if rel_start < 0 or rel_end > length or rel_start >= rel_end:
            continue
        if any(rel_start < e and s < rel_end for s, e, _ in placed):
            continue
        placed.append((rel_start, rel_end, role))
    return placed
