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
import segno
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
from etalase.images.qr import make_qr
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


@dataclass(frozen=True)
class Layout:
    """Where a picture's parts go: one drawing code serves the 1200x630 card and the social kit's post and story."""

    name: str
    size: tuple[int, int]
    max_bytes: int
    photo_box: tuple[int, int, int, int]
    text_width: int  # title and seller
    mark_y: int
    title_sizes: tuple[int, ...]
    title_lines: int
    price_y: int
    badge_y: int
    rule: tuple[int, int, int, int]
    short_width: int  # price and badge, beside the QR code
    kicker_right: int
    scale: float = 1.0  # of the mark, seller, price and badge
    subtitle_two_lines_below: int = 360
    qr_box: tuple[int, int, int, int] | None = None
    suffix: str = CARD_SUFFIX


#: The preview card (Open Graph): text left, photo right.
CARD = Layout("card", (WIDTH, HEIGHT), MAX_BYTES, PHOTO_BOX, TEXT_WIDTH, 56, TITLE_SIZES, TITLE_LINES, 452, 532,
              (0, HEIGHT - 10, PHOTO_BOX[0] - 1, HEIGHT), TEXT_WIDTH, PHOTO_BOX[0] - 40)
#: The social kit's square post (Instagram, Facebook): photo on top, text and QR code below.
POST = Layout("post", (1080, 1080), 1024 * 1024, (0, 0, 1080, 540), 952, 576, (56, 50, 44), 2, 862, 950,
              (0, 1068, 1080, 1080), 660, 1016, 1.3, 760, (786, 786, 1016, 1016), ".post.jpg")
#: The social kit's story (9:16): the top and bottom 200 px stay clear of the app's bars.
STORY = Layout("story", (1080, 1920), 1024 * 1024, (0, 200, 1080, 1040), 952, 1080, (76, 66, 58, 50), 3, 1500,
               1600, (0, 1904, 1080, 1920), 670, 1016, 1.45, 1420, (766, 1450, 1016, 1700), ".story.jpg")
LAYOUTS = {layout.name: layout for layout in (CARD, POST, STORY)}


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
    layout: str = CARD.name  # a name of :data:`LAYOUTS`
    qr: str = ""  # a URL drawn as a QR code (kit layouts)

    def texts(self) -> tuple[str, ...]:
        """Return the texts in drawing order (part of the cache key); kit pictures add their layout and QR code."""
        texts = (self.title, self.subtitle, self.price, self.badge, self.kicker)
        return texts if self.layout == CARD.name else (*texts, self.layout, self.qr, segno.__version__)


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
    """Return the picture for ``spec`` as JPEG bytes (a card: 1200x630, at most 300 KB; kit: at most 1 MB)."""
    return encode_card(draw_card(spec), LAYOUTS[spec.layout].max_bytes)


def draw_card(spec: CardSpec) -> Image.Image:
    """Return the picture for ``spec`` as an ``RGB`` image of its layout's size (1200x630 for a card)."""
    layout = LAYOUTS[spec.layout]
    canvas = Image.new("RGB", layout.size, PAPER)
    box = layout.photo_box
    if spec.photo is not None:
        canvas.paste(_photo_panel(Path(spec.photo), box), box[:2])
    else:
        canvas.paste(_brand_panel(spec.title, box), box[:2])
    draw = ImageDraw.Draw(canvas)
    covered = covered_codepoints()
    y = _draw_mark(draw, clean_text(spec.kicker, covered), layout)
    y = _draw_title(draw, clean_text(spec.title, covered), y + round(30 * layout.scale), layout)
    _draw_subtitle(draw, clean_text(spec.subtitle, covered), y + round(14 * layout.scale), layout)
    _draw_price(draw, clean_text(spec.price, covered), layout)
    _draw_badge(draw, clean_text(spec.badge, covered), layout)
    draw.rectangle(layout.rule, fill=RED)
    if spec.qr and layout.qr_box:
        _draw_qr(draw, spec.qr, layout.qr_box)
    return canvas


def encode_card(canvas: Image.Image, max_bytes: int = MAX_BYTES) -> bytes:
    """Encode ``canvas`` as a JPEG without metadata, stepping quality down until it is at most ``max_bytes``."""
    for quality in QUALITIES:
        buffer = io.BytesIO()
        canvas.save(buffer, "JPEG", quality=quality, optimize=True, subsampling="4:2:0")
        if buffer.tell() <= max_bytes:
            return buffer.getvalue()
        log.debug("card at quality %d is %d bytes, stepping down", quality, buffer.tell())
    raise CardError(f"card does not fit in {max_bytes} bytes even at quality {QUALITIES[-1]}")


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
        suffixes = {spec.layout: LAYOUTS[spec.layout].suffix for spec in specs}
        cached = set().union(*(self.cache.present(keys, suffix) for suffix in set(suffixes.values())))
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
        return [Card(key, f"{self.folder}/{key}.jpg", self.cache.file(key, suffixes[spec.layout]))
                for key, spec in zip(keys, specs, strict=True)]


