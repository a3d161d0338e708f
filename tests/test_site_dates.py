"""What the built site says depends on its day: a batch before, during and after it; certificates that lapse.

tests/roots/site-dates has one batch (4–6 March 2024) and products whose
certificates lapse around it; the same data is built as of three days.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from etalase.build import build
from etalase.search.index import page_ids
from etalase.search.stable import read

from tests.browser_helpers import axe_violations, screenshot, served
from tests.conftest import PROJECT, ROOTS
from tests.site_helpers import soup

DATA = ROOTS / "site-dates" / "catalogue_data"
BEFORE, DURING, AFTER = dt.date(2024, 2, 20), dt.date(2024, 3, 5), dt.date(2024, 3, 10)
LAPSED = "produk/kopi-tkdn-lewat/"  # TKDN berlaku sampai 1 March 2024
VALID = "produk/kopi-tkdn-berlaku/"  # TKDN berlaku sampai 2030
SAMBAL = "produk/sambal-serba-sertifikat/"  # halal to 29 Feb, SNI to 25 Feb, P-IRT to 31 Jan, BPOM to 15 April


@pytest.fixture(scope="module")
def sites(tmp_path_factory, image_cache) -> dict[dt.date, Path]:
    """site-dates built as of each of the three days (published settings, so URLs are absolute)."""
    built = {}
    for day in (BEFORE, DURING, AFTER):
        tmp = tmp_path_factory.mktemp(f"dates-{day.isoformat()}")
        built[day] = build(PROJECT / "pelicanconf.py", {
            "OUTPUT_PATH": str(tmp / "output"), "ETALASE_CATALOGUE": str(DATA), "SITEURL": "https://e.id",
            "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": day.isoformat(),
            "ETALASE_BUILD_CACHE": str(tmp / "build"), "ETALASE_SEARCH_CACHE": str(tmp / "search"),
        }).output
    return built


def text(output: Path, url: str, selector: str) -> list[str]:
    """The texts of the elements ``selector`` matches on the page at ``url``."""
    return [" ".join(tag.get_text(" ").split()) for tag in soup(output, url).select(selector)]


def jsonld(output: Path, url: str, kind: str) -> dict:
    """The JSON-LD object of type ``kind`` on the page at ``url``."""
    found = [json.loads(tag.string) for tag in soup(output, url).select('script[type="application/ld+json"]')]
    return next(data for data in found if data["@type"] == kind)


def indexed_filters(output: Path) -> dict[str, dict]:
    """The facet values Pagefind filters on for each URL, read from the built bundle's filter files."""
    bundle = output / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(bundle / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
    url_of = {page_id: url for url, page_id in page_ids(bundle).items()}
    by_page = [url_of[page_id] for page_id, _ in meta[1]]
    found: dict[str, dict] = {url: {} for url in by_page}
    for _, name in meta[3]:
        key, values = read(bundle / "filter" / f"{name}.pf_filter")
        for value, pages in values:
            for page in pages:
                found[by_page[page]].setdefault(key, []).append(value)
    return found


def products(output: Path) -> dict[str, dict]:
    """The open-data product records by ID."""
    document = json.loads((output / "data" / "katalog.json").read_text(encoding="utf-8"))
    return {record["id"]: record for record in document["products"]}


# -- a batch before, during and after today -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "heading", "status"),
    [(BEFORE, "Batch berikutnya", "Akan datang"), (DURING, "Batch sedang berlangsung", "Sedang berlangsung"),
     (AFTER, "Batch terakhir", "Selesai")],
)
def test_home_batch_index_and_batch_page_say_how_the_batch_stands(sites, day, heading, status):
    output = sites[day]
    assert text(output, "", "#batch-kini") == [heading]
    assert text(output, "", ".current .status") == [status]
    assert text(output, "batch/", ".status") == [status]
    assert text(output, "batch/batch-12/", "p.status") == [status]


@pytest.mark.parametrize(("day", "status"), [(BEFORE, "Akan datang"), (DURING, "Sedang berlangsung"),
                                             (AFTER, "Selesai")])
def test_the_home_card_says_it_too(sites, day, status):
    alt = soup(sites[day], "").find("meta", property="og:image:alt")["content"]
    assert alt.endswith(f" · Batch 12 · {status}")


@pytest.mark.parametrize("day", [BEFORE, DURING, AFTER])
def test_the_event_stays_scheduled_with_its_dates(sites, day):
    event = jsonld(sites[day], "batch/batch-12/", "Event")
    assert (event["eventStatus"], event["startDate"], event["endDate"]) == (
        "https://schema.org/EventScheduled", "2024-03-04", "2024-03-06")


def test_the_calendar_entry_is_confirmed_and_never_changes_with_the_day(sites):
    calendars = {day: (output / "batch" / "batch-12" / "jadwal.ics").read_bytes() for day, output in sites.items()}
    assert len(set(calendars.values())) == 1
    assert b"\r\nSTATUS:CONFIRMED\r\n" in calendars[BEFORE]


def test_open_data_says_which_day_it_is_as_of(sites):
    for day, output in sites.items():
        assert json.loads((output / "data" / "katalog.json").read_text(encoding="utf-8"))["as_of"] == day.isoformat()


# -- an expired TKDN certificate ------------------------------------------------------------------------------


def test_before_its_tkdn_lapses_a_product_is_wajib_pdn_everywhere(sites):
    output = sites[BEFORE]
    assert text(output, LAPSED, ".summary .badge.pdn") == ["Wajib PDN"]
    assert text(output, LAPSED, ".summary .must-buy") == ["Wajib dibeli (TKDN+BMP ≥ 40 %)"]
    assert "/" + LAPSED in [a["href"].removeprefix("https://e.id") for a in
                            soup(output, "sertifikasi/wajib-pdn/").select(".card-link")]
    assert products(output)["kopi-tkdn-lewat"]["must_buy"] is True
    assert indexed_filters(output)["/" + LAPSED]["pdn"] == ["wajib"]


