"""QR codes that lead a printed or on-screen product card back to its page."""

from __future__ import annotations

import io

import segno

#: Error correction level: M survives about 15 % damage (a folded flyer, a glare spot).
ERROR_LEVEL = "m"


def make_qr(url: str) -> segno.QRCode:
    """Return the QR code for ``url`` at exactly level M (no silent boost, no Micro QR)."""
    if not url:
        raise ValueError("qr: empty URL")
    return segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)


def qr_svg(
    url: str,
    *,
    scale: int = 4,
    border: int = 4,
    dark: str = "#000",
    light: str | None = "#fff",
    title: str | None = None,
    responsive: bool = False,
) -> str:
    """Return a deterministic SVG (no XML declaration) for inline use or a ``.svg`` file."""
    # ``light`` paints the quiet zone so the code also scans on a dark page;
    # ``responsive`` drops width/height for a viewBox, so CSS decides the size.
    buffer = io.BytesIO()
    make_qr(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        scale=scale,
        border=border,
        dark=dark,
        light=light,
        title=title,
        omitsize=responsive,
        encoding="utf-8",
    )
    return buffer.getvalue().decode("utf-8")


def qr_png_bytes(url: str, *, scale: int = 8, border: int = 4) -> bytes:
    """Return the QR code as a black-on-white PNG (``scale`` pixels per module)."""
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="png", scale=scale, border=border, dark="#000", light="#fff")
    return buffer.getvalue()
