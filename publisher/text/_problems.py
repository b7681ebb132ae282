"""Problems with a rendered post's text: too long, too large, empty, broken characters."""

from __future__ import annotations

import re

from publisher.domain.problems import Fix, Problem, Severity
from publisher.text._counting import telegram_visible
from publisher.text._kinds import THREAD_KINDS
from publisher.text._render import Rendered, render
from publisher.text._split import split_thread
from publisher.text._unicode import surrogates

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def length_problems(rendered: Rendered) -> list[Problem]:
    """What keeps ``rendered`` from being sent, each with a mechanical fix where there is one.

    ``text.too_long`` (over the limit in the kind's unit; fix: split into N parts for thread kinds, else shorten by
    the excess), ``text.too_many_bytes`` (over the byte limit), ``text.empty`` and ``text.invalid_unicode``
    (unpaired surrogates, which no network accepts). All are errors. ``part`` in the params counts from 1.
    """
    kind = rendered.kind
    problems: list[Problem] = []
    if not any(_visible(part.text, kind).strip() for part in rendered.parts):
        problems.append(Problem("text.empty", Severity.ERROR, {"kind": kind}))
    broken = sum(surrogates(part.text) for part in rendered.parts)
    broken += sum(surrogates(str(value)) for part in rendered.parts for value in part.fields.values())
    if broken:
        problems.append(Problem("text.invalid_unicode", Severity.ERROR, {"kind": kind, "count": broken}))
    for number, part in enumerate(rendered.parts, 1):
        counted = part.count
        if counted.limit is not None and counted.length > counted.limit:
            params = {"kind": kind, "length": counted.length, "limit": counted.limit, "unit": counted.unit}
            fix = _fix(part.text, kind, counted.limit, counted.length - counted.limit, counted.unit)
            problems.append(Problem("text.too_long", Severity.ERROR, {**params, "part": number}, fix=fix))
        if counted.byte_limit is not None and (counted.byte_length or 0) > counted.byte_limit:
            length = counted.byte_length or 0
            params = {"kind": kind, "length": length, "limit": counted.byte_limit, "unit": "bytes"}
            fix = _fix(part.text, kind, counted.limit, length - counted.byte_limit, "bytes")
            problems.append(Problem("text.too_many_bytes", Severity.ERROR, {**params, "part": number}, fix=fix))
    return problems


def _visible(text: str, kind: str) -> str:
    """What a reader would see of a payload: the text without markup (an image counts as something)."""
    if kind == "telegram":
        return telegram_visible(text)
    if kind == "wordpress":
        return "image" if "<img" in text else telegram_visible(_COMMENT.sub("", text))
    if kind == "feed":
        return render(text, "mastodon").parts[0].text
    return text


def _fix(text: str, kind: str, limit: int | None, excess: int, unit: str) -> Fix:
    """Split into N parts where the kind has threads and that helps; otherwise shorten by the excess."""
    if kind in THREAD_KINDS:
        parts = len(split_thread(text, kind, limit=limit))
        if parts > 1:
            return Fix("split", {"parts": parts})
    return Fix("shorten", {"by": excess, "unit": unit})
