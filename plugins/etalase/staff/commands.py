"""The ``report``, ``today``, ``check-links-kept``, ``impor``, ``ekspor`` and ``templat`` subcommands.

:mod:`etalase.staff.cli` owns the parser; it calls :func:`add_commands` to register
these and :func:`run` to dispatch them, so the glue for the quality report, the
reference date, the kept-links check and the spreadsheet intake lives next to nothing else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from ..data.catalogue import load_catalogue
from ..data.messages import TODAY_SOURCES
from ..errors import BuildError, DataError
from ..settings import Today, epoch_of, resolve_today
from .report import format_text

COMMANDS = ("report", "today", "check-links-kept", "impor", "ekspor", "templat")


def report(folder: Path, today: Today, fmt: str, html_output: Path | None) -> int:
    """Print the staff quality report as of ``today``, optionally as a page in a file; findings never fail.

    Every build publishes the same page at /staf/laporan/; ``html_output`` is a file anywhere else.
    """
    from .quality import check_quality, format_quality_github, format_quality_text
    from .quality_page import measure_photos, photo_files, qr_sheet_links, render_report

    try:
        catalogue = load_catalogue(folder)
    except DataError as exc:
        print(format_text(exc.issues))
        return 1
    photos = measure_photos(folder, photo_files(catalogue))
    found = check_quality(catalogue, today.date, photos, TODAY_SOURCES[today.source])
    print(format_quality_github(found) if fmt == "github" else format_quality_text(found))
    if html_output is not None:
        html_output.parent.mkdir(parents=True, exist_ok=True)
        html_output.write_text(render_report(found, catalogue.programme.name, qr_sheet_links(catalogue)),
                               encoding="utf-8")
        print(f"Laporan ditulis ke {html_output}")
    return 0


def today(when: Today, github_env: bool, environ=os.environ) -> int:
    """Print the reference date; with ``github_env``, pin it for the rest of a GitHub Actions job."""
    print(f"Tanggal acuan {when.date.isoformat()}: {TODAY_SOURCES[when.source]}.")
    if not github_env:
        return 0
    target = environ.get("GITHUB_ENV", "")
    if not target:
        print("today --github-env: GITHUB_ENV is not set (only GitHub Actions sets it)", file=sys.stderr)
        return 1
    with open(target, "a", encoding="utf-8") as handle:  # every later step of the job reads it
        handle.write(f"SOURCE_DATE_EPOCH={epoch_of(when.date)}\n")
    print(f"SOURCE_DATE_EPOCH={epoch_of(when.date)} ditulis ke GITHUB_ENV: langkah berikutnya memakai tanggal ini.")
    return 0


def check_links_kept(output: Path, folder: Path, live: str | None, first_deploy: bool, fmt: str) -> int:
    """Compare the manifest the build wrote in ``output`` with the live site's; 1 when a published URL would die."""
    from ..outputs.manifest import check_links_kept as check
    from ..outputs.manifest import format_lost_github, format_lost_text

    try:
        result = check(output, folder, live, first_deploy)
    except DataError as exc:
        print(format_text(exc.issues))
        return 1
    except BuildError as exc:
        print(f"check-links-kept: {exc}", file=sys.stderr)
        return 1
    if fmt == "github" and result.lost:
        print(format_lost_github(result.lost))
    if result.compared:
        print(format_lost_text(result.lost))
    if result.note:
        print(result.note)
    return 0 if result.passed else 1


def impor(path: Path, folder: Path, photos: Path | None, update: bool, skip_bad_rows: bool, dry_run: bool) -> int:
    """Import a registration spreadsheet into ``folder``; 1 (and nothing written) when anything is wrong."""
    from .intake.impor import Options, run_import
    from .intake.summary import format_outcome

    options = Options(update=update, skip_bad_rows=skip_bad_rows, dry_run=dry_run, photos=photos)
    outcome = run_import(path, folder, options)
    print(format_outcome(outcome, options))
    return 0 if outcome.ok else 1


def ekspor(path: Path, folder: Path, batch: int | None) -> int:
    """Write the catalogue (or one batch) into the registration template at ``path``."""
    from .intake.ekspor import ExportError, export_catalogue

    try:
        done = export_catalogue(folder, path, batch)
    except DataError as exc:
        print(format_text(exc.issues, "Tidak ada yang diekspor."))
        return 1
    except ExportError as exc:
        print(f"Gagal: {exc}")
        return 1
    what = f"batch {batch}" if batch is not None else "seluruh katalog"
    print(f"Ditulis: {path} ({what}: {done.exhibitors} eksibitor, {done.products} produk).")
    return 0


def templat(output: Path, folder: Path, check: bool) -> int:
    """Write the registration template (or with ``check``, say whether the committed one is current)."""
    from .intake.template import new_workbook, workbook_bytes

    fresh = workbook_bytes(new_workbook(folder))
    if check:
        current = output.is_file() and output.read_bytes() == fresh
        print(f"{output} sudah mutakhir." if current else
              f"{output} sudah usang: jalankan `./run templat` lalu commit hasilnya.")
        return 0 if current else 1
    from ..outputs.artifacts import write_bytes_atomic

    changed = write_bytes_atomic(output, fresh)
    print(f"Templat ditulis ke {output}." if changed else f"{output} sudah mutakhir.")
    return 0


