"""Adding a Bluesky channel in the Channels view: handle and app password, the server address optional."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFormLayout, QLabel

from ui.app import install_translators
from ui.main_window import MainWindow
from ui.resources import resources_dir


def _labels(dialog: Any) -> list[str]:
    form = dialog.findChild(QFormLayout)
    found = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            found.append(item.widget().text())
    return found


def test_adding_a_bluesky_channel_takes_a_handle_and_an_app_password(
    qtbot: Any, window: MainWindow, memory_keyring: Any, tmp_path: Path
) -> None:
    window.show_view("channels")
    dialog = window.channels.open_add_dialog("bluesky")
    assert dialog.windowTitle() == "Add Bluesky channel"
    assert _labels(dialog) == ["Name:", "Server address:", "Account:", "App password:"]
    assert dialog.handle_edit.placeholderText() == "you.bsky.social"
    assert not dialog.sign_in_button.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.name_edit, "Bluesky")
    qtbot.keyClicks(dialog.handle_edit, "@Press.Example.org")
    qtbot.keyClicks(dialog.secret_edit, "abcd-efgh-ijkl-mnop")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [channel] = window.services.channels.all()
    assert channel.kind == "bluesky" and channel.handle == "press.example.org" and channel.base_url is None
    assert "abcd-efgh-ijkl-mnop" in memory_keyring.passwords.values()
    database = (tmp_path / "ui.sqlite3").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("ui.sqlite3-*"))
    assert b"abcd-efgh-ijkl-mnop" not in database


def test_the_german_bluesky_dialog_is_translated_and_unclipped(qtbot: Any, window: MainWindow) -> None:
    translators = install_translators(resources_dir() / "i18n", "de")
    try:
        dialog = window.channels.open_add_dialog("bluesky")
        qtbot.waitExposed(dialog)
        assert "App-Passwort:" in _labels(dialog)
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.text() and not label.wordWrap():
                assert label.width() >= label.minimumSizeHint().width(), label.text()
        assert dialog.url_edit.placeholderText().startswith("Optional")
        dialog.reject()
    finally:
        for t in translators:
            QApplication.removeTranslator(t)  # type: ignore[arg-type]
