"""`python -m desktop`: the window, or a command (see `python -m desktop --help`)."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    # A console that cannot show a character must not end the program with a traceback.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    sys.exit(main())
