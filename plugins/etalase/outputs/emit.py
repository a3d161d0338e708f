"""The output phase apart from pages: photos, cards, QR codes, artifacts and the search index, written incrementally.

Each function takes the build's :class:`~etalase.outputs.incremental.OutputWriter`,
so a file the previous output already has (same key) is neither linked nor
written again, and the search bundle is rebuilt only when its records changed.
Pure apart from the files it writes: no Pelican.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import BuildError
from ..search.cache import bundle_key
from ..search.index import BUNDLE, write_index
from ..search.records import SearchRecord
from .artifacts import Artifact
from .incremental import OutputWriter

log = logging.getLogger(__name__)


@dataclass
class EmitStats:
    """What the output phase did besides pages."""

    media_linked: int = 0
    artifacts_written: int = 0
    search_indexed: bool = False


def publish_media(writer: OutputWriter, files: Iterable[tuple[str, str | Path]]) -> int:
    """Link every photo variant, card and QR code that the previous output does not have yet; return how many."""
    return sum(writer.link(rel, cached) for rel, cached in files)


def write_outputs(writer: OutputWriter, artifacts: Iterable[Artifact]) -> int:
    """Write every artifact whose bytes changed; two artifacts may not share a path; return how many."""
    written = 0
    for artifact in artifacts:
        if artifact.path in writer.new.files:
            raise BuildError(f"two outputs want the same file: {artifact.path}")
        written += writer.write(artifact.path, artifact.data)
    return written


def write_search(writer: OutputWriter, records: list[SearchRecord], cache_dir: Path | None) -> bool:
    """Index ``records`` unless the previous output has a bundle of the very same records; True when indexed."""
    bundle = bundle_key(records)
    key = "search:" + bundle
    previous = [rel for rel, old in writer.old.files.items() if old == key and rel.startswith(f"{BUNDLE}/")]
    if previous and all(map(writer.has, previous)):
        for rel in previous:
            writer.new.files[rel] = key
        writer.stats.skipped += len(previous)
        return False
    write_index(records, writer.target, cache_dir, bundle)
    for rel in sorted(_files_under(writer.target, BUNDLE)):
        writer.new.files[rel] = key
    return True


def _files_under(root: Path, folder: str) -> Iterator[str]:
    """Every file below ``root/folder``, as a POSIX path relative to ``root``."""
    for here, _, names in os.walk(os.path.join(root, folder)):
        rel = os.path.relpath(here, root).replace(os.sep, "/")
        yield from (f"{rel}/{name}" for name in names if os.path.isfile(os.path.join(here, name)))
