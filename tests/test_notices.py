"""Notices of valid records: scaffold placeholders (T01, T02) and lapsing certificates (S01, S02).

Placeholders are warnings in ``validate`` and local builds (which still build) and problems in
``validate --publish`` and the publish build (which then fails); certificates are always warnings.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from etalase.build import build, built_message
from etalase.data.catalogue import load_catalogue
from etalase.errors import DataError
from etalase.staff import scaffold
from etalase.staff.report import BUILD_END, format_text

from tests.catalogue_helpers import EXHIBITOR, copy_root, edit

PROJECT = Path(__file__).resolve().parent.parent
FILE = "catalogue_data/eksibitor/kopi-contoh.yaml"
TODAY = dt.date(2023, 11, 9)

#: What the scaffold leaves in a new product, as validate (and the build) tell staff.
LEFT = [
    f"  {FILE}:36:5 [T01] produk[1].deskripsi: produk kopi-baru: masih berisi teks TODO dari templat: "
    "'TODO: jelaskan produk: bahan, ukuran, keunggulan.'",
    "      Masih berisi TODO dari templat. Cara memperbaiki: Ganti seluruh teks bertanda TODO dengan isi "
    "sebenarnya. Situs lokal tetap dibangun, tetapi penerbitan (`./run publish`) menolak catatan yang masih "
    "berisi TODO.",
    f"  {FILE}:38:9 [T02] produk[1].foto[0].berkas: produk kopi-baru: "
    "`foto/kopi-contoh/foto-sementara-kopi-baru.jpg` adalah foto sementara dari templat",
    "      Masih memakai foto sementara. Cara memperbaiki: Simpan foto asli di catalogue_data/foto/, tulis "
    "jalurnya di `berkas` dan isi `alt`-nya, lalu hapus berkas foto-sementara-…. Penerbitan (`./run publish`) "
    "menolak foto sementara.",
    f"  {FILE}:39:9 [T01] produk[1].foto[0].alt: produk kopi-baru: masih berisi teks TODO dari templat: "
    "'TODO: apa yang terlihat di foto'",
    "      Masih berisi TODO dari templat. Cara memperbaiki: Ganti seluruh teks bertanda TODO dengan isi "
    "sebenarnya. Situs lokal tetap dibangun, tetapi penerbitan (`./run publish`) menolak catatan yang masih "
    "berisi TODO.",
]


@pytest.fixture
def scaffolded(tmp_path: Path) -> Path:
    """The minimal catalogue with a product exactly as ``./run new-product`` writes it."""
    root = copy_root(tmp_path)
    scaffold.add_product(root, "kopi-contoh", "kopi-baru", "Kopi Baru", "minuman")
    return root


def validate(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``python -m etalase validate`` on ``root`` from its parent, as staff do (the day from the test env)."""
    env = {"PYTHONPATH": str(PROJECT / "plugins"), "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    return subprocess.run([sys.executable, "-m", "etalase", "validate", "catalogue_data", *args], cwd=root.parent,
                          capture_output=True, text=True, env=env, check=False)


# -- placeholders -----------------------------------------------------------------------------------------------


def test_validate_warns_of_a_scaffolded_product_and_passes(scaffolded):
    done = validate(scaffolded)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        f"{FILE} (3 peringatan)", *LEFT, "",
        "3 peringatan di 1 berkas; tanggal acuan 2023-11-09: dari SOURCE_DATE_EPOCH. Peringatan tidak "
        "menggagalkan pemeriksaan.", "",
        "Katalog sah: 1 batch, 1 eksibitor, 1 sekolah, 3 produk.",
    ]


def test_validate_for_publishing_refuses_a_scaffolded_product(scaffolded):
    done = validate(scaffolded, "--publish")
    assert (done.returncode, done.stdout.splitlines()) == (1, [
        f"{FILE} (3 masalah)", *LEFT, "",
        "Ditemukan 3 masalah di 1 berkas. Perbaiki masalah di atas, lalu periksa lagi dengan `./run validate`."])


