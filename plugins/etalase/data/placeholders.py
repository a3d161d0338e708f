"""What the scaffold leaves for staff to replace (``TODO`` texts, placeholder photos), and where it still is.

:mod:`etalase.staff.scaffold` writes new records with these placeholders so they
validate at once; :func:`leftovers` finds the ones still there in a record a
visitor would see. The staff report lists them, ``validate`` and local builds
note them, and a publish build refuses them (:mod:`etalase.data.notices`). Pure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from .models import Batch, Participant, Photo

#: The word every scaffold text to replace starts with.
TODO = "TODO"
#: Placeholder photos start with this, so people and the checks spot them.
PLACEHOLDER_PREFIX = "foto-sementara-"


def is_placeholder(photo_file: str) -> bool:
    """Whether a photo path names a scaffold placeholder."""
    return PurePosixPath(photo_file).name.startswith(PLACEHOLDER_PREFIX)


@dataclass(frozen=True)
class Leftover:
    """One value still as the scaffold wrote it: a ``TODO`` text, or a placeholder photo (``photo``)."""

    #: Whose value it is, as the staff report names it: ``batch-9``, ``kopi-kita``, ``produk kopi-250g``.
    subject: str
    #: The key path inside the record's file, e.g. ``("produk", 2, "foto", 0, "alt")``.
    path: tuple
    #: The field as named within its subject: ``deskripsi``, ``foto[0].alt``.
    field: str
    #: The text or the photo path found there.
    value: str
    photo: bool = False


def _texts(record: Batch | Participant) -> Iterator[tuple[str, tuple, str | None]]:
    """``(subject, path, text)`` of every free text of a record that a visitor reads, withdrawn products left out."""
    if isinstance(record, Batch):
        for path, text in ((("judul",), record.title), (("ringkasan",), record.summary),
                           (("tempat", "nama"), record.venue.name), (("tempat", "alamat"), record.venue.address)):
            yield record.id, path, text
        return
    for path, text in ((("nama",), record.name), (("deskripsi",), record.description),
                       (("alamat",), record.address)):
        yield record.id, path, text
    if record.logo is not None:
        yield record.id, ("logo", "alt"), record.logo.alt
    for index, product in enumerate(record.products):
        if product.withdrawn:
            continue
        subject = f"produk {product.id}"
        for key, text in (("nama", product.name), ("deskripsi", product.description), ("satuan", product.unit)):
            yield subject, ("produk", index, key), text
        for number, photo in enumerate(product.photos):
            yield subject, ("produk", index, "foto", number, "alt"), photo.alt


def _photos(record: Participant) -> Iterator[tuple[str, tuple, Photo]]:
    """``(subject, path, photo)`` of the logo and every photo of a published product."""
    if record.logo is not None:
        yield record.id, ("logo", "berkas"), record.logo
    for index, product in enumerate(record.products):
        if not product.withdrawn:
            for number, photo in enumerate(product.photos):
                yield f"produk {product.id}", ("produk", index, "foto", number, "berkas"), photo


def field_name(subject_path: tuple) -> str:
    """A key path below its subject as staff read it: ``foto[0].alt``."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in subject_path).lstrip(".")


def _below_subject(path: tuple) -> tuple:
    """The part of a key path below its subject (a product's fields below ``produk[i]``)."""
    return path[2:] if path[:1] == ("produk",) else path


def leftovers(record: Batch | Participant) -> Iterator[Leftover]:
    """Every ``TODO`` text and placeholder photo a visitor would see in ``record``, in file order of fields."""
    for subject, path, text in _texts(record):
        if text and TODO in text:
            yield Leftover(subject, path, field_name(_below_subject(path)), text)
    if isinstance(record, Participant):
        for subject, path, photo in _photos(record):
            if is_placeholder(photo.file):
                yield Leftover(subject, path, field_name(_below_subject(path)), photo.file, photo=True)
