"""Turn source photos into cached responsive variants (the build links the ones a site needs into place).

Typical use from the Pelican glue (context phase)::

    pipeline = ImagePipeline(Path(".cache/images"), ImageParams())
    processed = pipeline.process(photo_paths)          # {source: ProcessedImage}

Each variant is then a file of the cache that :class:`~etalase.outputs.state.Output` links to
``gambar/<key>-<w>.<ext>`` (:meth:`etalase.images.media.Media.files`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from etalase.errors import EtalaseError
from etalase.images.cache import DEFAULT_CACHE_DIR, ImageCache
from etalase.images.encode import encode_source, from_cache, photo_key, read_source
from etalase.images.probe import DEFAULT_MAX_PIXELS, ImageProblem
from etalase.images.variants import ImageParams, ProcessedImage

log = logging.getLogger(__name__)

#: Folder under the output folder that photo variants are published to.
DEFAULT_FOLDER = "gambar"


class ImageBatchError(EtalaseError):
    """Some photos could not be processed; ``problems`` maps each source to its problem."""

    def __init__(self, problems: dict[Path, ImageProblem]):
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        lines = [f"{len(self.problems)} photo(s) could not be processed:"]
        lines += [f"  {path}: {problem}" for path, problem in sorted(self.problems.items())]
        return "\n".join(lines)


@dataclass
class PipelineStats:
    """Counters since the pipeline was created: a second build should add only cache hits."""

    encoded: int = 0
    cache_hits: int = 0


class ImagePipeline:
    """Encode photos into a content-addressed cache over several processes."""

    def __init__(
        self,
        cache_dir: Path = DEFAULT_CACHE_DIR,
        params: ImageParams | None = None,
        workers: int | None = None,
        folder: str = DEFAULT_FOLDER,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ):
        self.cache = ImageCache(cache_dir)
        self.params = params or ImageParams()
        self.workers = workers or os.cpu_count() or 1
        self.folder = folder.strip("/")
        self.max_pixels = max_pixels
        self.stats = PipelineStats()

    def process(self, sources: Iterable[Path]) -> dict[Path, ProcessedImage]:
        """Return every source's variants, encoding only those not cached yet."""
        # Every source is attempted; the ones that fail are raised together as
        # ImageBatchError after the others are cached.
        results: dict[Path, ProcessedImage] = {}
        problems: dict[Path, ImageProblem] = {}
        pending: dict[str, list[Path]] = {}
        for source in dict.fromkeys(Path(s) for s in sources):
            try:
                key = photo_key(read_source(source), self.params)
            except ImageProblem as problem:
                problems[source] = problem
                continue
            cached = from_cache(self.cache, key, self.folder)
            if cached is not None:
                results[source] = cached
                self.stats.cache_hits += 1
            else:
                pending.setdefault(key, []).append(source)
        self._encode(pending, results, problems)
        if problems:
            raise ImageBatchError(problems)
        return results

    def _encode(
        self,
        pending: dict[str, list[Path]],
        results: dict[Path, ProcessedImage],
        problems: dict[Path, ImageProblem],
    ) -> None:
        """Encode one source per pending key, spread over worker processes."""
        jobs = [paths[0] for paths in pending.values()]
        args = (self.params, self.cache.root, self.folder, self.max_pixels)
        workers = min(self.workers, len(jobs))
        if workers <= 1:
            outcomes = [_call(encode_source, source, *args) for source in jobs]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(encode_source, source, *args) for source in jobs]
                outcomes = [_result(future) for future in futures]
        for paths, outcome in zip(pending.values(), outcomes, strict=True):
            for source in paths:
                if isinstance(outcome, ImageProblem):
                    problems[source] = outcome
                else:
                    results[source] = outcome[0]
            if not isinstance(outcome, ImageProblem):
                if outcome[1]:
                    self.stats.encoded += 1
                    self.stats.cache_hits += len(paths) - 1
                else:
                    self.stats.cache_hits += len(paths)


def _call(func, *args) -> tuple[ProcessedImage, bool] | ImageProblem:
    """Run ``func`` and return its result, or the :class:`ImageProblem` it raised."""
    try:
        return func(*args)
    except ImageProblem as problem:
        return problem


def _result(future: Future) -> tuple[ProcessedImage, bool] | ImageProblem:
    """Return a worker's result, or the :class:`ImageProblem` it raised."""
    try:
        return future.result()
    except ImageProblem as problem:
        return problem
