"""A channel's queue (weekly time slots that "Add to queue" fills) and its audience time zone, in one dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.planning import QueueSlotInfo
from publisher.timezones import all_zone_names, local_zone_name
from ui.errors import describe_exception
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.services import Services

SLOT_ROLE = Qt.ItemDataRole.UserRole + 1


def zone_combo(parent: QWidget | None = None, *, allow_none: bool = False) -> QComboBox:
    """An editable list of every IANA zone with search-as-you-type (optionally with an empty "none" entry)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    names = all_zone_names()
    if allow_none:
        combo.addItem("")
    combo.addItems(names)
    completer = QCompleter(names, combo)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


def weekday_name(weekday: int) -> str:
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


class QueueSlotDialog(QDialog):
    """Edit one channel's weekly slots and audience zone; nothing is saved until Save."""

    saved = Signal(str)  # the channel's name

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        channels: list[str],
        channel: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.setWindowTitle(self.tr("Queue and audience"))
        intro = QLabel(
            self.tr(
                '"Add to queue" puts a post in the channel\'s next free slot. Each slot is a weekday and a time on '
                "the clock of its time zone, so it stays put when summer time starts or ends."
            )
        )
        intro.setWordWrap(True)
        self.channel_combo = QComboBox()
        self.channel_combo.addItems(channels)
        if channel in channels:
            self.channel_combo.setCurrentText(channel)
        self.channel_combo.currentTextChanged.connect(self._load)
        self.audience_combo = zone_combo(allow_none=True)
        self.audience_combo.setToolTip(
            self.tr("Where most of the channel's readers live; the calendar shows times there beside yours.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Channel:"), self.channel_combo)
        form.addRow(self.tr("Audience time zone:"), self.audience_combo)

        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(150)
        self.weekday_combo = QComboBox()
        for day in range(7):
            self.weekday_combo.addItem(weekday_name(day), day)
        self.time_edit = QTimeEdit(QTime(9, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        self.zone = zone_combo()
        self.zone.setCurrentText(local_zone_name())
        self.add_button = QPushButton(self.tr("Add slot"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove slot"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.weekday_combo)
        add_row.addWidget(self.time_edit)
        add_row.addWidget(self.zone, 1)
        add_row.addWidget(self.add_button)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Weekly slots:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, 460)
        self._load(self.channel_combo.currentText())

    # -- loading ----------------------------------------------------------------------------------------

    def _load(self, channel: str) -> None:
        if not channel:
            return
        calendar = self._services.calendar
        self._tasks.run(
            lambda: (calendar.slots(channel), calendar.audience_zones().get(channel)),
            on_done=self._on_loaded,
            on_failed=self._show_error,
        )

    def _on_loaded(self, loaded: tuple[list[QueueSlotInfo], str | None]) -> None:
        slots, audience = loaded
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Weekday"), self.tr("Time"), self.tr("Time zone")])
        self._set_rows([(slot.weekday, slot.time, slot.tz) for slot in slots])
        self.audience_combo.setCurrentText(audience or "")
        if audience:
            self.zone.setCurrentText(audience)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.error_label.clear()

    def _set_rows(self, slots: list[tuple[int, str, str]]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for weekday, at, tz in sorted(slots):
            day = QStandardItem(weekday_name(weekday))
            day.setData((weekday, at, tz), SLOT_ROLE)
            self.model.appendRow([day, QStandardItem(at), QStandardItem(tz)])

    def slots(self) -> list[tuple[int, str, str]]:
        slots: list[tuple[int, str, str]] = []
        for row in range(self.model.rowCount()):
            weekday, at, tz = self.model.item(row, 0).data(SLOT_ROLE)
            slots.append((int(weekday), str(at), str(tz)))
        return slots

    # -- editing ----------------------------------------------------------------------------------------

    def add_slot(self, weekday: int, at: str, tz: str) -> None:
        if any(s[:2] == (weekday, at) for s in self.slots()):
            self._show_text(self.tr("There is a slot at that time already."))
            return
        self._set_rows([*self.slots(), (weekday, at, tz)])
        self.error_label.clear()

    def _on_add_clicked(self) -> None:
        tz = self.zone.currentText().strip()
        if tz not in all_zone_names():
            self._show_text(self.tr("'%1' is not a known time zone. Pick one from the list.").replace("%1", tz))
            return
        self.add_slot(int(self.weekday_combo.currentData()), self.time_edit.time().toString("HH:mm"), tz)

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.removeRow(row)

    def _on_save_clicked(self) -> None:
        channel = self.channel_combo.currentText()
        slots = self.slots()
        audience = self.audience_combo.currentText().strip() or None
        calendar = self._services.calendar

        def save() -> str:
            calendar.set_audience_zone(channel, audience)
            calendar.set_slots(channel, slots)
            return channel

        self.buttons.setEnabled(False)
        self._tasks.run(save, on_done=self._on_saved, on_failed=self._show_error)

    def _on_saved(self, channel: str) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(channel)
        self.accept()

    def _show_error(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self._show_text(describe_exception(exc))

    def _show_text(self, text: str) -> None:
        self.error_label.setText(text)
