"""Tasks for building, checking and publishing Etalase: run ``invoke --list``.

Shaped like the tasks.py that ``pelican-quickstart`` writes: a ``CONFIG``
dict at the top, one task per verb, a one-line docstring each.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "catalogue": "catalogue_data",
    "deploy_path": "output",
    "host": "127.0.0.1",
    "port": int(os.environ.get("PORT", "8000")),
}


def _python() -> str:
    return sys.executable


@task
def validate(c, format="text", publish=False, today=""):
    """Check catalogue_data/ and print every problem (``--publish``: as the public site; ``--format github``)."""
    args = [CONFIG["catalogue"], "--format", format]
    args += ["--publish"] if publish else []
    args += ["--today", today] if today else []
    _etalase(c, "validate " + " ".join(shlex.quote(a) for a in args))


@task
def test(c, k="", browser=True, workers="auto"):
    """Run the whole test suite in parallel (``-k EXPR`` selects, ``--no-browser`` skips Chromium, ``--workers 1``)."""
    # pytest-xdist: one worker per core; each test file stays on one worker, so its site is built once.
    args = ["-n", str(workers), "--dist", "loadfile"] if str(workers) != "1" else []
    args += [] if browser else ["-m", "not browser"]
    args += ["-k", k] if k else []
    c.run(" ".join([_python(), "-m", "pytest", *map(shlex.quote, args)]), pty=False)


def _etalase(c, args: str):
    """Run ``python -m etalase ARGS`` from the project root."""
    return c.run(f"{_python()} -m etalase {args}", env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


def _scaffold(make):
    """Run a scaffold function; turn its refusal into a clean invoke exit."""
    from etalase.staff.scaffold import ScaffoldError

    try:
        return make()
    except ScaffoldError as exc:
        raise Exit(f"Gagal: {exc}", code=1) from None


@task
def new_batch(c, nomor, mulai, selesai, judul=""):
    """Create catalogue_data/batch/batch-<nomor>.yaml to fill in (``--mulai``/``--selesai`` TTTT-BB-HH)."""
    from etalase.staff.scaffold import create_batch

    path = _scaffold(lambda: create_batch(ROOT / CONFIG["catalogue"], nomor, mulai, selesai, judul))
    print(f"Dibuat: {path.relative_to(ROOT)}. Isi baris bertanda TODO, lalu jalankan ./run validate.")


@task
def new_exhibitor(c, id, nama, kota, kecamatan, jenis="umkm"):
    """Create catalogue_data/eksibitor/<id>.yaml to fill in."""
    from etalase.staff.scaffold import create_exhibitor

    path = _scaffold(lambda: create_exhibitor(ROOT / CONFIG["catalogue"], id, nama, kota, kecamatan, jenis))
    print(f"Dibuat: {path.relative_to(ROOT)}. Isi baris bertanda TODO, lalu tambahkan ID-nya ke berkas batch.")


@task
def new_product(c, eksibitor, id, nama, kategori):
    """Append a product (with a placeholder photo) to an exhibitor's file, then validate."""
    from etalase.staff.scaffold import add_product

    path, photo = _scaffold(lambda: add_product(ROOT / CONFIG["catalogue"], eksibitor, id, nama, kategori))
    print(f"Produk {id} ditambahkan di {path.relative_to(ROOT)}; foto sementara: {photo.relative_to(ROOT)}.")
    print("Ganti isian bertanda TODO dan foto sementaranya sebelum terbit: ./run publish menolak keduanya.")


def _from_caller(path: str) -> str:
    """A path as typed where ``./run`` was started (it changes to the project folder first)."""
    given = Path(path).expanduser()
    return str(given if given.is_absolute() else Path(os.environ.get("ETALASE_CALLER_DIR", os.getcwd())) / given)


@task
def impor(c, berkas, foto="", perbarui=False, lewati_baris_salah=False, coba=False):
    """Import a registration spreadsheet (.xlsx or .csv) into catalogue_data/; nothing is written if a row is wrong."""
    args = [_from_caller(berkas), "--data", CONFIG["catalogue"]]
    args += ["--foto", _from_caller(foto)] if foto else []
    args += ["--perbarui"] if perbarui else []
    args += ["--lewati-baris-salah"] if lewati_baris_salah else []
    args += ["--coba"] if coba else []
    _etalase(c, "impor " + " ".join(shlex.quote(a) for a in args))


