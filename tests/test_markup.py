"""Staff Markdown becomes sanitised HTML: markup and javascript: links reach visitors as text or not at all."""

from __future__ import annotations

import pytest
from etalase.site.markup import clean_page, plain_summary, render_markdown
from markupsafe import Markup


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A line that starts with a tag is raw HTML to CommonMark, not a paragraph: its text stays, bare.
        ("<script>alert(1)</script>halo", "halo"),
        ("<img src=x onerror=alert(1)>\n\nok", "<p>ok</p>"),
        ("[x](javascript:alert(1))", "<p>x</p>"),
        ("[x](JaVaScRiPt:alert(1))", "<p>x</p>"),
        ('<a href="data:text/html,x">d</a>', "<p>d</p>"),
        ("<b onclick=alert(1)>tebal</b> <iframe src=x></iframe>", "<p><b>tebal</b> </p>"),
        ("<style>body{display:none}</style>teks", "teks"),
        ("<!-- komentar -->teks", "teks"),
    ],
)
def test_hostile_markdown_is_neutralised(text, expected):
    assert str(render_markdown(text)) == expected


def test_safe_markdown_keeps_its_structure():
    html = render_markdown("**Kopi** *robusta*\n\n- satu\n- dua\n\n> kutipan")
    assert str(html) == (
        "<p><strong>Kopi</strong> <em>robusta</em></p>\n<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n"
        "<blockquote>\n<p>kutipan</p>\n</blockquote>"
    )


def test_links_keep_http_https_mailto_and_get_ugc_rel():
    html = str(render_markdown("[a](https://a.id/) [b](http://b.id/) [c](mailto:c@d.id)"))
    assert html.count('rel="nofollow noopener ugc"') == 3
    assert 'href="https://a.id/"' in html and 'href="http://b.id/"' in html and 'href="mailto:c@d.id"' in html


def test_staff_headings_become_paragraphs():
    assert str(render_markdown("# Judul\n\nteks")) == "<p>Judul</p>\n<p>teks</p>"


def test_result_is_marked_safe_and_empty_text_is_empty():
    assert isinstance(render_markdown("x"), Markup)
    assert render_markdown(None) == "" and render_markdown("  ") == ""


def test_content_pages_keep_subheadings_without_ugc_rel():
    html = str(clean_page('<h2>Bagian</h2><p><a href="/batch/">Batch</a></p><script>x()</script>'))
    assert html == '<h2>Bagian</h2><p><a href="/batch/">Batch</a></p>'


def test_plain_summary_is_text_and_short():
    text = "**Kopi** <script>alert(1)</script> " + "enak " * 60
    summary = plain_summary(text, width=40)
    assert summary.startswith("Kopi enak") and summary.endswith("…") and len(summary) <= 40
    assert "<" not in summary
