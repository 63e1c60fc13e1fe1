"""Choosing one gazetteer entry for a toponym: the disambiguation rules, as scores.

Each candidate entry gets a score; the highest wins (ties: the first entry loaded,
so the result never depends on dict order or chance). The parts of the score:

- size: log10 of the population (a region's or sea's salience weight for areas
  without people), so the well-known place wins when nothing else speaks;
- name: +1 when the text is the entry's own name, a listed alias or a demonym,
  0 when it is only one of GeoNames' alternate names;
- feature: +1 for a country, +0.5 for a first-level region, continent, wider region
  or sea, 0 for a city (a country name means the country);
- article context: +1.5 when the entry lies in the article's most mentioned country,
  +1.2 for the second, +1.0 for any other country the article mentions ("Paris" in a
  story about Texas towns is still Paris, France, unless the story says "Texas"
  often enough to tip a small town over a capital);
- +1 when a city lies in a US state the article names;
- a name that is a region's own name ("England", "Gaza Strip") means that region,
  not the country that lists it among its aliases;
- a qualifier right after the name ("Paris, Texas", "Victoria, Canada") keeps only
  the candidates inside it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from eventscribe.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry

_FEATURE_BONUS = {"country": 1.0, "admin1": 0.5, "continent": 0.5, "region": 0.5, "water": 0.5}
_AREAS = {"admin1", "region", "continent", "water"}
_CONTEXT_WEIGHTS = (1.5, 1.2)
_OTHER_CONTEXT = 1.0


def context_weights(countries: Sequence[str]) -> dict[str, float]:
    """Weights of the article's countries, most mentioned first."""
    weights: dict[str, float] = {}
    for rank, iso3 in enumerate(dict.fromkeys(countries)):
        weights[iso3] = _CONTEXT_WEIGHTS[rank] if rank < len(_CONTEXT_WEIGHTS) else _OTHER_CONTEXT
    return weights


def _inside(entry: Entry, qualifier: Entry) -> bool:
    if qualifier.feature == "country":
        return entry.country == qualifier.country and entry.feature != "country"
    if qualifier.feature == "admin1" and qualifier.admin1:
        return entry.country == qualifier.country and entry.admin1 == qualifier.admin1
    if qualifier.feature in ("admin1", "region") and qualifier.country:
        # a region without GeoNames' admin1 code ("Scotland"): at least its country
        return entry.country == qualifier.country and entry.feature == "city"
    return False


def score(entry: Entry, how: str, context: Mapping[str, float], states: set[str]) -> float:
    """The score of one candidate (see the module docstring)."""
    value = math.log10(max(entry.population, 1))
    value += 0.0 if how == ALTERNATE else 1.0
    value += _FEATURE_BONUS.get(entry.feature, 0.0)
    value += context.get(entry.country or "", 0.0)
    if entry.feature == "city" and entry.country == "USA" and entry.admin1 in states:
        value += 1.0
    return value


def choose(
    candidates: Sequence[tuple[Entry, str]],
    context: Mapping[str, float],
    *,
    states: set[str] = frozenset(),  # type: ignore[assignment]
    qualifier: Entry | None = None,
) -> Entry | None:
    """The best candidate, or None when there is none (or none inside the qualifier)."""
    if any(how == PRIMARY and e.feature in _AREAS for e, how in candidates):
        # "England" is its own region before it is an alias of the United Kingdom
        candidates = [
            (e, how) for e, how in candidates if not (how == ALIAS and e.feature == "country")
        ]
    if qualifier is not None:
        inside = [c for c in candidates if _inside(c[0], qualifier)]
        candidates = inside or candidates
    if len(candidates) == 1:
        return candidates[0][0]  # nothing to weigh it against
    best: tuple[float, Entry] | None = None
    for entry, how in candidates:
        value = score(entry, how, context, states)
        if best is None or value > best[0]:
            best = (value, entry)
    return best[1] if best else None
