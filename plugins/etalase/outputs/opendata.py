"""Open-data downloads: the whole catalogue and each batch, as JSON and as CSV.

``data/katalog.json`` and ``data/katalog.csv`` hold every published product;
``data/batch/<id>.json`` and ``.csv`` hold what one batch showed. The layout is
described for data users in ``docs/open-data.md``; bump :data:`FORMAT_VERSION`
when a field changes meaning or goes away (adding a field does not bump it).
Every record is built once (:func:`build_records`) and shared by all files; a product is
encoded only when its sources changed since the last build (:mod:`etalase.outputs.fragments`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..data.catalogue import Catalogue
from ..data.models import Batch
from ..site import urls
from .artifacts import Artifact
from .fragments import ENCODER, Fragments, spliced
from .records import (
    batch_record,
    category_record,
    city_record,
    participant_record,
    product_record,
    programme_record,
)
from .site import Site, SiteLike, site_of
from .table import product_line, products_csv

FORMAT = "etalase-katalog"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class OpenRecords:
    """Every published record as a JSON-ready dict, keyed by ID, plus the parts every file repeats.

    ``products`` holds each product already encoded (UTF-8): its JSON and its CSV line, sorted by ID.
    """

    head: dict
    batches: dict[str, dict]
    exhibitors: dict[str, dict]
    schools: dict[str, dict]
    products: dict[str, tuple[bytes, bytes]]
    #: The IDs of the products each batch showed, by batch ID.
    shown: dict[str, list[str]]


def head_record(catalogue: Catalogue, site: Site) -> dict:
    """What every file repeats: format, licence, source, day, programme, categories and cities."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "licence": site.licence,
        "licence_url": site.licence_url,
        "source": site.base,
        "as_of": site.today.isoformat(),
        "programme": programme_record(catalogue.programme),
        "categories": [category_record(c, site) for c in sorted(catalogue.categories.values(), key=lambda c: c.id)],
        "cities": [city_record(c, site) for c in sorted(catalogue.cities.values(), key=lambda c: c.id)],
    }


def build_records(catalogue: Catalogue, site: Site, fragments: Fragments | None = None) -> tuple[OpenRecords, int]:
    """Build each record of ``catalogue`` once (a product or seller only when ``fragments`` lacks it); and how many
    products were."""
    fragments = Fragments() if fragments is None else fragments
    products_of: dict[str, list[str]] = defaultdict(list)
    batches_of: dict[str, list[str]] = defaultdict(list)
    shown: dict[str, list[str]] = defaultdict(list)
    for item in catalogue.listings:
        products_of[item.owner.id].append(item.id)
    for batch in catalogue.batches:
        for person in catalogue.participants_of(batch):
            batches_of[person.id].append(batch.id)
    items = sorted(catalogue.listings, key=lambda i: i.id)
    for item in items:
        for batch_id in dict.fromkeys(batch.id for batch in item.batches):
            shown[batch_id].append(item.id)

    def people(records: dict) -> dict[str, dict]:  # kept without the lists that follow from other records
        kept, _ = fragments.each("seller", (p for _, p in sorted(records.items())), site,
                                 lambda p: participant_record(p, site, [], []))
        return {i: {**record, "products": products_of[i], "batches": batches_of[i]} for i, record in kept.items()}

    def encoded(item) -> tuple[bytes, bytes]:
        record = product_record(item, site)
        return ENCODER.encode(record).encode("utf-8"), product_line(catalogue, record, site.licence)

    products, made = fragments.each("open-data", items, site, encoded)
    batches = {b.id: batch_record(catalogue, b, site) for b in catalogue.batches}
    return OpenRecords(head_record(catalogue, site), batches, people(catalogue.exhibitors), people(catalogue.schools),
                       products, shown), made


def _pick(records: dict[str, dict], ids: Iterable[str]) -> list[dict]:
    wanted = set(ids)
    return [record for key, record in records.items() if key in wanted]


def catalogue_document(records: OpenRecords) -> dict:
    """The JSON document of the whole published catalogue (``products``: their IDs, see :func:`json_bytes`)."""
    return {**records.head, "scope": "katalog", "batches": list(records.batches.values()),
            "exhibitors": list(records.exhibitors.values()), "schools": list(records.schools.values()),
            "products": list(records.products)}


def batch_document(records: OpenRecords, batch: Batch) -> dict:
    """The JSON document of one batch: its published participants and the IDs of the products it showed."""
    own = records.batches[batch.id]
    return {**records.head, "scope": f"batch/{batch.id}", "batches": [own],
            "exhibitors": _pick(records.exhibitors, own["exhibitors"]),
            "schools": _pick(records.schools, own["schools"]), "products": records.shown.get(batch.id, [])}


def json_bytes(document: dict, products: dict[str, tuple[bytes, bytes]]) -> bytes:
    """Serialise compactly with sorted keys, real UTF-8 characters and a trailing newline.

    ``document["products"]`` holds product IDs: each product's JSON, encoded once in ``products``, is spliced
    where the list goes (the same bytes as encoding the records in place).
    """
    return spliced(document, "products", b"[" + b",".join(products[key][0] for key in document["products"]) + b"]")


def produce_open_data(catalogue: Catalogue, site: SiteLike, fragments: Fragments | None = None) -> list[Artifact]:
    """Producer: ``data/katalog.{json,csv}`` and ``data/batch/<id>.{json,csv}`` (products from ``fragments``)."""
    return open_data(catalogue, site, fragments)[0]


def open_data(catalogue: Catalogue, site: SiteLike, fragments: Fragments | None = None) -> tuple[list[Artifact], int]:
    """The open-data files, and how many products had to be encoded (the others came from ``fragments``)."""
    records, made = build_records(catalogue, site_of(site), fragments)
    documents = [(urls.catalogue_data, catalogue_document(records))]
    documents += [(lambda ext, b=b: urls.batch_data(b.id, ext), batch_document(records, b)) for b in catalogue.batches]
    artifacts = []
    for path, document in documents:
        artifacts.append(Artifact(path("json"), json_bytes(document, records.products)))
        lines = (records.products[key][1] for key in document["products"])
        artifacts.append(Artifact(path("csv"), products_csv(lines)))
    return artifacts, made
