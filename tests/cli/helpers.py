"""Small helpers and input data shared by the CLI test modules (import relatively)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Three short documents in a deliberately unsorted id order; only "zeta" and "alpha" hold
# events. "alpha" puts non-ASCII text and CRLF line ends before its event, so offsets
# that counted bytes or normalised line ends would not slice the original text.
ATTACK_SENTENCE = "Russian troops attacked Ukrainian positions near Bakhmut on Tuesday."
AGREEMENT_SENTENCE = "Serbia and Kosovo reached an agreement on Wednesday."
NO_EVENT_TEXT = "The weather in Lisbon was mild and sunny all week."
CONTRACT_DOCS: tuple[dict[str, Any], ...] = (
    {"id": "zeta", "date": "2023-01-12", "text": ATTACK_SENTENCE},
    {
        "id": "alpha",
        "date": "2023-03-07",
        "text": "Zürich café notes 🎉 first.\r\n\r\n"
        "Kosovo accused Serbia of provocations on Monday.",
    },
    {"id": "mid", "date": "2023-01-13", "text": NO_EVENT_TEXT},
)

# A one-sentence document with an event, short enough to stay under --max-chars 50.
SHORT_EVENT_TEXT = "Kosovo accused Serbia of provocations."


def write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> Path:
    lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def coded_events(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """The events `eventscribe code --format jsonl` writes for ``text`` as one .txt file."""
    from click.testing import CliRunner

    from eventscribe.cli import main

    source = tmp_path / "a.txt"
    source.write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "a.jsonl"
    result = CliRunner().invoke(main, ["code", str(source), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (document,) = read_jsonl(out)
    events: list[dict[str, Any]] = document["events"]
    return events


def store_counts(store: Path) -> dict[str, int]:
    """Rows per table of a store, read through the library (read-only)."""
    from eventscribe.store import EventStore

    with EventStore(store, read_only=True) as opened:
        return opened.counts()


def store_rows(store: Path, sql: str) -> list[dict[str, Any]]:
    """Rows of a read query on a store, as dicts."""
    from eventscribe.store import EventStore

    with EventStore(store, read_only=True) as opened:
        return opened.fetch(sql)


def skipped_lines(stderr: str) -> list[str]:
    """The stderr lines that report a skipped input."""
    return [line for line in stderr.splitlines() if line.startswith("skipped ")]
