"""Contacts benchmark: listing, searching and opening contacts over a busy inbox.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_contacts.py [--messages 200000] [--contacts 20000] [--runs 15] [--json]

The database (a migrated SQLite file) holds ``--messages`` inbox items written by ``--contacts`` authors on two
kinds of network, written straight with ``sqlite3``; every 20th contact is merged into another one and every 10th
carries the tag ``press``. Reported, each as the median of ``--runs``:

* ``ids``: :meth:`ContactService.ids` with no filter, a name search and the tag filter (what the list loads);
* ``rows``: :meth:`ContactService.rows` for the first 100 ids (the first visible page);
* ``get``: :meth:`ContactService.get` of the busiest contact (its 500 newest messages).

Baseline, in the same run: the bare ``sqlite3`` query that orders every author by their last message
(``SELECT contact_id, max(received_at) … GROUP BY contact_id ORDER BY 2 DESC``), the least any activity-ordered
contact list must do. Each figure is printed with its ratio to it. Exit status: 0 whatever the numbers are.
"""

from __future__ import annotations

import argparse
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

from publisher.channels.registry import Registry  # noqa: E402
from publisher.clock import ManualClock  # noqa: E402
from publisher.services import Services, build_services  # noqa: E402
from tests.publisher.inbox_fake import FakeInboxKind  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def build(folder: Path, messages: int, contacts: int) -> tuple[Services, Path]:
    path = folder / "contacts.sqlite3"
    services = build_services(f"sqlite:///{path}", clock=ManualClock(NOW), registry=Registry([FakeInboxKind()]))
    services.channels.add("fakeinbox", name="Mastodon")
    services.channels.add("fakeinbox", name="Blog")
    services.close()
    rnd = random.Random(5)
    stamp = NOW.replace(tzinfo=None).isoformat(sep=" ")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO inbox_contacts (id, channel_kind, handle, display_name, tags, notes, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, '', ?, ?6)",
        [
            (
                n,
                "mastodon" if n % 2 else "bluesky",
                f"@user{n}@host{n % 97}.example",
                f"Person {n} {rnd.choice(('Meyer', 'Schmidt', 'Lovelace', 'Hopper', 'Turing'))}",
                json.dumps(["press"] if n % 10 == 0 else []),
                stamp,
            )
            for n in range(1, contacts + 1)
        ],
    )
    conn.execute(
        "UPDATE inbox_contacts SET merged_into_id = id - 1 WHERE id % 20 = 0 AND id > 1",
    )
    weights = [1.0 / (n**0.8) for n in range(1, contacts + 1)]  # a few authors write a lot
    authors = rnd.choices(range(1, contacts + 1), weights=weights, k=messages)
    rows = []
    for n, author in enumerate(authors):
        at = (NOW - timedelta(minutes=n * 3 + rnd.random())).replace(tzinfo=None).isoformat(sep=" ")
        rows.append(
            (
                1 + n % 2,
                f"r{n}",
                "mention",
                f"@user{author}@host{author % 97}.example",
                f"Person {author}",
                author,
                f"message {n} about the delivery",
                at,
                "open",
                0.0,
                "neutral",
                "[]",
                stamp,
            )
        )
    conn.executemany(
        "INSERT INTO inbox_items (channel_id, remote_id, kind, author_handle, author_name, contact_id, text, "
        "received_at, status, sentiment_score, sentiment_label, sentiment_words, edited, deleted, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?13)",
        rows,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return build_services(f"sqlite:///{path}", clock=ManualClock(NOW)), path


def median_ms(work: Any, runs: int) -> float:
    work()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        times.append((time.perf_counter_ns() - start) / 1e6)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--contacts", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        services, path = build(Path(tmp), args.messages, args.contacts)
        try:
            conn = sqlite3.connect(path)
            baseline = median_ms(
                lambda: conn.execute(
                    "SELECT contact_id, max(received_at) FROM inbox_items GROUP BY contact_id ORDER BY 2 DESC"
                ).fetchall(),
                args.runs,
            )
            busiest = conn.execute(
                "SELECT contact_id FROM inbox_items GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()[0]
            conn.close()
            first_page = services.contacts.ids()[:100]
            contacts = services.contacts
            figures = {
                "ids, no filter": median_ms(lambda: contacts.ids(), args.runs),
                "ids, search 'lovelace'": median_ms(lambda: contacts.ids("lovelace"), args.runs),
                "ids, search by handle 'host42'": median_ms(lambda: contacts.ids("host42"), args.runs),
                "ids, tag 'press'": median_ms(lambda: contacts.ids(tag="press"), args.runs),
                "rows, first 100": median_ms(lambda: contacts.rows(first_page), args.runs),
                "get, busiest contact": median_ms(lambda: contacts.get(busiest), args.runs),
            }
        finally:
            services.close()

    if args.json:
        print(json.dumps({"baseline_ms": baseline, "figures_ms": figures}, indent=2))
        return 0
    print(f"{args.messages:,} messages from {args.contacts:,} contacts; median of {args.runs} runs")
    print(f"  baseline (bare sqlite3, authors by last message): {baseline:8.1f} ms")
    for name, value in figures.items():
        print(f"  {name:<36} {value:8.1f} ms   {value / baseline:5.2f} x baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
