"""Syndicated copies: documents whose MinHash signatures say they are the same story.

Candidate pairs are documents that share an LSH band key (a self-join in DuckDB, so
memory does not grow with the corpus); each candidate's Jaccard similarity is then
estimated from the two signatures and kept if it reaches the threshold. Linked
documents form a story (connected components); its ``story_id`` is the smallest doc_id
among its members, so the same store always gives the same stories. Every document
belongs to exactly one story; a document with no copy is a story of one.

:func:`find_stories` recomputes everything; :func:`add_stories` adds the documents
that have no ``story_members`` row yet to stories that are exact for the rest (only
pairs with a new document can be new links, so the result is the same).
"""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pyarrow as pa

from eventscribe.dedupe.minhash import similarity
from eventscribe.store.batch import insert_table
from eventscribe.store.schema import arrow_schema

_CANDIDATES = """
SELECT p.a, p.b, sa.signature, sb.signature
FROM (SELECT DISTINCT x.doc_id AS a, y.doc_id AS b
      FROM doc_bands AS x JOIN doc_bands AS y
        ON x.band = y.band AND x.key = y.key AND x.doc_id < y.doc_id) AS p
JOIN doc_minhash AS sa ON sa.doc_id = p.a
JOIN doc_minhash AS sb ON sb.doc_id = p.b
ORDER BY p.a, p.b
"""
# documents not yet in a story: written since the last pass
_NEW_DOCS = "SELECT doc_id FROM documents ANTI JOIN story_members USING (doc_id)"
# the same candidates, restricted to pairs with at least one new document
_NEW_CANDIDATES = f"""
SELECT p.a, p.b, sa.signature, sb.signature
FROM (SELECT DISTINCT least(x.doc_id, y.doc_id) AS a, greatest(x.doc_id, y.doc_id) AS b
      FROM (SELECT * FROM doc_bands WHERE doc_id IN ({_NEW_DOCS})) AS x
      JOIN doc_bands AS y ON x.band = y.band AND x.key = y.key AND x.doc_id <> y.doc_id) AS p
JOIN doc_minhash AS sa ON sa.doc_id = p.a
JOIN doc_minhash AS sb ON sb.doc_id = p.b
ORDER BY p.a, p.b
"""
_FETCH = 10_000


