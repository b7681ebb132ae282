"""The window paints before the heavy libraries load: importing the window's modules must not pull them in.

(The start-up benchmark measures the time; this test catches the usual cause of a slow first paint early: a view
importing a service module, which brings SQLAlchemy, at module level.)"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "httpx", "PIL", "keyring", "regex", "publisher.services", "publisher.db")


def test_the_window_modules_load_without_the_database_or_network_stack() -> None:
    code = f"import sys, ui.app, ui.main_window\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"imported before the first paint: {loaded}"
