"""The window's own preferences (not workspace data), kept with QSettings in the user's settings store."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from publisher import APP_NAME

KEEP_IN_BACKGROUND = "background/keep_publishing"
BACKGROUND_HINT_SHOWN = "background/hint_shown"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def _flag(key: str, default: bool) -> bool:
    value = app_settings().value(key, default)
    if isinstance(value, str):  # ini files give strings back
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def keep_publishing_in_background() -> bool:
    """Closing the window leaves the engine running in the tray (default on)."""
    return _flag(KEEP_IN_BACKGROUND, True)


def set_keep_publishing_in_background(keep: bool) -> None:
    app_settings().setValue(KEEP_IN_BACKGROUND, keep)


def background_hint_shown() -> bool:
    return _flag(BACKGROUND_HINT_SHOWN, False)


def set_background_hint_shown() -> None:
    app_settings().setValue(BACKGROUND_HINT_SHOWN, True)


NOTIFY_MENTIONS = "inbox/notify_mentions"
NOTIFY_ALL = "inbox/notify_all_messages"


def notify_mentions() -> bool:
    """A desktop notification when someone mentions one of our accounts (default on)."""
    return _flag(NOTIFY_MENTIONS, True)


def set_notify_mentions(on: bool) -> None:
    app_settings().setValue(NOTIFY_MENTIONS, on)


def notify_all_messages() -> bool:
    """Also for replies, comments and direct messages (default off: a busy brand gets hundreds a day); only
    while :func:`notify_mentions` is on."""
    return _flag(NOTIFY_ALL, False)


def set_notify_all_messages(on: bool) -> None:
    app_settings().setValue(NOTIFY_ALL, on)


def notified_kinds() -> tuple[str, ...]:
    """The kinds of inbox item that pop up a notification, from the two settings above."""
    if not notify_mentions():
        return ()
    return ("mention", "reply", "comment", "message") if notify_all_messages() else ("mention",)
