"""The Mastodon connector against a real server speaking the Mastodon API: PyPI ``mastodon-mock`` (a FastAPI app on
in-memory SQLite), started on a free loopback port for this module and stopped afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from PIL import Image

from publisher.channels.mastodon import MastodonConnector, MastodonKind, html_to_text
from publisher.channels.protocol import ChannelConfig, MediaItem, PublishRequest

TOKEN = "mock_token"  # the token mastodon-mock accepts for its test user


def _server_command() -> list[str]:
    exe = Path(sys.executable).with_name("mastodon_mock")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("mastodon_mock")
    if found is None:
        pytest.skip("mastodon-mock is not installed (pip install mastodon-mock)")
    return [found]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    port = _free_port()
    command = [*_server_command(), "serve", "--host", "127.0.0.1", "--port", str(port), "--in-memory"]
    server = subprocess.Popen(
        [*command, "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/api/v2/instance", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"mastodon-mock did not start (exit code {server.poll()})")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def mastodon(base_url: str) -> MastodonConnector:
    config = ChannelConfig(id=1, name="Mock", base_url=base_url, handle=None, settings={})
    return MastodonKind(sleeper=time.sleep).connect(config, TOKEN)


def request(text: str, key: str, **extra: object) -> PublishRequest:
    return PublishRequest(
        key=key, post_id=1, title=None, text=text, date=datetime.now(UTC), channel_name="Mock", **extra
    )


def read(mastodon: MastodonConnector, status_id: str) -> dict[str, object]:
    status = mastodon.http.json("GET", f"/api/v1/statuses/{status_id}")
    assert isinstance(status, dict)
    return status


def test_verify_reports_the_account_and_limits(mastodon):
    result = mastodon.verify()
    assert result.account.startswith("@")
    assert result.details["max_characters"] >= 500


def test_publish_text_once_even_when_sent_twice(mastodon):
    req = request("Hello from **Publisher**", key="it-text-1")
    first = mastodon.publish(req)
    again = mastodon.publish(req)
    assert first == again
    assert html_to_text(str(read(mastodon, first.remote_id)["content"])) == "Hello from Publisher"
    assert mastodon.find_published(req) == first


def test_publish_a_two_part_thread(mastodon):
    text = "First part. " + "lorem ipsum dolor " * 20 + "\n\nSecond part. " + "sit amet consectetur " * 10
    result = mastodon.publish(request(text, key="it-thread-1"))
    context = mastodon.http.json("GET", f"/api/v1/statuses/{result.remote_id}/context")
    descendants = context["descendants"]
    assert len(descendants) == 1
    assert descendants[0]["in_reply_to_id"] == result.remote_id
    assert html_to_text(descendants[0]["content"]).startswith("Second part.")


def test_publish_an_image_with_alt_text(mastodon, tmp_path):
    path = tmp_path / "square.png"
    Image.new("RGB", (16, 16), "red").save(path)
    image = MediaItem(path=str(path), filename="square.png", mime_type="image/png", sha256="x", alt_text="A red square")
    result = mastodon.publish(request("A picture", key="it-image-1", media=(image,)))
    [attachment] = read(mastodon, result.remote_id)["media_attachments"]
    assert attachment["type"] == "image"
    assert attachment["description"] == "A red square"


def test_metrics_of_a_published_status(mastodon):
    result = mastodon.publish(request("Count me", key="it-metrics-1"))
    metrics = mastodon.fetch_metrics([result.remote_id])
    assert metrics[result.remote_id].replies == 0
