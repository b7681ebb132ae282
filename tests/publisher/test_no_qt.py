"""The core must import without Qt and without the UI package: a headless runner or a server never has them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    import publisher

    imported = []
    for info in pkgutil.walk_packages(publisher.__path__, "publisher."):
        if info.name == "publisher.__main__" or info.name.startswith("publisher.db.migrations"):
            continue
        importlib.import_module(info.name)
        imported.append(info.name)
    offending = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
    print(json.dumps({"imported": imported, "offending": offending}))
    """
)


def test_every_core_module_imports_without_qt_or_ui(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # not the repository root, so nothing is importable by accident
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # The walk really covered the core (an empty walk would prove nothing).
    for module in (
        "publisher.cli",
        "publisher.channels.feed",
        "publisher.db.session",
        "publisher.services.engine",
        "publisher.services.demo",
        "publisher.secrets",
    ):
        assert module in report["imported"]
    assert report["offending"] == []
