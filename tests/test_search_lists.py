"""The browse lists (etalase.search.lists): cards, facet value lists, orders and words, against tests/roots/search."""

from __future__ import annotations

import json

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.search import lists
from etalase.search.records import build_records

from tests.conftest import ROOTS, TODAY_DATE


@pytest.fixture(scope="module")
def records():
    """The search root's 11 records (7 products, 4 sellers)."""
    return build_records(load_catalogue(ROOTS / "search" / "catalogue_data"), TODAY_DATE)


@pytest.fixture(scope="module")
def files(records):
    """The written lists by path (the content-addressed folder left out), decoded."""
    found = {artifact.path: json.loads(artifact.data) for artifact in lists.list_files(records)}
    folder = found[lists.MANIFEST]["folder"]
    return {path.removeprefix(folder): data for path, data in found.items()}


def undelta(gaps: list[int]) -> list[int]:
    out, at = [], 0
    for gap in gaps:
        at += gap
        out.append(at)
    return out


def test_every_record_has_one_card_in_browse_order(records, files):
    ordered = lists.ordinals(records)
    cards = files["kartu-0.json"]
    assert [card[0] for card in cards] == [record.url for record in ordered]
    robusta = next(card for card in cards if card[0] == "/produk/kopi-robusta-betawi-250g/")
    assert robusta[1:5] == ["Kopi Robusta Betawi 250 g", "Rp\u00a045.000", "per bungkus",
                            "Kopi Betawi Sejahtera · Jakarta Timur"]
    assert robusta[6:] == [0, 1, 1]  # a product, halal, wajib PDN


def test_a_facet_value_lists_exactly_the_records_that_carry_it(records, files):
    ordered = lists.ordinals(records)
    for key, values in files[lists.MANIFEST]["counts"].items():
        for value, count in values.items():
            members = undelta(files[f"{key}/{value}.json"])
            assert members == [i for i, r in enumerate(ordered) if value in r.filters.get(key, ())]
            assert count == len(members) > 0


def test_orders_list_ordinals_by_their_key_and_leave_out_records_without_one(records, files):
    ordered = lists.ordinals(records)
    by_price = [ordered[i].url for i in files["urutan/harga-0.json"]]
    assert by_price[:2] == ["/produk/kopi-robusta-betawi-250g/", "/produk/kopi-arabika-gayo-200g/"]
    assert "/produk/kredit-modal-kerja-umkm/" not in by_price and len(by_price) == 6
    assert files[lists.MANIFEST]["orders"] == {"nama": 11, "harga": 6, "tkdn": 3}


def test_order_files_are_split_in_chunks(records, monkeypatch):
    monkeypatch.setattr(lists, "ORDER_CHUNK", 4)
    monkeypatch.setattr(lists, "CARDS_PER_FILE", 5)
    paths = [artifact.path.rsplit("/", 1)[-1] for artifact in lists.list_files(records)]
    assert [p for p in paths if p.startswith("nama-")] == ["nama-0.json", "nama-1.json", "nama-2.json"]
    assert [p for p in paths if p.startswith("kartu-")] == ["kartu-0.json", "kartu-1.json", "kartu-2.json"]


def test_the_word_list_holds_the_words_of_names_most_frequent_first(files):
    words = dict(files["kata.json"])
    assert words["kopi"] == 4 and words["batik"] == 4 and "gayo" in words
    assert list(words)[:2] == ["batik", "kopi"]
    assert all(len(word) >= 3 and word.isalpha() for word in words)


def test_the_lists_are_byte_identical_for_the_same_records(records):
    assert lists.list_files(records) == lists.list_files(list(reversed(records)))
