"""Everything a page tells crawlers and sharers, by page URL: canonical, card, meta tags, JSON-LD, share, QR.

:func:`page_heads` turns the planned pages (:mod:`etalase.site.plan`) into a
:class:`Sharing` that templates reach as ``sharing``: ``base.html`` asks it
for the page's :class:`PageHead` and writes its meta tags and JSON-LD, and
``macros/share.html`` its share links and QR code. Pages it does not know
(Pelican's content pages) get the home card and no JSON-LD.
Pure: URLs are made by ``link`` (SITEURL + path: absolute in published builds,
root-relative in local ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from ..data.catalogue import Catalogue
from ..data.certificates import held
from ..images.cards import HEIGHT, WIDTH, CardSpec
from ..site import editions, urls
from ..site.editions import url_in
from ..site.pages import Page
from ..site.strings import STRINGS
from .cards import card_alt
from .opengraph import ImageRef, MetaTag, meta_tags
from .qrcodes import short_url
from .share import ShareLink, share_links
from .structured import breadcrumb_data, event_data, organization_data, product_data, website_data

Link = Callable[[str], str]
#: Pages without a canonical URL (served for any missing path).
NO_CANONICAL = frozenset({"404"})
PARTICIPANT_KINDS = frozenset({urls.EXHIBITOR, urls.SCHOOL})


@dataclass(frozen=True)
class PageHead:
    """What one page says about itself to crawlers and in its share box."""

    site_name: str
    kind: str
    canonical: str | None
    image: ImageRef | None
    jsonld: tuple[dict, ...] = ()
    qr: str | None = None
    share_text: str = ""
    #: The page's edition (:mod:`etalase.site.editions`): its ``og:locale``, the other one's as the alternate.
    lang: str = editions.DEFAULT

    def meta(self, title: str, description: str) -> list[MetaTag]:
        """The Open Graph and Twitter tags for this page's title and description."""
        return meta_tags(title=title, description=description, url=self.canonical, image=self.image,
                         kind=self.kind, site_name=self.site_name, locale=editions.OG_LOCALES[self.lang],
                         alternate=editions.OG_LOCALES[editions.other_lang(self.lang)]
                         if editions.twinned(self.kind) else None)

    def shares(self) -> list[ShareLink]:
        """The share buttons for this page (empty for pages without a canonical URL)."""
        return share_links(self.canonical, self.share_text, STRINGS[self.lang]) if self.canonical else []


class Sharing:
    """The head of every planned page by URL; templates reach it as ``sharing``.

    A head is made when a template first asks for it (and kept): a build that
    renders few pages makes few heads, and render workers make theirs in
    parallel. ``pages`` and ``ctx`` are what :func:`page_heads` was given;
    without them every page gets the default head.
    """

    def __init__(self, pages: Mapping[str, Page], ctx: Context | None, default: PageHead, link: Link):
        self.pages = pages
        self.ctx = ctx
        self.default = default
        self.link = link
        self.heads: dict[str, PageHead] = {}

    def head(self, path: str) -> PageHead:
        """The head of the page at ``path``; unknown pages get the home card and their own canonical URL."""
        found = self.heads.get(path)
        if found is None:
            page = self.pages.get(path)
            if page is None or self.ctx is None:
                lang = editions.lang_of(path)
                image = self.ctx.image(url_in(urls.HOME, lang)) if self.ctx is not None else self.default.image
                return replace(self.default, kind="page", canonical=self.link(path), jsonld=(), lang=lang,
                               image=image)
            found = self.heads[path] = make_head(self.ctx, page)
        return found

    def card(self, page: Page) -> str | None:
        """The card file a page's head shows: with the page's own inputs, all that makes its head (fingerprints)."""
        return self.ctx.card_path(card_key(page)) if self.ctx is not None else None

    def short_url(self, path: str) -> str:
        """The page's URL as printed under a QR code (no scheme)."""
        return short_url(self.link(path))


@dataclass(frozen=True)
class Context:
    """What :func:`page_heads` needs besides the pages: catalogue, URLs, cards and photos."""

    catalogue: Catalogue
    link: Link
    site_name: str
    #: Page URL -> (what its card shows, the card file relative to the output folder).
    cards: Mapping[str, tuple[CardSpec, str]]
    #: Staff photo file -> the largest published JPEG, relative to the output folder.
    largest: Mapping[str, str]
    #: The build's day: certificates expired on it are not claimed.
    today: dt.date

    def image(self, key: str) -> ImageRef | None:
        """The card of the page at ``key``, else the home card (of the same edition)."""
        spec_path = self.cards.get(key) or self.cards.get(url_in(urls.HOME, editions.lang_of(key)))
        if spec_path is None:
            return None
        spec, path = spec_path
        return ImageRef(self.link(path), WIDTH, HEIGHT, card_alt(spec))

    def card_path(self, key: str) -> str | None:
        """The card file :meth:`image` shows for ``key`` (its name is a hash of what the card shows)."""
        image = self.cards.get(key) or self.cards.get(url_in(urls.HOME, editions.lang_of(key)))
        return image[1] if image else None

    def trail(self, lang: str, *steps: tuple[str, str]) -> dict:
        """A breadcrumb list starting at the ``lang`` home page; ``steps`` are ``(name, path)`` (of either edition:
        each leads to the ``lang`` one)."""
        home = (STRINGS[lang].nav_home, self.link(url_in(urls.HOME, lang)))
        return breadcrumb_data([home] + [(name, self.link(url_in(path, lang))) for name, path in steps])


