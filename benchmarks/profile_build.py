"""Profile one build of a synthetic catalogue with cProfile: where the CPU goes, per library and per function.

    .venv/bin/python benchmarks/profile_build.py --products 10000            # cold build of the pages
    .venv/bin/python benchmarks/profile_build.py --products 10000 --edit     # then one product edited
    .venv/bin/invoke profile --products 10000

The catalogue and its photo, card and search caches are the ones of
``bench_build`` (``.cache/bench/<N>/``), so run ``invoke bench`` (or this
script) once first: the first build of a size draws every card. The build runs
in this process with one worker everywhere, so the profile sees all the work
(a real build spreads rendering over the cores). ``--edit`` profiles the
rebuild after changing one product's minimum order instead of the cold build,
in the steady state of ``invoke bench``'s edit row: both output generations
made already (a cold build, then one edited build), then another edit.
The full profile is saved as ``.cache/bench/<N>/<scenario>.prof`` for
``python -m pstats`` or snakeviz.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks"), str(ROOT)]

#: Where a function's own time is counted: the first prefix of its file path that matches.
AREAS = [
    ("etalase/", "etalase (our code)"),
    ("jinja2/", "Jinja2"),
    ("theme/templates/", "templates (compiled Jinja)"),
    ("markdown/", "Python-Markdown"),
    ("cmarkgfm", "cmark-gfm"),
    ("pydantic", "pydantic"),
    ("yaml/", "PyYAML"),
    ("pelican/", "Pelican"),
    ("markupsafe/", "MarkupSafe"),
    ("nh3", "nh3"),
    ("babel/", "Babel"),
    ("PIL/", "Pillow"),
    ("segno/", "segno"),
    ("pagefind", "Pagefind"),
    ("~", "builtins (C)"),
]
#: Calls timed without the profiler (CPU time per call): (module, class or "", attribute, label, key of the item).
ITEMS = [
    ("etalase.generator", "EtalaseGenerator", "render", "page render", lambda args: f"page: {args[1].kind}"),
    ("etalase.site.markup", "", "converted", "Markdown converted", lambda args: "Markdown text"),
]


#: The page kind of product pages (``etalase.site.urls.PRODUCT``).
PRODUCT_KIND = "produk"


def area(filename: str) -> str:
    """The library a function's file belongs to."""
    for prefix, name in AREAS:
        if prefix in filename:
            return name
    return "Python standard library and the rest"


def _overrides(products: int) -> dict[str, object]:
    """Build settings for one catalogue size: its folders, one worker everywhere."""
    from bench_build import ensure_catalogue, paths

    where = paths(products)
    data = ensure_catalogue(products, seed=1)
    return {"OUTPUT_PATH": str(where["output"]), "ETALASE_CATALOGUE": str(data),
            "ETALASE_IMAGE_CACHE": str(where["images"]), "ETALASE_SEARCH_CACHE": str(where["search"]),
            "ETALASE_BUILD_CACHE": str(where["build"]), "ETALASE_RENDER_WORKERS": 1, "ETALASE_IMAGE_WORKERS": 1}


def _prepare(products: int, edit: bool) -> dict[str, object]:
    """Forget the output and build state; with ``edit``, build twice (both generations) and edit one product."""
    from bench_build import edit_one_product, forget, paths
    from etalase.build import build

    where, overrides = paths(products), _overrides(products)
    forget(where["output"], where["build"])
    if edit:
        for round_ in (8, 9):
            build(ROOT / "pelicanconf.py", overrides)
            edit_one_product(Path(str(overrides["ETALASE_CATALOGUE"])), round_)
    return overrides


def per_item(products: int, edit: bool) -> tuple[dict[str, list[float]], float]:
    """CPU seconds of every timed call (no profiler running), by item, and the build's wall time."""
    import importlib

    from etalase.build import build

    overrides = _prepare(products, edit)
    spent: dict[str, list[float]] = defaultdict(list)
    originals = []
    for module, cls, name, _, key in ITEMS:
        owner = importlib.import_module(module)
        owner = getattr(owner, cls) if cls else owner
        original = getattr(owner, name)
        originals.append((owner, name, original))

        def timed(*args, _original=original, _key=key, **kwargs):
            start = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_key(args)].append(time.process_time() - start)

        if hasattr(original, "cache_info"):  # an lru_cache: the build reads its counters
            timed.cache_info = original.cache_info
        setattr(owner, name, timed)
    start = time.perf_counter()
    try:
        build(ROOT / "pelicanconf.py", overrides)
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
    return spent, time.perf_counter() - start


