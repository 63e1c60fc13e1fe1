"""The web app's in-memory index gives exactly the answers of plain SQL over the store.

Event lists (page, total, total_exact), time series, single events and documents are
answered from :class:`eventscribe.web.index.EventIndex`; each test asks the same question
of the store through SQL (an :class:`EventStore` reader) and of the app's reader, on a
generated store with awkward rows mixed in (negated events, missing and month-only
dates, missing scores, non-ASCII text, actor codes that are not their country) and on
the bundled examples coded for real.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from eventscribe.analysis import (
    EventFilter,
    event_series,
    map_points,
    top_actors,
    top_dyads,
    type_mix,
)
from eventscribe.store import EventStore
from eventscribe.store.schema import first_actor_statements
from eventscribe.web import queries
from eventscribe.web.db import ServedStore

# Rows of the generated store rewritten so every special case of the filters occurs.
_AWKWARD_SQL = [
    "UPDATE events SET negated = TRUE WHERE hash(event_id, 'neg') % 9 = 0",
    (
        "UPDATE events SET event_date = left(event_date, 7), date_precision = 'month' "
        "WHERE hash(event_id, 'month') % 11 = 0"
    ),
    "UPDATE events SET event_date = NULL WHERE hash(event_id, 'nodate') % 13 = 0",
    "UPDATE documents SET date = NULL WHERE hash(doc_id, 'nodocdate') % 7 = 0",
    "UPDATE events SET goldstein = NULL, intensity = NULL WHERE hash(event_id, 'noscore') % 10 = 0",
    "UPDATE events SET quad_class = NULL WHERE hash(event_id, 'noquad') % 50 = 0",
    (
        "UPDATE events SET source_code = 'IGOUNO', source_country = NULL, "
        "source_name = 'United Nations' WHERE hash(event_id, 'igo') % 17 = 0"
    ),
    (
        "UPDATE events SET sentence_text = 'İstanbul: Šid ΣΟΦΙΑ leader accuse XKX, «quoted» 50% of_it.' "
        "WHERE hash(event_id, 'utf') % 19 = 0"
    ),
    "UPDATE events SET sentence_text = NULL WHERE hash(event_id, 'nosent') % 97 = 0",
    # places on a map: coordinates that round together or apart, names and precisions
    # that differ within a point, some missing
    (
        "UPDATE events SET lat = 44.8125 + (hash(event_id, 'lat') % 7) * 0.00005, "
        "lon = 20.46 + (hash(event_id, 'lon') % 3) * 0.1, "
        "location_name = CASE WHEN hash(event_id, 'ln') % 3 = 0 THEN 'Beograd' ELSE 'Belgrade' END, "
        "location_country = 'SRB', "
        "location_precision = CASE WHEN hash(event_id, 'lp') % 4 = 0 THEN NULL ELSE 'city' END "
        "WHERE hash(event_id, 'loc') % 5 = 0"
    ),
    # event_actors lists every actor: keep it in step with the first-actor columns above
    "DELETE FROM event_actors",
    *first_actor_statements(),
]


@pytest.fixture(scope="module")
def awkward_store(generated_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated events (past the 10,000 cap on totals), awkward rows mixed in."""
    path = tmp_path_factory.mktemp("indexed") / "awkward.duckdb"
    shutil.copyfile(generated_store, path)
    with duckdb.connect(str(path)) as con:
        for sql in _AWKWARD_SQL:
            con.execute(sql)
    return path


@pytest.fixture(scope="module")
def both(awkward_store: Path) -> Iterator[tuple[EventStore, object]]:
    """(the store read with SQL, the web app's reader over its index)."""
    served = ServedStore(awkward_store)
    with EventStore(awkward_store, read_only=True) as store, served.reader() as reader:
        yield store, reader
    served.close()


