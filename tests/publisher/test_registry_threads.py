"""The channel registry loads a lazy kind once, however many of the engine's threads ask for it at the same time."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from publisher.channels.feed import FeedKind
from publisher.channels.registry import Registry


def test_threads_asking_for_a_lazy_kind_at_once_all_get_it_and_it_loads_once() -> None:
    registry = Registry()
    loads = []
    started = threading.Barrier(8)

    def slow_factory() -> FeedKind:
        loads.append(1)
        time.sleep(0.05)  # an import takes a while; other threads ask meanwhile
        return FeedKind()

    registry.register_lazy("feed", slow_factory)

    def ask() -> object:
        started.wait()
        return registry.get("feed")

    with ThreadPoolExecutor(max_workers=8) as pool:
        kinds = list(pool.map(lambda _: ask(), range(8)))
    assert len(loads) == 1
    assert all(kind is kinds[0] for kind in kinds)
    assert registry.kinds() == ["feed"]
