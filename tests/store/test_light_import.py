"""SQLAlchemy costs 300 ms or more to import: nothing the window needs before it is shown may pull it in."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

PROBE = """
import sys
import desktop.store, desktop.store.errors, desktop.store.records
import desktop.ui.autosave, desktop.ui.start_page
print(sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic")))
"""


def test_the_start_page_and_the_autosaver_import_without_sqlalchemy() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_open_store_is_still_reachable_from_the_package() -> None:
    import desktop.store

    assert callable(desktop.store.open_store)
