"""The inbox's message list: a table model over item ids with lazily loaded rows (like the post list).

The model holds every matching id (cheap even for 200,000 items) but exposes them in chunks through
``fetchMore``, and loads the rows a view actually paints in batches on the task runner (``services.inbox.rows``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont

from publisher.domain.inbox import InboxRow
from ui.labels import local_datetime
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.services import Services
    from publisher.services.inbox import InboxFilter

CHUNK = 500
BATCH = 150
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

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


class InboxListModel(QAbstractTableModel):
    COLUMNS = ("channel", "author", "text", "received", "status", "sentiment", "assignee")

    def __init__(self, services: Services, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._filter: InboxFilter | None = None
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}
        self._shown = 0
        self._rows: dict[int, InboxRow] = {}
        self._wanted: set[int] = set()
        self._loading: set[int] = set()
        self._generation = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._load_wanted)

    # -- loading ----------------------------------------------------------------------------------

    def set_filter(self, flt: InboxFilter | None) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Fetch the id list again (after a change or a new filter); rows already shown are refreshed too."""
        self._generation += 1
        generation = self._generation
        flt = self._filter
        self._tasks.run(lambda: self._services.inbox.ids(flt), on_done=lambda ids: self._on_ids_loaded(generation, ids))

    def _on_ids_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._positions = {item_id: i for i, item_id in enumerate(ids)}
        self._shown = min(len(ids), max(self._shown, CHUNK))
        self._rows.clear()
        self._wanted.clear()
        self._loading.clear()
        self.endResetModel()

    def refresh_rows(self, ids: list[int]) -> None:
        """Load these rows again (after a change to them), keeping the id list."""
        known = [i for i in ids if i in self._positions]
        for item_id in known:
            self._rows.pop(item_id, None)
            self._loading.discard(item_id)
        self._fetch(known)

    def _want(self, item_id: int) -> None:
        if item_id in self._loading:
            return
        self._wanted.add(item_id)
        if not self._flush.isActive():
            self._flush.start()

    def _load_wanted(self) -> None:
        if not self._wanted:
            return
        # Load the whole neighbourhood of what was asked for, so scrolling needs few round trips.
        batch: list[int] = []
        taken: set[int] = set()
        for item_id in sorted(self._wanted, key=lambda i: self._positions.get(i, 0)):
            start = self._positions.get(item_id, 0)
            for candidate in self._ids[start : min(start + BATCH, self._shown)]:
                if candidate not in self._rows and candidate not in self._loading and candidate not in taken:
                    batch.append(candidate)
                    taken.add(candidate)
            if len(batch) >= BATCH:
                break
        self._wanted.clear()
        self._fetch(batch)

    def _fetch(self, batch: list[int]) -> None:
        if not batch:
            return
        self._loading.update(batch)
        generation = self._generation
        self._tasks.run(
            lambda: self._services.inbox.rows(batch),
            on_done=lambda rows: self._on_rows_loaded(generation, batch, rows),
            on_failed=lambda _exc: self._loading.difference_update(batch),
        )

    def _on_rows_loaded(self, generation: int, batch: list[int], rows: list[InboxRow]) -> None:
        if generation != self._generation:
            return
        self._loading.difference_update(batch)
        for row in rows:
            self._rows[row.id] = row
        positions = [p for p in (self._positions.get(i) for i in batch) if p is not None and p < self._shown]
        if positions:
            self.dataChanged.emit(self.index(min(positions), 0), self.index(max(positions), len(self.COLUMNS) - 1))

    # -- Qt model API -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = min(CHUNK, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

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
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        item_id = self._ids[index.row()]
        if role == ITEM_ID_ROLE:
            return item_id
        row = self._rows.get(item_id)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(item_id)
                return "…" if index.column() == 0 else ""
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
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
            font = QFont()
            font.setBold(True)
            return font
        return None

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

    def total(self) -> int:
        return len(self._ids)

    def item_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, item_id: int) -> int | None:
        row = self._positions.get(item_id)
        return row if row is not None and row < self._shown else None

    def summary(self, item_id: int) -> InboxRow | None:
        return self._rows.get(item_id)
