"""Inbox: every reply, mention, comment and message from all channels; read the conversation, answer, triage.

The list is a lazy model over ids (:mod:`ui.views.inbox_model`); the conversation pane shows sanitised HTML inertly
(no remote resources, links never opened by a click, their real target shown); every core call runs on the pool.
Keys: J/K next/previous, R reply, E done, A assign, Ctrl+Return send.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.inbox import ChannelSyncReport, InboxDetail, InboxReplyInfo
from publisher.errors import PublisherError
from ui.errors import describe_exception, error_text
from ui.labels import local_datetime
from ui.tasks import TaskRunner
from ui.views.inbox_model import ITEM_ID_ROLE, SENTIMENT_SYMBOLS, InboxListModel, sentiment_name, status_name

if TYPE_CHECKING:
    from publisher.compose import Target
    from publisher.domain import PostDetail
    from publisher.services import Services
    from publisher.services.inbox import InboxFilter

SEARCH_DELAY_MS = 250
AUTO_SYNC_MS = 5 * 60 * 1000  # like `publisher run`


class InertBrowser(QTextBrowser):
    """Shows sanitised HTML without loading anything: no remote (or local) resources, links are not followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.requested: list[str] = []  # what the document asked to load (tests look at it)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # Remote (http/https) and every other resource alike: nothing is fetched, not even a tracking pixel.
        self.requested.append(name.toString() if isinstance(name, QUrl) else name)
        return None


