"""Draw the photos and logos of the sample catalogue: simple, deterministic illustrations.

Every product photo and logo that a file in ``catalogue_data/eksibitor/`` or
``catalogue_data/sekolah/`` names under ``foto/`` is drawn from the record
itself: a background in the colour of the product's category, a simple shape
that suggests the product (cup, bottle, pouch, cloth, chair, plant, …), the
product's name and the seller's name. The second photo of a product is a
close-up of the same shape. Logos are badges with the seller's initials.

Nothing is random: every choice comes from a SHA-256 of the file path, so the
same records always give byte-identical files (with the same Pillow build).
The output is CC0, like the rest of the sample data (see foto/SUMBER.md).

Usage::

    python tools/sample_photos.py            # (re)draw every referenced photo
    python tools/sample_photos.py --check    # exit 1 if a file is missing or differs
    python tools/sample_photos.py --prune    # also delete unreferenced files under foto/
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import math
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "catalogue_data"

PHOTO_SIZE = (800, 600)
LOGO_SIZE = (400, 400)
SS = 2  # supersampling factor: draw at twice the size, then downscale for smooth edges
JPEG_QUALITY = 82
MAX_BYTES = 60_000

RGB = tuple[int, int, int]

# Category -> (background top, background bottom, accent). Soft backgrounds, one strong accent.
PALETTES: dict[str, tuple[RGB, RGB, RGB]] = {
    "kuliner": ((255, 243, 224), (248, 222, 190), (196, 98, 45)),
    "minuman": ((230, 244, 234), (200, 228, 210), (46, 125, 80)),
    "fesyen": ((252, 236, 240), (242, 208, 220), (176, 58, 104)),
    "wastra": ((243, 234, 246), (222, 204, 232), (118, 62, 132)),
    "kriya": ((245, 238, 224), (228, 212, 186), (146, 104, 56)),
    "mebel": ((240, 233, 224), (220, 204, 186), (112, 76, 44)),
    "kecantikan": ((250, 238, 244), (238, 214, 230), (184, 100, 146)),
    "herbal": ((242, 246, 222), (222, 232, 184), (112, 132, 34)),
    "pertanian": ((226, 244, 242), (192, 226, 222), (24, 118, 108)),
    "perkantoran": ((232, 238, 250), (204, 216, 240), (44, 78, 150)),
    "teknologi": ((228, 234, 242), (196, 208, 226), (36, 58, 92)),
    "jasa": ((250, 244, 226), (238, 226, 188), (168, 118, 18)),
}
DEFAULT_PALETTE = ((240, 240, 240), (220, 220, 220), (80, 80, 80))

# Colour words in the alt text choose the object's colour (longest match wins).
COLOUR_WORDS: dict[str, RGB] = {
    "merah muda": (236, 150, 172),
    "merah marun": (128, 30, 44),
    "merah putih": (206, 40, 40),
    "merah bata": (170, 74, 52),
    "merah": (200, 52, 48),
    "putih": (246, 244, 238),
    "biru dongker": (34, 44, 88),
    "biru langit": (110, 170, 220),
    "biru": (52, 100, 176),
    "hijau muda": (150, 200, 120),
    "hijau zaitun": (108, 112, 60),
    "zaitun": (108, 112, 60),
    "hijau": (60, 140, 80),
    "kuning": (236, 190, 40),
    "oranye": (236, 122, 36),
    "cokelat tua": (92, 56, 32),
    "cokelat kemerahan": (150, 70, 50),
    "cokelat keemasan": (196, 132, 40),
    "cokelat": (134, 86, 50),
    "keemasan": (214, 160, 52),
    "emas": (212, 168, 60),
    "madu": (204, 146, 62),
    "hitam": (44, 42, 44),
    "abu-abu": (140, 144, 150),
    "ungu": (132, 76, 160),
    "khaki": (190, 170, 120),
    "krem": (236, 222, 192),
    "warna-warni": (230, 120, 60),
}


# --------------------------------------------------------------------------- determinism


class Seed:
    """Deterministic numbers from a SHA-256 of a text (no global random state)."""

    def __init__(self, text: str):
        self.text = text
        self.counter = 0

    def unit(self) -> float:
        """Return the next number in [0, 1)."""
        self.counter += 1
        digest = hashlib.sha256(f"{self.text}#{self.counter}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64

    def between(self, low: float, high: float) -> float:
        return low + (high - low) * self.unit()

    def pick(self, items):
        return items[int(self.unit() * len(items))]


# --------------------------------------------------------------------------- colour helpers


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def darker(c: RGB, t: float = 0.3) -> RGB:
    return mix(c, (0, 0, 0), t)


def lighter(c: RGB, t: float = 0.3) -> RGB:
    return mix(c, (255, 255, 255), t)


def colour_from_text(text: str) -> RGB | None:
    lowered = text.lower()
    for word in sorted(COLOUR_WORDS, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", lowered):  # "emas" is not in "kemasan"
            return COLOUR_WORDS[word]
    return None


# --------------------------------------------------------------------------- drawing pen


@dataclass
class Pen:
    """Draws in a unit space centred on (cx, cy): x and y in [-1, 1] map to ±s pixels."""

    img: Image.Image
    cx: float
    cy: float
    s: float
    outline: RGB

    @property
    def d(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.img)

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (self.cx + x * self.s, self.cy + y * self.s)

    def w(self, width: float) -> int:
        return max(1, round(width * self.s))

    def box(self, x0, y0, x1, y1):
        (a, b), (c, e) = self.p(x0, y0), self.p(x1, y1)
        return (min(a, c), min(b, e), max(a, c), max(b, e))

    def rect(self, x0, y0, x1, y1, fill, r=0.0, line=0.018, outline=None):
        outline = self.outline if outline is None else outline
        width = self.w(line) if line else 0
        if r:
            self.d.rounded_rectangle(self.box(x0, y0, x1, y1), radius=self.w(r), fill=fill,
                                     outline=outline if line else None, width=width)
        else:
            self.d.rectangle(self.box(x0, y0, x1, y1), fill=fill, outline=outline if line else None, width=width)

    def ellipse(self, x0, y0, x1, y1, fill, line=0.018, outline=None):
        outline = self.outline if outline is None else outline
        self.d.ellipse(self.box(x0, y0, x1, y1), fill=fill, outline=outline if line else None,
                       width=self.w(line) if line else 0)

    def circle(self, x, y, r, fill, line=0.018, outline=None):
        self.ellipse(x - r, y - r, x + r, y + r, fill, line, outline)

    def poly(self, points, fill, line=0.018, outline=None):
        outline = self.outline if outline is None else outline
        pts = [self.p(x, y) for x, y in points]
        self.d.polygon(pts, fill=fill, outline=outline if line else None, width=self.w(line) if line else 0)

    def line(self, points, fill, width=0.02):
        self.d.line([self.p(x, y) for x, y in points], fill=fill, width=self.w(width), joint="curve")

    def arc(self, x0, y0, x1, y1, start, end, fill, width=0.02):
        self.d.arc(self.box(x0, y0, x1, y1), start, end, fill=fill, width=self.w(width))

    def text(self, x, y, text, size, fill):
        self.d.text(self.p(x, y), text, fill=fill, font=font(max(8, round(size * self.s))), anchor="mm")

    def leaf(self, x, y, length, width, angle, fill, line=0.012):
        """A pointed leaf from (x, y) towards ``angle`` degrees."""
        a = math.radians(angle)
        ux, uy = math.cos(a), math.sin(a)
        nx, ny = -uy, ux
        pts = []
        for i in range(13):
            t = i / 12
            half = math.sin(math.pi * t) * width / 2
            pts.append((x + ux * length * t + nx * half, y + uy * length * t + ny * half))
        for i in range(12, -1, -1):
            t = i / 12
            half = math.sin(math.pi * t) * width / 2
            pts.append((x + ux * length * t - nx * half, y + uy * length * t - ny * half))
        self.poly(pts, fill, line=line)
        self.line([(x, y), (x + ux * length * 0.85, y + uy * length * 0.85)], darker(fill, 0.25), 0.008)

    def patterned(self, points, base: RGB, motif: str, ink: RGB, step: float = 0.16):
        """Fill a polygon with a repeating textile motif, then outline it."""
        pts = [self.p(x, y) for x, y in points]
        layer = Image.new("RGB", self.img.size, base)
        draw_motif(ImageDraw.Draw(layer), motif, ink, base, self.w(step), bbox(pts))
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).polygon(pts, fill=255)
        self.img.paste(layer, (0, 0), mask)
        self.d.polygon(pts, outline=self.outline, width=self.w(0.018))


def bbox(pts):
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (int(min(xs)) - 2, int(min(ys)) - 2, int(max(xs)) + 2, int(max(ys)) + 2)


def draw_motif(d: ImageDraw.ImageDraw, motif: str, ink: RGB, base: RGB, step: int, box) -> None:
    """Repeat a small motif over ``box``: batik kawung, tenun diamonds, pucuk rebung, …"""
    x0, y0, x1, y1 = box
    soft = mix(base, ink, 0.55)
    for row, y in enumerate(range(y0 - step, y1 + step, step)):
        shift = step // 2 if row % 2 else 0
        for x in range(x0 - step + shift, x1 + step, step):
            c = (x + step // 2, y + step // 2)
            r = step // 2
            if motif == "kawung":
                q = r * 0.5
                for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                    ex, ey = c[0] + dx * q, c[1] + dy * q
                    rx, ry = (q * 0.9, q * 0.5) if dx else (q * 0.5, q * 0.9)
                    d.ellipse((ex - rx, ey - ry, ex + rx, ey + ry), fill=soft, outline=ink, width=max(1, step // 28))
                d.ellipse((c[0] - 3, c[1] - 3, c[0] + 3, c[1] + 3), fill=ink)
            elif motif == "diamond":
                pts = [(c[0], c[1] - r), (c[0] + r, c[1]), (c[0], c[1] + r), (c[0] - r, c[1])]
                d.polygon(pts, outline=ink, width=max(2, step // 16))
                inner = [(c[0], c[1] - r // 2), (c[0] + r // 2, c[1]), (c[0], c[1] + r // 2), (c[0] - r // 2, c[1])]
                d.polygon(inner, fill=soft)
            elif motif == "rebung":
                if row % 2 == 0:
                    d.polygon([(x, y + step), (c[0], y), (x + step, y + step)], fill=soft, outline=ink,
                              width=max(1, step // 24))
                else:
                    d.ellipse((c[0] - r // 4, c[1] - r // 4, c[0] + r // 4, c[1] + r // 4), fill=ink)
            elif motif == "check":
                if (row + (x // step)) % 2 == 0:
                    d.rectangle((x, y, x + step, y + step), fill=soft)
                d.line((x, y, x + step, y), fill=ink, width=max(1, step // 20))
            elif motif == "wave":
                d.arc((x, y, x + step, y + step), 200, 340, fill=ink, width=max(2, step // 14))
                d.ellipse((c[0] - 4, c[1] + r // 3, c[0] + 4, c[1] + r // 3 + 8), fill=soft)
            elif motif == "ondel":
                d.ellipse((c[0] - r * 0.4, c[1] - r * 0.4, c[0] + r * 0.4, c[1] + r * 0.4), fill=soft, outline=ink,
                          width=max(1, step // 24))
                for k in range(5):
                    a = math.radians(200 + k * 35)
                    d.line((c[0], c[1] - r * 0.3, c[0] + math.cos(a) * r * 0.8, c[1] + math.sin(a) * r * 0.8),
                           fill=ink, width=max(1, step // 30))
            elif motif == "leaves":
                d.ellipse((x + r * 0.3, y + r * 0.6, x + step - r * 0.3, y + step - r * 0.6), fill=soft, outline=ink)
            else:  # dots
                d.ellipse((c[0] - r // 4, c[1] - r // 4, c[0] + r // 4, c[1] + r // 4), fill=soft)


# --------------------------------------------------------------------------- shapes
# Each shape draws into unit space; the object stays within about x, y in [-1, 1].


@dataclass
class Style:
    main: RGB
    accent: RGB
    second: RGB
    motif: str
    seed: Seed
    hint: str = ""  # the product ID, for shapes that vary by product


Shape = Callable[[Pen, Style], None]


def soft_ellipse(size: tuple[int, int], box, strength: int, blur: float) -> Image.Image:
    """A blurred ellipse mask, drawn and blurred at quarter size for speed."""
    q = 4
    small = Image.new("L", (size[0] // q, size[1] // q), 0)
    ImageDraw.Draw(small).ellipse(tuple(v / q for v in box), fill=strength)
    small = small.filter(ImageFilter.GaussianBlur(max(1.0, blur / q)))
    return small.resize(size, Image.Resampling.BILINEAR)


def shadow(pen: Pen, width: float = 0.9, y: float = 0.98) -> None:
    mask = soft_ellipse(pen.img.size, pen.box(-width, y - 0.08, width, y + 0.08), 45, pen.s * 0.05)
    pen.img.paste((0, 0, 0), (0, 0), mask)


def label(pen: Pen, x0, y0, x1, y1, st: Style, initial: str = "") -> None:
    pen.rect(x0, y0, x1, y1, lighter(st.second, 0.75), r=0.04, line=0.012)
    pen.rect(x0, y0 + (y1 - y0) * 0.72, x1, y1, st.accent, r=0.0, line=0)
    cx, cy = (x0 + x1) / 2, y0 + (y1 - y0) * 0.38
    radius = min(x1 - x0, y1 - y0) * 0.22
    pen.circle(cx, cy, radius, st.accent, line=0)
    if initial:
        pen.text(cx, cy, initial, radius * 1.3, (255, 255, 255))


def pouch(pen: Pen, st: Style) -> None:
    shadow(pen, 0.6)
    pen.poly([(-0.55, -0.75), (0.55, -0.75), (0.6, 0.95), (-0.6, 0.95)], st.main)
    pen.rect(-0.55, -0.75, 0.55, -0.6, darker(st.main, 0.15), line=0.012)
    for i in range(12):
        x = -0.55 + i * 0.1
        pen.line([(x, -0.75), (x + 0.05, -0.8), (x + 0.1, -0.75)], darker(st.main, 0.3), 0.01)
    label(pen, -0.38, -0.4, 0.38, 0.55, st, "")
    pen.ellipse(-0.2, -0.25, 0.2, 0.08, lighter(st.second, 0.2), line=0.01)


def bottle(pen: Pen, st: Style, tall: float = 1.0) -> None:
    shadow(pen, 0.45)
    top = -0.95 * tall
    pen.rect(-0.13, top, 0.13, top + 0.14, st.accent, r=0.03)
    pen.rect(-0.11, top + 0.14, 0.11, top + 0.4, lighter(st.main, 0.2), line=0.014)
    pen.poly([(-0.11, top + 0.38), (0.11, top + 0.38), (0.36, top + 0.62), (-0.36, top + 0.62)], st.main)
    pen.rect(-0.36, top + 0.6, 0.36, 0.95, st.main, r=0.08)
    label(pen, -0.3, 0.0, 0.3, 0.6, st, "")
    pen.line([(-0.25, top + 0.75), (-0.25, 0.85)], lighter(st.main, 0.45), 0.035)


def jar(pen: Pen, st: Style) -> None:
    shadow(pen, 0.65)
    pen.rect(-0.5, -0.7, 0.5, -0.45, st.accent, r=0.05)
    pen.rect(-0.56, -0.47, 0.56, 0.92, st.main, r=0.16)
    label(pen, -0.46, -0.15, 0.46, 0.55, st, "")
    pen.line([(-0.42, -0.3), (-0.42, 0.8)], lighter(st.main, 0.45), 0.04)


def box(pen: Pen, st: Style, ribbon: bool = True) -> None:
    shadow(pen, 0.85)
    front = [(-0.75, -0.25), (0.45, -0.25), (0.45, 0.9), (-0.75, 0.9)]
    top = [(-0.75, -0.25), (-0.4, -0.6), (0.8, -0.6), (0.45, -0.25)]
    side = [(0.45, -0.25), (0.8, -0.6), (0.8, 0.55), (0.45, 0.9)]
    pen.poly(front, st.main)
    pen.poly(top, lighter(st.main, 0.25))
    pen.poly(side, darker(st.main, 0.2))
    if ribbon:
        pen.poly([(-0.2, -0.25), (-0.05, -0.25), (-0.05, 0.9), (-0.2, 0.9)], st.accent, line=0.01)
        pen.poly([(-0.2, -0.25), (0.15, -0.6), (0.3, -0.6), (-0.05, -0.25)], lighter(st.accent, 0.15), line=0.01)
        pen.ellipse(-0.32, -0.52, -0.06, -0.32, st.accent, line=0.012)
        pen.ellipse(-0.08, -0.52, 0.18, -0.32, st.accent, line=0.012)
    label(pen, -0.62, 0.05, -0.28, 0.7, st, "")


def mug(pen: Pen, st: Style, steam: bool = True, painted: bool = False) -> None:
    shadow(pen, 0.7)
    pen.ellipse(0.3, -0.3, 0.85, 0.5, None, line=0.1, outline=darker(st.main, 0.1))
    pen.rect(-0.65, -0.5, 0.5, 0.9, st.main, r=0.16)
    pen.ellipse(-0.65, -0.62, 0.5, -0.38, darker(st.second, 0.35))
    if painted:
        ondel_head(pen, -0.08, 0.42, 0.17, st)
    else:
        pen.rect(-0.65, 0.1, 0.5, 0.28, st.accent, line=0)
    if steam:
        for x in (-0.35, -0.08, 0.2):
            pen.line([(x, -0.75), (x + 0.06, -0.85), (x, -0.95), (x + 0.06, -1.05)], lighter(st.main, 0.1), 0.025)


def glass(pen: Pen, st: Style, straws: int = 1) -> None:
    shadow(pen, 0.5)
    pen.poly([(-0.42, -0.7), (0.42, -0.7), (0.32, 0.92), (-0.32, 0.92)], lighter(st.second, 0.7))
    pen.poly([(-0.38, -0.3), (0.38, -0.3), (0.32, 0.9), (-0.32, 0.9)], st.main, line=0)
    pen.poly([(-0.35, 0.2), (0.35, 0.2), (0.32, 0.9), (-0.32, 0.9)], st.accent, line=0)
    for i in range(straws):
        x = -0.15 + i * 0.1
        pen.line([(x, 0.6), (x + 0.25 - i * 0.08, -1.0)], lighter(st.second, 0.3) if straws > 1 else st.accent, 0.05)
    pen.poly([(-0.42, -0.7), (0.42, -0.7), (0.32, 0.92), (-0.32, 0.92)], None)


def cloth(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    back = [(-0.8, -0.75), (0.75, -0.85), (0.85, 0.7), (-0.75, 0.8)]
    pen.poly(back, darker(st.main, 0.25))
    front = [(-0.95, -0.55), (0.85, -0.6), (0.95, 0.95), (-0.85, 0.9)]
    pen.patterned(front, st.main, st.motif, st.accent)
    pen.poly([(-0.95, -0.55), (0.85, -0.6), (0.86, -0.45), (-0.94, -0.4)], st.accent, line=0.01)
    pen.poly([(-0.86, 0.78), (0.94, 0.82), (0.95, 0.95), (-0.85, 0.9)], st.accent, line=0.01)


def roll(pen: Pen, st: Style) -> None:
    shadow(pen, 0.9)
    pen.patterned([(-0.9, -0.2), (0.5, -0.2), (0.5, 0.95), (-0.9, 0.95)], st.main, st.motif, st.accent)
    pen.ellipse(0.3, -0.2, 0.7, 0.95, darker(st.main, 0.1))
    pen.ellipse(0.42, 0.2, 0.58, 0.55, darker(st.main, 0.45))
    pen.patterned([(-0.9, -0.2), (-0.3, -0.85), (0.9, -0.85), (0.5, -0.2)], lighter(st.main, 0.1), st.motif, st.accent)


SHIRT = [(-0.35, -0.85), (-0.12, -0.78), (0.0, -0.65), (0.12, -0.78), (0.35, -0.85), (0.85, -0.5), (0.7, -0.15),
         (0.48, -0.3), (0.48, 0.95), (-0.48, 0.95), (-0.48, -0.3), (-0.7, -0.15), (-0.85, -0.5)]


def shirt(pen: Pen, st: Style, patterned: bool = False, vest: bool = False) -> None:
    shadow(pen, 0.7)
    pts = SHIRT
    if vest:
        pts = [(-0.35, -0.85), (-0.12, -0.4), (0.12, -0.4), (0.35, -0.85), (0.5, -0.5), (0.5, 0.95), (-0.5, 0.95),
               (-0.5, -0.5)]
    if patterned:
        pen.patterned(pts, st.main, st.motif, st.accent, step=0.14)
    else:
        pen.poly(pts, st.main)
    if vest:
        pen.rect(-0.5, 0.2, 0.5, 0.32, lighter(st.second, 0.6), line=0)
        pen.rect(-0.5, 0.55, 0.5, 0.67, lighter(st.second, 0.6), line=0)
        return
    pen.poly([(-0.12, -0.78), (0.0, -0.65), (0.12, -0.78), (0.0, -0.5)], darker(st.main, 0.15), line=0.01)
    for i in range(4):
        pen.circle(0.0, -0.35 + i * 0.3, 0.03, darker(st.main, 0.4), line=0)
    pen.line([(0.0, -0.55), (0.0, 0.95)], darker(st.main, 0.2), 0.012)
    pen.rect(0.18, -0.3, 0.38, -0.15, st.accent, line=0.01)


def kebaya(pen: Pen, st: Style) -> None:
    shirt(pen, st)
    for i in range(7):
        y = -0.3 + i * 0.18
        pen.circle(-0.2, y, 0.05, None, line=0.012, outline=st.accent)
        pen.circle(0.2, y, 0.05, None, line=0.012, outline=st.accent)
    for x in (-0.66, 0.66):
        pen.circle(x, -0.3, 0.05, None, line=0.012, outline=st.accent)


def scarf(pen: Pen, st: Style, patterned: bool = True) -> None:
    shadow(pen, 0.85)
    pts = [(-0.9, -0.6), (0.9, -0.6), (0.0, 0.95)]
    if patterned:
        pen.patterned(pts, st.main, st.motif, st.accent, step=0.13)
    else:
        pen.poly(pts, st.main)
    pen.poly([(-0.9, -0.6), (0.9, -0.6), (0.8, -0.45), (-0.8, -0.45)], darker(st.main, 0.12), line=0.01)


def handbag(pen: Pen, st: Style) -> None:
    shadow(pen, 0.85)
    pen.arc(-0.45, -0.95, 0.45, 0.0, 180, 360, darker(st.main, 0.35), 0.07)
    pen.poly([(-0.7, -0.45), (0.7, -0.45), (0.85, 0.92), (-0.85, 0.92)], st.main)
    pen.patterned([(-0.45, 0.05), (0.45, 0.05), (0.5, 0.6), (-0.5, 0.6)], st.second, st.motif, st.accent, step=0.12)
    pen.line([(-0.7, -0.3), (0.7, -0.3)], darker(st.main, 0.3), 0.015)


def backpack(pen: Pen, st: Style) -> None:
    shadow(pen, 0.65)
    pen.arc(-0.25, -1.0, 0.25, -0.6, 180, 360, darker(st.main, 0.35), 0.06)
    pen.rect(-0.6, -0.8, 0.6, 0.95, st.main, r=0.25)
    pen.rect(-0.42, 0.2, 0.42, 0.82, darker(st.main, 0.12), r=0.1)
    pen.line([(-0.42, 0.4), (0.42, 0.4)], st.accent, 0.03)
    pen.line([(-0.45, -0.35), (0.45, -0.35)], darker(st.main, 0.35), 0.02)


def shoe(pen: Pen, st: Style, boot: bool = False) -> None:
    shadow(pen, 0.95, 0.72)
    top = -0.55 if boot else -0.15
    pts = [(-0.9, 0.6), (-0.85, top), (-0.35, top - 0.05), (-0.25, 0.05), (0.45, 0.15), (0.85, 0.35), (0.92, 0.6)]
    pen.poly(pts, st.main)
    pen.rect(-0.92, 0.55, 0.94, 0.72, darker(st.main, 0.5), r=0.05)
    pen.line([(-0.25, 0.05), (0.1, 0.3)], lighter(st.main, 0.3), 0.02)
    if boot:
        for i in range(4):
            pen.line([(-0.78, top + 0.12 + i * 0.12), (-0.38, top + 0.12 + i * 0.12)], lighter(st.main, 0.5), 0.02)
    pen.arc(-0.2, -0.05, 0.7, 0.35, 200, 300, lighter(st.main, 0.35), 0.03)


def belt(pen: Pen, st: Style) -> None:
    shadow(pen, 0.9, 0.6)
    pen.ellipse(-0.9, -0.45, 0.9, 0.55, None, line=0.16, outline=st.main)
    pen.rect(0.55, -0.08, 0.95, 0.2, None, line=0.05, outline=(212, 168, 60))
    for i in range(4):
        pen.circle(-0.2 + i * 0.15, 0.55, 0.025, darker(st.main, 0.5), line=0)


def wallet(pen: Pen, st: Style) -> None:
    shadow(pen, 0.8)
    pen.rect(-0.8, -0.55, 0.8, 0.75, st.main, r=0.1)
    pen.rect(-0.8, -0.55, 0.8, 0.0, darker(st.main, 0.12), r=0.1)
    pen.rect(-0.72, -0.47, 0.72, 0.67, None, r=0.08, line=0.008, outline=lighter(st.main, 0.4))
    pen.circle(0.55, -0.02, 0.07, (212, 168, 60))


def chair(pen: Pen, st: Style, rattan: bool = False, office: bool = False) -> None:
    shadow(pen, 0.75)
    if office:
        pen.line([(0.0, 0.35), (0.0, 0.75)], (70, 70, 70), 0.07)
        for x in (-0.55, 0.0, 0.55):
            pen.line([(0.0, 0.75), (x, 0.88)], (70, 70, 70), 0.05)
            pen.circle(x, 0.9, 0.06, (40, 40, 40), line=0)
        pen.rect(-0.45, -0.95, 0.45, 0.1, st.main, r=0.18)
        for i in range(6):
            pen.line([(-0.35, -0.8 + i * 0.15), (0.35, -0.8 + i * 0.15)], lighter(st.main, 0.25), 0.012)
        pen.rect(-0.6, 0.12, 0.6, 0.38, darker(st.main, 0.1), r=0.1)
        return
    leg = darker(st.main, 0.35)
    for x in (-0.55, 0.47):  # rear legs rise into the back posts
        pen.rect(x, -0.95, x + 0.08, 0.8, leg, line=0.01)
    if rattan:
        pen.rect(-0.5, -0.9, 0.52, -0.05, st.main, r=0.12)
        for i in range(7):
            pen.line([(-0.42 + i * 0.14, -0.85), (-0.42 + i * 0.14, -0.1)], darker(st.main, 0.2), 0.015)
        for i in range(5):
            pen.line([(-0.45, -0.78 + i * 0.15), (0.47, -0.78 + i * 0.15)], lighter(st.main, 0.25), 0.015)
    else:
        pen.rect(-0.5, -0.9, 0.52, -0.55, st.main, r=0.04)
        for x in (-0.25, 0.0, 0.25):
            pen.rect(x - 0.04, -0.55, x + 0.04, -0.05, st.main, line=0.01)
        pen.arc(-0.35, -0.85, 0.35, -0.6, 200, 340, st.accent, 0.025)
    for x in (-0.72, 0.64):  # front legs
        pen.rect(x, 0.15, x + 0.08, 0.95, leg, line=0.01)
    pen.poly([(-0.62, -0.05), (0.62, -0.05), (0.78, 0.22), (-0.78, 0.22)],
             lighter(st.second, 0.4) if rattan else st.main)
    pen.rect(-0.78, 0.2, 0.78, 0.3, darker(st.main, 0.15), line=0.01)


def table(pen: Pen, st: Style, drawers: bool = True, grain: bool = False) -> None:
    shadow(pen, 0.95)
    leg = darker(st.main, 0.3)
    for x in (-0.85, 0.77):
        pen.rect(x, -0.25, x + 0.08, 0.95, leg, line=0.01)
    pen.poly([(-0.95, -0.45), (0.95, -0.45), (1.0, -0.25), (-1.0, -0.25)], st.main)
    if grain:
        for i in range(3):
            pen.arc(-0.8 + i * 0.5, -0.44, -0.3 + i * 0.5, -0.26, 180, 360, darker(st.main, 0.25), 0.008)
    if drawers:
        pen.rect(0.15, -0.25, 0.77, 0.5, darker(st.main, 0.08), line=0.014)
        pen.line([(0.15, 0.12), (0.77, 0.12)], darker(st.main, 0.35), 0.012)
        for y in (-0.07, 0.31):
            pen.rect(0.38, y - 0.02, 0.54, y + 0.02, (212, 190, 120), line=0)


def cabinet(pen: Pen, st: Style, drawers: int = 4, books: bool = False) -> None:
    shadow(pen, 0.7)
    pen.rect(-0.62, -0.98, 0.62, 0.95, st.main, r=0.03)
    if books:
        for shelf in range(4):
            y = -0.9 + shelf * 0.46
            pen.line([(-0.62, y + 0.42), (0.62, y + 0.42)], darker(st.main, 0.35), 0.03)
            x = -0.55
            k = 0
            while x < 0.5:
                width = 0.07 + 0.04 * ((shelf + k) % 3)
                colour = (st.accent, st.second, lighter(st.accent, 0.4), darker(st.second, 0.2))[(shelf + k) % 4]
                pen.rect(x, y + 0.08 + 0.03 * (k % 2), x + width, y + 0.4, colour, line=0.008)
                x += width + 0.02
                k += 1
        return
    step = 1.85 / drawers
    for i in range(drawers):
        y = -0.92 + i * step
        pen.rect(-0.55, y, 0.55, y + step - 0.06, lighter(st.main, 0.08), r=0.02, line=0.012)
        pen.rect(-0.15, y + step / 2 - 0.06, 0.15, y + step / 2, lighter(st.second, 0.3), r=0.02, line=0.008)


def partition(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    for i in range(3):
        x = -0.95 + i * 0.65
        pen.rect(x, -0.75, x + 0.6, 0.9, st.main, r=0.04)
        pen.rect(x + 0.05, -0.7, x + 0.55, 0.85, lighter(st.main, 0.15), r=0.03, line=0.008)


def lamp(pen: Pen, st: Style) -> None:
    pen.line([(0, -1.1), (0, -0.45)], (60, 60, 60), 0.015)
    pen.poly([(-0.15, -0.45), (0.15, -0.45), (0.75, 0.45), (-0.75, 0.45)], st.main)
    for i in range(9):
        t = i / 8
        pen.line([(-0.15 + 0.3 * t, -0.45), (-0.75 + 1.5 * t, 0.45)], darker(st.main, 0.25), 0.012)
    for i in range(4):
        y = -0.3 + i * 0.2
        half = 0.15 + (y + 0.45) * 0.667
        pen.line([(-half, y), (half, y)], lighter(st.main, 0.2), 0.012)
    pen.ellipse(-0.2, 0.38, 0.2, 0.62, (255, 236, 170), line=0.01)


def basket(pen: Pen, st: Style, handle: bool = True) -> None:
    shadow(pen, 0.85)
    if handle:
        pen.arc(-0.6, -0.95, 0.6, 0.2, 180, 360, darker(st.main, 0.25), 0.07)
    pen.poly([(-0.85, -0.35), (0.85, -0.35), (0.62, 0.92), (-0.62, 0.92)], st.main)
    for i in range(6):
        y = -0.25 + i * 0.2
        half = 0.83 - (y + 0.35) * 0.17
        pen.line([(-half, y), (half, y)], darker(st.main, 0.25), 0.02)
    for i in range(9):
        t = i / 8
        pen.line([(-0.85 + 1.7 * t, -0.35), (-0.62 + 1.24 * t, 0.92)], lighter(st.main, 0.25), 0.012)
    pen.ellipse(-0.88, -0.45, 0.88, -0.25, lighter(st.main, 0.15))


def tray(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95, 0.5)
    for i in range(6):
        r = 0.95 - i * 0.15
        pen.ellipse(-r, -r * 0.55, r, r * 0.55, st.main if i % 2 == 0 else darker(st.main, 0.12), line=0.01)


def tissue_box(pen: Pen, st: Style) -> None:
    box(pen, st, ribbon=False)
    for i in range(6):
        pen.line([(-0.7 + i * 0.2, -0.2), (-0.7 + i * 0.2, 0.85)], darker(st.main, 0.2), 0.015)
    pen.poly([(0.0, -0.45), (0.2, -0.75), (0.35, -0.45)], (250, 250, 250), line=0.01)


def vase(pen: Pen, st: Style) -> None:
    shadow(pen, 0.55)
    pts = []
    for i in range(25):
        t = i / 24
        y = -0.95 + 1.9 * t
        r = 0.2 + 0.35 * math.sin(math.pi * min(1.0, t * 1.15)) ** 1.5
        pts.append((r, y))
    outline = pts + [(-x, y) for x, y in reversed(pts)]
    pen.poly(outline, st.main)
    pen.ellipse(-0.22, -1.0, 0.22, -0.9, darker(st.main, 0.3))
    pen.line([(-0.25, -0.4), (-0.32, 0.4)], lighter(st.main, 0.4), 0.04)


def plate(pen: Pen, st: Style, food: bool = False) -> None:
    shadow(pen, 0.95, 0.55)
    pen.ellipse(-0.95, -0.55, 0.95, 0.55, (250, 248, 244))
    pen.ellipse(-0.7, -0.4, 0.7, 0.4, lighter(st.main, 0.6), line=0.01)
    if food:
        pen.ellipse(-0.55, -0.3, 0.05, 0.2, (250, 250, 246))
        pen.ellipse(0.0, -0.25, 0.5, 0.12, (128, 70, 40))
        pen.ellipse(-0.1, 0.05, 0.4, 0.32, (110, 160, 70))
    else:
        for i in range(10):
            a = math.radians(i * 36)
            pen.circle(math.cos(a) * 0.82, math.sin(a) * 0.47, 0.05, st.accent, line=0)
        pen.patterned([(-0.5, -0.28), (0.5, -0.28), (0.5, 0.28), (-0.5, 0.28)], lighter(st.main, 0.6), st.motif,
                      st.accent, step=0.14)


def tumbler(pen: Pen, st: Style) -> None:
    shadow(pen, 0.4)
    pen.rect(-0.3, -0.95, 0.3, -0.72, darker(st.main, 0.35), r=0.06)
    pen.rect(-0.33, -0.75, 0.33, 0.95, st.main, r=0.08)
    pen.rect(-0.33, -0.1, 0.33, 0.3, st.accent, line=0)
    pen.circle(0.0, 0.1, 0.12, lighter(st.accent, 0.6), line=0.01)
    pen.line([(-0.2, -0.6), (-0.2, 0.85)], lighter(st.main, 0.4), 0.03)


def fish(pen: Pen, st: Style, dried: bool = False) -> None:
    shadow(pen, 0.95, 0.5)
    pen.poly([(0.55, 0.0), (0.98, -0.35), (0.9, 0.0), (0.98, 0.35)], darker(st.main, 0.15))
    pen.ellipse(-0.95, -0.38, 0.7, 0.38, st.main)
    pen.arc(-0.7, -0.3, -0.3, 0.3, 300, 60, darker(st.main, 0.3), 0.02)
    pen.circle(-0.72, -0.08, 0.06, (250, 250, 250), line=0.01)
    pen.circle(-0.72, -0.08, 0.03, (30, 30, 30), line=0)
    for i in range(5):
        x = -0.2 + i * 0.16
        scale = darker(st.main, 0.25) if dried else lighter(st.main, 0.3)
        pen.arc(x - 0.1, -0.2, x + 0.1, 0.2, 300, 60, scale, 0.015)
    pen.poly([(-0.1, -0.36), (0.2, -0.55), (0.3, -0.3)], darker(st.main, 0.1))


def squid(pen: Pen, st: Style) -> None:
    shadow(pen, 0.8, 0.6)
    pen.poly([(-0.95, 0.0), (-0.6, -0.35), (0.3, -0.22), (0.3, 0.22), (-0.6, 0.35)], st.main)
    for i in range(7):
        y = -0.18 + i * 0.06
        pen.line([(0.28, y), (0.6, y * 1.6), (0.95, y * 2.2)], darker(st.main, 0.1), 0.03)
    pen.circle(0.15, -0.05, 0.05, (30, 30, 30), line=0)


def seaweed(pen: Pen, st: Style) -> None:
    shadow(pen, 0.8)
    for i in range(7):
        x0 = -0.6 + i * 0.2
        pts = [(x0 + 0.08 * math.sin(k * 0.9 + i), 0.9 - k * 0.28) for k in range(7)]
        pen.line(pts, st.main if i % 2 else darker(st.main, 0.2), 0.07)


def lettuce(pen: Pen, st: Style) -> None:
    shadow(pen, 0.85)
    for i in range(9):
        a = -160 + i * 17
        pen.leaf(0.0, 0.8, 1.2 - abs(i - 4) * 0.08, 0.55, a, st.main if i % 2 else lighter(st.main, 0.15))
    pen.ellipse(-0.25, 0.55, 0.25, 0.95, lighter(st.main, 0.5))


def plant(pen: Pen, st: Style, kind: str = "leaves") -> None:
    shadow(pen, 0.6)
    green = (60, 140, 80) if st.main == st.second else st.second
    if kind == "orchid":
        pen.line([(0.0, 0.25), (0.1, -0.4), (0.45, -0.75)], (70, 110, 60), 0.025)
        for x, y in ((0.1, -0.45), (0.3, -0.65), (0.5, -0.8), (-0.1, -0.2)):
            for k in range(5):
                a = math.radians(k * 72 + 90)
                pen.circle(x + math.cos(a) * 0.1, y + math.sin(a) * 0.1, 0.09, st.main, line=0.008)
            pen.circle(x, y, 0.05, st.accent, line=0)
        for a in (-170, -20, -150):
            pen.leaf(0.0, 0.3, 0.55, 0.22, a, green)
    elif kind == "monstera":
        for a in (-150, -115, -75, -35, -95):
            pen.leaf(0.0, 0.3, 0.95, 0.6, a, green)
            ang = math.radians(a)
            for k in (0.45, 0.65):
                pen.circle(math.cos(ang) * k, 0.3 + math.sin(ang) * k, 0.05, lighter(green, 0.7), line=0)
    elif kind == "sprout":
        pen.line([(0.0, 0.4), (0.0, -0.45)], (90, 70, 50), 0.04)
        for a, y in ((-150, -0.1), (-30, -0.25), (-140, -0.4), (-45, -0.5)):
            pen.leaf(0.0, y, 0.45, 0.22, a, green)
    else:
        for a in (-160, -130, -100, -80, -50, -20):
            pen.leaf(0.0, 0.3, 0.8, 0.3, a, green)
    if kind == "sprout":
        pen.poly([(-0.45, 0.3), (0.45, 0.3), (0.4, 0.95), (-0.4, 0.95)], (40, 40, 40))
        pen.line([(-0.35, 0.5), (0.35, 0.5)], (70, 70, 70), 0.01)
    else:
        pot = (250, 248, 244) if kind == "orchid" else st.accent
        pen.poly([(-0.45, 0.3), (0.45, 0.3), (0.35, 0.95), (-0.35, 0.95)], pot)
        pen.rect(-0.5, 0.25, 0.5, 0.4, darker(pot, 0.1), r=0.03)


def tire_pot(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    for a in (-160, -130, -100, -80, -50, -20):
        pen.leaf(0.0, 0.1, 0.75, 0.28, a, (60, 140, 80))
    pen.ellipse(-0.9, 0.0, 0.9, 0.95, st.main)
    pen.ellipse(-0.6, 0.15, 0.6, 0.55, (90, 64, 40))
    for i in range(10):
        x = -0.8 + i * 0.18
        pen.line([(x, 0.62), (x + 0.08, 0.85)], darker(st.main, 0.4), 0.02)


def hydro_pipe(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    for row, y in enumerate((-0.3, 0.45)):
        pen.rect(-0.95, y, 0.95, y + 0.25, (236, 236, 236), r=0.12)
        for i in range(4):
            x = -0.7 + i * 0.46 + (0.1 if row else 0)
            for a in (-150, -90, -30):
                pen.leaf(x, y + 0.02, 0.35, 0.18, a, st.main)
            pen.ellipse(x - 0.08, y - 0.02, x + 0.08, y + 0.08, (250, 250, 250), line=0.008)
    pen.rect(-0.95, -0.3, -0.88, 0.95, (200, 200, 200), line=0.01)
    pen.rect(0.88, -0.3, 0.95, 0.95, (200, 200, 200), line=0.01)


def folder(pen: Pen, st: Style) -> None:
    shadow(pen, 0.8)
    pen.poly([(-0.8, -0.7), (-0.35, -0.7), (-0.25, -0.6), (0.8, -0.6), (0.8, 0.9), (-0.8, 0.9)], darker(st.main, 0.15))
    if st.motif != "dots":
        pen.patterned([(-0.8, -0.45), (0.85, -0.45), (0.8, 0.9), (-0.8, 0.9)], st.main, st.motif, st.accent, 0.14)
    else:
        pen.poly([(-0.8, -0.45), (0.85, -0.45), (0.8, 0.9), (-0.8, 0.9)], st.main)
    pen.circle(0.0, 0.2, 0.2, lighter(st.accent, 0.2))
    pen.text(0.0, 0.2, "LOGO", 0.09, (255, 255, 255))


def book(pen: Pen, st: Style) -> None:
    shadow(pen, 0.7)
    pen.rect(-0.55, -0.85, 0.65, 0.92, (245, 242, 232), r=0.04)
    pen.rect(-0.6, -0.9, 0.58, 0.88, st.main, r=0.05)
    pen.rect(-0.6, -0.9, -0.45, 0.88, darker(st.main, 0.25), line=0.01)
    pen.poly([(0.25, 0.88), (0.35, 0.88), (0.35, 1.05), (0.3, 0.98), (0.25, 1.05)], st.accent, line=0.008)
    pen.rect(-0.25, -0.45, 0.35, -0.25, lighter(st.second, 0.5), r=0.02, line=0.008)


def id_card(pen: Pen, st: Style) -> None:
    shadow(pen, 0.5)
    pen.line([(-0.25, -1.05), (0.0, -0.55), (0.25, -1.05)], st.main, 0.08)
    pen.rect(-0.08, -0.62, 0.08, -0.45, (180, 180, 180), r=0.02)
    pen.rect(-0.45, -0.5, 0.45, 0.85, (250, 250, 250), r=0.05)
    pen.rect(-0.45, -0.5, 0.45, -0.25, st.accent, r=0.05, line=0)
    pen.circle(0.0, 0.05, 0.18, lighter(st.second, 0.4))
    for i in range(2):
        pen.line([(-0.3, 0.45 + i * 0.15), (0.3, 0.45 + i * 0.15)], (160, 160, 160), 0.03)


def plaque(pen: Pen, st: Style) -> None:
    shadow(pen, 0.7)
    pen.rect(-0.6, 0.65, 0.6, 0.92, (120, 80, 50), r=0.03)
    pen.poly([(-0.5, -0.95), (0.5, -0.95), (0.5, 0.2), (0.0, 0.62), (-0.5, 0.2)], lighter(st.main, 0.55))
    pen.poly([(-0.38, -0.82), (0.38, -0.82), (0.38, 0.12), (0.0, 0.48), (-0.38, 0.12)], None, line=0.012,
             outline=st.accent)
    pen.circle(0.0, -0.35, 0.2, st.accent)
    star(pen, 0.0, -0.35, 0.13, (255, 255, 255))
    pen.line([(-0.22, 0.05), (0.22, 0.05)], st.accent, 0.03)


def medal(pen: Pen, st: Style) -> None:
    shadow(pen, 0.45)
    pen.poly([(-0.45, -1.0), (-0.2, -1.0), (0.12, -0.2), (-0.12, -0.2)], (206, 40, 40), line=0.01)
    pen.poly([(0.45, -1.0), (0.2, -1.0), (-0.12, -0.2), (0.12, -0.2)], (246, 244, 238), line=0.01)
    pen.circle(0.0, 0.3, 0.5, (212, 168, 60))
    pen.circle(0.0, 0.3, 0.38, (232, 196, 96), line=0.012)
    pen.text(0.0, 0.3, "1", 0.4, darker((212, 168, 60), 0.4))


def star(pen: Pen, x: float, y: float, r: float, fill: RGB) -> None:
    points = []
    for k in range(10):
        a = math.radians(-90 + k * 36)
        radius = r if k % 2 == 0 else r * 0.45
        points.append((x + math.cos(a) * radius, y + math.sin(a) * radius))
    pen.poly(points, fill, line=0)


def pin(pen: Pen, st: Style) -> None:
    shadow(pen, 0.6)
    pen.circle(0.0, 0.0, 0.7, (212, 168, 60))
    pen.circle(0.0, 0.0, 0.58, st.main, line=0.012)
    star(pen, 0.0, 0.0, 0.4, (255, 255, 255))


def screen_ui(pen: Pen, x0, y0, x1, y1, st: Style) -> None:
    pen.rect(x0, y0, x1, y1, (248, 250, 252), r=0.02, line=0.008)
    pen.rect(x0, y0, x1, y0 + (y1 - y0) * 0.15, st.accent, line=0)
    w = x1 - x0
    bars = 5
    for i in range(bars):
        h = (0.3 + 0.13 * ((i * 7) % 5)) * (y1 - y0) * 0.6
        bx = x0 + w * (0.08 + i * 0.12)
        pen.rect(bx, y1 - (y1 - y0) * 0.08 - h, bx + w * 0.08, y1 - (y1 - y0) * 0.08, st.second if i % 2 else
                 lighter(st.accent, 0.3), line=0)
    for i in range(3):
        y = y0 + (y1 - y0) * (0.3 + i * 0.14)
        pen.rect(x0 + w * 0.7, y, x1 - w * 0.06, y + (y1 - y0) * 0.07, (220, 226, 234), r=0.01, line=0)


def tablet(pen: Pen, st: Style) -> None:
    shadow(pen, 0.9)
    pen.rect(-0.95, -0.7, 0.95, 0.75, (40, 44, 52), r=0.08)
    screen_ui(pen, -0.85, -0.6, 0.85, 0.65, st)


def phone(pen: Pen, st: Style) -> None:
    shadow(pen, 0.45)
    pen.rect(-0.42, -0.98, 0.42, 0.95, (40, 44, 52), r=0.1)
    pen.rect(-0.35, -0.85, 0.35, 0.82, (248, 250, 252), r=0.03, line=0)
    pen.rect(-0.35, -0.85, 0.35, -0.68, st.accent, line=0)
    for i in range(4):
        y = -0.58 + i * 0.35
        pen.rect(-0.3, y, -0.05, y + 0.25, lighter(st.second, 0.3), r=0.02, line=0)
        pen.line([(0.0, y + 0.07), (0.28, y + 0.07)], (150, 150, 160), 0.03)
        pen.line([(0.0, y + 0.17), (0.2, y + 0.17)], (200, 200, 205), 0.03)


def laptop(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    pen.rect(-0.75, -0.85, 0.75, 0.35, (40, 44, 52), r=0.05)
    screen_ui(pen, -0.67, -0.77, 0.67, 0.27, st)
    pen.poly([(-0.85, 0.35), (0.85, 0.35), (1.0, 0.6), (-1.0, 0.6)], (180, 184, 192))


def pos(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    pen.rect(0.35, 0.05, 0.95, 0.9, (230, 232, 236), r=0.06)
    pen.rect(0.45, -0.35, 0.85, 0.1, (252, 252, 252), line=0.01)
    for i in range(4):
        pen.line([(0.5, -0.25 + i * 0.08), (0.8, -0.25 + i * 0.08)], (170, 170, 170), 0.015)
    pen.line([(-0.3, 0.3), (-0.3, 0.85)], (60, 60, 60), 0.06)
    pen.rect(-0.6, 0.8, 0.0, 0.92, (60, 60, 60), r=0.03)
    pen.rect(-0.95, -0.7, 0.3, 0.35, (40, 44, 52), r=0.06)
    screen_ui(pen, -0.88, -0.63, 0.23, 0.28, st)


def sensor(pen: Pen, st: Style, dial: bool = False, face: bool = False) -> None:
    shadow(pen, 0.7)
    if face:
        pen.rect(-0.45, -0.95, 0.45, 0.6, (40, 44, 52), r=0.08)
        pen.rect(-0.35, -0.8, 0.35, 0.3, (220, 236, 246), r=0.03, line=0)
        pen.ellipse(-0.18, -0.6, 0.18, -0.12, None, line=0.025, outline=st.accent)
        pen.arc(-0.25, -0.1, 0.25, 0.35, 200, 340, st.accent, 0.025)
        pen.line([(0.0, 0.6), (0.0, 0.95)], (60, 60, 60), 0.08)
        return
    if dial:
        pen.rect(-0.95, 0.2, 0.95, 0.4, (150, 160, 170), r=0.05)
        pen.circle(0.0, 0.0, 0.55, st.main)
        pen.circle(0.0, 0.0, 0.42, (248, 250, 252), line=0.012)
        pen.rect(-0.25, -0.15, 0.25, 0.0, (40, 44, 52), r=0.02, line=0)
        pen.text(0.0, -0.075, "0127", 0.11, (120, 240, 160))
    else:
        pen.rect(-0.6, -0.45, 0.6, 0.9, st.main, r=0.12)
        pen.rect(-0.42, -0.3, 0.42, 0.15, (30, 36, 44), r=0.04)
        pen.text(0.0, -0.075, "PM2.5  12", 0.12, (120, 240, 160))
        for i in range(3):
            for j in range(4):
                pen.circle(-0.3 + j * 0.2, 0.4 + i * 0.13, 0.03, darker(st.main, 0.3), line=0)
        pen.line([(0.4, -0.45), (0.5, -0.95)], (60, 60, 60), 0.03)
    for i in range(3):
        r = 0.18 + i * 0.14
        pen.arc(0.55 - r, -0.75 - r, 0.55 + r, -0.75 + r, 290, 350, st.accent, 0.025)


def card_coins(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    for i in range(5):
        y = 0.75 - i * 0.12
        pen.ellipse(0.2, y - 0.12, 0.95, y + 0.12, (212, 168, 60) if i % 2 else (232, 190, 80), line=0.012)
    pen.text(0.575, 0.27, "Rp", 0.12, darker((212, 168, 60), 0.45))
    pen.rect(-0.95, -0.65, 0.35, 0.3, st.main, r=0.08)
    pen.rect(-0.8, -0.4, -0.55, -0.2, (226, 196, 110), r=0.03, line=0.008)
    pen.line([(-0.8, 0.05), (0.15, 0.05)], lighter(st.main, 0.5), 0.035)
    pen.circle(0.12, -0.45, 0.1, st.accent, line=0)


def certificate(pen: Pen, st: Style, halal: bool = False, checks: bool = False, chart: bool = False) -> None:
    shadow(pen, 0.75)
    pen.rect(-0.62, -0.95, 0.62, 0.92, (252, 252, 248), r=0.03)
    pen.rect(-0.55, -0.88, 0.55, 0.85, None, line=0.01, outline=st.accent)
    pen.line([(-0.35, -0.7), (0.35, -0.7)], st.accent, 0.05)
    if chart:
        for i, h in enumerate((0.35, 0.6, 0.45, 0.75)):
            pen.rect(-0.4 + i * 0.22, 0.5 - h, -0.26 + i * 0.22, 0.5, st.second if i % 2 else st.accent, line=0.008)
        pen.line([(-0.45, 0.5), (0.45, 0.5)], (120, 120, 120), 0.012)
    elif checks:
        for i in range(4):
            y = -0.45 + i * 0.28
            pen.rect(-0.42, y - 0.07, -0.28, y + 0.07, (255, 255, 255), line=0.01, outline=(120, 120, 120))
            pen.line([(-0.4, y), (-0.36, y + 0.05), (-0.27, y - 0.1)], (40, 150, 70), 0.025)
            pen.line([(-0.18, y), (0.4, y)], (170, 170, 170), 0.03)
    else:
        for i in range(4):
            pen.line([(-0.4, -0.45 + i * 0.14), (0.4, -0.45 + i * 0.14)], (190, 190, 190), 0.025)
    seal = (40, 150, 70) if halal else st.accent
    pen.circle(0.32, 0.6, 0.24, seal)
    pen.circle(0.32, 0.6, 0.18, None, line=0.01, outline=(255, 255, 255))
    if halal:
        pen.text(0.32, 0.6, "HALAL", 0.07, (255, 255, 255))
    else:
        pen.line([(0.22, 0.6), (0.3, 0.68), (0.44, 0.5)], (255, 255, 255), 0.035)


def label_sheet(pen: Pen, st: Style) -> None:
    shadow(pen, 0.7)
    pen.rect(-0.65, -0.95, 0.65, 0.92, (252, 252, 252), r=0.02)
    for i in range(4):
        for j in range(3):
            x, y = -0.42 + j * 0.42, -0.7 + i * 0.45
            pen.circle(x, y, 0.17, st.accent if (i + j) % 2 else st.second, line=0.01)
            pen.circle(x, y, 0.08, (255, 255, 255), line=0)


def ondel_head(pen: Pen, x: float, y: float, r: float, st: Style, male: bool = True) -> None:
    face = (200, 52, 48) if male else (246, 240, 232)
    for k in range(9):
        a = math.radians(200 + k * 17.5)
        end = (x + math.cos(a) * r * 2.4, y + math.sin(a) * r * 2.4)
        pen.line([(x, y - r * 0.5), end], (60, 120, 60), r * 0.08)
        pen.circle(end[0], end[1], r * 0.16, (236, 190, 40) if k % 2 else (236, 120, 160), line=0)
    pen.circle(x, y, r, face, line=r * 0.05)
    pen.circle(x - r * 0.35, y - r * 0.15, r * 0.14, (255, 255, 255), line=0)
    pen.circle(x + r * 0.35, y - r * 0.15, r * 0.14, (255, 255, 255), line=0)
    pen.circle(x - r * 0.35, y - r * 0.15, r * 0.07, (20, 20, 20), line=0)
    pen.circle(x + r * 0.35, y - r * 0.15, r * 0.07, (20, 20, 20), line=0)
    pen.arc(x - r * 0.35, y + r * 0.05, x + r * 0.35, y + r * 0.55, 20, 160, (20, 20, 20), r * 0.06)


def ondel(pen: Pen, st: Style, pair: bool = True) -> None:
    shadow(pen, 0.95)
    figures = ((-0.45, True), (0.45, False)) if pair else ((0.0, True),)
    for x, male in figures:
        body = st.main if male else st.second
        pen.patterned([(x - 0.18, -0.2), (x + 0.18, -0.2), (x + 0.4, 0.95), (x - 0.4, 0.95)], body, "rebung",
                      lighter(body, 0.5), step=0.12)
        pen.poly([(x - 0.22, -0.22), (x + 0.22, -0.22), (x + 0.26, -0.05), (x - 0.26, -0.05)], st.accent, line=0.01)
        ondel_head(pen, x, -0.45, 0.22, st, male)


def mask_face(pen: Pen, st: Style) -> None:
    shadow(pen, 0.6)
    pen.ellipse(-0.6, -0.9, 0.6, 0.9, st.main)
    for sx in (-1, 1):
        pen.ellipse(sx * 0.28 - 0.14, -0.3, sx * 0.28 + 0.14, -0.1, (255, 255, 255))
        pen.circle(sx * 0.28, -0.2, 0.05, (20, 20, 20), line=0)
        pen.arc(sx * 0.28 - 0.2, -0.5, sx * 0.28 + 0.2, -0.25, 200, 340, (20, 20, 20), 0.03)
    pen.arc(-0.3, 0.15, 0.3, 0.55, 20, 160, (20, 20, 20), 0.035)
    pen.line([(0.0, -0.05), (0.0, 0.2)], darker(st.main, 0.3), 0.03)
    pen.line([(-0.6, 0.0), (-0.95, -0.2)], (60, 40, 30), 0.02)


def wok(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95, 0.62)
    pen.line([(-1.0, 0.05), (-0.7, 0.12)], (50, 50, 50), 0.06)
    pen.line([(0.7, 0.12), (1.0, 0.05)], (50, 50, 50), 0.06)
    pen.ellipse(-0.85, -0.25, 0.85, 0.6, (56, 56, 60))
    pen.ellipse(-0.62, -0.12, 0.62, 0.42, (214, 170, 90))
    seed = st.seed
    for _ in range(70):
        a, r = seed.between(0, 2 * math.pi), math.sqrt(seed.unit()) * 0.55
        x, y = math.cos(a) * r, 0.15 + math.sin(a) * r * 0.42
        pen.circle(x, y, seed.between(0.012, 0.03), seed.pick([(150, 92, 40), (236, 196, 120), (200, 80, 50)]),
                   line=0)
    for _ in range(12):
        a, r = seed.between(0, 2 * math.pi), math.sqrt(seed.unit()) * 0.45
        pen.circle(math.cos(a) * r, 0.15 + math.sin(a) * r * 0.4, 0.05, (236, 200, 80), line=0)


def croc_bread(pen: Pen, st: Style) -> None:
    shadow(pen, 0.98, 0.55)
    bread = (204, 140, 62)
    for sx in (-1, 1):
        for x in (-0.45, 0.3):
            pen.ellipse(x - 0.08, sx * 0.22 - 0.1 + 0.1, x + 0.12, sx * 0.36 + 0.1 + 0.1, darker(bread, 0.1))
    pen.poly([(0.6, -0.08), (1.02, 0.12), (0.6, 0.25)], bread)
    pen.ellipse(-0.7, -0.25, 0.7, 0.42, bread)
    pen.poly([(-0.62, -0.1), (-1.05, 0.0), (-1.05, 0.2), (-0.62, 0.3)], bread)
    pen.circle(-0.78, -0.01, 0.04, (40, 30, 20), line=0)
    for i in range(8):
        x = -0.5 + i * 0.14
        pen.arc(x - 0.07, -0.18, x + 0.07, 0.0, 180, 360, darker(bread, 0.3), 0.02)
        pen.arc(x - 0.07, 0.02, x + 0.07, 0.2, 180, 360, lighter(bread, 0.25), 0.015)


def soap(pen: Pen, st: Style) -> None:
    shadow(pen, 0.9, 0.8)
    for i, (x, y) in enumerate(((-0.55, 0.15), (0.1, -0.25))):
        colour = st.main if i == 0 else lighter(st.main, 0.15)
        pen.rect(x - 0.4, y, x + 0.6, y + 0.55, darker(colour, 0.15), r=0.12)
        pen.rect(x - 0.4, y - 0.12, x + 0.6, y + 0.43, colour, r=0.12)
        for k in range(14):
            sx = x - 0.3 + (k * 37 % 90) / 100
            sy = y - 0.02 + (k * 53 % 40) / 100
            pen.circle(sx, sy, 0.015, darker(colour, 0.35), line=0)
    pen.leaf(0.55, 0.7, 0.35, 0.16, -20, (70, 140, 70))


def bowl(pen: Pen, st: Style) -> None:
    shadow(pen, 0.9, 0.9)
    pen.ellipse(-0.9, -0.35, 0.9, 0.05, st.main)
    seed = st.seed
    for _ in range(26):
        x, y = seed.between(-0.7, 0.7), seed.between(-0.28, -0.05)
        pen.circle(x, y, seed.between(0.05, 0.1),
                   seed.pick([(150, 200, 110), (240, 230, 180), (236, 190, 40), (220, 120, 60), (250, 246, 230)]),
                   line=0.006)
    pen.poly([(-0.9, -0.15), (0.9, -0.15), (0.6, 0.75), (-0.6, 0.75)], (250, 248, 244))
    pen.rect(-0.3, 0.72, 0.3, 0.85, (236, 232, 226), r=0.03)
    pen.line([(-0.75, 0.15), (0.75, 0.15)], st.accent, 0.04)


def tumpeng(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95, 0.78)
    pen.ellipse(-0.95, 0.45, 0.95, 0.85, (150, 110, 60))
    pen.poly([(0.0, -0.95), (0.42, 0.6), (-0.42, 0.6)], (236, 200, 80))
    pen.poly([(-0.05, -0.95), (0.05, -0.95), (0.08, -0.8), (-0.08, -0.8)], (206, 40, 40), line=0.008)
    for i, (x, c) in enumerate(((-0.7, (180, 90, 40)), (-0.5, (110, 160, 70)), (0.55, (200, 60, 40)),
                                (0.75, (250, 246, 230)))):
        pen.circle(x, 0.6 + (i % 2) * 0.05, 0.13, c, line=0.01)


def rice_box(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95)
    pen.poly([(-0.9, -0.75), (0.9, -0.75), (0.75, -0.2), (-0.75, -0.2)], lighter(st.main, 0.45))
    pen.rect(-0.9, -0.2, 0.9, 0.9, lighter(st.main, 0.3), r=0.04)
    pen.rect(-0.82, -0.12, 0.0, 0.82, (252, 252, 248), r=0.03, line=0.01)
    pen.rect(0.05, -0.12, 0.82, 0.35, (128, 70, 40), r=0.03, line=0.01)
    pen.rect(0.05, 0.4, 0.82, 0.82, (110, 160, 70), r=0.03, line=0.01)
    pen.circle(-0.4, 0.35, 0.12, (206, 40, 40), line=0.008)


def boat(pen: Pen, st: Style) -> None:
    shadow(pen, 0.95, 0.75)
    pen.line([(-0.05, 0.35), (-0.05, -0.95)], (110, 80, 50), 0.035)
    pen.poly([(0.0, -0.9), (0.65, 0.2), (0.0, 0.2)], (250, 248, 240))
    pen.poly([(-0.1, -0.7), (-0.55, 0.2), (-0.1, 0.2)], lighter(st.second, 0.5))
    pen.poly([(-0.95, 0.3), (0.95, 0.3), (0.7, 0.7), (-0.75, 0.7)], st.main)
    pen.line([(-0.85, 0.42), (0.87, 0.42)], (206, 40, 40), 0.035)
    pen.line([(-0.8, 0.55), (0.8, 0.55)], (246, 244, 238), 0.025)


def shell(pen: Pen, st: Style) -> None:
    shadow(pen, 0.8, 0.8)
    pts = [(0.0, 0.75)]
    for i in range(21):
        a = math.radians(200 + i * 7)
        pts.append((math.cos(a) * 0.85, 0.35 + math.sin(a) * 1.05))
    pen.poly(pts, st.main)
    for i in range(9):
        a = math.radians(206 + i * 16)
        pen.line([(0.0, 0.72), (math.cos(a) * 0.8, 0.35 + math.sin(a) * 1.0)], darker(st.main, 0.2), 0.02)
    pen.rect(-0.15, 0.65, 0.15, 0.85, darker(st.main, 0.1), r=0.04)


def keychain(pen: Pen, st: Style, kind: str) -> None:
    pen.circle(0.0, -0.75, 0.2, None, line=0.04, outline=(170, 170, 176))
    pen.line([(0.0, -0.55), (0.0, -0.3)], (170, 170, 176), 0.03)
    if kind == "ondel":
        pen.poly([(-0.15, 0.1), (0.15, 0.1), (0.35, 0.9), (-0.35, 0.9)], st.main)
        ondel_head(pen, 0.0, -0.08, 0.2, st, True)
    else:
        sub = Pen(pen.img, pen.cx, pen.cy + pen.s * 0.35, pen.s * 0.6, pen.outline)
        shell(sub, st)


def mirror(pen: Pen, st: Style) -> None:
    shadow(pen, 0.8)
    pen.circle(0.0, 0.0, 0.92, lighter(st.main, 0.2))
    pen.circle(0.0, 0.0, 0.62, (210, 226, 236), line=0.012)
    pen.line([(-0.3, -0.3), (-0.1, -0.45)], (250, 250, 255), 0.04)
    for i in range(18):
        a = math.radians(i * 20)
        pen.circle(math.cos(a) * 0.78, math.sin(a) * 0.78, 0.1, st.main if i % 2 else darker(st.main, 0.12),
                   line=0.008)


def pillow(pen: Pen, st: Style) -> None:
    shadow(pen, 0.85)
    pts = [(-0.8, -0.75), (0.0, -0.68), (0.8, -0.75), (0.72, 0.0), (0.8, 0.75), (0.0, 0.68), (-0.8, 0.75),
           (-0.72, 0.0)]
    pen.patterned(pts, st.main, st.motif, st.accent, step=0.16)


def apron(pen: Pen, st: Style) -> None:
    shadow(pen, 0.7)
    pen.arc(-0.3, -1.1, 0.3, -0.5, 180, 360, darker(st.main, 0.2), 0.03)
    pts = [(-0.3, -0.8), (0.3, -0.8), (0.3, -0.3), (0.62, -0.2), (0.55, 0.95), (-0.55, 0.95), (-0.62, -0.2),
           (-0.3, -0.3)]
    pen.poly(pts, st.main)
    pen.patterned([(-0.35, 0.15), (0.35, 0.15), (0.35, 0.55), (-0.35, 0.55)], st.second, st.motif, st.accent, 0.1)
    pen.line([(-0.62, -0.2), (-0.95, 0.0)], darker(st.main, 0.2), 0.03)
    pen.line([(0.62, -0.2), (0.95, 0.0)], darker(st.main, 0.2), 0.03)


def zipper_case(pen: Pen, st: Style) -> None:
    shadow(pen, 0.9, 0.7)
    pen.patterned([(-0.9, -0.35), (0.9, -0.35), (0.85, 0.55), (-0.85, 0.55)], st.main, "check", st.accent, 0.2)
    pen.line([(-0.85, -0.25), (0.85, -0.25)], (90, 90, 90), 0.03)
    pen.rect(0.55, -0.32, 0.68, -0.1, (190, 190, 196), r=0.02)


def straws(pen: Pen, st: Style) -> None:
    glass(pen, Style(lighter(st.second, 0.6), lighter(st.second, 0.4), st.main, st.motif, st.seed, st.hint), straws=6)


# First match wins. A word matches at the start of a hyphen-separated part of the product ID
# ("tas" matches "smkn32-tas-batik" but not "sensor-kualitas-udara"); a word ending in "-" must
# be a whole part ("map-" matches "map-snelhecter" but not "mapan").
SHAPE_RULES: list[tuple[tuple[str, ...], Shape]] = [
    (("sarung-batik",), cloth),
    (("paket-kerak-telor", "paket-sambal"), box),
    (("kerak-telor",), wok),
    (("roti-buaya",), croc_bread),
    (("gantungan-kunci-ondel",), lambda p, s: keychain(p, s, "ondel")),
    (("gantungan-kunci-kerang",), lambda p, s: keychain(p, s, "shell")),
    (("mug",), lambda p, s: mug(p, s, steam=False, painted=True)),
    (("piring",), plate),
    (("prasmanan",), lambda p, s: plate(p, s, food=True)),
    (("sarung-bantal",), pillow),
    (("celemek",), apron),
    (("tempat-pensil",), zipper_case),
    (("tempat-tisu",), tissue_box),
    (("ransel",), backpack),
    (("tas", "goodie-bag", "tote"), handbag),
    (("map-",), folder),
    (("es-selendang",), glass),
    (("kebaya",), kebaya),
    (("rompi",), lambda p, s: shirt(p, s, vest=True)),
    (("kemeja-batik",), lambda p, s: shirt(p, s, patterned=True)),
    (("kemeja", "seragam-pdh", "jaket"), shirt),
    (("hijab", "pashmina", "ciput", "selendang"), lambda p, s: scarf(p, s, patterned="batik" in s.hint)),
    (("seragam-batik", "kain-seragam"), roll),
    (("batik", "tenun", "kain", "sarung", "runner"), cloth),
    (("ondel-ondel",), ondel),
    (("topeng",), mask_face),
    (("sepatu-pdl",), lambda p, s: shoe(p, s, boot=True)),
    (("sepatu",), shoe),
    (("ikat-pinggang",), belt),
    (("dompet",), wallet),
    (("anggrek",), lambda p, s: plant(p, s, "orchid")),
    (("monstera",), lambda p, s: plant(p, s, "monstera")),
    (("bibit",), lambda p, s: plant(p, s, "sprout")),
    (("pot-tanaman-ban",), tire_pot),
    (("tanaman",), plant),
    (("selada", "pakcoy"), lettuce),
    (("starter-kit-hidroponik",), hydro_pipe),
    (("mesin-kasir",), pos),
    (("aplikasi-kasir",), tablet),
    (("aplikasi",), phone),
    (("pelatihan-pembukuan", "dasbor"), laptop),
    (("sensor",), sensor),
    (("meteran",), lambda p, s: sensor(p, s, dial=True)),
    (("absensi",), lambda p, s: sensor(p, s, face=True)),
    (("kursi-kerja",), lambda p, s: chair(p, s, office=True)),
    (("kursi-rotan", "set-kursi-rotan", "kursi-tamu-rotan"), lambda p, s: chair(p, s, rattan=True)),
    (("kursi",), chair),
    (("meja-rapat",), lambda p, s: table(p, s, drawers=False, grain=True)),
    (("meja",), table),
    (("rak-buku",), lambda p, s: cabinet(p, s, books=True)),
    (("lemari-arsip-kayu",), lambda p, s: cabinet(p, s, drawers=2)),
    (("lemari",), cabinet),
    (("partisi",), partition),
    (("lampu",), lamp),
    (("nampan",), tray),
    (("keranjang",), basket),
    (("vas",), vase),
    (("tumbler",), tumbler),
    (("sedotan",), straws),
    (("miniatur-perahu",), boat),
    (("cermin",), mirror),
    (("buku", "penyelia"), book),
    (("tali-id-card",), id_card),
    (("plakat",), plaque),
    (("medali",), medal),
    (("pin-",), pin),
    (("kredit", "rekening"), card_coins),
    (("halal-self-declare",), lambda p, s: certificate(p, s, halal=True)),
    (("halal-reguler",), folder),
    (("manual", "pendaftaran-akun"), lambda p, s: certificate(p, s, checks=True)),
    (("laporan",), lambda p, s: certificate(p, s, chart=True)),
    (("siinas",), certificate),
    (("label-stiker",), label_sheet),
    (("standing-pouch", "desain-kemasan"), pouch),
    (("kotak-kemasan",), box),
    (("sabun",), soap),
    (("asinan",), bowl),
    (("tumpeng",), tumpeng),
    (("nasi-kotak",), rice_box),
    (("sambal", "selai", "lulur", "serundeng", "manisan", "abon", "serbuk-instan-temulawak", "kembang-goyang",
      "akar-kelapa", "nastar", "madu-kelulut"), jar),
    (("kerupuk", "keripik", "emping", "stik", "serbuk", "kopi-robusta", "kopi-arabika"), pouch),
    (("cumi",), squid),
    (("ikan", "otak-otak", "teri"), fish),
    (("rumput-laut-kering",), seaweed),
    (("snack-box", "hampers", "paket-", "dodol", "geplak", "talam", "drip-bag", "madu-sachet", "jahe-merah"), box),
    (("teh",), mug),
    (("bir-pletok-botol", "sirup", "jamu-", "minyak", "propolis", "nutrisi", "kopi-susu", "madu-hutan"), bottle),
]

# Colours of products whose alt text names none.
PRODUCT_COLOURS: list[tuple[str, RGB]] = [
    ("bir-pletok", (150, 40, 40)),
    ("rosela", (176, 30, 60)),
    ("kopi-susu", (196, 160, 120)),
    ("kopi", (110, 72, 44)),
    ("kunyit", (236, 180, 40)),
    ("temulawak", (222, 170, 50)),
    ("kencur", (232, 214, 170)),
    ("madu", (204, 146, 62)),
    ("sambal", (200, 52, 48)),
    ("dodol", (80, 50, 34)),
    ("mangrove", (140, 80, 50)),
    ("rumput-laut", (90, 150, 90)),
]


def matches(product_id: str, word: str) -> bool:
    """Whether ``word`` starts a hyphen-separated part of ``product_id`` (a whole part if it ends in "-")."""
    if word.endswith("-"):
        return re.search(rf"(?:^|-){re.escape(word[:-1])}(?:-|$)", product_id) is not None
    return re.search(rf"(?:^|-){re.escape(word)}", product_id) is not None


MOTIF_RULES: list[tuple[tuple[str, ...], str]] = [
    (("tenun-ikat", "songket", "runner"), "diamond"),
    (("sarung-tenun", "sarung-batik"), "check"),
    (("salakanagara", "rebung"), "rebung"),
    (("nusa-kelapa",), "wave"),
    (("ondel",), "ondel"),
    (("mangrove",), "leaves"),
    (("batik", "seragam-batik", "kain-seragam", "tote", "tas", "hijab", "celemek", "sarung-bantal", "map-dokumen"),
     "kawung"),
]


def shape_for(product_id: str) -> Shape:
    for words, shape in SHAPE_RULES:
        if any(matches(product_id, word) for word in words):
            return shape
    return box


def motif_for(product_id: str) -> str:
    for words, motif in MOTIF_RULES:
        if any(matches(product_id, word) for word in words):
            return motif
    return "dots"


def colour_for(product_id: str) -> RGB | None:
    for word, colour in PRODUCT_COLOURS:
        if matches(product_id, word):
            return colour
    return None


# --------------------------------------------------------------------------- pictures


@dataclass
class Subject:
    """What one photo shows."""

    path: str  # relative to catalogue_data/
    product_id: str
    title: str
    seller: str
    category: str
    alt: str
    number: int  # 1 for the main photo, 2 for the close-up
    first_alt: str = ""  # the main photo's alt text: the close-up keeps its colours


@functools.lru_cache(maxsize=64)
def font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's built-in font (Aileron), so the output does not depend on fonts installed on the machine."""
    return ImageFont.load_default(size=size)


