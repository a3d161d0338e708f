"""The atomic build: a failure leaves the previous output untouched and exits non-zero with the staff report."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from etalase.build import BuildError, build, require_https
from etalase.data.catalogue import load_catalogue
from etalase.errors import DataError
from etalase.staff.report import BUILD_END, format_text

from tests.conftest import PROJECT, ROOTS, TODAY
from tests.site_helpers import tree

pytestmark = pytest.mark.slow


def run_build(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m etalase.build`` the way ``invoke build`` does."""
    return subprocess.run(
        [sys.executable, "-m", "etalase.build", "--settings", str(PROJECT / "pelicanconf.py"), *args],
        capture_output=True, text=True, cwd=PROJECT, check=False,
        env={"PYTHONPATH": str(PROJECT / "plugins"), "PATH": "/usr/bin",
             "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]},
    )


def staff_report(root: str) -> str:
    """The staff report a build that stops on a test root prints (``validate`` ends it differently)."""
    with pytest.raises(DataError) as caught:
        load_catalogue(ROOTS / root / "catalogue_data")
    return format_text(caught.value.issues, BUILD_END)


def test_invalid_data_exits_non_zero_with_staff_report_and_keeps_old_output(build_site, tmp_path):
    output = build_site("site-basic", tmp_path)
    before = tree(output)
    result = run_build("--catalogue", str(ROOTS / "site-invalid" / "catalogue_data"), "--output", str(output))
    assert result.returncode == 1
    assert result.stderr.strip() == staff_report("site-invalid")
    assert "Ditemukan 4 masalah di 2 berkas. Situs tidak diterbitkan." in result.stderr
    assert tree(output) == before and os.readlink(output) == ".output.a"  # still the first build's generation
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.a", ".output.a.state", "output"]


def test_invalid_data_writes_nothing_on_a_first_build(tmp_path):
    result = run_build("--catalogue", str(ROOTS / "site-invalid" / "catalogue_data"), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert list(tmp_path.iterdir()) == []


def test_plain_pelican_also_fails_and_prints_the_report(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(PROJECT / "pelicanconf.py"), "-o", str(tmp_path / "out"),
         "-e", f'ETALASE_CATALOGUE="{ROOTS / "site-invalid" / "catalogue_data"}"'],
        capture_output=True, text=True, cwd=PROJECT, check=False,
        env={"PYTHONPATH": str(PROJECT / "plugins"), "PATH": "/usr/bin", "COLUMNS": "200",
             "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]},
    )
    assert result.returncode != 0
    assert "Situs tidak diterbitkan." in result.stdout + result.stderr


def test_a_failing_generator_keeps_the_old_output(build_site, tmp_path):
    output = build_site("site-basic", tmp_path)
    before = tree(output)
    with pytest.raises(BuildError, match="ETALASE_PER_PAGE"):
        build_site("site-basic", tmp_path, ETALASE_PER_PAGE=0)
    assert tree(output) == before


def test_warnings_are_fatal(build_site, tmp_path, caplog):
    with pytest.raises(BuildError, match="warnings are fatal:\n  pelican.readers: Docutils has no localization"):
        build_site("site-basic", tmp_path, LOG_FILTER=[])
    assert not (tmp_path / "output").exists()


def test_a_successful_build_replaces_the_whole_output(build_site, tmp_path):
    output = tmp_path / "output"
    (output / "stale").mkdir(parents=True)
    (output / "stale" / "index.html").write_text("old", encoding="utf-8")
    build_site("site-basic", tmp_path)
    assert not (output / "stale").exists()
    assert (output / "index.html").is_file()


@pytest.mark.parametrize("siteurl", ["", "http://etalase.example", "/etalase", "https://"])
def test_publishing_requires_an_absolute_https_siteurl(siteurl):
    with pytest.raises(BuildError, match="publishing needs SITEURL to be an absolute https:// URL"):
        require_https(siteurl)


def test_publish_settings_refuse_a_missing_siteurl(tmp_path):
    result = run_build("--settings", str(PROJECT / "publishconf.py"), "--publish", "--output", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "publishing needs SITEURL to be an absolute https:// URL, got ''" in result.stderr
    assert not (tmp_path / "o").exists()


def test_publish_build_uses_absolute_urls(build_site, tmp_path):
    output = build(PROJECT / "publishconf.py", {
        "OUTPUT_PATH": str(tmp_path / "output"), "SITEURL": "https://etalase.contoh.go.id",
        "ETALASE_CATALOGUE": str(ROOTS / "site-basic" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(tmp_path / "cache"), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY,
    }, publish=True).output
    page = (output / "produk" / "kopi-robusta-betawi-250g" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://etalase.contoh.go.id/produk/kopi-robusta-betawi-250g/">' in page
    assert '<meta property="og:image" content="https://etalase.contoh.go.id/kartu/' in page
    assert "https%3A%2F%2Fetalase.contoh.go.id%2Fproduk%2Fkopi-robusta-betawi-250g%2F" in page


def made_of(output) -> tuple[int, int, int, int]:
    """What a fresh build of site-basic into ``output`` holds: catalogue pages, photos, cards, files."""
    from etalase.images.media import photos_of

    files = [path for path in output.rglob("*") if path.is_file()]
    content = len(list((PROJECT / "content").glob("*.md")))  # Pelican's own pages
    staff = len(list((output / "staf" / "laporan").rglob("*.html")))  # the staff report, an artifact, not a page
    pages = sum(1 for path in files if path.suffix == ".html") - content - staff
    photos = len({photo.file for photo in photos_of(load_catalogue(ROOTS / "site-basic" / "catalogue_data"))})
    return pages, photos, len(list((output / "kartu").iterdir())), len(files)


def test_the_command_line_ends_with_what_the_build_made_not_pelicans_count(tmp_path):
    output = tmp_path / "out"
    first = run_build("--catalogue", str(ROOTS / "site-basic" / "catalogue_data"), "--output", str(output))
    assert first.returncode == 0, first.stderr
    assert "Processed" not in first.stdout + first.stderr  # Pelican's "Processed 0 articles … 3 pages"
    pages, photos, cards, files = made_of(output)
    assert re.fullmatch(rf"Dibuat {pages} halaman \({pages} dirender\), {photos} foto \(\d+ baru\), {cards} kartu "
                        rf"pratinjau; {files} berkas ditulis, 0 dihapus; selesai dalam \d+,\d dtk\.",
                        first.stdout.splitlines()[-1]), first.stdout
    again = run_build("--catalogue", str(ROOTS / "site-basic" / "catalogue_data"), "--output", str(output))
    assert re.fullmatch(r"Tidak ada yang berubah sejak build terakhir: 0 berkas ditulis, selesai dalam \d+,\d dtk\.",
                        again.stdout.splitlines()[-1]), again.stdout


def test_summary_counts_pages_photos_cards_and_files(tmp_path):
    from etalase.build import summary

    result = build(PROJECT / "pelicanconf.py", {
        "OUTPUT_PATH": str(tmp_path / "out"), "ETALASE_CATALOGUE": str(ROOTS / "site-basic" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(tmp_path / "cache"), "ETALASE_TODAY": TODAY})
    pages, photos, cards, files = made_of(tmp_path / "out")
    assert files < 1000  # below the thousands separator
    assert summary(result, 12.34) == (f"Dibuat {pages} halaman ({pages} dirender), {photos} foto ({photos} baru), "
                                      f"{cards} kartu pratinjau; {files} berkas ditulis, 0 dihapus; "
                                      "selesai dalam 12,3 dtk.")
