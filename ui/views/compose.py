"""Compose: write a post in Markdown, pick channels, publish now or schedule it."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QLocale, QRegularExpression, Qt, QTime, QTimer, Signal
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
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from publisher.domain import ChannelInfo, Fix, PostDetail
from publisher.errors import PublisherError
from publisher.timezones import all_zone_names, local_zone_name
from ui.errors import describe_exception, problem_text
from ui.labels import local_datetime
from ui.tasks import TaskRunner
from ui.views.media_strip import MediaStrip
from ui.views.preview import NETWORK_NAMES, ChannelPanel, PreviewMedia
from ui.views.recurrence import RecurrenceEditor

if TYPE_CHECKING:
    from publisher.compose import CheckResult, Target
    from publisher.domain.brand import BrandProfile
    from publisher.services import Services

CHANNEL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TITLED_KINDS = {"wordpress", "feed"}  # networks whose posts have a title
LIVE_CHECK_LIMIT = 100_000  # characters; the core refuses longer posts (post.too_long)


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
        self._channels: dict[str, ChannelInfo] = {}
        self._brands: list[BrandProfile] = []
        self._panels: dict[str, ChannelPanel] = {}
        self._variants: dict[str, QPlainTextEdit] = {}
        self._results: dict[str, CheckResult] = {}
        self._loading_channels = False
        self.preview_kinds: list[str] = []

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title (optional; used by blogs and feeds)"))
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Write your post in Markdown…"))
        self.editor.setTabChangesFocus(True)
        self._highlighter = MarkdownHighlighter(self.editor.document())
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor_tabs = QTabWidget()
        self.editor_tabs.setDocumentMode(True)
        self.editor_tabs.setTabsClosable(True)
        self.editor_tabs.addTab(self.editor, self.tr("Draft"))
        self.editor_tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.editor_tabs.tabCloseRequested.connect(self._on_variant_tab_close_requested)
        self.media = MediaStrip(tasks)
        self.media.changed.connect(self._schedule_update)

        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor_tabs, 1)
        editor_layout.addWidget(self.counter)
        editor_layout.addWidget(self.media)

        # live panels
        self.kinds_button = QToolButton()
        self.kinds_button.setText(self.tr("Preview for networks"))
        self.kinds_button.setToolTip(self.tr("See how the post fits networks you have no channel for yet"))
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        kinds_menu = QMenu(self.kinds_button)
        for kind in NETWORK_NAMES:
            if kind == "feed":
                continue
            action = kinds_menu.addAction(NETWORK_NAMES.get(kind, kind))
            action.setCheckable(True)
            action.setData(kind)
            action.toggled.connect(self._on_kind_toggled)
        self.kinds_button.setMenu(kinds_menu)
        self._kind_actions = {a.data(): a for a in kinds_menu.actions()}
        self.panels_container = QWidget()
        self.panels_layout = QVBoxLayout(self.panels_container)
        self.panels_layout.setContentsMargins(0, 0, 0, 0)
        self.panels_layout.addStretch(1)
        self.no_panels = QLabel(self.tr("Choose a channel below to see the post as it will appear there."))
        self.no_panels.setWordWrap(True)
        self.no_panels.setEnabled(False)
        self.panels_layout.insertWidget(0, self.no_panels)
        panels_scroll = QScrollArea()
        panels_scroll.setWidgetResizable(True)
        panels_scroll.setWidget(self.panels_container)
        panels_scroll.setFrameShape(QFrame.Shape.NoFrame)
        panels_box = QWidget()
        panels_layout = QVBoxLayout(panels_box)
        panels_layout.setContentsMargins(0, 0, 0, 0)
        panels_header = QHBoxLayout()
        preview_label = QLabel(self.tr("Preview and checks"))
        preview_label.setObjectName("detailTitle")
        panels_header.addWidget(preview_label, 1)
        panels_header.addWidget(self.kinds_button)
        panels_layout.addLayout(panels_header)
        panels_layout.addWidget(panels_scroll, 1)

        # channels
        self.channel_model = QStandardItemModel(self)
        self.channel_model.itemChanged.connect(self._on_channel_item_changed)
        self.channel_list = QListView()
        self.channel_list.setModel(self.channel_model)
        self.channel_list.setMinimumHeight(60)
        self.channel_list.setMaximumHeight(110)
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
        self.queue_radio = QRadioButton(self.tr("Next queue slot"))
        self.queue_radio.setToolTip(self.tr("Each channel's next free slot in its queue (set under Calendar)"))
        group.addButton(self.queue_radio)
        self.recurrence = RecurrenceEditor()
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
        when_form = QGridLayout(when_box)
        when_form.addWidget(self.now_radio, 0, 0)
        when_form.addWidget(self.at_radio, 1, 0)
        when_form.addWidget(self.when_edit, 1, 1)
        when_form.addWidget(QLabel(self.tr("Time zone:")), 2, 0)
        when_form.addWidget(self.zone_combo, 2, 1)
        when_form.addWidget(self.queue_radio, 3, 0, 1, 2)
        when_form.addWidget(self.recurrence, 4, 0, 1, 2)
        self._on_at_radio_toggled(False)

        self.campaign_edit = QLineEdit()
        self.campaign_edit.setPlaceholderText(self.tr("Campaign (optional)"))
        self.brand_combo = QComboBox()
        self.brand_combo.addItem(self.tr("No brand profile"), None)
        self.brand_combo.currentIndexChanged.connect(self._schedule_update)
        details_box = QGroupBox(self.tr("Details"))
        details_form = QFormLayout(details_box)
        details_form.addRow(self.tr("Campaign:"), self.campaign_edit)
        details_form.addRow(self.tr("Brand:"), self.brand_combo)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setDefault(True)
        self.publish_button.setToolTip(self.tr("Publish or schedule the post (Ctrl+Return)"))
        self.publish_button.clicked.connect(self._on_publish_clicked)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_publish_clicked)
        action_box = QWidget()
        action_layout = QVBoxLayout(action_box)
        action_layout.setContentsMargins(0, 0, 0, 0)
        action_layout.addWidget(self.message, 1)
        action_layout.addWidget(self.publish_button, 0, Qt.AlignmentFlag.AlignRight)

        for box in (channels_box, when_box, details_box):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        bottom = QHBoxLayout()
        top = Qt.AlignmentFlag.AlignTop
        bottom.addWidget(channels_box, 3, top)
        bottom.addWidget(when_box, 3, top)
        bottom.addWidget(details_box, 3, top)
        bottom.addWidget(action_box, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor_box)
        splitter.addWidget(panels_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Compose"))
        heading.setObjectName("viewHeading")
        layout.addWidget(heading)
        layout.addWidget(self.title_edit)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(30)  # coalesce keystrokes; rendering all kinds takes a few ms
        self._update_timer.timeout.connect(self.update_panels)
        self.title_edit.textChanged.connect(self._schedule_update)
        self._on_editor_text_changed()
        self._update_publish_label()
        self.now_radio.toggled.connect(self._update_publish_label)
        self.queue_radio.toggled.connect(self._update_publish_label)

    # -- public -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._tasks.run(self._services.channels.all, on_done=self._on_channels_loaded)
        self._tasks.run(self._services.brands.all, on_done=self._on_brands_loaded)

    def focus_editor(self) -> None:
        self.editor_tabs.setCurrentIndex(0)
        self.editor.setFocus()

    def set_preview_kinds(self, kinds: list[str]) -> None:
        for kind, action in self._kind_actions.items():
            action.setChecked(kind in kinds)

    def panel(self, name: str) -> ChannelPanel:
        return self._panels[name]

    def result(self, name: str) -> CheckResult:
        return self._results[name]

    def variant_editor(self, channel: str) -> QPlainTextEdit | None:
        return self._variants.get(channel)

    def open_variant(self, channel: str) -> QPlainTextEdit:
        """A tab with the channel's own text, starting from the draft; closing the tab drops the variant."""
        editor = self._variants.get(channel)
        if editor is None:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setPlainText(self.editor.toPlainText())
            MarkdownHighlighter(editor.document())
            editor.textChanged.connect(self._schedule_update)
            self._variants[channel] = editor
            self.editor_tabs.addTab(editor, channel)
        self.editor_tabs.setCurrentWidget(editor)
        self._schedule_update()
        return editor

    # -- slots ------------------------------------------------------------------------------------

    def _on_channels_loaded(self, channels: list[ChannelInfo]) -> None:
        checked = set(self.checked_channels())
        self._loading_channels = True
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
        self._loading_channels = False
        self._channels = {c.name: c for c in channels}
        self.no_channels.setVisible(not channels)
        self.channel_list.setVisible(bool(channels))
        self.update_panels()

    def _on_brands_loaded(self, brands: list[BrandProfile]) -> None:
        current = self.brand_combo.currentData()
        self._brands = brands
        self.brand_combo.blockSignals(True)
        self.brand_combo.clear()
        self.brand_combo.addItem(self.tr("No brand profile"), None)
        for brand in brands:
            self.brand_combo.addItem(brand.name, brand.name)
        default = self._services.brands.default_name(brands) if current is None else current
        index = self.brand_combo.findData(default)
        self.brand_combo.setCurrentIndex(max(index, 0))
        self.brand_combo.blockSignals(False)
        self.update_panels()

    def _on_channel_item_changed(self, _item: QStandardItem) -> None:
        if not self._loading_channels:
            self.update_panels()

    def _on_kind_toggled(self, _checked: bool) -> None:
        self.preview_kinds = [k for k, a in self._kind_actions.items() if a.isChecked()]
        self.update_panels()

    def checked_channels(self) -> list[str]:
        names = []
        for row in range(self.channel_model.rowCount()):
            item = self.channel_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(item.text())
        return names

    def current_brand(self) -> BrandProfile | None:
        name = self.brand_combo.currentData()
        return next((b for b in self._brands if b.name == name), None)

    def _schedule_update(self) -> None:
        self._update_timer.start()

    def _targets(self) -> list[Target]:
        from publisher.compose import Target, text_kind_of

        targets = []
        for name in self.checked_channels():
            info = self._channels.get(name)
            if info is None:
                continue
            limit = info.settings.get("max_characters")
            targets.append(
                Target(
                    name=name,
                    kind=text_kind_of(info.kind),
                    limit=limit if isinstance(limit, int) else None,
                    channel=name,
                )
            )
        targets += [Target(name=NETWORK_NAMES.get(k, k), kind=k) for k in self.preview_kinds]
        return targets

    def update_panels(self) -> None:
        """Re-check and re-render the draft for every target (CPU only, a few ms: runs on every keystroke)."""
        self._update_timer.stop()
        if not self.checked_channels() and not self.preview_kinds and not self._panels:
            self.no_panels.setVisible(True)
            return  # nothing to check: the text engine need not even load
        from publisher.compose import check_text

        targets = self._targets()
        if len(self.editor.toPlainText()) > LIVE_CHECK_LIMIT:
            # A pasted book would take seconds per keystroke to render for every network: say so instead.
            self._results = {}
            self._show_error(
                self.tr("This draft is too long to check as you type (%1 characters). Posts take up to %2.")
                .replace("%1", QLocale().toString(len(self.editor.toPlainText())))
                .replace("%2", QLocale().toString(LIVE_CHECK_LIMIT))
            )
            return
        wanted = {t.name for t in targets}
        for name in list(self._panels):
            if name not in wanted:
                gone = self._panels.pop(name)
                gone.hide()
                gone.setParent(None)
                gone.deleteLater()
        brand = self.current_brand()
        draft = self.editor.toPlainText()
        title = self.title_edit.text().strip()
        media = [PreviewMedia(a.thumbnail, a.alt) for a in self.media.attachments()]
        media_infos = [(a.info, a.alt) for a in self.media.attachments()]
        self._results = {}
        for index, target in enumerate(targets):
            existing = self._panels.get(target.name)
            if existing is None:
                panel = ChannelPanel(target.name, target.kind, channel=target.channel is not None)
                panel.fix_requested.connect(self._on_panel_fix_requested)
                panel.customise_requested.connect(self.open_variant)
                self._panels[target.name] = panel
            else:
                panel = existing
            self.panels_layout.insertWidget(index + 1, panel)
            variant = self._variants.get(target.name)
            text = variant.toPlainText() if variant is not None else draft
            result = check_text(text, target, brand=brand, media=media_infos)
            self._results[target.name] = result
            info = self._channels.get(target.name)
            account = info.name if info else self.tr("Your organisation")
            handle = (info.handle or info.base_url or "") if info else "@you"
            titled = target.kind in TITLED_KINDS
            panel.show_result(result, account=account, handle=handle, title=title if titled else "", media=media)
        self.no_panels.setVisible(not targets)

    def _on_panel_fix_requested(self, name: str, fix: Fix) -> None:
        from publisher.domain.brand import apply_fix

        editor = self._variants.get(name) or self.editor
        editor.setPlainText(apply_fix(editor.toPlainText(), fix))
        self.update_panels()

    def _on_variant_tab_close_requested(self, index: int) -> None:
        widget = self.editor_tabs.widget(index)
        for name, editor in list(self._variants.items()):
            if editor is widget:
                del self._variants[name]
                self.editor_tabs.removeTab(index)
                editor.deleteLater()
        self._schedule_update()

    def _on_editor_text_changed(self) -> None:
        text = self.editor.toPlainText()
        words = len(re.findall(r"\S+", text))
        self.counter.setText(self.tr("%n character(s)", "", len(text)) + " · " + self.tr("%n word(s)", "", words))
        self._schedule_update()

    def _on_at_radio_toggled(self, checked: bool) -> None:
        self.when_edit.setEnabled(checked)
        self.zone_combo.setEnabled(checked)
        self.recurrence.setEnabled(checked)

    def _update_publish_label(self) -> None:
        if self.queue_radio.isChecked():
            self.publish_button.setText(self.tr("Add to queue"))
            return
        self.publish_button.setText(self.tr("Publish now") if self.now_radio.isChecked() else self.tr("Schedule"))

    def _datetime_format(self) -> str:
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
        self.update_panels()
        channels = self.checked_channels()
        blocked = [(name, r) for name, r in self._results.items() if not r.ok and name in channels]
        if blocked:
            name, result = blocked[0]
            first = next(p for p in result.problems if p.blocks)
            detail = f"{name}: {problem_text(first.code, first.params)}"
            self._show_error(self.tr("Fix the problems that block publishing first. %1").replace("%1", detail))
            return
        body = self.editor.toPlainText()
        title = self.title_edit.text()
        campaign = self.campaign_edit.text()
        channels = self.checked_channels()
        variants = {name: editor.toPlainText() for name, editor in self._variants.items() if name in channels}
        from publisher.media import MediaInput

        media = [MediaInput(path=a.path, alt_text=a.alt) for a in self.media.attachments()]
        brand = self.brand_combo.currentData()
        try:
            when, zone_name = self._selected_time()
        except _ZoneError as exc:
            self._show_error(self.tr("'%1' is not a known time zone. Pick one from the list.").replace("%1", exc.zone))
            return
        if self._create_queued_or_recurring(
            body, channels, title=title, campaign=campaign, variants=variants, media=media, brand=brand
        ):
            return
        self._set_busy(True)
        self._tasks.run(
            lambda: self._services.posts.create(
                body,
                channels=channels,
                title=title,
                campaign=campaign,
                at=when,
                tz=zone_name,
                variants=variants,
                media=media,
                brand=brand,
            ),
            on_done=self._on_post_created,
            on_failed=self._on_post_failed,
        )

    def _create_queued_or_recurring(self, body: str, channels: list[str], **create: Any) -> bool:
        """Queue the post, or create a recurring series; False when it is an ordinary post."""
        calendar = self._services.calendar
        if self.queue_radio.isChecked():
            self._set_busy(True)
            self._tasks.run(
                lambda: calendar.create_queued(body, channels=channels, **create),
                on_done=self._on_post_created,
                on_failed=self._on_post_failed,
            )
            return True
        if not self.at_radio.isChecked():
            return False
        try:
            rule = self.recurrence.rule()
            when, zone_name = self._selected_time()
        except _ZoneError as exc:
            self._show_error(self.tr("'%1' is not a known time zone. Pick one from the list.").replace("%1", exc.zone))
            return True
        except PublisherError as exc:
            self._show_error(describe_exception(exc))
            return True
        if rule is None or when is None:
            return False
        self._set_busy(True)
        self._tasks.run(
            lambda: calendar.create_recurring(body, channels=channels, at=when, tz=zone_name, rule=rule, **create),
            on_done=self._on_series_created,
            on_failed=self._on_post_failed,
        )
        return True

    def _on_series_created(self, details: list[PostDetail]) -> None:
        self._on_post_created(details[0])
        self.recurrence.set_rule(None)
        self._show_info(self.tr("Created %n post(s) in the series.", "", len(details)) + " " + self.message.text())

    def _on_post_created(self, detail: PostDetail) -> None:
        self._set_busy(False)
        self.editor.clear()
        self.title_edit.clear()
        self.campaign_edit.clear()
        self.media.clear()
        for name in list(self._variants):
            index = self.editor_tabs.indexOf(self._variants[name])
            self._on_variant_tab_close_requested(index)
        self.now_radio.setChecked(True)
        self._reset_when()
        channels = ", ".join(d.channel for d in detail.deliveries)
        first = detail.deliveries[0].scheduled_at if detail.deliveries else None
        if first is not None and first > self._services.clock.now():
            text = self.tr("Scheduled for %1 (%2).").replace("%1", local_datetime(first))
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
