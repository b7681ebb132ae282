"""The calendar: drag a post to another day or time, confirmations for posts the network holds, approving and sending
back, filters, the three views, queue slots and the composer's queue and repeat controls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTime
from PySide6.QtWidgets import QApplication
from sqlalchemy import update

from publisher.clock import ManualClock
from publisher.db.models import Delivery
from publisher.services import Services, build_services
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.views.calendar import CalendarView
from ui.views.calendar_grids import MonthGrid, WeekGrid
from ui.views.calendar_items import zone_line

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def cal_services(tmp_path: Path) -> Iterator[Services]:
    services = build_services(f"sqlite:///{tmp_path / 'cal.sqlite3'}", clock=ManualClock(NOW), actor="editor")
    for name in ("Blog", "Press"):
        folder = tmp_path / name
        folder.mkdir()
        services.channels.add("feed", name=name, path=str(folder))
    yield services
    services.close()


@pytest.fixture
def view(qtbot: Any, cal_services: Services, english: None) -> CalendarView:
    widget = CalendarView(cal_services, TaskRunner(inline=True))
    qtbot.addWidget(widget)
    widget.set_user_zone("Europe/Berlin")
    widget.resize(1100, 720)
    widget.show()
    widget.refresh()
    return widget


def _drag(qtbot: Any, grid: MonthGrid | WeekGrid, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    for point in (start + QPoint(QApplication.startDragDistance() + 2, 0), middle, end):
        qtbot.mouseMove(grid, pos=point)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def _berlin(services: Services, post_id: int) -> dict[str, datetime]:
    detail = services.posts.get(post_id)
    return {d.channel: d.scheduled_at.astimezone(BERLIN) for d in detail.deliveries if d.scheduled_at}


def test_drag_a_post_to_another_day(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    post = cal_services.posts.create(
        "Product launch", channels=["Blog", "Press"], at=datetime(2026, 11, 25, 9, tzinfo=BERLIN), tz="Europe/Berlin"
    )
    view.reload()
    grid = view.month
    rect = grid.item_rect(post.id, date(2026, 11, 25))
    assert rect is not None, "the post is painted on the 25th"
    _drag(qtbot, grid, rect.center(), grid.cell_rect(date(2026, 11, 27)).center())
    assert _berlin(cal_services, post.id) == {
        "Blog": datetime(2026, 11, 27, 9, tzinfo=BERLIN),
        "Press": datetime(2026, 11, 27, 9, tzinfo=BERLIN),
    }
    assert [i.post_id for i in view.day_items(date(2026, 11, 27))] == [post.id]
    assert view.day_items(date(2026, 11, 25)) == []
    assert grid.item_rect(post.id, date(2026, 11, 27)) is not None
    assert "All 2 channels moved: Blog, Press" in view.message.text()  # a post with several channels says so
    assert view.selected is not None and view.selected.day == date(2026, 11, 27)


def test_a_published_post_does_not_move(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    post = cal_services.posts.create("Gone", channels=["Blog"], at=datetime(2026, 11, 25, 9, tzinfo=BERLIN))
    with cal_services.db.session(write=True) as session:
        session.execute(update(Delivery).values(state="published"))
    view.reload()
    rect = view.month.item_rect(post.id, date(2026, 11, 25))
    assert rect is not None
    _drag(qtbot, view.month, rect.center(), view.month.cell_rect(date(2026, 11, 26)).center())
    assert _berlin(cal_services, post.id)["Blog"].day == 25


def test_a_handed_off_post_asks_first_and_cancel_changes_nothing(
    qtbot: Any, view: CalendarView, cal_services: Services
) -> None:
    at = datetime(2026, 11, 25, 9, tzinfo=BERLIN)
    post = cal_services.posts.create("Held by Mastodon", channels=["Blog"], at=at, tz="Europe/Berlin")
    with cal_services.db.session(write=True) as session:
        session.execute(update(Delivery).values(handoff_id="109876", handoff_at=at))
    view.reload()
    (item,) = view.day_items(date(2026, 11, 25))
    assert item.handed_off
    grid = view.month
    start = grid.item_rect(post.id, date(2026, 11, 25))
    assert start is not None
    _drag(qtbot, grid, start.center(), grid.cell_rect(date(2026, 11, 30)).center())
    box = view.pending_confirmation
    assert box is not None and box.isVisible()
    assert "The network already holds this post for Blog" in box.text()
    assert "move it there too?" in box.text()
    box.reject()
    assert view.pending_confirmation is None
    assert _berlin(cal_services, post.id) == {"Blog": at}
    assert "Nothing was moved" in view.message.text()
    view.request_move(item, date(2026, 11, 30))
    assert view.confirm_move_button is not None
    view.confirm_move_button.click()
    assert _berlin(cal_services, post.id) == {"Blog": datetime(2026, 11, 30, 9, tzinfo=BERLIN)}


def test_approve_and_send_back_from_the_calendar(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    cal_services.workspace.set_workflow(approval_required=True)
    at = datetime(2026, 11, 26, 10, tzinfo=BERLIN)
    draft = cal_services.posts.create("Needs approval", channels=["Blog"], at=at, submit=True)
    other = cal_services.posts.create("Needs work", channels=["Blog"], at=at.replace(hour=12), submit=True)
    view.refresh()
    assert view.select_post(draft.id, date(2026, 11, 26)) is not None
    assert view.approve_button.isVisible() and view.send_back_button.isVisible()
    view.approve_button.click()
    assert cal_services.posts.get(draft.id).workflow_status == "scheduled"
    assert "Approved" in view.message.text()
    assert not view.approve_button.isVisible()  # the reselected post needs no approval any more
    view.select_post(other.id, date(2026, 11, 26))
    dialog = view.send_back_selected()
    assert dialog is not None
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # a comment is required
    dialog.comment.setPlainText("Please add the price.")
    dialog.accept()
    assert cal_services.posts.get(other.id).workflow_status == "draft"
    assert [c.body for c in cal_services.posts.comments(other.id) if c.kind == "sent_back"] == ["Please add the price."]


def test_an_author_sees_no_approve_button(
    qtbot: Any, view: CalendarView, cal_services: Services, tmp_path: Path
) -> None:
    cal_services.workspace.set_workflow(approval_required=True)
    cal_services.workspace.set_role("editor", "admin")
    post = cal_services.posts.create("Mine", channels=["Blog"], at=datetime(2026, 11, 26, 10, tzinfo=BERLIN))
    author = build_services(
        f"sqlite:///{tmp_path / 'cal.sqlite3'}", clock=cal_services.clock, actor="author", migrate=False
    )
    try:
        author_view = CalendarView(author, TaskRunner(inline=True))
        qtbot.addWidget(author_view)
        author_view.set_user_zone("Europe/Berlin")
        author_view.show()
        author_view.refresh()
        author_view.select_post(post.id, date(2026, 11, 26))
        assert author_view.open_button.isVisible()
        assert not author_view.approve_button.isVisible()
    finally:
        author.close()


def test_filters_reduce_what_is_shown(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    at = datetime(2026, 11, 24, 9, tzinfo=BERLIN)
    a = cal_services.posts.create("Spring A", channels=["Blog"], at=at, campaign="Spring")
    b = cal_services.posts.create("Hiring B", channels=["Press"], at=at, campaign="Hiring")
    c = cal_services.posts.create("Plain C", channels=["Blog", "Press"], at=at)
    view.refresh()
    shown = {i.post_id for i in view.day_items(date(2026, 11, 24))}
    assert shown == {a.id, b.id, c.id}
    view.set_filter("campaigns", {"Spring"})
    assert {i.post_id for i in view.day_items(date(2026, 11, 24))} == {a.id}
    assert view.filter_buttons["campaigns"].text() == "Campaign (1)"
    view.set_filter("campaigns", {""})  # no campaign
    assert {i.post_id for i in view.day_items(date(2026, 11, 24))} == {c.id}
    view.clear_filters()
    press = next(i for i, n in view.options.channels if n == "Press")
    view.set_filter("channels", {press})
    items = view.day_items(date(2026, 11, 24))
    assert {i.post_id for i in items} == {b.id, c.id}
    assert all(i.channels == ("Press",) for i in items)
    view.clear_filters()
    view.set_filter("statuses", {"published"})
    assert view.day_items(date(2026, 11, 24)) == []
    view.clear_filters()
    view.set_filter("authors", {"editor"})
    assert len(view.day_items(date(2026, 11, 24))) == 3
    menu = view.filter_buttons["campaigns"].menu()
    assert [a.text() for a in menu.actions() if a.text()] == ["All", "Hiring", "Spring", "No campaign"]


def test_week_and_list_views_show_the_same_deliveries(
    qtbot: Any, qtmodeltester: Any, view: CalendarView, cal_services: Services
) -> None:
    first = cal_services.posts.create(
        "Monday", channels=["Blog", "Press"], at=datetime(2026, 11, 23, 15, tzinfo=BERLIN)
    )
    second = cal_services.posts.create("Friday", channels=["Blog"], at=datetime(2026, 11, 27, 8, tzinfo=BERLIN))
    cal_services.posts.create("Next month", channels=["Blog"], at=datetime(2026, 12, 9, 8, tzinfo=BERLIN))
    view.reload()
    month_ids = {r.delivery_id for r in view.rows if r.scheduled_at.astimezone(BERLIN).date() <= date(2026, 11, 29)}
    view.set_mode("week")
    assert view.stack.currentWidget() is not view.month
    assert view.period() == (date(2026, 11, 23), date(2026, 11, 30))
    assert {r.delivery_id for r in view.rows} == month_ids
    assert view.week.item_rect(first.id, date(2026, 11, 23)) is not None
    assert view.week.item_rect(second.id, date(2026, 11, 27)) is not None
    view.set_mode("list")
    assert view.stack.currentWidget() is view.list_view
    listed = [view.list_model.row_at(r) for r in range(view.list_model.rowCount())]
    assert {
        r.delivery_id for r in listed if r.scheduled_at.astimezone(BERLIN).date() <= date(2026, 11, 29)
    } == month_ids
    assert [r.title for r in listed] == ["Monday", "Monday", "Friday"]  # November only, in time order
    qtmodeltester.check(view.list_model)
    view.go_next()
    assert [view.list_model.row_at(r).title for r in range(view.list_model.rowCount())] == ["Next month"]
    view.go_previous()
    view.go_today()
    assert view.anchor == date(2026, 11, 23)


def test_drag_in_the_week_view_sets_day_and_time(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    post = cal_services.posts.create("Move me", channels=["Blog"], at=datetime(2026, 11, 24, 9, tzinfo=BERLIN))
    view.set_mode("week")
    grid = view.week
    rect = grid.item_rect(post.id, date(2026, 11, 24))
    assert rect is not None
    target_column = grid.column_rect(3)  # Thursday
    target = QPoint(target_column.center().x(), grid.y_of(14, 30)) + (rect.center() - rect.topLeft())
    start = rect.center()
    view.week_scroll.ensureVisible(start.x(), start.y())
    _drag(qtbot, grid, start, target)
    assert _berlin(cal_services, post.id) == {"Blog": datetime(2026, 11, 26, 14, 30, tzinfo=BERLIN)}
    assert view.week.item_rect(post.id, date(2026, 11, 26)) is not None


def test_times_show_the_users_and_the_audiences_zone(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    cal_services.calendar.set_audience_zone("Press", "America/New_York")
    post = cal_services.posts.create(
        "Hello America", channels=["Press"], at=datetime(2026, 11, 25, 9, tzinfo=BERLIN), tz="Europe/Berlin"
    )
    view.reload()
    (item,) = view.day_items(date(2026, 11, 25))
    line = zone_line(item.rows[0], BERLIN)
    short = QLocale().toString(QTime(9, 0), QLocale.FormatType.ShortFormat)
    audience = QLocale().toString(QTime(3, 0), QLocale.FormatType.ShortFormat)
    assert line == f"{short} Europe/Berlin · {audience} America/New_York (audience)"
    view.select_post(post.id, date(2026, 11, 25))
    assert "America/New_York (audience)" in view.detail_body.text()


def test_queue_dialog_saves_slots_and_audience_zone(qtbot: Any, view: CalendarView, cal_services: Services) -> None:
    dialog = view.open_queue_dialog("Blog")
    assert dialog is not None and dialog.isVisible()
    dialog.audience_combo.setCurrentText("America/New_York")
    dialog.add_slot(0, "09:00", "Europe/Berlin")
    dialog.add_slot(3, "17:30", "Europe/Berlin")
    dialog.add_slot(0, "09:00", "Europe/Berlin")  # twice: refused in the dialog
    assert "already" in dialog.error_label.text()
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert [(s.weekday, s.time) for s in cal_services.calendar.slots("Blog")] == [(0, "09:00"), (3, "17:30")]
    assert cal_services.calendar.audience_zones()["Blog"] == "America/New_York"
    post = cal_services.posts.create("Queue me", channels=["Blog"], at=datetime(2026, 12, 20, 9, tzinfo=BERLIN))
    view.reload()
    view.show_date(date(2026, 12, 1))
    view.select_post(post.id, date(2026, 12, 20))
    assert view.add_to_queue_button.isVisible()
    view.add_to_queue_button.click()
    assert _berlin(cal_services, post.id) == {"Blog": datetime(2026, 11, 26, 17, 30, tzinfo=BERLIN)}  # Thursday
    assert "Queued" in view.message.text()


def test_compose_adds_to_queue_and_repeats(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    services: Services = window.services
    folder = tmp_path / "site"
    folder.mkdir()
    services.channels.add("feed", name="Blog", path=str(folder))
    services.calendar.set_slots("Blog", [(d, "08:00", "Europe/Berlin") for d in range(7)])
    window.refresh_all()
    compose = window.compose
    compose.queue_radio.setChecked(True)
    assert compose.publish_button.text() == "Add to queue"
    qtbot.keyClicks(compose.editor, "Into the queue")
    compose.publish_button.click()
    (first,) = services.posts.page()
    slot, _tz = services.calendar.next_free_slot("Blog", services.clock.now(), ignore_post=first.id)
    assert first.deliveries[0].scheduled_at == slot
    assert first.deliveries[0].scheduled_tz == "Europe/Berlin"

    compose.at_radio.setChecked(True)
    compose.zone_combo.setCurrentText("Europe/Berlin")
    compose.when_edit.setDateTime(compose.when_edit.dateTime().addDays(2))
    editor = compose.recurrence
    assert editor.isEnabled() and not editor.end_row.isVisible()
    editor.repeat_combo.setCurrentIndex(editor.repeat_combo.findData("weeks"))
    editor.every_spin.setValue(1)
    editor.count_spin.setValue(3)
    assert editor.weekday_row.isVisible() and editor.end_row.isVisible()
    qtbot.keyClicks(compose.editor, "Weekly tip")
    compose.publish_button.click()
    assert "Created 3 posts in the series. Scheduled for" in compose.message.text()
    series = [p for p in services.posts.page() if p.title == "Weekly tip"]
    assert len(series) == 3
    local = sorted(p.scheduled_at.astimezone(BERLIN) for p in series if p.scheduled_at)
    assert len({(t.hour, t.minute, t.weekday()) for t in local}) == 1  # same wall-clock time, same weekday
    assert editor.rule() is None  # reset after creating


def test_double_clicking_a_day_opens_its_week(qtbot: Any, view: CalendarView) -> None:
    cell = view.month.cell_rect(date(2026, 12, 2))
    qtbot.mouseDClick(view.month, Qt.MouseButton.LeftButton, pos=cell.center())
    assert view.mode == "week" and view.period() == (date(2026, 11, 30), date(2026, 12, 7))


def test_time_of_a_drop_in_the_week_snaps_to_quarter_hours(qtbot: Any, view: CalendarView) -> None:
    view.set_mode("week")
    grid = view.week
    target = grid.drop_target(QPoint(grid.column_rect(2).center().x(), grid.y_of(10, 7)))
    assert target == (date(2026, 11, 25), time(10, 0))


def test_channels_view_sets_a_channels_audience_zone(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    services: Services = window.services
    folder = tmp_path / "site"
    folder.mkdir()
    services.channels.add("feed", name="Blog", path=str(folder))
    window.refresh_all()
    window.show_view("channels")
    window.channels.table.selectRow(0)
    assert window.channels.queue_button.isEnabled()
    dialog = window.channels.open_queue_dialog()
    assert dialog.channel_combo.currentText() == "Blog"
    dialog.audience_combo.setCurrentText("Asia/Tokyo")
    dialog.add_slot(4, "12:00", "Asia/Tokyo")
    dialog.buttons.accepted.emit()
    assert services.calendar.audience_zones() == {"Blog": "Asia/Tokyo"}
    assert [(s.weekday, s.time, s.tz) for s in services.calendar.slots("Blog")] == [(4, "12:00", "Asia/Tokyo")]
    assert "Saved the queue of 'Blog'" in window.channels.message.text()
