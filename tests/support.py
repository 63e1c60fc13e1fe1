"""Coding a few sentences through the CLI (``eventscribe code ... --format jsonl``), for
tests that check what a user gets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from eventscribe.cli import main


def code_texts(
    tmp_path: Path, docs: list[tuple[str, str, str | None]], *options: str
) -> list[dict[str, Any]]:
    """The coded documents (JSONL contract) of ``docs`` (id, publication date or None,
    text), coded by ``eventscribe code`` with ``options``; the run must succeed."""
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "date": day, "text": text}) + "\n" for i, day, text in docs),
        encoding="utf-8",
    )
    out = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}.jsonl"
    result = CliRunner().invoke(
        main, ["code", str(path), "--format", "jsonl", "-o", str(out), "-q", *options]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
