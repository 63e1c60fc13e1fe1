"""The command line: a thin layer over :mod:`eventscribe.pipeline` and the store.

Exit codes: 0 all went well; 1 some input was skipped (each reported on stderr);
2 usage error; 3 a fatal error (message says what to do); 130 interrupted.
"""

from __future__ import annotations

import atexit
import gc
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from eventscribe import __version__
from eventscribe.collector import paused_then_frozen
from eventscribe.config import DEFAULT_MODEL, DEFAULT_STORE, Settings
from eventscribe.errors import EventscribeError
from eventscribe.run_output import (
    JsonlSink,
    Progress,
    StoreSink,
    learned_actors,
    open_output,
    report,
)

if TYPE_CHECKING:
    from eventscribe.evaluation.gold import GoldSet
    from eventscribe.petrarch.suite import Suite
    from eventscribe.pipeline import Coder

F = TypeVar("F", bound=Callable[..., Any])
EXIT_SKIPPED = 1
EXIT_FATAL = 3
EXIT_INTERRUPTED = 130
STORE_BATCH = 64
# spaCy's nlp.max_length: a longer text is refused by the parser
MAX_PARSER_CHARS = 1_000_000


def _settings(
    model: str,
    lexicon: tuple[str, ...],
    max_chars: int,
    min_confidence: float,
    batch_size: int,
    actor_files: tuple[str, ...] = (),
    petrarch_actors: tuple[str, ...] = (),
    petrarch_verbs: tuple[str, ...] = (),
    petrarch_discards: tuple[str, ...] = (),
    conventions: str = "plover",
    *,
    petrarch_agents: tuple[str, ...] = (),
) -> Settings:
    return Settings(
        model=model,
        lexicons=tuple(Path(p) for p in lexicon),
        actor_files=tuple(Path(p) for p in actor_files),
        petrarch_actor_files=tuple(Path(p) for p in petrarch_actors),
        petrarch_verb_files=tuple(Path(p) for p in petrarch_verbs),
        petrarch_discard_files=tuple(Path(p) for p in petrarch_discards),
        petrarch_agent_files=tuple(Path(p) for p in petrarch_agents),
        conventions=conventions,
        max_chars=max_chars,
        min_confidence=min_confidence,
        batch_size=batch_size,
    )


def coder_options(func: F) -> F:
    """Options shared by every command that codes text."""
    for option in reversed(
        [
            click.option(
                "--model",
                default=DEFAULT_MODEL,
                show_default=True,
                help="Installed spaCy English pipeline to parse with.",
            ),
            click.option(
                "--lexicon",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False),
                help="Extra event lexicon file (YAML); may repeat.",
            ),
            click.option(
                "--actors",
                "actor_files",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False),
                help="Your actor dictionary (CSV or YAML: name, aliases, country, sector, office, valid_from, valid_to); may repeat.",
            ),
            click.option(
                "--petrarch-actors",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False),
                help="An actor dictionary in the PETRARCH/TABARI format (NAME [CODE], +ALIAS, [CODE >YYMMDD]); may repeat.",
            ),
            click.option(
                "--petrarch-verbs",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False),
                help="A verb dictionary in the PETRARCH format (--- VERB [code] --- blocks, - * OBJECT (PREP WORD) [code] patterns), read as lexicon entries; may repeat.",
            ),
            click.option(
                "--petrarch-discards",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False),
                help="A PETRARCH discard list: a sentence with one of its phrases (marked +: a whole story) codes no event; may repeat.",
            ),
            click.option(
                "--petrarch-agents",
                multiple=True,
                type=click.Path(exists=True, dir_okay=False),
                help="An agent dictionary in the PETRARCH format (POLICE {} [~COP], FOREIGN_MINISTER [~GOVFRM]): role words with the sector their code gives; may repeat.",
            ),
            click.option(
                "--conventions",
                type=click.Choice(["plover", "cameo"]),
                default="plover",
                show_default=True,
                help="Coding conventions: PLOVER's, or CAMEO's/PETRARCH's where they differ (an act announced for the future keeps its own code).",
            ),
            click.option(
                "--max-chars",
                default=200_000,
                show_default=True,
                type=click.IntRange(1, MAX_PARSER_CHARS),
                help=f"Skip documents longer than this (at most {MAX_PARSER_CHARS:,}, what the parser accepts).",
            ),
            click.option(
                "--min-confidence",
                default=0.0,
                show_default=True,
                type=click.FloatRange(0, 1),
                help="Drop events below this confidence.",
            ),
            click.option(
                "--batch-size",
                default=32,
                show_default=True,
                type=click.IntRange(1),
                help="Documents per parser batch.",
            ),
        ]
    ):
        func = option(func)
    return func


