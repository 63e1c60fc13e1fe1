"""Records that used to stop the whole run (issue 15): each is one reported line now,
and the documents around it are coded and stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import SHORT_EVENT_TEXT, skipped_lines, store_rows

pytestmark = pytest.mark.slow

GOOD = json.dumps({"id": "good", "text": SHORT_EVENT_TEXT})
LAST = json.dumps({"id": "last", "text": "Serbia and Kosovo reached an agreement on Wednesday."})
HOSTILE = {
    "lone surrogate in text": (
        '{"id": "s", "text": "Serbia \\ud800 accused Kosovo."}',
        ("surrogate", "\\ud800"),
    ),
    "lone surrogate in title": (
        '{"id": "t", "text": "Serbia met Kosovo.", "title": "\\udfff"}',
        ('"title"',),
    ),
    "integer of 5000 digits": (
        '{"id": "n", "text": "Serbia met Kosovo.", "views": ' + "9" * 5000 + "}",
        ("5000 digits",),
    ),
    "id of 5000 digits": (
        '{"id": ' + "1" * 5000 + ', "text": "Serbia met Kosovo."}',
        ("5000 digits",),
    ),
    "nested too deeply": (
        '{"id": "d", "text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}",
        ("nested",),
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_one_hostile_record_does_not_stop_the_run(cli, tmp_path: Path, case: str) -> None:
    line, words = HOSTILE[case]
    docs = tmp_path / "docs.jsonl"
    docs.write_text(f"{GOOD}\n{line}\n{LAST}\n", encoding="utf-8")
    store = tmp_path / "events.duckdb"
    result = cli("code", docs, "--store", store, "-q")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [problem] = skipped_lines(result.stderr)
    assert f"{docs}:2:" in problem
    for word in words:
        assert word in problem, problem
    stored = store_rows(store, "SELECT doc_id FROM documents ORDER BY doc_id")
    assert [r["doc_id"] for r in stored] == ["good", "last"]


def test_max_chars_is_capped_at_what_the_parser_accepts(cli, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(f"{GOOD}\n", encoding="utf-8")
    result = cli("code", docs, "--format", "jsonl", "--max-chars", "2000000")
    assert result.exit_code == 2 and "--max-chars" in result.output and "1000000" in result.output


def test_doc_seconds_must_be_positive(cli, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(f"{GOOD}\n", encoding="utf-8")
    result = cli("code", docs, "--format", "jsonl", "--doc-seconds", "0")
    assert result.exit_code == 2 and "--doc-seconds" in result.output


def test_html_tables_cut_are_one_warning_line_and_the_page_is_coded(cli, tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(6_000))
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article><p>{SHORT_EVENT_TEXT} Officials in Pristina rejected the claim "
                    f"and called for talks on Monday.</p></article><table>{rows}</table></body></html>", encoding="utf-8")  # fmt: skip
    store = tmp_path / "events.duckdb"
    result = cli("code", page, "--store", store, "-q")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
    assert warnings == [
        f"warning {page}: 6,000 table rows cut before extraction (over the limit of 5,000)"
    ]
    assert [r["doc_id"] for r in store_rows(store, "SELECT doc_id FROM documents")] == ["page"]


def test_free_form_dates_are_read_and_an_unreadable_one_codes_undated(cli, tmp_path: Path) -> None:
    rows = [
        {"id": "rfc", "text": SHORT_EVENT_TEXT, "date": "Tue, 05 Dec 2023 10:00:00 GMT"},
        {"id": "words", "text": SHORT_EVENT_TEXT, "date": "December 5, 2023"},
        {"id": "junk", "text": SHORT_EVENT_TEXT, "date": "sometime soon"},
        {
            "id": "far",
            "text": "Kosovo accused Serbia of provocations next year.",
            "date": "9999-12-31",
        },
    ]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = tmp_path / "events.duckdb"
    result = cli("code", docs, "--store", store, "-q")
    assert result.exit_code == 0, result.output  # nothing skipped, nothing quarantined
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
    assert warnings == [
        f"warning {docs}:3: field \"date\": 'sometime soon' is not a date that can be read; coded undated"
    ]
    stored = store_rows(
        store, "SELECT doc_id, CAST(date AS VARCHAR) AS day FROM documents ORDER BY doc_id"
    )
    assert {r["doc_id"]: r["day"] for r in stored} == {
        "far": "9999-12-31",
        "junk": None,
        "rfc": "2023-12-05",
        "words": "2023-12-05",
    }


def test_more_workers_than_cores_is_a_warning(cli, tmp_path: Path) -> None:
    import os

    docs = tmp_path / "docs.jsonl"
    docs.write_text(f"{GOOD}\n", encoding="utf-8")
    too_many = len(os.sched_getaffinity(0)) + 1
    result = cli(
        "code",
        docs,
        "--format",
        "jsonl",
        "-o",
        tmp_path / "o.jsonl",
        "-q",
        "--workers",
        str(too_many),
    )
    assert result.exit_code == 0, result.output
    assert f"warning: --workers {too_many} is more than the" in result.stderr


def test_csv_with_an_unclosed_quote_codes_every_other_record(cli, tmp_path: Path) -> None:
    rows = [f'{i},"{SHORT_EVENT_TEXT}"\n' for i in range(1, 6)]
    rows[1] = f'2,"{SHORT_EVENT_TEXT}\n'
    docs = tmp_path / "docs.csv"
    docs.write_text("id,text\n" + "".join(rows), encoding="utf-8")
    store = tmp_path / "events.duckdb"
    result = cli("code", docs, "--store", store, "-q")
    assert result.exit_code == 1
    [problem] = skipped_lines(result.stderr)
    assert f"{docs}:3:" in problem and "not closed" in problem
    assert [
        r["doc_id"] for r in store_rows(store, "SELECT doc_id FROM documents ORDER BY doc_id")
    ] == ["1", "3", "4", "5"]


def test_a_cp1252_text_file_is_coded_with_a_warning(cli, tmp_path: Path) -> None:
    doc = tmp_path / "old.txt"
    doc.write_bytes(f"{SHORT_EVENT_TEXT} The café in Pristina – closed.".encode("cp1252"))
    store = tmp_path / "events.duckdb"
    result = cli("code", doc, "--store", store, "-q")
    assert result.exit_code == 0, result.output
    assert f"warning {doc}: not UTF-8: read as cp1252" in result.stderr
    [row] = store_rows(store, "SELECT text FROM documents")
    assert row["text"].endswith("The café in Pristina – closed.")


def test_an_unknown_encoding_is_a_usage_error(cli, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(f"{GOOD}\n", encoding="utf-8")
    result = cli("code", docs, "--format", "jsonl", "--encoding", "klingon-8")
    assert result.exit_code == 2 and "--encoding" in result.stderr


def test_non_english_documents_are_named_in_the_summary_and_the_store(cli, tmp_path: Path) -> None:
    from tests.ingest.test_language import SAMPLES

    rows = [{"id": code, "text": text} for code, text in sorted(SAMPLES.items())]
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    store = tmp_path / "events.duckdb"
    result = cli("code", docs, "--store", store)
    assert result.exit_code == 0, result.output
    assert "4 documents not in English (de 1, es 1, fr 1, ru 1)" in result.stderr
    assert f"warning {docs}:3: looks like language 'es', not English" in result.stderr
    stored = store_rows(store, "SELECT doc_id, language FROM documents ORDER BY doc_id")
    assert {r["doc_id"]: r["language"] for r in stored} == {c: c for c in SAMPLES}
