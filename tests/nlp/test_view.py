"""DocView answers what spaCy's Token and Span objects answer, for every token."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventscribe.nlp.view import DocView

TEXTS = [
    "Serbian President Aleksandar Vucic met the EU's envoy in Brussels on Monday, officials said.",
    (
        "BELGRADE, March 19 (Reuters) - Kosovo police (KP) arrested two men.\n\n"
        "The head of the EU delegation, who arrived on June 19, urged both sides to talk."
    ),
    (
        "Hungarian and Romanian officials, and U.S.-backed fighters in northern Syria, said "
        "they would not attend the talks in Geneva next week."
    ),
    "",
    " ",
]


@pytest.fixture(scope="module")
def docs(nlp) -> list[Doc]:
    return list(nlp.pipe(TEXTS))


def test_columns_match_tokens(docs: list[Doc]) -> None:
    for doc in docs:
        view = DocView(doc)
        assert len(view) == len(doc)
        for token in doc:
            i = token.i
            assert view.string(view.pos[i]) == token.pos_
            assert view.string(view.dep[i]) == token.dep_
            assert view.string(view.lower[i]) == token.lower_
            assert view.string(view.ent_type[i]) == token.ent_type_
            assert view.string(view.tag[i]) == token.tag_
            assert view.token_text(i) == token.text
            assert view.head[i] == token.head.i
            assert list(view.children[i]) == [c.i for c in token.children]
            assert view.subtree(i) == {t.i for t in token.subtree}
            below = view.subtree(i)
            assert view.subtree_bounds(i) == (min(below), max(below))
            assert bool(view.sent_start[i]) == bool(token.is_sent_start)
            flags = (view.is_punct[i], view.is_space[i], view.is_title[i], view.is_lower[i])
            assert tuple(map(bool, flags)) == (
                token.is_punct,
                token.is_space,
                token.is_title,
                token.is_lower,
            )


def test_sentences_and_spans_match_spacy(docs: list[Doc]) -> None:
    for doc in docs:
        view = DocView(doc, doc.text)
        sents = list(doc.sents) if len(doc) else []
        assert view.sentences() == [(s.start, s.end) for s in sents]
        for start in range(len(doc)):
            for end in range(start + 1, min(len(doc), start + 6) + 1):
                span = doc[start:end]
                assert view.char_range(start, end) == (span.start_char, span.end_char, span.text)


def test_ids_are_the_ids_spacy_stores(docs: list[Doc]) -> None:
    view = DocView(docs[0])
    nouns = [t.i for t in docs[0] if t.pos_ in {"NOUN", "PROPN"}]
    assert nouns
    assert all(view.pos[i] in view.ids({"NOUN", "PROPN"}) for i in nouns)
    assert view.id("prep") == docs[0].vocab.strings["prep"]


def test_entities_are_the_entities_spacy_cuts(docs: list[Doc]) -> None:
    for doc in docs:
        view = DocView(doc)
        assert view.entities() == [(e.start, e.end, e.label) for e in doc.ents]
        assert view.entities() is view.entities()  # read once


def test_entities_of_adjacent_and_unannotated_runs(nlp) -> None:
    text = "Kosovo Serbia talks in Brussels and Belgrade"
    spans = [(0, 6), (7, 13), (36, 44)]  # two side by side ("B" after "B"), one at the end
    for default in ("outside", "unmodified"):  # "unmodified": the rest stays unannotated
        doc = nlp.make_doc(text)
        doc.set_ents([doc.char_span(s, e, "GPE") for s, e in spans], default=default)
        view = DocView(doc)
        assert view.entities() == [(e.start, e.end, e.label) for e in doc.ents]
        assert [view.span_text(s, e) for s, e, _ in view.entities()] == [
            "Kosovo",
            "Serbia",
            "Belgrade",
        ]
    missing = nlp.make_doc("Talks in Brussels")  # no entity annotation at all
    assert DocView(missing).entities() == [] == list(missing.ents)
