"""Command line: ``python -m etalase validate [--format text|github] [FOLDER]``.

Also ``report`` (the staff quality report) and ``check-links-kept`` (no published URL dies).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import staff_commands
from .catalogue import load_catalogue
from .errors import DataError
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


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m etalase``."""
    parser = argparse.ArgumentParser(prog="etalase", description="Etalase catalogue tools")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("validate", help="check catalogue_data/ and report every problem")
    check.add_argument("folder", nargs="?", default="catalogue_data", type=Path)
    check.add_argument("--format", choices=("text", "github"), default="text")
    staff_commands.add_commands(sub)  # report, check-links-kept
    args = parser.parse_args(argv)
    if args.command == "validate":
        return validate(args.folder, args.format)
    if args.command in staff_commands.COMMANDS:
        return staff_commands.run(args)
    return 2  # pragma: no cover - argparse enforces the choices


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