def _render_into_cache(spec: CardSpec, key: str, cache_root: Path) -> None:
    """Draw one card and store it under ``key`` (runs in a worker process)."""
    ImageCache(cache_root).write(key, LAYOUTS[spec.layout].suffix, render_card(spec))


def _photo_panel(photo: Path, box: tuple[int, int, int, int]) -> Image.Image:
    """Return the photo cover-cropped to the photo box.

    The last few panels are kept by the hash of their photo's bytes: a worker
    drawing several cards of one picture (a shared photo, a seller's logo)
    decodes and resizes it once. The caller gets a copy to paste.
    """
    data = photo.read_bytes()
    size = (box[2] - box[0], box[3] - box[1])
    digest = hashlib.sha256(data).digest() + repr(size).encode()
    panel = _PANELS.pop(digest, None)
    if panel is None:
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


def _brand_panel(title: str, box: tuple[int, int, int, int]) -> Image.Image:
    """Return the red panel drawn when a product has no photo: rings and the title's initial."""
    size = (box[2] - box[0], box[3] - box[1])
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


def _draw_mark(draw: ImageDraw.ImageDraw, kicker: str, layout: Layout) -> int:
    """Draw the red-white flag accent and the programme's name; return the y below them."""
    x, y, k = MARGIN, layout.mark_y, layout.scale
    w, h = round(36 * k), round(12 * k)
    draw.rectangle((x, y, x + w, y + h), fill=RED)
    draw.rectangle((x, y + h, x + w, y + 2 * h), fill=PAPER, outline=RULE, width=1)
    draw.line((x, y + h, x + w, y + h), fill=RED, width=1)
    font = load_font(round(21 * k), 700)
    left = x + round(50 * k)
    text = ellipsize(kicker, font.getlength, layout.kicker_right - left)
    draw.text((left, y + h), text, font=font, fill=RED, anchor="lm")
    return y + 2 * h


def _draw_title(draw: ImageDraw.ImageDraw, title: str, y: int, layout: Layout) -> int:
    """Draw the title at the largest size that fits its lines; return the y below it."""
    width = layout.text_width
    for size in layout.title_sizes:
        font = load_font(size, 800)
        if len(wrap_lines(title, font.getlength, width)) <= layout.title_lines:
            break
    line_height = round(size * 1.16)
    for line in wrap(title, font.getlength, width, layout.title_lines):
        draw.text((MARGIN, y), line, font=font, fill=INK, anchor="la")
        y += line_height
    return y


def _draw_subtitle(draw: ImageDraw.ImageDraw, subtitle: str, y: int, layout: Layout) -> None:
    """Draw the seller in up to two lines under the title."""
    font = load_font(round(28 * layout.scale), 500)
    max_lines = 2 if y < layout.subtitle_two_lines_below else 1
    for line in wrap(subtitle, font.getlength, layout.text_width, max_lines):
        draw.text((MARGIN, y), line, font=font, fill=MUTED, anchor="la")
        y += round(36 * layout.scale)


def _draw_price(draw: ImageDraw.ImageDraw, price: str, layout: Layout) -> None:
    """Draw the price in bold red."""
    if price:
        font = load_font(round(40 * layout.scale), 800)
        text = ellipsize(price, font.getlength, layout.short_width)
        draw.text((MARGIN, layout.price_y), text, font=font, fill=RED, anchor="la")


def _draw_badge(draw: ImageDraw.ImageDraw, badge: str, layout: Layout) -> None:
    """Draw the batch text in a tinted pill."""
    if not badge:
        return
    k, y = layout.scale, layout.badge_y
    font = load_font(round(22 * k), 700)
    pad, height = round(18 * k), round(44 * k)
    text = ellipsize(badge, font.getlength, layout.short_width - 2 * pad)
    width = font.getlength(text)
    draw.rounded_rectangle((MARGIN, y, MARGIN + width + 2 * pad, y + height), radius=height // 2, fill=RED_TINT)
    draw.text((MARGIN + pad, y + height // 2), text, font=font, fill=RED_DARK, anchor="lm")


def _draw_qr(draw: ImageDraw.ImageDraw, url: str, box: tuple[int, int, int, int]) -> None:
    """Draw the QR code of ``url`` (level M, with its quiet zone), black on white, as large as fits ``box``."""
    matrix = make_qr(url).matrix
    count = len(matrix) + 8  # four modules of quiet zone each side
    module = (box[2] - box[0]) // count
    left = box[0] + (box[2] - box[0] - module * count) // 2
    top = box[1] + (box[3] - box[1] - module * count) // 2
    draw.rectangle((left, top, left + module * count - 1, top + module * count - 1), fill=PAPER, outline=RULE)
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                x, y = left + (col + 4) * module, top + (row + 4) * module
                draw.rectangle((x, y, x + module - 1, y + module - 1), fill=INK)
