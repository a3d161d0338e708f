"""The site's editions: Bahasa Indonesia at ``/`` (the default) and English at ``/en/``.

An English page is the same planned :class:`~etalase.site.pages.Page` as its
Indonesian twin, with the URL prefix ``en/``, ``lang="en"`` and a context whose
records are their English views (:func:`english_catalogue`, made once per
record, not per page). A record's English view holds the staff's translation
of each field (``nama_en``, ``deskripsi_en``, …) or, where there is none, the
Indonesian text as a :class:`Fallback`, which prints itself marked
``lang="id"``. The templates are the same, compiled with the English strings
(:mod:`etalase.site.templating`). Pure: no Pelican.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from markupsafe import escape

from ..data.catalogue import Catalogue, Listing
from ..data.models import Batch, Category, Participant, Product, Programme
from . import urls
from .pages import Page
from .strings import STRINGS, Strings

DEFAULT = "id"
LANGS = ("id", "en")
#: The URL prefix of each edition's pages.
PREFIX = {"id": "", "en": "en/"}
#: Babel locale of each edition: British English writes dates as "6–9 November 2023", like Indonesian.
LOCALES = {"id": "id", "en": "en_GB"}
#: Open Graph locale of each edition.
OG_LOCALES = {"id": "id_ID", "en": "en_GB"}
#: Page kinds that have no English twin: staff pages (the social kit, the booth QR sheets).
INDONESIAN_ONLY = frozenset({"kit", "qr-sheet"})
#: Functions of :mod:`etalase.site.urls` that return a page URL (prefixed in an edition); the rest name files.
PAGE_FUNCTIONS = ("index", "record", "product", "exhibitor", "school", "batch", "category", "city", "certified",
                  "batch_print", "content")
PAGE_CONSTANTS = ("HOME", "SEARCH", "SHORTLIST", "NOT_FOUND")


class Fallback(str):
    """A staff text shown untranslated on an English page: in HTML it is marked as Bahasa Indonesia."""

    __slots__ = ()

    def __html__(self) -> str:
        return f'<span lang="id">{escape(str(self))}</span>'


def plain(text):
    """``text`` without a Fallback's marking, for attributes (``data-name="…"``), where no element can go."""
    return str(text) if isinstance(text, Fallback) else text


def lang_of(url: str) -> str:
    """The edition a page URL belongs to."""
    return "en" if url.startswith(PREFIX["en"]) else DEFAULT


def base_url(url: str) -> str:
    """A page URL without its edition's prefix: the Indonesian twin's URL."""
    return url.removeprefix(PREFIX[lang_of(url)])


def url_in(url: str, lang: str) -> str:
    """The URL of the page at ``url`` (of any edition) in the edition ``lang``."""
    return PREFIX[lang] + base_url(url)


def alternates(url: str) -> list[tuple[str, str]]:
    """``(hreflang, url)`` of every edition of a page, then ``x-default`` (the Indonesian one)."""
    found = [(lang, url_in(url, lang)) for lang in LANGS]
    return [*found, ("x-default", url_in(url, DEFAULT))]


def other_lang(lang: str) -> str:
    """The edition the language switch of a ``lang`` page leads to."""
    return "en" if lang == DEFAULT else DEFAULT


class EditionUrls:
    """:mod:`etalase.site.urls` for the templates of one edition: page URLs carry its prefix, files do not."""

    def __init__(self, lang: str):
        self.lang, prefix = lang, PREFIX[lang]
        for name in dir(urls):
            if not name.startswith("_"):
                setattr(self, name, getattr(urls, name))
        for name in PAGE_FUNCTIONS:
            setattr(self, name, _prefixed(getattr(urls, name), prefix))
        for name in PAGE_CONSTANTS:
            setattr(self, name, prefix + getattr(urls, name))


def _prefixed(function, prefix: str):
    """``function`` with ``prefix`` before each URL it returns."""
    return lambda *args, **kwargs: prefix + function(*args, **kwargs)


