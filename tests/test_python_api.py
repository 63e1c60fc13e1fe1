"""The README's Python example runs, and its DataFrame holds the CLI's events for the
example article; pipe with two workers gives the same as one; open_store filters."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventscribe
from eventscribe.cli import main

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO.parent / "shared" / "examples" / "kosovo-serbia-2023-02-02.txt"


@pytest.fixture(scope="module")
def readme_run() -> dict:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} not found")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- python-example[^>]*-->\n```python\n(.*?)```", readme, re.DOTALL).group(
        1
    )
    scope = {"EXAMPLE_TEXT": str(EXAMPLE)}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - the README's own example
    return scope


def test_the_readme_example_gives_the_clis_events(readme_run: dict, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    text = EXAMPLE.read_text(encoding="utf-8")
    docs.write_text(
        json.dumps({"id": "kosovo-serbia", "date": "2023-02-02", "text": text}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert (
        CliRunner()
        .invoke(main, ["code", str(docs), "--format", "jsonl", "-o", str(out), "-q"])
        .exit_code
        == 0
    )
    cli_events = json.loads(out.read_text(encoding="utf-8"))["events"]
    frame = readme_run["frame"]
    assert list(frame["event_id"]) == [e["id"] for e in cli_events]
    assert list(frame["plover_type"]) == [e["type"] for e in cli_events]
    assert list(frame["cameo_code"]) == [e["cameo"] for e in cli_events]
    countries = [c if isinstance(c, str) else None for c in frame["source_country"]]  # NaN for None
    assert countries == [(e["source"] or {}).get("country") for e in cli_events]
    assert [e.event_id for e in readme_run["article"].events] == [e["id"] for e in cli_events]


def test_pipe_with_two_workers_codes_the_same_as_one(readme_run: dict) -> None:
    coder = readme_run["coder"]
    records = [
        {"id": "a", "text": "Russia attacked Ukraine.", "date": "2023-01-02"},
        "France criticised Iran.",
    ]
    one, two = coder.pipe(records).to_records(), coder.pipe(records, workers=2).to_records()
    assert one == two and [r["plover_type"] for r in one] == ["ASSAULT", "ACCUSE"]


def test_open_store_reads_events_with_filters(readme_run: dict, tmp_path: Path) -> None:
    docs = tmp_path / "d.jsonl"
    docs.write_text(json.dumps({"id": "k", "date": "2023-02-02", "text": EXAMPLE.read_text(encoding="utf-8")}) + "\n",
                    encoding="utf-8")  # fmt: skip
    store = tmp_path / "s.duckdb"
    assert CliRunner().invoke(main, ["code", str(docs), "--store", str(store), "-q"]).exit_code == 0
    with eventscribe.open_store(store) as opened:
        everything = opened.events()
        serbia = opened.events(country="SRB", start="2022-11-01")
    assert len(serbia) and len(serbia) < len(everything)
    assert all(
        d >= "2022-11-01" for d in serbia["event_date"].fillna(serbia["doc_date"].astype(str))
    )
