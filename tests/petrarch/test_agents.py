"""PETRARCH agent dictionaries: generic role words (``POLICE {} [~COP]``) read, checked,
and used in coding, with the fictional countries of a PETRARCH actor dictionary
(dictionaries written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.petrarch.actors import CodeReader
from eventscribe.petrarch.agents import read_agent_dictionary

from .support import code_texts

AGENTS = """<!-- test agents -->
!PERSON! = MAN, MEN, WOMAN
HARBOUR_WARDEN {} [~COP]  # a made-up agent
STONE_SPEAKER [~RELXYZ]
ASSEMBLY!PERSON! [~LEG]
MSF {} [NGO~]
UNKNOWN_THING [~QQQ]
!NOSUCH!_CLERK [~GOV]
THIS LINE HAS NO CODE
"""

ACTORS = """ARNOR_ [ARN]
+ARNORIAN_
GONDOR_ [GON]
"""


@pytest.fixture
def agents(tmp_path: Path) -> Path:
    path = tmp_path / "test.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    return path


def test_agents_become_role_words_or_are_reported_with_file_and_line(agents: Path) -> None:
    read = read_agent_dictionary(agents, CodeReader.bundled())
    roles = {r.word: r.sector for r in read.roles}
    assert roles["harbour warden"] == "COP"
    assert roles["stone speaker"] == "REL"  # the first role code the table knows
    assert roles["assemblyman"] == roles["assemblymen"] == roles["assemblywoman"] == "LEG"
    assert roles["msf"] == "SOC"  # a prefix code: an NGO
    # a role code PLOVER has no sector for: a role word all the same, its code kept
    assert roles["unknown thing"] == ""
    assert {r.word: r.code for r in read.roles}["unknown thing"] == "~QQQ"
    assert [str(s) for s in read.skipped] == [
        "test.agents.txt:8: uses a substitution set !NAME! not defined above",
        "test.agents.txt:9: not an agent line: PHRASE {PLURALS} [~CODE]",
    ]


def test_check_dictionary_tells_an_agent_file_by_its_codes(agents: Path) -> None:
    result = CliRunner().invoke(main, ["check-dictionary", str(agents)])
    assert result.exit_code == 0, result.output
    assert "agents dictionary" in result.output
    assert "converted 7 role words" in result.output
    assert "test.agents.txt:8: uses a substitution set" in result.output


@pytest.mark.slow
def test_a_new_agent_and_a_fictional_country_change_the_coding(
    agents: Path, tmp_path: Path
) -> None:
    actors = tmp_path / "test.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    docs = tmp_path / "docs.txt"
    docs.write_text("The Arnorian harbour wardens accused Gondor of smuggling.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    base = ["code", str(docs), "--format", "jsonl", "-q", "--petrarch-actors", str(actors)]

    def source(*extra: str) -> dict:
        result = CliRunner().invoke(main, [*base, "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
        event = json.loads(out.read_text(encoding="utf-8"))["events"][0]
        assert event["target"]["country"] == "GON"  # a country only the dictionary names
        return event["source"]

    without = source()
    assert without["sector"] != "COP"
    with_agents = source("--petrarch-agents", str(agents))
    assert (with_agents["country"], with_agents["sector"], with_agents["code"]) == (
        "ARN",
        "COP",
        "ARNCOP",
    )


@pytest.mark.slow
def test_cameo_codes_keep_the_agent_codes_as_the_dictionary_writes_them(
    agents: Path, tmp_path: Path
) -> None:
    """Under CAMEO conventions an agent's own code stands in the actor code after the
    country's, as written (``[~QQQ]``, a code PLOVER has no sector for)."""
    actors = tmp_path / "test.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    lines = code_texts(
        tmp_path,
        [
            ("a", None, "Arnor accused the Gondor unknown thing of smuggling."),
            ("b", None, "The Arnorian harbour wardens accused Gondor of smuggling."),
        ],
        "--conventions", "cameo", "--petrarch-actors", str(actors),
        "--petrarch-agents", str(agents),
    )  # fmt: skip
    dyads = [[(e["source"]["code"], e["target"]["code"]) for e in x["events"]] for x in lines]
    assert dyads == [[("ARN", "GONQQQ")], [("ARNCOP", "GON")]]
