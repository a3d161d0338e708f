"""Files the build writes besides Jinja pages: images, feeds, calendars, data.

Producers are pure functions returning :class:`Artifact` objects; only
:func:`write_artifacts` touches the disk. It refuses to write outside the
output folder, writes each file to a temporary name and moves it into place,
and leaves a file alone when its bytes did not change (its mtime stays, so a
deploy uploads only what changed).
"""

from __future__ import annotations

import os
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


def write_bytes_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a temp file; return False when it was already identical."""
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
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


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
