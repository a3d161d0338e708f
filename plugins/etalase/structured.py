"""schema.org data for product pages (JSON-LD), so search engines show the price and the seller.

Pure: returns a dict; the template writes it with Jinja's ``tojson``, which
escapes ``<``, ``>``, ``&`` and ``'``, so staff text cannot close the script.
"""

from __future__ import annotations

from .catalogue import Listing
from .markup import plain_summary

SCHEMA = "https://schema.org"
CURRENCY = "IDR"


def product_data(item: Listing, url: str, image: str, seller_url: str, category: str) -> dict:
    """A ``Product`` with its offer (fixed price), price range (``AggregateOffer``) or no offer (on request)."""
    product, owner = item.product, item.owner
    data: dict = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.name,
        "description": plain_summary(product.description, 500),
        "url": url,
        "image": [image],
        "category": category,
        "sku": product.id,
        "brand": {"@type": "Brand", "name": owner.name},
    }
    seller = {"@type": "Organization", "name": owner.name, "url": seller_url}
    if product.price.kind == "tetap":
        data["offers"] = {"@type": "Offer", "price": str(product.price.low), "priceCurrency": CURRENCY,
                          "url": url, "seller": seller}
    elif product.price.kind == "rentang":
        data["offers"] = {"@type": "AggregateOffer", "lowPrice": str(product.price.low),
                          "highPrice": str(product.price.high), "priceCurrency": CURRENCY, "url": url,
                          "seller": seller}
    return data
