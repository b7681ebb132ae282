"""The installed Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a void Qt method; the interpreter then
aborts ("none_dealloc: deallocating None") after a few thousand calls, i.e. after a few repaints of the calendar.
pyproject.toml excludes that release; this test fails if an installed binding has the bug again.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12; its count means nothing")
def test_void_qt_calls_keep_the_reference_count_of_none() -> None:
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(1_000):
        font.setBold(True)
    assert sys.getrefcount(None) >= before - 10, "this PySide6 drops references to None: use another release"
