"""The publishing engine on a background thread inside the app, plus the heartbeat the status bar shows."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from publisher.domain import EngineStatus
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from publisher.services import PublishingEngine, RunReport, Services

STATUS_POLL_MS = 5_000


class EngineRunner(QObject):
    """Starts and stops the engine thread; polls the engine status from the database (never from memory, so
    a headless runner elsewhere on the same database shows up too)."""

    changes_applied = Signal()  # the engine published or failed something
    status_changed = Signal(object)  # EngineStatus
    running_changed = Signal(bool)

    def __init__(self, services: Services, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._engine: PublishingEngine | None = None
        self._thread: threading.Thread | None = None
        self._report_relay = _ReportRelay(self)
        self._report_relay.reported.connect(self._on_engine_reported)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_POLL_MS)
        self._timer.timeout.connect(self.refresh_status)
        self.status: EngineStatus | None = None

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.is_running:
            return
        self._engine = self._services.engine(mode="app")
        engine = self._engine
        relay = self._report_relay
        self._thread = threading.Thread(
            target=lambda: engine.run_forever(interval=10.0, on_report=relay.reported.emit),
            name="publishing-engine",
            daemon=True,
        )
        self._thread.start()
        self._timer.start()
        self.running_changed.emit(True)
        QTimer.singleShot(300, self.refresh_status)

    def stop(self, timeout: float = 10.0) -> None:
        if self._engine is not None:
            self._engine.stop()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._engine = None
        self.running_changed.emit(False)
        self.refresh_status()

    def wake(self) -> None:
        """Something new is due (a post was just created): run a pass now."""
        if self._engine is not None:
            self._engine.wake()

    def refresh_status(self) -> None:
        self._tasks.run(self._services.engine_status, on_done=self._on_status_loaded)

    def _on_status_loaded(self, status: EngineStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _on_engine_reported(self, report: RunReport) -> None:
        if report.changed:
            self.changes_applied.emit()
        self.refresh_status()


class _ReportRelay(QObject):
    """Carries reports from the engine thread to the GUI thread (a queued signal)."""

    reported = Signal(object)
