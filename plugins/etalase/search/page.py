"""What the search page (``/cari/``) renders before any JavaScript runs: facets, orders, browse links.

Pure. The facet checkboxes carry the counts of the whole catalogue, computed
from the same facet values the index gets (:mod:`etalase.search.records`), so
the page and Pagefind agree; ``search.js`` replaces them with live counts once
a search narrows the results. The browse links (categories, cities, batches)
lead to every product without JavaScript. Every count on the page counts
results, products and sellers alike (:data:`COUNT_UNIT`): a browse chip and the
checkbox of the same value always show the same number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..data.catalogue import Catalogue
from ..site import urls
from ..site.strings import Strings, T
from .lexicon import script_lexicon
from .records import (
    BATCH,
    BROWSE_TERM,
    BY_NAME,
    BY_PRICE,
    BY_TKDN,
    CATEGORY,
    CERTIFICATE,
    CERTIFICATES,
    CITY,
    FACETS,
    KIND,
    KINDS,
    MUST_BUY,
    MUST_BUY_YES,
    TKDN,
    TKDN_BANDS,
    TYPE,
    TYPE_PRODUCT,
    TYPE_SELLER,
    facet_counts,
    kind_label,
    participant_filters,
    product_filters,
)

#: The ``urut`` URL parameter: value -> (order list, direction); "" is relevance.
SORT_CHOICES = {
    "": None,
    "nama": (BY_NAME, 1),
    "harga": (BY_PRICE, 1),
    "harga-turun": (BY_PRICE, -1),
    "tkdn": (BY_TKDN, -1),
}
SORT_LABELS = {"": "search_sort_relevance", "nama": "search_sort_name", "harga": "search_sort_price",
               "harga-turun": "search_sort_price_desc", "tkdn": "search_sort_tkdn"}
#: Results loaded per step ("Tampilkan lagi"): one request per result, so a phone's first view stays small.
PER_PAGE = 12

#: One record's facet values: facet key -> values.
Filters = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class FacetOption:
    """One checkbox: the filter value (also the URL value), its label and how many records carry it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class FacetGroup:
    """One fieldset of checkboxes: the filter name (also the URL parameter), its legend and options."""

    key: str
    legend: str
    options: tuple[FacetOption, ...]


def _labels(catalogue: Catalogue, t: Strings = T) -> dict[str, list[tuple[str, str]]]:
    """Every facet's possible values with their labels (in ``t``'s language), in reading order."""
    T = t  # noqa: N806 - the labels read as the module's strings do
    return {
        TYPE: [(TYPE_PRODUCT, T.search_type_product), (TYPE_SELLER, T.search_type_seller)],
        CATEGORY: [(c.id, c.name) for c in catalogue.categories.values()],
        CITY: [(c.id, c.name) for c in catalogue.cities.values()],
        BATCH: [(b.id, T.search_batch.format(number=b.number)) for b in reversed(catalogue.batches)],
        KIND: [(kind, kind_label(kind, T)) for kind in KINDS],
        CERTIFICATE: [(cert, T[f"cert_{cert}"]) for cert in CERTIFICATES],
        TKDN: [(band, T[f"search_tkdn_{band.replace('-', '_')}"]) for band in TKDN_BANDS],
        MUST_BUY: [(MUST_BUY_YES, T.search_must_buy_only)],
    }


def filter_sets(catalogue: Catalogue, products: list[Filters]) -> list[Filters]:
    """The facet values of every record the index gets: ``products`` (theirs), then the sellers'."""
    sets = products
    sellers = [*catalogue.exhibitors.values(), *catalogue.schools.values()]
    return sets + [participant_filters(catalogue, participant) for participant in sellers]


def facet_groups(catalogue: Catalogue, products: list[Filters], t: Strings = T) -> list[FacetGroup]:
    """The fieldsets of the search form (labels from ``t``); values no record carries are left out."""
    counts = facet_counts(filter_sets(catalogue, products))
    groups = []
    for key, values in _labels(catalogue, t).items():
        options = tuple(FacetOption(v, label, counts[key][v]) for v, label in values if counts[key].get(v))
        if options:
            groups.append(FacetGroup(key, t[f"search_facet_{key}"], options))
    return groups


def browse_links(catalogue: Catalogue, products: list[Filters], t: Strings = T, urls=urls
                 ) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """``(heading, [(url, label, result count)])`` for categories, cities and batches that have results.

    Counted like the facet checkboxes: products and sellers (a city's page lists both). ``urls``: the
    edition's URLs (:class:`etalase.site.editions.EditionUrls`).
    """
    T = t  # noqa: N806
    counts = facet_counts(filter_sets(catalogue, products))
    groups = [
        (T.nav_categories, CATEGORY, [(urls.category(c.id), c.name, c.id) for c in catalogue.categories.values()]),
        (T.nav_cities, CITY, [(urls.city(c.id), c.name, c.id) for c in catalogue.cities.values()]),
        (T.nav_batches, BATCH, [(urls.batch(b.id), b.title, b.id) for b in reversed(catalogue.batches)]),
    ]
    return [
        (heading, [(url, label, counts[key][value]) for url, label, value in links if counts[key].get(value)])
        for heading, key, links in groups
    ]


def script_strings(T: Strings = T) -> dict[str, str]:  # noqa: N803
    """The texts search.js shows, from the site's strings (``search_js_*`` without the prefix)."""
    strings = T.prefixed("search_js_")
    strings.update(price_on_request=T.price_on_request, halal=T.badge_halal, must_buy=T.badge_must_buy)
    return strings


def search_context(catalogue: Catalogue, today: dt.date, t: Strings = T, urls=urls) -> dict[str, object]:
    """The template context of /cari/ as of ``today``: ``facets``, ``sorts``, ``browse``, ``search_config``.

    ``t`` and ``urls``: the edition's strings and URLs (the English edition's /en/cari/ passes its own).
    """
    T = t  # noqa: N806
    products = [product_filters(item, today) for item in catalogue.listings]  # both counts start from these
    return {
        "count_unit": T.search_count_unit,
        "facets": facet_groups(catalogue, products, T),
        "sorts": [(value, T[label]) for value, label in SORT_LABELS.items()],
        "browse": browse_links(catalogue, products, T, urls),
        "search_config": {
            "facets": list(FACETS),
            "sorts": {value: list(choice) for value, choice in SORT_CHOICES.items() if choice},
            "perPage": PER_PAGE,
            "browseTerm": BROWSE_TERM,
            "lexicon": script_lexicon(),
            "t": script_strings(T),
        },
    }
