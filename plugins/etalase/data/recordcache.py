"""A content-addressed cache of loaded staff files, so an unchanged file is not parsed or validated again.

Each entry holds what :func:`etalase.data.loader.load_files` and the per-file
privacy check made of one file: its validated record (or none), its issues and
its privacy findings. The key is the SHA-256 of the file's bytes, its model,
its path as staff see it and :func:`code_version` (every source file of the
plugin, PyYAML's and pydantic's versions), so a change to any of them misses.
Entries are pickles under ``root/<key[:2]>/<key>.pickle``, written atomically;
a broken entry counts as a miss.

It earns its lines on rebuilds: at 10,000 products (1,037 files) loading from
it takes 0.38 s of CPU against 1.9 s parsing and validating everything
(docs/performance.md). Cross-record checks (references, unique IDs, photos)
always run again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
import yaml

from ..errors import Issue
from ..outputs.artifacts import write_bytes_atomic
from .loader import LoadedFile
from .models import RecordModel

log = logging.getLogger(__name__)

#: Bump when the entry layout changes.
ENTRY_VERSION = 2
PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def code_version() -> str:
    """A hash of every Python source file of the plugin and of the parser and validator versions."""
    digest = hashlib.sha256(f"{ENTRY_VERSION}:{yaml.__version__}:{pydantic.VERSION}".encode())
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


@dataclass
class CacheStats:
    """What one load did: files found in the cache, files parsed, entries written."""

    hits: int = 0
    parsed: int = 0
    written: int = 0


@dataclass(frozen=True)
class Entry:
    """What is kept of one file: whether it parsed, its record, its own issues and its privacy findings."""

    parsed: bool
    record: RecordModel | None
    issues: tuple[Issue, ...]
    privacy: tuple[Issue, ...]


@dataclass
class RecordCache:
    """Loaded files under ``root``, keyed by their bytes; pass it to :func:`etalase.data.loader.load_files`."""

    root: Path
    stats: CacheStats = field(default_factory=CacheStats)
    pending: list[tuple[str, LoadedFile]] = field(default_factory=list)

    def key(self, loaded: LoadedFile, model: type[RecordModel]) -> str:
        """The entry key of one file (its bytes' digest) read as ``model`` at its path."""
        text = f"{loaded.digest}\0{model.__name__}\0{loaded.shown}\0{code_version()}"
        return hashlib.sha256(text.encode()).hexdigest()

    def path(self, key: str) -> Path:
        """Where the entry ``key`` lives."""
        return self.root.joinpath(key[:2], f"{key}.pickle")

    def restore(self, loaded: LoadedFile, raw: bytes, model: type[RecordModel]) -> bool:
        """Fill ``loaded`` from the cache; False (and remember to store it later) on a miss."""
        key = self.key(loaded, model)
        try:
            entry = pickle.loads(self.path(key).read_bytes())  # noqa: S301 - our own cache folder, not user input
        except FileNotFoundError:
            entry = None
        except Exception:  # noqa: BLE001 - a broken or foreign entry is a miss, never a failed build
            log.info("%s: unreadable record cache entry, parsing again", self.path(key))
            entry = None
        if not isinstance(entry, Entry):
            self.stats.parsed += 1
            self.pending.append((key, loaded))
            return False
        loaded.record = entry.record
        loaded.issues = list(entry.issues)
        loaded.privacy = list(entry.privacy)
        loaded.raw = raw if entry.parsed else None  # kept only when a check may need to parse the file again
        loaded.cached = True
        self.stats.hits += 1
        return True

    def save(self) -> int:
        """Write an entry for every file parsed in this run (after the checks filled in privacy findings)."""
        for key, loaded in self.pending:
            parsed = loaded._document is not None
            entry = Entry(parsed, loaded.record, tuple(loaded.issues), tuple(loaded.privacy or ()))
            write_bytes_atomic(self.path(key), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
            self.stats.written += 1
        self.pending.clear()
        return self.stats.written
