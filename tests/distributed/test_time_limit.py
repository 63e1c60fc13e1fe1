"""The per-document time limit: a document over it is quarantined, its batch goes on.

The limit is measured on the coder's clock; these tests hand it a clock that ticks one
second per reading, so "slow" is decided by the number of stages passed, never by the
machine's speed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import count

import pytest

from eventscribe.config import Settings
from eventscribe.pipeline import Coder
from eventscribe.records import Article
from eventscribe.runner import CorpusOptions
from eventscribe.runner.corpus import make_job
from eventscribe.runner.work import code_batch


def ticking() -> Callable[[], float]:
    """A clock that advances one second each time it is read."""
    seconds = count()
    return lambda: float(next(seconds))


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.build(Settings())


def test_a_document_over_the_limit_is_quarantined_and_the_rest_coded(coder: Coder) -> None:
    slow = replace(coder, settings=replace(coder.settings, doc_seconds=2.5), clock=ticking())
    job = make_job(slow, CorpusOptions(), store=True, lines=False, run_id="limit")
    result = code_batch(slow, [Article("a", "Serbia condemned Kosovo on Monday.")], job, 0)
    assert result.coded == ()
    [item] = result.quarantined
    assert item.doc_id == "a"
    assert "DocumentTimeout" in item.reason and "over the limit of 2.5 s" in item.reason
    assert "--doc-seconds" in item.reason


def test_a_generous_limit_codes_everything(coder: Coder) -> None:
    patient = replace(coder, settings=replace(coder.settings, doc_seconds=60), clock=ticking())
    job = make_job(patient, CorpusOptions(), store=True, lines=False, run_id="limit")
    texts = ["Serbia condemned Kosovo on Monday.", "Rebels attacked a police station in Mali."]
    result = code_batch(patient, [Article(str(i), t) for i, t in enumerate(texts)], job, 0)
    assert [doc_id for doc_id, _ in result.coded] == ["0", "1"] and not result.quarantined
