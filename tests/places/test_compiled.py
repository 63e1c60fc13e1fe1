"""The compiled gazetteer cache: built once, opened memory-mapped, answering as the
gazetteer it was built from; missing, stale or unreadable caches are rebuilt with one
line on stderr, and an unwritable cache folder never stops a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventscribe.places.compiled import CompiledGazetteer, open_gazetteer
from eventscribe.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry, Gazetteer, fold


def _small() -> Gazetteer:
    gaz = Gazetteer()
    number = gaz.add(
        Entry("Ruritania", "RUR", 1.0, 2.0, None, "country", 1000), {"Ruritania": PRIMARY}
    )
    gaz.add_name(fold("Ruritanian Republic"), number, ALIAS)
    gaz.add_city(("Strelsau", "RUR", 1.5, 2.5, 4242, 90000, "01"), ["Strelsaú", "Zenda"])
    gaz.add_city(("Zenda", "RUR", 1.7, 2.7, 4343, 8000, "02"), [])
    return gaz


class _Builds:
    """A build function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> Gazetteer:
        self.calls += 1
        return _small()


NAMES = ("Ruritania", "RURITANIAN REPUBLIC", "Strelsau", "strelsau", "Zenda", "Graustark")


def test_a_missing_cache_is_built_once_and_answers_as_the_gazetteer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = _Builds()
    first = open_gazetteer(500, 15000, build, root=tmp_path)
    assert isinstance(first, CompiledGazetteer) and build.calls == 1
    assert "building the place gazetteer cache" in capsys.readouterr().err
    again = open_gazetteer(500, 15000, build, root=tmp_path)
    assert build.calls == 1 and capsys.readouterr().err == ""  # opened, not rebuilt
    reference = _small()
    for name in NAMES:
        assert again.lookup(name) == reference.lookup(name), name
    assert [(e.name, how) for e, how in again.lookup("Zenda")] == [
        ("Strelsau", ALTERNATE),
        ("Zenda", PRIMARY),
    ]
    assert again.lookup("Ruritania")[0][0].geonameid is None  # no GeoNames id stays None


def test_a_stale_cache_is_not_used_and_is_removed(tmp_path: Path) -> None:
    build = _Builds()
    open_gazetteer(500, 15000, build, root=tmp_path)
    (first,) = tmp_path.glob("gazetteer-*")
    open_gazetteer(500, 5000, build, root=tmp_path)  # other sources, other key
    assert build.calls == 2
    (second,) = tmp_path.glob("gazetteer-*")  # the stale folder does not pile up
    assert second != first


def test_an_unreadable_cache_is_rebuilt_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = _Builds()
    open_gazetteer(500, 15000, build, root=tmp_path)
    (folder,) = tmp_path.glob("gazetteer-*")
    (folder / "codes.npy").write_bytes(b"not numpy")
    capsys.readouterr()
    rebuilt = open_gazetteer(500, 15000, build, root=tmp_path)
    err = capsys.readouterr().err
    assert build.calls == 2 and err.count("\n") == 1 and "unreadable" in err
    assert [e.name for e, _ in rebuilt.lookup("Strelsau")] == ["Strelsau"]


def test_an_unwritable_cache_folder_codes_from_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    gaz = open_gazetteer(500, 15000, _Builds(), root=blocker / "cache")
    assert isinstance(gaz, Gazetteer)  # built in memory, used as it is
    assert "cannot write the gazetteer cache" in capsys.readouterr().err
    assert [e.name for e, _ in gaz.lookup("Zenda")] == ["Strelsau", "Zenda"]


@pytest.mark.slow
def test_the_bundled_gazetteer_compiles_to_the_same_answers(tmp_path: Path) -> None:
    loaded = Gazetteer.load()
    compiled = open_gazetteer(500, 5000, lambda: loaded, root=tmp_path)
    names = list(loaded.index)[::101] + ["Beirut", "BEIRUT", "Washington", "Serbian", "Mass."]
    assert all(compiled.lookup(n) == loaded.lookup(n) for n in names)
