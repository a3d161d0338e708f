"""A content-addressed cache of finished search bundles.

Pagefind's output is not byte-stable: its filter chunks list values in hash
map order, so two runs on the same records differ (Pagefind issue #638; the
fragments are stable since 1.3). The build therefore keys each finished bundle
by the hash of everything that decides it (the records, Pagefind's version,
:data:`BUNDLE_VERSION`) and reuses it when nothing changed: a second build is
byte-identical and skips Pagefind (about 20 s at 10,000 products). Each shard
of the index (:mod:`etalase.search.shards`) and the browse lists are entries
of their own, so one edit rebuilds one shard.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..outputs.artifacts import link_or_copy, write_bytes_atomic
from .records import LANGUAGE, SearchRecord

#: Bump when the bundle's post-processing changes (order files, browse lists, pruning, the sentinel),
#: so old entries are not reused.
BUNDLE_VERSION = 6
#: Entries kept besides the ones a build uses: this many times as many (about two builds' worth).
KEEP = 2
#: An entry's list of its files and their hashes, written last.
FILES = ".files.json"


def pagefind_version() -> str:
    """The installed Pagefind package's version, or ``unknown``."""
    try:
        return version("pagefind")
    except PackageNotFoundError:  # pragma: no cover - pagefind is a pinned requirement
        return "unknown"


def bundle_key(records: Iterable[SearchRecord]) -> str:
    """SHA-256 of the records as Pagefind gets them (each one's :attr:`~.records.SearchRecord.digest`), with the
    versions that shape the bundle."""
    digest = hashlib.sha256(f"etalase-search:{BUNDLE_VERSION}:{pagefind_version()}:{LANGUAGE}".encode())
    for record in records:
        digest.update(record.digest)
    return digest.hexdigest()


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder, hard-linking files when the file system allows it."""
    shutil.copytree(source, target, copy_function=link_or_copy)


def listed_files(folder: Path) -> list[list[str]]:
    """``[path in the folder, SHA-256 of its bytes]`` of every file of ``folder`` but dot files, sorted."""
    root = os.fspath(folder)
    found = []
    for here, _, names in os.walk(root):
        rel = os.path.relpath(here, root).replace(os.sep, "/")
        for name in names:
            if name.startswith("."):
                continue
            with open(os.path.join(here, name), "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
            found.append([name if rel == "." else f"{rel}/{name}", digest])
    return sorted(found)


class BundleCache:
    """Finished bundles (shards, the lists) under ``root/<key>/``, each with the list of its files and hashes.

    An entry is complete once its list (:data:`FILES`) is there: it is written last, and the folder is renamed
    into place, so a killed build leaves no entry that looks whole.
    """

    def __init__(self, root: Path, keep: int = KEEP):
        self.root = Path(root)
        self.keep = keep

    def get(self, key: str) -> Path | None:
        """The cached entry for ``key`` (marked as just used), or None."""
        path = self.root / key
        if not (path / FILES).is_file():
            return None
        os.utime(path)
        return path

    def files(self, key: str) -> list[list[str]]:
        """``[path, SHA-256]`` of every file of the entry ``key``."""
        return json.loads((self.root / key / FILES).read_bytes())

    def put(self, key: str, bundle: Path) -> Path:
        """Store a copy of ``bundle`` under ``key``; its path."""
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{key}.{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        copy_tree(bundle, temporary)
        return self.adopt(key, temporary)

    def adopt(self, key: str, folder: Path) -> Path:
        """Move a finished folder (inside the cache root) in under ``key``, with its file list; its path."""
        write_bytes_atomic(folder / FILES, json.dumps(listed_files(folder)).encode())
        shutil.rmtree(self.root / key, ignore_errors=True)
        os.replace(folder, self.root / key)
        return self.root / key

    def prune(self, used: Iterable[str]) -> None:
        """Drop the entries not in ``used`` beyond the ``keep`` times as many most recently used."""
        used = set(used)
        others = sorted((p for p in self.root.iterdir() if p.is_dir() and p.name not in used
                         and not p.name.startswith(".")), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[self.keep * len(used):]:
            shutil.rmtree(old, ignore_errors=True)
