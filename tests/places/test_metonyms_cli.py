"""A place name used for its government ("Moscow denies", "Washington is not alone") is
a toponym all the same (as geoparsing gold counts it): coded through the CLI, it is in
the document's places, while the event still has it as its actor and no location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow


def _coded(tmp_path: Path, text: str) -> dict:  # type: ignore[type-arg]
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "m", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["code", str(docs), "--format", "jsonl", "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    coded: dict = json.loads(out.read_text(encoding="utf-8").splitlines()[0])  # type: ignore[type-arg]
    return coded


def test_a_capital_acting_as_its_government_is_still_a_place(tmp_path: Path) -> None:
    coded = _coded(tmp_path, "Moscow rejected the proposal from Berlin on Tuesday.")
    places = {p["text"]: p for p in coded["places"]}
    assert places["Moscow"]["country"] == "RUS" and "Berlin" in places
    (event,) = coded["events"]
    assert event["source"]["country"] == "RUS"
    assert event["location"] is None  # the actor is not where it happened


def test_a_capital_as_a_subject_of_being_is_a_place(tmp_path: Path) -> None:
    coded = _coded(tmp_path, "Washington is not alone: no other city has a lead this large.")
    assert "Washington" in {p["text"] for p in coded["places"]}
