"""HTML pages: the main article text, title and date, extracted with trafilatura.

Only the HTML string is passed to trafilatura, so nothing is fetched from the network.
The extracted text (not the markup) becomes ``Article.text``, so offsets point into it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from eventscribe.ingest.fields import parse_date, text_problem
from eventscribe.ingest.text import read_text
from eventscribe.records import Article, InputProblem


def read_html(
    path: str | Path, *, doc_id: str | None = None, max_chars: int = 200_000
) -> Iterator[Article | InputProblem]:
    """Yield one Article for the HTML file at ``path`` (or one InputProblem).

    ``doc_id`` defaults to the file stem; ``max_chars`` applies to the extracted text.
    """
    path = Path(path)
    markup = read_text(path)
    if isinstance(markup, InputProblem):
        yield markup
        return
    if not markup.strip():
        yield InputProblem(str(path), "empty document")
        return
    yield article_from_html(
        markup, doc_id=doc_id or path.stem, origin=str(path), max_chars=max_chars
    )


def article_from_html(
    markup: str, *, doc_id: str, origin: str, max_chars: int = 200_000
) -> Article | InputProblem:
    """The Article in an HTML string, or an InputProblem if no article text is found."""
    extracted = _extract(markup) or {}
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
    """trafilatura gives ``YYYY-MM-DD`` strings; anything unparseable counts as no date."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None
