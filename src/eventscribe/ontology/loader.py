"""Read and validate the ontology data files (plover.yaml and cameo.csv).

Every problem is reported as a :class:`DataFileError` that names the file and line, so a
user editing a copy of the files can find and fix the entry at once.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from eventscribe.errors import DataFileError
from eventscribe.ontology._yaml import LineDict, load_yaml_with_lines
from eventscribe.ontology.model import CameoCode, EventType, Mode, Ontology, is_cameo_code

PLOVER_FILE = "plover.yaml"
CAMEO_FILE = "cameo.csv"
CAMEO_COLUMNS = ("code", "name", "goldstein", "plover_type", "plover_mode")
TYPE_FIELDS = frozenset({"description", "quad", "intensity", "default_cameo", "modes"})
TYPE_REQUIRED = ("description", "quad", "intensity", "default_cameo")
MODE_FIELDS = frozenset({"description", "intensity", "default_cameo"})
TOP_SECTIONS = ("quad_classes", "event_types", "sectors", "nonstate_codes")
ACTOR_CODE = re.compile(r"^[A-Z]{3}$")
TYPE_NAME = re.compile(r"^[A-Z][A-Z_]*$")
MODE_NAME = re.compile(r"^[a-z][a-z_-]*$")
SCALE = 10.0

# (line in plover.yaml, CAMEO code, "TYPE" or "TYPE/mode") for each default_cameo given
DefaultRef = tuple[int, str, str]


def default_data_dir() -> Path:
    """The folder holding the bundled plover.yaml and cameo.csv."""
    return Path(__file__).resolve().parent / "data"


def _fail(path: Path, line: int, message: str, fix: str | None = None) -> NoReturn:
    raise DataFileError(f"{path}:{line}: {message}", fix=fix)


def read_ontology(directory: Path) -> Ontology:
    """Load plover.yaml and cameo.csv from ``directory`` and check them against each other."""
    plover_path, cameo_path = directory / PLOVER_FILE, directory / CAMEO_FILE
    for path in (plover_path, cameo_path):
        if not path.is_file():
            raise DataFileError(
                f"ontology file not found: {path}",
                fix=f"an ontology folder needs both {PLOVER_FILE} and {CAMEO_FILE}",
            )
    top = _as_mapping(plover_path, load_yaml_with_lines(plover_path), 1, "the file")
    for section in TOP_SECTIONS:
        if section not in top:
            _fail(plover_path, top.line, f"missing top-level section {section!r}")
    quad_names = _read_quads(plover_path, top)
    types, refs = _read_types(plover_path, top, quad_names)
    cameo = _read_cameo(cameo_path, types)
    for line, code, owner in refs:
        if code not in cameo:
            _fail(
                plover_path,
                line,
                f"default_cameo {code!r} of {owner} is not a code in {cameo_path.name}",
                fix=f"pick a code listed in {cameo_path}",
            )
    return Ontology(
        event_types=MappingProxyType(types),
        cameo=MappingProxyType(cameo),
        sectors=MappingProxyType(_read_codes(plover_path, top, "sectors")),
        nonstate_codes=MappingProxyType(_read_codes(plover_path, top, "nonstate_codes")),
        quad_names=MappingProxyType(quad_names),
    )


def _as_mapping(path: Path, value: Any, line: int, what: str) -> LineDict:
    if not isinstance(value, LineDict):
        _fail(path, line, f"{what} must be a mapping of names to entries, got {value!r}")
    return value


def _read_quads(path: Path, top: LineDict) -> dict[int, str]:
    section = _as_mapping(path, top["quad_classes"], top.line_of("quad_classes"), "quad_classes")
    if set(section) != {1, 2, 3, 4}:
        extra = [quad for quad in section if quad not in {1, 2, 3, 4}]
        line = section.line_of(extra[0]) if extra else section.line
        _fail(path, line, f"quad_classes must list exactly 1, 2, 3 and 4, got {list(section)}")
    return {quad: _text(path, section, quad, "quad class") for quad in sorted(section)}


def _read_codes(path: Path, top: LineDict, name: str) -> dict[str, str]:
    section = _as_mapping(path, top[name], top.line_of(name), name)
    for code in section:
        if not isinstance(code, str) or not ACTOR_CODE.match(code):
            _fail(path, section.line_of(code), f"{name}: code {code!r} must be 3 capital letters")
    return {code: _text(path, section, code, name) for code in section}


def _text(path: Path, mapping: LineDict, key: Any, what: str) -> str:
    value = mapping.get(key)
    if not isinstance(value, str) or not value.strip():
        _fail(path, mapping.line_of(key), f"{what} {key!r}: needs a non-empty text, got {value!r}")
    return value.strip()


def _number(path: Path, mapping: LineDict, key: str, what: str) -> float:
    value = mapping.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > SCALE:
        _fail(
            path,
            mapping.line_of(key),
            f"{what}: {key} must be a number from -10 to 10, got {value!r}",
            fix="write a plain number such as -3.5",
        )
    return float(value)


def _code(path: Path, mapping: LineDict, key: str, what: str) -> str:
    value = mapping.get(key)
    if not is_cameo_code(value):
        _fail(
            path,
            mapping.line_of(key),
            f"{what}: {key} must be a CAMEO code in quotes, got {value!r}",
            fix='write it as a quoted string of 2-4 digits, e.g. "030" (unquoted 030 is a number)',
        )
    return str(value)


def _check_fields(path: Path, body: LineDict, allowed: frozenset[str], what: str) -> None:
    for key in body:
        if key not in allowed:
            _fail(
                path,
                body.line_of(key),
                f"{what}: unknown field {key!r}",
                fix=f"allowed fields: {', '.join(sorted(allowed))}",
            )


def _read_types(
    path: Path, top: LineDict, quads: dict[int, str]
) -> tuple[dict[str, EventType], list[DefaultRef]]:
    section = _as_mapping(path, top["event_types"], top.line_of("event_types"), "event_types")
    if not section:
        _fail(path, section.line, "event_types is empty")
    types: dict[str, EventType] = {}
    refs: list[DefaultRef] = []
    for name, raw in section.items():
        line = section.line_of(name)
        if not isinstance(name, str) or not TYPE_NAME.match(name):
            _fail(path, line, f"event type name {name!r} must be in capitals, e.g. ASSAULT")
        types[name] = _read_type(path, name, _as_mapping(path, raw, line, name), quads, refs)
    return types, refs


def _read_type(
    path: Path, name: str, body: LineDict, quads: dict[int, str], refs: list[DefaultRef]
) -> EventType:
    _check_fields(path, body, TYPE_FIELDS, name)
    for key in TYPE_REQUIRED:
        if key not in body:
            _fail(path, body.line, f"event type {name} has no {key!r}")
    quad = body["quad"]
    if isinstance(quad, bool) or quad not in quads:
        _fail(
            path,
            body.line_of("quad"),
            f"{name}: unknown quad {quad!r}",
            fix="use 1 (verbal cooperation), 2 (material cooperation), "
            "3 (verbal conflict) or 4 (material conflict)",
        )
    default = _code(path, body, "default_cameo", name)
    refs.append((body.line_of("default_cameo"), default, name))
    raw_modes = body.get("modes")
    modes: dict[str, Mode] = {}
    if raw_modes is not None:
        section = _as_mapping(path, raw_modes, body.line_of("modes"), f"{name} modes")
        for mode_name, raw in section.items():
            line = section.line_of(mode_name)
            if not isinstance(mode_name, str) or not MODE_NAME.match(mode_name):
                _fail(path, line, f"{name}: mode name {mode_name!r} must be lower case")
            mode_body = _as_mapping(path, raw, line, f"{name}/{mode_name}")
            modes[mode_name] = _read_mode(path, name, mode_name, mode_body, refs)
    return EventType(
        name=name,
        description=_text(path, body, "description", f"{name}"),
        quad=int(quad),
        intensity=_number(path, body, "intensity", name),
        modes=MappingProxyType(modes),
        default_cameo=default,
    )


def _read_mode(
    path: Path, type_name: str, name: str, body: LineDict, refs: list[DefaultRef]
) -> Mode:
    what = f"{type_name}/{name}"
    _check_fields(path, body, MODE_FIELDS, what)
    intensity = _number(path, body, "intensity", what) if "intensity" in body else None
    default = None
    if "default_cameo" in body:
        default = _code(path, body, "default_cameo", what)
        refs.append((body.line_of("default_cameo"), default, what))
    return Mode(name, _text(path, body, "description", what), intensity, default)


def _read_cameo(path: Path, types: dict[str, EventType]) -> dict[str, CameoCode]:
    rows: dict[str, CameoCode] = {}
    first_line: dict[str, int] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [cell.strip() for cell in next(reader, [])]
            if tuple(header) != CAMEO_COLUMNS:
                _fail(path, 1, f"header must be {','.join(CAMEO_COLUMNS)}, got {','.join(header)}")
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                row = _cameo_row(path, reader.line_num, cells, types)
                if row.code in rows:
                    _fail(
                        path,
                        reader.line_num,
                        f"duplicate CAMEO code {row.code} (first on line {first_line[row.code]})",
                        fix="keep one row per code",
                    )
                rows[row.code] = row
                first_line[row.code] = reader.line_num
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"cannot read {path}: {exc}", fix="check it is a UTF-8 CSV file")
    return rows


def _cameo_row(path: Path, line: int, cells: list[str], types: dict[str, EventType]) -> CameoCode:
    if len(cells) != len(CAMEO_COLUMNS):
        _fail(
            path,
            line,
            f"expected {len(CAMEO_COLUMNS)} columns ({','.join(CAMEO_COLUMNS)}), got {len(cells)}",
        )
    code, name, goldstein_text, type_name, mode = (cell.strip() for cell in cells)
    if not is_cameo_code(code):
        _fail(
            path,
            line,
            f"malformed CAMEO code {code!r}",
            fix="use 2-4 digits under a root 01..20 and keep leading zeros (030, not 30)",
        )
    if not name:
        _fail(path, line, f"CAMEO code {code} has no name")
    try:
        goldstein = float(goldstein_text)
    except ValueError:
        goldstein = float("nan")
    if not -SCALE <= goldstein <= SCALE:
        _fail(
            path,
            line,
            f"CAMEO code {code}: goldstein must be a number from -10 to 10, got {goldstein_text!r}",
        )
    _check_plover(path, line, code, type_name, mode, types)
    return CameoCode(code, name, goldstein, type_name or None, mode or None)


def _check_plover(
    path: Path, line: int, code: str, type_name: str, mode: str, types: dict[str, EventType]
) -> None:
    if not type_name:
        if mode:
            _fail(path, line, f"CAMEO code {code} has mode {mode!r} but no plover_type")
        return
    event_type = types.get(type_name)
    if event_type is None:
        _fail(
            path,
            line,
            f"CAMEO code {code}: unknown PLOVER type {type_name!r}",
            fix=f"use one of {', '.join(types)} or leave plover_type empty",
        )
    if mode and mode not in event_type.modes:
        valid = ", ".join(event_type.modes) or "none"
        _fail(
            path,
            line,
            f"CAMEO code {code}: {type_name} has no mode {mode!r}",
            fix=f"valid modes for {type_name}: {valid}; or leave plover_mode empty",
        )
