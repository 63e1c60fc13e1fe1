"""Syndicated copies: documents whose MinHash signatures say they are the same story.

Candidate pairs are documents that share an LSH band key (a self-join in DuckDB, so
memory does not grow with the corpus); each candidate's Jaccard similarity is then
estimated from the two signatures and kept if it reaches the threshold. Linked
documents form a story (connected components); its ``story_id`` is the smallest doc_id
among its members, so the same store always gives the same stories. Every document
belongs to exactly one story; a document with no copy is a story of one.
"""

from __future__ import annotations

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
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller doc_id is the root: the story id
            self.parent[max(ra, rb)] = min(ra, rb)


def find_stories(con: duckdb.DuckDBPyConnection, threshold: float) -> int:
    """Recompute ``stories`` and ``story_members`` (inside the caller's transaction).

    Returns the number of documents that are copies (members of a story other than
    its first).
    """
    components = _Components()
    cursor = con.execute(_CANDIDATES)
    while rows := cursor.fetchmany(_FETCH):
        for a, b, sig_a, sig_b in rows:
            score = similarity(sig_a, sig_b)
            if score >= threshold:
                components.link(a, b, score)
    con.execute("DELETE FROM story_members")
    con.execute("DELETE FROM stories")
    members = sorted(components.parent)
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
    con.execute(
        "INSERT INTO story_members SELECT doc_id, doc_id, 1.0 FROM documents "
        "WHERE doc_id NOT IN (SELECT doc_id FROM story_members)"
    )
    con.execute(
        "INSERT INTO stories SELECT story_id, count(*) FROM story_members GROUP BY story_id"
    )
    return len(members) - len({components.find(d) for d in members})
