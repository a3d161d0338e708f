"""The share box and the booth QR sheet in a real Chromium: copy link, Web Share, no-JS links, tap targets, axe."""

from __future__ import annotations

import pytest
from etalase.build import build

from tests.browser_helpers import axe_violations, page_errors, screenshot, served
from tests.conftest import PROJECT, ROOTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PRODUCT = "produk/kopi-robusta-betawi-250g/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory, image_cache):
    """tests/roots/site-basic built once (local build) and served on 127.0.0.1; yields the base URL."""
    output = tmp_path_factory.mktemp("share-site") / "output"
    build(PROJECT / "pelicanconf.py", {
        "OUTPUT_PATH": str(output), "ETALASE_CATALOGUE": str(ROOTS / "site-basic" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": "2023-11-07",
    })
    with served(output) as base:
        yield base


@pytest.fixture
def errors(page):
    """JavaScript errors and console errors of the page; each test asserts it stays empty."""
    return page_errors(page)


def test_copy_link_puts_the_absolute_url_on_the_clipboard_and_says_so(page, context, site, errors):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    page.goto(site + PRODUCT)
    copy = page.get_by_role("button", name="Salin tautan")
    copy.click()
    status = page.locator(".share-status")
    status.filter(has_text="Tautan disalin").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == site + PRODUCT
    assert errors == []


def test_the_phone_share_sheet_appears_only_where_the_browser_has_it(page, site, errors):
    page.goto(site + PRODUCT)
    assert page.evaluate("() => typeof navigator.share") == "undefined"
    assert not page.get_by_role("button", name="Bagikan…").is_visible()
    page.add_init_script("navigator.share = (data) => { window.shared = data; return Promise.resolve(); };")
    page.goto(site + PRODUCT)
    page.get_by_role("button", name="Bagikan…").click()
    shared = page.evaluate("() => window.shared")
    assert shared == {"title": "Kopi Robusta Betawi 250 g dari Kopi Betawi Sejahtera",
                      "text": "Kopi Robusta Betawi 250 g dari Kopi Betawi Sejahtera", "url": site + PRODUCT}
    assert errors == []


def test_without_javascript_the_share_links_work_and_the_script_only_buttons_stay_hidden(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + PRODUCT)
    names = [page.get_by_role("link", name=f"Bagikan ke {n}") for n in ("WhatsApp", "Facebook", "X", "Telegram")]
    assert all(link.is_visible() for link in names)
    assert page.locator(".share-list button:visible").count() == 0
    context.close()


def test_share_targets_are_at_least_44_px_and_pages_pass_axe(page, site, errors):
    page.set_viewport_size(PHONE)
    page.goto(site + PRODUCT)
    for target in page.locator(".share-list a, .share-list button:visible").all():
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, target.text_content()
    page.locator(".share-list a").first.focus()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert axe_violations(page) == []
    screenshot(page, "share-product-phone")
    page.goto(site + "batch/batch-9/qr/")
    assert page.get_by_role("button", name="Cetak halaman ini").is_visible()
    assert page.locator(".qr-sheet img").count() == 4
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden() and page.get_by_role("button", name="Cetak halaman ini").is_hidden()
    screenshot(page, "qr-sheet-print")
    assert errors == []


def test_the_kit_copy_button_puts_the_caption_on_the_clipboard_and_the_page_passes_axe(page, context, site, errors):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    page.goto(site + "staf/kit/batch-9/")
    caption = page.locator("#takarir-produk-kopi-robusta-betawi-250g").text_content()
    page.locator("button[data-copy='takarir-produk-kopi-robusta-betawi-250g']").click()
    page.locator("#kit-status").filter(has_text="Teks disalin").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == caption
    assert caption.startswith("Kopi Robusta Betawi 250 g dari Kopi Betawi Sejahtera")
    assert axe_violations(page) == []
    assert errors == []
