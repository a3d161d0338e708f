"""Share links for WhatsApp, Facebook, X and Telegram: plain URLs, no third-party script.

The "Chat penjual" message is :func:`etalase.site.contact.chat_message`; this module
only builds the links that share a page with other people.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..site.contact import WHATSAPP, encode
from ..site.strings import Strings, T

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


def networks(strings: Strings = T) -> tuple[tuple[str, str, str], ...]:
    """Each network's kind, visible text and accessible name (in ``strings``' language), in display order."""
    return tuple((kind, text, strings.share_label.format(network=text)) for kind, text in (
        ("whatsapp", strings.share_whatsapp), ("facebook", strings.share_facebook), ("x", strings.share_x),
        ("telegram", strings.share_telegram)))


NETWORKS = networks()


def share_links(url: str, text: str, strings: Strings = T) -> list[ShareLink]:
    """The share buttons of a page at ``url`` (absolute in published builds), in display order.

    WhatsApp gets the text and the link on one line, as people paste them; Facebook only the link (it reads the
    title, description and card from the page's Open Graph tags); X and Telegram the link and the text. The URL
    and the text are encoded once each (what :func:`etalase.site.contact.query` does to every value).
    """
    page, words = encode(url), encode(text)
    targets = (f"{WHATSAPP}?text={words}%20{page}" if text else f"{WHATSAPP}?text={page}", f"{FACEBOOK}?u={page}",
               f"{X}?url={page}&text={words}", f"{TELEGRAM}?url={page}&text={words}")
    shown = NETWORKS if strings is T else networks(strings)
    return [ShareLink(*network, target) for network, target in zip(shown, targets, strict=True)]
