"""eventscribe: political event data from news text.

An article flows through small stages (ingest -> nlp -> actors -> time -> coding ->
store); each stage is a subpackage. ``code_documents`` in :mod:`eventscribe.pipeline`
is the one library entry point that the CLI and every other front end call.
"""

__version__ = "0.1.0"


def read_events(path: str) -> object:
    """An ``eventscribe export`` file (parquet, csv, GDELT tsv, jsonl) as an Arrow table
    with every code column as text ("030" stays "030"); ``.to_pandas()`` for a DataFrame.
    See :func:`eventscribe.store.reading.read_events`."""
    from eventscribe.store.reading import read_events as read

    return read(path)
