"""A database file that SQLite itself reports as damaged: pages in the middle overwritten, header intact."""

from __future__ import annotations

from pathlib import Path

from desktop.engine import Enterprise
from desktop.store import open_store


def damaged_database(path: Path) -> bytes:
    """Write a damaged database at `path`; returns its bytes (to check they were kept)."""
    store = open_store(f"sqlite:///{path}")
    for n in range(60):
        store.create_enterprise(Enterprise(f"企业{n}" * 100))
    store.close()
    data = bytearray(path.read_bytes())
    assert data.startswith(b"SQLite format 3\x00")
    data[4096 * 2 : 4096 * 6] = b"\xa5" * (4096 * 4)
    path.write_bytes(bytes(data))
    return bytes(data)
