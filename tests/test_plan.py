"""Which pages the site has: planned from a catalogue without Pelican."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.data.preview import only_batch
from etalase.errors import BuildError
from etalase.site import urls
from etalase.site.pages import Page
from etalase.site.plan import batch_status, plan_pages

from tests.conftest import ROOTS

TODAY = dt.date(2023, 11, 7)


@pytest.fixture(scope="module")
def catalogue():
    """The catalogue of tests/roots/site-basic."""
    return load_catalogue(ROOTS / "site-basic" / "catalogue_data")


@pytest.fixture(scope="module")
def pages(catalogue):
    """Its planned pages by URL, 24 products per page."""
    return {page.url: page for page in plan_pages(catalogue, TODAY)}


def test_every_record_kind_gets_its_pages(pages):
    kinds = {page.kind for page in pages.values()}
    assert kinds >= {"home", "search", "404", "batch-index", "batch", "eksibitor-index", "eksibitor", "sekolah-index",
                     "sekolah", "product-index", "produk", "category-index", "kategori", "city-index", "kota",
                     "certification-index", "sertifikasi", "redirect"}
    assert pages["produk/kopi-robusta-betawi-250g/"].template == "product"
    assert pages["sertifikasi/wajib-pdn/"].context["items"][0].id == "kopi-robusta-betawi-250g"


def test_certified_listings_hold_halal_and_must_buy_products(pages):
    assert [i.id for i in pages["sertifikasi/halal/"].context["items"]] == ["kopi-robusta-betawi-250g"]
    assert [i.id for i in pages["sertifikasi/wajib-pdn/"].context["items"]] == ["kopi-robusta-betawi-250g"]


def test_listings_are_sorted_by_product_name(pages):
    names = [item.product.name for item in pages["produk/"].context["items"]]
    assert names == sorted(names, key=str.casefold)


def test_redirects_point_at_the_current_url(pages):
    moved = {url: p.context["target"] for url, p in pages.items() if p.kind == "redirect"}
    assert moved == {
        "batch/bm-9/": "batch/batch-9/",
        "eksibitor/kopi-betawi/": "eksibitor/kopi-betawi-sejahtera/",
        "produk/kopi-robusta-250/": "produk/kopi-robusta-betawi-250g/",
    }


@pytest.mark.parametrize(
    ("today", "expected"),
    [(dt.date(2023, 11, 5), "upcoming"), (dt.date(2023, 11, 6), "running"), (dt.date(2023, 11, 9), "running"),
     (dt.date(2023, 11, 10), "past")],
)
def test_batch_status_depends_only_on_the_given_day(catalogue, today, expected):
    assert batch_status(catalogue.batches[-1], today) == expected


def test_home_shows_the_current_or_next_batch(catalogue):
    home = plan_pages(catalogue, dt.date(2023, 10, 1))[0]
    assert (home.context["batch"].number, home.context["status"]) == (8, "upcoming")
    home = plan_pages(catalogue, dt.date(2024, 1, 1))[0]
    assert (home.context["batch"].number, home.context["status"]) == (9, "past")


def test_pagination_makes_numbered_pages(catalogue):
    planned = [p for p in plan_pages(catalogue, TODAY, per_page=2) if p.url.startswith("produk/halaman/")]
    assert [p.url for p in planned] == ["produk/halaman/2/", "produk/halaman/3/"]
    assert planned[0].title == "Semua produk (halaman 2)"


def test_two_pages_at_one_url_is_an_error(catalogue, monkeypatch):
    import etalase.site.plan as plan

    monkeypatch.setattr(plan, "redirect_pages", lambda c: [Page(urls.product("kopi-arabika-gayo-200g"), "redirect",
                                                                "redirect", "x")])
    with pytest.raises(BuildError, match="two pages want /produk/kopi-arabika-gayo-200g/: produk and redirect"):
        plan.plan_pages(catalogue, TODAY)


def test_preview_keeps_one_batch_and_its_participants(catalogue):
    small = only_batch(catalogue, 8)
    assert [b.number for b in small.batches] == [8]
    assert sorted(small.exhibitors) == ["batik-rawamangun", "kopi-betawi-sejahtera"]
    assert small.schools == {}
    assert all(item.batches == (small.batches[0],) for item in small.listings)
    with pytest.raises(BuildError, match=r"no batch number 7 in the catalogue \(batches: 8, 9\)"):
        only_batch(catalogue, 7)
