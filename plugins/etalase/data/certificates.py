"""Certificates over time: which hold, which lapse soon, which have lapsed on a given day.

The one place that decides what rests on a date: a certificate is valid up to
and including its ``berlaku_sampai`` day, lapses within :data:`EXPIRY_WINDOW`
from :data:`LAPSING` on, and is expired the day after. "Wajib PDN" (must buy
domestic) needs the TKDN thresholds *and* a TKDN certificate that has not
expired: :func:`must_buy` is what every page, listing, count, search record,
open-data file and card asks; :func:`held` likewise drops an expired halal,
BPOM, P-IRT or SNI certificate from badges, listings and search facets. Pure:
no Pelican, no clock (the day is given).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .models import Product

#: Staff are warned this long before a certificate's last valid day.
EXPIRY_WINDOW = dt.timedelta(days=60)
#: The standing of a certificate on a day.
VALID, LAPSING, EXPIRED = "valid", "lapsing", "expired"
#: Every certificate that can carry an expiry date, in the order pages and reports list them.
KINDS = ("halal", "bpom", "pirt", "sni", "tkdn")


def standing(until: dt.date | None, today: dt.date) -> str:
    """:data:`VALID`, :data:`LAPSING` (last valid day within 60 days) or :data:`EXPIRED` (``until`` before today)."""
    if until is None or until - today > EXPIRY_WINDOW:
        return VALID
    return EXPIRED if until < today else LAPSING


def expired(until: dt.date | None, today: dt.date) -> bool:
    """Whether a certificate valid until ``until`` no longer holds on ``today`` (no date: it holds)."""
    return until is not None and until < today


def must_buy(product: Product, today: dt.date) -> bool:
    """Wajib PDN on ``today``: TKDN ≥ 25 % and TKDN + BMP ≥ 40 %, with a TKDN certificate that has not expired."""
    tkdn = product.tkdn
    return tkdn is not None and tkdn.meets_threshold and not expired(tkdn.valid_until, today)


def held(product: Product, today: dt.date) -> list[str]:
    """The certificate kinds (halal, bpom, pirt, sni) the product holds on ``today``: expired ones left out."""
    certs = product.certifications
    return [kind for kind in certs.kinds() if not expired(getattr(certs, kind).valid_until, today)]


def tkdn_expired(product: Product, today: dt.date) -> bool:
    """Whether the product's TKDN certificate has expired (so its wajib-PDN status is gone)."""
    return product.tkdn is not None and expired(product.tkdn.valid_until, today)


@dataclass(frozen=True)
class Dated:
    """One certificate of a product that has an expiry date, and where that date is in the record."""

    kind: str
    until: dt.date
    #: The date's key path inside the product (``sertifikasi.sni.berlaku_sampai``, ``tkdn.berlaku_sampai``).
    path: tuple[str, ...]

    def days(self, today: dt.date) -> int:
        """Days from ``today`` to the last valid day (negative once expired)."""
        return (self.until - today).days


def dated(product: Product) -> Iterator[Dated]:
    """Every certificate of ``product`` with an expiry date, in :data:`KINDS` order."""
    for kind in product.certifications.kinds():
        until = getattr(product.certifications, kind).valid_until
        if until is not None:
            yield Dated(kind, until, ("sertifikasi", kind, "berlaku_sampai"))
    if product.tkdn is not None and product.tkdn.valid_until is not None:
        yield Dated("tkdn", product.tkdn.valid_until, ("tkdn", "berlaku_sampai"))


def lapsing(product: Product, today: dt.date) -> Iterator[Dated]:
    """The certificates of ``product`` that staff must renew: expired or within :data:`EXPIRY_WINDOW` of it."""
    return (cert for cert in dated(product) if standing(cert.until, today) != VALID)
