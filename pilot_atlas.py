"""`pilot-atlas`, the command line: geodata's commands (geocode, audit, lists) and the
dashboard's exports of a view (export, slide, deck, html), put together here so that
the flow stays one way, seeds → geodata → dashboard: geodata never imports dashboard."""

from __future__ import annotations

import sys

from dashboard.export.cli import add_commands
from geodata import cli


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, extensions=(add_commands,))


if __name__ == "__main__":
    sys.exit(main())
