"""The README documents every command a user can run."""

from __future__ import annotations

from pathlib import Path

from eventscribe.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_command_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"eventscribe {name}" not in text]
    assert not missing, f"commands not shown in README.md: {missing}"


def test_readme_starts_with_the_two_quick_start_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick_start = text.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make demo" in quick_start and "make test" in quick_start
