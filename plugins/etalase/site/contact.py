"""Contact links built from validated contact details: WhatsApp chat, phone, email, web, shops.

Every URL is built here from fields the models already checked (phone numbers
normalised to ``+62…``, http(s) links only), so templates never assemble one.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..data.models import Contact
from .strings import Strings, T

WHATSAPP = "https://wa.me/"
INSTAGRAM = "https://www.instagram.com/"


@dataclass(frozen=True)
class ContactLink:
    """One way to reach a seller: what it is, the text shown and the URL."""

    kind: str
    label: str
    text: str
    url: str


def query(**params: str) -> str:
    """Encode every query parameter of a chat or share link: ``& # ? % + =`` and spaces (``%20``: WhatsApp and X
    show a ``+`` as it is) become escapes, so a record's name can neither end a parameter nor start a fragment."""
    return urlencode(params, quote_via=quote, safe="")


def encode(value: str) -> str:
    """One query parameter value, encoded as :func:`query` encodes each (for links built from parts)."""
    return quote(value, safe="")


def whatsapp_url(number: str, message: str = "") -> str:
    """A ``wa.me`` chat link for a ``+62…`` number, with an optional prefilled message."""
    link = WHATSAPP + number.lstrip("+")
    return f"{link}?{query(text=message)}" if message else link


def chat_message(product_name: str, site_name: str, page_url: str = "", strings: Strings = T) -> str:
    """The prefilled WhatsApp message naming the product (and linking to it when the URL is absolute)."""
    T = strings  # noqa: N806 - the edition's strings
    if page_url.startswith(("https://", "http://")):
        return T.whatsapp_message_link.format(product=product_name, site=site_name, url=page_url)
    return T.whatsapp_message.format(product=product_name, site=site_name)


def seller_chat_message(seller_name: str, site_name: str, page_url: str = "", strings: Strings = T) -> str:
    """The prefilled WhatsApp message from a seller's page (linking to it when the URL is absolute)."""
    T = strings  # noqa: N806 - the edition's strings
    if page_url.startswith(("https://", "http://")):
        return T.whatsapp_seller_message_link.format(seller=seller_name, site=site_name, url=page_url)
    return T.whatsapp_seller_message.format(seller=seller_name, site=site_name)


def display_phone(number: str) -> str:
    """A ``+62…`` number as Indonesians write it: ``0812-3456-7801``."""
    local = "0" + number.removeprefix("+62")
    if local.startswith("08"):
        return "-".join(filter(None, (local[:4], local[4:8], local[8:])))
    return "-".join(filter(None, (local[:3], local[3:])))


def contact_links(contact: Contact, strings: Strings = T) -> list[ContactLink]:
    """Every public contact of a seller except WhatsApp chat, in a fixed order (labels from ``strings``)."""
    T = strings  # noqa: N806 - the edition's strings
    links: list[ContactLink] = []
    if contact.whatsapp:
        links.append(ContactLink("whatsapp", T.contact_whatsapp, display_phone(contact.whatsapp),
                                 whatsapp_url(contact.whatsapp)))
    if contact.phone:
        links.append(ContactLink("phone", T.contact_phone, display_phone(contact.phone), f"tel:{contact.phone}"))
    if contact.email:
        links.append(ContactLink("email", T.contact_email, contact.email, f"mailto:{contact.email}"))
    if contact.website:
        links.append(ContactLink("website", T.contact_website, _host(contact.website), contact.website))
    if contact.instagram:
        links.append(ContactLink("instagram", T.contact_instagram, f"@{contact.instagram}",
                                 f"{INSTAGRAM}{quote(contact.instagram)}/"))
    for shop in contact.marketplaces:
        links.append(ContactLink("marketplace", shop.name, _host(shop.url), shop.url))
    if contact.ekatalog:
        links.append(ContactLink("ekatalog", T.contact_ekatalog, _host(contact.ekatalog), contact.ekatalog))
    if contact.eorder:
        links.append(ContactLink("eorder", T.contact_eorder, _host(contact.eorder), contact.eorder))
    return links


def _host(url: str) -> str:
    """A link shown by its host name, without ``https://`` and ``www.``."""
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].removeprefix("www.")
