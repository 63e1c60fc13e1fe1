"""Human-readable lines for a metrics dict from :func:`eventscribe.evaluation.score`.

The layout follows the dict itself, so every number in the JSON appears in the
report: precision/recall/F1 groups on one line with their counts, ratios with three
decimals, "n/a" where nothing was there to measure.
"""

from __future__ import annotations

from typing import Any

_HEAD_KEYS = ("kind", "cases", "gold_file")
_PRF_KEYS = ("precision", "recall", "f1")


def format_report(metrics: dict[str, Any]) -> str:
    """The metrics as indented text, one fact a line."""
    head = f"{metrics.get('kind', '?')}: {metrics.get('cases', 0)} cases"
    if metrics.get("gold_file"):
        head += f" ({metrics['gold_file']})"
    lines = [head]
    for key, value in metrics.items():
        if key not in _HEAD_KEYS:
            lines.extend(_render(key, value, indent=1))
    return "\n".join(lines)


def _number(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _prf_line(key: str, value: dict[str, Any]) -> str:
    p, r, f1 = (_number(value[k]) for k in _PRF_KEYS)
    scores = f"P {p}  R {r}  F1 {f1}"
    counts = ", ".join(f"{k} {_number(v)}" for k, v in value.items() if k not in _PRF_KEYS)
    return f"{key:<16} {scores}  ({counts})"


def _render(key: str, value: Any, indent: int) -> list[str]:
    pad = "  " * indent
    if isinstance(value, dict) and all(k in value for k in _PRF_KEYS):
        return [pad + _prf_line(key, value)]
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for sub_key, sub_value in value.items():
            lines.extend(_render(str(sub_key), sub_value, indent + 1))
        return lines
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [f"{pad}{key}:"] + [pad + "  " + _item(v) for v in value]
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        rows = [" ".join(f"{_number(x):>5}" for x in row) for row in value]
        return [f"{pad}{key}:"] + [f"{pad}  {row}" for row in rows]
    if isinstance(value, list) and any(isinstance(v, str) and len(v) > 40 for v in value):
        return [f"{pad}{key}:"] + [f"{pad}  {v}" for v in value]
    if isinstance(value, list):
        return [f"{pad}{key:<16} {', '.join(_number(v) for v in value) or '-'}"]
    return [f"{pad}{key:<16} {_number(value)}"]


def _item(value: dict[str, Any]) -> str:
    """One list entry: a required event gets a check box, anything else key=value pairs."""
    if "found" in value:
        box = "[x]" if value["found"] else "[ ]"
        sources = "+".join(str(s) for s in value.get("source") or []) or "?"
        targets = "+".join(str(t) for t in value.get("target") or []) or "-"
        also = f" (or {', '.join(value['also_accepted'])})" if value.get("also_accepted") else ""
        date = value.get("date") or "no date"
        why = f"  {value['why']}" if value.get("why") else ""
        return f"{box} {value.get('type')}{also} {sources} -> {targets}, {date}{why}"
    return ", ".join(f"{k}={v if isinstance(v, list) else _number(v)}" for k, v in value.items())
