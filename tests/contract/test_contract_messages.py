"""Every error code the HTTP layer, Mastodon and OAuth modules raise has an English message, and the messages
module stays import-free."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import publisher.channels
from publisher.channels.messages import CHANNEL_MESSAGES
from publisher.messages import MESSAGES

CHANNELS = Path(publisher.channels.__file__).parent
CODE = re.compile(r"^(channel|mastodon|oauth|time)\.[a-z_]+$")


def raised_codes() -> set[str]:
    codes = set()
    for name in ("_http.py", "mastodon.py", "oauth.py", "protocol.py", "registry.py"):
        path = CHANNELS / name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                value = node.args[0].value
                if isinstance(value, str) and CODE.match(value):
                    codes.add(value)
    return codes


def test_every_raised_code_has_a_message():
    codes = raised_codes()
    assert "mastodon.media_processing" in codes and "channel.not_json" in codes
    assert sorted(c for c in codes if c not in CHANNEL_MESSAGES and c not in MESSAGES) == []


def _base_codes() -> set[str]:
    """The codes written in publisher/messages.py itself (before the areas' messages are merged in)."""
    import publisher.messages

    tree = ast.parse(Path(publisher.messages.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "MESSAGES":
            assert isinstance(node.value, ast.Dict)
            return {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
    raise AssertionError("MESSAGES literal not found")


def test_new_codes_do_not_redefine_existing_ones():
    assert set(CHANNEL_MESSAGES) & _base_codes() == set()


def test_messages_name_only_simple_placeholders():
    for code, text in CHANNEL_MESSAGES.items():
        fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        assert all(re.fullmatch(r"[a-z_]+", f) for f in fields), code


def test_the_messages_module_imports_nothing_heavy():
    probe = "import sys, publisher.channels.messages as m; print(sorted(k for k in sys.modules if 'httpx' in k))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
