"""The event lexicon as data: bundled entries, user files, and validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscribe.coding.lexicon import load_lexicon, validate_lexicon_file
from eventscribe.config import Settings
from eventscribe.errors import DataFileError
from eventscribe.ontology import bundled_ontology
from eventscribe.pipeline import Coder
from eventscribe.records import CAMEO_ONLY, Article, Event


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_plover_type_has_entries():
    lexicon = load_lexicon(bundled_ontology())
    covered = {entry.type for entry in lexicon.entries if not entry.null}
    # and public statements (CAMEO 01x), coded under --conventions cameo only
    assert covered == set(bundled_ontology().event_types) | {CAMEO_ONLY}


def test_user_entry_is_added_and_fires(tmp_path):
    path = write(tmp_path, "entries:\n  - {verb: snub, type: REJECT, cameo: '120'}\n")
    coder = Coder.build(Settings(lexicons=(path,)))
    text = "Poland snubbed Hungary at the summit."
    events = coder.analyse_text(text, Article(doc_id="u", text=text)).coded.events
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("REJECT", "POL", "HUN")
    ]
    assert "mine.yaml:2" in events[0].explanation


def test_user_entry_overrides_the_builtin_one(tmp_path):
    path = write(tmp_path, "entries:\n  - {verb: praise, type: AGREE, cameo: '030'}\n")
    lexicon = load_lexicon(bundled_ontology(), (path,))
    praise = lexicon.verb_entries("praise")
    assert [(e.type, e.origin.endswith("mine.yaml:2")) for e in praise] == [("AGREE", True)]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("  - {verb: snub, type: REJECT, cameo: '19X'}\n", "unknown CAMEO code '19X'"),
        ("  - {verb: snub, type: REBUFF}\n", "REBUFF"),
        ("  - {verb: snub, type: REJECT, mode: sideways}\n", "sideways"),
        ("  - {verb: snub, type: REJECT, colour: red}\n", "unknown field"),
        ("  - {verb: snub, noun: snub, type: REJECT}\n", "exactly one of"),
        ("  - {verb: snub, type: REJECT, target: [behind]}\n", "unknown target slot"),
        (
            "  - {verb: snub, type: CONSULT, paired: '04X'}\n",
            "unknown CAMEO code '04X' in 'paired'",
        ),
        ("  - {verb: snub, type: REJECT, by: [ARMY]}\n", "'by' takes PLOVER sectors"),
        ("  - {noun: snub, type: REJECT, by: [MIL]}\n", "'by' takes PLOVER sectors"),
        ("  - {noun: snub, type: REJECT, subject: [bomb]}\n", "'subject' takes the head words"),
        # only a code PLOVER has no type for (a public statement) may go without a type
        ("  - {verb: snub, cameo: '120'}\n", "unknown PLOVER event type ''"),
    ],
)
def test_bad_entry_is_reported_with_file_and_line(tmp_path, body, message):
    path = write(tmp_path, "entries:\n  - {verb: rebuke, type: ACCUSE}\n" + body)
    with pytest.raises(DataFileError) as caught:
        validate_lexicon_file(path, bundled_ontology())
    assert f"{path}:3" in str(caught.value)
    assert message in str(caught.value)


def test_an_entry_with_a_statement_code_alone_is_coded_under_cameo_only(tmp_path):
    """A public statement (CAMEO 01x) has no PLOVER type: the entry names its code alone."""
    path = write(tmp_path, "entries:\n  - {verb: snub, object: [remark], cameo: '016'}\n")
    (entry,) = [e for e in load_lexicon(bundled_ontology(), (path,)).entries if e.lemma == "snub"]
    assert (entry.type, entry.cameo, entry.null) == (CAMEO_ONLY, "016", False)


def test_an_entry_can_say_a_phrase_codes_nothing(tmp_path):
    """``nothing: true``: the phrase is no event, though its word has an entry."""
    path = write(tmp_path, "entries:\n  - {noun: police arrest, nothing: true}\n")
    found = _types_coded_with(
        path,
        "Kenya condemned the police arrest of the activist.",
        "Kenya ordered the arrest of the activist.",
    )
    assert "COERCE" not in found[0] and "COERCE" in found[1]


def test_an_entry_that_codes_nothing_takes_no_type(tmp_path):
    path = write(
        tmp_path,
        "entries:\n  - {verb: rebuke, type: ACCUSE}\n  - {noun: arrest, nothing: true, type: COERCE}\n",
    )
    with pytest.raises(DataFileError) as caught:
        validate_lexicon_file(path, bundled_ontology())
    assert f"{path}:3" in str(caught.value) and "codes nothing" in str(caught.value)


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "entries:\n  - {verb: snub, type: REJECT\n  - {verb: x}\n")
    with pytest.raises(DataFileError, match=r"mine\.yaml:\d+: not valid YAML"):
        validate_lexicon_file(path, bundled_ontology())


def test_defending_someone_against_claims_is_verbal_support(code_text):
    events = code_text("The US president defended Saudi Arabia over claims of abuses.").coded.events
    assert ("SUPPORT", "052") in {(e.type, e.cameo) for e in events}


def test_holding_civilians_as_human_shields_is_coded_against_the_civilians(code_text):
    events = code_text(
        "Islamic State militants held thousands of civilians as human shields in Raqqa."
    ).coded.events
    shields = [e for e in events if e.cameo == "184"]
    assert shields and shields[0].target is not None and shields[0].target.sector == "CVL"


def test_synonyms_of_kill_from_the_cameo_dictionary_code_an_assault(coder: Coder) -> None:
    for text in (
        "Gunmen murdered a police officer in Karachi on Sunday.",
        "Militants slew two Nigerian soldiers near Maiduguri.",
    ):
        events = coder.analyse_text(text, Article(doc_id="k", text=text)).coded.events
        assert [(e.type, e.cameo) for e in events] == [("ASSAULT", "190")], text
        assert events[0].target is not None and events[0].target.country in ("PAK", "NGA")


def test_mass_killing_and_killing_by_hand_from_the_cameo_dictionary(coder: Coder) -> None:
    """Phoenix CAMEO.2.0's MASSACRE block (202) and KILL's strangle/decapitate."""
    for text, cameo in (
        ("Rebels slaughtered 11 members of two nomad families near Saida.", "202"),
        ("Gunmen butchered dozens of villagers in Kivu.", "202"),
        ("Militants decapitated a Syrian soldier near Palmyra.", "186"),
        ("A Serbian policeman was strangled in Mitrovica.", "180"),
    ):
        events = coder.analyse_text(text, Article(doc_id="k", text=text)).coded.events
        assert [(e.type, e.cameo) for e in events] == [("ASSAULT", cameo)], text


def test_a_patrol_is_a_show_of_force_with_no_recipient(coder: Coder) -> None:
    text = "Turkish troops patrolled the border villages on Friday."
    events = coder.analyse_text(text, Article(doc_id="p", text=text)).coded.events
    assert [(e.type, e.cameo, e.source.country if e.source else None) for e in events] == [
        ("MOBILIZE", "150", "TUR")
    ]
    assert events[0].target is None


def test_a_verb_entry_can_ask_its_object_for_a_complement(tmp_path):
    """``needs`` on a verb entry with objects: the object must have that preposition
    ("condemned an attack by the rebels", not "condemned the attack on the rebels")."""
    path = write(
        tmp_path,
        "entries:\n  - {verb: condemn, object: [attack], needs: [by], type: ACCUSE, "
        "mode: disapprove, cameo: '112'}\n",
    )
    codes = [
        [e.cameo for e in events]
        for events in _coded_with(
            path,
            "Serbia condemned an attack by Kosovo police on Monday.",
            "Serbia condemned the attack on Kosovo police on Monday.",
        )
    ]
    assert codes[0] == ["112"] and codes[1] != ["112"]


def test_a_verb_entry_without_objects_can_ask_the_verb_for_a_complement(tmp_path):
    """``needs`` on a bare verb entry: the verb itself must have the preposition or the
    infinitive ("beseeched Kosovo to ..."), or it codes nothing."""
    path = write(
        tmp_path,
        "entries:\n  - {verb: beseech, needs: [for, to], type: REQUEST, cameo: '020'}\n",
    )
    found = [
        [e.cameo for e in events if e.trigger.text.startswith("beseech")]
        for events in _coded_with(
            path,
            "Serbia beseeched Kosovo to withdraw its police on Monday.",
            "Serbia beseeched Kosovo for calm on Monday.",
            "Serbia beseeched Kosovo on Monday.",
        )
    ]
    assert found == [["020"], ["020"], []]


def test_check_lexicon_lists_what_a_file_changes_in_the_bundled_coding(tmp_path):
    from click.testing import CliRunner

    from eventscribe.cli import main

    mine = write(
        tmp_path,
        "entries:\n  - {verb: praise, type: AGREE, cameo: '030'}\n"
        "  - {verb: snub, type: REJECT, cameo: '120'}\n",
    )
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- PRAISE  [051] ---\nPRAISE\n--- CONDEMN  [112] ---\nCONDEMN\n")
    result = CliRunner().invoke(main, ["check-lexicon", str(mine), "--petrarch-verbs", str(verbs)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"{mine}: 2 entries, all valid" in lines
    assert f"{mine}: replaces 1 bundled entries with another code" in lines
    assert any(
        line.startswith(f"  {mine}:2: 'praise' AGREE 030 replaces SUPPORT") for line in lines
    )
    # PRAISE [051] is what the bundled lexicon says already; CONDEMN [112] is not
    assert f"{verbs}: replaces 1 bundled entries with another code" in lines
    assert any("verbs.txt:4: 'condemn' ACCUSE 112 replaces ACCUSE 111" in line for line in lines)
    assert CliRunner().invoke(main, ["check-lexicon"]).exit_code == 2


def _types_coded_with(lexicon: Path, *texts: str) -> list[list[str]]:
    """The sorted event types of each text, coded with the bundled lexicon and ``lexicon``."""
    return [sorted(e.type for e in events) for events in _coded_with(lexicon, *texts)]


def _coded_with(lexicon: Path, *texts: str) -> list[tuple[Event, ...]]:
    """The events of each text, coded with the bundled lexicon and ``lexicon``."""
    coder = Coder.build(Settings(lexicons=(lexicon,)))
    return [coder.analyse_text(t, Article(doc_id="n", text=t)).coded.events for t in texts]


def test_a_verb_entry_can_name_the_sectors_of_its_doer(tmp_path):
    """``by``: the act counts only when one of its doers has one of the sectors (the
    subject side of a PETRARCH pattern, "- &MILITARY * &TOWN")."""
    path = write(tmp_path, "entries:\n  - {verb: tour, type: COERCE, mode: seize, by: [MIL]}\n")
    found = _types_coded_with(
        path,
        "Serbian troops toured the village of Banjska.",
        "Serbian students toured the village of Banjska.",
    )
    assert found == [["COERCE"], []]


def test_a_verb_entry_can_name_what_its_subject_must_be(tmp_path):
    """``subject``: the act counts only when the verb's subject is one of the words (the
    subject side of a PETRARCH pattern, "- &WEAPON * [183]"); the doer may go unnamed."""
    path = write(
        tmp_path,
        "entries:\n  - {verb: erupt, subject: [grenade], type: ASSAULT, cameo: '183', "
        "target: [none]}\n",
    )
    found = _types_coded_with(
        path,
        "A grenade erupted outside the Serbian consulate in Pristina.",
        "A volcano erupted outside the Serbian consulate in Pristina.",
    )
    assert found == [["ASSAULT"], []]


def test_a_weapon_going_off_is_a_bombing_by_someone_unnamed(code_text):
    """Phoenix CAMEO.2.0 EXPLODE "- &WEAPON * [183]": the bombing is the event; the
    killing it did is the same act, and its victims are the event's targets."""
    (event,) = code_text(
        "A roadside bomb exploded near a market in Kirkuk, killing four shoppers."
    ).coded.events
    assert (event.type, event.cameo, event.trigger.text) == ("ASSAULT", "183", "exploded")
    assert not event.sources and [a.text for a in event.targets] == ["four shoppers"]
    assert "killing" in [m.text for m in event.mentions]
    assert not code_text("The crowd exploded in anger at the verdict.").coded.events


