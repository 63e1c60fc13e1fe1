"""Ingest: read news documents from text, JSON Lines, CSV, HTML and WARC files.

``read_inputs(paths)`` is the entry point; the per-format readers
(:func:`~eventscribe.ingest.text.read_text_file`, :func:`~eventscribe.ingest.jsonl.read_jsonl`,
:func:`~eventscribe.ingest.tabular.read_csv`, :func:`~eventscribe.ingest.html.read_html`)
can also be used on their own. Nothing here raises on bad input data: each skipped
document or line comes out as an :class:`~eventscribe.records.InputProblem`.
"""

from eventscribe.ingest.html import read_html
from eventscribe.ingest.inputs import read_inputs
from eventscribe.ingest.jsonl import read_jsonl
from eventscribe.ingest.tabular import read_csv
from eventscribe.ingest.text import parse_dateline, read_text_file
from eventscribe.ingest.warc import read_warc

__all__ = [
    "parse_dateline",
    "read_csv",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_text_file",
    "read_warc",
]
