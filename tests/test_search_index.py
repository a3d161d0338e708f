"""The Pagefind bundle written from the search records: real Pagefind, no browser."""

from __future__ import annotations

import asyncio
import gzip
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.errors import SearchError
from etalase.search.index import UNUSED, page_ids, write_index
from etalase.search.records import build_records
from etalase.search.sentinel import SENTINEL_URL

from tests.conftest import ROOTS, TODAY_DATE
from tests.site_helpers import tree

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def records():
    """The records of the search root."""
    return build_records(load_catalogue(ROOTS / "search" / "catalogue_data"), TODAY_DATE)


@pytest.fixture(scope="module")
def output(tmp_path_factory, records):
    """An output folder with the bundle written once, without a cache."""
    out = tmp_path_factory.mktemp("search") / "output"
    out.mkdir()
    write_index(records, out)
    return out


def test_the_bundle_has_what_search_js_loads_and_nothing_it_does_not(output):
    bundle = output / "pagefind"
    for name in ("pagefind.js", "pagefind-entry.json", "wasm.id.pagefind", "cari.json"):
        assert (bundle / name).is_file(), name
    for name in UNUSED:
        assert not (bundle / name).exists(), name
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["id"]
    assert sorted(p.name for p in output.iterdir()) == ["pagefind"]  # no staging folder left behind


def test_every_record_is_indexed_and_withdrawn_ones_are_not(output, records):
    indexed = page_ids(output / "pagefind")
    assert sorted(indexed) == sorted([*(r.url for r in records), SENTINEL_URL])
    assert "/produk/kopi-lama-ditarik/" not in indexed
    assert "/eksibitor/toko-ditarik/" not in indexed
    assert not any("ditarik" in url for url in indexed)


def test_order_lists_name_pagefind_page_ids(output):
    bundle = output / "pagefind"
    ids = page_ids(bundle)
    manifest = json.loads((bundle / "cari.json").read_text())["urutan"]
    price = json.loads((bundle / manifest["harga"]).read_text())
    assert price[0] == ids["/produk/kopi-robusta-betawi-250g/"]
    assert len(price) == 6 and set(price) <= set(ids.values())


def test_the_manifest_names_the_sentinel_which_has_no_facet_and_no_title(output):
    bundle = output / "pagefind"
    [sentinel] = json.loads((bundle / "cari.json").read_text())["penjaga"]  # one shard: one sentinel
    assert page_ids(bundle)[SENTINEL_URL] == sentinel
    fragment = json.loads(gzip.decompress((bundle / "fragment" / f"{sentinel}.pf_fragment").read_bytes())[12:])
    assert fragment["filters"] == {} and fragment["meta"] == {} and fragment["content"] == ""  # compact.py
    # Its words, from the index itself (fragments keep no text): each once, at a position of its own.
    words = indexed_words(bundle, sentinel)
    assert {"a", "zz", "09", "x", "dan", "yang"} <= set(words) and all(len(at) == 1 for at in words.values())
    assert len({position for at in words.values() for _, position in at}) == len(words)


def indexed_words(bundle, page_id):
    """``{word: [(weight, position), …]}`` of one page, read from every index chunk of the bundle."""
    from etalase.search.postings import read_chunk
    from etalase.search.stable import SIGNATURE, read

    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    [page] = [number for number, (hash_, _) in enumerate(meta[1]) if hash_ == page_id]
    words = {}
    for _, _, chunk in meta[2]:
        data = gzip.decompress((bundle / "index" / f"{chunk}.pf_index").read_bytes())[len(SIGNATURE):]
        for word, postings in read_chunk(data):
            words.update((word, located) for number, located, _ in postings if number == page)
    return words


def test_no_record_may_take_the_sentinels_url(tmp_path, records):
    with pytest.raises(SearchError, match="the sentinel's URL"):
        write_index([*records[:1], replace(records[1], url=SENTINEL_URL)], tmp_path)


def test_it_runs_inside_a_running_event_loop(tmp_path, records):
    async def build_from_async_code():
        assert asyncio.get_running_loop()
        return write_index(records[:3], tmp_path)

    with ThreadPoolExecutor(1) as pool:  # a thread of its own: pytest-playwright may run a loop in this one
        stats = pool.submit(asyncio.run, build_from_async_code()).result()
    assert stats.records == 3 and (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_a_cached_bundle_is_reused_byte_for_byte(tmp_path, records):
    first = write_index(records, tmp_path / "one", tmp_path / "cache")
    second = write_index(records, tmp_path / "two", tmp_path / "cache")
    assert (first.cached, second.cached) == (False, True)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    changed = write_index(records[1:], tmp_path / "three", tmp_path / "cache")
    assert not changed.cached
    assert records[0].url not in page_ids(tmp_path / "three" / "pagefind")


def test_a_missing_pagefind_binary_is_a_search_error_and_the_old_bundle_stays(tmp_path, records, monkeypatch):
    write_index(records[:2], tmp_path)
    before = tree(tmp_path)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    with pytest.raises(SearchError, match="the Pagefind binary cannot run"):
        write_index(records, tmp_path)
    assert tree(tmp_path) == before


def test_two_records_at_one_url_are_refused(tmp_path, records):
    with pytest.raises(SearchError, match="two search records share a URL"):
        write_index([records[0], records[0]], tmp_path)


def test_cold_indexings_are_byte_identical(tmp_path, records):
    # Pagefind writes filter values in hash-map order (Pagefind #638); etalase.search.stable sorts them.
    trees = []
    for run in range(3):
        write_index(records, tmp_path / str(run))
        trees.append(tree(tmp_path / str(run)))
    assert trees[0] == trees[1] == trees[2]
    assert sum(path.startswith("pagefind/filter/") for path in trees[0]) == 8  # one per facet


def test_a_stable_bundle_still_filters_and_counts_like_pagefinds_own(output):
    from etalase.search.stable import decode, encode, read

    bundle = output / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    filters = dict(meta[3])
    assert list(filters) == sorted(filters) and set(filters) == {
        "batch", "kategori", "kota", "pdn", "pelaku", "sertifikasi", "tipe", "tkdn"}
    name, values = read(bundle / "filter" / f"{filters['kategori']}.pf_filter")
    assert name == "kategori" and [value for value, _ in values] == ["fesyen", "jasa", "minuman", "wastra"]
    assert [len(pages) for value, pages in values] == [2, 1, 3, 1]
    assert decode(encode(meta)) == meta


def test_a_publish_build_past_its_bundle_size_writes_squeezed_merged_bundles(tmp_path, records, monkeypatch):
    """Past ``PUBLISH_SHARD_RECORDS`` a publish build splits (Pagefind's scoring grows with the square of a word's
    matches): the primary at pagefind/ with the script and wasm, the others under s/<k>/, every record once."""
    from etalase.search import shards

    monkeypatch.setattr(shards, "PUBLISH_SHARD_RECORDS", 4)
    write_index(records, tmp_path, sharded=False)
    bundle = tmp_path / "pagefind"
    manifest = json.loads((bundle / "cari.json").read_text())
    assert manifest["bagian"] == ["s/1/", "s/2/", "s/3/"] and len(manifest["penjaga"]) == 4
    assert (bundle / "pagefind.js").is_file() and not list((bundle / "s").rglob("pagefind.js"))
    assert not list((bundle / "s").rglob("wasm.*"))
    urls = [url for folder in [bundle, *(bundle / part for part in manifest["bagian"])] for url in page_ids(folder)]
    assert sorted(url for url in urls if not url.startswith(SENTINEL_URL)) == sorted(record.url for record in records)
