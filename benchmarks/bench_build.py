"""Benchmark whole builds at 1,000 / 10,000 / 50,000 synthetic products: cold, no change, one edit, memory.

    .venv/bin/python benchmarks/bench_build.py                          # 1,000 and 10,000 (``invoke bench``)
    .venv/bin/python benchmarks/bench_build.py --products 50000         # the big one
    .venv/bin/python benchmarks/bench_build.py --no-browser --photos 20 # without Chromium, fewer photos

For each N a seeded synthetic catalogue (benchmarks/synth.py) lives in
``.cache/bench/<N>/`` with its own caches, so a second run reuses the cards and
QR codes the first one drew. Every build runs in a fresh process
(``python -m etalase.build`` would do the same work) and reports its wall
time, its peak memory (``ru_maxrss`` of the build process; render workers and
Pagefind are reported apart), what it did (pages rendered, files written,
records parsed) and where the time went (each phase of the generator, timed by
wrapping its calls here, not in the product code). Rows:

- **first build**: only the catalogue exists (photos, cards and QR codes drawn, Pagefind run);
- **cold build of the pages**: no output, no build state, no record cache; photo, card and search caches warm;
- **search index cold**: the cold build's Pagefind time with an empty search cache;
- **no-change rebuild** and **rebuild after editing one product**: its minimum order (pages and open data
  change, search records do not), then its name (Pagefind indexes again: its time is shown apart);
- **photos**: naive Pillow against the pipeline, cold and warm, on ``--photos`` generated photos (bench_images);
- **search**: index size and the gzip bytes of a first query in Chromium (bench_search).

Targets are printed next to each figure; nothing here fails when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks"), str(ROOT)]

#: Targets per catalogue size: seconds, megabytes, kilobytes.
TARGETS = {  # issue 11 (the build), issue 7 (the first query)
    1_000: {"cold": 1.0, "edit": 0.3, "rename": 1.0, "nochange": 0.2},
    10_000: {"cold": 6.0, "edit": 1.0, "rename": 5.0, "nochange": 0.5, "memory": 400, "query": 180},
    50_000: {"cold": 30.0, "edit": 3.0, "nochange": 2.0, "memory": 1500, "query": 400},
}
#: Generator calls timed in the build process: (module, class or "", attribute, phase).
PHASES = [
    ("etalase.generator", "", "load_catalogue", "load + validate"),
    ("etalase.images.media", "Media", "prepare", "photos"),
    ("etalase.images.media", "Media", "prepare_cards", "cards"),
    ("etalase.images.media", "Media", "prepare_qr", "QR codes"),
    ("etalase.generator", "", "inputs_digest", "inputs digest"),
    ("etalase.generator", "", "plan_pages", "plan pages"),
    ("etalase.generator", "", "page_heads", "sharing heads"),
    ("etalase.generator", "", "render_pages", "page keys + render"),
    ("etalase.generator", "EtalaseGenerator", "write_media", "link media"),
    ("etalase.generator", "", "collect", "producers"),
    ("etalase.site.renderer", "Background", "result", "producers (waiting for the background child)"),
    ("etalase.generator", "EtalaseGenerator", "write_artifacts", "write artifacts"),
    ("etalase.generator", "", "kept_records", "search records"),
    ("etalase.generator", "", "bundle_files", "search index"),
    ("etalase.generator", "", "seed", "seed the other generation"),
    ("etalase.generator", "EtalaseGenerator", "adopt", "Pelican's pages, deletions, state"),
    ("etalase.build", "", "finish", "commit"),
]


def paths(products: int) -> dict[str, Path]:
    """The folders of one catalogue size under .cache/bench/."""
    base = ROOT / ".cache" / "bench" / str(products)
    return {"base": base, "data": base / "catalogue_data", "output": base / "output", "images": base / "images",
            "search": base / "search", "build": base / "build"}


def ensure_catalogue(products: int, seed: int) -> Path:
    """Write the synthetic catalogue unless the same one (size, seed, generator) is there already."""
    from synth import write_catalogue

    where = paths(products)
    stamp = where["base"] / "synth.stamp"
    wanted = f"{products}:{seed}:{(ROOT / 'benchmarks' / 'synth.py').stat().st_size}"
    if not (stamp.is_file() and stamp.read_text() == wanted and where["data"].is_dir()):
        where["base"].mkdir(parents=True, exist_ok=True)
        write_catalogue(where["base"], products, seed)
        stamp.write_text(wanted)
    return where["data"]


# --- the build process -----------------------------------------------------------------------------------------


def _timed(owner, name: str, phase: str, spent: dict[str, float]) -> None:
    """Wrap ``owner.name`` so that its wall time adds up under ``phase``."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[phase] = spent.get(phase, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)


