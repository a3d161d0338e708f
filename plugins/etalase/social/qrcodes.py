"""QR codes that lead from a booth, a flyer or a screen to a record's page.

One SVG per product, exhibitor and school at :func:`etalase.site.urls.qr_code`,
holding the page's absolute URL when SITEURL is set (root-relative in local
builds, where nobody scans). Segno draws them at error level M, black on white
with the quiet zone. Choosing the mask costs segno about 5 ms a code, so
:class:`QrCodes` keeps every file in the image cache under a hash of its URL:
a second build draws none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import segno

from ..data.catalogue import Catalogue
from ..images.cache import ImageCache, keyer
from ..images.qr import qr_svg
from ..site import urls
from ..site.plan import owner_kind

#: Bump when :func:`qr_file` changes its output, so cached codes are redrawn.
QR_VERSION = 1
QR_SUFFIX = ".qr.svg"


def qr_targets(catalogue: Catalogue) -> list[tuple[str, str]]:
    """``(kind, id)`` of every record that gets a QR code: products, exhibitors and schools."""
    targets = [(urls.PRODUCT, item.id) for item in catalogue.listings]
    for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        targets.append((owner_kind(participant), participant.id))
    return targets


def qr_files(catalogue: Catalogue, link: Callable[[str], str]) -> dict[str, str]:
    """Every QR code file (relative to the output folder) and the page URL it holds; ``link`` adds SITEURL."""
    return {urls.qr_code(kind, rid): link(urls.record(kind, rid)) for kind, rid in qr_targets(catalogue)}


def qr_file(url: str) -> bytes:
    """The SVG file of a QR code for ``url``: a viewBox and no fixed size, so it scales to any ``<img>`` or print."""
    return qr_svg(url, responsive=True).encode("utf-8")


def short_url(url: str) -> str:
    """A URL as printed under a QR code: no scheme, no ``www.`` (``etalase.go.id/eksibitor/x/``)."""
    return url.split("://", 1)[-1].removeprefix("www.")


class QrCodes:
    """The QR code files of one build, drawn once per URL into the image cache."""

    def __init__(self, cache_dir: Path):
        self.cache = ImageCache(cache_dir)
        self.cached: dict[str, str] = {}
        self.encoded = 0
        self.cache_hits = 0

    def prepare(self, files: Mapping[str, str]) -> None:
        """Find or draw the code of every ``{output path: URL}``."""
        key_of = keyer("qr", QR_VERSION, segno.__version__)
        keys = {path: key_of(url.encode("utf-8")) for path, url in files.items()}
        present = self.cache.present(keys.values(), QR_SUFFIX)
        for path, url in files.items():
            key = keys[path]
            if key in present:
                self.cache_hits += 1
            else:
                self.cache.write(key, QR_SUFFIX, qr_file(url))
                present.add(key)
                self.encoded += 1
            self.cached[path] = self.cache.file(key, QR_SUFFIX)