def test_armed_forces_taking_control_occupy_and_a_vote_does_not(code_text):
    """Phoenix CAMEO.2.0 TAKE "- * CONTROL + [192]", "- &MILITARY * [192]" and "- *
    CONTROL (OF {THE HOUSE}) [---]": control taken by force is an occupation."""
    taken = code_text("Houthi fighters took control of the airport in Aden.").coded.events
    assert [(e.type, e.cameo) for e in taken] == [("COERCE", "192")]
    town = code_text("Rebel fighters took the town of Kidal on Sunday.").coded.events
    assert [(e.type, e.cameo) for e in town] == [("COERCE", "192")]
    assert not code_text("The Democrats took control of the House in January.").coded.events


def test_withdrawing_is_a_retreat_only_for_forces_or_from_somewhere(code_text):
    """Phoenix CAMEO.2.0 RETREAT block: WITHDRAW is 080 (yield) but "- &MILITARY *",
    "- * &MILITARY" and "- * FROM +", which are 0874 (a military retreat)."""
    coded = {
        text: [(e.type, e.cameo) for e in code_text(text).coded.events]
        for text in (
            "Russia has begun withdrawing its troops from Syria.",
            "Serbian troops withdrew after two days of fighting.",
            "Serbia withdrew from the disputed village of Banjska.",
            "The Serbian government withdrew its complaint.",
        )
    }
    assert list(coded.values()) == [
        [("RETREAT", "0874")],
        [("RETREAT", "0874")],
        [("RETREAT", "0874")],
        [("CONCEDE", "080")],
    ]


