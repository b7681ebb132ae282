"""Inbox: every reply, mention, comment and message from all channels; read the conversation, answer, triage.

The list is a lazy model over ids (:mod:`ui.views.inbox_model`); the conversation pane shows sanitised HTML inertly
(no remote resources, links never opened by a click, their real target shown); every core call runs on the pool.
Keys: J/K next/previous, R reply, E done, A assign, Ctrl+Return send.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
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
    from publisher.domain.brand import BrandProfile
    from publisher.domain.problems import Fix, Problem
    from publisher.domain.saved_replies import SavedReplyInfo
    from publisher.services import Services
    from publisher.services.inbox import InboxFilter

SEARCH_DELAY_MS = 250
AUTO_SYNC_MS = 5 * 60 * 1000  # like `publisher run`
ARRIVALS_MS = 60 * 1000  # how often to look for news synced by another process (`publisher run`, a teammate)
DATE_RANGES = ("any", "day", "week", "month", "custom")


def kind_name(kind: str) -> str:
    names = {
        "reply": QCoreApplication.translate("inbox", "Replies"),
        "mention": QCoreApplication.translate("inbox", "Mentions"),
        "comment": QCoreApplication.translate("inbox", "Comments"),
        "message": QCoreApplication.translate("inbox", "Direct messages"),
    }
    return names.get(kind, kind)


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
    arrived = Signal(int, list)  # how many new messages of the notified kinds, the newest few (InboxRow)
    contact_requested = Signal(int)  # an inbox item id: show the person behind it

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._selected: int | None = None
        self._detail: InboxDetail | None = None
        self._target: Target | None = None
        self._target_for: str | None = None
        self._brand: BrandProfile | None = None
        self._saved: list[SavedReplyInfo] = []
        self._watermark: int | None = None  # the newest item id already announced; None until first read
        self._people: list[str] = []
        self._known_channels: set[str] = set()  # inbox channels seen so far: a new one is synced at once
        self._brand_blocks = False
        self._pending_show: int | None = None  # a message to bring into the list once it has loaded
        self._sending = False
        self._me: str | None = None

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
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in ("reply", "mention", "comment", "message"):
            self.kind_filter.addItem(kind_name(kind), kind)
        self.campaign_filter = QComboBox()
        self.campaign_filter.addItem(self.tr("All campaigns"), None)
        self.assignee_filter = QComboBox()
        self._fill_assignees([])
        self.date_filter = QComboBox()
        for key, label in zip(
            DATE_RANGES,
            (
                self.tr("Any time"),
                self.tr("Last 24 hours"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Between…"),
            ),
            strict=True,
        ):
            self.date_filter.addItem(label, key)
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-7))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setVisible(False)
            edit.dateChanged.connect(self._apply_filter)
        self.since_edit.setToolTip(self.tr("Received on or after this day"))
        self.until_edit.setToolTip(self.tr("Received on or before this day"))
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
        for combo in (
            self.status_filter,
            self.channel_filter,
            self.kind_filter,
            self.sentiment_filter,
            self.campaign_filter,
            self.assignee_filter,
            self.date_filter,
        ):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_filter)
        self.date_filter.currentIndexChanged.connect(self._on_date_range_changed)
        for text_filter in (self.tag_filter, self.search):
            text_filter.textChanged.connect(self._on_filter_text_changed)
        self.sync_button.clicked.connect(self.sync_now)
        self._syncing = False
        self._auto_sync = QTimer(self)
        self._auto_sync.setInterval(AUTO_SYNC_MS)
        self._auto_sync.timeout.connect(self.sync_now)
        self._arrivals_timer = QTimer(self)
        self._arrivals_timer.setInterval(ARRIVALS_MS)
        self._arrivals_timer.timeout.connect(self.check_arrivals)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.since_edit)  # shown for "Between…": here the search field makes room for them
        search_row.addWidget(self.until_edit)
        search_row.addWidget(self.sync_button)
        filter_row = QHBoxLayout()
        for widget in (
            self.status_filter,
            self.channel_filter,
            self.kind_filter,
            self.sentiment_filter,
            self.campaign_filter,
            self.assignee_filter,
            self.tag_filter,
            self.date_filter,
        ):
            filter_row.addWidget(widget)
        filter_row.addStretch(1)
        filters = QVBoxLayout()
        filters.addLayout(search_row)
        filters.addLayout(filter_row)

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
        self.contact_button = QPushButton(self.tr("Contact…"))
        self.contact_button.setToolTip(self.tr("The person behind this message: their history, tags and notes"))
        self.done_button.clicked.connect(self.toggle_done)
        self.assign_button.clicked.connect(self.assign_selected)
        self.tag_button.clicked.connect(self.tag_selected)
        self.contact_button.clicked.connect(self._on_contact_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.done_button)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.tag_button)
        actions.addWidget(self.contact_button)
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
        self.brand_problems = QWidget()
        self.brand_problems_layout = QVBoxLayout(self.brand_problems)
        self.brand_problems_layout.setContentsMargins(0, 0, 0, 0)
        self.brand_problems.hide()
        self.saved_button = QToolButton()
        self.saved_button.setText(self.tr("Saved replies"))
        self.saved_button.setToolTip(self.tr("Insert a saved reply; {name} and the other placeholders are filled in"))
        self.saved_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.saved_menu = QMenu(self.saved_button)
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.saved_button.setMenu(self.saved_menu)
        send_row = QHBoxLayout()
        send_row.addWidget(self.saved_button)
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
        detail_layout.addWidget(self.brand_problems)
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
        """Channels, campaigns and teammates for the filters, the list, the unread count, saved replies and the
        brand profile again."""
        services = self._services

        def choices() -> tuple[list[str], list[str], list[str], str]:
            people = [u.name for u in services.workspace.users()]
            return services.inbox.inbox_channels(), services.inbox.campaigns(), people, services.actor

        self._tasks.run(choices, on_done=self._on_choices_loaded)
        self._tasks.run(lambda: (services.saved_replies.list(), services.brands.default()), on_done=self._on_aids)
        self._apply_filter()
        self.refresh_unread()
        self.check_arrivals()
        if not self._auto_sync.isActive():
            self._auto_sync.start()
        if not self._arrivals_timer.isActive():
            self._arrivals_timer.start()

    def refresh_unread(self) -> None:
        self._tasks.run(self._services.inbox.unread_counts, on_done=self._on_unread_loaded)

    def _on_unread_loaded(self, counts: dict[str, int]) -> None:
        self.unread_count_changed.emit(sum(counts.values()))

    def _on_choices_loaded(self, loaded: tuple[list[str], list[str], list[str], str]) -> None:
        channels, campaigns, people, me = loaded
        self._people, self._me = people, me
        fresh = set(channels) - self._known_channels
        self._known_channels = set(channels)
        if fresh:
            self.sync_now()  # a channel just connected (or the window just opened): its back-fill starts now
        _refill(self.channel_filter, self.tr("All channels"), [(name, name) for name in channels])
        _refill(self.campaign_filter, self.tr("All campaigns"), [(name, name) for name in campaigns])
        self._fill_assignees(people, me)

    def _fill_assignees(self, people: list[str], me: str | None = None) -> None:
        entries = [(self.tr("Unassigned"), "")]
        if me:
            entries.append((self.tr("Me (%1)").replace("%1", me), me))
        entries += [(name, name) for name in people if name != me]
        _refill(self.assignee_filter, self.tr("Anyone"), entries)

    def _on_aids(self, loaded: tuple[list[SavedReplyInfo], BrandProfile | None]) -> None:
        self._saved, self._brand = loaded
        self._update_counter()

    def current_filter(self) -> InboxFilter:
        from publisher.services.inbox import InboxFilter

        since, until = self._date_range()
        return InboxFilter(
            status=self.status_filter.currentData(),
            channel=self.channel_filter.currentData(),
            kind=self.kind_filter.currentData(),
            sentiment=self.sentiment_filter.currentData(),
            campaign=self.campaign_filter.currentData(),
            assignee=self.assignee_filter.currentData(),
            tag=self.tag_filter.text().strip() or None,
            since=since,
            until=until,
            query=self.search.text().strip() or None,
        )

    def _date_range(self) -> tuple[datetime | None, datetime | None]:
        key = self.date_filter.currentData()
        now = datetime.now(UTC)
        if key == "day":
            return now - timedelta(days=1), None
        if key == "week":
            return now - timedelta(days=7), None
        if key == "month":
            return now - timedelta(days=30), None
        if key == "custom":
            first, last = self.since_edit.date(), self.until_edit.date()
            if last < first:
                first, last = last, first
            from publisher.timezones import local_zone_name, zone

            local = zone(local_zone_name())
            start = datetime(first.year(), first.month(), first.day(), tzinfo=local)
            end = datetime(last.year(), last.month(), last.day(), tzinfo=local) + timedelta(days=1)
            return start, end
        return None, None

    def _on_date_range_changed(self) -> None:
        custom = self.date_filter.currentData() == "custom"
        self.since_edit.setVisible(custom)
        self.until_edit.setVisible(custom)

    def _on_filter_text_changed(self, _text: str) -> None:
        self._search_timer.start()  # debounced: one query when typing pauses

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def _hide_constant_columns(self) -> None:
        # A column that says the same on every row (the filter's value) gives its room to the message; done when
        # the new rows are in, so the old ones are not painted once more in the new layout.
        flt = self.model.current_filter()
        self.table.setColumnHidden(InboxListModel.COLUMNS.index("status"), flt is not None and flt.status is not None)
        self.table.setColumnHidden(InboxListModel.COLUMNS.index("channel"), flt is not None and flt.channel is not None)

    def _on_model_reset(self) -> None:
        self._hide_constant_columns()
        self._update_count()
        if self._pending_show is not None:
            wanted, self._pending_show = self._pending_show, None
            self.select_item(wanted)
        if self._selected is not None:
            row = self.model.row_of(self._selected)
            if row is not None:
                self.table.selectRow(row)
                return
            if not self.model.is_complete():
                return  # only the first rows are in: the selected message may come with the rest
        self._show_detail(None)

    def _update_count(self) -> None:
        if self.model.is_complete():
            self.count_label.setText(self.tr("%n message(s)", "", self.model.total()))
        else:
            self.count_label.setText(self.tr("Counting messages…"))

    # -- selection --------------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        return self._selected

    def show_item(self, item_id: int) -> None:
        """Select this message, clearing the filters (kept: nothing) so that it is in the list."""
        self._selected = item_id
        self._pending_show = item_id
        self._detail = None
        combos = (
            self.channel_filter,
            self.kind_filter,
            self.sentiment_filter,
            self.campaign_filter,
            self.assignee_filter,
            self.date_filter,
        )
        texts = (self.tag_filter, self.search)
        for widget in (self.status_filter, *combos, *texts):
            widget.blockSignals(True)
        for combo in combos:
            combo.setCurrentIndex(0)  # "All …", "Anyone", "Any time"
        for text_filter in texts:
            text_filter.clear()
        self.status_filter.setCurrentIndex(self.status_filter.findData(None))  # "All": a done one shows too
        for widget in (self.status_filter, *combos, *texts):
            widget.blockSignals(False)
        self._on_date_range_changed()
        self._apply_filter()  # the reset selects it once the ids are in

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
        mood = f"{SENTIMENT_SYMBOLS.get(row.sentiment, '')} {sentiment_name(row.sentiment)}"
        if detail.sentiment_words:  # the words that tipped it: the judgement can be checked at a glance
            mood += f" ({', '.join(detail.sentiment_words)})"
        meta.append(mood)
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
            self._show_brand_problems(())
            return
        from publisher.compose import check_reply

        result = check_reply(text, target, brand=self._brand)
        if result.limit is None:
            self.counter.setText(self.tr("%n character(s)", "", result.length))
        else:
            counted = self.tr("%1 / %2").replace("%1", str(result.length)).replace("%2", str(result.limit))
            self.counter.setText(counted)
            self.counter.setStyleSheet("color: #b3261e;" if result.length > result.limit else "")
        self._show_brand_problems(result.problems if text.strip() else ())

    def _show_brand_problems(self, problems: Sequence[Problem]) -> None:
        """The brand check's findings under the reply box, with a button for each mechanical fix. A finding
        that blocks publishing also blocks sending (the length is checked by the counter and the network)."""
        from publisher.domain.problems import Severity
        from ui.errors import problem_text
        from ui.views.preview import FIXABLE, fix_label, problem_icon

        shown = [p for p in problems if p.code.startswith("brand.")]
        layout = self.brand_problems_layout
        while layout.count():
            child = layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        blocking = False
        for problem in shown:
            error = problem.severity == Severity.ERROR
            blocking = blocking or error
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            icon = problem_icon(error, self.tr("Blocks sending") if error else self.tr("Warning"))
            message = QLabel(problem_text(problem.code, problem.params))
            message.setWordWrap(True)
            message.setTextFormat(Qt.TextFormat.PlainText)
            row_layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(message, 1)
            if problem.fix is not None and problem.fix.code in FIXABLE:
                button = QPushButton(fix_label(problem.fix))
                fix = problem.fix
                button.clicked.connect(lambda _checked=False, fix=fix: self._apply_fix(fix))
                row_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(row)
        self.brand_problems.setVisible(bool(shown))
        self._brand_blocks = blocking
        self.send_button.setEnabled(not blocking and not self._sending)
        self.send_button.setToolTip(
            self.tr("Fix the problems that block sending first") if blocking else self.tr("Send reply (Ctrl+Return)")
        )

    def _apply_fix(self, fix: Fix) -> None:
        from publisher.domain.brand import apply_fix

        self.reply_box.setPlainText(apply_fix(self.reply_box.toPlainText(), fix))

    def send_reply(self) -> None:
        item_id = self._selected
        text = self.reply_box.toPlainText()
        if item_id is None:
            return
        if not text.strip():
            self._show_reply_error(error_text("inbox.reply_empty"))
            return
        if self._brand_blocks or self._sending:
            return  # the marked problems say what to change; a reply already on its way is not sent twice
        self._sending = True
        self.send_button.setEnabled(False)
        self.reply_error.hide()
        self._tasks.run(
            lambda: self._services.inbox.reply(item_id, text),
            on_done=lambda info: self._on_reply_sent(item_id, text, info),
            on_failed=self._on_reply_failed,
        )

    def _on_reply_sent(self, item_id: int, text: str, _info: InboxReplyInfo) -> None:
        self._sending = False
        self.send_button.setEnabled(not self._brand_blocks)
        if self._selected == item_id and self.reply_box.toPlainText() == text:
            self.reply_box.clear()
        self.sync_label.setText(self.tr("Reply sent."))
        self.load_detail()
        self.model.refresh_rows([item_id])

    def _on_reply_failed(self, exc: Exception) -> None:
        self._sending = False
        self.send_button.setEnabled(not self._brand_blocks)
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
        current = (row.assignee if row is not None else None) or ""
        nobody = self.tr("Nobody")
        people = list(dict.fromkeys(([self._me] if self._me else []) + self._people))
        if current and current not in people:
            people.append(current)
        choices = [nobody, *people]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Assign"),
            self.tr("Assign this message to a teammate (or type a login name):"),
            choices,
            choices.index(current) if current in choices else 0,
            True,
        )
        if not ok:
            return
        assignee = None if name == nobody else name.strip() or None
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

    def _on_contact_clicked(self) -> None:
        if self._selected is not None:
            self.contact_requested.emit(self._selected)

    # -- saved replies ----------------------------------------------------------------------------------

    def _fill_saved_menu(self) -> None:
        self.saved_menu.clear()
        for saved in self._saved:
            action = self.saved_menu.addAction(saved.title.replace("&", "&&"))
            action.setToolTip(saved.body)
            action.triggered.connect(lambda _checked=False, ref=saved.id: self.insert_saved_reply(ref))
        if not self._saved:
            empty = self.saved_menu.addAction(self.tr("No saved replies yet"))
            empty.setEnabled(False)
        self.saved_menu.addSeparator()
        keep = self.saved_menu.addAction(self.tr("Save this reply for later…"))
        keep.setEnabled(bool(self.reply_box.toPlainText().strip()))
        keep.triggered.connect(self.save_current_reply)
        manage = self.saved_menu.addAction(self.tr("Manage saved replies…"))
        manage.triggered.connect(self.manage_saved_replies)

    def insert_saved_reply(self, ref: int) -> None:
        """The saved reply, its placeholders filled in for the selected message, at the cursor in the reply box."""
        item_id = self._selected
        if item_id is None:
            return
        self._tasks.run(
            lambda: self._services.saved_replies.render(ref, item_id),
            on_done=lambda text: self._on_saved_rendered(item_id, text),
            on_failed=self._on_saved_failed,
        )

    def _on_saved_rendered(self, item_id: int, text: str) -> None:
        if self._selected != item_id:
            return
        self.reply_error.hide()
        self.reply_box.insertPlainText(text)
        self.reply_box.setFocus()

    def _on_saved_failed(self, exc: Exception) -> None:
        self._show_reply_error(describe_exception(exc))

    def save_current_reply(self) -> None:
        from ui.views.saved_replies import SavedRepliesDialog

        dialog = SavedRepliesDialog(self._services, self._tasks, self, body=self.reply_box.toPlainText())
        dialog.finished.connect(lambda _result: self._reload_saved())
        dialog.open()

    def manage_saved_replies(self) -> None:
        from ui.views.saved_replies import SavedRepliesDialog

        dialog = SavedRepliesDialog(self._services, self._tasks, self)
        dialog.finished.connect(lambda _result: self._reload_saved())
        dialog.open()

    def _reload_saved(self) -> None:
        self._tasks.run(self._services.saved_replies.list, on_done=self._on_saved_loaded)

    def _on_saved_loaded(self, saved: list[SavedReplyInfo]) -> None:
        self._saved = saved

    # -- notifications -----------------------------------------------------------------------------------

    def check_arrivals(self) -> None:
        """Look for messages of the notified kinds that came in since the last look (whoever synced them)."""
        from ui.preferences import notified_kinds

        services, after, kinds = self._services, self._watermark, notified_kinds()
        if after is None or not kinds:  # nothing to announce: only move the mark, so turning it on is not a flood
            self._tasks.run(services.inbox.latest_id, on_done=self._on_watermark)
            return
        self._tasks.run(lambda: services.inbox.arrivals(after, kinds), on_done=self._on_arrivals)

    def _on_watermark(self, newest: int) -> None:
        # What was there before the window opened (or while notifications were off) is not news.
        self._watermark = max(newest, self._watermark or 0)

    def _on_arrivals(self, result: tuple[int, int, list[Any]]) -> None:
        newest, count, rows = result
        if self._watermark is not None and newest <= self._watermark:
            return
        self._watermark = newest
        if count:
            self.arrived.emit(count, rows)
            self.refresh_unread()

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


def _refill(combo: QComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
    """Replace a filter's choices, keeping the current one where it is still offered (without a new query)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value in entries:
        combo.addItem(label, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if current is not None and index < 0:
        combo.currentIndexChanged.emit(0)  # what it filtered by is gone: show everything again
