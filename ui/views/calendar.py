"""Calendar: a month of scheduled and published deliveries; the chosen day's list beside it."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QRect, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QStandardItem, QStandardItemModel, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QLabel, QListView, QSplitter, QVBoxLayout, QWidget

from publisher.domain import DeliveryInfo, DeliveryState
from ui.labels import delivery_state, state_symbol
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.services import Services

POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _MonthCalendar(QCalendarWidget):
    """A month grid that shows, in each day's cell, how many posts go out and the first titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: dict[QDate, list[tuple[DeliveryInfo, str]]] = {}

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = QDate(date)
        entries = self.entries.get(day)
        if not entries or rect.height() < 40:
            super().paintCell(painter, rect, date)
            return
        palette = self.palette()
        selected = day == self.selectedDate()
        bad = any(d.state in (DeliveryState.FAILED, DeliveryState.UNCONFIRMED) for d, _ in entries)
        painter.save()
        background = (
            palette.highlight().color() if selected else _blend(palette.base().color(), palette.highlight().color())
        )
        painter.fillRect(rect.adjusted(1, 1, -1, -1), background)
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        painter.setPen(text_color)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        number_rect = rect.adjusted(4, 2, -4, 0)
        number_rect.setHeight(metrics.height())
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(day.day()))
        font.setBold(False)
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.82))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = rect.adjusted(4, number_rect.height() + 4, -4, -2)
        by_post: dict[int, str] = {}
        for delivery, title in entries:  # one line per post, even when it goes to several channels
            by_post.setdefault(delivery.post_id, f"{state_symbol(delivery.state)} {title}")
        titles = list(by_post.values())
        room = max(1, area.height() // line)
        shown = titles if len(titles) <= room else titles[: room - 1]
        y = area.top()
        if bad and not selected:
            painter.setPen(QColor(220, 60, 50) if palette.base().color().lightness() < 128 else QColor(180, 30, 30))
        for text in shown:
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
            painter.drawText(area.left(), y + metrics.ascent(), elided)
            y += line
        if len(shown) < len(titles):
            painter.drawText(area.left(), y + metrics.ascent(), self.tr("+%n more", "", len(titles) - len(shown)))
        painter.restore()


class CalendarView(QWidget):
    post_activated = Signal(int)  # the user wants to see this post

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._by_day: dict[QDate, list[tuple[DeliveryInfo, str]]] = defaultdict(list)
        self._marked: list[QDate] = []
        self.calendar = _MonthCalendar()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_label = QLabel()
        self.day_label.setObjectName("detailTitle")
        self.day_model = QStandardItemModel(self)
        self.day_list = QListView()
        self.day_list.setModel(self.day_model)
        self.day_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.day_list.setWordWrap(True)
        self.day_list.activated.connect(lambda index: self.post_activated.emit(int(index.data(POST_ID_ROLE))))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.day_label)
        side_layout.addWidget(self.day_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.calendar)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        heading = QLabel(self.tr("Calendar"))
        heading.setObjectName("viewHeading")
        hint = QLabel(self.tr("Days with posts are marked. Double-click a post to open it in the post list."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = QDate(year, month, 1).addDays(-7)
        last = QDate(year, month, 1).addMonths(1).addDays(7)
        start = _to_utc(first)
        end = _to_utc(last)
        self._tasks.run(lambda: self._services.posts.deliveries_between(start, end), on_done=self._on_loaded)

    def _on_loaded(self, rows: list[tuple[DeliveryInfo, str]]) -> None:
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._by_day.clear()
        for delivery, title in rows:
            if delivery.scheduled_at is None:
                continue
            local = QDateTime.fromSecsSinceEpoch(int(delivery.scheduled_at.timestamp())).toLocalTime().date()
            self._by_day[local].append((delivery, title))
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QBrush(_blend(self.palette().base().color(), self.palette().highlight().color())))
        marked.setForeground(QBrush(self.palette().text().color()))
        failed = QTextCharFormat(marked)
        failed.setForeground(QBrush(Qt.GlobalColor.darkRed))
        self._marked = list(self._by_day)
        self.calendar.entries = self._by_day
        for day, entries in self._by_day.items():
            bad = any(d.state in (DeliveryState.FAILED, DeliveryState.UNCONFIRMED) for d, _ in entries)
            self.calendar.setDateTextFormat(day, failed if bad else marked)
        self._show_day()

    def _show_day(self) -> None:
        day = self.calendar.selectedDate()
        locale = QLocale()
        self.day_label.setText(locale.toString(day, QLocale.FormatType.LongFormat))
        self.day_model.clear()
        entries = self._by_day.get(day, [])
        for delivery, title in entries:
            assert delivery.scheduled_at is not None
            when = QDateTime.fromSecsSinceEpoch(int(delivery.scheduled_at.timestamp())).toLocalTime().time()
            text = (
                f"{locale.toString(when, QLocale.FormatType.ShortFormat)}  {state_symbol(delivery.state)} "
                f"{title}\n{delivery.channel} · {delivery_state(delivery.state)}"
            )
            item = QStandardItem(text)
            item.setData(delivery.post_id, POST_ID_ROLE)
            self.day_model.appendRow(item)
        if not entries:
            item = QStandardItem(self.tr("Nothing planned on this day."))
            item.setEnabled(False)
            item.setData(-1, POST_ID_ROLE)
            self.day_model.appendRow(item)

    def day_entries(self, day: QDate) -> list[tuple[DeliveryInfo, str]]:
        return list(self._by_day.get(day, []))


def _blend(base: QColor, tint: QColor, amount: float = 0.3) -> QColor:
    """A tint of the highlight colour over the base colour: readable in light and dark palettes alike."""
    return QColor.fromRgbF(
        base.redF() * (1 - amount) + tint.redF() * amount,
        base.greenF() * (1 - amount) + tint.greenF() * amount,
        base.blueF() * (1 - amount) + tint.blueF() * amount,
    )


def _to_utc(day: QDate) -> datetime:
    local = QDateTime(day, QTime(0, 0))
    return datetime.fromtimestamp(local.toSecsSinceEpoch(), tz=UTC)