def one_build(products: int) -> dict:
    """Run one build in this process (the child) and return its figures."""
    import importlib

    from etalase.build import build

    spent: dict[str, float] = {}
    for module, cls, name, phase in PHASES:
        owner = importlib.import_module(module)
        _timed(getattr(owner, cls) if cls else owner, name, phase, spent)
    where = paths(products)
    overrides = {"OUTPUT_PATH": str(where["output"]), "ETALASE_CATALOGUE": str(where["data"]),
                 "ETALASE_IMAGE_CACHE": str(where["images"]), "ETALASE_SEARCH_CACHE": str(where["search"]),
                 "ETALASE_BUILD_CACHE": str(where["build"]),
                 "ETALASE_TODAY": "2023-11-09"}  # a fixed day: a run across midnight would render every page again
    start = time.perf_counter()
    result = build(ROOT / "pelicanconf.py", overrides)
    seconds = time.perf_counter() - start
    work, media = result.work, result.media
    return {
        "seconds": seconds, "phases": spent,
        "memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "planned": work.pages.planned, "rendered": work.pages.rendered, "workers": work.pages.workers,
        "written": work.files_written, "deleted": work.files_deleted, "parsed": work.records_parsed,
        "markdown": work.markdown_rendered, "indexed": work.search_indexed, "incremental": work.incremental,
        "encoded": media.photos_encoded + media.cards_encoded + media.qr_encoded if media else 0,
    }


def run_build(products: int) -> dict:
    """One build in a fresh process; its figures, plus the wall time seen from outside (imports included)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--one-build", str(products)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}, check=False)
    if done.returncode:
        raise SystemExit(f"build failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - start
    return figures


# --- the scenarios -----------------------------------------------------------------------------------------------


def edit_one_product(data: Path, round_: int, key: str = "min_pesan") -> None:
    """Change the first product of the 42nd exhibitor file: its minimum order (not searchable) or its name."""
    files = sorted((data / "eksibitor").glob("*.yaml"))
    path = files[41 % len(files)]
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(f"    {key}: "))
    stamp = int(time.time()) % 100_000 * 10 + round_  # never the value a previous run left
    if key == "nama":
        lines[at] = lines[at].split(" (", 1)[0] + f" (edisi {stamp})"
    else:
        lines[at] = f"    {key}: {stamp}"
    path.write_text("\n".join(lines), encoding="utf-8")


def forget(*folders: Path) -> None:
    """Delete folders (caches; an output with its two generations and their states) so the next build has none."""
    for folder in folders:
        for path in [folder, *folder.parent.glob(f".{folder.name}.*")]:
            if path.is_symlink() or path.is_file():
                path.unlink()
            else:
                shutil.rmtree(path, ignore_errors=True)


def scenarios(products: int, repeat: int) -> dict[str, list[dict]]:
    """Every build row for one size: lists of figures (``repeat`` runs each, the first build once)."""
    where = paths(products)
    data = ensure_catalogue(products, seed=1)
    rows: dict[str, list[dict]] = {}
    if not (where["images"].is_dir() and where["search"].is_dir()):
        forget(where["output"], where["build"])
        rows["first"] = [run_build(products)]
    for name in ("cold", "cold_cached", "search_cold", "nochange", "edit_first", "edit", "edit_name"):
        rows[name] = []
    for round_ in range(repeat):
        forget(where["output"], where["build"])
        rows["cold"].append(run_build(products))
        rows["nochange"].append(run_build(products))
        edit_one_product(data, 10 * round_ + 1)
        rows["edit_first"].append(run_build(products))  # the output's other generation is made here
        edit_one_product(data, 10 * round_ + 2)
        rows["edit"].append(run_build(products))
        edit_one_product(data, round_ + 1, "nama")
        rows["edit_name"].append(run_build(products))
        forget(where["output"], where["build"] / "state")  # a pull request in CI: the build cache, no output
        rows["cold_cached"].append(run_build(products))
    forget(where["output"], where["build"], where["search"])
    rows["search_cold"].append(run_build(products))
    return rows


def median(values: list[float]) -> float:
    """The median (the middle run of an odd count)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def verdict(value: float, target: float | None) -> str:
    """``≤ target ✓`` or ``✗``; empty without a target."""
    if target is None:
        return ""
    return f"≤ {target:g} {'✓' if value <= target else '✗'}"


