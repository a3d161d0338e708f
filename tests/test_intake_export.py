"""``./run ekspor`` and the template: the catalogue back in the sheet, and the sheet back into the same YAML."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import openpyxl
from etalase.staff.intake.columns import columns
from etalase.staff.intake.ekspor import export_catalogue
from etalase.staff.intake.template import TEMPLATE, new_workbook, workbook_bytes

from tests.catalogue_helpers import EXHIBITOR, copy_root, edit
from tests.intake_helpers import ROOT, ROW, files, photo_folder, run, validate, write_xlsx

SAMPLE = ROOT / "catalogue_data"


def test_the_committed_template_equals_a_fresh_generation():
    assert (ROOT / TEMPLATE).read_bytes() == workbook_bytes(new_workbook(SAMPLE))


def test_the_template_has_headers_notes_drop_downs_and_an_example_row(tmp_path):
    path = tmp_path / "templat.xlsx"
    path.write_bytes((ROOT / TEMPLATE).read_bytes())
    book = openpyxl.load_workbook(path)
    sheet = book["Pendaftaran"]
    headers = {cell.value: cell for cell in sheet[1]}
    assert headers["Harga"].comment.text.startswith("Harga rupiah bulat: 15000, 15.000 atau Rp 15.000")
    assert headers["Harga"].comment.text.endswith("Wajib diisi.")
    lists = {str(check.sqref): check.formula1 for check in sheet.data_validations.dataValidation}
    letter = {name: cell.column_letter for name, cell in headers.items()}
    assert lists[f"{letter['Kategori']}2:{letter['Kategori']}1000"] == "Daftar!$A$2:$A$13"
    assert lists[f"{letter['Kota']}2:{letter['Kota']}1000"] == "Daftar!$C$2:$C$7"
    assert lists[f"{letter['Kecamatan']}2:{letter['Kecamatan']}1000"] == "Daftar!$E$2:$E$45"
    assert lists[f"{letter['Jenis']}2:{letter['Jenis']}1000"] == '"umkm,ikm,penyedia"'
    assert lists[f"{letter['SIINas']}2:{letter['SIINas']}1000"] == '"ya,tidak"'
    assert [row[0] for row in book["Daftar"].iter_rows(min_row=2, max_col=1, values_only=True)][:2] == [
        "kuliner", "minuman"]
    assert sheet[f"{letter['Harga']}2"].value == "45.000"


def test_the_untouched_template_imports_nothing_and_a_filled_example_validates(tmp_path):
    root = copy_root(tmp_path)
    before = files(root)
    untouched = tmp_path / "templat.xlsx"
    untouched.write_bytes((ROOT / TEMPLATE).read_bytes())

    outcome, text = run(untouched, root)

    assert outcome.ok and files(root) == before
    assert text.splitlines()[1] == "Baris 2 sama dengan contoh di templat: dilewati."
    book = openpyxl.load_workbook(untouched)
    book["Pendaftaran"]["B2"] = "Kopi Nusantara"
    book.save(tmp_path / "isi.xlsx")
    outcome, text = run(tmp_path / "isi.xlsx", root, photos=photo_folder(tmp_path, "kopi-robusta-250g.jpg"))
    assert outcome.ok, text
    assert validate(root).returncode == 0


def test_ekspor_then_impor_changes_nothing_in_the_sample_catalogue(tmp_path):
    root = tmp_path / "catalogue_data"
    shutil.copytree(SAMPLE, root)
    before = files(root)

    done = export_catalogue(root, tmp_path / "ulasan.xlsx")
    outcome, text = run(tmp_path / "ulasan.xlsx", root)

    assert (done.exhibitors, done.products) == (42, 165)
    assert outcome.ok and outcome.written == [], text
    assert files(root) == before
    assert text.splitlines()[-1] == "Tidak ada perubahan: katalog sudah sama dengan isi spreadsheet."


def test_ekspor_of_one_batch_lists_its_exhibitors_in_its_order(tmp_path):
    root = copy_root(tmp_path)
    export_catalogue(root, tmp_path / "batch.xlsx", batch=1)
    sheet = openpyxl.load_workbook(tmp_path / "batch.xlsx")["Pendaftaran"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1]) for row in rows] == [("kopi-contoh", "Kopi Contoh")]
    outcome, _ = run(tmp_path / "batch.xlsx", root)
    assert outcome.ok and outcome.written == []


def test_the_invoke_task_takes_a_path_with_spaces_from_where_run_was_started(tmp_path):
    folder = tmp_path / "unduhan saya"
    folder.mkdir()
    export_catalogue(SAMPLE, folder / "daftar batch 10.xlsx", batch=1)  # the task imports into catalogue_data/
    env = {**os.environ, "ETALASE_CALLER_DIR": str(folder), "PYTHONPATH": str(ROOT / "plugins")}
    invoke = [sys.executable, "-m", "invoke", "-r", str(ROOT)]

    done = subprocess.run([*invoke, "impor", "daftar batch 10.xlsx", "--coba"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0].startswith('Dibaca: daftar batch 10.xlsx (lembar "Pendaftaran"): ')
    assert done.stdout.splitlines()[-1] == "Uji coba selesai: tidak ada yang ditulis."
    missing = subprocess.run([*invoke, "impor", "tidak ada.xlsx"], cwd=ROOT, env=env, capture_output=True, text=True,
                             check=False)
    assert missing.returncode == 1
    assert f"[X01] berkas {folder / 'tidak ada.xlsx'} tidak ditemukan" in missing.stdout


def test_the_guide_shows_exactly_what_impor_prints_for_a_bad_price(tmp_path):
    guide = (ROOT / "docs" / "panduan-editor.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- contoh-impor -->\n```text\n(.*?)\n```", guide, re.DOTALL).group(1)
    root = copy_root(tmp_path)
    rows = [{**ROW, "ID produk": f"teh-{n}"} for n in range(3)] + [{**ROW, "ID produk": "teh-3", "Harga": "10:30"}]
    sheet = write_xlsx(tmp_path / "Pendaftaran Batch 10.xlsx", rows, [c.label for c in columns()])

    _, text = run(sheet, root, photos=photo_folder(tmp_path))

    assert "\n".join(text.splitlines()[2:]) == shown


def test_an_unchanged_record_is_not_rewritten_even_when_ruamel_would_lay_it_out_otherwise(tmp_path):
    root = copy_root(tmp_path)
    edit(root, EXHIBITOR, "siinas: ya\n", "siinas: ya   \n")  # trailing spaces a round trip would drop
    before = files(root)
    export_catalogue(root, tmp_path / "ulasan.xlsx")

    outcome, _ = run(tmp_path / "ulasan.xlsx", root)

    assert outcome.ok and outcome.written == [] and files(root) == before
