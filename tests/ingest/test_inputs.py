import os
from datetime import date

import pytest

from eventscribe.errors import ConfigError
from eventscribe.ingest import read_inputs
from eventscribe.records import Article, InputProblem


@pytest.fixture
def corpus(write, tmp_path):
    """A small news folder with nested years, several formats and files to ignore."""
    write("news/b.txt", "date 2022-11-23 (Belgrade)\nSerbia protested.")
    write("news/2022/plates.txt", "Kosovo said.")
    write("news/2022/a.text", "2022-12-01 Pristina: talks.")
    write("news/a.txt", "Serbia said.")
    write("news/feed.jsonl", '{"id": "f1", "text": "EU said."}\n{"text": "no id"}\n')
    write("news/table.CSV", "id,text\nc1,NATO said.\n")
    body = "Police said the protest was calm. " * 3
    write("news/page.html", f"<html><body><p>{body}</p></body></html>")
    write("news/notes.md", "not news")
    write("news/.hidden/x.txt", "hidden")
    write("news/.draft.txt", "hidden")
    return tmp_path / "news"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ids(items):
    return [i.doc_id if isinstance(i, Article) else str(i) for i in items]


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids(corpus):
    items = list(read_inputs([corpus]))
    assert ids(items) == ["2022/a", "2022/plates", "a", "b", "f1", "feed-2", "page", "c1"]
    by_id = {a.doc_id: a for a in items}
    assert by_id["b"].date == date(2022, 11, 23)
    assert by_id["2022/a"].date == date(2022, 12, 1)
    assert by_id["2022/plates"].origin == str(corpus / "2022" / "plates.txt")


def test_same_name_in_subfolders_gets_distinct_ids(write, tmp_path):
    write("in/2022/report.txt", "one")
    write("in/2023/report.txt", "two")
    assert ids(read_inputs([tmp_path / "in"])) == ["2022/report", "2023/report"]


def test_arguments_are_read_in_the_order_given(corpus):
    items = read_inputs([corpus / "b.txt", corpus / "a.txt"])
    assert ids(items) == ["b", "a"]


def test_a_file_named_directly_is_read_as_text_whatever_its_extension(corpus):
    [article] = read_inputs([str(corpus / "notes.md")])
    assert article.doc_id == "notes" and article.text == "not news"


def test_glob_matches_are_sorted_and_ids_relative_to_the_pattern_folder(corpus, in_tmp):
    assert ids(read_inputs(["news/*.txt"])) == ["a", "b"]
    assert ids(read_inputs(["news/**/*.txt"])) == ["2022/plates", "a", "b"]


def test_glob_matching_folders_reads_their_known_files(corpus, in_tmp):
    assert ids(read_inputs(["new?"])) == [
        "news/2022/a",
        "news/2022/plates",
        "news/a",
        "news/b",
        "f1",
        "news/feed-2",
        "news/page",
        "c1",
    ]


def test_path_matching_nothing(in_tmp):
    assert [str(p) for p in read_inputs(["missing.txt", "none/*.jsonl"])] == [
        "missing.txt: no such file or folder",
        "none/*.jsonl: no such file or folder (the pattern matches nothing)",
    ]


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    [problem] = read_inputs([tmp_path / "empty"])
    assert problem.reason.startswith("folder has no files to read")


def test_duplicate_ids_are_skipped_with_where_first_seen(write, tmp_path):
    first = write("one.jsonl", '{"id": "x", "text": "a"}\n')
    second = write("two.jsonl", '{"id": "y", "text": "b"}\n{"id": "x", "text": "c"}\n')
    items = list(read_inputs([first, second]))
    assert ids(items[:2]) == ["x", "y"]
    assert str(items[2]) == f"{second}:2: duplicate id 'x', first seen at {first}:1"


def test_text_file_id_clashing_with_jsonl_id_is_a_duplicate(write, tmp_path):
    write("in/plates.txt", "Kosovo said.")
    write("in/z.jsonl", '{"id": "plates", "text": "Serbia said."}\n')
    items = list(read_inputs([tmp_path / "in"]))
    assert isinstance(items[0], Article) and isinstance(items[1], InputProblem)
    assert "duplicate id 'plates'" in items[1].reason


def test_same_file_named_twice_is_read_once(corpus):
    items = list(read_inputs([corpus / "a.txt", corpus / "a.txt"]))
    assert isinstance(items[0], Article)
    assert items[1].reason == "already read (the same file is named more than once)"


def test_problems_do_not_stop_the_run(write, tmp_path):
    write("in/a.txt", "Serbia said.")
    write("in/b.txt", b"\xff\xfe")
    write("in/c.txt", "")
    write("in/d.txt", "x" * 100)
    write("in/e.txt", "Kosovo said.")
    items = list(read_inputs([tmp_path / "in"], max_chars=50))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "InputProblem",
        "InputProblem",
        "InputProblem",
        "Article",
    ]


def test_a_bare_string_path_is_one_path(corpus):
    assert ids(read_inputs(str(corpus / "a.txt"))) == ["a"]


def test_max_chars_must_be_positive():
    with pytest.raises(ConfigError):
        list(read_inputs([], max_chars=0))


def test_nothing_is_read_before_it_is_asked_for(write, tmp_path):
    write("in/a.txt", "one")
    stream = read_inputs([tmp_path / "in"])
    os.remove(tmp_path / "in" / "a.txt")  # generator has not started yet
    [problem] = stream
    assert problem.reason == (
        "folder has no files to read "
        "(looked for .csv .htm .html .jsonl .ndjson .text .txt .warc .warc.gz)"
    )


def test_unreadable_files_and_folders_give_the_os_reason(write, tmp_path, monkeypatch):
    """Simulated, because tests may run as root, who can read anything."""
    write("in/a.jsonl", '{"text": "x"}\n')
    write("in/b.csv", "text\nx\n")
    write("locked/c.txt", "x")
    real_open = type(tmp_path).open
    real_scandir = os.scandir

    def deny_open(self, *args, **kwargs):
        if self.suffix in {".jsonl", ".csv"}:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def deny_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(type(tmp_path), "open", deny_open)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    shown = [str(p) for p in read_inputs([tmp_path / "in", tmp_path / "locked"])]
    assert shown == [
        f"{tmp_path / 'in' / 'a.jsonl'}: cannot read file (Permission denied)",
        f"{tmp_path / 'in' / 'b.csv'}: cannot read file (Permission denied)",
        f"{tmp_path / 'locked'}: cannot read folder (Permission denied)",
    ]
