"""Symlinks that leave the repository stop the build before Pelican reads anything: content, theme, catalogue."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from etalase.build import build
from etalase.errors import DataError
from etalase.site.symlinks import outside_links

from tests.conftest import PROJECT, ROOTS, TODAY

pytestmark = pytest.mark.slow

PRIVATE_PAGE = "Title: Rahasia\n\nIsi berkas pribadi di luar repositori.\n"


def settings(tmp_path: Path, image_cache: Path, **overrides) -> dict:
    """Build settings for site-basic into ``tmp_path/output``."""
    return {"OUTPUT_PATH": str(tmp_path / "output"), "ETALASE_CATALOGUE": str(ROOTS / "site-basic" / "catalogue_data"),
            "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1, "ETALASE_TODAY": TODAY, **overrides}


def shown(path: Path) -> str:
    """A path as the report names it: relative to the repository when inside it (tmp_path is), else absolute."""
    return str(path.relative_to(PROJECT)) if path.is_relative_to(PROJECT) else str(path)


def refused(overrides: dict) -> list[tuple[str, str, str, str]]:
    """The issues a build with ``overrides`` stops on (it must stop)."""
    with pytest.raises(DataError) as caught:
        build(PROJECT / "pelicanconf.py", overrides)
    return [(issue.location(), issue.code, issue.field_path, issue.message) for issue in caught.value.issues]


@pytest.fixture
def content(tmp_path: Path, outside: Path) -> Path:
    """A copy of the project's content/ in ``tmp_path``, and a private file outside the repository."""
    folder = tmp_path / "content"
    shutil.copytree(PROJECT / "content", folder)
    (outside / "rahasia.md").write_text(PRIVATE_PAGE, encoding="utf-8")
    return folder


def test_a_content_page_linking_outside_the_repository_stops_the_build(tmp_path, image_cache, content, outside):
    (content / "rahasia.md").symlink_to(outside / "rahasia.md")
    assert refused(settings(tmp_path, image_cache, PATH=str(content))) == [
        (f"{shown(content)}/rahasia.md:1:1", "R17", "(berkas)",
         f"symlink ini menunjuk ke `{outside}/rahasia.md`, di luar repositori"),
    ]
    assert not (tmp_path / "output").exists()  # nothing published, nothing half-built
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content"]


def test_theme_files_and_folders_linking_outside_stop_the_build(tmp_path, image_cache, outside):
    theme = tmp_path / "theme"
    shutil.copytree(PROJECT / "theme", theme)
    (outside / "kunci.txt").write_text("kunci pribadi", encoding="utf-8")
    (outside / "rumah").mkdir()
    (theme / "static" / "kunci.txt").symlink_to(outside / "kunci.txt")
    (theme / "templates" / "partials" / "rumah").symlink_to(outside / "rumah", target_is_directory=True)
    (theme / "static" / "passwd").symlink_to("/etc/passwd")
    assert refused(settings(tmp_path, image_cache, THEME=str(theme))) == [
        (f"{shown(theme)}/static/kunci.txt:1:1", "R17", "(berkas)",
         f"symlink ini menunjuk ke `{outside}/kunci.txt`, di luar repositori"),
        (f"{shown(theme)}/static/passwd:1:1", "R17", "(berkas)",
         "symlink ini menunjuk ke `/etc/passwd`, di luar repositori"),
        (f"{shown(theme)}/templates/partials/rumah:1:1", "R17", "(berkas)",
         f"symlink ini menunjuk ke `{outside}/rumah`, di luar repositori"),
    ]


def test_a_catalogue_folder_that_is_a_symlink_out_of_the_repository_stops_the_build(tmp_path, image_cache, outside):
    shutil.copytree(ROOTS / "site-basic" / "catalogue_data", outside / "data")
    (tmp_path / "catalogue_data").symlink_to(outside / "data", target_is_directory=True)
    overrides = settings(tmp_path, image_cache, ETALASE_CATALOGUE=str(tmp_path / "catalogue_data"))
    assert refused(overrides) == [(f"{shown(tmp_path)}/catalogue_data:1:1", "R17", "(berkas)",
                                   f"symlink ini menunjuk ke `{outside}/data`, di luar repositori")]


def test_a_symlink_that_stays_inside_the_repository_is_followed(tmp_path, image_cache, content):
    (content / "kontak.md").unlink()
    (content / "kontak.md").symlink_to(PROJECT / "content" / "kontak.md")
    build(PROJECT / "pelicanconf.py", settings(tmp_path, image_cache, PATH=str(content)))
    assert (tmp_path / "output" / "kontak" / "index.html").is_file()


def test_the_command_line_prints_the_report_and_exits_1(tmp_path, content, outside):
    (content / "rahasia.md").symlink_to(outside / "rahasia.md")
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(PROJECT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
                    f"PATH = {str(content)!r}\nTHEME = {str(PROJECT / 'theme')!r}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "etalase.build", "--settings", str(conf),
         "--catalogue", str(ROOTS / "site-basic" / "catalogue_data"), "--output", str(tmp_path / "output")],
        capture_output=True, text=True, cwd=PROJECT, check=False,
        env={"PYTHONPATH": str(PROJECT / "plugins"), "PATH": "/usr/bin",
             "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]},
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[:3] == [
        f"{shown(content)}/rahasia.md (1 masalah)",
        f"  {shown(content)}/rahasia.md:1:1 [R17] (berkas): symlink ini menunjuk ke `{outside}/rahasia.md`, di luar "
        "repositori",
        "      Symlink ke luar repositori. Cara memperbaiki: Salin berkas atau folder aslinya ke dalam repositori "
        "(content/, theme/ atau catalogue_data/) lalu hapus symlink-nya: situs hanya dibangun dari berkas yang ada "
        "di repositori.",
    ]
    assert not (tmp_path / "output").exists()


def test_loops_and_links_inside_are_walked_once(tmp_path):
    project = tmp_path / "repo"
    (project / "content" / "sub").mkdir(parents=True)
    (project / "content" / "sub" / "loop").symlink_to(project / "content", target_is_directory=True)
    (project / "docs").mkdir()
    (project / "docs" / "keluar.txt").symlink_to(tmp_path / "di-luar.txt")
    (project / "content" / "docs").symlink_to(project / "docs", target_is_directory=True)
    found = outside_links([project / "content", project / "content"], project)
    assert [(issue.file, issue.message) for issue in found] == [
        ("content/docs/keluar.txt", f"symlink ini menunjuk ke `{tmp_path}/di-luar.txt`, di luar repositori"),
    ]