def profile(products: int, edit: bool) -> tuple[pstats.Stats, float, Path]:
    """Build once under cProfile (after a cold build first when ``edit``); return the stats and the wall time."""
    from bench_build import paths
    from etalase.build import build

    where = paths(products)
    overrides = _prepare(products, edit)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    build(ROOT / "pelicanconf.py", overrides)
    profiler.disable()
    seconds = time.perf_counter() - start
    saved = where["base"] / ("edit.prof" if edit else "cold.prof")
    profiler.dump_stats(str(saved))
    return pstats.Stats(profiler), seconds, saved


def area_table(stats: pstats.Stats, seconds: float) -> str:
    """Own time per library, largest first."""
    spent: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        spent[area(filename)] += own
    lines = ["| where (own time) | seconds | share |", "| --- | ---: | ---: |"]
    total = sum(spent.values()) or 1.0
    for name, value in sorted(spent.items(), key=lambda item: -item[1]):
        lines.append(f"| {name} | {value:.2f} | {100 * value / total:.0f} % |")
    lines.append(f"| wall time of the profiled build | {seconds:.2f} | |")
    return "\n".join(lines)


def function_table(stats: pstats.Stats, key: int, count: int) -> str:
    """The ``count`` functions with the most time (``key`` 2: own time, 3: cumulative)."""
    rows = sorted(stats.stats.items(), key=lambda item: -item[1][key])[:count]
    lines = ["| function | calls | own s | cumulative s |", "| --- | ---: | ---: | ---: |"]
    for (filename, line, name), (_, calls, own, cumulative, _) in rows:
        where = filename.split("site-packages/")[-1].split("plugins/")[-1]
        lines.append(f"| `{where}:{line} {name}` | {calls:,} | {own:.2f} | {cumulative:.2f} |")
    return "\n".join(lines)


def item_table(spent: dict[str, list[float]], seconds: float) -> str:
    """CPU milliseconds per item: mean and median per page kind and per Markdown text."""
    lines = ["| item | count | CPU ms mean | CPU ms median | CPU s in all |", "| --- | ---: | ---: | ---: | ---: |"]
    for key, values in sorted(spent.items(), key=lambda item: -sum(item[1])):
        ordered = sorted(values)
        mean, middle = sum(values) / len(values), ordered[len(ordered) // 2]
        lines.append(f"| {key} | {len(values):,} | {1000 * mean:.3f} | {1000 * middle:.3f} | {sum(values):.2f} |")
    pages = [value for key, values in spent.items() if key.startswith("page: ") for value in values]
    products = spent.get(f"page: {PRODUCT_KIND}", [])
    for label, values in (("CPU ms per product page", products), ("CPU ms per page (every kind)", pages)):
        if values:
            lines.append(f"| **{label}** | {len(values):,} | {1000 * sum(values) / len(values):.3f} | | "
                         f"{sum(values):.2f} |")
    lines.append(f"| wall time of that build (no profiler) | | | | {seconds:.2f} |")
    return "\n".join(lines)


def in_child(argv: list[str]) -> str:
    """Run this script with ``argv`` in a fresh process (no cache of an earlier build in memory); its stdout."""
    done = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    if done.returncode:
        raise SystemExit(f"profiled build failed:\n{done.stderr[-3000:]}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    """Profile one build and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10000, help="catalogue size (1000, 10000, 50000)")
    parser.add_argument("--edit", action="store_true", help="profile the rebuild after one edit, not the cold build")
    parser.add_argument("--top", type=int, default=25, help="functions listed per table")
    parser.add_argument("--child", choices=("items", "profile"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "items":
        spent, plain_seconds = per_item(args.products, args.edit)
        print(json.dumps({"spent": spent, "seconds": plain_seconds}))
        return 0
    flags = ["--products", str(args.products), "--top", str(args.top)] + (["--edit"] if args.edit else [])
    if args.child is None:
        scenario = "one product edited" if args.edit else "cold build of the pages"
        figures = json.loads(in_child([*flags, "--child", "items"]).strip().splitlines()[-1])
        print(f"## {scenario}, {args.products:,} products, one process\n")
        print("CPU time per item, measured without the profiler:\n\n"
              + item_table(figures["spent"], figures["seconds"]) + "\n")
        print(in_child([*flags, "--child", "profile"]))
        return 0
    stats, seconds, saved = profile(args.products, args.edit)
    print("Own time per library under cProfile (which slows small calls, Jinja's most):\n")
    print(area_table(stats, seconds) + "\n")
    print("Most own time:\n\n" + function_table(stats, 2, args.top) + "\n")
    print("Most cumulative time:\n\n" + function_table(stats, 3, args.top) + "\n")
    print(f"Full profile: {saved.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
