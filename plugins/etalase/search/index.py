"""Run Pagefind's Python API on the search records and assemble the bundle of ``<output>/pagefind/``.

The records come from :mod:`etalase.search.records` (built from the
catalogue in memory): nothing is crawled from disk. :func:`bundle_files`
splits them into shards (:mod:`etalase.search.shards`; one in a publish
build up to 16,000 records), runs Pagefind once for the shards the cache lacks, makes each bundle
byte-stable (:mod:`etalase.search.stable`), drops the files the site does not
use (Pagefind's prebuilt UIs, its web worker) and caches it; the order lists
(:mod:`etalase.search.order`), the manifest and the browse lists
(:mod:`etalase.search.lists`) are a cache entry of their own. It returns every
file for the generator to link through ``Output``; :func:`write_index` links
them into a folder that replaces ``pagefind/`` in one rename. Any failure
raises :class:`SearchError` and leaves no half-written bundle behind.

Pagefind's API is async. :func:`run_async` runs it on a fresh event loop, in a
worker thread when the caller already runs one (a Pelican build inside an
async server, a notebook).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import gzip
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..errors import SearchError
from ..outputs.artifacts import link_or_copy, write_artifacts, write_bytes_atomic
from . import shards
from .cache import BUNDLE_VERSION, BundleCache, bundle_key
from .compact import compact, squeeze
from .lists import list_files
from .order import order_files, rank_lists
from .records import CARD_FILTERS, LANGUAGE, SearchRecord, card_meta
from .sentinel import SENTINEL_URL, sentinel_record, sentinel_url
from .shards import prefix, split
from .stable import stabilise

log = logging.getLogger(__name__)

#: Folder of the bundle inside the output folder; search.js imports ``pagefind/pagefind.js`` from it.
BUNDLE = "pagefind"
#: Records sent to Pagefind before waiting for their answers.
WINDOW = 256
#: Seconds one window of records may take before the build gives up.
TIMEOUT = 300.0
#: Bundle files the site never loads: the prebuilt UIs, the highlighter, and the worker (search.js sets noWorker).
UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js",
)
FRAGMENT_MAGIC = b"pagefind_dcd"
#: A cached shard's page IDs (URL -> ID), kept beside its bundle (dot files are not published).
IDS = ".ids.json"

T = TypeVar("T")


@dataclass(frozen=True)
class IndexStats:
    """What one indexing run produced."""

    records: int
    files: int
    bytes: int
    seconds: float
    cached: bool = False


def run_async(factory: Callable[[], Awaitable[T]]) -> T:
    """Run ``factory()`` to completion on a new event loop; in a worker thread if a loop is running here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pagefind") as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()


@functools.cache
def _service_class():
    """Pagefind's service with a reader that does not sleep between answers (see :class:`_Service`)."""
    try:
        from pagefind.service import PagefindService
    except ImportError as exc:  # pragma: no cover - pagefind is a pinned requirement
        raise SearchError("the pagefind package is missing; install requirements.txt (pagefind[bin])") from exc

    class _Service(PagefindService):
        """Pagefind 1.5.2's service reads one answer per 0.1 s; this reads answers as they arrive.

        With the stock reader 10,000 records take over 16 minutes; with this
        one about 20 seconds. A crashed binary fails every pending request
        instead of leaving the build waiting forever.
        """

        async def _wait_for_responses(self) -> None:
            try:
                while True:
                    line = await self._backend.stdout.readuntil(b",")
                    self._answer(json.loads(base64.b64decode(line[:-1])))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - any read failure ends the service
                self._fail_pending(SearchError(f"Pagefind stopped answering: {exc!r}"))

        def _answer(self, response) -> None:
            if not response:
                return
            future = self._responses.pop(response.get("message_id"), None)
            if future is None or future.done():
                return
            payload = response["payload"]
            if payload.get("type") == "Error":
                future.set_exception(SearchError(f"Pagefind refused a request: {payload.get('message')}"))
            else:
                future.set_result(payload)

        def _fail_pending(self, error: Exception) -> None:
            for future in self._responses.values():
                if not future.done():
                    future.set_exception(error)
            self._responses.clear()

    return _Service