def build_table(products: int, rows: dict[str, list[dict]]) -> str:
    """The build rows as Markdown: median seconds, target, what was done."""
    targets = TARGETS.get(products, {})
    lines = ["| figure | median | target | runs | work |", "| --- | ---: | --- | --- | --- |"]

    def add(label, values, unit, target, work=""):
        runs = ", ".join(f"{v:.2f}" for v in values)
        lines.append(f"| {label} | {median(values):.2f} {unit} | {verdict(median(values), target)} | {runs} | {work} |")

    if "first" in rows:
        first = rows["first"][0]
        add("first build (draws photos, cards, QR; runs Pagefind)", [first["seconds"]], "s", None,
            f"{first['encoded']:,} images encoded")
    cold = rows["cold"]
    add("cold build of the pages", [r["seconds"] for r in cold], "s", targets.get("cold"),
        f"{cold[0]['planned']:,} pages on {cold[0]['workers']} workers, {cold[0]['written']:,} files")
    add("  same, whole process (imports, Pelican)", [r["process_seconds"] for r in cold], "s", None)
    cached = rows["cold_cached"]
    add("  same, record cache warm (CI with the build cache)", [r["seconds"] for r in cached], "s",
        targets.get("cold"), f"{cached[-1]['parsed']} records parsed")
    search = rows["search_cold"][0]
    add("search index cold (Pagefind, own row)", [search["phases"].get("search index", 0.0)], "s", None,
        f"whole build {search['seconds']:.1f} s")
    nochange = rows["nochange"]
    add("no-change rebuild", [r["seconds"] for r in nochange], "s", targets.get("nochange"),
        f"{nochange[-1]['rendered']} pages rendered, {nochange[-1]['written']} files written, "
        f"{nochange[-1]['parsed']} records parsed, search {'rebuilt' if nochange[-1]['indexed'] else 'skipped'}")
    for name, label, target in (
            ("edit_first", "first rebuild after a cold build (minimum order; makes the other generation)", None),
            ("edit", "rebuild after editing one product (minimum order)", targets.get("edit")),
            ("edit_name", "rebuild after editing one product (name: search reindexed)", targets.get("rename"))):
        edit = rows[name]
        add(label, [r["seconds"] for r in edit], "s", target,
            f"{edit[-1]['rendered']} pages rendered, {edit[-1]['written']} files written, "
            f"{edit[-1]['parsed']} record parsed, search {'rebuilt' if edit[-1]['indexed'] else 'skipped'}")
    edit = rows["edit_name"]
    add("  same, without the Pagefind run", [r["seconds"] - r["phases"].get("search index", 0.0) for r in edit],
        "s", None)
    every = [r for group in rows.values() for r in group]
    add("peak memory, build process", [max(r["memory_mb"] for r in every)], "MB", targets.get("memory"),
        f"render workers and Pagefind: {max(r['children_mb'] for r in every):.0f} MB")
    lines.append(f"| pages per second (cold) | {cold[0]['planned'] / median([r['seconds'] for r in cold]):,.0f} "
                 "| | | |")
    render = median([r["phases"].get("page keys + render", 0.0) for r in cold])
    lines.append(f"| page keys + render per page (cold, wall; `invoke profile` gives CPU per page kind) | "
                 f"{1000 * render / cold[0]['rendered']:.2f} ms | | | |")
    return "\n".join(lines)


