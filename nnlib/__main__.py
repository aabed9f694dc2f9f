"""Allow ``python -m nnlib train``."""
import sys

from .cli import main

sys.exit(main())