def _english(record, *fields: str) -> dict[str, str]:
    """The English text of each field of ``record``: its ``<field>_en``, else the Indonesian as a Fallback."""
    shown = {}
    for name in fields:
        text = getattr(record, name)
        if text is not None:
            shown[name] = getattr(record, f"{name}_en") or Fallback(text)
    return shown


def _copy(record, update: Mapping[str, object]):
    """A copy of a validated record with some fields replaced (no validation: the values are the record's)."""
    return record.model_copy(update=dict(update))


def english_product(product: Product) -> Product:
    """A product as the English edition shows it."""
    return _copy(product, _english(product, "name", "description"))


def english_participant(participant: Participant) -> Participant:
    """An exhibitor or school as the English edition shows it (its products too)."""
    update = _english(participant, "name", "description")
    update["products"] = [english_product(product) for product in participant.products]
    return _copy(participant, update)


def english_batch(batch: Batch) -> Batch:
    """A batch as the English edition shows it; its activities and venue stay in Bahasa Indonesia (marked)."""
    update = _english(batch, "title", "summary")
    update["activities"] = [_copy(activity, {key: Fallback(value) for key, value in
                                             (("name", activity.name), ("description", activity.description))
                                             if value}) for activity in batch.activities]
    update["venue"] = _copy(batch.venue, {"name": Fallback(batch.venue.name)})
    return _copy(batch, update)


def english_category(category: Category) -> Category:
    """A category as the English edition shows it."""
    return _copy(category, _english(category, "name", "description"))


def english_programme(programme: Programme) -> Programme:
    """The programme as the English edition shows it (organiser and figures untranslated, marked)."""
    update = _english(programme, "name", "tagline")
    update.update(organiser=Fallback(programme.organiser), description=Fallback(programme.description),
                  figures=[_copy(figure, {"title": Fallback(figure.title), "source": Fallback(figure.source)})
                           for figure in programme.figures])
    return _copy(programme, update)


@dataclasses.dataclass(frozen=True)
class Edition:
    """One language's view of the catalogue: its strings, its records and how Indonesian values map to them."""

    lang: str
    strings: Strings
    catalogue: Catalogue
    #: ``id()`` of an Indonesian record (listing, product, seller, batch, category, programme) -> its view.
    views: Mapping[int, object]
    #: Indonesian UI strings a plan puts in a context (an intro, a label) -> this edition's.
    phrases: Mapping[str, str]

    def view(self, value):
        """``value`` as this edition shows it: records by their view, containers element by element."""
        found = self.views.get(id(value))
        if found is not None:
            return found
        if isinstance(value, str):
            return self.phrases.get(value, value)
        if isinstance(value, list):
            return [self.view(item) for item in value]
        if isinstance(value, tuple):
            return tuple(self.view(item) for item in value)
        if isinstance(value, dict):
            return {key: self.view(item) for key, item in value.items()}
        return value


def english_catalogue(catalogue: Catalogue) -> tuple[Catalogue, dict[int, object]]:
    """The catalogue with every record's English view, and the Indonesian records' ``id()`` -> their view."""
    views: dict[int, object] = {}

    def keep(record, view):
        views[id(record)] = view
        return view

    sellers = {}
    for seller in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        sellers[id(seller)] = view = keep(seller, english_participant(seller))
        views.update(zip(map(id, seller.products), view.products, strict=True))
    by_batch = {id(batch): keep(batch, english_batch(batch)) for batch in catalogue.batches}
    listings = [keep(item, Listing(views[id(item.product)], sellers[id(item.owner)],
                                   tuple(by_batch[id(batch)] for batch in item.batches)))
                for item in catalogue.listings]
    english = dataclasses.replace(
        catalogue, programme=keep(catalogue.programme, english_programme(catalogue.programme)),
        categories={key: keep(c, english_category(c)) for key, c in catalogue.categories.items()},
        batches=list(by_batch.values()), listings=listings,
        exhibitors={key: sellers[id(p)] for key, p in catalogue.exhibitors.items()},
        schools={key: sellers[id(p)] for key, p in catalogue.schools.items()},
    )
    return english, views


