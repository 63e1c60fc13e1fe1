"""Every command documents itself with at least one runnable example."""

from __future__ import annotations

import pytest

from eventscribe.cli import main

SUBCOMMANDS = sorted(main.commands)


def test_subcommands_are_the_documented_ones() -> None:
    assert set(SUBCOMMANDS) >= {"code", "export", "summary", "eval", "explain", "check-lexicon"}


def test_top_level_help_lists_commands_and_an_example(cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    for name in SUBCOMMANDS:
        assert name in result.stdout


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_subcommand_help_shows_an_example(cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout
    assert f"eventscribe {command}" in result.stdout


def test_short_help_flag_works(cli) -> None:
    result = cli("code", "-h")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
