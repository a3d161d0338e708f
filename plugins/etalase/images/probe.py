"""Check a staff photo before anything is built: where it is, what it is, and that it decodes.

The validator calls :func:`probe_image` for every photo a record names and maps
each :class:`ImageProblem` code to a message in Bahasa Indonesia:

======  ==========================================================  ==============================
code    meaning                                                     params
======  ==========================================================  ==============================
I01     the file does not exist (or is a folder)                    path, suggestion (optional:
                                                                    the same path with the right
                                                                    upper/lower case)
I02     the path leaves the data folder (absolute, ``..``, symlink) path, reason
I03     not a JPEG, PNG, WebP or GIF                                path, format
I04     cannot be decoded completely (truncated or corrupt)         path, detail
I05     too many pixels (decompression bomb guard)                  path, width, height, max
======  ==========================================================  ==============================

An animated GIF, PNG (APNG) or WebP is accepted like a still one and published as
its first frame: :attr:`ImageInfo.animated` says so, and the validator warns staff
(``I06``). One policy for every format: the site shows still photos.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from PIL import Image, ImageFile, UnidentifiedImageError

from etalase.errors import EtalaseError

log = logging.getLogger(__name__)

#: Pillow format names we publish, mapped to the name staff see. MPO is how Pillow
#: reports the multi-picture JPEGs that many phones and cameras write (its extra
#: pictures are previews or depth maps, not an animation).
ACCEPTED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
#: The formats whose files may hold an animation, of which only the first frame is published.
ANIMATED_FORMATS = frozenset({"GIF", "PNG", "WEBP"})

#: The formats Pillow may identify at all; anything else is sniffed by magic bytes.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"<svg", "SVG"),
    (b"<?xml", "XML/SVG"),
    (b"PK\x03\x04", "ZIP"),
    (b"8BPS", "PSD"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"}

DEFAULT_MAX_PIXELS = 40_000_000


class ImageProblem(EtalaseError):
    """One reason a photo cannot be published; ``code`` is stable, ``params`` fill the message."""

    def __init__(self, code: str, params: dict[str, Any]):
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}: {details}"


@dataclass(frozen=True)
class ImageInfo:
    """What a readable photo looks like once its EXIF orientation is applied."""

    width: int
    height: int
    format: str
    #: More than one frame (GIF, APNG, animated WebP): only the first is published.
    animated: bool = False


def probe_image(root: Path, rel: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Return the size and format of ``root/rel`` or raise :class:`ImageProblem`."""
    path = resolve_inside(root, rel)
    data = path.read_bytes()
    with open_checked(data, rel, max_pixels) as img:
        fmt = ACCEPTED_FORMATS[img.format or ""]
        width, height = oriented_size(img)
        animated = is_animated(img)
    log.debug("%s: %s %dx%d%s", rel, fmt, width, height, " animated" if animated else "")
    return ImageInfo(width=width, height=height, format=fmt, animated=animated)


def is_animated(img: Image.Image) -> bool:
    """Whether an opened GIF, PNG or WebP holds more than one frame (Pillow stays on the first)."""
    return img.format in ANIMATED_FORMATS and bool(getattr(img, "is_animated", False))


def resolve_inside(root: Path, rel: str) -> Path:
    """Return the regular file ``rel`` names under ``root``; raise I01 or I02 otherwise."""
    pure = PurePosixPath(rel)
    if not rel.strip():
        raise ImageProblem("I01", {"path": rel})
    if pure.is_absolute() or rel.startswith("~"):
        raise ImageProblem("I02", {"path": rel, "reason": "absolute"})
    if ".." in pure.parts:
        raise ImageProblem("I02", {"path": rel, "reason": "parent"})
    current = Path(root)
    for index, part in enumerate(pure.parts):
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except (FileNotFoundError, NotADirectoryError):
            raise ImageProblem("I01", _missing_params(rel, current.parent, index)) from None
        if stat.S_ISLNK(mode):
            raise ImageProblem("I02", {"path": rel, "reason": "symlink"})
    if not stat.S_ISREG(os.lstat(current).st_mode):
        raise ImageProblem("I01", {"path": rel})
    if not current.resolve().is_relative_to(Path(root).resolve()):
        raise ImageProblem("I02", {"path": rel, "reason": "outside"})
    return current


def open_checked(data: bytes, label: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """Open ``data`` as an accepted photo with every pixel decoded; raise I03, I04 or I05."""
    img = open_header(data, label, max_pixels)
    load_checked(img, label)
    return img


def open_header(data: bytes, label: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """Open ``data`` without decoding pixels, checking its format (I03) and size (I05)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise ImageProblem("I05", _bomb_params(label, exc, max_pixels)) from None
        except UnidentifiedImageError:
            raise ImageProblem("I03", {"path": label, "format": sniff_format(data)}) from None
    bomb = _rewarn_others(caught)
    if img.format not in ACCEPTED_FORMATS:
        raise ImageProblem("I03", {"path": label, "format": img.format or "unknown"})
    width, height = img.size
    if bomb or width * height > max_pixels:
        params = {"path": label, "width": width, "height": height, "max": max_pixels}
        raise ImageProblem("I05", params)
    return img


def load_checked(img: Image.Image, label: str) -> None:
    """Decode every pixel of an opened image, turning any decoder complaint into I04."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        log.warning("%s: ImageFile.LOAD_TRUNCATED_IMAGES is on; truncation may go unseen", label)
    try:
        img.load()
    except Exception as exc:  # decoders raise many exception types on hostile input
        raise ImageProblem("I04", {"path": label, "detail": str(exc)[:200]}) from None


def draft_for_width(img: Image.Image, target_width: int) -> None:
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale while staying at least ``target_width`` wide."""
    if img.format not in ("JPEG", "MPO") or target_width <= 0:
        return
    width, _ = oriented_size(img)
    factor = target_width / width
    if factor >= 0.5:
        return
    raw_w, raw_h = img.size
    img.draft(None, (max(1, int(raw_w * factor + 1)), max(1, int(raw_h * factor + 1))))


def oriented_size(img: Image.Image) -> tuple[int, int]:
    """Return ``img.size`` as displayed, swapping sides for EXIF orientations 5 to 8."""
    width, height = img.size
    try:
        orientation = img.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF block only means "no orientation"
        orientation = 1
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def sniff_format(data: bytes) -> str:
    """Name the format of bytes Pillow cannot identify, for the I03 message."""
    head = data[:64].lstrip()
    if len(data) >= 12 and data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIC"
        return brand.decode("ascii", "replace").strip().upper() or "unknown"
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return "unknown"


def _missing_params(rel: str, folder: Path, index: int) -> dict[str, Any]:
    """Fill I01 params, with the correctly cased name when only the case differs."""
    params: dict[str, Any] = {"path": rel}
    parts = list(PurePosixPath(rel).parts)
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return params
    matches = [name for name in names if name.casefold() == parts[index].casefold()]
    if matches:
        parts[index] = matches[0]
        params["suggestion"] = "/".join(parts)
    return params


def _rewarn_others(caught: list[warnings.WarningMessage]) -> bool:
    """Re-issue warnings caught while opening, except Pillow's bomb warning; report that one."""
    bomb = False
    for item in caught:
        if issubclass(item.category, Image.DecompressionBombWarning):
            bomb = True
        else:
            warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)
    return bomb


def _bomb_params(label: str, exc: Exception, max_pixels: int) -> dict[str, Any]:
    """Fill I05 params when Pillow refused the size before reporting it (over twice its limit)."""
    return {"path": label, "width": None, "height": None, "max": max_pixels, "detail": str(exc)}
