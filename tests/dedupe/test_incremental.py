"""A pass after new documents were added updates stories and clusters in place; the tables
are the same as a full recompute, and replacing a stored document falls back to one."""

from __future__ import annotations

from dedupe.test_clusters import WIRE, chile_accuses_peru, store_docs
from eventscribe.dedupe import deduplicate
from eventscribe.store import EventStore

DERIVED = ("stories", "story_members", "event_clusters")
TALKS = "Chile accused Peru of stalling the fisheries talks in Lima. Negotiators left early."
SPYING = "Chile accused Peru of spying on the naval base at Arica. Both embassies were silent."


def derived(store: EventStore) -> dict[str, list[dict]]:
    return {t: store.fetch(f"SELECT * FROM {t} ORDER BY ALL") for t in DERIVED}


def recomputed(store: EventStore) -> dict[str, list[dict]]:
    """The derived tables a full recompute gives (the store is left recomputed)."""
    deduplicate(store, full=True)
    return derived(store)


def test_added_copies_and_earlier_events_give_the_full_recompute_tables(store: EventStore) -> None:
    store_docs(store, [chile_accuses_peru("wire-1", WIRE, "2024-03-05"),
                       chile_accuses_peru("site-5", WIRE, "2024-03-05", headline="Update. "),
                       chile_accuses_peru("talks-1", TALKS, "2024-03-20")])  # fmt: skip
    first = deduplicate(store)
    assert first.stories == 2 and first.copies == 1

    # a copy whose doc_id is now the smallest of the story, a copy of a story of one,
    # an unrelated article, and events a day earlier that move the window's anchor
    store_docs(store, [chile_accuses_peru("a-copy", WIRE, "2024-03-04", headline="World. "),
                       chile_accuses_peru("talks-2", TALKS, "2024-03-21", headline="Lima. "),
                       chile_accuses_peru("spy-1", SPYING, "2024-03-19")])  # fmt: skip
    summary = deduplicate(store)
    added = derived(store)

    members = {r["doc_id"]: r["story_id"] for r in added["story_members"]}
    assert members["wire-1"] == members["site-5"] == members["a-copy"] == "a-copy"
    assert members["talks-1"] == members["talks-2"] == "talks-1"
    assert members["spy-1"] == "spy-1"
    assert (summary.stories, summary.copies, summary.mentions) == (3, 3, 6)
    full = recomputed(store)
    assert added == full
    assert deduplicate(store) == summary  # nothing new: the same tables and counts
    assert derived(store) == full


def test_replacing_a_stored_document_recomputes_everything(store: EventStore) -> None:
    wire = chile_accuses_peru("wire-1", WIRE, "2024-03-05")
    store_docs(store, [wire, chile_accuses_peru("site-5", WIRE, "2024-03-05", headline="Update. ")])
    deduplicate(store)
    # site-5 is re-coded with other text: it is no longer a copy of wire-1
    store_docs(store, [chile_accuses_peru("site-5", TALKS, "2024-03-20")])
    summary = deduplicate(store)
    assert summary.stories == 2 and summary.copies == 0
    stories = {r["doc_id"]: r["story_id"] for r in store.fetch("SELECT * FROM story_members")}
    assert stories == {"wire-1": "wire-1", "site-5": "site-5"}
    assert derived(store) == recomputed(store)


def test_other_parameters_recompute_everything(store: EventStore) -> None:
    store_docs(
        store,
        [
            chile_accuses_peru("a", "Chile accused Peru of spying.", "2024-03-04"),
            chile_accuses_peru("b", "Chile accused Peru of lying.", "2024-03-06"),
        ],
    )
    assert deduplicate(store, window_days=1).events == 2
    assert deduplicate(store, window_days=2).events == 1  # not kept from the last pass
