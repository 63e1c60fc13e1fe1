"""--conventions cameo codes an announced act with its own CAMEO code, as PETRARCH does;
the default PLOVER conventions code it as the threat or intent it is. The JSONL says
which conventions coded it. Under CAMEO conventions, as PETRARCH codes them, two sides
of any act with no other recipient act on each other, and a place on the verb is its
recipient (the first actor of the verb phrase)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow


def _code(
    tmp_path: Path, *extra: str, text: str = "Turkey will impose sanctions on Syria."
) -> dict:
    docs = tmp_path / "d.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / f"out{len(extra)}.jsonl"
    assert (
        CliRunner()
        .invoke(main, ["code", str(docs), "--format", "jsonl", "-o", str(out), "-q", *extra])
        .exit_code
        == 0
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_an_announced_sanction_under_each_convention(tmp_path: Path) -> None:
    plover, cameo = _code(tmp_path), _code(tmp_path, "--conventions", "cameo")
    assert plover["conventions"] == "plover" and cameo["conventions"] == "cameo"
    assert [(e["type"], e["cameo"][:2]) for e in plover["events"]] == [("THREATEN", "13")]
    assert [(e["type"], e["cameo"][:2]) for e in cameo["events"]] == [("SANCTION", "16")]


def _dyads(doc: dict) -> list[tuple[str, list, list, bool]]:
    return [
        (
            e["cameo"],
            [a["code"] for a in e["sources"]],
            [a["code"] for a in e["targets"]],
            e["mutual"],
        )
        for e in doc["events"]
    ]


def test_denying_charges_is_a_statement_coded_under_cameo_only(tmp_path: Path) -> None:
    # CAMEO 016 (Phoenix: "- * CHARGES [016]" under REFUSE); PLOVER codes no statement,
    # and the bare "reject" (REJECT 120) does not code the phrase either; the "by"
    # phrase after the object names the charges' author though the parser hangs it on
    # the verb
    for text in (
        "Morocco has denied charges by Algeria that it closed the border.",
        "Morocco rejected accusations by Algeria that it closed the border.",
    ):
        assert _dyads(_code(tmp_path, text=text)) == []
        cameo = _code(tmp_path, "--conventions", "cameo", text=text)
        assert _dyads(cameo) == [("016", ["MAR"], ["DZA"], False)], text


def test_two_sides_of_any_act_act_on_each_other_under_cameo(tmp_path: Path) -> None:
    text = "Chile and Peru postponed their border talks."
    plover = _code(tmp_path, text=text)
    cameo = _code(tmp_path, "--conventions", "cameo", text=text)
    assert _dyads(plover) == [("160", ["CHL", "PER"], [], False)]
    assert _dyads(cameo) == [("160", ["CHL", "PER"], ["CHL", "PER"], True)]


def test_a_place_on_the_verb_is_the_recipient_under_cameo(tmp_path: Path) -> None:
    text = "Chilean soldiers opened fire in Peru."
    plover = _code(tmp_path, text=text)
    cameo = _code(tmp_path, "--conventions", "cameo", text=text)
    assert _dyads(plover) == [("193", ["CHLMIL"], [], False)]  # PLOVER: where, not whom
    assert _dyads(cameo) == [("193", ["CHLMIL"], ["PER"], False)]
    assert plover["events"][0]["location"]["text"] == "Peru"


def test_actor_codes_are_written_with_cameo_role_codes_under_cameo(tmp_path: Path) -> None:
    text = "Danish journalists accused the Swedish government of censorship."
    plover = _code(tmp_path, text=text)["events"][0]["sources"][0]
    cameo = _code(tmp_path, "--conventions", "cameo", text=text)["events"][0]["sources"][0]
    assert (plover["sector"], plover["code"]) == ("JRN", "DNKJRN")  # PLOVER's journalists
    assert (cameo["sector"], cameo["code"]) == ("JRN", "DNKMED")  # CAMEO's media role code


def test_declining_to_comment_is_cameo_011_only_under_cameo_conventions(tmp_path: Path) -> None:
    text = "Serbia declined to comment on the Kosovo report."
    plover = _code(tmp_path, text=text)
    cameo = _code(tmp_path, "--conventions", "cameo", text=text)
    assert plover["events"] == []
    assert [(e["type"], e["cameo"]) for e in cameo["events"]] == [(None, "011")]


def test_an_event_needs_both_actors_under_cameo_conventions(tmp_path: Path) -> None:
    """PETRARCH writes an event only with its source and its target coded (as ICEWS
    codes them); PLOVER's conventions keep an act with one side known."""
    text = "Serbia declined to comment on the report. Police arrested two men."
    plover = _code(tmp_path, text=text)
    cameo = _code(tmp_path, "--conventions", "cameo", text=text)
    assert [e["cameo"] for e in plover["events"]] == ["173"]  # two men of no known country
    assert cameo["events"] == []
    explained = CliRunner().invoke(
        main, ["explain", "Serbia declined to comment on the report.", "--conventions", "cameo"]
    )
    assert "an event needs both a source and a target with a code" in explained.output
