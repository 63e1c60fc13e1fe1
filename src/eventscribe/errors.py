"""Error classes: each carries a stable code and tells the user what to do.

The library raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations


class EventscribeError(Exception):
    """Base class. ``code`` is stable (E001...), ``fix`` says what the user can do."""

    code = "E000"

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        self.message = message
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}: {self.fix}" if self.fix else text


class ConfigError(EventscribeError):
    """A setting is missing or invalid (model name, paths, thresholds)."""

    code = "E001"


class DataFileError(EventscribeError):
    """A bundled or user-supplied data file (lexicon, ontology, actor table) is invalid.

    The message names the file and line so the user can fix it.
    """

    code = "E002"


class InputError(EventscribeError):
    """One input document could not be read; the run skips it and goes on."""

    code = "E003"


class ModelError(EventscribeError):
    """The spaCy pipeline named in the settings cannot be loaded."""

    code = "E004"


class StoreError(EventscribeError):
    """The DuckDB store cannot be opened, written or exported."""

    code = "E005"


class GoldFileError(EventscribeError):
    """An evaluation gold file or prediction file is malformed."""

    code = "E006"


class OutputError(EventscribeError):
    """An output file (JSONL, metrics, export) cannot be written."""

    code = "E007"


class DocumentTimeout(EventscribeError):
    """One document took longer than the per-document time limit; it is quarantined."""

    code = "E008"
