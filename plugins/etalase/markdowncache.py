"""Staff Markdown rendered once: kept between builds by the hash of its text, and converted on every core.

:func:`load` fills :data:`etalase.markup.STORE` from ``<build cache>/markdown.pickle``;
:func:`prerender` converts the catalogue's texts that are not in it yet, in
forked worker processes when there are many (Python-Markdown takes about a
millisecond a description); :func:`save` writes back the entries this build
used, so the file never grows past the catalogue. Without Pelican.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import markup
from .artifacts import write_bytes_atomic
from .catalogue import Catalogue
from .outputs import text as outputs_text

log = logging.getLogger(__name__)

#: Fewer new texts than this are converted in the build process.
PARALLEL_MIN = 200
CHUNK = 256


def texts_of(catalogue: Catalogue) -> list[str]:
    """Every Markdown text the site shows: products, sellers, batches and the programme."""
    texts = [item.product.description for item in catalogue.listings]
    texts += [p.description for p in [*catalogue.exhibitors.values(), *catalogue.schools.values()]]
    texts += [batch.summary for batch in catalogue.batches]
    texts.append(catalogue.programme.description)
    return [text for text in texts if text and text.strip()]


def load(path: Path) -> int:
    """Fill the store from ``path`` (a missing or broken file is an empty cache); return how many entries."""
    LOADED["entries"] = -1  # until read: the next save writes
    try:
        stored = pickle.loads(Path(path).read_bytes())  # noqa: S301 - our own cache folder, not user input
    except FileNotFoundError:
        return 0
    except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never a failed build
        log.info("%s: unreadable Markdown cache, converting again", path)
        return 0
    if isinstance(stored, dict):
        markup.STORE.update(stored)
    LOADED["entries"] = len(markup.STORE)
    return len(markup.STORE)


#: How many entries the store held after :func:`load`: :func:`save` writes only when this build added some.
LOADED = {"entries": -1}


def keys_of(text: str, widths: Iterable[int] = markup.STORED_WIDTHS) -> list[str]:
    """The store keys of a text: its sanitised HTML, its plain text (open data, feeds) and its summaries."""
    return _keys(markup.text_key(text), widths)


def _keys(digest: str, widths: Iterable[int]) -> list[str]:
    """:func:`keys_of` from the text's key (as :func:`outputs_text.plain_key` and :func:`markup.summary_key`)."""
    return [digest, f"plain:{digest}", *(f"s{width}:{digest}" for width in widths)]


def entries(text: str) -> list[tuple[str, str]]:
    """Every entry :func:`keys_of` lists for ``text``, from one Markdown conversion when the text is clean."""
    digest = markup.text_key(text)
    converted = markup.markdown_html(text)
    html = markup.sanitise(converted)
    line = markup.summary_line(html)
    summaries = [(f"s{width}:{digest}", markup.shorten(line, width)) for width in markup.STORED_WIDTHS]
    return [(digest, html), (f"plain:{digest}", outputs_text.plain_of(text, converted)), *summaries]


def save(path: Path, texts: Iterable[str]) -> None:
    """Write the entries of ``texts`` (those this build shows) to ``path`` when this build added any."""
    if len(markup.STORE) == LOADED["entries"]:
        return
    widths = sorted({*markup.STORED_WIDTHS, *markup.SUMMARY_WIDTHS})
    wanted = {key for text in texts for key in _keys(markup.text_key(text), widths)}
    keep = {key: markup.STORE[key] for key in sorted(wanted) if key in markup.STORE}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(Path(path), pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL))


def _entries_of(texts: list[str]) -> list[list[tuple[str, str]]]:
    """The entries of a chunk of texts (in a worker)."""
    return [entries(text) for text in texts]


def prerender(texts: Iterable[str], workers: int) -> int:
    """Compute the entries of every text that lacks one, on ``workers`` processes; return how many texts."""
    store = markup.STORE
    new = [text for text in dict.fromkeys(texts) if any(key not in store for key in keys_of(text))]
    if workers > 1 and len(new) >= PARALLEL_MIN:
        chunks = [new[start:start + CHUNK] for start in range(0, len(new), CHUNK)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for done in pool.map(_entries_of, chunks):
                for found in done:
                    store.update(found)
    else:
        for text in new:
            store.update(entries(text))
    markup.RENDERED["markdown"] += len(new)
    return len(new)
