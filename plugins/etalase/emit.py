"""The output phase apart from pages: photos, cards, QR codes, artifacts and the search index, written incrementally.

Each function takes the build's :class:`~etalase.incremental.OutputWriter`,
so a file the previous output already has (same key) is neither linked nor
written again, and the search bundle is rebuilt only when its records changed.
Pure apart from the files it writes: no Pelican.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .artifacts import Artifact
from .errors import BuildError
from .incremental import OutputWriter
from .search.cache import bundle_key
from .search.index import BUNDLE, write_index
from .search.records import SearchRecord

log = logging.getLogger(__name__)


@dataclass
class EmitStats:
    """What the output phase did besides pages."""

    media_linked: int = 0
    artifacts_written: int = 0
    search_indexed: bool = False
    search_skipped: bool = False


def publish_media(writer: OutputWriter, files: Iterable[tuple[str, Path]]) -> int:
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
    key = "search:" + bundle_key(records)
    previous = [rel for rel, old in writer.old.files.items() if rel.startswith(f"{BUNDLE}/") and old == key]
    if previous and writer.previous is not None and all((writer.previous / rel).is_file() for rel in previous):
        for rel in previous:
            writer.new.files[rel] = key
        writer.stats.skipped += len(previous)
        return False
    write_index(records, writer.target, cache_dir)
    bundle = writer.target / BUNDLE
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        writer.new.files[path.relative_to(writer.target).as_posix()] = key
    return True