class _Group(click.Group):
    """Library errors become one line on stderr and exit code 3; Ctrl-C in any phase
    (loading the model, writing the final report) exits 130 without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventscribeError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(EXIT_FATAL)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        finally:
            # What the command built (the model, the knowledge tables) lives until the
            # process ends; frozen out of the collector's sight when it exits, the
            # interpreter's last collections skip it (they took about 0.2 s of a
            # one-sentence run's 1.7 s). At exit only: a process that goes on (tests
            # invoking commands, a script calling main) keeps collecting as usual.
            atexit.unregister(gc.freeze)  # once, however many commands ran
            atexit.register(gc.freeze)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventscribe")
def main() -> None:
    """eventscribe: political event data (PLOVER 2.0 + CAMEO) from news text.

    \b
    Example:
      eventscribe code examples/ --store events.duckdb
      eventscribe summary --store events.duckdb
      eventscribe export --store events.duckdb --format csv -o events.csv
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False),
    default=None,
    help=f"DuckDB file to write (default {DEFAULT_STORE} unless --format jsonl).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["store", "jsonl"]),
    default="store",
    show_default=True,
    help="store: write the DuckDB store; jsonl: one JSON line per document.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="JSONL output file ('-' for stdout).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Worker processes that parse and code (each loads the model once); 1 codes in this process.",
)
@click.option(
    "--dask",
    "dask_local",
    type=click.Choice(["local"]),
    default=None,
    help="Run on a local Dask cluster of --workers processes (default 2).",
)
@click.option(
    "--dask-scheduler",
    default=None,
    metavar="ADDRESS",
    help="Run on the Dask cluster at ADDRESS (e.g. tcp://host:8786); workers need the store's folder.",
)
@click.option(
    "--recode",
    is_flag=True,
    help="Code every document again, even those the store already holds unchanged.",
)
@click.option(
    "--doc-seconds",
    default=300.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Quarantine a document whose coding after parsing takes longer than this (checked between stages).",
)
@click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="Read text, CSV, JSONL and HTML inputs in this encoding (e.g. cp1252). Default: UTF-8, else the declared (HTML) or detected (text, CSV) encoding, with a warning.",
)
@coder_options
def code(
    inputs: tuple[str, ...],
    store_path: str | None,
    fmt: str,
    output: str,
    quiet: bool,
    workers: int,
    dask_local: str | None,
    dask_scheduler: str | None,
    recode: bool,
    doc_seconds: float,
    encoding: str | None,
    model: str,
    lexicon: tuple[str, ...],
    actor_files: tuple[str, ...],
    petrarch_actors: tuple[str, ...],
    petrarch_verbs: tuple[str, ...],
    petrarch_discards: tuple[str, ...],
    petrarch_agents: tuple[str, ...],
    conventions: str,
    max_chars: int,
    min_confidence: float,
    batch_size: int,
) -> None:
    """Code news articles into events.

    INPUTS are files, folders or glob patterns: plain text (a first line
    'date YYYY-MM-DD' is the publication date), JSON Lines or CSV with id/text/date
    columns, HTML pages, or WARC files of news crawls (.warc, .warc.gz).

    A run is resumable: documents are committed in batches, and running the same
    command again (after Ctrl-C, a crash, or with new files) codes only the documents
    the store does not already hold unchanged. Syndicated copies are linked into
    stories and the same event reported by several articles becomes one event cluster
    (tables stories, story_members, event_clusters; view clustered_events).

    \b
    Examples:
      eventscribe code examples/ --store events.duckdb
      eventscribe code docs.jsonl --format jsonl -o out.jsonl
      eventscribe code 'crawl/*.warc.gz' --store news.duckdb --workers 2
      eventscribe code big.jsonl --store news.duckdb --dask local --workers 2
    """
    from eventscribe.ingest import read_inputs

    if dask_local and dask_scheduler:
        raise click.UsageError("give either --dask local or --dask-scheduler ADDRESS, not both")
    if fmt == "jsonl" and output != "-":
        open_output(output).close()  # fail before the model loads, not after
    dask = "local" if dask_local else dask_scheduler
    if dask == "local" and workers == 1:
        workers = 2
    _warn_if_more_workers_than_cores(workers, remote=dask not in (None, "local"))
    if fmt == "store" and store_path is None:
        store_path = DEFAULT_STORE
    settings = _settings(
        model,
        lexicon,
        max_chars,
        min_confidence,
        batch_size,
        actor_files,
        petrarch_actors,
        petrarch_verbs,
        petrarch_discards,
        conventions,
        petrarch_agents=petrarch_agents,
    )
    settings = replace(settings, learned_actors=learned_actors(store_path), doc_seconds=doc_seconds)
    coder = build_coder(settings)
    from eventscribe.runner import CorpusOptions, run_corpus  # after: they import spaCy

    options = CorpusOptions(workers=workers, dask=dask, batch_docs=STORE_BATCH, recode=recode)
    progress = Progress(quiet)
    command = "eventscribe code " + " ".join(inputs)
    if encoding is not None:
        _check_encoding(encoding)
    items = read_inputs(list(inputs), max_chars=max_chars, encoding=encoding)
    try:
        with (
            JsonlSink(output if fmt == "jsonl" else None) as sink,
            StoreSink(store_path, coder, settings, command, list(inputs)) as store,
        ):
            if store is not None:
                store.announce_resume(progress)
            on_lines = (
                None
                if sink is None
                else (lambda lines: sink.writelines(line + "\n" for line in lines))
            )
            totals = run_corpus(
                items, coder, options, progress,
                store=store.store if store else None, run=store.run if store else None,
                on_lines=on_lines,
            )  # fmt: skip
            if store is not None:
                store.finish(progress)
    except KeyboardInterrupt:
        progress.close()
        click.echo(
            f"interrupted after {progress.documents} documents; stored batches are complete, "
            "re-run the same command to continue where it stopped",
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    progress.close()
    if not quiet:
        report(progress, totals, store_path)
    if progress.problems or progress.quarantined_docs:
        sys.exit(EXIT_SKIPPED)


def build_coder(settings: Settings) -> Coder:
    """:meth:`Coder.build` (spaCy's import included) with the collector paused
    (:func:`collector_paused`)."""
    with collector_paused():
        from eventscribe.pipeline import Coder

        return Coder.build(settings)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the collector's automatic collections paused and freeze what
    it built (:func:`eventscribe.collector.paused_then_frozen`: about 0.15 s of a
    one-sentence run went to collections while spaCy and the coder loaded) until the
    command ends: it is unfrozen when the command's context closes, so a process that
    goes on (a test or script invoking commands) collects it as usual."""
    paused = False
    try:
        with paused_then_frozen() as paused:
            yield
    finally:
        if paused:  # frozen by now, whether the block ended or raised
            ctx = click.get_current_context(silent=True)
            if ctx is None:
                gc.unfreeze()
            else:
                ctx.call_on_close(gc.unfreeze)


def _check_encoding(name: str) -> None:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {name!r}", param_hint="--encoding") from None


def _warn_if_more_workers_than_cores(workers: int, *, remote: bool) -> None:
    """Each worker loads the model (~0.5 GB) and wants a core: more workers than cores
    only costs memory."""
    import os

    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )
    if not remote and workers > cores:
        click.echo(f"warning: --workers {workers} is more than the {cores} cores this process may use; "
                   f"each worker loads the model (about 0.5 GB), so more than {cores} only costs memory", err=True)  # fmt: skip


@main.command()
@click.option(
    "--store",
    "store_path",
    type=click.Path(exists=True, dir_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
)
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True)
@click.option(
    "--rows",
    "rows",
    type=click.Choice(["events", "dyads", "clusters"]),
    default="events",
    show_default=True,
    help="One row per event (every actor listed in source_names/target_names), per source-target pair as GDELT/ICEWS count them, or per cross-article event with num_mentions/num_articles/num_sources.",
)
@click.option(
    "--layout",
    type=click.Choice(["eventscribe", "gdelt", "polecat"]),
    default="eventscribe",
    show_default=True,
    help="Column names: eventscribe's, GDELT 2.0's event table (dyad rows), or POLECAT's (event rows, several actors ;-separated); gdelt and polecat are tab-separated with --format csv.",
)
@click.option(
    "--start",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Only events on or after this day (YYYY-MM-DD; the event's date, else its document's).",
)
@click.option(
    "--end",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Only events on or before this day (YYYY-MM-DD).",
)
@click.option(
    "--country",
    "countries",
    multiple=True,
    help="Only events with an actor of this country or actor code (SRB, SRBGOV); repeatable.",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    help="Only events of this PLOVER type (ASSAULT, AGREE, ...); repeatable.",
)
@click.option(
    "--quad",
    "quads",
    multiple=True,
    type=click.IntRange(1, 4),
    help="Only events of this quad class (1-4); repeatable.",
)
@click.option(
    "--min-confidence",
    "export_min_confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Only events with at least this confidence.",
)
def export(
    store_path: str,
    fmt: str,
    output: str,
    rows: str,
    layout: str,
    start: datetime | None,
    end: datetime | None,
    countries: tuple[str, ...],
    types: tuple[str, ...],
    quads: tuple[int, ...],
    export_min_confidence: float | None,
) -> None:
    """Export the events table with flat GDELT/ICEWS-style columns.

    \b
    Examples:
      eventscribe export --store events.duckdb --format parquet -o events.parquet
      eventscribe export --store events.duckdb --format csv --rows dyads -o dyads.csv
      eventscribe export --format csv --layout gdelt --country SRB --start 2022-11-01 -o srb.tsv
    """
    from eventscribe.analysis.filters import STORE_SOURCE, EventFilter, split_codes
    from eventscribe.ontology import bundled_ontology
    from eventscribe.store import EventStore

    known = bundled_ontology().event_types
    unknown = [t for t in types if t.upper() not in known]
    if unknown:
        raise click.BadParameter(
            f"unknown PLOVER type {unknown[0]!r}; one of {', '.join(sorted(known))}",
            param_hint="--type",
        )
    flt = EventFilter(
        start=start.date().isoformat() if start else None,
        end=end.date().isoformat() if end else None,
        countries=split_codes(countries),
        types=tuple(t.upper() for t in types),
        quads=tuple(quads),
        include_negated=True,
    )
    sql, params = flt.where(STORE_SOURCE)
    if export_min_confidence is not None:
        sql, params = f"{sql} AND e.confidence >= ?", [*params, export_min_confidence]
    with EventStore(store_path, read_only=True) as store:
        written = store.export(output, fmt=fmt, rows=rows, layout=layout, where=(sql, params))
    unit = "dyads" if layout == "gdelt" else "events" if layout == "polecat" else rows
    click.echo(f"wrote {written} {unit} to {output}", err=True)


@main.command()
@click.option(
    "--store",
    "store_path",
    type=click.Path(exists=True, dir_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
)
def summary(store_path: str) -> None:
    """Print the stored events grouped by dyad (source -> target country) and date.

    \b
    Example:
      eventscribe summary --store events.duckdb
    """
    from eventscribe.analysis import dyad_summary, format_dyad_summary
    from eventscribe.store import EventStore

    with EventStore(store_path, read_only=True) as store:
        click.echo(format_dyad_summary(dyad_summary(store)))


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["events", "quad", "roles", "times", "places", "evloc", "article"]),
    default=None,
    help="Kind of gold file (detected from its fields by default).",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Score this JSONL of coded documents instead of coding the gold texts.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Also write the metrics as JSON to this file ('-' for stdout).",
)
@click.option(
    "--save-pred",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the coded gold texts as JSONL (for --pred later).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--dictionaries",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="For a PETRARCH validation suite (.xml): the folder holding the dictionaries its <Environment> names (its actor and verb dictionaries are used).",
)
@coder_options
def evaluate(
    gold: str,
    kind: str | None,
    pred: str | None,
    json_out: str | None,
    save_pred: str | None,
    quiet: bool,
    dictionaries: str | None,
    model: str,
    lexicon: tuple[str, ...],
    actor_files: tuple[str, ...],
    petrarch_actors: tuple[str, ...],
    petrarch_verbs: tuple[str, ...],
    petrarch_discards: tuple[str, ...],
    petrarch_agents: tuple[str, ...],
    conventions: str,
    max_chars: int,
    min_confidence: float,
    batch_size: int,
) -> None:
    """Score the coder against a gold file (rules in ../shared/eval/FORMAT.md), or a
    PETRARCH validation suite (.xml) with its dictionaries.

    \b
    Examples:
      eventscribe eval ../shared/eval/dev/plover-gsr-dev.jsonl
      eventscribe eval gold.jsonl --pred out.jsonl --json metrics.json
      eventscribe eval PETR_Validate_records_2_02.xml --dictionaries validate_dictionaries
    """
    from eventscribe.evaluation import format_report, load_gold, read_predictions, score

    suite = _suite(Path(gold), dictionaries) if Path(gold).suffix.lower() == ".xml" else None
    if suite is not None:
        from eventscribe.petrarch.suite import gold_set as suite_gold

        gold_set = suite_gold(suite[0])
        petrarch_actors = (*petrarch_actors, *suite[1])
        petrarch_verbs = (*petrarch_verbs, *suite[2])
        petrarch_discards = (*petrarch_discards, *suite[3])
        petrarch_agents = (*petrarch_agents, *suite[4])
    else:
        gold_set = load_gold(Path(gold))
    if pred:
        predictions = read_predictions(Path(pred))
    else:
        settings = _settings(
            model,
            lexicon,
            max_chars,
            min_confidence,
            batch_size,
            actor_files,
            petrarch_actors,
            petrarch_verbs,
            petrarch_discards,
            conventions,
            petrarch_agents=petrarch_agents,
        )
        if suite is not None:  # the suite's own verbs and agents only, as PETRARCH codes
            settings = replace(
                settings,
                bundled_lexicon=not suite[2],
                bundled_roles=not suite[4],
                conventions="cameo",
            )
        predictions = dict(_code_gold(gold_set, settings, quiet))
        if save_pred:
            with open_output(save_pred) as handle:
                for line in predictions.values():
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    if suite is not None:
        from eventscribe.petrarch.scoring import suite_metrics

        metrics = suite_metrics(suite[0], predictions)
    else:
        metrics = score(gold_set, predictions, kind=kind)
    # with --json -, stdout carries only the JSON (pipe it to jq); the report goes to stderr
    click.echo(format_report(metrics), err=json_out == "-")
    if json_out:
        text = json.dumps(metrics, indent=2, sort_keys=True)
        if json_out == "-":
            click.echo(text)
        else:
            with open_output(json_out) as handle:
                handle.write(text + "\n")


def _suite(
    path: Path, dictionaries: str | None
) -> tuple[Suite, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A PETRARCH validation suite and the actor dictionaries to code it with."""
    from eventscribe.petrarch.suite import read_suite

    suite = read_suite(path)
    folder = Path(dictionaries) if dictionaries else path.parent
    found: dict[str, tuple[str, ...]] = {}
    for kind in ("actors", "verbs", "discards", "agents"):
        name = suite.files.get(kind)
        if name and not (folder / name).is_file():
            raise click.BadParameter(
                f"{folder / name} not found (named in {path.name})", param_hint="--dictionaries"
            )
        found[kind] = (str(folder / name),) if name else ()
    return suite, found["actors"], found["verbs"], found["discards"], found["agents"]


def _code_gold(
    gold_set: GoldSet, settings: Settings, quiet: bool
) -> Iterator[tuple[str, dict[str, Any]]]:
    coder = build_coder(settings)
    from eventscribe.pipeline import code_documents
    from eventscribe.records import Article

    articles = [Article(doc_id=c.id, text=c.text, date=c.date, origin=c.id) for c in gold_set.cases]
    progress = Progress(quiet)
    for coded in code_documents(articles, coder):
        progress.add(len(coded.sentences), len(coded.events))
        yield coded.article.doc_id, coded.to_contract()
    progress.close()


@main.command(name="check-dictionary")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["actors", "verbs", "agents"]),
    default=None,
    help="Dictionary format (told by its content by default: verb files have '--- VERB [code] ---' blocks, agent files [~CODE] codes).",
)
def check_dictionary(path: str, kind: str | None) -> None:
    """Read a PETRARCH/TABARI actor, verb or agent dictionary and print what was read, converted
    and skipped (with file, line and reason).

    \b
    Examples:
      eventscribe check-dictionary Phoenix.Countries.actors.txt
      eventscribe check-dictionary CAMEO.2.0.txt
    """
    from eventscribe.petrarch.checking import check_lines

    for line in check_lines(Path(path), kind):
        click.echo(line)


