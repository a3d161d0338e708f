"""Open-data downloads: the whole catalogue and each batch, as JSON and as CSV.

``data/katalog.json`` and ``data/katalog.csv`` hold every published product;
``data/batch/<id>.json`` and ``.csv`` hold what one batch showed. The layout is
described for data users in ``docs/open-data.md``; bump :data:`FORMAT_VERSION`
when a field changes meaning or goes away (adding a field does not bump it).
Every record is built once (:func:`build_records`) and shared by all files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..data.catalogue import Catalogue
from ..data.models import Batch
from ..site import urls
from .artifacts import Artifact
from .records import (
    batch_record,
    category_record,
    city_record,
    participant_record,
    product_record,
    programme_record,
)
from .site import Site, SiteLike, site_of
from .table import products_csv

FORMAT = "etalase-katalog"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class OpenRecords:
    """Every published record as a JSON-ready dict, keyed by ID, plus the parts every file repeats."""

    head: dict
    batches: dict[str, dict]
    exhibitors: dict[str, dict]
    schools: dict[str, dict]
    products: dict[str, dict]


def build_records(catalogue: Catalogue, site: Site) -> OpenRecords:
    """Build each record of ``catalogue`` once."""
    products_of: dict[str, list[str]] = defaultdict(list)
    batches_of: dict[str, list[str]] = defaultdict(list)
    for item in catalogue.listings:
        products_of[item.owner.id].append(item.id)
    for batch in catalogue.batches:
        for person in catalogue.participants_of(batch):
            batches_of[person.id].append(batch.id)

    def people(records: dict) -> dict[str, dict]:
        return {i: participant_record(p, site, products_of[i], batches_of[i]) for i, p in sorted(records.items())}

    head = {
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
    return OpenRecords(
        head=head,
        batches={b.id: batch_record(catalogue, b, site) for b in catalogue.batches},
        exhibitors=people(catalogue.exhibitors),
        schools=people(catalogue.schools),
        products={item.id: product_record(item, site) for item in sorted(catalogue.listings, key=lambda i: i.id)},
    )


def _pick(records: dict[str, dict], ids: Iterable[str]) -> list[dict]:
    wanted = set(ids)
    return [record for key, record in records.items() if key in wanted]


def catalogue_document(records: OpenRecords) -> dict:
    """The JSON document of the whole published catalogue."""
    return {**records.head, "scope": "katalog", "batches": list(records.batches.values()),
            "exhibitors": list(records.exhibitors.values()), "schools": list(records.schools.values()),
            "products": list(records.products.values())}


def batch_document(records: OpenRecords, batch: Batch) -> dict:
    """The JSON document of one batch: its published participants and the products it showed."""
    own = records.batches[batch.id]
    shown = [record for record in records.products.values() if batch.id in record["batches"]]
    return {**records.head, "scope": f"batch/{batch.id}", "batches": [own],
            "exhibitors": _pick(records.exhibitors, own["exhibitors"]),
            "schools": _pick(records.schools, own["schools"]), "products": shown}


#: ``json.dumps(…, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``, built once.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
#: Stands in for the product list while the rest of a document is encoded (no record holds a NUL).
_PRODUCTS = "\0products\0"


def json_bytes(document: dict, encoded: dict[str, str] | None = None) -> bytes:
    """Serialise compactly with sorted keys, real UTF-8 characters and a trailing newline.

    ``encoded`` keeps each product's JSON by ID across calls: a product is encoded once for the
    catalogue and its batches, then spliced where the list goes (same bytes as encoding it in place).
    """
    # No indent: the C encoder is several times faster, and the file a fifth smaller.
    encoded = {} if encoded is None else encoded
    parts = []
    for record in document["products"]:
        part = encoded.get(record["id"])
        if part is None:
            part = encoded[record["id"]] = _ENCODER.encode(record)
        parts.append(part)
    frame = _ENCODER.encode({**document, "products": _PRODUCTS})
    return frame.replace(_ENCODER.encode(_PRODUCTS), "[" + ",".join(parts) + "]", 1).encode("utf-8") + b"\n"


def produce_open_data(catalogue: Catalogue, site: SiteLike) -> list[Artifact]:
    """Producer: ``data/katalog.{json,csv}`` and ``data/batch/<id>.{json,csv}``."""
    info = site_of(site)
    records = build_records(catalogue, info)
    documents = [(urls.catalogue_data, catalogue_document(records))]
    documents += [(lambda ext, b=b: urls.batch_data(b.id, ext), batch_document(records, b)) for b in catalogue.batches]
    artifacts = []
    encoded: dict[str, str] = {}
    rows: dict[str, str] = {}
    for path, document in documents:
        artifacts.append(Artifact(path("json"), json_bytes(document, encoded)))
        artifacts.append(Artifact(path("csv"), products_csv(catalogue, document["products"], info.licence, rows)))
    return artifacts