async def _add_records(index, records: Sequence[SearchRecord], language: str = LANGUAGE) -> None:
    """Send every record (in ``language``), WINDOW at a time, and check that Pagefind kept its URL."""
    for start in range(0, len(records), WINDOW):
        window = records[start:start + WINDOW]
        answers = await asyncio.wait_for(asyncio.gather(*(
            index.add_custom_record(
                url=record.url,
                content=record.content,
                language=language,
                meta=dict(record.meta),
                filters={key: list(values) for key, values in record.filters.items()},
            )
            for record in window
        )), TIMEOUT)
        for record, answer in zip(window, answers, strict=True):
            if answer.get("page_url") != record.url:
                raise SearchError(f"Pagefind indexed {record.url} as {answer.get('page_url')!r}")


async def _write_bundles(jobs: Sequence[tuple[Sequence[SearchRecord], Path]], language: str = LANGUAGE) -> None:
    """Start Pagefind once; for each job index its records (stemmed as ``language``) and write its bundle."""
    try:
        service = await _service_class()().launch()
    except (FileNotFoundError, PermissionError) as exc:
        raise SearchError(f"the Pagefind binary cannot run ({exc}); install requirements.txt (pagefind[bin])"
                          ) from exc
    try:
        for records, target in jobs:
            index = await service.create_index({"force_language": language})
            await _add_records(index, records, language)
            await asyncio.wait_for(index.write_files(output_path=str(target)), TIMEOUT)
            await asyncio.wait_for(_settled(target, len(records)), TIMEOUT)
    except SearchError:
        raise
    except TimeoutError as exc:
        raise SearchError(f"Pagefind did not answer within {TIMEOUT:.0f} s") from exc
    except Exception as exc:  # noqa: BLE001 - the service raises bare Exception
        raise SearchError(f"Pagefind failed: {exc}") from exc
    finally:
        await service.close()


async def _settled(bundle: Path, records: int) -> None:
    """Wait until Pagefind's files in ``bundle`` are complete: its answer to ``write_files`` can come before the
    last files are flushed, and closing the service then would leave them empty (seen under load: an empty
    entry file; with two bundles a build, an empty pagefind.js). Complete: the entry and metadata files read,
    the script written, and a whole fragment for every record."""
    while True:
        try:
            entry = json.loads((bundle / "pagefind-entry.json").read_bytes())
            for index in entry["languages"].values():
                gzip.decompress((bundle / f"pagefind.{index['hash']}.pf_meta").read_bytes())
            if (bundle / "pagefind.js").stat().st_size and len(page_ids(bundle)) >= records:
                return
        except (OSError, ValueError, EOFError, KeyError, SearchError):
            pass
        await asyncio.sleep(0.05)


def page_ids(bundle: Path) -> dict[str, str]:
    """Map each indexed URL to the page ID Pagefind gave it, from the bundle's fragment files."""
    ids: dict[str, str] = {}
    folder = bundle / "fragment"
    for fragment in sorted(folder.rglob("*.pf_fragment")):  # Pagefind's IDs, or compact's <folder>/<number>
        data = gzip.decompress(fragment.read_bytes())
        if not data.startswith(FRAGMENT_MAGIC):
            raise SearchError(f"unexpected Pagefind fragment format: {fragment.name}")
        ids[json.loads(data[len(FRAGMENT_MAGIC):])["url"]] = \
            fragment.relative_to(folder).as_posix().removesuffix(".pf_fragment")
    return ids


def prune(bundle: Path, primary: bool = True) -> None:
    """Remove the bundle files the site never loads (a merged shard's script and wasm too: the primary's serve)."""
    for name in UNUSED if primary else (*UNUSED, "pagefind.js"):
        (bundle / name).unlink(missing_ok=True)
    if not primary:
        for wasm in bundle.glob("wasm.*.pagefind"):
            wasm.unlink()