def test_once_its_tkdn_has_lapsed_it_loses_wajib_pdn_everywhere(sites):
    output = sites[DURING]
    page = soup(output, LAPSED)
    assert page.select(".summary .badge") == []  # (the seller's other coffee, further down, keeps its own)
    assert text(output, LAPSED, ".summary .must-buy") == [
        "TKDN kedaluwarsa: berlaku sampai 1 Maret 2024, tidak lagi wajib PDN"]
    assert page.select_one(".summary .must-buy")["class"] == ["must-buy", "expired"]
    assert "Wajib dibeli" not in page.select_one(".summary").get_text() + page.select_one(".facts").get_text()
    assert "TKDN-LEWAT-0001 Kedaluwarsa: berlaku sampai 1 Maret 2024" in text(output, LAPSED, ".facts dd")
    listed = [a["href"] for a in soup(output, "sertifikasi/wajib-pdn/").select(".card-link")]
    assert listed == ["https://e.id/" + VALID]
    assert (products(output)["kopi-tkdn-lewat"]["must_buy"], products(output)["kopi-tkdn-berlaku"]["must_buy"]) == (
        False, True)
    filters = indexed_filters(output)
    assert "pdn" not in filters["/" + LAPSED] and filters["/" + VALID]["pdn"] == ["wajib"]


def test_cards_and_counts_leave_a_lapsed_tkdn_out(sites):
    output = sites[DURING]
    cards = {card.select_one(".card-title").get_text(): [b.get_text() for b in card.select(".badge")]
             for card in soup(output, "produk/").select(".card")}
    assert cards == {"Kopi TKDN Berlaku": ["Wajib PDN"], "Kopi TKDN Lewat": [], "Sambal Serba Sertifikat": []}
    assert text(output, "sertifikasi/", "main h2") == ["Produk bersertifikat halal (0)", "Produk wajib PDN (1)"]
    assert text(output, "", '[aria-labelledby="bersertifikat"] li') == [
        "Produk bersertifikat halal (0)", "Produk wajib PDN (1)"]
    assert text(sites[BEFORE], "", '[aria-labelledby="bersertifikat"] li') == [
        "Produk bersertifikat halal (1)", "Produk wajib PDN (2)"]
    pdn = soup(output, "cari/").select_one('input[name="pdn"]').find_parent("label").get_text(" ", strip=True)
    assert pdn.endswith("(1)"), pdn
    csv = (output / "data" / "katalog.csv").read_text(encoding="utf-8-sig").splitlines()
    header = csv[0].split(",")
    rows = {line.split(",")[0]: line.split(",") for line in csv[1:]}
    assert rows["kopi-tkdn-lewat"][header.index("must_buy")] == "tidak"


# -- every certificate with an expiry date ---------------------------------------------------------------------


def test_every_dated_certificate_says_until_when_it_holds(sites):
    assert text(sites[BEFORE], SAMBAL, ".facts .plain li") == [
        "Halal: ID31110000123450223 (berlaku sampai 29 Februari 2024)",
        "BPOM: MD224510001234 (berlaku sampai 15 April 2024)",
        "P-IRT: 206317401012325 Kedaluwarsa: berlaku sampai 31 Januari 2024",
        "SNI: SNI 2976:2008, SPPT-SNI-0001 (berlaku sampai 25 Februari 2024)",
    ]


def test_expired_sni_p_irt_and_halal_are_marked_in_words_and_halal_loses_its_badge(sites):
    output = sites[DURING]
    assert text(output, SAMBAL, ".facts .plain li") == [
        "Halal: ID31110000123450223 Kedaluwarsa: berlaku sampai 29 Februari 2024",
        "BPOM: MD224510001234 (berlaku sampai 15 April 2024)",
        "P-IRT: 206317401012325 Kedaluwarsa: berlaku sampai 31 Januari 2024",
        "SNI: SNI 2976:2008, SPPT-SNI-0001 Kedaluwarsa: berlaku sampai 25 Februari 2024",
    ]
    assert [tag.name for tag in soup(output, SAMBAL).select(".facts .plain .expired")] == ["strong"] * 3
    assert soup(output, SAMBAL).select(".summary .badge.halal") == []
    assert text(sites[BEFORE], SAMBAL, ".summary .badge.halal") == ["Halal"]
    assert soup(output, "sertifikasi/halal/").select(".card") == []
    assert indexed_filters(output)["/" + SAMBAL]["sertifikasi"] == ["bpom"]
    claimed = {day: [prop["name"] for prop in jsonld(sites[day], SAMBAL, "Product").get("additionalProperty", [])]
               for day in (BEFORE, DURING)}
    assert claimed == {BEFORE: ["Sertifikat halal"], DURING: []}


@pytest.mark.browser
@pytest.mark.parametrize("url", [LAPSED, SAMBAL])
def test_expired_markers_pass_axe_in_chromium(sites, page, url):
    """The "Kedaluwarsa" texts: readable contrast and no other serious axe finding (phone size)."""
    page.set_viewport_size({"width": 390, "height": 844})
    with served(sites[DURING]) as base:
        page.goto(base + url)
        assert page.locator(".expired").first.is_visible()
        assert axe_violations(page) == []
        screenshot(page, f"kedaluwarsa-{url.strip('/').split('/')[-1]}")
