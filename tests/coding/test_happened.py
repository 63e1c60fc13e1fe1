"""Only acts that happened, by real actors, in their right sense (issue: validity on
unseen news). Sentences written for these tests; each names the construction it checks."""

from __future__ import annotations

import json

import pytest

from tests.coding.support import dyads


def _types(code_text, text: str) -> set[str]:
    return {e.type for e in code_text(text).coded.events}


def _dropped(code_text, text: str) -> list[str]:
    return [d.reason for d in code_text(text).decisions if not d.kept]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Hurricane Betsy destroyed the church.", "ASSAULT"),
        ("The quakes have killed 30,000 people in Turkey.", "ASSAULT"),
        ("Floods destroyed hundreds of homes in Pakistan.", "ASSAULT"),
        ("Forty villagers were killed by the cyclone in Myanmar.", "ASSAULT"),
        ("Cholera killed 200 people in Yemen last month.", "ASSAULT"),
    ],
)
def test_natural_forces_diseases_and_accidents_never_attack(code_text, text, act):
    assert act not in _types(code_text, text)


def test_explain_names_the_natural_force_that_dropped_the_act(code_text):
    reasons = _dropped(code_text, "Hurricane Betsy destroyed the church.")
    assert any("'Hurricane' is a natural force" in reason for reason in reasons)


def test_an_attacker_next_to_a_storm_still_attacks(code_text):
    text = "Rebels attacked an army post in Mali during a storm."
    assert "ASSAULT" in _types(code_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "Serbia signed nothing in Brussels.",
        "Neither of them signed the agreement.",
        "None of the parties attended the talks in Geneva.",
        "Nobody was arrested after the protest in Paris.",
        "No country recognised the new government.",
        "Putin never met Zelensky.",
    ],
)
def test_negative_quantifiers_negate_the_act(code_text, text):
    assert not _types(code_text, text)


def test_a_message_handed_over_is_no_material_act(code_text):
    text = "The delegation handed over a petition to the governor."
    assert not {"RETREAT", "AID"} & _types(code_text, text)


def test_handing_over_a_town_is_still_a_retreat(code_text):
    text = "The rebels handed over the town to the Malian army."
    assert "RETREAT" in _types(code_text, text)


def test_a_press_release_is_no_release_of_prisoners(code_text):
    assert "RETREAT" not in _types(code_text, "The ministry issued a release on Monday.")
    assert "RETREAT" in _types(
        code_text, "Israel announced the release of 30 Palestinian prisoners."
    )


def test_an_intent_is_coded_as_what_it_is_not_as_done(code_text):
    # "wants to impose" is Germany's own intent: a threat of sanctions, no sanction
    events = code_text("Germany wants to impose sanctions on Iran.").coded.events
    assert ("THREATEN", "DEU", "IRN") in dyads(events)
    assert "SANCTION" not in {e.type for e in events}


def test_what_one_wants_of_another_is_not_done(code_text):
    events = code_text("The United States wants Serbia to withdraw its troops.").coded.events
    assert "RETREAT" not in {e.type for e in events}
    assert "REQUEST" in _types(code_text, "The United States urged Serbia to withdraw its troops.")


def test_a_wish_is_no_act(code_text):
    assert "CONSULT" not in _types(code_text, "Japan wished to hold talks with China.")


def test_what_is_promised_on_a_condition_did_not_happen(code_text):
    text = "Kosovo will release the prisoners on condition that Serbia withdraws its troops."
    events = code_text(text).coded.events
    assert not [e for e in events if e.type == "RETREAT" and e.source and e.source.country == "SRB"]


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        ("France dispatched envoys to mediate between Mali and Niger.", ("CONSULT", "FRA", "MLI")),
        ("Egypt sent a delegation to Gaza to negotiate with Hamas.", ("CONSULT", "EGY", "PSE")),
    ],
)
def test_a_purpose_after_a_verb_of_means_is_the_main_subjects_act(code_text, text, dyad):
    assert dyad in dyads(code_text(text).coded.events)


def test_a_purpose_after_other_verbs_is_no_act(code_text):
    text = "Students blocked roads in Dhaka to press the government to resign."
    assert "REQUEST" not in _types(code_text, text) or "PROTEST" in _types(code_text, text)


