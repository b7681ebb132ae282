"""Composer benchmark: re-render and re-count a 3,000-character draft for every channel kind, as on each keystroke.

Run it as a script (it is a report, not a test; pytest does not collect ``bench_*.py``)::

    python tests/bench/bench_compose.py [--runs 300] [--json]

Every run changes one character of the draft first (as typing does), so no cache of the previous run helps: each
run parses the Markdown, writes every kind's text and counts it. Reported:

* compose: ``render(draft, kind)`` for all kinds (each part is counted inside ``render``); the goal is a median of
  at most 8 ms;
* compose + problems: the same plus ``length_problems`` for each (which splits the too-long thread kinds to say into
  how many parts), what the composer shows beside the counters;
* baseline: one bare ``len(draft)`` and ``markdown.markdown(draft)`` of the same draft; the ratio puts the engine's
  time beside the time of the Markdown rendering alone.

Exit status: 0 whatever the numbers are.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

import markdown  # noqa: E402

from publisher.text import KINDS, length_problems, render  # noqa: E402

GOAL_MS = 8.0
DRAFT_LENGTH = 3000

DRAFT = """# Acme launches the Solar Roof 2 🌞

**Berlin, 3 December 2026.** Acme today announced the *Solar Roof 2*, a lighter and cheaper roof that pays for \
itself in under eight years. Read the full announcement at https://acme.example.com/news/solar-roof-2 and see the \
specs on [our product page](https://acme.example.com/products/roof?ref=launch).

"We wanted a roof that any family can afford," said Jana Müller, CEO of Acme. "Solar Roof 2 costs 30 % less than \
its predecessor and installs in a single day." Thanks to @greenpartner@mastodon.social and @alice.bsky.social for \
testing it with us! 🙌

What is new:

- 18 % more power from the same area ⚡
- Tiles in four colours: slate, terracotta, sand and graphite
- A 25-year warranty on tiles *and* inverter
- An app that shows every tile's output 📱

The roof ships in Germany, Austria and Switzerland from March 2027. Pre-orders open today at \
https://acme.example.com/preorder — the first 1,000 customers get a free battery check. Installers can apply to \
join the programme at https://partners.acme.example.com/apply.

## Why it matters

Households in Europe spend more on energy than ever. A roof that produces power for 30 years, costs less than a \
small car and needs no extra space on the ground is good news for families and for the climate. Independent tests \
by the Fraunhofer Institute confirmed an efficiency of 22.4 % under standard conditions. 🌍

> "The best roof we have tested this year." — Solar Magazine, November 2026

Acme will show Solar Roof 2 at the Intersolar fair in Munich (hall B4, stand 210). Journalists can book an \
interview with our engineering team through press@acme.example.com or on the phone at +49 30 1234567. Photos in \
print quality are in our press kit at https://acme.example.com/press/kit?lang=en#photos.

**About Acme:** Acme builds solar roofs, batteries and chargers in Berlin and Leipzig. Founded in 2012, the company \
employs 1,200 people and has installed more than 40,000 roofs across Europe. In 2025 it opened a second factory in \
Leipzig, which runs entirely on solar power from its own roof 🏭 and recycles 96 % of its production waste. Acme is \
a member of @SolarPowerEurope and works with installers in 14 countries. Follow us for updates and \
behind-the-scenes photos from the factory floor, or write to us with your questions: we answer every message \
within a day. 💬

1. Order online or through an installer
2. Book a free roof check within two weeks
3. Installation in a single day, power from day one ☀️

Press contact: Lena Fischer, +49 30 1234568, lena.fischer@acme.example.com

#SolarRoof #Acme #Energiewende #CleanEnergy #Solar
"""


def draft(length: int = DRAFT_LENGTH) -> str:
    """The sample draft, cut or padded with its own paragraphs to exactly ``length`` characters."""
    text = DRAFT
    while len(text) < length:
        text += "\n\n" + DRAFT.split("\n\n")[1]
    return text[:length]


def keystrokes(text: str, count: int) -> list[str]:
    """``count`` variants of ``text``, each with one letter of the first paragraph replaced (no two alike)."""
    position = text.index("announced") + 2
    letters = "abcdefghijklmnopqrstuvwxyz"
    variants = []
    for index in range(count):
        suffix = letters[index % 26] + letters[(index // 26) % 26] + letters[(index // 676) % 26]
        variants.append(text[:position] + suffix + text[position + 3 :])
    return variants


def compose(text: str) -> None:
    for kind in KINDS:
        render(text, kind)


def compose_with_problems(text: str) -> None:
    for kind in KINDS:
        length_problems(render(text, kind))


def baseline(text: str) -> None:
    len(text)
    markdown.markdown(text)


def measure(work: Callable[[str], None], texts: list[str]) -> list[float]:
    """Milliseconds per run, one text per run."""
    for text in texts[:5]:  # warm-up: imports, compiled patterns, one Markdown object
        work(text + " ")
    times = []
    gc.collect()
    for text in texts:
        start = time.perf_counter_ns()
        work(text)
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    text = draft()
    results = {}
    for name, work in (("compose", compose), ("compose_problems", compose_with_problems), ("baseline", baseline)):
        times = measure(work, keystrokes(text, args.runs))
        results[name] = {"median_ms": statistics.median(times), "p90_ms": statistics.quantiles(times, n=10)[-1]}
    compose_ms = results["compose"]["median_ms"]
    baseline_ms = results["baseline"]["median_ms"]
    report = {
        "draft_characters": len(text),
        "kinds": list(KINDS),
        "runs": args.runs,
        **results,
        "ratio": compose_ms / baseline_ms,
        "ratio_with_problems": results["compose_problems"]["median_ms"] / baseline_ms,
        "goal_ms": GOAL_MS,
        "verdict": "PASS" if compose_ms <= GOAL_MS else "MISS",
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"Draft: {len(text)} characters, {len(KINDS)} kinds, {args.runs} runs (one character changed per run)")
    print(f"  render + count, all kinds:      median {compose_ms:6.2f} ms  (p90 {results['compose']['p90_ms']:.2f})")
    print(
        f"  ... + length_problems:          median {results['compose_problems']['median_ms']:6.2f} ms"
        f"  (p90 {results['compose_problems']['p90_ms']:.2f})"
    )
    print(f"  bare len() + markdown.markdown: median {baseline_ms:6.2f} ms  (p90 {results['baseline']['p90_ms']:.2f})")
    print(f"  ratio: {report['ratio']:.2f}x the bare render ({report['ratio_with_problems']:.2f}x with problems)")
    print(f"  goal: median <= {GOAL_MS:g} ms for all kinds: {report['verdict']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
