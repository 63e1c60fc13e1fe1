"""The offline language check: function-word shares, from the bundled word lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscribe.errors import DataFileError
from eventscribe.ingest.language import guess_language, stopword_lists

SAMPLES = {
    "en": "Serbia and Kosovo reached an agreement on Wednesday after talks in Brussels, the EU said in a statement.",
    "fr": "La Serbie et le Kosovo ont conclu un accord mercredi après des négociations à Bruxelles, selon un communiqué.",
    "es": "Serbia y Kosovo alcanzaron un acuerdo el miércoles tras las negociaciones en Bruselas, según un comunicado.",
    "de": "Serbien und Kosovo haben sich am Mittwoch nach Gesprächen in Brüssel auf ein Abkommen geeinigt, sagte die EU.",
    "ru": "Сербия и Косово достигли соглашения в среду после переговоров в Брюсселе, заявил представитель ЕС.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_news_sentences_get_their_language(code: str) -> None:
    assert guess_language(SAMPLES[code]) == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Kosovo accused Serbia.",
        "12 34 56 78 90 11 12 13 14",
        "Vucic Kurti Borrell Lajcak Scholz Macron Erdogan Putin",
    ],
)
def test_short_or_unknown_text_is_undetermined(text: str) -> None:
    assert guess_language(text) == "und"


def test_a_bad_word_list_file_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "stopwords.yaml"
    bad.write_text("languages:\n  en: [the, yes, 3]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="stopwords.yaml"):
        stopword_lists(bad)
