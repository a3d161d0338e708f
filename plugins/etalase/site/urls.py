"""The site's URL scheme, in one place: lowercase, ID-based, stable.

Every function returns a path relative to the site root with a trailing slash
for pages (``produk/kopi-robusta/``) so templates join it to ``SITEURL``.
These URLs are promises made on WhatsApp: never change one, add a redirect.
"""

from __future__ import annotations

HOME = ""
SEARCH = "cari/"
#: The buyer's shortlist (daftar pilihan): filled in the browser from :func:`shortlist_data`.
SHORTLIST = "daftar/"
# Served by web hosts for any missing path, so its links are root-relative.
NOT_FOUND = "404.html"
PAGE_SEGMENT = "halaman"

# Folder of each record kind; also the first segment of its URLs.
BATCH = "batch"
EXHIBITOR = "eksibitor"
SCHOOL = "sekolah"
PRODUCT = "produk"
CATEGORY = "kategori"
CITY = "kota"
CERTIFICATION = "sertifikasi"

# Certified-product listings: slug -> what they hold.
CERTIFIED = ("halal", "wajib-pdn")


def index(kind: str, page: int = 1) -> str:
    """The listing of every record of a kind, e.g. ``eksibitor/`` or ``produk/halaman/2/``."""
    return paginate(f"{kind}/", page)


def record(kind: str, record_id: str) -> str:
    """A record's own page, e.g. ``produk/kopi-robusta/``."""
    return f"{kind}/{record_id}/"


def paginate(base: str, page: int) -> str:
    """Page ``page`` of a listing at ``base``; page 1 is ``base`` itself."""
    return base if page <= 1 else f"{base}{PAGE_SEGMENT}/{page}/"


def product(product_id: str) -> str:
    """A product page."""
    return record(PRODUCT, product_id)


def exhibitor(exhibitor_id: str) -> str:
    """An exhibitor page."""
    return record(EXHIBITOR, exhibitor_id)


def school(school_id: str) -> str:
    """A school page."""
    return record(SCHOOL, school_id)


def batch(batch_id: str) -> str:
    """A batch page."""
    return record(BATCH, batch_id)


def category(category_id: str, page: int = 1) -> str:
    """A category listing."""
    return paginate(record(CATEGORY, category_id), page)


def city(city_id: str, page: int = 1) -> str:
    """A city (kota) listing."""
    return paginate(record(CITY, city_id), page)


def certified(kind: str, page: int = 1) -> str:
    """A certified-products listing (``halal`` or ``wajib-pdn``)."""
    return paginate(record(CERTIFICATION, kind), page)


def batch_calendar(batch_id: str) -> str:
    """The iCalendar file of a batch."""
    return f"{BATCH}/{batch_id}/jadwal.ics"


def batch_qr_sheet(batch_id: str) -> str:
    """The printable page of booth QR codes of a batch."""
    return f"{BATCH}/{batch_id}/qr/"


def kit(batch_id: str = "") -> str:
    """The staff's social kit: the index of batches, or one batch's pictures and captions."""
    return f"{STAFF}kit/{batch_id}/" if batch_id else f"{STAFF}kit/"
def batch_print(batch_id: str) -> str:
    """The printable catalogue of a batch (A4 handout, not indexed)."""
    return f"{BATCH}/{batch_id}/cetak/"


#: Products per shortlist data file, on average at most. Fewer, bigger files mean fewer requests for a list but
#: more bytes: 64 measured best for 50 saved at 1,000 products (docs/shortlist.md, ``invoke bench-shortlist``).
SHORTLIST_PER_FILE = 64


def shortlist_files(products: int) -> int:
    """How many data files hold ``products``: a power of two (so a new product rarely moves the others)."""
    count = 1
    while count * SHORTLIST_PER_FILE < products:
        count *= 2
    return count


def shortlist_file_of(product_id: str, files: int) -> int:
    """The data file that holds ``product_id``: FNV-1a of its bytes modulo ``files`` (shortlist.js does the same)."""
    digest = 0x811C9DC5
    for byte in product_id.encode("utf-8"):
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return digest % files


def shortlist_data(number: int | str) -> str:
    """One of the shortlist's data files: the shortlist fields of the products (and old IDs) hashed to ``number``
    (``"{n}"`` gives the pattern shortlist.js fills in)."""
    return f"{SHORTLIST}produk/{number}.json"


def qr_code(kind: str, record_id: str) -> str:
    """The QR code (SVG) that opens a record's page."""
    return f"qr/{kind}/{record_id}.svg"


def card(key: str) -> str:
    """A preview card image (Open Graph), content-addressed."""
    return f"kartu/{key}.jpg"


def content(slug: str) -> str:
    """A content page from ``content/<slug>.md`` (Pelican's ``PAGE_URL``), e.g. ``tentang/``."""
    return f"{slug}/"


def file_of(url: str) -> str:
    """The output file that serves ``url``: pages get ``index.html``."""
    return f"{url}index.html" if url.endswith("/") or url == "" else url


# Machine-readable outputs (etalase.outputs): crawlers, calendars, feeds, open data.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
STAFF = "staf/"
DATA = "data"


def sitemap_part(number: int) -> str:
    """One part of a sitemap split by the 50,000-URL limit; ``sitemap.xml`` is then their index."""
    return f"sitemap-{number}.xml"


def product_feed() -> str:
    """The Atom feed of products as batches add them."""
    return "feed/produk.atom"


def catalogue_data(ext: str) -> str:
    """The whole catalogue as open data, ``ext`` is ``json`` or ``csv``."""
    return f"{DATA}/katalog.{ext}"


def batch_data(batch_id: str, ext: str) -> str:
    """One batch's products as open data, ``ext`` is ``json`` or ``csv``."""
    return f"{DATA}/{BATCH}/{batch_id}.{ext}"
