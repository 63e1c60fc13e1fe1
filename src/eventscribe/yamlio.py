"""How every data file in YAML is parsed: with libyaml's C parser when PyYAML has it
(about ten times faster than the pure-Python one, which start-up would otherwise pay for
each word list), else with PyYAML's own. Both build the same values and report the
same line numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    SafeLoader = yaml.SafeLoader
else:
    SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """The value of a YAML document (plain types only, as :func:`yaml.safe_load`)."""
    return yaml.load(text, Loader=SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML document, with the line of every node."""
    return yaml.compose(text, Loader=SafeLoader)


def compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and the value of a YAML document, parsed once (for files whose
    errors name the line of a value)."""
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
        return root, None if root is None else loader.construct_document(root)
    finally:
        loader.dispose()
