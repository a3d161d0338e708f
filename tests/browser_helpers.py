"""Driving a built site in Chromium: serve it, wait for the search page, run axe-core, keep screenshots.

The Chromium launch settings live in tests/conftest.py (``browser_type_launch_args``).
Screenshots go to test-artifacts/ (git-ignored) so a run can be looked at afterwards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from etalase.staff.server import serve_in_thread

PROJECT = Path(__file__).resolve().parent.parent
ARTIFACTS = PROJECT / "test-artifacts"
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
#: axe impacts that fail a test; "moderate" and "minor" are reported by ``invoke`` tasks, not here.
BLOCKING = ("serious", "critical")


@contextlib.contextmanager
def served(output: Path) -> Iterator[str]:
    """Serve ``output`` on 127.0.0.1 (a free port) in a thread; yield the base URL ending in ``/``."""
    server = serve_in_thread(output, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_errors(page) -> list[str]:
    """Start collecting the page's JavaScript errors and console errors; tests assert the list stays empty."""
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))
    page.on("console", lambda msg: found.append(msg.text) if msg.type == "error" else None)
    return found


def wait_for_search(page, timeout: float = 15_000) -> None:
    """Wait until search.js has finished the current search (the form loses ``data-busy``)."""
    page.wait_for_function("() => !document.getElementById('cari').hasAttribute('data-busy')", timeout=timeout)


def result_titles(page) -> list[str]:
    """The titles of the result cards shown, in order."""
    return page.locator("#hasil .card-title").all_text_contents()


def count_of(page, facet: str, value: str) -> str:
    """The count text next to a facet checkbox, e.g. ``(3)``."""
    box = page.locator(f"#saring input[name='{facet}'][value='{value}']")
    return box.locator("xpath=..").locator("[data-count]").text_content().strip()


def axe_violations(page) -> list[str]:
    """Run axe-core on the page; return ``rule (impact): target`` for each serious or critical violation."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'])}"
        for v in found if v["impact"] in BLOCKING
    ]


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot (the whole page, or what the window shows) as test-artifacts/<name>.png; return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
