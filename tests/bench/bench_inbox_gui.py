"""Inbox GUI benchmark: memory with 200,000 messages and the inbox open; filter and search to the first visible page.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_inbox_gui.py [--messages 200000] [--runs 15] [--memory-runs 3] [--json]

The database (SQLite, a temporary folder) is the one ``bench_inbox.search_database`` builds: ``--messages`` inbox
messages on three channels, written straight into the migrated schema with ``sqlite3`` (the triggers build the
full-text index); 70 % done, a quarter each assigned to "maria" and "jonas", every 50th tagged "lead", one in
5,000 holding a rare word. Every measurement runs in a fresh interpreter with ``QT_QPA_PLATFORM=offscreen``,
spawned through the small spawner of ``bench_startup.py`` (so this script's own memory never counts into the
child's ``ru_maxrss``).

* memory: the child builds the real main window (``ui.main_window.MainWindow``, attached to the services and an
  engine runner exactly as ``ui.app`` does, the engine started), shows it, opens the Inbox page, waits until the
  message list has its ids and the rows on screen are loaded and painted, selects the first message and waits for
  the conversation pane, then reports its peak and current resident memory (``ru_maxrss``, ``VmHWM``, ``VmRSS``);
  then once more after switching the status filter to "All" (every id in the model). Baseline: a bare
  ``QApplication`` with an empty ``QMainWindow`` of the same size, shown and painted, in the same kind of child.
  Runs alternate app and baseline. Goal: at most 250 MB (MiB) peak RSS with the inbox open.
* filter and search: in the same kind of child (main window, Inbox page, status "All": all messages listed), for
  each filter the time from the user's change until the list shows its first page: the view's model has the new
  ids (``modelReset``), the rows the viewport shows are loaded (fetched lazily on the task pool), and
  ``table.viewport().repaint()`` has painted them (the model shows the first page before it has every id; the
  figure ends there). Combo boxes are set with ``setCurrentIndex`` (the view reloads on
  ``currentIndexChanged`` at once). Text fields are set with ``setText``; the view then starts its debounce timer
  (``SEARCH_DELAY_MS``) and the benchmark calls the slot that timer triggers (``InboxView._apply_filter``) instead
  of waiting the interval: the interval is a deliberate pause while the user types, not work. After each run the
  filter is put back (untimed), and the next run starts once every id is loaded and no task is left on the pool,
  so every run really reloads and none overlaps the previous. Median of ``--runs`` runs after one warm-up.
  Baseline: the bare ``sqlite3`` ``SELECT … ORDER BY received_at DESC LIMIT 100`` on the same file, in the same
  child. Goal: median at most 50 ms for every filter. Also printed: when the rows on screen were in place in the
  model (before any painting), to tell query and loading time from painting time. The filters: status Open and
  Done, one channel, negative sentiment, the tag "lead", the assignee "maria" (a workspace user, so the assignee
  filter offers her), a common word, a rare word and two words.

The waits do not sleep in steps: the child blocks in the Qt event loop until the next event arrives (a finished
task on the pool posts one; a 100 ms heartbeat timer is the fallback), so a result is seen as soon as it is
delivered.

Exit status: 0 whatever the numbers are; 1 if a child crashed or hung (its stderr is printed). POSIX only.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

MEMORY_GOAL_MIB = 250.0
TIME_GOAL_MS = 50.0
WINDOW_SIZE = (1180, 760)  # ui/main_window.py resizes the window to this
CHILD_RESULT = "bench-inbox-gui-result "
TEAMMATES = ("maria", "jonas")  # the assignees bench_inbox.search_database gives a quarter of the messages each
BARE_SQL = "SELECT id, text FROM inbox_items ORDER BY received_at DESC, id DESC LIMIT 100"


class BenchError(Exception):
    """A child crashed, hung or could not be started."""


# -- the child: measured in a fresh interpreter ------------------------------------------------------------------


def _memory() -> dict[str, float]:
    """This process's resident memory in MiB: peak (ru_maxrss and VmHWM) and current (VmRSS)."""
    import resource

    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    figures = {"ru_maxrss_mib": maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)}
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return figures
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            figures[f"{key}_mib"] = int(value.split()[0]) / 1024
    return figures


