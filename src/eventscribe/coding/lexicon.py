"""The event lexicon: trigger entries loaded from data files and validated on load.

The bundled file is ``coding/data/lexicon.yaml``; a user's file (``--lexicon FILE``) has
the same shape and is layered on top: an entry with the same key (verb or noun, plus its
object words) replaces the built-in one, others are added.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventscribe import yamlio
from eventscribe.errors import DataFileError
from eventscribe.ontology import Ontology
from eventscribe.records import CAMEO_ONLY

KNOWN_FIELDS = frozenset(
    {
        "verb",
        "noun",
        "object",
        "type",
        "mode",
        "cameo",
        "paired",
        "target",
        "source",
        "when",
        "needs",
        "by",
        "subject",
        "nothing",
    }
)
SLOT_PREFIXES = ("prep:",)
PLAIN_SLOTS = frozenset({"dobj", "iobj", "subj", "none", "poss_of_object"})
# what makes two entries the same one (a later one replaces an earlier one): part of
# speech, lemma, particle words, object words, condition, object complements and words
# before the verb
EntryKey = tuple[str, str, tuple[str, ...], tuple[str, ...], str, tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class LexiconEntry:
    """One trigger: a verb (with optional particle words and objects) or an event noun."""

    pos: str  # "verb" or "noun"
    lemma: str  # head word of the trigger
    tail: tuple[str, ...]  # particle/preposition words after a verb, or modifiers of a noun
    objects: tuple[str, ...]  # required direct objects of a light verb ("@any" = any)
    type: str
    mode: str | None
    cameo: str
    paired: str | None  # CAMEO code of the same act seen from the recipient's side, if any
    targets: tuple[str, ...]
    source: str  # "subj", "speaker", or a PETRARCH source marker's "prep:from" / "after"
    when: str  # "always", "negated" (any negation) or "failed" ("failed/refused to ...")
    origin: str  # "file:line", for explanations and error messages
    # a noun counts only with one of these complements: a preposition ("a call for
    # restraint") or "to" for an infinitive ("a call to end the war"); for a verb entry
    # with objects, its object must have one ("condemned an attack by X"); for a verb
    # entry without objects, the verb must have one (a preposition, "to" for an
    # infinitive, "that" for a that-clause: "asked for help"); empty: always
    needs: tuple[str, ...] = ()
    # a phrase known to code nothing (a PETRARCH pattern coded [---], "abandon the
    # budget"): when it is the best match of its verb, the verb codes no event
    null: bool = False
    # the act counts only when one of its doers has one of these sectors (PETRARCH's
    # subject-side synsets: "- &MILITARY * &TOWN", "troops entered the town"); empty:
    # anyone
    by: tuple[str, ...] = ()
    # words the text has before the verb, in this order (a PETRARCH pattern's negation
    # before the verb marker: "- &NEGATVAUXVRB * OVER EFFORTS"): each group a choice of
    # word sequences ("did n't|wo n't"), other words may come between groups
    before: tuple[str, ...] = ()
    # the act counts only when its subject names two or more actors (a PETRARCH pattern's
    # compound marker before the verb: "- % * TALKS [031]", "Serbia and Kosovo held talks")
    compound: bool = False
    # the act counts only when the head word of the verb's subject is one of these
    # (PETRARCH's subject-side nouns: "- &WEAPON * [183] # EXPLODE", "a car bomb
    # exploded"): such a subject is what was used, so the doer may be unknown
    subject: tuple[str, ...] = ()

    @property
    def key(self) -> EntryKey:
        context = (*self.before, "%") if self.compound else self.before
        return (
            self.pos, self.lemma, self.tail, self.objects, self.when, self.needs,
            context
            + tuple(f"by:{b}" for b in self.by)
            + tuple(f"subject:{w}" for w in self.subject),
        )  # fmt: skip

    @property
    def specificity(self) -> int:
        """Entries that demand more context win over bare ones."""
        return (
            2 * bool(self.objects)
            + (bool(self.objects) and all(" " in o for o in self.objects))  # "peace plan"
            + len(self.tail)
            + (self.when != "always")
            + bool(self.needs)
            + bool(self.by)
            + len(self.before)
            + self.compound
            + bool(self.subject)
        )

    @cached_property
    def phrase(self) -> str:
        """The entry as words ("pull out of + troops"), for decisions and explanations;
        remembered, as every candidate of the entry shows it (the dataclass is frozen,
        but ``cached_property`` writes the instance dict, not an attribute)."""
        words = (
            " ".join((self.lemma, *self.tail))
            if self.pos == "verb"
            else " ".join((*self.tail, self.lemma))
        )
        if self.compound:  # "% hold + talks": two or more doers
            words = f"% {words}"
        if self.subject:  # "bomb/device explode": what the subject must be
            words = f"{'/'.join(self.subject[:2])}{'/...' if len(self.subject) > 2 else ''} {words}"
        if self.before:  # "did n't/... clash": the first choice of each group before it
            first = (g.split("|")[0] + ("/..." if "|" in g else "") for g in self.before)
            words = f"{' '.join(first)} {words}"
        return f"{words} + {'/'.join(self.objects)}" if self.objects else words


@dataclass(frozen=True, eq=False)
class Lexicon:
    entries: tuple[LexiconEntry, ...]
    fingerprint: str

    def verb_entries(self, lemma: str) -> tuple[LexiconEntry, ...]:
        return self._index.get(("verb", lemma), ())

    def noun_entries(self, word: str) -> tuple[LexiconEntry, ...]:
        return self._index.get(("noun", word), ())

    @cached_property
    def _index(self) -> dict[tuple[str, str], tuple[LexiconEntry, ...]]:
        built: dict[tuple[str, str], list[LexiconEntry]] = {}
        for entry in self.entries:
            built.setdefault((entry.pos, entry.lemma), []).append(entry)
        return {key: tuple(value) for key, value in built.items()}

    @cached_property
    def verb_lemmas(self) -> frozenset[str]:
        return frozenset(lemma for pos, lemma in self._index if pos == "verb")

    @cached_property
    def noun_lemmas(self) -> frozenset[str]:
        return frozenset(lemma for pos, lemma in self._index if pos == "noun")


def bundled_lexicon_path() -> Path:
    return Path(str(resources.files("eventscribe.coding") / "data" / "lexicon.yaml"))


def load_lexicon(
    ontology: Ontology,
    extra: Sequence[Path] = (),
    more: Sequence[LexiconEntry] = (),
    *,
    bundled: bool = True,
) -> Lexicon:
    """Load the bundled lexicon (unless ``bundled`` is false) and any user files,
    validating every entry; then ``more`` entries made elsewhere (from a PETRARCH verb
    dictionary), which override by key."""
    merged: dict[EntryKey, LexiconEntry] = {}
    digest = hashlib.sha1()
    for path in ((bundled_lexicon_path(),) if bundled else ()) + tuple(extra):
        raw = Path(path).read_bytes()
        digest.update(raw)
        for entry in _read_entries(Path(path), raw.decode("utf-8"), ontology):
            merged[entry.key] = entry
    for entry in more:
        digest.update(repr(entry.key + (entry.cameo, entry.origin)).encode("utf-8"))
        merged[entry.key] = entry
    return Lexicon(entries=tuple(merged.values()), fingerprint=digest.hexdigest()[:12])


def bundled_conflicts(
    entries: Sequence[LexiconEntry], ontology: Ontology
) -> list[tuple[LexiconEntry, LexiconEntry]]:
    """(bundled entry, user entry) for each user entry that replaces a bundled one (the
    same verb or noun, words, objects and condition) with another type or CAMEO code:
    what a user's file or dictionary changes in the default coding."""
    path = bundled_lexicon_path()
    bundled = {e.key: e for e in _read_entries(path, path.read_text(encoding="utf-8"), ontology)}
    return [
        (bundled[e.key], e)
        for e in entries
        if e.key in bundled and (bundled[e.key].type, bundled[e.key].cameo) != (e.type, e.cameo)
    ]


