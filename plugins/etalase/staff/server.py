"""A small preview server for the built site, and the file watcher behind ``invoke livereload``.

The server answers like a static host would: ``/produk/x/`` serves
``produk/x/index.html``, a missing path gets ``404.html`` with status 404, and
text is gzip-compressed when the browser accepts it (so Lighthouse measures
what visitors get from a real host). It always reads the current ``output``
folder, so an atomic rebuild shows up on the next request.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import mimetypes
import sys
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import EtalaseError
from ..site import urls

COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml", "application/atom+xml")
mimetypes.add_type("text/calendar", ".ics")
mimetypes.add_type("application/atom+xml", ".atom")


class SiteHandler(SimpleHTTPRequestHandler):
    """Serve files from the output folder with directory indexes, a 404 page and gzip, keeping connections open
    (HTTP/1.1: every response says its length), as a real host does."""

    protocol_version = "HTTP/1.1"
    #: Headers and body leave in separate writes; with Nagle's algorithm each kept-open response waits ~40 ms.
    disable_nagle_algorithm = True
    #: Seconds a kept-open connection may stay idle before its thread lets it go.
    timeout = 30

    def __init__(self, *args, root: Path, **kwargs):
        self.root = root
        super().__init__(*args, directory=str(root), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        """Stay quiet; the build already said what happened."""

    def resolve(self) -> tuple[Path | None, HTTPStatus]:
        """The file a request path maps to, or the 404 page."""
        path = unquote(urlsplit(self.path).path)
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_relative_to(self.root.resolve()):
            if candidate.is_dir() and path.endswith("/"):
                candidate = candidate / "index.html"
            if candidate.is_file():
                return candidate, HTTPStatus.OK
        missing = self.root / urls.NOT_FOUND
        return (missing if missing.is_file() else None), HTTPStatus.NOT_FOUND

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        """Send a file, redirecting ``/x`` to ``/x/`` when ``x`` is a folder."""
        path = unquote(urlsplit(self.path).path)
        if not path.endswith("/") and (self.root / path.lstrip("/")).is_dir():
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        file, status = self.resolve()
        body = file.read_bytes() if file else b"Not found"
        kind = (mimetypes.guess_type(file.name)[0] if file else None) or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class SiteServer(ThreadingHTTPServer):
    """A threading server that stays quiet when a browser drops a kept-open connection."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PortInUse(EtalaseError):
    """Another program listens on the preview port; the message says which port and how to choose another."""


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for ``root``, bound but not started (port 0 picks a free port); :class:`PortInUse` if taken.

    Binding is the check: ``invoke serve`` makes the server before it builds, so a busy port is
    reported at once, not after the whole build, and no other program can take the port meanwhile.
    """
    try:
        return SiteServer((host, port), partial(SiteHandler, root=Path(root)))
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        raise PortInUse(
            f"Port {port} di {host} sudah dipakai program lain (mungkin `./run serve` atau `./run livereload` "
            f"yang masih berjalan). Hentikan program itu, atau pilih port lain dengan PORT, mis. "
            f"`PORT={port + 1} ./run serve`."
        ) from None


def serve_in_thread(root: Path, host: str = "127.0.0.1", port: int = 0,
                    server: ThreadingHTTPServer | None = None) -> ThreadingHTTPServer:
    """Start ``server`` (else a new one) in a daemon thread and return it (``server_address`` has the port)."""
    server = server or make_server(root, host, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def snapshot(folders: Iterable[Path]) -> dict[Path, float]:
    """Modification times of every file under ``folders``, except caches and hidden files."""
    return {
        p: p.stat().st_mtime
        for folder in folders if folder.exists()
        for p in folder.rglob("*")
        if p.is_file() and not any(_ignored(part) for part in p.relative_to(folder).parts)
    }


def _ignored(part: str) -> bool:
    """Bytecode caches and hidden files (editor swap files, .cache) never trigger a rebuild."""
    return part == "__pycache__" or part.startswith(".")


def watch(folders: Iterable[Path], rebuild: Callable[[], object], interval: float = 1.0) -> None:
    """Call ``rebuild`` whenever a file under ``folders`` appears, changes or goes; runs until interrupted."""
    folders = list(folders)
    seen = snapshot(folders)
    while True:
        time.sleep(interval)
        now = snapshot(folders)
        if now != seen:
            seen = now
            rebuild()
