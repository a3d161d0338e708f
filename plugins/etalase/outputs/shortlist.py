"""The shortlist's data files, ``daftar/produk/<n>.json``: what /daftar/ shows of each product, keyed by ID.

The shortlist lives in the visitor's browser as product IDs and quantities
(``theme/static/js/shortlist.js``); /daftar/ fetches the data files that hold
them. Products are spread over :func:`etalase.site.urls.shortlist_files`
files (at most 64 products each on average) by a hash of their ID
(:func:`~etalase.site.urls.shortlist_file_of`, which the script computes too),
so a list fetches the few small files that hold it, never the whole catalogue,
and an edit rewrites one file. A file holds, per product, the fields a government
buyer weighs (price, unit, minimum order, TKDN, BMP, wajib PDN, certificates
with their expiry, the page's QR code), the sellers of those products (name,
kind, city, WhatsApp number and e-Katalog link, all shown on the seller's own
page already), and ``moved``: every old product ID (``id_lama``) hashed to the
file, with the ID it has now, so a saved or shared list follows a rename. An
ID in neither is a removed product, which the page reports. ``files`` says how
many files there are: a /daftar/ page kept in a browser's cache from before the
catalogue grew past a power of two fetches again with the count it finds. Texts are
formatted here (``Rp 45.000``, ``42,5 %``, "berlaku sampai …"), so the script
only sums rupiah. Pure.
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
#: Bump when a field changes meaning or goes away; shortlist.js reads what it knows (2: one file per hash).
FORMAT_VERSION = 2


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


def shortlist_documents(catalogue: Catalogue, site: SiteLike, lang: str = editions.DEFAULT,
                        fragments: Fragments | None = None) -> tuple[list[dict], dict[str, bytes], int]:
    """Every data file but its products (``products``: their IDs), each product's entry encoded by ID (only where
    ``fragments`` lacks it), and how many were encoded. A file lists the sellers of its products and the old IDs
    hashed to it.

    ``lang``: the edition (``catalogue`` is then its view, :func:`etalase.site.editions.edition`).
    """
    info = site_of(site)
    items = sorted(catalogue.listings, key=lambda item: item.id)
    kind = "shortlist" if lang == editions.DEFAULT else f"shortlist-{lang}"
    entries, made = (fragments or Fragments()).each(
        kind, items, info, lambda item: ENCODER.encode(product_entry(item, info, lang)).encode())
    count = urls.shortlist_files(len(items))
    files = [{"format": FORMAT, "format_version": FORMAT_VERSION, "as_of": info.today.isoformat(), "files": count,
              "products": [], "sellers": {}, "moved": {}} for _ in range(count)]
    for item in items:
        held = files[urls.shortlist_file_of(item.id, count)]
        held["products"].append(item.id)
        key = f"{owner_kind(item.owner)}/{item.owner.id}"
        if key not in held["sellers"]:
            held["sellers"][key] = seller_entry(item.owner, catalogue, info, lang)
        for old in item.product.old_ids:
            files[urls.shortlist_file_of(old, count)]["moved"][old] = item.id
    return files, entries, made


def produce_shortlist(catalogue: Catalogue, site: SiteLike, fragments: Fragments | None = None) -> list[Artifact]:
    """Producer: ``daftar/produk/<n>.json`` and the English edition's ``en/daftar/produk/<n>.json`` (compact, sorted
    keys, UTF-8; products from ``fragments``)."""
    found = []
    for lang in editions.LANGS:
        shown = editions.edition(catalogue, lang).catalogue
        files, entries, _ = shortlist_documents(shown, site, lang, fragments)
        for number, document in enumerate(files):
            products = b",".join(ENCODER.encode(key).encode() + b":" + entries[key] for key in document["products"])
            found.append(Artifact(editions.PREFIX[lang] + urls.shortlist_data(number),
                                  spliced(document, "products", b"{" + products + b"}")))
    return found