def phrasebook(source: Strings, target: Strings) -> dict[str, str]:
    """Each UI string of ``source`` -> the same key's string in ``target`` (the first key wins on equal texts)."""
    found: dict[str, str] = {}
    for key, text in source.items():
        if isinstance(text, str) and key in target:
            found.setdefault(text, target[key])
    return found


def edition(catalogue: Catalogue, lang: str) -> Edition:
    """The ``lang`` edition of ``catalogue`` (the Indonesian edition is the catalogue itself)."""
    if lang == DEFAULT:
        return Edition(lang, STRINGS[lang], catalogue, {}, {})
    english, views = english_catalogue(catalogue)
    return Edition(lang, STRINGS[lang], english, views, phrasebook(STRINGS[DEFAULT], STRINGS[lang]))


#: Context keys that hold a page URL (prefixed in the twin); other strings are texts or URL parts.
URL_KEYS = frozenset({"owner_url", "target"})
#: The context entry whose record names a record page (its title is the record's name or title).
TITLED_BY = {"produk": ("product", "name"), "eksibitor": ("participant", "name"), "sekolah": ("participant", "name"),
             "batch": ("batch", "title"), "home": ("programme", "name")}


def twin_title(page: Page, ed: Edition, context: Mapping[str, object]) -> str:
    """The title of ``page``'s twin in the edition ``ed``."""
    strings = ed.strings
    if page.kind in TITLED_BY:
        key, field = TITLED_BY[page.kind]
        record = context.get(key) or ed.catalogue.programme
        title = getattr(record, field)
    elif page.kind == "batch-print":
        title = strings.batch_print_title.format(batch=context["batch"].title)
    elif page.kind == urls.CATEGORY:
        title = strings.category_title.format(name=ed.catalogue.categories[page.record_id].name)
    elif page.kind == urls.CITY:
        title = strings.city_title.format(name=ed.catalogue.cities[page.record_id].name)
    else:
        title = ed.phrases.get(_unnumbered(page), page.title)
    if page.pagination and page.pagination.number > 1:
        return f"{title} ({strings.page_label.format(number=page.pagination.number)})"
    return title


def _unnumbered(page: Page) -> str:
    """A page's title without the page number a listing's later pages add to it."""
    if page.pagination and page.pagination.number > 1:
        return page.title.rsplit(" (", 1)[0]
    return page.title


def twin(page: Page, ed: Edition, extra: Mapping[str, object] | None = None) -> Page:
    """``page`` in the edition ``ed``: its URL prefixed, its context in the edition's records and strings."""
    context = {key: url_in(value, ed.lang) if key in URL_KEYS else ed.view(value)
               for key, value in page.context.items()}
    context.update(extra or {})
    pagination = page.pagination
    if pagination is not None:
        pagination = dataclasses.replace(pagination, base=url_in(pagination.base, ed.lang))
    return dataclasses.replace(page, url=url_in(page.url, ed.lang), lang=ed.lang, context=context,
                               pagination=pagination, title=twin_title(page, ed, context))


def twins(pages: Iterable[Page], ed: Edition, extra: Mapping[str, Mapping[str, object]]) -> list[Page]:
    """The twin in ``ed`` of every page that has one; ``extra``: context entries by page kind (the search page's)."""
    return [twin(page, ed, extra.get(page.kind)) for page in pages if page.kind not in INDONESIAN_ONLY]


def twinned(kind: str) -> bool:
    """Whether pages of ``kind`` exist in every edition (the language switch and hreflang links lead there)."""
    return kind not in INDONESIAN_ONLY
