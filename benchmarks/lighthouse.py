"""Lighthouse scores (mobile) of the home, batch, exhibitor, product, category and search pages: ``invoke lighthouse``.

Builds the catalogue with SITEURL set to a local address, serves it on
127.0.0.1 with gzip (as a real host would), runs Lighthouse 12 from
node_modules against /usr/bin/chromium for each page and prints the four
category scores, then every audit that did not pass. A measurement, not a
test: it exits 0 whatever the scores (1 only if it could not measure).
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "plugins"))

from etalase.build import build  # noqa: E402
from etalase.data.catalogue import load_catalogue  # noqa: E402
from etalase.site import urls  # noqa: E402
from etalase.staff.server import serve_in_thread  # noqa: E402

LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sample_pages(catalogue_dir: Path) -> dict[str, str]:
    """One URL per page kind: home, the newest batch, and the exhibitor, product and category with the most to show."""
    catalogue = load_catalogue(catalogue_dir)
    exhibitor = max(catalogue.exhibitors.values(), key=lambda e: (len(catalogue.listings_of(e)), e.id))
    by_category = catalogue.listings_by(lambda item: item.product.category)
    category = max(by_category, key=lambda key: (len(by_category[key]), key))
    featured = [item for item in catalogue.listings if item.product.featured] or catalogue.listings
    return {
        "home": urls.HOME,
        "batch": urls.batch(catalogue.batches[-1].id),
        "exhibitor": urls.exhibitor(exhibitor.id),
        "product": urls.product(featured[0].id),
        "category": urls.category(category),
        "search": urls.SEARCH,  # the browse view: from the static lists, Pagefind not loaded
        "search-q": f"{urls.SEARCH}?q=kopi",  # a typed query: Pagefind starts after the first paint
    }


def audit(url: str, report_path: Path) -> dict:
    """Run Lighthouse on ``url`` and return its JSON report."""
    subprocess.run(
        [str(LIGHTHOUSE), url, f"--chrome-path={CHROME}", f"--chrome-flags={CHROME_FLAGS}",
         f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={report_path}", "--quiet"],
        check=True, cwd=PROJECT,
    )
    return json.loads(report_path.read_text(encoding="utf-8"))


def failures(report: dict) -> list[str]:
    """Audits that count towards a score and did not pass, with their display value."""
    weighted = {ref["id"] for cat in report["categories"].values() for ref in cat["auditRefs"] if ref["weight"]}
    found = []
    for audit_id in sorted(weighted):
        result = report["audits"][audit_id]
        if result["score"] is not None and result["score"] < 1:
            found.append(f"{audit_id} {result['score']:.2f} {result.get('displayValue', '')}".rstrip())
    return found


def main(argv: list[str] | None = None) -> int:
    """Build, serve, measure and print the scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", type=Path, default=PROJECT / "catalogue_data")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median run (by performance) is shown")
    parser.add_argument("--reports", type=Path, default=PROJECT / ".cache" / "lighthouse")
    parser.add_argument("--only", default="", help="comma-separated page names (home, batch, …, search, search-q)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `npm ci`", file=sys.stderr)
        return 1
    port = args.port or free_port()
    origin = f"http://127.0.0.1:{port}"
    args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        build(PROJECT / "pelicanconf.py", {
            "OUTPUT_PATH": str(output), "SITEURL": origin, "ETALASE_CATALOGUE": str(args.catalogue.resolve()),
        })
        server = serve_in_thread(output, "127.0.0.1", port)
        try:
            rows = []
            pages = sample_pages(args.catalogue)
            chosen = [name for name in args.only.split(",") if name] or list(pages)
            for name, path in ((name, pages[name]) for name in chosen):
                reports = [audit(f"{origin}/{path}", args.reports / f"{name}-{n}.json") for n in range(args.runs)]
                reports.sort(key=lambda r: r["categories"]["performance"]["score"])
                report = reports[len(reports) // 2]
                scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
                rows.append((name, path, scores, failures(report)))
        finally:
            server.shutdown()
    print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}  url")
    for name, path, scores, _ in rows:
        print(f"{name:<10} " + " ".join(f"{scores[c]:>5}" for c in CATEGORIES) + f"  /{path}")
    for name, _, _, failed in rows:
        for line in failed:
            print(f"  {name}: {line}")
    print(f"reports: {args.reports}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
