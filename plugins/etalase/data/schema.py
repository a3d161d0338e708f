"""JSON Schemas for editors and the error-code table for the staff guide, both made from the code.

The schemas come from the same models the loader validates with
(``model_json_schema(by_alias=True, mode="validation")``), cleaned for staff:
Indonesian titles and descriptions only, ``ya``/``tidak`` defaults, and numbers
allowed wherever an editor reading YAML 1.2 sees digits the loader keeps as
text. They are committed in ``schema/`` and mapped to the data files in
``.vscode/settings.json``; ``python -m etalase schema`` rewrites them and the
code table in ``docs/format-data.md``, ``--check`` says which is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..outputs.artifacts import write_bytes_atomic
from . import messages
from .models import (
    Activity,
    Batch,
    BpomCertificate,
    Categories,
    Category,
    Certifications,
    City,
    Contact,
    Exhibitor,
    Figure,
    HalalCertificate,
    Maker,
    MarketplaceLink,
    Photo,
    PirtCertificate,
    Product,
    Programme,
    Region,
    Regions,
    School,
    SniCertificate,
    Tkdn,
    Venue,
)

# Draft 7: what the YAML language server in editors supports; the keywords used here mean the same in later drafts.
DRAFT = "http://json-schema.org/draft-07/schema#"

# kind -> (model, files it describes inside catalogue_data/, title staff see)
KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "program": (Programme, "program.yaml", "Program Business Matching (program.yaml)"),
    "kategori": (Categories, "kosakata/kategori.yaml", "Daftar kategori produk (kosakata/kategori.yaml)"),
    "wilayah": (Regions, "kosakata/wilayah.yaml", "Kota dan kecamatan DKI Jakarta (kosakata/wilayah.yaml)"),
    "batch": (Batch, "batch/*.yaml", "Satu batch Business Matching (batch/<id>.yaml)"),
    "eksibitor": (Exhibitor, "eksibitor/*.yaml", "Satu eksibitor dan produknya (eksibitor/<id>.yaml)"),
    "sekolah": (School, "sekolah/*.yaml", "Satu sekolah dan produk siswanya (sekolah/<id>.yaml)"),
}
YES_NO = {"ya": True, "tidak": False}
# ECMA-262 regex (editors run it in JavaScript): no inline flags, so spell the cases out.
YES_NO_SCHEMA = {
    "anyOf": [{"enum": list(YES_NO)}, {"type": "string", "pattern": "^ *([Yy][Aa]|[Tt][Ii][Dd][Aa][Kk]) *$"}],
}

# Models whose keys the staff guide lists, by marker name (``<!-- dibuat:kunci-NAME -->``).
GUIDE_MODELS: dict[str, type[BaseModel]] = {
    "program": Programme, "capaian": Figure, "kontak": Contact, "marketplace": MarketplaceLink,
    "kategori": Category, "kota": City, "kecamatan": Region,
    "batch": Batch, "tempat": Venue, "kegiatan": Activity,
    "eksibitor": Exhibitor, "sekolah": School, "produk": Product, "foto": Photo,
    "sertifikasi": Certifications, "halal": HalalCertificate, "bpom": BpomCertificate, "pirt": PirtCertificate,
    "sni": SniCertificate, "tkdn": Tkdn, "pembuat": Maker,
}


def _clean(node: object) -> object:
    """Drop English model titles and docstrings; write yes/no defaults as staff type them."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _clean(value) for key, value in node.items() if not (key == "title" and isinstance(value, str))}
    if out.get("enum") == list(YES_NO):
        out = {**{k: v for k, v in out.items() if k != "enum"}, **YES_NO_SCHEMA}
    if isinstance(out.get("default"), bool) and "anyOf" in out and out["anyOf"] == YES_NO_SCHEMA["anyOf"]:
        out["default"] = "ya" if out["default"] else "tidak"
    return out


def schema_for(kind: str) -> dict:
    """Return the JSON Schema of one kind of staff file."""
    model, files, title = KINDS[kind]
    schema = _clean(model.model_json_schema(by_alias=True, mode="validation"))
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)  # the model's English docstring; fields carry the meaning
    guide = "panduan lengkap: docs/format-data.md"
    schema.update({"$schema": DRAFT, "title": title, "description": f"Berkas catalogue_data/{files}; {guide}"})
    return schema


def render(schema: dict) -> str:
    """Serialise a schema deterministically: sorted keys, 2-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_files() -> dict[str, str]:
    """Return ``{file name: content}`` for every schema."""
    return {f"{kind}.schema.json": render(schema_for(kind)) for kind in KINDS}


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` and return the paths written."""
    written = []
    for name, text in schema_files().items():
        path = Path(folder) / name
        write_bytes_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[Path]:
    """Return the schema files in ``folder`` that are missing or differ from the models."""
    stale = []
    for name, text in schema_files().items():
        path = Path(folder) / name
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            stale.append(path)
    return stale


def vscode_mapping(schema_folder: str = "schema", data_folders: tuple[str, ...] = ("catalogue_data",)) -> dict:
    """Return the ``yaml.schemas`` setting that maps each schema to its files."""
    return {
        f"./{schema_folder}/{kind}.schema.json": [f"{data}/{files}" for data in data_folders]
        for kind, (_, files, _) in KINDS.items()
    }


def code_table() -> str:
    """Return the Markdown table of every error code, its meaning and its fix."""
    rows = ["| Kode | Arti | Cara memperbaiki |", "| --- | --- | --- |"]
    rows += [f"| `{code}` | {title} | {_cell(fix)} |" for code, (title, fix) in messages.CODES.items()]
    return "\n".join(rows)


def field_table(model: type[BaseModel]) -> str:
    """Return the Markdown table of a model's keys: whether each is required and what it means."""
    rows = ["| Kunci | Wajib | Arti |", "| --- | --- | --- |"]
    for field in model.model_fields.values():
        required = "ya" if field.is_required() else "tidak"
        rows.append(f"| `{field.alias}` | {required} | {_cell(field.description or '')} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def generated_sections() -> dict[str, str]:
    """Return every generated part of the staff guide by its marker name."""
    sections = {"kode-galat": code_table()}
    sections.update({f"kunci-{name}": field_table(model) for name, model in GUIDE_MODELS.items()})
    return sections


def with_generated(text: str) -> str:
    """Return ``text`` with every ``<!-- dibuat:NAME -->`` … ``<!-- /dibuat:NAME -->`` part made anew."""
    for name, table in generated_sections().items():
        start_marker, end_marker = f"<!-- dibuat:{name} -->", f"<!-- /dibuat:{name} -->"
        if start_marker not in text or end_marker not in text:
            continue
        start, end = text.index(start_marker) + len(start_marker), text.index(end_marker)
        text = text[:start] + "\n\n" + table + "\n\n" + text[end:]
    return text


def update_guide(doc: Path) -> bool:
    """Rewrite the generated tables in the staff guide; return whether it changed."""
    text = Path(doc).read_text(encoding="utf-8")
    new = with_generated(text)
    if new != text:
        write_bytes_atomic(Path(doc), new.encode("utf-8"))
    return new != text
