"""Helpers for the spreadsheet intake tests: real .xlsx (openpyxl) and .csv files, and the import run."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from etalase.staff.intake.impor import Options, Outcome, run_import
from etalase.staff.intake.summary import format_outcome

from tests.catalogue_helpers import ROOTS

ROOT = Path(__file__).resolve().parent.parent
PHOTO = ROOTS / "catalogue-minimal" / "foto" / "kopi-contoh" / "kopi.jpg"

#: One good product of a new exhibitor, by header.
ROW = {
    "ID eksibitor": "teh-nusa",
    "Nama eksibitor": "Teh Nusa",
    "Jenis": "umkm",
    "Kota": "jakarta-timur",
    "Kecamatan": "matraman",
    "Deskripsi eksibitor": "Teh melati seduh dari Matraman.",
    "WhatsApp": "0812-3456-7802",
    "ID produk": "teh-melati-100g",
    "Nama produk": "Teh Melati 100 g",
    "Kategori": "minuman",
    "Deskripsi produk": "Teh melati kering dalam kemasan kertas.",
    "Harga": "25.000",
    "Satuan": "bungkus",
    "Foto 1 berkas": "teh.jpg",
    "Foto 1 alt": "Kemasan teh melati",
}
HEADERS = list(ROW)


def photo_folder(tmp_path: Path, *names: str) -> Path:
    """A folder of photos (copies of a real JPEG) named as the sheet names them."""
    folder = tmp_path / "foto masuk"
    folder.mkdir(exist_ok=True)
    for name in names or ("teh.jpg",):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PHOTO, folder / name)
    return folder


def write_xlsx(path: Path, rows: list[dict], headers: list[str] | None = None, formats: dict | None = None,
               title: str = "Pendaftaran") -> Path:
    """Write ``rows`` (values by header) into a real workbook; ``formats`` gives number formats by header."""
    headers = headers or HEADERS
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for number, row in enumerate(rows, start=2):
        for column, header in enumerate(headers, start=1):
            cell = sheet.cell(number, column, row.get(header))
            if formats and header in formats:
                cell.number_format = formats[header]
    book.save(path)
    return path


def csv_bytes(rows: list[dict], headers: list[str] | None = None, encoding: str = "utf-8",
              delimiter: str = ",") -> bytes:
    """The bytes a spreadsheet program writes for ``rows`` as CSV in ``encoding``."""
    headers = headers or HEADERS
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if row.get(h) is None else row.get(h) for h in headers])
    return out.getvalue().encode(encoding)


def run(sheet: Path, root: Path, **options) -> tuple[Outcome, str]:
    """Import ``sheet`` into ``root``; return the outcome and what ``impor`` prints."""
    chosen = Options(**options)
    outcome = run_import(sheet, root, chosen)
    return outcome, format_outcome(outcome, chosen)


def told(outcome: Outcome) -> list[tuple[str, str, str]]:
    """Every problem as ``(place, code, message)``."""
    return [(issue.location(), issue.code, issue.message) for issue in outcome.issues]


def files(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes: to show that nothing was written."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def validate(root: Path) -> subprocess.CompletedProcess:
    """The real ``python -m etalase validate`` on ``root``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    return subprocess.run([sys.executable, "-m", "etalase", "validate", str(root)], capture_output=True, text=True,
                          env=env, check=False)
