"""CPU seconds of each output producer (open data, shortlist, staff report, …) on a cold build and an edit build.

    .venv/bin/python benchmarks/bench_producers.py --products 10000

Uses the catalogue and caches of ``bench_build`` (``.cache/bench/<N>/``). The
builds run in this process with one worker, so every producer runs here and its
CPU time (``time.process_time``) is counted; the edit changes one product's
minimum order, as the bench's edit row does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks"), str(ROOT)]


def timed_producers(spent: dict[str, float]) -> None:
    """Wrap every producer so that its CPU time adds up in ``spent[name]``."""
    from etalase.outputs import producers

    def wrap(producer):
        def run(*args):
            start = time.process_time()
            try:
                return producer(*args)
            finally:
                spent[producer.__name__] += time.process_time() - start
        return run

    wrapped = {producer: wrap(producer) for producer in producers.PRODUCERS}
    producers.REUSING = {wrapped[producer] for producer in producers.REUSING}
    producers.PRODUCERS[:] = list(wrapped.values())


def one_build(products: int, scenario: str) -> dict[str, float]:
    """In a fresh process: (with ``edit``, edit one product, then) build; each producer's CPU seconds."""
    from bench_build import edit_one_product, forget, paths
    from etalase.build import build
    from profile_build import _overrides

    where, overrides = paths(products), _overrides(products)
    if scenario == "cold":
        forget(where["output"], where["build"])
    else:
        edit_one_product(Path(str(overrides["ETALASE_CATALOGUE"])), 7)
    spent: dict[str, float] = defaultdict(float)
    timed_producers(spent)
    build(ROOT / "pelicanconf.py", overrides)
    return spent


def main(argv: list[str] | None = None) -> int:
    """Build cold, edit one product, build again (each in a fresh process); print each producer's CPU seconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--child", choices=("cold", "edit"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(one_build(args.products, args.child)))
        return 0
    spent = {}
    for scenario in ("cold", "edit"):
        done = subprocess.run([sys.executable, __file__, "--products", str(args.products), "--child", scenario],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        spent[scenario] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"| producer ({args.products:,} products) | cold CPU s | edit CPU s |\n| --- | ---: | ---: |")
    for name in [*spent["cold"], "all"]:
        cold, edit = (sum(spent[s].values()) if name == "all" else spent[s].get(name, 0.0) for s in ("cold", "edit"))
        print(f"| {name} | {cold:.2f} | {edit:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