def phase_table(figures: dict) -> str:
    """Where one build's time went, by phase."""
    spent = sorted(figures["phases"].items(), key=lambda item: -item[1])
    rest = figures["seconds"] - sum(seconds for _, seconds in spent)
    lines = ["| phase | seconds |", "| --- | ---: |"]
    lines += [f"| {phase} | {seconds:.2f} |" for phase, seconds in spent]
    lines.append(f"| Pelican and the rest | {rest:.2f} |")
    return "\n".join(lines)


def photo_rows(count: int) -> str:
    """Naive Pillow against the pipeline, cold and warm, on ``count`` generated photos (bench_images)."""
    from bench_images import generate, naive, pipeline_run, timed

    with tempfile.TemporaryDirectory(prefix="bench-build-photos-") as tmp:
        root = Path(tmp)
        (root / "src").mkdir()
        sources = generate(root / "src", count, 20260101, os.cpu_count() or 1)
        naive_s, _, _ = timed(naive, sources, root / "naive")
        cold_s, _, encoded = timed(pipeline_run, sources, root / "cache", root / "out1", os.cpu_count() or 1)
        warm_s, _, warm_encoded = timed(pipeline_run, sources, root / "cache", root / "out2", os.cpu_count() or 1)
    naive_rate, cold_rate = count / naive_s, count / cold_s
    return "\n".join([
        "| photos | images/s | target | encoded |", "| --- | ---: | --- | ---: |",
        f"| naive Pillow, 1 core | {naive_rate:.2f} | | {count} |",
        f"| pipeline cold, {os.cpu_count()} workers | {cold_rate:.2f} | ≥ 3× naive "
        f"{'✓' if cold_rate >= 3 * naive_rate else '✗'} ({cold_rate / naive_rate:.1f}×) | {encoded} |",
        f"| pipeline warm (2nd build) | {count / warm_s:.0f} | 0 encoded {'✓' if warm_encoded == 0 else '✗'} "
        f"| {warm_encoded} |",
    ])


def search_rows(products: int) -> str:
    """Index size and the bytes of a first query in Chromium, on the cold build's output (bench_search)."""
    from bench_search import index_rows, measure_downloads

    output = paths(products)["output"]
    lines = ["| search | value | target |", "| --- | --- | --- |"]
    lines += [f"| {label} | {value} | |" for label, value in index_rows(output / "pagefind")]
    target = TARGETS.get(products, {}).get("query")
    for label, sizes in measure_downloads(output):
        if label.startswith("first query"):
            kinds = ("pagefind.js", "wasm", "entry", "metadata", "index chunks", "filter chunks", "fragments",
                     "orders")
            total = sum(sizes.get(kind, 0) for kind in kinds) / 1024
            lines.append(f"| {label} (gzip) | {total:.1f} KB | {verdict(total, target)} |")
        lines.append(f"| {label}: until the results show | {sizes['milliseconds'] / 1000:.1f} s | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run every scenario for every size and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", default="1000,10000", help="comma-separated sizes: 1000, 10000, 50000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each rebuild row (median reported)")
    parser.add_argument("--photos", type=int, default=24, help="generated photos for the image rows (0: skip)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium query-size rows")
    parser.add_argument("--one-build", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_build:
        print(json.dumps(one_build(args.one_build)))
        return 0
    sizes = [int(size.replace("_", "")) for size in args.products.split(",")]
    print(f"Build benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"load average {os.getloadavg()[0]:.2f} at start\n")
    for products in sizes:
        rows = scenarios(products, args.repeat)
        print(f"## {products:,} products (load average {os.getloadavg()[0]:.2f})\n")
        print(build_table(products, rows) + "\n")
        print("Where a cold build of the pages spends its time:\n")
        print(phase_table(rows["cold"][len(rows["cold"]) // 2]) + "\n")
        print("Where a rebuild after one edit spends its time:\n")
        print(phase_table(rows["edit"][len(rows["edit"]) // 2]) + "\n")
        if not args.no_browser:
            print(search_rows(products) + "\n")
    if args.photos:
        print(f"Photos ({args.photos} generated 2000x1500 JPEGs, load average {os.getloadavg()[0]:.2f}):\n")
        print(photo_rows(args.photos) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
