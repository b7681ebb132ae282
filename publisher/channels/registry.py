"""Finds channel kinds: the built-in ones and third-party ones in the ``publisher.channels`` entry points."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from importlib.metadata import entry_points

from publisher.channels.protocol import ChannelKind
from publisher.errors import InputError

ENTRY_POINT_GROUP = "publisher.channels"


class Registry:
    """Kinds by name. Built-in kinds are registered lazily (module path + class name), so a connector's module
    and its HTTP stack load only when a channel of that kind is used."""

    def __init__(self, kinds: list[ChannelKind] | None = None) -> None:
        # The engine's worker threads ask for kinds at the same time: a lazy kind loads once, under the lock, and
        # every other thread waits for it (without the lock, they found it neither lazy nor loaded).
        self._lock = threading.Lock()
        self._kinds: dict[str, ChannelKind] = {}
        self._lazy: dict[str, Callable[[], ChannelKind]] = {}
        for kind in kinds or []:
            self.register(kind)

    def register(self, kind: ChannelKind) -> None:
        with self._lock:
            self._kinds[kind.kind] = kind
            self._lazy.pop(kind.kind, None)

    def register_lazy(self, kind: str, factory: Callable[[], ChannelKind]) -> None:
        with self._lock:
            if kind not in self._kinds:
                self._lazy[kind] = factory

    def get(self, kind: str) -> ChannelKind:
        with self._lock:
            found = self._kinds.get(kind)
            if found is not None:
                return found
            factory = self._lazy.get(kind)
            if factory is None:
                raise InputError(
                    "channel.unknown_kind", kind=kind, known=", ".join(sorted({*self._kinds, *self._lazy}))
                )
            loaded = factory()
            self._kinds[kind] = loaded
            self._lazy.pop(kind, None)
            return loaded

    def kinds(self) -> list[str]:
        with self._lock:
            return sorted({*self._kinds, *self._lazy})

    def load_entry_points(self) -> None:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            kind = ep.load()
            self.register(kind() if isinstance(kind, type) else kind)


BUILT_IN: dict[str, tuple[str, str]] = {
    "feed": ("publisher.channels.feed", "FeedKind"),
    "mastodon": ("publisher.channels.mastodon", "MastodonKind"),
    "bluesky": ("publisher.channels.bluesky", "BlueskyKind"),
    "matrix": ("publisher.channels.matrix", "MatrixKind"),
    "telegram": ("publisher.channels.telegram", "TelegramKind"),
    "discord": ("publisher.channels.discord", "DiscordKind"),
    "wordpress": ("publisher.channels.wordpress", "WordPressKind"),
}


def _loader(module: str, name: str) -> Callable[[], ChannelKind]:
    def load() -> ChannelKind:
        kind: ChannelKind = getattr(importlib.import_module(module), name)()
        return kind

    return load


def default_registry() -> Registry:
    registry = Registry()
    for kind, (module, name) in BUILT_IN.items():
        registry.register_lazy(kind, _loader(module, name))
    registry.load_entry_points()
    return registry
