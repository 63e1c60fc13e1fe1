"""A damaged store is exit 3 with a message that says so, never a traceback; Ctrl-C in
any phase of a command is exit 130."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventscribe.pipeline import Coder

from .helpers import SHORT_EVENT_TEXT

pytestmark = pytest.mark.slow


def _damaged(coded_examples: Path, tmp_path: Path, how: str) -> Path:
    path = tmp_path / f"{how}.duckdb"
    shutil.copy(coded_examples, path)
    data = bytearray(path.read_bytes())
    if how == "truncated":
        del data[len(data) // 2 :]
    else:  # a corrupt block right after the header: DuckDB reports a checksum mismatch
        data[4096 : 4096 + 200] = bytes(200)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("how", ["truncated", "corrupt"])
@pytest.mark.parametrize("command", ["summary", "code"])
def test_a_damaged_store_is_exit_3_saying_it_is_damaged(
    cli, coded_examples, tmp_path, how, command
) -> None:
    store = _damaged(coded_examples, tmp_path, how)
    before = store.read_bytes()
    doc = tmp_path / "doc.txt"
    doc.write_text(SHORT_EVENT_TEXT, encoding="utf-8")
    args = (
        ("code", doc, "--store", store, "-q")
        if command == "code"
        else ("summary", "--store", store)
    )
    result = cli(*args)
    assert result.exit_code == 3, result.output
    [line] = result.stderr.strip().splitlines()[-1:]
    assert line.startswith("error: [E005]") and "is damaged" in line and str(store) in line
    assert "locked by another process" not in line
    assert store.read_bytes() == before  # never overwritten


def test_ctrl_c_while_the_model_loads_is_exit_130(cli, tmp_path, monkeypatch) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text(SHORT_EVENT_TEXT, encoding="utf-8")

    def pressed(settings):  # the user's Ctrl-C arriving during Coder.build
        raise KeyboardInterrupt

    monkeypatch.setattr(Coder, "build", classmethod(lambda cls, settings: pressed(settings)))
    result = cli("code", doc, "--store", tmp_path / "s.duckdb", "-q")
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert "Traceback" not in result.output