def test_github_annotations_are_warnings_locally_and_errors_for_publishing(scaffolded):
    warned = validate(scaffolded, "--format", "github")
    refused = validate(scaffolded, "--format", "github", "--publish")
    assert warned.returncode == 0 and refused.returncode == 1
    assert [line.split(" ")[0] for line in warned.stdout.splitlines() if line.startswith("::")] == ["::warning"] * 3
    assert [line.split(" ")[0] for line in refused.stdout.splitlines()] == ["::error"] * 3
    assert warned.stdout.splitlines()[0] == (
        f"::warning file={FILE},line=36,col=5,title=T01 Masih berisi TODO dari templat::produk[1].deskripsi: "
        "produk kopi-baru: masih berisi teks TODO dari templat: 'TODO: jelaskan produk: bahan, ukuran, "
        "keunggulan.'%0ACara memperbaiki: Ganti seluruh teks bertanda TODO dengan isi sebenarnya. Situs lokal "
        "tetap dibangun, tetapi penerbitan (`./run publish`) menolak catatan yang masih berisi TODO.")
    assert warned.stderr.startswith(f"{FILE} (3 peringatan)\n")


def settings(root: Path, tmp_path: Path, image_cache: Path) -> dict:
    """Build settings for ``root`` into ``tmp_path/output``, pinned to :data:`TODAY`."""
    return {"OUTPUT_PATH": str(tmp_path / "output"), "ETALASE_CATALOGUE": str(root), "SITEURL": "https://e.id",
            "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1,
            "ETALASE_TODAY": TODAY.isoformat(), "ETALASE_BUILD_CACHE": str(tmp_path / "build")}


def test_a_publish_build_of_a_scaffolded_product_fails_with_the_staff_report(scaffolded, tmp_path, image_cache):
    with pytest.raises(DataError) as caught:
        build(PROJECT / "publishconf.py", settings(scaffolded, tmp_path, image_cache), publish=True)
    assert format_text(caught.value.issues, BUILD_END).splitlines() == [
        f"{FILE} (3 masalah)", *LEFT, "", "Ditemukan 3 masalah di 1 berkas. Situs tidak diterbitkan."]
    assert not (tmp_path / "output").exists()


def test_the_publish_command_exits_1_and_prints_the_report(scaffolded, tmp_path):
    env = {"PYTHONPATH": str(PROJECT / "plugins"), "PATH": "/usr/bin",
           "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    done = subprocess.run([sys.executable, "-m", "etalase.build", "--settings", str(PROJECT / "publishconf.py"),
                           "--publish", "--siteurl", "https://e.id", "--catalogue", str(scaffolded),
                           "--output", str(tmp_path / "output")],
                          capture_output=True, text=True, cwd=PROJECT, env=env, check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "Ditemukan 3 masalah di 1 berkas. Situs tidak diterbitkan."
    assert LEFT[0] in done.stderr.splitlines()


def test_a_local_build_of_a_scaffolded_product_succeeds_and_tells_the_staff_member(scaffolded, tmp_path,
                                                                                  image_cache):
    result = build(PROJECT / "pelicanconf.py", settings(scaffolded, tmp_path, image_cache))
    assert (result.output / "produk" / "kopi-baru" / "index.html").is_file()
    assert result.warnings == []  # nothing logged: warnings are fatal in local builds, and these are not
    assert built_message(result).splitlines() == [
        f"{FILE} (3 peringatan)", *LEFT, "",
        "3 peringatan di 1 berkas. Situs lokal tetap dibangun, tetapi `./run publish` menolaknya sampai diperbaiki.",
        "",
        f"Situs dibangun di {result.output} (tanggal acuan 2023-11-09: dari setelan ETALASE_TODAY)",
    ]
    again = build(PROJECT / "pelicanconf.py", settings(scaffolded, tmp_path, image_cache))
    assert again.work.pages.rendered == 0 and again.notices == result.notices  # a no-change build says it again


def test_warnings_that_publishing_accepts_do_not_say_it_refuses_them(tmp_path, image_cache):
    root = copy_root(tmp_path)
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: Kopi\u200b Contoh")
    result = build(PROJECT / "pelicanconf.py", settings(root, tmp_path, image_cache))
    assert [notice.code for notice in result.notices] == ["Y13"]
    assert built_message(result).splitlines()[-3:] == [
        "1 peringatan di 1 berkas. Situs tetap dibangun.", "",
        f"Situs dibangun di {result.output} (tanggal acuan 2023-11-09: dari setelan ETALASE_TODAY)",
    ]


def test_a_finished_product_has_nothing_to_say(scaffolded, tmp_path, image_cache):
    edit(scaffolded, EXHIBITOR, '"TODO: jelaskan produk: bahan, ukuran, keunggulan."', "Kopi baru.")
    edit(scaffolded, EXHIBITOR, "foto-sementara-kopi-baru.jpg  # TODO: ganti dengan foto asli", "kopi.jpg")
    edit(scaffolded, EXHIBITOR, '"TODO: apa yang terlihat di foto"', "Kemasan kopi")
    assert load_catalogue(scaffolded, publish=True).notices == []
    result = build(PROJECT / "publishconf.py", settings(scaffolded, tmp_path, image_cache), publish=True)
    assert built_message(result) == f"Situs dibangun di {result.output} (tanggal acuan 2023-11-09: dari setelan " \
                                    "ETALASE_TODAY)"


