"""YAML loading that remembers line numbers, so data-file errors can name the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from eventscribe.errors import DataFileError
from eventscribe.yamlio import SafeLoader


class LineDict(dict):  # type: ignore[type-arg]
    """A YAML mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The line of ``key`` if present, else the line where the mapping starts."""
        return self.key_lines.get(key, self.line)


class _LineLoader(SafeLoader):
    """SafeLoader that builds :class:`LineDict` mappings and refuses duplicate keys."""

    source_name = "<yaml>"


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            raise DataFileError(
                f"{loader.source_name}:{line}: duplicate key {key!r} "
                f"(first given on line {result.key_lines[key]})",
                fix="remove or rename one of the two entries",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def load_yaml_with_lines(path: Path) -> Any:
    """Parse a YAML file; mappings come back as :class:`LineDict`.

    Syntax errors become :class:`DataFileError` naming the file and line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"cannot read {path}: {exc}", fix="check the file exists and is UTF-8")
    loader = _LineLoader(text)
    loader.source_name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise DataFileError(
            f"{path}:{line}: invalid YAML: {exc.problem or exc}",
            fix="fix the YAML syntax on that line (check indentation and quoting)",
        ) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
