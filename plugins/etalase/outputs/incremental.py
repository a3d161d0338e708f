"""Incremental builds: remember what the last build wrote, and write only what changed.

The *build state* (:class:`BuildState`) maps every file the catalogue
generator produced to a *key*: the fingerprint of a page's inputs
(:mod:`etalase.site.fingerprint`), the cache file a photo, card or QR code was linked
from, or the SHA-256 of an artifact's bytes. It is kept in the cache folder,
one pickle per output folder, and only trusted while that output folder is the
very folder it describes (same device and inode, so a swapped-in or deleted
output starts afresh).

:class:`OutputWriter` writes into ``target`` (the folder Pelican writes to: the
fresh staging folder of :mod:`etalase.build`, or the output itself for a plain
``pelican`` run) and consults ``previous`` (the live output): a file whose key
did not change and that ``previous`` still has is neither rendered nor
written, and a file whose bytes did not change is not written either, so its
mtime stays and a deploy uploads only what changed. :func:`commit` then moves
the staged files into the live output and deletes the files no longer produced.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .artifacts import target_of, write_bytes_atomic

log = logging.getLogger(__name__)

#: Bump when the state's layout or the meaning of its keys changes.
STATE_VERSION = 4


def folder_id(path: Path) -> tuple[int, int] | None:
    """``(device, inode)`` of a folder, or None when it does not exist."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


def state_file(cache_root: Path, output: Path) -> Path:
    """Where the state of ``output`` lives inside the cache folder."""
    name = hashlib.sha256(str(Path(output).resolve()).encode()).hexdigest()[:16]
    return Path(cache_root) / f"{name}.pickle"


@dataclass
class BuildState:
    """What the catalogue generator produced in one build: output path -> key."""

    files: dict[str, str] = field(default_factory=dict)
    folder: tuple[int, int] | None = None
    version: int = STATE_VERSION
    #: Outputs made together from the whole catalogue (artifacts, search): name -> (key of their inputs, files).
    groups: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: :func:`etalase.site.fingerprint.inputs_digest` of the build, and what Pelican's own pages need from the
    #: catalogue (the programme, a sharing object) when the next build finds nothing changed and loads nothing.
    inputs: str = ""
    shared_context: dict = field(default_factory=dict)
    #: The day the build was "as of" and where it came from (:class:`etalase.settings.Today`), and the notices
    #: for staff (scaffold placeholders) it found: a build that finds nothing changed shows them again.
    today: object = None
    notices: list = field(default_factory=list)

    @classmethod
    def load(cls, cache_root: Path, output: Path) -> BuildState:
        """The state of ``output``; empty when missing, unreadable or describing another folder."""
        try:
            state = pickle.loads(state_file(cache_root, output).read_bytes())  # noqa: S301 - our own cache
        except FileNotFoundError:
            return cls()
        except Exception:  # noqa: BLE001 - a broken state means a full build, never a failed one
            log.info("%s: unreadable build state, building everything", state_file(cache_root, output))
            return cls()
        if not isinstance(state, cls) or state.version != STATE_VERSION or state.folder != folder_id(output):
            return cls()
        return state

    def save(self, cache_root: Path, output: Path) -> None:
        """Store the state of ``output`` as it is now (bound to the folder's identity)."""
        self.folder = folder_id(output)
        state_path = state_file(cache_root, output)
        state_path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(state_path, pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))


@dataclass
class WriteStats:
    """What an :class:`OutputWriter` did: files skipped by key, unchanged bytes, written, linked."""

    skipped: int = 0
    unchanged: int = 0
    written: int = 0
    linked: int = 0


