"""Reading a built site in tests: pages as soup, every internal link and image, files as bytes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup


def soup(output: Path, url: str) -> BeautifulSoup:
    """Parse the page served at ``url`` (site-relative, e.g. ``produk/x/``)."""
    path = output / url.lstrip("/")
    path = path / "index.html" if url.endswith("/") or not url else path
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(output: Path) -> list[Path]:
    """Every HTML file of the site, sorted."""
    return sorted(output.rglob("*.html"))


def url_of(output: Path, file: Path) -> str:
    """The site-relative URL that serves ``file``."""
    rel = file.relative_to(output).as_posix()
    return rel.removesuffix("index.html")


def references(page: BeautifulSoup) -> list[str]:
    """Every URL a page points to: links, images, sources, srcset entries, form actions, head links."""
    found: list[str] = []
    for tag in page.find_all(["a", "link"], href=True):
        found.append(tag["href"])
    for tag in page.find_all(["img", "source", "script"]):
        if tag.get("src"):
            found.append(tag["src"])
        if tag.get("srcset"):
            found += [part.strip().split()[0] for part in tag["srcset"].split(",")]
    found += [tag["action"] for tag in page.find_all("form", action=True)]
    return found


def target_exists(output: Path, url: str) -> bool:
    """Whether a root-relative URL resolves to a file of the built site."""
    path = unquote(urlsplit(url).path)
    target = output / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target.is_file()


def broken_links(output: Path) -> list[str]:
    """``page -> url`` for every internal link or image that does not resolve."""
    broken = []
    for file in html_files(output):
        page_url = url_of(output, file)
        for url in references(soup(output, page_url)):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("#"):
                continue
            if not target_exists(output, urljoin("/" + page_url, url)):
                broken.append(f"{url_of(output, file)} -> {url}")
    return broken


def tree(output: Path) -> dict[str, bytes]:
    """Every file of the site as ``{relative path: bytes}``."""
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def record_folders(output: Path, folder: str) -> set[str]:
    """The names that have a page under ``output/folder/`` (a record's or a redirect's ``<name>/index.html``)."""
    return {page.parent.name for page in (output / folder).glob("*/index.html")} - {"halaman"}


def published_folders(catalogue, batch: int | None = None) -> dict[str, set[str]]:
    """What :func:`record_folders` must find per folder: every published record and each of its old IDs.

    With ``batch``, only what a preview of that batch shows: it, its participants and their products.
    """
    batches = [b for b in catalogue.batches if batch is None or b.number == batch]
    listed = {i for b in batches for i in (*b.exhibitors, *b.schools)}
    people = {**catalogue.exhibitors, **catalogue.schools}
    shown = {key: person for key, person in people.items() if batch is None or key in listed}
    products = [item.product for item in catalogue.listings if item.owner.id in shown]
    found = {"batch": {i for b in batches for i in (b.id, *b.old_ids)},
             "produk": {i for product in products for i in (product.id, *product.old_ids)}}
    for folder, records in (("eksibitor", catalogue.exhibitors), ("sekolah", catalogue.schools)):
        found[folder] = {i for key, person in records.items() if key in shown for i in (key, *person.old_ids)}
    return found
