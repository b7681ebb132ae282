"""What the calendar's month, week and list views share: items (one post on one day), campaign colours, the
time-zone line ("09:00 Europe/Berlin · 03:00 America/New_York (audience)") and the list view's table model."""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor, QPalette

from publisher.domain import DeliveryState
from publisher.domain.planning import CalendarRow
from ui.labels import delivery_state, state_symbol

POST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DELIVERY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PROBLEM_STATES = (DeliveryState.FAILED, DeliveryState.UNCONFIRMED)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One post on one day of the user's calendar, with its deliveries that day (one per channel)."""

    post_id: int
    day: date
    start: datetime  # the earliest delivery, in the user's zone
    rows: tuple[CalendarRow, ...]

    @property
    def title(self) -> str:
        return self.rows[0].title

    @property
    def campaign(self) -> str | None:
        return self.rows[0].campaign

    @property
    def workflow_status(self) -> str:
        return self.rows[0].workflow_status

    @property
    def movable(self) -> bool:
        return any(r.movable for r in self.rows)

    @property
    def handed_off(self) -> tuple[CalendarRow, ...]:
        return tuple(r for r in self.rows if r.handed_off and r.movable)

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(r.channel for r in self.rows)

    @property
    def has_problem(self) -> bool:
        return any(r.state in PROBLEM_STATES for r in self.rows)

    @property
    def symbol(self) -> str:
        states = {r.state for r in self.rows}
        for state in (DeliveryState.UNCONFIRMED, DeliveryState.FAILED, DeliveryState.PUBLISHING):
            if state in states:
                return state_symbol(state)
        if states <= {DeliveryState.PUBLISHED, DeliveryState.CANCELLED}:
            return state_symbol(DeliveryState.PUBLISHED if DeliveryState.PUBLISHED in states else states.pop())
        return ""


def group_by_day(rows: Iterable[CalendarRow], tz: ZoneInfo) -> dict[date, list[CalendarItem]]:
    """Items per day of the user's zone, each day's in time order; a post's deliveries that day form one item."""
    grouped: dict[tuple[date, int], list[tuple[datetime, CalendarRow]]] = defaultdict(list)
    for row in rows:
        local = row.scheduled_at.astimezone(tz)
        grouped[(local.date(), row.post_id)].append((local, row))
    by_day: dict[date, list[CalendarItem]] = defaultdict(list)
    for (day, post_id), entries in grouped.items():
        by_day[day].append(
            CalendarItem(post_id=post_id, day=day, start=min(t for t, _ in entries), rows=tuple(r for _, r in entries))
        )
    for items in by_day.values():
        items.sort(key=lambda i: (i.start, i.post_id))
    return dict(by_day)


# -- colours ----------------------------------------------------------------------------------------------


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


HUES = (0, 210, 120, 35, 280, 175, 330, 60, 240, 150, 15, 300, 195, 90, 260, 345)  # far apart, in that order


def campaign_hue(name: str) -> int:
    """A stable hue for a campaign name: the same on every machine and run (CRC-32 of the name, not ``hash()``)."""
    return HUES[zlib.crc32(name.strip().casefold().encode("utf-8")) % len(HUES)]


