"""Actor-hood and organisation names, read from the parse with the lists of words.yaml.

An actor is a person, group, organisation, state or role: a head noun that is a time
word ("last Week"), a time zone ("CST"), a unit or amount ("30 percent", "4.5 million
passengers"), or a bare generic noun ("The Department", "Health" in "Ministry of Health")
names no one. A head that types an organisation ("Council", "Union", "Party") makes the
names before it the organisation's name, and a region beside an intergovernmental head
("the Caribbean Fisheries Council") makes the body an IGO.
"""

from __future__ import annotations

import re

from eventscribe.actors.knowledge import KnownActor
from eventscribe.actors.memory import Clue
from eventscribe.actors.words import ActorWords
from eventscribe.nlp.view import DocView

# A number with a decimal fraction ("4.5 million"): a statistic, not a counted group.
_DECIMAL = re.compile(r"\d\.\d")
# A dateline: what follows the place ("MANILA, Philippines -", "Hanoi (VNA) -", "TORONTO
# --"): an optional ", Country", an optional news agency in brackets, then a dash; and what
# comes before it: the start of the text, of a line or of a sentence, and up to three more
# capitalised words of the place ("NEW YORK (AP) -").
_DATELINE_AFTER = re.compile(
    r"(?P<country>,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"(?P<agency>\s*\([A-Za-z .]+\))?\s*[-–—]{1,2}\s"
)
_DATELINE_BEFORE = re.compile(r"(?:^|[.!?\"”’]\s+|\n\s*)(?P<words>(?:[A-Z][\w.'’-]*,?\s+){0,4})$")
# Left dependents that do not name anything ("The Department", "a new Office").
_PLAIN_LEFT = frozenset({"det", "punct", "case", "predet", "advmod"})


class WordIds:
    """The lists of :class:`ActorWords` as integer ids of one vocabulary."""

    def __init__(self, view: DocView, words: ActorWords) -> None:
        self.vocab = view.doc.vocab
        self.words = words
        self.not_actor_entities = view.ids(words.not_actor_entities)
        self.nothing = view.ids(words.time_words | words.units)
        self.generic = view.ids(words.generic_nouns)
        self.organisation = {
            view.id(word): sector for word, sector in words.organisation_types.items()
        }
        self.intergovernmental = view.ids(words.intergovernmental_types)
        self.leader_bodies = view.ids(words.leader_bodies)
        self.compound = view.id("compound")
        self.nummod, self.prep, self.pobj = view.id("nummod"), view.id("prep"), view.id("pobj")
        self.plain_left = view.ids(_PLAIN_LEFT)
        self.name_prepositions = view.ids(words.name_prepositions)
        self.propn = view.id("PROPN")
        self.person = view.id("PERSON")
        self.institution = self.generic | frozenset(self.organisation)

    def in_no_name(self, view: DocView, i: int) -> bool:
        """A time word or unit ("GW" in "2.1 GW in China"): never part of a name."""
        return view.lower[i] in self.nothing

    def is_generic(self, view: DocView, i: int) -> bool:
        """A generic noun or an organisation's type word ("Health", "Office") that is
        not part of a person's name by the entity recogniser ("Park Geun-hye")."""
        return view.lower[i] in self.institution and view.ent_type[i] != self.person


def names_no_one(view: DocView, ids: WordIds, head: int, clues: dict[int, Clue]) -> bool:
    """Whether the phrase of ``head`` cannot be an actor: a time, a time zone, a unit or
    amount, a bare generic noun (no known phrase covers the head), or the place of a
    dateline ("TORONTO -- A young man ..."), or a punctuation mark the parser gave a
    phrase of its own (the hyphen of "vice-president" as a subject), or a contracted
    word ("’ve" of "must’ve")."""
    if view.is_punct[head] or _clitic(view.token_text(head), ids) or is_dateline(view, head):
        return True
    for child in view.children[head]:
        if view.dep[child] == ids.nummod and any(
            _DECIMAL.search(view.token_text(i)) for i in view.subtree(child)
        ):
            return True
    clue = clues.get(head)
    if clue is not None:
        # "State" in "Secretary of State" is a word of the role, not an actor of its own
        return (
            clue.kind == "role"
            and view.dep[head] == ids.pobj
            and clue.start <= view.head[head] < clue.end
        )
    if view.ent_type[head] in ids.not_actor_entities or view.lower[head] in ids.nothing:
        return True
    if view.token_text(head) in ids.words.time_zones:
        return True
    if _in_organisation_name(view, ids, head):
        return True
    lower = view.lower[head]
    if lower in ids.generic:
        return _bare(view, ids, head, clues, with_names_after=False)
    if lower in ids.organisation:
        return _bare(view, ids, head, clues, with_names_after=True)
    return False


