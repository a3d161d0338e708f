"""The page model's building blocks: pagination, pages and what producers see."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.site.pages import Page, PageRef, Pagination, SiteInfo, paginate, refs


def test_pagination_links_neighbours_and_counts_items():
    middle = Pagination("kategori/kuliner/", 2, 3, 50, 24)
    assert (middle.prev_url, middle.next_url) == ("kategori/kuliner/", "kategori/kuliner/halaman/3/")
    assert (middle.first_item, middle.last_item) == (25, 48)
    first, last = Pagination("produk/", 1, 3, 50, 24), Pagination("produk/", 3, 3, 50, 24)
    assert first.prev_url is None and last.next_url is None and last.last_item == 50


@pytest.mark.parametrize(
    ("number", "count", "expected"),
    [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, None, 5]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
    ],
)
def test_page_numbers_leave_out_long_runs(number, count, expected):
    assert Pagination("produk/", number, count, count * 24, 24).numbers() == expected


def test_paginate_splits_items_and_keeps_an_empty_first_page():
    made = []

    def make(url, title, chunk, pagination):
        made.append((url, title, list(chunk), pagination.number))
        return Page(url, "listing", "kategori", title)

    pages = paginate("kategori/x/", list(range(5)), 2, make, "Kategori X")
    assert [p.url for p in pages] == ["kategori/x/", "kategori/x/halaman/2/", "kategori/x/halaman/3/"]
    assert made[1] == ("kategori/x/halaman/2/", "Kategori X (halaman 2)", [2, 3], 2)
    made.clear()
    assert [p.url for p in paginate("kategori/y/", [], 24, make, "Kategori Y")] == ["kategori/y/"]


def test_redirects_404_and_search_are_not_indexable():
    assert Page("produk/x/", "product", "produk", "X").indexable
    for kind in ("redirect", "404", "search"):
        assert not Page("a/", "t", kind, "A").indexable
    assert Page("", "home", "home", "H").file == "index.html"
    assert Page("404.html", "404", "404", "N").file == "404.html"


def test_site_info_speaks_the_producers_protocol():
    pages = [Page("", "home", "home", "Beranda"), Page("produk/lama/", "redirect", "redirect", "Pindah")]
    content = [PageRef("tentang/", "konten", "tentang", "Tentang", True)]
    site = SiteInfo("https://etalase.contoh.go.id/", "Etalase", dt.date(2023, 11, 7), refs(pages, content),
                    {"foto/a.jpg": "gambar/a.jpg"})
    assert site.page_urls == (("", True), ("produk/lama/", False), ("tentang/", True))
    assert site.url("produk/x/") == "https://etalase.contoh.go.id/produk/x/"
    assert site.is_absolute and not SiteInfo("", "E", dt.date(2023, 1, 1)).is_absolute
    assert site.photo_urls["foto/a.jpg"] == "gambar/a.jpg"
