"""A fresh build of tests/roots/site-golden matches tests/golden/ byte for byte (refresh: ``invoke golden``)."""

from __future__ import annotations

import difflib

import pytest

from tests import golden

pytestmark = pytest.mark.slow


def test_fresh_build_matches_the_golden_site(tmp_path, image_cache):
    texts, hashes = golden.split(golden.build_golden(tmp_path / "output", image_cache))
    want_texts, want_hashes = golden.stored()
    assert sorted(texts) == sorted(want_texts), "files differ; run `invoke golden` and review the diff"
    for rel, data in texts.items():
        if data != want_texts[rel]:
            diff = difflib.unified_diff(
                want_texts[rel].decode().splitlines(), data.decode().splitlines(), "golden/" + rel, "built/" + rel,
                lineterm="", n=1,
            )
            pytest.fail("\n".join(list(diff)[:40]) + "\n\nIf the change is intended, run `invoke golden`.")
    assert hashes == want_hashes, "binary files differ; run `invoke golden` and review the diff"
