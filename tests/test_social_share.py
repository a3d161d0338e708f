"""Share links are plain, correctly encoded URLs; "Chat penjual" names the product and links to it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from etalase.site.contact import chat_message, whatsapp_url
from etalase.social.share import share_links

URL = "https://etalase.contoh.go.id/produk/kopi-robusta-betawi-250g/"
TEXT = "Kopi & Teh #1 dari Usaha Bu Siti"


def query(url: str) -> dict[str, list[str]]:
    """The decoded query parameters of a link."""
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_every_network_gets_its_exact_share_url():
    links = {link.kind: link.url for link in share_links(URL, "Kopi Robusta")}
    page = "https%3A%2F%2Fetalase.contoh.go.id%2Fproduk%2Fkopi-robusta-betawi-250g%2F"
    assert links == {
        "whatsapp": f"https://wa.me/?text=Kopi%20Robusta%20{page}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={page}",
        "x": f"https://x.com/intent/post?url={page}&text=Kopi%20Robusta",
        "telegram": f"https://t.me/share/url?url={page}&text=Kopi%20Robusta",
    }


def test_text_with_ampersand_hash_and_non_ascii_survives_the_round_trip():
    text = TEXT + " — kualitas ☕ ekspor"
    links = {link.kind: link.url for link in share_links(URL, text)}
    assert query(links["whatsapp"]) == {"text": [f"{text} {URL}"]}
    assert query(links["facebook"]) == {"u": [URL]}
    assert query(links["x"]) == {"url": [URL], "text": [text]}
    assert query(links["telegram"]) == {"url": [URL], "text": [text]}
    for url in links.values():
        assert " " not in url and "#" not in url and "+" not in url
        assert url.isascii()


def test_links_have_labels_in_bahasa_indonesia_in_a_fixed_order():
    links = share_links(URL, TEXT)
    assert [(link.kind, link.text, link.label) for link in links] == [
        ("whatsapp", "WhatsApp", "Bagikan ke WhatsApp"),
        ("facebook", "Facebook", "Bagikan ke Facebook"),
        ("x", "X", "Bagikan ke X"),
        ("telegram", "Telegram", "Bagikan ke Telegram"),
    ]


def test_chat_penjual_opens_the_sellers_number_with_a_message_naming_and_linking_the_product():
    url = whatsapp_url("+6281234567801", chat_message("Kopi Robusta Betawi 250 g", "Etalase Business Matching", URL))
    assert url == (
        "https://wa.me/6281234567801?text=Halo%2C%20saya%20tertarik%20dengan%20produk%20Kopi%20Robusta%20Betawi"
        "%20250%20g%20yang%20saya%20lihat%20di%20Etalase%20Business%20Matching%3A%20https%3A%2F%2Fetalase.contoh"
        ".go.id%2Fproduk%2Fkopi-robusta-betawi-250g%2F"
    )
