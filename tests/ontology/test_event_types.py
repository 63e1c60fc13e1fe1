"""The 16 PLOVER types: quads, intensities, modes and default CAMEO codes."""

from __future__ import annotations

import dataclasses

import pytest

from eventscribe.errors import DataFileError
from eventscribe.ontology import Ontology, OntologyLookupError, bundled_ontology, load_ontology

QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip

# Defaults that knowingly point at a CAMEO code filed under another type or mode
# (see ontology/data/README.md).
CROSS_TYPE_DEFAULTS = {("SANCTION", "convict"), ("SANCTION", "discontinue")}
CROSS_MODE_DEFAULTS = {
    ("ASSAULT", "aerial"),
    ("ASSAULT", "drone"),
    ("PROTEST", "strike"),
    ("MOBILIZE", "weapons"),
    ("COERCE", "censor"),
}


def test_all_sixteen_types_with_the_scoring_quads(onto: Ontology) -> None:
    assert {name: t.quad for name, t in onto.event_types.items()} == QUADS
    for name, quad in QUADS.items():
        assert onto.quad(name) == quad


def test_quad_names_cover_one_to_four(onto: Ontology) -> None:
    assert list(onto.quad_names) == [1, 2, 3, 4]
    assert onto.quad_names[4] == "material conflict"


def test_every_type_and_mode_has_a_description(onto: Ontology) -> None:
    for event_type in onto.event_types.values():
        assert event_type.description
        for mode in event_type.modes.values():
            assert mode.description and mode.name


def test_accuse_base_intensity_is_negative(onto: Ontology) -> None:
    assert onto.intensity("ACCUSE") == -2.0


@pytest.mark.parametrize(
    ("type_", "mode", "expected"),
    [
        ("CONSULT", None, 2.5),
        ("CONSULT", "visit", 4.0),
        ("RETREAT", "disarm", 10.0),
        ("ASSAULT", "unconventional", -10.0),
        ("REQUEST", "assist", 0.5),
        ("PROTEST", "vandalize", -5.0),  # the mode has no score of its own
    ],
)
def test_intensity_uses_mode_score_else_type_score(
    onto: Ontology, type_: str, mode: str | None, expected: float
) -> None:
    assert onto.intensity(type_, mode) == expected


def test_intensities_stay_on_the_plover_scale(onto: Ontology) -> None:
    for name, event_type in onto.event_types.items():
        assert -10 <= event_type.intensity <= 10
        for mode in event_type.modes:
            assert -10 <= onto.intensity(name, mode) <= 10
    cooperation = [t.intensity for t in onto.event_types.values() if t.quad <= 2]
    conflict = [t.intensity for t in onto.event_types.values() if t.quad == 4]
    assert min(cooperation) > 0 > max(conflict)


def test_every_mode_validates(onto: Ontology) -> None:
    for name, event_type in onto.event_types.items():
        onto.validate_event(name, None)
        for mode in event_type.modes:
            onto.validate_event(name, mode)


def test_unknown_mode_error_lists_valid_modes(onto: Ontology) -> None:
    with pytest.raises(OntologyLookupError) as caught:
        onto.validate_event("PROTEST", "march")
    message = str(caught.value)
    assert "march" in message and "demo" in message and "riot" in message
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, DataFileError)


def test_empty_mode_means_no_mode(onto: Ontology) -> None:
    onto.validate_event("AGREE", "")
    assert onto.intensity("CONSULT", "") == 2.5
    assert onto.default_cameo("CONSULT", "") == "040"


def test_mode_on_a_type_without_modes_is_refused(onto: Ontology) -> None:
    with pytest.raises(OntologyLookupError, match="leave the mode empty"):
        onto.validate_event("AGREE", "visit")


def test_unknown_type_error_lists_types(onto: Ontology) -> None:
    with pytest.raises(OntologyLookupError, match="ASSAULT") as caught:
        onto.quad("ATTACK")
    assert "ATTACK" in str(caught.value)
    with pytest.raises(OntologyLookupError):
        onto.intensity("attack")


def test_default_cameo_of_each_type_maps_back_to_it(onto: Ontology) -> None:
    for name in onto.event_types:
        code = onto.default_cameo(name)
        assert code in onto.cameo
        assert onto.plover_for_cameo(code)[0] == name, name


def test_default_cameo_of_each_mode_is_in_the_table(onto: Ontology) -> None:
    for name, event_type in onto.event_types.items():
        for mode in event_type.modes:
            code = onto.default_cameo(name, mode)
            assert code in onto.cameo
            mapped_type, mapped_mode = onto.plover_for_cameo(code)
            if (name, mode) in CROSS_TYPE_DEFAULTS:
                continue
            assert mapped_type == name, (name, mode, code)
            own = event_type.modes[mode].default_cameo
            if own is not None and (name, mode) not in CROSS_MODE_DEFAULTS:
                assert mapped_mode == mode, (name, mode, code)


@pytest.mark.parametrize(
    ("type_", "mode", "code"),
    [
        ("AGREE", None, "030"),
        ("SUPPORT", None, "051"),
        ("CONSULT", None, "040"),
        ("CONSULT", "visit", "042"),
        ("REQUEST", "meet", "106"),
        ("RETREAT", "ceasefire", "0871"),
        ("COERCE", "arrest", "173"),
        ("COERCE", "cyber", "170"),  # no CAMEO code for it: the type's default
    ],
)
def test_default_cameo_examples(onto: Ontology, type_: str, mode: str | None, code: str) -> None:
    assert onto.default_cameo(type_, mode) == code


def test_actor_code_lists(onto: Ontology) -> None:
    assert set(onto.nonstate_codes) == {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
    for sector in ("GOV", "MIL", "REB", "COP", "JUD", "LEG", "CVL", "UNK", "PRE"):
        assert onto.sectors[sector]


def test_ontology_is_read_only(onto: Ontology) -> None:
    with pytest.raises(TypeError):
        onto.event_types["NEW"] = onto.event_types["AGREE"]  # type: ignore[index]
    with pytest.raises(TypeError):
        onto.event_types["CONSULT"].modes["new"] = None  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        onto.event_types["AGREE"].quad = 3  # type: ignore[misc]
    assert hash(onto.event_types["CONSULT"])  # records stay hashable


def test_bundled_is_cached_and_matches_a_fresh_load() -> None:
    assert bundled_ontology() is bundled_ontology()
    fresh = load_ontology()
    assert fresh is not bundled_ontology()
    assert dict(fresh.cameo) == dict(bundled_ontology().cameo)
