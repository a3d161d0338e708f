"""Atomic builds: Pelican writes into the output's other generation, which becomes the live site only on success.

``python -m etalase.build [--settings FILE] [--output DIR] [--batch N]`` is what
``invoke build`` and ``invoke publish`` run. A run fails (exit status 1, the
previous output untouched) when the catalogue is invalid (the staff report is
printed), when any generator raises, or when anything logs a warning or an
error that ``LOG_FILTER`` does not silence: warnings are fatal, as with
``pelican --fatal warnings``, but all of them are listed before failing.
The output path is a symlink to one of two generation folders
(:mod:`etalase.outputs.state`); a build updates the other one and, when it has
succeeded, points the symlink at it.
Scaffold placeholders (``TODO`` texts, placeholder photos) are not logged: a
local build prints them as notices for staff after "Situs dibangun", and a
build with ``--publish`` (or ``ETALASE_PUBLISH``) fails on them.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import progress
from .data.messages import TODAY_SOURCES
from .errors import BuildError, CatalogueError, Issue
from .outputs.state import Generations, load_state
from .settings import Today
from .site.markup import conversions
from .staff.report import BUILD_END, format_text, format_warnings

if TYPE_CHECKING:
    from .generator import EtalaseGenerator
    from .images.media import MediaStats
    from .site.renderer import RenderStats

log = logging.getLogger(__name__)

#: Notices a publish build turns into problems (scaffold placeholders); the others never fail a build.
PUBLISH_REFUSES = frozenset({"T01", "T02"})


@dataclass
class BuildResult:
    """Where the site went and what was logged on the way."""

    output: Path
    warnings: list[str] = field(default_factory=list)
    #: Photos and cards encoded or reused by the catalogue generator (None if it did not run).
    media: MediaStats | None = None
    #: Pages planned, rendered, reused; files written (by the writer, then by the commit); records parsed.
    work: BuildWork | None = None
    #: The day the build was "as of" and where it came from (None if the catalogue generator did not run).
    today: Today | None = None
    #: Warnings for staff that do not fail a local build (scaffold placeholders); a publish build refuses them.
    notices: list[Issue] = field(default_factory=list)


@dataclass(frozen=True)
class BuildWork:
    """How much work a build did (what a second build with nothing changed must keep at zero)."""

    incremental: bool
    pages: RenderStats
    records_parsed: int
    markdown_rendered: int
    files_written: int
    files_deleted: int
    search_indexed: bool


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
        settings["ETALASE_PUBLISH"] = True  # placeholders left by the scaffold fail it
    output = Path(os.path.abspath(settings["OUTPUT_PATH"]))  # not resolve(): it is a symlink to a generation
    sites = Generations(output)
    live, target = sites.live(), sites.prepare()
    settings["OUTPUT_PATH"] = str(target)
    settings["DELETE_OUTPUT_DIRECTORY"] = False
    settings["ETALASE_PREVIOUS_OUTPUT"] = str(live) if live is not None else ""
    collector = WarningCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    _reset_pelican_log_state(settings.get("LOG_FILTER", []))
    ours: list[EtalaseGenerator] = []

    def remember(generators) -> None:
        ours.extend(g for g in generators if isinstance(g, EtalaseGenerator))

    signals.all_generators_finalized.connect(remember)
    markdown_before = conversions()
    try:
        Pelican(settings).run()
        if fatal_warnings and collector.messages:
            raise BuildError("warnings are fatal:\n  " + "\n  ".join(collector.messages))
    except BaseException:
        if load_state(target) is None:  # half written, or never written: nothing worth keeping
            shutil.rmtree(target, ignore_errors=True)
        raise
    finally:
        root.removeHandler(collector)
        signals.all_generators_finalized.disconnect(remember)
    work = finish(sites, target, ours[0] if ours else None, conversions() - markdown_before)
    if not ours:
        return BuildResult(output, collector.messages)
    return BuildResult(output, collector.messages, ours[0].media.stats(), work, ours[0].today, ours[0].notices)


def finish(sites: Generations, target: Path, generator: EtalaseGenerator | None, markdown: int = 0) -> BuildWork | None:
    """Make the generation this build wrote the live site (unless it found nothing changed); what it did."""
    if generator is None or not generator.up_to_date:
        sites.commit(target)
    if generator is None:
        return None
    out = generator.outputs
    if out is None:  # nothing changed: nothing loaded, rendered or written
        return BuildWork(True, generator.render_stats, 0, markdown, 0, 0, False)
    return BuildWork(bool(out.old.files), generator.render_stats, generator.records.stats.parsed, markdown,
                     out.stats.written + out.stats.linked, out.stats.deleted, generator.search_indexed)


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
    progress.enable()
    started = time.monotonic()
    overrides: dict[str, object] = {}
    if args.output:
        overrides["OUTPUT_PATH"] = os.path.abspath(args.output)  # the link itself, not the generation it names
    if args.catalogue:
        overrides["ETALASE_CATALOGUE"] = str(args.catalogue.resolve())
    if args.batch is not None:
        overrides["ETALASE_BATCH"] = args.batch
    if args.siteurl is not None:
        overrides["SITEURL"] = args.siteurl
    try:
        with without_pelican_summary():
            result = build(args.settings, overrides, fatal_warnings=not args.warnings_ok, publish=args.publish)
    except CatalogueError as exc:
        print(format_text(exc.issues, BUILD_END), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build gagal, keluaran lama tidak diubah: {exc}", file=sys.stderr)
        return 1
    print(built_message(result))
    print(summary(result, time.monotonic() - started))
    return 0


@contextlib.contextmanager
def without_pelican_summary():
    """Drop Pelican's "Done: Processed 0 articles, … 3 pages" line: the catalogue's pages are not among them."""
    from pelican.log import console

    def quieter(*objects, **kwargs):
        if not (objects and isinstance(objects[0], str) and objects[0].startswith("Done: Processed")):
            shown(*objects, **kwargs)

    shown = console.print
    console.print = quieter
    try:
        yield
    finally:
        del console.print  # the class's own method again


def summary(result: BuildResult, elapsed: float) -> str:
    """What the build made, in one line: pages, photos, cards, files written, seconds."""
    from .site.formatting import number

    took = f"selesai dalam {progress.seconds(elapsed)}"
    work, media = result.work, result.media
    if work is None or media is None:
        return took[0].upper() + took[1:] + "."
    if work.incremental and work.pages.planned == 0 and work.files_written == 0:
        return f"Tidak ada yang berubah sejak build terakhir: 0 berkas ditulis, {took}."
    pages = f"{number(work.pages.planned)} halaman ({number(work.pages.rendered)} dirender)"
    photos = f"{number(media.photos_encoded + media.photos_cached)} foto ({number(media.photos_encoded)} baru)"
    cards = f"{number(media.cards_encoded + media.cards_cached)} kartu pratinjau"
    # A fresh output was written whole (search index, Pelican's pages and theme files too); an update, in part.
    written = work.files_written if work.incremental else sum(len(names) for _, _, names in os.walk(result.output))
    files = f"{number(written)} berkas ditulis, {number(work.files_deleted)} dihapus"
    return f"Dibuat {pages}, {photos}, {cards}; {files}; {took}."


def built_message(result: BuildResult) -> str:
    """What a successful build tells staff: where the site is, as of which day, and any notices (placeholders)."""
    lines = [f"Situs dibangun di {result.output}"]
    if result.today is not None:
        lines[0] += f" (tanggal acuan {result.today.date.isoformat()}: {TODAY_SOURCES[result.today.source]})"
    if result.notices:
        refused = any(notice.code in PUBLISH_REFUSES for notice in result.notices)
        tail = ". Situs lokal tetap dibangun, tetapi `./run publish` menolaknya sampai diperbaiki" if refused else \
            ". Situs tetap dibangun"
        lines = [format_warnings(result.notices, tail), "", *lines]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
