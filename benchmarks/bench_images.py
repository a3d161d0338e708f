"""Benchmark the photo pipeline against naive Pillow on synthetic ~3-megapixel JPEG photos.

    .venv/bin/python benchmarks/bench_images.py --count 50      # quick smoke run
    .venv/bin/python benchmarks/bench_images.py --count 1000    # the default

Rows: naive Pillow (open, LANCZOS resize from the full image to each width, save
WebP + JPEG; one core), our pipeline cold on one worker and on every core, and
our pipeline warm (a second build: nothing is encoded, files are only linked).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from etalase.images.pipeline import ImagePipeline  # noqa: E402
from etalase.images.variants import ImageParams  # noqa: E402
from etalase.outputs.state import Output  # noqa: E402

#: Same widths and qualities for the naive loop and the pipeline, so the work is comparable; the pipeline
#: uses its own WebP effort (ImageParams' default), the naive loop Pillow's default (method 4).
PARAMS = ImageParams(widths=(640, 960, 1600), webp_quality=80, jpeg_quality=82)
NAIVE_WEBP_METHOD = 4
SIZE = (2000, 1500)


def make_base(seed: int, size: tuple[int, int]) -> Image.Image:
    """Return a textured background: gradients, blurred noise and soft shapes."""
    rng = random.Random(seed)
    big = (size[0] + 200, size[1] + 200)
    channels = []
    for _ in range(3):
        grain = Image.effect_noise(big, rng.uniform(30, 70)).filter(ImageFilter.GaussianBlur(1.2))
        gradient = Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(big)
        channels.append(Image.blend(gradient, grain, rng.uniform(0.3, 0.6)))
    img = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(img)
    for _ in range(30):
        x, y, r = rng.randrange(big[0]), rng.randrange(big[1]), rng.randrange(40, 400)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return img.filter(ImageFilter.GaussianBlur(0.8))


def make_photo(index: int, seed: int, folder: str, size: tuple[int, int]) -> str:
    """Write one unique synthetic photo (a crop of a shared base plus its own details)."""
    rng = random.Random(seed * 1_000_003 + index)
    base = _base(seed + index % 8, size)
    x, y = rng.randrange(200), rng.randrange(200)
    img = base.crop((x, y, x + size[0], y + size[1]))
    draw = ImageDraw.Draw(img)
    for _ in range(25):
        x0, y0 = rng.randrange(size[0]), rng.randrange(size[1])
        w, h = rng.randrange(10, 300), rng.randrange(10, 300)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.rectangle((x0, y0, x0 + w, y0 + h), outline=colour, width=rng.randrange(1, 6))
    grain = Image.effect_noise((size[0] // 4, size[1] // 4), 20).resize(size).convert("RGB")
    img = Image.blend(img, grain, 0.08)
    path = os.path.join(folder, f"foto-{index:05d}.jpg")
    img.save(path, "JPEG", quality=90)
    return path


_BASES: dict[int, Image.Image] = {}


def _base(seed: int, size: tuple[int, int]) -> Image.Image:
    """Return the base texture for ``seed``, built once per process."""
    if seed not in _BASES:
        _BASES[seed] = make_base(seed, size)
    return _BASES[seed]


def generate(folder: Path, count: int, seed: int, workers: int) -> list[Path]:
    """Write ``count`` synthetic photos into ``folder`` and return their paths."""
    args = [(i, seed, str(folder), SIZE) for i in range(count)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        paths = list(pool.map(make_photo, *zip(*args, strict=True), chunksize=8))
    return [Path(p) for p in paths]


def naive(sources: list[Path], output: Path) -> int:
    """Open, resize from the full image to each width, save WebP and JPEG; one core."""
    output.mkdir(parents=True, exist_ok=True)
    for source in sources:
        with Image.open(source) as img:
            img = img.convert("RGB")
            for width in PARAMS.widths:
                height = round(img.height * width / img.width)
                small = img.resize((width, height), Image.Resampling.LANCZOS)
                stem = output / f"{source.stem}-{width}"
                small.save(f"{stem}.webp", "WEBP", quality=PARAMS.webp_quality, method=NAIVE_WEBP_METHOD)
                small.save(
                    f"{stem}.jpg",
                    "JPEG",
                    quality=PARAMS.jpeg_quality,
                    optimize=True,
                    progressive=True,
                )
    return len(sources)


def pipeline_run(sources: list[Path], cache: Path, output: Path, workers: int) -> int:
    """Process with a fresh pipeline and link the variants into ``output`` as a build does; how many it encoded."""
    pipeline = ImagePipeline(cache, PARAMS, workers=workers)
    processed = pipeline.process(sources)
    out = Output(output, None)
    for image in processed.values():
        for variant in image.variants:
            out.link(variant.path, pipeline.cache.file(image.key, variant.filename[len(image.key):]))
    return pipeline.stats.encoded


def timed(func, *args) -> tuple[float, float, object]:
    """Return the wall time and CPU time (this process and its workers) of ``func(*args)``."""
    cpu_start, start = _cpu_seconds(), time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, _cpu_seconds() - cpu_start, result


def _cpu_seconds() -> float:
    """Return user + system CPU seconds used by this process and its reaped children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Generate photos, run every variant of the work and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="photos to generate (1000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp:
        root = Path(tmp)
        (root / "src").mkdir()
        gen_time, _, sources = timed(generate, root / "src", args.count, args.seed, args.workers)
        megabytes = sum(p.stat().st_size for p in sources) / 1e6
        print(
            f"{len(sources)} photos {SIZE[0]}x{SIZE[1]} ({SIZE[0] * SIZE[1] / 1e6:.1f} MP, "
            f"{megabytes:.0f} MB) generated in {gen_time:.1f} s; widths {PARAMS.widths}, "
            f"WebP q{PARAMS.webp_quality} m{PARAMS.webp_method} (naive: m{NAIVE_WEBP_METHOD}) "
            f"+ JPEG q{PARAMS.jpeg_quality}; "
            f"{os.cpu_count()} CPUs, {args.workers} workers, "
            f"load average {os.getloadavg()[0]:.2f} at start"
        )
        rows = [
            ("naive Pillow, 1 core", *timed(naive, sources, root / "naive")),
            (
                "pipeline cold, 1 worker",
                *timed(pipeline_run, sources, root / "cache1", root / "out1", 1),
            ),
            (
                f"pipeline cold, {args.workers} workers",
                *timed(pipeline_run, sources, root / "cache", root / "out2", args.workers),
            ),
            (
                "pipeline warm (2nd build)",
                *timed(pipeline_run, sources, root / "cache", root / "out3", args.workers),
            ),
        ]
        print(_table(rows, len(sources)))
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


def _table(rows: list[tuple[str, float, float, object]], count: int) -> str:
    """Return the results as a small Markdown table."""
    out = io.StringIO()
    out.write(f"| {'run':<28} | {'wall s':>8} | {'images/s':>9} | {'CPU ms/image':>12} | {'encoded':>7} |\n")
    out.write(f"|{'-' * 30}|{'-' * 9}:|{'-' * 10}:|{'-' * 13}:|{'-' * 8}:|\n")
    for name, seconds, cpu, encoded in rows:
        rate = count / seconds if seconds else float("inf")
        per_image = 1000 * cpu / count
        out.write(f"| {name:<28} | {seconds:>8.2f} | {rate:>9.1f} | {per_image:>12.0f} | {encoded:>7} |\n")
    return out.getvalue().rstrip()


if __name__ == "__main__":
    sys.exit(main())
