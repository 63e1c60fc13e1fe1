"""The places stage (placeholder docstring, rewritten below)."""
from eventscribe.places.tagger import Place, PlaceTagger

__all__ = ["Place", "PlaceTagger"]
