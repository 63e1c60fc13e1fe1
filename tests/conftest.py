"""Fixtures shared by every test folder.

Paths live here (the repository root and the example article that ships beside the
project in ``../shared/examples``) and the one spaCy pipeline that the tests of single
stages parse with (CI checks the project out with ``../shared`` next to it).
Tests that need the example article are skipped, with a message saying where it was looked
for, when that folder is not there.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from eventscribe.config import Settings
from eventscribe.nlp import load_pipeline
from eventscribe.store import EventStore

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_EXAMPLES = REPO_ROOT.parent / "shared" / "examples"
EXAMPLE_ARTICLE_STEM = "kosovo-serbia-2023-02-02"


def pytest_configure(config: pytest.Config) -> None:
    """The compiled gazetteer of this test session goes to a folder of its own (built on
    first use, as a new user's is), not to the user's cache."""
    if "EVENTSCRIBE_CACHE_DIR" not in os.environ:
        os.environ["EVENTSCRIBE_CACHE_DIR"] = tempfile.mkdtemp(prefix="eventscribe-test-cache-")
        config.stash[_OWN_CACHE] = os.environ["EVENTSCRIBE_CACHE_DIR"]


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_OWN_CACHE, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


_OWN_CACHE = pytest.StashKey[str]()


@pytest.fixture(scope="session", autouse=True)
def compiled_gazetteer() -> None:
    """Build the session's gazetteer cache before any test runs, so that no test's output
    carries the one-time "building the place gazetteer cache" line."""
    from eventscribe.places.tagger import bundled_gazetteer

    bundled_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline as eventscribe loads it, loaded once per session."""
    return load_pipeline(Settings().model)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The project folder (the one holding pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_examples_dir() -> Path:
    """``../shared/examples`` relative to the repository root; skip when it is missing."""
    if not SHARED_EXAMPLES.is_dir():
        pytest.skip(
            f"shared examples folder not found at {SHARED_EXAMPLES} "
            "(expected ../shared beside the project)"
        )
    return SHARED_EXAMPLES


@pytest.fixture(scope="session")
def example_article(shared_examples_dir: Path) -> Path:
    """The example article text (``kosovo-serbia-2023-02-02.txt``); skip when missing."""
    path = shared_examples_dir / f"{EXAMPLE_ARTICLE_STEM}.txt"
    if not path.is_file():
        pytest.skip(f"example article not found at {path}")
    return path


@pytest.fixture(scope="session")
def example_article_gold(example_article: Path) -> Path:
    """The hand-coded reference for the example article (``.gold.json``); skip when missing."""
    path = example_article.with_name(f"{EXAMPLE_ARTICLE_STEM}.gold.json")
    if not path.is_file():
        pytest.skip(f"example article gold file not found at {path}")
    return path


def load_module(name: str, path: Path) -> ModuleType:
    """A Python file of the repository (not a package module) loaded by its path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def factories() -> ModuleType:
    """tests/store/factories.py (hand-built coded documents), loaded by file path so every
    test folder can use it whether or not ``tests`` is a package."""
    return load_module("eventscribe_test_factories", REPO_ROOT / "tests" / "store" / "factories.py")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(store_path: Path) -> Iterator[EventStore]:
    """An empty store, opened for writing (folders may override it with a filled one)."""
    with EventStore(store_path) as opened:
        yield opened
