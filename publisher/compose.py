"""Checking a draft for a channel or a network kind: what the composer's live panels and the CLI's ``check`` show.

Pure computation on text (no database, no I/O), fast enough for every keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from publisher.domain.problems import Problem, Severity
from publisher.messages import describe_problem
from publisher.text import KINDS, THREAD_KINDS, Rendered, UtmTemplate, length_problems, render

if TYPE_CHECKING:
    from publisher.domain.brand import BrandProfile
    from publisher.media import MediaInfo


@dataclass(frozen=True, slots=True)
class Target:
    """Where a draft is checked for: a configured channel, or just a network kind."""

    name: str
    kind: str
    limit: int | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    target: Target
    rendered: Rendered
    length: int
    limit: int | None
    unit: str
    parts: int
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not any(p.severity == Severity.ERROR for p in self.problems)

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target.name,
            "kind": self.target.kind,
            "length": self.length,
            "limit": self.limit,
            "unit": self.unit,
            "ok": self.ok,
            "parts": self.parts,
            "problems": [
                {
                    "code": p.code,
                    "severity": p.severity.value,
                    "message": describe_problem(p),
                    **({"fix": {"code": p.fix.code, **p.fix.params}} if p.fix else {}),
                }
                for p in self.problems
            ],
        }


# What a feed channel's connector actually sends is the Markdown itself; every other kind maps to its renderer.
CHANNEL_KIND_TO_TEXT_KIND = {"feed": "feed"}


def text_kind_of(channel_kind: str) -> str:
    """The text engine's kind for a channel kind. A third-party kind (entry point ``publisher.channels``) that the
    text engine does not know is checked like a feed: Markdown kept, no length limit of its own."""
    kind = CHANNEL_KIND_TO_TEXT_KIND.get(channel_kind, channel_kind)
    return kind if kind in KINDS else "feed"


def check_text(
    markdown: str,
    target: Target,
    *,
    brand: BrandProfile | None = None,
    utm: UtmTemplate | None = None,
    media: Sequence[tuple[MediaInfo, str]] = (),
) -> CheckResult:
    """Render ``markdown`` for one target and list every problem: length, media, then brand."""
    rendered = render(markdown, target.kind, limit=target.limit, utm=utm)
    first = rendered.parts[0].count
    problems = list(length_problems(rendered))
    parts = 1
    if target.kind in THREAD_KINDS and not first.ok:
        parts = len(render(markdown, target.kind, split=True, limit=target.limit, utm=utm).parts)
    if media:
        from publisher.media import media_problems

        problems += media_problems(list(media), target.kind)
    if brand is not None:
        from publisher.domain.brand import brand_check

        problems += brand_check(markdown, kind=target.kind, profile=brand, channel=target.channel or "")
    length, limit, unit = first.length, first.limit, first.unit
    if limit is None and first.byte_limit is not None and first.byte_length is not None:
        length, limit, unit = first.byte_length, first.byte_limit, "bytes"  # e.g. Matrix: only a size limit
    return CheckResult(
        target=target,
        rendered=rendered,
        length=length,
        limit=limit,
        unit=unit,
        parts=parts,
        problems=tuple(problems),
    )


# What a brand asks of its posts but not of a reply in a conversation: a signature, the campaign's hashtags and
# required wording (a disclaimer belongs to the post being answered).
NOT_FOR_REPLIES = frozenset({"brand.signature_missing", "brand.hashtags_missing", "brand.required_missing"})


def check_reply(text: str, target: Target, *, brand: BrandProfile | None = None) -> CheckResult:
    """A reply from the inbox checked like a post (length in the network's unit, then the brand's wording, emoji,
    exclamation marks and capitals), without the rules that only make sense for a post of our own."""
    result = check_text(text, target, brand=brand)
    kept = tuple(p for p in result.problems if p.code not in NOT_FOR_REPLIES)
    if len(kept) == len(result.problems):
        return result
    from dataclasses import replace

    return replace(result, problems=kept)
