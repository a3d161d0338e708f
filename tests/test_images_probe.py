"""probe_image: every stable error code, on real files."""

from __future__ import annotations

import os
import pickle
import warnings
from pathlib import Path

import pytest
from etalase.errors import EtalaseError
from etalase.images.probe import ImageInfo, ImageProblem, probe_image
from PIL import Image

from tests.images_helpers import ANIMATED, animated, gps_exif, jpeg_bytes, save, textured


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Return a catalogue_data folder with one good photo of each accepted format."""
    data = tmp_path / "catalogue_data"
    img = textured((120, 80))
    save(img, data / "foto" / "kopi.jpg", "JPEG", quality=85)
    save(img, data / "foto" / "logo.png", "PNG")
    save(img, data / "foto" / "teh.webp", "WEBP")
    save(img, data / "foto" / "kue.gif", "GIF")
    return data


def problem(root: Path, rel: str, **kwargs) -> ImageProblem:
    """Return the ImageProblem that probing ``rel`` raises."""
    with pytest.raises(ImageProblem) as caught:
        probe_image(root, rel, **kwargs)
    return caught.value


@pytest.mark.parametrize(
    ("rel", "fmt"),
    [("foto/kopi.jpg", "JPEG"), ("foto/logo.png", "PNG"), ("foto/teh.webp", "WebP"), ("foto/kue.gif", "GIF")],
)
def test_accepted_formats(root: Path, rel: str, fmt: str) -> None:
    assert probe_image(root, rel) == ImageInfo(width=120, height=80, format=fmt, animated=False)


@pytest.mark.parametrize(("fmt", "shown"), [("GIF", "GIF"), ("PNG", "PNG"), ("WEBP", "WebP")])
def test_animations_are_accepted_and_said_to_be_animated(root: Path, fmt: str, shown: str) -> None:
    animated(root / ANIMATED[fmt], fmt)
    assert probe_image(root, ANIMATED[fmt]) == ImageInfo(width=60, height=40, format=shown, animated=True)


def test_a_multi_picture_jpeg_is_not_an_animation(root: Path) -> None:
    first, second = textured((60, 40), seed=1), textured((60, 40), seed=2)
    first.save(root / "kamera.jpg", "MPO", save_all=True, append_images=[second])
    assert Image.open(root / "kamera.jpg").format == "MPO"
    assert probe_image(root, "kamera.jpg") == ImageInfo(width=60, height=40, format="JPEG", animated=False)


def test_size_is_reported_upright(root: Path) -> None:
    save(textured((120, 80)), root / "putar.jpg", "JPEG", exif=gps_exif(orientation=6))
    assert probe_image(root, "putar.jpg") == ImageInfo(width=80, height=120, format="JPEG")


def test_i01_missing_file(root: Path) -> None:
    err = problem(root, "foto/tidak-ada.jpg")
    assert (err.code, err.params) == ("I01", {"path": "foto/tidak-ada.jpg"})


def test_i01_suggests_the_right_case(root: Path) -> None:
    err = problem(root, "Foto/Kopi.JPG")
    assert (err.code, err.params) == ("I01", {"path": "Foto/Kopi.JPG", "suggestion": "foto/Kopi.JPG"})
    err = problem(root, "foto/Kopi.JPG")
    assert err.params["suggestion"] == "foto/kopi.jpg"


def test_i01_folder_and_missing_parent(root: Path) -> None:
    assert problem(root, "foto").code == "I01"
    assert problem(root, "tidak/ada/kopi.jpg").code == "I01"
    assert problem(root, "foto/kopi.jpg/lagi.jpg").code == "I01"
    assert problem(root, "").code == "I01"


@pytest.mark.parametrize("rel", ["../rahasia.jpg", "foto/../../rahasia.jpg", "foto/../kopi.jpg"])
def test_i02_parent_segments(root: Path, rel: str) -> None:
    (root.parent / "rahasia.jpg").write_bytes(jpeg_bytes(textured((10, 10))))
    err = problem(root, rel)
    assert (err.code, err.params["reason"]) == ("I02", "parent")


def test_i02_absolute_path(root: Path) -> None:
    err = problem(root, str(root / "foto" / "kopi.jpg"))
    assert (err.code, err.params["reason"]) == ("I02", "absolute")


def test_i02_symlinked_file(root: Path) -> None:
    outside = root.parent / "luar.jpg"
    outside.write_bytes(jpeg_bytes(textured((10, 10))))
    os.symlink(outside, root / "tautan.jpg")
    err = problem(root, "tautan.jpg")
    assert (err.code, err.params["reason"]) == ("I02", "symlink")


def test_i02_symlinked_folder_even_inside_root(root: Path) -> None:
    os.symlink(root / "foto", root / "alias")
    err = problem(root, "alias/kopi.jpg")
    assert (err.code, err.params) == ("I02", {"path": "alias/kopi.jpg", "reason": "symlink"})


@pytest.mark.parametrize(("fmt", "name"), [("TIFF", "scan.tif"), ("BMP", "scan.bmp")])
def test_i03_tiff_and_bmp(root: Path, fmt: str, name: str) -> None:
    save(textured((20, 20)), root / name, fmt)
    err = problem(root, name)
    assert (err.code, err.params) == ("I03", {"path": name, "format": fmt})


def test_i03_bmp_renamed_to_jpg(root: Path) -> None:
    save(textured((20, 20)), root / "nyamar.jpg", "BMP")
    assert problem(root, "nyamar.jpg").params["format"] == "BMP"


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b"bukan gambar", "unknown"),
        (b"", "unknown"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
    ],
)
def test_i03_not_an_image(root: Path, content: bytes, fmt: str) -> None:
    (root / "berkas.jpg").write_bytes(content)
    assert (problem(root, "berkas.jpg").code, problem(root, "berkas.jpg").params["format"]) == (
        "I03",
        fmt,
    )


def test_i04_truncated_jpeg(root: Path) -> None:
    data = jpeg_bytes(textured((400, 300)), quality=95)
    (root / "potong.jpg").write_bytes(data[: len(data) // 2])
    err = problem(root, "potong.jpg")
    assert err.code == "I04"
    assert err.params["path"] == "potong.jpg"


def test_i04_truncated_png(root: Path) -> None:
    data = (root / "foto" / "logo.png").read_bytes()
    (root / "potong.png").write_bytes(data[: len(data) - 200])
    assert problem(root, "potong.png").code == "I04"


def test_i05_more_pixels_than_allowed(root: Path) -> None:
    err = problem(root, "foto/kopi.jpg", max_pixels=5000)
    assert (err.code, err.params) == (
        "I05",
        {"path": "foto/kopi.jpg", "width": 120, "height": 80, "max": 5000},
    )


def test_i05_pillow_bomb_warning_is_an_error_not_a_warning(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 5000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning escaping probe_image fails the test
        err = problem(root, "foto/kopi.jpg", max_pixels=10**9)
    assert (err.code, err.params["width"], err.params["height"]) == ("I05", 120, 80)


def test_i05_pillow_bomb_error(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    assert problem(root, "foto/kopi.jpg", max_pixels=10**9).code == "I05"


def test_problem_is_in_the_error_tree_and_survives_pickling() -> None:
    err = ImageProblem("I04", {"path": "a.jpg", "detail": "truncated"})
    again = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own object, as worker processes do
    assert isinstance(again, EtalaseError)
    assert (again.code, again.params) == (err.code, err.params)
    assert str(again) == "I04: detail='truncated', path='a.jpg'"
