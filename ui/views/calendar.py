"""Calendar: month, week and list views of every delivery, filtered by channel, campaign, status and author and
coloured by campaign. Drag a post to another day (month) or time (week) to move it; approve or send it back from
its detail or context menu; edit a channel's queue slots and audience time zone.

All reading and moving runs on the task runner; the grids only paint what they were given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QPoint, QSize, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from publisher.domain import DeliveryState, PostDetail, Role
from publisher.domain.planning import NO_CAMPAIGN, CalendarRow, FilterOptions, UserInfo
from publisher.domain.recurrence import wall_to_utc
from publisher.timezones import local_zone_name
from ui.errors import describe_exception
from ui.labels import delivery_state, post_status
from ui.resources import icon
from ui.tasks import TaskRunner
from ui.views.calendar_grids import MonthGrid, WeekGrid, WeekHeader
from ui.views.calendar_items import (
    POST_ID_ROLE,
    CalendarItem,
    CalendarListModel,
    campaign_colours,
    group_by_day,
    zone_line,
)
from ui.views.queue_slots import QueueSlotDialog

if TYPE_CHECKING:
    from publisher.services import Services

MODES = ("month", "week", "list")
FILTER_KINDS = ("channels", "campaigns", "statuses", "authors")


class _Legend(QWidget):
    """Campaign colour chips in one line; what does not fit is counted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str | None, str]] = []
        self.setFixedHeight(self.fontMetrics().height() + 6)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_entries(self, entries: list[tuple[str | None, str]]) -> None:
        self.entries = entries
        self.setToolTip("\n".join(label for _c, label in entries))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 6)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        chip = metrics.height() - 4
        x = 0
        for index, (campaign, label) in enumerate(self.entries):
            width = chip + 4 + metrics.horizontalAdvance(label) + 14
            rest = len(self.entries) - index
            if x + width > self.width() - (metrics.horizontalAdvance("+99") if rest > 1 else 0):
                painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
                painter.drawText(x, 3 + metrics.ascent(), f"+{rest}")
                break
            _fill, edge, _ink = campaign_colours(campaign, self.palette())
            painter.fillRect(x, 5, chip, chip, edge)
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(x + chip + 4, 3 + metrics.ascent(), label)
            x += width
        painter.end()


