"""All output producers together: distinct paths, byte-identical rebuilds, any site object accepted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from etalase.outputs.artifacts import write_artifacts
from etalase.outputs.producers import MACHINE_READABLE as PRODUCERS
from etalase.outputs.site import Site, site_of
from outputs_helpers import TODAY, page_urls, rich_catalogue, site


def _all(catalogue, info) -> list:
    return [artifact for producer in PRODUCERS for artifact in producer(catalogue, info)]


def test_producers_write_distinct_files_and_a_rebuild_changes_nothing(tmp_path):
    catalogue = rich_catalogue(tmp_path / "src")
    info = site(page_urls=page_urls(catalogue))
    artifacts = _all(catalogue, info)
    assert len({a.path for a in artifacts}) == len(artifacts)
    assert {"sitemap.xml", "robots.txt", "feed/produk.atom", "data/katalog.json"} <= {a.path for a in artifacts}
    out = tmp_path / "output"
    assert write_artifacts(out, artifacts) == (len(artifacts), 0)
    again = _all(rich_catalogue(tmp_path / "src2"), info)
    assert write_artifacts(out, again) == (0, len(artifacts))


@dataclass
class GeneratorSite:
    """What a generator might pass: the required attributes and some of its own."""

    siteurl: str
    sitename: str
    today: dt.date
    page_urls: list = field(default_factory=list)
    theme: str = "etalase"


def test_site_of_reads_any_object_with_the_required_attributes():
    info = site_of(GeneratorSite("https://contoh.go.id/katalog/", "Etalase", TODAY, ["produk/a/"]))
    assert info == Site("https://contoh.go.id/katalog/", "Etalase", TODAY, ["produk/a/"])
    assert (info.host, info.path_prefix, info.url("produk/a/")) == (
        "contoh.go.id", "/katalog/", "https://contoh.go.id/katalog/produk/a/")
    local = Site("", "Etalase", TODAY)
    assert (local.is_absolute, local.host, local.url("produk/a/"), local.path_prefix) == (
        False, "etalase.invalid", "/produk/a/", "/")
