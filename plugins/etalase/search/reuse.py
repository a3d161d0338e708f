"""Search records kept between builds: each is built once, then reused while what it reads is unchanged.

Building every record again after one edit takes seconds at 10,000 products
(the descriptions' Markdown, the lexicon). Each record is therefore stored
under a key of everything it reads, given by the caller (the generator uses
the page sources of :mod:`etalase.site.sources`: the product, its seller, its
batches, the site digest that covers the vocabularies, the day and the code,
and the thumbnail URL), in one JSON file in the search cache. A build looks
each key up and builds only the records whose key is new; the file then holds
exactly this build's records.

Pure apart from that one file (written with the project's atomic write).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

from ..data.catalogue import Catalogue, Listing
from ..data.models import Participant
from ..outputs.artifacts import write_bytes_atomic
from .records import BY_TKDN, SearchRecord, Thumbnail, participant_record, product_record

log = logging.getLogger(__name__)

#: The store's file in the search cache; the number changes when the stored form does.
FILE = "records-1.json"

#: ``key(listing or participant)``: the key of everything that record reads.
RecordKey = Callable[[Listing | Participant], str]


def _stored(record: SearchRecord) -> list[object]:
    order = {key: str(value) if isinstance(value, Decimal) else value for key, value in record.order.items()}
    return [record.url, record.content, dict(record.meta), {k: list(v) for k, v in record.filters.items()}, order]


def _loaded(fields: list) -> SearchRecord:
    url, content, meta, filters, order = fields
    order = dict(order)
    if BY_TKDN in order:
        order[BY_TKDN] = Decimal(order[BY_TKDN])
    return SearchRecord(url, content, meta, {k: tuple(v) for k, v in filters.items()}, order)


def _read(path: Path) -> dict[str, list]:
    try:
        found = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def reused_records(catalogue: Catalogue, today: dt.date, thumbnail: Thumbnail | None, key: RecordKey,
                   folder: Path | None) -> tuple[list[SearchRecord], int]:
    """:func:`~.records.build_records`, reusing the records stored in ``folder`` whose key is unchanged.

    Returns the records (in build_records' order) and how many had to be built.
    """
    path = Path(folder) / FILE if folder is not None else None
    stored = _read(path) if path is not None else {}
    kept: dict[str, list] = {}
    records: list[SearchRecord] = []
    built = 0
    sellers: Iterable[Participant] = [*catalogue.exhibitors.values(), *catalogue.schools.values()]
    makers = [*((item, lambda i=item: product_record(catalogue, i, today, thumbnail)) for item in catalogue.listings),
              *((p, lambda p=p: participant_record(catalogue, p, thumbnail)) for p in sellers)]
    for source, make in makers:
        name = key(source)
        fields = stored.get(name)
        if fields is None:
            record, built = make(), built + 1
            fields = _stored(record)
        else:
            record = _loaded(fields)
        kept[name] = fields
        records.append(record)
    if path is not None and (built or len(kept) != len(stored)):
        write_bytes_atomic(path, json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    log.debug("search records: %d built, %d reused", built, len(records) - built)
    return records, built
