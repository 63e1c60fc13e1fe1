"""PETRARCH discard lists: a sentence, or a whole story, with a discard phrase codes no
event (a list written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.petrarch.discards import read_discards


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "test.discards.txt"
    path.write_text(
        "# test list\nBASEBALL   # sport\n+World_Golf_Championships\n", encoding="utf-8"
    )
    return path


def test_phrases_match_whole_words_whatever_the_case(tmp_path: Path) -> None:
    discards = read_discards([_list(tmp_path)])
    assert discards.reason("The Baseball league met.", story=False) == (
        "sentence discarded: 'Baseball' (test.discards.txt:2)"
    )
    assert discards.reason("Baseballs flew.", story=False) is None
    assert discards.reason("At the world golf championships ...", story=True).startswith(
        "story discarded"
    )


@pytest.mark.slow
def test_discarded_sentences_and_stories_code_nothing(tmp_path: Path) -> None:
    docs = [
        {"id": "sport", "text": "Cuba accused Venezuela of cheating at the baseball final. "
                                "Russia attacked Ukraine."},
        {"id": "golf", "text": "At the World Golf Championships, Russia attacked Ukraine's players."},
    ]  # fmt: skip
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = [
        "code",
        str(source),
        "--format",
        "jsonl",
        "-o",
        str(out),
        "-q",
        "--petrarch-discards",
        str(_list(tmp_path)),
    ]
    assert CliRunner().invoke(main, args).exit_code == 0
    coded = {
        d["id"]: [e["type"] for e in d["events"]]
        for d in map(json.loads, out.read_text().splitlines())
    }
    assert coded == {"sport": ["ASSAULT"], "golf": []}
