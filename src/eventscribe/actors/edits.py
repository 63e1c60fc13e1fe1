"""A user's corrections to the actor registry, kept in the store.

``eventscribe actors edit NAME --country X --sector Y`` and ``actors merge NAME OTHER``
record a row in ``actor_edits``; the next run reads them as the most trusted registry
entries (over learned and built-in ones), so a wrong code is fixed once, not per run.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from eventscribe.actors.learned import learned_entries
from eventscribe.actors.registry import RegistryEntry, load_registry

EDITS_TABLE = """
CREATE TABLE IF NOT EXISTS actor_edits (
    edit_no INTEGER, kind VARCHAR, name VARCHAR, alias VARCHAR, country VARCHAR,
    sector VARCHAR, valid_from DATE, valid_to DATE, created_at VARCHAR
)
"""


def record_edit(
    store: Any,
    *,
    name: str,
    country: str,
    sector: str | None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    alias: str | None = None,
) -> None:
    """Store a correction (``alias`` set: ``alias`` is another name of ``name``)."""
    with store.transaction("record an actor edit"):
        con = store.connection
        con.execute(EDITS_TABLE)
        number = con.execute("SELECT coalesce(max(edit_no), 0) + 1 FROM actor_edits").fetchone()[0]
        con.execute(
            "INSERT INTO actor_edits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [number, "merge" if alias else "edit", name, alias, country.upper(),
             sector.upper() if sector else None, valid_from, valid_to,
             datetime.now(UTC).isoformat(timespec="seconds")],
        )  # fmt: skip


def edit_entries(store: Any) -> tuple[RegistryEntry, ...]:
    """The user's corrections as registry entries, oldest first (later ones win)."""
    tables = store.fetch(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'actor_edits'"
    )
    if not tables[0]["n"]:
        return ()
    rows = store.fetch("SELECT * FROM actor_edits ORDER BY edit_no")
    return tuple(
        RegistryEntry(
            name=row["name"],
            aliases=tuple(a for a in (row["alias"], row["name"].split()[-1]) if a),
            country=row["country"],
            sector=row["sector"],
            office="",
            office_country=None,
            valid_from=row["valid_from"],
            valid_to=row["valid_to"],
            source=f"your {row['kind']} #{row['edit_no']} of {row['created_at'][:10]}",
        )
        for row in rows
    )


def store_knowledge(store: Any) -> tuple[RegistryEntry, ...]:
    """Everything the store adds to the registry: learned entries, then the user's edits."""
    return learned_entries(store) + edit_entries(store)


def registry_rows(store: Any | None, *, name: str | None = None) -> list[dict[str, Any]]:
    """The whole registry (built-in, learned, edits) as rows, optionally for one name."""
    registry = load_registry(learned=store_knowledge(store) if store is not None else ())
    wanted = name.casefold() if name else None
    rows = []
    for entry in registry.entries:
        forms = [f.casefold() for f in entry.forms]
        if wanted and not any(wanted in form for form in forms):
            continue
        rows.append(
            {
                "name": entry.name,
                "aliases": ", ".join(entry.aliases),
                "country": entry.office_country or entry.country,
                "sector": entry.sector or "",
                "office": entry.office,
                "from": entry.valid_from.isoformat() if entry.valid_from else "",
                "to": entry.valid_to.isoformat() if entry.valid_to else "",
                "source": entry.source,
            }
        )
    return rows
