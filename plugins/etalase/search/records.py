"""Search records: what Pagefind indexes for every published product, exhibitor and school.

Pure: it reads a :class:`~etalase.data.catalogue.Catalogue` and returns
:class:`SearchRecord` objects; :mod:`etalase.search.index` hands them to
Pagefind. A record holds only what a visitor searches for (``content``), what
a result card shows (``meta``: name, thumbnail, price, seller), the facets it
belongs to (``filters``, whose names are also the search page's URL
parameters) and the values it is ordered by (``order``, see
:mod:`etalase.search.order`). Withdrawn records never reach the catalogue's
published lists, so they never reach the index.

Pagefind 1.5 also searches every metadata value, so the searchable text goes
through the lexicon (:mod:`etalase.search.lexicon`) wherever it is indexed
(the content and the title), and the other card fields (price, unit, seller
line, photo URL: no search words, or words the content holds already) are
stored with :func:`unsearchable`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ..data.catalogue import Catalogue, Listing
from ..data.certificates import held, must_buy
from ..data.models import Participant, Photo, Product, School
from ..outputs.text import plain_text
from ..site import editions, formatting, urls
from ..site.strings import STRINGS, Strings, T
from .lexicon import BROWSE, CLOSER, PROTECT, index_name, index_text

#: Pagefind language: Indonesian stemming ("membatik" finds "batik").
LANGUAGE = "id"

# Facets: Pagefind filter names, also the URL parameters of /cari/.
TYPE = "tipe"
CATEGORY = "kategori"
CITY = "kota"
BATCH = "batch"
KIND = "pelaku"
CERTIFICATE = "sertifikasi"
TKDN = "tkdn"
MUST_BUY = "pdn"
FACETS = (TYPE, CATEGORY, CITY, BATCH, KIND, CERTIFICATE, TKDN, MUST_BUY)

# Values of the facets that are not catalogue IDs.
TYPE_PRODUCT = "produk"
TYPE_SELLER = "penjual"
KINDS = ("umkm", "ikm", "penyedia", "sekolah")
CERTIFICATES = ("halal", "bpom", "pirt", "sni")
TKDN_BANDS = ("di-bawah-25", "25-40", "40-ke-atas", "tanpa")
MUST_BUY_YES = "wajib"

# Orders other than relevance; see etalase.search.order.
BY_NAME = "nama"
BY_PRICE = "harga"
BY_TKDN = "tkdn"
ORDERS = (BY_NAME, BY_PRICE, BY_TKDN)

#: Words of a description that go into the index: enough to find a product, small enough for fragments.
DESCRIPTION_CHARS = 240

#: A word every record holds, searched for when nothing is typed. Pagefind 1.5.2 answers a filter-only
#: search (``search(null)``) by downloading every index chunk (900 KB gzip at 10,000 products; fixed
#: upstream by Pagefind PR #1317); this word costs one chunk instead (see lexicon.CLOSER). It is a reserved
#: letter that the query normaliser strips, so no typed query ever matches it.
BROWSE_TERM = BROWSE
#: What ends every record's content: the browse word, after the word that gives it an index chunk of its own.
_TAIL = f" {CLOSER} {BROWSE_TERM}"
#: Where an unsearchable text's bytes go: U+2800 + byte, Braille patterns, which are no letters or digits.
_HIDDEN = 0x2800

#: ``thumbnail(photo)`` returns the site-relative URL of a small photo variant, or None.
Thumbnail = Callable[[Photo], "str | None"]


@dataclass(frozen=True)
class SearchRecord:
    """One result: its URL, searchable text, card metadata, facet values and order keys."""

    url: str
    content: str
    meta: Mapping[str, str]
    filters: Mapping[str, tuple[str, ...]]
    order: Mapping[str, object] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The title shown on the result card (the indexed title without the lexicon's marks)."""
        return self.meta["title"].replace(PROTECT, "")

    @functools.cached_property
    def digest(self) -> bytes:
        """SHA-256 of the record as Pagefind gets it: made once, and kept with the record between builds (its
        ``__dict__`` is pickled with it), so a shard's key reads no record again."""
        fields = [self.url, self.content, dict(self.meta), {k: list(v) for k, v in self.filters.items()},
                  {k: str(v) for k, v in self.order.items()}]
        return hashlib.sha256(_ENCODER.encode(fields).encode("utf-8")).digest()


#: ``json.dumps(…, sort_keys=True, ensure_ascii=False)``, built once.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


