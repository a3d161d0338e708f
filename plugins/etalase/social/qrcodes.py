"""QR codes that lead from a booth, a flyer or a screen to a record's page.

:func:`produce_qr_codes` is an output producer (see :mod:`etalase.producers`):
one SVG per product, exhibitor and school at :func:`etalase.urls.qr_code`,
holding the page's absolute URL when SITEURL is set (root-relative in local
builds, where nobody scans). Segno draws them at error level M, black on white
with the quiet zone.
"""

from __future__ import annotations

from .. import urls
from ..artifacts import Artifact
from ..catalogue import Catalogue
from ..images.qr import qr_svg
from ..plan import owner_kind


def qr_targets(catalogue: Catalogue) -> list[tuple[str, str]]:
    """``(kind, id)`` of every record that gets a QR code: products, exhibitors and schools."""
    targets = [(urls.PRODUCT, item.id) for item in catalogue.listings]
    for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        targets.append((owner_kind(participant), participant.id))
    return targets


def qr_file(url: str) -> bytes:
    """The SVG file of a QR code for ``url``: a viewBox and no fixed size, so it scales to any ``<img>`` or print."""
    return qr_svg(url, responsive=True).encode("utf-8")


def produce_qr_codes(catalogue: Catalogue, site) -> list[Artifact]:
    """A QR code SVG for every product, exhibitor and school page; ``site.url`` makes the URL inside."""
    return [Artifact(urls.qr_code(kind, record_id), qr_file(site.url(urls.record(kind, record_id))))
            for kind, record_id in qr_targets(catalogue)]


def short_url(url: str) -> str:
    """A URL as printed under a QR code: no scheme, no ``www.`` (``etalase.go.id/eksibitor/x/``)."""
    return url.split("://", 1)[-1].removeprefix("www.")
