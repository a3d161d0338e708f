"""Each product's encoded parts of the data files are kept between builds: an edit re-encodes only what it changed."""

from __future__ import annotations

from etalase.data.catalogue import load_catalogue
from etalase.outputs.fragments import Fragments
from etalase.outputs.opendata import open_data, produce_open_data
from etalase.outputs.shortlist import produce_shortlist, shortlist_documents
from etalase.site.sources import Sources
from outputs_helpers import TODAY, rich_catalogue, site

KOPI_FILE = "eksibitor/kopi-betawi-sejahtera.yaml"


def _build(catalogue, store, siteurl="https://etalase.example.go.id") -> tuple[dict[str, bytes], int, int]:
    """One build's data files; how many products' open data and shortlist entries it had to encode."""
    fragments = Fragments(store, Sources(catalogue, {}, "site", TODAY))
    artifacts, encoded = open_data(catalogue, site(siteurl), fragments)
    listed = shortlist_documents(catalogue, site(siteurl), fragments=fragments)[2]
    fragments.save()
    return {a.path: a.data for a in artifacts}, encoded, listed


def _edit(root, old: str, new: str):
    """Change one line of the Kopi exhibitor's file and load the catalogue again."""
    path = root / KOPI_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return load_catalogue(root)


def test_an_edit_re_encodes_exactly_the_edited_product_and_gives_the_bytes_of_encoding_all(tmp_path):
    catalogue, store = rich_catalogue(tmp_path), tmp_path / "build" / "fragments.pickle"
    root, products = catalogue.root, len(catalogue.listings)
    assert products > 2
    assert _build(catalogue, store)[1:] == (products, products)
    kept = store.read_bytes()
    assert _build(load_catalogue(root), store)[1:] == (0, 0)
    assert store.read_bytes() == kept  # nothing new to keep
    edited = _edit(root, "min_pesan: 10", "min_pesan: 12")
    files, encoded, listed = _build(edited, store)
    assert (encoded, listed) == (1, 1)
    assert files == {a.path: a.data for a in produce_open_data(edited, site())}
    again = Fragments(store, Sources(edited, {}, "site", TODAY))
    assert produce_shortlist(edited, site(), again) == produce_shortlist(edited, site())
    assert b'"min_order":12' in files["data/katalog.json"]


def test_a_seller_rename_re_encodes_its_products_and_a_new_site_url_every_product(tmp_path):
    catalogue, store = rich_catalogue(tmp_path), tmp_path / "fragments.pickle"
    _build(catalogue, store)
    renamed = _edit(catalogue.root, "nama: Kopi Betawi Sejahtera", "nama: Kopi Betawi Makmur")
    own = sum(1 for item in renamed.listings if item.owner.id == "kopi-betawi-sejahtera")
    files, encoded, listed = _build(renamed, store)
    assert (encoded, listed) == (own, own)
    assert files == {a.path: a.data for a in produce_open_data(renamed, site())}
    products = len(renamed.listings)
    assert _build(renamed, store, "https://lain.example.go.id")[1:] == (products, products)


def test_a_broken_or_missing_file_is_a_miss_and_no_file_no_sources_encode_everything(tmp_path):
    catalogue, store = rich_catalogue(tmp_path), tmp_path / "fragments.pickle"
    store.write_bytes(b"not a pickle")
    products = len(catalogue.listings)
    assert _build(catalogue, store)[1:] == (products, products)
    assert _build(catalogue, store)[1:] == (0, 0)
    assert open_data(catalogue, site(), Fragments())[1] == products
    assert not Fragments(None, Sources(catalogue, {}, "site", TODAY)).save()
