"""Run core work off the GUI thread (Anki's QueryOp idea).

``TaskRunner.run(fn, on_done=..., on_failed=...)`` runs ``fn`` on a thread pool and calls the callbacks on the
GUI thread. Workers never touch widgets. Tests can make every task run inline with ``inline=True``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from publisher.errors import PublisherError

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to on_failed on the GUI thread
            self.relay.finished.emit(None, exc)
        else:
            self.relay.finished.emit(result, None)


class TaskRunner(QObject):
    """Owns the pool; keeps each relay alive until its callback has run."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._inline = inline
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        def deliver(result: Any, error: Exception | None) -> None:
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif on_failed is not None:
                on_failed(error)
            elif isinstance(error, PublisherError):
                log.warning("background task failed: %s", error)
            else:
                log.error("background task crashed", exc_info=error)

        if self._inline:
            try:
                value = fn()
            except Exception as exc:
                deliver(None, exc)
            else:
                deliver(value, None)
            return
        relay = _Relay()
        self._relays.add(relay)
        was_idle = len(self._relays) == 1

        @Slot(object, object)
        def finished(result: Any, error: Exception | None) -> None:
            self._relays.discard(relay)
            if not self._relays:
                self.busy_changed.emit(False)
            deliver(result, error)

        relay.finished.connect(finished)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)
