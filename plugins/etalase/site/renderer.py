"""Render the planned pages whose fingerprint changed, in the build process; run a call in a forked child.

:func:`render_pages` asks the :class:`~etalase.outputs.state.Output` which
pages the generation it writes into already has with the same fingerprint, renders the
others and writes the ones whose bytes changed. Pages are rendered in this
process: since templates import nothing, compile their strings in and reuse
each build's fragments, one process renders a cold build's 1,337 pages (1,000
products) in less time than the two forked workers it used to take.
Pure: the caller passes ``render(page) -> str``.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..outputs.state import Output
from .pages import Page

Render = Callable[[Page], str]


@dataclass
class RenderStats:
    """What one build did with its pages."""

    planned: int = 0
    rendered: int = 0
    skipped: int = 0
    written: int = 0
    unchanged: int = 0
    #: The output files of the pages rendered, in plan order.
    files: list[str] = field(default_factory=list)


def worker_count(setting: int | None) -> int:
    """Worker processes for what runs beside the build (``ETALASE_RENDER_WORKERS``): the setting, else every core."""
    return setting or os.cpu_count() or 1


def render_pages(pages: Sequence[Page], fingerprint: Callable[[Page], str], render: Render,
                 writer: Output) -> RenderStats:
    """Render and write every page whose fingerprint changed; return what was done."""
    todo = [page for page in pages if not writer.fresh(page.file, fingerprint(page))]
    stats = RenderStats(planned=len(pages), skipped=len(pages) - len(todo), rendered=len(todo),
                        files=[page.file for page in todo])
    for page in todo:
        if writer.put(page.file, render(page).encode("utf-8")):
            stats.written += 1
        else:
            stats.unchanged += 1
    return stats


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