def wrap(text: str, fnt, width: int, lines: int = 2) -> list[str]:
    words, out, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if fnt.getlength(trial) <= width or not current:
            current = trial
        else:
            out.append(current)
            current = word
    out.append(current)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1:])]
    return out


def gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    column = Image.new("RGB", (1, size[1]))
    for y in range(size[1]):
        column.putpixel((0, y), mix(top, bottom, y / (size[1] - 1)))
    return column.resize(size, Image.Resampling.NEAREST)


def product_style(sub: Subject, seed: Seed) -> tuple[Style, RGB]:
    top, bottom, accent = PALETTES.get(sub.category, DEFAULT_PALETTE)
    named = colour_from_text(sub.alt) or colour_from_text(sub.first_alt) or colour_for(sub.product_id)
    base = named or mix(accent, seed.pick([(255, 255, 255), (236, 200, 140), (120, 180, 200), accent]),
                        seed.between(0.15, 0.45))
    second = mix(accent, (255, 255, 255), 0.35) if named else lighter(base, 0.35)
    style = Style(main=base, accent=darker(accent, 0.05), second=second, motif=motif_for(sub.product_id), seed=seed,
                  hint=sub.product_id)
    return style, darker(accent, 0.55)


def draw_photo(sub: Subject, categories: dict[str, str]) -> Image.Image:
    seed = Seed(sub.path)
    w, h = PHOTO_SIZE[0] * SS, PHOTO_SIZE[1] * SS
    top, bottom, accent = PALETTES.get(sub.category, DEFAULT_PALETTE)
    if sub.number > 1:
        top, bottom = bottom, lighter(bottom, 0.25)
    img = gradient((w, h), top, bottom)
    backdrop = ImageDraw.Draw(img)
    # a soft halo behind the object, and a few large background circles for depth
    for k in range(3):
        r = seed.between(0.1, 0.22) * w
        x, y = seed.between(0.05, 0.95) * w, seed.between(0.05, 0.6) * h
        backdrop.ellipse((x - r, y - r, x + r, y + r), fill=mix(top, (255, 255, 255), 0.25 + 0.1 * k))
    style, ink = product_style(sub, seed)
    band = int(h * 0.24)
    if sub.number > 1:
        cx, cy, s = w * 0.58, (h - band) * 0.56, (h - band) * 0.58
    else:
        cx, cy, s = w * 0.5, (h - band) * 0.53, (h - band) * 0.38
    halo = soft_ellipse((w, h), (cx - s * 1.35, cy - s * 1.2, cx + s * 1.35, cy + s * 1.2), 120, s * 0.25)
    img.paste((255, 255, 255), (0, 0), halo)
    pen = Pen(img, cx, cy, s, darker(style.main, 0.45))
    shape_for(sub.product_id)(pen, style)
    # caption band
    caption = Image.new("RGBA", (w, band), (255, 255, 255, 232))
    img.paste(caption, (0, h - band), caption)
    d = ImageDraw.Draw(img)
    d.rectangle((0, h - band, w, h - band + 6 * SS), fill=accent)
    title_font = font(34 * SS)
    lines = wrap(sub.title + (" (detail)" if sub.number > 1 else ""), title_font, w - 80 * SS)
    if len(lines) > 1:
        title_font = font(28 * SS)
        lines = wrap(sub.title + (" (detail)" if sub.number > 1 else ""), title_font, w - 80 * SS)
    y = h - band + (22 if len(lines) == 1 else 14) * SS
    for line in lines:
        d.text((40 * SS, y), line, fill=ink, font=title_font)
        y += int(title_font.size * 1.15)
    d.text((40 * SS, h - 38 * SS), sub.seller, fill=(96, 96, 96), font=font(20 * SS))
    # tags: category and "sample photo"
    tag_font = font(18 * SS)
    tag = categories.get(sub.category, sub.category)
    tw = tag_font.getlength(tag)
    d.rounded_rectangle((24 * SS, 24 * SS, 24 * SS + tw + 28 * SS, 60 * SS), radius=18 * SS, fill=accent)
    d.text((38 * SS, 42 * SS), tag, fill=(255, 255, 255), font=tag_font, anchor="lm")
    mark = "FOTO CONTOH"
    mw = tag_font.getlength(mark)
    d.rounded_rectangle((w - 24 * SS - mw - 28 * SS, 24 * SS, w - 24 * SS, 60 * SS), radius=18 * SS,
                        fill=(255, 255, 255), outline=accent, width=2 * SS)
    d.text((w - 24 * SS - mw - 14 * SS, 42 * SS), mark, fill=accent, font=tag_font, anchor="lm")
    return img.reduce(SS)


