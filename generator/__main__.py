"""`python -m generator`: the coursewright command line."""

import sys

from generator.cli import main

sys.exit(main())
