"""The team's saved replies: a dialog to add, change and delete them (the inbox inserts them into a reply).

Placeholders are explained beside the text and checked by the core when saving; a refused reply keeps what was
typed and says what to change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.errors import describe_exception
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.domain.saved_replies import SavedReplyInfo
    from publisher.services import Services

REPLY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SavedRepliesDialog(QDialog):
    """List on the left, the chosen reply's title and text on the right; New, Save, Delete.

    With ``body`` the dialog opens on a new reply holding that text (the inbox's "Save this reply for later…").
    """

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None, *, body: str = "") -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._current: int | None = None  # the id being edited; None for a new one
        self.setWindowTitle(self.tr("Saved replies"))

        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(lambda: self.start_new(""))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Delivery delayed"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Hi {first_name}, thank you for telling us…"))
        self.help = QLabel(
            self.tr(
                "Placeholders: {name} the author's name (or handle), {first_name} its first word, {handle}, "
                "{channel}, {me} your name. Write {{ and }} for a literal brace."
            )
        )
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setObjectName("savedReplyError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Text:"), self.body_edit)
        buttons_row = QHBoxLayout()
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.delete_button)
        buttons_row.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form, 1)
        right_layout.addWidget(self.help)
        right_layout.addWidget(self.error)
        right_layout.addLayout(buttons_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 70, self.fontMetrics().lineSpacing() * 24)

        self.start_new(body)
        self.reload()

    # -- loading ---------------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        self._tasks.run(self._services.saved_replies.list, on_done=lambda replies: self._on_loaded(replies, select))

    def _on_loaded(self, replies: list[SavedReplyInfo], select: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for reply in replies:
            item = QListWidgetItem(reply.title)
            item.setData(REPLY_ID_ROLE, reply.id)
            item.setData(Qt.ItemDataRole.UserRole, reply)
            item.setToolTip(reply.body)
            self.list.addItem(item)
            if reply.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if select is not None:
            self._show(self.list.currentItem())

    def replies(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._show(current)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.error.hide()
        if item is None:
            return
        reply: SavedReplyInfo = item.data(Qt.ItemDataRole.UserRole)
        self._current = reply.id
        self.title_edit.setText(reply.title)
        self.body_edit.setPlainText(reply.body)
        self.delete_button.setEnabled(True)

    def start_new(self, body: str) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._current = None
        self.title_edit.clear()
        self.body_edit.setPlainText(body)
        self.delete_button.setEnabled(False)
        self.error.hide()
        self.title_edit.setFocus()

    # -- changes ---------------------------------------------------------------------------------------

    def save(self) -> None:
        title, body, current = self.title_edit.text(), self.body_edit.toPlainText(), self._current
        service = self._services.saved_replies

        def work() -> SavedReplyInfo:
            if current is None:
                return service.add(title, body)
            return service.update(current, title=title, body=body)

        self.save_button.setEnabled(False)
        self._tasks.run(work, on_done=self._on_saved, on_failed=self._on_failed)

    def _on_saved(self, reply: SavedReplyInfo) -> None:
        self.save_button.setEnabled(True)
        self._current = reply.id
        self.delete_button.setEnabled(True)
        self.error.hide()
        self.reload(select=reply.id)

    def _on_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(describe_exception(exc))  # what was typed stays in the fields
        self.error.show()

    def delete_current(self) -> None:
        current = self._current
        if current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete saved reply"),
            self.tr("Delete the saved reply “%1” for the whole team?").replace("%1", self.title_edit.text()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._tasks.run(
            lambda: self._services.saved_replies.remove(current),
            on_done=lambda _none: self._on_deleted(),
            on_failed=self._on_failed,
        )

    def _on_deleted(self) -> None:
        self.start_new("")
        self.reload()
