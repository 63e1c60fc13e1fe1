"""The coder's Tree answers what spaCy's Token objects answer, and coding through it
gives the same events as coding from the Doc alone."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from eventscribe.coding.dates import _root
from eventscribe.coding.tree import Tree
from eventscribe.nlp.view import DocView
from eventscribe.pipeline import Coder
from eventscribe.places.location import event_location, event_location_at
from eventscribe.records import Article

TEXTS = [
    "Serbian President Aleksandar Vucic met the EU's envoy in Brussels on Monday, officials said.",
    "Rebels shelled the town near Aleppo, killing 20 people, and the army neither retaliated nor withdrew.",
    (
        "Turkey, Greece and Cyprus should work together, the minister said.\n\n"
        "Protesters in Kirkuk were attacked and beaten by police, who had been sent to the cease-fire line."
    ),
    "",
    " ",
]


@pytest.fixture(scope="module")
def docs(coder: Coder) -> list[Doc]:
    return list(coder.nlp.pipe(TEXTS))


def test_tree_answers_like_tokens(docs: list[Doc]) -> None:
    for doc in docs:
        tree = Tree(DocView(doc))
        assert len(tree) == len(doc)
        for token in doc:
            i = token.i
            assert (tree.dep[i], tree.pos[i], tree.tag[i], tree.ent[i]) == (
                token.dep_,
                token.pos_,
                token.tag_,
                token.ent_type_,
            )
            assert (tree.lower[i], tree.lemma[i], tree.text(i)) == (
                token.lower_,
                token.lemma_,
                token.text,
            )
            assert tree.head[i] == token.head.i
            assert tree.end_char(i) == token.idx + len(token)
            assert tree.lefts(i) == [t.i for t in token.lefts]
            assert tree.rights(i) == [t.i for t in token.rights]
            assert tree.conjuncts(i) == [t.i for t in token.conjuncts]
            assert tree.subtree(i) == [t.i for t in token.subtree]
            assert tree.ancestors(i) == [t.i for t in token.ancestors]
        for sent in doc.sents:
            assert _root(tree, sent.start, sent.end) == sent.root.i


def test_conjuncts_of_a_three_way_coordination(docs: list[Doc]) -> None:
    doc = docs[2]
    tree = Tree(DocView(doc))
    turkey = next(t.i for t in doc if t.text == "Turkey")
    named = {doc[i].text for i in tree.conjuncts(turkey)}
    assert {"Greece", "Cyprus"} <= named


def test_event_location_by_position_is_the_token_answer(coder: Coder, docs: list[Doc]) -> None:
    for doc in docs:
        view = DocView(doc)
        places = coder.places.tag(doc, view=view)
        for token in doc:
            assert event_location_at(view, token.i, places) == event_location(token, places)


def test_coding_with_or_without_the_pipeline_tree_agrees(coder: Coder) -> None:
    text = TEXTS[1] + " " + TEXTS[2]
    article = Article(doc_id="t", text=text, date=date(2023, 2, 2))
    doc = coder.nlp(text)
    view = DocView(doc, text)
    actors = coder.tagger.tag(doc, published=article.date, doc_id=article.doc_id, view=view)
    places = coder.places.tag(
        doc, actor_spans=actors.metonyms, countries=actors.countries_by_frequency(), view=view
    )
    alone = coder.events.code(doc, article, actors, (), places)
    shared = coder.events.code(doc, article, actors, (), places, tree=Tree(view))
    assert alone == shared
    assert alone[0], "the shelling is coded"
    quotes = coder.quotes.find(doc, actors, alone[0])
    assert coder.quotes.find(doc, actors, alone[0], tree=Tree(view)) == quotes
