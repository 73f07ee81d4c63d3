"""`python -m eventdesk`: the command line (see `eventdesk.cli`)."""

import sys

from eventdesk.cli import main

sys.exit(main())
