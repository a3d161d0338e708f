"""Real builds of site-basic as the social team meets it: cards, meta, JSON-LD, share links, QR codes, caching."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import extruct
import pytest
from etalase.data.catalogue import load_catalogue
from etalase.errors import DataError
from etalase.images.cards import HEIGHT, MAX_BYTES, WIDTH
from etalase.site import urls
from etalase.site.contact import chat_message, whatsapp_url
from etalase.social.qrcodes import qr_file
from etalase.social.share import share_links
from PIL import Image

from tests.conftest import PROJECT, ROOTS
from tests.images_helpers import XMP, assert_clean, gps_exif, textured
from tests.site_helpers import html_files, soup, target_exists, url_of

pytestmark = pytest.mark.slow

SITEURL = "https://etalase.contoh.go.id"
TODAY = "2023-11-07"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


def build_root(root: Path, output: Path, cache: Path, **overrides):
    """Build a catalogue folder with an https SITEURL; return the BuildResult."""
    from etalase.build import build

    settings = {"OUTPUT_PATH": str(output), "ETALASE_CATALOGUE": str(root), "ETALASE_IMAGE_CACHE": str(cache),
                "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY, "SITEURL": SITEURL}
    return build(PROJECT / "pelicanconf.py", {**settings, **overrides})


@pytest.fixture(scope="module")
def gps_root(tmp_path_factory) -> Path:
    """site-basic whose coffee photo and logo carry GPS EXIF and XMP written by Pillow."""
    root = tmp_path_factory.mktemp("gps") / "catalogue_data"
    shutil.copytree(ROOTS / "site-basic" / "catalogue_data", root)
    textured((900, 700), seed=5).save(root / "foto" / "kopi.jpg", "JPEG", exif=gps_exif(orientation=6), xmp=XMP)
    textured((200, 200), seed=6, mode="RGBA").save(root / "foto" / "logo.png", "PNG", exif=gps_exif())
    with Image.open(root / "foto" / "kopi.jpg") as img:
        assert img.getexif().get_ifd(0x8825) and "xmp" in img.info  # the source really carries them
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory, gps_root):
    """``(first, second)``: two builds of the GPS catalogue with one fresh image cache."""
    tmp = tmp_path_factory.mktemp("sharing")
    first = build_root(gps_root, tmp / "one", tmp / "cache")
    second = build_root(gps_root, tmp / "two", tmp / "cache")
    return first, second


@pytest.fixture(scope="module")
def site(built) -> Path:
    """The output folder of the first build."""
    return built[0].output


@pytest.fixture(scope="module")
def catalogue(gps_root):
    """The catalogue that was built."""
    return load_catalogue(gps_root)


def record_pages(catalogue) -> dict[str, list[str]]:
    """Page URLs by the schema.org type their JSON-LD must carry."""
    return {
        "Product": [urls.product(item.id) for item in catalogue.listings],
        "Organization": [urls.exhibitor(i) for i in catalogue.exhibitors] + [urls.school(i) for i in catalogue.schools],
        "Event": [urls.batch(b.id) for b in catalogue.batches],
    }


def extract(site: Path, url: str) -> dict:
    """What a crawler's parser reads from a page: JSON-LD items and Open Graph properties."""
    html = (site / urls.file_of(url)).read_text(encoding="utf-8")
    data = extruct.extract(html, base_url=f"{SITEURL}/{url}", syntaxes=["json-ld", "opengraph"])
    og = dict(data["opengraph"][0]["properties"]) if data["opengraph"] else {}
    return {"json-ld": data["json-ld"], "og": og}


def urls_in(value) -> list[str]:
    """Every string in a JSON value that looks like a URL or a path."""
    if isinstance(value, dict):
        return [u for v in value.values() for u in urls_in(v)]
    if isinstance(value, list):
        return [u for v in value for u in urls_in(v)]
    return [value] if isinstance(value, str) and (value.startswith(("http", "/")) or "://" in value) else []


def local(site: Path, url: str) -> bool:
    """Whether an absolute URL of the site resolves to a built file."""
    return url.startswith(SITEURL + "/") and target_exists(site, urlsplit(url).path)


def test_every_card_is_1200_by_630_and_at_most_300_kb(site, catalogue):
    cards = sorted((site / "kartu").glob("*.jpg"))
    owners = len(catalogue.listings) + len(catalogue.exhibitors) + len(catalogue.schools) + len(catalogue.batches)
    assert len(cards) == 2 * (owners + 1)  # and the home page; each in Bahasa Indonesia and in English
    for card in cards:
        assert card.stat().st_size <= MAX_BYTES, card.name
        with Image.open(card) as img:
            assert (img.format, img.size) == ("JPEG", (WIDTH, HEIGHT)), card.name
            img.load()  # decodes completely


