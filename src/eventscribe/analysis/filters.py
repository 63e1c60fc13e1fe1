"""Event filters shared by the analysis functions, the HTTP API and the dashboard.

A :class:`EventFilter` turns into a SQL ``WHERE`` fragment with ``?`` placeholders and a
parameter list: user values are never pasted into SQL text. Columns are those of the
``events`` table (alias ``e``); the event date falls back to the document date (alias
``d``), as in :func:`~eventscribe.analysis.dyad_summary`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

# The date an event is placed on: its own date, else its document's publication date.
EVENT_DATE_SQL = "COALESCE(e.event_date, CAST(d.date AS VARCHAR))"


# The store's own tables: events joined to their documents for the date fallback.
STORE_FROM = "FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id"


class Reader(Protocol):
    """Anything that runs a read query with bound parameters (an EventStore does)."""

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Source:
    """Where events are read from: a FROM clause (alias ``e``) and its event-date expression.

    The store itself is :data:`STORE_SOURCE`. A reader may offer a faster read copy for
    some filters through a ``source_for(flt)`` method (the web app's date-clustered copy).
    """

    from_sql: str = STORE_FROM
    date_sql: str = EVENT_DATE_SQL
    pair_columns: bool = False  # has pair_lo/pair_hi (the unordered country pair)


STORE_SOURCE = Source()


def source_for(reader: Reader, flt: EventFilter) -> Source:
    """The reader's preferred source for ``flt`` (the store tables unless it offers one)."""
    pick = getattr(reader, "source_for", None)
    return pick(flt) if pick is not None else STORE_SOURCE


def split_codes(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """Upper-cased codes from "SRB,XKX" or ["SRB", "XKX"]; blanks dropped, order kept."""
    if values is None:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    codes: list[str] = []
    for item in items:
        for part in str(item).split(","):
            code = part.strip().upper()
            if code and code not in codes:
                codes.append(code)
    return tuple(codes)


def _any_actor(role: str, test: str) -> str:
    """Any actor of ``role`` of the event (its ``event_actors`` rows) passes ``test`` (on ``a``)."""
    return (
        f"EXISTS (SELECT 1 FROM event_actors AS a WHERE a.event_id = e.event_id "
        f"AND a.role = '{role}' AND {test})"
    )


def side_condition(role: str, codes: Sequence[str]) -> tuple[str, list[Any]]:
    """Any actor of ``role`` (source/target) matches any code: a country ("SRB") or an
    actor code ("SRBGOV")."""
    marks = ", ".join("?" for _ in codes)
    return _any_actor(role, f"(a.country IN ({marks}) OR a.code IN ({marks}))"), [*codes, *codes]


def dyad_condition(
    side_a: Sequence[str], side_b: Sequence[str], *, directed: bool = False
) -> tuple[str, list[Any]]:
    """Events from side A to side B (and, unless ``directed``, from B to A)."""
    src_a, p_src_a = side_condition("source", side_a)
    tgt_b, p_tgt_b = side_condition("target", side_b)
    sql, params = f"({src_a} AND {tgt_b})", [*p_src_a, *p_tgt_b]
    if not directed:
        src_b, p_src_b = side_condition("source", side_b)
        tgt_a, p_tgt_a = side_condition("target", side_a)
        sql = f"({sql} OR ({src_b} AND {tgt_a}))"
        params += [*p_src_b, *p_tgt_a]
    return sql, params


def like_pattern(text: str) -> str:
    """``text`` as a case-insensitive substring pattern for ILIKE ... ESCAPE '\\'."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class EventFilter:
    """Which events to look at. Empty fields do not filter.

    ``start``/``end``: ISO dates, inclusive, compared with the event date.
    ``countries``: any actor is from one of these (country or actor code).
    ``sources``/``targets``: any source/target is one of these codes.
    ``actor``: any source or target has this canonical name (case-insensitive).
    ``types``: PLOVER types; ``quads``: quad classes 1-4; ``text``: a substring of the
    sentence; ``dyad``: two code sets (A, B), events between them (both directions unless
    ``directed``). Negated events are left out unless ``include_negated``.
    """

    start: str | None = None
    end: str | None = None
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    actor: str | None = None
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    text: str | None = None
    doc_id: str | None = None
    dyad: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    directed: bool = False
    include_negated: bool = False

    def where(self, source: Source = STORE_SOURCE) -> tuple[str, list[Any]]:
        """The WHERE fragment (never empty: "TRUE" when nothing filters) and its params,
        for reading from ``source`` (the store tables by default)."""
        parts: list[str] = []
        params: list[Any] = []
        conditions = self._conditions(source.date_sql)
        pair = self.pair_condition() if source.pair_columns else None
        for sql, values in [pair, *conditions] if pair else conditions:
            parts.append(sql)
            params.extend(values)
        return (" AND ".join(parts) if parts else "TRUE"), params

    def pair_condition(self) -> tuple[str, list[Any]] | None:
        """A test on the unordered country pair (``e.pair_lo``, ``e.pair_hi``) that every
        event of ``dyad`` passes (a code's first three letters are its country), so a copy
        clustered on that pair can skip the rest. None without a dyad."""
        if not self.dyad:
            return None
        side_a = {code[:3] for code in self.dyad[0]}
        side_b = {code[:3] for code in self.dyad[1]}
        pairs = sorted({(min(x, y), max(x, y)) for x in side_a for y in side_b})
        sql = " OR ".join("(e.pair_lo = ? AND e.pair_hi = ?)" for _ in pairs)
        return f"({sql})", [value for pair in pairs for value in pair]

    def _conditions(self, date_sql: str) -> list[tuple[str, list[Any]]]:
        found: list[tuple[str, list[Any]]] = []
        if not self.include_negated:
            found.append(("NOT COALESCE(e.negated, FALSE)", []))
        if self.start:
            found.append((f"{date_sql} >= ?", [self.start]))
        if self.end:
            # "2022-11-30" must keep "2022-11-30" itself: compare against the next string.
            found.append((f"{date_sql} <= ?", [self.end + "\uffff"]))
        found.extend(self._actor_conditions())
        if self.types:
            marks = ", ".join("?" for _ in self.types)
            found.append((f"e.plover_type IN ({marks})", list(self.types)))
        if self.quads:
            marks = ", ".join("?" for _ in self.quads)
            found.append((f"e.quad_class IN ({marks})", [int(q) for q in self.quads]))
        if self.text:
            found.append(("e.sentence_text ILIKE ? ESCAPE '\\'", [like_pattern(self.text)]))
        if self.doc_id:
            found.append(("e.doc_id = ?", [self.doc_id]))
        return found

    def _actor_conditions(self) -> list[tuple[str, list[Any]]]:
        found: list[tuple[str, list[Any]]] = []
        if self.countries:
            src, p_src = side_condition("source", self.countries)
            tgt, p_tgt = side_condition("target", self.countries)
            found.append((f"({src} OR {tgt})", [*p_src, *p_tgt]))
        if self.sources:
            found.append(side_condition("source", self.sources))
        if self.targets:
            found.append(side_condition("target", self.targets))
        if self.actor:
            either = " OR ".join(
                _any_actor(role, "lower(a.name) = lower(?)") for role in ("source", "target")
            )
            found.append((f"({either})", [self.actor, self.actor]))
        if self.dyad:
            found.append(dyad_condition(self.dyad[0], self.dyad[1], directed=self.directed))
        return found


# The filter that keeps every (non-negated) event: the default of the analysis functions.
ALL_EVENTS = EventFilter()
