"""The system tray icon: the engine's heartbeat, what is due next and what failed, while the window is closed.

The icon is shown only where the desktop has a system tray; the object exists (and is tested) everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from publisher import APP_NAME
from publisher.domain import EngineStatus
from publisher.domain.inbox import InboxRow
from ui.labels import local_datetime
from ui.resources import app_icon

BALLOON_MS = 10_000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayIcon(QSystemTrayIcon):
    """Menu: heartbeat, next due, failures (with "Show failed posts"), Open, Publish due posts now, Quit.

    A balloon says when a delivery newly needs attention: when the count of failed and unconfirmed deliveries
    rises (the first status read only sets the baseline, so failures from before do not pop up again)."""

    open_requested = Signal()
    failed_posts_requested = Signal()
    publish_now_requested = Signal()
    quit_requested = Signal()
    inbox_item_requested = Signal(int)  # a notified inbox message was clicked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(app_icon(), parent)
        self.active = False  # shown in a real tray; set by activate()
        self._problems: int | None = None  # failed + unconfirmed at the last status; None before the first

        self.menu = QMenu()  # a context menu has no parent widget; kept alive by this object
        self.status_action = self._info_action()
        self.next_action = self._info_action()
        self.problems_action = self._info_action()
        self.failed_posts_action = QAction(self.tr("Show failed posts"), self.menu)
        self.failed_posts_action.triggered.connect(self.failed_posts_requested)
        self.menu.addAction(self.failed_posts_action)
        self.menu.addSeparator()
        self.open_action = QAction(self.tr("Open Publisher"), self.menu)
        self.open_action.triggered.connect(self.open_requested)
        self.menu.addAction(self.open_action)
        self.publish_now_action = QAction(self.tr("Publish due posts now"), self.menu)
        self.publish_now_action.triggered.connect(self.publish_now_requested)
        self.menu.addAction(self.publish_now_action)
        self.menu.addSeparator()
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested)
        self.menu.addAction(self.quit_action)
        self.setContextMenu(self.menu)
        self.activated.connect(self._on_activated)
        self.messageClicked.connect(self._on_message_clicked)
        self._last_message_was_failure = False
        self._last_message_item: int | None = None
        self.set_status(None)

    def _info_action(self) -> QAction:
        action = QAction(self.menu)
        action.setEnabled(False)  # a line of information, not a command
        self.menu.addAction(action)
        return action

    def activate(self) -> bool:
        """Show the icon where there is a tray; returns whether it shows."""
        self.active = tray_available()
        if self.active:
            self.show()
        return self.active

    # -- status ------------------------------------------------------------------------------------------

    def set_status(self, status: EngineStatus | None) -> None:
        if status is None:
            heartbeat = self.tr("Publishing engine: starting…")
        elif status.running:
            heartbeat = self.tr("Publishing engine: running (%n runner(s))", "", status.runners)
        else:
            heartbeat = self.tr("Publishing engine: stopped")
        self.status_action.setText(heartbeat)
        lines = [APP_NAME, heartbeat]

        if status is not None and status.next_due_at is not None:
            due = self.tr("Next due: %1").replace("%1", local_datetime(status.next_due_at))
        else:
            due = self.tr("Nothing is due")
        self.next_action.setText(due)
        self.next_action.setVisible(status is not None)
        if status is not None:
            lines.append(due)

        problems = status.failed + status.unconfirmed if status is not None else 0
        attention = self.tr("%n delivery(s) need attention", "", problems)
        self.problems_action.setText(attention)
        self.problems_action.setVisible(problems > 0)
        self.failed_posts_action.setVisible(problems > 0)
        if problems:
            lines.append(attention)
        self.setToolTip("\n".join(lines))

        if status is None:
            return
        if self._problems is not None and problems > self._problems:
            self.notify(
                self.tr("Publishing failed"),
                self.tr(
                    "%n more delivery(s) need attention. Click to see the failed posts.", "", problems - self._problems
                ),
                failure=True,
            )
        self._problems = problems

    def notify(self, title: str, text: str, *, failure: bool = False, item_id: int | None = None) -> None:
        """A balloon (a desktop notification), where the icon shows. Clicking it opens what it is about."""
        if not self.active:
            return
        self._last_message_was_failure = failure
        self._last_message_item = item_id
        icon = QSystemTrayIcon.MessageIcon.Warning if failure else QSystemTrayIcon.MessageIcon.Information
        self.showMessage(title, text, icon, BALLOON_MS)

    def notify_arrivals(self, count: int, rows: list[InboxRow]) -> None:
        """New inbox messages: who wrote the newest and what (one line), and how many there are."""
        if not rows or count <= 0:
            return
        newest = rows[0]
        who = newest.author_name or newest.author
        if newest.kind == "mention":
            title = self.tr("%1 mentioned %2").replace("%1", who).replace("%2", newest.channel)
        else:
            title = self.tr("%1 wrote on %2").replace("%1", who).replace("%2", newest.channel)
        preview = " ".join(newest.text.split())
        if len(preview) > 140:
            preview = preview[:139] + "…"
        if count > 1:
            preview += "\n" + self.tr("%n more new message(s) in the inbox", "", count - 1)
        self.notify(title, preview, item_id=newest.id)

    def explain_background(self) -> None:
        self.notify(
            APP_NAME,
            self.tr(
                "Publisher keeps publishing in the background. Choose Quit in this icon's menu to stop it, or "
                "turn this off in Settings."
            ),
        )

    # -- slots ---------------------------------------------------------------------------------------------

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def _on_message_clicked(self) -> None:
        if self._last_message_item is not None:
            self.inbox_item_requested.emit(self._last_message_item)
        elif self._last_message_was_failure:
            self.failed_posts_requested.emit()
        else:
            self.open_requested.emit()
