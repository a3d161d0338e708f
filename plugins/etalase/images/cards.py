"""Open Graph preview cards: 1200x630 JPEG, at most 300 KB, drawn in Plus Jakarta Sans.

Layout (see docs/images.md): text on the left (programme mark with a red-white
accent, title, seller, price, batch badge), the product photo cover-cropped on
the right, or a branded red panel when the product has no photo.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageOps

from etalase.errors import EtalaseError
from etalase.images.cache import (
    DEFAULT_CACHE_DIR,
    ImageCache,
    extend_digest,
    extend_key,
)
from etalase.images.convert import normalize
from etalase.images.encode import read_source
from etalase.images.fonts import covered_codepoints, font_fingerprint, load_font
from etalase.images.probe import draft_for_width, load_checked, open_header
from etalase.images.textfit import clean_text, ellipsize, wrap, wrap_lines

log = logging.getLogger(__name__)

#: Bump when the drawing code changes, so cached cards are redrawn.
CARD_VERSION = 1

WIDTH, HEIGHT = 1200, 630
MAX_BYTES = 300 * 1024
CARD_SUFFIX = ".card.jpg"
#: Tried in order until the JPEG fits in :data:`MAX_BYTES` (deterministic for a given card).
QUALITIES = (88, 82, 76, 70, 64, 58, 52, 46, 40, 34, 28)

DEFAULT_KICKER = "Business Matching · Bangga Buatan Indonesia"

RED = (200, 16, 46)
RED_DARK = (160, 10, 36)
RED_TINT = (252, 234, 237)
INK = (24, 24, 27)
MUTED = (82, 82, 91)
PAPER = (255, 255, 255)
RULE = (228, 228, 231)

PHOTO_BOX = (660, 0, WIDTH, HEIGHT)
MARGIN = 64
TEXT_WIDTH = PHOTO_BOX[0] - MARGIN - 48
TITLE_SIZES = (60, 52, 46, 40)
TITLE_LINES = 3


class CardError(EtalaseError):
    """A social card could not be produced."""


@dataclass(frozen=True)
class CardSpec:
    """What one card shows; ``photo`` is a source photo path (any size), or ``None``."""

    title: str
    subtitle: str = ""
    price: str = ""
    badge: str = ""
    kicker: str = DEFAULT_KICKER
    photo: Path | None = None

    def texts(self) -> tuple[str, ...]:
        """Return the texts in drawing order (part of the cache key)."""
        return (self.title, self.subtitle, self.price, self.badge, self.kicker)


@dataclass(frozen=True)
class Card:
    """A rendered, cached card; ``path`` is relative to the output folder (``kartu/<key>.jpg``), ``cached`` its file."""

    key: str
    path: str
    cached: str

    @property
    def data(self) -> bytes:
        """Return the JPEG bytes (read from the cache)."""
        return Path(self.cached).read_bytes()


def render_card(spec: CardSpec) -> bytes:
    """Return the card for ``spec`` as JPEG bytes (1200x630, at most 300 KB)."""
    return encode_card(draw_card(spec))


def draw_card(spec: CardSpec) -> Image.Image:
    """Return the card for ``spec`` as a 1200x630 ``RGB`` image."""
    canvas = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    if spec.photo is not None:
        canvas.paste(_photo_panel(Path(spec.photo)), PHOTO_BOX[:2])
    else:
        canvas.paste(_brand_panel(spec.title), PHOTO_BOX[:2])
    draw = ImageDraw.Draw(canvas)
    covered = covered_codepoints()
    y = _draw_mark(draw, clean_text(spec.kicker, covered), MARGIN, 56)
    y = _draw_title(draw, clean_text(spec.title, covered), y + 30)
    _draw_subtitle(draw, clean_text(spec.subtitle, covered), y + 14)
    _draw_price(draw, clean_text(spec.price, covered), 452)
    _draw_badge(draw, clean_text(spec.badge, covered), 532)
    draw.rectangle((0, HEIGHT - 10, PHOTO_BOX[0] - 1, HEIGHT), fill=RED)
    return canvas


def encode_card(canvas: Image.Image) -> bytes:
    """Encode ``canvas`` as a JPEG, stepping quality down until it is at most 300 KB."""
    for quality in QUALITIES:
        buffer = io.BytesIO()
        canvas.save(buffer, "JPEG", quality=quality, optimize=True, subsampling="4:2:0")
        if buffer.tell() <= MAX_BYTES:
            return buffer.getvalue()
        log.debug("card at quality %d is %d bytes, stepping down", quality, buffer.tell())
    raise CardError(f"card does not fit in {MAX_BYTES} bytes even at quality {QUALITIES[-1]}")


def card_key(spec: CardSpec) -> str:
    """Return the cache key of a card: photo bytes, texts, fonts and drawing version."""
    return card_keys([spec])[0]


def card_keys(specs: Iterable[CardSpec]) -> list[str]:
    """The :func:`card_key` of every spec, reading and hashing each photo once (10,000 cards often share photos)."""
    common = ("card", CARD_VERSION, PIL.__version__, font_fingerprint())
    photos: dict[Path | None, object] = {}  # the photo's hash, already fed the parts every card shares
    keys = []
    for spec in specs:
        digest = photos.get(spec.photo)
        if digest is None:
            photo = read_source(Path(spec.photo)) if spec.photo is not None else b""
            digest = photos[spec.photo] = extend_digest(hashlib.sha256(photo), *common)
        keys.append(extend_key(digest, spec.texts()))
    return keys


class CardMaker:
    """Render cards through the content-addressed cache, so unchanged cards are not redrawn."""

    def __init__(self, cache_dir: Path = DEFAULT_CACHE_DIR, folder: str = "kartu", workers: int | None = None):
        self.cache = ImageCache(cache_dir)
        self.folder = folder.strip("/")
        self.workers = workers or os.cpu_count() or 1
        self.encoded = 0
        self.cache_hits = 0

    def make(self, spec: CardSpec) -> Card:
        """Return the card for ``spec``, drawing it only when it is not cached yet."""
        return self.make_all([spec])[0]

    def make_all(self, specs: Iterable[CardSpec]) -> list[Card]:
        """Return a card per spec (same order), drawing the missing ones over worker processes."""
        specs = list(specs)
        keys = card_keys(specs)
        cached = self.cache.present(keys, CARD_SUFFIX)
        missing = {k: s for k, s in zip(keys, specs, strict=True) if k not in cached}
        jobs = [(spec, key, self.cache.root) for key, spec in missing.items()]
        workers = min(self.workers, len(jobs))
        if workers <= 1:
            for job in jobs:
                _render_into_cache(*job)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                list(pool.map(_render_into_cache, *zip(*jobs, strict=True)))
        self.encoded += len(missing)
        self.cache_hits += len(specs) - len(missing)
        return [Card(key, f"{self.folder}/{key}.jpg", self._cached(key)) for key in keys]

    def _cached(self, key: str) -> str:
        """Return where the card with ``key`` lives in the cache."""
        return self.cache.file(key, CARD_SUFFIX)


def _render_into_cache(spec: CardSpec, key: str, cache_root: Path) -> None:
    """Draw one card and store it under ``key`` (runs in a worker process)."""
    ImageCache(cache_root).write(key, CARD_SUFFIX, render_card(spec))


def _photo_panel(photo: Path) -> Image.Image:
    """Return the photo cover-cropped to the photo box.

    The last few panels are kept by the hash of their photo's bytes: a worker
    drawing several cards of one picture (a shared photo, a seller's logo)
    decodes and resizes it once. The caller gets a copy to paste.
    """
    data = photo.read_bytes()
    digest = hashlib.sha256(data).digest()
    panel = _PANELS.pop(digest, None)
    if panel is None:
        size = (PHOTO_BOX[2] - PHOTO_BOX[0], PHOTO_BOX[3] - PHOTO_BOX[1])
        with open_header(data, str(photo)) as img:
            draft_for_width(img, size[0] * 2)
            load_checked(img, str(photo))
            upright = normalize(img, str(photo))
        panel = ImageOps.fit(upright, size, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    _PANELS[digest] = panel  # most recently used last
    while len(_PANELS) > PANELS_KEPT:
        del _PANELS[next(iter(_PANELS))]
    return panel.copy()


#: Photo panels kept per process, by the SHA-256 of the photo's bytes (see :func:`_photo_panel`).
_PANELS: dict[bytes, Image.Image] = {}
PANELS_KEPT = 4


def _brand_panel(title: str) -> Image.Image:
    """Return the red panel drawn when a product has no photo: rings and the title's initial."""
    size = (PHOTO_BOX[2] - PHOTO_BOX[0], PHOTO_BOX[3] - PHOTO_BOX[1])
    panel = Image.new("RGB", size, RED)
    draw = ImageDraw.Draw(panel)
    cx, cy = size[0] + 40, size[1] + 40
    for step, radius in enumerate(range(760, 60, -70)):
        fill = RED_DARK if step % 2 else RED
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=fill)
    initial = clean_text(title, covered_codepoints())[:1].upper()
    if initial:
        font = load_font(300, 800)
        draw.text((size[0] // 2, size[1] // 2), initial, font=font, fill=PAPER, anchor="mm")
    return panel


def _draw_mark(draw: ImageDraw.ImageDraw, kicker: str, x: int, y: int) -> int:
    """Draw the red-white flag accent and the programme's name; return the y below them."""
    draw.rectangle((x, y, x + 36, y + 12), fill=RED)
    draw.rectangle((x, y + 12, x + 36, y + 24), fill=PAPER, outline=RULE, width=1)
    draw.line((x, y + 12, x + 36, y + 12), fill=RED, width=1)
    font = load_font(21, 700)
    left = x + 50
    text = ellipsize(kicker, font.getlength, PHOTO_BOX[0] - 40 - left)
    draw.text((left, y + 12), text, font=font, fill=RED, anchor="lm")
    return y + 24


def _draw_title(draw: ImageDraw.ImageDraw, title: str, y: int) -> int:
    """Draw the title at the largest size that fits three lines; return the y below it."""
    for size in TITLE_SIZES:
        font = load_font(size, 800)
        if len(wrap_lines(title, font.getlength, TEXT_WIDTH)) <= TITLE_LINES:
            break
    line_height = round(size * 1.16)
    for line in wrap(title, font.getlength, TEXT_WIDTH, TITLE_LINES):
        draw.text((MARGIN, y), line, font=font, fill=INK, anchor="la")
        y += line_height
    return y


def _draw_subtitle(draw: ImageDraw.ImageDraw, subtitle: str, y: int) -> None:
    """Draw the seller in up to two lines under the title."""
    font = load_font(28, 500)
    max_lines = 2 if y < 360 else 1
    for line in wrap(subtitle, font.getlength, TEXT_WIDTH, max_lines):
        draw.text((MARGIN, y), line, font=font, fill=MUTED, anchor="la")
        y += 36


def _draw_price(draw: ImageDraw.ImageDraw, price: str, y: int) -> None:
    """Draw the price in bold red."""
    if price:
        font = load_font(40, 800)
        text = ellipsize(price, font.getlength, TEXT_WIDTH)
        draw.text((MARGIN, y), text, font=font, fill=RED, anchor="la")


def _draw_badge(draw: ImageDraw.ImageDraw, badge: str, y: int) -> None:
    """Draw the batch text in a tinted pill."""
    if not badge:
        return
    font = load_font(22, 700)
    text = ellipsize(badge, font.getlength, TEXT_WIDTH - 36)
    width = font.getlength(text)
    draw.rounded_rectangle((MARGIN, y, MARGIN + width + 36, y + 44), radius=22, fill=RED_TINT)
    draw.text((MARGIN + 18, y + 22), text, font=font, fill=RED_DARK, anchor="lm")
