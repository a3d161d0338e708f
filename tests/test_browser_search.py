"""The search page in a real Chromium: queries, stemming, facets and counts, shared URLs, keyboard, axe-core.

tests/roots/search is built once; its 7 published products and 4 sellers are
small enough to know every expected result by heart (see test_search_records).
"""

from __future__ import annotations

import re

import pytest
from etalase.build import build

from tests.browser_helpers import (
    axe_violations,
    count_of,
    page_errors,
    result_titles,
    screenshot,
    served,
    wait_for_search,
)
from tests.conftest import PROJECT, ROOTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KOPI = ["Kopi Arabika Gayo 200 g", "Kopi Betawi Sejahtera", "Kopi Robusta Betawi 250 g",
        "Kopi Susu Gula Aren 1 Liter"]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory, image_cache):
    """tests/roots/search built once and served on 127.0.0.1; yields the base URL."""
    output = tmp_path_factory.mktemp("search-site") / "output"
    build(PROJECT / "pelicanconf.py", {
        "OUTPUT_PATH": str(output),
        "ETALASE_CATALOGUE": str(ROOTS / "search" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(image_cache),
        "ETALASE_IMAGE_WORKERS": 1,
        "ETALASE_TODAY": "2023-11-07",
    })
    with served(output) as base:
        yield base


@pytest.fixture
def errors(page):
    """JavaScript errors and console errors of the page; each test asserts it stays empty."""
    return page_errors(page)


def open_search(page, site, query: str = "") -> None:
    """Open /cari/ with a query string and wait for its first search."""
    page.goto(f"{site}cari/{query}")
    wait_for_search(page)


def test_a_query_finds_the_right_products(page, site, errors):
    open_search(page, site, "?q=kopi")
    assert sorted(result_titles(page)) == KOPI
    assert page.locator("#cari-status").text_content() == "4 hasil untuk “kopi”"
    card = page.locator("#hasil .card", has_text="Kopi Robusta Betawi 250 g")
    assert card.locator(".price").text_content() == "Rp\u00a045.000 per bungkus"
    assert card.locator(".seller").text_content() == "Kopi Betawi Sejahtera · Jakarta Timur"
    assert card.locator(".badge").all_text_contents() == ["Halal", "Wajib PDN"]
    assert card.locator("a").get_attribute("href") == "/produk/kopi-robusta-betawi-250g/"
    assert re.fullmatch(r"/gambar/[0-9a-f]+-320\.webp", card.locator("img").get_attribute("src"))
    assert errors == []


def test_typing_searches_and_keeps_the_query_in_the_url(page, site, errors):
    open_search(page, site)
    page.get_by_role("searchbox", name="Cari produk atau penjual").last.fill("sabun")
    wait_for_search(page)
    assert page.locator("#cari-status").text_content().startswith("Tidak ada hasil untuk “sabun”")
    page.locator("#q").fill("arabika")
    wait_for_search(page)
    assert sorted(result_titles(page)) == ["Kopi Arabika Gayo 200 g", "Kopi Betawi Sejahtera"]  # its description
    assert page.url.endswith("/cari/?q=arabika")
    assert errors == []


def test_indonesian_stemming_finds_batik_for_membatik(page, site, errors):
    open_search(page, site, "?q=membatik")
    titles = result_titles(page)
    assert {"Kain Batik Tulis Ondel-ondel", "Syal Batik Cap Tumpal", "Tas Jinjing Batik Betawi"} <= set(titles)
    assert not any(title.startswith("Kopi") for title in titles)
    assert errors == []


def test_with_nothing_typed_every_record_is_listed(page, site, errors):
    open_search(page, site)
    assert len(result_titles(page)) == 11
    assert page.locator("#cari-status").text_content() == "11 hasil"
    assert page.url.endswith("/cari/")
    assert errors == []


def test_a_filter_narrows_results_and_counts_follow(page, site, errors):
    open_search(page, site)
    page.locator("#saring summary").click()
    page.get_by_label("Minuman").check()
    wait_for_search(page)
    assert sorted(result_titles(page)) == [t for t in KOPI if t != "Kopi Betawi Sejahtera"]
    assert page.url.endswith("/cari/?kategori=minuman")
    # Other values of the ticked facet count as if it were untouched; other facets count within the results.
    assert [count_of(page, "kategori", v) for v in ("minuman", "fesyen", "wastra", "jasa")] == [
        "(3)", "(2)", "(1)", "(1)"]
    assert [count_of(page, "kota", v) for v in ("jakarta-timur", "jakarta-pusat")] == ["(3)", "(0)"]
    assert [count_of(page, "tkdn", v) for v in ("40-ke-atas", "25-40", "di-bawah-25", "tanpa")] == [
        "(1)", "(1)", "(0)", "(1)"]
    assert count_of(page, "tipe", "penjual") == "(0)"
    page.get_by_label("Fesyen").check()  # values of one facet are alternatives
    wait_for_search(page)
    assert len(result_titles(page)) == 5
    page.get_by_label("Jakarta Timur").check()  # facets combine
    wait_for_search(page)
    assert len(result_titles(page)) == 4 and "Tas Jinjing Batik Betawi" not in result_titles(page)
    assert page.url.endswith("/cari/?kategori=minuman&kategori=fesyen&kota=jakarta-timur")
    assert page.locator("#saring-aktif").text_content() == "(3 saringan aktif)"
    page.get_by_role("button", name="Hapus semua saringan").click()
    wait_for_search(page)
    assert len(result_titles(page)) == 11 and page.url.endswith("/cari/")
    assert errors == []


def test_a_shared_url_restores_query_filters_and_order(page, site, errors):
    open_search(page, site, "?q=kopi&kategori=minuman&urut=harga")
    assert page.locator("#q").input_value() == "kopi"
    assert page.get_by_label("Minuman").is_checked()
    assert page.locator("#urut").input_value() == "harga"
    assert result_titles(page) == ["Kopi Robusta Betawi 250 g", "Kopi Arabika Gayo 200 g",
                                   "Kopi Susu Gula Aren 1 Liter"]
    assert page.locator("#cari-status").text_content() == "3 hasil untuk “kopi”"
    assert page.url.endswith("/cari/?q=kopi&kategori=minuman&urut=harga")
    assert errors == []


def test_prices_on_request_come_last_in_both_directions(page, site, errors):
    open_search(page, site, "?tipe=produk&urut=harga-turun")
    titles = result_titles(page)
    assert titles[0] == "Kain Batik Tulis Ondel-ondel" and titles[-1] == "Kredit Modal Kerja UMKM"
    page.locator("#urut").select_option("harga")
    wait_for_search(page)
    titles = result_titles(page)
    assert titles[0] == "Kopi Robusta Betawi 250 g" and titles[-1] == "Kredit Modal Kerja UMKM"
    page.locator("#urut").select_option("tkdn")
    wait_for_search(page)
    assert result_titles(page)[:3] == ["Kopi Robusta Betawi 250 g", "Kopi Susu Gula Aren 1 Liter",
                                       "Syal Batik Cap Tumpal"]
    assert errors == []


def test_going_back_and_forward_restores_the_search(page, site, errors):
    open_search(page, site, "?q=kopi")
    page.evaluate("() => { history.pushState(null, '', '?q=syal'); dispatchEvent(new PopStateEvent('popstate')); }")
    wait_for_search(page)
    assert result_titles(page) == ["Syal Batik Cap Tumpal"] and page.locator("#q").input_value() == "syal"
    page.go_back()
    wait_for_search(page)
    assert sorted(result_titles(page)) == KOPI and page.locator("#q").input_value() == "kopi"
    assert errors == []


def test_the_header_search_box_of_every_page_opens_the_search_page(page, site, errors):
    page.goto(site)
    page.locator("#q-atas").fill("kopi")
    page.locator("#q-atas").press("Enter")
    wait_for_search(page)
    assert page.url.endswith("/cari/?q=kopi") and sorted(result_titles(page)) == KOPI
    assert errors == []


def test_keyboard_and_screen_reader_support(page, site, errors):
    open_search(page, site)
    search = page.get_by_role("search", name="Cari dan saring katalog")
    box = search.get_by_role("searchbox", name="Cari produk atau penjual")
    assert box.get_attribute("type") == "search"
    status = page.locator("#cari-status")
    assert (status.get_attribute("role"), status.get_attribute("aria-live")) == ("status", "polite")
    page.locator("#saring summary").focus()
    page.keyboard.press("Enter")  # opens the filter panel
    assert page.get_by_role("group", name="Kategori").is_visible()
    assert page.get_by_role("group", name="Nilai TKDN").get_by_role("checkbox").count() == 4
    box.focus()
    page.keyboard.type("batik")
    page.keyboard.press("Enter")
    wait_for_search(page)
    assert page.evaluate("() => document.activeElement.id") == "hasil-judul"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.card') !== null")
    assert errors == []


def test_more_results_load_on_request_and_take_the_focus(page, site, errors):
    def fewer_per_page(route):
        body = route.fetch().text().replace('"perPage": 12', '"perPage": 4')
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/cari/", fewer_per_page)
    open_search(page, site)
    assert len(result_titles(page)) == 4
    more = page.get_by_role("button", name="Tampilkan 4 lagi")
    more.click()
    wait_for_search(page)
    page.wait_for_function("() => document.querySelectorAll('#hasil .card').length === 8")
    assert page.evaluate("() => document.activeElement === document.querySelectorAll('#hasil .card a')[4]")
    page.get_by_role("button", name="Tampilkan 3 lagi").click()
    page.wait_for_function("() => document.querySelectorAll('#hasil .card').length === 11")
    assert page.get_by_role("button", name=re.compile("Tampilkan")).count() == 0
    assert page.locator("#cari-tampil").text_content() == "Menampilkan 11 dari 11."
    assert errors == []


def test_without_javascript_the_page_links_to_every_listing(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}cari/")
    assert "memerlukan JavaScript" in page.locator("#cari-status").text_content()
    browse = page.locator("section[aria-labelledby='jelajah']")
    hrefs = browse.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"/kategori/minuman/", "/kota/jakarta-timur/", "/batch/batch-9/", "/produk/"} <= set(hrefs)
    screenshot(page, "search-no-javascript")
    context.close()


