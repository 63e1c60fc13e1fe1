"""Every gold file is also scored on its two fixed halves, ``tune`` and ``check``."""

from __future__ import annotations

from eventscribe.evaluation import load_gold, score
from eventscribe.evaluation.halves import half_of


def test_a_case_keeps_its_half_whatever_else_is_in_the_file():
    ids = [f"case-{n}" for n in range(40)]
    halves = {i: half_of(i) for i in ids}
    assert set(halves.values()) == {"tune", "check"}
    assert all(half_of(i) == halves[i] for i in reversed(ids))


def test_the_halves_partition_the_cases_and_their_counts(write_jsonl, b):
    ids = [f"c{n}" for n in range(12)]
    cases = [b.events_case(i, [b.gold_event("AGREE", ["USA"], ["SRB"])]) for i in ids]
    # a hit for every even case, nothing for the others
    preds = [
        b.doc(i, [b.event("AGREE", "USA", "SRB")] if n % 2 == 0 else []) for n, i in enumerate(ids)
    ]
    metrics = score(load_gold(write_jsonl("gold.jsonl", cases)), {p["id"]: p for p in preds})
    tune, check = metrics["halves"]["tune"], metrics["halves"]["check"]
    assert tune["cases"] + check["cases"] == 12
    assert tune["cases"] == sum(half_of(i) == "tune" for i in ids)
    for key in ("tp", "fn"):
        assert tune["type"][key] + check["type"][key] == metrics["type"][key]
    expected_tune_hits = sum(half_of(i) == "tune" for i in ids[::2])
    assert tune["type"]["tp"] == expected_tune_hits