@pytest.mark.parametrize(("rel", "old", "new", "path"), [
    ("batch/batch-1.yaml", "ringkasan: Batch pertama", "ringkasan: TODO ringkasan", "ringkasan"),
    (EXHIBITOR, "deskripsi: Sangrai kopi robusta sejak 2015.", 'deskripsi: "TODO: ceritakan"', "deskripsi"),
])
def test_new_batches_and_exhibitors_are_checked_too(tmp_path, rel, old, new, path):
    root = copy_root(tmp_path)
    edit(root, rel, old, new)
    assert [(issue.code, issue.field_path, issue.severity) for issue in load_catalogue(root).notices] == [
        ("T01", path, "warning")]


def test_withdrawn_products_may_keep_their_placeholders(scaffolded):
    edit(scaffolded, EXHIBITOR, "    satuan: pcs  # TODO", "    ditarik: ya\n    satuan: pcs  # TODO")
    assert load_catalogue(scaffolded, publish=True).notices == []


# -- certificates, from 60 days before their last day --------------------------------------------------------------


def dated(root: Path, until: str) -> Path:
    """Give the minimal catalogue's halal certificate ``berlaku_sampai: until``."""
    edit(root, EXHIBITOR, "nomor: ID31110000123450223\n",
         f"nomor: ID31110000123450223\n        berlaku_sampai: {until}\n")
    return root


@pytest.mark.parametrize(
    ("until", "found"),
    [
        ("2024-01-09", []),  # 61 days ahead
        ("2024-01-08", [("S01", "sertifikat halal berlaku sampai 8 Januari 2024 (60 hari lagi)")]),
        ("2023-11-09", [("S01", "sertifikat halal berlaku sampai 9 November 2023 (hari ini hari terakhirnya)")]),
        ("2023-11-08", [("S02", "sertifikat halal kedaluwarsa: berlaku sampai 8 November 2023 (1 hari lalu)")]),
    ],
)
def test_the_60_day_window(tmp_path, until, found):
    notices = load_catalogue(dated(copy_root(tmp_path), until), today=TODAY).notices
    assert [(n.code, n.message.removeprefix("produk kopi-robusta-250g: ")) for n in notices] == found
    assert all(n.severity == "warning" and n.field_path == "produk[0].sertifikasi.halal.berlaku_sampai"
               for n in notices)


def test_validate_warns_of_lapsing_certificates_and_passes(tmp_path):
    root = dated(copy_root(tmp_path), "2023-11-01")
    done = validate(root, "--today", "2023-11-09")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:3] == [
        f"{FILE} (1 peringatan)",
        f"  {FILE}:27:9 [S02] produk[0].sertifikasi.halal.berlaku_sampai: produk kopi-robusta-250g: sertifikat "
        "halal kedaluwarsa: berlaku sampai 1 November 2023 (8 hari lalu)",
        "      Sertifikat sudah habis berlaku. Cara memperbaiki: Minta sertifikat terbaru kepada peserta, lalu "
        "perbarui nomor dan `berlaku_sampai`. Sampai diperbarui, situs menandainya kedaluwarsa, dan produk dengan "
        "TKDN kedaluwarsa tidak lagi tampil sebagai wajib PDN.",
    ]
    assert "tanggal acuan 2023-11-09: dari pilihan --today" in done.stdout
    assert validate(root, "--publish", "--today", "2023-11-09").returncode == 0  # never fails, not even to publish
    assert validate(root, "--today", "2023-09-01").stdout.startswith("Katalog sah")  # 61 days ahead: quiet


def test_a_tkdn_certificate_is_checked_at_its_own_line(tmp_path):
    root = copy_root(tmp_path)
    tkdn = "nomor_sertifikat: TKDN-0001\n"
    edit(root, EXHIBITOR, tkdn, tkdn + "      berlaku_sampai: 2023-12-01\n")
    (notice,) = load_catalogue(root, today=TODAY).notices  # line 33: the line after nomor_sertifikat
    assert (notice.location(), notice.code, notice.field_path) == (
        f"{FILE}:33:7", "S01", "produk[0].tkdn.berlaku_sampai")
