"""Pagefind 1.5.2's index chunks (``pagefind/index/*.pf_index``) read into postings and written back.

A chunk is CBOR ``[[[word, [[page delta, locs, meta locs?], …], variants?], …]]``
(``pagefind_web/src/index.rs``): page numbers delta-coded, ``locs`` the word's
positions on the page, each run after a weight marker (``-(weight + 1)``)
delta-coded from 0, ``meta locs`` the same per metadata field (``-(field + 1)``
switches field). A posting here is ``(page, [(weight, position), …], [field,
…])`` with absolute numbers. Index chunks of 50,000 products hold millions of
small integers, so this reads and writes the bytes directly rather than through
:mod:`etalase.search.cbor`'s general values (several times faster).
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence

from ..errors import SearchError

#: Pagefind's weight of a position before any weight marker.
DEFAULT_WEIGHT = 25

Posting = tuple[int, list[tuple[int, int]], list[int]]


def _argument(data: bytes, at: int) -> tuple[int, int, int]:
    """The major type and argument of the CBOR head at ``at``; and where its content starts."""
    first = data[at]
    info = first & 31
    if info < 24:
        return first >> 5, info, at + 1
    if info <= 27:
        size = 1 << (info - 24)
        return first >> 5, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size
    raise SearchError("index chunk: indefinite lengths are not supported")


def _number(data: bytes, at: int) -> tuple[int, int]:
    """A CBOR integer (either sign) at ``at``; and where the next item starts."""
    major, value, at = _argument(data, at)
    if major > 1:
        raise SearchError(f"index chunk: expected an integer at byte {at}")
    return (value if major == 0 else -1 - value), at


def _head(data: bytes, at: int, major: int) -> tuple[int, int]:
    """The length of the array (4) or text (3) whose head is at ``at``; and where its content starts."""
    found, value, after = _argument(data, at)
    if found != major:
        raise SearchError(f"index chunk: expected CBOR major type {major} at byte {at}")
    return value, after


def _small(data: bytes, at: int) -> tuple[int, int]:
    """An integer whose head is usually one byte (0 to 23, -1 to -24), read in place then."""
    first = data[at]
    if first < 24:
        return first, at + 1
    if 0x20 <= first < 0x38:
        return 0x1F - first, at + 1
    return _number(data, at)


def _count(data: bytes, at: int) -> tuple[int, int]:
    """An array's length; its head is usually one byte."""
    first = data[at]
    if 0x80 <= first < 0x98:
        return first - 0x80, at + 1
    return _head(data, at, 4)


def _located(data: bytes, at: int) -> tuple[list[tuple[int, int]], int]:
    """A page's locs as ``(weight, position)``: after a weight marker, the first is absolute, the rest deltas."""
    count, at = _count(data, at)
    weight, position, located = DEFAULT_WEIGHT, 0, []
    for _ in range(count):
        loc, at = _small(data, at)
        if loc < 0:
            weight, position = min(-loc - 1, 255), 0
        else:
            position += loc
            located.append((weight, position))
    return located, at


def _fields(data: bytes, at: int) -> tuple[list[int], int]:
    """The metadata fields a page's meta locs name (a search uses only which)."""
    count, at = _count(data, at)
    fields, field = [], 0
    for _ in range(count):
        loc, at = _small(data, at)
        if loc < 0:
            field = -loc - 1
        elif field not in fields:
            fields.append(field)
    return fields, at


def read_chunk(data: bytes) -> list[tuple[str, list[Posting]]]:
    """The words of one decompressed index chunk (signature removed) with their postings."""
    if data[0] != 0x81:
        raise SearchError("index chunk: expected a one-item array")
    count, at = _head(data, 1, 4)
    words = []
    for _ in range(count):
        parts, at = _count(data, at)
        size, at = _head(data, at, 3)
        word, at = data[at:at + size].decode("utf-8"), at + size
        pages, at = _head(data, at, 4)
        postings, page = [], 0
        for _ in range(pages):
            items, at = _count(data, at)
            delta, at = _small(data, at)
            located, at = _located(data, at)
            fields, at = _fields(data, at) if items > 2 else ([], at)
            page += delta
            postings.append((page, located, fields))
        if parts > 2:
            variants, at = _head(data, at, 4)
            if variants:
                raise SearchError(f"index chunk: {word!r} has diacritic variants, which this site never indexes")
        words.append((word, postings))
    if at != len(data):
        raise SearchError("index chunk: bytes after the words")
    return words


def _put(out: bytearray, value: int) -> None:
    """A CBOR integer, shortest head."""
    if 0 <= value < 24:
        out.append(value)
        return
    major, value = (0, value) if value >= 0 else (1, -1 - value)
    if value < 24:
        out.append(major << 5 | value)
    elif value < 1 << 8:
        out += bytes((major << 5 | 24, value))
    elif value < 1 << 16:
        out.append(major << 5 | 25)
        out += struct.pack(">H", value)
    else:
        out.append(major << 5 | 26)
        out += struct.pack(">I", value)


def write_chunk(words: Sequence[tuple[str, list[Posting]]],
                place: Callable[[int], Mapping[int, int]]) -> bytes:
    """CBOR of ``words`` (postings sorted by page, pages delta-coded), each position relabelled by its page's
    ``place(page)``; empty metadata locations and variants left out (Pagefind reads both as absent)."""
    out = bytearray([0x81])
    _length(out, 4, len(words))
    for word, postings in words:
        encoded = word.encode("utf-8")
        out.append(0x82)
        _length(out, 3, len(encoded))
        out += encoded
        _length(out, 4, len(postings))
        last = 0
        for page, located, fields in sorted(postings, key=lambda posting: posting[0]):
            out.append(0x83 if fields else 0x82)
            _put(out, page - last)
            last = page
            _locs(out, located, place(page))
            if fields:
                _length(out, 4, 2 * len(fields))
                for field in fields:
                    _put(out, -(field + 1))
                    out.append(0)
    return bytes(out)


def _locs(out: bytearray, located: list[tuple[int, int]], place: Mapping[int, int]) -> None:
    """A page's locs: per weight (in order of first use) the marker, then the relabelled positions delta-coded."""
    weights = list(dict.fromkeys(weight for weight, _ in located))
    _length(out, 4, len(located) + len(weights))
    if len(weights) == 1:
        _put(out, -(weights[0] + 1))
        before = 0
        for position in sorted(place[p] for _, p in located):
            _put(out, position - before)
            before = position
        return
    for weight in weights:
        _put(out, -(weight + 1))
        before = 0
        for position in sorted(place[p] for w, p in located if w == weight):
            _put(out, position - before)
            before = position


def _length(out: bytearray, major: int, length: int) -> None:
    """An array or text head."""
    start = len(out)
    _put(out, length)
    out[start] |= major << 5
