"""PETRARCH verb dictionaries as lexicon entries (a dictionary written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.ontology import bundled_ontology
from eventscribe.petrarch.verbs import read_verb_dictionary

from .support import code_texts

VERBS = """# test verbs
&WEAPON
+RIFLE
+MUSKET

--- BEFRIEND  [051]  ---
BEFRIEND
CHERISH {CHERISHES CHERISHED}
- * &WEAPON  [072]  # giving arms
- * (TO BORDER)  [154]
- RECENTLY *  [025]
- * VOTE  [---]
--- MUSE  [012]  ---
MUSE
"""


@pytest.fixture
def verbs(tmp_path: Path) -> Path:
    path = tmp_path / "test.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    return path


def test_verbs_and_patterns_become_entries_and_the_rest_is_reported(verbs: Path) -> None:
    converted = read_verb_dictionary(verbs, bundled_ontology())
    made = {(e.lemma, e.tail, e.objects, e.cameo, e.type) for e in converted.entries}
    assert ("befriend", (), (), "051", "SUPPORT") in made and (
        "cherish",
        (),
        (),
        "051",
        "SUPPORT",
    ) in made
    assert ("befriend", (), ("rifle", "musket"), "072", "AID") in made  # a synset object
    assert ("befriend", ("to",), ("border",), "154", "MOBILIZE") in made  # a preposition phrase
    reasons = [str(s) for s in converted.skipped]
    assert len(reasons) == len(set(reasons)), "each skipped line is reported once"
    assert any(r.startswith("test.verbs.txt:11: words before the verb") for r in reasons)
    nulls = [(e.lemma, e.objects) for e in converted.entries if e.null]
    assert nulls[:2] == [("befriend", ("vote",)), ("cherish", ("vote",))]  # "[---]": codes nothing
    # a pattern's one object word also matches a word before the object's head ("the
    # vote count"), read after every other entry so that one naming the head wins a tie
    assert ("befriend", ("~rifle", "~musket")) in [(e.lemma, e.objects) for e in converted.entries]
    assert converted.entries[-1].objects[0].startswith("~")
    # a public statement (012) has no PLOVER type: an entry coded under CAMEO conventions only
    assert ("muse", (), (), "012", "") in made
    assert not any(r.startswith("test.verbs.txt:14:") for r in reasons)


@pytest.mark.slow
def test_a_new_verb_pattern_changes_the_coding(verbs: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "".join(
            json.dumps({"id": i, "date": "2023-02-02", "text": text}) + "\n"
            for i, text in (
                ("a", "Serbia befriended Hungary."),
                ("b", "Serbia cherished the vote."),
            )
        ),
        encoding="utf-8",
    )
    runs = {}
    for name, extra in (("plain", []), ("with", ["--petrarch-verbs", str(verbs)])):
        out = tmp_path / f"{name}.jsonl"
        result = CliRunner().invoke(
            main, ["code", str(docs), "--format", "jsonl", "-o", str(out), "-q", *extra]
        )
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        runs[name] = lines[0]["events"]
        assert not lines[1]["events"]  # the pattern coded [---] keeps the verb uncoded
    assert not runs["plain"]
    assert [
        (e["type"], e["cameo"], e["source"]["country"], e["target"]["country"])
        for e in runs["with"]
    ] == [("SUPPORT", "051", "SRB", "HUN")]


@pytest.mark.slow
def test_public_statements_are_events_under_cameo_conventions_only(
    verbs: Path, tmp_path: Path
) -> None:
    """CAMEO codes "Serbia mused ..." (012); PLOVER has no such type. A statement whose
    sentence codes another event yields to it (reported speech, as PETRARCH codes it)."""
    docs = [
        ("a", "2023-02-02", "Serbia mused about Hungary on Monday."),
        ("b", "2023-02-02", "Serbia mused that Croatia befriended Hungary."),
    ]
    coded = {}
    for conventions in ("plover", "cameo"):
        lines = code_texts(
            tmp_path, docs, "--petrarch-verbs", str(verbs), "--conventions", conventions
        )
        coded[conventions] = [
            [(e["type"], e["cameo"], e["source"]["country"]) for e in line["events"]]
            for line in lines
        ]
    assert coded["plover"] == [[], [("SUPPORT", "051", "HRV")]]
    assert coded["cameo"] == [[(None, "012", "SRB")], [("SUPPORT", "051", "HRV")]]


@pytest.mark.slow
def test_a_preposition_after_the_object_is_the_objects_complement(tmp_path: Path) -> None:
    """PETRARCH's "- * ATTACK (BY) [112]": the preposition follows the object phrase, so
    it hangs on the object ("condemned an attack by X"), and the pattern beats the bare
    "- * ATTACK [113]"; its object is the target."""
    verbs = tmp_path / "verbs.txt"
    verbs.write_text(
        "--- CONDEMN  [111]  ---\nCONDEMN\n- * ATTACK (BY)  [112]\n- * ATTACK  [113]\n",
        encoding="utf-8",
    )
    lines = code_texts(
        tmp_path,
        [
            ("a", "2023-02-02", "Serbia condemned an attack by Kosovo police on Monday."),
            ("b", "2023-02-02", "Serbia condemned the attack on Kosovo on Monday."),
        ],
        "--petrarch-verbs", str(verbs), "--conventions", "cameo",
    )  # fmt: skip
    coded = [[(e["cameo"], e["target"]["country"]) for e in line["events"]] for line in lines]
    assert coded == [[("112", "XKX")], [("113", "XKX")]]


def test_synsets_in_patterns_are_read_the_way_petrarch_writes_them(tmp_path: Path) -> None:
    """An undefined synset is reported, never read as a bare verb (which would code every
    use of the verb); ``&NAME_`` and ``&NAME`` are one synset; an underscore compound is
    its words in a row, each synset member in turn; a synset of prepositions leaves the
    object phrase after it."""
    path = tmp_path / "verbs.txt"
    path.write_text(
        "&PREP_\n+ON\n+AGAINST\n\n&TIES\n+MILITARY\n+TRADE\n\n"
        "--- ALLOW  [080] ---\nALLOW\n- * &PKO  [0334]\n- * &TIES_MEMOS  [091]\n"
        "- * &PREP RESOLUTION  [102]\n",
        encoding="utf-8",
    )
    converted = read_verb_dictionary(path, bundled_ontology())
    made = {(e.objects, e.cameo) for e in converted.entries}
    assert made == {
        ((), "080"),
        (("military memos", "trade memos"), "091"),  # "military memos", not any memos
        (("resolution",), "102"),
        (("~resolution",), "102"),  # one word: also before the object's head
    }
    assert [str(s) for s in converted.skipped] == [
        "verbs.txt:11: synset &PKO is not defined in the file"
    ]


@pytest.mark.slow
def test_a_patterns_object_word_matches_anywhere_in_the_object_phrase(
    verbs: Path, tmp_path: Path
) -> None:
    """As PETRARCH reads "- * &WEAPON": "two rifle makers" has a rifle before the head
    of its object phrase; the plain verb's code (051) is not used."""
    lines = code_texts(
        tmp_path,
        [("a", "2023-02-02", "Serbia befriended two rifle makers in Hungary.")],
        "--conventions", "cameo", "--petrarch-verbs", str(verbs),
    )  # fmt: skip
    assert [e["cameo"] for e in lines[0]["events"]] == ["072"]


