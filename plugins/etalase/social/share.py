"""Share links for WhatsApp, Facebook, X and Telegram: plain URLs, no third-party script.

The "Chat penjual" message is :func:`etalase.site.contact.chat_message`; this module
only builds the links that share a page with other people.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..site.contact import WHATSAPP, encode
from ..site.strings import T

FACEBOOK = "https://www.facebook.com/sharer/sharer.php"
X = "https://x.com/intent/post"
TELEGRAM = "https://t.me/share/url"


@dataclass(frozen=True)
class ShareLink:
    """One share button: its kind (CSS class), visible text, accessible name and URL."""

    kind: str
    text: str
    label: str
    url: str


#: Each network's kind, visible text and accessible name, in display order.
NETWORKS = tuple((kind, text, T.share_label.format(network=text)) for kind, text in (
    ("whatsapp", T.share_whatsapp), ("facebook", T.share_facebook), ("x", T.share_x), ("telegram", T.share_telegram)))


def share_links(url: str, text: str) -> list[ShareLink]:
    """The share buttons of a page at ``url`` (absolute in published builds), in display order.

    WhatsApp gets the text and the link on one line, as people paste them; Facebook only the link (it reads the
    title, description and card from the page's Open Graph tags); X and Telegram the link and the text. The URL
    and the text are encoded once each (what :func:`etalase.site.contact.query` does to every value).
    """
    page, words = encode(url), encode(text)
    targets = (f"{WHATSAPP}?text={words}%20{page}" if text else f"{WHATSAPP}?text={page}", f"{FACEBOOK}?u={page}",
               f"{X}?url={page}&text={words}", f"{TELEGRAM}?url={page}&text={words}")
    return [ShareLink(*network, target) for network, target in zip(NETWORKS, targets, strict=True)]
