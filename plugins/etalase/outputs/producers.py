"""The one registry of files built besides HTML pages: ``(catalogue, site) -> Iterable[Artifact]``.

The generator calls every producer in :data:`PRODUCERS` in its output phase,
after the pages are rendered, and writes what they return with
the one write path (:class:`etalase.outputs.state.Output`). ``site`` is a
:class:`etalase.site.pages.SiteInfo` (``siteurl``, ``sitename``, ``today``,
``pages``, ``page_urls``, ``photo_urls``). To add an output, write a pure
producer and append it here. Open data and the shortlist also take the
build's :class:`~etalase.outputs.fragments.Fragments`: a product's part is
encoded again only when its sources changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..data.catalogue import Catalogue
from ..site.pages import SiteInfo
from ..staff.quality_page import produce_staff_report
from .artifacts import Artifact
from .calendar import produce_calendars
from .feed import produce_feed
from .fragments import Fragments
from .opendata import produce_open_data
from .robots import produce_robots
from .shortlist import produce_shortlist
from .sitemap import produce_sitemap

Producer = Callable[[Catalogue, SiteInfo], Iterable[Artifact]]

#: The machine-readable files, in the order the docs list them.
MACHINE_READABLE: tuple[Producer, ...] = (produce_sitemap, produce_robots, produce_calendars, produce_feed,
                                          produce_open_data)
#: Every producer, in the order they run: machine-readable files, the shortlist's data (/daftar/produk/<n>.json),
#: then the staff report (/staf/laporan/).
PRODUCERS: list[Producer] = [*MACHINE_READABLE, produce_shortlist, produce_staff_report]


#: The producers that take each product's encoded parts from the build's :class:`Fragments` (a third argument).
REUSING: set[Callable] = {produce_open_data, produce_shortlist}


def collect(catalogue: Catalogue, site: SiteInfo, fragments: Fragments | None = None) -> list[Artifact]:
    """Run each producer of :data:`PRODUCERS` and return their artifacts in order; keep ``fragments`` for next time."""
    fragments = Fragments() if fragments is None else fragments
    artifacts: list[Artifact] = []
    for producer in PRODUCERS:
        artifacts.extend(producer(catalogue, site, fragments) if producer in REUSING else producer(catalogue, site))
    fragments.save()
    return artifacts
