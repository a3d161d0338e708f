"""A compacted bundle (etalase/search/compact.py) ranks, filters and counts exactly like Pagefind's own, in Chromium.

Pagefind writes one bundle of the search root's records and of a generated
catalogue (hyphenated names such as Ondel-Ondel, whose parts share a position);
a copy goes through the build's steps (``compact``, then ``finish``). Both are
loaded in one page, each through its own ``pagefind.js``, and every query must
give the same results in the same order with the same scores, the same filter
counts, and fragments that name the same URLs.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.search.compact import compact
from etalase.search.index import finish, page_ids, write_pagefind
from etalase.search.records import CARD_FILTERS, build_records, card_meta
from etalase.search.sentinel import sentinel_record

from tests.browser_helpers import page_errors, served
from tests.conftest import PROJECT, ROOTS, TODAY_DATE

sys.path.insert(0, str(PROJECT / "benchmarks"))
from synth import write_catalogue  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Whole words, prefixes, several words, a typo, a compound's parts, a word in titles only, protected words.
QUERIES = ["kopi", "batik", "membatik", "batik tulis", "kopi robusta", "kop", "ba", "kopiz", "xyzzy",
           "ondel", "ondel ondel", "ondelondel", "iot", "jakarta timur", "keranjang rotan", "sambal", "dodol",
           "ǂkemejaǂ", "ǂkebayaǂ", "madu hutan", "tkdn", "halal", "umkm", "a", "dan", "25"]

COMPARE = """async (queries) => {
  const load = async (folder) => {
    const pagefind = await import(`/${folder}/pagefind.js`);
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    return pagefind;
  };
  const [raw, compacted] = [await load("raw"), await load("compact")];
  const run = async (pagefind, query, filters) => {
    const found = await pagefind.search(query, filters ? { filters } : {});
    const urls = await Promise.all(found.results.map(async (result) => (await result.data()).url));
    return { results: found.results.map((result, i) => [urls[i], result.score]), filters: found.filters };
  };
  const out = [];
  for (const query of queries) {
    for (const filters of [null, { tipe: { any: ["produk"] } }, { kategori: { any: ["minuman", "wastra"] } }]) {
      out.push([query, filters, await run(raw, query, filters), await run(compacted, query, filters)]);
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    """A folder holding ``raw/`` (Pagefind's bundle) and ``compact/`` (the same, finished as a build does)."""
    root = tmp_path_factory.mktemp("compact")
    data = write_catalogue(root / "synth", 60, seed=5)
    records = [*build_records(load_catalogue(ROOTS / "search" / "catalogue_data"), TODAY_DATE),
               *build_records(load_catalogue(data), TODAY_DATE)]
    records.append(sentinel_record(records))
    site = root / "site"
    write_pagefind(records, site / "raw")
    shutil.copytree(site / "raw", site / "compact")
    compact(site / "compact", CARD_FILTERS, card_meta)
    finish(site / "compact")
    (site / "index.html").write_text("<!doctype html><link rel=icon href=\"data:,\"><title>x</title>", encoding="utf-8")
    return site, records


def test_the_compacted_bundle_finds_ranks_and_counts_like_pagefinds_own(bundles, page):
    site, records = bundles
    errors = page_errors(page)
    with served(site) as base:
        page.goto(base)
        compared = page.evaluate(COMPARE, QUERIES)
    assert not errors
    found = 0
    for query, filters, raw, compacted in compared:
        assert compacted == raw, (query, filters)
        found += len(raw["results"])
    assert found > 500  # the queries do find things
    assert set(page_ids(site / "compact")) == {record.url for record in records}


def test_a_compacted_fragment_holds_the_card_in_clear_and_no_text(bundles):
    import gzip
    import json

    site, records = bundles
    record = next(r for r in records if r.url == "/produk/kopi-robusta-betawi-250g/")
    page_id = page_ids(site / "compact")[record.url]
    data = json.loads(gzip.decompress((site / "compact" / "fragment" / f"{page_id}.pf_fragment").read_bytes())[12:])
    assert data["meta"] == card_meta(record.meta) and data["meta"]["harga"].startswith("Rp")
    assert data["content"] == "" and set(data["filters"]) <= set(CARD_FILTERS)
    assert data["filters"]["tipe"] == ["produk"]
