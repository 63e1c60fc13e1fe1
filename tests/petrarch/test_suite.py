"""PETRARCH validation suites: read as they are written (not well-formed XML) and scored
as CAMEO codings (code, source code, target code). Files written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.petrarch.scoring import suite_metrics
from eventscribe.petrarch.suite import read_suite

SUITE = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- a header comment with <Sentence> in it must not count -->
<Environment>
    <Actorfile>test.actors.txt</Actorfile>
    <Include>DEMO VERB</Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<EventCoding eventcode="112" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor accused Gondor of
provocations.
</Text>
</Sentence>
<Sentence category="VERB" date="19950101" id="VERB-01" evaluate="true">
<EventCoding noevents="True" />
<Text>Arnor is a quiet place.</Text>
</Sentence>
<Sentence category="PARSING" date="19950101" id="PARSE-01" evaluate="true">
<EventCoding eventcode="190" sourcecode="ARN" targetcode="GON" />
<Text>Not in the include list.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def suite_dir(tmp_path: Path) -> Path:
    (tmp_path / "suite.xml").write_text(SUITE, encoding="utf-8")
    (tmp_path / "test.actors.txt").write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n", encoding="utf-8")
    return tmp_path


def test_records_environment_and_include_list_are_read(suite_dir: Path) -> None:
    suite = read_suite(suite_dir / "suite.xml")
    assert suite.files == {"actors": "test.actors.txt"} and suite.include == {"DEMO", "VERB"}
    assert [c.id for c in suite.cases] == ["DEMO-01", "VERB-01"]
    assert suite.cases[0].text == "Arnor accused Gondor of provocations."
    assert suite.cases[0].codings == (("112", "ARN", "GON"),) and suite.cases[1].no_events
    assert any("PARSE-01 not evaluated" in s for s in suite.skipped)


def test_codings_found_and_precision_are_scored(suite_dir: Path) -> None:
    suite = read_suite(suite_dir / "suite.xml")
    coded = {"id": "DEMO-01", "events": [{
        "type": "ACCUSE", "cameo": "112", "negated": False, "mutual": False, "paired_cameo": None,
        "sources": [{"country": "ARN", "code": "ARN"}], "targets": [{"country": "GON", "code": "GON"}],
    }]}  # fmt: skip
    metrics = suite_metrics(suite, {"DEMO-01": coded, "VERB-01": {"id": "VERB-01", "events": []}})
    assert metrics["codings"]["found"] == 1.0 and metrics["codings"]["precision"] == 1.0
    assert metrics["cases_passed"] == 2 and metrics["categories"]["DEMO"]["passed"] == 1


@pytest.mark.slow
def test_eval_codes_a_suite_with_its_own_dictionaries(suite_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    args = [
        "eval",
        str(suite_dir / "suite.xml"),
        "--dictionaries",
        str(suite_dir),
        "-q",
        "--json",
        str(out),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["kind"] == "petrarch-suite" and metrics["cases"] == 2
    assert metrics["codings"]["found"] == 1.0, "Arnor -> Gondor 112 with the fictional actors"


def test_a_suite_with_its_own_agents_codes_their_role_words_only(tmp_path: Path) -> None:
    """The suite's agent dictionary holds WARDEN, not POLICE: its police have no sector of
    their own (the built-in role words are not used), its wardens are COP."""
    suite = SUITE.replace(
        "<Include>DEMO VERB</Include>",
        "<Agentfile>test.agents.txt</Agentfile>\n    <Include>DEMO VERB</Include>",
    ).replace(
        '<EventCoding eventcode="112" sourcecode="ARN" targetcode="GON" />\n<Text>\n'
        "Arnor accused Gondor of\nprovocations.",
        '<EventCoding eventcode="112" sourcecode="ARN" targetcode="GON" />\n'
        '<EventCoding eventcode="112" sourcecode="ARNCOP" targetcode="GON" />\n<Text>\n'
        "Arnor police and Arnor wardens accused Gondor of provocations.",
    )
    (tmp_path / "suite.xml").write_text(suite, encoding="utf-8")
    (tmp_path / "test.actors.txt").write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n", encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text("WARDEN_ [~COP]\n", encoding="utf-8")
    out = tmp_path / "m.json"
    args = ["eval", str(tmp_path / "suite.xml"), "--dictionaries", str(tmp_path), "-q"]
    result = CliRunner().invoke(main, [*args, "--json", str(out)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text(encoding="utf-8"))
    assert metrics["codings"]["found"] == 1.0 and metrics["codings"]["precision"] == 1.0
