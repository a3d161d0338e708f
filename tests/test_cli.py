"""The report staff read, the GitHub annotations CI shows, and the command's exit codes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from etalase.data import schema
from etalase.errors import Issue
from etalase.settings import epoch_of
from etalase.staff import cli
from etalase.staff.report import BUILD_END, format_github, format_text

from tests.catalogue_helpers import BATCH, EXHIBITOR, copy_root, edit, write

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid catalogue."""
    return copy_root(tmp_path)


def run(*args: str, cwd: Path = PROJECT) -> subprocess.CompletedProcess:
    """Run ``python -m etalase`` as staff and CI do."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "plugins")}
    env.pop("ETALASE_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "etalase", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, check=False, timeout=120)


def break_two_files(root: Path) -> None:
    edit(root, EXHIBITOR, "harga: 45.000", "harga: 10:30")
    edit(root, EXHIBITOR, "siinas: ya", "siinas: NO")
    edit(root, BATCH, "selesai: 2023-11-09", "selesai: 2023-11-01")


REPORT = """\
catalogue_data/batch/batch-1.yaml (1 masalah)
  catalogue_data/batch/batch-1.yaml:4:1 [F18] selesai: tanggal selesai 2023-11-01 sebelum tanggal mulai 2023-11-06
      Urutan tanggal terbalik. Cara memperbaiki: Tanggal `selesai` harus sama atau sesudah tanggal `mulai`.

catalogue_data/eksibitor/kopi-contoh.yaml (2 masalah)
  catalogue_data/eksibitor/kopi-contoh.yaml:13:1 [F04] siinas: 'NO' bukan `ya` atau `tidak`
      Harus ya atau tidak. Cara memperbaiki: Tulis `ya` atau `tidak`.
  catalogue_data/eksibitor/kopi-contoh.yaml:22:5 [F05] produk[0].harga: '10:30' bukan harga rupiah bulat
      Harga tidak sah. Cara memperbaiki: Tulis harga rupiah bulat, mis. `harga: 15000` atau `harga: 15.000`; atau \
`harga: atas permintaan`.

