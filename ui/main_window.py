"""The main window: sidebar of views, the stack of views, and a status bar with the engine's heartbeat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from publisher import APP_NAME, __version__
from publisher.domain import DeliveryState, EngineStatus, PostDetail
from ui.engine_runner import EngineRunner
from ui.errors import describe_exception
from ui.labels import local_datetime
from ui.preferences import background_hint_shown, keep_publishing_in_background, set_background_hint_shown
from ui.resources import app_icon, icon
from ui.tasks import TaskRunner
from ui.tray import TrayIcon
from ui.views.brand import BrandView
from ui.views.calendar import CalendarView
from ui.views.channels import ChannelsView
from ui.views.compose import ComposeView
from ui.views.inbox import InboxView
from ui.views.placeholder import ComingView
from ui.views.posts import PostsView
from ui.views.settings import SettingsView

if TYPE_CHECKING:
    from publisher.services import Services
    from ui.views.contacts import ContactsView

VIEW_KEYS = ("compose", "posts", "calendar", "inbox", "contacts", "analytics", "channels", "brand", "settings")


class MainWindow(QMainWindow):
    changes_applied = Signal()  # something in the database changed: every view refreshes
    quit_requested = Signal()  # the window closed for good (not into the tray): the app ends

    # set by attach()
    engine: EngineRunner
    compose: ComposeView
    posts: PostsView
    calendar: CalendarView
    inbox: InboxView
    contacts: ContactsView
    analytics: ComingView
    channels: ChannelsView
    brand: BrandView
    settings: SettingsView

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        services: Services | None = None,
        engine: EngineRunner | None = None,
        demo: bool = False,
    ) -> None:
        """The frame (sidebar, menus, status bar) is built at once, so the window paints before the database is
        open; :meth:`attach` adds the views once the services are ready. Passing ``services`` attaches at once."""
        super().__init__()
        self.tasks = tasks
        self.services: Services | None = None
        self.tray: TrayIcon | None = None
        self._quitting = False
        title = APP_NAME + (" — " + self.tr("Demo workspace") if demo else "")
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.resize(1180, 760)

        sidebar_entries: list[tuple[str, str, QStyle.StandardPixmap, str]] = [
            ("compose", self.tr("Compose"), QStyle.StandardPixmap.SP_FileDialogNewFolder, "document-new"),
            ("posts", self.tr("Posts"), QStyle.StandardPixmap.SP_FileDialogDetailedView, "view-list-details"),
            ("calendar", self.tr("Calendar"), QStyle.StandardPixmap.SP_FileDialogContentsView, "x-office-calendar"),
            ("inbox", self.tr("Inbox"), QStyle.StandardPixmap.SP_DirHomeIcon, "mail-read"),
            ("contacts", self.tr("Contacts"), QStyle.StandardPixmap.SP_DirLinkIcon, "x-office-address-book"),
            ("analytics", self.tr("Analytics"), QStyle.StandardPixmap.SP_FileDialogInfoView, "office-chart-line"),
            ("channels", self.tr("Channels"), QStyle.StandardPixmap.SP_DriveNetIcon, "network-workgroup"),
            ("brand", self.tr("Brand"), QStyle.StandardPixmap.SP_DialogApplyButton, "preferences-desktop-theme"),
            ("settings", self.tr("Settings"), QStyle.StandardPixmap.SP_ComputerIcon, "preferences-system"),
        ]
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self._keys: list[str] = []
        self._build_file_menu()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number, (key, label, fallback, theme) in enumerate(sidebar_entries, start=1):
            item = QListWidgetItem(icon(theme, fallback), label)
            item.setToolTip(f"{label} (Ctrl+{number})")
            item.setSizeHint(QSize(0, 34))
            self.sidebar.addItem(item)
            loading = QLabel(self.tr("Opening your workspace…"))
            loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(loading)
            self._keys.append(key)
            action = QAction(label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_view(k))
            view_menu.addAction(action)
        self.sidebar.setFixedWidth(self._sidebar_width())
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_help_menu()

        self.engine_label = QLabel()
        self.engine_label.setObjectName("engineStatus")
        self.attention_label = QLabel()
        self.attention_label.setObjectName("engineAttention")
        self.attention_label.linkActivated.connect(lambda _link: self.show_view("posts"))
        self.statusBar().addPermanentWidget(self.attention_label)
        self.statusBar().addPermanentWidget(self.engine_label)
        self._on_engine_status_changed(None)
        self.changes_applied.connect(self.refresh_all)
        self.sidebar.setCurrentRow(0)
        if services is not None:
            self.attach(services, engine or EngineRunner(services, tasks, self))

    def attach(self, services: Services, engine: EngineRunner) -> None:
        """Build the views on the opened workspace and put them in place of the loading pages."""
        self.services = services
        self.engine = engine
        tasks = self.tasks
        self.compose = ComposeView(services, tasks)
        self.posts = PostsView(services, tasks)
        self.calendar = CalendarView(services, tasks)
        self.inbox = InboxView(services, tasks)
        from ui.views.contacts import ContactsView  # a page for later: not needed for the first paint

        self.contacts = ContactsView(services, tasks)
        self.analytics = ComingView(
            self.tr("Analytics"),
            self.tr(
                "<p>Reach and engagement per post, channel and campaign over time, response times of the "
                "inbox, and the best time to post from your own history, with CSV and PDF export.</p>"
                "<p>Metrics are read from the networks once network channels are connected; feed folders "
                "report none.</p>"
            ),
        )
        self.channels = ChannelsView(services, tasks)
        self.brand = BrandView(services, tasks)
        self.settings = SettingsView(services, tasks)
        views: dict[str, QWidget] = {
            "compose": self.compose,
            "posts": self.posts,
            "calendar": self.calendar,
            "inbox": self.inbox,
            "contacts": self.contacts,
            "analytics": self.analytics,
            "channels": self.channels,
            "brand": self.brand,
            "settings": self.settings,
        }
        current = self.stack.currentIndex()
        for index, key in enumerate(self._keys):
            loading = self.stack.widget(index)
            self.stack.insertWidget(index, views[key])
            if loading is not None:
                self.stack.removeWidget(loading)
                loading.deleteLater()
        self.stack.setCurrentIndex(current)

        # wiring: one signal, every view refreshes
        self.compose.post_created.connect(self._on_compose_post_created)
        self.compose.channels_requested.connect(self._on_compose_channels_requested)
        self.posts.changes_applied.connect(self.changes_applied)
        self.channels.changes_applied.connect(self.changes_applied)
        self.brand.changes_applied.connect(self.changes_applied)
        self.inbox.unread_count_changed.connect(self._on_inbox_unread_count_changed)
        self.inbox.contact_requested.connect(self.show_contact_of_item)
        self.contacts.open_item.connect(self.show_inbox_item)
        self.contacts.changes_applied.connect(self.changes_applied)
        self.calendar.post_activated.connect(self._on_calendar_post_activated)
        self.calendar.changes_applied.connect(self.changes_applied)
        self.calendar.changes_applied.connect(self.engine.wake)
        self.engine.changes_applied.connect(self.changes_applied)
        self.engine.status_changed.connect(self._on_engine_status_changed)
        self._attach_tray()
        self._style_headings()

    def _attach_tray(self) -> None:
        self.tray = TrayIcon(self)
        self.tray.open_requested.connect(self.bring_to_front)
        self.tray.failed_posts_requested.connect(self.show_failed_posts)
        self.tray.publish_now_requested.connect(self._on_tray_publish_now_requested)
        self.tray.quit_requested.connect(self.quit_app)
        self.tray.inbox_item_requested.connect(self.show_inbox_item)
        self.inbox.arrived.connect(self.tray.notify_arrivals)
        self.engine.status_changed.connect(self.tray.set_status)
        self.tray.activate()

    def _style_headings(self) -> None:
        """Larger, bold view headings and detail titles, derived from the system font (no fixed sizes)."""
        for name, scale in (("viewHeading", 1.45), ("detailTitle", 1.15)):
            for label in self.findChildren(QLabel, name):
                font = label.font()
                font.setPointSizeF(font.pointSizeF() * scale)
                font.setBold(True)
                label.setFont(font)

    # -- navigation -----------------------------------------------------------------------------------

    def show_view(self, key: str) -> None:
        self.sidebar.setCurrentRow(self._keys.index(key))

    def current_view(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_inbox_item(self, item_id: int) -> None:
        """The Inbox with this message selected (from a notification)."""
        self.bring_to_front()
        self.show_view("inbox")
        self.inbox.show_item(item_id)

    def show_contact_of_item(self, item_id: int) -> None:
        """The Contacts page on the person who wrote this inbox message."""
        services = self.services
        if services is None:
            return

        def found(contact_id: int) -> None:
            self.show_view("contacts")
            self.contacts.show_contact(contact_id)

        self.tasks.run(
            lambda: services.contacts.contact_for_item(item_id),
            on_done=found,
            on_failed=lambda exc: self.inbox.sync_label.setText(describe_exception(exc)),
        )

    def show_failed_posts(self) -> None:
        """The Posts view with the newest post that has a failed or unconfirmed delivery selected."""
        self.bring_to_front()
        self.show_view("posts")
        if self.services is not None:
            self._select_first_failing_post(self.services)

    def _select_first_failing_post(self, services: Services) -> None:
        def find() -> int | None:
            ids = services.posts.ids()
            for start in range(0, len(ids), 200):
                for summary in services.posts.summaries(ids[start : start + 200]):
                    if any(
                        d.state == DeliveryState.UNCONFIRMED
                        or (d.state == DeliveryState.FAILED and d.next_attempt_at is None)
                        for d in summary.deliveries
                    ):
                        return summary.id
            return None

        self.tasks.run(find, on_done=self._on_first_failing_found)

    def _on_first_failing_found(self, post_id: int | None) -> None:
        if post_id is None:
            return
        model = self.posts.model
        while model.row_of(post_id) is None and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # rows load lazily; this only makes room for them
        self.posts.select_post(post_id)

    def quit_app(self) -> None:
        """Close for good: stop the engine and end the app, even where closing would keep it in the tray."""
        self._quitting = True
        self.close()

    def _on_sidebar_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            if self.services is not None and self._keys[row] == "settings":
                self.settings.check_keyring()

    def _sidebar_width(self) -> int:
        metrics = self.sidebar.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.sidebar.item(i).text()) for i in range(self.sidebar.count()))
        return max(170, widest + 20 + 48)

    def _build_file_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_post = QAction(icon("document-new", QStyle.StandardPixmap.SP_FileIcon), self.tr("&New post"), self)
        new_post.setShortcut(QKeySequence.StandardKey.New)
        new_post.triggered.connect(self._on_new_post_triggered)
        file_menu.addAction(new_post)
        add_channel = QAction(self.tr("Add &feed channel…"), self)
        add_channel.triggered.connect(self._on_compose_channels_requested)
        file_menu.addAction(add_channel)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh_all)
        file_menu.addAction(refresh)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)

    def _build_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Publisher"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)
        about_qt = QAction(self.tr("About &Qt"), self)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    # -- refresh ---------------------------------------------------------------------------------------

    def refresh_all(self) -> None:
        if self.services is None:
            return
        self.compose.refresh()
        self.posts.refresh()
        self.calendar.refresh()
        self.inbox.refresh()
        self.contacts.refresh()
        self.channels.refresh()
        self.brand.refresh()
        self.settings.refresh()
        self.engine.refresh_status()

    # -- slots -------------------------------------------------------------------------------------------

    def _on_new_post_triggered(self) -> None:
        if self.services is None:
            return
        self.show_view("compose")
        self.compose.focus_editor()

    def _on_compose_post_created(self, detail: PostDetail) -> None:
        self.engine.wake()
        self.changes_applied.emit()
        self.statusBar().showMessage(self.tr("Post saved."), 5000)
        self.posts.select_post(detail.id)

    def _on_compose_channels_requested(self) -> None:
        if self.services is None:
            return
        self.show_view("channels")
        self.channels.open_add_dialog()

    def _on_inbox_unread_count_changed(self, count: int) -> None:
        item = self.sidebar.item(self._keys.index("inbox"))
        label = self.tr("Inbox")
        shown = "999+" if count > 999 else str(count)  # the sidebar keeps its width
        item.setText(f"{label}  ({shown})" if count else label)
        item.setToolTip(self.tr("Inbox: %n unread message(s)", "", count) + f" (Ctrl+{self._keys.index('inbox') + 1})")

    def _on_calendar_post_activated(self, post_id: int) -> None:
        if post_id < 0:
            return
        self.show_view("posts")
        self.posts.select_post(post_id)

    def _on_engine_status_changed(self, status: EngineStatus | None) -> None:
        if status is None:
            self.engine_label.setText(self.tr("Publishing engine: starting…"))
            return
        if status.running:
            text = self.tr("Publishing engine: running")
        else:
            text = self.tr("Publishing engine: stopped — scheduled posts wait until it runs")
        if status.last_run_at is not None:
            text += " · " + self.tr("last run %1").replace("%1", local_datetime(status.last_run_at))
        if status.next_due_at is not None:
            text += " · " + self.tr("next %1").replace("%1", local_datetime(status.next_due_at))
        self.engine_label.setText(text)
        problems = status.failed + status.unconfirmed
        if problems:
            self.attention_label.setText(
                '<a href="posts">' + self.tr("%n delivery(s) need attention", "", problems) + "</a>"
            )
        else:
            self.attention_label.clear()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Publisher"),
            self.tr(
                "<h3>Publisher %1</h3><p>Draft once, publish to every channel in one brand voice, and answer "
                "every reply from one inbox.</p>"
            ).replace("%1", __version__),
        )

    def _on_tray_publish_now_requested(self) -> None:
        if self.engine.is_running:
            self.engine.wake()
        else:
            self.engine.start()
        self.statusBar().showMessage(self.tr("Publishing due posts now…"), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None and self.tray.active and not self._quitting and keep_publishing_in_background():
            event.ignore()  # the engine keeps running; the tray icon stays
            self.hide()
            if not background_hint_shown():
                self.tray.explain_background()
                set_background_hint_shown()
            return
        if self.services is not None:
            self.engine.stop()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
        self.quit_requested.emit()