class _Components:
    """Union-find over the documents that have at least one copy."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.best: dict[str, float] = {}

    def find(self, doc: str) -> str:
        root = doc
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[doc] != root:  # path compression
            self.parent[doc], doc = root, self.parent[doc]
        return root

    def link(self, a: str, b: str, score: float) -> None:
        for doc in (a, b):
            self.best[doc] = max(self.best.get(doc, 0.0), score)
        self._union(a, b)

    def restore(self, story_id: str, doc: str, score: float) -> None:
        """Put back a stored story member with its stored best score."""
        self.best[doc] = max(self.best.get(doc, 0.0), score)
        self._union(story_id, doc)

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller doc_id is the root: the story id
            self.parent[max(ra, rb)] = min(ra, rb)


def find_stories(con: duckdb.DuckDBPyConnection, threshold: float) -> int:
    """Recompute ``stories`` and ``story_members`` (inside the caller's transaction).

    Returns the number of documents that are copies (members of a story other than
    its first).
    """
    components = _Components()
    _link_candidates(con.execute(_CANDIDATES), components, threshold)
    con.execute("DELETE FROM story_members")
    con.execute("DELETE FROM stories")
    _insert_members(con, components, sorted(components.parent))
    _insert_singletons_and_stories(con)
    return copies(con)


def add_stories(con: duckdb.DuckDBPyConnection, threshold: float) -> int:
    """Add the documents without a ``story_members`` row (inside the caller's transaction).

    Only the stories a new document links to are rewritten. Returns the number of copies
    in the whole store, as :func:`find_stories` does.
    """
    if not con.execute(f"SELECT count(*) FROM ({_NEW_DOCS})").fetchall()[0][0]:
        return copies(con)
    links = list(_scored(con.execute(_NEW_CANDIDATES), threshold))
    components = _Components()
    for story_id, doc_id, score in _touched_stories(con, {d for a, b, _ in links for d in (a, b)}):
        components.restore(story_id, doc_id, score)
    for a, b, score in links:
        components.link(a, b, score)
    members = sorted(components.parent)
    con.register("_members", pa.table({"doc_id": pa.array(members, pa.string())}))
    try:
        con.execute(
            "DELETE FROM stories WHERE story_id IN (SELECT story_id FROM story_members "
            "WHERE doc_id IN (SELECT doc_id FROM _members))"
        )
        con.execute("DELETE FROM story_members WHERE doc_id IN (SELECT doc_id FROM _members)")
    finally:
        con.unregister("_members")
    _insert_members(con, components, members)
    _insert_singletons_and_stories(con)
    return copies(con)


def copies(con: duckdb.DuckDBPyConnection) -> int:
    """Documents that are copies: every member of a story but its first."""
    rows = con.execute(
        "SELECT (SELECT count(*) FROM story_members) - (SELECT count(*) FROM stories)"
    ).fetchall()
    return int(rows[0][0])


def _scored(
    cursor: duckdb.DuckDBPyConnection, threshold: float
) -> Iterator[tuple[str, str, float]]:
    """(a, b, similarity) of the candidate pairs at or above ``threshold``."""
    while rows := cursor.fetchmany(_FETCH):
        for a, b, sig_a, sig_b in rows:
            score = similarity(sig_a, sig_b)
            if score >= threshold:
                yield a, b, score


def _link_candidates(
    cursor: duckdb.DuckDBPyConnection, components: _Components, threshold: float
) -> None:
    for a, b, score in _scored(cursor, threshold):
        components.link(a, b, score)


def _touched_stories(
    con: duckdb.DuckDBPyConnection, docs: set[str]
) -> list[tuple[str, str, float]]:
    """(story_id, doc_id, similarity) of every member of a stored story of more than one
    document that one of ``docs`` belongs to; linking a member to its story id with its
    stored best score rebuilds the story's component exactly."""
    if not docs:
        return []
    con.register("_linked", pa.table({"doc_id": pa.array(sorted(docs), pa.string())}))
    try:
        rows = con.execute(
            "SELECT m.story_id, m.doc_id, m.similarity FROM story_members AS m "
            "JOIN stories AS s ON s.story_id = m.story_id AND s.n_documents > 1 "
            "WHERE m.story_id IN (SELECT story_id FROM story_members "
            "                     WHERE doc_id IN (SELECT doc_id FROM _linked)) "
            "ORDER BY m.story_id, m.doc_id"
        ).fetchall()
    finally:
        con.unregister("_linked")
    return [(story_id, doc_id, float(score)) for story_id, doc_id, score in rows]


def _insert_members(
    con: duckdb.DuckDBPyConnection, components: _Components, members: list[str]
) -> None:
    table = pa.Table.from_pydict(
        {
            "story_id": [components.find(d) for d in members],
            "doc_id": members,
            "similarity": [components.best[d] for d in members],
        },
        schema=arrow_schema("story_members"),
    )
    if table.num_rows:
        insert_table(con, "story_members", table)


def _insert_singletons_and_stories(con: duckdb.DuckDBPyConnection) -> None:
    """Every document without a story is a story of one; then count the members of every
    story that has no ``stories`` row (all of them after a full delete)."""
    con.execute(
        "INSERT INTO story_members SELECT doc_id, doc_id, 1.0 FROM documents "
        "WHERE doc_id NOT IN (SELECT doc_id FROM story_members)"
    )
    con.execute(
        "INSERT INTO stories SELECT story_id, count(*) FROM story_members "
        "WHERE story_id NOT IN (SELECT story_id FROM stories) GROUP BY story_id"
    )
