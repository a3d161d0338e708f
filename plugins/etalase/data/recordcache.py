"""A content-addressed cache of loaded staff files, so an unchanged file is not parsed or validated again.

Each entry holds what :func:`etalase.data.loader.load_files` and the per-file
privacy check made of one file: its validated record (or none), its issues and
its privacy findings. The key is the SHA-256 of the file's bytes, its model,
its path as staff see it and :func:`code_version` (every source file of the
plugin, PyYAML's and pydantic's versions), so a change to any of them misses.
Entries are pickles under ``root/<key[:2]>/<key>.pickle``, written to a
temporary file and moved into place; a broken entry counts as a miss.

Cross-record checks (references, unique IDs, photos) always run again: they
take a few tens of milliseconds at 10,000 products (see docs/performance.md).
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import logging
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pydantic
import yaml

from ..errors import Issue
from ..outputs.artifacts import write_bytes_atomic
from .loader import LoadedFile, LoadResult
from .models import Price, RecordModel, StaffModel

log = logging.getLogger(__name__)

#: Bump when the entry layout changes.
ENTRY_VERSION = 1
PACKAGE = Path(__file__).resolve().parent


@functools.cache
def code_version() -> str:
    """A hash of every Python source file of the plugin and of the parser and validator versions."""
    digest = hashlib.sha256(f"{ENTRY_VERSION}:{yaml.__version__}:{pydantic.VERSION}".encode())
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


_set = object.__setattr__


def _rebuild(cls: type, values: dict, fields_set: set, private: dict | None):
    """Recreate a pickled model without pydantic's ``__setstate__`` (a third of the load time at 10,000 products)."""
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", private)
    return model


def _reduce(model: StaffModel):
    return _rebuild, (type(model), model.__dict__, model.__pydantic_fields_set__, model.__pydantic_private__)


def _subclasses(cls: type):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


# Staff models forbid extra keys and a price ignores them, so there is never an __pydantic_extra__.
for _model in (*_subclasses(StaffModel), Price):
    copyreg.pickle(_model, _reduce)


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
    #: Processes that parse misses; with more than one, misses wait for :meth:`parse_deferred`.
    workers: int = 1
    deferred: list[tuple[LoadedFile, type[RecordModel]]] = field(default_factory=list)

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
        _fill(loaded, entry, raw)
        loaded.cached = True
        self.stats.hits += 1
        return True

    def defer(self, loaded: LoadedFile, raw: bytes, model: type[RecordModel]) -> bool:
        """Keep a miss for :meth:`parse_deferred` (True) when parsing on several cores."""
        if self.workers <= 1:
            return False
        loaded.raw = raw
        self.deferred.append((loaded, model))
        return True

    def parse_deferred(self, result: LoadResult) -> None:
        """Parse the deferred misses, in forked workers when there are many; fill their files and issues.

        Whoever parses a file also writes its entry and hands back the entry's bytes, so each record is
        pickled once, and not again in :meth:`save` (about half a second at 10,000 products). Entries are
        read back here while the workers go on with the next files.
        """
        jobs = [(loaded.path, loaded.shown, loaded.raw, model, self.path(self.key(loaded, model)))
                for loaded, model in self.deferred]
        if len(jobs) >= PARALLEL_MIN:
            chunks = [jobs[start:start + CHUNK] for start in range(0, len(jobs), CHUNK)]
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
                self._take(result, (blob for chunk in pool.map(_parse_all, chunks) for blob in chunk))
        else:
            self._take(result, _parse_all(jobs))
        written = {id(loaded) for loaded, _ in self.deferred}
        self.pending = [(key, loaded) for key, loaded in self.pending if id(loaded) not in written]
        self.stats.written += len(written)
        self.deferred.clear()

    def _take(self, result: LoadResult, blobs) -> None:
        for (loaded, _), blob in zip(self.deferred, blobs, strict=True):
            _fill(loaded, pickle.loads(blob), loaded.raw)  # noqa: S301 - made by our own worker just now
            result.issues.extend(loaded.issues)

    def save(self) -> int:
        """Write an entry for every file parsed in this run (after the checks filled in privacy findings)."""
        for key, loaded in self.pending:
            _write_entry(self.path(key), loaded._document is not None, loaded.record, loaded.issues, loaded.privacy)
            self.stats.written += 1
        self.pending.clear()
        return self.stats.written



#: Fewer misses than this are parsed in the build process.
PARALLEL_MIN = 64
CHUNK = 32


def _fill(loaded: LoadedFile, entry: Entry, raw: bytes | None) -> None:
    """Give ``loaded`` what ``entry`` kept of it; its bytes stay only if a check may need to parse them."""
    loaded.record = entry.record
    loaded.issues = list(entry.issues)
    loaded.privacy = list(entry.privacy)
    loaded.raw = raw if entry.parsed else None


def _write_entry(path: Path, parsed: bool, record: RecordModel | None, issues, privacy) -> bytes:
    entry = Entry(parsed, record, tuple(issues), tuple(privacy or ()))
    blob = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    write_bytes_atomic(path, blob)
    return blob


def _parse_all(jobs: list[tuple[Path, str, bytes, type[RecordModel], Path]]) -> list[bytes]:
    """Parse and validate files, scan them for personal data, write their entries and return the entries' bytes."""
    from .checks import privacy_issues
    from .loader import _parse

    out = []
    for path, shown, raw, model, entry_path in jobs:
        scratch = LoadResult(root=path.parent)
        loaded = LoadedFile(path, shown)
        _parse(scratch, loaded, raw, model)
        out.append(_write_entry(entry_path, loaded._document is not None, loaded.record, scratch.issues,
                                privacy_issues(loaded)))
    return out
