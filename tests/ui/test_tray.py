"""The tray icon as a user meets it: its tooltip and menu follow the engine, failures lead to the failed post,
a balloon says once when something new failed, and closing the window keeps publishing when the setting says so.

Offscreen there is no system tray, so the icon is never shown here; ``tray.active = True`` stands for "the desktop
shows it" (what :meth:`TrayIcon.activate` sets where there is a tray)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from publisher.domain import EngineStatus
from publisher.services import Services
from ui.main_window import MainWindow
from ui.preferences import keep_publishing_in_background
from ui.tray import TrayIcon
from ui.views.settings import SettingsView


def status(*, running: bool = True, runners: int = 1, failed: int = 0, unconfirmed: int = 0) -> EngineStatus:
    now = datetime.now(UTC)
    return EngineStatus(
        running=running,
        runners=runners if running else 0,
        last_run_at=now,
        next_due_at=now + timedelta(hours=2),
        failed=failed,
        unconfirmed=unconfirmed,
    )


def visible_texts(tray: TrayIcon) -> list[str]:
    return [a.text() for a in tray.contextMenu().actions() if a.isVisible() and not a.isSeparator()]


class Balloons:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str, *_args: Any) -> None:
        self.shown.append((title, text))


@pytest.fixture
def balloons(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Balloons:
    assert window.tray is not None
    window.tray.active = True
    recorder = Balloons()
    monkeypatch.setattr(window.tray, "showMessage", recorder)
    return recorder


def _fail_one_post(services: Services, tmp_path: Path) -> int:
    """Three posts; the middle one fails for good on a channel whose feed file is broken."""
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    services.channels.add("feed", name="Good", path=str(good))
    services.channels.add("feed", name="Bad", path=str(bad))
    services.posts.create("Fine before", channels=["Good"])
    failing = services.posts.create("It goes wrong.", title="Goes wrong", channels=["Bad"])
    services.posts.create("Fine after", channels=["Good"])
    (bad / "feed.xml").write_text("not a feed", encoding="utf-8")
    services.engine().run_once()
    return failing.id


def test_tooltip_and_menu_follow_the_engine(window: MainWindow, qtbot: Any) -> None:
    fresh = TrayIcon()
    assert not fresh.icon().isNull()
    assert visible_texts(fresh) == ["Publishing engine: starting…", "Open Publisher", "Publish due posts now", "Quit"]
    assert fresh.toolTip() == "Publisher\nPublishing engine: starting…"

    tray = window.tray
    assert tray is not None

    window.engine.status_changed.emit(status(runners=2))
    texts = visible_texts(tray)
    assert texts[0] == "Publishing engine: running (2 runners)"
    assert texts[1].startswith("Next due: ")
    assert "Show failed posts" not in texts
    assert tray.toolTip().splitlines()[:2] == ["Publisher", "Publishing engine: running (2 runners)"]

    window.engine.status_changed.emit(status(running=False, failed=2, unconfirmed=1))
    texts = visible_texts(tray)
    assert texts[0] == "Publishing engine: stopped"
    assert "3 deliveries need attention" in texts and "Show failed posts" in texts
    assert tray.toolTip().splitlines()[-1] == "3 deliveries need attention"

    window.engine.status_changed.emit(status(runners=1))
    assert visible_texts(tray)[0] == "Publishing engine: running (1 runner)"
    assert "Show failed posts" not in visible_texts(tray)


def test_the_tray_reads_the_real_heartbeat(window: MainWindow, tmp_path: Path) -> None:
    assert window.services is not None and window.tray is not None
    _fail_one_post(window.services, tmp_path)
    window.engine.refresh_status()  # what the 5 s poll does
    assert "1 delivery needs attention" in visible_texts(window.tray)
    assert "1 delivery needs attention" in window.tray.toolTip()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_show_failed_posts_opens_the_posts_view_on_the_failing_post(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    assert window.services is not None and window.tray is not None
    failing = _fail_one_post(window.services, tmp_path)
    window.refresh_all()
    window.show_view("compose")
    window.hide()

    window.tray.failed_posts_action.trigger()
    assert window.isVisible()
    assert window.current_view() == "posts"
    qtbot.waitUntil(lambda: window.posts.detail_title.text() != "")
    assert "Goes wrong" in window.posts.detail_title.text()
    selected = window.posts.table.selectionModel().selectedRows()
    assert [window.posts.model.post_id_at(i.row()) for i in selected] == [failing]


def test_failures_from_before_the_start_do_not_pop_up() -> None:
    tray = TrayIcon()
    tray.active = True
    recorder = Balloons()
    tray.showMessage = recorder  # type: ignore[method-assign]
    tray.set_status(status(failed=4))  # the first status read: failures from an earlier session
    assert recorder.shown == []
    tray.set_status(status(failed=5))
    assert len(recorder.shown) == 1


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_balloon_once_per_new_failure(window: MainWindow, balloons: Balloons) -> None:
    emit = window.engine.status_changed.emit
    emit(status(failed=1))
    assert balloons.shown == [("Publishing failed", "1 more delivery needs attention. Click to see the failed posts.")]
    emit(status(failed=1))
    assert len(balloons.shown) == 1
    emit(status(failed=1, unconfirmed=1))
    assert len(balloons.shown) == 2
    emit(status(failed=1, unconfirmed=1))
    emit(status(failed=1, unconfirmed=1))
    assert len(balloons.shown) == 2
    emit(status(failed=0))  # retried and published
    emit(status(failed=2))
    assert balloons.shown[-1][1] == "2 more deliveries need attention. Click to see the failed posts."
    assert len(balloons.shown) == 3

    window.show_view("compose")
    assert window.tray is not None
    window.tray.messageClicked.emit()
    assert window.current_view() == "posts"


def test_no_balloon_where_there_is_no_tray(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.tray is not None and not window.tray.active  # offscreen: no system tray
    recorder = Balloons()
    monkeypatch.setattr(window.tray, "showMessage", recorder)
    window.engine.status_changed.emit(status())
    window.engine.status_changed.emit(status(failed=1))
    assert recorder.shown == []


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_closing_keeps_publishing_in_the_tray_and_says_so_once(window: MainWindow, balloons: Balloons) -> None:
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.engine.start()
    assert keep_publishing_in_background()  # the default

    window.close()
    assert not window.isVisible()
    assert window.engine.is_running
    assert quits == []
    assert len(balloons.shown) == 1 and "keeps publishing in the background" in balloons.shown[0][1]

    window.tray.open_action.trigger()  # type: ignore[union-attr]
    assert window.isVisible()
    window.close()
    assert not window.isVisible() and window.engine.is_running
    assert len(balloons.shown) == 1  # said once

    window.tray.quit_action.trigger()  # type: ignore[union-attr]
    assert not window.engine.is_running
    assert quits == [True]


def test_closing_stops_publishing_when_the_setting_is_off(window: MainWindow, balloons: Balloons) -> None:
    quits: list[bool] = []
    window.quit_requested.connect(lambda: quits.append(True))
    window.engine.start()
    window.show_view("settings")
    box = window.settings.keep_in_background
    assert box.text() == "Keep publishing in the background when the window is closed"
    assert box.isChecked()
    box.setEnabled(True)  # offscreen there is no tray, so the box is disabled; a real desktop enables it
    box.click()
    assert not keep_publishing_in_background()

    window.close()
    assert not window.isVisible()
    assert not window.engine.is_running
    assert quits == [True]
    assert balloons.shown == []


def test_without_a_tray_closing_quits_and_the_setting_explains_why(window: MainWindow) -> None:
    window.engine.start()
    window.show_view("settings")
    assert not window.settings.keep_in_background.isEnabled()
    assert QSystemTrayIcon.isSystemTrayAvailable() is False
    window.close()
    assert not window.engine.is_running


def test_the_setting_is_remembered(window: MainWindow, qtbot: Any) -> None:
    assert window.services is not None
    window.settings.keep_in_background.setChecked(False)
    again = SettingsView(window.services, window.tasks)
    qtbot.addWidget(again)
    assert not again.keep_in_background.isChecked()


def test_file_quit_really_quits_even_with_the_tray(window: MainWindow, balloons: Balloons) -> None:
    window.engine.start()
    quit_action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Quit")
    quit_action.trigger()
    assert not window.isVisible() and not window.engine.is_running


def test_publish_now_starts_or_wakes_the_engine(window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    assert window.services is not None and window.tray is not None
    folder = tmp_path / "site"
    folder.mkdir()
    window.services.channels.add("feed", name="Blog", path=str(folder))
    window.services.posts.create("Due now", channels=["Blog"])
    assert not window.engine.is_running
    window.tray.publish_now_action.trigger()
    assert window.engine.is_running
    qtbot.waitUntil(lambda: (folder / "feed.xml").exists(), timeout=10_000)
    window.tray.publish_now_action.trigger()  # running already: a wake-up, not a second engine
    assert window.engine.is_running
