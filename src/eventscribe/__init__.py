"""eventscribe: political event data from news text.

An article flows through small stages (ingest -> nlp -> actors -> time -> coding ->
store); each stage is a subpackage. ``code_documents`` in :mod:`eventscribe.pipeline`
is the one library entry point that the CLI and every other front end call.
"""

__version__ = "0.1.0"