FILTERS = [
    EventFilter(),
    EventFilter(include_negated=True),
    EventFilter(countries=("SRB",)),
    EventFilter(countries=("IGOUNO", "USA")),
    EventFilter(sources=("SRB",), targets=("XKX",), start="2018-01-01", end="2019-06-30"),
    EventFilter(sources=("IGO",)),  # matches no code exactly
    EventFilter(targets=("XKX", "SRBGOV"), start="2020"),
    EventFilter(types=("ACCUSE",), start="2020-03", end="2020-03"),
    EventFilter(types=("AGREE", "AID"), quads=(1, 2)),
    EventFilter(quads=(4,), end="2016-12-31"),
    EventFilter(start="2017-05-01", end="2017-05-31"),
    EventFilter(start="2030-01-01"),
    EventFilter(actor="united NATIONS"),
    EventFilter(actor="srb leader", start="2019"),
    EventFilter(doc_id="doc-17"),
    EventFilter(doc_id="no-such-doc"),
    EventFilter(dyad=(("SRB",), ("XKX",))),
    EventFilter(dyad=(("SRB",), ("XKX",)), directed=True, start="2016-01-01", end="2016-12-31"),
    EventFilter(dyad=(("IGOUNO",), ("XKX", "SRB"))),
]
TEXTS = [
    "accuse xkx", "ACCUSE XKX", "ccuse xk", "leader", "event 1", "ent 12", "r accuse",
    "xkx government over", ".", " ", "50%", "of_it", "šid", "ŠID", "istanbul", "İstanbul",
    "σοφια", "«quoted»", "zzz-no-such", "xkx,",
]  # fmt: skip
TEXT_FILTERS = [EventFilter(text=t) for t in TEXTS] + [
    EventFilter(text="accuse xkx", start="2019-01-01", end="2019-12-31"),
    EventFilter(text="leader", countries=("SRB",), quads=(3,)),
]


@pytest.mark.parametrize("flt", FILTERS + TEXT_FILTERS, ids=repr)
@pytest.mark.parametrize(("limit", "offset"), [(50, 0), (30, 9_990), (40, 11_000)])
def test_event_lists_match_sql(both: tuple, flt: EventFilter, limit: int, offset: int) -> None:
    store, reader = both
    expected = queries.list_events(store, flt, limit=limit, offset=offset)
    got = queries.list_events(reader, flt, limit=limit, offset=offset)
    assert got == expected


def test_the_checks_above_see_real_matches(both: tuple) -> None:
    """The awkward cases are present, so the comparisons above are not all empty."""
    _, reader = both
    for flt in (EventFilter(text="šid"), EventFilter(actor="united nations"),
                EventFilter(text="accuse xkx", start="2019-01-01", end="2019-12-31")):  # fmt: skip
        assert queries.list_events(reader, flt, limit=5, offset=0)["total"] > 0
    everything = queries.list_events(reader, EventFilter(include_negated=True), limit=1, offset=0)
    assert everything["total"] == 10_000 and not everything["total_exact"]


@pytest.mark.parametrize("by", ["day", "week", "month"])
@pytest.mark.parametrize("flt", [
    EventFilter(dyad=(("SRB",), ("XKX",))),
    EventFilter(dyad=(("SRB",), ("XKX",)), directed=True, start="2018-01-01", end="2018-12-31"),
    EventFilter(dyad=(("MKD",), ("BIH",)), types=("ACCUSE", "AGREE")),
    EventFilter(countries=("IGOUNO",)),
    EventFilter(text="leader", start="2020"),
], ids=repr)  # fmt: skip
def test_series_match_sql(both: tuple, flt: EventFilter, by: str) -> None:
    store, reader = both
    expected = event_series(store, flt, by=by)
    got = event_series(reader, flt, by=by)
    assert got == expected and got.total > 0


