"""The words of a possible trigger that lexicon entries are matched against.

A phrasal verb's particles ("pull out of"), a verb's objects with their modifier
phrases ("staged a hunger strike"), an event noun's forms ("cease-fire", "ceasefire")
and its left modifiers. Tokens are positions in the document's
:class:`~eventscribe.coding.tree.Tree`.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from eventscribe.coding import syntax
from eventscribe.coding.syntax import WordLists
from eventscribe.coding.tree import Tree

NOUN_TAGS = syntax.NOUN_POS
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dobj", "agent"})
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "oprd", "acomp"})
PHRASE_DEPS = frozenset(
    {"amod", "compound"}
)  # the modifiers of an object's phrase ("hunger strike")


def deinflected(word: str, verbs: frozenset[str]) -> str | None:
    """The lexicon verb an inflected form belongs to, by English inflection rules, when
    the parser's lemmatizer missed it ("cordoned" lemmatized as "cordone"): -ied -> -y,
    -ed / -ing with or without a silent e or a doubled consonant, -es / -s."""
    stems: list[str] = []
    if word.endswith("ied"):
        stems.append(word[:-3] + "y")
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1], word[:-3]]
    elif word.endswith("ing") and len(word) > 5:
        stems += [word[:-3], word[:-3] + "e", word[:-4]]
    elif word.endswith("es"):
        stems += [word[:-2], word[:-1]]
    elif word.endswith("s"):
        stems.append(word[:-1])
    return next((s for s in stems if len(s) > 2 and s in verbs), None)


def words_before(t: Tree, verb: int, groups: tuple[str, ...]) -> bool:
    """The sentence has, before ``verb`` and in this order, one word sequence of each
    group ("did n't|wo n't"); other words may come between groups, as PETRARCH matches
    the words a pattern sets before its verb."""
    root = verb
    while t.head[root] != root:
        root = t.head[root]
    words = [t.lower[i] for i in range(min(t.subtree(root)), verb)]
    at = 0
    for group in groups:
        ends = [
            k + len(seq)
            for seq in (choice.split() for choice in group.split("|"))
            for k in range(at, len(words) - len(seq) + 1)
            if words[k : k + len(seq)] == seq
        ]
        if not ends:
            return False
        at = min(ends)
    return True


def particle_words(t: Tree, verb: int) -> set[str]:
    """Particle and preposition words after the verb, for phrasal verbs ("pull out of",
    "take into account")."""
    # particles follow the verb: "On Nov. 2 X called Y" is not "call on"
    dep, kids = t.dep, t.children
    nearby = {
        t.lower[c]
        for c in kids[verb]
        if dep[c] in PARTICLE_DEPS and c > verb and not _is_when(t, c)
    }
    nearby |= {
        t.lemma[g].lower()
        for c in kids[verb]
        if dep[c] in {"prep", "prt"}
        for g in kids[c]
        if dep[g] == "pobj"
    }
    # "found the official guilty", "was found guilty": the adjective of a small clause
    # ("found not guilty" is no such phrase)
    nearby |= {
        t.lower[c]
        for c in kids[verb]
        if dep[c] in SMALL_CLAUSE_DEPS
        and t.pos[c] == "ADJ"
        and not any(dep[g] == "neg" for g in kids[c])
    }
    if syntax.for_clause(t, verb) is not None:
        nearby.add("for")  # "called for Israel to halt": "for" opens the clause
    return nearby


def _is_when(t: Tree, prep: int) -> bool:
    """ "on Monday", "in December": a time phrase, not a phrasal verb's particle."""
    dep, ent = t.dep, t.ent
    return any(dep[c] == "pobj" and ent[c] in {"DATE", "TIME"} for c in t.children[prep])


@lru_cache(maxsize=4096)
def wanted(objects: tuple[str, ...]) -> frozenset[str]:
    return frozenset(objects)


