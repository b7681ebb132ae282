"""Calendar benchmark: switch months in the month view of a workspace with 10,000 deliveries over one year.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_calendar.py [--runs 60] [--deliveries 10000] [--json]

The workspace (SQLite, a temporary folder) holds 5,000 posts on two of ten channels each, at random times of 2026,
with eight campaigns and three authors. Each run shows the next month (a year's months in turn) exactly as the
"next" button does, with the task runner inline: the filtered query of the six weeks the grid shows, grouping by
day, laying out the items, and painting the grid offscreen (``grab()``). Reported:

* month switch: the whole of the above; the goal is a median of at most 50 ms;
* its parts: the query alone (``CalendarService.rows``) and the paint alone (``grab()`` of an unchanged grid);
* baselines measured in the same run: a bare ``sqlite3`` query fetching the same columns of the same rows, and
  ``grab()`` of a bare QWidget of the grid's size; the ratios put the calendar beside them.

It also prints SQLite's plan for the query, and measures again after creating an index on
``deliveries.scheduled_at`` in the benchmark's database (the schema has none yet).

Exit status: 0 whatever the numbers are.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

GOAL_MS = 50.0
CAMPAIGNS = ("Spring launch", "Hiring", "Open day", "Q3 results", "Advent calendar", "Community", "Press", None)
BARE_SQL = """
SELECT d.id, d.post_id, p.title, substr(p.body, 1, 400), d.channel_id, c.name, c.kind, d.state, d.scheduled_at,
       d.scheduled_tz, p.campaign, u.name, p.status, c.audience_tz, d.handoff_id, d.handoff_at, p.series_id
