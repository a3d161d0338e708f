"""Decide every page of the site from a catalogue: one function per kind of page, no Pelican.

:func:`plan_pages` is the entry point; it returns the pages in a fixed order
and refuses two pages at one URL. URLs come from :mod:`etalase.site.urls` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import attrgetter

from ..data import certificates
from ..data.catalogue import Catalogue, Listing
from ..data.models import Batch, Participant, School
from ..errors import BuildError
from ..search.page import search_context
from . import urls
from .pages import Page, Pagination, paginate
from .sources import batches, cards, facts, product, seller, sellers
from .strings import Strings, T

#: Certified listings: slug -> test(listing, today). Each lapses with its certificate.
CERTIFIED_FILTERS: dict[str, Callable[[Listing, dt.date], bool]] = {
    "halal": lambda item, today: "halal" in certificates.held(item.product, today),
    "wajib-pdn": lambda item, today: certificates.must_buy(item.product, today),
}
MORE_FROM_SELLER = 4
READING = attrgetter("reading")


def by_name(items: list[Listing]) -> list[Listing]:
    """Listings in reading order: by product name, then ID (:attr:`Listing.reading`)."""
    return sorted(items, key=READING)


def batch_status(batch: Batch, today: dt.date) -> str:
    """``running``, ``upcoming`` or ``past`` relative to ``today``."""
    if batch.start <= today <= batch.end:
        return "running"
    return "upcoming" if today < batch.start else "past"


def owner_kind(participant: Participant) -> str:
    """The URL folder of a participant: ``sekolah`` or ``eksibitor``."""
    return urls.SCHOOL if isinstance(participant, School) else urls.EXHIBITOR


def home_page(catalogue: Catalogue, today: dt.date, featured: int) -> Page:
    """The home page: current or next batch, figures, featured products, ways to browse."""
    current = catalogue.current_batch(today)
    chosen = by_name([item for item in catalogue.listings if item.product.featured])[:featured]
    browse = browse_context(catalogue, today)
    status = batch_status(current, today) if current else None
    return Page(
        url=urls.HOME,
        template="home",
        kind="home",
        title=catalogue.programme.name,
        context={"batch": current, "status": status, "featured": chosen, **browse},
        sources=(*batches([current] if current else []), *cards(chosen), facts(status), browse_facts(browse)),
    )


def browse_context(catalogue: Catalogue, today: dt.date) -> dict[str, object]:
    """Categories, cities and certified listings with their product counts (as of ``today``)."""
    by_category = catalogue.listings_by(lambda item: item.product.category)
    by_city = catalogue.listings_by(lambda item: item.owner.city)
    return {
        "categories": [(c, len(by_category.get(c.id, []))) for c in catalogue.categories.values()],
        "cities": [(c, len(by_city.get(c.id, []))) for c in catalogue.cities.values()],
        "certified": [
            (slug, T[f"certified_{slug.replace('-', '_')}_title"],
             sum(test(item, today) for item in catalogue.listings))
            for slug, test in CERTIFIED_FILTERS.items()
        ],
    }


def browse_facts(browse: dict[str, object]) -> str:
    """The counts a browse context shows, as a source (what they count is vocabulary, which every page shares)."""
    return facts([[row[-1] for row in browse[group]] for group in ("categories", "cities", "certified")])


def batch_pages(catalogue: Catalogue, today: dt.date, per_page: int) -> list[Page]:
    """The batch index and every batch, its products paginated."""
    statuses = [(b, batch_status(b, today)) for b in reversed(catalogue.batches)]
    pages = [Page(urls.index(urls.BATCH), "batches", "batch-index", T.batches_title, context={"batches": statuses},
                  sources=(*batches(catalogue.batches), facts([status for _, status in statuses])))]
    for batch in catalogue.batches:
        people = catalogue.participants_of(batch)
        context = {
            "batch": batch,
            "status": batch_status(batch, today),
            "exhibitors": [p for p in people if not isinstance(p, School)],
            "schools": [p for p in people if isinstance(p, School)],
            "city": catalogue.cities.get(batch.venue.city),
        }

        shows = (*batches([batch]), *sellers(people), facts(context["status"]))

        def make(url: str, title: str, chunk: list, pagination: Pagination, batch=batch, context=context,
                 shows=shows) -> Page:
            return Page(url, "batch", "batch", title, batch.id, {**context, "items": chunk}, pagination,
                        (*shows, *cards(chunk)))

        shown = by_name(catalogue.listings_in_batch(batch))
        pages += paginate(urls.batch(batch.id), shown, per_page, make, batch.title)
    return pages


def qr_sheet_pages(catalogue: Catalogue) -> list[Page]:
    """A printable sheet of booth QR codes per batch, one per exhibitor and school (not indexed)."""
    return [
        Page(urls.batch_qr_sheet(batch.id), "qr_sheet", "qr-sheet", T.qr_sheet_title.format(batch=batch.title),
             batch.id, {"batch": batch, "people": [(p, owner_kind(p)) for p in catalogue.participants_of(batch)]},
             sources=(*batches([batch]), *sellers(catalogue.participants_of(batch))))
        for batch in catalogue.batches
    ]


def batch_print_pages(catalogue: Catalogue) -> list[Page]:
    """A printable catalogue per batch (``/batch/<id>/cetak/``, not indexed): its products grouped by category."""
    pages = []
    for batch in catalogue.batches:
        shown = by_name(catalogue.listings_in_batch(batch))
        groups = [(category, [item for item in shown if item.product.category == category.id])
                  for category in catalogue.categories.values()]
        groups = [(category, items) for category, items in groups if items]
        people = catalogue.participants_of(batch)
        pages.append(Page(
            urls.batch_print(batch.id), "batch_print", "batch-print",
            T.batch_print_title.format(batch=batch.title), batch.id,
            {"batch": batch, "groups": groups, "city": catalogue.cities.get(batch.venue.city), "count": len(shown)},
            # an entry shows a card's fields, plus the category it is listed under and TKDN/BMP
            sources=(*batches([batch]), *sellers(people), *cards(shown),
                     facts([(item.id, item.product.category, item.product.tkdn) for item in shown])),
        ))
    return pages


def shortlist_page(files: int) -> Page:
    """``/daftar/``: the buyer's shortlist, filled in the browser from ``files`` data files
    (:func:`urls.shortlist_data`; not indexed)."""
    return Page(urls.SHORTLIST, "shortlist", "shortlist", T.shortlist_title,
                context={"shortlist_strings": T.prefixed("shortlist_js_"), "shortlist_files": files},
                sources=(facts(files),))


def participant_pages(catalogue: Catalogue, per_page: int) -> list[Page]:
    """The exhibitor and school indexes and one page per exhibitor and per school."""
    pages: list[Page] = []
    for kind, records, title, intro in (
        (urls.EXHIBITOR, catalogue.exhibitors, T.exhibitors_title, T.exhibitors_intro),
        (urls.SCHOOL, catalogue.schools, T.schools_title, T.schools_intro),
    ):
        ordered = sorted(records.values(), key=lambda p: (p.name.casefold(), p.id))

        def make(url: str, title: str, chunk: list, pagination: Pagination, kind=kind, intro=intro) -> Page:
            rows = [(p, kind, participant_label(p), len(catalogue.listings_of(p))) for p in chunk]
            return Page(url, "participants", f"{kind}-index", title, "", {"rows": rows, "intro": intro}, pagination,
                        (*sellers(chunk), facts([row[3] for row in rows])))

        pages += paginate(urls.index(kind), ordered, per_page, make, title)
        pages += [participant_page(catalogue, p) for p in ordered]
    return pages


def participant_label(participant: Participant, t: Strings = T) -> str:
    """What kind of participant it is, as shown: UMKM, IKM, Penyedia or Sekolah (in ``t``'s language)."""
    return t.kind_school if isinstance(participant, School) else t[f"kind_{participant.kind}"]


def participant_page(catalogue: Catalogue, participant: Participant) -> Page:
    """One exhibitor or school with its products, batches and contacts."""
    kind = owner_kind(participant)
    items, shown_at = by_name(catalogue.listings_of(participant)), catalogue.batches_of(participant)
    return Page(
        url=urls.record(kind, participant.id),
        template="participant",
        kind=kind,
        title=participant.name,
        record_id=participant.id,
        context={
            "participant": participant,
            "is_school": kind == urls.SCHOOL,
            "label": participant_label(participant),
            "items": items,
            "batches": shown_at,
            "city": catalogue.cities[participant.city],
            "district": catalogue.district_name(participant.city, participant.district),
        },
        sources=(seller(participant), *cards(items), *batches(shown_at)),
    )


def product_pages(catalogue: Catalogue, per_page: int) -> list[Page]:
    """The paginated index of every product and one page per product."""

    def make(url: str, title: str, chunk: list, pagination: Pagination) -> Page:
        return Page(url, "listing", "product-index", title, "", {"items": chunk, "intro": T.products_intro}, pagination,
                    cards(chunk))

    ordered = by_name(catalogue.listings)
    shelves: dict[int, list[Listing]] = {}  # each seller's products in reading order, sorted once per seller
    for item in ordered:
        shelves.setdefault(id(item.owner), []).append(item)
    return paginate(urls.index(urls.PRODUCT), ordered, per_page, make, T.products_title) + [
        product_page(catalogue, item, shelves[id(item.owner)]) for item in catalogue.listings
    ]


def product_page(catalogue: Catalogue, item: Listing, shelf: list[Listing]) -> Page:
    """One product with its seller, certificates and contact links; ``shelf`` is its seller's products by name."""
    owner = item.owner
    more = [other for other in shelf if other.id != item.id][:MORE_FROM_SELLER]
    return Page(
        url=urls.product(item.id),
        template="product",
        kind=urls.PRODUCT,
        title=item.product.name,
        record_id=item.id,
        context={
            "listing": item,
            "product": item.product,
            "owner": owner,
            "owner_url": urls.record(owner_kind(owner), owner.id),
            "category": catalogue.categories[item.product.category],
            "city": catalogue.cities[owner.city],
            "district": catalogue.district_name(owner.city, owner.district),
            "more": more,
        },
        sources=(product(item), seller(owner), *cards(more), *batches(item.batches)),
    )


def group_pages(catalogue: Catalogue, per_page: int, today: dt.date) -> list[Page]:
    """Indexes and paginated listings per category, per city and per certification (as of ``today``)."""
    browse = browse_context(catalogue, today)
    counts = (browse_facts(browse),)
    pages: list[Page] = [
        Page(urls.index(urls.CATEGORY), "categories", "category-index", T.categories_title, context=browse,
             sources=counts),
        Page(urls.index(urls.CITY), "cities", "city-index", T.cities_title, context=browse, sources=counts),
        Page(urls.index(urls.CERTIFICATION), "certifications", "certification-index", T.certifications_title,
             context=browse, sources=counts),
    ]
    by_category = catalogue.listings_by(lambda item: item.product.category)
    for category in catalogue.categories.values():
        intro = category.description
        pages += _listing(urls.category(category.id), by_category.get(category.id, []), per_page,
                          T.category_title.format(name=category.name), urls.CATEGORY, category.id, intro)
    by_city = catalogue.listings_by(lambda item: item.owner.city)
    for city in catalogue.cities.values():
        in_city = [p for p in [*catalogue.exhibitors.values(), *catalogue.schools.values()] if p.city == city.id]
        in_city.sort(key=lambda p: (p.name.casefold(), p.id))
        pages += _listing(urls.city(city.id), by_city.get(city.id, []), per_page, T.city_title.format(name=city.name),
                          urls.CITY, city.id, "", {"sellers": in_city, "city": city}, sellers(in_city))
    for slug, test in CERTIFIED_FILTERS.items():
        key = slug.replace("-", "_")
        pages += _listing(urls.certified(slug), [i for i in catalogue.listings if test(i, today)], per_page,
                          T[f"certified_{key}_title"], urls.CERTIFICATION, slug, T[f"certified_{key}_intro"])
    return pages


def _listing(base: str, items: list[Listing], per_page: int, title: str, kind: str, record_id: str, intro: str,
             extra: dict | None = None, shows: tuple[str, ...] = ()) -> list[Page]:
    """A paginated product listing of one group; ``shows``: the sources it shows besides its cards."""

    def make(url: str, numbered: str, chunk: list, pagination: Pagination) -> Page:
        context = {"items": chunk, "intro": intro, **(extra or {})}
        return Page(url, "listing", kind, numbered, record_id, context, pagination, (*shows, *cards(chunk)))

    return paginate(base, by_name(items), per_page, make, title, T.page_label)


def redirect_pages(catalogue: Catalogue) -> list[Page]:
    """A redirect page at every URL a record had under an old ID (``id_lama``)."""
    moved: list[tuple[str, str, str]] = []
    for batch in catalogue.batches:
        moved += [(urls.batch(old), urls.batch(batch.id), batch.title) for old in batch.old_ids]
    for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        kind = owner_kind(participant)
        moved += [(urls.record(kind, old), urls.record(kind, participant.id), participant.name)
                  for old in participant.old_ids]
    for item in catalogue.listings:
        moved += [(urls.product(old), urls.product(item.id), item.product.name) for old in item.product.old_ids]
    return [
        Page(old, "redirect", "redirect", T.redirect_title, "", {"target": new, "target_title": name},
             sources=(facts((new, name)),))
        for old, new, name in sorted(moved)
    ]


def plan_pages(catalogue: Catalogue, today: dt.date, per_page: int = 24, featured: int = 8) -> list[Page]:
    """Every page of the site, in a fixed order; two pages at one URL is a BuildError."""
    searching, browse = search_context(catalogue, today), browse_context(catalogue, today)
    pages = [
        home_page(catalogue, today, featured),
        Page(urls.SEARCH, "search", "search", T.search_title, context=searching, sources=(facts(searching),)),
        Page(urls.NOT_FOUND, "404", "404", T.not_found_title, context=browse, sources=(browse_facts(browse),)),
        *batch_pages(catalogue, today, per_page),
        *qr_sheet_pages(catalogue),
        *batch_print_pages(catalogue),
        shortlist_page(urls.shortlist_files(len(catalogue.listings))),
        *participant_pages(catalogue, per_page),
        *product_pages(catalogue, per_page),
        *group_pages(catalogue, per_page, today),
        *redirect_pages(catalogue),
    ]
    seen: dict[str, Page] = {}
    for page in pages:
        if page.url in seen:
            raise BuildError(f"two pages want /{page.url}: {seen[page.url].kind} and {page.kind} {page.record_id}")
        seen[page.url] = page
    return pages
