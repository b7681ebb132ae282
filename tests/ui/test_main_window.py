from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from publisher.services import Services
from publisher.services.demo import seed_demo
from ui.main_window import VIEW_KEYS, MainWindow
from ui.views.post_model import STATUS_ROLE


def _add_feed_channel_through_dialog(qtbot: Any, window: MainWindow, name: str, folder: Path) -> None:
    window.show_view("channels")
    dialog = window.channels.open_add_dialog()
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.path_edit, str(folder))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_every_view_opens_with_its_heading(qtbot: Any, window: MainWindow) -> None:
    for number, key in enumerate(VIEW_KEYS, start=1):
        window.show_view(key)
        assert window.current_view() == key
        page = window.stack.currentWidget()
        headings = [w.text() for w in page.findChildren(QLabel, "viewHeading")]
        assert headings and headings[0], key
        assert window.sidebar.currentRow() == number - 1
    # placeholder views say what is coming and show no data tables
    window.show_view("analytics")
    assert "engagement" in window.analytics.body.text().lower()


def test_sidebar_shortcuts_switch_views(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "channels"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "contacts"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "compose"


def test_compose_and_publish_to_a_feed_channel(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    _add_feed_channel_through_dialog(qtbot, window, "Blog", folder)
    assert window.channels.model.rowCount() == 1
    assert "Blog" in window.channels.message.text()

    window.show_view("compose")
    compose = window.compose
    assert compose.checked_channels() == ["Blog"]  # the only channel is preselected
    qtbot.keyClicks(compose.title_edit, "Open day")
    qtbot.keyClicks(compose.editor, "Come and visit us on **Saturday**!")
    assert "6 word(s)" in compose.counter.text() or "word" in compose.counter.text()
    assert compose.publish_button.text() == "Publish now"
    compose.publish_button.click()
    assert compose.editor.toPlainText() == ""  # saved, editor ready for the next post

    window.engine.start()
    qtbot.waitUntil(lambda: (folder / "feed.xml").exists(), timeout=10_000)

    def published() -> bool:
        window.posts.refresh()
        model = window.posts.model
        if model.rowCount() != 1:
            return False
        model.data(model.index(0, 0))  # ask for the row, like a painting view
        qtbot.wait(20)
        return model.data(model.index(0, 1)) == "Published"

    qtbot.waitUntil(published, timeout=10_000)
    model = window.posts.model
    assert model.data(model.index(0, 0)) == "Open day"
    assert "Blog" in model.data(model.index(0, 3))
    assert model.data(model.index(0, 0), STATUS_ROLE) == "published"
    files = list(folder.glob("*.md"))
    assert len(files) == 1 and "Saturday" in files[0].read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: "running" in window.engine_label.text(), timeout=10_000)


def test_scheduling_shows_up_in_list_and_calendar(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    _add_feed_channel_through_dialog(qtbot, window, "Blog", folder)
    window.show_view("compose")
    compose = window.compose
    compose.at_radio.setChecked(True)
    assert compose.publish_button.text() == "Schedule"
    compose.zone_combo.setCurrentText("Europe/Berlin")
    target = compose.when_edit.dateTime().addDays(3)
    compose.when_edit.setDateTime(target)
    qtbot.keyClicks(compose.editor, "Later, in Berlin time.")
    compose.publish_button.click()
    assert "Scheduled for" in compose.message.text()
    detail = window.services.posts.get(1)
    assert detail.deliveries[0].scheduled_tz == "Europe/Berlin"
    assert detail.status.value == "scheduled"
    window.show_view("calendar")
    day = detail.deliveries[0].scheduled_at.astimezone(window.calendar.user_tz).date()
    window.calendar.show_date(day)
    assert [item.title for item in window.calendar.day_items(day)] == ["Later, in Berlin time."]


def test_empty_post_is_refused_and_nothing_is_saved(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    _add_feed_channel_through_dialog(qtbot, window, "Blog", folder)
    window.show_view("compose")
    qtbot.keyClicks(window.compose.editor, "   ")
    window.compose.publish_button.click()
    assert "empty" in window.compose.message.text().lower()
    assert window.services.posts.count() == 0


def test_post_without_channel_is_refused(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.show_view("compose")
    assert window.compose.no_channels.isVisible()
    qtbot.keyClicks(window.compose.editor, "Hello")
    window.compose.publish_button.click()
    assert "channel" in window.compose.message.text().lower()
    assert window.services.posts.count() == 0


def test_add_channel_dialog_shows_error_for_missing_folder(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.show_view("channels")
    dialog = window.channels.open_add_dialog()
    qtbot.keyClicks(dialog.name_edit, "Blog")
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "nope"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "does not exist" in dialog.error_label.text()
    assert window.services.channels.all() == []
    dialog.reject()


def test_remove_channel(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    _add_feed_channel_through_dialog(qtbot, window, "Blog", folder)
    window.channels.remove_channel("Blog")
    assert window.channels.model.rowCount() == 0
    assert window.services.channels.all() == []
    assert window.channels.empty_label.isVisible()


def test_failed_delivery_can_be_sent_again_alone(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    services: Services = window.services
    services.channels.add("feed", name="Good", path=str(good))
    services.channels.add("feed", name="Bad", path=str(bad))
    post = services.posts.create("Two channels", channels=["Good", "Bad"])
    bad.rmdir()
    services.engine().run_once()
    bad.mkdir()
    window.refresh_all()
    window.show_view("posts")
    window.posts.select_post(post.id)
    deliveries = window.posts.delivery_model
    assert deliveries.rowCount() == 2
    states = {deliveries.item(r, 0).text(): deliveries.item(r, 1).text() for r in range(2)}
    assert states == {"Good": "Published", "Bad": "Failed"}
    bad_row = next(r for r in range(2) if deliveries.item(r, 0).text() == "Bad")
    window.posts.deliveries.selectRow(bad_row)
    assert window.posts.retry_button.isEnabled()
    window.posts.retry_button.click()
    services.engine().run_once()
    final = services.posts.get(post.id)
    assert {d.channel: d.state.value for d in final.deliveries} == {"Good": "published", "Bad": "published"}
    assert len(list(good.glob("*.md"))) == 1  # the good channel was not posted twice


def test_demo_workspace_fills_list_and_calendar(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    seed_demo(window.services, tmp_path / "feeds")
    window.refresh_all()
    model = window.posts.model
    assert model.rowCount() >= 10
    statuses = set()
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.wait(50)
    for row in range(model.rowCount()):
        statuses.add(model.data(model.index(row, 0), STATUS_ROLE))
    assert {"published", "scheduled"} <= statuses
    assert window.calendar.items_by_day  # days are marked


def test_post_list_model_passes_modeltester(qtbot: Any, qtmodeltester: Any, window: MainWindow, tmp_path: Path) -> None:
    seed_demo(window.services, tmp_path / "feeds")
    window.posts.refresh()
    qtmodeltester.check(window.posts.model)


def test_rename_channel_keeps_its_posts(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    _add_feed_channel_through_dialog(qtbot, window, "Blog", folder)
    window.services.posts.create("Hello", channels=["Blog"])
    window.channels.rename_channel("Blog", "Company blog")
    assert [c.name for c in window.services.channels.all()] == ["Company blog"]
    assert window.services.posts.get(1).deliveries[0].channel == "Company blog"
    assert "Company blog" in window.channels.message.text()
    window.channels.rename_channel("Company blog", "   ")
    assert "name" in window.channels.message.text().lower()
    assert [c.name for c in window.services.channels.all()] == ["Company blog"]


def test_adding_a_mastodon_channel_keeps_the_token_in_the_keyring_only(
    qtbot: Any, window: MainWindow, memory_keyring: Any, tmp_path: Path
) -> None:
    window.show_view("channels")
    assert window.channels.network_button.isVisible()
    dialog = window.channels.open_add_dialog("mastodon")
    assert dialog.sign_in_button.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.name_edit, "Mastodon")
    qtbot.keyClicks(dialog.url_edit, "http://mastodon.example")
    qtbot.keyClicks(dialog.secret_edit, "tok-1234567890")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error_label.text()  # plain http to a remote host is refused
    assert window.services.channels.all() == []
    dialog.url_edit.setText("https://mastodon.example/")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [channel] = window.services.channels.all()
    assert channel.kind == "mastodon" and channel.base_url == "https://mastodon.example"
    assert "tok-1234567890" in memory_keyring.passwords.values()
    database = (tmp_path / "ui.sqlite3").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("ui.sqlite3-*"))
    assert b"tok-1234567890" not in database


def test_channel_status_says_which_channel_needs_attention(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    good, bad, idle = tmp_path / "good", tmp_path / "bad", tmp_path / "idle"
    for folder in (good, bad, idle):
        folder.mkdir()
    services: Services = window.services
    for name, folder in (("Good", good), ("Bad", bad), ("Idle", idle)):
        services.channels.add("feed", name=name, path=str(folder))
    services.posts.create("Hello", channels=["Good", "Bad"])
    bad.rmdir()
    services.engine().run_once()
    window.refresh_all()
    statuses = {
        window.channels.model.item(row, 0).text(): window.channels.model.item(row, 2).text()
        for row in range(window.channels.model.rowCount())
    }
    assert statuses["Good"] == "Working"
    assert statuses["Idle"] == "Not used yet"
    assert statuses["Bad"].startswith("Failing: The folder") and "does not exist" in statuses["Bad"]
