"""What a YAML file's parse gave, kept in the cache folder (yamlio.parsed_once)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventscribe import yamlio
from eventscribe.coding.lexicon import bundled_lexicon_path, read_lexicon_file
from eventscribe.ontology import bundled_ontology


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTSCRIBE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "parsed"


def _counting(calls: list[str]) -> Any:
    def parse(text: str) -> Any:
        calls.append(text)
        return yamlio.safe_load(text)

    return parse


def test_a_parse_is_kept_and_read_back_while_the_text_is_the_same(cache: Path) -> None:
    calls: list[str] = []
    text = "entries:\n- verb: meet\n  type: CONSULT\n- noun: talks\n"
    first = yamlio.parsed_once(text, _counting(calls), "a.yaml")
    second = yamlio.parsed_once(text, _counting(calls), "a.yaml")
    assert first == second == yamlio.safe_load(text)
    assert len(calls) == 1
    assert len(list(cache.glob("*.json"))) == 1


def test_a_changed_text_is_parsed_again_and_replaces_the_kept_parse(cache: Path) -> None:
    calls: list[str] = []
    yamlio.parsed_once("a: 1\n", _counting(calls), "a.yaml")
    yamlio.parsed_once("b: 2\n", _counting(calls), "other.yaml")
    assert yamlio.parsed_once("a: 3\n", _counting(calls), "a.yaml") == {"a": 3}
    assert len(calls) == 3
    assert len(list(cache.glob("*.json"))) == 2  # a.yaml's latest and other.yaml's


@pytest.mark.parametrize(
    "text", ["when: 2022-11-24\n", "1: one\n", "x: .nan\n"], ids=["date", "int key", "nan"]
)
def test_a_value_json_would_change_is_not_kept(cache: Path, text: str) -> None:
    calls: list[str] = []
    first = yamlio.parsed_once(text, _counting(calls), "a.yaml")
    yamlio.parsed_once(text, _counting(calls), "a.yaml")
    assert len(calls) == 2
    assert not list(cache.glob("*.json"))
    if text.startswith("when"):
        assert first == {"when": date(2022, 11, 24)}


def test_an_unwritable_cache_folder_parses_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTSCRIBE_CACHE_DIR", str(blocker))
    calls: list[str] = []
    assert yamlio.parsed_once("a: 1\n", _counting(calls), "a.yaml") == {"a": 1}
    assert yamlio.parsed_once("a: 1\n", _counting(calls), "a.yaml") == {"a": 1}
    assert len(calls) == 2


def test_the_lexicon_read_from_the_kept_parse_is_the_same(cache: Path) -> None:
    ontology = bundled_ontology()
    path = bundled_lexicon_path()
    parsed = read_lexicon_file(path, ontology)
    assert list(cache.glob("*.json"))
    kept = read_lexicon_file(path, ontology)
    assert kept == parsed
    assert [e.origin for e in kept] == [e.origin for e in parsed]
    root = yamlio.compose(path.read_text(encoding="utf-8"))
    assert root is not None
    entries = next(v for k, v in root.value if k.value == "entries").value
    assert [e.origin for e in kept] == [f"{path}:{n.start_mark.line + 1}" for n in entries]


@pytest.mark.parametrize(
    "damage",
    ["{not json", '{"digest": "0", "value": {"entries": []}}', "[1, 2]"],
    ids=["truncated", "edited", "wrong shape"],
)
def test_a_corrupt_kept_parse_is_parsed_again_with_one_line_on_stderr(
    cache: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []
    text = "entries:\n- verb: meet\n  type: CONSULT\n"
    yamlio.parsed_once(text, _counting(calls), "a.yaml")
    (kept,) = cache.glob("*.json")
    kept.write_text(damage, encoding="utf-8")
    assert yamlio.parsed_once(text, _counting(calls), "a.yaml") == yamlio.safe_load(text)
    assert len(calls) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert yamlio.parsed_once(text, _counting(calls), "a.yaml") == yamlio.safe_load(text)
    assert len(calls) == 2  # written again, read back
