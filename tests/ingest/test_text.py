import os
from datetime import date

import pytest

from eventscribe.ingest.text import parse_dateline, read_text_file
from eventscribe.records import Article, InputProblem


def only(items):
    items = list(items)
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Date 2022-11-23 (Belgrade)\nSerbia said.", date(2022, 11, 23)),
        ("date 2022-11-23\nSerbia said.", date(2022, 11, 23)),
        ("   DATE: 2022-11-23 (wire copy, updated)  \nx", date(2022, 11, 23)),
        ("\n\n  \ndate 2021-02-03\nx", date(2021, 2, 3)),
        ("2023-01-05 - Pristina: Kosovo said", date(2023, 1, 5)),
        ("2023-01-05T08:30 Kosovo said", date(2023, 1, 5)),
        ("Serbia said on 2022-11-23 that", None),
        ("Kosovo said.\ndate 2022-11-23", None),
        ("date 2022-13-40 (typo)\nx", None),
        ("2022-11-230 is not a date", None),
        ("date 2022-11-23 Belgrade\nx", date(2022, 11, 23)),
        ("Dated material 2022-11-23\nx", None),
        ("", None),
    ],
)
def test_parse_dateline(text, expected):
    assert parse_dateline(text) == expected


def test_text_is_kept_exactly_as_in_the_file(write):
    raw = "  date 2022-11-23 (Belgrade)\r\n\r\n  Serbia protested.  \n\n"
    article = only(read_text_file(write("plates.txt", raw)))
    assert isinstance(article, Article)
    assert article.text == raw
    assert article.date == date(2022, 11, 23)
    assert article.doc_id == "plates"
    assert article.origin.endswith("plates.txt")


def test_doc_id_can_be_given(write):
    article = only(read_text_file(write("a.txt", "Kosovo said."), doc_id="2022/a"))
    assert article.doc_id == "2022/a" and article.date is None


def test_bom_is_stripped_so_offsets_start_at_the_text(write):
    article = only(read_text_file(write("bom.txt", "\ufeffdate 2022-11-23\nSerbia.".encode())))
    assert article.text == "date 2022-11-23\nSerbia."
    assert article.date == date(2022, 11, 23)


def test_latin1_and_cp1252_text_is_read_with_a_warning(write):
    path = write("latin.txt", "Café Pristina – “quoted”".encode("cp1252"))
    article = only(read_text_file(path))
    assert article.text == "Café Pristina – “quoted”"
    assert article.warnings == ("not UTF-8: read as cp1252 (pass --encoding to choose)",)


def test_cyrillic_code_page_is_detected(write):
    text = "Москва заявила, что переговоры с Приштиной продолжатся в четверг в Брюсселе."
    article = only(read_text_file(write("ru.txt", text.encode("cp1251"))))
    assert article.text == text and "cp1251" in article.warnings[0]


def test_a_given_encoding_is_used_without_a_warning(write):
    article = only(
        read_text_file(write("l.txt", "Café Pristina".encode("latin-1")), encoding="latin-1")
    )
    assert article.text == "Café Pristina" and article.warnings == ()


def test_bytes_no_encoding_reads_name_the_file(write):
    problem = only(
        read_text_file(
            write("bin.txt", b"\xff\xfe\x00\x00" + bytes(range(256)) * 4), encoding="ascii"
        )
    )
    assert isinstance(problem, InputProblem) and "not readable as ascii" in problem.reason


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_document(write, content):
    problem = only(read_text_file(write("empty.txt", content)))
    assert problem.reason == "empty document"


def test_date_line_alone_is_an_empty_document(write):
    problem = only(read_text_file(write("d.txt", "date 2022-11-23 (Belgrade)\n\n")))
    assert problem.reason.startswith("empty document")


def test_oversize_document_reports_real_length(write):
    problem = only(read_text_file(write("big.txt", "ab" * 30), max_chars=50))
    assert problem.reason == (
        "document has 60 characters, over the limit of 50 (raise --max-chars or split it)"
    )


def test_exactly_at_the_limit_is_read(write):
    assert isinstance(only(read_text_file(write("ok.txt", "x" * 50), max_chars=50)), Article)


def test_directory_where_file_expected_gives_os_reason(tmp_path):
    problem = only(read_text_file(tmp_path))
    assert isinstance(problem, InputProblem)
    assert problem.reason.startswith("cannot read file (")
    assert "directory" in problem.reason.lower()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_gives_os_reason(write):
    path = write("secret.txt", "text")
    path.chmod(0)
    try:
        problem = only(read_text_file(path))
    finally:
        path.chmod(0o644)
    assert problem.reason == "cannot read file (Permission denied)"
