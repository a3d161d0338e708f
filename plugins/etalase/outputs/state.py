"""The one incremental layer: two output generations, their build state, writing only what changed, one commit.

A site lives in one of two *generation* folders next to the output path
(``.output.a`` and ``.output.b`` for ``output``), and ``output`` is a symlink to
the live one. A build writes into the other generation and, only once the whole
build has succeeded, points ``output`` at it with one ``os.replace``
(:meth:`Generations.commit`): whoever reads the site (the preview server, a
deploy, a visitor) sees the old site or the new one, never a mix, and a build
that fails or is killed leaves the old site live.

Each generation has a :class:`State` next to it (``.output.a.state``): every
file it holds with the key it was made from (a page's key names its declared
sources, a photo's its cache file, an artifact's its bytes). :class:`Output`
writes a build into a generation: a file whose key the generation already has
is not touched, a file whose bytes came out the same is not rewritten (its
mtime stays), files the build no longer makes are deleted. As a build updates
the generation that was live two builds ago, it writes what changed in the last
two builds. The state is dropped before the first write and saved after the
last, so a generation with no state is unknown: :meth:`Generations.prepare`
empties it, and a build that has something to write first fills it with hard
links to the live files (:func:`seed`; the first rebuild after a cold build
pays for that once).
Writing into a folder nobody reads needs no temporary files: a file is written
in place, except one that is still a hard link shared with the live site, which
is unlinked first so the live copy stays as it was.
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

from ..errors import BuildError
from .artifacts import link_or_copy, target_of, write_bytes_atomic

log = logging.getLogger(__name__)

#: Bump when the layout of :class:`State` or the meaning of its keys changes.
STATE_VERSION = 4


@dataclass
class State:
    """What one generation holds: output path -> key, groups of files made together, and the build's inputs."""

    files: dict[str, str] = field(default_factory=dict)
    #: Files made together from one key (open data, the search bundle): name -> (key, files).
    groups: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: The digest of everything the build read; equal next time means nothing changed at all.
    inputs: str = ""
    #: What the build keeps for a next build that loads nothing (the day, staff notices, Pelican's context).
    extra: dict = field(default_factory=dict)
    version: int = STATE_VERSION


def state_path(folder: Path) -> Path:
    """Where the state of ``folder`` lives: a hidden file beside it (never inside, never published)."""
    name = folder.name if folder.name.startswith(".") else f".{folder.name}"
    return folder.parent / f"{name}.state"


def load_state(folder: Path) -> State | None:
    """The state of ``folder``; None when it or the folder is missing, unreadable or of another version."""
    try:
        state = pickle.loads(state_path(folder).read_bytes())  # noqa: S301 - written by this module only
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a broken state means writing the folder whole, never a failed build
        log.info("%s: unreadable build state, writing everything", state_path(folder))
        return None
    if not isinstance(state, State) or state.version != STATE_VERSION or not folder.is_dir():
        return None
    return state


def save_state(folder: Path, state: State) -> None:
    """Store the state of ``folder`` (atomically: a reader sees the old state or the new one)."""
    write_bytes_atomic(state_path(folder), pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def drop_state(folder: Path) -> None:
    """Forget what ``folder`` holds: from now until :func:`save_state` it is being written."""
    state_path(folder).unlink(missing_ok=True)


@dataclass(frozen=True)
class Generations:
    """The output path and its two generation folders."""

    output: Path

    @property
    def folders(self) -> tuple[Path, Path]:
        """The two generations, ``.output.a`` and ``.output.b``."""
        return (self.output.parent / f".{self.output.name}.a", self.output.parent / f".{self.output.name}.b")

    def live(self) -> Path | None:
        """The folder the site is served from: a generation, the output itself when it is a plain folder, or None."""
        if self.output.is_symlink():
            target = self.output.parent / os.readlink(self.output)
            return target if target.is_dir() else None
        return self.output if self.output.is_dir() else None

    def target(self) -> Path:
        """The generation this build writes into: the one that is not live."""
        first, second = self.folders
        return second if self.live() == first else first

    def prepare(self) -> Path:
        """The generation to write into, emptied when its state is unknown; what killed builds left removed."""
        for leftover in self.output.parent.glob(f".{self.output.name}.*-*"):
            if leftover.is_symlink() or leftover.is_file():
                leftover.unlink()
            else:
                shutil.rmtree(leftover, ignore_errors=True)
        target = self.target()
        if load_state(target) is None:
            shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True, exist_ok=True)
        return target

    def commit(self, target: Path) -> None:
        """Make ``target`` the live site: one rename of a symlink (the first time, a plain folder moves aside)."""
        link = self.output.parent / f".{self.output.name}.link-{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(target.name, link)
        if self.output.is_dir() and not self.output.is_symlink():  # a site built before generations existed
            retired = self.output.parent / f".{self.output.name}.old-{os.getpid()}"
            os.replace(self.output, retired)
            os.replace(link, self.output)
            shutil.rmtree(retired, ignore_errors=True)
            return
        os.replace(link, self.output)


@dataclass
class WriteStats:
    """What an :class:`Output` did: files kept by key, written, linked, left alone (same bytes), deleted."""

    kept: int = 0
    written: int = 0
    linked: int = 0
    unchanged: int = 0
    deleted: int = 0


