"""Read-only records for the PLOVER/CAMEO ontology and the lookups the coder needs.

The records are built once by :func:`eventscribe.ontology.load_ontology` and never
changed: mappings are exposed as read-only views so one loaded ontology can be shared
by every stage of a run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from eventscribe.errors import DataFileError

CAMEO_CODE = re.compile(r"^\d{2,4}$")


class OntologyLookupError(DataFileError, ValueError):
    """A PLOVER type, mode or CAMEO code that the ontology does not know.

    It is a :class:`DataFileError` because the bad name almost always comes from a data
    file (a lexicon or rule table), and a :class:`ValueError` so plain callers can catch it.
    """


def is_cameo_code(code: object) -> bool:
    """True for a well-formed CAMEO event code: 2-4 digits under a root 01..20."""
    return isinstance(code, str) and CAMEO_CODE.match(code) is not None and 1 <= int(code[:2]) <= 20


@dataclass(frozen=True)
class Mode:
    """A PLOVER mode of one event type.

    ``intensity`` and ``default_cameo`` are the mode's own values, or None when the
    ontology gives none (the type's values apply then).
    """

    name: str
    description: str
    intensity: float | None = None
    default_cameo: str | None = None


@dataclass(frozen=True)
class EventType:
    """A PLOVER event type with its quad class, intensity and modes."""

    name: str
    description: str
    quad: int
    intensity: float
    modes: Mapping[str, Mode] = field(hash=False)
    default_cameo: str = ""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its Goldstein score and PLOVER equivalent.

    ``plover_type`` is None for codes PLOVER drops (public statements, appeals).
    """

    code: str
    name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None

    @property
    def parent(self) -> str | None:
        """The next code up the CAMEO tree ("1823" -> "182" -> "18" -> None)."""
        return self.code[:-1] if len(self.code) > 2 else None


@dataclass(frozen=True, eq=False)
class Ontology:
    """The PLOVER event types, the CAMEO code table and the actor code lists."""

    event_types: Mapping[str, EventType]
    cameo: Mapping[str, CameoCode]
    sectors: Mapping[str, str]
    nonstate_codes: Mapping[str, str]
    quad_names: Mapping[int, str]

    def event_type(self, type: str) -> EventType:
        """The :class:`EventType` called ``type``; raises if there is none."""
        found = self.event_types.get(type) if isinstance(type, str) else None
        if found is None:
            raise OntologyLookupError(
                f"unknown PLOVER event type {type!r}",
                fix=f"use one of {', '.join(self.event_types)}",
            )
        return found

    def mode(self, type: str, mode: str | None) -> Mode | None:
        """The :class:`Mode` ``mode`` of ``type``; raises if invalid.

        None or "" means "no mode" and gives None.
        """
        event_type = self.event_type(type)
        if mode is None or mode == "":
            return None
        found = event_type.modes.get(mode) if isinstance(mode, str) else None
        if found is None:
            valid = ", ".join(event_type.modes) or "none (leave the mode empty)"
            raise OntologyLookupError(
                f"{type} has no mode {mode!r}", fix=f"valid modes for {type}: {valid}"
            )
        return found

    def validate_event(self, type: str, mode: str | None) -> None:
        """Raise :class:`OntologyLookupError` unless ``type``/``mode`` is a valid pair."""
        self.mode(type, mode)

    def quad(self, type: str) -> int:
        """The quad class (1-4) of a PLOVER event type."""
        return self.event_type(type).quad

    def intensity(self, type: str, mode: str | None = None) -> float:
        """The PLOVER intensity: the mode's when it has one, else the type's."""
        found = self.mode(type, mode)
        if found is not None and found.intensity is not None:
            return found.intensity
        return self.event_type(type).intensity

    def default_cameo(self, type: str, mode: str | None = None) -> str:
        """The CAMEO code for an event known only by its PLOVER type (and mode)."""
        found = self.mode(type, mode)
        if found is not None and found.default_cameo is not None:
            return found.default_cameo
        return self.event_type(type).default_cameo

    def cameo_code(self, code: str) -> CameoCode:
        """The table row for ``code``, or for its nearest listed ancestor.

        CAMEO codes are hierarchical, so an unlisted finer code ("1834") inherits from
        the code above it ("183").
        """
        if not is_cameo_code(code):
            raise OntologyLookupError(
                f"malformed CAMEO code {code!r}",
                fix="pass a string of 2-4 digits under a root 01..20, e.g. '0311' or '190'",
            )
        current: str | None = code
        while current is not None:
            row = self.cameo.get(current)
            if row is not None:
                return row
            current = current[:-1] if len(current) > 2 else None
        raise OntologyLookupError(
            f"CAMEO code {code!r} and its parents are not in the code table",
            fix="add the code (or its root) to cameo.csv",
        )

    def goldstein(self, cameo: str) -> float:
        """The Goldstein score of a CAMEO code (falls back to the parent code)."""
        return self.cameo_code(cameo).goldstein

    def plover_for_cameo(self, cameo: str) -> tuple[str | None, str | None]:
        """The PLOVER (type, mode) for a CAMEO code; (None, None) when PLOVER drops it."""
        row = self.cameo_code(cameo)
        return row.plover_type, row.plover_mode