@pytest.mark.slow
def test_real_news_errors_are_gone_through_the_cli(tmp_path):
    from click.testing import CliRunner

    from eventscribe.cli import main

    texts = [
        "Hurricane Betsy destroyed the church in the town.",
        "The quakes have killed 30,000 people in Turkey and Syria.",
        "Vucic said he had signed nothing in Brussels.",
        "Neither of them signed it, officials in Pristina said.",
    ]
    source = tmp_path / "news.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": f"d{n}", "date": "2023-02-02", "text": t}) + "\n"
            for n, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["code", str(source), "--format", "jsonl", "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == len(texts)
    assert not [e for doc in docs for e in doc["events"] if e["type"] in {"ASSAULT", "SUPPORT"}]


def test_a_relative_clause_in_the_present_describes_and_is_not_coded(code_text):
    text = "Police arrested the Kenyan activists who block the main road every Friday."
    analysis = code_text(text)
    assert "PROTEST" not in {e.type for e in analysis.coded.events}
    assert any("relative clause" in d.reason for d in analysis.decisions if not d.kept)


def test_a_past_act_in_a_relative_clause_happened_and_is_coded(code_text):
    # the pronoun in the clause is not the noun it describes: the rebels kidnapped
    text = (
        "The Sudanese rebels said they will free the two Kenyan aid workers whom they "
        "kidnapped in March."
    )
    events = code_text(text).coded.events
    kidnappings = [e for e in events if e.trigger.text == "kidnapped"]
    assert kidnappings and kidnappings[0].source.country == "SDN"
    assert kidnappings[0].target.country == "KEN"
    # also when the clause describes a noun deeper in the object phrase
    deeper = code_text(
        "Sudanese rebels said they will free a Kenyan pilot and two members of his crew, "
        "whom they kidnapped in March."
    ).coded.events
    kidnapped = [e for e in deeper if e.trigger.text == "kidnapped"]
    assert kidnapped and kidnapped[0].source.country == "SDN"


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment in India hit its highest level in 16 months in March.",
        "The carmaker's president shot down rumours of a new engine.",
        "The projects have been executed by army engineers.",
        "Cheap imports destroyed thousands of factory jobs in Ohio.",
    ],
)
def test_a_verb_of_assault_in_another_sense_is_no_attack(code_text, text):
    assert "ASSAULT" not in _types(code_text, text)


def test_an_act_after_without_did_not_happen_and_names_no_recipient(code_text):
    # "without consulting Russia": no consultation, and Russia is not what was launched at
    (operation,) = code_text(
        "Turkey launched the operation without consulting Russia."
    ).coded.events
    assert operation.type == "ASSAULT" and operation.target is None
    events = code_text(
        "The plan commits Belgrade to talks without requiring it to recognise Kosovo."
    ).coded.events
    assert "REQUEST" not in [e.type for e in events]


@pytest.mark.parametrize(
    ("text", "requested"),
    [
        ("The law requires Russia to report its emissions.", False),
        ("US legislation that would require the government to justify it was proposed.", False),
        ("The government required Iran to disclose its stockpile.", True),
    ],
)
def test_what_a_thing_requires_is_no_request(code_text, text, requested):
    # a law or a rule states a requirement; only someone makes a request
    assert ("REQUEST" in _types(code_text, text)) is requested


@pytest.mark.parametrize(
    ("text", "released"),
    [
        ("The company is releasing a new version of its software.", False),
        ("The ministry released a statement on the talks in Kiev.", False),
        ("Hamas released two Israeli hostages on Friday.", True),
        ("Iran freed the French sailors.", True),
    ],
)
def test_a_release_is_of_people(code_text, text, released):
    assert ("RETREAT" in _types(code_text, text)) is released


@pytest.mark.parametrize(
    "text",
    [
        "Rebels hit an army convoy near Gao.",
        "Police shot two protesters in Nairobi.",
        "Gunmen stormed the hotel in Mogadishu.",
        "Israeli jets struck targets in Gaza.",
    ],
)
def test_the_same_verbs_aimed_at_people_or_places_are_attacks(code_text, text):
    assert "ASSAULT" in _types(code_text, text)


def test_an_organisation_named_after_a_natural_force_still_acts(code_text):
    reasons = _dropped(code_text, "The Fire Department criticised the mayor of Boston.")
    assert not any("natural force" in reason for reason in reasons)


def test_a_call_is_a_request_only_with_what_it_calls_for(code_text):
    assert "REQUEST" not in _types(
        code_text, "The family in Ohio received six calls from people in Texas."
    )
    assert "REQUEST" in _types(
        code_text, "Russia rejected a call by France for a ceasefire in Syria."
    ) or "REJECT" in _types(code_text, "Russia rejected a call by France for a ceasefire in Syria.")
    assert "REQUEST" in _types(code_text, "The UN renewed its call for restraint in Gaza.")