def _coded_with(tmp_path: Path, verbs: str, texts: list[str]) -> list[dict[str, Any]]:
    """The coded documents of ``texts`` (one each, published 2023-02-02) under CAMEO
    conventions with the verb dictionary ``verbs`` written for the test."""
    path = tmp_path / "verbs.txt"
    path.write_text(verbs, encoding="utf-8")
    docs = [(str(n), "2023-02-02", text) for n, text in enumerate(texts)]
    return code_texts(tmp_path, docs, "--conventions", "cameo", "--petrarch-verbs", str(path))


def _codes(lines: list[dict[str, Any]]) -> list[list[str]]:
    return [[e["cameo"] for e in line["events"]] for line in lines]


NOUN_PHRASES = """&TIES
+MILITARY
+TRADE

--- ABANDON  [1121]  ---
ABANDON
- * NEW_PLAN  [084]
- * {NEW &TIES RELATIONS}  [1951]
- * {IMPROVED &TIES RELATIONS}  [1952]
- * PEACE PLAN  [085]
- * BAN (ON &TIES)  [0814]
- * WINNER (FROM $)  [060]
"""


def test_a_patterns_noun_phrase_is_read_whole(tmp_path: Path) -> None:
    """Every word of "{NEW &TIES RELATIONS}" is wanted, not its head alone (each synset
    member in turn); a noun phrase pattern is read before the one-word patterns, so that
    it wins a tie; an object with its prepositional phrase ("- * BAN (ON &TIES)") is one
    object phrase; a source marker after the object names the source."""
    path = tmp_path / "verbs.txt"
    path.write_text(NOUN_PHRASES, encoding="utf-8")
    converted = read_verb_dictionary(path, bundled_ontology())
    made = [(e.objects, e.cameo) for e in converted.entries if e.objects]
    assert made[:5] == [
        (("new plan",), "084"),  # NEW_PLAN: the words in a row
        (("new military relations", "new trade relations"), "1951"),
        (("improved military relations", "improved trade relations"), "1952"),
        (("peace plan",), "085"),
        (("ban on military", "ban on trade"), "0814"),
    ]
    assert [str(s) for s in converted.skipped] == []
    (winner,) = [e for e in converted.entries if e.objects == ("winner",)]
    assert (winner.source, winner.targets) == ("prep:from", ("subj",))


