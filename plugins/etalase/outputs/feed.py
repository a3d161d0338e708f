"""feed/produk.atom: an Atom 1.0 feed of products, newest batch first.

A product's ``updated`` is the first day of the first batch that showed it,
at 00:00 in Jakarta (+07:00). A product in no batch yet takes the latest
``per_tanggal`` of the programme's figures, or :data:`FALLBACK_DATE` when
there are none. Entries are sorted newest first, then by product ID, and
capped at :data:`MAX_ENTRIES`.
"""

from __future__ import annotations

import datetime as dt

from ..data.catalogue import Catalogue, Listing
from ..site import urls
from .artifacts import Artifact
from .records import first_shown
from .site import Site, SiteLike, site_of
from .text import clean, plain_text
from .xmldoc import document, element

NAMESPACE = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_ENTRIES = 100
#: The date of products that no batch has shown yet, when the programme has no figures either.
FALLBACK_DATE = dt.date(2023, 1, 1)
JAKARTA = "+07:00"


def timestamp(day: dt.date) -> str:
    """Return an RFC 3339 date-time for the start of ``day`` in Jakarta."""
    return f"{day.isoformat()}T00:00:00{JAKARTA}"


def default_date(catalogue: Catalogue) -> dt.date:
    """The date of products in no batch: the programme's latest figure, else :data:`FALLBACK_DATE`."""
    return max((f.as_of for f in catalogue.programme.figures), default=FALLBACK_DATE)


def newest(catalogue: Catalogue, limit: int = MAX_ENTRIES) -> list[tuple[dt.date, Listing]]:
    """Return up to ``limit`` listings with their feed date, newest first, then by ID."""
    fallback = default_date(catalogue)
    dated = [(first_shown(item) or fallback, item) for item in catalogue.listings]
    dated.sort(key=lambda pair: pair[1].id)
    dated.sort(key=lambda pair: pair[0], reverse=True)
    return dated[:limit]


def summary(listing: Listing) -> str:
    """Return an entry's plain-text summary: the description, then who sells it."""
    return f"{plain_text(listing.product.description)}\n\n{listing.owner.name}"


def _entry(feed, catalogue: Catalogue, listing: Listing, day: dt.date, site: Site) -> None:
    product = listing.product
    entry = element(feed, "entry")
    element(entry, "id", site.tag(urls.product(product.id).rstrip("/")))
    element(entry, "title", clean(product.name), type="text")
    element(entry, "link", rel="alternate", type="text/html", href=site.url(urls.product(product.id)))
    element(entry, "updated", timestamp(day))
    author = element(entry, "author")
    element(author, "name", clean(listing.owner.name))
    element(author, "uri", site.url(urls.record(listing.owner_kind, listing.owner.id)))
    category = catalogue.categories.get(product.category)
    label = {"label": clean(category.name)} if category else {}
    element(entry, "category", term=product.category, scheme=site.url(f"{urls.CATEGORY}/"), **label)
    element(entry, "summary", summary(listing), type="text")


def product_feed(catalogue: Catalogue, site: Site, limit: int = MAX_ENTRIES) -> bytes:
    """Return the Atom document of the newest products."""
    entries = newest(catalogue, limit)
    feed = element(None, "feed", xmlns=NAMESPACE, **{XML_LANG: "id"})
    element(feed, "id", site.tag("feed/produk"))
    element(feed, "title", clean(f"Produk baru — {site.sitename}"), type="text")
    element(feed, "subtitle", clean(catalogue.programme.tagline), type="text")
    element(feed, "link", rel="self", type="application/atom+xml", href=site.url(urls.product_feed()))
    element(feed, "link", rel="alternate", type="text/html", href=site.url(urls.index(urls.PRODUCT)))
    updated = max((day for day, _ in entries), default=default_date(catalogue))
    element(feed, "updated", timestamp(updated))
    element(element(feed, "author"), "name", clean(catalogue.programme.organiser))
    element(feed, "rights", clean(f"{site.licence} ({site.licence_url})"), type="text")
    for day, listing in entries:
        _entry(feed, catalogue, listing, day, site)
    return document(feed)


def produce_feed(catalogue: Catalogue, site: SiteLike) -> list[Artifact]:
    """Producer: the Atom feed of products."""
    return [Artifact(urls.product_feed(), product_feed(catalogue, site_of(site)))]
