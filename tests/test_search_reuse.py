"""Search records kept between builds (etalase.search.reuse): one edit rebuilds only the records it touches."""

from __future__ import annotations

import shutil

from etalase.data.catalogue import load_catalogue
from etalase.search import record_keys
from etalase.search.records import build_records
from etalase.search.reuse import FILE, reused_records
from etalase.site.sources import Sources

from tests.conftest import ROOTS, TODAY_DATE


def thumbnail(photo) -> str:
    """A thumbnail URL per photo file (as the generator's comes from the prepared variants)."""
    return f"gambar/{photo.file.replace('/', '-')}-320.webp"


def records_of(root, cache):
    """The search records of ``root``, reused from ``cache``, and how many were built."""
    catalogue = load_catalogue(root)
    keys = record_keys(catalogue, Sources(catalogue, {}, "site", TODAY_DATE), thumbnail)
    return reused_records(catalogue, TODAY_DATE, thumbnail, keys, cache)


def test_records_are_built_once_and_then_reused_unchanged(tmp_path):
    root = ROOTS / "search" / "catalogue_data"
    first, built = records_of(root, tmp_path)
    assert built == 11 and (tmp_path / FILE).is_file()
    assert first == build_records(load_catalogue(root), TODAY_DATE, thumbnail)
    again, built = records_of(root, tmp_path)
    assert (again, built) == (first, 0)


def test_renaming_one_product_rebuilds_its_record_only(tmp_path):
    root = tmp_path / "catalogue_data"
    shutil.copytree(ROOTS / "search" / "catalogue_data", root)
    records_of(root, tmp_path / "cache")
    seller = root / "eksibitor" / "kopi-betawi-sejahtera.yaml"
    seller.write_text(seller.read_text().replace("nama: Kopi Robusta Betawi 250 g", "nama: Kopi Robusta Betawi 500 g"))
    records, built = records_of(root, tmp_path / "cache")
    assert built == 1
    assert records == build_records(load_catalogue(root), TODAY_DATE, thumbnail)
    assert "Kopi Robusta Betawi 500 g" in [record.name for record in records]


def test_renaming_a_seller_rebuilds_its_products_and_its_own_record(tmp_path):
    root = tmp_path / "catalogue_data"
    shutil.copytree(ROOTS / "search" / "catalogue_data", root)
    records_of(root, tmp_path / "cache")
    seller = root / "eksibitor" / "kopi-betawi-sejahtera.yaml"
    text = seller.read_text()
    seller.write_text(text.replace("nama: Kopi Betawi Sejahtera", "nama: Kopi Betawi Makmur", 1))
    records, built = records_of(root, tmp_path / "cache")
    products = [record.url for record in records if record.url.startswith("/produk/") and "Makmur" in record.content]
    assert built == len(products) + 1 and len(products) == 3
    assert records == build_records(load_catalogue(root), TODAY_DATE, thumbnail)
