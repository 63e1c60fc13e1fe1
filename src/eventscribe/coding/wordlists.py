"""Load the closed-class word lists of ``coding/data/syntax.yaml``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from eventscribe import yamlio
from eventscribe.coding.syntax import WordLists
from eventscribe.errors import DataFileError

FIELDS = (
    "negators",
    "future_aux",
    "hypothetical_aux",
    "intent_verbs",
    "failure_verbs",
    "threat_verbs",
    "request_verbs",
    "demand_verbs",
    "deliberation_verbs",
    "condition_markers",
    "background_markers",
    "speech_verbs",
    "denial_verbs",
    "opposing_verbs",
    "observer_verbs",
    "owned_nouns",
    "negative_quantifiers",
    "negative_determiners",
    "known_determiners",
    "object_intent_verbs",
    "object_request_verbs",
    "object_deliberation_verbs",
    "negative_adverbial_nouns",
    "contrast_conjunctions",
    "natural_forces",
    "message_nouns",
    "condition_heads",
    "means_verbs",
    "obligation_aux",
    "force_moving_verbs",
    "subject_control_verbs",
    "joint_objects",
    "locative_prepositions",
    "deep_prepositions",
    "own_possessives",
    "reporting_gerunds",
    "attack_sense_verbs",
    "intransitive_sense_verbs",
    "two_sided_types",
    "opinion_verbs",
    "gerund_prepositions",
    "topic_prepositions",
    "capacity_prepositions",
    "unit_prepositions",
    "destination_prepositions",
    "destination_verbs",
    "charge_verbs",
    "adjunct_gerund_prepositions",
    "release_sense_verbs",
    "released_things",
    "people_nouns",
    "partitive_nouns",
    "no_one_entities",
    "physical_targets",
    "several_states_nouns",
    "several_states_words",
    "requirement_verbs",
    "negating_prepositions",
    "attackable_entities",
    "storm_name_prefixes",
    "cause_prepositions",
    "past_auxiliaries",
    "owner_prepositions",
    "deadline_words",
    "occurrence_verbs",
    "double_negative_verbs",
    "object_verbs",
    "force_sense_verbs",
    "military_things",
    "currency_words",
    "stative_participles",
    "verbal_sense_verbs",
    "implication_verbs",
    "comment_verbs",
    "agreement_nouns",
    "verdict_words",
    "contest_sense_verbs",
    "contest_entities",
    "released_entities",
    "inability_words",
    "ability_words",
)


def load_word_lists(path: Path | None = None) -> WordLists:
    path = path or Path(str(resources.files("eventscribe.coding") / "data" / "syntax.yaml"))
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from exc
    missing = [name for name in FIELDS if not isinstance((data or {}).get(name), list)]
    if missing:
        raise DataFileError(f"{path}: missing word list(s) {', '.join(missing)}")
    # entity labels keep their case, and so do words whose case tells their sense ("Western
    # diplomats", not "the western bank")
    cased = {
        "attackable_entities",
        "no_one_entities",
        "several_states_words",
        "contest_entities",
        "released_entities",
    }
    return WordLists(
        **{
            name: frozenset(str(w) if name in cased else str(w).lower() for w in data[name])
            for name in FIELDS
        }
    )