@task
def ekspor(c, berkas, batch=0):
    """Write the catalogue (``--batch N``: one batch) into the registration template BERKAS.xlsx, for review."""
    args = [_from_caller(berkas), "--data", CONFIG["catalogue"]] + (["--batch", str(batch)] if batch else [])
    _etalase(c, "ekspor " + " ".join(shlex.quote(a) for a in args))


@task
def templat(c, periksa=False):
    """Write docs/templat-pendaftaran.xlsx from the models and kosakata (``--periksa``: fail if it is stale)."""
    _etalase(c, "templat --data " + shlex.quote(CONFIG["catalogue"]) + (" --periksa" if periksa else ""))


@task
def report(c, today="", format="text", html=""):
    """Print the staff quality report (every build publishes it at /staf/laporan/; ``--html FILE`` writes it too)."""
    args = [CONFIG["catalogue"], "--format", format]
    args += ["--today", today] if today else []
    args += ["--html", _from_caller(html)] if html else []
    _etalase(c, "report " + " ".join(shlex.quote(a) for a in args))


@task
def today(c, today=""):
    """Print the day the site, validate and the report are "as of" (Jakarta): SOURCE_DATE_EPOCH, else the clock."""
    _etalase(c, "today" + (f" --today {shlex.quote(today)}" if today else ""))


@task
def pin_today(c):
    """Pin today's date in Jakarta for every later step of a GitHub Actions job (SOURCE_DATE_EPOCH in $GITHUB_ENV)."""
    _etalase(c, "today --github-env")


@task
def check_links_kept(c, live="", first_deploy=False, format="text"):
    """Fail when a URL of the live site (``--live``, default $ETALASE_SITEURL) would disappear."""
    live = live or os.environ.get("ETALASE_SITEURL", "")
    args = [CONFIG["deploy_path"], "--data", CONFIG["catalogue"], "--format", format]
    args += ["--live", live] if live else []
    args += ["--first-deploy"] if first_deploy else []
    _etalase(c, "check-links-kept " + " ".join(shlex.quote(a) for a in args))


@task
def check_links(c):
    """Check every link and image of the built output/ with linkinator (internal links only)."""
    output = shlex.quote(str(ROOT / CONFIG["deploy_path"]))
    # Few connections at a time: linkinator's own file server drops some at its default of 100.
    c.run(f"npx --no-install linkinator {output} --recurse --skip '^(?!http://localhost)' --concurrency 10 "
          "--retry-errors --verbosity error", pty=False)


def _build(c, settings: str, *flags: str) -> None:
    """Run the atomic build (``python -m etalase.build``); it exits non-zero and keeps the old output on failure."""
    args = " ".join(shlex.quote(f) for f in ("--settings", str(ROOT / settings), *flags))
    c.run(f"{_python()} -m etalase.build {args}", env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


@task
def build(c, batch=0, output=""):
    """Build the site into output/ (``--batch 9`` previews one batch); the old output stays if it fails."""
    flags = ["--batch", str(batch)] if batch else []
    flags += ["--output", output] if output else []
    _build(c, CONFIG["settings_base"], *flags)


@task
def publish(c):
    """Build for the public site with publishconf.py: SITEURL must be https (ETALASE_SITEURL=https://…)."""
    _build(c, CONFIG["settings_publish"], "--publish")


@task
def clean(c):
    """Remove output/, its two generations and their states, and anything a killed build left beside them."""
    import shutil

    for path in [ROOT / CONFIG["deploy_path"], *ROOT.glob(f".{CONFIG['deploy_path']}.*")]:
        if path.is_symlink() or path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)


def _preview_server():
    """Bind the preview port before anything is built; a busy port ends the task with the reason in Indonesian."""
    from etalase.staff.server import PortInUse, make_server

    try:
        return make_server(ROOT / CONFIG["deploy_path"], CONFIG["host"], CONFIG["port"])
    except PortInUse as exc:
        raise Exit(f"Gagal: {exc}", code=1) from None


