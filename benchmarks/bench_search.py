"""Benchmark search at 10,000 products: index build, one rename, index size, and what a phone downloads per view.

    .venv/bin/python benchmarks/bench_search.py                  # 10,000 products (``invoke bench-search``)
    .venv/bin/python benchmarks/bench_search.py --products 1000  # a quicker run
    .venv/bin/python benchmarks/bench_search.py --native-sorts   # also size Pagefind's own sorts, for comparison

Steps: a seeded synthetic catalogue (benchmarks/synth.py) is written and
loaded, its search records are built (each product gets a thumbnail URL of its
own) and indexed by Pagefind without a cache (every shard), then once more from
the cache; then one product is renamed in its YAML file, the catalogue is
loaded again (not counted), and the search work is timed: the records (reused
but one) and the index (one shard again, the lists).
The byte counts come from Chromium: tests/roots/search is built for its real
/cari/ page and search.js, its pagefind/ folder is replaced by the big bundle,
and Playwright records every response of a cold visit on a phone-sized window.
Each body is counted gzip-compressed (Pagefind's own files are gzip already
and count as they are). Photos are not requested (they are not search bytes).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The day the benchmark's catalogue is "as of" (a fixed day: the numbers must not depend on the clock).
TODAY = dt.date(2023, 11, 9)
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks"), str(ROOT)]

from etalase.build import build  # noqa: E402
from etalase.data.catalogue import load_catalogue  # noqa: E402
from etalase.outputs.fragments import SEARCH, Fragments  # noqa: E402
from etalase.outputs.site import Site  # noqa: E402
from etalase.search import kept_records  # noqa: E402
from etalase.search.index import bundle_files, write_index  # noqa: E402
from etalase.search.shards import PUBLISH_SHARD_RECORDS, shard_count  # noqa: E402
from etalase.site.sources import Sources  # noqa: E402
from synth import write_catalogue  # noqa: E402

from tests.browser_helpers import served, wait_for_search  # noqa: E402

#: Issue 12's targets per catalogue size: (browse KB, browse s, typed query KB, typed query s, rename s).
TARGETS = {10_000: (60, 1.0, 150, 1.5, 3.0), 50_000: (80, 1.0, 250, 2.0, None)}
PHONE = {"width": 390, "height": 844}
CHROMIUM = {"executable_path": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--no-first-run"]}
#: What a visitor does, on a cold cache: (label, query string, then action on the same page or None).
VISITS = [
    ("browse: /cari/, nothing typed", "", None),
    ("browse: kategori=minuman", "?kategori=minuman", None),
    ("browse: kota=jakarta-timur&urut=harga", "?kota=jakarta-timur&urut=harga", None),
    ("browse: pdn=wajib&urut=nama", "?pdn=wajib&urut=nama", None),
    ("first query: kopi", "?q=kopi", None),
    ("first query: batik tulis", "?q=batik+tulis", None),
    ("first query: membatik", "?q=membatik", None),
    ("first query: xyzzy (no result)", "?q=xyzzy", None),
    ("first query: kopo (typo: suggestion)", "?q=kopo", None),
    ("then open 'Saring hasil' (counts, browse)", "?kategori=minuman", "facets"),
    ("then open 'Saring hasil' (counts, query)", "?q=kopi", "facets"),
    ("then order by price", "?q=kopi", "price"),
]
#: How long a visit may wait for its results: a search matching most of 50,000 records takes half a minute
#: in Pagefind 1.5.2 on a 2-core machine (docs/performance.md), and its bytes are still worth reporting.
SEARCH_WAIT_MS = 180_000
KINDS = [("lists", "/daftar/"), ("pagefind.js", "pagefind.js"), ("wasm", "wasm."), ("entry", "pagefind-entry.json"),
         ("manifest", "cari.json"), ("metadata", ".pf_meta"), ("index chunks", "/index/"),
         ("filter chunks", "/filter/"), ("fragments", "/fragment/"), ("orders", "urutan")]


def kind_of(url: str) -> str:
    """Which part of the search a response is, or ``page`` for everything else."""
    return next((kind for kind, marker in KINDS if marker in url), "page")


def transfer_size(body: bytes) -> int:
    """Bytes on the wire with gzip: files that are gzip already count as they are."""
    return len(body) if body[:2] == b"\x1f\x8b" else min(len(body), len(gzip.compress(body, 9)))


def thumbnail(photo) -> str:
    """A distinct, realistic thumbnail URL per product (the synthetic catalogue shares one photo file)."""
    return f"gambar/{hashlib.sha256(photo.alt.encode()).hexdigest()[:16]}-320.webp"  # the alt names the product


def timed(func, *args):
    """``(seconds, result)`` of one call."""
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def index_rows(bundle: Path) -> list[tuple[str, str]]:
    """Sizes of the bundle by kind of file."""
    groups: dict[str, list[int]] = {}
    for path in bundle.rglob("*"):
        if path.is_file():
            groups.setdefault(kind_of("/" + path.relative_to(bundle).as_posix()), []).append(path.stat().st_size)
    rows = [(kind, f"{len(groups[kind])} files, {sum(groups[kind]) / 1024:,.1f} KB"
             + (f" (largest {max(groups[kind]) / 1024:.1f} KB)" if len(groups[kind]) > 1 else ""))
            for kind, _ in KINDS if kind in groups]
    total = [size for sizes in groups.values() for size in sizes]
    return [*rows, ("whole bundle", f"{len(total)} files, {sum(total) / 1024 / 1024:,.1f} MB")]


def visit(browser, base: str, query: str, then: str | None) -> dict[str, int]:
    """Bytes per kind for one cold visit (and, with ``then``, only for the action that follows it)."""
    context = browser.new_context(viewport=PHONE)
    context.route("**/gambar/**", lambda route: route.abort())
    page = context.new_page()
    seen: list = []
    page.on("requestfinished", lambda request: seen.append(request))
    started = time.perf_counter()
    page.goto(f"{base}cari/{query}")
    wait_for_search(page, SEARCH_WAIT_MS)
    if then:
        page.wait_for_load_state("networkidle")
        seen.clear()
        started = time.perf_counter()
        if then == "facets":
            page.locator("#saring summary").click()
        else:
            page.locator("#urut").select_option("harga")
        wait_for_search(page, SEARCH_WAIT_MS)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    sizes: dict[str, int] = {}
    for request in seen:
        response = request.response()
        if response is not None and response.ok:
            kind = kind_of(request.url)
            sizes[kind] = sizes.get(kind, 0) + transfer_size(response.body())
    context.close()
    sizes["milliseconds"] = round(seconds * 1000)  # until the results show (Pagefind's search runs in the page)
    return sizes


def measure_downloads(output: Path) -> list[tuple[str, dict[str, int]]]:
    """Every visit of :data:`VISITS` in Chromium against ``output``."""
    from playwright.sync_api import sync_playwright

    with served(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**CHROMIUM)
        rows = [(label, visit(browser, base, query, then)) for label, query, then in VISITS]
        browser.close()
    return rows


async def _native_sorts(records, target: Path) -> None:
    """Index with Pagefind's own sort keys (the design not taken), to size its metadata file."""
    from etalase.search.index import _service_class

    service = await _service_class()().launch()
    index = await service.create_index({"force_language": "id"})
    for start in range(0, len(records), 256):
        await asyncio.gather(*(index.add_custom_record(
            url=r.url, content=r.content, language="id", meta=dict(r.meta),
            filters={k: list(v) for k, v in r.filters.items()}, sort={k: str(v) for k, v in r.order.items()},
        ) for r in records[start:start + 256]))
    await index.write_files(output_path=str(target))
    await service.close()


