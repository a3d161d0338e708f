"""sitemap.xml: parses, lists every indexable page once, leaves the rest out, splits past the limit."""

from __future__ import annotations

from etalase.outputs.sitemap import NAMESPACE, build_sitemap, indexable, produce_sitemap
from etalase.site import urls
from outputs_helpers import SITEURL, page_urls, parse_xml, sample_catalogue, site

NS = {"sm": NAMESPACE}


def _locs(data: bytes, tag: str = "url") -> list[str]:
    root = parse_xml(data)
    return [node.text for node in root.findall(f"sm:{tag}/sm:loc", NS)]


def test_sitemap_lists_every_product_and_exhibitor_page(tmp_path):
    catalogue = sample_catalogue(tmp_path)
    [artifact] = produce_sitemap(catalogue, site(page_urls=page_urls(catalogue)))
    assert artifact.path == "sitemap.xml"
    root = parse_xml(artifact.data)
    assert root.tag == f"{{{NAMESPACE}}}urlset"
    locs = _locs(artifact.data)
    for item in catalogue.listings:
        assert f"{SITEURL}/{urls.product(item.id)}" in locs
    for exhibitor_id in catalogue.exhibitors:
        assert f"{SITEURL}/{urls.exhibitor(exhibitor_id)}" in locs
    assert f"{SITEURL}/" in locs
    assert locs == sorted(locs) and len(locs) == len(set(locs))


def test_sitemap_entries_hold_only_loc_and_no_invented_lastmod(tmp_path):
    catalogue = sample_catalogue(tmp_path)
    [artifact] = produce_sitemap(catalogue, site(page_urls=page_urls(catalogue)))
    for url in parse_xml(artifact.data):
        assert [child.tag for child in url] == [f"{{{NAMESPACE}}}loc"]
    assert artifact.data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="')


def test_redirects_noindex_and_staff_pages_are_left_out():
    pages = ["produk/a/", ("produk/lama/", False), "staf/laporan/", ("cari/", True), "produk/a/", "/kota/x/"]
    assert indexable(pages) == ["cari/", "kota/x/", "produk/a/"]


def test_more_urls_than_the_limit_make_an_index_and_parts():
    pages = [f"produk/p{n:02d}/" for n in range(7)]
    artifacts = build_sitemap(site(page_urls=pages), limit=3)
    assert [a.path for a in artifacts] == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    index = parse_xml(artifacts[0].data)
    assert index.tag == f"{{{NAMESPACE}}}sitemapindex"
    assert _locs(artifacts[0].data, "sitemap") == [f"{SITEURL}/sitemap-{n}.xml" for n in (1, 2, 3)]
    parts = [loc for a in artifacts[1:] for loc in _locs(a.data)]
    assert parts == [f"{SITEURL}/{page}" for page in pages]
    assert [len(_locs(a.data)) for a in artifacts[1:]] == [3, 3, 1]


def test_exactly_the_limit_stays_one_file():
    artifacts = build_sitemap(site(page_urls=[f"produk/p{n}/" for n in range(3)]), limit=3)
    assert [a.path for a in artifacts] == ["sitemap.xml"]


def test_urls_are_escaped_and_joined_under_a_path_prefix():
    [artifact] = build_sitemap(site("https://contoh.go.id/katalog/", page_urls=["cari/?q=a&b=c"]))
    assert b"<loc>https://contoh.go.id/katalog/cari/?q=a&amp;b=c</loc>" in artifact.data
    assert _locs(artifact.data) == ["https://contoh.go.id/katalog/cari/?q=a&b=c"]


def test_sitemap_bytes_are_identical_across_runs(tmp_path):
    first, second = sample_catalogue(tmp_path / "a"), sample_catalogue(tmp_path / "b")
    a = produce_sitemap(first, site(page_urls=page_urls(first)))
    b = produce_sitemap(second, site(page_urls=list(reversed(page_urls(second)))))
    assert a == b


def test_the_sitemap_written_as_text_has_the_bytes_of_the_element_tree():
    from etalase.outputs.sitemap import sitemap_index, urlset
    from etalase.outputs.xmldoc import document, element

    def tree(tag, entry, locations):
        root = element(None, tag, xmlns=NAMESPACE)
        for location in locations:
            element(element(root, entry), "loc", location)
        return document(root)

    tricky = ["https://contoh.go.id/", "https://contoh.go.id/cari/?q=a&b=<c>", "https://contoh.go.id/kopi-'\"é/"]
    for locations in ([], tricky[:1], tricky):
        assert urlset(locations) == tree("urlset", "url", locations)
        assert sitemap_index(locations) == tree("sitemapindex", "sitemap", locations)
