"""Turn coded documents into column-oriented Arrow tables, one per store table.

Values are appended straight into one list per column (no per-row dicts), so that a
whole batch of documents goes into DuckDB with one ``INSERT ... SELECT`` per table
rather than one statement per row, and building the batch costs little next to coding.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from eventscribe.errors import StoreError
from eventscribe.ingest.language import guess_language
from eventscribe.records import Actor, CodedDocument, Event, location_to_contract
from eventscribe.store.schema import arrow_schema, column_names

if TYPE_CHECKING:
    import pyarrow as pa

# one list of values per column, per store table: what a coding worker hands back (plain
# Python, so the worker never loads pyarrow); the main process makes Arrow tables of them
Columns = dict[str, dict[str, list[Any]]]

ROW_TABLES = (
    "documents", "sentences", "events", "event_actors", "actors", "times", "quotes", "decisions",
    "places",
)  # fmt: skip
_ACTOR_FIELDS = ("text", "start", "end", "name", "country", "sector", "code")  # _actor_values
# the columns after doc_id, read from the records' attributes (actors, times) or keys
_ACTOR_COLUMNS = tuple(column_names("actors")[1:])
_TIME_COLUMNS = tuple(column_names("times")[1:])
_DECISION_COLUMNS = tuple(column_names("decisions")[1:])
_PLACE_COLUMNS = tuple(column_names("places")[1:])
_LOCATION_KEYS = ("name", "geonameid", "lat", "lon", "country", "precision")
_ACTOR_GETTERS = tuple((name, attrgetter(name)) for name in _ACTOR_COLUMNS)
_TIME_GETTERS = tuple((name, attrgetter(name)) for name in _TIME_COLUMNS)


def dedupe_documents(docs: Iterable[CodedDocument]) -> list[CodedDocument]:
    """Keep the last document for each ``doc_id`` (a later coding replaces an earlier one)."""
    latest: dict[str, CodedDocument] = {}
    for doc in docs:
        latest.pop(doc.article.doc_id, None)
        latest[doc.article.doc_id] = doc
    return list(latest.values())


class _Columns:
    """One list per column of one store table, filled value by value."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.data: dict[str, list[Any]] = {name: [] for name in column_names(table)}

    def add(self, **values: Any) -> None:
        for name, column in self.data.items():
            column.append(values[name])


def build_tables(docs: Sequence[CodedDocument], run_id: str) -> dict[str, pa.Table]:
    """Arrow tables for every per-document store table, built from ``docs``."""
    return tables_from_columns(build_columns(docs, run_id))


def tables_from_columns(columns: Columns) -> dict[str, pa.Table]:
    """The Arrow tables of :func:`build_columns`'s values."""
    import pyarrow as pa

    return {
        name: pa.Table.from_pydict(data, schema=arrow_schema(name))
        for name, data in columns.items()
    }


def build_columns(docs: Sequence[CodedDocument], run_id: str) -> Columns:
    """The values of every per-document store table's columns, built from ``docs``."""
    cols = {name: _Columns(name) for name in ROW_TABLES}
    for doc in docs:
        _add_document(cols["documents"].data, doc, run_id)
        _add_sentences(cols["sentences"].data, doc)
        _add_events(cols["events"], doc, run_id)
        _add_event_actors(cols["event_actors"].data, doc)
        _add_actors(cols["actors"].data, doc)
        _add_times(cols["times"].data, doc)
        doc_id = doc.article.doc_id
        for quote in doc.quotes:
            cols["quotes"].add(doc_id=doc_id, data=_to_json(quote.to_contract(), doc, "quotes"))
        _add_decisions(cols["decisions"].data, doc)
        _add_places(cols["places"].data, doc)
    return {name: c.data for name, c in cols.items()}


def _add_document(data: dict[str, list[Any]], doc: CodedDocument, run_id: str) -> None:
    art = doc.article
    values = (art.doc_id, art.date, art.title, art.url, art.source, art.origin, art.text,
              len(doc.sentences), len(doc.events), run_id, guess_language(art.text))  # fmt: skip
    for column, value in zip(data.values(), values, strict=True):
        column.append(value)


def _add_sentences(data: dict[str, list[Any]], doc: CodedDocument) -> None:
    n = len(doc.sentences)
    data["doc_id"].extend([doc.article.doc_id] * n)
    data["sentence_index"].extend(range(n))
    data["start"].extend(s.start for s in doc.sentences)
    data["end"].extend(s.end for s in doc.sentences)
    data["text"].extend(s.text for s in doc.sentences)


def _add_events(cols: _Columns, doc: CodedDocument, run_id: str) -> None:
    index_of = {(s.start, s.end): i for i, s in enumerate(doc.sentences)}
    seen: set[str] = set()
    columns = list(cols.data.values())
    for event in doc.events:
        if event.event_id in seen:
            raise StoreError(
                f"document {doc.article.doc_id!r} has two events with id {event.event_id!r}",
                fix="event ids must be unique; this is a bug in the coding stage, please report it",
            )
        seen.add(event.event_id)
        for column, value in zip(columns, _event_row(doc, event, index_of, run_id), strict=True):
            column.append(value)


