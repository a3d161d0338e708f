"""Real Pelican builds of tests/roots/site-basic: every record has its page, links resolve, output is stable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.site import urls

from tests.conftest import ROOTS
from tests.site_helpers import broken_links, published_folders, record_folders, soup, target_exists, tree

pytestmark = pytest.mark.slow

TODAY = "2023-11-07"


@pytest.fixture(scope="module")
def search_cache(tmp_path_factory) -> Path:
    """This module's own search-bundle cache, so builds of other roots cannot evict site-basic's bundle."""
    return tmp_path_factory.mktemp("basic-search-cache")


@pytest.fixture(scope="module")
def site(tmp_path_factory, image_cache, search_cache):
    """site-basic built once for this module, 2 products per page so listings paginate."""
    from etalase.build import build

    from tests.conftest import PROJECT

    output = tmp_path_factory.mktemp("basic") / "output"
    build(PROJECT / "pelicanconf.py", {
        "OUTPUT_PATH": str(output),
        "ETALASE_CATALOGUE": str(ROOTS / "site-basic" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(image_cache),
        "ETALASE_SEARCH_CACHE": str(search_cache),
        "ETALASE_IMAGE_WORKERS": 1,
        "ETALASE_PER_PAGE": 2,
        "ETALASE_TODAY": TODAY,
    })
    return output


@pytest.fixture(scope="module")
def catalogue():
    """The validated catalogue of site-basic."""
    return load_catalogue(ROOTS / "site-basic" / "catalogue_data")


def test_every_published_record_has_its_page(site, catalogue):
    expected = [urls.product(item.id) for item in catalogue.listings]
    expected += [urls.exhibitor(i) for i in catalogue.exhibitors] + [urls.school(i) for i in catalogue.schools]
    expected += [urls.batch(b.id) for b in catalogue.batches]
    expected += [urls.category(i) for i in catalogue.categories] + [urls.city(i) for i in catalogue.cities]
    expected += [urls.certified(kind) for kind in urls.CERTIFIED]
    missing = [url for url in expected if not target_exists(site, "/" + url)]
    assert missing == []
    assert len(catalogue.listings) == 5


def test_withdrawn_records_have_no_page(site, catalogue):
    assert ("eksibitor", "toko-ditarik") in catalogue.withdrawn
    expected = published_folders(catalogue)
    assert {folder: record_folders(site, folder) for folder in expected} == expected  # the pages there, exactly
    assert all(record_id not in expected[folder] for folder, record_id in catalogue.withdrawn)
    assert "Toko Ditarik" not in (site / "batch" / "batch-9" / "index.html").read_text(encoding="utf-8")
    assert "Toko Ditarik" in (ROOTS / "site-basic" / "catalogue_data" / "eksibitor" / "toko-ditarik.yaml").read_text(
        encoding="utf-8")  # the name looked for is the withdrawn record's own


def test_site_pages_and_content_pages_exist(site):
    for url in ("", "cari/", "batch/", "eksibitor/", "sekolah/", "produk/", "kategori/", "kota/", "sertifikasi/",
                "tentang/", "cara-ikut/", "kontak/"):
        assert target_exists(site, "/" + url), url
    assert (site / "404.html").is_file()


def test_every_internal_link_and_image_resolves(site):
    assert broken_links(site) == []


def test_every_product_participant_batch_and_the_home_page_has_a_preview_card(site, catalogue):
    pages = len(catalogue.listings) + len(catalogue.exhibitors) + len(catalogue.schools) + len(catalogue.batches) + 1
    assert len(list((site / "kartu").glob("*.jpg"))) == 2 * pages  # and each one's English card


def test_originals_are_never_published(site):
    published = {path.split("/")[-1] for path in tree(site)}
    assert not published & {"kopi.jpg", "kopi-2.jpg", "batik.jpg", "logo.png"}
    assert any(name.endswith(".webp") for name in published)


def test_listings_paginate_with_prev_next_links(site):
    first, second = soup(site, "produk/"), soup(site, "produk/halaman/2/")
    assert first.find("link", rel="next")["href"] == "/produk/halaman/2/"
    assert first.find("link", rel="prev") is None
    assert second.find("link", rel="prev")["href"] == "/produk/"
    assert second.find("link", rel="next")["href"] == "/produk/halaman/3/"
    assert soup(site, "produk/halaman/3/").find("link", rel="next") is None
    current = second.select_one('nav.pages a[aria-current="page"]')
    assert current.get_text(strip=True) == "2"
    assert "Halaman 2 dari 3" in second.select_one("nav.pages").get_text()


def test_old_ids_become_redirect_pages(site):
    for old, new in (("produk/kopi-robusta-250/", "/produk/kopi-robusta-betawi-250g/"),
                     ("eksibitor/kopi-betawi/", "/eksibitor/kopi-betawi-sejahtera/"),
                     ("batch/bm-9/", "/batch/batch-9/")):
        page = soup(site, old)
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={new}"
        assert page.find("link", rel="canonical")["href"] == new
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        assert page.select_one("main a")["href"] == new


def test_product_page_shows_prices_certificates_and_chat_link(site):
    page = soup(site, "produk/kopi-robusta-betawi-250g/")
    text = page.get_text(" ")
    assert page.find("h1").get_text() == "Kopi Robusta Betawi 250 g"
    assert "Rp\u00a045.000" in text and "per bungkus" in text
    assert "Wajib dibeli (TKDN+BMP ≥ 40 %)" in text
    assert "42,5\u00a0%" in text and "47,5\u00a0%" in text
    assert "ID31110000123450223" in text
    chat = page.select_one("a.chat")
    assert chat["href"].startswith("https://wa.me/6281234567801?text=Halo%2C%20saya%20tertarik")
    assert "Kopi%20Robusta%20Betawi%20250%20g" in chat["href"]
    assert page.select_one(".seller-line a")["href"] == "/eksibitor/kopi-betawi-sejahtera/"
    assert len(page.find_all("main")) == 1


def test_price_kinds_render_in_indonesian(site):
    assert "Rp\u00a0350.000–Rp\u00a0750.000" in soup(site, "produk/kain-batik-tulis-ondel-ondel/").get_text()
    assert "Harga atas permintaan" in soup(site, "produk/kredit-modal-kerja-umkm/").get_text()


def test_home_shows_current_batch_figures_and_featured(site):
    page = soup(site, "")
    text = page.get_text(" ")
    assert "Batch sedang berlangsung" in text
    assert "6–9 November 2023" in text
    assert "82,9\u00a0%" in text
    assert "Rp\u00a013,1 triliun dari komitmen Rp\u00a015,8 triliun" in text
    assert "per 5 November 2023" in text and "Dashboard Bigbox LKPP" in text
    featured = [a["href"] for a in page.select("#unggulan ~ .grid a.card-link")]
    assert featured == ["/produk/kain-batik-tulis-ondel-ondel/", "/produk/kopi-robusta-betawi-250g/"]
    assert page.select_one("p.banner").get_text().startswith("Data contoh")


def test_every_page_has_one_h1_lang_and_search_form(site):
    for file in sorted(site.rglob("*.html")):
        page = soup(site, file.relative_to(site).as_posix())
        english = file.relative_to(site).parts[0] == "en"  # the English edition (tests/test_site_english.py)
        assert page.html["lang"] == ("en" if english else "id"), file
        assert len(page.find_all("h1")) == 1, file
        staff = file.relative_to(site).parts[0] == "staf"  # /staf/laporan/ stands alone: no site header
        if page.find("meta", attrs={"http-equiv": "refresh"}) is None and not staff:
            form = page.select_one("header form[role=search]")
            assert form["action"] == ("/en/cari/" if english else "/cari/") and form.find("input")["name"] == "q", file


def test_producers_see_every_page(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/produk/kopi-robusta-betawi-250g/" in sitemap
    assert "/tentang/" in sitemap
    assert "/produk/kopi-robusta-250/" not in sitemap  # a redirect
    assert "404.html" not in sitemap
    assert (site / urls.batch_calendar("batch-9")).is_file()


def test_preview_of_one_batch_builds_only_its_records(build_site, tmp_path, catalogue):
    output = build_site("site-basic", tmp_path, ETALASE_BATCH=8, ETALASE_TODAY=TODAY)
    expected = published_folders(catalogue, batch=8)
    assert expected["batch"] == {"batch-8"} and "kain-batik-tulis-ondel-ondel" in expected["produk"]
    assert expected["sekolah"] == set() and "bank-contoh" not in expected["eksibitor"]  # batch 9's, not 8's
    assert {folder: record_folders(output, folder) for folder in expected} == expected
    assert broken_links(output) == []


def test_two_builds_are_byte_identical(build_site, tmp_path, site, search_cache):
    again = build_site("site-basic", tmp_path, ETALASE_PER_PAGE=2, ETALASE_TODAY=TODAY,
                       ETALASE_SEARCH_CACHE=str(search_cache))
    assert tree(again) == tree(site)


def test_cold_builds_are_byte_identical_pagefinds_files_included(build_site, tmp_path):
    """With empty caches too: Pagefind's filter files are made stable after it writes them (Pagefind #638)."""
    first = build_site("site-basic", tmp_path / "a", ETALASE_PER_PAGE=2, ETALASE_TODAY=TODAY,
                       ETALASE_SEARCH_CACHE=str(tmp_path / "cache-a"), ETALASE_BUILD_CACHE=str(tmp_path / "build-a"))
    second = build_site("site-basic", tmp_path / "b", ETALASE_PER_PAGE=2, ETALASE_TODAY=TODAY,
                        ETALASE_SEARCH_CACHE=str(tmp_path / "cache-b"), ETALASE_BUILD_CACHE=str(tmp_path / "build-b"))
    files = tree(first)
    assert files == tree(second)
    assert any(path.startswith("pagefind/filter/") for path in files) and "pagefind/pagefind-entry.json" in files


def test_other_plugins_see_every_page_through_content_written(build_site, tmp_path):
    from etalase.site.plan import plan_pages
    from pelican.plugins import signals

    written: list[Path] = []

    def remember(path, context):
        written.append(Path(path))

    signals.content_written.connect(remember)
    try:
        build_site("site-golden", tmp_path)
    finally:
        signals.content_written.disconnect(remember)
    # Our pages are written into the generation that then becomes output/; Pelican's own into a scratch folder
    # beside it, from which they move into the same generation (etalase.generator.ScratchWriter).
    folders = [folder for path in written for folder in path.parents if folder.parent == tmp_path]
    assert {folder.name.split(".pelican-")[0] for folder in folders} == {".output.a"}
    seen = {path.relative_to(folder).as_posix() for path, folder in zip(written, folders, strict=True)}
    catalogue = load_catalogue(ROOTS / "site-golden" / "catalogue_data")
    planned = {page.file for page in plan_pages(catalogue, dt.date(2023, 11, 9))}
    assert planned <= seen
    assert {"tentang/index.html", "kontak/index.html"} <= seen
