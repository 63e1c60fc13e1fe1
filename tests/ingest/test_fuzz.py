"""Property-based tests: no input makes a reader raise; every item is an Article or a
problem naming its file (few examples each, so the suite stays fast)."""

from __future__ import annotations

import gzip
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscribe.ingest import read_csv, read_html, read_jsonl, read_text_file, read_warc
from eventscribe.ingest.dates import read_date
from eventscribe.records import Article, InputProblem

FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# JSON-ish and CSV-ish fragments make the generated inputs reach past the first check
JSONISH = st.lists(st.sampled_from(['{"id": ', '"text": ', '"date": ', '"\\ud800"', "9" * 5000, "[", "]", "{", "}",
                                    ",", '"', "\\", "\n", "\r", "null", "1e999", '"Serbia accused Kosovo."',
                                    '"2023-13-45"', '"next year"']), max_size=40).map("".join)  # fmt: skip
CSVISH = st.lists(st.sampled_from(["id", "text", "date", ",", '"', "\n", "\r\n", "\r", "Serbia met Kosovo.", "x",
                                   "2023-01-05", "caf\u00e9", " "]), max_size=40).map("".join)  # fmt: skip


def _read(reader: Callable[[Path], Iterable[object]], name: str, content: bytes) -> list[object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        items = list(reader(path))
        for item in items:
            assert isinstance(item, Article | InputProblem), item
            assert str(path) in (item.origin if isinstance(item, Article) else str(item))
            if isinstance(item, Article):
                assert item.text.strip() and item.text.encode("utf-8")
        return items


@FEW
@given(st.one_of(JSONISH, st.text()), st.binary(max_size=64))
def test_jsonl_reader_never_raises(text: str, noise: bytes) -> None:
    _read(read_jsonl, "docs.jsonl", text.encode("utf-8", "surrogatepass") + noise)


@FEW
@given(st.one_of(CSVISH, st.text()), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_csv_reader_never_raises(text: str, encoding: str) -> None:
    _read(read_csv, "docs.csv", text.encode(encoding, "replace"))


@FEW
@given(st.binary(max_size=300))
def test_text_reader_never_raises(data: bytes) -> None:
    _read(read_text_file, "doc.txt", data)


@FEW
@given(
    st.text(max_size=300),
    st.sampled_from(["", '<meta charset="klingon">', '<meta charset="cp1251">']),
)
def test_html_reader_never_raises(body: str, head: str) -> None:
    page = f"<html><head>{head}</head><body><article><p>{body}</p></article></body></html>"
    _read(read_html, "page.html", page.encode("utf-8", "surrogatepass"))


@FEW
@given(st.binary(max_size=400), st.booleans())
def test_warc_reader_never_raises(data: bytes, compress: bool) -> None:
    _read(
        read_warc,
        "crawl.warc.gz" if compress else "crawl.warc",
        gzip.compress(data) if compress else data,
    )


@FEW
@given(st.one_of(st.text(max_size=60), st.dates().map(str), st.integers().map(str)))
def test_any_date_text_is_a_date_or_none(value: str) -> None:
    assert read_date(value) is None or isinstance(read_date(value), date)
