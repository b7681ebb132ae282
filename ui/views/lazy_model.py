"""A table model over a list of ids whose rows load lazily (Anki's browser model idea), for the post list and the
inbox.

The model holds every id (cheap even for 200,000) but exposes them in chunks through ``fetchMore``, and loads the
rows a view actually paints in batches on the task runner. Subclasses say how to fetch the ids and a batch of rows
and how to show a row.

Fetching every id of a long list takes far longer than its first rows (a quarter of a second for 200,000 messages),
so a subclass may also say how to fetch the first rows (``fetch_first_rows``): a reload then shows those at once
(a model reset) and fetches every id after them (a second reset, keeping the rows already loaded). A first page
shorter than ``FIRST_PAGE`` is the whole list, and no id query follows. :meth:`is_complete` tells which state the
model is in. The id query starts on the next turn of the event loop, after the first rows have been painted: its
work on the pool holds Python's lock and would slow that paint down.

Painting costs one call into Python per cell (``multiData``, all roles at once) instead of one per role, and a reset
indexes only the rows exposed so far (``fetchMore`` indexes the next), so it costs the same for 200,000 ids as for
200.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QTimer,
)

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
    FIRST_PAGE = 100  # rows fetched before the ids, where the subclass can (fetch_first_rows)

    def __init__(self, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._ids: list[int] = []
        self._positions: dict[int, int] = {}  # id → row, for the rows exposed so far (the first ``_shown``)
        self._shown = 0
        self._rows: dict[int, RowT] = {}
        self._wanted: set[int] = set()
        self._loading: set[int] = set()
        self._generation = 0
        self._complete = True
        self._shown_before = 0  # rows exposed before a reload, restored once every id is known
        self._sought: set[int] = set()  # ids looked for (row_of) while only the first rows were known
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

    def fetch_first_rows(self) -> Callable[[], list[RowT]] | None:
        """A call (run on the pool) that returns the first ``FIRST_PAGE`` rows in display order, shown before every
        id is known; None (the default) shows the list only once every id is loaded."""
        return None

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the id list again (after a change); rows already shown are refreshed too."""
        self._generation += 1
        generation = self._generation
        if self._complete:
            self._shown_before = self._shown
        self._sought.clear()
        first = self.fetch_first_rows()
        if first is None:
            self._load_ids(generation)
            return
        self._tasks.run(
            first,
            on_done=lambda rows: self._on_first_rows_loaded(generation, rows),
            on_failed=lambda _exc: self._load_ids(generation),  # the id query reports what is wrong
        )

    def _load_ids(self, generation: int) -> None:
        if generation == self._generation:
            self._tasks.run(self.fetch_ids(), on_done=lambda ids: self._on_ids_loaded(generation, ids))

    def _on_first_rows_loaded(self, generation: int, rows: list[RowT]) -> None:
        if generation != self._generation:
            return
        complete = len(rows) < self.FIRST_PAGE  # a short first page is the whole list
        self._reset([row.id for row in rows], rows, complete=complete)
        if not complete:
            QTimer.singleShot(0, self, lambda: self._load_ids(generation))  # after the paint the reset asked for

    def _on_ids_loaded(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        # Rows loaded since the reload began (the first page) are current; the others are dropped.
        kept = [] if self._complete else list(self._rows.values())
        self._reset(ids, kept, complete=True)

    def _reset(self, ids: list[int], rows: list[RowT], *, complete: bool) -> None:
        self.beginResetModel()
        self._ids = ids
        self._shown = min(len(ids), max(self._shown_before, self.CHUNK)) if complete else len(ids)
        if complete and self._sought:
            # What a view looked for among the first rows (the selected message, one to show) and did not find
            # there: exposed now, as fetchMore would have, so that looking again finds it.
            known = set(ids)
            for item_id in self._sought & known:
                position = ids.index(item_id)
                self._shown = min(len(ids), max(self._shown, (position // self.CHUNK + 1) * self.CHUNK))
            self._sought.clear()
        self._positions = {item_id: i for i, item_id in enumerate(ids[: self._shown])}
        self._rows = {row.id: row for row in rows if row.id in self._positions}
        self._wanted.clear()
        self._loading.clear()
        self._complete = complete
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
        for position in range(self._shown, self._shown + more):
            self._positions[self._ids[position]] = position
        self._shown += more
        self.endInsertRows()

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        # A view's delegate asks for every role of a cell (seven) in one call: one crossing from C++ into Python
        # per cell instead of one per role. (The span is a sequence at run time; the type stubs do not say so.)
        span = (roleDataSpan,) if isinstance(roleDataSpan, QModelRoleData) else roleDataSpan
        for role_data in cast(Iterable[QModelRoleData], span):
            role_data.setData(self.data(index, role_data.role()))

    def total(self) -> int:
        """How many ids there are (rows not yet fetched included); while the model is not complete (see
        :meth:`is_complete`), how many of the first rows are shown."""
        return len(self._ids)

    def is_complete(self) -> bool:
        """Whether every id of the list is known: False between showing the first rows and loading every id."""
        return self._complete

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, item_id: int) -> int | None:
        """The row showing ``item_id``; None if it is not among the rows exposed so far. Asked while only the first
        rows are known, the id is remembered and exposed once every id is (if it is in the list)."""
        position = self._positions.get(item_id)
        if position is None and not self._complete:
            self._sought.add(item_id)
        return position if position is not None and position < self._shown else None

    def summary(self, item_id: int) -> RowT | None:
        """The loaded row of ``item_id``, if it is loaded."""
        return self._rows.get(item_id)
