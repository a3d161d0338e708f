"""Render the planned pages: only those whose fingerprint changed, on every core when there are many.

:func:`render_pages` asks the :class:`~etalase.outputs.state.Output` which
pages the generation it writes into already has with the same fingerprint, renders the
others and writes the ones whose bytes changed. With more than one worker and
at least :data:`PARALLEL_MIN` pages to render, pages are rendered in worker
processes forked from the build (they inherit the catalogue and the Jinja
environment, so nothing is pickled but page numbers and counters); each page
is one file rendered from its own inputs, so the output is byte-identical to a
serial build. Pure: the caller passes ``render(page) -> str``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..outputs.state import Output
from .pages import Page

#: Fewer pages than this are rendered in the build process (forking costs about as much as 200 pages).
PARALLEL_MIN = 200
#: Pages per task sent to a worker.
CHUNK = 64

Render = Callable[[Page], str]


@dataclass
class RenderStats:
    """What one build did with its pages."""

    planned: int = 0
    rendered: int = 0
    skipped: int = 0
    written: int = 0
    unchanged: int = 0
    workers: int = 1
    #: The output files of the pages rendered, in plan order.
    files: list[str] = field(default_factory=list)


def worker_count(setting: int | None) -> int:
    """Worker processes for rendering: the setting, else every core."""
    return setting or os.cpu_count() or 1


def render_pages(pages: Sequence[Page], fingerprint: Callable[[Page], str], render: Render, writer: Output,
                 workers: int = 1) -> RenderStats:
    """Render and write every page whose fingerprint changed; return what was done."""
    todo = [page for page in pages if not writer.fresh(page.file, fingerprint(page))]
    stats = RenderStats(planned=len(pages), skipped=len(pages) - len(todo), rendered=len(todo),
                        files=[page.file for page in todo])
    if workers > 1 and len(todo) >= PARALLEL_MIN:
        stats.workers = workers
        counts = _render_parallel(todo, render, writer, workers)
    else:
        counts = _render_serial(todo, render, writer)
    stats.written, stats.unchanged = counts
    return stats


def _render_serial(todo: Sequence[Page], render: Render, writer: Output) -> tuple[int, int]:
    """Render in this process; ``(written, unchanged)``."""
    written = unchanged = 0
    for page in todo:
        if writer.put(page.file, render(page).encode("utf-8")):
            written += 1
        else:
            unchanged += 1
    return written, unchanged


#: What forked workers render: set just before the pool starts, inherited by the children.
_JOB: tuple[Sequence[Page], Render, Output] | None = None


def _render_chunk(start: int, stop: int) -> tuple[int, int, list[str]]:
    """Render pages ``start:stop`` of the job in a worker; ``(written, unchanged, files)``."""
    todo, render, writer = _JOB
    child = Output(writer.folder, None)  # writes files only: the state is the parent's
    written, unchanged = _render_serial(todo[start:stop], render, child)
    return written, unchanged, child.changed


def _render_parallel(todo: Sequence[Page], render: Render, writer: Output, workers: int) -> tuple[int, int]:
    """Render in forked workers, which write their files; sum their counters."""
    global _JOB
    _JOB = (todo, render, writer)
    gc.freeze()  # children share the parent's objects; collections in them would copy every page of memory
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            chunks = [(start, min(start + CHUNK, len(todo))) for start in range(0, len(todo), CHUNK)]
            results = list(pool.map(_render_chunk, *zip(*chunks, strict=True)))
    finally:
        _JOB = None
        gc.unfreeze()
    written = sum(result[0] for result in results)
    unchanged = sum(result[1] for result in results)
    writer.stats.written += written
    writer.stats.unchanged += unchanged
    for result in results:
        writer.changed += result[2]
    return written, unchanged


class Background:
    """A call running in a forked child (or already done, with one worker); :meth:`result` waits for it.

    A bare ``os.fork``, not a pool: a pool's management thread would still be
    running when the render workers are forked. The child pickles the result
    (or the exception) into a temporary file and leaves with ``os._exit``.
    The call must not log warnings (they would not reach the parent's
    collector): the producers it is used for do not.
    """

    def __init__(self, workers: int, func: Callable, *args):
        self.pid = None
        if workers <= 1:
            self.value = func(*args)
            return
        handle, self.path = tempfile.mkstemp(prefix="etalase-background-", suffix=".pickle")
        os.close(handle)
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                data = pickle.dumps(("value", func(*args)), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
                data, code = pickle.dumps(("error", exc)), 1
            try:
                Path(self.path).write_bytes(data)
            finally:
                os._exit(code)
        self.pid = pid

    def result(self):
        """The call's return value (its exception is raised here)."""
        if self.pid is None:
            return self.value
        os.waitpid(self.pid, 0)
        try:
            kind, value = pickle.loads(Path(self.path).read_bytes())  # noqa: S301 - written by our own child
        finally:
            Path(self.path).unlink(missing_ok=True)
        if kind == "error":
            raise value
        return value


def in_background(workers: int, func: Callable, *args) -> Background:
    """Start ``func(*args)`` in a forked child when there is more than one core to use."""
    return Background(workers, func, *args)
