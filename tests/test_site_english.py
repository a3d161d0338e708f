"""The English edition of the sample catalogue (catalogue_data/): twins both ways, no Indonesian UI text,
fallbacks marked ``lang="id"``, formatting, linked editions (hreflang, Open Graph, sitemap, JSON-LD, cards),
the manifest of kept links and html-validate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from etalase.build import build
from etalase.images.cards import HEIGHT, MAX_BYTES, WIDTH
from etalase.site import urls
from etalase.site.strings import EN, STAFF_ONLY, T
from PIL import Image

from tests.conftest import PROJECT, TODAY
from tests.site_helpers import html_files, soup, url_of
from tests.test_site_html import validate

pytestmark = pytest.mark.slow

#: Pages only staff use: Bahasa Indonesia only, no English twin.
STAFF_PAGES = re.compile(r"^(staf/|batch/[^/]+/qr/)")
#: Attributes whose value is UI text a visitor reads or hears.
UI_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt", "data-added", "data-removed", "data-close",
                 "data-label", "data-copied", "data-copy-failed")


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    """catalogue_data/ built with pelicanconf.py as of the tests' day."""
    output = tmp_path_factory.mktemp("sample-english") / "output"
    build(PROJECT / "pelicanconf.py", {"OUTPUT_PATH": str(output), "ETALASE_TODAY": TODAY})
    return output


def lang_of_page(page: BeautifulSoup) -> str:
    return page.html["lang"]


def switch_of(page: BeautifulSoup) -> str:
    return page.select_one(".lang-switch a")["href"]


def alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}


def test_every_indonesian_page_has_its_english_twin_and_back(output):
    indonesian = [url_of(output, f) for f in html_files(output) if not url_of(output, f).startswith("en/")]
    english = {url_of(output, f) for f in html_files(output / "en")}
    public = [url for url in indonesian if not STAFF_PAGES.match(url)]
    assert len(public) > 250
    assert {f"en/{url}" for url in public} == english  # every public page, and nothing else
    for url in public:
        page, twin = soup(output, url), soup(output, f"en/{url}")
        if page.find("meta", attrs={"http-equiv": "refresh"}):  # an old URL: both editions send it on
            assert twin.find("meta", attrs={"http-equiv": "refresh"})["content"].startswith("0; url=/en/")
            continue
        assert (lang_of_page(page), lang_of_page(twin)) == ("id", "en"), url
        assert switch_of(page) == f"/en/{url}" and switch_of(twin) == f"/{url}", url
        expected = {"id": f"/{url}", "en": f"/en/{url}", "x-default": f"/{url}"}
        assert alternates(page) == alternates(twin) == expected, url
    for url in indonesian:
        if STAFF_PAGES.match(url):
            assert not soup(output, url).select(".lang-switch"), url  # no switch to a page that does not exist


