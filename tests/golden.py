"""The golden site: tests/roots/site-golden built with fixed settings, kept in tests/golden/site-golden/.

Text files are stored as they are built; binary files (photos, fonts) are kept
as SHA-256 lines in tests/golden/site-golden.sha256. ``invoke golden`` (this
module's ``main``) rebuilds both; review the diff before committing it.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
ROOT = PROJECT / "tests" / "roots" / "site-golden"
GOLDEN = PROJECT / "tests" / "golden" / "site-golden"
HASHES = GOLDEN.with_name("site-golden.sha256")
BINARY = (".jpg", ".jpeg", ".png", ".webp", ".woff2", ".ico")
#: Left out: Pagefind's bundles are not byte-reproducible from a cold cache (its shard names differ
#: between runs); the search tests cover it, and a warm cache keeps real rebuilds identical.
EXCLUDED = ("pagefind/", "en/pagefind/")  # the English edition has a bundle of its own

#: Everything that could vary between machines is pinned here.
SETTINGS = {
    "SITEURL": "https://etalase.contoh.go.id",
    "PATH": str(ROOT / "content"),
    "ETALASE_CATALOGUE": str(ROOT / "catalogue_data"),
    "ETALASE_TODAY": "2023-11-07",
    "ETALASE_IMAGE_WORKERS": 1,
}


def build_golden(output: Path, image_cache: Path) -> Path:
    """Build the golden root into ``output`` with :data:`SETTINGS`."""
    sys.path.insert(0, str(PROJECT / "plugins"))
    from etalase.build import build

    overrides = {**SETTINGS, "OUTPUT_PATH": str(output), "ETALASE_IMAGE_CACHE": str(image_cache)}
    return build(PROJECT / "pelicanconf.py", overrides).output


def split(output: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """The built files as ``(text files by path, SHA-256 of binary files by path)``."""
    texts, hashes = {}, {}
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        rel = path.relative_to(output).as_posix()
        if rel.startswith(EXCLUDED):
            continue
        if path.suffix.lower() in BINARY:
            hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            texts[rel] = path.read_bytes()
    return texts, hashes


def stored() -> tuple[dict[str, bytes], dict[str, str]]:
    """The golden files as committed."""
    texts = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    lines = HASHES.read_text(encoding="utf-8").splitlines() if HASHES.exists() else []
    hashes = {path: digest for digest, path in (line.split("  ", 1) for line in lines)}
    return texts, hashes


def write(output: Path) -> None:
    """Replace the golden files with the site built in ``output``."""
    texts, hashes = split(output)
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for rel, data in texts.items():
        (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / rel).write_bytes(data)
    HASHES.write_text("".join(f"{digest}  {rel}\n" for rel, digest in hashes.items()), encoding="utf-8")


def main() -> int:
    """Rebuild the golden site (``invoke golden``)."""
    with tempfile.TemporaryDirectory() as tmp:
        write(build_golden(Path(tmp) / "output", Path(tmp) / "cache"))
    print(f"golden site written to {GOLDEN.relative_to(PROJECT)}; review `git diff` before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
