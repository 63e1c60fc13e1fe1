"""The Python API, for notebooks and scripts: the CLI's coder as a function.

    import eventscribe
    coder = eventscribe.load()                       # the model and knowledge, once
    doc = coder("Serbia and Kosovo agreed on plates.", date="2022-11-24")
    doc.events[0].type, doc.events[0].sources        # typed records (records.Event)
    frame = coder.pipe(records, workers=2).to_frame()  # pandas (eventscribe[pandas])
    eventscribe.open_store("events.duckdb").events(country="SRB", start="2022-11-01")

Everything goes through the same library functions as ``eventscribe code``
(:class:`~eventscribe.pipeline.Coder`, :func:`~eventscribe.pipeline.code_documents`), so
an event found here is the event the CLI writes, with the same id.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventscribe.config import DEFAULT_MODEL, Settings
from eventscribe.errors import ConfigError, InputError
from eventscribe.pipeline import Coder, code_documents
from eventscribe.records import (
    Article,
    CodedDocument,
    Event,
    actor_to_contract,
    location_to_contract,
)

Record = str | Mapping[str, Any] | Article
BATCH = 32


def load(
    model: str = DEFAULT_MODEL,
    *,
    lexicons: Sequence[str | Path] = (),
    actors: Sequence[str | Path] = (),
    petrarch_actors: Sequence[str | Path] = (),
    petrarch_verbs: Sequence[str | Path] = (),
    petrarch_agents: Sequence[str | Path] = (),
    min_confidence: float = 0.0,
) -> TextCoder:
    """A coder with the model and knowledge loaded once (a few seconds)."""
    settings = Settings(
        model=model,
        lexicons=tuple(Path(p) for p in lexicons),
        actor_files=tuple(Path(p) for p in actors),
        petrarch_actor_files=tuple(Path(p) for p in petrarch_actors),
        petrarch_verb_files=tuple(Path(p) for p in petrarch_verbs),
        petrarch_agent_files=tuple(Path(p) for p in petrarch_agents),
        min_confidence=min_confidence,
    )
    return TextCoder(Coder.build(settings))


@dataclass(frozen=True)
class Documents:
    """Coded documents, in input order, with flat views of their events."""

    documents: tuple[CodedDocument, ...]

    def __iter__(self) -> Iterator[CodedDocument]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for doc in self.documents for e in doc.events)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per event (the export's event columns, every actor listed)."""
        return [event_record(doc, event) for doc in self.documents for event in doc.events]

    def to_frame(self) -> Any:
        """The events as a pandas DataFrame (install ``eventscribe[pandas]``)."""
        return pandas_module().DataFrame.from_records(
            self.to_records(), columns=list(RECORD_COLUMNS)
        )


class TextCoder:
    """Codes texts or records: ``coder(text, date=...)`` or ``coder.pipe(records)``."""

    def __init__(self, coder: Coder) -> None:
        self.coder = coder

    def __call__(
        self, text: str, *, date: str | date | None = None, id: str = "text"
    ) -> CodedDocument:
        """One text, published on ``date`` (relative dates resolve against it)."""
        return next(
            code_documents([_article({"id": id, "text": text, "date": date}, 0)], self.coder)
        )

    def pipe(self, records: Iterable[Record], *, workers: int = 1) -> Documents:
        """Many texts or records (dicts with ``text`` and optional ``id``, ``date``,
        ``title``, ``url``, ``source``), in order, in ``workers`` processes."""
        articles = [_article(record, n) for n, record in enumerate(records)]
        if workers <= 1:
            return Documents(tuple(code_documents(articles, self.coder)))
        batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers) as pool:
            coded = pool.starmap(
                _code_in_worker, [(self.coder.settings, batch) for batch in batches]
            )
        return Documents(tuple(doc for batch in coded for doc in batch))


@lru_cache(maxsize=1)
def _worker_coder(settings: Settings) -> Coder:
    return Coder.build(settings)


def _code_in_worker(settings: Settings, articles: list[Article]) -> list[CodedDocument]:
    return list(code_documents(articles, _worker_coder(settings)))


def _article(record: Record, n: int) -> Article:
    if isinstance(record, Article):
        return record
    if isinstance(record, str):
        record = {"text": record}
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            f"record {n}: field 'text' is missing or empty", fix="give each record a text"
        )
    day = record.get("date")
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day[:10])
        except ValueError as exc:
            raise InputError(f"record {n}: field 'date' is not YYYY-MM-DD: {day!r}") from exc
    return Article(
        doc_id=str(record.get("id", n)), text=text, date=day, title=record.get("title"),
        url=record.get("url"), source=record.get("source"), origin=f"record {n}",
    )  # fmt: skip


RECORD_COLUMNS = (
    "event_id", "doc_id", "event_date", "date_precision", "timing", "plover_type",
    "plover_mode", "cameo_code", "quad_class", "intensity", "goldstein", "confidence",
    "source_name", "source_country", "source_sector", "source_code", "source_text",
    "target_name", "target_country", "target_sector", "target_code", "target_text",
    "sources", "targets", "mutual", "paired_cameo", "trigger_text", "sentence_text",
    "location_name", "lat", "lon", "doc_date",
)  # fmt: skip


def event_record(doc: CodedDocument, event: Event) -> dict[str, Any]:
    """One event as a flat dict with :data:`RECORD_COLUMNS` (``sources``/``targets`` are
    lists of actor dicts as in the JSONL contract)."""
    location = location_to_contract(event) or {}
    text = doc.article.text
    record: dict[str, Any] = {
        "event_id": event.event_id, "doc_id": event.doc_id, "event_date": event.date,
        "date_precision": event.date_precision, "timing": event.timing, "plover_type": event.type,
        "plover_mode": event.mode, "cameo_code": event.cameo, "quad_class": event.quad,
        "intensity": event.intensity, "goldstein": event.goldstein, "confidence": event.confidence,
        "sources": [actor_to_contract(a) for a in event.sources],
        "targets": [actor_to_contract(a) for a in event.targets],
        "mutual": event.mutual, "paired_cameo": event.paired_cameo,
        "trigger_text": event.trigger.text, "sentence_text": text[event.sentence.start : event.sentence.end],
        "location_name": location.get("name"), "lat": location.get("lat"), "lon": location.get("lon"),
        "doc_date": doc.article.date.isoformat() if doc.article.date else None,
    }  # fmt: skip
    for role, actor in (("source", event.source), ("target", event.target)):
        for field in ("name", "country", "sector", "code", "text"):
            record[f"{role}_{field}"] = getattr(actor, field) if actor is not None else None
    return record


def pandas_module() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ConfigError(
            "pandas is not installed", fix="pip install 'eventscribe[pandas]'"
        ) from exc
    return pandas
