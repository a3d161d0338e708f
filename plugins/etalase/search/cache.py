"""A content-addressed cache of finished search bundles.

Pagefind's output is not byte-stable: its filter chunks list values in hash
map order, so two runs on the same records differ (Pagefind issue #638; the
fragments are stable since 1.3). The build therefore keys each finished bundle
by the hash of everything that decides it (the records, Pagefind's version,
:data:`BUNDLE_VERSION`) and reuses it when nothing changed: a second build is
byte-identical and skips Pagefind (about 20 s at 10,000 products).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..outputs.artifacts import link_or_copy
from .records import LANGUAGE, SearchRecord

#: Bump when the bundle's post-processing changes (order files, browse lists, pruning, the sentinel),
#: so old entries are not reused.
BUNDLE_VERSION = 3
#: Entries kept besides the one just written.
KEEP = 2
#: ``json.dumps(…, sort_keys=True, ensure_ascii=False)``, built once.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


def pagefind_version() -> str:
    """The installed Pagefind package's version, or ``unknown``."""
    try:
        return version("pagefind")
    except PackageNotFoundError:  # pragma: no cover - pagefind is a pinned requirement
        return "unknown"


def bundle_key(records: Iterable[SearchRecord]) -> str:
    """SHA-256 of the records as Pagefind gets them, with the versions that shape the bundle."""
    digest = hashlib.sha256(f"etalase-search:{BUNDLE_VERSION}:{pagefind_version()}:{LANGUAGE}".encode())
    for record in records:
        fields = [record.url, record.content, dict(record.meta), {k: list(v) for k, v in record.filters.items()},
                  {k: str(v) for k, v in record.order.items()}]
        digest.update(_ENCODER.encode(fields).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder, hard-linking files when the file system allows it."""
    shutil.copytree(source, target, copy_function=link_or_copy)


class BundleCache:
    """Finished bundles under ``root/<key>/``; written to a temporary name and renamed into place."""

    def __init__(self, root: Path, keep: int = KEEP):
        self.root = Path(root)
        self.keep = keep

    def get(self, key: str) -> Path | None:
        """The cached bundle for ``key``, or None."""
        path = self.root / key
        return path if (path / "pagefind-entry.json").is_file() else None

    def put(self, key: str, bundle: Path) -> None:
        """Store a copy of ``bundle`` under ``key`` and drop all but the newest other entries."""
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{key}.{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        copy_tree(bundle, temporary)
        self.adopt(key, temporary)

    def adopt(self, key: str, folder: Path) -> Path:
        """Move a finished bundle (a folder inside the cache root) in under ``key``; drop old entries; its path."""
        shutil.rmtree(self.root / key, ignore_errors=True)
        os.replace(folder, self.root / key)
        others = sorted((p for p in self.root.iterdir() if p.is_dir() and p.name != key and not p.name.startswith(".")),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[self.keep:]:
            shutil.rmtree(old, ignore_errors=True)
        return self.root / key
