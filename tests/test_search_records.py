"""Search records built from tests/roots/search: URLs, content, card metadata, facets and order keys."""

from __future__ import annotations

from decimal import Decimal

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.data.models import Tkdn
from etalase.search.records import (
    FACETS,
    build_records,
    facet_counts,
    name_key,
    revealed,
    tkdn_band,
    unsearchable,
)

from tests.conftest import ROOTS, TODAY_DATE

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def catalogue():
    """The validated catalogue of the search test root."""
    return load_catalogue(ROOTS / "search" / "catalogue_data")


@pytest.fixture(scope="module")
def records(catalogue):
    """Every record, thumbnails named after the photo file."""
    return {r.url: r for r in build_records(catalogue, TODAY_DATE,
                                                  lambda photo: f"gambar/{photo.file.rsplit('/', 1)[-1]}")}


def test_every_published_product_exhibitor_and_school_has_one_record(records):
    assert sorted(records) == [
        "/eksibitor/bank-contoh/",
        "/eksibitor/batik-rawamangun/",
        "/eksibitor/kopi-betawi-sejahtera/",
        "/produk/kain-batik-tulis-ondel-ondel/",
        "/produk/kopi-arabika-gayo-200g/",
        "/produk/kopi-robusta-betawi-250g/",
        "/produk/kopi-susu-gula-aren-1l/",
        "/produk/kredit-modal-kerja-umkm/",
        "/produk/smkn32-tas-batik/",
        "/produk/syal-batik-cap/",
        "/sekolah/smkn-32-jakarta/",
    ]


def test_withdrawn_products_and_sellers_get_no_record(records):
    text = " ".join(r.content + " " + " ".join(r.meta.values()) for r in records.values())
    assert "/produk/kopi-lama-ditarik/" not in records
    assert "/produk/produk-toko-ditarik/" not in records
    assert "/eksibitor/toko-ditarik/" not in records
    assert "Kopi Lama" not in text and "Toko Ditarik" not in text


def test_a_product_record_has_its_facets(records):
    record = records["/produk/kopi-robusta-betawi-250g/"]
    assert record.filters == {
        "tipe": ("produk",),
        "kategori": ("minuman",),
        "kota": ("jakarta-timur",),
        "batch": ("batch-8", "batch-9"),
        "pelaku": ("ikm",),
        "sertifikasi": ("halal", "pirt"),
        "tkdn": ("40-ke-atas",),
        "pdn": ("wajib",),
    }


def test_empty_facets_are_left_out(records):
    record = records["/produk/kopi-arabika-gayo-200g/"]
    assert "sertifikasi" not in record.filters and "pdn" not in record.filters
    assert record.filters["tkdn"] == ("tanpa",)


def test_card_metadata_is_only_what_a_result_card_shows(records):
    record = records["/produk/kopi-robusta-betawi-250g/"]
    assert record.meta == {
        "title": "Kopi Robusta Betawi 250 g",
        "harga": unsearchable(f"Rp{NBSP}45.000"),
        "satuan": unsearchable("per bungkus"),
        "penjual": unsearchable("Kopi Betawi Sejahtera · Jakarta Timur"),
        "foto": unsearchable("gambar/kopi.jpg"),
    }


def test_card_fields_that_are_no_search_words_hold_no_letter_or_digit(records):
    # Pagefind 1.5 searches every metadata value: "webp" or "320" must not find every photo.
    record = records["/produk/kopi-robusta-betawi-250g/"]
    for field in ("harga", "satuan", "penjual", "foto"):
        assert not any(ch.isalnum() for ch in record.meta[field]), field
    assert revealed(record.meta["foto"]) == "gambar/kopi.jpg"
    assert revealed(unsearchable("Rp\u00a075.000–Rp\u00a0120.000 · ǂ")) == "Rp\u00a075.000–Rp\u00a0120.000 · ǂ"


