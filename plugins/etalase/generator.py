"""The Pelican glue: a Generator that loads the catalogue, plans pages and renders them through the Writer.

Context phase (:meth:`EtalaseGenerator.generate_context`): read the settings,
load and validate the catalogue (invalid data raises :class:`CatalogueReport`
and nothing is written), encode photos into the cache and plan every page.
Output phase (:meth:`EtalaseGenerator.generate_output`): render each page with
Pelican's writer (so ``content_written`` fires for other plugins), publish the
photo variants and write the artifacts of every producer.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import logging
from dataclasses import replace
from pathlib import Path

from pelican.generators import Generator
from pelican.plugins import signals

from . import progress
from .data import certificates
from .data.catalogue import Catalogue, load_catalogue, paused_gc
from .data.preview import only_batch
from .errors import DataError
from .images.media import Media, photos_of
from .outputs.emit import EmitStats, publish_media, write_outputs, write_search
from .outputs.incremental import BuildState, OutputWriter
from .outputs.producers import collect
from .search import thumbnails_of
from .search.records import build_records
from .settings import Options, read_options, resolve_today
from .site import templating
from .site.fingerprint import Fingerprints, folder_digest, inputs_digest, settings_digest
from .site.pages import Page, PageRef, SiteInfo, refs
from .site.plan import plan_pages
from .site.renderer import RenderStats, in_background, render_pages, worker_count
from .site.symlinks import outside_links, read_roots
from .site.templating import Memo
from .social.cards import card_specs
from .social.head import Context, Sharing, page_heads
from .social.qrcodes import qr_files
from .staff.report import BUILD_END, format_text

log = logging.getLogger(__name__)


class CatalogueReport(DataError):
    """Invalid catalogue data, shown as the staff report wherever the exception is printed."""

    def __str__(self) -> str:
        return "\n" + format_text(self.issues, BUILD_END)


class EtalaseGenerator(Generator):
    """Builds every catalogue page, the photo variants and the machine-readable files."""

    options: Options
    catalogue: Catalogue
    pages: list[Page]
    site: SiteInfo
    media: Media
    sharing: Sharing

    def generate_context(self) -> None:
        """Load and validate the catalogue, encode photos, plan the pages; write nothing.

        When nothing the build reads changed since the last build of the same
        output (:func:`etalase.site.fingerprint.inputs_digest`), nothing is loaded:
        the output phase then keeps the previous output as it is.
        """
        self.options = options = read_options(self.settings)
        self.today = resolve_today(options.today)
        today = self.today.date
        self.live = options.previous_output or Path(self.output_path)
        self.state = BuildState.load(options.build_cache / "state", self.live)
        self.inputs = inputs_digest([options.catalogue, Path(str(self.settings.get("PATH", "content")))],
                                    self.settings_digest(), today)
        self.up_to_date = bool(self.state.files and self.state.inputs == self.inputs and self.state.shared_context)
        if self.up_to_date:  # same inputs, same day
            self.media = Media(options.catalogue, options.image_cache, options.image_widths, "/", options.image_workers)
            self.context.update(self.state.shared_context)  # what Pelican's own pages (content/*.md) show
            self.notices = self.state.notices
            log.info("%s: nothing changed since the last build of %s; today is %s", options.catalogue, self.live,
                     self.today.describe())
            return
        with progress.step("Memeriksa katalog"):
            catalogue = self.load(options)
        siteurl = str(self.settings.get("SITEURL", "")).rstrip("/")
        self.media = Media(catalogue.root, options.image_cache, options.image_widths, f"{siteurl}/",
                           options.image_workers)
        with progress.step("Menyiapkan foto (WebP dan JPEG tiap ukuran)"):
            self.media.prepare(photos_of(catalogue))
        with progress.step("Menggambar kartu pratinjau"):
            self.media.prepare_cards(card_specs(catalogue, today))
        self.catalogue = catalogue
        with paused_gc():  # 1.3 pages per product, all kept: the collector would only rescan them
            self.pages = plan_pages(catalogue, today, options.per_page, options.featured)
        self.site = SiteInfo(
            siteurl=siteurl,
            sitename=str(self.settings.get("SITENAME", "")),
            today=today,
            pages=refs(self.pages, content_pages(self.context)),
            photo_urls=self.media.photo_urls(),
            sample=catalogue.programme.sample,
        )
        self.media.prepare_qr(qr_files(catalogue, self.site.url))
        self.sharing = page_heads(self.pages, Context(catalogue, self.site.url, self.site.sitename,
                                                      self.media.card_files(), self.media.largest_paths(), today))
        self.context.update(catalogue=catalogue, programme=catalogue.programme, etalase=self.site,
                            sharing=self.sharing)
        # What the macros read (imported without context, so Jinja builds each macro module once per build).
        self.env.globals.update(picture_of=self.media.picture, memo=Memo(),  # a fresh memo: keyed by id()
                                SITEURL=self.context.get("SITEURL", ""), catalogue=catalogue,
                                **certificate_globals(today))
        log.info("%s: %d pages planned, today is %s", options.catalogue, len(self.pages), self.today.describe())

    def load(self, options: Options) -> Catalogue:
        """The validated catalogue (only ``--batch``'s part of it); keeps its notices."""
        try:
            catalogue = load_catalogue(options.catalogue, options.build_cache / "records",
                                       worker_count(options.render_workers), publish=options.publish)
        except DataError as exc:
            raise CatalogueReport(exc.issues) from None
        self.notices = catalogue.notices  # placeholders, for staff (a publish build has raised on them)
        if options.batch is not None:
            catalogue = only_batch(catalogue, options.batch)
        gc.freeze()  # the catalogue lives until the end: no need for the collector to scan it again and again
        return catalogue

    def generate_output(self, writer) -> None:
        """Render the pages whose inputs changed, publish photos, write artifacts and the search index.

        Pages are rendered like Pelican's writer renders them (same context) but
        written only when their bytes changed; ``content_written`` still fires
        for every page, so other plugins see them all.
        """
        options, target, live, state = self.options, Path(self.output_path), self.live, self.state
        if self.up_to_date:
            self.outputs = OutputWriter.unchanged(target, live, state)
            self.render_stats, self.emit = RenderStats(), EmitStats()
            return
        out = OutputWriter(target, live if state.files else None, state)  # no state: build everything
        marks = Fingerprints(self.catalogue, self.media.photo_keys(), self.site_digest())
        whole = hashlib.sha256(f"{marks.catalogue}{self.site!r}".encode()).hexdigest()  # every page, photo, record
        workers = worker_count(options.render_workers)
        producing = None if out.group_fresh("artifacts", whole) else \
            in_background(workers, collect, self.catalogue, self.site)  # open data takes seconds: overlap it
        with progress.step(f"Merender {len(self.pages)} halaman"):
            self.render_stats = render_pages(self.pages, lambda page: marks.page(page, self.sharing.card(page)),
                                             self.render, out, workers)
        if signals.content_written.receivers:  # a context per page only when a plugin listens
            for page in self.pages:
                signals.content_written.send(str(target / page.file), context=self.page_context(page))
        self.media.published = publish_media(out, self.media.files())
        self.emit = EmitStats(self.media.published)
        if producing is not None:
            artifacts = producing.result()
            self.emit.artifacts_written = write_outputs(out, artifacts)
            out.group("artifacts", whole, [artifact.path for artifact in artifacts])
        if not out.group_fresh("search", whole):
            with progress.step("Membangun indeks pencarian"):
                records = build_records(self.catalogue, self.site.today, thumbnails_of(self.media))
                self.emit.search_indexed = write_search(out, records, options.search_cache)
            out.group("search", whole, [rel for rel, key in out.new.files.items() if key.startswith("search:")])
        self.outputs = out
        out.new.inputs = self.inputs
        out.new.today, out.new.notices = self.today, self.notices
        slim = replace(self.site, pages=(), photo_urls={})
        out.new.shared_context = {"programme": self.catalogue.programme,
                                  "sharing": Sharing({}, None, self.sharing.default, slim.url)}
        if options.previous_output is None:  # a plain ``pelican`` run; etalase.build saves after its commit
            out.new.save(options.build_cache / "state", target)
        log.info("%s: %d pages rendered, %d reused; %d photo files, %d other files written", target,
                 self.render_stats.rendered, self.render_stats.skipped, self.emit.media_linked,
                 self.emit.artifacts_written)

    def page_context(self, page: Page) -> dict:
        """What the template of ``page`` sees: Pelican's writer context (``output_file``, …) plus the page's own."""
        context = self.context.copy()
        context.update(localsiteurl=context.get("localsiteurl"), output_file=page.file, url=page.url,
                       page_url=page.url, current=page, pagination=page.pagination, **page.context)
        return context

    def render(self, page: Page) -> str:
        """The HTML of one page."""
        return self.get_template(page.template).render(self.page_context(page))

    def site_digest(self) -> str:
        """What every page's fingerprint shares: templates and theme, settings, today."""
        return self.settings_digest() + self.site.today.isoformat()

    def settings_digest(self) -> str:
        """The settings and the theme folder (templates, CSS, fonts), hashed."""
        return settings_digest(self.settings) + folder_digest([Path(str(self.settings.get("THEME", "")))])


def certificate_globals(today: dt.date) -> dict[str, object]:
    """What templates ask of certificates on ``today``: ``must_buy(product)``, ``held(product)``, ``expired(date)``…"""
    return {"must_buy": functools.partial(certificates.must_buy, today=today),
            "held": functools.partial(certificates.held, today=today),
            "tkdn_expired": functools.partial(certificates.tkdn_expired, today=today),
            "expired": functools.partial(certificates.expired, today=today)}


def content_pages(context: dict) -> list[PageRef]:
    """Pelican's own pages (``content/*.md``) as page references, for sitemaps."""
    return [
        PageRef(page.url, "konten", page.slug, page.title, True)
        for page in sorted(context.get("pages", []), key=lambda p: p.url)
    ]


def get_generators(pelican) -> type[Generator]:
    """Handler of ``get_generators``: refuse symlinks that leave the repository (before anything is read), then
    add the catalogue generator."""
    outside = outside_links(read_roots(pelican.settings))
    if outside:
        raise CatalogueReport(outside)
    return EtalaseGenerator


def install_templating(generator: Generator) -> None:
    """Handler of ``generator_init``: give every generator's Jinja environment the project's helpers."""
    templating.install(generator.env)
