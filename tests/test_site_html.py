"""The built HTML passes html-validate (html-validate:recommended, see .htmlvalidate.json)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import PROJECT, TODAY

pytestmark = pytest.mark.slow

HTML_VALIDATE = PROJECT / "node_modules" / ".bin" / "html-validate"


def validate(output) -> list[str]:
    """Run html-validate on every page; return ``file:line rule message`` per problem."""
    if not HTML_VALIDATE.exists():
        pytest.fail("html-validate is not installed: run `npm ci` (./run test does it)")
    result = subprocess.run(
        [str(HTML_VALIDATE), "--config", str(PROJECT / ".htmlvalidate.json"), "--formatter", "json",
         f"{output}/**/*.html"],
        capture_output=True, text=True, check=False, cwd=PROJECT,
    )
    reports = json.loads(result.stdout or "[]")
    problems = [
        f"{r['filePath'].removeprefix(str(output))}:{m['line']} {m['ruleId']} {m['message']}"
        for r in reports for m in r["messages"]
    ]
    assert result.returncode == (1 if problems else 0), result.stderr
    return problems


@pytest.mark.parametrize(("root", "siteurl", "today"), [
    ("site-basic", "", TODAY),
    ("site-hostile", "https://etalase.contoh.go.id", TODAY),
    ("site-dates", "", "2024-03-05"),  # its batch running, certificates expired: the "Kedaluwarsa" markup
])
def test_built_pages_pass_html_validate(build_site, tmp_path, root, siteurl, today):
    output = build_site(root, tmp_path, ETALASE_PER_PAGE=2, SITEURL=siteurl, ETALASE_TODAY=today)
    assert len(list(output.rglob("*.html"))) > 20
    assert validate(output) == []
