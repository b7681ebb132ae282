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
