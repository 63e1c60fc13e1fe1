"""A store filled with the hand-built documents of tests/store/factories.py (the
``factories`` fixture comes from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from eventscribe.store import EventStore


@pytest.fixture
def store(tmp_path: Path, factories: ModuleType) -> Iterator[EventStore]:
    with EventStore(tmp_path / "events.duckdb") as opened:
        opened.write(
            [factories.accusation_doc(), factories.aid_doc(),
             factories.accusation_doc("doc-c", published=None)],
            run=factories.RUN,
        )  # fmt: skip
        yield opened