def _clitic(text: str, ids: WordIds) -> bool:
    """A contracted word the tokenizer split off ("would’ve", "won’t"): never a name."""
    return text.lower().replace("\u2019", "'") in ids.words.clitics


def _in_organisation_name(view: DocView, ids: WordIds, head: int) -> bool:
    """A capitalised object of a naming preposition after a capitalised organisation
    head: a word of that organisation's name ("Trade Negotiations" in "the Office for
    Trade Negotiations"), not an actor of its own."""
    if view.dep[head] != ids.pobj or not view.is_title[head]:
        return False
    prep = view.head[head]
    owner = view.head[prep]
    return (
        view.lower[prep] in ids.name_prepositions
        and owner != prep
        and view.lower[owner] in ids.organisation
        and bool(view.is_title[owner])
    )


def _bare(
    view: DocView, ids: WordIds, head: int, clues: dict[int, Clue], *, with_names_after: bool
) -> bool:
    """No name or known phrase beside ``head``: before it, and with ``with_names_after`` also in a
    naming prepositional phrase after it ("Department of Health", "Department for
    International Development" are named, "the Department" is bare)."""
    for child in view.children[head]:
        if child < head:
            if view.dep[child] in ids.plain_left:
                continue
            if any(
                i in clues or view.is_title[i] or view.pos[i] == ids.propn
                for i in view.subtree(child)
            ):
                return False
        elif (
            with_names_after
            and view.dep[child] == ids.prep
            and view.lower[child] in ids.name_prepositions
            and any(i in clues or view.is_title[i] for i in view.subtree(child))
        ):
            return False
    return True


def organisation_sector(view: DocView, ids: WordIds, head: int) -> str | None:
    """The sector the head noun gives an organisation it names ("Council" -> GOV), if any."""
    return ids.organisation.get(view.lower[head])


def region_body(
    view: DocView, ids: WordIds, head: int, tokens: list[int], short: str
) -> Clue | None:
    """An IGO clue when a region word stands before an intergovernmental head ("the
    Caribbean Fisheries Council", "the West African Court")."""
    if view.lower[head] not in ids.intergovernmental:
        return None
    before = [i for i in tokens if i < head]
    words = [view.token_text(i).lower() for i in before]
    for size in (2, 1):
        for k in range(len(words) - size + 1):
            phrase = " ".join(words[k : k + size])
            if phrase in ids.words.regions:
                start = before[k]
                evidence = f"{view.token_text(start)!r} is a region and {view.token_text(head)!r} a common body"
                known = KnownActor(short, "IGO", None, "organisation", evidence)
                return Clue(start, before[k + size - 1] + 1, "region", phrase, known=known)
    return None


def organisation_name(view: DocView, ids: WordIds, head: int, first: int, last: int) -> str:
    """The name of the organisation headed by ``head``: tokens ``first`` to ``last``
    (exclusive) and the naming phrases after the head ("the Centre for Monitoring
    Indian Economy")."""
    end = last
    for child in view.children[head]:
        if (
            child > head
            and view.dep[child] == ids.prep
            and view.lower[child] in ids.name_prepositions
            and any(view.is_title[i] for i in view.subtree(child))
        ):
            end = max(end, max(view.subtree(child)) + 1)
    while end - 1 > head and (view.is_punct[end - 1] or view.is_space[end - 1]):
        end -= 1
    text = view.span_text(first, end)
    if text.count("(") > text.count(")") and end < len(view) and view.token_text(end) == ")":
        text = view.span_text(first, end + 1)  # keep "(CMIE)" whole
    return text


def is_dateline(view: DocView, head: int) -> bool:
    """The place a news story opens with ("TORONTO --", "Hanoi (VNA) -", "MANILA,
    Philippines -", both words), at the start of the text, a line or a sentence: it says
    where the story was filed, it does nothing. A place in capitals, or one followed by a
    country or a news agency, is a dateline; "Kosovo -- a former province -- declared
    ..." is not."""
    start = view.idx[head]
    end = start + view.length[head]
    after = _DATELINE_AFTER.match(view.text, end)
    if after is None:  # no dash after it: the usual case, decided without looking back
        return False
    before = _DATELINE_BEFORE.search(view.text, max(0, start - 80), start)
    if before is None:
        return False
    if "," in before.group("words"):
        return True  # the country after the place: "MANILA, Philippines -"
    word = view.text[start:end]
    return word.isupper() or bool(after.group("country") or after.group("agency"))
