"""Run the command line with ``python -m etalase``."""

import sys

from .cli import main

sys.exit(main())
