"""The PLOVER 2.0 event ontology and the CAMEO code table, loaded from data files.

Usage::

    from eventscribe.ontology import bundled_ontology, load_ontology

    onto = bundled_ontology()            # the files shipped in ontology/data, cached
    onto.quad("ASSAULT")                 # 4
    onto.intensity("CONSULT", "visit")   # 4.0
    onto.default_cameo("CONSULT", "visit")  # "042"
    onto.goldstein("1834")               # unlisted code: falls back to 183
    onto.plover_for_cameo("0871")        # ("RETREAT", "ceasefire")
    onto.validate_event("PROTEST", "march")  # raises, naming PROTEST's valid modes

    custom = load_ontology(Path("my_ontology"))  # a folder with plover.yaml + cameo.csv

Every problem in the data files raises :class:`eventscribe.errors.DataFileError` naming
the file and line; bad lookups raise :class:`OntologyLookupError` (a DataFileError and a
ValueError).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from eventscribe.ontology.loader import default_data_dir, read_ontology
from eventscribe.ontology.model import (
    CameoCode,
    EventType,
    Mode,
    Ontology,
    OntologyLookupError,
    is_cameo_code,
)

__all__ = [
    "CameoCode",
    "EventType",
    "Mode",
    "Ontology",
    "OntologyLookupError",
    "bundled_ontology",
    "default_data_dir",
    "is_cameo_code",
    "load_ontology",
]


def load_ontology(path_dir: Path | None = None) -> Ontology:
    """Load and validate the ontology from ``path_dir`` (default: the bundled data).

    The folder must hold ``plover.yaml`` and ``cameo.csv``. Each call reads the files
    again; use :func:`bundled_ontology` for a shared, cached copy of the bundled data.
    """
    return read_ontology(Path(path_dir) if path_dir is not None else default_data_dir())


@lru_cache(maxsize=1)
def bundled_ontology() -> Ontology:
    """The bundled ontology, loaded once per process (it is read-only, so safe to share)."""
    return load_ontology()
