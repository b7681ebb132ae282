"""Helpers the Inbox view tests share: read the list as the user sees it, select a message by its text."""

from __future__ import annotations

from typing import Any

from ui.views.inbox import InboxView


def ids_shown(view: InboxView) -> list[int]:
    return [view.model.item_id_at(r) or 0 for r in range(view.model.rowCount())]


def texts_shown(view: InboxView, qtbot: Any) -> list[str]:
    """The message column of every row, once the lazily loaded rows are in."""
    model = view.model
    for r in range(model.rowCount()):
        model.data(model.index(r, 2))  # asks for the row
    qtbot.waitUntil(lambda: all(model.summary(i) is not None for i in ids_shown(view)))
    return [str(model.data(model.index(r, 2))) for r in range(model.rowCount())]


def select_by_text(view: InboxView, qtbot: Any, text: str) -> int:
    row = texts_shown(view, qtbot).index(text)
    view.table.selectRow(row)
    item_id = view.model.item_id_at(row)
    assert item_id is not None and view.selected_id() == item_id
    return item_id
