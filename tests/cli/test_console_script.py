"""The installed console script, run as a real process: output streams and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import SHORT_EVENT_TEXT

pytestmark = pytest.mark.slow


def _command(repo_root: Path) -> tuple[list[str], dict[str, str]]:
    """The venv's ``eventscribe`` script, else ``python -m eventscribe.cli`` with src."""
    env = dict(os.environ)
    script = Path(sys.executable).parent / "eventscribe"
    if script.is_file():
        return [str(script)], env
    paths = [str(repo_root / "src"), env.get("PYTHONPATH")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    return [sys.executable, "-m", "eventscribe.cli"], env


def test_console_script_codes_reports_skips_and_exits_with_documented_codes(
    repo_root, tmp_path
) -> None:
    command, env = _command(repo_root)
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "one", "text": SHORT_EVENT_TEXT}) + "\n" + "{not json}\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [*command, "code", str(docs), "--format", "jsonl", "-q"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr  # one line skipped
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [d["id"] for d in lines] == ["one"]
    assert any(e["type"] == "ACCUSE" for e in lines[0]["events"])
    assert f"{docs}:2:" in run.stderr
    assert "Traceback" not in run.stderr

    usage = subprocess.run(
        [*command, "code"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert usage.returncode == 2
    assert "Usage:" in usage.stderr
