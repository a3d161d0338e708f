"""ImagePipeline: real Pillow encoding into a content-addressed cache, then publishing."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from etalase.images.cache import ImageCache, cache_key
from etalase.images.pipeline import ImageBatchError, ImagePipeline
from etalase.images.variants import (
    JPEG,
    WEBP,
    ImageParams,
    ProcessedImage,
    Variant,
    plan_widths,
)
from etalase.outputs.artifacts import write_bytes_atomic as write_atomic
from PIL import Image, PngImagePlugin

from tests.images_helpers import (
    ANIMATED,
    XMP,
    animated,
    assert_clean,
    gps_exif,
    jpeg_bytes,
    save,
    srgb_icc,
    textured,
)

#: Small widths keep the tests fast while exercising the cascade.
PARAMS = ImageParams(widths=(64, 128, 256), webp_quality=70, jpeg_quality=75)


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    """Return an empty cache folder."""
    return tmp_path / "cache"


def run(cache_dir: Path, *sources: Path, workers: int = 1) -> tuple[ImagePipeline, dict]:
    """Process ``sources`` with a fresh pipeline and return it with its results."""
    pipeline = ImagePipeline(cache_dir, PARAMS, workers=workers)
    return pipeline, pipeline.process(sources)


def outputs(pipeline: ImagePipeline, image: ProcessedImage) -> dict[Variant, bytes]:
    """Return the cached bytes of every variant of ``image``."""
    return {v: pipeline.cache.path(image.key, v.filename[len(image.key) :]).read_bytes() for v in image.variants}


def decoded(data: bytes) -> Image.Image:
    """Return the decoded image of ``data``."""
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_variants_widths_types_and_names(tmp_path: Path, cache_dir: Path) -> None:
    source = save(textured((400, 300)), tmp_path / "kopi.jpg", "JPEG")
    pipeline, result = run(cache_dir, source)
    image = result[source]
    assert (image.width, image.height) == (400, 300)
    assert [(v.width, v.height, v.mime) for v in image.variants] == [
        (64, 48, WEBP),
        (64, 48, JPEG),
        (128, 96, WEBP),
        (128, 96, JPEG),
        (256, 192, WEBP),
        (256, 192, JPEG),
    ]
    assert image.variants[0].path == f"gambar/{image.key}-64.webp"
    assert len(image.key) == 16
    for variant, data in outputs(pipeline, image).items():
        img = decoded(data)
        assert img.size == (variant.width, variant.height)
        assert img.format == ("WEBP" if variant.mime == WEBP else "JPEG")
        assert img.mode == "RGB"


def test_never_upscaled_and_small_source_keeps_its_width(tmp_path: Path, cache_dir: Path) -> None:
    source = save(textured((100, 50)), tmp_path / "kecil.png", "PNG")
    _, result = run(cache_dir, source)
    assert sorted({v.width for v in result[source].variants}) == [64, 100]
    assert plan_widths(50, (64, 128)) == (50,)
    assert plan_widths(128, (64, 128)) == (64, 128)
    assert plan_widths(5000, (64, 128)) == (64, 128)


def test_exif_orientation_is_applied(tmp_path: Path, cache_dir: Path) -> None:
    source = save(textured((200, 100)), tmp_path / "putar.jpg", "JPEG", exif=gps_exif(6))
    pipeline, result = run(cache_dir, source)
    image = result[source]
    assert (image.width, image.height) == (100, 200)
    for variant, data in outputs(pipeline, image).items():
        width, height = decoded(data).size
        assert height == 2 * width == 2 * variant.width


def test_no_metadata_survives_in_any_output(tmp_path: Path, cache_dir: Path) -> None:
    img = textured((300, 200))
    jpeg = save(
        img,
        tmp_path / "gps.jpg",
        "JPEG",
        exif=gps_exif(orientation=1),
        xmp=XMP,
        icc_profile=srgb_icc(),
        comment=b"SecretCam comment",
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    png = save(img, tmp_path / "meta.png", "PNG", pnginfo=info, exif=gps_exif(3))
    webp = save(img, tmp_path / "meta.webp", "WEBP", exif=gps_exif(1), xmp=XMP)
    with Image.open(jpeg) as check:  # the fixture really carries GPS
        assert check.getexif().get_ifd(0x8825)
    pipeline, result = run(cache_dir, jpeg, png, webp)
    for image in result.values():
        for data in outputs(pipeline, image).values():
            assert_clean(data)


def test_unusable_colour_profile_is_dropped(tmp_path: Path, cache_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    source = save(textured((80, 60)), tmp_path / "icc.jpg", "JPEG", icc_profile=b"GPS" * 50)
    pipeline, result = run(cache_dir, source)
    for data in outputs(pipeline, result[source]).values():
        assert_clean(data)
    assert "colour profile ignored" in caplog.text


def test_cmyk_becomes_rgb(tmp_path: Path, cache_dir: Path) -> None:
    red = Image.new("CMYK", (100, 80), (0, 255, 255, 0))
    source = save(red, tmp_path / "cmyk.jpg", "JPEG", quality=95)
    pipeline, result = run(cache_dir, source)
    for data in outputs(pipeline, result[source]).values():
        img = decoded(data)
        assert img.mode == "RGB"
        r, g, b = img.getpixel((img.width // 2, img.height // 2))
        assert r > 200 and g < 60 and b < 60


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("rgba.png", lambda: Image.new("RGBA", (80, 60), (255, 0, 0, 0))),
        ("la.png", lambda: Image.new("LA", (80, 60), (0, 0))),
        ("rgba.webp", lambda: Image.new("RGBA", (80, 60), (0, 0, 255, 0))),
    ],
)
def test_transparency_is_composited_on_white(tmp_path: Path, cache_dir: Path, name: str, make) -> None:
    source = save(make(), tmp_path / name, name.rsplit(".", 1)[1].upper())
    pipeline, result = run(cache_dir, source)
    for data in outputs(pipeline, result[source]).values():
        img = decoded(data)
        assert img.mode == "RGB"
        assert all(channel >= 245 for channel in img.getpixel((10, 10)))


def test_palette_with_transparent_index(tmp_path: Path, cache_dir: Path) -> None:
    img = Image.new("P", (80, 60), 1)
    img.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    img.paste(0, (0, 0, 40, 60))
    source = save(img, tmp_path / "palet.png", "PNG", transparency=0)
    pipeline, result = run(cache_dir, source)
    data = outputs(pipeline, result[source])
    jpeg = decoded(next(d for v, d in data.items() if v.mime == JPEG and v.width == 80))
    assert all(c >= 245 for c in jpeg.getpixel((5, 30)))  # transparent black -> white
    r, g, b = jpeg.getpixel((75, 30))
    assert r > 200 and g < 60 and b < 60  # opaque red stays red


def test_sixteen_bit_greyscale_is_scaled_not_clipped(tmp_path: Path, cache_dir: Path) -> None:
    img = Image.new("I;16", (90, 60))
    img.putdata([32768 if x < 30 else 65535 if x < 60 else 0 for _ in range(60) for x in range(90)])
    source = save(img, tmp_path / "abu16.png", "PNG")
    with Image.open(source) as check:
        assert check.mode.startswith("I")
    pipeline, result = run(cache_dir, source)
    data = outputs(pipeline, result[source])
    webp = decoded(next(d for v, d in data.items() if v.mime == WEBP and v.width == 90))
    assert 118 <= webp.getpixel((15, 30))[0] <= 138  # mid grey, not white
    assert webp.getpixel((45, 30))[0] >= 245
    assert webp.getpixel((80, 30))[0] <= 10


def test_second_run_encodes_nothing(tmp_path: Path, cache_dir: Path) -> None:
    sources = [save(textured((300, 200), seed=i), tmp_path / f"f{i}.jpg", "JPEG") for i in range(3)]
    first, result = run(cache_dir, *sources)
    assert (first.stats.encoded, first.stats.cache_hits) == (3, 0)
    second, again = run(cache_dir, *sources)
    assert (second.stats.encoded, second.stats.cache_hits) == (0, 3)
    assert again == result


def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    sources = [save(textured((300, 200), seed=i), tmp_path / f"f{i}.jpg", "JPEG") for i in range(4)]
    serial, result = run(tmp_path / "serial", *sources, workers=1)
    parallel, result_parallel = run(tmp_path / "parallel", *sources, workers=2)
    assert parallel.stats.encoded == 4
    assert result_parallel == result
    for source in sources:
        assert outputs(parallel, result[source]) == outputs(serial, result[source])


def test_output_is_deterministic(tmp_path: Path) -> None:
    source = save(textured((300, 200)), tmp_path / "kopi.jpg", "JPEG", exif=gps_exif(8))
    one, first = run(tmp_path / "one", source)
    two, second = run(tmp_path / "two", source)
    assert outputs(one, first[source]) == outputs(two, second[source])


def test_same_bytes_under_two_names_are_encoded_once(tmp_path: Path, cache_dir: Path) -> None:
    data = jpeg_bytes(textured((200, 100)))
    (tmp_path / "a.jpg").write_bytes(data)
    (tmp_path / "b.jpg").write_bytes(data)
    pipeline, result = run(cache_dir, tmp_path / "a.jpg", tmp_path / "b.jpg")
    assert (pipeline.stats.encoded, pipeline.stats.cache_hits) == (1, 1)
    assert result[tmp_path / "a.jpg"] == result[tmp_path / "b.jpg"]


def test_changed_params_change_the_key(tmp_path: Path, cache_dir: Path) -> None:
    data = jpeg_bytes(textured((200, 100)))
    keys = {cache_key(data, *ImageParams(jpeg_quality=q).key_parts()) for q in (70, 71)} | {
        cache_key(data, *ImageParams(widths=(320,)).key_parts())
    }
    assert len(keys) == 3
    assert ImageParams(widths=(640, 320, 320)).widths == (320, 640)
    with pytest.raises(ValueError, match="widths"):
        ImageParams(widths=(0,))


def test_missing_cached_file_is_rebuilt(tmp_path: Path, cache_dir: Path) -> None:
    source = save(textured((200, 100)), tmp_path / "kopi.jpg", "JPEG")
    first, result = run(cache_dir, source)
    image = result[source]
    first.cache.path(image.key, "-128.jpg").unlink()
    second, _ = run(cache_dir, source)
    assert second.stats.encoded == 1
    assert first.cache.path(image.key, "-128.jpg").is_file()


def test_bad_sources_are_reported_together_after_the_good_ones(tmp_path: Path, cache_dir: Path) -> None:
    good = save(textured((200, 100)), tmp_path / "baik.jpg", "JPEG")
    truncated = tmp_path / "potong.jpg"
    truncated.write_bytes(jpeg_bytes(textured((300, 200)), quality=95)[:3000])
    bmp = save(textured((20, 20)), tmp_path / "scan.bmp", "BMP")
    missing = tmp_path / "hilang.jpg"
    pipeline = ImagePipeline(cache_dir, PARAMS, workers=2)
    with pytest.raises(ImageBatchError) as caught:
        pipeline.process([good, truncated, bmp, missing])
    codes = {path.name: p.code for path, p in caught.value.problems.items()}
    assert codes == {"potong.jpg": "I04", "scan.bmp": "I03", "hilang.jpg": "I01"}
    assert pipeline.stats.encoded == 1
    again, _ = run(cache_dir, good)
    assert again.stats.cache_hits == 1


@pytest.mark.parametrize("fmt", sorted(ANIMATED))
def test_an_animation_is_published_as_its_first_frame(tmp_path: Path, cache_dir: Path, fmt: str) -> None:
    source = animated(tmp_path / ANIMATED[fmt], fmt, colours=("red", "blue", "lime"), size=(200, 100))
    pipeline, result = run(cache_dir, source)
    image = result[source]
    assert (image.width, image.height) == (200, 100)
    for variant, data in outputs(pipeline, image).items():
        picture = decoded(data)
        assert getattr(picture, "n_frames", 1) == 1, variant
        red, green, blue = picture.convert("RGB").getpixel((picture.width // 2, picture.height // 2))
        assert red > 200 and green < 60 and blue < 60, (variant, (red, green, blue))  # the first frame: red


def test_srcset_and_fallback() -> None:
    variants = tuple(
        Variant(f"gambar/k-{w}.{ext}", w, w // 2, mime)
        for w in (320, 640, 960, 1280)
        for mime, ext in ((WEBP, "webp"), (JPEG, "jpg"))
    )
    image = ProcessedImage("k", 1280, 640, variants)
    assert image.srcset(WEBP, base="/") == (
        "/gambar/k-320.webp 320w, /gambar/k-640.webp 640w, /gambar/k-960.webp 960w, /gambar/k-1280.webp 1280w"
    )
    assert image.fallback().path == "gambar/k-960.jpg"
    assert image.largest().path == "gambar/k-1280.jpg"
    small = ProcessedImage("k", 500, 250, variants[:2] + (Variant("gambar/k-500.jpg", 500, 250, JPEG),))
    assert small.fallback().width == 500


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "ab" / "abcdef-1.jpg"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert os.listdir(target.parent) == ["abcdef-1.jpg"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_cache_ignores_a_broken_manifest(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    cache.write("0123456789abcdef", ".json", b"{not json")
    assert cache.read_manifest("0123456789abcdef") is None
