"""Turn any decoded photo into an upright, metadata-free 8-bit sRGB ``RGB`` image."""

from __future__ import annotations

import io
import logging

from PIL import Image, ImageCms, ImageOps

log = logging.getLogger(__name__)

#: What transparent pixels are composited onto.
BACKGROUND = (255, 255, 255)

_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
_WIDE_MODES = {"I", "I;16", "I;16L", "I;16B", "I;16N"}


def normalize(img: Image.Image, label: str = "") -> Image.Image:
    """Return ``img`` upright, in sRGB ``RGB`` mode, alpha on white, with an empty ``info``."""
    icc = img.info.get("icc_profile")
    try:
        ImageOps.exif_transpose(img, in_place=True)
    except Exception as exc:  # a corrupt EXIF block: publish the pixels as stored
        log.warning("%s: EXIF orientation unreadable, ignored (%s)", label, exc)
    img = _to_eight_bit(img)
    if icc and img.mode in ("RGB", "RGBA", "CMYK", "L", "LA"):
        img = _to_srgb(img, icc, label)
    img = _flatten(img)
    if img.mode != "RGB":
        img = img.convert("RGB")
    img.info = {}
    return img


def _to_eight_bit(img: Image.Image) -> Image.Image:
    """Scale 16-bit greyscale (``I;16``, ``I``) down to 8-bit ``L`` instead of clipping it."""
    if img.mode in _WIDE_MODES:
        wide = img.convert("I") if img.mode != "I" else img
        return wide.point(lambda value: value * (1 / 257)).convert("L")
    if img.mode == "F":
        return img.convert("L")
    if img.mode == "1":
        return img.convert("L")
    return img


def _to_srgb(img: Image.Image, icc: bytes, label: str) -> Image.Image:
    """Convert pixels from the embedded profile to sRGB; keep them as they are if it is unusable."""
    has_alpha = img.mode in ("RGBA", "LA")
    alpha = img.getchannel("A") if has_alpha else None
    base = img.convert(img.mode[:-1]) if has_alpha else img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            base, source, _SRGB, renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
        log.warning("%s: embedded colour profile ignored (%s)", label, exc)
        return img
    if converted is None:  # pragma: no cover - only when inPlace=True
        return img
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def _flatten(img: Image.Image) -> Image.Image:
    """Composite any transparency (alpha channel or palette/tRNS) onto :data:`BACKGROUND`."""
    transparent = img.mode in _ALPHA_MODES or "transparency" in img.info
    if img.mode == "CMYK":
        return img.convert("RGB")
    if not transparent:
        return img
    rgba = img.convert("RGBA")
    canvas = Image.new("RGB", rgba.size, BACKGROUND)
    canvas.paste(rgba, mask=rgba.getchannel("A"))
    return canvas