class _Waiter:
    """Runs the Qt event loop until a condition holds, waking only when events arrive (no sleeping in steps)."""

    def __init__(self, app: Any, timeout: float = 120.0) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.timeout = timeout
        # A slow heartbeat so that a wait ends even when the condition turns true without a further event.
        self._heartbeat = QTimer()
        self._heartbeat.setInterval(100)
        self._heartbeat.start()

    def until(self, condition: Callable[[], bool], what: str) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + self.timeout
        flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        while not condition():
            if time.monotonic() > deadline:
                raise BenchError(f"timed out waiting for {what}")
            self.app.processEvents(flags)


def child_bare() -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    window.resize(*WINDOW_SIZE)
    painted: list[bool] = []

    class _Painted(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # Qt's name
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    window.installEventFilter(_Painted(window))
    window.show()
    _Waiter(app).until(lambda: bool(painted), "the first paint")
    app.processEvents()
    result = {"memory": _memory()}
    window.close()
    return result


class _AppChild:
    """The real main window on the benchmark database, with the Inbox page open."""

    def __init__(self, db_file: Path) -> None:
        from PySide6.QtCore import QModelIndex
        from PySide6.QtWidgets import QApplication

        from publisher.channels.registry import default_registry
        from publisher.services import build_services
        from tests.publisher.inbox_fake import FakeInboxKind
        from ui.engine_runner import EngineRunner
        from ui.main_window import MainWindow
        from ui.tasks import TaskRunner

        self.app = QApplication(sys.argv[:1])
        self.app.setQuitOnLastWindowClosed(False)
        registry = default_registry()
        registry.register(FakeInboxKind())  # the channels' kind: the inbox lists channels whose kind has an inbox
        self.services = build_services(f"sqlite:///{db_file}", registry=registry)
        self.tasks = TaskRunner(self.app)
        self.busy = False
        self.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        self.engine = EngineRunner(self.services, self.tasks, self.app)
        self.window = MainWindow(self.tasks)
        self.window.attach(self.services, self.engine)
        self.engine.start()
        self.wait = _Waiter(self.app)
        self.view = self.window.inbox
        self.model = self.view.model
        self.table = self.view.table
        self.resets = 0
        self.model.modelReset.connect(self._on_model_reset)
        # When the rows on screen were in place (before painting): a diagnostic beside the figure the goal is about.
        self._ready_after: int | None = None  # armed with the reset count before a change
        self._ready_at = 0
        self.ready_ms = 0.0
        self.model.modelReset.connect(self._check_ready)
        self.model.dataChanged.connect(self._check_ready)
        self._root = QModelIndex()

    def _on_model_reset(self) -> None:
        self.resets += 1

    def _check_ready(self) -> None:
        if self._ready_after is not None and self.settled(self._ready_after):
            self._ready_at = time.perf_counter_ns()
            self._ready_after = None

    def _on_tasks_busy_changed(self, busy: bool) -> None:
        self.busy = busy

    def settle(self, what: str) -> None:
        """Until nothing is left to do: every id known, no task on the pool (the conversation pane of the
        selected message reloads after some changes), and what that asked to be painted painted."""
        self.wait.until(lambda: self.model.is_complete() and not self.busy, what)
        self.app.processEvents()

    def visible_rows(self) -> range:
        count = self.model.rowCount()
        if count == 0:
            return range(0)
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        return range(first, (count - 1 if last < 0 else last) + 1)

    def page_loaded(self) -> bool:
        """The rows on screen have their data (an empty result counts as loaded)."""
        model = self.model
        for row in self.visible_rows():
            item_id = model.id_at(row)
            if item_id is None or model.summary(item_id) is None:
                return False
        return True

    def settled(self, resets_before: int) -> bool:
        return self.resets > resets_before and self.page_loaded()

    def open_inbox(self) -> dict[str, Any]:
        before = self.resets
        self.window.show()
        self.window.show_view("inbox")
        self.window.refresh_all()
        self.wait.until(lambda: self.settled(before) and self.model.is_complete(), "the inbox list")
        self.wait.until(lambda: self.view.channel_filter.count() > 1, "the channel filter's choices")
        if hasattr(self.view.assignee_filter, "findData"):
            self.wait.until(lambda: self.view.assignee_filter.findData("maria") >= 0, "the assignee filter's choices")
        self.table.viewport().repaint()
        shown = self.model.total()
        self.table.selectRow(0)
        self.wait.until(lambda: self.view.detail_box.isVisible(), "the conversation pane")
        self.settle("the opened inbox")
        self.view.conversation.viewport().repaint()
        return {"listed": shown, "memory": _memory()}

    # -- the filters ------------------------------------------------------------------------------------------

    def _set(self, widget: Any, value: str | None) -> Callable[[], None]:
        """A change the way a user makes it: pick a combo box entry, or type into a text field."""
        from PySide6.QtWidgets import QComboBox

        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index < 0:
                raise BenchError(f"{value!r} is not among the filter's choices")
            return lambda: widget.setCurrentIndex(index)

        def type_text() -> None:
            widget.setText(value or "")
            if not self.view._search_timer.isActive():
                raise BenchError("typing did not start the view's debounce timer")
            self.view._apply_filter()  # what the debounce timer triggers, without its pause

        return type_text

    def filters(self) -> dict[str, tuple[Callable[[], None], Callable[[], None]]]:
        """name → (apply, reset): each applies one filter to the plain list (status All) and puts it back."""
        view = self.view
        plain = self._set(view.status_filter, None)
        # The assignee filter is a text field or a combo box of the people messages are assigned to.
        nobody = "" if not hasattr(view.assignee_filter, "findData") else None
        return {
            "status open": (self._set(view.status_filter, "open"), plain),
            "status done": (self._set(view.status_filter, "done"), plain),
            "channel": (self._set(view.channel_filter, "Bluesky"), self._set(view.channel_filter, None)),
            "sentiment negative": (
                self._set(view.sentiment_filter, "negative"),
                self._set(view.sentiment_filter, None),
            ),
            "tag": (self._set(view.tag_filter, "lead"), self._set(view.tag_filter, "")),
            "assignee": (self._set(view.assignee_filter, "maria"), self._set(view.assignee_filter, nobody)),
            "search common word": (self._set(view.search, "delivery"), self._set(view.search, "")),
            "search rare word": (self._set(view.search, "zebrafinch"), self._set(view.search, "")),
            "search two words": (self._set(view.search, "refund berlin"), self._set(view.search, "")),
        }

    def change(self, action: Callable[[], None], what: str) -> tuple[float, int]:
        """Milliseconds from the change to the first page loaded and painted; how many messages are listed."""
        before = self.resets
        self._ready_after, self._ready_at = before, 0
        start = time.perf_counter_ns()
        action()
        self.wait.until(lambda: self.settled(before), what)
        self.table.viewport().repaint()
        elapsed = (time.perf_counter_ns() - start) / 1e6
        self.ready_ms = (self._ready_at - start) / 1e6 if self._ready_at else elapsed
        self._ready_after = None
        # Untimed: the model may show its first rows before it knows every id, and the view may load the
        # conversation pane again; the next change starts once all that is done, so runs do not overlap.
        self.settle(f"the end of {what}")
        return elapsed, self.model.total()

    def timings(self, runs: int, db_file: Path) -> dict[str, Any]:
        import gc
        import sqlite3

        self.change(self._set(self.view.status_filter, None), "the plain list")  # status "All"
        everything = self.model.total()
        connection = sqlite3.connect(db_file)
        bare: list[float] = []
        figures: dict[str, Any] = {}
        for name, (apply, reset) in self.filters().items():
            times: list[float] = []
            ready: list[float] = []
            listed = 0
            for run in range(runs + 1):  # the first run is a warm-up
                gc.collect()
                ms, listed = self.change(apply, name)
                if run:
                    times.append(ms)
                    ready.append(self.ready_ms)
                self.change(reset, f"the reset after {name}")  # back to the plain list: the next run reloads
                if self.model.total() != everything:
                    raise BenchError(f"the reset after {name} lists {self.model.total()} of {everything}")
                start = time.perf_counter_ns()
                connection.execute(BARE_SQL).fetchall()
                bare.append((time.perf_counter_ns() - start) / 1e6)
            figures[name] = {
                "median_ms": statistics.median(times),
                "max_ms": max(times),
                "rows_ready_median_ms": statistics.median(ready),
                "listed": listed,
            }
        self.change(self.filters()["status open"][0], "the default list")
        connection.close()
        return {"all_listed": everything, "bare_ms": statistics.median(bare), "filters": figures}

    def close(self) -> None:
        self.engine.stop()
        self.window.quit_app()
        self.tasks.wait()
        self.services.close()


def child_app(db_file: Path, runs: int) -> dict[str, Any]:
    child = _AppChild(db_file)
    try:
        result = child.open_inbox()
        if not runs:  # the whole list too: every id in the model
            _ms, result["all_listed"] = child.change(child._set(child.view.status_filter, None), "the whole list")
            result["memory_all"] = _memory()
        if runs:
            result["timings"] = child.timings(runs, db_file)
            result["memory_after_timings"] = _memory()
    finally:
        child.close()
    return result


def run_child(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=("app", "bare"), required=True)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=0)
    args = parser.parse_args(argv)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    try:
        result = child_bare() if args.child == "bare" else child_app(args.db, args.runs)
    except BenchError as exc:
        print(f"bench_inbox_gui child: {exc}", file=sys.stderr)
        return 1
    print(CHILD_RESULT + json.dumps(result), flush=True)
    return 0