def campaign_colours(name: str | None, palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """``(fill, edge, text)`` for an item of the campaign, readable in light and dark palettes alike. Posts
    without a campaign are grey."""
    dark = is_dark(palette)
    if not name:
        fill = QColor.fromHslF(0, 0, 0.30 if dark else 0.90)
        edge = QColor.fromHslF(0, 0, 0.60 if dark else 0.50)
    else:
        hue = campaign_hue(name) / 360
        fill = QColor.fromHslF(hue, 0.45 if dark else 0.70, 0.30 if dark else 0.88)
        edge = QColor.fromHslF(hue, 0.70, 0.60 if dark else 0.42)
    text = QColor(240, 240, 240) if dark else QColor(25, 25, 25)
    return fill, edge, text


def problem_colour(palette: QPalette) -> QColor:
    return QColor(240, 90, 80) if is_dark(palette) else QColor(180, 30, 30)


# -- time zones ---------------------------------------------------------------------------------------------


def _time_text(value: datetime, zone: ZoneInfo, reference: date | None) -> str:
    local = value.astimezone(zone)
    locale = QLocale()
    text = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if reference is not None and local.date() != reference:
        text = locale.toString(QDate(local.year, local.month, local.day), "ddd d MMM") + " " + text
    return text


def zone_line(row: CalendarRow, user_tz: ZoneInfo) -> str:
    """The delivery's time in the user's zone, the zone it was planned in and the channel's audience zone, side by
    side: ``09:00 Europe/Berlin · 03:00 America/New_York (audience)``. Other days are named."""
    home = row.scheduled_at.astimezone(user_tz).date()
    parts = {user_tz.key: f"{_time_text(row.scheduled_at, user_tz, None)} {user_tz.key}"}
    for key in (row.tz, row.audience_tz):
        if key and key not in parts:
            parts[key] = f"{_time_text(row.scheduled_at, ZoneInfo(key), home)} {key}"
    if row.audience_tz:
        parts[row.audience_tz] += " " + QCoreApplication.translate("calendar", "(audience)")
    return " · ".join(parts.values())


def item_tooltip(item: CalendarItem, user_tz: ZoneInfo) -> str:
    lines = [item.title or QCoreApplication.translate("calendar", "(untitled)")]
    for row in item.rows:
        lines.append(f"{row.channel} · {delivery_state(row.state)} · {zone_line(row, user_tz)}")
        if row.handed_off and row.movable:
            lines.append("  " + QCoreApplication.translate("calendar", "The network already holds this post."))
    if item.campaign:
        lines.append(QCoreApplication.translate("calendar", "Campaign: %1").replace("%1", item.campaign))
    if item.rows[0].author:
        lines.append(QCoreApplication.translate("calendar", "Author: %1").replace("%1", item.rows[0].author))
    if item.movable:
        lines.append(QCoreApplication.translate("calendar", "Drag to another day or time to move it."))
    return "\n".join(lines)


# -- the list view's model ------------------------------------------------------------------------------------


class CalendarListModel(QAbstractTableModel):
    """Every delivery of the period, one per row, in time order (a month holds at most a few thousand)."""

    COLUMNS = ("when", "title", "channel", "status", "campaign", "author", "zones")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CalendarRow] = []
        self.user_tz = ZoneInfo("UTC")
        self.palette = QPalette()

    def set_rows(self, rows: Sequence[CalendarRow], user_tz: ZoneInfo, palette: QPalette) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.user_tz = user_tz
        self.palette = palette
        self.endResetModel()

    def row_at(self, row: int) -> CalendarRow:
        return self._rows[row]

    def rows(self) -> list[CalendarRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        names = {
            "when": QCoreApplication.translate("calendar", "When"),
            "title": QCoreApplication.translate("calendar", "Post"),
            "channel": QCoreApplication.translate("calendar", "Channel"),
            "status": QCoreApplication.translate("calendar", "Status"),
            "campaign": QCoreApplication.translate("calendar", "Campaign"),
            "author": QCoreApplication.translate("calendar", "Author"),
            "zones": QCoreApplication.translate("calendar", "Time zones"),
        }
        return names[self.COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == POST_ID_ROLE:
            return row.post_id
        if role == DELIVERY_ID_ROLE:
            return row.delivery_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "when":
                local = row.scheduled_at.astimezone(self.user_tz)
                locale = QLocale()
                day = locale.toString(QDate(local.year, local.month, local.day), "ddd d MMM yyyy")
                return day + "  " + locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
            if column == "title":
                return row.title
            if column == "channel":
                return row.channel
            if column == "status":
                symbol = state_symbol(row.state)
                return f"{symbol} {delivery_state(row.state)}"
            if column == "campaign":
                return row.campaign or ""
            if column == "author":
                return row.author or ""
            return zone_line(row, self.user_tz)
        if role == Qt.ItemDataRole.DecorationRole and column == "title":
            return campaign_colours(row.campaign, self.palette)[1]
        if role == Qt.ItemDataRole.ForegroundRole and column == "status" and row.state in PROBLEM_STATES:
            return problem_colour(self.palette)
        if role == Qt.ItemDataRole.ToolTipRole:
            return zone_line(row, self.user_tz)
        return None
