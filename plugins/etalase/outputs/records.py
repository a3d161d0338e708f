"""Plain-dict records of published catalogue items: the open-data JSON, field by field.

Every value is JSON-ready (str, int, bool, None, list, dict); dates are ISO
strings, rupiah are integers and percentages strings with two decimals.
Phone numbers and e-mail addresses are left out on purpose: the page URL
leads to them, and a bulk file of them would only feed spam lists.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..data import certificates
from ..data.catalogue import Catalogue, Listing
from ..data.models import (
    Batch,
    Category,
    Certificate,
    Certifications,
    City,
    Contact,
    Exhibitor,
    Participant,
    Photo,
    Price,
    Product,
    Programme,
    School,
    Tkdn,
)
from ..site import urls
from .site import Site
from .text import clean, plain_text

CURRENCY = "IDR"


def percent(value: Decimal) -> str:
    """A percentage as a string with exactly two decimals, e.g. ``42.50``."""
    return f"{value:.2f}"


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def first_shown(listing: Listing) -> dt.date | None:
    """The first day of the earliest batch that showed ``listing``, or ``None``."""
    return min((b.start for b in listing.batches), default=None)


def photo_record(photo: Photo, site: Site) -> dict:
    """A photo: its published URL (``None`` if the build did not say), alt text and credit."""
    published = site.photo_urls.get(photo.file)
    return {"url": site.url(published) if published else None, "alt": clean(photo.alt), "credit": photo.credit}


def price_record(price: Price) -> dict:
    """A price: kind (``tetap``, ``rentang``, ``permintaan``), low and high whole rupiah."""
    return {"kind": price.kind, "low": price.low, "high": price.high, "currency": CURRENCY}


def certificate_record(certificate: Certificate | None) -> dict | None:
    """A certificate's number and expiry date (and standard, for SNI)."""
    if certificate is None:
        return None
    record = {"number": certificate.number, "valid_until": _iso(certificate.valid_until)}
    if hasattr(certificate, "standard"):
        record["standard"] = certificate.standard
    return record


def certifications_record(certifications: Certifications) -> dict:
    """Every certificate kind, ``None`` where the product has none."""
    return {kind: certificate_record(getattr(certifications, kind)) for kind in ("halal", "bpom", "pirt", "sni")}


def tkdn_record(tkdn: Tkdn | None) -> dict | None:
    """TKDN, BMP and their sum as two-decimal strings, the certificate and its expiry."""
    if tkdn is None:
        return None
    return {
        "percent": percent(tkdn.percent),
        "bmp": percent(tkdn.bmp),
        "combined": percent(tkdn.combined),
        "certificate": tkdn.certificate,
        "valid_until": _iso(tkdn.valid_until),
    }


def product_record(listing: Listing, site: Site) -> dict:
    """A published product with its seller, prices, certificates and the batches that showed it."""
    product: Product = listing.product
    owner = listing.owner
    return {
        "id": product.id,
        "name": clean(product.name),
        "url": site.url(urls.product(product.id)),
        "description": plain_text(product.description),
        "category": product.category,
        "seller": {"kind": listing.owner_kind, "id": owner.id, "name": clean(owner.name),
                   "url": site.url(urls.record(listing.owner_kind, owner.id))},
        "city": owner.city,
        "district": owner.district,
        "price": price_record(product.price),
        "unit": product.unit,
        "min_order": product.min_order,
        "certifications": certifications_record(product.certifications),
        "tkdn": tkdn_record(product.tkdn),
        "must_buy": certificates.must_buy(product, site.today),
        "featured": product.featured,
        "makers": [{"name": m.name, "grade": m.grade} for m in product.makers if m.guardian_consent],
        "photos": [photo_record(photo, site) for photo in product.photos],
        "batches": [batch.id for batch in listing.batches],
        "first_shown": _iso(first_shown(listing)),
    }


def contact_record(contact: Contact) -> dict:
    """The public business links of a contact; phone numbers and e-mail stay on the page."""
    return {
        "website": contact.website,
        "instagram": contact.instagram,
        "marketplaces": [{"name": m.name, "url": m.url} for m in contact.marketplaces],
        "ekatalog": contact.ekatalog,
        "eorder": contact.eorder,
    }


def participant_record(participant: Participant, site: Site, products: list[str], batches: list[str]) -> dict:
    """A published exhibitor or school, with the IDs of its products and batches."""
    kind = urls.SCHOOL if isinstance(participant, School) else urls.EXHIBITOR
    record = {
        "id": participant.id,
        "name": clean(participant.name),
        "url": site.url(urls.record(kind, participant.id)),
        "description": plain_text(participant.description),
        "city": participant.city,
        "district": participant.district,
        "address": participant.address,
        "logo": photo_record(participant.logo, site) if participant.logo else None,
        "contact": contact_record(participant.contact),
        "products": products,
        "batches": batches,
    }
    if isinstance(participant, Exhibitor):
        record.update(kind=participant.kind, nib=participant.nib, siinas=participant.siinas,
                      jakpreneur=participant.jakpreneur)
    else:
        record.update(npsn=participant.npsn, programmes=list(participant.programmes))
    return record


def batch_record(catalogue: Catalogue, batch: Batch, site: Site) -> dict:
    """A batch: dates, venue, summary, activities and its published participants."""
    people = catalogue.participants_of(batch)
    return {
        "id": batch.id,
        "number": batch.number,
        "title": batch.title,
        "url": site.url(urls.batch(batch.id)),
        "calendar": site.url(urls.batch_calendar(batch.id)),
        "start": batch.start.isoformat(),
        "end": batch.end.isoformat(),
        "venue": {"name": batch.venue.name, "address": batch.venue.address, "city": batch.venue.city},
        "summary": plain_text(batch.summary),
        "activities": [{"name": a.name, "description": plain_text(a.description) if a.description else None}
                       for a in batch.activities],
        "exhibitors": [p.id for p in people if isinstance(p, Exhibitor)],
        "schools": [p.id for p in people if isinstance(p, School)],
    }


def programme_record(programme: Programme) -> dict:
    """The programme's name, organiser, description and published figures."""
    return {
        "name": programme.name,
        "tagline": programme.tagline,
        "organiser": programme.organiser,
        "description": plain_text(programme.description),
        "website": programme.contact.website,
        "sample_data": programme.sample,
        "figures": [
            {"title": f.title, "realised": f.realised, "committed": f.committed, "percent": f"{f.percent:.1f}",
             "as_of": f.as_of.isoformat(), "source": f.source, "source_url": f.source_url}
            for f in programme.figures
        ],
    }


def category_record(category: Category, site: Site) -> dict:
    """A product category and its listing page."""
    return {"id": category.id, "name": category.name, "description": category.description,
            "url": site.url(urls.category(category.id))}


def city_record(city: City, site: Site) -> dict:
    """A city with its districts (kecamatan)."""
    return {"id": city.id, "name": city.name, "url": site.url(urls.city(city.id)),
            "districts": [{"id": d.id, "name": d.name} for d in city.districts]}
