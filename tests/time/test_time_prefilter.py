"""The time stage skips a rule only when its regex cannot match: never a lost expression."""

from __future__ import annotations

import re
import string
import sys
from datetime import date

import pytest

from eventscribe.time import default_lexicon, find_time_expressions
from eventscribe.time.finder import RULES
from eventscribe.time.patterns import build_patterns
from eventscribe.time.prefilter import Clues, fold, may_match

# Expressions of every rule, with the spellings a case-insensitive regex also accepts
# (capitals, the long s, the dotted and dotless i, the Kelvin sign).
TEXTS = [
    "He resigned on Friday. The vote is on March 5, 2023 at 3 p.m.",
    "Talks ended on 5 March 2022; on the 5th of March they met again.",
    "In March of 2021 and March, last year, and early March the army moved.",
    "ON THE DAY BEFORE YESTERDAY, LAST NIGHT AND THIS MORNING shots were heard.",
    "They met the day before. The previous day, the talks had failed.",
    "At present, and right now, the talks go on; NOW is the time.",
    "Later this month, the previous year and next quarter; earlier in the week.",
    "At the end of this year and the beginning of the decade; the first half of the year.",
    "Over the weekend, two weeks ago and 3 years ago and a decade ago.",
    "In the ſummer of 2021 and next SPRING, late autumn and this winter.",
    "The first quarter of 2023, the 2nd quarter of last year and Q3 2022.",
    "In 1999 and the 1990s, the '90s, the early 2000s and the 21st century.",
    "On 2022-11-23T14:00, 11/23/2022, 23.11.2022 and 23/11/22.",
    "At 15:00 GMT, at 10 am local time, at 9.30 P.M. and at noon or MIDNIGHT.",
    "WASHINGTON, Nov. 23 (AP) - On Wednesday afternoon, Sept. 5, officials met.",
    "Thİs week and laſt month, the \u212aelvin sign is not a k but matches one.",
    "\u0130n the afternoon of Tuesday, the day after tomorrow, tonight.",
]


def test_fold_lowers_every_character_that_ignorecase_takes_for_an_ascii_letter() -> None:
    letter = re.compile(r"(?i)[a-z]")
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char):
            folded = fold(char)
            assert folded in string.ascii_lowercase, (hex(code), folded)
            assert re.fullmatch(f"(?i){folded}", char)
    assert fold("Q3 ſeason İN") == "q3 season in"


def test_fold_keeps_every_position() -> None:
    # the anchored time rules find words in the folded text and run the regex at the
    # same positions of the text itself: one character must stay one character
    changed = [hex(c) for c in range(sys.maxunicode + 1)
               if not 0xD800 <= c <= 0xDFFF and len(fold(chr(c))) != 1]  # fmt: skip
    assert changed == []
    assert fold("İstanbul, last week") == "istanbul, last week"


@pytest.mark.parametrize("text", TEXTS)
def test_a_rule_whose_regex_matches_is_never_skipped(text: str) -> None:
    patterns = build_patterns(default_lexicon())
    for name, _ in RULES:
        if patterns[name].search(text):
            assert may_match(patterns.needs[name], Clues(text)), name


def test_every_rule_has_needs_and_some_rules_are_skipped_for_plain_text() -> None:
    patterns = build_patterns(default_lexicon())
    assert set(patterns.needs) == {name for name, _ in RULES}
    clues = Clues("The minister met the delegation and they signed an accord.")
    skipped = [name for name, _ in RULES if not may_match(patterns.needs[name], clues)]
    assert "ago" in skipped and "month_day" in skipped and "clock" in skipped


def test_expressions_are_found_in_text_with_look_alike_letters() -> None:
    # "K" is the Kelvin sign, which a case-insensitive regex takes for a "k"
    plain = find_time_expressions("Talks resume over the weekend.", date(2023, 2, 2))
    kelvin = find_time_expressions("Talks resume over the wee\u212aend.", date(2023, 2, 2))
    assert [t.value for t in kelvin] == [t.value for t in plain] == ["2023-W04-WE"]


def test_a_need_on_digits_answers_as_a_search_of_its_pattern() -> None:
    patterns = build_patterns(default_lexicon())
    many = " ".join(str(n) for n in range(40))  # more digits than are tried one by one
    texts = [
        *TEXTS,
        many + " 5 pm",
        many,
        "\u0663\u0660s and \u0661\u0669\u0669\u0660",
        "no digits",
    ]
    needs = {need for found in patterns.needs.values() for need in found if need.digit}
    assert len(needs) >= 10
    for text in texts:
        for need in needs:
            assert need.pattern is not None
            expected = need.pattern.search(text) is not None
            assert need.holds(Clues(text)) == expected, (need.pattern.pattern, text)
