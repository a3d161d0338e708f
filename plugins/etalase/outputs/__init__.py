"""Machine-readable outputs: sitemap, robots.txt, batch calendars, the product feed, open data.

Each producer is a pure function ``(catalogue, site) -> list[Artifact]``;
the generator writes what they return. ``site`` is anything with
``siteurl``, ``sitename`` and ``page_urls`` (see :mod:`.site`).
"""

from __future__ import annotations

from .calendar import produce_calendars
from .feed import produce_feed
from .opendata import produce_open_data
from .robots import produce_robots
from .site import Site, site_of
from .sitemap import produce_sitemap

#: Every producer of this package, in the order their files are listed in the docs.
PRODUCERS = (produce_sitemap, produce_robots, produce_calendars, produce_feed, produce_open_data)

__all__ = [
    "PRODUCERS",
    "Site",
    "produce_calendars",
    "produce_feed",
    "produce_open_data",
    "produce_robots",
    "produce_sitemap",
    "site_of",
]