def test_an_entry_for_certain_doers_stands_beside_the_entry_for_anyone(tmp_path):
    """``by`` (and ``subject``) are part of an entry's key: "troops withdrew" and "the
    government withdrew its complaint" are two entries of one verb, not one replacing
    the other."""
    path = write(
        tmp_path,
        "entries:\n  - {verb: snub, type: REJECT}\n  - {verb: snub, by: [MIL], type: ASSAULT}\n",
    )
    found = _types_coded_with(
        path, "Serbian troops snubbed the monitors.", "The Serbian government snubbed Kosovo."
    )
    assert found == [["ASSAULT"], ["REJECT"]]


def test_armed_forces_entering_a_town_occupy_it(code_text):
    """Phoenix CAMEO.2.0: ENTER "- &MILITARY * &TOWN [192]"; a named place is a town."""
    coded = {
        text: [
            (e.cameo, e.source.country, e.location and e.location.to_contract()["name"])
            for e in events
        ]
        for text in (
            "Serbian troops entered the town of Zvecan on Friday.",
            "Kosovo rebels entered Banjska on Sunday.",
        )
        for events in [code_text(text).coded.events]
    }
    assert list(coded.values()) == [[("192", "SRB", "Zvečan")], [("192", "XKX", "Banjska")]]
    for text in (
        "Russia made a mistake by entering the Syrian conflict.",
        "Thousands of tourists entered the city on Sunday.",
        "The army entered talks with the rebels.",
    ):
        assert not [e for e in code_text(text).coded.events if e.cameo == "192"], text