class OutputWriter:
    """Writes the generator's files into ``target``, skipping what ``previous`` already has."""

    def __init__(self, target: Path, previous: Path | None, state: BuildState):
        self.target = Path(target)
        self.previous = Path(previous) if previous is not None else None
        self.old = state
        self.new = BuildState()
        self.stats = WriteStats()
        #: Files written or linked into ``target`` that differ from ``previous`` (commit need not compare them).
        self.changed: list[str] = []
        self.folders: set[str] = set()
        # Tens of thousands of files are checked per build: join plain strings, not Paths.
        self._target = os.path.join(self.target, "")
        self._previous = os.path.join(self.previous, "") if self.previous is not None else None
        self._in_place: bool | None = None

    @property
    def in_place(self) -> bool:
        """Whether the target is the previous output itself (a plain ``pelican`` run)."""
        if self._in_place is None:
            self._in_place = self.previous is not None and self.previous.resolve() == self.target.resolve()
        return self._in_place

    def has(self, rel: str) -> bool:
        """Whether the previous output has the file ``rel`` (a relative POSIX path)."""
        return self._previous is not None and os.path.isfile(self._previous + rel)

    def fresh(self, rel: str, key: str) -> bool:
        """Record ``rel`` as produced with ``key``; True when the previous output has it with that key already."""
        self.new.files[rel] = key
        if self._previous is None or self.old.files.get(rel) != key or not self.has(rel):
            return False
        self.stats.skipped += 1
        return True

    def write(self, rel: str, data: bytes, key: str | None = None) -> bool:
        """Write one file unless its key or its bytes did not change; return whether it was written."""
        if self.fresh(rel, key or hashlib.sha256(data).hexdigest()):
            return False
        return self.put(rel, data)

    def put(self, rel: str, data: bytes) -> bool:
        """Write one file (already checked with :meth:`fresh`) unless the previous output has the same bytes."""
        if self.in_place:  # a plain ``pelican`` run into the live output: compare, then replace atomically
            if not write_bytes_atomic(target_of(self.target, rel), data):
                self.stats.unchanged += 1
                return False
        elif self._previous is not None and _same_bytes(self._previous + rel, data):
            self.stats.unchanged += 1
            return False
        else:  # a fresh staging folder, put in place only when the whole build succeeds: a plain write will do
            with open(self._place(rel), "wb") as handle:
                os.fchmod(handle.fileno(), 0o644)  # as write_bytes_atomic leaves files, whatever the umask
                handle.write(data)
        self.stats.written += 1
        self.changed.append(rel)
        return True

    def _place(self, rel: str) -> str:
        """Where ``rel`` goes in the target (refusing paths that leave it), its folder made."""
        target = self._target + rel if _plain(rel) else os.fspath(target_of(self.target, rel))
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        return target

    def child(self) -> OutputWriter:
        """A writer for a worker process: same folders and state, its own counters."""
        return OutputWriter(self.target, self.previous, self.old)

    def link(self, rel: str, cached: str | os.PathLike[str]) -> bool:
        """Hard-link (or copy) a cache file into place; its cache name is its key."""
        cached = os.fspath(cached)
        if self.fresh(rel, os.path.basename(cached)):
            return False
        target = self._place(rel)
        folder = os.path.dirname(target)
        try:
            os.link(cached, target)  # a new name appears whole: no temporary needed (most builds stage anew)
        except FileExistsError:
            temporary = os.path.join(folder, f".{os.path.basename(target)}.{os.getpid()}.tmp")
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            _link_or_copy(cached, temporary)
            os.replace(temporary, target)
        except OSError:  # another file system: copy instead
            _link_or_copy(cached, target)
        self.stats.linked += 1
        self.changed.append(rel)
        return True

    @classmethod
    def unchanged(cls, target: Path, previous: Path, state: BuildState) -> OutputWriter:
        """A writer for a build that found nothing changed: it produced exactly what the previous build did."""
        writer = cls(target, previous, state)
        writer.new = state
        writer.stats.skipped = len(state.files)
        return writer

    def group_fresh(self, name: str, key: str) -> bool:
        """True (its files then recorded as kept) when the previous output has group ``name`` made from ``key``."""
        old = self.old.groups.get(name)
        if self.previous is None or old is None or old[0] != key:
            return False
        if not all(map(self.has, old[1])):
            return False
        self.new.groups[name] = old
        for rel in old[1]:
            self.new.files[rel] = self.old.files.get(rel, key)
        self.stats.skipped += len(old[1])
        return True

    def group(self, name: str, key: str, rels: Iterable[str]) -> None:
        """Record the files of group ``name``, made from ``key`` (already written with :meth:`write`)."""
        self.new.groups[name] = (key, tuple(rels))

    def removed(self) -> list[str]:
        """Files the previous build produced that this one did not (to delete from the live output)."""
        if self.new is self.old:  # nothing changed (:meth:`unchanged`)
            return []
        return sorted(set(self.old.files) - set(self.new.files))


def _plain(rel: str) -> bool:
    """Whether ``rel`` is a plain relative path (no empty, ``.`` or ``..`` part) that needs no :func:`target_of`."""
    parts = rel.split("/")
    return all(parts) and "." not in parts and ".." not in parts


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link ``source`` at ``target``, or copy it (world-readable) where links are not possible."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        os.chmod(target, 0o644)


def _same_bytes(path: str, data: bytes) -> bool:
    """Whether ``path`` holds exactly ``data``."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


@dataclass
class CommitStats:
    """What :func:`commit` changed in the live output."""

    written: int = 0
    unchanged: int = 0
    deleted: int = 0


def commit(staging: Path, output: Path, removed: Iterable[str], changed: Iterable[str] = ()) -> CommitStats:
    """Move every staged file into ``output`` (unless identical), delete ``removed``, then drop ``staging``.

    ``changed`` lists staged files already known to differ from the output (the
    writer compared them), so only the others (Pelican's own files) are compared
    here. Every failure of a build happens before this runs, so a failed build
    leaves the live output as it was; each file is replaced atomically.
    """
    stats, known, made = CommitStats(), set(changed), set()
    for folder, dirs, names in os.walk(staging):
        dirs.sort()
        here = Path(folder)
        rel_folder = here.relative_to(staging)
        for name in sorted(names):
            rel = (rel_folder / name).as_posix()
            source, target = here / name, output / rel
            if rel not in known and _same_file(source, target):
                stats.unchanged += 1
                continue
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(source, target)
            stats.written += 1
    emptied = set()
    for rel in removed:
        path = target_of(output, rel)
        if path.is_file():
            path.unlink()
            stats.deleted += 1
            emptied.add(path.parent)
    for folder in sorted(emptied, key=lambda p: len(p.parts), reverse=True):  # deepest first, each once
        _prune_empty(folder, output)
    shutil.rmtree(staging, ignore_errors=True)
    return stats


def _same_file(source: Path, target: Path) -> bool:
    """Whether two files hold the same bytes."""
    try:
        if source.stat().st_size != target.stat().st_size:
            return False
    except FileNotFoundError:
        return False
    return source.read_bytes() == target.read_bytes()


def _prune_empty(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` while they are empty."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