def initials(name: str) -> str:
    skip = {"(contoh)", "contoh", "dan", "untuk", "di"}
    words = [w for w in name.split() if w.lower() not in skip]
    return "".join(w[0] for w in words[:2]).upper()


def draw_logo(path: str, name: str, category: str) -> Image.Image:
    seed = Seed(path)
    w, h = LOGO_SIZE[0] * SS, LOGO_SIZE[1] * SS
    top, bottom, accent = PALETTES.get(category, DEFAULT_PALETTE)
    img = Image.new("RGB", (w, h), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, w - 1, h - 1), radius=60 * SS, fill=top)
    cx, cy, r = w / 2, h * 0.42, w * 0.3
    ring = mix(accent, (255, 255, 255), 0.45)
    d.ellipse((cx - r - 14 * SS, cy - r - 14 * SS, cx + r + 14 * SS, cy + r + 14 * SS), fill=ring)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accent)
    sides = 6 + int(seed.unit() * 3)
    points = [(cx + math.cos(2 * math.pi * k / sides) * r * 0.82, cy + math.sin(2 * math.pi * k / sides) * r * 0.82)
              for k in range(sides)]
    d.polygon(points, outline=mix(accent, (255, 255, 255), 0.3), width=3 * SS)
    d.text((cx, cy), initials(name), fill=(255, 255, 255), font=font(int(r * 0.8)), anchor="mm")
    name_font = font(30 * SS)
    lines = wrap(name, name_font, w - 50 * SS)
    y = h * 0.8 - (len(lines) - 1) * 18 * SS
    for line in lines:
        d.text((w / 2, y), line, fill=darker(accent, 0.45), font=name_font, anchor="mm")
        y += 36 * SS
    return img.reduce(SS)


