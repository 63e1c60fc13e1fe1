"""Start-up with the cyclic garbage collector's automatic collections paused.

Importing spaCy and building a :class:`~eventscribe.pipeline.Coder` allocate about a
million objects and make almost no cyclic garbage (a collection after the build finds
about 150 objects), yet the collections they set off took about 0.12-0.17 s of a
one-sentence run: two or three full ones among them, each traversing everything built
so far. :func:`paused_then_frozen` runs such a block without them and then freezes what
it built out of the collector's sight, so the collections of the coding that follows
do not traverse the model and the tables either. Whoever owns the process decides
whether that stays so (a worker process: it codes until it ends) or is undone when the
work is over (the CLI, whose commands a test or script may invoke and go on).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_then_frozen() -> Iterator[bool]:
    """Run the block with automatic collections off, then freeze everything alive
    (``gc.freeze()``) and restore the thresholds; yields True. Paused by a threshold of
    0, not ``gc.disable()``: spaCy's model loading (srsly) enables the collector after
    each file it reads. A caller that manages the collector itself (it is off, its
    threshold is 0, or something is frozen already) is left alone: yields False."""
    thresholds = gc.get_threshold()
    if not gc.isenabled() or not thresholds[0] or gc.get_freeze_count():
        yield False
        return
    gc.set_threshold(0)
    try:
        yield True
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)