# The events columns in the order _event_row gives their values (checked below).
_EVENT_ROW = (
    "event_id", "doc_id", "sentence_index", "event_date", "date_precision", "plover_type",
    "plover_mode", "cameo_code", "quad_class", "intensity", "goldstein", "negated", "confidence",
    *(f"source_{f}" for f in _ACTOR_FIELDS), *(f"target_{f}" for f in _ACTOR_FIELDS),
    "trigger_text", "trigger_start", "trigger_end", "sentence_start", "sentence_end",
    "sentence_text", "location", "timing", "explanation", "run_id", "mutual", "paired_cameo",
    *(f"location_{k}" if k not in ("lat", "lon") else k for k in _LOCATION_KEYS), "event_day",
)  # fmt: skip
assert list(_EVENT_ROW) == column_names("events"), "keep _event_row in step with the schema"
_NO_ACTOR = (None,) * len(_ACTOR_FIELDS)


def _event_row(
    doc: CodedDocument, event: Event, index_of: dict[tuple[int, int], int], run_id: str
) -> tuple[Any, ...]:
    """One events row as a tuple in column order (no dict per event: a batch has
    thousands of them)."""
    sent = event.sentence
    trigger = event.trigger
    location = location_to_contract(event)
    return (
        event.event_id,
        doc.article.doc_id,
        index_of.get((sent.start, sent.end)),
        event.date,
        event.date_precision,
        event.type or None,  # CAMEO_ONLY: no PLOVER type
        event.mode,
        event.cameo,
        event.quad,
        event.intensity,
        event.goldstein,
        event.negated,
        event.confidence,
        *_actor_values(event.source),
        *_actor_values(event.target),
        trigger.text,
        trigger.start,
        trigger.end,
        sent.start,
        sent.end,
        # the sentence as it stands in the article (offsets are into the original text)
        doc.article.text[sent.start : sent.end],
        None if location is None else _to_json(location, doc, "location"),
        event.timing,
        event.explanation,
        run_id,
        event.mutual,
        event.paired_cameo,
        *_location_values(location),
        _day(event.date, event.date_precision),
    )


def _add_event_actors(data: dict[str, list[Any]], doc: CodedDocument) -> None:
    """One row per actor of each event, by role and position (the dyads view's input)."""
    doc_id = doc.article.doc_id
    columns = list(data.values())
    for event in doc.events:
        for role, actors in (("source", event.sources), ("target", event.targets)):
            for position, actor in enumerate(actors):
                values = (doc_id, event.event_id, role, position, *_actor_values(actor))
                for column, value in zip(columns, values, strict=True):
                    column.append(value)


def _location_values(location: dict[str, Any] | None) -> tuple[Any, ...]:
    """location_name, location_geonameid, lat, lon, location_country, location_precision."""
    if location is None:
        return (None,) * len(_LOCATION_KEYS)
    return tuple(location.get(key) for key in _LOCATION_KEYS)


def _day(value: str | None, precision: str | None) -> date | None:
    """The event's date as a DATE when it is known to the day, else None."""
    if value is None or precision != "day":
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return _NO_ACTOR
    return (actor.text, actor.start, actor.end, actor.name, actor.country, actor.sector, actor.code)


def _add_actors(data: dict[str, list[Any]], doc: CodedDocument) -> None:
    actors = doc.actors
    data["doc_id"].extend([doc.article.doc_id] * len(actors))
    for name, get in _ACTOR_GETTERS:
        data[name].extend(map(get, actors))


def _add_times(data: dict[str, list[Any]], doc: CodedDocument) -> None:
    times = doc.times
    data["doc_id"].extend([doc.article.doc_id] * len(times))
    for name, get in _TIME_GETTERS:
        data[name].extend(map(get, times))


def _add_places(data: dict[str, list[Any]], doc: CodedDocument) -> None:
    places = [p.to_contract() for p in doc.places]
    data["doc_id"].extend([doc.article.doc_id] * len(places))
    for name in _PLACE_COLUMNS:
        data[name].extend(p.get(name) for p in places)


def _add_decisions(data: dict[str, list[Any]], doc: CodedDocument) -> None:
    decisions = [d.as_row() for d in doc.decisions]
    data["doc_id"].extend([doc.article.doc_id] * len(decisions))
    for name in _DECISION_COLUMNS:
        data[name].extend(d[name] for d in decisions)


def _to_json(value: Any, doc: CodedDocument, field: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError) as exc:
        raise StoreError(
            f"document {doc.article.doc_id!r}: field {field!r} cannot be stored as JSON ({exc})",
            fix="pass plain dicts/lists/strings/numbers in this field",
        ) from exc
