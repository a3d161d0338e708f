"""CSV files as spreadsheet programs write them: UTF-8, Windows-1252 and UTF-16, comma, semicolon or tab."""

from __future__ import annotations

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.data.models import Price
from etalase.staff.intake.sheets import SheetError, read_csv, read_sheet

from tests.catalogue_helpers import copy_root
from tests.intake_helpers import HEADERS, ROW, csv_bytes, files, photo_folder, run, told, validate

CAFE = {**ROW, "Nama eksibitor": "Kafé Nusa", "ID eksibitor": "kafe-nusa", "Deskripsi produk": "Teh “melati” kering."}


@pytest.mark.parametrize(("encoding", "delimiter", "prefix", "how"), [
    ("utf-8", ",", b"", "CSV UTF-8, pemisah koma"),
    ("utf-8", ";", b"\xef\xbb\xbf", "CSV UTF-8 dengan BOM, pemisah titik koma"),  # Excel's "CSV UTF-8", Indonesian
    ("cp1252", ";", b"", "CSV Windows-1252 (cp1252), pemisah titik koma"),       # Excel's plain "CSV" on Windows
    ("utf-16-le", "\t", b"\xff\xfe", "CSV UTF-16, pemisah tab"),                  # Excel's "Unicode Text"
    ("utf-16-le", ",", b"", "CSV UTF-16, pemisah koma"),                         # UTF-16 without a BOM
])
def test_each_encoding_is_detected_and_named(tmp_path, encoding, delimiter, prefix, how):
    root = copy_root(tmp_path)
    sheet = tmp_path / "daftar.csv"
    sheet.write_bytes(prefix + csv_bytes([CAFE], encoding=encoding, delimiter=delimiter))

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    assert outcome.ok, text
    assert read_sheet(sheet).how == how
    assert text.splitlines()[0] == f"Dibaca: daftar.csv ({how}): 1 baris produk, 1 eksibitor."
    record = load_catalogue(root).exhibitors["kafe-nusa"]
    assert (record.name, record.products[0].description) == ("Kafé Nusa", "Teh “melati” kering.")
    assert validate(root).returncode == 0


def test_spreadsheet_typed_text_in_a_csv_is_read_as_meant(tmp_path):
    root = copy_root(tmp_path)
    typed = {**ROW, "WhatsApp": "81234567802", "Harga": "15000.0", "SIINas": "TRUE",
             "Halal nomor": "ID31110000123450223", "Halal berlaku sampai": "45658"}
    headers = [*HEADERS, "SIINas", "Halal nomor", "Halal berlaku sampai"]
    (tmp_path / "daftar.csv").write_bytes(csv_bytes([typed], headers))

    outcome, text = run(tmp_path / "daftar.csv", root, photos=photo_folder(tmp_path))

    assert outcome.ok, text
    record = load_catalogue(root).exhibitors["teh-nusa"]
    assert (record.contact.whatsapp, record.siinas) == ("+6281234567802", True)
    product = record.products[0]
    assert product.price == Price(kind="tetap", low=15000)
    assert product.certifications.halal.valid_until.isoformat() == "2025-01-01"


def test_a_shortened_number_in_a_csv_is_refused_at_its_cell(tmp_path):
    root = copy_root(tmp_path)
    before = files(root)
    (tmp_path / "daftar.csv").write_bytes(csv_bytes([{**ROW, "NIB": "9.12E+12"}], [*HEADERS, "NIB"]))

    outcome, _ = run(tmp_path / "daftar.csv", root, photos=photo_folder(tmp_path))

    assert told(outcome) == [
        ('daftar.csv › P2 (kolom "NIB")', "X04",
         "'9.12E+12' adalah angka yang disingkat spreadsheet (notasi E); digit aslinya sudah hilang")]
    assert files(root) == before


def test_bytes_no_encoding_can_read_are_refused():
    with pytest.raises(SheetError) as refused:
        read_csv("daftar.csv", b"nama\n\x81\x8d\n")
    assert str(refused.value) == ("berkas berisi byte 0x81 yang tidak bisa dibaca sebagai Windows-1252 (cp1252); "
                                  "simpan ulang sebagai CSV UTF-8")


def test_an_old_excel_file_is_refused_with_what_to_do(tmp_path):
    root = copy_root(tmp_path)
    (tmp_path / "daftar.xls").write_bytes(b"\xd0\xcf\x11\xe0")

    outcome, text = run(tmp_path / "daftar.xls", root)

    assert [(i.code, i.message) for i in outcome.issues] == [
        ("X01", "format .xls tidak didukung; simpan ulang sebagai Excel Workbook (.xlsx) atau CSV")]
    assert text.splitlines()[-1] == "Ditemukan 1 masalah di 1 berkas. Tidak ada yang ditulis."
