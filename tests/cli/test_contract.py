"""The JSONL output contract of ``eventscribe code --format jsonl``.

The contract is ``CodedDocument.to_contract``: one object per input document, in order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import AGREEMENT_SENTENCE, ATTACK_SENTENCE, CONTRACT_DOCS, read_jsonl, write_jsonl

pytestmark = pytest.mark.slow

DOCUMENT_KEYS = {"id", "date", "conventions", "events", "times", "places", "quotes"}
EVENT_KEYS = {
    "id", "type", "mode", "cameo", "quad", "intensity", "goldstein", "date", "date_precision",
    "negated", "source", "target", "sources", "targets", "mutual", "paired_cameo", "trigger",
    "sentence", "location",
}  # fmt: skip
ALLOWED_EXTRA_EVENT_KEYS = {"confidence", "mentions", "timing"}
ACTOR_KEYS = {"text", "start", "end", "name", "country", "sector", "code"}
COUNTRY = re.compile(r"^[A-Z]{3}$")


@pytest.fixture(scope="module")
def contract_run(cli, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Code the three contract documents once: input path, output path, parsed lines."""
    folder = tmp_path_factory.mktemp("contract")
    docs = write_jsonl(folder / "docs.jsonl", CONTRACT_DOCS)
    out = folder / "out.jsonl"
    result = cli("code", docs, "--format", "jsonl", "-o", out, "-q")
    assert result.exit_code == 0, result.stderr
    return {"input": docs, "output": out, "lines": read_jsonl(out), "result": result}


def _texts() -> dict[str, str]:
    return {d["id"]: d["text"] for d in CONTRACT_DOCS}


def _events(contract_run: dict):
    texts = _texts()
    for line in contract_run["lines"]:
        for event in line["events"]:
            yield texts[line["id"]], event


def test_one_line_per_document_in_input_order(contract_run) -> None:
    assert [line["id"] for line in contract_run["lines"]] == [d["id"] for d in CONTRACT_DOCS]
    assert [line["date"] for line in contract_run["lines"]] == [d["date"] for d in CONTRACT_DOCS]


def test_jsonl_output_goes_to_the_file_not_stdout(contract_run) -> None:
    assert contract_run["result"].stdout == ""


def test_document_keys_are_exactly_the_contract(contract_run) -> None:
    for line in contract_run["lines"]:
        assert set(line) == DOCUMENT_KEYS
        assert isinstance(line["events"], list)
        assert isinstance(line["times"], list)


def test_event_keys_follow_the_contract(contract_run) -> None:
    events = [e for _, e in _events(contract_run)]
    assert events, "the attack and accusation documents should give events"
    for event in events:
        assert EVENT_KEYS <= set(event)
        assert set(event) - EVENT_KEYS <= ALLOWED_EXTRA_EVENT_KEYS
        for role in ("source", "target"):
            if event[role] is not None:
                assert set(event[role]) == ACTOR_KEYS
            # the single actor is the first of the role's list, kept for one-dyad readers
            many = event[role + "s"]
            assert all(set(a) == ACTOR_KEYS for a in many)
            assert (event[role] is None) == (not many)
        assert isinstance(event["mutual"], bool)


def test_offsets_slice_the_original_text(contract_run) -> None:
    for text, event in _events(contract_run):
        trigger, sentence = event["trigger"], event["sentence"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        assert sentence["start"] <= trigger["start"] < trigger["end"] <= sentence["end"]
        for actor in event["sources"] + event["targets"]:
            assert text[actor["start"] : actor["end"]] == actor["text"]


def test_time_offsets_slice_the_original_text(contract_run) -> None:
    texts = _texts()
    for line in contract_run["lines"]:
        for time in line["times"]:
            assert texts[line["id"]][time["start"] : time["end"]] == time["text"]


def test_country_codes_are_three_upper_case_letters(contract_run) -> None:
    for _, event in _events(contract_run):
        for role in ("source", "target"):
            actor = event[role]
            if actor is not None and actor["country"] is not None:
                assert COUNTRY.match(actor["country"]), actor


def test_attack_sentence_is_an_assault_by_russia_on_ukraine_dated_tuesday(contract_run) -> None:
    zeta = contract_run["lines"][0]
    assault = [e for e in zeta["events"] if e["type"] == "ASSAULT"]
    assert len(assault) == 1, zeta["events"]
    event = assault[0]
    assert event["source"]["country"] == "RUS"
    assert event["target"]["country"] == "UKR"
    assert event["date"] == "2023-01-10"  # the Tuesday before Thursday 2023-01-12
    assert event["quad"] == 4
    assert event["negated"] is False
    assert ATTACK_SENTENCE[event["trigger"]["start"] : event["trigger"]["end"]] == "attacked"


def test_event_after_non_ascii_and_crlf_keeps_its_actors(contract_run) -> None:
    alpha = contract_run["lines"][1]
    accuse = [e for e in alpha["events"] if e["type"] == "ACCUSE"]
    assert accuse, alpha["events"]
    assert accuse[0]["source"]["country"] == "XKX"
    assert accuse[0]["target"]["country"] == "SRB"
    assert accuse[0]["date"] == "2023-03-06"


def test_document_without_events_still_gets_its_line(contract_run) -> None:
    mid = contract_run["lines"][2]
    assert mid["events"] == []


def test_coding_twice_gives_byte_identical_output(cli, contract_run, tmp_path: Path) -> None:
    again = tmp_path / "again.jsonl"
    result = cli("code", contract_run["input"], "--format", "jsonl", "-o", again, "-q")
    assert result.exit_code == 0, result.stderr
    assert again.read_bytes() == contract_run["output"].read_bytes()


def test_jsonl_to_stdout_with_dash(cli, contract_run) -> None:
    result = cli("code", contract_run["input"], "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.encode("utf-8") == contract_run["output"].read_bytes()


def test_min_confidence_drops_weaker_events(cli, tmp_path: Path) -> None:
    docs = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"id": "attack", "date": "2023-01-12", "text": ATTACK_SENTENCE},
            {"id": "deal", "date": "2022-11-24", "text": AGREEMENT_SENTENCE},
        ],
    )
    every_run = cli("code", docs, "--format", "jsonl", "-q")
    every = [e for line in every_run.stdout.splitlines() for e in json.loads(line)["events"]]
    threshold = max(e["confidence"] for e in every)
    assert min(e["confidence"] for e in every) < threshold, "need events of differing confidence"

    result = cli("code", docs, "--format", "jsonl", "-q", "--min-confidence", str(threshold))
    assert result.exit_code == 0, result.stderr
    kept = [e for line in result.stdout.splitlines() for e in json.loads(line)["events"]]
    assert kept and all(e["confidence"] >= threshold for e in kept)
    assert len(kept) < len(every)
