"""Finding the project's resources (icons, translations) and themed icons with fallbacks."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "publisher.svg"))


def icon(theme_name: str, fallback: QStyle.StandardPixmap) -> QIcon:
    """The desktop theme's icon where there is one (native look), else Qt's built-in one."""
    themed = QIcon.fromTheme(theme_name)
    if not themed.isNull():
        return themed
    return QApplication.style().standardIcon(fallback)