_TKDN_LOW, _TKDN_HIGH = Decimal(25), Decimal(40)


def tkdn_band(product: Product) -> str:
    """The TKDN facet value of a product: below 25 %, 25 to under 40 %, 40 % and up, or none."""
    if product.tkdn is None:
        return "tanpa"
    if product.tkdn.percent < _TKDN_LOW:
        return "di-bawah-25"
    if product.tkdn.percent < _TKDN_HIGH:
        return "25-40"
    return "40-ke-atas"


def kind_of(participant: Participant) -> str:
    """The seller-kind facet value: ``umkm``, ``ikm``, ``penyedia`` or ``sekolah``."""
    return "sekolah" if isinstance(participant, School) else participant.kind


def kind_label(kind: str, t: Strings = T) -> str:
    """The reader's word for a seller kind (UMKM, IKM, Penyedia, Sekolah), in ``t``'s language."""
    return t.kind_school if kind == "sekolah" else t[f"kind_{kind}"]


def name_key(name: str) -> str:
    """A name folded for ordering: accents and case ignored, spaces collapsed."""
    if name.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def price_text(product: Product, lang: str = LANGUAGE) -> str:
    """The price as a card shows it: ``Rp 45.000``, a range, or the on-request text (in the ``lang`` edition)."""
    t = STRINGS[lang]
    return formatting.price(product.price, on_request=t.price_on_request, free=t.price_free,
                            locale=editions.LOCALES[lang])


def summary(markdown: str | None, width: int = DESCRIPTION_CHARS) -> str:
    """The first ``width`` characters of staff Markdown as one line of plain text, cut on a word boundary."""
    plain = plain_text(markdown) if markdown else ""
    # The words of a prefix, joined, begin the words of the whole text, joined: when they pass ``width``,
    # they hold every character the cut looks at (and a long description is not split whole).
    text = " ".join(plain[: 2 * width].split())
    if len(text) <= width:
        text = " ".join(plain.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width + 1)
    return text[:cut] if cut > 0 else text[:width]


#: Each byte's Braille pattern, decoded once: a Latin-1 decoding of the UTF-8 bytes, then one translate.
_HIDING = {byte: chr(_HIDDEN + byte) for byte in range(256)}


def unsearchable(text: str) -> str:
    """``text`` in a form Pagefind indexes no word of: each UTF-8 byte as a Braille pattern (search.js decodes it)."""
    return text.encode("utf-8").decode("latin-1").translate(_HIDING)


def revealed(text: str) -> str:
    """The text :func:`unsearchable` hid (what search.js's ``reveal`` does)."""
    return bytes(ord(ch) - _HIDDEN for ch in text).decode("utf-8")


#: The filters a result card reads (seller or product, the Halal and Wajib PDN badges): all its fragment keeps.
CARD_FILTERS = (TYPE, CERTIFICATE, MUST_BUY)


def card_meta(meta: Mapping[str, str]) -> dict[str, str]:
    """A record's metadata as its result card shows it: the title without the lexicon's marks, the rest in clear."""
    return {key: value.replace(PROTECT, "") if key == "title" else revealed(value) for key, value in meta.items()}


def is_must_buy(product: Product, today: dt.date) -> bool:
    """Whether a product is wajib PDN as of ``today``: every must-buy decision of the search goes through here."""
    return must_buy(product, today)


def _join(*parts: str | None) -> str:
    return ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip())


def _with_photo(meta: dict[str, str], photo: Photo | None, thumbnail: Thumbnail | None) -> dict[str, str]:
    url = thumbnail(photo) if (photo is not None and thumbnail is not None) else None
    return {**meta, "foto": unsearchable(url)} if url else meta


def product_filters(item: Listing, today: dt.date) -> dict[str, tuple[str, ...]]:
    """The facet values of one product (seller's city and kind, batches, certificates held, TKDN, wajib PDN)."""
    return _product_filters(item, held(item.product, today), today)


def _product_filters(item: Listing, certificates: list[str], today: dt.date) -> dict[str, tuple[str, ...]]:
    """:func:`product_filters` with the product's certificate kinds given."""
    product = item.product
    filters: dict[str, tuple[str, ...]] = {
        TYPE: (TYPE_PRODUCT,),
        CATEGORY: (product.category,),
        CITY: (item.owner.city,),
        BATCH: tuple(batch.id for batch in item.batches),
        KIND: (kind_of(item.owner),),
        CERTIFICATE: tuple(certificates),
        TKDN: (tkdn_band(product),),
        MUST_BUY: (MUST_BUY_YES,) if is_must_buy(product, today) else (),
    }
    return {key: values for key, values in filters.items() if values}


