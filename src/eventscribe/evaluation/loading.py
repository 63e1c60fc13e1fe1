"""Reading gold files and prediction files, with errors that name file, line and field.

Gold files are JSON Lines (one case a line, see ``eval/FORMAT.md``); the kind of a
line is told by its fields. An *article* gold file is one JSON object (possibly
spread over many lines) whose text lives in the sibling ``<stem>.txt`` file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventscribe.errors import GoldFileError
from eventscribe.evaluation import fields as F
from eventscribe.evaluation.gold import (
    GoldActor,
    GoldCase,
    GoldEvent,
    GoldPlace,
    GoldSet,
    GoldTime,
    MustNot,
)

# The field that tells each kind of JSON Lines gold case, checked in this order.
_KIND_FIELDS = (
    ("events", "events"),
    ("quad", "quad"),
    ("source_spans", "roles"),
    ("target_spans", "roles"),
    ("times", "times"),
    ("places", "places"),
    ("verb", "evloc"),
)


def load_gold(path: Path, *, strict: bool = False) -> GoldSet:
    """Read a gold file of any kind; raise :class:`GoldFileError` on a bad line.

    The kind is told by the fields: "events", "quad", "roles" (``source_spans``),
    "times", "places", "evloc" (``verb``); a single JSON object file (``*.json``, or
    spread over several lines) is an "article" gold file, its text in the sibling
    ``<name>.txt``.

    Published gold sets carry a few conversion slips, which are worked around and
    named in ``GoldSet.problems`` ("file:line: field ..."): a span, time or place whose
    offsets lie outside its text is left out; a case repeating an earlier id is scored
    as ``<id>@<line>``. ``strict=True`` raises :class:`GoldFileError` instead.
    """
    path = Path(path)
    raw = _read_text(path)
    whole = _as_single_object(raw, path)
    if whole is not None:
        return GoldSet(kind="article", cases=[_article_case(whole, path)], path=path)
    return _load_jsonl(path, raw, None if strict else [])


def read_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """Read a JSON Lines file of output-contract documents, keyed by ``id``."""
    path = Path(path)
    docs: dict[str, dict[str, Any]] = {}
    for where, obj in _json_lines(path, _read_text(path)):
        doc_id = F.req_str(obj, "id", where)
        for i, event in enumerate(F.req_list(obj, "events", where, default=True)):
            F.as_object(event, where, f"events[{i}]")
        for key in ("times", "places"):
            for i, item in enumerate(F.req_list(obj, key, where, default=True)):
                F.as_object(item, where, f"{key}[{i}]")
        if doc_id in docs:
            raise F.bad_field(where, "id", f"repeats the id {doc_id!r} of an earlier line")
        docs[doc_id] = obj
    return docs


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldFileError(f"{path}: no such file", fix="check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        message = f"{path}: cannot be read ({exc})"
        raise GoldFileError(message, fix="give a UTF-8 text file") from None


def _as_single_object(raw: str, path: Path) -> dict[str, Any] | None:
    """The file's object if it is an article gold file, else None (JSON Lines).

    An article file is one JSON object named ``*.json`` or spread over several lines;
    a one-line ``*.jsonl`` file is a gold set of one case.
    """
    stripped = raw.strip()
    try:
        obj = json.loads(stripped)
    except json.JSONDecodeError:
        return None
    if not isinstance(obj, dict):
        return None
    return obj if ("\n" in stripped or path.suffix == ".json") else None


def _json_lines(path: Path, raw: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(
                f"{where}: not valid JSON ({exc.msg} at column {exc.colno})",
                fix="each line must be one JSON object",
            ) from None
        if not isinstance(obj, dict):
            fix = "each line must be one JSON object"
            raise GoldFileError(f"{where}: not a JSON object", fix=fix)
        yield where, obj


def _load_jsonl(path: Path, raw: str, skipped: list[str] | None) -> GoldSet:
    kind: str | None = None
    cases: list[GoldCase] = []
    seen: set[str] = set()
    for where, obj in _json_lines(path, raw):
        line_kind = _line_kind(obj, where)
        if kind is not None and line_kind != kind:
            raise GoldFileError(
                f"{where}: a {line_kind!r} case in a file of {kind!r} cases",
                fix="keep one kind of gold case per file",
            )
        kind = line_kind
        case = _PARSERS[line_kind](obj, where, skipped)
        if case.id in seen:
            case = _renamed(case, where, skipped)
        seen.add(case.id)
        cases.append(case)
    if kind is None:
        raise GoldFileError(f"{path}: holds no gold cases", fix="give a JSON Lines gold file")
    return GoldSet(kind=kind, cases=cases, path=path, problems=tuple(skipped or ()))


def _renamed(case: GoldCase, where: str, skipped: list[str] | None) -> GoldCase:
    """A case whose id repeats an earlier one gets ``<id>@<line>`` (strict: an error)."""
    problem = f"repeats the id {case.id!r} of an earlier line"
    if skipped is None:
        raise F.bad_field(where, "id", problem)
    new_id = f"{case.id}@{where.rsplit(':', 1)[1]}"
    skipped.append(f"{where}: field 'id' {problem}; scored as {new_id!r}")
    return replace(case, id=new_id)


def _line_kind(obj: dict[str, Any], where: str) -> str:
    for key, kind in _KIND_FIELDS:
        if key in obj:
            return kind
    raise GoldFileError(
        f"{where}: no scoring field (events, quad, source_spans, times, places or verb)",
        fix="add the field that holds the gold answer for this case",
    )


def _base(obj: dict[str, Any], where: str, **extra: Any) -> GoldCase:
    return GoldCase(
        id=F.req_str(obj, "id", where),
        date=F.case_date(obj, where),
        text=F.text_field(obj, "text", where),
        origin=where,
        **extra,
    )


def _events_case(obj: dict[str, Any], where: str, _skipped: list[str] | None) -> GoldCase:
    events = _events(obj, where)
    no_events = F.opt_bool(obj, "no_events", where)
    if no_events and events:
        raise F.bad_field(where, "no_events", f"is true but 'events' lists {len(events)} events")
    return _base(obj, where, events=events, no_events=no_events)


def _events(obj: dict[str, Any], where: str) -> tuple[GoldEvent, ...]:
    items = F.req_list(obj, "events", where)
    return tuple(
        _event(F.as_object(e, where, f"events[{i}]"), where, f"events[{i}]")
        for i, e in enumerate(items)
    )


def _event(obj: dict[str, Any], where: str, path: str) -> GoldEvent:
    also = F.req_list(obj, "also_accepted", where, path, default=True)
    for i, value in enumerate(also):
        if not isinstance(value, str):
            raise F.bad_field(where, f"{path}.also_accepted[{i}]", "must be an event type string")
    return GoldEvent(
        type=F.opt_str(obj, "type", where, path),
        cameo=F.opt_str(obj, "cameo", where, path),
        mode=F.opt_str(obj, "mode", where, path),
        source=_actors(obj, "source", where, path),
        target=_actors(obj, "target", where, path),
        date=F.event_date(obj, where, path),
        optional=F.opt_bool(obj, "optional", where, path),
        also_accepted=tuple(also),
        why=F.opt_str(obj, "why", where, path) or "",
    )


def _actors(obj: dict[str, Any], key: str, where: str, path: str) -> tuple[GoldActor, ...]:
    actors = []
    for i, item in enumerate(F.req_list(obj, key, where, path, default=True)):
        name = f"{path}.{key}[{i}]"
        actor = F.as_object(item, where, name)
        actors.append(
            GoldActor(
                country=F.opt_str(actor, "country", where, name),
                sector=F.opt_str(actor, "sector", where, name),
                code=F.opt_str(actor, "code", where, name),
                text=F.opt_str(actor, "text", where, name) or "",
            )
        )
    return tuple(actors)


def _quad_case(obj: dict[str, Any], where: str, _skipped: list[str] | None) -> GoldCase:
    quad = F.req_int(obj, "quad", where)
    if not 0 <= quad <= 4:
        raise F.bad_field(where, "quad", f"must be 0, 1, 2, 3 or 4, not {quad}")
    return _base(obj, where, quad=quad)


def _roles_case(obj: dict[str, Any], where: str, skipped: list[str] | None) -> GoldCase:
    text = F.text_field(obj, "text", where)
    spans = {}
    for key in ("source_spans", "target_spans"):
        items = F.req_list(obj, key, where, default=True)
        pairs = (
            _in_text(skipped, F.span, v, text, where, f"{key}[{i}]") for i, v in enumerate(items)
        )
        spans[key] = tuple(p for p in pairs if p is not None)
    return _base(obj, where, **spans)


def _in_text(skipped: list[str] | None, read: Callable[..., Any], *args: Any) -> Any:
    """``read(*args)``; when not strict, a span outside the text is noted and gives None."""
    try:
        return read(*args)
    except F.OutsideText as exc:
        if skipped is None:
            raise
        skipped.append(exc.message)
        return None


def _times_case(obj: dict[str, Any], where: str, skipped: list[str] | None) -> GoldCase:
    text = F.text_field(obj, "text", where)
    times = []
    for i, item in enumerate(F.req_list(obj, "times", where)):
        name = f"times[{i}]"
        t = F.as_object(item, where, name)
        offsets = _in_text(skipped, F.offsets, t, text, where, name)
        if offsets is None:
            continue
        start, end = offsets
        times.append(
            GoldTime(
                start=start,
                end=end,
                text=F.opt_str(t, "text", where, name) or text[start:end],
                type=F.req_str(t, "type", where, name).upper(),
                value=F.req_str(t, "value", where, name),
            )
        )
    return _base(obj, where, times=tuple(times))


def _places_case(obj: dict[str, Any], where: str, skipped: list[str] | None) -> GoldCase:
    text = F.text_field(obj, "text", where)
    places = []
    for i, item in enumerate(F.req_list(obj, "places", where)):
        name = f"places[{i}]"
        p = F.as_object(item, where, name)
        offsets = _in_text(skipped, F.offsets, p, text, where, name)
        if offsets is None:
            continue
        start, end = offsets
        geonameid = p.get("geonameid")
        places.append(
            GoldPlace(
                start=start,
                end=end,
                text=F.opt_str(p, "text", where, name) or text[start:end],
                lat=F.opt_float(p, "lat", where, name),
                lon=F.opt_float(p, "lon", where, name),
                geonameid=geonameid if isinstance(geonameid, (int, str)) else None,
                kind=F.opt_str(p, "kind", where, name),
            )
        )
    return _base(obj, where, places=tuple(places))


def _evloc_case(obj: dict[str, Any], where: str, skipped: list[str] | None) -> GoldCase:
    text = F.text_field(obj, "text", where)
    verb = F.span(obj.get("verb"), text, where, "verb")
    spans = (
        _in_text(skipped, F.span, v, text, where, f"locations[{i}]")
        for i, v in enumerate(F.req_list(obj, "locations", where, default=True))
    )
    return _base(obj, where, verb=verb, locations=tuple(s for s in spans if s is not None))


_PARSERS = {
    "events": _events_case,
    "quad": _quad_case,
    "roles": _roles_case,
    "times": _times_case,
    "places": _places_case,
    "evloc": _evloc_case,
}


def _article_case(obj: dict[str, Any], path: Path) -> GoldCase:
    """The one case of an article gold file; its text comes from ``<stem>.txt``."""
    where = str(path)
    text = obj.get("text")
    if not isinstance(text, str):
        text = _sibling_text(path)
    must_not = []
    for i, item in enumerate(F.req_list(obj, "must_not", where, default=True)):
        name = f"must_not[{i}]"
        m = F.as_object(item, where, name)
        must_not.append(
            MustNot(
                type=F.req_str(m, "type", where, name),
                source_country=F.opt_str(m, "source_country", where, name),
                why=F.opt_str(m, "why", where, name) or "",
            )
        )
    return GoldCase(
        id=F.req_str(obj, "id", where),
        date=F.case_date(obj, where),
        text=text,
        origin=where,
        events=_events(obj, where),
        must_not=tuple(must_not),
    )


def _sibling_text(path: Path) -> str:
    """``name.gold.json`` -> ``name.txt`` (else ``name.gold.txt``)."""
    stem = path.name.removesuffix(".json").removesuffix(".gold")
    candidates = [path.with_name(stem + ".txt"), path.with_suffix(".txt")]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise GoldFileError(
        f"{path}: article gold has no 'text' and {candidates[0]} does not exist",
        fix="put the article text next to the gold file as <name>.txt",
    )
