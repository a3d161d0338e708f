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
def validate(c, format="text"):
    """Check catalogue_data/ and print every problem (``--format github`` for CI annotations)."""
    c.run(f"{_python()} -m etalase validate {CONFIG['catalogue']} --format {format}",
          env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


@task
def test(c, k="", browser=True):
    """Run the whole test suite (``--k EXPR`` to select, ``--no-browser`` to skip Chromium tests)."""
    marker = "" if browser else "-m 'not browser'"
    select = f"-k '{k}'" if k else ""
    c.run(f"{_python()} -m pytest {marker} {select}", pty=False)


def _etalase(c, args: str):
    """Run ``python -m etalase ARGS`` from the project root."""
    return c.run(f"{_python()} -m etalase {args}", env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


def _scaffold(make):
    """Run a scaffold function; turn its refusal into a clean invoke exit."""
    from etalase.scaffold import ScaffoldError

    try:
        return make()
    except ScaffoldError as exc:
        raise Exit(f"Gagal: {exc}", code=1) from None


@task
def new_batch(c, nomor, mulai, selesai, judul=""):
    """Create catalogue_data/batch/batch-<nomor>.yaml to fill in (``--mulai``/``--selesai`` TTTT-BB-HH)."""
    from etalase.scaffold import create_batch

    path = _scaffold(lambda: create_batch(ROOT / CONFIG["catalogue"], nomor, mulai, selesai, judul))
    print(f"Dibuat: {path.relative_to(ROOT)}. Isi baris bertanda TODO, lalu jalankan ./run validate.")


@task
def new_exhibitor(c, id, nama, kota, kecamatan, jenis="umkm"):
    """Create catalogue_data/eksibitor/<id>.yaml to fill in."""
    from etalase.scaffold import create_exhibitor

    path = _scaffold(lambda: create_exhibitor(ROOT / CONFIG["catalogue"], id, nama, kota, kecamatan, jenis))
    print(f"Dibuat: {path.relative_to(ROOT)}. Isi baris bertanda TODO, lalu tambahkan ID-nya ke berkas batch.")


@task
def new_product(c, eksibitor, id, nama, kategori):
    """Append a product (with a placeholder photo) to an exhibitor's file, then validate."""
    from etalase.scaffold import add_product

    path, photo = _scaffold(lambda: add_product(ROOT / CONFIG["catalogue"], eksibitor, id, nama, kategori))
    print(f"Produk {id} ditambahkan di {path.relative_to(ROOT)}; foto sementara: {photo.relative_to(ROOT)}.")


@task
def report(c, today="", format="text", html=False):
    """Print the staff quality report (``--html`` also writes output/staf/laporan/)."""
    args = [CONFIG["catalogue"], "--format", format]
    args += ["--today", today] if today else []
    args += ["--html", CONFIG["deploy_path"]] if html else []
    _etalase(c, "report " + " ".join(shlex.quote(a) for a in args))


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
    c.run(f"npx --no-install linkinator {output} --recurse --skip '^(?!http://localhost)' --verbosity error",
          pty=False)
