"""robots.txt: crawl everything but the staff pages, and say where the sitemap is."""

from __future__ import annotations

from ..data.catalogue import Catalogue
from ..site import urls
from .artifacts import Artifact
from .site import Site, SiteLike, site_of


def robots_txt(site: Site) -> bytes:
    """Return robots.txt for ``site``; paths carry the site's prefix, as crawlers read them from the host root."""
    prefix = site.path_prefix
    lines = [
        "User-agent: *",
        f"Allow: {prefix}",
        f"Disallow: {prefix}{urls.STAFF}",
        "",
        f"Sitemap: {site.url(urls.SITEMAP)}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def produce_robots(catalogue: Catalogue, site: SiteLike) -> list[Artifact]:
    """Producer: robots.txt."""
    return [Artifact(urls.ROBOTS, robots_txt(site_of(site)))]
