"""The ``report``, ``today`` and ``check-links-kept`` subcommands of ``python -m etalase``.

:mod:`etalase.staff.cli` owns the parser; it calls :func:`add_commands` to register
these and :func:`run` to dispatch them, so the glue for the quality report, the
reference date and the kept-links check lives next to nothing else.
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

COMMANDS = ("report", "today", "check-links-kept")


def report(folder: Path, today: Today, fmt: str, html_output: Path | None) -> int:
    """Print the staff quality report as of ``today``, optionally write /staf/laporan/; findings never fail."""
    from .quality import check_quality, format_quality_github, format_quality_text
    from .quality_page import measure_photos, photo_files, qr_sheet_links, write_report

    try:
        catalogue = load_catalogue(folder)
    except DataError as exc:
        print(format_text(exc.issues))
        return 1
    photos = measure_photos(folder, photo_files(catalogue))
    found = check_quality(catalogue, today.date, photos, TODAY_SOURCES[today.source])
    print(format_quality_github(found) if fmt == "github" else format_quality_text(found))
    if html_output is not None:
        page = write_report(html_output, found, catalogue.programme.name, qr_sheet_links(catalogue))
        print(f"Laporan ditulis ke {page}")
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


def check_links_kept(output: Path, folder: Path, live: str | None, first_deploy: bool, fmt: str,
                     siteurl: str = "") -> int:
    """Compare the build in ``output`` with the live site; 1 when a published URL would die."""
    from ..outputs.manifest import check_links_kept as check
    from ..outputs.manifest import format_lost_github, format_lost_text

    try:
        result = check(output, folder, live, first_deploy, siteurl)
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
    """Register ``report``, ``today`` and ``check-links-kept`` on the subparsers of ``python -m etalase``."""
    quality = sub.add_parser("report", help="laporan mutu untuk staf: foto, harga, sertifikat, data ganda")
    quality.add_argument("folder", nargs="?", default="catalogue_data", type=Path)
    add_today(quality)
    quality.add_argument("--format", choices=("text", "github"), default="text")
    quality.add_argument("--html", type=Path, metavar="OUTPUT", help="tulis juga OUTPUT/staf/laporan/index.html")
    pin = sub.add_parser("today", help="tanggal acuan build, validate dan laporan (SOURCE_DATE_EPOCH, atau hari ini)")
    add_today(pin)
    pin.add_argument("--github-env", action="store_true",
                     help="tulis SOURCE_DATE_EPOCH ke $GITHUB_ENV: satu tanggal untuk seluruh job GitHub Actions")
    kept = sub.add_parser("check-links-kept", help="gagal bila tautan situs yang terbit akan hilang")
    kept.add_argument("output", nargs="?", default="output", type=Path)
    kept.add_argument("--data", default="catalogue_data", type=Path)
    kept.add_argument("--live", help="alamat situs yang terbit, atau berkas/folder manifest.json-nya")
    kept.add_argument("--first-deploy", action="store_true", help="lolos bila belum ada manifest yang terbit")
    kept.add_argument("--siteurl", default=os.environ.get("ETALASE_SITEURL", ""),
                      help="SITEURL of the build (default $ETALASE_SITEURL), to read its redirect pages")
    kept.add_argument("--format", choices=("text", "github"), default="text")


def run(args: argparse.Namespace) -> int:
    """Run one of :data:`COMMANDS` from parsed arguments."""
    if args.command == "report":
        return report(args.folder, chosen_today(args), args.format, args.html)
    if args.command == "today":
        return today(chosen_today(args), args.github_env)
    return check_links_kept(args.output, args.data, args.live, args.first_deploy, args.format, args.siteurl)
