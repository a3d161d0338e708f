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
    try:
        stored = pickle.loads(Path(path).read_bytes())  # noqa: S301 - our own cache folder, not user input
    except FileNotFoundError:
        return 0
    except Exception:  # noqa: BLE001 - a broken cache is rebuilt, never a failed build
        log.info("%s: unreadable Markdown cache, converting again", path)
        return 0
    if isinstance(stored, dict):
        markup.STORE.update(stored)
    return len(markup.STORE)


def save(path: Path, texts: Iterable[str]) -> None:
    """Write the entries of ``texts`` (those this build shows) to ``path``, if they differ from what is there."""
    keep = {key: markup.STORE[key] for key in sorted({markup.text_key(text) for text in texts}) if key in markup.STORE}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(Path(path), pickle.dumps(keep, protocol=pickle.HIGHEST_PROTOCOL))


def _convert_all(texts: list[str]) -> list[str]:
    """Convert a chunk of texts (in a worker)."""
    return [markup.convert(text) for text in texts]


def prerender(texts: Iterable[str], workers: int) -> int:
    """Convert every text not in the store yet, on ``workers`` processes when there are many; return how many."""
    missing = list(dict.fromkeys(text for text in texts if markup.text_key(text) not in markup.STORE))
    if workers > 1 and len(missing) >= PARALLEL_MIN:
        chunks = [missing[start:start + CHUNK] for start in range(0, len(missing), CHUNK)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk, done in zip(chunks, pool.map(_convert_all, chunks), strict=True):
                for text, html in zip(chunk, done, strict=True):
                    markup.STORE[markup.text_key(text)] = html
        markup.RENDERED["markdown"] += len(missing)
    else:
        for text in missing:
            markup.STORE[markup.text_key(text)] = markup.convert(text)
    return len(missing)
