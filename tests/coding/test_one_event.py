"""One event per act: every actor of the act in ``sources``/``targets``; a mutual act
once, marked ``mutual``; its dyad rows (what GDELT/ICEWS users count) derived from it."""

from __future__ import annotations

from eventscribe.records import Article, event_to_contract
from eventscribe.records import dyads as dyad_rows
from tests.support import code_texts


def test_aid_for_two_countries_is_one_event_with_two_targets(code_text):
    events = [
        e
        for e in code_text("The European Union sent aid for Chad and Niger.").coded.events
        if e.type == "AID"
    ]
    assert len(events) == 1
    assert [a.country for a in events[0].targets] == ["TCD", "NER"]
    assert {(r.source.country, r.target.country) for r in dyad_rows(events[0])} == {
        ("EUR", "TCD"),
        ("EUR", "NER"),
    }


def test_a_mutual_act_is_one_event_with_both_sides_each_way(code_text):
    events = [
        e
        for e in code_text("Russia and China agreed to expand trade.").coded.events
        if e.type == "AGREE"
    ]
    assert len(events) == 1 and events[0].mutual
    event = events[0]
    assert (
        {a.country for a in event.sources} == {a.country for a in event.targets} == {"RUS", "CHN"}
    )
    rows = {(r.source.country, r.target.country) for r in dyad_rows(event)}
    assert rows == {("RUS", "CHN"), ("CHN", "RUS")}, "both ways, never an actor with itself"
    assert event.source.country != event.target.country


def test_a_paired_act_gives_the_reverse_row_its_own_code(code_text):
    (event,) = code_text("The Portuguese prime minister visited Morocco on Tuesday.").coded.events
    rows = {(r.cameo, r.source.country, r.target.country) for r in dyad_rows(event)}
    assert rows == {("042", "PRT", "MAR"), ("043", "MAR", "PRT")}


def test_the_contract_lists_every_actor_and_keeps_the_first_as_source_and_target(code_text):
    (event,) = [
        e
        for e in code_text("The European Union sent aid for Chad and Niger.").coded.events
        if e.type == "AID"
    ]
    line = event_to_contract(event)
    assert [a["country"] for a in line["targets"]] == ["TCD", "NER"]
    assert line["target"] == line["targets"][0] and line["source"] == line["sources"][0]
    assert line["mutual"] is False and line["paired_cameo"] is None


def test_a_list_with_an_article_inside_is_every_member_not_an_apposition(code_text):
    # the parser reads "the Philippines" as an apposition of Mexico and hangs the rest
    # of the list on it; every country of the list is a source
    (event,) = code_text(
        "Mexico, the Philippines, Brazil and Chile welcomed the agreement with Iran."
    ).coded.events
    assert [a.country for a in event.sources] == ["MEX", "PHL", "BRA", "CHL"]
    assert [a.text for a in event.sources][1] == "the Philippines"


def test_an_apposition_that_describes_stays_part_of_its_actor(code_text):
    (event,) = code_text("Kosovo, the former Serbian province, and Serbia agreed.").coded.events
    assert [a.country for a in event.sources] == ["XKX", "SRB"]


def test_a_second_attack_verb_sharing_the_subject_is_the_same_attack(code_text):
    analysis = code_text(
        "Chadian rebels killed three soldiers and wounded five Nigerian villagers."
    )
    assaults = [e for e in analysis.coded.events if e.type == "ASSAULT"]
    assert len(assaults) == 1  # one attack, as PLOVER and CAMEO code it
    assert [a.country for a in assaults[0].targets][-1] == "NGA"  # both verbs' recipients
    assert any("one event" in d.reason for d in analysis.decisions if d.trigger == "wounded")


def test_verbs_of_two_kinds_of_act_stay_two_events(code_text):
    events = code_text("Kenyan police arrested two men and killed a third.").coded.events
    assert {e.type for e in events} == {"COERCE", "ASSAULT"}


def test_killed_and_wounded_in_one_attack_is_one_event_with_both_groups(code_text):
    """A passive attack verb conjoined to another, whose subject says to whom it was done
    (its own auxiliary or a gapped one), is the same act: one event, both recipients."""
    for text in (
        "Six civilians were killed and another nine were wounded in the blast in Mitrovica.",
        "At least five people were killed and 77 others wounded in a car bomb attack in Beirut.",
    ):
        events = [e for e in code_text(text).coded.events if e.type == "ASSAULT"]
        assert len(events) == 1, text
        assert [a.text for a in events[0].targets][1:] in (["another nine"], ["77 others"])


def test_a_gapped_passive_takes_its_own_subject_as_its_patient(coder):
    """ "11 people were killed and 9 wounded": the 9 were wounded, not the 11."""
    text = "At least 11 people were killed and 9 wounded on Saturday in firing."
    analysis = coder.analyse_text(text, Article(doc_id="g", text=text))
    kept = [d for d in analysis.decisions if d.kept or "one event" in d.reason]
    wounded = [d for d in kept if d.trigger == "wounded"]
    assert wounded, "gunfire is no natural force: the wounding is not dropped"
    (event,) = analysis.coded.events
    assert [a.text for a in event.targets] == ["At least 11 people", "9"]


