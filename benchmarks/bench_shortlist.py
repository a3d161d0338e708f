"""Benchmark /daftar/ with 50 saved products in Chromium: time until the list is rendered, and the script's bytes.

    .venv/bin/python benchmarks/bench_shortlist.py                  # 1,000 products, 50 saved (invoke bench-shortlist)
    .venv/bin/python benchmarks/bench_shortlist.py --products 10000 # more data files, as small
    .venv/bin/python benchmarks/bench_shortlist.py --saved 100 --runs 9

The catalogue is the seeded synthetic one of ``bench_build`` (``.cache/bench/<N>/``,
benchmarks/synth.py), built into ``.cache/bench/<N>/shortlist/`` with that size's photo,
card and search caches (a second run is a no-change rebuild). The site is served on
127.0.0.1; each run is a fresh browser context (cold HTTP cache) whose localStorage
holds ``--saved`` products, spread over the catalogue, in shortlist.js's own format
(``etalase-daftar``: ``[[id, quantity], …]``), before any script of the page runs. The
figure against the target is the time from the start of the navigation (the HTML, the
deferred script, fetching and parsing the data files that hold the saved IDs,
``daftar/produk/<n>.json``, building every row) until the frame after shortlist.js's
``daftar-siap`` mark (the rows laid out and painted); the mark itself, and the share after
the last data file arrived, are printed apart. Issue 14's
targets: ≤ 300 ms, and shortlist.js ≤ 8 KB gzip.
Medians of ``--runs`` runs; nothing here fails when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks"), str(ROOT)]

from bench_build import ensure_catalogue, paths  # noqa: E402
from bench_search import CHROMIUM, transfer_size  # noqa: E402
from etalase.site import urls  # noqa: E402

from tests.browser_helpers import served  # noqa: E402

#: Issue 14's targets: milliseconds until /daftar/ shows 50 saved products, and the script's gzip bytes.
TARGET_MS, TARGET_SCRIPT_KB = 300, 8
STORAGE_KEY = "etalase-daftar"  # theme/static/js/shortlist.js: KEY
SCRIPT = "theme/js/shortlist.js"
#: Before the page's scripts: once shortlist.js marks ``daftar-siap``, mark ``daftar-tampil`` after the next frame
#: (the rows laid out and painted).
PAINTED = """new PerformanceObserver((marks) => {
  if (marks.getEntriesByName("daftar-siap").length) {
    requestAnimationFrame(() => setTimeout(() => performance.mark("daftar-tampil"), 0));
  }
}).observe({entryTypes: ["mark"]});"""
#: What the page reports once the list is on screen: the marks, the navigation and when its data files came.
TIMINGS = """() => {
  const mark = performance.getEntriesByName("daftar-siap")[0];
  const data = performance.getEntriesByType("resource").filter((entry) => entry.name.includes("/daftar/produk/"));
  const nav = performance.getEntriesByType("navigation")[0];
  const painted = performance.getEntriesByName("daftar-tampil")[0];
  return {ready: mark.startTime, painted: painted.startTime, files: data.length,
          data: Math.max(...data.map((entry) => entry.responseEnd)),
          asked: Math.min(...data.map((entry) => entry.startTime)), html: nav.responseEnd,
          loaded: nav.domContentLoadedEventEnd, rows: document.querySelectorAll("#daftar .item").length,
          missing: document.querySelectorAll("#daftar .item.missing").length};
}"""


def build_site(products: int, seed: int) -> tuple[Path, float]:
    """Build the synthetic catalogue of ``products`` into its shortlist folder; the output and the build's seconds."""
    from etalase.build import build

    where = paths(products)
    data = ensure_catalogue(products, seed)
    output = where["base"] / "shortlist" / "output"
    start = time.perf_counter()
    build(ROOT / "pelicanconf.py", {
        "OUTPUT_PATH": str(output), "ETALASE_CATALOGUE": str(data), "ETALASE_IMAGE_CACHE": str(where["images"]),
        "ETALASE_SEARCH_CACHE": str(where["search"]), "ETALASE_BUILD_CACHE": str(where["build"]),
        "ETALASE_TODAY": "2023-11-09",  # the day of bench_build: the same cards, the same pages
    })
    return output, time.perf_counter() - start


