"""The coder's shortcuts give the answers of the plain code they replace.

The matcher's per-document noun triggers and its per-lemma verb table pick what asking
every noun's forms and every lexicon entry in turn picked, on real parsed sentences.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventscribe.coding import forms, syntax
from eventscribe.coding.lexicon import LexiconEntry
from eventscribe.coding.tree import Tree
from eventscribe.coding.wordlists import load_word_lists
from eventscribe.nlp.view import DocView
from eventscribe.pipeline import Coder

TEXTS = [
    "Serbia agreed to stop issuing licence plates, and Kosovo called on the EU to mediate.",
    "Rebels did not attack the convoy near Aleppo; the army neither retaliated nor withdrew.",
    "The United States gave $2 million in aid to Lebanon and called President Milei on Monday.",
    "Israel and Hamas agreed to a cease-fire, and both sides announced a ceasefire in Gaza.",
    "Protesters staged a hunger strike to protest the government's decision, police said.",
    "Turkey failed to reach an agreement with Greece, and Russia threatened to impose sanctions.",
]


@pytest.fixture(scope="module")
def docs(coder: Coder) -> list[Doc]:
    return list(coder.nlp.pipe(TEXTS))


def test_noun_triggers_are_the_first_form_with_an_entry(coder: Coder, docs: list[Doc]) -> None:
    matcher = coder.events.matcher
    nouns = matcher.lexicon.noun_lemmas
    seen = set()
    for doc in docs:
        tree = Tree(DocView(doc))
        _, _, positions, words = matcher._candidate_positions(tree)
        expected = {}
        for token in doc:
            if token.pos_ in {"NOUN", "PROPN"}:
                first = next((w for w in forms.noun_forms(tree, token.i) if w in nouns), None)
                if first is not None:
                    expected[token.i] = first
        assert dict(zip(positions, words, strict=True)) == expected
        seen.update(words)
    assert "ceasefire" in seen


def _lemma(matcher, tree: Tree, verb: int) -> str | None:  # type: ignore[no-untyped-def]
    """The lexicon verb of a token as the matcher read it before it remembered them."""
    lemma = tree.lemma[verb].lower()
    if lemma in matcher.lexicon.verb_lemmas:
        return lemma
    return forms.deinflected(tree.lower[verb], matcher.lexicon.verb_lemmas)


def test_verb_positions_carry_the_lexicon_verb(coder: Coder, docs: list[Doc]) -> None:
    matcher = coder.events.matcher
    for doc in docs:
        tree = Tree(DocView(doc))
        verbs, lemmas, _, _ = matcher._candidate_positions(tree)
        expected = {t.i: _lemma(matcher, tree, t.i) for t in doc if t.pos_ in {"VERB", "AUX"}}
        assert dict(zip(verbs, lemmas, strict=True)) == {
            i: lemma for i, lemma in expected.items() if lemma is not None
        }


def _old_best(matcher, tree: Tree, verb: int) -> LexiconEntry | None:
    """The entry the matcher picked before its verb table: every entry in lexicon order,
    the first of the highest specificity whose conditions hold."""
    words = matcher.words
    negated = syntax.is_negated(tree, verb, words)
    best = fallback = None  # fallback: the best entry matched only by an "of" object
    for entry in matcher.lexicon.verb_entries(_lemma(matcher, tree, verb) or ""):
        if entry.when == "negated" and not negated:
            continue
        if entry.when == "failed" and not syntax.is_failed(tree, verb, words):
            continue
        if entry.tail and not all(w in forms.particle_words(tree, verb) for w in entry.tail):
            continue
        if entry.objects:
            wanted = frozenset(entry.objects)
            matched = [
                of_only
                for o, ws, of_only in forms.object_words(tree, verb, load_word_lists())
                if ws & wanted and (not entry.needs or forms.has_complement(tree, o, entry.needs))
            ]
            if not matched:
                continue
            if all(matched):
                if fallback is None or entry.specificity > fallback.specificity:
                    fallback = entry
                continue
        if best is None or entry.specificity > best.specificity:
            best = entry
    return best or fallback


def test_verb_table_picks_the_entry_the_lexicon_order_picked(coder: Coder, docs: list[Doc]) -> None:
    matcher = coder.events.matcher
    picked = 0
    for doc in docs:
        view = DocView(doc)
        tree = Tree(view)
        actors = coder.tagger.tag(doc, view=view)
        verbs, lemmas, _, _ = matcher._candidate_positions(tree)
        for verb, lemma in zip(verbs, lemmas, strict=True):
            old = _old_best(matcher, tree, verb)
            candidate = matcher._verb_candidate(tree, verb, lemma, actors)
            assert (candidate.entry if candidate is not None else None) == old, doc[verb].text
            picked += old is not None
    assert picked >= 10
