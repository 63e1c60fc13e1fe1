"""eventscribe: political event data from news text.

An article flows through small stages (ingest -> nlp -> actors -> time -> coding ->
store); each stage is a subpackage. ``code_documents`` in :mod:`eventscribe.pipeline`
is the one library entry point that the CLI and every other front end call.

From Python (see :mod:`eventscribe.api`)::

    coder = eventscribe.load()
    coder("Serbia and Kosovo agreed on plates.", date="2022-11-24").events
    coder.pipe(records, workers=2).to_frame()
    eventscribe.open_store("events.duckdb").events(country="SRB", start="2022-11-01")
    eventscribe.read_events("events.csv")
"""

from eventscribe._lazy import lazy_names

__version__ = "0.1.0"
__all__ = ["__version__", "load", "open_store", "read_events"]

# imported on first use: ``import eventscribe`` stays cheap (no model, no DuckDB)
_LAZY = {
    "load": "eventscribe.api",
    "open_store": "eventscribe.stores",
    "read_events": "eventscribe.store.reading",
}


__getattr__ = lazy_names(__name__, _LAZY)
