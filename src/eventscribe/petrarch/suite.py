"""PETRARCH validation suites (``PETR_Validate_records_2_02.xml``, the unit tests).

The files are not well-formed XML: a comment header, ``<!-- -->`` blocks anywhere, an
``<Environment>`` naming the dictionaries to load, and ``<Sentence category date id
evaluate>`` records with ``<EventCoding eventcode sourcecode targetcode/>`` gold (or
``noevents``) and ``<Text>``. A sentence is scored when it is marked ``evaluate="true"``
and its category is in the environment's ``<Include>`` list (when there is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventscribe.errors import GoldFileError
from eventscribe.evaluation.gold import GoldActor, GoldCase, GoldEvent, GoldSet

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_FILES = {
    "verbs": "Verbfile",
    "actors": "Actorfile",
    "agents": "Agentfile",
    "discards": "Discardfile",
}


@dataclass(frozen=True)
class SuiteCase:
    """One validation record: its text and the codings PETRARCH should produce."""

    id: str
    category: str
    day: date | None
    text: str
    codings: tuple[tuple[str, str, str], ...]  # (event code, source code, target code)
    no_events: bool
    line: int


@dataclass(frozen=True)
class Suite:
    path: Path
    files: dict[str, str]  # "verbs"/"actors"/"agents"/"discards" -> file name in the environment
    include: frozenset[str]
    cases: tuple[SuiteCase, ...]
    skipped: tuple[str, ...]


def read_suite(path: Path) -> Suite:
    """The scored records of a validation file; the others are listed in ``skipped``."""
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise GoldFileError(f"{path}: cannot read ({exc})") from exc
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), raw)  # keep line numbers
    files = {kind: found.group(1).strip() for kind, tag in _FILES.items()
             if (found := re.search(rf"<{tag}>(.*?)</{tag}>", text, re.DOTALL))}  # fmt: skip
    include_match = re.search(r"<Include>(.*?)</Include>", text, re.DOTALL)
    include = frozenset(include_match.group(1).split()) if include_match else frozenset()
    cases: list[SuiteCase] = []
    skipped: list[str] = []
    for match in _SENTENCE.finditer(text):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        line = text.count("\n", 0, match.start()) + 1
        where = f"{path.name}:{line}"
        category = attributes.get("category", "")
        if attributes.get("evaluate", "true").lower() != "true" or (
            include and category not in include
        ):
            skipped.append(f"{where}: {attributes.get('id', '?')} not evaluated ({category})")
            continue
        case = _case(match.group(2), attributes, line, where)
        if isinstance(case, str):
            skipped.append(case)
        else:
            cases.append(case)
    if not cases:
        raise GoldFileError(
            f"{path}: no <Sentence> record to evaluate", fix="give a PETRARCH validation file"
        )
    return Suite(path, files, include, tuple(cases), tuple(skipped))


def _case(body: str, attributes: dict[str, str], line: int, where: str) -> SuiteCase | str:
    text_match = _TEXT.search(body)
    if text_match is None or not text_match.group(1).strip():
        return f"{where}: no <Text>"
    codings: list[tuple[str, str, str]] = []
    no_events = False
    for raw in _CODING.findall(body):
        coding = dict(_ATTRIBUTE.findall(raw))
        if "noevents" in coding:
            no_events = True
        elif "error" in coding:
            return f"{where}: an <EventCoding error> record (a parser error test)"
        elif "eventcode" in coding:
            codings.append(
                (coding["eventcode"], coding.get("sourcecode", ""), coding.get("targetcode", ""))
            )
    return SuiteCase(
        id=attributes.get("id", f"line-{line}"),
        category=attributes.get("category", ""),
        day=_day(attributes.get("date", "")),
        text=" ".join(text_match.group(1).split()),
        codings=tuple(codings),
        no_events=no_events and not codings,
        line=line,
    )


def _day(value: str) -> date | None:
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8])) if len(value) == 8 else None
    except ValueError:
        return None


def gold_set(suite: Suite) -> GoldSet:
    """The suite as CAMEO-coded gold (FORMAT.md "Code accuracy"): one case a record."""
    cases = [
        GoldCase(
            id=case.id,
            date=case.day,
            text=case.text,
            origin=f"{suite.path.name}:{case.line}",
            events=tuple(_event(code, source, target) for code, source, target in case.codings),
            no_events=case.no_events,
        )
        for case in suite.cases
    ]
    return GoldSet(kind="events", cases=cases, path=suite.path, problems=suite.skipped)


def _event(code: str, source: str, target: str) -> GoldEvent:
    def actor(value: str) -> tuple[GoldActor, ...]:
        value = value.strip()
        return (
            (GoldActor(country=value[:3] or None, code=value),) if value and value != "---" else ()
        )

    return GoldEvent(type=None, cameo=code, source=actor(source), target=actor(target))


def categories(suite: Suite) -> dict[str, list[str]]:
    """Case ids by category, for the per-category table."""
    found: dict[str, list[str]] = {}
    for case in suite.cases:
        found.setdefault(case.category, []).append(case.id)
    return found
