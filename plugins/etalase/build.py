"""Atomic builds: Pelican renders into a fresh sibling folder that replaces the output only on success.

``python -m etalase.build [--settings FILE] [--output DIR] [--batch N]`` is what
``invoke build`` and ``invoke publish`` run. A run fails (exit status 1, the
previous output untouched) when the catalogue is invalid (the staff report is
printed), when any generator raises, or when anything logs a warning or an
error that ``LOG_FILTER`` does not silence: warnings are fatal, as with
``pelican --fatal warnings``, but all of them are listed before failing.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .errors import BuildError, CatalogueError
from .report import format_text

if TYPE_CHECKING:
    from .media import MediaStats

log = logging.getLogger(__name__)


@dataclass
class BuildResult:
    """Where the site went and what was logged on the way."""

    output: Path
    warnings: list[str] = field(default_factory=list)
    #: Photos and cards encoded or reused by the catalogue generator (None if it did not run).
    media: MediaStats | None = None


class WarningCollector(logging.Handler):
    """Remembers every warning and error logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``logger: message`` of one record."""
        self.messages.append(f"{record.name}: {record.getMessage()}")


def require_https(siteurl: str) -> None:
    """Refuse to publish unless SITEURL is an absolute ``https://`` URL with a host."""
    parts = urlsplit(siteurl)
    if parts.scheme != "https" or not parts.hostname:
        raise BuildError(
            f"publishing needs SITEURL to be an absolute https:// URL, got {siteurl!r}; "
            "set it in publishconf.py or with ETALASE_SITEURL=https://…"
        )


def staging_dir(output: Path) -> Path:
    """A fresh folder next to ``output`` (same file system, so the swap is a rename)."""
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def swap_in(staging: Path, output: Path) -> None:
    """Replace ``output`` with ``staging``: two renames, the old folder deleted last."""
    retired = output.parent / f".{output.name}.old-{os.getpid()}"
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        os.replace(output, retired)
    os.replace(staging, output)
    shutil.rmtree(retired, ignore_errors=True)


def _reset_pelican_log_state(log_filter) -> None:
    """Forget what Pelican's log filter saw in an earlier build of this process; silence only ``log_filter``."""
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    LimitFilter._ignore.clear()
    LimitFilter._ignore.update(set(log_filter))


def build(
    settings_file: Path | None,
    overrides: Mapping[str, object] | None = None,
    fatal_warnings: bool = True,
    publish: bool = False,
) -> BuildResult:
    """Run Pelican into a fresh folder and swap it in; raise (leaving the output alone) on any failure."""
    from pelican import Pelican
    from pelican.plugins import signals
    from pelican.settings import read_settings

    from .generator import EtalaseGenerator

    settings = read_settings(str(settings_file) if settings_file else None, override=dict(overrides or {}))
    if publish:
        require_https(str(settings.get("SITEURL", "")))
    output = Path(settings["OUTPUT_PATH"]).resolve()
    staging = staging_dir(output)
    settings["OUTPUT_PATH"] = str(staging)
    settings["DELETE_OUTPUT_DIRECTORY"] = False
    collector = WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    _reset_pelican_log_state(settings.get("LOG_FILTER", []))
    ours: list[EtalaseGenerator] = []

    def remember(generators) -> None:
        ours.extend(g for g in generators if isinstance(g, EtalaseGenerator))

    signals.all_generators_finalized.connect(remember)
    try:
        Pelican(settings).run()
        if fatal_warnings and collector.messages:
            raise BuildError("warnings are fatal:\n  " + "\n  ".join(collector.messages))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
        signals.all_generators_finalized.disconnect(remember)
    swap_in(staging, output)
    return BuildResult(output, collector.messages, ours[0].media.stats() if ours else None)


def main(argv: list[str] | None = None) -> int:
    """Command line of the atomic build; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m etalase.build", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
    parser.add_argument("--output", type=Path, help="output folder (default: OUTPUT_PATH of the settings)")
    parser.add_argument("--catalogue", type=Path, help="folder of staff records (default: ETALASE_CATALOGUE)")
    parser.add_argument("--batch", type=int, help="preview one batch: only it, its participants and products")
    parser.add_argument("--siteurl", help="override SITEURL")
    parser.add_argument("--publish", action="store_true", help="require an absolute https SITEURL")
    parser.add_argument("--warnings-ok", action="store_true", help="do not fail on warnings")
    args = parser.parse_args(argv)
    from pelican.log import init as init_logging

    init_logging(logging.WARNING)
    overrides: dict[str, object] = {}
    if args.output:
        overrides["OUTPUT_PATH"] = str(args.output.resolve())
    if args.catalogue:
        overrides["ETALASE_CATALOGUE"] = str(args.catalogue.resolve())
    if args.batch is not None:
        overrides["ETALASE_BATCH"] = args.batch
    if args.siteurl is not None:
        overrides["SITEURL"] = args.siteurl
    try:
        result = build(args.settings, overrides, fatal_warnings=not args.warnings_ok, publish=args.publish)
    except CatalogueError as exc:
        print(format_text(exc.issues), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build gagal, keluaran lama tidak diubah: {exc}", file=sys.stderr)
        return 1
    print(f"Situs dibangun di {result.output}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
