"""HTML pages: the main article text, title and date, extracted with trafilatura.

Only the HTML string is passed to trafilatura, so nothing is fetched from the network.
The extracted text (not the markup) becomes ``Article.text``, so offsets point into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from eventscribe.ingest.dates import read_date
from eventscribe.ingest.decode import UnknownEncoding, decode_other
from eventscribe.ingest.fields import text_problem
from eventscribe.records import Article, InputProblem

# A page may hold this many characters of markup per character of --max-chars.
HTML_PER_TEXT_CHAR = 25
MAX_TABLE_ROWS = 5_000
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_ROW = re.compile(r"<tr\b", re.IGNORECASE)
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def read_html(
    path: str | Path,
    *,
    doc_id: str | None = None,
    max_chars: int = 200_000,
    encoding: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Yield one Article for the HTML file at ``path`` (or one InputProblem).

    ``doc_id`` defaults to the file stem; ``max_chars`` applies to the extracted text.
    """
    path = Path(path)
    markup = read_markup(path, encoding)
    if isinstance(markup, InputProblem):
        yield markup
        return
    if not markup.strip():
        yield InputProblem(str(path), "empty document")
        return
    yield article_from_html(
        markup, doc_id=doc_id or path.stem, origin=str(path), max_chars=max_chars
    )


def read_markup(path: Path, encoding: str | None = None) -> str | InputProblem:
    """The page's markup, decoded as ``encoding``, else as the charset the page declares
    (``<meta charset>`` or ``http-equiv``), else UTF-8, else the detected encoding."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputProblem(str(path), f"cannot read file ({exc.strerror or exc})")
    declared = encoding or declared_charset(data[:4096])
    for name in (declared, "utf-8"):
        if name:
            try:
                return data.decode(name).removeprefix("\ufeff")
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        return decode_other(data)[0]
    except UnknownEncoding as exc:
        return InputProblem(str(path), str(exc))


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes, if Python knows it."""
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def article_from_html(
    markup: str, *, doc_id: str, origin: str, max_chars: int = 200_000
) -> Article | InputProblem:
    """The Article in an HTML string, or an InputProblem if no article text is found.

    Bounded before extraction: a page over ``HTML_PER_TEXT_CHAR * max_chars``
    characters is refused (extraction from it would take minutes, and trafilatura
    gives up on huge pages, leaving a fragment); tables of more than MAX_TABLE_ROWS
    rows are cut first (their text is not extracted anyway), with a warning."""
    limit = HTML_PER_TEXT_CHAR * max_chars
    if len(markup) > limit:
        return InputProblem(origin, f"HTML page has {len(markup):,} characters, over the limit of {limit:,} "
                                    "before extraction (raise --max-chars or extract the text yourself)")  # fmt: skip
    kept, warnings = _without_huge_tables(markup)
    if kept is None:
        return InputProblem(
            origin,
            f"HTML page has more than {MAX_TABLE_ROWS:,} table rows outside any closed table",
        )
    extracted = _extract(kept) or {}
    text = extracted.get("text") or ""
    if not text.strip():
        return InputProblem(origin, "no article text found in HTML")
    reason = text_problem(text, max_chars)
    if reason:
        return InputProblem(origin, reason)
    return Article(
        doc_id=doc_id,
        text=text,
        date=_date(extracted.get("date")),
        title=extracted.get("title") or None,
        url=extracted.get("url") or None,
        source=extracted.get("sitename") or None,
        origin=origin,
        warnings=warnings,
    )


def _without_huge_tables(markup: str) -> tuple[str | None, tuple[str, ...]]:
    """``markup`` itself, or without its tables when they hold over MAX_TABLE_ROWS rows
    (None if the rows are still there: tables that never close)."""
    rows = len(_ROW.findall(markup))
    if rows <= MAX_TABLE_ROWS:
        return markup, ()
    cut = _TABLE.sub(" ", markup)
    if len(_ROW.findall(cut)) > MAX_TABLE_ROWS:
        return None, ()
    return cut, (
        f"{rows:,} table rows cut before extraction (over the limit of {MAX_TABLE_ROWS:,})",
    )


def _extract(markup: str) -> dict[str, Any] | None:
    """trafilatura's text and metadata as a dict (None when the page has no body)."""
    # Imported here: trafilatura takes a while to import and most runs read no HTML.
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        result = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            # the publication date from the page's metadata (meta tags, JSON-LD, URL),
            # not guessed from whatever date appears in the body text
            date_extraction_params=set_date_params(extensive=False),
        )
    except ValueError:  # markup lxml cannot parse at all
        return None
    if result is None:
        return None
    return result if isinstance(result, dict) else result.as_dict()


def _date(value: Any) -> date | None:
    """trafilatura (htmldate) gives ``YYYY-MM-DD`` strings; anything else is read as a
    written date, or counts as no date."""
    return read_date(value) if isinstance(value, str) else None
