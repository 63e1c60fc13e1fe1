"""What a negated CAMEO code becomes under PETRARCH's conventions (``--conventions cameo``).

PETRARCH 2 does not drop a negated verb: "did not clash over the efforts" (110
disapprove) is coded 050 (diplomatic cooperation), "will not wiretap" (170) is 057. The
pairs come from its internal coding ontology (``data/negations.csv``, built by
``tools/build_cameo_negations.py``). A code with no pair is dropped when negated, as under
PLOVER's conventions.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from eventscribe.errors import DataFileError
from eventscribe.ontology.model import is_cameo_code


def bundled_negations_path() -> Path:
    return Path(str(resources.files("eventscribe.petrarch") / "data" / "negations.csv"))


def read_negations(path: Path | None = None) -> Mapping[str, str]:
    """CAMEO code -> the code of its negation; every bad line names file and line."""
    path = path or bundled_negations_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the negation table ({exc})") from exc
    rows = [(n, line) for n, line in enumerate(lines, start=1) if not line.startswith("#")]
    header = rows[0][1] if rows else ""
    if header != "code,negated":
        raise DataFileError(f"{path}: expected the header 'code,negated', got {header!r}")
    table: dict[str, str] = {}
    for number, line in rows[1:]:
        fields = next(csv.reader([line]), [])
        if len(fields) != 2:
            raise DataFileError(f"{path}:{number}: expected two codes, got {line!r}")
        code, negated = fields
        for value in (code, negated):
            if not is_cameo_code(value):
                raise DataFileError(f"{path}:{number}: {value!r} is not a CAMEO event code")
        table[code] = negated
    return MappingProxyType(table)
