"""The Inbox view: a lazy list that passes the model tester, filters and search, keyboard triage, replies that go
to the network (or stay in the box with the error), and hostile HTML shown inert."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog

from publisher.errors import Rejected
from publisher.services import Services
from tests.publisher.inbox_fake import FakeInboxKind
from tests.ui.inbox_support import inbox_services, inbox_view  # noqa: F401 - the fixtures
from tests.ui.inbox_support import select_by_text as _select_by_text
from tests.ui.inbox_support import texts_shown as _texts_shown
from ui.engine_runner import EngineRunner
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.views.inbox import InboxView
from ui.views.inbox_model import InboxListModel

HOSTILE = (
    '<p>Hi <script>alert("x")</script><img src="https://tracker.example/pixel.gif" onerror="alert(1)" alt="pic">'
    '<a href="javascript:alert(2)">click me</a> and <a href="https://evil.example/login">bank.com</a></p>'
)


def _ago(minutes: float) -> datetime:
    return datetime.now(UTC) - timedelta(minutes=minutes)


@pytest.fixture
def network() -> FakeInboxKind:
    kind = FakeInboxKind(page_size=50)
    kind.add("m1", _ago(1), "Where is my invoice?", author="@bob@example.social", author_name="Bob")
    kind.add("m2", _ago(2), "Great launch, thank you!", author="@cy@example.social", author_name="Cy")
    kind.add("m3", _ago(3), "Hostile one", html=HOSTILE, author="@eve@example.social", author_name="Eve")
    kind.add("m4", _ago(4), "Just saying hello")
    return kind


def test_the_list_model_passes_the_model_tester(qtbot: Any, qtmodeltester: Any, view: InboxView) -> None:
    assert view.model.total() == 4
    qtmodeltester.check(view.model)
    assert _texts_shown(view, qtbot)[0] == "Where is my invoice?"  # newest first


def test_filters_and_search_narrow_the_list(qtbot: Any, view: InboxView, services: Services) -> None:
    view.search.setText("invoice")
    qtbot.waitUntil(lambda: view.model.total() == 1)  # after the debounce
    assert _texts_shown(view, qtbot) == ["Where is my invoice?"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.total() == 4)
    services.inbox.set_status([view.model.item_id_at(0) or 0], "done")
    view.status_filter.setCurrentIndex(view.status_filter.findData("done"))
    assert _texts_shown(view, qtbot) == ["Where is my invoice?"]
    view.status_filter.setCurrentIndex(view.status_filter.findData("open"))
    assert view.model.total() == 3
    view.sentiment_filter.setCurrentIndex(view.sentiment_filter.findData("positive"))
    assert _texts_shown(view, qtbot) == ["Great launch, thank you!"]
    view.table.selectRow(0)
    assert "Positive (" in view.detail_meta.text() and "great" in view.detail_meta.text()  # why it is positive


def test_keyboard_moves_marks_done_and_assigns(
    qtbot: Any, view: InboxView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.table.setFocus()
    view.table.selectRow(0)
    first, second = view.model.item_id_at(0), view.model.item_id_at(1)
    qtbot.keyClick(view.table, Qt.Key.Key_J)
    assert view.selected_id() == second
    qtbot.keyClick(view.table, Qt.Key.Key_K)
    assert view.selected_id() == first
    assert first is not None

    qtbot.keyClick(view.table, Qt.Key.Key_E)
    assert services.inbox.get(first).row.status == "done"
    assert view.selected_id() == second  # on to the next one

    offered: list[list[str]] = []

    def pick(answer: str) -> Any:
        def get_item(_parent: Any, _title: str, _label: str, items: list[str], *args: Any) -> tuple[str, bool]:
            offered.append(list(items))
            return answer, True

        return get_item

    monkeypatch.setattr(QInputDialog, "getItem", pick("maria"))  # typed: not a user of this workspace yet
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    assert second is not None
    assert offered[-1][:2] == ["Nobody", services.actor]  # the teammates, the person at the keyboard first
    assert services.inbox.get(second).row.assignee == "maria"
    assert "maria" in view.detail_meta.text()
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    assert "maria" in offered[-1]  # the current assignee is offered
    monkeypatch.setattr(QInputDialog, "getItem", pick("Nobody"))
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    assert services.inbox.get(second).row.assignee is None

    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("billing", True))
    view.tag_button.click()
    assert services.inbox.get(second).tags == ("billing",)


def test_reply_goes_to_the_network_and_a_failed_one_stays_in_the_box(
    qtbot: Any, view: InboxView, network: FakeInboxKind, services: Services
) -> None:
    item_id = _select_by_text(view, qtbot, "Where is my invoice?")
    qtbot.keyClick(view.table, Qt.Key.Key_R)
    view.reply_box.setPlainText("It is on its way.")
    assert "17" in view.counter.text()
    qtbot.keyClick(view.reply_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert network.replies == [("m1", "It is on its way.")]
    assert view.reply_box.toPlainText() == ""
    assert "It is on its way." in view.conversation.toPlainText()

    network.reply_error = Rejected("channel.rejected")
    view.reply_box.setPlainText("Second try")
    view.send_button.click()
    assert network.replies == [("m1", "It is on its way.")]
    assert view.reply_box.toPlainText() == "Second try"  # never lost
    assert view.reply_error.isVisible()
    assert "not sent" in view.reply_error.text()
    assert [r.state for r in services.inbox.get(item_id).replies] == ["sent", "failed"]


def test_hostile_html_is_shown_inert(qtbot: Any, view: InboxView) -> None:
    _select_by_text(view, qtbot, "Hostile one")
    browser = view.conversation
    assert not browser.openExternalLinks() and not browser.openLinks()
    shown = browser.toPlainText()
    assert "alert" not in shown
    assert "click me" in shown
    assert "https://evil.example/login" in shown  # a link shows its real target
    assert "https://tracker.example/pixel.gif" in shown  # the image is a link, not loaded
    html = browser.toHtml()
    assert "javascript:" not in html and "onerror" not in html and "<img" not in html
    assert not [r for r in browser.requested if r.startswith(("http:", "https:"))]
    assert browser.loadResource(2, "https://tracker.example/pixel.gif") is None
    assert "Eve" in view.detail_title.text() and view.detail_title.textFormat() == Qt.TextFormat.PlainText


def test_sync_now_reports_per_channel(qtbot: Any, view: InboxView, network: FakeInboxKind) -> None:
    network.add("m5", _ago(0.5), "Brand new")
    view.sync_button.click()
    assert "Fake: 1 new" in view.sync_label.text()
    assert view.model.total() == 5
    network.fetch_error = Rejected("channel.rejected")
    view.sync_button.click()
    assert view.sync_label.text() == "Fake: The network refused the post."
    assert view.sync_button.isEnabled()


def test_the_sidebar_shows_the_unread_count(qtbot: Any, services: Services, english: None) -> None:
    tasks = TaskRunner(inline=True)
    engine = EngineRunner(services, tasks)
    win = MainWindow(tasks, services=services, engine=engine)
    qtbot.addWidget(win)
    win.show()
    win.refresh_all()
    inbox_item = win.sidebar.item(3)
    assert inbox_item.text() == "Inbox  (4)"
    win.show_view("inbox")
    win.inbox.table.selectRow(0)  # reading an item marks it read
    assert inbox_item.text() == "Inbox  (3)"
    assert win.inbox.model.canFetchMore(QModelIndex()) is False
    engine.stop()


def test_the_conversation_shows_our_post_then_the_thread(
    qtbot: Any, view: InboxView, services: Services, network: FakeInboxKind
) -> None:
    post = services.posts.create("Our winter launch is here", channels=["Fake"])
    services.engine().run_once()
    network.add("r1", _ago(0.8), "Congrats!", in_reply_to_id=f"post-{post.id}", author="@bo@x.example")
    network.add("r2", _ago(0.5), "Thanks Bo", in_reply_to_id="r1", author_name="Mallory\u202eevil")
    view.sync_now()
    _select_by_text(view, qtbot, "Thanks Bo")
    shown = view.conversation.toPlainText()
    assert shown.index("Our winter launch is here") < shown.index("Congrats!") < shown.index("Thanks Bo")
    assert "\u202e" not in view.detail_title.text()


class _StepByStep(TaskRunner):
    """Runs each task only when the test says so, so the list can be looked at between two of them."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[tuple[Callable[[], Any], Callable[[Any], None] | None]] = []

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        self.queue.append((fn, on_done))

    def step(self) -> None:
        fn, on_done = self.queue.pop(0)
        result = fn()
        if on_done is not None:
            on_done(result)


