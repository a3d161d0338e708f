"""Run the command line with ``python -m etalase``."""

import sys

from .staff.cli import main

sys.exit(main())
