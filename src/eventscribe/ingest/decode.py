"""UTF-8 decoding that reports where a file is broken, in bytes and lines.

Offsets downstream are into the decoded text, so decoding must be strict: a bad byte is
reported (file, byte offset) instead of being replaced silently. A leading UTF-8 byte
order mark is accepted and stripped, because editors on Windows add it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

BOM = "\ufeff"
_LONE_CR = re.compile(rb"\r(?!\n)")
CHUNK_BYTES = 1 << 20
FIX = "save the file as UTF-8"


class BadUtf8(Exception):
    """The bytes at ``offset`` (from the start of the file) are not valid UTF-8."""

    def __init__(self, offset: int) -> None:
        self.offset = offset
        super().__init__(bad_utf8_reason(offset))


def bad_utf8_reason(offset: int) -> str:
    """The one-line reason shown to the user for a decoding error at ``offset``."""
    return f"not valid UTF-8 at byte {offset} ({FIX})"


def iter_decoded_chunks(stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """Decode ``stream`` piece by piece (constant memory), stripping a leading BOM.

    Raises :class:`BadUtf8` with the absolute byte offset of the first bad byte. A
    multi-byte character split across two reads is carried over, not reported.
    """
    pending = b""
    base = 0  # file offset of pending[0]
    first = True
    while True:
        chunk = stream.read(chunk_bytes)
        final = not chunk
        buf = pending + chunk
        try:
            text = buf.decode("utf-8")
            pending = b""
        except UnicodeDecodeError as exc:
            truncated = exc.end == len(buf) and "unexpected end" in exc.reason
            if final or not truncated:
                raise BadUtf8(base + exc.start) from None
            text = buf[: exc.start].decode("utf-8")
            pending = buf[exc.start :]
        base += len(buf) - len(pending)
        if first and text:
            text = text.removeprefix(BOM)
            first = False
        if text:
            yield text
        if final:
            return


def _split_lone_cr(stream: BinaryIO) -> Iterator[bytes]:
    """The stream's ``\n``-terminated lines, each also cut after a ``\r`` not followed
    by ``\n`` (each piece keeps its line end)."""
    for raw in stream:
        if b"\r" not in raw:
            yield raw
            continue
        yield from _cut_after_lone_cr(raw)


def _cut_after_lone_cr(raw: bytes) -> Iterator[bytes]:
    start = 0
    for found in _LONE_CR.finditer(raw):
        yield raw[start : found.end()]
        start = found.end()
    if start < len(raw):
        yield raw[start:]


@dataclass(frozen=True)
class Line:
    """One physical line of a file: 1-based number, decoded text or the decoding error."""

    number: int
    text: str
    error: BadUtf8 | None = None


def iter_lines(
    stream: BinaryIO, *, replace_errors: bool = False, encoding: str = "utf-8"
) -> Iterator[Line]:
    """Yield the lines of ``stream`` one at a time, each with its line number.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files), never at
    U+2028 (legal inside JSON strings). A line with bad UTF-8 carries ``error``; its
    ``text`` is empty, or decoded with U+FFFD replacements when ``replace_errors`` is
    set (the CSV reader needs the line to keep its record boundaries right, then
    reports the record). ``encoding`` decodes a file known to be in another encoding.
    """
    offset = 0
    for number, raw in enumerate(_split_lone_cr(stream), start=1):
        error = None
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            error = BadUtf8(offset + exc.start)
            text = raw.decode(encoding, errors="replace") if replace_errors else ""
        if number == 1:
            text = text.removeprefix(BOM)
        offset += len(raw)
        yield Line(number, text, error)


class UnknownEncoding(Exception):
    """The bytes are not UTF-8 and no other encoding reads them."""


def decode_other(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``data`` (known not to be UTF-8) decoded as ``encoding``, or as the encoding
    charset-normalizer finds (offline, deterministic); (text, encoding name).

    Raises :class:`UnknownEncoding` when neither reads the bytes."""
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnknownEncoding(
                f"not readable as {encoding} ({exc.__class__.__name__})"
            ) from None
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise UnknownEncoding(
            "neither UTF-8 nor any encoding charset-normalizer knows (pass --encoding)"
        )
    # Short texts fit many code pages equally well; among the best fits, prefer the one
    # news sites used most (Windows-1252, a superset of Latin-1) when it reads the same.
    chaos = min(m.chaos for m in matches)
    fits = [m for m in matches if m.chaos == chaos]
    coherence = max(m.coherence for m in fits)
    fits = [m for m in fits if m.coherence == coherence]
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and any(str(m) == western for m in fits):
        return western.removeprefix(BOM), "cp1252"
    return str(fits[0]).removeprefix(BOM), str(fits[0].encoding)


def encoding_warning(encoding: str) -> str:
    """The warning for a document read in an encoding other than UTF-8."""
    return f"not UTF-8: read as {encoding} (pass --encoding to choose)"


def sniff_encoding(
    stream: BinaryIO, encoding: str | None, sample_bytes: int = 1 << 16
) -> tuple[str, tuple[str, ...]]:
    """The encoding to read a line-based file in, and the warning when it is not UTF-8
    by detection: ``encoding`` if given, UTF-8 if the first ``sample_bytes`` are UTF-8,
    else what charset-normalizer finds in them (UTF-8 again if it finds nothing, so the
    bad lines are reported). Leaves the stream at its start."""
    if encoding is not None:
        return encoding, ()
    sample = stream.read(sample_bytes)
    stream.seek(0)
    try:
        sample.decode("utf-8")
        return "utf-8", ()
    except UnicodeDecodeError as exc:
        if exc.end >= len(sample) - 3 and "unexpected end" in exc.reason:
            return "utf-8", ()  # a character cut by the sample's end
    try:
        used = decode_other(sample)[1]
    except UnknownEncoding:
        return "utf-8", ()
    return used, (encoding_warning(used),)
