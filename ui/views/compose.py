"""Compose: write a post in Markdown, pick channels, publish now or schedule it."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from publisher.domain import ChannelInfo, PostDetail
from publisher.timezones import all_zone_names, local_zone_name
from ui.errors import describe_exception
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.services import Services

CHANNEL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, code, lists and quotes, in colours derived from the palette."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._rules: list[tuple[QRegularExpression, QTextCharFormat]] = []

        def fmt(
            *, bold: bool = False, italic: bool = False, color: QColor | None = None, mono: bool = False
        ) -> QTextCharFormat:
            f = QTextCharFormat()
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            if italic:
                f.setFontItalic(True)
            if color is not None:
                f.setForeground(color)
            if mono:
                f.setFontFamilies(["monospace"])
            return f

        link = QColor(42, 111, 219)
        muted = QColor(128, 128, 128)
        self._rules = [
            (QRegularExpression(r"^#{1,6}\s.*$"), fmt(bold=True, color=QColor(180, 80, 40))),
            (QRegularExpression(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), fmt(bold=True)),
            (QRegularExpression(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)"), fmt(italic=True)),
            (QRegularExpression(r"`[^`\n]+`"), fmt(mono=True, color=QColor(160, 60, 140))),
            (QRegularExpression(r"\[[^\]\n]*\]\([^)\n]*\)|https?://\S+"), fmt(color=link)),
            (QRegularExpression(r"^\s*([-*+]|\d+\.)\s"), fmt(bold=True, color=muted)),
            (QRegularExpression(r"^>.*$"), fmt(italic=True, color=muted)),
            (QRegularExpression(r"(?<!\w)#\w+"), fmt(color=link)),
        ]

    def highlightBlock(self, text: str) -> None:
        for pattern, style in self._rules:
            it = pattern.globalMatch(text)
            while it.hasNext():
                match = it.next()
                self.setFormat(match.capturedStart(), match.capturedLength(), style)


class ComposeView(QWidget):
    post_created = Signal(object)  # PostDetail
    channels_requested = Signal()  # the user wants to add a channel

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._busy = False

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title (optional; used by blogs and feeds)"))
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write your post in Markdown…"))
        self.editor.setTabChangesFocus(True)
        self._highlighter = MarkdownHighlighter(self.editor.document())
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.editor.textChanged.connect(self._on_editor_text_changed)

        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.title_edit)
        editor_layout.addWidget(self.editor, 1)
        editor_layout.addWidget(self.counter)

        # channels
        self.channel_model = QStandardItemModel(self)
        self.channel_list = QListView()
        self.channel_list.setModel(self.channel_model)
        self.channel_list.setMinimumHeight(90)
        self.no_channels = QLabel(self.tr("No channels yet. Add one under Channels first."))
        self.no_channels.setWordWrap(True)
        self.add_channel_button = QPushButton(self.tr("Add channel…"))
        self.add_channel_button.clicked.connect(self.channels_requested)
        channels_box = QGroupBox(self.tr("Publish to"))
        channels_layout = QVBoxLayout(channels_box)
        channels_layout.addWidget(self.channel_list, 1)
        channels_layout.addWidget(self.no_channels)
        channels_layout.addWidget(self.add_channel_button, 0, Qt.AlignmentFlag.AlignLeft)

        # when
        self.now_radio = QRadioButton(self.tr("Publish now"))
        self.at_radio = QRadioButton(self.tr("Schedule at"))
        self.now_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.now_radio)
        group.addButton(self.at_radio)
        self.when_edit = QDateTimeEdit()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(self._datetime_format())
        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(all_zone_names())
        self.zone_combo.setCurrentText(local_zone_name())
        completer = QCompleter(all_zone_names(), self.zone_combo)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone_combo.setCompleter(completer)
        self.zone_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zone_combo.setMinimumContentsLength(16)
        self.at_radio.toggled.connect(self._on_at_radio_toggled)
        self._reset_when()
        when_box = QGroupBox(self.tr("When"))
        when_form = QFormLayout(when_box)
        when_form.addRow(self.now_radio)
        when_form.addRow(self.at_radio)
        when_form.addRow(self.tr("Date and time:"), self.when_edit)
        when_form.addRow(self.tr("Time zone:"), self.zone_combo)
        self._on_at_radio_toggled(False)

        self.campaign_edit = QLineEdit()
        self.campaign_edit.setPlaceholderText(self.tr("Campaign (optional)"))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setDefault(True)
        self.publish_button.setToolTip(self.tr("Publish or schedule the post (Ctrl+Return)"))
        self.publish_button.clicked.connect(self._on_publish_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_publish_clicked)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(channels_box, 1)
        side_layout.addWidget(when_box)
        side_layout.addWidget(self.campaign_edit)
        side_layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.publish_button)
        side_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor_box)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Compose"))
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self._on_editor_text_changed()
        self._update_publish_label()
        self.now_radio.toggled.connect(self._update_publish_label)

    # -- public -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._tasks.run(self._services.channels.all, on_done=self._on_channels_loaded)

    def focus_editor(self) -> None:
        self.editor.setFocus()

    # -- slots ------------------------------------------------------------------------------------

    def _on_channels_loaded(self, channels: list[ChannelInfo]) -> None:
        checked = set(self.checked_channels())
        self.channel_model.clear()
        for channel in channels:
            item = QStandardItem(f"{channel.name}")
            item.setToolTip(channel.settings.get("path") or channel.base_url or channel.kind)
            item.setData(channel.id, CHANNEL_ID_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if channel.name in checked or len(channels) == 1 else Qt.CheckState.Unchecked
            )
            self.channel_model.appendRow(item)
        self.no_channels.setVisible(not channels)
        self.channel_list.setVisible(bool(channels))

    def checked_channels(self) -> list[str]:
        names = []
        for row in range(self.channel_model.rowCount()):
            item = self.channel_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(item.text())
        return names

    def _on_editor_text_changed(self) -> None:
        text = self.editor.toPlainText()
        words = len(re.findall(r"\S+", text))
        self.counter.setText(self.tr("%n character(s)", "", len(text)) + " · " + self.tr("%n word(s)", "", words))

    def _on_at_radio_toggled(self, checked: bool) -> None:
        self.when_edit.setEnabled(checked)
        self.zone_combo.setEnabled(checked)

    def _update_publish_label(self) -> None:
        self.publish_button.setText(self.tr("Publish now") if self.now_radio.isChecked() else self.tr("Schedule"))

    def _datetime_format(self) -> str:
        from PySide6.QtCore import QLocale

        locale = QLocale()
        return (
            f"{locale.dateFormat(QLocale.FormatType.ShortFormat)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"
        )

    def _reset_when(self) -> None:
        start = QDateTime.currentDateTime().addSecs(3600)
        start.setTime(QTime(start.time().hour(), 0))
        self.when_edit.setDateTime(start)

    def _selected_time(self) -> tuple[datetime | None, str]:
        zone_name = self.zone_combo.currentText().strip()
        if self.now_radio.isChecked():
            return None, zone_name or local_zone_name()
        local = self.when_edit.dateTime()
        date, time = local.date(), local.time()
        try:
            tz = ZoneInfo(zone_name)
        except (KeyError, ValueError):
            raise _ZoneError(zone_name) from None
        when = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=tz)
        return when, zone_name

    def _on_publish_clicked(self) -> None:
        if self._busy:
            return
        body = self.editor.toPlainText()
        title = self.title_edit.text()
        campaign = self.campaign_edit.text()
        channels = self.checked_channels()
        try:
            when, zone_name = self._selected_time()
        except _ZoneError as exc:
            self._show_error(self.tr("'%1' is not a known time zone. Pick one from the list.").replace("%1", exc.zone))
            return
        self._set_busy(True)
        self._tasks.run(
            lambda: self._services.posts.create(
                body, channels=channels, title=title, campaign=campaign, at=when, tz=zone_name
            ),
            on_done=self._on_post_created,
            on_failed=self._on_post_failed,
        )

    def _on_post_created(self, detail: PostDetail) -> None:
        self._set_busy(False)
        self.editor.clear()
        self.title_edit.clear()
        self.campaign_edit.clear()
        self.now_radio.setChecked(True)
        self._reset_when()
        channels = ", ".join(d.channel for d in detail.deliveries)
        if (
            detail.deliveries
            and detail.deliveries[0].scheduled_at
            and detail.deliveries[0].scheduled_at > (self._services.clock.now())
        ):
            from ui.labels import local_datetime

            text = self.tr("Scheduled for %1 (%2).").replace("%1", local_datetime(detail.deliveries[0].scheduled_at))
        else:
            text = self.tr("Publishing now to %2.")
        self._show_info(text.replace("%2", channels))
        self.post_created.emit(detail)

    def _on_post_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._show_error(describe_exception(exc))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.publish_button.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.message.setProperty("kind", "error")
        self.message.setStyleSheet(
            "color: palette(bright-text); background: #b3261e; padding: 6px; border-radius: 4px;"
        )
        self.message.setText(text)

    def _show_info(self, text: str) -> None:
        self.message.setProperty("kind", "info")
        self.message.setStyleSheet("")
        self.message.setText(text)


class _ZoneError(Exception):
    def __init__(self, zone: str) -> None:
        super().__init__(zone)
        self.zone = zone
