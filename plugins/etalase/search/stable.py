"""Make a Pagefind bundle byte-stable: the filter files, and the metadata and entry files that name them.

Pagefind 1.5.2 writes each filter's values in hash-map order, so two runs on
the same records give filter files with other bytes and other names, and with
them another metadata file and entry file (Pagefind issue #638 made fragments
stable, not filters; index chunks and fragments are stable). After Pagefind
writes a bundle, :func:`stabilise` decodes every filter file (gzip, the
``pagefind_dcd`` signature, then CBOR: ``[filter, [[value, [page, …]], …]]``),
sorts the values, and writes it again under a name from its content; the
metadata file (CBOR too) gets the new names, its filter list sorted by filter
name, and a name from its content; the entry file names the new metadata file.
Pagefind's script reads files only by the names the metadata and entry give,
so the bundle searches exactly as before (the browser tests run on stabilised
bundles). Two cold builds are then byte-identical.

The CBOR codec is :mod:`etalase.search.cbor` (the subset Pagefind writes).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from ..errors import SearchError
from .cbor import decode, encode

__all__ = ["SIGNATURE", "decode", "encode", "read", "stabilise", "written"]

SIGNATURE = b"pagefind_dcd"


def read(path: Path) -> object:
    """A Pagefind file's value: gzip, the signature, CBOR."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise SearchError(f"unexpected Pagefind file format: {path.name}")
    return decode(data[len(SIGNATURE):])


def written(path_of, language: str, value: object) -> str:
    """Write ``value`` as a Pagefind file named from its content, at ``path_of(hash)``; the hash (``<lang>_<hex>``)."""
    data = SIGNATURE + encode(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
    path_of(name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def _renamed(value: object, names: dict[str, str]) -> object:
    """``value`` with every string that is an old filter name replaced by the new one."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return [_renamed(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _renamed(item, names) for key, item in value.items()}
    return value


def _sorted_filter_lists(value: object, names: set[str]) -> object:
    """``value`` with every list of ``[filter, file]`` pairs sorted by filter."""
    if isinstance(value, list):
        items = [_sorted_filter_lists(item, names) for item in value]
        pairs = all(isinstance(i, list) and len(i) == 2 and i[1] in names for i in items)
        return sorted(items, key=lambda pair: pair[0]) if items and pairs else items
    return value


def stabilise(bundle: Path) -> None:
    """Rewrite the filter files, the metadata file and the entry file of ``bundle`` in a stable form."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_bytes())
    for language, index in entry["languages"].items():
        names: dict[str, str] = {}
        for path in sorted((bundle / "filter").glob(f"{language}_*.pf_filter")):
            name, values = read(path)
            path.unlink()
            old = path.name.removesuffix(".pf_filter")
            names[old] = written(lambda new: bundle / "filter" / f"{new}.pf_filter", language,
                                  [name, sorted(values, key=lambda pair: pair[0])])
        meta_path = bundle / f"pagefind.{index['hash']}.pf_meta"
        meta = _sorted_filter_lists(_renamed(read(meta_path), names), set(names.values()))
        meta_path.unlink()
        index["hash"] = written(lambda new: bundle / f"pagefind.{new}.pf_meta", language, meta)
    entry_path.write_bytes(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
