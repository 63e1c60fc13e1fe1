"""Titles conjoined before one name: "Deputy Prime Minister and Foreign Minister Ivica
Dacic", "Chinese State Councilor and Foreign Minister Wang Yi".

The parser reads the first title as a noun phrase of its own, conjoined with the titled
name, so the tagger saw two actors: a title without a name and the person. English puts
a person's several offices before the name this way; a title with no determiner and no
name of its own, joined by "and" to a titled person's name, is that person's too. One
actor, the person, whose mention runs over both titles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from eventscribe.actors.heads import TaggerIds
from eventscribe.actors.memory import Clue
from eventscribe.actors.phrases import mention_range
from eventscribe.nlp.view import DocView
from eventscribe.records import Actor


def merge_shared_titles(
    view: DocView,
    ids: TaggerIds,
    by_head: dict[int, tuple[Actor, ...]],
    clues: dict[int, Clue],
    names_a_body: Callable[[str], bool],
) -> None:
    """Make each bare title conjoined with a titled name (see the module) that name's
    person, in place: the title's head gets the person with the whole mention, the
    name's head no actor of its own. ``names_a_body(word)``: the word is a role noun of a
    body, never a title ("government", "police")."""
    for head in sorted(by_head):
        if head not in by_head:
            continue  # a name already merged with the title before it
        clue = clues.get(head)
        if clue is None or clue.kind != "role" or names_a_body(view.token_text(head).lower()):
            continue  # "Serbia and ...", "Diaz-Balart and ...", "Government and ...": no office
        partner = _titled_partner(view, ids, head, clues)
        if partner is None or not by_head.get(partner) or len(by_head[head]) != 1:
            continue
        person = by_head[partner][0]
        first = by_head[head][0]
        start, end = min(first.start, person.start), max(first.end, person.end)
        text = view.text[start:end]
        by_head[head] = (replace(person, text=text, start=start, end=end),)
        del by_head[partner]


def _titled_partner(view: DocView, ids: TaggerIds, head: int, clues: dict[int, Clue]) -> int | None:
    """The head of the titled name conjoined with the bare title at ``head``, or None."""
    phrase = ids.phrase
    dep, kids, ent = view.dep, view.children, view.ent_type
    if not view.is_title[head] or not any(c < head for c in kids[head]):
        return None  # "Police and ...": a body, not an office before a name
    start, end = mention_range(view, phrase, head)
    for k in range(start, end):
        role = k in clues and clues[k].kind == "role"  # the recogniser's "PERSON" for a title
        if dep[k] == ids.det or (ent[k] == ids.person and not role):
            return None  # "the minister and ...", a name of its own
    if not any(dep[c] == ids.cc and view.lower[c] in ids.and_words for c in kids[head]):
        return None
    for partner in kids[head]:
        if dep[partner] != phrase.conj or (
            ent[partner] != ids.person and view.pos[partner] != ids.propn
        ):
            continue
        first, _last = mention_range(view, phrase, partner)
        # the name has a title of its own before it ("Foreign Minister Ivica Dacic")
        if first < partner and view.is_title[first] and ent[first] != ids.person:
            return partner
    return None
