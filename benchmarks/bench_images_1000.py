"""Measure the media pipeline of a build (photos and preview cards) on a synthetic catalogue, cold and warm.

    .venv/bin/python benchmarks/bench_images_1000.py                  # 1000 products, 1000 photos of 3 MP
    .venv/bin/python benchmarks/bench_images_1000.py --products 200   # a quicker run on a loaded machine

The catalogue comes from benchmarks/synth.py (``--photos``: one 2000x1500 JPEG per
product) unless ``--catalogue`` points at one. Then it does what a build does with
images, through :class:`etalase.images.media.Media`: encode every photo into its
responsive variants (the build's widths, WebP + JPEG), draw every preview card
(products, exhibitors, schools, batches, home), every QR code and the social kit's
posts and stories, and link them into an output folder through the build's one write
path (:class:`etalase.outputs.state.Output`, as ``EtalaseGenerator.write_media``
does); first with an empty cache and an empty folder (cold), then again with the same
cache into the same folder with the state the cold run left (warm: a second build,
which must encode nothing and link nothing). Validation (which decodes
every photo once) is timed on its own line, as it is not image encoding.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from etalase.data.catalogue import load_catalogue  # noqa: E402
from etalase.images.media import Media, photos_of  # noqa: E402
from etalase.outputs.state import Output  # noqa: E402
from etalase.settings import DEFAULTS  # noqa: E402
from etalase.social.cards import card_specs  # noqa: E402
from etalase.social.kit import kits  # noqa: E402
from etalase.social.qrcodes import qr_files  # noqa: E402

TODAY = dt.date(2023, 11, 7)
SITEURL = "https://etalase.contoh.go.id"


def timed(func, *args):
    """Return ``(seconds, result)`` of ``func(*args)``."""
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def link_media(media: Media, out: Output) -> int:
    """Link every media file into the output as the generator's ``write_media`` does; how many were linked."""
    for rel, cached in media.files():
        out.link(rel, cached)
    return out.stats.linked


def run(catalogue, cache: Path, output: Output, workers: int) -> list[tuple[str, int, float, int]]:
    """One build's image work, written through ``output``; rows of ``(step, images, seconds, encoded)``."""
    media = Media(catalogue.root, cache, DEFAULTS["ETALASE_IMAGE_WIDTHS"], "/", workers)
    photos = photos_of(catalogue)
    specs = card_specs(catalogue, TODAY)
    codes = qr_files(catalogue, lambda path: f"{SITEURL}/{path}")
    photo_s, _ = timed(media.prepare, photos)
    card_s, _ = timed(media.prepare_cards, specs)
    qr_s, _ = timed(media.prepare_qr, codes)
    kit_s, made = timed(media.prepare_kit, kits(catalogue, lambda path: f"{SITEURL}/{path}"))
    pictures = 2 * sum(len(kit.entries) for kit in made)
    publish_s, linked = timed(link_media, media, output)
    stats = media.stats()
    sources = len({photo.file for photo in photos})
    return [
        ("photos", sources, photo_s, stats.photos_encoded),
        ("cards", len(specs), card_s, stats.cards_encoded),
        ("QR codes", len(codes), qr_s, stats.qr_encoded),
        ("kit posts and stories", pictures, kit_s, stats.kit_encoded),
        (f"link ({linked} of {len(output.new.files)} files)", sources + len(specs) + len(codes) + pictures,
         publish_s, 0),
        ("all images", sources + len(specs) + len(codes) + pictures, photo_s + card_s + qr_s + kit_s + publish_s,
         stats.photos_encoded + stats.cards_encoded + stats.qr_encoded + stats.kit_encoded),
    ]


def table(rows: list[tuple[str, str, int, float, int]]) -> str:
    """The results as a Markdown table."""
    lines = [f"| {'build':<5} | {'step':<27} | {'images':>6} | {'wall s':>7} | {'images/s':>8} | {'encoded':>7} |",
             f"|{'-' * 7}|{'-' * 29}|{'-' * 7}:|{'-' * 8}:|{'-' * 9}:|{'-' * 8}:|"]
    for build, step, count, seconds, encoded in rows:
        rate = count / seconds if seconds else float("inf")
        lines.append(f"| {build:<5} | {step:<27} | {count:>6} | {seconds:>7.2f} | {rate:>8.1f} | {encoded:>7} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write (or read) the catalogue, run the image work cold then warm, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000, help="synthetic products, one photo each (1000)")
    parser.add_argument("--catalogue", type=Path, help="an existing catalogue_data folder instead")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="encoding processes")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-images-1000-") as tmp:
        tmp_path = Path(tmp)
        root = args.catalogue
        if root is None:
            from synth import write_catalogue

            seconds, root = timed(write_catalogue, tmp_path, args.products, 1, True)
            print(f"synthetic catalogue: {args.products} products with 2000x1500 JPEG photos in {seconds:.1f} s")
        seconds, catalogue = timed(load_catalogue, root)
        print(f"validated {len(catalogue.listings)} products, {len(photos_of(catalogue))} photo uses in "
              f"{seconds:.1f} s; {os.cpu_count()} CPUs, {args.workers} workers, widths "
              f"{DEFAULTS['ETALASE_IMAGE_WIDTHS']}, load average {os.getloadavg()[0]:.2f} at start")
        cold = Output(tmp_path / "out", None)
        rows = [("cold", *row) for row in run(catalogue, tmp_path / "cache", cold, args.workers)]
        warm = Output(tmp_path / "out", cold.finish("", {}))
        rows += [("warm", *row) for row in run(catalogue, tmp_path / "cache", warm, args.workers)]
        print(table(rows))
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
