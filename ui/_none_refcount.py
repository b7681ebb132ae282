"""Work around a reference-count bug of PySide6 6.12.0 on Python 3.11: every call of a ``void`` C++ method (for
example ``QPainter.setPen`` or ``QWidget.update``) gives back ``None`` without taking a reference to it, so ``None``
loses one reference per call. CPython 3.11 frees nothing it still uses, but once the count reaches zero it aborts
with "none_dealloc: deallocating None" (a painted month of the calendar makes about a thousand such calls; the
whole interpreter starts with about five thousand references to ``None``).

:func:`protect_none` measures whether this Qt binding loses references and, only then, gives ``None`` a reserve
so large it can never run out (on Python 3.12 and later ``None`` is immortal and nothing is done). Remove this
module once the pinned PySide6 no longer has the bug: the probe then finds nothing to fix anyway.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_done = False


def leaks_none() -> bool:
    """Whether calling a void Qt method takes a reference to ``None`` away."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 25


def protect_none() -> bool:
    """Give ``None`` a reserve of references when this PySide6 loses them; returns whether it did."""
    global _done
    if _done or sys.version_info >= (3, 12) or not leaks_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    _done = True
    return True