# Word sense by what a verb takes (its complements): a request says what is asked for, an
# offer of cooperation names a cooperative act, a demonstration has no object.
@pytest.mark.parametrize(
    "text",
    [
        '"Why should this motion be brought now?" the opposition leader in Colombo asked.',
        "Reporters in Moscow asked why the women had stayed quiet.",
        "When asked about the strike, the Serbian minister declined to comment.",
        "Journalists asked the Kenyan minister whether the talks would resume.",
    ],
)
def test_a_question_is_no_request(code_text, text):
    assert "REQUEST" not in _types(code_text, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Indian government asked the Supreme Court to clarify the rules.",
        "Prosecutors in Seoul had asked for Park to receive a long sentence.",
        "Canadian police are asking anyone who saw the attack to contact them.",
        "Serbia asked the European Union for help.",
        "The Serbian minister asked that the vote be delayed.",
    ],
)
def test_a_request_names_what_is_asked_for(code_text, text):
    assert "REQUEST" in _types(code_text, text)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Turkey offered to mediate between Russia and Ukraine.", None),
        ("Germany offered aid to Syria.", "033"),
        ("Italy offered the United States attack helicopters and fighter jets.", "0332"),
        ("Serbia offered talks to Kosovo.", "036"),
    ],
)
def test_an_offer_of_cooperation_is_an_intent(code_text, text, cameo):
    events = [e for e in code_text(text).coded.events if e.type == "AGREE"]
    assert events
    assert cameo is None or cameo in {e.cameo for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "The shops in Virginia offer groceries and garden tools.",
        "The Boise Fire Department offered these tips for cooking safely.",
        "Congressman Diaz-Balart offered remarks at the event in Florida.",
    ],
)
def test_an_offer_of_goods_or_words_is_no_event(code_text, text):
    assert "AGREE" not in _types(code_text, text)


def test_demonstrating_something_is_no_protest(code_text):
    text = "The Serbian government demonstrated its commitment to the talks."
    assert "PROTEST" not in _types(code_text, text)
    reasons = _dropped(code_text, text)
    assert any("another sense" in reason for reason in reasons)
    assert "PROTEST" in _types(
        code_text, "Thousands of students demonstrated against the government in Belgrade."
    )


def test_support_is_backing_for_someone(code_text):
    assert "SUPPORT" in _types(code_text, "Russia voiced its support for Serbia.")
    assert "SUPPORT" not in _types(code_text, "Teachers in Oklahoma risk losing public support.")
    assert "SUPPORT" not in _types(
        code_text, "The hospital in Liverpool can turn off his life support."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Serbian minister talked about the economy in Belgrade.",
        "The Chinese firm also discussed six trends in the industry.",
        "Serbian President Vucic talked about the Kosovo police in Belgrade.",
    ],
)
def test_a_consultation_with_one_side_is_speech(code_text, text):
    assert "CONSULT" not in _types(code_text, text)
    assert any("needs two sides" in reason for reason in _dropped(code_text, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Serbian and Kosovan ministers discussed trade in Brussels.",
        "Serbia and Kosovo held talks in Brussels.",
        "Vucic talked with Kurti in Brussels.",
        "The two delegations met in Geneva.",
    ],
)
def test_a_consultation_of_two_sides_is_an_event(code_text, text):
    assert "CONSULT" in _types(code_text, text)


def test_a_hyphenated_compound_is_one_word_not_its_last_part(code_text):
    # a think-tank is no tank: "hit" with it as object is no attack (the parser may make
    # an apposition a second object); a sit-in is still a protest
    text = (
        "The unemployment rate in India, nearly two-thirds of whose 1.3 billion people are "
        "under 35 years old, hit its highest level in 16 months in March at 6.23 percent, "
        "according to the Centre for Monitoring Indian Economy (CMIE), an independent "
        "think-tank."
    )
    assert "ASSAULT" not in _types(code_text, text)
    assert "PROTEST" in _types(code_text, "Serbian students staged a sit-in at the ministry.")


def test_a_public_consultation_is_no_meeting(code_text):
    # a consultation is a meeting with whom it is held, not a call for the public's views
    text = "Britain's consultation on a new EU Aviation Strategy closed on Monday."
    assert "CONSULT" not in _types(code_text, text)
    assert "CONSULT" in _types(
        code_text, "Serbian President Vucic's consultation with Kosovo's Kurti ended in Brussels."
    )


def test_signing_is_an_agreement_only_with_someone_or_of_an_agreement(code_text):
    assert "SUPPORT" not in _types(code_text, "Oklahoma Gov. Mary Fallin signed legislation.")
    assert "SUPPORT" not in _types(code_text, "Thirty Sri Lankan legislators signed a petition.")
    assert "SUPPORT" in _types(code_text, "Serbia signed an agreement with Kosovo.")
    assert "SUPPORT" in _types(code_text, "The Russian President signed with Belarus a deal.")


