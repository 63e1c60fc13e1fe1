"""A negated act under PETRARCH's conventions: coded as PETRARCH codes its negation."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscribe.errors import DataFileError
from eventscribe.petrarch.negations import read_negations
from tests.petrarch.support import code_texts


def test_the_bundled_table_pairs_codes_with_their_negations() -> None:
    table = read_negations()
    assert table["110"] == "050" and table["050"] == "110"  # disapprove / diplomatic cooperation
    assert table["057"] == "170"
    assert "190" not in table, "an attack has no negation: a negated attack is no event"


def test_a_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "negations.csv"
    path.write_text("code,negated\n110,050\n110,999\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"negations\.csv:3: '999' is not a CAMEO event code"):
        read_negations(path)


def test_negated_acts_under_cameo_and_plover_conventions(tmp_path: Path) -> None:
    docs = [
        ("signed", "2023-02-02", "Serbia signed an agreement with Kosovo."),
        ("not-signed", "2023-02-02", "Serbia did not sign the agreement with Kosovo."),
        ("not-attacked", "2023-02-02", "Serbia did not attack Kosovo."),
    ]

    def codes(*options: str) -> dict[str, list[str]]:
        coded = code_texts(tmp_path, docs, *options)
        return {d["id"]: [e["cameo"] for e in d["events"]] for d in coded}

    assert codes("--conventions", "cameo") == {
        "signed": ["057"],
        "not-signed": ["170"],  # PETRARCH 2 codes "did not sign" as its negation of 057
        "not-attacked": [],
    }
    assert codes() == {"signed": ["057"], "not-signed": [], "not-attacked": []}
