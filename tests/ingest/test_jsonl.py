import json
from datetime import date

import pytest

from eventscribe.ingest.jsonl import read_jsonl
from eventscribe.records import Article, InputProblem


def lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_fields_are_read_and_text_kept_as_given(write):
    path = write(
        "docs.jsonl",
        lines(
            {
                "id": "a1",
                "text": "  Serbia protested.\n",
                "date": "2022-11-23",
                "title": "Plates",
                "url": "https://example.org/a1",
                "source": "Wire",
            }
        ),
    )
    [article] = read_jsonl(path)
    assert article == Article(
        doc_id="a1",
        text="  Serbia protested.\n",
        date=date(2022, 11, 23),
        title="Plates",
        url="https://example.org/a1",
        source="Wire",
        origin=f"{path}:1",
    )


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-01-02T23:30:00+05:00", date(2023, 1, 2)),
        ("2023-01-02T10:00:00Z", date(2023, 1, 2)),
        ("2023-01-02 10:00", date(2023, 1, 2)),
        (None, None),
        ("", None),
    ],
)
def test_date_forms(write, value, expected):
    [article] = read_jsonl(write("d.jsonl", lines({"id": "a", "text": "x", "date": value})))
    assert article.date == expected


def test_missing_id_uses_file_stem_and_line_number_and_numbers_are_ids(write):
    path = write("feed.jsonl", lines({"text": "one"}, "", "   ", {"text": "two", "id": 42}))
    assert [a.doc_id for a in read_jsonl(path)] == ["feed-1", "42"]
    assert [a.doc_id for a in read_jsonl(path, id_prefix="2022/feed")] == ["2022/feed-1", "42"]


def test_blank_lines_are_ignored_but_count_for_line_numbers(write):
    path = write("feed.jsonl", "\n\n" + lines({"text": "x"}))
    [article] = read_jsonl(path)
    assert article.origin == f"{path}:3" and article.doc_id == "feed-3"


def test_bad_lines_are_reported_and_the_rest_is_read(write):
    path = write(
        "docs.jsonl",
        lines(
            {"id": "ok1", "text": "Serbia said."},
            '{"id": "b", "text": "x" "date": "2022-01-01"}',
            "[1, 2]",
            {"id": "c"},
            {"id": "d", "text": 12},
            {"id": "e", "text": "x", "date": "2023-13-01"},
            {"id": "f", "text": "x", "date": [20230101]},
            {"id": ["g"], "text": "x"},
            {"id": "h", "text": "x", "title": 3},
            {"id": "ok2", "text": "Kosovo said."},
        ),
    )
    items = list(read_jsonl(path))
    # a date that cannot be read leaves the document undated, with a warning: never skipped
    assert [a.doc_id for a in items if isinstance(a, Article)] == ["ok1", "e", "f", "ok2"]
    assert [(a.date, a.warnings) for a in items if isinstance(a, Article) and a.warnings] == [
        (None, ("field \"date\": '2023-13-01' is not a date that can be read; coded undated",)),
        (None, ('field "date": a list is not a date that can be read; coded undated',)),
    ]
    shown = [str(p) for p in items if isinstance(p, InputProblem)]
    assert shown == [
        f"{path}:2: invalid JSON (Expecting ',' delimiter at column 25)",
        f"{path}:3: expected a JSON object, got a list",
        f'{path}:4: field "text": missing (every record needs the article text)',
        f'{path}:5: field "text": must be a string, got a number',
        f'{path}:8: field "id": must be a string or a number, got a list',
        f'{path}:9: field "title": must be a string, got a number',
    ]


def test_empty_and_oversize_text(write):
    path = write("d.jsonl", lines({"id": "a", "text": " \n "}, {"id": "b", "text": "x" * 11}))
    reasons = [p.reason for p in read_jsonl(path, max_chars=10)]
    assert reasons == [
        "empty document",
        "document has 11 characters, over the limit of 10 (raise --max-chars or split it)",
    ]


def test_bad_utf8_line_names_line_and_byte_and_reading_goes_on(write):
    good = b'{"id": "a", "text": "ok"}\n'
    bad = b'{"id": "b", "text": "caf\xe9"}\n'
    path = write("d.jsonl", good + bad + good.replace(b'"a"', b'"c"'))
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Article", "InputProblem", "Article"]
    offset = len(good) + bad.index(b"\xe9")
    assert str(items[1]) == f"{path}:2: not valid UTF-8 at byte {offset} (save the file as UTF-8)"


def test_bom_at_file_start_is_accepted(write):
    path = write("d.jsonl", b"\xef\xbb\xbf" + lines({"id": "a", "text": "x"}).encode())
    [article] = read_jsonl(path)
    assert article.doc_id == "a"


def test_unicode_line_separator_inside_text_is_not_a_line_break(write):
    path = write("d.jsonl", lines({"id": "a", "text": "one\u2028two"}))
    [article] = read_jsonl(path)
    assert article.text == "one\u2028two"


def test_missing_file_gives_os_reason(tmp_path):
    [problem] = read_jsonl(tmp_path / "gone.jsonl")
    assert problem.reason == "cannot read file (No such file or directory)"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2023-12-05", date(2023, 12, 5)),
        ("2023-12-05T23:30:00-05:00", date(2023, 12, 5)),  # the day as written
        ("Tue, 05 Dec 2023 10:00:00 GMT", date(2023, 12, 5)),
        ("December 5, 2023", date(2023, 12, 5)),
        ("Dec. 5th, 2023", date(2023, 12, 5)),
        ("5 December 2023 14:02", date(2023, 12, 5)),
        ("20231205", date(2023, 12, 5)),
        (20231205, date(2023, 12, 5)),
        ("1701770400", date(2023, 12, 5)),  # a Unix timestamp, read in UTC
        ("5. Dezember 2023", date(2023, 12, 5)),
        ("mardi 5 décembre 2023", date(2023, 12, 5)),
    ],
)
def test_dates_as_feeds_write_them(write, written, day):
    [article] = read_jsonl(write("d.jsonl", lines({"id": "a", "text": "x", "date": written})))
    assert isinstance(article, Article) and article.date == day and article.warnings == ()


@pytest.mark.parametrize(
    "written",
    ["yesterday", "next year", "2 days ago", "banana", "2023-13-45", "December 2023", "x" * 500],
)
def test_an_unreadable_date_codes_the_document_undated_with_one_warning(write, written):
    [article] = read_jsonl(write("d.jsonl", lines({"id": "a", "text": "x", "date": written})))
    assert isinstance(article, Article) and article.date is None
    [warning] = article.warnings
    assert warning.startswith('field "date": ') and warning.endswith("coded undated")
