"""Static search with Pagefind: records from the catalogue, the index in ``<output>/pagefind/``, the /cari/ page.

- :mod:`.records` (pure): the record Pagefind gets for each product, exhibitor and school.
- :mod:`.order` (pure): the name, price and TKDN orders as lists loaded on demand.
- :mod:`.page` (pure): facets, orders and browse links the search page renders.
- :mod:`.index`: runs Pagefind's Python API and writes the bundle; :mod:`.cache` reuses unchanged ones.

The generator calls :func:`write_search_index` at the end of its output phase.
See docs/search.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..data.catalogue import Catalogue
from ..data.models import Photo
from .index import IndexStats, write_index
from .records import Thumbnail, build_records

__all__ = ["thumbnails_of", "write_search_index"]


def thumbnails_of(media) -> Thumbnail:
    """``thumbnail(photo)``: the site-relative URL of a prepared photo's smallest WebP (else JPEG) variant."""
    found = media.thumbnail_urls()

    def thumbnail(photo: Photo) -> str | None:
        return found.get(photo.file)

    return thumbnail


def write_search_index(output_dir: Path, catalogue: Catalogue, today: dt.date, thumbnail: Thumbnail | None = None,
                       cache_dir: Path | None = None) -> IndexStats:
    """Build the records of ``catalogue`` as of ``today``; index them into ``output_dir/pagefind/`` (cached)."""
    return write_index(build_records(catalogue, today, thumbnail), Path(output_dir), cache_dir)
