"""Small real images for the tests of etalase.images (no mocks: everything goes through Pillow)."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf'
    b'-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    b'xmp:CreatorTool="SecretCam"/></rdf:RDF></x:xmpmeta>'
)

#: Byte strings that must never appear in a published file.
METADATA_MARKERS = (b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"SecretCam")


def textured(size: tuple[int, int], seed: int = 1, mode: str = "RGB") -> Image.Image:
    """Return a seeded image with gradients and shapes, so resizing and encoding do real work."""
    rng = random.Random(seed)
    width, height = size
    img = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize(size),
            Image.radial_gradient("L").resize(size),
            Image.linear_gradient("L").rotate(90).resize(size),
        ],
    )
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(2, max(3, width // 4))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return img.convert(mode) if mode != "RGB" else img


def gps_exif(orientation: int | None = None) -> bytes:
    """Return EXIF bytes with a GPS position, a camera model and optionally an orientation."""
    exif = Image.Exif()
    exif[0x0110] = "SecretCam 3000"  # Model
    if orientation is not None:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (6.0, 10.0, 30.0)  # latitude: Jakarta
    gps[3] = "E"
    gps[4] = (106.0, 49.0, 0.0)
    return exif.tobytes()


def srgb_icc() -> bytes:
    """Return a valid sRGB ICC profile, as cameras and editors embed one."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def save(img: Image.Image, path: Path, fmt: str, **options) -> Path:
    """Save ``img`` to ``path`` (making folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, fmt, **options)
    return path


def jpeg_bytes(img: Image.Image, **options) -> bytes:
    """Return ``img`` as JPEG bytes."""
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", **options)
    return buffer.getvalue()


def noise(size: tuple[int, int], seed: int = 7) -> Image.Image:
    """Return pure seeded RGB noise: the worst case for JPEG size."""
    rng = random.Random(seed)
    return Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))


def assert_clean(data: bytes) -> None:
    """Fail if encoded image bytes carry any EXIF, GPS, XMP or ICC metadata."""
    with Image.open(io.BytesIO(data)) as img:
        assert len(img.getexif()) == 0, "EXIF left in output"
        assert "icc_profile" not in img.info
        assert "xmp" not in img.info
        assert "exif" not in img.info
    for marker in METADATA_MARKERS:
        assert marker not in data, f"{marker!r} found in output"


ANIMATED = {"GIF": "anim.gif", "PNG": "anim.png", "WEBP": "anim.webp"}


def animated(path: Path, fmt: str, colours: tuple[str, ...] = ("red", "blue", "lime"),
             size: tuple[int, int] = (60, 40)) -> Path:
    """Write an animation of solid-colour frames (GIF, APNG or animated WebP) and return its path."""
    frames = [Image.new("RGB", size, colour) for colour in colours]
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = {"lossless": True} if fmt == "WEBP" else {}
    frames[0].save(path, fmt, save_all=True, append_images=frames[1:], duration=200, loop=0, **extra)
    return path
