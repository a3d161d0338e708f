"""The image cache at file level: what it lists and how it keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

from etalase.images.cache import ImageCache, cache_key, extend_digest, extend_key, keyer


def stepwise_key(data: bytes, *parts: object) -> str:
    """The documented key: SHA-256 of the data, then a NUL and the UTF-8 ``repr`` of each part, 16 hex digits."""
    digest = hashlib.sha256(data)
    for part in parts:
        digest.update(b"\x00")
        digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()[:16]


def test_keys_are_the_documented_hash_of_data_and_parts() -> None:
    parts = ("card", 1, "10.0", ("Kopi", "Rp1", "", "", "é"))
    assert cache_key(b"photo", *parts) == stepwise_key(b"photo", *parts)
    assert cache_key(b"photo") == stepwise_key(b"photo")
    assert keyer(*parts)(b"url") == stepwise_key(b"url", *parts)
    shared = extend_digest(hashlib.sha256(b"photo"), *parts[:3])
    expected = stepwise_key(b"photo", *parts)
    assert extend_key(shared, parts[3]) == extend_key(hashlib.sha256(b"photo"), *parts) == expected


def test_cache_present_lists_only_complete_files_with_the_suffix(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "cache")
    cache.write("ab12", ".card.jpg", b"x")
    cache.write("cd34", ".qr.svg", b"y")
    assert cache.present(["ab12", "ab99", "cd34", "ef56"], ".card.jpg") == {"ab12"}
    assert cache.file("ab12", ".card.jpg") == str(cache.path("ab12", ".card.jpg"))
    assert ImageCache(tmp_path / "nothing").present(["ab12"], ".card.jpg") == set()
