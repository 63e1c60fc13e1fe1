"""The `dyad` and `serve` commands (added to the main CLI group in cli.py)."""

from __future__ import annotations

from pathlib import Path

import click

from eventscribe.config import DEFAULT_STORE

_STORE = click.Path(exists=True, dir_okay=False)


def _series_table(series) -> str:  # type: ignore[no-untyped-def]
    """The series as an aligned text table (empty periods included)."""
    head = ("period", "events", "v.coop", "m.coop", "v.confl", "m.confl", "goldstein", "mean")
    lines = ["  ".join(f"{h:>10}" for h in head)]
    for p in series.points:
        mean = "" if p.goldstein_mean is None else f"{p.goldstein_mean:+.2f}"
        cells = (p.period, p.events, p.verbal_coop, p.material_coop, p.verbal_conflict,
                 p.material_conflict, f"{p.goldstein_sum:+.1f}", mean)  # fmt: skip
        lines.append("  ".join(f"{c:>10}" for c in cells))
    return "\n".join(lines)


@click.command()
@click.argument("side_a")
@click.argument("side_b")
@click.option("--store", "store_path", type=_STORE, default=DEFAULT_STORE, show_default=True)
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month"]),
    default="week",
    show_default=True,
    help="Period size (weeks start on Monday).",
)
@click.option(
    "--directed", is_flag=True, help="Only events from SIDE_A to SIDE_B (default: both directions)."
)
@click.option("--start", default=None, help="First day, YYYY-MM-DD.")
@click.option("--end", default=None, help="Last day, YYYY-MM-DD.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "parquet", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write csv/parquet/json here (table prints to stdout).",
)
def dyad(
    side_a: str,
    side_b: str,
    store_path: str,
    by: str,
    directed: bool,
    start: str | None,
    end: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """Events between two sides per day, week or month, by quad class, with Goldstein sums.

    A side is a country code (SRB), an actor code (SRBGOV) or several joined by
    commas (SRB,SRBGOV). Events dated only to a month are left out of daily and weekly
    series, events with no date at all out of every series (both numbers are reported).

    \b
    Example:
      eventscribe dyad SRB XKX --store events.duckdb --by week
      eventscribe dyad SRB XKX --by month --format csv -o srb-xkx.csv
    """
    import json

    from eventscribe.analysis import EventFilter, dyad_series, peaks, write_series
    from eventscribe.store import EventStore

    with EventStore(store_path, read_only=True) as store:
        series = dyad_series(
            store, side_a, side_b, by=by, directed=directed, flt=EventFilter(start=start, end=end)
        )
    if fmt in ("csv", "parquet"):
        if not output:
            raise click.UsageError(f"--format {fmt} needs -o FILE")
        rows = write_series(series, output, fmt=fmt)
        click.echo(f"wrote {rows} {by}s to {output}", err=True)
        return
    if fmt == "json":
        text = json.dumps(series.as_dict(), indent=2)
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            click.echo(text)
        return
    click.echo(_series_table(series))
    found = peaks(series)
    for key in ("cooperative", "conflictual"):
        point = found[key]
        where = f"{point.period} (Goldstein {point.goldstein_sum:+.1f})" if point else "none"
        click.echo(f"most {key} {by}: {where}")
    if series.undated:
        click.echo(
            f"{series.undated} event(s) have no date (neither the text nor the document gives one)",
            err=True,
        )
    if series.too_coarse:
        click.echo(f"{series.too_coarse} event(s) dated too coarsely for a {by}ly series", err=True)


@click.command()
@click.option("--store", "store_path", type=_STORE, default=DEFAULT_STORE, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind (keep 127.0.0.1 unless you mean to share it).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--cache-mb",
    default=64.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Keep up to this many MB of API responses, keyed by URL (0: no cache); emptied when new events arrive.",
)
@click.option(
    "--refresh",
    "refresh_seconds",
    default=5.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Look this often (seconds) for events a coding run committed, and show them (0: never).",
)
@click.option(
    "--query-threads",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Requests that run their queries at once; the others queue.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header is NAME (repeatable). By default only localhost names and the --host address are answered.",
)
def serve(
    store_path: str,
    host: str,
    port: int,
    cache_mb: float,
    refresh_seconds: float,
    query_threads: int,
    allow_hosts: tuple[str, ...],
) -> None:
    """Serve the dashboard and the read-only JSON API over a store.

    `eventscribe code` can write the same store meanwhile: the server reads the store's
    live copy (the Parquet folder STORE.live next to it, which every run keeps current)
    and shows each batch a coding run commits within --refresh seconds, no restart.

    Pages: / (overview), /dyad?a=SRB&b=XKX (timeline and events), /event/ID,
    /actor?name=NAME, /document/ID. API under /api, its schema at /docs.

    \b
    Example:
      eventscribe serve --store events.duckdb
      # then open http://127.0.0.1:8000/dyad?a=SRB&b=XKX
    """
    import uvicorn

    from eventscribe.web import create_app
    from eventscribe.web.security import allowed_hosts_for

    hosts = allowed_hosts_for(host, allow_hosts)
    app = create_app(
        store_path,
        cache_mb=cache_mb,
        query_threads=query_threads,
        allowed_hosts=hosts,
        refresh_seconds=refresh_seconds,
    )
    click.echo(f"serving {store_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
