"""A guard against a reference-count bug of the pinned PySide6 6.12.0 on Python 3.11.

Measured here: every call of a Qt method that returns nothing (`QLabel.setText`, `QObject.setObjectName`,
...) takes one reference from `None` and never gives it back. The window makes hundreds of such calls
per page turn, so after some minutes of use `None`'s count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc" (seen at exit of the benchmarks, and due mid-session in long use).
Python 3.12 made None, True and False immortal, so the bug is harmless there; on 3.11 we give these
three objects so many references that no session can use them up.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40  # about 10^12: a billion Qt calls a second would need 18 minutes
_guarded = False


def guard_singletons() -> bool:
    """Give None, True and False spare references (once per process). True when the guard was needed."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object; the object's id is its address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE_REFERENCES
    _guarded = True
    return True