@pytest.mark.slow
def test_a_noun_phrase_pattern_codes_only_its_own_phrase(tmp_path: Path) -> None:
    lines = _coded_with(
        tmp_path,
        NOUN_PHRASES,
        [
            "Serbia will abandon new trade relations with Kosovo.",
            "Serbia will abandon improved military relations with Kosovo.",
            "Serbia will abandon friendly relations with Kosovo.",
            "Serbia will abandon the peace plan with Kosovo.",
            "Serbia will abandon its ban on trade with Kosovo.",
            "Serbia will abandon the ban on trade talks with Kosovo.",
        ],
    )
    assert _codes(lines) == [["1951"], ["1952"], ["1121"], ["085"], ["0814"], ["0814"]]


OWN_CODES = "--- DETAIN  [212]  ---\nDETAIN\n--- REMARK  [012]  ---\nREMARK\n"


@pytest.mark.slow
def test_a_code_of_the_dictionarys_own_is_coded_as_given(tmp_path: Path) -> None:
    """PETRARCH passes a dictionary's own codes through ("[212]", outside CAMEO): coded
    as given under CAMEO conventions, with no PLOVER type, quad class 0 and no Goldstein
    score (there is none), in the contract, the store and every export; a public
    statement (012) still gives way to another event of its sentence, such a code does
    not; PLOVER's conventions code neither."""
    path = tmp_path / "verbs.txt"
    path.write_text(OWN_CODES, encoding="utf-8")
    text = "Serbian police detained two Kosovo journalists, the ministry remarked."
    docs = [("a", "2023-02-02", text)]
    (line,) = code_texts(tmp_path, docs, "--conventions", "cameo", "--petrarch-verbs", str(path))
    (event,) = line["events"]
    assert (event["cameo"], event["type"], event["quad"], event["goldstein"]) == (
        "212",
        None,
        0,
        None,
    )
    (plover,) = code_texts(tmp_path, docs, "--petrarch-verbs", str(path))
    assert [e["cameo"] for e in plover["events"]] == []
    # the store and the exports carry the code and an empty Goldstein score
    store, docs_file = tmp_path / "s.duckdb", tmp_path / "docs.jsonl"
    runner = CliRunner()
    coded = runner.invoke(
        main, ["code", str(docs_file), "--store", str(store), "-q", "--conventions", "cameo",
               "--petrarch-verbs", str(path)],
    )  # fmt: skip
    assert coded.exit_code == 0, coded.output
    out = tmp_path / "events.jsonl"
    exported = runner.invoke(
        main, ["export", "--store", str(store), "--format", "jsonl", "-o", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    (row,) = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert (row["cameo_code"], row["goldstein"], row["quad_class"]) == ("212", None, 0)
    # check-dictionary names the codes CAMEO lacks
    checked = runner.invoke(main, ["check-dictionary", str(path)])
    assert "codes outside CAMEO, coded as given under --conventions cameo: 212" in checked.output


@pytest.mark.slow
def test_the_longest_object_phrase_matched_wins(tmp_path: Path) -> None:
    """Of two patterns as specific, the one whose object phrase matched more words codes
    the act, as PETRARCH takes the longest match: "gold florins" is &HYPER's "GOLD
    FLORIN" [190], not &CURR's "FLORIN" [071], though &CURR comes first."""
    lines = _coded_with(
        tmp_path,
        "&CURR\n+FLORIN\n+DINAR\n\n&HYPER\n+BITCOIN\n+GOLD FLORIN\n\n"
        "--- CONTRIBUTE  [070]  ---\nCONTRIBUTE\n- * &CURR  [071]\n- * &HYPER  [190]\n",
        [
            "Serbia contributed two million gold florins to Kosovo.",
            "Serbia contributed two million florins to Kosovo.",
        ],
    )
    assert _codes(lines) == [["190"], ["071"]]


@pytest.mark.slow
def test_a_patterns_target_marker_names_the_recipient(tmp_path: Path) -> None:
    """ "(WITH +)": the object of "with" is the target; "(AT ^)": the actor there is passed
    over; a source marker after the object ("(OVER $)") is read as the source."""
    verbs = (
        "--- CELEBRATE  [051]  ---\nCELEBRATE\n- * EID (AT ^) (WITH +)  [017]\n"
        "- * VICTORY (OVER $)  [017]\n"
    )
    (tmp_path / "read.txt").write_text(verbs, encoding="utf-8")
    converted = read_verb_dictionary(tmp_path / "read.txt", bundled_ontology())
    assert [str(s) for s in converted.skipped] == []
    (victory,) = [e for e in converted.entries if e.objects == ("victory",)]
    assert victory.source == "prep:over"
    lines = _coded_with(
        tmp_path, verbs, ["Serbia celebrated Eid at Novi Sad with Kosovo on Monday."]
    )
    assert [(e["cameo"], e["target"]["country"]) for e in lines[0]["events"]] == [("017", "XKX")]


@pytest.mark.slow
def test_underscore_compounds_and_a_last_preposition_are_read_as_petrarch_writes_them(
    tmp_path: Path,
) -> None:
    """ "&TIES_MEMOS" is the synset's word and "memos" in a row, not any memos; a
    preposition ending the pattern after its object ("- * &TIES_MEMOS FROM") is the
    object's complement, whose object is the target, as "(FROM)" is; a noun phrase may
    mix words and synsets ("- * IMPROVED &TIES RELATIONS")."""
    lines = _coded_with(
        tmp_path,
        "&TIES\n+MILITARY\n+ECONOMIC\n\n--- WELCOME  [041]  ---\nWELCOME\n"
        "- * &TIES_MEMOS FROM  [911]\n- * &TIES_MEMOS  [912]\n- * IMPROVED &TIES RELATIONS  [904]\n",
        [
            "Serbia welcomed economic memos from Kosovo on Monday.",
            "Serbia welcomed Kosovo's economic memos.",
            "Serbia welcomed memos from Kosovo on Monday.",
            "Serbia welcomed improved military relations with Kosovo.",
        ],
    )
    assert _codes(lines) == [["911"], ["912"], ["041"], ["904"]]
    assert lines[0]["events"][0]["target"]["country"] == "XKX"


NEGATED = """&NOTAUX
+DID N'T
+WILL NOT

--- CRITICIZE  [111]  ---
CRITICIZE
- &NOTAUX * OVER EFFORTS  [051]
- RECENTLY *  [112]
"""


def test_a_negation_before_the_verb_is_the_patterns(tmp_path: Path) -> None:
    """ "- &NOTAUX * OVER EFFORTS" codes "did n't criticize ... over its efforts" as the
    pattern says (its negation is the pattern's, no reason to drop it); without the
    negation the verb's own code holds; other words before the verb ("- RECENTLY *")
    are reported, not read."""
    lines = _coded_with(
        tmp_path,
        NEGATED,
        [
            "Russia didn't criticize Ukraine over its efforts to end the war.",
            "Russia criticized Ukraine over its efforts to end the war.",
            "Russia recently criticized Ukraine.",
        ],
    )
    assert _codes(lines) == [["051"], ["111"], ["111"]]
    path = tmp_path / "verbs.txt"
    converted = read_verb_dictionary(path, bundled_ontology())
    assert any("before the verb" in p.reason for p in converted.skipped)


SOURCE_MARKERS = """--- FREE  [0841]  ---
FREE
- + * (FROM $)  [080]

--- RECEIVE  [---]  ---
RECEIVE
- + * MONEY $  [071]
"""


def test_a_source_marker_names_the_source_and_leaves_the_subject_the_target(
    tmp_path: Path,
) -> None:
    """ "- + * (FROM $)": the object of "from" is the source, the subject the target;
    "- + * MONEY $": the first actor after the object is the source."""
    lines = _coded_with(
        tmp_path,
        SOURCE_MARKERS,
        [
            "Ukrainian soldiers were freed from Russia on Monday.",
            "Ukraine has received money from Germany.",
        ],
    )
    found = [
        [(e["cameo"], e["source"]["country"], e["target"]["country"]) for e in line["events"]]
        for line in lines
    ]
    assert found == [[("080", "RUS", "UKR")], [("071", "DEU", "UKR")]]


def test_a_compound_marker_wants_two_or_more_doers(tmp_path: Path) -> None:
    """ "- % * [030:030]": "Russia and Ukraine agree" is 030 both ways; "Russia agrees"
    keeps the verb's own code."""
    lines = _coded_with(
        tmp_path,
        "--- AGREE  [081]  ---\nAGREE\n- % *  [030:030]\n",
        [
            "Russia and Ukraine agree that the dispute should be settled by arbitration.",
            "Russia agrees with Ukraine that the dispute should be settled by arbitration.",
        ],
    )
    assert [sorted(set(codes)) for codes in _codes(lines)] == [["030"], ["081"]]


@pytest.mark.slow
def test_a_written_form_with_a_block_of_its_own_is_that_verb(tmp_path: Path) -> None:
    """PETRARCH matches the written form: a "LEFT [042:043]" block beside "LEAVE [012]"
    codes "left" as a visit, other forms of "leave" as the leaving."""
    lines = _coded_with(
        tmp_path,
        "--- LEAVE  [012]  ---\nLEAVE\n\n--- LEFT  [042:043]  ---\nLEFT  [042:043]\n",
        [
            "Serbia left Kosovo on Monday.",
            "Serbia will leave Kosovo on Monday.",
        ],
    )
    assert _codes(lines) == [["042"], ["012"]]
