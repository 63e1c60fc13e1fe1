"""Share the hand-built documents of tests/store/factories.py with the analysis tests.

The module is loaded by file path so it works whether or not ``tests`` is a package.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from eventscribe.store import EventStore


def _load_factories() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "store" / "factories.py"
    spec = importlib.util.spec_from_file_location("eventscribe_test_factories", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def factories() -> ModuleType:
    return _load_factories()


@pytest.fixture
def store(tmp_path: Path, factories: ModuleType) -> Iterator[EventStore]:
    with EventStore(tmp_path / "events.duckdb") as opened:
        opened.write(
            [factories.accusation_doc(), factories.aid_doc(),
             factories.accusation_doc("doc-c", published=None)],
            run=factories.RUN,
        )  # fmt: skip
        yield opened
