"""The two fixed halves of every gold file: ``tune`` and ``check``.

Developers change the coder while looking at the ``tune`` half only and judge the
change on the ``check`` half (DEVELOPERS.md). A case's half depends on its id alone
(the first byte of its SHA-1: even is ``tune``, odd is ``check``), so it never moves
when cases are added, removed or reordered, and any tool can recompute it.
"""

from __future__ import annotations

import hashlib

HALVES = ("tune", "check")


def half_of(case_id: str) -> str:
    """``"tune"`` or ``"check"`` for a gold case id."""
    first = hashlib.sha1(case_id.encode("utf-8")).digest()[0]
    return HALVES[first % 2]
