"""Write exhibitor records as YAML text, and change an existing file without losing a byte of the rest.

ruamel.yaml's round trip keeps comments, key order, quotes and layout; with
:class:`TextResolver` every plain scalar stays the text it was (``45.000`` is
not the float 45.0, ``0215551234`` not an octal number), as the strict loader
reads it, so a file loaded and dumped unchanged comes back byte for byte.

A file the importer wrote starts with a :data:`MARK` line holding a digest of
the rest: while the digest matches, no person has edited it, and a later
import may update it without ``--perbarui``.
"""

from __future__ import annotations

import hashlib
import io
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver, implicit_resolvers
from ruamel.yaml.scalarstring import LiteralScalarString

MARK = "# Ditulis oleh ./run impor (sidik {digest}); bila diubah orang, impor berikutnya perlu --perbarui."
_MARK_RE = re.compile(r"^# Ditulis oleh \./run impor \(sidik ([0-9a-f]{12})\)")
PRODUCTS_COMMENT = "Produk: ID dipakai di tautan /produk/<id>/, jangan diubah setelah terbit."
# Top-level keys of a new exhibitor file, in the order of the sample records; nested keys follow their model.
EXHIBITOR_ORDER = ("nama", "jenis", "kota", "kecamatan", "alamat", "deskripsi", "logo", "kontak", "nib", "siinas",
                   "jakpreneur", "id_lama", "ditarik", "produk")


class TextResolver(VersionedResolver):
    """Resolve only nulls: every other plain scalar is a string, as in :mod:`etalase.data.yamlload`."""

    @property
    def versioned_resolver(self):
        """The implicit resolvers of this YAML version, nulls only."""
        version = self.processing_version
        if version not in self._version_implicit_resolver:
            self._version_implicit_resolver[version] = {}
            for versions, tag, regexp, first in implicit_resolvers:
                if version in versions and tag.endswith(":null"):
                    self.add_version_implicit_resolver(version, tag, regexp, first)
        return self._version_implicit_resolver[version]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = TextResolver
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_text(text: str) -> CommentedMap:
    """Load a staff file for a round trip."""
    return _yaml().load(text)


def dump_text(document: CommentedMap) -> str:
    """Dump a round-trip document back to text."""
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def scalar(text: str) -> str:
    """A value as it is written: several lines become a ``|`` block."""
    return LiteralScalarString(text + "\n") if "\n" in text else text


def body_digest(body: str) -> str:
    """The digest a :data:`MARK` line holds for the text below it."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


def unedited(text: str) -> bool:
    """Whether ``text`` is exactly as the importer wrote it (its mark's digest matches the rest)."""
    first, _, body = text.partition("\n")
    match = _MARK_RE.match(first)
    return bool(match) and match.group(1) == body_digest(body)


def marked(text: str) -> str:
    """``text`` with a fresh :data:`MARK` line in place of the first line (or above it when it has none)."""
    first, _, body = text.partition("\n")
    if not _MARK_RE.match(first):
        body = text
    return MARK.format(digest=body_digest(body)) + "\n" + body


def finish_new(document: CommentedMap) -> str:
    """The text of a new exhibitor file: products apart, a blank line between them, the mark on top."""
    products = document.get("produk")
    if isinstance(products, CommentedSeq) and products:
        document.yaml_set_comment_before_after_key("produk", before="\n" + PRODUCTS_COMMENT)
        for index in range(1, len(products)):
            products.yaml_set_comment_before_after_key(index, before="\n", indent=2)
    return marked(dump_text(document))


def space_new_product(products: CommentedSeq, index: int) -> None:
    """Put a blank line above a product appended to an existing list, as between the others."""
    if index > 0:
        products.yaml_set_comment_before_after_key(index, before="\n", indent=2)
