"""A clerk attaching large scans one after another, each attachment reported on stdout once stored.

Run by tests/store/test_attach_crash.py, which kills this process with SIGKILL in the middle of a write.
Usage: python -m tests.store.attach_worker DATABASE_URL MEBIBYTES
"""

from __future__ import annotations

import hashlib
import os
import sys

from desktop.attachments import PDF, CheckedFile
from desktop.engine import Enterprise
from desktop.store import open_store
from desktop.store.filing import Applications


def main(url: str, mebibytes: int) -> None:
    store = open_store(url)
    _, assessment_id = store.new_for_enterprise(Enterprise("断电测试企业"), store.registry.all()[-1])[:2]
    applications = Applications(store)
    print(f"ready {assessment_id}", flush=True)
    number = 0
    while True:
        number += 1
        # The store keeps what the checks let through; a random body makes every file's content new.
        data = b"%PDF-1.4\n" + os.urandom(mebibytes * 1024 * 1024)
        checked = CheckedFile(f"scan-{number}.pdf", PDF, data, hashlib.sha256(data).hexdigest(), 1)
        stored = applications.attach(assessment_id, "equipment", "invoices", checked)
        print(f"attached {stored.stored} {checked.sha256}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
