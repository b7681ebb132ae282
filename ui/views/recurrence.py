"""The composer's repeat controls: none, every N days, or every N weeks on chosen weekdays; ending after a number of
posts or on a date. Produces a :class:`publisher.domain.recurrence.Recurrence` (the core checks it)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from publisher.domain.recurrence import MAX_INTERVAL, MAX_OCCURRENCES, Recurrence


class RecurrenceEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repeat_combo = QComboBox()
        self.repeat_combo.addItem(self.tr("Does not repeat"), None)
        self.repeat_combo.addItem(self.tr("Repeats daily"), "days")
        self.repeat_combo.addItem(self.tr("Repeats weekly"), "weeks")
        self.repeat_combo.setToolTip(
            self.tr("Each repeat becomes its own post at the same time of day in the chosen time zone")
        )
        self.every_label = QLabel(self.tr("every"))
        self.every_spin = QSpinBox()
        self.every_spin.setRange(1, MAX_INTERVAL)
        self.unit_label = QLabel()
        self.weekday_buttons: list[QToolButton] = []
        weekdays = QHBoxLayout()
        weekdays.setSpacing(2)
        locale = QLocale()
        for day in range(7):
            button = QToolButton()
            button.setText(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            button.setCheckable(True)
            button.toggled.connect(self.changed)
            weekdays.addWidget(button)
            self.weekday_buttons.append(button)
        weekdays.addStretch(1)
        self.end_combo = QComboBox()
        self.end_combo.addItem(self.tr("ends after"), "count")
        self.end_combo.addItem(self.tr("ends on"), "until")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_OCCURRENCES)
        self.count_spin.setValue(4)
        self.count_label = QLabel()
        self.until_edit = QDateEdit(QDate.currentDate().addMonths(1))
        self.until_edit.setCalendarPopup(True)

        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.repeat_combo)
        first.addWidget(self.every_label)
        first.addWidget(self.every_spin)
        first.addWidget(self.unit_label)
        first.addStretch(1)
        self.weekday_row = QWidget()
        self.weekday_row.setLayout(weekdays)
        weekdays.setContentsMargins(0, 0, 0, 0)
        end = QHBoxLayout()
        end.setContentsMargins(0, 0, 0, 0)
        end.addWidget(self.end_combo)
        end.addWidget(self.count_spin)
        end.addWidget(self.count_label)
        end.addWidget(self.until_edit)
        end.addStretch(1)
        self.end_row = QWidget()
        self.end_row.setLayout(end)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(first)
        layout.addWidget(self.weekday_row)
        layout.addWidget(self.end_row)
        for signal in (
            self.repeat_combo.currentIndexChanged,
            self.every_spin.valueChanged,
            self.end_combo.currentIndexChanged,
            self.count_spin.valueChanged,
        ):
            signal.connect(self._update)
        self._update()

    def _update(self) -> None:
        unit = self.repeat_combo.currentData()
        repeating = unit is not None
        for widget in (self.every_label, self.every_spin, self.unit_label, self.end_row):
            widget.setVisible(repeating)
        self.weekday_row.setVisible(unit == "weeks")
        n = self.every_spin.value()
        self.unit_label.setText(self.tr("day(s)", "", n) if unit == "days" else self.tr("week(s)", "", n))
        by_count = self.end_combo.currentData() == "count"
        self.count_spin.setVisible(by_count)
        self.count_label.setVisible(by_count)
        self.count_label.setText(self.tr("post(s)", "", self.count_spin.value()))
        self.until_edit.setVisible(not by_count)
        self.changed.emit()

    def set_rule(self, rule: Recurrence | None) -> None:
        if rule is None:
            self.repeat_combo.setCurrentIndex(0)
            return
        self.repeat_combo.setCurrentIndex(self.repeat_combo.findData(rule.unit))
        self.every_spin.setValue(rule.every)
        for day, button in enumerate(self.weekday_buttons):
            button.setChecked(day in rule.weekdays)
        if rule.count is not None:
            self.end_combo.setCurrentIndex(0)
            self.count_spin.setValue(rule.count)
        elif rule.until is not None:
            self.end_combo.setCurrentIndex(1)
            self.until_edit.setDate(QDate(rule.until.year, rule.until.month, rule.until.day))
        self._update()

    def rule(self) -> Recurrence | None:
        """The rule as chosen (``None``: does not repeat); raises the core's InputError for a bad one."""
        unit = self.repeat_combo.currentData()
        if unit is None:
            return None
        weekdays = tuple(d for d, b in enumerate(self.weekday_buttons) if b.isChecked()) if unit == "weeks" else ()
        if self.end_combo.currentData() == "count":
            return Recurrence(
                every=self.every_spin.value(), unit=unit, weekdays=weekdays, count=self.count_spin.value()
            )
        until = self.until_edit.date()
        return Recurrence(
            every=self.every_spin.value(),
            unit=unit,
            weekdays=weekdays,
            until=date(until.year(), until.month(), until.day()),
        )