# --------------------------------------------------------------------------- records -> files


def load(path: Path) -> dict:
    """Read a staff file; only IDs, names, categories, paths and alt texts are used, all as text."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def subjects(root: Path) -> Iterator[tuple[str, Callable[[dict[str, str]], Image.Image]]]:
    """Yield (relative path, painter) for every logo and product photo under foto/."""
    for folder in ("eksibitor", "sekolah"):
        for record_path in sorted((root / folder).glob("*.yaml")):
            record = load(record_path)
            seller = str(record.get("nama", record_path.stem))
            products = record.get("produk") or []
            main_category = products[0].get("kategori", "") if products else ""
            logo = record.get("logo")
            if isinstance(logo, dict) and str(logo.get("berkas", "")).startswith("foto/"):
                rel = logo["berkas"]
                yield rel, lambda _c, rel=rel, seller=seller, cat=main_category: draw_logo(rel, seller, cat)
            for product in products:
                photos = product.get("foto") or []
                for number, photo in enumerate(photos, start=1):
                    rel = str(photo.get("berkas", ""))
                    if not rel.startswith("foto/"):
                        continue
                    sub = Subject(rel, str(product.get("id", "")), str(product.get("nama", "")), seller,
                                  str(product.get("kategori", "")), str(photo.get("alt", "")), number,
                                  str(photos[0].get("alt", "")))
                    yield rel, lambda c, sub=sub: draw_photo(sub, c)


def encode(rel: str, img: Image.Image) -> bytes:
    out = io.BytesIO()
    if rel.lower().endswith(".png"):
        img.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            out, "PNG", optimize=True)
    else:
        quality = JPEG_QUALITY
        while True:
            out = io.BytesIO()
            img.save(out, "JPEG", quality=quality, optimize=True, progressive=False, subsampling="4:2:0")
            if out.tell() <= MAX_BYTES or quality <= 60:
                break
            quality -= 6
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="catalogue folder (default: catalogue_data)")
    parser.add_argument("--check", action="store_true", help="only check that every file exists and is current")
    parser.add_argument("--prune", action="store_true", help="delete files under foto/ that no record names")
    args = parser.parse_args(argv)
    root: Path = args.data
    categories = {c["id"]: c["nama"] for c in load(root / "kosakata" / "kategori.yaml").get("kategori", [])}
    wanted: dict[str, bytes] = {}
    for rel, paint in subjects(root):
        if rel not in wanted:
            wanted[rel] = encode(rel, paint(categories))
    stale = []
    for rel, data in sorted(wanted.items()):
        target = root / rel
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(rel)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    extra = sorted(str(p.relative_to(root)) for p in (root / "foto").rglob("*")
                   if p.is_file() and p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")
                   and str(p.relative_to(root)) not in wanted)
    total = sum(len(v) for v in wanted.values())
    print(f"{len(wanted)} berkas, {total / 1_000_000:.1f} MB; terbesar {max(map(len, wanted.values())) // 1000} kB")
    for rel in extra:
        if args.prune and not args.check:
            (root / rel).unlink()
            print(f"dihapus (tidak dipakai): {rel}")
        else:
            print(f"tidak dipakai: {rel}")
    if stale:
        print("berbeda atau belum ada:", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
