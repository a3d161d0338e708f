"""Pelican settings for publishing (``invoke publish``): pelicanconf.py plus the public https SITEURL."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# The public address; the publish build refuses anything but an absolute https:// URL.
SITEURL = os.environ.get("ETALASE_SITEURL", "")

# A build for the public: records still holding the scaffold's TODO texts or placeholder photos fail it.
ETALASE_PUBLISH = True
