"""QR codes and the Plus Jakarta Sans files (for cards and for the theme)."""

from __future__ import annotations

import io
from pathlib import Path

import segno
from etalase.images.fonts import build_webfonts, font_path, load_font
from etalase.images.qr import make_qr, qr_png_bytes, qr_svg
from fontTools.ttLib import TTFont
from PIL import Image

URL = "https://etalase.example/produk/kopi-arabika-gayo/"
FONTS = Path(__file__).resolve().parent.parent / "theme" / "static" / "fonts"


def test_qr_svg_is_inline_ready_and_deterministic() -> None:
    svg = qr_svg(URL)
    assert svg == qr_svg(URL)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<?xml" not in svg
    assert "\n" not in svg
    assert svg.endswith("</svg>")


def test_qr_is_level_m_without_boost() -> None:
    assert make_qr(URL).error == "M"
    assert make_qr("x").error == "M"
    assert make_qr(URL).designator == segno.make(URL, error="m", boost_error=False).designator


def test_qr_title_is_escaped_and_responsive_uses_viewbox() -> None:
    svg = qr_svg(URL, title='Kode "QR" <produk>', responsive=True)
    assert '<title>Kode "QR" &lt;produk&gt;</title>' in svg
    assert "viewBox" in svg
    assert 'width="' not in svg.split(">", 1)[0]


def test_qr_png_decodes() -> None:
    data = qr_png_bytes(URL, scale=2)
    assert data == qr_png_bytes(URL, scale=2)
    with Image.open(io.BytesIO(data)) as img:
        modules = (img.width // 2) - 8
        assert img.width == img.height and modules == make_qr(URL).symbol_size(scale=1)[0] - 8


def test_font_path_and_loading() -> None:
    assert font_path(400).is_file()
    assert font_path(700).suffix == ".ttf"
    regular, bold = load_font(40, 400), load_font(40, 700)
    assert bold.getlength("Kopi Gayo") > regular.getlength("Kopi Gayo")


def test_theme_webfonts_are_small_static_woff2_with_licence() -> None:
    for weight in (400, 700):
        path = FONTS / f"PlusJakartaSans-{weight}.woff2"
        assert path.stat().st_size < 60 * 1024
        font = TTFont(path)
        assert font.flavor == "woff2"
        assert "fvar" not in font
        assert font["OS/2"].usWeightClass == weight
        cmap = font.getBestCmap()
        assert all(ord(c) in cmap for c in "Rp 1.250.000 — “Kopi” Ñ é ğ ş ạ ơ ữ")
    licence = (FONTS / "OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Plus Jakarta Sans Project Authors" in licence


def test_webfonts_regenerate_byte_for_byte(tmp_path: Path) -> None:
    written = build_webfonts(tmp_path, weights=(400,))
    assert written == [tmp_path / "PlusJakartaSans-400.woff2", tmp_path / "OFL.txt"]
    for path in written:
        assert path.read_bytes() == (FONTS / path.name).read_bytes()
