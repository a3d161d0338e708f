"""What the output producers need to know about the site, and how they make URLs from it.

The generator hands each producer a ``site`` object; :func:`site_of` reads it
into a :class:`Site` (taking only the attributes it knows, with defaults), so
any object with ``siteurl``, ``sitename``, ``today`` and ``page_urls`` will do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Protocol
from urllib.parse import urlsplit

DEFAULT_LICENCE = "CC BY 4.0"
DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: Host used in stable IDs (calendar UIDs, feed IDs) when the site URL has none (local builds).
FALLBACK_HOST = "etalase.invalid"
#: The date part of every ``tag:`` URI (RFC 4151); it must never change, or every ID changes.
TAG_DATE = "2023"


class SiteLike(Protocol):
    """The least a producer's ``site`` argument carries."""

    siteurl: str
    sitename: str
    today: dt.date
    page_urls: Sequence[str | tuple[str, bool]]


@dataclass(frozen=True)
class Site:
    """The site facts producers use; ``siteurl``, ``sitename`` and ``today`` are required."""

    siteurl: str
    sitename: str
    #: The day the build is "as of" (:func:`etalase.settings.resolve_today`): what is wajib PDN on it.
    today: dt.date
    #: Page URLs relative to the site root, or ``(url, indexable)`` pairs.
    page_urls: Sequence[str | tuple[str, bool]] = ()
    #: Published URL (relative to the site root) of each photo, keyed by its staff file path.
    photo_urls: Mapping[str, str] = field(default_factory=dict)
    #: Published URL of each photo's smallest variant (thumbnails), keyed by its staff file path.
    thumb_urls: Mapping[str, str] = field(default_factory=dict)
    licence: str = DEFAULT_LICENCE
    licence_url: str = DEFAULT_LICENCE_URL

    @property
    def base(self) -> str:
        """The site URL with exactly one trailing slash, or ``/`` when it is empty."""
        return self.siteurl.rstrip("/") + "/"

    @property
    def is_absolute(self) -> bool:
        """Whether the site URL has a scheme and a host."""
        parts = urlsplit(self.siteurl)
        return bool(parts.scheme and parts.hostname)

    @property
    def host(self) -> str:
        """The site's host name for stable IDs, or :data:`FALLBACK_HOST` in local builds."""
        return urlsplit(self.siteurl).hostname or FALLBACK_HOST

    @property
    def path_prefix(self) -> str:
        """The path the site lives under on its host, e.g. ``/etalase/`` or ``/``."""
        path = urlsplit(self.siteurl).path if self.is_absolute else ""
        return "/" + path.strip("/") + "/" if path.strip("/") else "/"

    def url(self, path: str) -> str:
        """Join a site-relative path (from :mod:`etalase.site.urls`) to the site URL."""
        return self.base + path.lstrip("/")

    def tag(self, specific: str) -> str:
        """A ``tag:`` URI that stays the same for as long as the host does (RFC 4151)."""
        return f"tag:{self.host},{TAG_DATE}:{specific}"


def site_of(site: SiteLike | Site) -> Site:
    """Return ``site`` as a :class:`Site`, reading the attributes it has and defaulting the rest."""
    if isinstance(site, Site):
        return site
    known = {f.name: getattr(site, f.name) for f in fields(Site) if hasattr(site, f.name)}
    return Site(**known)
