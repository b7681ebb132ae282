"""`publisher check`, `publisher render` and `publisher brand` as scripts use them."""

from __future__ import annotations

import json
from typing import Any

LONG = "Word " * 80


def test_check_reports_every_kind_in_the_documented_shape(cli: Any) -> None:
    result = cli.run("check", "--kind", "x", "--kind", "bluesky", "--json", input=LONG)
    assert result.returncode == 1  # too long for X
    data = json.loads(result.stdout)
    by_target = {r["target"]: r for r in data["results"]}
    x = by_target["x"]
    assert set(x) >= {"target", "kind", "length", "limit", "unit", "ok", "parts", "problems"}
    assert (x["length"], x["limit"], x["unit"], x["ok"], x["parts"]) == (399, 280, "weighted", False, 2)
    problem = x["problems"][0]
    assert problem["code"] == "text.too_long" and problem["severity"] == "error" and problem["message"]
    assert by_target["bluesky"]["unit"] == "graphemes"


def test_check_passes_a_fitting_draft(cli: Any) -> None:
    result = cli.run("check", "--kind", "mastodon", input="Short and sweet.")
    assert result.returncode == 0, result.stderr
    assert "mastodon" in result.stdout


def test_check_against_a_brand_and_a_channel(cli: Any, tmp_path: Any) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    cli.ok("channel", "add", "feed", "--name", "Blog", "--path", str(folder))
    cli.ok("brand", "save", input=json.dumps({"name": "ACME", "required": ["#Anzeige"]}))
    assert [b["name"] for b in cli.json("brand", "list")] == ["ACME"]
    result = cli.run("check", "--channel", "Blog", "--brand", "ACME", "--json", input="No disclosure here")
    assert result.returncode == 1
    [blog] = json.loads(result.stdout)["results"]
    assert blog["target"] == "Blog" and blog["kind"] == "feed"
    assert [p["code"] for p in blog["problems"]] == ["brand.required_missing"]
    assert cli.run("check", "--channel", "Blog", "--brand", "ACME", input="#Anzeige Now fine").returncode == 0


def test_render_bluesky_gives_facets_with_byte_offsets(cli: Any) -> None:
    text = "Grüße https://example.org #tag"
    data = cli.json("render", "--kind", "bluesky", input=text)
    [part] = data["parts"]
    encoded = part["text"].encode("utf-8")
    spans = {f["features"][0]["$type"].split("#")[1]: f["index"] for f in part["facets"]}
    link = spans["link"]
    assert encoded[link["byteStart"] : link["byteEnd"]].decode() == "https://example.org"
    tag = spans["tag"]
    assert encoded[tag["byteStart"] : tag["byteEnd"]].decode() == "#tag"


def test_render_split_makes_a_numbered_thread(cli: Any) -> None:
    data = cli.json("render", "--kind", "x", "--split", "--numbering", input=LONG)
    parts = [p["text"] for p in data["parts"]]
    assert len(parts) == 2 and parts[0].endswith("1/2") and parts[1].endswith("2/2")


def test_bad_input_is_one_line_and_changes_nothing(cli: Any) -> None:
    for args, stdin in (
        (("check", "--kind", "myspace"), "hi"),
        (("render", "--kind", "myspace"), "hi"),
        (("brand", "save"), "{not json"),
        (("brand", "save"), json.dumps({"name": "X", "colour": "red"})),
        (("brand", "show", "Nope"), ""),
    ):
        result = cli.run(*args, input=stdin)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("publisher: error: "), result.stderr
    assert cli.json("brand", "list") == []


def test_channel_rename_and_check(cli: Any, tmp_path: Any) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    cli.ok("channel", "add", "feed", "--name", "Blog", "--path", str(folder))
    cli.ok("channel", "rename", "Blog", "News")
    assert [c["name"] for c in cli.json("channel", "list")] == ["News"]
    checked = cli.json("channel", "check", "News")
    assert checked["account"] == str(folder.resolve())
    folder.rmdir()
    result = cli.run("channel", "check", "News")
    assert result.returncode != 0 and "does not exist" in result.stderr
