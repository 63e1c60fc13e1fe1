"""Events scoring: type and dyad F1, optional events, '-' targets, IGO folding, dates."""

from __future__ import annotations

import json

import pytest

from eventscribe.evaluation import load_gold, score


def _score(write_jsonl, cases, predictions):
    gold = load_gold(write_jsonl("gold.jsonl", cases))
    metrics = score(gold, {p["id"]: p for p in predictions})
    json.dumps(metrics)  # every metrics dict must be JSON-serialisable
    return metrics


def test_perfect_prediction_scores_one(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("AGREE", ["USA"], ["SRB"])])]
    preds = [b.doc("c1", [b.event("AGREE", "USA", "SRB")])]
    m = _score(write_jsonl, cases, preds)
    assert m["kind"] == "events" and m["cases"] == 1
    assert m["type"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert m["dyad"]["f1"] == 1.0


def test_optional_event_is_neither_rewarded_nor_punished(write_jsonl, b):
    # gold: AGREE required, CONSULT optional, SUPPORT optional
    cases = [
        b.events_case(
            "c1",
            [
                b.gold_event("AGREE", ["USA"]),
                b.gold_event("CONSULT", ["USA"], optional=True),
                b.gold_event("SUPPORT", ["USA"], optional=True),
            ],
        )
    ]
    # predicted: AGREE (tp), CONSULT (cancels the optional), ACCUSE (fp);
    # the optional SUPPORT is not found and costs nothing
    preds = [
        b.doc("c1", [b.event("AGREE", "USA"), b.event("CONSULT", "USA"), b.event("ACCUSE", "USA")])
    ]
    m = _score(write_jsonl, cases, preds)
    assert (m["type"]["tp"], m["type"]["fp"], m["type"]["fn"]) == (1, 1, 0)
    assert m["type"]["precision"] == pytest.approx(0.5)
    assert m["type"]["recall"] == 1.0
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (1, 1, 0)


def test_optional_event_cancels_only_one_prediction(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("CONSULT", ["USA"], optional=True)])]
    preds = [b.doc("c1", [b.event("CONSULT", "USA"), b.event("CONSULT", "USA", trigger=5)])]
    m = _score(write_jsonl, cases, preds)
    assert (m["type"]["tp"], m["type"]["fp"], m["type"]["fn"]) == (0, 1, 0)


def test_optional_event_does_not_take_the_prediction_a_required_one_needs(write_jsonl, b):
    cases = [
        b.events_case(
            "c1",
            [
                b.gold_event("AGREE", ["USA"], optional=True),
                b.gold_event("AGREE", ["SRB"]),
            ],
        )
    ]
    preds = [b.doc("c1", [b.event("AGREE", "SRB")])]
    m = _score(write_jsonl, cases, preds)
    assert (m["type"]["tp"], m["type"]["fp"], m["type"]["fn"]) == (1, 0, 0)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (1, 0, 0)


def test_gold_without_target_is_matched_by_any_target(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("SUPPORT", ["FRA"])])]
    preds = [b.doc("c1", [b.event("SUPPORT", "FRA", "DEU")])]
    m = _score(write_jsonl, cases, preds)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (1, 0, 0)


def test_gold_target_is_not_matched_by_a_prediction_without_target(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("SUPPORT", ["FRA"], ["DEU"])])]
    preds = [b.doc("c1", [b.event("SUPPORT", "FRA")])]
    m = _score(write_jsonl, cases, preds)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (0, 1, 1)
    assert m["type"]["tp"] == 1  # the type alone is right


def test_each_gold_triple_is_matched_once_and_compounds_expand(write_jsonl, b):
    # compound source: two gold triples (SRB,-,AGREE) and (XKX,-,AGREE)
    cases = [b.events_case("c1", [b.gold_event("AGREE", ["SRB", "XKX"])])]
    preds = [b.doc("c1", [b.event("AGREE", "SRB"), b.event("AGREE", "SRB", "XKX", trigger=3)])]
    m = _score(write_jsonl, cases, preds)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (1, 1, 1)