def download_table(rows: list[tuple[str, dict[str, int]]], products: int) -> str:
    """The downloads as a table: search bytes by kind, total against the targets, and the page's own bytes."""
    kinds = [kind for kind, _ in KINDS]
    targets = TARGETS.get(products)
    head = ["visit (gzip KB)", *kinds, "search total", "page+js", "seconds"]
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for label, sizes in rows:
        total, seconds = sum(sizes.get(kind, 0) for kind in kinds) / 1024, sizes["milliseconds"] / 1000
        limit = None if not targets or label.startswith("then") else \
            targets[:2] if label.startswith("browse") else targets[2:4]
        mark = "" if limit is None else (" ✓" if total <= limit[0] else " ✗")
        time_mark = "" if limit is None else (" ✓" if seconds <= limit[1] else " ✗")
        cells = [f"{sizes.get(kind, 0) / 1024:.1f}" for kind in kinds]
        lines.append(" | ".join([label, *cells, f"{total:.1f}{mark}", f"{sizes.get('page', 0) / 1024:.1f}",
                                 f"{seconds:.2f}{time_mark}"]))
    return "\n".join(lines)


#: What the records' keys read of the site (its URL); the bench's thumbnails come from :func:`thumbnail`.
SITE = Site(siteurl="https://etalase.contoh.go.id", sitename="Etalase", today=TODAY)


def records_of(data: Path, cache: Path) -> tuple:
    """Load the catalogue (not timed); ``(catalogue, the store of its search records in cache)``."""
    catalogue = load_catalogue(data)
    return catalogue, Fragments(cache / SEARCH, Sources(catalogue, {}, "bench", TODAY))