@pytest.mark.parametrize(
    "text",
    [
        "Housing officer Clare Curley agreed that there was a need to increase inspections.",
        "The Maltese finance minister agreed the rules were a very big problem.",
        "The Greek court agreed with accusations that the minister had abused her office.",
        "Aliki Meirmaridou, the Greek psychologist, agrees.",
    ],
)
def test_one_side_agreeing_with_a_clause_states_an_opinion(code_text, text):
    assert "AGREE" not in _types(code_text, text)
    assert any("states an opinion" in reason for reason in _dropped(code_text, text))


@pytest.mark.parametrize(
    "text",
    [
        "Serbia agreed to withdraw its police from the border.",
        "Serbia and Kosovo agreed that talks would resume in Brussels.",
        "The Canadian government agreed with the Senate that the law should change.",
    ],
)
def test_an_agreement_to_act_or_with_another_side_is_an_event(code_text, text):
    assert "AGREE" in _types(code_text, text)


def test_conceding_a_point_is_an_admission_not_a_concession(code_text):
    text = "The Canadian mayor concedes the number could be a little optimistic."
    assert "CONCEDE" not in _types(code_text, text)
    assert "CONCEDE" in _types(code_text, "The Serbian opposition conceded defeat.")


def test_pressing_is_a_demand_only_on_someone_or_for_something(code_text):
    assert "REQUEST" not in _types(
        code_text, "Turkish forces pressed into a Syrian Kurdish enclave."
    )
    assert "REQUEST" in _types(code_text, "The United States pressed Serbia to recognise Kosovo.")
    assert "REQUEST" in _types(code_text, "Albanian protesters pressed their demands in Tirana.")


def test_a_plea_in_court_and_a_requirement_are_no_requests(code_text):
    for text in (
        "The three Serbian suspects pleaded not guilty to murder in Belgrade.",
        "In 2003 the Kenyan officer pleaded guilty to the murders.",
        "Texas state law requires that school districts provide bus service.",
    ):
        assert "REQUEST" not in _types(code_text, text), text
    assert "REQUEST" in _types(code_text, "Serbia pleaded with the European Union for help.")
    assert "REQUEST" in _types(
        code_text, "Kosovo's authorities required the local Serbs to re-register their cars."
    )


def test_a_charge_is_an_accusation_with_what_it_charges(code_text):
    assert "ACCUSE" in _types(code_text, "Kenyan police charged the activist with treason.")
    assert "ACCUSE" in _types(code_text, "Two Serbs were charged in the killing in Pristina.")
    assert "ACCUSE" not in _types(
        code_text, "The Canadian premier wants to start charging a carbon tax."
    )


def test_what_a_charge_says_was_done_is_not_coded_as_done(code_text):
    # "charged with aiding": the charge, as "arrested for collaborating" is
    types = _types(code_text, "Kenyan prosecutors charged the mayor with aiding Somali rebels.")
    assert "ACCUSE" in types and "AID" not in types


@pytest.mark.parametrize(
    "text",
    [
        "Chinese authorities released a white paper on religion in Beijing.",
        "The Dutch company is releasing a new feature for its customers in Amsterdam.",
        "The day before she vanished, the British woman withdrew $1,273.80 from her account.",
        "The British woman withdrew the money from her account in London.",
        "The Indian man kept withdrawing his mother's pension in Kolkata.",
    ],
)
def test_releasing_or_withdrawing_things_is_no_retreat(code_text, text):
    assert "RETREAT" not in _types(code_text, text)


def test_withdrawing_troops_and_releasing_prisoners_stay_retreats(code_text):
    assert "RETREAT" in _types(code_text, "Russia withdrew its troops from the Kherson region.")
    assert "RETREAT" in _types(code_text, "Israel released 30 Palestinian prisoners.")


def test_paying_tribute_is_no_visit(code_text):
    assert "CONSULT" not in _types(code_text, "The Irish boy paid tribute to his teachers.")
    assert "CONSULT" in _types(code_text, "The Serbian president paid a visit to Moscow.")


def test_calling_off_a_strike_eases_dissent_and_refusing_to_end_it_is_a_rejection(code_text):
    # CAMEO 082 (ease political dissent) and 1242 (refuse to ease popular dissent)
    (called,) = code_text("Brazilian truck drivers called off a four-day strike.").coded.events
    assert (called.cameo, called.quad) == ("082", 2)
    (refused,) = code_text(
        "Chilean teachers said they will not end the strike until their demands are met."
    ).coded.events
    assert (refused.type, refused.cameo) == ("REJECT", "1242")


def test_forces_leaving_a_place_retreat_and_others_travel(code_text):
    (left,) = code_text("Russian troops left the city of Kherson on Friday.").coded.events
    assert (left.type, left.mode) == ("RETREAT", "withdraw")
    assert not code_text("The French president left Paris for Berlin.").coded.events


