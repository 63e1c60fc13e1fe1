"""The dependency parse of one document as token positions, for the event coder.

The coder asks many small questions of the parse (a token's dependency label, its
children, its head's lemma). Through spaCy each question makes a ``Token`` object and
looks a string up; a document's coding made ~1,400 of them per article. :class:`Tree`
answers from the :class:`~eventscribe.nlp.view.DocView` lists instead, by token index,
with spaCy's answers and in spaCy's order (``Token.lefts``, ``rights``, ``conjuncts``,
``subtree``, ``ancestors``). Labels, lower-case forms and lemmas are Python strings,
read once per document through a cache of spaCy's id -> string (a ``StringStore``
lookup makes a new string each time). The cache is a :class:`TreeStrings` its owner
(the pipeline's ``Coder``) passes to every tree; a tree built without one has its own.
"""

from __future__ import annotations

from itertools import compress

from spacy.strings import StringStore
from spacy.tokens import Doc

from eventscribe.nlp.view import DocView

WORDS_KEPT = 200_000


class TreeStrings:
    """spaCy id -> string, kept across the documents its owner codes: ``labels`` (a few
    hundred, the same in every document: spaCy's ids are hashes of the strings) and
    ``words`` (emptied when it grows past WORDS_KEPT, so a long corpus run does not keep
    every word it met)."""

    __slots__ = ("labels", "words")

    def __init__(self) -> None:
        self.labels: dict[int, str] = {}
        self.words: dict[int, str] = {}


def _strings_of(ids: list[int], strings: StringStore, cache: dict[int, str]) -> list[str]:
    try:
        return list(map(cache.__getitem__, ids))
    except KeyError:
        for x in ids:
            if x not in cache:
                cache[x] = strings[x]
        get = cache.get
        return [get(x) or strings[x] for x in ids]  # safe if another thread emptied it


class LabelColumn:
    """A label string per token (``Token.tag_``, ``Token.ent_type_``) looked up when
    asked: the coder asks few tokens, so the whole column is not made."""

    __slots__ = ("_cache", "_ids", "_strings")

    def __init__(self, ids: list[int], strings: StringStore, cache: dict[int, str]) -> None:
        self._ids, self._strings, self._cache = ids, strings, cache

    def __getitem__(self, i: int) -> str:
        key = self._ids[i]
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._strings[key]
        return found

    def __len__(self) -> int:
        return len(self._ids)


# where an adjective or a participle with its own determiner stands for a noun
# ("launched an offensive", "the accused was unable to appear", "the wounded were taken
# away"): the argument slots of a clause or a preposition (the subjects and objects
# _clause_heads reads among them)
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
# the tags of a verb that is no participle or gerund ("Running is fun" stays a verb)
_FINITE_OR_BASE = frozenset({"VB", "VBP", "VBZ", "VBD"})


def _nominal_adjectives(
    pos: list[str],
    tag: LabelColumn,
    dep: list[str],
    head: list[int],
    children: list[tuple[int, ...]],
    titled: list[bool],
) -> None:
    """An adjective or past participle that fills a noun's slot (object, subject, object
    of a preposition) and has its own determiner is used as a noun: the tagger's ADJ or
    VERB becomes NOUN, so "an offensive" is an object the way "an attack" is, and "the
    accused" names a person, not an accusation. A noun that heads a clause becomes VERB
    (``_clause_heads``). Each token is judged on the tags as the tagger gave them."""
    args = list(compress(range(len(dep)), map(_ARGUMENT_DEPS.__contains__, dep)))  # found in C
    nouns = [
        i
        for i in args
        if (pos[i] == "ADJ" or (pos[i] == "VERB" and tag[i] == "VBN"))
        and any(dep[c] == "det" for c in children[i] if c < i)
    ]
    verbs = [i for i in _clause_heads(dep, head, args) if pos[i] == "NOUN"]
    for i in nouns:
        pos[i] = "NOUN"
    for i in args:
        if pos[i] == "VERB" and tag[i] in _FINITE_OR_BASE and titled[i] and dep[i] != "pobj":
            # a capitalised word the tagger made a verb where a subject or object stands
            # is a name ("Trump on April 5 threatened": "trump" is also a verb)
            pos[i] = "PROPN"
    for i in verbs:
        pos[i] = "VERB"  # "Germany and UNICEF hand over 30 vehicles": a headline's verb


