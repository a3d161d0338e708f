"""The search page's context: facet fieldsets with counts, order choices, browse links, strings for search.js."""

from __future__ import annotations

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.search.page import PER_PAGE, facet_groups, search_context
from etalase.search.records import FACETS, product_filters
from etalase.site.strings import T

from tests.conftest import ROOTS, TODAY_DATE


@pytest.fixture(scope="module")
def context():
    """The /cari/ context of the search root."""
    return search_context(load_catalogue(ROOTS / "search" / "catalogue_data"), TODAY_DATE)


def _options(context, key):
    group = next(g for g in context["facets"] if g.key == key)
    return [(o.value, o.label, o.count) for o in group.options]


def test_fieldsets_come_in_facet_order_with_indonesian_legends(context):
    assert [g.key for g in context["facets"]] == list(FACETS)
    assert [g.legend for g in context["facets"]] == [
        "Jenis hasil", "Kategori", "Kota", "Batch", "Jenis usaha", "Sertifikasi", "Nilai TKDN", "Wajib PDN"]


def test_options_carry_labels_and_whole_catalogue_counts(context):
    assert _options(context, "kategori") == [
        ("minuman", "Minuman", 3), ("fesyen", "Fesyen", 2), ("wastra", "Batik & Wastra", 1),
        ("jasa", "Jasa & Layanan", 1)]
    assert _options(context, "batch") == [("batch-9", "Batch 9", 11), ("batch-8", "Batch 8", 7)]
    assert _options(context, "tkdn") == [
        ("di-bawah-25", "Di bawah 25 %", 1), ("25-40", "25 % sampai di bawah 40 %", 1),
        ("40-ke-atas", "40 % ke atas", 1), ("tanpa", "Tanpa TKDN", 4)]
    assert _options(context, "pelaku") == [("umkm", "UMKM", 3), ("ikm", "IKM", 4), ("penyedia", "Penyedia", 2),
                                           ("sekolah", "Sekolah", 2)]
    assert _options(context, "sertifikasi") == [("halal", "Halal", 1), ("bpom", "BPOM", 1), ("pirt", "P-IRT", 1),
                                                ("sni", "SNI", 1)]


def test_values_no_record_carries_are_left_out(context):
    cities = [value for value, _, _ in _options(context, "kota")]
    assert cities == ["jakarta-pusat", "jakarta-selatan", "jakarta-timur"]


def test_a_catalogue_without_certificates_has_no_certificate_fieldset(tmp_path):
    catalogue = load_catalogue(ROOTS / "search" / "catalogue_data")
    for item in catalogue.listings:
        object.__setattr__(item, "product", item.product.model_copy(update={"certifications": type(
            item.product.certifications)()}))
    products = [product_filters(item, TODAY_DATE) for item in catalogue.listings]
    assert "sertifikasi" not in [g.key for g in facet_groups(catalogue, products)]


def test_sort_choices(context):
    assert context["sorts"] == [("", "Paling sesuai"), ("nama", "Nama (A–Z)"), ("harga", "Harga terendah"),
                                ("harga-turun", "Harga tertinggi"), ("tkdn", "TKDN tertinggi")]
    assert context["search_config"]["sorts"] == {"nama": ["nama", 1], "harga": ["harga", 1],
                                                 "harga-turun": ["harga", -1], "tkdn": ["tkdn", -1]}


def test_browse_links_lead_to_every_product_without_javascript(context):
    headings = [heading for heading, _ in context["browse"]]
    assert headings == [T.nav_categories, T.nav_cities, T.nav_batches]
    categories = dict(context["browse"])[T.nav_categories]
    assert sum(count for _, _, count in categories) == 7
    assert ("kategori/minuman/", "Minuman", 3) in categories
    # Batch 9 has 7 products and 4 sellers: chips count results, as the checkboxes do.
    assert dict(context["browse"])[T.nav_batches][0] == ("batch/batch-9/", "Business Matching Batch 9", 11)


def test_every_browse_chip_counts_what_its_checkbox_counts(context):
    checkbox = {(g.key, o.value): o.count for g in context["facets"] for o in g.options}
    facet = {T.nav_categories: "kategori", T.nav_cities: "kota", T.nav_batches: "batch"}
    chips = [(facet[heading], url.rstrip("/").rsplit("/", 1)[-1], count)
             for heading, links in context["browse"] for url, _, count in links]
    assert len(chips) == 9
    assert [(key, value, checkbox[key, value]) for key, value, _ in chips] == chips
    assert "produk dan penjual" in context["count_unit"]


def test_script_gets_its_strings_and_settings(context):
    config = context["search_config"]
    assert config["facets"] == list(FACETS)
    assert config["perPage"] == PER_PAGE
    assert config["t"]["count_query"] == "{count} hasil untuk “{query}”"
    assert config["t"]["price_on_request"] == T.price_on_request
    assert not any(key.startswith("search_js_") for key in config["t"])
    assert config["t"]["apply"] == "Tampilkan {count} hasil"
    assert config["lexicon"]["variants"]["sambel"] == "sambal" and "kemeja" in config["lexicon"]["protected"]
    assert config["browseTerm"] in config["lexicon"]["reserved"]  # the browse word is a reserved letter