# -- the parent: builds the database, spawns the children, reports -----------------------------------------------


def spawn(argv: list[str], env: dict[str, str], timeout: float, python: str) -> dict[str, Any]:
    """Run a child through bench_startup's spawner; its result, with ``wait4``'s peak RSS of the child."""
    from tests.bench.bench_startup import SPAWNER

    with tempfile.TemporaryDirectory(prefix="publisher-bench-out-") as tmp:
        out, err = Path(tmp, "stdout"), Path(tmp, "stderr")
        spawner = [python, "-I", "-S", "-c", SPAWNER, str(out), str(err), *argv]
        proc = subprocess.Popen(
            spawner, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        try:
            report, spawner_err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise BenchError(f"did not exit within {timeout:.0f} s: {' '.join(argv)}\n{_read(err)}") from None
        if proc.returncode != 0:
            raise BenchError(f"the spawner failed ({proc.returncode}): {spawner_err.strip()}")
        _seconds, status, maxrss, _spawned_at = report.split()
        stdout = out.read_text(errors="replace")
        if int(status) != 0:
            raise BenchError(f"exited with {status}: {' '.join(argv)}\n{_read(err)}\n{stdout}")
        for line in stdout.splitlines():
            if line.startswith(CHILD_RESULT):
                result: dict[str, Any] = json.loads(line[len(CHILD_RESULT) :])
                result["wait4_maxrss_mib"] = int(maxrss) / (1024 * 1024 if sys.platform == "darwin" else 1024)
                return result
        raise BenchError(f"printed no result: {' '.join(argv)}\n{_read(err)}\n{stdout}")


def _read(path: Path) -> str:
    return path.read_text(errors="replace").strip() if path.exists() else ""


def child_env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PUBLISHER_DB", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PUBLISHER_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),  # window state and settings stay out of the user's profile
    )
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def peak(result: dict[str, Any]) -> float:
    """The peak resident memory the child saw of itself (VmHWM where the kernel reports it)."""
    memory = result["memory"]
    return float(memory.get("VmHWM_mib", memory["ru_maxrss_mib"]))


