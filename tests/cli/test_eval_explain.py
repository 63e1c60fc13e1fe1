"""``eventscribe eval`` on a small gold file written here, and ``eventscribe explain``."""

from __future__ import annotations

import json
import re

import pytest

from .helpers import AGREEMENT_SENTENCE, ATTACK_SENTENCE, NO_EVENT_TEXT, write_jsonl

pytestmark = pytest.mark.slow


def _actor(country: str, text: str, sector: str | None = None) -> dict:
    return {"country": country, "sector": sector, "code": None, "text": text}


GOLD = [
    {
        "id": "g-agree",
        "date": "2022-11-24",
        "text": AGREEMENT_SENTENCE,
        "events": [
            {"type": "AGREE", "mode": None, "cameo": "057", "date": "2022-11-23", "optional": False,
             "source": [_actor("SRB", "Serbia"), _actor("XKX", "Kosovo")], "target": []},
        ],
        "no_events": False,
    },
    {
        "id": "g-assault",
        "date": "2023-01-12",
        "text": ATTACK_SENTENCE,
        "events": [
            {"type": "ASSAULT", "mode": None, "cameo": "190", "date": "2023-01-10",
             "optional": False,
             "source": [_actor("RUS", "Russian troops", "MIL")],
             "target": [_actor("UKR", "Ukrainian positions")]},
        ],
        "no_events": False,
    },
    {
        "id": "g-none",
        "date": "2023-01-13",
        "text": NO_EVENT_TEXT,
        "events": [],
        "no_events": True,
    },
]  # fmt: skip

PRF_LINE = re.compile(  # the whole file's lines, not those of its tune/check halves
    r"^  (type|dyad)\s+P (\d\.\d{3})\s+R (\d\.\d{3})\s+F1 (\d\.\d{3})", re.MULTILINE
)


@pytest.fixture
def gold_file(tmp_path):
    return write_jsonl(tmp_path / "gold.jsonl", GOLD)


def test_eval_prints_precision_recall_f1(cli, gold_file) -> None:
    result = cli("eval", gold_file, "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("events: 3 cases")
    found = PRF_LINE.findall(result.stdout)
    scores = {name: (float(p), float(r), float(f)) for name, p, r, f in found}
    assert set(scores) == {"type", "dyad"}
    for precision, recall, f1 in scores.values():
        assert 0.0 <= precision <= 1.0 and 0.0 <= f1 <= 1.0
        assert recall == 1.0  # both gold events are easy ones the coder finds


def test_eval_json_to_stdout_is_only_json_and_the_report_goes_to_stderr(cli, gold_file) -> None:
    result = cli("eval", gold_file, "-q", "--json", "-")
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)  # `eventscribe eval ... --json - | jq .` works
    assert metrics["kind"] == "events"
    assert metrics["cases"] == 3
    for group in ("type", "dyad"):
        assert {"precision", "recall", "f1"} <= set(metrics[group])
    assert metrics["type"]["recall"] == 1.0
    assert metrics["no_events"]["cases"] == 1
    assert "F1" in result.stderr


def test_eval_json_file_matches_the_report(cli, gold_file, tmp_path) -> None:
    metrics_path = tmp_path / "metrics.json"
    saved = tmp_path / "pred.jsonl"
    result = cli("eval", gold_file, "-q", "--json", metrics_path, "--save-pred", saved)
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    assert f"F1 {metrics['type']['f1']:.3f}" in result.stdout
    # the saved predictions score the same without coding again
    again = cli("eval", gold_file, "--pred", saved, "--json", "-")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout) == metrics


def test_explain_shows_negated_candidate_dropped(cli) -> None:
    result = cli("explain", "Serbia and Kosovo did not reach an agreement.")
    assert result.exit_code == 0, result.stderr
    dropped = [line for line in result.stdout.splitlines() if "DROPPED" in line]
    assert dropped, result.stdout
    assert any("AGREE" in line and "not" in line.split(":")[-1] for line in dropped), dropped
    assert result.stdout.rstrip().endswith("none")  # no event survives


def test_explain_with_date_shows_the_coded_event(cli) -> None:
    result = cli("explain", AGREEMENT_SENTENCE, "--date", "2022-11-24")
    assert result.exit_code == 0, result.stderr
    assert "AGREE" in result.stdout
    assert "2022-11-23" in result.stdout


def test_explain_says_where_the_event_happened(cli) -> None:
    result = cli("explain", "Rebels captured the town of Kidal on Monday.")
    assert result.exit_code == 0, result.stderr
    assert "where: Kidal (MLI, city: 18.44, 1.41)" in result.stdout
    result = cli("explain", "Serbia accused Kosovo of provocations.")
    assert "where: not said" in result.stdout


def test_explain_lists_the_other_words_for_the_same_act(cli) -> None:
    result = cli("explain", "Rebels shelled an army base near Goma, killing six soldiers.")
    assert result.exit_code == 0, result.stderr
    assert "also said as: 'killing'" in result.stdout
