"""Start-up benchmark: Publisher on a 10,000-post database against a bare PySide6 window.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_startup.py [--runs 7] [--json]

Each measurement is a fresh interpreter (a cold start of the program; the OS file cache stays warm), timed from
spawn to exit, with the child's own peak resident memory from ``wait4``. Runs alternate app and baseline so that
drift on the machine affects both alike. One untimed warm-up of each comes first (``--warmup``).

The app is started as ``python -m publisher --db <URL>`` with ``PUBLISHER_EXIT_AFTER_PAINT=1`` and
``QT_QPA_PLATFORM=offscreen``: it quits with status 0 right after the main window's first paint. The baseline
(``_bare_window.py``) does the same with an empty QMainWindow of the same size.

Exit status: 0 whatever the numbers are; 1 if a run crashed or hung (its stderr is printed).
POSIX only (``os.wait4``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BARE_WINDOW = HERE / "_bare_window.py"

GOAL_TIME_RATIO = 5.0
GOAL_MEMORY_RATIO = 3.0
DEFAULT_POSTS = 10_000
WINDOW_SIZE = "1180x760"  # ui/main_window.py resizes the window to this
ZONE = "Europe/Berlin"
CACHE_PREFIX = "publisher-bench-db-"
DATASET_VERSION = 1  # bump when the generated data changes, so old caches are not reused

CHANNELS = ("Company blog", "Press room", "Careers")
CAMPAIGNS = (None, None, None, "Q3 results", "Employer brand", "Community", "Product launch", "Library partnership")
TOPICS = (
    "Quarterly results",
    "New opening hours",
    "We are hiring",
    "Volunteer day",
    "Product update",
    "Customer story",
    "Press release",
    "Team portrait",
    "Event reminder",
    "Service notice",
    "Behind the scenes",
    "Partnership announced",
)
WORDS = (
    *("customers", "team", "service", "desk", "apprentices", "partnership", "library", "river", "park"),
    *("colleagues", "revenue", "growth", "satisfaction", "holidays", "online", "courses", "photos", "story"),
    *("contact", "press", "city", "community", "volunteers", "trees", "planted", "opening", "hours"),
    *("response", "times", "results", "quarter", "new", "launch", "feature", "release", "update", "welcome"),
)


class BenchError(Exception):
    """A child crashed, hung or could not be started."""


# -- the 10,000-post database ----------------------------------------------------------------------------------


def _body(rng: random.Random, title: str) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        sentence_count = rng.randint(1, 4)
        sentences = []
        for _ in range(sentence_count):
            words = rng.sample(WORDS, rng.randint(6, 16))
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    if rng.random() < 0.3:
        paragraphs.append("\n".join(f"- {w.capitalize()}: {rng.randint(2, 99)} %" for w in rng.sample(WORDS, 3)))
    if rng.random() < 0.4:
        paragraphs[0] = f"**{title}**: " + paragraphs[0]
    return "\n\n".join(paragraphs)


def _cache_dir(posts: int) -> Path:
    """One cache per day: scheduled posts lie in the future as of the day the data was made."""
    from publisher.db.session import head_revision

    key = f"{DATASET_VERSION}-{posts}-{head_revision()}-{date.today().isoformat()}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"{CACHE_PREFIX}{digest}"


def build_database(posts: int, *, rebuild: bool = False, log: Any = print) -> Path:
    """The cached benchmark database (built once per day), as a SQLite file path."""
    cache = _cache_dir(posts)
    db_file = cache / "bench.sqlite3"
    if db_file.exists() and not rebuild:
        return db_file
    for stale in cache.parent.glob(f"{CACHE_PREFIX}*"):  # yesterday's data, an older schema, an aborted build
        shutil.rmtree(stale, ignore_errors=True)
    cache.mkdir(parents=True)
    started = time.perf_counter()
    log(f"Building a database with {posts:,} posts in {cache} (cached for today) ...")
    partial = cache / "building.sqlite3"
    _fill(partial, cache, posts)
    partial.rename(db_file)
    log(f"... done in {time.perf_counter() - started:.1f} s")
    return db_file


def _fill(db_file: Path, cache: Path, posts: int) -> None:
    from sqlalchemy import insert, select

    from publisher.db.models import Delivery, Post
    from publisher.services import build_services

    services = build_services(f"sqlite:///{db_file}")
    try:
        folders: dict[int, str] = {}
        for name in CHANNELS:
            folder = cache / "feeds" / name.lower().replace(" ", "-")
            folder.mkdir(parents=True)
            folders[services.channels.add("feed", name=name, path=str(folder)).id] = str(folder)
        channel_ids = list(folders)

        now = datetime.now(UTC).replace(second=0, microsecond=0)
        start = now - timedelta(days=270)  # nine months of history, three months of plans
        span_minutes = 365 * 24 * 60
        # The first post goes through the public API (it also creates the author); the rest are bulk rows.
        services.posts.create(
            "Welcome to our new channels! From today we publish news here first.",
            channels=list(CHANNELS),
            title="Welcome",
            at=start,
            tz=ZONE,
        )
        with services.db.session() as session:
            first = session.scalars(select(Post).order_by(Post.id)).one()
            author_id = first.author_id
            session.execute(
                Delivery.__table__.update()
                .where(Delivery.post_id == first.id)
                .values(state="published", next_attempt_at=None, attempts=1, published_at=start)
            )

        rng = random.Random(20261123)
        times = sorted(start + timedelta(minutes=rng.randrange(span_minutes)) for _ in range(posts - 1))
        chunk = 1000
        for offset in range(0, len(times), chunk):
            post_rows, delivery_specs = [], []
            for when in times[offset : offset + chunk]:
                topic = rng.choice(TOPICS)
                title = f"{topic}: {' '.join(rng.sample(WORDS, 3))}" if rng.random() < 0.85 else None
                created = when - timedelta(days=rng.randint(0, 14), minutes=rng.randrange(600))
                post_rows.append(
                    {
                        "title": title,
                        "body": _body(rng, title or topic),
                        "campaign": rng.choice(CAMPAIGNS),
                        "author_id": author_id,
                        "status": "scheduled",
                        "created_at": min(created, now),
                        "updated_at": min(created + timedelta(minutes=rng.randrange(120)), now),
                    }
                )
                chosen = rng.sample(channel_ids, rng.choices((1, 2, 3), weights=(5, 3, 2))[0])
                delivery_specs.append((when, min(created, now), chosen))
            with services.db.engine.begin() as conn:
                ids = [conn.execute(insert(Post.__table__).values(**row)).inserted_primary_key[0] for row in post_rows]
                rows = []
                for post_id, (when, created, chosen) in zip(ids, delivery_specs, strict=True):
                    rows.extend(_delivery(rng, post_id, cid, folders[cid], when, created, now) for cid in chosen)
                conn.execute(insert(Delivery.__table__), rows)
    finally:
        services.close()


def _delivery(
    rng: random.Random, post_id: int, channel_id: int, folder: str, when: datetime, created: datetime, now: datetime
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "post_id": post_id,
        "channel_id": channel_id,
        "scheduled_at": when,
        "scheduled_tz": ZONE,
        "next_attempt_at": None,
        "attempts": 0,
        "idempotency_key": None,
        "lease_owner": None,
        "lease_until": None,
        "remote_id": None,
        "remote_url": None,
        "published_at": None,
        "last_error_code": None,
        "last_error_message": None,
        "last_error_params": None,
        "created_at": created,
        "updated_at": created,
    }
    if when > now:  # planned: nothing is due, so the app's engine has nothing to publish during the benchmark
        row.update(state="scheduled", next_attempt_at=when)
        return row
    key = f"{rng.getrandbits(128):032x}"
    done = when + timedelta(seconds=rng.randint(2, 50))
    if rng.random() < 0.93:
        filename = f"{when:%Y-%m-%d}-post-{post_id}-{key[:8]}.md"
        row.update(
            state="published",
            attempts=1,
            idempotency_key=key,
            remote_id=filename,
            remote_url=f"file://{folder}/{filename}",
            published_at=done,
            updated_at=done,
        )
    else:  # failed for good (next_attempt_at stays empty): waits for the user to retry
        row.update(
            state="failed",
            attempts=rng.randint(1, 5),
            idempotency_key=key,
            last_error_code="feed.folder_not_writable",
            last_error_message=f"Publisher may not write to {folder}. Choose a folder you can write to or "
            "change its permissions.",
            last_error_params={"path": folder},
            updated_at=done,
        )
    return row


# -- measuring -----------------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float  # spawn to first paint (what the goal is about)
    peak_rss_kib: int
    total_seconds: float = 0.0  # spawn to exit
    data_seconds: float | None = None  # spawn to the post list's ids loaded (app only)


@dataclass
class Subject:
    name: str
    runs: list[Run] = field(default_factory=list)

    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    def median_rss_kib(self) -> float:
        return statistics.median(r.peak_rss_kib for r in self.runs)

    def to_json(self) -> dict[str, Any]:
        seconds = [r.seconds for r in self.runs]
        rss = [r.peak_rss_kib for r in self.runs]
        return {
            "time_s": {"median": self.median_seconds(), "min": min(seconds), "max": max(seconds), "all": seconds},
            "peak_rss_kib": {"median": self.median_rss_kib(), "min": min(rss), "max": max(rss), "all": rss},
            "until_exit_s": {"median": statistics.median(r.total_seconds for r in self.runs)},
            "data_ready_s": {"median": self.median_data_seconds()},
        }

    def median_data_seconds(self) -> float | None:
        values = [r.data_seconds for r in self.runs if r.data_seconds is not None]
        return statistics.median(values) if values else None


# Spawns one measured program and reports "<seconds> <exit status> <ru_maxrss>". It runs in its own small
# interpreter because Linux counts the parent's resident memory at spawn time into the child's ru_maxrss (the
# high-water mark of the address space replaced by exec): spawned straight from this script, which holds
# SQLAlchemy and the data it generated, even /bin/true would "peak" at this script's size. The spawner itself
# stays at ~10 MiB, far below any Qt program, so it does not show in the numbers.
SPAWNER = """
import os, sys, time
out, err, *argv = sys.argv[1:]
actions = [
    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
    (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
]
spawned_at = time.time()
started = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
print(elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss, repr(spawned_at))
"""


def _rss_kib(ru_maxrss: int) -> int:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    return ru_maxrss // 1024 if sys.platform == "darwin" else ru_maxrss


def measure(name: str, argv: list[str], env: dict[str, str], timeout: float, python: str) -> Run:
    """Run ``argv`` once; wall time from spawn to exit and the child's peak RSS (``wait4``)."""
    with tempfile.TemporaryDirectory(prefix="publisher-bench-out-") as tmp:
        out, err = Path(tmp, "stdout"), Path(tmp, "stderr")
        spawner = [python, "-I", "-S", "-c", SPAWNER, str(out), str(err), *argv]
        try:
            proc = subprocess.Popen(
                spawner, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
            )  # a session of its own: a hung run is killed whole
        except OSError as exc:
            raise BenchError(f"{name}: cannot start {python}: {exc}") from exc
        try:
            report, spawner_err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise BenchError(
                f"{name} did not exit within {timeout:.0f} s: {' '.join(argv)}\n" + _output(out, err)
            ) from None
        if proc.returncode != 0:
            raise BenchError(f"{name}: the spawner failed ({proc.returncode}): {spawner_err.strip()}")
        seconds, status, maxrss, spawned_at = report.split()
        if int(status) != 0:
            raise BenchError(f"{name} exited with {status}: {' '.join(argv)}\n" + _output(out, err))
        marks = _startup_marks(out.read_text(errors="replace"))
        if "first-paint" not in marks:
            raise BenchError(f"{name} printed no first-paint mark: {' '.join(argv)}\n" + _output(out, err))
        start = float(spawned_at)
        data = marks.get("data-ready")
    return Run(
        seconds=marks["first-paint"] - start,
        peak_rss_kib=_rss_kib(int(maxrss)),
        total_seconds=float(seconds),
        data_seconds=None if data is None else data - start,
    )


def _startup_marks(stdout: str) -> dict[str, float]:
    """``publisher-startup <mark> <epoch seconds>`` lines the app and the baseline print."""
    marks: dict[str, float] = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "publisher-startup":
            marks[parts[1]] = float(parts[2])
    return marks


def _output(out: Path, err: Path) -> str:
    def read(path: Path) -> str:
        return path.read_text(errors="replace").strip() if path.exists() else ""

    stdout, stderr = read(out), read(err)
    return f"--- stderr ---\n{stderr or '(empty)'}" + (f"\n--- stdout ---\n{stdout}" if stdout else "")


def child_env(scratch: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PUBLISHER_DB", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PUBLISHER_EXIT_AFTER_PAINT="1",
        PUBLISHER_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),  # window state and settings stay out of the user's profile
    )
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def benchmark(args: argparse.Namespace, log: Any) -> tuple[Subject, Subject | None]:
    baseline = Subject("bare PySide6 window")
    app = None if args.baseline_only else Subject("Publisher")
    bare_argv = [args.python, str(BARE_WINDOW), "--size", WINDOW_SIZE]
    db_file = None if app is None else build_database(args.posts, rebuild=args.rebuild, log=log)

    with tempfile.TemporaryDirectory(prefix="publisher-bench-run-") as tmp:
        scratch = Path(tmp)
        (scratch / "data").mkdir()
        (scratch / "config").mkdir()
        env = child_env(scratch)
        run_db = scratch / "run.sqlite3"

        def app_once() -> Run:
            assert db_file is not None
            for suffix in ("-wal", "-shm"):
                Path(f"{run_db}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(db_file, run_db)  # every run starts from the same, untouched data
            app_argv = [args.python, "-m", "publisher", "--db", f"sqlite:///{run_db}"]
            return measure("Publisher", app_argv, env, args.timeout, args.python)

        def bare_once() -> Run:
            return measure("baseline", bare_argv, env, args.timeout, args.python)

        for _ in range(args.warmup):  # compiles .pyc files and fills the file cache; not counted
            if app is not None:
                app_once()
            bare_once()
        for i in range(args.runs):
            if app is not None:
                app.runs.append(app_once())
            baseline.runs.append(bare_once())
            log(f"  run {i + 1}/{args.runs}", end="\r")
        log(" " * 20, end="\r")
    return baseline, app


# -- report --------------------------------------------------------------------------------------------------


def verdict(ratio: float, goal: float) -> str:
    return "PASS" if ratio <= goal else "MISS"


def report(args: argparse.Namespace, baseline: Subject, app: Subject | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "runs": args.runs,
        "warmup": args.warmup,
        "posts": None if app is None else args.posts,
        "window": WINDOW_SIZE,
        "python": args.python,
        "platform": sys.platform,
        "baseline": baseline.to_json(),
        "app": None if app is None else app.to_json(),
        "goal": {"time_ratio": GOAL_TIME_RATIO, "memory_ratio": GOAL_MEMORY_RATIO},
    }
    if app is not None:
        time_ratio = app.median_seconds() / baseline.median_seconds()
        memory_ratio = app.median_rss_kib() / baseline.median_rss_kib()
        data["ratio"] = {"time": time_ratio, "memory": memory_ratio}
        data["result"] = {
            "time": verdict(time_ratio, GOAL_TIME_RATIO),
            "memory": verdict(memory_ratio, GOAL_MEMORY_RATIO),
        }
    return data


def print_report(data: dict[str, Any], baseline: Subject, app: Subject | None) -> None:
    posts = f"{data['posts']:,} posts, " if data["posts"] else ""
    print(
        f"Start-up to first paint: median of {data['runs']} cold starts each "
        f"({posts}window {data['window']}, offscreen)"
    )
    print(f"{'':22}{'time':>12}{'peak memory':>16}")
    for subject in (app, baseline):
        if subject is not None:
            print(
                f"{subject.name:22}{subject.median_seconds() * 1000:>9.0f} ms"
                f"{subject.median_rss_kib() / 1024:>12.1f} MiB"
            )
    if app is None:
        print("(baseline only: the app was not measured)")
        return
    ratio, result = data["ratio"], data["result"]
    print(f"{'ratio app/baseline':22}{ratio['time']:>11.2f}×{ratio['memory']:>15.2f}×")
    print(f"{'goal':22}{'≤ ' + format(GOAL_TIME_RATIO, '.2f'):>11}×{'≤ ' + format(GOAL_MEMORY_RATIO, '.2f'):>15}×")
    print(f"{'result':22}{result['time']:>12}{result['memory']:>16}")
    data_ready = app.median_data_seconds()
    if data_ready is not None:
        print(
            f"Publisher's post list had all {data['posts']:,} ids loaded {data_ready * 1000:.0f} ms after spawn "
            f"({data_ready / baseline.median_seconds():.2f}× the bare window's first paint)."
        )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Publisher start-up time and memory against a bare Qt window.")
    parser.add_argument("--runs", type=int, default=7, help="measured runs of each (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each before measuring (default 1)")
    parser.add_argument("--posts", type=int, default=DEFAULT_POSTS, help="posts in the database (default 10000)")
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if cached")
    parser.add_argument("--baseline-only", action="store_true", help="measure only the bare window")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run counts as hung")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the children (default: this)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0 or args.posts < 1:
        parser.error("--runs and --posts must be at least 1, --warmup at least 0")
    return args


def main(argv: list[str] | None = None) -> int:
    if not hasattr(os, "wait4"):
        print("bench_startup: needs os.wait4 (Linux or macOS)", file=sys.stderr)
        return 1
    args = parse_args(argv)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))

    def log(message: str, end: str = "\n") -> None:
        # Progress goes to stderr, so stdout holds only the report; the "\r" run counter only on a terminal.
        if end == "\n" or sys.stderr.isatty():
            print(message, end=end, file=sys.stderr, flush=True)

    try:
        baseline, app = benchmark(args, log)
    except BenchError as exc:
        print(f"bench_startup: {exc}", file=sys.stderr)
        return 1
    data = report(args, baseline, app)
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_report(data, baseline, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
