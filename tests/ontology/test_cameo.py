"""The CAMEO code table: codes, PLOVER mapping and Goldstein scores."""

from __future__ import annotations

import pytest

from eventscribe.ontology import Ontology, OntologyLookupError, is_cameo_code

# Goldstein scores on the GDELT scale for a spread of codes.
GOLDSTEIN = {
    "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "016": 3.4, "018": 3.4,
    "020": 3.0, "030": 4.0, "031": 5.2, "036": 4.0, "040": 1.0, "042": 1.9, "043": 2.8,
    "045": 5.0, "046": 7.0, "050": 3.5, "051": 3.4, "057": 8.0, "061": 6.4, "070": 7.0,
    "080": 5.0, "081": 5.0, "090": -2.0, "100": -5.0, "110": -2.0, "111": -2.0,
    "112": -2.0, "120": -4.0, "125": -5.0, "130": -4.4, "138": -7.0, "140": -6.5,
    "145": -7.5, "150": -7.2, "160": -4.0, "163": -8.0, "170": -7.0, "171": -9.2,
    "172": -5.0, "173": -5.0, "180": -9.0, "182": -9.5, "183": -10.0, "190": -10.0,
    "193": -10.0, "195": -10.0, "200": -10.0,
}  # fmt: skip
OWN_SCORE_4_DIGIT = {"1821", "1822", "1823"}


def test_table_covers_all_roots_and_is_large(onto: Ontology) -> None:
    roots = {code for code in onto.cameo if len(code) == 2}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(onto.cameo) > 300


def test_every_code_is_well_formed_and_has_its_parent(onto: Ontology) -> None:
    for code, row in onto.cameo.items():
        assert is_cameo_code(code) and row.code == code and row.name
        if row.parent is not None:
            assert row.parent in onto.cameo, code


def test_every_mapping_names_a_valid_type_and_mode(onto: Ontology) -> None:
    for code, row in onto.cameo.items():
        if row.plover_type is None:
            assert row.plover_mode is None
            assert code[:2] in {"01", "02"}, code
        else:
            onto.validate_event(row.plover_type, row.plover_mode)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("010", (None, None)),
        ("0233", (None, None)),
        ("0311", ("AGREE", None)),
        ("043", ("CONSULT", "visit")),
        ("0841", ("RETREAT", "release")),
        ("0871", ("RETREAT", "ceasefire")),
        ("0874", ("RETREAT", "disarm")),
        ("091", ("ACCUSE", "investigate")),
        ("1053", ("REQUEST", "yield")),
        ("1123", ("ACCUSE", "allege")),
        ("1441", ("PROTEST", "obstruct")),
        ("163", ("COERCE", "restrict")),
        ("1724", ("COERCE", "martial-law")),
        ("1712", ("ASSAULT", "destroy")),
        ("186", ("ASSAULT", "targeted")),
        ("191", ("COERCE", "restrict")),
        ("2042", ("ASSAULT", "unconventional")),
    ],
)
def test_plover_for_cameo(onto: Ontology, code: str, expected: tuple) -> None:
    assert onto.plover_for_cameo(code) == expected


def test_root_codes_follow_their_generic_code_and_majority(onto: Ontology) -> None:
    for root in (f"{n:02d}" for n in range(1, 21)):
        assert onto.plover_for_cameo(root) == onto.plover_for_cameo(root + "0"), root
        children = [r.plover_type for c, r in onto.cameo.items() if len(c) == 3 and c[:2] == root]
        root_type = onto.cameo[root].plover_type
        most = max(children.count(t) for t in set(children))
        assert children.count(root_type) == most, root
    assert onto.plover_for_cameo("08") == ("CONCEDE", None)
    assert onto.plover_for_cameo("19") == ("ASSAULT", None)


@pytest.mark.parametrize(("code", "score"), sorted(GOLDSTEIN.items()))
def test_goldstein_known_scores(onto: Ontology, code: str, score: float) -> None:
    assert onto.goldstein(code) == score


def test_goldstein_scores_are_consistent(onto: Ontology) -> None:
    for code, row in onto.cameo.items():
        assert -10.0 <= row.goldstein <= 10.0
        if len(code) == 4 and code not in OWN_SCORE_4_DIGIT:
            assert row.goldstein == onto.cameo[code[:3]].goldstein, code
        if len(code) == 2:
            assert row.goldstein == onto.cameo[code + "0"].goldstein, code


@pytest.mark.parametrize(
    ("code", "falls_back_to"), [("1834", "183"), ("0215", "021"), ("176", "17"), ("1951", "195")]
)
def test_goldstein_and_mapping_fall_back_to_parent(
    onto: Ontology, code: str, falls_back_to: str
) -> None:
    assert code not in onto.cameo
    assert onto.goldstein(code) == onto.cameo[falls_back_to].goldstein
    assert onto.plover_for_cameo(code) == onto.plover_for_cameo(falls_back_to)


@pytest.mark.parametrize("bad", ["", "3", "30", "21", "00", "12345", "0a1", " 040", 40, None])
def test_malformed_codes_are_refused(onto: Ontology, bad: object) -> None:
    assert not is_cameo_code(bad)
    with pytest.raises(OntologyLookupError, match="malformed CAMEO code"):
        onto.goldstein(bad)  # type: ignore[arg-type]
