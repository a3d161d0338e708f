"""Command line: ``python -m etalase validate [--format text|github] [--publish] [--today D] [FOLDER]``, ``schema``.

Also ``report`` (the staff quality report), ``check-links-kept`` (no published URL dies), and the
spreadsheet intake ``impor``, ``ekspor`` and ``templat``, registered by :mod:`etalase.staff.commands`.

Staff run ``validate``; it prints every problem and exits 1, or a one-line
summary and exits 0 (after any warnings: placeholders left by the scaffold,
certificates that lapse within 60 days or have lapsed). It never shows a Python traceback: a bug in the checker
itself is reported in one Indonesian line with exit status 2 (set
``ETALASE_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from ..data.catalogue import load_catalogue
from ..data.messages import TODAY_SOURCES
from ..data.schema import stale_schemas, update_guide, with_generated, write_schemas
from ..errors import DataError, Issue
from ..settings import Today
from . import commands as staff_commands
from .report import format_github, format_text, format_warnings

log = logging.getLogger(__name__)

EXIT_VALID, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2
DOCS = Path("docs/format-data.md")
SCHEMA_FOLDER = Path("schema")


def validate(folder: Path, fmt: str, today: Today, publish: bool = False) -> int:
    """Validate a catalogue folder, print problems and warnings, return the exit status (warnings never fail).

    ``publish`` checks it for the public site: scaffold placeholders are then problems, not warnings.
    """
    try:
        catalogue = load_catalogue(folder, publish=publish, today=today.date)
    except DataError as exc:
        _print(exc.issues, fmt, format_text(exc.issues))
        return EXIT_INVALID
    if catalogue.notices:
        tail = (f"; tanggal acuan {today.date.isoformat()}: {TODAY_SOURCES[today.source]}. "
                "Peringatan tidak menggagalkan pemeriksaan")
        _print(catalogue.notices, fmt, format_warnings(catalogue.notices, tail))
        print()
    products = len(catalogue.listings)
    print(
        f"Katalog sah: {len(catalogue.batches)} batch, {len(catalogue.exhibitors)} eksibitor, "
        f"{len(catalogue.schools)} sekolah, {products} produk."
    )
    return EXIT_VALID


def _print(issues: list[Issue], fmt: str, text: str) -> None:
    """Print ``text`` (the report), or with ``--format github`` the annotations and the report on stderr."""
    if fmt == "github":
        print(format_github(issues))
        print(text, file=sys.stderr)
    else:
        print(text)


def schema(folder: Path, docs: Path, check: bool) -> int:
    """Write (or with ``check``, compare) the JSON Schemas and the code table in the staff guide."""
    if not check:
        written = write_schemas(folder)
        changed = docs.is_file() and update_guide(docs)
        print(f"{len(written)} skema ditulis ke {folder}/" + (f"; tabel di {docs} diperbarui." if changed else "."))
        return EXIT_VALID
    stale = [str(path) for path in stale_schemas(folder)]
    text = docs.read_text(encoding="utf-8") if docs.is_file() else ""
    if not docs.is_file() or with_generated(text) != text:
        stale.append(str(docs))
    for path in stale:
        print(f"{path} sudah usang: jalankan `python -m etalase schema` lalu commit hasilnya.")
    if not stale:
        print("Skema JSON dan tabel di panduan sudah mutakhir.")
    return EXIT_INVALID if stale else EXIT_VALID


def parser() -> argparse.ArgumentParser:
    """Build the argument parser."""
    main_parser = argparse.ArgumentParser(prog="etalase", description="Alat katalog Etalase")
    sub = main_parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="periksa catalogue_data/ dan laporkan setiap masalah")
    check.add_argument("folder", nargs="?", default="catalogue_data", type=Path)
    check.add_argument("--format", choices=("text", "github"), default="text")
    check.add_argument("--publish", action="store_true",
                       help="periksa untuk situs yang terbit: isian TODO dan foto sementara menjadi masalah")
    staff_commands.add_today(check)
    make = sub.add_parser("schema", help="tulis schema/*.schema.json dan tabel di docs/format-data.md")
    make.add_argument("--check", action="store_true", help="hanya periksa; keluar 1 bila ada yang usang")
    make.add_argument("--folder", default=SCHEMA_FOLDER, type=Path)
    make.add_argument("--docs", default=DOCS, type=Path)
    staff_commands.add_commands(sub)  # report, today, check-links-kept, impor, ekspor, templat
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m etalase``."""
    args = parser().parse_args(argv)
    try:
        if args.command == "schema":
            return schema(args.folder, args.docs, args.check)
        if args.command in staff_commands.COMMANDS:
            return staff_commands.run(args)
        return validate(args.folder, args.format, staff_commands.chosen_today(args), args.publish)
    except Exception as exc:  # the checker's own bug: one line for staff, the traceback on request
        if os.environ.get("ETALASE_DEBUG"):
            raise
        log.debug("internal error", exc_info=True)
        print(f"Galat di dalam pemeriksa katalog ({type(exc).__name__}): laporkan ke pengembang beserta berkas "
              "yang baru diubah. Set ETALASE_DEBUG=1 untuk melihat rinciannya.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
