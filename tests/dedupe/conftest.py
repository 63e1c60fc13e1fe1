from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventscribe.store import EventStore


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(store_path: Path) -> Iterator[EventStore]:
    with EventStore(store_path) as opened:
        yield opened
