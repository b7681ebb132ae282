"""Baseline for bench_startup.py: the cheapest possible PySide6 window of the app's size.

Creates a QApplication and an empty QMainWindow, shows it and quits right after its first paint, the same way
the app does under PUBLISHER_EXIT_AFTER_PAINT=1. Run it as a script: ``python _bare_window.py --size 1180x760``.
"""

from __future__ import annotations

import argparse
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _QuitOnPaint(QObject):
    def __init__(self, app: QApplication, parent: QObject) -> None:
        super().__init__(parent)
        self._app = app

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Paint:
            print(f"publisher-startup first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1180x760", help="window size WIDTHxHEIGHT (default 1180x760)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    window.resize(width, height)
    window.installEventFilter(_QuitOnPaint(app, window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