def test_price_ranges_and_prices_on_request(records):
    assert revealed(records["/produk/smkn32-tas-batik/"].meta["harga"]) == f"Rp{NBSP}75.000–Rp{NBSP}120.000"
    on_request = records["/produk/kredit-modal-kerja-umkm/"]
    assert revealed(on_request.meta["harga"]) == "Harga atas permintaan"
    assert "satuan" not in on_request.meta


def test_content_holds_what_visitors_search_for(records):
    content = records["/produk/kopi-robusta-betawi-250g/"].content
    for words in ("Kopi Robusta Betawi 250 g", "Minuman", "Kopi Betawi Sejahtera", "Jakarta Timur", "Halal",
                  "P-IRT", "TKDN", "Wajib PDN", "ǂkemasanǂ zip 250 gram"):  # kemasan is a protected word
        assert words in content


def test_markdown_descriptions_are_indexed_as_plain_text(records):
    content = records["/eksibitor/batik-rawamangun/"].content
    assert "motif Betawi" in content and "**" not in content and "<" not in content


def test_order_keys(records):
    robusta = records["/produk/kopi-robusta-betawi-250g/"]
    assert robusta.order == {"nama": "kopi robusta betawi 250 g", "harga": 45000, "tkdn": Decimal("42.5")}
    assert records["/produk/smkn32-tas-batik/"].order["harga"] == 75000
    assert records["/produk/kredit-modal-kerja-umkm/"].order == {"nama": "kredit modal kerja umkm"}
    assert records["/sekolah/smkn-32-jakarta/"].order == {"nama": "smk negeri 32 jakarta"}


def test_seller_records(records):
    school = records["/sekolah/smkn-32-jakarta/"]
    assert school.filters == {"tipe": ("penjual",), "kota": ("jakarta-selatan",), "batch": ("batch-9",),
                              "pelaku": ("sekolah",)}
    assert school.meta == {"title": "SMK Negeri 32 Jakarta", "penjual": unsearchable("Sekolah · Jakarta Selatan")}
    assert "Tata Busana" in school.content and "Tebet" in school.content
    batik = records["/eksibitor/batik-rawamangun/"]
    assert revealed(batik.meta["foto"]) == "gambar/logo.png"
    assert revealed(batik.meta["penjual"]) == "UMKM · Jakarta Timur"


def test_without_a_thumbnail_function_no_photo_is_named(catalogue):
    assert all("foto" not in record.meta for record in build_records(catalogue, TODAY_DATE))


@pytest.mark.parametrize(("percent", "band"), [
    ("0", "di-bawah-25"), ("24.99", "di-bawah-25"), ("25", "25-40"), ("39.9", "25-40"), ("40", "40-ke-atas"),
    ("100", "40-ke-atas"),
])
def test_tkdn_bands(catalogue, percent, band):
    product = catalogue.product("kopi-robusta-betawi-250g").product
    tkdn = Tkdn.model_validate({"persen": percent, "nomor_sertifikat": "X"})
    assert tkdn_band(product.model_copy(update={"tkdn": tkdn})) == band
    assert tkdn_band(product.model_copy(update={"tkdn": None})) == "tanpa"


def test_name_key_ignores_case_accents_and_spacing():
    assert name_key("  Kopi  ARABIKA Café ") == "kopi arabika cafe"


def test_facet_counts(records):
    counts = facet_counts(r.filters for r in records.values())
    assert set(counts) == set(FACETS)
    assert counts["tipe"] == {"produk": 7, "penjual": 4}
    assert counts["kategori"] == {"minuman": 3, "wastra": 1, "fesyen": 2, "jasa": 1}
    assert counts["kota"] == {"jakarta-timur": 7, "jakarta-pusat": 2, "jakarta-selatan": 2}
    assert counts["tkdn"] == {"40-ke-atas": 1, "25-40": 1, "di-bawah-25": 1, "tanpa": 4}
    assert counts["sertifikasi"] == {"halal": 1, "pirt": 1, "bpom": 1, "sni": 1}
    assert counts["pdn"] == {"wajib": 1}
