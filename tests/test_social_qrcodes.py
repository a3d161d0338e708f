"""QR codes: one SVG per product, exhibitor and school, holding the page's URL (checked on segno's matrix)."""

from __future__ import annotations

import re
from pathlib import Path

import segno
from etalase.data.catalogue import load_catalogue
from etalase.images.qr import make_qr
from etalase.site import urls
from etalase.social.qrcodes import QrCodes, qr_file, qr_files, short_url

from tests.conftest import ROOTS

SITEURL = "https://etalase.contoh.go.id"


def absolute(path: str) -> str:
    """A site-relative path as a published URL."""
    return f"{SITEURL}/{path}"


def local(path: str) -> str:
    """A site-relative path as a local build writes it."""
    return f"/{path}"


def matrix_of_svg(svg: bytes) -> list[list[int]]:
    """Read the dark modules back from segno's SVG path (``M x y.5 h n m dx dy h n ...``)."""
    text = svg.decode()
    size = int(re.search(r'viewBox="0 0 (\d+) ', text).group(1)) // 4  # scale 4 (qr_svg's default)
    path = re.search(r'class="qrline" stroke="#000" d="([^"]+)"', text).group(1)
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for op, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path.replace("h", " h").replace("m", " m")):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:
            for col in range(int(x), int(x + float(a))):
                grid[int(y)][col] = 1
            x += float(a)
    return grid


def test_every_product_exhibitor_and_school_gets_a_qr_code_file():
    catalogue = load_catalogue(ROOTS / "site-basic" / "catalogue_data")
    paths = set(qr_files(catalogue, absolute))
    expected = {urls.qr_code(urls.PRODUCT, item.id) for item in catalogue.listings}
    expected |= {urls.qr_code(urls.EXHIBITOR, i) for i in catalogue.exhibitors}
    expected |= {urls.qr_code(urls.SCHOOL, i) for i in catalogue.schools}
    assert paths == expected
    assert "qr/eksibitor/toko-ditarik.svg" not in paths


def test_the_svg_holds_the_absolute_page_url():
    catalogue = load_catalogue(ROOTS / "site-basic" / "catalogue_data")
    url = "https://etalase.contoh.go.id/eksibitor/kopi-betawi-sejahtera/"
    assert qr_files(catalogue, absolute)["qr/eksibitor/kopi-betawi-sejahtera.svg"] == url
    svg = qr_file(url)
    expected = [[int(bool(cell)) for cell in row] for row in segno.make(url, error="m", micro=False,
                                                                         boost_error=False).matrix_iter(border=4)]
    assert matrix_of_svg(svg) == expected
    assert make_qr(url).error == "M"


def test_local_builds_put_the_root_relative_url_inside():
    catalogue = load_catalogue(ROOTS / "site-basic" / "catalogue_data")
    assert qr_files(catalogue, local)["qr/sekolah/smkn-32-jakarta.svg"] == "/sekolah/smkn-32-jakarta/"


def test_codes_are_drawn_once_into_the_cache(tmp_path):
    files = {"qr/produk/a.svg": "https://e.id/produk/a/", "qr/produk/b.svg": "https://e.id/produk/b/"}
    first = QrCodes(tmp_path)
    first.prepare(files)
    assert (first.encoded, first.cache_hits) == (2, 0)
    second = QrCodes(tmp_path)
    second.prepare({**files, "qr/produk/c.svg": "https://e.id/produk/c/"})
    assert (second.encoded, second.cache_hits) == (1, 2)
    cached = {path: Path(file).read_bytes() for path, file in second.cached.items()}  # what the build links
    assert sorted(cached) == ["qr/produk/a.svg", "qr/produk/b.svg", "qr/produk/c.svg"]
    assert cached["qr/produk/b.svg"] == qr_file("https://e.id/produk/b/")


def test_svg_scales_to_any_size():
    svg = qr_file("https://e.id/produk/x/").decode()
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox=') and "width=" not in svg.split(">")[0]


def test_short_url_drops_the_scheme_and_www():
    assert short_url("https://www.etalase.go.id/eksibitor/x/") == "etalase.go.id/eksibitor/x/"
    assert short_url("/eksibitor/x/") == "/eksibitor/x/"
