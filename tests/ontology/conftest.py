"""Fixtures for the ontology tests: the bundled ontology and editable copies of its files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from eventscribe.ontology import Ontology, bundled_ontology, default_data_dir


@pytest.fixture()
def onto() -> Ontology:
    return bundled_ontology()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A folder holding copies of the bundled plover.yaml and cameo.csv."""
    for name in ("plover.yaml", "cameo.csv"):
        shutil.copy(default_data_dir() / name, tmp_path / name)
    return tmp_path


def _replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line containing ``old`` (``old`` -> ``new`` within it).

    Returns that line's 1-based number so a test can check the error names it.
    """
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        if old in line:
            lines[number - 1] = line.replace(old, new, 1)
            path.write_text("".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"{old!r} not found in {path}")


@pytest.fixture()
def replace_line() -> Callable[[Path, str, str], int]:
    return _replace_line