def kept(catalogue, fragments: Fragments) -> tuple[list, int]:
    """The search records, built where ``fragments`` lacks them (and kept for next time); how many were built."""
    found = kept_records(catalogue, TODAY, thumbnail, fragments, SITE)
    fragments.save()
    return found


def rename_one(data: Path) -> None:
    """Rename the first product of the first exhibitor file, in its YAML."""
    path = sorted((data / "eksibitor").glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    at = text.index("    nama: ", text.index("produk:"))
    path.write_text(text[:at] + "    nama: Nama Baru Sekali" + text[text.index("\n", at):], encoding="utf-8")


def search_work(data: Path, site: Path, cache: Path) -> tuple[float, float, int]:
    """Seconds of search work after renaming one product (the records, then the bundle's files as the generator
    gets them from ``bundle_files``), the seconds of also linking every file into a fresh folder, records built."""
    rename_one(data)
    catalogue, fragments = records_of(data, cache)
    for source in [*catalogue.listings, *catalogue.exhibitors.values(), *catalogue.schools.values()]:
        fragments.key(source, SITE)  # a build has these page-source digests already: its pages' keys computed them
    started = time.perf_counter()
    records, built = kept(catalogue, fragments)
    bundle_files(records, cache)
    work = time.perf_counter() - started
    write_index(records, site, cache)
    return work, time.perf_counter() - started, built


def main(argv: list[str] | None = None) -> int:
    """Generate, index, rename, measure and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--native-sorts", action="store_true", help="also index with Pagefind's own sort keys")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        tmp = Path(tmp)
        timings = []
        seconds, data = timed(write_catalogue, tmp / "synth", args.products, args.seed)
        timings.append(("write synthetic catalogue (YAML)", seconds))
        seconds, (catalogue, fragments) = timed(records_of, data, tmp / "cache")
        timings.append(("load and validate the catalogue", seconds))
        seconds, (records, _) = timed(kept, catalogue, fragments)
        timings.append((f"build {len(records):,} search records (cold)", seconds))
        site = build(ROOT / "pelicanconf.py", {
            "OUTPUT_PATH": str(tmp / "site"), "ETALASE_CATALOGUE": str(ROOT / "tests/roots/search/catalogue_data"),
            "ETALASE_IMAGE_CACHE": str(tmp / "images"), "ETALASE_SEARCH_CACHE": str(tmp / "unused"),
            "ETALASE_TODAY": TODAY,
        }).output
        shutil.rmtree(site / "pagefind")
        seconds, stats = timed(write_index, records, site, tmp / "cache-publish", False)
        bundles = shard_count(len(records), PUBLISH_SHARD_RECORDS)
        timings.append((f"index build, cold, {'one index' if bundles == 1 else f'{bundles} bundles'} (publish build; "
                        "the downloads below)", seconds))
        seconds, _ = timed(write_index, records, tmp / "again", tmp / "cache-publish", False)
        timings.append(("rebuild with nothing changed (cache)", seconds))
        seconds, _ = timed(write_index, records, tmp / "sharded", tmp / "cache", True)
        count = shard_count(len(records))
        timings.append((f"index build, cold, {count} shards (local build)", seconds))
        sizes = index_rows(site / "pagefind")
        if args.native_sorts:
            asyncio.run(_native_sorts(records, tmp / "native"))
            meta = next((tmp / "native").glob("*.pf_meta")).stat().st_size
            sizes.append(("metadata with Pagefind sorts", f"{meta / 1024:,.1f} KB (not used: see docs/search.md)"))
        seconds, linked, built = search_work(data, tmp / "renamed", tmp / "cache")
        target = (TARGETS.get(args.products) or (None,) * 5)[4]
        mark = "" if target is None else (" ✓" if seconds <= target else " ✗")
        timings.append((f"search work after renaming one product, local build ({built} record built, one "
                        f"shard of {count} reindexed)", seconds))
        timings.append(("same, and every file linked into a fresh folder (write_index)", linked))
        downloads = measure_downloads(site)
    print(f"\nSearch benchmark: {args.products:,} products, {stats.records:,} records, seed {args.seed}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}\n")
    print("step | seconds\n--- | ---")
    print("\n".join(f"{label} | {seconds:.1f}" + (mark if label.startswith("search work") else "")
                    for label, seconds in timings))
    print(f"(target for the rename: ≤ {target} s)" if target else "")
    print("\nindex part | size\n--- | ---")
    print("\n".join(f"{label} | {value}" for label, value in sizes))
    targets = TARGETS.get(args.products)
    print("\nDownloads on a cold visit" + (f" (targets: browse ≤ {targets[0]} KB / {targets[1]} s, typed query ≤ "
                                         f"{targets[2]} KB / {targets[3]} s)" if targets else "") + "\n")
    print(download_table(downloads, args.products))
    return 0


if __name__ == "__main__":
    sys.exit(main())
