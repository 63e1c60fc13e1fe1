"""Well-known named sites that news write without their town: ``data/landmarks.csv``.

"Protesters marched to the White House", "talks at the Palais des Nations", "a rally in
Tahrir Square": the seats of government, squares and monuments that political news names
by themselves. The facility stage (:mod:`eventscribe.places.facilities`) lists a named
site only where the text puts it in a town; these sites need no town in the text, as
their town is known. Each is a toponym of feature ``facility`` at the point of its town
(a city of the gazetteer, so never a guessed point), written exactly as listed (case
and all, so "the west wing of the hospital" is no landmark).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventscribe.errors import DataFileError
from eventscribe.places.gazetteer import ALIAS, PRIMARY, Entry, PlaceLookup, _rows

_APOSTROPHES = ("'", "\u2019")


@dataclass(frozen=True)
class Landmark:
    """A named site and the gazetteer city whose point it takes."""

    name: str
    town: Entry
    # the site stands for its government or trade ("the Kremlin said", "Wall Street
    # fell"): a place only as the object of a preposition of place or motion
    metonym: bool = False


def landmarks_file() -> Path:
    return Path(str(resources.files("eventscribe.places") / "data" / "landmarks.csv"))


class Landmarks:
    """The landmarks of a table, found in text by their exact written forms."""

    def __init__(self, forms: dict[str, Landmark]) -> None:
        self._forms = forms
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        # a whole name: no letter, digit or hyphen joined to either end ("Kremlin-backed"
        # is an adjective of the actor, not the site)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if forms else None

    @classmethod
    def load(
        cls, gazetteer: PlaceLookup, path: Path | None = None, *, every_town: bool = True
    ) -> Landmarks:
        """The table at ``path`` (the bundled one by default), each town resolved in
        ``gazetteer``; a row whose town is not a city of its country is an error naming
        the file and line, or, with ``every_town`` false (a gazetteer of the caller's
        that may hold no such town), a site left out."""
        path = path or landmarks_file()
        forms: dict[str, Landmark] = {}
        for number, row in _rows(path):
            where = f"{path}:{number}"
            name, town, country = row.get("name", ""), row.get("town", ""), row.get("country", "")
            if not name or not town or not country:
                raise DataFileError(
                    f"{where}: name, town and country are required",
                    fix="fill the three columns (aliases may stay empty)",
                )
            metonym = row.get("metonym", "")
            if metonym not in ("", "yes"):
                raise DataFileError(f"{where}: metonym {metonym!r} is neither empty nor yes")
            city = _city(gazetteer, town, country, where, required=every_town)
            if city is None:
                continue
            landmark = Landmark(name, city, metonym == "yes")
            for form in [name, *(a.strip() for a in row.get("aliases", "").split("|"))]:
                for written in _spellings(form):
                    if written and forms.setdefault(written, landmark) is not landmark:
                        raise DataFileError(
                            f"{where}: {written!r} already names {forms[written].name}",
                            fix="keep one row per site",
                        )
        return cls(forms)

    def find(self, text: str) -> Iterator[tuple[int, int, Landmark]]:
        """(start, end, landmark) of every landmark written in ``text``, left to right."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            yield match.start(), match.end(), self._forms[match.group()]


def _spellings(form: str) -> list[str]:
    """The form as listed, and with a curly apostrophe ("St. Peter’s Square")."""
    if _APOSTROPHES[0] in form:
        return [form, form.replace(*_APOSTROPHES)]
    return [form]


def _city(
    gazetteer: PlaceLookup, town: str, country: str, where: str, *, required: bool
) -> Entry | None:
    """The most populous city of ``country`` the gazetteer knows by the name ``town``;
    None, or an error when ``required``, if it knows none."""
    cities = [
        entry
        for entry, how in gazetteer.lookup(town)
        if entry.feature == "city" and entry.country == country and how in (PRIMARY, ALIAS)
    ]
    if not cities and not required:
        return None
    if not cities:
        raise DataFileError(
            f"{where}: no city {town!r} in {country!r} in the gazetteer",
            fix="write the town's GeoNames name and the ISO3 code of its country",
        )
    return max(cities, key=lambda e: e.population)
