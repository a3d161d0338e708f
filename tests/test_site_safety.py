"""Markup or a javascript: link typed into any staff field reaches the visitor as text or not at all."""

from __future__ import annotations

import pytest
from etalase.data import characters
from etalase.data.catalogue import load_catalogue
from etalase.errors import DataError

from tests.conftest import ROOTS
from tests.site_helpers import html_files, soup, url_of

pytestmark = pytest.mark.slow

DANGEROUS_TAGS = ("script", "iframe", "object", "embed", "svg", "form", "img", "style", "input", "b")
URL_ATTRIBUTES = ("href", "src", "action", "srcset", "content", "formaction", "data")


@pytest.fixture(scope="module")
def site(tmp_path_factory, image_cache):
    """tests/roots/site-hostile: every text field holds markup, scripts or javascript: links."""
    from etalase.build import build

    from tests.conftest import PROJECT, TODAY

    output = tmp_path_factory.mktemp("hostile") / "output"
    build(PROJECT / "pelicanconf.py", {
        "OUTPUT_PATH": str(output), "ETALASE_CATALOGUE": str(ROOTS / "site-hostile" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY,
    })
    return output


def ours(tag) -> bool:
    """The theme's own elements of those kinds: pictures, QR codes, kit pictures, the search form and its field,
    the shortlist's read-only share link."""
    if tag.name == "img":
        return tag.parent.name == "picture" or tag["src"].startswith(("/qr/", "/kit/"))  # kit: /staf/kit/
    if tag.name == "script":  # the theme's own files, or data written through tojson (no raw "<" inside)
        if tag.get("src"):
            return tag["src"].startswith("/theme/") and not tag.string
        return tag.get("type") == "application/json" and "<" not in (tag.string or "")
    if tag.name == "input" and "data-share-url" in tag.attrs:  # the shortlist's own read-only share link
        return "readonly" in tag.attrs and tag.get("type") == "url"
    search = tag if tag.name == "form" else tag.find_parent("form")
    return tag.name in ("form", "input") and search is not None and search.get("role") == "search"


def pages(site):
    """Every built page as (url, soup)."""
    return [(url_of(site, f), soup(site, url_of(site, f))) for f in html_files(site)]


def test_no_page_carries_active_markup_from_staff(site):
    for url, page in pages(site):
        for tag in page.body.find_all(True):
            if tag.name in DANGEROUS_TAGS:
                assert ours(tag), f"{url}: <{tag.name}> {tag.attrs}"
            for name, value in tag.attrs.items():
                assert not name.startswith("on"), f"{url}: {tag.name}[{name}]"
                if name in URL_ATTRIBUTES:
                    assert "javascript:" not in str(value).lower(), f"{url}: {tag.name}[{name}]={value}"


def test_names_reach_visitors_as_text(site):
    product = soup(site, "produk/produk-jahat/")
    assert product.find("h1").get_text() == "Kopi <script>alert('produk')</script>"
    assert soup(site, "eksibitor/usaha-jahat/").find("h1").get_text() == "Usaha <script>alert('usaha')</script>"
    assert soup(site, "").find("h1").get_text() == "Program <script>alert('nama')</script>"
    raw = (site / "produk" / "produk-jahat" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;alert(&#39;produk&#39;)&lt;/script&gt;" in raw


def test_invisible_characters_never_reach_a_published_file(site):
    texts = [path for path in site.rglob("*") if path.suffix in (".html", ".json", ".csv", ".xml", ".ics", ".txt")]
    assert len(texts) > 20
    for path in texts:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")  # the CSV downloads start with a BOM
        assert not characters.INVISIBLE_RE.search(text), path
        assert not characters.CONTROL_RE.search(text.replace("\r\n", "\n")), path  # calendars end lines in CRLF
    about = soup(site, "eksibitor/usaha-jahat/").select_one(".about .prose").get_text()
    assert 'Teks ini balik dengan pemisah dan "\\x1b" yang bukan escape.' in about


def test_markdown_links_to_javascript_become_text(site):
    page = soup(site, "eksibitor/usaha-jahat/")
    about = page.select_one(".about .prose")
    assert "javascript" not in str(about).lower()
    assert "tautan a" in about.get_text()


def test_alt_text_cannot_break_out_of_its_attribute(site):
    img = soup(site, "produk/produk-jahat/").select_one(".main-photo img")
    assert img["alt"] == "Foto \" onerror=\"alert('alt')"
    assert "onerror" not in img.attrs


def test_links_typed_by_staff_stay_inside_their_href(site):
    link = next(a for a in soup(site, "eksibitor/usaha-jahat/").select(".contacts a") if "toko.example" in a["href"])
    assert link["href"] == 'https://toko.example/jahat?x="><script>alert(1)</script>'


def test_javascript_urls_in_link_fields_stop_the_build():
    with pytest.raises(DataError) as caught:
        load_catalogue(ROOTS / "site-invalid" / "catalogue_data")
    assert any(issue.code == "L01" and issue.field_path == "kontak.situs" for issue in caught.value.issues)


def test_structured_data_is_json_that_staff_text_cannot_close(build_site, tmp_path):
    import json

    output = build_site("site-hostile", tmp_path, SITEURL="https://etalase.contoh.go.id")
    raw = (output / "produk" / "produk-jahat" / "index.html").read_text(encoding="utf-8")
    scripts = soup(output, "produk/produk-jahat/").find_all("script", type="application/ld+json")
    assert all("</script>" not in s.string and "<" not in s.string for s in scripts)
    data = next(d for d in map(json.loads, (s.string for s in scripts)) if d["@type"] == "Product")
    assert data["name"] == "Kopi <script>alert('produk')</script>"
    offer = data["offers"]
    assert (offer["@type"], offer["price"], offer["priceCurrency"]) == ("Offer", "15000", "IDR")
    assert offer["url"] == "https://etalase.contoh.go.id/produk/produk-jahat/"
    assert offer["seller"] == {"@type": "Organization", "name": "Usaha <script>alert('usaha')</script>",
                               "url": "https://etalase.contoh.go.id/eksibitor/usaha-jahat/"}
    # JSON-LD scripts, share.js, photo.js and shortlist.js (by src, no inline code) are the only scripts.
    assert raw.count("<script") == len(scripts) + 3
    assert raw.count('<script src="https://etalase.contoh.go.id/theme/js/shortlist.js" defer></script>') == 1
    assert raw.count('<script src="https://etalase.contoh.go.id/theme/js/share.js" defer></script>') == 1
    assert raw.count('<script src="https://etalase.contoh.go.id/theme/js/photo.js" defer></script>') == 1
