"""PETRARCH verb dictionaries (``CAMEO.2.0.txt``, a suite's ``*_verbs_*.txt``) as lexicon
entries.

The file holds synsets (``&NAME`` then ``+WORD`` lines) and blocks: a header ``--- HEAD
[code] ---``, verb lines ``WORD [code] {FORMS}`` (``+WORD_WORD`` for phrasal verbs), and
patterns ``- * OBJECT (PREP WORD) [code]`` where ``*`` is the verb, ``{A B}``, ``A B`` or
``A_B`` a noun phrase (its words in a row), ``&NAME`` any word of a synset, ``(WITH +)``
the preposition whose object is the target and ``[a:b]`` a paired code. A pattern becomes
a dependency entry (verb, particles and preposition words, object phrases) where its
structure allows; a pattern coded ``[---]`` becomes an entry that keeps its phrase
uncoded; a code PLOVER has no type for (public statements, 01x, and codes of the
dictionary's own that CAMEO lacks) becomes an entry coded only under ``--conventions
cameo``. Words before the verb marker that hold a negation (``- &NEGATVAUXVRB * OVER
EFFORTS``: "did n't", "wo n't") must come before the verb in the sentence, in order, and
the negation is the pattern's. A source marker after the verb (``(FROM $)``, ``MONEY
$``) names the source and leaves the subject the target, as does a ``+`` before the verb
with it (``- + * (FROM $)``); a ``%`` before the verb wants a subject of two or more actors
(``- % * [030:030]``). The rest (other words, a marker or a phrase before the verb,
a source marker elsewhere, a verb line with a null code, a code that is no event code) is
skipped with file, line and reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventscribe.coding.forms import MODIFIER_MARK
from eventscribe.coding.lexicon import LexiconEntry
from eventscribe.coding.wordlists import load_word_lists
from eventscribe.errors import DataFileError
from eventscribe.ontology import Ontology, OntologyLookupError
from eventscribe.records import CAMEO_ONLY, InputProblem

_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s*(\S.*?)\s*\[([^\]]*)\]\s*---")
_GROUP = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


@dataclass(frozen=True)
class Converted:
    entries: tuple[LexiconEntry, ...]
    skipped: tuple[InputProblem, ...]
    lines: int


def read_verb_dictionary(path: Path, ontology: Ontology) -> Converted:
    """Lexicon entries for the verbs and patterns of a PETRARCH verb dictionary."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read verb dictionary ({exc})") from exc
    synsets = _synsets(lines)
    reader = _Reader(path.name, ontology, synsets)
    block_code = "---"  # the current block's default code
    verbs: list[tuple[str, tuple[str, ...]]] = []  # and its verbs (lemma, particles)
    in_synset = False
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        where = f"{path.name}:{number}"
        if line.startswith("&"):
            in_synset = True
        if not line.strip() or in_synset and line.startswith(("&", "+")):
            continue
        header = _HEADER.match(line)
        if header:
            in_synset, block_code, verbs = False, header.group(2).strip(), []
        elif line.startswith("-"):
            for verb in verbs:
                reader.pattern(verb, line[1:], where)
        elif line.startswith("---"):
            reader.skip(where, "unreadable block header")
        else:
            read = reader.verb(line, block_code, where)
            if read is not None:
                verbs.append(read)
    # a pattern is read once per verb of its block, so its reason may come more than once
    entries = (*reader.first, *reader.entries, *reader.later)
    return Converted(entries, tuple(dict.fromkeys(reader.skipped)), len(lines))


