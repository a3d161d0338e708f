"""The one seam between staff photos and the image pipeline (:mod:`etalase.images.pipeline`).

The generator calls :meth:`Media.prepare` and :meth:`Media.prepare_cards` in
the context phase (encode into the cache, nothing written to the output) and,
in the output phase, links :meth:`Media.files` into place through
:class:`~etalase.outputs.state.Output`. Templates ask :meth:`Media.picture`
for what ``<picture>`` needs, via the ``picture`` macro in
``theme/templates/macros/picture.html``. Preview cards (Open Graph, 1200×630)
are keyed by the URL of the page they belong to; :mod:`etalase.social.cards`
decides what each shows. Originals are never published: only the pipeline's
WebP and JPEG variants are. QR codes (:mod:`etalase.social.qrcodes`) are
cached here too, and the social kit's posts and stories (:mod:`etalase.social.kit`).
:meth:`Media.stats` counts what a build encoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..data.catalogue import Catalogue
from ..data.models import Photo
from ..errors import BuildError
from ..social.kit import Kit
from ..social.qrcodes import QrCodes
from .cards import Card, CardMaker, CardSpec
from .pipeline import ImageBatchError, ImagePipeline
from .variants import JPEG, WEBP, ImageParams, ProcessedImage


@dataclass(frozen=True)
class Picture:
    """What a ``<picture>`` element needs; URLs already carry the site prefix."""

    alt: str
    width: int
    height: int
    src: str
    webp_srcset: str
    jpeg_srcset: str
    largest: str


@dataclass(frozen=True)
class MediaStats:
    """What one build did with images: encoded (cache misses) and reused photos, cards and QR codes; files written."""

    photos_encoded: int
    photos_cached: int
    cards_encoded: int
    cards_cached: int
    qr_encoded: int
    qr_cached: int
    kit_encoded: int = 0
    kit_cached: int = 0


def photos_of(catalogue: Catalogue) -> list[Photo]:
    """Every photo and logo the published catalogue shows, in a fixed order."""
    found: list[Photo] = []
    for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        if participant.logo:
            found.append(participant.logo)
    for item in catalogue.listings:
        found += item.product.photos
    return found


class Media:
    """Photos of one build: encoded in the context phase, published in the output phase."""

    def __init__(self, data_root: Path, cache_dir: Path, widths: Iterable[int], base: str, workers: int | None = None):
        self.data_root = Path(data_root)
        self.base = base
        self.pipeline = ImagePipeline(Path(cache_dir), ImageParams(widths=tuple(widths)), workers=workers)
        self.cards = CardMaker(Path(cache_dir), workers=workers)
        self.qr = QrCodes(Path(cache_dir))
        self.kit = CardMaker(Path(cache_dir), folder="kit", workers=workers)  # same drawing code and pool as cards
        self.kit_made: list[Card] = []
        self.processed: dict[str, ProcessedImage] = {}
        self.pictures: dict[tuple[str, str], Picture] = {}
        self.specs: dict[str, CardSpec] = {}
        self.made: dict[str, Card] = {}

    def prepare(self, photos: Iterable[Photo]) -> None:
        """Encode every photo not cached yet; raise BuildError naming any that fail."""
        files = sorted({photo.file for photo in photos})
        sources = {self.data_root / name: name for name in files}
        try:
            done = self.pipeline.process(sources)
        except ImageBatchError as exc:
            raise BuildError(str(exc)) from exc
        self.processed = {sources[source]: image for source, image in done.items()}

    def prepare_cards(self, specs: Mapping[str, CardSpec]) -> None:
        """Draw (or find in the cache) every preview card; ``specs`` maps a page URL to what its card shows."""
        self.specs = dict(specs)
        made = self.cards.make_all(self.specs.values())
        self.made = dict(zip(self.specs, made, strict=True))

    def prepare_kit(self, kits: Sequence[Kit]) -> list[Kit]:
        """Draw (or find in the cache) every post and story of the social kit; return the kits with their paths."""
        specs = [spec for kit in kits for entry in kit.entries for spec in (entry.post, entry.story)]
        self.kit_made = self.kit.make_all(specs)
        paths = iter(card.path for card in self.kit_made)
        return [replace(kit, entries=tuple(replace(entry, post_path=next(paths), story_path=next(paths))
                                           for entry in kit.entries)) for kit in kits]

    def prepare_qr(self, files: Mapping[str, str]) -> None:
        """Find (or draw into the cache) every QR code; ``files`` maps an output path to the URL inside."""
        self.qr.prepare(files)

    def card_files(self) -> dict[str, tuple[CardSpec, str]]:
        """Page URL to what its card shows and the card file, relative to the output folder."""
        return {url: (self.specs[url], card.path) for url, card in self.made.items()}

    def largest_paths(self) -> dict[str, str]:
        """Staff file path to its largest published JPEG, relative to the output folder (for JSON-LD)."""
        return {name: image.largest(JPEG).path for name, image in sorted(self.processed.items())}

    def picture(self, photo: Photo) -> Picture:
        """The responsive sources, fallback, size and alt text of one photo."""
        known = self.pictures.get((photo.file, photo.alt))
        if known is not None:  # listing pages ask for the same photos again and again
            return known
        image = self.processed.get(photo.file)
        if image is None:
            raise BuildError(f"photo was not prepared: {photo.file}")
        fallback = image.fallback(JPEG)
        known = self.pictures[photo.file, photo.alt] = Picture(
            alt=photo.alt,
            width=fallback.width,
            height=fallback.height,
            src=self.base + fallback.path,
            webp_srcset=image.srcset(WEBP, base=self.base),
            jpeg_srcset=image.srcset(JPEG, base=self.base),
            largest=self.base + image.largest(JPEG).path,
        )
        return known

    def photo_urls(self) -> dict[str, str]:
        """Staff file path to the site-relative URL of its fallback JPEG (for open data)."""
        return {name: image.fallback(JPEG).path for name, image in sorted(self.processed.items())}

    def thumbnail_urls(self) -> dict[str, str]:
        """Staff file path to the site-relative URL of its smallest WebP (else JPEG) variant (search, shortlist)."""
        found: dict[str, str] = {}
        for name, image in sorted(self.processed.items()):
            variants = image.of_type(WEBP) or image.of_type(JPEG)
            if variants:
                found[name] = variants[0].path
        return found

    def photo_keys(self) -> dict[str, str]:
        """Staff file path to the cache key of its variants (their content), for pages' fingerprints."""
        return {name: image.key for name, image in self.processed.items()}

    def files(self) -> list[tuple[str, str]]:
        """Every photo variant, card, kit picture and QR code as ``(output path, cached file)``, in path order."""
        found: dict[str, str] = {}
        cache = self.pipeline.cache
        for image in self.processed.values():
            for variant in image.variants:
                found[variant.path] = cache.file(image.key, variant.filename[len(image.key):])
        found.update((card.path, card.cached) for card in self.made.values())
        found.update((card.path, card.cached) for card in self.kit_made)
        found.update(self.qr.cached)
        return sorted(found.items())

    def stats(self) -> MediaStats:
        """What this build encoded and reused from the cache."""
        return MediaStats(self.pipeline.stats.encoded, self.pipeline.stats.cache_hits, self.cards.encoded,
                          self.cards.cache_hits, self.qr.encoded, self.qr.cache_hits, self.kit.encoded,
                          self.kit.cache_hits)