def test_refusing_to_release_people_or_property_is_a_rejection_but_not_a_product(code_text):
    # CAMEO 1243: refuse to release persons or property
    for text in (
        "The rebels will not release the kidnap victims.",
        "British marines said they will not release the Iranian oil tanker.",
    ):
        assert [e.cameo for e in code_text(text).coded.events] == ["1243"], text
    assert not code_text("The Korean company will not release a new album this year.").coded.events


def test_finding_someone_guilty_is_a_conviction_and_not_guilty_is_none(code_text):
    # CAMEO 116 (find guilty or liable), as "convicted"
    for text in (
        "A Danish court found the former official guilty of fraud.",
        "The former official was found guilty of fraud by a Danish court.",
    ):
        (found,) = code_text(text).coded.events
        assert found.cameo == "116", text
        assert found.target.text.lower() == "the former official", text
    assert not code_text("The former official was found not guilty of fraud.").coded.events


def test_the_direct_objects_entry_comes_before_its_of_objects(code_text):
    # "announced a suspension of aid": the suspension is announced, not aid
    (suspended,) = code_text("Denmark announced a suspension of aid to Egypt.").coded.events
    assert suspended.type == "SANCTION"
    (given,) = code_text("Japan announced 25,000 tons of food aid to North Korea.").coded.events
    assert given.type == "AID"


def test_a_date_after_a_preposition_is_no_object_of_the_verb(code_text):
    # "by March 31" is when, not a march that was suspended
    assert not code_text(
        "The Russian consulate would have to suspend work by March 31."
    ).coded.events


def test_a_cardiac_arrest_is_no_arrest(code_text):
    assert "COERCE" not in _types(code_text, "The Kenyan prisoner had a cardiac arrest in Nairobi.")
    assert "COERCE" in _types(code_text, "Kenyan police arrested the activist in Nairobi.")


def test_a_risk_is_no_threat_and_advice_against_an_act_is_no_act(code_text):
    assert "THREATEN" not in _types(
        code_text, "American officials sought to downplay the threat of a trade dispute."
    )
    assert "THREATEN" in _types(code_text, "Russia renewed its threat to cut gas to Ukraine.")
    assert "SUPPORT" not in _types(
        code_text, "Trump ignored advice against congratulating the Russian president."
    )


def test_protesting_that_something_is_so_is_no_demonstration(code_text):
    text = "The British comedian protested that he could not sleep in Salford."
    assert "PROTEST" not in _types(code_text, text)
    assert "PROTEST" in _types(code_text, "Students protested against the government in Belgrade.")


def test_hosting_a_show_or_a_workshop_is_no_visit(code_text):
    for text in (
        "The Montgomery County Democrats will host the forum in Maryland on Saturday.",
        "The Irish company will host four energy workshops across the county.",
    ):
        assert not {"CONSULT", "AGREE"} & _types(code_text, text), text
    assert "CONSULT" in _types(code_text, "Serbia hosted the Hungarian president in Belgrade.")


@pytest.mark.parametrize(
    "text",
    [
        # an infinitive chain under a request: what is asked is not done
        "Ecuador called on the UN agencies to continue to provide aid to the refugees.",
        # a purpose under a means verb that is itself only demanded
        "The mayor said the city should use the money to support the displaced families.",
    ],
)
def test_an_act_under_an_undone_governor_is_not_done(code_text, text):
    assert not _types(code_text, text) & {"AID", "SUPPORT"}


def test_an_act_admitted_in_a_relative_clause_still_happened(code_text):
    events = code_text(
        "The soldier signed a statement in which he admitted killing two villagers in Kidal."
    ).coded.events
    assert "ASSAULT" in {e.type for e in events}


def test_an_event_noun_with_a_negative_determiner_did_not_happen(code_text):
    text = "The governor said there had been no request by the Chilean government to Peru."
    assert "REQUEST" not in _types(code_text, text)
    assert any("no request" in reason for reason in _dropped(code_text, text))
    # without the determiner the request stands
    assert "REQUEST" in _types(code_text, "The request by Chile to Peru was a surprise.")


@pytest.mark.parametrize(
    "text",
    [
        # a speaker no table names shares a view too
        "Speaking for the farmers, I agree with those complaints.",
        # a comment put inside another clause, as "he said" is
        "Keeping the border open, both Lopez and Garcia agree, has been the hardest part.",
    ],
)
def test_agreeing_with_a_view_is_an_opinion_not_an_agreement(code_text, text):
    assert "AGREE" not in _types(code_text, text)


