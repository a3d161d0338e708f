"""robots.txt: allow all, keep crawlers out of staff pages, point at the sitemap."""

from __future__ import annotations

from etalase.outputs.robots import produce_robots
from outputs_helpers import sample_catalogue, site


def test_robots_allows_all_but_staff_and_names_the_absolute_sitemap(tmp_path):
    [artifact] = produce_robots(sample_catalogue(tmp_path), site())
    assert artifact.path == "robots.txt"
    assert artifact.data.decode() == (
        "User-agent: *\n"
        "Allow: /\n"
        "Disallow: /staf/\n"
        "\n"
        "Sitemap: https://etalase.example.go.id/sitemap.xml\n"
    )


def test_robots_under_a_path_prefix_uses_the_prefix(tmp_path):
    [artifact] = produce_robots(sample_catalogue(tmp_path), site("https://contoh.go.id/katalog"))
    text = artifact.data.decode()
    assert "Disallow: /katalog/staf/\n" in text
    assert "Sitemap: https://contoh.go.id/katalog/sitemap.xml\n" in text


def test_robots_in_a_local_build_points_at_the_root_relative_sitemap(tmp_path):
    [artifact] = produce_robots(sample_catalogue(tmp_path), site(""))
    assert artifact.data.decode().splitlines()[-1] == "Sitemap: /sitemap.xml"
