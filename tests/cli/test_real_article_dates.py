"""Real articles with dates as news sites write them: every document is coded, and dated.

The texts are the GeoWebNews articles of the shared dev folder (skipped when it is not
there); each gets a publication date in one of the forms feeds and scrapes use (RFC 822
from RSS, ISO 8601 with a zone, "March 31, 2018", "31/03/2018", "Sat 31 Mar 2018" ...),
written for this test, the way the issue's corpus of 118 real articles had them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow

GWN = (
    Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev" / "gwn-places-dev.jsonl"
)
# (as written, the day it names)
WRITTEN = (
    ("Sat, 31 Mar 2018 10:04:00 GMT", date(2018, 3, 31)),
    ("2018-04-02T08:15:00+02:00", date(2018, 4, 2)),
    ("March 30, 2018", date(2018, 3, 30)),
    ("30/03/2018", date(2018, 3, 30)),
    ("Thu 29 Mar 2018", date(2018, 3, 29)),
    ("2018/03/28", date(2018, 3, 28)),
    ("28 March 2018 14:02 BST", date(2018, 3, 28)),
    ("April 1st, 2018", date(2018, 4, 1)),
    ("2018-03-27 09:30:00", date(2018, 3, 27)),
    ("Mar. 26, 2018 at 6:10 p.m. ET", date(2018, 3, 26)),
)


@pytest.mark.skipif(not GWN.is_file(), reason=f"{GWN} not found (the shared dev data)")
def test_every_real_article_with_a_free_form_date_is_coded_and_dated(tmp_path: Path) -> None:
    articles = [json.loads(line) for line in GWN.read_text(encoding="utf-8").splitlines()[:40]]
    docs = [
        {"id": a["id"], "date": WRITTEN[i % len(WRITTEN)][0], "text": a["text"]}
        for i, a in enumerate(articles)
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    store = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["code", str(source), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(store), read_only=True) as con:
        stored = dict(con.execute("SELECT doc_id, date FROM documents").fetchall())
    assert set(stored) == {d["id"] for d in docs}  # every document coded
    for i, doc in enumerate(docs):
        assert stored[doc["id"]] == WRITTEN[i % len(WRITTEN)][1], doc["date"]
