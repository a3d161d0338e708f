"""Share links for WhatsApp, Facebook, X and Telegram: plain URLs, no third-party script.

The "Chat penjual" message is :func:`etalase.site.contact.chat_message`; this module
only builds the links that share a page with other people.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..site.contact import WHATSAPP
from ..site.contact import query as _query
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


def whatsapp_share_url(url: str, text: str) -> str:
    """``wa.me/?text=`` with the text and the link on one line, as people paste them."""
    message = f"{text} {url}" if text else url
    return f"{WHATSAPP}?{_query(text=message)}"


def facebook_share_url(url: str) -> str:
    """Facebook's sharer: it reads the title, description and card from the page's Open Graph tags."""
    return f"{FACEBOOK}?{_query(u=url)}"


def x_share_url(url: str, text: str) -> str:
    """X's post intent with the link and the text."""
    return f"{X}?{_query(url=url, text=text)}"


def telegram_share_url(url: str, text: str) -> str:
    """Telegram's share dialog with the link and the text."""
    return f"{TELEGRAM}?{_query(url=url, text=text)}"


def share_links(url: str, text: str) -> list[ShareLink]:
    """The share buttons of a page at ``url`` (absolute in published builds), in display order."""
    return [
        ShareLink("whatsapp", T.share_whatsapp, T.share_label.format(network=T.share_whatsapp),
                  whatsapp_share_url(url, text)),
        ShareLink("facebook", T.share_facebook, T.share_label.format(network=T.share_facebook),
                  facebook_share_url(url)),
        ShareLink("x", T.share_x, T.share_label.format(network=T.share_x), x_share_url(url, text)),
        ShareLink("telegram", T.share_telegram, T.share_label.format(network=T.share_telegram),
                  telegram_share_url(url, text)),
    ]
