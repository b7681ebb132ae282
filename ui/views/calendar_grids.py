"""The calendar's painted grids: a month of day cells and a week of hour rows.

Both paint :class:`~ui.views.calendar_items.CalendarItem`s in campaign colours and handle the mouse themselves:
press selects, dragging by more than the platform's drag distance shows where the item would land, and releasing
on another day (month) or time (week) emits ``move_requested``. No QDrag: the move stays inside the widget, so
it works the same offscreen and under test.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from ui.views.calendar_items import CalendarItem, campaign_colours, item_tooltip, problem_colour

Drop = tuple[date, time | None]


def _small_font(font: QFont) -> QFont:
    small = QFont(font)
    if small.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
    return small


class _GridBase(QWidget):
    """Selection, tooltips, context menu and the in-widget drag shared by the month and week grids."""

    item_selected = Signal(object)  # CalendarItem | None
    item_activated = Signal(object)  # CalendarItem (double-click)
    move_requested = Signal(object, object, object)  # CalendarItem, date, time | None (None: keep the time)
    context_requested = Signal(object, QPoint)  # CalendarItem, global position
    day_selected = Signal(object)  # date
    day_activated = Signal(object)  # date (double-click on a day, not on an item)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_tz = ZoneInfo("UTC")
        self.items_by_day: dict[date, list[CalendarItem]] = {}
        self.selected: CalendarItem | None = None
        self.selected_day: date | None = None
        self.today = date.today()
        self._hits: list[tuple[QRect, CalendarItem]] = []
        self._press: tuple[QPoint, CalendarItem, QPoint] | None = None  # start, item, offset in the item
        self._drag_pos: QPoint | None = None
        self._drop: Drop | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- data -----------------------------------------------------------------------------------------

    def set_items(self, by_day: dict[date, list[CalendarItem]], user_tz: ZoneInfo, today: date) -> None:
        self.items_by_day = by_day
        self.user_tz = user_tz
        self.today = today
        if self.selected is not None:
            self.selected = self.find_item(self.selected.post_id, self.selected.day)
        self._relayout()
        self.update()

    def find_item(self, post_id: int, day: date) -> CalendarItem | None:
        return next((i for i in self.items_by_day.get(day, []) if i.post_id == post_id), None)

    def item_rect(self, post_id: int, day: date) -> QRect | None:
        """Where the post's item of that day is painted (None when it is not shown)."""
        return next((QRect(r) for r, i in self._hits if i.post_id == post_id and i.day == day), None)

    def item_at(self, pos: QPoint) -> CalendarItem | None:
        return next((i for r, i in reversed(self._hits) if r.contains(pos)), None)

    def select(self, item: CalendarItem | None) -> None:
        self.selected = item
        if item is not None:
            self.selected_day = item.day
        self.update()
        self.item_selected.emit(item)

    # -- for subclasses -------------------------------------------------------------------------------

    def _layout_items(self) -> list[tuple[QRect, CalendarItem]]:
        raise NotImplementedError

    def drop_target(self, pos: QPoint, offset: QPoint | None = None) -> Drop | None:
        raise NotImplementedError

    def _relayout(self) -> None:
        self._hits = self._layout_items()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _item_colours(self, item: CalendarItem) -> tuple[QColor, QColor, QColor]:
        return campaign_colours(item.campaign, self.palette())

    def _paint_item(
        self, painter: QPainter, rect: QRect, item: CalendarItem, text: str, *, ghost: bool = False
    ) -> None:
        fill, edge, ink = self._item_colours(item)
        palette = self.palette()
        painter.save()
        if ghost:
            painter.setOpacity(0.75)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRect(rect.left(), rect.top() + 1, 3, rect.height() - 2), edge)
        if item.has_problem or item is self.selected or ghost:
            colour = problem_colour(palette) if item.has_problem else palette.color(QPalette.ColorRole.Highlight)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(colour, 2 if item is self.selected or ghost else 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 3, 3)
        painter.setPen(ink)
        font = painter.font()
        if item.workflow_status in ("draft", "in_review"):
            font.setItalic(True)
            painter.setFont(font)
        metrics = painter.fontMetrics()
        area = rect.adjusted(6, 1, -4, -1)
        count = len(item.rows)
        if count > 1:
            badge = f"×{count}"
            width = metrics.horizontalAdvance(badge) + 2
            painter.drawText(
                QRect(area.right() - width, area.top(), width, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                badge,
            )
            area.setRight(area.right() - width - 2)
        if area.height() >= 2 * metrics.height() and "\n" in text:
            first, second = text.split("\n", 1)
            painter.drawText(
                area.left(),
                area.top() + metrics.ascent(),
                metrics.elidedText(first, Qt.TextElideMode.ElideRight, area.width()),
            )
            rest = QRect(area.left(), area.top() + metrics.height(), area.width(), area.height() - metrics.height())
            wrapped = metrics.elidedText(
                second, Qt.TextElideMode.ElideRight, rest.width() * max(1, rest.height() // metrics.height())
            )
            painter.drawText(rest, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, wrapped)
        else:
            line = text.replace("\n", " ")
            y = area.top() + (area.height() - metrics.height()) // 2 + metrics.ascent()
            painter.drawText(area.left(), y, metrics.elidedText(line, Qt.TextElideMode.ElideRight, area.width()))
        painter.restore()

    def _paint_ghost(self, painter: QPainter) -> None:
        if self._press is None or self._drag_pos is None:
            return
        _start, item, offset = self._press
        rect = self.item_rect(item.post_id, item.day)
        if rect is None:
            return
        ghost = QRect(self._drag_pos - offset, rect.size())
        painter.setFont(_small_font(self.font()))
        self._paint_item(painter, ghost, item, self._label(item), ghost=True)

    def _label(self, item: CalendarItem) -> str:
        symbol = f"{item.symbol} " if item.symbol else ""
        return f"{item.start:%H:%M} {symbol}{item.title}"

    # -- mouse ----------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position().toPoint()
        item = self.item_at(pos)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if item is None:
            target = self.drop_target(pos)
            if target is not None:
                self.selected_day = target[0]
                self.day_selected.emit(target[0])
            self.select(None)
            return
        self.select(item)
        rect = self.item_rect(item.post_id, item.day) or QRect(pos, QSize(1, 1))
        self._press = (pos, item, pos - rect.topLeft()) if item.movable else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        pos = event.position().toPoint()
        start, _item, offset = self._press
        if self._drag_pos is None and (pos - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._drag_pos = pos
        self._drop = self.drop_target(pos, offset)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, dragging = self._press, self._drag_pos is not None
        pos = event.position().toPoint()
        self._cancel_drag()
        if press is None or not dragging:
            super().mouseReleaseEvent(event)
            return
        _start, item, offset = press
        target = self.drop_target(pos, offset)
        if target is None:
            return
        day, at = target
        if day == item.day and (at is None or at == time(item.start.hour, item.start.minute)):
            return
        self.move_requested.emit(item, day, at)

    def _cancel_drag(self) -> None:
        self._press = None
        self._drag_pos = None
        self._drop = None
        self.unsetCursor()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag_pos is not None:
            self._cancel_drag()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self.item_activated.emit(self.selected)
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        item = self.item_at(pos)
        if item is not None:
            self.item_activated.emit(item)
            return
        target = self.drop_target(pos)
        if target is not None:
            self.day_activated.emit(target[0])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.item_at(event.pos())
        if item is not None:
            self.select(item)
            self.context_requested.emit(item, event.globalPos())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(event.pos())
            if item is not None:
                QToolTip.showText(event.globalPos(), item_tooltip(item, self.user_tz), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class MonthGrid(_GridBase):
    """Six weeks from the Monday on or before the 1st; each day's posts painted in its cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = date.today().replace(day=1)
        self.more: dict[date, int] = {}  # days with more posts than fit: how many are hidden
        self.setMinimumSize(420, 300)

    @staticmethod
    def first_day(month: date) -> date:
        return month - timedelta(days=month.weekday())

    def set_month(self, month: date) -> None:
        self.month = month.replace(day=1)
        self._relayout()
        self.update()

    def days(self) -> list[date]:
        first = self.first_day(self.month)
        return [first + timedelta(days=i) for i in range(42)]

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 8

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.first_day(self.month)).days
        top = self._header_height()
        width, height = self.width() / 7, (self.height() - top) / 6
        column, row = index % 7, index // 7
        x0, x1 = round(column * width), round((column + 1) * width)
        y0, y1 = round(top + row * height), round(top + (row + 1) * height)
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def _layout_items(self) -> list[tuple[QRect, CalendarItem]]:
        hits: list[tuple[QRect, CalendarItem]] = []
        self.more = {}
        small = QFontMetrics(_small_font(self.font()))
        line = small.height() + 4
        number = self.fontMetrics().height() + 4
        for day in self.days():
            items = self.items_by_day.get(day)
            if not items:
                continue
            cell = self.cell_rect(day)
            area = cell.adjusted(3, number, -3, -2)
            room = max(0, area.height() // (line + 2))
            shown = items if len(items) <= room else items[: max(0, room - 1)]
            if len(shown) < len(items):
                self.more[day] = len(items) - len(shown)
            for index, item in enumerate(shown):
                hits.append((QRect(area.left(), area.top() + index * (line + 2), area.width(), line), item))
        return hits

    def drop_target(self, pos: QPoint, offset: QPoint | None = None) -> Drop | None:
        top = self._header_height()
        if pos.y() < top or not self.rect().contains(pos):
            return None
        column = min(6, max(0, int(pos.x() / (self.width() / 7))))
        row = min(5, max(0, int((pos.y() - top) / ((self.height() - top) / 6))))
        return self.first_day(self.month) + timedelta(days=row * 7 + column), None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        locale = QLocale()
        header = QRect(0, 0, self.width(), self._header_height())
        painter.fillRect(header, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        width = self.width() / 7
        for column in range(7):
            cell = QRect(round(column * width), 0, round(width), header.height())
            name = locale.dayName(column + 1, QLocale.FormatType.ShortFormat)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, name)
        grid = palette.color(QPalette.ColorRole.Mid)
        bold = QFont(self.font())
        bold.setBold(True)
        drop_day = self._drop[0] if self._drop is not None else None
        for day in self.days():
            cell = self.cell_rect(day)
            outside = day.month != self.month.month
            if outside:
                painter.fillRect(cell, palette.color(QPalette.ColorRole.AlternateBase))
            if day == drop_day:
                tint = QColor(palette.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(70)
                painter.fillRect(cell, tint)
            painter.setPen(grid)
            painter.drawRect(cell.adjusted(0, 0, -1, -1))
            number_rect = QRect(cell.left() + 4, cell.top() + 2, cell.width() - 8, self.fontMetrics().height())
            if day == self.today:
                painter.setFont(bold)
                painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            else:
                painter.setFont(self.font())
                role = QPalette.ColorRole.PlaceholderText if outside else QPalette.ColorRole.Text
                painter.setPen(palette.color(role))
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
            if day == self.selected_day and self.selected is None:
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                painter.drawRect(cell.adjusted(1, 1, -2, -2))
            hidden = self.more.get(day)
            if hidden:
                painter.setFont(_small_font(self.font()))
                painter.setPen(palette.color(QPalette.ColorRole.Text))
                more = self.tr("+%n more", "", hidden)
                painter.drawText(
                    cell.adjusted(6, 0, -4, -3), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, more
                )
        painter.setFont(_small_font(self.font()))
        for rect, item in self._hits:
            self._paint_item(painter, rect, item, self._label(item))
        self._paint_ghost(painter)
        painter.end()


class WeekGrid(_GridBase):
    """Seven day columns of 24 hour rows (inside a scroll area); items sit at their time."""

    SNAP_MINUTES = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.week = date.today() - timedelta(days=date.today().weekday())
        self.setMinimumHeight(24 * self.hour_height())

    def hour_height(self) -> int:
        return max(44, self.fontMetrics().height() * 3)

    def gutter(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 14

    def sizeHint(self) -> QSize:
        return QSize(700, 24 * self.hour_height())

    def set_week(self, monday: date) -> None:
        self.week = monday - timedelta(days=monday.weekday())
        self._relayout()
        self.update()

    def days(self) -> list[date]:
        return [self.week + timedelta(days=i) for i in range(7)]

    def column_rect(self, index: int) -> QRect:
        gutter = self.gutter()
        width = (self.width() - gutter) / 7
        x0, x1 = round(gutter + index * width), round(gutter + (index + 1) * width)
        return QRect(x0, 0, x1 - x0, self.height())

    def y_of(self, hour: int, minute: int) -> int:
        return round((hour * 60 + minute) / 60 * self.hour_height())

    def _layout_items(self) -> list[tuple[QRect, CalendarItem]]:
        hits: list[tuple[QRect, CalendarItem]] = []
        small = QFontMetrics(_small_font(self.font()))
        height = max(self.hour_height() // 2, small.height() * 2 + 4)
        for index, day in enumerate(self.days()):
            items = self.items_by_day.get(day)
            if not items:
                continue
            column = self.column_rect(index).adjusted(2, 0, -3, 0)
            lanes: list[int] = []  # the bottom of the last item in each lane
            placed: list[tuple[int, int, CalendarItem]] = []
            for item in items:
                top = self.y_of(item.start.hour, item.start.minute)
                lane = next((n for n, bottom in enumerate(lanes) if bottom <= top), len(lanes))
                if lane == len(lanes):
                    lanes.append(0)
                lanes[lane] = top + height
                placed.append((top, lane, item))
            width = column.width() / max(1, len(lanes))
            for top, lane, item in placed:
                x0, x1 = round(column.left() + lane * width), round(column.left() + (lane + 1) * width)
                hits.append((QRect(x0, min(top, self.height() - height), x1 - x0 - 1, height), item))
        return hits

    def drop_target(self, pos: QPoint, offset: QPoint | None = None) -> Drop | None:
        gutter = self.gutter()
        if pos.x() < gutter or not self.rect().contains(pos):
            return None
        index = min(6, max(0, int((pos.x() - gutter) / ((self.width() - gutter) / 7))))
        y = pos.y() - (offset.y() if offset is not None else 0)
        minutes = round(y / self.hour_height() * 60 / self.SNAP_MINUTES) * self.SNAP_MINUTES
        minutes = min(24 * 60 - self.SNAP_MINUTES, max(0, minutes))
        return self.week + timedelta(days=index), time(minutes // 60, minutes % 60)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        gutter = self.gutter()
        hour = self.hour_height()
        for index, day in enumerate(self.days()):
            column = self.column_rect(index)
            if day == self.today:
                tint = QColor(palette.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(25)
                painter.fillRect(column, tint)
            elif day.weekday() >= 5:
                painter.fillRect(column, palette.color(QPalette.ColorRole.AlternateBase))
        drop = self._drop
        if drop is not None and drop[1] is not None and self._press is not None:
            index = (drop[0] - self.week).days
            if 0 <= index < 7:
                column = self.column_rect(index)
                tint = QColor(palette.color(QPalette.ColorRole.Highlight))
                tint.setAlpha(70)
                rect = self.item_rect(self._press[1].post_id, self._press[1].day)
                height = rect.height() if rect is not None else hour // 2
                painter.fillRect(
                    QRect(column.left(), self.y_of(drop[1].hour, drop[1].minute), column.width(), height), tint
                )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        for h in range(25):
            y = h * hour
            painter.drawLine(gutter, y, self.width(), y)
        for index in range(8):
            x = self.column_rect(index).left() if index < 7 else self.width() - 1
            painter.drawLine(x, 0, x, self.height())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        metrics = self.fontMetrics()
        for h in range(24):
            label = f"{h:02d}:00"
            painter.drawText(QRect(0, h * hour + 2, gutter - 6, metrics.height()), Qt.AlignmentFlag.AlignRight, label)
        now = datetime.now(self.user_tz)
        if now.date() in self.days():
            column = self.column_rect((now.date() - self.week).days)
            y = self.y_of(now.hour, now.minute)
            painter.setPen(QPen(problem_colour(palette), 2))
            painter.drawLine(column.left(), y, column.right(), y)
        painter.setFont(_small_font(self.font()))
        for rect, item in self._hits:
            if rect.intersects(event.rect()):
                self._paint_item(painter, rect, item, self._label(item).replace(" ", "\n", 1))
        self._paint_ghost(painter)
        painter.end()


class WeekHeader(QWidget):
    """The week's day names and dates, above the scrolling hour rows and aligned with their columns."""

    def __init__(self, grid: WeekGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setFixedHeight(self.fontMetrics().height() + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        locale = QLocale()
        bold = QFont(self.font())
        bold.setBold(True)
        for index, day in enumerate(self.grid.days()):
            column = self.grid.column_rect(index)
            rect = QRect(column.left(), 0, column.width(), self.height())
            text = f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} {day.day}"
            if day == self.grid.today:
                painter.setFont(bold)
                painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            else:
                painter.setFont(self.font())
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
