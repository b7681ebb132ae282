"""The PySide6 desktop UI. Depends on the core (``publisher``); the core never depends on it."""

from ui._none_refcount import protect_none

protect_none()
