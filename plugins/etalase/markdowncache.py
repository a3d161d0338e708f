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


def _done_key(text: str) -> str:
    """The key marking that every entry :func:`keys_of` lists for ``text`` is in the store."""
    return "done:" + markup.text_key(text)


def keys_of(text: str) -> list[str]:
    """The store keys a text needs: its sanitised HTML, and its plain text when it has markup (open data, feeds)."""
    keys = [markup.text_key(text)]
    source = outputs_text.clean(text)
    if outputs_text.MARKUP_RE.search(source):
        keys.append(outputs_text.plain_key(source))
    return keys


def _compute(text: str, key: str) -> str:
    """The value of one store key of ``text``."""
    return markup.convert(text) if not key.startswith("plain:") else \
        outputs_text.rendered_text(outputs_text.clean(text))


def save(path: Path, texts: Iterable[str]) -> None:
    """Write the entries of ``texts`` (those this build shows) to ``path`` when this build added any."""
    if len(markup.STORE) == LOADED["entries"]:
        return
    texts = list(texts)
    wanted = {key for text in texts for key in [*keys_of(text), _done_key(text)]}
    wanted |= {markup.summary_key(text, width) for text in texts for width in markup.SUMMARY_WIDTHS}
    keep = {key: markup.STORE[key] for key in sorted(wanted) if key in markup.STORE}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(Path(path), pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL))


def _compute_all(jobs: list[tuple[str, str]]) -> list[str]:
    """Compute a chunk of ``(text, key)`` jobs (in a worker)."""
    return [_compute(text, key) for text, key in jobs]


def prerender(texts: Iterable[str], workers: int) -> int:
    """Compute every entry the texts need that is not in the store yet, on ``workers`` processes; return how many."""
    new = [text for text in dict.fromkeys(texts) if _done_key(text) not in markup.STORE]
    jobs = [(text, key) for text in new for key in keys_of(text) if key not in markup.STORE]
    if workers > 1 and len(jobs) >= PARALLEL_MIN:
        chunks = [jobs[start:start + CHUNK] for start in range(0, len(jobs), CHUNK)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk, done in zip(chunks, pool.map(_compute_all, chunks), strict=True):
                for (_, key), value in zip(chunk, done, strict=True):
                    markup.STORE[key] = value
        markup.RENDERED["markdown"] += sum(not key.startswith("plain:") for _, key in jobs)
    else:
        for text, key in jobs:
            markup.STORE[key] = _compute(text, key)
    for text in new:
        markup.STORE[_done_key(text)] = ""
    return len(jobs)