def write_pagefind(records: Sequence[SearchRecord], target: Path) -> None:
    """Pagefind's own bundle of ``records`` in ``target``, as it writes it (tests compare it with a finished one)."""
    run_async(lambda: _write_bundles([(records, target)]))


def finish(bundle: Path, primary: bool = True, squeezed: bool = True) -> None:
    """After :func:`compact`: stable names, the unused files removed, and (``squeezed``: a publish build's one
    index, whose bytes cross the network) the files every first query loads recompressed with Zopfli."""
    stabilise(bundle)
    prune(bundle, primary)
    if squeezed:
        squeeze(bundle)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging`` by renames; the old bundle is deleted last."""
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)


def bundle_size(bundle: Path) -> tuple[int, int]:
    """``(files, bytes)`` of a written bundle (about 11,000 files at 10,000 products: no pathlib per file)."""
    sizes = [os.stat(os.path.join(here, name)).st_size for here, _, names in os.walk(bundle) for name in names]
    return len(sizes), sum(sizes)


@dataclass(frozen=True)
class _Part:
    """One shard: its number, its records, its cache key (which fixes its sentinel too), whether it is squeezed
    (publish)."""

    shard: int
    records: list[SearchRecord]
    key: str
    squeezed: bool

    def members(self) -> list[SearchRecord]:
        """What Pagefind indexes for this shard: its records and its sentinel (made only when it is indexed).

        Pagefind numbers pages in the order it gets them; by word count, the metadata's counts come in runs
        (Pagefind counts the content's words split on white space), which compress far better.
        """
        members = [*self.records, sentinel_record(self.records, self.shard)]
        return sorted(members, key=lambda record: len(record.content.split()))


def _parts(records: Sequence[SearchRecord], sharded: bool) -> list[_Part]:
    """The shards of ``records``: small ones when ``sharded`` (local builds), else bundles of at most
    :data:`~.shards.PUBLISH_SHARD_RECORDS` (one up to that), squeezed.

    A shard's sentinel follows from its records and its number (and the code, in ``BUNDLE_VERSION``), so the
    key is made from those alone: a build whose shards are all cached never computes a sentinel (reading
    every word of 10,000 records, about a second).
    """
    parts = []
    for shard, group in enumerate(split(records, None if sharded else shards.PUBLISH_SHARD_RECORDS)):
        role = "merged" if shard else "primary" if sharded else "published"
        key = hashlib.sha256(f"{bundle_key(group)}:{shard}:{role}".encode())
        parts.append(_Part(shard, group, key.hexdigest(), squeezed=not sharded))
    return parts


def _index_parts(parts: Sequence[_Part], cache: BundleCache, language: str = LANGUAGE) -> None:
    """Run Pagefind for ``parts`` (one service); check, stabilise and prune each bundle, keep its page IDs, cache it."""
    stagings = [(part, cache.root / f".{part.key}.building-{os.getpid()}") for part in parts]
    members = {part.key: part.members() for part in parts}
    try:
        for _, staging in stagings:
            shutil.rmtree(staging, ignore_errors=True)
        run_async(lambda: _write_bundles([(members[part.key], staging) for part, staging in stagings], language))
        for part, staging in stagings:
            compact(staging, CARD_FILTERS, card_meta, suffix=str(part.shard) if part.shard else "")
            ids = page_ids(staging)
            missing = sorted({record.url for record in members[part.key]} - set(ids))
            if missing:
                raise SearchError(f"{len(missing)} record(s) missing from the Pagefind bundle, e.g. {missing[0]}")
            write_bytes_atomic(staging / IDS, json.dumps(ids, sort_keys=True).encode())
            finish(staging, primary=not part.shard, squeezed=part.squeezed)
            cache.adopt(part.key, staging)
    finally:
        for _, staging in stagings:
            shutil.rmtree(staging, ignore_errors=True)


def _lists(records: Sequence[SearchRecord], parts: Sequence[_Part], cache: BundleCache) -> str:
    """The cache entry of the files made from every record and page ID: manifest, orders, browse lists; its key."""
    key = hashlib.sha256(f"lists:{BUNDLE_VERSION}:{','.join(part.key for part in parts)}".encode()).hexdigest()
    if cache.get(key) is None:
        ids: dict[str, str] = {}
        for part in parts:
            ids.update(json.loads((cache.root / part.key / IDS).read_bytes()))
        extra = {"penjaga": [ids[sentinel_url(part.shard)] for part in parts],
                 "bagian": [prefix(part.shard) for part in parts[1:]]}
        staging = cache.root / f".{key}.building-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            write_artifacts(staging, [*order_files(rank_lists(records, ids), extra), *list_files(records)])
            cache.adopt(key, staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return key


def _check(records: Sequence[SearchRecord]) -> None:
    """Refuse records Pagefind would merge or that take a sentinel's place."""
    urls = [record.url for record in records]
    if len(set(urls)) != len(urls):
        raise SearchError("two search records share a URL")
    if any(url.startswith(SENTINEL_URL) for url in urls):
        raise SearchError(f"{SENTINEL_URL} is the sentinel's URL; no record may use it")


def bundle_files(records: Sequence[SearchRecord], cache_dir: Path, sharded: bool = True, language: str = LANGUAGE
                 ) -> tuple[list[tuple[str, str, str]], bool]:
    """Every file of the bundle of ``records`` as ``(path in the bundle, cached file, hash of its bytes)``, and
    whether Pagefind ran (only for the shards whose records changed; when not ``sharded``, one index up to
    :data:`~.shards.PUBLISH_SHARD_RECORDS` records).
    ``language``: Pagefind's stemming (``en`` for the English edition's bundle, in a cache folder of its own).

    The hash is the file's key in the output: most of a new bundle (fragments, wasm, script) is byte for byte
    the last one's, and a build need not link those again.
    """
    _check(records)
    cache = BundleCache(cache_dir)
    cache.root.mkdir(parents=True, exist_ok=True)
    parts = _parts(records, sharded)
    missing = [part for part in parts if cache.get(part.key) is None]
    if missing:
        started = time.perf_counter()
        _index_parts(missing, cache, language)
        log.info("%s: %d of %d search shards indexed (%d records) in %.1f s", cache.root, len(missing), len(parts),
                 sum(len(part.records) for part in missing), time.perf_counter() - started)
    lists = _lists(records, parts, cache)
    found = [(rel, os.fspath(cache.root / lists / rel), digest) for rel, digest in cache.files(lists)]
    for part in parts:
        folder = cache.root / part.key
        found += [(prefix(part.shard) + rel, os.fspath(folder / rel), digest) for rel, digest in cache.files(part.key)]
    cache.prune([lists, *(part.key for part in parts)])
    return sorted(found), bool(missing)


def write_index(records: Sequence[SearchRecord], output_dir: Path, cache_dir: Path | None = None,
                sharded: bool = True) -> IndexStats:
    """Index ``records`` into ``output_dir/pagefind/``, reusing the cached shards whose records are unchanged.

    Without ``cache_dir`` a temporary cache is used. Raises SearchError on any failure, leaving the output
    folder as it was.
    """
    started = time.perf_counter()
    output_dir = Path(output_dir).resolve()
    staging = output_dir / f".{BUNDLE}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="etalase-search-") as scratch:
        try:
            cache = Path(cache_dir) if cache_dir is not None else Path(scratch)
            files, indexed = bundle_files(records, cache, sharded)
            for rel, cached, _ in files:
                (staging / rel).parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(cached, staging / rel)
            swap_in(staging, output_dir / BUNDLE)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    files, size = bundle_size(output_dir / BUNDLE)
    stats = IndexStats(len(records), files, size, time.perf_counter() - started, not indexed)
    log.info("%s: %d search records, %d files (%d KB) in %.1f s%s", output_dir / BUNDLE, stats.records, files,
             size // 1024, stats.seconds, " (cached)" if stats.cached else "")
    return stats
