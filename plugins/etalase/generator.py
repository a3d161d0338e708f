"""The Pelican glue: a Generator that loads the catalogue, plans pages and renders them through the Writer.

Context phase (:meth:`EtalaseGenerator.generate_context`): read the settings,
load and validate the catalogue (invalid data raises :class:`CatalogueReport`
and nothing is written), encode photos into the cache and plan every page.
Output phase (:meth:`EtalaseGenerator.generate_output`): render each page with
Pelican's writer (so ``content_written`` fires for other plugins), publish the
photo variants and write the artifacts of every producer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator

from . import templating
from .artifacts import write_artifacts
from .catalogue import Catalogue, load_catalogue
from .errors import DataError
from .media import Media, photos_of
from .pages import Page, PageRef, SiteInfo, refs
from .plan import plan_pages
from .preview import only_batch
from .producers import collect
from .report import format_text
from .search import thumbnails_of, write_search_index
from .settings import Options, read_options, resolve_today
from .social.cards import card_specs
from .social.head import Context, Sharing, page_heads
from .social.qrcodes import qr_files

log = logging.getLogger(__name__)


class CatalogueReport(DataError):
    """Invalid catalogue data, shown as the staff report wherever the exception is printed."""

    def __str__(self) -> str:
        return "\n" + format_text(self.issues)


class EtalaseGenerator(Generator):
    """Builds every catalogue page, the photo variants and the machine-readable files."""

    options: Options
    catalogue: Catalogue
    pages: list[Page]
    site: SiteInfo
    media: Media
    sharing: Sharing

    def generate_context(self) -> None:
        """Load and validate the catalogue, encode photos, plan the pages; write nothing."""
        self.options = options = read_options(self.settings)
        try:
            catalogue = load_catalogue(options.catalogue)
        except DataError as exc:
            raise CatalogueReport(exc.issues) from None
        if options.batch is not None:
            catalogue = only_batch(catalogue, options.batch)
        today = resolve_today(options.today, [b.end for b in catalogue.batches])
        siteurl = str(self.settings.get("SITEURL", "")).rstrip("/")
        self.media = Media(catalogue.root, options.image_cache, options.image_widths, f"{siteurl}/",
                           options.image_workers)
        self.media.prepare(photos_of(catalogue))
        self.media.prepare_cards(card_specs(catalogue, today))
        self.catalogue = catalogue
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
                                                      self.media.card_files(), self.media.largest_paths()))
        self.context.update(catalogue=catalogue, programme=catalogue.programme, etalase=self.site,
                            sharing=self.sharing)
        self.env.globals.update(picture_of=self.media.picture)
        log.info("%s: %d pages planned, today is %s", options.catalogue, len(self.pages), today.isoformat())

    def generate_output(self, writer) -> None:
        """Render every planned page, publish photos and write the producers' artifacts."""
        for page in self.pages:
            writer.write_file(
                page.file,
                self.get_template(page.template),
                self.context,
                url=page.url,
                page_url=page.url,
                current=page,
                pagination=page.pagination,
                **page.context,
            )
        published = self.media.publish(Path(self.output_path))
        written, unchanged = write_artifacts(Path(self.output_path), collect(self.catalogue, self.site))
        log.info("%s: %d photo files, %d other files (%d unchanged)", self.output_path, published, written, unchanged)
        write_search_index(Path(self.output_path), self.catalogue, thumbnails_of(self.media),
                           self.options.search_cache)


def content_pages(context: dict) -> list[PageRef]:
    """Pelican's own pages (``content/*.md``) as page references, for sitemaps."""
    return [
        PageRef(page.url, "konten", page.slug, page.title, True)
        for page in sorted(context.get("pages", []), key=lambda p: p.url)
    ]


def get_generators(pelican) -> type[Generator]:
    """Handler of ``get_generators``: add the catalogue generator."""
    return EtalaseGenerator


def install_templating(generator: Generator) -> None:
    """Handler of ``generator_init``: give every generator's Jinja environment the project's helpers."""
    templating.install(generator.env)
