"""Inbox benchmark: ingest 100,000 messages, then filter and search 200,000.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_inbox.py [--ingest 100000] [--ingest-runs 1] [--search 200000] [--page-size 100]
                                      [--runs 30] [--json]

Reported:

* ingest: :meth:`InboxService.sync` over a fake network serving the messages newest first in pages of
  ``--page-size``: normalise (names, text, HTML sanitising), sentiment, de-duplicate by network id, contacts,
  conversations, the rows and the full-text index, one transaction per page, on a SQLite file. Baseline: a bare
  ``sqlite3`` ``executemany`` upsert (``INSERT … ON CONFLICT DO UPDATE``) of the same rows into a table with the
  same unique key, committed per page of the same size, in the same run. Goal: at least 20 % of its rate. With
  ``--ingest-runs N`` both are measured N times, alternately (each on a fresh database), and the verdict uses the
  median ratio: on a shared machine one run's ratio swings by a few points.
* schema floor (informative): the rows the ingest stored, written again into the same schema with plain ``sqlite3``
  and no Python work, per page, the full-text index filled at the end: the ceiling for any ingest into this schema.
* filter and search: over a database of ``--search`` messages (rows written straight into the migrated schema, so
  the triggers build the full-text index), the median time of :meth:`InboxService.list` to its first page of 100
  for each filter: none, status, channel, sentiment, assignee, tag, a common word, a rare word, a word plus a
  status. Goal: median at most 50 ms for every one. Baseline: the bare ``SELECT … ORDER BY received_at DESC
  LIMIT 100`` through ``sqlite3``.

Exit status: 0 whatever the numbers are.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

from publisher.channels.protocol import InboxItem  # noqa: E402
from publisher.channels.registry import Registry  # noqa: E402
from publisher.clock import ManualClock  # noqa: E402
from publisher.services import InboxFilter, build_services  # noqa: E402
from tests.publisher.inbox_fake import FakeInboxKind  # noqa: E402

INGEST_GOAL = 0.20  # of the bare upsert's rate
SEARCH_GOAL_MS = 50.0
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

WORDS = tuple(
    [
        "the",
        "a",
        "and",
        "to",
        "of",
        "in",
        "is",
        "it",
        "you",
        "that",
        "we",
        "for",
        "on",
        "this",
        "with",
        "are",
        "be",
        "your",
        "was",
        "have",
        "our",
        "but",
        "not",
        "at",
        "can",
        "will",
        "just",
        "product",
        "order",
        "shipping",
        "delivery",
        "price",
        "support",
        "team",
        "update",
        "app",
        "release",
        "version",
        "feature",
        "bug",
        "login",
        "account",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "zu",
        "mit",
        "auf",
        "für",
        "wir",
        "ihr",
        "bitte",
        "danke",
        "lieferung",
        "bestellung",
        "preis",
        "konto",
        "frage",
        "great",
        "good",
        "thanks",
        "love",
        "awesome",
        "bad",
        "terrible",
        "slow",
        "broken",
        "refund",
        "gut",
        "super",
        "toll",
        "schlecht",
        "kaputt",
        "enttäuscht",
        "when",
        "where",
        "why",
        "how",
        "what",
        "today",
        "tomorrow",
        "week",
        "store",
        "berlin",
        "munich",
        "hamburg",
        "roof",
        "solar",
        "battery",
        "charger",
    ]
)
RARE = "zebrafinch"


def messages(count: int, seed: int = 7) -> list[InboxItem]:
    """``count`` messages over the last 25 days, newest first; a fifth answer an earlier one; 1 in 5,000 is rare."""
    rnd = random.Random(seed)
    handles = [f"@user{n}@social{n % 37}.example" for n in range(max(1, count // 20))]
    items: list[InboxItem] = []
    span = 25 * 24 * 3600
    for n in range(count):
        at = NOW - timedelta(seconds=span * (count - n) / count)
        words = rnd.choices(WORDS, k=rnd.randint(6, 30))
        if n % 5000 == 17:
            words.append(RARE)
        handle = rnd.choice(handles)
        parent = f"m{rnd.randrange(n)}" if n and rnd.random() < 0.2 else None
        items.append(
            InboxItem(
                remote_id=f"m{n}",
                kind="reply" if parent else "mention",
                author=handle,
                author_name=f"User {handle[5:9]}",
                text=" ".join(words).capitalize() + ".",
                created_at=at,
                url=f"https://social.example/@u/{n}",
                in_reply_to_id=parent,
            )
        )
    items.reverse()
    return items


# -- ingest ----------------------------------------------------------------------------------------------------


def ingest(items: list[InboxItem], folder: Path, page_size: int) -> dict[str, Any]:
    network = FakeInboxKind(items=items, page_size=page_size)
    clock = ManualClock(NOW)
    services = build_services(f"sqlite:///{folder / 'ingest.sqlite3'}", clock=clock, registry=Registry([network]))
    try:
        services.channels.add("fakeinbox", name="Fake")
        gc.collect()
        start = time.perf_counter()
        (report,) = services.inbox.sync()
        seconds = time.perf_counter() - start
        assert report.error_code is None and report.new == len(items), report
        count = services.inbox.count()
        # A second sync (nothing new) reads one page and stops.
        start = time.perf_counter()
        (again,) = services.inbox.sync()
        resync = time.perf_counter() - start
        assert again.new == 0
    finally:
        services.close()
    return {"seconds": seconds, "rate": count / seconds, "pages": report.pages, "resync_ms": resync * 1000}


def schema_floor(folder: Path, page_size: int) -> dict[str, Any]:
    """The stored rows of an ingest written again, with no Python work at all, into the Publisher schema.

    The rows :func:`ingest` left in ``ingest.sqlite3`` (contacts and conversations copied first, untimed) go into a
    fresh database of the current schema with plain ``sqlite3`` ``executemany``, committed per page as the sync
    does (the contacts and conversations stay out of the timing), with the full-text index filled at the end as the
    sync fills it. This is what any ingest costs SQLite with the indexes and the full-text index the inbox needs:
    the rate the sync could reach if the Python side cost nothing.
    """
    path = folder / "floor.sqlite3"
    build_services(f"sqlite:///{path}", clock=ManualClock(NOW), registry=Registry([FakeInboxKind()])).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA wal_autocheckpoint=10000")  # as publisher.db.session sets it
    conn.execute(f"ATTACH DATABASE '{folder / 'ingest.sqlite3'}' AS done")
    conn.execute("BEGIN")
    for table in ("channels", "inbox_contacts", "inbox_conversations"):
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM done.{table}")
    conn.execute("COMMIT")
    columns = [r[1] for r in conn.execute("PRAGMA main.table_info(inbox_items)")]
    rows = conn.execute(f"SELECT {', '.join(columns)} FROM done.inbox_items ORDER BY id").fetchall()
    conn.execute("DETACH DATABASE done")
    sql = f"INSERT INTO inbox_items ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    gc.collect()
    start = time.perf_counter()
    for offset in range(0, len(rows), page_size):
        conn.execute("BEGIN IMMEDIATE")
        if offset == 0:
            conn.execute("UPDATE inbox_fts_control SET deferred = 1 WHERE id = 1")
        conn.executemany(sql, rows[offset : offset + page_size])
        conn.execute("COMMIT")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO inbox_fts (rowid, text, author_name, author_handle) "
        "SELECT id, text, author_name, author_handle FROM inbox_items"
    )
    conn.execute("UPDATE inbox_fts_control SET deferred = 0 WHERE id = 1")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return {"seconds": seconds, "rate": len(rows) / seconds}


def baseline_upsert(items: list[InboxItem], folder: Path, page_size: int) -> dict[str, Any]:
    conn = sqlite3.connect(folder / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE items (id INTEGER PRIMARY KEY, channel_id INTEGER NOT NULL, remote_id TEXT NOT NULL, "
        "kind TEXT, author_handle TEXT, author_name TEXT, text TEXT, url TEXT, received_at TEXT, "
        "in_reply_to TEXT, UNIQUE (channel_id, remote_id))"
    )
    sql = (
        "INSERT INTO items (channel_id, remote_id, kind, author_handle, author_name, text, url, received_at, "
        "in_reply_to) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel_id, remote_id) DO UPDATE SET "
        "text = excluded.text"
    )
    gc.collect()
    start = time.perf_counter()
    for offset in range(0, len(items), page_size):
        page = items[offset : offset + page_size]
        conn.execute("BEGIN")
        conn.executemany(
            sql,
            [
                (
                    i.remote_id,
                    i.kind,
                    i.author,
                    i.author_name,
                    i.text,
                    i.url,
                    i.created_at.isoformat(),
                    i.in_reply_to_id,
                )
                for i in page
            ],
        )
        conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    count = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    conn.close()
    return {"seconds": seconds, "rate": count / seconds}


# -- filter and search ---------------------------------------------------------------------------------------------


def search_database(count: int, folder: Path) -> tuple[Any, Path]:
    """A migrated database holding ``count`` messages on three channels, written straight with sqlite3."""
    from publisher.domain.sentiment import analyse

    path = folder / "search.sqlite3"
    network = FakeInboxKind()
    services = build_services(f"sqlite:///{path}", clock=ManualClock(NOW), registry=Registry([network]))
    for name in ("Mastodon", "Bluesky", "Blog"):
        services.channels.add("fakeinbox", name=name)
    services.close()
    rnd = random.Random(11)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    rows = []
    stamp = NOW.replace(tzinfo=None)
    for n, item in enumerate(messages(count, seed=3)):
        mood = analyse(item.text)
        rows.append(
            (
                1 + n % 3,
                item.remote_id,
                item.kind,
                item.author,
                item.author_name,
                item.text,
                item.created_at.replace(tzinfo=None).isoformat(sep=" "),
                "done" if rnd.random() < 0.7 else "open",
                rnd.choice(("maria", "jonas", None, None)),
                mood.score,
                mood.label,
                json.dumps(list(mood.words)),
                stamp.isoformat(sep=" "),
            )
        )
    conn.executemany(
        "INSERT INTO inbox_items (channel_id, remote_id, kind, author_handle, author_name, text, received_at, status, "
        "assignee, sentiment_score, sentiment_label, sentiment_words, edited, deleted, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?13)",
        rows,
    )
    conn.execute("INSERT INTO inbox_item_tags (item_id, tag) SELECT id, 'lead' FROM inbox_items WHERE id % 50 = 0")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    services = build_services(f"sqlite:///{path}", clock=ManualClock(NOW), registry=Registry([network]))
    return services, path


FILTERS: dict[str, InboxFilter] = {
    "none": InboxFilter(),
    "status=open": InboxFilter(status="open"),
    "channel": InboxFilter(channel="Bluesky"),
    "sentiment=negative": InboxFilter(sentiment="negative"),
    "assignee": InboxFilter(assignee="maria", status="open"),
    "tag": InboxFilter(tag="lead"),
    "query common word": InboxFilter(query="delivery"),
    "query two words": InboxFilter(query="refund berlin"),
    "query rare word": InboxFilter(query=RARE),
    "query + status": InboxFilter(query="danke", status="open"),
}


def median_ms(work: Any, runs: int) -> float:
    work()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        times.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingest", type=int, default=100_000, help="messages to ingest")
    parser.add_argument("--ingest-runs", type=int, default=1, help="times to measure the ingest and the baseline")
    parser.add_argument("--search", type=int, default=200_000, help="messages in the search database")
    parser.add_argument("--page-size", type=int, default=100, help="messages per fetched page")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="publisher-bench-inbox-") as tmp:
        folder = Path(tmp)
        items = messages(args.ingest)
        runs = []
        if not args.json:
            print(f"Ingest of {args.ingest:,} messages in pages of {args.page_size}:")
        for run in range(max(1, args.ingest_runs)):
            work = folder / f"ingest-{run}"
            work.mkdir()
            ours = ingest(items, work, args.page_size)
            bare = baseline_upsert(items, work, args.page_size)
            floor = schema_floor(work, args.page_size)
            runs.append(
                {
                    "publisher": ours,
                    "bare_upsert": bare,
                    "schema_floor": floor,
                    "ratio": ours["rate"] / bare["rate"],
                    "floor_ratio": floor["rate"] / bare["rate"],
                }
            )
            if not args.json:
                print(f"  InboxService.sync:        {ours['seconds']:7.2f} s  {ours['rate']:10,.0f} messages/s")
                print(f"  bare sqlite3 upsert:      {bare['seconds']:7.2f} s  {bare['rate']:10,.0f} messages/s")
                print(f"  ratio: {runs[-1]['ratio']:.1%} of the bare rate")
                print(
                    f"  the same rows into the Publisher schema, sqlite3 only: {floor['seconds']:6.2f} s "
                    f"{floor['rate']:10,.0f} messages/s = {runs[-1]['floor_ratio']:.1%} of the bare rate "
                    "(the most any ingest could reach)"
                )
                print(f"  a second sync with nothing new: {ours['resync_ms']:.1f} ms")
        ratio = statistics.median(r["ratio"] for r in runs)
        report["ingest"] = {
            "messages": args.ingest,
            "page_size": args.page_size,
            "runs": runs,
            "ratio": ratio,
            "goal": INGEST_GOAL,
            "verdict": "PASS" if ratio >= INGEST_GOAL else "MISS",
        }
        if not args.json:
            print(
                f"  median ratio of {len(runs)} run(s): {ratio:.1%} of the bare rate (goal >= {INGEST_GOAL:.0%}): "
                f"{report['ingest']['verdict']}"
            )

        services, path = search_database(args.search, folder)
        try:
            conn = sqlite3.connect(path)
            bare_ms = median_ms(
                lambda: conn.execute(
                    "SELECT id, text FROM inbox_items ORDER BY received_at DESC, id DESC LIMIT 100"
                ).fetchall(),
                args.runs,
            )
            conn.close()
            figures = {}
            for name, flt in FILTERS.items():
                rows = services.inbox.list(flt, limit=100)
                ms = median_ms(lambda flt=flt: services.inbox.list(flt, limit=100), args.runs)
                figures[name] = {"median_ms": ms, "rows": len(rows), "ratio": ms / bare_ms}
        finally:
            services.close()
        worst = max(f["median_ms"] for f in figures.values())
        report["search"] = {
            "messages": args.search,
            "runs": args.runs,
            "bare_first_page_ms": bare_ms,
            "filters": figures,
            "goal_ms": SEARCH_GOAL_MS,
            "verdict": "PASS" if worst <= SEARCH_GOAL_MS else "MISS",
        }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"First page of 100 over {args.search:,} messages (median of {args.runs} runs):")
    print(f"  bare sqlite3 SELECT … ORDER BY received_at LIMIT 100: {bare_ms:6.2f} ms")
    for name, f in figures.items():
        print(f"  {name:20s} {f['median_ms']:7.2f} ms  ({f['rows']:3d} rows, {f['ratio']:5.1f}x the bare select)")
    print(f"  goal: median <= {SEARCH_GOAL_MS:g} ms for every filter: {report['search']['verdict']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
