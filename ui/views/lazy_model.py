"""A table model over a list of ids whose rows load lazily (Anki's browser model idea), for the post list and the
inbox.

The model holds every id (cheap even for 200,000) but exposes them in chunks through ``fetchMore``, and loads the
rows a view actually paints in batches on the task runner. Subclasses say how to fetch the ids and a batch of rows
and how to show a row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QTimer

from ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


RowT = TypeVar("RowT", bound=_HasId)


class LazyIdModel(QAbstractTableModel, Generic[RowT]):
    COLUMNS: tuple[str, ...] = ()
    CHUNK = 200  # ids exposed per fetchMore
    BATCH = 100  # rows loaded per round trip

    def __init__(self, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}
        self._shown = 0
        self._rows: dict[int, RowT] = {}
        self._wanted: set[int] = set()
        self._loading: set[int] = set()
        self._generation = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._load_wanted)

    # -- what subclasses provide --------------------------------------------------------------------

    def fetch_ids(self) -> Callable[[], list[int]]:
        """A call (run on the pool) that returns every id, in display order."""
        raise NotImplementedError

    def fetch_rows(self, ids: Sequence[int]) -> list[RowT]:
        """Runs on the pool: the rows of these ids."""
        raise NotImplementedError

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the id list again (after a change); rows already shown are refreshed too."""
        self._generation += 1
        generation = self._generation
        self._tasks.run(self.fetch_ids(), on_done=lambda ids: self._on_ids_loaded(generation, ids))

    def _on_ids_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids = ids
        self._positions = {item_id: i for i, item_id in enumerate(ids)}
        self._shown = min(len(ids), max(self._shown, self.CHUNK))
        self._rows.clear()
        self._wanted.clear()
        self._loading.clear()
        self.endResetModel()

    def refresh_rows(self, ids: Sequence[int]) -> None:
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
            for candidate in self._ids[start : min(start + self.BATCH, self._shown)]:
                if candidate not in self._rows and candidate not in self._loading and candidate not in taken:
                    batch.append(candidate)
                    taken.add(candidate)
            if len(batch) >= self.BATCH:
                break
        self._wanted.clear()
        self._fetch(batch)

    def _fetch(self, batch: list[int]) -> None:
        if not batch:
            return
        self._loading.update(batch)
        generation = self._generation
        self._tasks.run(
            lambda: self.fetch_rows(batch),
            on_done=lambda rows: self._on_rows_loaded(generation, batch, rows),
            on_failed=lambda _exc: self._loading.difference_update(batch),
        )

    def _on_rows_loaded(self, generation: int, batch: list[int], rows: list[RowT]) -> None:
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
        more = min(self.CHUNK, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def total(self) -> int:
        """How many ids there are (rows not yet fetched included)."""
        return len(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, item_id: int) -> int | None:
        """The row showing ``item_id``; None if it is not among the rows exposed so far."""
        position = self._positions.get(item_id)
        return position if position is not None and position < self._shown else None

    def summary(self, item_id: int) -> RowT | None:
        """The loaded row of ``item_id``, if it is loaded."""
        return self._rows.get(item_id)
