"""``python -m bench.dataset``: see ``cli``."""

import sys

from .cli import main

sys.exit(main())