def _synsets(lines: list[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = _synset_name(line.split()[0])
            found[current] = []
        elif line.startswith("+") and current is not None:
            found[current].append(_words(line[1:].split("{")[0].split("[")[0]))
        elif line:
            current = None
    return {name: tuple(w for w in members if w) for name, members in found.items()}


def _words(token: str) -> str:
    return " ".join(p for p in re.split(r"[_\s]+", token.strip().lower()) if p)


@dataclass
class _Pattern:
    """What a pattern's groups after the verb ask for: particle words, object phrases,
    the prepositions whose objects are targets, those the object must have, and whether
    the object is one word (or synset)."""

    tail: list[str]
    objects: list[str] = field(default_factory=list)
    preps: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    single: bool = False
    before: list[str] = field(default_factory=list)  # word groups before the verb
    # the source: the subject ("subj"), the object of a preposition ("prep:from", "(FROM
    # $)"), or the first prepositional object after the object ("after", "MONEY $")
    source: str = "subj"
    compound: bool = False  # "- % *": the subject names two or more actors


class _Reader:
    def __init__(self, name: str, ontology: Ontology, synsets: dict[str, tuple[str, ...]]) -> None:
        self.name, self.ontology, self.synsets = name, ontology, synsets
        self.negators = load_word_lists().negators  # "not", "n't", "never" ...
        self.entries: list[LexiconEntry] = []
        self.first: list[LexiconEntry] = []  # read before the others (see pattern)
        self.later: list[LexiconEntry] = []  # read after the others (see pattern)
        self.skipped: list[InputProblem] = []

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(InputProblem(where, reason))

    def verb(self, line: str, block_code: str, where: str) -> tuple[str, tuple[str, ...]] | None:
        """A verb line: add its bare entry; return (lemma, particles) for the patterns."""
        head = line.split("[")[0].split("{")[0].strip()
        words = _words(head.lstrip("+")).split()
        if not words:
            self.skip(where, "no verb on the line")
            return None
        own = _CODE.search(line)
        code = own.group(1).strip() if own else block_code
        lemma, tail = words[0], tuple(words[1:])
        self._add(where, lemma, _Pattern(list(tail)), (), code, ())
        return lemma, tail

    def pattern(self, verb: tuple[str, tuple[str, ...]], text: str, where: str) -> None:
        code_match = _CODE.search(text)
        if code_match is None:
            self.skip(where, "pattern without a [code]")
            return
        groups = _GROUP.findall(text[: code_match.start()])
        if "*" not in groups:
            self.skip(where, "pattern without the verb marker *")
            return
        star = groups.index("*")
        subject_target = groups[:star] == ["+"]  # "- + * (FROM $)": the subject is the target
        compound = groups[:star] == ["%"]  # "- % * TALKS": a subject of two or more actors
        if subject_target or compound:
            groups, star = groups[1:], 0
        if any(g in _MARKERS or g.startswith("(") for g in groups[:star]):
            self.skip(where, "a marker or phrase before the verb is not read")
            return
        read = self._groups(groups[star + 1 :], list(verb[1]), where)
        if read is None:
            return
        if subject_target and read.source == "subj":
            self.skip(where, "a target before the verb with no source marker is not read")
            return
        parts = [p for g in groups for w in g.strip("(){}").split() for p in w.split("_")]
        undefined = [p for p in parts if p.startswith("&") and _synset_name(p) not in self.synsets]
        if undefined:
            # an undefined synset would leave the verb bare: the pattern would code every use
            self.skip(where, f"synset {' '.join(undefined)} is not defined in the file")
            return
        # words before the verb: each group a word, a synset or an underscore compound,
        # matched in order ("- MOST_CERTAINLY_&NEGATVAUXVRB_EVER *")
        read.before = ["|".join(_phrase([g.strip("{}")], self.synsets)) for g in groups[:star]]
        if read.before and not self._negation(read.before):
            # PETRARCH reads other words before the verb only inside the verb phrase of
            # its constituency parse (not "Gollum recently allowed", not a subject's
            # "&MILITARY"), a scope a dependency parse does not give
            self.skip(where, "words before the verb that hold no negation are not read")
            return
        read.compound = compound
        self._add_pattern(where, verb[0], read, code_match.group(1).strip())

    def _negation(self, before: list[str]) -> bool:
        """Some group of words before the verb is a negation in each of its choices
        ("&NEGATVAUXVRB": "did n't", "wo n't", "really did not")."""
        return any(
            all(any(w in self.negators for w in choice.split()) for choice in group.split("|"))
            for group in before
        )

    def _groups(self, rest: list[str], tail: list[str], where: str) -> _Pattern | None:
        """What the groups after the verb marker ask for; None (reported) when they
        cannot be read."""
        read = _Pattern(tail)
        phrase: list[str] = []  # consecutive words are one noun phrase, headed by the last
        for number, group in enumerate(rest):
            marked = _marked(group)
            if marked is not None:
                # "(WITH +)": the target is that preposition's object; "+" alone, the
                # target where it is found anyway; "(AT ^)": an actor passed over
                if marked:
                    read.preps.append(marked)
                    read.tail.append(marked)
                continue
            if self._prepositions_only(group):
                continue  # "- * &PREPOSIT1 RESOLUTION": any of them, then the object phrase
            last = all(g == "+" for g in rest[number + 1 :])
            if group.lower() in _PREPOSITIONS and phrase and not read.objects + read.preps and last:
                group = f"({group})"  # "- * &TIES_MEMOS FROM", "... WITH +": as "(FROM)"
            elif not group.startswith(("(", "{")) and group not in {"$", "%"} and not read.preps:
                phrase.append(group)  # a word or synset of the noun phrase
                continue
            source = _source(group, bool(phrase or read.objects))
            if source:
                read.source = source  # "(FROM $)", "MONEY $"
                continue
            if group in {"$", "%"}:
                self.skip(where, f"source/target marker '{group}' is not read")
                return None
            words = [w.strip("{}") for w in group.strip("(){}").split()]
            if (
                group.startswith("(")
                and len(words) > 1
                and (phrase or read.objects)
                and not read.preps
            ):
                # "- * BAN (ON TRAVEL)": the object phrase with a prepositional phrase of it
                complement = self._complement(phrase, read.objects, words)
                if complement is None:
                    self.skip(where, f"object complement '{group}' is not read")
                    return None
                read.objects, phrase, read.single = complement, [], False
                continue
            if group.startswith("(") and len(words) == 1 and phrase and not read.objects:
                # "- * ATTACK (BY)": a bare preposition after the object phrase is the
                # object's complement ("condemned an attack by X"), whose object is the target
                read.needs.append(_words(words[0]))
                read.preps.append(_words(words[0]))
                continue
            if group.startswith("(") and words:
                read.preps.append(_words(words[0]))
                read.tail.append(_words(words[0]))  # "(TO BORDER)": the preposition ...
                words = words[1:]  # ... and its object, read as an object below
                if not words:
                    continue
            if read.objects:
                self.skip(where, "two object phrases")
                return None
            read.objects = _phrase(words, self.synsets)  # "{PEACE PLAN}": the whole phrase
            read.single = _one_word(words)
        if phrase:
            if read.objects:
                self.skip(where, "two object phrases")
                return None
            read.objects = _phrase(phrase, self.synsets)
            read.single = _one_word(phrase)
        return read

    def _add_pattern(self, where: str, lemma: str, read: _Pattern, code: str) -> None:
        # a source elsewhere leaves the subject the target ("Israel drew protests from
        # Egypt", "- * PROTESTS (FROM $)"; "X was freed from Y", "- + * (FROM $)")
        last = "dobj" if read.source == "subj" else "subj"
        slots = tuple(f"prep:{p}" for p in read.preps) + (last,)
        objects = tuple(read.objects)
        here = len(self.entries)
        self._add(where, lemma, read, objects, code, slots)
        if objects and all(" " in o for o in objects):
            # a noun phrase pattern is read before every one-word pattern, so that it wins
            # a tie ("- * TRADE PROTOCOL" over "- * NEW_PROTOCOL" for "a trade protocol")
            self.first.extend(self.entries[here:])
            del self.entries[here:]
        if read.single and objects:
            # PETRARCH matches a pattern's one object word anywhere in the object's phrase:
            # "- * ARTILLERY" codes "fired two artillery shells" too. Read after every
            # entry of the file, so that an entry naming the object's head wins a tie.
            modifiers = tuple(MODIFIER_MARK + o for o in objects if " " not in o)
            here = len(self.entries)
            self._add(where, lemma, read, modifiers, code, slots)
            self.later.extend(self.entries[here:])
            del self.entries[here:]

    def _add(
        self, where: str, lemma: str, read: _Pattern, objects: tuple[str, ...], code: str,
        targets: tuple[str, ...],
    ) -> None:  # fmt: skip
        """An entry of the verb ``lemma`` with what ``read`` asks for besides its objects
        (particles, complements, words before the verb, source, compound subject)."""
        main, _, paired = code.partition(":")
        tail, before = tuple(read.tail), tuple(read.before)
        if main in {"---", ""}:
            if targets:  # a pattern: "- * BUDGET [---]" keeps "abandon the budget" uncoded
                entry = _null_entry(lemma, tail, objects, where, before)
                self.entries.append(replace(entry, compound=read.compound))
                return
            self.skip(where, "null code [---]: the phrase is known to code nothing")
            return
        plover = self._plover(main)
        if plover is None:
            self.skip(where, f"{main!r} is not a CAMEO event code")
            return
        self.entries.append(
            LexiconEntry(
                pos="verb",
                lemma=lemma,
                tail=tail,
                objects=objects,
                type=plover[0],
                mode=plover[1],
                cameo=main,
                paired=paired if paired in self.ontology.cameo else None,
                targets=targets or ("dobj",),
                source=read.source,
                when="always",
                origin=where,
                needs=tuple(read.needs),
                before=before,
                compound=read.compound,
            )
        )

    def _complement(
        self, phrase: list[str], objects: list[str], words: list[str]
    ) -> list[str] | None:
        """The object phrases of an object (``phrase`` not yet read, or ``objects``) with
        the prepositional phrase ``words`` of it ("BAN", "ON TRAVEL": "ban on travel");
        None when it holds a source or target marker or stands for too many phrases."""
        if any(w in _MARKERS for w in words):
            return None
        heads = _phrase(phrase, self.synsets) if phrase else objects
        tails = _phrase(words[1:], self.synsets)
        found = [f"{h} {words[0].lower()} {w}" for h in heads for w in tails]
        return found if found and len(found) <= MAX_PHRASES else None

    def _prepositions_only(self, group: str) -> bool:
        """A synset of prepositions (``&PREPOSIT1`` = AGAINST, IN, ON ...)."""
        members = self.synsets.get(_synset_name(group), ()) if group.startswith("&") else ()
        return bool(members) and all(m in _PREPOSITIONS for m in members)

    def _known_code(self, code: str) -> bool:
        try:
            self.ontology.cameo_code(code)
        except OntologyLookupError:
            return False
        return True

    def _plover(self, code: str) -> tuple[str, str | None] | None:
        """The PLOVER type and mode of a CAMEO code (a code the table lacks takes its
        parent's: "1952" is a "195"); CAMEO_ONLY for a code PLOVER has no type for (a
        public statement, 01x) or a code of the dictionary's own that CAMEO lacks ("212"),
        both coded under --conventions cameo only, as given; None when it is no event
        code."""
        if not self._known_code(code):
            return (CAMEO_ONLY, None) if _OWN_CODE.fullmatch(code) else None
        if code.startswith("02"):
            return "REQUEST", None  # PLOVER's REQUEST holds CAMEO's appeals and demands
        type_, mode = self.ontology.plover_for_cameo(code)
        return (type_, mode) if type_ else (CAMEO_ONLY, None)


def _null_entry(
    lemma: str, tail: tuple[str, ...], objects: tuple[str, ...], where: str,
    before: tuple[str, ...] = (),
) -> LexiconEntry:  # fmt: skip
    """An entry for a phrase known to code nothing: when it is the best match of its
    verb, the verb codes no event."""
    return LexiconEntry(
        pos="verb", lemma=lemma, tail=tail, objects=objects, type="", mode=None, cameo="---",
        paired=None, targets=("none",), source="subj", when="always", origin=where, null=True,
        before=before,
    )  # fmt: skip


# words that start a prepositional phrase inside an underscore compound ("MEMOS_ON_&TIES")
_PREPOSITIONS = frozenset({"about", "against", "at", "by", "for", "from", "in", "into", "near",
                           "of", "on", "over", "to", "toward", "towards", "under", "with"})  # fmt: skip


def _synset_name(word: str) -> str:
    """``&PREPOSIT1_`` and ``&preposit1`` name one synset."""
    return word.rstrip("_").upper()


def _head(word: str) -> str:
    """The head of an underscore compound: the word before its first preposition
    ("MEMOS_ON_&TIETYPES": MEMOS), else its last word ("&TIETYPES_MEMOS": MEMOS)."""
    parts = [p for p in word.split("_") if p]
    for i, part in enumerate(parts[1:], start=1):
        if part.lower() in _PREPOSITIONS:
            return parts[i - 1]
    return parts[-1] if parts else word


def _one_word(words: list[str]) -> bool:
    """A pattern's object is one word or synset, not a phrase ("{PEACE PLAN}",
    "&TIES_MEMOS")."""
    return len(words) == 1 and "_" not in words[0].strip("_")


def _phrase(words: list[str], synsets: dict[str, tuple[str, ...]]) -> list[str]:
    """The object phrases a pattern's noun phrase matches, each word or synset in turn
    ("{NEW &TIETYPES RELATIONS}": "new military relations", "new economic relations" ...;
    the underscore compound "&TIETYPES_MEMOS": "military memos" ...; "MEMOS_ON_&TIETYPES":
    "memos on military" ...), as PETRARCH matches the words in order; the head word alone
    when the phrase begins with a preposition (the verb's: "- * OVER EFFORTS": efforts)
    or would stand for more than MAX_PHRASES phrases."""
    tokens = [part for word in words for part in word.split("_") if part]
    if len(tokens) <= 1 or tokens[0].lower() in _PREPOSITIONS:
        return _expand(tokens[-1:], synsets)
    phrases = [""]
    for token in tokens:
        members = [token.lower()] if token.lower() in _PREPOSITIONS else _expand([token], synsets)
        phrases = [f"{p} {m}".strip() for p in phrases for m in members]
        if not phrases or len(phrases) > MAX_PHRASES:
            return _expand(words[-1:], synsets)
    return phrases


# an event code of a dictionary's own, outside CAMEO: digits, perhaps a letter ("212",
# "915", "174K"), as PETRARCH writes the codes it passes through
_OWN_CODE = re.compile(r"[0-9]{2,4}[A-Z]?")


def _marked(group: str) -> str | None:
    """For a group that only marks where the target is or an actor is passed over: the
    preposition whose object is the target ("(WITH +)": "with"), or "" ("+", "(AT ^)");
    None for any other group (a source marker "$" among them: not read)."""
    if group == "+":
        return ""
    words = group.strip("()").split() if group.startswith("(") else []
    if len(words) == 2 and words[1] == "+":
        return _words(words[0])
    return "" if len(words) == 2 and words[1] == "^" else None


def _source(group: str, after_object: bool) -> str:
    """For a group that marks where the source is: "prep:from" for "(FROM $)", "after"
    for a "$" right after the object phrase ("- + * MONEY $": "received money from X");
    "" for any other group."""
    words = group.strip("()").split() if group.startswith("(") else []
    if len(words) == 2 and words[1] == "$" and words[0].lower() in _PREPOSITIONS:
        return f"prep:{words[0].lower()}"
    return "after" if group == "$" and after_object else ""


# source and target markers of a pattern ("- * OFF (FROM ^)")
_MARKERS = frozenset({"$", "+", "^", "%"})

# the most object phrases one pattern's noun phrase is read as (its synsets multiplied out)
MAX_PHRASES = 200


def _expand(words: list[str], synsets: dict[str, tuple[str, ...]], depth: int = 0) -> list[str]:
    """Head words of a pattern group, a synset ``&NAME`` as each of its members (a member
    may itself be a synset)."""
    out: list[str] = []
    for word in words:
        head = _head(word)
        if not head.startswith("&"):
            out.append(_words(head))
        elif depth < 3:
            out.extend(_expand(list(synsets.get(_synset_name(head), ())), synsets, depth + 1))
    return [w for w in out if w]
