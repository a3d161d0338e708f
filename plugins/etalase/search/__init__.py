"""Static search with Pagefind: records from the catalogue, the index in ``<output>/pagefind/``, the /cari/ page.

- :mod:`.records` (pure): the record Pagefind gets for each product, exhibitor and school.
- :mod:`.order` (pure): the name, price and TKDN orders as lists loaded on demand.
- :mod:`.page` (pure): facets, orders and browse links the search page renders.
- :mod:`.lists` (pure): the browse lists and suggestion words (``/cari/`` with nothing typed).
- :mod:`.index`: runs Pagefind's Python API and writes the bundle; :mod:`.cache` reuses unchanged ones.

The generator takes the records from :func:`kept_records` (each record kept between builds with the parts of the
data files, :class:`etalase.outputs.fragments.Fragments`) and indexes them at the end of its output phase.
See docs/search.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..data.catalogue import Catalogue
from ..data.models import Photo
from ..outputs.fragments import Fragments
from ..outputs.site import SiteLike, site_of
from .index import IndexStats, write_index
from .records import LANGUAGE, SearchRecord, Thumbnail, build_records, participant_record, product_record

__all__ = ["kept_records", "thumbnails_of", "write_search_index"]


def thumbnails_of(media) -> Thumbnail:
    """``thumbnail(photo)``: the site-relative URL of a prepared photo's smallest WebP (else JPEG) variant."""
    found = media.thumbnail_urls()

    def thumbnail(photo: Photo) -> str | None:
        return found.get(photo.file)

    return thumbnail


def kept_records(catalogue: Catalogue, today: dt.date, thumbnail: Thumbnail | None, fragments: Fragments,
                 site: SiteLike, lang: str = LANGUAGE) -> tuple[list[SearchRecord], int]:
    """:func:`~.records.build_records` (same order), each record taken from ``fragments`` while its sources (the
    product, its seller and batches, the site, its photos' URLs) are unchanged; and how many had to be built."""
    kind, site = ("search" if lang == LANGUAGE else f"search-{lang}"), site_of(site)
    found, made = fragments.each(kind, catalogue.listings, site,
                                 lambda item: product_record(catalogue, item, today, thumbnail, lang))
    records = list(found.values())
    for sellers in (catalogue.exhibitors.values(), catalogue.schools.values()):  # an exhibitor's ID may be a school's
        found, count = fragments.each(kind, sellers, site, lambda person: participant_record(catalogue, person,
                                                                                               thumbnail, lang))
        records, made = records + list(found.values()), made + count
    return records, made


def write_search_index(output_dir: Path, catalogue: Catalogue, today: dt.date, thumbnail: Thumbnail | None = None,
                       cache_dir: Path | None = None) -> IndexStats:
    """Build the records of ``catalogue`` as of ``today``; index them into ``output_dir/pagefind/`` (cached)."""
    return write_index(build_records(catalogue, today, thumbnail), Path(output_dir), cache_dir)
