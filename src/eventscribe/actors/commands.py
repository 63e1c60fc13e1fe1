"""``eventscribe actors ...``: inspect and correct the actor registry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click

from eventscribe.config import DEFAULT_STORE

STORE_OPTION = click.option(
    "--store", "store_path", type=click.Path(dir_okay=False), default=DEFAULT_STORE, show_default=True,
    help="DuckDB store whose learned entries and edits to include.",
)  # fmt: skip


@click.group()
def actors() -> None:
    """Inspect and correct the actor registry (built-in people, what the stored articles
    taught, and your edits).

    \b
    Examples:
      eventscribe actors list --store events.duckdb --source learned
      eventscribe actors show Vucic --store events.duckdb
      eventscribe actors edit "Petar Petkovic" --country SRB --sector GOV --store events.duckdb
      eventscribe actors merge "Aleksandar Vucic" "A. Vucic" --store events.duckdb
    """


@actors.command(name="list")
@STORE_OPTION
@click.option(
    "--source",
    type=click.Choice(["all", "builtin", "learned", "edits"]),
    default="all",
    show_default=True,
)
@click.option("--country", default=None, help="Only actors of this country code.")
def list_actors(store_path: str, source: str, country: str | None) -> None:
    """List registry entries: name, country, sector, dates and where each came from.

    \b
    Example:
      eventscribe actors list --store events.duckdb --source learned --country SRB
    """
    rows = [r for r in _rows(store_path) if _from_source(r["source"], source)]
    if country:
        rows = [r for r in rows if r["country"] == country.upper()]
    click.echo(_table(rows) if rows else "no registry entries match")


@actors.command()
@click.argument("name")
@STORE_OPTION
def show(name: str, store_path: str) -> None:
    """Show what the registry and the stored articles say about NAME.

    \b
    Example:
      eventscribe actors show Vucic --store events.duckdb
    """
    rows = _rows(store_path, name=name)
    click.echo(_table(rows) if rows else f"no registry entry for '{name}'")
    mentions = _mentions(store_path, name)
    if mentions:
        click.echo(f"\n{len(mentions)} stored mention(s):")
        for row in mentions[:20]:
            click.echo(
                f"  {row['doc_id']}: '{row['text']}' -> {row['country'] or '?'} {row['sector'] or '?'}"
                f"  ({row['evidence']})"
            )


@actors.command()
@click.argument("name")
@click.option("--country", required=True, help="Country or non-state code (SRB, XKX, EUR, IGO...).")
@click.option("--sector", default=None, help="PLOVER sector code (GOV, MIL, REB, ...).")
@click.option(
    "--from",
    "valid_from",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Valid from (YYYY-MM-DD).",
)
@click.option(
    "--to",
    "valid_to",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Valid until (YYYY-MM-DD).",
)
@STORE_OPTION
def edit(
    name: str,
    country: str,
    sector: str | None,
    valid_from: datetime | None,
    valid_to: datetime | None,
    store_path: str,
) -> None:
    """Set NAME's country and sector (optionally for a date range); used from the next run,
    which also codes again the stored documents that mention NAME.

    \b
    Example:
      eventscribe actors edit "Petar Petkovic" --country SRB --sector GOV --store events.duckdb
    """
    from eventscribe.actors.edits import record_edit
    from eventscribe.store import EventStore

    with EventStore(store_path) as store:
        record_edit(
            store, name=name, country=country, sector=sector,
            valid_from=valid_from.date() if valid_from else None,
            valid_to=valid_to.date() if valid_to else None,
        )  # fmt: skip
    click.echo(f"recorded: {name} -> {country.upper()} {sector.upper() if sector else ''}".rstrip())


@actors.command()
@click.argument("name")
@click.argument("other")
@STORE_OPTION
def merge(name: str, other: str, store_path: str) -> None:
    """Record that OTHER is another name of NAME (same country and sector from now on).

    \b
    Example:
      eventscribe actors merge "Aleksandar Vucic" "A. Vucic" --store events.duckdb
    """
    from eventscribe.actors.edits import record_edit
    from eventscribe.store import EventStore

    known = [r for r in _rows(store_path, name=name) if r["name"].casefold() == name.casefold()]
    if not known:
        raise click.ClickException(
            f"'{name}' is not in the registry; record it first with: eventscribe actors edit "
            f'"{name}" --country XXX --sector YYY'
        )
    entry = known[-1]
    with EventStore(store_path) as store:
        record_edit(
            store,
            name=entry["name"],
            country=entry["country"],
            sector=entry["sector"] or None,
            alias=other,
        )
    click.echo(
        f"recorded: '{other}' is {entry['name']} ({entry['country']} {entry['sector']})".rstrip()
    )


def _rows(store_path: str, *, name: str | None = None) -> list[dict[str, Any]]:
    from pathlib import Path

    from eventscribe.actors.edits import registry_rows
    from eventscribe.store import EventStore

    if not Path(store_path).is_file():
        return registry_rows(None, name=name)
    with EventStore(store_path, read_only=True) as store:
        return registry_rows(store, name=name)


def _mentions(store_path: str, name: str) -> list[dict[str, Any]]:
    from pathlib import Path

    from eventscribe.store import EventStore

    if not Path(store_path).is_file():
        return []
    with EventStore(store_path, read_only=True) as store:
        return store.fetch(
            "SELECT doc_id, text, country, sector, evidence FROM actors "
            "WHERE lower(name) LIKE ? OR lower(text) LIKE ? ORDER BY doc_id, start",
            (f"%{name.lower()}%", f"%{name.lower()}%"),
        )


def _from_source(source: str, wanted: str) -> bool:
    kind = (
        "learned"
        if source.startswith("learned")
        else "edits"
        if source.startswith("your ")
        else "builtin"
    )
    return wanted in ("all", kind)


def _table(rows: list[dict[str, Any]]) -> str:
    lines = []
    for row in rows:
        dates = f"{row['from'] or '?'}..{row['to'] or 'now'}"
        office = f" {row['office']}" if row["office"] else ""
        lines.append(
            f"{row['name']:<28} {row['country']:<4} {row['sector'] or '-':<4} {dates:<23}{office}  [{row['source']}]"
        )
    return "\n".join(lines)