def test_no_published_image_carries_exif_gps_or_xmp(site):
    images = [p for p in site.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES]
    assert len(images) > 20
    for path in images:
        assert_clean(path.read_bytes())
    for svg in site.rglob("*.svg"):
        assert b"Exif" not in svg.read_bytes()


def test_crawlers_find_the_expected_types_with_absolute_urls(site, catalogue):
    for kind, pages in record_pages(catalogue).items():
        for url in pages:
            found = extract(site, url)
            types = [item["@type"] for item in found["json-ld"]]
            assert types == [kind, "BreadcrumbList"], url
            main = found["json-ld"][0]
            assert main["url"] == f"{SITEURL}/{url}"
            for link in urls_in(found["json-ld"]):
                assert link.startswith(("https://", "http://schema.org", "https://schema.org")), (url, link)
            for link in urls_in(main.get("image", [])) + urls_in(main.get("logo", "")):
                assert local(site, link), (url, link)
            crumbs = found["json-ld"][1]["itemListElement"]
            assert crumbs[0]["item"] == f"{SITEURL}/" and crumbs[-1]["item"] == f"{SITEURL}/{url}"
    assert [item["@type"] for item in extract(site, urls.HOME)["json-ld"]] == ["WebSite"]


def test_product_offers_follow_the_price(site, catalogue):
    for item in catalogue.listings:
        product = extract(site, urls.product(item.id))["json-ld"][0]
        assert product["sku"] == item.id and product["manufacturer"]["name"] == item.owner.name
        kind = item.product.price.kind
        if kind == "permintaan":
            assert "offers" not in product, item.id
        else:
            offer = product["offers"]
            assert offer["@type"] == {"tetap": "Offer", "rentang": "AggregateOffer"}[kind], item.id
            assert (offer["priceCurrency"], offer["availability"]) == ("IDR", "https://schema.org/InStock")


def test_every_page_has_open_graph_and_twitter_tags_with_an_absolute_card(site):
    for file in html_files(site):
        url = url_of(site, file)
        page = soup(site, url)
        if page.find("meta", attrs={"http-equiv": "refresh"}) or url.startswith("staf/"):
            continue  # redirect pages only point on; staff pages are never shared
        og = extract(site, url)["og"]
        path = url.removeprefix("en/")  # the English edition's pages are their twins' kind, in English
        locale = "id_ID" if path == url else "en_GB"
        assert og["og:locale"] == locale and og["og:title"] and og["og:description"], url
        assert og["og:type"] == ("product" if path.startswith("produk/") and path != "produk/" else "website"), url
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630") and og["og:image:alt"], url
        assert local(site, og["og:image"]), url
        twitter = {m["name"]: m["content"] for m in page.find_all("meta", attrs={"name": True})}
        assert twitter["twitter:card"] == "summary_large_image" and twitter["twitter:image"] == og["og:image"], url
        assert twitter["twitter:title"] == og["og:title"] and twitter["twitter:image:alt"], url
        canonical = page.find("link", rel="canonical")
        if path == "404.html":
            assert canonical is None and "og:url" not in og
        else:
            assert canonical["href"] == og["og:url"] == f"{SITEURL}/{url}", url


def test_share_links_and_chat_penjual_on_a_product_page(site):
    url = urls.product("kopi-robusta-betawi-250g")
    page = soup(site, url)
    share = page.select_one("section.share")
    shown = [(a["href"], a["rel"], a["aria-label"], a.get_text()) for a in share.select(".share-list a")]
    expected = share_links(f"{SITEURL}/{url}", "Kopi Robusta Betawi 250 g dari Kopi Betawi Sejahtera")
    assert shown == [(s.url, ["noopener", "noreferrer"], s.label, s.text) for s in expected]
    assert [b.get_text() for b in share.select("li[hidden] button")] == ["Bagikan…", "Salin tautan"]
    status = share.select_one(".share-status")
    assert (status["role"], status["aria-live"]) == ("status", "polite")
    assert share.select_one("[data-copied]")["data-copied"] == "Tautan disalin"
    chat = page.select_one("a.chat")
    assert chat["href"] == whatsapp_url("+6281234567801", chat_message(
        "Kopi Robusta Betawi 250 g", "Etalase Business Matching", f"{SITEURL}/{url}"))
    script = page.find("script", src=f"{SITEURL}/theme/js/share.js")
    assert script.has_attr("defer") and target_exists(site, "/theme/js/share.js")
    assert not page.find_all("script", src=lambda src: src and not src.startswith(SITEURL))


