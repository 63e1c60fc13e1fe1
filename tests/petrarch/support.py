"""Coding a few sentences through the CLI, for the PETRARCH dictionary tests (the helper
is shared with other tests: ``tests/support.py``)."""

from __future__ import annotations

from tests.support import code_texts

__all__ = ["code_texts"]