def _ui_patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The Indonesian UI strings that differ from the English ones: long ones (three words or more) looked for
    anywhere, short ones as a whole text. ``{blanks}`` match anything; a string with blanks and fewer than
    ten letters of its own ("per {date}", "{product} dari {seller}") would match staff text, and is left out."""
    long, short, english = [], [], {text for text in EN.values() if isinstance(text, str)}
    for key, text in T.items():
        if key.startswith(STAFF_ONLY) or key.startswith("lang_") or text == EN[key] or text in english:
            continue
        for part in text if isinstance(text, tuple) else (text,):
            pieces = re.split(r"\{[a-z_]+\}", part)
            if len(pieces) > 1 and len("".join(pieces).strip()) < 10:
                continue
            pattern = ".+?".join(re.escape(piece) for piece in pieces)
            (long if len(part.split()) >= 3 else short).append(re.compile(pattern if len(part.split()) >= 3
                                                                          else f"^{pattern}$"))
    return long, short


def shown_texts(page: BeautifulSoup) -> list[str]:
    """Every text node and UI attribute of a page outside ``lang="id"`` elements, scripts and styles."""
    for marked in page.select('[lang="id"]'):
        marked.decompose()
    for tag in page(["script", "style"]):
        tag.decompose()
    texts = [" ".join(text.split()) for text in page.find_all(string=True)]
    texts += [" ".join(tag[name].split()) for tag in page.find_all(True) for name in UI_ATTRIBUTES if tag.get(name)]
    return [text for text in texts if text]


def test_no_indonesian_ui_string_on_english_pages(output):
    long, short = _ui_patterns()
    assert len(long) > 50 and len(short) > 50
    found = set()
    for file in html_files(output / "en"):
        for text in shown_texts(BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")):
            found.update(f"{url_of(output, file)}: {p.pattern}" for p in long if p.search(text))
            found.update(f"{url_of(output, file)}: {p.pattern}" for p in short if p.match(text))
    assert sorted(found)[:40] == []


def test_the_scripts_of_english_pages_get_english_strings(output):
    config = json.loads(soup(output, "en/cari/").select_one("#cari-data").string)
    assert config["t"]["none"] == EN.search_js_none and config["t"]["must_buy"] == EN.badge_must_buy
    files = int(soup(output, "en/daftar/").select_one("#daftar")["data-files"])
    assert files == int(soup(output, "daftar/").select_one("#daftar")["data-files"])
    held = urls.shortlist_data(urls.shortlist_file_of("kain-tenun-ikat-pewarna-alam", files))
    shortlist = json.loads((output / "en" / held).read_text(encoding="utf-8"))
    tenun = shortlist["products"]["kain-tenun-ikat-pewarna-alam"]
    assert tenun["name"] == "Hand-loom Ikat Cloth in Natural Dyes" and tenun["price"]["text"] == "Rp\u00a0850,000"
    assert tenun["url"] == "/en/produk/kain-tenun-ikat-pewarna-alam/"
    indonesian = json.loads((output / held).read_text(encoding="utf-8"))
    assert indonesian["products"]["kain-tenun-ikat-pewarna-alam"]["price"]["text"] == "Rp\u00a0850.000"


def test_translations_and_fallbacks_side_by_side(output):
    woven = soup(output, "en/produk/sarung-tenun-pria/")  # nama_en only
    assert woven.h1.get_text() == "Men's Woven Sarong" and not woven.h1.select("[lang]")
    assert woven.select_one(".about .prose > div")["lang"] == "id"  # its description is Indonesian, marked
    assert woven.title.get_text() == "Men's Woven Sarong · Etalase Business Matching"
    plain = soup(output, "en/produk/sabun-sereh-wangi/")  # nothing translated
    assert [(span["lang"], span.get_text()) for span in plain.h1.select("span")] == [("id", "Sabun Sereh Wangi 100 g")]
    assert plain.title.get_text() == "Sabun Sereh Wangi 100 g · Etalase Business Matching"  # no markup in <title>
    save = plain.select_one(".save-toggle")
    assert save["data-name"] == "Sabun Sereh Wangi 100 g"  # attributes get the text, never markup
    assert plain.select_one(".main-photo img")["lang"] == "id"  # its alt text is Indonesian
    batch = soup(output, "en/batch/batch-9/")
    assert batch.h1.get_text() == "Business Matching Event 9"
    assert "18 exhibitors" in batch.select_one("#tentang-batch ~ .prose").get_text()
    school = soup(output, "en/sekolah/smkn-32-jakarta/")
    assert school.h1.get_text() == "State Vocational High School 32 Jakarta"
    assert soup(output, "sekolah/smkn-32-jakarta/").h1.get_text() == "SMK Negeri 32 Jakarta"
    contact = soup(output, "en/kontak/")  # a content page without an English file
    assert contact.select_one("article.page")["lang"] == "id"
    assert soup(output, "en/tentang/").h1.get_text() == "About Business Matching"


def test_prices_dates_and_certificates_read_as_each_edition_writes_them(output):
    tenun = soup(output, "en/produk/kain-tenun-ikat-pewarna-alam/")
    kain = soup(output, "produk/kain-tenun-ikat-pewarna-alam/")
    assert tenun.select_one(".price.big").get_text().startswith("Rp\u00a0850,000")
    assert kain.select_one(".price.big").get_text().startswith("Rp\u00a0850.000")
    assert "6–9 November 2023" in soup(output, "en/batch/batch-9/").select_one("time").get_text()
    assert "October" in soup(output, "en/batch/batch-8/").select_one("time").get_text()
    assert "Oktober" in soup(output, "batch/batch-8/").select_one("time").get_text()
    halal = soup(output, "en/sertifikasi/halal/").select_one(".card-link")["href"]
    details = soup(output, halal.lstrip("/")).select_one(".facts").get_text()
    assert "Halal (certified by BPJPH, Indonesia's halal agency)" in details
    assert "Domestic purchase mandatory" in soup(output, "en/sertifikasi/wajib-pdn/").h1.get_text()


def test_linked_editions_in_open_graph_sitemap_and_json_ld(output):
    for url, locale, alternate in (("produk/kain-tenun-ikat-pewarna-alam/", "id_ID", "en_GB"),
                                   ("en/produk/kain-tenun-ikat-pewarna-alam/", "en_GB", "id_ID")):
        page = soup(output, url)
        assert page.find("meta", property="og:locale")["content"] == locale
        assert page.find("meta", property="og:locale:alternate")["content"] == alternate
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/produk/kain-tenun-ikat-pewarna-alam/</loc>" in sitemap
    assert "/en/produk/kain-tenun-ikat-pewarna-alam/</loc>" in sitemap
    home = [json.loads(tag.string) for tag in soup(output, "en/").select('script[type="application/ld+json"]')]
    assert home[0]["inLanguage"] == "en" and "/en/cari/?q=" in json.dumps(home[0]["potentialAction"])
    product = json.loads(soup(output, "en/produk/kain-tenun-ikat-pewarna-alam/")
                         .select_one('script[type="application/ld+json"]').string)
    assert product["name"] == "Hand-loom Ikat Cloth in Natural Dyes" and product["category"] == "Batik & Textiles"


def test_every_record_has_an_english_preview_card_of_the_same_size(output):
    for url in ("produk/kain-tenun-ikat-pewarna-alam/", "sekolah/smkn-32-jakarta/", "batch/batch-9/", ""):
        cards = [soup(output, u).find("meta", property="og:image")["content"] for u in (url, f"en/{url}")]
        assert cards[0] != cards[1], url
        for card in cards:
            path = output / card.lstrip("/")
            assert path.stat().st_size <= MAX_BYTES
            assert Image.open(path).size == (WIDTH, HEIGHT)


def test_both_editions_urls_are_kept_links(output):
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    pages = set(manifest["pages"])
    for url in ("/produk/kain-tenun-ikat-pewarna-alam/", "/en/produk/kain-tenun-ikat-pewarna-alam/", "/en/",
                "/en/cari/", "/en/tentang/"):
        assert url in pages, url


def test_english_pages_pass_html_validate(output):
    assert validate(output / "en") == []
