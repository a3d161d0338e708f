"""The CBOR that Pagefind 1.5.2 writes, both ways, fast enough for every index chunk of 50,000 products.

The subset: unsigned and negative integers, byte and text strings, arrays,
maps, false/true/null, definite lengths only, shortest heads. ``decode(encode(v))
== v`` and ``encode(decode(b)) == b`` for every file of a Pagefind bundle
(``tests/test_search_index.py``). Index chunks hold millions of small integers,
so both directions take small integers and short arrays without a call each.
"""

from __future__ import annotations

import struct

from ..errors import SearchError

_SIMPLE = {0xF4: False, 0xF5: True, 0xF6: None}
_SIMPLE_BYTES = {False: 0xF4, True: 0xF5, None: 0xF6}
_SIZES = ((1 << 8, 24, ">B"), (1 << 16, 25, ">H"), (1 << 32, 26, ">I"), (1 << 64, 27, ">Q"))


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes((major << 5 | value,))
    for limit, code, size in _SIZES:
        if value < limit:
            return bytes((major << 5 | code,)) + struct.pack(size, value)
    raise SearchError(f"CBOR integer too large: {value}")


def encode(value: object) -> bytes:
    """CBOR of ``value`` (shortest heads, definite lengths), as Pagefind writes it."""
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _encode(value: object, out: bytearray) -> None:
    kind = type(value)
    if kind is int:
        if 0 <= value < 24:
            out.append(value)
        elif -24 <= value < 0:
            out.append(0x1F - value)  # 0x20 | (-1 - value)
        else:
            out += _head(0, value) if value >= 0 else _head(1, -1 - value)
    elif kind is list:
        out += _head(4, len(value))
        for item in value:
            if type(item) is int and 0 <= item < 24:
                out.append(item)
            else:
                _encode(item, out)
    elif kind is str:
        data = value.encode("utf-8")
        out += _head(3, len(data))
        out += data
    elif value is None or kind is bool:
        out.append(_SIMPLE_BYTES[value])
    elif kind is bytes:
        out += _head(2, len(value))
        out += value
    elif kind is dict:
        out += _head(5, len(value))
        for key, item in value.items():
            _encode(key, out)
            _encode(item, out)
    else:
        raise SearchError(f"cannot encode {kind.__name__} as CBOR")


def decode(data: bytes) -> object:
    """The value of one CBOR item filling ``data``."""
    value, end = _item(data, 0)
    if end != len(data):
        raise SearchError(f"CBOR: {len(data) - end} byte(s) after the value")
    return value


def _length(data: bytes, at: int, info: int) -> tuple[int, int]:
    """The argument of a head whose low bits are ``info``, read from ``at``; and where the item goes on."""
    if info < 24:
        return info, at
    if info <= 27:
        size = 1 << (info - 24)
        return int.from_bytes(data[at:at + size], "big"), at + size
    raise SearchError("CBOR: indefinite lengths are not supported")


def _item(data: bytes, at: int) -> tuple[object, int]:
    first = data[at]
    major = first >> 5
    if major == 7:
        if first not in _SIMPLE:
            raise SearchError(f"CBOR: unsupported simple value {first & 31}")
        return _SIMPLE[first], at + 1
    length, at = _length(data, at + 1, first & 31)
    if major == 0:
        return length, at
    if major == 1:
        return -1 - length, at
    if major == 2:
        return data[at:at + length], at + length
    if major == 3:
        return data[at:at + length].decode("utf-8"), at + length
    if major == 4:
        return _array(data, at, length)
    if major == 5:
        mapping = {}
        for _ in range(length):
            key, at = _item(data, at)
            mapping[key], at = _item(data, at)
        return mapping, at
    raise SearchError(f"CBOR: unsupported major type {major}")  # pragma: no cover - 3 bits hold 0-7


def _array(data: bytes, at: int, length: int) -> tuple[list, int]:
    """An array's items from ``at``: small integers (one byte) read in place, the rest through ``_item``."""
    items = []
    append = items.append
    for _ in range(length):
        first = data[at]
        if first < 24:
            append(first)
            at += 1
        elif 0x20 <= first < 0x38:
            append(0x1F - first)
            at += 1
        else:
            item, at = _item(data, at)
            append(item)
    return items, at
