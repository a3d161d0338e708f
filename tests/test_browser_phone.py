"""The sample catalogue on a 390×844 phone in a real Chromium: what the first screen shows, and the photo lightbox.

Full-page screenshots of home, batch, product, exhibitor and school go to test-artifacts/phone-*.png, and the home
page's first screen (the 390×844 window) to test-artifacts/phone-home-first-screen.png.
"""

from __future__ import annotations

import pytest
from etalase.build import build
from etalase.site import urls

from tests.browser_helpers import axe_violations, page_errors, screenshot, served
from tests.conftest import PROJECT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
SCREEN = PHONE["height"]
#: A product with two photos, and the one whose name and price range take the most lines.
PRODUCTS = ("kopi-robusta-betawi-250g", "desain-kemasan-dan-label")
EXHIBITOR = "kopi-betawi-sejahtera"
SCHOOL = "smkn-32-jakarta"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """catalogue_data/ built once as of 7 November 2023 (photos from the project's cache), served on 127.0.0.1."""
    output = tmp_path_factory.mktemp("phone-site") / "output"
    build(PROJECT / "pelicanconf.py", {"OUTPUT_PATH": str(output), "ETALASE_TODAY": "2023-11-07"})
    with served(output) as base:
        yield base


@pytest.fixture
def phone(browser):
    """A page in a 390×844 touch screen context."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    yield context.new_page()
    context.close()


def visit(page, url: str) -> None:
    """Open ``url`` and wait until the web fonts are in, so boxes are measured in their final place."""
    page.goto(url)
    page.evaluate("() => document.fonts.ready.then(() => true)")


def box(locator) -> dict:
    """The element's box in page coordinates (the page is not scrolled)."""
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def bottom(locator) -> float:
    """Where the element ends, from the top of the page."""
    found = box(locator)
    return found["y"] + found["height"]


def order(page, *selectors: str) -> list[str]:
    """The selectors sorted by where their first element stands in the document."""
    return page.evaluate(
        """(selectors) => selectors.map(s => [s, document.querySelector(s)]).sort((a, b) =>
             a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1).map(p => p[0])""",
        list(selectors),
    )


@pytest.mark.parametrize("product", PRODUCTS)
def test_a_product_s_photo_name_price_and_chat_button_fit_the_first_screen(phone, site, product):
    errors = page_errors(phone)
    visit(phone, site + urls.product(product))
    chat = phone.get_by_role("link", name="Chat penjual lewat WhatsApp")
    for part in (phone.locator(".main-photo img"), phone.locator("h1"), phone.locator(".summary .price"), chat):
        assert box(part)["y"] >= 0 and bottom(part) <= SCREEN, part
    assert chat.text_content() == "Chat penjual"
    assert box(chat)["y"] > box(phone.locator(".summary .price"))["y"]
    assert order(phone, ".summary", ".about", ".facts-block", ".contact-block", ".more", ".share") == [
        ".summary", ".about", ".facts-block", ".contact-block", ".more", ".share"]
    assert axe_violations(phone) == [] and errors == []
    screenshot(phone, f"phone-product-{product}")


def test_the_batch_page_shows_products_first_and_participants_folded_after_them(phone, site):
    errors = page_errors(phone)
    visit(phone, site + urls.batch("batch-9"))
    assert box(phone.locator(".grid .card").first)["y"] < SCREEN
    people = phone.locator("details.people")
    assert people.locator("summary").all_text_contents() == ["Eksibitor (18)", "Sekolah (1)"]
    assert people.evaluate_all("all => all.map(d => d.open)") == [False, False]
    assert not phone.get_by_role("link", name="Kopi Betawi Sejahtera").is_visible()
    assert box(people.first)["y"] > bottom(phone.locator(".grid"))
    assert order(phone, ".grid", "details.people", ".share") == [".grid", "details.people", ".share"]
    people.first.locator("summary").click()
    assert phone.get_by_role("link", name="Kopi Betawi Sejahtera").is_visible()
    assert axe_violations(phone) == [] and errors == []
    screenshot(phone, "phone-batch-9")


@pytest.mark.parametrize(
    ("url", "products", "details", "name"),
    [
        (urls.exhibitor(EXHIBITOR), "Produk (4)", "Rincian usaha", "exhibitor"),
        (urls.school(SCHOOL), "Produk siswa (5)", "Profil sekolah", "school"),
    ],
)
def test_exhibitor_and_school_pages_show_their_products_before_details_contacts_and_sharing(
        phone, site, url, products, details, name):
    errors = page_errors(phone)
    visit(phone, site + url)
    headings = phone.locator("main h2").all_text_contents()
    assert headings[:4] == [products, details, "Kontak", "Bagikan"] and "Rincian produk" not in headings
    blocks = [".products-block", ".facts-block", ".contact-block", ".share"]
    assert order(phone, *reversed(blocks)) == blocks
    tops = [box(phone.locator(block))["y"] for block in blocks]
    assert tops == sorted(tops) and box(phone.locator(".products-block .card").first)["y"] < SCREEN
    assert axe_violations(phone) == [] and errors == []
    screenshot(phone, f"phone-{name}")


