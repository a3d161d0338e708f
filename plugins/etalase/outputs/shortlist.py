"""The shortlist's data file, ``daftar/produk.json``: what /daftar/ shows of each product, keyed by ID.

The shortlist lives in the visitor's browser as product IDs and quantities
(``theme/static/js/shortlist.js``); /daftar/ fetches this one file to show
them. It holds, per published product, the fields a government buyer weighs
(price, unit, minimum order, TKDN, BMP, wajib PDN, certificates with their
expiry, the page's QR code), each seller once (name, kind, city, WhatsApp
number and e-Katalog link, all shown on the seller's own page already), and
``moved``: every old product ID (``id_lama``) with the ID it has now, so a
saved or shared list follows a rename. An ID in neither is a removed product,
which the page reports. Texts are formatted here (``Rp 45.000``,
``42,5 %``, "berlaku sampai …"), so the script only sums rupiah. Pure.
"""

from __future__ import annotations

import datetime as dt

from ..data import certificates
from ..data.catalogue import Catalogue, Listing
from ..data.models import Participant, Product
from ..site import editions, formatting, urls
from ..site.plan import owner_kind, participant_label
from ..site.strings import STRINGS
from ..site.templating import filters_for
from .artifacts import Artifact
from .fragments import ENCODER, Fragments, spliced
from .records import percent
from .site import Site, SiteLike, site_of

FORMAT = "etalase-daftar"
#: Bump when a field changes meaning or goes away; shortlist.js reads what it knows.
FORMAT_VERSION = 1


def expiry_text(until: dt.date | None, today: dt.date, lang: str = editions.DEFAULT) -> str:
    """`` (berlaku sampai 5 November 2026)``, `` Kedaluwarsa: berlaku sampai …`` once past, or nothing."""
    if until is None:
        return ""
    T = STRINGS[lang]  # noqa: N806 - the edition's strings
    shown = formatting.date(until, editions.LOCALES[lang])
    if certificates.expired(until, today):
        return " " + T.cert_expired.format(date=shown)
    return f" ({T.valid_until.format(date=shown)})"


def certificate_lines(product: Product, today: dt.date, lang: str = editions.DEFAULT) -> list[str]:
    """Every certificate as one line of text with its expiry, the TKDN certificate last."""
    lines, T = [], STRINGS[lang]  # noqa: N806 - the edition's strings
    for kind in product.certifications.kinds():
        cert = getattr(product.certifications, kind)
        standard = f"{cert.standard}, " if kind == "sni" else ""
        lines.append(f"{T['cert_' + kind]}: {standard}{cert.number}{expiry_text(cert.valid_until, today, lang)}")
    if product.tkdn is not None:
        tkdn = product.tkdn
        lines.append(f"{T.product_tkdn}: {tkdn.certificate}{expiry_text(tkdn.valid_until, today, lang)}")
    return lines


def _percent(value, lang: str = editions.DEFAULT) -> dict:
    """A percentage as data (``42.50``) and as text (``42,5 %``)."""
    return {"value": percent(value), "text": formatting.percent(value, editions.LOCALES[lang])}


def product_entry(item: Listing, site: Site, lang: str = editions.DEFAULT) -> dict:
    """One product as the shortlist of the ``lang`` edition shows it."""
    product, owner, prefix = item.product, item.owner, editions.PREFIX[lang]
    photo = site.thumb_urls.get(product.photos[0].file) or site.photo_urls.get(product.photos[0].file)
    return {
        "name": product.name,
        "url": site.url(prefix + urls.product(product.id)),
        "photo": site.url(photo) if photo else None,
        "alt": product.photos[0].alt,
        "seller": f"{owner_kind(owner)}/{owner.id}",
        "price": {"kind": product.price.kind, "low": product.price.low, "high": product.price.high,
                  "text": filters_for(STRINGS[lang], editions.LOCALES[lang])["price"](product.price)},
        "unit": product.unit,
        "min_order": product.min_order,
        "tkdn": _percent(product.tkdn.percent, lang) if product.tkdn else None,
        "bmp": _percent(product.tkdn.bmp, lang) if product.tkdn else None,
        "must_buy": certificates.must_buy(product, site.today),
        "certificates": certificate_lines(product, site.today, lang),
        "qr": site.url(urls.qr_code(urls.PRODUCT, product.id)),
    }


def seller_entry(participant: Participant, catalogue: Catalogue, site: Site, lang: str = editions.DEFAULT) -> dict:
    """A seller once: name, page, kind, city, WhatsApp number (digits, as ``wa.me`` takes it), e-Katalog."""
    contact = participant.contact
    return {
        "name": participant.name,
        "url": site.url(editions.PREFIX[lang] + urls.record(owner_kind(participant), participant.id)),
        "kind": participant_label(participant, STRINGS[lang]),
        "city": catalogue.cities[participant.city].name,
        "whatsapp": contact.whatsapp.lstrip("+") if contact.whatsapp else None,
        "ekatalog": contact.ekatalog,
    }


def shortlist_document(catalogue: Catalogue, site: SiteLike, lang: str = editions.DEFAULT,
                       fragments: Fragments | None = None) -> tuple[dict, dict[str, bytes], int]:
    """The whole file but its products (``products``: their IDs), each product's entry encoded by ID (only where
    ``fragments`` lacks it), and how many were encoded; sellers, and every old product ID with its current one.

    ``lang``: the edition (``catalogue`` is then its view, :func:`etalase.site.editions.edition`).
    """
    info = site_of(site)
    items = sorted(catalogue.listings, key=lambda item: item.id)
    owners = {f"{owner_kind(item.owner)}/{item.owner.id}": item.owner for item in items}
    kind = "shortlist" if lang == editions.DEFAULT else f"shortlist-{lang}"
    entries, made = (fragments or Fragments()).each(
        kind, items, info, lambda item: ENCODER.encode(product_entry(item, info, lang)).encode())
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "as_of": info.today.isoformat(),
        "products": list(entries),
        "sellers": {key: seller_entry(owner, catalogue, info, lang) for key, owner in sorted(owners.items())},
        "moved": {old: item.id for item in items for old in item.product.old_ids},
    }, entries, made


def produce_shortlist(catalogue: Catalogue, site: SiteLike, fragments: Fragments | None = None) -> list[Artifact]:
    """Producer: ``daftar/produk.json`` and the English edition's ``en/daftar/produk.json`` (compact, sorted keys,
    UTF-8; products from ``fragments``)."""
    found = []
    for lang in editions.LANGS:
        shown = editions.edition(catalogue, lang).catalogue
        document, entries, _ = shortlist_document(shown, site, lang, fragments)
        products = b",".join(ENCODER.encode(key).encode() + b":" + entries[key] for key in document["products"])
        found.append(Artifact(editions.PREFIX[lang] + urls.shortlist_data(),
                              spliced(document, "products", b"{" + products + b"}")))
    return found
