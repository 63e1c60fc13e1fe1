"""Events by dyad and date, and counts by type, as a user sees them after a run."""

from __future__ import annotations

import dataclasses
from types import ModuleType

from eventscribe.analysis import DyadRow, counts_by_type, dyad_summary, format_dyad_summary
from eventscribe.store import EventStore


def test_rows_are_grouped_by_dyad_then_ordered_by_date(store: EventStore) -> None:
    rows = dyad_summary(store)
    assert [(r.source_country, r.target_country, r.event_date) for r in rows] == [
        ("EUR", "XKX", "2022-11"),
        ("SRB", "XKX", "2022-11-23"),
        ("SRB", "XKX", "2022-11-23"),
        ("SRB", None, "2022-11-24"),
        ("SRB", None, "2022-11-24"),
    ]
    assert rows[1].cameo_code == "112" and rows[1].source_name == "Aleksandar Vucic"


def test_event_without_date_falls_back_to_the_document_date(
    tmp_path,
    factories: ModuleType,  # type: ignore[no-untyped-def]
) -> None:
    doc = factories.aid_doc()
    undated = dataclasses.replace(doc, events=(dataclasses.replace(doc.events[0], date=None),))
    with EventStore(tmp_path / "s.duckdb") as store:
        store.write([undated], run=factories.RUN)
        assert dyad_summary(store)[0].event_date == "2022-11-20"


def test_negated_events_can_be_left_out(
    tmp_path,
    factories: ModuleType,  # type: ignore[no-untyped-def]
) -> None:
    doc = factories.aid_doc()
    denied = dataclasses.replace(doc, events=(dataclasses.replace(doc.events[0], negated=True),))
    with EventStore(tmp_path / "s.duckdb") as store:
        store.write([denied], run=factories.RUN)
        assert len(dyad_summary(store)) == 1
        assert dyad_summary(store, include_negated=False) == []


def test_format_groups_under_a_dyad_heading(store: EventStore) -> None:
    text = format_dyad_summary(dyad_summary(store))
    blocks = text.split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "EUR -> XKX  (1 event)",
        "SRB -> XKX  (2 events)",
        "SRB -> -  (2 events)",
    ]
    first_serbia = blocks[1].splitlines()[1].split()
    assert first_serbia[:3] == ["2022-11-23", "ACCUSE", "112"]
    assert "Aleksandar Vucic -> Kosovo" in blocks[1]
    assert blocks[1].splitlines()[1].rstrip().endswith("accused")
    assert "students -> -" in blocks[2]


def test_format_aligns_columns_and_handles_no_events() -> None:
    rows = [
        DyadRow("SRB", "XKX", "2022-11-23", "ACCUSE", "112", "Serbia", "Kosovo", "accused"),
        DyadRow("SRB", "XKX", None, "THREATEN", "138", "Aleksandar Vucic", None, "warned"),
    ]
    lines = format_dyad_summary(rows).splitlines()
    assert lines[1].index("ACCUSE") == lines[2].index("THREATEN")
    assert lines[2].split()[0] == "-"  # missing date
    assert "Aleksandar Vucic -> -" in lines[2]
    assert format_dyad_summary([]) == "no events"


def test_format_accepts_plain_tuples() -> None:
    row = ("USA", "CHN", "2023-01-02", "CONSULT", "040", "United States", "China", "met")
    assert format_dyad_summary([row]).splitlines()[0] == "USA -> CHN  (1 event)"


def test_counts_by_type_most_frequent_first(store: EventStore) -> None:
    assert counts_by_type(store) == {"ACCUSE": 2, "PROTEST": 2, "AID": 1}
    assert list(counts_by_type(store)) == ["ACCUSE", "PROTEST", "AID"]
