"""Composition root: builds the services once and hands them to the window. No globals."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

from publisher import APP_ID, APP_NAME, __version__

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

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from publisher.errors import PublisherError
    from publisher.services import build_services
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
    translators = install_translators(resources_dir() / "i18n", os.environ.get(LANG_ENV))

    if demo:
        from publisher.cli import make_demo_workspace
        from publisher.services.demo import seed_demo

        db_url, folder = make_demo_workspace()
    try:
        assert db_url is not None
        services = build_services(db_url)
        if demo:
            seed_demo(services, Path(folder))
    except PublisherError as exc:
        QMessageBox.critical(None, APP_NAME, describe_exception(exc))
        print(f"publisher: error: {exc}", file=sys.stderr)
        return 1

    tasks = TaskRunner(app)
    engine = EngineRunner(services, tasks, app)
    window = MainWindow(services, tasks, engine, demo=demo)

    if os.environ.get(EXIT_AFTER_PAINT_ENV):

        class _QuitOnPaint(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    QTimer.singleShot(0, app.quit)
                return False

        quitter = _QuitOnPaint(window)
        window.installEventFilter(quitter)
    else:
        engine.start()
    window.show()
    window.refresh_all()
    status = app.exec()
    engine.stop()
    tasks.wait()
    services.close()
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
