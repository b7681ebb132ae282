"""Answering from the Inbox: saved replies with placeholders, the brand check under the reply box, assigning,
the kind/campaign/date filters, desktop notifications of new mentions, and the way to the person behind a message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from publisher.domain.brand import BrandProfile
from publisher.services import Services
from tests.publisher.inbox_fake import FakeInboxKind
from tests.ui.inbox_support import inbox_services, inbox_view  # noqa: F401 - the fixtures
from tests.ui.inbox_support import select_by_text as _select_by_text
from tests.ui.inbox_support import texts_shown as _texts_shown
from ui.engine_runner import EngineRunner
from ui.main_window import MainWindow
from ui.preferences import set_notify_all_messages, set_notify_mentions
from ui.tasks import TaskRunner
from ui.tray import TrayIcon
from ui.views.inbox import InboxView
from ui.views.saved_replies import SavedRepliesDialog


def _ago(minutes: float) -> datetime:
    return datetime.now(UTC) - timedelta(minutes=minutes)


@pytest.fixture
def network() -> FakeInboxKind:
    kind = FakeInboxKind(page_size=50)
    kind.add("m1", _ago(1), "Where is my invoice?", author="@bob@example.social", author_name="Bob Stone")
    kind.add("m2", _ago(60 * 24 * 10), "Old mention", author="@cy@example.social", author_name="Cy")
    kind.add("m3", _ago(5), "Thanks!", author="@cy@example.social", author_name="Cy", in_reply_to_id="post-1")
    return kind


def test_a_saved_reply_is_inserted_with_the_authors_name(qtbot: Any, view: InboxView, services: Services) -> None:
    services.saved_replies.add("Invoice", "Hi {first_name}, your invoice is on its way. — {me}")
    view.refresh()
    _select_by_text(view, qtbot, "Where is my invoice?")
    view.saved_menu.aboutToShow.emit()
    titles = [a.text() for a in view.saved_menu.actions() if a.text()]
    assert titles[0] == "Invoice" and "Manage saved replies…" in titles
    next(a for a in view.saved_menu.actions() if a.text() == "Invoice").trigger()
    assert view.reply_box.toPlainText() == f"Hi Bob, your invoice is on its way. — {services.actor}"


def test_the_saved_replies_dialog_refuses_a_typo_and_keeps_the_text(
    qtbot: Any, services: Services, english: None
) -> None:
    dialog = SavedRepliesDialog(services, TaskRunner(inline=True), body="Hallo {nmae}!")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Greeting")
    dialog.save_button.click()
    assert dialog.error.isVisibleTo(dialog) and "{nmae}" in dialog.error.text() and "{name}" in dialog.error.text()
    assert services.saved_replies.list() == []
    assert dialog.body_edit.toPlainText() == "Hallo {nmae}!"
    dialog.body_edit.setPlainText("Hallo {name}!")
    dialog.save_button.click()
    assert [r.body for r in services.saved_replies.list()] == ["Hallo {name}!"]
    assert dialog.replies() == ["Greeting"] and not dialog.error.isVisibleTo(dialog)


def test_deleting_a_saved_reply_asks_first(
    qtbot: Any, services: Services, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.saved_replies.add("Bye", "Bye {name}")
    dialog = SavedRepliesDialog(services, TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    assert dialog.title_edit.text() == "Bye"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.delete_button.click()
    assert len(services.saved_replies.list()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert services.saved_replies.list() == [] and dialog.replies() == []


def test_the_brand_check_marks_a_banned_word_and_blocks_sending_until_fixed(
    qtbot: Any, view: InboxView, services: Services, network: FakeInboxKind
) -> None:
    services.brands.save(BrandProfile(name="ACME", banned_words=("cheap",), signatures={"*": "— ACME"}))
    services.brands.set_default("ACME")
    view.refresh()
    _select_by_text(view, qtbot, "Where is my invoice?")
    view.reply_box.setPlainText("We are not cheap, Bob.")
    assert view.brand_problems.isVisibleTo(view)
    shown = " ".join(label.text() for label in view.brand_problems.findChildren(type(view.counter)))
    assert "cheap" in shown and "signature" not in shown.lower()  # a reply needs no signature
    assert not view.send_button.isEnabled()
    qtbot.keyClick(view.reply_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert network.replies == []  # Ctrl+Return does not get round the check
    fix = next(b for b in view.brand_problems.findChildren(type(view.send_button)) if b.text())
    fix.click()
    assert "cheap" not in view.reply_box.toPlainText()
    assert view.send_button.isEnabled() and not view.brand_problems.isVisibleTo(view)
    view.send_button.click()
    assert len(network.replies) == 1


def test_kind_campaign_and_date_filters(
    qtbot: Any, view: InboxView, services: Services, network: FakeInboxKind
) -> None:
    assert sorted(_texts_shown(view, qtbot)) == ["Old mention", "Thanks!", "Where is my invoice?"]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("reply"))
    assert _texts_shown(view, qtbot) == ["Thanks!"]
    view.kind_filter.setCurrentIndex(0)
    view.date_filter.setCurrentIndex(view.date_filter.findData("week"))
    assert sorted(_texts_shown(view, qtbot)) == ["Thanks!", "Where is my invoice?"]
    view.date_filter.setCurrentIndex(view.date_filter.findData("custom"))
    assert view.since_edit.isVisibleTo(view) and view.until_edit.isVisibleTo(view)
    old_day = QDate.currentDate().addDays(-10)
    view.since_edit.setDate(old_day)
    view.until_edit.setDate(old_day)
    assert _texts_shown(view, qtbot) == ["Old mention"]
    view.date_filter.setCurrentIndex(0)
    assert not view.since_edit.isVisibleTo(view)
    # Unassigned, and a campaign (none here yet: only "All campaigns" is offered).
    view.assignee_filter.setCurrentIndex(view.assignee_filter.findData(""))
    assert len(_texts_shown(view, qtbot)) == 3
    assert [view.campaign_filter.itemText(i) for i in range(view.campaign_filter.count())] == ["All campaigns"]


def test_new_mentions_are_announced_once_and_only_when_wanted(
    qtbot: Any, view: InboxView, services: Services, network: FakeInboxKind
) -> None:
    announced: list[tuple[int, list[Any]]] = []
    view.arrived.connect(lambda count, rows: announced.append((count, rows)))
    view.check_arrivals()
    assert announced == []  # what was there before is not news
    network.add("m9", _ago(0.5), "@acme you rock", author="@dee@example.social", author_name="Dee")
    network.add("m10", _ago(0.4), "a reply", author="@dee@example.social", in_reply_to_id="m1")
    services.inbox.sync()  # e.g. by `publisher run` in the background
    view.check_arrivals()
    assert [(count, [r.text for r in rows]) for count, rows in announced] == [(1, ["@acme you rock"])]
    view.check_arrivals()
    assert len(announced) == 1  # once

    set_notify_all_messages(True)
    network.add("m11", _ago(0.3), "another reply", author="@dee@example.social", in_reply_to_id="m1")
    services.inbox.sync()
    view.check_arrivals()
    assert [r.text for r in announced[-1][1]] == ["another reply"]

    set_notify_mentions(False)
    network.add("m12", _ago(0.2), "@acme again", author="@dee@example.social")
    services.inbox.sync()
    view.check_arrivals()
    assert len(announced) == 2
    set_notify_mentions(True)
    set_notify_all_messages(False)
    view.check_arrivals()
    assert len(announced) == 2  # turned back on: what came while it was off is not a flood


def test_the_tray_balloon_names_the_author_and_opens_the_message(qtbot: Any, view: InboxView, english: None) -> None:
    tray = TrayIcon()
    tray.active = True  # as if the desktop had a tray
    shown: list[tuple[str, str]] = []
    tray.showMessage = lambda title, text, *args: shown.append((title, text))  # type: ignore[method-assign]
    row = view.model.summary(view.model.item_id_at(0) or 0) or view._services.inbox.list()[0]
    mention = type(row)(**{**{f: getattr(row, f) for f in row.__dataclass_fields__}, "kind": "mention"})
    tray.notify_arrivals(3, [mention])
    title, text = shown[-1]
    assert title == f"{row.author_name} mentioned Fake"
    assert row.text in text and "2 more new messages" in text
    opened: list[int] = []
    tray.inbox_item_requested.connect(opened.append)
    tray.messageClicked.emit()
    assert opened == [row.id]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_notification_click_shows_the_message_whatever_the_filters(
    qtbot: Any, services: Services, english: None
) -> None:
    tasks = TaskRunner(inline=True)
    engine = EngineRunner(services, tasks)
    window = MainWindow(tasks, services=services, engine=engine)
    qtbot.addWidget(window)
    window.show()
    window.refresh_all()
    inbox = window.inbox
    inbox.search.setText("nothing matches this")
    inbox._apply_filter()
    target = next(r.id for r in services.inbox.list() if r.text == "Thanks!")
    services.inbox.set_status([target], "done")
    window.show_inbox_item(target)
    assert window.current_view() == "inbox"
    qtbot.waitUntil(lambda: inbox.selected_id() == target)
    assert inbox.search.text() == "" and inbox.detail_box.isVisibleTo(inbox)

    inbox.contact_button.click()  # the person behind it
    assert window.current_view() == "contacts"
    engine.stop()


def test_a_newly_connected_channel_is_synced_at_once(qtbot: Any, view: InboxView, services: Services) -> None:
    before = services.inbox.count()
    services.channels.add("fakeinbox", name="Second")  # e.g. added on the Channels page
    view.refresh()  # what the window does after any change
    assert services.inbox.count() == 2 * before  # its back-fill ran without waiting for the 5-minute timer
    assert "Second: 3 new" in view.sync_label.text()
    view.refresh()
    assert "Second: 3 new" in view.sync_label.text()  # no new channel: no sync (it would say "0 new")
