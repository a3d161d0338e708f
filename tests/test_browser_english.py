"""The English edition of the sample catalogue in a real Chromium: the language switch, English search (its own
Pagefind bundle, English stemming) and axe on English pages."""

from __future__ import annotations

import pytest
from etalase.build import build

from tests.browser_helpers import axe_violations, page_errors, result_titles, served, wait_for_search
from tests.conftest import PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TENUN = "Hand-loom Ikat Cloth in Natural Dyes"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """catalogue_data/ built with publishconf.py on 7 November 2023, served on 127.0.0.1; yields the base URL."""
    output = tmp_path_factory.mktemp("sample-english") / "output"
    build(PROJECT / "publishconf.py", {"OUTPUT_PATH": str(output), "ETALASE_TODAY": "2023-11-07"})
    with served(output) as base:
        yield base


@pytest.fixture
def errors(page):
    return page_errors(page)


def test_the_switch_leads_to_the_same_record_in_the_other_language_and_back(page, site, errors):
    page.goto(f"{site}produk/kain-tenun-ikat-pewarna-alam/")
    assert page.locator("h1").inner_text() == "Kain Tenun Ikat ATBM Pewarna Alam"
    switch = page.get_by_role("link", name="Read this page in English")
    assert switch.is_visible()
    switch.click()
    page.wait_for_url(f"{site}en/produk/kain-tenun-ikat-pewarna-alam/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == TENUN
    assert page.get_by_role("link", name="Chat with seller on WhatsApp").is_visible()
    page.get_by_role("link", name="Baca halaman ini dalam Bahasa Indonesia").click()
    page.wait_for_url(f"{site}produk/kain-tenun-ikat-pewarna-alam/")
    assert page.locator("h1").inner_text() == "Kain Tenun Ikat ATBM Pewarna Alam"
    assert errors == []


def test_a_listing_page_switches_to_the_same_page_of_the_same_listing(page, site):
    page.goto(f"{site}batch/batch-9/halaman/2/")
    page.get_by_role("link", name="Read this page in English").click()
    page.wait_for_url(f"{site}en/batch/batch-9/halaman/2/")
    assert page.locator("h1").inner_text() == "Business Matching Event 9 (page 2)"


def test_english_search_stems_english_words(page, site, errors):
    page.goto(f"{site}en/cari/?q=weaving")
    wait_for_search(page)
    titles = result_titles(page)
    assert TENUN in titles  # its English text says "weave": the English stemmer joins them
    assert page.locator("#cari-status").inner_text().startswith(f"{len(titles)} results for “weaving”")
    for href in page.locator("#hasil a.card-link").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert href.startswith("/en/"), href  # results lead to English pages
    page.goto(f"{site}en/cari/?q=woven")
    wait_for_search(page)
    assert "Men's Woven Sarong" in result_titles(page)
    assert errors == []


def test_the_indonesian_search_keeps_its_own_bundle(page, site):
    page.goto(f"{site}cari/?q=weaving")
    wait_for_search(page)
    assert TENUN not in result_titles(page)
    page.goto(f"{site}cari/?q=tenun")
    wait_for_search(page)
    assert "Kain Tenun Ikat ATBM Pewarna Alam" in result_titles(page)


def test_english_search_has_the_same_facets_with_english_labels(page, site):
    page.goto(f"{site}en/cari/?q=batik")
    wait_for_search(page)
    legends = page.locator("#saring legend").all_text_contents()
    assert legends[:3] == ["Result type", "Category", "City"]
    assert "Event" in legends and "Domestic purchase mandatory" in legends
    page.goto(f"{site}en/cari/?q=batik&kategori=wastra")
    wait_for_search(page)
    assert page.locator("#saring input[name='kategori'][value='wastra']").is_checked()


@pytest.mark.parametrize("url", ["en/", "en/produk/kain-tenun-ikat-pewarna-alam/", "en/produk/sabun-sereh-wangi/",
                                 "en/sekolah/smkn-32-jakarta/", "en/batch/batch-9/", "en/cari/?q=coffee",
                                 "en/kontak/", "en/daftar/"])
def test_english_pages_pass_axe(page, site, url):
    page.goto(f"{site}{url}")
    if url.startswith("en/cari/"):
        wait_for_search(page)
    assert axe_violations(page) == []
