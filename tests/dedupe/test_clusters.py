"""Stories and event clusters on hand-built documents (no model): the rules, one by one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from store.factories import RUN, actor, make_event, sentences_of

from eventscribe.dedupe import deduplicate, minhash_tables
from eventscribe.records import Article, CodedDocument
from eventscribe.store import EventStore, StoreBatch
from eventscribe.store.rows import build_tables

WIRE = (
    "Chile accused Peru of moving troops toward the border near Tacna. "
    "The Chilean defence ministry said satellite images showed new camps on the plateau. "
    "Peruvian officials called the claim baseless and invited observers to the region. "
    "Regional diplomats said both governments had agreed to keep the hotline open."
)


def chile_accuses_peru(doc_id: str, text: str, when: str, *, headline: str = "") -> CodedDocument:
    body = headline + text
    chile = actor("Chile", body.index("Chile"), "Chile", "CHL", None)
    peru = actor("Peru", body.index("Peru"), "Peru", "PER", None)
    event = make_event(doc_id, body, "accused", source=chile, target=peru, when=when)
    return CodedDocument(
        article=Article(doc_id, body, date(2024, 3, 5), None, None, f"site-{doc_id}", doc_id),
        sentences=sentences_of(body),
        events=(event,),
        actors=(chile, peru),
    )


def store_docs(store: EventStore, docs: list[CodedDocument]) -> None:
    tables = build_tables(docs, RUN.run_id)
    tables.update(minhash_tables([d.article.doc_id for d in docs], [d.article.text for d in docs]))
    coded = tuple((d.article.doc_id, "h") for d in docs)
    store.write_batch(StoreBatch(tables, coded, "fp"), run=RUN)


def clusters(store: EventStore) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in store.fetch("SELECT cluster_id, doc_id FROM event_clusters"):
        found.setdefault(row["cluster_id"], set()).add(row["doc_id"])
    return found


def test_syndicated_copies_share_a_story_and_their_events_one_cluster(store: EventStore) -> None:
    original = chile_accuses_peru("wire-1", WIRE, "2024-03-04")
    copy = chile_accuses_peru("site-9", WIRE, "2024-03-04", headline="BORDER ROW. By our staff. ")
    other = chile_accuses_peru(
        "other-1",
        "Chile accused Peru of stalling the fisheries talks in Lima. Negotiators left early.",
        "2024-03-20",
    )
    store_docs(store, [original, copy, other])
    summary = deduplicate(store)

    members = {r["doc_id"]: r["story_id"] for r in store.fetch("SELECT * FROM story_members")}
    assert members["wire-1"] == members["site-9"] == "site-9"  # the smallest doc_id names it
    assert members["other-1"] == "other-1"
    assert summary.stories == 2 and summary.copies == 1
    assert sorted(map(sorted, clusters(store).values())) == [["other-1"], ["site-9", "wire-1"]]
    [row] = store.fetch(
        "SELECT num_mentions, num_articles, num_stories FROM clustered_events "
        "WHERE num_articles > 1"
    )
    assert row == {"num_mentions": 2, "num_articles": 2, "num_stories": 1}
    assert store.counts()["events"] == 3  # raw mentions stay queryable


def test_same_event_in_different_articles_within_a_day_is_one_cluster(store: EventStore) -> None:
    a = chile_accuses_peru("a", "Chile accused Peru of spying. Talks were cancelled.", "2024-03-04")
    b = chile_accuses_peru(
        "b", "Officials say Chile accused Peru of planting listening devices.", "2024-03-05"
    )
    late = chile_accuses_peru("c", "Chile accused Peru again, this time over water.", "2024-03-09")
    store_docs(store, [a, b, late])
    summary = deduplicate(store)
    assert summary.stories == 3 and summary.copies == 0
    assert sorted(map(sorted, clusters(store).values())) == [["a", "b"], ["c"]]
    ids = {r["doc_id"]: r["event_id"] for r in store.fetch("SELECT doc_id, event_id FROM events")}
    by_doc = {r["doc_id"]: r["cluster_id"] for r in store.fetch("SELECT * FROM event_clusters")}
    assert by_doc["a"] == by_doc["b"] == min(ids["a"], ids["b"])
    assert summary.events == 2 and summary.mentions == 3


def test_a_daily_series_is_not_chained_into_one_event(store: EventStore) -> None:
    days = [f"2024-03-{d:02d}" for d in range(1, 8)]
    docs = [
        chile_accuses_peru(f"d{i}", f"Chile accused Peru of a fresh incursion number {i}.", day)
        for i, day in enumerate(days)
    ]
    store_docs(store, docs)
    deduplicate(store)
    groups = sorted(map(sorted, clusters(store).values()))
    assert groups == [["d0", "d1"], ["d2", "d3"], ["d4", "d5"], ["d6"]]  # anchored windows


def test_different_target_or_type_never_merges(store: EventStore) -> None:
    a = chile_accuses_peru("a", "Chile accused Peru of spying on its navy.", "2024-03-04")
    b = chile_accuses_peru("b", "Chile accused Peru of spying on its army.", "2024-03-04")
    bolivia = actor("Bolivia", 0, "Bolivia", "BOL", None)
    b = replace(b, events=(replace(b.events[0], targets=(bolivia,)),))
    c = chile_accuses_peru("c", "Chile accused Peru of spying on its air force.", "2024-03-04")
    c = replace(c, events=(replace(c.events[0], type="THREATEN"),))
    store_docs(store, [a, b, c])
    deduplicate(store)
    assert len(clusters(store)) == 3


def test_recomputing_gives_the_same_tables(store: EventStore) -> None:
    store_docs(store, [chile_accuses_peru("a", WIRE, "2024-03-04"),
                       chile_accuses_peru("b", WIRE, "2024-03-04", headline="Update. ")])  # fmt: skip
    deduplicate(store)
    first = store.fetch("SELECT * FROM event_clusters ORDER BY ALL")
    stories = store.fetch("SELECT * FROM story_members ORDER BY ALL")
    deduplicate(store)
    assert store.fetch("SELECT * FROM event_clusters ORDER BY ALL") == first
    assert store.fetch("SELECT * FROM story_members ORDER BY ALL") == stories
