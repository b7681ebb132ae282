"""The Contacts view: search and tag filter, merging two handles of one person through the "Merge with…" dialog
and splitting one off again, tags and notes that persist, and a history holding every merged handle's messages,
whose entries open the message in the inbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from publisher.channels.registry import Registry
from publisher.services import InboxFilter, Services, build_services
from tests.publisher.inbox_fake import FakeInboxKind
from ui.tasks import TaskRunner
from ui.views.contacts import ContactsView


@dataclass
class OtherInboxKind(FakeInboxKind):
    kind = "otherinbox"
    display_name = "Other inbox network"


def _ago(minutes: float) -> datetime:
    return datetime.now(UTC) - timedelta(minutes=minutes)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    masto = FakeInboxKind(page_size=50)
    masto.add("m1", _ago(50), "Where is my invoice?", author="@ada@social.example", author_name="Ada")
    masto.add("m2", _ago(30), "Great launch!", author="@bob@social.example", author_name="Bob")
    masto.add("m3", _ago(10), "Thanks, it arrived.", author="@ada@social.example", author_name="Ada")
    sky = OtherInboxKind(page_size=50)
    sky.add("s1", _ago(20), "Asking here too: invoice?", author="ada.sky.example", author_name="Ada L.")
    s = build_services(f"sqlite:///{tmp_path / 'ui.sqlite3'}", registry=Registry([masto, sky]))
    s.channels.add("fakeinbox", name="Masto")
    s.channels.add("otherinbox", name="Sky")
    s.inbox.sync()
    yield s
    s.close()


def _make_view(qtbot: Any, services: Services) -> ContactsView:
    widget = ContactsView(services, TaskRunner(inline=True))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def view(qtbot: Any, services: Services, english: None) -> ContactsView:
    return _make_view(qtbot, services)


def _names(view: ContactsView) -> list[str]:
    model = view.model
    for r in range(model.rowCount()):
        model.data(model.index(r, 0))  # asks for the row
    view.model._load_wanted()
    return [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]


def _select(view: ContactsView, name: str) -> None:
    row = _names(view).index(name)
    view.table.selectRow(row)


def _history(view: ContactsView) -> list[str]:
    model = view.history_model
    return [model.item(r, 4).text() for r in range(model.rowCount())]


def _handles(view: ContactsView) -> list[str]:
    model = view.handles_model
    return [model.item(r, 1).text() for r in range(model.rowCount())]


def _id(services: Services, handle: str) -> int:
    return next(r.id for r in services.contacts.list() for h in r.handles if h.handle == handle)


def test_the_list_shows_everyone_who_wrote_and_search_narrows_it(view, qtbot):
    assert _names(view) == ["Ada", "Ada L.", "Bob"]
    assert view.count_label.text().startswith("3 contact")
    qtbot.keyClicks(view.search, "BOB")
    qtbot.waitUntil(lambda: _names(view) == ["Bob"])
    view.search.clear()
    qtbot.keyClicks(view.search, "sky.example")  # a handle
    qtbot.waitUntil(lambda: _names(view) == ["Ada L."])
    view.search.clear()
    qtbot.keyClicks(view.search, "nobody at all")
    qtbot.waitUntil(lambda: view.model.total() == 0)
    assert view.count_label.text().startswith("0 contact")


def test_selecting_a_contact_shows_handles_tags_notes_and_history(view):
    _select(view, "Ada")
    assert view.name_label.text() == "Ada"
    assert _handles(view) == ["@ada@social.example"]
    assert _history(view) == ["Thanks, it arrived.", "Where is my invoice?"]
    assert view.summary_label.text().startswith("2 message")
    assert not view.split_button.isEnabled()  # one handle: nothing to split off


def test_merge_through_the_dialog_shows_one_contact_with_both_handles_messages(view, qtbot, services):
    _select(view, "Ada")
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = view.merge_dialog
    assert dialog is not None and dialog.isVisible()
    listed = [dialog.model.item(r).text() for r in range(dialog.model.rowCount())]
    assert len(listed) == 2 and not any(t.startswith("Ada —") for t in listed)  # not Ada herself
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.search, "ada")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.item(0).text().startswith("Ada L. — ada.sky.example")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # picks the first match, does not merge yet
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert len(services.contacts.list()) == 3
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert view.message_label.text() == "Contacts merged."
    assert _names(view) == ["Ada", "Bob"]
    assert view.name_label.text() == "Ada"
    assert _handles(view) == ["@ada@social.example", "ada.sky.example"]
    assert _history(view) == ["Thanks, it arrived.", "Asking here too: invoice?", "Where is my invoice?"]
    assert [h.handle for h in services.contacts.get(_id(services, "@ada@social.example")).handles] == [
        "@ada@social.example",
        "ada.sky.example",
    ]


def test_a_cancelled_merge_dialog_changes_nothing(view, qtbot, services):
    _select(view, "Bob")
    view.open_merge_dialog()
    dialog = view.merge_dialog
    dialog.list.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert _names(view) == ["Ada", "Ada L.", "Bob"]
    assert len(services.contacts.list()) == 3


def test_split_off_a_handle_again(view, qtbot, services):
    services.contacts.merge(_id(services, "ada.sky.example"), _id(services, "@ada@social.example"))
    view.refresh()
    _select(view, "Ada")
    assert _handles(view) == ["@ada@social.example", "ada.sky.example"]
    view.handles.selectRow(1)
    assert view.split_button.isEnabled()
    qtbot.mouseClick(view.split_button, Qt.MouseButton.LeftButton)
    assert _handles(view) == ["@ada@social.example"]
    assert _history(view) == ["Thanks, it arrived.", "Where is my invoice?"]
    assert _names(view) == ["Ada", "Ada L.", "Bob"]


def test_tags_and_notes_persist_and_filter_the_list(view, qtbot, services):
    _select(view, "Bob")
    view.tags_edit.clear()
    qtbot.keyClicks(view.tags_edit, " Press,  VIP ,press")
    qtbot.keyClick(view.tags_edit, Qt.Key.Key_Return)
    assert view.tags_edit.text() == "press, vip"
    view.notes_edit.setFocus()
    qtbot.keyClicks(view.notes_edit, "Journalist, call before noon.")
    assert view.notes_state.text() == "Not saved"
    qtbot.keyClick(view.notes_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert view.notes_state.text() == ""
    assert view.message_label.text() == "Notes saved."

    fresh = _make_view(qtbot, services)  # what another window (or the next start) sees
    _select(fresh, "Bob")
    assert fresh.tags_edit.text() == "press, vip"
    assert fresh.notes_edit.toPlainText() == "Journalist, call before noon."
    assert [fresh.tag_filter.itemText(i) for i in range(fresh.tag_filter.count())] == ["All tags", "press", "vip"]
    fresh.tag_filter.setCurrentIndex(fresh.tag_filter.findData("vip"))
    assert _names(fresh) == ["Bob"]


def test_bad_tags_and_too_long_notes_show_the_error_and_keep_the_input(view, qtbot, services):
    _select(view, "Bob")
    too_long = "x" * 101
    view.tags_edit.setText(f"ok, {too_long}")
    view.save_tags()
    assert "A contact tag needs 1 to 100 characters" in view.message_label.text()
    assert view.tags_edit.text() == f"ok, {too_long}"
    view.notes_edit.setPlainText("n" * 10_001)
    assert view.notes_state.text() == "10001 characters, at most 10000"
    view.save_notes()
    assert "The notes are too long: 10001 characters, at most 10000" in view.message_label.text()
    assert view.notes_edit.toPlainText() == "n" * 10_001
    bob = services.contacts.get(_id(services, "@bob@social.example"))
    assert (bob.tags, bob.notes) == ((), "")


def test_rename_keeps_the_users_name(view, qtbot, services, monkeypatch):
    _select(view, "Bob")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Robert (Daily)", True))
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    assert view.name_label.text() == "Robert (Daily)"
    assert "Robert (Daily)" in _names(view)
    assert "on the network: Bob" in view.summary_label.text()


def test_activating_a_message_in_the_history_asks_the_inbox_to_open_it(view, qtbot, services):
    _select(view, "Ada")
    view.history.setFocus()
    view.history.selectRow(1)
    with qtbot.waitSignal(view.open_item) as opened:
        qtbot.keyClick(view.history, Qt.Key.Key_Return)
    (item_id,) = opened.args
    assert services.inbox.get(item_id).full_text == "Where is my invoice?"


def test_show_contact_from_an_inbox_item(view, services):
    item = next(r for r in services.inbox.list(InboxFilter(channel="Sky")))
    view.show_contact(services.contacts.contact_for_item(item.id))
    assert view.name_label.text() == "Ada L."
    assert view.table.selectionModel().selectedRows()[0].row() == _names(view).index("Ada L.")
    assert _history(view) == ["Asking here too: invoice?"]


def test_an_unknown_contact_shows_a_clear_message(view):
    view.show_contact(987654)
    assert not view.detail_box.isVisible()
    assert "This contact no longer exists" in view.message_label.text()
