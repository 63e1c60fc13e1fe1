"""The report shows every number of the metrics dict, one fact a line."""

from __future__ import annotations

import pytest

from eventscribe.errors import GoldFileError
from eventscribe.evaluation import format_report, load_gold, score


def test_report_lines(write_jsonl, b):
    gold = load_gold(
        write_jsonl("gold.jsonl", [b.events_case("c1", [b.gold_event("AGREE", ["USA"])])])
    )
    m = score(
        gold, {"c1": b.doc("c1", [b.event("AGREE", "USA"), b.event("ACCUSE", "USA", trigger=4)])}
    )
    text = format_report(m)
    lines = text.splitlines()
    assert lines[0].startswith("events: 1 cases (") and "gold.jsonl" in lines[0]
    assert any(
        line.split()[:7] == ["type", "P", "0.500", "R", "1.000", "F1", "0.667"] for line in lines
    )
    assert "tp 1, fp 1, fn 0" in text
    assert "n/a" in text  # no dated gold: date accuracy cannot be measured


def test_scoring_a_gold_set_as_another_kind_is_refused(write_jsonl):
    gold = load_gold(write_jsonl("q.jsonl", [{"id": "a", "date": None, "text": "t", "quad": 1}]))
    with pytest.raises(GoldFileError, match="cannot be scored as 'times'"):
        score(gold, {}, kind="times")
