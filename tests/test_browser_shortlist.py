"""The buyer's shortlist (issue 14) in a real Chromium on tests/roots/site-basic: saving, the header count,
quantities and total, the share URL (a renamed and a removed ID), CSV, print, compare, keyboard and axe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from etalase.site import urls

from tests.browser_helpers import axe_violations, page_errors, served

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROBUSTA, ARABIKA, BATIK, KREDIT = ("kopi-robusta-betawi-250g", "kopi-arabika-gayo-200g",
                                   "kain-batik-tulis-ondel-ondel", "kredit-modal-kerja-umkm")


@pytest.fixture(scope="module")
def site(tmp_path_factory, image_cache):
    """site-basic built once, served on 127.0.0.1."""
    from etalase.build import build

    from tests.conftest import PROJECT, ROOTS, TODAY

    output = tmp_path_factory.mktemp("shortlist") / "output"
    build(PROJECT / "pelicanconf.py", {"OUTPUT_PATH": str(output), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY,
                                       "ETALASE_CATALOGUE": str(ROOTS / "site-basic" / "catalogue_data"),
                                       "ETALASE_IMAGE_CACHE": str(image_cache)})
    with served(output) as base:
        yield base


def open_list(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#daftar[data-ready]")


def test_saving_from_a_card_and_a_product_page_counts_in_the_header(page, site):
    errors = page_errors(page)
    page.goto(site + urls.index(urls.PRODUCT))
    toggle = page.locator(f"button[data-save='{ARABIKA}']")
    assert toggle.get_attribute("aria-pressed") == "false" and toggle.text_content() == "Simpan ke daftar"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator("[data-shortlist-count]").text_content() == "(1)"
    page.goto(site + urls.product(ROBUSTA))
    page.locator(".summary button[data-save]").click()
    assert page.get_by_role("link", name="Daftar pilihan (2)").is_visible()
    open_list(page, site + urls.SHORTLIST)
    assert page.locator(".item h2").all_text_contents() == ["Kopi Arabika Gayo 200 g", "Kopi Robusta Betawi 250 g"]
    assert page.get_by_label("Jumlah Kopi Robusta Betawi 250 g (bungkus)").input_value() == "10"  # its minimum order
    assert page.locator("[data-total]").text_content() == "Rp\u00a0510.000" and errors == []


def test_quantities_total_and_on_request_prices(page, site):
    open_list(page, site + urls.SHORTLIST + f"?d={ROBUSTA}:2,{BATIK}:1,{KREDIT}:5")
    assert page.locator("[data-total]").text_content() == "Rp\u00a0440.000\u2013Rp\u00a0840.000"
    assert page.locator("[data-on-request]").text_content() == (
        "1 produk dengan harga atas permintaan tidak dihitung dalam total.")
    page.evaluate(f"localStorage.setItem('etalase-daftar', JSON.stringify([['{ROBUSTA}', 2]]))")
    open_list(page, site + urls.SHORTLIST)
    page.get_by_label("Jumlah Kopi Robusta Betawi 250 g (bungkus)").fill("4")
    assert page.locator("[data-total]").text_content() == "Rp\u00a0180.000"
    assert page.evaluate("localStorage.getItem('etalase-daftar')") == f'[["{ROBUSTA}",4]]'


def test_share_url_round_trip_with_a_renamed_and_a_removed_id(page, site):
    page.goto(site)
    page.evaluate(f"localStorage.setItem('etalase-daftar', JSON.stringify([['{ARABIKA}', 1]]))")
    open_list(page, site + urls.SHORTLIST + "?d=kopi-robusta-250:3,kopi-lama-ditarik:1")
    notices = page.locator("[data-notices]").inner_text()
    assert "Produk “kopi-robusta-250” kini berkode “kopi-robusta-betawi-250g”" in notices
    assert page.locator(".item.missing").inner_text() == (
        "Produk berkode “kopi-lama-ditarik” tidak ada lagi di katalog (sudah ditarik atau dihapus).")
    assert page.get_by_role("heading", name="Daftar yang dibagikan kepada Anda").is_visible()
    assert page.locator(f"[data-id='{ROBUSTA}'] input[data-act='qty']").count() == 0  # read-only
    assert page.evaluate("localStorage.getItem('etalase-daftar')") == f'[["{ARABIKA}",1]]'  # not overwritten
    page.get_by_role("button", name="Simpan ke daftar saya").click()
    assert page.evaluate("localStorage.getItem('etalase-daftar')") == f'[["{ARABIKA}",1],["{ROBUSTA}",3]]'
    open_list(page, site + urls.SHORTLIST)
    shared = page.locator("[data-share-url]").input_value()
    assert shared == site + urls.SHORTLIST + f"?d={ARABIKA}:1,{ROBUSTA}:3"
    assert page.locator("[data-share-wa]").get_attribute("href").startswith("https://wa.me/?text=")
    open_list(page, shared)
    assert page.locator(".item h2").all_text_contents() == ["Kopi Arabika Gayo 200 g", "Kopi Robusta Betawi 250 g"]


def test_csv_contents_exactly(page, site):
    open_list(page, site + urls.SHORTLIST + f"?d={ROBUSTA}:2,{KREDIT}:1")
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh CSV").click()
    data = Path(info.value.path()).read_bytes()
    header = ("No,Kode produk,Nama produk,Penjual,Jenis penjual,Kota,Harga satuan terendah (Rp),"
              "Harga satuan tertinggi (Rp),Keterangan harga,Satuan,Pesanan minimal,Jumlah,Subtotal terendah (Rp),"
              "Subtotal tertinggi (Rp),TKDN (%),BMP (%),Wajib PDN,Sertifikasi,e-Katalog,Tautan produk")
    rows = [
        f"1,{ROBUSTA},Kopi Robusta Betawi 250 g,Kopi Betawi Sejahtera,IKM,Jakarta Timur,45000,45000,Rp\u00a045.000,"
        "bungkus,10,2,90000,90000,42.50,5.00,Ya,Halal: ID31110000123450223; P-IRT: 206317401012325; "
        f"TKDN: TKDN-CONTOH-0001,,{site}produk/{ROBUSTA}/",
        f"2,{KREDIT},Kredit Modal Kerja UMKM,Bank Contoh Jakarta,Penyedia,Jakarta Pusat,,,Harga atas permintaan,"
        f"paket,1,1,,,,,Tidak,,https://e-katalog.lkpp.go.id/contoh,{site}produk/{KREDIT}/",
    ]
    assert data == ("\ufeff" + "\r\n".join([header, *rows]) + "\r\n").encode("utf-8")



def test_print_view_and_screenshot(page, site, tmp_path):
    open_list(page, site + urls.SHORTLIST + f"?d={ROBUSTA}:2,{BATIK}:1")
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden() and page.locator(".tools").first.is_hidden()
    qr = page.locator(f"[data-id='{ROBUSTA}'] img.qr")
    assert qr.is_visible() and qr.get_attribute("src").endswith(f"qr/produk/{ROBUSTA}.svg")
    # QR codes load once the list is shown or printing starts (each SVG is a document of its own for Chromium).
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=qr.element_handle(), timeout=5_000)
    shot = tmp_path / "shortlist-print.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_compare_up_to_four(page, site):
    open_list(page, site + urls.SHORTLIST + f"?d={ROBUSTA}:1,{ARABIKA}:1,{BATIK}:1,{KREDIT}:1,smkn32-tas-batik:1")
    boxes = page.get_by_role("checkbox", name="Bandingkan")
    for index in range(4):
        boxes.nth(index).check()
    boxes.nth(4).click()
    assert not boxes.nth(4).is_checked()
    table = page.locator("[data-compare] table")
    assert table.locator("thead th").all_text_contents() == [
        "Kopi Robusta Betawi 250 g", "Kopi Arabika Gayo 200 g", "Kain Batik Tulis Ondel-ondel",
        "Kredit Modal Kerja UMKM"]
    assert table.locator("tbody tr").nth(4).inner_text().split("\t") == ["TKDN", "42,5\u00a0%", "–", "–", "–"]


def test_keyboard_reorder_and_remove(page, site):
    page.goto(site)
    page.evaluate(f"localStorage.setItem('etalase-daftar', JSON.stringify([['{ROBUSTA}', 1], ['{ARABIKA}', 1]]))")
    open_list(page, site + urls.SHORTLIST)
    page.get_by_role("button", name="Naik: pindahkan Kopi Arabika Gayo 200 g ke atas").focus()
    page.keyboard.press("Enter")
    assert page.locator(".item h2").all_text_contents()[0] == "Kopi Arabika Gayo 200 g"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Naik: pindahkan Kopi Arabika Gayo 200 g ke atas")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.locator(".item h2").all_text_contents() == ["Kopi Robusta Betawi 250 g"]


def test_axe_clean_on_the_shortlist_and_the_batch_print_page(page, site):
    errors = page_errors(page)
    open_list(page, site + urls.SHORTLIST + f"?d={ROBUSTA}:1,{BATIK}:1")
    page.get_by_role("checkbox", name="Bandingkan").nth(0).check()
    page.get_by_role("checkbox", name="Bandingkan").nth(1).check()
    assert axe_violations(page) == []
    page.goto(site + urls.batch_print("batch-9"))
    assert page.get_attribute("meta[name=robots]", "content") == "noindex"
    assert page.locator(".entry h3").count() == 5 and axe_violations(page) == [] and errors == []


def test_without_javascript_the_list_explains_and_controls_are_absent(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + urls.product(ROBUSTA))
    assert page.locator("button[data-save]").evaluate_all("bs => bs.every(b => b.hidden)")
    assert page.locator("[data-shortlist-nav]").is_hidden()
    page.goto(site + urls.SHORTLIST)
    assert "Daftar pilihan memerlukan JavaScript" in page.locator("main").inner_text()
    context.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory, image_cache):
    """benchmarks/synth.py's 150 products in 16 data files (16 products per file here), built once and served:
    ``(base URL, output folder)``."""
    import sys

    from etalase.build import build

    from tests.conftest import PROJECT, TODAY

    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from synth import write_catalogue

    root = tmp_path_factory.mktemp("shortlist-big")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urls, "SHORTLIST_PER_FILE", 16)
        build(PROJECT / "pelicanconf.py", {"OUTPUT_PATH": str(root / "output"), "ETALASE_IMAGE_WORKERS": 1,
                                           "ETALASE_TODAY": TODAY, "ETALASE_IMAGE_CACHE": str(image_cache),
                                           "ETALASE_CATALOGUE": str(write_catalogue(root, 150, seed=3))})
    with served(root / "output") as base:
        yield base, root / "output"


def test_a_long_shared_list_fetches_only_the_data_files_that_hold_it(page, big):
    base, output = big
    files = {int(path.stem): json.loads(path.read_text()) for path in (output / "daftar" / "produk").glob("*.json")}
    assert sorted(files) == list(range(16))
    names = {pid: entry["name"] for data in files.values() for pid, entry in data["products"].items()}
    old, new = next(iter(sorted((old, new) for data in files.values() for old, new in data["moved"].items())))
    saved = [pid for pid in sorted(names) if pid != new][::10]  # 15 products, spread over the files
    open_list(page, base + urls.SHORTLIST + "?d=" + ",".join(f"{pid}:1" for pid in [*saved, old, "tidak-ada-lagi"]))
    assert page.locator(".item h2").all_text_contents() == [names[pid] for pid in [*saved, new]]
    assert page.locator(".item.missing").count() == 1 and f"“{old}” kini berkode “{new}”" in page.locator(
        "[data-notices]").inner_text()
    fetched = page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)"
                            ".filter((name) => name.includes('/daftar/produk/'))")
    needed = {urls.shortlist_file_of(pid, 16) for pid in [*saved, old, new, "tidak-ada-lagi"]}
    assert sorted(fetched) == sorted(f"{base}{urls.shortlist_data(n)}" for n in needed) and len(needed) < 16


def test_a_page_cached_from_before_the_catalogue_grew_fetches_again_with_the_count_the_files_give(page, big):
    """A /daftar/ kept in a browser's cache says 4 data files; the build now has 16: every row still shows."""
    base, output = big
    files = [json.loads(path.read_text()) for path in (output / "daftar" / "produk").glob("*.json")]
    names = {pid: entry["name"] for data in files for pid, entry in data["products"].items()}
    saved = sorted(names)[::20]

    def stale(route):
        html = route.fetch().text()
        assert 'data-files="16"' in html
        route.fulfill(body=html.replace('data-files="16"', 'data-files="4"'), content_type="text/html")

    page.route(base + urls.SHORTLIST + "?*", stale)
    open_list(page, base + urls.SHORTLIST + "?d=" + ",".join(f"{pid}:1" for pid in saved))
    assert page.locator(".item h2").all_text_contents() == [names[pid] for pid in saved]
    assert page.locator(".item.missing").count() == 0
