"""daftar/produk/<n>.json, the shortlist's data files: every published product with its seller and its old IDs."""

from __future__ import annotations

import json

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.outputs.shortlist import produce_shortlist
from etalase.outputs.site import Site
from outputs_helpers import BASE, KOPI, PHOTO, RUMAH_RUMUS, SITEURL, TODAY, write_tree

BASE_URL = SITEURL + "/"
EKATALOG = "https://e-katalog.lkpp.go.id/katalog/produk/detail/123"
# The sample coffee renamed twice, with a lapsed halal certificate, a TKDN certificate still valid, e-Katalog.
KOPI_RENAMED = (KOPI
                .replace("  - id: kopi-robusta-betawi-250g\n",
                         "  - id: kopi-robusta-betawi-250g\n    id_lama: [kopi-robusta-250, kopi-250]\n")
                .replace("        nomor: ID31110000123450223\n",
                         "        nomor: ID31110000123450223\n        berlaku_sampai: 2023-10-31\n")
                .replace("      nomor_sertifikat: TKDN-CONTOH-0001\n",
                         "      nomor_sertifikat: TKDN-CONTOH-0001\n      berlaku_sampai: 2025-06-30\n")
                .replace("  instagram:", f"  ekatalog: {EKATALOG}\n  instagram:"))
# Batch 9 with the seller of an on-request sambal (and a withdrawn one) beside the coffee.
BATCH_9 = BASE["batch/batch-9.yaml"].replace("  - kopi-betawi-sejahtera\n",
                                              "  - kopi-betawi-sejahtera\n  - rumah-rumus\n")


@pytest.fixture
def catalogue(tmp_path):
    files = {**BASE, "batch/batch-9.yaml": BATCH_9, "eksibitor/kopi-betawi-sejahtera.yaml": KOPI_RENAMED,
             "eksibitor/rumah-rumus.yaml": RUMAH_RUMUS}
    return load_catalogue(write_tree(tmp_path / "catalogue_data", files))


def _site(thumbs: bool = True) -> Site:
    return Site(siteurl=SITEURL, sitename="Etalase PDN Jakarta", today=TODAY,
                photo_urls={PHOTO: "gambar/kopi-960.jpg"},
                thumb_urls={PHOTO: "gambar/kopi-320.webp"} if thumbs else {})


def _document(catalogue, site: Site) -> dict:
    """The one data file of this small catalogue (at most ``urls.SHORTLIST_PER_FILE`` products per file)."""
    artifact, english = produce_shortlist(catalogue, site)  # and the English edition's (tests/test_site_english.py)
    assert (artifact.path, english.path) == ("daftar/produk/0.json", "en/daftar/produk/0.json")
    return json.loads(artifact.data.decode("utf-8"))


def test_a_fixed_price_product_with_tkdn_certificates_and_its_old_ids(catalogue):
    doc = _document(catalogue, _site())
    assert (doc["format"], doc["format_version"], doc["as_of"], doc["files"]) == ("etalase-daftar", 2, "2023-11-09", 1)
    assert doc["products"]["kopi-robusta-betawi-250g"] == {
        "name": "Kopi Robusta Betawi 250 g",
        "url": BASE_URL + "produk/kopi-robusta-betawi-250g/",
        "photo": BASE_URL + "gambar/kopi-320.webp",
        "alt": "Kemasan kopi robusta cokelat 250 gram di atas meja kayu",
        "seller": "eksibitor/kopi-betawi-sejahtera",
        "price": {"kind": "tetap", "low": 45000, "high": None, "text": "Rp\u00a045.000"},
        "unit": "bungkus",
        "min_order": 10,
        "tkdn": {"value": "42.50", "text": "42,5\u00a0%"},
        "bmp": {"value": "5.00", "text": "5\u00a0%"},
        "must_buy": True,  # TKDN 42,5 % and TKDN + BMP 47,5 %, its certificate valid on 9 November 2023
        "certificates": ["Halal: ID31110000123450223 Kedaluwarsa: berlaku sampai 31 Oktober 2023",
                         "P-IRT: 206317401012325",
                         "TKDN: TKDN-CONTOH-0001 (berlaku sampai 30 Juni 2025)"],
        "qr": BASE_URL + "qr/produk/kopi-robusta-betawi-250g.svg",
    }
    assert doc["moved"] == {"kopi-250": "kopi-robusta-betawi-250g", "kopi-robusta-250": "kopi-robusta-betawi-250g"}