class SendBackDialog(QDialog):
    """Ask for the comment that tells the author what to change."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send back to the author"))
        label = QLabel(self.tr("What should the author change in “%1”?").replace("%1", title))
        label.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send back"))
        ok.setEnabled(False)
        self.comment.textChanged.connect(lambda: ok.setEnabled(bool(self.comment.toPlainText().strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.comment, 1)
        layout.addWidget(self.buttons)
        self.resize(440, 260)


class CalendarView(QWidget):
    post_activated = Signal(int)  # the user wants to see this post in the post list
    changes_applied = Signal()  # a post was moved, approved, sent back or queued

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.user_tz = ZoneInfo(local_zone_name())
        self.mode = "month"
        self.anchor = self._today()
        self.filters: dict[str, set[Any]] = {kind: set() for kind in FILTER_KINDS}
        self.rows: list[CalendarRow] = []
        self.items_by_day: dict[date, list[CalendarItem]] = {}
        self.options = FilterOptions(channels=(), campaigns=(), authors=())
        self.me: UserInfo | None = None
        self.selected: CalendarItem | None = None
        self.pending_confirmation: QMessageBox | None = None
        self.confirm_move_button: QPushButton | None = None
        self.send_back_dialog: SendBackDialog | None = None
        self.queue_dialog: QueueSlotDialog | None = None
        self.context_menu: QMenu | None = None
        self._generation = 0
        self._reselect: tuple[int, date] | None = None

        heading = QLabel(self.tr("Calendar"))
        heading.setObjectName("viewHeading")

        # navigation and the view switch
        self.previous_button = QToolButton()
        self.previous_button.setIcon(icon("go-previous", QStyle.StandardPixmap.SP_ArrowBack))
        self.previous_button.setToolTip(self.tr("Previous (Page Up)"))
        self.previous_button.clicked.connect(self.go_previous)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (T)"))
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QToolButton()
        self.next_button.setIcon(icon("go-next", QStyle.StandardPixmap.SP_ArrowForward))
        self.next_button.setToolTip(self.tr("Next (Page Down)"))
        self.next_button.clicked.connect(self.go_next)
        self.period_label = QLabel()
        self.period_label.setObjectName("detailTitle")
        self.mode_buttons: dict[str, QToolButton] = {}
        switch = QHBoxLayout()
        switch.setSpacing(0)
        group = QButtonGroup(self)
        group.setExclusive(True)
        for mode, label, key in (
            ("month", self.tr("Month"), "M"),
            ("week", self.tr("Week"), "W"),
            ("list", self.tr("List"), "L"),
        ):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setToolTip(self.tr("%1 view (%2)").replace("%1", label).replace("%2", key))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
            group.addButton(button)
            switch.addWidget(button)
            self.mode_buttons[mode] = button
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda m=mode: self.set_mode(m))
        self.mode_buttons["month"].setChecked(True)
        for standard, slot in (
            (QKeySequence.StandardKey.MoveToPreviousPage, self.go_previous),
            (QKeySequence.StandardKey.MoveToNextPage, self.go_next),
        ):
            paging = QShortcut(QKeySequence(standard), self)
            paging.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            paging.activated.connect(slot)
        today_shortcut = QShortcut(QKeySequence("T"), self)
        today_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        today_shortcut.activated.connect(self.go_today)

        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.today_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(8)
        nav.addWidget(self.period_label)
        nav.addStretch(1)
        nav.addLayout(switch)

        # filters
        self.filter_buttons: dict[str, QToolButton] = {}
        filter_row = QHBoxLayout()
        for kind in FILTER_KINDS:
            button = QToolButton()
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setMenu(QMenu(button))
            filter_row.addWidget(button)
            self.filter_buttons[kind] = button
        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setText(self.tr("Show all"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        filter_row.addWidget(self.clear_filters_button)
        filter_row.addStretch(1)
        self.zone_label = QLabel()
        filter_row.addWidget(self.zone_label)
        self.queue_button = QPushButton(self.tr("Queue slots…"))
        self.queue_button.setToolTip(self.tr("Weekly time slots and audience time zone of a channel"))
        self.queue_button.clicked.connect(lambda: self.open_queue_dialog())
        filter_row.addWidget(self.queue_button)
        self.legend = _Legend()

        # the three views
        self.month = MonthGrid()
        self.week = WeekGrid()
        self.week_header = WeekHeader(self.week)
        self.week_scroll = QScrollArea()
        self.week_scroll.setWidget(self.week)
        self.week_scroll.setWidgetResizable(True)
        self.week_scroll.setFrameShape(QFrame.Shape.NoFrame)
        week_box = QWidget()
        week_layout = QVBoxLayout(week_box)
        week_layout.setContentsMargins(0, 0, 0, 0)
        week_layout.setSpacing(0)
        week_layout.addWidget(self.week_header)
        week_layout.addWidget(self.week_scroll, 1)
        self.list_model = CalendarListModel(self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().hide()
        self.list_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.list_view.setShowGrid(False)
        self.list_view.setWordWrap(False)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._on_list_view_context_menu_requested)
        self.list_view.doubleClicked.connect(lambda index: self.post_activated.emit(int(index.data(POST_ID_ROLE))))
        self.list_view.selectionModel().currentRowChanged.connect(self._on_list_view_current_row_changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.month)
        self.stack.addWidget(week_box)
        self.stack.addWidget(self.list_view)
        for grid in (self.month, self.week):
            grid.item_selected.connect(self._on_grid_item_selected)
            grid.item_activated.connect(lambda item: self.post_activated.emit(item.post_id))
            grid.move_requested.connect(self.request_move)
            grid.context_requested.connect(self._on_grid_context_requested)
        self.month.day_selected.connect(self._on_month_day_selected)
        self.month.day_activated.connect(self._on_month_day_activated)

        # detail
        self.detail_title = QLabel(self.tr("No post selected"))
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        self.detail_body = QLabel(self.tr("Select a post to see its channels, times and status."))
        self.detail_body.setWordWrap(True)
        self.detail_body.setTextFormat(Qt.TextFormat.RichText)
        self.detail_body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open in post list"))
        self.open_button.clicked.connect(lambda: self.selected and self.post_activated.emit(self.selected.post_id))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.send_back_button = QPushButton(self.tr("Send back…"))
        self.send_back_button.clicked.connect(self.send_back_selected)
        self.add_to_queue_button = QPushButton(self.tr("Add to queue"))
        self.add_to_queue_button.setToolTip(self.tr("Move it to each channel's next free queue slot"))
        self.add_to_queue_button.clicked.connect(self.add_selected_to_queue)
        detail = QWidget()
        detail.setMinimumWidth(230)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_body)
        for action_button in (self.open_button, self.approve_button, self.send_back_button, self.add_to_queue_button):
            detail_layout.addWidget(action_button)
        detail_layout.addStretch(1)
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.stack)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([760, 250])

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(nav)
        layout.addLayout(filter_row)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self._update_filter_buttons()
        self._update_period_label()
        self._update_zone_label()
        self._show_detail(None)

    # -- public ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the filter menus and the reader's role, then the period's deliveries."""
        calendar, workspace = self._services.calendar, self._services.workspace
        self._tasks.run(lambda: (calendar.filter_options(), workspace.me()), on_done=self._on_meta_loaded)
        self.reload()

    def reload(self) -> None:
        """Load the shown period's deliveries (with the filters) off the GUI thread."""
        first, last = self.period()
        start = wall_to_utc(first, time(0, 0), self.user_tz)
        end = wall_to_utc(last, time(0, 0), self.user_tz)
        filters = {kind: frozenset(values) for kind, values in self.filters.items()}
        calendar = self._services.calendar
        self._generation += 1
        generation = self._generation
        self._tasks.run(
            lambda: calendar.rows(start, end, **filters),
            on_done=lambda rows: self._on_rows_loaded(generation, rows),
            on_failed=self._show_error,
        )

    def period(self) -> tuple[date, date]:
        """The days the current view shows: ``[first, last)`` in the user's zone."""
        if self.mode == "week":
            monday = self.anchor - timedelta(days=self.anchor.weekday())
            return monday, monday + timedelta(days=7)
        month = self.anchor.replace(day=1)
        following = (month + timedelta(days=32)).replace(day=1)
        if self.mode == "list":
            return month, following
        first = MonthGrid.first_day(month)
        return first, first + timedelta(days=42)

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            return
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.stack.setCurrentIndex(MODES.index(mode))
        self._update_period_label()
        if mode == "week":
            self.week_scroll.verticalScrollBar().setValue(self.week.y_of(7, 0))
        self.reload()

    def show_date(self, day: date) -> None:
        self.anchor = day
        self._update_period_label()
        self.reload()

    def go_previous(self) -> None:
        self.show_date(self._step(-1))

    def go_next(self) -> None:
        self.show_date(self._step(1))

    def go_today(self) -> None:
        self.show_date(self._today())

    def set_user_zone(self, name: str) -> None:
        """Show days and times in this IANA zone (the system's by default)."""
        self.user_tz = ZoneInfo(name)
        self.anchor = self._today()
        self._update_zone_label()
        self.reload()

    def set_filter(self, kind: str, values: set[Any]) -> None:
        """Show only deliveries matching any of ``values`` (channel ids, campaign names — ``""`` for none — delivery
        states, author names); an empty set shows all."""
        self.filters[kind] = set(values)
        self._update_filter_buttons()
        self.reload()

    def clear_filters(self) -> None:
        for kind in FILTER_KINDS:
            self.filters[kind] = set()
        self._update_filter_buttons()
        self.reload()

    def day_items(self, day: date) -> list[CalendarItem]:
        return list(self.items_by_day.get(day, []))

    def current_grid(self) -> MonthGrid | WeekGrid | None:
        if self.mode == "month":
            return self.month
        return self.week if self.mode == "week" else None

    def select_post(self, post_id: int, day: date) -> CalendarItem | None:
        item = next((i for i in self.items_by_day.get(day, []) if i.post_id == post_id), None)
        grid = self.current_grid()
        if grid is not None:
            grid.select(item)
        else:
            self._show_detail(item)
        return item

    # -- loading ------------------------------------------------------------------------------------------

    def _on_meta_loaded(self, loaded: tuple[FilterOptions, UserInfo]) -> None:
        self.options, self.me = loaded
        self._update_filter_buttons()
        self._show_detail(self.selected)

    def _on_rows_loaded(self, generation: int, rows: list[CalendarRow]) -> None:
        if generation != self._generation:
            return  # the user moved on; a newer load follows
        self.rows = rows
        self.items_by_day = group_by_day(rows, self.user_tz)
        today = self._today()
        if self.mode == "month":
            self.month.set_month(self.anchor)
            self.month.set_items(self.items_by_day, self.user_tz, today)
        elif self.mode == "week":
            self.week.set_week(self.anchor)
            self.week.set_items(self.items_by_day, self.user_tz, today)
            self.week_header.update()
        else:
            self.list_model.set_rows(rows, self.user_tz, self.palette())
            self.list_view.resizeColumnsToContents()
            for column in range(self.list_model.columnCount()):
                self.list_view.setColumnWidth(column, min(self.list_view.columnWidth(column), 280))
            self.list_view.horizontalHeader().setStretchLastSection(True)
        self._update_legend()
        reselect, self._reselect = self._reselect, None
        if reselect is not None:
            self.select_post(*reselect)
        elif self.selected is not None:
            still = next(
                (i for i in self.items_by_day.get(self.selected.day, []) if i.post_id == self.selected.post_id), None
            )
            self._show_detail(still)

    def _update_legend(self) -> None:
        campaigns = sorted({r.campaign for r in self.rows if r.campaign})
        entries: list[tuple[str | None, str]] = [(c, c) for c in campaigns]
        if any(not r.campaign for r in self.rows):
            entries.append((None, self.tr("No campaign")))
        self.legend.set_entries(entries)

    # -- filters -------------------------------------------------------------------------------------------

    def _filter_choices(self, kind: str) -> list[tuple[Any, str]]:
        if kind == "channels":
            return [(channel_id, name) for channel_id, name in self.options.channels]
        if kind == "campaigns":
            return [(c, c) for c in self.options.campaigns] + [(NO_CAMPAIGN, self.tr("No campaign"))]
        if kind == "statuses":
            return [(state.value, delivery_state(state)) for state in DeliveryState]
        return [(a, a) for a in self.options.authors]

    def _update_filter_buttons(self) -> None:
        names = {
            "channels": self.tr("Channel"),
            "campaigns": self.tr("Campaign"),
            "statuses": self.tr("Status"),
            "authors": self.tr("Author"),
        }
        for kind, button in self.filter_buttons.items():
            chosen = self.filters[kind]
            label = names[kind]
            button.setText(f"{label} ({len(chosen)})" if chosen else label)
            menu = button.menu()
            menu.clear()
            everything = menu.addAction(self.tr("All"))
            everything.setCheckable(True)
            everything.setChecked(not chosen)
            everything.triggered.connect(lambda _checked=False, k=kind: self.set_filter(k, set()))
            menu.addSeparator()
            for value, text in self._filter_choices(kind):
                action = menu.addAction(text)
                action.setCheckable(True)
                action.setChecked(value in chosen)
                action.toggled.connect(lambda checked, k=kind, v=value: self._on_filter_action_toggled(k, v, checked))
        self.clear_filters_button.setVisible(any(self.filters.values()))

    def _on_filter_action_toggled(self, kind: str, value: Any, checked: bool) -> None:
        values = set(self.filters[kind])
        if checked:
            values.add(value)
        else:
            values.discard(value)
        self.set_filter(kind, values)

    # -- selection and detail --------------------------------------------------------------------------------

    def _on_grid_item_selected(self, item: CalendarItem | None) -> None:
        self._show_detail(item)

    def _on_month_day_selected(self, day: date) -> None:
        self.anchor = day if day.month == self.anchor.month else self.anchor

    def _on_month_day_activated(self, day: date) -> None:
        """Double-clicking a day opens its week (every post of a full day is visible there)."""
        self.anchor = day
        self.set_mode("week")

    def _on_list_view_current_row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        row = self.list_model.row_at(current.row())
        day = row.scheduled_at.astimezone(self.user_tz).date()
        self._show_detail(next((i for i in self.items_by_day.get(day, []) if i.post_id == row.post_id), None))

    def _can_review(self) -> bool:
        return self.me is not None and self.me.role in (Role.EDITOR, Role.ADMIN)

    def _show_detail(self, item: CalendarItem | None) -> None:
        self.selected = item
        if item is None:
            self.detail_title.setText(self.tr("No post selected"))
            self.detail_body.setText(self.tr("Select a post to see its channels, times and status."))
            for button in (self.open_button, self.approve_button, self.send_back_button, self.add_to_queue_button):
                button.setVisible(False)
            return
        self.detail_title.setText(item.title or self.tr("(untitled)"))
        lines = []
        for row in item.rows:
            state = delivery_state(row.state)
            lines.append(f"<b>{_html(row.channel)}</b> · {_html(state)}<br>{_html(zone_line(row, self.user_tz))}")
            if row.handed_off and row.movable:
                lines.append("<i>" + _html(self.tr("The network already holds this post.")) + "</i>")
        lines.append(_html(self.tr("Workflow: %1").replace("%1", post_status(item.workflow_status))))
        if item.campaign:
            lines.append(_html(self.tr("Campaign: %1").replace("%1", item.campaign)))
        if item.rows[0].author:
            lines.append(_html(self.tr("Author: %1").replace("%1", item.rows[0].author)))
        if item.rows[0].series_id is not None:
            lines.append(_html(self.tr("Part of a recurring series.")))
        if item.movable and len(item.rows) > 1:
            lines.append(_html(self.tr("Moving it moves it on all %n channels.", "", len(item.rows))))
        self.detail_body.setText("<br>".join(lines))
        review = self._can_review()
        self.open_button.setVisible(True)
        self.approve_button.setVisible(review and item.workflow_status in ("draft", "in_review"))
        self.send_back_button.setVisible(review and item.workflow_status == "in_review")
        self.add_to_queue_button.setVisible(item.movable)

    def _item_menu(self, item: CalendarItem) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Open in post list"), lambda: self.post_activated.emit(item.post_id))
        review = self._can_review()
        if review and item.workflow_status in ("draft", "in_review"):
            menu.addAction(self.tr("Approve"), self.approve_selected)
        if review and item.workflow_status == "in_review":
            menu.addAction(self.tr("Send back…"), self.send_back_selected)
        if item.movable:
            menu.addAction(self.tr("Add to queue"), self.add_selected_to_queue)
            menu.addSeparator()
            for days, text in ((1, self.tr("Move one day later")), (-1, self.tr("Move one day earlier"))):
                action = QAction(text, menu)
                action.triggered.connect(lambda _c=False, d=days: self.request_move(item, item.day + timedelta(days=d)))
                menu.addAction(action)
        return menu

    def _on_grid_context_requested(self, item: CalendarItem, pos: QPoint) -> None:
        self._show_detail(item)
        self.context_menu = self._item_menu(item)
        self.context_menu.popup(pos)

    def _on_list_view_context_menu_requested(self, pos: QPoint) -> None:
        index = self.list_view.indexAt(pos)
        if not index.isValid():
            return
        self.list_view.selectRow(index.row())
        if self.selected is not None:
            self.context_menu = self._item_menu(self.selected)
            self.context_menu.popup(self.list_view.viewport().mapToGlobal(pos))

    # -- moving ---------------------------------------------------------------------------------------------

    def request_move(self, item: CalendarItem, day: date, at: time | None = None) -> None:
        """Move the post to ``day`` (keeping each channel's wall-clock time) or, with ``at``, to that time of the
        user's zone on ``day``. Asks first when the network already holds a copy."""
        if not item.movable:
            self._show_text(self.tr("Only posts that have not gone out yet can be moved."), error=True)
            return
        calendar = self._services.calendar
        post_id = item.post_id
        if at is None:
            days = (day - item.day).days
            if not days:
                return
            target = item.start + timedelta(days=days)
            job: Callable[[], PostDetail] = lambda: calendar.move(post_id, days=days)  # noqa: E731
            new_day = day
        else:
            when = wall_to_utc(day, at, self.user_tz)
            target = when.astimezone(self.user_tz)
            job = lambda: calendar.move(post_id, at=when)  # noqa: E731
            new_day = target.date()
        channels = [r.channel for r in item.rows if r.movable]
        held = item.handed_off
        if not held:
            self._run_move(job, item, new_day, target, channels)
            return
        when_text = ", ".join(
            f"{r.channel} ({_local_text(r.handoff_at or r.scheduled_at, self.user_tz)})" for r in held
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Move a post the network holds?"))
        box.setText(self.tr("The network already holds this post for %1; move it there too?").replace("%1", when_text))
        details = [
            self.tr("Publisher replaces the network's copy with one for %1.").replace(
                "%1", _local_text(target, self.user_tz)
            )
        ]
        if len(channels) > 1:
            details.append(
                self.tr("All %n channels of the post move: %1.", "", len(channels)).replace("%1", ", ".join(channels))
            )
        box.setInformativeText(" ".join(details))
        move = box.addButton(self.tr("Move"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def finished(_result: int) -> None:
            self.pending_confirmation = None
            self.confirm_move_button = None
            if box.clickedButton() is move:
                self._run_move(job, item, new_day, target, channels)
            else:
                self._show_text(self.tr("Nothing was moved."))

        box.finished.connect(finished)
        self.pending_confirmation = box
        self.confirm_move_button = move
        box.open()

    def _run_move(
        self, job: Callable[[], PostDetail], item: CalendarItem, day: date, target: datetime, channels: list[str]
    ) -> None:
        def done(_detail: PostDetail) -> None:
            text = (
                self.tr("Moved “%1” to %2.").replace("%1", item.title).replace("%2", _local_text(target, self.user_tz))
            )
            if len(channels) > 1:
                text += " " + self.tr("All %n channels moved: %1.", "", len(channels)).replace(
                    "%1", ", ".join(channels)
                )
            self._show_text(text)
            self._reselect = (item.post_id, day)
            self.reload()
            self.changes_applied.emit()

        self._tasks.run(job, on_done=done, on_failed=self._show_error)

    # -- review and queue ------------------------------------------------------------------------------------

    def approve_selected(self) -> None:
        item = self.selected
        if item is None:
            return
        posts = self._services.posts
        self._tasks.run(
            lambda: posts.approve(item.post_id),
            on_done=lambda detail: self._after_change(self.tr("Approved “%1”.").replace("%1", item.title), item),
            on_failed=self._show_error,
        )

    def send_back_selected(self) -> SendBackDialog | None:
        item = self.selected
        if item is None:
            return None
        dialog = SendBackDialog(item.title, self)
        posts = self._services.posts

        def accepted() -> None:
            comment = dialog.comment.toPlainText()
            self._tasks.run(
                lambda: posts.send_back(item.post_id, comment),
                on_done=lambda _d: self._after_change(
                    self.tr("Sent “%1” back to its author.").replace("%1", item.title), item
                ),
                on_failed=self._show_error,
            )

        dialog.accepted.connect(accepted)
        self.send_back_dialog = dialog
        dialog.open()
        return dialog

    def add_selected_to_queue(self) -> None:
        item = self.selected
        if item is None:
            return
        calendar = self._services.calendar

        def done(detail: PostDetail) -> None:
            times = ", ".join(
                f"{d.channel} {_local_text(d.scheduled_at, self.user_tz)}" for d in detail.deliveries if d.scheduled_at
            )
            self._show_text(self.tr("Queued: %1.").replace("%1", times))
            first = min((d.scheduled_at for d in detail.deliveries if d.scheduled_at), default=None)
            if first is not None:
                self._reselect = (item.post_id, first.astimezone(self.user_tz).date())
            self.reload()
            self.changes_applied.emit()

        self._tasks.run(lambda: calendar.add_to_queue(item.post_id), on_done=done, on_failed=self._show_error)

    def open_queue_dialog(self, channel: str | None = None) -> QueueSlotDialog | None:
        names = [name for _id, name in self.options.channels]
        if not names:
            self._show_text(self.tr("Add a channel first; then give it queue slots."), error=True)
            return None
        if channel is None and len(self.filters["channels"]) == 1:
            (only,) = self.filters["channels"]
            channel = next((n for i, n in self.options.channels if i == only), None)
        dialog = QueueSlotDialog(self._services, self._tasks, names, channel, self)
        dialog.saved.connect(self._on_queue_dialog_saved)
        self.queue_dialog = dialog
        dialog.open()
        return dialog

    def _on_queue_dialog_saved(self, channel: str) -> None:
        self._show_text(self.tr("Saved the queue of '%1'.").replace("%1", channel))
        self.reload()
        self.changes_applied.emit()

    def _after_change(self, text: str, item: CalendarItem) -> None:
        self._show_text(text)
        self._reselect = (item.post_id, item.day)
        self.reload()
        self.changes_applied.emit()

    # -- helpers ----------------------------------------------------------------------------------------------

    def _today(self) -> date:
        return self._services.clock.now().astimezone(self.user_tz).date()

    def _step(self, direction: int) -> date:
        if self.mode == "week":
            return self.anchor + timedelta(days=7 * direction)
        month = self.anchor.replace(day=1)
        if direction > 0:
            return (month + timedelta(days=32)).replace(day=1)
        return (month - timedelta(days=1)).replace(day=1)

    def _update_period_label(self) -> None:
        locale = QLocale()
        if self.mode == "week":
            first, last = self.period()
            end = last - timedelta(days=1)
            text = (
                locale.toString(QDate(first.year, first.month, first.day), "d MMM")
                + " – "
                + locale.toString(QDate(end.year, end.month, end.day), "d MMM yyyy")
            )
        else:
            text = f"{locale.standaloneMonthName(self.anchor.month)} {self.anchor.year}"
        self.period_label.setText(text)

    def _update_zone_label(self) -> None:
        self.zone_label.setText(self.tr("Times in %1").replace("%1", self.user_tz.key))

    def _show_error(self, exc: Exception) -> None:
        self._show_text(describe_exception(exc), error=True)

    def _show_text(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _local_text(value: datetime, tz: ZoneInfo) -> str:
    local = value.astimezone(tz)
    locale = QLocale()
    return (
        locale.toString(QDate(local.year, local.month, local.day), "ddd d MMM")
        + " "
        + locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    )
