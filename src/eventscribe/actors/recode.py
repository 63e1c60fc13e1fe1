"""Corrections without a full recode: the documents an actor edit concerns are coded again.

``actors edit|merge`` records a correction; a run reads every correction at its start
(:func:`eventscribe.actors.edits.store_knowledge`), but skips the documents the store
already holds unchanged, so a correction would reach only new documents. At the start
of a run, :func:`mark_edited_documents` finds the corrections made since the last
finished run, the stored documents whose text mentions one of their actors (the corrected name or
alias in any case, or the name's last word as a whole capitalised word: "Vucic" for
"Aleksandar Vucic"), and marks those documents not done, so this run codes
them again with the correction (given the same inputs). When the run finishes,
:func:`mark_edits_applied` records the last correction it applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

APPLIED_KEY = "actor_edits_applied"


@dataclass(frozen=True)
class EditedDocuments:
    """What a run recodes for the corrections made since the last finished run."""

    names: tuple[str, ...]  # the corrected names
    documents: int  # stored documents that mention one of them, marked to be coded again
    last_edit: int  # the newest correction's number


def _has_edits(store: Any) -> bool:
    found = store.fetch(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'actor_edits'"
    )
    return bool(found[0]["n"])


def _applied(store: Any) -> int:
    rows = store.fetch("SELECT value FROM meta WHERE key = ?", [APPLIED_KEY])
    return int(rows[0]["value"]) if rows else 0


def mark_edited_documents(store: Any) -> EditedDocuments | None:
    """Mark the stored documents that mention an actor corrected since the last finished
    run as not done; None when there is no new correction."""
    if not _has_edits(store):
        return None
    edits = store.fetch(
        "SELECT edit_no, name, alias FROM actor_edits WHERE edit_no > ? ORDER BY edit_no",
        [_applied(store)],
    )
    if not edits:
        return None
    names = tuple(dict.fromkeys(row["name"] for row in edits))
    pattern = _mention_pattern(edits)
    mentions = "SELECT d.doc_id FROM documents AS d WHERE regexp_matches(d.text, ?)"
    with store.transaction("mark documents for a corrected actor"):
        con = store.connection
        found = con.execute(
            f"SELECT count(*) FROM progress WHERE doc_id IN ({mentions})", [pattern]
        ).fetchone()[0]
        con.execute(f"DELETE FROM progress WHERE doc_id IN ({mentions})", [pattern])
    return EditedDocuments(names, int(found), int(edits[-1]["edit_no"]))


def _mention_pattern(edits: list[dict[str, Any]]) -> str:
    """A regular expression for a mention of a corrected actor in a document's text: its
    name or alias in any case, or the name's last word as a capitalised whole word (the
    way later mentions name a person: "Vucic")."""
    whole = {v for row in edits for v in (row["name"], row["alias"]) if v}
    last = {row["name"].split()[-1] for row in edits if row["name"].split()}
    names = "|".join(re.escape(n) for n in sorted(whole))
    words = "|".join(re.escape(w) for w in sorted(last))
    return rf"(?i:\b(?:{names})\b)|\b(?:{words})\b"


def mark_edits_applied(store: Any, last_edit: int) -> None:
    """Record that every correction up to ``last_edit`` is in the stored documents."""
    with store.transaction("record the applied actor corrections"):
        store.connection.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)", [APPLIED_KEY, str(last_edit)]
        )
