"""The regular expressions of the time stage, built from the lexicon's word lists.

Month and weekday names are matched case-sensitively (capitalised), so the verb
"march" or the modal "may" never look like months; the words around them
("early", "last", "of") are matched in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from eventscribe.time.anchors import (
    Anchor,
    Blanks,
    Chars,
    Digits,
    Part,
    Word,
    alt,
    anchored_finditer,
    opt,
    seq,
    word,
)
from eventscribe.time.lexicon import Lexicon
from eventscribe.time.prefilter import Clues, Need, any_case, regex, words

YEAR_DIGITS = r"(?:1[89]|20)\d\d"


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest word first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    """All compiled patterns; ``rule_patterns`` maps a rule name to its regex,
    ``needs`` to what a text must contain for that regex to match (see
    :mod:`eventscribe.time.prefilter`) and ``anchors`` (for some rules) to where its
    matches can start (see :mod:`eventscribe.time.anchors`)."""

    rule_patterns: Mapping[str, re.Pattern[str]]
    future_cue: re.Pattern[str]
    needs: Mapping[str, tuple[Need, ...]]
    anchors: Mapping[str, Anchor]

    def __getitem__(self, name: str) -> re.Pattern[str]:
        return self.rule_patterns[name]

    def finditer(self, name: str, clues: Clues) -> Iterator[re.Match[str]]:
        """The matches of rule ``name`` in ``clues.text``, exactly as
        ``self[name].finditer(clues.text)`` gives them, trying only anchored starts
        when the rule has an anchor."""
        anchor = self.anchors.get(name)
        if anchor is None:
            return self.rule_patterns[name].finditer(clues.text)
        return anchored_finditer(self.rule_patterns[name], clues.text, anchor.starts(clues))


def _sources(lex: Lexicon) -> dict[str, str]:
    full = _alt(lex.months)
    month = rf"(?P<month>(?:{full})\b|(?:{_alt(lex.month_abbreviations)})(?:\.|\b))"
    weekday = _alt(lex.weekdays)
    wd_prefix = rf"(?:(?P<wd>{weekday}),?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    rel_year = r"(?P<ryear>(?i:last|this|next))\s+(?i:year)\b"
    year_opt = rf"(?:,?\s+(?P<year>{YEAR_DIGITS})(?!\d|,\d)|\s+(?:(?i:of)\s+)?{rel_year})?"
    parts = _alt(lex.parts_of_day)
    numbers = _alt(lex.number_words)
    ordinals = _alt(lex.ordinal_words)
    zones = rf"(?:\s+(?P<zone>{_alt(lex.time_zones)})\b)?"
    edge = (
        r"early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of"
    )
    return {
        "iso": r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?(?![\d-])",
        "slash": r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])",
        "dotted": r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d|\.\d)",
        "month_day": rf"{wd_prefix}{month}\s+{day}{year_opt}",
        "day_month": rf"{wd_prefix}(?:(?i:the)\s+)?(?<![\d.,]){day}\s+(?:(?i:of)\s+)?{month}"
        rf"{year_opt}",
        "month_year": rf"{month},?\s+(?:(?i:of)\s+)?(?P<year>{YEAR_DIGITS})(?!\d|,\d)",
        "month_relyear": rf"{month},?\s+(?:(?i:of)\s+)?{rel_year}",
        "month_bare": rf"(?:\b(?P<mod>(?i:{edge}))[\s-]+)?"
        rf"(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?(?P<month>{full})\b",
        "weekday": rf"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{weekday})\b"
        rf"(?:\s+(?P<part>(?i:{parts}))\b)?",
        "deictic_day": r"(?i)\b(?:(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
        r"tomorrow|yesterday|today|tonight|tomorrow|last\s+night)|this\s+(?P<this>morning|"
        rf"afternoon|evening))\b(?:\s+(?P<part>{parts})\b)?",
        "day_before": r"(?i)\bthe\s+(?:day\s+before|previous\s+day)(?=\s*(?:[,.;:!?)\"]|$))",
        "present": rf"(?i)\b(?:{_alt(lex.present_words)})\b(?!-)",
        "unit_rel": r"(?i)\b(?:(?P<mod>early|late|mid|earlier|later)[\s-]+(?:in\s+)?)?"
        r"(?:the\s+)?(?P<rel>this|last|next|past|previous|coming|current)\s+(?:fiscal\s+)?"
        r"(?P<unit>weekend|week|month|year|quarter|decade|century)\b"
        r"(?!\s+(?:ago|before|earlier|later)\b)",
        "unit_edge": r"(?i)\b(?:the\s+)?(?P<edge>end|beginning|start|middle|turn|first\s+half|"
        r"second\s+half)\s+of\s+(?:(?P<rel>this|last|next|the)\s+)?(?:fiscal\s+)?"
        r"(?P<unit>week|month|year|decade|century)\b",
        "weekend": r"(?i)\b(?P<prep>over|at|during|on)\s+the\s+weekend\b",
        "ago": rf"(?i)\b(?P<num>\d{{1,3}}|{numbers})\s+(?P<unit>day|week|month|year|decade)s?"
        r"\s+ago\b",
        "season": r"(?i)\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?"
        r"(?:(?P<rel>this|last|next|past|coming)\s+)?(?P<season>"
        rf"{_alt(lex.seasons)})\b(?:\s+(?:of\s+)?(?P<year>{YEAR_DIGITS})(?!\d|,\d))?",
        "quarter": rf"(?i)\b(?:the\s+)?(?P<ord>{ordinals}|[1-4](?:st|nd|rd|th))\s+quarter\b"
        rf"(?:\s+of\s+(?:(?P<year>{YEAR_DIGITS})(?!\d|,\d)|(?P<rel>this|last|next)\s+year))?",
        "quarter_code": rf"\bQ(?P<q>[1-4])\b(?:\s+(?P<year>{YEAR_DIGITS})(?!\d|,\d))?",
        "year": r"(?<![\w$\u00a3\u20ac\u00a5.,/#])(?P<year>\d{4})(?![\w%\u2019']|[.,]\d)",
        "decade": r"(?i)\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<year>(?:1[89]|20)\d0)"
        r"'?s\b",
        "decade_short": r"(?i)\bthe\s+(?:(?:early|late|mid)[\s-]+)?['\u2019]?(?P<yy>[2-9]0)s\b",
        "century": rf"(?i)\b(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinals})[\s-]+"
        r"century\b",
        "clock": r"(?i)(?<![\w:.])(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*"
        r"(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)" + zones,
        "clock24": r"(?<![\w:.])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])" + zones,
        "noon": r"(?i)\b(?P<word>noon|midday|midnight)\b",
    }


def _needs(lex: Lexicon) -> dict[str, tuple[Need, ...]]:
    """For each rule of :func:`_sources`, conditions every one of its matches meets.

    Keep in step with the sources: a need may only name text that the pattern cannot
    match without (its case-sensitive month and weekday names, the fixed words of its
    ``(?i)`` parts, the digits around a separator).
    """
    month = words([*lex.months, *lex.month_abbreviations])
    names = _alt([*lex.months, *lex.month_abbreviations])
    year = regex(YEAR_DIGITS, digit="start")
    units = ("week", "month", "year", "decade", "century")
    deictic = ("yesterday", "today", "tonight", "tomorrow")
    steps = ("last", "this", "next")
    return {
        "iso": (regex(r"\d-\d", digit="start"),),
        "slash": (regex(r"\d/\d", digit="start"),),
        "dotted": (regex(r"\d\.\d", digit="start"),),
        # a month name, then (after an optional dot) blanks and the day's first digit
        "month_day": (month, regex(rf"(?:{names})\.?\s+\d", digit="inside")),
        # the day's last digit, its suffix, blanks, an optional "of", the month name
        "day_month": (
            month,
            regex(rf"\d(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?(?:{names})", digit="start"),
        ),
        "month_year": (month, year),
        "month_relyear": (month, any_case(["year"]), any_case(steps)),
        "month_bare": (words(lex.months),),
        "weekday": (words(lex.weekdays),),
        "deictic_day": (any_case([*deictic, "night", "morning", "afternoon", "evening"]),),
        "day_before": (any_case(["day"]), any_case(["before", "previous"])),
        "present": (any_case(lex.present_words),),
        "unit_rel": (
            any_case([*units, "quarter"]),
            any_case([*steps, "past", "previous", "coming", "current"]),
        ),
        "unit_edge": (
            any_case(units),
            any_case(["of"]),
            any_case(["end", "beginning", "start", "middle", "turn", "half"]),
        ),
        "weekend": (any_case(["weekend"]),),
        "ago": (any_case(["ago"]),),
        "season": (any_case(lex.seasons),),
        "quarter": (any_case(["quarter"]),),
        "quarter_code": (words([f"Q{n}" for n in range(1, 5)]),),
        "year": (regex(r"\d\d\d\d", digit="start"),),
        "decade": (regex(r"(?i)\d0'?s", digit="start"),),
        "decade_short": (regex(r"(?i)[2-9]0s", digit="start"),),
        "century": (any_case(["century"]),),
        "clock": (regex(r"(?i)\d\s*[ap]", digit="start"),),
        "clock24": (regex(r"\d:\d", digit="start"),),
        "noon": (any_case(["noon", "midday", "midnight"]),),
    }


def _folded_anchor(items: Iterable[str]) -> tuple[str, ...] | None:
    """Words to search for in the folded text (see :func:`prefilter.fold`): every
    place a ``(?i)`` pattern matches one of them; None when a word is not plain ASCII,
    for which the folded text gives no such promise."""
    found = tuple(w.lower() for w in items)
    if not found or not all(w and w.isascii() for w in found):
        return None
    return found


def _anchors(lex: Lexicon) -> dict[str, Anchor]:
    """For some rules of :func:`_sources`, where their matches can start.

    Keep in step with the sources: the anchor is a part every match contains (a
    case-sensitive name, or fixed words of a ``(?i)`` pattern, searched in the folded
    text), and the prefix everything a match may hold before it, walked backwards. A
    prefix may allow more than the pattern (the pattern checks each start), never less.
    """
    weekdays = Word(lex.weekdays)
    names = re.compile(_alt([*lex.months, *lex.month_abbreviations]))
    full = re.compile(_alt(lex.months))
    steps = ("last", "this", "next", "past", "coming")
    edge = alt(
        word("early", "late", "mid"),
        seq(
            opt(word("the"), Blanks()),
            word("end", "beginning", "start", "middle"),
            Blanks(),
            word("of"),
        ),
    )
    units = ("week", "month", "year", "decade", "century")
    ago_units = ("day", "week", "month", "year", "decade")
    prefixes: dict[str, tuple[re.Pattern[str] | tuple[str, ...] | None, Part, bool]] = {
        "weekday": (re.compile(_alt(lex.weekdays)), opt(word(*steps), Blanks()), False),
        "month_bare": (full, seq(opt(edge, Blanks("-")), opt(word(*steps), Blanks())), False),
        "month_day": (names, opt(weekdays, opt(Chars(",")), Blanks()), False),
        "day_month": (
            names,
            seq(
                opt(weekdays, opt(Chars(",")), Blanks()),
                opt(word("the"), Blanks()),
                Digits(2),
                opt(Word(("st", "nd", "rd", "th"))),
                Blanks(),
                opt(word("of"), Blanks()),
            ),
            False,
        ),
        "month_year": (names, seq(), False),
        "month_relyear": (names, seq(), False),
        "unit_rel": (
            _folded_anchor([*units, "weekend", "quarter"]),
            seq(
                opt(
                    word("early", "late", "mid", "earlier", "later"),
                    Blanks("-"),
                    opt(word("in"), Blanks()),
                ),
                opt(word("the"), Blanks()),
                word(*steps, "previous", "current"),
                Blanks(),
                opt(word("fiscal"), Blanks()),
            ),
            True,
        ),
        "unit_edge": (
            _folded_anchor(units),
            seq(
                opt(word("the"), Blanks()),
                alt(
                    word("end", "beginning", "start", "middle", "turn"),
                    seq(word("first", "second"), Blanks(), word("half")),
                ),
                Blanks(),
                word("of"),
                Blanks(),
                opt(word("this", "last", "next", "the"), Blanks()),
                opt(word("fiscal"), Blanks()),
            ),
            True,
        ),
        "deictic_day": (
            _folded_anchor(
                [
                    "yesterday",
                    "today",
                    "tonight",
                    "tomorrow",
                    "night",
                    "morning",
                    "afternoon",
                    "evening",
                ]
            ),
            opt(
                alt(
                    seq(word("the"), Blanks(), word("day"), Blanks(), word("before", "after")),
                    word("last", "this"),
                ),
                Blanks(),
            ),
            True,
        ),
        "present": (_folded_anchor(lex.present_words), seq(), True),
        "ago": (
            _folded_anchor(["ago"]),
            seq(
                alt(Digits(3), word(*lex.number_words)),
                Blanks(),
                word(*ago_units, *(f"{unit}s" for unit in ago_units)),
                Blanks(),
            ),
            True,
        ),
        "season": (
            _folded_anchor(lex.seasons),
            seq(
                opt(word("early", "late", "mid"), Blanks("-")),
                opt(word("the"), Blanks()),
                opt(word(*steps), Blanks()),
            ),
            True,
        ),
        "quarter": (
            _folded_anchor(["quarter"]),
            seq(
                opt(word("the"), Blanks()),
                alt(word(*lex.ordinal_words), seq(Chars("1234"), word("st", "nd", "rd", "th"))),
                Blanks(),
            ),
            True,
        ),
    }
    anchors = {
        name: Anchor(re.compile(_alt(found)), prefix, in_folded, words=found)
        if isinstance(found, tuple)  # words of _folded_anchor
        else Anchor(found, prefix, in_folded)
        for name, (found, prefix, in_folded) in prefixes.items()
        if found is not None
    }
    # patterns that start with a digit, tried at the text's digits
    at_digits = {
        "year": (r"\d\d\d\d", seq()),
        # the separator with a digit either side; before it, the rest of the day's digits
        "dotted": (r"\d\.\d", Digits(1)),
        "iso": (r"\d-\d", Digits(3)),
        "clock": (r"\d", seq()),
    }
    for name, (source, prefix) in at_digits.items():
        anchors[name] = Anchor(re.compile(source), prefix, at_digits=True)
    return anchors


def _future_cue(lex: Lexicon) -> re.Pattern[str]:
    words = [w for w in lex.future_cues if w[0].isalpha()]
    clitics = [w for w in lex.future_cues if not w[0].isalpha()]
    source = rf"\b(?:{_alt(words)})\b"
    if clitics:
        source += rf"|(?:{_alt(clitics)})\b"
    return re.compile(source, re.IGNORECASE)


@lru_cache(maxsize=4)
def build_patterns(lex: Lexicon) -> Patterns:
    """Compile every pattern for ``lex`` (cached per lexicon object)."""
    sources = _sources(lex)
    compiled = {name: re.compile(source) for name, source in sources.items()}
    needs = _needs(lex)
    assert needs.keys() == sources.keys(), "every time rule needs an entry in _needs"
    return Patterns(
        rule_patterns=MappingProxyType(compiled),
        future_cue=_future_cue(lex),
        needs=MappingProxyType(needs),
        anchors=MappingProxyType(_anchors(lex)),
    )
