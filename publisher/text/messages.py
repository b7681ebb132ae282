"""The text engine's English sentences: kept in :mod:`publisher.domain._text_messages`, beside the other areas', so
that :mod:`publisher.messages` can load them without loading the engine (regex, Markdown, the networks' tables)."""

from __future__ import annotations

from publisher.domain._text_messages import TEXT_MESSAGES

__all__ = ["TEXT_MESSAGES"]