class Output:
    """Writes one build into a generation folder: only files whose key changed, and only bytes that changed."""

    def __init__(self, folder: Path, old: State | None):
        self.folder = Path(folder)
        self.old = old or State()
        self.new = State()
        self.stats = WriteStats()
        #: Files written or linked by this build (in this process), in order.
        self.changed: list[str] = []
        self._root = os.path.join(self.folder, "")
        self._made: set[str] = set()

    def fresh(self, rel: str, key: str) -> bool:
        """Record ``rel`` as made from ``key``; True when the folder holds it from that very key already."""
        if rel in self.new.files:
            raise BuildError(f"two outputs want the same file: {rel}")
        self.new.files[rel] = key
        if self.old.files.get(rel) == key and os.path.isfile(self._root + rel):
            self.stats.kept += 1
            return True
        return False

    def write(self, rel: str, data: bytes, key: str | None = None) -> bool:
        """Write one file unless its key or its bytes are unchanged; return whether it was written."""
        if self.fresh(rel, key or hashlib.sha256(data).hexdigest()):
            return False
        return self.put(rel, data)

    def put(self, rel: str, data: bytes) -> bool:
        """Write bytes already recorded with :meth:`fresh` (render workers call this), unless the same are there."""
        path = self._place(rel)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            info = None
        if info is not None and info.st_size == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    self.stats.unchanged += 1
                    return False
        if info is not None and info.st_nlink > 1:  # shared with the live site (seeded): never write through it
            os.unlink(path)
        with open(path, "wb") as handle:  # the folder is not live: no temporary file needed
            os.fchmod(handle.fileno(), 0o644)
            handle.write(data)
        self.stats.written += 1
        self.changed.append(rel)
        return True

    def link(self, rel: str, cached: str | os.PathLike[str], key: str | None = None) -> bool:
        """Hard-link (or copy) a cache file into place; its key is its path in a content-addressed cache."""
        cached = os.fspath(cached)
        if self.fresh(rel, key or cached):
            return False
        _relink(cached, self._place(rel))
        self.stats.linked += 1
        self.changed.append(rel)
        return True

    def keep_group(self, name: str, key: str) -> bool:
        """True (and its files recorded as kept) when the folder holds group ``name`` made from ``key``."""
        old = self.old.groups.get(name)
        if old is None or old[0] != key or not all(os.path.isfile(self._root + rel) for rel in old[1]):
            return False
        self.new.groups[name] = old
        for rel in old[1]:
            self.new.files[rel] = self.old.files.get(rel, key)
        self.stats.kept += len(old[1])
        return True

    def group(self, name: str, key: str, rels: list[str]) -> None:
        """Record that ``rels`` (already written) were made together from ``key``."""
        self.new.groups[name] = (key, tuple(rels))

    def finish(self, inputs: str, extra: dict) -> State:
        """Delete what the folder held that this build did not make; return the folder's new state (not saved)."""
        gone = sorted(set(self.old.files) - set(self.new.files))
        emptied: set[str] = set()
        for rel in gone:
            path = target_of(self.folder, rel)
            if path.is_file() or path.is_symlink():
                path.unlink()
                self.stats.deleted += 1
                emptied.add(os.path.dirname(rel))
        for folder in sorted(emptied, key=lambda f: f.count("/"), reverse=True):  # deepest first
            _prune(self.folder, folder)
        self.new.inputs, self.new.extra = inputs, extra
        return self.new

    def _place(self, rel: str) -> str:
        """Where ``rel`` goes (refusing paths that leave the folder), its parent folder made."""
        target = self._root + rel if _plain(rel) else os.fspath(target_of(self.folder, rel))
        parent = os.path.dirname(target)
        if parent not in self._made:
            if os.path.dirname(parent) in self._made:  # one mkdir (a page's own folder), not makedirs' stat first
                with contextlib.suppress(FileExistsError):
                    os.mkdir(parent)
                self._made.add(parent)
            else:
                os.makedirs(parent, exist_ok=True)
                while parent not in self._made and len(parent) >= len(self._root) - 1:  # it and its parents exist
                    self._made.add(parent)
                    parent = os.path.dirname(parent)
        return target


def seed(source: Path, target: Path, files: Iterable[str]) -> int:
    """Fill ``target`` with hard links to ``files`` of ``source`` (copies where links fail); return how many.

    The files come from ``source``'s state, so nothing is walked: a folder is made once, a file linked once.
    """
    src, dst = os.path.join(source, ""), os.path.join(target, "")
    made: set[str] = {""}
    count = 0
    for rel in sorted(files):
        folder = os.path.dirname(rel)
        if folder not in made:
            os.makedirs(dst + folder, exist_ok=True)
            while folder not in made:
                made.add(folder)
                folder = os.path.dirname(folder)
        try:
            _relink(src + rel, dst + rel)
        except FileNotFoundError:  # deleted by hand: the build finds it missing and writes it again
            continue
        count += 1
    return count


def _relink(source: str, target: str) -> None:
    """Link (or copy) ``source`` at ``target``, replacing the file there if any (never writing into it: it may be
    shared with the live site). Linking first: a cold build has no file to remove, ~55,000 fewer calls."""
    try:
        link_or_copy(source, target)
    except FileExistsError:
        os.unlink(target)
        link_or_copy(source, target)


def _plain(rel: str) -> bool:
    """Whether ``rel`` is a plain relative path (no empty, ``.`` or ``..`` part) that needs no :func:`target_of`."""
    parts = rel.split("/")
    return all(parts) and "." not in parts and ".." not in parts


def _prune(root: Path, rel_folder: str) -> None:
    """Remove ``root/rel_folder`` and its parents below ``root`` while they are empty."""
    while rel_folder:
        try:
            os.rmdir(root / rel_folder)
        except OSError:
            return
        rel_folder = os.path.dirname(rel_folder)
