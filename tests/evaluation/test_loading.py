"""Loading gold and prediction files: kinds, and errors that name file, line and field."""

from __future__ import annotations

import json
import re

import pytest

from eventscribe.errors import GoldFileError
from eventscribe.evaluation import load_gold, read_predictions


@pytest.mark.parametrize(
    ("extra", "kind"),
    [
        ({"events": [], "no_events": True}, "events"),
        ({"quad": 2}, "quad"),
        ({"source_spans": [[0, 3]], "target_spans": []}, "roles"),
        ({"times": []}, "times"),
        ({"places": []}, "places"),
    ],
)
def test_kind_is_told_by_the_fields(write_jsonl, extra, kind):
    gold = load_gold(
        write_jsonl("g.jsonl", [{"id": "a", "date": "2020-05-01", "text": "abc def", **extra}])
    )
    assert gold.kind == kind
    assert gold.cases[0].id == "a" and str(gold.cases[0].date) == "2020-05-01"
    assert gold.cases[0].text == "abc def"


def test_bad_json_line_names_file_and_line(tmp_path, b):
    path = tmp_path / "gold.jsonl"
    good = json.dumps(b.events_case("c1", []))
    path.write_text(good + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"gold\.jsonl:3: not valid JSON") as info:
        load_gold(path)
    assert info.value.code == "E006"


def test_bad_field_names_the_field(write_jsonl, b):
    bad = b.gold_event("AGREE", ["USA"])
    bad["source"][0]["country"] = 12
    path = write_jsonl("gold.jsonl", [b.events_case("c1", []), b.events_case("c2", [bad])])
    with pytest.raises(
        GoldFileError, match=r"gold\.jsonl:2: field 'events\[0\]\.source\[0\]\.country'"
    ):
        load_gold(path)


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"date": None, "text": "t", "quad": 1}, "id"),
        ({"id": "a", "date": "02/03/2023", "text": "t", "quad": 1}, "date"),
        ({"id": "a", "date": None, "text": "t", "quad": 7}, "quad"),
        ({"id": "a", "date": None, "quad": 1}, "text"),
        (
            {
                "id": "a",
                "date": None,
                "text": "t",
                "times": [{"start": 0, "end": 1, "type": "DATE"}],
            },
            "times[0].value",
        ),
    ],
)
def test_missing_or_invalid_fields(write_jsonl, row, field):
    with pytest.raises(GoldFileError, match=rf"g\.jsonl:1: field '{re.escape(field)}'"):
        load_gold(write_jsonl("g.jsonl", [row]))


def test_event_date_format_is_checked(write_jsonl, b):
    path = write_jsonl(
        "g.jsonl", [b.events_case("c1", [b.gold_event("AGREE", ["USA"], date="23 Nov")])]
    )
    with pytest.raises(GoldFileError, match=r"field 'events\[0\]\.date'"):
        load_gold(path)


def test_no_events_with_events_is_an_error(write_jsonl, b):
    path = write_jsonl(
        "g.jsonl", [b.events_case("c1", [b.gold_event("AGREE", ["USA"])], no_events=True)]
    )
    with pytest.raises(GoldFileError, match="no_events"):
        load_gold(path)


def test_mixed_kinds_are_an_error(write_jsonl):
    rows = [
        {"id": "a", "date": None, "text": "t", "quad": 1},
        {"id": "b", "date": None, "text": "t", "times": []},
    ]
    with pytest.raises(
        GoldFileError, match=r"g\.jsonl:2: a 'times' case in a file of 'quad' cases"
    ):
        load_gold(write_jsonl("g.jsonl", rows))


def test_span_outside_the_text_is_skipped_and_reported(write_jsonl):
    rows = [
        {
            "id": "a",
            "date": None,
            "text": "abc",
            "places": [
                {"start": 0, "end": 3, "text": "abc", "lat": 1.0, "lon": 2.0, "geonameid": 1},
                {"start": -5, "end": -2, "text": "zz", "lat": 1.0, "lon": 2.0, "geonameid": 2},
            ],
        }
    ]
    path = write_jsonl("g.jsonl", rows)
    gold = load_gold(path)
    assert len(gold.cases[0].places) == 1
    assert gold.problems and "g.jsonl:1: field 'places[1]'" in gold.problems[0]
    with pytest.raises(GoldFileError, match=r"places\[1\]"):
        load_gold(path, strict=True)


def test_repeated_id_is_renamed_or_strictly_refused(write_jsonl):
    rows = [
        {"id": "a", "date": None, "text": "t", "quad": 1},
        {"id": "a", "date": None, "text": "u", "quad": 2},
    ]
    path = write_jsonl("g.jsonl", rows)
    assert [c.id for c in load_gold(path).cases] == ["a", "a@2"]
    with pytest.raises(GoldFileError, match=r"g\.jsonl:2: field 'id'"):
        load_gold(path, strict=True)


def test_missing_article_text_is_an_error(tmp_path):
    path = tmp_path / "lost.gold.json"
    path.write_text(
        json.dumps({"id": "lost", "date": None, "events": []}, indent=1), encoding="utf-8"
    )
    with pytest.raises(GoldFileError, match=r"lost\.txt"):
        load_gold(path)


def test_missing_file_is_a_gold_file_error(tmp_path):
    with pytest.raises(GoldFileError, match="no such file"):
        load_gold(tmp_path / "nope.jsonl")


def test_read_predictions_keys_by_id(write_jsonl, b):
    path = write_jsonl("pred.jsonl", [b.doc("a", [b.event("AGREE", "USA")]), b.doc("b")])
    preds = read_predictions(path)
    assert sorted(preds) == ["a", "b"] and preds["a"]["events"][0]["type"] == "AGREE"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"events": []}', r"pred\.jsonl:2: field 'id' is missing"),
        ('{"id": "z", "events": {}}', r"pred\.jsonl:2: field 'events' must be a list"),
        ('{"id": "z", "events": [3]}', r"pred\.jsonl:2: field 'events\[0\]'"),
        ('{"id": "a", "events": []}', r"pred\.jsonl:2: field 'id' repeats"),
        ("[1, 2]", r"pred\.jsonl:2: not a JSON object"),
    ],
)
def test_read_predictions_bad_lines(tmp_path, line, message):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=message):
        read_predictions(path)