def test_people_who_clash_with_each_other_quarrel_in_words(code_text):
    assert "ASSAULT" not in _types(
        code_text, "The finance minister, Peter Hansen, clashed with John Miller over the budget."
    )
    # groups and forces still fight
    assert "ASSAULT" in _types(code_text, "Students clashed with riot police in Santiago.")


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin says the move means sanctions by the United States against Russia.",
        "Mali says the plan requires a ceasefire by the rebels in Kidal.",
    ],
)
def test_an_event_noun_that_something_would_mean_or_need_is_no_event(code_text, text):
    assert not _types(code_text, text) & {"SANCTION", "RETREAT", "AGREE"}


def test_falling_glass_attacks_no_one(code_text):
    assert "ASSAULT" not in _types(code_text, "A woman in Kharkiv was struck by glass.")


@pytest.mark.parametrize(
    "text",
    [
        # the thing a participle describes is what was released ("data", lemma "datum")
        "The latest data released by the statistics office of Chile shows a fall in exports.",
        "The ministry of Peru released new data on Monday.",
    ],
)
def test_released_data_frees_no_one(code_text, text):
    assert "RETREAT" not in _types(code_text, text)


def test_a_visit_by_no_one_known_is_no_event(code_text):
    text = "Last year 3 million passengers travelled between Lisbon and Madrid."
    assert "CONSULT" not in _types(code_text, text)
    assert "CONSULT" in _types(code_text, "The Portuguese president travelled to Madrid.")


def test_breaking_an_agreement_is_no_agreement(code_text):
    text = "Eritrea and Ethiopia are violating the peace agreement by fighting near Zalambessa."
    assert "AGREE" not in _types(code_text, text)


def test_what_someone_did_not_say_is_not_asserted(code_text):
    text = "The spokesman did not say that Chad attacked the convoy."
    assert "ASSAULT" not in _types(code_text, text)
    assert "ASSAULT" in _types(code_text, "The spokesman said that Chad attacked the convoy.")


def test_a_contrasted_second_verb_does_not_share_the_negation(code_text):
    events = code_text("Serbia did not attack the town but shelled its outskirts.").coded.events
    assert [e.trigger.text for e in events if e.type == "ASSAULT"] == ["shelled"]


def test_demand_for_goods_is_no_political_demand(code_text):
    text = "Chilean firms will have a strong demand for copper from China, Chile said."
    assert "REQUEST" not in _types(code_text, text)
    assert "REQUEST" in _types(code_text, "The rebels in Chad repeated their demand for talks.")


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # what someone needs to do
        ("Chile needs to have closer cooperation with Peru, the minister said.", "COOPERATE"),
        ("Bolivia needs to withdraw its troops from the border.", "RETREAT"),
        # what someone should or must do, with no one reported to say so
        ("Belarus should release all political prisoners.", "RETREAT"),
        ("They agreed that Kenya must support the mission in Haiti.", "SUPPORT"),
        # a fronted negative adverbial negates the verb
        ("At no time did the guards provide medical care to the prisoners in Kidal.", "AID"),
        ("Under no circumstances will Ghana attack Togo, the minister said.", "THREATEN"),
        # ... also when the parser hangs it on the inverted auxiliary
        ("At no time did Serbian police attack the Kosovo convoy.", "ASSAULT"),
        ("Serbian police have by no means attacked the convoy.", "ASSAULT"),
        # an intent under a condition is only that condition's
        ("The party will boycott the vote unless the president agrees to step down.", "AGREE"),
    ],
)
def test_an_act_needed_owed_ruled_out_or_conditional_is_not_done(code_text, text, act):
    assert act not in _types(code_text, text)


def test_what_someone_should_do_said_by_another_is_their_demand(code_text):
    said = code_text("Belarus should release all political prisoners, the EU said.").coded.events
    assert "REQUEST" in {e.type for e in said}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # an event noun as the object of a verb of intent, request or deliberation is
        # what its infinitive would be ("planned to attack", "wants to sanction")
        ("The European Union is considering sanctions against Russia.", "SANCTION"),
        ("Germany wants sanctions against Russia.", "SANCTION"),
        ("The rebels planned an attack on the army base.", "ASSAULT"),
        ("The minister planned talks with Russia.", "CONSULT"),
    ],
)
def test_an_intended_asked_or_weighed_act_did_not_happen(code_text, text, act):
    assert act not in _types(code_text, text)


def test_a_planned_attack_is_a_threat_and_planned_talks_an_intent(code_text):
    # PLOVER's rule for future acts, as the Phoenix dictionary's PLAN + &FIGHT, TALKS
    assert "THREATEN" in _types(code_text, "The rebels planned an attack on the army base.")
    assert "AGREE" in _types(code_text, "The minister planned talks with Russia.")


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # a noun the text presents as known is an act referred to, not one proposed
        ("The rebels planned the attack on the army base.", "ASSAULT"),
        # verbs whose noun object is done, whatever their infinitive means
        ("The two armies undertook joint exercises.", "COOPERATE"),
        ("The militia committed atrocities against civilians.", "ASSAULT"),
    ],
)
def test_a_known_or_performed_act_still_happened(code_text, text, act):
    assert act in _types(code_text, text)


