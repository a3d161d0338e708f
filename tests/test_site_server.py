"""The preview server behind ``invoke serve``: directory pages, the 404 page, gzip, no escaping the folder."""

from __future__ import annotations

import gzip
import http.client

import pytest
from etalase.staff.server import serve_in_thread


@pytest.fixture
def server(tmp_path):
    """A tiny site served on a free port."""
    (tmp_path / "produk" / "kopi").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<h1>Beranda</h1>", encoding="utf-8")
    (tmp_path / "produk" / "kopi" / "index.html").write_text("<h1>Kopi</h1>" * 50, encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Tidak ditemukan</h1>", encoding="utf-8")
    running = serve_in_thread(tmp_path)
    yield running.server_address[1]
    running.shutdown()
    running.server_close()


def get(port: int, path: str, gzip_ok: bool = False) -> http.client.HTTPResponse:
    """One GET request."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    return connection.getresponse()


def test_folders_serve_their_index_page(server):
    response = get(server, "/produk/kopi/")
    assert response.status == 200 and response.read().startswith(b"<h1>Kopi</h1>")
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"


def test_a_folder_without_slash_redirects(server):
    response = get(server, "/produk/kopi")
    assert response.status == 301 and response.getheader("Location") == "/produk/kopi/"


def test_missing_paths_get_the_404_page(server):
    for path in ("/tidak-ada/", "/../../etc/passwd"):
        response = get(server, path)
        assert response.status == 404 and response.read() == b"<h1>Tidak ditemukan</h1>"


def test_text_is_gzipped_when_the_browser_accepts_it(server):
    response = get(server, "/produk/kopi/", gzip_ok=True)
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(response.read()) == b"<h1>Kopi</h1>" * 50


def test_the_watcher_ignores_caches_and_hidden_files(tmp_path):
    from etalase.staff.server import snapshot

    for name in ("a.yaml", "__pycache__/a.pyc", ".swp/x", "sub/.b.yaml.swp", "sub/b.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in snapshot([tmp_path])) == ["a.yaml", "sub/b.yaml"]


def test_a_busy_port_is_named_with_how_to_choose_another(tmp_path):
    import socket

    from etalase.staff.server import PortInUse, make_server

    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        with pytest.raises(PortInUse) as caught:
            make_server(tmp_path, "127.0.0.1", port)
    assert str(caught.value) == (
        f"Port {port} di 127.0.0.1 sudah dipakai program lain (mungkin `./run serve` atau `./run livereload` yang "
        f"masih berjalan). Hentikan program itu, atau pilih port lain dengan PORT, mis. `PORT={port + 1} ./run serve`.")


def test_one_connection_serves_several_requests_and_an_idle_one_is_let_go(server, monkeypatch):
    """HTTP/1.1 keep-alive, as a real host: the redirect and the page come on one connection (each response says
    its length); a connection left idle is closed after the handler's timeout."""
    import socket

    from etalase.staff.server import SiteHandler

    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=5)
    for path, status in (("/produk/kopi", 301), ("/produk/kopi/", 200), ("/tidak-ada/", 404)):
        connection.request("GET", path)
        response = connection.getresponse()
        assert response.status == status and response.version == 11
        response.read()
    assert connection.sock is not None  # still the first connection: nothing closed it
    connection.close()
    monkeypatch.setattr(SiteHandler, "timeout", 0.3)
    idle = socket.create_connection(("127.0.0.1", server), timeout=5)
    assert idle.recv(1) == b""  # closed by the server, not by this test's own timeout
    idle.close()