def product_head(ctx: Context, page: Page, head: PageHead) -> PageHead:
    """A product page: Product and BreadcrumbList, its QR code, "<product> dari <seller>" to share."""
    item = page.context["listing"]
    category = page.context["category"]
    owner_url = page.context["owner_url"]
    images = [ctx.link(ctx.largest[photo.file]) for photo in item.product.photos if photo.file in ctx.largest]
    images += [head.image.url] if head.image else []
    data = product_data(item, url=head.canonical, seller_url=ctx.link(owner_url), category=category.name,
                        images=images, held=held(item.product, ctx.today))
    crumbs = ctx.trail(page.lang, (category.name, urls.category(category.id)), (item.product.name, page.url))
    text = STRINGS[page.lang].share_text_product.format(product=item.product.name, seller=item.owner.name)
    return replace(head, jsonld=(data, crumbs), qr=ctx.link(urls.qr_code(urls.PRODUCT, item.id)), share_text=text)


def participant_head(ctx: Context, page: Page, head: PageHead) -> PageHead:
    """An exhibitor or school page: Organization and BreadcrumbList, its QR code."""
    participant = page.context["participant"]
    logo = ctx.largest.get(participant.logo.file) if participant.logo else None
    data = organization_data(participant, url=head.canonical, city=page.context["city"].name,
                             logo=ctx.link(logo) if logo else None, image=head.image.url if head.image else None)
    t = STRINGS[page.lang]
    index_title = t.schools_title if page.kind == urls.SCHOOL else t.exhibitors_title
    crumbs = ctx.trail(page.lang, (index_title, urls.index(page.kind)), (participant.name, page.url))
    return replace(head, jsonld=(data, crumbs), qr=ctx.link(urls.qr_code(page.kind, participant.id)),
                   share_text=participant.name)


def batch_head(ctx: Context, page: Page, head: PageHead) -> PageHead:
    """A batch page: Event and BreadcrumbList on its first page."""
    batch = page.context["batch"]
    if page.pagination and page.pagination.number > 1:
        return replace(head, share_text=batch.title)
    city = page.context["city"]
    data = event_data(batch, ctx.catalogue.programme, status=page.context["status"], url=head.canonical,
                      city=city.name if city else "", organiser_url=ctx.link(url_in(urls.HOME, page.lang)),
                      image=head.image.url if head.image else None)
    crumbs = ctx.trail(page.lang, (STRINGS[page.lang].nav_batches, urls.index(urls.BATCH)), (batch.title, page.url))
    return replace(head, jsonld=(data, crumbs), share_text=batch.title)


def home_head(ctx: Context, page: Page, head: PageHead) -> PageHead:
    """The home page: WebSite with a SearchAction."""
    programme = page.context.get("programme") or ctx.catalogue.programme
    search = ctx.link(url_in(urls.SEARCH, page.lang))
    data = website_data(name=ctx.site_name, url=head.canonical, search_url=search, description=programme.tagline,
                        publisher=programme.organiser, lang=page.lang)
    return replace(head, jsonld=(data,), share_text=programme.name)


HEADS: dict[str, Callable[[Context, Page, PageHead], PageHead]] = {
    "home": home_head,
    urls.PRODUCT: product_head,
    urls.EXHIBITOR: participant_head,
    urls.SCHOOL: participant_head,
    "batch": batch_head,
}


def card_key(page: Page) -> str:
    """Whose card a page shows: its own, its batch's (later pages, QR sheet), else the home card."""
    if page.kind in ("batch", "qr-sheet"):
        return url_in(urls.batch(page.record_id), page.lang)
    return page.url


def make_head(ctx: Context, page: Page) -> PageHead:
    """The head of one planned page."""
    canonical = None if page.kind in NO_CANONICAL else ctx.link(page.url)
    head = PageHead(ctx.site_name, page.kind, canonical, ctx.image(card_key(page)), share_text=page.title,
                    lang=page.lang)
    make = HEADS.get(page.kind)
    return make(ctx, page, head) if make else head


def page_heads(pages: Iterable[Page], ctx: Context) -> Sharing:
    """The heads of the planned pages (made when asked for), and the default for pages planned elsewhere."""
    default = PageHead(ctx.site_name, "page", None, ctx.image(urls.HOME))
    return Sharing({page.url: page for page in pages}, ctx, default, ctx.link)