def test_armed_forces_targeting_positions_attack_them_but_ads_and_sanctions_do_not(code_text):
    """Phoenix CAMEO.2.0: TARGET [190], "- * &MILITARY"; aimed by armed forces or at a
    military position, not a campaign's voters or a sanction's banks."""
    for text in (
        "The Kosovo Security Force targeted rebel positions near the village of Banjska.",
        "Serbian rebels targeted a police checkpoint in Zvecan.",
    ):
        assert [(e.type, e.cameo) for e in code_text(text).coded.events] == [("ASSAULT", "190")], (
            text
        )
    for text in (
        "The new advertising campaign targets young voters in Serbia.",
        "The European sanctions target Russian banks.",
    ):
        assert not [e for e in code_text(text).coded.events if e.type == "ASSAULT"], text


def test_apprehending_someone_is_an_arrest(code_text):
    """Phoenix CAMEO.2.0: APPREHEND [173], beside ARREST."""
    (event,) = code_text(
        "Serbian police apprehended a Kosovo Albanian man near Jarinje."
    ).coded.events
    assert (event.type, event.cameo, event.source.country) == ("COERCE", "173", "SRB")


def test_sharing_intelligence_is_aimed_at_whom_it_is_shared_with_or_at_no_one(code_text):
    # "intelligence" also names a service (a role word): what is shared is not the recipient
    (shared,) = code_text("Kosovo shared intelligence with Albania on Monday.").coded.events
    assert (shared.cameo, shared.target.country) == ("064", "ALB")
    events = code_text(
        "Serbian officials shared intelligence on the smuggling routes."
    ).coded.events
    assert all(t.sector != "SPY" for e in events for t in e.targets)


