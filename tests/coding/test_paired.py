"""Acts that involve both sides alike (visits, talks, calls) are coded from each side,
with CAMEO's paired codes, on sentences written for these tests."""

from __future__ import annotations

from eventscribe.records import dyads as dyad_rows
from tests.coding.support import dyads


def codes(events):
    """(type, CAMEO code, source, target) of each dyad row."""
    return {
        (
            e.type,
            row.cameo,
            row.source.country if row.source else None,
            row.target.country if row.target else None,
        )
        for e in events
        for row in dyad_rows(e)
    }


def test_a_visit_is_also_the_hosting_of_the_visitor(code_text):
    events = code_text("The Portuguese prime minister visited Morocco on Tuesday.").coded.events
    assert ("CONSULT", "042", "PRT", "MAR") in codes(events)
    assert ("CONSULT", "043", "MAR", "PRT") in codes(events)


def test_talks_with_someone_are_talks_from_both_sides(code_text):
    events = code_text("Chilean diplomats held talks with Peruvian officials in Lima.").coded.events
    assert {("CONSULT", "CHL", "PER"), ("CONSULT", "PER", "CHL")} <= dyads(events)


def test_a_future_meeting_is_intent_on_both_sides(code_text):
    events = code_text(
        "The Kenyan president will meet the Tanzanian president next week."
    ).coded.events
    assert {("AGREE", "KEN", "TZA"), ("AGREE", "TZA", "KEN")} <= dyads(events)
    assert {e.cameo for e in events if e.type == "AGREE"} == {"036"}


def test_the_paired_event_says_where_it_comes_from(code_text):
    events = code_text("The Portuguese prime minister visited Morocco on Tuesday.").coded.events
    assert len(events) == 1, "a visit is one event; the hosting is its paired dyad row"
    assert events[0].paired_cameo == "043" and "paired" in events[0].explanation


def test_one_sided_acts_are_not_paired(code_text):
    events = code_text("Ecuador accused Colombia of violating its airspace.").coded.events
    assert ("ACCUSE", "ECU", "COL") in dyads(events)
    assert ("ACCUSE", "COL", "ECU") not in dyads(events)


def test_no_paired_event_for_a_recipient_without_country_or_sector(code_text):
    events = code_text("The Finnish foreign minister met Mr Halvorsen on Monday.").coded.events
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults and all(e.source is not None and e.source.country == "FIN" for e in consults)


def test_a_call_to_a_titled_name_is_a_phone_consultation(code_text):
    events = code_text(
        "The Kenyan president called President Samia Suluhu Hassan on Friday."
    ).coded.events
    assert ("CONSULT", "041", "KEN", "TZA") in codes(events)


def test_calling_someone_names_is_no_phone_call(code_text):
    events = code_text(
        "The Polish president called the Russian leader a war criminal."
    ).coded.events
    assert not [e for e in events if e.type == "CONSULT"]


def test_the_topic_of_talks_is_no_party_to_them(code_text):
    events = code_text(
        "Putin will meet Erdogan in Ankara next week for talks that will touch on Syria and Iraq."
    ).coded.events
    assert not [e for e in events if e.source and e.source.country in {"SYR", "IRQ"}]


def test_talks_between_two_states_are_held_by_both(code_text):
    events = code_text(
        "Talks between Armenia and Azerbaijan resumed in Geneva on Monday."
    ).coded.events
    assert {("CONSULT", "ARM", "AZE"), ("CONSULT", "AZE", "ARM")} <= dyads(events)
