"""Brand: profiles that keep every channel in one voice (signatures, hashtags, banned and required wording, emoji,
exclamation marks, capitals, link tracking, image frame). The composer checks drafts against the chosen one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import describe_exception
from ui.tasks import TaskRunner
from ui.views.preview import NETWORK_NAMES

if TYPE_CHECKING:
    from publisher.domain.brand import BrandProfile
    from publisher.services import Services

ALL = "*"
ROW_KINDS = (
    ALL,
    "mastodon",
    "bluesky",
    "x",
    "threads",
    "linkedin",
    "telegram",
    "matrix",
    "discord",
    "wordpress",
    "feed",
)
POSITIONS = ("top-left", "top-right", "bottom-left", "bottom-right", "center")
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class BrandView(QWidget):
    changes_applied = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._current: str | None = None

        # list
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(lambda current, _prev: self._on_profile_chosen(current))
        self.new_button = QPushButton(self.tr("New profile"))
        self.new_button.clicked.connect(self.new_profile)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.empty_label = QLabel(self.tr("No brand profile yet. Create one to check every draft against it."))
        self.empty_label.setWordWrap(True)
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list, 1)
        list_layout.addWidget(self.empty_label)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.remove_button)
        list_layout.addLayout(list_buttons)

        # editor
        self.name_edit = QLineEdit()
        self.default_check = QCheckBox(self.tr("Use for new posts"))
        general = QGroupBox(self.tr("Profile"))
        general_form = QFormLayout(general)
        general_form.addRow(self.tr("Name:"), self.name_edit)
        general_form.addRow("", self.default_check)

        self.banned_edit = QPlainTextEdit()
        self.banned_edit.setPlaceholderText(self.tr("One word or phrase per line"))
        self.banned_edit.setFixedHeight(70)
        self.required_edit = QPlainTextEdit()
        self.required_edit.setPlaceholderText(self.tr("e.g. #Anzeige — one per line"))
        self.required_edit.setFixedHeight(50)
        self.emoji_combo = QComboBox()
        self.emoji_combo.addItem(self.tr("Allowed"), "allow")
        self.emoji_combo.addItem(self.tr("Limited"), "limit")
        self.emoji_combo.addItem(self.tr("Not allowed"), "forbid")
        self.max_emoji = QSpinBox()
        self.max_emoji.setRange(0, 50)
        self.max_emoji.setValue(3)
        self.emoji_combo.currentIndexChanged.connect(
            lambda _i: self.max_emoji.setEnabled(self.emoji_combo.currentData() == "limit")
        )
        emoji_row = QHBoxLayout()
        emoji_row.addWidget(self.emoji_combo, 1)
        emoji_row.addWidget(QLabel(self.tr("at most")))
        emoji_row.addWidget(self.max_emoji)
        self.max_exclamations = QSpinBox()
        self.max_exclamations.setRange(-1, 50)
        self.max_exclamations.setSpecialValueText(self.tr("no limit"))
        self.max_exclamations.setValue(-1)
        self.caps_check = QCheckBox(self.tr("Flag words written in capitals"))
        self.caps_length = QSpinBox()
        self.caps_length.setRange(2, 50)
        self.caps_length.setValue(4)
        self.caps_length.setSuffix(" " + self.tr("letters or more"))
        self.caps_exceptions = QLineEdit()
        self.caps_exceptions.setPlaceholderText(self.tr("Allowed abbreviations, separated by commas"))
        voice = QGroupBox(self.tr("Voice"))
        voice_form = QFormLayout(voice)
        voice_form.addRow(self.tr("Banned words:"), self.banned_edit)
        voice_form.addRow(self.tr("Required wording:"), self.required_edit)
        voice_form.addRow(self.tr("Emoji:"), emoji_row)
        voice_form.addRow(self.tr("Exclamation marks:"), self.max_exclamations)
        voice_form.addRow(self.caps_check)
        voice_form.addRow(self.tr("Capitals:"), self.caps_length)
        voice_form.addRow(self.tr("Exceptions:"), self.caps_exceptions)

        self.channel_table = QTableWidget(len(ROW_KINDS), 2)
        self.channel_table.setHorizontalHeaderLabels([self.tr("Signature"), self.tr("Hashtags")])
        self.channel_table.setVerticalHeaderLabels(
            [self.tr("All channels") if k == ALL else NETWORK_NAMES.get(k, k) for k in ROW_KINDS]
        )
        self.channel_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.channel_table.setMinimumHeight(self.channel_table.verticalHeader().length() + 30)
        per_channel = QGroupBox(self.tr("Per channel"))
        per_channel_layout = QVBoxLayout(per_channel)
        hint = QLabel(self.tr("A network's row overrides “All channels”. Hashtags are separated by spaces."))
        hint.setWordWrap(True)
        per_channel_layout.addWidget(hint)
        per_channel_layout.addWidget(self.channel_table)

        self.utm_edits = {key: QLineEdit() for key in ("source", "medium", "campaign", "term", "content")}
        self.utm_edits["source"].setPlaceholderText("{kind}")
        self.utm_edits["medium"].setPlaceholderText("social")
        self.utm_edits["campaign"].setPlaceholderText("{campaign}")
        links = QGroupBox(self.tr("Link tracking (UTM)"))
        links_form = QFormLayout(links)
        utm_hint = QLabel(
            self.tr("Added to every link on the way out, never twice. {kind}, {channel} and {campaign} are filled in.")
        )
        utm_hint.setWordWrap(True)
        links_form.addRow(utm_hint)
        for key, edit in self.utm_edits.items():
            links_form.addRow(f"utm_{key}:", edit)

        self.border_width = QSpinBox()
        self.border_width.setRange(0, 500)
        self.border_width.setSuffix(" px")
        self.border_color = QPushButton("#ffffff")
        self.border_color.clicked.connect(self._on_border_color_clicked)
        self.watermark_text = QLineEdit()
        self.watermark_text.setPlaceholderText(self.tr("e.g. © Example Ltd"))
        self.position_combo = QComboBox()
        for key, label in zip(
            POSITIONS,
            (
                self.tr("Top left"),
                self.tr("Top right"),
                self.tr("Bottom left"),
                self.tr("Bottom right"),
                self.tr("Centre"),
            ),
            strict=True,
        ):
            self.position_combo.addItem(label, key)
        self.position_combo.setCurrentIndex(POSITIONS.index("bottom-right"))
        self.opacity = QDoubleSpinBox()
        self.opacity.setRange(0.0, 1.0)
        self.opacity.setSingleStep(0.1)
        self.opacity.setValue(0.5)
        images = QGroupBox(self.tr("Images"))
        images_form = QFormLayout(images)
        images_form.addRow(self.tr("Border:"), self.border_width)
        images_form.addRow(self.tr("Border colour:"), self.border_color)
        images_form.addRow(self.tr("Watermark:"), self.watermark_text)
        images_form.addRow(self.tr("Position:"), self.position_combo)
        images_form.addRow(self.tr("Opacity:"), self.opacity)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save profile"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        for box in (general, voice, per_channel, links, images):
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        editor_layout.addLayout(bottom)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_box)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        heading = QLabel(self.tr("Brand"))
        heading.setObjectName("viewHeading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        self.new_profile()

    # -- public -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._tasks.run(
            lambda: (self._services.brands.all(), self._services.brands.default_name()),
            on_done=self._on_profiles_loaded,
        )

    def new_profile(self) -> None:
        from publisher.domain.brand import BrandProfile

        self._current = None
        self.list.clearSelection()
        self.load(BrandProfile(name=self.tr("New profile")), default=False)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def load(self, profile: BrandProfile, *, default: bool) -> None:
        self.name_edit.setText(profile.name)
        self.default_check.setChecked(default)
        self.banned_edit.setPlainText("\n".join(profile.banned_words))
        self.required_edit.setPlainText("\n".join(profile.required))
        self.emoji_combo.setCurrentIndex(max(0, self.emoji_combo.findData(profile.emoji)))
        self.max_emoji.setValue(profile.max_emoji)
        self.max_emoji.setEnabled(profile.emoji == "limit")
        self.max_exclamations.setValue(-1 if profile.max_exclamations is None else profile.max_exclamations)
        self.caps_check.setChecked(not profile.allow_all_caps)
        self.caps_length.setValue(profile.all_caps_min_length)
        self.caps_exceptions.setText(", ".join(profile.caps_exceptions))
        for row, kind in enumerate(ROW_KINDS):
            self.channel_table.setItem(row, 0, QTableWidgetItem(profile.signatures.get(kind, "")))
            self.channel_table.setItem(row, 1, QTableWidgetItem(" ".join(profile.hashtags.get(kind, ()))))
        for key, edit in self.utm_edits.items():
            edit.setText(profile.utm.get(key) or "")
        frame = profile.frame
        self.border_width.setValue(frame.border_width if frame else 0)
        self.border_color.setText(frame.border_color if frame else "#ffffff")
        self.watermark_text.setText((frame.watermark_text or "") if frame else "")
        self.position_combo.setCurrentIndex(
            POSITIONS.index(frame.position) if frame else POSITIONS.index("bottom-right")
        )
        self.opacity.setValue(frame.opacity if frame else 0.5)
        self.message.clear()

    def profile_json(self) -> dict[str, Any]:
        """What the form says, in the profile's JSON shape (validated by the core on save)."""
        signatures: dict[str, str] = {}
        hashtags: dict[str, list[str]] = {}
        for row, kind in enumerate(ROW_KINDS):
            signature_item = self.channel_table.item(row, 0)
            tags_item = self.channel_table.item(row, 1)
            signature = signature_item.text().strip() if signature_item else ""
            tags = tags_item.text().split() if tags_item else []
            if signature:
                signatures[kind] = signature
            if tags:
                hashtags[kind] = tags
        utm = {key: edit.text().strip() for key, edit in self.utm_edits.items() if edit.text().strip()}
        frame: dict[str, Any] | None = None
        if self.border_width.value() or self.watermark_text.text().strip():
            frame = {
                "border_width": self.border_width.value(),
                "border_color": self.border_color.text(),
                "watermark_text": self.watermark_text.text().strip() or None,
                "position": self.position_combo.currentData(),
                "opacity": round(self.opacity.value(), 2),
            }
        exclamations = self.max_exclamations.value()
        return {
            "name": self.name_edit.text(),
            "signatures": signatures,
            "hashtags": hashtags,
            "banned_words": _lines(self.banned_edit.toPlainText()),
            "required": _lines(self.required_edit.toPlainText()),
            "emoji": self.emoji_combo.currentData(),
            "max_emoji": self.max_emoji.value(),
            "max_exclamations": None if exclamations < 0 else exclamations,
            "allow_all_caps": not self.caps_check.isChecked(),
            "all_caps_min_length": self.caps_length.value(),
            "caps_exceptions": [w.strip() for w in self.caps_exceptions.text().split(",") if w.strip()],
            "utm": utm,
            "frame": frame,
        }

    def save(self) -> None:
        data = self.profile_json()
        previous = self._current
        make_default = self.default_check.isChecked()
        services = self._services

        def work() -> BrandProfile:
            from publisher.domain.brand import BrandProfile

            profile = BrandProfile.from_json(data)
            saved = services.brands.save(profile)
            if previous and previous != saved.name:  # renamed: the profile now lives under its new name
                services.brands.remove(previous)
            if make_default:
                services.brands.set_default(saved.name)
            elif services.brands.default_name() == saved.name:
                services.brands.set_default(None)
            return saved

        self.save_button.setEnabled(False)
        self._tasks.run(work, on_done=self._on_saved, on_failed=self._on_failed)

    # -- slots ------------------------------------------------------------------------------------

    def _on_profiles_loaded(self, loaded: tuple[list[BrandProfile], str | None]) -> None:
        profiles, default = loaded
        self._profiles = {p.name: p for p in profiles}
        self._default = default
        self.model.clear()
        for profile in profiles:
            label = profile.name + ("  ★" if profile.name == default else "")
            item = QStandardItem(label)
            item.setData(profile.name, NAME_ROLE)
            if profile.name == default:
                item.setToolTip(self.tr("Used for new posts"))
            self.model.appendRow(item)
        self.empty_label.setVisible(not profiles)
        self.remove_button.setEnabled(self._current is not None)
        if self._current in self._profiles:
            self.select(self._current)

    def select(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(NAME_ROLE) == name:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return

    def _on_profile_chosen(self, index: Any) -> None:
        name = index.data(NAME_ROLE) if index.isValid() else None
        profile = getattr(self, "_profiles", {}).get(name)
        if profile is None:
            return
        self._current = name
        self.load(profile, default=name == self._default)
        self.remove_button.setEnabled(True)

    def _on_saved(self, profile: BrandProfile) -> None:
        self.save_button.setEnabled(True)
        self._current = profile.name
        self.message.setText(self.tr("Profile '%1' saved.").replace("%1", profile.name))
        self.changes_applied.emit()

    def _on_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(describe_exception(exc))

    def _on_remove_clicked(self) -> None:
        name = self._current
        if name is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove brand profile"),
            self.tr("Remove the brand profile '%1'? Posts keep their text.").replace("%1", name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is remove:
            self.remove_profile(name)

    def remove_profile(self, name: str) -> None:
        self._tasks.run(
            lambda: self._services.brands.remove(name),
            on_done=lambda _p: self._on_removed(name),
            on_failed=self._on_failed,
        )

    def _on_removed(self, name: str) -> None:
        self.message.setText(self.tr("Profile '%1' removed.").replace("%1", name))
        self.new_profile()
        self.changes_applied.emit()

    def _on_border_color_clicked(self) -> None:
        color = QColorDialog.getColor(QColor(self.border_color.text()), self, self.tr("Border colour"))
        if color.isValid():
            self.border_color.setText(color.name())
