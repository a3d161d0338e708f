"""The one seam between staff photos and the image pipeline (:mod:`etalase.images.pipeline`).

The generator calls :meth:`Media.prepare` and :meth:`Media.prepare_cards` in
the context phase (encode into the cache, nothing written to the output) and
:meth:`Media.publish` in the output phase. Templates ask :meth:`Media.picture`
for what ``<picture>`` needs, via the ``picture`` macro in
``theme/templates/macros/picture.html``, and :meth:`Media.card` for a
product's preview card (Open Graph, 1200×630). Originals are never published:
only the pipeline's WebP and JPEG variants are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import formatting
from .catalogue import Catalogue, Listing
from .errors import BuildError
from .images.cards import Card, CardMaker, CardSpec
from .images.pipeline import ImageBatchError, ImagePipeline
from .images.variants import JPEG, WEBP, ImageParams, ProcessedImage
from .models import Photo


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
        self.processed: dict[str, ProcessedImage] = {}
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

    def prepare_cards(self, listings: Iterable[Listing], on_request: str) -> None:
        """Draw (or find in the cache) the preview card of every product."""
        listings = list(listings)
        specs = [card_spec(item, self.data_root, on_request) for item in listings]
        self.made = {item.id: card for item, card in zip(listings, self.cards.make_all(specs), strict=True)}

    def card(self, product_id: str) -> Card | None:
        """A product's preview card (``card.path`` is relative to the output folder)."""
        return self.made.get(product_id)

    def picture(self, photo: Photo) -> Picture:
        """The responsive sources, fallback, size and alt text of one photo."""
        image = self.processed.get(photo.file)
        if image is None:
            raise BuildError(f"photo was not prepared: {photo.file}")
        fallback = image.fallback(JPEG)
        return Picture(
            alt=photo.alt,
            width=fallback.width,
            height=fallback.height,
            src=self.base + fallback.path,
            webp_srcset=image.srcset(WEBP, base=self.base),
            jpeg_srcset=image.srcset(JPEG, base=self.base),
            largest=self.base + image.largest(JPEG).path,
        )

    def photo_urls(self) -> dict[str, str]:
        """Staff file path to the site-relative URL of its fallback JPEG (for open data)."""
        return {name: image.fallback(JPEG).path for name, image in sorted(self.processed.items())}

    def publish(self, output_dir: Path) -> int:
        """Put every variant into ``output_dir``; return how many files were written."""
        ordered = [self.processed[name] for name in sorted(self.processed)]
        cards = [self.made[key] for key in sorted(self.made)]
        return len(self.pipeline.publish(ordered, Path(output_dir))) + len(self.cards.publish(cards, Path(output_dir)))


def card_spec(item: Listing, data_root: Path, on_request: str) -> CardSpec:
    """What a product's card shows: name, seller, price per unit, the latest batch, the first photo."""
    product = item.product
    price = formatting.price(product.price, on_request=on_request)
    if product.price.kind != "permintaan":
        price = f"{price} / {product.unit}"
    badge = item.batches[-1].title if item.batches else ""
    return CardSpec(product.name, item.owner.name, price, badge, photo=data_root / product.photos[0].file)