def test_uno_and_eur_count_as_igo_and_kos_as_xkx(write_jsonl, b):
    cases = [
        b.events_case(
            "c1",
            [
                b.gold_event("REQUEST", ["IGO"], ["XKX"]),
                b.gold_event("ACCUSE", ["SRB"], ["UNO"]),
            ],
        )
    ]
    preds = [b.doc("c1", [b.event("REQUEST", "EUR", "KOS"), b.event("ACCUSE", "SRB", "IGO")])]
    m = _score(write_jsonl, cases, preds)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (2, 0, 0)


def test_unknown_predicted_country_never_matches(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("PROTEST", [None], ["USA"])])]
    preds = [b.doc("c1", [b.event("PROTEST", None, "USA")])]
    m = _score(write_jsonl, cases, preds)
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (0, 1, 1)


def test_gold_without_source_is_matched_by_a_prediction_without_source(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("ASSAULT", [], ["IRQ"])])]
    no_source = b.event("ASSAULT", None, "IRQ")
    no_source["source"] = None
    preds = [b.doc("c1", [no_source, b.event("ASSAULT", None, "IRQ", trigger=2)])]
    m = _score(write_jsonl, cases, preds)
    # the source-less event matches; the one whose source country is unknown does not
    assert (m["dyad"]["tp"], m["dyad"]["fp"], m["dyad"]["fn"]) == (1, 1, 0)


def test_no_events_case_makes_every_prediction_false(write_jsonl, b):
    cases = [
        b.events_case("quiet", [], no_events=True),
        b.events_case("c2", [b.gold_event("ASSAULT", ["RUS"], ["UKR"])]),
    ]
    preds = [
        b.doc("quiet", [b.event("ACCUSE", "USA"), b.event("THREATEN", "USA", trigger=4)]),
        b.doc("c2", [b.event("ASSAULT", "RUS", "UKR")]),
    ]
    m = _score(write_jsonl, cases, preds)
    assert (m["type"]["tp"], m["type"]["fp"], m["type"]["fn"]) == (1, 2, 0)
    assert m["type"]["precision"] == pytest.approx(1 / 3)
    assert m["no_events"] == {"cases": 1, "fp": 2}
    assert m["predicted_per_case"] == pytest.approx(1.5)


def test_negated_predictions_do_not_count(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("REJECT", ["SRB"])])]
    preds = [b.doc("c1", [b.event("REJECT", "SRB", negated=True)])]
    m = _score(write_jsonl, cases, preds)
    assert (m["type"]["tp"], m["type"]["fp"], m["type"]["fn"]) == (0, 0, 1)
    assert m["negated_events"] == 1 and m["predicted_events"] == 0


def test_missing_prediction_counts_as_nothing_found(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("AID", ["USA"])])]
    m = _score(write_jsonl, cases, [b.doc("other")])
    assert m["type"]["recall"] == 0.0 and m["missing_predictions"] == 1
    assert m["extra_predictions"] == 1


def test_month_precision_gold_date_matches_any_day_of_the_month(write_jsonl, b):
    cases = [
        b.events_case(
            "c1",
            [
                b.gold_event("REQUEST", ["IGO"], date="2022-12"),
                b.gold_event("AGREE", ["SRB"], date="2022-11-23"),
                b.gold_event("COERCE", ["XKX"], date="2022-11-21"),
                b.gold_event("SUPPORT", ["IGO"]),  # no gold date: not judged
            ],
        )
    ]
    preds = [
        b.doc(
            "c1",
            [
                b.event("REQUEST", "IGO", date="2022-12-14"),  # right (month)
                b.event("AGREE", "SRB", date="2022-11-23"),  # right (day)
                b.event("COERCE", "XKX", date="2022-11-22"),  # wrong day
                b.event("SUPPORT", "IGO", date="2023-01-01"),
            ],
        )
    ]
    m = _score(write_jsonl, cases, preds)
    assert m["date"]["judged"] == 3 and m["date"]["correct"] == 2
    assert m["date"]["accuracy"] == pytest.approx(2 / 3)


