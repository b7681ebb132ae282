"""The post list: a table model over post ids with lazily loaded rows (see :mod:`ui.views.lazy_model`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from publisher.domain import PostStatus, PostSummary
from ui.labels import delivery_state, local_datetime, post_status, state_symbol
from ui.tasks import TaskRunner
from ui.views.lazy_model import LazyIdModel

if TYPE_CHECKING:
    from publisher.services import Services

CHUNK = 200
BATCH = 100
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class PostListModel(LazyIdModel[PostSummary]):
    COLUMNS = ("title", "status", "scheduled", "channels", "campaign")
    CHUNK = CHUNK
    BATCH = BATCH

    def __init__(self, services: Services, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(tasks, parent)
        self._services = services

    def fetch_ids(self) -> Callable[[], list[int]]:
        return self._services.posts.ids

    def fetch_rows(self, ids: Sequence[int]) -> list[PostSummary]:
        return self._services.posts.summaries(ids)

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

    def post_id_at(self, row: int) -> int | None:
        return self.id_at(row)
