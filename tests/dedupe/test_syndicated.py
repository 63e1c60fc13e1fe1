"""A corpus with 30% syndicated copies, coded with the real model through the corpus run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from eventscribe.config import Settings
from eventscribe.ingest import read_inputs
from eventscribe.pipeline import Coder
from eventscribe.runner import CorpusOptions, run_corpus
from eventscribe.store import EventStore, RunInfo

from .syndicated import syndicated_corpus, write_corpus

pytestmark = pytest.mark.slow


class Quiet:
    def problem(self, problem) -> None:
        raise AssertionError(f"unexpected input problem: {problem}")

    def quarantined(self, item) -> None:
        raise AssertionError(f"unexpected quarantine: {item}")

    def skipped_done(self, count: int) -> None:
        pass

    def batch(self, result) -> None:
        pass


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.build(Settings())


def code_into(path: Path, docs: list[dict], coder: Coder, tmp: Path) -> EventStore:
    store = EventStore(path)
    run = RunInfo("run", "2024-01-01T00:00:00+00:00", "x", "m", "v", "l")
    run_corpus(read_inputs([write_corpus(tmp, docs)]), coder, CorpusOptions(), Quiet(),
               store=store, run=run)  # fmt: skip
    return store


def test_copies_become_one_story_and_their_events_mentions(tmp_path: Path, coder: Coder) -> None:
    docs = syndicated_corpus(40, share=0.3)
    copies = [d for d in docs if "copy_of" in d]
    originals = [d for d in docs if "copy_of" not in d]
    assert len(copies) == 12

    with code_into(tmp_path / "orig.duckdb", originals, coder, tmp_path / "o.jsonl") as alone:
        alone_events = Counter(r["doc_id"] for r in alone.fetch("SELECT doc_id FROM events"))
        alone_clusters = alone.fetch("SELECT count(DISTINCT cluster_id) AS n FROM event_clusters")
    with code_into(tmp_path / "all.duckdb", docs, coder, tmp_path / "a.jsonl") as full:
        members = {r["doc_id"]: r["story_id"] for r in full.fetch("SELECT * FROM story_members")}
        clusters = full.fetch("SELECT count(DISTINCT cluster_id) AS n FROM event_clusters")
        mentions = full.fetch("SELECT count(*) AS n FROM event_clusters")[0]["n"]
        events = full.fetch("SELECT count(*) AS n FROM events")[0]["n"]
        per_cluster = full.fetch(
            "SELECT num_mentions, num_articles, num_stories FROM clustered_events"
        )

    assert sum(alone_events.values()) > 40  # the corpus does carry events
    # every copy is linked to its original, and nothing else is linked
    assert len(set(members.values())) == len(originals)
    for copy in copies:
        assert members[copy["id"]] == members[copy["copy_of"]]
    # copies add mentions, not events: the same clusters as the originals alone
    assert clusters == alone_clusters
    expected = sum(alone_events.values()) + sum(alone_events[c["copy_of"]] for c in copies)
    assert mentions == events == expected
    assert sum(r["num_mentions"] for r in per_cluster) == mentions
    assert max(r["num_articles"] for r in per_cluster) >= 2
    assert all(r["num_stories"] <= r["num_articles"] for r in per_cluster)