def object_words(t: Tree, verb: int, lists: WordLists) -> list[tuple[int, set[str], bool]]:
    """The verb's possible objects, each with the words a lexicon object list is matched
    against (lemma, form, "@money", "@any", "@place", its modifier phrases: "hunger
    strike") and whether it is only the "of" object of another ("25,000 tons of food
    aid")."""
    dep, pos, kids = t.dep, t.pos, t.children
    direct = syntax.objects_of(t, verb, lists)
    # a direct object the tagger took for a verb ("meet hostage-takers demands") still counts
    candidates = syntax.with_conjuncts(t, direct) + [o for o in direct if pos[o] == "VERB"]
    if "oprd" in [dep[c] for c in kids[verb]]:
        candidates = []  # "called the president a murderer": a naming, not an act on the object
    prepositional = syntax.with_conjuncts(
        t, [p for c in kids[verb] if dep[c] == "prep" for p in kids[c] if dep[p] == "pobj"]
    )
    if any(pos[o] == "NOUN" for o in direct):
        # "announced import duties on $3 billion of goods": beside a thing as the direct
        # object, a sum in a prepositional phrase measures it; it is not what is announced
        # (with a recipient as the object the sum is what is given: "provide Brazil with
        # $1.5 billion")
        prepositional = [p for p in prepositional if not _a_sum(t, p)]
    candidates += prepositional
    # "25,000 tons of food aid": the measure's "of" object is the real object
    of_objects = [p for o in list(candidates) for p in syntax.prep_objects(t, o, "of")]
    candidates += of_objects
    found = []
    ent, low, lemma = t.ent, t.lower, t.lemma
    for obj in candidates:
        if ent[obj] in DATE_ENTITIES and dep[obj] == "pobj":
            continue  # "suspend work by March 31": a date is no object ("celebrated Eid" is)
        lower = low[obj]
        words = {lemma[obj].lower(), lower}
        joined = hyphenated(t, obj)
        if joined:
            # "think-tank", "sit-in": the compound is the word, not its last part (a
            # think-tank is no tank)
            words = {joined, joined.replace("-", "")}
        if (
            ent[obj] == "MONEY"
            or "MONEY" in [ent[c] for c in kids[obj]]
            or (words & lists.currency_words and any(pos[c] == "NUM" for c in kids[obj]))
        ):
            # lexicon object word for a sum of money ("gave $2 million", "28 million euros"
            # when the recogniser does not label it)
            words.add("@money")
        if dep[obj] == "dobj":
            words.add("@any")  # lexicon object word for any direct object
            if ent[obj] in PLACE_ENTITIES:
                words.add("@place")  # a named place ("entered Kafr Naya")
        # "a new air and ground offensive": with coordinated modifiers the parser may
        # make the first the head and hang the real head after it as a modifier (an
        # English noun phrase ends with its head)
        words.update(
            lemma[x].lower() for x in kids[obj] if x > obj and dep[x] in PHRASE_DEPS and not kids[x]
        )
        lefts = [x for x in kids[obj] if x < obj]
        if pos[obj] == "PROPN" and dep[obj] == "dobj":
            # a name with its title ("called President Milei"): the title counts as the object word
            words.update(
                [lemma[x].lower() for x in lefts if dep[x] == "compound" and pos[x] in NOUN_TAGS]
            )
        # the phrase's modifiers before its head, and every phrase of some of them, in their
        # order, ending in the head: "new global economic relations" is also "new economic
        # relations" and "economic relations", as a PETRARCH noun phrase pattern matches
        modifiers = [low[x] for x in lefts if dep[x] in PHRASE_DEPS][-MAX_MODIFIERS:]
        words.update(
            " ".join([*kept, head])
            for n in range(1, len(modifiers) + 1)
            for kept in combinations(modifiers, n)
            for head in {lower, lemma[obj].lower()}
        )
        # "~artillery": a word of the phrase before its head ("two artillery shells"), as
        # a PETRARCH pattern's object word matches anywhere in the object's phrase
        words.update(MODIFIER_MARK + m for m in modifiers)
        if lemma[obj].lower() in lists.agreement_nouns:
            # "the ceasefire agreement" is the ceasefire
            words.update(lemma[x].lower() for x in lefts[-1:] if dep[x] == "compound")
        words.update(_with_complements(t, obj, modifiers[-1:]))
        found.append((obj, words, obj in of_objects))
    return found


def _with_complements(t: Tree, obj: int, modifiers: list[str]) -> set[str]:
    """The object's head, alone or after its nearest modifier, with each prepositional
    phrase of it or right after it ("a state of emergency", "a ban on travel", "economic
    memos on trade"), as a PETRARCH pattern's object with its complement matches them
    ("- * BAN (ON TRAVEL)")."""
    dep, kids, low, lemma = t.dep, t.children, t.lower, t.lemma
    heads = {low[obj], lemma[obj].lower()}
    heads |= {f"{m} {h}" for m in modifiers for h in list(heads)}
    out: set[str] = set()
    preps = [p for p in kids[obj] if dep[p] == "prep"]
    after = preposition_after(t, obj)
    if after is not None:
        preps.append(after)
    for prep in preps:
        for q in kids[prep]:
            if dep[q] not in syntax.PREP_OBJECT_DEPS:
                continue
            # its object's head, or the words that begin its phrase ("on economic issues")
            tails = {low[q], lemma[q].lower()}
            lefts = [low[x] for x in kids[q] if x < q and dep[x] in PHRASE_DEPS]
            tails |= {lefts[0], f"{lefts[0]} {low[q]}"} if lefts else set()
            out.update(f"{h} {low[prep]} {w}" for h in heads for w in tails)
    return out


