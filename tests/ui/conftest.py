from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from publisher.services import Services, build_services
from ui.app import install_translators
from ui.engine_runner import EngineRunner
from ui.main_window import MainWindow
from ui.resources import resources_dir
from ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The window's preferences (QSettings) go to a fresh folder per test, never the user's settings."""
    folder = tmp_path_factory.mktemp("qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    s = build_services(f"sqlite:///{tmp_path / 'ui.sqlite3'}")
    yield s
    s.close()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(resources_dir() / "i18n", "en")
    yield
    for t in translators:
        QApplication.removeTranslator(t)  # type: ignore[arg-type]


@pytest.fixture
def window(qtbot: Any, services: Services, english: None) -> Iterator[MainWindow]:
    tasks = TaskRunner(inline=True)
    engine = EngineRunner(services, tasks)
    win = MainWindow(tasks, services=services, engine=engine)
    qtbot.addWidget(win)
    win.show()
    win.refresh_all()
    yield win
    engine.stop()
