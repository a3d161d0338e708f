"""Open Graph and Twitter card meta tags as data; ``base.html`` writes them, escaped.

Facebook, WhatsApp, Telegram and LinkedIn read ``og:*``; X reads ``twitter:*``
and falls back to ``og:*``, but we write both so every network gets the card.
URLs are absolute in published builds and root-relative in local ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..site import urls

LOCALE = "id_ID"
#: Open Graph type per page kind (:class:`etalase.site.pages.Page` ``kind``); anything else is a ``website``.
OG_TYPES = {urls.PRODUCT: "product"}


@dataclass(frozen=True)
class ImageRef:
    """An image as crawlers need it: URL, pixel size, alt text and type."""

    url: str
    width: int
    height: int
    alt: str
    mime: str = "image/jpeg"


@dataclass(frozen=True)
class MetaTag:
    """One ``<meta>``: ``attr`` is ``property`` (Open Graph) or ``name`` (Twitter), ``key`` its value."""

    attr: str
    key: str
    content: str


def og_type(kind: str) -> str:
    """The ``og:type`` of a page kind (``product`` for products, else ``website``)."""
    return OG_TYPES.get(kind, "website")


def meta_tags(
    *, title: str, description: str, url: str | None, image: ImageRef | None, kind: str, site_name: str,
    locale: str = LOCALE, alternate: str | None = None,
) -> list[MetaTag]:
    """Every Open Graph and Twitter tag of one page, in a fixed order; ``url`` None leaves out ``og:url``;
    ``alternate``: the ``og:locale`` of the page's other edition."""
    tags = [
        MetaTag("property", "og:type", og_type(kind)),
        MetaTag("property", "og:site_name", site_name),
        MetaTag("property", "og:locale", locale),
        *([MetaTag("property", "og:locale:alternate", alternate)] if alternate else []),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:description", description),
    ]
    if url is not None:
        tags.append(MetaTag("property", "og:url", url))
    if image is not None:
        tags += [
            MetaTag("property", "og:image", image.url),
            MetaTag("property", "og:image:type", image.mime),
            MetaTag("property", "og:image:width", str(image.width)),
            MetaTag("property", "og:image:height", str(image.height)),
            MetaTag("property", "og:image:alt", image.alt),
        ]
    tags += [
        MetaTag("name", "twitter:card", "summary_large_image" if image else "summary"),
        MetaTag("name", "twitter:title", title),
        MetaTag("name", "twitter:description", description),
    ]
    if image is not None:
        tags += [MetaTag("name", "twitter:image", image.url), MetaTag("name", "twitter:image:alt", image.alt)]
    return tags