def participant_filters(catalogue: Catalogue, participant: Participant) -> dict[str, tuple[str, ...]]:
    """The facet values of a seller's own page: type, city, kind and batches."""
    filters = {
        TYPE: (TYPE_SELLER,),
        CITY: (participant.city,),
        BATCH: tuple(batch.id for batch in catalogue.batches_of(participant)),
        KIND: (kind_of(participant),),
    }
    return {key: values for key, values in filters.items() if values}


def product_record(catalogue: Catalogue, item: Listing, today: dt.date, thumbnail: Thumbnail | None = None,
                   lang: str = LANGUAGE) -> SearchRecord:
    """The search record of one published product, as of ``today`` (wajib PDN lapses with its TKDN certificate).

    ``lang``: the edition (``catalogue`` is then its view): its strings, prices and URLs.
    """
    product, owner, T = item.product, item.owner, STRINGS[lang]  # noqa: N806 - the edition's strings
    category = catalogue.categories[product.category].name
    city = catalogue.cities[owner.city].name
    kinds = held(product, today)
    certificates = " ".join(T[f"cert_{kind}"] for kind in kinds)
    content = index_text(_join(
        product.name, category, owner.name, city, certificates, "TKDN" if product.tkdn else None,
        T.badge_must_buy if is_must_buy(product, today) else None, summary(product.description),
    )) + _TAIL
    meta = {"title": index_name(product.name), "harga": unsearchable(price_text(product, lang)),
            "penjual": unsearchable(f"{owner.name} · {city}")}
    if product.price.kind != "permintaan":
        meta["satuan"] = unsearchable(T.product_unit.format(unit=product.unit))
    order: dict[str, object] = {BY_NAME: name_key(product.name)}
    if product.price.low is not None:
        order[BY_PRICE] = product.price.low
    if product.tkdn is not None:
        order[BY_TKDN] = product.tkdn.percent
    return SearchRecord(
        url="/" + editions.PREFIX[lang] + urls.product(product.id),
        content=content,
        meta=_with_photo(meta, product.photos[0], thumbnail),
        filters=_product_filters(item, kinds, today),
        order=order,
    )


def participant_record(catalogue: Catalogue, participant: Participant, thumbnail: Thumbnail | None = None,
                       lang: str = LANGUAGE) -> SearchRecord:
    """The search record of one published exhibitor or school (in the ``lang`` edition)."""
    kind = kind_label(kind_of(participant), STRINGS[lang])
    city = catalogue.cities[participant.city].name
    district = catalogue.district_name(participant.city, participant.district)
    programmes = ", ".join(participant.programmes) if isinstance(participant, School) else None
    content = index_text(_join(participant.name, kind, district, city, programmes,
                               summary(participant.description))) + _TAIL
    folder = urls.SCHOOL if isinstance(participant, School) else urls.EXHIBITOR
    meta = {"title": index_name(participant.name), "penjual": unsearchable(f"{kind} · {city}")}
    return SearchRecord(
        url="/" + editions.PREFIX[lang] + urls.record(folder, participant.id),
        content=content,
        meta=_with_photo(meta, participant.logo, thumbnail),
        filters=participant_filters(catalogue, participant),
        order={BY_NAME: name_key(participant.name)},
    )


def build_records(catalogue: Catalogue, today: dt.date, thumbnail: Thumbnail | None = None, lang: str = LANGUAGE
                  ) -> list[SearchRecord]:
    """Every search record of the published catalogue as of ``today``: products (by ID), exhibitors, schools.

    ``lang``: the edition whose view ``catalogue`` is (``en``: the English bundle at ``/en/pagefind/``).
    """
    records = [product_record(catalogue, item, today, thumbnail, lang) for item in catalogue.listings]
    sellers: Iterable[Participant] = [*catalogue.exhibitors.values(), *catalogue.schools.values()]
    records += [participant_record(catalogue, participant, thumbnail, lang) for participant in sellers]
    return records


def facet_counts(filter_sets: Iterable[Mapping[str, tuple[str, ...]]]) -> dict[str, dict[str, int]]:
    """How many records carry each facet value, as Pagefind counts them before any search."""
    counts: dict[str, dict[str, int]] = {key: {} for key in FACETS}
    for filters in filter_sets:
        for key, values in filters.items():
            for value in values:
                counts[key][value] = counts[key].get(value, 0) + 1
    return counts
