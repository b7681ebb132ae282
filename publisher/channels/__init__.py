"""Connectors to networks, one module each, behind one protocol (:mod:`publisher.channels.protocol`)."""

from publisher.channels.protocol import (
    ChannelKind,
    Connector,
    FieldSpec,
    PublishRequest,
    PublishResult,
    VerifyResult,
)
from publisher.channels.registry import Registry, default_registry

__all__ = [
    "ChannelKind",
    "Connector",
    "FieldSpec",
    "PublishRequest",
    "PublishResult",
    "Registry",
    "VerifyResult",
    "default_registry",
]
