"""``python -m supportpolicy``: the command line."""

from supportpolicy.cli import main

raise SystemExit(main())
