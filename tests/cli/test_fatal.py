"""Fatal errors: one ``error:`` line on stderr that names the culprit, exit code 3, no traceback.

Usage errors (click's own checks) exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result

from eventscribe.cli import main

from .helpers import SHORT_EVENT_TEXT


def _error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def _assert_fatal(result: Result, *names: str) -> None:
    assert result.exit_code == 3, result.output
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    for name in names:
        assert name in lines[0]
    assert "Traceback" not in result.stderr


@pytest.fixture
def good_doc(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(SHORT_EVENT_TEXT, encoding="utf-8")
    return path


def test_unknown_model_says_how_to_install_it(cli, good_doc) -> None:
    result = cli("code", good_doc, "--model", "no_such_pipeline", "--format", "jsonl", "-q")
    _assert_fatal(result, "no_such_pipeline", "not installed")


@pytest.mark.slow
def test_a_file_that_is_not_a_store_is_refused(cli, tmp_path, good_doc) -> None:
    fake = tmp_path / "notes.duckdb"
    fake.write_text("just some notes\n", encoding="utf-8")
    _assert_fatal(cli("code", good_doc, "--store", fake, "-q"), "notes.duckdb")
    _assert_fatal(cli("summary", "--store", fake), "notes.duckdb")
    assert fake.read_text(encoding="utf-8") == "just some notes\n"  # left untouched


@pytest.mark.slow
def test_export_into_a_missing_folder_names_the_folder(cli, coded_examples, tmp_path) -> None:
    target = tmp_path / "no-such-folder" / "events.csv"
    result = cli("export", "--store", coded_examples, "--format", "csv", "-o", target)
    _assert_fatal(result, "no-such-folder")


def test_malformed_gold_file_names_file_line_and_field(cli, tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "ok", "text": "Serbia met Kosovo.", "events": []})
        + "\n"
        + json.dumps({"id": "bad", "text": "x", "events": [{"type": 5}]})
        + "\n",
        encoding="utf-8",
    )
    _assert_fatal(cli("eval", gold, "-q"), "gold.jsonl:2", "type")


def test_non_positive_max_chars_is_refused(cli, good_doc) -> None:
    result = cli("code", good_doc, "--max-chars", "0", "--format", "jsonl", "-q")
    assert result.exit_code == 2 and "--max-chars" in result.stderr


def test_missing_inputs_is_a_usage_error(cli) -> None:
    result = cli("code")
    assert result.exit_code == 2
    assert "Usage:" in result.stderr


def _clean_exit(result: Result) -> bool:
    return result.exception is None or isinstance(result.exception, SystemExit)


def _invoke_catching(cli, *args: str | Path) -> Result:
    """Like ``cli(...)`` but an uncaught exception becomes the result (exit code 1)."""
    return cli.runner.invoke(main, [str(a) for a in args])


@pytest.mark.slow
def test_jsonl_output_into_a_missing_folder_is_a_clear_error(cli, tmp_path, good_doc) -> None:
    target = tmp_path / "no-such-folder" / "out.jsonl"
    result = _invoke_catching(cli, "code", good_doc, "--format", "jsonl", "-o", target, "-q")
    assert _clean_exit(result), repr(result.exception)
    _assert_fatal(result, "no-such-folder")


@pytest.mark.slow
def test_eval_json_into_a_missing_folder_is_a_clear_error(cli, tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "g", "date": None, "text": SHORT_EVENT_TEXT, "events": []}) + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "no-such-folder" / "metrics.json"
    result = _invoke_catching(cli, "eval", gold, "-q", "--json", target)
    assert _clean_exit(result), repr(result.exception)
    _assert_fatal(result, "no-such-folder")