def _clause_heads(dep: list[str], head: list[int], args: list[int]) -> set[int]:
    """The words with a subject and a direct object of their own: verbs, whatever their
    tags say. ``args`` are the tokens in argument slots (subjects and objects among them):
    the arcs read, not every word's children."""
    subjects = {head[c] for c in args if dep[c] == "nsubj" and head[c] != c}
    if not subjects:
        return subjects
    return subjects & {head[c] for c in args if dep[c] == "dobj" and head[c] != c}


class Tree:
    """Per-token labels and arcs of one parsed document (see the module docstring).

    ``dep``, ``pos``, ``tag``, ``ent``: label strings (``Token.dep_`` and so on);
    ``lower``, ``lemma``: ``Token.lower_`` and ``Token.lemma_`` (not lower-cased); ``head``: head index (a root is its own head); ``children``: child indexes in text
    order; ``idx``: character offsets.
    """

    __slots__ = (
        "_conj_heads", "children", "dep", "doc", "ent", "head", "idx", "lemma", "lower", "pos", "tag", "view",
    )  # fmt: skip

    def __init__(self, view: DocView, cache: TreeStrings | None = None) -> None:
        self.view = view
        self.doc: Doc = view.doc
        strings = view.doc.vocab.strings
        known = TreeStrings() if cache is None else cache
        labels, words = known.labels, known.words
        self.dep = _strings_of(view.dep, strings, labels)
        self.pos = _strings_of(view.pos, strings, labels)
        # asked of a few tokens per document (~90 of ~470): looked up when asked
        self.tag = LabelColumn(view.tag, strings, labels)
        self.ent = LabelColumn(view.ent_type, strings, labels)
        _nominal_adjectives(self.pos, self.tag, self.dep, view.head, view.children, view.is_title)
        if len(words) > WORDS_KEPT:
            words.clear()
        self.lower = _strings_of(view.lower, strings, words)
        self.lemma = _strings_of(view.lemma, strings, words)
        self.head = view.head
        self.children = view.children
        self.idx = view.idx
        self._conj_heads: set[int] | None = None  # see conjuncts

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> Tree:
        """The tree of ``doc`` when no :class:`DocView` was built for it."""
        return cls(DocView(doc, text))

    def __len__(self) -> int:
        return len(self.dep)

    def text(self, i: int) -> str:
        """``Token.text``."""
        return self.view.token_text(i)

    def end_char(self, i: int) -> int:
        """``token.idx + len(token)``."""
        return int(self.idx[i] + self.view.length[i])

    def lefts(self, i: int) -> list[int]:
        return [c for c in self.children[i] if c < i]

    def rights(self, i: int) -> list[int]:
        return [c for c in self.children[i] if c > i]

    def kids(self, i: int, deps: frozenset[str] | set[str]) -> list[int]:
        """Children of ``i`` whose dependency label is one of ``deps``, in text order."""
        dep = self.dep
        return [c for c in self.children[i] if dep[c] in deps]

    def conjuncts(self, i: int) -> list[int]:
        """``Token.conjuncts``: the tokens coordinated with ``i``, not ``i`` itself."""
        dep, head = self.dep, self.head
        heads = self._conj_heads
        if heads is None:
            # the heads of "conj" arcs, found once per document: most tokens are in no
            # coordination, and for them the answer is [] without a walk
            heads = self._conj_heads = {head[c] for c, label in enumerate(dep) if label == "conj"}
        if dep[i] != "conj" and i not in heads:
            return []
        start = i
        while start != head[start] and dep[start] == "conj":
            start = head[start]
        queue = [start]
        output = [start]
        for word in queue:
            for child in self.children[word]:
                if child > word and dep[child] == "conj":
                    output.append(child)
                    queue.append(child)
        return [w for w in output if w != i]

    def subtree(self, i: int) -> list[int]:
        """``Token.subtree``: ``i`` and its descendants, in spaCy's order."""
        out: list[int] = []
        self._walk(i, out)
        return out

    def _walk(self, i: int, out: list[int]) -> None:
        kids = self.children[i]
        for c in kids:
            if c < i:
                self._walk(c, out)
        out.append(i)
        for c in kids:
            if c > i:
                self._walk(c, out)

    def ancestors(self, i: int) -> list[int]:
        """``Token.ancestors``: the head, its head, ... up to the root."""
        out: list[int] = []
        head, n = self.head, len(self.dep)
        while head[i] != i and len(out) < n:
            i = head[i]
            out.append(i)
        return out