Ditemukan 3 masalah di 2 berkas. Perbaiki masalah di atas, lalu periksa lagi dengan `./run validate`.
"""


def test_the_readme_sample_is_what_validate_prints(root: Path) -> None:
    import re

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    sample = re.search(r"^## Validation$.*?^```\n(.*?)^```$", readme, re.MULTILINE | re.DOTALL).group(1)
    edit(root, EXHIBITOR, "harga: 45.000", "harga: 10:30")
    edit(root, EXHIBITOR, "siinas: ya", "siinas: NO")
    result = run("validate", str(root), cwd=root.parent)
    assert (result.returncode, result.stdout) == (1, sample)


def test_valid_catalogue_exits_0(root: Path) -> None:
    result = run("validate", str(root))
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "Katalog sah: 1 batch, 1 eksibitor, 1 sekolah, 2 produk.\n", "",
    )


def test_report_groups_by_file_and_exits_1(root: Path) -> None:
    break_two_files(root)
    result = run("validate", str(root))
    assert (result.returncode, result.stdout, result.stderr) == (1, REPORT, "")


def test_github_format_annotates_and_prints_the_report_to_stderr(root: Path) -> None:
    break_two_files(root)
    result = run("validate", "--format", "github", str(root))
    assert result.returncode == 1
    assert result.stderr == REPORT
    assert result.stdout.splitlines()[0] == (
        "::error file=catalogue_data/batch/batch-1.yaml,line=4,col=1,title=F18 Urutan tanggal terbalik::selesai: "
        "tanggal selesai 2023-11-01 sebelum tanggal mulai 2023-11-06%0ACara memperbaiki: Tanggal `selesai` harus "
        "sama atau sesudah tanggal `mulai`."
    )
    assert len(result.stdout.splitlines()) == 3


def test_github_format_escapes_data_and_properties() -> None:
    issue = Issue("data/a,b:c%d.yaml", 2, 3, "F05", "harga", "naik 50%\r\nbaris dua", "Perbaiki: ya, tidak.")
    assert format_github([issue]) == (
        "::error file=data/a%2Cb%3Ac%25d.yaml,line=2,col=3,title=F05 Harga tidak sah::"
        "harga: naik 50%25%0D%0Abaris dua%0ACara memperbaiki: Perbaiki: ya, tidak."
    )


def test_text_format_of_no_issues_and_of_one() -> None:
    assert format_text([]) == "Ditemukan 0 masalah di 0 berkas. Perbaiki masalah di atas, lalu periksa lagi " \
                              "dengan `./run validate`."
    assert format_text([], BUILD_END) == "Ditemukan 0 masalah di 0 berkas. Situs tidak diterbitkan."
    issue = Issue("f.yaml", 1, 1, "R10", "(berkas)", "nama berkas `A.yaml` bukan ID yang sah", "Ganti.")
    assert format_text([issue]) == (
        "f.yaml (1 masalah)\n"
        "  f.yaml:1:1 [R10] (berkas): nama berkas `A.yaml` bukan ID yang sah\n"
        "      Nama berkas bukan ID yang sah. Cara memperbaiki: Ganti.\n"
        "\n"
        "Ditemukan 1 masalah di 1 berkas. Perbaiki masalah di atas, lalu periksa lagi dengan `./run validate`."
    )


@pytest.mark.parametrize(
    ("rel", "content"),
    [
        (EXHIBITOR, b"\x89PNG\r\n\x1a\n\x00\x00garbage\xff\xfe"),
        (EXHIBITOR, b"nama: [\n"),
        (EXHIBITOR, b"- - - - -\n" * 50),
        ("program.yaml", b"\xef\xbb\xbf" + b"a: \xef\xbb\xbf\n"),
        (BATCH, "nomor: 1\nnomor: 2\n" + "x: &a [*a]\n"),
    ],
)
def test_garbage_is_reported_not_crashed_on(root: Path, rel: str, content, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ETALASE_DEBUG", "1")  # a crash would raise here instead of exiting 2
    write(root, rel, content)
    assert cli.main(["validate", str(root)]) == 1
    assert capsys.readouterr().out.endswith("Perbaiki masalah di atas, lalu periksa lagi dengan `./run validate`.\n")


def test_missing_folder(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "catalogue_data"))
    assert (result.returncode, result.stdout.splitlines()[1]) == (
        1, "  catalogue_data:1:1 [Y12] (berkas): berkas tidak bisa dibuka: folder tidak ditemukan",
    )


def test_internal_error_is_one_line_and_exit_2(monkeypatch, capsys, root: Path) -> None:
    def broken(folder, **options):
        raise RuntimeError("bug")

    monkeypatch.delenv("ETALASE_DEBUG", raising=False)
    monkeypatch.setattr(cli, "load_catalogue", broken)
    assert cli.main(["validate", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "Galat di dalam pemeriksa katalog (RuntimeError): laporkan ke pengembang beserta berkas yang baru diubah. "
        "Set ETALASE_DEBUG=1 untuk melihat rinciannya.\n"
    )
    monkeypatch.setenv("ETALASE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["validate", str(root)])


def test_schema_command_writes_and_checks(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "format-data.md"
    docs.write_text("# Panduan\n\n<!-- dibuat:kode-galat -->\nlama\n<!-- /dibuat:kode-galat -->\n", encoding="utf-8")
    folder = tmp_path / "schema"
    check = ["schema", "--check", "--folder", str(folder), "--docs", str(docs)]
    stale = "sudah usang: jalankan `python -m etalase schema` lalu commit hasilnya."
    assert cli.main(check) == 1
    lines = capsys.readouterr().out.splitlines()
    assert (lines[0], lines[-1], len(lines)) == (f"{folder / 'program.schema.json'} {stale}", f"{docs} {stale}", 7)
    assert cli.main(["schema", "--folder", str(folder), "--docs", str(docs)]) == 0
    assert capsys.readouterr().out == f"6 skema ditulis ke {folder}/; tabel di {docs} diperbarui.\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted(schema.schema_files())
    assert "| `Y01` | Berkas bukan UTF-8 |" in docs.read_text(encoding="utf-8")
    assert cli.main(check) == 0
    assert capsys.readouterr().out == "Skema JSON dan tabel di panduan sudah mutakhir.\n"


def test_committed_schemas_and_guide_pass_the_check() -> None:
    result = run("schema", "--check")
    assert (result.returncode, result.stdout) == (0, "Skema JSON dan tabel di panduan sudah mutakhir.\n")


def test_today_pins_the_day_for_the_rest_of_a_github_job(tmp_path: Path) -> None:
    github_env = tmp_path / "github_env"
    github_env.write_text("EARLIER=1\n", encoding="utf-8")
    env = {"PYTHONPATH": str(PROJECT / "plugins"), "GITHUB_ENV": str(github_env), "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run([sys.executable, "-m", "etalase", "today", "--github-env"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    # 2023-11-14 22:13 UTC is 15 November in Jakarta: the job's steps all see its first second there.
    assert done.stdout.splitlines()[0] == "Tanggal acuan 2023-11-15: dari SOURCE_DATE_EPOCH."
    assert github_env.read_text(encoding="utf-8") == f"EARLIER=1\nSOURCE_DATE_EPOCH={epoch_of(dt.date(2023, 11, 15))}\n"
    later = subprocess.run([sys.executable, "-m", "etalase", "today"], capture_output=True, text=True, check=False,
                           env={**env, "SOURCE_DATE_EPOCH": str(epoch_of(dt.date(2023, 11, 15)))})
    assert later.stdout == "Tanggal acuan 2023-11-15: dari SOURCE_DATE_EPOCH.\n"


def test_today_outside_github_actions_refuses_to_pin(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(PROJECT / "plugins")}
    done = subprocess.run([sys.executable, "-m", "etalase", "today", "--github-env"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith("Tanggal acuan ") and "jam komputer" in done.stdout
    assert done.stderr == "today --github-env: GITHUB_ENV is not set (only GitHub Actions sets it)\n"