def saved_list(output: Path, count: int) -> list[list]:
    """``count`` product IDs spread evenly over the catalogue, each with a quantity, as shortlist.js stores them."""
    ids = sorted(product for path in data_files(output)
                 for product in json.loads(path.read_text(encoding="utf-8"))["products"])
    if len(ids) < count:
        raise SystemExit(f"the catalogue has {len(ids)} products, fewer than the {count} to save")
    step = len(ids) / count
    return [[ids[int(i * step)], 1 + i % 7] for i in range(count)]


def data_files(output: Path) -> list[Path]:
    """The shortlist's data files in ``output``."""
    return sorted((output / urls.shortlist_data(0)).parent.glob("*.json"))


def visit(browser, base: str, saved: list[list]) -> dict:
    """One cold visit of /daftar/ with ``saved`` in localStorage; the page's timings and row counts."""
    context = browser.new_context()
    context.add_init_script(f"window.localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(saved))});"
                            + PAINTED)
    page = context.new_page()
    page.goto(base + urls.SHORTLIST)
    page.wait_for_function("() => performance.getEntriesByName('daftar-tampil').length > 0", timeout=60_000)
    figures = page.evaluate(TIMINGS)
    context.close()
    return figures


def measure(output: Path, saved: list[list], runs: int) -> list[dict]:
    """``runs`` cold visits (after one warm-up visit that starts Chromium's caches of code, not of the site)."""
    from playwright.sync_api import sync_playwright

    with served(output) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**CHROMIUM)
        visit(browser, base, saved)
        found = [visit(browser, base, saved) for _ in range(runs)]
        browser.close()
    return found


def verdict(value: float, target: float) -> str:
    """``≤ target ✓`` or ``≤ target ✗``."""
    return f"≤ {target} {'✓' if value <= target else '✗'}"


def report(output: Path, visits: list[dict], saved: int) -> list[tuple[str, str, str]]:
    """Rows of ``(figure, value, target)``."""
    painted = statistics.median(v["painted"] for v in visits)
    ready = statistics.median(v["ready"] for v in visits)
    after = statistics.median(v["ready"] - v["data"] for v in visits)
    steps = {key: statistics.median(v[key] for v in visits) for key in ("html", "loaded", "asked", "data")}
    script = transfer_size((output / SCRIPT).read_bytes()) / 1024
    files = [path.read_bytes() for path in data_files(output)]
    fetched = statistics.median(v["files"] for v in visits)
    rows = visits[0]["rows"]
    return [
        (f"/daftar/ with {saved} saved: until the list is painted (median of {len(visits)})", f"{painted:.0f} ms",
         verdict(round(painted), TARGET_MS)),
        ("  every run", ", ".join(f"{v['painted']:.0f}" for v in visits) + " ms", ""),
        ("  until the rows are in the page (daftar-siap mark)", f"{ready:.0f} ms", ""),
        ("  HTML received / DOMContentLoaded (deferred scripts run)",
         f"{steps['html']:.0f} / {steps['loaded']:.0f} ms", ""),
        (f"  data files asked (first) / arrived (last): {fetched:.0f} files",
         f"{steps['asked']:.0f} / {steps['data']:.0f} ms", ""),
        ("  after the last data file arrived (parse, rows, total, compare)", f"{after:.0f} ms", ""),
        ("rows shown (missing products)", f"{rows} ({visits[0]['missing']})", f"= {saved}"),
        ("shortlist.js, gzip", f"{script:.1f} KB", verdict(round(script, 1), TARGET_SCRIPT_KB)),
        (f"data files: {len(files):,}, each raw / gzip (median)",
         f"{statistics.median(map(len, files)) / 1024:,.1f} KB / "
         f"{statistics.median(map(transfer_size, files)) / 1024:,.1f} KB", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    """Build, serve, visit /daftar/ ``--runs`` times and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=1000, help="synthetic catalogue size (1000)")
    parser.add_argument("--saved", type=int, default=50, help="products in the shortlist (50)")
    parser.add_argument("--runs", type=int, default=7, help="cold visits; the median is reported (7)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    output, seconds = build_site(args.products, args.seed)
    print(f"built {args.products:,} synthetic products in {seconds:.1f} s; load average {os.getloadavg()[0]:.2f}")
    visits = measure(output, saved_list(output, args.saved), args.runs)
    print(f"\nShortlist benchmark: {args.products:,} products, {args.saved} saved, {os.cpu_count()} cores, "
          f"Chromium {CHROMIUM['executable_path']}, load average {os.getloadavg()[0]:.2f}\n")
    print("| figure | value | target |\n| --- | ---: | --- |")
    print("\n".join(f"| {label} | {value} | {target} |" for label, value, target in report(output, visits, args.saved)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
