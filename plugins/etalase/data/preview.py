"""A catalogue cut down to one batch, for quick previews (``invoke build --batch 9``)."""

from __future__ import annotations

from dataclasses import replace

from ..errors import BuildError
from .catalogue import Catalogue, Listing


def only_batch(catalogue: Catalogue, number: int) -> Catalogue:
    """Keep one batch, its exhibitors and schools and their products; vocabularies stay whole."""
    chosen = [b for b in catalogue.batches if b.number == number]
    if not chosen:
        known = ", ".join(str(b.number) for b in catalogue.batches) or "none"
        raise BuildError(f"no batch number {number} in the catalogue (batches: {known})")
    batch = chosen[0]
    exhibitors = {k: v for k, v in catalogue.exhibitors.items() if k in batch.exhibitors}
    schools = {k: v for k, v in catalogue.schools.items() if k in batch.schools}
    sellers = {id(p) for p in [*exhibitors.values(), *schools.values()]}
    listings = [Listing(item.product, item.owner, (batch,)) for item in catalogue.listings if id(item.owner) in sellers]
    return replace(catalogue, batches=[batch], exhibitors=exhibitors, schools=schools, listings=listings, withdrawn=[])
