"""Encode one source photo into its cached variants (the part that runs in worker processes)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PIL import Image

from etalase.images.cache import ImageCache, cache_key
from etalase.images.convert import normalize
from etalase.images.probe import (
    DEFAULT_MAX_PIXELS,
    ImageProblem,
    draft_for_width,
    load_checked,
    open_header,
    oriented_size,
)
from etalase.images.variants import (
    EXTENSIONS,
    JPEG,
    WEBP,
    ImageParams,
    ProcessedImage,
    Variant,
    plan_widths,
    scaled_height,
)

log = logging.getLogger(__name__)

MANIFEST_VERSION = 1


def read_source(source: Path) -> bytes:
    """Return the bytes of a source photo, or raise I01 when it is gone."""
    try:
        return Path(source).read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise ImageProblem("I01", {"path": str(source)}) from None


def photo_key(data: bytes, params: ImageParams) -> str:
    """Return the cache key of a photo's bytes under ``params``."""
    return cache_key(data, *params.key_parts())


def from_cache(cache: ImageCache, key: str, folder: str) -> ProcessedImage | None:
    """Return the cached result for ``key`` if its manifest and every file are present."""
    manifest = cache.read_manifest(key)
    if not manifest or manifest.get("version") != MANIFEST_VERSION:
        return None
    try:
        variants = tuple(
            Variant(f"{folder}/{v['file']}", int(v["width"]), int(v["height"]), v["mime"]) for v in manifest["variants"]
        )
        image = ProcessedImage(key, int(manifest["width"]), int(manifest["height"]), variants)
    except (KeyError, TypeError, ValueError):
        return None
    for variant in variants:
        if not cache.path(key, variant.filename[len(key) :]).is_file():
            return None
    return image


def encode_source(
    source: Path,
    params: ImageParams,
    cache_root: Path,
    folder: str = "gambar",
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> tuple[ProcessedImage, bool]:
    """Return the processed image for ``source`` and whether it had to be encoded."""
    cache = ImageCache(cache_root)
    data = read_source(source)
    key = photo_key(data, params)
    cached = from_cache(cache, key, folder)
    if cached is not None:
        return cached, False
    image = encode_bytes(data, str(source), key, params, cache, folder, max_pixels)
    log.debug("%s: encoded %d variants as %s", source, len(image.variants), key)
    return image, True


def encode_bytes(
    data: bytes,
    label: str,
    key: str,
    params: ImageParams,
    cache: ImageCache,
    folder: str,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> ProcessedImage:
    """Decode ``data`` once, resize it largest-first and store every variant under ``key``."""
    with open_header(data, label, max_pixels) as opened:
        width, height = oriented_size(opened)
        draft_for_width(opened, max(params.widths))
        load_checked(opened, label)
        img = normalize(opened, label)
    variants: list[Variant] = []
    current = img
    for target in reversed(plan_widths(width, params.widths)):
        size = (target, scaled_height(width, height, target))
        if current.size != size:
            current = current.resize(size, Image.Resampling.LANCZOS)
        for mime in (WEBP, JPEG):
            name = f"{key}-{target}.{EXTENSIONS[mime]}"
            cache.write(key, name[len(key) :], encode_variant(current, mime, params))
            variants.append(Variant(f"{folder}/{name}", size[0], size[1], mime))
    variants.sort(key=lambda v: (v.width, v.mime != WEBP))
    image = ProcessedImage(key, width, height, tuple(variants))
    cache.write_manifest(key, _manifest(image))
    return image


def encode_variant(img: Image.Image, mime: str, params: ImageParams) -> bytes:
    """Return ``img`` encoded as ``mime`` with no metadata at all."""
    buffer = io.BytesIO()
    img.info = {}
    if mime == WEBP:
        img.save(buffer, "WEBP", quality=params.webp_quality, method=params.webp_method)
    else:
        img.save(
            buffer,
            "JPEG",
            quality=params.jpeg_quality,
            optimize=True,
            progressive=params.jpeg_progressive,
            subsampling="4:2:0",
        )
    return buffer.getvalue()


def _manifest(image: ProcessedImage) -> dict[str, object]:
    """Return the JSON manifest of a cache entry (file names only; the folder is the caller's)."""
    return {
        "version": MANIFEST_VERSION,
        "key": image.key,
        "width": image.width,
        "height": image.height,
        "variants": [
            {"file": v.filename, "width": v.width, "height": v.height, "mime": v.mime} for v in image.variants
        ],
    }
