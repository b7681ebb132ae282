"""What the Inbox view tests share: the ``services`` and ``view`` fixtures (a module imports them and defines its
own ``network``), reading the list as the user sees it, selecting a message by its text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from publisher.channels.registry import Registry
from publisher.services import Services, build_services
from tests.publisher.inbox_fake import FakeInboxKind
from ui.tasks import TaskRunner
from ui.views.inbox import InboxView


@pytest.fixture(name="services")
def inbox_services(tmp_path: Path, network: FakeInboxKind) -> Iterator[Services]:
    """A workspace with one channel "Fake" on the test module's ``network``, synced once."""
    s = build_services(f"sqlite:///{tmp_path / 'ui.sqlite3'}", registry=Registry([network]))
    s.channels.add("fakeinbox", name="Fake")
    s.inbox.sync()
    yield s
    s.close()


@pytest.fixture(name="view")
def inbox_view(qtbot: Any, services: Services, english: None) -> InboxView:
    """The Inbox view on ``services``, shown and loaded (tasks run at once)."""
    widget = InboxView(services, TaskRunner(inline=True))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.refresh()
    return widget


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
