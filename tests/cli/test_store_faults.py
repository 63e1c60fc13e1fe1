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


def test_ctrl_c_during_the_final_report_is_exit_130_with_the_run_stored(
    cli, tmp_path, monkeypatch
) -> None:
    import eventscribe.cli as cli_module
    from eventscribe.store import EventStore

    doc = tmp_path / "doc.txt"
    doc.write_text(SHORT_EVENT_TEXT, encoding="utf-8")

    def pressed(*args: object) -> None:  # the user's Ctrl-C arriving while the report prints
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "report", pressed)
    store = tmp_path / "s.duckdb"
    result = cli("code", doc, "--store", store)  # not -q: the report is printed
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert "Traceback" not in result.output
    with EventStore(store, read_only=True) as opened:  # the coded document was committed
        assert opened.fetch("SELECT count(*) AS n FROM documents")[0]["n"] == 1


def _capped(limit: int) -> None:
    """In the child: files may grow to ``limit`` bytes; a write beyond fails with EFBIG
    (SIGXFSZ ignored), as a write to a full disk fails with ENOSPC."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_at_commit_is_exit_3_and_the_rerun_completes(examples_dir, tmp_path) -> None:
    import subprocess
    import sys
    from functools import partial

    from eventscribe.store import EventStore

    eventscribe = str(Path(sys.executable).parent / "eventscribe")
    store = tmp_path / "s.duckdb"
    args = [eventscribe, "code", str(examples_dir), "--store", str(store), "-q"]
    full = subprocess.run(
        args, preexec_fn=partial(_capped, 300_000), capture_output=True, text=True, check=False
    )
    assert full.returncode == 3, full.stderr[-2000:]
    errors = [line for line in full.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "free disk space" in errors[0] and "Traceback" not in full.stderr
    again = subprocess.run(args, capture_output=True, text=True, check=False)  # space freed
    assert again.returncode == 0, again.stderr[-2000:]
    clean = tmp_path / "clean.duckdb"
    subprocess.run([*args[:3], "--store", str(clean), "-q"], check=True, capture_output=True)
    counts = "SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM events) AS e"
    with EventStore(store, read_only=True) as resumed, EventStore(clean, read_only=True) as ok:
        assert resumed.fetch(counts) == ok.fetch(counts)
