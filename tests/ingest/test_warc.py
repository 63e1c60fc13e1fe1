"""WARC files of news crawls: HTML responses become articles, everything else is passed over."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventscribe.ingest import read_inputs, read_warc
from eventscribe.records import Article, InputProblem

PAGE = """<html><head><title>Harbour talks resume</title>
<meta property="article:published_time" content="2024-05-14"></head>
<body><article><h1>Harbour talks resume</h1>
<p>Negotiators from Chile and Peru met in Lima on Monday to discuss the shared fishing grounds.</p>
<p>The Peruvian foreign minister said both delegations would return next month with new maps.</p>
</article></body></html>"""

UNDATED = """<html><head><title>Grain corridor</title></head><body><article>
<p>Turkey offered to host a second round of grain corridor talks between the two ports.</p>
<p>Officials in Ankara said the ships would be inspected at the Bosphorus as before.</p>
</article></body></html>"""


def _response(
    writer: WARCWriter,
    url: str,
    body: str,
    *,
    status: str = "200 OK",
    ctype: str = "text/html; charset=utf-8",
    date: str = "2024-05-15T08:00:00Z",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body.encode("utf-8")),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def make_warc(path: Path, *, gzip: bool = True) -> Path:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://news.example/harbour", PAGE)
        _response(writer, "https://news.example/logo.png", "PNGDATA", ctype="image/png")
        _response(writer, "https://news.example/old", "<html>moved</html>", status="301 Moved")
        _response(writer, "https://news.example/grain", UNDATED, date="2024-06-02T23:10:00Z")
    return path


def test_html_responses_become_articles_with_url_and_date(tmp_path: Path) -> None:
    items = list(read_warc(make_warc(tmp_path / "crawl.warc.gz")))
    assert all(isinstance(i, Article) for i in items), items
    first, second = items
    assert "Chile and Peru met in Lima" in first.text
    assert first.url == "https://news.example/harbour"
    assert first.date.isoformat() == "2024-05-14"  # from the page metadata
    assert first.title == "Harbour talks resume"
    assert second.date.isoformat() == "2024-06-02"  # no date on the page: the crawl day
    assert first.doc_id.startswith("crawl/") and first.doc_id != second.doc_id
    assert first.origin.startswith(str(tmp_path / "crawl.warc.gz") + "@")


@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_read_inputs_finds_warc_files_in_folders_with_stable_ids(
    tmp_path: Path, name: str, gzip: bool
) -> None:
    (tmp_path / "in").mkdir()
    make_warc(tmp_path / "in" / name, gzip=gzip)
    first = [i.doc_id for i in read_inputs([tmp_path / "in"])]
    again = [i.doc_id for i in read_inputs([tmp_path / "in"])]
    assert len(first) == 2 and first == again
    assert all(doc_id.startswith("crawl/") for doc_id in first)


def test_a_corrupt_record_ends_the_file_with_one_problem_keeping_what_came_before(
    tmp_path: Path,
) -> None:
    damaged = tmp_path / "damaged.warc.gz"
    with damaged.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _response(writer, "https://news.example/harbour", PAGE)
        handle.write(b"this is not a WARC record\r\n" * 20)
        _response(writer, "https://news.example/grain", UNDATED)
    items = list(read_inputs([damaged]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [a.url for a in articles] == ["https://news.example/harbour"]
    assert len(problems) == 1
    assert problems[0].origin == str(damaged)
    assert re.search(r"corrupt WARC at byte [1-9]\d* after 1 records", problems[0].reason)
    assert problems[0].reason.isprintable()


def _six_pages(path: Path, *, gzip: bool) -> bytes:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for i in range(6):
            _response(writer, f"https://news.example/{i}", PAGE.replace("Lima", f"Lima {i}"))
    return path.read_bytes()


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_warc_reports_file_offset_and_records_read(tmp_path: Path, gzip: bool) -> None:
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    data = _six_pages(whole, gzip=gzip)
    assert [type(i) for i in read_warc(whole)] == [Article] * 6
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: len(data) * 3 // 5])  # inside the fourth record
    items = list(read_warc(cut))
    articles = [i for i in items if isinstance(i, Article)]
    [problem] = [i for i in items if isinstance(i, InputProblem)]
    assert len(articles) == 3
    assert problem.origin.startswith(str(cut)) and "truncated WARC" in problem.reason
    assert "@" in problem.origin and int(problem.origin.rsplit("@", 1)[1]) > 0  # the byte offset


def test_a_gzip_warc_missing_only_its_last_bytes_is_reported(tmp_path: Path) -> None:
    data = _six_pages(tmp_path / "whole.warc.gz", gzip=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:-6])  # the last member's checksum and length are gone
    items = list(read_warc(cut))
    [problem] = [i for i in items if isinstance(i, InputProblem)]
    assert problem.origin == str(cut)
    assert "ends unfinished at byte" in problem.reason and "after 6 records" in problem.reason