def _add_intake(sub) -> None:
    """Register ``impor``, ``ekspor`` and ``templat``."""
    take = sub.add_parser("impor", help="impor spreadsheet pendaftaran (.xlsx atau .csv) menjadi catatan eksibitor")
    take.add_argument("berkas", type=Path)
    take.add_argument("--data", default="catalogue_data", type=Path)
    take.add_argument("--foto", type=Path, metavar="FOLDER", help="folder berisi foto yang disebut di kolom foto")
    take.add_argument("--perbarui", action="store_true",
                      help="boleh mengubah catatan yang sudah diubah orang (perbedaannya ditampilkan dulu)")
    take.add_argument("--lewati-baris-salah", action="store_true",
                      help="tulis baris yang benar; baris yang salah dilewati dan didaftar")
    take.add_argument("--coba", action="store_true", help="periksa dan tampilkan saja; tidak ada yang ditulis")
    out = sub.add_parser("ekspor", help="tulis katalog (atau satu batch) ke templat pendaftaran .xlsx")
    out.add_argument("berkas", type=Path)
    out.add_argument("--data", default="catalogue_data", type=Path)
    out.add_argument("--batch", type=int, default=None, help="hanya eksibitor batch bernomor ini")
    blank = sub.add_parser("templat", help="tulis docs/templat-pendaftaran.xlsx dari model dan kosakata")
    blank.add_argument("--keluaran", default=Path("docs/templat-pendaftaran.xlsx"), type=Path)
    blank.add_argument("--data", default="catalogue_data", type=Path)
    blank.add_argument("--periksa", action="store_true", help="hanya periksa; keluar 1 bila templat usang")


def today_option(value: str) -> Today:
    """``--today``: a TTTT-BB-HH date, or ``hari-ini`` for the clock's day in Jakarta."""
    if value in ("hari-ini", "today"):
        return resolve_today(environ={})
    try:
        return Today(dt.date.fromisoformat(value), "option")
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' bukan tanggal TTTT-BB-HH") from None


def add_today(command) -> None:
    """Give a subcommand ``--today`` (default: SOURCE_DATE_EPOCH, else the clock in Jakarta, as the build)."""
    command.add_argument("--today", type=today_option, default=None,
                         help="tanggal acuan (TTTT-BB-HH atau hari-ini); bawaan: SOURCE_DATE_EPOCH, "
                              "atau hari ini (WIB)")


def chosen_today(args: argparse.Namespace) -> Today:
    """The ``--today`` of parsed arguments, else the build's "today" (:func:`etalase.settings.resolve_today`)."""
    return args.today or resolve_today()


def add_commands(sub) -> None:
    """Register ``report``, ``today``, ``check-links-kept`` and the intake commands on ``python -m etalase``."""
    quality = sub.add_parser("report", help="laporan mutu untuk staf: foto, harga, sertifikat, data ganda")
    quality.add_argument("folder", nargs="?", default="catalogue_data", type=Path)
    add_today(quality)
    quality.add_argument("--format", choices=("text", "github"), default="text")
    quality.add_argument("--html", type=Path, metavar="BERKAS",
                         help="tulis juga halamannya ke BERKAS (setiap build sudah menerbitkannya di /staf/laporan/)")
    pin = sub.add_parser("today", help="tanggal acuan build, validate dan laporan (SOURCE_DATE_EPOCH, atau hari ini)")
    add_today(pin)
    pin.add_argument("--github-env", action="store_true",
                     help="tulis SOURCE_DATE_EPOCH ke $GITHUB_ENV: satu tanggal untuk seluruh job GitHub Actions")
    kept = sub.add_parser("check-links-kept", help="gagal bila tautan situs yang terbit akan hilang")
    kept.add_argument("output", nargs="?", default="output", type=Path)
    kept.add_argument("--data", default="catalogue_data", type=Path)
    kept.add_argument("--live", help="alamat situs yang terbit, atau berkas/folder manifest.json-nya")
    kept.add_argument("--first-deploy", action="store_true", help="lolos bila belum ada manifest yang terbit")
    kept.add_argument("--format", choices=("text", "github"), default="text")
    _add_intake(sub)


def run(args: argparse.Namespace) -> int:
    """Run one of :data:`COMMANDS` from parsed arguments."""
    if args.command == "report":
        return report(args.folder, chosen_today(args), args.format, args.html)
    if args.command == "today":
        return today(chosen_today(args), args.github_env)
    if args.command == "impor":
        return impor(args.berkas, args.data, args.foto, args.perbarui, args.lewati_baris_salah, args.coba)
    if args.command == "ekspor":
        return ekspor(args.berkas, args.data, args.batch)
    if args.command == "templat":
        return templat(args.keluaran, args.data, args.periksa)
    return check_links_kept(args.output, args.data, args.live, args.first_deploy, args.format)
