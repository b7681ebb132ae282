"""Finds channel kinds: the built-in ones and third-party ones in the ``publisher.channels`` entry points."""

from __future__ import annotations

from importlib.metadata import entry_points

from publisher.channels.protocol import ChannelKind
from publisher.errors import InputError

ENTRY_POINT_GROUP = "publisher.channels"


class Registry:
    def __init__(self, kinds: list[ChannelKind] | None = None) -> None:
        self._kinds: dict[str, ChannelKind] = {}
        for kind in kinds or []:
            self.register(kind)

    def register(self, kind: ChannelKind) -> None:
        self._kinds[kind.kind] = kind

    def get(self, kind: str) -> ChannelKind:
        try:
            return self._kinds[kind]
        except KeyError:
            raise InputError("channel.unknown_kind", kind=kind, known=", ".join(self.kinds())) from None

    def kinds(self) -> list[str]:
        return sorted(self._kinds)

    def load_entry_points(self) -> None:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            kind = ep.load()
            self.register(kind() if isinstance(kind, type) else kind)


def default_registry() -> Registry:
    from publisher.channels.feed import FeedKind
    from publisher.channels.mastodon import MastodonKind
    from publisher.channels.matrix import MatrixKind

    registry = Registry([FeedKind(), MastodonKind(), MatrixKind()])
    registry.load_entry_points()
    return registry