def test_suggesting_talks_is_an_appeal_to_meet(code_text):
    events = code_text("Germany recommended talks between Serbia and Kosovo.").coded.events
    assert [(e.type, e.cameo) for e in events] == [("REQUEST", "026")]
    assert ("REQUEST", "DEU", "SRB") in dyads(events)
    assert not code_text("Analysts suggest talks will fail.").coded.events


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the subject of a verb of perceiving, recording, weighing or undergoing an act
        # is not the act's actor
        ("The journalist filmed the assaults on the protesters.", "The journalist"),
        ("The Foreign Office was reviewing the Russian request.", "The Foreign Office"),
        ("North Korea can receive aid after it disarms.", "North Korea"),
        ("A UN team will monitor the ceasefire in Yemen.", "A UN team"),
        ("The British government is considering the Russian request.", "The British government"),
    ],
)
def test_who_watches_tells_of_or_undergoes_an_act_does_not_do_it(code_text, text, subject):
    for event in code_text(text).coded.events:
        assert subject not in [s.text for s in event.sources], event


def test_who_announces_an_act_still_does_it(code_text):
    events = code_text("The Afghan president announced a ceasefire with the Taliban.").coded.events
    assert any(e.sources and e.sources[0].country == "AFG" for e in events)


def test_an_act_named_as_the_object_of_a_future_verb_is_future(code_text):
    # "agreed to undertake exercises": PLOVER codes an agreed future act as AGREE
    events = code_text("Jordan and Britain have agreed to undertake joint military exercises.")
    assert {e.type for e in events.coded.events} == {"AGREE"}
    talks = code_text("Turkey will try to get an agreement with Greece.").coded.events
    assert talks and all(e.timing == "future" for e in talks)


def test_suspending_or_freezing_an_act_does_not_do_it(code_text):
    events = code_text("The rebels decided to freeze any talks with the government.").coded.events
    assert not [e for e in events if e.type in {"CONSULT", "AGREE"}]


def test_a_conjoined_perfect_is_active_not_passive(code_text):
    # "has supported" after "is not engaged": the perfect's subject is the supporter
    events = code_text(
        "The United States is not engaged in the campaign, but has supported the coalition."
    ).coded.events
    supports = [e for e in events if e.type == "SUPPORT"]
    assert supports and [s.country for s in supports[0].sources] == ["USA"]


def test_an_adjective_of_readiness_makes_its_infinitive_future(code_text):
    # "poised" is lemmatised as the verb "poise"; the list names the adjective
    events = code_text("Two senior ministers are poised to support the opposition motion.")
    assert {e.timing for e in events.coded.events} == {"future"}


def test_appealing_a_ruling_is_a_legal_appeal_not_a_request(code_text):
    # the request sense of "appeal" takes "to" or "for"; with an object it is a legal appeal
    assert "REQUEST" not in _types(code_text, "The opposition leader will appeal the sentence.")
    assert "REQUEST" in _types(code_text, "The United Nations appealed to both sides for calm.")


def test_a_denied_act_is_not_done_and_not_the_deniers(code_text):
    # "were denied asylum": no asylum was given; "denied the attack": the denier is not
    # the attacker
    assert "AID" not in _types(code_text, "The refugees have been denied asylum by Germany.")
    events = code_text("Russia denied the attack on the convoy.").coded.events
    assert not [e for e in events if e.type == "ASSAULT" and e.sources]


def test_a_gerund_that_is_a_nouns_topic_is_no_act(code_text):
    # "pronouncements on accepting imports", "a row over expelling diplomats": what the
    # noun is about, not an act reported as done
    for text in (
        "Belgrade is wary of Kosovo's pronouncements on accepting Serbian imports.",
        "The row over expelling Russian diplomats divided the cabinet.",
    ):
        assert not code_text(text).coded.events, text
    # after a verb, "on" says when: the act is done
    (met,) = code_text("On arriving in Brussels, Vucic met the EU envoy.").coded.events
    assert met.type == "CONSULT"


