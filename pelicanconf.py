"""Pelican settings for local builds (``invoke build``); publishconf.py adds the public SITEURL."""

from __future__ import annotations

import logging
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent

AUTHOR = "Dinas PPKUKM DKI Jakarta"
SITENAME = "Etalase Business Matching"
SITEURL = ""
RELATIVE_URLS = False

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"

PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = ["etalase"]

ETALASE_CATALOGUE = str(ROOT / "catalogue_data")
ETALASE_IMAGE_CACHE = str(ROOT / ".cache" / "images")
# The search bundle cache drops old entries, so two builds running at once need one each: the test suite's
# parallel workers set ETALASE_SEARCH_CACHE (None: .cache/search, next to the images).
ETALASE_SEARCH_CACHE = os.environ.get("ETALASE_SEARCH_CACHE") or None

# Only content pages (content/*.md) come from Pelican; the catalogue pages come from the plugin.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["."]
STATIC_PATHS: list[str] = []
# The theme's static files are written by the catalogue generator, through the same write path as every
# other file of the build (so a file removed from theme/static/ disappears from the site too).
THEME_STATIC_PATHS: list[str] = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False

# Deterministic output: the atomic build swaps in a fresh folder, no caches, no dates.
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
OUTPUT_SOURCES = False
TYPOGRIFY = False

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Pelican asks docutils for DEFAULT_LANG; docutils has no "id" and says so once per build.
LOG_FILTER = [
    (logging.WARNING, "Docutils has no localization for '%s'. Using 'en' instead."),
]
