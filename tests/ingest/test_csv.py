from datetime import date

import pytest

from eventscribe.ingest.tabular import read_csv
from eventscribe.records import Article, InputProblem


def test_records_with_quoted_newlines_keep_their_starting_line(write):
    path = write(
        "docs.csv",
        'ID , Text,date,title\na,"Serbia said\n\nmore.",2022-11-23,Plates\n\n,"Kosovo said.",,\n',
    )
    first, second = read_csv(path)
    assert first == Article(
        doc_id="a",
        text="Serbia said\n\nmore.",
        date=date(2022, 11, 23),
        title="Plates",
        origin=f"{path}:2",
    )
    assert second.origin == f"{path}:6" and second.doc_id == "docs-6"
    assert second.date is None and second.title is None


def test_missing_text_column_is_one_problem_for_the_file(write):
    path = write("docs.csv", "id,body\n1,Serbia said.\n2,Kosovo said.\n")
    [problem] = read_csv(path)
    assert str(problem) == f'{path}: no "text" column in the header row (columns: id, body)'


def test_empty_file(write):
    [problem] = read_csv(write("docs.csv", ""))
    assert problem.reason.startswith("empty file")


def test_field_problems_name_the_record_line(write):
    path = write("docs.csv", 'id,text,date\na,,\nb,x,2023-13-01\nc,"ok",2023-01-05T09:00\n')
    items = list(read_csv(path))
    assert str(items[0]) == f"{path}:2: empty document"
    assert items[1].doc_id == "b" and items[1].date is None  # coded undated, with a warning
    assert items[1].warnings == (
        "field \"date\": '2023-13-01' is not a date that can be read; coded undated",
    )
    assert items[2].date == date(2023, 1, 5)


def test_short_row_without_text_value(write):
    path = write("docs.csv", "id,date,text\na,2022-01-01\n")
    [problem] = read_csv(path)
    assert problem.reason.startswith('field "text": missing')


def test_a_cp1252_csv_is_read_with_one_warning(write):
    path = write("docs.csv", "id,text\na,Café Pristina\nb,Zürich\n".encode("cp1252"))
    first, second = read_csv(path)
    assert (first.text, second.text) == ("Café Pristina", "Zürich")
    assert (
        first.warnings == ("not UTF-8: read as cp1252 (pass --encoding to choose)",)
        and second.warnings == ()
    )


def test_bad_utf8_skips_only_that_record(write):
    head = b"id,text\n"
    bad = b'a,"caf\xe9\nlatte"\n'
    path = write("docs.csv", head + bad + b"b,fine\n")
    problem, article = read_csv(path, encoding="utf-8")
    offset = len(head) + bad.index(b"\xe9")
    assert str(problem) == f"{path}:2: not valid UTF-8 at byte {offset} (save the file as UTF-8)"
    assert article.doc_id == "b" and article.origin == f"{path}:4"


def test_bom_in_header_is_accepted(write):
    path = write("docs.csv", b"\xef\xbb\xbfid,text\na,x\n")
    [article] = read_csv(path)
    assert article.doc_id == "a"


def test_long_documents_fit_past_the_csv_module_default_limit(write):
    text = "word " * 40_000  # 200,000 characters, over csv's default 131,072
    path = write("docs.csv", f"id,text\na,{text}\nb,short\n")
    first, second = read_csv(path, max_chars=200_000)
    assert isinstance(first, Article) and len(first.text) == 200_000
    assert second.doc_id == "b"


def test_oversize_field_is_reported_and_reading_goes_on(write):
    path = write("docs.csv", f"id,text\na,{'x' * 300_000}\nb,short\n")
    problem, article = read_csv(path, max_chars=200_000)
    assert isinstance(problem, InputProblem) and "over the limit of 200000" in problem.reason
    assert problem.origin == f"{path}:2"
    assert article.doc_id == "b"


def test_an_unclosed_quote_is_reported_where_it_opened_and_swallows_nothing(write):
    rows = [f'{i},"Serbia met Kosovo on day {i}."\n' for i in range(1, 50)]
    rows[9] = '10,"Serbia met Kosovo on day 10.\n'  # the quote never closes
    path = write("docs.csv", "id,text\n" + "".join(rows))
    items = list(read_csv(path))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [str(p) for p in problems] == [
        (
            f"{path}:11: quote opened on this line is not closed where a field ends "
            "(it would swallow line 12; those are read as records)"
        )
    ]
    coded = [i.doc_id for i in items if isinstance(i, Article)]
    assert coded == [str(i) for i in range(1, 50) if i != 10]  # 48 records, none merged


def test_an_unclosed_quote_at_the_end_gives_back_the_lines_after_it(write):
    path = write("docs.csv", 'id,text\n1,"Serbia said\n2,Kosovo said.\n3,The EU said.\n')
    items = list(read_csv(path))
    assert [i.doc_id for i in items if isinstance(i, Article)] == ["2", "3"]
    [problem] = [i for i in items if isinstance(i, InputProblem)]
    assert problem.origin == f"{path}:2" and "lines 3-4" in problem.reason


def test_a_quoted_field_may_still_span_lines(write):
    path = write("docs.csv", 'id,text\n1,"Serbia said,\nover two lines."\n2,Kosovo said.\n')
    [first, second] = read_csv(path)
    assert first.text == "Serbia said,\nover two lines." and second.doc_id == "2"
    assert second.origin == f"{path}:4"


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_any_line_ending(write, end):
    path = write(
        "docs.csv",
        end.join(["id,text,date", "1,Serbia said.,2023-01-05", '2,"Kosovo\nsaid.",', ""]),
    )
    items = list(read_csv(path))
    assert [(i.doc_id, i.origin) for i in items] == [("1", f"{path}:2"), ("2", f"{path}:3")]
    assert items[0].text == "Serbia said."


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_any_line_ending_in_jsonl(write, end):
    from eventscribe.ingest.jsonl import read_jsonl

    path = write(
        "docs.jsonl", end.join(['{"id": "a", "text": "x"}', '{"id": "b", "text": "y"}', ""])
    )
    assert [(a.doc_id, a.text) for a in read_jsonl(path)] == [("a", "x"), ("b", "y")]
