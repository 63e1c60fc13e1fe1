"""The example article from ../shared/examples, coded and scored as a user would do it.

cd ../shared/examples
eventscribe code kosovo-serbia-2023-02-02.txt --format jsonl -o out.jsonl
eventscribe eval kosovo-serbia-2023-02-02.gold.json --pred out.jsonl --json metrics.json
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import read_jsonl

pytestmark = pytest.mark.slow

# The same folding the article scorer applies (FORMAT.md): UNO/EUR count as IGO, KOS as XKX.
FOLD = {"UNO": "IGO", "EUR": "IGO", "KOS": "XKX"}


def _fold(country: str | None) -> str | None:
    return FOLD.get(country, country) if country else country


@pytest.fixture(scope="module")
def article_run(cli, example_article: Path, example_article_gold: Path, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("article")
    out = folder / "out.jsonl"
    coded = cli("code", example_article, "--format", "jsonl", "-o", out, "-q")
    assert coded.exit_code == 0, coded.stderr
    metrics_path = folder / "metrics.json"
    scored = cli("eval", example_article_gold, "--pred", out, "--json", metrics_path)
    assert scored.exit_code == 0, scored.stderr
    lines = read_jsonl(out)
    return {
        "lines": lines,
        "events": [e for line in lines for e in line["events"]],
        "metrics": json.loads(metrics_path.read_text(encoding="utf-8")),
        "report": scored.stdout,
    }


def _has(
    events, type_: str, source: str, *, date: str | None = None, target: str | None = None
) -> bool:
    """True when a non-negated event of ``type_`` from ``source`` (to ``target``, on ``date``)."""
    return any(
        e["type"] == type_
        and not e["negated"]
        and e["source"] is not None
        and e["source"]["country"] == source
        and (date is None or e["date"] == date)
        and (target is None or (e["target"] is not None and e["target"]["country"] == target))
        for e in events
    )


def test_article_is_one_document_with_the_file_stem_as_id(
    article_run, example_article: Path
) -> None:
    assert [line["id"] for line in article_run["lines"]] == [example_article.stem]
    assert article_run["lines"][0]["date"] == "2023-02-02"  # from the 'date' first line


def test_eval_scores_it_as_the_article_kind(article_run, example_article: Path) -> None:
    metrics = article_run["metrics"]
    assert metrics["kind"] == "article"
    assert metrics["id"] == example_article.stem
    assert metrics["matched_by"] == "id"
    assert "must_not" in article_run["report"] and "recall" in article_run["report"]


def test_every_required_event_is_found(article_run) -> None:
    required = article_run["metrics"]["required"]
    missing = [row for row in required["events"] if not row["found"]]
    assert not missing, missing
    assert required["fn"] == 0
    assert required["recall"] == 1.0


def test_each_required_match_has_the_right_type_source_and_date(article_run) -> None:
    by_id = {e["id"]: e for e in article_run["events"]}
    for row in article_run["metrics"]["required"]["events"]:
        event = by_id[row["matched_event"]]
        assert event["type"] in {row["type"], *row["also_accepted"]}, (row, event)
        assert _fold(event["source"]["country"]) in {_fold(c) for c in row["source"]}, (row, event)
        if row["date"] is not None:
            assert event["date"] is not None and event["date"].startswith(row["date"]), (row, event)


def test_no_must_not_violation(article_run) -> None:
    must_not = article_run["metrics"]["must_not"]
    assert must_not["rules"] >= 1
    assert must_not["violations"] == 0, must_not["violated"]


def test_neither_accept_nor_reject_is_no_rejection_by_serbia(article_run) -> None:
    rejects = [
        e for e in article_run["events"]
        if e["type"] == "REJECT" and e["source"] is not None and e["source"]["country"] == "SRB"
    ]  # fmt: skip
    assert not rejects, rejects


def test_blinken_thanking_vucic_is_us_support_for_serbia(article_run) -> None:
    assert _has(article_run["events"], "SUPPORT", "USA", target="SRB", date="2023-02-01")


def test_plate_deal_is_agreed_by_serbia_and_kosovo_on_november_23(article_run) -> None:
    events = article_run["events"]
    assert _has(events, "AGREE", "SRB", date="2022-11-23")
    assert _has(events, "AGREE", "XKX", date="2022-11-23")


def test_fines_on_serbs_are_coercion_by_kosovo_on_november_21(article_run) -> None:
    assert _has(article_run["events"], "COERCE", "XKX", date="2022-11-21")
