"""English sentences for the text engine's codes (errors and problems), for the CLI and logs; outside the
engine's package so that reading them does not load the engine.

Python ``str.format`` templates over the code's ``params``. :mod:`publisher.messages` merges them into its table.
"""

from __future__ import annotations

TEXT_MESSAGES: dict[str, str] = {
    # errors (InputError)
    "text.unknown_kind": "There is no channel kind '{kind}'. Available: {known}.",
    "text.bad_limit": "A text limit must be a whole number of at least 1 (got {limit}).",
    "text.no_threads": "A {kind} post cannot be split into a thread. Kinds with threads: {known}.",
    # problems
    "text.empty": "The {kind} text is empty. Write something first.",
    "text.too_long": "The {kind} text is too long: {length} of {limit} {unit}.",
    "text.too_many_bytes": "The {kind} text is too large: {length} of {limit} bytes. Shorten it.",
    "text.invalid_unicode": "The text contains {count} broken character(s) (unpaired surrogates, e.g. from a "
    "damaged copy and paste). Delete or retype them.",
}