def read_lexicon_file(path: Path, ontology: Ontology) -> list[LexiconEntry]:
    """The validated entries of one lexicon file (raises DataFileError)."""
    return _read_entries(path, path.read_text(encoding="utf-8"), ontology)


def validate_lexicon_file(path: Path, ontology: Ontology) -> int:
    """Validate one lexicon file; returns the number of entries or raises DataFileError."""
    return len(_read_entries(path, path.read_text(encoding="utf-8"), ontology))


def _read_entries(path: Path, text: str, ontology: Ontology) -> list[LexiconEntry]:
    try:
        parsed = yamlio.parsed_once(text, _entries_and_lines, str(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if parsed is None:
        return []
    data = parsed["data"]
    if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
        raise DataFileError(f"{path}: expected a mapping with an 'entries' list")
    return [
        _entry(item, f"{path}:{line}", ontology)
        for item, line in zip(data["entries"], parsed["lines"], strict=True)
    ]


def _entries_and_lines(text: str) -> dict[str, Any] | None:
    """The value of a lexicon file's YAML and the line of each item of its 'entries'
    list (None for an empty document): what :func:`yamlio.parsed_once` keeps."""
    root, data = yamlio.compose_and_load(text)
    if root is None:
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
        return {"data": data, "lines": []}
    entry_nodes = next(v for k, v in root.value if k.value == "entries").value
    return {"data": data, "lines": [node.start_mark.line + 1 for node in entry_nodes]}


def _entry(item: Any, origin: str, ontology: Ontology) -> LexiconEntry:
    if not isinstance(item, Mapping):
        raise DataFileError(f"{origin}: an entry must be a mapping, got {item!r}")
    unknown = {str(k) for k in item} - KNOWN_FIELDS
    if unknown:
        raise DataFileError(
            f"{origin}: unknown field(s) {', '.join(sorted(unknown))}",
            fix=f"allowed fields are {', '.join(sorted(KNOWN_FIELDS))}",
        )
    if ("verb" in item) == ("noun" in item):
        raise DataFileError(f"{origin}: an entry needs exactly one of 'verb' or 'noun'")
    pos = "verb" if "verb" in item else "noun"
    words = str(item[pos]).lower().split()
    if not words:
        raise DataFileError(f"{origin}: empty {pos}")
    lemma, tail = (words[0], tuple(words[1:])) if pos == "verb" else (words[-1], tuple(words[:-1]))
    if "nothing" in item:
        return _null_entry(item, pos, lemma, tail, origin)
    type_ = str(item.get("type", ""))
    mode = item.get("mode")
    if not type_ and not mode and _statement_code(item.get("cameo"), ontology):
        # a CAMEO code PLOVER has no type for (a public statement, 01x: "denied the
        # charges" is CAMEO 016): coded under --conventions cameo, uncoded under PLOVER's
        type_ = CAMEO_ONLY
    else:
        try:
            ontology.validate_event(type_, mode)
        except Exception as exc:  # the ontology says which types/modes exist
            raise DataFileError(f"{origin}: {exc}") from exc
    cameo = (
        str(item["cameo"]) if item.get("cameo") is not None else ontology.default_cameo(type_, mode)
    )
    if cameo not in ontology.cameo:
        raise DataFileError(
            f"{origin}: unknown CAMEO code '{cameo}'", fix="use a code from ontology/data/cameo.csv"
        )
    paired = str(item["paired"]) if item.get("paired") is not None else None
    if paired is not None and paired not in ontology.cameo:
        raise DataFileError(
            f"{origin}: unknown CAMEO code '{paired}' in 'paired'",
            fix="use a code from ontology/data/cameo.csv",
        )
    targets = item.get("target", ["dobj"] if pos == "verb" else ["poss", "prep:against", "prep:on"])
    targets = (targets,) if isinstance(targets, str) else tuple(str(t) for t in targets)
    for slot in targets:
        if slot not in PLAIN_SLOTS and slot != "poss" and not slot.startswith(SLOT_PREFIXES):
            raise DataFileError(
                f"{origin}: unknown target slot '{slot}'",
                fix="use dobj, iobj, subj, poss, poss_of_object, prep:<word> or none",
            )
    objects = item.get("object") or ()
    objects = (objects,) if isinstance(objects, str) else tuple(str(o).lower() for o in objects)
    source = str(item.get("source", "subj"))
    when = str(item.get("when", "always"))
    if source not in {"subj", "speaker"} or when not in {"always", "negated", "failed"}:
        raise DataFileError(f"{origin}: source must be subj|speaker and when always|negated|failed")
    needs = item.get("needs") or ()
    needs = (needs,) if isinstance(needs, str) else tuple(str(n).lower() for n in needs)
    by = item.get("by") or ()
    by = (by,) if isinstance(by, str) else tuple(str(b).upper() for b in by)
    unknown_sectors = [b for b in by if b not in ontology.sectors]
    if unknown_sectors or (by and pos != "verb"):
        raise DataFileError(
            f"{origin}: 'by' takes PLOVER sectors of a verb's doer, got {list(by)}",
            fix=f"use sectors from {', '.join(sorted(ontology.sectors))}",
        )
    subject = item.get("subject") or ()
    subject = (subject,) if isinstance(subject, str) else tuple(str(w).lower() for w in subject)
    if subject and pos != "verb":
        raise DataFileError(f"{origin}: 'subject' takes the head words of a verb's subject")
    return LexiconEntry(
        pos=pos,
        lemma=lemma,
        tail=tail,
        objects=objects,
        type=type_,
        mode=str(mode) if mode else None,
        cameo=cameo,
        paired=paired,
        targets=targets,
        source=source,
        when=when,
        origin=origin,
        needs=needs,
        by=by,
        subject=subject,
    )


def _statement_code(cameo: object, ontology: Ontology) -> bool:
    """A CAMEO code the ontology knows and PLOVER has no type for."""
    return (
        cameo is not None
        and str(cameo) in ontology.cameo
        and ontology.plover_for_cameo(str(cameo))[0] is None
    )


def _null_entry(
    item: Mapping[str, Any], pos: str, lemma: str, tail: tuple[str, ...], origin: str
) -> LexiconEntry:
    """``nothing: true``: a phrase known to code nothing ("cardiac arrest"); as the most
    specific match of its word it keeps the word's other entries from coding it."""
    extra = {str(k) for k in item} - {"verb", "noun", "object", "needs", "nothing"}
    if item.get("nothing") is not True or extra:
        raise DataFileError(
            f"{origin}: an entry that codes nothing is 'nothing: true' with only verb or "
            "noun, object and needs beside it",
            fix="remove " + ", ".join(sorted(extra)) if extra else "write nothing: true",
        )
    objects = item.get("object") or ()
    objects = (objects,) if isinstance(objects, str) else tuple(str(o).lower() for o in objects)
    needs = item.get("needs") or ()
    needs = (needs,) if isinstance(needs, str) else tuple(str(n).lower() for n in needs)
    return LexiconEntry(
        pos=pos, lemma=lemma, tail=tail, objects=objects, type="", mode=None, cameo="---",
        paired=None, targets=("none",), source="subj", when="always", origin=origin,
        needs=needs, null=True,
    )  # fmt: skip
