"""A synthetic, deterministic news corpus for the benchmark.

Articles are strung together from the sentence templates in ``templates/sentences.txt``
with slots filled from ``templates/slots.yaml`` (all wording written for this project).
The same ``(n, seed)`` always gives the same articles, so two benchmark runs (or two
machines) parse exactly the same text.

Library use::

    from corpus import generate
    for record in generate(300, seed=1):   # {"id": ..., "date": "YYYY-MM-DD", "text": ...}
        ...

Script use::

    .venv/bin/python bench/corpus.py --docs 1000 --seed 1 --out /tmp/bench.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
MIN_SENTENCES = 4
MAX_SENTENCES = 12
FIRST_DATE = date(2021, 1, 1)
DATE_SPAN_DAYS = 4 * 365
MAX_DEPTH = 4  # how deeply slot values may nest ({actor} -> {title} {person} ...)


@dataclass(frozen=True)
class Templates:
    """Sentence templates and the fillers for their slots."""

    sentences: tuple[str, ...]
    slots: dict[str, tuple[str, ...]]


def load_templates(folder: Path = TEMPLATE_DIR) -> Templates:
    """Read ``sentences.txt`` and ``slots.yaml`` from ``folder`` and check they fit.

    Raises ``ValueError`` naming the file and the template if a slot has no fillers.
    """
    sentence_file = folder / "sentences.txt"
    lines = sentence_file.read_text(encoding="utf-8").splitlines()
    sentences = tuple(
        line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")
    )
    raw = yaml.safe_load((folder / "slots.yaml").read_text(encoding="utf-8"))
    slots = {name: tuple(str(v) for v in values) for name, values in raw.items()}
    for text in sentences + tuple(v for values in slots.values() for v in values):
        for name in _slot_names(text):
            if _base(name) not in slots:
                raise ValueError(
                    f"{sentence_file}: slot {{{name}}} in {text!r} has no list "
                    f"'{_base(name)}' in {folder / 'slots.yaml'}; add one"
                )
    return Templates(sentences=sentences, slots=slots)


def generate(n: int, seed: int = 0, templates: Templates | None = None) -> Iterator[dict[str, str]]:
    """Yield ``n`` article records ``{"id", "date", "text"}``, the same for the same seed."""
    templates = templates or load_templates()
    rng = random.Random(seed)
    for index in range(n):
        size = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
        sentences = [
            _fill(rng.choice(templates.sentences), templates.slots, rng) for _ in range(size)
        ]
        published = FIRST_DATE + timedelta(days=rng.randrange(DATE_SPAN_DAYS))
        yield {
            "id": f"bench-{seed}-{index:06d}",
            "date": published.isoformat(),
            "text": " ".join(sentences),
        }


def _fill(
    template: str, slots: dict[str, tuple[str, ...]], rng: random.Random, depth: int = 0
) -> str:
    """Fill every slot of ``template``; nested slots are filled in their own scope.

    Within one scope a slot name keeps its value, and names sharing a base list
    (``country``, ``country2``) get different values when the list allows it.
    """
    chosen: dict[str, str] = {}
    for name in _slot_names(template):
        if name in chosen:
            continue
        taken = {v for n, v in chosen.items() if _base(n) == _base(name)}
        options = [v for v in slots[_base(name)] if v not in taken] or list(slots[_base(name)])
        value = rng.choice(options)
        if depth < MAX_DEPTH and "{" in value:
            value = _fill(value, slots, rng, depth + 1)
        chosen[name] = value
    text = template.format(**chosen)
    if depth == 0 and text:
        text = text[0].upper() + text[1:]  # sentence start; nested values keep their case
    return text


def _slot_names(text: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(text) if field]


def _base(name: str) -> str:
    """``country2`` -> ``country``: numbered slots draw from the same list."""
    return re.sub(r"\d+$", "", name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic news corpus as JSONL.")
    parser.add_argument("--docs", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--out", type=Path, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    if args.docs < 0:
        parser.error("--docs must be zero or more")
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for record in generate(args.docs, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