class InboxView(QWidget):
    changes_applied = Signal()
    unread_count_changed = Signal(int)  # open, unread items: shown on the sidebar's Inbox entry

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._selected: int | None = None
        self._detail: InboxDetail | None = None
        self._target: Target | None = None
        self._target_for: str | None = None

        heading = QLabel(self.tr("Inbox"))
        heading.setObjectName("viewHeading")

        # filters
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open"), "open")
        self.status_filter.addItem(self.tr("Done"), "done")
        self.status_filter.addItem(self.tr("All"), None)
        self.channel_filter = QComboBox()
        self.channel_filter.addItem(self.tr("All channels"), None)
        self.sentiment_filter = QComboBox()
        self.sentiment_filter.addItem(self.tr("Any sentiment"), None)
        for label in ("negative", "neutral", "positive"):
            self.sentiment_filter.addItem(f"{SENTIMENT_SYMBOLS[label]} {sentiment_name(label)}", label)
        self.assignee_filter = QLineEdit()
        self.assignee_filter.setPlaceholderText(self.tr("Assigned to"))
        self.assignee_filter.setClearButtonEnabled(True)
        self.tag_filter = QLineEdit()
        self.tag_filter.setPlaceholderText(self.tr("Tag"))
        self.tag_filter.setClearButtonEnabled(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search messages and authors"))
        self.search.setClearButtonEnabled(True)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Fetch new replies, mentions, comments and messages from every channel"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        for combo in (self.status_filter, self.channel_filter, self.sentiment_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
        for edit in (self.assignee_filter, self.tag_filter, self.search):
            edit.textChanged.connect(self._on_filter_text_changed)
        self.sync_button.clicked.connect(self.sync_now)
        self._syncing = False
        self._auto_sync = QTimer(self)
        self._auto_sync.setInterval(AUTO_SYNC_MS)
        self._auto_sync.timeout.connect(self.sync_now)

        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.channel_filter)
        filters.addWidget(self.sentiment_filter)
        filters.addWidget(self.assignee_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.sync_button)

        # list
        self.model = InboxListModel(services, tasks, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        for col in range(len(InboxListModel.COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.count_label = QLabel()
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)
        self.sync_label.setTextFormat(Qt.TextFormat.PlainText)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)
        list_layout.addWidget(self.sync_label)

        # conversation pane
        self.detail_title = QLabel()
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)  # an author's name is never markup
        self.detail_title.setWordWrap(True)
        self.detail_meta = QLabel()
        self.detail_meta.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_meta.setWordWrap(True)
        self.conversation = InertBrowser()
        self.conversation.anchorClicked.connect(self._on_conversation_anchor_clicked)
        self.done_button = QPushButton(self.tr("Mark done (E)"))
        self.assign_button = QPushButton(self.tr("Assign… (A)"))
        self.tag_button = QPushButton(self.tr("Add tag…"))
        self.done_button.clicked.connect(self.toggle_done)
        self.assign_button.clicked.connect(self.assign_selected)
        self.tag_button.clicked.connect(self.tag_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.done_button)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.tag_button)
        actions.addStretch(1)

        self.reply_box = QPlainTextEdit()
        self.reply_box.setPlaceholderText(self.tr("Write a reply (R), send with Ctrl+Return"))
        self.reply_box.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.reply_box.textChanged.connect(self._update_counter)
        self.counter = QLabel()
        self.send_button = QPushButton(self.tr("Send reply"))
        self.send_button.setToolTip(self.tr("Send reply (Ctrl+Return)"))
        self.send_button.clicked.connect(self.send_reply)
        self.reply_error = QLabel()
        self.reply_error.setObjectName("replyError")
        self.reply_error.setWordWrap(True)
        self.reply_error.setTextFormat(Qt.TextFormat.PlainText)
        self.reply_error.setStyleSheet("color: #b3261e;")
        self.reply_error.hide()
        send_row = QHBoxLayout()
        send_row.addWidget(self.counter, 1)
        send_row.addWidget(self.send_button)

        self.detail_box = QWidget()
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_meta)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.conversation, 1)
        detail_layout.addWidget(self.reply_box)
        detail_layout.addWidget(self.reply_error)
        detail_layout.addLayout(send_row)
        self.empty_detail = QLabel(self.tr("Select a message to read the conversation and answer."))
        self.empty_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_detail.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_box, 1)
        right_layout.addWidget(self.empty_detail, 1)
        self.detail_box.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([840, 380])

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._shortcut("J", self.select_next)
        self._shortcut("K", self.select_previous)
        self._shortcut("E", self.toggle_done)
        self._shortcut("A", self.assign_selected)
        self._shortcut("R", self.focus_reply)
        self.reply_box.installEventFilter(self)  # Ctrl+Return sends (the text edit would take it as a newline)
        self._update_counter()
        self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reply_box and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event)
            if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                key.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.send_reply()
                return True
        return super().eventFilter(watched, event)

    def _size_columns(self) -> None:
        """Widths from the font and the translated headers (unread rows are bold), so nothing is cut off."""
        from datetime import UTC, datetime

        bold = self.table.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        header = self.table.horizontalHeader()
        samples = {
            0: "Mastodon",
            1: "Firstname L.",
            3: local_datetime(datetime(2026, 12, 28, 22, 58, tzinfo=UTC)),
            4: max(status_name("open"), status_name("done"), key=len),
            5: f"▲ {sentiment_name('positive')}",
            6: "Firstname",
        }
        for col, sample in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 20) + 12
            header.resizeSection(col, width)

    def _shortcut(self, key: str, slot: Any) -> None:
        # Single letters act in the list and the pane, never while typing in a text field.
        for widget in (self.table, self.conversation):
            shortcut = QShortcut(QKeySequence(key), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- loading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Channels for the filter, the list and the unread count again."""
        self._tasks.run(self._services.inbox.inbox_channels, on_done=self._on_channels_loaded)
        self._apply_filter()
        self.refresh_unread()
        if not self._auto_sync.isActive():
            self._auto_sync.start()

    def refresh_unread(self) -> None:
        self._tasks.run(self._services.inbox.unread_counts, on_done=self._on_unread_loaded)

    def _on_unread_loaded(self, counts: dict[str, int]) -> None:
        self.unread_count_changed.emit(sum(counts.values()))

    def _on_channels_loaded(self, names: list[str]) -> None:
        current = self.channel_filter.currentData()
        self.channel_filter.blockSignals(True)
        self.channel_filter.clear()
        self.channel_filter.addItem(self.tr("All channels"), None)
        for name in names:
            self.channel_filter.addItem(name, name)
        index = self.channel_filter.findData(current)
        self.channel_filter.setCurrentIndex(max(index, 0))
        self.channel_filter.blockSignals(False)

    def current_filter(self) -> InboxFilter:
        from publisher.services.inbox import InboxFilter

        return InboxFilter(
            status=self.status_filter.currentData(),
            channel=self.channel_filter.currentData(),
            sentiment=self.sentiment_filter.currentData(),
            assignee=self.assignee_filter.text().strip() or None,
            tag=self.tag_filter.text().strip() or None,
            query=self.search.text().strip() or None,
        )

    def _on_filter_text_changed(self, _text: str) -> None:
        self._search_timer.start()  # debounced: one query when typing pauses

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        # A column that says the same on every row (the filter's value) gives its room to the message.
        self.table.setColumnHidden(InboxListModel.COLUMNS.index("status"), flt.status is not None)
        self.table.setColumnHidden(InboxListModel.COLUMNS.index("channel"), flt.channel is not None)
        self.model.set_filter(flt)

    def _on_model_reset(self) -> None:
        self._update_count()
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row is not None:
                self.table.selectRow(row)
                return
        self._show_detail(None)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n message(s)", "", self.model.total()))

    # -- selection --------------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        return self._selected

    def select_item(self, item_id: int) -> None:
        while self.model.row_of(item_id) is None and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        row = self.model.row_of(item_id)
        if row is not None:
            self.table.selectRow(row)

    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_next(self) -> None:
        row = self._current_row() + 1
        if row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if row < self.model.rowCount():
            self.table.selectRow(row)

    def select_previous(self) -> None:
        row = self._current_row()
        if row > 0:
            self.table.selectRow(row - 1)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        item_id = rows[0].data(ITEM_ID_ROLE) if rows else None
        if item_id == self._selected and self._detail is not None:
            return
        if item_id != self._selected:
            self.reply_box.clear()
            self.reply_error.hide()
        self._selected = item_id
        self.load_detail()

    def load_detail(self) -> None:
        item_id = self._selected
        if item_id is None:
            self._show_detail(None)
            return
        services = self._services

        def fetch() -> tuple[InboxDetail, PostDetail | None, Target | None]:
            detail = services.inbox.get(item_id)
            post = services.posts.get(detail.post_id) if detail.post_id is not None else None
            try:
                targets = services.compose.targets(channels=[detail.row.channel])
            except PublisherError:  # the channel is gone: the pane still shows the item, the counter counts only
                targets = []
            if detail.row.unread:
                services.inbox.mark_read([item_id])
            return detail, post, targets[0] if targets else None

        self._tasks.run(fetch, on_done=self._on_detail_loaded, on_failed=self._on_detail_failed)

    def _on_detail_loaded(self, result: tuple[InboxDetail, PostDetail | None, Target | None]) -> None:
        detail, post, target = result
        if detail.row.id != self._selected:
            return
        self._target = target
        if detail.row.unread:
            self.model.refresh_rows([detail.row.id])
            self.refresh_unread()
        self._show_detail(detail, post)

    def _on_detail_failed(self, exc: Exception) -> None:
        self._show_detail(None)
        self.sync_label.setText(describe_exception(exc))

    def _show_detail(self, detail: InboxDetail | None, post: PostDetail | None = None) -> None:
        self._detail = detail
        self.detail_box.setVisible(detail is not None)
        self.empty_detail.setVisible(detail is None)
        if detail is None:
            self.conversation.clear()
            return
        row = detail.row
        self.detail_title.setText(f"{row.author_name} ({row.author})" if row.author_name else row.author)
        meta = [row.channel, local_datetime(row.received_at), status_name(row.status)]
        meta.append(f"{SENTIMENT_SYMBOLS.get(row.sentiment, '')} {sentiment_name(row.sentiment)}")
        if row.assignee:
            meta.append(self.tr("assigned to %1").replace("%1", row.assignee))
        if detail.tags:
            meta.append(self.tr("tags: %1").replace("%1", ", ".join(detail.tags)))
        if detail.campaign:
            meta.append(self.tr("campaign: %1").replace("%1", detail.campaign))
        self.detail_meta.setText(" · ".join(meta))
        self.done_button.setText(self.tr("Reopen (E)") if row.status == "done" else self.tr("Mark done (E)"))
        self.conversation.setHtml(self._conversation_html(detail, post))
        self._update_counter()

    def _conversation_html(self, detail: InboxDetail, post: PostDetail | None) -> str:
        esc = html.escape
        parts: list[str] = []
        our_post, our_reply, on_network = self.tr("Our post"), self.tr("Our reply"), self.tr("On the network:")
        if post is not None:
            parts.append(f"<p><b>{esc(our_post)}</b></p>")
            parts.append(f"<blockquote>{esc(post.body).replace(chr(10), '<br>')}</blockquote><hr>")
        events: list[tuple[Any, str]] = []
        for item in detail.thread:
            who = esc(item.author_name or item.author)
            when = esc(local_datetime(item.received_at))
            if item.id == detail.row.id:
                body = detail.html or esc(detail.full_text).replace("\n", "<br>")
                block = f"<p><b>{who}</b> <small>{when}</small></p><div style='background:#fff6d5;'>{body}</div>"
            else:
                block = f"<p><b>{who}</b> <small>{when}</small></p><p>{esc(item.text).replace(chr(10), '<br>')}</p>"
            events.append((item.received_at, block))
        if not any(item.id == detail.row.id for item in detail.thread):
            body = detail.html or esc(detail.full_text).replace("\n", "<br>")
            events.append((detail.row.received_at, f"<p><b>{esc(detail.row.author)}</b></p>{body}"))
        for reply in detail.replies:
            state = self._reply_state(reply)
            text = esc(reply.text).replace("\n", "<br>")
            events.append(
                (
                    reply.sent_at or reply.created_at,
                    f"<p><b>{esc(our_reply)}</b> <small>{esc(state)}</small></p>"
                    f"<p style='margin-left:12px;'>{text}</p>",
                )
            )
        events.sort(key=lambda e: e[0])
        parts.extend(block for _at, block in events)
        if detail.url:
            parts.append(f"<p><small>{esc(on_network)} {esc(detail.url)}</small></p>")
        return "".join(parts)

    def _reply_state(self, reply: InboxReplyInfo) -> str:
        if reply.state == "sent":
            return self.tr("sent %1").replace("%1", local_datetime(reply.sent_at))
        if reply.state == "failed":
            return self.tr("not sent: %1").replace("%1", error_text(reply.error_code or "", reply.error_params))
        return self.tr("sending…")

    def _on_conversation_anchor_clicked(self, url: QUrl) -> None:
        # Never opened from here: the target is shown so the user can judge it.
        self.sync_label.setText(self.tr("Link target: %1").replace("%1", url.toString()))

    # -- reply ------------------------------------------------------------------------------------------

    def focus_reply(self) -> None:
        if self._detail is not None:
            self.reply_box.setFocus()

    def _update_counter(self) -> None:
        text = self.reply_box.toPlainText()
        target = self._target
        if target is None:
            self.counter.setText(self.tr("%n character(s)", "", len(text)))
            return
        from publisher.compose import check_text

        result = check_text(text, target)
        if result.limit is None:
            self.counter.setText(self.tr("%n character(s)", "", result.length))
        else:
            counted = self.tr("%1 / %2").replace("%1", str(result.length)).replace("%2", str(result.limit))
            self.counter.setText(counted)
            self.counter.setStyleSheet("color: #b3261e;" if result.length > result.limit else "")

    def send_reply(self) -> None:
        item_id = self._selected
        text = self.reply_box.toPlainText()
        if item_id is None:
            return
        if not text.strip():
            self._show_reply_error(error_text("inbox.reply_empty"))
            return
        self.send_button.setEnabled(False)
        self.reply_error.hide()
        self._tasks.run(
            lambda: self._services.inbox.reply(item_id, text),
            on_done=lambda info: self._on_reply_sent(item_id, text, info),
            on_failed=self._on_reply_failed,
        )

    def _on_reply_sent(self, item_id: int, text: str, _info: InboxReplyInfo) -> None:
        self.send_button.setEnabled(True)
        if self._selected == item_id and self.reply_box.toPlainText() == text:
            self.reply_box.clear()
        self.sync_label.setText(self.tr("Reply sent."))
        self.load_detail()
        self.model.refresh_rows([item_id])

    def _on_reply_failed(self, exc: Exception) -> None:
        self.send_button.setEnabled(True)
        self._show_reply_error(describe_exception(exc))  # the text stays in the box
        self.load_detail()

    def _show_reply_error(self, message: str) -> None:
        self.reply_error.setText(message)
        self.reply_error.show()

    # -- triage -----------------------------------------------------------------------------------------

    def _after_change(self, ids: list[int]) -> None:
        self.model.refresh_rows(ids)
        self.load_detail()
        self.refresh_unread()

    def _on_action_failed(self, exc: Exception) -> None:
        self.sync_label.setText(describe_exception(exc))

    def toggle_done(self) -> None:
        item_id = self._selected
        if item_id is None:
            return
        row = self.model.summary(item_id)
        status = "open" if row is not None and row.status == "done" else "done"
        self._tasks.run(
            lambda: self._services.inbox.set_status([item_id], status),
            on_done=lambda _ids: self._on_status_set(item_id, status),
            on_failed=self._on_action_failed,
        )

    def _on_status_set(self, item_id: int, status: str) -> None:
        self._after_change([item_id])
        if status == "done" and self._selected == item_id:
            self.select_next()

    def assign_selected(self) -> None:
        item_id = self._selected
        if item_id is None:
            return
        row = self.model.summary(item_id)
        name, ok = QInputDialog.getText(
            self,
            self.tr("Assign"),
            self.tr("Assign to (empty for nobody):"),
            QLineEdit.EchoMode.Normal,
            (row.assignee if row is not None else None) or "",
        )
        if not ok:
            return
        assignee = name.strip() or None
        self._tasks.run(
            lambda: self._services.inbox.assign([item_id], assignee),
            on_done=lambda _ids: self._after_change([item_id]),
            on_failed=self._on_action_failed,
        )

    def tag_selected(self) -> None:
        item_id = self._selected
        if item_id is None:
            return
        tag, ok = QInputDialog.getText(self, self.tr("Add tag"), self.tr("Tag:"))
        if not ok or not tag.strip():
            return
        self._tasks.run(
            lambda: self._services.inbox.tag([item_id], tag.strip()),
            on_done=lambda _ids: self._after_change([item_id]),
            on_failed=self._on_action_failed,
        )

    # -- sync -------------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.sync_button.setEnabled(False)
        self.sync_label.setText(self.tr("Syncing…"))
        self._tasks.run(self._services.inbox.sync, on_done=self._on_synced, on_failed=self._on_sync_failed)

    def _on_synced(self, reports: list[ChannelSyncReport]) -> None:
        self._syncing = False
        self.sync_button.setEnabled(True)
        if not reports:
            self.sync_label.setText(self.tr("No channel with an inbox is connected."))
        else:
            lines = []
            for report in reports:
                if report.error_code:
                    lines.append(f"{report.channel}: {error_text(report.error_code, report.error_params)}")
                else:
                    lines.append(
                        f"{report.channel}: "
                        + self.tr("%1 new, %2 updated")
                        .replace("%1", str(report.new))
                        .replace("%2", str(report.updated))
                    )
            self.sync_label.setText("\n".join(lines))
        self.refresh()

    def _on_sync_failed(self, exc: Exception) -> None:
        self._syncing = False
        self.sync_button.setEnabled(True)
        self.sync_label.setText(describe_exception(exc))
