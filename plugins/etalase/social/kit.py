"""The social kit of each batch: a post and a story picture, a caption per record, and a WhatsApp broadcast text.

For every product, exhibitor and school of a batch, and the batch itself, the
kit holds two :class:`~etalase.images.cards.CardSpec` (layouts ``post``,
1080×1080, and ``story``, 1080×1920, drawn by the same code as the preview cards,
with a QR code of the page) and a ready caption in Bahasa Indonesia. The staff
page ``/staf/kit/<batch>/`` (:func:`kit_pages`) shows them with download links
and copy buttons. Pure: texts from the catalogue and :mod:`etalase.site.strings`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..data.catalogue import Catalogue, Listing
from ..data.models import Batch, Participant
from ..images.cards import POST, STORY, CardSpec
from ..site import formatting, urls
from ..site.pages import Page
from ..site.plan import owner_kind, participant_label
from ..site.sources import facts
from ..site.strings import T
from .cards import batch_card, participant_card, product_card
from .qrcodes import short_url

Link = Callable[[str], str]


@dataclass(frozen=True)
class KitEntry:
    """One record of a batch's kit: what it is, its page, its caption and its two pictures (paths once drawn)."""

    kind: str  # "produk", "eksibitor", "sekolah" or "batch"
    record_id: str
    name: str
    url: str
    caption: str
    post: CardSpec = field(repr=False)
    story: CardSpec = field(repr=False)
    post_path: str = ""  # relative to the output folder, set by Media.prepare_kit
    story_path: str = ""


@dataclass(frozen=True)
class Kit:
    """A batch's kit: the batch entry first, then its exhibitors and schools, then its products; the broadcast."""

    batch_id: str
    title: str
    counts: str
    entries: tuple[KitEntry, ...]
    broadcast: str


def hashtag(text: str) -> str:
    """A hashtag of ``text``: its letters and digits only (``Batch 9`` → ``Batch9``)."""
    return re.sub(r"[\W_]+", "", text)


def hashtags(batch: Batch) -> str:
    """The hashtags of the programme and the batch."""
    return T.kit_hashtags.format(batch_tag=hashtag(batch.title))


def caption(text: str, batch: Batch) -> str:
    """A caption: ``text`` and the hashtags of the programme and the batch."""
    return f"{text}\n\n{hashtags(batch)}"


def product_price(item: Listing) -> str:
    """The price as a caption says it: ``Rp 45.000 / bungkus`` or ``harga atas permintaan``."""
    product = item.product
    price = formatting.price(product.price, on_request=T.kit_price_on_request, free=T.price_free)
    return price if product.price.kind == "permintaan" else f"{price} / {product.unit}"


def pictures(spec: CardSpec, badge: str, url: str) -> tuple[CardSpec, CardSpec]:
    """The post and story of a preview card's texts: the batch's dates as the badge, the page's QR code."""
    return tuple(replace(spec, badge=badge, layout=layout.name, qr=url) for layout in (POST, STORY))


def batch_kit(catalogue: Catalogue, batch: Batch, link: Link) -> Kit:
    """The kit of one batch (``link`` makes a page URL absolute in published builds)."""
    dates = formatting.date_range(batch.start, batch.end)
    where = {"batch": batch.title, "dates": dates, "venue": batch.venue.name}
    people = catalogue.participants_of(batch)
    items = sorted(catalogue.listings_in_batch(batch), key=lambda item: item.reading)
    counts = T.kit_batch_counts.format(sellers=formatting.number(len(people)),
                                       products=formatting.number(len(items)))

    def entry(kind: str, record_id: str, name: str, spec: CardSpec, text: str, **values: str) -> KitEntry:
        url = link(urls.record(kind, record_id))
        post, story = pictures(spec, dates, url)
        words = text.format(name=name, url=short_url(url), **where, **values)
        return KitEntry(kind, record_id, name, url, caption(words, batch), post, story)

    entries = [entry(urls.BATCH, batch.id, batch.title, batch_card(catalogue, batch), T.kit_caption_batch,
                     counts=counts)]
    in_batch: dict[int, list[Listing]] = {}
    for item in items:  # grouped once: asking every seller of the items was people x items per batch
        in_batch.setdefault(id(item.owner), []).append(item)
    for person in people:
        owned = in_batch.get(id(person)) or catalogue.listings_of(person)
        count = T.products_count.format(count=formatting.number(len(owned)))
        entries.append(entry(owner_kind(person), person.id, person.name, participant_card(catalogue, person, owned),
                             T.kit_caption_seller, label=participant_label(person), count=count,
                             city=catalogue.cities[person.city].name))
    for item in items:
        entries.append(entry(urls.PRODUCT, item.id, item.product.name, product_card(catalogue, item),
                             T.kit_caption_product, seller=item.owner.name, price=product_price(item)))
    return Kit(batch.id, batch.title, counts, tuple(entries), broadcast(batch, people, counts, link, where))


def broadcast(batch: Batch, people: Sequence[Participant], counts: str, link: Link, where: Mapping[str, str]) -> str:
    """The WhatsApp broadcast of a batch: when and where, the catalogue's link, every seller with its short URL."""
    sellers = "\n".join(T.kit_broadcast_seller.format(name=p.name, url=short_url(link(urls.record(owner_kind(p),
                                                                                                      p.id))))
                        for p in people)
    return T.kit_broadcast_text.format(counts=counts, url=short_url(link(urls.batch(batch.id))), sellers=sellers,
                                       hashtags=hashtags(batch), **where)


def kits(catalogue: Catalogue, link: Link) -> list[Kit]:
    """The kit of every batch, newest first."""
    return [batch_kit(catalogue, batch, link) for batch in reversed(catalogue.batches)]


def kit_pages(made: Sequence[Kit]) -> list[Page]:
    """The staff pages: ``/staf/kit/`` (every batch) and ``/staf/kit/<batch>/``; each declares all it shows."""
    index = [(kit.batch_id, kit.title, kit.counts) for kit in made]
    pages = [Page(urls.kit(), "kit", "kit", T.kit_title, context={"kits": index}, sources=(facts(index),))]
    for kit in made:
        pages.append(Page(urls.kit(kit.batch_id), "kit", "kit", T.kit_batch_title.format(batch=kit.title),
                          kit.batch_id, {"kit": kit}, sources=(facts(kit),)))
    return pages
