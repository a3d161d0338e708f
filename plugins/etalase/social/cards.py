"""What each page's preview card shows: one :class:`CardSpec` per page URL that gets its own card.

Products, exhibitors, schools, batches and the home page each get a 1200×630
card drawn by :class:`etalase.images.cards.CardMaker`; every other page shares
the home card. Pure: texts come from the catalogue and :mod:`etalase.site.strings`,
photos are paths under the catalogue folder.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from ..data.catalogue import Catalogue, Listing
from ..data.models import Batch, Participant, Photo
from ..images.cards import CardSpec
from ..site import editions, formatting, urls
from ..site.plan import batch_status, owner_kind, participant_label
from ..site.strings import STRINGS, Strings, T


def card_alt(spec: CardSpec) -> str:
    """The alt text of a card: every text it shows, in reading order."""
    return " · ".join(text for text in (spec.title, spec.subtitle, spec.price, spec.badge) if text)


def _photo(catalogue: Catalogue, photo: Photo | None) -> Path | None:
    """The source file of a staff photo, or None."""
    return _source(catalogue.root, photo.file) if photo else None


@functools.lru_cache(maxsize=4096)
def _source(root: Path, file: str) -> Path:
    """``root / file``, joined once for the many cards that show the same photo (and hashed once as a dict key)."""
    return root / file


def _first_photo(items: list[Listing]) -> Photo | None:
    """The first photo of the first featured product, else of the first product (by name)."""
    featured = [item for item in items if item.product.featured]
    chosen = min(featured or items, key=lambda item: item.reading, default=None)  # by_name(...)[0], unsorted
    return chosen.product.photos[0] if chosen else None


def product_card(catalogue: Catalogue, item: Listing, t: Strings = T) -> CardSpec:
    """A product: name, seller, price per unit, the latest batch, the first photo (texts in ``t``'s language)."""
    product = item.product
    price = formatting.price(product.price, on_request=t.price_on_request, free=t.price_free, locale=_locale(t))
    if product.price.kind != "permintaan":
        price = f"{price} / {product.unit}"
    badge = item.batches[-1].title if item.batches else ""
    return CardSpec(product.name, item.owner.name, price, badge, photo=_photo(catalogue, product.photos[0]))


def participant_card(catalogue: Catalogue, participant: Participant, items: list[Listing], t: Strings = T
                     ) -> CardSpec:
    """An exhibitor or school: name, kind and kota, product count, latest batch, a product photo or the logo."""
    batches = catalogue.batches_of(participant)
    subtitle = f"{participant_label(participant, t)} · {catalogue.cities[participant.city].name}"
    count = t.products_count.format(count=formatting.number(len(items), _locale(t)))
    photo = _first_photo(items) or participant.logo
    return CardSpec(participant.name, subtitle, count, batches[-1].title if batches else "",
                    photo=_photo(catalogue, photo))


def batch_card(catalogue: Catalogue, batch: Batch, t: Strings = T) -> CardSpec:
    """A batch: title, venue, dates, how many sellers and products, a product photo."""
    items, locale = catalogue.listings_in_batch(batch), _locale(t)
    badge = t.card_batch_badge.format(sellers=formatting.number(len(catalogue.participants_of(batch)), locale),
                                      products=formatting.number(len(items), locale))
    return CardSpec(batch.title, batch.venue.name, formatting.date_range(batch.start, batch.end, locale), badge,
                    photo=_photo(catalogue, _first_photo(items)))


def home_card(catalogue: Catalogue, today: dt.date, t: Strings = T) -> CardSpec:
    """The home page (and the default card): programme, organiser, product count, the current batch and its status."""
    current = catalogue.current_batch(today)
    count = t.card_home_products.format(count=formatting.number(len(catalogue.listings), _locale(t)))
    badge = t.card_home_batch.format(number=current.number, status=t[f"status_{batch_status(current, today)}"]) \
        if current else ""
    return CardSpec(catalogue.programme.name, catalogue.programme.organiser, count, badge,
                    photo=_photo(catalogue, _first_photo(catalogue.listings)))


def card_specs(catalogue: Catalogue, today: dt.date, lang: str = editions.DEFAULT) -> dict[str, CardSpec]:
    """Every card of the site by the URL of the page it belongs to (the home card at ``""``).

    ``lang``: the edition (``catalogue`` is then its view, :func:`etalase.site.editions.edition`); its cards
    are keyed by its own URLs (``en/produk/<id>/``) and show its strings.
    """
    t, prefix = STRINGS[lang], editions.PREFIX[lang]
    specs = {urls.HOME: home_card(catalogue, today, t)}
    specs.update({urls.batch(batch.id): batch_card(catalogue, batch, t) for batch in catalogue.batches})
    by_owner = catalogue.listings_by(lambda item: urls.record(item.owner_kind, item.owner.id))
    for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        url = urls.record(owner_kind(participant), participant.id)
        specs[url] = participant_card(catalogue, participant, by_owner.get(url, []), t)
    specs.update({urls.product(item.id): product_card(catalogue, item, t) for item in catalogue.listings})
    return {prefix + url: spec for url, spec in specs.items()} if prefix else specs


def _locale(t: Strings) -> str:
    """The Babel locale of the edition whose strings are ``t``."""
    return next(editions.LOCALES[lang] for lang, strings in STRINGS.items() if strings is t)
