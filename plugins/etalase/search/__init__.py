"""Static search with Pagefind: records from the catalogue, the index in ``<output>/pagefind/``, the /cari/ page.

- :mod:`.records` (pure): the record Pagefind gets for each product, exhibitor and school.
- :mod:`.order` (pure): the name, price and TKDN orders as lists loaded on demand.
- :mod:`.page` (pure): facets, orders and browse links the search page renders.
- :mod:`.lists` (pure): the browse lists and suggestion words (``/cari/`` with nothing typed).
- :mod:`.reuse`: records kept between builds under the key of what each reads.
- :mod:`.index`: runs Pagefind's Python API and writes the bundle; :mod:`.cache` reuses unchanged ones.

The generator calls :func:`write_search_index` at the end of its output phase.
See docs/search.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..data.catalogue import Catalogue, Listing
from ..data.models import Participant, Photo
from ..site import sources as named
from .index import IndexStats, write_index
from .records import Thumbnail, build_records
from .reuse import RecordKey

__all__ = ["record_keys", "thumbnails_of", "write_search_index"]


def thumbnails_of(media) -> Thumbnail:
    """``thumbnail(photo)``: the site-relative URL of a prepared photo's smallest WebP (else JPEG) variant."""
    found = media.thumbnail_urls()

    def thumbnail(photo: Photo) -> str | None:
        return found.get(photo.file)

    return thumbnail


def record_keys(catalogue: Catalogue, sources: named.Sources, thumbnail: Thumbnail) -> RecordKey:
    """The key of a product's or seller's search record: its page sources, its batches, the site, its thumbnail."""

    def key(source: Listing | Participant) -> str:
        if isinstance(source, Listing):
            names = [named.product(source), named.seller(source.owner)]
            batches, photo = source.batches, source.product.photos[0]
        else:
            names, batches, photo = [named.seller(source)], catalogue.batches_of(source), source.logo
        parts = [sources.site, *map(sources.digest, names), *(batch.id for batch in batches)]
        parts.append((thumbnail(photo) or "") if photo is not None else "")
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    return key


def write_search_index(output_dir: Path, catalogue: Catalogue, today: dt.date, thumbnail: Thumbnail | None = None,
                       cache_dir: Path | None = None) -> IndexStats:
    """Build the records of ``catalogue`` as of ``today``; index them into ``output_dir/pagefind/`` (cached)."""
    return write_index(build_records(catalogue, today, thumbnail), Path(output_dir), cache_dir)