RESERVED = [  # (file, name, new name): every character that means something in a URL, in each name a link carries
    ("eksibitor/kopi-betawi-sejahtera.yaml", "Kopi Betawi Sejahtera", "Kopi & Teh #1 ?x=1 100% + gula"),
    ("eksibitor/kopi-betawi-sejahtera.yaml", "Kopi Robusta Betawi 250 g", "Robusta & Arabika #2 ?a=b&c 50% + susu"),
    ("sekolah/smkn-32-jakarta.yaml", "SMK Negeri 32 Jakarta", "SMK 32 & Mitra #A ?q=%20 100% + 1"),
]


@pytest.fixture(scope="module")
def reserved_site(tmp_path_factory, image_cache) -> Path:
    """site-basic whose exhibitor, product and school names hold ``& # ? % + =``, built with an https SITEURL."""
    tmp = tmp_path_factory.mktemp("reserved")
    root = tmp / "catalogue_data"
    shutil.copytree(ROOTS / "site-basic" / "catalogue_data", root)
    for rel, old, new in RESERVED:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(f"nama: {old}\n") == 1
        path.write_text(text.replace(f"nama: {old}\n", f'nama: "{new}"\n'), encoding="utf-8")
    return build_root(root, tmp / "output", image_cache).output


def decoded(href: str) -> tuple[str, str, dict[str, list[str]]]:
    """``(host, path, parameters)`` of a link, refusing a fragment, a raw space or a parameter that does not parse."""
    parts = urlsplit(href)
    assert parts.fragment == "" and " " not in href and href.isascii(), href
    return parts.netloc, parts.path, parse_qs(parts.query, strict_parsing=True)


def test_every_chat_and_share_link_decodes_to_the_names_with_reserved_characters(reserved_site):
    seller, product, school = (new for _, _, new in RESERVED)
    site = "Etalase Business Matching"
    pages = {  # page: the "Chat penjual" message before the page's URL (the school has no WhatsApp), the share text
        urls.product("kopi-robusta-betawi-250g"): (
            f"Halo, saya tertarik dengan produk {product} yang saya lihat di {site}: ", f"{product} dari {seller}"),
        urls.exhibitor("kopi-betawi-sejahtera"): (f"Halo {seller}, saya melihat profil usaha Anda di {site}: ", seller),
        urls.school("smkn-32-jakarta"): (None, school),
    }
    for url, (chat, shared) in pages.items():
        page_url = f"{SITEURL}/{url}"
        found = {}
        for a in soup(reserved_site, url).select("a.chat, .share-list a"):
            host, path, params = decoded(a["href"])
            found["chat" if "chat" in a["class"] else host] = (path, params)
        expected = {
            "wa.me": ("/", {"text": [f"{shared} {page_url}"]}),
            "www.facebook.com": ("/sharer/sharer.php", {"u": [page_url]}),
            "x.com": ("/intent/post", {"url": [page_url], "text": [shared]}),
            "t.me": ("/share/url", {"url": [page_url], "text": [shared]}),
        }
        if chat:
            expected["chat"] = ("/6281234567801", {"text": [chat + page_url]})
        assert found == expected, url


def test_record_pages_show_and_offer_their_qr_code(site, catalogue):
    for kind, record_id in [(urls.PRODUCT, item.id) for item in catalogue.listings] + [
        (urls.EXHIBITOR, i) for i in catalogue.exhibitors
    ] + [(urls.SCHOOL, i) for i in catalogue.schools]:
        page_url = urls.record(kind, record_id)
        qr = f"{SITEURL}/{urls.qr_code(kind, record_id)}"
        figure = soup(site, page_url).select_one("figure.qr")
        assert figure.img["src"] == qr and figure.a["href"] == qr and figure.a.has_attr("download")
        assert figure.a.get_text() == "Unduh kode QR"
        assert (site / urls.qr_code(kind, record_id)).read_bytes() == qr_file(f"{SITEURL}/{page_url}")


def test_each_batch_has_a_printable_qr_sheet_for_its_booths(site, catalogue):
    for batch in catalogue.batches:
        sheet_url = urls.batch_qr_sheet(batch.id)
        sheet = soup(site, sheet_url)
        assert sheet.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        people = catalogue.participants_of(batch)
        cards = sheet.select(".qr-sheet li")
        assert [li.select_one(".name").get_text() for li in cards] == [p.name for p in people]
        for li, person in zip(cards, people, strict=True):
            assert local(site, li.img["src"]) and person.id in li.img["src"]
            assert li.select_one(".short").get_text().startswith("etalase.contoh.go.id/")
        assert sheet_url not in (site / "sitemap.xml").read_text(encoding="utf-8")
    style = soup(site, urls.batch_qr_sheet("batch-9")).find("style", string=lambda s: s and "@page" in s).string
    assert "size:A4" in style and "@media print" in style


