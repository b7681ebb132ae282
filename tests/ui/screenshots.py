"""Render every view of the demo workspace to PNG (offscreen), in English and German.

    python tests/ui/screenshots.py [OUTPUT_DIR]

The README's screenshot (resources/screenshots/main-window.png) is made by this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def render(out: Path, language: str) -> list[Path]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from publisher.services import build_services
    from publisher.services.demo import seed_demo
    from ui.app import install_translators
    from ui.engine_runner import EngineRunner
    from ui.main_window import VIEW_KEYS, MainWindow
    from ui.resources import resources_dir
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    for t in getattr(app, "_shot_translators", []):
        QCoreApplication.removeTranslator(t)
    app._shot_translators = install_translators(resources_dir() / "i18n", language)  # type: ignore[attr-defined]
    workdir = Path(tempfile.mkdtemp(prefix="publisher-shots-"))
    services = build_services(f"sqlite:///{workdir / 'demo.sqlite3'}")
    seed_demo(services, workdir / "feeds")
    tasks = TaskRunner(app, inline=True)
    engine = EngineRunner(services, tasks, app)
    window = MainWindow(tasks, services=services, engine=engine, demo=True)
    window.resize(1180, 760)
    window.show()
    engine.start()
    window.refresh_all()
    import time

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not (engine.status and engine.status.running):
        app.processEvents()
        time.sleep(0.05)
    written = []
    for key in VIEW_KEYS:
        window.show_view(key)
        if key == "posts":
            window.posts.table.selectRow(8)
        for _ in range(5):
            app.processEvents()
        path = out / f"{language}-{key}.png"
        window.grab().save(str(path))
        written.append(path)
    engine.stop()
    window.close()
    services.close()
    return written


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="publisher-png-"))
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "de"):
        for path in render(out, language):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
