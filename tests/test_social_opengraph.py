"""Open Graph and Twitter tags as data: every tag crawlers read, in a fixed order."""

from __future__ import annotations

from etalase.social.opengraph import ImageRef, meta_tags

CARD = ImageRef("https://e.id/kartu/abc.jpg", 1200, 630, "Kopi · Usaha Kopi")


def as_dict(tags) -> dict[str, str]:
    """``{key: content}`` of the tags (keys are unique)."""
    return {tag.key: tag.content for tag in tags}


def test_a_product_page_gets_every_open_graph_and_twitter_tag():
    tags = meta_tags(title="Kopi", description="Kopi enak.", url="https://e.id/produk/kopi/", image=CARD,
                     kind="produk", site_name="Etalase")
    assert [(t.attr, t.key, t.content) for t in tags] == [
        ("property", "og:type", "product"),
        ("property", "og:site_name", "Etalase"),
        ("property", "og:locale", "id_ID"),
        ("property", "og:title", "Kopi"),
        ("property", "og:description", "Kopi enak."),
        ("property", "og:url", "https://e.id/produk/kopi/"),
        ("property", "og:image", "https://e.id/kartu/abc.jpg"),
        ("property", "og:image:type", "image/jpeg"),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", "Kopi · Usaha Kopi"),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", "Kopi"),
        ("name", "twitter:description", "Kopi enak."),
        ("name", "twitter:image", "https://e.id/kartu/abc.jpg"),
        ("name", "twitter:image:alt", "Kopi · Usaha Kopi"),
    ]


def test_other_pages_are_websites():
    for kind in ("home", "eksibitor", "sekolah", "batch", "page"):
        tags = meta_tags(title="T", description="D", url="/", image=CARD, kind=kind, site_name="S")
        assert as_dict(tags)["og:type"] == "website"


def test_without_url_or_image_the_tags_are_left_out_and_the_card_is_small():
    tags = as_dict(meta_tags(title="T", description="D", url=None, image=None, kind="404", site_name="S"))
    assert "og:url" not in tags and "og:image" not in tags and "twitter:image" not in tags
    assert tags["twitter:card"] == "summary"
