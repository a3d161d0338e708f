"""The registration workbook: the template staff fill in, and the sheet ``ekspor`` writes the catalogue into.

Made from the columns (:mod:`.columns`, themselves made from the models) and
the vocabulary in catalogue_data/kosakata/: a "Pendaftaran" sheet with one
header per column (its description in a note), drop-downs for category, city,
kecamatan and the choice and yes/no columns, cells kept as text where a
spreadsheet would eat a leading 0, and an example row; a "Petunjuk" sheet
explaining every column; a "Daftar" sheet with the IDs and names the
drop-downs offer. The bytes are the same for the same columns and vocabulary
(fixed timestamps), so the committed template can be compared with a fresh one.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from ...data.loader import load_files
from ...data.models import Categories, Regions
from .columns import EXHIBITOR, PRODUCT, RECORD_ID, Column, columns
from .sheets import SHEET_NAME

GUIDE_SHEET, LISTS_SHEET = "Petunjuk", "Daftar"
TEMPLATE = Path("docs/templat-pendaftaran.xlsx")
MAX_ROWS = 1000
FIXED_TIME = dt.datetime(2026, 1, 1)
TEXT_KINDS = {"phone", "digits", "rupiah", "integer", "percent", "date", "slug", "text"}
HEADER_FILL = {EXHIBITOR: "FFE8D5", PRODUCT: "DDEBF7"}
#: The example row of the template: a fictional exhibitor with one product, as staff would type it.
EXAMPLE: dict[tuple[str, tuple], str] = {
    (EXHIBITOR, RECORD_ID): "kopi-nusantara-contoh",
    (EXHIBITOR, ("nama",)): "Kopi Nusantara (contoh)",
    (EXHIBITOR, ("jenis",)): "umkm",
    (EXHIBITOR, ("kota",)): "jakarta-timur",
    (EXHIBITOR, ("kecamatan",)): "jatinegara",
    (EXHIBITOR, ("alamat",)): "Jl. Contoh Raya No. 1, Jatinegara",
    (EXHIBITOR, ("deskripsi",)): "Sangrai kopi robusta dari petani Lampung sejak 2019.",
    (EXHIBITOR, ("nib",)): "9120001234560",
    (EXHIBITOR, ("siinas",)): "ya",
    (EXHIBITOR, ("jakpreneur",)): "tidak",
    (EXHIBITOR, ("kontak", "whatsapp")): "0812-0000-0199",
    (EXHIBITOR, ("kontak", "email")): "halo@kopinusantara.contoh.id",
    (EXHIBITOR, ("kontak", "instagram")): "@kopinusantara.contoh",
    (EXHIBITOR, ("kontak", "marketplace", 0, "nama")): "Tokopedia",
    (EXHIBITOR, ("kontak", "marketplace", 0, "tautan")): "https://www.tokopedia.com/kopinusantaracontoh",
    (PRODUCT, ("id",)): "kopi-robusta-nusantara-250g",
    (PRODUCT, ("nama",)): "Kopi Robusta Nusantara 250 g",
    (PRODUCT, ("kategori",)): "minuman",
    (PRODUCT, ("deskripsi",)): "Kopi bubuk robusta sangrai sedang, kemasan 250 gram.",
    (PRODUCT, ("harga",)): "45.000",
    (PRODUCT, ("satuan",)): "bungkus",
    (PRODUCT, ("min_pesan",)): "10",
    (PRODUCT, ("foto", 0, "berkas")): "kopi-robusta-250g.jpg",
    (PRODUCT, ("foto", 0, "alt")): "Kemasan kopi robusta cokelat 250 gram",
    (PRODUCT, ("sertifikasi", "halal", "nomor")): "ID31110000123450299",
    (PRODUCT, ("sertifikasi", "halal", "berlaku_sampai")): "2028-12-31",
    (PRODUCT, ("sertifikasi", "pirt", "nomor")): "206317401012399",
    (PRODUCT, ("tkdn", "persen")): "42,5",
    (PRODUCT, ("tkdn", "bmp")): "5",
    (PRODUCT, ("tkdn", "nomor_sertifikat")): "TKDN-CONTOH-0099",
}
GUIDE_LINES = (
    "Cara mengisi lembar Pendaftaran",
    "Satu baris satu produk. Kolom eksibitor (berwarna jingga) boleh diulang di setiap baris produknya, atau diisi "
    "sekali di baris pertama: baris di bawahnya yang kosong ikut eksibitor di atasnya.",
    "Baris 2 adalah contoh: timpa dengan data Anda atau hapus (bila tetap sama persis, baris itu dilewati).",
    "Kategori, kota dan kecamatan dipilih dari daftar (ID dari lembar Daftar; namanya juga diterima).",
    "Harga: 15000, 15.000, Rp 15.000 atau 'atas permintaan'; rentang: harga terendah di Harga, tertinggi di "
    "Harga sampai. Tanggal: TTTT-BB-HH. Ya/tidak: ya atau tidak.",
    "Foto: nama berkas di folder foto yang disebut saat impor (./run impor BERKAS --foto FOLDER), atau jalur "
    "foto yang sudah ada di catalogue_data/.",
    "Impor: ./run impor BERKAS.xlsx. Setiap masalah ditampilkan per sel; tidak ada yang ditulis sampai semua "
    "baris benar (atau --lewati-baris-salah).",
)


def vocabulary_lists(root: Path) -> dict[str, list[tuple[str, ...]]]:
    """The IDs and names of categories, cities and districts in ``root``/kosakata/, in their order."""
    result = load_files(Path(root))
    categories, regions = result.single(Categories), result.single(Regions)
    return {
        "kategori": [(c.id, c.name) for c in categories.categories] if categories else [],
        "kota": [(c.id, c.name) for c in regions.cities] if regions else [],
        "kecamatan": [(d.id, d.name, c.id) for c in regions.cities for d in c.districts] if regions else [],
    }


def _header(sheet, number: int, column: Column) -> None:
    cell = sheet.cell(1, number, column.label)
    cell.font = Font(bold=True)
    cell.fill = PatternFill("solid", fgColor=HEADER_FILL[column.group])
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    note = f"{column.description}.\n{'Wajib diisi.' if column.required else 'Boleh kosong.'}"
    cell.comment = Comment(note, "Etalase", width=320, height=120)
    letter = get_column_letter(number)
    sheet.column_dimensions[letter].width = max(14, min(40, len(column.label) + 4))
    if column.kind in TEXT_KINDS:
        sheet.column_dimensions[letter].number_format = "@"


def _validation(column: Column, lists: dict, cells: str) -> DataValidation | None:
    if column.vocabulary:
        count = len(lists[column.vocabulary])
        letter = {"kategori": "A", "kota": "C", "kecamatan": "E"}[column.vocabulary]
        formula = f"{LISTS_SHEET}!${letter}$2:${letter}${count + 1}"
    elif column.kind == "choice":
        formula = '"' + ",".join(column.choices) + '"'
    elif column.kind == "yesno":
        formula = '"ya,tidak"'
    else:
        return None
    check = DataValidation(type="list", formula1=formula, allow_blank=True, errorStyle="warning",
                           error=f'Pilih dari daftar kolom "{column.label}".', errorTitle="Bukan pilihan daftar",
                           showErrorMessage=True)
    check.add(cells)
    return check


def _lists_sheet(book: Workbook, lists: dict) -> None:
    sheet = book.create_sheet(LISTS_SHEET)
    headings = ("ID kategori", "Nama kategori", "ID kota", "Nama kota", "ID kecamatan", "Nama kecamatan", "Kota")
    for number, heading in enumerate(headings, start=1):
        sheet.cell(1, number, heading).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(number)].width = 22
    for first, kind in ((1, "kategori"), (3, "kota"), (5, "kecamatan")):
        for row, values in enumerate(lists[kind], start=2):
            for offset, value in enumerate(values):
                sheet.cell(row, first + offset, value)


def _guide_sheet(book: Workbook) -> None:
    sheet = book.create_sheet(GUIDE_SHEET)
    for row, line in enumerate(GUIDE_LINES, start=1):
        sheet.cell(row, 1, line).font = Font(bold=row == 1)
    top = len(GUIDE_LINES) + 2
    for number, heading in enumerate(("Kolom", "Wajib", "Keterangan", "Contoh"), start=1):
        sheet.cell(top, number, heading).font = Font(bold=True)
    for row, column in enumerate(columns(), start=top + 1):
        example = EXAMPLE.get((column.group, column.path), "")
        for number, value in enumerate((column.label, "ya" if column.required else "tidak", column.description,
                                        example), start=1):
            sheet.cell(row, number, value)
    for letter, width in (("A", 24), ("B", 8), ("C", 90), ("D", 40)):
        sheet.column_dimensions[letter].width = width


def new_workbook(root: Path, example: bool = True) -> Workbook:
    """The registration workbook for the vocabulary of ``root`` (with the example row unless ``example`` is off)."""
    lists = vocabulary_lists(root)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    sheet.freeze_panes = "C2"
    for number, column in enumerate(columns(), start=1):
        _header(sheet, number, column)
        letter = get_column_letter(number)
        check = _validation(column, lists, f"{letter}2:{letter}{MAX_ROWS}")
        if check is not None:
            sheet.add_data_validation(check)
        if example and (column.group, column.path) in EXAMPLE:
            sheet.cell(2, number, EXAMPLE[(column.group, column.path)])
    _guide_sheet(book)
    _lists_sheet(book, lists)
    return book


def workbook_bytes(book: Workbook) -> bytes:
    """Save ``book`` with fixed timestamps, so that the same workbook gives the same bytes."""
    book.properties.creator = "Etalase"
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def example_values() -> dict[tuple[str, tuple], str]:
    """The template's example row as the sheet reader returns it, to leave it out of an import."""
    return dict(EXAMPLE)
