"""JSON Schemas and the staff guide's tables: current, deterministic, and faithful to the loader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from etalase.data import schema
from etalase.data.loader import FOLDERS, SINGLE_FILES
from etalase.data.yamlload import load_yaml

from tests.catalogue_helpers import ROOTS

PROJECT = Path(__file__).resolve().parent.parent
SCHEMAS = PROJECT / "schema"
GUIDE = PROJECT / "docs" / "format-data.md"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with YAML 1.2 core-schema guesses, as the editors' language server reads files."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def _int(loader: Yaml12Loader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)


def _float(loader: Yaml12Loader, node: yaml.ScalarNode) -> float:
    return float(loader.construct_scalar(node).lower().replace(".inf", "inf").replace(".nan", "nan"))


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)


def yaml12(text: str) -> object:
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


def kind_of(rel: str) -> str:
    """Return the schema kind for a path relative to catalogue_data/."""
    if rel in SINGLE_FILES:
        return next(k for k, (_, files, _) in schema.KINDS.items() if files == rel)
    return rel.split("/")[0]


def validator(kind: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")))


def staff_files(root: Path) -> list[tuple[str, Path]]:
    records = (f"{folder}/{path.name}" for folder in FOLDERS for path in sorted((root / folder).glob("*.yaml")))
    rels = [*SINGLE_FILES, *records]
    return [(rel, root / rel) for rel in rels if (root / rel).is_file()]


def test_yaml12_loader_reads_like_an_editor() -> None:
    assert yaml12("a: 0215551234\nb: 2023-11-06\nc: ya\nd: 15.000\ne: no\nf: 1e3\ng: .inf\nh: 0x1F\ni: 10:30\n") == {
        "a": 215551234, "b": "2023-11-06", "c": "ya", "d": 15.0, "e": "no", "f": 1000.0, "g": float("inf"),
        "h": 31, "i": "10:30",
    }


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    written = schema.write_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in SCHEMAS.glob("*.schema.json"))
    for path in written:
        assert (SCHEMAS / path.name).read_bytes() == path.read_bytes(), f"{path.name}: run `python -m etalase schema`"
    assert schema.stale_schemas(SCHEMAS) == []


def test_schemas_are_deterministic_and_well_formed() -> None:
    assert schema.schema_files() == schema.schema_files()
    for text in schema.schema_files().values():
        assert text.endswith("}\n") and text.startswith("{\n  \"")
        document = json.loads(text)
        jsonschema.Draft7Validator.check_schema(document)
        assert document["$schema"] == schema.DRAFT
        assert list(document) == sorted(document)


def test_schema_descriptions_are_indonesian() -> None:
    english = re.compile(r"\b(the|and|with|one|which|whether)\b")
    for text in schema.schema_files().values():
        for found in re.findall(r'"(?:description|title)": "([^"]*)"', text):
            assert not english.search(found), found


@pytest.mark.parametrize("root", [PROJECT / "catalogue_data", ROOTS / "catalogue-minimal"], ids=["sample", "minimal"])
def test_staff_files_validate_against_their_schema(root: Path) -> None:
    files = staff_files(root)
    assert len(files) >= 6
    for rel, path in files:
        errors = [e.message for e in validator(kind_of(rel)).iter_errors(yaml12(path.read_text(encoding="utf-8")))]
        assert errors == [], f"{rel}: {errors}"


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("siinas: ya", True), ("siinas: Tidak", True), ("siinas: yes", False), ("siinas: true", False),
        ("nib: 9120001234567", True), ("harga_x: 1", False), ("jenis: pabrik", False), ("kota: Jakarta Timur", False),
        ("kontak: {telepon: 0215551234}", True), ("kontak: {situs: ftp://a.id}", False),
    ],
)
def test_schema_accepts_what_the_loader_accepts(text: str, valid: bool) -> None:
    base = {"nama": "Kopi", "jenis": "ikm", "kota": "jakarta-timur", "kecamatan": "jatinegara",
            "deskripsi": "x", "kontak": {}}
    document = {**base, **yaml12(text)}
    assert validator("eksibitor").is_valid(document) is valid


@pytest.mark.parametrize("price", ["15000", "15.000", "15.500", "Rp 15.000", "Rp 15.000,-", "atas permintaan",
                                   "{dari: 75.000, sampai: 120000}"])
def test_schema_accepts_every_price_form(price: str) -> None:
    product = yaml12(f"harga: {price}")
    item = {"id": "a", "nama": "A", "kategori": "b", "deskripsi": "c", "satuan": "pcs",
            "foto": [{"berkas": "foto/a.jpg", "alt": "A"}], **product}
    definitions = json.loads((SCHEMAS / "eksibitor.schema.json").read_text())["$defs"]
    assert jsonschema.Draft7Validator({**definitions["Product"], "$defs": definitions}).is_valid(item)


def test_vscode_settings_map_every_schema() -> None:
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    folders = ("catalogue_data", "tests/roots/*/catalogue_data", "tests/roots/catalogue-*")
    assert settings["yaml.schemas"] == schema.vscode_mapping(data_folders=folders)
    for target in settings["yaml.schemas"]:
        assert (PROJECT / target).is_file(), target


def test_guide_tables_are_current() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert schema.with_generated(text) == text, "run `python -m etalase schema`"
    for name in schema.generated_sections():
        assert f"<!-- dibuat:{name} -->" in text, name
    for code in schema.messages.CODES:
        assert f"| `{code}` |" in text


def test_guide_examples_are_valid_records() -> None:
    models = {"penyelenggara:": "program", "mulai:": "batch", "jenis:": "eksibitor", "npsn:": "sekolah"}
    checked = set()
    for block in re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S):
        kind = next((k for marker, k in models.items() if re.search(rf"^{marker}", block, re.M)), None)
        if kind is None:
            continue
        model = schema.KINDS[kind][0]
        model.model_validate(load_yaml(block.encode()).data)
        checked.add(kind)
    assert checked == set(models.values())
