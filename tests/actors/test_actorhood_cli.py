"""Actor-hood through the CLI: what `eventscribe code` writes to the store's actors table.

The last test codes the 200 GeoWebNews articles of the shared dev folder (text only) as a
new user would, and checks that no stored actor is named by a time word, time zone, unit,
amount or a single generic noun (skipped when the file is not there).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventscribe.actors.knowledge import load_actor_knowledge
from eventscribe.actors.words import load_actor_words
from eventscribe.cli import main
from eventscribe.coding.wordlists import load_word_lists
from tests.cli.helpers import coded_events

pytestmark = pytest.mark.slow

GWN = (
    Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "gwn-places-dev.jsonl"
)
# A name that is an amount: a bare number ("$5", "2,000"), a number with a unit ("30
# percent", checked against the units list) or a fraction ("4.5 million passengers").
NUMBER = re.compile(r"^[$€£]?\d[\d.,]*(\s+(million|billion|trillion))?$", re.IGNORECASE)
FRACTION = re.compile(r"\d\.\d")


def _code(
    tmp_path: Path, docs: list[dict[str, str]]
) -> list[tuple[str, str, str | None, str | None, str]]:
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    store = tmp_path / "events.duckdb"
    result = CliRunner().invoke(main, ["code", str(source), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(store), read_only=True) as con:
        return con.execute(
            "select text, name, country, sector, evidence from actors order by start"
        ).fetchall()


def test_code_stores_real_actors_only(tmp_path):
    text = (
        "The airline carried 4.5 million passengers last Week, officials said at 10 a.m. CST. "
        "The Department said it would review the case. "
        "Prime Minister Albin Kurti's government fined Serb drivers. "
        "Afganistan accused Pakistan of shelling its border. "
        "The Caribbean Fisheries Council criticised Japan."
    )
    rows = _code(tmp_path, [{"id": "a1", "date": "2023-02-02", "text": text}])
    by_text = {r[0]: r[1:] for r in rows}
    for not_actor in ("4.5 million passengers", "last Week", "CST", "The Department"):
        assert not_actor not in by_text
    assert by_text["Prime Minister Albin Kurti's government"][:3] == (
        "government of Kosovo",
        "XKX",
        "GOV",
    )
    assert by_text["Afganistan"][1] == "AFG" and by_text["Afganistan"][3].startswith("spelling")
    assert by_text["The Caribbean Fisheries Council"][1:3] == ("IGO", "GOV")
    assert "Albin" not in {r[1] for r in rows}


def _no_one(name: str, words) -> bool:
    """A name that names no one: a time word, time zone, unit, amount or a single generic noun."""
    lower = name.lower()
    single = " " not in name.strip()
    return bool(
        name in words.time_zones
        or lower in words.time_words
        or lower in words.units
        or NUMBER.match(name)
        or FRACTION.search(name)
        or NUMBER.match(name.rpartition(" ")[0])
        and name.rpartition(" ")[2].lower() in words.units
        or single
        and (lower in words.generic_nouns or lower in words.organisation_types)
    )


def test_a_coalition_led_by_a_country_acts_as_that_country(tmp_path):
    events = coded_events(
        tmp_path,
        "The Saudi-led coalition declared a ceasefire in Yemen on Monday, while "
        "Iran-backed Houthi rebels kept attacking the port.",
    )
    ceasefire = [e for e in events if e["type"] == "RETREAT"]
    assert [(a["text"], a["country"]) for a in ceasefire[0]["sources"]] == [
        ("The Saudi-led coalition", "SAU")
    ]
    assert all(a["country"] != "IRN" for e in events for a in e["sources"] + e["targets"])


@pytest.mark.skipif(not GWN.is_file(), reason=f"GeoWebNews dev file not found at {GWN}")
def test_real_news_store_holds_no_time_unit_amount_or_generic_noun_actor(tmp_path):
    docs = []
    for line in GWN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            docs.append({"id": case["id"], "text": case["text"]})
    assert len(docs) >= 100
    rows = _code(tmp_path, docs)
    words = load_actor_words(sectors=load_actor_knowledge().sectors)
    roles = load_actor_knowledge()
    # a bare role word from roles.csv ("the ministry", "government") is a role, not a generic noun
    bad = sorted({r[1] for r in rows if _no_one(r[1], words) and roles.role(r[1]) is None})
    assert bad == [], bad
    # and no attack by a natural force, disease or accident ("the quake killed 300")
    forces = load_word_lists().natural_forces
    with duckdb.connect(str(tmp_path / "events.duckdb"), read_only=True) as con:
        attackers = con.execute(
            "SELECT a.name FROM events AS e JOIN event_actors AS a ON a.event_id = e.event_id "
            "WHERE e.plover_type = 'ASSAULT' AND a.role = 'source'"
        ).fetchall()
    assert not [name for (name,) in attackers if set(name.lower().split()) & forces]
