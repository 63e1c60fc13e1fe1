"""The word lists of ``actors/data/words.yaml``: what is no actor, and what a name says.

Read once when a tagger is built; every error names the file and line of the bad entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml

from eventscribe import yamlio
from eventscribe.actors.knowledge import load_actor_knowledge
from eventscribe.errors import DataFileError

LISTS = (
    "not_actor_entities",
    "time_words",
    "time_zones",
    "clitics",
    "units",
    "generic_nouns",
    "name_particles",
    "dynasty_particles",
    "regnal_titles",
    "regions",
    "intergovernmental_types",
    "name_prepositions",
    "initials_skipped",
    "group_nouns",
    "member_nouns",
    "opposing_nouns",
    "other_words",
    "relation_nouns",
    "place_prepositions",
    "pair_words",
    "continent_prefixes",
    "stance_prefixes",
    "backing_words",
    "owner_participles",
    "leader_bodies",
)
# Lists matched with their exact spelling (the others are lower-cased on load).
_EXACT = frozenset({"not_actor_entities", "time_zones"})


@dataclass(frozen=True)
class ActorWords:
    """Closed word lists the tagger's actor-hood and naming rules read."""

    not_actor_entities: frozenset[str]
    time_words: frozenset[str]
    time_zones: frozenset[str]
    clitics: frozenset[str]
    units: frozenset[str]
    generic_nouns: frozenset[str]
    name_particles: frozenset[str]
    dynasty_particles: frozenset[str]
    regnal_titles: frozenset[str]
    regions: frozenset[str]
    intergovernmental_types: frozenset[str]
    name_prepositions: frozenset[str]
    initials_skipped: frozenset[str]
    group_nouns: frozenset[str]
    member_nouns: frozenset[str]
    opposing_nouns: frozenset[str]
    other_words: frozenset[str]
    relation_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    pair_words: frozenset[str]
    continent_prefixes: frozenset[str]
    stance_prefixes: frozenset[str]
    backing_words: frozenset[str]
    owner_participles: frozenset[str]
    leader_bodies: frozenset[str]
    organisation_types: Mapping[str, str]  # head noun -> PLOVER sector


def default_words_path() -> Path:
    return Path(str(resources.files("eventscribe.actors") / "data" / "words.yaml"))


def load_actor_words(
    path: Path | None = None, *, sectors: Mapping[str, str] | None = None
) -> ActorWords:
    """Read and check ``words.yaml`` (the bundled one unless ``path``). ``sectors`` are
    the allowed sector codes (default: the actor tables' sectors.csv)."""
    path = path or default_words_path()
    try:
        root = yamlio.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot be read as YAML ({exc})") from exc
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(f"{path}:1: expected a mapping of list names to word lists")
    nodes = {key.value: (key, value) for key, value in root.value}
    missing = [name for name in (*LISTS, "organisation_types") if name not in nodes]
    if missing:
        raise DataFileError(
            f"{path}: missing word list(s) {', '.join(missing)}",
            fix=f"add them; the file must define {', '.join(LISTS)}, organisation_types",
        )
    lists = {name: _words(path, name, nodes[name][1]) for name in LISTS}
    allowed = sectors if sectors is not None else load_actor_knowledge().sectors
    types = _sector_map(path, nodes["organisation_types"][1], allowed)
    return ActorWords(**lists, organisation_types=MappingProxyType(types))


def _where(path: Path, node: yaml.Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def _words(path: Path, name: str, node: yaml.Node) -> frozenset[str]:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(f"{_where(path, node)}: {name!r} must be a list of words")
    words = set()
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise DataFileError(
                f"{_where(path, item)}: {name!r} holds an empty or nested entry",
                fix="write one word or phrase per entry",
            )
        word = str(item.value).strip()
        words.add(word if name in _EXACT else word.lower())
    return frozenset(words)


def _sector_map(path: Path, node: yaml.Node, sectors: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(f"{_where(path, node)}: 'organisation_types' must map words to sectors")
    types: dict[str, str] = {}
    for key, value in node.value:
        sector = str(value.value).strip() if isinstance(value, yaml.ScalarNode) else ""
        if sector not in sectors:
            raise DataFileError(
                f"{_where(path, key)}: unknown sector {sector!r} for {key.value!r}",
                fix=f"use one of {', '.join(sorted(sectors))}",
            )
        types[str(key.value).strip().lower()] = sector
    return types