def test_a_lexicon_object_phrase_matches_with_more_modifiers_before_it(code_text):
    """An entry's object "hunger strike" or "aid worker" is still that phrase with other
    modifiers in front ("a one-week hunger strike", "humanitarian aid workers"), as a
    PETRARCH noun phrase pattern matches its words in order."""
    coded = {
        text: [(e.type, e.cameo) for e in code_text(text).coded.events]
        for text in (
            "Serbian prisoners began a one-week hunger strike in Belgrade.",
            "The Kosovo government expelled humanitarian aid workers from Serbia.",
        )
    }
    assert list(coded.values()) == [[("PROTEST", "142")], [("SANCTION", "1663")]]
    # the words in another order are another phrase
    events = code_text("Serbian prisoners began a strike of hunger in Belgrade.").coded.events
    assert [e.cameo for e in events] != ["142"]


def test_lifting_a_curfew_or_a_state_of_emergency_is_a_concession(code_text):
    """The PLOVER manual's CONCEDE names removing curfews ("effectively, a promise that
    people will not be arrested"); CAMEO 0813 and 0814. A ban lifted stays RETREAT."""
    coded = {
        text: [(e.type, e.cameo, e.quad) for e in code_text(text).coded.events]
        for text in (
            "Serbia lifted the night curfew in Zvecan on Monday.",
            "The Kosovo government eased the curfew in Mitrovica.",
            "Serbia ended the state of emergency in Belgrade.",
            "Serbia lifted its ban on Kosovo goods.",
        )
    }
    assert list(coded.values()) == [
        [("CONCEDE", "0813", 1)],
        [("CONCEDE", "0813", 1)],
        [("CONCEDE", "0814", 1)],
        [("RETREAT", "081", 2)],
    ]


def test_a_pardon_an_amnesty_or_an_acquittal_is_a_concession(code_text):
    """The PLOVER manual's CONCEDE: "formal pardons, acquittals, and amnesties ... should
    be coded as CONCEDE; the actual release ... as RETREAT" (Phoenix: PARDON [080],
    ACQUIT [081], GRANT + PARDON/CLEMENCY [081])."""
    coded = [
        [(e.type, e.cameo) for e in code_text(text).coded.events]
        for text in (
            "Serbia's president pardoned the jailed Kosovo activist.",
            "The Kosovo court acquitted three Serb policemen of war crimes.",
            "Serbia granted an amnesty to 200 prisoners.",
            "Serbia released 200 prisoners on Monday.",
        )
    ]
    assert coded == [
        [("CONCEDE", "080")],
        [("CONCEDE", "081")],
        [("CONCEDE", "081")],
        [("RETREAT", "0841")],
    ]


def test_compensation_paid_is_property_returned(code_text):
    # the Phoenix CAMEO.2.0 dictionary codes PAY + COMPENSATION as 0842 (RETREAT)
    (paid,) = code_text("Serbia paid compensation to 40 Albanian families.").coded.events
    assert (paid.type, paid.cameo) == ("RETREAT", "0842")
    assert [a.country for a in paid.sources] == ["SRB"]
