"""Contacts: the people behind inbox messages. Find them by name or handle (and tag), see every handle they write
from and everything they wrote, keep tags and notes, merge the handles of one person across networks, split a
handle off again.

The list is a lazy model over contact ids (like the inbox); the contact's pane loads on the task runner. Activating
a message in the history emits :attr:`ContactsView.open_item` with the inbox item's id.
Keys: Ctrl+F search, Ctrl+M merge with…, Ctrl+S save notes, F2 rename, Enter on a message opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.contacts import MAX_NOTES_CHARS, ContactDetail, ContactRow
from ui.errors import describe_exception
from ui.labels import local_datetime
from ui.tasks import TaskRunner
from ui.views.lazy_model import LazyIdModel
from ui.views.preview import NETWORK_NAMES

if TYPE_CHECKING:
    from publisher.services import Services

SEARCH_DELAY_MS = 250
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def network_name(kind: str) -> str:
    return NETWORK_NAMES.get(kind, kind)


def message_kind_name(kind: str) -> str:
    names = {
        "reply": QCoreApplication.translate("contacts", "Reply"),
        "mention": QCoreApplication.translate("contacts", "Mention"),
        "comment": QCoreApplication.translate("contacts", "Comment"),
        "message": QCoreApplication.translate("contacts", "Direct message"),
    }
    return names.get(kind, kind)


def message_status_name(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("contacts", "Open"),
        "done": QCoreApplication.translate("contacts", "Done"),
    }
    return names.get(status, status)


def _handles_text(row: ContactRow) -> str:
    return ", ".join(f"{h.handle} ({network_name(h.channel_kind)})" for h in row.handles)


class ContactListModel(LazyIdModel[ContactRow]):
    """Contacts (a merged group is one row), most recently heard from first; rows load lazily."""

    COLUMNS = ("name", "handles", "messages")

    def __init__(self, services: Services, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(tasks, parent)
        self._services = services
        self._query: str | None = None
        self._tag: str | None = None

    def set_filter(self, query: str | None, tag: str | None) -> None:
        self._query, self._tag = query, tag
        self.reload()

    def fetch_ids(self) -> Callable[[], list[int]]:
        query, tag = self._query, self._tag
        return lambda: self._services.contacts.ids(query, tag=tag)

    def fetch_rows(self, ids: Sequence[int]) -> list[ContactRow]:
        return self._services.contacts.rows(list(ids))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Name"), self.tr("Handles"), self.tr("Messages"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        contact_id = self._ids[index.row()]
        if role == CONTACT_ID_ROLE:
            return contact_id
        row = self._rows.get(contact_id)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(contact_id)
                return "…" if index.column() == 0 else ""
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return row.name
            if column == "handles":
                return _handles_text(row)
            return str(row.message_count)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.name, _handles_text(row)]
            if row.tags:
                lines.append(self.tr("Tags: %1").replace("%1", ", ".join(row.tags)))
            if row.last_seen is not None:
                lines.append(self.tr("Last message: %1").replace("%1", local_datetime(row.last_seen)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "messages":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MergeContactDialog(QDialog):
    """Pick the contact to merge with: a search field over a list of contacts (the current one left out)."""

    def __init__(
        self, services: Services, tasks: TaskRunner, contact: ContactDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._contact = contact
        self._generation = 0
        self.setWindowTitle(self.tr("Merge with…"))
        intro = QLabel(
            self.tr(
                "Choose the contact that is the same person as %1. Their handles, messages, tags and notes are "
                "shown together from then on; you can split a handle off again at any time."
            ).replace("%1", contact.name)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or handle"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Merge"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)  # Return or Down: go to the list (a second Return merges)
        self.list.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.list.activated.connect(lambda _index: self.accept())
        self.resize(460, 420)
        self.load()

    def load(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        query = self.search.text().strip() or None
        self._tasks.run(
            lambda: self._services.contacts.list(query, limit=200),
            on_done=lambda rows: self._on_loaded(generation, rows),
            on_failed=lambda exc: self.empty.setText(describe_exception(exc)),
        )

    def _on_loaded(self, generation: int, rows: list[ContactRow]) -> None:
        if generation != self._generation:
            return
        own = {h.id for h in self._contact.handles} | {self._contact.id}
        self.model.clear()
        for row in rows:
            if row.id in own:
                continue
            item = QStandardItem(f"{row.name} — {_handles_text(row)}")
            item.setData(row.id, CONTACT_ID_ROLE)
            item.setToolTip(self.tr("%n message(s)", "", row.message_count))
            self.model.appendRow(item)
        self.empty.setText("" if self.model.rowCount() else self.tr("No other contact matches."))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.ok_button.setEnabled(self.chosen_id() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                if self.model.rowCount():
                    if self.chosen_id() is None:
                        self.list.setCurrentIndex(self.model.index(0, 0))
                    self.list.setFocus()
                return True  # never straight to "Merge" from the search field
        return super().eventFilter(watched, event)

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.ok_button.setEnabled(self.chosen_id() is not None)

    def chosen_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return int(rows[0].data(CONTACT_ID_ROLE)) if rows else None


class ContactsView(QWidget):
    """The Contacts page. ``open_item(item_id)`` asks the inbox to show a message; ``changes_applied`` tells the
    window a contact changed."""

    open_item = Signal(int)
    changes_applied = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True  # loaded when first shown
        self._services = services
        self._tasks = tasks
        self._selected: int | None = None
        self._detail: ContactDetail | None = None
        self.merge_dialog: MergeContactDialog | None = None

        heading = QLabel(self.tr("Contacts"))
        heading.setObjectName("viewHeading")

        # left: search, tag filter, list
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or handle"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_filter.addItem(self.tr("All tags"), None)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.tag_filter.currentIndexChanged.connect(self._apply_filter)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.tag_filter)

        self.model = ContactListModel(services, tasks, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("Firstname Lastname-Long") + 16)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.count_label = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        # right: the contact
        self.name_label = QLabel()
        self.name_label.setObjectName("detailTitle")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a name from the network is never markup
        self.name_label.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename… (F2)"))
        self.rename_button.clicked.connect(self.rename_contact)
        self.merge_button = QPushButton(self.tr("Merge with… (Ctrl+M)"))
        self.merge_button.setToolTip(self.tr("This person writes from another handle too: show them as one contact"))
        self.merge_button.clicked.connect(self.open_merge_dialog)
        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignTop)

        self.handles_model = QStandardItemModel(self)
        self.handles = QTableView()
        self.handles.setModel(self.handles_model)
        self.handles.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.handles.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.handles.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.handles.verticalHeader().hide()
        self.handles.setShowGrid(False)
        self.handles.setWordWrap(False)
        self.handles.selectionModel().selectionChanged.connect(self._update_split_button)
        self.split_button = QPushButton(self.tr("Split off"))
        self.split_button.setToolTip(self.tr("This handle is someone else: show it as a contact of its own again"))
        self.split_button.clicked.connect(self.split_off_selected)
        handles_label = QLabel(self.tr("Handles"))
        handles_row = QHBoxLayout()
        handles_row.addWidget(handles_label, 1)
        handles_row.addWidget(self.split_button)

        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("e.g. press, vip (separate tags with commas)"))
        self.tags_edit.returnPressed.connect(self.save_tags)
        self.tags_button = QPushButton(self.tr("Save tags"))
        self.tags_button.clicked.connect(self.save_tags)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.tags_button)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("What the team should know about this person"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.textChanged.connect(self._update_notes_state)
        self.notes_state = QLabel()
        self.notes_button = QPushButton(self.tr("Save notes (Ctrl+S)"))
        self.notes_button.clicked.connect(self.save_notes)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.notes_state, 1)
        notes_row.addWidget(self.notes_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Tags:"), tags_row)

        self.history_model = QStandardItemModel(self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        self.history.setShowGrid(False)
        self.history.setWordWrap(False)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setToolTip(self.tr("Double-click or press Enter to open the message in the inbox"))
        self.history.activated.connect(self._on_history_activated)
        self.history_label = QLabel()

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detail_box = QWidget()
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(title_row)
        detail_layout.addWidget(self.summary_label)
        detail_layout.addLayout(handles_row)
        detail_layout.addWidget(self.handles)
        detail_layout.addLayout(form)
        detail_layout.addWidget(QLabel(self.tr("Notes")))
        detail_layout.addWidget(self.notes_edit, 1)
        detail_layout.addLayout(notes_row)
        detail_layout.addWidget(self.history_label)
        detail_layout.addWidget(self.history, 2)
        self.empty_detail = QLabel(
            self.tr(
                "Select a contact to see every handle they write from, their messages, tags and notes. Contacts "
                "come from the inbox: everyone who writes to one of your channels is here."
            )
        )
        self.empty_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_detail.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_box, 1)
        right_layout.addWidget(self.empty_detail, 1)
        right_layout.addWidget(self.message_label)
        self.detail_box.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 720])

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)

        self._shortcut(QKeySequence.StandardKey.Find, self._focus_search)
        self._shortcut(QKeySequence("Ctrl+M"), self.open_merge_dialog)
        self._shortcut(QKeySequence.StandardKey.Save, self.save_notes)
        self._shortcut(QKeySequence("F2"), self.rename_contact)
        self._set_buttons_enabled(False)

    def _shortcut(self, key: QKeySequence | QKeySequence.StandardKey, slot: Any) -> None:
        shortcut = QShortcut(key, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- loading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The tag choices, the list and the shown contact again (e.g. after a sync or a change elsewhere).
        While the page is not shown this only notes that it is stale: it loads when it is next shown, so the
        window's start does not read every contact for a page nobody has opened yet."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._reload_list()
        if self._selected is not None:
            self.load_detail()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _reload_list(self) -> None:
        self._tasks.run(self._services.contacts.tags, on_done=self._on_tags_loaded)
        self._apply_filter()

    def _on_tags_loaded(self, tags: list[str]) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        index = self.tag_filter.findData(current)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
        if index < 0 and current is not None:  # the tag is gone: show everyone again
            self._apply_filter()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.search.text().strip() or None, self.tag_filter.currentData())

    def _on_model_reset(self) -> None:
        self.count_label.setText(self.tr("%n contact(s)", "", self.model.total()))
        if self._selected is not None:
            self._select_in_list(self._selected)

    def _select_in_list(self, contact_id: int) -> None:
        while self.model.row_of(contact_id) is None and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        row = self.model.row_of(contact_id)
        self.table.selectionModel().blockSignals(True)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))

    def show_contact(self, contact_id: int) -> None:
        """Show this contact (a merged handle's id shows its group), selected in the list when the list holds it."""
        self._selected = contact_id
        self._select_in_list(contact_id)
        self.load_detail()

    def selected_id(self) -> int | None:
        return self._selected

    def detail(self) -> ContactDetail | None:
        return self._detail

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        contact_id = rows[0].data(CONTACT_ID_ROLE) if rows else None
        if contact_id is None or (contact_id == self._selected and self._detail is not None):
            return
        self._selected = int(contact_id)
        self.load_detail()

    def load_detail(self) -> None:
        contact_id = self._selected
        if contact_id is None:
            self._show_detail(None)
            return
        self._tasks.run(
            lambda: self._services.contacts.get(contact_id),
            on_done=lambda detail: self._on_detail_loaded(contact_id, detail),
            on_failed=self._on_detail_failed,
        )

    def _on_detail_loaded(self, asked: int, detail: ContactDetail) -> None:
        if asked != self._selected:
            return
        self._selected = detail.id  # a merged handle shows as its group
        self._show_detail(detail)

    def _on_detail_failed(self, exc: Exception) -> None:
        self._selected = None
        self._show_detail(None)
        self._show_message(describe_exception(exc))

    def _show_detail(self, detail: ContactDetail | None) -> None:
        self._detail = detail
        self.detail_box.setVisible(detail is not None)
        self.empty_detail.setVisible(detail is None)
        self._set_buttons_enabled(detail is not None)
        if detail is None:
            self.handles_model.clear()
            self.history_model.clear()
            return
        self.name_label.setText(detail.name)
        summary = [self.tr("%n message(s)", "", detail.message_count)]
        if detail.first_seen is not None and detail.last_seen is not None:
            summary.append(
                self.tr("first %1, last %2")
                .replace("%1", local_datetime(detail.first_seen))
                .replace("%2", local_datetime(detail.last_seen))
            )
        if detail.user_named:
            network_names = sorted({h.network_name for h in detail.handles if h.network_name})
            if network_names:
                summary.append(self.tr("on the network: %1").replace("%1", ", ".join(network_names)))
        self.summary_label.setText(" · ".join(summary))

        self.handles_model.clear()
        self.handles_model.setHorizontalHeaderLabels(
            [self.tr("Network"), self.tr("Handle"), self.tr("Name on the network"), self.tr("Messages")]
        )
        for handle in detail.handles:
            cells = [
                QStandardItem(network_name(handle.channel_kind)),
                QStandardItem(handle.handle),
                QStandardItem(handle.network_name),
                QStandardItem(str(handle.message_count)),
            ]
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for cell in cells:
                cell.setData(handle.id, CONTACT_ID_ROLE)
            self.handles_model.appendRow(cells)
        header = self.handles.horizontalHeader()
        for column in range(self.handles_model.columnCount()):
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if column == 2 else QHeaderView.ResizeMode.ResizeToContents
            )
        rows = max(len(detail.handles), 1)
        self.handles.setFixedHeight(
            self.handles.horizontalHeader().sizeHint().height()
            + self.handles.verticalHeader().defaultSectionSize() * min(rows, 4)
            + 2 * self.handles.frameWidth()
        )

        self.tags_edit.setText(", ".join(detail.tags))
        self.notes_edit.blockSignals(True)
        self.notes_edit.setPlainText(detail.notes)
        self.notes_edit.blockSignals(False)
        self._update_notes_state()

        self.history_model.clear()
        self.history_model.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Channel"), self.tr("Kind"), self.tr("Status"), self.tr("Message")]
        )
        for message in detail.history:
            cells = [
                QStandardItem(local_datetime(message.received_at)),
                QStandardItem(message.channel),
                QStandardItem(message_kind_name(message.kind)),
                QStandardItem(message_status_name(message.status)),
                QStandardItem(" ".join(message.text.split())),
            ]
            cells[4].setToolTip(message.text)
            cells[1].setToolTip(message.handle)
            for cell in cells:
                cell.setData(message.item_id, ITEM_ID_ROLE)
            self.history_model.appendRow(cells)
        self.history.resizeColumnsToContents()
        if len(detail.history) < detail.message_count:
            self.history_label.setText(
                self.tr("Messages (the newest %1 of %2)")
                .replace("%1", str(len(detail.history)))
                .replace("%2", str(detail.message_count))
            )
        else:
            self.history_label.setText(self.tr("Messages"))
        self._update_split_button()

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for widget in (self.rename_button, self.merge_button, self.tags_button, self.notes_button):
            widget.setEnabled(enabled)
        self._update_split_button()

    def _update_split_button(self, *_args: object) -> None:
        detail = self._detail
        self.split_button.setEnabled(
            detail is not None and len(detail.handles) > 1 and self.selected_handle_id() is not None
        )

    def selected_handle_id(self) -> int | None:
        rows = self.handles.selectionModel().selectedRows()
        return int(rows[0].data(CONTACT_ID_ROLE)) if rows else None

    def _update_notes_state(self) -> None:
        text = self.notes_edit.toPlainText()
        saved = self._detail.notes if self._detail is not None else ""
        length = len(text.rstrip())
        if length > MAX_NOTES_CHARS:
            state = self.tr("%1 characters, at most %2").replace("%1", str(length)).replace("%2", str(MAX_NOTES_CHARS))
        elif text.replace("\r\n", "\n").rstrip() != saved:
            state = self.tr("Not saved")
        else:
            state = ""
        self.notes_state.setText(state)

    def _show_message(self, text: str, *, error: bool = True) -> None:
        self.message_label.setText(("⚠ " if error else "") + text if text else "")

    # -- changes ----------------------------------------------------------------------------------------

    def _run_change(self, work: Callable[[], ContactDetail], done_text: str) -> None:
        self._show_message("")
        self._tasks.run(
            work, on_done=lambda detail: self._on_changed(detail, done_text), on_failed=self._on_change_failed
        )

    def _on_changed(self, detail: ContactDetail, done_text: str) -> None:
        self._selected = detail.id
        self._show_detail(detail)
        self._show_message(done_text, error=False)
        self._reload_list()
        self.changes_applied.emit()

    def _on_change_failed(self, exc: Exception) -> None:
        self._show_message(describe_exception(exc))  # what the user typed stays in the field

    def save_tags(self) -> None:
        detail = self._detail
        if detail is None:
            return
        tags = [t for t in (part.strip() for part in self.tags_edit.text().split(",")) if t]
        self._run_change(lambda: self._services.contacts.set_tags(detail.id, tags), self.tr("Tags saved."))

    def save_notes(self) -> None:
        detail = self._detail
        if detail is None:
            return
        notes = self.notes_edit.toPlainText()
        self._run_change(lambda: self._services.contacts.set_notes(detail.id, notes), self.tr("Notes saved."))

    def rename_contact(self) -> None:
        detail = self._detail
        if detail is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename contact"),
            self.tr("Your name for this contact (empty: the name from the network):"),
            QLineEdit.EchoMode.Normal,
            detail.name if detail.user_named else "",
        )
        if not ok:
            return
        self._run_change(lambda: self._services.contacts.rename(detail.id, name), self.tr("Name saved."))

    def open_merge_dialog(self) -> None:
        """Opens the "Merge with…" dialog (window-modal); accepting it merges the chosen contact into this one."""
        detail = self._detail
        if detail is None:
            return
        dialog = MergeContactDialog(self._services, self._tasks, detail, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._on_merge_dialog_accepted(dialog, detail.id))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.merge_dialog = dialog
        dialog.open()

    def _on_merge_dialog_accepted(self, dialog: MergeContactDialog, contact_id: int) -> None:
        other = dialog.chosen_id()
        self.merge_dialog = None
        if other is None:
            return
        self.merge(other, contact_id)

    def merge(self, contact_id: int, into_id: int) -> None:
        self._run_change(lambda: self._services.contacts.merge(contact_id, into_id), self.tr("Contacts merged."))

    def split_off_selected(self) -> None:
        handle_id = self.selected_handle_id()
        if handle_id is None or self._detail is None:
            return
        group_id = self._detail.id

        # Afterwards show what is left of the group (its primary may be the handle split off).
        remaining = next(h.id for h in self._detail.handles if h.id != handle_id)

        def work() -> ContactDetail:
            self._services.contacts.unmerge(handle_id)
            return self._services.contacts.get(group_id if group_id != handle_id else remaining)

        self._run_change(work, self.tr("Handle split off: it is a contact of its own again."))

    def _on_history_activated(self, index: QModelIndex) -> None:
        item_id = index.data(ITEM_ID_ROLE)
        if item_id is not None:
            self.open_item.emit(int(item_id))
