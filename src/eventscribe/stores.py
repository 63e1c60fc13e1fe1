"""``eventscribe.open_store(path)``: a store's events for analysis in Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from eventscribe.analysis.filters import STORE_SOURCE, EventFilter, split_codes
from eventscribe.api import pandas_module
from eventscribe.errors import StoreError
from eventscribe.store import EventStore
from eventscribe.store.export import flat_events_sql
from eventscribe.store.live import open_copy


class StoreReader:
    """A store opened read-only; ``events(...)`` returns a DataFrame (or an Arrow table).

    While a coding run holds the store (DuckDB lets no other process open it), it reads
    the store's live copy instead (:mod:`eventscribe.store.live`): every batch the run
    has committed, as of each call; ``live`` says so."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._store: EventStore | None = None
        try:
            self._store = EventStore(self.path, read_only=True)
        except StoreError as exc:
            if "locked by another process" not in exc.message:
                raise
            open_copy(self.path).close()  # a clear error now if there is no copy either

    @property
    def live(self) -> bool:
        """True when reading the live copy because a coding run holds the store."""
        return self._store is None

    def events(
        self,
        *,
        country: str | list[str] | None = None,
        start: str | None = None,
        end: str | None = None,
        type: str | list[str] | None = None,
        rows: str = "events",
        arrow: bool = False,
    ) -> Any:
        """The stored events (or ``rows="dyads"``), filtered like ``eventscribe export``:
        ``country`` any actor's country or code, ``start``/``end`` ISO days, ``type``
        PLOVER types. A pandas DataFrame, or with ``arrow=True`` an Arrow table."""
        flt = EventFilter(
            start=start, end=end, countries=split_codes(country),
            types=tuple(t.upper() for t in split_codes(type)), include_negated=True,
        )  # fmt: skip
        where, params = flt.where(STORE_SOURCE)
        if self._store is not None:
            # a relation's Arrow table (a cursor's result would be copied once more)
            table: Any = self._store.connection.sql(
                flat_events_sql(rows, where), params=params
            ).to_arrow_table()
        elif rows == "clusters":
            raise StoreError(
                f"cluster rows of {self.path} are made when a coding run ends; one runs now",
                fix="ask for rows='events' or 'dyads', or wait for the run to end",
            )
        else:
            con = open_copy(self.path)
            try:
                table = con.sql(flat_events_sql(rows, where), params=params).to_arrow_table()
            finally:
                con.close()
        if arrow:
            return table
        pandas_module()  # a clear error when pandas is missing
        return table.to_pandas()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path) -> StoreReader:
    """A store for queries from Python (read-only)."""
    return StoreReader(path)
