"""The page model: which pages the site has, where they live and what each template gets.

Pure: it reads a :class:`~etalase.data.catalogue.Catalogue` and returns
:class:`Page` objects; the Pelican generator only renders them. The same list
becomes :class:`SiteInfo`, which machine-readable producers (sitemap, feeds,
open data) use to know every page without asking Pelican.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import urls

#: Page kinds that are not content of their own and stay out of sitemaps (``qr-sheet`` and ``batch-print`` are
#: for printing, ``shortlist`` is filled in the browser, ``kit`` is for staff).
UNLISTED = frozenset({"redirect", "404", "search", "qr-sheet", "shortlist", "batch-print", "kit"})


@dataclass(frozen=True)
class Pagination:
    """Where one page of a listing sits among its siblings."""

    base: str
    number: int
    count: int
    total: int
    per_page: int

    def url(self, number: int) -> str:
        """The URL of page ``number`` of this listing."""
        return urls.paginate(self.base, number)

    @property
    def prev_url(self) -> str | None:
        """The previous page, or None on the first."""
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        """The next page, or None on the last."""
        return self.url(self.number + 1) if self.number < self.count else None

    @property
    def first_item(self) -> int:
        """1-based position of the first item shown."""
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_item(self) -> int:
        """1-based position of the last item shown."""
        return min(self.number * self.per_page, self.total)

    def numbers(self, around: int = 2) -> list[int | None]:
        """Page numbers to link, with None where a run of numbers is left out (1 … 4 5 6 … 12)."""
        keep = {1, self.count, *range(self.number - around, self.number + around + 1)}
        shown: list[int | None] = []
        for number in range(1, self.count + 1):
            if number in keep:
                shown.append(number)
            elif shown and shown[-1] is not None:
                shown.append(None)
        return shown


@dataclass(frozen=True)
class Page:
    """One HTML page: its URL (relative to the site root), template, kind and template context."""

    url: str
    template: str
    kind: str
    title: str
    record_id: str = ""
    context: Mapping[str, object] = field(default_factory=dict)
    pagination: Pagination | None = None
    #: What the page shows, declared by the plan (:mod:`etalase.site.sources`): its key is made from these.
    sources: tuple[str, ...] = ()
    #: The edition: ``id`` (at ``/``) or ``en`` (at ``/en/``, :mod:`etalase.site.editions`).
    lang: str = "id"

    @property
    def indexable(self) -> bool:
        """Whether search engines should index it (redirects, 404 and search are not)."""
        return self.kind not in UNLISTED

    @property
    def file(self) -> str:
        """The output file, relative to the output folder."""
        return urls.file_of(self.url)


@dataclass(frozen=True)
class PageRef:
    """What producers need of a page: its URL, kind, record ID and title."""

    url: str
    kind: str
    record_id: str
    title: str
    indexable: bool


@dataclass(frozen=True)
class SiteInfo:
    """The site as producers see it (``siteurl``, ``sitename``, ``page_urls``, ``photo_urls``, …)."""

    siteurl: str
    sitename: str
    today: dt.date
    pages: tuple[PageRef, ...] = ()
    photo_urls: Mapping[str, str] = field(default_factory=dict)
    #: Staff photo path to its smallest published variant (the shortlist's thumbnails).
    thumb_urls: Mapping[str, str] = field(default_factory=dict)
    sample: bool = False
    #: Where ``today`` came from, as the staff report says it ("dari SOURCE_DATE_EPOCH", …).
    today_note: str = ""

    @functools.cached_property
    def page_urls(self) -> tuple[tuple[str, bool], ...]:
        """Every page as ``(url, indexable)``, in build order (made once: each producer reads it)."""
        return tuple((ref.url, ref.indexable) for ref in self.pages)

    @property
    def is_absolute(self) -> bool:
        """Whether SITEURL has a scheme and a host (published builds)."""
        parts = urlsplit(self.siteurl)
        return bool(parts.scheme and parts.netloc)

    def url(self, path: str) -> str:
        """Join a site-relative URL from :mod:`etalase.site.urls` to SITEURL."""
        return f"{self.siteurl.rstrip('/')}/{path.lstrip('/')}"


def refs(pages: Iterable[Page], extra: Iterable[PageRef] = ()) -> tuple[PageRef, ...]:
    """Return the producers' view of ``pages`` followed by ``extra`` (e.g. Pelican content pages)."""
    own = [PageRef(p.url, p.kind, p.record_id, p.title, p.indexable) for p in pages]
    return tuple(own + list(extra))


def paginate(
    base: str, items: Sequence, per_page: int, make: callable, title: str, page_label: str = "halaman {number}"
) -> list[Page]:
    """Split ``items`` into pages at ``base``; ``make(url, title, chunk, pagination)`` builds each page.

    A listing with no items still gets its first page, so its URL never breaks.
    """
    count = max(1, -(-len(items) // per_page))
    pages = []
    for number in range(1, count + 1):
        chunk = items[(number - 1) * per_page : number * per_page]
        pagination = Pagination(base, number, count, len(items), per_page)
        numbered = title if number == 1 else f"{title} ({page_label.format(number=number)})"
        pages.append(make(urls.paginate(base, number), numbered, chunk, pagination))
    return pages
