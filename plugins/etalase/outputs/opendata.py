"""Open-data downloads: the whole catalogue and each batch, as JSON and as CSV.

``data/katalog.json`` and ``data/katalog.csv`` hold every published product;
``data/batch/<id>.json`` and ``.csv`` hold what one batch showed. The layout is
described for data users in ``docs/open-data.md``; bump :data:`FORMAT_VERSION`
when a field changes meaning or goes away (adding a field does not bump it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import urls
from ..artifacts import Artifact
from ..catalogue import Catalogue, Listing
from ..models import Batch, Exhibitor, Participant, School
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


def open_document(
    catalogue: Catalogue,
    site: Site,
    batches: Sequence[Batch],
    participants: Sequence[Participant],
    listings: Sequence[Listing],
    scope: str,
) -> dict:
    """Return the JSON document of a selection: the vocabularies whole, the rest as selected."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "scope": scope,
        "licence": site.licence,
        "licence_url": site.licence_url,
        "source": site.base,
        "programme": programme_record(catalogue.programme),
        "categories": [category_record(c, site) for c in sorted(catalogue.categories.values(), key=lambda c: c.id)],
        "cities": [city_record(c, site) for c in sorted(catalogue.cities.values(), key=lambda c: c.id)],
        "batches": [batch_record(catalogue, b, site) for b in batches],
        "exhibitors": [participant_record(catalogue, p, site) for p in _sorted(participants, Exhibitor)],
        "schools": [participant_record(catalogue, p, site) for p in _sorted(participants, School)],
        "products": [product_record(item, site) for item in sorted(listings, key=lambda item: item.id)],
    }


def _sorted(participants: Sequence[Participant], kind: type) -> list[Participant]:
    return sorted((p for p in participants if isinstance(p, kind)), key=lambda p: p.id)


def json_bytes(document: dict) -> bytes:
    """Serialise with sorted keys, real UTF-8 characters, two-space indent and a trailing newline."""
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def catalogue_document(catalogue: Catalogue, site: Site) -> dict:
    """The JSON document of the whole published catalogue."""
    people = [*catalogue.exhibitors.values(), *catalogue.schools.values()]
    return open_document(catalogue, site, catalogue.batches, people, catalogue.listings, "katalog")


def batch_document(catalogue: Catalogue, batch: Batch, site: Site) -> dict:
    """The JSON document of one batch: its participants and the products it showed."""
    listings = catalogue.listings_in_batch(batch)
    return open_document(catalogue, site, [batch], catalogue.participants_of(batch), listings, f"batch/{batch.id}")


def produce_open_data(catalogue: Catalogue, site: SiteLike) -> list[Artifact]:
    """Producer: ``data/katalog.{json,csv}`` and ``data/batch/<id>.{json,csv}``."""
    info = site_of(site)
    artifacts = [
        Artifact(urls.catalogue_data("json"), json_bytes(catalogue_document(catalogue, info))),
        Artifact(urls.catalogue_data("csv"), products_csv(catalogue, catalogue.listings, info)),
    ]
    for batch in catalogue.batches:
        document = batch_document(catalogue, batch, info)
        listings = catalogue.listings_in_batch(batch)
        artifacts.append(Artifact(urls.batch_data(batch.id, "json"), json_bytes(document)))
        artifacts.append(Artifact(urls.batch_data(batch.id, "csv"), products_csv(catalogue, listings, info)))
    return artifacts
