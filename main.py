"""Start Seleksi ASN: the window, or the command line when a command is given."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