@main.command()
@click.argument("text")
@click.option(
    "--date",
    "pub_date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Publication date to resolve relative dates against.",
)
@coder_options
def explain(
    text: str,
    pub_date: datetime | None,
    model: str,
    lexicon: tuple[str, ...],
    actor_files: tuple[str, ...],
    petrarch_actors: tuple[str, ...],
    petrarch_verbs: tuple[str, ...],
    petrarch_discards: tuple[str, ...],
    petrarch_agents: tuple[str, ...],
    conventions: str,
    max_chars: int,
    min_confidence: float,
    batch_size: int,
) -> None:
    """Show how a sentence is coded: parse, actors, entries that fired, and why
    candidates were dropped.

    \b
    Example:
      eventscribe explain "Serbia and Kosovo reached an agreement on Wednesday." --date 2022-11-24
    """
    coder = build_coder(
        _settings(
            model,
            lexicon,
            max_chars,
            min_confidence,
            batch_size,
            actor_files,
            petrarch_actors,
            petrarch_verbs,
            petrarch_discards,
            conventions,
            petrarch_agents=petrarch_agents,
        )
    )
    from eventscribe.explain import render_explanation
    from eventscribe.records import Article

    article = Article(doc_id="explain", text=text, date=pub_date.date() if pub_date else None)
    click.echo(render_explanation(coder.analyse_text(text, article)))


