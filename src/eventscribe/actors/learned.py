"""What the store has learned about named actors: the registry's third source.

Every actor mention is stored with its name, country, sector and the evidence that
justified them. A person introduced with a title and a nationality ("Serbian President
Aleksandar Vucic") is evidence for later articles that say only "Vucic". This module
turns those stored mentions into registry entries, with the dates the evidence covers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eventscribe.actors.registry import RegistryEntry

# Mentions whose resolution came from the text itself (a title, a demonym, a country
# name), not from the registry or from an earlier mention in the same article; only
# from the documents of finished runs (or of an interrupted run a later run with the
# same inputs finished): a run resumed after Ctrl-C or a crash then learns exactly what
# the uninterrupted run would have learned (nothing from its own partial work).
LEARNED_SQL = """
SELECT a.name, a.country, a.sector,
       min(d.date) AS first_seen, max(d.date) AS last_seen,
       -- an undated corpus: the first document by id, never "learned from None"
       coalesce(arg_min(a.doc_id, d.date), min(a.doc_id)) AS first_doc, count(*) AS mentions
FROM actors AS a JOIN documents AS d USING (doc_id)
WHERE d.run_id IN (SELECT run_id FROM runs AS r WHERE r.finished_at IS NOT NULL
                     OR EXISTS (SELECT 1 FROM runs AS later
                                WHERE later.input_fingerprint = r.input_fingerprint
                                  AND later.finished_at IS NOT NULL AND later.started_at > r.started_at))
  AND a.country IS NOT NULL AND a.sector IS NOT NULL
  AND length(a.country) = 3
  AND strpos(a.name, ' ') > 0
  AND a.evidence LIKE '%person named in the text%'
  AND a.evidence LIKE '%->%'
  AND a.evidence NOT LIKE 'registry:%'
  AND a.evidence NOT LIKE 'same as%'
GROUP BY a.name, a.country, a.sector
ORDER BY a.name, first_seen NULLS LAST, a.country, a.sector
"""


def learned_entries(store: Any) -> tuple[RegistryEntry, ...]:
    """Registry entries for the people the stored articles introduced with a title."""
    return tuple(_entry(row) for row in store.fetch(LEARNED_SQL))


def _entry(row: dict[str, Any]) -> RegistryEntry:
    first: date | None = row["first_seen"]
    return RegistryEntry(
        name=row["name"],
        aliases=(row["name"].split()[-1],),
        country=row["country"],
        sector=row["sector"],
        office="",
        office_country=None,
        valid_from=first,
        valid_to=None,
        source=f"learned from {row['first_doc']} and {row['mentions'] - 1} later mention(s)",
        seen_to=row["last_seen"],
    )
