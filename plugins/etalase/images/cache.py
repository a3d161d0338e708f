"""A content-addressed file cache for derived images, kept outside the output folder.

Layout (``root`` is ``.cache/images`` by default)::

    root/<key[:2]>/<key>-<width>.webp     photo variants
    root/<key[:2]>/<key>-<width>.jpg
    root/<key[:2]>/<key>.json             manifest, written last: its presence marks a
                                          complete entry
    root/<key[:2]>/<key>.card.jpg         a social card

Every file is written with :func:`etalase.outputs.artifacts.write_bytes_atomic`, so
a reader never sees half a file and two processes that
write the same key at once both leave a complete, identical file behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..outputs.artifacts import write_bytes_atomic

log = logging.getLogger(__name__)

#: Where the cache lives unless the caller says otherwise (relative to the repo root).
DEFAULT_CACHE_DIR = Path(".cache/images")

#: Length of the hexadecimal key used in file names (64 bits).
KEY_LENGTH = 16


def cache_key(data: bytes, *parts: object) -> str:
    """Return the hex key of ``data`` plus the ``repr`` of every part (parameters, versions)."""
    return keyer(*parts)(data)


def keyer(*parts: object) -> Callable[[bytes], str]:
    """:func:`cache_key` with ``parts`` fixed and encoded once, for keying thousands of small files."""
    tail = _encoded(parts)

    def key(data: bytes) -> str:
        digest = hashlib.sha256(data)
        digest.update(tail)
        return digest.hexdigest()[:KEY_LENGTH]

    return key


def extend_key(digest, *parts: object) -> str:
    """:func:`cache_key` from the SHA-256 of the data already taken (left as it is), so one photo is hashed once."""
    return extend_digest(digest, *parts).hexdigest()[:KEY_LENGTH]


def extend_digest(digest, *parts: object):
    """A copy of ``digest`` fed with ``parts`` as :func:`cache_key` feeds them: parts shared by many keys go in once."""
    digest = digest.copy()
    digest.update(_encoded(parts))
    return digest


def _encoded(parts: tuple[object, ...]) -> bytes:
    """What a key's hash reads after the data: a NUL byte and the UTF-8 ``repr`` of each part."""
    return b"\x00".join([b"", *[repr(part).encode("utf-8") for part in parts]])


class ImageCache:
    """Files addressed by key under one root folder, written atomically."""

    def __init__(self, root: Path = DEFAULT_CACHE_DIR):
        self.root = Path(root)
        self._root = os.fspath(self.root)

    def path(self, key: str, suffix: str) -> Path:
        """Return where the file ``<key><suffix>`` lives, e.g. ``suffix="-640.webp"``."""
        return Path(self.file(key, suffix))

    def file(self, key: str, suffix: str) -> str:
        """:meth:`path` as a string, cheap enough for tens of thousands of files."""
        return f"{self._root}/{key[:2]}/{key}{suffix}"

    def present(self, keys: Iterable[str], suffix: str) -> set[str]:
        """The ``keys`` whose ``<key><suffix>`` is in the cache, listing each folder once instead of a stat per key."""
        wanted: dict[str, list[str]] = {}
        for key in keys:
            wanted.setdefault(key[:2], []).append(key)
        found: set[str] = set()
        for folder, some in wanted.items():
            try:
                names = set(os.listdir(f"{self._root}/{folder}"))
            except (FileNotFoundError, NotADirectoryError):
                continue
            found.update(key for key in some if f"{key}{suffix}" in names)
        return found

    def read(self, key: str, suffix: str) -> bytes | None:
        """Return the cached bytes, or ``None`` when the file is not there."""
        try:
            return self.path(key, suffix).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, key: str, suffix: str, data: bytes) -> Path:
        """Store ``data`` under ``<key><suffix>`` atomically and return its path."""
        target = self.path(key, suffix)
        write_bytes_atomic(target, data)
        return target

    def read_manifest(self, key: str) -> dict[str, Any] | None:
        """Return the manifest of a complete entry, or ``None`` if missing or unreadable."""
        raw = self.read(key, ".json")
        if raw is None:
            return None
        try:
            manifest = json.loads(raw)
        except ValueError:
            log.warning("%s: unreadable cache manifest, rebuilding", self.path(key, ".json"))
            return None
        return manifest if isinstance(manifest, dict) else None

    def write_manifest(self, key: str, manifest: dict[str, Any]) -> Path:
        """Store the manifest last, marking the entry complete."""
        data = json.dumps(manifest, sort_keys=True, indent=1).encode("utf-8")
        return self.write(key, ".json", data)
