"""Contact links are built from validated fields only: wa.me chat, tel:, mailto:, http(s)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from etalase.data.models import Contact
from etalase.site.contact import chat_message, contact_links, display_phone, seller_chat_message, whatsapp_url


def test_whatsapp_link_carries_the_prefilled_message():
    message = chat_message("Kopi & Teh", "Etalase", "https://etalase.contoh.go.id/produk/kopi/")
    url = whatsapp_url("+6281234567801", message)
    assert url.startswith("https://wa.me/6281234567801?text=")
    text = parse_qs(urlsplit(url).query)["text"][0]
    assert text == (
        "Halo, saya tertarik dengan produk Kopi & Teh yang saya lihat di Etalase: "
        "https://etalase.contoh.go.id/produk/kopi/"
    )


def test_message_leaves_out_a_relative_page_url():
    expected = "Halo, saya tertarik dengan produk Kopi yang saya lihat di Etalase."
    assert chat_message("Kopi", "Etalase", "/produk/kopi/") == expected


def test_seller_pages_greet_the_seller_not_a_product():
    url = "https://etalase.contoh.go.id/eksibitor/kopi-kita/"
    assert seller_chat_message("Kopi Kita", "Etalase", url) == (
        "Halo Kopi Kita, saya melihat profil usaha Anda di Etalase: https://etalase.contoh.go.id/eksibitor/kopi-kita/"
    )
    assert seller_chat_message("Kopi Kita", "Etalase", "/eksibitor/kopi-kita/") == (
        "Halo Kopi Kita, saya melihat profil usaha Anda di Etalase."
    )


def test_phone_numbers_are_shown_the_indonesian_way():
    assert display_phone("+6281234567801") == "0812-3456-7801"
    assert display_phone("+62213822000") == "021-3822000"


def test_every_contact_becomes_a_link_in_a_fixed_order():
    contact = Contact.model_validate({
        "whatsapp": "0812-3456-7801", "telepon": "021-3822000", "email": "Halo@Contoh.id",
        "situs": "https://www.contoh.id/toko", "instagram": "@kopi.kita",
        "marketplace": [{"nama": "Tokopedia", "tautan": "https://www.tokopedia.com/kopikita"}],
    })
    links = [(link.kind, link.text, link.url) for link in contact_links(contact)]
    assert links == [
        ("whatsapp", "0812-3456-7801", "https://wa.me/6281234567801"),
        ("phone", "021-3822000", "tel:+62213822000"),
        ("email", "halo@contoh.id", "mailto:halo@contoh.id"),
        ("website", "contoh.id", "https://www.contoh.id/toko"),
        ("instagram", "@kopi.kita", "https://www.instagram.com/kopi.kita/"),
        ("marketplace", "tokopedia.com", "https://www.tokopedia.com/kopikita"),
    ]