@main.command()
@click.option(
    "--store",
    "store_path",
    type=click.Path(exists=True, dir_okay=False),
    default=DEFAULT_STORE,
    show_default=True,
)
@click.option(
    "--actor",
    default=None,
    help="Only quotes whose speaker's name contains this (case-insensitive).",
)
def quotes(store_path: str, actor: str | None) -> None:
    """List the quotes in the store with their speakers and dates.

    \b
    Example:
      eventscribe quotes --store events.duckdb --actor Vucic
    """
    from eventscribe.quotes.query import format_quotes, list_quotes
    from eventscribe.store import EventStore

    with EventStore(store_path, read_only=True) as store:
        click.echo(format_quotes(list_quotes(store, actor=actor)))


@main.command(name="check-lexicon")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--petrarch-verbs",
    "verb_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="A PETRARCH verb dictionary to check against the bundled lexicon; may repeat.",
)
def check_lexicon(files: tuple[str, ...], verb_files: tuple[str, ...]) -> None:
    """Validate event lexicon files (the file and line of the first bad entry), and list
    the bundled entries each file or PETRARCH verb dictionary would replace with another
    type or CAMEO code (a later source wins: bundled, then --lexicon files, then
    --petrarch-verbs dictionaries).

    \b
    Examples:
      eventscribe check-lexicon my_lexicon.yaml
      eventscribe check-lexicon --petrarch-verbs CAMEO.2.0.txt
    """
    from eventscribe.coding.lexicon import bundled_conflicts, read_lexicon_file
    from eventscribe.ontology import bundled_ontology
    from eventscribe.petrarch.verbs import read_verb_dictionary

    if not files and not verb_files:
        raise click.UsageError("give a lexicon file or --petrarch-verbs FILE")
    ontology = bundled_ontology()
    sources = [(name, read_lexicon_file(Path(name), ontology)) for name in files]
    for name, entries in sources:
        click.echo(f"{name}: {len(entries)} entries, all valid")
    for name in verb_files:
        entries = list(read_verb_dictionary(Path(name), ontology).entries)
        click.echo(f"{name}: {len(entries)} lexicon entries from the verb dictionary")
        sources.append((name, entries))
    for name, entries in sources:
        conflicts = bundled_conflicts(entries, ontology)
        click.echo(f"{name}: replaces {len(conflicts)} bundled entries with another code")
        for old, new in conflicts:
            click.echo(
                f"  {new.origin}: '{new.phrase}' {new.type or 'CAMEO only'} {new.cameo}"
                f" replaces {old.type} {old.cameo} ({Path(old.origin).name})"
            )


# The actor registry: list, show, edit, merge (eventscribe.actors.commands).
from eventscribe.actors.commands import actors

main.add_command(actors)

# Seeing the data: dyad time series and the web dashboard/API (eventscribe.web).
from eventscribe.web.commands import dyad, serve

main.add_command(dyad)
main.add_command(serve)

if __name__ == "__main__":
    main()
