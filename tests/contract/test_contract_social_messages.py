"""Every error code the Telegram and Discord connectors raise has an English message (in ``SOCIAL_MESSAGES``, or
already in the shared tables), with simple placeholders that the raise sites fill, and the module imports nothing."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import publisher.channels
from publisher.channels.messages import CHANNEL_MESSAGES
from publisher.channels.social_messages import SOCIAL_MESSAGES
from publisher.messages import MESSAGES

CHANNELS = Path(publisher.channels.__file__).parent
SOCIAL_CODE = re.compile(r"^(channel|telegram|discord)\.[a-z_]+$")


def social_raises() -> dict[str, set[frozenset[str]]]:
    """Each code raised in telegram.py / discord.py with the keyword sets it is raised with."""
    found: dict[str, set[frozenset[str]]] = {}
    for name in ("telegram.py", "discord.py"):
        for node in ast.walk(ast.parse((CHANNELS / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                value = node.args[0].value
                if isinstance(value, str) and SOCIAL_CODE.match(value):
                    found.setdefault(value, set()).add(frozenset(k.arg for k in node.keywords if k.arg))
    return found


def test_every_social_code_has_a_message_and_its_placeholders_are_filled():
    raised = social_raises()
    assert "telegram.chat_not_found" in raised and "discord.webhook_gone" in raised
    known = {**MESSAGES, **CHANNEL_MESSAGES, **SOCIAL_MESSAGES}
    assert sorted(c for c in raised if c not in known) == []
    for code, keyword_sets in raised.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(known[code]) if f}
        fields = {f.split(".")[0].split("[")[0] for f in fields}
        for keywords in keyword_sets:
            assert fields <= keywords | {"retry_after"}, (code, fields, keywords)


def test_social_messages_are_new_and_simple():
    # merged into MESSAGES unchanged, and clashing with no other area's code
    assert all(MESSAGES[code] == text for code, text in SOCIAL_MESSAGES.items())
    assert set(SOCIAL_MESSAGES) & set(CHANNEL_MESSAGES) == set()
    assert all(code.startswith(("telegram.", "discord.")) for code in SOCIAL_MESSAGES)
    for code, text in SOCIAL_MESSAGES.items():
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        assert all(re.fullmatch(r"[a-z_]+", f) for f in fields), code


def test_the_social_messages_module_imports_nothing():
    probe = "import sys, publisher.channels.social_messages; print(sorted(k for k in sys.modules if 'httpx' in k))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
