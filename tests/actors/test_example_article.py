"""The example article: every actor of its gold events resolved, and its quotes attributed."""

from __future__ import annotations

import json

import pytest

from eventscribe.config import Settings
from eventscribe.ingest import read_inputs
from eventscribe.pipeline import Coder

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coded(example_article):
    coder = Coder.build(Settings())
    (article,) = list(read_inputs([example_article]))
    return coder.analyse(coder.nlp(article.text), article).coded


def _norm(country: str | None) -> str | None:
    return "XKX" if country == "KOS" else country


def test_every_gold_actor_gets_the_right_country_and_sector(coded, example_article_gold):
    gold = json.loads(example_article_gold.read_text(encoding="utf-8"))
    # event arguments first: an ethnic group gets its country from the event it is in
    actors = [a for e in coded.events for a in (*e.sources, *e.targets)] + list(coded.actors)
    text = coded.article.text
    for event in gold["events"]:
        for side in ("source", "target"):
            for actor in event[side]:
                mentions = [a for a in actors if actor["text"] in text[a.start : a.end]]
                assert mentions, f"no actor mention for {actor['text']!r}"
                found = {(_norm(a.country), a.sector) for a in mentions}
                want_sector = actor["sector"]
                assert (
                    any(
                        c == actor["country"] and (want_sector is None or s == want_sector)
                        for c, s in found
                    )
                    or actor["country"] in {c for c, _ in found}
                    and want_sector is None
                ), f"{actor['text']!r}: expected {actor['country']} {want_sector}, found {found}"


def test_the_readout_quote_is_ned_price_s(coded):
    direct = [q for q in coded.quotes if q.kind == "direct"]
    assert direct and all(
        q.speaker
        and (q.speaker.name, q.speaker.country, q.speaker.sector) == ("Ned Price", "USA", "GOV")
        for q in direct
    )


def test_vucic_s_statements_are_his(coded):
    speakers = [q.speaker for q in coded.quotes if q.speaker and "Vu" in q.speaker.name]
    assert len(speakers) >= 3
    assert {(s.country, s.sector) for s in speakers} == {("SRB", "GOV")}