def test_one_event_and_one_document_match_sql(both: tuple) -> None:
    store, reader = both
    for n in (0, 17, 5_001, 11_999):
        expected = queries.get_event(store, f"ev-{n}", clusters=False)
        assert queries.get_event(reader, f"ev-{n}", clusters=False) == expected is not None
    assert queries.get_event(reader, "ev-12000", clusters=False) is None
    for n in (0, 17, 1_199):
        expected = queries.get_document(store, f"doc-{n}")
        assert queries.get_document(reader, f"doc-{n}") == expected is not None
        assert len(expected["events"]) == 10


def test_the_coded_examples_match_sql(sample_store: Path) -> None:
    """The bundled examples, coded by the real pipeline: every list, event and series."""
    served = ServedStore(sample_store)
    try:
        with EventStore(sample_store, read_only=True) as store, served.reader() as reader:
            filters = [EventFilter(), EventFilter(countries=("SRB",)), EventFilter(text="licence plates"),
                       EventFilter(text="Kosovo"), EventFilter(types=("AGREE",), quads=(1,)),
                       EventFilter(start="2022-11-01", end="2022-11-30"), EventFilter(include_negated=True),
                       EventFilter(dyad=(("SRB",), ("XKX",)))]  # fmt: skip
            for flt in filters:
                assert queries.list_events(reader, flt, limit=500, offset=0) == queries.list_events(
                    store, flt, limit=500, offset=0
                )
                for by in ("day", "week", "month"):
                    assert event_series(reader, flt, by=by) == event_series(store, flt, by=by)
            listed = queries.list_events(
                store, EventFilter(include_negated=True), limit=500, offset=0
            )
            assert listed["items"]
            for item in listed["items"]:
                clusters = served.info.has_clusters
                assert queries.get_event(
                    reader, item["event_id"], clusters=clusters
                ) == queries.get_event(store, item["event_id"], clusters=clusters)
                assert queries.get_document(reader, item["doc_id"]) == queries.get_document(
                    store, item["doc_id"]
                )
    finally:
        served.close()


@pytest.mark.parametrize("flt", FILTERS + TEXT_FILTERS[-2:], ids=repr)
def test_breakdowns_match_sql(both: tuple, flt: EventFilter) -> None:
    store, reader = both
    assert type_mix(reader, flt) == type_mix(store, flt)
    assert top_dyads(reader, flt, limit=15) == top_dyads(store, flt, limit=15)
    assert top_actors(reader, flt, limit=12) == top_actors(store, flt, limit=12)


@pytest.mark.parametrize("flt", FILTERS[:8] + FILTERS[-3:] + TEXT_FILTERS[-2:], ids=repr)
def test_map_points_match_sql(both: tuple, flt: EventFilter) -> None:
    store, reader = both
    for limit, per_point in ((2000, 20), (3, 5)):
        expected = map_points(store, flt, limit=limit, per_point=per_point)
        assert map_points(reader, flt, limit=limit, per_point=per_point) == expected


def test_the_map_checks_above_see_points(both: tuple) -> None:
    _, reader = both
    found = map_points(reader, EventFilter())
    assert len(found["points"]) > 3 and found["unplaced"] > 0
    assert {p["name"] for p in found["points"]} == {"Belgrade"}  # the smaller name


def test_breakdowns_of_the_coded_examples_match_sql(sample_store: Path) -> None:
    served = ServedStore(sample_store)
    try:
        with EventStore(sample_store, read_only=True) as store, served.reader() as reader:
            for flt in (
                EventFilter(),
                EventFilter(countries=("SRB",)),
                EventFilter(include_negated=True),
            ):
                assert type_mix(reader, flt) == type_mix(store, flt)
                assert top_dyads(reader, flt, limit=50) == top_dyads(store, flt, limit=50)
                assert top_actors(reader, flt, limit=50) == top_actors(store, flt, limit=50)
                assert top_actors(reader, flt, limit=50)  # not all empty
                assert map_points(reader, flt) == map_points(store, flt)
    finally:
        served.close()
