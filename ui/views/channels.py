"""Channels: the places posts go. In this version: feed folders (Markdown + Atom), which need no account."""

from __future__ import annotations

import functools
import threading
import webbrowser
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from publisher.channels.protocol import VerifyResult
from publisher.domain import ChannelInfo
from ui.errors import describe_exception, error_text
from ui.labels import local_datetime
from ui.resources import icon
from ui.tasks import TaskRunner
from ui.views.preview import NETWORK_NAMES
from ui.views.queue_slots import QueueSlotDialog

if TYPE_CHECKING:
    from publisher.services import Services
    from publisher.services.channels import ChannelHealth

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class AddChannelDialog(QDialog):
    """The fields one channel kind needs (folder, server address, account, secret). Errors show inline; nothing
    is saved until the core accepts the input, and a secret goes to the system keyring only."""

    channel_added = Signal(object)  # ChannelInfo

    def __init__(self, services: Services, tasks: TaskRunner, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.kind = kind
        spec = services.registry.get(kind)
        fields = {f.name: f for f in spec.fields}
        network = NETWORK_NAMES.get(kind, spec.display_name)
        if kind == "feed":
            self.setWindowTitle(self.tr("Add feed channel"))
            intro_text = self.tr(
                "A feed channel writes each post as a Markdown file into a folder and keeps an Atom feed "
                "(feed.xml) there up to date. A static site or any feed reader can take it from there. "
                "No account needed."
            )
        elif kind == "bluesky":
            self.setWindowTitle(self.tr("Add %1 channel").replace("%1", network))
            intro_text = self.tr(
                "Sign in with an app password: in Bluesky open Settings > Privacy and security > App passwords "
                "and add one for Publisher. Publisher keeps it in your system's keyring, never in its database. "
                "Bluesky cannot schedule posts itself, so Publisher sends them at the planned time."
            )
        else:
            self.setWindowTitle(self.tr("Add %1 channel").replace("%1", network))
            intro_text = self.tr(
                "Publisher keeps the token or password in your system's keyring, never in its database."
            )
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Company blog") if kind == "feed" else network)
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Folder the posts are written to"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.url_edit = QLineEdit()
        self.handle_edit = QLineEdit()
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        if "path" in fields and kind == "feed":
            form.addRow(self.tr("Folder:"), path_row)
        if "url" in fields:
            if kind == "feed":
                self.url_edit.setPlaceholderText(self.tr("https://www.example.org/news (optional)"))
                form.addRow(self.tr("Public address:"), self.url_edit)
            elif kind == "bluesky":
                self.url_edit.setPlaceholderText(self.tr("Optional: your server, if the handle is not found"))
                form.addRow(self.tr("Server address:"), self.url_edit)
            else:
                self.url_edit.setPlaceholderText("https://")
                form.addRow(self.tr("Server address:"), self.url_edit)
        if "handle" in fields:
            self.handle_edit.setPlaceholderText(
                {"matrix": "@you:example.org", "bluesky": "you.bsky.social"}.get(kind, "")
            )
            form.addRow(self.tr("Account:"), self.handle_edit)
        if "path" in fields and kind != "feed":  # a network's target inside the account, e.g. a Matrix room
            browse.hide()
            self.path_edit.setPlaceholderText("#room:example.org")
            form.addRow(self.tr("Room:"), path_row)
        self.sign_in_button = QPushButton(self.tr("Sign in with the browser…"))
        self.sign_in_button.setToolTip(
            self.tr("Opens your server's sign-in page; Publisher receives a token and never sees your password.")
        )
        self.sign_in_button.clicked.connect(self._on_sign_in_clicked)
        self._sign_in_cancelled = threading.Event()
        if spec.needs_secret:
            secret_row = QHBoxLayout()
            secret_row.addWidget(self.secret_edit, 1)
            if kind == "mastodon":
                secret_row.addWidget(self.sign_in_button)
            secret_label = self.tr("App password:") if kind == "bluesky" else self.tr("Token or password:")
            form.addRow(secret_label, secret_row)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add channel"))
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _on_sign_in_clicked(self) -> None:
        """OAuth 2 with PKCE through the browser; the token arrives on a one-shot loopback listener."""
        url = self.url_edit.text().strip()
        if not url:
            self.error_label.setText(self.tr("Enter the server address first, e.g. https://mastodon.social."))
            return
        from publisher.channels.oauth import mastodon_login

        title = self.tr("Publisher")
        text = self.tr("Signed in. You can close this window and return to Publisher.")
        cancelled = self._sign_in_cancelled
        self.sign_in_button.setEnabled(False)
        self.error_label.setText(self.tr("Waiting for you to sign in in the browser…"))
        self._tasks.run(
            lambda: mastodon_login(
                url, open_browser=webbrowser.open, cancelled=cancelled, page_title=title, page_text=text
            ),
            on_done=self._on_signed_in,
            on_failed=self._on_sign_in_failed,
        )

    def _on_signed_in(self, token: str) -> None:
        self.sign_in_button.setEnabled(True)
        self.secret_edit.setText(token)
        self.error_label.setText(self.tr("Signed in. Press “Add channel” to finish."))

    def _on_sign_in_failed(self, exc: Exception) -> None:
        self.sign_in_button.setEnabled(True)
        self.error_label.setText(describe_exception(exc))

    def done(self, result: int) -> None:
        self._sign_in_cancelled.set()  # stop a sign-in still waiting for the browser
        super().done(result)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the feed folder"), self.path_edit.text())
        if folder:
            self.path_edit.setText(folder)

    def _on_accepted(self) -> None:
        kind, name = self.kind, self.name_edit.text()
        path = self.path_edit.text() or None
        url = self.url_edit.text().strip() or None
        handle = self.handle_edit.text().strip() or None
        secret = self.secret_edit.text() or None
        self.buttons.setEnabled(False)
        self._tasks.run(
            lambda: self._services.channels.add(kind, name=name, path=path, url=url, handle=handle, secret=secret),
            on_done=self._on_added,
            on_failed=self._on_failed,
        )

    def _on_added(self, info: ChannelInfo) -> None:
        self.buttons.setEnabled(True)
        self.secret_edit.clear()
        self.channel_added.emit(info)
        self.accept()

    def _on_failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(describe_exception(exc))


class ChannelsView(QWidget):
    changes_applied = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("No channels yet. Add a feed folder to start publishing."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.add_button = QPushButton(
            icon("list-add", QStyle.StandardPixmap.SP_FileDialogNewFolder), self.tr("Add feed channel…")
        )
        self.add_button.clicked.connect(lambda: self.open_add_dialog("feed"))
        self.network_button = QToolButton()
        self.network_button.setText(self.tr("Add network channel"))
        self.network_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        network_menu = QMenu(self.network_button)
        for kind in services.registry.kinds():
            if kind == "feed":
                continue
            name = NETWORK_NAMES.get(kind, kind)  # no registry.get(): that would load the connector module
            network_menu.addAction(name + "…", functools.partial(self.open_add_dialog, kind))
        self.network_button.setMenu(network_menu)
        self.network_button.setVisible(bool(network_menu.actions()))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.queue_button = QPushButton(self.tr("Queue…"))
        self.queue_button.setToolTip(self.tr('Weekly time slots for "Add to queue" and the audience\'s time zone'))
        self.queue_button.clicked.connect(lambda: self.open_queue_dialog())
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.sign_in_again_button = QPushButton(self.tr("Sign in again…"))
        self.sign_in_again_button.setToolTip(
            self.tr("Enter a new token or password for the channel; its waiting posts go out once it works")
        )
        self.sign_in_again_button.clicked.connect(self._on_sign_in_again_clicked)
        self.remove_button = QPushButton(icon("list-remove", QStyle.StandardPixmap.SP_TrashIcon), self.tr("Remove…"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.network_button)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.sign_in_again_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.queue_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        heading = QLabel(self.tr("Channels"))
        heading.setObjectName("viewHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.message)
        self._dialog: AddChannelDialog | None = None
        self._needs_secret: set[str] = set()
        self._update_buttons()

    def refresh(self) -> None:
        channels = self._services.channels
        self._tasks.run(lambda: (channels.all(), channels.statuses()), on_done=self._on_loaded)

    def _on_loaded(self, loaded: tuple[list[ChannelInfo], dict[str, ChannelHealth]]) -> None:
        channels, health = loaded
        self._health = health
        self._on_channels_loaded(channels)

    def status_text(self, name: str) -> str:
        health = getattr(self, "_health", {}).get(name)
        if health is None or health.state == "unused":
            return self.tr("Not used yet")
        if health.state == "ok":
            return self.tr("Working")
        if health.state == "needs_sign_in":
            return self.tr("Needs sign-in again")
        if health.state == "rate_limited" and health.until is not None:
            return self.tr("Rate-limited until %1").replace("%1", local_datetime(health.until))
        return self.tr("Failing: %1").replace("%1", error_text(health.code or "channel.error", {}))

    def _on_channels_loaded(self, channels: list[ChannelInfo]) -> None:
        self._needs_secret = {c.name for c in channels if self._services.registry.get(c.kind).needs_secret}
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Status"), self.tr("Account or folder"), self.tr("Address")]
        )
        for c in channels:
            name = QStandardItem(c.name)
            name.setData(c.name, NAME_ROLE)
            kind = QStandardItem(self.tr("Feed folder") if c.kind == "feed" else NETWORK_NAMES.get(c.kind, c.kind))
            where = c.settings.get("path") or " · ".join(x for x in (c.handle, c.settings.get("room")) if x)
            status = QStandardItem(self.status_text(c.name))
            health = getattr(self, "_health", {}).get(c.name)
            if health is not None and health.state in ("needs_sign_in", "rate_limited", "failing"):
                status.setForeground(QColor(190, 40, 30))
            capabilities = getattr(self._services.registry.get(c.kind), "capabilities", None)
            if c.kind != "feed" and capabilities is not None and not capabilities.inbox:
                kind.setToolTip(self.tr("Post-only: replies cannot be read through this channel"))
            self.model.appendRow([name, kind, status, QStandardItem(str(where or "")), QStandardItem(c.base_url or "")])
        header = self.table.horizontalHeader()
        if self.model.columnCount():
            for column in range(4):
                self.table.resizeColumnToContents(column)
            header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setVisible(bool(channels))
        self.empty_label.setVisible(not channels)
        self._update_buttons()

    def _selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.model.item(rows[0].row()).data(NAME_ROLE))

    def _update_buttons(self, *_args: object) -> None:
        selected = self._selected_name() is not None
        self.remove_button.setEnabled(selected)
        self.test_button.setEnabled(selected)
        self.rename_button.setEnabled(selected)
        self.queue_button.setEnabled(selected)
        name = self._selected_name()
        self.sign_in_again_button.setVisible(name is not None and name in self._needs_secret)

    def open_queue_dialog(self, name: str | None = None) -> QueueSlotDialog:
        """The channel's queue slots and audience time zone."""
        names = [str(self.model.item(r).data(NAME_ROLE)) for r in range(self.model.rowCount())]
        dialog = QueueSlotDialog(self._services, self._tasks, names, name or self._selected_name(), self)
        dialog.saved.connect(
            lambda channel: self.message.setText(self.tr("Saved the queue of '%1'.").replace("%1", channel))
        )
        dialog.saved.connect(lambda _channel: self.changes_applied.emit())
        self.queue_dialog = dialog
        dialog.open()
        return dialog

    def open_add_dialog(self, kind: str = "feed") -> AddChannelDialog:
        dialog = AddChannelDialog(self._services, self._tasks, kind, self)
        dialog.channel_added.connect(self._on_channel_added)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _on_channel_added(self, info: ChannelInfo) -> None:
        self.message.setText(self.tr("Channel '%1' added.").replace("%1", info.name))
        self.changes_applied.emit()

    def _on_test_clicked(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        self.message.setText(self.tr("Testing '%1'…").replace("%1", name))
        self._tasks.run(
            lambda: self._services.channels.verify(name),
            on_done=lambda result: self._on_verified(name, result),
            on_failed=lambda exc: self.message.setText(describe_exception(exc)),
        )

    def _on_sign_in_again_clicked(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        secret, ok = QInputDialog.getText(
            self,
            self.tr("Sign in again"),
            self.tr("New access token, app password or password for '%1':").replace("%1", name),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not secret.strip():
            return
        self.sign_in_again(name, secret.strip())

    def sign_in_again(self, name: str, secret: str) -> None:
        """Store the new secret (in the keyring), test it, and resume the channel; a failing one is not kept."""
        self.message.setText(self.tr("Testing '%1'…").replace("%1", name))
        self._tasks.run(
            lambda: self._services.channels.update_secret(name, secret),
            on_done=lambda result: self._on_signed_in_again(name, result),
            on_failed=lambda exc: self.message.setText(describe_exception(exc)),
        )

    def _on_signed_in_again(self, name: str, result: VerifyResult) -> None:
        self._on_verified(name, result)
        self.refresh()
        self.changes_applied.emit()

    def _on_verified(self, name: str, result: VerifyResult) -> None:
        self.message.setText(self.tr("'%1' works: writes to %2.").replace("%1", name).replace("%2", result.account))

    def _on_rename_clicked(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        new_name, ok = QInputDialog.getText(self, self.tr("Rename channel"), self.tr("New name:"), text=name)
        if ok and new_name.strip() and new_name.strip() != name:
            self.rename_channel(name, new_name.strip())

    def rename_channel(self, name: str, new_name: str) -> None:
        self._tasks.run(
            lambda: self._services.channels.rename(name, new_name),
            on_done=lambda info: self._on_renamed(name, info),
            on_failed=lambda exc: self.message.setText(describe_exception(exc)),
        )

    def _on_renamed(self, old: str, info: ChannelInfo) -> None:
        self.message.setText(self.tr("'%1' is now called '%2'.").replace("%1", old).replace("%2", info.name))
        self.changes_applied.emit()

    def _on_remove_clicked(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        self._tasks.run(
            lambda: self._services.channels.pending_count(name),
            on_done=lambda pending: self._confirm_remove(name, pending),
        )

    def _confirm_remove(self, name: str, pending: int) -> None:
        text = self.tr("Remove the channel '%1'? Files already published stay where they are.").replace("%1", name)
        if pending:
            text += "\n\n" + self.tr("%n post(s) not yet published to it will not be published.", "", pending)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove channel"), text, QMessageBox.StandardButton.Cancel, self
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not remove:
            return
        self.remove_channel(name)

    def remove_channel(self, name: str) -> None:
        self._tasks.run(
            lambda: self._services.channels.remove(name),
            on_done=self._on_channel_removed,
            on_failed=lambda exc: self.message.setText(describe_exception(exc)),
        )

    def _on_channel_removed(self, info: ChannelInfo) -> None:
        self.message.setText(self.tr("Channel '%1' removed.").replace("%1", info.name))
        self.changes_applied.emit()
