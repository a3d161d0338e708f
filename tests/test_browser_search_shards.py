"""Search over a generated catalogue big enough for several index shards and list files, in Chromium.

benchmarks/synth.py writes 150 products (about 165 records). Built once with one
shard and once with eight (``shards.SHARD_RECORDS`` lowered), every query must
find the same records; the browse view pages through several card files and
order files (``lists.ORDER_CHUNK`` lowered) in the order the lists promise.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from etalase.build import build
from etalase.search import lists, shards

from tests.browser_helpers import page_errors, served, wait_for_search
from tests.conftest import PROJECT, TODAY

sys.path.insert(0, str(PROJECT / "benchmarks"))
from synth import write_catalogue  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = ["kopi", "batik", "membatik", "kopi robusta", "kopiz", "jakarta", "xyzzy", "sambel"]


def built(tmp_path_factory, image_cache, name: str, per_shard: int):
    """The synthetic catalogue built with ``per_shard`` records per shard; its output folder."""
    root = tmp_path_factory.mktemp(name)
    data = write_catalogue(root, 150, seed=3)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "SHARD_RECORDS", per_shard)
        patch.setattr(lists, "ORDER_CHUNK", 25)
        build(PROJECT / "pelicanconf.py", {
            "OUTPUT_PATH": str(root / "output"), "ETALASE_CATALOGUE": str(data),
            "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_SEARCH_CACHE": str(root / "search-cache"),
            "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY,
        })
    return root / "output"


@pytest.fixture(scope="module")
def sites(tmp_path_factory, image_cache):
    """The base URLs of the one-shard and the eight-shard build."""
    one = built(tmp_path_factory, image_cache, "one-shard", 10_000)
    eight = built(tmp_path_factory, image_cache, "eight-shards", 25)
    with served(one) as first, served(eight) as second:
        yield first, second, eight


def found(page, base: str, query: str) -> tuple[str, list[str]]:
    """The status line and every result's URL for ``query`` (all pages loaded)."""
    page.goto(f"{base}cari/?q={query}")
    wait_for_search(page)
    while page.locator("#lebih").is_visible():
        count = page.locator("#hasil .card").count()
        page.locator("#lebih").click()
        page.wait_for_function(f"() => document.querySelectorAll('#hasil .card').length > {count}")
    urls = page.locator("#hasil .card a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    return page.locator("#cari-status").text_content(), sorted(urls)


def test_the_big_build_has_several_shards_list_files_and_order_files(sites):
    output = sites[2]
    manifest = json.loads((output / "pagefind" / "cari.json").read_text())
    assert manifest["bagian"] == [f"s/{k}/" for k in range(1, 8)] and len(manifest["penjaga"]) == 8
    for k in range(1, 8):
        shard = output / "pagefind" / "s" / str(k)
        assert (shard / "pagefind-entry.json").is_file() and not (shard / "pagefind.js").exists()
    index = json.loads((output / "pagefind" / "daftar" / "indeks.json").read_text())
    folder = output / "pagefind" / index["folder"]
    assert index["n"] > 150 and len(list(folder.glob("kartu-*.json"))) == -(-index["n"] // lists.CARDS_PER_FILE)
    assert len(list((folder / "urutan").glob("nama-*.json"))) > 5


def test_eight_shards_find_exactly_what_one_index_finds(page, sites):
    errors = page_errors(page)
    one, eight, _ = sites
    for query in QUERIES:
        assert found(page, eight, query) == found(page, one, query), query
    assert found(page, eight, "xyzzy")[1] == [] and found(page, eight, "kopi")[1]
    assert errors == []


def test_the_browse_view_pages_through_several_list_files_in_order(page, sites):
    errors = page_errors(page)
    _, eight, output = sites
    page.goto(f"{eight}cari/?tipe=produk&urut=harga")
    wait_for_search(page)
    index = json.loads((output / "pagefind" / "daftar" / "indeks.json").read_text())
    assert page.locator("#cari-status").text_content() == f"{index['counts']['tipe']['produk']} hasil"
    for step in range(2, 6):  # 60 results: more than one card file, more than one order file of 25
        page.locator("#lebih").click()
        page.wait_for_function(f"() => document.querySelectorAll('#hasil .card').length === {12 * step}")
    prices = page.locator("#hasil .price").evaluate_all("ps => ps.map((p) => p.firstChild.textContent)")
    numbers = [int(re.sub(r"\D", "", price.split("–")[0])) for price in prices]  # a range by its lower price
    assert len(numbers) == 60 and numbers == sorted(numbers)
    assert errors == []
