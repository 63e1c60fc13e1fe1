"""The word lists of the places stage, read from ``places/data/words.yaml``.

Kept apart from the code so that a user can see (and a maintainer can extend) which
entity labels are searched, which words name a kind of area, and which prepositions
put an event in a place.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from eventscribe import yamlio
from eventscribe.errors import DataFileError


@dataclass(frozen=True)
class PlaceWords:
    """Each list of ``words.yaml`` as a frozenset (words in lower case, labels as written)."""

    place_labels: frozenset[str]
    skipped_labels: frozenset[str]
    other_name_labels: frozenset[str]
    area_words: frozenset[str]
    town_area_words: frozenset[str]
    leading_words: frozenset[str]
    trailing_words: frozenset[str]
    locative_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    from_verbs: frozenset[str]
    goal_verbs: frozenset[str]
    place_object_verbs: frozenset[str]
    occupation_verbs: frozenset[str]
    place_nouns: frozenset[str]
    building_nouns: frozenset[str]
    generic_words: frozenset[str]
    facility_heads: frozenset[str]
    facility_prefixes: frozenset[str]
    simultaneous_markers: frozenset[str]
    site_container_prepositions: frozenset[str]
    site_trailing_words: frozenset[str]


_LABEL_LISTS = {"place_labels", "skipped_labels", "other_name_labels"}


def load_place_words(path: Path) -> PlaceWords:
    """Read a word-list file; :class:`DataFileError` names the file and the list at fault."""
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})", fix="reinstall eventscribe") from exc
    lists = {}
    for field in fields(PlaceWords):
        words = (data or {}).get(field.name)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataFileError(
                f"{path}: {field.name!r} must be a list of words",
                fix=f"write {field.name}: [word, ...]",
            )
        lists[field.name] = frozenset(w if field.name in _LABEL_LISTS else w.lower() for w in words)
    return PlaceWords(**lists)


def plural(noun: str) -> str:
    """ "cities", "governorates", "villages": the regular English plural of ``noun``."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The bundled word lists, read once per process."""
    return load_place_words(
        Path(str(resources.files("eventscribe.places") / "data" / "words.yaml"))
    )
