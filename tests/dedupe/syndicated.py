"""A generated news corpus where a share of the articles are syndicated copies.

Originals are strung together from the sentences below (written for these tests): each
has two or three event sentences between different country pairs and some neutral
filler. A copy repeats an original's body under another site's headline and byline,
as wire stories appear on many sites. The same (n, share, seed) gives the same corpus.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = ("Chile", "Peru", "Kenya", "Uganda", "Norway", "Finland", "Vietnam", "Thailand",
             "Ghana", "Senegal", "Poland", "Hungary", "Jordan", "Egypt", "Canada", "Mexico")  # fmt: skip
EVENTS = (
    "{a} accused {b} of violating the fishing agreement.",
    "{a} criticized {b} over the detention of two journalists.",
    "The government of {a} condemned {b} for the border closure.",
    "{a} praised {b} for releasing the detained sailors.",
    "{a} threatened {b} with new tariffs on steel.",
    "Officials from {a} met their counterparts from {b} in Geneva.",
)
FILLER = (
    "Markets were calm after the announcement.",
    "Analysts expect further statements later in the week.",
    "The talks had been planned for several months.",
    "Local newspapers carried the story on their front pages.",
    "Weather delayed several flights in the capital.",
    "A spokesperson declined to give more details.",
    "Trade between the two countries has grown steadily this decade.",
    "The ministry published a short statement on its website in the evening.",
    "Several opposition lawmakers asked for a debate in parliament next month.",
    "Shipping companies said their schedules would not change for now.",
    "Community leaders in the port city called for calm and patience.",
    "The central bank left interest rates unchanged at its latest meeting.",
    "Television footage showed long queues at the main crossing point.",
)
HEADLINES = ("World briefing", "Regional roundup", "Morning digest", "Latest dispatches")
BYLINES = ("By a staff correspondent", "From our wire desk", "Compiled by the news team")


def original(rng: random.Random, index: int) -> dict:
    sentences = []
    for _ in range(rng.randint(2, 3)):
        a, b = rng.sample(COUNTRIES, 2)
        sentences.append(rng.choice(EVENTS).format(a=a, b=b))
    sentences += rng.sample(FILLER, 5)
    rng.shuffle(sentences)
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
    return {"id": f"orig-{index:04d}", "date": day.isoformat(), "text": " ".join(sentences),
            "source": "Wire Service"}  # fmt: skip


def copy_of(rng: random.Random, story: dict, index: int) -> dict:
    headline = f"{rng.choice(HEADLINES)} {index}."
    byline = f"{rng.choice(BYLINES)}."
    return {"id": f"copy-{index:04d}", "date": story["date"],
            "text": f"{headline}\n{byline}\n{story['text']}", "source": f"Site {index % 5}",
            "copy_of": story["id"]}  # fmt: skip


def syndicated_corpus(n: int, share: float = 0.3, seed: int = 7) -> list[dict]:
    """``n`` articles of which ``round(n * share)`` are copies of earlier originals."""
    rng = random.Random(seed)
    copies = round(n * share)
    originals = [original(rng, i) for i in range(n - copies)]
    docs = list(originals)
    for i in range(copies):
        docs.insert(rng.randrange(len(docs) + 1), copy_of(rng, rng.choice(originals), i))
    return docs


def write_corpus(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path
