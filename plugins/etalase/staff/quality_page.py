"""The staff quality report as a page at /staf/laporan/: measured photos in, one HTML file out.

The page stands alone (inline styles, no theme), says ``noindex`` to search
engines and is linked from nowhere; every build publishes it
(:func:`produce_staff_report`, one of the producers), and ``python -m etalase
report --html FILE`` writes the same page to a file of the staff member's choice.
The sitemap must skip /staf/ and robots.txt disallows it.
It is also where staff find the printable booth QR sheets (``/batch/<id>/qr/``),
which no public page links to.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from ..data.catalogue import Catalogue
from ..images.probe import resolve_inside
from ..outputs.artifacts import Artifact
from ..site import urls
from ..site.strings import T
from .quality import CHECKS, PhotoFacts, QualityReport, check_quality

log = logging.getLogger(__name__)

PAGE_PATH = "staf/laporan/index.html"

TEMPLATE = """\
<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Laporan mutu katalog · {{ programme }}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem; vertical-align: top; }
tr + tr td { border-top: 1px solid #ddd; } code { font-size: .9em; } .kosong { color: #555; }
nav ul { padding-left: 1.2rem; }
</style>
</head>
<body>
<h1>Laporan mutu katalog</h1>
<p>Untuk staf, tidak ditautkan dari situs dan tidak diindeks mesin pencari.
Tanggal acuan: <strong>{{ report.today.isoformat() }}</strong>, {{ report.today_source }}.
{{ report.findings|length }} catatan perlu perhatian.</p>
<nav aria-label="Isi laporan"><ul>
{% for check, findings in groups.items() %}
<li><a href="#{{ check }}">{{ titles[check] }}</a> ({{ findings|length }})</li>
{% endfor %}
{% if qr_sheets %}
<li><a href="#kode-qr">{{ qr_title }}</a></li>
{% endif %}
</ul></nav>
{% for check, findings in groups.items() %}
<section id="{{ check }}" aria-labelledby="{{ check }}-judul">
<h2 id="{{ check }}-judul">{{ titles[check] }} ({{ findings|length }})</h2>
{% if findings %}
<table>
<thead><tr><th scope="col">Berkas</th><th scope="col">Catatan</th><th scope="col">Yang perlu dilakukan</th></tr></thead>
<tbody>
{% for f in findings %}
<tr><td><code>{{ f.file }}</code></td><td>{{ f.subject }}</td><td>{{ f.message|kode }}</td></tr>
{% endfor %}
</tbody>
</table>
{% else %}
<p class="kosong">Tidak ada.</p>
{% endif %}
</section>
{% endfor %}
{% if qr_sheets %}
<section id="kode-qr" aria-labelledby="kode-qr-judul">
<h2 id="kode-qr-judul">{{ qr_title }}</h2>
<p>{{ qr_intro }}</p>
<ul>
{% for title, href in qr_sheets %}
<li><a href="{{ href }}">{{ title }}</a></li>
{% endfor %}
</ul>
</section>
{% endif %}
</body>
</html>
"""

_ENV = Environment(autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
_BACKTICKS = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """Escape ``text``, then show its `backtick` spans as <code>: the one place this page marks HTML safe."""
    return Markup(_BACKTICKS.sub(r"<code>\1</code>", str(escape(text))))  # noqa: S704 - escaped just before


_ENV.filters["kode"] = code_spans


def photo_files(catalogue: Catalogue) -> list[str]:
    """Every photo and logo path the published records name, once each, sorted."""
    files: set[str] = set()
    for record in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        if record.logo is not None:
            files.add(record.logo.file)
    for item in catalogue.listings:
        files.update(photo.file for photo in item.product.photos)
    return sorted(files)


def measure_photos(root: Path, files: Iterable[str]) -> dict[str, PhotoFacts]:
    """Read the byte size and pixel size of each original photo (headers only, nothing decoded)."""
    from PIL import Image

    facts: dict[str, PhotoFacts] = {}
    for rel in files:
        path = resolve_inside(Path(root), rel)
        with Image.open(path) as image:
            width, height = image.size
        facts[rel] = PhotoFacts(path.stat().st_size, width, height)
    return facts


def qr_sheet_links(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Each batch's booth QR sheet as ``(batch title, link relative to this page)``, newest batch first."""
    up = "../" * PAGE_PATH.count("/")  # from staf/laporan/ back to the site root, wherever the site is served
    return [(batch.title, up + urls.batch_qr_sheet(batch.id)) for batch in reversed(catalogue.batches)]


def render_report(report: QualityReport, programme: str, qr_sheets: Sequence[tuple[str, str]] = ()) -> str:
    """Render the report page (autoescaped; staff text is never trusted as HTML), with links to ``qr_sheets``."""
    template = _ENV.from_string(TEMPLATE)
    return template.render(report=report, groups=report.by_check(), titles=CHECKS, programme=programme,
                           qr_sheets=qr_sheets, qr_title=T.qr_sheet_link, qr_intro=T.qr_sheet_staff_intro)


def report_artifact(report: QualityReport, programme: str, qr_sheets: Sequence[tuple[str, str]] = ()) -> Artifact:
    """The page as an artifact at ``staf/laporan/index.html``, for the build to write."""
    return Artifact(PAGE_PATH, render_report(report, programme, qr_sheets).encode("utf-8"))


def produce_staff_report(catalogue: Catalogue, site) -> list[Artifact]:
    """The producer of /staf/laporan/: the report as of the build's day (``site`` is a :class:`SiteInfo`)."""
    photos = measure_photos(catalogue.root, photo_files(catalogue))
    found = check_quality(catalogue, site.today, photos, site.today_note)
    return [report_artifact(found, catalogue.programme.name, qr_sheet_links(catalogue))]
