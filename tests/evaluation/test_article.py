"""Article gold: required events, also_accepted, must_not, and the shared example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscribe.evaluation import format_report, load_gold, score


def _article(tmp_path: Path, b, events, must_not=()) -> Path:
    gold = {
        "id": "story-1",
        "date": "2024-03-05",
        "note": "hand-made",
        "events": events,
        "must_not": list(must_not),
    }
    path = tmp_path / "story-1.gold.json"
    path.write_text(json.dumps(gold, indent=1), encoding="utf-8")
    (tmp_path / "story-1.txt").write_text("An invented story.\n", encoding="utf-8")
    return path


def test_article_text_comes_from_the_sibling_txt(tmp_path, b):
    gold = load_gold(_article(tmp_path, b, [b.gold_event("AGREE", ["USA"])]))
    assert gold.kind == "article"
    case = gold.cases[0]
    assert case.id == "story-1" and case.text == "An invented story.\n"
    assert str(case.date) == "2024-03-05"


def test_required_events_also_accepted_and_one_to_one(tmp_path, b):
    events = [
        b.gold_event("CONCEDE", ["SRB"], date="2024-03", also_accepted=["AGREE"]),
        b.gold_event("AGREE", ["SRB", "XKX"], date="2024-03-04"),
        b.gold_event("SUPPORT", ["EUR"]),
        b.gold_event("CONSULT", ["USA"], optional=True),
    ]
    path = _article(tmp_path, b, events)
    preds = {
        "story-1": b.doc(
            "story-1",
            [
                # one SRB AGREE only: it can stand for the CONCEDE (also accepted) or the AGREE, not both
                b.event("AGREE", "SRB", date="2024-03-04", trigger=1),
                b.event("SUPPORT", "UNO", trigger=2),  # UNO folds to IGO, as EUR does
            ],
        )
    }
    m = score(load_gold(path), preds)
    req = m["required"]
    assert (req["tp"], req["fn"]) == (2, 1)
    assert req["recall"] == pytest.approx(2 / 3)
    assert [row["found"] for row in req["events"]].count(True) == 2
    assert req["events"][2]["found"] is True
    # the same type/dyad scores as "events", the article being one case
    assert m["type"]["tp"] == 2 and m["type"]["fn"] == 1 and m["cases"] == 1


def test_required_event_needs_the_right_date_and_source(tmp_path, b):
    events = [b.gold_event("COERCE", ["XKX"], ["XKX"], date="2024-02-21")]
    path = _article(tmp_path, b, events)
    preds = {
        "story-1": b.doc(
            "story-1",
            [
                b.event("COERCE", "XKX", "XKX", date="2024-02-20"),
                b.event("COERCE", "SRB", "XKX", date="2024-02-21", trigger=3),
            ],
        )
    }
    m = score(load_gold(path), preds)
    assert m["required"]["tp"] == 0 and m["required"]["recall"] == 0.0


def test_must_not_lists_violations_but_not_negated_events(tmp_path, b):
    rule = {"type": "REJECT", "source_country": "SRB", "why": "no rejection"}
    path = _article(tmp_path, b, [b.gold_event("AGREE", ["USA"])], [rule])
    preds = {
        "story-1": b.doc(
            "story-1",
            [
                b.event("REJECT", "SRB", event_id="bad"),
                b.event("REJECT", "SRB", negated=True, event_id="negated"),
                b.event("REJECT", "USA", event_id="other-source"),
            ],
        )
    }
    m = score(load_gold(path), preds)
    assert m["must_not"]["violations"] == 1
    assert m["must_not"]["violated"][0]["events"] == ["bad"]
    assert "REJECT" in format_report(m)


def test_the_only_document_is_scored_when_ids_differ(tmp_path, b):
    path = _article(tmp_path, b, [b.gold_event("AGREE", ["USA"])])
    m = score(load_gold(path), {"from-file": b.doc("from-file", [b.event("AGREE", "USA")])})
    assert m["matched_by"] == "only document" and m["required"]["recall"] == 1.0
    assert m["extra_predictions"] == 0


def test_article_can_be_scored_as_plain_events(tmp_path, b):
    path = _article(tmp_path, b, [b.gold_event("AGREE", ["USA"])])
    m = score(
        load_gold(path), {"story-1": b.doc("story-1", [b.event("AGREE", "USA")])}, kind="events"
    )
    assert m["kind"] == "events" and m["type"]["f1"] == 1.0


def test_shared_example_article_loads_and_scores(example_gold):
    gold = load_gold(example_gold)
    assert gold.kind == "article"
    case = gold.cases[0]
    assert case.id == "kosovo-serbia-2023-02-02" and str(case.date) == "2023-02-02"
    assert case.text  # from the sibling .txt
    required = [e for e in case.events if not e.optional]
    assert len(required) == 8 and len(case.must_not) == 1
    assert any(e.also_accepted for e in required)
    m = score(gold, {})
    assert m["required"]["tp"] == 0 and m["required"]["fn"] == 8
    assert "[ ] SUPPORT" in format_report(m)
