"""Problems found in a draft (by the counters, the media checks or the brand check).

A problem has a stable ``code`` and ``params`` (never prose: the CLI and the UI turn codes into sentences), a
severity (an error blocks scheduling, a warning does not) and, where one is mechanical, a ``fix``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Fix:
    """A mechanical fix the composer can apply with one click, e.g. ``add_signature``, ``split``, ``shorten``."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    # Where in the draft (Python str offsets into the Markdown source), when the problem has a place.
    start: int | None = None
    end: int | None = None

    @property
    def blocks(self) -> bool:
        return self.severity == Severity.ERROR
