"""Problems of valid records: scaffold placeholders (``T01``, ``T02``) and lapsing certificates (``S01``, ``S02``).

Each comes as an :class:`~etalase.errors.Issue` at the ``file:line`` of its
value, with its code's fix, like any other problem. Placeholders are errors in
a publish build (the site must not say "TODO" or show a grey placeholder to the
public) and warnings otherwise, so a fresh scaffold still previews locally.
Certificates are always warnings: from :data:`~etalase.data.certificates.EXPIRY_WINDOW`
before their last valid day, and once expired. Pure: reads a
:class:`~etalase.data.loader.LoadResult` (documents are parsed again only for the
files that have something to say, when they came from the record cache).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from ..errors import Issue
from . import certificates, messages
from .loader import LoadedFile, LoadResult, make_issue
from .models import Batch, Participant
from .placeholders import leftovers

ERROR, WARNING = "error", "warning"


def _published(result: LoadResult) -> Iterator[LoadedFile]:
    """The files whose record is a batch or a participant that is not withdrawn."""
    for loaded in result.files.values():
        record = loaded.record
        if isinstance(record, Batch) or (isinstance(record, Participant) and not record.withdrawn):
            yield loaded


def _issue(loaded: LoadedFile, path: tuple, code: str, message: str, severity: str) -> Issue:
    """An issue at ``path`` in ``loaded`` with the given severity."""
    mark = loaded.document.mark_of(path) if loaded.document is not None else None
    line, column = (mark.line, mark.column) if mark else (1, 1)
    return replace(make_issue(loaded.shown, line, column, code, path, message), severity=severity)


def placeholder_issues(result: LoadResult, publish: bool) -> list[Issue]:
    """Every ``TODO`` text (``T01``) and placeholder photo (``T02``) still published; errors when ``publish``."""
    severity = ERROR if publish else WARNING
    found = []
    for loaded in _published(result):
        for left in leftovers(loaded.record):
            whose = f"{left.subject}: " if left.path[0] == "produk" else ""  # a product: which one
            if left.photo:
                message = f"{whose}`{left.value}` adalah foto sementara dari templat"
            else:
                message = f"{whose}masih berisi teks TODO dari templat: {messages.shown(left.value)}"
            found.append(_issue(loaded, left.path, "T02" if left.photo else "T01", message, severity))
    return found


def certificate_issues(result: LoadResult, today: dt.date) -> list[Issue]:
    """A warning for every certificate of a published product that expires within 60 days (``S01``) or has (``S02``)."""
    found = []
    for loaded in _published(result):
        if not isinstance(loaded.record, Participant):
            continue
        for index, product in enumerate(loaded.record.products):
            if product.withdrawn:
                continue
            for cert in certificates.lapsing(product, today):
                code = "S02" if certificates.expired(cert.until, today) else "S01"
                message = f"produk {product.id}: {messages.certificate_message(cert.kind, cert.until, today)}"
                found.append(_issue(loaded, ("produk", index, *cert.path), code, message, WARNING))
    return found
