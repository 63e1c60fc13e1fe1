"""Broken copies of the data files give a DataFileError naming the file and the line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventscribe.errors import DataFileError
from eventscribe.ontology import load_ontology

Replace = Callable[[Path, str, str], int]


def _error_for(folder: Path) -> str:
    with pytest.raises(DataFileError) as caught:
        load_ontology(folder)
    return str(caught.value)


def test_intact_copy_loads(data_copy: Path) -> None:
    assert load_ontology(data_copy).quad("ASSAULT") == 4


# --- plover.yaml -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    quad: 4\n", "    quad: 5\n", "unknown quad 5"),
        ("    quad: 1\n", "    quad: true\n", "unknown quad True"),
        ('intensity: -9.5, default_cameo: "195"}', "intensity: high}", "must be a number"),
        ("    intensity: 2.5\n", "    intensity: 25\n", "from -10 to 10"),
        ('default_cameo: "030"', "default_cameo: 030", "in quotes"),
        ('default_cameo: "042"', 'default_cameo: "049"', "'049' of CONSULT/visit is not a code"),
        ("    intensity: 10.0\n", "    intesity: 10.0\n", "unknown field 'intesity'"),
        ("  AGREE:\n", "  agree:\n", "must be in capitals"),
        ("      phone: {", "      Phone: {", "must be lower case"),
        ("  REB: Rebels", "  REBEL: Rebels", "must be 3 capital letters"),
        ("  4: material conflict", "  5: material conflict", "exactly 1, 2, 3 and 4"),
    ],
)
def test_broken_plover_yaml_names_file_and_line(
    data_copy: Path, replace_line: Replace, old: str, new: str, expected: str
) -> None:
    path = data_copy / "plover.yaml"
    line = replace_line(path, old, new)
    message = _error_for(data_copy)
    assert f"{path}:{line}:" in message
    assert expected in message


def test_unquoted_comma_in_a_flow_mode_is_caught(data_copy: Path, replace_line: Replace) -> None:
    path = data_copy / "plover.yaml"
    line = replace_line(
        path,
        '{description: "The source travels to the target, who hosts the meeting."',
        "{description: The source travels to the target, who hosts the meeting.",
    )
    message = _error_for(data_copy)
    assert f"{path}:{line}:" in message and "CONSULT/visit: unknown field" in message


def test_duplicate_mode_names_both_lines(data_copy: Path, replace_line: Replace) -> None:
    path = data_copy / "plover.yaml"
    first = replace_line(path, "      riot: {", "      riot: {")
    second = replace_line(path, "      strike: {", "      riot: {")
    message = _error_for(data_copy)
    assert f"{path}:{second}: duplicate key 'riot'" in message
    assert f"line {first}" in message


def test_missing_type_field_is_named(data_copy: Path, replace_line: Replace) -> None:
    path = data_copy / "plover.yaml"
    replace_line(path, '    default_cameo: "160"\n', "")
    message = _error_for(data_copy)
    assert "SANCTION has no 'default_cameo'" in message and str(path) in message


def test_yaml_syntax_error_names_the_line(data_copy: Path, replace_line: Replace) -> None:
    path = data_copy / "plover.yaml"
    line = replace_line(path, "    quad: 1\n", "   quad: 1\n")
    message = _error_for(data_copy)
    assert f"{path}:" in message and "invalid YAML" in message
    reported = int(message.split(f"{path}:")[1].split(":")[0])
    assert abs(reported - line) <= 1


def test_missing_section_and_missing_file(data_copy: Path, replace_line: Replace) -> None:
    replace_line(data_copy / "plover.yaml", "nonstate_codes:", "non_state_codes:")
    assert "missing top-level section 'nonstate_codes'" in _error_for(data_copy)
    (data_copy / "cameo.csv").unlink()
    assert "ontology file not found" in _error_for(data_copy)


# --- cameo.csv -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("040,Consult (unspecified)", "40,Consult (unspecified)", "malformed CAMEO code '40'"),
        ("0311,", "2111,", "malformed CAMEO code '2111'"),
        ("0311,", "03a1,", "malformed CAMEO code '03a1'"),
        ("1831,Suicide", "183,Suicide", "duplicate CAMEO code 183"),
        (",ASSAULT,abduct", ",ATTACK,abduct", "unknown PLOVER type 'ATTACK'"),
        (",PROTEST,demo", ",PROTEST,march", "PROTEST has no mode 'march'"),
        (",0.0,,", ",0.0,,visit", "has mode 'visit' but no plover_type"),
        ("-9.2,COERCE,seize", "minus nine,COERCE,seize", "goldstein must be a number"),
        ("-9.2,COERCE,seize", "-19.2,COERCE,seize", "goldstein must be a number"),
        ("Negotiate,7.0,CONSULT,", "Negotiate,7.0,CONSULT", "expected 5 columns"),
        ("046,Negotiate,", "046,", "expected 5 columns"),
    ],
)
def test_broken_cameo_csv_names_file_and_line(
    data_copy: Path, replace_line: Replace, old: str, new: str, expected: str
) -> None:
    path = data_copy / "cameo.csv"
    line = replace_line(path, old, new)
    message = _error_for(data_copy)
    assert f"{path}:{line}:" in message
    assert expected in message


def test_unknown_mode_error_lists_valid_modes(data_copy: Path, replace_line: Replace) -> None:
    replace_line(data_copy / "cameo.csv", ",PROTEST,demo", ",PROTEST,march")
    assert "valid modes for PROTEST: demo, riot" in _error_for(data_copy)


def test_duplicate_code_names_first_line(data_copy: Path, replace_line: Replace) -> None:
    path = data_copy / "cameo.csv"
    first = replace_line(path, "183,Bomb", "183,Bomb")
    replace_line(path, "1831,Suicide", "183,Suicide")
    assert f"(first on line {first})" in _error_for(data_copy)


def test_bad_header_and_missing_name(data_copy: Path, replace_line: Replace) -> None:
    path = data_copy / "cameo.csv"
    line = replace_line(path, "046,Negotiate,", "046, ,")
    assert f"{path}:{line}: CAMEO code 046 has no name" in _error_for(data_copy)
    replace_line(path, "code,name,goldstein", "cameo,name,goldstein")
    assert f"{path}:1: header must be code,name,goldstein" in _error_for(data_copy)


def test_yaml_default_must_exist_in_csv(data_copy: Path, replace_line: Replace) -> None:
    csv_path, yaml_path = data_copy / "cameo.csv", data_copy / "plover.yaml"
    replace_line(csv_path, "0871,Declare", "0879,Declare")
    line = replace_line(yaml_path, 'default_cameo: "0871"', 'default_cameo: "0871"')
    message = _error_for(data_copy)
    assert f"{yaml_path}:{line}:" in message and "RETREAT/ceasefire" in message


def test_blank_lines_and_excel_bom_are_accepted(data_copy: Path) -> None:
    path = data_copy / "cameo.csv"
    path.write_text("\ufeff" + path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert load_ontology(data_copy).goldstein("040") == 1.0
