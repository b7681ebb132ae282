"""Posts: every post with its per-channel state; the selected post's deliveries with errors and links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from publisher.domain import CommentInfo, DeliveryInfo, DeliveryState, PostDetail, PostStatus
from ui.errors import describe_exception, error_text
from ui.labels import delivery_state, local_datetime, post_status
from ui.tasks import TaskRunner
from ui.views.post_model import POST_ID_ROLE, PostListModel

if TYPE_CHECKING:
    from publisher.services import Services

DELIVERY_ID_ROLE = Qt.ItemDataRole.UserRole + 10
URL_ROLE = Qt.ItemDataRole.UserRole + 11


class PostsView(QWidget):
    changes_applied = Signal()
    compose_requested = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._selected: int | None = None
        self._detail: PostDetail | None = None

        self.model = PostListModel(services, tasks, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        header.resizeSection(2, 140)
        header.resizeSection(3, 220)
        header.resizeSection(4, 130)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_model_reset)

        self.empty_label = QLabel(self.tr("No posts yet. Write your first one under Compose (Ctrl+N)."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        # detail
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        self.detail_status = QLabel()
        self.detail_body = QLabel()
        self.detail_body.setWordWrap(True)
        self.detail_body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.delivery_model = QStandardItemModel(self)
        self.deliveries = QTableView()
        self.deliveries.setModel(self.delivery_model)
        self.deliveries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deliveries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deliveries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deliveries.verticalHeader().hide()
        self.deliveries.setWordWrap(True)
        self.deliveries.horizontalHeader().setStretchLastSection(True)
        self.deliveries.selectionModel().selectionChanged.connect(self._update_buttons)
        self.deliveries.doubleClicked.connect(self._on_open_clicked)
        self.retry_button = QPushButton(self.tr("Send again"))
        self.retry_button.setToolTip(self.tr("Publish this channel's delivery again; other channels are not touched"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.open_button = QPushButton(self.tr("Open published post"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.match_button = QPushButton(self.tr("It is there…"))
        self.match_button.setToolTip(
            self.tr("The post did arrive: record it as published by pasting its address from the network")
        )
        self.match_button.clicked.connect(self._on_match_clicked)
        self.detail_message = QLabel()
        self.detail_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.detail_message, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.match_button)
        buttons.addWidget(self.retry_button)

        # workflow: review steps and the review thread
        self.submit_button = QPushButton(self.tr("Submit for review"))
        self.submit_button.clicked.connect(lambda: self._step("submit"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr("Approve the post: it is scheduled on every channel (Ctrl+Return)"))
        self.approve_button.setShortcut("Ctrl+Return")
        self.approve_button.clicked.connect(lambda: self._step("approve"))
        self.send_back_button = QPushButton(self.tr("Send back…"))
        self.send_back_button.clicked.connect(self._on_send_back_clicked)
        self.edit_button = QPushButton(self.tr("Edit text…"))
        self.edit_button.setToolTip(
            self.tr("Change the text on every channel it has not reached yet; a network's scheduled copy is replaced")
        )
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel post…"))
        self.cancel_button.setToolTip(self.tr("Cancel what has not gone out yet, on every channel"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        steps = QHBoxLayout()
        steps.addWidget(self.submit_button)
        steps.addWidget(self.approve_button)
        steps.addWidget(self.send_back_button)
        steps.addStretch(1)
        steps.addWidget(self.edit_button)
        steps.addWidget(self.cancel_button)
        self.comments = QListWidget()
        self.comments.setWordWrap(True)
        self.comments.setMaximumHeight(120)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Add a comment for the review thread and press Enter"))
        self.comment_edit.returnPressed.connect(self._on_comment_entered)

        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_status)
        detail_layout.addWidget(self.detail_body)
        detail_layout.addWidget(self.deliveries, 1)
        detail_layout.addLayout(buttons)
        detail_layout.addLayout(steps)
        detail_layout.addWidget(self.comments)
        detail_layout.addWidget(self.comment_edit)
        self.detail.hide()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_label, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        heading = QLabel(self.tr("Posts"))
        heading.setObjectName("viewHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # -- public -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.reload()
        if self._selected is not None:
            self._load_detail(self._selected)

    def select_post(self, post_id: int) -> None:
        self._selected = post_id
        row = self.model.row_of(post_id)
        if row is not None:
            self.table.selectRow(row)
        self._load_detail(post_id)

    # -- slots ----------------------------------------------------------------------------------------

    def _on_model_reset(self) -> None:
        empty = self.model.rowCount() == 0
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row is not None:
                self.table.selectRow(row)

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        post_id = self.model.data(indexes[0], POST_ID_ROLE)
        if post_id is not None and post_id != self._selected:
            self._selected = post_id
            self._load_detail(post_id)

    def _load_detail(self, post_id: int) -> None:
        self._tasks.run(
            lambda: self._services.posts.get(post_id),
            on_done=self._on_detail_loaded,
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _on_detail_loaded(self, detail: PostDetail) -> None:
        if detail.id != self._selected:
            return
        self._detail = detail
        self.detail.show()
        self.detail_title.setText(detail.title or self.tr("(untitled)"))
        self.detail_status.setText(
            self.tr("%1 · created %2 by %3")
            .replace("%1", post_status(detail.status))
            .replace("%2", local_datetime(detail.created_at))
            .replace("%3", detail.author or "–")
        )
        body = detail.body.strip()
        self.detail_body.setText(body if len(body) < 600 else body[:600] + "…")
        self.delivery_model.clear()
        self.delivery_model.setHorizontalHeaderLabels(
            [
                self.tr("Channel"),
                self.tr("State"),
                self.tr("Scheduled", "column header: when the post goes out"),
                self.tr("Attempts"),
                self.tr("Result"),
            ]
        )
        for d in detail.deliveries:
            self.delivery_model.appendRow(self._delivery_row(d))
        self.deliveries.resizeColumnsToContents()
        self.detail_message.clear()
        self._update_buttons()
        post_id = detail.id
        self._tasks.run(
            lambda: self._services.posts.comments(post_id),
            on_done=lambda comments: self._show_comments(post_id, comments),
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _show_comments(self, post_id: int, comments: list[CommentInfo]) -> None:
        if post_id != self._selected:
            return
        self.comments.clear()
        kinds = {
            "submitted": self.tr("submitted it for review"),
            "approved": self.tr("approved it"),
            "sent_back": self.tr("sent it back"),
            "unscheduled": self.tr("took it back to draft"),
            "comment": self.tr("commented"),
            "edited": self.tr("edited the text"),
        }
        for c in comments:
            line = f"{local_datetime(c.created_at)} · {c.author} {kinds.get(c.kind, c.kind)}"
            if c.body:
                line += f": {c.body}"
            self.comments.addItem(QListWidgetItem(line))
        self.comments.setVisible(bool(comments))

    def _delivery_row(self, d: DeliveryInfo) -> list[QStandardItem]:
        scheduled = local_datetime(d.scheduled_at)
        if d.scheduled_tz:
            scheduled += f" ({d.scheduled_tz})"
        if d.state == DeliveryState.PUBLISHED:
            result = d.remote_url or d.remote_id or ""
        elif d.error_code:
            result = error_text(d.error_code, {})
            if d.next_attempt_at and d.state == DeliveryState.FAILED:
                result += " " + self.tr("Next try: %1").replace("%1", local_datetime(d.next_attempt_at))
        else:
            result = ""
        items = [
            QStandardItem(d.channel),
            QStandardItem(delivery_state(d.state)),
            QStandardItem(scheduled),
            QStandardItem(str(d.attempts)),
            QStandardItem(result),
        ]
        items[0].setData(d.id, DELIVERY_ID_ROLE)
        items[0].setData(d.state.value, Qt.ItemDataRole.UserRole)
        items[0].setData(d.remote_url or "", URL_ROLE)
        if d.error:
            items[4].setToolTip(d.error)
        return items

    def _current_delivery(self) -> tuple[int, str, str] | None:
        rows = self.deliveries.selectionModel().selectedRows() if self.deliveries.selectionModel() else []
        if not rows and self.delivery_model.rowCount() == 1:
            item = self.delivery_model.item(0)
        elif rows:
            item = self.delivery_model.item(rows[0].row())
        else:
            return None
        return (
            int(item.data(DELIVERY_ID_ROLE)),
            str(item.data(Qt.ItemDataRole.UserRole)),
            str(item.data(URL_ROLE) or ""),
        )

    def _update_buttons(self, *_args: object) -> None:
        current = self._current_delivery()
        self.retry_button.setEnabled(
            current is not None and current[1] in (DeliveryState.FAILED, DeliveryState.UNCONFIRMED)
        )
        self.open_button.setEnabled(current is not None and bool(current[2]))
        self.match_button.setVisible(current is not None and current[1] == DeliveryState.UNCONFIRMED)
        status = self._detail.workflow_status if self._detail is not None else None
        self.submit_button.setVisible(status == PostStatus.DRAFT)
        self.approve_button.setVisible(status in (PostStatus.DRAFT, PostStatus.IN_REVIEW))
        self.send_back_button.setVisible(status == PostStatus.IN_REVIEW)
        pending = self._detail is not None and any(
            d.state
            in (
                DeliveryState.DRAFT,
                DeliveryState.IN_REVIEW,
                DeliveryState.APPROVED,
                DeliveryState.SCHEDULED,
                DeliveryState.FAILED,
            )
            for d in self._detail.deliveries
        )
        self.cancel_button.setVisible(pending)
        self.edit_button.setVisible(pending)

    def _step(self, step: str, comment: str | None = None) -> None:
        if self._detail is None:
            return
        post_id = self._detail.id
        posts = self._services.posts
        work = {
            "submit": lambda: posts.submit(post_id, comment),
            "approve": lambda: posts.approve(post_id, comment),
            "send_back": lambda: posts.send_back(post_id, comment or ""),
            "cancel": lambda: posts.cancel(post_id),
        }[step]
        self._tasks.run(
            work,
            on_done=lambda _detail: self._after_change(post_id),
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _after_change(self, post_id: int) -> None:
        self.changes_applied.emit()
        if post_id == self._selected:
            self._load_detail(post_id)

    def _on_send_back_clicked(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Send back"), self.tr("What should the author change?"))
        if ok and text.strip():
            self._step("send_back", text)

    def _on_cancel_clicked(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Cancel post"),
            self.tr(
                "Cancel this post on every channel it has not reached yet? Copies a network holds for later are "
                "withdrawn there too. What is published stays published."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._step("cancel")

    def _on_edit_clicked(self) -> None:
        if self._detail is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Edit text"), self.tr("Text of the post (Markdown):"), self._detail.body
        )
        if ok:
            self.edit_text(text)

    def edit_text(self, text: str) -> None:
        if self._detail is None:
            return
        post_id = self._detail.id
        self._tasks.run(
            lambda: self._services.posts.edit(post_id, text),
            on_done=lambda _detail: self._after_change(post_id),
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _on_comment_entered(self) -> None:
        text = self.comment_edit.text().strip()
        if not text or self._detail is None:
            return
        post_id = self._detail.id
        self._tasks.run(
            lambda: self._services.posts.comment(post_id, text),
            on_done=lambda _c: self._comment_added(post_id),
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _comment_added(self, post_id: int) -> None:
        self.comment_edit.clear()
        self._load_detail(post_id)

    def _on_match_clicked(self) -> None:
        current = self._current_delivery()
        if current is None:
            return
        url, ok = QInputDialog.getText(
            self,
            self.tr("It is there"),
            self.tr("Paste the address of the post on the network; Publisher records it as published:"),
        )
        if not ok or not url.strip():
            return
        delivery_id = current[0]
        self._tasks.run(
            lambda: self._services.posts.mark_published(delivery_id, url),
            on_done=lambda _info: self._after_change(self._selected or 0),
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _on_retry_clicked(self) -> None:
        current = self._current_delivery()
        if current is None:
            return
        delivery_id = current[0]
        self._tasks.run(
            lambda: self._services.posts.retry(delivery_id),
            on_done=lambda _info: self.changes_applied.emit(),
            on_failed=lambda exc: self._show_detail_error(describe_exception(exc)),
        )

    def _on_open_clicked(self, _index: QModelIndex | None = None) -> None:
        current = self._current_delivery()
        if current is not None and current[2]:
            QDesktopServices.openUrl(QUrl(current[2]))

    def _show_detail_error(self, text: str) -> None:
        self.detail_message.setText(text)
