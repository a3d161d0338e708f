"""Files the build writes besides Jinja pages: images, feeds, calendars, data.

Producers are pure functions returning :class:`Artifact` objects; only
:func:`write_artifacts` touches the disk. It refuses to write outside the
output folder, writes each file to a temporary name and moves it into place,
and leaves a file alone when its bytes did not change (its mtime stays, so a
deploy uploads only what changed).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import BuildError


@dataclass(frozen=True)
class Artifact:
    """One output file: a POSIX path relative to the output folder, and its bytes."""

    path: str
    data: bytes


def target_of(output_dir: Path, rel: str) -> Path:
    """Return where ``rel`` lands inside ``output_dir``; refuse anything that leaves it."""
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise BuildError(f"refusing to write outside the output folder: {rel!r}")
    return output_dir.joinpath(*pure.parts)


#: Published files and cache files (hard-linked into the site) are world-readable.
FILE_MODE = 0o644


def write_bytes_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a temp file and :func:`os.replace`; False when it was already identical.

    The one atomic write of the project: caches, build state, staff files, schemas. A reader never sees half a
    file, and two processes writing the same content both leave a complete file.
    """
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def link_or_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Hard-link ``source`` at ``target``, or copy it (world-readable) where links fail: another file system."""
    try:
        os.link(source, target)
    except (FileNotFoundError, FileExistsError):  # never copy onto a file: it may be a link shared with another
        raise
    except OSError:
        shutil.copyfile(source, target)
        os.chmod(target, FILE_MODE)


def write_artifacts(output_dir: Path, artifacts: Iterable[Artifact]) -> tuple[int, int]:
    """Write every artifact; return ``(written, unchanged)``. Two artifacts may not share a path."""
    seen: set[str] = set()
    written = unchanged = 0
    for artifact in artifacts:
        if artifact.path in seen:
            raise BuildError(f"two outputs want the same file: {artifact.path}")
        seen.add(artifact.path)
        if write_bytes_atomic(target_of(output_dir, artifact.path), artifact.data):
            written += 1
        else:
            unchanged += 1
    return written, unchanged
