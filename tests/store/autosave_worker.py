"""A clerk who never stops typing: a stream of edits, autosaved, each save reported on stdout.

Run by tests/ui/test_autosave_crash.py, which kills this process with SIGKILL in the middle.
Usage: python -m tests.store.autosave_worker DATABASE_URL
"""

from __future__ import annotations

import datetime as dt
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer

from desktop.engine import Enterprise
from desktop.store import open_store
from desktop.ui.autosave import Autosaver
from desktop.ui.refcount_guard import guard_singletons
from desktop.ui.session import AssessmentSession


def main(url: str) -> None:
    guard_singletons()  # thousands of Qt calls follow: PySide6 6.12 on Python 3.11 leaks a None reference each
    app = QCoreApplication([])
    store = open_store(url)
    opened = store.open(store.new_for_enterprise(Enterprise("断电测试企业"), store.registry.all()[-1])[1])
    session = AssessmentSession(opened.pack, assessed_on=dt.date(2025, 11, 30))
    session.load(opened.answers_file, opened.pack)
    saver = Autosaver(session, store, opened.stored.id, delay_ms=5)
    counter = {"n": 0}

    def report(_saved_at: object) -> None:
        # Printed only after the commit returned: the test holds the database to every line.
        print(f"saved {opened.stored.id} {session.answers['digital_level']}", flush=True)

    def edit() -> None:
        counter["n"] += 1
        session.set_answer("digital_level", counter["n"])
        session.set_enterprise("contact", f"第{counter['n']}次修改")

    saver.saved.connect(report)
    timer = QTimer()
    timer.timeout.connect(edit)
    timer.start(1)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
