"""The theme's Jinja environment: UI strings compiled into templates, autoescaping, strict undefined values."""

from __future__ import annotations

import pytest
from etalase.site.strings import Strings, T
from etalase.site.templating import install
from jinja2 import DictLoader, Environment, FileSystemLoader, UndefinedError


def environment(templates: dict[str, str], strings: Strings = T) -> Environment:
    """A fresh environment with the project's helpers and ``templates``."""
    env = Environment(loader=DictLoader(templates), autoescape=True)
    install(env, strings)
    return env


def test_a_string_is_compiled_into_the_template_as_escaped_text():
    env = environment({"x.html": "<p>{{ t.nav_home }}|{{ t.shout }}</p>"}, Strings(nav_home="Beranda", shout="<b>&"))
    source = env.loader.get_source(env, "x.html")[0]
    code = env.compile(source, "x.html", raw=True)

    assert "&lt;b&gt;&amp;" in code  # folded into the literal output at compile time
    assert "ui_strings" not in code and "'t'" not in code  # nothing looked up when the page renders
    assert env.get_template("x.html").render() == "<p>Beranda|&lt;b&gt;&amp;</p>"


def test_formatted_strings_and_keys_made_at_run_time_still_work():
    strings = Strings(page_of="Halaman {number}", status_past="Selesai")
    env = environment({"x.html": "{{ t.page_of.format(number=n) }} {{ t['status_' ~ s] }}"}, strings)

    assert env.get_template("x.html").render(n="<2>", s="past") == "Halaman &lt;2&gt; Selesai"


def test_only_the_name_t_is_replaced_not_an_attribute_called_t():
    env = environment({"x.html": "{{ row.t.nav_home }}"}, Strings(nav_home="Beranda"))

    assert env.get_template("x.html").render(row={"t": {"nav_home": "own"}}) == "own"


def test_an_unknown_key_fails_the_build():
    env = environment({"x.html": "{{ t.no_such_key }}"})

    with pytest.raises(UndefinedError):
        env.get_template("x.html").render()


def test_a_second_language_is_a_second_environment_with_its_own_compiled_templates():
    templates = {"x.html": '<html lang="{{ t.lang }}">{{ t.nav_home }}</html>'}
    indonesian = environment(templates, Strings(lang="id", nav_home="Beranda"))
    english = environment(templates, Strings(lang="en", nav_home="Home"))

    assert indonesian.get_template("x.html").render() == '<html lang="id">Beranda</html>'
    assert english.get_template("x.html").render() == '<html lang="en">Home</html>'


def test_compiled_templates_are_kept_and_never_reused_with_other_strings(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "x.html").write_text("<p>{{ t.nav_home }}</p>", encoding="utf-8")
    cache = tmp_path / "compiled"

    def render(strings: Strings) -> str:
        env = Environment(loader=FileSystemLoader(str(tmp_path / "theme")), autoescape=True)
        install(env, strings, cache=cache)
        return env.get_template("x.html").render()

    assert render(Strings(nav_home="Beranda")) == "<p>Beranda</p>"
    kept = sorted(cache.iterdir())
    assert len(kept) == 1
    assert render(Strings(nav_home="Beranda")) == "<p>Beranda</p>" and sorted(cache.iterdir()) == kept  # reused
    assert render(Strings(nav_home="Home")) == "<p>Home</p>"  # other strings: compiled again, kept apart
    assert len(list(cache.iterdir())) == 2
