"""The nlp stage: loading the spaCy pipeline named in the settings."""

from eventscribe.nlp.loader import load_pipeline, model_description

__all__ = ["load_pipeline", "model_description"]
