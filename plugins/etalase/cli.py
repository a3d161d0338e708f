"""Command line: ``python -m etalase validate [--format text|github] [FOLDER]``.

Also ``report`` (the staff quality report) and ``check-links-kept`` (no published URL dies).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .catalogue import load_catalogue
from .errors import BuildError, DataError
from .report import format_github, format_text


def validate(folder: Path, fmt: str) -> int:
    """Validate a catalogue folder, print the report, return the exit status."""
    try:
        catalogue = load_catalogue(folder)
    except DataError as exc:
        out = format_github(exc.issues) if fmt == "github" else format_text(exc.issues)
        print(out)
        if fmt == "github":
            print(format_text(exc.issues), file=sys.stderr)
        return 1
    products = len(catalogue.listings)
    print(
        f"Katalog sah: {len(catalogue.batches)} batch, {len(catalogue.exhibitors)} eksibitor, "
        f"{len(catalogue.schools)} sekolah, {products} produk."
    )
    return 0


def report(folder: Path, today: dt.date | None, fmt: str, html_output: Path | None) -> int:
    """Print the staff quality report, optionally write /staf/laporan/; findings never fail."""
    from .quality import check_quality, default_today, format_quality_github, format_quality_text
    from .quality_page import measure_photos, photo_files, write_report

    try:
        catalogue = load_catalogue(folder)
    except DataError as exc:
        print(format_text(exc.issues))
        return 1
    when, source = (today, "--today") if today else default_today(catalogue, os.environ)
    found = check_quality(catalogue, when, measure_photos(folder, photo_files(catalogue)), source)
    print(format_quality_github(found) if fmt == "github" else format_quality_text(found))
    if html_output is not None:
        print(f"Laporan ditulis ke {write_report(html_output, found, catalogue.programme.name)}")
    return 0


def check_links_kept(output: Path, folder: Path, live: str | None, first_deploy: bool, fmt: str) -> int:
    """Compare the build in ``output`` with the live site; 1 when a published URL would die."""
    from .manifest import check_links_kept as check
    from .manifest import format_lost_github, format_lost_text

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


def _date(value: str) -> dt.date:
    if value in ("hari-ini", "today"):
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' bukan tanggal TTTT-BB-HH") from None


def _add_staff_commands(sub) -> None:
    quality = sub.add_parser("report", help="staff quality report: photos, prices, certificates, duplicates")
    quality.add_argument("folder", nargs="?", default="catalogue_data", type=Path)
    quality.add_argument("--today", type=_date, help="reference date (TTTT-BB-HH or hari-ini)")
    quality.add_argument("--format", choices=("text", "github"), default="text")
    quality.add_argument("--html", type=Path, metavar="OUTPUT", help="also write OUTPUT/staf/laporan/index.html")
    kept = sub.add_parser("check-links-kept", help="fail when a URL of the live site would disappear")
    kept.add_argument("output", nargs="?", default="output", type=Path)
    kept.add_argument("--data", default="catalogue_data", type=Path)
    kept.add_argument("--live", help="live site URL, or its manifest.json file or folder")
    kept.add_argument("--first-deploy", action="store_true", help="pass when there is no live manifest yet")
    kept.add_argument("--format", choices=("text", "github"), default="text")


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m etalase``."""
    parser = argparse.ArgumentParser(prog="etalase", description="Etalase catalogue tools")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check catalogue_data/ and report every problem")
    check.add_argument("folder", nargs="?", default="catalogue_data", type=Path)
    check.add_argument("--format", choices=("text", "github"), default="text")
    _add_staff_commands(sub)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.folder, args.format)
    if args.command == "report":
        return report(args.folder, args.today, args.format, args.html)
    if args.command == "check-links-kept":
        return check_links_kept(args.output, args.data, args.live, args.first_deploy, args.format)
    return 2  # pragma: no cover - argparse enforces the choices


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
