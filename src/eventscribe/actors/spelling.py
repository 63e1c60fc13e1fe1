"""Misspelt country names: "Afganistan" is Afghanistan when nothing else can be meant.

A word resolves to a country when it is capitalised, at least five letters long, one
edit (Damerau-Levenshtein: insert, delete, substitute or swap two neighbours) away from
exactly one country's name or alias in countries.csv, is not an ordinary English word
and is not the plural of a country's name ("the Americas", "the two Koreas").
Ordinary words are those of the lemmatizer tables the spaCy pipeline ships (WordNet's
nouns, verbs, adjectives and adverbs), so "Sedan" never becomes Sudan.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator

from spacy.language import Language

from eventscribe.actors.knowledge import ActorKnowledge, KnownActor, normalise

MIN_LETTERS = 5
_CACHE_SIZE = 50_000  # remembered answers per speller (names recur across articles)
_LETTERS = string.ascii_lowercase


def ordinary_words(nlp: Language) -> frozenset[str]:
    """The words of the pipeline's lemmatizer tables (empty if it has none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return frozenset()
    words: set[str] = set()
    for table_name in ("lemma_index", "lemma_exc"):
        if not lookups.has_table(table_name):
            continue
        table = lookups.get_table(table_name)
        for entry in table.values():
            words.update(
                str(w).lower() for w in (entry if not isinstance(entry, dict) else entry.keys())
            )
    return frozenset(words)


def _edits(word: str) -> Iterator[str]:
    """Every string one Damerau-Levenshtein edit from ``word`` (lower-case letters)."""
    for i in range(len(word) + 1):
        left, right = word[:i], word[i:]
        if right:
            yield left + right[1:]
            if len(right) > 1:
                yield left + right[1] + right[0] + right[2:]
            for ch in _LETTERS:
                yield left + ch + right[1:]
        for ch in _LETTERS:
            yield left + ch + right


class CountrySpelling:
    """Answers which country a misspelt word names, if exactly one."""

    def __init__(self, knowledge: ActorKnowledge, ordinary: Iterable[str]) -> None:
        self._ordinary = frozenset(ordinary)
        self._countries: dict[str, KnownActor] = {}
        for surface, actor in knowledge.country_forms():
            key = normalise(surface)
            if len(key) >= MIN_LETTERS - 1 and key.isalpha():
                self._countries.setdefault(key, actor)
        self._known = frozenset(normalise(surface) for surface, _kind in knowledge.phrases())
        self._answers: dict[str, KnownActor | None] = {}

    def correct(self, word: str) -> KnownActor | None:
        """The country ``word`` misspells, with evidence "spelling", or None (answers
        remembered: about 140 candidate strings are made per word)."""
        if word in self._answers:
            return self._answers[word]
        if len(self._answers) >= _CACHE_SIZE:
            self._answers.clear()
        answer = self._answers[word] = self._correct(word)
        return answer

    def _correct(self, word: str) -> KnownActor | None:
        key = word.lower()
        if (
            len(key) < MIN_LETTERS
            or not word[:1].isupper()
            or not key.isalpha()
            or key in self._ordinary
            or key in self._known
            or (key.endswith("s") and key[:-1] in self._countries)
        ):
            return None  # a plural names several: "the Americas", "the two Koreas"
        found = {
            self._countries[e].country: self._countries[e]
            for e in set(_edits(key))
            if e in self._countries
        }
        if len(found) != 1:
            return None
        actor = next(iter(found.values()))
        return KnownActor(
            actor.name,
            actor.country,
            None,
            "country",
            f"spelling: {word!r} is one edit from {actor.name!r}",
        )
