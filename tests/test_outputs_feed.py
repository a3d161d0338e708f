"""The Atom feed of products: valid Atom 1.0 elements, newest first, stable IDs, withdrawn left out."""

from __future__ import annotations

import datetime as dt
from xml.etree.ElementTree import Element

from etalase.outputs.feed import FALLBACK_DATE, NAMESPACE, default_date, newest, produce_feed, product_feed
from outputs_helpers import SITEURL, parse_xml, rich_catalogue, sample_catalogue, site

A = f"{{{NAMESPACE}}}"


def _feed(catalogue, **kwargs) -> Element:
    [artifact] = produce_feed(catalogue, site(**kwargs))
    assert artifact.path == "feed/produk.atom"
    return parse_xml(artifact.data)


def _one(node: Element, tag: str) -> Element:
    found = node.findall(A + tag)
    assert len(found) == 1, f"{tag}: {len(found)}"
    return found[0]


def test_feed_has_the_required_atom_elements(tmp_path):
    feed = _feed(sample_catalogue(tmp_path))
    assert feed.tag == A + "feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    assert _one(feed, "id").text == "tag:etalase.example.go.id,2023:feed/produk"
    assert _one(feed, "title").text == "Produk baru — Etalase PDN Jakarta"
    assert _one(feed, "updated").text == "2023-11-06T00:00:00+07:00"
    assert _one(_one(feed, "author"), "name").text.startswith("Dinas Perindustrian")
    links = {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}
    assert links == {"self": f"{SITEURL}/feed/produk.atom", "alternate": f"{SITEURL}/produk/"}


def test_every_entry_has_id_title_link_updated_author_category_and_summary(tmp_path):
    catalogue = sample_catalogue(tmp_path)
    entries = _feed(catalogue).findall(A + "entry")
    assert len(entries) == len(catalogue.listings)
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert _one(entry, tag).text
        assert _one(entry, "link").get("href").startswith(f"{SITEURL}/produk/")
        assert _one(_one(entry, "author"), "name").text
        assert _one(entry, "category").get("term") in catalogue.categories
        dt.datetime.fromisoformat(_one(entry, "updated").text)


def test_entry_of_the_sample_coffee(tmp_path):
    feed = _feed(sample_catalogue(tmp_path))
    [entry] = [e for e in feed.findall(A + "entry") if "kopi-robusta" in _one(e, "id").text]
    assert _one(entry, "id").text == "tag:etalase.example.go.id,2023:produk/kopi-robusta-betawi-250g"
    assert _one(entry, "link").get("href") == f"{SITEURL}/produk/kopi-robusta-betawi-250g/"
    assert _one(_one(entry, "author"), "name").text == "Kopi Betawi Sejahtera"
    assert _one(_one(entry, "author"), "uri").text == f"{SITEURL}/eksibitor/kopi-betawi-sejahtera/"
    category = _one(entry, "category")
    assert (category.get("term"), category.get("label")) == ("minuman", "Minuman")
    assert _one(entry, "summary").get("type") == "text"


def test_entries_are_newest_batch_first_and_unshown_products_take_the_figure_date(tmp_path):
    catalogue = rich_catalogue(tmp_path)
    entries = _feed(catalogue).findall(A + "entry")
    order = [(_one(e, "id").text.rsplit("/", 1)[1], _one(e, "updated").text[:10]) for e in entries]
    assert order == [
        ("sambal-rumus", "2023-12-04"),
        ("kopi-robusta-betawi-250g", "2023-11-06"),  # batch 9 showed it first; batch 10 again
        ("smkn32-tas-batik", "2023-11-06"),
        ("batik-belum-ikut", "2023-11-05"),  # in no batch: the programme figure's per_tanggal
    ]
    assert _one(_feed(catalogue), "updated").text == "2023-12-04T00:00:00+07:00"


def test_withdrawn_products_and_sellers_are_not_in_the_feed(tmp_path):
    [artifact] = produce_feed(rich_catalogue(tmp_path), site())
    for withdrawn in (b"produk-mundur", b"sambal-ditarik", b"Usaha Mundur"):
        assert withdrawn not in artifact.data


def test_text_is_escaped_and_markdown_is_gone(tmp_path):
    feed = _feed(rich_catalogue(tmp_path))
    [entry] = [e for e in feed.findall(A + "entry") if "sambal-rumus" in _one(e, "id").text]
    assert _one(entry, "title").text == '+Sambal Bawang, "Pedas"; level 5'
    assert _one(entry, "summary").text == '-10% untuk pembeli pemerintah. Baris kedua.\n\n=HYPERLINK("http://contoh.invalid","klik")'


def test_feed_is_capped_and_falls_back_without_figures(tmp_path):
    catalogue = sample_catalogue(tmp_path)
    assert len(parse_xml(product_feed(catalogue, site(), limit=1)).findall(A + "entry")) == 1
    catalogue.programme = catalogue.programme.model_copy(update={"figures": []})
    assert default_date(catalogue) == FALLBACK_DATE
    assert [day for day, _ in newest(catalogue)] == [dt.date(2023, 11, 6)] * 2


def test_feed_bytes_are_identical_across_runs(tmp_path):
    assert produce_feed(rich_catalogue(tmp_path / "a"), site()) == produce_feed(rich_catalogue(tmp_path / "b"), site())
