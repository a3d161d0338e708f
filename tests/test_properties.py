"""Any text at all, written as a staff file, either validates or yields located errors: never a crash.

Each example overwrites the exhibitor file of a valid catalogue with arbitrary text, arbitrary bytes,
generated YAML, or a mutation of the real file (characters deleted; tabs, colons, quotes, dashes or
random bytes inserted), then loads the whole catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from etalase.data import messages
from etalase.data.catalogue import load_catalogue
from etalase.errors import DataError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.catalogue_helpers import EXHIBITOR, ROOTS, copy_root

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = (ROOTS / "catalogue-minimal" / EXHIBITOR).read_bytes()
SHOWN = "catalogue_data/" + EXHIBITOR
ENGLISH = ("Input should", "Field required", "Traceback", "found character", "expected")


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """One copy of the minimal catalogue; each example rewrites its exhibitor file."""
    return copy_root(tmp_path_factory.mktemp("properties"))


def check(root: Path, raw: bytes) -> None:
    """Load the catalogue with ``raw`` as the exhibitor file: valid, or every issue located and known."""
    (root / EXHIBITOR).write_bytes(raw)
    try:
        load_catalogue(root)
    except DataError as exc:
        assert exc.issues
        for issue in exc.issues:
            assert issue.file.startswith("catalogue_data/"), issue
            assert issue.line >= 1 and issue.column >= 1, issue
            assert issue.code in messages.CODES, issue
            assert issue.message and issue.field_path, issue
            assert not any(word in issue.message for word in ENGLISH), issue
        assert any(issue.file == SHOWN for issue in exc.issues) or raw == VALID


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["ya", "tidak", "NO", "on", "10:30", "0215551234", "1e3", ".inf", "0x1F", "2023-02-30",
                     "Rp 15.000", "atas permintaan", "javascript:alert(1)", "3171014501900001", "index"]),
)
keys = st.one_of(st.text(max_size=12), st.sampled_from(
    ["nama", "jenis", "kota", "kecamatan", "deskripsi", "kontak", "produk", "id", "harga", "foto", "berkas", "alt",
     "tkdn", "persen", "bmp", "whatsapp", "sertifikasi", "pembuat", "id_lama"]))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(keys, inner, max_size=5)), max_leaves=25)
INSERTS = st.sampled_from(["\t", ":", ": ", '"', "'", "- ", "-", "\n", "  ", "&a ", "*a", "!!int ", "---\n", "{", "[",
                           "#", "|", "\ufeff", "\x00", "%", "@", "`"])


@st.composite
def mutated(draw, base: bytes) -> bytes:
    """Delete, insert or overwrite a few spots of ``base``."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "bytes"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif action == "insert":
            data[at:at] = draw(INSERTS).encode()
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
    return bytes(data)


@EXAMPLES
@given(text=st.text(max_size=300))
def test_any_text(root: Path, text: str) -> None:
    check(root, text.encode("utf-8", "surrogatepass"))


@EXAMPLES
@given(raw=st.binary(max_size=300))
def test_any_bytes(root: Path, raw: bytes) -> None:
    check(root, raw)


@EXAMPLES
@given(document=documents, data=st.data())
def test_generated_yaml_and_its_mutations(root: Path, document: object, data) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    check(root, text)
    check(root, data.draw(mutated(text)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated(VALID))
def test_mutations_of_a_valid_file(root: Path, raw: bytes) -> None:
    check(root, raw)
