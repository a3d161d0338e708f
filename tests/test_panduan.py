"""The editors' guide (docs/panduan-editor.md) quotes the checkers' output word for word."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from etalase.outputs import manifest
from etalase.staff import scaffold

from tests.catalogue_helpers import EXHIBITOR, copy_root, edit
from tests.test_manifest import ARABIKA, built, fake_build

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "panduan-editor.md"
EXAMPLE = re.compile(r"<!-- contoh (\{.*?\}) -->\n```text\n(.*?)\n```", re.DOTALL)
LINK_EXAMPLE = re.compile(r"<!-- contoh-tautan -->\n```text\n(.*?)\n```", re.DOTALL)
TEMPLATE_EXAMPLE = re.compile(r"<!-- contoh-templat (\{.*?\}) -->\n```text\n(.*?)\n```", re.DOTALL)


def examples() -> list[tuple[dict, str]]:
    """Every worked validation example in the guide: the edit, and the output it must print."""
    return [(json.loads(edit_json), output) for edit_json, output in EXAMPLE.findall(GUIDE.read_text("utf-8"))]


def test_the_guide_has_eight_worked_examples_with_distinct_codes():
    codes = [re.findall(r"\[([A-Z]\d\d)\]", output) for _, output in examples()]
    assert len(codes) == 8
    assert len({tuple(found) for found in codes}) == 8


@pytest.mark.parametrize(("change", "output"), examples(), ids=lambda value: value.get("dengan", "")
                         if isinstance(value, dict) else "")
def test_each_example_prints_exactly_what_the_guide_shows(tmp_path, change, output):
    root = copy_root(tmp_path)
    edit(root, change["berkas"], change["ganti"], change["dengan"])

    done = validate(tmp_path)

    assert (done.returncode, done.stdout.rstrip("\n")) == (1, output)


def validate(project: Path, *args: str) -> subprocess.CompletedProcess:
    """``python -m etalase validate catalogue_data ARGS`` in ``project``, as of the suite's day."""
    env = {"PYTHONPATH": str(ROOT / "plugins"), "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    return subprocess.run([sys.executable, "-m", "etalase", "validate", "catalogue_data", *args], cwd=project,
                          capture_output=True, text=True, env=env, check=False)


def test_the_scaffold_example_prints_exactly_what_the_guide_shows(tmp_path):
    change, output = TEMPLATE_EXAMPLE.search(GUIDE.read_text("utf-8")).groups()
    change = json.loads(change)
    root = copy_root(tmp_path)
    scaffold.add_product(root, change["eksibitor"], change["id"], change["nama"], change["kategori"])

    done, refused = validate(tmp_path), validate(tmp_path, "--publish")

    assert (done.returncode, done.stdout.rstrip("\n")) == (0, output)
    assert refused.returncode == 1
    assert refused.stdout.rstrip("\n").splitlines()[-1] == (
        "Ditemukan 3 masalah di 1 berkas. Perbaiki masalah di atas, lalu periksa lagi dengan `./run validate`.")


def test_the_lost_link_example_prints_exactly_what_the_guide_shows(tmp_path):
    root = copy_root(tmp_path)
    with (root / EXHIBITOR).open("a", encoding="utf-8") as handle:
        handle.write(ARABIKA)
    live = built(fake_build(root, tmp_path / "live"))
    edit(root, EXHIBITOR, ARABIKA, "")
    index = manifest.record_index(root)

    text = manifest.format_lost_text(manifest.compare(live, built(fake_build(root, tmp_path / "new")), index))

    assert text == LINK_EXAMPLE.search(GUIDE.read_text("utf-8")).group(1)


def test_every_command_the_guide_names_is_a_task():
    listing = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    tasks = {line.split()[0] for line in listing.splitlines()[1:] if line.startswith("  ") and line.strip()}
    named = set(re.findall(r"\./run ([a-z][a-z-]*)", GUIDE.read_text("utf-8")))
    assert named - tasks == set()
