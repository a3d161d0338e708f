"""schema.org data as plain dicts (JSON-LD): Product, Organization, Event, BreadcrumbList, WebSite.

Pure: every function takes records and ready-made URLs and returns a dict that
``base.html`` writes with Jinja's ``tojson`` (which escapes ``<``,
``>``, ``&`` and ``'``, so staff text cannot close the script). URLs are
absolute in published builds; numbers are JSON numbers or digit strings, never
Decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..data.catalogue import Listing
from ..data.models import Batch, Participant, Programme
from ..site.contact import contact_links
from ..site.markup import plain_summary

SCHEMA = "https://schema.org"
CURRENCY = "IDR"
REGION = "DKI Jakarta"
COUNTRY = "ID"
IN_STOCK = "https://schema.org/InStock"
SCHEDULED = "https://schema.org/EventScheduled"
#: ``eventStatus`` by batch status (:func:`etalase.site.plan.batch_status`). schema.org's EventStatusType says how
#: an event stands against its schedule (scheduled, cancelled, postponed, rescheduled, moved online), not
#: whether it is over: a batch that took place as planned stays EventScheduled after it ends, and search
#: engines tell past from coming by ``endDate``. A batch is never marked cancelled or postponed: the data
#: says nothing of the kind.
EVENT_STATUS = {"upcoming": SCHEDULED, "running": SCHEDULED, "past": SCHEDULED}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
#: Contact links that are the same business elsewhere on the web (``sameAs``).
SAME_AS = ("website", "instagram", "marketplace", "ekatalog", "eorder")
#: Longest plain-text description written into JSON-LD.
DESCRIPTION_CHARS = 1000


def _number(value: Decimal | int) -> int | float:
    """A Decimal or int as a JSON number (``42.5``, ``40``)."""
    return int(value) if Decimal(value) == Decimal(value).to_integral_value() else float(value)


def postal_address(locality: str, street: str | None = None) -> dict:
    """A ``PostalAddress`` in DKI Jakarta; ``locality`` is the kota name."""
    address = {"@type": "PostalAddress"}
    if street:
        address["streetAddress"] = street
    return {**address, "addressLocality": locality, "addressRegion": REGION, "addressCountry": COUNTRY}


def offer_data(item: Listing, url: str, seller: dict) -> dict | None:
    """An ``Offer`` for a fixed price, an ``AggregateOffer`` for a range, None for "atas permintaan"."""
    product = item.product
    price = product.price
    quantity = {"@type": "QuantitativeValue", "minValue": product.min_order, "unitText": product.unit}
    common = {"priceCurrency": CURRENCY, "availability": IN_STOCK, "url": url, "seller": seller,
              "eligibleQuantity": quantity}
    if price.kind == "tetap" and price.low is not None:
        return {"@type": "Offer", "price": str(price.low), **common}
    if price.kind == "rentang" and price.low is not None and price.high is not None:
        return {"@type": "AggregateOffer", "lowPrice": str(price.low), "highPrice": str(price.high), **common}
    return None


def product_properties(item: Listing, held: Sequence[str]) -> list[dict]:
    """TKDN, BMP and the halal certificate (when ``held``: not expired) as ``PropertyValue`` entries."""
    product = item.product
    found = []
    if product.tkdn:
        found += [
            {"@type": "PropertyValue", "name": "TKDN", "value": _number(product.tkdn.percent), "unitText": "%"},
            {"@type": "PropertyValue", "name": "BMP", "value": _number(product.tkdn.bmp), "unitText": "%"},
            {"@type": "PropertyValue", "name": "TKDN + BMP", "value": _number(product.tkdn.combined),
             "unitText": "%"},
        ]
    if "halal" in held:
        found.append({"@type": "PropertyValue", "name": "Sertifikat halal",
                      "value": product.certifications.halal.number})
    return found


def product_data(item: Listing, *, url: str, seller_url: str, category: str, images: Sequence[str],
                 held: Sequence[str]) -> dict:
    """A ``Product``: name, description, images, SKU, brand, manufacturer, category, offer, properties.

    ``held`` are the certificate kinds the product holds on the build's day (:func:`etalase.data.certificates.held`).
    """
    product, owner = item.product, item.owner
    seller = {"@type": "Organization", "name": owner.name, "url": seller_url}
    data: dict = {
        "@context": SCHEMA,
        "@type": "Product",
        "@id": f"{url}#produk",
        "name": product.name,
        "description": plain_summary(product.description, DESCRIPTION_CHARS),
        "url": url,
        "image": list(images),
        "sku": product.id,
        "category": category,
        "brand": {"@type": "Brand", "name": owner.name},
        "manufacturer": seller,
    }
    offer = offer_data(item, url, seller)
    if offer is not None:
        data["offers"] = offer
    properties = product_properties(item, held)
    if properties:
        data["additionalProperty"] = properties
    return data


def organization_data(participant: Participant, *, url: str, city: str, logo: str | None, image: str | None) -> dict:
    """An ``Organization`` for an exhibitor or a school: address in its kota, logo, card, other profiles."""
    data: dict = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": f"{url}#organisasi",
        "name": participant.name,
        "url": url,
        "description": plain_summary(participant.description, DESCRIPTION_CHARS),
        "address": postal_address(city, participant.address),
    }
    if logo:
        data["logo"] = logo
    if image:
        data["image"] = image
    same_as = [link.url for link in contact_links(participant.contact) if link.kind in SAME_AS]
    if same_as:
        data["sameAs"] = same_as
    return data


def event_data(batch: Batch, programme: Programme, *, status: str, url: str, city: str, organiser_url: str,
               image: str | None) -> dict:
    """An ``Event`` for a batch: dates, status (:data:`EVENT_STATUS`), offline at its venue, its organiser."""
    data: dict = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": f"{url}#acara",
        "name": batch.title,
        "description": plain_summary(batch.summary, DESCRIPTION_CHARS),
        "url": url,
        "startDate": batch.start.isoformat(),
        "endDate": batch.end.isoformat(),
        "eventStatus": EVENT_STATUS[status],
        "eventAttendanceMode": OFFLINE,
        "location": {"@type": "Place", "name": batch.venue.name,
                     "address": postal_address(city, batch.venue.address)},
        "organizer": {"@type": "Organization", "name": programme.organiser, "url": organiser_url},
    }
    if image:
        data["image"] = [image]
    return data


def breadcrumb_data(trail: Sequence[tuple[str, str]]) -> dict:
    """A ``BreadcrumbList`` from ``(name, url)`` pairs, home first, the page itself last."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }


def website_data(*, name: str, url: str, search_url: str, description: str, publisher: str, lang: str = "id"
                 ) -> dict:
    """The ``WebSite`` of the home page, with a ``SearchAction`` on ``search_url?q={search_term_string}``."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "@id": f"{url}#situs",
        "name": name,
        "url": url,
        "description": description,
        "inLanguage": lang,
        "publisher": {"@type": "Organization", "name": publisher},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search_url}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
