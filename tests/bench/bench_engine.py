"""Publishing-engine benchmark: fan-out to 10 channels, and punctuality of scheduled posts.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_engine.py [--runs 5] [--latency 0.3] [--deliveries 50] [--json]

Both parts talk to the loopback Mastodon server (``tests/engine_servers/loopback_mastodon.py``) on a thread of this
process, through the real Mastodon connector and a SQLite database in a temporary folder (secrets in an in-memory
keyring; nothing touches the user's data, keyring or network).

* fan-out: one post to 10 Mastodon channels (10 accounts) on a server that answers every request after
  ``--latency`` (300 ms). Timed from ``run_once()`` start until it returns with all 10 published; the median of
  ``--runs`` runs. Baseline, measured in the same run the same way: one post to one channel. Goal: the fan-out
  takes at most 1.3x the baseline (the ten requests overlap). The nominal latency is printed beside it, and,
  for comparison, the same fan-out with ``max_workers=1`` (one request at a time) where the engine accepts it.
* punctuality: the engine runs (``run_forever`` on a thread, the real clock, the default 15 s interval);
  ``--deliveries`` posts are scheduled one each at staggered times 2-7 s ahead. Lateness = the time the server
  received the post's create minus its scheduled time; p50/p99/max. Goal: p99 <= 1 s.

Exit status: 0 whatever the numbers are; 1 if something did not get published.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

WORKDIR = Path(tempfile.mkdtemp(prefix="publisher-bench-engine-"))
os.environ["PUBLISHER_DATA_DIR"] = str(WORKDIR / "data")  # before publisher is imported
os.environ.pop("PUBLISHER_DB", None)

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import keyring.errors  # noqa: E402

from publisher.channels.mastodon import MastodonKind  # noqa: E402
from publisher.channels.registry import Registry  # noqa: E402
from publisher.services import Services, build_services  # noqa: E402
from publisher.services.engine import PublishingEngine  # noqa: E402
from tests.engine_servers.loopback_mastodon import ThreadServer, serve_in_thread  # noqa: E402

FANOUT_CHANNELS = 10
FANOUT_GOAL_RATIO = 1.3
PUNCTUALITY_GOAL_S = 1.0
LEAD_TIME_S = 2.0  # the first scheduled delivery is this far ahead of the engine's start
SPREAD_S = 5.0  # … and the last this much later


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Secrets for the benchmark's channels: in memory, never the system keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not stored")


def workspace(name: str, server: ThreadServer, channels: int) -> tuple[Services, list[str]]:
    """A fresh SQLite database with ``channels`` Mastodon channels, one account each on ``server``."""
    services = build_services(f"sqlite:///{WORKDIR / (name + '.sqlite3')}", registry=Registry([MastodonKind()]))
    names = []
    for n in range(channels):
        token = f"{name}-token-{n}"
        server.add_account(token, f"{name}{n}")
        names.append(services.channels.add("mastodon", name=f"{name} {n}", url=server.url, secret=token).name)
    return services, names


def engine_for(services: Services, **options: Any) -> PublishingEngine:
    accepted = inspect.signature(PublishingEngine).parameters
    return PublishingEngine(
        services.db,
        services.registry,
        services.secrets,
        services.clock,
        **{k: v for k, v in options.items() if k in accepted},
    )


def time_run_once(services: Services, names: list[str], runs: int, **options: Any) -> tuple[list[float], bool]:
    """Seconds per ``run_once`` that publishes one new post to ``names``; whether all went out every time."""
    times = []
    ok = True
    engine = engine_for(services, **options)
    for run in range(runs):
        post = services.posts.create(f"Fan-out run {run} to {len(names)} channels {time.time_ns()}", channels=names)
        start = time.perf_counter()
        report = engine.run_once()
        times.append(time.perf_counter() - start)
        ok = ok and sorted(report.published) == sorted(d.id for d in post.deliveries)
    return times, ok


def fanout(server: ThreadServer, runs: int, latency: float) -> dict[str, Any]:
    server.latency(latency)
    services, names = workspace("fanout", server, FANOUT_CHANNELS)
    try:
        time_run_once(services, names[:1], 1)  # warm-up: imports, connections, the database file
        baseline, ok_one = time_run_once(services, names[:1], runs)
        fan, ok_fan = time_run_once(services, names, runs)
        accepted = inspect.signature(PublishingEngine).parameters
        sequential = None
        if "max_workers" in accepted:
            sequential = statistics.median(time_run_once(services, names, max(1, runs // 2), max_workers=1)[0])
    finally:
        services.close()
    fan_s, base_s = statistics.median(fan), statistics.median(baseline)
    return {
        "channels": FANOUT_CHANNELS,
        "latency_s": latency,
        "runs": runs,
        "fanout_median_s": fan_s,
        "fanout_max_s": max(fan),
        "baseline_one_channel_median_s": base_s,
        "sequential_median_s": sequential,
        "ratio": fan_s / base_s,
        "ratio_to_latency": fan_s / latency,
        "goal_ratio": FANOUT_GOAL_RATIO,
        "all_published": ok_one and ok_fan,
        "verdict": "PASS" if fan_s / base_s <= FANOUT_GOAL_RATIO and ok_one and ok_fan else "FAIL",
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def punctuality(server: ThreadServer, deliveries: int, *, scheduled_while_running: bool = False) -> dict[str, Any]:
    """Lateness of ``deliveries`` posts scheduled 2-7 s ahead, the engine in ``run_forever``.

    By default they are in the database before the engine starts (it knows what falls due when). With
    ``scheduled_while_running`` they are created after the engine went to sleep, by someone who cannot wake it
    (``publisher post create`` while ``publisher run`` runs, a teammate on the shared database).
    """
    server.reset()  # forget earlier requests (their keys name delivery ids of another database); no latency
    name = "late" if scheduled_while_running else "punctual"
    services, names = workspace(name, server, FANOUT_CHANNELS)
    engine = engine_for(services)
    thread = threading.Thread(target=engine.run_forever, kwargs={"interval": 15.0}, daemon=True)
    wanted: dict[int, datetime] = {}

    def schedule() -> None:
        start = datetime.now(UTC) + timedelta(seconds=LEAD_TIME_S)
        for n in range(deliveries):
            at = start + timedelta(seconds=SPREAD_S * n / max(deliveries - 1, 1))
            post = services.posts.create(f"{name} post {n} {time.time_ns()}", channels=[names[n % len(names)]], at=at)
            wanted[post.deliveries[0].id] = at

    try:
        if scheduled_while_running:
            thread.start()
            time.sleep(0.5)  # its first pass found nothing due; it waits for the interval
            schedule()
        else:
            schedule()
            thread.start()
        deadline = time.monotonic() + LEAD_TIME_S + SPREAD_S + 30
        received: dict[int, float] = {}
        while time.monotonic() < deadline and len(received) < deliveries:
            for entry in server.creates():
                key = entry["idempotency_key"] or ""
                if key.startswith("pub-"):
                    delivery_id = int(key.split("-")[1])
                    if delivery_id in wanted:
                        received.setdefault(delivery_id, entry["time"])
            time.sleep(0.2)
    finally:
        engine.stop()
        thread.join(timeout=60)
        services.close()
    lateness = [received[d] - wanted[d].timestamp() for d in received]
    p99 = percentile(lateness, 0.99) if lateness else float("inf")
    return {
        "scheduled_while_running": scheduled_while_running,
        "deliveries": deliveries,
        "received": len(received),
        "spread_s": SPREAD_S,
        "p50_s": percentile(lateness, 0.5) if lateness else None,
        "p99_s": p99,
        "max_s": max(lateness) if lateness else None,
        "min_s": min(lateness) if lateness else None,
        "early": sum(1 for x in lateness if x < 0),
        "goal_p99_s": PUNCTUALITY_GOAL_S,
        "ratio": p99 / PUNCTUALITY_GOAL_S,
        "verdict": "PASS" if p99 <= PUNCTUALITY_GOAL_S and len(received) == deliveries else "FAIL",
    }


def print_punctuality(punctual: dict[str, Any]) -> None:
    ms = 1000.0
    how = "scheduled while the engine sleeps (no wake)" if punctual["scheduled_while_running"] else "engine started"
    print(
        f"Punctuality: {punctual['received']}/{punctual['deliveries']} posts due over {SPREAD_S:.0f} s, "
        f"run_forever (15 s interval), {how}"
    )
    if punctual["p50_s"] is not None:
        print(
            f"  lateness: p50 {punctual['p50_s'] * ms:.0f} ms, p99 {punctual['p99_s'] * ms:.0f} ms, "
            f"max {punctual['max_s'] * ms:.0f} ms, min {punctual['min_s'] * ms:.0f} ms ({punctual['early']} early)"
        )
    print(f"  ratio: p99 {punctual['ratio']:.2f}x the {PUNCTUALITY_GOAL_S:.0f} s goal: {punctual['verdict']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.3, help="seconds the server takes per request")
    parser.add_argument("--deliveries", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    keyring.set_keyring(MemoryKeyring())
    server = serve_in_thread()
    try:
        fan = fanout(server, args.runs, args.latency)
        punctual = punctuality(server, args.deliveries)
        late = punctuality(server, args.deliveries, scheduled_while_running=True)
    finally:
        server.stop()
        shutil.rmtree(WORKDIR, ignore_errors=True)
    ok = fan["all_published"] and all(p["received"] == p["deliveries"] for p in (punctual, late))
    if args.json:
        figures = {"fanout": fan, "punctuality": punctual, "punctuality_scheduled_while_running": late}
        print(json.dumps(figures, indent=2))
        return 0 if ok else 1
    ms = 1000.0
    print(f"Fan-out: one post to {fan['channels']} Mastodon channels, server latency {args.latency * ms:.0f} ms")
    print(
        f"  run_once, 10 channels:   median {fan['fanout_median_s'] * ms:7.0f} ms  (max {fan['fanout_max_s'] * ms:.0f})"
    )
    print(f"  run_once, 1 channel:     median {fan['baseline_one_channel_median_s'] * ms:7.0f} ms  (baseline)")
    if fan["sequential_median_s"] is not None:
        print(f"  10 channels, 1 worker:   median {fan['sequential_median_s'] * ms:7.0f} ms  (for comparison)")
    print(
        f"  ratio: {fan['ratio']:.2f}x the one-channel run ({fan['ratio_to_latency']:.2f}x the "
        f"{args.latency * ms:.0f} ms latency); goal <= {FANOUT_GOAL_RATIO}x: {fan['verdict']}"
    )
    print_punctuality(punctual)
    print_punctuality(late)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