def add_teammates(services: Any) -> None:
    """The people the messages are assigned to, as users of the workspace (the assignee filter offers its users)."""
    for name in TEAMMATES:
        services.workspace.set_role(name, "author")


def benchmark(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from tests.bench.bench_inbox import search_database

    with tempfile.TemporaryDirectory(prefix="publisher-bench-inbox-gui-") as tmp:
        scratch = Path(tmp)
        (scratch / "data").mkdir()
        (scratch / "config").mkdir()
        started = time.perf_counter()
        log(f"Building a database with {args.messages:,} inbox messages ...")
        services, db_file = search_database(args.messages, scratch)
        try:
            add_teammates(services)
        finally:
            services.close()
        log(f"... done in {time.perf_counter() - started:.1f} s")
        env = child_env(scratch)
        me = str(Path(__file__).resolve())
        app_argv = [args.python, me, "--child", "app", "--db", str(db_file)]
        bare_argv = [args.python, me, "--child", "bare"]

        spawn(bare_argv, env, args.timeout, args.python)  # warm-up: .pyc files, file cache
        app_runs, bare_runs = [], []
        for run in range(args.memory_runs):
            log(f"memory run {run + 1}/{args.memory_runs}")
            app_runs.append(spawn(app_argv, env, args.timeout, args.python))
            bare_runs.append(spawn(bare_argv, env, args.timeout, args.python))
        log(f"filter and search: {args.runs} runs each ...")
        timed = spawn([*app_argv, "--runs", str(args.runs)], env, args.timeout * 10, args.python)

    app_peak = statistics.median(peak(r) for r in app_runs)
    bare_peak = statistics.median(peak(r) for r in bare_runs)
    timings = timed["timings"]
    worst = max(f["median_ms"] for f in timings["filters"].values())
    return {
        "messages": args.messages,
        "memory": {
            "runs": args.memory_runs,
            "app": app_runs,
            "bare": bare_runs,
            "app_peak_mib": app_peak,
            "app_current_mib": statistics.median(r["memory"].get("VmRSS_mib", 0.0) for r in app_runs),
            "bare_peak_mib": bare_peak,
            "ratio": app_peak / bare_peak,
            "goal_mib": MEMORY_GOAL_MIB,
            "verdict": "PASS" if app_peak <= MEMORY_GOAL_MIB else "MISS",
        },
        "filters": {
            "runs": args.runs,
            **timings,
            "memory_after_timings": timed["memory_after_timings"],
            "goal_ms": TIME_GOAL_MS,
            "verdict": "PASS" if worst <= TIME_GOAL_MS else "MISS",
        },
    }


def print_report(data: dict[str, Any]) -> None:
    memory, filters = data["memory"], data["filters"]
    print(f"Inbox with {data['messages']:,} messages, main window offscreen")
    print(f"Memory with the inbox open and a conversation shown (median of {memory['runs']} fresh processes):")
    listed = memory["app"][0]["listed"]
    print(
        f"  Publisher:      peak {memory['app_peak_mib']:7.1f} MiB, now {memory['app_current_mib']:7.1f} MiB "
        f"({listed:,} open messages listed)"
    )
    print(f"  bare Qt window: peak {memory['bare_peak_mib']:7.1f} MiB")
    print(f"  ratio {memory['ratio']:.2f}x the bare window; goal <= {MEMORY_GOAL_MIB:g} MiB peak: {memory['verdict']}")
    all_peak = statistics.median(float(r["memory_all"].get("VmHWM_mib", 0.0)) for r in memory["app"])
    all_now = statistics.median(float(r["memory_all"].get("VmRSS_mib", 0.0)) for r in memory["app"])
    all_listed = memory["app"][0]["all_listed"]
    print(f"  then status 'All' ({all_listed:,} messages listed): peak {all_peak:.1f} MiB, now {all_now:.1f} MiB")
    after = filters["memory_after_timings"]
    print(
        f"  (after the filter runs: peak {after.get('VmHWM_mib', after['ru_maxrss_mib']):.1f} MiB, "
        f"now {after.get('VmRSS_mib', 0.0):.1f} MiB)"
    )
    print(
        f"Change of a filter or search until the first page is loaded and painted "
        f"(median of {filters['runs']}; between runs the filter is put back to all {filters['all_listed']:,} messages):"
    )
    bare = filters["bare_ms"]
    print(f"  baseline: bare sqlite3 SELECT … ORDER BY received_at DESC LIMIT 100: {bare:6.2f} ms")
    for name, f in filters["filters"].items():
        print(
            f"  {name:20s} {f['median_ms']:7.1f} ms (max {f['max_ms']:6.1f}; rows in place after "
            f"{f['rows_ready_median_ms']:5.1f})  {f['listed']:7,d} listed  {f['median_ms'] / bare:6.1f}x the bare "
            "select"
        )
    print(f"  goal: median <= {TIME_GOAL_MS:g} ms for every filter: {filters['verdict']}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--child" in argv:
        return run_child(argv)
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000, help="messages in the database (default 200000)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per filter (default 15)")
    parser.add_argument("--memory-runs", type=int, default=3, help="processes measured for memory (default 3)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds before a child counts as hung")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the children (default: this)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.messages < 1 or args.runs < 1 or args.memory_runs < 1:
        parser.error("--messages, --runs and --memory-runs must be at least 1")
    if not hasattr(os, "wait4"):
        print("bench_inbox_gui: needs os.wait4 (Linux or macOS)", file=sys.stderr)
        return 1

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        data = benchmark(args, log)
    except BenchError as exc:
        print(f"bench_inbox_gui: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_report(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