def test_on_request_and_range_prices(catalogue):
    products = _document(catalogue, _site())["products"]
    assert sorted(products) == ["kopi-robusta-betawi-250g", "sambal-rumus", "smkn32-tas-batik"]  # not the withdrawn
    assert products["sambal-rumus"] == {
        "name": '+Sambal Bawang, "Pedas"; level 5', "url": BASE_URL + "produk/sambal-rumus/",
        "photo": BASE_URL + "gambar/kopi-320.webp", "alt": "Botol sambal", "seller": "eksibitor/rumah-rumus",
        "price": {"kind": "permintaan", "low": None, "high": None, "text": "Harga atas permintaan"},
        "unit": "botol", "min_order": 1, "tkdn": None, "bmp": None, "must_buy": False, "certificates": [],
        "qr": BASE_URL + "qr/produk/sambal-rumus.svg",
    }
    assert products["smkn32-tas-batik"]["price"] == {"kind": "rentang", "low": 75000, "high": 120000,
                                                     "text": "Rp\u00a075.000\u2013Rp\u00a0120.000"}
    assert products["smkn32-tas-batik"]["seller"] == "sekolah/smkn-32-jakarta"


def test_each_seller_once_with_whatsapp_digits_and_ekatalog(catalogue):
    assert _document(catalogue, _site())["sellers"] == {
        "eksibitor/kopi-betawi-sejahtera": {
            "name": "Kopi Betawi Sejahtera", "url": BASE_URL + "eksibitor/kopi-betawi-sejahtera/", "kind": "IKM",
            "city": "Jakarta Timur", "whatsapp": "6281234567801", "ekatalog": EKATALOG,
        },
        "eksibitor/rumah-rumus": {
            "name": '=HYPERLINK("http://contoh.invalid","klik")', "url": BASE_URL + "eksibitor/rumah-rumus/",
            "kind": "UMKM", "city": "Jakarta Utara", "whatsapp": "6281234567802", "ekatalog": None,
        },
        "sekolah/smkn-32-jakarta": {
            "name": "SMK Negeri 32 Jakarta", "url": BASE_URL + "sekolah/smkn-32-jakarta/", "kind": "Sekolah",
            "city": "Jakarta Selatan", "whatsapp": None, "ekatalog": None,
        },
    }


def test_without_a_thumbnail_the_fallback_jpeg_is_shown(catalogue):
    products = _document(catalogue, _site(thumbs=False))["products"]
    assert {p["photo"] for p in products.values()} == {BASE_URL + "gambar/kopi-960.jpg"}


def test_compact_sorted_utf8_with_a_trailing_newline(catalogue):
    artifact, _ = produce_shortlist(catalogue, _site())
    text = artifact.data.decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    assert "\u00a0" in text and "\\u" not in text
    assert produce_shortlist(catalogue, _site())[0].data == artifact.data  # deterministic


def test_products_and_old_ids_spread_over_files_by_the_hash_of_their_id(tmp_path, monkeypatch):
    """A bigger catalogue (16 products per file here, for 16 files): each product in the file its ID hashes to, with
    its seller; each old ID in its own file."""
    import sys

    from etalase.site import urls

    from tests.conftest import PROJECT

    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from synth import write_catalogue

    catalogue = load_catalogue(write_catalogue(tmp_path / "synth", 150, seed=3, photos=False))
    monkeypatch.setattr(urls, "SHORTLIST_PER_FILE", 16)
    count = urls.shortlist_files(len(catalogue.listings))
    assert count == 16 and urls.shortlist_files(16) == 1 and urls.shortlist_files(17) == 2
    artifacts = produce_shortlist(catalogue, _site())
    files = {a.path: json.loads(a.data) for a in artifacts if not a.path.startswith("en/")}
    assert sorted(files) == sorted(urls.shortlist_data(n) for n in range(count))
    assert {f["files"] for f in files.values()} == {count}
    moved = 0
    for item in catalogue.listings:
        held = files[urls.shortlist_data(urls.shortlist_file_of(item.id, count))]
        assert held["sellers"][held["products"][item.id]["seller"]]["name"] == item.owner.name
        for old in item.product.old_ids:
            moved += 1
            assert files[urls.shortlist_data(urls.shortlist_file_of(old, count))]["moved"][old] == item.id
    assert moved and sum(len(f["products"]) for f in files.values()) == len(catalogue.listings)
    assert max(len(f["products"]) for f in files.values()) < 3 * urls.SHORTLIST_PER_FILE
    # FNV-1a 32, as shortlist.js computes it: the published test vector of "a" is 0xe40c292c
    assert urls.shortlist_file_of("a", 2**32) == 0xE40C292C
