"""Settings: where the data lives, which keyring holds the secrets, language and version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from publisher import __version__
from publisher.config import data_dir
from publisher.secrets import BackendStatus, backend_status
from publisher.timezones import local_zone_name
from ui.preferences import keep_publishing_in_background, set_keep_publishing_in_background
from ui.tasks import TaskRunner
from ui.tray import tray_available

if TYPE_CHECKING:
    from publisher.services import Services


class SettingsView(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        heading = QLabel(self.tr("Settings"))
        heading.setObjectName("viewHeading")

        def value(text: str) -> QLabel:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        storage = QGroupBox(self.tr("Storage"))
        storage_form = QFormLayout(storage)
        storage_form.addRow(self.tr("Database:"), value(services.db.safe_url))
        storage_form.addRow(self.tr("Data folder:"), value(str(data_dir())))
        storage_form.addRow(
            "",
            value(
                self.tr(
                    "Choose another database with --db URL or the PUBLISHER_DB environment variable; "
                    "a team shares one PostgreSQL database."
                )
            ),
        )
        self.keyring_label = value(self.tr("Checking…"))
        secrets = QGroupBox(self.tr("Passwords and tokens"))
        secrets_form = QFormLayout(secrets)
        secrets_form.addRow(self.tr("Keyring:"), self.keyring_label)

        general = QGroupBox(self.tr("General"))
        general_form = QFormLayout(general)
        general_form.addRow(
            self.tr("Language:"),
            value(QLocale().nativeLanguageName() + " — " + self.tr("set PUBLISHER_LANG=en or de to change it")),
        )
        general_form.addRow(self.tr("Time zone:"), value(local_zone_name()))
        general_form.addRow(self.tr("Version:"), value(__version__))

        background = QGroupBox(self.tr("Publishing in the background"))
        background_layout = QVBoxLayout(background)
        self.keep_in_background = QCheckBox(self.tr("Keep publishing in the background when the window is closed"))
        self.keep_in_background.setChecked(keep_publishing_in_background())
        self.keep_in_background.toggled.connect(self._on_keep_in_background_toggled)
        background_layout.addWidget(self.keep_in_background)
        if not tray_available():
            self.keep_in_background.setEnabled(False)
            background_layout.addWidget(
                value(self.tr("This desktop shows no tray icons, so closing the window stops publishing."))
            )
        background_layout.addWidget(
            value(
                self.tr(
                    "To publish while Publisher is not open at all, for example after a restart, install the "
                    "background service once:"
                )
            )
        )
        command = value("publisher run --install-service")  # a command: the same in every language
        command.setWordWrap(False)
        command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        background_layout.addWidget(command)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(storage)
        layout.addWidget(secrets)
        layout.addWidget(background)
        layout.addWidget(general)
        layout.addStretch(1)

    def refresh(self) -> None:
        # Asking keyring for its backend loads it (and D-Bus, cryptography): only when the page is looked at.
        if self.isVisible():
            self.check_keyring()

    def _on_keep_in_background_toggled(self, keep: bool) -> None:
        set_keep_publishing_in_background(keep)

    def check_keyring(self) -> None:
        self._tasks.run(backend_status, on_done=self._on_backend_checked)

    def _on_backend_checked(self, status: BackendStatus) -> None:
        if status.usable:
            self.keyring_label.setText(
                self.tr("%1 — secrets are stored here and nowhere else.").replace("%1", status.name)
            )
        else:
            self.keyring_label.setText(
                self.tr(
                    "No usable keyring (%1). Channels that need a password or token cannot be added until one "
                    "is installed and unlocked (e.g. GNOME Keyring or KWallet), or chosen with "
                    "PYTHON_KEYRING_BACKEND."
                ).replace("%1", status.name)
            )
