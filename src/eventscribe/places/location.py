"""Where an event happened: the place its sentence puts it in, or nothing.

The search reads the clause of the event's trigger, nearest first, and stops at the
first place it finds (the words that drive it are lists in ``data/words.yaml``):

1. the trigger's own object when the trigger takes a place as object ("captured the
   town of X", "stormed Najarah", "X was raided", "the capture of X";
   ``place_object_verbs``);
2. locative phrases of the trigger ("clashed in northern Kosovo", "marched through
   Moscow"), then, three levels deep at most, those nested in its objects, phrases,
   passive agent, gerunds, purpose infinitives and the relative clauses of its objects
   ("continued their assault on positions near Palmyra", "killed by a car bomb in the
   city of X", "by targeting Hill 30", "launched an offensive to capture the town of
   X", "destroyed a helicopter that crashed in X"); a *target* preposition ("on",
   "against", "towards") counts only for a place smaller than a country ("an assault
   on Taqsis", not "sanctions on Iran"); "from" only for verbs such as "fire" and
   "withdraw" (``from_verbs``), "to" only for verbs of going ("marched to the White
   House", ``goal_verbs``);
3. for a relative clause, the noun it hangs on ("the town of X, which rebels
   captured", "a camp in X that was raided");
4. a phrase of the subject, three levels deep at most, and its relative clause ("a mob
   in the town of X killed ...", "car bombings in markets in northern Baghdad killed",
   "a bomb that ripped through a discotheque in X killed").

A scene set before the subject ("In the Homs countryside, the air force bombed positions
at the village of X") counts only when the clause names no place of its own; the phrases
the coder names as what an act in words speaks of ("criticised NATO's intervention in
Libya") are not searched.

A shared adverbial of a conjoined verb ("shot and killed ... in Hebron") or of the
clause a participle hangs on ("struck a market in X, killing 15") counts for both; so
does the place of a participle after the verb that says how the act was done
("launched an offensive, targeting army positions in X"). The
place of a phrase is the gazetteer place inside it, the narrowest first ("the Syrian
city of Deir Ezzor": Deir Ezzor, never the nationality word "Syrian"; "in Idlib's Jisr
al-Shughur district": the district), not a country naming an institution's owner ("the
United States Consulate in Sao Paulo": Sao Paulo), not the owner a building's "of"
phrase names ("an office of the World Food Programme"); when the gazetteer does not
know the name, the capitalised name itself with no coordinates ("the town of
Ma'ardes", "the Al-Aswad hill"), never a guessed point; such a name that its own
locative phrase puts inside a known place ("stormed Najarah in eastern Aleppo",
"arrested at Thangam Nagar in Erode") is that phrase as written, with the known place's
point and precision; so is a place noun with its own name inside its "of" place ("the
East Ghouta region of rural Damascus"), with the named place's point when the gazetteer
puts it in the same country. A phrase in a subordinate clause belongs to that clause and
is not searched. When the sentence gives no place, the article's dateline place ("KABUL,
May 3 (Reuters) -", :mod:`eventscribe.places.dateline`) is the fallback, marked
``precision: "dateline"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Token

from eventscribe.nlp.view import DocView
from eventscribe.places.dateline import dateline_location
from eventscribe.places.located import PRECISION, EventLocation
from eventscribe.places.tagger import Place
from eventscribe.places.words import PlaceWords, place_words, plural

# the parse links walked from the trigger to the phrases that may say where
_OBJECTS = ("dobj", "obj", "attr", "oprd", "nsubjpass", "pobj", "xcomp", "npadvmod")
_NAME_LINKS = ("compound", "amod", "appos", "nmod", "flat")
_SUBJECTS = ("nsubj", "nsubjpass")
_MAX_DEPTH = 3
# a name the gazetteer lacks is a place when the model says so, or says nothing
_PLACE_ENTITIES = ("GPE", "LOC", "FAC", "")
# places too wide to be where an event on them ("sanctions on Iran") happened
_WIDE = frozenset({"country", "continent"})
# how a phrase is tied to the event
LOCATIVE, TARGET, OBJECT = "locative", "target", "object"


def _ids(labels: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(label) for label in labels)


class _Ids:
    """The word lists and parse labels as spaCy string ids (the same in every
    document's vocabulary), made once per word lists (:func:`_ids_for`)."""

    def __init__(self, words: PlaceWords) -> None:
        one = get_string_id
        self.locative = _ids(words.locative_prepositions)
        self.target = _ids(words.target_prepositions)
        self.area_nouns = _ids(words.place_nouns | {plural(w) for w in words.place_nouns})
        self.building_nouns = _ids(words.building_nouns | {plural(w) for w in words.building_nouns})
        # any noun that says a name before it is a place
        self.place_nouns = self.area_nouns | self.building_nouns
        self.objects = _ids(_OBJECTS)
        self.names = _ids(_NAME_LINKS)
        self.subjects = _ids(_SUBJECTS)
        self.place_entities = _ids(_PLACE_ENTITIES)
        self.prep, self.pobj, self.dobj = one("prep"), one("pobj"), one("dobj")
        self.poss, self.advcl, self.vbg = one("poss"), one("advcl"), one("VBG")
        # "killed by a car bomb in X": the passive's agent phrase leads on like a preposition
        self.prep_links = _ids(("prep", "agent"))
        self.purpose = _ids(("xcomp", "advcl", "acl", "relcl"))
        self.pcomp = one("pcomp")
        self.to, self.aux = one("to"), one("aux")
        self.mark, self.simultaneous = one("mark"), _ids(words.simultaneous_markers)
        self.nsubjpass, self.relcl = one("nsubjpass"), one("relcl")
        self.conj, self.of = one("conj"), one("of")
        self.from_, self.to_goal = _ids(("from",)), _ids(("to",))
        self.propn = one("PROPN")
        # the arcs a name takes to the kind-of-place noun it names: "Akida village" is
        # parsed nmod as often as compound
        self.compounds = _ids(("compound", "flat", "nmod"))
        # how the parser may attach a name set off by commas ("in the capital, Kabul,")
        self.detached = _ids(("appos", "npadvmod"))
        self.not_places = _ids(
            ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")
        )


@lru_cache(maxsize=2)
def _ids_for(words: PlaceWords) -> _Ids:
    return _Ids(words)


@dataclass(frozen=True)
class _Search:
    view: DocView
    ids: _Ids
    places: Sequence[Place]

    def place_in(self, head: int, *, how: str) -> EventLocation | None:
        """The place the phrase headed by ``head`` names, or None. ``how`` the phrase
        is tied to the event: LOCATIVE ("in X"), TARGET ("an attack on X") or OBJECT
        ("stormed X")."""
        found = next(filter(None, map(self._gazetteer_place, self._phrase(head, depth=2))), None)
        if found is not None and self._owner(head, found):
            found = None
        if found is not None and self.view.lower[head] in self.ids.area_nouns:
            found = self._named_area(head, found)
        if found is None:
            found = next(
                filter(
                    None,
                    (
                        self._in_known_place(token, head, self._unresolved(token))
                        for token, kind_said in self._name_heads(head, depth=2, kind_said=False)
                        if self._named(token, kind_said=kind_said)
                    ),
                ),
                None,
            )
        if found is None and self.view.lower[head] in self.ids.place_nouns:
            # "in Idlib's Jisr al-Shughur district": the wider place only when the
            # narrower one has no name at all; not "at Washington's request"
            # "the Bustan Al-Basha District's central neighborhoods": the owner may be a
            # named place noun itself
            owners = [c for c in self.view.children[head] if self.view.dep[c] == self.ids.poss]
            found = next(
                filter(None, (self.place_in(owner, how=LOCATIVE) for owner in owners)), None
            )
        if found is None and self.view.lower[head] in self.ids.area_nouns:
            found = self._detached_name(head)
        if found is None and how != TARGET:
            found = self.inside_known_place(head)
        wide = found is not None and found.place is not None and found.place.feature in _WIDE
        return None if wide and how == TARGET else found

    def _in_known_place(
        self, token: int, head: int, found: EventLocation | None
    ) -> EventLocation | None:
        """ "NATO headquarters in Brussels", "the Al-Rashid hospital in Baghdad": a name
        the gazetteer lacks (``found``, no point) whose phrase (the name ``token`` or the
        noun ``head`` it names) has a locative phrase after it naming a place the
        gazetteer knows is that phrase as written, with the known place's point and
        precision."""
        if found is None or found.place is not None:
            return found
        view = self.view
        container = next(
            (
                place
                for node in dict.fromkeys((token, head))
                for pobj, target in self.preps(node)
                if not target and pobj > token
                for word in self._phrase(pobj, depth=2)
                if (place := self._gazetteer_place(word)) is not None
            ),
            None,
        )
        if container is None or container.place is None or container.start < found.end:
            return found
        start = min(found.start, view.idx[head])
        text = view.doc.text[start : container.end]
        return EventLocation(start, container.end, text, container.place, container.precision)

    def _detached_name(self, head: int) -> EventLocation | None:
        """ "in the capital, Kabul, on Monday": the name set off by a comma after a
        nameless place noun is its name, though the parser may hang it on the verb."""
        view, name = self.view, head + 2
        if name >= len(view) or view.token_text(head + 1) != ",":
            return None
        if view.dep[name] not in self.ids.detached:
            return None
        return self._gazetteer_place(name)

    def _named_area(self, head: int, found: EventLocation) -> EventLocation:
        """ "the East Ghouta region of rural Damascus", "the Al-Zour district of Hama":
        the phrase names its own place inside the "of" place. The span covers
        both; the point is the named place's when it lies in the same country as the
        "of" place, else (a namesake elsewhere, or a name the gazetteer lacks) the "of"
        place's."""
        view, ids = self.view, self.ids
        names = [c for c in view.children[head] if view.dep[c] in ids.names and c < head]
        if not any(view.pos[c] == ids.propn for c in names):
            return found
        inner = [t for g in self._of_objects(head) for t in self._phrase(g, depth=1)]
        container = next(filter(None, map(self._gazetteer_place, inner)), None)
        if container is None or container.place is None:
            return found
        start = view.idx[min(i for c in names for i in view.subtree(c))]
        own = found if found.start < container.start else None
        same = (
            own is not None
            and own.place is not None
            and own.place.country == container.place.country
        )
        point = own if same and own is not None else container
        text = view.doc.text[start : container.end]
        return EventLocation(start, container.end, text, point.place, point.precision)

    def inside_known_place(self, head: int, verb: int | None = None) -> EventLocation | None:
        """ "stormed Najarah in eastern Aleppo", "arrested at Thangam Nagar in Erode": a
        capitalised name the gazetteer lacks, put by its own locative phrase inside a
        place it knows, is that phrase as written, with the known place's point and
        precision (the narrowest place that has coordinates; never a guessed point). The
        parser may hang the phrase on the verb whose object the name is (``verb``), when
        it follows the name at once: "Hambali, ..., was captured in Thailand" is no
        place "Hambali ... in Thailand"."""
        view, ids = self.view, self.ids
        if view.pos[head] != ids.propn or not view.token_text(head)[:1].isupper():
            return None
        if view.ent_type[head] in ids.not_places:
            return None
        after = view.subtree_bounds(head)[1]
        container = next(
            (
                place
                for node in ((head,) if verb is None else (head, verb))
                for pobj, target in self.preps(node)
                if not target and pobj > head and (node == head or view.head[pobj] == after + 1)
                for token in self._phrase(pobj, depth=2)
                if (place := self._gazetteer_place(token)) is not None
            ),
            None,
        )
        if container is None or container.place is None:
            return None
        name = self._unresolved(head, sites=False)
        start = view.idx[head] if name is None else name.start
        text = view.doc.text[start : container.end]
        return EventLocation(start, container.end, text, container.place, container.precision)

    def _of_objects(self, head: int) -> list[int]:
        """The objects of the head's "of" phrases ("the town of X": X)."""
        view, ids = self.view, self.ids
        return [
            g
            for c in view.children[head]
            if view.lower[c] == ids.of and view.dep[c] == ids.prep
            for g in view.children[c]
            if view.dep[g] == ids.pobj
        ]

    def _name_heads(self, head: int, depth: int, kind_said: bool) -> list[tuple[int, bool]]:
        """Where a name the gazetteer lacks may stand: the head itself, the name words
        of a place noun ("the Al-Aswad hill", "Akida village"), an "of" object; each
        with whether a place noun says it is a place ("the town of X")."""
        view, ids = self.view, self.ids
        kids = view.children[head]
        found = [(head, kind_said)]
        if view.lower[head] in ids.place_nouns:
            found = [(c, True) for c in kids if view.dep[c] in ids.compounds] + found
        if depth > 1:
            area = view.lower[head] in ids.area_nouns  # "the town of X", not "the office of X"
            found += [
                t for g in self._of_objects(head) for t in self._name_heads(g, depth - 1, area)
            ]
        return found

    def _owner(self, head: int, found: EventLocation) -> bool:
        """A country naming whose institution the head is, not where it stands: "the
        United States Consulate (in Sao Paulo)", "the Iraqi Army headquarters"."""
        view = self.view
        start = view.idx[head]
        on_head = found.start <= start < found.end
        country = found.place is not None and found.place.feature == "country"
        return country and not on_head and view.lower[head] not in self.ids.area_nouns

    def _phrase(self, head: int, depth: int) -> list[int]:
        """The words that may name the place of a phrase, the likeliest first: after a
        place noun its "of" phrase ("the edge of the town of Hebron"), else the head
        and its name words ("Baidoa town", "northern Kosovo")."""
        view, ids = self.view, self.ids
        kids = view.children[head]
        named_by = [head]
        if view.lower[head] in ids.place_nouns or view.pos[head] == ids.propn:
            # "Baidoa town", "northern Kosovo"; not "the Mideast war"
            named_by += [c for c in kids if view.dep[c] in ids.names]
        of = self._of_objects(head)
        if depth > 1:
            of = [t for g in of for t in self._phrase(g, depth - 1)]
        own_name = len(named_by) > 1 and any(view.pos[c] == ids.propn for c in named_by[1:])
        if view.lower[head] in ids.area_nouns and not own_name:
            return of + named_by  # "the town of Hebron"
        # "the East Ghouta region of rural Damascus": a place noun with its own name is
        # that place; its "of" phrase is the place it lies in
        return named_by + of

    def _gazetteer_place(self, token: int) -> EventLocation | None:
        view = self.view
        start = view.idx[token]
        end = start + view.length[token]
        place = next((p for p in self.places if p.start < end and start < p.end), None)
        if place is None or place.demonym:  # "Syrian": a nationality is not the place
            return None
        if place.feature == "facility":
            return None  # a named site is a name the gazetteer lacks (see _unresolved)
        return EventLocation(
            place.start, place.end, place.text, place, PRECISION.get(place.feature)
        )

    def _named(self, token: int, *, kind_said: bool) -> bool:
        """A capitalised name that is a place: any name but a date or number where a
        place noun says so ("the Al-Aswad hill", "Minyan district", "the town of X");
        else one the model takes for a place or leaves unlabelled (a place it took for
        a person is found by the tagger when the gazetteer knows it), or a named site
        the tagger found (``places.facilities``). Never a nationality word the tagger
        resolved ("Syrian")."""
        view, ids = self.view, self.ids
        if view.pos[token] != ids.propn or not view.token_text(token)[:1].isupper():
            return False
        start = view.idx[token]
        covering = next((p for p in self.places if p.start <= start < p.end), None)
        if covering is not None:  # known to the gazetteer (found before), or a named site
            return covering.feature == "facility"
        label = view.ent_type[token]
        if kind_said:
            return label not in ids.not_places
        return label in ids.place_entities

    def _unresolved(self, token: int, *, sites: bool = True) -> EventLocation | None:
        """The run of proper nouns around ``token`` as a place without coordinates, or
        with its town's when the place tagger found it a named site (a facility)."""
        view = self.view
        start = end = token
        while start > 0 and self._name_part(start - 1):
            start -= 1
        while end + 1 < len(view) and self._name_part(end + 1):
            end += 1
        while view.is_punct[start]:
            start += 1
        while view.is_punct[end]:
            end -= 1
        first, last, text = view.char_range(start, end + 1)
        site = (
            next(
                (
                    p
                    for p in self.places
                    if p.feature == "facility" and p.start < last and first < p.end
                ),
                None,
            )
            if sites
            else None
        )
        if site is not None:
            # a named site the tagger put in a town: "at X in Denver" as written (its own
            # locative phrase), else the site with that town's point
            run = range(start, end + 1)
            root = next((i for i in run if view.head[i] not in run or view.head[i] == i), token)
            inside = self.inside_known_place(root)
            if inside is not None:
                return inside
            first, last = min(first, site.start), max(last, site.end)  # all of the site's name
            return EventLocation(first, last, view.text[first:last], site, PRECISION[site.feature])
        if not any(
            sum(ch.isalpha() for ch in view.token_text(i)) >= 3 for i in range(start, end + 1)
        ):
            # "A.M.", "U.N.": an abbreviation, not a place name (unless part of a named
            # site the tagger found: "the T4 (Tiyas) Military Airport")
            return None
        return EventLocation(first, last, text, None, None)

    def lemma(self, i: int) -> str:
        return self.view.doc[i].lemma_.lower()

    def purpose(self, i: int) -> bool:
        """An infinitive of purpose: "to capture the town", "to take control of X"."""
        view, ids = self.view, self.ids
        return view.dep[i] in ids.purpose and any(
            view.lower[c] == ids.to and view.dep[c] == ids.aux for c in view.children[i]
        )

    def at_the_same_time(self, i: int) -> bool:
        """A clause of what happened at the same time: "was shot as he left home in X",
        "was killed when his car hit a mine near X" (the same place, too)."""
        view, ids = self.view, self.ids
        return view.dep[i] == ids.advcl and any(
            view.dep[c] == ids.mark and view.lower[c] in ids.simultaneous for c in view.children[i]
        )

    def free_participle(self, i: int) -> bool:
        """A participle clause with no subject or conjunction of its own that, after the
        verb, says how the act was done ("began their attack, striking simultaneously at
        X and Y"): the same act, so the same place."""
        view, ids = self.view, self.ids
        return (
            view.dep[i] == ids.advcl
            and view.tag[i] == ids.vbg
            and not any(
                view.dep[c] in ids.subjects or view.dep[c] == ids.mark for c in view.children[i]
            )
        )

    def _name_part(self, i: int) -> bool:
        """A proper noun, or a hyphen joining two ("Al-Dahr")."""
        view = self.view
        return view.pos[i] == self.ids.propn or (
            view.token_text(i) in ("-", "'", "’") and not view.is_space[i - 1] if i else False
        )

    def phrase_objects(self, kids: list[int], *, gerunds: bool) -> list[int]:
        """The objects of the prepositional phrases (and passive agents) among ``kids``,
        with ``gerunds`` their gerunds too ("by targeting Hill 30")."""
        view, ids = self.view, self.ids
        wanted = (ids.pobj, ids.pcomp) if gerunds else (ids.pobj,)
        return [
            g
            for c in kids
            if view.dep[c] in ids.prep_links
            for g in view.children[c]
            if view.dep[g] in wanted
        ]

    def preps(
        self, node: int, extra: frozenset[int] = frozenset(), skipped: frozenset[int] = frozenset()
    ) -> Iterator[tuple[int, bool]]:
        """(object of the preposition, whether it is a target preposition) of ``node``;
        ``extra``: prepositions that are locative for this event ("fired from X",
        "marched to X")."""
        view, ids = self.view, self.ids
        for child in view.children[node]:
            if view.dep[child] not in ids.prep_links or child in skipped:
                continue
            word = view.lower[child]
            locative = word in ids.locative or word in extra
            if locative or word in ids.target:
                for pobj in view.children[child]:
                    if view.dep[pobj] == ids.pobj:
                        yield pobj, not locative


def _starts(search: _Search, trigger: int) -> list[int]:
    """The trigger and, for a conjoined verb, the verb whose adverbials it shares."""
    view, ids = search.view, search.ids
    starts = [trigger]
    # "shot and killed ... in Hebron"; "struck a meeting in Baghdad, killing 15"; and up
    # such a chain: "staged an attack in Rwanda, killing six and wounding six others"
    node = trigger
    while len(starts) <= _MAX_DEPTH and (
        view.dep[node] == ids.conj or (view.dep[node] == ids.advcl and view.tag[node] == ids.vbg)
    ):
        node = view.head[node]
        starts.append(node)
    return starts + [c for c in view.children[trigger] if view.dep[c] == ids.conj]


def _own_object(search: _Search, verb: int) -> EventLocation | None:
    """The place that is the object of a capture/entry verb ("stormed X", "X was
    raided", "the capture of X")."""
    view, ids = search.view, search.ids
    for child in view.children[verb]:
        own = view.dep[child] in (ids.dobj, ids.nsubjpass)
        if own or (view.dep[child] == ids.prep and view.lower[child] == ids.of):
            heads = [child] if own else [g for g in view.children[child] if view.dep[g] == ids.pobj]
            for head in heads:
                found = search.place_in(head, how=OBJECT)
                if found is None and own:
                    found = search.inside_known_place(
                        head, verb
                    )  # "stormed Najarah in eastern Aleppo"
                if found is not None:
                    return found
    return None


def _nearest(
    search: _Search, trigger: int, words: PlaceWords, unsearched: frozenset[int] = frozenset()
) -> EventLocation | None:
    """The nearest place of the trigger's clause; a scene set before the subject ("In
    the east Homs countryside, the air force targeted positions at the village of X")
    only when the clause names no place of its own."""
    starts = _starts(search, trigger)
    fronted = _fronted(search, starts)
    if fronted:
        found = _nearest_in(search, starts, words, unsearched, fronted)
        if found is not None:
            return found
    return _nearest_in(search, starts, words, unsearched, frozenset())


def _fronted(search: _Search, starts: list[int]) -> frozenset[int]:
    """The prepositions set before the subject of the trigger's clause (``starts``: the
    trigger and the verbs whose adverbials it shares, :func:`_starts`)."""
    view, ids = search.view, search.ids
    found: set[int] = set()
    for node in starts:
        kids = view.children[node]
        subjects = [c for c in kids if view.dep[c] in ids.subjects]
        if subjects:
            first = min(subjects)
            found.update(c for c in kids if view.dep[c] in ids.prep_links and c < first)
    return frozenset(found)


def _nearest_in(
    search: _Search,
    starts: list[int],
    words: PlaceWords,
    unsearched: frozenset[int],
    skipped: frozenset[int],
) -> EventLocation | None:
    view, ids = search.view, search.ids
    trigger, level = starts[0], starts
    lemma = search.lemma(trigger)
    if lemma in words.place_object_verbs:
        found = _own_object(search, trigger)
        if found is not None:
            return found
    # "rockets fired from Gaza"; "marched to the White House", "took to the streets of X"
    extra = (ids.from_ if lemma in words.from_verbs else frozenset()) | (
        ids.to_goal if lemma in words.goal_verbs else frozenset()
    )
    for verb in level[1:]:
        # "struck the Idlib governorate, killing 50", "captured Birao and killed five":
        # the verb whose adverbials it shares also shares the place it took
        if view.head[trigger] == verb and search.lemma(verb) in words.place_object_verbs:
            found = _own_object(search, verb)
            if found is not None:
                return found
    # a phrase of whom an act in words was aimed at ("called on X") is unsearched unless
    # it says where ("at the summit")
    addressed = frozenset(c for c in unsearched if view.lower[c] not in ids.locative)
    seen = set(level) | addressed
    for _ in range(_MAX_DEPTH):
        following: list[int] = []
        for node in level:
            if node not in seen and search.lemma(node) in words.place_object_verbs:
                found = _own_object(search, node)  # "an offensive to capture X"
                if found is not None:
                    return found
            for pobj, target in search.preps(node, extra, skipped | addressed):
                found = search.place_in(pobj, how=TARGET if target else LOCATIVE)
                if found is not None:
                    return found
            kids = [c for c in view.children[node] if c not in seen and c not in skipped]
            # the event's objects before its other phrases ("in addition to ..."), then
            # its purpose ("launched an offensive to capture the town of X")
            following += [c for c in kids if view.dep[c] in ids.objects]
            # "by targeting Hill 30": a gerund after a preposition leads on as well
            following += search.phrase_objects(kids, gerunds=True)
            following += [c for c in kids if search.purpose(c)]
            following += [c for c in kids if search.at_the_same_time(c)]
            following += [c for c in kids if c > node and search.free_participle(c)]
            # "destroyed a helicopter that crashed in X": what befell the object there
            following += [c for c in kids if view.dep[c] == ids.relcl]
        seen.update(level)
        level = following
    return None


def _antecedent(search: _Search, trigger: int) -> EventLocation | None:
    """The place a relative clause's event is about: "the town of X, which rebels
    captured", "a camp in X that was raided" (the noun the clause hangs on)."""
    view, ids = search.view, search.ids
    clause = trigger
    if view.dep[clause] == ids.conj:
        clause = view.head[clause]
    if view.dep[clause] != ids.relcl or view.head[clause] == clause:
        return None
    noun = view.head[clause]
    found = search.place_in(noun, how=OBJECT)
    if found is None:
        found = next(
            filter(
                None,
                (
                    search.place_in(pobj, how=LOCATIVE)
                    for pobj, target in search.preps(noun)
                    if not target
                ),
            ),
            None,
        )
    return found


def _by_subject(search: _Search, trigger: int) -> EventLocation | None:
    """A phrase of the subject that says where it is: "a mob in the town of X killed",
    "airstrikes over southern Aleppo killed" (a target preposition for a place smaller
    than a country), and, up to three levels down its phrases and clauses, "two car
    bombings in markets in northern Baghdad have killed", "a bomb that ripped through a
    discotheque in northern Colombia killed"."""
    view, ids = search.view, search.ids
    level = [c for c in view.children[trigger] if view.dep[c] in ids.subjects]
    seen: set[int] = set()
    for _ in range(_MAX_DEPTH):
        following: list[int] = []
        for node in level:
            for pobj, target in search.preps(node):
                found = search.place_in(pobj, how=TARGET if target else LOCATIVE)
                if found is not None:
                    return found
            kids = [c for c in view.children[node] if c not in seen]
            following += search.phrase_objects(kids, gerunds=False)
            # a relative clause tells what the subject did ("a bomb that ripped through
            # ..."); a participle, often what it is ("an air force based in X")
            following += [c for c in kids if view.dep[c] == ids.relcl]
        seen.update(level)
        level = following
    return None


def locate_event(
    view: DocView,
    trigger: int,
    places: Sequence[Place],
    *,
    dateline: bool = True,
    unsearched: frozenset[int] = frozenset(),
) -> EventLocation | None:
    """Where the event of the token at position ``trigger`` of ``view``'s document
    happened, or None when the text does not say (see the module docstring).

    ``places`` are the document's resolved places (:meth:`PlaceTagger.tag`);
    ``dateline``: fall back on the article's dateline place; ``unsearched``: phrases
    (by head token) whose places are not the event's ("criticised NATO's intervention
    in Libya": where the criticised act was, not the criticism; "called on the
    Verkhovna Rada": whom it was said to, a preposition that is not locative).
    """
    words = place_words()
    search = _Search(view, _ids_for(words), places)
    found = (
        _nearest(search, trigger, words, unsearched)
        or _antecedent(search, trigger)
        or _by_subject(search, trigger)
    )
    if found is None and dateline and places:
        found = dateline_location(view.text, places)
    return found


def event_location(trigger: Token, places: Sequence[Place]) -> EventLocation | None:
    """:func:`locate_event` for a spaCy token (``places`` from :meth:`PlaceTagger.tag`)."""
    return locate_event(DocView(trigger.doc), trigger.i, places)


# the event coder's name for it
event_location_at = locate_event
