"""Tasks for building, checking and publishing Etalase: run ``invoke --list``.

Shaped like the tasks.py that ``pelican-quickstart`` writes: a ``CONFIG``
dict at the top, one task per verb, a one-line docstring each.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

CONFIG = {
    "settings_base": "pelicanconf.py",
    "settings_publish": "publishconf.py",
    "catalogue": "catalogue_data",
    "deploy_path": "output",
    "host": "127.0.0.1",
    "port": int(os.environ.get("PORT", "8000")),
}


def _python() -> str:
    return sys.executable


@task
def validate(c, format="text"):
    """Check catalogue_data/ and print every problem (``--format github`` for CI annotations)."""
    c.run(f"{_python()} -m etalase validate {CONFIG['catalogue']} --format {format}",
          env={"PYTHONPATH": str(ROOT / "plugins")}, pty=False)


@task
def test(c, k="", browser=True):
    """Run the whole test suite (``--k EXPR`` to select, ``--no-browser`` to skip Chromium tests)."""
    marker = "" if browser else "-m 'not browser'"
    select = f"-k '{k}'" if k else ""
    c.run(f"{_python()} -m pytest {marker} {select}", pty=False)