FROM deliveries d JOIN channels c ON c.id = d.channel_id JOIN posts p ON p.id = d.post_id
LEFT OUTER JOIN users u ON u.id = p.author_id
WHERE d.scheduled_at >= ? AND d.scheduled_at < ? ORDER BY d.scheduled_at, d.id
"""


def seed(url: str, deliveries: int) -> None:
    """Channels through the service; posts and deliveries inserted in bulk (the service would take minutes)."""
    from sqlalchemy import insert

    from publisher.db.models import Delivery, Post, User
    from publisher.services import build_services

    services = build_services(url, actor="bench")
    folder = Path(tempfile.mkdtemp(prefix="publisher-bench-feeds-"))
    channel_ids = []
    for index in range(10):
        target = folder / f"c{index}"
        target.mkdir()
        channel_ids.append(services.channels.add("feed", name=f"Channel {index}", path=str(target)).id)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    rng = random.Random(20261123)
    with services.db.session(write=True) as session:
        authors = []
        for name in ("alice", "bob", "carol"):
            user = User(name=name, role="author", created_at=now)
            session.add(user)
            session.flush()
            authors.append(user.id)
        posts, rows = [], []
        for post_id in range(1, deliveries // 2 + 1):
            when = now + timedelta(minutes=rng.randrange(365 * 24 * 60))
            posts.append(
                {
                    "id": post_id,
                    "title": None if post_id % 3 else f"Post {post_id}",
                    "body": f"# Post number {post_id}\n\n" + "Some text about the topic. " * 20,
                    "campaign": CAMPAIGNS[post_id % len(CAMPAIGNS)],
                    "author_id": authors[post_id % 3],
                    "status": "scheduled",
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for channel in rng.sample(channel_ids, 2):
                rows.append(
                    {
                        "post_id": post_id,
                        "channel_id": channel,
                        "state": "scheduled",
                        "scheduled_at": when,
                        "scheduled_tz": "Europe/Berlin",
                        "next_attempt_at": when,
                        "attempts": 0,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        session.execute(insert(Post), posts)
        session.execute(insert(Delivery), rows)
    services.close()


def measure(work: Callable[[int], object], runs: int) -> list[float]:
    for index in range(3):  # warm-up: imports, statement cache, fonts
        work(index)
    gc.collect()
    times = []
    for index in range(runs):
        start = time.perf_counter_ns()
        work(index)
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times


def summary(times: list[float]) -> dict[str, float]:
    return {"median_ms": statistics.median(times), "p90_ms": statistics.quantiles(times, n=10)[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--deliveries", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    os.environ.setdefault("PUBLISHER_DATA_DIR", tempfile.mkdtemp(prefix="publisher-bench-data-"))
    from PySide6.QtWidgets import QApplication, QWidget

    from publisher.clock import ManualClock
    from publisher.domain.recurrence import wall_to_utc
    from publisher.services import build_services
    from ui.tasks import TaskRunner
    from ui.views.calendar import CalendarView
    from ui.views.calendar_grids import MonthGrid

    app = QApplication.instance() or QApplication([])
    workdir = Path(tempfile.mkdtemp(prefix="publisher-bench-calendar-"))
    db_file = workdir / "calendar.sqlite3"
    url = f"sqlite:///{db_file}"
    seed(url, args.deliveries)
    services = build_services(url, clock=ManualClock(datetime(2026, 1, 15, 9, tzinfo=UTC)), actor="bench")
    view = CalendarView(services, TaskRunner(inline=True))
    view.set_user_zone("Europe/Berlin")
    view.resize(1180, 720)
    view.show()
    view.refresh()
    app.processEvents()
    months = [date(2026, m, 1) for m in range(1, 13)]
    shown: list[int] = []

    def switch(index: int) -> None:
        view.show_date(months[index % 12])
        view.month.grab()
        shown.append(len(view.rows))

    def month_range(index: int) -> tuple[datetime, datetime]:
        first = MonthGrid.first_day(months[index % 12])
        midnight = datetime.min.time()
        return wall_to_utc(first, midnight, view.user_tz), wall_to_utc(
            first + timedelta(days=42), midnight, view.user_tz
        )

    connection = sqlite3.connect(db_file)

    def bare_query(index: int) -> None:
        start, end = month_range(index)
        bounds = (start.replace(tzinfo=None).isoformat(" "), end.replace(tzinfo=None).isoformat(" "))
        connection.execute(BARE_SQL, bounds).fetchall()

    bare = QWidget()
    bare.resize(view.month.size())
    bare.show()

    results = {
        "month_switch": summary(measure(switch, args.runs)),
        "query_only": summary(measure(lambda i: services.calendar.rows(*month_range(i)), args.runs)),
        "paint_only": summary(measure(lambda _i: view.month.grab(), args.runs)),
        "baseline_sqlite": summary(measure(bare_query, args.runs)),
        "baseline_widget_grab": summary(measure(lambda _i: bare.grab(), args.runs)),
    }
    plan = [row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + BARE_SQL, ("2026-01-01", "2026-02-01"))]
    switch_ms = results["month_switch"]["median_ms"]
    baseline_ms = results["baseline_sqlite"]["median_ms"] + results["baseline_widget_grab"]["median_ms"]
    report = {
        "deliveries": args.deliveries,
        "runs": args.runs,
        "rows_per_month_median": statistics.median(shown) if shown else 0,
        **results,
        "ratio_to_goal": switch_ms / GOAL_MS,
        "ratio_to_baseline": switch_ms / baseline_ms,
        "query_plan": plan,
        "goal_ms": GOAL_MS,
        "verdict": "PASS" if switch_ms <= GOAL_MS else "MISS",
    }
    view.close()
    services.close()
    connection.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"Calendar: {args.deliveries} deliveries over 2026, {args.runs} month switches "
        f"(median {report['rows_per_month_median']:.0f} deliveries in the six weeks shown)"
    )
    for key, label in (
        ("month_switch", "month switch (query+layout+paint)"),
        ("query_only", "  query alone (CalendarService)  "),
        ("paint_only", "  paint alone (grab of the grid) "),
        ("baseline_sqlite", "baseline: bare sqlite3 query     "),
        ("baseline_widget_grab", "baseline: bare QWidget grab()    "),
    ):
        print(f"  {label}: median {results[key]['median_ms']:7.2f} ms  (p90 {results[key]['p90_ms']:.2f})")
    ratios = f"{report['ratio_to_baseline']:.2f}x the bare query + bare grab; {report['ratio_to_goal']:.2f}x the goal"
    print(f"  ratio: {ratios}")
    print(f"  query plan: {' / '.join(plan)}")
    print(f"  goal: median <= {GOAL_MS:g} ms per month switch: {report['verdict']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