def test_an_activity_named_as_the_subject_of_a_statement_is_no_act(code_text):
    # a gerund clause as the subject ("Killing civilians is a war crime") names an
    # activity in general; a refusal stated so is still the refusal
    for text in (
        "Killing civilians is a war crime, the Kosovo minister said.",
        "Attacking Serbia would be a mistake, the Kosovo minister said.",
        "Imposing new tariffs on Serbia is an economic dead end, Kosovo's minister said.",
    ):
        events = code_text(text).coded.events
        assert not [e for e in events if e.type in {"ASSAULT", "SANCTION"}], text
    events = code_text("Serbia said that lifting the sanctions on Kosovo is out of the question.")
    assert [e.type for e in events.coded.events] == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan National Guard could provide support to the border police.",
        "Chiefs can sign mining deals with Serbian firms on behalf of villagers.",
        "Kosovo police might arrest the Serbian mayors of the north.",
    ],
)
def test_what_an_actor_could_do_is_not_done(code_text, text):
    # a modal of possibility ("could", "can", "might") says what may happen, not an act
    assert not code_text(text).coded.events
    assert any("only possible" in reason for reason in _dropped(code_text, text))


def test_a_refusal_under_a_modal_and_a_doubted_past_act_are_still_coded(code_text):
    # "cannot accept" is the refusal itself; "may have launched" reports a past act
    # with doubt
    assert _types(code_text, "Bangladesh said it cannot accept any more refugees.") == {"REJECT"}
    text = "Chinese hackers may have attacked India's power grid last week."
    assert "ASSAULT" in _types(code_text, text)


def test_people_no_table_places_are_still_who_did_it(code_text):
    # a subject that names people ("a man", "dozens of villagers") is the act's doer,
    # as such a recipient already was; the act is kept, with no country guessed for them
    (stab,) = code_text(
        "A man stabbed two Serbian police officers in northern Kosovo."
    ).coded.events
    assert stab.type == "ASSAULT" and [a.text for a in stab.sources] == ["A man"]
    (block,) = code_text("Dozens of villagers blocked the main road to Mitrovica.").coded.events
    assert block.type == "PROTEST" and block.sources[0].text.endswith("villagers")
    # a meeting or visit still needs a side someone knows
    text = "Four million passengers travelled between Belgrade and Pristina last year."
    assert not code_text(text).coded.events


def test_what_a_verdict_finds_was_done_and_an_accusation_was_not(code_text):
    # "guilty of X-ing" asserts the act, done by the one found guilty; "not guilty of" and
    # "accused of" do not
    text = "Both the Philippine army and the Moro rebels are guilty of violating the ceasefire."
    assert "ASSAULT" in _types(code_text, text)
    events = code_text("The court found the Serbian soldier guilty of killing five civilians.")
    (killing,) = [e for e in events.coded.events if e.type == "ASSAULT"]
    assert [a.text for a in killing.sources] == ["the Serbian soldier"]
    for text in (
        "The Serbian soldier was found not guilty of killing five civilians.",
        "The Serbian soldier was accused of killing five civilians.",
    ):
        assert "ASSAULT" not in _types(code_text, text), text


def test_beating_a_team_party_or_place_is_winning_a_contest(code_text):
    # one beats people, not a club or a city: "beat Sunderland" won a match
    assert not code_text("His side convincingly beat Sunderland and Aston Villa.").coded.events
    (beating,) = code_text("Police beat protesters in Minsk on Sunday.").coded.events
    assert beating.type == "ASSAULT"


def test_storming_to_a_title_is_winning_it(code_text):
    # "storm to victory" is the idiom for winning with ease; storming a place attacks it
    assert not code_text("The Serbian champion stormed to the title in Belgrade.").coded.events
    (storm,) = code_text("Kosovo police stormed the municipal building in Zvecan.").coded.events
    assert storm.type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "Serbian President Vucic lambasted Kosovo Prime Minister Albin Kurti.",
        "Serbian President Vucic berated Kosovo Prime Minister Albin Kurti.",
        "Serbian President Vucic castigated Kosovo Prime Minister Albin Kurti.",
        "Serbian President Vucic ridiculed Kosovo Prime Minister Albin Kurti.",
    ],
)
def test_the_verbs_of_the_cameo_denounce_block_criticise(code_text, text):
    (event,) = code_text(text).coded.events
    assert (event.type, event.cameo) == ("ACCUSE", "111")
    assert [a.country for a in event.targets] == ["XKX"]


def test_the_public_asked_to_act_is_whom_the_request_is_aimed_at(code_text):
    # "the public" is people: the one asked, not the inmates it is asked to look for
    (request,) = code_text(
        "Kosovo police asked the public to look out for two inmates who escaped from a prison."
    ).coded.events
    assert request.type == "REQUEST"
    assert [a.text for a in request.targets] == ["the public"]


def test_releasing_a_product_sets_no_one_free(code_text):
    # the bare name of a product or work is no one set free; a named ship is property
    assert not code_text("Dropbox is releasing Smart Sync for its business customers.").coded.events
    (release,) = code_text("Iran released the British-flagged tanker Stena Impero.").coded.events
    assert release.type == "RETREAT"
