"""Progress for people waiting on a build: a line once a step has run for about 3 s, then every 5 s, then its end.

Steps shorter than :data:`FIRST` print nothing, so a warm build stays quiet.
Only :func:`enable` (called by ``python -m etalase.build``, what ``./run build``
and ``./run serve`` run) turns it on: tests and plain Pelican runs print nothing.
Lines go to stderr (the staff report and the summary go where they always did);
they are in Bahasa Indonesia, since staff read them.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from typing import TextIO

#: Seconds before a step says it is running, then between two of its lines.
FIRST, EVERY = 3.0, 5.0

_stream: TextIO | None = None


def enable(stream: TextIO | None = None) -> None:
    """Print progress from now on (to ``stream``, by default stderr)."""
    global _stream
    _stream = stream or sys.stderr


def disable() -> None:
    """Print nothing again."""
    global _stream
    _stream = None


def seconds(value: float) -> str:
    """``12,3 dtk``: a duration as staff read it."""
    return f"{value:.1f}".replace(".", ",") + " dtk"


@contextlib.contextmanager
def step(what: str) -> Iterator[None]:
    """Run the body as one step named ``what`` (``Menyiapkan foto``); say so if it runs for more than 3 s."""
    stream = _stream
    if stream is None:
        yield
        return
    start, done, said = time.monotonic(), threading.Event(), []

    def tell() -> None:
        wait = FIRST
        while not done.wait(wait):
            print(f"  {what}… ({seconds(time.monotonic() - start)})", file=stream, flush=True)
            said.append(True)
            wait = EVERY

    watcher = threading.Thread(target=tell, name="etalase-progress", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        if said:
            print(f"  {what}: selesai dalam {seconds(time.monotonic() - start)}", file=stream, flush=True)
