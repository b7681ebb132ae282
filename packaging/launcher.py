"""Entry script for the PyInstaller bundle: the same as the ``publisher`` console command."""

import sys

from publisher.cli import main

if __name__ == "__main__":
    sys.exit(main())
