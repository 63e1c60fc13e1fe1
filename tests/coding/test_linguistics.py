"""The linguistic cases the coder must get right, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.coding.support import dyads


def test_active_voice_codes_subject_to_object(code_text):
    events = code_text("Greece accused Turkey of violating its airspace.").coded.events
    assert ("ACCUSE", "GRC", "TUR") in dyads(events)


def test_passive_voice_takes_the_agent_as_source(code_text):
    events = code_text(
        "Ukrainian soldiers were attacked by Russian troops near the border."
    ).coded.events
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault, "the passive attack was not coded"
    assert assault[0].source.country == "RUS" and assault[0].source.sector == "MIL"
    assert assault[0].target.country == "UKR"


def test_passive_voice_without_agent_keeps_the_target(code_text):
    events = code_text("Two Georgian journalists were arrested in Tbilisi on Monday.").coded.events
    arrests = [e for e in events if e.type == "COERCE"]
    assert arrests and arrests[0].source is None
    assert arrests[0].target.country == "GEO"


def test_negation_suppresses_the_event(code_text):
    analysis = code_text("Russia did not attack Ukraine.")
    assert not [e for e in analysis.coded.events if e.type == "ASSAULT"]
    dropped = [d for d in analysis.decisions if not d.kept]
    assert dropped and "not" in dropped[0].reason


def test_neither_nor_is_no_rejection_and_no_acceptance(code_text):
    events = code_text(
        "The Hungarian government neither accepted nor rejected the Romanian offer."
    ).coded.events
    assert {e.type for e in events}.isdisjoint({"REJECT", "AGREE"})


def test_failure_to_agree_is_no_agreement(code_text):
    events = code_text("Germany and France failed to agree on the budget.").coded.events
    assert not [e for e in events if e.type == "AGREE"]


def test_reported_speech_codes_the_reported_event(code_text):
    text = "Kurti said Serbian police attacked Kosovo Albanian villagers."
    events = code_text(text).coded.events
    assert ("ASSAULT", "SRB", "XKX") in dyads(events)


def test_conjoined_sources_give_one_dyad_each(code_text):
    events = code_text("Vietnam and Laos condemned the attack on the border post.").coded.events
    assert {("ACCUSE", "VNM", None), ("ACCUSE", "LAO", None)} <= dyads(events)


def test_joint_agreement_is_coded_both_ways(code_text):
    events = code_text("Serbia and Kosovo reached an agreement on Thursday.").coded.events
    assert dyads(events) == {("AGREE", "SRB", "XKX"), ("AGREE", "XKX", "SRB")}


def test_conjoined_targets_give_one_event_each(code_text):
    events = code_text("The United States imposed sanctions on Iran and Syria.").coded.events
    assert {("SANCTION", "USA", "IRN"), ("SANCTION", "USA", "SYR")} <= dyads(events)


def test_conjoined_nationality_adjectives_are_two_actors(code_text):
    events = code_text(
        "Senior Polish and Lithuanian officials agreed to cooperate on energy."
    ).coded.events
    sources = {a.country for e in events if e.type == "AGREE" for a in e.sources}
    assert {"POL", "LTU"} <= sources


def test_light_verb_phrase_is_one_trigger(code_text):
    events = code_text("The European Union imposed sanctions on Belarus.").coded.events
    sanction = [e for e in events if e.type == "SANCTION"]
    assert sanction and sanction[0].trigger.text == "imposed sanctions"
    assert (sanction[0].source.country, sanction[0].target.country) == ("EUR", "BLR")


def test_future_cooperation_is_coded_as_agree(code_text):
    events = code_text("France will send aid to Lebanon.").coded.events
    assert ("AGREE", "FRA", "LBN") in dyads(events)
    assert not [e for e in events if e.type == "AID"]


def test_intent_verb_codes_its_complement_once(code_text):
    # one event: the intent to yield (CAMEO 035), not AGREE for "agreed" plus the act
    events = code_text("Serbia agreed to lift the ban on Kosovo goods.").coded.events
    assert [(e.type, e.cameo) for e in events] == [("AGREE", "035")]


def test_readiness_adjective_makes_the_act_future(code_text):
    events = code_text("Pakistan is willing to withdraw its troops from the border.").coded.events
    assert [e.type for e in events] == ["AGREE"]


def test_conditional_clause_is_not_an_event(code_text):
    events = code_text(
        "Iran warned that it would retaliate if Israel attacked its ships."
    ).coded.events
    assert "ASSAULT" not in {e.type for e in events}


def test_purpose_clause_is_not_an_event(code_text):
    analysis = code_text("Farmers blocked the highway to demand lower fuel prices.")
    assert "REQUEST" not in {e.type for e in analysis.coded.events}


def test_weighing_an_act_is_not_intending_it(code_text):
    events = code_text("Japan is considering sending aid to Turkey.").coded.events
    assert not events


def test_threat_is_coded_not_the_threatened_act(code_text):
    events = code_text("Iran threatened to attack Israeli ships.").coded.events
    assert "THREATEN" in {e.type for e in events}
    assert "ASSAULT" not in {e.type for e in events}


def test_request_is_coded_not_the_requested_act(code_text):
    events = code_text("Norway urged Colombia and the rebels to hold talks.").coded.events
    assert ("REQUEST", "NOR", "COL") in dyads(events)
    assert "CONSULT" not in {e.type for e in events}


def test_capital_city_stands_for_the_government(code_text):
    events = code_text("Belgrade rejected the proposal on Tuesday.").coded.events
    reject = [e for e in events if e.type == "REJECT"]
    assert reject and (reject[0].source.country, reject[0].source.sector) == ("SRB", "GOV")


def test_event_offsets_slice_back_to_the_text(code_text):
    text = "On Monday, Chinese troops fired missiles at Taiwanese ships."
    analysis = code_text(text)
    assert analysis.coded.events
    for event in analysis.coded.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.source.start : event.source.end] == event.source.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end


def test_event_ids_are_stable_across_runs(code_text):
    text = "Japan criticised China on Wednesday."
    first = [e.event_id for e in code_text(text).coded.events]
    second = [e.event_id for e in code_text(text).coded.events]
    assert first and first == second


def test_weekday_date_resolves_against_publication_date(code_text):
    events = code_text("On Wednesday, Japan criticised China.", date(2023, 2, 2)).coded.events
    assert events and (events[0].date, events[0].date_precision) == ("2023-02-01", "day")


def test_month_without_year_is_the_most_recent_past_month(code_text):
    events = code_text("In December, Japan criticised China.", date(2023, 2, 2)).coded.events
    assert events and (events[0].date, events[0].date_precision) == ("2022-12", "month")


def test_undated_event_falls_back_to_the_publication_date(code_text):
    events = code_text("Japan criticised China.", date(2023, 2, 2)).coded.events
    assert events and (events[0].date, events[0].date_precision) == ("2023-02-02", "day")
    assert "publication date" in events[0].explanation


def test_the_event_takes_the_date_that_governs_it(code_text):
    text = "Kenya said on Friday that Somali militants had attacked its troops on Tuesday."
    events = code_text(text, date(2023, 2, 4)).coded.events
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and attack[0].date == "2023-01-31"


def test_paragraph_date_carries_to_the_next_sentence(code_text):
    text = "On November 23, Finland and Sweden signed a defence pact. Norway welcomed the pact."
    events = code_text(text, date(2022, 11, 25)).coded.events
    welcome = [e for e in events if e.type == "SUPPORT"]
    assert welcome and welcome[0].date == "2022-11-23"


def test_what_an_act_in_words_is_about_has_its_own_time_and_place(code_text):
    # "condemned NATO's 1999 bombing of Belgrade": the bombing's year and city, not the
    # condemnation's, which falls back on the paragraph's date (here the publication's)
    (condemned,) = code_text(
        "Serbia condemned NATO's 1999 bombing of Belgrade.", date(2023, 2, 2)
    ).coded.events
    assert (condemned.type, condemned.date, condemned.location) == ("ACCUSE", "2023-02-02", None)
    (bombed,) = code_text("NATO bombed Belgrade in 1999.", date(2023, 2, 2)).coded.events
    assert (bombed.date, bombed.location and bombed.location.to_contract()["name"]) == (
        "1999",
        "Belgrade",
    )
    # a visit happens where what is visited is
    (visit,) = code_text(
        "Vucic visited the Serbian Orthodox monastery in Gracanica.", date(2023, 2, 2)
    ).coded.events
    assert visit.location is not None


def test_whom_an_act_in_words_is_addressed_to_is_not_where_it_happened(code_text):
    # "called on Pristina": the capital stands for the government asked, not the place
    (call,) = code_text(
        "The mayor of Mitrovica called on Pristina to withdraw its police.", date(2023, 2, 2)
    ).coded.events
    assert (call.type, call.targets[0].country, call.location) == ("REQUEST", "XKX", None)
    # a locative phrase of the act still says where it was said
    (appeal,) = code_text("Vucic appealed to EU leaders at the summit in Brussels.").coded.events
    assert appeal.location is not None and appeal.location.text == "Brussels"


def test_what_an_act_in_words_asks_or_threatens_happens_elsewhere(code_text):
    # the place of the act asked for or threatened is not where the order or threat was
    for text, kind in (
        ("Russia ordered Britain to reduce its staff at the embassy in Moscow.", "REQUEST"),
        ("Serbia threatened to send troops into northern Kosovo.", "THREATEN"),
    ):
        (event,) = code_text(text).coded.events
        assert (event.type, event.location) == (kind, None), text


def test_a_thing_that_appeals_attracts_and_asks_no_one(code_text):
    text = (
        "Farmers in Rajasthan voted for the BJP. "
        "Its pledge to create jobs appealed to them, and they praised Modi."
    )
    assert "REQUEST" not in [e.type for e in code_text(text).coded.events]
    (appeal,) = code_text("The opposition appealed to the UN for help.").coded.events
    assert appeal.type == "REQUEST"


def test_same_event_stated_twice_is_kept_once_with_the_explicit_date(code_text):
    text = (
        "Turkey thanked Greece for its help.\n\n"
        '"Turkey thanked Greece," a spokesman said on Monday.'
    )
    events = [e for e in code_text(text, date(2023, 2, 9)).coded.events if e.type == "SUPPORT"]
    assert len(events) == 1
    assert events[0].date == "2023-02-06"


def test_event_noun_takes_the_actor_of_the_verb_announcing_it(code_text):
    events = code_text(
        "Afghan President Ashraf Ghani announced a cease-fire with the Taliban."
    ).coded.events
    assert ("RETREAT", "AFG", "AFG") in dyads(events)


def test_event_noun_under_an_event_verb_is_not_given_that_verb_s_subject(code_text):
    events = code_text("Russia condemned the attack on the convoy.").coded.events
    assert ("ACCUSE", "RUS", None) in dyads(events)
    assert not [e for e in events if e.type == "ASSAULT" and e.source and e.source.country == "RUS"]


def test_demand_that_clause_targets_the_clause_subject(code_text):
    events = code_text("Beijing demanded that Japan cancel the arms sale.").coded.events
    assert ("REQUEST", "CHN", "JPN") in dyads(events)


def test_future_material_conflict_is_a_threat(code_text):
    events = code_text("Turkey said it will impose sanctions on Syria.").coded.events
    assert dyads(events) == {("THREATEN", "TUR", "SYR")}


def test_a_background_clause_event_is_not_the_sentences_event(code_text):
    text = "Denmark recalled its ambassador from Iran after protesters attacked the Danish embassy."
    analysis = code_text(text)
    assert {e.type for e in analysis.coded.events} == {"SANCTION"}
    assert any("background" in d.reason for d in analysis.decisions if d.type == "ASSAULT")


def test_while_joins_two_reports_and_both_are_coded(code_text):
    text = "Serbia agreed to stop issuing plates, while Kosovo promised to end the fines."
    sources = {e.source.country for e in code_text(text).coded.events if e.source}
    assert {"SRB", "XKX"} <= sources


def test_repeated_event_lists_its_other_mentions(code_text):
    text = "Chile praised Peru on Monday.\n\nChile praised Peru, the ministry said."
    support = [e for e in code_text(text).coded.events if e.type == "SUPPORT"]
    assert len(support) == 1
    assert [m.text for m in support[0].mentions] == ["praised"]
    assert support[0].mentions[0].start > support[0].trigger.start


def test_negative_subject_negates_the_event(code_text):
    events = code_text("Neither government signed the treaty.").coded.events
    assert not events


def test_time_phrase_is_not_a_particle(code_text):
    # "agreed on Monday" is not the phrasal "agree on": the deal is coded, on its date
    events = code_text(
        "Peru and Chile agreed on Monday to reopen the border.", date(2023, 2, 2)
    ).coded.events
    assert events and all(e.date == "2023-01-30" for e in events)


def test_future_and_deadline_events_are_marked(code_text):
    future = code_text("France will send aid to Lebanon next week.").coded.events
    assert [e.timing for e in future] == ["future"]
    text = "Kosovo police began issuing fines to drivers who had not re-registered by November 21."
    fines = [e for e in code_text(text, date(2022, 11, 30)).coded.events if e.type == "COERCE"]
    assert fines and fines[0].timing == "deadline" and fines[0].date == "2022-11-21"
    past = code_text("Japan criticised China on Monday.").coded.events
    assert [e.timing for e in past] == ["reported"]


def test_office_holder_without_country_is_assumed_domestic(code_text):
    events = code_text(
        "Zimbabwe's opposition accused President Mnangagwu of rigging the vote."
    ).coded.events
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and (accuse[0].target.country, accuse[0].target.sector) == ("ZWE", "GOV")
    assert "assumed" in accuse[0].target.evidence


def test_a_known_foreign_party_is_not_overridden(code_text):
    events = code_text("Russian troops attacked Ukrainian positions.").coded.events
    assert ("ASSAULT", "RUS", "UKR") in dyads(events)


def test_a_recipient_without_country_keeps_its_words(code_text):
    events = code_text("Hungary rejected the council decision on quotas.").coded.events
    reject = [e for e in events if e.type == "REJECT"]
    assert reject and reject[0].target.text == "the council decision"
    assert reject[0].target.country is None and "no country" in reject[0].target.evidence


def test_joint_signing_of_a_named_document_is_still_reciprocal(code_text):
    events = code_text("Chile and Peru agreed the fisheries deal on Friday.").coded.events
    assert len(events) == 1 and events[0].mutual, "one mutual act, not two copies"
    assert dyads(events) == {("AGREE", "CHL", "PER"), ("AGREE", "PER", "CHL")}


def test_failing_to_reach_a_deal_is_a_rejection_by_each_side(code_text):
    events = code_text(
        "Armenia and Azerbaijan failed to reach an agreement on the border after two days of talks."
    ).coded.events
    rejections = dyads([e for e in events if e.type == "REJECT"])
    assert {source for _, source, _ in rejections} == {"ARM", "AZE"}
    assert not [e for e in events if e.type == "AGREE"]


def test_refusing_to_lift_a_ban_is_a_refusal_to_yield(code_text):
    events = code_text("Japan will not lift its ban on seafood imports from China.").coded.events
    refusals = [e for e in events if e.type == "REJECT"]
    assert refusals and refusals[0].cameo == "1241"


def test_a_pronoun_actor_named_earlier_in_the_sentence_is_quoted_by_that_name(code_text):
    text = "The Greek government said on Monday that it rejected the Turkish proposal."
    events = [e for e in code_text(text).coded.events if e.type == "REJECT"]
    assert events and events[0].source is not None
    assert text[events[0].source.start : events[0].source.end] == "The Greek government"
    assert events[0].source.text == "The Greek government"


def test_a_killing_that_an_attack_did_is_the_same_event(code_text):
    analysis = code_text(
        "Rebel fighters shelled an army base near Goma on Sunday, killing six soldiers and wounding ten."
    )
    assaults = [e for e in analysis.coded.events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert any("one event" in d.reason for d in analysis.decisions if not d.kept)


def test_a_participle_with_its_own_subject_is_an_event_of_its_own(code_text):
    events = code_text(
        "Turkish jets bombed Kurdish positions, and Kurdish fighters responded by shelling a Turkish border post."
    ).coded.events
    assert len([e for e in events if e.type == "ASSAULT"]) >= 2


def test_conjoined_passives_share_their_subject_and_agent(code_text):
    events = code_text(
        "Two Malian soldiers were ambushed and killed by rebels near the border."
    ).coded.events
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults and all(e.target is not None and e.target.sector == "MIL" for e in assaults)
    assert all(e.source is not None and e.source.sector == "REB" for e in assaults)


def test_an_arrest_of_a_named_person_no_data_places_is_still_an_event(code_text):
    events = code_text("Jean-Paul Mbarga was arrested in Cameroon on Tuesday.").coded.events
    arrests = [e for e in events if e.type == "COERCE"]
    assert arrests and arrests[0].target is not None and "Mbarga" in arrests[0].target.text


def test_an_attack_someone_denies_is_not_coded(code_text):
    analysis = code_text("The Tunisian minister denied that the army had shelled the town.")
    assert not [e for e in analysis.coded.events if e.type == "ASSAULT"]
    assert any("denied" in d.reason for d in analysis.decisions if not d.kept)


def test_what_a_denied_claim_says_is_not_coded_as_done(code_text):
    # the clause of a claim, charge or report someone denies or dismisses is denied too
    for text in (
        "The Guatemalan government denied charges that it tortured a priest.",
        "The spokesman dismissed accusations that a Russian legislator had attacked journalists.",
    ):
        analysis = code_text(text)
        assert not [e for e in analysis.coded.events if e.type == "ASSAULT"], text
        assert any("denied" in d.reason for d in analysis.decisions if not d.kept), text
    reported = code_text("Ukraine said that Russian troops shelled the plant.").coded.events
    assert [e.type for e in reported] == ["ASSAULT"], "a claim reported, not denied, is coded"


def test_denying_charges_is_a_statement_and_denies_the_charged_act(code_text):
    # CAMEO 016 (deny responsibility; Phoenix: "- * ACCUSATIONS [016]"), which PLOVER
    # does not code; what the charges say was done is not asserted either
    for text in (
        "Cambodia denied charges by the US State Department that it suspended an official.",
        "Serbia rejected accusations that its troops had entered Kosovo.",
    ):
        assert not code_text(text).coded.events, text


def test_who_stops_a_protest_is_not_its_protester(code_text):
    events = code_text(
        "Bolivian authorities imposed a curfew in La Paz to stop fresh demonstrations."
    ).coded.events
    assert any(e.type == "COERCE" for e in events)
    assert not [
        e
        for e in events
        if e.type == "PROTEST"
        and e.source
        and e.source.country == "BOL"
        and e.source.sector == "GOV"
    ]


def test_a_possessive_written_apart_still_names_the_actor(code_text):
    events = code_text(
        "The EU \u2019 s diplomatic chief rejected Israel \u2019 s suggestion ."
    ).coded.events
    assert ("REJECT", "EUR", "ISR") in dyads(events)


def test_an_act_ruled_out_is_a_rejection_by_whoever_says_so(code_text):
    events = code_text(
        "Japanese officials said that lifting the sanctions on Russia is out of the question."
    ).coded.events
    assert ("REJECT", "JPN", "RUS") in dyads(events)
    assert not [e for e in events if e.type == "RETREAT"]


def test_ruling_out_an_act_is_a_rejection(code_text):
    events = code_text(
        "The Thai government ruled out lifting the ban on imports from Cambodia."
    ).coded.events
    assert any(e.type == "REJECT" for e in events) and not [
        e for e in events if e.type == "RETREAT"
    ]


def test_refusing_to_meet_demands_is_a_rejection(code_text):
    events = code_text(
        "The Peruvian government said it would not meet the kidnappers' demands."
    ).coded.events
    assert any(e.type == "REJECT" and e.source and e.source.country == "PER" for e in events)


def test_a_victim_the_text_does_not_place_still_makes_the_event(code_text):
    # an agentless passive whose only actor is a person with no country or sector of
    # their own: the event is kept (and the place of the sentence gives the country)
    events = code_text("A Muslim man was shot dead in Pattani on Sunday.").coded.events
    assert [(e.type, e.source) for e in events] == [("ASSAULT", None)]
    assert events[0].target is not None and events[0].target.name == "Muslim man"
    assert events[0].location is not None and events[0].location.text == "Pattani"


def test_a_verb_the_lemmatizer_misses_is_found_by_its_inflection(code_text):
    # the parser's lemmatizer makes "fin" of "fined" and "rap" of "raped": the lexicon
    # verb is found from the inflected form
    events = code_text("The Nigerian state board fined the Lagos governor on Monday.").coded.events
    assert [e.type for e in events] == ["SANCTION"]
    events = code_text("Soldiers raped two women in Goma on Monday.").coded.events
    assert [e.type for e in events] == ["ASSAULT"]


def test_kin_ranks_and_occupations_are_people_victims(code_text):
    # person nouns beyond "man" and "civilian": kinship, ranks and occupations
    for text, victim in (
        ("A cousin of the mayor was shot dead in Baghdad on Monday.", "cousin"),
        ("Three servicemen were killed in Kandahar on Sunday.", "servicemen"),
        ("Seven hunters were shot dead in Dagestan on Friday.", "hunters"),
    ):
        events = code_text(text).coded.events
        assert [e.type for e in events] == ["ASSAULT"], text
        assert events[0].target is not None and victim in events[0].target.text, text
    assert code_text("Three rooms were searched in Kandahar on Sunday.").coded.events == ()


def test_a_partitive_object_is_read_through_to_what_is_counted(code_text):
    # "a number of positions", "the majority of the camp": the "of" object is acted on
    for text in (
        "Kurdish fighters captured a number of army positions near Kirkuk on Monday.",
        "Rebels seized the majority of the camp near Aleppo.",
    ):
        assert [e.type for e in code_text(text).coded.events] in (["ASSAULT"], ["COERCE"]), text


def test_high_ground_is_something_one_captures(code_text):
    events = code_text("Syrian troops captured the strategic hill near Palmyra.").coded.events
    assert [(e.type, e.source.country if e.source else None) for e in events] == [
        ("ASSAULT", "SYR")
    ]
    assert code_text("The senator captured more votes than his rival.").coded.events == ()


def test_a_thing_is_no_actor_of_an_agentless_event(code_text):
    # "the cars were banned": no one did it and no one it was done to: no event
    assert code_text("The cars were banned on Monday.").coded.events == ()
    killed = code_text("Dozens of civilians were killed in Aleppo on Monday.").coded.events
    assert [(e.type, e.target.country if e.target else None) for e in killed] == [
        ("ASSAULT", "SYR")
    ]


def test_a_partitive_subject_is_read_through_to_who_acted(code_text):
    events = code_text(
        "Thousands of protesters rallied in Tbilisi against the government."
    ).coded.events
    assert [(e.type, e.source.name if e.source else None) for e in events] == [
        ("PROTEST", "protesters")
    ]


def test_a_collective_noun_of_people_is_read_through_to_its_members(code_text):
    # "a band of rebels": the band names no one; the rebels raided
    (raid,) = code_text("A band of rebels raided the town of Birao on Monday.").coded.events
    assert raid.type == "COERCE" and raid.source is not None
    assert (raid.source.name, raid.source.sector) == ("rebels", "REB")


def test_a_day_is_never_the_recipient(code_text):
    events = code_text("Opposition supporters marched in Nairobi on Sunday.").coded.events
    assert [e.type for e in events] == ["PROTEST"]
    # the place is the first actor of the verb phrase (PETRARCH's convention); the day never
    assert [t.text for t in events[0].targets] == ["Nairobi"]


def test_hoping_to_sign_is_an_intention_not_a_signing(code_text):
    # "hopes" was lemmatised "hop", so the intention went unseen and the deal counted as signed
    (event,) = code_text("Russia hopes to sign a deal with China.").coded.events
    assert event.type == "AGREE" and event.cameo != "057"


def test_where_a_foreign_party_sits_is_no_clue_to_the_other_party(code_text):
    (visit,) = code_text(
        "The following year former prime minister Habib Essid visited NATO headquarters in Brussels."
    ).coded.events
    assert visit.source is not None and visit.source.country is None, "Brussels is NATO's seat"
    (clash,) = code_text("Protesters clashed with police in Kirkuk.").coded.events
    assert clash.source is not None and clash.source.country == "IRQ"


def test_not_hung_on_an_adverb_still_negates_the_verb(code_text):
    # "did not even ever criticise": the parser attaches "not" to "even", not to the verb
    analysis = code_text("Serbia did not even ever criticise Kosovo.")
    assert not analysis.coded.events
    assert any("negated by 'not'" in d.reason for d in analysis.decisions if not d.kept)


def test_a_regions_adjective_is_no_clue_to_a_peoples_state(code_text):
    # "Kurdish" is the adjective of Kurdistan, a region of Iraq in the gazetteer; Kurds
    # live in four states, so the word alone says none of them
    (event,) = code_text("Gunmen killed 24 Kurdish fighters on Saturday.").coded.events
    assert [a.country for a in event.targets] == [None]
    (shelling,) = code_text("Syrian troops shelled the town.").coded.events
    assert shelling.source is not None and shelling.source.country == "SYR"


def test_a_relative_clause_that_reports_a_past_act_is_coded_with_its_antecedent(code_text):
    events = code_text(
        "Chadian rebels, who attacked an army post near the border on Monday, fled into Sudan."
    ).coded.events
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults and assaults[0].source.country == "TCD"
    assert assaults[0].source.text == "Chadian rebels"  # not "who"
    assert assaults[0].timing == "background"  # told as background: often reported before


def test_the_relative_pronoun_as_object_stands_for_its_antecedent(code_text):
    events = code_text(
        "The cyberattack, which the Estonian government blamed on Russia, shut down banks."
    ).coded.events
    assert ("ACCUSE", "EST", "RUS") in dyads(events)


def test_a_relative_clause_in_the_present_describes_and_is_not_coded(code_text):
    events = code_text(
        "Macedonia, which is preparing an offensive against Albanian guerrillas, asked NATO "
        "for help."
    ).coded.events
    assert not [e for e in events if e.type == "ASSAULT"]


def test_an_event_noun_that_breaks_out_takes_the_verbs_phrases(code_text):
    # a verb of occurrence ("broke out", "took place", "erupted") tells that its subject's
    # event happened; who took part, where and when are phrases of that verb
    (clash,) = code_text(
        "Clashes broke out between police and students in Dhaka on Monday.", date(2024, 3, 6)
    ).coded.events
    assert clash.type == "ASSAULT" and clash.trigger.text == "Clashes broke out"
    assert [a.text for a in clash.sources] == ["police", "students"]
    assert clash.location is not None and clash.location.text == "Dhaka"
    assert clash.date == "2024-03-04"  # the Monday before


def test_a_hyphenated_event_noun_that_takes_place_keeps_its_whole_trigger(code_text):
    (sit_in,) = code_text("A sit-in by Serbian students took place in Belgrade.").coded.events
    assert sit_in.type == "PROTEST"
    assert sit_in.trigger.text == "sit-in by Serbian students took place"


def test_an_event_that_did_not_break_out_is_not_coded(code_text):
    analysis = code_text("Fighting did not erupt between Serbian and Kosovar police.")
    assert not analysis.coded.events
    assert any("not" in d.reason for d in analysis.decisions if not d.kept)


def test_an_attack_that_took_place_with_no_one_named_is_an_event_of_unknown_actors(code_text):
    # conflict event data records an attack the text says happened though it names no
    # attacker; where it took place is the verb's phrase
    (attack,) = code_text("The attack took place in the town of Kirkuk.").coded.events
    assert attack.type == "ASSAULT" and not attack.sources and not attack.targets
    assert attack.location is not None and attack.location.text == "Kirkuk"
    # an act in words or of cooperation is nothing without who made it; an act foretold
    # or denied did not happen
    for text in (
        "The talks took place in Geneva.",
        "The protests will continue in Belgrade.",
        "No attack took place in Kirkuk.",
    ):
        assert not code_text(text).coded.events, text


def test_a_passive_adjunct_clause_befalls_the_subject_of_its_clause(code_text):
    # subject control into a clause of time: the one detained is the one beaten
    events = code_text("The activist was detained after being beaten by Serbian police.").coded
    (beating,) = [e for e in events.events if e.type == "ASSAULT"]
    assert [a.text for a in beating.sources] == ["Serbian police"]
    assert [a.text for a in beating.targets] == ["The activist"]
    (shooting,) = [
        e
        for e in code_text("Two journalists were abducted before being shot.").coded.events
        if e.trigger.text == "shot"
    ]
    assert [a.text for a in shooting.targets] == ["Two journalists"]


def test_the_person_acted_on_is_the_recipient_not_the_victim_of_the_crime_charged(code_text):
    # no table places "the man" or "the officer", but they are whom the act is aimed at;
    # the victims named in the charge are not, nor those of a clause about the person
    for text, person in (
        (
            "Police arrested the man in connection with the killing of a Serbian policeman.",
            "the man",
        ),
        ("Police arrested a youth charged with the murder of a Japanese man.", "a youth"),
    ):
        (arrest,) = [e for e in code_text(text).coded.events if e.type == "COERCE"]
        assert [a.text for a in arrest.targets] == [person]
    (charge,) = code_text(
        "Prosecutors accused the officer of torturing Palestinian prisoners."
    ).coded.events
    assert [a.text for a in charge.targets] == ["the officer"]
    # the person's own phrase may still place them
    (placed,) = code_text("Police arrested a man from Kosovo on Monday.").coded.events
    assert [a.country for a in placed.targets] == ["XKX"]


def test_a_negated_verb_denies_its_infinitive(code_text):
    # "did not try to", "were not able to", "would not be allowed to", "never managed to":
    # the act in the infinitive did not happen
    for text in (
        "Russia did not try to attack Ukraine.",
        "Serbian police were not able to arrest the suspects.",
        "National Guard troops would not be allowed to arrest migrants.",
        "Serbia never managed to capture the town.",
        "Russia does not want to attack Ukraine.",
    ):
        analysis = code_text(text)
        assert not analysis.coded.events, text
        assert any("negated by" in d.reason for d in analysis.decisions if not d.kept), text


def test_an_adjective_of_inability_denies_its_infinitive_without_a_rejection(code_text):
    # "unable to", "powerless to": the act did not happen, and no one refused it
    for text in (
        "Serbian police were unable to arrest the suspects.",
        "The peacekeepers were powerless to stop the attack on the village.",
    ):
        analysis = code_text(text)
        assert not analysis.coded.events, text
        assert any("negated by" in d.reason for d in analysis.decisions if not d.kept), text
    (able,) = code_text("Serbian police were able to arrest the suspects.").coded.events
    assert able.type == "COERCE"


def test_an_adjective_of_ability_is_as_done_as_its_clause(code_text):
    # "were able to arrest" says they arrested; "will be able to" only that they may
    (done,) = code_text("Serbian police were able to arrest the suspects.").coded.events
    assert done.type == "COERCE"
    for text in (
        "Kosovo police will be able to arrest the suspects.",
        "Residents will be able to visit the regional office in Nelson.",
    ):
        analysis = code_text(text)
        assert not analysis.coded.events, text
        assert any("only possible" in d.reason for d in analysis.decisions if not d.kept), text


def test_a_negated_permission_denies_what_it_would_permit(code_text):
    # "refused to allow the planes to land and evacuate": an infinitive with its own
    # subject is as undone as the verb it depends on, and so is its conjunct
    analysis = code_text(
        "Angolan rebels refused to allow UN planes to land and evacuate the observers."
    )
    assert [e.type for e in analysis.coded.events] == ["REJECT"]
    allowed = code_text("Angolan rebels allowed UN planes to land and evacuate the observers.")
    assert "AID" in [e.type for e in allowed.coded.events]


def test_an_object_parsed_as_the_subject_of_a_following_infinitive_is_the_object(code_text):
    # "declared a state of siege to begin at midnight": the parser hangs "a state" on "begin"
    (declared,) = code_text(
        "Bolivian authorities declared a state of siege to begin at midnight Friday."
    ).coded.events
    assert (declared.type, declared.cameo) == ("COERCE", "1724")


def test_a_negation_that_asserts_the_infinitive_keeps_it(code_text):
    events = code_text("Israel did not hesitate to strike Hamas positions in Gaza.").coded.events
    assert [e.type for e in events] == ["ASSAULT"]


def test_a_headlines_passive_makes_its_subject_whom_it_befell(code_text):
    # headlines drop the auxiliary: "Opposition leader detained in Minsk" is a passive
    for text, target in (
        ("Opposition leader detained in Minsk.", "Opposition leader"),
        ("Three Turkish journalists arrested over coup links.", "Three Turkish journalists"),
    ):
        (event,) = code_text(text).coded.events
        assert event.type == "COERCE" and event.sources == (), text
        assert [a.text for a in event.targets] == [target], text
    # a participle on a noun with no verb above it: the headline's act, by its agent
    (detention,) = code_text("Kurdish mayor detained by Turkish police").coded.events
    assert [a.text for a in detention.sources] == ["Turkish police"]
    assert [a.text for a in detention.targets] == ["Kurdish mayor"]
    # a verb that may go without its object keeps its active reading
    (attack,) = code_text("Chechen rebels attacked at dawn.").coded.events
    assert [a.text for a in attack.sources] == ["Chechen rebels"]
    # and an object makes it active
    (arrest,) = code_text("Belarusian police arrested the opposition leader.").coded.events
    assert [a.text for a in arrest.sources] == ["Belarusian police"]


def test_deploying_a_thing_that_is_no_force_is_no_mobilisation(code_text):
    analysis = code_text("The Estonian company deployed new software across its offices.")
    assert not analysis.coded.events
    assert any("no force" in d.reason for d in analysis.decisions if not d.kept)
    for text in (
        "NATO deployed 300 troops to Estonia.",
        "Russia deployed warships to the Black Sea.",
        "Britain deployed a number of Typhoon jets to Romania.",
    ):
        assert [e.type for e in code_text(text).coded.events] == ["MOBILIZE"], text


def test_an_actors_words_stop_before_a_clause_deeper_in_its_phrase(code_text):
    # a clause about an apposition ("a group seeking to ...", "who filed complaints") or a
    # preposition with a gerund ("from holding office") says something about the actor;
    # it does not name it
    (strikes,) = code_text(
        "The U.S. military carried out air strikes against al-Shabab, an al-Qaeda-affiliated "
        "group seeking to overthrow the Somali government."
    ).coded.events
    assert [a.text for a in strikes.targets] == ["al-Shabab, an al-Qaeda-affiliated group"]
    (ban,) = code_text(
        "Venezuela has banned a second opposition member, former mayor Vicencio Scarano, "
        "from holding public office for a year."
    ).coded.events
    assert [a.text for a in ban.targets] == [
        "a second opposition member, former mayor Vicencio Scarano"
    ]


def test_a_sum_beside_a_thing_measures_it_and_is_not_what_is_given(code_text):
    # "duties on $3 billion of goods": the sum measures the duties; nothing is given
    events = code_text("Beijing announced separate import duties on $3 billion of U.S. goods.")
    assert not [e for e in events.coded.events if e.type == "AID"]
    # with a recipient as the object, the sum is what is given
    (loan,) = code_text(
        "The United States provided Brazil with $1.5 billion in loan guarantees."
    ).coded.events
    assert loan.type == "AID" and [a.country for a in loan.targets] == ["BRA"]


def test_a_number_of_a_currency_is_a_sum_of_money(code_text):
    # also where the entity recogniser does not label "28 million euros" as money
    (aid,) = code_text("Germany provided 28 million euros to Yemen.").coded.events
    assert aid.type == "AID" and [a.country for a in aid.targets] == ["YEM"]


def test_an_act_harmed_or_hindered_is_not_done_by_the_subject(code_text):
    analysis = code_text(
        "The arrival of NATO troops could have upset Algeria, possibly harming security "
        "cooperation with Tunisia."
    )
    assert not [e for e in analysis.coded.events if e.type == "COOPERATE"]


def test_shutting_down_a_thing_no_one_runs_is_no_coercion(code_text):
    analysis = code_text("Facebook is shutting down a feature that let people search users.")
    assert not analysis.coded.events
    events = code_text("Police shut down the protest camp in Minsk.").coded.events
    assert [e.type for e in events] == ["COERCE"]


def test_an_event_noun_is_not_done_when_its_verb_does_not_assert_it(code_text):
    # the governing verb's condition, purpose, request or negation is the noun's too
    for text in (
        "Nigeria will withdraw unless the president arranges a ceasefire with the rebels.",
        "The Taliban did not declare a ceasefire.",
        "Trump urges the UN to renew Iran sanctions.",
    ):
        types = [e.type for e in code_text(text).coded.events]
        assert "RETREAT" not in types and "SANCTION" not in types, text
    # asserted, it stays
    (ceasefire,) = code_text("The Taliban declared a ceasefire.").coded.events
    assert ceasefire.type == "RETREAT"


def test_a_call_for_someone_to_act_asks_them(code_text):
    # "for ... to": the infinitive's subject is asked to act
    events = code_text("The UN called for Israel to halt settlement construction.").coded.events
    assert ("REQUEST", "UNO", "ISR") in dyads(events)
    # a passive infinitive asks its agent, and what is asked for is not done
    events = code_text("Amnesty called for the prisoners to be released by Iran.").coded.events
    assert [(e.type, [a.country for a in e.targets]) for e in events] == [("REQUEST", ["IRN"])]


@pytest.mark.parametrize(
    ("text", "type_", "source"),
    [
        ("Many of the demonstrators threw stones at the police.", "PROTEST", "the demonstrators"),
        ("Some of the rebels surrendered to the army.", "RETREAT", "the rebels"),
        ("Several of the Serbian officials met Kosovo's prime minister.", "CONSULT",
         "the Serbian officials"),
    ],
)  # fmt: skip
def test_a_quantifier_of_a_group_acts_as_that_group(code_text, text, type_, source):
    events = [e for e in code_text(text).coded.events if e.type == type_]
    assert [s.text for e in events for s in e.sources] == [source]


def test_an_adjective_with_a_determiner_in_a_noun_slot_is_a_noun(code_text):
    # the tagger reads "offensive" before a time phrase as an adjective; with its article
    # in the object slot it is the noun, and the launch is an attack
    events = code_text(
        "Turkish troops launched an offensive last night in the countryside."
    ).coded.events
    assert ("ASSAULT", "TUR", None) in dyads(events)


def test_a_modal_without_its_verb_asks_for_nothing(code_text):
    # VP ellipsis: "it shouldn't [happen]" names no act anyone is asked to do (with the
    # typographic apostrophe of news text the parser makes the modal a conjunct)
    events = code_text(
        "Portugal will not take the refugees back. That won\u2019t happen, and it shouldn\u2019t."
    ).coded.events
    assert not [e for e in events if e.type == "REQUEST"]


def test_a_participle_with_a_determiner_in_a_noun_slot_names_a_person(code_text):
    # "the accused" is the person accused, not an accusation reported here
    events = code_text(
        "The accused, named as John Smith, was unable to appear before the court today."
    ).coded.events
    assert not [e for e in events if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN withdrew peacekeepers from the Golan Heights on Friday.",
        "Russia withdrew troops from the Golan Heights.",
    ],
)
def test_the_forces_withdrawn_are_not_whom_it_is_aimed_at(code_text, text):
    events = code_text(text).coded.events
    assert events
    assert all(
        "peacekeepers" not in (t.text or "") and "troops" not in (t.text or "")
        for e in events
        for t in e.targets
    )


def test_a_word_with_its_own_subject_and_object_is_a_verb(code_text):
    # a headline's present tense: the tagger reads "hand" as a noun
    events = code_text(
        "Japan and the UN hand over urgently needed medical supplies to the Kenyan government."
    ).coded.events
    assert ("AID", "JPN", "KEN") in dyads(events)


def test_a_gerund_after_a_preposition_of_the_clause_is_done_by_its_subject(code_text):
    # subject control of an adjunct: "by expelling", "in calling for"
    events = code_text(
        "By expelling two Russian diplomats, Estonia responded to the incident."
    ).coded.events
    assert ("SANCTION", "EST", "RUS") in dyads(events)
    calls = code_text(
        "In calling for new elections, the Georgian president defied the ruling party."
    ).coded.events
    assert any(e.type == "REQUEST" and e.source and e.source.country == "GEO" for e in calls)


def test_a_gerund_after_from_is_not_done_by_the_subject(code_text):
    # "blocked lawyers from visiting": the lawyers would visit, and did not
    events = code_text(
        "Police in Minsk blocked lawyers from visiting the jailed opposition leader."
    ).coded.events
    assert not any(e.type == "CONSULT" and e.source and e.source.sector == "COP" for e in events)


def test_an_event_noun_after_coordinated_modifiers_is_still_the_object(code_text):
    # "a new air and ground offensive": the parser makes "air" the head and hangs the
    # real head after it; an English noun phrase ends with its head
    events = code_text(
        "Russia launched a new air and ground offensive against Ukrainian positions."
    ).coded.events
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("ASSAULT", "RUS", "UKR")
    ]


def test_verbs_of_bodily_harm_name_whom_they_harm(code_text):
    # a headline's passive and a number standing for people: stab, beat, lynch ...
    (beating,) = code_text("Belarusian protester beaten in Minsk").coded.events
    assert beating.source is None and beating.target is not None
    assert beating.target.country == "BLR"
    stabbings = [e for e in code_text("Two were stabbed in Nairobi.").coded.events]
    assert [e.type for e in stabbings] == ["ASSAULT"]


def test_an_agreement_named_by_what_it_settles_is_that_settlement(code_text):
    # "the ceasefire agreement" is the ceasefire: violating it violates the ceasefire
    (broken,) = code_text("Russia violated the ceasefire agreement in Ukraine.").coded.events
    assert broken.type == "ASSAULT" and broken.cameo == "196"
    (broken,) = code_text("The rebels broke the truce deal with Mali.").coded.events
    assert broken.cameo == "196"
    # an agreement about something else is no ceasefire
    assert not code_text("Russia violated the trade agreement with Ukraine.").coded.events


def test_what_people_gather_or_travel_for_is_what_they_do(code_text):
    # a purpose after a verb of motion or gathering, as an infinitive or as an event noun
    # after "for", is done by the movers; its tense and negation are the movers'
    (rally,) = code_text("Thousands of Serbs converged on Belgrade for a rally.").coded.events
    assert rally.type == "PROTEST" and [a.country for a in rally.sources] == ["SRB"]
    (protest,) = code_text("Hundreds of Albanians gathered in Pristina to protest.").coded.events
    assert protest.type == "PROTEST"
    assert not code_text("Serbs did not gather in Belgrade for a rally.").coded.events


def test_a_plural_pronoun_is_no_place_named_as_where_someone_is(code_text):
    # "lived in Belgrade" names where the men lived: "they" are not Belgrade
    (attack,) = code_text(
        "The men who lived in Belgrade said they were attacked by masked gunmen."
    ).coded.events
    assert attack.type == "ASSAULT"
    assert not [a for a in attack.targets if a.country == "SRB"]
    # a group named before it still is ("Kosovo police ..., and they arrested")
    events = code_text(
        "Kosovo police raided houses in northern Serbia, and they arrested two men."
    ).coded.events
    (arrest,) = [e for e in events if e.cameo == "173"]
    assert [a.text for a in arrest.sources] == ["Kosovo police"]