def test_date_alignment_prefers_the_prediction_with_the_right_source(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("AGREE", ["SRB"], date="2022-11-23")])]
    preds = [
        b.doc(
            "c1",
            [
                b.event("AGREE", "USA", date="2022-11-23", trigger=1),
                b.event("AGREE", "SRB", date="2022-11-20", trigger=9),
            ],
        )
    ]
    m = _score(write_jsonl, cases, preds)
    assert m["country"]["source"] == {"accuracy": 1.0, "correct": 1, "judged": 1}
    assert m["date"]["correct"] == 0  # the aligned (SRB) prediction has the wrong day


def test_country_accuracy_over_events_matched_by_type(write_jsonl, b):
    cases = [
        b.events_case(
            "c1",
            [
                b.gold_event("ACCUSE", ["SRB"], ["IGO"]),
                b.gold_event("THREATEN", ["RUS"], ["UKR"]),
                b.gold_event("PROTEST", ["FRA"]),  # no target: target not judged
                b.gold_event("AID", ["USA"]),  # no prediction of this type: not judged
            ],
        )
    ]
    preds = [
        b.doc(
            "c1",
            [
                b.event("ACCUSE", "SRB", "EUR"),  # source right, target right (EUR = IGO)
                b.event("THREATEN", "UKR", "RUS"),  # both wrong
                b.event("PROTEST", "FRA", "FRA"),
            ],
        )
    ]
    m = _score(write_jsonl, cases, preds)
    assert m["country"]["source"] == {"accuracy": pytest.approx(2 / 3), "correct": 2, "judged": 3}
    assert m["country"]["target"] == {"accuracy": 0.5, "correct": 1, "judged": 2}
    assert m["aligned_events"] == 3


def test_untyped_cameo_only_case_is_left_out_of_type_scores(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event(None, ["USA"], cameo="042")])]
    preds = [b.doc("c1", [b.event("CONSULT", "USA")])]
    m = _score(write_jsonl, cases, preds)
    assert m["untyped_cases"] == 1
    assert (m["type"]["tp"], m["type"]["fp"], m["type"]["fn"]) == (0, 0, 0)


def test_code_accuracy_compares_actor_codes_and_cameo(write_jsonl, b):
    def coded(src, tgt, cameo):
        e = b.gold_event(None, [src[:3]], [tgt[:3]], cameo=cameo)
        e["source"][0]["code"], e["target"][0]["code"] = src, tgt
        return e

    cases = [
        b.events_case("c1", [coded("USAGOV", "IRQ", "042")]),
        b.events_case("c2", [coded("ARNGOV", "GON", "050"), coded("GON", "ARNGOV", "051")]),
        b.events_case("c3", [], no_events=True),
    ]
    preds = [
        b.doc(
            "c1",
            [
                b.event(
                    "CONSULT", "USA", "IRQ", cameo="042", source_code="USAGOV", target_code="IRQ"
                )
            ],
        ),
        b.doc(
            "c2",
            [
                b.event(
                    "CONSULT", "ARN", "GON", cameo="050", source_code="ARNGOV", target_code="GON"
                ),
                b.event("SUPPORT", "GON", "ARN", cameo="051", source_code="GON", target_code="ARN"),
            ],
        ),
        b.doc("c3", []),
    ]
    m = _score(write_jsonl, cases, preds)
    codes = m["codes"]
    assert codes["cases"] == 3 and codes["cases_passed"] == 2  # c2 has one wrong target code
    assert (codes["triples"]["tp"], codes["triples"]["fp"], codes["triples"]["fn"]) == (2, 1, 1)
    assert codes["cameo"]["f1"] == 1.0


def test_no_codes_section_without_coded_gold(write_jsonl, b):
    cases = [b.events_case("c1", [b.gold_event("AGREE", ["USA"])])]
    assert "codes" not in _score(write_jsonl, cases, [])
