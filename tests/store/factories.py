"""Hand-built coded documents for store and analysis tests (no NLP involved)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventscribe.places.located import EventLocation
from eventscribe.quotes.finder import Quote
from eventscribe.records import (
    Actor,
    Article,
    CodedDocument,
    Event,
    Span,
    TimeExpression,
    stable_id,
)
from eventscribe.store import RunInfo

RUN = RunInfo(
    run_id="run-1",
    started_at="2024-03-01T10:00:00+00:00",
    code_version="0.1.0",
    model="en_core_web_sm",
    model_version="3.8.0",
    lexicon_fingerprint="abc123",
    settings={"min_confidence": 0.0, "batch_size": 32},
    command="eventscribe code in.jsonl",
)


def actor(text: str, start: int, name: str, country: str | None, sector: str | None) -> Actor:
    code = None if country is None else f"{country}{sector or ''}"
    return Actor(text, start, start + len(text), name, country, sector, code, evidence=text)


def span_of(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def sentences_of(text: str) -> tuple[Span, ...]:
    """Split on ". " so each sentence span keeps its full stop."""
    spans, start = [], 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end == -1 else end + 1
        spans.append(Span(start, end, text[start:end]))
        start = end + 1
    return tuple(spans)


def pristina(text: str) -> EventLocation:
    """A location the sentence names but the gazetteer does not place (no coordinates)."""
    return EventLocation(start=0, end=len(text), text="Pristina", place=None, precision=None)


def make_event(
    doc_id: str,
    text: str,
    trigger: str,
    *,
    kind: str = "ACCUSE",
    cameo: str = "112",
    source: Actor | None = None,
    target: Actor | None = None,
    when: str | None = None,
    negated: bool = False,
) -> Event:
    trig = span_of(text, trigger)
    sentence = next(s for s in sentences_of(text) if s.start <= trig.start < s.end)
    return Event(
        event_id=stable_id(doc_id, trig.start, kind),
        doc_id=doc_id,
        type=kind,
        mode=None,
        cameo=cameo,
        quad=3,
        intensity=-2.0,
        goldstein=-2.5,
        date=when,
        date_precision=None if when is None else "day",
        negated=negated,
        sources=() if source is None else (source,),
        targets=() if target is None else (target,),
        trigger=trig,
        sentence=sentence,
        location=pristina(text) if target else None,
        confidence=0.75,
        explanation=f"trigger {trigger!r}",
    )


def accusation_doc(
    doc_id: str = "doc-a", published: date | None = date(2022, 11, 24)
) -> CodedDocument:
    """Two sentences, two events: Serbia accuses Kosovo; a protest with no target."""
    text = (
        "Serbian President Aleksandar Vucic accused Kosovo of provocations on Wednesday. "
        "Students protested in Belgrade."
    )
    vucic = actor("Aleksandar Vucic", text.index("Aleksandar"), "Aleksandar Vucic", "SRB", "GOV")
    kosovo = actor("Kosovo", text.index("Kosovo"), "Kosovo", "XKX", None)
    students = actor("Students", text.index("Students"), "students", "SRB", "EDU")
    events = (
        make_event(doc_id, text, "accused", source=vucic, target=kosovo, when="2022-11-23"),
        make_event(
            doc_id,
            text,
            "protested",
            kind="PROTEST",
            cameo="141",
            source=students,
            when="2022-11-24",
        ),
    )
    when = span_of(text, "Wednesday")
    said = span_of(text, "Kosovo of provocations")
    return CodedDocument(
        article=Article(
            doc_id,
            text,
            published,
            "Vucic accuses Kosovo",
            "https://example.org/a",
            "Example Wire",
            f"{doc_id}.jsonl:1",
        ),
        sentences=sentences_of(text),
        events=events,
        times=(TimeExpression(when.start, when.end, when.text, "2022-11-23", "day"),),
        quotes=(Quote(said.start, said.end, said.text, "indirect", "accused", vucic, ()),),
        actors=(vucic, kosovo, students),
    )


def aid_doc(doc_id: str = "doc-b", published: date | None = date(2022, 11, 20)) -> CodedDocument:
    """One sentence, one event: the EU gives aid to Kosovo (a non-state source)."""
    text = "The European Union pledged aid to Kosovo's government."
    eu = actor("The European Union", 0, "European Union", "EUR", None)
    kosovo = actor("Kosovo's government", text.index("Kosovo"), "Kosovo", "XKX", "GOV")
    event = make_event(
        doc_id, text, "pledged", kind="AID", cameo="053", source=eu, target=kosovo, when="2022-11"
    )
    return CodedDocument(
        article=Article(
            doc_id, text, published, "EU aid", None, "Example Wire", f"{doc_id}.jsonl:1"
        ),
        sentences=sentences_of(text),
        events=(event,),
        actors=(eu, kosovo),
    )


def mutual_doc(doc_id: str = "doc-m", published: date | None = date(2022, 11, 24)) -> CodedDocument:
    """One mutual act (Serbia and Kosovo agreed) and one visit with a paired code."""
    text = "Serbia and Kosovo agreed on plates. The EU envoy visited Pristina and Belgrade."
    serbia = actor("Serbia", 0, "Serbia", "SRB", None)
    kosovo = actor("Kosovo", text.index("Kosovo"), "Kosovo", "XKX", None)
    envoy = actor("The EU envoy", text.index("The EU"), "EU envoy", "EUR", "GOV")
    pristina = actor("Pristina", text.index("Pristina"), "Kosovo", "XKX", "GOV")
    belgrade = actor("Belgrade", text.index("Belgrade"), "Serbia", "SRB", "GOV")
    agreed = replace(
        make_event(doc_id, text, "agreed", kind="AGREE", cameo="030", source=serbia),
        sources=(serbia, kosovo), targets=(serbia, kosovo), mutual=True,
    )  # fmt: skip
    visit = replace(
        make_event(doc_id, text, "visited", kind="CONSULT", cameo="042", source=envoy),
        targets=(pristina, belgrade), paired_cameo="043",
    )  # fmt: skip
    return CodedDocument(
        article=Article(doc_id, text, published, "Deal", None, "Example Wire", f"{doc_id}.jsonl:1"),
        sentences=sentences_of(text),
        events=(agreed, visit),
        actors=(serbia, kosovo, envoy, pristina, belgrade),
    )
