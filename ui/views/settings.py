"""Settings: where the data lives, which keyring holds the secrets, language and version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from publisher import __version__
from publisher.config import data_dir
from publisher.domain import Role
from publisher.secrets import BackendStatus, backend_status
from publisher.timezones import local_zone_name
from ui.errors import describe_exception
from ui.preferences import (
    keep_publishing_in_background,
    notify_all_messages,
    notify_mentions,
    set_keep_publishing_in_background,
    set_notify_all_messages,
    set_notify_mentions,
)
from ui.tasks import TaskRunner
from ui.tray import tray_available

if TYPE_CHECKING:
    from publisher.domain.planning import UserInfo, WorkflowSettings
    from publisher.services import Services


def role_name(role: Role) -> str:
    return {
        Role.AUTHOR: QCoreApplication.translate("labels", "author"),
        Role.EDITOR: QCoreApplication.translate("labels", "editor"),
        Role.ADMIN: QCoreApplication.translate("labels", "admin"),
    }[role]


class SettingsView(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._services = services
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

        notifications = QGroupBox(self.tr("Inbox notifications"))
        notifications_layout = QVBoxLayout(notifications)
        self.notify_mentions_check = QCheckBox(self.tr("Notify me when someone mentions one of our accounts"))
        self.notify_mentions_check.setChecked(notify_mentions())
        self.notify_mentions_check.toggled.connect(set_notify_mentions)
        self.notify_all_check = QCheckBox(self.tr("Also for every reply, comment and direct message"))
        self.notify_all_check.setChecked(notify_all_messages())
        self.notify_all_check.toggled.connect(set_notify_all_messages)
        self.notify_all_check.setEnabled(self.notify_mentions_check.isChecked())
        self.notify_mentions_check.toggled.connect(self.notify_all_check.setEnabled)
        notifications_layout.addWidget(self.notify_mentions_check)
        notifications_layout.addWidget(self.notify_all_check)

        workflow = QGroupBox(self.tr("Workflow"))
        workflow_form = QFormLayout(workflow)
        self.approval_check = QCheckBox(self.tr("Posts need an editor's approval before they are scheduled"))
        self.approval_check.toggled.connect(self._on_workflow_edited)
        workflow_form.addRow(self.approval_check)
        self.grace_spin = QSpinBox()
        self.grace_spin.setRange(0, 7 * 24 * 60)
        self.grace_spin.setSingleStep(15)
        self.grace_spin.setSuffix(self.tr(" min"))
        self.grace_spin.setToolTip(
            self.tr(
                "When no runner was running at a post's time (the computer was off or asleep), it still goes out "
                "if it is at most this late; older ones wait for your decision."
            )
        )
        self.grace_spin.editingFinished.connect(self._on_workflow_edited)
        grace_row = QHBoxLayout()
        grace_row.addWidget(self.grace_spin)
        grace_row.addStretch(1)
        workflow_form.addRow(self.tr("Missed posts still go out up to:"), grace_row)
        self.me_label = value("")
        workflow_form.addRow(self.tr("You:"), self.me_label)
        self.people_label = value("")
        workflow_form.addRow(self.tr("People:"), self.people_label)
        self.role_button = QPushButton(self.tr("Give someone a role…"))
        self.role_button.clicked.connect(self._on_role_clicked)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_button)
        role_row.addStretch(1)
        workflow_form.addRow(role_row)
        self.workflow_message = value("")
        workflow_form.addRow(self.workflow_message)
        self._loading_workflow = False

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(storage)
        layout.addWidget(secrets)
        layout.addWidget(workflow)
        layout.addWidget(background)
        layout.addWidget(notifications)
        layout.addWidget(general)
        layout.addStretch(1)
        # The groups keep their natural height; on a small screen the page scrolls rather than squeezing them.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(heading)
        outer.addWidget(scroll, 1)

    def refresh(self) -> None:
        # Asking keyring for its backend loads it (and D-Bus, cryptography): only when the page is looked at.
        if self.isVisible():
            self.check_keyring()
        self.load_workflow()

    # -- workflow -----------------------------------------------------------------------------------

    def load_workflow(self) -> None:
        workspace = self._services.workspace
        self._tasks.run(
            lambda: (workspace.workflow(), workspace.me(), workspace.users()),
            on_done=self._on_workflow_loaded,
            on_failed=lambda exc: self.workflow_message.setText(describe_exception(exc)),
        )

    def _on_workflow_loaded(self, loaded: tuple[WorkflowSettings, UserInfo, list[UserInfo]]) -> None:
        settings, me, users = loaded
        self._loading_workflow = True
        try:
            self.approval_check.setChecked(settings.approval_required)
            self.grace_spin.setValue(int(settings.grace.total_seconds() // 60))
        finally:
            self._loading_workflow = False
        self.me_label.setText(f"{me.name} ({role_name(me.role)})")
        self.people_label.setText(", ".join(f"{u.name} ({role_name(u.role)})" for u in users))
        admin = me.role == Role.ADMIN
        for widget in (self.approval_check, self.grace_spin, self.role_button):
            widget.setEnabled(admin)
        if not admin:
            self.workflow_message.setText(self.tr("Only an admin can change these settings."))

    def _on_workflow_edited(self, *_args: object) -> None:
        if self._loading_workflow:
            return
        approval, grace = self.approval_check.isChecked(), self.grace_spin.value()
        workspace = self._services.workspace
        self._tasks.run(
            lambda: workspace.set_workflow(approval_required=approval, grace_minutes=grace),
            on_done=lambda _settings: self.workflow_message.setText(self.tr("Saved.")),
            on_failed=lambda exc: self.workflow_message.setText(describe_exception(exc)),
        )

    def _on_role_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Give someone a role"), self.tr("Login name of the person:"))
        if not ok or not name.strip():
            return
        labels = [role_name(r) for r in Role]
        chosen, ok = QInputDialog.getItem(self, self.tr("Give someone a role"), self.tr("Role:"), labels, 0, False)
        if ok:
            self.set_role(name.strip(), list(Role)[labels.index(chosen)])

    def set_role(self, name: str, role: Role) -> None:
        workspace = self._services.workspace
        self._tasks.run(
            lambda: workspace.set_role(name, role.value),
            on_done=lambda _info: self.load_workflow(),
            on_failed=lambda exc: self.workflow_message.setText(describe_exception(exc)),
        )

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
