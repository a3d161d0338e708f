"""Each planned page's head: canonical URL, card, JSON-LD kinds, QR code and share text."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.site import urls
from etalase.site.pages import SiteInfo
from etalase.site.plan import plan_pages
from etalase.social.cards import card_specs
from etalase.social.head import Context, page_heads

from tests.conftest import ROOTS

TODAY = dt.date(2023, 11, 7)


def sharing_of(siteurl: str, per_page: int = 24):
    """The heads of site-basic's pages with fake card and photo files."""
    catalogue = load_catalogue(ROOTS / "site-basic" / "catalogue_data")
    site = SiteInfo(siteurl, "Etalase", TODAY)
    cards = {url: (spec, f"kartu/{n}.jpg") for n, (url, spec) in enumerate(card_specs(catalogue, TODAY).items())}
    largest = {"foto/kopi.jpg": "gambar/kopi-1280.jpg", "foto/logo.png": "gambar/logo-400.jpg"}
    pages = plan_pages(catalogue, TODAY, per_page)
    return page_heads(pages, Context(catalogue, site.url, "Etalase", cards, largest, TODAY))


@pytest.fixture(scope="module")
def sharing():
    """Heads of a published build."""
    return sharing_of("https://e.id")


def kinds(head) -> list[str]:
    """The ``@type`` of each JSON-LD item of a head."""
    return [item["@type"] for item in head.jsonld]


def test_record_pages_carry_their_types(sharing):
    assert kinds(sharing.head("")) == ["WebSite"]
    assert kinds(sharing.head(urls.product("kopi-robusta-betawi-250g"))) == ["Product", "BreadcrumbList"]
    assert kinds(sharing.head(urls.exhibitor("batik-rawamangun"))) == ["Organization", "BreadcrumbList"]
    assert kinds(sharing.head(urls.school("smkn-32-jakarta"))) == ["Organization", "BreadcrumbList"]
    assert kinds(sharing.head(urls.batch("batch-9"))) == ["Event", "BreadcrumbList"]
    assert kinds(sharing.head(urls.index(urls.PRODUCT))) == []


def test_product_head_has_its_photos_card_qr_and_share_text(sharing):
    head = sharing.head(urls.product("kopi-robusta-betawi-250g"))
    assert head.canonical == "https://e.id/produk/kopi-robusta-betawi-250g/"
    product = head.jsonld[0]
    assert product["image"] == ["https://e.id/gambar/kopi-1280.jpg", head.image.url]
    assert head.image.url.startswith("https://e.id/kartu/") and (head.image.width, head.image.height) == (1200, 630)
    assert head.qr == "https://e.id/qr/produk/kopi-robusta-betawi-250g.svg"
    assert head.share_text == "Kopi Robusta Betawi 250 g dari Kopi Betawi Sejahtera"
    crumbs = [(item["name"], item["item"]) for item in head.jsonld[1]["itemListElement"]]
    assert crumbs == [("Beranda", "https://e.id/"), ("Minuman", "https://e.id/kategori/minuman/"),
                      ("Kopi Robusta Betawi 250 g", "https://e.id/produk/kopi-robusta-betawi-250g/")]


def test_exhibitor_head_has_its_logo(sharing):
    org = sharing.head(urls.exhibitor("batik-rawamangun")).jsonld[0]
    assert org["logo"] == "https://e.id/gambar/logo-400.jpg"


def test_later_pages_of_a_batch_and_its_qr_sheet_share_the_batch_card_without_a_second_event():
    sharing = sharing_of("https://e.id", per_page=2)
    first, second = sharing.head("batch/batch-9/"), sharing.head("batch/batch-9/halaman/2/")
    assert second.image == first.image and second.jsonld == ()
    assert second.canonical == "https://e.id/batch/batch-9/halaman/2/"
    assert sharing.head(urls.batch_qr_sheet("batch-9")).image == first.image


def test_not_found_has_no_canonical_and_no_share_links(sharing):
    head = sharing.head(urls.NOT_FOUND)
    assert head.canonical is None and head.shares() == []
    assert head.image == sharing.head("").image


def test_pages_planned_elsewhere_get_the_home_card_and_their_own_url(sharing):
    head = sharing.head("tentang/")
    assert (head.canonical, head.kind, head.jsonld) == ("https://e.id/tentang/", "page", ())
    assert head.image == sharing.head("").image


def test_local_builds_use_root_relative_urls():
    sharing = sharing_of("")
    head = sharing.head(urls.product("kopi-robusta-betawi-250g"))
    assert head.canonical == "/produk/kopi-robusta-betawi-250g/"
    assert head.image.url.startswith("/kartu/") and head.qr == "/qr/produk/kopi-robusta-betawi-250g.svg"
    assert sharing.short_url("eksibitor/x/") == "/eksibitor/x/"
