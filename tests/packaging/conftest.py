"""The packaging helpers live in packaging/ (not a Python package: the name would shadow PyPI's
`packaging`), so their folder goes on the import path for these tests."""

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))
