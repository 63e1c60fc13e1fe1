"""--conventions cameo codes an announced act with its own CAMEO code, as PETRARCH does;
the default PLOVER conventions code it as the threat or intent it is. The JSONL says
which conventions coded it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow


def _code(tmp_path: Path, *extra: str) -> dict:
    docs = tmp_path / "d.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "text": "Turkey will impose sanctions on Syria."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / f"out{len(extra)}.jsonl"
    assert (
        CliRunner()
        .invoke(main, ["code", str(docs), "--format", "jsonl", "-o", str(out), "-q", *extra])
        .exit_code
        == 0
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_an_announced_sanction_under_each_convention(tmp_path: Path) -> None:
    plover, cameo = _code(tmp_path), _code(tmp_path, "--conventions", "cameo")
    assert plover["conventions"] == "plover" and cameo["conventions"] == "cameo"
    assert [(e["type"], e["cameo"][:2]) for e in plover["events"]] == [("THREATEN", "13")]
    assert [(e["type"], e["cameo"][:2]) for e in cameo["events"]] == [("SANCTION", "16")]