@task
def serve(c, build_first=True, batch=0):
    """Build the sample catalogue, then serve output/ on http://127.0.0.1:8000/ (``PORT=8001`` for another port)."""
    server = _preview_server()
    if build_first:
        build(c, batch=batch)
    print(f"Situs: http://{CONFIG['host']}:{CONFIG['port']}/ (Ctrl+C untuk berhenti)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.server_close()


@task
def livereload(c, batch=0):
    """Serve output/ and rebuild whenever catalogue_data/, content/, theme/ or plugins/ change."""
    import contextlib

    from etalase.staff.server import serve_in_thread, watch
    from invoke.exceptions import UnexpectedExit

    server = _preview_server()
    build(c, batch=batch)
    serve_in_thread(ROOT / CONFIG["deploy_path"], server=server)
    print(f"Situs: http://{CONFIG['host']}:{CONFIG['port']}/ — dibangun ulang saat berkas berubah (Ctrl+C berhenti)")

    def rebuild():
        try:
            build(c, batch=batch)
        except UnexpectedExit:
            print("Build gagal; situs lama tetap disajikan.")

    with contextlib.suppress(KeyboardInterrupt):
        watch([ROOT / name for name in (CONFIG["catalogue"], "content", "theme", "plugins")], rebuild)


@task
def golden(c):
    """Rebuild tests/golden/site-golden/ from tests/roots/site-golden/ (review the diff before committing)."""
    c.run(f"{_python()} -m tests.golden", pty=False)


@task
def lighthouse(c, catalogue="", port=0, runs=1, only=""):
    """Build, serve on 127.0.0.1 and print Lighthouse scores (mobile) of the sample pages (``--only search,home``)."""
    flags = ["--catalogue", catalogue] if catalogue else []
    flags += ["--only", only] if only else []
    flags += ["--runs", str(runs)] if runs > 1 else []
    flags += ["--port", str(port)] if port else []
    c.run(f"{_python()} benchmarks/lighthouse.py {' '.join(shlex.quote(f) for f in flags)}",
          env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


@task
def bench_search(c, products=10000, native_sorts=False):
    """Measure search on a synthetic catalogue: build time, index size, gzip bytes of a first query (Chromium)."""
    flags = ["--products", str(products)] + (["--native-sorts"] if native_sorts else [])
    c.run(f"{_python()} benchmarks/bench_search.py {' '.join(flags)}", env={"PYTHONPATH": str(ROOT / "plugins")},
          pty=False)


@task
def bench_images(c, products=1000, workers=0):
    """Measure photos and preview cards per second, cold and warm, on a synthetic catalogue (1000 photos)."""
    flags = ["--products", str(products)] + (["--workers", str(workers)] if workers else [])
    c.run(f"{_python()} benchmarks/bench_images_1000.py {' '.join(flags)}", env={"PYTHONPATH": str(ROOT / "plugins")},
          pty=False)


@task
def bench_shortlist(c, products=1000, saved=50, runs=7):
    """Measure /daftar/ with 50 saved products in Chromium (until the list is rendered) and shortlist.js's gzip size."""
    flags = ["--products", str(products), "--saved", str(saved), "--runs", str(runs)]
    c.run(f"{_python()} benchmarks/bench_shortlist.py {' '.join(flags)}", env={"PYTHONPATH": str(ROOT / "plugins")},
          pty=False)


@task
def bench(c, products="1000,10000", repeat=3, photos=24, browser=True):
    """Measure whole builds (cold, no change, one edit, memory, photos, search bytes) at --products 1000,10000,50000."""
    flags = ["--products", products, "--repeat", str(repeat), "--photos", str(photos)]
    flags += [] if browser else ["--no-browser"]
    c.run(f"{_python()} benchmarks/bench_build.py {' '.join(shlex.quote(f) for f in flags)}",
          env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


@task
def profile(c, products=10000, edit=False, top=25):
    """Profile one build of a synthetic catalogue (``--edit``: the rebuild after one edit): CPU per item, cProfile."""
    flags = ["--products", str(products), "--top", str(top)] + (["--edit"] if edit else [])
    c.run(f"{_python()} benchmarks/profile_build.py {' '.join(flags)}", env={"PYTHONPATH": str(ROOT / "plugins")},
          pty=False)
