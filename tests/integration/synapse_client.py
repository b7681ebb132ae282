"""What the Synapse tests do as a second person: register an account and call the client-server API directly."""

from __future__ import annotations

from typing import Any

import httpx


def register(url: str, name: str) -> dict[str, Any]:
    body = {"username": name, "password": f"pw-{name}", "auth": {"type": "m.login.dummy"}}
    response = httpx.post(f"{url}/_matrix/client/v3/register", json=body, timeout=30)
    assert response.status_code == 200, response.text
    return dict(response.json())


def api(url: str, token: str, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
    response = httpx.request(
        method, f"{url}/_matrix/client/v3{path}", headers={"Authorization": f"Bearer {token}"}, timeout=30, **kwargs
    )
    assert response.status_code == 200, response.text
    return dict(response.json())
