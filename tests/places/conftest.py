"""Fixtures of the places tests."""

from __future__ import annotations

import pytest

from eventscribe.places import PlaceTagger


@pytest.fixture(scope="session")
def tagger() -> PlaceTagger:
    """The tagger over the bundled gazetteer (loaded once, when first used)."""
    return PlaceTagger.build()
