"""The inbox's message list: a table model over item ids with lazily loaded rows (like the post list).

The model holds every matching id (cheap even for 200,000 items) but exposes them in chunks through
``fetchMore``, and loads the rows a view actually paints in batches on the task runner (``services.inbox.rows``).
After a change of filter or search it shows the first page (``services.inbox.list``) before every id is known
(``services.inbox.ids``), see :mod:`ui.views.lazy_model`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from publisher.domain.inbox import InboxRow
from ui.labels import local_datetime
from ui.tasks import TaskRunner
from ui.views.lazy_model import LazyIdModel

if TYPE_CHECKING:
    from publisher.services import Services
    from publisher.services.inbox import InboxFilter

CHUNK = 500
BATCH = 150
CELL_CACHE = 2000  # rows whose cell texts are kept
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

# The roles data() answers; a view's delegate asks for seven per cell, most of them answered with nothing.
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        ITEM_ID_ROLE,
    )
)

SENTIMENT_COLOURS = {"negative": QColor(190, 40, 30), "positive": QColor(30, 130, 60), "neutral": QColor(110, 110, 110)}
SENTIMENT_SYMBOLS = {"negative": "▼", "positive": "▲", "neutral": "●"}


def sentiment_name(label: str) -> str:
    names = {
        "negative": QCoreApplication.translate("inbox", "Negative"),
        "neutral": QCoreApplication.translate("inbox", "Neutral"),
        "positive": QCoreApplication.translate("inbox", "Positive"),
    }
    return names.get(label, label)


def status_name(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("inbox", "Open"),
        "done": QCoreApplication.translate("inbox", "Done"),
    }
    return names.get(status, status)


class InboxListModel(LazyIdModel[InboxRow]):
    COLUMNS = ("channel", "author", "text", "received", "status", "sentiment", "assignee")
    CHUNK = CHUNK
    BATCH = BATCH
    FIRST_PAGE = BATCH

    def __init__(self, services: Services, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(tasks, parent)
        self._services = services
        self._filter: InboxFilter | None = None
        self._bold: QFont | None = None
        self._cell_texts: dict[int, tuple[InboxRow, tuple[str, ...]]] = {}  # by id, with the row they were made of

    def current_filter(self) -> InboxFilter | None:
        """The filter the rows shown were (or are being) loaded for."""
        return self._filter

    def set_filter(self, flt: InboxFilter | None) -> None:
        self._filter = flt
        self.reload()

    def fetch_ids(self) -> Callable[[], list[int]]:
        flt = self._filter
        return lambda: self._services.inbox.ids(flt)

    def fetch_rows(self, ids: Sequence[int]) -> list[InboxRow]:
        return self._services.inbox.rows(list(ids))

    def fetch_first_rows(self) -> Callable[[], list[InboxRow]]:
        flt, limit = self._filter, self.FIRST_PAGE
        return lambda: self._services.inbox.list(flt, limit=limit)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("Channel"),
            self.tr("Author"),
            self.tr("Message"),
            self.tr("Received"),
            self.tr("Status"),
            self.tr("Sentiment"),
            self.tr("Assigned to"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        item_id = self._ids[index.row()]
        return self._value(item_id, self._rows.get(item_id), index.column(), role)

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        # Every role of a cell in one call (what a view's delegate asks for when it paints): the row is looked up
        # once, not once per role.
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return
        item_id = self._ids[index.row()]
        row, column = self._rows.get(item_id), index.column()
        span = (roleDataSpan,) if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        for role_data in cast(Iterable[QModelRoleData], span):  # a sequence at run time; the stubs do not say so
            role = role_data.role()
            role_data.setData(self._value(item_id, row, column, role) if role in _ROLES else None)

    def _value(self, item_id: int, row: InboxRow | None, column_index: int, role: int) -> Any:
        if role == ITEM_ID_ROLE:
            return item_id
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(item_id)
                return "…" if column_index == 0 else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(row)[column_index]
        column = self.COLUMNS[column_index]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "author":
                return f"{row.author_name} ({row.author})" if row.author_name else row.author
            if column == "text":
                return row.text[:300]
            if column == "channel":
                return row.channel
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == "sentiment":
            return SENTIMENT_COLOURS.get(row.sentiment)
        if role == Qt.ItemDataRole.FontRole and row.unread:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def _cells(self, row: InboxRow) -> tuple[str, ...]:
        """The texts of a row's cells, made once per loaded row (a paint asks for each again)."""
        cached = self._cell_texts.get(row.id)
        if cached is not None and cached[0] is row:
            return cached[1]
        if len(self._cell_texts) >= CELL_CACHE:
            self._cell_texts.clear()
        cells = tuple(self._display(row, column) for column in self.COLUMNS)
        self._cell_texts[row.id] = (row, cells)
        return cells

    def _display(self, row: InboxRow, column: str) -> str:
        if column == "channel":
            return row.channel
        if column == "author":
            return row.author_name or row.author
        if column == "text":
            text = " ".join(row.text.split())
            return self.tr("(deleted)") + " " + text if row.deleted else text
        if column == "received":
            return local_datetime(row.received_at)
        if column == "status":
            return status_name(row.status)
        if column == "sentiment":
            return f"{SENTIMENT_SYMBOLS.get(row.sentiment, '')} {sentiment_name(row.sentiment)}".strip()
        if column == "assignee":
            return row.assignee or ""
        return ""

    # -- helpers for the view ----------------------------------------------------------------------------

    def item_id_at(self, row: int) -> int | None:
        return self.id_at(row)