def test_an_unnamed_recipient_with_a_code_the_event_has_adds_no_dyad(code_text):
    # PETRARCH codes one event per pair of codes; a dyad row per pair is what users count
    (event,) = code_text(
        "Kosovo police arrested Serbian Interior Minister Bratislav Gasic and two other "
        "Serbian officials near the border."
    ).coded.events
    assert [a.name for a in event.targets] == ["Bratislav Gasic"]
    # two named people with one code stay two
    (met,) = code_text(
        "The EU envoy met Aleksandar Vucic and Ana Brnabic in Belgrade."
    ).coded.events
    assert [a.country for a in met.targets] == ["SRB", "SRB"]


def test_what_protesters_demand_in_a_participle_clause_is_the_protests_topic(code_text):
    """The PLOVER manual: the topic of a protest, typically a REQUEST, is not coded as a
    separate event."""
    for text in (
        "Thousands of Serbs demonstrated in Mitrovica, calling for the mayor's release.",
        "Kosovo Serbs staged rallies in Zvecan, demanding that Kosovo withdraw its police.",
    ):
        assert [e.type for e in code_text(text).coded.events] == ["PROTEST"], text
    # a demand with its own subject, not what the protest asks
    events = code_text(
        "Serbs demonstrated in Mitrovica and the Serbian government called for the release"
        " of the mayor."
    ).coded.events
    assert sorted(e.type for e in events) == ["PROTEST", "REQUEST"]


def test_verbs_sharing_one_object_act_on_it_and_the_subject_is_their_doer(code_text):
    # right node raising: the object after the last of two joined verbs is each verb's;
    # the first verb is no headline passive of its subject ("Police arrested" ...)
    (attack,) = code_text("Gunmen killed and wounded dozens of people in Kabul.").coded.events
    assert [a.text for a in attack.sources] == ["Gunmen"]
    assert [(a.name, a.sector) for a in attack.targets] == [("people", "CVL")]
    events = code_text("Police arrested and charged two men.").coded.events
    assert [a.text for e in events for a in e.sources] == ["Police"] * len(events)
    assert all(a.text == "two men" for e in events for a in e.targets)
    # two verbs of one type on one object tell of one act
    (aid,) = code_text(
        "Serbia donated and delivered 20 tons of medicine to the hospital in Mitrovica."
    ).coded.events
    assert aid.type == "AID"


def test_a_headlines_passive_is_shared_by_the_participle_joined_to_it(code_text):
    events = code_text("Opposition leader detained and beaten in Minsk.").coded.events
    assert {e.type for e in events} == {"COERCE", "ASSAULT"}
    assert all([a.text for a in e.targets] == ["Opposition leader"] for e in events)
    assert all(not e.sources for e in events), "no one is said to have done it"


def test_a_word_of_a_trigger_phrase_is_no_act_of_its_own(code_text):
    # the tagger takes "demands" for a verb; it is the object of "meet ... demands"
    events = code_text(
        "The U.S. said it would not meet hostage-takers demands to release prisoners in Iraq."
    ).coded.events
    assert [e.type for e in events] == ["REJECT"]


def test_a_refusal_is_aimed_at_whom_the_refused_act_was(code_text):
    # not at the peacekeepers, who are Pakistan's own and would have gone to Iraq
    (refusal,) = code_text("Pakistan has refused to deploy peacekeepers in Iraq.").coded.events
    assert (refusal.type, [a.name for a in refusal.targets]) == ("REJECT", ["Iraq"])


def test_declining_is_a_refusal_once_and_declining_to_comment_is_none(code_text):
    (refusal,) = code_text("Kosovo declined to attend the talks with Serbia.").coded.events
    assert (refusal.type, refusal.source.country, refusal.target.country) == (
        "REJECT",
        "XKX",
        "SRB",
    )
    assert not code_text("Exports declined sharply in March.").coded.events  # a fall
    # refusing to speak is a statement (CAMEO 011), which PLOVER does not code
    assert not code_text("The ministry declined to comment on the report.").coded.events
    # the refusal coded at its complement ("not resign" is CAMEO 1231) is one event
    (once,) = code_text("The vice-president of Kenya has refused to resign.").coded.events
    assert once.cameo == "1231"


def test_a_participle_or_second_verb_of_the_same_act_is_a_mention_of_it(tmp_path):
    text = (
        "Rebels shelled an army base near Goma on Sunday, killing six soldiers."
        " A roadside bomb killed one soldier and wounded two others in Kandahar."
    )
    (doc,) = code_texts(tmp_path, [("a", None, text)])
    by_trigger = {e["trigger"]["text"]: e for e in doc["events"] if e["type"] == "ASSAULT"}
    assert set(by_trigger) == {"shelled", "killed"}  # one event per act
    assert [m["text"] for m in by_trigger["shelled"]["mentions"]] == ["killing"]
    assert [m["text"] for m in by_trigger["killed"]["mentions"]] == ["wounded"]