def _texts(model: InboxListModel) -> list[str]:
    return [str(model.data(model.index(r, 2))) for r in range(model.rowCount())]


def test_a_long_list_shows_its_first_rows_before_every_id_is_known(
    qtbot: Any, qtmodeltester: Any, services: Services, english: None
) -> None:
    class TwoFirst(InboxListModel):
        FIRST_PAGE = 2  # the four messages are a long list here

    tasks = _StepByStep()
    model = TwoFirst(services, tasks)
    model.set_filter(None)
    tasks.step()  # the first rows only: shown at once, with their text
    assert _texts(model) == ["Where is my invoice?", "Great launch, thank you!"]
    assert not model.is_complete()
    qtbot.waitUntil(lambda: len(tasks.queue) == 1)  # then every id
    tasks.step()
    assert model.is_complete() and model.total() == 4
    assert _texts(model)[:2] == ["Where is my invoice?", "Great launch, thank you!"]  # kept, not loaded again
    assert _texts(model)[2:] == ["", ""]  # the others load when a view asks for them
    qtbot.waitUntil(lambda: len(tasks.queue) == 1)
    tasks.step()
    assert _texts(model) == ["Where is my invoice?", "Great launch, thank you!", "Hostile one", "Just saying hello"]
    qtmodeltester.check(model)


def test_a_message_looked_for_among_the_first_rows_is_in_the_list_once_complete(
    qtbot: Any, services: Services, english: None
) -> None:
    class Small(InboxListModel):
        FIRST_PAGE = 2
        CHUNK = 2  # two rows exposed at a time

    tasks = _StepByStep()
    model = Small(services, tasks)
    model.set_filter(None)
    tasks.step()
    last = services.inbox.ids()[-1]  # "Just saying hello", the oldest
    assert model.row_of(last) is None  # not among the first rows: the view cannot select it yet
    qtbot.waitUntil(lambda: len(tasks.queue) == 1)
    tasks.step()
    assert model.row_of(last) == 3  # exposed with the whole list, so selecting it again works
    assert model.rowCount() == 4


def test_a_short_list_is_complete_with_its_first_rows(qtbot: Any, services: Services, english: None) -> None:
    tasks = _StepByStep()
    model = InboxListModel(services, tasks)
    model.set_filter(None)
    tasks.step()
    assert model.is_complete() and model.total() == 4
    qtbot.wait(20)
    assert tasks.queue == []  # no id query: the first page held every message
    assert _texts(model)[-1] == "Just saying hello"
