"""Composition root: builds the services once and hands them to the window. No globals."""

from __future__ import annotations

import ctypes.util
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publisher import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from publisher.services import Services

EXIT_AFTER_PAINT_ENV = "PUBLISHER_EXIT_AFTER_PAINT"  # used by the start-up benchmark and CI's smoke start
LANG_ENV = "PUBLISHER_LANG"

XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def display_problem() -> str | None:
    """Why a window cannot open here, in words a person can act on; None when it can.

    Qt aborts the whole process when its platform plugin cannot load, so we check first.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "wayland", "eglfs")) or sys.platform != "linux":
        return None
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set). Start Publisher from a desktop "
            "session, or use the command line ('publisher --help'); 'publisher run' publishes without a window."
        )
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        return (
            "The window needs system libraries that are missing: " + ", ".join(missing) + ". On Debian or "
            "Ubuntu: sudo apt-get install " + " ".join(missing) + "."
        )
    return None


def main(*, db_url: str | None, demo: bool = False) -> int:
    problem = display_problem()
    if problem:
        print(f"publisher: error: {problem}", file=sys.stderr)
        return 1

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.engine_runner import EngineRunner
    from ui.errors import describe_exception
    from ui.main_window import MainWindow
    from ui.resources import app_icon, resources_dir
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the window may close into the tray; it says when the app ends
    translators = install_translators(resources_dir() / "i18n", os.environ.get(LANG_ENV))

    if demo:
        from publisher.cli import make_demo_workspace

        db_url, folder = make_demo_workspace()
    assert db_url is not None
    url: str = db_url

    tasks = TaskRunner(app)
    window = MainWindow(tasks, demo=demo)
    window.quit_requested.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    probe = bool(os.environ.get(EXIT_AFTER_PAINT_ENV))
    opened: dict[str, Any] = {}

    def open_workspace() -> Services:
        """Runs on the pool: import the database layer, open (and migrate) the database."""
        from publisher.services import build_services

        services = build_services(url)
        if demo:
            from publisher.services.demo import seed_demo

            seed_demo(services, Path(folder))
        return services

    def on_opened(services: Services) -> None:
        engine = EngineRunner(services, tasks, app)
        opened.update(services=services, engine=engine)
        window.attach(services, engine)
        if probe:
            window.posts.model.modelReset.connect(on_data_ready)
        else:
            engine.start()
        window.refresh_all()

    def on_open_failed(exc: Exception) -> None:
        print(f"publisher: error: {exc}", file=sys.stderr)
        if not probe:  # a scripted start has nobody to click the dialog away
            QMessageBox.critical(window, APP_NAME, describe_exception(exc))
        opened["failed"] = True
        app.exit(1)

    def on_data_ready() -> None:
        print(f"publisher-startup data-ready {time.time():.6f} posts={window.posts.model.total()}", flush=True)
        app.quit()

    class _FirstPaint(QObject):
        """Opens the database once the window has painted: the window appears at once, and start-up work
        (importing the database layer, migrations) never runs on the GUI thread."""

        done = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                if probe:
                    print(f"publisher-startup first-paint {time.time():.6f}", flush=True)
                tasks.run(open_workspace, on_done=on_opened, on_failed=on_open_failed)
            return False

    first_paint = _FirstPaint(window)
    window.installEventFilter(first_paint)
    window.show()
    status = app.exec()
    if "engine" in opened:
        opened["engine"].stop()
    tasks.wait()
    if "services" in opened:
        opened["services"].close()
    del translators
    return int(status)


def install_translators(folder: Path, language: str | None) -> list[object]:
    """Qt's own strings and ours, in the chosen language (``PUBLISHER_LANG``) or the system's."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    installed: list[object] = []
    for name, directory in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("publisher", str(folder)),
    ):
        translator = QTranslator(QCoreApplication.instance())
        if translator.load(locale, name, "_", directory):
            QCoreApplication.installTranslator(translator)
            installed.append(translator)
    return installed
