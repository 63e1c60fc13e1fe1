"""The tune/check split of a dev gold file: rules are changed looking at one half only.

A case's half is fixed by its id alone (the first byte of its SHA-1: even is "tune",
odd is "check"), so the split is the same on every machine and for every kind of gold.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "check"]
HALVES: tuple[Half, Half] = ("tune", "check")


def split_half(case_id: str) -> Half:
    """"tune" or "check": the half of the dev set the case ``case_id`` belongs to."""
    first = hashlib.sha1(case_id.encode("utf-8")).digest()[0]
    return "tune" if first % 2 == 0 else "check"
