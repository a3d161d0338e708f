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
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from pelican.generators import Generator
from pelican.plugins import signals
from pelican.writers import Writer

from . import progress
from .data import certificates
from .data.catalogue import Catalogue, load_catalogue, paused_gc
from .data.messages import TODAY_SOURCES
from .data.preview import only_batch
from .data.recordcache import RecordCache
from .errors import DataError
from .images.media import Media, photos_of
from .outputs.fragments import FRAGMENTS, SEARCH, Fragments
from .outputs.manifest import MANIFEST_NAME, catalogue_index, manifest_bytes, manifest_key
from .outputs.producers import collect
from .outputs.state import Output, drop_state, load_state, save_state, seed
from .search import kept_records, thumbnails_of
from .search.index import BUNDLE, bundle_files
from .search.page import search_context
from .settings import Options, read_options, resolve_today
from .site import editions, templating
from .site.pages import Page, PageRef, SiteInfo, refs
from .site.plan import plan_pages
from .site.renderer import RenderStats, in_background, render_pages, worker_count
from .site.sources import Sources, facts, folder_digest, inputs_digest, settings_digest
from .site.symlinks import outside_links, read_roots
from .site.templating import Memo
from .social.cards import card_specs
from .social.head import Context, Sharing, page_heads
from .social.kit import kit_pages, kits
from .social.qrcodes import qr_files
from .staff.report import BUILD_END, format_text