def test_no_public_page_links_to_the_booth_qr_sheets(site, catalogue):
    sheets = {f"{SITEURL}/{urls.batch_qr_sheet(batch.id)}" for batch in catalogue.batches}
    linking = [
        f"{url_of(site, file)} -> {a['href']}" for file in html_files(site)
        for a in soup(site, url_of(site, file)).find_all("a", href=True) if a["href"] in sheets
    ]
    assert sheets and linking == []
    assert not soup(site, urls.batch("batch-9")).find(string=lambda text: text and "Cetak kode QR stan" in text)


def test_second_build_re_encodes_no_photo_no_card_and_no_qr_code(built, catalogue):
    from etalase.images.media import photos_of

    first, second = built
    photos = len({photo.file for photo in photos_of(catalogue)})
    cards = len(list((first.output / "kartu").iterdir()))
    codes = len([path for path in (first.output / "qr").rglob("*") if path.is_file()])
    assert photos and cards and codes  # the catalogue has each kind
    # the first build starts from an empty cache: it draws each one once
    assert (first.media.photos_encoded, first.media.photos_cached) == (photos, 0)
    assert (first.media.cards_encoded, first.media.cards_cached) == (cards, 0)
    assert (first.media.qr_encoded, first.media.qr_cached) == (codes, 0)
    assert (second.media.photos_encoded, second.media.cards_encoded, second.media.qr_encoded) == (0, 0, 0)
    assert second.media.qr_cached == first.media.qr_encoded + first.media.qr_cached
    assert second.media.cards_cached == first.media.cards_encoded + first.media.cards_cached
    assert second.media.photos_cached == first.media.photos_encoded + first.media.photos_cached


def test_the_font_licence_is_published(site):
    licence = (site / "theme" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "Plus Jakarta Sans" in licence and "SIL OPEN FONT LICENSE" in licence.upper()


def test_local_builds_use_root_relative_urls(build_site, tmp_path):
    output = build_site("site-basic", tmp_path, ETALASE_TODAY=TODAY)
    page = soup(output, urls.product("kopi-robusta-betawi-250g"))
    assert page.find("link", rel="canonical")["href"] == "/produk/kopi-robusta-betawi-250g/"
    image = page.find("meta", property="og:image")["content"]
    assert image.startswith("/kartu/") and target_exists(output, image)
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["url"] == "/produk/kopi-robusta-betawi-250g/" and data["offers"]["url"] == data["url"]
    assert (output / "qr/produk/kopi-robusta-betawi-250g.svg").read_bytes() == qr_file(
        "/produk/kopi-robusta-betawi-250g/")


def test_a_truncated_photo_stops_the_build_with_the_staff_message(tmp_path):
    root = tmp_path / "catalogue_data"
    shutil.copytree(ROOTS / "site-basic" / "catalogue_data", root)
    photo = root / "foto" / "kopi-2.jpg"
    photo.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])
    with pytest.raises(DataError) as caught:
        build_root(root, tmp_path / "output", tmp_path / "cache")
    assert "\n".join(line.strip() for line in str(caught.value).splitlines()[:5]) == (
        "\ncatalogue_data/eksibitor/kopi-betawi-sejahtera.yaml (2 masalah)\n"
        "catalogue_data/eksibitor/kopi-betawi-sejahtera.yaml:27:9 [I04] produk[0].foto[1].berkas: "
        "`foto/kopi-2.jpg` rusak atau terpotong\n"
        "Foto rusak atau terpotong. Cara memperbaiki: Unggah ulang foto aslinya; "
        "berkas ini tidak bisa dibuka sampai habis.\n"
        "catalogue_data/eksibitor/kopi-betawi-sejahtera.yaml:47:9 [I04] produk[1].foto[0].berkas: "
        "`foto/kopi-2.jpg` rusak atau terpotong"
    )
    assert not (tmp_path / "output").exists()



def test_the_publish_build_writes_absolute_urls(tmp_path, monkeypatch, image_cache):
    from etalase.build import build

    monkeypatch.setenv("ETALASE_SITEURL", SITEURL)
    result = build(PROJECT / "publishconf.py", {
        "OUTPUT_PATH": str(tmp_path / "output"), "ETALASE_CATALOGUE": str(ROOTS / "site-golden" / "catalogue_data"),
        "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY,
    }, publish=True)
    home = soup(result.output, "")
    assert home.find("link", rel="canonical")["href"] == f"{SITEURL}/"
    assert local(result.output, home.find("meta", property="og:image")["content"])
    assert json.loads(home.find("script", type="application/ld+json").string)["url"] == f"{SITEURL}/"
