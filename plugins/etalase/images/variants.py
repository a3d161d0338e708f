"""The value objects of the photo pipeline: its parameters and what it produces."""

from __future__ import annotations

from dataclasses import dataclass, field

import PIL

#: Bump when the encoding code changes in a way that changes output bytes.
PIPELINE_VERSION = 1

WEBP = "image/webp"
JPEG = "image/jpeg"
EXTENSIONS = {WEBP: "webp", JPEG: "jpg"}

#: The width :meth:`ProcessedImage.fallback` aims for (a typical single-column photo).
FALLBACK_WIDTH = 960


@dataclass(frozen=True)
class ImageParams:
    """How photos are encoded; every field is part of the cache key and so of the file names."""

    widths: tuple[int, ...] = (320, 640, 960, 1280, 1600)
    webp_quality: int = 80
    #: libwebp effort 0-6: method 2 encodes ~2.5x faster than Pillow's default 4 for files ~4 % larger.
    webp_method: int = 2
    jpeg_quality: int = 82
    jpeg_progressive: bool = True

    def __post_init__(self) -> None:
        widths = tuple(sorted({int(w) for w in self.widths}))
        if not widths or widths[0] <= 0:
            raise ValueError(f"ImageParams.widths must be positive integers, got {self.widths!r}")
        if not (0 <= self.webp_quality <= 100 and 0 <= self.jpeg_quality <= 100):
            raise ValueError("ImageParams qualities must be between 0 and 100")
        if not 0 <= self.webp_method <= 6:
            raise ValueError("ImageParams.webp_method must be between 0 and 6")
        object.__setattr__(self, "widths", widths)

    def key_parts(self) -> tuple[object, ...]:
        """Return everything besides the source bytes that decides the output bytes."""
        return ("photo", PIPELINE_VERSION, PIL.__version__, self)


@dataclass(frozen=True)
class Variant:
    """One encoded file; ``path`` is relative to the output folder (``gambar/<key>-640.webp``)."""

    path: str
    width: int
    height: int
    mime: str

    @property
    def filename(self) -> str:
        """Return the file name without the folder (its name in the cache too)."""
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ProcessedImage:
    """A source photo's responsive variants, smallest first, WebP before JPEG at each width."""

    key: str
    width: int
    height: int
    variants: tuple[Variant, ...] = field(default=())

    def of_type(self, mime: str) -> tuple[Variant, ...]:
        """Return the variants of one MIME type, smallest first."""
        return tuple(v for v in self.variants if v.mime == mime)

    def srcset(self, mime: str = WEBP, base: str = "") -> str:
        """Return an HTML ``srcset`` value such as ``"/gambar/k-320.webp 320w, …"``."""
        return ", ".join(f"{base}{v.path} {v.width}w" for v in self.of_type(mime))

    def fallback(self, mime: str = JPEG) -> Variant:
        """Return the variant closest to 960 px wide (the larger on a tie), for ``<img src>``."""
        candidates = self.of_type(mime)
        if not candidates:
            raise LookupError(f"image {self.key} has no {mime} variant")
        return min(candidates, key=lambda v: (abs(v.width - FALLBACK_WIDTH), -v.width))

    def largest(self, mime: str = JPEG) -> Variant:
        """Return the widest variant of ``mime`` (for Open Graph or a lightbox)."""
        return self.of_type(mime)[-1]


def plan_widths(source_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Return the variant widths for a source: never upscaled, the source width if it is smaller."""
    planned = [w for w in widths if w <= source_width]
    if source_width < max(widths) and source_width not in planned:
        planned.append(source_width)
    return tuple(sorted(planned))


def scaled_height(source_width: int, source_height: int, width: int) -> int:
    """Return the height that keeps the source's aspect ratio at ``width``."""
    return max(1, round(source_height * width / source_width))
