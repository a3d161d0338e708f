"""Order lists (name, price, TKDN): which records they hold, in which order, and their files."""

from __future__ import annotations

import hashlib
import json

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.search.order import MANIFEST, order_files, rank_lists
from etalase.search.records import SearchRecord, build_records

from tests.conftest import ROOTS, TODAY_DATE


@pytest.fixture(scope="module")
def lists():
    """The three lists of the search root, with each URL standing for its page ID."""
    records = build_records(load_catalogue(ROOTS / "search" / "catalogue_data"), TODAY_DATE)
    return rank_lists(records, {record.url: record.url for record in records})


def test_price_order_lists_priced_products_cheapest_first_and_leaves_out_the_rest(lists):
    assert lists["harga"] == [
        "/produk/kopi-robusta-betawi-250g/",   # 45.000
        "/produk/kopi-arabika-gayo-200g/",     # 60.000
        "/produk/smkn32-tas-batik/",           # 75.000–120.000
        "/produk/kopi-susu-gula-aren-1l/",     # 85.000
        "/produk/syal-batik-cap/",             # 150.000
        "/produk/kain-batik-tulis-ondel-ondel/",  # 350.000–750.000
    ]
    assert "/produk/kredit-modal-kerja-umkm/" not in lists["harga"]  # price on request
    assert not any(url.startswith(("/eksibitor/", "/sekolah/")) for url in lists["harga"])


def test_tkdn_order_holds_only_certified_products(lists):
    assert lists["tkdn"] == ["/produk/syal-batik-cap/", "/produk/kopi-susu-gula-aren-1l/",
                             "/produk/kopi-robusta-betawi-250g/"]


def test_name_order_holds_every_record(lists):
    assert lists["nama"][:3] == ["/eksibitor/bank-contoh/", "/eksibitor/batik-rawamangun/",
                                 "/produk/kain-batik-tulis-ondel-ondel/"]
    assert len(lists["nama"]) == 11


def test_ties_are_broken_by_name_then_url():
    def record(url, name, price):
        return SearchRecord(url, name, {"title": name}, {}, {"nama": name.lower(), "harga": price})

    records = [record("/b/", "Beta", 10), record("/a/", "Alfa", 10), record("/c/", "Alfa", 10)]
    assert rank_lists(records, {r.url: r.url for r in records})["harga"] == ["/a/", "/c/", "/b/"]


def test_files_are_content_addressed_and_listed_in_the_manifest():
    files = {f.path: f.data for f in order_files({"nama": ["id_b", "id_a"], "harga": ["id_a"]}, {"penjaga": "id_s"})}
    manifest = json.loads(files.pop(MANIFEST))
    assert manifest["penjaga"] == "id_s"  # extra keys (the sentinel's page ID) sit beside the orders
    manifest = manifest["urutan"]
    digest = hashlib.sha256(b'["id_b","id_a"]').hexdigest()[:10]
    assert manifest == {"harga": manifest["harga"], "nama": f"urutan/nama.{digest}.json"}
    assert json.loads(files[manifest["nama"]]) == ["id_b", "id_a"]
    assert files[manifest["nama"]] == b'["id_b","id_a"]'
