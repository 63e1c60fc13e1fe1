"""Named sites the gazetteer lacks: buildings, roads and natural features.

News names where things happened at a finer grain than any town list: "arrested at
Kendale Lakes Elementary School in southwest Miami-Dade", "the Barclays Center",
"Eglinton Avenue West", "the shore of Glenrock Lagoon". A capitalised name whose head
word says what kind of site it is (``words.yaml: facility_heads``; "Lake", "Mount"
before the name: ``facility_prefixes``) is a toponym of feature ``facility``.

A facility has no coordinates of its own here, so it carries those of the town the
text puts it in: the place of its own "in"/"at"/"near" phrase or possessive
("Brooklyn's Barclays Center"), or of an earlier mention of the same name. A facility
the text does not put in a town is not listed: the town named last before it was
measured as a guess and was wrong (over 161 km off) as often as right on news nobody
tuned on, and a wrong point on a map is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventscribe.nlp.view import DocView
from eventscribe.places.words import PlaceWords

# the labels of spans that may be a site's name (not a person, a nationality, a date)
_NAME_LABELS = frozenset({"FAC", "GPE", "LOC", "ORG", "PROPN", "LOCATIVE"})


# a resolved place as (start token, end token, its country if it is a town, else None)
Town = tuple[int, int, "str | None"]


@dataclass(frozen=True)
class Site:
    """A facility's token range and the index of the place (in the tagger's list of
    resolved places) whose coordinates it carries."""

    start: int
    end: int
    town: int


class FacilityIds:
    """The word lists as ids of the document's vocabulary."""

    def __init__(self, view: DocView, words: PlaceWords) -> None:
        # as listed: a plural is an organisation more often than a site ("Miami-Dade
        # Schools", "Trump Hotels"); the plurals that are sites are listed ("Mountains")
        self.heads = view.ids(words.facility_heads)
        self.prefixes = view.ids(words.facility_prefixes)
        self.of = view.id("of")
        self.leading = view.ids(words.leading_words)
        self.trailing = view.ids(words.site_trailing_words)
        self.prep = view.id("prep")
        self.pobj = view.id("pobj")
        self.poss = view.id("poss")
        self.containers = view.ids(words.site_container_prepositions)


def site_range(
    view: DocView, ids: FacilityIds, start: int, end: int, label: str
) -> tuple[int, int] | None:
    """The tokens of a site's name in the span, or None: the span's last word is a
    capitalised kind of site after a capitalised name ("Rogers Centre"), or such a word
    is followed by "of" and a name ("University of Perpetual Help"), or "Lake"/"Mount"
    starts it ("Lake Manassas")."""
    title, lower = view.is_title, view.lower
    while start < end and lower[start] in ids.leading:
        start += 1
    if label not in _NAME_LABELS or end - start < 2:
        return None
    last = end - 1
    if lower[last] in ids.trailing and last - 1 > start:
        last -= 1  # "Eglinton Avenue West"
    if lower[last] in ids.heads and title[last] and any(title[k] for k in range(start, last)):
        return start, end
    if lower[start] in ids.prefixes and title[start] and title[start + 1]:
        return start, end
    for k in range(start, end - 2):
        if lower[k] in ids.heads and title[k] and lower[k + 1] == ids.of and title[k + 2]:
            return start, end
    return None


def find_sites(
    view: DocView,
    ids: FacilityIds,
    spans: Iterable[tuple[int, int, str]],
    places: Sequence[Town],
) -> list[Site]:
    """The sites among ``spans`` (token ranges with labels, as :func:`regions` yields
    them) that overlap no resolved place and that the text puts in a town (their own
    "in"/"at" phrase or possessive, or an earlier mention of the same name that had
    one). ``places``: the resolved places in text order as (start, end, country if a
    town else None)."""
    found: list[Site] = []
    taken: set[int] = {k for start, end, _country in places for k in range(start, end)}
    towns: dict[str, int] = {}  # a site's name -> its town, for its later mentions
    for start, end, label in spans:
        names = site_range(view, ids, start, end, label)
        # a site named again keeps its sense, whatever the model took it for now
        again = names is None and bool(towns)
        if again:
            names = site_range(view, ids, start, end, "PROPN")
        if names is None or any(k in taken for k in range(*names)):
            continue
        key = view.span_text(*names).lower()
        if again and key not in towns:
            continue
        town = _container(view, ids, names, places)
        if town is None:
            town = towns.get(key)  # "the Barclays Center" again: where it was the first time
        if town is not None:
            towns.setdefault(key, town)
            found.append(Site(names[0], names[1], town))
            taken.update(range(*names))
    return found


def _container(
    view: DocView, ids: FacilityIds, names: tuple[int, int], places: Sequence[Town]
) -> int | None:
    """The town of the site's own "in"/"at" phrase or possessive, as its index in
    ``places``."""
    start, end = names
    inside = range(start, end)
    holders: list[int] = []
    for k in inside:
        for child in view.children[k]:
            if child in inside:
                continue
            if view.dep[child] == ids.poss:
                holders.append(child)
            elif view.dep[child] == ids.prep and view.lower[child] in ids.containers:
                holders.extend(c for c in view.children[child] if view.dep[c] == ids.pobj)
    for holder in holders:
        low, high = view.subtree_bounds(holder)
        for number, (first, last, country) in enumerate(places):
            if country is not None and low <= first and last <= high + 1:
                return number
    return None
