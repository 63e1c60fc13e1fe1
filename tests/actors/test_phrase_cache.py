"""The actor phrases' token splits, kept in the cache folder (actors/phrasecache.py):
split as the pipeline's tokenizer splits them, built once with one line on stderr,
rebuilt when unreadable, split in memory when the folder cannot be written, one folder
per set of phrases; and a tagger built from the cache finds what one built without it
finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventscribe.actors.knowledge import load_actor_knowledge
from eventscribe.actors.phrasecache import phrase_splits, pipeline_id, split_now
from eventscribe.actors.tagger import ActorTagger
from eventscribe.nlp.view import DocView

PHRASES = ["people's liberation army", "u.s.", "al-shabaab", "EU", "prime minister"]


def test_the_splits_are_the_tokenizers_and_built_once(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = phrase_splits(PHRASES, nlp.tokenizer, pipeline_id(nlp), tmp_path)
    assert "building the actor phrase cache" in capsys.readouterr().err
    assert first == [tuple(t.text for t in nlp.tokenizer(p)) for p in PHRASES]
    assert first[0] == ("people", "'s", "liberation", "army")
    again = phrase_splits(PHRASES, nlp.tokenizer, pipeline_id(nlp), tmp_path)
    assert again == first and capsys.readouterr().err == ""


def test_an_unreadable_cache_is_rebuilt_and_other_phrases_get_their_own(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    phrase_splits(PHRASES, nlp.tokenizer, pipeline_id(nlp), tmp_path)
    (folder,) = tmp_path.iterdir()
    (folder / "meta.json").write_text(json.dumps({"format": 1, "phrases": 2}), encoding="utf-8")
    capsys.readouterr()
    rebuilt = phrase_splits(PHRASES, nlp.tokenizer, pipeline_id(nlp), tmp_path)
    assert "unreadable" in capsys.readouterr().err
    assert rebuilt == split_now(PHRASES, nlp.tokenizer)
    other = phrase_splits(PHRASES[:2], nlp.tokenizer, pipeline_id(nlp), tmp_path)
    assert other == rebuilt[:2]
    assert len(list(tmp_path.iterdir())) == 2  # switching back rebuilds nothing


def test_an_unwritable_cache_folder_splits_in_memory(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    splits = phrase_splits(PHRASES, nlp.tokenizer, pipeline_id(nlp), blocked)
    assert "cannot write the actor phrase cache" in capsys.readouterr().err
    assert splits == split_now(PHRASES, nlp.tokenizer)


def test_a_tagger_built_from_the_cache_finds_the_same_actors(nlp, tmp_path: Path) -> None:
    knowledge = load_actor_knowledge()
    text = (
        "The People's Liberation Army and US officials met al-Shabaab envoys; "
        "the prime ministers of Serbia and Kosovo spoke to the Kenyan police."
    )
    doc = nlp(text)
    found = []
    for pipeline in (None, pipeline_id(nlp), pipeline_id(nlp)):  # no cache, build, read
        tagger = ActorTagger(knowledge, nlp.tokenizer, pipeline=pipeline)
        index = tagger.tag(doc, view=DocView(doc))
        found.append(sorted((i, [(a.country, a.sector) for a in actors])
                            for i, actors in index.by_head.items()))  # fmt: skip
    assert found[0] == found[1] == found[2]
    heads = {doc[i].text for i, _actors in found[0]}
    assert {"Army", "officials", "ministers", "police"} <= heads
