"""A real coder (spaCy model, bundled lexicon and actor data), built once per session."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.config import Settings
from eventscribe.pipeline import Analysis, Coder
from eventscribe.records import Article


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.build(Settings())


@pytest.fixture(scope="session")
def code_text(coder: Coder):
    """Code ``text`` published on ``published`` (default 2023-02-02); returns the Analysis."""

    def run(text: str, published: date | None = date(2023, 2, 2)) -> Analysis:
        return coder.analyse_text(text, Article(doc_id="t", text=text, date=published))

    return run