log = logging.getLogger(__name__)
#: What the catalogue's templates read of Pelican's context; the rest (about 150 settings) would be copied per page.
TEMPLATE_CONTEXT = ("SITEURL", "SITENAME", "localsiteurl", "programme", "catalogue", "etalase", "sharing")


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

        When nothing the build reads changed since the build of the live output
        (:func:`etalase.site.sources.inputs_digest`), nothing is loaded: the
        output phase then writes nothing and the live site stays as it is.
        """
        self.options = options = read_options(self.settings)
        self.today = resolve_today(options.today)
        today = self.today.date
        if self.unchanged(options):
            return
        with progress.step("Memeriksa katalog"):
            catalogue = self.load(options)
        siteurl = str(self.settings.get("SITEURL", "")).rstrip("/")
        self.media = Media(catalogue.root, options.image_cache, options.image_widths, f"{siteurl}/",
                           options.image_workers)
        with progress.step("Menyiapkan foto (WebP dan JPEG tiap ukuran)"):
            self.media.prepare(photos_of(catalogue))
        self.english = english = editions.edition(catalogue, "en")  # every record's English view, made once
        with progress.step("Menggambar kartu pratinjau"):
            self.media.prepare_cards({**card_specs(catalogue, today), **card_specs(english.catalogue, today, "en")})
        self.catalogue = catalogue
        with paused_gc():  # 1.3 pages per product, all kept: the collector would only rescan them
            self.pages = plan_pages(catalogue, today, options.per_page, options.featured)
            self.pages += self.english_pages(self.pages, english, today)
        self.pages += self.kit_pages(catalogue, siteurl)
        self.site = SiteInfo(
            siteurl=siteurl,
            sitename=str(self.settings.get("SITENAME", "")),
            today=today,
            today_note=TODAY_SOURCES[self.today.source],
            pages=refs(self.pages, content_pages(self.context)),
            photo_urls=self.media.photo_urls(),
            thumb_urls=self.media.thumbnail_urls(),
            sample=catalogue.programme.sample,
        )
        self.media.prepare_qr(qr_files(catalogue, self.site.url))
        self.sharing = page_heads(self.pages, Context(catalogue, self.site.url, self.site.sitename,
                                                      self.media.card_files(), self.media.largest_paths(), today))
        self.context.update(catalogue=catalogue, programme=catalogue.programme, etalase=self.site,
                            sharing=self.sharing)
        # What the macros read (imported without context, so Jinja builds each macro module once per build).
        self.env.globals.update(picture_of=self.media.picture, SITEURL=self.context.get("SITEURL", ""),
                                **certificate_globals(today))
        self.install_editions()
        log.info("%s: %d pages planned, today is %s", options.catalogue, len(self.pages), self.today.describe())

    def english_pages(self, pages: list[Page], english: editions.Edition, today: dt.date) -> list[Page]:
        """The English twin of every planned page and of every content page (``content/en/*.md``)."""
        extra = {"search": search_context(english.catalogue, today, english.strings, editions.EditionUrls("en")),
                 "shortlist": {"shortlist_strings": english.strings.prefixed("shortlist_js_")},
                 "home": {"programme": english.catalogue.programme}}
        return editions.twins(pages, english, extra) + english_content(self.context)

    def install_editions(self) -> None:
        """One Jinja environment per edition, each with its strings compiled in, its records and macros."""
        build_cache = self.options.build_cache
        cache = build_cache / "templates" if build_cache else None
        self.envs = {editions.DEFAULT: self.env, "en": templating.edition_env(self.env, "en", cache)}
        self.templates = {lang: {} for lang in self.envs}
        shown = {editions.DEFAULT: self.catalogue, "en": self.english.catalogue}
        for lang, env in self.envs.items():
            env.globals.update(memo=Memo(), catalogue=shown[lang])  # a fresh memo per build: keyed by id()
            templating.install_macros(env)  # after the globals: each macro module keeps those it was made with

    def kit_pages(self, catalogue: Catalogue, siteurl: str) -> list[Page]:
        """Draw the social kit's posts and stories into the cache; return its staff pages (/staf/kit/)."""
        with progress.step("Menggambar kit media sosial"):
            return kit_pages(self.media.prepare_kit(kits(catalogue, SiteInfo(siteurl, "", self.today.date).url)))

    def unchanged(self, options: Options) -> bool:
        """Read the states of the live output and of the folder this build writes; True when nothing changed."""
        self.target = Path(self.output_path)
        self.target_state = load_state(self.target)
        self.live = live = options.previous_output or self.target
        self.live_state = live_state = self.target_state if live == self.target else load_state(live)
        self.inputs = inputs_digest([options.catalogue, Path(str(self.settings.get("PATH", "content")))],
                                    self.settings_digest(), self.today.date)
        self.up_to_date = bool(live_state and live_state.inputs == self.inputs and live_state.extra)
        if self.up_to_date:  # same inputs, same day: Pelican's own pages (content/*.md) get what they show
            self.media = Media(options.catalogue, options.image_cache, options.image_widths, "/", options.image_workers)
            self.context.update(live_state.extra["shared_context"])
            self.notices = live_state.extra["notices"]
            log.info("%s: nothing changed since the last build of %s; today is %s", options.catalogue, live,
                     self.today.describe())
        self.outputs: Output | None = None
        return self.up_to_date

    def load(self, options: Options) -> Catalogue:
        """The validated catalogue (only ``--batch``'s part of it); keeps its notices and what loading it did."""
        self.records = RecordCache(options.build_cache / "records")
        try:
            catalogue = load_catalogue(options.catalogue, self.records, publish=options.publish)
        except DataError as exc:
            raise CatalogueReport(exc.issues) from None
        self.notices = catalogue.notices  # placeholders, for staff (a publish build has raised on them)
        if options.batch is not None:
            catalogue = only_batch(catalogue, options.batch)
        gc.freeze()  # the catalogue lives until the end: no need for the collector to scan it again and again
        return catalogue

    def generate_output(self, writer) -> None:
        """Write what changed into the target folder: pages, photos, theme files, artifacts, the search index.

        Pages are rendered like Pelican's writer renders them (same context) and
        written only when their inputs changed; ``content_written`` still fires
        for every page, so other plugins see them all.
        """
        self.scratch = Path(writer.output_path)
        signals.finalized.connect(self.adopt)  # what Pelican's writer wrote comes in at the end of the run
        if self.up_to_date:
            self.render_stats, self.search_indexed = RenderStats(), False
            return
        if self.target_state is None and self.live_state is not None:  # the other generation, lost: start from live
            seed(self.live, self.target, self.live_state.files)
            self.target_state = self.live_state
        drop_state(self.target)  # from here until save_state the folder is being written
        out = self.outputs = Output(self.target, self.target_state)
        sources = Sources(self.catalogue, self.media.photo_keys(), self.site_digest(), self.site.today)
        whole = hashlib.sha256(f"{sources.whole}{self.site!r}".encode()).hexdigest()  # every page, photo, record
        workers = worker_count(self.options.render_workers)
        fragments = Fragments(self.options.build_cache and self.options.build_cache / FRAGMENTS, sources)
        producing = None if out.keep_group("artifacts", whole) else \
            in_background(workers, collect, self.catalogue, self.site, fragments)  # open data: overlap it
        with progress.step(f"Merender {len(self.pages)} halaman"):
            self.render_stats = render_pages(self.pages, lambda page: sources.key(page, self.sharing.card(page)),
                                             self.render, out, workers)
        if signals.content_written.receivers:  # a context per page only when a plugin listens
            for page in self.pages:
                signals.content_written.send(str(self.target / page.file), context=self.page_context(page))
        self.write_media(out)
        self.write_theme(out)
        if producing is not None:
            self.write_artifacts(out, producing.result(), whole)
        self.search_indexed = False
        if not out.keep_group("search", whole):
            self.write_search(out, whole, sources)

    def write_media(self, out: Output) -> None:
        """Photo variants, preview cards and QR codes: hard links to their cache files."""
        for rel, cached in self.media.files():
            out.link(rel, cached)

    def write_artifacts(self, out: Output, artifacts: list, key: str) -> None:
        """The producers' files (sitemap, feeds, calendars, open data), made together from ``key``."""
        for artifact in artifacts:
            out.write(artifact.path, artifact.data)
        out.group("artifacts", key, [artifact.path for artifact in artifacts])

    def write_theme(self, out: Output) -> None:
        """The theme's static files (``THEME_STATIC_DIR``), through the same write path as everything else."""
        static = Path(str(self.settings.get("THEME", ""))) / "static"
        folder = str(self.settings.get("THEME_STATIC_DIR", "theme"))
        for path in sorted(p for p in static.rglob("*") if p.is_file()):
            out.write(f"{folder}/{path.relative_to(static).as_posix()}", path.read_bytes())

    def write_search(self, out: Output, key: str, sources: Sources) -> None:
        """Index the search records (built only for changed sources; Pagefind only for changed shards), link them."""
        with progress.step("Membangun indeks pencarian"):
            thumbnail, cache, today = thumbnails_of(self.media), self.options.search_cache, self.site.today
            kept = Fragments(self.options.build_cache and self.options.build_cache / SEARCH, sources)
            records, _ = kept_records(self.catalogue, today, thumbnail, kept, self.site)
            # The English edition's bundle (/en/pagefind/): English stemming, its own cache folder.
            english, _ = kept_records(self.english.catalogue, today, thumbnail, kept, self.site, "en")
            found, self.search_indexed = bundle_files(records, cache, sharded=not self.options.publish)
            found_en, indexed_en = bundle_files(english, Path(f"{cache}-en"), not self.options.publish, "en")
            kept.save()  # after the shards' keys: the records keep the digests those computed
            self.search_indexed |= indexed_en
        files = [(f"{BUNDLE}/{rel}", cached, digest) for rel, cached, digest in found]
        files += [(f"{editions.PREFIX['en']}{BUNDLE}/{rel}", cached, digest) for rel, cached, digest in found_en]
        for rel, cached, digest in files:
            out.link(rel, cached, digest)
        out.group("search", key, [rel for rel, _, _ in files])

    def adopt(self, pelican=None) -> None:
        """Handler of ``finalized``: move what Pelican's writer wrote into the site, then save the target's state."""
        if pelican is not None and pelican.settings is not self.settings:  # another build's Pelican
            return
        signals.finalized.disconnect(self.adopt)
        out = self.outputs
        for here, _, names in os.walk(self.scratch):
            for name in sorted(names):
                path = os.path.join(here, name)
                if out is not None:
                    with open(path, "rb") as handle:
                        out.write(os.path.relpath(path, self.scratch).replace(os.sep, "/"), handle.read())
        shutil.rmtree(self.scratch, ignore_errors=True)
        if out is not None:
            self.write_manifest(out)
            self.finish(out)

    def write_manifest(self, out: Output) -> None:
        """``manifest.json``: every file of the build, its redirects, where each record is (written last)."""
        redirects = {f"/{page.url}": f"/{page.context['target']}" for page in self.pages if page.kind == "redirect"}
        files, index = [rel for rel in out.new.files if rel != MANIFEST_NAME], catalogue_index(self.catalogue)
        if not out.fresh(MANIFEST_NAME, manifest_key(files, redirects, index)):
            out.put(MANIFEST_NAME, manifest_bytes(files, redirects, index))

    def finish(self, out: Output) -> None:
        """Delete what this build no longer makes and save the target folder's state."""
        slim = replace(self.site, pages=(), photo_urls={}, thumb_urls={})
        shared = {"programme": self.catalogue.programme, "sharing": Sharing({}, None, self.sharing.default, slim.url)}
        save_state(self.target, out.finish(self.inputs, {"shared_context": shared, "notices": self.notices}))
        log.info("%s: %d pages rendered, %d reused; %d files linked, %d written, %d deleted", self.target,
                 self.render_stats.rendered, self.render_stats.skipped, out.stats.linked, out.stats.written,
                 out.stats.deleted)

    def page_context(self, page: Page) -> dict:
        """What the template of ``page`` sees: Pelican's writer context (``output_file``, …) plus the page's own."""
        context = self.context.copy()
        context.update(localsiteurl=context.get("localsiteurl"), output_file=page.file, url=page.url,
                       page_url=page.url, current=page, pagination=page.pagination, **page.context)
        return context

    def render(self, page: Page) -> str:
        """The HTML of one page, from the part of Pelican's context the templates read and the page's own."""
        context = {key: self.context[key] for key in TEMPLATE_CONTEXT if key in self.context}
        if page.lang != editions.DEFAULT:
            context.update(catalogue=self.english.catalogue, programme=self.english.catalogue.programme)
        context.update(output_file=page.file, url=page.url, page_url=page.url, current=page,
                       pagination=page.pagination, **page.context)
        return self.template(page.template, page.lang).render(context)

    def template(self, name: str, lang: str):
        """The template ``name`` of the ``lang`` edition (compiled once per build)."""
        if lang == editions.DEFAULT:
            return self.get_template(name)
        found = self.templates[lang].get(name)
        if found is None:
            found = self.templates[lang][name] = self.envs[lang].get_template(f"{name}.html")
        return found

    def site_digest(self) -> str:
        """What every page's key shares: templates and theme, settings, today."""
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


def english_content(context: dict) -> list[Page]:
    """The English twin of every content page: its translation (``content/en/<slug>.md``, ``lang: en``) where
    staff wrote one, else the Indonesian page marked ``lang="id"``."""
    pages = []
    for page in sorted(context.get("pages", []), key=lambda p: p.url):
        shown = next((other for other in page.translations if other.lang == "en"), page)
        pages.append(Page(editions.url_in(page.url, "en"), "page", "konten", shown.title, page.slug,
                          {"page": shown, "page_lang": shown.lang}, None,
                          (facts((shown.title, shown.content, shown.lang)),), "en"))
    return pages


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


class ScratchWriter(Writer):
    """Pelican's writer, writing into a scratch folder beside the output: the catalogue generator then moves
    each file into the site through its own write path (so an unchanged file keeps its mtime, and nothing is
    ever written through a hard link into the live site)."""

    def __init__(self, output_path, settings=None):
        path = Path(output_path)  # a generation (".output.a") when etalase.build runs Pelican
        path.parent.mkdir(parents=True, exist_ok=True)
        name = path.name if path.name.startswith(".") else f".{path.name}"
        super().__init__(tempfile.mkdtemp(prefix=f"{name}.pelican-", dir=path.parent), settings)


def get_writer(pelican) -> type[Writer]:
    """Handler of ``get_writer``: Pelican's own pages go through the catalogue generator's write path."""
    return ScratchWriter


def install_templating(generator: Generator) -> None:
    """Handler of ``generator_init``: give every generator's Jinja environment the project's helpers (and keep its
    compiled templates in the build cache)."""
    build_cache = read_options(generator.settings).build_cache
    templating.install(generator.env, cache=build_cache / "templates" if build_cache else None)
