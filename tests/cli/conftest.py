"""Fixtures for the end-to-end CLI tests: an in-process runner and the bundled examples.

Every command runs through ``click.testing.CliRunner`` on ``eventscribe.cli.main`` (fast,
in-process, stdout and stderr kept apart). Coding the bundled ``examples/`` folder takes a
few seconds, so it is done once per session into a store that the store and export tests
read (and never write).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from eventscribe.cli import main


@dataclass(frozen=True)
class Cli:
    """Run eventscribe commands in-process; each call returns click's Result."""

    runner: CliRunner

    def __call__(self, *args: str | Path) -> Result:
        return self.runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli(CliRunner())


@pytest.fixture(scope="session")
def examples_dir(repo_root: Path) -> Path:
    """The bundled ``examples/`` folder of short articles."""
    folder = repo_root / "examples"
    if not folder.is_dir():
        pytest.skip(f"bundled examples folder not found at {folder}")
    return folder


@pytest.fixture(scope="session")
def example_texts(examples_dir: Path) -> list[Path]:
    """The article files of ``examples/`` (its README is not an article)."""
    return sorted(examples_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def coded_examples(cli: Cli, examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled examples, coded once per session (read it, never write)."""
    store = tmp_path_factory.mktemp("examples-store") / "events.duckdb"
    result = cli("code", examples_dir, "--store", store, "-q")
    assert result.exit_code == 0, result.stderr
    return store
