"""Search records kept between builds (etalase.search.kept_records, in etalase.outputs.fragments): one edit rebuilds
only the records it touches, in both editions."""

from __future__ import annotations

import shutil
from dataclasses import replace

from etalase.data.catalogue import load_catalogue
from etalase.outputs.fragments import SEARCH, Fragments
from etalase.outputs.site import Site
from etalase.search import kept_records
from etalase.search.cache import bundle_key
from etalase.search.records import build_records
from etalase.site import editions
from etalase.site.sources import Sources

from tests.conftest import ROOTS, TODAY_DATE


def thumbnail(photo) -> str:
    """A thumbnail URL per photo file (as the generator's comes from the prepared variants)."""
    return f"gambar/{photo.file.replace('/', '-')}-320.webp"


def records_of(root, cache, lang="id"):
    """The search records of ``root`` (its ``lang`` edition), kept in ``cache``, and how many were built."""
    catalogue = load_catalogue(root)
    fragments = Fragments(cache / SEARCH, Sources(catalogue, {}, "site", TODAY_DATE))
    site = Site(siteurl="https://etalase.example.go.id", sitename="Etalase", today=TODAY_DATE)
    shown = editions.edition(catalogue, lang).catalogue
    found = kept_records(shown, TODAY_DATE, thumbnail, fragments, site, lang)
    fragments.save()
    return found


def copied(tmp_path):
    """A copy of the search root's catalogue to edit."""
    return shutil.copytree(ROOTS / "search" / "catalogue_data", tmp_path / "catalogue_data")


def test_records_are_built_once_and_then_reused_unchanged(tmp_path):
    root = ROOTS / "search" / "catalogue_data"
    first, built = records_of(root, tmp_path)
    assert built == 11 and (tmp_path / SEARCH).is_file()
    assert first == build_records(load_catalogue(root), TODAY_DATE, thumbnail)
    again, built = records_of(root, tmp_path)
    assert (again, built) == (first, 0)


def after_edit(tmp_path, file: str, old: str, new: str, lang: str = "id"):
    """Keep the records of a copy of the search root, replace ``old`` by ``new`` in its ``file``; the records then,
    how many were built, and the copy."""
    root = copied(tmp_path)
    assert records_of(root, tmp_path / "cache", lang)[1] == 11
    path = root / file
    path.write_text(path.read_text().replace(old, new, 1))
    return *records_of(root, tmp_path / "cache", lang), root


KOPI = "eksibitor/kopi-betawi-sejahtera.yaml"


def test_the_english_records_are_kept_too(tmp_path):
    records, built, root = after_edit(tmp_path, KOPI, "nama: Kopi Robusta Betawi 250 g",
                                      "nama: Kopi Robusta Betawi 500 g", "en")
    assert records == build_records(editions.edition(load_catalogue(root), "en").catalogue, TODAY_DATE, thumbnail,
                                    "en")
    assert built == 1 and "Kopi Robusta Betawi 500 g" in [record.name for record in records]


def test_renaming_one_product_rebuilds_its_record_only(tmp_path):
    records, built, root = after_edit(tmp_path, KOPI, "nama: Kopi Robusta Betawi 250 g",
                                      "nama: Kopi Robusta Betawi 500 g")
    assert built == 1
    assert records == build_records(load_catalogue(root), TODAY_DATE, thumbnail)
    assert "Kopi Robusta Betawi 500 g" in [record.name for record in records]


def test_renaming_a_seller_rebuilds_its_products_and_its_own_record(tmp_path):
    records, built, root = after_edit(tmp_path, KOPI, "nama: Kopi Betawi Sejahtera", "nama: Kopi Betawi Makmur")
    products = [record.url for record in records if record.url.startswith("/produk/") and "Makmur" in record.content]
    assert built == len(products) + 1 and len(products) == 3
    assert records == build_records(load_catalogue(root), TODAY_DATE, thumbnail)


def test_a_seller_joining_a_batch_rebuilds_the_records_that_filter_by_it(tmp_path):
    records, built, root = after_edit(tmp_path, "batch/batch-8.yaml", "  - batik-rawamangun\n",
                                      "  - batik-rawamangun\n  - bank-contoh\n")
    assert records == build_records(load_catalogue(root), TODAY_DATE, thumbnail)
    bank = next(record for record in records if record.url == "/eksibitor/bank-contoh/")
    assert "batch-8" in str(bank.filters) and 0 < built < len(records)


def test_kept_records_keep_their_digest_so_a_shard_key_reads_no_record_again(tmp_path):
    catalogue = load_catalogue(ROOTS / "search" / "catalogue_data")
    site = Site(siteurl="https://etalase.example.go.id", sitename="Etalase", today=TODAY_DATE)
    first = Fragments(tmp_path / SEARCH, Sources(catalogue, {}, "site", TODAY_DATE))
    records, _ = kept_records(catalogue, TODAY_DATE, thumbnail, first, site)
    key = bundle_key(records)  # as bundle_files does, before the generator saves the records
    first.save()
    again = Fragments(tmp_path / SEARCH, Sources(catalogue, {}, "site", TODAY_DATE))
    kept, built = kept_records(catalogue, TODAY_DATE, thumbnail, again, site)
    assert built == 0 and all("digest" in vars(record) for record in kept) and bundle_key(kept) == key
    renamed = replace(kept[0], content=kept[0].content + " baru")
    assert renamed.digest != kept[0].digest and bundle_key([renamed, *kept[1:]]) != key
