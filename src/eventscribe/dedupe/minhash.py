"""MinHash signatures of article text and their LSH band keys (datasketch).

A syndicated copy of a wire story shares almost all of its word 5-grams with the
original, whatever headline or byline a site puts on it. The MinHash signature of the
set of shingles estimates the Jaccard similarity of two documents; cutting it into
``b`` bands of ``r`` values (the banding datasketch's ``MinHashLSH`` chooses for the
threshold) gives keys that two documents above the threshold share with high
probability; candidates are then checked against the threshold one by one. Signatures are computed where the documents are coded (in the worker
processes) and stored with them, so finding copies later reads no text again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from eventscribe.dedupe.defaults import DEFAULT_THRESHOLD
from eventscribe.store.schema import arrow_schema

if TYPE_CHECKING:
    import pyarrow as pa

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Banding:
    """How a signature is cut into LSH bands: ``bands`` x ``rows`` values."""

    threshold: float
    bands: int
    rows: int


# False negatives (a copy never compared) cost more than false positives (a pair whose
# signatures are compared and found apart), so datasketch picks the banding with this
# weighting: at 0.8 it finds 95% of pairs right at the threshold and 99% at 0.85.
LSH_WEIGHTS = (0.05, 0.95)


@lru_cache(maxsize=8)
def banding(threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> Banding:
    """datasketch's optimal (b, r) for ``threshold``, favouring recall (see LSH_WEIGHTS)."""
    from datasketch import MinHashLSH  # imported when needed: it takes half a second

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
    return Banding(threshold, lsh.b, lsh.r)


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """Lower-cased word ``size``-grams of ``text`` (the whole text if it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


def signatures(texts: Sequence[str], num_perm: int = NUM_PERM) -> list[np.ndarray]:
    """One uint64 MinHash signature per text (the permutations are built once per call)."""
    if not texts:
        return []
    from datasketch import MinHash  # imported when needed: it takes half a second

    hashes = MinHash.bulk([shingles(t) for t in texts], num_perm=num_perm, seed=SEED)
    return [np.asarray(h.hashvalues, dtype=np.uint64) for h in hashes]


def band_keys(signature: np.ndarray, layout: Banding) -> list[int]:
    """A signed 64-bit key per band (band i hashes signature values i*r .. i*r+r-1)."""
    keys = []
    for band in range(layout.bands):
        chunk = signature[band * layout.rows : (band + 1) * layout.rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    left, right = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.count_nonzero(left == right)) / len(left)


def minhash_tables(
    doc_ids: Sequence[str], texts: Sequence[str], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, pa.Table]:
    """The ``doc_minhash`` and ``doc_bands`` rows for a batch of documents."""
    import pyarrow as pa

    layout = banding(threshold)
    sigs = signatures(texts)
    bands: dict[str, list[Any]] = {"doc_id": [], "band": [], "key": []}
    for doc_id, sig in zip(doc_ids, sigs, strict=True):
        for index, key in enumerate(band_keys(sig, layout)):
            bands["doc_id"].append(doc_id)
            bands["band"].append(index)
            bands["key"].append(key)
    minhash = {"doc_id": list(doc_ids), "signature": [s.tobytes() for s in sigs]}
    return {
        "doc_minhash": pa.Table.from_pydict(minhash, schema=arrow_schema("doc_minhash")),
        "doc_bands": pa.Table.from_pydict(bands, schema=arrow_schema("doc_bands")),
    }