def hyphenated(t: Tree, i: int) -> str | None:
    """The hyphenated compound a noun ends, in lower case ("think-tank", "cease-fire"),
    when the parser split it and hung its first part on it; else None."""
    if i < 2 or t.text(i - 1) != "-" or t.head[i - 2] != i or t.idx[i - 1] + 1 != t.idx[i]:
        return None
    return f"{t.lower[i - 2]}-{t.lower[i]}"


def preposition_after(t: Tree, obj: int) -> int | None:
    """The preposition right after a direct object's phrase that the parser hung on the
    verb, which may be the object's as well ("welcomed memos from Kosovo",
    "welcomed memos on economic issues"; PETRARCH reads the words in order)."""
    after = max(t.subtree(obj)) + 1
    if t.dep[obj] == "dobj" and after < len(t.dep) and t.dep[after] == "prep":
        return after
    return None


# the modifiers of an object's phrase read for its lexicon phrases, nearest the head first
MAX_MODIFIERS = 5
# an object word written "~word" in a lexicon entry is matched by a modifier of the object
MODIFIER_MARK = "~"

# the recogniser's labels of named places: countries and towns, regions and waters, sites
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
DATE_ENTITIES = frozenset({"DATE", "TIME"})


def _a_sum(t: Tree, i: int) -> bool:
    """A number or a sum of money ("$3 billion", "500")."""
    return t.pos[i] == "NUM" or t.ent[i] == "MONEY"


def noun_forms(t: Tree, i: int) -> list[str]:
    """Lemma and surface form, and the hyphenated compound it ends ("cease-fire"),
    also written solid ("ceasefire"); longest forms first."""
    lower = t.lower[i]
    forms = [t.lemma[i].lower(), lower]
    if i >= 2 and t.text(i - 1) == "-":
        before = t.lower[i - 2]
        forms += [f"{before}{lower}", f"{before}-{lower}"]
    return forms[::-1]


def noun_word(t: Tree, i: int, entries: frozenset[str]) -> str | None:
    """The first of :func:`noun_forms` in ``entries`` (the lexicon's nouns), or None: the
    same answer without making the list of forms, as the matcher asks it of every noun."""
    lower = t.lower[i]
    if i >= 2 and t.lower[i - 1] == "-" and t.text(i - 1) == "-":
        before = t.lower[i - 2]
        for word in (f"{before}-{lower}", f"{before}{lower}"):
            if word in entries:
                return word
    if lower in entries:
        return lower
    lemma = t.lemma[i].lower()
    return lemma if lemma in entries else None


def has_modifiers(t: Tree, noun: int, tail: tuple[str, ...]) -> bool:
    lefts = {t.lower[x] for x in t.lefts(noun)}
    return all(word in lefts for word in tail)


def verb_has_complement(t: Tree, verb: int, needs: tuple[str, ...]) -> bool:
    """The verb has one of ``needs``: a preposition after it ("asked for help"), for "to"
    an infinitive complement ("asked the court to rule", "asked for X to receive",
    "offered to mediate"), for "that" a that-clause ("asked that the vote be delayed").
    Without one the verb has another sense: "asked why", "he asked" after a question,
    "offers products". An infinitive the parser hung on a relative clause of the object
    ("asked anyone who saw it to call") is the verb's."""
    dep, lower, kids = t.dep, t.lower, t.children

    def marks(clause: int) -> set[str]:
        return {lower[c] for c in kids[clause] if dep[c] in {"aux", "mark"}}

    for child in kids[verb]:
        if child > verb and dep[child] == "prep" and lower[child] in needs:
            return True
        if dep[child] not in {"xcomp", "ccomp", "advcl"}:
            continue
        found = marks(child)
        if dep[child] == "advcl" and "for" not in found:
            continue  # a purpose clause ("asked questions to learn"), not what is asked
        if ("to" in needs and "to" in found) or ("that" in needs and "that" in found):
            return True
    if "to" not in needs:
        return False
    relatives = (r for o in kids[verb] if dep[o] == "dobj" for r in kids[o] if dep[r] == "relcl")
    return any(
        dep[c] in {"xcomp", "ccomp", "advcl"} and "to" in marks(c)
        for r in relatives
        for c in kids[r]
    )


def has_complement(t: Tree, noun: int, needs: tuple[str, ...]) -> bool:
    """The noun has one of ``needs``: a preposition after it ("a call for restraint"),
    or, for "to", an infinitive ("a call to end the war")."""
    dep, lower = t.dep, t.lower
    for child in t.children[noun]:
        if child > noun and dep[child] == "prep" and lower[child] in needs:
            return True
        if "to" in needs and dep[child] == "acl" and syntax.to_infinitive(t, child):
            return True
    return False
