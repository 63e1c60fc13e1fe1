"""What a coding run shows and writes: progress on stderr, the DuckDB store and JSONL
sinks, and the closing report. Used by the ``code`` command of :mod:`eventscribe.cli`."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from eventscribe.actors.recode import mark_edited_documents, mark_edits_applied
from eventscribe.config import Settings
from eventscribe.errors import OutputError
from eventscribe.records import InputProblem, stable_id

if TYPE_CHECKING:
    from eventscribe.actors.registry import RegistryEntry
    from eventscribe.pipeline import Coder
    from eventscribe.runner.corpus import CorpusTotals
    from eventscribe.runner.work import BatchResult
    from eventscribe.store import EventStore, RunInfo
    from eventscribe.store.batch import QuarantinedDocument


class Progress:
    """Documents/s, sentences/s and events found, on stderr; silent with -q."""

    def __init__(self, quiet: bool) -> None:
        from tqdm import tqdm

        self.started = time.monotonic()
        self.documents = self.sentences = self.events = self.problems = 0
        self.quarantined_docs = self.warnings = 0
        # mininterval=0: every committed batch is shown (a run of quick batches used to
        # show none of them before the bar was cleared)
        self._bar = tqdm(
            unit="doc",
            file=sys.stderr,
            disable=quiet,
            dynamic_ncols=True,
            leave=False,
            mininterval=0,
        )

    def add(self, sentences: int, events: int) -> None:
        self.documents += 1
        self.sentences += sentences
        self.events += events
        elapsed = max(time.monotonic() - self.started, 1e-9)
        self._bar.update(1)
        self._bar.set_postfix(
            sent_s=f"{self.sentences / elapsed:.0f}", events=self.events, refresh=False
        )

    def problem(self, problem: InputProblem) -> None:
        self.problems += 1
        self._bar.write(f"skipped {problem}", file=sys.stderr)

    def warning(self, origin: str, message: str) -> None:
        """Something the reader could not use in a document it still codes."""
        self.warnings += 1
        self._bar.write(f"warning {origin}: {message}", file=sys.stderr)

    # -- corpus runs (eventscribe.runner.Listener) ----------------------------------------

    def batch(self, result: BatchResult) -> None:
        """One committed batch of a corpus run."""
        self.documents += len(result.coded)
        self.sentences += result.sentences
        self.events += result.events
        elapsed = max(time.monotonic() - self.started, 1e-9)
        self._bar.update(len(result.coded))
        self._bar.set_postfix(
            sent_s=f"{self.sentences / elapsed:.0f}", events=self.events, refresh=False
        )

    def quarantined(self, item: QuarantinedDocument) -> None:
        """A document whose coding raised: one line, the run goes on."""
        self.quarantined_docs += 1
        self._bar.write(f"quarantined {item.origin}: {item.reason}", file=sys.stderr)

    def skipped_done(self, count: int) -> None:
        """Documents already in the store unchanged (a resumed or repeated run)."""
        self._bar.update(0)

    def note(self, message: str) -> None:
        self._bar.write(message, file=sys.stderr)

    def close(self) -> None:
        self._bar.close()


def learned_actors(store_path: str | None) -> tuple[RegistryEntry, ...]:
    """What the articles already in the store taught about named actors (the registry's
    learned entries), read once before the run so every worker sees the same."""
    if store_path is None or not Path(store_path).is_file():
        return ()
    from eventscribe.actors.edits import store_knowledge
    from eventscribe.store import EventStore

    with EventStore(store_path, read_only=True) as store:
        return store_knowledge(store)


def report(progress: Progress, totals: CorpusTotals, store_path: str | None) -> None:
    where = f" into {store_path}" if store_path else ""
    click.echo(
        f"coded {progress.documents} documents, {progress.sentences} sentences, "
        f"{progress.events} events{where}; {progress.problems} skipped",
        err=True,
    )
    if totals.already_done:
        click.echo(
            f"{totals.already_done} documents were already in the store unchanged and were "
            "not coded again (--recode codes them anew)",
            err=True,
        )
    if totals.quarantined:
        click.echo(
            f"{totals.quarantined} documents quarantined (see the quarantine table)", err=True
        )
    if totals.languages:
        shown = ", ".join(f"{code} {n}" for code, n in sorted(totals.languages.items()))
        click.echo(f"{sum(totals.languages.values())} documents not in English ({shown}): the English model "
                   "codes few or no events in them (documents.language in the store)", err=True)  # fmt: skip
    if totals.dedupe is not None:
        d = totals.dedupe
        click.echo(
            f"store: {d.stories} stories ({d.copies} syndicated copies), "
            f"{d.events} distinct events from {d.mentions} mentions",
            err=True,
        )


class _StoreWriter:
    def __init__(self, store: EventStore, run: RunInfo) -> None:
        self.store = store
        self.run = run
        self.interrupted = _unfinished_runs(store, run.input_fingerprint)
        store.start_run(run)
        # documents that mention an actor corrected since the last finished run
        self.edited = mark_edited_documents(store)

    def announce_resume(self, progress: Progress) -> None:
        """Say so when this command continues an earlier run that did not finish, and
        which stored documents it codes again for actor corrections."""
        if self.interrupted:
            progress.note(
                f"continuing the unfinished run started {self.interrupted}: documents "
                "already stored are skipped"
            )
        if self.edited is not None:
            names = ", ".join(self.edited.names)
            progress.note(
                f"{self.edited.documents} stored documents mention an actor you corrected "
                f"({names}): they are coded again when among the inputs"
            )

    def finish(self, progress: Progress) -> None:
        if self.edited is not None:
            mark_edits_applied(self.store, self.edited.last_edit)
        self.store.finish_run(
            self.run.run_id, documents=progress.documents, events=progress.events,
            problems=progress.problems + progress.quarantined_docs,
        )  # fmt: skip


def _unfinished_runs(store: EventStore, input_fingerprint: str) -> str | None:
    rows = store.fetch(
        "SELECT started_at FROM runs WHERE input_fingerprint = ? AND finished_at IS NULL "
        "ORDER BY started_at DESC LIMIT 1",
        [input_fingerprint],
    )
    return rows[0]["started_at"] if rows else None


class StoreSink:
    """Context manager: a store writer for ``path``, or None."""

    def __init__(
        self,
        path: str | None,
        coder: Coder,
        settings: Settings,
        command: str,
        inputs: list[str] | None = None,
    ) -> None:
        self.path, self.coder, self.settings, self.command = path, coder, settings, command
        self.inputs = inputs or []
        self.store: EventStore | None = None

    def __enter__(self) -> _StoreWriter | None:
        if self.path is None:
            return None
        from eventscribe.runner import settings_fingerprint
        from eventscribe.store import EventStore, RunInfo

        started = datetime.now(UTC).isoformat(timespec="seconds")
        info = self.coder.provenance()
        run = RunInfo(
            run_id=stable_id(started, self.command, time.perf_counter_ns()),
            started_at=started,
            code_version=info["code_version"],
            model=info["model"],
            model_version=info["model_version"],
            lexicon_fingerprint=info["lexicon_fingerprint"],
            settings={
                "model": self.settings.model,
                "lexicons": [str(p) for p in self.settings.lexicons],
                "conventions": self.settings.conventions,
                "actor_files": [str(p) for p in self.settings.actor_files],
                "petrarch_actor_files": [str(p) for p in self.settings.petrarch_actor_files],
                "petrarch_verb_files": [str(p) for p in self.settings.petrarch_verb_files],
                "petrarch_discard_files": [str(p) for p in self.settings.petrarch_discard_files],
                "petrarch_agent_files": [str(p) for p in self.settings.petrarch_agent_files],
                "max_chars": self.settings.max_chars,
                "min_confidence": self.settings.min_confidence,
            },
            command=self.command,
            input_fingerprint=stable_id(
                *[str(Path(p).resolve()) for p in self.inputs],
                self.settings.max_chars,
                settings_fingerprint(self.coder),
            ),
        )
        self.store = EventStore(self.path)
        return _StoreWriter(self.store, run)

    def __exit__(self, *exc: object) -> None:
        if self.store is not None:
            self.store.close()


def open_output(path: str) -> TextIO:
    """Open an output file for writing, or fail with one line saying why."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(
            f"cannot write {path}: {exc.strerror}",
            fix="check that the folder exists and is writable",
        ) from exc


class JsonlSink:
    def __init__(self, output: str | None) -> None:
        self.output = output
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO | None:
        if self.output is None:
            return None
        self.handle = sys.stdout if self.output == "-" else open_output(self.output)
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None and self.handle is not sys.stdout:
            self.handle.close()