def test_the_home_page_shows_a_row_of_featured_products_under_a_compact_header(phone, site):
    errors = page_errors(phone)
    visit(phone, site)
    header = phone.locator("header.site")
    assert bottom(header) <= SCREEN / 4  # the sample banner and the header: it took a third of the screen
    assert phone.locator("#q-atas").is_visible() and bottom(phone.locator("#q-atas")) <= bottom(header)
    assert phone.get_by_role("searchbox", name="Cari produk atau penjual").is_visible()  # its label is kept
    cards = phone.locator("#unggulan ~ .grid .card")
    first_row = [cards.nth(0), cards.nth(1)]
    assert box(first_row[0])["y"] == box(first_row[1])["y"]  # side by side
    for card in first_row:  # whole cards: photo, name, price and seller on the first screen
        for part in (card, card.locator("img"), card.locator(".card-title"), card.locator(".price")):
            assert box(part)["y"] >= 0 and bottom(part) <= SCREEN, part
    assert order(phone, ".current", "#capaian", "#unggulan") == ["#unggulan", ".current", "#capaian"]
    assert axe_violations(phone) == [] and errors == []
    screenshot(phone, "phone-home-first-screen", full_page=False)  # the 390x844 window, as the visitor sees it
    screenshot(phone, "phone-home")


def test_a_tapped_photo_opens_larger_in_a_dialog_and_escape_returns_focus(phone, site):
    errors = page_errors(phone)
    visit(phone, site + urls.product(PRODUCTS[0]))
    photo = phone.locator(".gallery a.zoom").first
    alt = photo.locator("img").get_attribute("alt")
    assert photo.get_attribute("aria-label") == f"Perbesar foto: {alt}"
    before = box(phone.locator("h1"))
    photo.tap()
    dialog = phone.get_by_role("dialog", name="Foto diperbesar")
    large = dialog.locator("img")
    large.wait_for()
    phone.wait_for_function("() => document.querySelector('dialog.lightbox img').complete")
    assert large.get_attribute("alt") == alt
    assert large.evaluate("img => img.naturalWidth") >= PHONE["width"] - 2  # picked for the screen, not the card
    assert phone.evaluate("() => document.activeElement.textContent") == "Tutup"
    assert axe_violations(phone) == []
    screenshot(phone, "phone-product-lightbox")
    phone.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert phone.evaluate("() => document.activeElement === document.querySelector('.gallery a.zoom')")
    assert box(phone.locator("h1")) == before
    second = phone.locator(".thumbs a.zoom")
    second.tap()
    assert dialog.locator("img").get_attribute("alt") == second.locator("img").get_attribute("alt") != alt
    dialog.get_by_role("button", name="Tutup").tap()
    assert not dialog.is_visible()
    assert phone.evaluate("() => document.activeElement === document.querySelector('.thumbs a.zoom')")
    assert errors == []


def test_opening_and_closing_the_photo_shifts_nothing(phone, site):
    phone.add_init_script("""window.shifts = [];
        new PerformanceObserver(list => list.getEntries().forEach(e => window.shifts.push(e.value)))
            .observe({type: 'layout-shift'});""")
    visit(phone, site + urls.product(PRODUCTS[0]))
    phone.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    phone.evaluate("() => { window.shifts = []; }")
    phone.locator(".gallery a.zoom").first.tap()
    phone.get_by_role("dialog").locator("img").wait_for()
    phone.keyboard.press("Escape")
    phone.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert phone.evaluate("() => window.shifts") == []


def test_without_javascript_a_photo_is_a_link_to_its_largest_image(browser, site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + urls.product(PRODUCTS[0]))
    link = page.locator(".gallery a.zoom").first
    href = link.get_attribute("href")
    widths = [int(part.split()[1].rstrip("w"))
              for part in link.locator("source").get_attribute("srcset").split(",")]
    assert href.endswith(f"-{max(widths)}.jpg")
    with page.expect_response(lambda response: response.url.endswith(href)) as answer:
        link.click()
    assert answer.value.status == 200 and answer.value.headers["content-type"] == "image/jpeg"
    context.close()


def test_only_pages_with_photos_load_the_photo_script(phone, site):
    loaded: list[str] = []
    phone.on("request", lambda request: loaded.append(request.url))
    for url in (urls.HOME, urls.batch("batch-9"), urls.exhibitor(EXHIBITOR), urls.category("kuliner")):
        visit(phone, site + url)
    assert not [url for url in loaded if url.endswith("/photo.js")]
    visit(phone, site + urls.product(PRODUCTS[0]))
    assert [url for url in loaded if url.endswith("/photo.js")] == [site + "theme/js/photo.js"]
