"""Bad input: each skipped document gets one line on stderr, the rest is coded, exit 1.

A bad user lexicon is fatal instead (exit 3): nothing could be coded reliably with it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import SHORT_EVENT_TEXT, read_jsonl, skipped_lines, store_rows

pytestmark = pytest.mark.slow


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.txt"


def _bad_utf8(tmp_path: Path) -> Path:
    # JSON Lines are UTF-8 by definition (text, CSV and HTML in other encodings are
    # detected and read, see test_hostile_records.py)
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(
        '{"id": "z", "text": "Kosovo accused Serbia of provocations in Zürich."}\n'.encode(
            "latin-1"
        )
    )
    return path


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    return path


def _oversize(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text("Serbia and Kosovo reached an agreement on Wednesday. " * 3, encoding="utf-8")
    return path


def _csv_without_text(tmp_path: Path) -> Path:
    path = tmp_path / "notext.csv"
    path.write_text("id,body\nc1,Serbia met Kosovo.\n", encoding="utf-8")
    return path


# (input maker, words the stderr line must contain besides the file name)
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "missing file": (_missing, ("no such file",)),
    "bad UTF-8": (_bad_utf8, ("UTF-8",)),
    "empty document": (_empty, ("empty",)),
    "oversize document": (_oversize, ("50",)),
    "CSV without text column": (_csv_without_text, ("text",)),
}


@pytest.fixture
def good_doc(tmp_path: Path) -> Path:
    """A document under 50 characters that codes to an event, read before the bad input."""
    path = tmp_path / "good.txt"
    path.write_text(SHORT_EVENT_TEXT, encoding="utf-8")
    assert len(SHORT_EVENT_TEXT) < 50
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_and_the_rest_is_coded(cli, tmp_path, good_doc, case: str) -> None:
    make, words = CASES[case]
    bad = make(tmp_path)
    out = tmp_path / "out.jsonl"
    result = cli("code", good_doc, bad, "--format", "jsonl", "-o", out, "-q", "--max-chars", "50")
    assert result.exit_code == 1, result.output
    lines = skipped_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert str(bad) in lines[0]
    for word in words:
        assert word in lines[0]
    coded = read_jsonl(out)
    assert [d["id"] for d in coded] == ["good"]
    assert coded[0]["events"], "the good document should still be coded"


def test_bad_json_line_names_the_line_and_the_other_lines_are_stored(cli, tmp_path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "first", "text": "Serbia and Kosovo reached an agreement."})
        + "\n"
        + '{"id": "broken", "text": oops}\n'
        + json.dumps({"id": "third", "text": SHORT_EVENT_TEXT})
        + "\n",
        encoding="utf-8",
    )
    store = tmp_path / "events.duckdb"
    out = tmp_path / "out.jsonl"
    result = cli("code", docs, "--store", store, "--format", "jsonl", "-o", out, "-q")
    assert result.exit_code == 1, result.output
    lines = skipped_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert f"{docs}:2:" in lines[0]
    assert "JSON" in lines[0]
    assert [d["id"] for d in read_jsonl(out)] == ["first", "third"]
    stored = store_rows(store, "SELECT doc_id, n_events FROM documents ORDER BY doc_id")
    assert [r["doc_id"] for r in stored] == ["first", "third"]
    assert all(r["n_events"] > 0 for r in stored)
    (run,) = store_rows(store, "SELECT documents, problems, finished_at FROM runs")
    assert (run["documents"], run["problems"]) == (2, 1)  # the run records what was skipped
    assert run["finished_at"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root can read files whatever their mode",
)
def test_unreadable_file_is_reported(cli, tmp_path, good_doc) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(SHORT_EVENT_TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        result = cli("code", good_doc, locked, "--format", "jsonl", "-q")
    finally:
        locked.chmod(0o600)
    assert result.exit_code == 1
    lines = skipped_lines(result.stderr)
    assert len(lines) == 1 and str(locked) in lines[0] and "cannot read" in lines[0]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good"]


def test_several_problems_give_one_line_each(cli, tmp_path, good_doc) -> None:
    bad = [_missing(tmp_path), _empty(tmp_path), _bad_utf8(tmp_path)]
    result = cli("code", good_doc, *bad, "--format", "jsonl", "-o", tmp_path / "o.jsonl", "-q")
    assert result.exit_code == 1
    lines = skipped_lines(result.stderr)
    assert len(lines) == 3
    for path, line in zip(bad, lines):
        assert str(path) in line


def test_summary_line_counts_skipped_inputs(cli, tmp_path, good_doc) -> None:
    out = tmp_path / "o.jsonl"
    result = cli("code", good_doc, _empty(tmp_path), "--format", "jsonl", "-o", out)
    assert result.exit_code == 1
    assert "coded 1 documents" in result.stderr
    assert "1 skipped" in result.stderr


def test_lexicon_with_unknown_cameo_code_is_fatal_and_names_file_and_line(
    cli, tmp_path, good_doc
) -> None:
    lexicon = tmp_path / "bad.yaml"
    lexicon.write_text(
        "entries:\n"
        '  - {verb: hug, type: SUPPORT, cameo: "051"}\n'
        '  - {verb: smack, type: ASSAULT, cameo: "999"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = cli("code", good_doc, "--lexicon", lexicon, "--format", "jsonl", "-o", out, "-q")
    assert result.exit_code == 3, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "bad.yaml:3" in errors[0]
    assert "999" in errors[0]
    assert result.stdout == ""


def test_check_lexicon_reports_the_same_bad_line(cli, tmp_path) -> None:
    lexicon = tmp_path / "bad.yaml"
    lexicon.write_text(
        'entries:\n  - {verb: smack, type: ASSAULT, cameo: "999"}\n', encoding="utf-8"
    )
    result = cli("check-lexicon", lexicon)
    assert result.exit_code == 3
    assert "bad.yaml:2" in result.stderr


def test_a_valid_user_lexicon_adds_an_event(cli, tmp_path) -> None:
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text(
        'entries:\n  - {verb: hug, type: SUPPORT, cameo: "051", target: [dobj]}\n',
        encoding="utf-8",
    )
    checked = cli("check-lexicon", lexicon)
    assert checked.exit_code == 0
    assert "1 entries, all valid" in checked.stdout

    doc = tmp_path / "hug.txt"
    doc.write_text("The Serbian president hugged the Kosovo prime minister.", encoding="utf-8")
    result = cli("code", doc, "--lexicon", lexicon, "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert any(e["type"] == "SUPPORT" and e["cameo"] == "051" for e in events), events


def test_a_command_run_in_process_leaves_the_collector_working(tmp_path):
    """The CLI freezes what it built out of the collector's sight only when the process
    exits: a script or test that invokes commands and goes on keeps collecting."""
    import gc

    from click.testing import CliRunner

    from eventscribe.cli import main

    before = gc.get_freeze_count()
    result = CliRunner().invoke(main, ["summary", "--store", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0  # no such store: the error path ends the command too
    assert gc.get_freeze_count() == before


def test_a_command_that_builds_a_coder_leaves_the_collector_as_it_was(cli):
    """The coder is built with the collector's automatic collections paused and frozen
    while the command runs (start-up); when the command ends, the thresholds are the
    caller's again and nothing stays frozen."""
    import gc

    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    result = cli("explain", "Serbia and Kosovo reached an agreement.")
    assert result.exit_code == 0, result.stderr
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == frozen


def test_the_collector_is_paused_while_a_block_runs_and_what_it_built_frozen():
    import gc

    from eventscribe.cli import collector_paused

    thresholds = gc.get_threshold()
    with collector_paused():
        assert gc.get_threshold()[0] == 0
        built = [[] for _ in range(1000)]
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0  # outside a command: unfrozen at once
    assert built


def test_a_command_whose_coder_fails_to_build_leaves_nothing_frozen(cli):
    import gc

    frozen = gc.get_freeze_count()
    result = cli("explain", "Serbia and Kosovo reached an agreement.", "--model", "no_such_model")
    assert result.exit_code == 3
    assert gc.get_freeze_count() == frozen
