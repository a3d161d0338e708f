"""The English edition's pure parts: translated fields validated like the Indonesian ones, English views of
records with marked fallbacks, twin pages, URLs, formatting per language and the quality report's count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.site import editions, formatting, urls
from etalase.site.editions import EditionUrls, Fallback, edition
from etalase.site.plan import plan_pages
from etalase.site.strings import EN, STAFF_ONLY, T
from etalase.site.templating import render_markdown
from etalase.staff.quality import check_quality
from markupsafe import escape

from tests.catalogue_helpers import BATCH, EXHIBITOR, copy_root, edit, only_issue, valid
from tests.conftest import PROJECT, TODAY_DATE

EX = "catalogue_data/" + EXHIBITOR
BA = "catalogue_data/" + BATCH


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid catalogue."""
    return copy_root(tmp_path)


@pytest.fixture(scope="module")
def sample():
    """The sample catalogue (catalogue_data/), with English text for Batch 9, SMK Negeri 32 and more."""
    return load_catalogue(PROJECT / "catalogue_data")


def test_every_ui_string_has_an_english_one_and_only_staff_pages_keep_bahasa_indonesia():
    assert set(EN) == set(T)
    untranslated = {key for key in T if EN[key] == T[key] and isinstance(T[key], str)}
    staff = {key for key in T if key.startswith(STAFF_ONLY)}
    assert staff <= untranslated
    # names, abbreviations and placeholders that read the same in both languages
    assert untranslated - staff == {
        "site_name", "product_unit", "product_min_order_value", "product_tkdn_combined", "badge_halal",
        "contact_whatsapp", "contact_email", "contact_instagram", "contact_eorder", "search_batch",
        "share_whatsapp", "share_facebook", "share_x", "share_telegram", "card_home_batch", "shortlist_js_subtotal",
        "shortlist_js_per", "shortlist_js_tkdn", "shortlist_js_bmp", "shortlist_js_none"}


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("nama: Kopi Contoh", "nama: Kopi Contoh\nnama_en: [Coffee, Sample]",
                 (f"{EX}:2:1", "F02", "nama_en", "harus berupa teks, bukan daftar"), id="name-list"),
    pytest.param("nama: Kopi Contoh", 'nama: Kopi Contoh\nnama_en: "  "',
                 (f"{EX}:2:1", "F12", "nama_en", "isian kosong"), id="name-blank"),
    pytest.param("    nama: Kopi Robusta 250 g", "    nama: Kopi Robusta 250 g\n    nama_en:\n      - Robusta",
                 (f"{EX}:17:5", "F02", "produk[0].nama_en", "harus berupa teks, bukan daftar"), id="product-name"),
])
def test_translated_fields_are_checked_like_the_indonesian_ones(root, old, new, expected):
    edit(root, EXHIBITOR, old, new)
    assert only_issue(root) == expected


def test_a_nik_in_a_translation_is_refused_like_anywhere_else(root):
    edit(root, EXHIBITOR, "deskripsi: Sangrai kopi robusta sejak 2015.",
         "deskripsi: Sangrai kopi robusta sejak 2015.\ndeskripsi_en: Owner's NIK 3171014501900001.")
    location, code, field, _ = only_issue(root)
    assert (location, code, field) == (f"{EX}:6:1", "P01", "deskripsi_en")


def test_translations_are_optional_and_kept(root):
    edit(root, BATCH, "nomor: 1", "nomor: 1\njudul_en: Business Matching Event 1")
    edit(root, EXHIBITOR, "    nama: Kopi Robusta 250 g", "    nama: Kopi Robusta 250 g\n    nama_en: Robusta Coffee")
    catalogue = valid(root)
    assert catalogue.batches[0].title_en == "Business Matching Event 1"
    assert catalogue.listings[0].product.name_en == "Robusta Coffee"
    assert catalogue.listings[0].product.description_en is None


def test_english_views_hold_the_translation_or_the_indonesian_text_marked(sample):
    english = edition(sample, "en").catalogue
    smk = english.schools["smkn-32-jakarta"]
    assert smk.name == "State Vocational High School 32 Jakarta" and not isinstance(smk.name, Fallback)
    batch = next(b for b in english.batches if b.id == "batch-9")
    assert batch.title == "Business Matching Event 9"
    items = {item.id: item for item in english.listings}
    cushion = items["smkn32-sarung-bantal-batik"].product
    assert cushion.name == "Betawi Batik Cushion Cover"
    assert isinstance(cushion.description, Fallback)  # no deskripsi_en: the Indonesian text, marked
    assert cushion.description == sample.product("smkn32-sarung-bantal-batik").product.description
    # a view is made once per record and shared: a listing's seller is the seller's view
    assert items["smkn32-tas-batik"].owner is smk
    assert english.listings_of(smk)[0].owner is smk
    assert len(english.listings) == len(sample.listings)


