"""The post list: a table model over post ids with lazily loaded rows (Anki's browser model idea).

The model holds every id (cheap even for 100,000 posts) but exposes them in chunks through ``fetchMore``, and
loads the rows a view actually paints in batches on the task runner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from publisher.domain import PostStatus, PostSummary
from ui.labels import delivery_state, local_datetime, post_status, state_symbol
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.services import Services

CHUNK = 200
BATCH = 100
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class PostListModel(QAbstractTableModel):
    COLUMNS = ("title", "status", "scheduled", "channels", "campaign")

    def __init__(self, services: Services, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._ids: list[int] = []
        self._shown = 0
        self._rows: dict[int, PostSummary] = {}
        self._wanted: set[int] = set()
        self._loading: set[int] = set()
        self._generation = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._load_wanted)

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the id list again (after a change); rows already shown are refreshed too."""
        self._generation += 1
        generation = self._generation
        self._tasks.run(self._services.posts.ids, on_done=lambda ids: self._on_ids_loaded(generation, ids))

    def _on_ids_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._shown = min(len(ids), max(self._shown, CHUNK))
        self._rows.clear()
        self._wanted.clear()
        self._loading.clear()
        self.endResetModel()

    def _want(self, post_id: int) -> None:
        if post_id in self._loading:
            return
        self._wanted.add(post_id)
        if not self._flush.isActive():
            self._flush.start()

    def _load_wanted(self) -> None:
        if not self._wanted:
            return
        wanted = set(self._wanted)
        # Load the whole neighbourhood of what was asked for, so scrolling needs few round trips.
        positions = {post_id: i for i, post_id in enumerate(self._ids[: self._shown])}
        batch: list[int] = []
        for post_id in sorted(wanted, key=lambda p: positions.get(p, 0)):
            start = positions.get(post_id, 0)
            for candidate in self._ids[start : start + BATCH]:
                if candidate not in self._rows and candidate not in self._loading and candidate not in batch:
                    batch.append(candidate)
            if len(batch) >= BATCH:
                break
        self._wanted.clear()
        if not batch:
            return
        self._loading.update(batch)
        generation = self._generation
        self._tasks.run(
            lambda: self._services.posts.summaries(batch),
            on_done=lambda rows: self._on_rows_loaded(generation, batch, rows),
            on_failed=lambda _exc: self._loading.difference_update(batch),
        )

    def _on_rows_loaded(self, generation: int, batch: list[int], rows: list[PostSummary]) -> None:
        if generation != self._generation:
            return
        self._loading.difference_update(batch)
        for row in rows:
            self._rows[row.id] = row
        positions = [i for i, post_id in enumerate(self._ids[: self._shown]) if post_id in set(batch)]
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
            self.tr("Post"),
            self.tr("Status"),
            self.tr("Scheduled", "column header: when the post goes out"),
            self.tr("Channels"),
            self.tr("Campaign"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._shown:
            return None
        post_id = self._ids[index.row()]
        if role == POST_ID_ROLE:
            return post_id
        row = self._rows.get(post_id)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(post_id)
                return "…" if index.column() == 0 else ""
            return None
        column = self.COLUMNS[index.column()]
        if role == STATUS_ROLE:
            return row.status.value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return row.title or self.tr("(untitled)")
            if column == "status":
                return post_status(row.status)
            if column == "scheduled":
                return local_datetime(row.scheduled_at)
            if column == "channels":
                return ", ".join(f"{state_symbol(d.state)} {d.channel}" for d in row.deliveries)
            if column == "campaign":
                return row.campaign or ""
        if role == Qt.ItemDataRole.ToolTipRole and column in ("channels", "status"):
            return "\n".join(f"{d.channel}: {delivery_state(d.state)}" for d in row.deliveries)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            from PySide6.QtGui import QColor

            if row.status in (PostStatus.FAILED, PostStatus.NEEDS_ATTENTION, PostStatus.PARTIALLY_PUBLISHED):
                return QColor(190, 40, 30)
        return None

    def total(self) -> int:
        """How many posts exist (rows not yet fetched included)."""
        return len(self._ids)

    def post_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, post_id: int) -> int | None:
        try:
            row = self._ids.index(post_id)
        except ValueError:
            return None
        return row if row < self._shown else None

    def summary(self, post_id: int) -> PostSummary | None:
        return self._rows.get(post_id)
