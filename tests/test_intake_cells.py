"""Spreadsheet-typed cells (etalase.staff.intake.cells): read as staff meant, or refused with a stable code."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.staff.intake.cells import CellProblem, cell_text
from etalase.staff.intake.columns import column_at, columns


@pytest.mark.parametrize(("kind", "value", "number_format", "expected"), [
    ("phone", 81234567890, "General", "081234567890"),          # 0812… typed into a number cell
    ("phone", 81234567890.0, "General", "081234567890"),
    ("phone", "81234567890", "General", "081234567890"),         # the same, saved to CSV
    ("phone", 6281234567890, "General", "6281234567890"),        # 62… keeps its country code
    ("phone", 215551234, "General", "0215551234"),
    ("digits", 9120001234567.0, "General", "9120001234567"),     # a 13-digit NIB as a float is exact
    ("rupiah", 15000.0, "General", "15000"),
    ("rupiah", "15000.0", "General", "15000"),
    ("rupiah", "15000,00", "General", "15000"),
    ("rupiah", "15.000", "General", "15.000"),                   # Indonesian thousands: left to the model
    ("integer", 12.0, "General", "12"),
    ("date", dt.datetime(2025, 6, 30), "yyyy-mm-dd", "2025-06-30"),
    ("date", dt.date(2025, 6, 30), "yyyy-mm-dd", "2025-06-30"),
    ("date", 45236, "General", "2023-11-06"),                    # a date serial
    ("date", "45236", "General", "2023-11-06"),
    ("date", "2025-06-30 00:00:00", "General", "2025-06-30"),
    ("yesno", True, "General", "ya"),
    ("yesno", False, "General", "tidak"),
    ("yesno", "TRUE", "General", "ya"),
    ("yesno", "SALAH", "General", "tidak"),
    ("percent", 0.425, "0.0%", "42,5"),                          # 42,5 % in a percentage cell
    ("percent", 42.5, "General", "42,5"),
    ("percent", 5, "General", "5"),
    ("choice", "UMKM", "General", "umkm"),
    ("text", "  Kopi   Kita \r\n", "General", "Kopi Kita"),
    ("text", 7, "General", "7"),
    ("markdown", "Baris satu  \r\nBaris dua", "General", "Baris satu\nBaris dua"),
    ("text", None, "General", None),
    ("text", "   ", "General", None),
])
def test_a_cell_becomes_the_text_staff_meant(kind, value, number_format, expected):
    assert cell_text(kind, value, number_format) == expected


@pytest.mark.parametrize(("kind", "value", "code", "message"), [
    ("digits", "1.5E+12", "X04",
     "'1.5E+12' adalah angka yang disingkat spreadsheet (notasi E); digit aslinya sudah hilang"),
    ("phone", "8.12346E+10", "X04",
     "'8.12346E+10' adalah angka yang disingkat spreadsheet (notasi E); digit aslinya sudah hilang"),
    ("digits", 1.5e16, "X04",
     "angka '1.5e+16' terlalu panjang untuk disimpan spreadsheet sebagai angka; digit terakhirnya sudah hilang"),
    ("phone", 812.5, "X05", "'812.5' bukan nomor: ada angka di belakang koma"),
    ("rupiah", dt.time(10, 30), "X05", "sel berisi jam 10:30, padahal kolom ini bukan jam"),
    ("text", True, "X05", "sel berisi nilai TRUE (ya/tidak), padahal kolom ini bukan pilihan ya/tidak"),
    ("rupiah", dt.datetime(2025, 6, 30, 9, 15), "X05",
     "sel berisi tanggal 2025-06-30 09:15, padahal kolom ini bukan tanggal"),
    ("text", "#N/A", "X05", "sel berisi galat rumus #N/A"),
    ("date", 0, "X05", "angka '0' bukan tanggal"),
])
def test_a_cell_that_cannot_be_what_staff_meant_is_refused(kind, value, code, message):
    with pytest.raises(CellProblem) as refused:
        cell_text(kind, value)
    assert (refused.value.code, refused.value.message) == (code, message)


def test_columns_come_from_the_models():
    price, whatsapp = column_at("produk", ("harga",)), column_at("eksibitor", ("kontak", "whatsapp"))
    assert (price.label, price.kind, price.required) == ("Harga", "rupiah", True)
    assert price.description.startswith("Harga rupiah bulat")
    assert (whatsapp.label, whatsapp.kind, whatsapp.required) == ("WhatsApp", "phone", False)
    assert column_at("eksibitor", ("jenis",)).choices == ("umkm", "ikm", "penyedia")
    assert len({column.label for column in columns()}) == len(columns())
    assert [c.label for c in columns() if c.required] == [
        "Nama eksibitor", "Jenis", "Kota", "Kecamatan", "Deskripsi eksibitor", "Nama produk", "Kategori",
        "Deskripsi produk", "Harga", "Satuan", "Foto 1 berkas", "Foto 1 alt"]
