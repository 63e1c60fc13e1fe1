"""A corpus run's writer holds DuckDB to one thread and a bounded buffer, then lets go."""

from __future__ import annotations

from eventscribe.store import EventStore


def _settings(store: EventStore) -> tuple[str, int]:
    return store.connection.execute(
        "SELECT current_setting('memory_limit'), current_setting('threads')"
    ).fetchall()[0]


def test_limits_hold_inside_the_block_and_are_undone_after(store: EventStore) -> None:
    before = _settings(store)
    with store.limits(threads=1, memory="512MB"):
        memory, threads = _settings(store)
        assert threads == 1
        assert memory.endswith("MiB") and float(memory.split()[0]) <= 512
    assert _settings(store) == before
