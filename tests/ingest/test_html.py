import socket
from datetime import date

import pytest

from eventscribe.ingest.html import read_html
from eventscribe.records import Article, InputProblem

PAGE = """<!doctype html>
<html><head>
<title>Talks resume | Example News</title>
<meta property="og:title" content="Serbia and Kosovo resume talks">
<meta property="article:published_time" content="2022-11-23T09:00:00+01:00">
<link rel="canonical" href="https://news.example.org/talks">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Serbia and Kosovo resume talks</h1>
<p>The Serbian president met the EU envoy in Brussels on Wednesday to discuss the
licence plate dispute, officials said after the meeting ended.</p>
<p>Another round of talks is planned for next week in the Belgian capital, the envoy's
office said in a statement.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_article_text_title_and_date_are_extracted_offline(write, no_network):
    path = write("talks.html", PAGE)
    [article] = read_html(path)
    assert isinstance(article, Article)
    assert article.doc_id == "talks" and article.origin == str(path)
    assert "licence plate dispute" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title == "Serbia and Kosovo resume talks"
    assert article.date == date(2022, 11, 23)
    assert article.url == "https://news.example.org/talks"


def test_page_without_metadata_has_no_date_or_title(write):
    body = "Protesters marched in the capital on Sunday. " * 3
    page = f"<html><body><p>{body}</p></body></html>"
    [article] = read_html(write("bare.htm", page), doc_id="2022/bare")
    assert article.doc_id == "2022/bare"
    assert article.date is None and article.title is None
    assert article.text.startswith("Protesters marched")


@pytest.mark.parametrize(
    "page", ["<html><head><title>Only a title</title></head><body></body></html>", "<<<>>>"]
)
def test_no_article_text(write, page):
    [problem] = read_html(write("nav.html", page))
    assert problem.reason == "no article text found in HTML"


def test_empty_file(write):
    [problem] = read_html(write("empty.html", "  \n"))
    assert problem.reason == "empty document"


def test_not_utf8_without_a_declared_charset_is_detected(write):
    path = write(
        "old.html", f"<html><body>{BODY}<p>Le café de Pristina.</p></body></html>".encode("cp1252")
    )
    [article] = read_html(path)
    assert isinstance(article, Article) and "Le café de Pristina." in article.text


@pytest.mark.parametrize(
    "declared",
    [
        '<meta charset="windows-1251">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    ],
)
def test_the_declared_charset_is_honoured(write, declared):
    body = BODY.replace("Pristina", "Приштина")
    path = write(
        "ru.html",
        f"<html><head>{declared}<title>T</title></head><body>{body}</body></html>".encode("cp1251"),
    )
    [article] = read_html(path)
    assert isinstance(article, Article) and "Приштина" in article.text


def test_oversize_applies_to_the_extracted_text(write):
    [problem] = read_html(write("talks.html", PAGE), max_chars=50)
    assert problem.reason.startswith("document has ") and "over the limit of 50" in problem.reason


BODY = ("<article><p>Serbia accused Kosovo of provocations on Monday, the ministry said in a "
        "statement.</p><p>Officials in Pristina rejected the claim and called for talks.</p></article>")  # fmt: skip


def test_an_oversize_page_is_refused_by_name_not_coded_from_a_fragment(write) -> None:
    path = write("huge.html", f"<html><body>{BODY}<p>{'word ' * 1_100_000}</p></body></html>")
    [problem] = read_html(path, max_chars=200_000)
    assert isinstance(problem, InputProblem) and problem.origin == str(path)
    assert "over the limit of 5,000,000 before extraction" in problem.reason


def test_a_50000_row_table_is_cut_before_extraction_with_a_warning(write) -> None:
    rows = "".join(f"<tr><td>{i}</td><td>value {i}</td></tr>" for i in range(50_000))
    path = write(
        "table.html",
        f"<html><head><title>T</title></head><body>{BODY}<table>{rows}</table></body></html>",
    )
    [article] = read_html(path)
    assert isinstance(article, Article) and article.text.startswith("Serbia accused Kosovo")
    assert article.warnings == (
        "50,000 table rows cut before extraction (over the limit of 5,000)",
    )


def test_table_rows_that_never_close_are_refused(write) -> None:
    path = write(
        "open.html", f"<html><body>{BODY}<table>" + "<tr><td>x</td>" * 6_000 + "</body></html>"
    )
    [problem] = read_html(path)
    assert isinstance(problem, InputProblem) and "table rows" in problem.reason