@pytest.mark.parametrize("path", [
    "", "batch/batch-9/", "eksibitor/kopi-betawi-sejahtera/", "produk/kopi-robusta-betawi-250g/",
    "cari/?q=kopi&kategori=minuman",
])
def test_axe_finds_no_serious_or_critical_violation(page, site, path):
    page.goto(site + path)
    if path.startswith("cari/"):
        wait_for_search(page)
        page.locator("#saring summary").click()
        wait_for_search(page)
    assert axe_violations(page) == []


def test_screenshots_of_the_search_page(page, site):
    page.set_viewport_size(PHONE)
    open_search(page, site, "?q=kopi")
    screenshot(page, "search-phone-kopi")
    page.locator("#saring summary").click()
    wait_for_search(page)
    screenshot(page, "search-phone-filters")
    page.set_viewport_size({"width": 1280, "height": 900})
    open_search(page, site, "?kategori=minuman&urut=harga")
    page.locator("#saring summary").click()
    wait_for_search(page)
    assert screenshot(page, "search-desktop-filtered").stat().st_size > 10_000


def pagefind_requests(page) -> list[str]:
    """URLs of Pagefind's own files (script, wasm, metadata, chunks, fragments) the page requests from now on."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if "/pagefind/" in request.url
            and "/pagefind/daftar/" not in request.url else None)
    return seen


def test_the_browse_view_and_filter_only_views_never_load_pagefind(page, site, errors):
    pagefind = pagefind_requests(page)
    open_search(page, site, "?kategori=minuman&urut=harga")
    assert result_titles(page) == ["Kopi Robusta Betawi 250 g", "Kopi Arabika Gayo 200 g",
                                   "Kopi Susu Gula Aren 1 Liter"]
    assert page.locator("#cari-status").text_content() == "3 hasil"
    page.locator("#urut").select_option("nama")
    wait_for_search(page)
    assert result_titles(page) == ["Kopi Arabika Gayo 200 g", "Kopi Robusta Betawi 250 g",
                                   "Kopi Susu Gula Aren 1 Liter"]
    page.locator("#saring summary").click()  # live counts from the lists
    page.get_by_label("Jakarta Timur").check()
    wait_for_search(page)
    assert [count_of(page, "kota", v) for v in ("jakarta-timur", "jakarta-pusat")] == ["(3)", "(0)"]
    assert count_of(page, "kategori", "fesyen") == "(1)"  # within Jakarta Timur
    assert page.url.endswith("/cari/?kategori=minuman&kota=jakarta-timur&urut=nama")
    assert pagefind == []
    page.locator("#q").fill("kopi")  # typing starts Pagefind
    wait_for_search(page)
    assert any(url.endswith("pagefind.js") for url in pagefind)
    assert errors == []


def test_a_typo_suggests_the_nearest_name_and_the_browse_view(page, site, errors):
    open_search(page, site, "?q=kopo")
    assert page.locator("#cari-status").text_content().startswith("Tidak ada hasil untuk “kopo”")
    suggestion = page.locator("#cari-saran")
    assert suggestion.text_content() == "Mungkin maksud Anda: kopi. Lihat semua produk dan penjual"
    suggestion.get_by_role("link", name="kopi").click()
    wait_for_search(page)
    assert sorted(result_titles(page)) == KOPI and page.url.endswith("/cari/?q=kopi")
    assert suggestion.text_content() == ""
    page.go_back()
    wait_for_search(page)
    page.locator("#cari-saran").get_by_role("link", name="Lihat semua produk dan penjual").click()
    wait_for_search(page)
    assert len(result_titles(page)) == 11 and page.url.endswith("/cari/")
    assert errors == []