def test_a_fallback_prints_itself_marked_as_bahasa_indonesia():
    assert str(escape(Fallback("Kopi & Teh"))) == '<span lang="id">Kopi &amp; Teh</span>'
    assert str(render_markdown(Fallback("Kopi **sangrai**"))) == \
        '<div lang="id"><p>Kopi <strong>sangrai</strong></p></div>'
    assert str(render_markdown("Roasted **coffee**")) == "<p>Roasted <strong>coffee</strong></p>"
    assert editions.plain(Fallback("Kopi")) == "Kopi" and type(editions.plain(Fallback("Kopi"))) is str


def test_urls_of_an_edition_prefix_pages_and_leave_files():
    en = EditionUrls("en")
    assert en.product("kopi") == "en/produk/kopi/"
    assert en.category("minuman", 2) == "en/kategori/minuman/halaman/2/"
    assert (en.HOME, en.SEARCH, en.SHORTLIST) == ("en/", "en/cari/", "en/daftar/")
    assert en.batch_calendar("batch-9") == urls.batch_calendar("batch-9")  # files are shared
    assert en.qr_code("produk", "kopi") == urls.qr_code("produk", "kopi")
    assert editions.url_in("en/produk/kopi/", "id") == "produk/kopi/"
    assert editions.alternates("produk/kopi/") == [("id", "produk/kopi/"), ("en", "en/produk/kopi/"),
                                                   ("x-default", "produk/kopi/")]


def test_every_planned_page_has_a_twin_at_the_same_path_under_en(sample):
    pages = plan_pages(sample, TODAY_DATE)
    twins = editions.twins(pages, edition(sample, "en"), {})
    assert [page.url for page in twins] == ["en/" + page.url for page in pages if page.kind != "qr-sheet"]
    assert {page.lang for page in twins} == {"en"}
    by_url = {page.url: page for page in twins}
    assert by_url["en/batch/"].title == EN.batches_title
    assert by_url["en/kategori/wastra/"].title == "Category: Batik & Textiles"
    assert by_url["en/sekolah/smkn-32-jakarta/"].title == "State Vocational High School 32 Jakarta"
    assert by_url["en/produk/halaman/2/"].title == f"{EN.products_title} (page 2)"
    assert by_url["en/produk/halaman/2/"].pagination.url(3) == "en/produk/halaman/3/"
    assert by_url["en/eksibitor/"].context["intro"] == EN.exhibitors_intro  # a plan's UI string, translated
    assert by_url["en/produk/kain-tenun-ikat-pewarna-alam/"].context["owner_url"] == \
        "en/eksibitor/galeri-tenun-grogol/"


@pytest.mark.parametrize(("lang", "price", "dates", "big"), [
    ("id", "Rp\u00a015.000", "30 Oktober\u2009–\u20092 November 2023", "Rp\u00a013,1 triliun"),
    ("en", "Rp\u00a015,000", "30 October\u2009–\u20092 November 2023", "Rp\u00a013.1 trillion"),
])
def test_numbers_and_dates_follow_the_edition(lang, price, dates, big):
    locale = editions.LOCALES[lang]
    assert formatting.rupiah(15000, locale) == price
    assert formatting.date_range(dt.date(2023, 10, 30), dt.date(2023, 11, 2), locale) == dates
    assert formatting.date_range(dt.date(2023, 11, 6), dt.date(2023, 11, 9), locale) == "6–9 November 2023"
    assert formatting.rupiah_compact(13_100_000_000_000, locale) == big


def test_the_quality_report_counts_missing_translations_per_seller(sample):
    found = {f.file: f.message for f in check_quality(sample, TODAY_DATE, {}).findings if f.check == "terjemahan"}
    assert found["catalogue_data/sekolah/smkn-32-jakarta.yaml"] == (
        "1 isian belum diterjemahkan (deskripsi_en 1): tambahkan teks bahasa Inggris di kolom itu; "
        "sampai itu, edisi Inggris menampilkan teks bahasa Indonesia")
    assert "catalogue_data/batch/batch-9.yaml" not in found  # translated
    assert found["catalogue_data/batch/batch-8.yaml"].startswith("2 isian belum diterjemahkan (judul_en 1, "
                                                                  "ringkasan_en 1)")
    assert found["catalogue_data/eksibitor/galeri-tenun-grogol.yaml"].startswith(
        "1 isian belum diterjemahkan (deskripsi_en 1)")
