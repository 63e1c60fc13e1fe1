"""Builders for hand-made gold lines and predicted output-contract documents."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
EXAMPLE_GOLD = SHARED / "examples" / "kosovo-serbia-2023-02-02.gold.json"


def actor(
    country: str | None, start: int = 0, end: int = 0, code: str | None = None
) -> dict[str, Any]:
    """A predicted actor as the output contract writes it."""
    return {
        "text": "x",
        "start": start,
        "end": end,
        "name": "x",
        "country": country,
        "sector": None,
        "code": code,
    }


def event(
    type_: str,
    source: str | None = None,
    target: str | None = None,
    *,
    date: str | None = None,
    negated: bool = False,
    quad: int = 1,
    trigger: int = 0,
    cameo: str = "010",
    source_code: str | None = None,
    target_code: str | None = None,
    event_id: str = "",
) -> dict[str, Any]:
    """A predicted event; ``target=None`` means the event has no target."""
    return {
        "id": event_id or f"{type_}-{source}-{target}-{trigger}",
        "type": type_,
        "mode": None,
        "cameo": cameo,
        "quad": quad,
        "intensity": 0.0,
        "goldstein": 0.0,
        "date": date,
        "date_precision": None,
        "negated": negated,
        "source": actor(source, code=source_code),
        "target": None if target is None else actor(target, code=target_code),
        "trigger": {"text": "x", "start": trigger, "end": trigger + 1},
        "sentence": {"start": 0, "end": 10},
        "location": None,
    }


def doc(doc_id: str, events: Sequence[dict[str, Any]] = (), **extra: Any) -> dict[str, Any]:
    return {
        "id": doc_id,
        "date": None,
        "events": list(events),
        "times": [],
        "places": [],
        "quotes": [],
        **extra,
    }


def gold_event(
    type_: str | None,
    sources: Sequence[str | None],
    targets: Sequence[str | None] = (),
    *,
    date: str | None = None,
    optional: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """A gold event line; ``extra`` adds fields such as ``cameo`` or ``also_accepted``."""
    return {
        "type": type_,
        "mode": None,
        "cameo": extra.pop("cameo", None),
        "source": [{"country": c, "sector": None, "code": None, "text": "x"} for c in sources],
        "target": [{"country": c, "sector": None, "code": None, "text": "y"} for c in targets],
        "date": date,
        "optional": optional,
        **extra,
    }


def events_case(
    case_id: str, events: list[dict[str, Any]], *, no_events: bool = False
) -> dict[str, Any]:
    return {
        "id": case_id,
        "date": "2023-02-02",
        "text": "Some text.",
        "events": events,
        "no_events": no_events,
    }


@pytest.fixture()
def write_jsonl(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    def write(name: str, rows: list[dict[str, Any]]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path

    return write


@pytest.fixture()
def b() -> SimpleNamespace:
    """The builders, as one namespace: ``b.event(...)``, ``b.doc(...)``, ..."""
    return SimpleNamespace(
        actor=actor, event=event, doc=doc, gold_event=gold_event, events_case=events_case
    )


@pytest.fixture()
def example_gold() -> Path:
    if not EXAMPLE_GOLD.is_file():
        pytest.skip(f"the shared example gold {EXAMPLE_GOLD} is not here (../shared missing)")
    return EXAMPLE_GOLD
